"""What ``python -m generator import SOURCE`` checks about its outputs before the importer runs:
the draft and the source copy can be written without clobbering anything.

Whether the source itself can be imported (a regular file, not too large, readable, UTF-8 text, not
empty, not HTML or binary) is the importer's one judgement, ``importer.source.read_source``, which
the CLI calls first. Every refusal here is a located ``Problem`` (``path:1:1: message``) and nothing
has been written when one is raised: the source copy and the draft are written only after all of
this passed.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem
from ..model import Loc

PROGRESS_BYTES = 256 * 1024  # above this the CLI says what it is doing, stage by stage


class ImportInputError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _fail(path: Path | str, message: str, line: int = 1, col: int = 1) -> ImportInputError:
    return ImportInputError(Problem(Loc(str(path), line, col), message))


def check_output(out: Path, *, force: bool) -> None:
    """The draft can be written at ``out``: not a folder, its folder exists or can be made, and an
    existing file is replaced only with --force."""
    if out.is_dir():
        raise _fail(out, "output is a folder: give a file name, e.g. -o content/plans/<id>.yaml")
    if out.name.endswith((".yaml", ".yml")) is False:
        raise _fail(out, "output must end in .yaml (it is a plan file)")
    if out.exists() or out.is_symlink():
        if not force:
            raise _fail(out, "exists (a reviewed plan?): pass --force to overwrite it, or -o another file")
        if out.is_symlink() or not out.is_file():
            raise _fail(out, "exists and is not a regular file: refusing to overwrite it")
        if not os.access(out, os.W_OK):
            raise _fail(out, "exists and is not writable")
    parent = out.parent
    probe = parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise _fail(probe, f"is a file, so {out} cannot be created under it")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise _fail(probe, f"folder is not writable: cannot write {out}")
