"""Content that is valid but hostile: markup and script in text fields, spreadsheet formulas,
bidirectional controls and zero-width characters. ``check`` passes (warning, located, about the
invisible characters), ``pages`` publishes, and what it publishes is safe: markup stays text, no
CSV cell is a live formula, no U+202E reorders a page or a search result, JSON is strict JSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from generator.atlas import link
from generator.content.load import load_content
from generator.search.documents import build_documents
from generator.text.controls import INVISIBLE

from .conftest import AGENCIES, DOMAINS, INDICATORS, PLAN, SOURCE

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'

# (kind, edit) — each puts hostile markup into one text field that is not checked against the source
MARKUP = [
    ("script-in-issuer", lambda p: p.edit(PLAN, "issuer: null", f"issuer: '{SCRIPT}'")),
    ("script-in-target-name", lambda p: p.edit(PLAN, "  - name: 示范企业", f"  - name: '示范{SCRIPT}'")),
    ("img-in-target-unit", lambda p: p.edit(PLAN, "unit: 家", f"unit: '{IMG}'")),
    # the comparator is a closed vocabulary (a schema enum); the qualifier keeps the words as written
    ("script-in-qualifier", lambda p: p.edit(PLAN, "unit: 家\n        comparator: 达到",
                                             f"unit: 家\n        comparator: 达到\n        qualifier: '推广{SCRIPT}'")),
    ("img-in-agency-name", lambda p: p.edit(AGENCIES, "name: 济南市人民政府", f"name: '济南{IMG}'")),
    ("script-in-agency-alias", lambda p: p.edit(AGENCIES, "aliases: []", f"aliases: ['{SCRIPT}']")),
    ("javascript-link-in-domain-description", lambda p: p.edit(
        DOMAINS, "description: 制造业与互联网融合", "description: '[点我](javascript:alert(1)) <a href=\"javascript:alert(1)\">x</a>'")),
    ("html-comment-in-indicator-name", lambda p: p.edit(INDICATORS, "name: 固定宽带家庭普及率", "name: '<!-- 固定宽带家庭普及率'")),
    ("jinja-and-markdown-in-issuer", lambda p: p.edit(PLAN, "issuer: null", "issuer: '{{ 7*7 }} {% raw %} **粗** | x'")),
    ("script-in-member-position", lambda p: p.edit(PLAN, "position: 市经信委主任", f"position: '{SCRIPT}'")),
]


def _pages(project) -> dict[str, str]:
    code, lines, err = project.run("pages", str(project.published))
    assert code == 0, (lines, err)
    return {p.relative_to(project.published).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in project.published.rglob("*") if p.is_file()}


@pytest.mark.parametrize("kind, edit", MARKUP, ids=[m[0] for m in MARKUP])
def test_markup_in_a_text_field_is_published_as_text(project, kind, edit):
    edit(project)
    code, lines, _ = project.run("check")
    assert (code, lines) == (0, [])
    pages = _pages(project)
    for path, text in pages.items():
        if path.endswith(".md"):
            assert _live_markup(_html(text)) == [], path


class _Live(__import__("html.parser").parser.HTMLParser):
    """Collects what a browser would run or load: script/img/iframe elements, comments, event
    handler attributes and javascript:/data: URLs."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value}")

    def handle_comment(self, data):
        self.found.append(f"<!--{data}")


def _live_markup(html: str) -> list[str]:
    parser = _Live()
    parser.feed(html)
    return parser.found


def _html(markdown_text: str) -> str:
    """The page as MkDocs' Markdown (the extensions of mkdocs.yml that change HTML) renders it."""
    import markdown

    body = markdown_text.split("\n---\n", 1)[-1]
    return markdown.markdown(body, extensions=["tables", "attr_list", "md_in_html", "admonition",
                                               "pymdownx.details"])


FORMULAS = [
    ("csv-hyperlink-formula", "  - name: 示范企业", '  - name: \'=HYPERLINK("http://evil.example","示范企业")\'', "name"),
    ("csv-plus", "  - name: 示范企业", "  - name: '+1+cmd|x'", "name"),
    ("csv-minus-formula", "  - name: 示范企业", "  - name: '-2+3'", "name"),
    ("csv-at", "unit: 家", "unit: '@SUM(A1:A9)'", "unit"),
    ("csv-tab", "unit: 家\n        comparator: 达到", "unit: 家\n        comparator: 达到\n        qualifier: \"\\t=1+1\"", "qualifier"),
    ("csv-carriage-return", "unit: 家\n        comparator: 达到", "unit: 家\n        comparator: 达到\n        qualifier: \"\\r=1+1\"", "qualifier"),
]


@pytest.mark.parametrize("kind, old, new, column", FORMULAS, ids=[f[0] for f in FORMULAS])
def test_csv_cells_a_spreadsheet_would_run_get_a_leading_quote(project, kind, old, new, column):
    project.edit(PLAN, old, new)
    assert project.run("check")[0] == 0
    _pages(project)
    rows = list(csv.DictReader(io.StringIO((project.published / "data/targets.csv").read_text("utf-8-sig"))))
    cells = [row[column] for row in rows]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), cells
    assert any(c.startswith("'") for c in cells), cells
    # JSON keeps the text as written: it is the lossless form
    records = json.loads((project.published / "data/targets.json").read_text("utf-8"))
    assert any((r[column] or "").startswith(("=", "+", "-", "@", "\t", "\r")) for r in records)


def test_a_genuine_negative_figure_stays_a_number_in_csv_and_json(project):
    project.edit(PLAN, "value: 3000\n", "value: -5\n")
    assert project.run("check")[0] == 0
    _pages(project)
    rows = list(csv.DictReader(io.StringIO((project.published / "data/targets.csv").read_text("utf-8-sig"))))
    assert "-5" in [row["value"] for row in rows]
    records = json.loads((project.published / "data/targets.json").read_text("utf-8"))
    assert -5 in [r["value"] for r in records]


def _reject(constant: str):
    raise ValueError(f"not strict JSON: {constant}")


def test_every_json_export_is_strict_json(project):
    _pages(project)
    exports = sorted((project.published / "data").rglob("*.json"))
    assert len(exports) >= 8
    for path in exports:
        json.loads(path.read_text("utf-8"), parse_constant=_reject)


def test_a_non_finite_figure_can_never_reach_the_json_exports():
    from generator.render.exports import to_json

    with pytest.raises(ValueError):
        to_json([{"value": float("inf")}])
    with pytest.raises(ValueError):
        to_json([{"value": float("nan")}])


INVISIBLES = [
    ("bidi-override-in-annotation", "(市经信委、科技局负责)", "(市经信委、\u202e科技局负责)", "64:"),
    ("bidi-isolate-in-task-text", "建设众包平台", "建设\u2067众包平台", "53:"),
    ("rtl-mark-in-title", "济南市“互联网+”示范计划", "济南市“互联网+”\u200f示范计划", "3:"),
    ("zero-width-space-in-attachment", "召集人:张三", "召集人:\u200b张三", "79:"),
]


@pytest.mark.parametrize("kind, old, new, line", INVISIBLES, ids=[i[0] for i in INVISIBLES])
def test_invisible_controls_are_warned_about_and_shown_visibly(project, kind, old, new, line):
    project.edit_both(old, new)
    char = next(c for c in new if c in INVISIBLE)
    token = f"[U+{ord(char):04X}]"
    code, lines, err = project.run("check")
    assert code == 0, lines
    assert lines and lines[0].startswith(f"{PLAN}:{line}") and ": warning: " in lines[0], lines
    assert f"U+{ord(char):04X}" in lines[0] and "warning(s)" in err
    pages = _pages(project)
    plan_page = pages["plans/demo-2016.md"]
    assert token in plan_page
    for path, text in pages.items():
        if path.endswith(".md"):
            assert char not in text, path
    atlas = link(*_vocab_and_plans(project))
    docs = build_documents(atlas)
    assert any(token in d.text or token in d.title for d in docs)
    assert not any(char in d.text or char in d.title for d in docs)


def _vocab_and_plans(project):
    content = load_content(project.root)
    return content.vocab, content.plans


def test_a_reordering_control_in_the_source_only_changes_nothing_shown(project):
    project.write(SOURCE, project.read(SOURCE).replace("附件", "附\u202e件"))
    # the source changed, so the sha256 no longer matches: an error, at the sha256
    code, lines, _ = project.run("check")
    assert code == 1 and lines[0].startswith(f"{PLAN}:13:11")


KINDS = len(MARKUP) + len(FORMULAS) + len(INVISIBLES) + 3  # + negative figure, strict JSON, non-finite
