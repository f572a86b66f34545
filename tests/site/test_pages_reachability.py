"""Every task is one click away from each of its domains' pages and each of its agencies' pages.

Checked over every task of the atlas, on the regions atlas (regions_atlas.py), the fixture tree
(build.py) and the real content (when plans have landed), by reading the Markdown links the producers write and resolving them
against the page's own path — the way MkDocs resolves them.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

import regions_atlas
from generator.render import agency_pages, agency_type_pages, coverage_pages, domain_pages
from generator.atlas import Atlas, link as link_atlas
from generator.render.render import source_path

REPO = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def links_from(page) -> set[str]:
    """The docs-relative targets (``plans/x.md#t1``) of a page's Markdown links."""
    base = posixpath.dirname(page.path)
    out = set()
    for target in LINK.findall(page.markdown):
        path, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(base, path)) if path else page.path
        out.add(resolved + (f"#{anchor}" if anchor else ""))
    return out


def task_target(ref) -> str:
    return f"{source_path(ref.url)}#{ref.task.id}"


def _load(root: Path) -> Atlas:
    from generator.content.load import load_content

    content = load_content(root)
    return link_atlas(content.vocab, content.plans)


@pytest.fixture(scope="module", params=["inline", "fixture", "real"])
def atlas(request, tmp_path_factory) -> Atlas:
    if request.param == "inline":
        return regions_atlas.atlas()
    if request.param == "fixture":
        import build  # the build tests' helper: the fixture tree as a project root, with the real schemas

        return _load(build.make_root(tmp_path_factory.mktemp("e2-fixture")))
    if not any((REPO / "content" / "plans").glob("*.yaml")):
        pytest.skip("no real plans in content/plans yet")
    return _load(REPO)


def test_every_task_is_linked_from_each_of_its_domain_pages(atlas):
    pages = {p.path: links_from(p) for p in domain_pages.pages(atlas)}
    checked = 0
    for ref in atlas.tasks:
        for d in ref.task.domains:
            if d in atlas.vocab.domains:
                assert task_target(ref) in pages[f"domains/{d}.md"], (ref.plan.id, ref.task.id, d)
                checked += 1
    assert checked > 0


def test_every_task_is_linked_from_each_of_its_agency_pages(atlas):
    pages = {p.path: links_from(p) for p in agency_pages.pages(atlas)}
    checked = 0
    for ref in atlas.tasks:
        for role in ("lead", "cooperating", "responsible"):
            for a in getattr(ref.task, role):
                if a.agency in atlas.vocab.agencies:
                    assert task_target(ref) in pages[f"agencies/{a.agency}.md"], (ref.task.id, a.agency)
                    checked += 1
    assert checked > 0


def test_agency_type_page_links_every_task_of_its_agencies(atlas):
    pages = {p.path: links_from(p) for p in agency_type_pages.pages(atlas)}
    for agency in atlas.vocab.agencies.values():
        if not agency.type:
            continue
        links = pages[f"agency-types/{agency.type}.md"]
        assert f"agencies/{agency.id}.md" in links
        for per_role in atlas.tasks_by_agency.get(agency.id, {}).values():
            for ref in per_role:
                assert task_target(ref) in links


def test_coverage_cells_link_to_a_region_heading_of_the_domain_page(atlas):
    domain = {p.path: p.markdown for p in domain_pages.pages(atlas)}
    (cov,) = coverage_pages.pages(atlas)
    cell_links = [t for t in links_from(cov) if t.startswith("domains/") and "#" in t]
    assert cell_links
    for target in cell_links:
        path, anchor = target.split("#")
        assert f"{{ #{anchor} }}" in domain[path], target


def test_agency_index_links_every_agency_page(atlas):
    (index, *rest) = list(agency_pages.pages(atlas))
    parts = [p for p in rest if p.path.startswith("agencies/by-region/")]
    pages = [p for p in rest if p not in parts]
    assert parts and all(p.path in links_from(index) for p in parts)  # index → its parts
    links = set().union(*(links_from(p) for p in parts))
    assert {p.path for p in pages} == {f"agencies/{a}.md" for a in atlas.vocab.agencies}
    assert all(p.path in links for p in pages)  # every agency in a part


def test_split_indexes_keep_their_anchors_and_link_each_part(atlas):
    """The agency index and the master table moved into per-province parts; links published before
    (``agencies/#<region>``, ``indicators/#g-<province>``) still land on a row that links the part."""
    from generator.render import indicator_pages

    agencies = {p.path: p for p in agency_pages.pages(atlas)}
    index = agencies["agencies/index.md"]
    for rid, members in atlas.agencies_by_region.items():
        if members:
            assert f'<span id="{rid}"></span>' in index.markdown, rid
            part = next(p for p in agencies.values() if p.path.startswith("agencies/by-region/")
                        and f"{{ #{rid} }}" in p.markdown)
            assert f"{part.path}#{rid}" in links_from(index)
    targets = {p.path: p for p in indicator_pages.pages(atlas)}
    parts = [p for p in targets if p.startswith("indicators/targets/")]
    assert parts
    for path in parts:
        gid = path.removeprefix("indicators/targets/").removesuffix(".md")
        assert f'<span id="g-{gid}"></span>' in targets["indicators/index.md"].markdown
        assert path in links_from(targets["indicators/index.md"])
