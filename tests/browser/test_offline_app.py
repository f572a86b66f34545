"""The hosted site over http in headless Chromium: citations copy, the service worker keeps the site
readable offline after 离线保存全部, and a redeploy replaces its cache.

The project's own five plans are built with SITE_URL set and served by http.server on 127.0.0.1
(a secure context, so the worker and the clipboard work as on https)."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.adapters import webapp

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SITE_URL = "https://atlas.example.org/"


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """The project built as for hosting (SITE_URL set), served over http; yields (site dir, base URL)."""
    site = tmp_path_factory.mktemp("hosted") / "site"
    env = {**os.environ, "SITE_URL": SITE_URL, "ATLAS_SEARCH_CACHE": str(REPO / ".cache" / "search")}
    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--quiet",
                    "--site-dir", str(site)], cwd=REPO, env=env, check=True, capture_output=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def local_only(context, base: str) -> list[str]:
    """Abort and record any request to another host."""
    external: list[str] = []

    def route(r):
        if r.request.url.startswith(base):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return external


def test_plan_pages_carry_highwire_tags_with_the_published_permalink(hosted):
    site, _ = hosted
    html = (site / "plans" / "beijing-2016" / "index.html").read_text(encoding="utf-8")
    tags = dict(re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', html))
    assert tags["citation_author"] == "北京市人民政府"
    assert tags["citation_technical_report_number"] == "京政发[2016]4号"
    assert tags["citation_date"] == "2016/01/09"
    assert tags["citation_public_url"] == f"{SITE_URL}plans/beijing-2016/"
    assert "citation_technical_report_number" not in (site / "plans" / "jinan-2016" / "index.html").read_text(
        encoding="utf-8")  # Jinan's plan states no 文号


def test_the_cite_control_of_a_task_copies_its_gbt_reference_dated_today(browser, hosted):
    site, base = hosted
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    external = local_only(context, base)
    page = context.new_page()
    try:
        page.goto(base + "plans/beijing-2016/#t3-1-2")
        task = page.locator("#t3-1-2")
        task.locator("details.atlas-cite > summary").click()
        task.locator("[data-atlas-copy]").first.click()
        page.wait_for_function("document.querySelector('#t3-1-2 [data-atlas-copy]').textContent === '已复制'")
        copied = page.evaluate("navigator.clipboard.readText()")
        today = dt.date.today().isoformat()
        assert copied.startswith("北京市人民政府. 北京市人民政府关于积极推进“互联网+”行动的实施意见: 京政发[2016]4号[A/OL]. ")
        assert f"(2016-01-09)[{today}]: 三、重点领域 " in copied
        assert " 2. “互联网+”商务. " in copied
        assert copied.endswith(f"{SITE_URL}plans/beijing-2016/#t3-1-2")
        assert external == []
    finally:
        context.close()


def test_after_saving_everything_pages_and_search_work_offline_and_a_redeploy_replaces_the_cache(browser, hosted):
    site, base = hosted
    listing = json.loads((site / webapp.FILES_NAME).read_text(encoding="utf-8"))
    context = browser.new_context(service_workers="allow")
    external = local_only(context, base)
    page = context.new_page()
    try:
        page.goto(base)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload()  # the page is now controlled by the worker
        assert page.evaluate("!!navigator.serviceWorker.controller")
        box = page.locator("[data-atlas-offline]")
        box.wait_for(state="visible")
        assert "MB" in box.locator(".atlas-offline__size").inner_text()
        box.locator(".atlas-offline__save").click()
        page.wait_for_selector(f"[data-atlas-offline][data-atlas-saved='{listing['version']}']", timeout=120_000)
        assert page.locator(".atlas-offline__progress").get_attribute("value") == "100"
        assert page.evaluate("caches.keys()") == [f"atlas-{listing['version']}"]

        context.set_offline(True)
        for path in ("plans/jinan-2016/", "domains/", "agencies/"):
            page.goto(base + path)
            assert page.locator("h1").first.inner_text()
        page.reload()
        assert "济南" in page.locator("h1").first.inner_text() or page.locator("h1").count()
        page.goto(base + "plans/dongguan-2016/")
        page.fill(".atlas-search__input", "远程医疗")
        page.wait_for_selector(".atlas-search__results[data-atlas-query='远程医疗'] li")
        assert page.locator(".atlas-search__results li").count() >= 5
        context.set_offline(False)

        # redeploy: a changed page gives a new content version, hence a new worker and cache
        home = site / "index.html"
        home.write_text(home.read_text(encoding="utf-8").replace("</body>", "<!-- redeploy -->\n</body>"),
                        encoding="utf-8")
        new = webapp.write_webapp(site, "政策图谱 Policy Atlas")
        assert new != listing["version"]
        page.goto(base)
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        page.wait_for_function(f"caches.keys().then(k => k.join() === 'atlas-{new}')", timeout=60_000)
        assert external == []
    finally:
        context.close()
