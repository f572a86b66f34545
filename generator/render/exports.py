"""The data exports (``/data/``): plans, tasks, agencies and targets as JSON and CSV, with JSON Schemas.

The exports are a public contract: field names are the content's own (``lead``, ``doc_number``,
``signed`` …), and the JSON Schemas under ``schemas/`` are the one description of them. The CSV
columns and the data page's column documentation are both *derived* from those schemas, so the
three can never disagree:

* a scalar field is one column of the same name;
* an object field (``period``, ``source``) is one column per member: ``period_start``;
* a list of strings (``domains``) is one column, items joined with ``; ``;
* a list of objects (``lead``, ``cites``) is one column per member, items joined with ``; `` in
  the same order, so ``lead_name`` and ``lead_agency`` line up item by item.

JSON is the lossless form. Bytes are deterministic: fixed key order (the schema's), plans by id,
tasks and targets in document order, ``ensure_ascii=False``, a trailing newline. CSV is UTF-8 with a
BOM (so Excel opens Chinese correctly) and RFC 4180 quoting with CRLF line ends, so a ``,``, ``"``
or line break inside a value survives a round trip.

JSON is strict (``allow_nan=False``: validation keeps every figure finite, and a NaN that slipped
through fails the build rather than publish a file no JSON parser accepts). A CSV text cell that a
spreadsheet would run as a formula — one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return — gets a leading ``'`` (OWASP's treatment of CSV injection), so Excel shows it as text; a
number stays a number (``-5`` is not a formula). The data page says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import ROLES, AgencyRef
from ..atlas import Atlas, doc_number_key, urls
from .cite import permalink
from .page import Asset
from ..text.numbers import format_number as number
from ..text.numbers import plain

SCHEMAS = Path(__file__).parent / "schemas"
EXPORTS = ("plans", "tasks", "agencies", "targets")
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    """One CSV column: its name, the JSON field it comes from, its type and what it means."""

    name: str
    field: str  # JSON path: ``period.start``, ``lead[].name``
    type: str
    description: str


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one export (``plans`` …), as published under ``data/schema/``."""
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def _type(spec: dict[str, Any]) -> str:
    t = spec.get("type", "")
    types = [t] if isinstance(t, str) else list(t)
    nullable = "null" in types
    main = "/".join(x for x in types if x != "null")
    if main == "array" and "items" in spec:
        main = f"array of {_type(spec['items'])}"
    return main + (" | null" if nullable else "")


def columns(name: str) -> tuple[Column, ...]:
    """The CSV columns of one export, derived from its schema (see the module docstring)."""
    out = []
    for key, spec in schema(name)["items"]["properties"].items():
        desc = spec.get("description", "")
        parent = desc.split(";")[0]  # 规划期;原文未写明时为 null → 规划期, to prefix members
        kinds = spec.get("type")
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if "object" in kinds:
            for sub, sub_spec in spec["properties"].items():
                out.append(Column(f"{key}_{sub}", f"{key}.{sub}", _type(sub_spec),
                                  f"{parent}:{sub_spec.get('description', '')}"))
        elif "array" in kinds and spec["items"].get("type") == "object":
            for sub, sub_spec in spec["items"]["properties"].items():
                out.append(Column(f"{key}_{sub}", f"{key}[].{sub}", f"list of {_type(sub_spec)}",
                                  f"{parent}:{sub_spec.get('description', '')}"))
        else:
            out.append(Column(key, key, _type(spec), desc))
    return tuple(out)


# --- records (JSON-shaped, key order = schema order) -----------------------------------------


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _num(value: float | None) -> int | float | None:
    return None if value is None else plain(value)


def _agencies(refs: tuple[AgencyRef, ...]) -> list[dict[str, Any]]:
    return [{"name": r.name, "agency": r.agency} for r in refs]


def plan_records(atlas: Atlas, site_url: str | None = None) -> list[dict[str, Any]]:
    tasks: dict[str, int] = {}
    for ref in atlas.tasks:
        tasks[ref.plan.id] = tasks.get(ref.plan.id, 0) + 1
    targets: dict[str, int] = {}
    for tref in atlas.targets:
        targets[tref.plan.id] = targets.get(tref.plan.id, 0) + 1
    corpus_keys = {
        doc_number_key(d.doc_number): d.plan for d in atlas.documents.values() if d.doc_number and d.plan
    }
    out = []
    for plan in atlas.plans.values():
        region = atlas.vocab.regions.get(plan.region)
        out.append({
            "id": plan.id,
            "title": plan.title,
            "region": plan.region,
            "region_name": region.name if region else plan.region,
            "issuer": plan.issuer,
            "doc_number": plan.doc_number,
            "signed": _date(plan.signed),
            "published": _date(plan.published),
            "period": {"start": plan.period.start, "end": plan.period.end} if plan.period else None,
            "source": {
                "file": plan.source.file,
                "url": plan.source.url,
                "sha256": plan.source.sha256,
                "retrieved": _date(plan.source.retrieved),
            },
            "cites": [
                {
                    "doc_number": c.doc_number,
                    "title": c.title,
                    "plan": corpus_keys.get(doc_number_key(c.doc_number)) if c.doc_number else None,
                }
                for c in plan.cites
            ],
            "task_count": tasks.get(plan.id, 0),
            "target_count": targets.get(plan.id, 0),
            "url": permalink(urls.plan(plan.id), site_url),
        })
    return out


def task_records(atlas: Atlas, site_url: str | None = None) -> list[dict[str, Any]]:
    return [
        {
            "plan": ref.plan.id,
            "id": ref.task.id,
            "number": ref.task.number,
            "title": ref.task.title,
            "text": ref.task.text,
            "annotation": ref.task.annotation,
            "section": ref.sections[-1].id if ref.sections else None,
            **{role: _agencies(getattr(ref.task, role)) for role in ROLES},
            "domains": list(ref.task.domains),
            "url": permalink(ref.url, site_url),
        }
        for ref in atlas.tasks
    ]


def agency_records(atlas: Atlas, site_url: str | None = None) -> list[dict[str, Any]]:
    out = []
    for a in atlas.vocab.agencies.values():
        per_role = atlas.tasks_by_agency.get(a.id, {})
        agency_type = atlas.vocab.agency_types.get(a.type) if a.type else None
        out.append({
            "id": a.id,
            "region": a.region,
            "name": a.name,
            "aliases": list(a.aliases),
            "type": a.type,
            "type_name": agency_type.name if agency_type else None,
            **{f"{role}_count": len(per_role.get(role, ())) for role in ROLES},
            "url": permalink(urls.agency(a.id), site_url),
        })
    return out


def target_records(atlas: Atlas, site_url: str | None = None) -> list[dict[str, Any]]:
    return [
        {
            "plan": t.plan.id,
            "task": t.task.id if t.task else None,
            "section": t.section.id if t.section else None,
            "name": t.target.name,
            "value": _num(t.target.value),
            "value_max": _num(t.target.value_max),
            "unit": t.target.unit,
            "comparator": t.target.comparator,
            "qualifier": t.target.qualifier,
            "year": t.target.year,
            "quote": t.target.quote,
            "indicator": t.target.indicator,
            "indicator_value": _num(t.measure.value) if t.measure else None,
            "indicator_value_max": _num(t.measure.value_max) if t.measure else None,
            "indicator_unit": t.measure.unit if t.measure else None,
            "url": permalink(t.url, site_url),
        }
        for t in atlas.targets
    ]


def record_count(atlas: Atlas, name: str) -> int:
    """How many records an export holds, without building them."""
    return {
        "plans": len(atlas.plans),
        "tasks": len(atlas.tasks),
        "agencies": len(atlas.vocab.agencies),
        "targets": len(atlas.targets),
    }[name]


RECORDS = {
    "plans": plan_records,
    "tasks": task_records,
    "agencies": agency_records,
    "targets": target_records,
}


# --- serialisation ---------------------------------------------------------------------------


def to_json(records: list[dict[str, Any]]) -> bytes:
    return (json.dumps(records, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")


def neutralise(cell: str) -> str:
    """A CSV text cell a spreadsheet would evaluate, prefixed with ``'`` so it shows as text."""
    if cell.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value)
    return str(value)


def csv_row(record: dict[str, Any], cols: tuple[Column, ...]) -> list[str]:
    """Flatten one JSON record into CSV cells, following the column derivation rules; text cells
    are neutralised against formula injection, numbers are not."""
    row = []
    for col in cols:
        if "[]." in col.field:
            key, sub = col.field.split("[].")
            row.append(neutralise(LIST_SEPARATOR.join(_cell(item.get(sub)) for item in record.get(key) or ())))
        elif "." in col.field:
            key, sub = col.field.split(".")
            row.append(_text_cell((record.get(key) or {}).get(sub)))
        else:
            value = record.get(col.field)
            if isinstance(value, list):
                row.append(neutralise(LIST_SEPARATOR.join(_cell(v) for v in value)))
            else:
                row.append(_text_cell(value))
    return row


def _text_cell(value: Any) -> str:
    cell = _cell(value)
    return cell if isinstance(value, (int, float)) else neutralise(cell)


def to_csv(records: list[dict[str, Any]], cols: tuple[Column, ...]) -> bytes:
    """UTF-8 with BOM, RFC 4180 (CRLF, quotes doubled, fields with , " or line breaks quoted)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.name for c in cols])
    for record in records:
        writer.writerow(csv_row(record, cols))
    return buf.getvalue().encode("utf-8-sig")


def assets(atlas: Atlas, site_url: str | None = None) -> list[Asset]:
    """Every export as JSON and CSV, and every schema, under ``data/``."""
    out = []
    for name in EXPORTS:
        records = RECORDS[name](atlas, site_url)
        out.append(Asset(f"data/{name}.json", to_json(records)))
        out.append(Asset(f"data/{name}.csv", to_csv(records, columns(name))))
        out.append(Asset(f"data/schema/{name}.schema.json",
                         (SCHEMAS / f"{name}.schema.json").read_bytes()))
    return out
