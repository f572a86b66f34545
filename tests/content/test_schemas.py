"""The JSON Schemas: valid draft 2020-12, in step with the model, and named by every YAML file."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator import model
from generator.content.vocab import FILES, read_vocabulary

PROJECT = Path(__file__).resolve().parents[2]
SCHEMAS = PROJECT / "site_config" / "schema"
KINDS = ("plan", *FILES)


def schema(kind: str) -> dict:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


def fields(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)} - {"loc"}


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft_2020_12(kind):
    Draft202012Validator.check_schema(schema(kind))
    assert schema(kind)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(("definition", "cls"), [
    ("task", model.Task), ("section", model.Section), ("target", model.Target),
    ("attachment", model.Attachment),
])
def test_plan_schema_objects_have_exactly_the_model_fields(definition, cls):
    assert set(schema("plan")["$defs"][definition]["properties"]) == fields(cls)


def test_plan_schema_top_level_has_exactly_the_plan_fields():
    plan = schema("plan")
    assert set(plan["properties"]) == fields(model.Plan)
    assert set(plan["properties"]["source"]["properties"]) == fields(model.Source)
    assert set(plan["$defs"]["agencyRefs"]["items"]["properties"]) == fields(model.AgencyRef)
    assert set(plan["$defs"]["attachment"]["properties"]["members"]["items"]["properties"]) == fields(
        model.AttachmentMember)


@pytest.mark.parametrize(("kind", "cls"), [
    ("regions", model.Region), ("domains", model.Domain), ("agency_types", model.AgencyType),
    ("agencies", model.Agency), ("indicators", model.Indicator),
])
def test_vocabulary_schema_entries_have_exactly_the_model_fields(kind, cls):
    assert set(schema(kind)["properties"][kind]["items"]["properties"]) == fields(cls)


def test_project_vocabulary_files_name_their_schema_on_the_first_line():
    _, problems, _ = read_vocabulary(PROJECT)
    assert [str(p) for p in problems if "first line must be" in p.message] == []
