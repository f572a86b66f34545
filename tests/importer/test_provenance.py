"""Span provenance on small inline texts: each kind of span lands on the source text it came from,
the text that went nowhere is found and counted, and the doubts say what the importer guessed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from generator.adapters.importing import load_vocab
from generator.importer.pipeline import import_text
from generator.importer.provenance import line_for, yaml_lines
from generator.importer.emit import emit_plan

ROOT = Path(__file__).resolve().parents[2]

PLAN = """当前位置:首页 > 政务公开 > 文件
济南市人民政府办公厅关于印发济南市“互联网+”行动计划的通知
济政办发〔2016〕14号
各区县人民政府:
现将《济南市“互联网+”行动计划》印发给你们,请认真贯彻执行。
为贯彻落实《国务院关于积极推进“互联网+”行动的指导意见》(国发〔2015〕40号),制订本行动计划。
一、总体目标
到2018年,固定宽带家庭普及率达到65%。
二、重点任务
(一)互联网+制造
推广网络众包研发模式,建成10个智能工厂。(牵头单位:市经济和信息化委,配合单位:市发改委、市科技局)
(二)互联网+农业
创新农业研发模式。截至2015年底,已建成示范基地30个。(市农业局牵头,市财政局配合)
打印本页 关闭窗口
济南市人民政府办公厅
2016年6月2日
"""


@cache
def imported(text: str = PLAN, vocab: bool = False):
    return import_text(text, plan_id="jinan-2016", source_file="jinan-2016.txt",
                       vocab=load_vocab(ROOT)[0] if vocab else None)


def spans(kind: str, text: str = PLAN):
    prov = imported(text).provenance
    return [(prov.source[s.start:s.end], s) for s in prov.spans if s.kind == kind]


def test_removed_chrome_spans_are_the_chrome_lines():
    assert [t for t, _ in spans("chrome")] == ["当前位置:首页 > 政务公开 > 文件", "打印本页 关闭窗口"]


def test_headings_carry_their_number_and_level():
    got = {t: dict(s.fields)["level"] for t, s in spans("heading")}
    assert got["一、总体目标"] == "1"
    assert got["(一)互联网+制造"] == "2"
    assert got["二、重点任务"] == "1"


def test_tasks_span_heading_text_and_annotation():
    tasks = {s.ident: t for t, s in spans("task")}
    assert tasks["t2-1"].startswith("(一)互联网+制造")
    assert tasks["t2-1"].endswith("配合单位:市发改委、市科技局)")


def test_annotations_carry_lead_and_cooperating_agencies():
    (first, s), *_ = spans("annotation")
    assert first == "(牵头单位:市经济和信息化委,配合单位:市发改委、市科技局)"
    fields = dict(s.fields)
    assert fields["lead"].startswith("市经济和信息化委")
    assert fields["cooperating"].startswith("市发改委、市科技局")


def test_targets_carry_their_fields_and_land_on_their_quote():
    got = {t: dict(s.fields) for t, s in spans("target")}
    quote = next(q for q in got if "65%" in q)
    assert got[quote]["value"] == "65" and got[quote]["unit"] == "%" and got[quote]["year"] == "2018"
    assert any("10个" in q for q in got)


def test_metadata_fields_land_on_what_was_read():
    got = {s.path: t for t, s in spans("metadata")}
    assert got["title"] == "济南市“互联网+”行动计划"
    assert got["doc_number"] == "济政办发〔2016〕14号"
    assert got["signed"] == "2016年6月2日"
    assert "国发〔2015〕40号" in got.values()


def test_preamble_and_section_text():
    (preamble,) = [t for t, _ in spans("preamble")]
    assert preamble == imported().plan.preamble
    assert preamble.endswith("为贯彻落实《国务院关于积极推进“互联网+”行动的指导意见》(国发〔2015〕40号),制订本行动计划。")
    assert [t for t, _ in spans("text")] == ["到2018年,固定宽带家庭普及率达到65%。"]


def test_attachment_spans():
    text = PLAN.replace("济南市人民政府办公厅\n2016年6月2日\n", "") + (
        "附件:济南市“互联网+”工作领导小组成员名单\n济南市人民政府办公厅\n2016年6月2日\n"
        "附件\n济南市“互联网+”工作领导小组成员名单\n组  长:张三(市长)\n成  员:李四(市经信委主任)\n")
    got = [t for t, _ in spans("attachment", text)]
    assert "附件:济南市“互联网+”工作领导小组成员名单" in got
    assert any(t.startswith("组  长:张三") for t in got)


def test_unplaced_text_is_found_when_no_span_covers_it():
    prov = imported().provenance
    assert prov.unplaced == ()  # every character of PLAN is accounted for
    # Remove the spans over the preamble: exactly its characters become unplaced.
    from generator.importer.provenance import build_provenance

    from dataclasses import replace

    from generator.importer.chrome import strip_chrome

    result = imported()
    plan = replace(result.plan, preamble=None)
    again = build_provenance(prov.source, plan, dechromed=strip_chrome(prov.source), report=result.report)
    lost = "".join(again.source[a:b] for a, b in again.unplaced)
    # The cited 文号 inside it is still a metadata span.
    assert lost == result.plan.preamble.replace("\n", "").replace("国发〔2015〕40号", "")
    assert again.unplaced_chars == len(lost)


def test_a_figure_stated_as_already_achieved_is_a_doubt_with_its_reason():
    doubts = [d for d in imported().provenance.doubts if d.kind == "not-a-target"]
    assert any("30个" in d.message and "already reached" in d.message for d in doubts)


def test_an_agency_missing_from_the_vocabulary_is_a_doubt_with_a_suggested_entry():
    text = PLAN.replace("市农业局牵头", "市数字农业促进中心牵头")
    doubts = [d for d in imported(text, vocab=True).provenance.doubts if d.kind == "unresolved-agency"]
    hit = next(d for d in doubts if "市数字农业促进中心" in d.message)
    assert hit.suggestion.startswith("- id: jinan-") and "name: 市数字农业促进中心" in hit.suggestion
    assert hit.path.endswith(".lead[0]")


def test_a_closing_annotation_given_to_several_items_is_a_scope_doubt():
    text = ("一、重点任务\n(一)互联网+制造\n推广网络众包研发模式。\n(二)互联网+农业\n创新农业研发模式。\n"
            "(牵头单位:市经济和信息化委,配合单位:市发改委)\n二、保障措施\n加强组织领导。\n")
    prov = imported(text).provenance
    doubts = [d for d in prov.doubts if d.kind == "annotation-scope"]
    assert doubts and "all 2" in doubts[0].message
    (ann,) = [s for s in prov.spans if s.kind == "annotation"]
    assert prov.source[ann.start:ann.end] == "(牵头单位:市经济和信息化委,配合单位:市发改委)"


def test_a_heading_at_an_unusual_level_is_a_level_doubt():
    text = ("一、重点任务\n(一)互联网+制造\n推广网络众包研发模式。\n(二)互联网+农业\n创新农业研发模式。\n"
            "二、保障措施\n1.加强组织\n(一)健全机制\n建立联席会议制度。\n(二)加强考核\n加强督查。\n")
    doubts = [d for d in imported(text).provenance.doubts if d.kind == "heading-level"]
    assert doubts and all("level" in d.message for d in doubts)


@pytest.mark.parametrize("path, key", [("sections[1].tasks[0].annotation", "annotation:"),
                                       ("sections[1].tasks[0].targets[0]", "- name:"),
                                       ("title", "title:")])
def test_yaml_lines_point_at_the_path_in_the_draft(path, key):
    result = imported()
    text = emit_plan(result.plan)
    lines = yaml_lines(text)
    n = line_for(path, lines)
    assert text.split("\n")[n - 1].strip().startswith(key)


def test_an_import_still_writes_its_draft_when_the_review_page_fails(tmp_path, monkeypatch):
    from generator.adapters import importing, review

    def boom(*args, **kwargs):
        raise RuntimeError("template bug")

    monkeypatch.setattr(review, "render_review", boom)
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    (tmp_path / "site_config").symlink_to(ROOT / "site_config")
    written = importing.import_file(src, plan_id="jinan-2016", out=tmp_path / "out.yaml", root=tmp_path, force=False)
    assert written.plan_file.exists() and written.review_file is None
    assert any("review page not written (RuntimeError: template bug)" in w for w in written.warnings)
