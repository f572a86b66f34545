"""One content file read and checked for structure: the step every file kind shares.

Parsing (``yamlload``), the editor modeline and the JSON Schema (``schema``) run here; what is left
for the kind-specific loaders is turning the data into model objects and checking references. The
result remembers which values failed the schema, so a loader can skip a broken object and go on
looking for more problems in the rest of the file, instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from . import schema as schemas
from .yamlload import Document, load_yaml


@dataclass(frozen=True)
class Checked:
    """A parsed file (``doc`` is None when it could not be parsed) and the paths that failed its schema."""

    doc: Document | None
    error_paths: frozenset[tuple]
    problems: tuple[Problem, ...]

    def broken(self, path: tuple, child_lists: frozenset[str] = frozenset()) -> bool:
        """True when a schema error sits on the object at ``path`` itself or one of its plain fields.

        Errors inside ``child_lists`` (nested objects such as a section's tasks) belong to the
        children, which are checked on their own.
        """
        n = len(path)
        for p in self.error_paths:
            if p[:n] != path:
                continue
            rest = p[n:]
            if rest and rest[0] in child_lists:
                continue
            return True
        return False


def read_checked(root: Path, rel: str, kind: str) -> Checked:
    """Parse ``root/rel`` and check it against the ``kind`` schema; problems say what to fix."""
    file = root / rel
    doc, problems = load_yaml(file, rel)
    schema, schema_problems = schemas.load_schema(root, kind)
    problems = list(problems) + schema_problems
    if doc is None:
        return Checked(None, frozenset(), tuple(problems))
    if schema is None:
        return Checked(None, frozenset(), tuple(problems))
    problems += schemas.check_first_line(doc, schema, file)
    structure, paths = schemas.validate(doc, schema)
    problems += structure
    return Checked(doc, paths, tuple(problems))
