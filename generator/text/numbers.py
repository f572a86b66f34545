"""Figures as the plans write them: 65.0 → 65, 2.5 → 2.5, no grouping (one implementation for the
importer's YAML, the data exports and the pages).

Content stores figures as floats; a whole number is shown and exported without a spurious ``.0``,
so a reader comparing a quote (提高到65%) with a table or a CSV sees the same digits. Grouping commas
are left out on purpose: the plans write 5000亿元.
"""

from __future__ import annotations

# Floats at or above 2**53 are not all whole numbers one apart: they stay floats.
_EXACT = 2**53


def plain(value: float | int) -> int | float:
    """``value`` as an int when it is a whole number (65.0 → 65), else unchanged."""
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT:
        return int(value)
    return value


def format_number(value: float | int | None) -> str:
    """A figure as text: 65.0 → "65", 2.5 → "2.5", at most 6 significant digits, "" for None."""
    if value is None:
        return ""
    value = plain(value)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)
