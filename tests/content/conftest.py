"""A small valid content tree (tests/fixtures/content/valid) copied to tmp, plus the real schemas.

Each error test edits one thing in the copy and runs ``python -m generator check`` on it through
``generator.adapters.cli.main``; the schemas are the project's real ones, so the tests pin them too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.adapters.cli import main

PROJECT = Path(__file__).resolve().parents[2]
VALID = PROJECT / "tests" / "fixtures" / "content" / "valid"
PLAN = "content/plans/demo-2016.yaml"


class Tree:
    """A copy of the fixture tree that a test may edit, and a way to run ``check`` on it."""

    def __init__(self, root: Path):
        self.root = root

    def edit(self, rel: str, old: str, new: str, count: int = 1) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == count, f"fixture edit {old!r} matches {text.count(old)} times in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def files(self) -> dict[str, bytes]:
        return {p.relative_to(self.root).as_posix(): p.read_bytes()
                for p in sorted(self.root.rglob("*")) if p.is_file()}

    def check(self, capsys, *args: str) -> tuple[int, list[str]]:
        """Run check; return the exit code and the printed lines. Checking writes nothing."""
        before = self.files()
        code = main(["--root", str(self.root), "check", *args])
        out = capsys.readouterr().out
        assert self.files() == before, "check must not write anything"
        return code, out.splitlines()


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    root = tmp_path / "project"
    shutil.copytree(VALID, root)
    shutil.copytree(PROJECT / "site_config" / "schema", root / "site_config" / "schema")
    return Tree(root)
