"""Rules the templates once decided, now in the view objects: 省本级/市本级, the opening an agency
page shows of a task, and whether an agency named in a task is linked."""

from __future__ import annotations

from dataclasses import replace

from regions_atlas import atlas as build_atlas
from generator.atlas import urls
from generator.model import AgencyRef
from generator.render.plan_pages import agency_url
from generator.render.refs import OPENING_CHARS, group_regions, task_opening


def test_a_group_heads_own_plans_are_its_level_not_its_name_again():
    atlas = build_atlas()
    (shandong,) = [g for g in group_regions(atlas.vocab, ["shandong", "jinan", "liaocheng"])]
    labels = [shandong.label(r) for r in shandong.regions]
    assert labels == ["省本级", "济南市", "聊城市"]
    (beijing,) = group_regions(atlas.vocab, ["beijing"])
    assert beijing.label(beijing.regions[0]) == "市本级"


def test_an_agency_page_shows_a_titled_tasks_opening_cut_to_its_length():
    ref = build_atlas().tasks[0]
    long = replace(ref, task=replace(ref.task, title="标题", text="字" * 100))
    opening = task_opening(long)
    assert opening == "字" * (OPENING_CHARS - 1) + "…" and len(opening) == OPENING_CHARS
    short = replace(ref, task=replace(ref.task, title="标题", text="字" * OPENING_CHARS))
    assert task_opening(short) == "字" * OPENING_CHARS
    assert task_opening(replace(ref, task=replace(ref.task, title=None))) is None


def test_only_an_agency_the_vocabulary_knows_is_linked():
    atlas = build_atlas()
    known = next(iter(atlas.vocab.agencies))
    assert agency_url(atlas.vocab, known) == urls.agency(known)
    assert agency_url(atlas.vocab, "no-such-agency") is None
    assert agency_url(atlas.vocab, AgencyRef("某某局", None).agency) is None
