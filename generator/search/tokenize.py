"""Segmentation shared by the index (here) and the query (query.py and the browser).

The index holds words: jieba tokens that are pure Han and at least two characters, plus every run of
other letters and digits (``12345``, ``o2o``, ``4g``). jieba loads a user dictionary made from our
vocabularies so that 经信委, 两化融合 and 众创空间 stay whole. Non-Han runs are cut by character class
on both sides (not by jieba), so the browser cuts them the same way.

A word inside a longer jieba token (办公厅 inside 国务院办公厅) is found by matching the query against
the document text itself (see ``query``).

Text is first folded with ``fold``: NFKC (full-width digits and letters → ASCII) and lower case;
the browser applies the same folding plus the traditional → simplified character table.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..text.folding import fold_search

CACHE_VERSION = "1"  # bump when what a cut keeps changes
# An identifier: runs of ASCII letters and digits joined by hyphens (a task id t2-11-1, a section
# s3-2, a period 2016-2018). Indexed whole besides its runs, and a query holding one that occurs
# asks for it whole (query.query_runs); the browser reads this pattern from the index core.
ID_TOKEN = r"(?<![a-z0-9-])[a-z0-9]+(?:-[a-z0-9]+)+(?![a-z0-9-])"
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def is_han(ch: str) -> bool:
    """A CJK unified ideograph: base block, extension A and compatibility ideographs (the browser's
    ``isHan`` tests the same code-point ranges)."""
    o = ord(ch)
    # unrolled _HAN_RANGES, base block first: this runs once per character indexed
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def is_other_word_char(ch: str) -> bool:
    """A letter or digit that is not Han: part of an ASCII/Latin/Cyrillic token such as 12345 or o2o."""
    return not is_han(ch) and unicodedata.category(ch)[0] in "LN"


fold = fold_search  # NFKC and lower case: what both the index and the query see (text.folding)


def _kind(ch: str) -> bool | None:
    return True if is_han(ch) else (False if is_other_word_char(ch) else None)


# character → its kind in ``runs``: a corpus uses a few thousand distinct characters, and this dict
# replaces two range tests and a Unicode category lookup per character (a large share of index time
# at hundreds of plans); bounded so that no input can grow it without limit
_KINDS: dict[str, bool | None] = {}
_KINDS_MAX = 65536


def runs(text: str) -> list[tuple[str, bool]]:
    """Split folded text into maximal runs of Han (True) and of other word characters (False).

    Everything else (punctuation, spaces, symbols) separates runs and is dropped.
    """
    out: list[tuple[str, bool]] = []
    cur: list[str] = []
    cur_han: bool | None = None
    kinds = _KINDS
    for ch in text:
        try:
            kind = kinds[ch]
        except KeyError:
            kind = _kind(ch)
            if len(kinds) < _KINDS_MAX:
                kinds[ch] = kind
        if kind is not cur_han and cur:
            out.append(("".join(cur), bool(cur_han)))
            cur = []
        cur_han = kind
        if kind is not None:
            cur.append(ch)
    if cur:
        out.append(("".join(cur), bool(cur_han)))
    return out


class Segmenter:
    """A private jieba tokenizer with our user dictionary, and a cache of what it cut.

    A fresh ``jieba.Tokenizer`` (not the global one) so that words added for one atlas never leak into
    another, and its dictionary cache is written to a temporary directory, never into site-packages.
    jieba's cut is deterministic for a given dictionary; words are added in sorted order.

    jieba is most of an index build's time at hundreds of plans, and most texts do not change
    between builds (headings and agency names also repeat within one). So each Han run's cut is
    kept in memory, and, given ``cache_dir``, in a file named for the jieba version and the user
    dictionary (a changed dictionary cuts differently: a new file), keyed by the run itself.
    ``save()`` writes back exactly the runs this build cut, so the file never outgrows the corpus.
    jieba itself is loaded only when a run is not in the cache.
    """

    def __init__(self, user_words: Iterable[str] = (), cache_dir: str | os.PathLike | None = None):
        self.user_words = tuple(sorted({fold(w) for w in user_words if w and len(w.strip()) >= 2}))
        # 互联网+制造 → its Han runs; jieba only ever sees Han runs (see ``words``)
        self._han_words = sorted({r for w in self.user_words for r, han in runs(w) if han and len(r) >= 2})
        self._tk = None
        self._cuts: dict[str, tuple[str, ...]] = {}
        self._stored: dict[str, list[str]] = {}
        self._cache_file: Path | None = None
        if cache_dir is not None:
            import jieba

            key = hashlib.sha256("\n".join([jieba.__version__, CACHE_VERSION, *self._han_words])
                                 .encode("utf-8")).hexdigest()[:24]
            self._cache_file = Path(cache_dir) / f"jieba-{key}.json"
            try:
                self._stored = json.loads(self._cache_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._stored = {}  # no cache yet, or a damaged one: cut everything again
        else:
            self.tokenizer()  # no cache: load jieba now (as before), not in the middle of a build

    def tokenizer(self):
        if self._tk is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.tmp_dir = os.path.join(tempfile.gettempdir(), "policy-atlas-jieba")
            os.makedirs(tk.tmp_dir, exist_ok=True)
            tk.initialize()
            for w in self._han_words:
                tk.add_word(w)
            self._tk = tk
        return self._tk

    def cut(self, run: str) -> tuple[str, ...]:
        """The word tokens of one Han run: jieba's tokens of two or more Han characters."""
        got = self._cuts.get(run)
        if got is None:
            stored = self._stored.get(run)
            if stored is not None and isinstance(stored, list):
                got = tuple(stored)
            else:
                got = tuple(t for t in self.tokenizer().cut(run, HMM=True)
                            if len(t) >= 2 and all(is_han(c) for c in t))
            self._cuts[run] = got
        return got

    def words(self, text: str | None) -> list[str]:
        """The word tokens of ``text``, in order (see the module docstring)."""
        if not text:
            return []
        out: list[str] = []
        for run, han in runs(fold(text)):
            if han:
                out.extend(self.cut(run))
            else:
                out.append(run)
        return out

    def save(self) -> None:
        """Write the runs cut in this build to the cache file (atomically; no-op without a cache)."""
        if self._cache_file is None:
            return
        data = {run: list(toks) for run, toks in sorted(self._cuts.items())}
        if data == self._stored:
            return
        self._cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._cache_file.with_name(f"{self._cache_file.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self._cache_file)
