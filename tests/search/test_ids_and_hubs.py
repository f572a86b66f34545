"""Identifiers a reader copies (a task id, a period, a 文号) find what they name, and the row of hub
pages above the results shows a page only when the query names it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

NODE_HUBS = """
const { makeEngine } = require(process.argv[1]);
const queries = JSON.parse(process.argv[2]);
(async () => {
  const { engine } = makeEngine(process.argv[3]);
  const out = [];
  for (const q of queries) {
    await engine.load(q);
    const hubs = engine.search(q).filter((h) => engine.isHub(h.ref) && h.named).slice(0, 16);
    const docs = await engine.documents(hubs.map((h) => h.ref));
    out.push(hubs.filter((h, i) => engine.namesEntity(q, docs[i])).slice(0, 4).map((h) => h.ref));
  }
  console.log(JSON.stringify(out));
})();
"""


def kinds(bundle, refs):
    return [(bundle.documents[r].kind, bundle.documents[r].title) for r in refs]


def test_a_task_id_finds_its_task_first(bundle, searcher):
    for q, plan, task in [("t2-11-1", "jinan-2016", "t2-11-1"), ("东莞 t3-4-10", "dongguan-2016", "t3-4-10")]:
        top = bundle.documents[searcher.search(q)[0].ref]
        assert (top.plan, top.url.split("#")[-1]) == (plan, task), q


def test_an_identifier_that_occurs_nowhere_is_searched_by_its_parts(searcher):
    assert [s.span for s in searcher.parse("t9-99-9")] == ["t9", "99", "9"]


def test_a_doc_number_finds_its_plan_first(bundle, searcher):
    top = bundle.documents[searcher.search("京政发[2016]4号")[0].ref]
    assert (top.kind, top.plan) == ("plan", "beijing-2016")


def test_the_hub_row_shows_only_pages_the_query_names(bundle, searcher):
    assert searcher.hub_row("电商") == []  # not the indicator 农资和农产品电商平台
    assert searcher.hub_row("智慧城市") == []  # not an agency type whose members say 智慧城市
    assert kinds(bundle, searcher.hub_row("远程医疗")) == [("domain", "远程医疗")]
    assert kinds(bundle, searcher.hub_row("济南"))[0] == ("region", "济南市")
    assert {k for k, _ in kinds(bundle, searcher.hub_row("经信委"))} == {"agency"}
    assert kinds(bundle, searcher.hub_row("国发〔2015〕40号"))[0][0] == "document"


def test_the_browser_picks_the_same_hub_row(node, assets_dir, searcher):
    queries = ["电商", "智慧城市", "远程医疗", "济南", "经信委", "国发〔2015〕40号", "电子商务"]
    runner = Path(__file__).with_name("node_engine.js")
    out = subprocess.run([node, "-e", NODE_HUBS, str(runner), json.dumps(queries), str(assets_dir)],
                         capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(out.stdout) == [searcher.hub_row(q) for q in queries]


def test_agency_pages_of_one_kind_sit_side_by_side_across_regions():
    """Every region's 经信委 next to one another in the document order (documents._agencies_by_kind),
    so the candidates of a query naming them share one or two document chunks (issue #13)."""
    from helpers import REGIONS, plan, task

    from generator.atlas import link
    from generator.model import Agency, AgencyType, Vocabulary
    from generator.search.documents import build_documents

    def agency(region: str, key: str, name: str, aliases: tuple[str, ...], kind: str) -> Agency:
        return Agency(f"{region}-{key}", region, REGIONS[region].name + name, aliases, kind)

    agencies = [agency("alpha", "jingxinwei", "经济和信息化委员会", ("市经信委", "经信委"), "industry-it"),
                agency("alpha", "caizhengju", "财政局", ("市财政局",), "finance"),
                agency("beta", "caizhengju", "财政局", ("市财政局",), "finance"),
                agency("beta", "jingxinwei", "经济和信息化委员会", ("市经信委", "经信委"), "industry-it")]
    vocab = Vocabulary(regions=dict(REGIONS), domains={}, indicators={},
                       agency_types={"industry-it": AgencyType("industry-it", "工业和信息化主管部门"),
                                     "finance": AgencyType("finance", "财政部门")},
                       agencies={a.id: a for a in agencies})
    plans = [plan("alpha-2016", "alpha", (task("t1", "推进远程医疗。"),)),
             plan("beta-2016", "beta", (task("t1", "推进远程医疗。"),))]
    atlas = link(vocab, {p.id: p for p in plans})
    order = [d.title for d in build_documents(atlas) if d.kind == "agency"]
    assert order == ["阿尔法市经济和信息化委员会", "贝塔市经济和信息化委员会", "阿尔法市财政局", "贝塔市财政局"]
