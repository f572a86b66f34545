"""Write the search index and assets into a built site (called by the MkDocs plugin after build).

The index ships as a script, ``assets/search/index.js`` (``window.__atlasIndex = …``), loaded
with a ``<script>`` tag: that works from ``file://``, where fetch/XHR of a local file is refused, and
on any static host. The browser loads the prebuilt lunr index as is and never builds one.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from ..site.atlas import Atlas, flat_url
from .bundle import SearchBundle, build_bundle

ASSETS = Path(__file__).parent / "assets"
SITE_SUBDIR = Path("assets") / "search"
# (source under ASSETS, name in the site)
STATIC_FILES = (
    ("vendor/lunr.min.js", "lunr.min.js"),
    ("vendor/LICENSE", "lunr.LICENSE.txt"),
    ("atlas-search-core.js", "atlas-search-core.js"),
    ("atlas-search.js", "atlas-search.js"),
    ("atlas-search.css", "atlas-search.css"),
)
INDEX_FILE = "index.js"


def index_script(bundle: SearchBundle) -> str:
    return "window.__atlasIndex=" + bundle.to_json() + ";\n"


def write_search(atlas: Atlas, site_dir: Path, *, directory_urls: bool = True) -> None:
    """Build the search bundle for ``atlas`` and write it with the search assets under ``site_dir``.

    ``directory_urls`` follows MkDocs' ``use_directory_urls``: off in the offline bundle, whose
    pages are ``plans/x.html``; result links must match the pages actually written.
    """
    out = Path(site_dir) / SITE_SUBDIR
    out.mkdir(parents=True, exist_ok=True)
    bundle = build_bundle(atlas)
    if not directory_urls:
        docs = tuple(dataclasses.replace(d, url=flat_url(d.url)) for d in bundle.documents)
        bundle = dataclasses.replace(bundle, documents=docs)
    (out / INDEX_FILE).write_text(index_script(bundle), encoding="utf-8", newline="\n")
    for src, name in STATIC_FILES:
        shutil.copyfile(ASSETS / src, out / name)
