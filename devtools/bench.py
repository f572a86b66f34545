"""``make bench``: how build time, output size and search cost grow from 5 to 300 plans, on this machine.

For each size (``--sizes``, default 5,30,100,300) a synthetic corpus is generated with
``devtools.synthetic.make_corpus`` under tmp/bench/ (never content/), and measured:

* content load + validation, and page generation (link + render every page), in this process;
* ``mkdocs build --strict``, whole, as a child process: wall time and its peak memory (ru_maxrss
  of that child, from ``os.wait4``);
* the built site: HTML pages, files and bytes; the search index raw and gzip; the bytes a first
  query fetches (the index and every search script a page loads, gzip);
* query latency in headless Chromium from ``file://``: the queries of tests/search/queries.yaml
  typed into the real search box, keystroke → results in the DOM, p50 and p95;
* peak memory at the end of each stage of the build (ru_maxrss inside the build child);
* the offline zip (``make bundle``'s build with ``use_directory_urls`` off, zipped the same way);
* edit → preview: a real ``mkdocs serve --dirty`` (what ``make serve`` runs) on 127.0.0.1, the plan
  page open in headless Chromium, one target figure of one plan's YAML changed on disk; the time
  until the page in the browser shows the new figure (livereload reloads it).

The project's own content is measured too (column "project"), so a change can be checked against
the five-plan site. Timings are medians of ``--runs`` runs for sizes ≤ 30 and one run above (said in
the table); they are reported, never asserted, so tests stay independent of machine load.
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from devtools.sitecheck import broken_links

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "tmp" / "bench"
QUERIES_FILE = ROOT / "tests" / "search" / "queries.yaml"
DEFAULT_SIZES = (5, 30, 100, 300)
MEDIAN_UP_TO = 30  # sizes above this are built once: a 300-plan build takes minutes
SEARCH_SUBDIR = Path("assets") / "search"  # where the search package writes its files in a site


def machine() -> str:
    """One line naming the machine: CPU model, cores, memory, OS, Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


@dataclass(frozen=True)
class Build:
    """One ``mkdocs build`` child: wall seconds and peak resident memory in bytes."""

    seconds: float
    max_rss: int
    phases: dict[str, float] = field(default_factory=dict)  # seconds per PHASES label
    phase_rss: dict[str, int] = field(default_factory=dict)  # peak bytes at the end of each phase


@dataclass(frozen=True)
class SearchLatency:
    """Milliseconds in headless Chromium; None when the search UI could not be measured."""

    first_query: float  # to the first results
    p50: float
    p95: float
    queries: int
    first_query_full: float | None = None  # to the full first page of results
    p50_full: float | None = None
    p95_full: float | None = None


@dataclass(frozen=True)
class Result:
    """Everything measured for one corpus."""

    label: str
    plans: int
    tasks: int
    runs: int
    load: float  # seconds, content load + validation
    pages_time: float  # seconds, link + render every page
    pages: int  # generated Markdown pages
    build: Build
    html_pages: int
    site_files: int
    site_bytes: int
    index_raw: int
    index_gzip: int
    first_query_gzip: int  # index + scripts a page load fetches for search, gzip
    first_query_raw: int
    latency: SearchLatency | None
    latency_note: str = ""
    offline_zip: int | None = None  # bytes
    preview: float | None = None  # seconds, edit → the browser shows it
    preview_note: str = ""
    broken_links: int | None = None  # internal hrefs whose file or anchor is missing (sitecheck)


def _median_time(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


# Where a build's time goes: the plugin's stages and MkDocs' own per-page work (mkdocs 1.6 names).
PHASES = (
    ("load + link + pages", "generator.adapters.mkdocs_plugin", "AtlasPlugin.on_config"),
    ("Markdown → HTML", "mkdocs.structure.pages", "Page.render"),
    ("theme templates + write", "mkdocs.commands.build", "_build_page"),
    ("search index", "generator.adapters.mkdocs_plugin", "AtlasPlugin.on_post_build"),
)


def timed_build(site: str, phases_file: str) -> None:
    """Run ``mkdocs build --strict`` in this process, timing ``PHASES``; write them as JSON.

    The benchmark runs this in a child process (cwd = the project) so that its peak memory is the
    build's own. A phase whose function MkDocs no longer has is left out, never guessed.
    """
    import functools
    import importlib
    import json
    import resource

    spent: dict[str, float] = {}
    peak: dict[str, int] = {}
    for label, module_name, qualname in PHASES:
        owner = importlib.import_module(module_name)
        *path, name = qualname.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name, None)
        if original is None:
            continue

        def wrapper(*args, _original=original, _label=label, **kwargs):
            start = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.perf_counter() - start
                peak[_label] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

        setattr(owner, name, functools.wraps(original)(wrapper))
    from mkdocs.__main__ import cli

    try:
        cli(["build", "--strict", "--quiet", "--site-dir", site], standalone_mode=False)
    finally:
        Path(phases_file).write_text(json.dumps({"spent": spent, "peak": peak}), encoding="utf-8")


def mkdocs_build(root: Path, site: Path) -> Build:
    """``mkdocs build --strict`` of ``root`` into ``site`` as a child process; its time and peak memory."""
    import json

    # The child runs in the corpus folder; devtools/ is found from the project root, not installed.
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=path)
    phases_file = site.parent / f"{site.name}.phases.json"
    code = f"from devtools.bench import timed_build; timed_build({str(site)!r}, {str(phases_file)!r})"
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], cwd=root, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {root} (exit {child.returncode})")
    phases = json.loads(phases_file.read_text(encoding="utf-8"))
    phases_file.unlink()
    # Linux reports ru_maxrss in kilobytes
    return Build(seconds, usage.ru_maxrss * 1024, phases["spent"], phases["peak"])


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def bench_queries() -> list[str]:
    """The judged queries of the search tests (tests/search/queries.yaml), in file order."""
    import yaml

    data = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    return [str(item["query"]) for item in data]


def search_transfer(site: Path) -> tuple[int, int]:
    """Raw and gzip bytes of the search files a page load fetches (as the search package lists them)."""
    from .search_bench import transfer

    rows = transfer(site)
    return sum(t.raw for t in rows), sum(t.gzip for t in rows)


# Keystroke → results, for each query, typed into the focused box (a reader focuses it first: a
# click, Tab or `/`). Two times: to the first results in the DOM (the first change of the result
# list, or the list marked done for a query that finds nothing: its "没有找到结果" is the result), and
# to the full first page (the list's data-atlas-query attribute, which the box writes once the page
# is in; results render incrementally, atlas-search.js). The box may render synchronously in its
# input handler (the results are then there when dispatchEvent returns) or after loading index
# shards with <script> tags. Between queries the box is cleared and a frame is let pass, as between
# a person's keystrokes; a query that changes nothing before the time limit takes its synchronous
# time.
LATENCY_JS = """async ({qs, limit}) => {
    const input = document.querySelector('.atlas-search__input');
    const list = document.querySelector('.atlas-search__results');
    const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
    const type = q => new Promise(resolve => {
        let timer = 0, first = null;
        const isDone = () => list.getAttribute('data-atlas-query') === q;
        const finish = t => { obs.disconnect(); clearTimeout(timer); resolve([first === null ? t : first, t]); };
        const obs = new MutationObserver(records => {
            const now = performance.now() - start;
            if (first === null && (isDone() || records.some(r => r.type !== 'attributes'))) first = now;
            if (isDone()) finish(now);
        });
        obs.observe(list, {childList: true, subtree: true, characterData: true,
                           attributes: true, attributeFilter: ['data-atlas-query']});
        input.value = q;
        const start = performance.now();
        input.dispatchEvent(new Event('input', {bubbles: true}));
        const sync = performance.now() - start;
        const early = obs.takeRecords();
        if (early.length) first = sync;
        if (isDone()) { finish(sync); return; }
        timer = setTimeout(() => finish(first === null ? sync : performance.now() - start), limit);
    });
    input.focus();
    const first = await type(qs[0]);
    const times = [], full = [];
    for (const q of qs) {
        input.value = '';
        input.dispatchEvent(new Event('input', {bubbles: true}));
        await frame();
        const t = await type(q);
        times.push(t[0]);
        full.push(t[1]);
        await frame();
    }
    return {first, times, full};
}"""
WAIT_LIMIT_MS = 3000


def search_latency(site: Path, queries: list[str]) -> tuple[SearchLatency, tuple[int, int]]:
    """Type each query into the search box of the home page (file://) and time it to the results.

    Also returns the raw and gzip bytes of the search files (under assets/search/) the page load
    and the first query made the browser read: the index and every script the search loads.
    """
    from playwright.sync_api import sync_playwright

    from .browser import launch  # Debian's chromium here, Playwright's on CI; no network flags

    search_dir = (site / SEARCH_SUBDIR).resolve()
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            requested: list[str] = []
            page.on("request", lambda req: requested.append(req.url))
            page.goto((site / "index.html").resolve().as_uri())
            page.wait_for_selector("[data-atlas-ready]", state="attached", timeout=120_000)
            first = page.evaluate(LATENCY_JS, {"qs": queries[:1], "limit": WAIT_LIMIT_MS})
            fetched = _search_files(requested, search_dir)
            r = page.evaluate(LATENCY_JS, {"qs": queries, "limit": WAIT_LIMIT_MS})
        finally:
            browser.close()
    latency = SearchLatency(first["first"][0], statistics.median(r["times"]),
                            percentile(r["times"], 95), len(r["times"]), first["first"][1],
                            statistics.median(r["full"]), percentile(r["full"], 95))
    return latency, fetched


def _search_files(urls: list[str], search_dir: Path) -> tuple[int, int]:
    """Raw and gzip bytes of the distinct files under ``search_dir`` among the requested URLs."""
    from urllib.parse import unquote, urlparse

    files = []
    for url in dict.fromkeys(urls):
        parsed = urlparse(url)
        if parsed.scheme != "file":
            continue
        path = Path(unquote(parsed.path))
        if path.is_relative_to(search_dir) and path.is_file():
            files.append(path.read_bytes())
    return sum(map(len, files)), sum(len(gzip.compress(f, 9, mtime=0)) for f in files)


def offline_zip(root: Path, work: Path, label: str) -> int:
    """Build ``root`` the way ``make bundle`` does (file:// flavour) and zip it; the zip's bytes."""
    from generator.adapters.bundle import zip_site

    project_offline = ROOT / "site_config" / "offline.yml"
    config = root / "site_config" / "offline.yml"
    if root.resolve() != ROOT:
        # the project's offline config, re-rooted at the corpus (its mkdocs.yml, the project's theme)
        text = project_offline.read_text(encoding="utf-8")
        text = text.replace("custom_dir: ../overrides", f"custom_dir: {(ROOT / 'overrides').as_posix()}")
        config = root / "offline.yml"
        config.write_text(text.replace("../", "").replace("root: ..", "root: ."), encoding="utf-8")
    site = work / f"offline-{label}"
    shutil.rmtree(site, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config),
                    "--site-dir", str(site)], check=True, cwd=root, env=env)
    out = zip_site(site, work / f"offline-{label}.zip")
    size = out.stat().st_size
    shutil.rmtree(site, ignore_errors=True)
    out.unlink()
    return size


# The figure a preview edit writes: the first target ``value:`` of a plan, scaled by one of these
# (each gives digits the page did not show before), then put back when the measure is done.
EDIT_FACTORS = (0.987654, 0.976543, 0.965432)
_VALUE_LINE = re.compile(r"^(\s+)value: ([0-9]+(?:\.[0-9]+)?)$", re.M)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _edit_target(root: Path) -> tuple[Path, str, object]:
    """The first plan (by file name) with a non-zero target value: its file, its text, the match."""
    for path in sorted((root / "content" / "plans").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for m in _VALUE_LINE.finditer(text):
            if float(m.group(2)) > 0:
                return path, text, m
    raise RuntimeError(f"no plan under {root} states a target value to edit")


def edit_preview(root: Path, runs: int, *, startup_timeout: float = 3600) -> float:
    """Seconds from writing a changed figure into a plan's YAML to the served page showing it.

    A real ``mkdocs serve --dirty --livereload`` (what ``make serve`` runs) on a free port of
    127.0.0.1; the plan page open in headless Chromium; after each edit the wait ends when the
    page's text holds the new figure. The median of ``runs`` edits; the file is restored after.
    """
    import urllib.request

    from playwright.sync_api import sync_playwright

    from generator.render.render import number

    from .browser import launch

    path, original, m = _edit_target(root)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/plans/{path.stem}/"
    log = open(root.parent / f"serve-{root.name}.log", "w", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=root, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    times = []
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not come up (see {log.name})")
            time.sleep(1)
        with sync_playwright() as p:
            browser = launch(p)
            try:
                page = browser.new_page()
                page.goto(url)
                page.wait_for_load_state("load")
                for n in range(runs):
                    value = round(float(m.group(2)) * EDIT_FACTORS[n % len(EDIT_FACTORS)], 4)
                    marker = number(value)
                    text = original[:m.start()] + f"{m.group(1)}value: {value}" + original[m.end():]
                    time.sleep(1.5)  # the watcher must see a newer file than the last build
                    start = time.perf_counter()
                    path.write_text(text, encoding="utf-8")
                    page.wait_for_function("m => document.body && document.body.innerText.includes(m)",
                                           arg=marker, timeout=600_000, polling=50)
                    times.append(time.perf_counter() - start)
            finally:
                browser.close()
    finally:
        path.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return statistics.median(times)


def bench_root(root: Path, label: str, runs: int, *, work: Path = BENCH_DIR,
               browser: bool = True, offline: bool = True, preview: bool = True) -> Result:
    """Measure one project tree (content/, site_config/, mkdocs.yml)."""
    from generator.content.load import load_content
    from generator.search.emit import INDEX_FILE
    from generator.atlas import link
    from generator.render.pages import all_pages

    t_load, content = _median_time(lambda: load_content(root), runs)
    t_pages, pages = _median_time(lambda: all_pages(link(content.vocab, content.plans)), runs)
    n_pages = sum(1 for p in pages if p.path.endswith(".md"))
    tasks = sum(len(s.tasks) for plan in content.plans.values() for s in plan.iter_sections())
    del pages

    site = work / f"site-{label}"
    builds = []
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        builds.append(mkdocs_build(root, site))
    median = sorted(builds, key=lambda b: b.seconds)[(len(builds) - 1) // 2]  # a run, with its phases
    build = Build(median.seconds, max(b.max_rss for b in builds), median.phases, median.phase_rss)

    files = [p for p in site.rglob("*") if p.is_file()]
    broken = broken_links(site)
    for problem in broken[:10]:
        print(f"broken link: {problem}", file=sys.stderr)
    index = (site / SEARCH_SUBDIR / INDEX_FILE).read_bytes()
    fq_raw = fq_gzip = 0
    latency, note = None, ""
    if not browser:
        try:  # what the search package says a page load fetches
            fq_raw, fq_gzip = search_transfer(site)
        except (ImportError, OSError) as err:
            note = f"search files not found ({type(err).__name__}: {err})"
    else:
        try:
            # what the browser actually read for the page load and the first query
            latency, (fq_raw, fq_gzip) = search_latency(site, bench_queries())
        except Exception as err:  # the report says why; the sizes are still worth having
            note = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
    zip_bytes = offline_zip(root, work, label) if offline else None
    preview_s, preview_note = None, ""
    if preview and browser:
        try:
            preview_s = edit_preview(root, runs)
        except Exception as err:  # the report says why
            preview_note = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
    return Result(
        label=label, plans=len(content.plans), tasks=tasks, runs=runs, load=t_load,
        broken_links=len(broken),
        offline_zip=zip_bytes, preview=preview_s, preview_note=preview_note,
        pages_time=t_pages, pages=n_pages, build=build,
        html_pages=sum(1 for p in files if p.suffix == ".html"), site_files=len(files),
        site_bytes=sum(p.stat().st_size for p in files),
        index_raw=len(index), index_gzip=len(gzip.compress(index, 9, mtime=0)),
        first_query_raw=fq_raw, first_query_gzip=fq_gzip, latency=latency, latency_note=note,
    )


def _kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MiB"


def table(results: list[Result]) -> str:
    """The Markdown table: one row per measure, one column per corpus."""
    head = ["measure"] + [f"{r.label} ({r.plans} plans, {r.tasks} tasks)" for r in results]

    rows = [
        ("runs (median of)", [str(r.runs) for r in results]),
        ("content load + validation", [f"{r.load:.2f} s" for r in results]),
        ("page generation (link + render)", [f"{r.pages_time:.2f} s" for r in results]),
        ("`mkdocs build --strict` (whole)", [f"{r.build.seconds:.1f} s" for r in results]),
        ("… of which " + " / ".join(label for label, _, _ in PHASES),
         [" / ".join(f"{r.build.phases[label]:.1f}" if label in r.build.phases else "?"
                     for label, _, _ in PHASES) + " s" for r in results]),
        ("peak memory of the build", [f"{r.build.max_rss / 1024 / 1024:,.0f} MiB" for r in results]),
        ("… at the end of each stage above",
         [" / ".join(f"{r.build.phase_rss[label] / 1024 / 1024:,.0f}" if label in r.build.phase_rss
                     else "?" for label, _, _ in PHASES) + " MiB" for r in results]),
        ("generated pages / HTML pages", [f"{r.pages:,} / {r.html_pages:,}" for r in results]),
        ("site size", [f"{r.site_bytes / 1024 / 1024:,.1f} MiB, {r.site_files:,} files" for r in results]),
        ("internal links or anchors broken (every page checked)",
         [str(r.broken_links) if r.broken_links is not None else "n/a" for r in results]),
        ("offline zip", [f"{r.offline_zip / 1024 / 1024:,.1f} MiB" if r.offline_zip else "n/a"
                         for r in results]),
        ("search index raw / gzip", [f"{_kib(r.index_raw)} / {_kib(r.index_gzip)}" for r in results]),
        ("first query fetches (index + scripts) raw / gzip",
         [f"{_kib(r.first_query_raw)} / {_kib(r.first_query_gzip)}" for r in results]),
        ("first query after load (first results / full page)",
         [f"{r.latency.first_query:.1f} / {r.latency.first_query_full:.1f} ms" if r.latency else "n/a"
          for r in results]),
        ("query latency p50 / p95 (keystroke → first results)",
         [f"{r.latency.p50:.1f} / {r.latency.p95:.1f} ms ({r.latency.queries} queries)" if r.latency
          else "n/a" for r in results]),
        ("… keystroke → full first page p50 / p95",
         [f"{r.latency.p50_full:.1f} / {r.latency.p95_full:.1f} ms" if r.latency else "n/a"
          for r in results]),
        ("edit one plan's YAML → served page shows it (`make serve`)",
         [f"{r.preview:.1f} s" if r.preview is not None else "n/a" for r in results]),
    ]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" + "---:|" * len(results)]
    out += ["| " + name + " | " + " | ".join(cells) + " |" for name, cells in rows]
    return "\n".join(out)


def ratios(results: list[Result]) -> list[str]:
    """The acceptance ratios of issue 6, when the sizes they compare were measured."""
    by = {r.label: r for r in results}
    lines = []
    if "30" in by and "300" in by:
        lines.append(f"- build time(300) / time(30): "
                     f"{by['300'].build.seconds / by['30'].build.seconds:.1f} (target ≤ 12)")
    if "5" in by and "300" in by:
        lines.append(f"- first-query bytes (gzip) 300 / 5: "
                     f"{by['300'].first_query_gzip / by['5'].first_query_gzip:.1f}× (target ≤ 2)")
    if any(r.latency is None for r in results):
        lines.append("- without Chromium, \"first query fetches\" is what the search package lists for a "
                     "page load (index core and scripts), not what a query then loads")
    for r in results:
        if r.latency_note:
            lines.append(f"- {r.label}: query latency not measured ({r.latency_note})")
        if r.preview_note:
            lines.append(f"- {r.label}: edit → preview not measured ({r.preview_note})")
    return lines


def load_average() -> str:
    """The 1-minute load average: on a shared machine, what the timings competed with."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def report(results: list[Result], load_before: str = "") -> str:
    load = f"load average {load_before} at start, {load_average()} at end" if load_before else ""
    lines = [f"Machine: {machine()}" + (f"; {load}" if load else ""), "",
             "Synthetic corpora (devtools/synthetic.py) of N plans derived from the real ones; "
             "\"project\" is content/ itself. Timings: median of the runs shown.", "",
             table(results), ""]
    return "\n".join(lines + ratios(results)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.bench",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated corpus sizes in plans (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3,
                        help=f"runs per measure for sizes ≤ {MEDIAN_UP_TO}; the median is reported")
    parser.add_argument("--no-project", action="store_true", help="skip the project's own content")
    parser.add_argument("--no-browser", action="store_true", help="skip query latency in Chromium")
    parser.add_argument("--no-offline", action="store_true", help="skip building the offline zip")
    parser.add_argument("--no-preview", action="store_true", help="skip edit → preview under serve")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpora")
    parser.add_argument("--work", type=Path, default=BENCH_DIR,
                        help="scratch directory for the corpora and sites (default: tmp/bench/)")
    parser.add_argument("--out", type=Path, help="also write the report (Markdown) to this file")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes: expected numbers separated by commas, got {args.sizes!r}")
    if not sizes or min(sizes) < 1:
        parser.error("--sizes: every size must be at least 1")

    from .synthetic import make_corpus

    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    load_before = load_average()
    results = []
    if not args.no_project:
        # no preview edit here: it would write into the project's own content/ (5 covers that size)
        results.append(bench_root(ROOT, "project", args.runs, work=work, browser=not args.no_browser,
                                  offline=not args.no_offline, preview=False))
        print("measured project", file=sys.stderr)
    for n in sizes:
        root = make_corpus(n, work / f"corpus-{n}", seed=args.seed)
        runs = args.runs if n <= MEDIAN_UP_TO else 1
        results.append(bench_root(root, str(n), runs, work=work, browser=not args.no_browser,
                                  offline=not args.no_offline, preview=not args.no_preview))
        print(f"measured {n} plans", file=sys.stderr)
    text = report(results, load_before)
    print(text, end="")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
