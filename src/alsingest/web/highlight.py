"""Spans of a claim's sentence worth a highlight: its therapy, dates, phases and numbers.

Found on the folded simplified sentence (same length as the original), returned as
segments of the original text, so that what is shown is exactly what the article says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import patterns
from ..dates import find_dates
from ..lexicon import Lexicon
from ..normalize import fold

THERAPY = "therapy"
DATE = "date"
PHASE = "phase"
NUMBER = "number"
MARKER = "marker"

# Not the digits of a name ("SOD1", "BIIB067"): those are letters and digits together.
NUMBER_PATTERN = re.compile(r"(?<![a-z\d.])\d+(?:[.,]\d+)*(?:\s*[%％])?(?![a-z\d])")
PHASE_PATTERNS = (patterns.CN_PHASE, patterns.CN_ORDINAL_PHASE, patterns.EN_PHASE)


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str | None  # therapy | date | phase | number | marker | None
    quoted: bool  # inside the claim's quote


def highlight_spans(
    simplified: str, therapy: str, lexicon: Lexicon | None, date_text: str | None = None
) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, kind)`` spans, the earlier kinds winning overlaps."""
    folded = fold(simplified)
    candidates: list[tuple[int, int, str]] = []
    mentions = [m for m in lexicon.find(folded) if m.therapy == therapy] if lexicon else []
    candidates += [(m.start, m.end, THERAPY) for m in mentions]
    if not mentions and therapy:
        # Unlisted names (code names, INN stems) are not in the lexicon: look for the id itself.
        name = re.escape(fold(therapy)).replace(r"\-", r"[\s\-‐–]?")
        candidates += [(m.start(), m.end(), THERAPY) for m in re.finditer(name, folded)]
    candidates += [(m.start(), m.end(), MARKER) for m in patterns.CITATION_MARKER.finditer(folded)]
    if date_text:
        target = fold(date_text)
        candidates += [
            (m.start(), m.end(), DATE) for m in re.finditer(re.escape(target), folded) if target
        ]
    dates, _ = find_dates(folded)
    candidates += [(d.start, d.end, DATE) for d in dates]
    for pattern in PHASE_PATTERNS:
        candidates += [(m.start(), m.end(), PHASE) for m in pattern.finditer(folded)]
    candidates += [(m.start(), m.end(), NUMBER) for m in NUMBER_PATTERN.finditer(folded)]
    taken: list[tuple[int, int, str]] = []
    for start, end, kind in candidates:
        if start < end and not any(s < end and start < e for s, e, _ in taken):
            taken.append((start, end, kind))
    return sorted(taken)


def segments(
    text: str, spans: list[tuple[int, int, str]], quote: tuple[int, int] | None = None
) -> list[Segment]:
    """``text`` cut at span and quote boundaries, each piece with its kind and quote flag."""
    cuts = {0, len(text)}
    for start, end, _ in spans:
        cuts.update((start, end))
    if quote:
        cuts.update(max(0, min(len(text), q)) for q in quote)
    kinds = {}
    for start, end, kind in spans:
        kinds[start] = (end, kind)
    result = []
    points = sorted(cuts)
    for start, end in zip(points, points[1:], strict=False):
        kind = next((k for s, (e, k) in kinds.items() if s <= start and end <= e), None)
        quoted = bool(quote) and quote[0] <= start and end <= quote[1]
        result.append(Segment(text[start:end], kind, quoted))
    return result
