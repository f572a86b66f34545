"""The CI check step (`python -m generator check --format github`) turns every content error into a
GitHub annotation line that points the pull request's reviewer at the file, line and column."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "fixtures" / "content" / "valid"
ANNOTATION = re.compile(r"^::error file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+)::(?P<msg>.+)$")


def fixture_tree(tmp_path: Path) -> Path:
    """The small valid content tree, with the project's real schemas."""
    tree = tmp_path / "tree"
    shutil.copytree(VALID, tree)
    shutil.copytree(ROOT / "site_config" / "schema", tree / "site_config" / "schema")
    return tree


def run_check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "check", "--format", "github"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_malformed_plan_becomes_annotations_with_file_line_col(tmp_path):
    tree = fixture_tree(tmp_path)
    plan = next((tree / "content" / "plans").glob("*.yaml"))
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    # A typo in a key on the line after the schema comment: an unknown key the reviewer must fix.
    key_line = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[key_line] = lines[key_line].replace("title:", "titel:", 1)
    plan.write_text("".join(lines), encoding="utf-8")

    result = run_check(tree)

    assert result.returncode == 1
    annotations = [ANNOTATION.match(line) for line in result.stdout.splitlines()]
    assert annotations and all(annotations), result.stdout
    rel = plan.relative_to(tree).as_posix()
    hit = [a for a in annotations if a["file"] == rel and a["line"] == str(key_line + 1)]
    assert hit, result.stdout
    assert any("titel" in a["msg"] for a in hit)
    assert hit[0]["col"] == "1"


def test_valid_content_prints_no_annotation(tmp_path):
    result = run_check(fixture_tree(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout
