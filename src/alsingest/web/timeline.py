"""Per therapy, its dated claims on a time axis: the geometry of a server-rendered SVG.

One lane per claim type; claims of the same type and date are one point. A point's
fill says the verification verdict, its ring the review state; a bar behind it spans
the date's precision (a year, a month or a day). Dates are the reviewed values.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from .. import review
from ..claims import CLAIM_TYPES
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


def charts(items: list[Item], therapy: str | None = None) -> list[Chart]:
    by_therapy: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_therapy[item.values["therapy"]].append(item)
    names = [therapy] if therapy else list(by_therapy)
    result = [chart(name, by_therapy.get(name, [])) for name in names]
    result = [c for c in result if therapy or c.dated]
    return sorted(result, key=lambda c: (-c.dated, c.therapy))


def chart(therapy: str, items: list[Item]) -> Chart:
    groups: dict[tuple[str, str], list[Item]] = defaultdict(list)
    undated = 0
    for item in items:
        date = item.values["date"]
        if date and date_range(date):
            groups[(item.values["type"], date)].append(item)
        else:
            undated += 1
    lanes = sorted({t for t, _ in groups}, key=_type_order)
    height = TOP + LANE * max(1, len(lanes)) + AXIS
    lane_y = {t: TOP + LANE * i + LANE / 2 for i, t in enumerate(lanes)}
    spans = [date_range(d) for _, d in groups]
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
    for (claim_type, date), members in sorted(groups.items(), key=lambda g: (g[0][1], g[0][0])):
        start, end = date_range(date)
        verdict = min((m.verdict for m in members), key=_rank(VERDICT_RANK))
        state = min((m.state for m in members), key=_rank(STATE_RANK))
        stroke, width, dash, opacity = STATE_RINGS.get(state, STATE_RINGS[review.UNREVIEWED])
        if len(members) == 1:
            href = f"/claims/{members[0].claim_id}"
        else:
            href = "/?" + urlencode({"therapy": therapy, "type": claim_type, "date": date})
        title = f"{date} {claim_type} · {verdict} · {state} · " + " | ".join(
            f"{m.claim['article']}: {m.claim['quote']}" for m in members[:5]
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
                count=len(members),
                href=href,
                title=title if len(members) <= 5 else title + f" | … {len(members) - 5} more",
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
        dated=sum(len(m) for m in groups.values()),
    )


def _type_order(claim_type: str) -> tuple[int, str]:
    order = list(CLAIM_TYPES)
    return (order.index(claim_type) if claim_type in order else len(order), claim_type)


def _rank(order: list[str]):
    return lambda value: order.index(value) if value in order else len(order)
