"""The offline bundle, unzipped anywhere and opened from file://, works with zero network requests."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.adapters.bundle import build_offline_site, bundle_name, zip_site

# The whole real site built for file:// (and LinkChecker over it): minutes, so not in make test-fast.
pytestmark = pytest.mark.slow

PAGES = (
    "index.html",
    "plans/shandong-2016.html",
    "domains/telemedicine.html",
    "indicators/fixed-broadband-household-penetration.html",
)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    build_offline_site(Path(__file__).resolve().parents[2], work / "site")
    return zip_site(work / "site", work / "dist" / f"{bundle_name()}.zip")


@pytest.fixture(scope="module")
def unzipped(bundle, tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(where)
    return where / bundle_name()


@pytest.fixture
def offline_page(browser):
    """A page whose every non-file: request is blocked and recorded."""
    context = browser.new_context()
    external: list[str] = []

    def guard(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, external, errors
    context.close()


def test_bundle_is_reproducible(bundle, tmp_path):
    again = zip_site(bundle.parent.parent / "site", tmp_path / "again.zip")
    assert again.read_bytes() == bundle.read_bytes()


def test_bundle_holds_pages_data_and_search_under_one_folder(bundle):
    with zipfile.ZipFile(bundle) as zf:
        names = set(zf.namelist())
    top = bundle_name() + "/"
    assert all(n.startswith(top) for n in names)
    for rel in (*PAGES, "data/tasks.csv", "data/tasks.json", "assets/search/index.js"):
        assert top + rel in names, rel


def test_every_page_and_search_work_from_file_with_no_request_leaving(offline_page, unzipped):
    page, external, errors = offline_page
    for rel in PAGES:
        page.goto((unzipped / rel).as_uri())
        assert page.locator("h1").first.inner_text().strip(), rel
        # links between pages point at .html files that exist in the bundle
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        local = [h.split("#")[0] for h in hrefs if h.startswith("file:")]
        missing = [h for h in local if not Path(h.removeprefix("file://")).is_file()]
        assert not missing, (rel, missing[:5])

    page.goto((unzipped / "index.html").as_uri())
    page.wait_for_selector("[data-atlas-ready]", state="attached")
    page.fill(".atlas-search__input", "远程医疗")
    page.wait_for_selector(".atlas-search__results a")
    results = page.eval_on_selector_all(".atlas-search__results a", "els => els.map(e => e.href)")
    assert results and all(r.startswith("file:") for r in results)
    target = results[0]
    page.click(".atlas-search__results a >> nth=0")
    page.wait_for_url(target)
    anchor = target.split("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1

    assert external == []
    assert errors == []


LINKCHECKER_CONFIG = """\
[checking]
threads=2
[filtering]
checkextern=0
[AnchorCheck]
"""


def test_linkchecker_finds_no_broken_link_or_anchor_in_the_whole_site(bundle, tmp_path):
    """LinkChecker (PyPI) crawls the bundle from its home page, following every internal link and
    checking every #anchor; a missing file is an error row, a missing anchor a warning row."""
    import os
    import shutil
    import subprocess
    import sys
    import tempfile

    # LinkChecker run as root drops to user nobody, who cannot enter pytest's private tmp dirs.
    public = Path(tempfile.mkdtemp(prefix="atlas-linkcheck-"))
    try:
        with zipfile.ZipFile(bundle) as zf:
            zf.extractall(public)
        for path in [public, *public.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        config = tmp_path / "linkcheckerrc"
        config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
        config.chmod(0o644)
        tmp_path.chmod(0o755)
        home = public / bundle_name() / "index.html"
        linkchecker = Path(sys.executable).parent / "linkchecker"
        result = subprocess.run([str(linkchecker), "-f", str(config), "--no-status", "-o", "csv", str(home)],
                                capture_output=True, text=True, timeout=900, env={**os.environ, "LC_ALL": "C.UTF-8"})
        rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
        assert rows and rows[0].startswith("urlname;"), result.stdout + result.stderr
        assert rows[1:] == [], "\n".join(rows[1:20])
        assert result.returncode == 0, result.stderr[-2000:]
    finally:
        shutil.rmtree(public, ignore_errors=True)


def test_the_bundle_has_no_service_worker_and_its_citations_name_no_file_url(bundle):
    """A worker cannot run from file://: the bundle has none, and links no manifest; its 引用
    controls and exports give the published (directory) permalink, never a file:// one."""
    top = bundle_name() + "/"
    with zipfile.ZipFile(bundle) as zf:
        names = set(zf.namelist())
        plan = zf.read(top + "plans/beijing-2016.html").decode("utf-8")
        ris = zf.read(top + "data/cite/beijing-2016.ris").decode("utf-8")
    assert top + "atlas-sw.js" not in names and top + "manifest.webmanifest" not in names
    assert 'rel="manifest"' not in plan and "atlas-offline.js" not in plan
    assert "data-atlas-cite" in plan and "file:" not in plan
    assert "plans/beijing-2016/&#35;t3-1-2</span>" in plan  # the directory URL, not plans/….html
    assert "UR  - " in ris and ".html" not in ris
