"""Structure checks with the JSON Schemas in ``site_config/schema/``, in words a contributor can act on.

The schemas are the single statement of each file's shape: editors validate against them while a
contributor types (through the ``# yaml-language-server: $schema=…`` first line) and ``check`` runs the
same schemas through jsonschema. jsonschema's own messages ("Additional properties are not allowed
('laed' was unexpected)") name neither the field nor the fix, so ``validate`` rewrites each one
("unknown key 'laed' (did you mean 'lead'?)") and places it on the offending node.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError, ValidationError

from ..errors import Problem
from ..model import Loc
from .yamlload import Document

SCHEMA_DIR = Path("site_config") / "schema"
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_JSON_TYPES = {"string": "a string", "integer": "an integer", "number": "a number",
               "boolean": "true or false", "array": "a list", "object": "a mapping (key: value)",
               "null": "null"}


@dataclass(frozen=True)
class Schema:
    """One file kind's schema: where it lives and a ready validator."""

    path: Path  # absolute
    validator: Draft202012Validator

    def first_line_for(self, yaml_file: Path) -> str:
        """The modeline that points ``yaml_file`` at this schema, relative to the file's folder."""
        rel = os.path.relpath(self.path, yaml_file.parent).replace(os.sep, "/")
        return f"# yaml-language-server: $schema={rel}"


@lru_cache(maxsize=32)
def _compiled(path: Path, mtime_ns: int) -> Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(_inline_refs(schema), format_checker=FormatChecker(formats=["date"]))


def _inline_refs(schema: dict) -> dict:
    """The schema with each non-recursive local ``$ref`` replaced by its definition.

    Same meaning (the referring object only adds annotations such as ``description``), but
    jsonschema no longer resolves a reference for every value: checking a corpus takes half the time.
    """
    defs = schema.get("$defs", {})

    def recursive(name: str, seen: tuple = ()) -> bool:
        refs = _refs(defs.get(name, {}))
        return name in seen or any(recursive(r, seen + (name,)) for r in refs)

    def inline(node):
        if isinstance(node, list):
            return [inline(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref", "")
        name = ref.removeprefix("#/$defs/")
        if ref.startswith("#/$defs/") and name in defs and not recursive(name):
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return inline(defs[name]) | rest
        return {k: inline(v) for k, v in node.items()}

    return inline(schema)


def _refs(node) -> set[str]:
    if isinstance(node, list):
        return set().union(*(_refs(item) for item in node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found = {node["$ref"].removeprefix("#/$defs/")} if isinstance(node.get("$ref"), str) else set()
    return found.union(*(_refs(v) for v in node.values()))


def load_schema(root: Path, kind: str) -> tuple[Schema | None, list[Problem]]:
    """The schema for ``kind`` (plan, regions, …) from ``root/site_config/schema/<kind>.schema.json``."""
    path = (root / SCHEMA_DIR / f"{kind}.schema.json").resolve()
    rel = (SCHEMA_DIR / path.name).as_posix()
    if not path.is_file():
        return None, [Problem(Loc(rel), f"schema file missing: {rel}")]
    try:
        return Schema(path, _compiled(path, path.stat().st_mtime_ns)), []
    except json.JSONDecodeError as err:
        return None, [Problem(Loc(rel, err.lineno, err.colno), f"schema is not valid JSON: {err.msg}")]
    except SchemaError as err:
        return None, [Problem(Loc(rel), f"schema is not a valid JSON Schema: {err.message}")]


def check_first_line(doc: Document, schema: Schema, file: Path) -> list[Problem]:
    """Each YAML file opens with the modeline that lets editors validate it as it is typed."""
    want = schema.first_line_for(file)
    if doc.first_line.strip() == want:
        return []
    return [Problem(Loc(doc.path, 1, 1), f"first line must be '{want}' (so editors validate this file)")]


def validate(doc: Document, schema: Schema) -> list[Problem]:
    """Every structural problem of ``doc``, each at its node, in words that say the fix."""
    out: list[Problem] = []
    seen: set[tuple] = set()
    root_schema = schema.validator.schema
    for error in schema.validator.iter_errors(doc.data):
        for problem in _rewrite(doc, error, root_schema):
            key = (problem.loc, problem.message)
            if key not in seen:
                seen.add(key)
                out.append(problem)
    return out


def _field(path: tuple) -> str:
    """How to name the value at ``path`` in a message: its key, or 'item N of <key>'."""
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "list")
        return f"item {last + 1} of '{parent}'"
    return f"'{last}'"


def _describe(value) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, (int, float)):
        return f"{'an integer' if isinstance(value, int) else 'a number'} ({_number(value)})"
    if isinstance(value, str):
        return f"a string ({_short(value)})"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _number(value: int | float) -> str:
    """A number as a message shows it: 1e+308, not 309 digits."""
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"{value:.3g}"
    return f"{value:.15g}" if isinstance(value, float) else str(value)


def _short(text: str, limit: int = 40) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(text)


def _resolve(subschema: dict, root: dict) -> dict:
    ref = subschema.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return _resolve(root["$defs"][ref.removeprefix("#/$defs/")], root) | {
            k: v for k, v in subschema.items() if k != "$ref"}
    return subschema


def _allows_null(subschema: dict, root: dict) -> bool:
    types = _resolve(subschema, root).get("type")
    return types == "null" or (isinstance(types, list) and "null" in types)


def _rewrite(doc: Document, error: ValidationError, root: dict) -> list[Problem]:
    path = tuple(error.absolute_path)
    where = doc.loc(path)
    field = _field(path)
    kind = error.validator
    value = error.instance
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        out = []
        for key in value:
            if key in known:
                continue
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})"
            out.append(Problem(doc.key_loc(path + (key,)), f"unknown key '{key}'{hint}"))
        return out
    if kind == "required":
        out = []
        for name in error.validator_value:
            if name in value:
                continue
            prop = error.schema.get("properties", {}).get(name, {})
            hint = f" (write '{name}: null' if the source does not state it)" if _allows_null(prop, root) else ""
            out.append(Problem(where, f"missing required field '{name}'{hint}"))
        return out
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        expected = " or ".join(_JSON_TYPES.get(t, t) for t in wanted)
        hint = ""
        if "string" in wanted and isinstance(value, (int, float)) and not isinstance(value, bool):
            hint = f": quote it, \"{value}\""
        elif "string" in wanted and isinstance(value, bool):
            hint = ": quote it"
        elif {"integer", "number"} & set(wanted) and isinstance(value, str) and _is_number(value):
            hint = ": remove the quotes"
        elif "array" in wanted and not isinstance(value, list):
            hint = ": write it as a list ([a, b] or '- a' lines)"
        elif value is None:
            hint = ": fill it in"
        return [Problem(where, f"{field} must be {expected}, not {_describe(value)}{hint}")]
    if kind == "format" and error.validator_value == "date":
        if not _DATE_SHAPE.match(value):
            return []  # the pattern's message already says how to write it
        try:
            dt.date.fromisoformat(value)
            reason = "not a calendar date"
        except ValueError as err:
            reason = str(err)
        return [Problem(where, f"{field}: invalid date '{value}' ({reason})")]
    if kind == "pattern":
        subschema = _resolve(error.schema, root)
        message = subschema.get("patternErrorMessage") or f"must match {error.validator_value}"
        return [Problem(where, f"{field}: {_short(str(value))} {message}")]
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return [Problem(where, f"{field}: {_short(str(value))} is not one of {', '.join(options)}{hint}")]
    if kind == "minLength":
        return [Problem(where, f"{field} must not be empty (write null when there is nothing)")]
    if kind in ("minimum", "maximum"):
        lo = _resolve(error.schema, root).get("minimum")
        hi = _resolve(error.schema, root).get("maximum")
        limit = f"at least {lo}" if kind == "minimum" else f"at most {hi}"
        if isinstance(value, float) and not math.isfinite(value):
            return [Problem(where, f"{field}: the number is too large to be a figure (it overflows to "
                                   f"infinity): it must be between {lo} and {hi}")]
        return [Problem(where, f"{field}: {_number(value)} is out of range: {limit} ({lo}–{hi})")]
    if kind == "uniqueItems":
        return [Problem(where, f"{field} lists the same value twice: remove the repeat")]
    return [Problem(where, f"{field}: {error.message}")]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
