"""The home page (``index.md``): what the atlas covers and the ways into it.

Counts come from the atlas, so the page states exactly what was built: plans, regions with a plan,
tasks, agencies named in the vocabulary and targets extracted. Entry points go by region, policy
domain, agency type and indicator; each list is ordered as its vocabulary file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Container, Iterable

from ..atlas import Atlas, urls
from .page import Page
from .region_pages import RegionNode, flatten, region_tree
from .render import front_matter, render


@dataclass(frozen=True)
class Counts:
    plans: int
    regions: int  # regions with at least one plan
    tasks: int
    agencies: int
    targets: int


@dataclass(frozen=True)
class Entry:
    """One link of an entry-point list, with the number shown beside it."""

    name: str
    url: str
    count: int


# Entry lists on the home page show the most used entries; the full list is one click away on the
# section's index page. A home page with 60 agency types and 80 indicators is not an entry point.
TOP = 12


def _top(entries: list[Entry], n: int = TOP) -> list[Entry]:
    """The ``n`` entries with the highest counts (vocabulary order among equals), zero counts left out."""
    ranked = sorted((e for e in entries if e.count), key=lambda e: -e.count)  # sort is stable
    return ranked[:n]


def _plans_in(node: RegionNode) -> int:
    return sum(len(n.plans) for n in flatten((node,)))


def counts(atlas: Atlas) -> Counts:
    return Counts(
        plans=len(atlas.plans),
        regions=sum(1 for plans in atlas.plans_by_region.values() if plans),
        tasks=len(atlas.tasks),
        agencies=len(atlas.vocab.agencies),
        targets=len(atlas.targets),
    )


def home_page(atlas: Atlas) -> Page:
    path = "index.md"
    # Provinces and municipalities (the level under the country), each with the plans of its whole
    # subtree: about 31 entries however many city plans the corpus holds.
    tree = region_tree(atlas)
    tops = [c for n in tree for c in (n.children or (n,))]
    regions = [Entry(n.region.name, urls.region(n.region.id), _plans_in(n)) for n in tops]
    domains = [
        Entry(d.name, urls.domain(d.id), len(atlas.tasks_by_domain.get(d.id, ())))
        for d in atlas.vocab.domains.values()
    ]
    agency_types = [
        Entry(t.name, urls.agency_type(t.id), len(atlas.agencies_by_type.get(t.id, ())))
        for t in atlas.vocab.agency_types.values()
    ]
    indicators = [
        Entry(i.name, urls.indicator(i.id), len(atlas.targets_by_indicator.get(i.id, ())))
        for i in atlas.vocab.indicators.values()
    ]
    markdown = front_matter("政策图谱", hide=["navigation"]) + render(
        "home.md.j2",
        path=path,
        counts=counts(atlas),
        regions=regions,
        domains=_top(domains),
        agency_types=_top(agency_types),
        indicators=_top(indicators),
        totals={"domains": len(domains), "agency_types": len(agency_types), "indicators": len(indicators)},
    )
    # Gathered from every file: no one YAML to edit, so no edit link.
    return Page(path=path, title="政策图谱", markdown=markdown, edit_path=None)


def pages(atlas: Atlas, only: Container[str] | None = None) -> Iterable[Page]:
    if only is None or "index.md" in only:
        yield home_page(atlas)
