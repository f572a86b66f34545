"""The incremental preview behind ``make serve``: a change to one plan rebuilds only what it affects.

``mkdocs serve`` reloads its configuration and rebuilds on every change of content/ or site_config/.
A ``Preview`` (kept by the plugin across those rebuilds) makes each rebuild cost what the change
touches, at three levels:

1. content: ``load_content`` with a ``LoadCache`` reads and validates again only the plans whose YAML
   or source text changed (every plan when anything under site_config/ changed);
2. pages: ``render.affected.affected_paths`` names the pages the changed plans can alter (the plan
   page; the region, domain, agency, agency-type and indicator pages that show it; the indexes), and
   only those are rendered; a vocabulary change, or a plan added, removed or moved to another
   region, renders every page;
3. MkDocs: each page's Markdown is a real file under a preview folder, rewritten only when its text
   changed, so that ``mkdocs serve --dirty`` (what ``make serve`` runs) converts and writes just the
   pages whose Markdown changed; the others keep the HTML of the previous build.

Invalid content still stops the rebuild with every located problem (``ContentError``), and the
preview keeps its previous state, so the next valid save is again incremental. The search index is
written in the background after a rebuild (``SearchWriter``): the edited page is served first,
search catches up a few seconds later.

Nothing here is used by ``mkdocs build``: a full build renders every page from scratch.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import jinja2
import jinja2.bccache

from ..atlas import Atlas, link
from ..content.load import LoadCache, load_content
from ..render.affected import affected_paths
from ..render.page import Asset, Page
from ..render.pages import all_pages

log = logging.getLogger("mkdocs.plugins.policy_atlas")


@dataclass(frozen=True)
class Refresh:
    """What one rebuild did: pages rendered, Markdown files rewritten, and whether all were rendered."""

    rendered: int
    written: int
    everything: bool


class Preview:
    """Content, pages and their Markdown files of the last good build, for the next rebuild."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.cache = LoadCache()
        self.atlas: Atlas | None = None
        self.items: dict[str, Page | Asset] = {}  # path → item, in all_pages order
        self.docs_dir = Path(tempfile.mkdtemp(prefix="policy-atlas-preview-"))

    def refresh(self) -> Refresh:
        """Load the content again and bring pages and their files up to date with it.

        Raises ``ContentError`` (nothing changed then) when the content is invalid.
        """
        content = load_content(self.root, self.cache)
        atlas = link(content.vocab, content.plans)
        only = affected_paths(self.atlas, atlas) if self.items else None
        if only is None:
            fresh = all_pages(atlas)
            items = {item.path: item for item in fresh}
        else:
            fresh = all_pages(atlas, only) if only else []
            items = dict(self.items)
            if any(item.path.startswith("data/") for item in fresh):
                # the exports are rendered together: drop those no longer produced
                items = {p: i for p, i in items.items() if not p.startswith("data/")}
            items.update((item.path, item) for item in fresh)
            items = {p: items[p] for p in self._ordered(items)}
        written = self._write(items)
        self.atlas, self.items = atlas, items
        return Refresh(len(fresh), written, only is None)

    def _ordered(self, items: dict[str, Page | Asset]) -> list[str]:
        """The previous order, then paths that are new (exports): MkDocs' nav and sitemap follow it."""
        known = [p for p in self.items if p in items]
        return known + [p for p in items if p not in self.items]

    def _write(self, items: dict[str, Page | Asset]) -> int:
        """Write each page's Markdown whose text differs from the file; remove pages that went away."""
        written = 0
        for path, item in items.items():
            if not isinstance(item, Page):
                continue
            target = self.docs_dir / path
            data = item.markdown.encode("utf-8")
            try:
                if target.read_bytes() == data:
                    continue
            except OSError:
                target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written += 1
        for path, item in self.items.items():
            if isinstance(item, Page) and path not in items:
                (self.docs_dir / path).unlink(missing_ok=True)
        return written

    def pages(self) -> list[Page | Asset]:
        return list(self.items.values())

    def close(self) -> None:
        shutil.rmtree(self.docs_dir, ignore_errors=True)


class SearchWriter:
    """Writes the search index of the newest atlas in a background thread, one write at a time.

    ``submit`` returns at once; a write already running finishes, then the newest atlas submitted
    meanwhile is written (older ones are skipped). Errors are logged, never raised: the pages are
    already served.
    """

    def __init__(self, write: Callable[[Atlas], None]) -> None:
        self._write = write
        self._pending: Atlas | None = None
        self._lock = threading.Condition()
        self._thread: threading.Thread | None = None
        self._busy = False

    def submit(self, atlas: Atlas) -> None:
        with self._lock:
            self._pending = atlas
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="atlas-search", daemon=True)
                self._thread.start()
            self._lock.notify()

    def _run(self) -> None:
        while True:
            with self._lock:
                atlas, self._pending = self._pending, None
                if atlas is None:
                    self._busy = False
                    self._lock.notify_all()
                    return
                self._busy = True
            try:
                self._write(atlas)
                log.info("search index updated")
            except Exception as err:  # noqa: BLE001 - a preview must keep serving
                log.error("search index not updated: %s", err)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no write is pending or running (tests, shutdown); False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self._pending is None and not self._busy, timeout)


class ThemeCache:
    """What serve would redo for the theme on every rebuild, done once: serve makes a new Jinja2
    environment per rebuild, which compiles Material's templates again (about a second) and lists
    its thousands of files (another). Compiled templates are reused while their source is unchanged
    (Jinja2 compares checksums); the list of theme files is taken once per ``make serve``.
    """

    def __init__(self) -> None:
        self.bytecode = _MemoryBytecode()
        self.templates: dict[tuple, list[str]] = {}

    def attach(self, theme) -> None:
        """Make ``theme.get_env`` hand out environments that use this cache."""
        original = getattr(theme.get_env, "__wrapped__", theme.get_env)

        def get_env():
            env = original()
            env.bytecode_cache = self.bytecode
            listed = env.list_templates

            def list_templates(extensions=None, filter_func=None):
                # MkDocs asks with the same filter (theme files minus its exclusions) every time
                key = (tuple(extensions or ()), getattr(filter_func, "__qualname__", None))
                if key not in self.templates:
                    self.templates[key] = listed(extensions, filter_func)
                return list(self.templates[key])

            env.list_templates = list_templates
            return env

        get_env.__wrapped__ = original
        theme.get_env = get_env


class _MemoryBytecode(jinja2.BytecodeCache):

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


class DropDirtyWarning(logging.Filter):
    """MkDocs warns on every ``--dirty`` build; under ``--strict`` that warning would abort it.

    The preview is dirty by design (unchanged pages keep their HTML), so that one message is dropped.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")
