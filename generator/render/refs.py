"""View helpers shared by the cross-cutting pages (domain, agency, agency type, indicator, coverage).

Those pages all line regions up side by side, and at 300 plans a flat list of regions is unreadable:
they group regions under their province-level region (山东省 holds 济南市 and 聊城市; 北京市 is its
own group) in vocabulary order. The helpers are pure and linear in what they are given: they never
scan the whole atlas, so a page costs what it shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Plan, Region, Target, Vocabulary
from ..atlas import ROLE_NAMES, Atlas, TargetRef, TaskRef, urls
from .plan_pages import numbered
from .render import number


# Characters of an untitled task's text used as its label.
EXCERPT = 24


@dataclass(frozen=True)
class RegionGroup:
    """A province-level region (or the country) and the regions under it, in vocabulary order."""

    head: Region
    regions: tuple[Region, ...]


@dataclass(frozen=True)
class PlanTasks:
    """One plan's tasks on a cross-cutting page, in document order."""

    plan: Plan
    tasks: tuple[TaskRef, ...]


@dataclass(frozen=True)
class RegionTasks:
    """One region's tasks on a cross-cutting page, plan by plan."""

    region: Region
    plans: tuple[PlanTasks, ...]

    @property
    def count(self) -> int:
        return sum(len(p.tasks) for p in self.plans)


def group_head(vocab: Vocabulary, region_id: str) -> Region:
    """The province-level region a region belongs to: itself for a province, municipality or country.

    A region whose parent is unknown to the vocabulary heads its own group rather than failing: the
    loader validates parents, and a view should not be where that is enforced.
    """
    region = vocab.regions[region_id]
    seen = {region.id}
    while region.parent and region.parent in vocab.regions:
        parent = vocab.regions[region.parent]
        if parent.level == "country" or parent.id in seen:
            break
        seen.add(parent.id)
        region = parent
    return region


def group_regions(vocab: Vocabulary, region_ids: Iterable[str]) -> tuple[RegionGroup, ...]:
    """Group regions by province-level region; groups and members in vocabulary order."""
    wanted = set(region_ids)
    order = {rid: i for i, rid in enumerate(vocab.regions)}
    groups: dict[str, list[Region]] = {}
    for rid in sorted(wanted, key=lambda r: (order.get(r, len(order)), r)):
        if rid not in vocab.regions:
            continue
        head = group_head(vocab, rid)
        groups.setdefault(head.id, []).append(vocab.regions[rid])
    return tuple(
        RegionGroup(vocab.regions[h], tuple(members))
        for h, members in sorted(groups.items(), key=lambda kv: order[kv[0]])
    )


def by_region(vocab: Vocabulary, refs: Iterable[TaskRef]) -> dict[str, RegionTasks]:
    """Tasks grouped by region, then plan; regions in vocabulary order, plans by id, tasks in order.

    ``refs`` come from an atlas index (already by plan id, in document order), so grouping keeps
    their order and costs one pass.
    """
    per_region: dict[str, dict[str, list[TaskRef]]] = {}
    plans: dict[str, Plan] = {}
    for ref in refs:
        per_region.setdefault(ref.plan.region, {}).setdefault(ref.plan.id, []).append(ref)
        plans[ref.plan.id] = ref.plan
    order = {rid: i for i, rid in enumerate(vocab.regions)}
    out: dict[str, RegionTasks] = {}
    for rid in sorted(per_region, key=lambda r: (order.get(r, len(order)), r)):
        region = vocab.regions.get(rid) or Region(rid, rid, "unknown", None, None)
        out[rid] = RegionTasks(
            region,
            tuple(PlanTasks(plans[pid], tuple(ts)) for pid, ts in sorted(per_region[rid].items())),
        )
    return out


def task_heading(ref: TaskRef) -> str:
    """A task's label as the plan prints it (1. 推广网络众包研发模式).

    An untitled task is labelled by the opening of its text, marked as cut with an ellipsis.
    """
    title = ref.task.title
    if not title:
        text = " ".join(ref.task.text.split())
        title = text if len(text) <= EXCERPT else text[:EXCERPT] + "…"
    return numbered(ref.task.number, title) or ref.task.id


def section_trail(ref: TaskRef) -> str:
    """The titles of the sections above a task, outermost first: where it sits in its plan."""
    return " › ".join(numbered(s.number, s.title) or s.id for s in ref.sections)


def regions_with_plans(plans_by_region: dict[str, tuple[Plan, ...]]) -> tuple[str, ...]:
    """Region ids that have at least one plan, in the atlas's (vocabulary) order."""
    return tuple(rid for rid, plans in plans_by_region.items() if plans)


def task_targets(refs: Iterable[TaskRef]) -> tuple[TargetRef, ...]:
    """The targets stated in these tasks, in their order."""
    return tuple(
        TargetRef(ref.plan, t, ref.task, ref.sections[-1] if ref.sections else None)
        for ref in refs
        for t in ref.task.targets
    )


def target_range(target: Target) -> str:
    """A target's number without its unit: 65, 2-3 (a range keeps its upper bound)."""
    value = number(target.value)
    if target.value_max is not None:
        value = f"{value}-{number(target.value_max)}"
    return value


def target_value(target: Target) -> str:
    """A target's figure as one reads it: 65%, 2-3家, 5000亿元 (the comparator is shown apart)."""
    return f"{target_range(target)}{target.unit or ''}"


def measure_text(tref: TargetRef) -> str:
    """A target's figure in its indicator's unit with the comparator and the qualifier as written:
    超过 100 Mbps, 不低于 3家(各、以上)."""
    t, m = tref.target, tref.measure
    if m is None:
        return f"{t.comparator} {target_value(t)}"
    value = number(m.value) + (f"-{number(m.value_max)}" if m.value_max is not None else "")
    unit = m.unit or ""
    text = f"{t.comparator} {value}{(' ' if unit[:1].isascii() and unit != '%' else '')}{unit}"
    return text + (f"({t.qualifier})" if t.qualifier else "")


def comparator_text(target: Target) -> str:
    """The comparator from the vocabulary, with the qualifier as written: 不低于(以上), 达到(各、以上)."""
    return target.comparator + (f"({target.qualifier})" if target.qualifier else "")


def template_context(atlas: Atlas) -> dict[str, Any]:
    """What every E2 template may look up: the vocabularies, the URL scheme and these helpers."""
    return {
        "h": _helpers,
        "urls": urls,
        "known": atlas.vocab.agencies,
        "regions": atlas.vocab.regions,
        "indicators": atlas.vocab.indicators,
        "types": atlas.vocab.agency_types,
        "role_names": ROLE_NAMES,
    }


class _helpers:
    """The formatting helpers templates call (``h.task_heading(ref)``); decisions stay in Python."""

    task_heading = staticmethod(task_heading)
    section_trail = staticmethod(section_trail)
    target_value = staticmethod(target_value)
    range = staticmethod(target_range)
    measure_text = staticmethod(measure_text)
    comparator_text = staticmethod(comparator_text)
