"""One folding module: the importer's rules, its vocabulary keys and search all fold with text.folding."""

from __future__ import annotations

from generator.importer import chrome, classify, provenance, targets
from generator.search import tokenize
from generator.text import dates
from generator.text.folding import fold, fold_key, fold_search, fold_width
from generator.text.verbatim import normalize


def test_each_kind_of_matching_has_one_folding():
    assert fold("２０１８年，發布日期 達到") == "2018年,发布日期 达到"  # same length, position for position
    assert len(fold("（２０１８）")) == len("（２０１８）")
    assert fold_width("２０１６年６月發布") == "2016年6月發布"  # width only, script as written
    assert fold_key("發展 改革Ａ") == "发展改革a"
    assert fold_search("Ｏ２Ｏ 遠程") == "o2o 遠程"  # script is folded by the t2s table after this


def test_the_importer_and_search_use_them():
    assert targets._fold is fold and classify._fold is fold_key and chrome._fold is normalize
    assert tokenize.fold is fold_search
    # the review page's span index compares exactly as the verbatim check does
    assert provenance.normalize is normalize
    assert dates.fold_width is fold_width
