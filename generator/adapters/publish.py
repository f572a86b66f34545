"""Publishing a directory all at once: a build writes into a fresh sibling folder, which replaces
the previous output only when it is complete.

A failing build (invalid content, a page collision, a crash in MkDocs, a full disk) therefore
never deletes or half-writes the previous site or pages, and a successful one leaves no stale
file from an earlier run. ``python -m generator pages``, ``python -m generator site`` (``make
site``) and the offline bundle all go through ``publish_dir``.

It refuses to replace a directory that does not look like its own earlier output (``pages .``
must not replace the project), and every refusal is an ``OutputError`` at ``path:1:1``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Callable

from ..errors import Problem
from ..model import Loc

MARKER = ".policy-atlas-output"  # written into every published folder: "this one may be replaced"


class OutputError(Exception):
    """The output path cannot be written or must not be replaced; carries a located problem."""

    def __init__(self, path: Path | str, message: str):
        self.problem = Problem(Loc(str(path)), message)
        super().__init__(str(self.problem))


def _replaceable(final: Path, looks_like: tuple[str, ...]) -> bool:
    """An earlier output of ours: empty, marked, or holding the files our output always has."""
    entries = list(final.iterdir())
    if not entries or (final / MARKER).is_file():
        return True
    return bool(looks_like) and all((final / name).exists() for name in looks_like)


def check_output_dir(final: Path, looks_like: tuple[str, ...] = ()) -> None:
    """Raise OutputError unless ``final`` can be published: absent, or a folder of our own output,
    with a parent folder we can write into."""
    if final.is_symlink():
        raise OutputError(final, "output is a symbolic link: give a real folder")
    if final.exists() and not final.is_dir():
        raise OutputError(final, "output exists and is not a folder: give a folder path")
    if final.is_dir():
        try:
            ok = _replaceable(final, looks_like)
        except OSError as err:
            raise OutputError(final, f"cannot read the output folder: {err.strerror}") from None
        if not ok:
            raise OutputError(final, "output folder holds other files (not an earlier output of this "
                                     "command): give an empty or new folder")
    parent = final.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(parent, "not a folder: the output's parent must be a folder")


def publish_dir(final: Path, build: Callable[[Path], None], looks_like: tuple[str, ...] = (),
                mark: bool = False) -> Path:
    """Run ``build(tmp)`` into a fresh folder next to ``final``, then swap it in place of ``final``.

    If ``build`` raises, the fresh folder is removed and ``final`` is untouched. ``mark`` leaves a
    ``MARKER`` file saying the folder may be replaced (not in a site: it would be published).
    """
    final = Path(final).absolute()
    check_output_dir(final, looks_like)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-", dir=final.parent))
    except OSError as err:
        raise OutputError(final, f"cannot create the output folder: {err.strerror}") from None
    try:
        build(tmp)
        if mark:
            (tmp / MARKER).write_text("published by python -m generator; replaced as a whole by the next build\n",
                                      encoding="utf-8")
        tmp.chmod(0o755)  # mkdtemp makes it 0700; a published site is world-readable
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    try:
        if final.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
            final.rename(old / final.name)
        tmp.rename(final)
    except OSError as err:
        if old is not None and (old / final.name).exists() and not final.exists():
            (old / final.name).rename(final)  # put the previous output back
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(final, f"cannot replace the output folder: {err.strerror}") from None
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return final
