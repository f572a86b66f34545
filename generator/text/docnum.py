"""文号 (document numbers): parse, key and slug, one implementation for the importer and the atlas.

A 文号 is an issuer's code, the year in brackets and a serial: 国发〔2015〕40号, 京政发[2016]4号,
鲁政办发（2016）3号. Sources write the brackets every way: 〔〕 (the standard's), ［］ [] （） () 【】
and ﹝﹞, in full or half width, with spaces, full-width digits or in traditional script. All of
those name one document, so they have one ``key`` and one ``slug``; the 文号 shown is always the
one the text wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .folding import fold

# Brackets around a 文号's year, as written (before folding): ﹝﹞ fold to 〔〕, ［］ and （） to [] and ().
OPEN = "〔[［【(（﹝"
CLOSE = "〕]］】)）﹞"
_OPEN = "[" + re.escape(OPEN) + "]"
_CLOSE = "[" + re.escape(CLOSE) + "]"
# The bracketed year and serial of a 文号 (on folded or raw text).
TAIL = re.compile(_OPEN + r"\s*(?:19|20)[0-9０-９]{2}\s*" + _CLOSE + r"\s*[第]?[0-9０-９]{1,4}\s*号")
# A whole 文号: up to 8 Chinese characters of issuer code, then the tail.
PATTERN = re.compile(r"[\u4e00-\u9fff]{1,8}\s*" + TAIL.pattern)
_PARTS = re.compile(r"(?P<issuer>.*?)" + _OPEN + r"(?P<year>\d{4})" + _CLOSE + r"第?(?P<serial>\d+)号")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class DocNumber:
    """A parsed 文号: issuer code (folded: simplified script), year and serial as written."""

    issuer: str
    year: int
    serial: str

    @property
    def key(self) -> str:
        return f"{self.issuer}[{self.year}]{int(self.serial)}号"


def _folded(doc_number: str) -> str:
    return _SPACE.sub("", fold(doc_number))


def parse(doc_number: str) -> DocNumber | None:
    """The parts of a whole 文号 (issuer code, year, serial), or None when it is not of that form."""
    m = _PARTS.fullmatch(_folded(doc_number))
    if m is None:
        return None
    return DocNumber(m.group("issuer"), int(m.group("year")), m.group("serial"))


def key(doc_number: str) -> str:
    """One string per document, whatever brackets, widths, spaces or script the 文号 is written in."""
    parsed = parse(doc_number)
    if parsed is not None:
        return parsed.key
    folded = _folded(doc_number)
    return re.sub(_OPEN, "[", re.sub(_CLOSE, "]", folded))


def slug(doc_number: str | None, title: str | None) -> str:
    """An ASCII slug for a cited document: pinyin initials of the issuer code, year and serial
    (国发〔2015〕40号 → gf-2015-40); else the pinyin of the 文号 or the title, cut to 60 characters.

    Slugs are permanent URLs (documents/<slug>/): change nothing here that changes a slug.
    """
    from pypinyin import lazy_pinyin

    if doc_number:
        parsed = parse(doc_number)
        if parsed is not None:
            code = "".join(p[0] for p in lazy_pinyin(parsed.issuer) if p and p[0].isalnum()).lower()
            return f"{code}-{parsed.year}-{parsed.serial}"
        text = doc_number
    else:
        text = title or "document"
    s = "-".join(lazy_pinyin(text))
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60] or "document"
