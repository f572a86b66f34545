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

- ``issuer`` is the issuing body (发文机关) as the text names it — a label, the signature block (also
  run on after the notice's last sentence in a copy with no line breaks), the body before 关于印发 or
  关于 in the title line. When none of those names a body it is None: a place that opens the title
  (济南市“互联网+”行动计划) does not say which of its bodies issued the plan.
- ``title`` is the plan's: the X of a wrapping notice (关于印发X的通知, 现将《X》印发给你们), printed
  as the document's own title line when it has one (over two lines, 关于 kept), without the site's
  tag (【…人民政府】), a page title's cut-off separator, a label without its colon or a 文号 before it.
- ``signed`` is the 成文日期, the date under the signature, else a date standing alone above the
  first numbered part (a notice dated with no name above it, (2015年9月15日) under a draft's title);
  never a date after a page label (更新时间, 发布时间).
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
from ..text.dates import parse_date
from ..text.docnum import DOC_NUMBER as _DOCNUM, doc_number_key, find_doc_numbers
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
ORGAN_SUFFIX = (r"(?:人民政府办公厅|人民政府办公室|人民政府|行政公署|办公厅|办公室|委员会|管理委员会|领导小组"
                r"|推进小组|工作小组|厅|局|委|部|院|署)")
# 省人民政府 names its province only in the letterhead: one character before 人民政府 is a body too.
_ORGAN = re.compile(r"^(?:[\u4e00-\u9fff]{2,30}?" + ORGAN_SUFFIX + r"|[省市县区州]人民政府(?:办公厅|办公室)?)$")
_ORGAN_LAST = set("府厅室会局委部院署组")
# 文号 (国发〔2015〕40号 …): one pattern and one key, in text/docnum.py.
DOC_NUMBER = _DOCNUM
_doc_numbers = find_doc_numbers


# Words a 文号 match can pick up from the sentence before it (根据国发〔2015〕40号).
_NOT_PREFIX = r"(?:根据|按照|依据|依照|贯彻落实|贯彻|落实|参照|和|及|与|并)+"
_PERIOD = re.compile(r"((?:19|20)[0-9]{2})\s*年?\s*(?:[-—–~～]+|至|到)\s*((?:19|20)[0-9]{2})\s*年")
_LABEL = {
    "title": ("标题", "名称", "文件名称"),
    "issuer": ("发文机关", "发布机关", "发文单位"),
    "doc_number": ("发文字号", "文号", "编号"),
    "signed": ("成文日期", "成文时间", "签发日期"),
    "published": ("发布日期", "发布时间", "公布日期", "公开日期"),
    # The publishing body of a page's table or an aggregator's field: the issuer only when nothing
    # else (label, signature, notice title) names one.
    "publisher": ("发布机构", "颁布单位", "发布单位", "发文单位"),
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
                 "浏览次数", "字号", "有效性", "所属机构", "生成日期", "失效日期", "废止日期", "发布机构", "发文日期",
                 "是否有效", "公开方式", "公开时限", "文件编号", "信息分类")
def _spaced(label: str) -> str:
    """A label's pattern allowing the padding pages put between its characters (标  题, 索 引 号)."""
    return r"[ \t\u3000]*".join(map(re.escape, label))


_ANY_LABEL = "|".join(_spaced(w) for w in sorted({w for ws in _LABEL.values() for w in ws} | set(_OTHER_LABELS),
                                                 key=len, reverse=True))
_VALUE_END = re.compile(r"\t| {2,}|\u3000|\||(?:" + _ANY_LABEL + r")\s*[::]")


def _label_value(raw: str, folded: str, labels: tuple[str, ...]) -> str | None:
    """The value after ``label:`` — up to the next label, a wide gap or the line's end; on the next
    line when the label's own line has none (a table copied one cell per line)."""
    found = _label_value_colon(raw, folded, labels)
    if found is not None:
        return found
    # A table printed without colons: "发布机构 西藏自治区发改委 发布日期 …" / "发布机构 | 昌吉市城市管理局 |",
    # the label opening its line.
    for label in labels:
        for m in re.finditer(r"^[ \t\u3000•]*" + _spaced(label) + r"[ \t\u3000]*(?:\|[ \t\u3000]*|[ \t\u3000])",
                             folded, re.M):
            end = folded.find("\n", m.end())
            end = len(folded) if end < 0 else end
            stop = _COLONLESS_STOP.search(folded, m.end(), end)
            value = raw[m.end():stop.start() if stop else end].strip()
            if value and not re.match(r"(?:" + _ANY_LABEL + r")(?:\s|[::]|$)", fold(value)):
                return value
    return None


_COLONLESS_STOP = re.compile(r"\t| {2,}|\u3000|\||\s(?:" + _ANY_LABEL + r")(?:\s|[::]|$)")


def _label_value_colon(raw: str, folded: str, labels: tuple[str, ...]) -> str | None:
    for label in labels:
        for m in re.finditer(r"(?:^|[\s|【\[])" + _spaced(label) + r"\s*[::]", folded, re.M):
            start = m.end()
            end = folded.find("\n", start)
            end = len(folded) if end < 0 else end
            if not folded[start:end].strip() and end < len(folded):
                start = end + 1  # the value sits on the next line
                end = folded.find("\n", start)
                end = len(folded) if end < 0 else end
            while start < end and folded[start] in " \t\u3000|":
                start += 1  # a pipe table's cell: 发文字号: | 绍政发〔2016〕27号 |
            stop = _VALUE_END.search(folded, start, end)
            value = raw[start:stop.start() if stop else end].strip()
            if value and not re.match(r"(?:" + _ANY_LABEL + r")\s*[::]", fold(value)):
                return value
    return None


def _is_organ(name: str) -> bool:
    return bool(_ORGAN.match(fold(name)))


# The notice's own sentence naming the plan it issues: 现将《X》印发给你们 / 《X》已经省政府同意,现予印发.
_NAMED_IN_NOTICE = re.compile(r"(?:现将|现把|特将|将)\s*《([^《》\n]{4,120})》[^。\n]{0,30}?印发"
                              r"|《([^《》\n]{4,120})》\s*(?:已经|已|经)[^。\n]{0,60}?印发")
# A site's tag before the title (【浙江省人民政府】“互联网+”行动计划) and a page title's separator left
# when the site name was cut off (汕头市“互联网+”行动计划-).
_SITE_TAG = re.compile(r"^\s*【[^】]{1,30}】\s*")
_PAGE_TITLE_END = re.compile(r"[ \t]*[-_|–—]+[ \t]*$")
_NOT_TITLE = re.compile(r"[。,;:!?]|当前位置|首页|>|浏览|点击|来源|时间|日期|印发|的通知|分享|打印|字号|责任编辑")


def _key(text: str) -> str:
    """A title compared without spaces, quotes, book-title marks or dash variants."""
    key = re.sub(r"[\s《》〈〉“”\"‘’'「」]", "", fold(text))
    return re.sub(r"[-—–~～]+", "-", key)


def _title_lines(raw: str, folded: str) -> list[str]:
    """Lines (and pairs of lines, a title printed over two) above the first numbered part that read
    like a plan's own title: short, no sentence punctuation, not a 文号, date, body or page chrome."""
    m = re.search(r"^\s*(?:一\s*[、.]|第一[章部]|[(]一[)])", folded, re.M)
    end = m.start() if m else min(len(folded), 4000)
    rows = []
    for _start, line in _lines(raw[:end]):
        text = _clean_title_line(line)
        if _PAGE_TITLE_END.search(text) and not re.search(r"\d[-—–]+$", text):
            rows.append(None)  # a page's <title> with its site name cut off: not the document's
            continue
        f = re.sub(r"\s+", "", fold(text))
        ok = (6 <= len(f) <= 90 and not _NOT_TITLE.search(f) and not DOC_NUMBER.fullmatch(f.strip("()"))
              and not re.fullmatch(r"[((]?[\d〇零○一二三四五六七八九十年月日.\-/]+[))]?", f)
              and not _is_organ(f) and not re.fullmatch(r"[((].*[))]", f)
              and not re.search(r"文件$", f) and f.count("“") == f.count("”"))  # a damaged line: 十四五”…
        rows.append(text if ok else None)
    out = []
    for i, text in enumerate(rows):
        if text is None:
            continue
        out.append(text)
        if i + 1 < len(rows) and rows[i + 1] is not None:
            out.append(text + rows[i + 1])
    return out


def _clean_title_line(line: str) -> str:
    """A title line without what pages put around it: a site tag (【…】), a label without its colon
    (标      题 X), a list number (2. X), the 文号 before it (甘政办发〔2019〕96号《X》) and 《》."""
    text = _SITE_TAG.sub("", line).strip()
    f = fold(text)
    m = re.match(r"(?:标\s*题|名\s*称)[ \t\u3000]+(?=\S)|\d{1,2}\s*[.、]\s*(?=[\u4e00-\u9fff])", f)
    if m:
        text, f = text[m.end():], f[m.end():]
    m = DOC_NUMBER.match(f)
    if m and f[m.end():].lstrip().startswith("《"):
        text, f = text[m.end():].lstrip(), f[m.end():].lstrip()
    if f.startswith("《") and f.endswith("》") and f.count("《") == 1:
        text = text[1:-1]
    return text.strip()


def _title(raw: str, folded: str) -> tuple[str | None, str | None]:
    """(title, issuer named in the title line). The reference is a 标题 label, else the notice that
    wraps the plan (关于印发X的通知 → X), else the plan the notice's sentence names (现将《X》印发);
    the document's own title line is preferred when it is that title as printed (a title over two
    lines, 关于 kept, one character different), since it is the document's own wording."""
    labelled = _label_value(raw, folded, _LABEL["title"])
    if labelled:
        labelled = re.sub(r"^[\s:：]+", "", labelled)
        unwrapped = _unwrap_notice(labelled, fold(labelled))
        if unwrapped is None:
            return labelled, None
        ref, issuer = unwrapped
    else:
        ref, issuer = _title_basic(raw, folded)
        named = _NAMED_IN_NOTICE.search(folded[:6000])
        if named and (ref is None or ref == _first_title_line(raw, folded)):
            g = 1 if named.group(1) else 2
            ref, issuer = _join_lines(raw[named.start(g):named.end(g)]), issuer
    if ref is None:
        return None, issuer
    import difflib

    best, best_ratio = None, 0.0
    for line in _title_lines(raw, folded):
        ratio = difflib.SequenceMatcher(None, _key(line), _key(ref)).ratio()
        if ratio > best_ratio:
            best, best_ratio = line, ratio
    if best is not None and best_ratio >= 0.9:
        return best, issuer
    return ref, issuer


def _first_title_line(raw: str, folded: str) -> str | None:
    for line in _title_lines(raw, folded):
        if any(w in fold(line) for w in _PLAN_WORDS) or _PERIOD.search(fold(line)):
            return line
    return None


def _title_basic(raw: str, folded: str) -> tuple[str | None, str | None]:
    """(title, issuer) from a notice heading, an attachment line or the first title line."""
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
        f = fold(_SITE_TAG.sub("", line)).strip()
        if len(f) < 8 or len(f) > 100 or re.search(r"[。,;]|当前位置|首页|>>|>", f) \
                or _PAGE_TITLE_END.search(f) and not re.search(r"\d[-—–]+$", f):
            continue
        if any(w in f for w in _PLAN_WORDS) or _PERIOD.search(f):
            title = _clean_title_line(line)
            truncated = re.search(r"的\s*通\s*知$", title)
            if truncated and "关于" not in f:
                # A notice heading whose issuer and 关于印发 were cut off: X的通知 wraps the plan X.
                title = title[:truncated.start()].strip()
            # A title whose period sits on the next line: 山东省“互联网+”行动计划 / (2016-2018年)
            nxt = raw[start + len(line) + 1:].lstrip("\n")
            nxt_line = nxt.split("\n", 1)[0].strip()
            if re.fullmatch(r"[((]\s*(?:19|20)\d{2}\s*[-—–~～至到]+\s*(?:19|20)\d{2}\s*年\s*[))]", fold(nxt_line)):
                title += nxt_line
            return _split_title(title)
    return None, None


def _notice(folded: str, head_end: int) -> re.Match | None:
    """A 关于印发…的通知 heading above the document proper — not one cited inside a sentence."""
    for pattern in (r"(?:关于)?\s*(?:印发|组织实施)\s*[《〈]([^》〉]{2,120}?)[》〉]\s*的\s*通\s*知",
                    r"关于\s*(?:印发|组织实施)([^《》。,;]{2,120}?)的\s*通\s*知"):
        for m in re.finditer(pattern, folded[:head_end]):
            line_start = folded.rfind("\n", 0, m.start()) + 1
            line_end = folded.find("\n", m.end())
            if not re.search(r"[。,;]", folded[line_start:line_end if line_end >= 0 else len(folded)]):
                return m
    return None


def _unwrap_notice(title: str, folded: str) -> tuple[str, str | None] | None:
    m = re.search(r"(?:关于)?\s*(?:印发|组织实施)\s*[《〈]?(.+?)[》〉]?\s*的\s*通\s*知", folded)
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
    if not before.strip() and line_start > 0:
        # The body on the line above (吉林省人民政府办公厅 / 关于印发…的通知), as a letterhead prints it.
        prev_end = line_start - 1
        while prev_end > 0 and not folded[folded.rfind("\n", 0, prev_end) + 1:prev_end].strip():
            prev_end = folded.rfind("\n", 0, prev_end)
        prev_start = folded.rfind("\n", 0, prev_end) + 1
        prev = folded[prev_start:prev_end].strip()
        if prev and _is_organ(prev):
            return raw[prev_start:prev_end].strip()
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
        # Greedy: two bodies signing together (宁波市发展和改革委员会宁波市大数据发展管理局, or with a
        # space between them) are one line.
        m = re.fullmatch(r"((?:[\u4e00-\u9fff]{2,60}" + ORGAN_SUFFIX + r"[ \t\u3000]*)+?)\s*(.*)", f)
        if m and re.fullmatch(r"(?:[\u4e00-\u9fff]{2,60}" + ORGAN_SUFFIX + r"[ \t\u3000]*)+", m.group(2)):
            m = re.fullmatch(r"(.+?)()", f)
        if not m or not all(_is_organ(part) for part in m.group(1).split()):
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


_DATE_TEXT = r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○O一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)"
# The notice's closing sentence, then (in a copy with no line breaks) the signature: body and date.
_INLINE_SIGNATURE = re.compile(r"(?:执行|落实|实施|遵照执行|办理|施行)\s*[。.]\s*(?:([\u4e00-\u9fff]{2,30}?"
                               + ORGAN_SUFFIX + r")\s*)?(" + _DATE_TEXT + r")")
_BARE_DATE = re.compile(r"^\s*[((]?\s*(" + _DATE_TEXT + r")\s*[))]?\s*$", re.M)


def _unsigned_date(raw: str, folded: str) -> tuple[str | None, dt.date | None]:
    """(issuer, date) where no signature block stands: the body and date run on after the notice's
    last sentence (…请认真贯彻执行。 北京市人民政府办公厅 2018 年 7 月 30 日), else a date alone on its
    line above the first numbered part ((2015年9月15日) under a draft's title, a notice's date with no
    name above it). A date after a label (更新时间: …) is the page's, never this."""
    head = folded[:_first_part(folded)]
    m = _INLINE_SIGNATURE.search(head)
    if m:
        issuer = raw[m.start(1):m.end(1)].strip() if m.group(1) and _is_organ(m.group(1)) else None
        return issuer, parse_date(m.group(2))
    m = _BARE_DATE.search(head)
    if m:
        return None, parse_date(m.group(1))
    return None, None


def _first_part(folded: str) -> int:
    m = re.search(r"^\s*(?:一\s*[、.]|第一[章部]|[(]一[)])", folded, re.M)
    return m.start() if m else min(len(folded), 4000)


def _doc_number(raw: str, folded: str) -> str | None:
    """The plan's own 文号: one standing alone on a line (or in parentheses), opening the line with its
    notice title or the addressee (川府发[2017]62号各市(州)人民政府…: a copy with no line breaks), opening
    the document,
    after the letterhead (北京市人民政府办公厅文件 京政办发﹝2018﹞31 号 …), in parentheses after the
    notice's title (…的通知 (桂数广发〔2020〕2号)), else a 发文字号 / 文号 / 编号 label."""
    head_end = _body_start(folded)
    first = True
    for start, line in _lines(raw):
        if start > head_end + 200:
            break
        f = fold(line).strip()
        if not f:
            continue
        lead = len(line) - len(line.lstrip())
        letterhead = re.match(r"[\u4e00-\u9fff]{2,30}文件\s+", f)
        opened = letterhead.end() if letterhead else 1 if f[:1] in "((" else 0
        m = DOC_NUMBER.match(f, opened)
        if m and (f[m.end():].strip() in ("", ")", ")") or f[m.end():].lstrip().startswith(("《", "各"))
                  or first or letterhead):
            return line[lead + opened:lead + m.end()]
        first = False
    m = re.search(r"的\s*通\s*知\s*[(]\s*(" + DOC_NUMBER.pattern + r")\s*[)]", folded[:head_end + 200])
    if m:
        return raw[m.start(1):m.end(1)]
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


_citation_key = doc_number_key


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


def extract_metadata(raw: str) -> Metadata:
    """Read a plan's metadata from its raw text (see the module docstring); unstated fields are None."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    folded = fold(raw)
    title, title_issuer = _title(raw, folded)
    sig_issuer, sig_date = _signature(raw, folded)
    issuer = _label_value(raw, folded, _LABEL["issuer"]) or sig_issuer or title_issuer
    signed_label = _label_value(raw, folded, _LABEL["signed"])
    signed = parse_date(signed_label) if signed_label else None
    signed = signed or sig_date
    if signed is None:
        unsigned_issuer, signed = _unsigned_date(raw, folded)
        issuer = issuer or unsigned_issuer
    if issuer is None:
        publisher = _label_value(raw, folded, _LABEL["publisher"])
        issuer = publisher if publisher and _is_organ(re.sub(r"\s+", "", publisher)) else None
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
