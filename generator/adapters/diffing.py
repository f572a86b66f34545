"""``python -m generator diff BASE_REF``: what the working tree's content changes against a git ref.

The git side of ``render.changes``: the base's content/ and site_config/ are read with
``git show BASE_REF:path`` into a temporary tree, both trees are loaded, and the comparison is
rendered as Markdown (a pull request's job summary). Problems raise ``InputError``; the CLI prints.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..content.load import read_content
from ..errors import InputError
from ..render.changes import changes_markdown, compare

TREES = ("content", "site_config")


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=120)
    except FileNotFoundError:
        raise InputError(str(root), "git is not installed") from None
    if done.returncode != 0:
        raise InputError(str(root), f"git {' '.join(args[:2])} failed: "
                                    f"{done.stderr.decode('utf-8', 'replace').strip() or done.returncode}")
    return done.stdout


def checkout_tree(root: Path, ref: str, into: Path) -> Path:
    """content/ and site_config/ as they are at ``ref``, written under ``into``; returns ``into``."""
    toplevel = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    prefix = root.resolve().relative_to(toplevel.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    listing = _git(root, "ls-tree", "-r", "-z", "--name-only", "--full-tree", ref, "--",
                   *(prefix + t for t in TREES))
    for name in filter(None, listing.decode("utf-8").split("\0")):
        rel = name[len(prefix):]
        path = into / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_git(root, "show", f"{ref}:{name}"))
    for tree in TREES:
        (into / tree).mkdir(exist_ok=True)
    return into


def _site_url(root: Path) -> str | None:
    config = root / "mkdocs.yml"
    if not config.exists():
        return None
    for line in config.read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return line.split(":", 1)[1].strip().strip("'\"") or None
    return None


def diff_markdown(root: Path, ref: str) -> str:
    """The Markdown summary of the content change from ``ref`` to the working tree under ``root``."""
    with tempfile.TemporaryDirectory(prefix="policy-atlas-base-") as tmp:
        base_root = checkout_tree(root, ref, Path(tmp))
        base, base_problems = read_content(base_root)
        head, head_problems = read_content(root)
    text = changes_markdown(compare(base, head), base=ref, site_url=_site_url(root))
    notes = []
    if base_problems:
        notes.append(f"> The content at `{ref}` has {len(base_problems)} validation problem(s); "
                     f"what could be read was compared.")
    if head_problems:
        notes.append(f"> The working tree's content has {len(head_problems)} validation problem(s) "
                     f"(`python -m generator check` lists them); what could be read was compared.")
    return text + ("\n" + "\n".join(notes) + "\n" if notes else "")
