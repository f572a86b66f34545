""""Edit this page" on generated pages opens the YAML file that holds the page's content."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# Builds the whole real site: not in make test-fast.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EDIT = re.compile(r'<a href="([^"]+)" title="编辑此页"[^>]*rel="edit"')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edit-links") / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                   cwd=ROOT, check=True, timeout=600)
    return out


def edit_target(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    found = EDIT.findall(html)
    assert len(found) == 1, f"{page}: {len(found)} edit links"
    # mkdocs.yml: repo_url from REPO_URL (set by the Pages workflow), edit_uri edit/main/
    base = os.environ.get("REPO_URL", "https://github.com/policy-atlas/policy-atlas") + "/edit/main/"
    assert found[0].startswith(base), found[0]
    return found[0][len(base):]


@pytest.mark.parametrize("page, expected", [
    ("plans/jinan-2016/index.html", "content/plans/jinan-2016.yaml"),
    ("domains/telemedicine/index.html", "site_config/domains.yaml"),
    ("agencies/jinan-jingxinwei/index.html", "site_config/agencies.yaml"),
])
def test_edit_link_opens_the_yaml_that_holds_the_page(site, page, expected):
    target = edit_target(site, page)
    assert target == expected
    assert (ROOT / target).is_file()
