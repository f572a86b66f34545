"""The escaping filter and formatting helpers every page relies on."""

import datetime as dt

import markdown
import pytest

from generator.render.render import anchor, date_zh, front_matter, link, md, md_block, number, source_path

EXTENSIONS = ["tables", "attr_list", "md_in_html", "toc"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[x](javascript:window.__pwned=1)",
    "a | b || c",
    "*bold* _em_ **x**",
    "{{ config }} {% raw %}",
    "1. not a list",
    "# not a heading",
    "`code` ~~del~~ {#id .cls}",
    "&amp; &lt;",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_md_value_in_a_table_cell_stays_one_cell_and_literal(value):
    html = to_html(f"| h1 | h2 |\n| --- | --- |\n| {md(value)} | end |\n")
    row = html.split("<tbody>")[1]
    assert row.count("<td>") == 2
    assert "<script" not in row and "<img" not in row and "<a " not in row and "<em>" not in row
    assert "<strong>" not in row and "<code>" not in row


@pytest.mark.parametrize("value", HOSTILE)
def test_md_value_in_a_paragraph_shows_the_exact_text(value):
    html = to_html(md(value))
    import html as h
    import re

    inner = re.sub(r"^<p>|</p>$", "", html)
    assert h.unescape(inner) == value


def test_md_value_inside_markdown_html_block_shows_the_exact_text():
    value = "<b>x</b> | [y](z)"
    html = to_html(f'<div class="c" markdown>\n\n{md(value)}\n\n</div>')
    assert "<b>" not in html and "<a " not in html and "&#60;b&#62;x" in html


def test_md_joins_lines_so_a_value_cannot_end_a_table():
    assert "\n" not in md("第一行\n\n| x |")


def test_md_block_keeps_paragraphs():
    assert to_html(md_block("甲。\n乙。")).count("<p>") == 2


def test_md_of_none_is_empty():
    assert md(None) == ""


def test_date_zh_has_no_zero_padding():
    assert date_zh(dt.date(2016, 6, 2)) == "2016年6月2日"


def test_number_drops_a_spurious_decimal_and_keeps_real_ones():
    assert (number(65.0), number(2.5), number(5000), number(None)) == ("65", "2.5", "5000", "")


def test_source_path_maps_directory_urls_to_markdown_sources():
    assert source_path("plans/jinan-2016/#t1") == "plans/jinan-2016.md"
    assert source_path("plans/") == "plans/index.md"
    assert source_path("") == "index.md"
    assert source_path("coverage.md") == "coverage.md"


def test_link_is_relative_to_the_page_and_keeps_the_anchor():
    assert link("plans/jinan-2016/#t2-1-1", "domains/health.md") == "../plans/jinan-2016.md#t2-1-1"
    assert link("regions/jinan/", "regions/index.md") == "jinan.md"
    assert link("plans/", "index.md") == "plans/index.md"
    assert link("", "plans/a.md") == "../index.md"


def test_anchor_refuses_anything_but_a_slug():
    assert anchor("t2-1-1") == "t2-1-1"
    with pytest.raises(ValueError):
        anchor('t1" onmouseover="x')


def test_front_matter_title_is_html_escaped_json():
    fm = front_matter('<script>"x"</script>')
    assert "<script>" not in fm and fm.startswith("---\ntitle: ")


def test_attr_escapes_quotes_and_markup_and_table_pipes_but_keeps_a_url_readable():
    from generator.render.render import attr

    assert attr('https://a.gov.cn/x_y.html?a=1&b=2') == "https://a.gov.cn/x_y.html?a=1&amp;b=2"
    assert attr('" onclick="x"|<') == "&quot; onclick=&quot;x&quot;&#124;&lt;"


@pytest.mark.parametrize("value", ["- item", "+ item", "1. item", "2016) item", "= x", "  - x"])
def test_md_value_that_starts_like_a_list_stays_a_paragraph(value):
    html = to_html(md(value))
    assert html.startswith("<p>") and "<li>" not in html and "<h1>" not in html


def test_md_keeps_plus_and_dots_inside_text_readable():
    assert md("“互联网+”行动计划(2016-2018年)") == "“互联网+”行动计划(2016-2018年)"


def test_html_and_svg_templates_autoescape_and_markdown_templates_use_the_md_filter():
    from generator.render.render import environment

    auto = environment().autoescape
    assert auto("chart.svg.j2") and auto("card.html.j2") and auto("page.html")
    assert not auto("plan.md.j2")
