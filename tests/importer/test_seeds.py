"""Each seed imported whole: counts of sections, tasks and annotations, exact sample values, and
every stored text verbatim from its source. The seeds carry 166 agency annotations:
Jinan 29, Liaocheng 34, Shandong 56, Beijing 24, Dongguan 23."""

from functools import cache
from pathlib import Path

import pytest

import yaml

from generator.importer.pipeline import import_text, verbatim_problems
from generator.text.verbatim import normalize

SOURCES = Path(__file__).resolve().parents[2] / "content" / "sources"
SEEDS = ("jinan-2016", "liaocheng-2017", "shandong-2016", "beijing-2016", "dongguan-2016")


@cache
def source(seed: str) -> str:
    return (SOURCES / f"{seed}.txt").read_text(encoding="utf-8")


@cache
def plan(seed: str):
    return import_text(source(seed), plan_id=seed, source_file=f"{seed}.txt").plan


def task(seed: str, ident: str):
    return next(t for t in plan(seed).iter_tasks() if t.id == ident)


def section(seed: str, ident: str):
    return next(s for s in plan(seed).iter_sections() if s.id == ident)


def annotation_count(p) -> int:
    """Annotations as written in the source: each section-closing one once, plus each task's own."""
    count = 0
    for s in p.iter_sections():
        if s.annotation:
            count += 1
        count += sum(1 for t in s.tasks if t.annotation and t.annotation != s.annotation)
    return count


@pytest.mark.parametrize("seed, sections, tasks, annotated, annotations", [
    ("jinan-2016", 33, 65, 58, 29),
    ("liaocheng-2017", 19, 34, 34, 34),
    ("shandong-2016", 42, 56, 56, 56),
    ("beijing-2016", 20, 28, 24, 24),
    ("dongguan-2016", 12, 23, 23, 23),
])
def test_seed_counts(seed, sections, tasks, annotated, annotations):
    p = plan(seed)
    all_tasks = list(p.iter_tasks())
    assert len(list(p.iter_sections())) == sections
    assert len(all_tasks) == tasks
    assert sum(1 for t in all_tasks if t.annotation) == annotated
    assert annotation_count(p) == annotations


def test_all_166_annotations_become_agency_references():
    total = 0
    for seed in SEEDS:
        total += annotation_count(plan(seed))
        for t in plan(seed).iter_tasks():
            if t.annotation:
                assert t.lead or t.cooperating or t.responsible, (seed, t.id, t.annotation)
    assert total == 166


@pytest.mark.parametrize("seed", SEEDS)
def test_every_stored_text_is_verbatim_from_the_source(seed):
    assert verbatim_problems(plan(seed), source(seed)) == []


@pytest.mark.parametrize("seed", SEEDS)
def test_task_ids_are_unique_slugs(seed):
    ids = [t.id for t in plan(seed).iter_tasks()] + [s.id for s in plan(seed).iter_sections()]
    assert len(ids) == len(set(ids))


def test_jinan_section_closing_annotation_covers_every_item_and_distributes_nothing_by_itself():
    t = task("jinan-2016", "t2-1-3")
    assert t.title == "加快“机器换人”制造转变"
    assert t.annotation == "(牵头单位:市经济和信息化委,配合单位:市发改委、科技局)"
    assert [r.name for r in t.lead] == ["市经济和信息化委"]
    assert [r.name for r in t.cooperating] == ["市发改委", "科技局"]
    assert section("jinan-2016", "s2-1").annotation == t.annotation
    building = task("jinan-2016", "t2-3")
    assert (building.number, building.title) == ("(三)", "互联网+建筑")
    assert building.text.startswith("加快建筑产业化现代化进程")
    assert [t.id for t in section("jinan-2016", "s4").tasks] == [f"t4-{n}" for n in range(1, 8)]


def test_jinan_general_sections_stay_sections():
    principles = section("jinan-2016", "s1-2")
    assert principles.title == "发展原则"
    assert [s.title for s in principles.sections][:2] == ["市场主导,政府引导", "聚焦重点,突出特色"]
    assert not any(t.id.startswith("t1") for t in plan("jinan-2016").iter_tasks())


def test_liaocheng_tasks_run_1_to_28_through_sections_and_keep_their_numbers():
    numbers = [t.number for t in plan("liaocheng-2017").iter_tasks()][:28]
    assert numbers == [str(n) for n in range(1, 29)]
    t = task("liaocheng-2017", "t3-2-4")
    assert t.title == "推进农业生产精准化智能化"
    assert [r.name for r in t.cooperating] == ["市发改委", "市科技局", "市商务局"]
    assert task("liaocheng-2017", "t3-3-9").annotation == "(责任单位:市供销社)"


def test_liaocheng_member_list_is_an_attachment_not_section_text():
    p = plan("liaocheng-2017")
    (attachment,) = p.attachments
    assert attachment.title == "聊城市推进“互联网+”发展联席会议组成人员名单"
    assert len(attachment.members) == 42
    first, second = attachment.members[:2]
    assert (first.name, first.position, first.role) == ("宋军继", "市委副书记、市长", "总召集人")
    assert (second.name, second.role) == ("郭建民", "召集人")
    assert attachment.members[-1].name == "王力宏"
    last = task("liaocheng-2017", "t4-6")
    assert "宋军继" not in last.text and "聊城市人民政府" not in last.text
    assert section("liaocheng-2017", "s1").title == "充分认识加快“互联网+”发展的重要意义"


def test_shandong_dash_tasks_under_action_headings_with_the_first_listed_lead_rule():
    t = task("shandong-2016", "t2-1-2-1")
    assert t.title == "推广开放式研发设计"
    assert t.annotation == "(省经济和信息化委、省发展改革委、省科技厅等负责,列第一位者为牵头部门,下同)"
    assert [r.name for r in t.lead] == ["省经济和信息化委"]
    assert [r.name for r in t.cooperating] == ["省发展改革委", "省科技厅"]
    later = task("shandong-2016", "t2-6-2-1")
    assert [r.name for r in later.lead] == ["省发展改革委"]
    assert section("shandong-2016", "s2-10-1").text.startswith("到2018年,建成全省统一的政府网站技术平台")
    goals = section("shandong-2016", "s1")
    assert [s.title for s in goals.sections] == ["基础支撑更趋完善", "经济发展提质增效", "公共服务便捷普惠",
                                                 "发展环境更加优化"]


def test_beijing_lead_and_responsible_forms_and_the_trailing_2025_paragraph():
    t = task("beijing-2016", "t3-1-1")
    assert t.title == "“互联网+”金融"
    assert [r.name for r in t.lead] == ["市金融局"]
    assert t.cooperating[0].name == "人民银行营业管理部"
    last = task("beijing-2016", "t4-9")
    assert [r.name for r in last.responsible] == ["各有关部门", "各区政府"]
    assert "北京市人民政府" not in last.text
    assert section("beijing-2016", "s1-3-5").text.startswith("到2025年")
    assert [s.title for s in section("beijing-2016", "s1-2").sections] == ["服务大局", "融合创新", "完善机制",
                                                                            "安全可控"]


def test_dongguan_unclosed_annotations_and_split_heading_block():
    p = plan("dongguan-2016")
    assert p.preamble.startswith("为贯彻落实党中央、国务院")
    t = task("dongguan-2016", "t3-5-12")
    assert t.annotation.startswith("(市网建办牵头,") and not t.annotation.endswith(")")
    assert [r.name for r in t.lead] == ["市网建办"]
    assert section("dongguan-2016", "s3-1").title == "发展“互联网+生产”,推动供给侧结构性改革,促进产业转型升级"


PLANS = Path(__file__).resolve().parents[2] / "content" / "plans"


def _verbatim_fields(node, path=""):
    """(path, value) of every title/text/annotation/quote/preamble string in a plan file's data."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "text", "annotation", "quote", "preamble") and isinstance(value, str):
                yield f"{path}.{key}", value
            yield from _verbatim_fields(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _verbatim_fields(item, f"{path}[{i}]")


@pytest.mark.parametrize("seed", SEEDS)
def test_committed_plan_files_quote_their_sources_verbatim(seed):
    data = yaml.safe_load((PLANS / f"{seed}.yaml").read_text(encoding="utf-8"))
    hay = normalize(source(seed))
    fields = list(_verbatim_fields(data))
    assert len(fields) > 100
    assert [path for path, value in fields if normalize(value) not in hay] == []


@cache
def reviewed(seed: str):
    from generator.content.load import load_content

    return load_content(PLANS.parents[1]).plans[seed]


@cache
def imported_with_vocab(seed: str):
    from generator.content.vocab import load_vocabulary

    vocab = load_vocabulary(PLANS.parents[1] / "site_config")
    return import_text(source(seed), plan_id=seed, source_file=f"{seed}.txt", vocab=vocab).plan


def _targets_by_place(p):
    out = {}
    for s in p.iter_sections():
        out[s.id] = list(s.targets)
        for t in s.tasks:
            out[t.id] = list(t.targets)
    return out


@pytest.mark.parametrize("seed", SEEDS)
def test_reimporting_a_seed_gives_the_targets_its_reviewed_file_has(seed):
    # The reviewed file and the importer agree, so a re-import never undoes a review.
    assert _targets_by_place(imported_with_vocab(seed)) == _targets_by_place(reviewed(seed))
