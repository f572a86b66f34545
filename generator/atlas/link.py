"""The atlas: the loaded content cross-linked into the graph every page is a view of.

``link(content)`` resolves what the plans share: tasks by domain and by agency (per role), agencies
by type and region, plans by region, targets by indicator, cited documents to plans in the corpus.
It is pure: model in, atlas out, deterministic order everywhere (plans by id, tasks in document
order), so that two builds of the same content write the same bytes.

URLs are permanent (researchers cite them); ``urls`` (atlas/urls.py) is the one place that spells them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..text import docnum
from ..text.folding import fold
from ..model import ROLES, Agency, Citation, Plan, Section, Target, Task, Vocabulary
from .evidence import Mention, unstructured
from .urls import urls



@dataclass(frozen=True)
class TaskRef:
    """A task in its place: the plan and the chain of sections above it."""

    plan: Plan
    sections: tuple[Section, ...]
    task: Task

    @property
    def url(self) -> str:
        return urls.task(self.plan.id, self.task.id)

    @property
    def region(self) -> str:
        return self.plan.region


@dataclass(frozen=True)
class Measure:
    """A target's figure in its indicator's unit (100M and 百兆 both 100 Mbps; 2T is 2 Tbps)."""

    value: float
    value_max: float | None
    unit: str | None


@dataclass(frozen=True)
class TargetRef:
    """A target in its place: the plan, and the task (or section) whose text states it, and its
    figure in the unit of the indicator it links to (``measure``; None when it links to none or
    its unit has no conversion in site_config/units.yaml)."""

    plan: Plan
    target: Target
    task: Task | None
    section: Section | None
    measure: Measure | None = None

    @property
    def url(self) -> str:
        anchor = self.task.id if self.task else self.section.id  # type: ignore[union-attr]
        return f"plans/{self.plan.id}/#{anchor}"


@dataclass(frozen=True)
class CitedDocument:
    """A document cited by plans: in the corpus (``plan`` is set) or outside it (a page of its own)."""

    id: str
    doc_number: str | None
    title: str | None
    plan: str | None
    cited_by: tuple[str, ...]

    @property
    def url(self) -> str:
        return urls.plan(self.plan) if self.plan else urls.document(self.id)


@dataclass(frozen=True)
class Atlas:
    """Everything cross-linked. Lists are in deterministic order; dict keys in vocabulary order."""

    vocab: Vocabulary
    plans: dict[str, Plan]
    tasks: tuple[TaskRef, ...]
    targets: tuple[TargetRef, ...]
    plans_by_region: dict[str, tuple[Plan, ...]]
    tasks_by_domain: dict[str, tuple[TaskRef, ...]]
    tasks_by_agency: dict[str, dict[str, tuple[TaskRef, ...]]]  # agency id → role → tasks
    agencies_by_type: dict[str, tuple[Agency, ...]]
    agencies_by_region: dict[str, tuple[Agency, ...]]
    targets_by_indicator: dict[str, tuple[TargetRef, ...]]
    documents: dict[str, CitedDocument]  # by CitedDocument.id
    cited_by: dict[str, tuple[str, ...]] = field(default_factory=dict)  # plan id → plan ids citing it
    # indicator id → sentences that name it with a figure in plans linking no target to it
    unstructured: dict[str, tuple[Mention, ...]] = field(default_factory=dict)

    def task_ref(self, plan_id: str, task_id: str) -> TaskRef:
        for ref in self.tasks:
            if ref.plan.id == plan_id and ref.task.id == task_id:
                return ref
        raise KeyError((plan_id, task_id))


def doc_number_key(doc_number: str) -> str:
    """One key per document whatever the 文号's brackets: 京政发[2016]4号 = 京政发〔2016〕4号 (text.docnum)."""
    return docnum.key(doc_number)


def document_slug(doc_number: str | None, title: str | None) -> str:
    """An ASCII slug for a cited document (text.docnum.slug: gf-2015-40)."""
    return docnum.slug(doc_number, title)


def measure(vocab: Vocabulary, target: Target) -> Measure | None:
    """The target's figure in its indicator's unit, by site_config/units.yaml; None if it cannot be."""
    indicator = vocab.indicators.get(target.indicator or "")
    if indicator is None:
        return None
    written = fold(target.unit or "")
    if indicator.unit is None:
        factor = 1.0 if not written else None
    elif written == fold(indicator.unit):
        factor = 1.0
    else:
        unit = vocab.units.get(indicator.unit)
        factor = next((f for form, f in unit.forms if fold(form) == written), None) if unit else None
    if factor is None:
        return None

    def scaled(x: float) -> float:
        return round(x * factor, 10)

    return Measure(scaled(target.value), scaled(target.value_max) if target.value_max is not None else None,
                   indicator.unit)


def _walk(sections: tuple[Section, ...], chain: tuple[Section, ...]) -> Iterator[tuple[Section, ...]]:
    for s in sections:
        here = chain + (s,)
        yield here
        yield from _walk(s.sections, here)


def link(vocab: Vocabulary, plans: dict[str, Plan]) -> Atlas:
    """Cross-link loaded, validated content into an Atlas."""
    ordered = {pid: plans[pid] for pid in sorted(plans)}
    tasks: list[TaskRef] = []
    targets: list[TargetRef] = []
    for plan in ordered.values():
        for chain in _walk(plan.sections, ()):
            section = chain[-1]
            for t in section.targets:
                targets.append(TargetRef(plan, t, None, section, measure(vocab, t)))
            for task in section.tasks:
                tasks.append(TaskRef(plan, chain, task))
                for t in task.targets:
                    targets.append(TargetRef(plan, t, task, section, measure(vocab, t)))

    by_domain: dict[str, list[TaskRef]] = {d: [] for d in vocab.domains}
    by_agency: dict[str, dict[str, list[TaskRef]]] = defaultdict(lambda: {r: [] for r in ROLES})
    for ref in tasks:
        for d in ref.task.domains:
            by_domain.setdefault(d, []).append(ref)
        for role in ROLES:
            seen: set[str] = set()
            for a in getattr(ref.task, role):
                if a.agency and a.agency not in seen:
                    seen.add(a.agency)
                    by_agency[a.agency][role].append(ref)

    by_type: dict[str, list[Agency]] = {t: [] for t in vocab.agency_types}
    by_region_agencies: dict[str, list[Agency]] = {r: [] for r in vocab.regions}
    for agency in vocab.agencies.values():
        if agency.type:
            by_type.setdefault(agency.type, []).append(agency)
        by_region_agencies.setdefault(agency.region, []).append(agency)

    by_region: dict[str, list[Plan]] = {r: [] for r in vocab.regions}
    for plan in ordered.values():
        by_region.setdefault(plan.region, []).append(plan)

    by_indicator: dict[str, list[TargetRef]] = {i: [] for i in vocab.indicators}
    for tref in targets:
        if tref.target.indicator:
            by_indicator.setdefault(tref.target.indicator, []).append(tref)

    documents, cited_by = _documents(ordered)
    linked: dict[str, set[str]] = defaultdict(set)
    for tref in targets:
        if tref.target.indicator:
            linked[tref.plan.id].add(tref.target.indicator)

    return Atlas(
        vocab=vocab,
        plans=ordered,
        tasks=tuple(tasks),
        targets=tuple(targets),
        plans_by_region={k: tuple(v) for k, v in by_region.items()},
        tasks_by_domain={k: tuple(v) for k, v in by_domain.items()},
        tasks_by_agency={a: {r: tuple(v[r]) for r in ROLES} for a, v in sorted(by_agency.items())},
        agencies_by_type={k: tuple(v) for k, v in by_type.items()},
        agencies_by_region={k: tuple(v) for k, v in by_region_agencies.items()},
        targets_by_indicator={k: tuple(v) for k, v in by_indicator.items()},
        documents=documents,
        cited_by=cited_by,
        unstructured=unstructured(ordered, vocab.indicators, linked),
    )


def _documents(plans: dict[str, Plan]) -> tuple[dict[str, CitedDocument], dict[str, tuple[str, ...]]]:
    """Group citations by document; a cited 文号 that is a plan's own doc_number links to that plan."""
    in_corpus = {doc_number_key(p.doc_number): p.id for p in plans.values() if p.doc_number}
    groups: dict[str, list[tuple[str, Citation]]] = {}
    for plan in plans.values():
        for c in plan.cites:
            key = doc_number_key(c.doc_number) if c.doc_number else "title:" + (c.title or "")
            groups.setdefault(key, []).append((plan.id, c))
    documents: dict[str, CitedDocument] = {}
    cited_by: dict[str, list[str]] = defaultdict(list)
    for key in sorted(groups):
        entries = groups[key]
        first = entries[0][1]
        title = next((c.title for _, c in entries if c.title), None)
        target_plan = in_corpus.get(key)
        citing = tuple(sorted({pid for pid, _ in entries}))
        doc_id = document_slug(first.doc_number, title)
        base, n = doc_id, 2
        while doc_id in documents:
            doc_id, n = f"{base}-{n}", n + 1
        documents[doc_id] = CitedDocument(doc_id, first.doc_number, title, target_plan, citing)
        if target_plan:
            cited_by[target_plan].extend(citing)
    return documents, {k: tuple(sorted(set(v))) for k, v in cited_by.items()}
