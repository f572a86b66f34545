"""Measure the search on a built site: bytes a page load and a first query fetch, and latency.

    python -m devtools.search_bench site/          # Markdown tables on stdout

A page load fetches the core (``index.js``) and the scripts, and for a small corpus every document
chunk in one file (``shards/c0.js``, when the core says ``"preload": 1``); a query then fetches the
posting shards its keys hash to and, unless preloaded, the document chunks of the results it shows (``query_transfer``, computed
from the site's own files by the Python twin of the browser's engine). Sizes are exact; timings are
this machine's and are reported, never asserted. Relevance (recall@10, MRR on
tests/search/queries.yaml) is measured by tests/search/scorer.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
from dataclasses import dataclass
from pathlib import Path

from .browser import launch
from generator.search.emit import INDEX_FILE, PRELOAD_KIND, SHARD_DIR, SITE_SUBDIR, STATIC_FILES, shard_name
from generator.search.query import SearchIndex

# what overrides/partials/search.html makes every page load
PAGE_LOAD_FILES = (INDEX_FILE,) + tuple(n for _, n in STATIC_FILES if not n.endswith(".txt"))

# Types each query into the search box and times the input event until the result list shows its
# full first page (the list's data-atlas-query attribute is written when the page is in, even when
# there are no results; the shards a query needs load first, and the first result shows before the
# rest: devtools/bench.py times both), then until the frame after (style, layout, paint).
LATENCY_JS = """async qs => {
    const input = document.querySelector('.atlas-search__input');
    const list = document.querySelector('.atlas-search__results');
    const dom = [], painted = [];
    for (const q of qs) {
        const t = await new Promise(resolve => {
            const start = performance.now();
            const obs = new MutationObserver(() => {
                obs.disconnect();
                const d = performance.now() - start;
                requestAnimationFrame(() => setTimeout(() => resolve([d, performance.now() - start]), 0));
            });
            obs.observe(list, {attributes: true, attributeFilter: ['data-atlas-query']});
            input.value = q;
            input.dispatchEvent(new Event('input', {bubbles: true}));
        });
        dom.push(t[0]);
        painted.push(t[1]);
        input.value = '';
        input.dispatchEvent(new Event('input', {bubbles: true}));
        await new Promise(r => setTimeout(r, 0));
    }
    const t0 = performance.now();
    new AtlasSearchCore.Engine(window.__atlasCore, () => null);
    const load = performance.now() - t0;
    const engine = AtlasSearch.engine;  // the search box's, with the shards these queries loaded
    const search = qs.map(q => { const s = performance.now(); engine.search(q); return performance.now() - s; });
    return {dom, painted, load, search};
}"""

FIRST_QUERY_JS = """q => new Promise(resolve => {
    const input = document.querySelector('.atlas-search__input');
    const list = document.querySelector('.atlas-search__results');
    const start = performance.now();
    new MutationObserver((m, obs) => { obs.disconnect(); resolve(performance.now() - start); })
        .observe(list, {attributes: true, attributeFilter: ['data-atlas-query']});
    input.value = q;
    input.dispatchEvent(new Event('input', {bubbles: true}));
})"""


@dataclass(frozen=True)
class Transfer:
    name: str
    raw: int
    gzip: int


@dataclass(frozen=True)
class Latency:
    """Milliseconds, medians over the queries unless named otherwise."""

    first_query: float  # first query typed right after the page loaded
    keystroke_dom: float
    keystroke_dom_max: float
    keystroke_painted: float
    engine_search: float
    index_load: float  # reading the core (vocabulary, tables), once per page
    ready: float  # from navigation start to the search box ready (index loaded)


def _size(path: Path) -> Transfer:
    data = path.read_bytes()
    return Transfer(path.name, len(data), len(gzip.compress(data, 9, mtime=0)))


def _core(site_dir: Path) -> dict:
    core_js = (Path(site_dir) / SITE_SUBDIR / INDEX_FILE).read_text(encoding="utf-8")
    return json.loads(core_js[core_js.index("=") + 1 : core_js.rindex(";")])


def transfer(site_dir: Path) -> tuple[Transfer, ...]:
    """Raw and gzip (level 9) bytes of each search file a page load fetches."""
    names = [*PAGE_LOAD_FILES]
    if _core(site_dir).get("preload"):
        names.append(f"{SHARD_DIR}/{shard_name(PRELOAD_KIND, 0)}")
    return tuple(_size(Path(site_dir) / SITE_SUBDIR / name) for name in names)


def _payload(script: str) -> object:
    """The data a shard script hands to window.__atlasLoad("k",n,…) (emit.shard_script)."""
    start = script.index(",", script.index(",") + 1) + 1
    return json.loads(script[start : script.rindex(")")])


def site_searcher(site_dir: Path) -> SearchIndex:
    """The Python twin of the browser's engine, reading the site's own core and shard files."""
    base = Path(site_dir) / SITE_SUBDIR
    core = _core(site_dir)

    def load(kind: str, n: int) -> object:
        return _payload((base / SHARD_DIR / shard_name(kind, n)).read_text(encoding="utf-8"))

    return SearchIndex(core, load)


def query_transfer(site_dir: Path, query: str) -> tuple[Transfer, ...]:
    """Each file a first query fetches after the page load: its posting shards, then (unless the
    page preloaded them all) the document chunks of the results the search box shows first."""
    searcher = site_searcher(site_dir)
    refs = searcher.shown(query)
    shard_dir = Path(site_dir) / SITE_SUBDIR / SHARD_DIR
    files = [shard_name("p", n) for n in searcher.shards_for(query)]
    if not searcher.core.get("preload"):
        files += [shard_name("d", n) for n in searcher.chunks_for(refs)]
    return tuple(_size(shard_dir / f) for f in files)


def first_query_bytes(site_dir: Path, query: str) -> tuple[int, int]:
    """Raw and gzip bytes of a page load plus a first query: what issue #6 compares at 5 and 300."""
    rows = transfer(site_dir) + query_transfer(site_dir, query)
    return sum(t.raw for t in rows), sum(t.gzip for t in rows)


def index_size(site_dir: Path) -> tuple[int, int, int]:
    """Raw and gzip bytes of the whole index (core, every shard and chunk), and its file count."""
    base = Path(site_dir) / SITE_SUBDIR
    files = [base / INDEX_FILE, *sorted((base / SHARD_DIR).glob("*.js"))]
    sizes = [_size(f) for f in files]
    return sum(t.raw for t in sizes), sum(t.gzip for t in sizes), len(files)


def measure_latency(page, queries: list[str]) -> Latency:
    """On a loaded page with the search box (a Playwright page)."""
    page.wait_for_selector("[data-atlas-ready]", state="attached")
    ready = page.evaluate("performance.getEntriesByName('atlas-search-ready')[0].startTime")
    first = page.evaluate(FIRST_QUERY_JS, queries[0])
    r = page.evaluate(LATENCY_JS, queries)
    return Latency(
        first_query=first,
        keystroke_dom=statistics.median(r["dom"]),
        keystroke_dom_max=max(r["dom"]),
        keystroke_painted=statistics.median(r["painted"]),
        engine_search=statistics.median(r["search"]),
        index_load=r["load"],
        ready=ready,
    )


def browser_latency(site_dir: Path, queries: list[str]) -> Latency:
    """Open the site's home page from file:// in headless Chromium and measure."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.goto((Path(site_dir) / "index.html").resolve().as_uri())
            return measure_latency(page, queries)
        finally:
            browser.close()


DEFAULT_QUERIES = ["远程医疗", "遠程醫療", "互联网金融", "12345热线", "办公厅", "经信委", "众创空间",
                   "济南远程医疗", "大数据", "电子商务交易额", "4G", "智慧城市"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m devtools.search_bench", description=__doc__)
    ap.add_argument("site", type=Path, help="a built site directory")
    ap.add_argument("--no-browser", action="store_true", help="sizes only")
    args = ap.parse_args(argv)
    rows = transfer(args.site)
    print("| search file | raw | gzip |\n|---|---:|---:|")
    for t in rows:
        print(f"| {t.name} | {t.raw / 1024:.1f} KiB | {t.gzip / 1024:.1f} KiB |")
    print(f"| **page load total** | {sum(t.raw for t in rows) / 1024:.1f} KiB | "
          f"{sum(t.gzip for t in rows) / 1024:.1f} KiB |")
    raw, gz, n = index_size(args.site)
    print(f"\nwhole index: {n} files, {raw / 1024:.0f} KiB raw, {gz / 1024:.0f} KiB gzip")
    print("\n| first query | files | page load + query, gzip |\n|---|---:|---:|")
    for q in DEFAULT_QUERIES:
        files = query_transfer(args.site, q)
        print(f"| {q} | {len(files)} | {first_query_bytes(args.site, q)[1] / 1024:.1f} KiB |")
    if not args.no_browser:
        lat = browser_latency(args.site, DEFAULT_QUERIES)
        print(f"\nheadless Chromium, file://: first query after load {lat.first_query:.1f} ms; "
              f"keystroke→results in the DOM median {lat.keystroke_dom:.1f} ms "
              f"(max {lat.keystroke_dom_max:.1f}), →next frame {lat.keystroke_painted:.1f} ms; "
              f"engine.search median {lat.engine_search:.2f} ms; index load {lat.index_load:.1f} ms; "
              f"search ready {lat.ready:.0f} ms after navigation start")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
