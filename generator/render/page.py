"""A generated page: what every page producer returns and what the plugin and the CLI write.

Producers are pure functions ``pages(atlas: Atlas) -> Iterable[Page]``, one module per kind of page
(plan pages, domain pages, …). ``generator.render.pages.all_pages`` collects them in a fixed order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One Markdown page of the site.

    ``path`` is the docs-relative source path (``plans/jinan-2016.md`` → URL ``plans/jinan-2016/``);
    ``edit_path`` is the repository file that holds this page's content (the plan YAML, a vocabulary
    file), for Material's "edit this page" link.
    """

    path: str
    title: str
    markdown: str
    edit_path: str | None = None


@dataclass(frozen=True)
class Asset:
    """A generated non-Markdown file copied into the site as is (data exports, JSON, CSV, SVG)."""

    path: str
    content: bytes
