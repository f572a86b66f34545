"""The web app files (generator/adapters/webapp.py) on a tiny built site: deterministic, versioned by
content, and listing what a reader can save."""

from __future__ import annotations

import json
import struct
import zlib

from generator.adapters import webapp


def tiny_site(root):
    (root / "plans" / "a-2016").mkdir(parents=True)
    (root / "index.html").write_text(
        '<link href="assets/app.css" rel="stylesheet"><script src="assets/app.js"></script>'
        '<a href="https://elsewhere.example/">x</a><a href="plans/a-2016/">a</a>', encoding="utf-8")
    (root / "404.html").write_text("404", encoding="utf-8")
    (root / "plans" / "a-2016" / "index.html").write_text("plan", encoding="utf-8")
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "app.css").write_text("body{}", encoding="utf-8")
    (root / "assets" / "app.js").write_text("1", encoding="utf-8")
    (root / "assets" / "app.js.map").write_text("{}", encoding="utf-8")
    (root / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return root


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_same_site_gives_the_same_files_and_a_change_gives_a_new_cache_version(tmp_path):
    a = tiny_site(tmp_path / "a")
    b = tiny_site(tmp_path / "b")
    va, vb = webapp.write_webapp(a, "政策图谱 Policy Atlas"), webapp.write_webapp(b, "政策图谱 Policy Atlas")
    assert va == vb and snapshot(a) == snapshot(b)
    (b / "plans" / "a-2016" / "index.html").write_text("plan, corrected", encoding="utf-8")
    assert webapp.write_webapp(b, "政策图谱 Policy Atlas") != va
    assert f'var VERSION = "{va}";' in (a / webapp.SW_NAME).read_text(encoding="utf-8")


def test_the_worker_precaches_the_shell_the_home_page_loads_and_nothing_from_another_host(tmp_path):
    site = tiny_site(tmp_path / "s")
    webapp.write_webapp(site, "政策图谱 Policy Atlas")
    shell = webapp.shell(site)
    assert shell[:4] == ["./", "404.html", "assets/app.css", "assets/app.js"]
    assert webapp.MANIFEST_NAME in shell and all("://" not in u for u in shell)


def test_the_saved_files_are_the_pages_by_their_urls_without_maps_sitemaps_or_the_worker(tmp_path):
    site = tiny_site(tmp_path / "s")
    webapp.write_webapp(site, "政策图谱 Policy Atlas")
    listing = json.loads((site / webapp.FILES_NAME).read_text(encoding="utf-8"))
    urls = [u for u, _ in listing["files"]]
    assert "./" in urls and "plans/a-2016/" in urls and "assets/app.js" in urls
    assert not any(u.endswith(".map") or u.startswith("sitemap") or u == webapp.SW_NAME for u in urls)
    assert listing["bytes"] == sum(n for _, n in listing["files"])


def test_icons_are_valid_pngs_of_their_size():
    for size in webapp.ICON_SIZES:
        png = webapp.icon_png(size)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == (size, size)
        idat = png[png.index(b"IDAT") + 4: png.index(b"IEND") - 8]
        assert len(zlib.decompress(idat)) == size * (1 + 3 * size)
