"""One traditional → simplified table: the importer's folding and the browser's query folding agree.

The importer once folded with OpenCC's converter and search parsed OpenCC's files itself, adding the
Taiwan/Hong Kong variant tables; the two disagreed on 13 characters. Plan text is simplified
Chinese, so a character that simplified text itself uses (什么, 抬头, 显著) must never be rewritten,
while a regional variant of a traditional character (敍 for 敘, 衞 for 衛) folds like it.
"""

from __future__ import annotations

from generator.search import bundle
from generator.text.folding import fold
from generator.text.t2s import full_table, table_for, to_simplified

# characters of simplified text that the variant tables once rewrote (什么 → 什幺, 抬头 → 擡头, 显著 → 显着)
KEPT = "么抬著痺睪衹"
# regional variants of traditional characters, folded by both sides now
FOLDED = {"敍": "叙", "枱": "台", "潀": "潨", "簷": "檐", "粧": "妆", "糭": "粽", "衞": "卫"}


def test_simplified_characters_are_never_rewritten_by_the_importer_or_search():
    for ch in KEPT:
        assert fold(ch) == ch
        assert to_simplified(ch) == ch
        assert ch not in full_table()
    assert to_simplified("什么抬头显著") == fold("什么抬头显著") == "什么抬头显著"


def test_regional_variants_fold_alike_in_the_importer_and_search():
    for src, simplified in FOLDED.items():
        assert fold(src) == simplified
        assert to_simplified(src) == simplified


def test_the_importer_folds_every_character_of_the_table_as_the_browser_does():
    table = full_table()
    assert len(table) > 3000
    assert all(fold(src) == dst for src, dst in table.items())


def test_the_browser_gets_a_slice_of_the_same_table():
    small = table_for("远程卫")
    assert small == {k: v for k, v in full_table().items() if v in "远程卫"}
    assert small["衞"] == "卫" and small["衛"] == "卫" and "醫" not in small
    assert bundle.table_for is table_for  # what build_bundle ships
