"""One-for-one character folding for matching: full-width → half-width, traditional → simplified.

Importer rules are written once, in simplified script and half-width punctuation. Plans arrive
with ２０１８年, ，and 發布日期 / 達到. Folding each character on its own keeps the folded copy the
same length as the original, so a match's positions cut the verbatim value out of the original text
(a traditional-script title stays traditional).

Script folding uses the one traditional → simplified table (``t2s``), the table search ships to the
browser, so the importer and a reader's query fold 衞 and 著 alike.

Three foldings, each for one kind of matching, all here:

- ``fold``: same length, character by character (importer rules cut values out by position);
  ``fold_width`` is the same without the script folding (dates read digits only);
- ``fold_key``: ``fold`` of the verbatim-normalised text (no whitespace), case-folded: a lookup key
  for vocabulary words (classify's heading and keyword matching);
- ``fold_search``: NFKC and lower case, what the search index and a query both see (the browser does
  the same, then applies the t2s table; see search/tokenize.py).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable

from .t2s import full_table
from .verbatim import normalize


def _width_char(ch: str) -> str:
    """``ch`` NFKC-folded when that is a single character, else ``ch``."""
    f = unicodedata.normalize("NFKC", ch)
    return f if len(f) == 1 else ch


@functools.lru_cache(maxsize=None)
def fold_char(ch: str) -> str:
    """``ch`` NFKC-folded and in simplified script, when either is a single character."""
    f = _width_char(ch)
    return full_table().get(f, f)


class _Table(dict[int, str]):
    """A str.translate table that folds each new character once, then answers from the dict."""

    def __init__(self, fold_one: Callable[[str], str]) -> None:
        super().__init__()
        self.fold_one = fold_one

    def __missing__(self, code: int) -> str:
        folded = self.fold_one(chr(code))
        self[code] = folded
        return folded


_TABLE = _Table(fold_char)
_WIDTH_TABLE = _Table(_width_char)


def fold(text: str) -> str:
    """A same-length, simplified-script, half-width copy of ``text`` (see the module docstring)."""
    return text.translate(_TABLE)


def fold_width(text: str) -> str:
    """``fold`` without the script folding: a same-length, half-width copy (２０１８ → 2018)."""
    return text.translate(_WIDTH_TABLE)


def fold_key(text: str) -> str:
    """``text`` without whitespace, NFKC, simplified and case-folded: 發展 改革 → 发展改革."""
    return fold(normalize(text)).casefold()


def fold_search(text: str) -> str:
    """NFKC and lower case: what both the search index and the query see."""
    return unicodedata.normalize("NFKC", text).lower()
