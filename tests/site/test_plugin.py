"""The plugin's events in-process: the search hook and the content-epoch default."""

from __future__ import annotations

import types
from pathlib import Path

from generator.adapters import mkdocs_plugin as plugin_mod
from generator.adapters.mkdocs_plugin import AtlasPlugin, _content_epoch


class _Config(dict):
    site_dir = "/nonexistent/site"
    use_directory_urls = True
    extra: dict = {}


def test_post_build_hands_the_atlas_and_site_dir_to_the_search_emitter(monkeypatch, atlas):
    calls = []
    monkeypatch.setattr(plugin_mod, "write_search",
                        lambda a, site_dir, directory_urls: calls.append((a, site_dir, directory_urls)))
    p = AtlasPlugin()
    p.load_config({})
    p.atlas = atlas
    p.on_post_build(config=_Config())
    assert calls == [(atlas, Path("/nonexistent/site"), True)]


def test_post_build_writes_no_index_when_search_is_off(monkeypatch, atlas):
    monkeypatch.setattr(plugin_mod, "write_search",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError("search ran")))
    p = AtlasPlugin()
    p.load_config({"search": False})
    p.atlas = atlas
    p.on_post_build(config=_Config())


def test_content_epoch_is_midnight_utc_of_the_newest_stated_date(atlas):
    # alpha-2016 was retrieved 2024-03-01, the newest date in the inline atlas.
    assert _content_epoch(atlas) == 1709251200


def test_plugin_is_registered_under_its_entry_point():
    from importlib.metadata import entry_points

    (ep,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "policy-atlas"]
    assert ep.load() is plugin_mod.AtlasPlugin


def test_serve_watches_content_and_vocabularies(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "site_config").mkdir()
    watched = []
    server = types.SimpleNamespace(watch=watched.append)
    p = AtlasPlugin()
    p.root = tmp_path
    assert p.on_serve(server, config=None, builder=None) is server
    assert watched == [str(tmp_path / "content"), str(tmp_path / "site_config")]


def test_every_generated_page_edits_a_yaml_file_or_has_no_edit_link(atlas):
    from generator.render.page import Page
    from generator.render.pages import all_pages

    for page in all_pages(atlas):
        if isinstance(page, Page) and page.edit_path is not None:
            assert page.edit_path.endswith(".yaml"), (page.path, page.edit_path)
