"""The importer: raw plan text → a draft ``model.Plan`` (and its YAML file), with a report.

One direction, one stage per module: chrome removal (chrome.py) → outline (structure.py) → metadata
(metadata.py) → agency annotations (annotations.py, agencies.py) → targets (targets.py) → domains
(classify.py) → YAML (emit.py). This module only wires them and decides what goes in the report:
skipped lines, annotations it could not read, agencies the vocabulary lacks (as a YAML snippet ready
for site_config/agencies.yaml), and sections it could not structure.

The importer never crashes on text and never drops it silently: what it cannot structure stays in
the draft (an unnumbered text becomes unnumbered sections), and ``ImportResult.coverage`` says how
much of the source became structure and lists what went nowhere. Files, the vocabulary, refusing
what is not a plan's text (source.py) and messages are the caller's business
(``generator.adapters.importing``): this module reads no file and prints nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from .. import model
from ..text.brackets import unwrap
from ..text.verbatim import normalize
from .annotations import AnnotationRules, find_annotations, parse_annotation
from .chrome import strip_chrome
from .classify import FALLBACK, classify_domains
from .coverage import Coverage, measure
from .metadata import Metadata, extract_metadata
from .provenance import Provenance, build_provenance
from .structure import build_outline
from .targets import extract_targets, governing_year


class StageFailure(str):
    """A report line saying a stage raised and its output was left out (a bug in the importer, not a
    property of the text). It is a ``str`` like every report line, so readers print it unchanged; tests
    tell it apart by type (the fuzz tests assert there is none)."""

    __slots__ = ()


def stage_failures(report: tuple[str, ...] | list[str]) -> list[str]:
    """The report lines that record a stage's crash."""
    return [line for line in report if isinstance(line, StageFailure)]


@dataclass(frozen=True)
class AnnotationReading:
    """What one agency annotation became: its owner (a task or section id), its text as written and
    the roles read from it (after the document's rules), names as written."""

    owner: str
    annotation: str
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    responsible: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    """A drafted plan and the report a reviewer reads before committing it.

    ``report`` is the reviewer's list of doubts, one line each; ``metadata`` is what the text says
    about itself (None fields where it says nothing, whatever stand-in the plan holds);
    ``annotations`` is what each agency annotation became, in document order.
    """

    plan: model.Plan
    report: tuple[str, ...]
    # Which source spans became which part of the plan, and the importer's doubts (provenance.py):
    # what the review page shows. Offsets index the text as read (line ends as \n, no BOM).
    provenance: Provenance | None = None
    metadata: Metadata | None = None
    annotations: tuple[AnnotationReading, ...] = ()
    not_targets: tuple[tuple[str, str, str], ...] = ()  # (owner id, quote, why it is not a target)
    coverage: Coverage | None = None
    chrome: tuple[tuple[int, str], ...] = ()  # (line, text) of every line removed as page chrome


# --- domains ------------------------------------------------------------------------------------------


def _domains(task: model.Task, headings: tuple[str, ...], vocab: model.Vocabulary | None) -> tuple[str, ...]:
    """The task's policy domains (classify.py), or none without a vocabulary."""
    if vocab is None or not vocab.domains:
        return ()
    return tuple(classify_domains(title=task.title, text=task.text, headings=headings, domains=vocab.domains,
                                 fallback=FALLBACK))


# --- region ----------------------------------------------------------------------------------------


def infer_region(issuer: str | None, title: str | None, plan_id: str, vocab: model.Vocabulary | None) -> str:
    """The vocabulary region the issuer (else the title) names, the most specific one; else a slug
    from the plan id (jinan-2016 → jinan)."""
    if vocab is not None:
        for probe in (issuer, title):
            if not probe:
                continue
            best: tuple[bool, int, int, str] | None = None
            for region in vocab.regions.values():
                for name in (region.name, region.short_name):
                    if name and len(name) >= 2 and name in probe:
                        # Earliest mention wins (the issuer is named first), then the longest name;
                        # the country only when nothing else is named (中国制造2025 names no issuer).
                        key = (region.level == "country", probe.index(name), -len(name), region.id)
                        if best is None or key < best:
                            best = key
            if best is not None:
                return best[3]
    slug = re.sub(r"-(19|20)\d\d.*$", "", plan_id)
    slug = re.sub(r"[^a-z0-9-]", "", slug.lower()).strip("-")
    return slug or "unknown"


# --- agencies ----------------------------------------------------------------------------------------


class _Agencies:
    """Reads each annotation once, in document order (the 列第一位者为牵头部门,下同 rule runs forward),
    and resolves its names in the plan's region."""

    def __init__(self, region: str, vocab: model.Vocabulary | None, report: list[str]) -> None:
        self.rules = AnnotationRules()
        self.report = report
        self.unresolved: list[tuple[str, str]] = []
        self.resolver = None
        if vocab is not None:
            from .agencies import AgencyResolver

            self.resolver = AgencyResolver(vocab, region)

    def read(self, annotation: str, where: str) -> tuple[tuple[model.AgencyRef, ...], ...]:
        # An annotation written over two lines (牵头单位:X / 配合单位:Y) reads as one labelled list.
        annotation = re.sub(r"\s*\n\s*", ";", annotation.strip())
        found = [a for a in find_annotations(annotation) if a.start == 0]
        if found:
            a = self.rules.apply(found[0])
            roles = (a.lead, a.cooperating, a.responsible)
        else:
            parsed = parse_annotation(unwrap(annotation.strip()).rstrip("。"))
            if parsed is None:
                self.report.append(f"{where}: annotation not understood, agencies left empty: {annotation}")
                return (), (), ()
            roles = parsed[:3]
        return tuple(self._resolve(names) for names in roles)  # type: ignore[return-value]

    def _resolve(self, names: tuple[str, ...]) -> tuple[model.AgencyRef, ...]:
        if not names:
            return ()
        if self.resolver is None:
            return tuple(model.AgencyRef(name=n, agency=None) for n in names)
        self.unresolved += self.resolver.unresolved(names)
        # One reference per agency: "上述重点任务所涉及的部门、单位" names one collective twice, and an
        # agency listed twice in one role would be counted twice on its page. The first, as written, stays.
        refs: list[model.AgencyRef] = []
        seen: set[str] = set()
        for ref in self.resolver.resolve(names):
            if ref.agency is not None and ref.agency in seen:
                continue
            if ref.agency is not None:
                seen.add(ref.agency)
            refs.append(ref)
        return tuple(refs)

    def member_agency(self, position: str | None) -> str | None:
        """The agency a member's post names (市经信委主任 → 市经信委), when the vocabulary knows it."""
        if self.resolver is None or not position:
            return None
        for part in reversed(re.split(r"[、,，]", position)):
            for cut in range(len(part), 1, -1):
                agency = self.resolver.lookup(part[:cut])
                if agency:
                    return agency
        return None


# --- the walk ------------------------------------------------------------------------------------------

# A part that looks back at what was achieved (一、发展现状 / (一)“十二五”发展情况 / 发展基础与形势 /
# 发展成就): its figures are baselines and results, phrased like targets (到2015年底…达到4972万户).
_LOOK_BACK = re.compile(r"现状|发展基础|工作基础|产业基础|基础与形势|基础和形势|发展成就|主要成就|取得的成[就效]"
                        r"|发展情况|建设情况|工作回顾|回顾|已有基础|现实基础|基础条件|进展情况|成效")


def is_look_back(title: str | None) -> bool:
    """Whether a section heading names a look back at past results rather than plans."""
    from ..text.folding import fold

    return bool(title) and bool(_LOOK_BACK.search(fold(title))) and not re.search(r"目标|任务", fold(title))


class _Enricher:
    """Gives tasks their agencies, targets and domains, and sections their targets."""

    def __init__(self, agencies: _Agencies, vocab: model.Vocabulary | None, period_end: int | None,
                 report: list[str], *, issued: int | None = None) -> None:
        self.agencies = agencies
        self.issued = issued  # the year the document was signed: a target due before it is a result
        self.looking_back = 0  # > 0 inside a look-back section (see is_look_back)
        self.vocab = vocab
        self.period_end = period_end
        self.report = report
        self.indicators = vocab.indicators if vocab is not None else None
        self.read: dict[tuple[str, str], tuple] = {}
        self.readings: list[AnnotationReading] = []
        self.doubts: list[tuple[str, str, str]] = []  # (owner id, quote, why a figure is not a target)

    def _targets(self, text: str | None, year: int | None, owner: str = "") -> tuple[model.Target, ...]:
        if not text:
            return ()
        try:
            found = tuple(extract_targets(text, year=year, indicators=self.indicators))
        except Exception as err:  # noqa: BLE001 — a target bug must not lose the whole plan
            self.report.append(StageFailure(f"targets not read ({type(err).__name__}: {err}) in: {text[:40]}"))
            return ()
        kept = []
        for t in found:
            if self.looking_back:
                self.doubts.append((owner, t.quote, "a figure in a look-back section (a result or baseline), "
                                    "not taken as a target"))
            elif self.issued and t.year is not None and t.year < self.issued:
                self.doubts.append((owner, t.quote, f"due in {t.year}, before the document was signed "
                                    f"({self.issued}): a result or baseline, not taken as a target"))
            else:
                kept.append(t)
        return tuple(kept)

    def _annotation(self, owner: str, annotation: str) -> tuple:
        key = (owner, annotation)
        if key not in self.read:
            try:
                self.read[key] = self.agencies.read(annotation, owner)
            except Exception as err:  # noqa: BLE001 — one odd annotation must not lose the plan
                self.report.append(StageFailure(f"{owner}: annotation not read ({type(err).__name__}: {err}): {annotation}"))
                self.read[key] = ((), (), ())
            self.readings.append(AnnotationReading(owner, annotation, *(
                tuple(ref.name for ref in refs) for refs in self.read[key])))
        return self.read[key]

    def section(self, s: model.Section, headings: tuple[str, ...], year: int | None) -> model.Section:
        back = is_look_back(s.title)
        self.looking_back += back
        try:
            return self._section(s, headings, year)
        finally:
            self.looking_back -= back

    def _section(self, s: model.Section, headings: tuple[str, ...], year: int | None) -> model.Section:
        own_year = governing_year(s.text) if s.text else None
        year_here = own_year or year
        titles = headings + ((s.title,) if s.title else ())
        if s.text:
            self.agencies.rules.observe(s.text)
        if s.annotation:
            # Read before the items it covers: an opening annotation may declare 列第一位者为牵头部门,下同.
            self._annotation(s.id, s.annotation)
        subs = []
        tasks = []
        for child in s.sections:
            subs.append(self.section(child, titles, year_here))
        for t in s.tasks:
            tasks.append(self.task(t, titles, year_here, s))
        return replace(s, sections=tuple(subs), tasks=tuple(tasks),
                       targets=self._targets(s.text, year_here or self.period_end, s.id))

    def task(self, t: model.Task, headings: tuple[str, ...], year: int | None,
             section: model.Section) -> model.Task:
        lead = cooperating = responsible = ()
        if t.annotation:
            owner = t.id if t.annotation != section.annotation else section.id
            lead, cooperating, responsible = self._annotation(owner, t.annotation)
        targets = self._targets(t.text, year or self.period_end, t.id)
        draft = replace(t, lead=lead, cooperating=cooperating, responsible=responsible, targets=targets)
        try:
            domains = _domains(draft, headings, self.vocab)
        except Exception as err:  # noqa: BLE001
            self.report.append(StageFailure(f"{t.id}: domains not classified ({type(err).__name__}: {err})"))
            domains = ()
        return replace(draft, domains=domains)


def import_text(raw: str, *, plan_id: str, source_file: str,
                vocab: model.Vocabulary | None = None, progress=None) -> ImportResult:
    """Draft a Plan from a plan's raw text (chrome and all). Never raises on any text.

    ``progress``, when given, is called with a short message as each stage starts (the CLI shows
    them for a long input)."""
    report: list[str] = []
    say = progress or (lambda message: None)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    # A saved copy's own header (# source: URL / # coverage: …, as tests/corpus keeps them) is the
    # file's, not the document's: its URL is the plan's source; its lines are read as blank.
    lines = raw.split("\n")
    header, url = 0, None
    while header < len(lines) and re.match(r"#\s*[a-z_ ]{2,20}:", lines[header]):
        m = re.match(r"#\s*source\s*:\s*(https?://\S+)", lines[header])
        url = url or (m.group(1) if m else None)
        header += 1
    # Same length, so that offsets into ``text`` are offsets into ``raw`` (provenance.py).
    text = "\n".join(" " * len(line) for line in lines[:header]) + "\n" + "\n".join(lines[header:]) \
        if header else raw
    say(f"reading metadata ({len(raw):,} characters)")
    try:
        meta = extract_metadata(text)
    except Exception as err:  # noqa: BLE001 — metadata is best effort; structure still matters
        report.append(StageFailure(f"metadata not read ({type(err).__name__}: {err}); fill it in by hand"))
        meta = Metadata(None, None, None, None, None, None)
    say("removing page chrome")
    dechromed = strip_chrome(text)
    report += [f"line {ln.number}: page chrome removed: {ln.text[:40]}" for ln in dechromed.removed]
    say(f"structuring {len(dechromed.lines):,} lines")
    outline = build_outline(dechromed.lines, breaks=frozenset(ln.number for ln in dechromed.removed))
    report += list(outline.skipped)

    title = meta.title or (dechromed.lines[0].text if dechromed.lines else plan_id)
    if not meta.title:
        report.append("title not found: the first line was used; check it")
    region = infer_region(meta.issuer, title, plan_id, vocab)
    if vocab is not None and region not in vocab.regions:
        report.append(f"region {region!r} is not in site_config/regions.yaml: add it or fix `region`")
    period = meta.period
    agencies = _Agencies(region, vocab, report)
    if outline.preamble:
        agencies.rules.observe(outline.preamble)
    enricher = _Enricher(agencies, vocab, period.end if period else None, report,
                         issued=meta.signed.year if meta.signed else None)
    sections = []
    for k, s in enumerate(outline.sections, 1):
        say(f"agencies, targets and domains: part {k} of {len(outline.sections)}")
        sections.append(enricher.section(s, (), None))
    sections = tuple(sections)
    attachments = tuple(
        replace(a, members=tuple(replace(m, agency=agencies.member_agency(m.position)) for m in a.members))
        for a in outline.attachments)

    if agencies.unresolved:
        try:
            from .agencies import suggest_entries

            snippet = suggest_entries(agencies.unresolved)
        except Exception as err:  # noqa: BLE001
            report.append(StageFailure(f"agency suggestions not made ({type(err).__name__}: {err})"))
            snippet = "\n".join(f"- {{region: {r}, name: {n}}}" for r, n in agencies.unresolved)
        if snippet:
            report.append("agencies not in the vocabulary (suggested site_config/agencies.yaml entries):\n"
                          + snippet.rstrip())
    plan = model.Plan(
        id=plan_id,
        title=title,
        region=region,
        issuer=meta.issuer,
        doc_number=meta.doc_number,
        signed=meta.signed,
        published=meta.published,
        period=period,
        source=model.Source(file=source_file, url=None,
                            sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(), retrieved=None),
        cites=tuple(meta.cites),
        preamble=outline.preamble,
        sections=sections,
        attachments=attachments,
    )
    report += [f"{owner}: {why}: {quote[:40]}" for owner, quote, why in enricher.doubts]
    say("measuring what became structure")
    if url:
        plan = replace(plan, source=replace(plan.source, url=url))
    coverage = measure(raw, plan, frozenset(ln.number for ln in dechromed.removed) | frozenset(range(1, header + 1)),
                       (meta.signed, meta.published))
    report.append(coverage.summary())
    try:
        provenance = build_provenance(raw, plan, dechromed=dechromed, report=report,
                                      unresolved=agencies.unresolved, vocab_loaded=vocab is not None)
    except Exception as err:  # noqa: BLE001 — the draft stands without its review data
        report.append(StageFailure(f"provenance not computed ({type(err).__name__}: {err})"))
        provenance = None
    return ImportResult(plan, tuple(report), provenance, metadata=meta, annotations=tuple(enricher.readings),
                        not_targets=tuple(enricher.doubts), coverage=coverage,
                        chrome=tuple((ln.number, ln.text) for ln in dechromed.removed))


def verbatim_problems(plan: model.Plan, source: str) -> list[str]:
    """Every stored text of ``plan`` that is not verbatim in ``source`` (for tests and self-checks)."""
    hay = normalize(source)
    bad = []

    def check(label: str, value: str | None) -> None:
        if value and normalize(value) not in hay:
            bad.append(f"{label}: {value[:50]}")

    check("title", plan.title)
    check("preamble", plan.preamble)
    for s in plan.iter_sections():
        for label, value in (("title", s.title), ("text", s.text), ("annotation", s.annotation)):
            check(f"{s.id}.{label}", value)
        for x in s.targets:
            check(f"{s.id}.quote", x.quote)
    for t in plan.iter_tasks():
        for label, value in (("title", t.title), ("text", t.text), ("annotation", t.annotation)):
            check(f"{t.id}.{label}", value)
        for x in t.targets:
            check(f"{t.id}.quote", x.quote)
    for a in plan.attachments:
        check(f"{a.id}.title", a.title)
        check(f"{a.id}.text", a.text)
    return bad
