"""One plan file (``content/plans/<id>.yaml``) → ``model.Plan``, checked against its source and the vocabularies.

Structure is the schema's job (``checked``); this module checks what a schema cannot: the id is the
file name, ids are unique anchors on the plan page, every reference resolves in the vocabularies,
the source file is there with the recorded sha256, and every piece of text shown as the plan's own
words occurs verbatim in it.

The builder is lenient on purpose: a value that failed the schema has been reported already, so it
is read as "absent" and the checks go on, so that one run reports every problem of the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..model import (ROLES, Agency, AgencyRef, Attachment, AttachmentMember, Citation, Loc, Period, Plan, Section,
                     Source, Target, Task, Vocabulary)
from ..text.verbatim import normalize
from .sources import SourceText, read_source
from .yamlload import Data, Document, Path_

SLUG = re.compile(r"[a-z0-9-]+\Z")
RESERVED_ID = "index"  # <kind>/index/ is each kind's list page: no entry may take that URL


def _str(raw: dict[str, Data], key: str) -> str | None:
    value = raw.get(key)
    return value if isinstance(value, str) else None


def _int(raw: dict[str, Data], key: str) -> int | None:
    value = raw.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _num(raw: dict[str, Data], key: str) -> float | None:
    value = raw.get(key)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _date(raw: dict[str, Data], key: str) -> dt.date | None:
    try:
        value = raw.get(key)
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # reported by the schema's date format


def _short(text: str, limit: int = 30) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _items(raw: dict[str, Data], key: str) -> list[tuple[int, dict[str, Data]]]:
    value = raw.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


@dataclass
class PlanReader:
    """Builds one plan from its checked document, collecting problems as it goes."""

    root: Path  # the project root
    doc: Document
    stem: str  # the file name without .yaml: must be the plan id
    vocab: Vocabulary
    unreadable: frozenset[str] = frozenset()  # vocabulary files that could not be read: not checked
    problems: list[Problem] = field(default_factory=list)
    source: SourceText | None = None
    anchors: dict[str, Loc] = field(default_factory=dict)

    def problem(self, path: Path_, message: str) -> None:
        self.problems.append(Problem(self.doc.loc(path), message))

    # --- checks -------------------------------------------------------------------------------

    def verbatim(self, raw: dict[str, Data], key: str, path: Path_, what: str) -> None:
        value = raw.get(key)
        if self.source is None or not isinstance(value, str) or not value.strip():
            return
        hint = self.source.mismatch(value)
        if hint:
            self.problem(path + (key,), f"{what} {hint}")

    def anchor(self, raw: dict[str, Data], path: Path_, noun: str) -> str | None:
        """The object's id, registered as an anchor of the plan page (they must be unique)."""
        value = _str(raw, "id")
        if value is None:
            return None
        loc = self.doc.loc(path + ("id",))
        first = self.anchors.setdefault(value, loc)
        if first != loc:
            self.problem(path + ("id",), f"duplicate id '{value}' ({noun}; first used at line {first.line}):"
                                         " ids are anchors on the plan page and must be unique in the plan")
        return value

    def ref(self, value: Data, known: Mapping[str, object], path: Path_, noun: str, file: str) -> None:
        if file.removesuffix(".yaml") in self.unreadable:
            return
        if isinstance(value, str) and value not in known:
            close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else f": add it to site_config/{file} or fix the id"
            self.problem(path, f"unknown {noun} '{value}'{hint}")

    def same_region(self, agency: Agency, path: Path_) -> None:
        """A plan's agencies belong to its region, a region above it (省, 国家) or one below (县区).

        An agency of an unrelated region means a name resolved to the wrong region's department.
        """
        data = self.doc.data
        plan_region = _str(data, "region") if isinstance(data, dict) else None
        if plan_region is None or plan_region not in self.vocab.regions or agency.region not in self.vocab.regions:
            return
        if plan_region in self._chain(agency.region) or agency.region in self._chain(plan_region):
            return
        self.problem(path, f"agency '{agency.id}' belongs to region '{agency.region}', which is neither "
                           f"the plan's region '{plan_region}' nor above or below it: pick that region's agency")

    def _chain(self, region: str) -> list[str]:
        """``region`` and its ancestors, nearest first."""
        out: list[str] = []
        current: str | None = region
        while current is not None and current in self.vocab.regions and current not in out:
            out.append(current)
            current = self.vocab.regions[current].parent
        return out

    # --- builders -----------------------------------------------------------------------------

    def plan(self) -> Plan | None:
        raw = self.doc.data
        if not isinstance(raw, dict):
            return None
        plan_id = _str(raw, "id")
        if plan_id is not None and plan_id != self.stem:
            self.problem(("id",), f"plan id '{plan_id}' must equal the file name '{self.stem}' "
                                  f"(rename the file to {plan_id}.yaml or change the id)")
        if self.stem == RESERVED_ID:
            self.problems.append(Problem(Loc(self.doc.path), f"'{RESERVED_ID}' cannot be a plan id: "
                                         "plans/index/ is the list of plans; name the file region-year.yaml"))
        if not SLUG.match(self.stem):
            self.problems.append(Problem(Loc(self.doc.path), f"file name '{self.stem}' must be a slug of "
                                         "lowercase ASCII letters, digits and '-' (it is the plan's URL)"))
        self.ref(raw.get("region"), self.vocab.regions, ("region",), "region", "regions.yaml")
        source = self.source_(raw)
        self.verbatim(raw, "title", (), "plan title")
        self.verbatim(raw, "doc_number", (), "doc_number")
        self.verbatim(raw, "preamble", (), "preamble")
        period = self.period(raw)
        cites = tuple(self.citation(item, ("cites", i)) for i, item in _items(raw, "cites"))
        sections = tuple(self.section(item, ("sections", i)) for i, item in _items(raw, "sections"))
        attachments = tuple(self.attachment(item, ("attachments", i)) for i, item in _items(raw, "attachments"))
        signed, published = _date(raw, "signed"), _date(raw, "published")
        if signed and published and published < signed:
            self.problem(("published",), f"published {published} is before signed {signed}: check both dates")
        return Plan(id=plan_id or self.stem, title=_str(raw, "title") or "", region=_str(raw, "region") or "",
                    issuer=_str(raw, "issuer"), doc_number=_str(raw, "doc_number"), signed=signed,
                    published=published, period=period, source=source, cites=cites,
                    preamble=_str(raw, "preamble"), sections=sections, attachments=attachments,
                    loc=self.doc.loc(()))

    def source_(self, raw: dict[str, Data]) -> Source:
        found = raw.get("source")
        src = found if isinstance(found, dict) else {}
        path: Path_ = ("source",)
        file, sha = _str(src, "file"), _str(src, "sha256")
        if file is not None:
            text = read_source(self.root, file)
            if isinstance(text, str):  # why it cannot be read
                self.problem(path + ("file",), text)
            elif sha is not None and re.fullmatch(r"[0-9a-f]{64}", sha) and sha != text.sha256:
                self.problem(path + ("sha256",), f"sha256 does not match {text.rel} (its sha256 is "
                                                 f"{text.sha256}): the source changed, or this is the wrong hash")
                self.source = text  # still check the text against it: both problems are worth seeing
            else:
                self.source = text
        return Source(file=file or "", url=_str(src, "url"), sha256=sha or "",
                      retrieved=_date(src, "retrieved"), loc=self.doc.loc(path))

    def period(self, raw: dict[str, Data]) -> Period | None:
        value = raw.get("period")
        if not isinstance(value, dict):
            return None
        start, end = _int(value, "start"), _int(value, "end")
        if start is not None and end is not None and end < start:
            self.problem(("period", "end"), f"period ends ({end}) before it starts ({start})")
        return Period(start, end)

    def citation(self, raw: dict[str, Data], path: Path_) -> Citation:
        if raw.get("doc_number") is None and raw.get("title") is None:
            self.problem(path, "a citation needs a doc_number or a title (or both)")
        self.verbatim(raw, "doc_number", path, "cited doc_number")
        self.verbatim(raw, "title", path, "cited title")
        return Citation(_str(raw, "doc_number"), _str(raw, "title"), loc=self.doc.loc(path))

    def section(self, raw: dict[str, Data], path: Path_) -> Section:
        section_id = self.anchor(raw, path, "section")
        for key in ("title", "text", "annotation"):
            self.verbatim(raw, key, path, f"section {key}")
        return Section(
            id=section_id or "", number=_str(raw, "number"), title=_str(raw, "title"), text=_str(raw, "text"),
            sections=tuple(self.section(item, path + ("sections", i)) for i, item in _items(raw, "sections")),
            tasks=tuple(self.task(item, path + ("tasks", i)) for i, item in _items(raw, "tasks")),
            annotation=_str(raw, "annotation"),
            targets=tuple(self.target(item, path + ("targets", i)) for i, item in _items(raw, "targets")),
            loc=self.doc.loc(path))

    def task(self, raw: dict[str, Data], path: Path_) -> Task:
        task_id = self.anchor(raw, path, "task")
        for key in ("title", "text", "annotation"):
            self.verbatim(raw, key, path, f"task {key}")
        roles = {role: tuple(self.agency_ref(item, path + (role, i)) for i, item in _items(raw, role))
                 for role in ROLES}
        self.agencies_from_annotation(raw, path)
        found = raw.get("domains")
        domains = found if isinstance(found, list) else []
        for i, domain in enumerate(domains):
            self.ref(domain, self.vocab.domains, path + ("domains", i), "domain", "domains.yaml")
        return Task(
            id=task_id or "", number=_str(raw, "number"), title=_str(raw, "title"), text=_str(raw, "text") or "",
            lead=roles["lead"], cooperating=roles["cooperating"], responsible=roles["responsible"],
            domains=tuple(d for d in domains if isinstance(d, str)),
            targets=tuple(self.target(item, path + ("targets", i)) for i, item in _items(raw, "targets")),
            annotation=_str(raw, "annotation"), loc=self.doc.loc(path))

    def agencies_from_annotation(self, raw: dict[str, Data], path: Path_) -> None:
        """A task's agencies are read from its annotation: each name must be written there.

        This catches an agency attached to the wrong task (the name is in the source, elsewhere),
        which the verbatim check alone would let through.
        """
        annotation = _str(raw, "annotation")
        for role in ROLES:
            for i, item in _items(raw, role):
                name = _str(item, "name")
                if name is None:
                    continue
                if annotation is None:
                    self.problem(path + (role, i, "name"), f"agency '{name}' is given but the task has no "
                                 "annotation: add the verbatim annotation that names it")
                elif normalize(name) not in normalize(annotation):
                    self.problem(path + (role, i, "name"), f"agency '{name}' is not named in the task's "
                                 f"annotation {_short(annotation)}: is it on the right task?")

    def agency_ref(self, raw: dict[str, Data], path: Path_) -> AgencyRef:
        self.verbatim(raw, "name", path, "agency name")
        agency = raw.get("agency")
        self.ref(agency, self.vocab.agencies, path + ("agency",), "agency", "agencies.yaml")
        if isinstance(agency, str) and agency in self.vocab.agencies:
            self.same_region(self.vocab.agencies[agency], path + ("agency",))
        return AgencyRef(_str(raw, "name") or "", _str(raw, "agency"), loc=self.doc.loc(path))

    def target(self, raw: dict[str, Data], path: Path_) -> Target:
        self.verbatim(raw, "quote", path, "target quote")
        self.ref(raw.get("indicator"), self.vocab.indicators, path + ("indicator",), "indicator",
                 "indicators.yaml")
        value, value_max = _num(raw, "value"), _num(raw, "value_max")
        if value is not None and value_max is not None and value_max < value:
            self.problem(path + ("value_max",), f"value_max ({value_max:g}) is below value ({value:g})")
        return Target(name=_str(raw, "name") or "", value=value if value is not None else 0.0,
                      unit=_str(raw, "unit") or "", comparator=_str(raw, "comparator") or "",
                      year=_int(raw, "year"), quote=_str(raw, "quote") or "", indicator=_str(raw, "indicator"),
                      value_max=value_max, qualifier=_str(raw, "qualifier"), loc=self.doc.loc(path))

    def attachment(self, raw: dict[str, Data], path: Path_) -> Attachment:
        attachment_id = self.anchor(raw, path, "attachment")
        self.verbatim(raw, "title", path, "attachment title")
        self.verbatim(raw, "text", path, "attachment text")
        members = []
        for i, item in _items(raw, "members"):
            self.verbatim(item, "name", path + ("members", i), "member name")
            agency = item.get("agency")
            self.ref(agency, self.vocab.agencies, path + ("members", i, "agency"), "agency", "agencies.yaml")
            if isinstance(agency, str) and agency in self.vocab.agencies:
                self.same_region(self.vocab.agencies[agency], path + ("members", i, "agency"))
            members.append(AttachmentMember(_str(item, "name") or "", _str(item, "position"),
                                            _str(item, "role"), _str(item, "agency")))
        return Attachment(id=attachment_id or "", title=_str(raw, "title") or "", text=_str(raw, "text") or "",
                          members=tuple(members), loc=self.doc.loc(path))
