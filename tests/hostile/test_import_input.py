"""``python -m generator import`` on bad input: exit 1, the problem first as ``path:line:col``,
and nothing written (no draft, no source copy). Whether the source can be imported is one
judgement, ``importer.source.read_source``, for the CLI and the library alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.adapters import import_input
from generator.importer import source

TEXT = "某市“互联网+”行动计划\n一、总体目标\n到2018年,固定宽带家庭普及率达到65%。\n"


def _setup(project, tmp_path: Path) -> Path:
    src = tmp_path / "plan-2016.txt"
    src.write_text(TEXT, encoding="utf-8")
    return src


def _missing(p, t):
    return [str(t / "nope.txt")], f"{t}/nope.txt:1:1: no such file"


def _folder(p, t):
    return [str(t)], f"{t}:1:1: is a folder"


def _utf16(p, t):
    (t / "u.txt").write_bytes(TEXT.encode("utf-16"))
    return [str(t / "u.txt")], f"{t}/u.txt:1:1: is UTF-16"


def _gbk(p, t):
    (t / "g.txt").write_bytes(TEXT.encode("gbk"))
    return [str(t / "g.txt")], f"{t}/g.txt:1:3: not UTF-8 text (byte 0xCA): it looks like GBK"


def _bad_byte_later(p, t):
    (t / "b.txt").write_bytes(TEXT.encode("utf-8") + b"\n\xff\n")
    return [str(t / "b.txt")], f"{t}/b.txt:5:1: not UTF-8 text (byte 0xFF)"


def _huge(p, t):
    path = t / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(source.MAX_IMPORT_BYTES + 1)  # sparse: no 4 MiB written to disk
    return [str(path)], f"{path}:1:1: is 4.0 MiB: a plan's text is at most 4 MiB"


def _out_folder(p, t):
    return [str(t / "plan-2016.txt"), "-o", str(t)], f"{t}:1:1: output is a folder"


def _out_under_file(p, t):
    return ([str(t / "plan-2016.txt"), "-o", str(t / "plan-2016.txt" / "x.yaml")],
            f"{t}/plan-2016.txt:1:1: is a file")


def _out_exists(p, t):
    (t / "done.yaml").write_text("# reviewed\n", encoding="utf-8")
    return [str(t / "plan-2016.txt"), "-o", str(t / "done.yaml")], f"{t}/done.yaml:1:1: exists (a reviewed plan?)"


def _out_not_yaml(p, t):
    return [str(t / "plan-2016.txt"), "-o", str(t / "plan.txt")], f"{t}/plan.txt:1:1: output must end in .yaml"


def _source_copy_differs(p, t):
    p.write("content/sources/plan-2016.txt", "别的文本\n")
    return [str(t / "plan-2016.txt")], f"{p.root}/content/sources/plan-2016.txt:1:1: exists with other text"


def _special_file(p, t):
    return ["/dev/null"], "/dev/null:1:1: is not a regular file"


def _pdf_named_txt(p, t):
    # named by its signature before its bytes are judged as text (it used to be called GBK)
    (t / "p.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    return [str(t / "p.txt")], f"{t}/p.txt:1:1: the source is a PDF file, not plain text"


def _html(p, t):
    (t / "page.txt").write_text("\n<!DOCTYPE html>\n<html><body>一、总体要求</body></html>", encoding="utf-8")
    return [str(t / "page.txt")], f"{t}/page.txt:2:1: the source is an HTML page, not plain text"


def _empty(p, t):
    (t / "e.txt").write_bytes(b"")
    return [str(t / "e.txt")], f"{t}/e.txt:1:1: the source is empty"


CASES = [_missing, _folder, _utf16, _gbk, _bad_byte_later, _huge, _out_folder, _out_under_file, _out_exists,
         _out_not_yaml, _source_copy_differs, _special_file, _pdf_named_txt, _html, _empty]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__.strip("_") for c in CASES])
def test_bad_import_input_is_refused_located_and_writes_nothing(project, tmp_path, case):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _setup(project, inputs)
    args, first = case(project, inputs)
    before_tree = _files(project.root)
    before_in = _files(inputs)
    code, lines, err = project.run("import", *args)
    assert code == 1, (lines, err)
    assert lines and lines[0].startswith(first), lines
    assert "nothing written" in err
    assert _files(project.root) == before_tree
    assert _files(inputs) == before_in


def test_a_refusal_is_located_once_and_gives_its_advice(project, tmp_path):
    src = tmp_path / "page.txt"
    src.write_text("<html><body>一、总体要求</body></html>", encoding="utf-8")
    code, lines, _ = project.run("import", str(src))
    assert code == 1
    assert lines[0] == f"{src}:1:1: the source is an HTML page, not plain text"
    assert "pandoc -t plain" in lines[1]


def test_the_library_refuses_with_the_same_judgement(project, tmp_path):
    from generator.adapters.importing import import_file
    from generator.errors import SourceError

    inputs = tmp_path / "in"
    inputs.mkdir()
    _setup(project, inputs)
    for case in (_missing, _folder, _utf16, _gbk, _pdf_named_txt, _html, _empty):
        args, first = case(project, inputs)
        with pytest.raises(SourceError) as info:
            import_file(Path(args[0]), plan_id="x-2016", out=None, root=project.root, force=False)
        assert f"{info.value.loc}: {info.value.message}".startswith(first)


def test_an_unreadable_source_is_refused_with_the_reason(project, tmp_path, monkeypatch):
    src = _setup(project, tmp_path)
    real_open = Path.open

    def deny(self, *a, **k):
        if self == src:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", deny)
    code, lines, err = project.run("import", str(src))
    assert code == 1
    assert lines == [f"{src}:1:1: cannot read (Permission denied): check its permissions"]


def test_a_large_import_says_what_it_is_doing(project, tmp_path, monkeypatch):
    monkeypatch.setattr(import_input, "PROGRESS_BYTES", 64)  # the real threshold is 256 kB
    src = tmp_path / "big-2016.txt"
    src.write_text(TEXT, encoding="utf-8")
    code, _, err = project.run("import", str(src), "-o", str(tmp_path / "big-2016.yaml"))
    assert code == 0, err
    assert err.splitlines()[0].startswith(f"importing {src} (")
    assert (tmp_path / "big-2016.yaml").is_file()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


KINDS = len(CASES) + 1
