"""Agency annotations: every style the seeds use, the document-wide rule, and the whole seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.annotations import (
    Annotation,
    AnnotationRules,
    find_annotations,
    parse_annotation,
)

SOURCES = Path(__file__).resolve().parents[2] / "content" / "sources"


def only(text: str) -> Annotation:
    found = find_annotations(text)
    assert len(found) == 1, found
    return found[0]


def roles(a: Annotation) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return a.lead, a.cooperating, a.responsible


# --- one fixture per style ---------------------------------------------------------------------


def test_labelled_lead_and_cooperating_with_comma():
    text = "提升智能化水平。(牵头单位:市经济和信息化委,配合单位:市发改委、科技局)"
    a = only(text)
    assert a.text == "(牵头单位:市经济和信息化委,配合单位:市发改委、科技局)"
    assert text[a.start : a.end] == a.text
    assert roles(a) == (("市经济和信息化委",), ("市发改委", "科技局"), ())
    assert a.rule is None and a.closed


def test_labelled_with_semicolon_and_lead_department_label():
    a = only("(牵头部门:市经信委;配合单位:市商务局、市发改委)")
    assert roles(a) == (("市经信委",), ("市商务局", "市发改委"), ())


def test_labelled_responsible_only():
    assert roles(only("(责任单位:市供销社)")) == ((), (), ("市供销社",))
    assert roles(only("(责任部门:市交通局)")) == ((), (), ("市交通局",))


def test_labelled_several_leads():
    a = only("(牵头单位:市科技局、市人社局;配合单位:市发改委、市教育局、市经信委)")
    assert roles(a) == (("市科技局", "市人社局"), ("市发改委", "市教育局", "市经信委"), ())


def test_full_width_punctuation_reads_like_half_width():
    a = only("（牵头单位：市经信委，配合单位：市发改委、科技局）")
    assert roles(a) == (("市经信委",), ("市发改委", "科技局"), ())
    assert a.text.startswith("（") and a.text.endswith("）")


def test_lead_then_responsible_means_the_others_cooperate():
    a = only("(市发展改革委牵头,市经济信息化委、中关村管委会负责)")
    assert roles(a) == (("市发展改革委",), ("市经济信息化委", "中关村管委会"), ())


def test_responsible_without_lead_stays_responsible():
    a = only("(市发展改革委、市经济信息化委、市科委负责)")
    assert roles(a) == ((), (), ("市发展改革委", "市经济信息化委", "市科委"))


def test_lead_then_cooperating_with_trailing_deng_danwei():
    a = only("(市科技局牵头,市经信局、市商务局、市金融局等单位配合)")
    assert roles(a) == (("市科技局",), ("市经信局", "市商务局", "市金融局"), ())


@pytest.mark.parametrize(
    "text, names",
    [
        ("(省经济和信息化委等负责)", ("省经济和信息化委",)),
        ("(市安监局等部门负责)", ("市安监局",)),
        ("(责任单位:市公安局、市交通局、市质监局等)", ("市公安局", "市交通局", "市质监局")),
    ],
)
def test_trailing_deng_is_not_part_of_the_name(text, names):
    assert only(text).names == names


def test_jointly_responsible():
    a = only("(省教育厅、省科技厅、省人力资源社会保障厅共同负责)")
    assert roles(a) == ((), (), ("省教育厅", "省科技厅", "省人力资源社会保障厅"))
    assert a.joint and a.names[-1] == "省人力资源社会保障厅"  # 共同 is not part of the name
    assert not only("(省教育厅、省科技厅负责)").joint


def test_jointly_responsible_under_a_rule_follows_it_unless_told_otherwise():
    rule, joint = find_annotations("(省经信委、省科技厅等负责,列第一位者为牵头部门,下同)(省教育厅、省科技厅共同负责)")
    default = AnnotationRules()
    default.apply(rule)
    assert roles(default.apply(joint)) == (("省教育厅",), ("省科技厅",), ())
    strict = AnnotationRules(joint_follows_rule=False)
    strict.apply(rule)
    assert roles(strict.apply(joint)) == ((), (), ("省教育厅", "省科技厅"))


def test_nested_parentheses_stay_inside_one_name():
    text = "推进农业电商。(牵头单位:市农业局,配合单位:市商务局、科技局、各县(市)区政府)下一句(试行)。"
    a = only(text)
    assert a.text == "(牵头单位:市农业局,配合单位:市商务局、科技局、各县(市)区政府)"
    assert a.cooperating == ("市商务局", "科技局", "各县(市)区政府")


def test_he_joins_two_names_but_not_the_inside_of_one():
    a = only("(市经信局牵头,市科技局、市质监局和松山湖(生态园)管委会等单位配合)")
    assert a.cooperating == ("市科技局", "市质监局", "松山湖(生态园)管委会")
    assert only("(牵头单位:市经济和信息化委)").lead == ("市经济和信息化委",)
    assert only("(省海洋与渔业厅负责)").responsible == ("省海洋与渔业厅",)


def test_stray_comma_inside_a_list_keeps_the_list_together():
    a = only("(市社保局牵头,市财政局、市教育局,市人力资源局、医管中心等单位配合)")
    assert roles(a) == (("市社保局",), ("市财政局", "市教育局", "市人力资源局", "医管中心"), ())


def test_unclosed_annotation_ends_at_the_line_end():
    text = "实现线上线下票源共享。(市交通局牵头,市公安局、市发改局等单位配合\n17.推进“互联网+现代建筑”。"
    a = only(text)
    assert not a.closed
    assert a.text == "(市交通局牵头,市公安局、市发改局等单位配合"
    assert roles(a) == (("市交通局",), ("市公安局", "市发改局"), ())


def test_unclosed_annotation_running_into_text_ends_after_its_role_word():
    a = only("(市交通局牵头,市公安局等单位配合 加快建设智能交通\n")
    assert a.text == "(市交通局牵头,市公安局等单位配合"
    assert a.cooperating == ("市公安局",)


def test_unclosed_labelled_annotation_running_into_text_keeps_its_leading_names():
    a = only("推进。(牵头单位:市发改委,配合单位:市经信委、各县(市、区)政府 加快推进建设\n")
    assert a.text == "(牵头单位:市发改委,配合单位:市经信委、各县(市、区)政府" and not a.closed
    assert roles(a) == (("市发改委",), ("市经信委", "各县(市、区)政府"), ())


def test_unclosed_annotation_stops_before_a_full_stop():
    a = only("(市交通局牵头,市公安局等单位配合。17.推进建设(试行)")
    assert a.text == "(市交通局牵头,市公安局等单位配合" and not a.closed


def test_a_modifier_over_a_list_stays_on_the_first_name_as_written():
    a = only("(上述重点任务所涉及的部门、单位和镇街、园区负责)")
    assert a.responsible == ("上述重点任务所涉及的部门", "单位", "镇街", "园区")


def test_predicate_labels_and_you_prefix():
    assert roles(only("(市发改委为牵头单位,市科技局为配合单位)")) == (("市发改委",), ("市科技局",), ())
    assert roles(only("(由市发改委牵头,各区政府配合)")) == (("市发改委",), ("各区政府",), ())


def test_responsible_then_cooperating_makes_the_responsible_one_lead():
    assert roles(only("(市发改委负责,市经信委配合)")) == (("市发改委",), ("市经信委",), ())


def test_deadline_note_after_the_roles_is_not_a_name():
    a = only("(市发改委牵头,2017年底前完成)")
    assert roles(a) == (("市发改委",), (), ()) and a.text == "(市发改委牵头,2017年底前完成)"


def test_dun_after_a_role_word_separates_clauses():
    a = only("(市发改委牵头、市经信委、市科技局配合)")
    assert roles(a) == (("市发改委",), ("市经信委", "市科技局"), ())


def test_labelled_annotation_without_parentheses_on_its_own_line():
    text = "提升水平。牵头单位:市经信委;配合单位:市发改委、科技局\n  责任单位:市商务局。下一句\n正文牵头单位:很多"
    first, second = find_annotations(text)
    assert first.text == "牵头单位:市经信委;配合单位:市发改委、科技局"
    assert roles(first) == (("市经信委",), ("市发改委", "科技局"), ())
    assert second.text == "责任单位:市商务局" and second.responsible == ("市商务局",)


def test_unclosed_single_clause_running_into_text():
    a = only("建设平台。(市民政局负责 加快推进养老服务\n")
    assert a.text == "(市民政局负责" and a.responsible == ("市民政局",) and not a.closed


def test_traditional_script_is_read_and_kept_as_written():
    text = "推進。（牽頭單位：市經濟和信息化委，配合單位：市發改委、各縣（市）區政府）"
    a = only(text)
    assert a.text == text[3:]
    assert roles(a) == (("市經濟和信息化委",), ("市發改委", "各縣（市）區政府"), ())
    b = only("（省農業廳、省海洋與漁業廳等負責，列第一位者為牽頭部門，下同）")
    assert b.responsible == ("省農業廳", "省海洋與漁業廳") and b.rule == "列第一位者為牽頭部門，下同"
    assert parse_annotation("市商務局牽頭，市發改委配合") == (("市商務局",), ("市發改委",), (), None)


def test_leader_and_deadline_labels_beside_role_labels_name_no_agency():
    a = only("(牵头领导:张三;牵头单位:市发改委;配合单位:市经信委;完成时限:2017年底)")
    assert roles(a) == (("市发改委",), ("市经信委",), ())
    assert find_annotations("(完成时限:2017年底)") == []


def test_square_black_brackets_hold_annotations_too():
    assert roles(only("【牵头单位:市发改委;配合单位:市经信委】")) == (("市发改委",), ("市经信委",), ())
    assert find_annotations("【打印本页】【关闭窗口】") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(市发改委负责。)", ((), (), ("市发改委",))),
        ("(牵头单位:市发改委;责任单位:各区县政府)", (("市发改委",), (), ("各区县政府",))),
        ("(牵头单位:市发改委 配合单位:市经信委 市科技局)", (("市发改委",), ("市经信委", "市科技局"), ())),
        ("(市发改委牵头,市直有关部门和各县(市、区)政府配合)",
         (("市发改委",), ("市直有关部门", "各县(市、区)政府"), ())),
        # 按职责分工负责: each acts within its own remit — responsible, not the lead's co-operators
        # (as the corpus's 数字山东2020行动方案 reads it).
        ("(市商务局牵头,各县(市、区)政府、市直有关部门按职责分工负责)",
         (("市商务局",), (), ("各县(市、区)政府", "市直有关部门"))),
        ("(市发改委、市经信委负责,市科技局、市商务局配合)",
         (("市发改委", "市经信委"), ("市科技局", "市商务局"), ())),
        ("(责任单位:各区县政府,市有关部门;完成时限:2018年底)", ((), (), ("各区县政府", "市有关部门"))),
    ],
)
def test_styles_beyond_the_seeds(text, expected):
    a = only(text)
    assert a.text == text and a.closed
    assert roles(a) == expected


@pytest.mark.parametrize(
    "text",
    [
        "依据《国务院关于积极推进“互联网+”行动的指导意见》(国发〔2015〕40号)",
        "加快3G(3G)和4G网络建设",
        "行动计划(2016-2018年)",
        "管理办法(试行)",
        "各县(市、区)",
        "(市委副书记、市长)",
        "(支持龙头企业牵头建设追溯平台)",
        "按照“谁主管谁负责”的原则(详见附件)",
        "((((((",
        "(" * 5000,
        "(负责" * 500,
        "(负责)",
        "(等负责)",
        "(牵头单位:)",
    ],
)
def test_ordinary_parentheticals_are_not_annotations(text):
    assert find_annotations(text) == []


def test_parse_annotation_reads_inner_text():
    assert parse_annotation("市商务局牵头,市发改委配合") == (("市商务局",), ("市发改委",), (), None)
    assert parse_annotation("2016-2018年") is None


# --- the document-wide rule ---------------------------------------------------------------------


def test_rule_declared_applies_to_its_own_and_later_annotations():
    text = (
        "(一)发展智能制造。(省经济和信息化委、省发展改革委、省科技厅等负责,列第一位者为牵头部门,下同)\n"
        "(二)推进农业。(省农业厅、省科技厅等负责)\n"
        "(三)金融。(省金融办牵头,人民银行济南分行配合)\n"
    )
    first, second, third = find_annotations(text)
    assert first.rule == "列第一位者为牵头部门,下同"
    assert first.responsible == ("省经济和信息化委", "省发展改革委", "省科技厅")  # as written
    rules = AnnotationRules()
    assert roles(rules.apply(first)) == (("省经济和信息化委",), ("省发展改革委", "省科技厅"), ())
    assert roles(rules.apply(second)) == (("省农业厅",), ("省科技厅",), ())
    assert roles(rules.apply(third)) == (("省金融办",), ("人民银行济南分行",), ())


def test_no_rule_no_change():
    a = only("(市发展改革委、市经济信息化委负责)")
    assert AnnotationRules().apply(a) == a


def test_rule_variant_without_xiatong_binds_only_its_annotation():
    first, second = find_annotations("(市经信委、市科技局负责,排在第一位的为牵头单位)(市农委、市商务局负责)")
    assert first.rule == "排在第一位的为牵头单位"
    rules = AnnotationRules()
    assert rules.apply(first).lead == ("市经信委",)
    assert rules.apply(second).responsible == ("市农委", "市商务局")


def test_rule_in_a_labelled_annotation_and_in_plain_text():
    a = only("(责任单位:市经信委、市发改委,列第一位的为牵头单位,下同)")
    assert a.responsible == ("市经信委", "市发改委") and a.rule == "列第一位的为牵头单位,下同"
    rules = AnnotationRules()
    assert rules.observe("各项任务中排名第一的单位为牵头单位。") == "各项任务中排名第一的单位为牵头单位"
    later = rules.apply(only("(市农委、市商务局负责)"))
    assert roles(later) == (("市农委",), ("市商务局",), ())
    assert AnnotationRules().observe("排名第一。由市发改委牵头。") is None
    assert AnnotationRules().observe("支持第一批企业牵头建设平台,联合有关单位攻关。") is None
    # a rule inside an annotation is left to apply(), which scopes it by its 下同
    assert AnnotationRules().observe("推进。(市经信委、市科技局负责,排在第一位的为牵头单位)") is None


# --- the five seeds -------------------------------------------------------------------------------


def seed(name: str) -> str:
    return (SOURCES / f"{name}.txt").read_text(encoding="utf-8")


def applied(name: str) -> list[Annotation]:
    rules = AnnotationRules()
    return [rules.apply(a) for a in find_annotations(seed(name))]


@pytest.mark.parametrize(
    "name, count",
    [("jinan-2016", 29), ("liaocheng-2017", 34), ("shandong-2016", 56), ("beijing-2016", 24),
     ("dongguan-2016", 23)],
)
def test_each_seed_has_its_annotation_count(name, count):
    found = find_annotations(seed(name))
    assert len(found) == count
    text = seed(name)
    for a in found:
        assert text[a.start : a.end] == a.text
        assert a.names, a


def test_jinan_sample():
    a = applied("jinan-2016")
    assert roles(a[0]) == (("市经济和信息化委",), ("市发改委", "科技局"), ())
    assert a[3].cooperating == ("市经济和信息化委", "人民银行济南分行营管部")
    assert a[25].cooperating[-1] == "各县(市)区政府"
    assert all(x.lead and x.cooperating and not x.responsible for x in a)


def test_liaocheng_sample():
    a = applied("liaocheng-2017")
    assert roles(a[8]) == ((), (), ("市供销社",))
    assert roles(a[11]) == ((), (), ("市交通局",))  # (责任部门:市交通局)
    assert roles(a[21]) == (("市安监局",), ("市公安局", "市交通局", "市质监局"), ())
    assert a[26].lead == ("市科技局", "市人社局")
    assert a[30].responsible[-3:] == ("山东广电网络聊城分公司", "各通信公司", "聊城供电公司")


def test_shandong_sample_applies_its_rule():
    raw = find_annotations(seed("shandong-2016"))
    assert raw[0].rule == "列第一位者为牵头部门,下同"
    assert sum(1 for x in raw if x.rule) == 1
    a = applied("shandong-2016")
    assert all(x.lead and not x.responsible for x in a)
    assert roles(a[0]) == (("省经济和信息化委",), ("省发展改革委", "省科技厅"), ())
    assert roles(a[1]) == (("省经济和信息化委",), (), ())
    assert roles(a[15]) == (("山东证监局",), ("省金融办", "人民银行济南分行", "山东银监局", "山东保监局"), ())
    assert roles(a[-1]) == (("各市人民政府",), ("省发展改革委",), ())


def test_beijing_sample():
    a = applied("beijing-2016")
    assert roles(a[4]) == (("市发展改革委",), ("市经济信息化委",), ())
    assert a[7].lead == () and len(a[7].responsible) == 12
    assert roles(a[-1]) == ((), (), ("各有关部门", "各区政府"))
    assert sum(1 for x in a if x.lead) == 14


def test_dongguan_sample_with_two_unclosed():
    a = applied("dongguan-2016")
    unclosed = [x for x in a if not x.closed]
    assert [x.lead for x in unclosed] == [("市网建办",), ("市交通局",)]
    assert unclosed[1].cooperating == ("市公安局", "市发改局", "市经信局", "市电子政务办")
    assert roles(a[8]) == (("市委宣传部", "市文广新局"), ("东莞日报社", "东莞广电网络公司"), ())
    assert a[17].cooperating == ("各有关部门", "镇街")
    assert a[18].responsible[3:5] == ("中国电信东莞分公司", "中国移动东莞分公司")


# --- robustness -----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="()（）,、;:牵头配合负责单位市局委等各县和\n。12年 ", max_size=80))
def test_never_crashes_and_spans_are_verbatim(text):
    for a in find_annotations(text):
        assert text[a.start : a.end] == a.text
        assert a.names


# --- styles of plans outside the seeds (QA, engineer H) ----------------------------------------


def test_lead_marked_inside_a_labelled_list_leads_and_the_rest_cooperate():
    a = only("推进工作。(责任单位:市经信委（牵头）、市发改委、各县(市、区)政府)")
    assert roles(a) == (("市经信委",), ("市发改委", "各县(市、区)政府"), ())
    assert parse_annotation("责任单位:市经信委(牵头单位)、市发改委") == (("市经信委",), ("市发改委",), (), None)


def test_a_list_without_a_lead_marker_stays_responsible():
    assert parse_annotation("责任单位:市经信委、市发改委") == ((), (), ("市经信委", "市发改委"), None)


def test_together_with_makes_the_subject_lead_and_the_partners_cooperate():
    assert roles(only("推进工作。(市科技局会同市财政局负责)")) == (("市科技局",), ("市财政局",), ())
    a = only("推进工作。(由市发展改革委会同市财政局、市经信委等部门组织实施)")
    assert roles(a) == (("市发展改革委",), ("市财政局", "市经信委"), ())


def test_together_with_in_traditional_script_keeps_the_names_as_written():
    assert roles(only("推進工作。(市科技局會同市財政局負責)")) == (("市科技局",), ("市財政局",), ())


def test_main_responsible_label_is_a_responsible_label():
    assert parse_annotation("主要责任单位:市商务局;参与单位:市交通局") == (
        (), ("市交通局",), ("市商务局",), None)


def test_levels_listed_before_a_shared_body_are_one_collective_name():
    a = only("推进工作。(省发展改革委牵头，各市、县（区）人民政府负责)")
    assert roles(a) == (("省发展改革委",), ("各市、县（区）人民政府",), ())
    assert parse_annotation("各县(市、区)、乡镇人民政府负责") == ((), (), ("各县(市、区)、乡镇人民政府",), None)
    assert parse_annotation("各市、县、区人民政府负责") == ((), (), ("各市、县、区人民政府",), None)
    # a level before a body that is not a government stays a name of its own
    assert parse_annotation("各镇、市直各部门负责") == ((), (), ("各镇", "市直各部门"), None)
