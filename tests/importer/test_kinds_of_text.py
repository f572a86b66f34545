"""Kinds of real text the importer meets (issue #9), each on a small inline fixture in the style of
the pages it comes from (tests/corpus holds the real documents)."""

import pytest

from generator.importer.pipeline import import_text


def _import(text: str):
    return import_text(text, plan_id="demo-2016", source_file="demo-2016.txt")


def _targets(plan):
    return [t for s in plan.iter_sections() for t in s.targets] + [t for t in plan.iter_tasks() for t in t.targets]


def test_a_body_with_no_line_breaks_still_has_its_numbered_parts_and_targets():
    text = ("东营市人民政府关于印发东营市“互联网+”行动计划(2016-2018年)的通知\n"
            "为加快推动互联网与经济社会融合发展,结合我市实际,制定本行动计划。一、总体目标到2018年,我市“互联网+”"
            "发展环境更加优化。——信息基础设施全面提升。固定宽带家庭普及率达到85%,移动互联网用户普及率达到88%。"
            "二、重点行动(一)“互联网+”创业创新。推动众创空间建设。")
    plan = _import(text).plan
    assert [s.number for s in plan.sections] == ["一", "二"]
    assert plan.preamble.endswith("制定本行动计划。")
    assert sorted((t.value, t.year) for t in _targets(plan)) == [(85.0, 2018), (88.0, 2018)]


def test_figures_in_a_look_back_section_are_results_not_targets():
    text = ("安徽省“十三五”信息化发展规划\n一、发展现状及形势\n(一)“十二五”发展情况。\n"
            "到2015年底,全省电话用户总数达到4972万户,互联网省际出口带宽达到3463.7Gbps。\n"
            "二、发展目标\n到2020年,固定宽带家庭普及率达到70%。\n")
    result = _import(text)
    assert [(t.value, t.year) for t in _targets(result.plan)] == [(70.0, 2020)]
    assert any("look-back" in why for _, _, why in result.not_targets)


def test_a_target_due_before_the_document_was_signed_is_a_baseline():
    text = ("某某省人民政府关于印发某某省信息化规划的通知\n各市人民政府:\n现将规划印发给你们。\n某某省人民政府\n"
            "2017年6月1日\n某某省信息化规划\n一、主要指标\n到2015年,移动电话基站数达到15万个。"
            "到2020年,移动电话基站数达到30万个。\n")
    result = _import(text)
    assert [(t.value, t.year) for t in _targets(result.plan)] == [(300000.0, 2020)]
    assert any("before the document was signed" in why for _, _, why in result.not_targets)


# --- title, issuer, date -----------------------------------------------------------------------------

from generator.importer.metadata import extract_metadata  # noqa: E402
import datetime as dt  # noqa: E402


def test_a_site_tag_before_the_title_gives_way_to_the_title_the_notice_names():
    raw = ("首页 -> 前沿动态 -> 正文\n【浙江省人民政府】“互联网+”行动计划\n时间:2016-01-28\n浙政发〔2016〕2号\n"
           "各市、县(市、区)人民政府,省政府直属各单位:\n《浙江省“互联网+”行动计划》已经省政府常务会议审议通过,"
           "现印发给你们,请结合实际,认真贯彻实施。\n浙江省人民政府\n2016年1月14日\n一、总体要求\n")
    m = extract_metadata(raw)
    assert (m.title, m.issuer, m.doc_number, m.signed) == (
        "浙江省“互联网+”行动计划", "浙江省人民政府", "浙政发〔2016〕2号", dt.date(2016, 1, 14))


def test_a_notice_title_over_two_lines_and_the_plans_own_title_line_as_printed():
    raw = ("梅州市人民政府办公室关于印发梅州市贯彻落实\n广东省“互联网+”行动计划(2015—2020年)实施方案的通知\n"
           "各县(市、区)人民政府:《梅州市贯彻落实〈广东省“互联网+”行动计划(2015—2020年)〉实施方案》已经市人民政府同意,"
           "现印发给你们。\n梅州市人民政府办公室\n2015年12月31日\n梅州市贯彻落实广东省“互联网+”行动\n"
           "计划(2015—2020年)实施方案\n为贯彻落实…,制定本方案。\n一、目标要求\n")
    m = extract_metadata(raw)
    assert (m.title, m.issuer) == ("梅州市贯彻落实广东省“互联网+”行动计划(2015—2020年)实施方案", "梅州市人民政府办公室")


def test_a_notice_title_cut_before_its_issuer_still_wraps_the_plan_and_names_no_issuer():
    m = extract_metadata("成都市“互联网+”2015—2017年三年行动计划的通知\n\n为贯彻落实…精神。\n\n一、“互联网+”创业创新\n")
    assert (m.title, m.issuer) == ("成都市“互联网+”2015—2017年三年行动计划", None)


def test_a_page_title_with_its_site_name_cut_off_is_not_the_title():
    raw = ("汕头市“互联网+”行动计划-\n\n时间:2020-11-07 18:07:11 创业政策 我要投稿\n\n"
           "汕头市“互联网+”行动计划(2016-2020年)\n\n  为贯彻落实…,制定本行动计划。\n\n一、总体要求\n")
    m = extract_metadata(raw)
    assert (m.title, m.issuer, m.signed) == ("汕头市“互联网+”行动计划(2016-2020年)", None, None)


def test_a_letterhead_naming_only_the_level_is_the_issuer():
    m = extract_metadata("省人民政府关于加快推进“互联网+”行动的实施意见\n各市、州、县人民政府:\n一、行动要求\n")
    assert m.issuer == "省人民政府"


def test_the_signature_run_on_after_the_notice_in_a_text_with_no_line_breaks():
    raw = ("北京市人民政府办公厅文件 京政办发﹝2018﹞31 号 北京市人民政府办公厅关于印发 《北京市大数据行动计划工作方案》"
           "的通知 各区人民政府:现将《北京市大数据行动计划工作方案》印发给你们,请认真贯彻落实。 北京市人民政府办公厅 "
           "2018 年 7 月 30 日 北京大数据行动计划工作方案 为全面落实…")
    m = extract_metadata(raw)
    assert (m.issuer, m.signed) == ("北京市人民政府办公厅", dt.date(2018, 7, 30))


def test_a_date_alone_under_a_drafts_title_or_a_notice_is_the_signing_date_not_a_page_date():
    raw = "杭州市推进“互联网+”行动实施意见\n(征求意见稿V2.2)\n(2015年9月15日)\n为贯彻落实…。\n一、 工作目标\n"
    assert extract_metadata(raw).signed == dt.date(2015, 9, 15)
    raw = ("来源:吉林省政府 更新时间:2012-04-14\n各市(州)人民政府:\n现将《规划》印发给你们。\n"
           "  二○一二年一月二十九日\n一、发展现状\n")
    assert extract_metadata(raw).signed == dt.date(2012, 1, 29)
    assert extract_metadata("来源:某网 更新时间:2012-04-14\n某规划\n一、发展现状\n").signed is None


def test_a_title_line_with_the_doc_number_before_it_in_book_title_marks():
    raw = "甘政办发〔2019〕96号《甘肃省人民政府办公厅关于支持丝绸之路信息港建设的意见》\n各市州人民政府:\n一、总体要求\n"
    m = extract_metadata(raw)
    assert (m.title, m.doc_number) == ("甘肃省人民政府办公厅关于支持丝绸之路信息港建设的意见", "甘政办发〔2019〕96号")


# --- annotations -------------------------------------------------------------------------------------


def _readings(text: str):
    return {r.annotation: (r.lead, r.cooperating, r.responsible) for r in _import(text).annotations}


def test_square_brackets_and_hui_tong_with_a_collective_of_levels():
    text = ("二、实施重点行动\n(一)“互联网+”创业创新。\n"
            "1.大力发展众创空间。依托杭州国家自主创新示范区建设众创空间。"
            "[市科委牵头,会同市经信委、市发改委和各区、县(市)政府负责]\n"
            "2.加快特色小镇建设。聚焦信息经济特色小镇建设。[市发改委牵头,会同市经信委负责]\n")
    got = _readings(text)
    assert got["[市科委牵头,会同市经信委、市发改委和各区、县(市)政府负责]"] == (
        ("市科委",), ("市经信委", "市发改委", "各区、县(市)政府"), ())
    assert got["[市发改委牵头,会同市经信委负责]"] == (("市发改委",), ("市经信委",), ())


def test_annotations_closing_sentence_groups_inside_one_paragraph_each_make_a_task():
    text = ("一、重点任务\n(一)推進政務服務“一次辦好”。加快政務服務流程再造。(省政府辦公廳牽頭,省大數據局配合,"
            "各有關部門、各市政府按職責分工負責)大力推廣“愛山東”APP,實現移動端辦理。(省大數據局牽頭)\n")
    result = _import(text)
    got = {r.annotation: (r.lead, r.cooperating, r.responsible) for r in result.annotations}
    assert got["(省政府辦公廳牽頭,省大數據局配合,各有關部門、各市政府按職責分工負責)"] == (
        ("省政府辦公廳",), ("省大數據局",), ("各有關部門", "各市政府"))
    assert got["(省大數據局牽頭)"] == (("省大數據局",), (), ())
    assert [t.text for t in result.plan.iter_tasks()] == [
        "加快政務服務流程再造。", "大力推廣“愛山東”APP,實現移動端辦理。"]


def test_a_first_listed_leads_rule_with_its_own_phrasing_binds_the_later_lists():
    text = ("一、“互联网+”创业创新\n充分发挥互联网的创新驱动作用。(牵头单位:市科技局)\n"
            "(一)鼓励和支持众创空间建设。积极推动众创空间试点示范。(责任单位:市科技局、市发改委、市经信委,"
            "排名第一的部门为牵头责任单位,下同)\n"
            "(二)坚持政府引导、专业化管理、市场化运作原则,打造云孵化体系。(责任单位:市科技局、市人社局、市质监局)\n")
    got = _readings(text)
    assert got["(牵头单位:市科技局)"] == (("市科技局",), (), ())
    assert got["(责任单位:市科技局、市人社局、市质监局)"] == (("市科技局",), ("市人社局", "市质监局"), ())


# --- the document's own 文号, never a citation of itself --------------------------------------------


@pytest.mark.parametrize("raw,own", [
    ("索引号: | 11330600002577014T/2016-167830 | 公开方式: | 主动公开 |\n主题分类: | 网络 | 发文字号: | 绍政发〔2016〕27号 |\n"
     "各区、县(市)人民政府:\n现将《实施计划》印发给你们。\n一、总体要求\n", "绍政发〔2016〕27号"),
    ("某某领导小组关于 印发《某某实施方案》的通知 (桂数广发〔2020〕2号)\n各市:\n一、总体要求\n", "桂数广发〔2020〕2号"),
    ("北京市人民政府办公厅文件 京政办发﹝2018﹞31 号 北京市人民政府办公厅关于印发《方案》的通知 各区人民政府:现将…",
     "京政办发﹝2018﹞31 号"),
    ("摘要\n川府发[2017]62号各市(州)人民政府,省政府各部门:《规划》已经省政府同意,现印发你们。\n一、发展现状\n", "川府发[2017]62号"),
    ("(湘政辦發(fā)[2018]85號)\n各市州人民政府:\n一、總體要求\n", "湘政辦發(fā)[2018]85號"),
    ("  • 编  号:青政办字[2019]69号\n各区市人民政府:\n一、总体要求\n", "青政办字[2019]69号"),
])
def test_the_documents_own_doc_number_in_the_forms_pages_print_it_and_never_as_a_citation(raw, own):
    m = extract_metadata(raw)
    assert m.doc_number == own
    assert m.cites == ()


def test_a_pinyin_glossed_doc_number_is_cited_whole():
    m = extract_metadata("一、總體要求\n根據《國務院關於加快推進“互聯網+政務服務”工作的指導意見》(國發(fā)〔2016〕55號)。\n")
    assert [c.doc_number for c in m.cites] == ["國發(fā)〔2016〕55號"]


# --- targets -----------------------------------------------------------------------------------------

from generator.importer.targets import extract_targets  # noqa: E402


def test_several_targets_under_one_year_and_a_year_opening_its_sentence():
    text = ("2022年,全市新建5G基站2600个以上,新建市级及以上创新平台15个以上。到2024年,全市累计建成5G基站1万个,"
            "累计新建市级及以上创新平台50个以上。")
    got = [(t.value, t.year) for t in extract_targets(text, year=2024)]
    assert got == [(2600.0, 2022), (15.0, 2022), (10000.0, 2024), (50.0, 2024)]


def test_a_share_written_before_the_thing_it_counts():
    got = extract_targets("到2015年,90%以上行政许可审批事项实现网上办理。", year=None)
    assert [(t.name, t.value, t.unit, t.year) for t in got] == [("行政许可审批事项实现网上办理", 90.0, "%", 2015)]


def test_a_meetings_ordinal_is_not_a_figure():
    got = extract_targets("落实省委十二届十一次全会关于深入推进数字山西建设要求,到2028年建成10个平台。", year=None)
    assert [(t.value, t.unit) for t in got] == [(10.0, "个")]


def test_two_bodies_signing_on_one_line_are_the_issuer():
    raw = ("各区县(市)发改局:\n现将《宁波市数字政府建设“十四五”规划》印发给你们,请结合实际,认真组织实施。\n"
           "宁波市发展和改革委员会宁波市大数据发展管理局\n2021 年6 月29 日\n宁波市数字政府建设“十四五”规划\n一、现实基础和发展形势\n")
    m = extract_metadata(raw)
    assert (m.issuer, m.signed) == ("宁波市发展和改革委员会宁波市大数据发展管理局", dt.date(2021, 6, 29))


def test_the_issuer_on_the_line_above_the_notice_title():
    raw = (" 吉林省人民政府办公厅\n\n  关于印发吉林省国民经济和社会信息化发展“十二五”规划的通知\n\n  吉政办发〔2012〕14号\n"
           "各市(州)人民政府:\n  《规划》已经省政府同意,现印发给你们。\n  二○一二年一月二十九日\n一、发展现状\n")
    m = extract_metadata(raw)
    assert (m.issuer, m.doc_number, m.signed) == ("吉林省人民政府办公厅", "吉政办发〔2012〕14号", dt.date(2012, 1, 29))


def test_a_metadata_table_without_colons_names_the_publisher_when_nothing_else_does():
    raw = ("标      题 西藏自治区“十三五”时期信息化发展规划\n索引号 000014349/2018-00081 文      号\n"
           "发布机构 西藏自治区发改委 发布日期 2018-11-26 16:01:00\n一、发展现状与形势\n")
    m = extract_metadata(raw)
    assert (m.title, m.issuer, m.doc_number) == ("西藏自治区“十三五”时期信息化发展规划", "西藏自治区发改委", None)
    raw = "某市规划\n发布机构 | 昌吉市城市管理局 | 发文日期 | 2021-11-17 11:01:17 |\n一、 规划背景\n"
    assert extract_metadata(raw).issuer == "昌吉市城市管理局"


def test_a_signature_of_two_bodies_with_a_space_between_them_beats_the_tables_publisher():
    raw = ("索引号: | E95417299/2023-00309 | 成文日期: | 2023-07-08 |\n文件编号: | 发布机构: | 湖州市大数据发展管理局 |\n"
           "市级有关部门:\n《规划》印发给你们。\n湖州市发展和改革委员会 湖州市大数据发展管理局\n2021年10月8日\n湖州市规划\n一、发展形势\n")
    assert extract_metadata(raw).issuer == "湖州市发展和改革委员会 湖州市大数据发展管理局"


def test_a_damaged_title_line_gives_way_to_the_title_the_notice_names():
    raw = ("各州(市)人民政府:\n现将《“十四五”数字云南规划》印发给你们,请认真贯彻执行。\n云南省人民政府\n2022年4月27日\n"
           "十四五”数字云南规划\n一、发展基础与形势\n")
    assert extract_metadata(raw).title == "“十四五”数字云南规划"
