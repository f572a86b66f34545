"""The vocabularies in site_config/ against themselves and against the five seed plans.

The loader (generator/content/vocab.py) checks structure; these tests pin what the vocabulary must
*contain* for the seeds to cross-link: every agency an annotation names resolves to exactly one
agency of its plan's region, every target that has a comparable counterpart links to an indicator,
and the ids that become permanent URLs are well-formed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from generator.importer.targets import match_indicator
from generator.text.verbatim import normalize

from .conftest import DATA, ROOT, SEED_REGIONS

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VOCAB_FILES = ("regions", "domains", "agency_types", "agencies", "indicators")


def _agency_names():
    rows = []
    for line in (DATA / "agency_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            seed, name, role = line.split("\t")
            rows.append((seed, name, role))
    return rows


def _alias_index(vocab):
    """(region, normalised name or alias) → ids of the agencies that claim it."""
    index = defaultdict(set)
    for agency in vocab.agencies.values():
        for form in (agency.name, *agency.aliases):
            index[(agency.region, normalize(form))].add(agency.id)
    return index


# --- files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", VOCAB_FILES)
def test_each_vocabulary_file_declares_its_schema_on_the_first_line(kind):
    first = (ROOT / "site_config" / f"{kind}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schema/{kind}.schema.json"


def test_every_id_is_a_slug_and_unique_across_its_vocabulary(vocab):
    for kind in VOCAB_FILES:
        entries = getattr(vocab, kind)
        assert entries, kind
        for entry_id in entries:
            assert SLUG.match(entry_id), (kind, entry_id)


# --- regions ---------------------------------------------------------------------------------


def test_regions_form_one_tree_under_china_with_the_seed_regions(vocab):
    regions = vocab.regions
    roots = [r.id for r in regions.values() if r.parent is None]
    assert roots == ["china"]
    for region in regions.values():
        seen = {region.id}
        parent = region.parent
        while parent is not None:
            assert parent in regions, (region.id, parent)
            assert parent not in seen, f"cycle at {region.id}"
            seen.add(parent)
            parent = regions[parent].parent
    assert set(SEED_REGIONS.values()) <= set(regions)
    assert regions["jinan"].parent == regions["liaocheng"].parent == "shandong"
    assert regions["dongguan"].parent == "guangdong"
    assert regions["beijing"].parent == "china" and regions["beijing"].level == "municipality"


def test_region_adcodes_are_real_gb2260_codes_nested_in_their_parents(vocab):
    expected = {"shandong": "370000", "jinan": "370100", "liaocheng": "371500",
                "beijing": "110000", "guangdong": "440000", "dongguan": "441900"}
    assert {r: vocab.regions[r].adcode for r in expected} == expected
    for region in vocab.regions.values():
        parent = vocab.regions.get(region.parent) if region.parent else None
        if region.adcode and parent is not None and parent.adcode:
            if parent.level == "province":
                assert region.adcode[:2] == parent.adcode[:2], region.id


def test_region_short_names_are_what_the_plans_write_in_running_text(vocab):
    for seed, region in SEED_REGIONS.items():
        short = vocab.regions[region].short_name
        assert short and short in (ROOT / "content" / "sources" / f"{seed}.txt").read_text(encoding="utf-8")


# --- agencies and agency types ---------------------------------------------------------------------


def test_every_agency_has_a_known_type_and_a_known_region(vocab):
    for agency in vocab.agencies.values():
        assert agency.type in vocab.agency_types, agency.id
        assert agency.region in vocab.regions, agency.id


def test_agency_ids_are_region_then_pinyin_slug(vocab):
    for agency in vocab.agencies.values():
        assert agency.id.startswith(agency.region + "-"), agency.id
    assert "jinan-jingxinwei" in vocab.agencies
    assert vocab.agencies["jinan-jingxinwei"].name == "济南市经济和信息化委员会"


def test_no_alias_names_two_agencies_of_the_same_region(vocab):
    clashes = {key: ids for key, ids in _alias_index(vocab).items() if len(ids) > 1}
    assert clashes == {}


def test_every_agency_name_in_every_seed_annotation_resolves_to_exactly_one_agency_of_its_region(vocab):
    index = _alias_index(vocab)
    rows = _agency_names()
    assert {seed for seed, _, _ in rows} == set(SEED_REGIONS)
    unresolved = sorted({(seed, name) for seed, name, _ in rows
                         if len(index.get((SEED_REGIONS[seed], normalize(name)), ())) != 1})
    assert unresolved == []


def test_bare_names_after_a_distributed_prefix_resolve_to_the_prefixed_agency(vocab):
    # Jinan writes “(牵头单位:市经济和信息化委,配合单位:市发改委、科技局)”: 科技局 is 市科技局.
    index = _alias_index(vocab)
    for bare, prefixed in [("科技局", "市科技局"), ("发改委", "市发改委"), ("经济和信息化委", "市经济和信息化委"),
                           ("人力资源社会保障局", "市人力资源社会保障局"), ("停车办", "市停车办")]:
        assert index[("jinan", bare)] == index[("jinan", prefixed)] != set(), bare


def test_no_alias_is_claimed_by_an_agency_of_a_region_and_one_of_its_parent(vocab):
    # Names resolve in the plan's region first, then up the region tree: a provincial agency that
    # claimed a city's bare form (经济和信息化委) would capture it in any city that lacks it.
    index = _alias_index(vocab)
    shadowed = sorted(
        (region, alias)
        for (region, alias), ids in index.items()
        if (parent := vocab.regions[region].parent) and (parent, alias) in index
    )
    assert shadowed == []


def test_the_same_short_form_in_two_regions_names_two_agencies(vocab):
    index = _alias_index(vocab)
    assert index[("jinan", "市发改委")] == {"jinan-fagaiwei"}
    assert index[("liaocheng", "市发改委")] == {"liaocheng-fagaiwei"}


def test_collective_references_are_entries_with_a_collective_type(vocab):
    index = _alias_index(vocab)
    for region, name, agency_type in [
        ("jinan", "各县(市)区政府", "subordinate-governments"),
        ("shandong", "各市人民政府", "subordinate-governments"),
        ("beijing", "各区政府", "subordinate-governments"),
        ("beijing", "各有关部门", "relevant-departments"),
        ("dongguan", "各有关部门", "relevant-departments"),
        ("dongguan", "镇街", "subordinate-governments"),
    ]:
        (agency_id,) = index[(region, normalize(name))]
        assert vocab.agencies[agency_id].type == agency_type, name


def test_liaocheng_joint_conference_member_units_are_agencies(vocab):
    # The attachment lists the member units' heads; their units must have agency pages too.
    index = _alias_index(vocab)
    for unit in ["市法制办", "市国土局", "市综治办", "市智慧办", "市邮政管理局", "市气象局",
                 "中国联通聊城市分公司", "中国移动聊城分公司", "中国电信聊城分公司", "中国铁塔聊城分公司",
                 "聊城供电公司", "山东广电网络聊城分公司"]:
        assert len(index[("liaocheng", unit)]) == 1, unit


def test_peer_departments_of_different_regions_share_an_agency_type(vocab):
    it_departments = {a.region for a in vocab.agencies.values() if a.type == "industry-it"}
    assert set(SEED_REGIONS.values()) <= it_departments
    assert vocab.agency_types["industry-it"].name == "工业和信息化主管部门"


def test_every_agency_type_is_used_by_some_agency(vocab):
    used = Counter(a.type for a in vocab.agencies.values())
    assert [t for t in vocab.agency_types if not used[t]] == []


# --- domains ----------------------------------------------------------------------------------------


def test_domains_cover_the_national_framework_and_the_split_public_services(vocab):
    names = {d.name for d in vocab.domains.values()}
    for name in ["创业创新", "现代农业", "智慧能源", "普惠金融", "高效物流", "电子商务", "便捷交通",
                 "绿色生态", "人工智能", "政务服务", "医疗健康", "远程医疗", "教育", "养老"]:
        assert name in names
    assert 20 <= len(vocab.domains) <= 40


def test_every_domain_has_heading_words_and_keywords(vocab):
    for domain in vocab.domains.values():
        assert domain.heading_words and domain.keywords, domain.id
        assert domain.name and domain.description, domain.id


# --- indicators -------------------------------------------------------------------------------------


def test_no_indicator_alias_names_two_indicators(vocab):
    owners = defaultdict(set)
    for indicator in vocab.indicators.values():
        for form in (indicator.name, *indicator.aliases):
            owners[normalize(form)].add(indicator.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


@pytest.mark.parametrize("names, indicator", [
    (["行政许可通过网上办理", "网上办事大厅行政审批事项办理率", "政府行政审批事项网上办理率"],
     "administrative-approval-online-rate"),
    (["固定宽带家庭普及率", "全省固定宽带家庭普及率"], "fixed-broadband-household-penetration"),
    (["3G/4G移动电话人口普及率", "第三代移动通信(3G)以上用户普及率"], "mobile-3g-plus-penetration"),
    (["家庭宽带接入能力", "城镇家庭用户带宽接入能力"], "household-broadband-access-speed"),
    (["电子商务交易额"], "ecommerce-transaction-volume"),
    (["智慧车间", "智能示范车间"], "smart-workshops"),
])
def test_targets_that_measure_the_same_thing_in_different_words_share_an_indicator(vocab, names, indicator):
    assert {match_indicator(n, vocab.indicators) for n in names} == {indicator}


# Names too generic to compare on their own (Shandong: “示范基地50个、示范县30个”, “17个市级分中心”).
GENERIC_TARGET_NAMES = {"示范基地", "示范县", "市级分中心"}


def test_every_seed_target_with_a_specific_name_links_to_an_indicator(vocab):
    rows = [line.split("\t") for line in (DATA / "target_names.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert len(rows) > 70
    unlinked = sorted({(seed, name) for seed, name in rows
                       if name not in GENERIC_TARGET_NAMES and match_indicator(name, vocab.indicators) is None})
    assert unlinked == []


def test_generic_target_names_link_to_no_indicator(vocab):
    # Shandong's “示范基地50个、示范县30个” name nothing comparable on their own.
    for name in [*GENERIC_TARGET_NAMES, "平台"]:
        assert match_indicator(name, vocab.indicators) is None
