"""One target table: plan, domain, indicator and index pages show a target's cells alike.

They once disagreed: the plan page wrote 2–3 and a missing year as —, the others 2-3 and an empty
cell; the index put the unit in a column of its own; the domain page put 表述 before 目标值 and the
plan page after it.
"""

from __future__ import annotations

import re
from dataclasses import replace

import regions_atlas
from generator.atlas import link
from generator.render.pages import all_pages
from generator.render.target_table import NOT_STATED, figure, target_cells

HEADER_TAIL = "表述 | 目标值 | 年份 | 原文 |"


def test_a_figure_reads_the_same_on_every_page():
    t = regions_atlas._target("远程医学中心", 2.0, "家", None, "建立2-3家远程医学中心", None)
    ranged = replace(t, value_max=3.0)
    assert figure(ranged) == "2–3家" and figure(t) == "2家"
    assert target_cells(ranged, None)["year"] == NOT_STATED


def test_every_target_table_has_the_same_target_columns_and_cells():
    vocab = regions_atlas.vocab()
    plans = regions_atlas.plans()
    shandong = plans["shandong-2016"]
    # a ranged target without a year, in a task of a plan with targets
    task = next(t for t in shandong.iter_tasks() if t.targets)
    ranged = replace(task.targets[0], value_max=task.targets[0].value + 1, year=None)
    sections = tuple(replace(s, tasks=tuple(replace(x, targets=(ranged, *x.targets[1:])) if x.id == task.id else x
                                            for x in s.tasks)) for s in shandong.sections)
    plans["shandong-2016"] = replace(shandong, sections=sections)
    pages = [p for p in all_pages(link(vocab, plans)) if hasattr(p, "markdown")]
    headers = [ln for p in pages for ln in p.markdown.splitlines() if ln.startswith("| ") and ln.endswith(" 原文 |")]
    assert len(headers) >= 4 and all(h.endswith(HEADER_TAIL) for h in headers)
    assert not any("| 单位 |" in h for h in headers)
    shown = figure(ranged)
    assert "–" in shown
    # figures and years sit in <span class="atlas-fig"> (never broken across lines on a phone)
    fig = r'<span class="atlas-fig">{}</span>'
    with_it = [p.path for p in pages
               if re.search(rf"\| {fig.format(re.escape(shown))} \| {fig.format(NOT_STATED)} \|", p.markdown)]
    assert "plans/shandong-2016.md" in with_it and "indicators/targets/shandong.md" in with_it
