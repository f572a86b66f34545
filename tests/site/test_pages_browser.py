"""The cross-cutting pages in headless Chromium at 1280 px and 390 px: nothing runs or loads from elsewhere, the
page never scrolls sideways, charts are drawn at a legible size. Screenshots are saved to
/tmp/policy-atlas-screens/e2-*.png for a person to look at; nothing asserts on timing."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urljoin

import pytest

from build import build, make_root

pytestmark = pytest.mark.browser

SCREENS = Path("/tmp/policy-atlas-screens")
PAGES = {
    "domain": "domains/health/index.html",
    "domains": "domains/index.html",
    "agency-hostile": "agencies/gamma-evil/index.html",
    "agency-type": "agency-types/industry-it/index.html",
    "indicator": "indicators/fixed-broadband-household-penetration/index.html",
    "indicators": "indicators/index.html",
    "coverage": "coverage/index.html",
    "documents": "documents/index.html",
    "data": "data/index.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    # Search is F's and is tested there; these pages are what is looked at here.
    saved = os.environ.get("ATLAS_TEST_NO_SEARCH")
    os.environ["ATLAS_TEST_NO_SEARCH"] = "1"
    try:
        root = make_root(tmp_path_factory.mktemp("e2-browser"))
    finally:
        if saved is None:
            del os.environ["ATLAS_TEST_NO_SEARCH"]
        else:
            os.environ["ATLAS_TEST_NO_SEARCH"] = saved
    result = build(root)
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "site"


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    external: list[str] = []
    page.route("**/*", lambda route: (external.append(route.request.url), route.abort())
               if not route.request.url.startswith("file://") else route.continue_())
    page.goto(url)
    page.wait_for_load_state("load")
    return page, external


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_runs_nothing_fits_the_viewport_and_is_saved_for_review(browser, site, name, width):
    SCREENS.mkdir(exist_ok=True)
    page, external = _open(browser, (site / PAGES[name]).as_uri(), width)
    try:
        page.screenshot(path=str(SCREENS / f"e2-{name}-{width}.png"), full_page=True)
        # would fire any handler; the in-page TOC is hidden where the TOC sidebar shows
        for el in page.query_selector_all("td:visible, summary:visible, h3:visible")[:30]:
            el.hover()
        assert page.evaluate("window.__pwned") is None
        assert external == []
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} at {width}px is {overflow}px wider than the viewport"
    finally:
        page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_indicator_chart_is_drawn_legibly_within_the_page(browser, site, width):
    page, _ = _open(browser, (site / PAGES["indicator"]).as_uri(), width)
    try:
        box = page.query_selector("svg.atlas-chart").bounding_box()
        assert box and 300 <= box["width"] <= width
        # the smallest label stays readable: at least 9 CSS px after scaling to the page
        scale = box["width"] / float(page.get_attribute("svg.atlas-chart", "width"))
        assert 14 * scale >= 9
    finally:
        page.close()


def test_coverage_cell_opens_the_region_section_of_the_domain_page(browser, site):
    page, _ = _open(browser, (site / PAGES["coverage"]).as_uri(), 1280)
    try:
        href = page.query_selector("td a[href*='domains/'][href*='#']").get_attribute("href")
        target, anchor = urljoin(page.url, href).split("#")
        # a directory URL: on file:// the browser needs the index.html MkDocs wrote there
        page.goto(f"{target}index.html#{anchor}" if target.endswith("/") else f"{target}#{anchor}")
        page.wait_for_load_state("load")
        heading = page.query_selector(f"h3#{anchor}")
        assert heading is not None and heading.is_visible()
    finally:
        page.close()
