"""The snippet under a result (atlas-search-core.js: snippet) shows the sentence that matches most
of the query, with every match in it highlighted."""

from __future__ import annotations

import json
import subprocess

RUN = """
const core = require(process.argv[1]);
const [text, spans, width] = JSON.parse(process.argv[2]);
console.log(JSON.stringify(core.snippet(text, spans, width)));
"""


def snippet(node, assets_dir, text, spans, width=60):
    out = subprocess.run([node, "-e", RUN, str(assets_dir / "atlas-search-core.js"),
                          json.dumps([text, spans, width])], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


TEXT = ("加快推进智能制造。推广应用工业机器人,在重点行业建设智能工厂。"
        "到2018年,全市推广应用工业机器人3000台(套)以上,建成智能车间20个。")


def test_the_snippet_is_the_sentence_matching_most_terms_not_the_first_mention(node, assets_dir):
    pieces = snippet(node, assets_dir, TEXT, ["工业机器人", "3000", "台"])
    shown = "".join(p["text"] for p in pieces)
    assert "3000台(套)" in shown and "在重点行业建设智能工厂" not in shown
    assert [p["text"] for p in pieces if p["mark"]] == ["工业机器人3000台"]


def test_every_match_in_the_chosen_sentence_is_highlighted(node, assets_dir):
    text = "其他内容。推进政务服务事项一网通办,实现政务服务网上办理。"
    marks = [p["text"] for p in snippet(node, assets_dir, text, ["政务服务", "一网通办"]) if p["mark"]]
    assert marks == ["政务服务", "一网通办", "政务服务"]


def test_a_text_without_matches_shows_its_start(node, assets_dir):
    assert snippet(node, assets_dir, "无关内容。" * 30, ["远程"])[0] == {"text": "无关内容。" * 12, "mark": False}
