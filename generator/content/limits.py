"""Size limits on content: what no real plan comes near, so that a mistake or an attack is refused.

The largest real values (five plans, 2026-12) are far below each limit: a task text of 657
characters, a title of 35, a target value of 225000. Limits are documented in content/README.md
("Limits"); file sizes are limited by ``yamlload.MAX_FILE_BYTES`` and ``sources.MAX_SOURCE_BYTES``.
Number ranges are in the JSON Schemas (``minimum``/``maximum``), where editors see them too.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..model import Loc
from ..text.controls import BIDI_CONTROLS, describe, find_invisible
from .yamlload import Data, Document, Path_


# Longest string per key, in characters; every other string (names, ids, units …) has DEFAULT.
TEXT_LIMITS = {
    "text": 100_000,       # a section's, task's or attachment's own text
    "preamble": 100_000,
    "description": 2_000,
    "annotation": 2_000,
    "quote": 2_000,
    "title": 1_000,
    "url": 2_000,
}
DEFAULT_TEXT_LIMIT = 300


def limit_for(path: Path_) -> int:
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    return TEXT_LIMITS.get(key, DEFAULT_TEXT_LIMIT)


def _strings(doc: Document) -> Iterator[tuple[Path_, str]]:
    """(path, string) for every string value in ``doc`` (iterative: nesting is bounded anyway)."""
    stack: list[tuple[Path_, Data]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (k,), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in enumerate(value))
        elif isinstance(value, str):
            yield path, value


def check_invisible(doc: Document) -> list[Problem]:
    """A warning at each string holding a bidirectional control or a zero-width character: pages
    show it as a visible token (``text.controls``), but it is almost always pasted in by accident
    or planted; the column is where the character is when the string is on one line."""
    out: list[Problem] = []
    for path, value in _strings(doc):
        found = find_invisible(value)
        if not found:
            continue
        index, char = found[0]
        loc = doc.loc(path)
        if "\n" not in value[:index]:
            loc = Loc(loc.path, loc.line, loc.col + index)
        kind = "bidirectional control" if char in BIDI_CONTROLS else "zero-width character"
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        out.append(Problem(loc, f"{kind} {describe(char)} in the text{more}: it is shown as "
                                f"[U+{ord(char):04X}]; remove it here and in the source unless the "
                                "source really has it", warning=True))
    return sorted(out, key=lambda p: (p.loc.line, p.loc.col))


def check_lengths(doc: Document) -> list[Problem]:
    """Every string in ``doc`` longer than its key's limit."""
    out: list[Problem] = []
    for path, value in _strings(doc):
        limit = limit_for(path)
        if len(value) > limit:
            key = next((p for p in reversed(path) if isinstance(p, str)), "value")
            out.append(Problem(doc.loc(path), f"'{key}' is {len(value):,} characters long: at most "
                                              f"{limit:,} (content/README.md, Limits)"))
    return sorted(out, key=lambda p: (p.loc.line, p.loc.col))
