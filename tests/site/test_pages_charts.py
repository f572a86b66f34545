"""Build-time SVG bar charts: deterministic, accessible, and labels are text, never markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.render.charts import NO_TARGET, NOT_EXTRACTED, Bar, bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def chart(label="山东省 2018年"):
    bars = [
        Bar(label, 65, None, "达到 65%", tooltip="山东省:固定宽带家庭普及率达到65%"),
        Bar("聊城市 2020年", 70, 80, "70-80%"),
        Bar("济南市", status=NO_TARGET),
        Bar("北京市", status=NOT_EXTRACTED),
    ]
    return bar_chart(bars, key="fixed-broadband-0", title="固定宽带家庭普及率", desc="各地区目标")


def test_chart_is_byte_identical_for_the_same_input():
    assert chart() == chart()


def test_chart_is_well_formed_svg_with_title_and_desc_referenced_by_aria():
    root = ET.fromstring(chart())
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "固定宽带家庭普及率" and desc.text == "各地区目标"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_chart_has_no_blank_line_so_markdown_keeps_it_one_html_block():
    assert "\n\n" not in chart()


def test_label_markup_is_escaped_and_shown_as_text():
    hostile = "<script>window.__pwned=1</script>&{{ x }}"
    svg = chart(label=hostile)
    assert "<script" not in svg
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert any(t and t.startswith("<script>") for t in texts)  # parsed back as literal text


def test_bars_scale_to_the_largest_value_including_a_range_upper_bound():
    root = ET.fromstring(chart())
    rects = [r for r in root.iter(f"{SVG}rect") if r.get("fill") != "none"]
    widths = [float(r.get("width")) for r in rects]
    # 65 and 70 (+ the 70-80 range extension): 65/80 of the plot, then 70/80 and 10/80
    assert abs(widths[0] / (widths[1] + widths[2]) - 65 / 80) < 0.01
    assert abs(widths[1] / widths[2] - 7.0) < 0.05  # coordinates are rounded to 0.1


def test_no_target_and_not_extracted_rows_look_different():
    root = ET.fromstring(chart())
    groups = {g.get("class"): g for g in root.iter(f"{SVG}g")}
    no_target = groups["atlas-bar atlas-bar-no-target"]
    not_extracted = groups["atlas-bar atlas-bar-not-extracted"]
    assert no_target.find(f"{SVG}rect") is None  # a plain note, no frame
    frame = not_extracted.find(f"{SVG}rect")
    assert frame is not None and frame.get("stroke-dasharray")  # a dashed, empty frame
    texts = lambda g: "".join(t.text or "" for t in g.iter(f"{SVG}text"))  # noqa: E731
    assert "未提出该指标目标" in texts(no_target)
    assert "尚未提取目标" in texts(not_extracted)


def test_long_labels_are_clipped_with_an_ellipsis_and_kept_whole_in_the_tooltip():
    long = "新疆生产建设兵团第十二师某某某某某某某某某某某某 2020年"
    svg = bar_chart([Bar(long, 1, None, "1", tooltip=long)], key="k", title="t", desc="d")
    root = ET.fromstring(svg)
    label = next(root.iter(f"{SVG}text")).text
    assert label.endswith("…") and len(label) < len(long)
    assert next(root.iter(f"{SVG}g")).find(f"{SVG}title").text == long
