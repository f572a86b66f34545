"""The search documents: passages (each task, each section's own text, each plan's metadata and
preamble, each attachment) and hub pages (region, agency, agency type, domain, indicator, cited
document).

Tasks are the unit a reader wants to land on, so they are documents of their own, linked to their
anchor on the plan page. An untitled task is titled by its first clause (marked … when cut). Every document carries region, plan, domains and agencies so results can
show "region · plan" and be filtered. Text fields hold the verbatim plan text: the browser shows a
snippet of it with the query highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..atlas import Atlas, TaskRef, urls
from ..model import ROLES
from ..text.controls import make_visible

# passages are listed as results; hub pages (the vocabulary's) are shown apart, as a row of links
PASSAGE_KINDS = ("task", "section", "plan", "attachment")
HUB_KINDS = ("region", "agency", "agency_type", "domain", "indicator", "document")
KINDS = PASSAGE_KINDS + HUB_KINDS


@dataclass(frozen=True)
class SearchDocument:
    """One search hit target.

    ``title`` and ``text`` are shown (text verbatim); ``agencies`` are the names a reader may type for
    the agencies involved (as written in the plan, canonical name, aliases); ``context`` is what places
    the document (the headings above a task) — indexed with a lower weight. The region's names are
    matched too, from the bundle's region table (not repeated in every document).
    """

    kind: str
    url: str
    title: str
    text: str
    region: str | None = None  # region id, for the region filter
    plan: str | None = None  # plan id
    domains: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()  # the anchor a reader may type (t2-11-1), matched with the context
    names: tuple[str, ...] = ()  # a hub page's names (title, aliases): what a query must name to show it


def _uniq(items) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for i in items:
        if i and i not in seen:
            seen[i] = None
    return tuple(seen)


def _agency_names(atlas: Atlas, refs) -> tuple[str, ...]:
    names: list[str] = []
    for ref in refs:
        names.append(ref.name)
        agency = atlas.vocab.agencies.get(ref.agency) if ref.agency else None
        if agency:
            names.append(agency.name)
            names.extend(agency.aliases)
    return _uniq(names)


def task_document(atlas: Atlas, ref: TaskRef) -> SearchDocument:
    task = ref.task
    # who is in charge (牵头 / 负责) ranks with the agencies; who cooperates (配合) with the context
    in_charge = [*task.lead, *task.responsible]
    title = task.title or _first_clause(task.text)
    text = task.text if not task.annotation else f"{task.text}{task.annotation}"
    return SearchDocument(
        kind="task",
        url=ref.url,
        title=title,
        text=text,
        region=ref.plan.region,
        plan=ref.plan.id,
        domains=task.domains,
        agencies=_agency_names(atlas, in_charge),
        context=_uniq([*(s.title for s in ref.sections), *_agency_names(atlas, task.cooperating)]),
        ids=(task.id,),
    )


def _first_clause(text: str, limit: int = 30) -> str:
    """A title for an untitled task: its first clause, cut at the first stop or ``limit`` characters."""
    for i, ch in enumerate(text):
        if ch in "。;;:: " or i >= limit:
            return text[:i] + ("…" if ch not in "。;;::" and i < len(text) else "")
    return text


def build_documents(atlas: Atlas) -> tuple[SearchDocument, ...]:
    """Every search document of the atlas, in a deterministic order (plans by id, document order)."""
    docs: list[SearchDocument] = []
    by_section: dict[tuple[str, str], list[TaskRef]] = {}
    for ref in atlas.tasks:
        by_section.setdefault((ref.plan.id, ref.sections[-1].id), []).append(ref)
    for plan in atlas.plans.values():
        docs.append(
            SearchDocument(
                kind="plan",
                url=urls.plan(plan.id),
                title=plan.title,
                text="".join(x for x in (plan.issuer, plan.doc_number, plan.preamble) if x),
                region=plan.region,
                plan=plan.id,
            )
        )
        section_docs: dict[str, SearchDocument] = {}
        for section in plan.iter_sections():
            if not (section.title or section.text):
                continue
            section_docs[section.id] = SearchDocument(
                kind="section",
                url=urls.section(plan.id, section.id),
                title=section.title or _first_clause(section.text or ""),
                text=(section.text or "") + (section.annotation or ""),
                region=plan.region,
                plan=plan.id,
                ids=(section.id,),
            )
        # sections and tasks interleaved in document order: each section before its tasks
        for section in plan.iter_sections():
            if section.id in section_docs:
                docs.append(section_docs[section.id])
            for ref in by_section.get((plan.id, section.id), ()):
                docs.append(task_document(atlas, ref))
        for att in plan.attachments:
            members = [m.name for m in att.members] + [m.position or "" for m in att.members]
            docs.append(
                SearchDocument(
                    kind="attachment",
                    url=f"{urls.plan(plan.id)}#{att.id}",
                    title=att.title,
                    text=att.text,
                    region=plan.region,
                    plan=plan.id,
                    agencies=_uniq(members),
                    )
            )
    for region in atlas.vocab.regions.values():
        if not atlas.plans_by_region.get(region.id):
            continue  # a region without plans has no page worth landing on from a search
        docs.append(
            SearchDocument(
                kind="region",
                url=urls.region(region.id),
                title=region.name,
                text="",
                region=region.id,
                names=_uniq([region.name, region.short_name]),
            )
        )
    for agency in _agencies_by_kind(atlas):
        atype = atlas.vocab.agency_types.get(agency.type) if agency.type else None
        roles = atlas.tasks_by_agency.get(agency.id, {})
        domains = _uniq(d for refs in roles.values() for r in refs for d in r.task.domains)
        docs.append(
            SearchDocument(
                kind="agency",
                url=urls.agency(agency.id),
                title=agency.name,
                text="",
                region=agency.region,
                domains=domains,
                agencies=_uniq([agency.name, *agency.aliases]),
                context=_uniq([atype.name if atype else None]),
                names=_uniq([agency.name, *agency.aliases]),
            )
        )
    for atype in atlas.vocab.agency_types.values():
        members = atlas.agencies_by_type.get(atype.id, ())
        docs.append(
            SearchDocument(
                kind="agency_type",
                url=urls.agency_type(atype.id),
                title=atype.name,
                text=atype.description or "",
                agencies=_uniq(a.name for a in members),
                names=(atype.name,),
            )
        )
    for domain in atlas.vocab.domains.values():
        docs.append(
            SearchDocument(
                kind="domain",
                url=urls.domain(domain.id),
                title=domain.name,
                text=domain.description or "",
                domains=(domain.id,),
                context=_uniq([*domain.heading_words, *domain.keywords]),
                names=(domain.name,),
            )
        )
    for ind in atlas.vocab.indicators.values():
        docs.append(
            SearchDocument(
                kind="indicator",
                url=urls.indicator(ind.id),
                title=ind.name,
                text=ind.description or "",
                context=_uniq(ind.aliases),
                names=_uniq([ind.name, *ind.aliases]),
            )
        )
    for cited in atlas.documents.values():
        if cited.plan:
            continue  # a cited plan of the corpus is its plan page, already a document
        docs.append(
            SearchDocument(
                kind="document",
                url=cited.url,
                title=cited.title or cited.doc_number or cited.id,
                text=cited.doc_number or "",
                names=_uniq([cited.title, cited.doc_number]),
            )
        )
    return tuple(_visible(doc) for doc in docs)


def _agencies_by_kind(atlas: Atlas) -> list:
    """The agencies in the order their hub documents take: by agency type, then by name without
    the region's (every region's 经济和信息化委员会 side by side) and by aliases (those a query
    scores alike), then as the vocabulary lists them. A query naming an agency (经信委) names it in
    every region: its candidate pages are then in one or two document chunks, not one per region
    (issue #13)."""
    types = {t: i for i, t in enumerate(atlas.vocab.agency_types)}
    regions = atlas.vocab.regions

    def key(agency) -> tuple[int, str, tuple[str, ...]]:
        region = regions.get(agency.region) if agency.region else None
        name = agency.name
        if region and name.startswith(region.name):
            name = name[len(region.name):]
        return (types.get(agency.type, len(types)) if agency.type else len(types), name, agency.aliases)

    return sorted(atlas.vocab.agencies.values(), key=key)  # stable: vocabulary order among equals


def _visible(doc: SearchDocument) -> SearchDocument:
    """Bidirectional controls and zero-width characters as visible tokens, as on the pages: a
    result snippet must not be reordered by a U+202E in the text it quotes."""
    return replace(doc, title=make_visible(doc.title), text=make_visible(doc.text),
                   agencies=tuple(make_visible(a) for a in doc.agencies),
                   context=tuple(make_visible(c) for c in doc.context))


def user_dictionary(atlas: Atlas) -> tuple[str, ...]:
    """Words jieba must keep whole: agency names and aliases, domain words, indicator names, regions."""
    v = atlas.vocab
    words: list[str] = []
    for a in v.agencies.values():
        words += [a.name, *a.aliases]
    for t in v.agency_types.values():
        words.append(t.name)
    for d in v.domains.values():
        words += [d.name, *d.heading_words, *d.keywords]
    for i in v.indicators.values():
        words += [i.name, *i.aliases]
    for r in v.regions.values():
        words += [r.name, r.short_name or ""]
    for ref in atlas.tasks:
        for role in ROLES:
            words += [a.name for a in getattr(ref.task, role)]
    return tuple(sorted({w.strip() for w in words if w and len(w.strip()) >= 2}))
