"""model.Plan → plan YAML text in exactly the shape content/README.md documents.

The importer's output is a draft that people review and edit in pull requests, so the YAML is written
for reading and diffing: keys in the README's order, block style, Chinese unescaped, dates as
YYYY-MM-DD, empty lists as ``[]``, multi-paragraph text as a literal block (``|-``) so line breaks
stay line breaks, and no line folding (a folded scalar would change the text it stores). The same
plan always gives the same bytes. ``loc`` is never written.
"""

from __future__ import annotations

import datetime as dt

import yaml

from .. import model
from ..text.numbers import plain

SCHEMA_LINE = "# yaml-language-server: $schema=../../site_config/schema/plan.schema.json"


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes multi-line strings as literal blocks and never indents lists oddly."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):  # noqa: D102
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    # A literal block keeps line breaks readable; YAML cannot hold trailing spaces or some control
    # characters in one, so those strings fall back to the (exact) quoted style.
    if ("\n" in value and all(line == line.rstrip() and line for line in value.split("\n"))
            and not any(ch in value for ch in "\t\r\x85\u2028\u2029\ufeff") and not value[0].isspace()):
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _ref(ref: model.AgencyRef) -> dict:
    return {"name": ref.name, "agency": ref.agency}


def _target(t: model.Target) -> dict:
    return {
        "name": t.name,
        "value": plain(t.value),
        "value_max": None if t.value_max is None else plain(t.value_max),
        "unit": t.unit,
        "comparator": t.comparator,
        "qualifier": t.qualifier,
        "year": t.year,
        "quote": t.quote,
        "indicator": t.indicator,
    }


def _task(t: model.Task) -> dict:
    return {
        "id": t.id,
        "number": t.number,
        "title": t.title,
        "text": t.text,
        "annotation": t.annotation,
        "lead": [_ref(r) for r in t.lead],
        "cooperating": [_ref(r) for r in t.cooperating],
        "responsible": [_ref(r) for r in t.responsible],
        "domains": list(t.domains),
        "targets": [_target(x) for x in t.targets],
    }


def _section(s: model.Section) -> dict:
    out = {"id": s.id, "number": s.number, "title": s.title, "text": s.text}
    if s.annotation is not None:
        out["annotation"] = s.annotation
    out["targets"] = [_target(x) for x in s.targets]
    out["sections"] = [_section(c) for c in s.sections]
    out["tasks"] = [_task(t) for t in s.tasks]
    return out


def _attachment(a: model.Attachment) -> dict:
    return {
        "id": a.id,
        "title": a.title,
        "text": a.text,
        "members": [{"name": m.name, "position": m.position, "role": m.role, "agency": m.agency}
                    for m in a.members],
    }


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def plan_to_dict(plan: model.Plan) -> dict:
    """The plan as plain data in the README's key order (what the YAML file holds)."""
    return {
        "id": plan.id,
        "title": plan.title,
        "region": plan.region,
        "issuer": plan.issuer,
        "doc_number": plan.doc_number,
        "signed": plan.signed,
        "published": plan.published,
        "period": None if plan.period is None else {"start": plan.period.start, "end": plan.period.end},
        "source": {
            "file": plan.source.file,
            "url": plan.source.url,
            "sha256": plan.source.sha256,
            "retrieved": plan.source.retrieved,
        },
        "cites": [{"doc_number": c.doc_number, "title": c.title} for c in plan.cites],
        "preamble": plan.preamble,
        "sections": [_section(s) for s in plan.sections],
        "attachments": [_attachment(a) for a in plan.attachments],
    }


def _represent_date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(dt.date, _represent_date)


def emit_plan(plan: model.Plan) -> str:
    """The plan file's full text: the schema comment line, then the YAML document."""
    body = yaml.dump(plan_to_dict(plan), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=2**31 - 1, indent=2)
    return f"{SCHEMA_LINE}\n{body}"
