"""How much of a source became the draft: every character of the text is placed (kept in a stored
text or a metadata value of the plan), removed as page chrome, or unplaced — and the unplaced runs are
listed, so that nothing leaves the source silently ("structured 96 % of the text; 312 characters
unplaced: …").

Characters are counted without whitespace; the punctuation of a numbering marker (the 、 of 一、,
the brackets of (一)) next to a stored number counts as placed. Stored texts are verbatim slices of the source's lines
(texts over several paragraphs join consecutive lines), so each of their lines is found in the
source, the first occurrence not yet placed winning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import model
from ..text.dates import find_dates


_MARKER = re.compile(r"(?:^|(?<=[。;;)）】\]]))[ \t\u3000]*("
                     r"第?[一二三四五六七八九十百零〇两\d０-９]{1,4}(?:章|部分|节|篇)?\s*[、.．)）]?"
                     r"|[(（]\s*[一二三四五六七八九十\d０-９]{1,3}\s*[)）]|[①-⑳]|专栏\s*\d{0,3})", re.M)


@dataclass(frozen=True)
class Unplaced:
    """A run of source text that went nowhere: its line (1-based) and the text."""

    line: int
    text: str


@dataclass(frozen=True)
class Coverage:
    total: int  # non-space characters of the document (chrome excluded)
    placed: int
    chrome: int  # non-space characters removed as page chrome
    unplaced: tuple[Unplaced, ...]

    @property
    def ratio(self) -> float:
        return self.placed / self.total if self.total else 1.0

    @property
    def unplaced_chars(self) -> int:
        return self.total - self.placed

    def summary(self, *, examples: int = 3) -> str:
        line = f"structured {self.ratio * 100:.0f} % of the text"
        if self.unplaced_chars:
            shown = "; ".join(f"line {u.line}: {u.text[:30]}{'…' if len(u.text) > 30 else ''}"
                              for u in self.unplaced[:examples])
            more = f" (and {len(self.unplaced) - examples} more)" if len(self.unplaced) > examples else ""
            line += f"; {self.unplaced_chars} characters unplaced: {shown}{more}"
        return line


def _stored(plan: model.Plan) -> list[str]:
    values = [plan.title, plan.issuer, plan.doc_number, plan.preamble]
    for c in plan.cites:
        values += [c.doc_number, c.title]
    for s in plan.iter_sections():
        values += [s.title, s.text, s.annotation]
    for t in plan.iter_tasks():
        values += [t.title, t.text, t.annotation]
    for a in plan.attachments:
        values += [a.title, a.text]
    return [v for v in values if v]


def measure(raw: str, plan: model.Plan, chrome_lines: frozenset[int] = frozenset(),
            dates: tuple[dt.date | None, ...] = ()) -> Coverage:
    """Where the text of ``raw`` went in ``plan`` (see the module docstring). ``chrome_lines`` are
    the (1-based) lines removed as page chrome; ``dates`` the metadata dates read from the text,
    whose written forms count as placed."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    placed = bytearray(len(raw))
    starts = [0]
    for i, ch in enumerate(raw):
        if ch == "\n":
            starts.append(i + 1)

    def mark(piece: str) -> None:
        piece = piece.strip()
        if not piece:
            return
        at = raw.find(piece)
        first = at
        while at >= 0 and all(placed[at:at + len(piece)]):
            at = raw.find(piece, at + 1)
        at = first if at < 0 else at
        if at >= 0:
            placed[at:at + len(piece)] = b"\x01" * len(piece)

    for value in sorted(_stored(plan), key=len, reverse=True):
        for piece in value.split("\n"):
            mark(piece)
    # A numbering marker (一、 (三) 1. 第二章 ③) opening a line or following a sentence, before
    # placed text: the number is stored as the part's ``number``.
    for m in _MARKER.finditer(raw):
        end = m.end()
        while end < len(raw) and raw[end] in " \t\u3000":
            end += 1
        if end < len(raw) and placed[end]:
            placed[m.start(1):m.end(1)] = b"\x01" * (m.end(1) - m.start(1))
    # Numbering punctuation (一、 (一) 1.) around a stored number, and a lone full stop: markup
    # of the structure, not text that went nowhere.
    for i, ch in enumerate(raw):
        if not placed[i] and not ch.isspace() and not ch.isalnum() and (
                i > 0 and placed[i - 1] or i + 1 < len(raw) and placed[i + 1]
                or i + 2 < len(raw) and placed[i + 2] and not raw[i + 1].isalnum()):
            placed[i] = 1
    wanted = {d for d in dates if d}
    if wanted:
        for start, end, d in find_dates(raw):
            if d in wanted:
                placed[start:end] = b"\x01" * (end - start)
    total = chrome = done = 0
    runs: list[Unplaced] = []
    for n, start in enumerate(starts, 1):
        end = starts[n] - 1 if n < len(starts) else len(raw)
        line = raw[start:end]
        if n in chrome_lines:
            chrome += sum(1 for ch in line if not ch.isspace())
            continue
        run_start = None
        for i in range(start, end + 1):
            inside = i < end and not raw[i].isspace()
            if inside:
                total += 1
                if placed[i]:
                    done += 1
            gap = inside and not placed[i]
            if gap and run_start is None:
                run_start = i
            elif not gap and run_start is not None and (i == end or placed[i]):
                text = raw[run_start:i].strip()
                if text:
                    runs.append(Unplaced(n, text))
                run_start = None
    return Coverage(total=total, placed=done, chrome=chrome, unplaced=tuple(runs))
