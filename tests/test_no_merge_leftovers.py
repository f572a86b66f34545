"""No file the project ships or tests carries a leftover merge-conflict marker.

A ``=======`` line once survived a merge in overrides/assets/atlas.css: browsers skipped the rule
after it, and the 引用 control lost its style on every page without any test noticing.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARKER = re.compile(rb"^(<{7}|={7}|>{7})( |$)", re.MULTILINE)


def test_no_file_holds_a_merge_conflict_marker():
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    paths = [p for p in files.decode().split("\0") if p and not p.startswith("tests/tools/node_modules/")]
    assert len(paths) > 100
    found = [p for p in paths if (REPO / p).is_file() and MARKER.search((REPO / p).read_bytes())]
    assert not found, found
