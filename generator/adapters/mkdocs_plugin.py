"""The MkDocs plugin ``policy-atlas``: a thin adapter from MkDocs events to the generator library.

It only wires events. Loading, linking and rendering are library functions (``pages.load_atlas``,
``pages.all_pages``) that run and are tested without MkDocs:

* ``on_config``   load, validate and link the content once; invalid content aborts the build with
                  every problem as ``path:line:col: message`` before anything is written;
* ``on_files``    inject the generated pages and assets (``File.generated``), each page's edit link
                  pointing at the YAML file that holds its content;
* ``on_serve``    rebuild when ``content/`` or ``site_config/`` change;
* ``on_post_build`` write the search index, when the search package provides it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..errors import ContentError
from ..atlas import Atlas
from ..render.page import Asset, Page
from ..search.emit import write_search
from ..render.pages import all_pages, load_atlas, navigation

log = logging.getLogger("mkdocs.plugins.policy_atlas")


class AtlasConfig(Config):
    """Options of the plugin: where the project (content/ and site_config/) lives."""

    root = opt.Optional(opt.Dir(exists=True))
    """Project root; defaults to the directory of mkdocs.yml."""
    search = opt.Type(bool, default=True)
    """Write the search index after the build (off only for quick previews)."""


class AtlasPlugin(BasePlugin[AtlasConfig]):
    """Injects the atlas pages into a MkDocs build; all work is delegated to generator.render."""

    def __init__(self) -> None:
        self.atlas: Atlas | None = None
        self.items: list[Page | Asset] = []
        self.root: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        try:
            self.atlas = load_atlas(self.root)
        except ContentError as err:
            problems = "\n".join(str(p) for p in err.problems)
            raise PluginError(f"invalid content ({len(err.problems)} error(s)):\n{problems}") from None
        # Reproducible output: MkDocs stamps the sitemap (and its gzip header) with the build time
        # unless SOURCE_DATE_EPOCH is set; default it to the newest date the content states, so the
        # same content gives the same bytes. An explicit SOURCE_DATE_EPOCH wins.
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(_content_epoch(self.atlas)))
        self.items = all_pages(self.atlas)
        if config.nav is None:
            config.nav = navigation(self.items)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for item in self.items:
            if isinstance(item, Page):
                f = File.generated(config, item.path, content=item.markdown)
                f.edit_uri = item.edit_path
            else:
                f = File.generated(config, item.path, content=item.content)
            existing = files.get_file_from_path(item.path)
            if existing is not None:
                # A generated page owns its path; a stray docs/ file of the same name would silently
                # shadow the content, so it is an error.
                raise PluginError(f"docs/{item.path} collides with a generated page; remove it")
            files.append(f)
        return files

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        assert self.root is not None
        for sub in ("content", "site_config"):
            path = self.root / sub
            if path.is_dir():
                server.watch(str(path))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.atlas is not None
        if not self.config.search:
            return
        write_search(self.atlas, Path(config.site_dir), directory_urls=config.use_directory_urls)


def _content_epoch(atlas: Atlas) -> int:
    """Midnight UTC of the newest date in the content (signed, published, retrieved), else 0."""
    dates = [
        d
        for plan in atlas.plans.values()
        for d in (plan.signed, plan.published, plan.source.retrieved)
        if d is not None
    ]
    if not dates:
        return 0
    newest = max(dates)
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc).timestamp())
