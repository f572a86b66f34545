"""Headless Chromium (Debian's chromium through Playwright) and a built fixture site to load in it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))

from build import build, make_root  # noqa: E402

@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    root = make_root(tmp_path_factory.mktemp("browser-site"))
    result = build(root)
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "site"
