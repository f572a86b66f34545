"""import_text wiring, the YAML emitter's shape and round trip, and the `import` command's file rules."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from generator import model
from generator.content.load import read_content
from generator.importer.emit import SCHEMA_LINE, emit_plan
from generator.adapters.cli import main
from generator.importer.pipeline import import_text, infer_region

ROOT = Path(__file__).resolve().parents[2]

PLAN = """\
某市人民政府关于印发某市“互联网+”行动计划(2016-2018年)的通知
某政发〔2016〕3号
各区人民政府,市政府各部门:
现将《某市“互联网+”行动计划(2016-2018年)》印发给你们,请认真贯彻落实。
某市人民政府
2016年6月2日
某市“互联网+”行动计划(2016-2018年)
为贯彻落实《国务院关于积极推进“互联网+”行动的指导意见》(国发〔2015〕40号),制定本行动计划。
一、总体目标
到2018年,固定宽带家庭普及率达到65%。
二、重点任务
(一)互联网+制造。
1.推广众包研发。面向关键技术开展众包,建成工业设计中心160个。
2.推进智能制造。建设智能工厂|<script>alert(1)</script>。
(牵头单位:市经信委,配合单位:市发改委、科技局)
"""


def imported(text: str = PLAN, vocab=None):
    return import_text(text, plan_id="moushi-2016", source_file="moushi-2016.txt", vocab=vocab)


def test_import_text_builds_the_plan_with_section_closing_agencies_on_every_task():
    plan = imported().plan
    first, second = plan.iter_tasks()
    assert [r.name for r in first.lead] == ["市经信委"]
    assert [r.name for r in second.cooperating] == ["市发改委", "科技局"]
    assert first.annotation == second.annotation == "(牵头单位:市经信委,配合单位:市发改委、科技局)"
    assert plan.preamble.startswith("为贯彻落实")
    assert plan.sections[0].targets[0].quote.endswith("65%")


def test_task_targets_take_the_governing_year_else_the_plan_period_end():
    plan = imported().plan
    (target,) = next(plan.iter_tasks()).targets
    assert (target.value, target.unit, target.year) == (160, "个", 2018)


def test_region_is_inferred_from_the_issuer_else_slugged_from_the_plan_id():
    vocab = model.Vocabulary(
        regions={"shandong": model.Region("shandong", "山东省", "province", None, "370000", "山东"),
                 "jinan": model.Region("jinan", "济南市", "city", "shandong", "370100", "济南")},
        domains={}, agency_types={}, agencies={}, indicators={})
    assert infer_region("济南市人民政府", None, "x-2016", vocab) == "jinan"
    assert infer_region(None, "山东省“互联网+”行动计划", "x-2016", vocab) == "shandong"
    assert infer_region(None, "某市行动计划", "qingdao-2016", vocab) == "qingdao"
    with_country = model.Vocabulary(
        regions={"china": model.Region("china", "中华人民共和国", "country", None, None, "中国"), **vocab.regions},
        domains={}, agency_types={}, agencies={}, indicators={})
    assert infer_region(None, "推进中国制造2025,济南市行动计划", "x-2016", with_country) == "jinan"


def test_unresolved_agencies_are_reported_as_suggested_vocabulary_entries():
    vocab = model.Vocabulary(regions={"moushi": model.Region("moushi", "某市", "city", None, None, "某市")},
                             domains={}, agency_types={}, agencies={}, indicators={})
    report = "\n".join(imported(vocab=vocab).report)
    assert "agencies not in the vocabulary" in report
    assert "市经信委" in report and "region: moushi" in report


def test_emitted_yaml_has_the_schema_line_block_style_and_unescaped_chinese():
    text = emit_plan(imported().plan)
    assert text.splitlines()[0] == SCHEMA_LINE
    assert "牵头单位" in text and "\\u" not in text
    assert "cites:\n  - doc_number:" in text
    data = yaml.safe_load(text)
    assert data["signed"] == dt.date(2016, 6, 2)
    task = data["sections"][1]["sections"][0]["tasks"][0]
    assert task["number"] == "1" and task["responsible"] == []


def test_content_strings_are_data_in_yaml():
    text = emit_plan(imported().plan)
    data = yaml.safe_load(text)
    task = data["sections"][1]["sections"][0]["tasks"][1]
    assert task["text"] == "建设智能工厂|<script>alert(1)</script>。"


def test_emit_is_deterministic_and_multiline_text_is_a_literal_block():
    plan = imported("一、总体要求\n(一)指导思想\n第一段。\n第二段。\n").plan
    assert emit_plan(plan) == emit_plan(plan)
    assert "text: |-\n" in emit_plan(plan)


def _round_trip(tmp_path: Path, seed: str) -> tuple[model.Plan, model.Plan, list]:
    shutil.copytree(ROOT / "site_config", tmp_path / "site_config")
    (tmp_path / "content" / "plans").mkdir(parents=True)
    (tmp_path / "content" / "sources").mkdir()
    source = ROOT / "content" / "sources" / f"{seed}.txt"
    shutil.copy(source, tmp_path / "content" / "sources")
    plan = import_text(source.read_text(encoding="utf-8"), plan_id=seed, source_file=f"{seed}.txt").plan
    (tmp_path / "content" / "plans" / f"{seed}.yaml").write_text(emit_plan(plan), encoding="utf-8")
    content, problems = read_content(tmp_path)
    return plan, content.plans.get(seed), [p for p in problems if p.loc.path.startswith("content/")]


@pytest.mark.parametrize("seed", ["jinan-2016", "liaocheng-2017", "shandong-2016", "beijing-2016",
                                  "dongguan-2016"])
def test_the_content_loader_reads_back_an_equal_plan(tmp_path, seed):
    plan, loaded, problems = _round_trip(tmp_path, seed)
    assert problems == []
    assert loaded == plan


def test_import_file_copies_the_source_and_refuses_to_overwrite_without_force(tmp_path, capsys):
    src = tmp_path / "elsewhere" / "plan.txt"
    src.parent.mkdir()
    src.write_text(PLAN, encoding="utf-8")
    assert main(["--root", str(tmp_path), "import", str(src), "--id", "moushi-2016"]) == 0
    out = tmp_path / "content" / "plans" / "moushi-2016.yaml"
    assert (tmp_path / "content" / "sources" / "moushi-2016.txt").read_text(encoding="utf-8") == PLAN
    assert "file: moushi-2016.txt" in out.read_text(encoding="utf-8")
    out.write_text("# reviewed\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "import", str(src), "--id", "moushi-2016"]) == 1
    assert out.read_text(encoding="utf-8") == "# reviewed\n"
    refused = capsys.readouterr()
    assert refused.out.startswith(f"{out}:1:1: exists") and "--force" in refused.out  # located, on stdout
    assert main(["--root", str(tmp_path), "import", str(src), "--id", "moushi-2016", "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith(SCHEMA_LINE)


def test_import_file_rejects_a_bad_id_and_unreadable_text(tmp_path, capsys):
    src = tmp_path / "Plan.txt"
    src.write_bytes("一、总体要求".encode("gb18030"))
    assert main(["--root", str(tmp_path), "import", str(src)]) == 2
    assert main(["--root", str(tmp_path), "import", str(src), "--id", "plan-2016"]) == 1
    assert f"{src}:1:" in capsys.readouterr().out  # located at the first byte that is not UTF-8
    assert not (tmp_path / "content" / "plans").exists()


def test_labelled_annotation_without_parentheses_becomes_agency_references():
    plan = imported("一、重点任务\n(一)制造\n1.推进制造。建设工厂。\n2.推进服务。建设平台。\n"
                    "牵头单位:市经信委;配合单位:市商务局、市科技局\n").plan
    for task in plan.iter_tasks():
        assert [r.name for r in task.lead] == ["市经信委"]
        assert [r.name for r in task.cooperating] == ["市商务局", "市科技局"]


def test_annotation_in_lenticular_brackets_is_read_like_a_parenthesised_one():
    plan = imported("一、任务\n(一)甲\n1.做甲。建设平台。【牵头单位:市经信委;配合单位:市发改委】\n").plan
    (task,) = plan.iter_tasks()
    assert (task.text, task.annotation) == ("建设平台。", "【牵头单位:市经信委;配合单位:市发改委】")
    assert [r.name for r in task.lead] == ["市经信委"] and [r.name for r in task.cooperating] == ["市发改委"]


def test_a_role_list_names_each_agency_once():
    # "上述重点任务所涉及的部门、单位": two head nouns of one collective resolve to one agency.
    vocab = model.Vocabulary(
        regions={"moushi": model.Region("moushi", "某市", "city", None, None, "某市")},
        domains={}, agency_types={},
        agencies={"moushi-shangshu": model.Agency("moushi-shangshu", "moushi", "某市上述部门、单位",
                                                  ("上述重点任务所涉及的部门", "单位"), None),
                  "moushi-zhenjie": model.Agency("moushi-zhenjie", "moushi", "某市镇街", ("镇街",), None)},
        indicators={})
    text = PLAN.replace("(牵头单位:市经信委,配合单位:市发改委、科技局)", "(上述重点任务所涉及的部门、单位和镇街负责)")
    task = next(imported(text, vocab=vocab).plan.iter_tasks())
    assert [(r.name, r.agency) for r in task.responsible] == [
        ("上述重点任务所涉及的部门", "moushi-shangshu"), ("镇街", "moushi-zhenjie")]


def test_a_first_listed_lead_rule_declared_in_a_sections_opening_annotation_binds_later_items():
    text = PLAN.replace("(一)互联网+制造。\n", "(一)互联网+制造。推动融合发展。(市经信委、市发改委等负责,列第一位者为牵头部门,下同)\n") \
               .replace("(牵头单位:市经信委,配合单位:市发改委、科技局)", "(市科技局、市财政局负责)")
    first, second = imported(text).plan.iter_tasks()
    assert [r.name for r in first.lead] == ["市经信委"] and [r.name for r in first.cooperating] == ["市发改委"]
    assert [r.name for r in second.lead] == ["市科技局"] and [r.name for r in second.cooperating] == ["市财政局"]


def test_an_annotation_over_two_lines_gives_lead_and_cooperating():
    text = PLAN.replace("(牵头单位:市经信委,配合单位:市发改委、科技局)", "牵头单位:市经信委\n配合单位:市发改委、科技局")
    first, second = imported(text).plan.iter_tasks()
    assert [r.name for r in second.lead] == ["市经信委"]
    assert [r.name for r in second.cooperating] == ["市发改委", "科技局"]
