"""Fixtures for search tests: the seed atlas bundle, and search assets written to a directory."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from seed_atlas import seed_atlas  # noqa: E402

from generator.search.bundle import SearchBundle, build_bundle  # noqa: E402
from generator.search.emit import SITE_SUBDIR, write_search  # noqa: E402


@pytest.fixture(scope="session")
def atlas():
    return seed_atlas()


@pytest.fixture(scope="session")
def bundle(atlas) -> SearchBundle:
    return build_bundle(atlas)


@pytest.fixture(scope="session")
def searcher(bundle):
    return bundle.searcher()


@pytest.fixture(scope="session")
def assets_dir(atlas, tmp_path_factory) -> Path:
    """The search assets as the site gets them (assets/search/ of a site directory)."""
    site = tmp_path_factory.mktemp("search-site")
    write_search(atlas, site)
    return site / SITE_SUBDIR


@pytest.fixture(scope="session")
def node() -> str:
    path = shutil.which("node")
    if not path:
        pytest.skip("node is not installed")
    return path
