"""Quantitative targets (量化目标) read out of plan text: 固定宽带家庭普及率达到65%.

A plan states its targets inside ordinary sentences, often several per sentence, in two shapes:

- *name first*: ``固定宽带家庭普及率达到65%``, ``培育电子商务示范企业120家、示范基地50个``,
  ``信息交换共享平台接入率95%以上`` — the measured thing, an optional comparator, the figure;
- *figure first*: ``建成10个数字化装备制造中心``, ``80%以上的行政许可通过网上办理``,
  ``依托2-3家市级公立医院`` — a verb, the figure with its classifier, then the thing counted.

The extractor works clause by clause (a clause ends at ,。;: and the like). It only takes a figure
that carries a measure or classifier it knows (%, 个, 家, 亿元, 万架, Mbps …) or, without one, a
figure after an explicit comparator (两化融合发展水平指数达到70). That single rule keeps out years,
dates, document numbers (〔2015〕40号), task numbers, 十三五, 第三代, 3G/4G, 中国制造2025 and
100M光纤 capability phrases. A figure that only qualifies a noun (年营业收入超过2亿元的企业), counts a
list of places (济南、青岛等4个城市), a tax rule (按研发费用的50%加计扣除) or an incentive
(给予最高100万元奖励) is not a target.

A figure already achieved is a baseline, not a target: a sentence with 截至2015年底 or 目前, a
clause with 已 (已建成) or 同比, a figure after 了 (增长了30%).

Everything returned is located in the caller's ``text``: ``quote`` and ``name`` are verbatim slices
of it, so ``target.quote in text`` holds exactly. Matching runs on a same-length fold of the text
(full-width ２０１８ and ，read as half-width, traditional 達到 as 达到; see folding.py) so positions
map back one to one and every value is cut from the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Indicator, Target
from ..text.verbatim import normalize
from ..text.folding import fold
from ..text.numerals import CHARS as CN_CHARS, cn_to_int
from ..text.comparators import QUALIFIERS, comparator_for, join_qualifiers

# --- vocabulary of the extractor -------------------------------------------------------------

# Comparators written before the figure, longest first so 年均增长 wins over 增长. Kept as written.
PRE_COMPARATORS = (
    "力争达到", "年均增长", "年均递增", "年均提高", "年均下降", "分别达到", "分别超过", "分别提高到",
    "分别为", "各达到", "提高到", "提升到", "提高至", "提升至", "增长到", "增长至", "增加到", "增加至",
    "上升到", "上升至", "扩大到", "扩大至", "下降到", "下降至", "降低到", "降低至", "减少到", "减少至",
    "缩短到", "缩短至", "压缩到", "压缩至", "降至",
    "控制在", "不低于", "不少于", "不超过", "至少", "达到", "超过", "突破", "力争", "达",
    "提高", "提升", "增长", "增加", "下降", "降低", "减少", "缩短", "约", "近", "逾", "超",
)
# Bounds written after the figure: 50家以上, 15%左右.
POST_BOUNDS = ("以上", "左右", "以内", "以下")
# Comparators that describe growth: they stay the comparator even when a bound follows
# (年均增长10%以上 → 年均增长).
GROWTH = ("年均增长", "年均递增", "年均提高", "年均下降", "提高", "提升", "增长", "增加", "下降",
          "降低", "减少", "缩短")
# A figure in a clause that grants money states an incentive's size, not a target.
_INCENTIVE = re.compile(r"给予|补助|补贴|奖励|资助|贴息|奖补|最高|扣除|摊销")
# Comparators that only soften a count; the counted thing may still follow (培育约100家示范企业).
APPROXIMATE = ("约", "近", "逾", "超")
# Comparators that pair a list of names with a list of figures: A和B分别达到65%和70%.
RESPECTIVELY = "分别"

# Measures a figure may carry. Money keeps its 万/亿 in the unit (亿元 is how statistics are
# kept); for everything else 万/亿 multiply the value (10万个 → 100000 个).
MONEY_UNITS = ("亿美元", "万美元", "亿元", "万元", "美元", "元")
LATIN_UNITS = ("Gbps", "Mbps", "GB", "TB", "MW", "GW", "M", "G", "T")  # only after a comparator: 超过50M
CN_MEASURES = ("兆", "个工作日", "工作日", "小时", "分钟", "天")  # 超过百兆, 缩短至5天: only after a comparator
CLASSIFIERS = (
    "个百分点", "百分点", "千瓦时", "千瓦", "兆瓦", "平方公里", "公顷", "台(套)", "人次", "场次",
    "台次", "平方米", "公里", "千米", "%", "‰",
    "个", "家", "所", "项", "台", "套", "架", "处", "座", "条", "名", "人", "场", "次", "件", "部",
    "辆", "种", "倍", "吨", "张", "亩", "床", "户", "市",
)
# Units that size a noun when a bound follows (20户以上自然村, 100人以上企业): never figure-first.
SIZE_UNITS = ("户", "人")
# A figure whose counted thing is one of these describes the plan itself (实施18项专项行动).
STRUCTURAL_NOUNS = ("专项行动", "行动", "任务", "措施", "方面", "提升")

# Words that open a clause without being part of the measured thing.
LEADING_FILLERS = (
    "其中", "同时", "并且", "并", "力争", "全市", "全省", "全区", "全县", "我市", "我省", "全国",
    "每年", "逐步", "基本", "确保", "使", "推动", "促进", "实现对", "实现", "形成",
)
# Verbs after which a count's thing begins (建成10个…, 培育电子商务示范企业120家).
COUNT_VERBS = (
    "推广应用", "扩充建设", "建设和改造", "建成", "建设", "新建", "改造", "培育", "打造", "扶持",
    "创建", "建立", "构建", "引进", "组织", "推广", "推进", "支持", "发展", "认定", "吸引",
    "带动", "实施", "开展", "完成", "依托", "新增", "累计", "连通", "集聚", "聚集", "汇聚", "构建",
)
# A name ending so is a measured subject (…率95%以上), never cut at a verb inside it.
SUBJECT_ENDINGS = ("率", "额", "量", "指数", "水平", "能力", "规模", "比例", "收入", "总额", "增加值")
# Nouns that name the measure rather than the thing: 智能制造产业形成1000亿元规模.
MEASURE_NOUNS = ("规模",)
# Verbs that end a name-first prefix without being part of the name (智能制造产业形成…).
TRAILING_VERBS = ("形成", "实现", "达到", "新增", "累计")
# Verbs after which even a small Chinese numeral counts things (建成三个示范区).
SMALL_COUNT_VERBS = ("建成", "建设", "新建", "培育", "打造", "创建", "认定", "引进")
# Comparators that bound a count written before the thing: 建设不少于50个智慧社区.
BOUND_COMPARATORS = ("不少于", "不低于", "至少", "超过", "逾")
# Set phrases whose numerals are not figures.
IDIOMS = ("千家万户", "千方百计", "千差万别", "万无一失", "百花齐放", "百家争鸣", "千载难逢", "万众一心")
# Count verbs that say what kind of count the figure is, kept as the comparator (新增100家).
INCREMENT_VERBS = ("新增", "累计")
# Clause openers that bound every figure in the clause: 至少建设1处, 每年培育20家.
CLAUSE_COMPARATORS = ("至少", "每年")

_CLAUSE_END = set(",，。;；:：!！?？\n")
_YEAR = re.compile(r"(?<![0-9])(?:到|至|力争到|力争至)?((?:19|20)[0-9]{2})(?:[-—–~～至到]((?:19|20)[0-9]{2}))?年(?!\d|[0-9]*月)")
_GOVERNING = re.compile(r"(?<!截)(?:到|至|力争到|力争至)((?:19|20)[0-9]{2})年")
# What marks a figure as already achieved (a baseline in 发展基础), not a target.
_BASELINE_SENTENCE = re.compile(r"截至|截止|目前|现有")
_BASELINE_CLAUSE = re.compile(r"已|同比|比上年")
# 由X提高到Y: X is where the measure starts from.
_FROM_TO = re.compile(r"\s*(?:提高|提升|增长|增加|上升|扩大|下降|降低|减少|缩短|缩小)?\s*(?:到|至)")
_RANGE_SEP = "-—–~～至到"
_NUMBER = re.compile(
    r"(?P<num>[0-9]+(?:\.[0-9]+)?|[" + CN_CHARS + r"]+)"
    r"(?:\s*[" + _RANGE_SEP + r"]\s*(?P<num2>[0-9]+(?:\.[0-9]+)?|[" + CN_CHARS + r"]+))?"
)


_fold = fold  # a same-length copy of ``text``: ２ → 2, ， → ,, 達到 → 达到 (text.folding)


def governing_year(text: str) -> int | None:
    """The year ``text`` sets for what follows: 到2018年 → 2018; 2016年至2018年 / 2016-2018年 → 2018;
    2017年年底前 → 2017. The last such mention wins. A date (2016年6月2日) or a past reference
    (2015年以来) governs nothing.
    """
    folded = _fold(text)
    year = None
    for m in _YEAR.finditer(folded):
        if m.group(2) or _governs(folded, m):
            year = int(m.group(2) or m.group(1))
    return year


def _governs(folded: str, m: re.Match) -> bool:
    """到2018年 / 至2020年 / 2017年年底前 / 2018年前 set a deadline; 2015年以来 does not."""
    opener = folded[max(0, m.start(1) - 3):m.start(1)]
    if opener.endswith(("截至", "截止")):
        return False  # 截至2015年底: a baseline date
    if opener.endswith(("到", "至")):
        return True
    if folded.startswith((",", "，"), m.end()) and (m.start(1) == 0 or folded[m.start(1) - 1] in "。;\n:"):
        return True  # "2022年,全市新建5G基站2600个以上": a year opening its sentence sets it
    return folded.startswith(("年底", "底前", "底", "前", "末"), m.end())


def _sentence_year(folded: str, pos: int) -> int | None:
    """A year stated in the same sentence before ``pos`` (2017年年底前机架规模…)."""
    start = max(folded.rfind(ch, 0, pos) for ch in "。;!?\n") + 1
    found = None
    for m in _YEAR.finditer(folded, start, pos):
        if m.group(2) or _governs(folded, m):
            found = int(m.group(2) or m.group(1))
    return found


def _target_year(folded: str, pos: int, default: int | None) -> int | None:
    in_sentence = _sentence_year(folded, pos)
    if in_sentence is not None:
        return in_sentence
    governing = None
    for m in _GOVERNING.finditer(folded, 0, pos):
        governing = int(m.group(1))
    if governing is None:
        # 2016年至2018年,… opening a text governs it too.
        for m in _YEAR.finditer(folded, 0, pos):
            if m.group(2):
                governing = int(m.group(2))
    return governing if governing is not None else default


def _number_value(raw: str) -> float | None:
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", raw):
        return float(raw)
    value = cn_to_int(raw)
    return float(value) if value is not None else None


@dataclass(frozen=True)
class _Figure:
    """A figure with its measure, located in the folded text."""

    start: int  # first char of the number
    end: int  # after unit and trailing bound
    value: float
    value_max: float | None
    unit: str
    bound: str | None  # 以上 / 左右 …
    chinese: bool  # written in Chinese numerals only
    attributive: bool  # followed by 的
    numeral: str = ""  # the number as written (千, 3000, 2.5)
    approx: str | None = None  # 余 / 多 between the figure and its measure (100余家)


def _measure_noun_at(folded: str, pos: int) -> int:
    """Length of a measure noun (规模, not 规模化) at ``pos``, else 0."""
    for noun in MEASURE_NOUNS:
        if folded.startswith(noun, pos) and folded[pos + len(noun):pos + len(noun) + 1] != "化":
            return len(noun)
    return 0


def _in_idiom(folded: str, pos: int) -> bool:
    """Is ``pos`` inside one of the IDIOMS?"""
    for w in IDIOMS:
        i = folded.find(w, max(0, pos - len(w) + 1), pos + len(w))
        if 0 <= i <= pos < i + len(w):
            return True
    return False


def _increment_at(folded: str, lo: int, hi: int) -> int:
    """Where the last 新增 / 累计 of ``folded[lo:hi]`` starts, or -1."""
    return max(folded.rfind(v, lo, hi) for v in INCREMENT_VERBS)


def _clause_start(folded: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and folded[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def _clause_end(folded: str, pos: int) -> int:
    i = pos
    while i < len(folded) and folded[i] not in _CLAUSE_END:
        i += 1
    return i


def _comparator_before(folded: str, pos: int, floor: int) -> str | None:
    for word in PRE_COMPARATORS:
        if pos - len(word) >= floor and folded[pos - len(word):pos] == word:
            return word
    return None


def _read_unit(folded: str, pos: int) -> tuple[str, int, float]:
    """The measure at ``pos``: (unit, end, multiplier). Unit '' when none is written."""
    multiplier = 1.0
    i = pos
    if i < len(folded) and folded[i] in "万亿" and not folded.startswith(MONEY_UNITS, i):
        multiplier = 1e4 if folded[i] == "万" else 1e8
        i += 1
    for unit in MONEY_UNITS + CN_MEASURES + CLASSIFIERS + LATIN_UNITS:  # 个工作日 before 个
        if folded.startswith(unit, i):
            end = i + len(unit)
            if unit in LATIN_UNITS and end < len(folded) and folded[end].isascii() and folded[end].isalnum():
                continue  # 4G网络 is fine, but 3GPP / 100Mb are not this unit
            return unit, end, multiplier
    if multiplier != 1.0:
        return "", i, multiplier  # 千万 / 10万 with no measure after it
    return "", pos, 1.0


_ENUMERATION_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}等?$")


def _figures(folded: str) -> list[_Figure]:
    found: list[_Figure] = []
    last_end = 0
    for m in _NUMBER.finditer(folded):
        start = m.start("num")
        if start < last_end:
            continue  # the upper bound of a range already read (10%-15%)
        num, num2 = m.group("num"), m.group("num2")
        chinese = not num[0].isdigit()
        before = folded[start - 1] if start else ""
        # Inside a longer token: 3G, O2O, 〔2015〕40号, 第三代, 十三五, digits of a version 2.0.
        if before and before.isascii() and (before.isalnum() or before in ".〔[/"):
            continue
        if (before and before in "第〔[每") or (start >= 2 and folded[start - 2:start] == "十三"):
            continue
        value = _number_value(num)
        if value is None:
            continue
        value_max = _number_value(num2) if num2 else None
        approx = None
        unit, end, multiplier = _read_unit(folded, m.end())
        if not unit and not num2 and folded[m.end():m.end() + 1] in ("余", "多"):
            # 100余家 / 100多家: "more than", written between the figure and its measure.
            unit, end, multiplier = _read_unit(folded, m.end() + 1)
            approx = folded[m.end()] if unit else None
        if num2 and not unit:
            # 2016-2018年 is a period, not a range; retry without the second number.
            value_max = None
            unit, end, multiplier = _read_unit(folded, m.end("num"))
        after = folded[end:end + 1]
        if after in "年月日号" and after:
            continue
        if unit and value_max is None:
            # 10%-15%: a range whose both ends carry the unit.
            r = re.match(r"\s*[" + _RANGE_SEP + r"]\s*([0-9]+(?:\.[0-9]+)?)" + re.escape(unit), folded[end:])
            if r:
                value_max = float(r.group(1))
                end += r.end()
        bound = next((b for b in POST_BOUNDS if folded.startswith(b, end)), None)
        stop = end + (len(bound) if bound else 0)
        attributive = folded[stop:stop + 1] == "的"
        last_end = stop
        found.append(_Figure(start, stop, value * multiplier,
                             value_max * multiplier if value_max is not None else None,
                             unit, bound, chinese, attributive, num, approx))
    return found


def _strip_leading(text: str, offset: int, words: tuple[str, ...]) -> tuple[str, int]:
    changed = True
    while changed:
        changed = False
        m = re.match(r"(?:到|至|比|较|与)?(?:19|20)[0-9]{2}年(?:相比|年底前|年底|底前|前|末)?", text)
        if m and m.end():
            text, offset, changed = text[m.end():], offset + m.end(), True
            continue
        for w in words:
            if text.startswith(w) and len(text) > len(w):
                text, offset, changed = text[len(w):], offset + len(w), True
                break
    return text, offset


def _after_last_verb(text: str, offset: int) -> tuple[str, int]:
    if text.endswith(SUBJECT_ENDINGS):
        return text, offset  # 信息交换共享平台接入率: a measured subject, not verb + thing
    best = -1
    best_len = 0
    for verb in COUNT_VERBS:
        i = text.rfind(verb)
        if i >= 0 and i + len(verb) < len(text) and i + len(verb) > best + best_len:
            best, best_len = i, len(verb)
    if best >= 0:
        cut = best + best_len
        return text[cut:], offset + cut
    return text, offset


def _clean_name(text: str, offset: int) -> tuple[str, int]:
    """Trim a name of list punctuation and a dangling 的/和 at its edges (still a slice of the source)."""
    while text and text[0] in "和、":
        text, offset = text[1:], offset + 1
    while text and text[-1] in "的、和":
        text = text[:-1]
    return text, offset


def extract_targets(
    text: str, *, year: int | None, indicators: Mapping[str, Indicator] | None = None
) -> list[Target]:
    """Every quantitative target stated in ``text``, in order (see the module docstring).

    ``year`` is used when the text itself sets none (the caller passes the enclosing section's
    governing year or the plan's period end).
    """
    folded = _fold(text)
    targets: list[Target] = []
    floor = 0  # a name never reaches back past the previous target's figure
    last_name_at = 0
    figures = _figures(folded)
    list_head: tuple[str, int] = ("", 0)  # the first item of the current 、-list, and where it is
    # Figures already paired with a name by an earlier A和B分别达到X和Y: index → (name_at, name_len,
    # quote start, quote end, where the comparator is written, its length).
    paired: dict[int, tuple[int, int, int, int, int, int]] = {}
    for index, fig in enumerate(figures):
        clause = _clause_start(folded, fig.start, 0)
        if index in paired:
            name_at, name_len, q_start, q_end, comp_at, comp_len = paired[index]
            targets.append(_target(text, folded, fig, text[name_at:name_at + name_len], text[q_start:q_end],
                                   text[comp_at:comp_at + comp_len], year, indicators))
            last_name_at = name_at
            floor = max(fig.end, q_end)
            continue
        lo = max(clause, floor)
        comparator = _comparator_before(folded, fig.start, lo)
        if not fig.unit:
            if comparator is None or fig.value_max is not None or fig.chinese:
                continue  # a bare figure only as 指数达到67; 提升一批 is words
        elif fig.unit in LATIN_UNITS + CN_MEASURES and comparator is None \
                and not _coverage_capability(folded, fig, lo):
            continue
        prefix_end = fig.start - (len(comparator) if comparator else 0)
        prefix = folded[lo:prefix_end]
        if fig.chinese and fig.value < 10 and not (
                fig.value >= 2 and comparator is None and prefix.endswith(SMALL_COUNT_VERBS)):
            continue  # 两个, 三个提升, 提升一个档次: words, not figures (建成三个示范区 is a count)
        if re.match(r"\s*次(?:全会|全体会议|会议|常务会议|党代会)", folded[fig.end - 1 if fig.unit == "次" else fig.end:]) \
                or folded[max(0, fig.start - 4):fig.start].endswith("届"):
            continue  # 十二届十一次全会, 第十三届79次常务会议: a meeting's ordinal, not a figure
        if _in_idiom(folded, fig.start):
            continue  # 千家万户, 千方百计: idioms, not figures
        if "按" in prefix and fig.unit == "%":
            continue  # 按研发费用的50%加计扣除: a rule, not a target
        if _INCENTIVE.search(folded[clause:_clause_end(folded, fig.end)]):
            continue  # 给予最高100万元奖励: a policy incentive, not a target
        sentence = folded[max(folded.rfind(ch, 0, fig.start) for ch in "。;!?\n") + 1:fig.start]
        if _BASELINE_SENTENCE.search(sentence) or _BASELINE_CLAUSE.search(folded[clause:fig.start]) \
                or folded[fig.start - 1:fig.start] == "了":
            continue  # 截至2015年底…达到 / 已建成 / 增长了: achieved, not planned
        if prefix.count("“") > prefix.count("”"):
            continue  # inside a slogan: “千家诊断、百家对标”
        if "由" in folded[lo:fig.start] and _FROM_TO.match(folded, fig.end):
            continue  # 由2015年的50%提高到70%: the starting point, not the target
        if _ENUMERATION_BEFORE.search(prefix) and comparator is None \
                and not prefix.endswith(COUNT_VERBS) \
                and not _COMPLETES.search(folded, fig.end, _clause_end(folded, fig.end)):
            # 青岛、潍坊2个国家级…城市共同配送试点: a count of the places just listed — unless they
            # are to achieve something (济南、青岛、潍坊、威海等4个城市完成国家信息惠民试点任务)
            continue
        # Figure first: 建成10个X / 80%以上的X / 千家医院 — the thing follows the figure.
        tail_start = fig.end + (1 if fig.attributive else 0)
        next_char = folded[tail_start:tail_start + 1]
        figure_first = False
        if fig.attributive:
            if fig.unit != "%":
                continue  # 年营业收入超过2亿元的企业: the figure qualifies the noun
            figure_first = True
        elif fig.unit == "%" and fig.bound and comparator is None and not prefix.strip() \
                and "\u4e00" <= next_char <= "\u9fff" \
                and re.search(r"实现|拥有|具备|通过|采用|接入|覆盖|达到", folded[tail_start:_clause_end(folded, tail_start)]):
            figure_first = True  # 90%以上行政许可审批事项实现网上办理: the share of the thing that follows
        elif fig.unit and fig.unit not in ("%", "‰") and (
                comparator in (None,) + APPROXIMATE
                or comparator in BOUND_COMPARATORS and (not prefix or prefix.endswith(COUNT_VERBS))) and next_char \
                and ("\u4e00" <= next_char <= "\u9fff" or next_char == "“") \
                and not (fig.bound and fig.unit in SIZE_UNITS) \
                and not _measure_noun_at(folded, tail_start):
            figure_first = True
        if fig.chinese and len(fig.numeral) == 1 and not figure_first and comparator is None:
            continue  # 进万家, 百家争鸣: a lone 千/万 counts only before the thing (千家医院)
        if figure_first:
            end = _clause_end(folded, tail_start)
            thing_end = end
            for i in range(tail_start, end):
                # The thing ends where the next figure of a list begins: 智慧工厂和30个…, 、1300家…
                if folded[i] in "、和及" and i + 1 < end and (
                        folded[i + 1].isdigit() or folded[i + 1] in CN_CHARS):
                    thing_end = i
                    break
            name, name_at = _clean_name(folded[tail_start:thing_end], tail_start)
            covers = name.endswith(COVERAGE) and len(name) > len(COVERAGE)
            if covers:
                name = name[:-len(COVERAGE)]  # 17市共同配送全覆盖: 全覆盖 is the qualifier
            if not name or any(name.endswith(n) and len(name) <= len(n) + 2 for n in STRUCTURAL_NOUNS):
                continue
            # The quote opens at the verb that governs the figure (建设10个…), else the clause.
            q_start, best_end = lo, -1
            for verb in COUNT_VERBS + ("实现",):
                j = folded.rfind(verb, lo, fig.start)
                if j >= 0 and (j + len(verb) > best_end or j + len(verb) == best_end and j < q_start):
                    q_start, best_end = j, j + len(verb)
            for word in CLAUSE_COMPARATORS:  # 至少建设1处: the bound belongs in the quote
                if folded.startswith(word, q_start - len(word)) and q_start - len(word) >= lo:
                    q_start -= len(word)
            q_end = name_at + len(name) + (len(COVERAGE) if covers else 0)
        else:
            raw = folded[lo:prefix_end]
            name, name_at = _strip_leading(raw, lo, CLAUSE_COMPARATORS + LEADING_FILLERS + COUNT_VERBS)
            for verb in TRAILING_VERBS:
                if name.endswith(verb) and len(name) > len(verb):
                    name = name[:-len(verb)]
            from_at = re.search(r"由[^由]*[0-9]", name)
            if from_at and from_at.start() > 0:
                name = name[:from_at.start()]  # 互联网普及率由2015年的50%提高到70%: the name ends at 由
            if comparator is None:
                name, name_at = _after_last_verb(name, name_at)
            name, name_at = _clean_name(name, name_at)
            list_item = bool(targets) and lo == floor and folded[lo:lo + 1] in "、和" \
                and _same_sentence(folded, list_head[1], lo)
            if not name and comparator is not None and targets and _same_sentence(folded, floor, lo):
                # …达到500亿元,年均增长20% / …年均增长20%,达到2000亿元: the thing just named.
                name, name_at = targets[-1].name, last_name_at
            if not name:
                continue
            if comparator and comparator.startswith(RESPECTIVELY):
                group = _respectively(folded, figures, index, name, name_at)
                if group:
                    # 分别达到 → the comparator is 达到, written right after 分别.
                    comp_at = fig.start - len(comparator) + len(RESPECTIVELY)
                    comp_len = len(comparator) - len(RESPECTIVELY)
                    q_end = group[-1][0].end
                    for k, (_member, part, part_at) in enumerate(group):
                        paired[index + k] = (part_at, len(part), lo, q_end, comp_at, comp_len)
                    name_at, name_len, q_start, q_end, comp_at, comp_len = paired.pop(index)
                    targets.append(_target(text, folded, fig, text[name_at:name_at + name_len],
                                           text[q_start:q_end], text[comp_at:comp_at + comp_len],
                                           year, indicators))
                    last_name_at = name_at
                    floor = max(fig.end, q_end)
                    continue
            q_start = lo
            q_end = fig.end
            if _measure_noun_at(folded, q_end):
                q_end += _measure_noun_at(folded, q_end)
            elif fig.unit in ("%", "‰") and "\u4e00" <= folded[q_end:q_end + 1] <= "\u9fff":
                q_end = _clause_end(folded, q_end)  # 100%覆盖 / 100%共享: the verb completes it
        name = text[name_at:name_at + len(name)]  # matched on the fold, cut from the original
        if not name.strip():
            continue
        while q_start < q_end and folded[q_start] in "、和及与 \u3000":
            q_start += 1  # 、示范基地50个 → 示范基地50个
        quote = text[q_start:q_end].strip()
        if not quote:
            continue  # nothing verbatim to cite (a figure the previous target's quote already took)
        # The comparator as written (達到 stays traditional); a bare count implies 达到.
        pre_at = fig.start - len(comparator) if comparator else -1
        bound_at = fig.end - len(fig.bound) if fig.bound else -1
        if comparator in GROWTH or comparator is not None and fig.bound is None:
            comp = text[pre_at:fig.start]
        elif fig.bound:
            comp = text[bound_at:fig.end]
        elif folded.startswith(CLAUSE_COMPARATORS, clause):
            word = next(c for c in CLAUSE_COMPARATORS if folded.startswith(c, clause))
            comp = text[clause:clause + len(word)]
        elif fig.approx:
            comp = text[fig.start + len(fig.numeral):fig.start + len(fig.numeral) + 1]
        elif _increment_at(folded, lo, fig.start) >= 0:
            # 新增众创空间100家 is an increment, 累计建成… a running total: not a level 达到.
            at = _increment_at(folded, lo, fig.start)
            comp = text[at:at + 2]
        else:
            comp = "达到"
        # 培育电子商务示范企业120家、示范基地50个: a later item shares the head word (示范) of the
        # list's first item, whose prefix (电子商务) the list distributes over it.
        if not figure_first and list_item and list_head[0]:
            cut = list_head[0].find(name[:2]) if 2 <= len(name) <= 4 else -1  # a bare 示范基地
            if cut >= 2:
                name = list_head[0][:cut] + name
        targets.append(_target(text, folded, fig, name, quote, comp, year, indicators,
                               q_start=q_start, q_end=q_end, pre_at=pre_at))
        if figure_first or not list_item:
            list_head = (name, fig.start)
        last_name_at = name_at
        floor = max(fig.end, q_end)
    return targets


def _same_sentence(folded: str, start: int, end: int) -> bool:
    return not any(ch in "。;!?\n" for ch in folded[start:end])


def _target(text: str, folded: str, fig: _Figure, name: str, quote: str, comp: str,
            year: int | None, indicators: Mapping[str, Indicator] | None, *,
            q_start: int | None = None, q_end: int | None = None, pre_at: int = -1) -> Target:
    # The unit as written (臺(套) stays traditional), width-folded (％ → %).
    unit_end = fig.end - len(fig.bound or "")
    unit = unicodedata.normalize("NFKC", text[unit_end - len(fig.unit):unit_end]) if fig.unit else ""
    pre = folded[pre_at:fig.start] if 0 <= pre_at < fig.start else None
    clause = _clause_start(folded, fig.start, 0)
    if pre is None and folded.rfind("新增", clause, fig.start) >= 0:
        pre = "新增"  # 新增就业岗位5万个以上: an increment, whatever bound follows
    words = _qualifiers(text, folded, fig, pre_at, quote)
    sentence = folded[max(folded.rfind(ch, 0, fig.start) for ch in "。;!?\n") + 1:fig.start]
    indicator, linked_name = _indicator_for(name, unit, indicators, context=sentence[:-1] if sentence else "")
    if linked_name and name not in linked_name:
        linked_name = None
    return Target(
        name=(linked_name or name).strip(),
        value=fig.value,
        value_max=fig.value_max,
        unit=unit,
        comparator=comparator_for(_fold(pre or comp), [_fold(w) for w in words]),
        year=_target_year(folded, fig.start, year),
        quote=quote.strip(),
        indicator=indicator,
        qualifier=join_qualifiers(words),
    )


COVERAGE = "全覆盖"
# A count of listed places is a target when they are to achieve something (…等4个城市完成…).
_COMPLETES = re.compile(r"完成|实现|达到|建成")


def _coverage_capability(folded: str, fig: _Figure, lo: int) -> bool:
    """城区实现100M光纤接入能力全覆盖: a capability every place is to have is a target (the figure
    is the capability, 全覆盖 its qualifier); 100M光纤 alone is a description."""
    end = _clause_end(folded, fig.end)
    return "实现" in folded[lo:fig.start] and folded[fig.end:end].endswith(COVERAGE)


def _qualifiers(text: str, folded: str, fig: _Figure, pre_at: int, quote: str) -> list[str]:
    """The qualifying words written with a figure (以上, 左右, 各, 累计, 力争, 至少, 每年, 全覆盖 …),
    as written, in text order."""
    sentence = max(folded.rfind(ch, 0, fig.start) for ch in "。;!?\n") + 1
    clause = _clause_start(folded, fig.start, 0)
    found: dict[int, str] = {}
    for word, lo in (("力争", sentence), ("每年", sentence), ("累计", clause), ("至少", clause)):
        at = folded.rfind(word, lo, fig.start)
        if at >= 0:
            found[at] = text[at:at + len(word)]
    if pre_at >= 0:
        pre = folded[pre_at:fig.start]
        for word in QUALIFIERS:
            if pre.startswith(word) and word not in ("余", "多"):
                found[pre_at] = text[pre_at:pre_at + len(word)]
                break
    for at in (pre_at - 1 if pre_at > 0 else -1, fig.start - 1):
        if at >= 0 and folded[at] == "各":
            found[at] = text[at]
    if fig.approx:
        at = fig.start + len(fig.numeral)
        found[at] = text[at]
    if fig.bound:
        at = fig.end - len(fig.bound)
        found[at] = text[at:fig.end]
    if _fold(quote).endswith(COVERAGE):
        at = folded.find(_fold(quote), max(0, fig.start - len(quote)))
        if at >= 0:
            found[at + len(quote) - len(COVERAGE)] = COVERAGE
    return [found[k] for k in sorted(found)]


def _indicator_for(name: str, unit: str, indicators: Mapping[str, Indicator] | None, *,
                   context: str = "") -> tuple[str | None, str | None]:
    """The matching indicator, unless it measures a share and the target an amount or the reverse
    (电子商务交易额 年均增长15% is a growth rate, not the 亿元 indicator); and, when it matched only
    with a prefix the sentence distributes (建设省级远程医学中心和17个市级分中心 → 远程医学 +
    市级分中心), the name with that prefix."""
    if not indicators:
        return None, None
    found, linked = match_indicator(name, indicators), None
    if found is None and context:
        found, linked = match_in_context(name, context, indicators)
    if found is not None:
        ind_unit = indicators[found].unit
        if ind_unit and (ind_unit.strip() == "%") != (unit == "%"):
            return None, None
    return found, linked


def match_in_context(name: str, context: str, indicators: Mapping[str, Indicator]) -> tuple[str | None, str | None]:
    """An indicator whose name or alias is a prefix written earlier in the sentence (``context``)
    followed by ``name``: 市级分中心 after 建设省级远程医学中心和… is 远程医学 + 市级分中心. The prefix
    written closest to the figure wins; returns (indicator id, prefix + name) or (None, None)."""
    key = normalize(fold(name))
    hay = normalize(fold(context))
    if len(key) < 2:
        return None, None
    best: tuple[int, int, str, str] | None = None
    for ind_id, ind in indicators.items():
        for alias in (ind.name, *ind.aliases):
            a = normalize(fold(alias))
            if len(a) <= len(key) or not a.endswith(key):
                continue
            prefix = a[:-len(key)]
            at = hay.rfind(prefix)
            if len(prefix) >= 2 and at >= 0 and (best is None or (at, len(a)) > best[:2]):
                best = (at, len(a), ind_id, alias)
    if best is None:
        return None, None
    return best[2], best[3]


def _respectively(folded: str, figures: list[_Figure], index: int, names: str,
                  names_at: int) -> list[tuple[_Figure, str, int]] | None:
    """A和B分别达到X和Y: pair each listed name with its figure, or None when the counts differ."""
    parts: list[tuple[str, int]] = []
    start = 0
    for m in re.finditer(r"以及|[和、]", names):  # not 及 or 与 alone: 普及率, 参与率
        parts.append((names[start:m.start()], names_at + start))
        start = m.end()
    parts.append((names[start:], names_at + start))
    if len(parts) < 2 or any(not p for p, _ in parts):
        return None
    members = [figures[index]]
    while len(members) < len(parts) and index + len(members) < len(figures):
        nxt = figures[index + len(members)]
        if folded[members[-1].end:nxt.start] not in ("和", "、", "及", "与"):
            break
        members.append(nxt)
    if len(members) != len(parts):
        return None
    return [(fig, part, at) for fig, (part, at) in zip(members, parts)]


def match_indicator(name: str, indicators: Mapping[str, Indicator]) -> str | None:
    """The id of the indicator whose name or an alias is ``name`` (after NFKC, whitespace and
    traditional-to-simplified folding).

    Failing an exact match, the longest name or alias that ``name`` ends with wins
    (全省固定宽带家庭普及率 → 固定宽带家庭普及率); else None.
    """
    key = normalize(fold(name))  # traditional script matches too: 固定寬帶家庭普及率
    best: tuple[int, str] | None = None
    for ind_id, ind in indicators.items():
        for alias in (ind.name, *ind.aliases):
            a = normalize(fold(alias))
            if not a:
                continue
            if a == key:
                return ind_id
            if key.endswith(a) and (best is None or len(a) > best[0]):
                best = (len(a), ind_id)
    return best[1] if best else None
