"""Span provenance: which stretch of the source became which part of the draft, and what the importer
doubts — the data the review page (``build/review/<id>.html``) is drawn from.

Every stored text of a draft is verbatim from its source (after ``text.verbatim.normalize``: NFKC,
whitespace dropped), so provenance is found by locating each stored string in the source the
importer read, in document order (a cursor runs through the outline so that a heading repeated in
two parts, 总体目标, lands on the right one). A string written over several lines is located whole,
else line by line (a chrome line removed from its middle leaves two pieces). Nothing here changes
the draft; a string that cannot be located is itself reported as a doubt.

Offsets index ``Provenance.source``: the text as ``import_text`` saw it (line ends made ``\\n``, a
leading BOM dropped). Characters that no span covers and that are not whitespace are *unplaced*:
the text that went nowhere, which the review page highlights and counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .. import model
from ..text.dates import find_dates
from ..text.folding import fold
from ..text.verbatim import normalize
from .chrome import Dechromed
from .structure import find_marker

# Span kinds, in the order the review page's legend lists them.
KINDS = ("chrome", "skipped", "metadata", "preamble", "heading", "text", "task", "annotation", "target",
         "attachment")
STRUCTURE_KINDS = frozenset(KINDS) - {"chrome", "skipped"}

# The usual rank of a numbering scheme in a Chinese outline (第一章 > 一、 > (一) > 1. > (1) > ①).
_SCHEME_RANK = {"chapter": 0, "cn": 1, "paren-cn": 2, "arabic": 3, "paren-arabic": 4, "arabic-paren": 4,
                "circled": 5, "shi": 6, "dash": 7}
_SCHEME_NAME = {"chapter": "第一章", "cn": "一、", "paren-cn": "(一)", "arabic": "1.", "paren-arabic": "(1)",
                "arabic-paren": "1)", "circled": "①", "shi": "一是", "dash": "——", "box": "专栏"}

# A figure with a measure, as a target would carry it (the extractor decides; this only finds
# figures it did not take, to say so).
_FIGURE = re.compile(r"(?<![0-9.〔\[])([0-9]+(?:\.[0-9]+)?)\s*(%|个百分点|亿元|万元|万人|万户|万家|万个|家|个|项|所|倍|"
                     r"平方公里|公里|Mbps|M(?![a-zA-Z]))")
_PAST = re.compile(r"截至|截止|目前|现有|已经|已|同比|比上年|累计完成|“十二五”期间|十二五期间|过去")
_INCENTIVE = re.compile(r"给予|补助|补贴|奖励|资助|贴息|奖补|最高|扣除|摊销")
# A rule that makes the first-listed agency the lead (列第一位者为牵头部门, 排名第一的部门为牵头责任单位).
_LEAD_RULE = re.compile(r"(第一|首位|首个|前面|排名第一|排在第一).{0,8}牵头")
_SENTENCE_END = "。;；!！?？\n"


@dataclass(frozen=True)
class Span:
    """``source[start:end]`` became ``kind`` at ``path`` in the draft (a dotted YAML path such as
    ``sections[1].tasks[0].title``; "" for what the draft does not hold). ``label`` says what it became
    in a few words, ``fields`` its values (a target's name, value, unit …) as (name, value) pairs."""

    start: int
    end: int
    kind: str
    label: str
    path: str = ""
    fields: tuple[tuple[str, str], ...] = ()
    ident: str = ""  # the task, section or attachment id, when the span belongs to one


@dataclass(frozen=True)
class Doubt:
    """Something the importer guessed or left out, for the reviewer to check: ``kind`` is one of
    heading-level, annotation-scope, not-a-target, unresolved-agency, unlocated or report."""

    kind: str
    message: str
    path: str = ""
    start: int | None = None
    end: int | None = None
    suggestion: str | None = None  # a YAML snippet to add to site_config/agencies.yaml


@dataclass(frozen=True)
class Provenance:
    source: str
    spans: tuple[Span, ...]
    doubts: tuple[Doubt, ...]
    unplaced: tuple[tuple[int, int], ...] = field(default=())

    def chars(self, kinds: Iterable[str] | None = None) -> int:
        """Non-space characters of the source covered by a span of one of ``kinds`` (any when None),
        each counted once."""
        wanted = None if kinds is None else set(kinds)
        covered = bytearray(len(self.source))
        for s in self.spans:
            if wanted is None or s.kind in wanted:
                covered[s.start:s.end] = b"\x01" * (s.end - s.start)
        return sum(1 for i, ch in enumerate(self.source) if covered[i] and not ch.isspace())

    @property
    def total_chars(self) -> int:
        return sum(1 for ch in self.source if not ch.isspace())

    @property
    def unplaced_chars(self) -> int:
        return sum(1 for a, b in self.unplaced for ch in self.source[a:b] if not ch.isspace())


# --- locating verbatim strings ----------------------------------------------------------------


class _Index:
    """The source normalised one character at a time (``text.verbatim.normalize``: NFKC, whitespace
    dropped), with each normalised character's offset in the source, so a match maps back to a
    source span."""

    def __init__(self, source: str) -> None:
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(source):
            for c in normalize(ch):
                chars.append(c)
                where.append(i)
        self.text = "".join(chars)
        self.where = where
        self.first = [0] * (len(source) + 1)  # source offset → first normalised index at or after it
        j = len(where)
        for i in range(len(source), -1, -1):
            while j > 0 and where[j - 1] >= i:
                j -= 1
            self.first[i] = j

    def find(self, value: str, at: int = 0) -> tuple[int, int] | None:
        """The first source span at or after offset ``at`` whose normalised text is ``value``'s."""
        needle = normalize(value)
        if not needle:
            return None
        k = self.text.find(needle, self.first[min(max(at, 0), len(self.first) - 1)])
        if k < 0:
            return None
        return self.where[k], self.where[k + len(needle) - 1] + 1


class _Locator:
    def __init__(self, source: str) -> None:
        self.index = _Index(source)
        self.missing: list[tuple[str, str]] = []

    def locate(self, value: str | None, at: int, path: str, *, floor: int = 0) -> list[tuple[int, int]]:
        """The source spans of ``value``: first whole after ``at``, else after ``floor``, else anywhere;
        failing that, line by line. Records what it cannot find."""
        if not value or not normalize(value):
            return []
        for start in dict.fromkeys((at, floor, 0)):
            hit = self.index.find(value, start)
            if hit:
                return [hit]
        pieces: list[tuple[int, int]] = []
        cursor = at
        for line in value.split("\n"):
            if not normalize(line):
                continue
            hit = self.index.find(line, cursor) or self.index.find(line, floor)
            if hit:
                pieces.append(hit)
                cursor = hit[1]
        if not pieces:
            self.missing.append((path, value))
        return pieces


# --- the walk ------------------------------------------------------------------------------------


def _names(refs: Sequence[model.AgencyRef], marked: bool = False) -> str:
    """The names as written; with ``marked``, those the vocabulary lacks end in (?)."""
    return "、".join(r.name + (" (?)" if marked and not r.agency else "") for r in refs) or "—"


def _target_fields(t: model.Target) -> tuple[tuple[str, str], ...]:
    value = f"{t.value:g}" + (f"–{t.value_max:g}" if t.value_max is not None else "")
    return (("name", t.name), ("comparator", t.comparator), ("value", value), ("unit", t.unit),
            ("year", "—" if t.year is None else str(t.year)), ("indicator", t.indicator or "—"))


class _Walk:
    def __init__(self, source: str, plan: model.Plan, unresolved: Sequence[tuple[str, str]]) -> None:
        self.source = source
        self.folded = fold(source)  # same length: simplified script, half-width, for the word checks
        self.plan = plan
        self.loc = _Locator(source)
        self.spans: list[Span] = []
        self.doubts: list[Doubt] = []
        self.unresolved = list(unresolved)
        self.suggested: set[str] = set()
        self.depth_of_scheme: dict[str, set[int]] = {}
        self.headings: list[tuple[str, int, str | None, str, tuple[int, int] | None]] = []

    def add(self, hits: list[tuple[int, int]], kind: str, label: str, path: str, ident: str = "",
            fields: tuple[tuple[str, str], ...] = ()) -> tuple[int, int] | None:
        for a, b in hits:
            self.spans.append(Span(a, b, kind, label, path, fields, ident))
        return (hits[0][0], hits[-1][1]) if hits else None

    # headings -----------------------------------------------------------------------------------

    def heading(self, number: str | None, title: str | None, at: int, floor: int, path: str, ident: str,
                depth: int, kind: str) -> tuple[int, int] | None:
        """The heading's span: its title, widened back over its number on the same line."""
        hits = self._heading_hit(number, title, at, floor) if title else []
        if not hits and title:
            hits = self.loc.locate(title, at, f"{path}.title", floor=floor)
        if not hits and number:
            hit = self.loc.index.find(number, at)
            hits = [hit] if hit else []
        if not hits:
            return None
        a, b = hits[0]
        line_start = self.source.rfind("\n", 0, a) + 1
        lead = self.source[line_start:a]
        # Widen back over the number (or a dash marker) written before the title on its line, and on
        # over the punctuation that ends a run-in heading (指导思想。).
        if title and lead.strip() and len(normalize(lead)) <= 12 and (
                (number and normalize(number) in normalize(lead)) or find_marker(lead.strip() + "项") is not None):
            a = line_start + (len(lead) - len(lead.lstrip()))
        while b < len(self.source) and self.source[b] in "。:：.．、;；":
            b += 1
        hits = [(a, b)] + hits[1:]
        scheme = None
        if number:
            marker = find_marker(number if number[-1:] in ")）、.．" or not title else number + "、")
            marker = marker or find_marker(number + " " + (title or ""))
            scheme = marker.kind if marker else None
        if scheme:
            self.depth_of_scheme.setdefault(scheme, set()).add(depth)
        label = f"heading, level {depth}" + (f" ({number})" if number else "")
        span = self.add(hits, "heading", label, f"{path}.title" if title else f"{path}.number", ident,
                        (("level", str(depth)), ("number", number or "—"), ("title", title or "—"),
                         ("became", kind)))
        self.headings.append((path, depth, scheme, number or "", span))
        return span

    def _heading_hit(self, number: str | None, title: str, at: int, floor: int) -> list[tuple[int, int]]:
        """The first occurrence of ``title`` after ``at`` (else ``floor``) that starts its line, after
        at most its number or a marker: a heading, not the same words quoted in a sentence."""
        for start in dict.fromkeys((at, floor)):
            pos = start
            while True:
                hit = self.loc.index.find(title, pos)
                if hit is None:
                    break
                a = hit[0]
                line_start = self.source.rfind("\n", 0, a) + 1
                lead = self.source[line_start:a].strip()
                if not lead or (number and normalize(lead) == normalize(number)) or (
                        len(normalize(lead)) <= 12 and find_marker(lead + "项") is not None):
                    return [hit]
                pos = hit[1]
        return []

    # sections and tasks -------------------------------------------------------------------------

    def section(self, s: model.Section, path: str, depth: int, at: int, floor: int) -> int:
        head = self.heading(s.number, s.title, at, floor, path, s.id, depth, "section")
        start = head[0] if head else at
        cursor = head[1] if head else at
        if s.text:
            got = self.add(self.loc.locate(s.text, cursor, f"{path}.text", floor=start), "text",
                           f"text of section {s.id}", f"{path}.text", s.id)
            cursor = got[1] if got else cursor
            self.targets(s.targets, s.text, got, path, s.id)
        first_child = cursor
        for i, child in enumerate(s.sections):
            cursor = self.section(child, f"{path}.sections[{i}]", depth + 1, cursor, first_child)
        shared = [t for t in s.tasks if s.annotation and t.annotation == s.annotation]
        for i, t in enumerate(s.tasks):
            cursor = self.task(t, f"{path}.tasks[{i}]", depth + 1, cursor, first_child,
                               shared=bool(s.annotation) and t.annotation == s.annotation)
        if s.annotation:
            hits = self.loc.locate(s.annotation, cursor, f"{path}.annotation", floor=start)
            if not hits or hits[0][0] < start:
                hits = self.loc.locate(s.annotation, start, f"{path}.annotation", floor=start)
            ref = shared[0] if shared else None
            roles = self.roles(ref) if ref else ()
            scope = f"covers {len(shared)} item(s) of {s.id}" if shared else f"annotation of section {s.id}"
            got = self.add(hits, "annotation", f"annotation ({scope})", f"{path}.annotation", s.id,
                           roles + (("scope", scope),))
            if got and got[1] > cursor:
                cursor = got[1]
            if len(shared) > 1:
                self.doubts.append(Doubt(
                    "annotation-scope",
                    f"one annotation after the items of {s.id} {s.title or ''} was given to all {len(shared)} of them "
                    f"({', '.join(t.id for t in shared)}); check that it covers each",
                    f"{path}.annotation", *(got or (None, None))))
        return cursor

    def roles(self, t: model.Task) -> tuple[tuple[str, str], ...]:
        out = []
        for role, refs in (("lead", t.lead), ("cooperating", t.cooperating), ("responsible", t.responsible)):
            if refs:
                out.append((role, _names(refs, self.resolved_vocab)))
        return tuple(out)

    def task(self, t: model.Task, path: str, depth: int, at: int, floor: int, *, shared: bool) -> int:
        head = self.heading(t.number, t.title, at, floor, path, t.id, depth, "task") \
            if (t.title or t.number) else None
        start = head[0] if head else at
        cursor = head[1] if head else at
        body = self.loc.locate(t.text, cursor, f"{path}.text", floor=floor)
        got = (body[0][0], body[-1][1]) if body else None
        if got and head and got[0] < head[0]:
            start = got[0]
        elif got and not head:
            start = got[0]
        end = got[1] if got else cursor
        self.targets(t.targets, t.text, got, path, t.id)
        if t.annotation and not shared:
            hits = self.loc.locate(t.annotation, end, f"{path}.annotation", floor=start)
            got_a = self.add(hits, "annotation", f"annotation of task {t.id}", f"{path}.annotation", t.id,
                             self.roles(t))
            if got_a and got_a[1] > end:
                end = got_a[1]
            self.rule_doubt(t, path, got_a)
        self.agency_doubts(t, path)
        fields = (("id", t.id), ("number", t.number or "—"), ("title", t.title or "—")) + self.roles(t) \
            + (("domains", "、".join(t.domains) or "—"), ("targets", str(len(t.targets))))
        if end > start:
            self.spans.append(Span(start, end, "task", f"task {t.id}", path, fields, t.id))
        return max(end, cursor)

    def rule_doubt(self, t: model.Task, path: str, span: tuple[int, int] | None) -> None:
        text = fold(t.annotation or "")
        declared = span is not None and _LEAD_RULE.search(self.folded, 0, span[1])
        if t.lead and not declared and "牵头" not in text and "主责" not in text \
                and len(t.lead) + len(t.cooperating) > 1:
            self.doubts.append(Doubt(
                "annotation-scope",
                f"{t.id}: lead {_names(t.lead)} taken by a first-listed-leads rule (the annotation does not say "
                f"牵头); check the rule applies here", f"{path}.lead", *(span or (None, None))))

    def agency_doubts(self, t: model.Task, path: str) -> None:
        for role, refs in (("lead", t.lead), ("cooperating", t.cooperating), ("responsible", t.responsible)):
            for i, ref in enumerate(refs):
                if ref.agency is not None or not self.resolved_vocab:
                    continue
                qualified = next((q for r, q in self.unresolved if q == ref.name or q.endswith(ref.name)),
                                 ref.name)
                suggestion = None
                if qualified not in self.suggested:
                    self.suggested.add(qualified)
                    try:
                        from .agencies import suggest_entries

                        snippet = suggest_entries([(self.plan.region, qualified)])
                        suggestion = "\n".join(line for line in snippet.splitlines()
                                                if line and not line.startswith("#") and line != "agencies:") or None
                    except Exception:  # noqa: BLE001 — a suggestion is a courtesy
                        suggestion = None
                self.doubts.append(Doubt(
                    "unresolved-agency",
                    f"{t.id}: {role} agency {ref.name!r} is not in site_config/agencies.yaml"
                    + (f" (read as {qualified})" if qualified != ref.name else ""),
                    f"{path}.{role}[{i}]", suggestion=suggestion))

    resolved_vocab = True

    # targets ------------------------------------------------------------------------------------

    def targets(self, targets: Sequence[model.Target], text: str | None, span: tuple[int, int] | None,
                path: str, ident: str) -> None:
        if not text or span is None:
            return
        taken: list[tuple[int, int]] = []
        for i, x in enumerate(targets):
            hits = self.loc.locate(x.quote, span[0], f"{path}.targets[{i}].quote", floor=span[0])
            got = self.add(hits, "target", f"{x.name} {x.comparator} {x.value:g}{x.unit}"
                           + (f" by {x.year}" if x.year else ""), f"{path}.targets[{i}]", ident,
                           _target_fields(x))
            if got:
                taken.append(got)
        # Figures in the text that no target took, and a likely reason.
        for m in _FIGURE.finditer(self.folded, span[0], span[1]):
            if any(a <= m.start() < b for a, b in taken):
                continue
            lo = max(self.folded.rfind(c, span[0], m.start()) for c in _SENTENCE_END) + 1
            lo = max(lo, span[0])
            clause_lo = max([lo] + [self.folded.rfind(c, lo, m.start()) + 1 for c in ","])
            before = self.folded[lo:m.start()]
            clause = self.folded[clause_lo:m.end() + 8]
            if _PAST.search(before):
                why = "its sentence reports a result already reached (截至/目前/已 …), not a target"
            elif _INCENTIVE.search(clause):
                why = "its clause sizes an incentive or a rule (给予/补助/最高 …), not a target"
            elif not re.search(r"(?:19|20)\d\d年", self.folded[max(0, span[0] - 400):span[1]]):
                why = "no year it is due by, and no target phrase the extractor knows around it"
            else:
                why = "not phrased as a target the extractor knows (it may qualify a noun or count a list)"
            self.doubts.append(Doubt("not-a-target", f"{ident}: “{self.source[m.start():m.end()]}” not taken as a target: {why}",
                                     f"{path}.targets", m.start(), m.end()))

    # the plan -----------------------------------------------------------------------------------

    def plan_(self, dechromed: Dechromed | None, report: Sequence[str]) -> None:
        p = self.plan
        starts = _line_starts(self.source)
        if dechromed is not None:
            for ln in dechromed.removed:
                a, b = _line_span(self.source, starts, ln.number)
                self.spans.append(Span(a, b, "chrome", "page chrome removed", "", (("line", str(ln.number)),)))
        for line in report:
            m = re.match(r"line (\d+): (front matter skipped|end matter skipped|signature/date skipped|"
                         r"after page chrome, not part of the attachment)", line)
            if m and int(m.group(1)) <= len(starts):
                a, b = _line_span(self.source, starts, int(m.group(1)))
                self.spans.append(Span(a, b, "skipped", m.group(2), "", (("line", m.group(1)),)))
        self.metadata(p)
        cursor = 0
        if p.preamble:
            got = self.add(self.loc.locate(p.preamble, 0, "preamble"), "preamble", "preamble", "preamble")
            cursor = got[1] if got else 0
        for i, s in enumerate(p.sections):
            cursor = self.section(s, f"sections[{i}]", 1, cursor, cursor)
        for i, att in enumerate(p.attachments):
            path = f"attachments[{i}]"
            head = self.add(self.loc.locate(att.title, cursor, f"{path}.title", floor=cursor), "attachment",
                            f"attachment {att.id}: title", f"{path}.title", att.id)
            self.attachment_listings(att, path)
            got = self.add(self.loc.locate(att.text, head[1] if head else cursor, f"{path}.text", floor=cursor),
                           "attachment", f"attachment {att.id}: text ({len(att.members)} members)", f"{path}.text",
                           att.id, (("members", str(len(att.members))),))
            cursor = got[1] if got else (head[1] if head else cursor)
        self.level_doubts()
        for path, value in self.loc.missing:
            self.doubts.append(Doubt("unlocated", f"{path}: stored text not found in the source: {value[:40]}", path))

    def attachment_listings(self, att: model.Attachment, path: str) -> None:
        """Each line that names the attachment (附件:X in the body, X over its text), widened over 附件:."""
        at = 0
        while True:
            hit = self.loc.index.find(att.title, at)
            if not hit:
                return
            a, b = hit
            line_start = self.source.rfind("\n", 0, a) + 1
            lead = self.source[line_start:a]
            if re.match(r"^\s*附\s*件\s*[0-9０-９]{0,2}\s*[:：]?\s*$", lead):
                a = line_start + (len(lead) - len(lead.lstrip()))
            elif not lead.strip():
                # 附件 on a line of its own above the title.
                above = self.source[:line_start].rstrip()
                prev_start = above.rfind("\n") + 1
                if re.fullmatch(r"\s*附\s*件\s*[0-9０-９]{0,2}\s*[:：]?\s*", above[prev_start:]):
                    a = prev_start + (len(above[prev_start:]) - len(above[prev_start:].lstrip()))
            self.spans.append(Span(a, b, "attachment", f"attachment {att.id}: named", f"{path}.title", att.id))
            at = b

    def metadata(self, p: model.Plan) -> None:
        hits = self.loc.locate(p.title, 0, "title")
        self.add(hits[:1], "metadata", "metadata: title", "title", "", (("title", p.title),))
        for key, value in (("issuer", p.issuer), ("doc_number", p.doc_number)):
            if value:
                hit = self.loc.index.find(value, 0)
                if hit:
                    self.add([hit], "metadata", f"metadata: {key}", key, "", ((key, value),))
        for key, value in (("signed", p.signed), ("published", p.published)):
            if value is None:
                continue
            found = [(a, b) for a, b, d in find_dates(self.source) if d == value]
            if found:
                # The signing date is the last one written (under the signature); publication the first.
                self.add([found[-1] if key == "signed" else found[0]], "metadata", f"metadata: {key}", key, "",
                         ((key, value.isoformat()),))
        for i, c in enumerate(p.cites):
            if c.doc_number:
                hit = self.loc.index.find(c.doc_number, 0)
                if hit:
                    self.add([hit], "metadata", "metadata: cited document", f"cites[{i}]", "",
                             (("doc_number", c.doc_number), ("title", c.title or "—")))

    def level_doubts(self) -> None:
        by_path = {path: (depth, scheme) for path, depth, scheme, _, _ in self.headings}
        usual: dict[str, int] = {}
        for scheme in self.depth_of_scheme:
            counts = Counter(d for _, d, sch, _, _ in self.headings if sch == scheme)
            usual[scheme] = counts.most_common(1)[0][0]
        groups: dict[tuple, tuple[int, list[str]]] = {}
        for path, depth, scheme, number, span in self.headings:
            if scheme is None or scheme == "box":
                continue
            reasons = []
            if depth != usual.get(scheme, depth):
                reasons.append(f"{_SCHEME_NAME[scheme]} numbering is at level {usual[scheme]} elsewhere in this plan")
            parent = path.rsplit(".", 1)[0] if "." in path else None
            parent_scheme = by_path.get(parent, (None, None))[1] if parent else None
            if parent_scheme in _SCHEME_RANK and scheme in _SCHEME_RANK \
                    and _SCHEME_RANK[parent_scheme] > _SCHEME_RANK[scheme]:
                reasons.append(f"{_SCHEME_NAME[scheme]} is nested under {_SCHEME_NAME[parent_scheme]}, "
                               f"the reverse of the usual order")
            if depth == 1 and scheme in _SCHEME_RANK and _SCHEME_RANK[scheme] >= 3:
                reasons.append(f"the top level is numbered {_SCHEME_NAME[scheme]}")
            if not reasons:
                continue
            # One doubt per run of siblings with the same reason (not one per item of a list).
            parent = path.rsplit(".", 1)[0] if "." in path else ""
            key = (parent, scheme, tuple(reasons))
            if key in groups:
                groups[key][1].append(number)
                continue
            groups[key] = (len(self.doubts), [number])
            self.doubts.append(Doubt("heading-level", "", path, *(span or (None, None))))
        for (_, _, reasons), (i, numbers) in groups.items():
            d = self.doubts[i]
            shown = "、".join(numbers[:6]) + ("…" if len(numbers) > 6 else "")
            self.doubts[i] = Doubt(d.kind, f"heading{'s' if len(numbers) > 1 else ''} {shown} guessed at level "
                                   f"{d.path.count('.') + 1}: " + "; ".join(reasons), d.path, d.start, d.end)


def _line_starts(source: str) -> list[int]:
    """Offsets where each line begins, split as ``str.splitlines`` splits (the chrome stage's lines)."""
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def _line_span(source: str, starts: list[int], number: int) -> tuple[int, int]:
    a, b = starts[number - 1], starts[number] if number < len(starts) else len(source)
    text = source[a:b]
    stripped = text.rstrip("\r\n\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e")
    return a, a + len(stripped)


def build_provenance(source: str, plan: model.Plan, *, dechromed: Dechromed | None = None,
                     report: Sequence[str] = (), unresolved: Sequence[tuple[str, str]] = (),
                     vocab_loaded: bool = True) -> Provenance:
    """Where each part of ``plan`` came from in ``source`` (the text ``import_text`` read), the doubts
    a reviewer should check, and the stretches of text that went nowhere."""
    walk = _Walk(source, plan, unresolved)
    walk.resolved_vocab = vocab_loaded
    walk.plan_(dechromed, report)
    covered = bytearray(len(source) + 1)
    for s in walk.spans:
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
    unplaced: list[tuple[int, int]] = []
    i = 0
    while i < len(source):
        if covered[i] or source[i].isspace():
            i += 1
            continue
        j = i
        while j < len(source) and not covered[j] and (not source[j].isspace() or source[j] in " \u3000\t"):
            j += 1
        while j > i and source[j - 1].isspace():
            j -= 1
        unplaced.append((i, j))
        i = j + 1
    order = {k: n for n, k in enumerate(KINDS)}
    spans = sorted(walk.spans, key=lambda s: (s.start, -(s.end - s.start), order.get(s.kind, 99)))
    doubts = list(walk.doubts)
    # Report lines the importer wrote that are not already a span or a doubt (annotations not
    # understood, text outside any numbered part, a region missing …).
    starts = _line_starts(source)
    for line in report:
        if re.match(r"line \d+: (page chrome removed|front matter skipped|end matter skipped|signature/date skipped)",
                    line) or line.startswith("agencies not in the vocabulary"):
            continue
        m = re.match(r"line (\d+):", line)
        a = b = None
        if m and 0 < int(m.group(1)) < len(starts):
            a, b = _line_span(source, starts, int(m.group(1)))
        doubts.append(Doubt("report", str(line), "", a, b))
    return Provenance(source, tuple(spans), tuple(doubts), tuple(unplaced))


def yaml_lines(yaml_text: str) -> dict[str, int]:
    """The 1-based line of each dotted path in a plan YAML file (``sections[0].tasks[1].title`` → 57)."""
    import yaml

    lines: dict[str, int] = {}

    def walk(node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                sub = f"{path}.{key.value}" if path else str(key.value)
                lines[sub] = key.start_mark.line + 1
                walk(value, sub)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                sub = f"{path}[{i}]"
                lines[sub] = item.start_mark.line + 1
                walk(item, sub)

    try:
        root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return lines
    if root is not None:
        walk(root, "")
    return lines


def line_for(path: str, lines: dict[str, int]) -> int | None:
    """The line of ``path``, else of its nearest enclosing path that has one."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None
