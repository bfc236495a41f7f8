"""Assembly: claims from different articles about the same event become one fact.

Kept apart from extraction: the raw claims stay as they were extracted; facts
are derived from them on every run. Two claims are the same fact when they name
the same therapy and type and their dates agree at the coarser of the two
precisions ("2025-04" and "2025-04-10"); undated claims are grouped by therapy,
type, phase and enrollment.

Contradictions are flagged for review:

- the same therapy and event, in the same jurisdiction, on incompatible dates;
- opposite primary-endpoint outcomes (met vs missed) for the same trial;
- one alias listed for two different therapies in the lexicon.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .lexicon import Lexicon

logger = logging.getLogger(__name__)

# Events that happen once per therapy and jurisdiction: two dates for one is a contradiction.
ONE_TIME_EVENTS = frozenset({"approval", "launch", "submission", "withdrawal", "dosing"})

# ASCII names take lookarounds, not \b: in "FDA批准" there is no word boundary after "FDA".
JURISDICTIONS = {
    "us": re.compile(r"(?<![a-z])(fda|u\.s\.|us)(?![a-z])|美国|美國|united states", re.IGNORECASE),
    "cn": re.compile(
        r"(?<![a-z])(nmpa|cde)(?![a-z])|国家药监局|國家藥監局|国家药品监督管理局|中国|中國|china",
        re.IGNORECASE,
    ),
    "eu": re.compile(r"(?<![a-z])(ema|eu)(?![a-z])|欧盟|歐盟|欧洲|歐洲|european", re.IGNORECASE),
    "jp": re.compile(r"(?<![a-z])pmda(?![a-z])|日本|厚生劳动省|厚生勞動省|japan", re.IGNORECASE),
    "kr": re.compile(r"(?<![a-z])mfds(?![a-z])|韩国|韓國|korea", re.IGNORECASE),
    "tw": re.compile(r"(?<![a-z])tfda(?![a-z])|台湾|台灣|臺灣|食药署|食藥署|taiwan", re.IGNORECASE),
    "ca": re.compile(r"加拿大|canada", re.IGNORECASE),
}


@dataclass(frozen=True)
class Fact:
    fact_id: str
    therapy: str
    type: str
    date: str | None  # the coarsest date of its mentions
    phase: str | None
    enrollment: int | None
    mentions: tuple[Mapping, ...]  # claim rows

    @property
    def articles(self) -> list[str]:
        return sorted({m["article"] for m in self.mentions})

    @property
    def verdicts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in self.mentions:
            verdict = m.get("verdict") or "unverified"
            counts[verdict] = counts.get(verdict, 0) + 1
        return counts


@dataclass(frozen=True)
class Conflict:
    conflict_id: str
    kind: str  # date | outcome | alias
    therapy: str | None
    detail: str
    claim_ids: tuple[str, ...]


def compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _digest(*parts: object) -> str:
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()[:16]


def joined_cluster(date: str, lasts: Iterable[str]) -> int | None:
    """Which cluster a date joins, given the last (shortest) date of each so far: the one
    with the earliest last date it agrees with (None: it starts a cluster).

    Every member must agree: a bare "2025" does not bridge "2025-04" and "2025-06". Dates
    come longest first, so a cluster's members are a chain of prefixes and its last date is
    a prefix of all: agreeing with it is agreeing with every member (one comparison, not one
    per member). Where a date agrees with several ("2025" with "2025-04" and "2025-06"), the
    earliest date wins, so that the facts depend on the dates alone, not on which article
    came first (a page of facts is made from the dates of a therapy, ``fact_dates``)."""
    agreeing = [(last, k) for k, last in enumerate(lasts) if compatible(date, last)]
    return min(agreeing)[1] if agreeing else None


def fact_dates(dates: Iterable[str]) -> list[list[str]]:
    """The distinct dates of one therapy and type as ``assemble`` clusters their claims:
    one list per fact, longest date first. A date starts a fact when no longer date extends
    it (and joins one otherwise), so a therapy and type have as many dated facts as dates
    that no other of theirs extends."""
    clusters: list[list[str]] = []
    for date in sorted(set(dates), key=lambda d: (-len(d), d)):
        home = joined_cluster(date, (c[-1] for c in clusters))
        if home is None:
            clusters.append([date])
        else:
            clusters[home].append(date)
    return clusters


def assemble(claims: Iterable[Mapping]) -> list[Fact]:
    """Facts from claim rows (``export claims``), most precise dates first within a group."""
    groups: dict[tuple, list[list[Mapping]]] = {}
    for claim in sorted(
        claims, key=lambda c: (-(len(c["date"]) if c.get("date") else 0), c["article"], c["start"])
    ):
        if claim.get("date"):
            clusters = groups.setdefault((claim["therapy"], claim["type"], "dated"), [])
            home = joined_cluster(claim["date"], (c[-1]["date"] for c in clusters))
            home = clusters[home] if home is not None else None
        else:
            key = (claim["therapy"], claim["type"], claim.get("phase"), claim.get("enrollment"))
            clusters = groups.setdefault(key, [])
            home = clusters[0] if clusters else None
        if home is None:
            clusters.append([claim])
        else:
            home.append(claim)
    facts = []
    for key, clusters in groups.items():
        for members in clusters:
            dates = [m["date"] for m in members if m.get("date")]
            date = min(dates, key=len) if dates else None
            phase = next((m["phase"] for m in members if m.get("phase")), None)
            enrollment = next((m["enrollment"] for m in members if m.get("enrollment")), None)
            fact_id_ = fact_id(key[0], key[1], date, phase, enrollment)
            facts.append(Fact(fact_id_, key[0], key[1], date, phase, enrollment, tuple(members)))
    facts.sort(key=fact_order)
    return facts


def fact_order(fact: Fact) -> tuple:
    """Facts by therapy, date and type; undated ones of a type by phase and size."""
    return (
        fact.therapy,
        fact.date or "9999",
        fact.type,
        fact.phase or "" if not fact.date else "",
        -1 if fact.date or fact.enrollment is None else fact.enrollment,
    )


def fact_id(
    therapy: str, claim_type: str, date: str | None, phase: str | None, enrollment: int | None
) -> str:
    """A fact's stable id: its therapy, type and date; an undated one's phase and size."""
    return _digest(
        therapy, claim_type, date, phase if not date else "", enrollment if not date else ""
    )


def jurisdictions(quote: str) -> frozenset[str]:
    return frozenset(name for name, regex in JURISDICTIONS.items() if regex.search(quote))


def find_conflicts(facts: list[Fact], lexicon: Lexicon | None = None) -> list[Conflict]:
    """Contradictions between facts, between outcomes, and in the lexicon."""
    return [
        *date_conflicts(facts),
        *outcome_conflicts(m for f in facts for m in f.mentions),
        *alias_conflicts(lexicon),
    ]


# Only facts like these can contradict each other on their dates.
def may_conflict_on_date(fact_type: str, date: str | None) -> bool:
    return bool(date) and len(date) >= 7 and fact_type in ONE_TIME_EVENTS


def date_conflicts(facts: list[Fact]) -> list[Conflict]:
    """One event of one therapy in one jurisdiction on incompatible dates (``facts`` in
    ``assemble``'s order; those of other kinds are passed over)."""
    found: list[Conflict] = []
    dated = [f for f in facts if may_conflict_on_date(f.type, f.date)]
    # What each fact reports (plans move; only what happened can contradict), and where.
    reported = {id(f): [m for m in f.mentions if m.get("status") != "planned"] for f in dated}
    places = {
        id(f): frozenset().union(*(jurisdictions(m["quote"]) for m in reported[id(f)]))
        for f in dated
    }
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if (a.therapy, a.type) != (b.therapy, b.type) or compatible(a.date, b.date):
                continue
            if not reported[id(a)] or not reported[id(b)]:
                continue
            places_a, places_b = places[id(a)], places[id(b)]
            if places_a and places_b and not places_a & places_b:
                continue  # approved in Japan in 2015 and in the US in 2017 is no contradiction
            ids = tuple(sorted({m["claim_id"] for m in reported[id(a)] + reported[id(b)]}))
            detail = (
                f"{a.therapy} {a.type}: {a.date} ({named(a.articles)}) "
                f"vs {b.date} ({named(b.articles)})"
            )
            found.append(Conflict(_digest("date", *ids), "date", a.therapy, detail, ids))
    return found


# Articles named in a contradiction's detail; the others are counted (a contradiction between
# two facts of 20,000 articles each is a line, not a page).
DETAIL_ARTICLES = 5


def named(articles: list[str], total: int | None = None) -> str:
    """``articles`` (sorted; their first five suffice when ``total`` counts them all)."""
    more = (len(articles) if total is None else total) - DETAIL_ARTICLES
    return ", ".join(articles[:DETAIL_ARTICLES]) + (f" and {more} more" if more > 0 else "")


PRIMARY_OUTCOMES = ("met_primary", "missed_primary")


def outcome_conflicts(claims: Iterable[Mapping]) -> list[Conflict]:
    """Claims of one therapy's trial with the primary endpoint met and missed: a met and a
    missed claim contradict unless both give a phase and the phases differ. Every claim with
    a contradicting partner is involved; found in one pass (by phase), not pair by pair."""
    found: list[Conflict] = []
    by_therapy: dict[str, list[Mapping]] = {}
    for claim in claims:
        if claim.get("outcome") in PRIMARY_OUTCOMES:
            by_therapy.setdefault(claim["therapy"], []).append(claim)
    for therapy, group in sorted(by_therapy.items()):
        partnered = outcomes_with_partner({(c["outcome"], c.get("phase") or "") for c in group})
        involved = [c for c in group if (c["outcome"], c.get("phase") or "") in partnered]
        if involved:
            articles = sorted({c["article"] for c in involved})
            found.append(outcome_conflict(therapy, {c["claim_id"] for c in involved}, articles))
    return found


def outcomes_with_partner(kinds: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Of one therapy's kinds of primary-outcome claims, (outcome, phase or ""), those whose
    claims a claim of the other outcome contradicts: a claim with no phase contradicts every
    claim of the other outcome, one with a phase those of its phase or of none."""
    kinds = set(kinds)
    # Per outcome: whether some claim gives no phase, and the phases given.
    unphased = {outcome for outcome, phase in kinds if not phase}
    phases = {
        o: {phase for outcome, phase in kinds if outcome == o and phase} for o in PRIMARY_OUTCOMES
    }
    partnered = set()
    for outcome, phase in kinds:
        other = PRIMARY_OUTCOMES[1 - PRIMARY_OUTCOMES.index(outcome)]
        if other in unphased or (phases[other] if not phase else phase in phases[other]):
            partnered.add((outcome, phase))
    return partnered


def outcome_conflict(
    therapy: str, claim_ids: Iterable[str], articles: list[str], article_count: int | None = None
) -> Conflict:
    """The outcome contradiction of ``therapy``'s claims ``claim_ids``, in ``articles`` (sorted;
    the first five suffice with ``article_count``)."""
    ids = tuple(sorted(set(claim_ids)))
    detail = f"{therapy}: primary endpoint met and missed ({named(articles, article_count)})"
    return Conflict(_digest("outcome", *ids), "outcome", therapy, detail, ids)


def alias_conflicts(lexicon: Lexicon | None) -> list[Conflict]:
    """An alias the lexicon lists for two therapies."""
    if lexicon is None:
        return []
    return [
        Conflict(
            _digest("alias", alias, first, second),
            "alias",
            None,
            f"alias {alias!r} is listed for {first} and {second}",
            (),
        )
        for alias, first, second in lexicon.alias_conflicts
    ]


def fact_row(fact: Fact) -> dict:
    """A fact as one row of plain values (``alsingest facts --format json``)."""
    return {
        "fact_id": fact.fact_id,
        "therapy": fact.therapy,
        "type": fact.type,
        "date": fact.date,
        "phase": fact.phase,
        "enrollment": fact.enrollment,
        "articles": fact.articles,
        "verdicts": dict(sorted(fact.verdicts.items())),
        "claim_ids": [m["claim_id"] for m in fact.mentions],
    }
