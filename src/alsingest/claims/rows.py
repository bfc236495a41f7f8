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


def column_facts(header: str, row: str) -> tuple[list[Attribute], set[int]]:
    """The facts ``row`` holds by the columns ``header`` names, and its cited reference numbers."""
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
