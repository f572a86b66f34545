"""``python -m generator import``: a source text file → content/plans/<id>.yaml (a draft to review).

The file side of the importer: reading and checking the source, loading the vocabulary, refusing to
overwrite a reviewed plan, copying the source into content/sources/, writing the YAML atomically.
The text side is ``generator.importer.pipeline.import_text``. Problems raise ``InputError``; the CLI
prints them.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..content.vocab import load_vocabulary
from ..errors import InputError, UsageError
from ..importer.emit import emit_plan
from ..importer.pipeline import ImportResult, import_text
from ..importer.source import read_source
from ..model import Vocabulary


@dataclass(frozen=True)
class Written:
    """What an import wrote, and the report a reviewer reads before committing it."""

    plan_file: Path
    source_file: Path
    tasks: int
    report: tuple[str, ...]
    warnings: tuple[str, ...]
    review_file: Path | None = None  # build/review/<id>.html: the source marked by what it became


def load_vocab(root: Path) -> tuple[Vocabulary | None, str | None]:
    """The vocabulary under ``root``, or None and why (an import still works without one)."""
    try:
        return load_vocabulary(root / "site_config"), None
    except Exception as err:  # noqa: BLE001 — any unreadable vocabulary only costs resolution
        return None, f"vocabulary not loaded ({err}); agencies, domains and indicators stay unresolved"


def import_file(source: Path, *, plan_id: str | None, out: Path | None, root: Path, force: bool,
                progress: Callable[[str], None] | None = None) -> Written:
    """Draft ``out`` (default content/plans/<id>.yaml) from ``source``; raise ``InputError`` when the
    plan id is no slug (``UsageError``), the source cannot be imported (``SourceError``: missing,
    too large, unreadable, binary, not UTF-8, empty, HTML — ``importer.source.read_source``, the
    same judgement the CLI makes first, with advice) or the output exists (a reviewed
    plan) and ``force`` is not given. Nothing is written when it raises. ``progress`` is passed to
    ``import_text`` (the CLI shows it for a long input)."""
    plan_id = plan_id or source.stem
    if not re.fullmatch(r"[a-z0-9-]+", plan_id):
        raise UsageError(None, f"plan id {plan_id!r} must be a slug of lowercase ASCII letters, digits and "
                               f"'-' (pass --id, e.g. --id qingdao-2016)")
    data, raw = read_source(source)
    sources_dir = root / "content" / "sources"
    target_source = sources_dir / f"{plan_id}.txt"
    out = out or root / "content" / "plans" / f"{plan_id}.yaml"
    if out.exists() and not force:
        raise InputError(str(out), "exists (a reviewed plan?); pass --force to overwrite it")
    if target_source.exists() and target_source.resolve() != source.resolve() and not force \
            and target_source.read_bytes() != data:
        raise InputError(str(target_source), "exists with other text; pass --force to replace it")
    vocab, warning = load_vocab(root)
    result: ImportResult = import_text(raw, plan_id=plan_id, source_file=target_source.name, vocab=vocab,
                                       progress=progress)
    # sha256 is of the file's bytes as stored in content/sources/.
    plan = replace(result.plan, source=replace(result.plan.source, sha256=hashlib.sha256(data).hexdigest()))
    if target_source.resolve() != source.resolve():
        sources_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target_source)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    yaml_text = emit_plan(plan)
    tmp.write_text(yaml_text, encoding="utf-8")
    tmp.replace(out)
    warnings = [warning] if warning else []
    try:
        review: Path | None = write_review(result, yaml_text, root=root, plan_id=plan_id,
                                           yaml_name=_shown(out, root), source_name=_shown(target_source, root))
    except Exception as err:  # noqa: BLE001 — the draft is written; its review page is a help, not the product
        review = None
        warnings.append(f"review page not written ({type(err).__name__}: {err})")
    return Written(plan_file=out, source_file=target_source, tasks=sum(1 for _ in plan.iter_tasks()),
                   report=result.report, warnings=tuple(warnings), review_file=review)


def _shown(path: Path, root: Path) -> str:
    """``path`` relative to the project root when it is inside it (content/plans/x.yaml), else as given."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def write_review(result: ImportResult, yaml_text: str, *, root: Path, plan_id: str, yaml_name: str,
                 source_name: str) -> Path:
    """Write ``build/review/<id>.html`` under ``root`` (atomically) and return its path."""
    from .review import render_review

    path = root / "build" / "review" / f"{plan_id}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render_review(result, yaml_text, yaml_name=yaml_name, source_name=source_name), encoding="utf-8")
    tmp.replace(path)
    return path
