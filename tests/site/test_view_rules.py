"""Rules the templates once decided, now in the view objects: 省本级/市本级, the opening an agency
page shows of a task, whether an agency named in a task is linked, which roles a task lists,
whether a section shows its annotation, region and agency-type names and links, region level names,
the target table's layout class and the role columns' alignment."""

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


# --- the rules that followed (issue #12): each decided by a view object, the templates only show it --


def test_a_domain_page_lists_a_tasks_roles_only_when_it_names_agencies():
    from generator.render.domain_pages import domain_view

    atlas = build_atlas()
    for domain in atlas.vocab.domains.values():
        view = domain_view(atlas, domain)
        for ref in atlas.tasks_by_domain.get(domain.id, ()):
            roles = view.roles[ref.plan.id, ref.task.id]
            assert [r.role for r in roles] == [r for r in ("lead", "cooperating", "responsible")
                                               if getattr(ref.task, r)]
            assert all(r.badges for r in roles)


def test_a_section_shows_its_annotation_only_when_no_task_repeats_it():
    from generator.model import Section, Task
    from generator.render.plan_pages import _section_views

    atlas = build_atlas()
    task = Task("t1", "1.", None, "推进。", annotation="(市经信委负责)")
    with_tasks = Section("s1", None, "甲", None, tasks=(task,), annotation="(市经信委负责)")
    without = Section("s2", None, "乙", "正文。", annotation="(市经信委负责)")
    one, two = _section_views(atlas, (with_tasks, without), 2)
    assert (one.annotation, two.annotation) == (None, "(市经信委负责)")


def test_a_region_row_counts_only_the_roles_an_agency_has_tasks_in():
    from generator.render.region_pages import _agency_rows

    atlas = build_atlas()
    for region in atlas.vocab.regions:
        for row in _agency_rows(atlas, region):
            assert all(n > 0 for _, n in row.counts)


def test_names_and_links_of_regions_and_types_come_from_the_views():
    from generator.render.agency_pages import summaries_by_region
    from generator.render.agency_type_pages import peers
    from generator.render.region_pages import level_name

    atlas = build_atlas()
    (peer, *_) = peers(atlas, "it")
    assert peer.region is atlas.vocab.regions[peer.summary.agency.region]
    assert replace(peer, region=None).region_name == peer.summary.agency.region  # unknown: the id
    rows = [row for rows in summaries_by_region(atlas).values() for row in rows]
    assert all(row.agency_type is atlas.vocab.agency_types.get(row.agency.type or "") for row in rows)
    assert level_name(atlas.vocab.regions["jinan"]) == "地级市"
    assert level_name(replace(atlas.vocab.regions["jinan"], level="prefecture")) == "prefecture"


def test_templates_hold_no_vocabulary_lookup_or_role_rule():
    import re
    from pathlib import Path

    import generator.render as render_package

    folder = Path(render_package.__file__).parent / "templates"
    for template in sorted(folder.glob("*.j2")):
        text = template.read_text(encoding="utf-8")
        for rule in (r"\.lead or", r"task\[role\]", r"role_order if", r"\bif [^%}]* in (?:regions|types)\b",
                     r"\.get\(", r"phone_blocks", r"not view\.tasks"):
            assert not re.search(rule, text), (template.name, rule)
        if "role_labels" in text:  # a column per role: the alignment row follows ROLES too
            assert "role_align" in text, template.name
