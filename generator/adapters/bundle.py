"""The offline bundle: the site built for file:// (site_config/offline.yml), zipped reproducibly.

A researcher unzips it anywhere and opens ``index.html``; every page, anchor, chart, search and
data download works with no network. The zip is deterministic: entries sorted, one fixed timestamp
(SOURCE_DATE_EPOCH, else 1980-01-01), fixed permissions — the same site gives the same bytes.

    python -m generator bundle [--site-dir build/offline/site] [--out dist/]
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from .. import __version__

OFFLINE_CONFIG = Path("site_config") / "offline.yml"


def bundle_name(version: str = __version__) -> str:
    return f"policy-atlas-offline-{version}"


def _zip_time() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, zip's earliest
    return time.gmtime(max(epoch, 315532800))[:6]


def build_offline_site(root: Path, site_dir: Path) -> None:
    """Build the file:// flavour of ``root``'s site into ``site_dir`` (strict: a warning fails it)."""
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                    "-f", str(OFFLINE_CONFIG), "--site-dir", str(Path(site_dir).resolve())],
                   check=True, cwd=root)


def zip_site(site_dir: Path, out: Path, *, folder: str | None = None) -> Path:
    """Zip ``site_dir`` into ``out`` under one top folder, byte-identically for the same input."""
    folder = folder or bundle_name()
    stamp = _zip_time()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # unix, whatever machine builds it
            zf.writestr(info, path.read_bytes())
    tmp.replace(out)  # never leave a half-written bundle under the final name
    return out


def make_bundle(root: Path, site_dir: Path | None, out_dir: Path) -> Path:
    """Build the offline site (default ``root``/build/offline/site) and zip it into ``out_dir``."""
    site_dir = site_dir or Path(root) / "build" / "offline" / "site"
    build_offline_site(Path(root), site_dir)
    return zip_site(site_dir, Path(out_dir) / f"{bundle_name()}.zip")
