"""What ``python -m generator import SOURCE`` checks before the importer runs: the source can be
read as the text of one plan, and the output paths can be written without clobbering anything.

Every refusal is a located ``Problem`` (``path:line:col: message``, the place in the source for an
encoding error) and nothing has been written when one is raised: the source copy and the draft are
written only after all of this passed. What the text itself holds (empty, a web page, binary) is
the importer's own judgement (``importer.pipeline``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem
from ..model import Loc

# A plan's text is 20–50 kB (the five seeds); the longest plans with attachments stay under 1 MB.
# The importer's cost grows faster than the text, so a bigger input is refused with the reason.
MAX_IMPORT_BYTES = 4 * 1024 * 1024
PROGRESS_BYTES = 256 * 1024  # above this the CLI says what it is doing, stage by stage


class ImportInputError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _fail(path: Path | str, message: str, line: int = 1, col: int = 1) -> ImportInputError:
    return ImportInputError(Problem(Loc(str(path), line, col), message))


def read_source(source: Path) -> tuple[bytes, str]:
    """The source's bytes and its text, or ImportInputError saying why it cannot be imported."""
    if not source.exists():
        hint = ""
        if source.with_suffix(".txt").is_file() and source.suffix != ".txt":
            hint = f" (did you mean {source.with_suffix('.txt')}?)"
        raise _fail(source, f"no such file{hint}")
    if source.is_dir():
        raise _fail(source, "is a folder: give the plan's text file (UTF-8 .txt)")
    if not source.is_file():
        raise _fail(source, "is not a regular file (a device or a pipe): save the text to a file first")
    size = source.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise _fail(source, f"is {size / 1024 / 1024:.1f} MiB: a plan's text is at most "
                            f"{MAX_IMPORT_BYTES // 1024 // 1024} MiB (the largest known plans are under "
                            "1 MB): is this one plan, as plain text? Split it or strip what is not the plan")
    try:
        with source.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as err:
        raise _fail(source, f"cannot read ({err.strerror}): check its permissions") from None
    if len(data) > MAX_IMPORT_BYTES:  # grew while we looked, or stat lied (a /proc file)
        raise _fail(source, f"is over {MAX_IMPORT_BYTES // 1024 // 1024} MiB: a plan's text is smaller")
    return data, decode(data, source)


def decode(data: bytes, source: Path | str) -> str:
    """``data`` as UTF-8 (a BOM is allowed), or ImportInputError at the first byte that is not,
    naming the encoding it looks like and the command that converts it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(source, "is UTF-16 (it starts with a UTF-16 byte order mark): convert it first, "
                            f"e.g. iconv -f UTF-16 -t UTF-8 {source} > plan.txt")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        if b"\x00" in data[:4096]:
            hint = f"it looks like UTF-16 or a binary file; if it is UTF-16 text: iconv -f UTF-16 -t UTF-8 {source}"
        else:
            try:
                data.decode("gb18030")
                hint = f"it looks like GBK/GB18030: convert it first, e.g. iconv -f GB18030 -t UTF-8 {source} > plan.txt"
            except UnicodeDecodeError:
                hint = "save it as UTF-8 text"
        raise _fail(source, f"not UTF-8 text (byte 0x{data[err.start]:02X}): {hint}", line, col) from None


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
