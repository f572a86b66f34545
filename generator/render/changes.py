"""What a content change means: two loaded ``Content`` trees compared, as a reviewer reads it.

``compare(base, head)`` lists the tasks, agencies (references and vocabulary entries), targets and
metadata added, removed or changed, and the pages whose content that changes (their permanent URLs,
from ``atlas.urls``). ``changes_markdown`` renders it (templates/changes.md.j2) for a pull request's
job summary; ``python -m generator diff BASE_REF`` (adapters) reads the base tree from git.

Comparison is on the model, so a reformatted YAML file that loads the same changes nothing, and
``loc`` never counts (it is excluded from model equality).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from ..atlas.link import document_slug
from ..atlas.urls import urls
from ..model import AgencyRef, Content, Plan, Section, Target, Task, Vocabulary
from .render import render

# Plan fields shown as metadata, in the order of content/README.md.
META_FIELDS = ("title", "region", "issuer", "doc_number", "signed", "published", "period", "source", "preamble")
ROLES = ("lead", "cooperating", "responsible")


@dataclass(frozen=True)
class Change:
    """One change: ``what`` (task, target, agency, metadata, section, vocabulary), ``action`` (added,
    removed, changed), where (``plan`` id or None for the vocabulary), a label, its details (before →
    after, written as text) and the URL that shows it."""

    what: str
    action: str
    plan: str | None
    label: str
    details: tuple[str, ...] = ()
    url: str | None = None


@dataclass(frozen=True)
class PlanChanges:
    plan: str
    title: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Changes:
    plans: tuple[PlanChanges, ...]
    vocabulary: tuple[Change, ...]
    pages: tuple[str, ...]  # affected page URLs (site-root relative, directory form), sorted

    @property
    def empty(self) -> bool:
        return not self.plans and not self.vocabulary

    def count(self, what: str, action: str) -> int:
        items = [c for p in self.plans for c in p.changes] + list(self.vocabulary)
        return sum(1 for c in items if c.what == what and c.action == action)


def _text(value) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return value if len(value) <= 60 else value[:57] + "…"
    return str(value)


def _refs(refs: Iterable[AgencyRef]) -> str:
    return "、".join(r.name + (f" ({r.agency})" if r.agency else "") for r in refs) or "—"


def _target_label(t: Target) -> str:
    value = f"{t.value:g}" + (f"–{t.value_max:g}" if t.value_max is not None else "")
    return f"{t.name} {t.comparator} {value}{t.unit}" + (f" ({t.year})" if t.year else "")


def _target_key(t: Target) -> tuple:
    return (t.name, t.year, t.unit)


def _tasks(plan: Plan) -> dict[str, Task]:
    return {t.id: t for t in plan.iter_tasks()}


def _sections(plan: Plan) -> dict[str, Section]:
    return {s.id: s for s in plan.iter_sections()}


class _Collector:
    def __init__(self, base: Content, head: Content) -> None:
        self.base, self.head = base, head
        self.pages: set[str] = set()

    # pages --------------------------------------------------------------------------------------

    def touch_agencies(self, refs: Iterable[AgencyRef]) -> None:
        for r in refs:
            if r.agency:
                self.pages.add(urls.agency(r.agency))
                for vocab in (self.base.vocab, self.head.vocab):
                    agency = vocab.agencies.get(r.agency)
                    if agency is not None and agency.type:
                        self.pages.add(urls.agency_type(agency.type))

    def touch_task(self, plan: Plan, t: Task | None) -> None:
        if t is None:
            return
        self.touch_agencies([*t.lead, *t.cooperating, *t.responsible])
        self.pages |= {urls.domain(d) for d in t.domains}
        self.touch_targets(t.targets)

    def touch_targets(self, targets: Iterable[Target]) -> None:
        for x in targets:
            self.pages.add("indicators/")
            if x.indicator:
                self.pages.add(urls.indicator(x.indicator))

    # targets ------------------------------------------------------------------------------------

    def targets(self, plan_id: str, owner: str, url: str, old: tuple[Target, ...],
                new: tuple[Target, ...]) -> list[Change]:
        out: list[Change] = []
        before = {_target_key(t): t for t in old}
        after = {_target_key(t): t for t in new}
        for key, t in after.items():
            if key not in before:
                out.append(Change("target", "added", plan_id, f"{owner}: {_target_label(t)}", (f"“{t.quote}”",), url))
            elif before[key] != t:
                was = before[key]
                details = tuple(f"{f.name}: {_text(getattr(was, f.name))} → {_text(getattr(t, f.name))}"
                                for f in fields(Target) if f.compare and getattr(was, f.name) != getattr(t, f.name))
                out.append(Change("target", "changed", plan_id, f"{owner}: {_target_label(t)}", details, url))
        for key, t in before.items():
            if key not in after:
                out.append(Change("target", "removed", plan_id, f"{owner}: {_target_label(t)}", (f"“{t.quote}”",), url))
        return out

    # plans --------------------------------------------------------------------------------------

    def plan(self, old: Plan | None, new: Plan | None) -> PlanChanges | None:
        plan = new or old
        assert plan is not None
        pid = plan.id
        if old is None or new is None:
            action = "added" if old is None else "removed"
            tasks = sum(1 for _ in plan.iter_tasks())
            self.pages |= {urls.plan(pid), urls.region(plan.region), "", "plans/", "coverage/"}
            for t in plan.iter_tasks():
                self.touch_task(plan, t)
            for s in plan.iter_sections():
                self.touch_targets(s.targets)
            for c in plan.cites:
                self.pages.add(urls.document(document_slug(c.doc_number, c.title)))
            change = Change("plan", action, pid, f"{plan.title} ({tasks} tasks)", (), urls.plan(pid))
            return PlanChanges(pid, plan.title, (change,))
        out: list[Change] = []
        for name in META_FIELDS:
            a, b = getattr(old, name), getattr(new, name)
            if a != b:
                out.append(Change("metadata", "changed", pid, name, (f"{_text(a)} → {_text(b)}",), urls.plan(pid)))
                if name == "region":
                    self.pages |= {urls.region(old.region), urls.region(new.region)}
        old_cites = {(c.doc_number, c.title) for c in old.cites}
        new_cites = {(c.doc_number, c.title) for c in new.cites}
        for action, cites in (("added", new_cites - old_cites), ("removed", old_cites - new_cites)):
            for number, title in sorted(cites, key=lambda c: (c[0] or "", c[1] or "")):
                url = urls.document(document_slug(number, title))
                self.pages.add(url)
                out.append(Change("metadata", action, pid, f"cited document {number or ''} {title or ''}".strip(),
                                  (), url))
        if old.attachments != new.attachments:
            out.append(Change("metadata", "changed", pid, "attachments",
                              (f"{len(old.attachments)} → {len(new.attachments)} attachments",), urls.plan(pid)))
        # Sections: their titles, texts and own targets.
        olds, news = _sections(old), _sections(new)
        for sid in [*news, *(s for s in olds if s not in news)]:
            a, b = olds.get(sid), news.get(sid)
            url = urls.section(pid, sid)
            if a is None or b is None:
                s = a or b
                out.append(Change("section", "added" if a is None else "removed", pid,
                                  f"{sid} {s.number or ''} {s.title or ''}".strip(), (), url))
                self.touch_targets(s.targets)
                continue
            details = tuple(f"{name}: {_text(getattr(a, name))} → {_text(getattr(b, name))}"
                            for name in ("number", "title", "text", "annotation") if getattr(a, name) != getattr(b, name))
            if details:
                out.append(Change("section", "changed", pid, f"{sid} {b.title or ''}".strip(), details, url))
            if a.targets != b.targets:
                self.touch_targets(a.targets + b.targets)
                out += self.targets(pid, sid, url, a.targets, b.targets)
        # Tasks.
        oldt, newt = _tasks(old), _tasks(new)
        for tid in [*newt, *(t for t in oldt if t not in newt)]:
            a, b = oldt.get(tid), newt.get(tid)
            url = urls.task(pid, tid)
            if a is None or b is None:
                t = a or b
                self.touch_task(new, t)
                roles = tuple(f"{role}: {_refs(getattr(t, role))}" for role in ROLES if getattr(t, role))
                out.append(Change("task", "added" if a is None else "removed", pid,
                                  f"{tid} {t.title or _text(t.text)}", roles, url))
                continue
            if a == b:
                continue
            self.touch_task(old, a)
            self.touch_task(new, b)
            details = [f"{name}: {_text(getattr(a, name))} → {_text(getattr(b, name))}"
                       for name in ("number", "title", "text", "annotation") if getattr(a, name) != getattr(b, name)]
            if a.domains != b.domains:
                details.append(f"domains: {'、'.join(a.domains) or '—'} → {'、'.join(b.domains) or '—'}")
            if details:
                out.append(Change("task", "changed", pid, f"{tid} {b.title or _text(b.text)}", tuple(details), url))
            for role in ROLES:
                ra, rb = getattr(a, role), getattr(b, role)
                if ra != rb:
                    out.append(Change("agency", "changed", pid, f"{tid}: {role}", (f"{_refs(ra)} → {_refs(rb)}",), url))
            out += self.targets(pid, tid, url, a.targets, b.targets)
        if not out:
            return None
        self.pages.add(urls.plan(pid))
        return PlanChanges(pid, new.title, tuple(out))

    # vocabulary ---------------------------------------------------------------------------------

    def vocabulary(self, old: Vocabulary, new: Vocabulary) -> list[Change]:
        out: list[Change] = []
        kinds = (("agency", "agencies", urls.agency), ("region", "regions", urls.region),
                 ("domain", "domains", urls.domain), ("agency type", "agency_types", urls.agency_type),
                 ("indicator", "indicators", urls.indicator))
        for label, attr, url_of in kinds:
            a, b = getattr(old, attr), getattr(new, attr)
            for key in [*b, *(k for k in a if k not in b)]:
                x, y = a.get(key), b.get(key)
                if x == y:
                    continue
                url = url_of(key)
                self.pages.add(url)
                if label == "agency":
                    for item in (x, y):
                        if item is not None:
                            self.pages.add(urls.region(item.region))
                            if item.type:
                                self.pages.add(urls.agency_type(item.type))
                if x is None or y is None:
                    item = x or y
                    out.append(Change("agency" if label == "agency" else "vocabulary",
                                      "added" if x is None else "removed", None,
                                      f"{label} {key}: {getattr(item, 'name', key)}", (), url))
                    continue
                details = tuple(f"{f.name}: {_text(_show(getattr(x, f.name)))} → {_text(_show(getattr(y, f.name)))}"
                                for f in fields(type(x)) if f.compare and getattr(x, f.name) != getattr(y, f.name))
                out.append(Change("agency" if label == "agency" else "vocabulary", "changed", None,
                                  f"{label} {key}: {getattr(y, 'name', key)}", details, url))
        return out


def _show(value) -> str:
    if isinstance(value, tuple):
        return "、".join(map(str, value)) or "—"
    return value


def compare(base: Content, head: Content) -> Changes:
    """What changed from ``base`` to ``head``, and the pages it touches."""
    c = _Collector(base, head)
    plans = []
    for pid in sorted(set(base.plans) | set(head.plans)):
        got = c.plan(base.plans.get(pid), head.plans.get(pid))
        if got is not None:
            plans.append(got)
    vocabulary = c.vocabulary(base.vocab, head.vocab)
    if plans or vocabulary:
        c.pages.add("data/")  # the exports hold every plan, task, agency and target
    return Changes(tuple(plans), tuple(vocabulary), tuple(sorted(c.pages)))


def changes_markdown(changes: Changes, *, base: str, site_url: str | None = None) -> str:
    """The Markdown summary of ``changes`` against ``base`` (a git ref), page URLs under ``site_url``
    when given, else relative to the site root."""
    prefix = (site_url.rstrip("/") + "/") if site_url else "/"
    counts = []
    for what, name in (("plan", "plans"), ("task", "tasks"), ("agency", "agency changes"), ("target", "targets"),
                       ("metadata", "metadata fields"), ("section", "sections"), ("vocabulary", "vocabulary entries")):
        parts = [f"{n} {action}" for action in ("added", "removed", "changed") if (n := changes.count(what, action))]
        if parts:
            counts.append(f"{name}: {', '.join(parts)}")
    return render("changes.md.j2", changes=changes, base=base, counts=counts, prefix=prefix)
