"""Stage 3, binding: each attribute to the therapies of its clause, else of the nearest clause."""

from __future__ import annotations

import re

from .. import patterns
from .model import Attribute, TherapyMention


def clauses_of(text: str, table: bool = False) -> list[tuple[int, int]]:
    """Clause spans: split at commas (Japanese "、" too), semicolons and colons outside
    parentheses; table cells in a row."""
    spans = []
    depth = 0
    start = 0
    if table:
        breaks = patterns.CELL_CHARACTERS
    elif text.isascii() or not patterns.HIRAGANA.search(text):
        breaks = patterns.CLAUSE_CHARACTERS
    else:
        breaks = patterns.JA_CLAUSE_CHARACTERS  # "…をフェーズIII、…をフェーズII": Japanese commas
    for m in breaks.finditer(text):
        ch, i = m.group(), m.start()
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(0, depth - 1)
        elif (
            depth == 0
            and not (
                (ch == "," and text[i + 1 : i + 4].isdigit() and text[i - 1 : i].isdigit())
                # a ratio or a time ("randomized in a 1:1 ratio", "10:30") is no clause break
                or (ch in ":：" and text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit())
            )
        ):
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def clause_at(text: str, at: int) -> tuple[int, int]:
    """The span of the clause (``clauses_of``) that holds position ``at``."""
    return next((c for c in clauses_of(text) if c[0] <= at <= c[1]), (0, len(text)))


def _ends_with_mention(text: str, clause: tuple[int, int], mentions: list[TherapyMention]) -> bool:
    start, end = clause
    return any(
        start <= m.start and m.end <= end and not text[m.end : end].strip() for m in mentions
    )


def _merge_enumerations(
    text: str, clauses: list[tuple[int, int]], mentions: list[TherapyMention]
) -> list[tuple[int, int]]:
    """A clause that is only a therapy name ("Creatine, coenzyme Q10 and …") belongs to the next one."""
    merged: list[tuple[int, int]] = []
    pending_start: int | None = None
    for start, end in clauses:
        rest = text[start:end]
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        for m in sorted(inside, key=lambda m: m.start, reverse=True):
            rest = rest[: m.start - start] + rest[m.end - start :]
        if inside and _continues_list(text, (start, end), inside, merged, mentions):
            # "tested masitinib, ropinirole and tideglusib in 240 …": the list's tail goes on.
            merged[-1] = (merged[-1][0], end)
            continue
        if inside and (
            patterns.ENUMERATION_GLUE.match(rest)
            or (("'" in rest or "’" in rest) and patterns.OWNED_ITEM.match(rest))
        ):
            if pending_start is None and merged and _ends_with_mention(text, merged[-1], mentions):
                # "tested zilucoplan, verdiperstat, …": the list began in the clause before.
                pending_start = merged.pop()[0]
            pending_start = start if pending_start is None else pending_start
            continue
        merged.append((pending_start if pending_start is not None else start, end))
        pending_start = None
    if pending_start is not None:
        merged.append((pending_start, clauses[-1][1]))
    return merged


def _continues_list(
    text: str,
    clause: tuple[int, int],
    inside: list[TherapyMention],
    merged: list[tuple[int, int]],
    mentions: list[TherapyMention],
) -> bool:
    """``clause`` opens with the last names of a list the clause before began ("…, B and C in 240")."""
    start, _ = clause
    if not merged or not _ends_with_mention(text, merged[-1], mentions):
        return False
    first, *others = sorted(inside, key=lambda m: m.start)
    if text[start : first.start].strip():
        return False
    if not others:
        # "randomised 1:1:1 to trazodone, memantine and placebo": arms ending in their placebo
        # arm (not "compared riluzole, X and placebo", "a run-in on riluzole, X or placebo")
        return bool(
            patterns.PLACEBO_LIST_END.fullmatch(text, first.end, clause[1])
            and patterns.ARMS_INTRO.search(text, max(0, merged[-1][1] - 60), merged[-1][1])
        )
    return bool(patterns.LIST_GLUE.match(text[first.end : others[0].start]))


def paren_groups(text: str) -> list[tuple[int, int]]:
    groups, stack = [], []
    for m in patterns.PARENTHESES.finditer(text):
        if m.group() in "(（":
            stack.append(m.start())
        elif stack:
            groups.append((stack.pop(), m.start() + 1))
    return groups


# Outcomes are predicates: their subject stands in the same clause or before it, never after.
BACKWARD_ONLY = ("outcome", "withdrawal", "approved")
# What the results showed, told in the clause after them: "…, revealing that", "显示".
_RESULTS_TOLD_AFTER = re.compile(
    r"[,，]\s*(?:showing|revealing|demonstrating|indicating|which (?:showed|revealed|demonstrated))"
    r"\s+that\b|[,，]\s*(?:结果)?(?:显示|表明)"
)
# ... what the therapy then did: "led to significant reductions", "reduced", "显著降低了" (not
# "does not interfere", "不会影响").
_AN_EFFECT_AFTER = re.compile(
    r"\s*(?:\([^()]{0,30}\)\s*)?(?:significantly\s+|显著|明显)?"
    r"(?:led to|resulted in|reduced|lowered|decreased|improved|slowed|increased|extended|prolonged|"
    r"降低|减少|改善|延缓|减缓|延长|提高)"
)
# A clause that ends on a therapy's kind, its name set off right after: "the agent, xaliproden".
_SET_OFF_AFTER = re.compile(r"\s*[,，]")  # "… the agent, xaliproden, for ALS"
_APPOSED_AFTER_KIND = re.compile(
    r"\b(?:agent|drug|compound|candidate|therapy|treatment|medicine|product|oligonucleotide|"
    r"inhibitor|antibody|molecule)\s*[,，]\s*$"
)


SINGLE_VALUED = ("phase", "enrollment")


def _only_a_time(view: str, clause: tuple[int, int], date: Attribute) -> bool:
    """The clause holds the date and nothing but connectives ("but in 2017", "而在2017年")."""
    rest = view[clause[0] : date.start] + view[date.end : clause[1]]
    return patterns.TIME_CLAUSE_REST.fullmatch(rest) is not None


# What joins a date to the next name of a coordination: "and", "while", "而", "和".
_NEXT_PART = re.compile(r"\s*[,，;；]?\s*(?:and|while|whereas|而|和|及|以及)?\s*")


def _dates_of_each(
    view: str,
    attributes: list[Attribute],
    mentions: list[TherapyMention],
    clauses: list[tuple[int, int]],
    clause_of,
) -> dict[int, list[TherapyMention]]:
    """Dates that belong to one name of several: a year glued to a name ("Rilutek (1995), Radicava
    (2017)", "riluzole, 1995; edaravone, 2017"), and, in a clause naming several therapies with a
    date after each ("Riluzole was approved in 1995 and Radicava in 2017"), the names since the date
    before. By id of the date attribute."""
    own: dict[int, list[TherapyMention]] = {}
    if sum(a.kind == "date" for a in attributes) < 2:
        return own
    dates = sorted(
        (a for a in attributes if a.kind == "date" and a.end > a.start), key=lambda a: a.start
    )
    if len(dates) < 2 or len({m.therapy for m in mentions}) < 2:
        return own
    for date in dates:
        glued = [
            m
            for m in mentions
            if m.end <= date.start
            and (g := patterns.OWN_YEAR_AFTER.match(view, m.end)) is not None
            and g.start() <= date.start < g.end()
        ]
        if glued:
            own[id(date)] = glued
    by_clause: dict[int, list[Attribute]] = {}
    for date in dates:
        if id(date) not in own:
            by_clause.setdefault(clause_of(date.start), []).append(date)
    for i, in_clause in by_clause.items():
        start, _ = clauses[i]
        segments = []
        for k, date in enumerate(in_clause):
            segment = [m for m in mentions if start <= m.start and m.end <= date.start]
            # each name opens its part: the clause's subject, then "… and Radicava in 2017"
            # (not a name passed on the way: "after the failure of BIIB078 started … in 2021")
            lead = view[start : segment[0].start] if segment else ""
            opens = (not lead.strip()) if k == 0 else bool(_NEXT_PART.fullmatch(lead))
            segments.append(segment if opens and len(segment) == 1 else [])
            start = date.end
        therapies = {m.therapy for segment in segments for m in segment}
        if len(in_clause) >= 2 and len(therapies) >= 2 and all(segments):
            own.update((id(d), segment) for d, segment in zip(in_clause, segments, strict=True))
    return own


def bind(
    attributes: list[Attribute], mentions: list[TherapyMention], view: str, table: bool = False
) -> dict[str, list[Attribute]]:
    """Attributes of each therapy: those of its clause, else of the nearest clause that names a therapy."""
    clauses = _merge_enumerations(view, clauses_of(view, table), mentions)

    def clause_of(position: int) -> int:
        for i, (start, end) in enumerate(clauses):
            if start <= position <= end:
                return i
        return len(clauses) - 1

    by_clause: dict[int, list[TherapyMention]] = {}
    for mention in mentions:
        by_clause.setdefault(clause_of(mention.start), []).append(mention)
    groups = paren_groups(view)
    own = _dates_of_each(view, attributes, mentions, clauses, clause_of)
    bound: dict[str, list[Attribute]] = {}
    # id(attribute) -> clauses from it forward to its therapy's (0: the same clause or after it)
    ahead_of: dict[int, int] = {}
    for attribute in attributes:
        targets: list[TherapyMention] = own.get(id(attribute), [])
        ahead = 0
        group = (
            None
            if targets
            else next((g for g in groups if g[0] < attribute.start and attribute.end <= g[1]), None)
        )
        if group is not None:
            inside = [m for m in mentions if group[0] <= m.start and m.end <= group[1]]
            before = [
                m for m in mentions if m.end <= group[0] and not view[m.end : group[0]].strip()
            ]
            targets = inside or before
        home = clause_of(attribute.start)
        if not targets:
            lead_in_end = clauses[home][1]
            if (
                attribute.kind == "phase"
                and home not in by_clause
                and view[lead_in_end : lead_in_end + 1] in (":", "：")
            ):
                # "three projects in phase 1: the oligo A, B and the inhibitor C": the lead-in's
                # phase is each listed therapy's (a date before a colon is a timeline's label).
                targets = [m for i, ms in sorted(by_clause.items()) if i > home for m in ms]
        if not targets:
            fronted = attribute.kind == "date" and _only_a_time(view, clauses[home], attribute)
            for distance in range(len(clauses)):
                if attribute.kind in BACKWARD_ONLY:
                    candidates: tuple[int, ...] = (home - distance,)
                elif fronted:
                    # "…, but in 2017, edaravone became…": a clause that is only a time is
                    # the adverbial of the clause after it.
                    candidates = (home + distance, home - distance)
                else:
                    candidates = (home - distance, home + distance)
                for candidate in candidates:
                    if candidate in by_clause:
                        targets = by_clause[candidate]
                        ahead = max(0, candidate - home)
                        break
                if targets:
                    break
            if not targets and attribute.kind == "outcome":
                # "Clene announced positive results, revealing that X reduced NfL": the results
                # are of the therapy the clause after them tells.
                after = [m for m in mentions if m.start >= attribute.end]
                told = after and _RESULTS_TOLD_AFTER.search(view, attribute.end, after[0].start)
                if (
                    told
                    and not view[told.end() : after[0].start].strip(" 了的")
                    and _AN_EFFECT_AFTER.match(view, after[0].end)
                ):
                    targets = [after[0]]
            if not targets and attribute.kind in BACKWARD_ONLY and home + 1 in by_clause:
                # "withdraw its application for … the neurotrophic agent, xaliproden, …": the
                # name set off after its kind is the object of the clause before it.
                named = by_clause[home + 1][0]
                if _APPOSED_AFTER_KIND.search(
                    view, clauses[home][0], named.start
                ) and _SET_OFF_AFTER.match(view, named.end):
                    targets = [named]
        ahead_of[id(attribute)] = ahead
        for mention in targets:
            bound.setdefault(mention.therapy, []).append(attribute)
    # What follows a therapy may describe several of its trials ("早前的第三期研究未能达到主要
    # 终点，公司计划再开展一项第3b期研究"); of phases and sizes in clauses before it, only the nearest
    # is its own ("six were in phase 1, 31 in phase 2, and 13 in phase 3, including A, B…": 3).
    for therapy, attrs in bound.items():
        for kind in SINGLE_VALUED:
            nearest = min((ahead_of[id(a)] for a in attrs if a.kind == kind), default=0)
            bound[therapy] = attrs = [
                a for a in attrs if a.kind != kind or ahead_of[id(a)] == nearest
            ]
    return bound
