"""Tables of generated pages sit in labelled, focusable regions (generator/render/tables.py)."""

from __future__ import annotations

import markdown

from generator.render.render import md, render
from generator.render.tables import heading_text, wrap_tables

TABLE = "| 地区 | 目标 |\n| --- | ---: |\n| 济南市 | 65 |\n"
OPEN = '<div class="atlas-scroll" role="region" tabindex="0" aria-label="{}" markdown>'


def test_a_table_is_labelled_by_the_heading_it_sits_under():
    out = wrap_tables(f"# 固定宽带家庭普及率\n\n## 各地区目标 {{ #targets }}\n\n{TABLE}\n后文\n")
    assert OPEN.format("各地区目标(表格)") in out
    assert out.index(OPEN.format("各地区目标(表格)")) < out.index("| 地区")
    assert out.index("| 济南市 | 65 |") < out.index("</div>") < out.index("后文")


def test_a_table_before_any_subheading_takes_the_page_title():
    assert OPEN.format("覆盖矩阵(表格)") in wrap_tables(f"# 覆盖矩阵\n\n{TABLE}")


def test_tables_under_one_heading_are_numbered():
    out = wrap_tables(f"## 目标\n\n{TABLE}\n文字\n\n{TABLE}\n## 另一节\n\n{TABLE}")
    assert OPEN.format("目标(表格 1)") in out and OPEN.format("目标(表格 2)") in out
    assert OPEN.format("另一节(表格)") in out
    assert out.count("</div>") == 3


def test_heading_links_tags_and_entities_become_plain_label_text():
    heading = f"[{md('阿尔法省|<b>')}](../regions/a.md) <small>省</small> **要点** {{ #g-a }}"
    assert heading_text(heading) == "阿尔法省|<b> 省 要点"
    out = wrap_tables(f"### {heading}\n\n{TABLE}")
    # the label is one attribute: quotes and angle brackets escaped, "|" cannot split a table row
    assert 'aria-label="阿尔法省&#124;&lt;b&gt; 省 要点(表格)"' in out


def test_text_that_only_looks_like_a_table_is_left_alone():
    text = "# 标题\n\n| 不是表格 |\n普通一行\n\n    | 缩进 |\n    | --- |\n    | 代码 |\n"
    assert wrap_tables(text) == text


def test_the_wrapped_table_is_still_a_table_inside_the_region():
    out = wrap_tables(f"## 各地区目标\n\n<div class=\"atlas-targets\" markdown>\n\n{TABLE}\n</div>\n")
    html = markdown.markdown(out, extensions=["tables", "attr_list", "md_in_html"])
    region = html.index('role="region"')
    assert region < html.index("<table>") < html.index("</table>") < html.rindex("</div>")
    assert "<td>济南市</td>" in html


def test_every_markdown_template_wraps_its_tables():
    out = render("documents_index.md.j2", path="documents/index.md", views=[])
    assert OPEN.format("引用文件(表格)") in out
