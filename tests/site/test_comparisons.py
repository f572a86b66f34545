"""Comparisons a researcher can trust, on the real seeds: targets compare in their indicator's unit
(one unit per indicator in the export), a region appears once per chart, and a plan whose text names
an indicator with a figure is never shown as having set none (原文提及,尚未结构化, and a check warning)."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

from generator.atlas import link, measure
from generator.atlas.review import review_warnings
from generator.content.load import load_content
from generator.model import Content, Target
from generator.render.exports import target_records
from generator.render.indicator_pages import indicator_view, plans_in_region_order, plans_with_targets

ROOT = Path(__file__).resolve().parents[2]


@cache
def content() -> Content:
    return load_content(ROOT)


def view(atlas, indicator_id):
    return indicator_view(atlas, atlas.vocab.indicators[indicator_id], plans_in_region_order(atlas),
                          plans_with_targets(atlas))


def test_every_indicator_has_its_targets_in_one_unit_in_the_export():
    atlas = link(content().vocab, content().plans)
    units: dict[str, set] = {}
    for r in target_records(atlas):
        if r["indicator"]:
            units.setdefault(r["indicator"], set()).add(r["indicator_unit"])
            assert r["indicator_value"] is not None, r
    assert {k: v for k, v in units.items() if len(v) != 1} == {}
    assert units["household-broadband-access-speed"] == {"Mbps"}


def test_written_units_convert_into_the_indicators_unit():
    vocab = content().vocab
    t = Target("家庭宽带接入能力", 100, "兆", "超过", 2018, "x", "household-broadband-access-speed")
    assert measure(vocab, t).value == 100 and measure(vocab, t).unit == "Mbps"
    assert measure(vocab, dataclasses.replace(t, value=1, unit="G")).value == 1000
    assert measure(vocab, dataclasses.replace(t, unit="万户")) is None
    money = Target("电子商务交易额", 5000, "万元", "达到", 2018, "x", "ecommerce-transaction-volume")
    assert measure(vocab, money).value == 0.5


def test_household_broadband_compares_beijing_shandong_and_liaocheng_on_one_chart():
    atlas = link(content().vocab, content().plans)
    v = view(atlas, "household-broadband-access-speed")
    (chart,) = v.charts
    assert chart.unit == "Mbps" and chart.svg.split("</desc>")[1].count(" 100 Mbps") == 3
    assert "100Mbp…" not in chart.svg


def test_a_region_appears_once_per_chart_even_with_two_targets():
    c = content()
    plan = c.plans["liaocheng-2017"]
    atlas = link(c.vocab, c.plans)
    for indicator in atlas.vocab.indicators.values():
        for chart in view(atlas, indicator.id).charts:
            for region in ("聊城市", "山东省", "济南市"):
                label = f'text-anchor="end" dominant-baseline="central" fill="currentColor">{region}'
                assert chart.svg.count(label) <= 1, (indicator.id, region)
    assert plan  # the seeds load


def _without_indicator(c: Content, plan_id: str, indicator: str) -> Content:
    """The content with the plan's targets of ``indicator`` unlinked (as before a review)."""
    def strip(targets):
        return tuple(dataclasses.replace(t, indicator=None) if t.indicator == indicator else t for t in targets)

    def walk(sections):
        return tuple(dataclasses.replace(s, targets=strip(s.targets), sections=walk(s.sections),
                                         tasks=tuple(dataclasses.replace(t, targets=strip(t.targets))
                                                     for t in s.tasks)) for s in sections)

    plan = c.plans[plan_id]
    return Content(c.vocab, {**c.plans, plan_id: dataclasses.replace(plan, sections=walk(plan.sections))})


def test_a_plan_whose_text_names_the_indicator_with_a_figure_is_mentioned_not_said_to_set_none():
    c = _without_indicator(content(), "shandong-2016", "telemedicine-centers")
    atlas = link(c.vocab, c.plans)
    rows = [r for r in view(atlas, "telemedicine-centers").rows if r.plan.id == "shandong-2016"]
    assert [r.status for r in rows] == ["mentioned"]
    assert "17个市级分中心" in rows[0].mentions[0].sentence
    (warning,) = [w for w in review_warnings(c) if "telemedicine-centers" in w.message]
    assert warning.loc.path == "content/plans/shandong-2016.yaml" and warning.loc.line > 1
    assert "17个市级分中心" in warning.message


def test_the_seeds_leave_no_indicator_mentioned_but_unstructured():
    assert review_warnings(content()) == []
