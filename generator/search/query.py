"""The query algorithm, in Python: the reference that the browser's atlas-search-core.js mirrors.

1. Fold the query: NFKC, lower case, traditional → simplified character by character.
2. Cut it into runs (Han / other letters and digits; everything else separates).
3. Cut each Han run by forward maximum matching against the index's word vocabulary. What no word
   covers is cut again by forward maximum matching against the corpus itself (the longest piece
   that occurs in some document), so an unspaced query of words the index does not hold as words
   (济南 + 公共自行车) still splits where documents would. A lone character joins its neighbour
   (市 + 经信委 → 市经信委), so a query never asks for a single character it did not type alone.
4. Every segment is required: its span must occur in the document's haystack (title, agency names,
   text, headings above and region names; folded, whitespace removed). Matching the text itself
   finds a word inside a longer one (办公厅 in 国务院办公厅) exactly — character bigrams would only
   find the characters near each other — and costs no index bytes: the text ships for snippets.
5. Ranking = lunr + spans. lunr scores each segment's vocabulary words in the ``title``,
   ``agencies`` and ``context`` fields (``FIELD_BOOSTS``: title and agencies first). Each segment
   then adds ``SPAN_WEIGHTS`` for every part of the haystack it occurs in; in the text, weighted by
   how often it occurs there against the text's length (BM25's saturation, ``K1`` and ``B``), so
   body text counts, below title and agencies. An unspaced run that was cut into several segments
   adds ``PHRASE_WEIGHT`` where it occurs as typed. Ties keep document order.
6. Nothing found? The query is asked once more with its long segments cut shorter (``relax``:
   4G网络覆盖 → 4G + 网络 + 覆盖, for a text that says 4G网络全覆盖), and the UI says so.

Only + − × ÷ on floats, in the same order as the browser, so both sides compute the same numbers;
scores are rounded to 1e-6 before sorting all the same.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from lunr.query import Query

from .index import load_index, word_vocabulary
from .tokenize import fold, is_han, runs

FIELD_BOOSTS = {"title": 10.0, "agencies": 6.0, "context": 1.5}
# weight of a segment found in each haystack part, in haystack order
SPAN_WEIGHTS = {"title": 4.0, "agencies": 3.0, "text": 2.0, "context": 1.0}
TEXT_PART = 2  # position of the text in the haystack: the part scored by frequency
K1, B = 1.2, 0.75
PHRASE_WEIGHT = 2.0  # an unspaced run of several segments found as typed
MAX_WORD = 12  # longest vocabulary word the segmenter tries
SEP = "\u0001"  # between haystack parts: a span never matches across two of them
DOC_SEP = "\u0002"  # between documents in the corpus string the segmenter matches against


@dataclass(frozen=True)
class Segment:
    """One required part of a query: its span (folded) and the vocabulary words inside it."""

    span: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    ref: int
    score: float


@dataclass(frozen=True)
class SearchResult:
    """Hits for the segments that were searched; ``relaxed`` when the query as typed found nothing
    and its long segments were cut shorter (the UI says so)."""

    hits: tuple[Hit, ...]
    segments: tuple[Segment, ...]
    relaxed: bool


def corpus_split(text: str, occurs: Callable[[str], bool], longest: int = MAX_WORD) -> list[str]:
    """Forward maximum matching against the corpus: the longest prefix that ``occurs``, repeatedly."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        for length in range(min(longest, n - i), 1, -1):
            if occurs(text[i : i + length]):
                out.append(text[i : i + length])
                i += length
                break
        else:
            out.append(text[i])
            i += 1
    return out


def segment_han(run: str, vocab: frozenset[str] | set[str],
                occurs: Callable[[str], bool] | None = None, longest: int = MAX_WORD) -> list[Segment]:
    """Forward maximum matching of one Han run against ``vocab``, then the corpus (module docstring);
    pieces are at most ``longest`` characters."""
    pieces: list[tuple[str, bool]] = []  # (text, is_word)
    i, n = 0, len(run)
    while i < n:
        for length in range(min(longest, n - i), 1, -1):
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
    if occurs is not None:
        pieces = [
            (sub, False) if not is_word else (text, True)
            for text, is_word in pieces
            for sub in ([text] if is_word or len(text) < 2 else corpus_split(text, occurs, longest))
        ]
    out: list[Segment] = []
    carry = ""
    for k, (text, is_word) in enumerate(pieces):
        lone = len(text) == 1 and not is_word and len(pieces) > 1
        if lone and k + 1 < len(pieces):
            carry += text  # joins the next piece
            continue
        if lone and out:  # the last piece: joins the previous one
            prev = out.pop()
            out.append(Segment(prev.span + carry + text, prev.words))
        else:
            out.append(Segment(carry + text, (text,) if is_word else ()))
        carry = ""
    return out


def parse_runs(text: str, vocab: frozenset[str] | set[str], t2s: dict[str, str],
               occurs: Callable[[str], bool] | None = None) -> list[tuple[str, list[Segment]]]:
    """Each run of the folded query with its segments."""
    folded = "".join(t2s.get(c, c) for c in fold(text))
    return [
        (run, segment_han(run, vocab, occurs) if han else [Segment(run, (run,))])
        for run, han in runs(folded)
    ]


def parse_query(text: str, vocab: frozenset[str] | set[str], t2s: dict[str, str],
                occurs: Callable[[str], bool] | None = None) -> tuple[Segment, ...]:
    """The required segments of a query, in order, without repeats."""
    return tuple(dict.fromkeys(s for _, segs in parse_runs(text, vocab, t2s, occurs) for s in segs))


def relax(segments: tuple[Segment, ...], vocab: frozenset[str] | set[str],
          occurs: Callable[[str], bool]) -> tuple[Segment, ...]:
    """The query asked again with each Han segment of three or more characters cut into shorter
    pieces (网络覆盖 → 网络 + 覆盖): used only when the query as typed finds nothing."""
    out: list[Segment] = []
    for s in segments:
        if len(s.span) >= 3 and is_han(s.span[0]):
            out.extend(segment_han(s.span, vocab, occurs, len(s.span) - 1))
        else:
            out.append(s)
    return tuple(dict.fromkeys(out))


def haystack_parts(title: str, agencies: str, text: str, context: str) -> tuple[str, ...]:
    """Folded, whitespace-free parts in ``SPAN_WEIGHTS`` order."""
    return tuple("".join(fold(p).split()) for p in (title, agencies, text, context))


def js_length(s: str) -> int:
    """Length in UTF-16 code units, as JavaScript counts it."""
    return len(s.encode("utf-16-le")) // 2


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
        self.corpus = DOC_SEP.join(self.joined)
        total = 0
        for p in self.parts:
            total += js_length(p[TEXT_PART])
        self.avg_text = (total / len(self.parts)) if self.parts and total else 1.0
        self.t2s = t2s

    def _occurs(self, s: str) -> bool:
        return s in self.corpus

    def parse(self, text: str) -> tuple[Segment, ...]:
        return parse_query(text, self.vocab, self.t2s, self._occurs)

    def lunr_scores(self, segments: tuple[Segment, ...]) -> dict[int, float]:
        q = self.index.create_query()
        for seg in segments:
            for w in seg.words:
                for field, boost in FIELD_BOOSTS.items():
                    q.term(w, fields=[field], boost=boost, use_pipeline=False, wildcard=Query.WILDCARD_NONE)
        return {int(r["ref"]): r["score"] for r in self.index.query(q)} if q.clauses else {}

    def span_score(self, ref: int, segments: tuple[Segment, ...]) -> float:
        weights = list(SPAN_WEIGHTS.values())
        parts = self.parts[ref]
        text_len = js_length(parts[TEXT_PART])
        score = 0.0
        for s in segments:
            for p, part in enumerate(parts):
                if s.span not in part:
                    continue
                if p == TEXT_PART:
                    tf = part.count(s.span)
                    norm = K1 * (1 - B + B * text_len / self.avg_text)
                    score += weights[p] * (tf * (K1 + 1)) / (tf + norm)
                else:
                    score += weights[p]
        return score

    def rank(self, segments: tuple[Segment, ...], phrases: list[str]) -> list[Hit]:
        """Documents holding every segment, best first."""
        lunr_scores = self.lunr_scores(segments)
        hits: list[Hit] = []
        for ref, joined in enumerate(self.joined):
            if all(s.span in joined for s in segments):
                score = lunr_scores.get(ref, 0.0) + self.span_score(ref, segments)
                for phrase in phrases:
                    if phrase in joined:
                        score += PHRASE_WEIGHT
                hits.append(Hit(ref, round_score(score)))
        hits.sort(key=lambda h: (-h.score, h.ref))
        return hits

    def search_detail(self, text: str) -> SearchResult:
        occurs = self._occurs
        parsed = parse_runs(text, self.vocab, self.t2s, occurs)
        segments = tuple(dict.fromkeys(s for _, segs in parsed for s in segs))
        if not segments:
            return SearchResult((), (), False)
        # an unspaced run cut in several segments: documents holding it as typed rank higher
        phrases = [run for run, segs in parsed if len(segs) > 1]
        hits = self.rank(segments, phrases)
        if not hits:
            relaxed = relax(segments, self.vocab, occurs)
            if relaxed != segments:
                return SearchResult(tuple(self.rank(relaxed, phrases)), relaxed, True)
        return SearchResult(tuple(hits), segments, False)

    def search(self, text: str) -> list[Hit]:
        return list(self.search_detail(text).hits)
