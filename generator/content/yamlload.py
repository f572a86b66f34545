"""YAML → plain data plus the position of every key and value, for errors at ``path:line:col``.

PyYAML's loaders throw positions away once they build Python objects, and its YAML 1.1 rules
surprise contributors (``no`` is False, ``010`` is 8, ``2016-02-30`` raises while ``2016-06-02`` turns
into a date). So we parse to nodes, which keep their marks, and build the data ourselves with
YAML 1.2 core-schema rules, the ones the editor's yaml-language-server applies:

- a plain scalar is null (``null``, ``~``, empty), a boolean (``true``/``false``), a decimal integer
  (``0``, ``-12``; a leading zero as in ``010`` keeps it a string), a decimal float, or else a string;
  ``yes``/``no``/``on``/``off`` and dates stay strings — date fields are checked by the schema;
- a quoted scalar is always a string;
- explicit tags (``!!python/object``, ``!foo``) are refused, except ``!!str``: content is data only;
- anchors and aliases are refused: they make one node appear in many places (and can blow up);
- a key repeated in one mapping is an error, not silently "last one wins";
- a file holds exactly one document.

Nothing here raises for bad content: every problem becomes a ``Problem`` at its exact location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

try:  # libyaml is optional: without it every file takes the pure-Python path
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    CParser = None

from ..errors import Problem
from ..model import Loc

# JSON-pointer-like path of a value in a document: ("sections", 0, "tasks", 2, "text").
Path_ = tuple[str | int, ...]

_PLAIN = "!plain"  # our tag for an untagged plain scalar: resolved by _plain_value
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")


class _Resolver(BaseResolver):
    """Tags nothing implicitly: plain scalars get ``!plain`` and are typed by ``_plain_value``."""

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if implicit[0]:
                return _PLAIN
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


class _Composer(Composer):
    """Composer that records aliases as problems instead of sharing nodes."""

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.get_event()
            self.alias_marks.append(event.start_mark)
            return ScalarNode(_PLAIN, "", event.start_mark, event.end_mark)  # null
        return super().compose_node(parent, index)

    def compose_scalar_node(self, anchor):
        node = super().compose_scalar_node(None)
        if anchor is not None:
            self.anchor_marks.append(node.start_mark)
        return node

    def compose_sequence_node(self, anchor):
        node = super().compose_sequence_node(None)
        if anchor is not None:
            self.anchor_marks.append(node.start_mark)
        return node

    def compose_mapping_node(self, anchor):
        node = super().compose_mapping_node(None)
        if anchor is not None:
            self.anchor_marks.append(node.start_mark)
        return node


class _FastLoader(*((CParser,) if CParser else ()), _Resolver):
    """libyaml's parser with our resolver: ~15x faster, same nodes and marks (tested).

    Used only for text that cannot hold anchors or aliases and has no characters YAML forbids;
    anything it rejects is parsed again by ``_Loader``, whose messages and positions are the
    reference. A corpus of 300 plans then checks in seconds, not minutes.
    """

    def __init__(self, stream: str):
        CParser.__init__(self, stream)
        _Resolver.__init__(self)


class _Loader(Reader, Scanner, Parser, _Composer, _Resolver):
    def __init__(self, stream: str):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        _Resolver.__init__(self)
        self.alias_marks: list = []
        self.anchor_marks: list = []


@dataclass(frozen=True)
class Document:
    """One YAML file as plain data (dicts, lists, str, int, float, bool, None) with positions.

    ``loc(path)`` is where the value at ``path`` starts; ``key_loc(path)`` where its key is written
    (for "unknown key" errors). Both fall back to the nearest enclosing position.
    """

    path: str  # relative to the project root, as printed in errors
    data: object
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


def _loc(rel: str, mark) -> Loc:
    return Loc(rel, mark.line + 1, mark.column + 1)


def _codepoint(character) -> str:
    code = character if isinstance(character, int) else ord(character)
    return f"U+{code:04X}"


def _plain_value(text: str):
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


class _Builder:
    """Turns a node tree into data, recording positions and problems."""

    def __init__(self, rel: str):
        self.rel = rel
        self.values: dict[Path_, Loc] = {}
        self.keys: dict[Path_, Loc] = {}
        self.problems: list[Problem] = []

    def build(self, node: Node, path: Path_):
        self.values[path] = _loc(self.rel, node.start_mark)
        if node.tag not in (_PLAIN, _STR, _SEQ, _MAP):
            self.problems.append(Problem(
                _loc(self.rel, node.start_mark),
                f"YAML tag '{node.tag}' is not allowed: content files hold plain data only"))
            return None
        if isinstance(node, ScalarNode):
            return _plain_value(node.value) if node.tag == _PLAIN else node.value
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problems.append(Problem(_loc(self.rel, key_node.start_mark),
                                             "a mapping key must be a plain name"))
                continue
            key = key_node.value
            if key in result:
                first = self.keys[path + (key,)]
                self.problems.append(Problem(
                    _loc(self.rel, key_node.start_mark),
                    f"duplicate key '{key}' (first given at line {first.line}): remove one"))
                continue
            self.keys[path + (key,)] = _loc(self.rel, key_node.start_mark)
            result[key] = self.build(value_node, path + (key,))
        return result


def _fast_compose(text: str) -> Node | None:
    """The node tree through libyaml when that is safe and succeeds, else None."""
    if CParser is None or "&" in text or "*" in text or Reader.NON_PRINTABLE.search(text):
        return None
    loader = _FastLoader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return None  # the pure-Python loader reports it with its exact message
    finally:
        loader.dispose()


def load_yaml(file: Path, rel: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file. Returns the document (None when it cannot be read) and its problems."""
    start = Loc(rel, 1, 1)
    try:
        raw = file.read_bytes()
    except OSError as err:
        return None, [Problem(start, f"cannot read file: {err.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [Problem(Loc(rel, line, col), "file is not valid UTF-8: save it as UTF-8")]
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0].rstrip("\r")
    node = _fast_compose(text)
    if node is not None:
        builder = _Builder(rel)
        data = builder.build(node, ())
        return Document(rel, data, first_line, builder.values, builder.keys), builder.problems
    loader = None
    try:
        loader = _Loader(text)  # the reader rejects control characters already here
        node = loader.get_single_node()
    except ReaderError as err:
        before = text[: err.position]
        line = before.count("\n") + 1
        col = err.position - (before.rfind("\n") + 1) + 1
        return None, [Problem(Loc(rel, line, col),
                              f"YAML syntax error: character {_codepoint(err.character)} is not allowed "
                              "in YAML: remove it")]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = err.problem or err.context or "invalid YAML"
        if err.context and err.problem:
            # PyYAML says either "expected X (while parsing Y)" or "expected X / but found Z"
            message = (f"{err.context} ({err.problem})" if err.problem.startswith("but ")
                       else f"{err.problem} ({err.context})")
        loc = _loc(rel, mark) if mark else start
        return None, [Problem(loc, f"YAML syntax error: {message}")]
    finally:
        if loader is not None:
            loader.dispose()
    problems = [Problem(_loc(rel, m), "YAML anchors (&name) are not allowed: write the value out")
                for m in loader.anchor_marks]
    problems += [Problem(_loc(rel, m), "YAML aliases (*name) are not allowed: write the value out")
                 for m in loader.alias_marks]
    if node is None:
        return Document(rel, None, first_line, {(): start}), problems
    builder = _Builder(rel)
    data = builder.build(node, ())
    problems += builder.problems
    return Document(rel, data, first_line, builder.values, builder.keys), problems
