"""Score the search on the judged query set: recall@10 and MRR@10.

A passage (plan + verbatim quote) is relevant through every document of that plan whose title or
text contains the quote (after ``generator.text.verbatim.normalize``); it is found when one of them is in
the top 10. Per query, recall@10 = passages found / min(10, passages), MRR = 1 / rank of the first
relevant document in the top 10 (0 when none); both are averaged over queries. A quote that matches
no document is an error, not a miss: the query set must be fixed.

    .venv/bin/python tests/search/scorer.py      # per-query table and the totals
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.search.bundle import SearchBundle
from generator.search.documents import PASSAGE_KINDS
from generator.text.verbatim import normalize

QUERIES = Path(__file__).with_name("queries.yaml")
K = 10


@dataclass(frozen=True)
class Passage:
    plan: str
    quote: str


@dataclass(frozen=True)
class JudgedQuery:
    query: str
    about: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class QueryScore:
    query: str
    found: int
    total: int
    first_rank: int | None  # 1-based rank of the first relevant document in the top K

    @property
    def recall(self) -> float:
        return self.found / min(K, self.total)

    @property
    def reciprocal_rank(self) -> float:
        return 1 / self.first_rank if self.first_rank else 0.0


@dataclass(frozen=True)
class Score:
    queries: tuple[QueryScore, ...]

    @property
    def recall_at_10(self) -> float:
        return sum(q.recall for q in self.queries) / len(self.queries)

    @property
    def mrr(self) -> float:
        return sum(q.reciprocal_rank for q in self.queries) / len(self.queries)


def load_queries(path: Path = QUERIES) -> tuple[JudgedQuery, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        JudgedQuery(str(q["query"]), str(q.get("about", "")),
                    tuple(Passage(p["plan"], str(p["quote"])) for p in q["passages"]))
        for q in raw
    )


def relevant_refs(bundle: SearchBundle, passage: Passage) -> frozenset[int]:
    """Documents of the passage's plan whose title or text holds the quote."""
    quote = normalize(passage.quote).lower()
    refs = frozenset(
        i for i, d in enumerate(bundle.documents)
        if d.plan == passage.plan and d.kind in PASSAGE_KINDS
        and (quote in normalize(d.title).lower() or quote in normalize(d.text).lower())
    )
    if not refs:
        raise ValueError(f"{passage.plan}: quote {passage.quote!r} matches no search document")
    return refs


def passages_only(bundle: SearchBundle, refs: list[int]) -> list[int]:
    """The result list as the search box shows it: hub pages (agency, domain …) go to their own row."""
    return [r for r in refs if bundle.documents[r].kind in PASSAGE_KINDS]


def score(bundle: SearchBundle, queries: tuple[JudgedQuery, ...],
          ranked: Callable[[str], list[int]] | None = None) -> Score:
    """Score ``ranked`` (query → document refs, best first; default: the Python search)."""
    if ranked is None:
        searcher = bundle.searcher()

        def ranked(q: str) -> list[int]:
            return passages_only(bundle, [h.ref for h in searcher.search(q)])

    out = []
    for jq in queries:
        top = ranked(jq.query)[:K]
        rel = [relevant_refs(bundle, p) for p in jq.passages]
        found = sum(1 for refs in rel if refs & set(top))
        every = frozenset().union(*rel)
        first = next((i + 1 for i, r in enumerate(top) if r in every), None)
        out.append(QueryScore(jq.query, found, len(jq.passages), first))
    return Score(tuple(out))


def main() -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    from seed_atlas import seed_atlas

    from generator.search.bundle import build_bundle

    bundle = build_bundle(seed_atlas())
    result = score(bundle, load_queries())
    for q in result.queries:
        flag = "" if q.recall == 1 and q.first_rank == 1 else "  <--"
        print(f"{q.query:\u3000<12} recall {q.found}/{q.total}  first {q.first_rank}{flag}")
    print(f"queries {len(result.queries)}  recall@10 {result.recall_at_10:.3f}  MRR {result.mrr:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
