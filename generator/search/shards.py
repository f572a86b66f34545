"""The search index cut into shards, so a query fetches only what it needs (issue #6).

One index file holding every posting and every document's text grows with the corpus (≈ 7 MB gzip
at 300 plans) and every page would load it. Instead a page loads a small **core** (``index.js``:
the query segmenter's vocabulary, the traditional → simplified table, region, plan and domain
tables, and the shard count), and a query then loads, as ``<script>`` tags (``file://`` refuses
fetch), only:

* the **posting shards** of its keys. A key is a Han bigram or lone character, a run of other
  letters and digits (``12345``, ``o2o``), a vocabulary word (lunr's postings), or a domain (the
  domain filter). Key → shard is a hash (``key_shard``: FNV-1a over UTF-16 code units, which the
  browser computes the same way), so the shards a query needs follow from its text alone, before
  anything is loaded (``query.SearchIndex.shards_for``). A key of three or more Han characters (a
  vocabulary word) is hashed by its first bigram (``key_home``), so it costs a query no file of
  its own.
* the **document chunks** holding the results it shows (kind, url, title, verbatim text, plan,
  region): consecutive documents, ``CHUNK_SIZE`` per file, loaded for the page of results shown.
  When all chunks together are small (``PRELOAD_GZIP_BUDGET``, checked by ``chunks_preloaded``)
  the core says ``"preload": 1`` and every page also loads them as one file right after the core,
  so a first query waits for one round of script loads (its posting shards), not two (issue #4);
  a larger corpus keeps loading the chunks of the results shown, on demand.

Postings carry everything ranking needs, so no document text is fetched to rank: per (gram,
document) which haystack parts hold the gram (title, agencies, text, context: a 4-bit mask), the
offsets it starts at modulo ``POSITIONS`` and the gram's BM25 text weight, quantized
(``TEXT_SCALE``); per (word, field, document) lunr's weight. A query span of several characters
matches a document where one part holds every one of its bigrams at offsets that can follow one
another (see ``query.SearchIndex.span_docs``): exact for a span of one or two bigrams' worth of
distinct positions, and for longer spans wrong only when separate occurrences happen to line up
modulo ``POSITIONS`` (measured on the judged queries by tests/search/test_shards.py).

The number of posting shards grows with the postings (``ENTRIES_PER_SHARD``), so a shard — and a
first query — stays about the same size from 5 to 300 plans; a corpus whose chunks are preloaded is
cut four times finer (``PRELOADED_ENTRIES_PER_SHARD``), so that the page load, which then carries
the text, plus a first query's shards stay within issue #4's 150 KB. Same content → same bytes.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

from .tokenize import ID_TOKEN, is_han, runs

ENTRIES_PER_SHARD = 2000  # postings per shard file, on average
# ... and when the page preloads every document chunk (a small corpus): the text already costs the
# page load, so a first query's posting shards must be small for load + query to stay ≤ 150 KB gzip
PRELOADED_ENTRIES_PER_SHARD = 500
MIN_SHARDS = 8
CHUNK_SIZE = 16  # documents per document chunk
TEXT_SCALE = 20  # BM25 text weight stored as round(weight × TEXT_SCALE)
TEXT_PART = 2  # the text's place among a document's parts (title, agencies, text, context)
TEXT_BIT = 1 << TEXT_PART  # its mask bit (parts: title 1, agencies 2, text 4, context 8)
POSITIONS = 8  # offsets are kept modulo this, so that bigrams far apart rarely pass for a span
K1, B = 1.2, 0.75
WORD_SCALE = 10  # lunr weights travel as round(weight × 10), as index.WEIGHT_SCALE keeps them
DOMAIN_PREFIX = "#"  # key of a domain's document list: "#" + domain position
# All document chunks in one file every page loads, when it compresses to at most this many bytes:
# with the core and the scripts (≈ 24 KiB gzip) and a first query's fine shards (≈ 20 KiB) search
# then stays within issue #4's 150 KB gzip (five plans: 70 KiB of chunks)
PRELOAD_GZIP_BUDGET = 90 * 1024


def key_home(key: str) -> str:
    """The key whose shard holds ``key``: a key starting with two Han characters lives with its
    first bigram, any other key with itself. So a vocabulary word (远程医疗) is in the shard of a
    bigram the query loads anyway (远程), not in a file of its own: one script load fewer per word."""
    return key[:2] if len(key) > 2 and is_han(key[0]) and is_han(key[1]) else key


def key_shard(key: str, shards: int) -> int:
    """The shard of ``key``: FNV-1a (32 bit) over the UTF-16 code units of its home
    (``key_home``), modulo ``shards``."""
    h = 0x811C9DC5
    data = key_home(key).encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % shards


def js_length(s: str) -> int:
    """Length in UTF-16 code units, as JavaScript counts it."""
    return len(s.encode("utf-16-le")) // 2


_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")  # tokenize.is_han's ranges
_WORD = re.compile(r"[^\W_]")
_ID = re.compile(ID_TOKEN)


def part_grams(part: str) -> list[tuple[str, int]]:
    """The keys one haystack part holds, with where they start: each Han character and bigram of
    adjacent Han characters (at their offset), each run of other letters and digits (offset -1)."""
    out: list[tuple[str, int]] = []
    for m in _HAN_RUN.finditer(part):
        run, start = m.group(), m.start()
        out += [(c, start + i) for i, c in enumerate(run)]
        out += [(run[i : i + 2], start + i) for i in range(len(run) - 1)]
    rest = _HAN_RUN.sub(" ", part)
    if _WORD.search(rest):  # letters or digits outside Han: cut them exactly as the query is cut
        out += [(run, -1) for run, han in runs(rest) if not han]
        if "-" in rest:  # identifiers (t2-11-1, 2016-2018) also whole
            out += [(m.group(), -1) for m in _ID.finditer(part)]
    return out


def text_weight(tf: int, text_len: int, avg: float) -> int:
    """BM25's saturation of a gram's count in the text against the text's length, quantized."""
    norm = K1 * (1 - B + B * text_len / avg)
    return math.floor(tf * (K1 + 1) / (tf + norm) * TEXT_SCALE + 0.5)


@dataclass(frozen=True)
class Shards:
    """What the site serves for search: the core, posting shards, document chunks (JSON-ready)."""

    core: dict
    postings: tuple[dict, ...]
    chunks: tuple[list, ...]


def gram_postings(parts: list[tuple[str, ...]]) -> dict[str, array[int]]:
    """key → flat [document, code, …], documents ascending; code packs, low bits first, the part
    mask (4 bits), the offsets class (``POSITIONS`` bits: bit k set when the key starts at an offset
    ≡ k modulo ``POSITIONS`` in the document's parts laid end to end) and the text weight.

    Postings are machine-word arrays, not tuples, and no part's grams are cached: at 300 plans
    there are ~13 million postings; as tuples, with the grams of every distinct part cached, they
    took over a gigabyte (and the cache saved no time)."""
    total = sum(js_length(p[2]) for p in parts)
    avg = (total / len(parts)) if parts and total else 1.0
    out: dict[str, array[int]] = {}
    for ref, doc_parts in enumerate(parts):
        masks: dict[str, int] = {}
        where: dict[str, int] = {}
        offset = 0
        for p, part in enumerate(doc_parts):
            for g, at in part_grams(part):
                masks[g] = masks.get(g, 0) | (1 << p)
                if at >= 0:
                    where[g] = where.get(g, 0) | (1 << ((offset + at) % POSITIONS))
            offset += len(part) + 1  # a separator: no bigram spans two parts
        text = doc_parts[TEXT_PART]
        text_len = js_length(text)
        for g in sorted(masks):
            mask = masks[g]
            weight = text_weight(text.count(g), text_len, avg) if mask & TEXT_BIT else 0
            posting = out.get(g)
            if posting is None:
                posting = out[g] = array("q")
            posting.append(ref)
            posting.append((weight << (4 + POSITIONS)) | (where.get(g, 0) << 4) | mask)
    return out


def word_postings(index: dict) -> dict[str, list[list[int]]]:
    """term → per lunr field, flat [document delta, weight × scale, …] (from the canonical index).

    Read off the field vectors, which the canonical index keeps in document order, so each list
    comes out with its documents ascending; no (term, field, document) table is built."""
    fields = index["fields"]
    per_term: list[list[list[int]]] = [[[] for _ in fields] for _ in index["invertedIndex"]]
    last: list[list[int]] = [[0] * len(fields) for _ in index["invertedIndex"]]
    for field_ref, vec in index["fieldVectors"]:
        field, ref_text = field_ref.split("/", 1)
        fi, ref = fields.index(field), int(ref_text)
        for k in range(0, len(vec), 2):
            ti = vec[k]  # term index = term position
            per_term[ti][fi] += [ref - last[ti][fi], round(vec[k + 1] * WORD_SCALE)]
            last[ti][fi] = ref
    return {term: per_term[ti] for ti, (term, _) in enumerate(index["invertedIndex"])}


def delta(entries: array[int]) -> array[int]:
    """flat [document, code, …] → flat [document delta, code, …]."""
    flat = array("q", entries)
    for k in range(len(flat) - 2, 0, -2):
        flat[k] -= flat[k - 2]
    return flat


def chunks_preloaded(chunks: tuple[list, ...]) -> bool:
    """Whether every page should load all of ``chunks`` (one file) with the core: their JSON, as
    emitted, compresses (zlib level 9, as a static host's gzip would) to ``PRELOAD_GZIP_BUDGET``
    bytes or fewer."""
    data = json.dumps(list(chunks), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(data) > 16 * PRELOAD_GZIP_BUDGET:  # no text compresses that well: skip the work
        return False
    return len(zlib.compress(data, 9)) <= PRELOAD_GZIP_BUDGET


def build_shards(*, parts: list[tuple[str, ...]], index: dict, vocab: Iterable[str],
                 t2s: dict[str, str], regions: list, plans: list, domains: list,
                 doc_domains: list[tuple[int, ...]], docs: list[list], hub_start: int,
                 constants: dict | None = None,
                 synonyms: Iterable[Iterable[str]] = ()) -> Shards:
    """Cut one corpus into core, posting shards and document chunks (see the module docstring).

    ``parts``: per document its folded, whitespace-free haystack parts (title, agencies, text,
    context); ``docs``: per document what the UI shows ([kind, url, title, text, plan, region]);
    ``constants``: what the browser engine shares with query.py (``query.engine_constants``).
    ``synonyms``: the query expansion groups (``synonyms.expansion_groups``), carried by the core.
    """

    grams = gram_postings(parts)
    words = word_postings(index)
    domain_docs: dict[str, list[int]] = {}
    for ref, ds in enumerate(doc_domains):
        for d in ds:
            domain_docs.setdefault(f"{DOMAIN_PREFIX}{d}", []).append(ref)
    entries = (sum(len(v) // 2 for v in grams.values())
               + sum(len(f) // 2 for v in words.values() for f in v)
               + sum(len(v) for v in domain_docs.values()))
    chunks = tuple(docs[i : i + CHUNK_SIZE] for i in range(0, len(docs), CHUNK_SIZE))
    preload = chunks_preloaded(chunks)
    per_shard = PRELOADED_ENTRIES_PER_SHARD if preload else ENTRIES_PER_SHARD
    n = max(MIN_SHARDS, math.ceil(entries / per_shard))
    shards: list[dict] = [{"g": {}, "w": {}, "d": {}} for _ in range(n)]
    for g in sorted(grams):
        shards[key_shard(g, n)]["g"][g] = delta(grams.pop(g))  # one copy at a time
    for w in sorted(words):
        shards[key_shard(w, n)]["w"][w] = words[w]
    for k in sorted(domain_docs):
        refs = domain_docs[k]
        shards[key_shard(k, n)]["d"][k] = [r - p for r, p in zip(refs, [0, *refs[:-1]])]
    han_words = sorted(t for t in vocab)
    core = {
        "version": 2,
        "shards": n,
        "chunkSize": CHUNK_SIZE,
        "docs": len(docs),
        "preload": 1 if preload else 0,
        "hubStart": hub_start,
        "textScale": TEXT_SCALE,
        "wordScale": WORD_SCALE,
        "fields": list(index["fields"]),
        "constants": constants or {},
        "synonyms": [" ".join(g) for g in synonyms],
        "vocab": " ".join(han_words),
        "t2s": "".join(k + v for k, v in sorted(t2s.items())),
        "regions": regions,
        "plans": plans,
        "domains": domains,
    }
    return Shards(core=core, postings=tuple(shards), chunks=chunks)
