"""Cited-document pages (``documents/<id>.md``) and their index (``documents/index.md``).

Every plan cites 国发〔2015〕40号; Liaocheng cites Shandong's 鲁政发〔2016〕14号, which is itself in
the corpus. A cited document outside the corpus gets a page listing every plan that cites it (so a
reader sees how far a national document reaches); one inside the corpus is the plan page itself,
and the index links there instead of duplicating it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from ..model import Plan, Region
from ..atlas import Atlas, CitedDocument, urls
from .page import Page
from .refs import template_context
from .render import front_matter, render, source_path


@dataclass(frozen=True)
class Citing:
    """A plan that cites a document, with its region for display."""

    plan: Plan
    region: Region | None


@dataclass(frozen=True)
class DocumentView:
    document: CitedDocument
    label: str  # 文号, else title: what the document is called on the page
    citing: tuple[Citing, ...]

    @property
    def book_title(self) -> str | None:
        """The title in 《》, unless the plan already wrote them."""
        t = self.document.title
        if not t:
            return None
        return t if t.startswith("《") else f"《{t}》"


def label(doc: CitedDocument) -> str:
    return doc.doc_number or doc.title or doc.id


def document_view(atlas: Atlas, doc: CitedDocument) -> DocumentView:
    citing = tuple(
        Citing(atlas.plans[pid], atlas.vocab.regions.get(atlas.plans[pid].region))
        for pid in doc.cited_by
        if pid in atlas.plans
    )
    return DocumentView(doc, label(doc), citing)


def _ordered(atlas: Atlas) -> list[CitedDocument]:
    """Most-cited first, then by label: the national framework documents lead the index."""
    return sorted(atlas.documents.values(), key=lambda d: (-len(d.cited_by), label(d), d.id))


def document_page(atlas: Atlas, view: DocumentView) -> Page:
    path = source_path(urls.document(view.document.id))
    markdown = front_matter(view.label, hide=["navigation"]) + render(
        "document.md.j2", path=path, view=view, **template_context(atlas)
    )
    return Page(path=path, title=view.label, markdown=markdown)


def index_page(atlas: Atlas) -> Page:
    path = "documents/index.md"
    views = [document_view(atlas, d) for d in _ordered(atlas)]
    markdown = front_matter("引用文件", hide=["navigation"]) + render(
        "documents_index.md.j2", path=path, views=views, **template_context(atlas)
    )
    return Page(path=path, title="引用文件", markdown=markdown)


def pages(atlas: Atlas, only: Container[str] | None = None) -> Iterable[Page]:
    """Every page of this kind; with ``only``, just those whose path is in it (a preview's rebuild)."""
    if only is None or "documents/index.md" in only:
        yield index_page(atlas)
    for doc in atlas.documents.values():
        if doc.plan is None and (only is None or source_path(urls.document(doc.id)) in only):
            yield document_page(atlas, document_view(atlas, doc))
