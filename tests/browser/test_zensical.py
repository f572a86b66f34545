"""Zensical, Material's successor, builds the same docs tree into a working site: pages, anchors and
our header search (Zensical runs no MkDocs plugin, so the tree and `generator search` are all it gets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build import build_tree, make_root

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    root = make_root(tmp_path_factory.mktemp("zensical"))
    out = root.parent / "tree"
    result = build_tree(root, out, "zensical")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return out / "site"


def test_zensical_writes_every_generated_page(zensical_site):
    for page in ("index.html", "plans/alpha-2016/index.html", "domains/index.html", "data/index.html"):
        assert (zensical_site / page).is_file(), page
    plan = (zensical_site / "plans/alpha-2016/index.html").read_text(encoding="utf-8")
    assert 'id="t2-1-1"' in plan


def test_header_search_finds_a_task_and_opens_its_anchor(browser, zensical_site):
    page = browser.new_page()
    page.goto((zensical_site / "index.html").resolve().as_uri())
    page.fill(".atlas-search__input", "远程医疗")
    page.wait_for_selector(".atlas-search__item a")
    href = page.locator(".atlas-search__item a").first.get_attribute("href")
    assert "#" in href
    page.locator(".atlas-search__item a").first.click()
    page.wait_for_load_state()
    assert "#" in page.url and page.url.split("#")[0].endswith("index.html")
    page.close()
