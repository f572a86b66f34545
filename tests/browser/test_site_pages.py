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


def test_master_table_filters_by_region_and_year(browser, fixture_site):
    part = sorted((fixture_site / "indicators/targets").glob("*/index.html"))[0]
    page, _ = _open(browser, part.as_uri(), 1280)
    try:
        bar = page.locator("[data-atlas-filter-targets]")
        assert bar.is_visible()  # hidden in the HTML, shown by the script
        total = page.locator("[data-atlas-filtered] tbody tr").count()
        region = page.locator('[data-filter="region"] option').nth(1).inner_text()
        page.select_option('[data-filter="region"]', region)
        rows = page.locator("[data-atlas-filtered] tbody tr:not([hidden])")
        assert 0 < rows.count() < total
        assert all(rows.nth(i).locator("td").first.inner_text().strip() == region for i in range(rows.count()))
        assert f"/ {total} " in page.locator("[data-filter-count]").inner_text()
    finally:
        page.close()


@pytest.mark.parametrize("name", ["indicators/targets/alpha/index.html", "coverage/index.html"])
def test_wide_tables_keep_their_first_column_and_unbroken_figures_on_a_phone(browser, fixture_site, name):
    SCREENS.mkdir(exist_ok=True)
    page, _ = _open(browser, (fixture_site / name).as_uri(), 390)
    try:
        page.screenshot(path=str(SCREENS / f"{name.split('/')[0]}-390.png"), full_page=True)
        wrap = page.locator(".atlas-table-wide .atlas-scroll, .atlas-matrix .atlas-scroll").first
        first, last = wrap.locator("tbody tr td").first, wrap.locator("tbody tr").first.locator("td").last
        before, last_before = first.bounding_box(), last.bounding_box()
        wrap.evaluate("w => { w.scrollLeft = 300; }")
        after, last_after = first.bounding_box(), last.bounding_box()
        assert wrap.evaluate("w => w.scrollLeft") > 0, "the table does not scroll sideways"
        assert last_after["x"] < last_before["x"] - 100  # the rest scrolls …
        assert 0 <= after["x"] <= before["x"]  # … the first column stays in view
        for fig in page.locator(".atlas-fig").all()[:30]:
            box = fig.bounding_box()
            if box and box["height"]:
                assert box["height"] < 30, fig.inner_text()  # one line: 2020, 100Mbps never break
    finally:
        page.close()
