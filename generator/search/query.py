"""The query algorithm, in Python: the reference that the browser's atlas-search-core.js mirrors.

1. Fold the query: NFKC, lower case, traditional → simplified character by character.
2. Cut it into runs (Han / other letters and digits; everything else separates).
3. Cut each Han run by forward maximum matching against the index's word vocabulary; characters no
   word covers are grouped, and a lone one joins its neighbour (市 + 经信委 → 市经信委), so a query
   never asks for a single character it did not type alone.
4. Every segment is required: its span must occur in the document's haystack (title, text, agency
   names, headings above, region names; folded, whitespace removed). Matching the text itself finds
   a word inside a longer one (办公厅 in 国务院办公厅) exactly, where character bigrams would only
   find the characters near each other — and costs no index bytes (the text ships for snippets).
5. Ranking: each segment's vocabulary words query lunr's fields with ``FIELD_BOOSTS`` (title and
   agencies above body text); each segment adds ``SPAN_BONUS`` for the first place its span occurs
   (title, agencies, text, context). Ties keep document order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lunr.query import Query

from .index import load_index, word_vocabulary
from .tokenize import fold, runs

FIELD_BOOSTS = {"title": 10.0, "agencies": 6.0, "body": 3.0, "context": 1.5}
# haystack parts in order, and the bonus a segment earns for occurring in each (first hit counts)
SPAN_BONUS = {"title": 4.0, "agencies": 3.0, "text": 2.0, "context": 1.0}
MAX_WORD = 12  # longest vocabulary word the segmenter tries
SEP = "\u0001"  # between haystack parts: a span never matches across two of them


@dataclass(frozen=True)
class Segment:
    """One required part of a query: its span (folded) and the vocabulary words inside it."""

    span: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    ref: int
    score: float


def segment_han(run: str, vocab: frozenset[str] | set[str]) -> list[Segment]:
    """Forward maximum matching of one Han run against ``vocab`` (see the module docstring)."""
    pieces: list[tuple[str, bool]] = []  # (text, is_word)
    i, n = 0, len(run)
    while i < n:
        for length in range(min(MAX_WORD, n - i), 1, -1):
            w = run[i : i + length]
            if w in vocab:
                pieces.append((w, True))
                i += length
                break
        else:
            if pieces and not pieces[-1][1]:
                pieces[-1] = (pieces[-1][0] + run[i], False)
            else:
                pieces.append((run[i], False))
            i += 1
    out: list[Segment] = []
    carry = ""
    for k, (text, is_word) in enumerate(pieces):
        if len(text) == 1 and not is_word and len(pieces) > 1:
            if k + 1 < len(pieces):
                carry = text
            else:
                prev = out.pop()
                out.append(Segment(prev.span + text, prev.words))
            continue
        out.append(Segment(carry + text, (text,) if is_word else ()))
        carry = ""
    return out


def parse_query(text: str, vocab: frozenset[str] | set[str], t2s: dict[str, str]) -> tuple[Segment, ...]:
    """The required segments of a query, in order, without repeats."""
    folded = "".join(t2s.get(c, c) for c in fold(text))
    segs: list[Segment] = []
    for run, han in runs(folded):
        segs.extend(segment_han(run, vocab) if han else [Segment(run, (run,))])
    return tuple(dict.fromkeys(segs))


def haystack_parts(title: str, agencies: str, text: str, context: str) -> tuple[str, ...]:
    """Folded, whitespace-free parts in ``SPAN_BONUS`` order."""
    return tuple("".join(fold(p).split()) for p in (title, agencies, text, context))


def round_score(x: float) -> float:
    """Round to 1e-6 the way the browser does (Math.round), so float noise never reorders results."""
    return math.floor(x * 1e6 + 0.5) / 1e6


class SearchIndex:
    """A bundle loaded back, searchable from Python exactly as in the browser."""

    def __init__(self, serialized: dict, haystacks: list[tuple[str, str, str, str]], t2s: dict[str, str]):
        self.index = load_index(serialized)
        self.vocab = word_vocabulary(serialized)
        self.parts = [haystack_parts(*h) for h in haystacks]
        self.joined = [SEP.join(p) for p in self.parts]
        self.t2s = t2s

    def search(self, text: str) -> list[Hit]:
        segments = parse_query(text, self.vocab, self.t2s)
        if not segments:
            return []
        lunr_scores: dict[int, float] = {}
        q = self.index.create_query()
        for seg in segments:
            for w in seg.words:
                for field, boost in FIELD_BOOSTS.items():
                    q.term(w, fields=[field], boost=boost, use_pipeline=False, wildcard=Query.WILDCARD_NONE)
        if q.clauses:
            for r in self.index.query(q):
                lunr_scores[int(r["ref"])] = r["score"]
        bonuses = list(SPAN_BONUS.values())
        hits: list[Hit] = []
        for ref, joined in enumerate(self.joined):
            if not all(s.span in joined for s in segments):
                continue
            bonus = 0.0
            for s in segments:
                for part, b in zip(self.parts[ref], bonuses):
                    if s.span in part:
                        bonus += b
                        break
            hits.append(Hit(ref, round_score(lunr_scores.get(ref, 0.0) + bonus)))
        hits.sort(key=lambda h: (-h.score, h.ref))
        return hits
