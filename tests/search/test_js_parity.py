"""The browser's query algorithm (atlas-search-core.js under node) ranks exactly as query.py."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from scorer import load_queries

NODE_RUNNER = Path(__file__).with_name("node_search.js")

# beyond the judged set: spacing, punctuation, mixed scripts, lone characters, nothing to find
EXTRA = [
    "济南 远程医疗", "远程医疗济南", "市经信委", "网", "O2O", "o2o", "４Ｇ", "“互联网+”金融", "互联网+",
    "大数据,云计算", "聊城市人社局", "不存在的词语组合", "", "   ", "<img src=x onerror=alert(1)>",
    "2018年", "5000亿元", "𠀀远程",
    "网络覆盖管理体系", "服务平台互联网骨干企业",  # found only once relaxed
    "跨境电商 远程医疗", "电商电商", "智慧交通 济南", "o2o", "手机支付", "無線局域網", "双创示范",  # synonyms
    "t2-11-1", "东莞 t3-4-10", "2016-2018年", "京政发[2016]4号", "t9-99-9",  # identifiers
]


def node_results(node: str, assets: Path, queries: list[str], top: int = 10) -> list[dict]:
    out = subprocess.run(
        [node, str(NODE_RUNNER), str(assets), str(top)], input=json.dumps(queries),
        capture_output=True, text=True, timeout=300, check=True,
    )
    return json.loads(out.stdout)


def test_browser_search_ranks_every_query_exactly_as_python(node, assets_dir, searcher):
    queries = [q.query for q in load_queries()] + EXTRA
    js = node_results(node, assets_dir, queries, top=30)
    for q, got in zip(queries, js):
        want = [[h.ref, h.score] for h in searcher.search(q)[:30]]
        assert got["hits"] == want, q
        assert got["shards"] == searcher.shards_for(q), q


def test_browser_and_python_cut_queries_into_the_same_segments(node, assets_dir, searcher):
    queries = ["济南远程医疗", "聊城市经信委", "遠程醫療", "济南公共自行车", "网", "12345热线", "跨境电商"]
    js = node_results(node, assets_dir, queries)
    for q, got in zip(queries, js):
        assert got["segments"] == [[s.span, list(s.words)] for s in searcher.parse(q)], q
    assert js[0]["segments"] == [["济南", ["济南"]], ["远程医疗", ["远程医疗"]]]


def test_random_queries_rank_the_same_in_node_and_python(node, assets_dir, searcher, bundle):
    """Queries drawn from the corpus's own characters, traditional forms, digits and punctuation."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    corpus_chars = sorted({c for d in bundle.documents[:80] for c in d.title + d.text})
    alphabet = st.sampled_from(corpus_chars + list("遠醫經網絡 ,+“”O2o４Ｇ\u3000"))
    collected: list[str] = []

    @settings(max_examples=40, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(alphabet, min_size=1, max_size=8))
    def collect(q):
        collected.append(q)

    collect()
    js = node_results(node, assets_dir, collected, top=20)
    for q, got in zip(collected, js):
        assert got["hits"] == [[h.ref, h.score] for h in searcher.search(q)[:20]], q


def test_han_segments_cover_the_query_in_order(searcher):
    """Segmentation only decides where to cut: the spans put back together are the query's runs."""
    for q in ["济南远程医疗", "聊城市经信委", "网", "远程医疗济南市", "不存在的词语组合", "市市市"]:
        assert "".join(s.span for s in searcher.parse(q)) == q
