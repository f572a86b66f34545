"""Headless Chromium for tests and benchmarks, the same way everywhere.

Here (Debian) it is the ``chromium`` package at /usr/bin/chromium, driven by Playwright; on GitHub's
runners (``BROWSER=playwright``, set by the workflow) it is Playwright's own download. The flags
keep Chromium from reaching for the network, which is closed here.
"""

from __future__ import annotations

import os

CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
DEBIAN_CHROMIUM = "/usr/bin/chromium"


def launch(playwright):
    """Launch headless Chromium with ``playwright`` (a started sync_playwright())."""
    if os.environ.get("BROWSER") == "playwright":
        return playwright.chromium.launch(args=list(CHROMIUM_ARGS))
    executable = os.environ.get("CHROMIUM", DEBIAN_CHROMIUM)
    if not os.path.exists(executable):
        raise RuntimeError(f"{executable} not found: run `make browser` (installs Debian's chromium), "
                           "or set BROWSER=playwright to use Playwright's own Chromium")
    return playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
