"""The data page (``data/index.md``) and the export files it documents (``data/*.json|csv``, schemas).

The page is the exports' documentation: for each file, the download links (JSON, CSV, JSON Schema)
and a table of every column — CSV name, JSON field, type, meaning — taken from the schemas by
``exports.columns``, so documentation, schema and files cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from . import exports
from ..atlas import Atlas
from .page import Asset, Page
from .render import front_matter, render

PATH = "data/index.md"


@dataclass(frozen=True)
class ExportDoc:
    """One export as the data page documents it."""

    name: str
    title: str
    description: str
    count: int
    columns: tuple[exports.Column, ...]


def pages(atlas: Atlas, only: Container[str] | None = None,
          site_url: str | None = None) -> Iterable[Page | Asset]:
    """The data page and every export; with ``only``, all of them when it holds the page's path."""
    if only is not None and PATH not in only:
        return
    files = exports.assets(atlas, site_url)
    docs = []
    for name in exports.EXPORTS:
        s = exports.schema(name)
        docs.append(ExportDoc(name, s["title"], s["description"], exports.record_count(atlas, name),
                              exports.columns(name)))
    markdown = front_matter("数据下载", hide=["navigation"]) + render(
        "data.md.j2", path=PATH, docs=docs, separator=exports.LIST_SEPARATOR
    )
    yield Page(path=PATH, title="数据下载", markdown=markdown)
    yield from files
