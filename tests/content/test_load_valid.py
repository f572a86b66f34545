"""A valid tree loads into the model: the exact dataclasses the link stage receives."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.content.load import load_content
from generator.content.vocab import load_vocabulary
from generator.errors import ContentError
from generator.model import AgencyRef, Loc, Period, Region, Target

from .conftest import PLAN


def test_vocabulary_loads_entries_in_file_order_with_locations(tree):
    vocab = load_vocabulary(tree.root / "site_config")
    assert list(vocab.regions) == ["china", "shandong", "jinan", "beijing"]
    assert vocab.regions["jinan"] == Region(id="jinan", name="济南市", level="city", parent="shandong",
                                            adcode="370100", short_name="济南")
    assert vocab.regions["jinan"].loc == Loc("site_config/regions.yaml", 14, 5)
    assert vocab.agencies["jinan-jingxinwei"].aliases == ("市经信委", "市经济和信息化委")
    assert vocab.agencies["jinan-gov"].type is None
    assert vocab.domains["broadband"].description is None
    assert vocab.domains["manufacturing"].heading_words == ("协同制造", "智能制造")
    assert vocab.indicators["fixed-broadband-household-penetration"].unit == "%"


def test_load_vocabulary_raises_every_problem(tree):
    tree.edit("site_config/regions.yaml", "level: city", "level: town")
    tree.edit("site_config/domains.yaml", "keywords: [宽带]", "keywords: 宽带")
    with pytest.raises(ContentError) as err:
        load_vocabulary(tree.root / "site_config")
    assert [str(p) for p in err.value.problems] == [
        "site_config/regions.yaml:17:12: 'level': 'town' is not one of country, province, municipality, "
        "city, district",
        "site_config/domains.yaml:11:15: 'keywords' must be a list, not a string ('宽带'): "
        "write it as a list ([a, b] or '- a' lines)",
    ]


def test_plan_loads_into_the_model(tree):
    content = load_content(tree.root)
    plan = content.plans["demo-2016"]
    assert plan.signed == dt.date(2016, 6, 2)
    assert plan.published is None and plan.issuer is None and plan.doc_number is None
    assert plan.period == Period(2016, 2018)
    assert plan.source.file == "demo-2016.txt" and plan.source.retrieved is None
    assert plan.cites[0].doc_number == "国发〔2015〕40号"
    assert [s.id for s in plan.iter_sections()] == ["s1", "s2", "s2-1"]
    assert [t.id for t in plan.iter_tasks()] == ["t2-1-1", "t2-1-2"]
    first, second = plan.iter_tasks()
    assert first.number == "1" and first.title == "推广网络众包研发模式"
    assert first.lead == (AgencyRef("市经信委", "jinan-jingxinwei"),)
    assert first.cooperating == (AgencyRef("市科技局", "jinan-kejiju"),)
    assert first.responsible == () and first.domains == ("manufacturing",)
    assert first.loc == Loc(PLAN, 50, 13)
    assert second.responsible == (AgencyRef("市经信委", "jinan-jingxinwei"), AgencyRef("科技局", "jinan-kejiju"))
    assert second.targets == (Target(name="工业机器人", value=3000, unit="台(套)", comparator="达到",
                                     year=2018, quote="推广应用工业机器人3000台(套)"),)
    range_target = plan.sections[0].targets[1]
    assert (range_target.value, range_target.value_max, range_target.indicator) == (2, 3, None)
    assert plan.attachments[0].members[0].agency == "jinan-jingxinwei"


def test_hostile_strings_are_kept_as_plain_data(tree):
    plan = load_content(tree.root).plans["demo-2016"]
    assert "<script>alert(1)</script>" in plan.sections[0].text
    first = next(plan.iter_tasks())
    assert "| 每年{{ 评选 }}一次" in first.text


def test_lists_become_tuples_so_the_model_is_hashable(tree):
    content = load_content(tree.root)
    for task in content.plans["demo-2016"].iter_tasks():
        hash(task)
