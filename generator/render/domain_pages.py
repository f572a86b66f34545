"""Domain pages (``domains/<id>.md``) and the domain index (``domains/index.md``).

A domain page answers "how do Shandong, Jinan and Liaocheng differ on 远程医疗?": every region that
covers the domain, grouped under its province, with its tasks quoted verbatim, their agencies and a
link to each task; then the targets stated in those tasks; then the regions with a plan that do not
cover the domain at all. Each region is a heading whose anchor is the region id (the coverage
matrix links there) and its plans are collapsible blocks, collapsed once the page lines up more
regions than a reader can scan, so the page stays usable with 300 regions.

Cost is what the page shows: ``atlas.tasks_by_domain`` gives the tasks, nothing scans the corpus.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

import re

from ..model import Domain
from ..atlas import Atlas, TaskRef, urls
from ..text.figures import sentences
from ..text.folding import fold
from ..text.verbatim import normalize
from .page import Page
from .plan_pages import RoleBadges, role_badges
from .refs import (
    RegionGroup, RegionTasks, by_region, group_regions, regions_with_plans, task_targets,
    template_context,
)
from .render import front_matter, md, render, source_path
from .target_table import INDICATOR, REGION, TargetTable, table

# Above this many regions, each region's block starts collapsed: the in-page table of contents is
# then the way in, and the page is not a wall of quotes.
COLLAPSE_AFTER = 8


@dataclass(frozen=True)
class DomainSummary:
    """A domain with the counts the index shows."""

    domain: Domain
    regions: int
    tasks: int
    targets: int


@dataclass(frozen=True)
class DomainView:
    """Everything a domain page shows, decided here."""

    domain: Domain
    groups: tuple[RegionGroup, ...]
    region_tasks: dict[str, RegionTasks]
    collapsed: bool
    targets: TargetTable
    uncovered: tuple[RegionGroup, ...]
    uncovered_count: int
    task_count: int
    # (plan id, task id) → the task's text as Markdown, the sentences that place it here marked
    marked: dict[tuple[str, str], str] | None = None
    # (plan id, task id) → the heading that places it here when no sentence of its own does
    by_heading: dict[tuple[str, str], str] | None = None
    # (plan id, task id) → the roles that name agencies, shown under the task's heading (none: no line)
    roles: dict[tuple[str, str], tuple[RoleBadges, ...]] | None = None


def _words(domain: Domain) -> re.Pattern[str] | None:
    words = sorted({normalize(fold(w)).casefold() for w in (*domain.keywords, *domain.heading_words) if w.strip()},
                   key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


def marked_text(text: str, pattern: re.Pattern[str] | None) -> tuple[str, bool]:
    """The task's text as Markdown paragraphs, each sentence that uses one of the domain's words
    wrapped in <mark class="atlas-evidence"> (so a reader sees why the task is on this page), and
    whether any was marked. Every sentence is escaped by ``md``; only the mark is code-built."""
    paragraphs, any_marked = [], False
    for line in (ln.strip() for ln in text.split("\n")):
        if not line:
            continue
        parts = []
        for _, sentence in sentences(line):
            hit = pattern is not None and pattern.search(normalize(fold(sentence)).casefold())
            any_marked = any_marked or bool(hit)
            parts.append(f'<mark class="atlas-evidence">{md(sentence)}</mark>' if hit else md(sentence))
        paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs), any_marked


def _placing_heading(ref: TaskRef, pattern: re.Pattern[str] | None) -> str:
    """The innermost heading (the task's title, then its sections) that uses one of the words."""
    for title in (ref.task.title, *(s.title for s in reversed(ref.sections))):
        if title and pattern is not None and pattern.search(normalize(fold(title)).casefold()):
            return title
    return ""


def domain_view(atlas: Atlas, domain: Domain) -> DomainView:
    refs = atlas.tasks_by_domain.get(domain.id, ())
    pattern = _words(domain)
    marked: dict[tuple[str, str], str] = {}
    by_heading: dict[tuple[str, str], str] = {}
    roles: dict[tuple[str, str], tuple[RoleBadges, ...]] = {}
    for ref in refs:
        key = (ref.plan.id, ref.task.id)
        roles[key] = role_badges(atlas, ref.task)
        marked[key], found = marked_text(ref.task.text, pattern)
        if not found:
            by_heading[key] = _placing_heading(ref, pattern)
    region_tasks = by_region(atlas.vocab, refs)
    covered = set(region_tasks)
    uncovered = [r for r in regions_with_plans(atlas.plans_by_region) if r not in covered]
    return DomainView(
        domain=domain,
        groups=group_regions(atlas.vocab, region_tasks),
        region_tasks=region_tasks,
        collapsed=len(region_tasks) > COLLAPSE_AFTER,
        targets=table(atlas.vocab, task_targets(refs), (REGION, INDICATOR)),
        uncovered=group_regions(atlas.vocab, uncovered),
        uncovered_count=len(uncovered),
        task_count=len(refs),
        marked=marked,
        by_heading=by_heading,
        roles=roles,
    )


def domain_page(atlas: Atlas, domain: Domain) -> Page:
    path = source_path(urls.domain(domain.id))
    view = domain_view(atlas, domain)
    markdown = front_matter(domain.name, hide=["navigation"]) + render("domain.md.j2", path=path, view=view, **template_context(atlas))
    return Page(path=path, title=domain.name, markdown=markdown, edit_path="site_config/domains.yaml")


def index_page(atlas: Atlas) -> Page:
    path = "domains/index.md"
    rows = []
    for d in atlas.vocab.domains.values():
        refs = atlas.tasks_by_domain.get(d.id, ())
        regions = {r.plan.region for r in refs}
        rows.append(DomainSummary(d, len(regions), len(refs), len(task_targets(refs))))
    markdown = front_matter("政策领域", hide=["navigation"]) + render("domains_index.md.j2", path=path, rows=rows, **template_context(atlas))
    return Page(path=path, title="政策领域", markdown=markdown, edit_path="site_config/domains.yaml")


def pages(atlas: Atlas, only: Container[str] | None = None) -> Iterable[Page]:
    """Every page of this kind; with ``only``, just those whose path is in it (a preview's rebuild)."""
    if only is None or "domains/index.md" in only:
        yield index_page(atlas)
    for domain in atlas.vocab.domains.values():
        if only is None or source_path(urls.domain(domain.id)) in only:
            yield domain_page(atlas, domain)
