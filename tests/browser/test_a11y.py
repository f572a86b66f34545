"""WCAG 2.1 AA in headless Chromium: axe-core over every kind of page at 1280 and 390 px, reflow at
320 px and 200 % zoom, and the header search by keyboard alone.

The site is the session's fixture site, served over HTTP from 127.0.0.1 (the 404 page links its
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
def a11y_site(request) -> Path:
    given = os.environ.get("ATLAS_A11Y_SITE")
    if given:
        return Path(given).resolve()
    return request.getfixturevalue("fixture_site")


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
