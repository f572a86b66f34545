"""The content model: frozen dataclasses for plans and the controlled vocabularies.

Every stage after loading (link, render, search, export) takes these objects, never raw dicts.
Field names are the domain's words and are also the YAML keys and the public data-export columns:
牵头单位 ``lead``, 配合单位 ``cooperating``, 负责/责任单位 ``responsible``, 指标 ``indicator``,
领域 ``domain``, 文号 ``doc_number``, 发文机关 ``issuer``, 成文日期 ``signed``, 发布日期 ``published``.

Each object may carry ``loc``, where it was read from (file, line, column), so that a later stage can
report a problem at its source. ``loc`` never takes part in equality or hashing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Loc:
    """A position in a content file (1-based line and column), for error messages."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


def _loc() -> Loc | None:
    return field(default=None, compare=False, repr=False)


# --- vocabularies (site_config/) -------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """A place that issues plans: 中国 → 省 → 市. ``level`` is country, province, municipality or city."""

    id: str
    name: str
    level: str
    parent: str | None
    adcode: str | None
    short_name: str | None = None  # 济南 for 济南市: used to recognise the region in text
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Domain:
    """A policy domain (互联网+制造, 远程医疗 …); heading words and keywords map tasks to it."""

    id: str
    name: str
    description: str | None
    heading_words: tuple[str, ...]
    keywords: tuple[str, ...]
    loc: Loc | None = _loc()
    includes: tuple[str, ...] = ()  # narrower domains the plans file under this one (公共安全 ⊃ 食品药品安全)


@dataclass(frozen=True)
class AgencyType:
    """A kind of department shared across regions (工业和信息化主管部门), for side-by-side comparison."""

    id: str
    name: str
    description: str | None = None
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Agency:
    """One department of one region, with every alias the plans use for it (市经信委 = 市经济和信息化委)."""

    id: str
    region: str
    name: str
    aliases: tuple[str, ...]
    type: str | None
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Indicator:
    """A comparable quantitative indicator (固定宽带家庭普及率) with the aliases plans use for it."""

    id: str
    name: str
    unit: str | None
    aliases: tuple[str, ...]
    description: str | None = None
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Unit:
    """A unit indicators are compared in (Mbps) and the factor of each form plans write (M: 1, G: 1000)."""

    unit: str
    name: str | None
    forms: tuple[tuple[str, float], ...]
    loc: Loc | None = _loc()

    def factor(self, written: str) -> float | None:
        """The factor that turns a value written in ``written`` into this unit, or None."""
        return next((f for form, f in self.forms if form == written), None)


@dataclass(frozen=True)
class SynonymGroup:
    """Words a reader uses for one thing (电商 = 电子商务; 远程医疗 ≈ 远程诊疗): a query naming one also
    finds passages written with another. ``kind`` is ``same`` (an abbreviation or another spelling)
    or ``near`` (a variant the plans use for the same practice)."""

    words: tuple[str, ...]
    kind: str
    note: str | None = None
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Vocabulary:
    """All controlled vocabularies, keyed by id (insertion order = file order); ``synonyms`` in file
    order (site_config/synonyms.yaml, optional)."""

    regions: dict[str, Region]
    domains: dict[str, Domain]
    agency_types: dict[str, AgencyType]
    agencies: dict[str, Agency]
    indicators: dict[str, Indicator]
    units: dict[str, Unit] = field(default_factory=dict)  # by Unit.unit (site_config/units.yaml)
    synonyms: tuple[SynonymGroup, ...] = ()


# --- plans (content/plans/) ------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyRef:
    """An agency as written in the plan (``name``, verbatim) and the vocabulary agency it resolves to."""

    name: str
    agency: str | None
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Target:
    """A quantitative target stated in the plan: 固定宽带家庭普及率达到65%.

    ``value`` is the number (the lower bound of a range such as 2-3家, whose upper bound is
    ``value_max``) in ``unit`` as written; ``quote`` is the verbatim fragment of the source that
    states it; ``year`` is the year the target is for (from the governing 到YYYY年, else the plan's
    period end, else None). ``comparator`` is a word of the closed vocabulary in
    ``text/comparators.py`` (达到, 超过, 不低于, 约, 不超过, 年均增长, 增长, 下降, 新增);
    ``qualifier`` keeps the qualifying words as written (以上, 左右, 各、以上, 力争, 累计, 每年 …).
    ``name`` is what is measured as the text names it; an item of a list that shares its head with
    an earlier item carries the prefix the list distributes (示范基地50个 after 电子商务示范企业120家
    is 电子商务示范基地).
    """

    name: str
    value: float
    unit: str
    comparator: str
    year: int | None
    quote: str
    indicator: str | None = None
    value_max: float | None = None
    qualifier: str | None = None
    loc: Loc | None = _loc()


# The agency fields of a task, in the order plans and pages give them, and their Chinese names.
ROLES: tuple[str, ...] = ("lead", "cooperating", "responsible")
ROLE_NAMES: dict[str, str] = {"lead": "牵头", "cooperating": "配合", "responsible": "负责"}


@dataclass(frozen=True)
class Task:
    """One actionable item of a plan, addressable as ``<plan page>#<id>``.

    ``annotation`` is the verbatim agency annotation that assigns its agencies, when there is one
    (for a section-closing annotation, the section's annotation, repeated on each task it covers).
    """

    id: str
    number: str | None
    title: str | None
    text: str
    lead: tuple[AgencyRef, ...] = ()
    cooperating: tuple[AgencyRef, ...] = ()
    responsible: tuple[AgencyRef, ...] = ()
    domains: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()
    annotation: str | None = None
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Section:
    """A numbered part of a plan (一、 / (一) / 1.): its own verbatim text, then child sections and tasks."""

    id: str
    number: str | None
    title: str | None
    text: str | None
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...] = ()
    annotation: str | None = None
    targets: tuple[Target, ...] = ()  # targets stated in the section's own text (e.g. 总体目标)
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Citation:
    """A document the plan cites, by 文号 and 《title》 (either may be missing)."""

    doc_number: str | None
    title: str | None
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Source:
    """Where the plan's text came from; ``file`` is relative to content/sources/."""

    file: str
    url: str | None
    sha256: str
    retrieved: dt.date | None
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Period:
    """The years a plan covers (2016-2018年), either end may be unknown."""

    start: int | None
    end: int | None


@dataclass(frozen=True)
class AttachmentMember:
    """One row of a member list: a person, their post as written, and their role in the body."""

    name: str
    position: str | None
    role: str | None
    agency: str | None = None


@dataclass(frozen=True)
class Attachment:
    """An attachment to a plan (附件), e.g. the member list of a joint conference."""

    id: str
    title: str
    text: str
    members: tuple[AttachmentMember, ...] = ()
    loc: Loc | None = _loc()


@dataclass(frozen=True)
class Plan:
    """One plan: its metadata, its preamble, the section tree and its attachments."""

    id: str
    title: str
    region: str
    issuer: str | None
    doc_number: str | None
    signed: dt.date | None
    published: dt.date | None
    period: Period | None
    source: Source
    cites: tuple[Citation, ...] = ()
    preamble: str | None = None
    sections: tuple[Section, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    loc: Loc | None = _loc()

    def iter_sections(self) -> Iterator[Section]:
        """Every section, depth first, in document order."""

        def walk(sections: tuple[Section, ...]) -> Iterator[Section]:
            for s in sections:
                yield s
                yield from walk(s.sections)

        yield from walk(self.sections)

    def iter_tasks(self) -> Iterator[Task]:
        """Every task in document order."""
        for s in self.iter_sections():
            yield from s.tasks


@dataclass(frozen=True)
class Content:
    """Everything loaded and validated from content/ and site_config/: what the link stage takes."""

    vocab: Vocabulary
    plans: dict[str, Plan]
