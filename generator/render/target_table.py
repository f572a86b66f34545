"""The one target table: every page that lists targets (a plan, a domain, an indicator, the index of
all targets) renders ``TargetTable`` rows through the one macro (``_macros.md.j2: target_table``).

Every cell is decided here, once: a figure reads 65%, 2–3家 (a range with an en dash, the unit
after the number), a year the text does not state is "—", the quote is the plan's text in “”
(linked to its place in the plan when the table is not on the plan page itself). The columns
before the target's own (地区, 规划, 指标) are the page's choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..atlas import TargetRef, urls
from ..model import Target, Vocabulary
from ..text.numbers import format_number

NOT_STATED = "—"  # a cell whose fact the plan does not state
RANGE_DASH = "–"  # between the bounds of a range: 2–3家
REGION, PLAN, INDICATOR = "地区", "规划", "指标"  # the leading columns a page may show


@dataclass(frozen=True)
class Cell:
    """A leading cell: text, linked when ``url`` is set (with an attribute-list class if any)."""

    text: str
    url: str | None = None
    css_class: str | None = None


@dataclass(frozen=True)
class Note:
    """What a row without a target says instead (the plan states none, or none is extracted yet)."""

    text: str
    tag: str  # "span" or "em"
    css_class: str


@dataclass(frozen=True)
class TargetRow:
    lead: tuple[Cell, ...]  # one cell per leading column
    comparator: str = ""
    value: str = ""
    year: str = ""
    quote: str = ""
    quote_url: str | None = None
    note: Note | None = None
    mentions: tuple[tuple[str, str], ...] = ()  # a 原文提及 row: (sentence, url) of each passage


@dataclass(frozen=True)
class TargetTable:
    columns: tuple[str, ...]  # leading column headers (REGION, PLAN, INDICATOR)
    rows: tuple[TargetRow, ...]
    phone_blocks: bool = False  # on phones each row is a block (the plan page's short tables)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def css_class(self) -> str:
        """atlas.css: a block per row on phones, or a wide table that keeps its first column in view."""
        return "atlas-targets" if self.phone_blocks else "atlas-table-wide"


def figure(target: Target) -> str:
    """65%, 2–3家, 5000亿元."""
    value = format_number(target.value)
    if target.value_max is not None:
        value = f"{value}{RANGE_DASH}{format_number(target.value_max)}"
    return f"{value}{target.unit or ''}"


def comparator_text(target: Target) -> str:
    """The comparator from the vocabulary, with the qualifier as written: 不低于(以上), 达到(各、以上)."""
    return (target.comparator or "") + (f"({target.qualifier})" if target.qualifier else "")


def measure_figure(tref: TargetRef) -> str:
    """A target's figure in its indicator's unit (100 Mbps for 百兆 and 100M); as written when it
    has no conversion."""
    m = tref.measure
    if m is None:
        return figure(tref.target)
    value = format_number(m.value) + (f"{RANGE_DASH}{format_number(m.value_max)}" if m.value_max is not None else "")
    unit = m.unit or ""
    return f"{value}{' ' if unit[:1].isascii() and unit[:1].isalpha() else ''}{unit}"


def measure_text(tref: TargetRef) -> str:
    """The chart's value label: 超过 100 Mbps, 不低于 3家(各、以上)."""
    t = tref.target
    return f"{t.comparator} {measure_figure(tref)}" + (f"({t.qualifier})" if t.qualifier else "")


def target_cells(target: Target, quote_url: str | None) -> dict[str, object]:
    return {
        "comparator": comparator_text(target),
        "value": figure(target),
        "year": str(target.year) if target.year is not None else NOT_STATED,
        "quote": target.quote,
        "quote_url": quote_url,
    }


def region_cell(vocab: Vocabulary, region_id: str) -> Cell:
    region = vocab.regions.get(region_id)
    return Cell(region.name, urls.region(region_id)) if region else Cell(region_id)


def plan_cell(tref_plan_id: str, title: str) -> Cell:
    return Cell(title, urls.plan(tref_plan_id))


def indicator_cell(vocab: Vocabulary, target: Target) -> Cell:
    """The vocabulary's name of the indicator, linked; the plan's own wording when it has none."""
    ind = vocab.indicators.get(target.indicator) if target.indicator else None
    return Cell(ind.name, urls.indicator(ind.id)) if ind else Cell(target.name)


def _lead(vocab: Vocabulary, tref: TargetRef, columns: tuple[str, ...]) -> tuple[Cell, ...]:
    cells = {REGION: lambda: region_cell(vocab, tref.plan.region),
             PLAN: lambda: plan_cell(tref.plan.id, tref.plan.title),
             INDICATOR: lambda: indicator_cell(vocab, tref.target)}
    return tuple(cells[c]() for c in columns)


def row(vocab: Vocabulary, tref: TargetRef, columns: tuple[str, ...], in_indicator_unit: bool = False) -> TargetRow:
    """A target in its place, on a page other than its plan's: the quote links to the plan. On an
    indicator's page the figure is in the indicator's unit (the quote keeps it as written)."""
    cells = target_cells(tref.target, tref.url)
    if in_indicator_unit:
        cells["value"] = measure_figure(tref)
    return TargetRow(_lead(vocab, tref, columns), **cells)  # type: ignore[arg-type]


def table(vocab: Vocabulary, trefs: Iterable[TargetRef], columns: tuple[str, ...]) -> TargetTable:
    return TargetTable(columns, tuple(row(vocab, t, columns) for t in trefs))


def plan_table(vocab: Vocabulary, targets: Iterable[Target]) -> TargetTable:
    """A task's or section's targets on the plan page: the plan's own wording of each, linked to
    its indicator's page; the quote is right above, so it is not linked."""
    rows = []
    for t in targets:
        ind = vocab.indicators.get(t.indicator) if t.indicator else None
        lead = Cell(t.name, urls.indicator(ind.id), "atlas-indicator") if ind else Cell(t.name)
        rows.append(TargetRow((lead,), **target_cells(t, None)))  # type: ignore[arg-type]
    return TargetTable((INDICATOR,), tuple(rows), phone_blocks=True)
