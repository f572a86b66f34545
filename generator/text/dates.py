"""Dates as Chinese government pages write them, read into ``datetime.date``.

The same day appears as 2016年6月2日, 2016-06-02, 2016.6.2, 2016/6/2, 二〇一六年六月二日 (the
signature of a printed document) and with full-width digits (２０１６年６月２日). An impossible date
(2016年2月30日) is not a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .folding import fold_width
from .numerals import cn_to_int

_CN_DIGIT = "〇零○OＯ一二三四五六七八九"  # ○ and O stand in for 〇 in many copies
_CN_YEAR_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                   "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = "一二三四五六七八九十"

_ARABIC = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"
    r"|([-./])([0-9]{1,2})\4([0-9]{1,2})(?![0-9]))"
)
_CHINESE = re.compile(
    r"([" + _CN_DIGIT + r"]{4})\s*年\s*([" + _CN_SMALL + r"]{1,3})\s*月\s*([" + _CN_SMALL + r"]{1,3})\s*日"
)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> Iterator[tuple[int, int, dt.date]]:
    """Every date in ``text`` as (start, end, date), in order of position."""
    folded = fold_width(text)  # full-width digits, positions kept
    found: list[tuple[int, int, dt.date]] = []
    for m in _ARABIC.finditer(folded):
        if m.group(2):
            d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        else:
            d = _make(int(m.group(1)), int(m.group(5)), int(m.group(6)))
        if d:
            found.append((m.start(), m.end(), d))
    for m in _CHINESE.finditer(folded):
        year = int("".join(str(_CN_YEAR_DIGITS[c]) for c in m.group(1)))
        month, day = cn_to_int(m.group(2)), cn_to_int(m.group(3))
        if month and day:
            d = _make(year, month, day)
            if d:
                found.append((m.start(), m.end(), d))
    found.sort()
    yield from found


def parse_date(text: str) -> dt.date | None:
    """The first date written in ``text``, else None."""
    return next((d for _, _, d in find_dates(text)), None)
