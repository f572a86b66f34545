"""A handful of the hostile cases through real subprocesses, as a contributor runs them: exit code,
the located root cause on the first line of stdout, no traceback; and ``python -m generator site``
(``make site``) leaves the previous site intact when the content breaks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PLAN, PROJECT, REGIONS, VALID, snapshot


def _tree(tmp_path: Path, with_site_files: bool = False) -> Path:
    root = tmp_path / "project"
    shutil.copytree(VALID, root)
    shutil.copytree(PROJECT / "site_config" / "schema", root / "site_config" / "schema")
    if with_site_files:
        shutil.copytree(PROJECT / "overrides", root / "overrides")
        shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
        (root / "docs").mkdir()
    return root


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args], cwd=root,
                          capture_output=True, text=True, env=env, timeout=600)


@pytest.mark.parametrize("args, first", [
    (("check",), f"{REGIONS}:6:13: region 'china': its parents form a cycle"),
    (("pages", "out"), f"{REGIONS}:6:13: region 'china': its parents form a cycle"),
    (("import", "missing.txt"), "missing.txt:1:1: no such file"),
])
def test_commands_in_a_subprocess_exit_1_with_the_located_root_cause_and_no_traceback(tmp_path, args, first):
    root = _tree(tmp_path)
    text = (root / REGIONS).read_text(encoding="utf-8").replace("parent: null", "parent: jinan")
    (root / REGIONS).write_text(text, encoding="utf-8")
    result = _run(root, *args)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(first), result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (root / "out").exists()


@pytest.mark.slow
def test_a_failing_site_build_leaves_the_previous_site_intact(tmp_path):
    root = _tree(tmp_path, with_site_files=True)
    assert _run(root, "site", "--site-dir", "site").returncode == 0
    before = snapshot(root / "site")
    assert "index.html" in before and "plans/demo-2016/index.html" in before
    (root / "docs" / "plans").mkdir()
    (root / "docs" / "plans" / "demo-2016.md").write_text("# mine\n", encoding="utf-8")
    result = _run(root, "site", "--site-dir", "site")
    assert result.returncode == 1
    assert result.stdout.startswith("docs/plans/demo-2016.md:1:1: collides with the generated")
    (root / "docs" / "plans" / "demo-2016.md").unlink()
    (root / PLAN).write_text("", encoding="utf-8")
    result = _run(root, "site", "--site-dir", "site")
    assert result.returncode == 1 and result.stdout.startswith(f"{PLAN}:1:1:")
    assert snapshot(root / "site") == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []
