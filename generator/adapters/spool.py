"""A full build's pages kept on disk, not in memory: their Markdown sources, and their HTML
between MkDocs' two passes.

``stage`` writes the generated pages and assets one by one into a private folder, as they are
rendered, and keeps only their paths: MkDocs then reads each source from there (at 300 plans the
Markdown is ~170 MB of text that no longer sits in memory for the whole build).

MkDocs converts every page's Markdown first (so that the navigation and anchor checks see them all)
and only then renders each page into the theme and writes it. Between the two passes it holds every
page's HTML: at 300 plans about half a gigabyte. A ``Spool`` lets the plugin keep it on disk instead:
``put`` stores a page's HTML (``on_page_content``) and ``take`` hands it back, once, right before the
theme renders that page (``on_page_context``). Pages are written in the order MkDocs built them, so
the peak is one page's HTML plus what MkDocs itself keeps (titles, tables of contents).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..render.page import Asset, Page


class Spool:
    """Strings stored under keys in a private temporary folder, each read back once."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="atlas-html-"))
        self.names: dict[str, str] = {}

    def put(self, key: str, text: str) -> None:
        name = self.names.setdefault(key, f"{len(self.names)}.html")
        (self.dir / name).write_text(text, encoding="utf-8")

    def take(self, key: str) -> str | None:
        """The text stored under ``key`` (then forgotten), or None when there is none."""
        name = self.names.pop(key, None)
        if name is None:
            return None
        path = self.dir / name
        text = path.read_text(encoding="utf-8")
        path.unlink()
        return text

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        self.names.clear()


def stage(items: Iterable[Page | Asset], folder: Path) -> list[Page | Asset]:
    """Write ``items`` under ``folder`` as they come; return them without their text (path, title
    and edit path only: what the navigation and the file list need)."""
    out: list[Page | Asset] = []
    for item in items:
        target = folder / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item, Page):
            target.write_bytes(item.markdown.encode("utf-8"))
            out.append(Page(item.path, item.title, "", item.edit_path))
        else:
            target.write_bytes(item.content)
            out.append(Asset(item.path, b""))
    return out
