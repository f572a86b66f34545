"""Agency-type pages (``agency-types/<id>.md``) and their index (``agency-types/index.md``).

An agency type (工业和信息化主管部门) is the same department in every region: its page puts them side
by side — a table of what each region's department leads, cooperates on and is responsible for,
then, per department, the tasks themselves (collapsible, linked to the plan), so a civil servant
can compare their 经信委 with its peers.

Cost is what the page shows: ``atlas.agencies_by_type`` and ``atlas.tasks_by_agency``.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from ..model import Agency, AgencyType, Region
from .agency_pages import AgencySummary, RoleTasks, role_counts, role_tasks
from ..atlas import Atlas, urls
from ..atlas.roles import NOTE, Convention, convention
from .page import Page
from .refs import template_context
from .render import front_matter, render, source_path

# Above this many departments, each one's task lists start collapsed.
COLLAPSE_AFTER = 6


@dataclass(frozen=True)
class Peer:
    """One region's department of this type, with its counts and tasks per role."""

    summary: AgencySummary
    roles: tuple[RoleTasks, ...]
    first_named: int = 0  # tasks it is 负责 for, listed first, in a plan with no first-listed rule
    region: Region | None = None  # its region, when the vocabulary has it (then it is linked)

    @property
    def region_name(self) -> str:
        return self.region.name if self.region else self.summary.agency.region


def first_named(atlas: Atlas, agency_id: str) -> int:
    """Tasks the agency is responsible for (no lead named) where it is the first unit listed."""
    refs = atlas.tasks_by_agency.get(agency_id, {}).get("responsible", ())
    return sum(1 for ref in refs if ref.task.responsible and ref.task.responsible[0].agency == agency_id)


def conventions(atlas: Atlas, agencies) -> tuple[Convention, ...]:
    """The role convention of every plan of the regions these agencies belong to, plans by id."""
    regions = {a.region for a in agencies}
    return tuple(convention(p) for pid, p in atlas.plans.items() if p.region in regions)


@dataclass(frozen=True)
class TypeSummary:
    """An agency type with totals over its departments, a row of the index."""

    agency_type: AgencyType
    agencies: int
    lead: int
    cooperating: int
    responsible: int


def peers(atlas: Atlas, type_id: str) -> tuple[Peer, ...]:
    """The type's departments in region (vocabulary) order, then vocabulary order."""
    order = {rid: i for i, rid in enumerate(atlas.vocab.regions)}
    agencies: list[Agency] = sorted(
        atlas.agencies_by_type.get(type_id, ()), key=lambda a: order.get(a.region, len(order))
    )
    return tuple(
        Peer(AgencySummary(a, role_counts(atlas, a.id)), role_tasks(atlas, a.id), first_named(atlas, a.id),
             atlas.vocab.regions.get(a.region))
        for a in agencies
    )


def type_page(atlas: Atlas, agency_type: AgencyType) -> Page:
    path = source_path(urls.agency_type(agency_type.id))
    rows = peers(atlas, agency_type.id)
    markdown = front_matter(agency_type.name, hide=["navigation"]) + render(
        "agency_type.md.j2",
        path=path,
        agency_type=agency_type,
        peers=rows,
        conventions=conventions(atlas, [p.summary.agency for p in rows]),
        role_note=NOTE,
        collapsed=len(rows) > COLLAPSE_AFTER,
        **template_context(atlas),
    )
    return Page(path=path, title=agency_type.name, markdown=markdown,
                edit_path="site_config/agency_types.yaml")


def index_page(atlas: Atlas) -> Page:
    path = "agency-types/index.md"
    rows = []
    for t in atlas.vocab.agency_types.values():
        counts = [role_counts(atlas, a.id) for a in atlas.agencies_by_type.get(t.id, ())]
        rows.append(TypeSummary(t, len(counts), sum(c.lead for c in counts),
                                sum(c.cooperating for c in counts), sum(c.responsible for c in counts)))
    markdown = front_matter("部门类型", hide=["navigation"]) + render(
        "agency_types_index.md.j2", path=path, rows=rows, **template_context(atlas)
    )
    return Page(path=path, title="部门类型", markdown=markdown, edit_path="site_config/agency_types.yaml")


def pages(atlas: Atlas, only: Container[str] | None = None) -> Iterable[Page]:
    """Every page of this kind; with ``only``, just those whose path is in it (a preview's rebuild)."""
    if only is None or "agency-types/index.md" in only:
        yield index_page(atlas)
    for agency_type in atlas.vocab.agency_types.values():
        if only is None or source_path(urls.agency_type(agency_type.id)) in only:
            yield type_page(atlas, agency_type)
