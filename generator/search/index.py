"""Build the lunr index with the Python ``lunr`` package: its BM25 weights per word and field.

lunr's own pipeline (trimmer, stop words, English stemmer) is switched off: its trimmer strips every
non-``\\w`` character, which in JavaScript means every Chinese character. Tokens are made by
``tokenize.Segmenter`` and handed to lunr as lists, so lunr's whitespace tokenizer never cuts Chinese.

Fields: ``title`` · ``agencies`` · ``context`` (the headings above a task). The body text is not
indexed as words: ``shards`` gives every document's parts bigram postings, which also find
substrings of long words (办公厅 inside 国务院办公厅).

The browser no longer loads a lunr index: ``shards.word_postings`` cuts this one into per-word
postings, and ``query.SearchIndex.lunr_scores`` (and its JS twin) compute lunr's score from them
(a test compares with lunr.py's own query on the whole index). Weights are kept to one decimal
(``WEIGHT_SCALE``; lunr keeps three): ``pack`` / ``unpack`` round-trip the index through that
precision, and ``build_index`` returns the rounded form, so every side ranks with the same weights.
"""

from __future__ import annotations

from lunr.builder import Builder
from lunr.index import Index

from .documents import SearchDocument
from .tokenize import Segmenter, is_han

FIELDS = ("title", "agencies", "context")
WEIGHT_SCALE = 10  # stored weight = round(weight × WEIGHT_SCALE)


def document_fields(doc: SearchDocument, seg: Segmenter) -> dict[str, list[str]]:
    """The token lists lunr receives for one document."""
    return {
        "title": seg.words(doc.title),
        "agencies": seg.words(" ".join(doc.agencies)),
        "context": seg.words(" ".join(doc.context)),
    }


def build_index(docs: tuple[SearchDocument, ...], seg: Segmenter) -> dict:
    """The canonical serialized index (lunr-schema JSON); document refs are positions "0", "1" …

    Canonical: term indices follow sorted term order and field vectors follow document then field
    order, so the packed form needs to store neither, and the bytes depend only on the content.
    """
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("ref")
    for f in FIELDS:
        builder.field(f)
    for i, doc in enumerate(docs):
        builder.add({"ref": str(i), **document_fields(doc, seg)})
    raw = builder.build().serialize()
    return unpack(pack(raw))


def pack(serialized: dict) -> dict:
    """A compact, lossless transport form of a serialized lunr index (see the module docstring)."""
    fields = list(serialized["fields"])
    terms = [t for t, _ in serialized["invertedIndex"]]
    position = {t: i for i, t in enumerate(terms)}
    old_to_new = {posting["_index"]: position[t] for t, posting in serialized["invertedIndex"]}
    weights: dict[tuple[str, str, int], int] = {}
    for field_ref, vec in serialized["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        for k in range(0, len(vec), 2):
            weights[(field, ref, old_to_new[vec[k]])] = round(vec[k + 1] * WEIGHT_SCALE)
    postings: dict[str, list[int]] = {}
    for f in fields:
        flat: list[int] = []
        for t, posting in serialized["invertedIndex"]:
            refs = sorted(int(r) for r in posting.get(f, {}))
            if not refs:
                continue
            ti = position[t]
            flat += [ti, len(refs)]
            prev = 0
            for r in refs:
                flat += [r - prev, weights[(f, str(r), ti)]]
                prev = r
        postings[f] = flat
    return {
        "version": serialized["version"],
        "scale": WEIGHT_SCALE,
        "fields": fields,
        "terms": terms,
        "postings": postings,
    }


def unpack(packed: dict) -> dict:
    """Restore lunr's serialized JSON from ``pack`` output (atlas-search-core.js does the same)."""
    fields = packed["fields"]
    terms = packed["terms"]
    inverted = [[t, {"_index": i, **{f: {} for f in fields}}] for i, t in enumerate(terms)]
    vectors: dict[tuple[int, int], list[float]] = {}
    for fi, f in enumerate(fields):
        flat = packed["postings"][f]
        k = 0
        while k < len(flat):
            ti, n = flat[k], flat[k + 1]
            k += 2
            ref = 0
            for _ in range(n):
                ref += flat[k]
                inverted[ti][1][f][str(ref)] = {}
                vectors.setdefault((ref, fi), []).extend([ti, flat[k + 1] / packed["scale"]])
                k += 2
    field_vectors = [
        [f"{fields[fi]}/{ref}", vectors[(ref, fi)]] for ref, fi in sorted(vectors)
    ]
    return {
        "version": packed["version"],
        "fields": fields,
        "fieldVectors": field_vectors,
        "invertedIndex": inverted,
        "pipeline": [],
    }


def load_index(serialized: dict) -> Index:
    """A lunr.py Index from the serialized form: exactly what the browser loads."""
    return Index.load(serialized)


def word_vocabulary(serialized: dict) -> frozenset[str]:
    """Han words of two or more characters in the index: the query segmenter's dictionary."""
    return frozenset(
        t for t, _ in serialized["invertedIndex"] if len(t) >= 2 and all(is_han(c) for c in t)
    )
