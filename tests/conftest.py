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
