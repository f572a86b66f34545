"""Evidence for a gap: where a plan's text names an indicator together with a figure.

An indicator page says a plan "did not set a target for this indicator" (未提出该指标目标) only when
the plan's text shows it: none of its sentences names the indicator (its name or an alias) together
with a figure. A sentence that does, in a plan with no target linked to that indicator, is a
``Mention``: the page shows it (原文提及,尚未结构化) with the passage, and ``make check`` names it,
so that a reviewer adds the target (or fixes the indicator's aliases) instead of the page stating
something false.

Matching is on folded text (traditional script and full-width forms read as simplified), names
longest first, so 农村家庭宽带接入能力 is not also 家庭宽带接入能力.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Indicator, Loc, Plan, Section, Task
from ..text.figures import figures, sentences
from ..text.folding import fold
from ..text.verbatim import normalize


@dataclass(frozen=True)
class Mention:
    """A sentence of a plan that names ``indicator`` with a figure, where no target links it."""

    plan: Plan
    indicator: str
    sentence: str  # verbatim, as stored in the plan
    name: str  # the indicator's name or alias found in it
    task: Task | None
    section: Section

    @property
    def url(self) -> str:
        return f"plans/{self.plan.id}/#{self.task.id if self.task else self.section.id}"

    @property
    def loc(self) -> Loc | None:
        return (self.task or self.section).loc


class _Names:
    """Every indicator name and alias, folded, in one longest-first pattern."""

    def __init__(self, indicators: dict[str, Indicator]):
        self.by_name: dict[str, str] = {}
        for ind in indicators.values():
            for name in (ind.name, *ind.aliases):
                key = normalize(fold(name))
                if len(key) >= 2:
                    self.by_name.setdefault(key, ind.id)
        ordered = sorted(self.by_name, key=lambda n: (-len(n), n))
        self.pattern = re.compile("|".join(re.escape(n) for n in ordered)) if ordered else None


def _texts(plan: Plan) -> Iterator[tuple[Section, Task | None, str]]:
    for section in plan.iter_sections():
        if section.text:
            yield section, None, section.text
        for task in section.tasks:
            yield section, task, task.text


def mentions(plan: Plan, indicators: dict[str, Indicator], names: _Names | None = None) -> list[Mention]:
    """Every (sentence, indicator) of ``plan`` where the sentence names the indicator with a figure."""
    names = names or _Names(indicators)
    if names.pattern is None:
        return []
    out: list[Mention] = []
    for section, task, text in _texts(plan):
        for _, sentence in sentences(text):
            if not figures(sentence):
                continue
            key = normalize(fold(sentence))
            seen: set[str] = set()
            for m in names.pattern.finditer(key):
                ind = names.by_name[m.group()]
                if ind not in seen:
                    seen.add(ind)
                    out.append(Mention(plan, ind, sentence.strip(), m.group(), task, section))
    return out


def unstructured(plans: dict[str, Plan], indicators: dict[str, Indicator],
                 linked: dict[str, set[str]]) -> dict[str, tuple[Mention, ...]]:
    """Per indicator, the mentions in plans that link no target to it (``linked``: plan → indicators)."""
    names = _Names(indicators)
    out: dict[str, list[Mention]] = {}
    for plan in plans.values():
        for mention in mentions(plan, indicators, names):
            if mention.indicator not in linked.get(plan.id, set()):
                out.setdefault(mention.indicator, []).append(mention)
    return {k: tuple(v) for k, v in out.items()}
