"""One-for-one character folding for matching: full-width → half-width, traditional → simplified.

Importer rules are written once, in simplified script and half-width punctuation. Plans arrive
with ２０１８年, ，and 發布日期 / 達到. Folding each character on its own keeps the folded copy the
same length as the original, so a match's positions cut the verbatim value out of the original text
(a traditional-script title stays traditional).
"""

from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # opencc-python-reimplemented

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=None)
def fold_char(ch: str) -> str:
    """``ch`` NFKC-folded and in simplified script, when either is a single character."""
    f = unicodedata.normalize("NFKC", ch)
    if len(f) != 1:
        f = ch
    if ord(f) >= 0x2E80:
        s = _t2s().convert(f)
        if len(s) == 1:
            f = s
    return f


class _Table(dict):
    """A str.translate table that folds each new character once, then answers from the dict."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _Table()


def fold(text: str) -> str:
    """A same-length, simplified-script, half-width copy of ``text`` (see the module docstring)."""
    return text.translate(_TABLE)
