"""Tables flattened one cell per line: a trial's row read as short lines
("NCT00330681/ [18]", "Phase III", "206 participants", "Edaravone", then the long cells).

A short line that holds only a registry id, a citation marker, a phase or a participant count is
a cell: its facts wait for the therapy the next few lines name, which takes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import patterns
from .attributes import find_phases, parse_count
from .model import Attribute

CELL_REACH = 3  # paragraphs a cell's facts wait for their therapy


@dataclass
class PendingCells:
    attributes: list[Attribute] = field(default_factory=list)
    refs: set[int] = field(default_factory=set)
    paragraph: int = -1

    def add(self, paragraph: int, attributes: list[Attribute], refs: set[int]) -> None:
        if paragraph - self.paragraph > CELL_REACH:
            self.attributes, self.refs = [], set()
        self.attributes.extend(attributes)
        self.refs |= refs
        self.paragraph = paragraph

    def take(self, paragraph: int, at: tuple[int, int], own: list[Attribute]) -> tuple[list, set]:
        """The waiting facts for the therapy named at ``at`` (kinds it lacks), and the refs."""
        if not (self.attributes or self.refs) or paragraph - self.paragraph > CELL_REACH:
            return [], set()
        kinds = {a.kind for a in own}
        taken = [
            replace(a, start=at[0], end=at[1], rule=f"a cell of its table row ({a.rule})")
            for a in self.attributes
            if a.kind not in kinds
        ]
        refs = self.refs
        self.attributes, self.refs = [], set()
        return taken, refs


def cell_facts(masked: str) -> list[Attribute] | None:
    """The facts of a line that is only a cell (phases, a count, ids and markers), else None."""
    if len(masked.strip()) > patterns.CELL_MAX:
        return None
    facts = find_phases(masked)
    count = patterns.CELL_COUNT.search(masked)
    if count and (n := parse_count(count.group("n") or count.group("n2"))):
        facts.append(Attribute("enrollment", count.start(), count.end(), n, rule="CELL_COUNT"))
    rest = masked
    for a in sorted(facts, key=lambda a: a.start, reverse=True):
        rest = rest[: a.start] + rest[a.end :]
    rest = patterns.REGISTRY_ID.sub("", rest)
    return facts if not re.sub(r"[\W_]", "", rest) else None
