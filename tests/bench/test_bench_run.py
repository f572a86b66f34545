"""``python -m devtools.bench`` end to end on the smallest corpus (timings are never asserted)."""

from __future__ import annotations

import re

import pytest

from devtools import bench


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert bench.percentile(values, 50) == 50
    assert bench.percentile(values, 95) == 95
    assert bench.percentile([7.0], 95) == 7.0
    assert bench.percentile([3.0, 1.0, 2.0], 100) == 3.0


@pytest.mark.browser
@pytest.mark.slow
def test_bench_builds_and_measures_a_five_plan_corpus(tmp_path, capsys):
    out = tmp_path / "bench.md"
    assert bench.main(["--sizes", "5", "--runs", "1", "--no-project", "--work", str(tmp_path / "w"),
                       "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text == capsys.readouterr().out
    assert text.startswith("Machine: ")
    rows = {line.split(" | ")[0].lstrip("| "): line for line in text.splitlines() if line.startswith("| ")}
    assert "| 5 (5 plans, " in rows["measure"]
    for measure in ("content load + validation", "`mkdocs build --strict` (whole)",
                    "peak memory of the build", "site size", "search index raw / gzip",
                    "first query fetches (index + scripts) raw / gzip",
                    "query latency p50 / p95 (keystroke → first results)",
                    "first query after load (first results / full page)",
                    "… keystroke → full first page p50 / p95"):
        assert measure in rows, measure
        assert "n/a" not in rows[measure], rows[measure]
    phases = next(line for name, line in rows.items() if name.startswith("… of which"))
    assert "?" not in phases and len(re.findall(r"\d+\.\d", phases)) == len(bench.PHASES), phases
    assert rows["internal links or anchors broken (every page checked)"].endswith("| 0 |")
    assert (tmp_path / "w" / "site-5" / "index.html").is_file()
    assert "not measured" not in text
