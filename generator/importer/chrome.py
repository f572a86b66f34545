"""Page chrome removal: what a web page wraps around a plan's text, taken off before structuring.

Plans are copied from government portals and news sites, so the text arrives with the site's own
furniture: breadcrumbs (当前位置:首页 > 政务公开 > …), view counters and font-size switches
(访问次数: 字号:[ ]), print/close links, QR-code prompts, editor credits, CMS footers and the
site-section headers that the breadcrumb names (行业动态 above 当前位置: 首页 >> 行业动态 >> 正文).

Everything here works line by line and only removes *whole lines* that match a chrome pattern, so
plan text is never cut inside a sentence. The patterns describe kinds of chrome, never one site:
a line is chrome when it is made of chrome labels, not when it merely mentions one of the words.
Removed lines are kept (with their line numbers) so the importer can report what it skipped.
The metadata extractor reads the *raw* text, so a 发布日期 in a counter line is not lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.verbatim import normalize


@dataclass(frozen=True)
class Line:
    """One non-blank line of the source: its 1-based line number and its text without outer spaces."""

    number: int
    text: str


@dataclass(frozen=True)
class Dechromed:
    """The plan's lines with chrome taken off, and the chrome lines that were removed (for the report)."""

    lines: tuple[Line, ...]
    removed: tuple[Line, ...]


# NFKC and no whitespace: how patterns see a line (， → ,  ： → :  全角空格 gone): the verbatim
# normalisation (text.verbatim), no script folding
_fold = normalize


# Breadcrumbs: "当前位置:首页 > …", "您现在的位置: …", or a line that is a chain of short segments
# joined by > / >> / › / » ("> 政务公开 > 法规文件 > 规范性文件").
_BREADCRUMB_LEAD = re.compile(r"^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|位置)[:>]")
_CRUMB_SEP = re.compile(r"\s*(?:>>|>|›|»|→)\s*")

# The page's metadata/counter strip (发布日期:… 作者: 来源:… 点击:/访问次数:, 字号:[大 中 小]). A line made
# only of such labels and short values is chrome; one that also carries a sentence is not.
_COUNTER = re.compile(r"(访问次数|浏览次数|阅读次数|点击数|点击次数|点击量|浏览量)[:]?\d*")
_FONT_SWITCH = re.compile(r"(?<!文)字号[:]?\[?(大|中|小|\s)*\]?|【?字体[:]?[大中小\s]*】?|\[(大|中|小)\]")

# Whole-line furniture: print/close/share links, QR prompts, editor credits, CMS and copyright footers.
_FURNITURE = re.compile(
    r"^(?:[【\[(]?(?:我要打印|打印本页|打印|关闭本页|关闭窗口|关闭|返回顶部|返回|加入收藏|收藏|分享|保存|纠错|我要纠错)[】\])]?)+$"
    r"|^(?:扫描|扫一扫|微信扫一扫|用微信扫描)?(?:二维码|扫码)?.{0,6}(?:关注我们|分享到朋友圈|在手机上查看|手机扫描)$"
    r"|^扫描二维码"
    r"|^(?:上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关新闻|附件下载)[:]"
    r"|^(?:[【\[|]?(?:设为首页|网站地图|联系我们|网站声明|返回首页)[】\]|]?)+$"
    r"|^[(\[【]?(?:责任编辑|编辑|审核|校对|责编)[:].{0,30}[)\]】]?$"
    r"|^(?:produced|powered|designed)by",
    re.IGNORECASE,
)
_FOOTER = re.compile(r"(版权所有|copyright|©|icp备|网站标识码|公网安备|技术支持[:]|网站主办|主办[:].{0,30}承办[:]"
                     r"|网站维护)", re.IGNORECASE)


def _is_breadcrumb(folded: str) -> bool:
    if _BREADCRUMB_LEAD.match(folded):
        return True
    parts = [p for p in _CRUMB_SEP.split(folded) if p]
    # A line that starts with ">" or is ≥3 short segments chained by ">": a breadcrumb trail.
    starts_with_sep = bool(re.match(r"^(?:>>|>|›|»)", folded))
    chained = len(parts) >= 3 and all(len(p) <= 12 for p in parts) and _CRUMB_SEP.search(folded)
    return bool(parts) and (starts_with_sep and all(len(p) <= 12 for p in parts) or bool(chained))


def _crumb_segments(folded: str) -> set[str]:
    folded = _BREADCRUMB_LEAD.sub("", folded)
    return {p for p in _CRUMB_SEP.split(folded) if p}


def _is_meta_strip(folded: str) -> bool:
    """A counter/byline strip: 发布日期:… 作者: 来源:… 点击: — labels and short values only."""
    if _COUNTER.search(folded) or _FONT_SWITCH.search(folded):
        rest = _FONT_SWITCH.sub("", _COUNTER.sub("", folded))
        rest = re.sub(r"(发布日期|发布时间)[:]?[\d\-年月日/.:]*", "", rest)
        return len(rest) <= 30 and "。" not in rest
    labels = sum(1 for label in ("发布日期", "发布时间", "作者", "来源", "点击", "浏览") if label + ":" in folded)
    if labels >= 2 and "。" not in folded and len(folded) <= 80:
        return True
    # A lone byline: "来源:创新山东", "作者:张三", "信息来源:市政府办公室".
    return bool(re.match(r"^(作者|来源|信息来源|文章来源|稿件来源)[:].{0,24}$", folded)) and "。" not in folded


def is_chrome(text: str) -> bool:
    """True when a single line is page chrome on its own (see the module docstring)."""
    folded = _fold(text)
    if not folded:
        return True
    return bool(_is_breadcrumb(folded) or _is_meta_strip(folded) or _FURNITURE.search(folded)
                or (_FOOTER.search(folded) and len(folded) <= 80 and "。" not in folded))


def strip_chrome(raw: str) -> Dechromed:
    """The non-blank lines of ``raw`` that are plan text, and the chrome lines removed from it."""
    numbered = [Line(i, line.strip()) for i, line in enumerate(raw.splitlines(), 1)]
    numbered = [ln for ln in numbered if ln.text and _fold(ln.text)]
    crumbs: set[str] = set()
    for ln in numbered:
        folded = _fold(ln.text)
        if _is_breadcrumb(folded):
            crumbs |= _crumb_segments(folded)
    crumbs -= {"首页", "正文"}
    kept: list[Line] = []
    removed: list[Line] = []
    for ln in numbered:
        folded = _fold(ln.text)
        # A short line that only repeats a breadcrumb segment is the site section's header (行业动态).
        if is_chrome(ln.text) or (folded in crumbs and len(folded) <= 12):
            removed.append(ln)
        else:
            kept.append(ln)
    return Dechromed(tuple(kept), tuple(removed))
