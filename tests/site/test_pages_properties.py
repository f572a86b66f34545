"""Property tests: any string survives the CSV round trip (formula cells neutralised), and never breaks a generated table row."""

from __future__ import annotations

import csv
import dataclasses
import io

from hypothesis import example, given, settings, strategies as st

import regions_atlas
from generator.model import AgencyRef, Target
from generator.render import exports, indicator_pages
from generator.atlas import link
from test_pages_html import Doc, html_of

# Any printable text plus line breaks; control characters are not text a plan can contain (and
# Python-Markdown reserves \x02/\x03 for itself).
text = st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t"),
               min_size=1, max_size=40)


def _atlas(task_text: str, agency_name: str, quote: str):
    plans = regions_atlas.plans()
    jn = plans["jinan-2016"]
    section = jn.sections[0]
    task = dataclasses.replace(
        section.tasks[0], text=task_text, lead=(AgencyRef(agency_name, "jinan-fagaiwei"),),
        targets=(Target("电子商务交易额", 1, "亿元", "达到", 2018, quote, "ecommerce"),),
    )
    section = dataclasses.replace(section, tasks=(task,) + section.tasks[1:])
    plans["jinan-2016"] = dataclasses.replace(jn, sections=(section,))
    return link(regions_atlas.vocab(), plans)


@settings(max_examples=40, deadline=None)
@given(task_text=text, agency_name=text)
@example(task_text="=HYPERLINK(1)", agency_name="@x")  # formula cells: found by CI, kept
def test_any_text_survives_the_csv_round_trip(task_text, agency_name):
    atlas = _atlas(task_text, agency_name, "q")
    data = exports.to_csv(exports.task_records(atlas), exports.columns("tasks"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    row = next(r for r in rows if r["plan"] == "jinan-2016" and r["id"] == "t1-1")
    # Verbatim, except that a cell a spreadsheet would evaluate carries the documented ' prefix.
    for cell, original in ((row["text"], task_text), (row["lead_name"], agency_name)):
        if cell != original:
            assert original.startswith(exports.FORMULA_START) and cell == "'" + original


@settings(max_examples=40, deadline=None)
@given(quote=text)
def test_any_quote_keeps_every_master_table_row_whole(quote):
    atlas = _atlas("x", "y", quote)
    page = next(p for p in indicator_pages.pages(atlas) if p.path.startswith("indicators/targets/"))
    doc = Doc(html_of(page))
    assert doc.tables and all(len(set(rows)) == 1 for rows in doc.tables)  # no row gained a cell
    shown = " ".join("".join(doc.text).split())
    assert " ".join(quote.split()) in shown  # shown literally (line breaks become spaces)
