"""Invisible format characters in verbatim text: bidirectional controls and zero-width characters.

A U+202E (RIGHT-TO-LEFT OVERRIDE) in a quote reverses the genuine text after it on screen, and a
zero-width space can hide inside a word: both are invisible, so a reader cannot tell the text shown
is not the text written. Chinese plans have no right-to-left script, so such a character is never
needed; when one is in a source (pasted from a web page, or planted), the text keeps it — it stays
verbatim — but every page and search result shows it as a visible token, ``[U+202E]``, that
reorders nothing. ``check`` warns about each one (``content.plans``). Data exports keep the
characters themselves: they are the lossless form.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = {
    "\u061c": "ARABIC LETTER MARK",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
ZERO_WIDTH = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
}
INVISIBLE = BIDI_CONTROLS | ZERO_WIDTH
_ANY = re.compile("[" + "".join(INVISIBLE) + "]")


def find_invisible(text: str) -> list[tuple[int, str]]:
    """(index, character) of every bidirectional control or zero-width character in ``text``."""
    return [(m.start(), m.group()) for m in _ANY.finditer(text)]


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    return f"U+{ord(char):04X} {INVISIBLE.get(char, 'format character')}"


def make_visible(text: str) -> str:
    """``text`` with each invisible control replaced by a visible token ``[U+202E]``: nothing after
    it can be reordered or hidden, and the reader sees that the source holds the character."""
    if not _ANY.search(text):
        return text
    return _ANY.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
