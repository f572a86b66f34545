"""Paragraphs → outline: numbering schemes, headings, task vs section, annotation scope, attachments."""

import pytest

from generator.importer.chrome import Line
from generator.importer.pipeline import import_text
from generator.importer.structure import _split_heading, build_outline, find_marker, trailing_annotation


def outline(text: str):
    lines = [Line(i, t.strip()) for i, t in enumerate(text.strip().splitlines(), 1) if t.strip()]
    return build_outline(lines)


def tasks(o):
    out = []

    def walk(sections):
        for s in sections:
            walk(s.sections)
            out.extend(s.tasks)

    walk(o.sections)
    return out


def by_id(o, ident):
    for s in _all_sections(o.sections):
        if s.id == ident:
            return s
    for t in tasks(o):
        if t.id == ident:
            return t
    raise KeyError(ident)


def _all_sections(sections):
    for s in sections:
        yield s
        yield from _all_sections(s.sections)


# --- numbering schemes -----------------------------------------------------------------------


def test_markers_of_every_scheme_with_numbers_as_written():
    cases = {
        "一、总体要求": ("cn", "一"), "十二、其他": ("cn", "十二"), "(三)互联网+建筑": ("paren-cn", "(三)"),
        "(十一)医疗": ("paren-cn", "(十一)"), "1.推广网络众包": ("arabic", "1"), "12、推进": ("arabic", "12"),
        "(2)建设平台": ("paren-arabic", "(2)"), "——基础支撑更趋完善。": ("dash", None),
        "③推进": ("circled", "③"), "一是推进生产智能化。": ("shi", "一是"),
    }
    for text, (kind, number) in cases.items():
        marker = find_marker(text)
        assert marker is not None and (marker.kind, marker.number) == (kind, number), text


def test_years_decimals_and_bracketed_periods_are_not_markers():
    for text in ("2016年至2018年,传统产业加速融合。", "2.0模式应用", "(2016-2018年)",
                 "10万个基站"):
        assert find_marker(text) is None, text


def test_nested_schemes_nest_and_a_reopened_scheme_closes_the_levels_below():
    o = outline("""
一、主要任务
(一)互联网+制造
1.推广众包研发。面向关键技术开展众包。
2.推进智能制造。建设智能工厂。
(二)互联网+农业
1.推广精准农业。建设物联网监控体系。
二、保障措施
(一)加强组织领导。建立协调机制。
""")
    assert [s.id for s in o.sections] == ["s1", "s2"]
    assert [t.id for t in tasks(o)] == ["t1-1-1", "t1-1-2", "t1-2-1", "t2-1"]
    assert by_id(o, "t1-1-2").title == "推进智能制造"
    assert by_id(o, "t1-1-2").text == "建设智能工厂。"


def test_task_numbers_running_through_sections_keep_their_numbers():
    o = outline("""
三、主要任务
(一)“互联网+”制造
1.大力推进智能制造。建设智慧工厂。
2.发展新模式。建设定制平台。
(二)“互联网+”农业
3.推进精准农业。建设示范园区。
""")
    assert [(t.id, t.number) for t in tasks(o)] == [("t3-1-1", "1"), ("t3-1-2", "2"), ("t3-2-3", "3")]


def test_full_width_parentheses_and_half_width_are_one_scheme():
    o = outline("一、任务\n（一）甲。做甲事。\n(二)乙。做乙事。\n")
    assert [(t.id, t.number) for t in tasks(o)] == [("t1-1", "（一）"), ("t1-2", "(二)")]


def test_dash_items_take_their_position_and_a_paragraph_after_them_is_an_item_of_its_own():
    o = outline("""
一、总体目标
到2018年,发展环境更加优化。
——基础支撑更趋完善。固定宽带家庭普及率达到65%。
——经济发展提质增效。两化融合发展水平指数达到67。
到2025年,基础设施全面建成。
""")
    goal = o.sections[0]
    assert goal.text == "到2018年,发展环境更加优化。"
    assert [(s.id, s.title) for s in goal.sections] == [
        ("s1-1", "基础支撑更趋完善"), ("s1-2", "经济发展提质增效"), ("s1-3", None)]
    assert goal.sections[2].text == "到2025年,基础设施全面建成。"
    assert tasks(o) == []  # items of a general section (总体目标) stay sections


def test_dash_items_under_an_action_heading_are_tasks():
    o = outline("""
二、重点行动
(一)互联网+制造。
1.行动目标。到2018年,建成工业设计中心160个。
2.行动任务。
——推广开放式研发设计。建设工业云平台。(省经济和信息化委等负责)
——大力推进智能制造。建设智能工厂。(省经济和信息化委等负责)
""")
    assert by_id(o, "s2-1").title == "互联网+制造"
    assert by_id(o, "s2-1-1").title == "行动目标"  # a general heading: a section with text
    assert [(t.id, t.title, t.number) for t in tasks(o)] == [
        ("t2-1-2-1", "推广开放式研发设计", None), ("t2-1-2-2", "大力推进智能制造", None)]


# --- headings ---------------------------------------------------------------------------------


def test_heading_and_text_on_one_line_are_split_at_the_first_full_stop():
    o = outline("一、总体要求\n(一)指导思想。围绕中心任务,发挥引导作用。\n")
    s = by_id(o, "s1-1")
    assert (s.title, s.text) == ("指导思想", "围绕中心任务,发挥引导作用。")


def test_heading_on_its_own_line_takes_the_following_paragraphs_as_text():
    o = outline("一、总体要求\n(一)指导思想\n深入贯彻落实精神。\n牢固树立发展理念。\n")
    s = by_id(o, "s1-1")
    assert s.title == "指导思想"
    assert s.text == "深入贯彻落实精神。\n牢固树立发展理念。"


def test_heading_sentence_with_its_text_on_the_next_line():
    o = outline("二、重点行动\n(十)互联网+政务。\n1.行动目标。\n到2018年,建成统一平台。\n")
    s = by_id(o, "s2-10-1")
    assert (s.title, s.text) == ("行动目标", "到2018年,建成统一平台。")


def test_a_lone_sentence_item_is_text_not_a_title():
    o = outline("二、任务\n(二)互联网+农业。\n3.实施精准扶贫,通过扶贫模式,对接农村市场。\n(三)互联网+建筑。加快建筑产业化。\n")
    t = by_id(o, "t2-2-3")
    assert (t.title, t.text) == (None, "实施精准扶贫,通过扶贫模式,对接农村市场。")


def test_heading_ending_in_a_full_stop_above_items_is_the_title():
    o = outline("三、重点任务\n(一)发展“互联网+生产”,推动供给侧结构性改革,促进产业转型升级。\n1.推进制造。建设工厂。\n")
    assert by_id(o, "s3-1").title == "发展“互联网+生产”,推动供给侧结构性改革,促进产业转型升级"


# --- annotations: item-closing vs section-closing ---------------------------------------------


def test_trailing_annotation_span_handles_nested_and_unclosed_parentheses():
    text = "推广应用。(牵头单位:市农业局,配合单位:市商务局、各县(市)区政府)"
    start, end = trailing_annotation(text)
    assert text[start:end] == "(牵头单位:市农业局,配合单位:市商务局、各县(市)区政府)"
    unclosed = "解决难题”。(市网建办牵头,市编办等单位配合"
    start, end = trailing_annotation(unclosed)
    assert unclosed[start:end] == "(市网建办牵头,市编办等单位配合"
    assert trailing_annotation("第三代移动通信(3G)") is None
    assert trailing_annotation("依据(国发〔2015〕40号)") is None


def test_annotation_at_the_end_of_an_item_closes_that_item_only():
    o = outline("""
三、主要任务
(一)制造
1.推进智能制造。建设工厂。(牵头单位:市经信委;配合单位:市发改委)
2.发展新模式。建设平台。(责任单位:市科技局)
""")
    one, two = tasks(o)
    assert one.text == "建设工厂。" and one.annotation == "(牵头单位:市经信委;配合单位:市发改委)"
    assert two.annotation == "(责任单位:市科技局)"
    assert by_id(o, "s3-1").annotation is None


def test_standalone_annotation_after_the_last_item_closes_the_whole_section():
    o = outline("""
二、主要任务
(一)互联网+制造。
1.推广众包研发模式。面向关键技术。
2.倡导个性定制设计理念。推动柔性化改造。
(牵头单位:市经济和信息化委,配合单位:市发改委、科技局)
(二)互联网+农业。
1.创新农业研发模式。建立研发平台。
""")
    section = by_id(o, "s2-1")
    annotation = "(牵头单位:市经济和信息化委,配合单位:市发改委、科技局)"
    assert section.annotation == annotation
    assert [t.annotation for t in section.tasks] == [annotation, annotation]
    assert by_id(o, "t2-2-1").annotation is None


def test_standalone_annotation_after_an_item_with_annotated_siblings_closes_that_item():
    o = outline("""
二、任务
(一)甲
1.甲一。做甲一。
(牵头单位:市农业局)
2.甲二。做甲二。
(牵头单位:市商务局)
""")
    first, second = tasks(o)
    assert (first.annotation, second.annotation) == ("(牵头单位:市农业局)", "(牵头单位:市商务局)")
    assert by_id(o, "s2-1").annotation is None


def test_a_leaf_part_closed_by_an_annotation_is_a_task_and_keeps_document_order():
    o = outline("""
二、主要任务
(一)互联网+制造。
1.推广众包。做众包。
(牵头单位:市经信委)
(二)互联网+建筑。加快建筑产业化现代化进程。
(牵头单位:市城乡建设委)
(三)互联网+金融。
1.推动转型。做转型。
(牵头单位:市金融办)
""")
    assert [s.id for s in o.sections[0].sections] == ["s2-1", "s2-2", "s2-3"]
    building = by_id(o, "t2-2")
    assert (building.number, building.title, building.text) == ("(二)", "互联网+建筑", "加快建筑产业化现代化进程。")
    assert building.annotation == "(牵头单位:市城乡建设委)"


def test_items_of_general_sections_are_sections_and_action_leaves_are_tasks():
    o = outline("""
一、总体要求
(一)指导思想。围绕中心任务。
(二)基本原则
1.市场主导。突出市场地位。
二、保障措施
(一)加强组织领导。建立协调机制。
""")
    assert [t.id for t in tasks(o)] == ["t2-1"]
    assert by_id(o, "s1-2-1").title == "市场主导"


# --- front matter, end matter, attachments ------------------------------------------------------


def test_preamble_is_the_prose_right_before_the_first_section():
    o = outline("""
某市人民政府关于印发某市行动计划的通知
某政发〔2016〕1号
各区人民政府,市政府各部门:
现将《某市行动计划》印发给你们,请认真贯彻落实。
某市人民政府
2016年6月2日
某市行动计划
为贯彻落实国家部署,制定本行动计划。
一、总体目标
到2018年,基本建成。
""")
    assert o.preamble == "为贯彻落实国家部署,制定本行动计划。"
    assert any("现将" in line for line in o.skipped)


def test_signature_date_cc_and_printing_lines_are_not_section_text():
    o = outline("""
一、保障措施
(一)加强组织领导。建立工作机制。(各有关部门负责)
北京市人民政府
2016年1月9日
抄送:省委各部门,省人大常委会办公厅。
山东省人民政府办公厅2016年6月2日印发
""")
    (task,) = tasks(o)
    assert task.text == "建立工作机制。"
    assert len(o.skipped) == 4


def test_attachment_member_list_is_structured_and_not_in_the_last_section():
    o = outline("""
四、保障措施
(一)加强组织领导。建立联席会议制度。(责任单位:市发改委)
附件:某市推进“互联网+”发展联席会议组成人员名单
某市人民政府
2017年5月23日
附件:
某市推进“互联网+”发展联席会议
组成人员名单
总召集人:宋军继(市委副书记、市长)
召 集 人:郭建民(市委常委、副市长)
洪玉振(副市长)
成    员: 张金伦(市政协副主席、市城管局局长)
孙  锋(市统计局局长)
联席会议日常工作由市经信委共同负责。
""")
    (task,) = tasks(o)
    assert task.text == "建立联席会议制度。"
    (attachment,) = o.attachments
    assert attachment.title == "某市推进“互联网+”发展联席会议组成人员名单"
    assert [(m.name, m.position, m.role) for m in attachment.members] == [
        ("宋军继", "市委副书记、市长", "总召集人"), ("郭建民", "市委常委、副市长", "召集人"),
        ("洪玉振", "副市长", "召集人"), ("张金伦", "市政协副主席、市城管局局长", "成员"),
        ("孙锋", "市统计局局长", "成员")]
    assert attachment.text.endswith("联席会议日常工作由市经信委共同负责。")
    assert attachment.text.startswith("总召集人:宋军继")


def test_text_without_any_numbering_is_kept_whole_as_an_unnumbered_section_and_reported():
    o = outline("某市行动方案\n为推进发展,制定本方案。\n\n加快建设网络。\n推进政务服务。\n")
    assert [(s.number, s.title, s.text) for s in o.sections] == [
        (None, None, "为推进发展,制定本方案。\n加快建设网络。\n推进政务服务。")]
    assert o.preamble is None
    assert any("no numbered parts found" in line for line in o.skipped)


def test_inline_yishi_items_at_paragraph_starts_are_items_and_inside_a_paragraph_stay_text():
    o = outline("""
四、保障措施
(一)加强组织领导。一是建立联席会议制度。二是建立首席信息官制度。(责任单位:市发改委)
(二)强化安全保障。
一是强化信息安全意识。落实安全责任。
二是加强应急管理能力。健全工作机制。
(责任单位:市经信委)
""")
    first = by_id(o, "t4-1")
    assert first.text == "一是建立联席会议制度。二是建立首席信息官制度。"
    items = by_id(o, "s4-2").tasks
    assert [(t.id, t.number, t.title) for t in items] == [
        ("t4-2-1", "一是", "强化信息安全意识"), ("t4-2-2", "二是", "加强应急管理能力")]
    assert {t.annotation for t in items} == {"(责任单位:市经信委)"}


def test_a_heading_glued_to_its_text_among_standalone_headings_is_reported():
    o = outline("""
二、主要任务
(一)发挥互联网作用,推进科技创新
进一步加大研发力度。
(二)利用互联网重构布局,疏解非首都功能
支持企业优化布局。
(三)利用互联网促进开放共享,推动协同发展以改革试验为契机,建立合作平台。
""")
    assert by_id(o, "t2-3").title is None
    assert any(line.startswith("line 6: heading probably glued") for line in o.skipped)


def test_traditional_script_markers_annotations_and_general_headings():
    o = outline("""
一、總體要求
(一)指導思想。圍繞中心任務。
二、主要任務
(一)互聯網+製造。
1.推廣眾包研發。面向關鍵技術。
2.推進智能製造。建設智能工廠。
(牽頭單位:市經信委,配合單位:市發改委)
""")
    assert [t.id for t in tasks(o)] == ["t2-1-1", "t2-1-2"]
    assert by_id(o, "s2-1").annotation == "(牽頭單位:市經信委,配合單位:市發改委)"
    assert by_id(o, "s1-1").title == "指導思想"  # as written: folding is for matching only


def test_labelled_annotation_without_parentheses_closes_the_item_or_the_section():
    o = outline("""
三、重点任务
(一)制造
1.推进智能制造。建设智能工厂。责任单位:市经信委、市发改委
2.推进服务化。建设运维平台。
(二)农业
1.推广精准农业。建设示范基地。
2.完善追溯体系。建设追溯平台。
牵头单位:市农业局;配合单位:市商务局
""")
    one, two, three, four = tasks(o)
    assert (one.text, one.annotation) == ("建设智能工厂。", "责任单位:市经信委、市发改委")
    assert two.annotation is None
    assert three.annotation == four.annotation == "牵头单位:市农业局;配合单位:市商务局"
    assert by_id(o, "s3-2").annotation == "牵头单位:市农业局;配合单位:市商务局"


def test_a_short_heading_ending_in_a_colon_is_a_title_and_chapters_are_always_top_level():
    o = outline("一、主要目标:\n到2020年,基本建成。\n第二章 保障措施\n(一)加强领导。建立机制。\n")
    assert (o.sections[0].title, o.sections[0].text) == ("主要目标", "到2020年,基本建成。")
    assert [(s.id, s.number, s.title) for s in o.sections] == [("s1", "一", "主要目标"), ("s2", "二", "保障措施")]
    assert [t.id for t in tasks(o)] == ["t2-1"]


def test_several_attachments_listed_then_given_with_titles_on_their_heading_lines():
    o = outline("""
一、保障措施
(一)加强组织领导。建立机制。
附件:1.重点任务分工表
2.联席会议成员名单
某市人民政府
2017年1月5日
附件1:重点任务分工表
序号、任务、牵头单位
1、建设平台、市经信委
附件2
联席会议成员名单
召集人:张三(市长)
""")
    assert [a.title for a in o.attachments] == ["重点任务分工表", "联席会议成员名单"]
    assert o.attachments[0].text == "序号、任务、牵头单位\n1、建设平台、市经信委"
    assert [(m.name, m.role) for m in o.attachments[1].members] == [("张三", "召集人")]


def test_an_attachment_heading_with_its_title_and_no_listing_keeps_its_body():
    o = outline("一、任务\n(一)甲。做甲。\n附件:重点任务分工表\n序号、任务、牵头单位\n")
    (attachment,) = o.attachments
    assert (attachment.title, attachment.text) == ("重点任务分工表", "序号、任务、牵头单位")


def test_a_heading_naming_goals_and_tasks_holds_tasks():
    o = outline("二、发展目标和重点任务\n(一)推进智能制造。建设智能工厂。\n三、总体目标\n(一)基础支撑。普及率达到65%。\n")
    assert [t.id for t in tasks(o)] == ["t2-1"]


def test_a_heading_glued_to_the_previous_sentence_starts_the_next_item():
    o = outline("""
二、主要任务
(一)推进智能制造。建设智能工厂,依据(二)的要求推进。(二)发展电子商务。建设平台。
1.甲。做甲。2.乙。做乙,面积达到2.5万平方米。
""")
    assert [(t.id, t.title, t.text) for t in tasks(o)] == [
        ("t2-1", "推进智能制造", "建设智能工厂,依据(二)的要求推进。"),
        ("t2-2-1", "甲", "做甲。"), ("t2-2-2", "乙", "做乙,面积达到2.5万平方米。")]


def test_a_decimal_point_never_ends_a_heading():
    o = outline("二、任务\n(一)建设基站\n1.建成10.5万个基站,覆盖全市。\n")
    assert (by_id(o, "t2-1-1").title, by_id(o, "t2-1-1").text) == (None, "建成10.5万个基站,覆盖全市。")


def test_a_preamble_ending_in_a_colon_that_announces_the_plan_is_kept_and_the_addressee_is_not():
    o = outline("各区人民政府,市政府各部门:\n为加快推进“互联网+”发展,结合我市实际,现提出如下实施意见:\n一、总体要求\n")
    assert o.preamble == "为加快推进“互联网+”发展,结合我市实际,现提出如下实施意见:"


def test_run_in_headed_paragraphs_of_a_general_section_become_its_titled_parts():
    o = outline("一、总体要求\n(二)基本原则\n服务大局。坚持战略定位。\n融合创新。发挥人才优势。\n"
                "二、主要任务\n(一)推进制造。\n加快建设。推进工厂。\n完善机制。建设平台。\n")
    principles = by_id(o, "s1-2")
    assert principles.text is None
    assert [(s.id, s.number, s.title, s.text) for s in principles.sections] == [
        ("s1-2-1", None, "服务大局", "坚持战略定位。"), ("s1-2-2", None, "融合创新", "发挥人才优势。")]
    assert by_id(o, "t2-1").text == "加快建设。推进工厂。\n完善机制。建设平台。"  # tasks stay whole


# --- unnumbered annotated paragraphs under a heading (QA, engineer H) ---------------------------


def test_paragraphs_each_closed_by_an_annotation_under_a_heading_are_its_items():
    o = outline("二、重点任务\n(一)推进政务服务。\n加快建设平台。(责任单位:市政务办)\n推进数据共享。(责任单位:市大数据局)\n"
                "(二)推进医疗健康。发展远程医疗。(市卫计委负责)\n")
    first, second = by_id(o, "t2-1-1"), by_id(o, "t2-1-2")
    assert (first.number, first.title, first.text, first.annotation) == (
        None, None, "加快建设平台。", "(责任单位:市政务办)")
    assert (second.text, second.annotation) == ("推进数据共享。", "(责任单位:市大数据局)")
    assert by_id(o, "s2-1").title == "推进政务服务"
    assert by_id(o, "t2-2").title == "推进医疗健康"  # (二) is (二), not nested under the paragraphs


def test_one_annotated_paragraph_under_a_heading_stays_the_headings_text():
    o = outline("四、保障措施\n(一)夯实产业基础\n构建产业链条。(市发改委负责)\n(二)提升网络设施\n推进宽带普及。(市经信委负责)\n")
    t = by_id(o, "t4-1")
    assert (t.title, t.text, t.annotation) == ("夯实产业基础", "构建产业链条。", "(市发改委负责)")


def test_an_annotation_closing_a_sections_opening_text_covers_its_items():
    o = outline("二、重点行动\n(一)“互联网+”创业创新。充分发挥创新驱动作用。(发展改革委、科技部等负责)\n"
                "1.强化创业创新支撑。鼓励企业开放资源。\n2.积极发展众创空间。发挥开放创新优势。(科技部负责)\n")
    s = by_id(o, "s2-1")
    assert (s.text, s.annotation) == ("充分发挥创新驱动作用。", "(发展改革委、科技部等负责)")
    assert by_id(o, "t2-1-1").annotation == "(发展改革委、科技部等负责)"
    assert by_id(o, "t2-1-2").annotation == "(科技部负责)"  # an item's own annotation wins


def test_items_glued_after_a_heading_and_after_an_annotation_are_split():
    o = outline("一、重点任务\n(一)智能制造。1.推进智能工厂。建设智能工厂。(市经信委负责)2.推进机器换人。推广机器人。(市科技局负责)\n"
                "(二)电子商务。发展电子商务。\n")
    assert by_id(o, "s1-1").title == "智能制造"
    first, second = by_id(o, "t1-1-1"), by_id(o, "t1-1-2")
    assert (first.title, first.text, first.annotation) == ("推进智能工厂", "建设智能工厂。", "(市经信委负责)")
    assert (second.title, second.annotation) == ("推进机器换人", "(市科技局负责)")


def test_a_figure_after_a_heading_sentence_or_a_plain_parenthesis_is_not_a_glued_item():
    o = outline("一、重点任务\n(一)宽带提速。1.5倍速率提升。\n(二)电子商务(试行)2.发展电商。\n")
    assert by_id(o, "t1-1").text == "1.5倍速率提升。"
    assert by_id(o, "t1-2").text == "电子商务(试行)2.发展电商。"


def test_a_labelled_annotation_continued_on_the_next_line_is_one_annotation():
    o = outline("一、重点任务\n(一)推进智能制造。建设智能工厂。\n牵头单位:市经信委\n配合单位:市发改委、市科技局\n"
                "(二)推进电子商务。发展电商。\n责任单位:市商务局\n完成时限:2017年底\n")
    assert by_id(o, "t1-1").annotation == "牵头单位:市经信委\n配合单位:市发改委、市科技局"
    assert by_id(o, "t1-2").annotation == "责任单位:市商务局\n完成时限:2017年底"
    assert [t.id for t in tasks(o)] == ["t1-1", "t1-2"]


def test_a_box_stands_beside_the_items_and_holds_its_own_list():
    o = outline("一、重点任务\n(一)推进智能制造。\n1.建设智能工厂。建设工厂。(市经信委负责)\n2.推广机器人。推广机器人。(市经信委负责)\n"
                "专栏1 智能制造重点工程\n1.智能工厂示范工程。支持企业建设智能工厂。\n2.工业云工程。建设工业云平台。\n"
                "(二)推进电子商务。\n3.发展农村电商。建设服务站。(市商务局负责)\n")
    box = by_id(o, "s1-1-3")
    assert (box.number, box.title) == ("专栏1", "智能制造重点工程")
    assert [t.title for t in box.tasks] == ["智能工厂示范工程", "工业云工程"]
    assert [t.id for t in box.tasks] == ["t1-1-3-1", "t1-1-3-2"]
    assert by_id(o, "t1-1-2").annotation == "(市经信委负责)"  # the box did not nest in item 2
    assert by_id(o, "t1-2-3").title == "发展农村电商"  # (二) closed the box


def test_a_box_of_prose_is_a_section_with_text_not_a_task():
    o = outline("一、重点任务\n(一)推进智能制造。\n1.建设智能工厂。建设工厂。(市经信委负责)\n专栏2:重点项目\n工业云平台、智能工厂示范项目。\n")
    box = by_id(o, "s1-1-2")
    assert (box.number, box.title, box.text, box.tasks) == ("专栏2", "重点项目", "工业云平台、智能工厂示范项目。", ())


def test_a_top_level_item_closed_by_an_annotation_holds_one_task_numbered_and_titled_as_it():
    o = outline("(一)建设网上政务服务平台。实现一网通办。(市政务服务中心负责)\n(二)加强组织保障。建立工作机制。\n")
    t = by_id(o, "t1")
    assert (t.number, t.title, t.text, t.annotation) == (
        "(一)", "建设网上政务服务平台", "实现一网通办。", "(市政务服务中心负责)")
    assert by_id(o, "s1").tasks == (t,)


def test_a_number_closed_by_a_parenthesis_is_a_scheme_of_its_own():
    assert (find_marker("1）建设平台。").kind, find_marker("1）建设平台。").number) == ("arabic-paren", "1）")
    assert find_marker("3)5G网络") is None  # a figure, not an item
    o = outline("一、重点任务\n1.推进智能制造。\n1)建设智能工厂。建设工厂。\n2)推广机器人。推广机器人。\n2.推进电子商务。发展电商。\n")
    assert [t.id for t in tasks(o)] == ["t1-1-1", "t1-1-2", "t1-2"]
    assert by_id(o, "t1-1-2").number == "2)"


def test_a_member_list_without_parentheses_is_structured_and_prose_is_not_a_member():
    o = outline("一、重点任务\n(一)推进智能制造。建设智能工厂。(市经信委负责)\n附件\n某市领导小组成员名单\n"
                "组  长:张三  市政府市长\n副组长:李四  市政府副市长\n成  员:王五  市经信委主任\n孙  军  市质监局局长\n"
                "领导小组办公室设在市经信委。\n")
    (attachment,) = o.attachments
    assert [(m.role, m.name, m.position) for m in attachment.members] == [
        ("组长", "张三", "市政府市长"), ("副组长", "李四", "市政府副市长"),
        ("成员", "王五", "市经信委主任"), ("成员", "孙军", "市质监局局长")]


def test_part_headings_keep_their_whole_title():
    o = outline("第一部分 总体要求\n一、指导思想\n全面贯彻精神。\n第二部分 重点行动\n一、“互联网+”制造\n(一)推进智能制造。建设工厂。(省经信委负责)\n")
    assert (by_id(o, "s1").title, by_id(o, "s2").title) == ("总体要求", "重点行动")
    assert by_id(o, "t2-1-1").annotation == "(省经信委负责)"


def test_more_general_headings_stay_sections():
    o = outline("一、行动要求\n(一)发展定位。建设全国重要的互联网创新高地。\n(二)预期目标。到2020年,普及率达到80%。\n"
                "二、重点任务\n(一)推进智能制造。建设工厂。\n")
    assert [t.id for t in tasks(o)] == ["t2-1"]
    assert by_id(o, "s1-2").text == "到2020年,普及率达到80%。"


# --- one bracket scanner (text/brackets.py): the outline and the annotation detector agree -------

def _first_task(annotation: str):
    text = f"某市行动计划\n一、主要任务\n(一)推进制造\n1.推进智能制造。建设工厂。{annotation}\n2.发展平台。建设平台。\n"
    return next(import_text(text, plan_id="moushi-2016", source_file="x.txt").plan.iter_tasks())


@pytest.mark.parametrize("annotation,lead,cooperating,responsible", [
    ("（市商务局负责）", (), (), ("市商务局",)),
    ("〔市商务局负责〕", (), (), ("市商务局",)),
    ("【市商务局负责】", (), (), ("市商务局",)),
    ("［市商务局负责］", (), (), ("市商务局",)),
    # the small forms web copies use (京政办发﹝2018﹞31号): the detector read them, the outline did not
    ("﹝市商务局负责﹞", (), (), ("市商务局",)),
    ("﹙市商务局负责﹚", (), (), ("市商务局",)),
    ("﹝牵头单位:市农业局,配合单位:各县(市)区政府﹞", ("市农业局",), ("各县(市)区政府",), ()),
    # nested, mixed widths, unclosed
    ("（牵头单位:市农业局,配合单位:各县（市）区政府）", ("市农业局",), ("各县（市）区政府",), ()),
    ("(市网建办牵头,市编办等单位配合）", ("市网建办",), ("市编办",), ()),
    ("〔市网建办牵头,市编办等单位配合", ("市网建办",), ("市编办",), ()),
    ("﹝市网建办牵头,市编办等单位配合", ("市网建办",), ("市编办",), ()),
])
def test_an_annotation_in_any_bracket_closes_the_task_it_ends(annotation, lead, cooperating, responsible):
    task = _first_task(annotation)
    assert task.text == "建设工厂。" and task.annotation == annotation
    names = tuple(tuple(a.name for a in refs) for refs in (task.lead, task.cooperating, task.responsible))
    assert names == (lead, cooperating, responsible)


@pytest.mark.parametrize("bracket", ["(", "（", "〔", "【", "[", "［", "﹝", "﹙"])
def test_a_full_stop_inside_an_open_bracket_of_any_kind_does_not_end_a_heading(bracket):
    assert _split_heading(f"建设平台{bracket}一期。围绕需求") == (None, f"建设平台{bracket}一期。围绕需求")


def test_a_heading_may_hold_a_closed_bracket_of_mixed_widths():
    assert _split_heading("建设平台(一期）。围绕需求") == ("建设平台(一期）", "围绕需求")
