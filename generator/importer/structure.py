"""Paragraphs → the plan's outline: preamble, section tree with tasks, attachments, skipped lines.

A plan is a numbered outline, but each document picks its own schemes and mixes them: 第一章 / 一、 /
(一) (half- or full-width parentheses) / 1. 1、 / 1) / (1) / ① / —— dash items / 一是… opening a
paragraph, with titles on their own line or glued to the item's first sentence ("(一)指导思想。围绕…").
Levels are therefore not fixed per scheme: the first scheme met is the top level, a scheme not yet
open nests below the current item, and a scheme already open closes everything below it (the usual
outline-numbering rule). That is what lets Liaocheng's tasks run 1–28 straight through its (一)…(十)
sections. A box (专栏1 重点工程) is the exception: it stands beside the items of its part, its own list
restarts inside it, and it becomes a section of its own. A number glued to the previous sentence ("…共同体。(五)加强…") starts a new paragraph when
it continues an open sequence. Matching runs on a same-length fold (folding.fold: full-width →
half-width, traditional → simplified), so match positions cut verbatim text from the original line.

Agency annotations decide what a task is as much as numbering does. An annotation — in any bracket, (), （）, 【】, 〔〕, [] or ﹝﹞ (annotations.find_annotations, the one detector),
possibly unclosed, or a labelled clause such as 责任单位:X — at the end of an item's paragraph closes
that item. An annotation standing alone after the last item of a section whose items carry none of
their own closes the whole section: every item in it gets the agencies (Jinan writes its annotations
this way). Numbered leaf items are tasks, except under general sections (指导思想, 基本原则, 总体目标 …,
recognised by heading words), which stay sections with text.

Front matter (title block, 文号, addressee, the notice that forwards the plan, the signature block)
is not plan text; the run of prose right before the first numbered part is the ``preamble``. End
matter (signature and date, 抄送, 印发) is dropped and reported, and attachments (附件) become
``Attachment`` objects with structured member lists, never part of the last section's text.

Everything kept is verbatim: titles, texts and annotations are slices of source lines, and texts
spanning several paragraphs join consecutive lines only. The builder never raises on odd input: what
it cannot place is reported in ``Outline.skipped``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .. import model
from .annotations import find_annotations
from .chrome import Line
from ..text.brackets import balanced, is_opening
from ..text.folding import fold
from ..text.numerals import cn_to_int

_CN = "一二三四五六七八九十百零〇两"

# Numbering schemes, as written at the start of a paragraph. Each yields (kind, number as written).
_SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 专栏1 重点工程: a box beside the items, holding its own list (see _Builder.add_marked).
    ("box", re.compile(rf"^(专栏\s*[0-9０-９{_CN}]{{0,3}})\s*[:：.、]?\s*")),
    ("chapter", re.compile(rf"^第([{_CN}\d]+)(?:部分|章|节|篇|部)\s*")),
    ("cn", re.compile(rf"^([{_CN}]+)\s*[、.．]\s*")),
    ("paren-cn", re.compile(rf"^[(\uff08]\s*([{_CN}]+)\s*[)\uff09]\s*[、.．]?\s*")),
    ("arabic", re.compile(r"^([0-9０-９]{1,2})\s*(?:[、．]|\.(?![0-9０-９]))\s*")),
    ("paren-arabic", re.compile(r"^[(\uff08]\s*([0-9０-９]{1,2})\s*[)\uff09]\s*[、.．]?\s*")),
    ("arabic-paren", re.compile(r"^([0-9０-９]{1,2})\s*[)\uff09](?![0-9０-９])\s*")),  # 1) / 1）
    ("circled", re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
    # 一是… / 二是… opening a paragraph: items too (inside a paragraph they stay that paragraph's text).
    ("shi", re.compile(rf"^([{_CN}]{{1,3}}是)(?=[\u4e00-\u9fff“\"《(\uff08])")),
    ("dash", re.compile(r"^(?:——|—|－－|--|━━)+\s*")),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Heading words of the general parts of a plan: their items are statements, not tasks.
GENERAL_HEADING_WORDS = (
    "指导思想", "基本原则", "发展原则", "工作原则", "主要原则", "总体目标", "工作目标", "发展目标", "主要目标",
    "行动目标", "具体目标", "总体要求", "总体思路", "发展思路", "工作思路", "基本思路", "重要意义", "发展现状",
    "现状与形势", "形势分析", "发展基础", "面临形势", "适用范围", "编制依据",
    # 国发〔2015〕40号 opens with 行动要求; others with 基本要求, 预期目标, 发展定位 …
    "行动要求", "基本要求", "预期目标", "发展定位", "战略定位", "主要指标", "重大意义", "发展形势",
)

_DATE_LINE = re.compile(rf"^\s*(?:\d{{4}}|[{_CN}]{{4}})\s*年\s*[\d{_CN}]{{1,3}}\s*月\s*[\d{_CN}]{{1,3}}\s*日\s*$")
_END_MATTER = re.compile(r"^(抄送|抄报|主送|印发|(此件|本件)公开发布|[(\uff08]此件|[(\uff08]联系人|联系人[:：])")
_PRINTED = re.compile(r"(办公厅|办公室|秘书处).{0,4}\d{4}年\d{1,2}月\d{1,2}日\s*印发\s*$")
_ATTACHMENT = re.compile(r"^附\s*件\s*([0-9０-９]{0,2})\s*[:：]?\s*")
_MEMBER = re.compile(
    r"^(?:(?P<role>[^:：()\uff08\uff09。,，]{1,12}?)\s*[:：]\s*)?"
    r"(?P<name>[\u3400-\u9fff·•][\u3400-\u9fff·•\s]{0,10}?)\s*[(\uff08](?P<position>[^()\uff08\uff09]{1,60})[)\uff09]\s*[,,;;。]?$")

# The same list without parentheses: "组  长:张三  市政府市长" / "王五  市经信委主任" — the name, a gap,
# then a post (which must end like one, so that a sentence is never read as a member).
_MEMBER_SPACED = re.compile(
    r"^(?:(?P<role>[^:：()\uff08\uff09。,，]{1,12}?)\s*[:：]\s*)?"
    r"(?P<name>[\u3400-\u9fff·•](?:\s*[\u3400-\u9fff·•]){1,3}?)\s+"
    r"(?P<position>[^\s。,，;；:：]{2,40}(?:长|主任|书记|主席|经理|委员|负责人|巡视员|调研员|行长|院长|校长|台长))$")


# --- the outline the builder produces -------------------------------------------------------


@dataclass(frozen=True)
class Outline:
    """What the structure stage found: the preamble, sections (tasks inside), attachments, and the
    lines it skipped or could not place, each as a report line."""

    preamble: str | None
    sections: tuple[model.Section, ...]
    attachments: tuple[model.Attachment, ...]
    skipped: tuple[str, ...]
    body_start: int | None  # line number of the first numbered part, when there is one


# --- paragraphs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """A numbering marker at the start of a paragraph: its scheme, the number as written and where
    the rest of the paragraph begins."""

    kind: str
    number: str | None
    end: int


def find_marker(text: str) -> Marker | None:
    """The numbering marker that opens ``text``, or None (一、 (一) 1. (1) ① —— 第一章)."""
    probe = fold(text)  # same length: positions in the probe are positions in the text
    for kind, pattern in _SCHEMES:
        # Circled numbers fold to plain digits (③ → 3): they are matched as written.
        m = pattern.match(text if kind == "circled" else probe)
        if not m:
            continue
        rest = probe[m.end():]
        if not rest.strip() and kind == "dash":
            return None
        if kind == "dash":
            return Marker(kind, None, m.end())
        number = text[m.start(1):m.end(1)]
        if kind in ("cn", "paren-cn", "chapter", "shi") and cn_to_int(m.group(1).rstrip("是")) is None:
            continue
        if kind == "cn" and re.match(r"^[是则要方来]", rest):  # 一是… is inline numbering, not 一、
            continue
        written = number if kind in ("cn", "arabic", "circled", "chapter", "shi", "box") else text[:m.end()].strip()
        written = written.rstrip("、.．").strip()
        return Marker(kind, written, m.end())
    return None


def marker_value(marker: Marker) -> int | None:
    """The arabic value of a marker's number ((三) → 3, ⑤ → 5); None for dash items."""
    if marker.number is None or marker.kind == "box":
        return None
    if marker.kind == "circled":
        return _CIRCLED.index(marker.number) + 1 if marker.number in _CIRCLED else None
    inner = re.sub(r"[()、.第章部分节篇是\s]", "", fold(marker.number))
    return cn_to_int(inner)


def trailing_annotation(text: str) -> tuple[int, int] | None:
    """The span of the agency annotation that ends ``text``, parenthesised or labelled, or None.

    The annotation is found by annotations.find_annotations, the importer's one detector (any
    bracket of text/brackets.py: () （） 【】 〔〕 [] ﹝﹞ …; unclosed too), so the structure and the
    reading of roles agree."""
    body = fold(text).rstrip()
    while body and body[-1] in "。;;.":
        body = body[:-1].rstrip()
    if not body:
        return None
    found = find_annotations(text[:len(body)])
    last = found[-1] if found else None
    if last is not None and is_opening(text[last.start]) and (
            last.end >= len(body) or not last.closed and "。" not in body[last.end:]):
        # An unclosed one runs to the end of the paragraph (its tail may be cut off by the page).
        return (last.start, len(body))
    return _labelled_tail(text)



# An unparenthesised annotation: a labelled clause ending the paragraph (… 。责任单位:市经信委、市发改委).
_LABELLED_TAIL = re.compile(
    r"(?:^|(?<=[。;!?\s]))((?:牵头单位|牵头部门|责任单位|责任部门|主责单位|负责单位|实施单位)\s*[:]"
    r"[^。:;!?()]{1,200}(?:[;,]\s*(?:配合单位|配合部门|参与单位|协办单位)\s*[:][^。:;!?()]{1,300})?)[。]?$")


# A labelled line that continues the annotation on the line before it.
_LABEL_CONTINUED = re.compile(
    r"^(?:配合单位|配合部门|参与单位|参与部门|协办单位|协助单位|协同单位|责任单位|责任部门|完成时限|完成时间"
    r"|时间节点|时间进度|进度安排)\s*[:][^。:;!?]{1,200}[。]?$")


def _labelled_tail(text: str) -> tuple[int, int] | None:
    body = fold(text).rstrip()
    m = _LABELLED_TAIL.search(body)
    return (m.start(1), m.end(1)) if m else None


def _is_prose(text: str) -> bool:
    folded = unicodedata.normalize("NFKC", text)
    return folded.rstrip().endswith(("。", "!", "?", ";")) or len(folded) > 60


def _is_short_sentence(text: str) -> bool:
    folded = fold(text).strip()
    return len(folded) <= 40 and folded.endswith(("。", ".")) and not re.search(r"[。!?;]", folded[:-1])


def _is_heading_like(text: str) -> bool:
    folded = fold(text).strip()
    if folded.endswith(":"):  # "主要目标:" above its text; a long line ending in ":" is a sentence
        return len(folded) <= 20 and not re.search(r"[。,;:]", folded[:-1])
    return len(folded) <= 60 and not folded.endswith(("。", ";", ","))


# --- the tree under construction ----------------------------------------------------------------


@dataclass
class _Node:
    kind: str  # a scheme kind, or "para" for an unnumbered paragraph item
    number: str | None
    value: int | None
    title: str | None = None
    parts: list[str] = field(default_factory=list)  # verbatim paragraphs (or tails of them)
    annotation: str | None = None
    standalone: bool = False  # annotation on a line of its own (may close the whole section)
    children: list[_Node] = field(default_factory=list)
    line: int = 0
    heading_only: bool = False  # the marker line carried a title and nothing else
    section_annotation: str | None = None
    title_raw: str | None = None  # a one-sentence heading as written, 。 included
    last: int = 0  # line number of the last paragraph in ``parts``
    heading_line: bool = False  # the title stood on a line of its own

    @property
    def text(self) -> str | None:
        joined = "\n".join(p for p in self.parts if p.strip())
        return joined or None


def _split_heading(rest: str) -> tuple[str | None, str]:
    """"指导思想。围绕…" → ("指导思想", "围绕…"); a heading alone on its line → (heading, "")."""
    rest = rest.strip()
    m = re.match(r"^([^。!?;；！？]{1,40}?)[。!！]\s*(\S.*)$", rest, re.S)
    # A bracket left open before the 。 means the 。 is inside it: not the end of a heading.
    if m and not trailing_annotation(m.group(1)) and balanced(m.group(1)):
        return m.group(1).strip(), m.group(2).strip()
    return None, rest


class _Builder:
    """Folds a paragraph stream into a node tree with the outline-numbering rule (module docstring)."""

    def __init__(self, breaks: frozenset[int] = frozenset()) -> None:
        self.breaks = sorted(breaks)
        self.root = _Node("root", None, None)
        self.stack: list[_Node] = [self.root]
        self.skipped: list[str] = []
        self.annotated: _Node | None = None  # the node whose annotation the last line ended with

    def glued_cut(self, text: str) -> int | None:
        """Where the next sibling's number starts after a full stop on the same line ("…共同体。(五)加强…"),
        or None. Only the number that continues an open sequence counts, so a reference such as
        "依据(一)" or a figure is never taken for a heading."""
        own = find_marker(text)
        breaks = re.compile(r"[。;；!?！？]\s*|[)）]\s*").finditer(text, own.end if own is not None else 0)
        for k, m in enumerate(breaks):
            p = m.end()
            if p >= len(text):
                break
            if m.group(0)[0] in ")）" and not trailing_annotation(text[:p].rstrip()):
                continue  # only an annotation's closing parenthesis ends an item: "…(市经信委负责)2.推进…"
            marker = find_marker(text[p:])
            if marker is None or marker.kind in ("dash", "shi", "chapter", "box") or marker.number is None:
                continue
            if own is not None and own.kind == marker.kind:
                previous = marker_value(own)
            else:
                node = next((n for n in reversed(self.stack[1:]) if n.kind == marker.kind), None)
                previous = node.value if node is not None else None
            value = marker_value(marker)
            if previous is not None and value is not None and value == previous + 1:
                return p
            if (k == 0 and own is not None and previous is None and value == 1 and marker.kind != own.kind
                    and len(text[own.end:p].strip()) <= 40 and not re.search(r"[,，]", text[own.end:p])):
                # "(一)智能制造。1.推进智能工厂。…": a heading sentence, then its first child item glued on.
                return p
        return None

    def annotation_cut(self, text: str) -> int | None:
        """Where a paragraph goes on after an annotation that closes a sentence group inside it
        ("…不少于100项。(省政府办公厅牵头,…)大力推广…。(省大数据局牵头)"): each group is a unit of
        work with its own agencies, so the rest is a paragraph of its own. None when there is none."""
        for a in find_annotations(text):
            if not a.closed:
                continue
            before = fold(text[:a.start]).rstrip()
            after = text[a.end:]
            rest = fold(after).lstrip(" \t\u3000。;.")
            if not before or before[-1] not in "。;!?" or len(rest) < 6 or find_marker(rest):
                continue
            return a.end + (len(after) - len(after.lstrip(" \t\u3000。;．.")))
        return None

    def _open_kinds(self) -> list[str]:
        return [n.kind for n in self.stack[1:]]

    def add_marked(self, line: Line, marker: Marker) -> None:
        kinds = self._open_kinds()
        if marker.kind == "box":
            # A box (专栏) stands beside the items of the part it appears in, never inside the item
            # before it; its own list starts afresh inside it, and the next item of an outer scheme
            # closes it like any nested level.
            while len(self.stack) > 1 and self.stack[-1].kind in ("para", "box"):
                self.stack.pop()
            top = self.stack[-1]
            if len(self.stack) > 2 and not top.children and top.text:
                self.stack.pop()
        elif marker.kind == "chapter":
            del self.stack[1:]  # 第一章 is always the top level
        elif marker.kind in kinds:
            # Close everything down to and including the open item of this scheme: a sibling.
            idx = len(kinds) - 1 - kinds[::-1].index(marker.kind)
            del self.stack[idx + 1:]
        elif self.stack[-1].kind == "para":
            self.stack.pop()
        parent = self.stack[-1]
        rest = line.text[marker.end:]
        node = _Node(marker.kind, marker.number, marker_value(marker), line=line.number, last=line.number)
        self._fill(node, rest, first=True)
        parent.children.append(node)
        self.stack.append(node)
        self.annotated = node if node.annotation else None

    def _fill(self, node: _Node, text: str, *, first: bool) -> None:
        span = trailing_annotation(text)
        annotation = None
        if span:
            annotation = text[span[0]:span[1]]
            text = text[:span[0]].rstrip()
        if first:
            title, body = _split_heading(text)
            if title is None and _is_heading_like(text) and not span:
                node.title, node.heading_only = text.strip().rstrip(":：").strip() or None, True
                node.heading_line = True
                body = ""
            elif title is None and not span and _is_short_sentence(text):
                # "1.行动目标。" with its text on the next line; a lone sentence becomes text again
                # if nothing follows it (see _heading_only_leaf_is_text).
                node.title, node.title_raw, body = text.strip().rstrip("。.!! "), text.strip(), ""  # noqa: B005 (a set of end marks)
            elif title is not None:
                node.title = title
            node.parts.append(body)
        else:
            node.parts.append(text.strip())
        if annotation:
            if node.annotation:
                self.skipped.append(f"line {node.line}: a second annotation in one item replaced the first: "
                                    f"{node.annotation}")
            node.annotation, node.standalone = annotation, False

    def add_plain(self, line: Line) -> None:
        text = line.text
        span = trailing_annotation(text)
        top = self.stack[-1]
        if top.annotation and self.annotated is top and _LABEL_CONTINUED.match(fold(text).strip()):
            # 牵头单位:X on one line, 配合单位:Y (or 完成时限:…) on the next: one annotation.
            top.annotation = f"{top.annotation}\n{text.strip()}"
            return
        self.annotated = None
        if span and not text[:span[0]].strip():
            # An annotation on a line of its own: closes the current item (or, later, its section).
            if top is self.root:
                self.skipped.append(f"line {line.number}: annotation before any numbered part: {text}")
                return
            if top.annotation:
                self.skipped.append(f"line {line.number}: second annotation for one item, ignored: {text}")
                return
            top.annotation, top.standalone = text[span[0]:span[1]].strip(), True
            self.annotated = top
            return
        if top is self.root:
            self.skipped.append(f"line {line.number}: text outside any numbered part: {text[:40]}")
            return
        broken = any(top.last < b < line.number for b in self.breaks)
        if (top.annotation and not top.standalone and not top.children and top.kind != "para"
                and ((top.heading_line or top.title_raw) and top.last > top.line
                     or line.number == top.line and top.title)):
            # "(一)推进政务服务。" on its own line, then paragraphs each closed by an annotation: the
            # first paragraph was not the heading's body but its first unnumbered item. Move it down
            # so that it and this paragraph are sibling items of the heading.
            first = _Node("para", None, None, parts=[p for p in top.parts if p.strip()],
                          annotation=top.annotation, line=top.last, last=top.last)
            top.parts, top.annotation, top.heading_only = [""], None, True
            top.children.append(first)
            self.stack.append(first)
            top = first
        if top.kind == "dash" or top.annotation or broken or (top.children and top.kind != "para"):
            # A paragraph after a dash item, after a closed item, or after child items is an
            # unnumbered item of its own (Beijing's "到2025年…" after its —— list).
            if top.kind in ("dash", "para") or (top.annotation or broken) and not top.children:
                self.stack.pop()
            parent = self.stack[-1]
            if parent is self.root:
                self.skipped.append(f"line {line.number}: text outside any numbered part: {text[:40]}")
                return
            node = _Node("para", None, None, line=line.number, last=line.number)
            self._fill(node, text, first=False)
            parent.children.append(node)
            self.stack.append(node)
            self.annotated = node if node.annotation else None
            return
        self._fill(top, text, first=False)
        top.heading_only = False
        top.last = line.number
        self.annotated = top if top.annotation else None


# --- front matter, end matter, attachments ------------------------------------------------------


def _body_start(lines: list[Line]) -> int | None:
    """Index of the first numbered paragraph that starts the plan body (not a dash or a bare number)."""
    for i, ln in enumerate(lines):
        marker = find_marker(ln.text)
        if marker and marker.kind not in ("dash", "shi"):
            return i
    return None


def _end_start(lines: list[Line], start: int) -> int:
    """Index where end matter (signature block, 抄送, 印发, 附件) begins after the body, or len(lines)."""
    for i in range(start + 1, len(lines)):
        text = lines[i].text
        folded = fold(text).strip()
        if _DATE_LINE.match(folded):
            j = i
            # The issuer's name (one or two short lines) above the date is the signature.
            while j - 1 > start and _is_signature(lines[j - 1].text):
                j -= 1
            return j
        if _END_MATTER.match(folded) or _PRINTED.search(folded) or _ATTACHMENT.match(folded):
            if find_marker(text):
                continue
            return i
    return len(lines)


def _is_signature(text: str) -> bool:
    folded = fold(text).strip()
    return (len(folded) <= 30 and not re.search(r"[。,;:!?、]", folded) and find_marker(folded) is None
            and not trailing_annotation(folded))


def _crosses(breaks: frozenset[int], a: int, b: int) -> bool:
    return any(a < x < b for x in breaks)


def _preamble(front: list[Line], breaks: frozenset[int] = frozenset()) -> tuple[str | None, list[Line]]:
    """The run of prose paragraphs right before the body; every other front line is skipped."""
    run: list[Line] = []
    for ln in reversed(front):
        folded = fold(ln.text).strip()
        if run and _crosses(breaks, ln.number, run[0].number):
            break
        # A line ending in ":" is the addressee (各区人民政府,市政府各部门:) unless it announces what
        # follows (…现提出如下实施意见:), which is the preamble's last sentence.
        addressee = folded.endswith(":") and "如下" not in folded
        if (_is_prose(ln.text) or folded.endswith(":")) and not addressee and not re.match(r"^附[:件]", folded):
            run.insert(0, ln)
        else:
            break
    # Only the last prose run counts: an aggregator's intro above the document's own heading does not.
    skipped = [ln for ln in front if ln not in run]
    text = "\n".join(ln.text for ln in run) or None
    return text, skipped


def _unnumbered(lines: list[Line], breaks: frozenset[int]) -> Outline:
    """A text with no numbered parts: everything from its first paragraph of prose on is kept, as
    unnumbered sections (one per run of lines not interrupted by removed chrome), for the reviewer
    to structure; nothing is dropped. The short lines above it (title, 文号, dates) are front matter."""
    first = next((i for i, ln in enumerate(lines) if _is_prose(ln.text)), None)
    if first is None:
        first = next((i for i, ln in enumerate(lines) if ln.text.strip()), len(lines))
    skipped = [f"line {ln.number}: front matter skipped: {ln.text[:40]}" for ln in lines[:first] if ln.text.strip()]
    blocks: list[list[Line]] = []
    for ln in lines[first:]:
        if not ln.text.strip():
            continue
        if not blocks or _crosses(breaks, blocks[-1][-1].number, ln.number):
            blocks.append([])
        blocks[-1].append(ln)
    sections = tuple(model.Section(id=f"s{k}", number=None, title=None, text="\n".join(ln.text for ln in b))
                     for k, b in enumerate(blocks, 1))
    if sections:
        skipped.append(f"no numbered parts found: the whole text was kept as {len(sections)} unnumbered "
                       f"section(s); give it its structure by hand")
    return Outline(None, sections, (), tuple(skipped), None)


def _member(text: str, role: str | None) -> tuple[model.AttachmentMember | None, str | None]:
    folded = unicodedata.normalize("NFKC", text).strip()  # names as written: no script folding here
    m = _MEMBER.match(folded) if "(" in folded else _MEMBER_SPACED.match(folded)
    if not m:
        return None, role
    if m.group("role"):
        role = re.sub(r"\s+", "", m.group("role"))
    name = re.sub(r"\s+", "", m.group("name"))
    return model.AttachmentMember(name=name, position=m.group("position").strip(), role=role), role


def _attachments(end: list[Line], skipped: list[str],
                 breaks: frozenset[int] = frozenset()) -> tuple[model.Attachment, ...]:
    """Attachments in the end matter.

    A 附件 line above the signature lists the attachments' titles ("附件:1.重点任务分工表" and
    further "2.…" lines); a 附件 heading after it starts an attachment's body, with its title on the
    same line or on the short lines below it.
    """
    listed: list[str] = []
    headings: list[str] = []  # each body's own heading as written ("附件", "附件2")
    inline_titles: list[str | None] = []
    bodies: list[list[Line]] = []
    current: list[Line] | None = None
    for i, ln in enumerate(end):
        folded = fold(ln.text).strip()
        m = _ATTACHMENT.match(folded)
        rest = ln.text.strip()[m.end():].strip() if m else ""
        if m and current is None and rest and not bodies and _is_listing(end, i):
            listed.append(re.sub(r"^[0-9０-９]{1,2}\s*[.．、]\s*", "", rest))
            continue
        if current is None and listed and not bodies and re.match(r"^[0-9]{1,2}\s*[.、]\s*\S", folded):
            listed.append(re.sub(r"^[0-9０-９]{1,2}\s*[.．、]\s*", "", ln.text.strip()))
            continue
        if m:
            current = []
            bodies.append(current)
            headings.append(ln.text.strip()[:m.end()].rstrip(":： ").strip() or "附件")
            inline_titles.append(re.sub(r"^[0-9０-９]{1,2}\s*[.．、]\s*", "", rest) or None)
            continue
        if current is not None and current and _crosses(breaks, current[-1].number, ln.number):
            skipped.append(f"line {ln.number}: after page chrome, not part of the attachment: {ln.text[:40]}")
        elif current is not None:
            current.append(ln)
        elif _DATE_LINE.match(folded) or _is_signature(ln.text):
            skipped.append(f"line {ln.number}: signature/date skipped: {ln.text[:40]}")
        else:
            skipped.append(f"line {ln.number}: end matter skipped: {ln.text[:40]}")
    result = []
    for k, body in enumerate(bodies):
        rows = list(body)
        title_lines: list[Line] = []
        if inline_titles[k] is None:
            while rows and _is_signature(rows[0].text) and not _MEMBER.match(
                    unicodedata.normalize("NFKC", rows[0].text).strip()):
                title_lines.append(rows.pop(0))
        title = (inline_titles[k] or (listed[k] if k < len(listed) else None)
                 or "".join(ln.text for ln in title_lines) or headings[k])
        members: list[model.AttachmentMember] = []
        role: str | None = None
        for ln in rows:
            member, role = _member(ln.text, role)
            if member:
                members.append(member)
        text = "\n".join(ln.text for ln in rows)
        if not text:
            skipped.append(f"attachment {title!r} has no text")
            continue
        result.append(model.Attachment(id=f"a{len(result) + 1}", title=title, text=text,
                                       members=tuple(members)))
    for title in listed[len(bodies):]:
        skipped.append(f"attachment listed but its text is not in the source: {title}")
    return tuple(result)


def _is_listing(end: list[Line], i: int) -> bool:
    """Whether the 附件 line at ``end[i]`` lists titles (the signature block or a further numbered
    title follows it) rather than heading an attachment's body."""
    following = end[i + 1:i + 2]
    if not following:
        return False
    nxt = fold(following[0].text).strip()
    return bool(_DATE_LINE.match(nxt) or _is_signature(following[0].text) and not _MEMBER.match(nxt)
                and _next_is_date(end, i + 1) or re.match(r"^[0-9]{1,2}\s*[.、]\s*\S", nxt)
                or _ATTACHMENT.match(nxt))


def _next_is_date(end: list[Line], j: int) -> bool:
    for ln in end[j + 1:j + 3]:
        if _DATE_LINE.match(fold(ln.text).strip()):
            return True
    return False


# --- node tree → model --------------------------------------------------------------------------


def is_general(title: str | None, text: str | None = None) -> bool:
    """True for the general parts of a plan (指导思想, 基本原则, 总体目标 …) by their heading words."""
    probe = fold(title or (text or "")[:16])
    if not any(word in probe for word in GENERAL_HEADING_WORDS):
        return False
    rest = probe
    for word in GENERAL_HEADING_WORDS:
        rest = rest.replace(word, "")
    # "发展目标和重点任务" holds tasks ("行动目标" is only a goal).
    return not (title and re.search(r"任务|行动|举措|措施|工程", rest))


def _lift_section_annotations(node: _Node) -> None:
    """A standalone annotation after the last item of a section whose other items carry none closes
    the section: move it up one level, once (never further)."""
    for child in node.children:
        _lift_section_annotations(child)
    if not node.children or node.kind == "root" or node.annotation:
        return
    last = node.children[-1]
    others = node.children[:-1]
    if (last.standalone and last.annotation and not last.children
            and not any(c.annotation or c.section_annotation for c in others)):
        node.section_annotation = last.annotation
        last.annotation, last.standalone = None, False


class _Ids:
    """Hands out ids unique in the plan: the numbering path, with -2, -3 … only on a collision
    (a document that numbers two siblings alike)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, base: str) -> str:
        candidate, k = base, 2
        while candidate in self.used:
            candidate, k = f"{base}-{k}", k + 1
        self.used.add(candidate)
        return candidate


def _convert(nodes: list[_Node], path: tuple[int, ...], *, general: bool, inherited: str | None,
             ids: _Ids, depth: int) -> tuple[list[model.Section], list[model.Task]]:
    """Nodes → model sections and tasks: a node with children is a section; a leaf is a task unless it
    is top-level, general (and not closed by an annotation) or empty."""
    items: list[model.Section | model.Task] = []
    for position, node in enumerate(nodes, 1):
        number = node.value if node.value is not None else position
        here = path + (number,)
        slug = "-".join(str(n) for n in here)
        node_general = general or is_general(node.title, node.text)
        annotation = node.section_annotation or inherited
        text = node.text
        if node.children:
            # An annotation closing the section's own opening text ("(一)…创业创新。充分发挥…。(发展改革委、
            # 科技部等负责)" above 1. 2. 3.) is the section's: it covers every item that names none.
            own_section = node.section_annotation or node.annotation
            subs, subtasks = _convert(node.children, here, general=node_general,
                                      inherited=own_section or inherited, ids=ids, depth=depth + 1)
            items.append(model.Section(
                id=ids.take(f"s{slug}"), number=node.number, title=node.title, text=text,
                sections=tuple(subs), tasks=tuple(subtasks), annotation=own_section))
            continue
        own = node.annotation or annotation
        if depth == 0 or node.kind == "box" or (node_general and not own) \
                or (text is None and not (own and node.title)):
            task_list: tuple[model.Task, ...] = ()
            if own and depth == 0 and (text or node.title):
                # A top-level part closed by an annotation: the one task it holds, numbered and titled
                # as the part (as a task wrapped beside sections is, see the end of this function).
                task_list = (model.Task(id=ids.take(f"t{slug}"), number=node.number,
                                        title=node.title if text else None,
                                        text=text or node.title or "", annotation=own),)
                text = None
            items.append(model.Section(id=ids.take(f"s{slug}"), number=node.number, title=node.title,
                                       text=text, tasks=task_list))
            continue
        title = node.title
        if text is None:
            # A heading-only item with an annotation: the heading is the whole task.
            text, title = node.title or "", None
        items.append(model.Task(id=ids.take(f"t{slug}"), number=node.number, title=title, text=text,
                                annotation=own))
    sections = [i for i in items if isinstance(i, model.Section)]
    tasks = [i for i in items if isinstance(i, model.Task)]
    if sections and tasks:
        # Tasks side by side with sections (Jinan's (三)互联网+建筑 among sections of items): each task
        # gets a section of its own, so that document order survives the sections/tasks split.
        sections = [i if isinstance(i, model.Section) else model.Section(
            id=ids.take("s" + i.id[1:]), number=i.number, title=i.title, text=None, tasks=(i,))
            for i in items]
        tasks = []
    return sections, tasks


def _heading_only_leaf_is_text(node: _Node) -> None:
    """A one-sentence item with nothing under it ("3.实施精准扶贫,通过…机会。") is text, not a title."""
    for child in node.children:
        _heading_only_leaf_is_text(child)
    if node.kind != "root" and not node.children and node.text is None and node.title and not node.heading_only:
        node.parts = [node.title_raw or node.title]
        node.title = None


def _report_glued_headings(node: _Node, skipped: list[str]) -> None:
    """An item without a title among siblings whose headings stand on their own lines has probably
    lost the line break after its heading (Beijing's "(四)…推动京津冀协同发展以京津冀区域…"). Where the
    heading ends cannot be told from the text alone, so it is reported for the reviewer."""
    for child in node.children:
        _report_glued_headings(child, skipped)
    titled = [c for c in node.children if c.heading_line and c.text]
    for child in node.children:
        if child.title is None and child.kind not in ("para", "dash") and len(titled) >= 2 and child.text:
            skipped.append(f"line {child.line}: heading probably glued to its text (its siblings have "
                           f"headings on their own lines): set `title` by hand: {child.text[:30]}…")


_RUN_IN_HEAD = re.compile(r"^([^。,;:!?、,;:!?\s]{2,12})。(\S.*)$", re.S)


def _run_in_heads(node: _Node, *, general: bool = False) -> None:
    """Paragraphs of a general section that each open with a short run-in heading ("服务大局。坚持…",
    bold on the web page, plain in the copy) are that section's unnumbered parts, like numbered ones."""
    here = general or is_general(node.title, node.text)
    for child in node.children:
        _run_in_heads(child, general=here)
    parts = [p for p in node.parts if p.strip()]
    if (not here or node.children or node.kind == "root" or len(parts) < 2
            or not all(_RUN_IN_HEAD.match(fold(p)) for p in parts)):
        return
    for p in parts:
        m = _RUN_IN_HEAD.match(fold(p))
        title, body = p[:m.end(1)], p[m.start(2):]
        node.children.append(_Node("para", None, None, title=title, parts=[body], line=node.line))
    node.parts = []


def _heading_sentence_of_parent_is_title(node: _Node) -> None:
    """"(一)互联网+制造。" above its items is the section's title, 。 and all being a heading's end."""
    for child in node.children:
        _heading_sentence_of_parent_is_title(child)
    text = node.text
    if (node.kind != "root" and node.children and node.title is None and text and "\n" not in text
            and len(text) <= 50 and not re.search(r"[。!?;]", text.rstrip("。. "))):
        node.title, node.parts = text.rstrip("。.:：; ").strip(), []


# The first top-level part glued to the sentence before it ("…制定本行动计划。一、总体目标到2018年,…"):
# a body copied with no line breaks at all. Later parts (二、 三、) follow it by ``glued_cut``.
_GLUED_FIRST_PART = re.compile(r"(?<=[。;!?])[ \t\u3000]*(?=(?:一|第一(?:部分|章))\s*[、.．]?\s*[\u4e00-\u9fff“\"])")


def _split_glued_first_part(lines: list[Line]) -> list[Line]:
    """When no line opens with a numbered part, cut the line where 一、 follows a full stop."""
    if _body_start(lines) is not None:
        return lines
    for k, ln in enumerate(lines):
        for m in _GLUED_FIRST_PART.finditer(fold(ln.text)):
            marker = find_marker(ln.text[m.end():])
            if marker is not None and marker.kind in ("cn", "chapter") and marker_value(marker) == 1:
                head, rest = ln.text[:m.start()].rstrip(), ln.text[m.end():]
                return lines[:k] + [Line(ln.number, head), Line(ln.number, rest)] + lines[k + 1:]
    return lines


def build_outline(lines: tuple[Line, ...] | list[Line], *, breaks: frozenset[int] = frozenset()) -> Outline:
    """Structure the (chrome-free) lines of a plan into an ``Outline``; never raises.

    ``breaks`` are the numbers of removed (chrome) lines: a text never runs across one, since the
    joined paragraphs would not be verbatim any more.
    """
    lines = _split_glued_first_part(list(lines))
    skipped: list[str] = []
    start = _body_start(lines)
    if start is None:
        return _unnumbered(lines, breaks)
    preamble, front_skipped = _preamble(lines[:start], breaks)
    skipped += [f"line {ln.number}: front matter skipped: {ln.text[:40]}" for ln in front_skipped]
    end = _end_start(lines, start)
    builder = _Builder(breaks)
    pending = list(lines[start:end])
    while pending:
        ln = pending.pop(0)
        cut = builder.glued_cut(ln.text)
        if cut is None:
            cut = builder.annotation_cut(ln.text)
        if cut is not None:
            # The next item's number follows a sentence on the same line: two paragraphs.
            pending.insert(0, Line(ln.number, ln.text[cut:]))
            ln = Line(ln.number, ln.text[:cut].rstrip())
        marker = find_marker(ln.text)
        if marker:
            builder.add_marked(ln, marker)
        else:
            builder.add_plain(ln)
    skipped += builder.skipped
    attachments = _attachments(lines[end:], skipped, breaks)
    _lift_section_annotations(builder.root)
    _heading_only_leaf_is_text(builder.root)
    _heading_sentence_of_parent_is_title(builder.root)
    _run_in_heads(builder.root)
    _report_glued_headings(builder.root, skipped)
    sections, tasks = _convert(builder.root.children, (), general=False, inherited=None, ids=_Ids(), depth=0)
    if tasks:  # cannot happen at depth 0, kept for safety
        sections.append(model.Section(id="s0", number=None, title=None, text=None, tasks=tuple(tasks)))
    return Outline(preamble, tuple(sections), attachments, tuple(skipped), lines[start].number)

