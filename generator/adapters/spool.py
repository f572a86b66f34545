"""Page HTML kept on disk between MkDocs' two passes, not in memory.

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
from pathlib import Path


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
