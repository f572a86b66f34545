"""Size limits on content: what no real plan comes near, so that a mistake or an attack is refused.

The largest real values (five plans, 2026-12) are far below each limit: a task text of 657
characters, a title of 35, a target value of 225000. Limits are documented in content/README.md
("Limits"); the file-size limit is ``yamlload.MAX_FILE_BYTES``, source texts ``MAX_SOURCE_BYTES``.
Number ranges are in the JSON Schemas (``minimum``/``maximum``), where editors see them too.
"""

from __future__ import annotations

from ..errors import Problem
from .yamlload import Document

MAX_SOURCE_BYTES = 4 * 1024 * 1024  # content/sources/*.txt

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


def limit_for(path: tuple) -> int:
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    return TEXT_LIMITS.get(key, DEFAULT_TEXT_LIMIT)


def check_lengths(doc: Document) -> list[Problem]:
    """Every string in ``doc`` longer than its key's limit (iterative: nesting is bounded anyway)."""
    out: list[Problem] = []
    stack: list[tuple[tuple, object]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (k,), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in enumerate(value))
        elif isinstance(value, str):
            limit = limit_for(path)
            if len(value) > limit:
                key = next((p for p in reversed(path) if isinstance(p, str)), "value")
                out.append(Problem(doc.loc(path), f"'{key}' is {len(value):,} characters long: at most "
                                                  f"{limit:,} (content/README.md, Limits)"))
    return sorted(out, key=lambda p: (p.loc.line, p.loc.col))
