"""Hostile content: a copy of tests/fixtures/content/valid that a case breaks, and the commands
run on it in-process (``generator.adapters.cli.main``), capturing what they print.

``Project.published`` is a folder holding the pages of the *valid* tree, made before the case
breaks anything: a failing ``pages`` run must leave it byte-identical (nothing partial, nothing
stale) and leave no temporary folder next to it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.adapters.cli import main

PROJECT = Path(__file__).resolve().parents[2]
VALID = PROJECT / "tests" / "fixtures" / "content" / "valid"
PLAN = "content/plans/demo-2016.yaml"
SOURCE = "content/sources/demo-2016.txt"
REGIONS = "site_config/regions.yaml"
AGENCIES = "site_config/agencies.yaml"
INDICATORS = "site_config/indicators.yaml"
DOMAINS = "site_config/domains.yaml"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()} if folder.exists() else {}


class Project:
    def __init__(self, root: Path, published: Path, capsys):
        self.root = root
        self.published = published
        self.capsys = capsys

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str | bytes) -> None:
        path = self.path(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))

    def edit(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert text.count(old) == 1, f"fixture edit {old!r} matches {text.count(old)} times in {rel}"
        self.write(rel, text.replace(old, new))

    def edit_both(self, old: str, new: str) -> None:
        """The same edit in the plan and its source (so the verbatim check passes) and the sha256."""
        import hashlib

        self.edit(SOURCE, old, new)
        self.edit(PLAN, old, new)
        sha = hashlib.sha256(self.path(SOURCE).read_bytes()).hexdigest()
        text = self.read(PLAN)
        start = text.index("sha256: ") + len("sha256: ")
        self.write(PLAN, text[:start] + sha + text[start + 64:])

    def run(self, *args: str) -> tuple[int, list[str], str]:
        """Exit code, stdout lines, stderr of ``python -m generator --root ROOT ARGS``."""
        self.capsys.readouterr()
        code = main(["--root", str(self.root), *args])
        out, err = self.capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out.splitlines(), err


@pytest.fixture(scope="session")
def good_pages(tmp_path_factory) -> Path:
    """The pages of the valid tree, once per session."""
    base = tmp_path_factory.mktemp("good")
    root = base / "project"
    shutil.copytree(VALID, root)
    shutil.copytree(PROJECT / "site_config" / "schema", root / "site_config" / "schema")
    assert main(["--root", str(root), "pages", str(base / "pages")]) == 0
    return base / "pages"


@pytest.fixture
def project(tmp_path: Path, good_pages: Path, capsys) -> Project:
    root = tmp_path / "project"
    shutil.copytree(VALID, root)
    shutil.copytree(PROJECT / "site_config" / "schema", root / "site_config" / "schema")
    published = tmp_path / "out" / "pages"
    shutil.copytree(good_pages, published)
    return Project(root, published, capsys)
