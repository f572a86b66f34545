"""``make bench``: how long the stages take and how big the output is, on this machine.

Timings are reported, never asserted (tests stay independent of machine load). Each stage runs
``--runs`` times and the median is reported, with the machine it ran on, as a Markdown table that
the README quotes.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def _median_time(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _tree_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def bench_site(root: Path, runs: int) -> list[tuple[str, str]]:
    """Median time of each stage over ``runs`` runs, and the size of what the build writes."""
    from .content.load import load_content
    from .site.atlas import link
    from .site.pages import all_pages

    rows: list[tuple[str, str]] = []
    t_load, content = _median_time(lambda: load_content(root), runs)
    rows.append(("load + validate", f"{t_load * 1000:.0f} ms"))
    t_link, atlas = _median_time(lambda: link(content.vocab, content.plans), runs)
    rows.append(("link", f"{t_link * 1000:.0f} ms"))
    t_render, pages = _median_time(lambda: list(all_pages(atlas)), runs)
    rows.append(("render pages", f"{t_render * 1000:.0f} ms ({len(pages)} pages and assets)"))

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"

        def build() -> None:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                            "--site-dir", str(site)], cwd=root, check=True)

        t_build, _ = _median_time(build, runs)
        rows.append(("mkdocs build --strict (whole, incl. the above)", f"{t_build:.2f} s"))
        n_files, size = _tree_size(site)
        rows.append(("site", f"{n_files} files, {size / 1024 / 1024:.1f} MiB"))
        html = sorted(site.rglob("*.html"))
        rows.append(("HTML pages", str(len(html))))
        for name in ("search/index.js", "assets/search/index.js"):
            index = site / name
            if index.exists():
                raw = index.read_bytes()
                rows.append(("search index", f"{len(raw) / 1024:.0f} KiB raw, "
                             f"{len(gzip.compress(raw, 9)) / 1024:.0f} KiB gzip"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per stage; the median is reported")
    args = parser.parse_args(argv)
    rows = bench_site(ROOT, args.runs)
    print(f"Machine: {machine()}")
    print(f"Five-plan site, median of {args.runs} runs:\n")
    print("| stage | result |\n|---|---|")
    for stage, result in rows:
        print(f"| {stage} | {result} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
