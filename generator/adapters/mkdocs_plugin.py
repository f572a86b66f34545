"""The MkDocs plugin ``policy-atlas``: a thin adapter from MkDocs events to the generator library.

It only wires events. Loading, linking and rendering are library functions (``pages.load_atlas``,
``pages.all_pages``) that run and are tested without MkDocs:

* ``on_config``   load, validate and link the content once; invalid content aborts the build with
                  every problem as ``path:line:col: message`` before anything is written;
* ``on_files``    inject the generated pages and assets (``File.generated``), each page's edit link
                  pointing at the YAML file that holds its content;
* ``on_serve``    rebuild when ``content/`` or ``site_config/`` change; while serving, invalid
                  content shows on every page as the located problems (``render.error_pages``),
                  never a rebuild that fails and leaves the browser waiting; under ``mkdocs serve`` the
                  plugin instance lives across rebuilds (``on_startup``) and each rebuild is
                  incremental (``incremental.Preview``: only the pages an edit affects);
* ``on_env``      the theme's templates drop the whitespace their own tags leave
                  (``theme_hooks.on_env``): a tenth of every page's bytes, no rendered text changes;
* ``on_pre_build`` mark a hosted build (directory URLs, not a preview) as an installable web app;
* ``on_page_content`` / ``on_page_context`` / ``on_post_page``  in a full build, keep each page's
                  HTML on disk between MkDocs' two passes and drop its Markdown (``spool.Spool``):
                  memory does not grow with every page's text;
* ``on_post_build`` write the search index (in a full build: collect it from the process that made
                  it while MkDocs converted the pages, ``search_process``), then the web app's
                  manifest, icons and worker.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ..errors import ContentError
from ..atlas import Atlas
from ..render.page import Asset, Page
from ..render.error_pages import error_pages
from ..search.emit import ASSETS as SEARCH_ASSETS, SITE_SUBDIR, STATIC_FILES, cache_dir, write_search
from .webapp import THEME_COLOR, write_webapp
from ..render.pages import all_pages, iter_pages, load_atlas, navigation
from .incremental import DropDirtyWarning, Preview, SearchWriter, ThemeCache
from . import search_process, theme_hooks
from .search_process import SearchProcess
from .spool import Spool, stage

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
        self.preview: Preview | None = None  # under mkdocs serve only
        self.search_writer: SearchWriter | None = None
        self.changed = True  # did the last on_config change any page
        self.serving = False
        self.broken = False  # serving, and the content is invalid: every page shows the problems
        self.recovering = False  # the first good build after a broken one rewrites every page
        self.last_paths: list[str] = []  # the pages of the last good build
        self.spool: Spool | None = None  # a full build: page HTML between MkDocs' two passes
        self.staged: Path | None = None  # a full build: the generated sources, written as rendered
        self.search_process: SearchProcess | None = None  # a full build: the index, made beside it

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs keep this instance across serve's rebuilds.
        self.serving = command == "serve"
        if self.serving and dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(DropDirtyWarning())

    def on_shutdown(self) -> None:
        if self.search_writer is not None:
            self.search_writer.wait(60)
        if self.preview is not None:
            self.preview.close()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load, validate and link the content, and render every page. Serving, invalid content
        does not abort the rebuild (MkDocs' server would hold every request until one succeeds):
        every page shows the located problems instead, until the content is fixed."""
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        was_broken, self.broken = self.broken, False
        try:
            if getattr(self, "serving", False):
                self._refresh_preview()
            else:
                self.atlas = load_atlas(self.root)
        except ContentError as err:
            if getattr(self, "serving", False):
                return self._show_problems(config, err.problems)
            first = err.problems[0] if err.problems else "invalid content"
            problems = "\n".join(str(p) for p in err.problems)
            raise PluginError(f"{first}\n(invalid content: {len(err.problems)} error(s), root cause first)"
                              f"\n{problems}") from None
        self.recovering = was_broken
        # Reproducible output: MkDocs stamps the sitemap (and its gzip header) with the build time
        # unless SOURCE_DATE_EPOCH is set; default it to the newest date the content states, so the
        # same content gives the same bytes. An explicit SOURCE_DATE_EPOCH wins.
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(_content_epoch(self.atlas)))
        if self.preview is None and not self.serving:
            # a full build: the search index is made beside it (search_process), and each page
            # goes to disk as it is rendered (spool.stage)
            self._close_scratch()
            if self.config.search and search_process.available():
                self.search_process = SearchProcess(self.atlas, cache_dir(Path(config.site_dir)))
            self.staged = Path(tempfile.mkdtemp(prefix="atlas-pages-"))
            self.items = stage(iter_pages(self.atlas, site_url=config.site_url or None), self.staged)
        elif self.preview is None:
            self.items = all_pages(self.atlas, site_url=config.site_url or None)
        else:
            self.theme_cache.attach(config.theme)
        self.last_paths = [item.path for item in self.items if isinstance(item, Page)]
        if config.nav is None:
            config.nav = navigation(self.items)
        return config

    def _show_problems(self, config: MkDocsConfig, problems) -> MkDocsConfig:
        """The error page at every page path; printed, not logged as a warning (strict mode would
        abort the rebuild and leave the browser waiting again)."""
        self.broken = True
        self.atlas = None
        print("\n".join(str(p) for p in problems), file=sys.stderr, flush=True)
        print(f"policy-atlas: {len(problems)} content error(s): the served pages show them until fixed",
              file=sys.stderr, flush=True)
        self.items = list(error_pages(list(problems), self.last_paths))
        config.nav = []
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """After every plugin's on_config: a hosted build (directory URLs; the offline plugin has
        turned them off for file://) is an installable web app (``webapp``); a preview is not (its
        worker would keep serving pages the next edit changes)."""
        if config.use_directory_urls and self.preview is None:
            config.extra["atlas_webapp"] = {"theme_color": THEME_COLOR}
        else:
            config.extra.pop("atlas_webapp", None)
        if self.search_process is not None:
            self.search_process.set_urls(config.use_directory_urls)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        return theme_hooks.on_env(env)  # also what the docs tree's config runs as a hook

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        in_nav = {path for entry in navigation(self.items) for path in entry.values()}
        for item in self.items:
            if self.staged is not None:
                f = File(item.path, str(self.staged), config.site_dir, config.use_directory_urls,
                         inclusion=InclusionLevel.INCLUDED if not isinstance(item, Page) or item.path in in_nav
                         else InclusionLevel.NOT_IN_NAV)
                if isinstance(item, Page):
                    f.edit_uri = item.edit_path
            elif isinstance(item, Page) and self.preview is not None and not (self.broken or self.recovering):
                # a real file, rewritten only when its text changed: serve --dirty skips the others
                f = File(item.path, str(self.preview.docs_dir), config.site_dir, config.use_directory_urls,
                         inclusion=InclusionLevel.INCLUDED if item.path in in_nav else InclusionLevel.NOT_IN_NAV)
                f.edit_uri = item.edit_path
            elif isinstance(item, Page):
                f = File.generated(config, item.path, content=item.markdown)
                f.edit_uri = item.edit_path
            else:
                f = File.generated(config, item.path, content=item.content)
            existing = files.get_file_from_path(item.path)
            if existing is not None and self.broken:
                files.remove(existing)
            elif existing is not None:
                # A generated page owns its path; a stray docs/ file of the same name would silently
                # shadow the content, so it is an error.
                raise PluginError(f"docs/{item.path}:1:1: collides with the generated {item.path}: remove it "
                                  "(python -m generator check reports this before a build)")
            files.append(f)
        return files

    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):
        if self.spool is None and not self.serving:
            self.spool = Spool()
        return page

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        """A full build: the HTML goes to the spool until the theme renders the page, and the
        Markdown is not needed any more."""
        if self.spool is None:
            return html
        self.spool.put(page.file.src_uri, html)
        page.markdown = None
        return ""

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        if self.spool is not None:
            html = self.spool.take(page.file.src_uri)
            if html is not None:
                page.content = html
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        if self.spool is not None:
            page.content = None  # written: MkDocs does not look at it again
        return output

    def on_build_error(self, *, error: Exception) -> None:
        self._close_scratch()

    def _close_scratch(self, *, search: bool = True) -> None:
        if search and self.search_process is not None:
            self.search_process.close()
            self.search_process = None
        if self.spool is not None:
            self.spool.close()
            self.spool = None
        if self.staged is not None:
            shutil.rmtree(self.staged, ignore_errors=True)
            self.staged = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        assert self.root is not None
        for sub in ("content", "site_config"):
            path = self.root / sub
            if path.is_dir():
                server.watch(str(path))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The search index, then the web app (last: its cache version hashes the whole site). While
        serving invalid content, only the search box's own files, so the error page keeps its header
        styled: there is no atlas to index."""
        self._close_scratch(search=False)  # the pages' scratch; the search process is collected below
        if self.broken:
            out = Path(config.site_dir) / SITE_SUBDIR
            out.mkdir(parents=True, exist_ok=True)
            for source, name in STATIC_FILES:
                shutil.copyfile(SEARCH_ASSETS / source, out / name)
            return
        assert self.atlas is not None
        if self.config.search:
            self._write_search(config)
        if config.extra.get("atlas_webapp"):
            write_webapp(Path(config.site_dir), config.site_name, config.site_description)

    def _write_search(self, config: MkDocsConfig) -> None:
        assert self.atlas is not None
        if self.search_process is not None:
            process, self.search_process = self.search_process, None
            try:
                process.finish(Path(config.site_dir))
            except RuntimeError as err:
                raise PluginError(f"search index: {err}") from None
            return
        if self.preview is not None and self.search_writer is not None:
            if self.changed:  # the first build wrote it in line; later ones in the background
                self.search_writer.submit(self.atlas)
            return
        if self.preview is not None:
            site, flat = Path(config.site_dir), config.use_directory_urls
            self.search_writer = SearchWriter(lambda a: write_search(a, site, directory_urls=flat))
        write_search(self.atlas, Path(config.site_dir), directory_urls=config.use_directory_urls)


    def _refresh_preview(self) -> None:
        assert self.root is not None
        if self.preview is None or self.preview.root != self.root:
            self.preview = Preview(self.root)
            self.theme_cache = ThemeCache()
        start = time.perf_counter()
        done = self.preview.refresh()
        self.atlas, self.items = self.preview.atlas, self.preview.pages()
        self.changed = done.rendered > 0
        log.info("preview: %s %d page(s) rendered, %d Markdown file(s) changed, in %.2f s",
                 "all" if done.everything else "affected:", done.rendered, done.written,
                 time.perf_counter() - start)


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
