"""The controlled vocabularies in ``site_config/``: regions, domains, agency types, agencies, indicators.

They are what makes cross-linking possible, so a mistake in them (a duplicate id, an agency in a
region that does not exist, one alias naming two agencies of the same region) breaks links silently
unless it is caught here. ``read_vocabulary`` collects every problem; ``load_vocabulary`` raises them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, TypeVar

from ..errors import ContentError, Problem
from ..model import Agency, AgencyType, Domain, Indicator, Loc, Region, SynonymGroup, Unit, Vocabulary
from ..text.folding import fold
from .checked import Checked, read_checked
from .yamlload import Data, Document, Path_

FILES = ("regions", "domains", "agency_types", "agencies", "indicators")
# read when present: an atlas without synonyms searches the words as typed
OPTIONAL_FILES = ("synonyms",)


def load_vocabulary(site_config: Path) -> Vocabulary:
    """Load and validate every vocabulary file in ``site_config``; raise ContentError with all problems.

    Locations are relative to the folder above ``site_config`` (the project root).
    """
    vocab, problems, _ = read_vocabulary(Path(site_config).parent, Path(site_config).name)
    if problems:
        raise ContentError(problems)
    return vocab


def read_vocabulary(root: Path, folder: str = "site_config"
                    ) -> tuple[Vocabulary, list[Problem], frozenset[str]]:
    """The vocabularies under ``root/folder`` (whatever could be read), every problem found, and the
    names of the files that could not be read at all (references into them are not checked: one
    broken file must not bury its own error under a thousand "unknown agency" lines)."""
    problems: list[Problem] = []
    checked: dict[str, Checked] = {}
    for name in FILES:
        rel = f"{folder}/{name}.yaml"
        if not (root / rel).is_file():
            problems.append(Problem(Loc(rel), f"vocabulary file missing: {rel}"))
            checked[name] = Checked(None, ())
            continue
        checked[name] = read_checked(root, rel, name)
        problems += checked[name].problems

    for name in OPTIONAL_FILES:
        rel = f"{folder}/{name}.yaml"
        checked[name] = read_checked(root, rel, name) if (root / rel).is_file() else Checked(None, ())
        problems += checked[name].problems

    paths: dict[tuple[str, str], Path_] = {}  # (file, id) → path of the entry in its file
    regions = _entries(checked["regions"], "regions", "region", problems, _region, paths)
    domains = _entries(checked["domains"], "domains", "domain", problems, _domain, paths)
    agency_types = _entries(checked["agency_types"], "agency_types", "agency type", problems,
                            _agency_type, paths)
    agencies = _entries(checked["agencies"], "agencies", "agency", problems, _agency, paths)
    indicators = _entries(checked["indicators"], "indicators", "indicator", problems, _indicator, paths)
    units = _units(root, folder, problems)
    synonyms, synonym_problems = _synonym_groups(checked["synonyms"])
    problems += synonym_problems
    vocab = Vocabulary(regions, domains, agency_types, agencies, indicators, units=units, synonyms=synonyms)

    docs = {name: c.doc for name, c in checked.items() if c.doc is not None}

    def at(entry: _Entry, *field: str | int) -> Loc:
        """Where ``field`` of a vocabulary entry is written (entries carry their own line only)."""
        kind = _KIND[type(entry)]
        return docs[kind].loc(paths[kind, entry.id] + field)

    # A file that could not be parsed, or whose list is missing or malformed, is "unreadable": every
    # reference into it would be a follow-on error of the one problem already reported.
    unreadable = frozenset(name for name, c in checked.items() if _list_of(c, name) is None)
    problems += _cross_check(vocab, at, unreadable)
    return vocab, problems, unreadable


def _list_of(checked: Checked, key: str) -> tuple[Document, list[Data]] | None:
    """The file's document and the list under its top-level ``key``, if the file holds one."""
    doc = checked.doc
    if doc is None or not isinstance(doc.data, dict):
        return None
    items = doc.data.get(key)
    return (doc, items) if isinstance(items, list) else None


class _Entry(Protocol):
    """What every vocabulary entry has: an id, and where it was read."""

    @property
    def id(self) -> str: ...
    @property
    def loc(self) -> Loc | None: ...


_E = TypeVar("_E", Region, Domain, AgencyType, Agency, Indicator)


def _line(loc: Loc | None) -> int:
    # every entry is built with the place it was read; model objects allow None (built in code)
    return loc.line if loc is not None else 1


def _units(root: Path, folder: str, problems: list[Problem]) -> dict[str, Unit]:
    """site_config/units.yaml, when there is one (without it, a target compares only in the unit
    its indicator names)."""
    rel = f"{folder}/units.yaml"
    if not (root / rel).is_file():
        return {}
    checked = read_checked(root, rel, "units")
    problems += checked.problems
    out: dict[str, Unit] = {}
    found = _list_of(checked, "units")
    if found is None:
        return out
    doc, items = found
    for i, raw in enumerate(items):
        name = raw.get("unit") if isinstance(raw, dict) else None
        if not isinstance(raw, dict) or not isinstance(name, str):
            continue
        given = raw.get("forms")
        forms = given if isinstance(given, dict) else {}
        unit = Unit(name, _str(raw, "name"),
                    tuple((str(k), float(v)) for k, v in forms.items() if isinstance(v, (int, float))),
                    loc=doc.loc(("units", i)))
        if unit.unit in out:
            problems.append(Problem(doc.loc(("units", i, "unit")), f"unit '{unit.unit}' is listed twice "
                                    f"(first at line {_line(out[unit.unit].loc)}): merge the two entries"))
            continue
        out[unit.unit] = unit
    return out


def _entries(checked: Checked, key: str, noun: str, problems: list[Problem],
             build: Callable[[str, dict[str, Data], Loc], _E], paths: dict[tuple[str, str], Path_]) -> dict[str, _E]:
    """Build each well-formed entry of a vocabulary list, reporting duplicate ids."""
    out: dict[str, _E] = {}
    found = _list_of(checked, key)
    if found is None:
        return out
    doc, items = found
    for i, raw in enumerate(items):
        path: Path_ = (key, i)
        # An entry that failed the schema is still built, leniently, so that references to its id
        # do not cascade into more errors; nothing is published while any problem stands.
        entry_id = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(raw, dict) or not isinstance(entry_id, str):
            continue
        entry = build(entry_id, raw, doc.loc(path))
        if entry.id == "index":
            problems.append(Problem(doc.loc(path + ("id",)), f"'index' cannot be a{'n' if noun[0] in 'aeiou' else ''} "
                                    f"{noun} id: it is the URL of the list page; choose another slug"))
            continue
        if entry.id in out:
            first = _line(out[entry.id].loc)
            problems.append(Problem(doc.loc(path + ("id",)),
                                    f"duplicate {noun} id '{entry.id}' (first defined at line {first})"))
            continue
        out[entry.id] = entry
        paths[key, entry.id] = path
    return out


def _str(raw: dict[str, Data], key: str) -> str | None:
    value = raw.get(key)
    return value if isinstance(value, str) else None


def _strs(raw: dict[str, Data], key: str) -> tuple[str, ...]:
    value = raw.get(key)
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _region(entry_id: str, raw: dict[str, Data], loc: Loc) -> Region:
    return Region(id=entry_id, name=_str(raw, "name") or "", level=_str(raw, "level") or "",
                  parent=_str(raw, "parent"), adcode=_str(raw, "adcode"),
                  short_name=_str(raw, "short_name"), loc=loc)


def _domain(entry_id: str, raw: dict[str, Data], loc: Loc) -> Domain:
    return Domain(id=entry_id, name=_str(raw, "name") or "", description=_str(raw, "description"),
                  heading_words=_strs(raw, "heading_words"), keywords=_strs(raw, "keywords"), loc=loc,
                  includes=_strs(raw, "includes"))


def _agency_type(entry_id: str, raw: dict[str, Data], loc: Loc) -> AgencyType:
    return AgencyType(id=entry_id, name=_str(raw, "name") or "", description=_str(raw, "description"),
                      loc=loc)


def _agency(entry_id: str, raw: dict[str, Data], loc: Loc) -> Agency:
    return Agency(id=entry_id, region=_str(raw, "region") or "", name=_str(raw, "name") or "",
                  aliases=_strs(raw, "aliases"), type=_str(raw, "type"), loc=loc)


def _indicator(entry_id: str, raw: dict[str, Data], loc: Loc) -> Indicator:
    return Indicator(id=entry_id, name=_str(raw, "name") or "", unit=_str(raw, "unit"),
                     aliases=_strs(raw, "aliases"), description=_str(raw, "description"), loc=loc)


def _synonym_groups(checked: Checked) -> tuple[tuple[SynonymGroup, ...], list[Problem]]:
    """The groups of synonyms.yaml; a word may stand in one group only (two groups naming it would
    make one query expand into unrelated words), and only once in it."""
    found = _list_of(checked, "groups")
    if found is None:
        return (), []
    doc, items = found
    groups: list[SynonymGroup] = []
    problems: list[Problem] = []
    first: dict[str, int] = {}  # folded word → line of the group that has it
    for i, raw in enumerate(items):
        if not isinstance(raw, dict):
            continue
        words = _strs(raw, "words")
        loc = doc.loc(("groups", i))
        for k, word in enumerate(words):
            key = fold(word).lower()
            if key in first:
                where = "this group" if first[key] == loc.line else f"the group at line {first[key]}"
                problems.append(Problem(doc.loc(("groups", i, "words", k)),
                                        f"synonym '{word}' is already in {where}: a word belongs to one group"))
            else:
                first[key] = loc.line
        groups.append(SynonymGroup(words, _str(raw, "kind") or "same", _str(raw, "note"), loc=loc))
    return tuple(groups), problems


_KIND: dict[type[_Entry], str] = {Region: "regions", Domain: "domains", AgencyType: "agency_types", Agency: "agencies",
         Indicator: "indicators"}


class _At(Protocol):
    """Where a field of a vocabulary entry is written."""

    def __call__(self, entry: _Entry, *field: str | int) -> Loc: ...


def _cross_check(vocab: Vocabulary, at: _At, unreadable: frozenset[str] = frozenset()) -> list[Problem]:
    """References between vocabularies, and names that would resolve ambiguously (references into
    an unreadable file are not checked: its own problem is the root cause)."""
    out: list[Problem] = []
    for region in vocab.regions.values():
        if region.parent is not None and region.parent not in vocab.regions:
            out.append(Problem(at(region, "parent"), f"region '{region.id}': unknown parent region '{region.parent}'"
                                           f"{_suggest(region.parent, vocab.regions)}"))
    out += _cycles(vocab.regions, at)
    names: dict[tuple[str, str], Agency] = {}
    for agency in vocab.agencies.values():
        if agency.region and agency.region not in vocab.regions and "regions" not in unreadable:
            out.append(Problem(at(agency, "region"), f"agency '{agency.id}': unknown region '{agency.region}'"
                                           f"{_suggest(agency.region, vocab.regions)}"))
        if agency.type is not None and agency.type not in vocab.agency_types \
                and "agency_types" not in unreadable:
            out.append(Problem(at(agency, "type"), f"agency '{agency.id}': unknown agency type '{agency.type}'"
                                           f"{_suggest(agency.type, vocab.agency_types)}"))
        for name in dict.fromkeys((agency.name, *agency.aliases)):
            other = names.setdefault((agency.region, name), agency)
            if other is not agency:
                out.append(Problem(at(agency, *_name_field(agency, name)), f"agency '{agency.id}': name '{name}' already names agency "
                                               f"'{other.id}' of region '{agency.region}' (line {_line(other.loc)})"
                                               ": a name must resolve to one agency"))
    indicator_names: dict[str, Indicator] = {}
    for indicator in vocab.indicators.values():
        for name in dict.fromkeys((indicator.name, *indicator.aliases)):
            named = indicator_names.setdefault(name, indicator)
            if named is not indicator:
                out.append(Problem(at(indicator, *_name_field(indicator, name)), f"indicator '{indicator.id}': name '{name}' already names "
                                                  f"indicator '{named.id}' (line {_line(named.loc)})"))
        if vocab.units and indicator.unit is not None and indicator.unit not in vocab.units:
            out.append(Problem(at(indicator, "unit"), f"indicator '{indicator.id}': unit '{indicator.unit}' is "
                               f"not in site_config/units.yaml{_suggest(indicator.unit, vocab.units)}"))
    return out


def _name_field(entry: Agency | Indicator, name: str) -> Path_:
    return ("name",) if name == entry.name else ("aliases", entry.aliases.index(name))


def _cycles(regions: dict[str, Region], at: _At) -> list[Problem]:
    """Each cycle of parent links once, at the first region of it in the file (a region whose chain
    merely leads into a cycle is a follow-on, not reported)."""
    out = []
    reported: set[str] = set()
    for region in regions.values():
        chain = [region.id]
        parent = region.parent
        while parent in regions and parent not in chain:
            chain.append(parent)
            parent = regions[parent].parent
        if parent != region.id or region.id in reported:
            continue
        reported.update(chain)
        path = " → ".join(chain + [region.id])
        out.append(Problem(at(region, "parent"), f"region '{region.id}': its parents form a cycle "
                                                 f"({path}): one of them must have another parent"))
    return out


def _suggest(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
