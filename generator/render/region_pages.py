"""Region pages: the hierarchy 中国 → 省 → 市 (``regions/index.md``) and one page per region.

A region page lists the region's plans and the agencies of that region with how many tasks each
leads, cooperates on or is responsible for. Regions come from the vocabulary, so a region with no
plan yet still has a page (it shows that nothing is collected) and keeps its URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Container, Iterable

from ..model import ROLES, ROLE_NAMES, Agency, Plan, Region
from ..atlas import Atlas, urls
from .page import Page
from .render import front_matter, render, source_path

LEVEL_NAMES = {
    "country": "国家",
    "province": "省级",
    "municipality": "直辖市",
    "city": "地级市",
    "district": "区县",
}


def level_name(region: Region) -> str:
    """The region's level as pages name it (省级, 地级市 …); a level without a name, as written."""
    return LEVEL_NAMES.get(region.level, region.level)


@dataclass(frozen=True)
class RegionNode:
    """A region in the tree with its plans and children, for the hierarchy list."""

    region: Region
    plans: tuple[Plan, ...]
    children: tuple["RegionNode", ...]
    depth: int

    @property
    def level_name(self) -> str:
        return level_name(self.region)


@dataclass(frozen=True)
class AgencyRow:
    agency: Agency
    type_name: str | None
    counts: tuple[tuple[str, int], ...]  # (牵头, n), (配合, n), (负责, n) for the roles it has tasks in


def region_tree(atlas: Atlas) -> tuple[RegionNode, ...]:
    """Root regions (no parent, or a parent outside the vocabulary) with their descendants."""
    children: dict[str | None, list[Region]] = {}
    for r in atlas.vocab.regions.values():
        parent = r.parent if r.parent in atlas.vocab.regions else None
        children.setdefault(parent, []).append(r)

    def build(region: Region, depth: int) -> RegionNode:
        return RegionNode(
            region,
            atlas.plans_by_region.get(region.id, ()),
            tuple(build(c, depth + 1) for c in children.get(region.id, [])),
            depth,
        )

    return tuple(build(r, 0) for r in children.get(None, []))


def flatten(nodes: tuple[RegionNode, ...]) -> list[RegionNode]:
    out: list[RegionNode] = []
    for n in nodes:
        out.append(n)
        out.extend(flatten(n.children))
    return out


def _agency_rows(atlas: Atlas, region_id: str) -> tuple[AgencyRow, ...]:
    rows = []
    for a in atlas.agencies_by_region.get(region_id, ()):
        by_role = atlas.tasks_by_agency.get(a.id, {})
        counts = tuple((ROLE_NAMES[role], len(by_role[role])) for role in ROLES if by_role.get(role))
        t = atlas.vocab.agency_types.get(a.type) if a.type else None
        rows.append(AgencyRow(a, t.name if t else None, counts))
    return tuple(rows)


def _ancestors(atlas: Atlas, region: Region) -> tuple[Region, ...]:
    chain: list[Region] = []
    seen = {region.id}
    parent = region.parent
    while parent and parent in atlas.vocab.regions and parent not in seen:
        seen.add(parent)
        chain.append(atlas.vocab.regions[parent])
        parent = atlas.vocab.regions[parent].parent
    return tuple(reversed(chain))


def region_page(atlas: Atlas, node: RegionNode) -> Page:
    region = node.region
    path = source_path(urls.region(region.id))
    markdown = front_matter(region.name, hide=["navigation"]) + render(
        "region.md.j2",
        path=path,
        region=region,
        level=level_name(region),
        ancestors=_ancestors(atlas, region),
        children=node.children,
        plans=tuple((p, sum(1 for _ in p.iter_tasks())) for p in node.plans),
        agencies=_agency_rows(atlas, region.id),
        urls=urls,
    )
    return Page(path=path, title=region.name, markdown=markdown, edit_path="site_config/regions.yaml")


def index_page(atlas: Atlas, tree: tuple[RegionNode, ...]) -> Page:
    path = "regions/index.md"
    markdown = front_matter("地区", hide=["navigation"]) + render(
        "regions_index.md.j2", path=path, nodes=flatten(tree), urls=urls
    )
    return Page(path=path, title="地区", markdown=markdown, edit_path="site_config/regions.yaml")


def pages(atlas: Atlas, only: Container[str] | None = None) -> Iterable[Page]:
    """Every page of this kind; with ``only``, just those whose path is in it (a preview's rebuild)."""
    tree = region_tree(atlas)
    if only is None or "regions/index.md" in only:
        yield index_page(atlas, tree)
    for node in flatten(tree):
        if only is None or source_path(urls.region(node.region.id)) in only:
            yield region_page(atlas, node)
