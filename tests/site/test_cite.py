"""Citations (generator/render/cite.py): GB/T 7714 strings, short forms, the data/cite exports read
by real parsers, and Highwire tags: what the plan states, nothing it does not."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from generator.atlas import TaskRef
from generator.render import cite, exports
from generator.render.pages import all_pages, load_atlas
from generator.render.plan_pages import plan_page

REPO = Path(__file__).resolve().parents[2]
CSL_SCHEMA = REPO / "tests" / "fixtures" / "csl" / "csl-data.json"  # citation-style-language/schema
SITE = "https://atlas.example.org/"


@pytest.fixture(scope="module")
def real():
    return load_atlas(REPO)


def task_ref(atlas, plan_id: str, task_id: str) -> TaskRef:
    return next(r for r in atlas.tasks if r.plan.id == plan_id and r.task.id == task_id)


def test_a_task_citation_gives_issuer_title_doc_number_section_path_task_number_date_and_permalink(real):
    ref = cite.task_reference(task_ref(real, "beijing-2016", "t3-1-2"), SITE)
    assert ref.gbt() == (
        "北京市人民政府. 北京市人民政府关于积极推进“互联网+”行动的实施意见: 京政发[2016]4号[A/OL]. "
        "(2016-01-09)[引用日期]: 三、重点领域 (一)推进产业转型升级,为经济内涵式发展提供新支撑 "
        "2. “互联网+”商务. https://atlas.example.org/plans/beijing-2016/#t3-1-2")
    assert ref.short() == (
        "““互联网+”商务”(《北京市人民政府关于积极推进“互联网+”行动的实施意见》 三、重点领域 "
        "(一)推进产业转型升级,为经济内涵式发展提供新支撑) https://atlas.example.org/plans/beijing-2016/#t3-1-2")


def test_an_untitled_task_is_quoted_by_its_first_words_verbatim(real):
    ref = next(r for r in real.tasks if not r.task.title)
    quote = cite.task_reference(ref, SITE).quote
    assert quote and ref.task.text.startswith(quote.rstrip("…"))
    long = dataclasses.replace(ref, task=dataclasses.replace(ref.task, text="甲" * 100))
    assert cite.task_reference(long, SITE).quote == "甲" * cite.QUOTE_LIMIT + "…"


def test_a_field_the_plan_does_not_state_is_left_out_of_every_form(real):
    plan = dataclasses.replace(real.plans["beijing-2016"], issuer=None, doc_number=None, signed=None)
    ref = cite.plan_reference(plan, None)
    assert ref.gbt() == "北京市人民政府关于积极推进“互联网+”行动的实施意见[A/OL]. [引用日期]. plans/beijing-2016/"
    assert set(cite.csl_item(ref)) == {"id", "type", "title", "URL", "language"}
    assert not re.search(rb"^(AU|PB|M1|PY|DA)  - ", cite.ris(ref), re.M)
    assert not re.search(rb"author|institution|number|year", cite.bibtex(ref))
    assert [t[0] for t in cite.highwire_tags(ref)] == ["citation_title", "citation_public_url", "citation_language"]


def test_csl_json_exports_validate_against_the_csl_schema(real):
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    for plan in real.plans.values():
        data = json.loads(cite.csl_json(cite.plan_reference(plan, SITE)))
        jsonschema.validate(data, schema)
        assert data[0]["URL"] == f"{SITE}plans/{plan.id}/"
        assert data[0].get("number") == plan.doc_number


def test_bibtex_exports_parse_and_keep_the_plans_metadata(real):
    for plan in real.plans.values():
        lib = bibtexparser.parse_string(cite.bibtex(cite.plan_reference(plan, SITE)).decode("utf-8"))
        assert not lib.failed_blocks, plan.id
        (entry,) = lib.entries
        assert (entry.entry_type, entry.key) == ("techreport", plan.id)
        assert entry["title"] == plan.title
        assert (entry["number"] if plan.doc_number else None) == plan.doc_number
        assert entry["author"] == "{" + plan.issuer + "}"  # a corporate author, braced whole
        assert (entry["date"] if plan.signed else None) == (plan.signed.isoformat() if plan.signed else None)
        assert entry["url"] == f"{SITE}plans/{plan.id}/"


def test_bibtex_escapes_what_tex_would_read_as_markup():
    ref = cite.Reference("x-2016", "50%的企业 & 100_个 {平台}", "某#部门", None, None, "plans/x-2016/")
    lib = bibtexparser.parse_string(cite.bibtex(ref).decode("utf-8"))
    assert not lib.failed_blocks
    assert lib.entries[0]["title"] == r"50\%的企业 \& 100\_个 \{平台\}"


def test_ris_exports_parse_with_rispy(real):
    for plan in real.plans.values():
        (entry,) = rispy.loads(cite.ris(cite.plan_reference(plan, SITE)).decode("utf-8"))
        assert entry["type_of_reference"] == "GOVDOC"
        assert entry["title"] == plan.title
        assert entry["authors"] == [plan.issuer]
        assert entry["urls"] == [f"{SITE}plans/{plan.id}/"]
        assert entry.get("date") == (plan.signed.strftime("%Y/%m/%d") if plan.signed else None)
        assert entry.get("note") == plan.doc_number  # M1, where RIS readers take a report's number


def test_every_plan_section_and_task_has_a_cite_control_with_absolute_permalinks(real):
    plan = real.plans["dongguan-2016"]
    md = plan_page(real, plan, site_url=SITE).markdown
    gbt = re.findall(r'data-atlas-cite="gbt">([^<]*)<', md)
    tasks = sum(1 for _ in plan.iter_tasks())
    sections = sum(1 for s in plan.iter_sections() if s.title or s.text)
    assert len(gbt) == 1 + sections + tasks
    assert all(g.endswith(f"{SITE}plans/dongguan-2016/") or f"{SITE}plans/dongguan-2016/&#35;" in g for g in gbt)
    assert "atlas_citation:" in md.split("---")[1]  # Highwire tags in the front matter


def test_site_url_makes_every_export_url_absolute_and_its_absence_keeps_them_relative(real):
    with_site = {a.path: a.content for a in all_pages(real, site_url=SITE)
                 if a.path.startswith("data/") and hasattr(a, "content")}
    tasks = json.loads(with_site["data/tasks.json"])
    assert all(t["url"].startswith(f"{SITE}plans/") for t in tasks)
    assert {f"data/cite/{p}.{ext}" for p in real.plans for ext in ("json", "ris", "bib")} <= set(with_site)
    bare = json.loads(next(a.content for a in exports.assets(real) if a.path == "data/tasks.json"))
    assert all(t["url"].startswith("plans/") for t in bare)
