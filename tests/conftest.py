"""Shared fixtures: one headless Chromium per test session (devtools.browser picks which)."""

from __future__ import annotations

import pytest

from devtools.browser import launch


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def pytest_collection_modifyitems(items):
    """A test that drives Chromium is a browser test, marked or not: ``make test-fast`` (-m "not
    browser") leaves out every test that uses the ``browser`` fixture, however it is reached."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
