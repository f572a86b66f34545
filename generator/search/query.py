"""The query algorithm, in Python: the reference that the browser's atlas-search-core.js mirrors.

1. Fold the query: NFKC, lower case, traditional → simplified character by character.
2. Cut it into runs (Han / other letters and digits; everything else separates).
3. Cut each Han run by forward maximum matching against the index's word vocabulary. What no word
   covers is cut again by forward maximum matching against the corpus itself (the longest piece
   that occurs in some document), so an unspaced query of words the index does not hold as words
   (济南 + 公共自行车) still splits where documents would. A lone character joins its neighbour
   (市 + 经信委 → 市经信委), so a query never asks for a single character it did not type alone.
4. Every segment is required: its span must occur in the document's haystack (title, agency names,
   text, headings above and region names; folded, whitespace removed), as the bigram postings tell
   it (``SearchIndex.span_docs``: every bigram of the span in one part, at offsets that can follow
   one another modulo ``shards.POSITIONS``). So a word inside a longer one is found (办公厅 in
   国务院办公厅) without shipping any document text to the browser before results are shown.
5. Ranking = lunr + spans. lunr's score of each segment's vocabulary words in the ``title``,
   ``agencies`` and ``context`` fields, recomputed from the word postings (``lunr_scores``). Each
   segment then adds ``SPAN_WEIGHTS`` for every part of the haystack it occurs in; in the text,
   weighted by how often it occurs there against the text's length (BM25's saturation, stored per
   posting by ``shards``), so body text counts, below title and agencies. An unspaced run that was
   cut into several segments adds ``PHRASE_WEIGHT`` where it occurs as typed. Ties keep document
   order.
7. Loading: the posting shards a query needs follow from its text (``query_keys``); ``search``
   loads them first (``ensure``), as the browser does before it searches.
6. Nothing found? The query is asked once more with its long segments cut shorter (``relax``:
   4G网络覆盖 → 4G + 网络 + 覆盖, for a text that says 4G网络全覆盖), and the UI says so.

Only + − × ÷ on floats, in the same order as the browser, so both sides compute the same numbers;
scores are rounded to 1e-6 before sorting all the same.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .shards import DOMAIN_PREFIX, POSITIONS, TEXT_BIT, key_shard
from .synonyms import MAX_ALTERNATIVES, SYNONYM_WEIGHT, alternatives_table, run_alternatives
from .tokenize import ID_TOKEN, fold, is_han, runs

# weight of a segment found in each haystack part, in haystack order
SPAN_WEIGHTS = {"title": 4.0, "agencies": 3.0, "text": 2.0, "context": 1.0}
SPAN_WEIGHT_LIST = tuple(SPAN_WEIGHTS.values())
TEXT_PART = 2  # position of the text in the haystack: the part scored by frequency
PHRASE_WEIGHT = 2.0  # an unspaced run of several segments found as typed
_ID = re.compile(ID_TOKEN)
MAX_WORD = 12  # longest vocabulary word the segmenter tries
POSITION_MASK = (1 << POSITIONS) - 1
PAGE_SIZE = 20  # results the search box shows at once (atlas-search.js)
MAX_HUBS = 4  # hub pages linked in the row above the results
HUB_CANDIDATES = MAX_HUBS * 4  # hub pages whose documents it loads to pick that row from


def engine_constants() -> dict[str, Any]:
    """Every constant the browser engine shares with this module, written into the index core
    (``core["constants"]``): atlas-search-core.js and atlas-search.js read them from there, so no
    number is copied by hand between Python and JavaScript."""
    return {
        "spanWeights": list(SPAN_WEIGHTS.values()),
        "textPart": TEXT_PART,
        "textBit": TEXT_BIT,
        "positions": POSITIONS,
        "phraseWeight": PHRASE_WEIGHT,
        "maxWord": MAX_WORD,
        "domainPrefix": DOMAIN_PREFIX,
        "pageSize": PAGE_SIZE,
        "maxHubs": MAX_HUBS,
        "hubCandidates": HUB_CANDIDATES,
        "synonymWeight": SYNONYM_WEIGHT,
        "maxAlternatives": MAX_ALTERNATIVES,
        "idToken": ID_TOKEN,
    }


@dataclass(frozen=True)
class Segment:
    """One required part of a query: its span (folded) and the vocabulary words inside it."""

    span: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    ref: int
    score: float
    named: bool = False  # every segment in the title or agency names (hub pages shown in a row)
    exact: bool = True  # found with the words as typed (False: through a synonym, ranked after)
    whole: bool = True  # every run of the query (or its synonym spelling) occurs as typed


@dataclass(frozen=True)
class SearchResult:
    """Hits for the segments that were searched; ``relaxed`` when the query as typed found nothing
    and its long segments were cut shorter (the UI says so)."""

    hits: tuple[Hit, ...]
    segments: tuple[Segment, ...]
    relaxed: bool
    alternatives: tuple[Segment, ...] = ()  # segments of the synonyms tried (highlighted too)


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


def query_runs(folded: str, occurs: Callable[[str], bool] | None = None) -> list[tuple[str, bool]]:
    """``runs`` of a folded query, except that an identifier (``ID_TOKEN``: t2-11-1) that occurs
    in the corpus stays one run, so a task id finds its task."""
    out: list[tuple[str, bool]] = []
    pos = 0
    if occurs is not None and "-" in folded:
        for m in _ID.finditer(folded):
            if occurs(m.group()):
                out += runs(folded[pos:m.start()])
                out.append((m.group(), False))
                pos = m.end()
    return out + runs(folded[pos:])


def parse_runs(text: str, vocab: frozenset[str] | set[str], t2s: dict[str, str],
               occurs: Callable[[str], bool] | None = None) -> list[tuple[str, list[Segment]]]:
    """Each run of the folded query with its segments."""
    folded = "".join(t2s.get(c, c) for c in fold(text))
    return [
        (run, segment_han(run, vocab, occurs) if han else [Segment(run, (run,))])
        for run, han in query_runs(folded, occurs)
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


def tier(hit: Hit) -> int:
    """Order of hits when a query has synonyms: its words as typed, together (0); a synonym,
    together (1); its words as typed but apart (2); a synonym, apart (3). Stable: each tier keeps
    its ranking by score."""
    return (0 if hit.whole else 2) + (0 if hit.exact else 1)


def round_score(x: float) -> float:
    """Round to 1e-6 the way the browser does (Math.round), so float noise never reorders results."""
    return math.floor(x * 1e6 + 0.5) / 1e6


def rotate(bits: int, k: int) -> int:
    """``bits`` (``POSITIONS`` wide) turned right by ``k``: bit (o + k) mod P moves to bit o."""
    k %= POSITIONS
    return ((bits >> k) | (bits << (POSITIONS - k))) & POSITION_MASK


def span_grams(span: str) -> list[str]:
    """The posting keys a span is matched by: its bigrams (one Han character alone: itself; a run
    of other letters and digits: itself)."""
    if len(span) >= 2 and is_han(span[0]):
        return [span[i : i + 2] for i in range(len(span) - 1)]
    return [span]


def query_keys(text: str, vocab: frozenset[str] | set[str], t2s: dict[str, str],
               synonyms: dict[str, tuple[str, ...]] | None = None,
               limit: int = 0) -> list[str]:
    """Every posting key a query can ask for, known before anything is loaded: the grams of each
    run and of each of its synonym spellings (``synonyms.run_alternatives``), and every vocabulary
    word inside them (segmentation and ``relax`` pick among them)."""
    folded = "".join(t2s.get(c, c) for c in fold(text))
    keys: dict[str, None] = {m.group(): None for m in _ID.finditer(folded)} if "-" in folded else {}
    for first, _ in runs(folded):
        spellings = [first, *(alt for alt, _ in (run_alternatives(first, synonyms, limit) if synonyms else ()))]
        for run in spellings:
            for g in span_grams(run):
                keys[g] = None
            if is_han(run[0]):
                for i in range(len(run)):
                    for j in range(i + 2, min(len(run), i + MAX_WORD) + 1):
                        if run[i:j] in vocab:
                            keys[run[i:j]] = None
    return list(keys)


def segment_run(run: str, vocab: frozenset[str] | set[str],
                occurs: Callable[[str], bool] | None = None) -> list[Segment]:
    """The segments of one run: a Han run cut by ``segment_han``, any other run whole."""
    return segment_han(run, vocab, occurs) if is_han(run[0]) else [Segment(run, (run,))]


Loader = Callable[[str, int], object]


class SearchIndex:
    """The sharded index (``shards``) searched from Python exactly as in the browser.

    ``load(kind, n)`` returns posting shard ``n`` (kind ``"p"``) or document chunk ``n`` (``"d"``);
    ``loaded`` records what was asked for, so tests can pin what a query fetches.
    """

    def __init__(self, core: dict, load: Loader):
        self.core = core
        self._load = load
        self.vocab = frozenset(core["vocab"].split(" ")) if core["vocab"] else frozenset()
        pairs = core["t2s"]
        self.t2s = {pairs[i]: pairs[i + 1] for i in range(0, len(pairs) - 1, 2)}
        self.text_scale = core["textScale"]
        self.word_scale = core["wordScale"]
        self.synonyms = alternatives_table(g.split(" ") for g in core.get("synonyms", ()))
        self.synonym_weight = SYNONYM_WEIGHT
        self.max_alternatives = MAX_ALTERNATIVES
        self.shards: dict[int, dict] = {}
        self.loaded: list[tuple[str, int]] = []
        self._grams: dict[str, dict[int, int]] = {}

    # -- loading ---------------------------------------------------------------------------
    def shards_for(self, text: str) -> list[int]:
        """The posting shards a query needs, ascending."""
        n = self.core["shards"]
        keys = query_keys(text, self.vocab, self.t2s, self.synonyms, self.max_alternatives)
        return sorted({key_shard(k, n) for k in keys})

    def ensure(self, text: str) -> None:
        for s in self.shards_for(text):
            if s not in self.shards:
                self.loaded.append(("p", s))
                self.shards[s] = self._load("p", s)  # type: ignore[assignment]

    def _shard(self, key: str) -> dict:
        return self.shards[key_shard(key, self.core["shards"])]

    def chunks_for(self, refs: list[int]) -> list[int]:
        """The document chunks holding ``refs``, ascending."""
        return sorted({r // self.core["chunkSize"] for r in refs})

    def documents(self, refs: list[int]) -> list[list]:
        """What the UI shows for ``refs`` ([kind, url, title, text, plan, region]), loading chunks."""
        size = self.core["chunkSize"]
        out = []
        cache: dict[int, list] = {}
        for c in self.chunks_for(refs):
            self.loaded.append(("d", c))
            cache[c] = self._load("d", c)  # type: ignore[assignment]
        for r in refs:
            out.append(cache[r // size][r % size])
        return out

    # -- postings --------------------------------------------------------------------------
    def gram(self, key: str) -> dict[int, int]:
        """document → code (text weight × 16 + part mask) for one key; empty when absent."""
        got = self._grams.get(key)
        if got is None:
            flat = self._shard(key)["g"].get(key, [])
            got, ref = {}, 0
            for k in range(0, len(flat), 2):
                ref += flat[k]
                got[ref] = flat[k + 1]
            self._grams[key] = got
        return got

    def span_docs(self, span: str) -> dict[int, tuple[int, int]]:
        """Documents where one part holds every gram of ``span`` at offsets that follow one another
        (modulo ``POSITIONS``): document → (part mask, text weight)."""
        grams = sorted(((k, self.gram(g)) for k, g in enumerate(span_grams(span))), key=lambda kg: len(kg[1]))
        if not grams or not grams[0][1]:
            return {}
        chain = len(grams) > 1
        out: dict[int, tuple[int, int]] = {}
        k0, first = grams[0]
        for ref, code in first.items():
            mask, where, weight = code & 15, rotate((code >> 4) & POSITION_MASK, k0), code >> (4 + POSITIONS)
            for k, other in grams[1:]:
                c = other.get(ref)
                if c is None:
                    mask = 0
                    break
                mask &= c & 15
                where &= rotate((c >> 4) & POSITION_MASK, k)
                weight = min(weight, c >> (4 + POSITIONS))
            if mask and (where or not chain):
                out[ref] = (mask, weight if mask & TEXT_BIT else 0)
        return out

    def _occurs(self, s: str) -> bool:
        return bool(self.span_docs(s))

    def parse(self, text: str) -> tuple[Segment, ...]:
        self.ensure(text)
        return parse_query(text, self.vocab, self.t2s, self._occurs)

    def lunr_scores(self, segments: tuple[Segment, ...]) -> dict[int, float]:
        """lunr's score for the segments' words, from the postings: per field, the dot product of
        the query vector (each word once per segment naming it) with the document's field vector,
        over the query vector's length (lunr's ``similarity``; the per-field boosts cancel in it)."""
        counts: dict[str, int] = {}
        for seg in segments:
            for w in seg.words:
                if w in self._shard(w)["w"]:
                    counts[w] = counts.get(w, 0) + 1
        if not counts:
            return {}
        norm = math.sqrt(sum(c * c for c in counts.values()))
        scores: dict[int, float] = {}
        for fi in range(len(self.core["fields"])):
            dots: dict[int, float] = {}
            for w in sorted(counts):
                flat = self._shard(w)["w"][w][fi]
                ref = 0
                for k in range(0, len(flat), 2):
                    ref += flat[k]
                    dots[ref] = dots.get(ref, 0.0) + counts[w] * (flat[k + 1] / self.word_scale)
            for ref, dot in dots.items():
                scores[ref] = scores.get(ref, 0.0) + dot / norm
        return scores

    def rank(self, segments: tuple[Segment, ...], phrases: list[str]) -> list[Hit]:
        """Documents holding every segment, best first."""
        per_seg = [self.span_docs(s.span) for s in segments]
        smallest = min(per_seg, key=len)
        lunr_scores = self.lunr_scores(segments)
        phrase_docs = [self.span_docs(p) for p in phrases]
        hits: list[Hit] = []
        for ref in smallest:
            if not all(ref in d for d in per_seg):
                continue
            score = lunr_scores.get(ref, 0.0)
            named = True
            for d in per_seg:
                mask, weight = d[ref]
                named = named and bool(mask & 3)
                score += self.span_score(mask, weight)
            whole = True
            for d in phrase_docs:
                if ref in d:
                    score += PHRASE_WEIGHT
                else:
                    whole = False
            hits.append(Hit(ref, round_score(score), named, True, whole))
        hits.sort(key=lambda h: (-h.score, h.ref))
        return hits

    def span_score(self, mask: int, weight: int) -> float:
        """What one segment found in a document adds: ``SPAN_WEIGHTS`` of each part holding it, the
        text's scaled by frequency against length."""
        weights = SPAN_WEIGHT_LIST
        score = 0.0
        for p in range(4):
            if mask & (1 << p):
                score += weights[p] * weight / self.text_scale if p == TEXT_PART else weights[p]
        return score

    def spellings(self, parsed: list[tuple[str, list[Segment]]]
                  ) -> list[list[tuple[str, list[Segment], float]]]:
        """Per run of the query: (run, its segments, weight) as typed (1), then each synonym
        spelling (``synonym_weight``); empty when no run has a synonym."""
        out = []
        found = False
        for run, segs in parsed:
            options = [(run, segs, 1.0)]
            for alt, word in run_alternatives(run, self.synonyms, self.max_alternatives):
                found = True
                segs_alt = segment_run(alt, self.vocab, self._occurs)
                if not any(word in s.span for s in segs_alt):  # the word put in, whole
                    segs_alt.append(Segment(word, ()))
                options.append((alt, segs_alt, self.synonym_weight))
            out.append(options)
        return out if found else []

    def rank_synonyms(self, segments: tuple[Segment, ...],
                      spellings: list[list[tuple[str, list[Segment], float]]],
                      exact: set[int]) -> list[Hit]:
        """Documents that hold every run of the query as typed or in a synonym spelling, but not
        the query as typed (``exact``): per run the best-scoring spelling counts, a synonym's at
        ``synonym_weight``; lunr's score of the words as typed is added. Best first."""
        per_run: list[dict[int, tuple[float, bool, bool]]] = []
        for options in spellings:
            best: dict[int, tuple[float, bool, bool]] = {}
            for run, segs, factor in options:
                docs = [self.span_docs(s.span) for s in segs]
                if not docs or not all(docs):
                    continue
                phrase = self.span_docs(run) if len(segs) > 1 else {}
                for ref in min(docs, key=len):
                    if not all(ref in d for d in docs):
                        continue
                    score, named = 0.0, True
                    for d in docs:
                        mask, weight = d[ref]
                        named = named and bool(mask & 3)
                        score += self.span_score(mask, weight)
                    if ref in phrase:
                        score += PHRASE_WEIGHT
                    score *= factor
                    if ref not in best or score > best[ref][0]:
                        best[ref] = (score, named, len(segs) == 1 or ref in phrase)
            per_run.append(best)
        if not per_run or not all(per_run):
            return []
        lunr_scores = self.lunr_scores(segments)
        hits: list[Hit] = []
        fewest = per_run[0]
        for b in per_run:
            if len(b) < len(fewest):
                fewest = b
        for ref in sorted(fewest):
            if ref in exact or not all(ref in b for b in per_run):
                continue
            score = lunr_scores.get(ref, 0.0)
            named = whole = True
            for b in per_run:
                score += b[ref][0]
                named = named and b[ref][1]
                whole = whole and b[ref][2]
            hits.append(Hit(ref, round_score(score), named, False, whole))
        hits.sort(key=lambda h: (-h.score, h.ref))
        return hits

    def search_detail(self, text: str) -> SearchResult:
        self.ensure(text)
        occurs = self._occurs
        parsed = parse_runs(text, self.vocab, self.t2s, occurs)
        segments = tuple(dict.fromkeys(s for _, segs in parsed for s in segs))
        if not segments:
            return SearchResult((), (), False)
        # an unspaced run cut in several segments: documents holding it as typed rank higher
        phrases = [run for run, segs in parsed if len(segs) > 1]
        hits = self.rank(segments, phrases)
        spellings = self.spellings(parsed)
        alternatives: tuple[Segment, ...] = ()
        if spellings:
            # passages written with another word of a synonym group: after every exact match
            hits += self.rank_synonyms(segments, spellings, {h.ref for h in hits})
            hits.sort(key=tier)
            alternatives = tuple(dict.fromkeys(
                s for options in spellings for _, segs, f in options[1:] for s in segs))
        if not hits:
            relaxed = relax(segments, self.vocab, occurs)
            if relaxed != segments:
                return SearchResult(tuple(self.rank(relaxed, phrases)), relaxed, True)
        return SearchResult(tuple(hits), segments, False, alternatives)

    def search(self, text: str) -> list[Hit]:
        return list(self.search_detail(text).hits)

    def names_entity(self, text: str, doc: list[Any]) -> bool:
        """Whether the query names a hub page: the query (its runs, folded, run together) is inside
        one of the page's names (``doc[6]``, else its title) and is at least half of it (经信委 names
        济南市经信委; 电商 does not name 农资和农产品电商平台)."""
        query = "".join(r for r, _ in runs("".join(self.t2s.get(c, c) for c in fold(text))))
        if not query:
            return False
        for name in (doc[6] if len(doc) > 6 else [doc[2]]):
            n = "".join(r for r, _ in runs(fold(name)))
            if query in n and 2 * len(query) >= len(n):
                return True
        return False

    def hub_row(self, text: str, limit: int = 4) -> list[int]:
        """The hub pages shown above the results (atlas-search.js: at most 4, no filter)."""
        hub_start = self.core["hubStart"]
        candidates = [h.ref for h in self.search(text) if h.ref >= hub_start and h.named][:HUB_CANDIDATES]
        docs = self.documents(candidates)
        return [r for r, d in zip(candidates, docs) if self.names_entity(text, d)][:limit]

    def shown(self, text: str, page: int = PAGE_SIZE, hubs: int = HUB_CANDIDATES) -> list[int]:
        """The documents the search box shows first for ``text`` (no filter): the first page of
        passages and the candidate hub pages (atlas-search.js loads exactly their chunks)."""
        hits = self.search(text)
        hub_start = self.core["hubStart"]
        passages = [h.ref for h in hits if h.ref < hub_start][:page]
        return passages + [h.ref for h in hits if h.ref >= hub_start and h.named][:hubs]
