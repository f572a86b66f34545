"""Query expansion (generator/search/synonyms.py): another name finds the passages written with the
plan's word, after the passages that use the word as typed."""

from __future__ import annotations

from helpers import make_atlas, plan, task

from generator.model import SynonymGroup, Vocabulary
from generator.search.bundle import build_bundle
from generator.search.synonyms import alternatives_table, expansion_groups, run_alternatives
from generator.text.verbatim import normalize


def passages_holding(bundle, words: str) -> set[int]:
    return {i for i, d in enumerate(bundle.documents)
            if d.kind == "task" and words in normalize(d.title + d.text)}


def test_an_abbreviation_finds_every_task_written_in_full(bundle, searcher):
    found = {h.ref for h in searcher.search("跨境电商")}
    written_in_full = passages_holding(bundle, "跨境电子商务")
    assert len(written_in_full) >= 5
    assert written_in_full <= found


def test_a_variant_finds_dongguans_remote_diagnosis_task(bundle, searcher):
    dongguan = {i for i in passages_holding(bundle, "远程诊疗") if bundle.documents[i].plan == "dongguan-2016"}
    assert dongguan and dongguan <= {h.ref for h in searcher.search("远程医疗")}


def test_passages_with_the_word_as_typed_rank_before_those_with_a_synonym(bundle, searcher):
    for q in ["远程医疗", "跨境电商", "手机支付"]:
        hits = searcher.search(q)
        exact = [k for k, h in enumerate(hits) if h.exact and h.whole]
        synonym = [k for k, h in enumerate(hits) if not h.exact]
        assert exact and synonym, q
        assert max(exact) < min(synonym), q
    # every passage that says 远程医疗 comes before the one that says only 远程诊疗
    ranked = [h.ref for h in searcher.search("远程医疗")]
    says = [ranked.index(r) for r in passages_holding(bundle, "远程医疗") if r in ranked]
    only_variant = [ranked.index(r) for r in passages_holding(bundle, "远程诊疗") - passages_holding(bundle, "远程医疗")]
    assert says and only_variant and max(says) < min(only_variant)


def test_results_of_a_query_without_synonyms_are_unchanged_by_expansion(atlas):
    plain = build_bundle(atlas)
    bare = type(plain)(**{**plain.__dict__, "synonyms": ()})
    for q in ["互联网金融", "12345热线", "经信委"]:
        assert plain.searcher().search(q) == bare.searcher().search(q), q


def test_a_synonym_match_is_highlighted_with_the_word_it_used(searcher):
    result = searcher.search_detail("跨境电商")
    assert "电子商务" in {s.span for s in result.alternatives}


def test_a_spelling_counts_only_where_the_word_put_in_occurs_whole():
    atlas = make_atlas(plan("alpha-2016", "alpha", (
        task("t1", "推广移动终端和在线支付。"),  # 移动 … 支付 apart: not 移动支付
        task("t2", "推广移动支付应用。"),
    )))
    vocab = Vocabulary(atlas.vocab.regions, atlas.vocab.domains, atlas.vocab.agency_types,
                       atlas.vocab.agencies, atlas.vocab.indicators,
                       synonyms=(SynonymGroup(("移动支付", "手机支付"), "near"),))
    b = build_bundle(type(atlas)(**{**atlas.__dict__, "vocab": vocab}))
    hits = b.searcher().search("手机支付")
    assert [b.documents[h.ref].url for h in hits] == ["plans/alpha-2016/#t2"]


def test_a_word_shared_by_two_vocabularies_joins_their_groups(atlas):
    groups = expansion_groups(atlas.vocab)
    by_word = {w: g for g in groups for w in g}
    assert by_word["电商"] == by_word["电子商务"]
    assert "远程诊疗" in by_word["远程医疗"]
    assert len(by_word) == sum(len(g) for g in groups)  # a word in one group only


def test_each_word_of_a_run_is_replaced_by_each_other_word_of_its_group():
    table = alternatives_table([("电子商务", "电商"), ("远程医疗", "远程诊疗", "远程会诊")])
    assert run_alternatives("跨境电商", table) == [("跨境电子商务", "电子商务")]
    assert run_alternatives("远程医疗电商", table) == [
        ("远程诊疗电商", "远程诊疗"), ("远程会诊电商", "远程会诊"), ("远程医疗电子商务", "电子商务")]
    assert run_alternatives("远程医疗", table, limit=1) == [("远程诊疗", "远程诊疗")]
    assert run_alternatives("物联网", table) == []
