"""Draft the passages a query must find: every source paragraph that contains all its parts.

Used to write tests/search/queries.yaml, which is then reviewed by hand (broad queries keep only
the passages that are about the query). Each passage is quoted by a short fragment around the first
occurrence, unique in its source and inside one sentence, so it identifies one task or section
whatever the importer's segmentation:

    .venv/bin/python tests/search/draft_passages.py 远程医疗 "12345 热线"
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.text.t2s import to_simplified
from generator.text.verbatim import normalize

SOURCES = Path(__file__).resolve().parents[2] / "content" / "sources"
STOPS = set("。;;()()::")


def quote_for(line: str, needle: str, source: str) -> str | None:
    """The shortest fragment around ``needle`` in ``line`` that is unique in ``source``."""
    at = line.find(needle)
    for pad in range(0, 14):
        lo, hi = at, at + len(needle)
        lo = max(0, lo - pad)
        hi = min(len(line), hi + pad)
        frag = line[lo:hi]
        if any(c in STOPS for c in frag):
            # shrink back inside the sentence
            left = max((i for i, c in enumerate(frag[: at - lo]) if c in STOPS), default=-1)
            frag = frag[left + 1 :]
            right = next((i for i, c in enumerate(frag) if c in STOPS and i >= len(needle)), None)
            frag = frag[:right] if right is not None else frag
        if len(frag) >= 6 and source.count(frag) == 1:
            return frag
    return None


def draft(query: str) -> list[tuple[str, str]]:
    parts = [to_simplified(normalize(p)).lower() for p in query.split()]
    out = []
    for path in sorted(SOURCES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        norm_source = normalize(text).lower()
        for raw in text.splitlines():
            line = normalize(raw).lower()
            if line and all(p in line for p in parts):
                q = quote_for(line, parts[0], norm_source)
                if q:
                    out.append((path.stem, q))
    return out


if __name__ == "__main__":
    for q in sys.argv[1:]:
        rows = draft(q)
        print(f"- query: {q}  # {len(rows)} passages")
        print("  passages:")
        for plan, quote in rows:
            print(f"    - {{plan: {plan}, quote: {quote}}}")
