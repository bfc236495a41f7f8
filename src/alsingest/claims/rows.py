"""Tables copied one row per line under a header line of column names ("NCT number Drug Phase
and status Cohort size Outcomes References Year"), as table pages of journals give them.

The header says which columns a row holds; a row's bare number after its phase is the size
column's count, its last four-digit year the year column's, and "(70)" the reference column's
citation. A row that names no therapy continues the one above (a merged cell).
"""

from __future__ import annotations

from .. import patterns
from .attributes import find_phases, parse_count
from .model import Attribute

# Cells written apart by " / " ("Drug / Study / Patients / Design"): a row's cells stand under
# the header's in order.
CELL_SEPARATOR = " / "


def column_facts(header: str, row: str) -> tuple[list[Attribute], set[int]]:
    """The facts ``row`` holds by the columns ``header`` names, and its cited reference numbers."""
    # Only when every cell is there (a missing cell or a " / " inside one would shift the
    # columns: "Tofersen / Phase 1 / 2 / 50").
    if header.count(CELL_SEPARATOR) >= 2 and row.count(CELL_SEPARATOR) == header.count(
        CELL_SEPARATOR
    ):
        return _facts_by_cell(header, row)
    facts: list[Attribute] = []
    refs: set[int] = set()
    taken: list[tuple[int, int]] = []
    if patterns.YEAR_COLUMN.search(header) and (year := patterns.ROW_YEAR.search(row)):
        rule = "the year column of its table row"
        facts.append(Attribute("date", *year.span("year"), year.group("year"), rule=rule))
        taken.append(year.span())
    if patterns.REFERENCE_COLUMN.search(header):
        for m in patterns.ROW_REFERENCE.finditer(row):
            refs |= _numbers(m.group("n"))
            taken.append(m.span())
    # a study cell's "Miller et al., 1996[7]": the cited study's year, no size
    taken.extend(m.span() for m in patterns.EN_AUTHOR_YEAR.finditer(row))
    taken.extend(m.span() for m in patterns.CELL_AUTHOR_YEAR.finditer(row))
    if patterns.SIZE_COLUMN.search(header):
        phases = find_phases(row)
        after = phases[-1].end if phases else 0
        for m in patterns.ROW_COUNT.finditer(row, after):
            if any(s <= m.start() < e for s, e in taken):
                continue
            n = parse_count(m.group("n"))
            if n:
                rule = "the size column of its table row"
                facts.append(Attribute("enrollment", m.start(), m.end(), n, rule=rule))
                break
    return facts, refs


def cited_study_year(header: str, row: str) -> Attribute | None:
    """The year of the study a row's cell cites ("Cudkowicz, 2006[2]"), when that cell stands
    under a column of the studies the rows report ("Study", "Reference"; not "Mouse study" or
    "Company, founded"): the date of the trial the row reports."""
    cited = patterns.CELL_AUTHOR_YEAR.search(row)
    separator = next((sep for sep in (CELL_SEPARATOR, "|") if sep in header), None)
    if cited is None or separator is None:
        return None
    names = header.split(separator)
    index = row.count(separator, 0, cited.start())
    name = names[index] if index < len(names) else ""
    if not patterns.STUDY_COLUMN.search(name) or patterns.NOT_A_STUDY_COLUMN.search(name):
        return None
    year = cited.group("year")
    rule = "CELL_AUTHOR_YEAR, the study a table row cites"
    return Attribute("date", *cited.span("year"), year, year, rule=rule)


def _separated(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while (at := text.find(CELL_SEPARATOR, start)) != -1:
        spans.append((start, at))
        start = at + len(CELL_SEPARATOR)
    return [*spans, (start, len(text))]


def _facts_by_cell(header: str, row: str) -> tuple[list[Attribute], set[int]]:
    """Column facts of a row whose cells are written apart: the size column's first count, the
    year column's year, the reference column's citations, each read in its own cell."""
    facts: list[Attribute] = []
    refs: set[int] = set()
    names = [header[s:e] for s, e in _separated(header)]
    for (start, end), name in zip(_separated(row), names, strict=False):
        if patterns.SIZE_COLUMN.search(name) and not any(a.kind == "enrollment" for a in facts):
            for m in patterns.ROW_COUNT.finditer(row, start, end):
                if n := parse_count(m.group("n")):
                    rule = "the size column of its table row"
                    facts.append(Attribute("enrollment", m.start(), m.end(), n, rule=rule))
                    break
        elif patterns.YEAR_COLUMN.search(name) and (
            year := patterns.ROW_YEAR.search(row, start, end)
        ):
            rule = "the year column of its table row"
            facts.append(Attribute("date", *year.span("year"), year.group("year"), rule=rule))
        elif patterns.REFERENCE_COLUMN.search(name):
            for m in patterns.ROW_REFERENCE.finditer(row, start, end):
                refs |= _numbers(m.group("n"))
    return facts, refs


def _numbers(text: str) -> set[int]:
    """'70' → {70}; '71, 73' → {71, 73}; '74–76' → {74, 75, 76}."""
    found: set[int] = set()
    for part in text.split(","):
        ends = [int(x) for x in part.replace("–", "-").split("-") if x.strip().isdigit()]
        if len(ends) == 2 and 0 <= ends[1] - ends[0] <= 20:
            found.update(range(ends[0], ends[1] + 1))
        else:
            found.update(ends)
    return found
