"""The search index made in a forked process (a full build) is the index written in line."""

from __future__ import annotations

import pytest

import regions_atlas
from devtools.sitecheck import tree_hashes
from generator.adapters import search_process
from generator.adapters.search_process import SearchProcess
from generator.search.emit import write_search

pytestmark = pytest.mark.skipif(not search_process.available(), reason="no fork on this platform")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_the_forked_index_is_the_index_written_in_line(tmp_path, directory_urls):
    atlas = regions_atlas.atlas()
    write_search(atlas, tmp_path / "inline", directory_urls=directory_urls)
    process = SearchProcess(atlas, tmp_path / "cache")
    process.set_urls(directory_urls)
    process.finish(tmp_path / "forked")
    assert tree_hashes(tmp_path / "forked") == tree_hashes(tmp_path / "inline")
    assert not process.folder.exists()  # its private folder is gone


def test_a_failure_in_the_process_comes_back_with_its_traceback(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("no bundle today")

    monkeypatch.setattr(search_process, "build_bundle", broken)  # inherited by the fork
    process = SearchProcess(regions_atlas.atlas(), tmp_path / "cache")
    process._proc.join(30)  # it failed and closed its end before it was told the URL form
    process.set_urls(True)  # no BrokenPipeError: finish() reports the child's own error
    with pytest.raises(RuntimeError, match="ValueError: no bundle today"):
        process.finish(tmp_path / "site")
    assert not (tmp_path / "site").exists() and not process.folder.exists()


def test_a_build_that_fails_first_ends_the_process(tmp_path):
    process = SearchProcess(regions_atlas.atlas(), tmp_path / "cache")
    process.close()  # never told the URL form: it was waiting
    assert not process._proc.is_alive() and not process.folder.exists()
