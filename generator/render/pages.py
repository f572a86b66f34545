"""Every page of the site, collected from the page producers in a fixed order.

Each producer module (``plan_pages``, ``domain_pages`` …) exposes ``pages(atlas)`` and knows one
kind of page. ``all_pages`` runs them in ``PRODUCERS`` order, so the output order, and therefore the
build, is the same on every run. The MkDocs plugin injects these pages into the build; ``write_pages``
(``python -m generator pages OUT_DIR``) writes the very same files to disk.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import replace
from pathlib import Path
from typing import Container, Iterable, Iterator

from ..atlas import Atlas, link
from ..text.controls import make_visible
from .page import Asset, Page

# Producer modules under generator.render, in output order. Home, regions and plans first: the other
# pages link into them.
PRODUCERS = (
    "home_pages",
    "region_pages",
    "plan_pages",
    "domain_pages",
    "agency_pages",
    "agency_type_pages",
    "indicator_pages",
    "coverage_pages",
    "document_pages",
    "data_pages",
)


# The site navigation: kinds of page, never one entry per plan (300 plans would make a useless
# sidebar). An entry appears only when its page is generated.
NAV = (
    ("首页", "index.md"),
    ("方案", "plans/index.md"),
    ("地区", "regions/index.md"),
    ("领域", "domains/index.md"),
    ("覆盖矩阵", "coverage/index.md"),
    ("部门", "agencies/index.md"),
    ("部门类型", "agency-types/index.md"),
    ("指标", "indicators/index.md"),
    ("引用文件", "documents/index.md"),
    ("数据", "data/index.md"),
)


def navigation(items: Iterable[Page | Asset]) -> list[dict[str, str]]:
    """MkDocs ``nav`` for the generated pages: the ``NAV`` entries whose page exists, in that order."""
    paths = {item.path for item in items if isinstance(item, Page)}
    return [{title: path} for title, path in NAV if path in paths]


def load_atlas(root: Path) -> Atlas:
    """Load and validate ``root``'s content/ and site_config/, then cross-link it.

    Raises ``errors.ContentError`` with every problem when the content is invalid.
    """
    from ..content.load import load_content

    content = load_content(Path(root))
    return link(content.vocab, content.plans)


def _producers():
    # Imported by name so that this list, not import side effects, fixes the order.
    for name in PRODUCERS:
        yield importlib.import_module(f"{__package__}.{name}")


def all_pages(atlas: Atlas, only: Container[str] | None = None,
              site_url: str | None = None) -> list[Page | Asset]:
    """Every generated page and asset, producers in ``PRODUCERS`` order; duplicate paths are an error.

    With ``only`` (page paths, see ``affected.affected_paths``), just those pages, rendered exactly as
    in the whole set; the data page's path stands for every data export. ``site_url`` (MkDocs'
    ``site_url``, from ``SITE_URL``) goes to the producers that write permalinks (citations, data
    exports): absolute when it is set.
    """
    return list(iter_pages(atlas, only, site_url=site_url))


def iter_pages(atlas: Atlas, only: Container[str] | None = None,
               site_url: str | None = None) -> Iterator[Page | Asset]:
    """``all_pages`` one item at a time, so that a caller writing them out never holds them all."""
    seen: dict[str, str] = {}
    for module in _producers():
        wants_site = "site_url" in inspect.signature(module.pages).parameters
        made = module.pages(atlas, only, site_url=site_url) if wants_site else module.pages(atlas, only)
        for item in made:
            if item.path in seen:
                raise ValueError(f"{item.path} produced twice ({seen[item.path]}, {module.__name__})")
            seen[item.path] = module.__name__
            if isinstance(item, Page):
                # Bidirectional controls and zero-width characters in any text become visible
                # tokens ([U+202E]): on a page they could reorder or hide the text around them.
                item = replace(item, title=make_visible(item.title), markdown=make_visible(item.markdown))
            yield item


def write_items(items: Iterable[Page | Asset], out_dir: Path) -> list[Path]:
    """Write pages (UTF-8 Markdown) and assets (bytes) under ``out_dir``; returns the paths written."""
    written = []
    for item in items:
        target = Path(out_dir) / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = item.markdown.encode("utf-8") if isinstance(item, Page) else item.content
        target.write_bytes(data)
        written.append(target)
    return written


def write_pages(root: Path, out_dir: Path) -> list[Path]:
    """Load ``root``, render every page and write it under ``out_dir`` (nothing written on error)."""
    items = all_pages(load_atlas(root))  # raises before anything is written
    return write_items(items, out_dir)
