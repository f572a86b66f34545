"""Agency pages (``agencies/<id>.md``) and the agency index (``agencies/index.md``).

An agency page answers "what does our 经信委 lead?": every task the agency leads, cooperates on or
is responsible for, grouped by role, then by plan, with counts, each task linked to its place in the
plan and quoted. Every agency of the vocabulary is listed, with its role counts, on the page of its province-level
region (``agencies/by-region/<id>.md``, region by region), so a page exists for each agency a plan or
region page links to; the index (``agencies/index.md``) lists those regions with their totals.

Cost is what the page shows: ``atlas.tasks_by_agency`` holds each agency's tasks per role.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from ..model import ROLES, ROLE_NAMES, Agency, AgencyType, Region
from ..atlas import Atlas, urls
from ..atlas.roles import NOTE, convention
from .page import Page
from .refs import RegionGroup, RegionTasks, by_region, group_regions, template_context
from .render import front_matter, render, source_path


@dataclass(frozen=True)
class RoleCounts:
    """How many tasks an agency leads, cooperates on and is responsible for."""

    lead: int
    cooperating: int
    responsible: int

    @property
    def total(self) -> int:
        return self.lead + self.cooperating + self.responsible


@dataclass(frozen=True)
class RoleTasks:
    """One role's tasks on an agency page, region by region then plan by plan."""

    role: str
    label: str
    count: int
    regions: tuple[RegionTasks, ...]


@dataclass(frozen=True)
class AgencySummary:
    """An agency and its counts, a row of the index and of agency-type pages."""

    agency: Agency
    counts: RoleCounts
    agency_type: AgencyType | None = None  # its type, when the vocabulary has it (then it is linked)


def role_counts(atlas: Atlas, agency_id: str) -> RoleCounts:
    per_role = atlas.tasks_by_agency.get(agency_id, {})
    return RoleCounts(*(len(per_role.get(role, ())) for role in ROLES))


def role_tasks(atlas: Atlas, agency_id: str) -> tuple[RoleTasks, ...]:
    """The agency's tasks per role (roles it has none in are left out)."""
    per_role = atlas.tasks_by_agency.get(agency_id, {})
    out = []
    for role in ROLES:
        refs = per_role.get(role, ())
        if refs:
            out.append(RoleTasks(role, ROLE_NAMES[role], len(refs),
                                 tuple(by_region(atlas.vocab, refs).values())))
    return tuple(out)


def agency_page(atlas: Atlas, agency: Agency) -> Page:
    path = source_path(urls.agency(agency.id))
    markdown = front_matter(agency.name, hide=["navigation"]) + render(
        "agency.md.j2",
        path=path,
        agency=agency,
        region=atlas.vocab.regions.get(agency.region),
        agency_type=atlas.vocab.agency_types.get(agency.type) if agency.type else None,
        counts=role_counts(atlas, agency.id),
        roles=role_tasks(atlas, agency.id),
        conventions=tuple(convention(p) for p in atlas.plans.values() if p.region == agency.region),
        role_note=NOTE,
        **template_context(atlas),
    )
    return Page(path=path, title=agency.name, markdown=markdown, edit_path="site_config/agencies.yaml")


def summaries_by_region(atlas: Atlas) -> dict[str, tuple[AgencySummary, ...]]:
    """Every region's agencies with their counts, in vocabulary order."""
    return {
        rid: tuple(AgencySummary(a, role_counts(atlas, a.id),
                                 atlas.vocab.agency_types.get(a.type) if a.type else None)
                   for a in agencies)
        for rid, agencies in atlas.agencies_by_region.items()
        if agencies
    }


@dataclass(frozen=True)
class RegionAgencies:
    """A row of the index: one region, how many agencies it has and their tasks per role."""

    region: Region
    agencies: int
    counts: RoleCounts


def region_rows(groups: tuple[RegionGroup, ...],
                rows: dict[str, tuple[AgencySummary, ...]]) -> dict[str, tuple[RegionAgencies, ...]]:
    """Per group, its regions' rows for the index, in vocabulary order."""
    return {
        g.head.id: tuple(
            RegionAgencies(r, len(rows[r.id]),
                           RoleCounts(*(sum(getattr(a.counts, role) for a in rows[r.id]) for role in ROLES)))
            for r in g.regions
        )
        for g in groups
    }


def index_page(atlas: Atlas, groups: tuple[RegionGroup, ...],
               rows: dict[str, tuple[AgencySummary, ...]]) -> Page:
    """The index: per province-level region, its regions with their agency counts, each linking to
    the group's page (``agencies/by-region/<id>.md``). At 300 plans the one table of every agency
    was a 4 MB page; the index stays small and keeps the region anchors it had (``#<region-id>``)."""
    path = "agencies/index.md"
    markdown = front_matter("部门", hide=["navigation"]) + render(
        "agencies_index.md.j2",
        path=path,
        groups=groups,
        rows=region_rows(groups, rows),
        agency_count=len(atlas.vocab.agencies),
        **template_context(atlas),
    )
    return Page(path=path, title="部门", markdown=markdown, edit_path="site_config/agencies.yaml")


def group_title(group: RegionGroup) -> str:
    return f"{group.head.name}的部门"


def group_page(atlas: Atlas, group: RegionGroup, rows: dict[str, tuple[AgencySummary, ...]]) -> Page:
    """Every agency of one province-level region and the regions under it, region by region."""
    path = source_path(urls.agencies_in(group.head.id))
    title = group_title(group)
    markdown = front_matter(title, hide=["navigation"]) + render(
        "agencies_group.md.j2",
        path=path,
        title=title,
        group=group,
        rows=rows,
        **template_context(atlas),
    )
    return Page(path=path, title=title, markdown=markdown, edit_path="site_config/agencies.yaml")


def pages(atlas: Atlas, only: Container[str] | None = None) -> Iterable[Page]:
    """Every page of this kind; with ``only``, just those whose path is in it (a preview's rebuild)."""
    rows = summaries_by_region(atlas)
    groups = group_regions(atlas.vocab, rows)
    if only is None or "agencies/index.md" in only:
        yield index_page(atlas, groups, rows)
    for group in groups:
        if only is None or source_path(urls.agencies_in(group.head.id)) in only:
            yield group_page(atlas, group, rows)
    for agency in atlas.vocab.agencies.values():
        if only is None or source_path(urls.agency(agency.id)) in only:
            yield agency_page(atlas, agency)
