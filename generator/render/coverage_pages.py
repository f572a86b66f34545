"""The coverage matrix (``coverage/index.md``): regions × policy domains, each cell a task count.

One table answers "who covers what": domains × regions with a plan (provinces followed by their
cities, in vocabulary order), each cell the number of that region's tasks in that domain, linking to
the region's section of the domain page. A zero cell is left empty so gaps stand out. With a few
regions they run across the page; with many they run down it (``REGION_COLUMNS_MAX``), so 300
regions make a long table rather than an unusably wide one.

Cost: one pass over ``atlas.tasks_by_domain``.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from ..model import Domain, Region
from ..atlas import Atlas
from .page import Page
from .refs import group_regions, regions_with_plans, template_context
from .render import front_matter, render

PATH = "coverage/index.md"
# Up to this many regions, regions are the columns and domains the rows (30-odd domains read well
# down the page, a handful of regions across it); beyond it the table turns, so that 300 regions
# run down the page instead of off its side.
REGION_COLUMNS_MAX = 10


@dataclass(frozen=True)
class CoverageRow:
    """A region's line of the matrix: task counts in domain (column) order, and its task total."""

    region: Region
    counts: tuple[int, ...]
    tasks: int

    @property
    def domains(self) -> int:
        return sum(1 for c in self.counts if c)


@dataclass(frozen=True)
class Coverage:
    domains: tuple[Domain, ...]
    rows: tuple[CoverageRow, ...]
    totals: tuple[int, ...]  # per domain: regions covering it

    @property
    def regions_across(self) -> bool:
        return len(self.rows) <= REGION_COLUMNS_MAX

    def domain_counts(self, index: int) -> tuple[int, ...]:
        """One domain's counts, region by region (a row when regions run across)."""
        return tuple(row.counts[index] for row in self.rows)


def coverage(atlas: Atlas) -> Coverage:
    domains = tuple(atlas.vocab.domains.values())
    counts: dict[tuple[str, str], int] = {}
    for d in domains:
        for ref in atlas.tasks_by_domain.get(d.id, ()):
            key = (ref.plan.region, d.id)
            counts[key] = counts.get(key, 0) + 1
    tasks_per_region: dict[str, int] = {}
    for ref in atlas.tasks:
        tasks_per_region[ref.plan.region] = tasks_per_region.get(ref.plan.region, 0) + 1
    rows = tuple(
        CoverageRow(r, tuple(counts.get((r.id, d.id), 0) for d in domains), tasks_per_region.get(r.id, 0))
        for g in group_regions(atlas.vocab, regions_with_plans(atlas.plans_by_region))
        for r in g.regions
    )
    totals = tuple(sum(1 for row in rows if row.counts[i]) for i in range(len(domains)))
    return Coverage(domains, rows, totals)


def pages(atlas: Atlas, only: Container[str] | None = None) -> Iterable[Page]:
    if only is not None and PATH not in only:
        return
    markdown = front_matter("覆盖矩阵", hide=["navigation", "toc"]) + render(
        "coverage.md.j2", path=PATH, cov=coverage(atlas), **template_context(atlas)
    )
    yield Page(path=PATH, title="覆盖矩阵", markdown=markdown, edit_path="site_config/domains.yaml")
