"""Every kind of broken content: ``check`` and ``pages`` exit 1, print the root cause first as
``path:line:col: message``, no traceback, and ``pages`` leaves the previously published folder
exactly as it was (no partial, no stale output, no temporary folder left next to it)."""

from __future__ import annotations

import os

import pytest

from .conftest import AGENCIES, DOMAINS, INDICATORS, PLAN, REGIONS, SOURCE, snapshot

BIG = 5 * 1024 * 1024


def nested(depth: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v: 1\n"


# (kind, how to break the valid tree, the first line's location, words the first message holds)
CASES = [
    # --- YAML syntax: the error where its cause is --------------------------------------------
    ("unclosed-double-quote", lambda p: p.edit(PLAN, "issuer: null", 'issuer: "省政府'),
     f"{PLAN}:5:9", "unclosed quote"),
    ("unclosed-quote-closed-later", lambda p: p.edit(PLAN, "issuer: null", 'issuer: "省政府\n'
                                                      'doc_number: "x"'), f"{PLAN}:5:9", "unclosed quote"),
    ("unclosed-single-quote", lambda p: p.edit(PLAN, "issuer: null", "issuer: '省政府"),
     f"{PLAN}:5:9", "unclosed quote"),
    ("unclosed-flow-list", lambda p: p.edit(PLAN, "domains: [manufacturing]\n            targets: []",
                                            "domains: [manufacturing\n            targets: []"),
     f"{PLAN}:58:22", "unclosed '['"),
    ("mapping-value-in-plain-scalar", lambda p: p.edit(PLAN, "issuer: null\n", "issuer: null: x\n"),
     f"{PLAN}:5:13", "mapping values"),
    ("tab-indentation", lambda p: p.edit(PLAN, "  file: demo-2016.txt", "\tfile: demo-2016.txt"),
     f"{PLAN}:11:1", "YAML syntax error"),
    ("second-document", lambda p: p.edit(PLAN, "published: null\n", "published: null\n---\nx: 1\n"),
     f"{PLAN}:9:1", "single document"),
    ("duplicate-key", lambda p: p.edit(PLAN, "published: null\n", "published: null\nissuer: x\n"),
     f"{PLAN}:9:1", "duplicate key 'issuer'"),
    ("bad-indentation", lambda p: p.edit(PLAN, "  url: null", "     url: null"), f"{PLAN}:12:9", "YAML syntax"),
    ("non-scalar-key", lambda p: p.edit(PLAN, "published: null\n", "published: null\n[a]: 1\n"),
     f"{PLAN}:9:1", "mapping key"),
    # --- YAML tags and aliases ---------------------------------------------------------------
    ("python-object-tag", lambda p: p.edit(PLAN, "issuer: null", "issuer: !!python/object/apply:os.system [id]"),
     f"{PLAN}:5:9", "tag"),
    ("custom-tag", lambda p: p.edit(PLAN, "issuer: null", "issuer: !include /etc/passwd"), f"{PLAN}:5:9", "tag"),
    ("anchor", lambda p: p.edit(PLAN, "issuer: null", "issuer: &a 省政府"), f"{PLAN}:5:9", "anchors"),
    ("alias-bomb", lambda p: p.edit(PLAN, "issuer: null\n", "issuer: null\nx: &a [1, 1]\ny: [*a, *a, *a]\n"),
     f"{PLAN}:6:4", "anchors"),
    ("binary-tag", lambda p: p.edit(PLAN, "issuer: null", "issuer: !!binary aGk="), f"{PLAN}:5:9", "tag"),
    # --- encodings ---------------------------------------------------------------------------
    ("utf16-bom", lambda p: p.write(PLAN, p.read(PLAN).encode("utf-16")), f"{PLAN}:1:1", "UTF-16"),
    ("utf16-no-bom", lambda p: p.write(PLAN, p.read(PLAN).encode("utf-16-le")), f"{PLAN}:1:1", "UTF-16"),
    ("gbk-plan", lambda p: p.write(PLAN, p.read(PLAN).encode("gbk")), f"{PLAN}:3:8", "GBK"),
    ("invalid-utf8-byte", lambda p: p.write(PLAN, p.read(PLAN).replace("issuer: null", "issuer: \udcff",)
                                            .encode("utf-8", "surrogateescape")), f"{PLAN}:5:9", "UTF-8"),
    ("control-character", lambda p: p.edit(PLAN, "issuer: null", "issuer: a\x07b"), f"{PLAN}:5:10", "U+0007"),
    ("gbk-vocabulary", lambda p: p.write(REGIONS, p.read(REGIONS).encode("gbk")), f"{REGIONS}:4:11", "GBK"),
    ("gbk-source", lambda p: p.write(SOURCE, p.read(SOURCE).encode("gbk")), f"{PLAN}:11:9", "GBK"),
    # --- sizes and nesting -------------------------------------------------------------------
    ("huge-plan-file", lambda p: p.edit(PLAN, "issuer: null", "issuer: " + "政" * (BIG // 3 + 10)),
     f"{PLAN}:1:1", "at most 4 MiB"),
    ("long-issuer", lambda p: p.edit(PLAN, "issuer: null", "issuer: " + "政" * 5000), f"{PLAN}:5:9", "at most 300"),
    ("long-title", lambda p: p.edit(PLAN, "    title: 总体目标", "    title: " + "标" * 1200), f"{PLAN}:22:12",
     "at most 1,000"),
    ("huge-source", lambda p: p.write(SOURCE, p.read(SOURCE) + "文" * (BIG // 3 + 10)), f"{PLAN}:11:9",
     "at most 4 MiB"),
    ("deep-nesting", lambda p: p.edit(PLAN, "published: null\n", "published: null\nx:\n" + "".join(
        "  " * (i + 1) + f"k{i}:\n" for i in range(40)) + "  " * 41 + "v: 1\n"), f"{PLAN}:", "nested more than"),
    ("bracket-bomb", lambda p: p.edit(PLAN, "issuer: null", "issuer: " + "[" * 1500 + "]" * 1500),
     f"{PLAN}:5:1009", "brackets nested"),
    ("giant-integer", lambda p: p.edit(PLAN, "value: 65\n", "value: " + "9" * 5000 + "\n"), f"{PLAN}:26:16",
     "between"),
    # --- numbers -----------------------------------------------------------------------------
    ("overflowing-float", lambda p: p.edit(PLAN, "value: 65\n", "value: 1e400\n"), f"{PLAN}:26:16", "infinity"),
    ("huge-float", lambda p: p.edit(PLAN, "value: 65\n", "value: 1e308\n"), f"{PLAN}:26:16", "at most 1000000000"),
    ("huge-negative", lambda p: p.edit(PLAN, "value: 65\n", "value: -1e12\n"), f"{PLAN}:26:16", "at least -1000000000"),
    ("nan-literal", lambda p: p.edit(PLAN, "value: 65\n", "value: .nan\n"), f"{PLAN}:26:16", "must be a number"),
    ("inf-literal", lambda p: p.edit(PLAN, "value: 65\n", "value: .inf\n"), f"{PLAN}:26:16", "must be a number"),
    ("year-out-of-range", lambda p: p.edit(PLAN, "year: 2018\n        quote: 固定", "year: 99999\n        quote: 固定"),
     f"{PLAN}:29:15", "at most 2100"),
    ("range-upside-down", lambda p: p.edit(PLAN, "value_max: 3", "value_max: 1"), f"{PLAN}:34:20", "below value"),
    # --- schema ------------------------------------------------------------------------------
    ("empty-plan-file", lambda p: p.write(PLAN, ""), f"{PLAN}:1:1", ""),
    ("plan-is-a-list", lambda p: p.write(PLAN, "- a\n- b\n"), f"{PLAN}:1:1", ""),
    ("missing-required-field", lambda p: p.edit(PLAN, "region: jinan\n", ""), f"{PLAN}:2:1", "'region'"),
    ("unknown-key", lambda p: p.edit(PLAN, "            lead: [", "            laed: ["), f"{PLAN}:55:13", "laed"),
    ("sections-is-a-string", lambda p: p.edit(PLAN, "attachments:\n", "attachments: x\nxx:\n"), f"{PLAN}:76:14",
     "must be a list"),
    ("impossible-date", lambda p: p.edit(PLAN, "signed: 2016-06-02", "signed: 2016-02-30"), f"{PLAN}:7:9", "invalid date"),
    ("period-backwards", lambda p: p.edit(PLAN, "{start: 2016, end: 2018}", "{start: 2018, end: 2016}"),
     f"{PLAN}:9:28", "before it starts"),
    ("id-not-file-name", lambda p: p.edit(PLAN, "id: demo-2016", "id: demo-2017"), f"{PLAN}:2:5", "file name"),
    ("file-name-not-slug", lambda p: os.rename(p.path(PLAN), p.path("content/plans/Demo_2016.yaml")),
     "content/plans/Demo_2016.yaml:1:1", ""),
    ("yml-extension", lambda p: os.rename(p.path(PLAN), p.path("content/plans/demo-2016.yml")),
     "content/plans/demo-2016.yml:1:1", ".yaml"),
    ("bad-sha256", lambda p: p.edit(PLAN, "sha256: 9ac9", "sha256: XYZ9"), f"{PLAN}:13:11", "hex"),
    ("changed-source", lambda p: p.write(SOURCE, p.read(SOURCE) + "\n补充。\n"), f"{PLAN}:13:11", "sha256"),
    ("wrong-modeline", lambda p: p.edit(PLAN, "# yaml-language-server", "# yaml-server"), f"{PLAN}:1:1", "first line"),
    # --- references --------------------------------------------------------------------------
    ("unknown-region", lambda p: p.edit(PLAN, "region: jinan", "region: jinnan"), f"{PLAN}:4:9", "did you mean 'jinan'"),
    ("unknown-agency", lambda p: p.edit(PLAN, "agency: jinan-kejiju}]", "agency: jinan-keji}]"), f"{PLAN}:56:48",
     "unknown agency"),
    ("unknown-domain", lambda p: p.edit(PLAN, "domains: [manufacturing]\n            targets: []",
                                        "domains: [tourism]\n            targets: []"), f"{PLAN}:58:23", "unknown domain"),
    ("unknown-indicator", lambda p: p.edit(PLAN, "indicator: fixed-broadband-household-penetration",
                                           "indicator: broadband"), f"{PLAN}:31:20", "unknown indicator"),
    ("region-parent-cycle", lambda p: p.edit(REGIONS, "parent: null", "parent: jinan"), f"{REGIONS}:6:13", "cycle"),
    ("region-own-parent", lambda p: p.edit(REGIONS, "parent: china\n    adcode: \"110000\"",
                                           "parent: beijing\n    adcode: \"110000\""), f"{REGIONS}:", "cycle"),
    ("broken-regions-first", lambda p: p.edit(REGIONS, "  - id: china", '  - id: "china'), f"{REGIONS}:3:9",
     "unclosed quote"),
    ("empty-indicators-first", lambda p: p.write(INDICATORS, ""), f"{INDICATORS}:1:1", ""),
    ("missing-vocabulary", lambda p: os.remove(p.path(DOMAINS)), f"{DOMAINS}:1:1", "missing"),
    ("agency-of-unrelated-region", lambda p: p.edit(PLAN, "[{name: 市经信委, agency: jinan-jingxinwei}]",
                                                    "[{name: 市经信委, agency: beijing-jingxinwei}]"),
     f"{PLAN}:55:41", "neither"),
    ("agency-not-in-annotation", lambda p: p.edit(PLAN, "cooperating: [{name: 市科技局", "cooperating: [{name: 张三"),
     f"{PLAN}:56:34", "not named"),
    ("duplicate-anchor", lambda p: p.edit(PLAN, "id: t2-1-2", "id: t2-1-1"), f"{PLAN}:60:17", "duplicate id"),
    ("duplicate-vocabulary-id", lambda p: p.edit(AGENCIES, "id: jinan-gov", "id: jinan-kejiju"), f"{AGENCIES}:13:9",
     "duplicate agency id"),
    # --- collisions and gaps -----------------------------------------------------------------
    ("plan-named-index", lambda p: (os.rename(p.path(PLAN), p.path("content/plans/index.yaml")),
                                    p.edit("content/plans/index.yaml", "id: demo-2016", "id: index")),
     "content/plans/index.yaml:1:1", "'index'"),
    ("vocabulary-id-index", lambda p: p.edit(DOMAINS, "id: broadband", "id: index"), f"{DOMAINS}:8:9", "'index'"),
    ("docs-page-collides", lambda p: p.write("docs/plans/demo-2016.md", "# mine\n"), "docs/plans/demo-2016.md:1:1",
     "collides"),
    ("docs-index-collides", lambda p: p.write("docs/regions/jinan/index.md", "# mine\n"),
     "docs/regions/jinan/index.md:1:1", "collides"),
    ("docs-asset-collides", lambda p: p.write("docs/data/plans.json", "[]"), "docs/data/plans.json:1:1", "collides"),
    ("no-plans", lambda p: os.remove(p.path(PLAN)), "content/plans:1:1", "no plans"),
    ("plans-folder-missing", lambda p: __import__("shutil").rmtree(p.path("content/plans")), "content/plans:1:1",
     "missing"),
    # --- verbatim and sources ----------------------------------------------------------------
    ("text-not-in-source", lambda p: p.edit(PLAN, "推广应用工业机器人3000台(套)。", "推广应用工业机器人5000台(套)。"),
     f"{PLAN}:63:19", "not found verbatim"),
    ("planted-bidi-not-in-source", lambda p: p.edit(PLAN, "(市经信委、科技局负责)", "(市经信委、\u202e科技局负责)"),
     f"{PLAN}:64:25", "not found verbatim"),
    ("source-missing", lambda p: os.remove(p.path(SOURCE)), f"{PLAN}:11:9", "missing"),
    ("source-path-traversal", lambda p: p.edit(PLAN, "file: demo-2016.txt", "file: ../../etc/passwd.txt"),
     f"{PLAN}:11:9", ""),
    ("source-symlink", lambda p: (os.remove(p.path(SOURCE)), os.symlink("/etc/hostname", p.path(SOURCE))),
     f"{PLAN}:11:9", "symbolic link"),
    ("plan-symlink", lambda p: (os.rename(p.path(PLAN), p.path("x.yaml")), os.symlink(p.path("x.yaml"), p.path(PLAN))),
     f"{PLAN}:1:1", "symbolic link"),
    # --- URLs --------------------------------------------------------------------------------
    ("javascript-url", lambda p: p.edit(PLAN, "url: null", "url: javascript:alert(1)"), f"{PLAN}:12:8", "http(s)"),
    ("data-url", lambda p: p.edit(PLAN, "url: null", "url: 'data:text/html,<script>alert(1)</script>'"),
     f"{PLAN}:12:8", "http(s)"),
    ("url-with-space", lambda p: p.edit(PLAN, "url: null", "url: 'https://a.example/ onmouseover=alert(1)'"),
     f"{PLAN}:12:8", "http(s)"),
]


@pytest.mark.parametrize("kind, mutate, where, words", CASES, ids=[c[0] for c in CASES])
def test_broken_content_fails_check_and_pages_with_the_root_cause_first(project, kind, mutate, where, words):
    mutate(project)
    code, lines, err = project.run("check")
    assert code == 1, (lines, err)
    assert lines and lines[0].startswith(where), lines[:3]
    assert words in lines[0], lines[0]
    assert "error(s)" in err
    before = snapshot(project.published)
    code, page_lines, err = project.run("pages", str(project.published))
    assert code == 1
    assert page_lines[0] == lines[0]
    assert "nothing written" in err
    assert snapshot(project.published) == before  # the previous pages, intact and not stale
    assert sorted(p.name for p in project.published.parent.iterdir()) == ["pages"]  # no temporary folder


def test_the_suite_covers_at_least_sixty_kinds():
    assert len({c[0] for c in CASES}) == len(CASES) >= 60


def test_broken_regions_gives_no_follow_on_errors_in_agencies_or_plans(project):
    project.edit(REGIONS, "  - id: china", '  - id: "china')
    code, lines, _ = project.run("check")
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{REGIONS}:3:9: YAML syntax error: unclosed quote")


def test_empty_indicators_gives_one_error_not_one_per_target(project):
    project.write(INDICATORS, "")
    code, lines, _ = project.run("check")
    assert code == 1
    assert all(line.startswith(INDICATORS) for line in lines), lines


def test_a_message_repeated_over_a_file_is_printed_once_with_its_lines():
    from generator.content.load import group_repeats
    from generator.errors import Problem
    from generator.model import Loc

    same = [Problem(Loc(PLAN, line, 5), "unknown indicator 'x'") for line in (10, 20, 30, 40, 50)]
    other = Problem(Loc(PLAN, 15, 1), "something else")
    assert [str(p) for p in group_repeats([same[0], other, *same[1:]])] == [
        f"{PLAN}:10:5: unknown indicator 'x' (and 4 more times in this file: line 20, 30, 40, 50)",
        f"{PLAN}:15:1: something else"]


def test_region_cycle_is_reported_once_with_its_chain(project):
    project.edit(REGIONS, "parent: null", "parent: jinan")
    code, lines, _ = project.run("check")
    assert code == 1
    assert lines == [f"{REGIONS}:6:13: region 'china': its parents form a cycle "
                     "(china → jinan → shandong → china): one of them must have another parent"]
