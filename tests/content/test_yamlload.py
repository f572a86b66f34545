"""The YAML reader: YAML 1.2 core scalars, positions, and refusal of what content must not contain."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.yamlload import load_yaml


def load(tmp_path, text: str, raw: bytes | None = None):
    path = tmp_path / "f.yaml"
    path.write_bytes(raw if raw is not None else text.encode("utf-8"))
    return load_yaml(path, "f.yaml")


def test_plain_scalars_follow_yaml_12_core_not_11(tmp_path):
    doc, problems = load(tmp_path, "a: no\nb: on\nc: 010\nd: 2016-06-02\ne: 1.5\nf: -3\ng: true\nh: ~\ni:\nj: '7'\n")
    assert problems == []
    assert doc.data == {"a": "no", "b": "on", "c": "010", "d": "2016-06-02", "e": 1.5, "f": -3,
                        "g": True, "h": None, "i": None, "j": "7"}


def test_positions_of_keys_and_values_are_one_based(tmp_path):
    doc, _ = load(tmp_path, "# c\nlist:\n  - name: 济南\n    id: x\n")
    assert str(doc.loc(("list", 0, "id"))) == "f.yaml:4:9"
    assert str(doc.key_loc(("list", 0, "id"))) == "f.yaml:4:5"
    assert str(doc.loc(("list", 0, "missing"))) == "f.yaml:3:5"  # falls back to the enclosing value
    assert doc.first_line == "# c"


def test_second_document_is_an_error(tmp_path):
    doc, problems = load(tmp_path, "a: 1\n---\nb: 2\n")
    assert doc is None
    assert [str(p) for p in problems] == [
        "f.yaml:2:1: YAML syntax error: expected a single document in the stream "
        "(but found another document)"]


def test_file_that_is_not_utf8_names_the_byte(tmp_path):
    doc, problems = load(tmp_path, "", raw="a: 济南\nb: ".encode("utf-8") + "济南".encode("gbk"))
    assert doc is None
    assert [str(p) for p in problems] == ["f.yaml:2:4: file is not valid UTF-8 (byte 0xBC): it looks like GBK/GB18030: "
                                          "convert it, e.g. iconv -f GB18030 -t UTF-8"]


def test_control_character_is_a_syntax_error_with_position(tmp_path):
    doc, problems = load(tmp_path, "a: x\nb: y\x07\n")
    assert doc is None
    assert [str(p) for p in problems] == [
        "f.yaml:2:5: YAML syntax error: character U+0007 is not allowed in YAML: remove it"]


def test_empty_file_is_null_data(tmp_path):
    doc, problems = load(tmp_path, "# only a comment\n")
    assert (doc.data, problems) == (None, [])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab: -[]{}&*!|>'\"#\n\t,济?%@`") + ["!!python/object ", "<<: ", "\x07"]),
                max_size=40).map("".join))
def test_any_text_gives_data_or_problems_never_an_exception(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_text(text, encoding="utf-8")
    doc, problems = load_yaml(path, "f.yaml")
    assert doc is not None or problems
    for problem in problems:
        assert problem.loc.line >= 1 and problem.loc.col >= 1


def _files():
    from pathlib import Path

    project = Path(__file__).resolve().parents[2]
    return sorted([*project.glob("tests/fixtures/content/valid/**/*.yaml"),
                   *project.glob("site_config/*.yaml"), *project.glob("content/plans/*.yaml")])


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_libyaml_and_pure_python_parsers_give_the_same_data_and_positions(path):
    from generator.content import yamlload

    text = path.read_text(encoding="utf-8")
    fast, slow = yamlload._read(yamlload.CParser, text, "f"), yamlload._read(yamlload._PyParser, text, "f")
    assert fast[:2] == slow[:2]
    assert (fast[2].values, fast[2].keys, fast[2].problems) == (slow[2].values, slow[2].keys, slow[2].problems)


def test_deep_nesting_is_a_problem_not_a_crash(tmp_path):
    depth = 300  # libyaml's own composer overflows the C stack at depth ~50,000; we never recurse
    doc, problems = load(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    assert [str(p) for p in problems] == ["f.yaml:1:35: nested more than 32 levels deep"]
    assert doc.data == {"a": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[None]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}


def test_runaway_brackets_are_refused_before_parsing(tmp_path):
    depth = 100_000  # parsing this takes a minute (quadratic in nesting) and crashes libyaml's composer
    doc, problems = load(tmp_path, "a: 1\nb: " + "[" * depth + "]" * depth + "\n")
    assert doc is None
    assert [str(p) for p in problems] == [
        "f.yaml:2:1004: brackets nested more than 1000 levels deep: content files nest a few levels"]


def test_refused_values_are_null_and_keys_must_be_scalars(tmp_path):
    doc, problems = load(tmp_path, "a: !foo [1]\n? [k]\n: v\nb: 1\n")
    assert doc.data == {"a": None, "b": 1}
    assert [str(p) for p in problems] == [
        "f.yaml:1:4: YAML tag '!foo' is not allowed: content files hold plain data only",
        "f.yaml:2:3: a mapping key must be a plain name",
    ]


def test_anchor_is_reported_at_its_position(tmp_path):
    doc, problems = load(tmp_path, "a: &x 1\nb: 2\n")
    assert [str(p) for p in problems] == ["f.yaml:1:4: YAML anchors (&name) are not allowed: write the value out"]
