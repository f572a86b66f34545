"""One 文号 module: parse, key and slug, whatever brackets and widths the number is written with."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.atlas import link
from generator.content.load import load_content
from generator.importer.metadata import extract_metadata
from generator.text import docnum

ROOT = Path(__file__).resolve().parents[2]

SAME = ["鲁政办发（2016）3号", "鲁政办发(2016)3号", "鲁政办发〔2016〕3号", "鲁政办发［2016］3号",
        "鲁政办发[2016]3号", "鲁政办发【2016】3号", "鲁政办发﹝2016﹞3号", "鲁政办发 〔2016〕 3号",
        "鲁政办发〔２０１６〕３号", "魯政辦發〔2016〕3號"]


@pytest.mark.parametrize("number", SAME)
def test_every_bracket_and_width_gives_one_key_and_one_slug(number):
    assert docnum.key(number) == docnum.key("鲁政办发〔2016〕3号")
    assert docnum.slug(number, None) == "lzbf-2016-3"
    parsed = docnum.parse(number)
    assert parsed is not None and (parsed.issuer, parsed.year, parsed.serial) == ("鲁政办发", 2016, "3")


def test_different_documents_have_different_keys():
    assert docnum.key("鲁政办发〔2016〕3号") != docnum.key("鲁政办发〔2016〕30号")
    assert docnum.key("鲁政办发〔2016〕3号") != docnum.key("鲁政发〔2016〕3号")
    assert docnum.parse("鲁政办发2016年3号") is None


def test_atlas_and_importer_use_the_one_key():
    from generator.atlas import doc_number_key
    from generator.importer import metadata

    for number in SAME:
        assert doc_number_key(number) == docnum.key(number)
        assert metadata._citation_key(number) == docnum.key(number)


def test_a_citation_in_half_width_brackets_is_the_plan_in_the_corpus():
    """鲁政发(2016)14号 cited with ASCII brackets is the seed plan 鲁政发〔2016〕14号."""
    content = load_content(ROOT)
    plans = dict(content.plans)
    liaocheng = plans["liaocheng-2017"]
    cites = tuple(replace(c, doc_number="鲁政发(2016)14号") if c.doc_number == "鲁政发〔2016〕14号" else c
                  for c in liaocheng.cites)
    plans["liaocheng-2017"] = replace(liaocheng, cites=cites)
    atlas = link(content.vocab, plans)
    assert atlas.documents["lzf-2016-14"].url == "plans/shandong-2016/"
    assert len(atlas.documents) == 3


def test_the_importer_drops_its_own_number_cited_with_other_brackets():
    text = "鲁政办发（2016）3号\n山东省人民政府办公厅关于印发某方案的通知\n根据鲁政办发(2016)3号和国发〔2015〕40号文件要求。\n"
    meta = extract_metadata(text)
    assert [c.doc_number for c in meta.cites] == ["国发〔2015〕40号"]


def test_permanent_document_urls_of_the_five_seeds_stay():
    content = load_content(ROOT)
    atlas = link(content.vocab, content.plans)
    assert sorted((d.id, d.url) for d in atlas.documents.values()) == [
        ("gf-2015-40", "documents/gf-2015-40/"),
        ("lzf-2016-14", "plans/shandong-2016/"),
        ("lzf-2016-25", "documents/lzf-2016-25/"),
    ]
