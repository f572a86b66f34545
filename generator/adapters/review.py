"""The review page an import writes beside its draft: ``build/review/<id>.html``.

One standalone HTML file (inline CSS and script, nothing fetched, opens from ``file://``): the source
text with every span marked by what it became (``importer.provenance``), the text that went nowhere
highlighted, the importer's doubts beside it, counts at the top, and the draft YAML itself with
numbered lines that every item links to. The page is built from view objects here; the template
(templates/review.html.j2) only presents them, through Jinja2 autoescape — the source is data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from ..importer.pipeline import ImportResult
from ..importer.provenance import KINDS, STRUCTURE_KINDS, Provenance, line_for, yaml_lines

TEMPLATES = Path(__file__).resolve().parent / "templates"

# What each kind of span is called on the page, and what the legend says about it.
KIND_NAMES = {
    "chrome": ("removed chrome", "web-page furniture taken off before structuring"),
    "skipped": ("front / end matter", "title block, addressee, signature, 抄送 … recognised and left out"),
    "metadata": ("metadata", "title, issuer, 文号, dates, cited documents"),
    "preamble": ("preamble", "the prose before the first numbered part"),
    "heading": ("heading", "a numbered part's number and title, with its level"),
    "text": ("section text", "a section's own text"),
    "task": ("task", "a task: its heading, text and annotation"),
    "annotation": ("annotation", "agencies: lead / cooperating / responsible"),
    "target": ("target", "a quantitative target: name, value, unit, year"),
    "attachment": ("attachment", "附件: title, text, member list"),
    "unplaced": ("unplaced", "text that went nowhere: check it"),
}
DOUBT_NAMES = {
    "heading-level": "heading level guessed",
    "annotation-scope": "annotation scope guessed",
    "not-a-target": "number not taken as a target",
    "unresolved-agency": "agency not in the vocabulary",
    "unlocated": "stored text not found in the source",
    "report": "importer note",
}


@dataclass(frozen=True)
class Segment:
    """A run of source text covered by the same spans: its classes, tooltip and span numbers."""

    anchor: str
    text: str
    classes: str
    title: str
    spans: str  # space-separated indices into the page's span table
    badge: str | None  # heading level (L2), shown before a heading starts


@dataclass(frozen=True)
class DoubtView:
    kind: str
    kind_name: str
    message: str
    source_anchor: str | None
    yaml_line: int | None
    suggestion: str | None


@dataclass(frozen=True)
class LegendItem:
    kind: str
    name: str
    description: str
    count: int


@dataclass(frozen=True)
class ReviewPage:
    plan_id: str
    title: str
    yaml_name: str
    source_name: str
    summary: str
    unplaced_examples: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]
    legend: tuple[LegendItem, ...]
    segments: tuple[Segment, ...]
    doubts: tuple[DoubtView, ...]
    doubt_counts: tuple[tuple[str, int], ...]
    yaml: tuple[tuple[int, str], ...]
    span_table: tuple[dict, ...]


def _segments(prov: Provenance, lines: dict[str, int]) -> tuple[list[Segment], dict[int, str]]:
    """Cut the source at every span edge; each piece carries the kinds of the spans over it."""
    source = prov.source
    edges = {0, len(source)}
    for s in prov.spans:
        edges |= {s.start, s.end}
    for a, b in prov.unplaced:
        edges |= {a, b}
    cuts = sorted(e for e in edges if 0 <= e <= len(source))
    starts_heading = {s.start: s for s in prov.spans if s.kind == "heading"}
    index = {id(s): i for i, s in enumerate(prov.spans)}
    # Sweep: spans sorted by start; active ones checked per piece (pieces are short, spans few).
    by_start = sorted(prov.spans, key=lambda s: s.start)
    unplaced = sorted(prov.unplaced)
    segments: list[Segment] = []
    anchors: dict[int, str] = {}
    active: list = []
    j = u = 0
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        while j < len(by_start) and by_start[j].start <= a:
            active.append(by_start[j])
            j += 1
        active = [s for s in active if s.end > a]
        # Innermost first: the details panel lists a target before the task around it, and the YAML
        # line it jumps to is the most specific one.
        over = sorted((s for s in active if s.start <= a < s.end), key=lambda s: (s.end - s.start, s.start))
        while u < len(unplaced) and unplaced[u][1] <= a:
            u += 1
        lost = u < len(unplaced) and unplaced[u][0] <= a < unplaced[u][1]
        kinds = sorted({s.kind for s in over}, key=KINDS.index)
        classes = " ".join(f"k-{k}" for k in kinds) + (" k-unplaced" if lost else "")
        # Where a target or an annotation begins: adjacent targets (…达到65%,…达到70%) stay apart.
        classes += "".join(f" {k}-start" for k in ("target", "annotation")
                           if any(s.kind == k and s.start == a for s in over))
        title = "; ".join(s.label for s in over) or ("unplaced: went nowhere" if lost else "")
        heading = starts_heading.get(a)
        badge = dict(heading.fields).get("level") if heading else None
        anchor = f"o{a}"
        anchors[a] = anchor
        segments.append(Segment(anchor, source[a:b], classes.strip(), title,
                                " ".join(str(index[id(s)]) for s in over), f"L{badge}" if badge else None))
    return segments, anchors


def _anchor_at(anchors: dict[int, str], offset: int | None) -> str | None:
    if offset is None or not anchors:
        return None
    best = None
    for start in anchors:
        if start <= offset and (best is None or start > best):
            best = start
    return anchors.get(best) if best is not None else None


def review_page(result: ImportResult, yaml_text: str, *, yaml_name: str, source_name: str) -> ReviewPage:
    """The view object of the review page for one import."""
    prov = result.provenance
    if prov is None:  # provenance failed (a StageFailure is in the report): show the report alone
        from ..importer.provenance import Doubt

        prov = Provenance("", (), tuple(Doubt("report", str(line)) for line in result.report), ())
    lines = yaml_lines(yaml_text)
    segments, anchors = _segments(prov, lines)
    total = prov.total_chars
    structured = prov.chars(STRUCTURE_KINDS)
    left_out = prov.chars() - structured
    share = f"{(100 * structured / total):.0f}" if total else "0"
    unplaced = prov.unplaced_chars
    examples = tuple(prov.source[a:b][:40] for a, b in prov.unplaced[:6])
    summary = (f"structured {share} % of the text ({structured:,} of {total:,} characters); "
               + (f"{left_out:,} characters of page chrome and front/end matter left out; " if left_out else "")
               + f"{unplaced:,} characters unplaced" + (":" if examples else ""))
    counts = {k: 0 for k in (*KINDS, "unplaced")}
    for s in prov.spans:
        counts[s.kind] += 1
    counts["unplaced"] = len(prov.unplaced)
    legend = tuple(LegendItem(k, *KIND_NAMES[k], counts[k]) for k in (*KINDS, "unplaced"))
    doubts = []
    for d in prov.doubts:
        doubts.append(DoubtView(d.kind, DOUBT_NAMES.get(d.kind, d.kind), d.message, _anchor_at(anchors, d.start),
                                line_for(d.path, lines) if d.path else None, d.suggestion))
    doubt_counts = tuple((DOUBT_NAMES[k], sum(1 for d in doubts if d.kind == k)) for k in DOUBT_NAMES
                         if any(d.kind == k for d in doubts))
    plan = result.plan
    tasks = list(plan.iter_tasks())
    facts = (
        ("title", plan.title), ("issuer", plan.issuer or "—"), ("文号", plan.doc_number or "—"),
        ("signed", plan.signed.isoformat() if plan.signed else "—"),
        ("sections", str(sum(1 for _ in plan.iter_sections()))), ("tasks", str(len(tasks))),
        ("annotated tasks", str(sum(1 for t in tasks if t.annotation))),
        ("targets", str(sum(len(t.targets) for t in tasks) + sum(len(s.targets) for s in plan.iter_sections()))),
    )
    table = tuple({"kind": KIND_NAMES[s.kind][0], "label": s.label, "fields": [list(f) for f in s.fields],
                   "line": line_for(s.path, lines) if s.path else None, "path": s.path}
                  for s in prov.spans)
    yaml_view = tuple(enumerate(yaml_text.split("\n"), 1))
    if yaml_view and yaml_view[-1][1] == "":
        yaml_view = yaml_view[:-1]
    return ReviewPage(plan.id, plan.title, yaml_name, source_name, summary, examples, facts, legend,
                      tuple(segments), tuple(doubts), doubt_counts, yaml_view, table)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_review(result: ImportResult, yaml_text: str, *, yaml_name: str, source_name: str) -> str:
    """The review page's HTML (deterministic: the same import gives the same bytes)."""
    page = review_page(result, yaml_text, yaml_name=yaml_name, source_name=source_name)
    return _environment().get_template("review.html.j2").render(page=page)
