"""How a target relates to its figure: a small, closed comparator vocabulary, and the literal
qualifying words (以上, 左右, 各, 累计, 力争 …) that the plans write around a figure.

Plans write the same relation many ways (达到 / 达 / 实现 / 建成; 不少于 / 至少 / 以上; 年均增长 /
年均递增), and a table that lists them as written cannot be sorted or compared. So a target keeps
two things apart:

- ``comparator``: one word of ``COMPARATORS``, what the figure means for the measure;
- ``qualifier``: the qualifying words exactly as written, in text order, joined by ``、``
  (``各、以上`` for 各达到3家以上), or None. The quote keeps the whole sentence as written.

``comparator_for`` is the one rule from the words written to the comparator; the importer applies
it and the content loader accepts only these comparators.
"""

from __future__ import annotations

from collections.abc import Iterable

# The vocabulary, in the order a reader meets them; each with what it means.
COMPARATORS: dict[str, str] = {
    "达到": "the measure reaches the figure (达到、达、实现、为; a count to build: 建成10个…)",
    "超过": "more than the figure (超过、突破、逾、超、高于; 100余家, 100多家)",
    "不低于": "at least the figure (以上、不少于、不低于、至少)",
    "约": "about the figure (左右、约、近)",
    "不超过": "at most the figure (不超过、以内、以下、控制在; 下降到、缩短至 …)",
    "年均增长": "average yearly growth by the figure (年均增长、年均递增、年均提高)",
    "增长": "growth over the period by the figure (增长、提高、提升、增加、扩大、上升)",
    "下降": "reduction by the figure (下降、降低、减少、缩短、压缩、年均下降)",
    "新增": "added during the period (新增)",
}

# Literal words kept as the qualifier when the plan writes them with the figure.
QUALIFIERS = ("力争", "累计", "每年", "各", "不少于", "不低于", "至少", "不超过", "约", "近", "逾",
              "余", "多", "以上", "左右", "以内", "以下", "全覆盖")

_YEARLY_GROWTH = ("年均增长", "年均递增", "年均提高", "年均提升", "年均增加")
_GROWTH = ("增长", "提高", "提升", "增加", "扩大", "上升", "递增")
_DECREASE = ("年均下降", "年均降低", "下降", "降低", "减少", "缩短", "压缩", "缩小")
_AT_LEAST = ("以上", "不少于", "不低于", "至少")
_ABOUT = ("左右", "约", "近")
_AT_MOST = ("以内", "以下", "不超过", "控制在")
_MORE_THAN = ("超过", "突破", "逾", "超", "高于", "余", "多")


def comparator_for(literal: str | None, qualifiers: Iterable[str] = ()) -> str:
    """The vocabulary comparator of a figure written after ``literal`` (达到, 年均递增, 提高到 …, or
    None) with these qualifying words around it (以上, 左右 …)."""
    words = tuple(qualifiers)
    lit = (literal or "").strip()
    # 分别达到, 力争达到, 各达到: the relation is the verb's
    for lead in ("分别", "力争", "各", "累计", "每年"):
        if lit.startswith(lead) and len(lit) > len(lead):
            lit = lit[len(lead):]
    to_level = lit.endswith(("到", "至")) or lit == "降至"
    if lit in _YEARLY_GROWTH or (lit.startswith("年均") and lit[2:] in _GROWTH):
        return "年均增长"
    if lit.startswith(_DECREASE) and not to_level:
        return "下降"
    if lit.startswith(_GROWTH) and not to_level:
        return "增长"
    if lit.startswith(_DECREASE) and to_level:
        return "不超过"
    if lit == "新增":
        return "新增"  # an increment stays one, 以上 or not (新增就业岗位5万个以上)
    if any(w in _AT_LEAST for w in words) or lit in _AT_LEAST:
        return "不低于"
    if any(w in _AT_MOST for w in words) or lit in _AT_MOST:
        return "不超过"
    if any(w in _ABOUT for w in words) or lit in _ABOUT:
        return "约"
    if lit in _MORE_THAN or any(w in ("逾", "余", "多") for w in words):
        return "超过"
    return "达到"


def join_qualifiers(words: Iterable[str]) -> str | None:
    """The qualifier field: the words in the order given, each once, joined by 、; None if none."""
    out = list(dict.fromkeys(w for w in words if w))
    return "、".join(out) if out else None
