"""Each class of content error: `python -m generator check` prints it at the exact node, exits 1."""

from __future__ import annotations

import pytest

from .conftest import PLAN

AGENCIES = "site_config/agencies.yaml"
REGIONS = "site_config/regions.yaml"


def only(tree, capsys) -> str:
    code, lines = tree.check(capsys)
    assert code == 1
    assert len(lines) == 1, lines
    return lines[0]


def test_valid_fixture_passes_check(tree, capsys):
    code, lines = tree.check(capsys)
    assert (code, lines) == (0, [])


def test_yaml_syntax_error_is_reported_where_the_parser_stopped(tree, capsys):
    tree.edit(PLAN, "issuer: null\n", "issuer: null: x\n")
    assert only(tree, capsys) == (
        f"{PLAN}:5:13: YAML syntax error: mapping values are not allowed here")


def test_unknown_key_names_the_key_and_suggests_the_right_one(tree, capsys):
    tree.edit(PLAN, "            lead: [", "            laed: [")
    assert only(tree, capsys) == f"{PLAN}:55:13: unknown key 'laed' (did you mean 'lead'?)"


def test_missing_required_field_is_reported_on_its_mapping(tree, capsys):
    tree.edit(PLAN, "    title: 总体目标\n", "")
    assert only(tree, capsys) == (
        f"{PLAN}:20:5: missing required field 'title' (write 'title: null' if the source does not state it)")


def test_quoted_number_is_a_wrong_type_with_the_fix(tree, capsys):
    tree.edit(PLAN, "        year: 2018\n        quote: 固定", "        year: \"2018\"\n        quote: 固定")
    assert only(tree, capsys) == (
        f"{PLAN}:29:15: 'year' must be an integer or null, not a string ('2018'): remove the quotes")


def test_unquoted_task_number_is_a_wrong_type_not_silently_an_int(tree, capsys):
    tree.edit(PLAN, 'number: "1"', "number: 1")
    assert only(tree, capsys) == (
        f"{PLAN}:51:21: 'number' must be a string or null, not an integer (1): quote it, \"1\"")


def test_impossible_date_is_invalid(tree, capsys):
    tree.edit(PLAN, "signed: 2016-06-02", "signed: 2016-02-30")
    assert only(tree, capsys) == (
        f"{PLAN}:7:9: 'signed': invalid date '2016-02-30' (day is out of range for month)")


def test_date_in_another_shape_is_invalid(tree, capsys):
    tree.edit(PLAN, "signed: 2016-06-02", "signed: 2016-6-2")
    assert only(tree, capsys) == f"{PLAN}:7:9: 'signed': '2016-6-2' must be a date written YYYY-MM-DD"


def test_duplicate_task_id_points_at_the_second_one(tree, capsys):
    tree.edit(PLAN, "id: t2-1-2", "id: t2-1-1")
    assert only(tree, capsys) == (
        f"{PLAN}:60:17: duplicate id 't2-1-1' (task; first used at line 50): "
        "ids are anchors on the plan page and must be unique in the plan")


def test_section_and_task_ids_share_the_anchor_namespace(tree, capsys):
    tree.edit(PLAN, "id: t2-1-2", "id: s2-1")
    assert only(tree, capsys).startswith(f"{PLAN}:60:17: duplicate id 's2-1' (task; first used at line 45)")


def test_duplicate_vocabulary_id(tree, capsys):
    tree.edit(AGENCIES, "id: jinan-gov", "id: jinan-kejiju")
    assert only(tree, capsys) == f"{AGENCIES}:13:9: duplicate agency id 'jinan-kejiju' (first defined at line 8)"


def test_plan_id_must_equal_file_name(tree, capsys):
    tree.edit(PLAN, "id: demo-2016", "id: demo-2017")
    assert only(tree, capsys) == (
        f"{PLAN}:2:5: plan id 'demo-2017' must equal the file name 'demo-2016' "
        "(rename the file to demo-2017.yaml or change the id)")


def test_id_that_is_not_a_slug(tree, capsys):
    tree.edit(PLAN, "id: s2-1\n", "id: S2_1\n")
    assert only(tree, capsys) == (
        f"{PLAN}:45:13: 'id': 'S2_1' must be a slug of lowercase ASCII letters, digits and '-'")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("region: jinan", "region: jinnan", "4:9: unknown region 'jinnan' (did you mean 'jinan'?)"),
    ("agency: jinan-kejiju}]", "agency: jinan-keji}]",
     "56:48: unknown agency 'jinan-keji' (did you mean 'jinan-kejiju'?)"),
    ("domains: [manufacturing]\n            targets: []", "domains: [tourism]\n            targets: []",
     "58:23: unknown domain 'tourism': add it to site_config/domains.yaml or fix the id"),
    ("indicator: fixed-broadband-household-penetration", "indicator: broadband",
     "31:20: unknown indicator 'broadband': add it to site_config/indicators.yaml or fix the id"),
])
def test_reference_to_unknown_vocabulary_entry(tree, capsys, old, new, expected):
    tree.edit(PLAN, old, new)
    assert only(tree, capsys) == f"{PLAN}:{expected}"


def test_unknown_parent_region_and_agency_type_regions_first(tree, capsys):
    # regions.yaml is read before agencies.yaml uses it: its problems are printed first
    tree.edit(REGIONS, "parent: shandong", "parent: shangdong")
    tree.edit(AGENCIES, "type: science", "type: sci")
    code, lines = tree.check(capsys)
    assert code == 1
    assert lines == [
        f"{REGIONS}:18:13: region 'jinan': unknown parent region 'shangdong' (did you mean 'shandong'?)",
        f"{AGENCIES}:12:11: agency 'jinan-kejiju': unknown agency type 'sci' (did you mean 'science'?)",
    ]


def test_one_alias_naming_two_agencies_of_a_region_is_ambiguous(tree, capsys):
    tree.edit(AGENCIES, "aliases: []", "aliases: [市科技局]")
    assert only(tree, capsys) == (
        f"{AGENCIES}:16:15: agency 'jinan-gov': name '市科技局' already names agency 'jinan-kejiju' "
        "of region 'jinan' (line 8): a name must resolve to one agency")


def test_missing_source_file(tree, capsys):
    (tree.root / "content/sources/demo-2016.txt").unlink()
    assert only(tree, capsys) == (
        f"{PLAN}:11:9: source file missing: content/sources/demo-2016.txt (copy the plan's text there, verbatim)")


def test_source_file_must_not_leave_the_sources_folder(tree, capsys):
    tree.edit(PLAN, "file: demo-2016.txt", "file: ../plans/demo-2016.txt")
    code, lines = tree.check(capsys)
    assert code == 1
    assert lines == [
        f"{PLAN}:11:9: 'file': '../plans/demo-2016.txt' must be a file name in content/sources/ ending in .txt, "
        "without directories",
        f"{PLAN}:11:9: source file '../plans/demo-2016.txt' must be a plain file name in content/sources/",
    ]


def test_source_sha256_mismatch(tree, capsys):
    source = tree.root / "content/sources/demo-2016.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n扫描二维码\n", encoding="utf-8")
    line = only(tree, capsys)
    assert line.startswith(f"{PLAN}:13:11: sha256 does not match content/sources/demo-2016.txt (its sha256 is ")
    assert line.endswith("): the source changed, or this is the wrong hash")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("建设众包平台 | 每年", "建设众包平台 | 每月",
     "53:19: task text not found verbatim in content/sources/demo-2016.txt: it matches up to "
     "'…键技术,建设众包平台|每', then has '月{{评选}}一' where the source differs"),
    ("quote: 示范企业2-3家", "quote: 示范企业2至3家",
     "38:16: target quote not found verbatim in content/sources/demo-2016.txt: it matches up to "
     "'示范企业2', then has '至3家' where the source differs"),
    ("title: 推广网络众包研发模式", "title: 推广网络众筹研发模式",
     "52:20: task title not found verbatim in content/sources/demo-2016.txt: it matches up to "
     "'推广网络众', then has '筹研发模式' where the source differs"),
    ("annotation: (市经信委、科技局负责)", "annotation: (市经信委、市科技局负责)",
     "64:25: task annotation not found verbatim in content/sources/demo-2016.txt: it matches up to "
     "'(市经信委、', then has '市科技局负责)' where the source differs"),
    ("title: 总体目标", "title: 总目标",
     "22:12: section title not found verbatim in content/sources/demo-2016.txt: it matches up to "
     "'总', then has '目标' where the source differs"),
])
def test_text_not_verbatim_in_source_says_where_it_departs(tree, capsys, old, new, expected):
    tree.edit(PLAN, old, new)
    assert only(tree, capsys) == f"{PLAN}:{expected}"


def test_full_width_and_whitespace_differences_are_still_verbatim(tree, capsys):
    # normalize() folds NFKC and drops whitespace on both sides (content/README.md)
    tree.edit(PLAN, "text: 推广应用工业机器人3000台(套)。", "text: 推广应用工业机器人 ３０００ 台（套）。")
    code, lines = tree.check(capsys)
    assert (code, lines) == (0, [])


def test_preamble_not_in_source(tree, capsys):
    tree.edit(PLAN, "preamble: 为贯彻落实", "preamble: 为落实")
    assert only(tree, capsys).startswith(f"{PLAN}:18:11: preamble not found verbatim in content/sources/")


def test_missing_editor_modeline(tree, capsys):
    tree.edit(REGIONS, "# yaml-language-server: $schema=schema/regions.schema.json\n", "")
    assert only(tree, capsys) == (
        f"{REGIONS}:1:1: first line must be '# yaml-language-server: $schema=schema/regions.schema.json' "
        "(so editors validate this file)")


def test_missing_vocabulary_file(tree, capsys):
    (tree.root / "site_config/indicators.yaml").unlink()
    code, lines = tree.check(capsys)
    assert code == 1
    # references into the missing file are not reported one by one: the cause is
    assert lines == ["site_config/indicators.yaml:1:1: vocabulary file missing: site_config/indicators.yaml"]


def test_unreadable_vocabulary_does_not_bury_its_error_under_unknown_references(tree, capsys):
    tree.edit(AGENCIES, "    type: science\n", "    type: science\n  bad: [\n")
    code, lines = tree.check(capsys)
    assert code == 1
    assert lines == [f"{AGENCIES}:13:3: YAML syntax error: expected <block end>, but found '?' "
                     "(while parsing a block collection)"]


def test_yaml_tags_are_refused(tree, capsys):
    tree.edit(PLAN, "issuer: null", "issuer: !!python/object/apply:os.system [echo]")
    assert only(tree, capsys) == (
        f"{PLAN}:5:9: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed: "
        "content files hold plain data only")


def test_yaml_anchors_and_aliases_are_refused(tree, capsys):
    tree.edit(PLAN, "issuer: null", "issuer: &who 山东")
    tree.edit(PLAN, "doc_number: null", "doc_number: *who")
    code, lines = tree.check(capsys)
    assert code == 1
    assert lines[:2] == [
        f"{PLAN}:5:9: YAML anchors (&name) are not allowed: write the value out",
        f"{PLAN}:6:13: YAML aliases (*name) are not allowed: write the value out",
    ]


def test_duplicate_key_is_an_error_not_last_one_wins(tree, capsys):
    tree.edit(PLAN, "published: null\n", "published: null\nsigned: 2016-06-03\n")
    assert only(tree, capsys) == f"{PLAN}:9:1: duplicate key 'signed' (first given at line 7): remove one"


def test_yaml_11_words_stay_strings(tree, capsys):
    # In YAML 1.1 'no' is False and would pass as "wrong type"; here it is the string 'no'.
    tree.edit(PLAN, "issuer: null", "issuer: no")
    code, lines = tree.check(capsys)
    assert (code, lines) == (0, [])


def test_every_error_of_a_file_is_reported_in_one_run(tree, capsys):
    tree.edit(PLAN, "id: demo-2016", "id: demo-2017")
    tree.edit(PLAN, "            lead: [", "            laed: [")
    tree.edit(PLAN, "signed: 2016-06-02", "signed: 2016-02-30")
    tree.edit(PLAN, "quote: 示范企业2-3家", "quote: 示范企业两到三家")
    tree.edit(AGENCIES, "id: jinan-gov", "id: jinan-kejiju")
    code, lines = tree.check(capsys)
    assert code == 1
    # the vocabulary first: plans depend on it
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{AGENCIES}:13:9", f"{PLAN}:2:5", f"{PLAN}:7:9", f"{PLAN}:38:16", f"{PLAN}:55:13",
    ]


def test_github_format_prints_annotations(tree, capsys):
    tree.edit(PLAN, "id: demo-2016", "id: demo-2017")
    code, lines = tree.check(capsys, "--format", "github")
    assert code == 1
    assert lines == [f"::error file={PLAN},line=2,col=5::plan id 'demo-2017' must equal the file name "
                     "'demo-2016' (rename the file to demo-2017.yaml or change the id)"]


def test_agency_not_named_in_the_task_annotation_is_on_the_wrong_task(tree, capsys):
    tree.edit(PLAN, "cooperating: [{name: 市科技局, agency: jinan-kejiju}]",
              "cooperating: [{name: 张三, agency: jinan-kejiju}]")
    assert only(tree, capsys) == (
        f"{PLAN}:56:34: agency '张三' is not named in the task's annotation '(牵头单位:市经信委,配合单位:市科技局)': "
        "is it on the right task?")


def test_agencies_without_an_annotation(tree, capsys):
    tree.edit(PLAN, "            annotation: (市经信委、科技局负责)\n", "")
    code, lines = tree.check(capsys)
    assert code == 1
    assert lines == [
        f"{PLAN}:65:24: agency '市经信委' is given but the task has no annotation: "
        "add the verbatim annotation that names it",
        f"{PLAN}:66:24: agency '科技局' is given but the task has no annotation: "
        "add the verbatim annotation that names it",
    ]


def test_agency_of_an_unrelated_region(tree, capsys):
    tree.edit(PLAN, "lead: [{name: 市经信委, agency: jinan-jingxinwei}]",
              "lead: [{name: 市经信委, agency: beijing-jingxinwei}]")
    assert only(tree, capsys) == (
        f"{PLAN}:55:41: agency 'beijing-jingxinwei' belongs to region 'beijing', which is neither the plan's "
        "region 'jinan' nor above or below it: pick that region's agency")


def test_plan_file_name_that_is_not_a_slug(tree, capsys):
    plans = tree.root / "content/plans"
    (plans / "demo-2016.yaml").rename(plans / "Demo_2016.yaml")
    tree.edit("content/plans/Demo_2016.yaml", "id: demo-2016", "id: Demo_2016")
    code, lines = tree.check(capsys)
    assert code == 1
    assert lines == [
        "content/plans/Demo_2016.yaml:1:1: file name 'Demo_2016' must be a slug of lowercase ASCII letters, "
        "digits and '-' (it is the plan's URL)",
        "content/plans/Demo_2016.yaml:2:5: 'id': 'Demo_2016' must be a slug of lowercase ASCII letters, digits and '-'",
    ]


def test_plan_file_with_yml_extension_is_not_silently_ignored(tree, capsys):
    (tree.root / "content/plans/other-2017.yml").write_text("id: other-2017\n", encoding="utf-8")
    assert only(tree, capsys) == "content/plans/other-2017.yml:1:1: plan files end in .yaml: rename it to other-2017.yaml"


def test_missing_schema_is_reported_once(tree, capsys):
    (tree.root / "site_config/schema/plan.schema.json").unlink()
    assert only(tree, capsys) == "site_config/schema/plan.schema.json:1:1: schema file missing: site_config/schema/plan.schema.json"


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("value_max: 3", "value_max: 1", "34:20: value_max (1) is below value (2)"),
    ("period: {start: 2016, end: 2018}", "period: {start: 2016, end: 2015}", "9:28: period ends (2015) before it starts (2016)"),
    ("published: null", "published: 2016-06-01", "8:12: published 2016-06-01 is before signed 2016-06-02: check both dates"),
    ("  - doc_number: 国发〔2015〕40号\n    title: 国务院关于积极推进“互联网+”行动的指导意见",
     "  - doc_number: null\n    title: null", "16:5: a citation needs a doc_number or a title (or both)"),
])
def test_values_that_contradict_each_other(tree, capsys, old, new, expected):
    tree.edit(PLAN, old, new)
    assert only(tree, capsys) == f"{PLAN}:{expected}"


def test_github_format_escapes_percent_signs_in_messages(tree, capsys):
    tree.edit(PLAN, "quote: 固定宽带家庭普及率达到65%", "quote: 固定宽带家庭普及率达到60%")
    code, lines = tree.check(capsys, "--format", "github")
    assert code == 1
    assert lines == [f"::error file={PLAN},line=30,col=16::target quote not found verbatim in "
                     "content/sources/demo-2016.txt: it matches up to '固定宽带家庭普及率达到6', then has '0%25' "
                     "where the source differs"]


def test_symlinked_source_is_refused(tree, capsys, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    source = tree.root / "content/sources/demo-2016.txt"
    source.unlink()
    source.symlink_to(outside)
    assert only(tree, capsys) == (
        f"{PLAN}:11:9: source file content/sources/demo-2016.txt must be a regular file, not a symbolic link")


def test_symlinked_plan_file_is_refused(tree, capsys):
    plans = tree.root / "content/plans"
    (plans / "demo-2016.yaml").rename(tree.root / "elsewhere.yaml")
    (plans / "demo-2016.yaml").symlink_to(tree.root / "elsewhere.yaml")
    assert only(tree, capsys) == f"{PLAN}:1:1: must be a regular file, not a symbolic link"


SYNONYMS = "site_config/synonyms.yaml"


def test_a_synonym_in_two_groups_is_reported_where_it_repeats(tree, capsys):
    tree.edit(SYNONYMS, "[远程医疗, 远程诊疗]", "[远程医疗, 電商]")
    assert only(tree, capsys) == (
        f"{SYNONYMS}:5:19: synonym '電商' is already in the group at line 3: a word belongs to one group")


def test_a_synonym_that_a_query_cannot_hold_in_one_run_is_reported_on_the_word(tree, capsys):
    tree.edit(SYNONYMS, "[电子商务, 电商]", "[电子商务, 互联网+商务]")
    line = only(tree, capsys)
    assert line.startswith(f"{SYNONYMS}:3:19: ") and "no spaces, '+' or '-'" in line


def test_a_synonym_group_without_its_kind_is_reported_on_the_group(tree, capsys):
    tree.edit(SYNONYMS, "    kind: same\n", "")
    assert only(tree, capsys) == f"{SYNONYMS}:3:5: missing required field 'kind'"
