"""The importer never raises, whatever the text: random text and mutated seeds (deletions,
duplications, swapped lines, injected brackets and markers). Every result must pass through the
emitter and keep its stored texts verbatim from the (mutated) input.

`make test` runs 10,000 examples per run, half random text and half mutated seeds (FUZZ_EXAMPLES
overrides the total; use a few hundred while developing: FUZZ_EXAMPLES=300). Inputs are windows of a
few seed lines, so an example takes milliseconds and the two halves run side by side under xdist.
"""

import os
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.importer.emit import emit_plan
from generator.importer import pipeline
from generator.importer.pipeline import import_text, stage_failures, verbatim_problems

SOURCES = Path(__file__).resolve().parents[2] / "content" / "sources"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10000"))
FUZZ = settings(max_examples=max(1, EXAMPLES // 2), deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def seed_lines() -> tuple[str, ...]:
    lines: list[str] = []
    for path in sorted(SOURCES.glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    return tuple(lines)


# Fragments that stress the structure stage: markers, brackets, annotations, chrome, end matter.
PIECES = ["一、", "(一)", "(", ")", "(", ")", "〔", "〕", "1.", "2、", "(1)", "——", "一是", "二是", "。",
          ",", ":", "(牵头单位:市经信委,配合单位:市科技局", "(市发改委牵头,市财政局负责)", "(省发展改革委等负责)",
          "附件:", "附件:成员名单", "召 集 人:张三(市长)", "成员:李四(市经信委主任)", "抄送:", "印发",
          "2016年6月2日", "当前位置:首页 > 政务公开", "打印本页 关闭窗口", "(责任编辑:某)", "到2018年", "达到65%",
          "总体目标", "指导思想", "保障措施", "\n", "\n\n", " ", "\u3000", "\t", "О2О", "[2016]", "〔2016〕14号",
          "①", "第一章", "<script>", "|", "#", "'", '"', ": ", "- ", "\r\n", "\ufeff", "\x00", "\u2028"]

random_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)


@st.composite
def mutated_seed(draw) -> str:
    lines = seed_lines()
    start = draw(st.integers(0, len(lines) - 1))
    window = list(lines[start:start + draw(st.integers(1, 8))])
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "inject", "cut"]))
        if not window:
            break
        i = draw(st.integers(0, len(window) - 1))
        if op == "delete":
            del window[i]
        elif op == "duplicate":
            window.insert(i, window[i])
        elif op == "swap":
            j = draw(st.integers(0, len(window) - 1))
            window[i], window[j] = window[j], window[i]
        elif op == "inject":
            pos = draw(st.integers(0, len(window[i])))
            window[i] = window[i][:pos] + draw(st.sampled_from(PIECES)) + window[i][pos:]
        else:
            window[i] = window[i][: draw(st.integers(0, len(window[i])))]
    return "\n".join(window)


def check(text: str) -> None:
    result = import_text(text, plan_id="fuzz-2016", source_file="fuzz-2016.txt")
    # A stage that raises is caught into the report so the plan survives; for the fuzz tests that is
    # a failure all the same.
    assert stage_failures(result.report) == []
    assert emit_plan(result.plan).startswith("# yaml-language-server")
    for t in result.plan.iter_tasks():
        assert t.text, t.id
    ids = [t.id for t in result.plan.iter_tasks()] + [s.id for s in result.plan.iter_sections()]
    assert len(ids) == len(set(ids))
    # Stored text is verbatim from the input, once control characters that no YAML can hold are set
    # aside (they cannot be "verbatim" in a YAML file either).
    if text.isprintable() or all(ch.isprintable() or ch in "\n\r\t\u3000" for ch in text):
        problems = verbatim_problems(result.plan, text)
        if any(line.startswith("title not found") for line in result.report):
            problems = [p for p in problems if not p.startswith("title:")]  # a stand-in, reported
        assert problems == []


@FUZZ
@given(random_text)
def test_random_text_never_raises(text):
    check(text)


def test_a_crashing_stage_is_reported_as_a_stage_failure(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(pipeline, "extract_targets", boom)
    monkeypatch.setattr(pipeline, "extract_metadata", boom)
    result = import_text("一、总体目标\n到2018年,普及率达到65%。", plan_id="fuzz-2016", source_file="f.txt")
    failures = stage_failures(result.report)
    assert any(f.startswith("metadata not read (RuntimeError: bug)") for f in failures)
    assert any(f.startswith("targets not read (RuntimeError: bug)") for f in failures)
    try:
        check("一、总体目标\n到2018年,普及率达到65%。")
    except AssertionError:
        pass
    else:
        raise AssertionError("the fuzz check let a stage failure through")


@FUZZ
@given(mutated_seed())
def test_mutated_seed_text_never_raises(text):
    check(text)
