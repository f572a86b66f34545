"""Scoring the importer on a corpus of real texts with hand-written expected facts (``make corpus``).

A corpus is a folder of ``<stem>.txt`` documents (line 1 ``# source: URL``, line 2 ``# coverage: …``,
the document from line 3) and ``expected/<stem>.yaml``, one mapping of the facts a correct importer
extracts from that text alone (fields documented in tests/corpus/README.md). Each text, minus its
two ``#`` lines, goes through the real pipeline (``import_text``) and is compared with its facts:

- metadata: title, issuer, 文号 and signing date, four fields per document. Strings are compared as
  written after NFKC (full-width → half-width), with whitespace removed (a title printed over two
  lines is one title) and quotes and dashes unified (“” and "" are one quote, — and - one dash);
  the script is not folded, so a traditional-script document must keep its script. ``null``
  expected means the text does not say: an importer that fills one in is wrong. The title is the
  one the importer found (``ImportResult.metadata``), not the stand-in a draft gets when none was.
- cited 文号: the documents the text cites, compared by their key (``text.docnum.doc_number_key``:
  brackets, width, script and spaces folded); per file |expected ∩ found| / |expected ∪ found|, so
  a missed citation and a wrong one (the document's own 文号, a fragment) both cost.
- targets: every target of the draft (tasks and sections) against the expected indicators, matched
  one to one on value (a range 1—2 on both ends) and unit, and on year when the expected year is
  not null; recall = matched / expected, precision = matched / found.
- annotated tasks: each expected annotated task is found by its annotation (as written, folded;
  a truncated annotation by its visible start) and, among equal annotations, by its heading; it is
  right when its lead and cooperating agencies, as sets of names folded to simplified half-width
  script with whitespace and a trailing 等 removed, are exactly the expected ones (an annotation not
  read at all has none: right only when it assigns none, as a list cut off before its role word). A name resolved
  to a vocabulary agency is compared by the name the text writes, so alias resolution cannot hide
  a wrong split.

Totals add the counts of every file (micro averages). Nothing here prints: ``score_corpus`` returns
``CorpusScore`` objects and ``markdown`` renders them; the CLI prints.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import model
from ..model import Loc
from ..errors import ContentError, Problem
from ..text.brackets import strip_brackets
from ..text.docnum import doc_number_key
from ..text.folding import fold


# --- normalisation -----------------------------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "‘": "'", "’": "'",
                         "—": "-", "–": "-", "－": "-", "―": "-", "─": "-", "〈": "《", "〉": "》"})


def literal_key(text: str | None) -> str | None:
    """A string as written, compared without width, whitespace, quote or dash differences."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES)
    return re.sub(r"\s+", "", text)


def name_key(name: str) -> str:
    """An agency name folded to simplified half-width script, whitespace and a trailing 等 removed."""
    name = re.sub(r"\s+", "", fold(name))
    return re.sub(r"等(?:单位|部门)?$", "", name)


def _annotation_key(text: str) -> str:
    return strip_brackets(re.sub(r"\s+", "", fold(text)).rstrip("。.;")).rstrip("。.;")


_BANDWIDTH = {"m": "Mbps", "mbps": "Mbps", "mb": "Mbps", "兆": "Mbps", "兆位每秒": "Mbps", "兆比特每秒": "Mbps",
              "g": "Gbps", "gbps": "Gbps", "吉": "Gbps", "t": "Tbps", "tbps": "Tbps"}
_MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3}


def _measure(value: float, unit: str | None) -> tuple[float, str]:
    """A figure in base units: 1.8万亿元 and 18000亿元 are one figure (1.8e12 元), 2万人 and 20000人
    one count; bandwidth units are unified (100兆, 100M, 100Mbps)."""
    unit = re.sub(r"\s+", "", fold(unit or ""))
    unit = _BANDWIDTH.get(unit.lower(), unit)
    while unit[:1] in _MULTIPLIERS and len(unit) > 1:
        value *= _MULTIPLIERS[unit[0]]
        unit = unit[1:]
    return value, unit


def _value_range(value: object) -> tuple[float, float] | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value), float(value)
    text = unicodedata.normalize("NFKC", str(value)).translate(_QUOTES)
    nums = re.findall(r"\d+(?:\.\d+)?", text)
    if not nums:
        return None
    return float(nums[0]), float(nums[-1])


# --- per-file results -------------------------------------------------------------------------------


@dataclass
class FileScore:
    """One document's counts, and what went wrong (for a reviewer, and for the README table)."""

    name: str
    kinds: tuple[str, ...] = ()
    metadata: tuple[int, int] = (0, 0)  # right, of
    cited: tuple[int, int] = (0, 0)  # |E ∩ F|, |E ∪ F|
    targets: tuple[int, int, int] = (0, 0, 0)  # matched, expected, found
    tasks: tuple[int, int] = (0, 0)  # right, of
    misses: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class CorpusScore:
    files: list[FileScore]

    def total(self, files: Iterable[FileScore] | None = None) -> FileScore:
        files = list(self.files if files is None else files)
        t = FileScore("total")
        for f in files:
            t.metadata = (t.metadata[0] + f.metadata[0], t.metadata[1] + f.metadata[1])
            t.cited = (t.cited[0] + f.cited[0], t.cited[1] + f.cited[1])
            t.targets = tuple(a + b for a, b in zip(t.targets, f.targets))  # type: ignore[assignment]
            t.tasks = (t.tasks[0] + f.tasks[0], t.tasks[1] + f.tasks[1])
        return t

    @property
    def errors(self) -> list[FileScore]:
        return [f for f in self.files if f.error]


def ratio(right: int, of: int) -> float | None:
    return right / of if of else None


def rates(s: FileScore) -> dict[str, float | None]:
    """The five figures of a score: metadata, cited, target recall and precision, annotated tasks."""
    return {
        "metadata": ratio(*s.metadata),
        "cited": ratio(*s.cited),
        "target_recall": ratio(s.targets[0], s.targets[1]),
        "target_precision": ratio(s.targets[0], s.targets[2]),
        "tasks": ratio(*s.tasks),
    }


# --- reading a corpus ------------------------------------------------------------------------------


def document_text(raw: str) -> str:
    """A corpus text minus its two leading ``#`` lines (source URL, coverage)."""
    lines = raw.split("\n")
    k = 0
    while k < 2 and k < len(lines) and lines[k].startswith("#"):
        k += 1
    return "\n".join(lines[k:])


def load_expected(corpus: Path) -> list[tuple[Path, dict]]:
    """Every (text path, expected facts) of the corpus, in file-name order; a located error when an
    expected file is unreadable or names no text."""
    out = []
    folder = corpus / "expected"
    if not folder.is_dir():
        raise ContentError([Problem(Loc(str(folder), 1, 1), "no expected/ folder: a corpus holds <stem>.txt and "
                           "expected/<stem>.yaml")])
    for path in sorted(folder.glob("*.yaml")):
        try:
            facts = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise ContentError([Problem(Loc(str(path), line, col), f"not YAML: {getattr(err, 'problem', err)}")]) from err
        if not isinstance(facts, dict):
            raise ContentError([Problem(Loc(str(path), 1, 1), "expected one mapping of facts")])
        text = corpus / (facts.get("file") or path.stem + ".txt")
        if not text.is_file():
            raise ContentError([Problem(Loc(str(path), 1, 1), f"its text {text.name} is not in {corpus}")])
        out.append((text, facts))
    return out


def kinds_of(facts: dict) -> tuple[str, ...]:
    """The kinds of text a document stands for, from its expected facts (for the per-kind table)."""
    kinds = []
    probe = fold(" ".join(str(facts.get(k) or "") for k in ("issuing_body", "title", "notice_title")))
    if re.search(r"国务院|国家|部(?!门)|委员会办公厅|总局", probe) and not re.search(r"[省市区州县盟]", probe):
        kinds.append("national")
    elif re.search(r"省|自治区|^(?:北京|天津|上海|重庆)市", probe) or re.search(r"^(?:北京|天津|上海|重庆)", probe):
        kinds.append("provincial")
    else:
        kinds.append("city")
    if facts.get("script") == "traditional":
        kinds.append("traditional script")
    if facts.get("notice_title"):
        kinds.append("notice around the plan")
    other = facts.get("other_metadata") or {}
    if isinstance(other, dict) and other.get("index_number"):
        kinds.append("metadata table")
    if facts.get("page_dates"):
        kinds.append("page/aggregator dates")
    if facts.get("tasks"):
        kinds.append("agency annotations")
    if facts.get("indicators"):
        kinds.append("targets")
    if facts.get("issuing_body") is None:
        kinds.append("no issuer named")
    return tuple(kinds)


# --- scoring one document ----------------------------------------------------------------------------


def _score_metadata(s: FileScore, facts: dict, result) -> None:
    meta = result.metadata
    plan = result.plan
    found = {
        "title": meta.title if meta is not None else None,
        "issuing_body": plan.issuer,
        "doc_number": plan.doc_number,
        "issue_date": plan.signed.isoformat() if plan.signed else None,
    }
    right = 0
    for field_name, got in found.items():
        want = facts.get(field_name)
        if isinstance(want, list):
            # Several issuers (a joint document): named together, in order, with or without 、.
            options = {literal_key(sep.join(map(str, want))) for sep in ("", "、", " ", ",")}
            if literal_key(got) in options:
                right += 1
                continue
            want = "、".join(map(str, want))
        want = str(want) if want is not None else None
        if literal_key(want) == literal_key(got):
            right += 1
        else:
            s.misses.append(f"{field_name}: expected {want!r}, got {got!r}")
    s.metadata = (right, len(found))


def _score_cited(s: FileScore, facts: dict, plan: model.Plan) -> None:
    want = {doc_number_key(str(d)): str(d) for d in facts.get("cited_documents") or []}
    got = {doc_number_key(c.doc_number): c.doc_number for c in plan.cites if c.doc_number}
    for k in sorted(set(want) - set(got)):
        s.misses.append(f"cited 文号 missed: {want[k]}")
    for k in sorted(set(got) - set(want)):
        s.misses.append(f"cited 文号 wrong: {got[k]}")
    s.cited = (len(set(want) & set(got)), len(set(want) | set(got)))


def plan_targets(plan: model.Plan) -> list[model.Target]:
    out: list[model.Target] = []
    for sec in plan.iter_sections():
        out += sec.targets
    for task in plan.iter_tasks():
        out += task.targets
    return out


def _score_targets(s: FileScore, facts: dict, plan: model.Plan) -> None:
    expected = [x for x in facts.get("indicators") or [] if isinstance(x, dict)]
    found = plan_targets(plan)
    used: set[int] = set()
    matched = 0
    for x in expected:
        want = _value_range(x.get("value"))
        hit = None
        for i, t in enumerate(found):
            if i in used or want is None:
                continue
            lo, unit = _measure(t.value, t.unit)
            hi, _ = _measure(t.value_max if t.value_max is not None else t.value, t.unit)
            want_lo, want_unit = _measure(want[0], x.get("unit"))
            want_hi, _ = _measure(want[1], x.get("unit"))
            if unit != want_unit or abs(lo - want_lo) > 1e-6 * max(1.0, want_lo) \
                    or abs(hi - want_hi) > 1e-6 * max(1.0, want_hi):
                continue
            if x.get("year") is not None and t.year != int(x["year"]):
                continue
            hit = i
            break
        if hit is None:
            s.misses.append(f"target missed: {x.get('name')} {x.get('value')}{x.get('unit') or ''}"
                            f" ({x.get('year')})")
        else:
            used.add(hit)
            matched += 1
    for i, t in enumerate(found):
        if i not in used:
            s.misses.append(f"target not expected: {t.name} {t.value:g}{t.unit} ({t.year}): {t.quote[:40]}")
    s.targets = (matched, len(expected), len(found))


def _heading_key(text: str) -> str:
    key = _annotation_key(text)
    return re.sub(r"^(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\(?\d+[).、]?)", "", key)


def _score_tasks(s: FileScore, facts: dict, result) -> None:
    expected = [x for x in facts.get("tasks") or [] if isinstance(x, dict) and x.get("annotation")]
    owners: dict[str, str] = {}
    for sec in result.plan.iter_sections():
        owners[sec.id] = _heading_key((sec.number or "") + (sec.title or sec.text or "")[:60])
    for task in result.plan.iter_tasks():
        owners[task.id] = _heading_key((task.title or task.text or "")[:60])
    readings = list(result.annotations)
    used: set[int] = set()
    right = 0
    for x in expected:
        want = _annotation_key(str(x["annotation"]))
        heading = _heading_key(str(x.get("heading") or ""))
        candidates = [i for i, r in enumerate(readings) if i not in used and (
            _annotation_key(r.annotation) == want
            or (x.get("truncated") or len(want) >= 6) and _annotation_key(r.annotation).startswith(want)
            or len(_annotation_key(r.annotation)) >= 6 and want.startswith(_annotation_key(r.annotation)))]
        by_heading = [i for i in candidates if heading and heading[:6] and heading[:6] in owners.get(
            readings[i].owner, "")]
        pick = (by_heading or candidates or [None])[0]
        want_lead = {name_key(str(n)) for n in x.get("lead") or []}
        want_coop = {name_key(str(n)) for n in x.get("cooperating") or []}
        if pick is None:
            # Not read as an annotation: the task has no lead and no co-operators, which is right
            # only when the annotation assigns none (a list cut off before its role word).
            if want_lead or want_coop:
                s.misses.append(f"annotation not found: {x['annotation']}")
            else:
                right += 1
            continue
        used.add(pick)
        r = readings[pick]
        lead = {name_key(n) for n in r.lead}
        coop = {name_key(n) for n in r.cooperating}
        if lead == want_lead and coop == want_coop:
            right += 1
        else:
            s.misses.append(f"agencies of {x['annotation']}: expected lead {sorted(want_lead)} cooperating "
                            f"{sorted(want_coop)}, got lead {sorted(lead)} cooperating {sorted(coop)}"
                            f" responsible {sorted(name_key(n) for n in r.responsible)}")
    s.tasks = (right, len(expected))


def score_document(text_path: Path, facts: dict, vocab: model.Vocabulary | None) -> FileScore:
    """Import one corpus text with the real pipeline and score it against its facts."""
    from .pipeline import import_text

    s = FileScore(text_path.stem, kinds_of(facts))
    raw = document_text(text_path.read_text(encoding="utf-8"))
    try:
        result = import_text(raw, plan_id=re.sub(r"[^a-z0-9-]", "-", text_path.stem.lower()),
                             source_file=text_path.name, vocab=vocab)
    except Exception as err:  # noqa: BLE001 — a crash is a result of the score, reported per file
        s.error = f"{type(err).__name__}: {err}"
        expected_targets = len(facts.get("indicators") or [])
        s.metadata = (0, 4)
        s.cited = (0, len(facts.get("cited_documents") or []))
        s.targets = (0, expected_targets, 0)
        s.tasks = (0, len([x for x in facts.get("tasks") or [] if x.get("annotation")]))
        return s
    _score_metadata(s, facts, result)
    _score_cited(s, facts, result.plan)
    _score_targets(s, facts, result.plan)
    _score_tasks(s, facts, result)
    return s


def score_corpus(corpus: Path, vocab: model.Vocabulary | None) -> CorpusScore:
    """Score every document of ``corpus`` (see the module docstring)."""
    return CorpusScore([score_document(path, facts, vocab) for path, facts in load_expected(corpus)])


# --- rendering ---------------------------------------------------------------------------------------


def _fmt(right: int, of: int) -> str:
    return f"{right}/{of} = {right / of:.2f}" if of else "–"


def _row(label: str, s: FileScore) -> str:
    matched, expected, found = s.targets
    return (f"| {label} | {_fmt(*s.metadata)} | {_fmt(*s.cited)} | {_fmt(matched, expected)} | "
            f"{_fmt(matched, found)} | {_fmt(*s.tasks)} |")


_HEAD = ("| {0} | metadata | cited 文号 | target recall | target precision | annotated tasks |\n"
         "|---|---:|---:|---:|---:|---:|")


def markdown(score: CorpusScore, *, per_file: bool = True) -> str:
    """The score as Markdown: per file (when asked), the total, and the total per kind of text."""
    out = []
    total = score.total()
    if per_file:
        out.append(_HEAD.format("document"))
        for f in score.files:
            out.append(_row(f.name + (" (crashed)" if f.error else ""), f))
        out.append(_row(f"**total ({len(score.files)} documents)**", total))
        out.append("")
    out.append(_HEAD.format("kind of text (documents)"))
    kinds: dict[str, list[FileScore]] = {}
    for f in score.files:
        for k in f.kinds:
            kinds.setdefault(k, []).append(f)
    for k in sorted(kinds, key=lambda k: (-len(kinds[k]), k)):
        out.append(_row(f"{k} ({len(kinds[k])})", score.total(kinds[k])))
    out.append(_row(f"**all ({len(score.files)})**", total))
    return "\n".join(out) + "\n"


def misses(score: CorpusScore) -> str:
    """Every miss of every file, for the person improving the importer."""
    out = []
    for f in score.files:
        if f.error:
            out.append(f"{f.name}: CRASHED: {f.error}")
        for m in f.misses:
            out.append(f"{f.name}: {m}")
    return "\n".join(out)
