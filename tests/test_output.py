"""Listing output: tables that fit a terminal and keep whole values through a pipe, and rows
as JSON, JSON lines or CSV."""

import csv
import io
import json

import pytest
from rich.table import Table

from alsingest.output import EXCEL_BOM, Field, PipeConsole, emit, plural, write_rows

LONG = "托夫生" + "很长的句子" * 60 + "END"


def test_a_piped_table_keeps_long_values_whole_on_one_line():
    out = io.StringIO()
    console = PipeConsole(file=out)
    table = Table("article", "quote")
    table.add_row("002_52964ac19b306853.txt", LONG)
    console.print(table)
    assert "…" not in out.getvalue()
    assert any(
        LONG in line and "002_52964ac19b306853.txt" in line for line in out.getvalue().splitlines()
    )


def test_a_terminal_table_fits_the_terminal():
    out = io.StringIO()
    console = PipeConsole(file=out, force_terminal=True, width=60, color_system=None)
    emit([{"quote": LONG}], "table", [Field("quote", "quote")], console=console, out=out)
    assert all(console.measure(line).maximum <= 60 for line in out.getvalue().splitlines())


def test_fields_are_cut_short_on_a_terminal_only():
    field = Field("id", "claim_id", short=8)
    row = {"claim_id": "0123456789abcdef"}
    assert field.cell(row, terminal=True) == "01234567"
    assert field.cell(row, terminal=False) == "0123456789abcdef"


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [(0, "claim", "0 claims"), (1, "claim", "1 claim"), (1, "contradiction", "1 contradiction"),
     (2, "article", "2 articles"), (1, "entry", "1 entry"), (3, "entry", "3 entries")],
)  # fmt: skip
def test_counts_take_the_plural_only_when_not_one(count, noun, expected):
    assert plural(count, noun, "entries" if noun == "entry" else None) == expected


ROWS = [{"article": "a.txt", "refs": [1, 2], "quote": '依达拉奉, "quoted"\nline'}]


def test_json_and_jsonl_hold_every_field_whole():
    out = io.StringIO()
    write_rows(ROWS, "json", out)
    assert json.loads(out.getvalue()) == ROWS
    out = io.StringIO()
    write_rows(ROWS, "jsonl", out)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == ROWS


def test_csv_round_trips_with_lists_as_json():
    out = io.StringIO()
    assert write_rows(ROWS, "csv", out) == 1
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["quote"] == ROWS[0]["quote"] and json.loads(row["refs"]) == [1, 2]


def test_csv_has_its_header_row_even_with_no_rows():
    out = io.StringIO()
    assert write_rows([], "csv", out, fieldnames=["article", "quote"]) == 0
    assert out.getvalue().splitlines() == ["article,quote"]


def test_excel_csv_starts_with_a_byte_order_mark():
    out = io.StringIO()
    write_rows(ROWS, "csv", out, fieldnames=["article", "refs", "quote"], excel=True)
    assert out.getvalue().startswith(EXCEL_BOM + "article,refs,quote")
    plain = io.StringIO()
    write_rows(ROWS, "csv", plain)
    assert not plain.getvalue().startswith(EXCEL_BOM)


def test_an_empty_table_prints_only_its_count():
    out, err = io.StringIO(), io.StringIO()
    emit([], "table", [Field("a", "a")], console=PipeConsole(file=out), out=out,
         noun="claim", errors=PipeConsole(file=err))  # fmt: skip
    assert out.getvalue() == "" and err.getvalue().strip() == "0 claims"
