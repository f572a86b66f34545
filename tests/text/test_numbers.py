"""One number formatter: the importer's YAML, the exports and the pages show a figure alike."""

from __future__ import annotations

import json

from generator.importer import emit
from generator.render import exports, render, target_table
from generator.text.numbers import format_number, plain


def test_whole_floats_lose_their_point_and_fractions_stay():
    assert [plain(v) for v in (65.0, 2.5, 5000, 0.0, -3.0)] == [65, 2.5, 5000, 0, -3]
    assert isinstance(plain(65.0), int) and isinstance(plain(2.5), float)
    assert [format_number(v) for v in (65.0, 2.5, 5000.0, None, 1 / 3)] == ["65", "2.5", "5000", "", "0.333333"]
    assert isinstance(plain(2.0**60), float)  # beyond 2**53 a float is not exact: left as it is


def test_importer_exports_and_pages_use_the_one_formatter():
    assert emit.plain is plain and exports.plain is plain
    assert render.number is format_number and target_table.format_number is format_number
    assert json.dumps(exports._num(65.0)) == "65" and exports._num(None) is None
