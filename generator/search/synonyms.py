"""Query expansion: the other words a reader may use for what a plan writes (电商 → 电子商务).

The groups come from two vocabularies:

* ``site_config/synonyms.yaml`` (``Vocabulary.synonyms``): abbreviations and variants the plans use
  (电商 = 电子商务, 远程医疗 ≈ 远程诊疗);
* indicators (``indicators.yaml``): an indicator's name and the aliases plans write for it.

Agencies' aliases need no expansion: every task document already carries, in its agencies part,
the name the plan wrote, the agency's name and all its aliases (``documents._agency_names``), so
经信委 finds the tasks 济南市经济和信息化委员会 leads. Expanding them in the text as well was
measured: it added no judged passage and its shards took a first query past issue #4's 150 KB
(人社局: 155 KB; with the groups below at most 138 KB).

Groups that share a word are merged (union by first appearance), so a word expands to one list.
Only words that a query can hold in one run are kept (two or more Han characters, or two or more
ASCII letters and digits): a query is expanded run by run (``run_alternatives``), the same way in
``query.py`` and in the browser (atlas-search-core.js: ``runAlternatives``), from the groups the
core carries (``core["synonyms"]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Vocabulary
from .tokenize import fold

_ONE_RUN = re.compile(r"^(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}|[a-z0-9]{2,})$")
SYNONYM_WEIGHT = 0.5  # a span found through another word counts half (the core carries it)
MAX_ALTERNATIVES = 8  # other spellings tried per run of a query (the core carries it)


def expansion_groups(vocab: Vocabulary) -> tuple[tuple[str, ...], ...]:
    """Every group of equivalent query words, folded, in a deterministic order (module docstring)."""
    sources: list[list[str]] = [list(g.words) for g in vocab.synonyms]
    for ind in vocab.indicators.values():
        sources.append([ind.name, *ind.aliases])
    parent: dict[str, str] = {}

    def find(w: str) -> str:
        while parent[w] != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    order: list[str] = []
    for words in sources:
        kept = [w for w in dict.fromkeys(fold(x) for x in words) if _ONE_RUN.match(w)]
        for w in kept:
            if w not in parent:
                parent[w] = w
                order.append(w)
        for w in kept[1:]:
            a, b = find(kept[0]), find(w)
            if a != b:  # the root keeps the word seen first
                if order.index(a) < order.index(b):
                    parent[b] = a
                else:
                    parent[a] = b
    groups: dict[str, list[str]] = {}
    for w in order:
        groups.setdefault(find(w), []).append(w)
    return tuple(tuple(g) for g in groups.values() if len(g) > 1)


def alternatives_table(groups: Iterable[Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """word → the other words of its group, in group order."""
    table: dict[str, tuple[str, ...]] = {}
    for g in groups:
        for w in g:
            table[w] = tuple(x for x in g if x != w)
    return table


def run_alternatives(run: str, table: dict[str, tuple[str, ...]], limit: int = MAX_ALTERNATIVES,
                     ) -> list[tuple[str, str]]:
    """The run spelled with another word of a group in place of one it holds, for every word it
    holds (left to right, longer first at one start), without repeats, at most ``limit``: pairs
    (spelling, the word put in), since a spelling counts only where that word occurs whole."""
    out: dict[str, str] = {}
    n = len(run)
    for i in range(n):
        for j in range(n, i + 1, -1):
            others = table.get(run[i:j])
            if not others:
                continue
            for other in others:
                alt = run[:i] + other + run[j:]
                if alt != run and alt not in out:
                    out[alt] = other
                    if len(out) >= limit:
                        return list(out.items())
    return list(out.items())
