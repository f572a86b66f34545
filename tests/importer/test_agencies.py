"""Resolving agency names as written to vocabulary ids, and suggesting entries for the rest."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.importer.agencies import (
    AgencyResolver,
    qualify_names,
    resolve_names,
    suggest_entries,
    unresolved_names,
)
from generator.importer.annotations import AnnotationRules, find_annotations
from generator.model import Agency, AgencyRef, Region, Vocabulary

ROOT = Path(__file__).resolve().parents[2]


def vocab(*agencies: Agency) -> Vocabulary:
    regions = [
        Region("china", "中国", "country", None, None),
        Region("shandong", "山东省", "province", "china", "370000", short_name="山东"),
        Region("jinan", "济南市", "city", "shandong", "370100", short_name="济南"),
        Region("beijing", "北京市", "municipality", "china", "110000", short_name="北京"),
    ]
    return Vocabulary(
        regions={r.id: r for r in regions},
        domains={},
        agency_types={},
        agencies={a.id: a for a in agencies},
        indicators={},
    )


JINAN = vocab(
    Agency("jinan-fagaiwei", "jinan", "济南市发展和改革委员会", ("市发改委",), None),
    Agency("jinan-kejiju", "jinan", "济南市科学技术局", ("市科技局",), None),
    Agency("jinan-jingxinwei", "jinan", "济南市经济和信息化委员会", ("市经济和信息化委", "市经信委"), None),
    Agency("jinan-xianqu", "jinan", "济南市各县(市)区人民政府", ("各县(市)区政府",), None),
    Agency("shandong-renhang", "shandong", "中国人民银行济南分行", ("人民银行济南分行",), None),
    Agency("beijing-kejiju", "beijing", "北京市科学技术委员会", ("市科委", "市科技局"), None),
)


def test_bare_name_after_a_prefixed_one_resolves_under_the_prefix_but_keeps_its_name():
    refs = resolve_names(["市发改委", "科技局"], region="jinan", vocab=JINAN)
    assert refs == (AgencyRef("市发改委", "jinan-fagaiwei"), AgencyRef("科技局", "jinan-kejiju"))


def test_prefix_carries_over_several_bare_names():
    refs = resolve_names(["市发改委", "经济和信息化委", "科技局"], region="jinan", vocab=JINAN)
    assert [r.agency for r in refs] == ["jinan-fagaiwei", "jinan-jingxinwei", "jinan-kejiju"]


def test_bare_name_without_a_prefix_before_it_is_not_guessed():
    assert resolve_names(["科技局"], region="jinan", vocab=JINAN) == (AgencyRef("科技局", None),)


def test_canonical_name_and_full_width_forms_resolve():
    refs = resolve_names(["济南市科学技术局", "各县（市）区政府"], region="jinan", vocab=JINAN)
    assert [r.agency for r in refs] == ["jinan-kejiju", "jinan-xianqu"]
    assert refs[1].name == "各县（市）区政府"


def test_traditional_script_names_resolve_and_keep_their_spelling():
    refs = resolve_names(["市發改委", "科技局", "各縣(市)區政府"], region="jinan", vocab=JINAN)
    assert [r.agency for r in refs] == ["jinan-fagaiwei", "jinan-kejiju", "jinan-xianqu"]
    assert [r.name for r in refs] == ["市發改委", "科技局", "各縣(市)區政府"]
    assert qualify_names(["區發改委", "科技局"]) == ("區發改委", "區科技局")


def test_full_region_name_as_prefix_distributes_and_resolves_in_the_own_region_only():
    refs = resolve_names(["济南市发改委", "科技局", "北京市科技局"], region="jinan", vocab=JINAN)
    assert [r.agency for r in refs] == ["jinan-fagaiwei", "jinan-kejiju", None]
    assert qualify_names(["济南市发改委", "科技局"], place_names=["济南市"]) == ("济南市发改委", "济南市科技局")


def test_parent_region_agencies_resolve_but_other_regions_do_not():
    refs = resolve_names(["人民银行济南分行", "市科委"], region="jinan", vocab=JINAN)
    assert refs == (AgencyRef("人民银行济南分行", "shandong-renhang"), AgencyRef("市科委", None))
    assert resolve_names(["市科技局"], region="beijing", vocab=JINAN)[0].agency == "beijing-kejiju"


def test_nearest_region_wins_an_alias_claimed_twice():
    v = vocab(
        Agency("shandong-x", "shandong", "省X", ("X办",), None),
        Agency("jinan-x", "jinan", "市X", ("X办",), None),
    )
    assert resolve_names(["X办"], region="jinan", vocab=v)[0].agency == "jinan-x"
    assert resolve_names(["X办"], region="shandong", vocab=v)[0].agency == "shandong-x"


def test_unknown_region_resolves_nothing_and_does_not_fail():
    assert resolve_names(["市发改委"], region="atlantis", vocab=JINAN) == (AgencyRef("市发改委", None),)


def test_qualify_names_distributes_only_to_bare_departments():
    names = ["市农业局", "发改委", "济南高新区管委会", "各县(市)区政府", "人民银行济南分行营管部",
             "东莞广电网络公司", "省财政厅", "地税局"]
    assert qualify_names(names, place_names=["济南"]) == (
        "市农业局", "市发改委", "济南高新区管委会", "各县(市)区政府", "人民银行济南分行营管部",
        "东莞广电网络公司", "省财政厅", "省地税局",
    )
    assert qualify_names(["科技局"]) == ("科技局",)


def test_unresolved_names_are_qualified_for_suggestions():
    pairs = unresolved_names(["市发改委", "规划局", "停车办"], region="jinan", vocab=JINAN)
    assert pairs == [("jinan", "市规划局"), ("jinan", "市停车办")]


def test_suggest_entries_writes_reviewable_yaml_with_pinyin_ids():
    snippet = suggest_entries([("jinan", "市规划局"), ("jinan", "各县(市)区政府"), ("jinan", "市规划局")])
    assert snippet.startswith("# Suggested site_config/agencies.yaml entries")
    entries = yaml.safe_load(snippet)["agencies"]
    assert entries == [
        {"id": "jinan-guihuaju", "region": "jinan", "name": "市规划局", "aliases": ["市规划局"],
         "type": None},
        {"id": "jinan-gexianshiquzhengfu", "region": "jinan", "name": "各县(市)区政府",
         "aliases": ["各县(市)区政府"], "type": None},
    ]


def test_suggest_entries_makes_ids_unique_and_keeps_hostile_names_as_data():
    snippet = suggest_entries([("x", "市规划局"), ("x", "省规划局"), ("x", "a: <script>|# b")])
    entries = yaml.safe_load(snippet)["agencies"]
    assert [e["id"] for e in entries] == ["x-guihuaju", "x-guihuaju-2", "x-ascriptb"]
    assert entries[2]["name"] == "a: <script>|# b"
    assert suggest_entries([]) == ""
    again = yaml.safe_load(suggest_entries([("jinan", "市科技局")], taken_ids=JINAN.agencies))
    assert again["agencies"][0]["id"] == "jinan-kejiju-2"


# --- the seeds against the real vocabulary --------------------------------------------------------


def real_vocab() -> Vocabulary:
    """site_config/ read with plain YAML: the importer's view, independent of the full loader."""
    regions = yaml.safe_load((ROOT / "site_config" / "regions.yaml").read_text(encoding="utf-8"))
    agencies = yaml.safe_load((ROOT / "site_config" / "agencies.yaml").read_text(encoding="utf-8"))
    return Vocabulary(
        regions={r["id"]: Region(r["id"], r["name"], r["level"], r.get("parent"), r.get("adcode"),
                                 r.get("short_name")) for r in regions["regions"]},
        domains={},
        agency_types={},
        agencies={a["id"]: Agency(a["id"], a["region"], a["name"], tuple(a.get("aliases") or ()),
                                  a.get("type")) for a in agencies["agencies"]},
        indicators={},
    )


def test_jinan_bare_names_resolve_like_their_prefixed_forms():
    v = real_vocab()
    resolver = AgencyResolver(v, "jinan")
    text = (ROOT / "content" / "sources" / "jinan-2016.txt").read_text(encoding="utf-8")
    first = find_annotations(text)[0]
    refs = resolver.resolve(first.cooperating)
    assert [r.name for r in refs] == ["市发改委", "科技局"]
    assert refs[1].agency is not None and refs[1].agency == resolver.lookup("市科技局")


def test_shandong_rule_leads_resolve_to_provincial_agencies():
    v = real_vocab()
    resolver = AgencyResolver(v, "shandong")
    text = (ROOT / "content" / "sources" / "shandong-2016.txt").read_text(encoding="utf-8")
    rules = AnnotationRules()
    first = rules.apply(find_annotations(text)[0])
    lead = resolver.resolve(first.lead)
    assert lead[0].name == "省经济和信息化委"
    assert lead[0].agency is not None and v.agencies[lead[0].agency].region == "shandong"


SEED_REGIONS = {"jinan-2016": "jinan", "liaocheng-2017": "liaocheng", "shandong-2016": "shandong",
                "beijing-2016": "beijing", "dongguan-2016": "dongguan"}


def test_every_annotated_name_in_the_seeds_resolves_in_its_region():
    v = real_vocab()
    unresolved = []
    for plan, region in SEED_REGIONS.items():
        resolver = AgencyResolver(v, region)
        rules = AnnotationRules()
        text = (ROOT / "content" / "sources" / f"{plan}.txt").read_text(encoding="utf-8")
        for a in map(rules.apply, find_annotations(text)):
            for names in (a.lead, a.cooperating, a.responsible):
                for ref in resolver.resolve(names):
                    if ref.agency is None:
                        unresolved.append((plan, ref.name))
                    else:
                        assert v.agencies[ref.agency].region in ("china", region, v.regions[region].parent)
    assert unresolved == []
