"""One content file read and checked for structure: the step every file kind shares.

Parsing (``yamlload``), the editor modeline and the JSON Schema (``schema``) run here; what is left
for the kind-specific loaders is turning the data into model objects and checking references. Loaders
read the data leniently after that (a value that failed the schema counts as absent), so one run
reports every problem of a file instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from . import schema as schemas
from .limits import check_invisible, check_lengths
from .yamlload import Document, load_yaml


@dataclass(frozen=True)
class Checked:
    """A parsed file (``doc`` is None when it could not be parsed) and its problems so far."""

    doc: Document | None
    problems: tuple[Problem, ...]


def read_checked(root: Path, rel: str, kind: str) -> Checked:
    """Parse ``root/rel`` and check it against the ``kind`` schema; problems say what to fix."""
    file = root / rel
    doc, problems = load_yaml(file, rel)
    schema, schema_problems = schemas.load_schema(root, kind)
    problems = list(problems) + schema_problems
    if doc is None or problems:
        # A refused tag, anchor or repeated key leaves a hole in the data: checking the rest against
        # the schema would report the hole again as a follow-on (a missing or null field).
        return Checked(None, tuple(problems))
    if schema is None:
        return Checked(None, tuple(problems))
    problems += schemas.check_first_line(doc, schema, file)
    problems += schemas.validate(doc, schema)
    problems += check_lengths(doc)
    problems += check_invisible(doc)
    return Checked(doc, tuple(problems))
