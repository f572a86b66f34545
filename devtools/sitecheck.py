"""Checks over a built site directory: internal links and anchors, table shape, active content.

A small internal checker rather than a crawler: it reads every HTML file once, resolves every
relative href against the file (directory URLs → index.html, as a browser does from file://), and
checks that the target file exists and, for ``#fragment``, that an element with that id exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    tables: list[list[int]] = field(default_factory=list)  # cells per row, per table
    active: list[str] = field(default_factory=list)  # event handlers, javascript: urls, stray tags
    scripts: list[tuple[dict, str]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._rows: list[list[int]] = []
        self._script: dict | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.page.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.page.ids.add(a["name"])
        for name, value in attrs:
            if name.startswith("on"):
                self.page.active.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and value and value.strip().lower().startswith(("javascript:", "data:text/html")):
                self.page.active.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "base"):  # never produced by the atlas or Material
            self.page.active.append(f"<{tag}>")
        if tag == "a" and a.get("href") is not None:
            self.page.links.append(a["href"])
        if tag in ("img", "script") and a.get("src"):
            self.page.links.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "icon"):
            self.page.links.append(a["href"])
        if tag == "table":
            self._rows = []
        elif tag == "tr":
            self._rows.append([0])
        elif tag in ("td", "th") and self._rows:
            self._rows[-1][0] += 1
        if tag == "script":
            self._script, self._script_text = a, []

    def handle_endtag(self, tag):
        if tag == "table":
            self.page.tables.append([r[0] for r in self._rows])
        if tag == "script" and self._script is not None:
            self.page.scripts.append((self._script, "".join(self._script_text)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script_text.append(data)


def parse(path: Path) -> ParsedPage:
    p = _Parser()
    p.feed(path.read_text(encoding="utf-8"))
    return p.page


def _target_file(site: Path, page: Path, path: str) -> Path:
    base = site if path.startswith("/") else page.parent  # 404.html links from the site root
    target = (base / unquote(path.lstrip("/"))) if path else page
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


def broken_links(site: Path) -> list[str]:
    """Every internal href/src in the site whose file or anchor does not exist."""
    site = site.resolve()
    pages = {p.resolve(): parse(p) for p in site.rglob("*.html")}
    problems = []
    for page, parsed in sorted(pages.items()):
        for href in parsed.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue  # external: checked elsewhere (none may be requested)
            target = _target_file(site, page, parts.path).resolve()
            if not target.exists() or site not in target.parents and target != site:
                problems.append(f"{page.relative_to(site)}: {href} → missing {target}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{page.relative_to(site)}: {href} → no anchor #{parts.fragment}")
    return problems


def tree_hashes(site: Path) -> dict[str, str]:
    import hashlib

    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }
