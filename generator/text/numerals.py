"""Chinese numerals → integers: 二十八 → 28, 一百零五 → 105, 两 → 2, 〇 → 0, ２ → 2.

Plans number their parts in Chinese (一、 (十二)) and state figures with Chinese numerals and
units (三千家, 十万个), so the importer reads both.
"""

from __future__ import annotations

import unicodedata

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def cn_to_int(text: str) -> int | None:
    """The value of a Chinese (or Arabic, half- or full-width) integer numeral; None if it is not one."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total = section = number = 0
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[ch]
            number = 0
        elif ch in BIG_UNITS:
            total = (total + section + number) * BIG_UNITS[ch]
            section = number = 0
        else:
            return None
    return total + section + number
