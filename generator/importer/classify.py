"""Tasks → policy domains (site_config/domains.yaml), from the plan's own headings and words.

A researcher comparing 远程医疗 across regions opens one domain page and expects every relevant
task on it and few others, so the rules are deliberately plain and conservative:

1. **Headings map whole sections.** A heading word found in an enclosing section heading puts every
   task under it in the domain: the plans group their tasks by field (“(十一)互联网+医疗服务”), and
   an item under that heading is a health task whatever words it uses. The task's own title is read
   the same way, as the heading of that one task.
2. **Only the field of a “互联网+X” heading is read.** Dongguan's “(四)发展‘互联网+民生’,提升政府服务
   水平,推进基本公共服务均等化” groups education, culture and health; its rhetoric (政府服务) must not
   put them in 政务服务. When a heading says 互联网+X, only X (up to the next punctuation) is read;
   otherwise the whole heading is.
3. **The most specific heading word wins.** Heading words are matched longest first and never inside
   a longer one that matched: “推进城市基础设施智能化” is 城市管理 (城市基础设施), not also 信息基础设施.
   A word listed by several domains (远程医疗: 医疗健康 and 远程医疗) maps to all of them, and a few
   phrases (``NOT_A_FIELD``: 健康发展 …) map to none, so that “促进互联网金融健康发展” is not health.
4. **Keywords in the task's own words add domains.** A keyword in the title adds its domain; in the
   body the domain's keywords must occur at least ``MIN_BODY_HITS`` times. A keyword that is an
   item of an enumeration (“在信用、交通、医疗、卫生、就业、社保、文化、教育等重要领域”) is mentioned in
   passing and does not count: plans list fields to say "everywhere", not to assign the task.
   Keywords match longest first across all domains: 教育城域网 is education's, not also 城域网's.
5. **A task's own title outranks its section's field.** Jinan files 养老 and 社保 tasks under
   “互联网+社区服务”, Liaocheng 物流 under 商贸流通: when the title names a field, the section's
   stays only if it is that field's umbrella (``includes``: 公共安全 over 食品药品安全) or the body
   uses one of its keywords too.
6. **Beside a field, a second one needs more.** Once headings or title keywords give a task a
   field, another domain's keywords must occur ``MIN_SECONDARY_HITS`` times in the body, or
   ``MIN_SECONDARY_KINDS`` different ones (首都之窗网站群、政府服务热线 … in a 社会管理 task): two
   mentions of 电商 in a task about 高速公路 do not make it e-commerce. A part of the field found
   (``includes``: 远程医疗 in 医疗健康) needs only ``MIN_BODY_HITS``.
7. **Every task has a domain.** The importer sends a task nothing else places to ``FALLBACK``
   (组织实施与统筹协调: the procedural measures — 营造发展环境, 加强示范带动 …).

The result is in vocabulary order (the order of domains.yaml), so it is deterministic and stable
when the vocabulary grows. Matching is done on ``generator.text.verbatim.normalize`` text folded to simplified
script and case-folded, so full-width forms (ＷＩＦＩ), traditional script (醫療) and line breaks in
web copies make no difference; the vocabulary is written once, in simplified script.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from generator.model import Domain

from ..text.folding import fold_key

__all__ = ["FALLBACK", "MIN_BODY_HITS", "MIN_SECONDARY_HITS", "NOT_A_FIELD", "classify_domains", "heading_focus"]

# How many keyword occurrences in a task's body (title excluded) add a domain; see rule 4.
MIN_BODY_HITS = 2
# … when the headings or keywords already give the task a field (rule 6).
MIN_SECONDARY_HITS = 4
MIN_SECONDARY_KINDS = 3  # … or this many different keywords of it
# The domain of a task nothing else places (rule 7): organisation, funds, pilots ….
FALLBACK = "coordination"

_PLUS = "互联网+"
# Quotes that wrap the “互联网+” label or its field, skipped before the field is read.
_QUOTES = "“”\"'‘’「」『』《》〈〉"
# Where the field named after 互联网+ ends: punctuation, or a quote that closes the label.
_FIELD_END = re.compile(r"[,。;:、!?()\[\]{}“”\"'‘’「」『』《》〈〉]")
# An item of an enumeration sits between 、 and another list boundary (、 和 及 与 等 or punctuation).
_LIST_SEP = "、"
_LIST_EDGE = set("、和及与或等,。;:()“”\"") | {""}


_fold = fold_key  # text.folding: no whitespace, NFKC, simplified, case-folded


def heading_focus(heading: str) -> str:
    """The part of a heading that names its field (rule 2), normalised and case-folded.

    ``heading_focus("(四)发展“互联网+民生”,提升政府服务水平") == "民生"``; a heading without 互联网+
    is returned whole: ``heading_focus("(三)完善信用体系建设。") == "(三)完善信用体系建设。"``.
    Several 互联网+ labels in one heading give their fields joined by a space.
    """
    folded = _fold(heading)
    if _PLUS not in folded:
        return folded
    fields = []
    for part in folded.split(_PLUS)[1:]:
        part = part.lstrip(_QUOTES)
        end = _FIELD_END.search(part)
        fields.append(part[: end.start()] if end else part)
    return " ".join(f for f in fields if f)


def _alternation(words: set[str]) -> re.Pattern[str] | None:
    # Longest first: at each position the most specific word matches, and shorter words inside it
    # are skipped (finditer does not overlap).
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in ordered)) if ordered else None


# Phrases in which a heading word is not a field: “促进互联网金融健康发展” is about finance, not health.
# They take part in the longest-first match and map to no domain, so the word inside them is skipped.
NOT_A_FIELD = ("健康发展", "健康有序", "健康持续", "宣传教育", "警示教育")


class _Index:
    """The vocabulary's words compiled once: heading words → domains, keyword pattern per domain."""

    def __init__(self, domains: tuple[Domain, ...]):
        self.heading_domains: dict[str, set[str]] = {}
        for domain in domains:
            for word in domain.heading_words:
                if word.strip():
                    self.heading_domains.setdefault(_fold(word), set()).add(domain.id)
        for phrase in NOT_A_FIELD:
            self.heading_domains.setdefault(_fold(phrase), set())
        self.heading_pattern = _alternation(set(self.heading_domains))
        self.keyword_patterns = {
            domain.id: _alternation({_fold(k) for k in domain.keywords if k.strip()}) for domain in domains
        }
        self.keyword_domains: dict[str, set[str]] = {}
        for domain in domains:
            for k in domain.keywords:
                if k.strip():
                    self.keyword_domains.setdefault(_fold(k), set()).add(domain.id)
        self.keyword_all = _alternation(set(self.keyword_domains))


@functools.lru_cache(maxsize=16)
def _index(domains: tuple[Domain, ...]) -> _Index:
    return _Index(domains)


def _heading_domains(heading: str, index: _Index) -> set[str]:
    focus = heading_focus(heading)
    if not focus or index.heading_pattern is None:
        return set()
    found: set[str] = set()
    for match in index.heading_pattern.finditer(focus):
        found |= index.heading_domains[match.group()]
    return found


def _in_passing(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a whole item of a 、-separated enumeration."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (before == _LIST_SEP and after in _LIST_EDGE) or (after == _LIST_SEP and before in _LIST_EDGE)


def _keyword_hits(text: str, index: _Index, distinct: bool = False) -> dict[str, int]:
    """Keyword occurrences per domain, longest first across all domains (教育城域网 is education's,
    not also 城域网 for infrastructure), not counting items of enumerations."""
    hits: dict[str, int] = {}
    words: dict[str, set[str]] = {}
    if index.keyword_all is None:
        return hits
    for m in index.keyword_all.finditer(text):
        if _in_passing(text, m.start(), m.end()):
            continue
        for domain_id in index.keyword_domains[m.group()]:
            hits[domain_id] = hits.get(domain_id, 0) + 1
            words.setdefault(domain_id, set()).add(m.group())
    if distinct:
        return {d: len(ws) for d, ws in words.items()}
    return hits


def classify_domains(
    *,
    title: str | None,
    text: str,
    headings: Sequence[str],
    domains: Mapping[str, Domain],
    fallback: str | None = None,
) -> tuple[str, ...]:
    """The domain ids of one task, in vocabulary order.

    ``headings`` are the titles of the sections that enclose the task, outermost first (their
    numbers may be included: “(十一)互联网+医疗服务。” and “互联网+医疗服务” classify alike);
    ``title`` and ``text`` are the task's own heading and verbatim body; ``fallback`` is the
    domain of a task nothing else places (the importer passes ``FALLBACK``). See the module
    docstring for the rules.
    """
    index = _index(tuple(domains.values()))
    sections: set[str] = set()
    for heading in headings:
        if heading:
            sections |= _heading_domains(heading, index)
    own = _heading_domains(title, index) if title else set()
    body = _keyword_hits(_fold(text or ""), index)
    if own and sections:
        # Rule 5: the task's own title names its field; the section's field stays only when it
        # is the title's umbrella (公共安全 over 食品药品) or the body says so too.
        sections = {d for d in sections
                    if d in own or set(domains[d].includes) & own or body.get(d, 0) >= 1}
    found = own | sections | set(_keyword_hits(_fold(title or ""), index))
    # Rule 6: beside a field the headings give, the body must dwell on another one to add it.
    if found:
        kinds = _keyword_hits(_fold(text or ""), index, distinct=True)
        found |= {d for d, n in body.items() if n >= MIN_SECONDARY_HITS or kinds.get(d, 0) >= MIN_SECONDARY_KINDS}
    else:
        found |= {d for d, n in body.items() if n >= MIN_BODY_HITS}
    # A part of a field found (远程医疗 in 医疗健康) needs only MIN_BODY_HITS.
    parts = {p for d in found for p in domains[d].includes}
    found |= {d for d in parts if body.get(d, 0) >= MIN_BODY_HITS}
    if not found and fallback in domains:
        found = {fallback}  # rule 7: every task has a domain
    return tuple(domain_id for domain_id in domains if domain_id in found)
