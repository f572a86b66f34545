"""One bracket scanner (text/brackets.py): every bracket form, full- and half-width, counted alike."""

from __future__ import annotations

import pytest

from generator.importer import annotations, pipeline, scoring, structure
from generator.text import brackets
from generator.text.brackets import (CLOSING, OPENING, balanced, cut_top_level, depth_at, matching_close,
                                     split_top_level, strip_brackets, unwrap)
from generator.text.folding import fold


def test_every_form_folds_onto_a_listed_form_so_raw_and_folded_text_scan_alike():
    assert len(OPENING) == len(CLOSING)
    for o, c in zip(OPENING, CLOSING):
        assert fold(o) in OPENING and fold(c) in CLOSING
        assert OPENING.index(fold(o)) == CLOSING.index(fold(c))  # a pair folds onto a pair


def test_split_at_top_level_only():
    assert split_top_level("市发改委、各县(市、区)政府、市经信委", "、") == ["市发改委", "各县(市、区)政府", "市经信委"]
    assert split_top_level("甲、乙〔丙、丁〕", "、") == ["甲", "乙〔丙、丁〕"]
    assert split_top_level("甲、乙﹝丙、丁﹞", "、") == ["甲", "乙﹝丙、丁﹞"]
    assert split_top_level("甲、《乙、丙》", "、") == ["甲", "《乙", "丙》"]  # book-title marks are not brackets


def test_mixed_widths_close_each_other_and_a_stray_closer_is_ignored():
    assert matching_close("(市经信委牵头）。", 0) == 7
    assert matching_close("(各县(市)区政府)", 0) == 9
    assert matching_close("(市经信委牵头\n配合)", 0) is None  # not on its line
    assert matching_close("(" + "甲" * 10 + ")", 0, limit=5) is None
    assert depth_at("甲)乙(丙", 5) == 1 and depth_at("(甲[乙]", 6) == 1
    assert split_top_level("甲)、乙", "、") == ["甲)", "乙"]


def test_balanced_means_every_bracket_closed_and_no_closer_stray():
    assert balanced("建设平台(一期）") and balanced("甲〔2016〕乙") and balanced("无括号")
    assert not balanced("建设平台［一期") and not balanced("主要目标)") and not balanced(")甲(")


def test_cut_top_level_hands_the_piece_so_far_to_the_rule():
    # cut at 、 only after a piece ending in 牵头 (annotations' clause rule)
    spans = cut_top_level("市发改委牵头、市经信委、市科技局配合", lambda t, b, i: t[i] == "、" and t[b:i].endswith("牵头"))
    assert spans == [(0, 6), (7, 18)]


def test_unwrap_and_strip():
    assert unwrap("（市经信委负责）") == "市经信委负责"
    assert unwrap("［市经信委负责") == "市经信委负责"
    assert unwrap("市经信委负责)") == "市经信委负责)"
    assert strip_brackets("((【市经信委】") == "市经信委" and strip_brackets("(") == "("


@pytest.mark.parametrize("module", [annotations, pipeline, scoring, structure])
def test_the_importer_scans_brackets_with_this_module_only(module):
    source = open(module.__file__, encoding="utf-8").read()
    assert "brackets" in source
    for name in ("_OPEN", "_CLOSE", "_ANY_OPEN", "def _depth_at", "def _split_depth0", "def _matching_close"):
        assert name not in source, (module.__name__, name)
    assert brackets.OPENING not in source  # the forms are listed once
