"""The offline bundle: the site built for file:// (site_config/offline.yml), zipped reproducibly.

A researcher unzips it anywhere and opens ``index.html``; every page, anchor, chart, search and
data download works with no network. The zip is deterministic: entries sorted, one fixed timestamp
(SOURCE_DATE_EPOCH, else 1980-01-01), fixed permissions — the same site gives the same bytes.

    python -m generator.adapters.bundle [--site-dir build/offline/site] [--out dist/]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from .. import __version__

ROOT = Path(__file__).resolve().parents[2]
OFFLINE_CONFIG = ROOT / "site_config" / "offline.yml"


def bundle_name(version: str = __version__) -> str:
    return f"policy-atlas-offline-{version}"


def _zip_time() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, zip's earliest
    return time.gmtime(max(epoch, 315532800))[:6]


def build_offline_site(site_dir: Path, config: Path = OFFLINE_CONFIG) -> None:
    """Build the file:// flavour of the site into ``site_dir`` (strict: a warning fails it)."""
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                    "-f", str(config), "--site-dir", str(site_dir)], check=True, cwd=ROOT)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.adapters.bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default=str(ROOT / "build" / "offline" / "site"))
    parser.add_argument("--out", default=str(ROOT / "dist"), help="directory for the zip")
    args = parser.parse_args(argv)
    site_dir = Path(args.site_dir)
    build_offline_site(site_dir)
    out = zip_site(site_dir, Path(args.out) / f"{bundle_name()}.zip")
    print(f"{out} ({out.stat().st_size / 1024 / 1024:.1f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
