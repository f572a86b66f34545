"""Traditional → simplified character table, generated at build time from OpenCC's own data.

A reader may type 遠程醫療; the index holds 远程医疗. The browser folds the query one character at
a time with this table. Taken from the dictionaries shipped in the ``opencc-python-reimplemented``
package (Apache-2.0): Taiwan and Hong Kong variant forms are first mapped to standard traditional
(TWVariantsRev, HKVariantsRev), then traditional to simplified (TSCharacters, first candidate).
Phrase-level conversion is not needed: after folding, matching is by words and substrings.

Only characters whose simplified form occurs in the indexed text are kept, so the table shipped to
the browser stays a few KB; a character outside the corpus could not match anything anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


def _dictionary_dir() -> Path:
    import opencc

    return Path(opencc.__file__).parent / "dictionary"


def _read_pairs(path: Path) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        src, targets = line.split("\t", 1)
        first = targets.split(" ")[0]
        if len(src) == 1 and len(first) == 1 and src != first:
            pairs[src] = first
    return pairs


@lru_cache(maxsize=1)
def full_table() -> dict[str, str]:
    """Every single-character traditional/variant → simplified mapping OpenCC knows."""
    d = _dictionary_dir()
    ts = _read_pairs(d / "TSCharacters.txt")
    table = dict(ts)
    for variants in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for src, trad in _read_pairs(d / variants).items():
            table.setdefault(src, ts.get(trad, trad))
    return table


def table_for(chars: Iterable[str]) -> dict[str, str]:
    """The part of the table whose simplified side is one of ``chars`` (sorted by source)."""
    wanted = set(chars)
    return {k: v for k, v in sorted(full_table().items()) if v in wanted}


def to_simplified(text: str, table: dict[str, str] | None = None) -> str:
    """Fold ``text`` character by character (the browser does exactly this)."""
    t = full_table() if table is None else table
    return "".join(t.get(c, c) for c in text)
