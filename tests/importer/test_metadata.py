"""Plan metadata from raw text: each field's written forms, what is not the document's own, every
date form, traditional script, and exact values for the five seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.text.dates import find_dates, parse_date
from generator.importer.metadata import Metadata, extract_metadata
from generator.model import Citation, Period

SOURCES = Path(__file__).resolve().parents[2] / "content" / "sources"
D = dt.date


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "2016年6月2日", "2016-06-02", "2016.6.2", "2016/6/2", "二〇一六年六月二日", "２０１６年６月２日",
    "2016 年 6 月 2 日", "成文日期:2016-06-02 10:30",
])
def test_date_forms(text):
    assert parse_date(text) == D(2016, 6, 2)


def test_chinese_date_with_tens():
    assert parse_date("二〇一七年五月二十三日") == D(2017, 5, 23)
    assert parse_date("二○一六年十二月三十一日") == D(2016, 12, 31)
    assert parse_date("二Ｏ一六年十二月三十一日") == D(2016, 12, 31)


@pytest.mark.parametrize("text", ["2016年2月30日", "2016-13-01", "(2016-2018年)", "国发〔2015〕40号", "2016年"])
def test_not_dates(text):
    assert parse_date(text) is None


def test_find_dates_in_order_with_positions():
    text = "签发2016年1月9日,发布2016-01-12"
    assert [(text[s:e], d) for s, e, d in find_dates(text)] == [
        ("2016年1月9日", D(2016, 1, 9)), ("2016-01-12", D(2016, 1, 12))]


# --- fields -----------------------------------------------------------------------------------


def test_notice_wraps_the_plan_title_and_names_the_issuer():
    raw = ("山东省人民政府关于印发山东省“互联网+”行动计划(2016-2018年)的通知\n\n鲁政发〔2016〕14号\n\n"
           "各市人民政府:\n  现将《山东省“互联网+”行动计划(2016-2018年)》印发给你们。\n")
    m = extract_metadata(raw)
    assert m.title == "山东省“互联网+”行动计划(2016-2018年)"
    assert m.issuer == "山东省人民政府"
    assert m.doc_number == "鲁政发〔2016〕14号"
    assert m.period == Period(2016, 2018)
    assert m.signed is None and m.published is None


def test_title_broken_across_lines_is_joined():
    raw = ("东莞市人民政府办公室关于印发《东莞市推进\n“互联网+”行动实施方案》的通知\n"
           "各镇人民政府(街道办事处):\n")
    assert extract_metadata(raw).title == "东莞市推进“互联网+”行动实施方案"


def test_title_period_on_the_next_line():
    raw = " 山东省“互联网+”行动计划\n(2016-2018年)\n\n  为贯彻落实…,制定本行动计划。\n\n  一、总体目标\n"
    m = extract_metadata(raw)
    assert m.title == "山东省“互联网+”行动计划(2016-2018年)"
    assert m.period == Period(2016, 2018)


def test_issuer_separated_from_title_by_a_space():
    m = extract_metadata("聊城市人民政府 关于加快推进“互联网+”发展的实施意见\n\n各县(市、区)人民政府:\n")
    assert (m.title, m.issuer) == ("关于加快推进“互联网+”发展的实施意见", "聊城市人民政府")


def test_attached_document_title():
    raw = "近日,北京市出台了《北京市人民政府关于积极推进“互联网+”行动的实施意见》。\n附:《北京市人民政府关于积极推进“互联网+”行动的实施意见》\n京政发[2016]4号\n各区人民政府:\n"
    m = extract_metadata(raw)
    assert m.title == "北京市人民政府关于积极推进“互联网+”行动的实施意见"
    assert m.doc_number == "京政发[2016]4号"  # square brackets kept as written
    assert m.issuer == "北京市人民政府"


def test_signature_block_gives_issuer_and_signed_date():
    raw = "某某行动方案\n各镇人民政府:\n一、总体要求\n正文。\n东莞市人民政府办公室\n2016年10月10日\n"
    m = extract_metadata(raw)
    assert (m.issuer, m.signed) == ("东莞市人民政府办公室", D(2016, 10, 10))


def test_print_line_is_not_a_signature():
    raw = "某某行动方案\n一、总则\n正文。\n  抄送:省委各部门。\n山东省人民政府办公厅2016年6月2日印发"
    m = extract_metadata(raw)
    assert (m.issuer, m.signed, m.published) == (None, None, None)


def test_labelled_fields_gov_cn_style():
    raw = ("标题:国务院关于积极推进“互联网+”行动的指导意见\n发文机关:国务院\n发文字号:国发〔2015〕40号\n"
           "成文日期:2015年07月01日\n发布日期:2015年07月04日\n")
    m = extract_metadata(raw)
    assert m == Metadata(title="国务院关于积极推进“互联网+”行动的指导意见", issuer="国务院",
                         doc_number="国发〔2015〕40号", signed=D(2015, 7, 1), published=D(2015, 7, 4),
                         period=None, cites=())


def test_traditional_script_labels_values_stay_traditional():
    raw = ("標題:國務院關於積極推進“互聯網+”行動的指導意見\n發文機關:國務院\n發文字號:國發〔2015〕40號\n"
           "成文日期:2015年07月01日\n發布日期:2015年07月04日\n")
    m = extract_metadata(raw)
    assert m.title == "國務院關於積極推進“互聯網+”行動的指導意見"
    assert m.issuer == "國務院"
    assert m.doc_number == "國發〔2015〕40號"
    assert (m.signed, m.published) == (D(2015, 7, 1), D(2015, 7, 4))


def test_published_on_the_governments_own_page():
    raw = "当前位置:首页 > 政务公开\n某市行动方案\n发布日期:2017-05-31访问次数: 字号:[ ]\n"
    assert extract_metadata(raw).published == D(2017, 5, 31)


@pytest.mark.parametrize("header", [
    "发布日期:2016-06-06    作者:     来源: 创新山东    点击:",
    "发布日期:2016-06-06\n来源:某某资讯网\n",
])
def test_aggregator_date_is_not_published(header):
    raw = f"行业动态\n山东省某某行动计划\n{header}\n"
    assert extract_metadata(raw).published is None


def test_source_credit_to_a_government_site_keeps_the_date():
    raw = "某某行动方案\n发布时间:2016-01-12 来源:北京市人民政府网站\n"
    assert extract_metadata(raw).published == D(2016, 1, 12)


def test_cites_with_titles_deduplicated_in_order_own_number_excluded():
    raw = ("某省行动计划\n鲁政发〔2016〕14号\n各市人民政府:\n"
           "根据《国务院关于积极推进“互联网+”行动的指导意见》(国发〔2015〕40号)、"
           "《山东省人民政府关于促进大数据发展的意见》(鲁政发〔2016〕25号)要求,贯彻国发〔2015〕40号,"
           "按照京政发[2016]4号和鲁政发〔2016〕14号。\n")
    m = extract_metadata(raw)
    assert m.doc_number == "鲁政发〔2016〕14号"
    assert m.cites == (
        Citation("国发〔2015〕40号", "国务院关于积极推进“互联网+”行动的指导意见"),
        Citation("鲁政发〔2016〕25号", "山东省人民政府关于促进大数据发展的意见"),
        Citation("京政发[2016]4号", None),
    )


def test_unstated_fields_are_none():
    m = extract_metadata("关于推进“互联网+”的行动计划\n\n一、总体要求\n加快发展。\n")
    assert m == Metadata(title="关于推进“互联网+”的行动计划", issuer=None, doc_number=None, signed=None,
                         published=None, period=None, cites=())


def test_period_of_a_cited_plan_is_not_this_plans():
    raw = "关于加快推进“互联网+”发展的实施意见\n各县:\n根据《山东省“互联网+”行动计划(2016-2018年)》要求。\n"
    assert extract_metadata(raw).period is None


def test_empty_and_garbage_never_raise():
    for raw in ("", "\n\n", "《《》》〔〕号", "2016年2月30日", "关于印发的通知", "发布日期:"):
        assert isinstance(extract_metadata(raw), Metadata)


# --- the seeds ----------------------------------------------------------------------------------

NATIONAL = Citation("国发〔2015〕40号", "国务院关于积极推进“互联网+”行动的指导意见")

EXPECTED = {
    # No signature, 发文机关 or notice: the plan is issued in the name of the place its title opens
    # with, 济南市 (which of its offices drafted it is not stated).
    # Jinan's text names no issuing body (no letterhead, signature or notice): the issuer is null, and
    # the reviewed content/plans/jinan-2016.yaml states it by hand.
    "jinan-2016": Metadata("济南市“互联网+”行动计划(2016-2018年)", None, None, None, None,
                           Period(2016, 2018), ()),
    "liaocheng-2017": Metadata(
        "关于加快推进“互联网+”发展的实施意见", "聊城市人民政府", None, D(2017, 5, 23), D(2017, 5, 31), None,
        (NATIONAL, Citation("鲁政发〔2016〕14号", "山东省“互联网+”行动计划(2016-2018年)"),
         Citation("鲁政发〔2016〕25号", "山东省人民政府关于促进大数据发展的意见"))),
    # 发布日期 2016-06-06 is the aggregator's (来源: 创新山东), not the document's.
    "shandong-2016": Metadata("山东省“互联网+”行动计划(2016-2018年)", "山东省人民政府", "鲁政发〔2016〕14号",
                              D(2016, 6, 2), None, Period(2016, 2018), (NATIONAL,)),
    "beijing-2016": Metadata("北京市人民政府关于积极推进“互联网+”行动的实施意见", "北京市人民政府",
                             "京政发[2016]4号", D(2016, 1, 9), None, None, (NATIONAL,)),
    # Dongguan cites no 文号 (it refers to 党中央、国务院关于“互联网+”的决策部署 without one).
    "dongguan-2016": Metadata("东莞市推进“互联网+”行动实施方案", "东莞市人民政府办公室", "东府办〔2016〕88号",
                              D(2016, 10, 10), None, None, ()),
}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_metadata_exact(seed):
    raw = (SOURCES / f"{seed}.txt").read_text(encoding="utf-8")
    assert extract_metadata(raw) == EXPECTED[seed]


def test_labels_on_one_line_stop_at_the_next_label():
    raw = ("索引号:000014349/2015-00118  主题分类:综合政务\n发文机关:国务院  成文日期:2015年07月01日\n"
           "标题:国务院关于积极推进“互联网+”行动的指导意见\n发文字号:国发〔2015〕40号  发布日期:2015年07月04日\n")
    m = extract_metadata(raw)
    assert (m.issuer, m.signed, m.doc_number, m.published) == (
        "国务院", D(2015, 7, 1), "国发〔2015〕40号", D(2015, 7, 4))


def test_label_value_on_the_next_line():
    raw = "发文机关:\n山东省人民政府\n成文日期:\n2016年06月02日\n"
    m = extract_metadata(raw)
    assert (m.issuer, m.signed) == ("山东省人民政府", D(2016, 6, 2))


def test_doc_number_in_parentheses_under_the_title():
    raw = "国务院关于积极推进“互联网+”行动的指导意见\n(国发〔2015〕40号)\n各省、自治区、直辖市人民政府:\n"
    m = extract_metadata(raw)
    assert (m.title, m.doc_number, m.issuer) == (
        "国务院关于积极推进“互联网+”行动的指导意见", "国发〔2015〕40号", "国务院")


def test_same_document_in_either_bracket_style_is_cited_once():
    raw = "某市行动计划\n一、总体要求\n贯彻《指导意见》(国发[2015]40号)和国发〔2015〕40号精神。\n"
    assert extract_metadata(raw).cites == (Citation("国发[2015]40号", "指导意见"),)


GUANGZHOU = """首页 > 政务公开 > 政策文件
字号:[ 大 中 小 ]  打印本页
广州市人民政府办公厅关于印发广州市“互联网+”行动计划（2015—2020年）的通知
穗府办〔2015〕53号
各区人民政府，市政府各部门、各直属机构：
　　经市人民政府同意，现将《广州市“互联网+”行动计划（2015—2020年）》印发给你们，请认真组织实施。
广州市人民政府办公厅
二〇一五年十二月三十日
（此件公开发布）
广州市“互联网+”行动计划（2015—2020年）
　　为贯彻落实《国务院关于积极推进“互联网+”行动的指导意见》（国发〔2015〕40号）和《广东省“互联网+”
行动计划（2015—2020年）》（粤府〔2015〕110号），制定本行动计划。
一、总体要求
"""


def test_unseen_notice_page_full_width_and_chinese_date():
    m = extract_metadata(GUANGZHOU)
    assert m == Metadata(
        title="广州市“互联网+”行动计划（2015—2020年）", issuer="广州市人民政府办公厅",
        doc_number="穗府办〔2015〕53号", signed=D(2015, 12, 30), published=None, period=Period(2015, 2020),
        cites=(Citation("国发〔2015〕40号", "国务院关于积极推进“互联网+”行动的指导意见"),
               Citation("粤府〔2015〕110号", "广东省“互联网+”行动计划（2015—2020年）")))


def test_unseen_notice_page_in_traditional_script():
    import opencc

    m = extract_metadata(opencc.OpenCC("s2t").convert(GUANGZHOU))
    assert (m.title, m.issuer, m.doc_number, m.signed, m.period) == (
        "廣州市“互聯網+”行動計劃（2015—2020年）", "廣州市人民政府辦公廳", "穗府辦〔2015〕53號",
        D(2015, 12, 30), Period(2015, 2020))
    assert [c.doc_number for c in m.cites] == ["國發〔2015〕40號", "粵府〔2015〕110號"]


def test_notice_cited_in_a_sentence_is_not_the_title():
    raw = ("某市推进“互联网+”行动实施方案\n为贯彻落实《国务院办公厅关于印发三网融合推广方案的通知》精神,"
           "制定本方案。\n一、总体要求\n")
    assert extract_metadata(raw).title == "某市推进“互联网+”行动实施方案"


def test_published_date_on_a_page_of_unknown_owner_is_null():
    raw = "当前位置:首页 >> 行业动态 >> 正文\n某市行动方案\n发布日期:2016-06-06\n"
    assert extract_metadata(raw).published is None


def test_published_in_traditional_script_on_a_government_page():
    raw = "當前位置:首頁 > 政務公開 > 規範性文件\n某市行動方案\n發布日期:2017-05-31 訪問次數:\n"
    assert extract_metadata(raw).published == D(2017, 5, 31)


def test_a_place_opening_the_title_is_not_taken_for_the_issuer():
    # 济南市“互联网+”行动计划: which body of 济南市 issued it, the text does not say (issue #9).
    m = extract_metadata("济南市“互联网+”行动计划(2016-2018年)\n\n一、总体要求\n加快发展。\n")
    assert (m.title, m.issuer) == ("济南市“互联网+”行动计划(2016-2018年)", None)


def test_a_named_issuing_body_wins_over_the_place_in_the_title():
    raw = "山东省“互联网+”行动计划\n一、总体目标\n加快发展。\n山东省人民政府\n2016年6月2日\n"
    assert extract_metadata(raw).issuer == "山东省人民政府"


def test_a_title_that_does_not_open_with_a_place_names_no_issuer():
    m = extract_metadata("关于加快推进“互联网+”发展的实施意见\n一、总体要求\n加快发展。\n")
    assert m.issuer is None


def test_the_print_line_of_the_colophon_is_neither_signed_nor_published():
    raw = ("关于推进“互联网+”的行动计划\n一、总体要求\n加快发展。\n"
           "抄送:市委各部门。\n某市人民政府办公厅2016年6月2日印发\n")
    m = extract_metadata(raw)
    assert (m.issuer, m.signed, m.published) == (None, None, None)


def test_labels_padded_with_spaces_between_their_characters():
    raw = ("索 引 號: 000014349/2015-00112 主題分類: 工業\n發文機關: 國務院 成文日期: 2015年07月01日\n"
           "標  題: 國務院關於積極推進“互聯網+”行動的指導意見\n發文字號: 國發〔2015〕40號 發佈日期: 2015年07月04日\n")
    m = extract_metadata(raw)
    assert (m.title, m.issuer, m.doc_number, m.signed, m.published) == (
        "國務院關於積極推進“互聯網+”行動的指導意見", "國務院", "國發〔2015〕40號", D(2015, 7, 1), D(2015, 7, 4))
