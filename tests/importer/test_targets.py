"""Quantitative targets: each written form, each thing that looks like a figure but is not a target,
the year logic, indicator matching, and the five seeds against the hand-made list."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.targets import extract_targets, governing_year, match_indicator
from generator.model import Indicator

SOURCES = Path(__file__).resolve().parents[2] / "content" / "sources"


def named_in(name, quote, text):
    """A name is in its quote, or is a prefix written earlier in the text plus the rest in the quote
    (示范基地50个 after 电子商务示范企业120家 is named 电子商务示范基地)."""
    return name in quote or any(name[:i] in text and name[i:] in quote for i in range(2, len(name) - 1))


def one(text, year=None, **kw):
    found = extract_targets(text, year=year, **kw)
    assert len(found) == 1, found
    return found[0]


def summary(t):
    return (t.name, t.value, t.value_max, t.unit, t.comparator, t.year, t.quote)


# --- forms -----------------------------------------------------------------------------------


def test_name_comparator_percent():
    t = one("固定宽带家庭普及率达到65%。", year=2018)
    assert summary(t) == ("固定宽带家庭普及率", 65, None, "%", "达到", 2018, "固定宽带家庭普及率达到65%")


def test_money_keeps_its_magnitude_in_the_unit():
    t = one("电子商务交易额超过5000亿元,")
    assert (t.name, t.value, t.unit, t.comparator) == ("电子商务交易额", 5000, "亿元", "超过")


def test_count_after_the_thing_with_compound_classifier():
    t = one("推广应用工业机器人3000台(套)。")
    assert (t.name, t.value, t.unit, t.comparator, t.quote) == (
        "工业机器人", 3000, "台(套)", "达到", "推广应用工业机器人3000台(套)")


def test_growth_comparator_wins_over_trailing_bound():
    t = one("信息技术产业主营业务收入年均增长10%以上,")
    assert (t.name, t.value, t.comparator) == ("信息技术产业主营业务收入", 10, "年均增长")


def test_bound_after_figure_sets_the_comparator_and_stays_as_the_qualifier():
    t = one("众创空间数量达到50家以上,")
    assert (t.comparator, t.qualifier) == ("不低于", "以上")
    t = one("信息消费规模达到15%左右。")
    assert (t.comparator, t.qualifier) == ("约", "左右")


def test_several_targets_in_one_sentence():
    found = extract_targets("固定宽带家庭普及率达到65%,移动互联网用户普及率达到70%。", year=None)
    assert [(t.name, t.value) for t in found] == [("固定宽带家庭普及率", 65), ("移动互联网用户普及率", 70)]
    assert [t.quote for t in found] == ["固定宽带家庭普及率达到65%", "移动互联网用户普及率达到70%"]


def test_list_of_counts_after_one_verb_distributes_the_first_items_prefix():
    found = extract_targets("培育电子商务示范企业120家、示范基地50个、示范县30个。", year=None)
    assert [(t.name, t.value, t.unit) for t in found] == [
        ("电子商务示范企业", 120, "家"), ("电子商务示范基地", 50, "个"), ("电子商务示范县", 30, "个")]
    assert found[1].quote == "示范基地50个"


def test_a_list_item_with_a_name_of_its_own_takes_no_prefix():
    found = extract_targets("建立新型互联网研发机构3家以上、互联网创新创业孵化基地3个以上。", year=None)
    assert [t.name for t in found] == ["新型互联网研发机构", "互联网创新创业孵化基地"]


def test_figure_first_counts_joined_by_he():
    found = extract_targets("建设和改造10个智慧工厂和30个智慧车间,", year=None)
    assert [(t.name, t.value) for t in found] == [("智慧工厂", 10), ("智慧车间", 30)]
    assert found[0].quote == "建设和改造10个智慧工厂"


def test_range_has_lower_value_and_upper_value_max():
    t = one("依托2-3家市级公立医院建立区域远程医学中心,")
    assert (t.value, t.value_max, t.unit) == (2, 3, "家")
    assert t.name == "市级公立医院建立区域远程医学中心"


def test_wan_multiplies_a_count():
    assert (one("扩充建设基站10万个。").value, one("扩充建设基站10万个。").unit) == (100000, "个")
    t = one("2017年年底前机架规模达到2.5万架。")
    assert (t.name, t.value, t.unit, t.year) == ("机架规模", 25000, "架", 2017)


def test_chinese_numerals():
    t = one("实现对千家医院医疗废弃物在线监控。")
    assert (t.name, t.value, t.unit) == ("医院医疗废弃物在线监控", 1000, "家")
    t = one("推广应用工业机器人三千台。")
    assert (t.value, t.unit) == (3000, "台")
    t = one("家庭宽带接入能力超过百兆,")
    assert (t.name, t.value, t.unit, t.comparator) == ("家庭宽带接入能力", 100, "兆", "超过")


def test_full_width_digits_and_percent():
    t = one("固定宽带家庭普及率达到６５％，")
    assert (t.value, t.unit, t.quote) == (65, "%", "固定宽带家庭普及率达到６５％")


def test_percentage_of_a_population_reads_the_thing_after():
    t = one("80%以上的行政许可通过网上办理,")
    assert (t.name, t.value, t.comparator, t.qualifier) == ("行政许可通过网上办理", 80, "不低于", "以上")


def test_unitless_index_after_comparator():
    t = one("两化融合发展水平指数达到67,")
    assert (t.name, t.value, t.unit) == ("两化融合发展水平指数", 67, "")


def test_latin_unit_after_comparator():
    t = one("农村宽带接入能力超过50Mbps,")
    assert (t.value, t.unit) == (50, "Mbps")


def test_leading_connectives_are_trimmed_but_name_stays_verbatim():
    text = "力争全市互联网出口带宽超过2T。"
    t = one(text)
    assert t.name == "互联网出口带宽" and t.name in text and t.quote in text


def test_clause_openers_at_least_and_per_year():
    t = one("至少建设1处电子商务产业园区,")
    assert (t.comparator, t.qualifier) == ("不低于", "至少")
    t = one("每年组织各类培训100场次。")
    assert (t.name, t.comparator, t.qualifier, t.unit) == ("各类培训", "达到", "每年", "场次")


def test_measure_noun_after_figure():
    t = one("智能制造产业形成1000亿元规模,")
    assert (t.name, t.quote) == ("智能制造产业", "智能制造产业形成1000亿元规模")


# --- not targets ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "到2018年,我省发展环境更加优化。",                                # a year
    "2016年6月2日",                                                   # a date
    "根据《指导意见》(国发〔2015〕40号)要求,",                        # a document number
    "山东省“互联网+”行动计划(2016-2018年)",                          # a plan period
    "第三代移动通信(3G)以上用户",                                     # 第三代, 3G
    "推动100M光纤到户,",                                               # capability phrase
    "“十三五”时期,",                                                  # 十三五
    "1.推广网络众包研发模式。",                                       # a task number
    "实施18项专项行动,",                                               # counts the plan's own parts
    "加快推进青岛、潍坊2个国家级和济南、淄博、烟台、济宁、临沂5个省级城市共同配送试点,",  # counts the places listed
    "按研发费用的50%加计扣除;",                                       # a tax rule
    "开展两化融合评估诊断“千家诊断、百家对标”行动。",                 # a slogan
    "具体体现为“三个提升”:",                                          # words, not figures
    "推动工业产品创新2.0模式应用,创建“中国制造2025”试点示范城市,",  # versions, programme names
    "发挥“12345”热线大数据资源优势,",                                # a phone number
    "20户以上自然村基本实现通光纤宽带,",                              # a size qualifier
    "带动千万农民利用互联网致富。",                                   # an idiom
    "送文化进万家。",                                                 # an idiom
    "对新认定的国家级众创空间给予最高100万元奖励。",                 # an incentive
    "按照实际投资额的10%给予补助,最高不超过50万元。",                # an incentive
])
def test_not_a_target(text):
    assert extract_targets(text, year=2018) == []


def test_figure_that_qualifies_a_noun_is_not_the_target():
    t = one("年营业收入超过2亿元的互联网骨干企业达10家。")
    assert (t.value, t.unit, t.comparator) == (10, "家", "达到")
    assert t.name == "年营业收入超过2亿元的互联网骨干企业"


# --- year ---------------------------------------------------------------------------------------


def test_governing_year_forms():
    assert governing_year("到2018年,我省…") == 2018
    assert governing_year("2016年至2018年,传统产业…") == 2018
    assert governing_year("山东省行动计划(2016-2018年)") == 2018
    assert governing_year("到２０２０年，") == 2020
    assert governing_year("2016年6月2日") is None
    assert governing_year("建设一批平台。") is None


def test_year_from_earlier_in_text_then_argument_then_none():
    text = "到2020年,建成10个数字化装备制造中心。"
    assert one(text, year=2018).year == 2020
    assert one("建成10个数字化装备制造中心。", year=2018).year == 2018
    assert one("建成10个数字化装备制造中心。", year=None).year is None


def test_year_set_in_a_sentence_does_not_leak_into_the_next():
    found = extract_targets("2017年年底前机架规模达到2.5万架。建成基站10万个。", year=2018)
    assert [t.year for t in found] == [2017, 2018]


# --- indicators -----------------------------------------------------------------------------------


INDICATORS = {
    "fixed-broadband-household-penetration": Indicator(
        id="fixed-broadband-household-penetration", name="固定宽带家庭普及率", unit="%", aliases=()),
    "online-approval-rate": Indicator(
        id="online-approval-rate", name="行政审批事项网上办理率", unit="%",
        aliases=("行政许可通过网上办理", "网上办理率")),
}


def test_match_indicator_exact_alias_and_suffix():
    assert match_indicator("固定宽带家庭普及率", INDICATORS) == "fixed-broadband-household-penetration"
    assert match_indicator("行政许可通过网上办理", INDICATORS) == "online-approval-rate"
    # the longest alias the name ends with wins
    assert match_indicator("政府行政审批事项网上办理率", INDICATORS) == "online-approval-rate"
    assert match_indicator("电子商务交易额", INDICATORS) is None


def test_extract_targets_fills_indicator():
    t = one("固定宽带家庭普及率达到65%,", indicators=INDICATORS)
    assert t.indicator == "fixed-broadband-household-penetration"


# --- the seeds ----------------------------------------------------------------------------------

SEED_COUNTS = {"beijing-2016": 1, "dongguan-2016": 15, "jinan-2016": 1, "liaocheng-2017": 30,
               "shandong-2016": 39}


def seed_targets(seed):
    text = (SOURCES / f"{seed}.txt").read_text(encoding="utf-8")
    out = []
    for para in text.split("\n"):
        for t in extract_targets(para, year=None):
            out.append((para, t))
    return out


@pytest.mark.parametrize("seed", sorted(SEED_COUNTS))
def test_seed_target_count_and_every_quote_verbatim(seed):
    found = seed_targets(seed)
    assert len(found) == SEED_COUNTS[seed]
    for para, t in found:
        assert t.quote in para and named_in(t.name, t.quote, para), t


def seed_summary(seed):
    return {summary(t)[:6] + (t.quote,) for _, t in seed_targets(seed)}


def test_shandong_sample():
    got = seed_summary("shandong-2016")
    assert ("固定宽带家庭普及率", 65, None, "%", "达到", None, "固定宽带家庭普及率达到65%") in got
    assert ("第三代移动通信(3G)以上用户普及率", 65, None, "%", "达到", None,
            "第三代移动通信(3G)以上用户普及率达到65%") in got
    assert ("信息消费规模", 15, None, "%", "年均增长", None, "信息消费规模年均增长15%左右") in got
    assert ("城市开展定制公交、公共自行车等模式试点", 6, 8, "个", "达到", 2018,
            "在省内6-8个城市开展定制公交、公共自行车等模式试点") in got
    assert ("物流业增加值", 6.5, None, "%", "年均增长", 2018, "物流业增加值年均递增6.5%") in got
    assert ("光纤接入能力", 100, None, "M", "达到", None, "实现100M光纤接入能力全覆盖") in got
    assert ("城市完成国家信息惠民试点任务", 4, None, "个", "达到", 2018,
            "济南、青岛、潍坊、威海等4个城市完成国家信息惠民试点任务") in got
    assert ("共同配送", 17, None, "市", "达到", 2018, "实现全省17市共同配送全覆盖") in got


def test_liaocheng_sample():
    got = seed_summary("liaocheng-2017")
    assert ("工业机器人", 3000, None, "台(套)", "达到", 2020, "推广应用工业机器人3000台(套)") in got
    assert ("视频监控和管理数据", 225000, None, "个", "达到", None,) + (
        next(q for *_, q in got if "22.5万个" in q),) in got
    assert ("城镇家庭用户带宽接入能力", 100, None, "Mbps", "达到", None,
            "城镇家庭用户带宽接入能力达到100Mbps") in got


def test_dongguan_sample():
    got = seed_summary("dongguan-2016")
    assert ("电子商务交易额", 5000, None, "亿元", "超过", None, "电子商务交易额超过5000亿元") in got
    assert ("电子病历覆盖率", 90, None, "%", "不低于", None, "电子病历覆盖率90%以上") in got


def test_jinan_and_beijing_sample():
    (_, jinan), = seed_targets("jinan-2016")
    assert (jinan.value, jinan.value_max, jinan.unit) == (2, 3, "家")
    (_, beijing), = seed_targets("beijing-2016")
    assert (beijing.name, beijing.value, beijing.unit) == ("家庭宽带接入能力", 100, "兆")


def test_traditional_script_reads_and_stays_as_written():
    t = one("到2018年，固定寬帶家庭普及率達到65%，")
    assert (t.name, t.value, t.comparator, t.year, t.quote) == ("固定寬帶家庭普及率", 65, "达到", 2018,
                                                             "固定寬帶家庭普及率達到65%")
    t = one("推廣應用工業機器人3000臺(套)。")
    assert (t.name, t.unit) == ("工業機器人", "臺(套)")


# --- properties -----------------------------------------------------------------------------------

from hypothesis import example, given, settings, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("到年达超过以上左右个家万亿千百十三二一0123456789.-%％,。、和(套)台率规模的第号〔〕《》“”年均增长至少每")
                            + ["固定宽带", "普及率", "建成", "培育", "２０１８", "Mbps", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.one_of(st.none(), st.integers(1990, 2050)))
@example("千个千个到", None)  # found by a run: a second target with an empty quote
def test_any_text_gives_verbatim_quotes_and_names(text, year):
    for t in extract_targets(text, year=year):
        assert t.quote in text and named_in(t.name, t.quote, text) and t.name
        assert t.value_max is None or t.value_max >= 0


def test_past_reference_and_month_do_not_govern():
    assert governing_year("2015年以来,我市发展迅速。") is None
    assert governing_year("2015年7月,国务院印发指导意见。到2020年,") == 2020
    assert governing_year("2018年前完成改造。") == 2018
    assert governing_year("力争到2020年,") == 2020
    assert one("2015年以来,建成基站10万个。", year=2018).year == 2018


def test_respectively_pairs_names_with_figures():
    text = "固定宽带家庭普及率和移动互联网用户普及率分别达到65%和70%。"
    found = extract_targets(text, year=2018)
    assert [(t.name, t.value, t.comparator) for t in found] == [
        ("固定宽带家庭普及率", 65, "达到"), ("移动互联网用户普及率", 70, "达到")]
    assert all(t.quote == "固定宽带家庭普及率和移动互联网用户普及率分别达到65%和70%" for t in found)
    three = extract_targets("甲率、乙率和丙率分别达到60%、70%和80%以上,", year=None)
    assert [(t.name, t.value, t.comparator, t.qualifier) for t in three] == [
        ("甲率", 60, "达到", None), ("乙率", 70, "达到", None), ("丙率", 80, "不低于", "以上")]


def test_change_comparators_and_percentage_points():
    t = one("单位地区生产总值能耗下降15%,")
    assert (t.name, t.value, t.comparator) == ("单位地区生产总值能耗", 15, "下降")
    t = one("互联网普及率提高5个百分点以上。")
    assert (t.value, t.unit, t.comparator, t.qualifier) == (5, "个百分点", "增长", "以上")


def test_percent_range():
    t = one("信息消费规模年均增长10%-15%,")
    assert (t.value, t.value_max, t.unit, t.comparator) == (10, 15, "%", "年均增长")


def test_names_keep_words_that_start_or_end_like_connectives():
    assert one("在线教育用户规模达到500万人,").name == "在线教育用户规模"
    assert one("对外贸易额超过100亿元,").name == "对外贸易额"
    assert one("农村宽带普及率达到80%,").name == "农村宽带普及率"


def test_bound_before_the_counted_thing():
    t = one("培育100家以上“互联网+”示范企业,")
    assert (t.name, t.value, t.comparator, t.qualifier) == ("“互联网+”示范企业", 100, "不低于", "以上")
    t = one("重点培育20个左右省级示范基地。")
    assert (t.name, t.comparator, t.qualifier) == ("省级示范基地", "约", "左右")


def test_per_capita_denominator_is_not_a_figure():
    t = one("每万人发明专利拥有量达到10件。")
    assert (t.name, t.value, t.unit) == ("每万人发明专利拥有量", 10, "件")


def test_households_count_but_size_qualifiers_do_not():
    t = one("光纤到户覆盖家庭达到500万户。")
    assert (t.value, t.unit) == (5_000_000, "户")


def test_elided_subject_of_growth_is_the_previous_target():
    found = extract_targets("到2020年,全市信息消费规模达到500亿元,年均增长20%。", year=None)
    assert [(t.name, t.value, t.unit, t.comparator, t.quote) for t in found] == [
        ("信息消费规模", 500, "亿元", "达到", "全市信息消费规模达到500亿元"),
        ("信息消费规模", 20, "%", "年均增长", "年均增长20%")]
    found = extract_targets("互联网普及率达到60%,比2015年提高10个百分点。", year=None)
    assert [(t.name, t.value, t.unit, t.comparator) for t in found] == [
        ("互联网普及率", 60, "%", "达到"), ("互联网普及率", 10, "个百分点", "增长")]


def test_trillions_and_new_generation_networks():
    t = one("电子商务交易额突破1万亿元。")
    assert (t.value, t.unit, t.comparator) == (10000, "亿元", "超过")
    t = one("建成5G基站2万个。")
    assert (t.name, t.value, t.unit) == ("5G基站", 20000, "个")


@pytest.mark.parametrize("text", [
    "截至2015年底,全市固定宽带家庭普及率达到50%,",
    "全市已建成基站3000个。",
    "电子商务交易额增长了30%。",
    "目前全省共有众创空间120家。",
    "电子商务交易额同比增长30%。",
])
def test_baselines_are_not_targets(text):
    assert extract_targets(text, year=2018) == []


def test_baseline_date_does_not_govern():
    assert governing_year("截至2015年底,已建成基站3000个。") is None


def test_target_after_a_baseline_sentence_takes_the_argument_year():
    text = "截至2015年底,已建成基站3000个。建成基站10万个。"
    assert [(t.value, t.year) for t in extract_targets(text, year=2018)] == [(100000, 2018)]


def test_indicator_not_assigned_across_share_and_amount():
    ind = {"ecommerce": Indicator(id="ecommerce", name="电子商务交易额", unit="亿元", aliases=())}
    level, growth = extract_targets("电子商务交易额达到500亿元,年均增长20%。", year=None, indicators=ind)
    assert (level.indicator, growth.indicator) == ("ecommerce", None)


def test_approximate_figures():
    t = one("培育约100家示范企业。")
    assert (t.value, t.comparator, t.qualifier, t.name) == (100, "约", "约", "示范企业")
    t = one("培育100余家示范企业。")
    assert (t.value, t.unit, t.comparator, t.qualifier, t.name) == (100, "家", "超过", "余", "示范企业")


# --- counts that are increments or running totals (QA, engineer H) -----------------------------


def test_an_increment_keeps_its_verb_as_comparator():
    t = one("到2018年新增众创空间100家。")
    assert (t.name, t.value, t.unit, t.comparator, t.year) == ("众创空间", 100, "家", "新增", 2018)
    t = one("众创空间新增100家。", year=2018)
    assert (t.name, t.comparator, t.quote) == ("众创空间", "新增", "众创空间新增100家")


def test_a_running_total_keeps_its_verb_as_qualifier():
    t = one("全省累计建成5G基站2万个。", year=2018)
    assert (t.name, t.value, t.unit, t.comparator, t.qualifier) == ("5G基站", 20000, "个", "达到", "累计")


def test_an_increment_stays_an_increment_and_keeps_its_bound_as_qualifier():
    t = one("新增就业岗位5万个以上。", year=2018)
    assert (t.comparator, t.qualifier) == ("新增", "以上")


def test_a_from_to_change_targets_the_end_point_and_names_the_measure():
    assert summary(one("互联网普及率由2015年的50%提高到70%。", year=2020)) == (
        "互联网普及率", 70, None, "%", "达到", 2020, "互联网普及率由2015年的50%提高到70%")
    t = one("平均办理时间由20天缩短至5天。", year=2020)
    assert (t.name, t.value, t.unit, t.comparator) == ("平均办理时间", 5, "天", "不超过")


def test_a_level_after_a_growth_rate_is_of_the_thing_just_named():
    growth, level = extract_targets("电子商务交易额年均增长20%,达到2000亿元。", year=2020)
    assert (growth.name, growth.comparator, growth.value) == ("电子商务交易额", "年均增长", 20)
    assert (level.name, level.comparator, level.value, level.unit) == ("电子商务交易额", "达到", 2000, "亿元")


def test_time_limits_are_figures_only_after_a_comparator():
    t = one("企业开办时间压缩至3个工作日。", year=2020)
    assert (t.name, t.value, t.unit, t.comparator) == ("企业开办时间", 3, "个工作日", "不超过")
    assert extract_targets("实现城市管理24小时监控。", year=2020) == []


def test_a_traditional_script_name_matches_its_indicator():
    t = one("固定寬帶家庭普及率達到60%。", indicators=INDICATORS)
    assert (t.name, t.comparator, t.indicator) == ("固定寬帶家庭普及率", "达到", "fixed-broadband-household-penetration")


def test_a_small_chinese_count_after_a_building_verb_is_a_target_but_words_are_not():
    t = one("建成三个示范区。", year=2020)
    assert (t.name, t.value, t.unit, t.comparator) == ("示范区", 3, "个", "达到")
    assert extract_targets("提升一个档次,形成两个中心的格局。", year=2020) == []


def test_idioms_with_numerals_are_not_targets():
    assert extract_targets("带动千家万户,千方百计扩大就业。", year=2020) == []


def test_a_bound_before_the_figure_of_a_count_keeps_the_counted_thing_as_name():
    t = one("建设不少于50个智慧社区。", year=2020)
    assert (t.name, t.value, t.comparator, t.qualifier, t.quote) == (
        "智慧社区", 50, "不低于", "不少于", "建设不少于50个智慧社区")
