"""The domain classifier, rule by rule, on small inline vocabularies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.classify import MIN_BODY_HITS, classify_domains, heading_focus
from generator.model import Domain


def _domain(domain_id, heading_words=(), keywords=(), includes=()):
    return Domain(id=domain_id, name=domain_id, description=None,
                  heading_words=tuple(heading_words), keywords=tuple(keywords), includes=tuple(includes))


DOMAINS = {
    d.id: d
    for d in [
        _domain("government-services", ["政务", "政府服务"], ["政务服务", "12345", "网上办事"]),
        _domain("health", ["医疗", "远程医疗"], ["电子病历", "医院", "远程医疗"], ["telemedicine"]),
        _domain("telemedicine", ["远程医疗"], ["远程医疗", "远程会诊"]),
        _domain("education", ["教育"], ["在线教育", "智慧校园"]),
        _domain("infrastructure", ["网络基础设施"], ["宽带", "WIFI"]),
        _domain("urban-management", ["基础设施", "城市管理"], ["数字城管"]),
        _domain("employment", ["就业"], ["就业", "社保"]),
        _domain("community", ["社区服务"], ["社区"]),
        _domain("public-safety", ["公共安全"], ["视频监控"], ["food-safety"]),
        _domain("food-safety", ["食品药品"], ["食品安全"]),
        _domain("coordination", ["组织领导"], ["领导小组"]),
    ]
}


def classify(title=None, text="", headings=()):
    return classify_domains(title=title, text=text, headings=headings, domains=DOMAINS)


# --- headings ---------------------------------------------------------------------------------


def test_a_heading_word_in_an_enclosing_section_maps_every_task_under_it():
    headings = ["主要任务", "(十一)互联网+医疗服务。"]
    assert classify(title="全面推进便民服务平台建设", text="整合信息,面向居民提供一站式服务。",
                    headings=headings) == ("health",)


def test_a_heading_word_in_the_outermost_heading_still_applies():
    assert classify(text="建设平台。", headings=["互联网+教育", "行动任务"]) == ("education",)


def test_only_the_field_named_after_internet_plus_is_read_in_a_heading():
    headings = ["(四)发展“互联网+民生”,提升政府服务水平,推进基本公共服务均等化。"]
    assert classify(title="推进“互联网+教育”", text="构建支撑环境。", headings=headings) == ("education",)


def test_a_heading_without_internet_plus_is_read_whole():
    assert classify(text="整合资源。", headings=["(二)提升政府服务水平"]) == ("government-services",)


def test_the_task_title_is_read_as_its_own_heading():
    assert classify(title="“互联网+”教育服务", text="推广新型模式。") == ("education",)


def test_the_most_specific_heading_word_wins_over_a_shorter_one_inside_it():
    assert classify(title="强化网络基础设施保障", text="加快建设。") == ("infrastructure",)
    assert classify(text="增加传感设备。", headings=["(十八)互联网+基础设施。"]) == ("urban-management",)


def test_a_heading_word_listed_by_two_domains_maps_to_both():
    assert classify(text="建设平台。", headings=["互联网+远程医疗"]) == ("health", "telemedicine")


@pytest.mark.parametrize("heading, focus", [
    ("(四)发展“互联网+民生”,提升政府服务水平", "民生"),
    ("(一)“互联网+”制造", "制造"),
    ("17.互联网+现代建筑”。", "现代建筑"),
    ("(十一)互联网+医疗服务。", "医疗服务"),
    ("(三)完善信用体系建设。", "(三)完善信用体系建设。"),
    ("发展“互联网+”农业和“互联网+”旅游", "农业和 旅游"),
])
def test_heading_focus_is_the_field_after_internet_plus(heading, focus):
    assert heading_focus(heading) == focus


# --- keywords -----------------------------------------------------------------------------------


def test_a_keyword_in_the_title_adds_its_domain():
    assert classify(title="完善“12345”热线网络", text="建立四级热线系统。") == ("government-services",)


def test_one_keyword_mention_in_the_body_is_not_enough():
    assert MIN_BODY_HITS == 2
    assert classify(title="构建平台", text="整合应急指挥、政府服务12345等信息系统。") == ()


def test_two_keyword_mentions_in_the_body_add_the_domain():
    text = "推进面向养老机构的国家远程医疗政策试点工作,探索养老机构与医院的远程医疗合作模式。"
    assert classify(title="“互联网+”养老", text=text) == ("health", "telemedicine")


def test_a_keyword_that_is_an_item_of_an_enumeration_is_mentioned_in_passing():
    text = "率先在信用、交通、医疗、卫生、就业、社保、文化、教育等重要领域实现公共数据资源开放。"
    assert classify(title="推进制度创新", text=text) == ()


def test_a_first_list_item_joined_to_its_verb_is_not_in_passing():
    # “建立远程会诊、远程影像中心”: 远程会诊 is what is built, not a field named in passing.
    text = "建立远程会诊、远程影像中心,开展远程会诊服务。"
    assert classify(title="建设平台", text=text) == ("telemedicine",)


def test_keywords_match_across_full_width_forms_case_and_line_breaks():
    text = "扩大公共场所免费ＷＩＦＩ覆盖,推进宽\n带普及。"
    assert classify(title="建设", text=text) == ("infrastructure",)


def test_traditional_script_headings_and_text_match_the_simplified_vocabulary():
    assert classify(text="建設遠程醫療平台,開展遠程會診。", headings=["(十一)互聯網+醫療服務。"]) == (
        "health", "telemedicine")


# --- output ---------------------------------------------------------------------------------------


def test_domains_come_back_in_vocabulary_order_whatever_order_they_were_found_in():
    result = classify(title=None, text="电子病历共享,医院互联。",
                      headings=["互联网+就业", "互联网+医疗服务", "互联网+政务"])
    assert result == ("government-services", "health", "employment")


def test_classification_is_deterministic_for_equal_input():
    args = dict(title="推进远程医疗服务体系建设", text="建设远程医疗信息平台,提供远程会诊。",
                headings=("主要任务", "互联网+医疗服务"))
    assert len({classify(**args) for _ in range(5)}) == 1


def test_no_domains_no_text_and_no_headings_give_nothing():
    assert classify_domains(title=None, text="", headings=(), domains={}) == ()
    assert classify(title=None, text="", headings=("", "保障措施")) == ()


# --- never crashes ---------------------------------------------------------------------------------

_PIECES = st.sampled_from(["互联网+", "“", "”", "、", "等", "。", "(", ")", "医疗", "远程医疗", "政务", "12345",
                           "基础设施", "网络基础设施", "ＷＩＦＩ", "醫療", "\n", " "])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(title=st.one_of(st.none(), _TEXT), text=_TEXT, headings=st.lists(_TEXT, max_size=4))
def test_any_text_classifies_without_error_into_known_ids_in_vocabulary_order(title, text, headings):
    result = classify(title=title, text=text, headings=headings)
    assert list(result) == [d for d in DOMAINS if d in result]


# --- title over section, a second field, every task placed ---------------------------------------


def test_the_tasks_own_title_field_outranks_its_sections_field():
    # Jinan files 社保 under 互联网+社区服务: the task is employment, not community services
    assert classify(title="提供智慧就业服务", text="推进求职登记网上办理。",
                    headings=["互联网+社区服务"]) == ("employment",)
    # … unless the body speaks of the section's field too
    assert classify(title="提供智慧就业服务", text="在社区推进求职登记网上办理。",
                    headings=["互联网+社区服务"]) == ("employment", "community")


def test_an_umbrella_section_field_stays_over_a_narrower_title_field():
    assert classify(title="推进食品药品智慧监管", text="", headings=["互联网+公共安全"]) == (
        "public-safety", "food-safety")


def test_a_second_field_beside_the_headings_needs_more_than_two_mentions():
    text = "推进宽带入校,宽带到班。"
    assert classify(text=text, headings=["互联网+教育"]) == ("education",)
    assert classify(text=text) == ("infrastructure",)
    assert classify(text=text * 2, headings=["互联网+教育"]) == ("education", "infrastructure")


def test_a_task_nothing_places_goes_to_the_fallback_domain_only_when_asked():
    assert classify(title="营造开放包容发展环境", text="研究出台一批先行先试政策。") == ()
    assert classify_domains(title="营造开放包容发展环境", text="研究出台一批先行先试政策。", headings=(),
                            domains=DOMAINS, fallback="coordination") == ("coordination",)
