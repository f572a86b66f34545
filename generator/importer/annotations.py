"""Agency annotations: the parentheticals that say which departments carry out a task.

Plans close an item (or a whole section) with a note such as ``(牵头单位:市经信委,配合单位:市科技局)``,
``(市金融局牵头,人民银行营业管理部、市发展改革委负责)`` or ``(省经信委、省发展改革委等负责)``.
This module finds them in plan text and reads the roles *as written*:

* labelled form — ``牵头单位:X,配合单位:Y、Z`` / ``责任单位:X`` / ``牵头部门:X;配合单位:Y``;
* verb form — ``X牵头,Y、Z负责`` (负责 after a lead means the others co-operate), ``X、Y负责``
  (no lead: all responsible), ``X牵头,Y等单位配合``, ``X、Y共同负责``;
* a document-wide rule — ``列第一位者为牵头部门,下同`` — declared inside an annotation (or in
  plain text); ``AnnotationRules`` applies it to that annotation and every later one of the plan;
* a labelled annotation standing without parentheses at the start of a line (``责任单位:X、Y``).

Traditional script and full-width punctuation are read through ``folding.fold`` (a same-length
simplified, half-width copy), so every span and name is still cut from the text as written.

An annotation is told apart from ordinary parentheticals ((国发〔2015〕40号), (3G), (试行)) by its
grammar: the content must read entirely as lists of agency-like names joined to role words.
Parentheses nest (各县(市)区政府) and may never close; an unclosed one ends where its role clause
evidently ends (end of the line, or before a full stop).

Names are kept exactly as written, minus a trailing 等 / 等单位 / 等部门 that is not part of the name;
resolving them to vocabulary ids (and the 市发改委、科技局 prefix distribution) is ``agencies.py``'s job.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..text.brackets import cut_top_level, depth_at, is_opening, matching_close, scan, split_top_level
from ..text.folding import fold

__all__ = ["Annotation", "AnnotationRules", "find_annotations", "parse_annotation"]

# An annotation is written in any bracket (text/brackets.py): () （） 【】 〔〕 ﹝﹞, and [] when the
# agency list itself holds parentheses ([市科委牵头,会同市经信委和各区、县(市)政府负责]).
# Separators between names in a list (at parenthesis depth 0) and between clauses.
_NAME_SEP = "、,，;；"
_CLAUSE_SEP = ",，;；"
_STRIP = " \t\u3000,，;；、。.:："

# Labels of the labelled form, and the role each one assigns.
_LABELS = {
    "lead": ("牵头单位", "牵头部门", "牵头机构", "主办单位", "主责单位", "主责部门"),
    "cooperating": ("配合单位", "配合部门", "协办单位", "协作单位", "参与单位", "参与部门", "协助单位",
                    "协同单位"),
    "responsible": ("责任单位", "责任部门", "负责单位", "负责部门", "实施单位", "落实单位", "承办单位",
                    "牵头负责单位", "主要责任单位", "主要责任部门", "主要负责单位"),
}
_LABEL_ROLE = {label: role for role, labels in _LABELS.items() for label in labels}
_LABEL_RE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, _LABEL_ROLE), key=len, reverse=True)) + r")\s*(?:[:：]|为)"
)
# Labels that may sit beside the role labels and name no agency: 牵头领导:张三, 完成时限:2017年底.
_OTHER_LABEL_RE = re.compile(
    r"(?:(?:牵头|责任|分管|联系|协调)?(?:市|省|区|县)?领导|完成时限|完成时间|时间节点|时间进度|时限|进度安排)"
    r"\s*[:：]"
)
_ANY_LABEL_RE = re.compile(f"{_LABEL_RE.pattern}|{_OTHER_LABEL_RE.pattern}")

# Verb form: "<names>[等[单位|部门…]][共同|分别…]<verb>[落实…]" — one clause.
_VERBS = {
    "牵头负责": "lead", "牵头": "lead", "主办": "lead",
    "配合": "cooperating", "参与": "cooperating", "协助": "cooperating", "协办": "cooperating",
    "参加": "cooperating", "协同": "cooperating",
    "负责": "responsible", "落实": "responsible", "实施": "responsible", "承办": "responsible",
    "组织实施": "responsible",
}
# "X为牵头单位" / "Y为配合单位": a label used as a predicate.
_VERBS.update({f"{be}{label}": role for label, role in _LABEL_ROLE.items() for be in ("为", "是", "")})
_ETC = r"(?:等(?:有关|相关)?(?:单位|部门|机构)?)"
_CLAUSE_RE = re.compile(
    r"^(?P<names>.+?)\s*" + _ETC + r"?\s*"
    r"(?P<mod>共同|分别|按职责分工|按照职责分工|按职责|根据职责|依职责|具体)?\s*"
    r"(?P<verb>" + "|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True)) + r")"
    r"(?:落实|实施|推进)?$"
)
_TRAILING_ETC = re.compile(_ETC + r"$")
_ENDS_WITH_VERB = re.compile("(?:" + "|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True)) + ")$")
_ROLE_WORD = re.compile("牵头|配合|负责|责任|参与|参加|协助|协办|协同|协作|主办|主责|落实|实施|承办")
_VERB_ANYWHERE = re.compile("|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True)))
# A deadline or status note after the roles (2017年底前完成, 长期坚持): kept in the text, not a role.
_NOTE_RE = re.compile(r"\d{4}年|年底|年内|月底|季度|持续|长期|完成|启动")
# "列第一位者为牵头部门" and its variants (排在第一位的为牵头单位, 排名第一的部门牵头, 第一个为牵头部门 …).
_RULE_RE = re.compile(
    r"(?:第一|首位|第1|首个)(?:位|个|名)?"
    r"(?:[^,，;；。]{0,8}?(?:为|是|作为)牵头|的?(?:单位|部门|者)?牵头)"
)
_APPLIES_BELOW = re.compile(r"(?:以下|下|后|以后)同|下文|以下各项|全文")

# What an agency-like name ends with: government bodies, their field units, companies, towns.
_AGENCY_SUFFIX = re.compile(
    r"(?:局|委|办|厅|部|院|会|行|社|处|署|站|所|队|联|中心|政府|公司|集团|海关|部门|单位|机构|镇|街|街道|镇街|"
    r"乡|园区|学院|大学|学校|银行|分行|支行|办公室|委员会|管委会|管理部|营管部|工作局|科|组|台|馆|团|网)$"
)
_MAX_NAME = 40
_BARE_LABEL_START = re.compile(
    r"(?:^|(?<=。))[ \t\u3000]*(?=" + _LABEL_RE.pattern + ")", re.MULTILINE
)
# 和/及/与 (or a space) join two names only when the left side is itself a whole name
# (市质监局和松山湖管委会), never inside one (市经济和信息化委, 省海洋与渔业厅).
_AND_RE = re.compile(r"[ \t\u3000]*(?:以及|和|及|与)[ \t\u3000]*|[ \t\u3000]+")
# "责任单位:市经信委(牵头)、市发改委": a lead marked inside a list. The marker is a role word, not
# part of the name; the other names of that list then co-operate (as in "X牵头,Y、Z负责").
_LEAD_MARK = re.compile(r"\s*[(（]\s*(?:牵头(?:单位|部门)?|主办|主责)\s*[)）]$")
# "各市、县(区)人民政府" / "各县(市、区)、乡镇人民政府": one collective whose levels are listed with 、
# before the body they share. A part that is only levels joins the part after it.
_LEVELS_ONLY = re.compile(r"^各?(?:[省市县区乡镇州旗]{1,2})(?:[(（][^()（）]*[)）])?$")
# What may follow such levels: the shared government (县(区)人民政府, 乡镇人民政府) or another level.
_LEVEL_GOVERNMENT = re.compile(r"^[省市县区乡镇州旗]{1,2}(?:[(（][^()（）]*[)）])?(?:[省市县区乡镇州旗]{0,2})(?:人民)?政府$"
                               r"|^[省市县区乡镇州旗]{1,2}(?:[(（][^()（）]*[)）])?$")
# "市科技局会同市财政局负责": X acts together with Y — X leads, Y co-operates.
_TOGETHER = "会同"


@dataclass(frozen=True)
class Annotation:
    """One agency annotation: its verbatim text and span, and the roles it assigns as written.

    ``lead``/``cooperating``/``responsible`` hold names exactly as written (trailing 等/等单位
    stripped). ``rule`` is the document-wide rule text when this annotation declares one
    (e.g. ``列第一位者为牵头部门,下同``); ``closed`` is False for an annotation whose parenthesis
    never closes in the source.
    """

    text: str
    start: int
    end: int
    lead: tuple[str, ...] = ()
    cooperating: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    rule: str | None = None
    closed: bool = True
    joint: bool = False  # 共同负责: the names are jointly responsible

    @property
    def names(self) -> tuple[str, ...]:
        """Every name in the annotation, leads first."""
        return self.lead + self.cooperating + self.responsible


@dataclass(frozen=True)
class _Roles:
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    responsible: tuple[str, ...]
    rule: str | None
    consumed: int  # length of the content prefix that the roles were read from
    joint: bool = False


class AnnotationRules:
    """The document-wide role rules of one plan, fed its annotations in document order.

    A rule such as ``列第一位者为牵头部门,下同`` turns every annotation that names no lead
    (``X、Y等负责``) into lead X with Y co-operating — the declaring annotation and, because of
    下同 (以下同, 后同 …), every later one. A rule without 下同 binds only its own annotation. A rule
    stated in ordinary text (``observe``: "各项任务列第一位的为牵头单位") binds from there on.
    Annotations that name a lead or co-operators explicitly are left as written.
    """

    def __init__(self, *, joint_follows_rule: bool = True) -> None:
        self.rule: str | None = None
        # "X、Y、Z共同负责" under 列第一位者为牵头部门,下同: the rule says 下同 without exception, so X
        # leads by default; False keeps jointly responsible names responsible.
        self.joint_follows_rule = joint_follows_rule

    def observe(self, text: str) -> str | None:
        """Register a document-wide rule stated in plain plan text (outside annotations); returns it."""
        # A rule inside an annotation is the annotation's own (scoped by its 下同): skip those.
        for a in reversed(find_annotations(text)):
            text = text[: a.start] + "。" + text[a.end :]
        for sentence in re.split(r"[。;；\n]", text):
            if _RULE_RE.search(sentence) and re.search(r"单位|部门|机构", sentence):
                self.rule = sentence.strip(_STRIP)
                return self.rule
        return None

    def apply(self, a: Annotation) -> Annotation:
        """``a`` with the rule in force applied (registering a rule that ``a`` declares)."""
        rule = self.rule
        if a.rule:
            rule = a.rule
            if _APPLIES_BELOW.search(a.rule):
                self.rule = a.rule
        if a.joint and not self.joint_follows_rule:
            return a
        if rule and a.responsible and not a.lead and not a.cooperating:
            return replace(a, lead=a.responsible[:1], cooperating=a.responsible[1:], responsible=())
        return a


def find_annotations(text: str) -> list[Annotation]:
    """Every agency annotation in ``text``, in order, with roles as written (no rule applied).

    Traditional script and full-width forms are read through a same-length folded copy
    (``folding.fold``); text, names and rule are always cut from ``text`` itself.
    """
    folded = fold(text)
    found = _find(folded)
    if folded != text:
        found = [_unfold(a, text, folded) for a in found]
    return found


def _find(text: str) -> list[Annotation]:
    # Only a parenthesis with a role word close after it can open an annotation: find those
    # words once, so that text full of parentheses costs no more than plain text.
    roles_at = [m.start() for m in _ROLE_WORD.finditer(text)]
    found: list[Annotation] = []
    pos = 0
    n = len(text)
    while pos < n:
        if is_opening(text[pos]):
            i = bisect.bisect_left(roles_at, pos)
            if i < len(roles_at) and roles_at[i] <= pos + _MAX_CONTENT:
                a = _annotation_at(text, pos)
                if a is not None:
                    found.append(a)
                    pos = a.end
                    continue
        pos += 1
    found.extend(_bare_labelled(text, found))
    found.sort(key=lambda a: a.start)
    return found


def _unfold(a: Annotation, original: str, folded: str) -> Annotation:
    """``a`` (read from the folded copy) with its text, names and rule as ``original`` writes them."""
    seg_o, seg_f = original[a.start : a.end], folded[a.start : a.end]
    taken: set[int] = set()

    def back(piece: str) -> str:
        i = seg_f.find(piece)
        while i >= 0 and i in taken:
            i = seg_f.find(piece, i + 1)
        if i < 0:
            return piece
        taken.add(i)
        return seg_o[i : i + len(piece)]

    return replace(
        a,
        text=seg_o,
        lead=tuple(back(n) for n in a.lead),
        cooperating=tuple(back(n) for n in a.cooperating),
        responsible=tuple(back(n) for n in a.responsible),
        rule=back(a.rule) if a.rule else None,
    )


def _bare_labelled(text: str, taken: list[Annotation]) -> list[Annotation]:
    """Labelled annotations written without parentheses: a line (or sentence) that opens with a
    label, ``责任单位:市发改委、市经信委`` — the label makes them unambiguous."""
    out: list[Annotation] = []
    for m in _BARE_LABEL_START.finditer(text):
        start = m.end()
        if any(a.start <= start < a.end for a in taken):
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        content = text[start : min(line_end, start + _MAX_CONTENT)]
        stop = content.find("。")
        if stop >= 0:
            content = content[:stop]
        roles = _parse_labelled(content, allow_tail=False)
        if roles is None or roles.consumed != len(content.rstrip(_STRIP)):
            continue
        out.append(_make(text, start, start + roles.consumed, roles, closed=True))
    return out


def parse_annotation(content: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None] | None:
    """Read the roles of an annotation's inner text (without its parentheses), or None if it isn't one.

    Returns ``(lead, cooperating, responsible, rule)`` as written.
    """
    folded = fold(content)
    roles = _parse(folded)
    if roles is None or roles.consumed != len(folded.rstrip(_STRIP)):
        return None
    a = Annotation(content, 0, len(content), roles.lead, roles.cooperating, roles.responsible, roles.rule)
    if folded != content:
        a = _unfold(a, content, folded)
    return a.lead, a.cooperating, a.responsible, a.rule


# --- finding -----------------------------------------------------------------------------------

# Annotations are short; a parenthesis that runs further than this is not one (and the bound keeps
# a line of ten thousand "(" linear rather than quadratic).
_MAX_CONTENT = 400


def _annotation_at(text: str, start: int) -> Annotation | None:
    """The annotation opening at ``text[start]`` (an opening parenthesis), if it is one."""
    close = matching_close(text, start, limit=_MAX_CONTENT + 2)
    if close is not None:
        content = text[start + 1 : close]
        roles = _parse(content)
        if roles is not None and roles.consumed == len(content.rstrip(_STRIP)):
            return _make(text, start, close + 1, roles, closed=True)
        if "。" not in content:
            return None
        # A parenthesis "closed" only by one much later in the paragraph: read it as unclosed.
    # Never closes: the candidate runs to the end of the line, and never past a full stop.
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    content = text[start + 1 : min(line_end, start + 1 + _MAX_CONTENT)]
    stop = content.find("。")
    if stop >= 0:
        content = content[:stop]
    roles = _parse(content, allow_tail=True)
    if roles is None:
        return None
    return _make(text, start, start + 1 + roles.consumed, roles, closed=False)


def _make(text: str, start: int, end: int, roles: _Roles, *, closed: bool) -> Annotation:
    return Annotation(text=text[start:end], start=start, end=end, lead=roles.lead,
                      cooperating=roles.cooperating, responsible=roles.responsible,
                      rule=roles.rule, closed=closed, joint=roles.joint)


# --- parsing -----------------------------------------------------------------------------------


def _parse(content: str, *, allow_tail: bool = False) -> _Roles | None:
    """Roles read from ``content``; with ``allow_tail`` a trailing unreadable part is left out."""
    if not content.strip() or len(content) > _MAX_CONTENT:
        return None
    if _ANY_LABEL_RE.match(content.lstrip()):
        roles = _parse_labelled(content, allow_tail=allow_tail)
    else:
        roles = _parse_verbs(content, allow_tail=allow_tail)
    return _marked_leads(roles) if roles is not None else None


def _marked_leads(roles: _Roles) -> _Roles:
    """Names carrying a lead marker (``市经信委(牵头)``) lead, without the marker; once a list marks
    its lead, the unmarked names of that list co-operate."""
    if not any(_LEAD_MARK.search(n) for n in roles.lead + roles.cooperating + roles.responsible):
        return roles
    lead = [_LEAD_MARK.sub("", n) for n in roles.lead]
    cooperating: list[str] = []
    for n in roles.cooperating + roles.responsible:
        (lead if _LEAD_MARK.search(n) else cooperating).append(_LEAD_MARK.sub("", n))
    return replace(roles, lead=tuple(lead), cooperating=tuple(cooperating), responsible=(), joint=False)


def _parse_labelled(content: str, *, allow_tail: bool) -> _Roles | None:
    """``牵头单位:X,配合单位:Y、Z`` — each label's list runs to the next label."""
    roles: dict[str, list[str]] = {"lead": [], "cooperating": [], "responsible": []}
    matches = list(_ANY_LABEL_RE.finditer(content))
    consumed = 0
    for i, m in enumerate(matches):
        label = re.sub(r"\s*(?:[:：]|为)$", "", m.group(0))
        seg_end = matches[i + 1].start() if i + 1 < len(matches) else len(content)
        segment = content[m.end() : seg_end]
        if label not in _LABEL_ROLE:
            # 牵头领导:张三 / 完成时限:2017年底 — part of the annotation, names no agency.
            consumed = m.end() + len(segment.rstrip(_STRIP))
            continue
        rule, segment_names = _split_rule(segment)
        names = _names(segment_names)
        if names is None and allow_tail and not rule:
            # An unclosed annotation runs into plan text: keep the names that lead the segment.
            names, used = _leading_names(segment)
            if names:
                roles[_LABEL_ROLE[label]].extend(names)
                consumed = m.end() + used
            break
        if names is None:
            return None
        roles[_LABEL_ROLE[label]].extend(names)
        consumed = m.end() + len(segment.rstrip(_STRIP))
        if rule:
            return _Roles(tuple(roles["lead"]), tuple(roles["cooperating"]),
                          tuple(roles["responsible"]), rule, consumed)
    if not any(roles.values()):
        return None
    return _Roles(tuple(roles["lead"]), tuple(roles["cooperating"]), tuple(roles["responsible"]),
                  None, consumed)


def _leading_names(segment: str) -> tuple[list[str], int]:
    """The agency-like names at the start of ``segment`` and the length they take up."""
    names: list[str] = []
    used = 0
    begin = 0
    for i, ch, depth in scan(segment + " "):
        if depth == 0 and (ch in _NAME_SEP or ch.isspace()):
            token = segment[begin:i]
            begin = i + 1
            name = _TRAILING_ETC.sub("", token.strip(_STRIP)).strip(_STRIP)
            if not name:
                continue
            if not _is_agency_like(name):
                break
            names.append(name)
            used = i
    return names, used


def _split_rule(segment: str) -> tuple[str | None, str]:
    """(rule text, the segment before it) when a labelled segment ends with a rule clause."""
    for m in _clause_spans(segment):
        clause = segment[m[0] : m[1]]
        if _RULE_RE.search(clause):
            return segment[m[0] :].rstrip(_STRIP), segment[: m[0]]
    return None, segment


def _clause_spans(content: str) -> list[tuple[int, int]]:
    """Spans of the clauses of ``content``, split at depth-0 commas and semicolons."""

    def ends_clause(text: str, begin: int, i: int) -> bool:
        # "市发改委牵头、市经信委配合": a 、 right after a role word ends a clause too.
        return text[i] in _CLAUSE_SEP or (text[i] == "、" and bool(_ENDS_WITH_VERB.search(text, begin, i)))

    return cut_top_level(content, ends_clause)


def _parse_verbs(content: str, *, allow_tail: bool) -> _Roles | None:
    """``X牵头,Y、Z负责`` / ``X、Y等负责`` / ``X牵头,Y等单位配合`` (+ an optional rule clause)."""
    roles: dict[str, list[str]] = {"lead": [], "cooperating": [], "responsible": []}
    pending: list[str] = []  # names of clauses with no verb yet: the next verb applies to them
    rule: str | None = None
    joint = False
    consumed = 0
    for b, e in _clause_spans(content):
        clause = content[b:e].strip(_STRIP)
        if not clause:
            continue
        if _RULE_RE.search(clause):
            # The rule (and its 下同) runs to the end of the annotation.
            rule = content[b:].strip(_STRIP)
            consumed = len(content.rstrip(_STRIP))
            break
        read = _read_clause(clause)
        if read is None and allow_tail:
            # An unclosed annotation runs into plan text: keep the clause up to its role word.
            read = _read_clause_prefix(clause)
            if read is not None:
                names, role, used, jointly, partners = read
                joint = joint or jointly
                _assign_clause(roles, pending + names, role, partners)
                pending = []
                consumed = b + (len(content[b:e]) - len(content[b:e].lstrip(_STRIP))) + used
            break
        if read is None:
            if any(roles.values()) and not pending and _NOTE_RE.search(clause):
                consumed = b + len(content[b:e].rstrip(_STRIP))
                continue  # a deadline note after the roles
            names = _names(clause)
            if names is None:
                if allow_tail and any(roles.values()):
                    break
                return None
            pending.extend(names)
            continue
        names, role, jointly, partners = read
        joint = joint or jointly
        _assign_clause(roles, pending + names, role, partners)
        pending = []
        consumed = b + len(content[b:e].rstrip(_STRIP))
    if pending and not allow_tail:
        return None
    if not any(roles.values()):
        return None
    return _Roles(tuple(roles["lead"]), tuple(roles["cooperating"]), tuple(roles["responsible"]),
                  rule, consumed, joint=joint and bool(roles["responsible"]))


# "X牵头,Y配合,Z按职责分工负责": Z act each within their own remit — responsible, not X's co-operators.
_BY_DUTY = ("按职责分工", "按照职责分工", "按职责", "根据职责", "依职责")


def _assign(roles: dict[str, list[str]], names: list[str], role: str) -> None:
    if role == "by_duty":
        roles["responsible"].extend(names)
        return
    if role == "responsible" and roles["lead"]:
        # "X牵头,Y、Z负责": once a lead is named, 负责 marks the others who carry it out.
        role = "cooperating"
    elif role == "cooperating" and roles["responsible"] and not roles["lead"]:
        # "X负责,Y配合": the one responsible leads those who co-operate.
        roles["lead"].extend(roles["responsible"])
        roles["responsible"].clear()
    roles[role].extend(names)


def _assign_clause(roles: dict[str, list[str]], names: list[str], role: str, partners: list[str]) -> None:
    if partners:
        # "X会同Y负责": X leads whatever the verb, Y co-operates.
        _assign(roles, names, "lead")
        _assign(roles, partners, "cooperating")
    else:
        _assign(roles, names, role)


def _read_clause(clause: str) -> tuple[list[str], str, bool, list[str]] | None:
    """(names, role, jointly, partners) of one verb clause such as ``市商务局、市发改委等单位配合``,
    or None. ``partners`` are the names after 会同 (``X会同Y负责``), whom ``names`` lead."""
    m = _CLAUSE_RE.match(clause)
    if m is None:
        return None
    subject = _after_you(m.group("names"))
    partners: list[str] = []
    if subject.startswith(_TOGETHER):
        # "X牵头,会同Y、Z负责": the clause after the lead's names those who act with it.
        names = _names(subject[len(_TOGETHER):])
        return (names, "cooperating", False, []) if names else None
    i = subject.find(_TOGETHER)
    if i > 0 and depth_at(subject, i) == 0:
        found = _names(subject[i + len(_TOGETHER):])
        if found is None:
            return None
        partners, subject = found, subject[:i]
    names = _names(subject)
    if names is None:
        return None
    role = _VERBS[m.group("verb")]
    if role == "responsible" and m.group("mod") in _BY_DUTY:
        role = "by_duty"
    return names, role, m.group("mod") == "共同", partners


def _read_clause_prefix(clause: str) -> tuple[list[str], str, int, bool, list[str]] | None:
    """The shortest prefix of ``clause`` that reads as a verb clause:
    (names, role, length, jointly, partners)."""
    for k, m in enumerate(_VERB_ANYWHERE.finditer(clause)):
        if k == 3:  # a role clause has its role word early; don't chase one through plan text
            break
        read = _read_clause(clause[: m.end()])
        if read is not None:
            return read[0], read[1], m.end(), read[2], read[3]
    return None


def _after_you(names: str) -> str:
    """``由市发改委`` → ``市发改委``; ``以上工作由市发改委`` → ``市发改委``."""
    i = names.rfind("由")
    if i >= 0 and depth_at(names, i) == 0 and (i == 0 or not _is_agency_like(names[:i])):
        return names[i + 1 :]
    return names


def _names(text: str) -> list[str] | None:
    """The agency names of a list (``市发改委、科技局和市质监局等``), or None if it isn't one."""
    text = _TRAILING_ETC.sub("", text.strip(_STRIP)).strip(_STRIP)
    if not text:
        return None
    parts = split_top_level(text, _NAME_SEP)
    # "上述重点任务所涉及的部门、单位和镇街、园区" splits like any list: the modifier stays on the
    # first name as written and, like a distributed region prefix, is implied for the others.
    names: list[str] = []
    parts = [p for p in (_TRAILING_ETC.sub("", p.strip(_STRIP)).strip(_STRIP) for p in parts) if p]
    # "市发改委和各区、县(市)政府": the levels after 和 open a collective that the next part closes.
    k = 0
    while k + 1 < len(parts):
        m = _AND_LEVELS.search(parts[k])
        if m and not _LEVELS_ONLY.match(parts[k]) and _LEVEL_GOVERNMENT.match(parts[k + 1]) \
                and _is_agency_like(parts[k][:m.start()]):
            parts[k:k + 1] = [parts[k][:m.start()], m.group(1)]
            k += 1
        k += 1
    i = 0
    while i < len(parts):
        part = parts[i]
        # "各市、县(区)人民政府": levels listed before the government they share are one name.
        j = i
        while j + 1 < len(parts) and _LEVELS_ONLY.match(parts[j]) and _LEVEL_GOVERNMENT.match(parts[j + 1]):
            j += 1
        if j > i:
            part = "、".join(parts[i:j + 1])
        i = j + 1
        for name in _split_and(part):
            if not _is_agency_like(name):
                return None
            names.append(name)
    return names or None


def _split_and(name: str) -> list[str]:
    """Split ``A和B`` only where A is a whole agency-like name, so 市经济和信息化委 stays whole."""
    for m in _AND_RE.finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        if depth_at(name, m.start()) == 0 and _is_agency_like(left) and len(left) >= 2 and right:
            rest = _split_and(right)
            if all(_is_agency_like(r) for r in rest):
                return [left, *rest]
    return [name]


def _is_agency_like(name: str) -> bool:
    """Does ``name`` read as the name of a body (市发改委, 各县(市)区政府, 东莞广电网络公司)?"""
    if not name or len(name) > _MAX_NAME or any(c in name for c in "。!?!?“”\"《》:："):
        return False
    bare = re.sub(r"[(（][^()（）]*[)）]", "", name)
    # 各区县市, 各县(市、区): every government of the levels named, a collective.
    return bool(_AGENCY_SUFFIX.search(bare)) or bool(_LEVELS_COLLECTIVE.match(name))


_AND_LEVELS = re.compile(r"(?:以及|和|及|与)(各?[省市县区乡镇州旗]{1,2})$")
_LEVELS_COLLECTIVE = re.compile(r"^各(?:[省市县区乡镇州旗地盟]|[(（][省市县区乡镇州旗、]+[)）]){2,8}$")
