"""Write the search index and assets into a built site (called by the MkDocs plugin after build).

Every page loads ``assets/search/index.js`` (``window.__atlasCore = …``: the core of the sharded
index, see ``shards``) with a ``<script>`` tag; a query then adds ``<script>`` tags for the posting
shards and document chunks it needs (``assets/search/shards/p<n>.js``, ``d<n>.js``), each of which
hands its data to ``window.__atlasLoad(kind, n, data)``. When the core says ``"preload": 1`` (a small
corpus, see ``shards.chunks_preloaded``) all document chunks are also written as one file,
``shards/c0.js`` (kind "c": every chunk, in order), which the search box loads with the page.
Scripts, not fetch: that works from
``file://``, where fetch/XHR of a local file is refused, and on any static host.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

from ..atlas import Atlas, flat_url
from .bundle import SearchBundle, build_bundle
from .shards import Shards

ASSETS = Path(__file__).parent / "assets"
SITE_SUBDIR = Path("assets") / "search"
# (source under ASSETS, name in the site)
STATIC_FILES = (
    ("atlas-search-core.js", "atlas-search-core.js"),
    ("atlas-search.js", "atlas-search.js"),
    ("atlas-search.css", "atlas-search.css"),
)
INDEX_FILE = "index.js"  # the core, loaded by every page
SHARD_DIR = "shards"
PRELOAD_KIND = "c"  # all document chunks in one file, loaded with the page when the core says so


def cache_dir(site_dir: Path) -> Path:
    """Where jieba's cuts are kept between builds: ``$ATLAS_SEARCH_CACHE``, else ``.cache/search``
    beside the site directory (the project root for ``site/``; ignored by git)."""
    env = os.environ.get("ATLAS_SEARCH_CACHE")
    return Path(env) if env else site_dir.resolve().parent / ".cache" / "search"


def shard_name(kind: str, n: int) -> str:
    """File of posting shard (kind "p"), document chunk ("d") ``n`` or of every chunk ("c", 0),
    under ``SHARD_DIR``. Kinds differ in more than case: some file systems ignore it."""
    return f"{kind}{n}.js"


def to_json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # valid JSON, but line terminators inside a JS source are safest escaped
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def core_script(shards: Shards) -> str:
    return "window.__atlasCore=" + to_json(shards.core) + ";\n"


def ints(flat: list[int]) -> str:
    return "[" + ",".join(map(str, flat)) + "]"


def postings_json(shard: dict) -> str:
    """``to_json`` of a posting shard, written directly: the same text, several times faster than
    the json module on millions of small integers."""
    g = ",".join(to_json(k) + ":" + ints(v) for k, v in shard["g"].items())
    w = ",".join(to_json(k) + ":[" + ",".join(ints(f) for f in v) + "]" for k, v in shard["w"].items())
    d = ",".join(to_json(k) + ":" + ints(v) for k, v in shard["d"].items())
    return '{"g":{' + g + '},"w":{' + w + '},"d":{' + d + "}}"


def shard_script(kind: str, n: int, data: object) -> str:
    body = postings_json(data) if kind == "p" else to_json(data)  # type: ignore[arg-type]
    return f'window.__atlasLoad("{kind}",{n},' + body + ");\n"


def index_script(bundle: SearchBundle) -> str:
    """The core script of ``bundle`` (what every page loads)."""
    return core_script(bundle.shards())


def write_search(atlas: Atlas, site_dir: Path, *, directory_urls: bool = True) -> None:
    """Build the search bundle for ``atlas`` and write it with the search assets under ``site_dir``.

    ``directory_urls`` follows MkDocs' ``use_directory_urls``: off in the offline bundle, whose
    pages are ``plans/x.html``; result links must match the pages actually written.
    """
    write_bundle(build_bundle(atlas, cache_dir=cache_dir(Path(site_dir))), site_dir,
                 directory_urls=directory_urls)


def write_bundle(bundle: SearchBundle, site_dir: Path, *, directory_urls: bool = True) -> None:
    """Write a built bundle's core, shards and the search assets under ``site_dir``
    (``write_search`` without the building, for a caller that built it beforehand)."""
    out = Path(site_dir) / SITE_SUBDIR
    out.mkdir(parents=True, exist_ok=True)
    if not directory_urls:
        docs = tuple(dataclasses.replace(d, url=flat_url(d.url)) for d in bundle.documents)
        bundle = dataclasses.replace(bundle, documents=docs)
    shards = bundle.shards()
    (out / INDEX_FILE).write_text(core_script(shards), encoding="utf-8", newline="\n")
    shard_dir = out / SHARD_DIR
    shutil.rmtree(shard_dir, ignore_errors=True)  # no stale shard of an earlier build
    shard_dir.mkdir()
    for kind, items in (("p", shards.postings), ("d", shards.chunks)):
        for n, data in enumerate(items):
            (shard_dir / shard_name(kind, n)).write_text(shard_script(kind, n, data), encoding="utf-8",
                                                         newline="\n")
    if shards.core["preload"]:
        (shard_dir / shard_name(PRELOAD_KIND, 0)).write_text(
            shard_script(PRELOAD_KIND, 0, list(shards.chunks)), encoding="utf-8", newline="\n")
    for src, name in STATIC_FILES:
        shutil.copyfile(ASSETS / src, out / name)
