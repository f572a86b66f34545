"""Errors that carry a location, printed as ``path:line:col: message`` (what editors and CI read)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Loc

# Files in the order they depend on one another: a schema or a vocabulary is read before the files
# that use it, so a problem there is the root cause of problems further down and is printed first.
ROOT_CAUSE_ORDER = (
    "site_config/schema/",
    "site_config/regions.yaml",
    "site_config/agency_types.yaml",
    "site_config/domains.yaml",
    "site_config/agencies.yaml",
    "site_config/indicators.yaml",
    "site_config/",
    "content/plans/",
    "content/sources/",
    "content/",
    "docs/",
)


def _rank(path: str) -> int:
    return next((i for i, prefix in enumerate(ROOT_CAUSE_ORDER) if path.startswith(prefix)),
                len(ROOT_CAUSE_ORDER))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, at a place in a file. A warning does not stop a build."""

    loc: Loc
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.loc}: {'warning: ' if self.warning else ''}{self.message}"


def root_cause_first(problems: list[Problem]) -> list[Problem]:
    """``problems`` with those in files others depend on first, then by file, line and column."""
    return sorted(problems, key=lambda p: (_rank(p.loc.path), p.loc.path, p.loc.line, p.loc.col, p.message))


class ContentError(Exception):
    """Raised when content is invalid; carries every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = root_cause_first([p for p in problems if not p.warning])
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
