"""The real domain vocabulary on real tasks of the five seeds.

Each case quotes a task from its source file (found by the start of its paragraph, so the text is
the plan's own) under the headings the plan puts above it (checked to be in the source too), and
asserts the domains a researcher comparing that field would expect — and some it must not get.
"""

from __future__ import annotations

import re

import pytest

from generator.importer.classify import classify_domains
from generator.text.verbatim import normalize

from .conftest import SOURCES


def _source(seed: str) -> str:
    return (SOURCES / f"{seed}.txt").read_text(encoding="utf-8")


_NUMBER = re.compile(r"^(?:\d+\.|——|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
# The agency annotation at the end of a paragraph is not task text (the importer strips it too).
_ANNOTATION = re.compile(r"\((?:[^()]|\([^()]*\))*(?:牵头|负责|配合|责任)(?:[^()]|\([^()]*\))*\)?$")


def _task(seed: str, start: str) -> tuple[str, str]:
    """The title and body of the item whose paragraph starts with ``start``: its number removed,
    the title up to the first 。, the body after it without the agency annotation."""
    for line in _source(seed).splitlines():
        line = normalize(line)
        if line.startswith(normalize(start)):
            line = _NUMBER.sub("", line)
            title, _, body = line.partition("。")
            return title, _ANNOTATION.sub("", body)
    raise AssertionError(f"{seed}: no paragraph starts with {start!r}")


def _classify(vocab, seed, start, headings):
    source = normalize(_source(seed))
    for heading in headings:
        assert normalize(heading) in source, heading
    title, body = _task(seed, start)
    return classify_domains(title=title, text=body, headings=headings, domains=vocab.domains)


CASES = [
    # seed, paragraph start, enclosing headings, must include, must exclude
    ("jinan-2016", "1.推进远程医疗", ["主要任务", "互联网+医疗服务"], {"health", "telemedicine"}, {"education"}),
    ("jinan-2016", "2.全面推进互联网便民服务平台", ["主要任务", "互联网+医疗服务"], {"health"}, {"telemedicine"}),
    ("jinan-2016", "3.完善“12345”热线网络", ["主要任务", "互联网+政务协同"], {"government-services"}, set()),
    ("jinan-2016", "2.畅通政民互动信息渠道", ["主要任务", "互联网+政务协同"], {"government-services"}, set()),
    ("jinan-2016", "1.推进基础设施可视化", ["主要任务", "互联网+基础设施"], {"urban-management"},
     {"infrastructure"}),
    ("jinan-2016", "1.建设“宽带济南”", ["支撑体系", "完善信息化设施"], {"infrastructure"}, set()),
    ("shandong-2016", "——推广医疗卫生在线服务新模式", ["重点行动", "互联网+民生", "行动任务"],
     {"health", "telemedicine"}, {"education", "elderly-care", "tourism"}),
    ("shandong-2016", "——构建智慧教育新模式", ["重点行动", "互联网+民生", "行动任务"],
     {"education"}, {"health", "telemedicine"}),
    ("shandong-2016", "——完善智慧健康养老服务体系", ["重点行动", "互联网+民生", "行动任务"],
     {"elderly-care"}, {"telemedicine"}),
    ("shandong-2016", "——提升在线政务服务水平", ["重点行动", "互联网+政务", "行动任务"],
     {"government-services"}, set()),
    ("shandong-2016", "1.强化网络基础设施保障", ["保障措施", "完善基础支撑,提高服务能力"],
     {"infrastructure"}, {"urban-management", "cybersecurity"}),
    ("liaocheng-2017", "17.", ["主要任务", "“互联网+”民生服务"], {"health", "telemedicine"}, {"education"}),
    ("liaocheng-2017", "28.", ["主要任务", "“互联网+”政务"], {"government-services"}, set()),
    ("liaocheng-2017", "21.", ["主要任务", "“互联网+”公共安全"], {"public-safety", "food-drug-safety"}, set()),
    ("beijing-2016", "12.“互联网+”医疗", ["重点领域", "优化公共服务供给和资源配置,为服务改善民生提供新方式"],
     {"health", "telemedicine"}, {"government-services"}),
    ("beijing-2016", "13.“互联网+”养老", ["重点领域", "优化公共服务供给和资源配置,为服务改善民生提供新方式"],
     {"elderly-care", "telemedicine"}, {"education"}),
    ("beijing-2016", "10.“互联网+”社会管理", ["重点领域", "增强城市运行管理智慧化程度,为治理能力现代化提供新手段"],
     {"social-governance"}, {"employment-social-security"}),
    ("dongguan-2016", "10.推进“互联网+医疗卫生”",
     ["重点任务", "发展“互联网+民生”,提升政府服务水平,推进基本公共服务均等化"],
     {"health", "telemedicine"}, {"government-services"}),
    ("dongguan-2016", "8.推进“互联网+教育”",
     ["重点任务", "发展“互联网+民生”,提升政府服务水平,推进基本公共服务均等化"],
     {"education"}, {"government-services", "health"}),
    ("dongguan-2016", "12.推进“互联网+政务服务”",
     ["重点任务", "推进“互联网+管理”,提高公共管理效率,加快治理体系和治理能力现代化"],
     {"government-services"}, set()),
    ("dongguan-2016", "14.推进“互联网+城市管理”",
     ["重点任务", "推进“互联网+管理”,提高公共管理效率,加快治理体系和治理能力现代化"],
     {"urban-management"}, {"government-services"}),
]


@pytest.mark.parametrize("seed, start, headings, include, exclude", CASES,
                         ids=[f"{c[0]}:{c[1][:12]}" for c in CASES])
def test_seed_task_lands_in_the_domains_a_researcher_expects(vocab, seed, start, headings, include, exclude):
    domains = set(_classify(vocab, seed, start, headings))
    assert include <= domains, domains
    assert not (exclude & domains), domains


def test_every_seed_has_a_task_in_the_telemedicine_domain(vocab):
    # A researcher comparing 远程医疗 must find every region that plans it: all five do.
    found = {
        seed: "telemedicine" in _classify(vocab, seed, start, headings)
        for seed, start, headings in [
            ("jinan-2016", "1.推进远程医疗", ["互联网+医疗服务"]),
            ("liaocheng-2017", "17.", ["“互联网+”民生服务"]),
            ("shandong-2016", "——推广医疗卫生在线服务新模式", ["互联网+民生"]),
            ("beijing-2016", "12.“互联网+”医疗", []),
            ("dongguan-2016", "10.推进“互联网+医疗卫生”", []),
        ]
    }
    assert found == dict.fromkeys(found, True)


# --- the whole seeds, through the importer --------------------------------------------------------


@pytest.fixture(scope="module")
def imported(vocab):
    from generator.importer.pipeline import import_text

    return {
        seed: import_text(_source(seed), plan_id=seed, source_file=f"{seed}.txt", vocab=vocab)
        for seed in ["jinan-2016", "liaocheng-2017", "shandong-2016", "beijing-2016", "dongguan-2016"]
    }


def _tasks_with_headings(plan):
    def walk(sections, headings):
        for section in sections:
            here = headings + ((section.title,) if section.title else ())
            for task in section.tasks:
                yield here, task
            yield from walk(section.sections, here)

    yield from walk(plan.sections, ())


def test_every_task_under_an_internet_plus_heading_of_every_seed_gets_a_domain(imported):
    missing = [
        (seed, task.id)
        for seed, result in imported.items()
        for headings, task in _tasks_with_headings(result.plan)
        if any("互联网+" in normalize(h) for h in (*headings, task.title or "")) and not task.domains
    ]
    assert missing == []


def test_every_agency_named_in_the_seeds_is_in_the_vocabulary(imported):
    # The importer reports names it cannot resolve as suggested vocabulary entries.
    unresolved = {seed: [line for line in result.report if "agencies not in the vocabulary" in line]
                  for seed, result in imported.items()}
    assert unresolved == dict.fromkeys(unresolved, [])


@pytest.mark.parametrize("heading", [
    "二、主要任务", "三、重点领域", "二、重点行动", "三、重点任务", "四、保障措施", "三、支撑体系", "2.行动任务。",
    "(五)营造开放包容发展环境", "(八)深化开放交流合作", "(一)推进产业转型升级,为经济内涵式发展提供新支撑",
    "(二)发展“互联网+服务”,催生新业态新模式,提升服务型经济质量水平。",
    "(四)发展“互联网+民生”,提升政府服务水平,推进基本公共服务均等化。",
])
def test_structural_and_rhetorical_headings_of_the_seeds_map_to_no_domain(vocab, heading):
    assert classify_domains(title=None, text="", headings=[heading], domains=vocab.domains) == ()


@pytest.mark.parametrize("heading, expected", [
    ("(三)促进互联网金融健康发展", ("finance",)),
    ("(二)打造互联网产业生态", ()),
    ("(四)加强基础设施建设", ()),
    ("(五)推进城市基础设施智能化", ("urban-management",)),
    ("(六)加强宣传教育", ()),
    ("(七)“互联网+”益民服务", ()),
    ("(三)促进就业创业", ("innovation", "employment-social-security")),
    ("(一)加强组织领导", ("coordination",)),
])
def test_headings_of_plans_not_in_the_seeds_map_to_their_field_only(vocab, heading, expected):
    # Wordings a plan outside the seeds may use: figurative 生态 and 健康发展, a bare
    # 基础设施 that may be information or urban infrastructure, an umbrella 益民服务.
    assert classify_domains(title=None, text="", headings=[heading], domains=vocab.domains) == expected


@pytest.mark.parametrize("action, domain", [
    ("“互联网+”创业创新", "innovation"), ("“互联网+”协同制造", "manufacturing"),
    ("“互联网+”现代农业", "agriculture"), ("“互联网+”智慧能源", "energy"), ("“互联网+”普惠金融", "finance"),
    ("“互联网+”高效物流", "logistics"), ("“互联网+”电子商务", "e-commerce"), ("“互联网+”便捷交通", "transport"),
    ("“互联网+”绿色生态", "environment"), ("“互联网+”人工智能", "artificial-intelligence"),
])
def test_the_actions_of_the_national_framework_map_to_their_domains(vocab, action, domain):
    # 国发〔2015〕40号 names eleven actions; plans that follow it use them as section headings.
    # (The eleventh, 益民服务, is split into 政务服务, 医疗健康, 教育 … and maps by the tasks' own words.)
    assert classify_domains(title=None, text="", headings=[f"(一){action}"], domains=vocab.domains) == (domain,)
