"""Horizontal bar charts as inline SVG, drawn at build time.

The indicator pages compare one figure across regions (固定宽带家庭普及率: 山东省 65% by 2018 vs
聊城市 70% by 2020). A chart library would mean shipping JavaScript; a bar chart is a few rectangles,
so it is drawn here, once, with nothing to load at view time and nothing that runs in the browser.

The output is deterministic (fixed coordinates and number formats, ids derived from the caller's
key), accessible (``role="img"`` with ``<title>`` and ``<desc>``; the page's table is the full
fallback) and safe: every label is HTML-escaped, so a ``<script>`` in a region or plan name is text.
Horizontal bars keep long Chinese labels legible on a phone.

Rows that have no figure still get a line, and the two reasons look different: a plan that states
no target for the indicator (``NO_TARGET``: a plain grey note) and a plan whose targets have not been
extracted yet (``NOT_EXTRACTED``: a dashed, empty frame) — a reader must not take one for the other.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

VALUE = "value"
NO_TARGET = "no-target"
NOT_EXTRACTED = "not-extracted"
MENTIONED = "mentioned"  # the text names the indicator with a figure; no target links it yet

STATUS_TEXT = {NO_TARGET: "未提出该指标目标", NOT_EXTRACTED: "尚未提取目标", MENTIONED: "原文提及,尚未结构化"}

WIDTH = 480
ROW = 32
BAR = 20
PAD = 8
FONT = 14
VALUE_ROOM = 92  # least room right of the longest bar for its value text
MIN_PLOT = 120  # least width of the bars' area
MAX_LABEL_UNITS = 16  # a region name and its year fit (新疆生产建设兵团第十二师 2020年); longer is cut


@dataclass(frozen=True)
class Bar:
    """One row of a chart: a label and a figure (with an optional upper bound), or a status."""

    label: str
    value: float | None = None
    value_max: float | None = None
    value_text: str = ""
    status: str = VALUE
    tooltip: str | None = None  # the full label and source, shown on hover


def _width_units(text: str) -> float:
    """Display width in CJK characters: wide characters count 1, others about half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def _clip(text: str, units: float) -> str:
    """Cut a label to ``units`` display width, marking the cut with an ellipsis (the tooltip and
    the table keep it whole)."""
    if _width_units(text) <= units:
        return text
    out, used = [], 0.0
    for c in text:
        w = _width_units(c)
        if used + w > units - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _id(key: str) -> str:
    return "chart-" + (re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "x")


def bar_chart(bars: Sequence[Bar], *, key: str, title: str, desc: str) -> str:
    """An inline ``<svg>`` bar chart (one line per bar, no blank lines: safe in a Markdown HTML block).

    ``key`` makes the element ids unique on the page (two charts on one page need two keys).
    """
    e = lambda s: html.escape(s, quote=True)  # noqa: E731 - one escaping rule for the whole SVG
    cid = _id(key)
    # Columns sized to their longest text, so that no label or value is cut (100Mbps, 5000亿元).
    label_units = min(MAX_LABEL_UNITS, max([_width_units(b.label) for b in bars] + [4.0]))
    label_w = round(label_units * FONT) + PAD
    value_room = max([round(_width_units(b.value_text) * FONT) + 12 for b in bars if b.status == VALUE]
                     + [VALUE_ROOM])
    width = max(WIDTH, label_w + PAD + value_room + MIN_PLOT)
    plot_x = PAD + label_w
    plot_w = width - plot_x - value_room
    peak = max([b.value_max if b.value_max is not None else b.value or 0.0
                for b in bars if b.status == VALUE] + [0.0])
    height = PAD * 2 + ROW * max(len(bars), 1)

    out = [
        f'<svg class="atlas-chart" role="img" aria-labelledby="{cid}-title {cid}-desc" '
        # an intrinsic size (a figure shrinks to its content), scaled down on narrow screens
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="max-width:100%;height:auto" '
        f'font-size="{FONT}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{cid}-title">{e(title)}</title>',
        f'<desc id="{cid}-desc">{e(desc)}</desc>',
        f'<line x1="{plot_x}" y1="{PAD}" x2="{plot_x}" y2="{height - PAD}" stroke="currentColor" '
        f'stroke-opacity="0.4"/>',
    ]
    for i, b in enumerate(bars):
        top = PAD + i * ROW
        mid = top + ROW / 2
        bar_y = top + (ROW - BAR) / 2
        row = [f'<g class="atlas-bar atlas-bar-{b.status}">']
        if b.tooltip:
            row.append(f"<title>{e(b.tooltip)}</title>")
        row.append(
            f'<text x="{plot_x - 6}" y="{_num(mid)}" text-anchor="end" dominant-baseline="central" '
            f'fill="currentColor">{e(_clip(b.label, label_units))}</text>'
        )
        if b.status == VALUE and b.value is not None:
            w = plot_w * (b.value / peak) if peak > 0 else 0.0
            row.append(
                f'<rect x="{plot_x}" y="{_num(bar_y)}" width="{_num(max(w, 1.0))}" height="{BAR}" '
                f'style="fill:var(--md-primary-fg-color,#4051b5)"/>'
            )
            end = w
            if b.value_max is not None and peak > 0:
                w_max = plot_w * (b.value_max / peak)
                row.append(
                    f'<rect x="{_num(plot_x + w)}" y="{_num(bar_y)}" width="{_num(max(w_max - w, 1.0))}" '
                    f'height="{BAR}" style="fill:var(--md-primary-fg-color,#4051b5)" fill-opacity="0.35"/>'
                )
                end = w_max
            row.append(
                f'<text x="{_num(plot_x + end + 6)}" y="{_num(mid)}" dominant-baseline="central" '
                f'fill="currentColor">{e(b.value_text)}</text>'
            )
        elif b.status in (NOT_EXTRACTED, MENTIONED):
            row.append(
                f'<rect x="{plot_x + 2}" y="{_num(bar_y)}" width="{_num(plot_w * 0.6)}" height="{BAR}" '
                f'fill="none" stroke="currentColor" stroke-opacity="0.6" stroke-dasharray="4 3"/>'
            )
            row.append(
                f'<text x="{plot_x + 10}" y="{_num(mid)}" dominant-baseline="central" fill="currentColor" '
                f'font-style="italic">{e(b.value_text or STATUS_TEXT[b.status])}</text>'
            )
        else:
            row.append(
                f'<text x="{plot_x + 10}" y="{_num(mid)}" dominant-baseline="central" fill="currentColor" '
                f'fill-opacity="0.6">{e(b.value_text or STATUS_TEXT[NO_TARGET])}</text>'
            )
        row.append("</g>")
        out.append("".join(row))
    out.append("</svg>")
    return "\n".join(out)
