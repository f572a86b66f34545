"""Indicator pages: the master table of every target (``indicators/index.md``) and one page per
comparable indicator (``indicators/<id>.md``) with a bar chart and its table.

"Which targets did Dongguan set for 2020, and how do they compare?" — the master table lines up every
target of every plan (region, plan, indicator, value, unit, comparator, year, and the verbatim quote
linked to the task or section that states it). An indicator page compares one figure across
regions: a build-time SVG chart (``charts.py``) per unit, and the table as its accessible fallback.

Every plan in the corpus appears on every indicator page, so a gap is visible. Two different gaps
must never look alike: a plan that states targets but none for this indicator ("未提出该指标目标",
``NO_TARGET``) and a plan whose targets have not been extracted at all ("尚未提取目标",
``NOT_EXTRACTED``): the first is a finding about the plan, the second only about our data.

Cost is what the pages show: ``atlas.targets_by_indicator`` per indicator, one pass over
``atlas.targets`` for the master table and to learn which plans have targets.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from ..model import Indicator, Plan, Region
from ..atlas import Atlas, TargetRef, urls
from ..atlas.evidence import Mention
from .charts import MENTIONED, NO_TARGET, NOT_EXTRACTED, STATUS_TEXT, VALUE, Bar, bar_chart
from .page import Page
from .refs import RegionGroup, group_head, group_regions, template_context
from .render import front_matter, render, source_path
from .target_table import (INDICATOR, PLAN, REGION, Cell, Note, TargetRow, TargetTable, measure_text, row,
                           table)

# the leading columns of the index of all targets, and of an indicator's page
INDEX_COLUMNS = (REGION, PLAN, INDICATOR)
INDICATOR_COLUMNS = (REGION, PLAN)


@dataclass(frozen=True)
class IndicatorRow:
    """One line of an indicator table: a plan's target, or the reason the plan has none."""

    region: Region
    plan: Plan
    target: TargetRef | None
    status: str  # charts.VALUE / MENTIONED / NO_TARGET / NOT_EXTRACTED
    mentions: tuple[Mention, ...] = ()  # MENTIONED: the sentences that name the indicator with a figure

    @property
    def status_text(self) -> str:
        return STATUS_TEXT.get(self.status, "")


@dataclass(frozen=True)
class Chart:
    """One chart of an indicator page: the targets stated in one unit."""

    unit: str
    svg: str


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    rows: tuple[IndicatorRow, ...]
    table: TargetTable  # the rows as the page's target table
    charts: tuple[Chart, ...]
    regions: int  # regions with at least one target for the indicator


@dataclass(frozen=True)
class IndicatorSummary:
    indicator: Indicator
    regions: int
    targets: int


@dataclass(frozen=True)
class TargetGroup:
    """The master table's part for one province-level group: its targets in region, plan, then
    document order, on a page of its own (``indicators/targets/<id>.md``)."""

    group: RegionGroup
    targets: tuple[TargetRef, ...]

    @property
    def plans(self) -> int:
        return len({t.plan.id for t in self.targets})


def _region(atlas: Atlas, region_id: str) -> Region:
    return atlas.vocab.regions.get(region_id) or Region(region_id, region_id, "unknown", None, None)


def plans_in_region_order(atlas: Atlas) -> tuple[Plan, ...]:
    """Every plan, regions in vocabulary order (provinces with their cities), plans by id."""
    groups = group_regions(atlas.vocab, (r for r, ps in atlas.plans_by_region.items() if ps))
    out = [p for g in groups for r in g.regions for p in atlas.plans_by_region[r.id]]
    seen = {p.id for p in out}
    return tuple(out) + tuple(p for p in atlas.plans.values() if p.id not in seen)


def plans_with_targets(atlas: Atlas) -> frozenset[str]:
    """Ids of plans with at least one extracted target (section or task)."""
    return frozenset(t.plan.id for t in atlas.targets)


def indicator_rows(atlas: Atlas, indicator: Indicator, plans: tuple[Plan, ...],
                   with_targets: frozenset[str]) -> tuple[IndicatorRow, ...]:
    by_plan: dict[str, list[TargetRef]] = {}
    for tref in atlas.targets_by_indicator.get(indicator.id, ()):
        by_plan.setdefault(tref.plan.id, []).append(tref)
    mentioned: dict[str, list[Mention]] = {}
    for m in atlas.unstructured.get(indicator.id, ()):
        mentioned.setdefault(m.plan.id, []).append(m)
    rows = []
    for plan in plans:
        region = _region(atlas, plan.region)
        if plan.id in by_plan:
            rows.extend(IndicatorRow(region, plan, t, VALUE) for t in by_plan[plan.id])
        elif plan.id in mentioned:
            # The text names the indicator with a figure: never say it set none.
            rows.append(IndicatorRow(region, plan, None, MENTIONED, tuple(mentioned[plan.id])))
        else:
            status = NO_TARGET if plan.id in with_targets else NOT_EXTRACTED
            rows.append(IndicatorRow(region, plan, None, status))
    return tuple(rows)


def _bar_label(row: IndicatorRow) -> str:
    label = row.region.name
    if row.target and row.target.target.year is not None:
        label += f" {row.target.target.year}年"
    return label


def chart_rows(rows: tuple[IndicatorRow, ...]) -> tuple[IndicatorRow, ...]:
    """One row per region for the chart: its latest plan's first target in document order (the
    headline goal before a task restating it), else the reason it has none. The table keeps all."""
    chosen: dict[str, IndicatorRow] = {}
    for r in rows:
        if r.target is not None and r.target.measure is None:
            continue  # a unit site_config/units.yaml cannot convert: table only (make check warns)
        have = chosen.get(r.region.id)
        if have is None:
            chosen[r.region.id] = r
        elif r.target is not None and (have.target is None or have.plan.id < r.plan.id):
            chosen[r.region.id] = r
    return tuple(chosen.values())


def charts_for(indicator: Indicator, rows: tuple[IndicatorRow, ...]) -> tuple[Chart, ...]:
    """One chart per indicator, in the indicator's unit (100M, 百兆 and 100Mbps on one scale), one
    bar per region; plans without a figure get a line saying why."""
    bars_rows = chart_rows(rows)
    if not any(r.target for r in bars_rows):
        return ()
    unit = next((r.target.measure.unit for r in bars_rows if r.target), None) or indicator.unit or ""
    bars = []
    for r in bars_rows:
        if r.target is None:
            tip = r.mentions[0].sentence if r.mentions else r.status_text
            bars.append(Bar(_bar_label(r), status=r.status, tooltip=f"{r.region.name} · {r.plan.title}:{tip}"))
            continue
        m = r.target.measure
        bars.append(Bar(_bar_label(r), m.value, m.value_max, measure_text(r.target),
                        tooltip=f"{r.region.name} · {r.plan.title}:{r.target.target.quote}"))
    summary = ";".join(f"{b.label}:{b.value_text or STATUS_TEXT.get(b.status, '')}" for b in bars)
    title = f"{indicator.name}:各地区目标" + (f"(单位:{unit})" if unit else "")
    svg = bar_chart(bars, key=f"{indicator.id}-0", title=title, desc=summary)
    return (Chart(unit, svg),)


# what a plan without a target for the indicator says in the table instead, by status
_NOTES = {
    NO_TARGET: Note(STATUS_TEXT[NO_TARGET], "span", "atlas-no-target"),
    NOT_EXTRACTED: Note(STATUS_TEXT[NOT_EXTRACTED], "em", "atlas-not-extracted"),
    MENTIONED: Note(STATUS_TEXT[MENTIONED], "span", "atlas-mentioned"),
}


def indicator_table(atlas: Atlas, rows: tuple[IndicatorRow, ...]) -> TargetTable:
    """The page's table: figures in the indicator's unit; a plan without a target says why, and a
    plan whose text names the indicator with a figure quotes those sentences."""
    out = []
    for r in rows:
        if r.target:
            out.append(row(atlas.vocab, r.target, INDICATOR_COLUMNS, in_indicator_unit=True))
        else:
            lead = (Cell(r.region.name, urls.region(r.region.id)), Cell(r.plan.title, urls.plan(r.plan.id)))
            out.append(TargetRow(lead, note=_NOTES[r.status],
                                 mentions=tuple((m.sentence, m.url) for m in r.mentions)))
    return TargetTable(INDICATOR_COLUMNS, tuple(out))


def indicator_view(atlas: Atlas, indicator: Indicator, plans: tuple[Plan, ...],
                   with_targets: frozenset[str]) -> IndicatorView:
    rows = indicator_rows(atlas, indicator, plans, with_targets)
    return IndicatorView(
        indicator=indicator,
        rows=rows,
        table=indicator_table(atlas, rows),
        charts=charts_for(indicator, rows),
        regions=len({r.region.id for r in rows if r.target}),
    )


def indicator_page(atlas: Atlas, view: IndicatorView) -> Page:
    path = source_path(urls.indicator(view.indicator.id))
    markdown = front_matter(view.indicator.name, hide=["navigation"]) + render(
        "indicator.md.j2", path=path, view=view, status=STATUS_TEXT, **template_context(atlas)
    )
    return Page(path=path, title=view.indicator.name, markdown=markdown,
                edit_path="site_config/indicators.yaml")


def target_groups(atlas: Atlas) -> tuple[TargetGroup, ...]:
    """Every target, by the province-level group of its plan's region (plans' regions are validated
    against the vocabulary), regions in vocabulary order (the province before its cities); the sort
    is stable, so plans stay by id and targets in document order."""
    per_group: dict[str, list[TargetRef]] = {}
    for tref in atlas.targets:
        per_group.setdefault(group_head(atlas.vocab, tref.plan.region).id, []).append(tref)
    order = {rid: i for i, rid in enumerate(atlas.vocab.regions)}
    return tuple(
        TargetGroup(g, tuple(sorted(per_group[g.head.id], key=lambda t: order[t.plan.region])))
        for g in group_regions(atlas.vocab, per_group)
    )


def index_page(atlas: Atlas, with_targets: frozenset[str], groups: tuple[TargetGroup, ...]) -> Page:
    """The comparable indicators, the plans without extracted targets, and the master table's parts
    by province-level region. The whole table was one page (2 MB of Markdown at 300 plans); each
    group's part is now its own page, and the index keeps the anchors (``#g-<id>``) it had."""
    path = "indicators/index.md"
    summaries = tuple(
        IndicatorSummary(i, len({t.plan.region for t in atlas.targets_by_indicator.get(i.id, ())}),
                         len(atlas.targets_by_indicator.get(i.id, ())))
        for i in atlas.vocab.indicators.values()
    )
    not_extracted = tuple(p for p in plans_in_region_order(atlas) if p.id not in with_targets)
    markdown = front_matter("量化指标", hide=["navigation"]) + render(
        "indicators_index.md.j2",
        path=path,
        groups=groups,
        summaries=summaries,
        not_extracted=not_extracted,
        target_count=len(atlas.targets),
        status=STATUS_TEXT,
        **template_context(atlas),
    )
    return Page(path=path, title="量化指标", markdown=markdown, edit_path="site_config/indicators.yaml")


def group_title(group: RegionGroup) -> str:
    return f"{group.head.name}的量化目标"


def group_page(atlas: Atlas, tg: TargetGroup) -> Page:
    """One group's part of the master table, with the region and year filters over it."""
    path = source_path(urls.targets_in(tg.group.head.id))
    title = group_title(tg.group)
    targets = table(atlas.vocab, tg.targets, INDEX_COLUMNS)
    markdown = front_matter(title, hide=["navigation"]) + render(
        "indicators_group.md.j2",
        path=path,
        title=title,
        table=targets,
        filter_regions=tuple(dict.fromkeys(r.lead[0].text for r in targets.rows)),
        filter_years=tuple(sorted({t.target.year for t in tg.targets if t.target.year is not None})),
        **template_context(atlas),
    )
    return Page(path=path, title=title, markdown=markdown, edit_path="site_config/indicators.yaml")


def pages(atlas: Atlas, only: Container[str] | None = None) -> Iterable[Page]:
    """Every page of this kind; with ``only``, just those whose path is in it (a preview's rebuild)."""
    with_targets = plans_with_targets(atlas)
    plans = plans_in_region_order(atlas)
    groups = target_groups(atlas)
    if only is None or "indicators/index.md" in only:
        yield index_page(atlas, with_targets, groups)
    for tg in groups:
        if only is None or source_path(urls.targets_in(tg.group.head.id)) in only:
            yield group_page(atlas, tg)
    for indicator in atlas.vocab.indicators.values():
        if only is None or source_path(urls.indicator(indicator.id)) in only:
            yield indicator_page(atlas, indicator_view(atlas, indicator, plans, with_targets))
