"""The data exports: CSV that Excel and the csv module read back, JSON that validates against the
published schemas, documentation derived from the same schemas, deterministic bytes."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import jsonschema
import pytest

import regions_atlas
from generator.model import AgencyRef, Target
from generator.render import data_pages, exports
from generator.atlas import link


@pytest.fixture(scope="module")
def atlas():
    """The inline atlas plus a task whose text and agency name carry a comma, quotes and a newline."""
    plans = regions_atlas.plans()
    jn = plans["jinan-2016"]
    section = jn.sections[0]
    tricky = dataclasses.replace(
        section.tasks[1],
        text='第一行,含逗号与"引号"\n第二行',
        lead=(AgencyRef('市"大数据"局,筹', None), AgencyRef("市经信委", "jinan-jingxinwei")),
        targets=(Target("网上办理率", 90, "%", "达到", 2018, "网上办理率达到90%", None, 95),),
    )
    section = dataclasses.replace(section, tasks=(section.tasks[0], tricky))
    plans["jinan-2016"] = dataclasses.replace(jn, sections=(section,))
    return link(regions_atlas.vocab(), plans)


@pytest.fixture(scope="module")
def files(atlas):
    return {a.path: a.content for a in exports.assets(atlas)}


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("name", exports.EXPORTS)
def test_json_validates_against_its_published_schema(files, name):
    records = json.loads(files[f"data/{name}.json"])
    schema = json.loads(files[f"data/schema/{name}.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(records)
    assert records, name


@pytest.mark.parametrize("name", exports.EXPORTS)
def test_json_keys_follow_the_schema_order(files, name):
    records = json.loads(files[f"data/{name}.json"])
    props = list(exports.schema(name)["items"]["properties"])
    assert all(list(r) == props for r in records)


@pytest.mark.parametrize("name", exports.EXPORTS)
def test_csv_has_bom_crlf_and_the_documented_columns(files, name):
    data = files[f"data/{name}.csv"]
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    rows = read_csv(data)
    assert list(rows[0]) == [c.name for c in exports.columns(name)]
    assert len(rows) == len(json.loads(files[f"data/{name}.json"]))


def test_comma_quote_and_newline_in_a_value_survive_the_csv_round_trip(files):
    rows = read_csv(files["data/tasks.csv"])
    row = next(r for r in rows if r["plan"] == "jinan-2016" and r["id"] == "t1-2")
    assert row["text"] == '第一行,含逗号与"引号"\n第二行'
    assert row["lead_name"] == '市"大数据"局,筹; 市经信委'
    assert row["lead_agency"] == "; jinan-jingxinwei"  # positions line up with lead_name


def test_hostile_strings_are_plain_data_in_exports(files):
    tasks = json.loads(files["data/tasks.json"])
    bj = next(t for t in tasks if t["plan"] == "beijing-2016")
    assert bj["title"] == "医疗|" + regions_atlas.HOSTILE  # verbatim, not escaped: it is data
    assert any(r["title"] == bj["title"] for r in read_csv(files["data/tasks.csv"]))


def test_target_numbers_are_written_as_the_plan_writes_them(files):
    targets = json.loads(files["data/targets.json"])
    by_quote = {t["quote"]: t for t in targets}
    assert by_quote["固定宽带家庭普及率达到65%"]["value"] == 65
    assert isinstance(by_quote["固定宽带家庭普及率达到65%"]["value"], int)
    assert by_quote["新增2.5万户"]["value"] == 2.5
    assert by_quote["网上办理率达到90%"]["value_max"] == 95
    assert by_quote["固定宽带家庭普及率达到65%"]["task"] is None  # stated in a section's own text
    assert by_quote["固定宽带家庭普及率达到65%"]["url"] == "plans/shandong-2016/#s1"
    csv_row = next(r for r in read_csv(files["data/targets.csv"]) if r["quote"] == "新增2.5万户")
    assert csv_row["value"] == "2.5" and csv_row["year"] == "2020" and csv_row["value_max"] == ""


def test_plans_export_links_an_in_corpus_citation_to_its_plan(files):
    plans = {p["id"]: p for p in json.loads(files["data/plans.json"])}
    cites = {c["doc_number"]: c["plan"] for c in plans["liaocheng-2017"]["cites"]}
    assert cites == {"鲁政发〔2016〕14号": "shandong-2016", "国发〔2015〕40号": None}
    assert plans["liaocheng-2017"]["signed"] == "2017-05-23"
    assert plans["jinan-2016"]["period"] == {"start": 2016, "end": 2018}


def test_agency_export_counts_tasks_per_role(files):
    agencies = {a["id"]: a for a in json.loads(files["data/agencies.json"])}
    jn = agencies["jinan-jingxinwei"]
    assert (jn["lead_count"], jn["cooperating_count"], jn["responsible_count"]) == (1, 1, 1)
    assert jn["type_name"] == "工业和信息化主管部门"


def test_exports_are_byte_identical_across_runs(atlas):
    first = [(a.path, a.content) for a in exports.assets(atlas)]
    assert first == [(a.path, a.content) for a in exports.assets(atlas)]


def test_data_page_documents_every_csv_column_and_links_every_file(atlas):
    page, *assets = list(data_pages.pages(atlas))
    assert page.path == "data/index.md"
    for name in exports.EXPORTS:
        assert f"](#{name}) | {len(exports.RECORDS[name](atlas))} |" in page.markdown  # its count
        for col in exports.columns(name):
            assert f"| `{col.name}` | `{col.field}` |" in page.markdown
        for f in (f"({name}.json)", f"({name}.csv)", f"(schema/{name}.schema.json)"):
            assert f in page.markdown
    assert {a.path for a in assets} == {
        p for n in exports.EXPORTS
        for p in (f"data/{n}.json", f"data/{n}.csv", f"data/schema/{n}.schema.json")
    }


def test_the_real_content_exports_validate_against_the_schemas():
    from pathlib import Path

    from generator.content.load import load_content

    repo = Path(__file__).resolve().parents[2]
    if not any((repo / "content" / "plans").glob("*.yaml")):
        pytest.skip("no real plans in content/plans yet")
    content = load_content(repo)
    real = link(content.vocab, content.plans)
    for asset in exports.assets(real):
        if asset.path.endswith(".json") and "/schema/" not in asset.path:
            name = asset.path.removeprefix("data/").removesuffix(".json")
            validator = jsonschema.Draft202012Validator(exports.schema(name),
                                                        format_checker=jsonschema.FormatChecker())
            validator.validate(json.loads(asset.content))
    tasks = json.loads(next(a.content for a in exports.assets(real) if a.path == "data/tasks.json"))
    assert len(tasks) == len(real.tasks) > 100
