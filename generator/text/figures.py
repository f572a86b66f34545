"""Where a sentence states a figure: the evidence test behind "this plan set no target for X".

A page may say a plan did not set a target for an indicator only when none of the plan's sentences
names the indicator together with a figure. ``figures`` finds figures the way a reader would: a
number with a measure (65%, 120家, 100M, 2.5万架, 百兆, 千家), or a bare number after 达到 / 超过.
Years and dates (2018年, 6月), document numbers (〔2015〕40号), list numbers (1. 、 (三)) and network
generations (3G, 4G) are not figures.
"""

from __future__ import annotations

import re

from .folding import fold

_CN = "一二三四五六七八九十百千万亿两"
_MEASURE = "%‰个家所座项台套架处条名人户场次件部辆种倍吨亩床市兆元天"
_ARABIC = re.compile(
    r"(?<![0-9A-Za-z.〔\[第])([0-9]+(?:\.[0-9]+)?)(?![0-9])"
    r"(?!\s*(?:年|月|日|号|\.(?![0-9])|、|\)|G(?![a-z])))"
)
_CHINESE = re.compile(r"[一二三四五六七八九两]?[十百千万][" + _CN + r"]*(?=[" + _MEASURE + r"]|余|多)")
_SENTENCE_END = re.compile(r"[。;;!!??\n]")


def figures(sentence: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the figures in ``sentence`` (positions in the text as given)."""
    folded = fold(sentence)
    spans = [(m.start(1), m.end(1)) for m in _ARABIC.finditer(folded)]
    spans += [(m.start(), m.end()) for m in _CHINESE.finditer(folded)]
    return sorted(spans)


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text`` with where each starts: split after 。;!? and line breaks."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start:m.end()].strip():
            out.append((start, text[start:m.end()]))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out
