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
from .yamlload import Data, Document, Path_

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
    if not isinstance(schema, dict):  # true and false are schemas too, but describe no file
        raise SchemaError("the schema must be a JSON object")
    return Draft202012Validator(_inline_refs(schema), format_checker=FormatChecker(formats=["date"]))


def _member(node: Data, key: str) -> Data:
    """``node[key]`` when ``node`` is an object holding it, else None."""
    return node.get(key) if isinstance(node, dict) else None


def _inline_refs(schema: dict[str, Data]) -> dict[str, Data]:
    """The schema with each non-recursive local ``$ref`` replaced by its definition.

    Same meaning (the referring object only adds annotations such as ``description``), but
    jsonschema no longer resolves a reference for every value: checking a corpus takes half the time.
    """
    found = schema.get("$defs")
    defs = found if isinstance(found, dict) else {}

    def recursive(name: str, seen: tuple[str, ...] = ()) -> bool:
        refs = _refs(defs.get(name))
        return name in seen or any(recursive(r, seen + (name,)) for r in refs)

    def inline(node: Data) -> Data:
        if isinstance(node, list):
            return [inline(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        name = ref.removeprefix("#/$defs/") if isinstance(ref, str) and ref.startswith("#/$defs/") else None
        target = defs.get(name) if name is not None else None
        if name is not None and isinstance(target, dict) and not recursive(name):
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return _inline_object(inline(target)) | rest
        return {k: inline(v) for k, v in node.items()}

    return _inline_object(inline(schema))


def _inline_object(node: Data) -> dict[str, Data]:
    # inline() turns an object into an object; this says so to the type checker
    return node if isinstance(node, dict) else {}


def _refs(node: Data) -> set[str]:
    if isinstance(node, list):
        return set().union(*(_refs(item) for item in node)) if node else set()
    if not isinstance(node, dict):
        return set()
    ref = node.get("$ref")
    found = {ref.removeprefix("#/$defs/")} if isinstance(ref, str) else set()
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
    seen: set[tuple[Loc, str]] = set()
    root_schema = schema.validator.schema
    root = root_schema if isinstance(root_schema, dict) else {}
    for error in schema.validator.iter_errors(doc.data):
        for problem in _rewrite(doc, _failure(error), root):
            key = (problem.loc, problem.message)
            if key not in seen:
                seen.add(key)
                out.append(problem)
    return out


@dataclass(frozen=True)
class _Failure:
    """One error of ``iter_errors``, narrowed to what ``_rewrite`` reads. jsonschema sets every
    field of the errors it yields; its stubs allow each to be unset."""

    path: Path_  # where in the document
    kind: str  # the keyword that failed: type, required, enum …
    expected: object  # that keyword's value in the schema
    value: object  # the value that failed it
    schema: dict[str, Data]  # the subschema holding the keyword
    message: str  # jsonschema's own words, for a keyword not rewritten


def _failure(error: ValidationError) -> _Failure:
    subschema = error.schema if isinstance(error.schema, dict) else {}
    return _Failure(tuple(error.absolute_path), error.validator if isinstance(error.validator, str) else "",
                    error.validator_value, error.instance, subschema, error.message)


def _field(path: Path_) -> str:
    """How to name the value at ``path`` in a message: its key, or 'item N of <key>'."""
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "list")
        return f"item {last + 1} of '{parent}'"
    return f"'{last}'"


def _describe(value: object) -> str:
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


def _number(value: object) -> str:
    """A number as a message shows it: 1e+308, not 309 digits."""
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"{value:.3g}"
    return f"{value:.15g}" if isinstance(value, float) else str(value)


def _short(text: str, limit: int = 40) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(text)


def _resolve(subschema: Data, root: dict[str, Data]) -> dict[str, Data]:
    """``subschema`` (an object, else empty) with a local ``$ref`` replaced by what it names."""
    if not isinstance(subschema, dict):
        return {}
    ref = subschema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = _member(root.get("$defs"), ref.removeprefix("#/$defs/"))
        return _resolve(target, root) | {k: v for k, v in subschema.items() if k != "$ref"}
    return subschema


def _allows_null(subschema: Data, root: dict[str, Data]) -> bool:
    types = _resolve(subschema, root).get("type")
    return types == "null" or (isinstance(types, list) and "null" in types)


def _rewrite(doc: Document, error: _Failure, root: dict[str, Data]) -> list[Problem]:
    path = error.path
    where = doc.loc(path)
    field = _field(path)
    kind = error.kind
    value = error.value
    expected = error.expected
    if kind == "additionalProperties" and isinstance(value, dict):
        properties = error.schema.get("properties")
        known = sorted(properties) if isinstance(properties, dict) else []
        out = []
        for key in value:
            if key in known:
                continue
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})"
            out.append(Problem(doc.key_loc(path + (key,)), f"unknown key '{key}'{hint}"))
        return out
    if kind == "required" and isinstance(value, dict) and isinstance(expected, list):
        out = []
        for name in expected:
            if name in value:
                continue
            prop = _member(error.schema.get("properties"), str(name))
            hint = f" (write '{name}: null' if the source does not state it)" if _allows_null(prop, root) else ""
            out.append(Problem(where, f"missing required field '{name}'{hint}"))
        return out
    if kind == "type":
        wanted = [str(t) for t in (expected if isinstance(expected, list) else [expected])]
        expected_types = " or ".join(_JSON_TYPES.get(t, t) for t in wanted)
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
        return [Problem(where, f"{field} must be {expected_types}, not {_describe(value)}{hint}")]
    if kind == "format" and expected == "date" and isinstance(value, str):
        if not _DATE_SHAPE.match(value):
            return []  # the pattern's message already says how to write it
        try:
            dt.date.fromisoformat(value)
            reason = "not a calendar date"
        except ValueError as err:
            reason = str(err)
        return [Problem(where, f"{field}: invalid date '{value}' ({reason})")]
    if kind == "pattern":
        own = _resolve(error.schema, root).get("patternErrorMessage")
        message = own if isinstance(own, str) and own else f"must match {expected}"
        return [Problem(where, f"{field}: {_short(str(value))} {message}")]
    if kind == "enum" and isinstance(expected, list):
        options = [str(o) for o in expected]
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
