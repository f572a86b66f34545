"""Agency names as written in a plan → vocabulary agency ids, and vocabulary suggestions for the rest.

A plan names its departments in short, local forms (市经信委, 市经济和信息化委, 发改委) and often writes
the region prefix once for a whole list: in Jinan's “市发改委、科技局”, 科技局 is 市科技局. Resolution
therefore looks a name up among the aliases of the agencies of the plan's region (then of its parent
regions: a provincial plan may name a national body) and, for a bare name, also under the prefix of
the previous prefixed name in the list. The name itself is always kept exactly as written.

Names the vocabulary lacks are not errors: ``suggest_entries`` writes a YAML snippet a contributor
can review and paste into site_config/agencies.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import yaml
from pypinyin import lazy_pinyin

from generator.text.folding import fold
from generator.model import AgencyRef, Vocabulary
from generator.text.verbatim import normalize

__all__ = [
    "AgencyResolver",
    "qualify_names",
    "resolve_names",
    "suggest_entries",
    "unresolved_names",
]

# Region prefixes that a list writes once and means for every bare name after it.
PREFIXES = ("省", "市", "区", "县")
# A bare name takes the distributed prefix only if it reads as a department of that government
# (科技局, 经济和信息化委, 民政局) — not a bank branch, a company, a town or a body named for a place.
_DEPARTMENT = re.compile(r"(?:局|委|办|厅|委员会|办公室|中心|社|联)$")
_NOT_DEPARTMENT = re.compile(
    r"^(?:各|有关|相关|上述|国家|中国|中央|人民银行|人行)|银行|分行|支行|海关|公司|集团|大学|学院|总队|管委会|街道|镇$"
)


def qualify_names(names: Sequence[str], *, place_names: Iterable[str] = ()) -> tuple[str, ...]:
    """Each name with the region prefix of the previous prefixed name distributed over it.

    ``qualify_names(["市发改委", "科技局"]) == ("市发改委", "市科技局")``. Names that already carry a
    prefix, collective references (各县(市)区政府) and bodies named for a place (济南高新区管委会,
    when ``place_names`` contains 济南) are returned unchanged.
    """
    places = tuple(sorted((p for p in place_names if p), key=len, reverse=True))
    out: list[str] = []
    prefix: str | None = None
    for name in names:
        folded = fold(name)  # 區/縣 are prefixes too; the prefix is carried as written
        head = _region_head(folded, places)
        if head:
            prefix = name[: len(head)]  # 济南市发改委、科技局: 科技局 is 济南市科技局
            out.append(name)
        elif folded.startswith(PREFIXES):
            prefix = name[0]
            out.append(name)
        elif prefix and _distributes_to(folded, places):
            out.append(prefix + name)
        else:
            out.append(name)
    return tuple(out)


def _region_head(name: str, places: tuple[str, ...]) -> str | None:
    """The full region name that opens ``name`` (济南市 in 济南市发改委), if any."""
    for p in places:
        if p.endswith(PREFIXES) and name.startswith(p) and len(name) > len(p):
            return p
    return None


def _distributes_to(name: str, places: tuple[str, ...]) -> bool:
    return (
        bool(_DEPARTMENT.search(name))
        and not _NOT_DEPARTMENT.search(name)
        and not any(p in name for p in places)
    )


def _key(name: str) -> str:
    """Lookup key: whitespace, width and script folded (各县（市）区政府 = 各县(市)区政府, 發改委 = 发改委)."""
    return normalize(fold(name))


class AgencyResolver:
    """Looks names up among the aliases of one region's agencies (and its parent regions').

    Build one per plan and reuse it: the alias index is computed once.
    """

    def __init__(self, vocab: Vocabulary, region: str) -> None:
        self.region = region
        chain: list[str] = []
        seen: set[str] = set()
        current: str | None = region
        while current is not None and current not in seen:
            seen.add(current)
            chain.append(current)
            r = vocab.regions.get(current)
            current = r.parent if r is not None else None
        self._chain = tuple(chain)
        # Place names that mark a body as "named for a place" rather than a bare department.
        self.place_names = tuple(
            sorted({n for r in vocab.regions.values() for n in (r.name, r.short_name) if n}, key=len,
                   reverse=True)
        )
        # The full names of the plan's own regions: 济南市科技局 in a Jinan plan is its 市科技局.
        self._own_names = tuple(
            sorted({vocab.regions[r].name for r in chain if r in vocab.regions}, key=len, reverse=True)
        )
        # One index per region of the chain, nearest first; within a region, file order wins.
        self._index: list[dict[str, str]] = []
        for reg in chain:
            idx: dict[str, str] = {}
            for agency in vocab.agencies.values():
                if agency.region != reg:
                    continue
                for form in (agency.name, *agency.aliases):
                    idx.setdefault(_key(form), agency.id)
            self._index.append(idx)

    def lookup(self, name: str) -> str | None:
        """The id of the agency that ``name`` (one exact form) denotes, or None."""
        key = _key(name)
        for idx in self._index:
            if key in idx:
                return idx[key]
        return None

    def resolve(self, names: Sequence[str]) -> tuple[AgencyRef, ...]:
        """An ``AgencyRef`` per name: as written, with the id found as written or prefix-qualified."""
        qualified = qualify_names(names, place_names=self.place_names)
        refs = []
        for name, full in zip(names, qualified):
            agency = None
            for candidate in self._candidates(name, full):
                agency = self.lookup(candidate)
                if agency is not None:
                    break
            refs.append(AgencyRef(name=name, agency=agency))
        return tuple(refs)

    def _candidates(self, name: str, full: str) -> list[str]:
        """Forms to look up, most literal first: as written, prefix-qualified, and either with a
        full region name cut to its level (济南市科技局 → 市科技局)."""
        out = [name, full]
        for form in (name, full):
            head = _region_head(fold(form), self._own_names)
            if head:
                out.append(form[len(head) - 1 :])
        return list(dict.fromkeys(out))

    def unresolved(self, names: Sequence[str]) -> list[tuple[str, str]]:
        """``(region, qualified name)`` for every name that doesn't resolve, for ``suggest_entries``."""
        qualified = qualify_names(names, place_names=self.place_names)
        return [
            (self.region, full)
            for ref, full in zip(self.resolve(names), qualified)
            if ref.agency is None
        ]


def resolve_names(names: Sequence[str], *, region: str, vocab: Vocabulary) -> tuple[AgencyRef, ...]:
    """Resolve one list of names as written (one role of one annotation) in ``region``."""
    return AgencyResolver(vocab, region).resolve(names)


def unresolved_names(names: Sequence[str], *, region: str, vocab: Vocabulary) -> list[tuple[str, str]]:
    """``(region, qualified name)`` of the names the vocabulary lacks (科技局 → 市科技局)."""
    return AgencyResolver(vocab, region).unresolved(names)


def suggest_entries(unresolved: Iterable[tuple[str, str]], *, taken_ids: Iterable[str] = ()) -> str:
    """A YAML snippet proposing site_config/agencies.yaml entries for ``(region, name)`` pairs.

    One entry per distinct pair in first-seen order; the id is ``<region>-<pinyin of the short
    form>`` (市经信委 → ``jinan-jingxinwei``), made unique within the snippet and against
    ``taken_ids`` (the vocabulary's ids). The canonical
    ``name`` still wants a human (济南市经济和信息化委员会) and ``type`` an agency type.
    Returns "" when there is nothing to suggest.
    """
    entries = []
    seen: set[tuple[str, str]] = set()
    ids: set[str] = set(taken_ids)
    for region, name in unresolved:
        if (region, name) in seen:
            continue
        seen.add((region, name))
        base = f"{region}-{_slug(name)}"
        agency_id, n = base, 2
        while agency_id in ids:
            agency_id, n = f"{base}-{n}", n + 1
        ids.add(agency_id)
        entries.append({"id": agency_id, "region": region, "name": name, "aliases": [name],
                        "type": None})
    if not entries:
        return ""
    header = ("# Suggested site_config/agencies.yaml entries for names the vocabulary lacks.\n"
              "# Review each: set the full canonical name, add the short forms as aliases, pick a type.\n")
    body = yaml.safe_dump({"agencies": entries}, allow_unicode=True, sort_keys=False, width=1000)
    return header + body


def _slug(name: str) -> str:
    """Pinyin slug of a name's short form: 市经信委 → jingxinwei, 各县(市)区政府 → gexianshiquzhengfu."""
    name = fold(name)
    short = name[1:] if name.startswith(PREFIXES) and len(name) > 2 else name
    text = unicodedata.normalize("NFKC", "".join(lazy_pinyin(short))).lower()
    slug = re.sub(r"[^a-z0-9]+", "", text)
    return slug or "agency"
