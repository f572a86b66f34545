"""Everything the browser needs for search, computed once from an atlas.

``SearchBundle.payload()`` is what ``assets/search/index.js`` carries: the packed lunr index, a document
store (kind, url, title, verbatim text, region, plan, domains, and the agency names and headings
that place it — those two as positions in one shared string table, since every task under a heading
repeats it), region, plan and domain names for display and filters, and the traditional →
simplified table. Same atlas → same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..site.atlas import Atlas
from .documents import SearchDocument, build_documents, user_dictionary
from .index import build_index, pack
from .query import SearchIndex
from .t2s import table_for
from .tokenize import Segmenter, fold, is_han

FORMAT_VERSION = 1
JOIN = "\n"  # how a document's agency names and headings are joined into one haystack part


@dataclass(frozen=True)
class SearchBundle:
    documents: tuple[SearchDocument, ...]
    index: dict  # canonical lunr-schema JSON (see index.build_index)
    t2s: dict[str, str]
    regions: tuple[tuple[str, str, str], ...]  # (id, name, short name or "") in vocabulary order
    plans: tuple[tuple[str, str], ...]  # (id, title) by id
    domains: tuple[tuple[str, str], ...]  # (id, name) in vocabulary order

    def haystacks(self) -> list[tuple[str, str, str, str]]:
        """Per document: title, agencies, text, context + region names (query.SPAN_BONUS order)."""
        names = {r[0]: r[1:] for r in self.regions}
        return [
            (d.title, JOIN.join(d.agencies), d.text,
             JOIN.join(d.context + (names.get(d.region, ()) if d.region else ())))
            for d in self.documents
        ]

    def searcher(self) -> SearchIndex:
        """The Python twin of the browser's search over this bundle."""
        return SearchIndex(self.index, self.haystacks(), self.t2s)

    def payload(self) -> dict:
        region_pos = {r[0]: i for i, r in enumerate(self.regions)}
        plan_pos = {p: i for i, (p, _) in enumerate(self.plans)}
        domain_pos = {d: i for i, (d, _) in enumerate(self.domains)}
        strings: dict[str, int] = {}

        def refs(items: tuple[str, ...]) -> list[int]:
            return [strings.setdefault(s, len(strings)) for s in items]

        docs = [
            [
                d.kind,
                d.url,
                d.title,
                d.text,
                region_pos.get(d.region, -1) if d.region else -1,
                plan_pos.get(d.plan, -1) if d.plan else -1,
                [domain_pos[x] for x in d.domains if x in domain_pos],
                refs(d.agencies),
                refs(d.context),
            ]
            for d in self.documents
        ]
        return {
            "version": FORMAT_VERSION,
            "regions": [list(r) for r in self.regions],
            "plans": [list(p) for p in self.plans],
            "domains": [list(d) for d in self.domains],
            "t2s": "".join(k + v for k, v in self.t2s.items()),
            "strings": list(strings),
            "docs": docs,
            "index": pack(self.index),
        }

    def to_json(self) -> str:
        text = json.dumps(self.payload(), ensure_ascii=False, separators=(",", ":"))
        # valid JSON, but line terminators inside a JS source are safest escaped
        return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def build_bundle(atlas: Atlas) -> SearchBundle:
    """Documents, user dictionary, index and tables for ``atlas``."""
    docs = build_documents(atlas)
    seg = Segmenter(user_dictionary(atlas))
    index = build_index(docs, seg)
    chars = {c for d in docs for s in (d.title, d.text, *d.agencies, *d.context) for c in fold(s) if is_han(c)}
    used_regions = {d.region for d in docs if d.region}
    regions = tuple(
        (r.id, r.name, r.short_name or "") for r in atlas.vocab.regions.values() if r.id in used_regions
    )
    regions += tuple((r, r, "") for r in sorted(used_regions - {x[0] for x in regions}))
    return SearchBundle(
        documents=docs,
        index=index,
        t2s=table_for(chars),
        regions=regions,
        plans=tuple((p.id, p.title) for p in atlas.plans.values()),
        domains=tuple((d.id, d.name) for d in atlas.vocab.domains.values()),
    )
