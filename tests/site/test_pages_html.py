"""The cross-cutting pages rendered to HTML with the site's Markdown extensions: hostile strings stay text and
never break a table; gaps (no target vs not extracted, uncovered regions) are visible and distinct;
long pages collapse; output is deterministic."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import markdown
import pytest

import regions_atlas
from generator.model import Plan, Region, Section, Source, Task
from generator.render import (
    agency_pages, agency_type_pages, coverage_pages, data_pages, document_pages, domain_pages,
    indicator_pages,
)
from generator.atlas import link
from generator.render.page import Page

PRODUCERS = (domain_pages, agency_pages, agency_type_pages, indicator_pages, coverage_pages,
             document_pages, data_pages)
# As in mkdocs.yml (the toc slugify there needs pymdownx; explicit ids make it irrelevant here).
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "pymdownx.details", "toc"]


def html_of(page: Page) -> str:
    body = page.markdown.split("---\n", 2)[2]  # drop the front matter, as MkDocs does
    return markdown.markdown(body, extensions=EXTENSIONS)


class Doc(HTMLParser):
    """Tables (cells per row), visible text, and every element's tag and class."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tables: list[list[int]] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, str]] = []
        self.hrefs: list[str] = []
        self._stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs).get("class") or ""))
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append(0)
        elif tag in ("td", "th"):
            self.tables[-1][-1] += 1

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def pages():
    atlas = regions_atlas.atlas()
    return {p.path: p for mod in PRODUCERS for p in mod.pages(atlas) if isinstance(p, Page)}


def test_hostile_strings_never_break_a_table_row(pages):
    tables = 0
    for path, page in pages.items():
        for table in Doc(html_of(page)).tables:
            tables += 1
            assert len(set(table)) == 1, (path, table)  # every row has the header's cell count
    assert tables >= 10


def test_hostile_strings_are_shown_as_text_never_as_markup(pages):
    for path in ("domains/health.md", "agencies/beijing-jingxinwei.md", "agency-types/it.md",
                 "indicators/index.md", "documents/index.md", "agencies/by-region/beijing.md"):
        html = html_of(pages[path])
        doc = Doc(html)
        assert "script" not in {tag for tag, _ in doc.tags}, path
        assert not [h for h in doc.hrefs if h.strip().lower().startswith("javascript:")], path
        assert "<script>window.__pwned=1</script>" in "".join(doc.text), path  # visible, literally
    for path in [p for p in pages if p.startswith(("indicators/targets/", "agencies/by-region/"))]:
        doc = Doc(html_of(pages[path]))  # the index parts: markup-free too
        assert "script" not in {tag for tag, _ in doc.tags}, path
        assert not [h for h in doc.hrefs if h.strip().lower().startswith("javascript:")], path
    assert all(Doc(html_of(p)).hrefs for p in pages.values())  # the check above saw links


def test_hostile_braces_reach_the_page_unrendered(pages):
    text = "".join(Doc(html_of(pages["agencies/beijing-jingxinwei.md"])).text)
    assert "{{ x }}{% y %}[x](javascript:alert(1))*" in text


def test_indicator_page_tells_no_target_from_not_extracted(pages):
    doc = Doc(html_of(pages["indicators/fixed-broadband.md"]))
    text = "".join(doc.text)
    assert ("span", "atlas-no-target") in doc.tags and ("em", "atlas-not-extracted") in doc.tags
    # jinan has targets but none for this indicator; beijing has none extracted at all
    md = pages["indicators/fixed-broadband.md"].markdown
    jinan_row = next(line for line in md.splitlines() if line.startswith("| [济南市]"))
    beijing_row = next(line for line in md.splitlines() if line.startswith("| [北京市]"))
    assert "atlas-no-target" in jinan_row and "atlas-not-extracted" not in jinan_row
    assert "atlas-not-extracted" in beijing_row and "atlas-no-target" not in beijing_row
    assert "固定宽带家庭普及率达到65%" in text and "固定宽带家庭普及率达到70%" in text


def test_indicator_page_draws_one_chart_in_the_indicators_unit_and_keeps_the_table_as_fallback(pages):
    md = pages["indicators/fixed-broadband.md"].markdown
    assert md.count("<svg ") == 1
    chart = md[md.index("<svg "):md.index("</svg>")]
    # 万户 does not convert to %: never drawn on the % axis, but listed in the table
    assert "万户" not in chart and "新增2.5万户" in md.split("</svg>")[1]
    html = html_of(pages["indicators/fixed-broadband.md"])
    assert html.count("<svg ") == 1 and "<table>" in html


def test_master_table_lists_every_target_with_its_quote_link(pages):
    atlas = regions_atlas.atlas()
    parts = [page.markdown for path, page in pages.items() if path.startswith("indicators/targets/")]
    assert parts and all(f"targets/{g}.md" in pages["indicators/index.md"].markdown
                         for g in (p.removeprefix("indicators/targets/").removesuffix(".md")
                                   for p in pages if p.startswith("indicators/targets/")))
    for t in atlas.targets:  # each target in exactly one part, its quote linked to the plan
        assert sum(f"({'../../' + t.url.replace('/#', '.md#')})" in md for md in parts) == 1, t.url


def test_domain_page_lists_regions_that_do_not_cover_it(pages):
    md = pages["domains/egov.md"].markdown
    uncovered = md.split("{ #domain-uncovered }")[1]
    for name in ("山东省", "聊城市", "北京市"):
        assert name in uncovered
    assert "济南市" not in uncovered


def test_coverage_zero_cells_are_empty(pages):
    md = pages["coverage/index.md"].markdown
    egov = next(line for line in md.splitlines() if line.startswith("| [政务服务]"))
    cells = [c.strip() for c in egov.strip().strip("|").split("|")]
    assert cells[1:] == ["", "[2](../domains/egov.md#jinan)", "", "", "1"]


def test_coverage_turns_so_many_regions_run_down_the_page():
    atlas = many_regions_atlas(40)
    (page,) = coverage_pages.pages(atlas)
    header = next(line for line in page.markdown.splitlines() if line.startswith("| "))
    assert header.startswith("| 地区 | 任务总数 |") and header.count("](../domains/") == 3
    row = next(line for line in page.markdown.splitlines() if line.startswith("| [第7市]"))
    assert "[1](../domains/health.md#city07)" in row
    assert all(len(set(t)) == 1 for t in Doc(html_of(page)).tables)


def test_documents_outside_the_corpus_get_a_page_and_those_inside_link_to_the_plan(pages):
    index = pages["documents/index.md"].markdown
    assert "(../plans/shandong-2016.md)" in index  # 鲁政发〔2016〕14号 is a plan of the corpus
    assert not any(p.startswith("documents/lzf-") for p in pages)
    gf = pages["documents/gf-2015-40.md"].markdown
    for plan in ("beijing-2016", "jinan-2016", "liaocheng-2017", "shandong-2016"):
        assert f"(../plans/{plan}.md)" in gf


def test_pages_are_identical_across_runs():
    def run():
        atlas = regions_atlas.atlas()
        return [(p.path, getattr(p, "markdown", None) or p.content) for mod in PRODUCERS
                for p in mod.pages(atlas)]

    assert run() == run()


def many_regions_atlas(n: int):
    """The inline atlas plus ``n`` cities of Shandong with one 远程医疗 task each."""
    vocab = regions_atlas.vocab()
    regions = dict(vocab.regions)
    plans = regions_atlas.plans()
    for i in range(n):
        rid = f"city{i:02d}"
        regions[rid] = Region(rid, f"第{i}市", "city", "shandong", None)
        plans[f"{rid}-2016"] = Plan(
            f"{rid}-2016", f"第{i}市行动计划", rid, None, None, None, None, None,
            Source("x.txt", None, "0" * 64, None),
            sections=(Section("s1", "一", "任务", None,
                              tasks=(Task("t1", "1", "远程医疗", "发展远程医疗。", domains=("health",)),)),),
        )
    return link(dataclasses.replace(vocab, regions=regions), plans)


def test_a_domain_with_many_regions_collapses_them_behind_a_region_table_of_contents():
    atlas = many_regions_atlas(40)
    page = next(p for p in domain_pages.pages(atlas) if p.path == "domains/health.md")
    assert page.markdown.count("\n??? quote ") == 43 and "???+" not in page.markdown
    html = html_of(page)
    for i in range(40):
        assert f'<h3 id="city{i:02d}">' in html
    assert html.count('<details class="quote">') == 43
