"""Everything the browser needs for search, computed once from an atlas.

``SearchBundle.payload()`` is what ``assets/search/index.js`` carries: the packed lunr index, a document
store (kind, url, title, verbatim text, region, plan, domains, and the agency names and headings
that place it — those two as positions in one shared string table, since every task under a heading
repeats it), region, plan and domain names for display and filters, and the traditional →
simplified table. Same atlas → same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..atlas import Atlas
from .documents import SearchDocument, build_documents, user_dictionary
from .documents import HUB_KINDS
from .index import build_index, word_vocabulary
from .query import SearchIndex, engine_constants, haystack_parts
from .shards import Shards, build_shards
from ..text.t2s import table_for
from .synonyms import expansion_groups
from .tokenize import Segmenter, fold, is_han

FORMAT_VERSION = 1
JOIN = "\n"  # how a document's agency names and headings are joined into one haystack part
ID_SEPARATOR = "|"  # before each id in the context part (whitespace is removed from haystacks)


@dataclass(frozen=True)
class SearchBundle:
    documents: tuple[SearchDocument, ...]
    index: dict  # canonical lunr-schema JSON (see index.build_index)
    t2s: dict[str, str]
    regions: tuple[tuple[str, str, str], ...]  # (id, name, short name or "") in vocabulary order
    plans: tuple[tuple[str, str], ...]  # (id, title) by id
    domains: tuple[tuple[str, str], ...]  # (id, name) in vocabulary order
    synonyms: tuple[tuple[str, ...], ...] = ()  # query expansion groups (synonyms.expansion_groups)

    def haystacks(self) -> list[tuple[str, str, str, str]]:
        """Per document: title, agencies (and a hub page's names: a query naming the page finds
        it there, not in lunr's fields), text, context + region names + ids (``SPAN_WEIGHTS`` order)."""
        names = {r[0]: r[1:] for r in self.regions}
        return [
            (d.title, JOIN.join(dict.fromkeys(d.agencies + d.names)), d.text,
             JOIN.join(d.context + (names.get(d.region, ()) if d.region else ()))
             + (ID_SEPARATOR + ID_SEPARATOR.join(d.ids) if d.ids else ""))
            for d in self.documents
        ]

    def shards(self) -> Shards:
        """The core, posting shards and document chunks the site serves (see ``shards``)."""
        region_pos = {r[0]: i for i, r in enumerate(self.regions)}
        plan_pos = {p: i for i, (p, _) in enumerate(self.plans)}
        domain_pos = {d: i for i, (d, _) in enumerate(self.domains)}
        hub_start = next((i for i, d in enumerate(self.documents) if d.kind in HUB_KINDS),
                         len(self.documents))
        starts: dict[str, int] = {}
        for i, d in enumerate(self.documents[:hub_start]):
            if d.plan:
                starts.setdefault(d.plan, i)
        plans = [
            [pid, title, region_pos.get(self._plan_region(pid), -1), starts.get(pid, -1)]
            for pid, title in self.plans
        ]
        used_domains = {domain_pos[x] for d in self.documents for x in d.domains if x in domain_pos}
        return build_shards(
            parts=[haystack_parts(*h) for h in self.haystacks()],
            index=self.index,
            vocab=word_vocabulary(self.index),
            t2s=self.t2s,
            regions=[list(r) for r in self.regions],
            plans=plans,
            domains=[[d, name, 1 if i in used_domains else 0] for i, (d, name) in enumerate(self.domains)],
            doc_domains=[tuple(domain_pos[x] for x in d.domains if x in domain_pos) for d in self.documents],
            docs=[
                [d.kind, d.url, d.title, d.text, plan_pos.get(d.plan, -1) if d.plan else -1,
                 region_pos.get(d.region, -1) if d.region else -1, *([list(d.names)] if d.names else [])]
                for d in self.documents
            ],
            hub_start=hub_start,
            constants=engine_constants(),
            synonyms=self.synonyms,
        )

    def _plan_region(self, plan_id: str) -> str | None:
        return next((d.region for d in self.documents if d.plan == plan_id), None)

    def searcher(self) -> SearchIndex:
        """The Python twin of the browser's search over this bundle's shards."""
        sh = self.shards()
        return SearchIndex(sh.core, lambda kind, n: sh.postings[n] if kind == "p" else sh.chunks[n])


def build_bundle(atlas: Atlas, *, cache_dir: Path | None = None) -> SearchBundle:
    """Documents, user dictionary, index and tables for ``atlas``; ``cache_dir`` keeps jieba's cuts
    across builds (see ``tokenize.Segmenter``)."""
    docs = build_documents(atlas)
    seg = Segmenter(user_dictionary(atlas), cache_dir=cache_dir)
    index = build_index(docs, seg)
    seg.save()
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
        synonyms=expansion_groups(atlas.vocab),
    )
