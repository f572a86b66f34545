"""Fixtures for the site tests: the inline atlases of inline_atlas.py."""

from __future__ import annotations

import pytest

from generator.atlas import Atlas, link
from inline_atlas import EVIL, small_plans, small_vocab


@pytest.fixture
def atlas() -> Atlas:
    return link(small_vocab(), small_plans())


@pytest.fixture
def evil_atlas() -> Atlas:
    return link(small_vocab(EVIL), small_plans(EVIL))
