"""Plan pages (``plans/<id>.md``) and the plan index (``plans/index.md``).

A plan page is the plan itself, in its structure and verbatim: a metadata card with provenance, the
preamble, every section as a heading whose anchor is its permanent id, every task as a block whose
anchor is its permanent id (researchers cite ``plans/<plan>/#<task>``), with its agencies, domains and
targets linked to their pages, then the attachments.

Decisions live here; ``templates/plan.md.j2`` only lays them out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Container, Iterable

from ..model import ROLES, ROLE_NAMES, AgencyRef, Citation, Plan, Section, Task, Vocabulary
from ..atlas import Atlas, CitedDocument, TaskRef, doc_number_key, urls
from . import cite
from .cite import numbered
from .page import Asset, Page
from .target_table import TargetTable, plan_table
from .render import front_matter, render, source_path

_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Badge:
    """An agency as the plan names it, linked to its agency page when the vocabulary resolves it."""

    name: str
    url: str | None


@dataclass(frozen=True)
class RoleBadges:
    role: str  # lead / cooperating / responsible
    label: str  # 牵头 / 配合 / 负责
    badges: tuple[Badge, ...]


@dataclass(frozen=True)
class CiteView:
    """The 引用 control of a plan, section or task: the strings it shows and copies."""

    gbt: str  # GB/T 7714-2015, with cite.ACCESS_DATE for the day of copying
    short: str  # quote + permalink


@dataclass(frozen=True)
class TaskView:
    task: Task
    roles: tuple[RoleBadges, ...]
    domains: tuple[tuple[str, str], ...]  # (name, url)
    targets: TargetTable
    cite: CiteView | None = None


@dataclass(frozen=True)
class SectionView:
    section: Section
    level: int  # Markdown heading level
    heading: str | None  # number + title, None when the section has neither
    targets: TargetTable
    tasks: tuple[TaskView, ...]
    children: tuple["SectionView", ...]
    cite: CiteView | None = None

    @property
    def annotation(self) -> str | None:
        """The section's annotation, shown under it only when no task of its own repeats it."""
        return self.section.annotation if not self.tasks else None


@dataclass(frozen=True)
class CitationView:
    citation: Citation
    url: str | None  # the plan page when in the corpus, else the cited-document page
    in_corpus: bool


def agency_url(vocab: Vocabulary, agency_id: str | None) -> str | None:
    """The page of an agency a task names, when the vocabulary knows it (else the name is shown
    unlinked: a name the vocabulary does not list has no page)."""
    return urls.agency(agency_id) if agency_id and agency_id in vocab.agencies else None


def _badges(atlas: Atlas, refs: tuple[AgencyRef, ...]) -> tuple[Badge, ...]:
    return tuple(
        Badge(r.name, agency_url(atlas.vocab, r.agency))
        for r in refs
    )


def _cite(ref: cite.Reference) -> CiteView:
    return CiteView(ref.gbt(), ref.short())


def role_badges(atlas: Atlas, task: Task) -> tuple[RoleBadges, ...]:
    """The roles of ``task`` that name agencies, in ``ROLES`` order (none: the task names no agency)."""
    return tuple(
        RoleBadges(role, ROLE_NAMES[role], _badges(atlas, getattr(task, role)))
        for role in ROLES
        if getattr(task, role)
    )


def _task_view(atlas: Atlas, task: Task, where: TaskRef | None = None,
               site_url: str | None = None) -> TaskView:
    roles = role_badges(atlas, task)
    domains = tuple(
        (atlas.vocab.domains[d].name, urls.domain(d)) for d in task.domains if d in atlas.vocab.domains
    )
    return TaskView(task, roles, domains, plan_table(atlas.vocab, task.targets),
                    _cite(cite.task_reference(where, site_url)) if where else None)


def _section_views(atlas: Atlas, sections: tuple[Section, ...], level: int, plan: Plan | None = None,
                   trail: tuple[Section, ...] = (), site_url: str | None = None) -> tuple[SectionView, ...]:
    """Views of ``sections`` (with their 引用 controls when ``plan`` is given; ``trail``: the
    sections above them)."""
    return tuple(
        SectionView(
            section=s,
            level=min(level, 6),
            heading=numbered(s.number, s.title),
            targets=plan_table(atlas.vocab, s.targets),
            tasks=tuple(_task_view(atlas, t, TaskRef(plan, trail + (s,), t) if plan else None, site_url)
                        for t in s.tasks),
            children=_section_views(atlas, s.sections, level + 1, plan, trail + (s,), site_url),
            cite=_cite(cite.section_reference(plan, trail + (s,), site_url))
            if plan and (s.title or s.text) else None,
        )
        for s in sections
    )


def _citation_key(doc_number: str | None, title: str | None) -> str:
    # The same grouping key the link stage uses for cited documents.
    return doc_number_key(doc_number) if doc_number else "title:" + (title or "")


def documents_by_key(atlas: Atlas) -> dict[str, CitedDocument]:
    """Cited documents by citation key, built once for all plan pages (linear in the corpus)."""
    return {_citation_key(d.doc_number, d.title): d for d in atlas.documents.values()}


def _citations(plan: Plan, documents: dict[str, CitedDocument]) -> tuple[CitationView, ...]:
    views = []
    for c in plan.cites:
        doc = documents.get(_citation_key(c.doc_number, c.title))
        views.append(CitationView(c, doc.url if doc else None, bool(doc and doc.plan)))
    return tuple(views)


def plan_page(atlas: Atlas, plan: Plan, documents: dict[str, CitedDocument] | None = None,
              site_url: str | None = None) -> Page:
    """The plan's page; ``site_url`` makes its citations' permalinks absolute."""
    path = source_path(urls.plan(plan.id))
    region = atlas.vocab.regions.get(plan.region)
    reference = cite.plan_reference(plan, site_url)
    # Plan pages are not in the navigation: the empty left column goes to the text and its tables.
    # citation_* meta tags: overrides/main.html prints page.meta.atlas_citation (escaped)
    markdown = front_matter(plan.title, hide=["navigation"],
                            atlas_citation=cite.highwire_tags(reference)) + render(
        "plan.md.j2",
        path=path,
        plan=plan,
        region=region,
        region_url=urls.region(plan.region),
        source_url=plan.source.url if plan.source.url and _SAFE_URL.match(plan.source.url) else None,
        citations=_citations(plan, documents if documents is not None else documents_by_key(atlas)),
        cited_by=tuple(atlas.plans[p] for p in atlas.cited_by.get(plan.id, ()) if p in atlas.plans),
        sections=_section_views(atlas, plan.sections, 2, plan, (), site_url),
        plan_cite=_cite(reference),
        cite_files=tuple((label, f"../{cite.export_path(plan.id, ext)}") for ext, label in CITE_LABELS),
        task_count=sum(1 for _ in plan.iter_tasks()),
        plan_url=urls.plan,
        attachments=tuple(
            (a, tuple((m, atlas.vocab.agencies.get(m.agency) if m.agency else None) for m in a.members))
            for a in plan.attachments
        ),
        agency_url=urls.agency,
    )
    return Page(path=path, title=plan.title, markdown=markdown, edit_path=f"content/plans/{plan.id}.yaml")


def index_page(atlas: Atlas) -> Page:
    path = "plans/index.md"
    # Regions in vocabulary order (province, then its cities), each region's plans by date.
    region_order = {rid: i for i, rid in enumerate(atlas.vocab.regions)}
    ordered = sorted(
        atlas.plans.values(),
        key=lambda p: (region_order.get(p.region, len(region_order)), p.signed or p.published or dt.date.max, p.id),
    )
    rows = [(plan, atlas.vocab.regions.get(plan.region), sum(1 for _ in plan.iter_tasks())) for plan in ordered]
    markdown = front_matter("行动方案", hide=["navigation"]) + render(
        "plans_index.md.j2", path=path, rows=rows, plan_url=urls.plan, region_url=urls.region
    )
    return Page(path=path, title="行动方案", markdown=markdown, edit_path=None)  # one row per file


CITE_LABELS = (("json", "CSL-JSON"), ("ris", "RIS"), ("bib", "BibTeX"))


def pages(atlas: Atlas, only: Container[str] | None = None,
          site_url: str | None = None) -> Iterable[Page | Asset]:
    """Every page of this kind and each plan's citation exports (data/cite/); with ``only``, just
    those whose path (the plan page's, for its exports) is in it (a preview's rebuild)."""
    if only is None or "plans/index.md" in only:
        yield index_page(atlas)
    documents = documents_by_key(atlas)
    for plan in atlas.plans.values():
        if only is None or source_path(urls.plan(plan.id)) in only:
            yield plan_page(atlas, plan, documents, site_url)
            reference = cite.plan_reference(plan, site_url)
            for ext, write in cite.EXPORT_FORMATS:
                yield Asset(cite.export_path(plan.id, ext), write(reference))
