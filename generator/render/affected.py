"""Which pages a change of content affects: what a preview (``make serve``) renders again.

``affected_paths(old, new)`` compares two atlases of the same project, before and after an edit,
and returns the page paths whose Markdown may differ; ``pages.all_pages(new, only=…)`` renders just
those, exactly as the whole build would. The rule, per plan whose model changed (both its old and
its new version count, so that a task moved from one agency to another changes both pages):

* the plan page, and the pages of the plans it cites or that cite it (their 被引用 / 引用文件 rows);
* the page of its region and of each region above it (plan lists), and of the regions of the
  agencies it names (agency rows with counts); the agency-index and master-table parts of the
  province-level regions of those regions;
* the page of each agency it names (tasks, attachment members), and of each of their agency types;
* the page of each domain its tasks are in, of each indicator its targets measure, and of each
  document outside the atlas it cites;
* every indicator page, when the plan's title or dates change or it starts or stops stating
  targets (each indicator page has a row for every plan);
* every index and summary page (home, plans, regions, domains, agencies, agency types, indicators,
  documents, coverage, data with its exports): they count or list every plan.

Anything else — a vocabulary change (site_config/), a plan added, removed or moved to another region,
a changed 文号 (documents are matched by it across plans) — returns None: every page is rendered
again. The preview then still re-renders in MkDocs only the pages whose Markdown changed.
"""

from __future__ import annotations

from ..atlas import Atlas, urls
from ..model import Plan
from .cite import EXPORT_FORMATS, export_path
from .refs import group_head
from .render import source_path

# Pages that summarise every plan: rendered again on any change (cheap next to the per-item pages).
SUMMARY_PAGES = (
    "index.md",
    "plans/index.md",
    "regions/index.md",
    "domains/index.md",
    "coverage/index.md",
    "agencies/index.md",
    "agency-types/index.md",
    "indicators/index.md",
    "documents/index.md",
    "data/index.md",
)


def changed_plans(old: Atlas, new: Atlas) -> set[str]:
    """Ids of the plans whose model differs (a plan reused from a cache is the same object)."""
    ids = set(old.plans) | set(new.plans)
    return {pid for pid in ids if old.plans.get(pid) is not new.plans.get(pid)
            and old.plans.get(pid) != new.plans.get(pid)}


def affected_paths(old: Atlas | None, new: Atlas) -> frozenset[str] | None:
    """The page paths a change from ``old`` to ``new`` affects, or None for every page (see above)."""
    if old is None or old.vocab != new.vocab or set(old.plans) != set(new.plans):
        return None
    changed = changed_plans(old, new)
    if not changed:
        return frozenset()
    paths: set[str] = set(SUMMARY_PAGES)
    for pid in changed:
        before, after = old.plans[pid], new.plans[pid]
        if before.region != after.region or before.doc_number != after.doc_number:
            return None
        for atlas, plan in ((old, before), (new, after)):
            paths |= _plan_pages(atlas, plan)
        if _row(before) != _row(after):
            # every indicator page has a row for every plan: a value, 未设目标 or 未提取
            paths.update(source_path(urls.indicator(i)) for i in new.vocab.indicators)
    # a plan page is rendered with its citation exports (data/cite/<plan>.json|ris|bib)
    paths.update(export_path(pid, ext) for pid in new.plans if source_path(urls.plan(pid)) in paths
                 for ext, _ in EXPORT_FORMATS)
    return frozenset(paths)


def _row(plan: Plan) -> tuple:
    """What a page that lists every plan shows of it: its heading facts, whether it states targets."""
    has_targets = any(s.targets or any(t.targets for t in s.tasks) for s in plan.iter_sections())
    return (plan.title, plan.signed, plan.published, plan.period, has_targets)


def _plan_pages(atlas: Atlas, plan: Plan) -> set[str]:
    """The pages that show something of ``plan`` in ``atlas``."""
    vocab = atlas.vocab
    paths = {source_path(urls.plan(plan.id))}
    for pid in atlas.cited_by.get(plan.id, ()):
        paths.add(source_path(urls.plan(pid)))
    for doc in atlas.documents.values():
        if plan.id in doc.cited_by:  # its page lists the plans citing it
            paths.add(source_path(doc.url))

    regions = {plan.region}
    agencies: set[str] = set()
    domains: set[str] = set()
    indicators: set[str] = set()
    for section in plan.iter_sections():
        targets = list(section.targets)
        for task in section.tasks:
            domains.update(task.domains)
            targets += task.targets
            for ref in task.lead + task.cooperating + task.responsible:
                if ref.agency:
                    agencies.add(ref.agency)
        indicators.update(t.indicator for t in targets if t.indicator)
    for attachment in plan.attachments:
        agencies.update(m.agency for m in attachment.members if m.agency)

    for aid in agencies:
        paths.add(source_path(urls.agency(aid)))
        agency = vocab.agencies.get(aid)
        if agency is not None:
            regions.add(agency.region)
            if agency.type:
                paths.add(source_path(urls.agency_type(agency.type)))
    for rid in _with_ancestors(atlas, regions):
        paths.add(source_path(urls.region(rid)))
    for rid in regions:  # the parts of the agency index and of the master table holding them
        head = group_head(vocab, rid).id
        paths.update((source_path(urls.agencies_in(head)), source_path(urls.targets_in(head))))
    paths.update(source_path(urls.domain(d)) for d in domains)
    paths.update(source_path(urls.indicator(i)) for i in indicators)
    return paths


def _with_ancestors(atlas: Atlas, regions: set[str]) -> set[str]:
    out: set[str] = set()
    for rid in regions:
        while rid and rid not in out:
            out.add(rid)
            region = atlas.vocab.regions.get(rid)
            rid = region.parent if region else None
    return out
