"""Role counts compare fairly: each plan's convention is stated (Shandong's declared first-listed
rule, Beijing's 负责 without a lead), 负责 stays its own column, and a unit listed first under 负责
is shown as such, never counted as 牵头."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.atlas import link
from generator.atlas.roles import convention
from generator.content.load import load_content
from generator.render.agency_type_pages import peers, type_page

ROOT = Path(__file__).resolve().parents[2]


@cache
def atlas():
    c = load_content(ROOT)
    return link(c.vocab, c.plans)


def test_each_seed_plans_convention_is_read_from_its_annotations():
    kinds = {pid: convention(p).kind for pid, p in atlas().plans.items()}
    assert kinds == {"beijing-2016": "lead-named", "dongguan-2016": "lead-named", "jinan-2016": "lead-named",
                     "liaocheng-2017": "lead-named", "shandong-2016": "first-listed"}
    assert "列第一位" in convention(atlas().plans["shandong-2016"]).text
    assert "即使列在第一位也不计为牵头" in convention(atlas().plans["beijing-2016"]).text


def test_a_unit_named_first_under_fuze_is_shown_apart_and_not_counted_as_lead():
    beijing = next(p for p in peers(atlas(), "industry-it") if p.summary.agency.id == "beijing-jingxinwei")
    assert (beijing.summary.counts.lead, beijing.summary.counts.responsible, beijing.first_named) == (1, 8, 3)
    md = type_page(atlas(), atlas().vocab.agency_types["industry-it"]).markdown
    assert "| 牵头 | 配合 | 负责 | 其中列第一位 |" in md
    assert md.count("### 各规划的写法") == 1 and "规划声明“列第一位者为牵头部门”" in md
