"""Errors that carry a location, printed as ``path:line:col: message`` (what editors and CI read)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Loc


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, at a place in a file."""

    loc: Loc
    message: str

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}"


class ContentError(Exception):
    """Raised when content is invalid; carries every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.loc.path, p.loc.line, p.loc.col, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(Exception):
    """Raised when a command's input can't be used (a missing or non-text source, an output that
    exists): the message names the file and says what to do next."""

    def __init__(self, path: str | None, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class UsageError(InputError):
    """An argument that can't be right whatever the files hold (exit 2, as argparse's own errors)."""


class SourceError(InputError):
    """A source text refused or unreadable (empty, HTML, binary, not UTF-8), or a file in the way:
    one problem at a place in the file, with advice on what to do instead."""

    def __init__(self, loc: Loc, message: str, advice: str | None = None):
        InputError.__init__(self, str(loc), message)
        self.loc = loc
        self.advice = advice
        Exception.__init__(self, f"{loc}: {message}" + (f"\n  {advice}" if advice else ""))
