"""Brackets as plan text writes them, and the one scanner for work at bracket depth 0.

Plans bracket agency annotations, asides and 文号 years in () （） 〔〕 【】 [] ［］, and web copies
add the small forms ﹙﹚ ﹝﹞ (京政办发﹝2018﹞31号). Every form is listed in ``OPENING`` and
``CLOSING``, full-width and half-width alike, so text can be scanned as written or after
``folding.fold`` (which maps each form onto one of the listed ones) with the same result.

Depth does not depend on the kind of bracket: web copies close a half-width parenthesis with a
full-width one, (市经信委牵头), so any closing bracket closes the innermost open one. A closing
bracket with nothing open is ignored (depth never goes below 0). Quotation marks and book-title
marks (“” 《》) are not brackets here: a list of names splits at 、 inside them just as outside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

OPENING = "(（﹙〔﹝【[［"
CLOSING = ")）﹚〕﹞】]］"

_STEP = {**{c: 1 for c in OPENING}, **{c: -1 for c in CLOSING}}


def is_opening(ch: str) -> bool:
    """Whether ``ch`` opens a bracket (any width)."""
    return _STEP.get(ch, 0) > 0


def is_closing(ch: str) -> bool:
    """Whether ``ch`` closes a bracket (any width)."""
    return _STEP.get(ch, 0) < 0


def scan(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str, int]]:
    """``(index, character, depth)`` for each character of ``text[start:end]``, depth counted from
    ``start``: a bracket itself has the depth outside it, so at depth 0 are the characters outside
    every bracket and the outermost brackets."""
    depth = 0
    for i in range(start, len(text) if end is None else min(end, len(text))):
        ch = text[i]
        step = _STEP.get(ch, 0)
        if step < 0:
            depth = max(0, depth - 1)
            yield i, ch, depth
        else:
            yield i, ch, depth
            depth += step


def depth_at(text: str, index: int) -> int:
    """How many brackets are open just before ``text[index]``."""
    depth = 0
    for ch in text[:index]:
        step = _STEP.get(ch, 0)
        depth = max(0, depth + step)
    return depth


def cut_top_level(text: str, cut: Callable[[str, int, int], bool]) -> list[tuple[int, int]]:
    """Spans of the pieces of ``text`` between the characters at depth 0 for which
    ``cut(text, piece_start, index)`` holds (the cut characters belong to no piece)."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for i, ch, depth in scan(text):
        if depth == 0 and _STEP.get(ch, 0) == 0 and cut(text, begin, i):
            spans.append((begin, i))
            begin = i + 1
    spans.append((begin, len(text)))
    return spans


def split_top_level(text: str, separators: str) -> list[str]:
    """``text`` split at each of ``separators`` outside brackets: 市发改委、各县(市、区)政府 → two."""
    return [text[a:b] for a, b in cut_top_level(text, lambda t, _, i: t[i] in separators)]


def matching_close(text: str, start: int, *, limit: int | None = None, stop: str = "\n") -> int | None:
    """Index of the bracket that closes the one opening at ``text[start]``, or None when it does
    not close within ``limit`` characters or before a character of ``stop`` (the end of the line)."""
    end = len(text) if limit is None else start + limit
    depth = 0
    for i in range(start, min(len(text), end)):
        ch = text[i]
        step = _STEP.get(ch, 0)
        if step > 0:
            depth += 1
        elif step < 0:
            depth -= 1
            if depth == 0:
                return i
        elif ch in stop:
            return None
    return None


def balanced(text: str) -> bool:
    """Whether every bracket of ``text`` is closed and every closing bracket closes one."""
    depth = 0
    for ch in text:
        depth += _STEP.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def unwrap(text: str) -> str:
    """``text`` without the bracket it opens with and, when it ends with one, the bracket closing
    it: （市经信委负责） → 市经信委负责; an unclosed 〔市经信委负责 → 市经信委负责."""
    if not text or not is_opening(text[0]):
        return text
    return text[1:-1] if is_closing(text[-1]) else text[1:]


def strip_brackets(text: str) -> str:
    """``text`` without any brackets at its start and end (a lone bracket is kept)."""
    while len(text) > 1 and is_opening(text[0]):
        text = text[1:]
    while len(text) > 1 and is_closing(text[-1]):
        text = text[:-1]
    return text
