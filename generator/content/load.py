"""``load_content(root)``: everything in site_config/ and content/plans/ → ``model.Content``, or every problem.

This is the gate in front of every build: the CLI's ``check`` and the MkDocs plugin call it first,
and nothing is written while it raises. It reads all files even after the first problem, so that a
contributor sees the whole list in one run (as ``path:line:col: message``, paths relative to root).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError, Problem
from ..model import Content, Loc, Plan, Vocabulary
from .checked import read_checked
from .plans import PlanReader
from .vocab import read_vocabulary

PLANS_DIR = "content/plans"
SOURCES_DIR = "content/sources"
VOCAB_DIR = "site_config"


# What read_vocabulary returns: the vocabularies, their problems, the files that could not be read.
VocabRead = tuple[Vocabulary, list[Problem], frozenset[str]]


@dataclass(frozen=True)
class CachedPlan:
    """One plan as an earlier read left it: the digest it was read at, its problems, the plan."""

    key: str
    problems: tuple[Problem, ...]
    plan: Plan


@dataclass
class LoadCache:
    """What an earlier ``read_content`` of the same tree read, for a preview that reloads often.

    A plan is read and validated again only when its YAML, its source text or anything under
    site_config/ changed (compared by content digest, not by time stamp); every other plan is the
    very object read before, so a later stage can tell unchanged plans by identity. A vocabulary
    change drops every cached plan: each plan's references are checked against the vocabulary.
    """

    vocab_key: str | None = None
    vocab: VocabRead | None = None  # what site_config/ at vocab_key read as
    plans: dict[str, CachedPlan] = field(default_factory=dict)  # by path relative to the root


def _digest(*paths: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    for path in paths:
        h.update(str(path).encode("utf-8") + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"\1missing")
        h.update(b"\0")
    return h.hexdigest()


def _vocab_key(root: Path) -> str:
    folder = root / VOCAB_DIR
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return _digest(*files)


def load_content(root: Path, cache: LoadCache | None = None) -> Content:
    """Load and validate the whole content tree under ``root``; raise ContentError with every problem.

    With a ``cache`` (``make serve``), unchanged plans are reused from the previous call.
    """
    content, problems = read_content(Path(root), cache)
    if any(not p.warning for p in problems):
        raise ContentError(problems)
    return content


def read_content(root: Path, cache: LoadCache | None = None) -> tuple[Content, list[Problem]]:
    """Whatever could be read, and every problem found (no errors when the content is valid; warnings
    do not stop a build)."""
    if cache is not None:
        key = _vocab_key(root)
        if key != cache.vocab_key or cache.vocab is None:
            cache.vocab_key, cache.vocab, cache.plans = key, read_vocabulary(root), {}
        vocab, vocab_problems, unreadable = cache.vocab
        problems = list(vocab_problems)
    else:
        vocab, problems, unreadable = read_vocabulary(root)
    plans: dict[str, Plan] = {}
    folder = root / PLANS_DIR
    if not folder.is_dir():
        problems.append(Problem(Loc(PLANS_DIR), f"folder missing: {PLANS_DIR}/"))
        return Content(vocab, plans), problems
    for stray in sorted(folder.glob("*.yml")):
        problems.append(Problem(Loc(f"{PLANS_DIR}/{stray.name}"),
                                f"plan files end in .yaml: rename it to {stray.stem}.yaml"))
    files = sorted(folder.glob("*.yaml"))
    if not files:
        # An atlas of nothing would publish an empty site over the real one: say so, as an error.
        problems.append(Problem(Loc(PLANS_DIR), f"no plans: {PLANS_DIR}/ holds no .yaml file (import one "
                                                "with python -m generator import SOURCE.txt)"))
    for file in files:
        rel = f"{PLANS_DIR}/{file.name}"
        if cache is not None:
            hit = cache.plans.get(rel)
            if hit is not None and hit.key == _plan_key(root, file, hit.plan):
                problems += hit.problems
                plans[hit.plan.id] = hit.plan
                continue
        checked = read_checked(root, rel, "plan")
        problems += checked.problems
        if checked.doc is None:
            continue
        reader = PlanReader(root, checked.doc, file.stem, vocab, unreadable)
        plan = reader.plan()
        problems += reader.problems
        if plan is not None:
            plans[plan.id] = plan
        if cache is not None:  # only a plan that could be read: an unreadable one is read again
            if plan is not None:
                cache.plans[rel] = CachedPlan(_plan_key(root, file, plan),
                                              tuple(checked.problems) + tuple(reader.problems), plan)
            else:
                cache.plans.pop(rel, None)
    # A missing schema or vocabulary is met by every file that needs it: report it once.
    return Content(vocab, plans), group_repeats(list(dict.fromkeys(problems)))


def _plan_key(root: Path, file: Path, plan: Plan) -> str:
    """Digest of what a plan's reading depends on: its YAML and the source text it names."""
    return _digest(file, root / SOURCES_DIR / plan.source.file)


GROUP_AFTER = 3  # the same message more often than this in one file is printed once, with its lines


def group_repeats(problems: list[Problem]) -> list[Problem]:
    """One message repeated all over a file (an unknown id used 79 times) is one problem: the first
    place, and the lines of the others, so the list shows the root causes, not their echo."""
    by_message: dict[tuple[str, str, bool], list[Problem]] = {}
    for p in problems:
        by_message.setdefault((p.loc.path, p.message, p.warning), []).append(p)
    out = []
    for p in problems:
        same = by_message[p.loc.path, p.message, p.warning]
        if len(same) <= GROUP_AFTER:
            out.append(p)
        elif p is same[0]:
            lines = sorted({q.loc.line for q in same[1:]})
            shown = ", ".join(map(str, lines[:10])) + (", …" if len(lines) > 10 else "")
            out.append(Problem(p.loc, f"{p.message} (and {len(same) - 1} more times in this file: "
                                      f"line {shown})", p.warning))
    return out
