"""Shared fixtures for the vocabulary tests: the real site_config/ and the real seed sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.vocab import load_vocabulary
from generator.model import Vocabulary

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "content" / "sources"
DATA = Path(__file__).parent / "data"

# The region each seed plan belongs to (content/README.md: plan id = region + year).
SEED_REGIONS = {
    "jinan-2016": "jinan",
    "liaocheng-2017": "liaocheng",
    "shandong-2016": "shandong",
    "beijing-2016": "beijing",
    "dongguan-2016": "dongguan",
}


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    return load_vocabulary(ROOT / "site_config")
