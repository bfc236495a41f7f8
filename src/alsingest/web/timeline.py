"""Per therapy, its dated claims on a time axis: the geometry of a server-rendered SVG.

One lane per claim type; claims of the same type and date are one point. A point's
fill says the verification verdict, its ring the review state; a bar behind it spans
the date's precision (a year, a month or a day). Dates are the reviewed values.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from sqlite_utils import Database

from .. import queries, review
from ..claims import CLAIM_TYPES
from . import views
from .views import UNVERIFIED, Item

WIDTH = 960
LEFT = 120  # lane labels
RIGHT = 24
TOP = 16
LANE = 40
AXIS = 36

QUARTERS = {1: "Apr", 2: "Jul", 3: "Oct"}

VERDICT_COLOURS = {
    "supported": "#2e7d32",
    "partial": "#f9a825",
    "contradicted": "#c62828",
    "not_found": "#6a1b9a",
    "unavailable": "#9e9e9e",
    UNVERIFIED: "#78909c",
}
# Which verdict a point of several claims shows: the one that most needs a look.
VERDICT_RANK = ["contradicted", "not_found", "partial", "unavailable", "supported", UNVERIFIED]
STATE_RANK = [
    review.CHANGED,
    review.UNREVIEWED,
    review.CORRECTED,
    review.ACCEPTED,
    review.REJECTED,
]
# Ring of a point by review state: (stroke colour, stroke width, dash, fill opacity).
STATE_RINGS = {
    review.UNREVIEWED: ("#ffffff", 1.5, "", 0.9),
    review.ACCEPTED: ("#1b1b1b", 2.5, "", 1.0),
    review.CORRECTED: ("#1b1b1b", 2.5, "3 2", 1.0),
    review.REJECTED: ("#9e9e9e", 1.5, "2 2", 0.15),
    review.CHANGED: ("#ef6c00", 3.0, "", 1.0),
}


@dataclass
class Point:
    x: float
    y: float
    x_from: float  # the date's precision, as a bar
    x_to: float
    fill: str
    stroke: str
    stroke_width: float
    dash: str
    opacity: float
    count: int
    href: str
    title: str
    verdict: str
    state: str


@dataclass
class Chart:
    therapy: str
    height: int
    lanes: list[tuple[str, float]]
    ticks: list[tuple[float, str, bool]]  # x, label, major
    points: list[Point] = field(default_factory=list)
    undated: int = 0
    dated: int = 0


def date_range(iso: str) -> tuple[float, float] | None:
    """'2025' → the whole year, '2025-06' → June, '2025-06-10' → that day, as fractional years."""
    try:
        parts = [int(p) for p in iso.split("-")]
    except (AttributeError, ValueError):
        return None
    year = parts[0]
    if len(parts) == 1:
        return float(year), year + 1.0
    month = parts[1]
    if not 1 <= month <= 12:
        return None
    if len(parts) == 2:
        return year + (month - 1) / 12, year + month / 12
    days = calendar.monthrange(year, month)[1]
    day = min(max(parts[2], 1), days)
    start = year + (month - 1) / 12 + (day - 1) / days / 12
    return start, start + 1 / days / 12


# Therapies drawn on one page of the timeline when none is asked for (most dated claims first).
CHARTS_PAGE = 5


def therapies_by_dated_claims(db: Database, decided: list[Item]) -> list[tuple[str, int]]:
    """Therapies with dated claims and how many, most first: the corpus's kept counts
    (``views.corpus_counts``) with decided claims at their reviewed values."""
    dated = Counter(views.corpus_counts(db)["dated"])
    for item in decided:
        if item.claim["date"]:
            dated[item.claim["therapy"]] -= 1
        if item.values["date"]:
            dated[item.values["therapy"]] += 1
    return sorted(((t, n) for t, n in dated.items() if n > 0), key=lambda tn: (-tn[1], tn[0]))


def page_of_charts(
    db: Database, therapy: str | None = None, page: int = 1
) -> tuple[list[Chart], list[str], int, int]:
    """The charts of one page (``therapy``'s alone when asked for), every therapy with dated
    claims (for the chooser), the page and how many pages there are.

    Each chart reads its therapy's claims grouped by type and date in SQL; only decided
    claims (few) are read one by one, at their reviewed values."""
    decided, _ = views.decided_items(db)
    ranked = therapies_by_dated_claims(db, decided)
    names = [name for name, _ in ranked]
    pages = 1 if therapy else max(1, -(-len(names) // CHARTS_PAGE))
    page = min(max(1, page), pages)
    shown = [therapy] if therapy else names[(page - 1) * CHARTS_PAGE : page * CHARTS_PAGE]
    charts = []
    machine = [item.claim for item in decided]
    for name in shown:
        groups, undated = queries.timeline_groups(db, name, machine)
        mine = [i for i in decided if i.values["therapy"] == name]
        charts.append(chart(name, merge_groups(groups, mine), undated))
    charts = [c for c in charts if therapy or c.dated]
    return sorted(charts, key=lambda c: (-c.dated, c.therapy)), names, page, pages


def merge_groups(groups: list[dict], decided: list[Item]) -> list[dict]:
    """SQL's groups of undecided claims plus the decided claims, at their reviewed type and
    date; a group's states are unreviewed unless a decided claim joined it."""
    merged = {
        (g["type"], g["date"]): {**g, "states": {review.UNREVIEWED}, "verdicts": set(g["verdicts"])}
        for g in groups
    }
    for item in sorted(decided, key=lambda i: (i.claim["article"], i.claim["start"])):
        if not item.values["date"]:
            continue
        key = (item.values["type"], item.values["date"])
        group = merged.setdefault(
            key,
            {"type": key[0], "date": key[1], "count": 0, "verdicts": set(), "states": set(),
             "sample": []},
        )  # fmt: skip
        group["count"] += 1
        group["verdicts"].add(item.verdict)
        group["states"].add(item.state)
        group["claim_id"] = item.claim_id
        if len(group["sample"]) < 5:
            group["sample"].append((item.claim["article"], item.claim["quote"]))
    return list(merged.values())


def charts(items: list[Item], therapy: str | None = None) -> list[Chart]:
    """Charts of every therapy of ``items`` (``therapy``'s alone when given): for tools and
    tests over a list of claims; the page reads its groups with :func:`page_of_charts`."""
    by_therapy: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_therapy[item.values["therapy"]].append(item)
    names = [therapy] if therapy else list(by_therapy)
    result = []
    for name in names:
        members = by_therapy.get(name, [])
        undated = sum(1 for i in members if not (i.values["date"] and date_range(i.values["date"])))
        result.append(chart(name, merge_groups([], members), undated))
    result = [c for c in result if therapy or c.dated]
    return sorted(result, key=lambda c: (-c.dated, c.therapy))


def chart(therapy: str, groups: list[dict], undated: int = 0) -> Chart:
    """One therapy's chart from its groups (``merge_groups``: claims of one type and date)."""
    drawn = {}
    for group in groups:
        if date_range(group["date"]):
            drawn[(group["type"], group["date"])] = group
        else:
            undated += group["count"]
    lanes = sorted({t for t, _ in drawn}, key=_type_order)
    height = TOP + LANE * max(1, len(lanes)) + AXIS
    lane_y = {t: TOP + LANE * i + LANE / 2 for i, t in enumerate(lanes)}
    spans = [date_range(d) for _, d in drawn]
    low = min((s[0] for s in spans), default=2020.0)
    high = max((s[1] for s in spans), default=2021.0)
    first, last = int(low), int(high) + (0 if high == int(high) else 1)
    last = max(last, first + 1)
    scale = (WIDTH - LEFT - RIGHT) / (last - first)

    def x(year: float) -> float:
        return round(LEFT + (year - first) * scale, 1)

    step = next(s for s in (1, 2, 5, 10, 20, 50) if (last - first) / s <= 12)
    ticks = [(x(y), str(y), True) for y in range(first, last + 1) if y % step == 0 or y == first]
    if last - first <= 3:  # a short span: quarters too
        ticks += [(x(y + q / 4), QUARTERS[q], False) for y in range(first, last) for q in (1, 2, 3)]
    points = []
    for (claim_type, date), group in sorted(drawn.items(), key=lambda g: (g[0][1], g[0][0])):
        start, end = date_range(date)
        verdict = min(group["verdicts"], key=_rank(VERDICT_RANK))
        state = min(group["states"], key=_rank(STATE_RANK))
        stroke, width, dash, opacity = STATE_RINGS.get(state, STATE_RINGS[review.UNREVIEWED])
        count = group["count"]
        if count == 1:
            href = f"/claims/{group['claim_id']}"
        else:
            href = "/?" + urlencode({"therapy": therapy, "type": claim_type, "date": date})
        title = f"{date} {claim_type} · {verdict} · {state} · " + " | ".join(
            f"{article}: {quote}" for article, quote in group["sample"][:5]
        )
        points.append(
            Point(
                x=x((start + end) / 2),
                y=lane_y[claim_type],
                x_from=x(start),
                x_to=x(end),
                fill=VERDICT_COLOURS.get(verdict, VERDICT_COLOURS[UNVERIFIED]),
                stroke=stroke,
                stroke_width=width,
                dash=dash,
                opacity=opacity,
                count=count,
                href=href,
                title=title if count <= 5 else title + f" | … {count - 5} more",
                verdict=verdict,
                state=state,
            )
        )
    return Chart(
        therapy=therapy,
        height=height,
        lanes=[(t, lane_y[t]) for t in lanes],
        ticks=ticks,
        points=points,
        undated=undated,
        dated=sum(g["count"] for g in drawn.values()),
    )


def _type_order(claim_type: str) -> tuple[int, str]:
    order = list(CLAIM_TYPES)
    return (order.index(claim_type) if claim_type in order else len(order), claim_type)


def _rank(order: list[str]):
    return lambda value: order.index(value) if value in order else len(order)
