"""What the search box loads, and when (issue #13): the first result shows before the rest of the
page's document chunks have loaded and the rest is appended below it; focusing the box and typing a
query fetch exactly the page's search files and that query's own; the letters an input method
composes are not searched. Timings are never asserted.

Most tests use the seed plans' index cut as for a large corpus: no preloaded chunks
(shards.chunks_preloaded), so a query loads the chunks of the results it shows, as at 300 plans.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "search"))

from seed_atlas import seed_atlas  # noqa: E402

from devtools.static_server import serve  # noqa: E402
from devtools.search_bench import first_query_bytes, query_transfer, site_searcher, transfer  # noqa: E402
from generator.search import shards as shards_module  # noqa: E402
from generator.search.documents import PASSAGE_KINDS  # noqa: E402
from generator.search.emit import SHARD_DIR, SITE_SUBDIR, write_search  # noqa: E402

pytestmark = pytest.mark.browser

RESULT_LINKS = ".atlas-search__results a"
DONE = "q => document.querySelector('.atlas-search__results').getAttribute('data-atlas-query') === q"
BUDGET = 160 * 1024  # page load + first query, gzip (tests/search/test_preload.py: issue #4's 150 KB)


@pytest.fixture(scope="module")
def large_site(fixture_site, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("search-large") / "site"
    shutil.copytree(fixture_site, site)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(shards_module, "PRELOAD_GZIP_BUDGET", 0)
        write_search(seed_atlas(), site)
    assert site_searcher(site).core["preload"] == 0
    return site


@pytest.fixture(scope="module")
def seed_site(fixture_site, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("search-seed") / "site"
    shutil.copytree(fixture_site, site)
    write_search(seed_atlas(), site)
    assert site_searcher(site).core["preload"] == 1
    return site


@pytest.fixture(scope="module")
def served(large_site):
    """``large_site`` on a local HTTP server (Playwright can hold back requests there, not on file://)."""
    with serve(large_site) as base:
        yield base


def shown_urls(searcher, query: str) -> tuple[list[str], list[str]]:
    """The passages' URLs the box shows first for ``query`` and its hub row's, from the Python twin."""
    hub_start = searcher.core["hubStart"]
    passages = [r for r in searcher.shown(query) if r < hub_start]
    docs = searcher.documents(passages)
    assert all(d[0] in PASSAGE_KINDS for d in docs)
    return [d[1] for d in docs], [d[1] for d in searcher.documents(searcher.hub_row(query))]


def chunk_number(url: str) -> int:
    return int(urlparse(url).path.rsplit("/d", 1)[1].removesuffix(".js"))


def search_files(urls: list[str], site: Path) -> set[str]:
    """The files under the site's assets/search/ among ``urls`` (file:// URLs), as shards/p3.js …"""
    base = (site / SITE_SUBDIR).resolve()
    out = set()
    for url in urls:
        path = Path(unquote(urlparse(url).path))
        if urlparse(url).scheme == "file" and path.is_relative_to(base):
            out.add(path.relative_to(base).as_posix())
    return out


def test_the_first_result_shows_before_the_rest_of_the_page_which_is_appended_below(page, served, large_site):
    query = "经信委"  # a row of agency pages above the passages, and passages in several chunks
    searcher = site_searcher(large_site)
    want, want_hubs = shown_urls(searcher, query)
    size, hub_start = searcher.core["chunkSize"], searcher.core["hubStart"]
    refs = searcher.shown(query)
    first = {refs[0] // size} | {r // size for r in refs if r >= hub_start}
    assert {r // size for r in refs} - first, "every result in the first chunk: nothing would be held"
    held = []

    def hold(route):
        if chunk_number(route.request.url) in first:
            route.continue_()
        else:
            held.append(route)

    page.route("**/assets/search/shards/d*.js", hold)
    page.goto(served)
    page.wait_for_selector("[data-atlas-ready]", state="attached")
    page.fill(".atlas-search__input", query)
    page.wait_for_selector(RESULT_LINKS)
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")
    # the first results, in rank order, while the chunks of the others are held back
    assert hrefs and len(hrefs) < len(want) and hrefs == [served + u for u in want[: len(hrefs)]]
    assert not page.evaluate(DONE, query)
    assert page.is_hidden(".atlas-search__more")
    # what is above the results is there with the first of them, and stays: the count, the hub row
    assert page.inner_text(".atlas-search__meta").startswith("找到 ")
    hubs = page.eval_on_selector_all(".atlas-search__hubs a", "els => els.map(e => e.getAttribute('href'))")
    assert want_hubs and hubs == [served + u for u in want_hubs]
    top = page.evaluate("""() => { const li = document.querySelector('.atlas-search__item');
        li.dataset.first = '1'; return li.getBoundingClientRect().top; }""")
    meta = page.inner_text(".atlas-search__meta")
    assert held
    for route in held:
        route.continue_()
    page.wait_for_function(DONE, arg=query)
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [served + u for u in want]
    # appended below: the first item is the same element, where it was; the count did not change
    assert page.evaluate("document.querySelector('.atlas-search__item').dataset.first") == "1"
    assert page.evaluate("document.querySelector('.atlas-search__item').getBoundingClientRect().top") == top
    assert page.inner_text(".atlas-search__meta") == meta
    assert page.eval_on_selector_all(".atlas-search__hubs a", "els => els.length") == len(want_hubs)
    assert "atlas-search__item--selected" in page.get_attribute(".atlas-search__item", "class")


@pytest.mark.parametrize("which", ["seed", "large"])
def test_focus_and_a_first_query_fetch_the_page_files_and_that_querys_own_only(page, seed_site, large_site, which):
    site = seed_site if which == "seed" else large_site
    query = "互联网金融"
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto((site / "index.html").resolve().as_uri())
    page.wait_for_selector("[data-atlas-ready]", state="attached")
    page.wait_for_load_state("load")
    page.focus(".atlas-search__input")
    page.fill(".atlas-search__input", query)
    page.wait_for_function(DONE, arg=query)
    assert page.locator(RESULT_LINKS).count() > 0
    fetched = search_files(requested, site)
    # the page's own: the core and the scripts (and a small corpus's chunks, in one file)
    assert {t.name for t in transfer(site)} <= {f.rsplit("/", 1)[-1] for f in fetched}
    want = {f"{SHARD_DIR}/{t.name}" for t in query_transfer(site, query)}
    if site_searcher(site).core["preload"]:
        want.add(f"{SHARD_DIR}/c0.js")
    assert {f for f in fetched if f.startswith(SHARD_DIR + "/")} == want
    assert first_query_bytes(site, query)[1] <= BUDGET


def test_focusing_the_box_makes_the_engine_ready_and_fetches_nothing(page, large_site):
    requested: list[str] = []
    page.goto((large_site / "index.html").resolve().as_uri())
    page.wait_for_selector("[data-atlas-ready]", state="attached")
    page.wait_for_load_state("load")
    page.on("request", lambda r: requested.append(r.url))
    page.focus(".atlas-search__input")
    # the domain filter is filled on focus, with nothing loaded: its names are in the core
    page.wait_for_function("() => document.querySelector('[data-atlas-filter=domain]').options.length > 1")
    assert page.evaluate("!!(window.AtlasSearch && window.AtlasSearch.engine)")
    page.fill(".atlas-search__input", "远程医疗")
    page.wait_for_function(DONE, arg="远程医疗")
    fetched = search_files(requested, large_site)
    assert fetched == {f"{SHARD_DIR}/{t.name}" for t in query_transfer(large_site, "远程医疗")}


def test_the_letters_an_input_method_composes_are_not_searched(page, large_site):
    query = "远程医疗"
    pinyin = ("y", "yu", "yuan", "yuanc", "yuancheng")
    searcher = site_searcher(large_site)
    assert any(not set(searcher.shards_for(p)) <= set(searcher.shards_for(query)) for p in pinyin)
    requested: list[str] = []
    page.goto((large_site / "index.html").resolve().as_uri())
    page.wait_for_selector("[data-atlas-ready]", state="attached")
    page.on("request", lambda r: requested.append(r.url))
    page.focus(".atlas-search__input")
    cdp = page.context.new_cdp_session(page)
    for text in pinyin:  # what an input method shows while the reader types 远程医疗 in pinyin
        cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
    assert page.input_value(".atlas-search__input") == "yuancheng"
    assert page.is_hidden(".atlas-search__panel")
    cdp.send("Input.insertText", {"text": query})  # the reader picks 远程医疗: the composition ends
    page.wait_for_function(DONE, arg=query)
    want, _ = shown_urls(searcher, query)
    root = large_site.resolve().as_uri() + "/"
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [root + u.replace("/#", "/index.html#") for u in want]
    fetched = search_files(requested, large_site)
    assert {f for f in fetched if "/p" in f} == {f"{SHARD_DIR}/p{n}.js" for n in searcher.shards_for(query)}


def test_the_region_filter_lists_its_regions_when_the_reader_reaches_it(page, large_site):
    page.goto((large_site / "index.html").resolve().as_uri())
    page.wait_for_selector("[data-atlas-ready]", state="attached")
    page.fill(".atlas-search__input", "远程医疗")
    page.wait_for_function(DONE, arg="远程医疗")
    select = "[data-atlas-filter=region]"
    assert page.eval_on_selector(select, "s => s.options.length") == 1  # 全部地区 only
    page.focus(select)
    names = page.eval_on_selector(select, "s => Array.from(s.options).slice(1).map(o => o.textContent)")
    core = json.loads((large_site / SITE_SUBDIR / "index.js").read_text(encoding="utf-8")
                      .split("=", 1)[1].rstrip().rstrip(";"))
    assert names == [r[1] for r in core["regions"]]
