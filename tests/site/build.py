"""Build helpers for site tests: a project root from a fixture tree, and ``mkdocs build --strict``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "site"
MKDOCS = Path(sys.executable).parent / "mkdocs"


def make_root(tmp: Path, fixture: Path = FIXTURE, *, search: bool = True) -> Path:
    """A project root in ``tmp``: the fixture's content/ and site_config/, the real JSON Schemas,
    and a mkdocs.yml that inherits the project's and points the plugin at this root.

    The search index is on, as in a real build: the header's search partial links its assets."""
    root = tmp / "project"
    shutil.copytree(fixture, root)
    shutil.copytree(REPO / "site_config" / "schema", root / "site_config" / "schema")
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        f"docs_dir: {root / 'docs'}\n"
        f"site_dir: {root / 'site'}\n"
        "repo_url: https://github.com/example/policy-atlas\n"
        "edit_uri: edit/main/\n"
        f"theme:\n  custom_dir: {REPO / 'overrides'}\n"
        f"plugins:\n  - policy-atlas:\n      root: {root}\n"
        + ("      search: false\n" if not search else ""),
        encoding="utf-8",
    )
    return root


def build(root: Path, site: Path | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``root`` (into ``site`` when given), without SOURCE_DATE_EPOCH
    so that the plugin's own reproducibility default is what is tested."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    cmd = [str(MKDOCS), "build", "--strict", "-f", str(root / "mkdocs.yml")]
    if site is not None:
        cmd += ["--site-dir", str(site)]
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=600)


PROPERDOCS = Path(sys.executable).parent / "properdocs"
ZENSICAL = Path(sys.executable).parent / "zensical"


def build_tree(root: Path, out: Path, builder: str = "properdocs") -> subprocess.CompletedProcess:
    """The builder-independent way: ``python -m generator docs OUT``, ``<builder> build`` of the tree's
    config, then ``python -m generator search OUT/site``. Stops at the first step that fails."""
    from generator.adapters.mkdocs_plugin import _content_epoch
    from generator.render.pages import load_atlas

    # the epoch the plugin defaults to, so that the sitemap (and the web app's version) match its build
    epoch = str(_content_epoch(load_atlas(root)))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=epoch)
    tool = {"properdocs": PROPERDOCS, "mkdocs": MKDOCS, "zensical": ZENSICAL}[builder]
    steps = (
        [sys.executable, "-m", "generator", "--root", str(root), "docs", str(out)],
        [str(tool), "build", "--strict", "-f", str(out / "mkdocs.yml")],
        [sys.executable, "-m", "generator", "--root", str(root), "search", str(out / "site")],
    )
    for cmd in steps:
        result = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            return result
    return result
