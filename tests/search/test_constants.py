"""Search constants come from Python: the browser engine reads them from the index core.

Span weights, the phrase weight, the segmenter's longest word, the posting bit layout, the domain
key prefix, the page size and the hub row's sizes live in query.py / shards.py; the build writes
them into the core (``constants``) and the JavaScript has no value of its own for any of them.
"""

from __future__ import annotations

import json
import re
import subprocess

from generator.search.emit import ASSETS
from generator.search.query import PAGE_SIZE, SPAN_WEIGHTS, engine_constants

SHARED = ("SPAN_WEIGHTS", "TEXT_PART", "MAX_WORD", "TEXT_BIT", "POSITIONS", "PHRASE_WEIGHT", "PAGE_SIZE",
          "MAX_HUBS", "HUB_KINDS", "DOMAIN_PREFIX")


def test_the_core_carries_every_constant_the_engine_shares_with_python(bundle):
    constants = bundle.shards().core["constants"]
    assert constants == engine_constants()
    assert constants["spanWeights"] == list(SPAN_WEIGHTS.values()) and constants["pageSize"] == PAGE_SIZE


def test_the_browser_scripts_copy_no_shared_constant():
    for name in ("atlas-search-core.js", "atlas-search.js"):
        js = (ASSETS / name).read_text(encoding="utf-8")
        for const in SHARED:
            assert not re.search(rf"\b{const}\s*=\s*[-\d\[\"'{{n]", js), (name, const)
        assert '"#" +' not in js and "* 4)" not in js


def test_the_engine_takes_the_core_constants_and_refuses_a_core_without_them(node, bundle):
    core = bundle.shards().core
    script = """
const core = require(process.argv[1]);
const data = JSON.parse(process.argv[2]);
const e = new core.Engine(data, () => Promise.reject(new Error("no shards")));
let refused = false;
try { new core.Engine(Object.assign({}, data, {constants: undefined}), () => null); } catch (err) { refused = true; }
console.log(JSON.stringify({segments: core.parseQuery("远程医疗服务", e.vocab, e.t2s), refused}));
"""
    out = subprocess.run([node, "-e", script, str(ASSETS / "atlas-search-core.js"), json.dumps(core)],
                         capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["refused"] is True and got["segments"]
