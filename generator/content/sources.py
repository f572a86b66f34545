"""A plan's source text (``content/sources/<file>``): integrity by sha256, and verbatim checks.

Text shown as plan text must be the source's own words (researchers quote it). The check compares
after ``generator.text.verbatim.normalize`` on both sides (NFKC + whitespace removed, documented in
content/README.md); when a fragment is not found, the message says how far it does match, so a
contributor can see the one character that differs instead of rereading a paragraph.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..text.verbatim import normalize
from .yamlload import decode_utf8

MAX_SOURCE_BYTES = 4 * 1024 * 1024  # the longest real plan text is 48 kB

SOURCES_DIR = "content/sources"


@dataclass(frozen=True)
class SourceText:
    """One source file, read: its bytes' sha256 and its normalized text for verbatim checks."""

    rel: str  # content/sources/<file>
    sha256: str
    normalized: str

    def mismatch(self, fragment: str) -> str | None:
        """None when ``fragment`` is verbatim in the source, else a hint where it departs from it."""
        needle = normalize(fragment)
        if needle in self.normalized:
            return None
        # The longest prefix of the fragment that occurs in the source (presence is monotone in
        # the prefix length, so a binary search finds it).
        lo, hi = 0, len(needle)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if needle[:mid] in self.normalized:
                lo = mid
            else:
                hi = mid - 1
        if lo == 0:
            return f"not found in {self.rel}: not even its first character '{needle[:1]}' occurs there"
        matched = needle[:lo]
        shown = matched if len(matched) <= 12 else "…" + matched[-12:]
        return (f"not found verbatim in {self.rel}: it matches up to '{shown}', "
                f"then has '{needle[lo:lo + 8]}' where the source differs")


def read_source(root: Path, file: str) -> SourceText | str:
    """The source ``file`` (a bare file name) read from ``root/content/sources``, or why it cannot be."""
    rel = f"{SOURCES_DIR}/{file}"
    if "/" in file or "\\" in file or file.startswith("."):
        return f"source file '{file}' must be a plain file name in {SOURCES_DIR}/"
    path = root / rel
    if path.is_symlink():
        # the site shows and exports source text: a link could publish a file from outside the repository
        return f"source file {rel} must be a regular file, not a symbolic link"
    if not path.is_file():
        return f"source file missing: {rel} (copy the plan's text there, verbatim)"
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        return (f"source file {rel} is {size / 1024 / 1024:.1f} MiB: sources are at most "
                      f"{MAX_SOURCE_BYTES // 1024 // 1024} MiB (content/README.md, Limits)")
    try:
        raw = path.read_bytes()
    except OSError as err:
        return f"cannot read source file {rel}: {err.strerror}"
    text, problem = decode_utf8(raw, rel)
    if problem is not None:
        return f"source file {problem.loc} {problem.message.removeprefix('file ')}"
    return SourceText(rel, hashlib.sha256(raw).hexdigest(), normalize(text))
