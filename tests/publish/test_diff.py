"""``python -m generator diff BASE_REF`` on a fixture change: a temporary git repository holding the
project's content, one commit, then edits in the working tree (a lead agency changed, a task removed,
a target added, a signing date corrected, an agency added to the vocabulary)."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.load import load_content
from generator.importer.emit import emit_plan
from generator.model import AgencyRef, Target
from generator.render.changes import compare

ROOT = Path(__file__).resolve().parents[2]
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is needed")


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(repo), "PATH": "/usr/bin:/bin"})
    return done.stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("diff-repo")
    shutil.copytree(ROOT / "content", repo / "content")
    shutil.copytree(ROOT / "site_config", repo / "site_config")
    (repo / "mkdocs.yml").write_text("site_name: t\nsite_url: https://example.org/atlas/\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    return repo


def _edit(repo: Path) -> None:
    content = load_content(repo)
    plan = content.plans["jinan-2016"]

    def edit_task(task):
        if task.id == "t2-1-1":
            return dataclasses.replace(task, lead=(AgencyRef("市发改委", "jinan-fagaiwei"),))
        if task.id == "t2-1-2":
            # A made-up figure over a verbatim quote (the loader checks quotes against the source).
            extra = Target(name="柔性化改造", value=5, unit="个", comparator="达到", year=2018, quote="柔性化改造")
            return dataclasses.replace(task, targets=task.targets + (extra,))
        return task

    def edit_section(section):
        tasks = tuple(edit_task(t) for t in section.tasks if t.id != "t2-1-3")
        return dataclasses.replace(section, tasks=tasks, sections=tuple(edit_section(s) for s in section.sections))

    import datetime as dt

    plan = dataclasses.replace(plan, signed=dt.date(2016, 6, 3), sections=tuple(edit_section(s) for s in plan.sections))
    (repo / "content" / "plans" / "jinan-2016.yaml").write_text(emit_plan(plan), encoding="utf-8")
    agencies = repo / "site_config" / "agencies.yaml"
    agencies.write_text(agencies.read_text(encoding="utf-8") + (
        "  - id: jinan-shujuju\n    region: jinan\n    name: 济南市大数据局\n    aliases: [市大数据局]\n"
        "    type: null\n"), encoding="utf-8")


def test_an_unchanged_tree_reports_nothing_even_when_a_file_is_rewritten(repo, tmp_path):
    base = load_content(repo)
    rewritten = tmp_path / "t"
    shutil.copytree(repo, rewritten, ignore=shutil.ignore_patterns(".git"))
    path = rewritten / "content" / "plans" / "beijing-2016.yaml"
    path.write_text(emit_plan(base.plans["beijing-2016"]), encoding="utf-8")  # drops the comment, same data
    changes = compare(base, load_content(rewritten))
    assert changes.empty and changes.pages == ()


def test_diff_lists_tasks_agencies_targets_metadata_and_pages(repo):
    _edit(repo)
    done = subprocess.run([sys.executable, "-m", "generator", "--root", str(repo), "diff", "main"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("## Content changes since main")
    assert "**agency changed**: [t2-1-1: lead](https://example.org/atlas/plans/jinan-2016/#t2-1-1)" in out
    assert "市经济和信息化委 (jinan-jingxinwei) → 市发改委 (jinan-fagaiwei)" in out
    assert "**task removed**: [t2-1-3 加快“机器换人”制造转变]" in out
    assert "**target added**: [t2-1-2: 柔性化改造 达到 5个 (2018)]" in out
    assert "**metadata changed**: [signed](https://example.org/atlas/plans/jinan-2016/) — (none) → 2016-06-03" in out
    assert "validation problem" not in out
    assert "**agency added**: [agency jinan-shujuju: 济南市大数据局](https://example.org/atlas/agencies/jinan-shujuju/)" in out
    pages = out.split("### Pages affected")[1]
    for url in ("plans/jinan-2016/", "agencies/jinan-jingxinwei/", "agencies/jinan-fagaiwei/", "indicators/",
                "regions/jinan/", "data/"):
        assert f"(https://example.org/atlas/{url})" in pages, url
    # Untouched plans are not listed.
    assert "beijing-2016" not in out


def test_diff_refuses_an_unknown_ref(repo):
    done = subprocess.run([sys.executable, "-m", "generator", "--root", str(repo), "diff", "no-such-ref"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 2
    assert done.stdout == "" and "error:" in done.stderr
