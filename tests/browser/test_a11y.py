"""WCAG 2.1 AA in headless Chromium: axe-core over every kind of page at 1280 and 390 px, reflow at
320 px and 200 % zoom, and the header search by keyboard alone.

The site is the session's fixture site (as each builder makes it: tests/browser/conftest.py), served over HTTP from 127.0.0.1 (the 404 page links its
assets from the site root, as on a host). ``ATLAS_A11Y_SITE=site`` checks another built site
instead, e.g. a full ``make site`` of content/:

    ATLAS_A11Y_SITE=site .venv/bin/python -m pytest -q tests/browser/test_a11y.py

Focus-state screenshots go to /tmp/policy-atlas-screens/a11y-*.png for a person to look at.
"""

from __future__ import annotations

import http.server
import os
import threading
from functools import partial
from pathlib import Path

import pytest

from a11y import KIND_NAMES, WIDTHS, describe, failing, open_search, page_kinds, run_axe

pytestmark = pytest.mark.browser

SCREENS = Path("/tmp/policy-atlas-screens")
QUERY = os.environ.get("ATLAS_A11Y_QUERY", "远程医疗")  # found in the fixture site and the seeds


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def a11y_site(fixture_site) -> Path:
    given = os.environ.get("ATLAS_A11Y_SITE")
    return Path(given).resolve() if given else fixture_site


@pytest.fixture(scope="session")
def base_url(a11y_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(a11y_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def contexts(browser):
    """One browser context per width, shared by every page of the session."""
    made = {w: browser.new_context(viewport={"width": w, "height": 900}) for w in (*WIDTHS, 320, 640)}
    yield made
    for c in made.values():
        c.close()


def _kinds(site: Path):
    return {k.name: k for k in page_kinds(site, QUERY)}


def _open(contexts, base_url, path: str, width: int):
    page = contexts[width].new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    return page, errors


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KIND_NAMES)
def test_axe_finds_no_serious_or_critical_violation(contexts, base_url, a11y_site, kind, width):
    k = _kinds(a11y_site)[kind]
    page, errors = _open(contexts, base_url, k.path, width)
    try:
        if k.query:
            open_search(page, k.query)
            assert page.locator(".atlas-search__results a").count() > 0, "the search found nothing"
        bad = failing(run_axe(page))
        if bad:
            pytest.fail(f"{kind} ({k.path}) at {width}px:\n{describe(bad)}", pytrace=False)
        assert not errors, errors
    finally:
        page.close()


# Reflow (WCAG 1.4.10): 320 CSS px wide, and 1280 px at 200 % zoom, which is 640 CSS px. What may
# scroll sideways is a table, inside its own region, which must then take focus and have a name.
@pytest.mark.parametrize("width", [320, 640])
@pytest.mark.parametrize("kind", KIND_NAMES)
def test_text_reflows_and_tables_scroll_in_labelled_focusable_regions(contexts, base_url, a11y_site,
                                                                     kind, width):
    k = _kinds(a11y_site)[kind]
    page, _ = _open(contexts, base_url, k.path, width)
    try:
        if k.query:
            open_search(page, k.query)
        bare = page.evaluate("""() => [...document.querySelectorAll('.md-content table')]
            .filter(t => { const r = t.closest('[role=region]');
                           return !(r && r.tabIndex === 0 && r.getAttribute('aria-label')); })
            .map(t => t.outerHTML.slice(0, 120))""")
        assert not bare, f"{kind}: tables outside a labelled, focusable region: {bare}"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{kind} at {width}px scrolls sideways by {overflow}px"
        # text outside the scrolling table regions ends inside the viewport
        cut = page.evaluate("""() => [...document.querySelectorAll(
                '.md-content p, .md-content li, .md-content h1, .md-content h2, .md-content h3, .atlas-search__panel')]
            .filter(e => !e.closest('.atlas-scroll') && e.getClientRects().length
                         && e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 40))""")
        assert not cut, f"{kind} at {width}px: text runs past the viewport: {cut[:5]}"
    finally:
        page.close()


def test_pages_say_they_are_simplified_chinese(a11y_site):
    pages = sorted(a11y_site.rglob("*.html"))
    assert pages
    wrong = [p.relative_to(a11y_site).as_posix() for p in pages
             if '<html lang="zh-Hans"' not in p.read_text(encoding="utf-8")[:400]]
    assert not wrong, wrong[:10]


def test_charts_have_a_text_alternative_and_their_data_table_next_to_them(contexts, base_url, a11y_site):
    page, _ = _open(contexts, base_url, _kinds(a11y_site)["indicator"].path, 1280)
    try:
        charts = page.evaluate("""() => [...document.querySelectorAll('svg.atlas-chart')].map(svg => {
            const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
            const fig = svg.closest('figure');
            let next = fig && fig.nextElementSibling;
            while (next && /^(FIGURE|H2|H3)$/.test(next.tagName)) next = next.nextElementSibling;
            return {role: svg.getAttribute('role'),
                    name: ids.map(i => (document.getElementById(i) || {}).textContent || '').join(' ').trim(),
                    table: !!(next && next.querySelector('table'))};
        })""")
        assert charts, "the indicator page has no chart"
        for c in charts:
            assert c["role"] == "img" and len(c["name"]) > 10, c
            assert c["table"], "the chart's data table does not follow it"
    finally:
        page.close()


def _active(page) -> dict:
    return page.evaluate("""() => { const a = document.activeElement; const s = getComputedStyle(a);
        return {tag: a.tagName, cls: a.className || '', href: a.getAttribute('href'),
                outline: s.outlineStyle + ' ' + s.outlineWidth}; }""")


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_alone_goes_from_search_to_a_result_and_its_task(contexts, base_url, a11y_site, width):
    SCREENS.mkdir(exist_ok=True)
    start = _kinds(a11y_site)["search"].path
    page, errors = _open(contexts, base_url, start, width)
    try:
        page.wait_for_selector("[data-atlas-search][data-atlas-ready]", state="attached")
        page.keyboard.press("Tab")  # the skip link: where the reader is before jumping to search
        before = _active(page)
        assert before["tag"] == "A"
        page.keyboard.press("/")
        assert "atlas-search__input" in _active(page)["cls"]
        page.keyboard.type(QUERY)
        # the count is announced by the polite status line, once the results are in
        page.wait_for_function(
            "() => /找到 \\d+ 条结果/.test(document.querySelector('.atlas-search__status').textContent)")
        assert page.get_attribute(".atlas-search__status", "role") == "status"
        links = page.eval_on_selector_all(".atlas-search__results a", "els => els.map(e => e.getAttribute('href'))")
        assert len(links) >= 2
        page.keyboard.press("ArrowDown")
        first = _active(page)
        assert "atlas-search__link" in first["cls"] and first["href"] == links[0]
        assert first["outline"].startswith("solid"), first  # the focus is visible
        page.screenshot(path=str(SCREENS / f"a11y-focus-search-result-{width}.png"))
        page.keyboard.press("ArrowDown")
        assert _active(page)["href"] == links[1]
        page.keyboard.press("ArrowUp")
        assert _active(page)["href"] == links[0]
        page.keyboard.press("ArrowUp")  # above the first result: back in the box
        assert "atlas-search__input" in _active(page)["cls"]
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Escape")  # from a result: the panel closes, focus back in the box
        assert page.is_hidden(".atlas-search__panel")
        assert "atlas-search__input" in _active(page)["cls"]
        page.keyboard.press("Escape")  # from the box: back where the reader was before "/"
        assert _active(page)["href"] == before["href"] and _active(page)["tag"] == "A"
        page.keyboard.press("/")
        page.wait_for_selector(".atlas-search__panel:not([hidden]) .atlas-search__results a")
        page.keyboard.press("ArrowDown")
        target = _active(page)["href"]
        assert target == links[0] and "#" in target
        page.keyboard.press("Enter")
        page.wait_for_url("**#" + target.split("#", 1)[1])
        landed = page.evaluate("""() => { const t = document.querySelector(':target');
            if (!t) return null; const r = t.getBoundingClientRect();
            return {id: t.id, top: r.top, height: innerHeight}; }""")
        assert landed and landed["id"] == target.split("#", 1)[1]
        assert 0 <= landed["top"] < landed["height"], landed
        page.screenshot(path=str(SCREENS / f"a11y-focus-task-anchor-{width}.png"))
        assert not errors, errors
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_tab_reaches_a_table_region_and_content_links_with_a_visible_focus(contexts, base_url, a11y_site, width):
    SCREENS.mkdir(exist_ok=True)
    page, _ = _open(contexts, base_url, _kinds(a11y_site)["coverage"].path, width)
    try:
        seen = {}
        for _ in range(80):
            page.keyboard.press("Tab")
            a = _active(page)
            kind = "region" if "atlas-scroll" in a["cls"] else "link" if a["tag"] == "A" and page.evaluate(
                "!!document.activeElement.closest('.md-content')") else None
            if kind and kind not in seen:
                seen[kind] = a
                assert a["outline"].startswith("solid"), (kind, a)
                page.screenshot(path=str(SCREENS / f"a11y-focus-{kind}-{width}.png"))
            if len(seen) == 2:
                break
        assert set(seen) == {"region", "link"}, seen
    finally:
        page.close()
