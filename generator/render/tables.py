"""Every table of a generated page in a labelled, keyboard-scrollable region.

A wide table (the coverage matrix, an indicator's targets, the data dictionary on a phone) scrolls
sideways inside its own box so that the page itself never does. A box that scrolls must be reachable
without a mouse and say what it holds (WCAG 2.1.1 and 4.1.2; axe: scrollable-region-focusable), so
each Markdown table is wrapped here, after its template has rendered, in

    <div class="atlas-scroll" role="region" tabindex="0" aria-label="各地区目标(表格)" markdown>

The label is the heading the table sits under (the page title when there is none), so a screen
reader's list of regions reads like the page's outline; a heading with several tables numbers them.
Wrapping in code rather than in each template means no table can be added without it, and no
template holds the label text. atlas.css makes this box, not Material's inner wrapper, the one
that scrolls.

Only tables that start at the beginning of a line are wrapped: raw HTML inside an indented block (an
admonition) would be taken for code. The browser tests check that every table of every kind of page
sits in such a region.
"""

from __future__ import annotations

import html
import re

REGION_CLASS = "atlas-scroll"
LABEL = "{heading}(表格)"
LABEL_NUMBERED = "{heading}(表格 {n})"

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ATTR_LIST = re.compile(r"\s*\{[^{}]*\}\s*$")
_DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)(?:\{[^{}]*\})?")
_TAG = re.compile(r"<[^>]*>")
_EMPHASIS = re.compile(r"\*{1,3}|_{2,3}")


def heading_text(markdown_heading: str) -> str:
    """The plain text of a generated heading: links, tags, emphasis and the ``{ #id }`` removed.

    Content in a heading is escaped by the ``md`` filter (``[`` is ``&#91;``), so the link and tag
    syntax seen here is the template's own; the entities are decoded last.
    """
    text = _ATTR_LIST.sub("", markdown_heading)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(html.unescape(text).split())


def _attr(text: str) -> str:
    # the opening tag of an HTML block: HTML escaping, plus "|", which a table row would split on
    return html.escape(text, quote=True).replace("|", "&#124;")


def _is_table_start(lines: list[str], i: int) -> bool:
    return (lines[i].startswith("|") and i + 1 < len(lines)
            and lines[i + 1].startswith("|") and bool(_DELIMITER.match(lines[i + 1].strip())))


def wrap_tables(markdown: str) -> str:
    """``markdown`` with each pipe table inside a labelled, focusable region (see the module doc)."""
    lines = markdown.split("\n")
    heading = ""
    tables: list[tuple[int, int, str]] = []  # (first line, end line, heading)
    i = 0
    while i < len(lines):
        m = _HEADING.match(lines[i])
        if m:
            heading = heading_text(m.group(2))
            i += 1
            continue
        if _is_table_start(lines, i):
            end = i + 2
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            tables.append((i, end, heading))
            i = end
            continue
        i += 1
    if not tables:
        return markdown
    per_heading: dict[str, int] = {}
    for _, _, h in tables:
        per_heading[h] = per_heading.get(h, 0) + 1
    seen: dict[str, int] = {}
    out: list[str] = []
    last = 0
    for start, end, h in tables:
        seen[h] = seen.get(h, 0) + 1
        name = h or "本页"
        label = (LABEL if per_heading[h] == 1 else LABEL_NUMBERED).format(heading=name, n=seen[h])
        out.extend(lines[last:start])
        out.extend(["", f'<div class="{REGION_CLASS}" role="region" tabindex="0" aria-label="{_attr(label)}" markdown>',
                    ""])
        out.extend(lines[start:end])
        out.extend(["", "</div>", ""])
        last = end
    out.extend(lines[last:])
    return "\n".join(out)
