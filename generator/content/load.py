"""``load_content(root)``: everything in site_config/ and content/plans/ → ``model.Content``, or every problem.

This is the gate in front of every build: the CLI's ``check`` and the MkDocs plugin call it first,
and nothing is written while it raises. It reads all files even after the first problem, so that a
contributor sees the whole list in one run (as ``path:line:col: message``, paths relative to root).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, Problem
from ..model import Content, Loc, Plan
from .checked import read_checked
from .plans import PlanReader
from .vocab import read_vocabulary

PLANS_DIR = "content/plans"


def load_content(root: Path) -> Content:
    """Load and validate the whole content tree under ``root``; raise ContentError with every problem."""
    content, problems = read_content(Path(root))
    if problems:
        raise ContentError(problems)
    return content


def read_content(root: Path) -> tuple[Content, list[Problem]]:
    """Whatever could be read, and every problem found (empty when the content is valid)."""
    vocab, problems, unreadable = read_vocabulary(root)
    plans: dict[str, Plan] = {}
    folder = root / PLANS_DIR
    if not folder.is_dir():
        problems.append(Problem(Loc(PLANS_DIR), f"folder missing: {PLANS_DIR}/"))
        return Content(vocab, plans), problems
    for stray in sorted(folder.glob("*.yml")):
        problems.append(Problem(Loc(f"{PLANS_DIR}/{stray.name}"),
                                f"plan files end in .yaml: rename it to {stray.stem}.yaml"))
    for file in sorted(folder.glob("*.yaml")):
        rel = f"{PLANS_DIR}/{file.name}"
        checked = read_checked(root, rel, "plan")
        problems += checked.problems
        if checked.doc is None:
            continue
        reader = PlanReader(root, checked.doc, file.stem, vocab, unreadable)
        plan = reader.plan()
        problems += reader.problems
        if plan is not None:
            plans[plan.id] = plan
    # A missing schema or vocabulary is met by every file that needs it: report it once.
    return Content(vocab, plans), list(dict.fromkeys(problems))
