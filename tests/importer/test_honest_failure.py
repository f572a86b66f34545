"""The importer refuses what is not a plan's text, with advice, and writes nothing; what it cannot
structure stays in the draft, and it says how much of the source became structure (issue #9)."""

from pathlib import Path

import pytest

from generator.adapters.cli import main
from generator.errors import SourceError
from generator.importer.pipeline import import_text
from generator.importer.source import check_text, decode_source

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path, name: str, data: bytes, *args):
    src = tmp_path / "in" / name
    src.parent.mkdir(exist_ok=True)
    src.write_bytes(data)
    code = main(["--root", str(tmp_path), "import", str(src), "--id", "moushi-2016", *args])
    return code, src


@pytest.mark.parametrize("name,data,says", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", "\n  \u3000\n\n".encode(), "empty"),
    ("page.html", "<!DOCTYPE html>\n<html><head><title>某市行动计划</title></head><body><p>一、总体要求</p>"
                  "</body></html>".encode(), "HTML"),
    ("page.txt", ("<div class=\"a\"><p>一、总体要求</p></div>\n" * 20).encode(), "HTML"),
    ("plan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    ("plan.docx", b"PK\x03\x04\x14\x00\x06\x00", "zip"),
    ("blob.bin", b"\x01\x02\x00\x03" * 50, "binary"),
    ("gbk.txt", "一、总体要求\n加快发展。".encode("gb18030"), "not UTF-8"),
])
def test_non_text_input_is_refused_with_advice_and_nothing_is_written(tmp_path, capsys, name, data, says):
    code, src = _run(tmp_path, name, data)
    captured = capsys.readouterr()
    out = captured.out + captured.err  # refusals are located on stdout, as check's problems are
    assert code == 1
    assert says.lower() in out.lower() and "nothing written" in out.replace("nothing was written", "nothing written")
    assert f"{src}:" in out  # located: path:line:col
    assert not (tmp_path / "content").exists()


def test_html_advice_says_how_to_convert_the_page():
    with pytest.raises(SourceError) as info:
        check_text("\n\n<html><body>一、总体要求</body></html>", "page.html")
    assert (info.value.loc.line, info.value.loc.col) == (3, 1)
    assert "pandoc -t plain" in info.value.advice and "copy" not in info.value.message


def test_plain_text_with_an_angle_bracket_or_two_is_text():
    text = "某市行动计划\n一、总体要求\n建设<智慧城市>平台,推进“互联网+”。\n"
    check_text(text)
    assert decode_source(text.encode()) == text


def test_an_unnumbered_text_keeps_all_its_text_and_says_how_much_became_structure():
    body = ("为加快推进信息化发展,制定本方案。\n全面推进政务服务一网通办,建设统一的数据共享平台。\n"
            "加快建设5G网络,推动千兆光网进入家庭。\n各部门要加强组织领导,确保各项任务落到实处。\n")
    result = import_text("某市信息化工作方案\n" + body, plan_id="moushi-2016", source_file="x.txt")
    kept = "\n".join(s.text for s in result.plan.iter_sections())
    assert kept == body.rstrip("\n")
    assert result.coverage.ratio == 1.0
    assert any(line.startswith("structured 100 % of the text") for line in result.report)


def test_text_that_goes_nowhere_is_counted_and_shown():
    text = "某市行动计划\n一、总体要求\n加快发展。\n抄送:市委各部门。\n"
    result = import_text(text, plan_id="moushi-2016", source_file="x.txt")
    summary = next(line for line in result.report if line.startswith("structured"))
    assert "characters unplaced: line 4: 抄送:市委各部门。" in summary
    assert result.coverage.unplaced_chars == len("抄送:市委各部门。")


def test_a_long_input_shows_progress_on_stderr(tmp_path, capsys):
    data = (ROOT / "content" / "sources" / "shandong-2016.txt").read_bytes()
    assert len(data) > 30_000
    code, _ = _run(tmp_path, "shandong.txt", data)
    err = capsys.readouterr().err
    assert code == 0
    assert "import: structuring" in err and "import: agencies, targets and domains: part 1 of" in err
    assert "structured " in err


def test_a_short_input_imports_quietly(tmp_path, capsys):
    code, _ = _run(tmp_path, "short.txt", "某市行动计划\n一、总体要求\n加快发展。\n".encode())
    assert code == 0
    assert "import:" not in capsys.readouterr().err


def test_a_saved_copys_header_gives_the_source_url_and_is_not_counted_as_text():
    text = "# source: https://www.example.gov.cn/art/1.html\n# coverage: full\n某市行动计划\n一、总体要求\n加快发展。\n"
    result = import_text(text, plan_id="moushi-2016", source_file="x.txt")
    assert result.plan.source.url == "https://www.example.gov.cn/art/1.html"
    assert result.coverage.unplaced_chars == 0
