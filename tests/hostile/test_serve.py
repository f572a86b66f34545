"""``make serve`` with invalid content: the browser shows the located error instead of waiting
forever, and the page comes back when the file is fixed. A real ``mkdocs serve`` on 127.0.0.1,
driven by headless Chromium; MkDocs' live reload does the reloading."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import PROJECT, REGIONS, VALID

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, server: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve exited: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(1)
    raise AssertionError(f"{url} never answered")


@pytest.fixture
def served(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(VALID, root)
    shutil.copytree(PROJECT / "site_config" / "schema", root / "site_config" / "schema")
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir()
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "--livereload", "--dirty"], cwd=root, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_http(base, server)
        yield root, base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_a_content_error_during_serve_shows_located_in_the_browser_and_recovers(served, browser):
    root, base = served
    page = browser.new_page()
    page.goto(base + "plans/demo-2016/")
    assert "济南市“互联网+”示范计划" in page.inner_text("h1")
    regions = root / REGIONS
    good = regions.read_text(encoding="utf-8")
    regions.write_text(good.replace("  - id: china", '  - id: "china'), encoding="utf-8")
    # live reload brings the error page to the open tab: no request hangs, no manual reload
    page.wait_for_selector("[data-atlas-errors] li", timeout=120_000)
    first = page.inner_text("[data-atlas-errors] li")
    assert first.startswith(f"{REGIONS}:3:9: YAML syntax error: unclosed quote"), first
    page.screenshot(path=str(root.parent / "serve-error.png"))
    regions.write_text(good, encoding="utf-8")
    page.wait_for_function("document.querySelector('[data-atlas-errors]') === null", timeout=120_000)
    assert "济南市“互联网+”示范计划" in page.inner_text("h1")
    page.close()
