"""The project's own content (the five seed plans and the vocabularies) passes check: `make check` is clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.load import read_content
from generator.text.verbatim import normalize

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = ("beijing-2016", "dongguan-2016", "jinan-2016", "liaocheng-2017", "shandong-2016")


@pytest.fixture(scope="module")
def loaded():
    return read_content(PROJECT)


def test_project_content_has_no_problems(loaded):
    _, problems = loaded
    assert [str(p) for p in problems] == []


def test_the_five_seed_plans_are_loaded(loaded):
    content, _ = loaded
    assert sorted(content.plans) == list(SEEDS)


def test_every_task_text_of_the_seeds_is_verbatim_in_its_source(loaded):
    # The loader's check, restated directly on the model so that the guarantee does not rest on it alone.
    content, _ = loaded
    for plan in content.plans.values():
        source = normalize((PROJECT / "content/sources" / plan.source.file).read_text(encoding="utf-8"))
        for task in plan.iter_tasks():
            assert normalize(task.text) in source, (plan.id, task.id)
            for target in task.targets:
                assert normalize(target.quote) in source, (plan.id, task.id, target.quote)
