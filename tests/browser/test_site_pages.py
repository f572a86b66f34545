"""The built pages in headless Chromium: hostile content runs nothing, pages read well at two widths.

Screenshots go to /tmp/policy-atlas-screens/ for a person to look at; nothing asserts on timing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SCREENS = Path("/tmp/policy-atlas-screens")
PAGES = {
    "home": "index.html",
    "plan": "plans/alpha-2016/index.html",
    "plan-attachment": "plans/beta-2017/index.html",
    "hostile": "plans/gamma-2016/index.html",
    "regions": "regions/index.html",
    "region": "regions/alpha/index.html",
}


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    external = []
    page.route("**/*", lambda route: (external.append(route.request.url), route.abort())
               if not route.request.url.startswith("file://") else route.continue_())
    page.goto(url)
    page.wait_for_load_state("load")
    return page, external


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_payload_runs_and_nothing_is_requested_from_another_host(browser, fixture_site, name):
    page, external = _open(browser, (fixture_site / PAGES[name]).as_uri(), 1280)
    try:
        # Every hostile payload sets window.__pwned; hover and click them to fire handlers too.
        for sel in (".atlas-task", "h2", "td"):
            for el in page.query_selector_all(sel)[:10]:
                el.hover()
        assert page.evaluate("window.__pwned") is None
        assert external == []
    finally:
        page.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", ["home", "plan", "plan-attachment", "hostile", "region"])
def test_page_fits_the_viewport_and_is_saved_for_review(browser, fixture_site, name, width):
    SCREENS.mkdir(exist_ok=True)
    page, _ = _open(browser, (fixture_site / PAGES[name]).as_uri(), width)
    try:
        page.screenshot(path=str(SCREENS / f"{name}-{width}.png"), full_page=True)
        # Wide tables scroll inside their own wrapper; the page itself never scrolls sideways.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} at {width}px is {overflow}px wider than the viewport"
    finally:
        page.close()


def test_task_link_scrolls_to_the_task_and_highlights_it(browser, fixture_site):
    url = (fixture_site / "plans/alpha-2016/index.html").as_uri() + "#t2-1-2"
    page, _ = _open(browser, url, 1280)
    try:
        box = page.locator("#t2-1-2").bounding_box()
        assert box is not None and 0 <= box["y"] < 900
        header = page.locator(".md-header").bounding_box()
        assert box["y"] >= header["height"] - 1  # not hidden under the sticky header
    finally:
        page.close()


def test_the_payloads_would_set_the_flag_if_they_ran(browser):
    # Control for the test above: the very payloads, unescaped, do set window.__pwned here.
    page = browser.new_page()
    try:
        page.set_content('<img src=x onerror="window.__pwned=1"><p>x</p>')
        page.wait_for_function("window.__pwned === 1", timeout=5000)
    finally:
        page.close()
