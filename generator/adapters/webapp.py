"""The hosted site as an installable web app that reads offline: manifest, icons, service worker.

Written into a built site after everything else (``write_webapp``, from the plugin's
``on_post_build``, after the search index), because the service worker names the files it keeps:

* ``manifest.webmanifest`` and ``assets/icons/icon-192.png``, ``icon-512.png`` (drawn here, no
  external asset): what a phone needs to install the site;
* ``atlas-sw.js`` at the site root (its scope is the whole site): precaches the page shell (the
  home page and every stylesheet, script and icon it loads, the search core), caches pages and
  search shards as they are read, and drops every older cache when it activates;
* ``assets/offline/files.json``: every file a reader can save for offline use, with sizes, for the
  离线保存全部 control (overrides/assets/atlas-offline.js).

The cache version is a hash of the site's content, so the same content builds byte-identical files
and a deploy that changes anything installs a new worker, whose activation deletes the old cache.
The file:// bundle gets none of this: a service worker cannot run there, and its pages stay as
they are (the plugin writes these files only for directory-URL builds, i.e. hosted).
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from pathlib import Path
from typing import Any

SW_NAME = "atlas-sw.js"
MANIFEST_NAME = "manifest.webmanifest"
FILES_NAME = "assets/offline/files.json"
ICON_SIZES = (192, 512)
THEME_COLOR = "#3f51b5"  # Material's indigo, mkdocs.yml's palette
SW_TEMPLATE = Path(__file__).with_name("assets") / SW_NAME
# never offered for saving: source maps, sitemaps, the worker itself, and Material's own search
# (lunr languages and its worker), which this site replaces with generator/search
_SKIP = re.compile(r"(\.map$|^sitemap\.xml|^atlas-sw\.js$|^assets/javascripts/(lunr|workers)/)")
_REFS = re.compile(r'(?:src|href)="([^"#?]+)"')
_SEARCH_CORE = ("assets/search/index.js", "assets/search/shards/c0.js")


def page_url(rel: str) -> str:
    """The URL a reader requests for a site file: ``plans/x/index.html`` → ``plans/x/``."""
    if rel == "index.html":
        return "./"
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


def site_files(site: Path) -> list[tuple[str, int]]:
    """(URL, bytes) of every file offered for offline use, in path order."""
    out = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if _SKIP.search(rel) or rel == FILES_NAME:
            continue
        out.append((page_url(rel), path.stat().st_size))
    return out


def content_version(site: Path) -> str:
    """A hash of every file's path and bytes (but the worker's and the file list's, which carry
    it): the cache name changes exactly when the site does."""
    h = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel in (SW_NAME, FILES_NAME):
            continue
        h.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


def shell(site: Path) -> list[str]:
    """What the worker precaches: the home page, 404 page, every local file the home page loads,
    the search core, the manifest and the icons."""
    home = (site / "index.html").read_text(encoding="utf-8")
    refs = [r for r in _REFS.findall(home) if "://" not in r and not r.startswith(("/", "data:", "mailto:"))]
    files = [r for r in refs if (site / r).is_file() and not r.endswith(".html")]
    wanted = ["./", "404.html", *files, *(c for c in _SEARCH_CORE if (site / c).is_file()),
              MANIFEST_NAME, *icon_paths()]
    return list(dict.fromkeys(wanted))


def icon_paths() -> list[str]:
    return [f"assets/icons/icon-{n}.png" for n in ICON_SIZES]


def manifest(site_name: str, description: str | None) -> dict[str, Any]:
    short = site_name.split()[0] if site_name.split() else site_name
    out: dict[str, Any] = {
        "name": site_name,
        "short_name": short,
        "lang": "zh-CN",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [{"src": p, "sizes": f"{n}x{n}", "type": "image/png", "purpose": "any maskable"}
                  for p, n in zip(icon_paths(), ICON_SIZES)],
    }
    if description:
        out["description"] = description
    return out


def icon_png(size: int) -> bytes:
    """The app icon: a white 3 × 3 grid of tiles (an atlas of plans) on indigo, one tile in the
    accent colour, all inside the maskable safe zone (the middle 80 %). Plain PNG, drawn here."""
    bg, fg, accent = (0x3F, 0x51, 0xB5), (0xFF, 0xFF, 0xFF), (0xFF, 0xC1, 0x07)
    grid0, grid1 = size * 0.26, size * 0.74
    cell = (grid1 - grid0) / 3
    gap = cell * 0.16
    rows = []
    for y in range(size):
        row = bytearray(b"\x00")  # filter: none
        for x in range(size):
            colour = bg
            if grid0 <= x < grid1 and grid0 <= y < grid1:
                cx, cy = int((x - grid0) // cell), int((y - grid0) // cell)
                ox, oy = (x - grid0) - cx * cell, (y - grid0) - cy * cell
                if gap / 2 <= ox < cell - gap / 2 and gap / 2 <= oy < cell - gap / 2:
                    colour = accent if (cx, cy) == (2, 0) else fg
            row += bytes(colour)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def service_worker(version: str, precache: list[str]) -> str:
    """The worker's source: the template with its version and precache list filled in."""
    source = SW_TEMPLATE.read_text(encoding="utf-8")
    return (source.replace('"__VERSION__"', json.dumps(version))
            .replace('["__SHELL__"]', json.dumps(precache, ensure_ascii=False)))


def write_webapp(site: Path, site_name: str, description: str | None = None) -> str:
    """Write manifest, icons, file list and worker into the built ``site``; returns the version."""
    site = Path(site)
    icons = site / "assets" / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    for n, path in zip(ICON_SIZES, icon_paths()):
        (site / path).write_bytes(icon_png(n))
    (site / MANIFEST_NAME).write_text(
        json.dumps(manifest(site_name, description), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    version = content_version(site)
    files = site_files(site)
    listing = {"version": version, "bytes": sum(n for _, n in files), "files": [list(f) for f in files]}
    (site / FILES_NAME).parent.mkdir(parents=True, exist_ok=True)
    (site / FILES_NAME).write_text(json.dumps(listing, ensure_ascii=False, separators=(",", ":")) + "\n",
                                   encoding="utf-8")
    (site / SW_NAME).write_text(service_worker(version, shell(site)), encoding="utf-8", newline="\n")
    return version
