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


@dataclass(frozen=True)
class TargetTable:
    columns: tuple[str, ...]  # leading column headers (REGION, PLAN, INDICATOR)
    rows: tuple[TargetRow, ...]
    phone_blocks: bool = False  # on phones each row is a block (the plan page's short tables)

    def __len__(self) -> int:
        return len(self.rows)


def figure(target: Target) -> str:
    """65%, 2–3家, 5000亿元."""
    value = format_number(target.value)
    if target.value_max is not None:
        value = f"{value}{RANGE_DASH}{format_number(target.value_max)}"
    return f"{value}{target.unit or ''}"


def target_cells(target: Target, quote_url: str | None) -> dict[str, object]:
    return {
        "comparator": target.comparator or "",
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


def row(vocab: Vocabulary, tref: TargetRef, columns: tuple[str, ...]) -> TargetRow:
    """A target in its place, on a page other than its plan's: the quote links to the plan."""
    return TargetRow(_lead(vocab, tref, columns), **target_cells(tref.target, tref.url))  # type: ignore[arg-type]


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
