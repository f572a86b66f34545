"""Every target of the five seed sources, listed by hand (data/seed_targets_hand.yaml), against what
the importer extracts from the whole source with the project's vocabulary: each hand-listed target
is found (by its figure and an overlapping quote) with its value, unit, qualifier, year and the
indicator a researcher compares it under; and nothing is extracted that the hand list does not
have. The committed plan files say the same (tests/importer/test_seeds.py compares them)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from generator.content.vocab import load_vocabulary
from generator.importer.pipeline import import_text
from generator.text.comparators import COMPARATORS
from generator.text.verbatim import normalize

ROOT = Path(__file__).resolve().parents[2]
HAND = yaml.safe_load((Path(__file__).parent / "data" / "seed_targets_hand.yaml").read_text(encoding="utf-8"))
SEEDS = sorted(HAND)


PERIOD_END: dict[str, int | None] = {}


@cache
def extracted(seed: str):
    vocab = load_vocabulary(ROOT / "site_config")
    text = (ROOT / "content" / "sources" / f"{seed}.txt").read_text(encoding="utf-8")
    plan = import_text(text, plan_id=seed, source_file=f"{seed}.txt", vocab=vocab).plan
    PERIOD_END[seed] = plan.period.end if plan.period else None
    out = []
    for section in plan.iter_sections():
        out += list(section.targets)
        for task in section.tasks:
            out += list(task.targets)
    return tuple(out)


def _overlap(a: str, b: str) -> bool:
    a, b = normalize(a), normalize(b)
    return a in b or b in a


def find(seed: str, want: dict):
    for t in extracted(seed):
        if t.value == want["value"] and _overlap(t.quote, want["quote"]):
            return t
    return None


CASES = [(seed, i, want) for seed in SEEDS for i, want in enumerate(HAND[seed])]


@pytest.mark.parametrize("seed, i, want", CASES, ids=[f"{s}:{w['quote'][:14]}" for s, _, w in CASES])
def test_every_hand_listed_target_is_extracted_with_qualifier_year_and_indicator(seed, i, want):
    got = find(seed, want)
    assert got is not None, f"not extracted: {want['quote']}"
    # The hand list leaves the year null where no 到YYYY年 governs a task's sentence; the project's
    # rule (model.Target) is then the plan's period end (2016-2018年 → 2018), else null.
    year = want["year"] if want["year"] is not None else PERIOD_END[seed]
    assert (got.value_max, got.unit or None, got.year, got.indicator) == (
        want.get("value_max"), want["unit"], year, want["indicator"])
    qualifiers = got.qualifier.split("、") if got.qualifier else []
    if want["qualifier"] is None:
        assert qualifiers == [], got
    else:
        assert want["qualifier"] in qualifiers, got
    assert got.comparator in COMPARATORS


@pytest.mark.parametrize("seed", SEEDS)
def test_nothing_is_extracted_that_the_hand_list_does_not_have(seed):
    extra = [t.quote for t in extracted(seed)
             if not any(t.value == w["value"] and _overlap(t.quote, w["quote"]) for w in HAND[seed])]
    assert extra == []


def test_the_hand_list_quotes_are_verbatim_from_the_sources():
    for seed in SEEDS:
        text = normalize((ROOT / "content" / "sources" / f"{seed}.txt").read_text(encoding="utf-8"))
        assert [w["quote"] for w in HAND[seed] if normalize(w["quote"]) not in text] == []
