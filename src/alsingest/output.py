"""What listing commands print, in one place: a table for people, rows for programs.

Every listing command hands its rows (plain dicts, full values) and the columns of its
table to :func:`emit`, which prints them as a rich table (``table``), one JSON array
(``json``), JSON lines (``jsonl``) or CSV (``csv``). A table printed to a terminal fits it;
through a pipe nothing is cut or wrapped (``alsingest claims | grep …`` sees whole values).
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from rich.console import Console, ConsoleDimensions
from rich.table import Table
from rich.text import Text

logger = logging.getLogger(__name__)

FORMATS = ("table", "json", "jsonl", "csv")
# The width of output that is not a terminal: wide enough that no value is cut or wrapped.
PIPE_WIDTH = 1_000_000
# How a table shows what matched a search.
HIGHLIGHT = "bold reverse"
# Put first in CSV meant for spreadsheets: Excel reads UTF-8 only after a byte-order mark.
EXCEL_BOM = "\ufeff"


class PipeConsole(Console):
    """A rich console as wide as its terminal, and unbounded when it writes to a pipe or file.

    rich otherwise gives a pipe 80 columns (or the width of whichever standard stream is a
    terminal), cutting values with an ellipsis and wrapping lines mid-sentence.
    """

    @property
    def size(self) -> ConsoleDimensions:
        size = super().size
        if self._width is not None or self.is_terminal:
            return size
        return ConsoleDimensions(PIPE_WIDTH, size.height)

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        self._width, self._height = new_size


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 claim``, ``2 claims``; ``many`` for nouns whose plural is not noun + s."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


@dataclass(frozen=True)
class Field:
    """One column of a table: its header, how to show a row's value, and how short on a
    terminal (``short`` characters; never cut through a pipe)."""

    header: str
    value: str | Callable[[dict], Any]
    short: int | None = None
    no_wrap: bool = False
    # [start, end] spans of the value to highlight (what a search matched).
    highlight: Callable[[dict], Sequence[Sequence[int]]] | None = None

    def cell(self, row: dict, terminal: bool) -> str:
        value = self.value(row) if callable(self.value) else row.get(self.value)
        if value is None:
            text = ""
        elif isinstance(value, list | tuple):
            text = ",".join(map(str, value))
        else:
            text = str(value)
        if terminal and self.short and len(text) > self.short:
            return text[: self.short]
        return text

    def rich_cell(self, row: dict, terminal: bool) -> Text:
        """The cell as rich text: plain (a quote's "[1]" is not markup), highlights styled."""
        text = Text(self.cell(row, terminal))
        for start, end in self.highlight(row) if self.highlight else ():
            text.stylize(HIGHLIGHT, start, end)
        return text


def cell_text(value: Any) -> Any:
    """A CSV cell: lists and mappings as JSON, the rest as is."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def write_rows(
    rows: Iterable[dict],
    fmt: str,
    out: TextIO,
    fieldnames: Sequence[str] | None = None,
    excel: bool = False,
) -> int:
    """Write ``rows`` as ``json``, ``jsonl`` or ``csv``; returns how many.

    CSV has its header row even with no rows when ``fieldnames`` are given, and starts with
    a byte-order mark when ``excel`` is set.
    """
    count = 0
    if fmt == "json":
        items = list(rows)
        out.write(json.dumps(items, ensure_ascii=False, indent=1, default=str) + "\n")
        return len(items)
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            count += 1
        return count
    if fmt != "csv":
        raise ValueError(f"unknown format {fmt!r}")
    if excel:
        out.write(EXCEL_BOM)
    writer = None
    if fieldnames is not None:
        writer = csv.DictWriter(out, fieldnames=list(fieldnames), extrasaction="ignore")
        writer.writeheader()
    for row in rows:
        flat = {k: cell_text(v) for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        count += 1
    return count


def emit(
    rows: Sequence[dict],
    fmt: str,
    fields: Sequence[Field],
    *,
    console: Console,
    out: TextIO,
    noun: tuple[str, str | None] | str | None = None,
    errors: Console | None = None,
    total: int | None = None,
    offset: int = 0,
    columns: Sequence[str] | None = None,
) -> None:
    """Print ``rows`` in ``fmt``: a table of ``fields`` (and a count of ``noun`` on
    ``errors``), or every key of every row as JSON, JSON lines or CSV on ``out``.

    ``rows`` may be one page of ``total`` rows starting at ``offset``: the count then says
    which rows these are and how to see the others (on ``errors``, in every format).
    ``columns`` are the keys of the rows: CSV's header row when there are none."""
    partial = total is not None and (
        offset > 0 or len(rows) < total or getattr(total, "more", False)
    )
    if fmt != "table":
        write_rows(rows, fmt, out, fieldnames=list(rows[0]) if rows else columns)
    else:
        terminal = console.is_terminal
        if rows:
            table = Table(*(f.header for f in fields))
            for field, column in zip(fields, table.columns, strict=True):
                column.no_wrap = field.no_wrap
            for row in rows:
                table.add_row(*(field.rich_cell(row, terminal) for field in fields))
            console.print(table)
    if noun is None or errors is None or (fmt != "table" and not partial):
        return
    singular, many = (noun, None) if isinstance(noun, str) else noun
    if partial:
        errors.print(page_line(len(rows), total, offset, singular, many), highlight=False)
    else:
        errors.print(plural(len(rows), singular, many), highlight=False)


def page_line(shown: int, total: int, offset: int, noun: str, many: str | None = None) -> str:
    """``claims 51–100 of 2,310 (--offset 100 for the next page, --all for every one)``;
    ``of more than 100`` when ``total`` is known only to exceed its value (``.more``: the
    listing stopped looking once its page was full)."""
    name = many or noun + "s"
    more = getattr(total, "more", False)
    if not shown:
        return f"no {name} from {offset + 1:,} on: there are {total:,} (--offset 0 for the first)"
    hint = []
    if more or offset + shown < total:
        hint.append(f"--offset {offset + shown} for the next page")
    hint.append("--all for every one" + (", counted" if more else ""))
    of = f"more than {total:,}" if more else f"{total:,}"
    return f"{name} {offset + 1:,}–{offset + shown:,} of {of} ({', '.join(hint)})"
