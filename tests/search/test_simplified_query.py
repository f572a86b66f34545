"""A simplified word is searched as typed: the t2s table no longer rewrites 著 (显著 → 显着)."""

from __future__ import annotations


def test_a_simplified_word_the_variant_tables_rewrote_finds_its_passages(searcher):
    hits = searcher.search("显著")
    assert len(hits) >= 5  # the five seed plans write 显著 twelve times
    assert searcher.search("顯著") == hits  # the traditional spelling folds to it
