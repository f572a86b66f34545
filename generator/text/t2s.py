"""The one traditional → simplified character table: the importer folds with it, search indexes and
queries with it, and the browser gets the slice of it that the indexed text can match.

Built from the dictionaries shipped in the ``opencc-python-reimplemented`` package (Apache-2.0):

1. ``TSCharacters``: standard traditional → simplified, first candidate (what OpenCC's ``t2s``
   converter does to a character on its own: 遠 → 远, 醫 → 医).
2. ``TWVariantsRev`` and ``HKVariantsRev``: a Taiwan or Hong Kong form → the standard traditional
   character, then step 1 (衞 → 衛 → 卫, 敍 → 敘 → 叙, 枱 → 檯 → 台).

Step 2 is kept for a character only when simplified Chinese does not use that character itself.
The variant tables are written for traditional text, where 著 may stand for 着 and 么 for 幺; in
plan text (simplified Chinese) 著 is 显著's 著, 么 is 什么's, 抬 is 抬头's, and rewriting them would
turn a verbatim quote into a different word and make 显著 unfindable as written. A character counts as
used by simplified Chinese when OpenCC's simplified-side data contains it: a key of
``STCharacters`` or ``STPhrases``, or the first candidate of ``TSCharacters`` or ``TSPhrases``.
This keeps 么 抬 著 痺 睪 衹 as they are (OpenCC's ``t2s`` converter keeps them too) and folds
敍 枱 潀 簷 粧 糭 衞 (which the converter leaves alone, so importer and search once disagreed on
these 13 characters).

Phrase-level conversion is not needed: after folding, matching is by words and substrings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path


def _dictionary_dir() -> Path:
    import opencc  # opencc-python-reimplemented

    return Path(opencc.__file__).parent / "dictionary"


def _entries(path: Path) -> Iterator[tuple[str, str]]:
    """(source, first candidate) of every line of an OpenCC dictionary file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            src, targets = line.split("\t", 1)
            yield src, targets.split(" ")[0]


def _pairs(path: Path) -> dict[str, str]:
    return {s: t for s, t in _entries(path) if len(s) == 1 and len(t) == 1 and s != t}


def _simplified_chars(d: Path) -> set[str]:
    """Every character OpenCC's simplified-side data contains (see the module docstring)."""
    used: set[str] = set()
    for name in ("STCharacters.txt", "STPhrases.txt"):
        for src, _ in _entries(d / name):
            used.update(src)
    for name in ("TSCharacters.txt", "TSPhrases.txt"):
        for _, first in _entries(d / name):
            used.update(first)
    return used


@lru_cache(maxsize=1)
def full_table() -> dict[str, str]:
    """Every single-character traditional or variant → simplified mapping, sorted by source."""
    d = _dictionary_dir()
    ts = _pairs(d / "TSCharacters.txt")
    table = dict(ts)
    simplified = _simplified_chars(d)
    for variants in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for src, trad in _pairs(d / variants).items():
            target = ts.get(trad, trad)
            if src not in table and src not in simplified and target != src:
                table[src] = target
    return dict(sorted(table.items()))


def table_for(chars: Iterable[str]) -> dict[str, str]:
    """The part of the table whose simplified side is one of ``chars`` (sorted by source)."""
    wanted = set(chars)
    return {k: v for k, v in full_table().items() if v in wanted}


def to_simplified(text: str, table: dict[str, str] | None = None) -> str:
    """Fold ``text`` character by character (the browser does exactly this)."""
    t = full_table() if table is None else table
    return "".join(t.get(c, c) for c in text)
