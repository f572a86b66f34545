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

from ..model import Plan, Region, Vocabulary
from ..atlas import Atlas, TargetRef, TaskRef, urls
from .plan_pages import numbered


# Characters of an untitled task's text used as its label.
EXCERPT = 24


# What a province-level region's own plans are called under its group heading, by region level.
OWN_LEVEL_LABELS = {"province": "省本级", "municipality": "市本级", "city": "市本级"}


@dataclass(frozen=True)
class RegionGroup:
    """A province-level region (or the country) and the regions under it, in vocabulary order."""

    head: Region
    regions: tuple[Region, ...]

    def label(self, region: Region) -> str:
        """A member's heading under the group's own heading: the head region itself is 省本级 /
        市本级 (its own plans, not its name again), every other region its name."""
        if region.id == self.head.id and region.level in OWN_LEVEL_LABELS:
            return OWN_LEVEL_LABELS[region.level]
        return region.name


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


# How much of a titled task's text an agency page shows under its heading (the full text is one
# click away on the plan page; full texts repeated on every agency page were the largest share of
# the site's Markdown at 300 plans, make bench).
OPENING_CHARS = 60


def task_opening(ref: TaskRef) -> str | None:
    """The opening of a titled task's text, cut with an ellipsis to ``OPENING_CHARS`` characters in
    all; None for an untitled task, whose heading already is the opening of its text."""
    if not ref.task.title:
        return None
    text = ref.task.text
    return text if len(text) <= OPENING_CHARS else text[:OPENING_CHARS - 1] + "…"


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


def template_context(atlas: Atlas) -> dict[str, Any]:
    """What every cross-cutting page template may look up: the URL scheme and these helpers."""
    return {
        "h": _helpers,
        "urls": urls,
    }


class _helpers:
    """The formatting helpers templates call (``h.task_heading(ref)``); decisions stay in Python."""

    task_heading = staticmethod(task_heading)
    section_trail = staticmethod(section_trail)
    task_opening = staticmethod(task_opening)
