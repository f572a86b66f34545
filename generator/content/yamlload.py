"""YAML → plain data plus the position of every key and value, for errors at ``path:line:col``.

PyYAML's loaders throw positions away once they build Python objects, and its YAML 1.1 rules
surprise contributors (``no`` is False, ``010`` is 8, ``2016-02-30`` raises while ``2016-06-02`` turns
into a date). So we read the parser's events, which carry marks, and build the data ourselves with
YAML 1.2 core-schema rules, the ones the editor's yaml-language-server applies:

- a plain scalar is null (``null``, ``~``, empty), a boolean (``true``/``false``), a decimal integer
  (``0``, ``-12``; a leading zero as in ``010`` keeps it a string), a decimal float, or else a string;
  ``yes``/``no``/``on``/``off`` and dates stay strings — date fields are checked by the schema;
- a quoted scalar is always a string;
- explicit tags (``!!python/object``, ``!foo``) are refused, except ``!!str``: content is data only;
- anchors and aliases are refused: they make one node appear in many places (and can blow up);
- a key repeated in one mapping is an error, not silently "last one wins";
- a file holds exactly one document, nested at most ``MAX_DEPTH`` levels.

The build is iterative (no recursion, so no nesting can crash it); libyaml's parser feeds it when
available, and PyYAML's pure-Python parser, the reference for error messages, re-reads any file
libyaml rejects. Nothing here raises for bad content: every problem becomes a ``Problem``.

Why not ruamel.yaml (tried with 0.19.1 and ruamel.yaml.clib 0.2.15 on every file of content/ and
site_config/ and on the cases of tests/content): it parses with positions, but it would not replace
this module, only its parser. Its round-trip loader, the one that keeps line/column per key and
value (``.lc``), resolves ``010`` to 10 and ``2016-06-02`` to a date (so a resolver of our own
stays); it raises at the first duplicate key or unknown tag (one problem per run instead of all,
and without the line of the first key); it resolves anchors and aliases silently and takes
``? [k]`` as a key, so refusing them still takes a walk over its events; it recurses (3,000 nested
brackets raise RecursionError); and it read the project's files 13× slower than this module (0.93
s against 0.07 s; its C loader, 0.21 s, has no positions). PyYAML stays a dependency either way
(the importer writes drafts with it). What is hand-written here is the builder over the parser's
events, which ruamel.yaml would need as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Protocol, TypeAlias

import yaml
from yaml.events import (AliasEvent, CollectionStartEvent, DocumentStartEvent, Event, MappingEndEvent,
                         MappingStartEvent, NodeEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent,
                         StreamEndEvent)
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.scanner import Scanner

from ..errors import Problem
from ..model import Loc

# JSON-pointer-like path of a value in a document: ("sections", 0, "tasks", 2, "text").
Path_ = tuple[str | int, ...]
# What a content file holds once read: YAML's plain data (keys are always strings here).
Data: TypeAlias = "None | bool | int | float | str | list[Data] | dict[str, Data]"


class _Mark(Protocol):
    """A position in the text, as both PyYAML's and libyaml's marks give it (0-based)."""

    @property
    def index(self) -> int: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


class _Events(Protocol):
    """An event parser: PyYAML's pure-Python one or libyaml's."""

    def get_event(self) -> Event | None: ...
    def dispose(self) -> None: ...


CParser: Callable[[str], _Events] | None
try:  # libyaml is optional: without it every file takes the pure-Python parser
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    CParser = None

MAX_DEPTH = 32  # plans nest sections a few levels; deeper is a mistake or an attack
MAX_FILE_BYTES = 4 * 1024 * 1024  # the largest plan is under 100 kB: 4 MiB is a mistake or an attack
_MAX_DIGITS = 30  # an integer literal longer than this is no figure a plan states
_STR = "tag:yaml.org,2002:str"
_ALLOWED_TAGS: dict[type[Event], set[str]] = {
    ScalarEvent: {_STR}, SequenceStartEvent: {"tag:yaml.org,2002:seq"},
    MappingStartEvent: {"tag:yaml.org,2002:map"}}

_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")


class _PyParser(Reader, Scanner, Parser):
    """PyYAML's pure-Python event parser: slower, but its error messages are the reference."""

    def __init__(self, stream: str):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


@dataclass(frozen=True)
class Document:
    """One YAML file as plain data (dicts, lists, str, int, float, bool, None) with positions.

    ``loc(path)`` is where the value at ``path`` starts; ``key_loc(path)`` where its key is written
    (for "unknown key" errors). Both fall back to the nearest enclosing position.
    """

    path: str  # relative to the project root, as printed in errors
    data: Data
    first_line: str
    _values: dict[Path_, Loc] = field(default_factory=dict, repr=False)
    _keys: dict[Path_, Loc] = field(default_factory=dict, repr=False)

    def loc(self, path: Path_ = ()) -> Loc:
        path = tuple(path)
        while path not in self._values and path:
            path = path[:-1]
        return self._values.get(path, Loc(self.path, 1, 1))

    def key_loc(self, path: Path_) -> Loc:
        path = tuple(path)
        return self._keys.get(path) or self.loc(path)


def _loc(rel: str, mark: _Mark | None) -> Loc:
    # Every event and token the parsers give carries its marks; the stubs allow None.
    return Loc(rel, mark.line + 1, mark.column + 1) if mark is not None else Loc(rel, 1, 1)


def _codepoint(character: int | str) -> str:
    code = character if isinstance(character, int) else ord(character)
    return f"U+{code:04X}"


def _plain_value(text: str) -> Data:
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        # Python refuses to parse integers of thousands of digits (a ValueError, not a value):
        # a literal that long is kept as a float, infinite, for the schema's range check to refuse.
        return int(text) if len(text) <= _MAX_DIGITS else float(text)
    if _FLOAT.match(text):
        return float(text)
    return text


class _Key(Enum):
    """What a mapping frame expects next when it holds no key name."""

    EXPECTED = "the next value is a key"
    REFUSED = "the next value belongs to a refused or duplicate key: consumed, not stored"


@dataclass
class _Frame:
    """An open sequence or mapping. ``path`` is None when the value is consumed but not stored
    (under a refused or duplicate key, too deep …); ``key`` is the pending key of a mapping."""

    container: dict[str, Data] | list[Data]
    path: Path_ | None
    refused: bool
    start: CollectionStartEvent
    key: str | _Key = _Key.EXPECTED


class _Builder:
    """Builds data from parser events with an explicit stack, recording positions and problems."""

    def __init__(self, rel: str):
        self.rel = rel
        self.values: dict[Path_, Loc] = {}
        self.keys: dict[Path_, Loc] = {}
        self.problems: list[Problem] = []

    def problem(self, mark: _Mark | None, message: str) -> None:
        self.problems.append(Problem(_loc(self.rel, mark), message))

    def build(self, parser: _Events) -> tuple[Data, bool]:
        """Consume the stream; return (data, ok). Not ok: a second document (data is None)."""
        stack: list[_Frame] = []
        root: Data = None
        documents = 0
        too_deep_reported = False
        while True:
            event = parser.get_event()
            value: Data
            begun: NodeEvent  # where the finished value started (for a collection: its start event)
            if event is None or isinstance(event, StreamEndEvent):
                return root, True
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.problem(event.start_mark, "YAML syntax error: expected a single document in the "
                                                   "stream (but found another document)")
                    return None, False
                continue
            if isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                frame = stack.pop()
                path, begun = frame.path, frame.start
                value = None if frame.refused or path is None else frame.container
            elif isinstance(event, (ScalarEvent, CollectionStartEvent, AliasEvent)):
                path = self._path_of_next(stack, event)
                refused = self._refused(event)
                begun = event
                if isinstance(event, AliasEvent):
                    self.problem(event.start_mark, "YAML aliases (*name) are not allowed: write the value out")
                    value = None
                elif isinstance(event, ScalarEvent):
                    value = None if refused else self._scalar(event)
                else:
                    if len(stack) >= MAX_DEPTH and path is not None:
                        if not too_deep_reported:
                            self.problem(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
                            too_deep_reported = True
                        path = None
                    container: dict[str, Data] | list[Data] = {} if isinstance(event, MappingStartEvent) else []
                    stack.append(_Frame(container, path, refused, event))
                    continue
            else:  # StreamStart, DocumentEnd
                continue
            if not stack:
                root = value
            else:
                self._place(stack[-1], value, path, begun)

    def _path_of_next(self, stack: list[_Frame], event: NodeEvent) -> Path_ | None:
        """The path the value starting at ``event`` will have (None: it is not stored); records its mark."""
        path: Path_
        if not stack:
            path = ()
        else:
            frame = stack[-1]
            if frame.path is None:
                return None
            if isinstance(frame.container, list):
                path = frame.path + (len(frame.container),)
            elif isinstance(frame.key, _Key):
                return None  # this value is a key (placed by _place), or the value of a refused one
            else:
                path = frame.path + (frame.key,)
        self.values[path] = _loc(self.rel, event.start_mark)
        return path

    def _refused(self, event: NodeEvent) -> bool:
        if event.anchor is not None:
            self.problem(event.start_mark, "YAML anchors (&name) are not allowed: write the value out")
        tag = event.tag if isinstance(event, (ScalarEvent, CollectionStartEvent)) else None
        if tag in (None, "!") or tag in _ALLOWED_TAGS.get(type(event), ()):
            return False
        self.problem(event.start_mark, f"YAML tag '{tag}' is not allowed: content files hold plain data only")
        return True

    @staticmethod
    def _scalar(event: ScalarEvent) -> Data:
        if event.tag is None and event.implicit[0]:
            return _plain_value(event.value)
        return event.value

    def _place(self, frame: _Frame, value: Data, path: Path_ | None, event: NodeEvent) -> None:
        """Put a finished value (begun by ``event``) into its parent: an item, a key, or a key's value."""
        container, parent = frame.container, frame.path
        if isinstance(container, list):
            if parent is not None:
                container.append(value)
            return
        if frame.key is _Key.EXPECTED:  # ``value`` is a key
            frame.key = _Key.REFUSED
            if not isinstance(event, ScalarEvent):
                self.problem(event.start_mark, "a mapping key must be a plain name")
            elif parent is not None:
                name = event.value
                if name in container:
                    first = self.keys[parent + (name,)]
                    self.problem(event.start_mark,
                                 f"duplicate key '{name}' (first given at line {first.line}): remove one")
                else:
                    self.keys[parent + (name,)] = _loc(self.rel, event.start_mark)
                    frame.key = name
            return
        if isinstance(frame.key, str) and parent is not None:
            container[frame.key] = value
        frame.key = _Key.EXPECTED


def _read(parser_class: Callable[[str], _Events], text: str, rel: str) -> tuple[Data, bool, _Builder]:
    parser = parser_class(text)
    try:
        builder = _Builder(rel)
        data, ok = builder.build(parser)
        return data, ok, builder
    finally:
        parser.dispose()


_BRACKET_LIMIT = 1000


def _runaway_brackets(text: str) -> tuple[int, int] | None:
    """(line, col) where [ and { nest past ``_BRACKET_LIMIT``, else None.

    YAML parsers take time quadratic in flow nesting (a 100 kB file of brackets takes a minute),
    so such a file is refused before parsing. Brackets inside strings count too: this only has to
    be an upper bound, and real content never comes near the limit.
    """
    if text.count("[") + text.count("{") <= _BRACKET_LIMIT:
        return None
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > _BRACKET_LIMIT:
                line = text.count("\n", 0, index) + 1
                return line, index - (text.rfind("\n", 0, index) + 1) + 1
        elif char in "]}" and depth:
            depth -= 1
    return None


# A line of YAML structure (``key: …`` or ``- …``) inside a quoted string: the quote was not closed.
_SWALLOWED = re.compile(r"\n[ \t]*(?:- |[A-Za-z_][\w-]*:(?: |$))", re.M)


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, rel: str) -> Problem:
    """The syntax error at its root cause: an unclosed quote or bracket where it opens, not where
    the parser finally gave up (often the end of the file)."""
    mark = err.problem_mark or err.context_mark
    message = err.problem or err.context or "invalid YAML"
    if err.context and err.problem:
        # PyYAML says either "expected X (while parsing Y)" or "expected X / but found Z"
        message = (f"{err.context} ({err.problem})" if err.problem.startswith("but ")
                   else f"{err.problem} ({err.context})")
    where = f"line {mark.line + 1}" if mark else "the end"
    if err.context == "while scanning a quoted scalar" and err.context_mark:
        return Problem(_loc(rel, err.context_mark), "YAML syntax error: unclosed quote: the string that "
                       f"starts here is never closed (the parser reached {where}): add the closing quote")
    if (err.context or "").startswith("while parsing a flow") and err.context_mark \
            and (err.problem or "").startswith("expected ','"):
        bracket = text_at(text, err.context_mark)
        return Problem(_loc(rel, err.context_mark), f"YAML syntax error: unclosed '{bracket}': the list or "
                       f"mapping that starts here is not closed before {where} ({message})")
    runaway = _runaway_quote(text, mark)
    if runaway is not None:
        return Problem(_loc(rel, runaway.start_mark), "YAML syntax error: unclosed quote? the string that "
                       f"starts here runs on to line {runaway.end_mark.line + 1} and swallows lines that "
                       f"look like YAML keys; then, at {where}: {message}")
    return Problem(_loc(rel, mark) if mark else Loc(rel, 1, 1), f"YAML syntax error: {message}")


def text_at(text: str, mark: _Mark) -> str:
    return text[mark.index] if 0 <= mark.index < len(text) else "?"


class _Tokens(Protocol):
    """PyYAML's scanner, as ``_runaway_quote`` uses it."""

    def get_token(self) -> yaml.Token | None: ...
    def dispose(self) -> None: ...


def _runaway_quote(text: str, mark: _Mark | None) -> yaml.ScalarToken | None:
    """The first quoted scalar before ``mark`` that spans lines holding YAML structure, or None."""
    if mark is None:
        return None
    scanner: _Tokens = _PyParser(text)
    try:
        while True:
            token = scanner.get_token()
            if token is None or token.start_mark.index >= mark.index:
                return None
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.end_mark.line > token.start_mark.line \
                    and _SWALLOWED.search(text, token.start_mark.index, token.end_mark.index):
                return token
    except yaml.YAMLError:
        return None
    finally:
        scanner.dispose()


def decode_utf8(raw: bytes, rel: str) -> tuple[str, Problem | None]:
    """``raw`` as UTF-8 text, or the problem at the first byte that is not, naming the likely encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(Loc(rel, 1, 1), "file is UTF-16 (it starts with a UTF-16 byte order mark): "
                                           "save it as UTF-8")
    if b"\x00" in raw[:4096]:
        # ASCII in UTF-16 decodes as UTF-8 with NULs between: the first invalid byte is far away
        return "", Problem(Loc(rel, 1, 1), "file holds NUL bytes: it looks like UTF-16 without a byte order "
                                           "mark, or a binary file: save it as UTF-8 text")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        hint = "save it as UTF-8"
        try:
            raw.decode("gb18030")
            hint = "it looks like GBK/GB18030: convert it, e.g. iconv -f GB18030 -t UTF-8"
        except UnicodeDecodeError:
            pass
        return "", Problem(Loc(rel, line, col), f"file is not valid UTF-8 (byte 0x{raw[err.start]:02X}): {hint}")


def load_yaml(file: Path, rel: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file. Returns the document (None when it cannot be read) and its problems."""
    start = Loc(rel, 1, 1)
    if file.is_symlink():
        # A link could make CI read (and report, or publish) a file from outside the repository.
        return None, [Problem(start, "must be a regular file, not a symbolic link")]
    try:
        if not file.is_file():
            return None, [Problem(start, "must be a regular file")]
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(start, f"file is {size / 1024 / 1024:.1f} MiB: content files are at most "
                                         f"{MAX_FILE_BYTES // 1024 // 1024} MiB (content/README.md, Limits)")]
        raw = file.read_bytes()
    except OSError as err:
        return None, [Problem(start, f"cannot read file: {err.strerror}")]
    text, problem = decode_utf8(raw, rel)
    if problem is not None:
        return None, [problem]
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0].rstrip("\r")
    runaway = _runaway_brackets(text)
    if runaway is not None:
        return None, [Problem(Loc(rel, *runaway), f"brackets nested more than {_BRACKET_LIMIT} levels deep: "
                                                  "content files nest a few levels")]
    if CParser is not None and not Reader.NON_PRINTABLE.search(text):
        try:
            data, ok, builder = _read(CParser, text, rel)
        except yaml.YAMLError:
            pass  # re-read by the pure-Python parser below, for the reference message and position
        else:
            return (Document(rel, data, first_line, builder.values, builder.keys) if ok else None), builder.problems
    try:
        data, ok, builder = _read(_PyParser, text, rel)
    except ReaderError as err:
        before = text[: err.position]
        line = before.count("\n") + 1
        col = err.position - (before.rfind("\n") + 1) + 1
        return None, [Problem(Loc(rel, line, col),
                              f"YAML syntax error: character {_codepoint(err.character)} is not allowed "
                              "in YAML: remove it")]
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, text, rel)]
    return (Document(rel, data, first_line, builder.values, builder.keys) if ok else None), builder.problems
