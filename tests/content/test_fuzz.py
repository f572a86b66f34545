"""Whatever a contributor writes, check reports problems; it never crashes (fuzzed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.load import read_content

from .conftest import PLAN, PROJECT, VALID

MODELINE = "# yaml-language-server: $schema=../../site_config/schema/plan.schema.json\n"


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, prefix + (i,))


PLAN_DATA = yaml.safe_load((VALID / PLAN).read_text(encoding="utf-8"))
PATHS = [p for p in _paths(PLAN_DATA) if p]
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5000), st.floats(allow_nan=False),
                   st.text(max_size=8), st.lists(st.text(max_size=3), max_size=2),
                   st.dictionaries(st.sampled_from(["id", "name", "text", "laed"]), st.text(max_size=3), max_size=2))


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """One copy of the fixture tree: each example rewrites only the plan file."""
    root = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(VALID, root)
    shutil.copytree(PROJECT / "site_config" / "schema", root / "site_config" / "schema")
    return root


def _assert_reported(root: Path):
    content, problems = read_content(root)
    for problem in problems:
        assert problem.loc.line >= 1 and problem.loc.col >= 1 and problem.message
    return problems


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(changes=st.lists(st.tuples(st.sampled_from(PATHS), VALUES), min_size=1, max_size=3))
def test_any_value_of_any_type_anywhere_is_reported_not_crashed(root, changes):
    import copy

    data = copy.deepcopy(PLAN_DATA)
    for path, value in changes:
        try:
            _set(data, path, value)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change replaced the container
    (root / PLAN).write_text(MODELINE + yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _assert_reported(root)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(cuts=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 6), st.text(max_size=3)), max_size=4))
def test_mutated_plan_text_is_reported_not_crashed(root, cuts):
    text = (VALID / PLAN).read_text(encoding="utf-8")
    for at, length, insert in cuts:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + length:]
    (root / PLAN).write_text(text, encoding="utf-8")
    _assert_reported(root)


def test_type_change_is_caught_by_the_fuzzer_setup(root):
    # The fuzz tests can only find crashes if their edits reach the loader: pin one that must fail.
    data = yaml.safe_load((VALID / PLAN).read_text(encoding="utf-8"))
    data["sections"][0]["targets"][0]["value"] = "65"
    (root / PLAN).write_text(MODELINE + yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert [p.message for p in _assert_reported(root)] == [
        "'value' must be a number, not a string ('65'): remove the quotes"]
