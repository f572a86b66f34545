"""Plan metadata read from a plan's raw text, page chrome included: title, issuer, 文号, dates, period, cites.

A copied government page states its metadata in a handful of ways, and this module reads each:

- a label table (标题: / 发文机关: / 发文字号: / 成文日期: / 发布日期:), as gov.cn pages have;
- a notice wrapping the plan: 《山东省人民政府关于印发〈X〉的通知》 — the plan's title is X;
- a 文号 alone on its line under the title (鲁政发〔2016〕14号), written exactly as the source does;
- the signature block: the issuing body on its own line, the signing date under it;
- a 发布日期 in the page header — the document's own publication date only when the page shows it
  is the government's own (政务公开 / 规范性文件 in its breadcrumbs, a 发文机关 label table, a 来源
  that is a government body); a header that credits another site (来源: 创新山东) is an aggregator's,
  and a page that says nothing about its owner leaves the date in doubt: both give None.

Nothing is guessed: a field the text does not state is None. Two rules follow from it:

- ``issuer`` is the issuing body (发文机关) as the text names it — a label, the signature block, the
  body before 关于印发 or 关于 in the title line. When none of those names a body, a place that opens
  the title (济南市“互联网+”行动计划) is the issuer: the plan is issued in that place's name, and the
  text says no more (which of its offices drafted it is not stated, so nothing more is recorded).
- ``published`` is a 发布日期 (or 公布日期 …) the document or its government page states. The 版记
  line "XX办公厅2016年6月2日印发" is the date the office printed and distributed the document, not a
  publication date, and is neither ``signed`` nor ``published``. Labels and keywords are matched on a
simplified-script copy of the text (標題 → 标题, 發布日期 → 发布日期), while every value returned is
cut from the original, so traditional-script text keeps its script.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Citation, Period
from ..text import docnum
from ..text.dates import parse_date
from ..text.folding import fold


@dataclass(frozen=True)
class Metadata:
    """What a plan's text says about itself; every field None when the text does not say it."""

    title: str | None
    issuer: str | None
    doc_number: str | None
    signed: dt.date | None
    published: dt.date | None
    period: Period | None
    cites: tuple[Citation, ...] = ()


# 发文机关: a body ending in one of these (人民政府, 人民政府办公厅, 经济和信息化委员会 …).
ORGAN_SUFFIX = r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管理委员会|厅|局|委|部|院)"
_ORGAN = re.compile(r"^[\u4e00-\u9fff]{2,30}?" + ORGAN_SUFFIX + r"$")
_ORGAN_LAST = set("府厅室会局委部院")
# 文号: 国发〔2015〕40号, 京政发[2016]4号, 鲁政办发（2016）3号 (text.docnum); the bracketed year and
# serial (TAIL) is found first, the issuer's prefix then read backwards.
DOC_NUMBER = docnum.PATTERN
_DOC_TAIL = docnum.TAIL


def _doc_numbers(folded: str):
    """Every 文号 in ``folded`` (as DOC_NUMBER matches), found from its bracketed year: the issuer's
    prefix is the run of up to 8 Chinese characters before it, stopping after a previous 文号's 号."""
    for tail in _DOC_TAIL.finditer(folded):
        start = tail.start()
        while start > 0 and folded[start - 1] in " \t\u3000":
            start -= 1  # 鲁政发 〔2016〕14号
        head = start
        while start > 0 and head - start < 8 and "\u4e00" <= folded[start - 1] <= "\u9fff" \
                and folded[start - 1] != "号":
            start -= 1
        m = DOC_NUMBER.match(folded, start, tail.end())
        if m is not None and m.end() == tail.end():
            yield m


# Words a 文号 match can pick up from the sentence before it (根据国发〔2015〕40号).
_NOT_PREFIX = r"(?:根据|按照|依据|依照|贯彻落实|贯彻|落实|参照|和|及|与|并)+"
_PERIOD = re.compile(r"((?:19|20)[0-9]{2})\s*年?\s*(?:[-—–~～]+|至|到)\s*((?:19|20)[0-9]{2})\s*年")
_LABEL = {
    "title": ("标题", "名称", "文件名称"),
    "issuer": ("发文机关", "发布机关", "发文单位"),
    "doc_number": ("发文字号", "文号"),
    "signed": ("成文日期", "成文时间", "签发日期"),
    "published": ("发布日期", "发布时间", "公布日期", "公开日期"),
}
# A header line that credits another site (or counts views) belongs to a website, not the document.
_AGGREGATOR_SOURCE = re.compile(r"来\s*源\s*[::]\s*([^\s:：]+)")
# Signs, above a 发布日期, that the page is the government's own: its open-government section in the
# breadcrumbs, or the label table of a government document page.
_GOVERNMENT_PAGE = re.compile(
    r"政务公开|政府信息公开|信息公开|政策文件|法规文件|规范性文件|政府文件|政策法规|文件发布|发文机关|成文日期|发文字号|索引号")
_PLAN_WORDS = ("计划", "方案", "意见", "规划", "通知", "办法", "纲要", "决定", "措施", "细则", "要点")


def _join_lines(value: str) -> str:
    """A value broken across lines, joined without the break (and the indentation around it)."""
    return re.sub(r"[ \t\u3000]*\n\s*", "", value).strip()


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line of ``text``."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


# Every label a government page header uses, so that a value stops where the next label starts
# (发文机关:国务院  成文日期:2015年07月01日 on one line).
_OTHER_LABELS = ("索引号", "主题分类", "公文种类", "主题词", "信息来源", "来源", "作者", "点击", "访问次数",
                 "浏览次数", "字号", "有效性", "所属机构", "生成日期", "失效日期", "废止日期", "发布机构")
def _spaced(label: str) -> str:
    """A label's pattern allowing the padding pages put between its characters (标  题, 索 引 号)."""
    return r"[ \t\u3000]*".join(map(re.escape, label))


_ANY_LABEL = "|".join(_spaced(w) for w in sorted({w for ws in _LABEL.values() for w in ws} | set(_OTHER_LABELS),
                                                 key=len, reverse=True))
_VALUE_END = re.compile(r"\t| {2,}|\u3000|\||(?:" + _ANY_LABEL + r")\s*[::]")


def _label_value(raw: str, folded: str, labels: tuple[str, ...]) -> str | None:
    """The value after ``label:`` — up to the next label, a wide gap or the line's end; on the next
    line when the label's own line has none (a table copied one cell per line)."""
    for label in labels:
        for m in re.finditer(r"(?:^|[\s|【\[])" + _spaced(label) + r"\s*[::]", folded, re.M):
            start = m.end()
            end = folded.find("\n", start)
            end = len(folded) if end < 0 else end
            if not folded[start:end].strip() and end < len(folded):
                start = end + 1  # the value sits on the next line
                end = folded.find("\n", start)
                end = len(folded) if end < 0 else end
            while start < end and folded[start] in " \t\u3000":
                start += 1
            stop = _VALUE_END.search(folded, start, end)
            value = raw[start:stop.start() if stop else end].strip()
            if value and not re.match(r"(?:" + _ANY_LABEL + r")\s*[::]", fold(value)):
                return value
    return None


def _is_organ(name: str) -> bool:
    return bool(_ORGAN.match(fold(name)))


def _title(raw: str, folded: str) -> tuple[str | None, str | None]:
    """(title, issuer named in the title line), read from a label, a notice, or the first title line."""
    labelled = _label_value(raw, folded, _LABEL["title"])
    if labelled:
        return _unwrap_notice(labelled, fold(labelled)) or (labelled, None)
    # A notice 关于印发《X》的通知 anywhere near the top wraps the plan X.
    head_end = _body_start(folded)
    m = _notice(folded, head_end)
    if m:
        title = _join_lines(raw[m.start(1):m.end(1)])
        issuer = _issuer_before(raw, folded, m.start())
        return title, issuer
    # 附:《X》 — a page that introduces the document, then attaches it.
    m = re.search(r"^\s*附(?:件)?\s*[::]?\s*《([^》]{4,120})》\s*$", folded[:head_end + 2000], re.M)
    if m:
        return _split_title(_join_lines(raw[m.start(1):m.end(1)]))
    for start, line in _lines(raw[:head_end]):
        f = fold(line).strip()
        if len(f) < 8 or len(f) > 100 or re.search(r"[。,;]|当前位置|首页|>>|>", f):
            continue
        if any(w in f for w in _PLAN_WORDS) or _PERIOD.search(f):
            title = line.strip()
            # A title whose period sits on the next line: 山东省“互联网+”行动计划 / (2016-2018年)
            nxt = raw[start + len(line) + 1:].lstrip("\n")
            nxt_line = nxt.split("\n", 1)[0].strip()
            if re.fullmatch(r"[((]\s*(?:19|20)\d{2}\s*[-—–~～至到]+\s*(?:19|20)\d{2}\s*年\s*[))]", fold(nxt_line)):
                title += nxt_line
            return _split_title(title)
    return None, None


def _notice(folded: str, head_end: int) -> re.Match | None:
    """A 关于印发…的通知 heading above the document proper — not one cited inside a sentence."""
    for pattern in (r"关于印发\s*[《〈]([^》〉]{2,120}?)[》〉]\s*的\s*通\s*知",
                    r"关于印发([^《》\n。,;]{2,120}?)的\s*通\s*知"):
        for m in re.finditer(pattern, folded[:head_end]):
            line_start = folded.rfind("\n", 0, m.start()) + 1
            line_end = folded.find("\n", m.end())
            if not re.search(r"[。,;]", folded[line_start:line_end if line_end >= 0 else len(folded)]):
                return m
    return None


def _unwrap_notice(title: str, folded: str) -> tuple[str, str | None] | None:
    m = re.search(r"关于印发\s*[《〈]?(.+?)[》〉]?\s*的\s*通\s*知", folded)
    if not m:
        return None
    return _join_lines(title[m.start(1):m.end(1)]), _issuer_before(title, folded, m.start())


def _split_title(title: str) -> tuple[str, str | None]:
    """聊城市人民政府 关于… → (关于…, 聊城市人民政府) when a space sets the issuer apart."""
    m = re.match(r"^(\S{2,30}?)[ \t\u3000]+(关于\S.*)$", title)
    if m and _is_organ(m.group(1)):
        return m.group(2).strip(), m.group(1)
    m = re.match(r"^(\S{2,30}?)关于", fold(title))
    if m and _is_organ(m.group(1)):
        return title, title[:m.end(1)]
    return title, None


def _issuer_before(raw: str, folded: str, pos: int) -> str | None:
    """The body named just before 关于印发 on the same line (山东省人民政府关于印发…)."""
    line_start = folded.rfind("\n", 0, pos) + 1
    before = folded[line_start:pos]
    m = re.search(r"[\u4e00-\u9fff]{2,30}$", before)
    if m and _is_organ(m.group(0)):
        cut = line_start + m.start()
        # 东府办〔2016〕88号《东莞市人民政府办公室关于印发…: only the body, not the 文号 or 《
        return raw[cut:pos].strip()
    return None


def _body_start(folded: str) -> int:
    """Where the document proper starts: the salutation (各…:) or the first numbered section."""
    m = re.search(r"^\s*(?:各[^\n]{1,80}[::]\s*$|一\s*[、.])", folded, re.M)
    return m.start() if m else min(len(folded), 3000)


def _signature(raw: str, folded: str) -> tuple[str | None, dt.date | None]:
    """(issuer, date) from a signature block: a body on its own line and a date under (or beside) it."""
    lines = [(s, text) for s, text in _lines(raw) if text.strip()]
    found: tuple[str | None, dt.date | None] = (None, None)
    for i, (start, line) in enumerate(lines):
        f = folded[start:start + len(line)].strip()
        if not f or f[-1] not in _ORGAN_LAST and not re.search(r"\d日$", f):
            continue  # cheap test first: a signature line ends with the body or the date
        if "印发" in f or "抄送" in f:
            continue  # 山东省人民政府办公厅2016年6月2日印发: the print line, not the signature
        m = re.fullmatch(r"([\u4e00-\u9fff]{2,30}?" + ORGAN_SUFFIX + r")\s*(.*)", f)
        if not m or not _is_organ(m.group(1)):
            continue
        rest = m.group(2).strip()
        date = parse_date(rest) if rest else None
        if rest and (date is None or re.sub(r"[\d年月日〇零一二三四五六七八九十.\-/ ]", "", rest)):
            continue  # more than a date beside the body: a sentence, not a signature
        if date is None and i + 1 < len(lines):
            nxt_start, nxt_line = lines[i + 1]
            nxt = folded[nxt_start:nxt_start + len(nxt_line)].strip()
            if re.fullmatch(r"[\d〇零○一二三四五六七八九十]{4}\s*年.{1,8}日|\d{4}[-./]\d{1,2}[-./]\d{1,2}", nxt):
                date = parse_date(nxt)
        if date is not None:
            found = (line.strip()[: len(m.group(1))], date)  # the last signature wins (after the notice)
    return found


def _doc_number(raw: str, folded: str) -> str | None:
    """The plan's own 文号: one standing alone on a line, or opening the line with its notice title."""
    head_end = _body_start(folded)
    for start, line in _lines(raw):
        if start > head_end + 200:
            break
        f = fold(line).strip()
        opened = 1 if f[:1] in "((" else 0  # (国发〔2015〕40号) on its own line under the title
        m = DOC_NUMBER.match(f, opened)
        if m and (f[m.end():].strip() in ("", ")", ")") or f[m.end():].lstrip().startswith("《")):
            lead = len(line) - len(line.lstrip())
            return line[lead + opened:lead + m.end()]
    labelled = _label_value(raw, folded, _LABEL["doc_number"])
    if labelled and DOC_NUMBER.search(fold(labelled)):
        return labelled
    return None


def _published(raw: str, folded: str) -> dt.date | None:
    for label in _LABEL["published"]:
        for m in re.finditer(label + r"\s*[::]\s*", folded):
            line_end = folded.find("\n", m.end())
            line = folded[m.end(): line_end if line_end >= 0 else len(folded)]
            # The header block: the label's line and the lines next to it (来源 may sit below).
            block_start = folded.rfind("\n", 0, max(0, folded.rfind("\n", 0, m.start()))) + 1
            block_end = line_end
            for _ in range(2):
                if block_end < 0:
                    break
                nxt = folded.find("\n", block_end + 1)
                block_end = nxt if nxt >= 0 else len(folded)
            source = _AGGREGATOR_SOURCE.search(folded[block_start:block_end if block_end >= 0 else len(folded)])
            if source and not _is_government(source.group(1)):
                return None  # the header credits another site: its date is the aggregator's
            if not source and not _GOVERNMENT_PAGE.search(folded[:m.start()]):
                return None  # nothing says whose page this is: when in doubt, null
            date = parse_date(line[:40])
            if date:
                return date
    return None


def _is_government(name: str) -> bool:
    f = fold(name)
    return any(w in f for w in ("政府", "人民政府", "办公厅", "办公室", "gov")) or _is_organ(name)


def _period(title: str | None, raw: str, folded: str) -> Period | None:
    """From the title's (2016-2018年), else a period stated in the text outside any 《cited title》."""
    if title:
        m = _PERIOD.search(fold(title))
        if m:
            return Period(int(m.group(1)), int(m.group(2)))
    masked = folded
    for _ in range(3):  # blank out 《…》 (nested too) so a cited plan's period is not this one's
        masked = re.sub(r"《[^《》]*》", lambda m: " " * len(m.group(0)), masked)
    m = _PERIOD.search(masked)
    if m and int(m.group(1)) <= int(m.group(2)):
        return Period(int(m.group(1)), int(m.group(2)))
    return None


def _citation_key(number: str) -> str:
    """国发〔2015〕40号 and 国发[2015]40号 are one document (text.docnum.key)."""
    return docnum.key(number)


def _cites(raw: str, folded: str, own: str | None) -> tuple[Citation, ...]:
    """Every cited 文号 with its 《title》 when one is given next to it, in order, deduplicated."""
    own_key = _citation_key(own) if own else None
    seen: dict[str, int] = {}
    out: list[Citation] = []
    for m in _doc_numbers(folded):
        lead = re.match(_NOT_PREFIX, folded[m.start():m.end()])
        start = m.start() + (lead.end() if lead else 0)
        number = raw[start:m.end()]
        key = _citation_key(number)
        if own_key and key == own_key:
            continue
        title = None
        before = folded[max(0, m.start() - 200):m.start()]
        t = re.search(r"《([^《》]{2,150})》\s*[((]?\s*$", before)
        if t:
            off = m.start() - len(before) + t.start(1)
            title = _join_lines(raw[off:off + len(t.group(1))])
        else:
            after = folded[m.end():m.end() + 200]
            t = re.match(r"\s*[))]?\s*《([^《》]{2,150})》", after)
            # 《T》 right after belongs to this 文号 only if no 文号 of its own follows it.
            if t and not DOC_NUMBER.match(re.sub(r"^\s*[((]\s*", "", after[t.end():])):
                off = m.end() + t.start(1)
                title = _join_lines(raw[off:off + len(t.group(1))])
        if key in seen:
            i = seen[key]
            if out[i].title is None and title:
                out[i] = Citation(out[i].doc_number, title)
            continue
        seen[key] = len(out)
        out.append(Citation(doc_number=number, title=title))
    return tuple(out)


# A place name opening a title: 济南市“互联网+”…, 山东省“互联网+”…, 宁夏回族自治区…; ASCII and
# full-width quotes or 关于 may follow it.
_TITLE_PLACE = re.compile(r"^([\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|区|县))(?=[“\"《「]|关于)")


def _title_place(title: str | None) -> str | None:
    """The place a title opens with, when the title is a plan named after it (济南市“互联网+”行动计划)."""
    if not title:
        return None
    m = _TITLE_PLACE.match(title.strip())
    return m.group(1) if m else None


def extract_metadata(raw: str) -> Metadata:
    """Read a plan's metadata from its raw text (see the module docstring); unstated fields are None."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    folded = fold(raw)
    title, title_issuer = _title(raw, folded)
    sig_issuer, sig_date = _signature(raw, folded)
    issuer = _label_value(raw, folded, _LABEL["issuer"]) or sig_issuer or title_issuer or _title_place(title)
    signed_label = _label_value(raw, folded, _LABEL["signed"])
    signed = parse_date(signed_label) if signed_label else None
    signed = signed or sig_date
    doc_number = _doc_number(raw, folded)
    return Metadata(
        title=title,
        issuer=issuer,
        doc_number=doc_number,
        signed=signed,
        published=_published(raw, folded),
        period=_period(title, raw, folded),
        cites=_cites(raw, folded, doc_number),
    )
