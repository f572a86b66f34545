"""The header search in headless Chromium, on a site built by MkDocs with the real theme overrides.

Two sites: the fixture site exactly as built (its content includes hostile strings), and a copy
whose search index is rebuilt from the five seed plans (tests/search/seed_atlas.py), for realistic
queries and timings. Latencies are printed (run with -s), never asserted.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "search"))

from seed_atlas import seed_atlas  # noqa: E402

from generator.search.bundle import build_bundle  # noqa: E402
from generator.search.documents import PASSAGE_KINDS  # noqa: E402
from devtools.search_bench import FIRST_QUERY_JS, measure_latency  # noqa: E402
from generator.search.emit import write_search  # noqa: E402

RESULT_LINKS = ".atlas-search__results a"


@pytest.fixture(scope="module")
def seed_site(fixture_site, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("seed-search") / "site"
    shutil.copytree(fixture_site, site)
    write_search(seed_atlas(), site)
    return site


@pytest.fixture(scope="module")
def seed_bundle():
    return build_bundle(seed_atlas())


def file_url(site: Path, path: str = "index.html") -> str:
    return (site / path).resolve().as_uri()


def search(page, query: str) -> list[str]:
    page.fill(".atlas-search__input", query)
    page.wait_for_function(
        "q => new URLSearchParams(location.search).get('q') === q", arg=query)
    return page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")


def python_top(bundle, query: str, n: int = 10) -> list[str]:
    docs = bundle.documents
    return [docs[h.ref].url for h in bundle.searcher().search(query)
            if docs[h.ref].kind in PASSAGE_KINDS][:n]


def test_search_works_from_file_and_links_land_on_the_task_anchor(page, seed_site, seed_bundle):
    page.goto(file_url(seed_site, "plans/alpha-2016/index.html"))
    hrefs = search(page, "远程医疗")
    assert hrefs, "no results from file://"
    want = python_top(seed_bundle, "远程医疗")
    root = seed_site.resolve().as_uri() + "/"
    # from file:// a directory URL would list the folder: links spell out index.html
    assert hrefs[: len(want)] == [root + u.replace("/#", "/index.html#") for u in want]


def test_first_query_right_after_load_shows_results(page, seed_site):
    page.goto(file_url(seed_site))
    page.wait_for_selector("[data-atlas-ready]", state="attached")
    elapsed = page.evaluate(FIRST_QUERY_JS, "互联网金融")
    assert page.locator(RESULT_LINKS).count() > 0
    print(f"\nfirst query after load: {elapsed:.1f} ms")


def test_traditional_query_returns_the_same_results_as_simplified(page, seed_site):
    page.goto(file_url(seed_site))
    simplified = search(page, "远程医疗")
    traditional = search(page, "遠程醫療")
    assert simplified and traditional == simplified


@pytest.mark.parametrize("query", ["互联网金融", "12345热线", "办公厅", "经信委", "济南远程医疗"])
def test_browser_results_are_the_python_results(page, seed_site, seed_bundle, query):
    page.goto(file_url(seed_site))
    hrefs = search(page, query)
    root = seed_site.resolve().as_uri() + "/"
    want = [root + u.replace("/#", "/index.html#") for u in python_top(seed_bundle, query)]
    assert want and hrefs[: len(want)] == want


def test_each_result_is_one_link_with_region_plan_and_highlighted_snippet(page, seed_site):
    page.goto(file_url(seed_site))
    search(page, "12345热线")
    item = page.locator(".atlas-search__item").first
    assert item.locator("a").count() == 1
    where = item.locator(".atlas-search__where").inner_text()
    assert "济南市" in where and "·" in where
    marks = item.locator("mark").all_inner_texts()
    assert "12345" in marks and "热线" in marks


def test_keyboard_slash_focuses_arrows_move_and_enter_opens(page, fixture_site):
    page.goto(file_url(fixture_site))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('atlas-search__input')")
    # Material's own search toggle stays untouched (its search plugin is off)
    assert not page.evaluate("!!(document.getElementById('__search') || {}).checked")
    page.keyboard.press("Escape")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.classList.contains('atlas-search__input')")
    assert page.input_value(".atlas-search__input") == ""
    page.keyboard.type("远程医疗")
    page.wait_for_selector(".atlas-search__item--selected")
    first = page.locator(".atlas-search__item--selected a").get_attribute("href")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.locator(".atlas-search__item--selected a").get_attribute("href") == first
    page.keyboard.press("Enter")
    page.wait_for_url(first)
    assert "#" in page.url


def test_query_in_the_url_is_searched_on_load(page, fixture_site):
    page.goto(file_url(fixture_site) + "?q=" + quote("远程医疗"))
    page.wait_for_selector(RESULT_LINKS)
    assert page.input_value(".atlas-search__input") == "远程医疗"


def test_region_filter_keeps_only_that_region(page, seed_site):
    page.goto(file_url(seed_site))
    search(page, "大数据")
    # the region filter lists its regions once the reader reaches it (atlas-search.js: fillRegions)
    assert page.eval_on_selector("[data-atlas-filter=region]", "s => s.options.length") == 1
    page.focus("[data-atlas-filter=region]")
    page.select_option("[data-atlas-filter=region]", label="济南市")
    wheres = page.locator(".atlas-search__where").all_inner_texts()
    assert wheres and all("济南市" in w for w in wheres)


@pytest.mark.parametrize("query", ['<img src=x onerror="window.__pwned=1">', "伽马", "管道", "script"])
def test_markup_in_queries_and_documents_runs_nothing(page, fixture_site, query):
    page.goto(file_url(fixture_site))
    search(page, query)
    page.wait_for_timeout(100)
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".atlas-search__panel img").count() == 0
    assert page.locator(".atlas-search__panel script").count() == 0


def test_hostile_document_text_is_shown_as_text(page, fixture_site):
    page.goto(file_url(fixture_site))
    search(page, "伽马")
    text = page.locator(".atlas-search__panel").inner_text()
    assert "<script>" in text or "<img" in text
    assert page.evaluate("window.__pwned") is None


def test_search_works_on_a_host(page, seed_site):
    from devtools.static_server import serve

    with serve(seed_site) as base:
        page.goto(base + "plans/alpha-2016/")
        hrefs = search(page, "远程医疗")
        assert hrefs and all(h.startswith(base + "plans/") and "index.html" not in h for h in hrefs)


def test_report_keystroke_to_results_latency(page, seed_site):
    """Latency over the judged queries (printed with -s; timings are never asserted)."""
    from scorer import load_queries

    page.goto(file_url(seed_site))
    lat = measure_latency(page, [q.query for q in load_queries()])
    print(f"\nfirst query {lat.first_query:.1f} ms; keystroke→results in the DOM median "
          f"{lat.keystroke_dom:.1f} ms (max {lat.keystroke_dom_max:.1f}), →next frame "
          f"{lat.keystroke_painted:.1f} ms; engine.search median {lat.engine_search:.2f} ms; "
          f"index load {lat.index_load:.1f} ms; ready {lat.ready:.0f} ms after navigation start")
    assert page.locator(RESULT_LINKS).count() == 0  # the last query was cleared
    assert page.evaluate("document.querySelector('.atlas-search__panel').hidden")


def test_more_results_renders_the_next_page(page, seed_site):
    page.goto(file_url(seed_site))
    search(page, "服务")
    assert page.locator(RESULT_LINKS).count() == 20
    page.click(".atlas-search__more")
    # the next page's documents arrive as script-loaded chunks: wait for them, then count
    page.wait_for_function("sel => document.querySelectorAll(sel).length > 20", arg=RESULT_LINKS)
    assert page.locator(RESULT_LINKS).count() <= 40


def test_every_search_result_links_to_a_built_page_and_anchor(fixture_site):
    """The URL contract, end to end: each document's page exists in the MkDocs build, and its
    anchor (task, section, attachment) is an id on that page."""
    import re

    from devtools.search_bench import site_searcher

    searcher = site_searcher(fixture_site)
    docs = searcher.documents(list(range(searcher.core["docs"])))
    assert docs
    for doc in docs:
        path, _, anchor = doc[1].partition("#")
        page = fixture_site / path / "index.html"
        assert page.is_file(), doc[1]
        if anchor:
            html = page.read_text(encoding="utf-8")
            assert re.search(rf'id="{re.escape(anchor)}"', html), doc[1]


def test_hub_pages_named_by_the_query_are_a_row_of_links_above_the_passages(page, seed_site):
    page.goto(file_url(seed_site))
    search(page, "经信委")
    hubs = page.eval_on_selector_all(".atlas-search__hubs a", "els => els.map(e => e.getAttribute('href'))")
    assert any(h.endswith("agencies/liaocheng-jingxinwei/index.html") for h in hubs)
    assert len(hubs) <= 4
    results = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")
    assert results and all("/plans/" in r for r in results)


def test_domain_filter_loads_its_document_list_and_keeps_only_that_domain(page, seed_site, seed_bundle):
    page.goto(file_url(seed_site))
    search(page, "大数据")
    option = page.eval_on_selector("[data-atlas-filter=domain]",
                                   "s => [s.options[1].value, s.options[1].textContent]")
    domain = next(d for d in seed_bundle.domains if d[1] == option[1])[0]
    docs = seed_bundle.documents
    want = [docs[h.ref].url for h in seed_bundle.searcher().search("大数据")
            if docs[h.ref].kind in PASSAGE_KINDS and domain in docs[h.ref].domains][:20]
    assert want
    page.select_option("[data-atlas-filter=domain]", value=option[0])
    page.wait_for_function(
        "n => document.querySelectorAll('.atlas-search__results a').length === n "
        "&& !document.querySelector('.atlas-search__meta').textContent.includes('正在')", arg=len(want))
    got = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")
    import re

    assert len(got) == len(want)
    # from file:// a directory URL is spelled out as index.html (atlas-search.js: href)
    assert all(g.endswith(re.sub(r"/(#|$)", r"/index.html\1", w, count=1)) for g, w in zip(got, want))
