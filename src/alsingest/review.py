"""Human review of extracted claims: decisions, corrections, and what they change.

A decision is accept, reject or correct (accept with some fields set by hand). Each
is stored as a new row keyed on the stable claim id, with a snapshot of the claim's
machine values at that moment; nothing is overwritten, and the claims table (the
machine output) is never touched. The latest decision of a claim is the one that
counts. When a re-run changes a decided claim's values, the claim is "changed since
review": its current values differ from the snapshot stored with the decision.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date

from sqlite_utils import Database

from . import store
from .claims import CLAIM_TYPES, normalize_phase
from .lexicon import Lexicon
from .records import CLAIM_VALUES

logger = logging.getLogger(__name__)

ACCEPTED = "accepted"
REJECTED = "rejected"
CORRECTED = "corrected"
UNREVIEWED = "unreviewed"
CHANGED = "changed"  # decided, but the claim's values changed since
REVIEW_STATES = (UNREVIEWED, CHANGED, ACCEPTED, CORRECTED, REJECTED)

# What the reviewer does (form and keyboard) -> what is stored.
ACTIONS = {"accept": ACCEPTED, "reject": REJECTED, "correct": CORRECTED}

EDITABLE = ("therapy", "type", "date", "phase", "enrollment", "refs")
# The machine values a decision is taken on; a later difference in any of them flags the claim.
SNAPSHOT_FIELDS = CLAIM_VALUES
NOTE_MAX = 2000
REVIEWER_MAX = 100

ISO_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
REF_SEPARATORS = re.compile(r"[\s,，、;；]+")


class ReviewError(ValueError):
    """A decision that cannot be stored as given (the message says why)."""


def snapshot(claim: Mapping) -> dict:
    """The claim's machine values as recorded with a decision (plus the versions, for the record)."""
    values = {key: claim.get(key) for key in SNAPSHOT_FIELDS}
    values["article_version"] = claim.get("article_version")
    values["extractor_version"] = claim.get("extractor_version")
    return values


def changed_fields(claim: Mapping, decision: Mapping | None) -> list[str]:
    """Fields whose current machine value differs from the one the decision was taken on."""
    if not decision:
        return []
    recorded = decision["snapshot"]
    return [key for key in SNAPSHOT_FIELDS if key in recorded and recorded[key] != claim.get(key)]


def review_state(claim: Mapping, decision: Mapping | None) -> str:
    if not decision:
        return UNREVIEWED
    if changed_fields(claim, decision):
        return CHANGED
    return decision["decision"]


def parse_corrections(
    form: Mapping[str, str],
    claim: Mapping,
    lexicon: Lexicon | None = None,
    reference_numbers: Iterable[int] | None = None,
) -> dict:
    """The fields of ``form`` whose value differs from the claim's, parsed and checked.

    Empty means "none" (no date, no phase …). Raises ReviewError naming the first bad field.
    """
    corrections: dict = {}
    for key in EDITABLE:
        if key not in form:
            continue
        value = _parse_field(key, (form[key] or "").strip(), lexicon, reference_numbers)
        if value != claim.get(key):
            corrections[key] = value
    return corrections


def _parse_field(key: str, raw: str, lexicon: Lexicon | None, reference_numbers) -> object:
    if key == "therapy":
        if not raw:
            raise ReviewError("therapy: a claim needs a therapy (reject it instead)")
        return (lexicon.canonical(raw) if lexicon else None) or raw.lower()
    if key == "type":
        if raw not in CLAIM_TYPES:
            raise ReviewError(f"type: {raw!r} is not one of {', '.join(CLAIM_TYPES)}")
        return raw
    if key == "date":
        return parse_date(raw) if raw else None
    if key == "phase":
        if not raw:
            return None
        phase = normalize_phase(raw)
        if phase is None:
            raise ReviewError(f"phase: {raw!r} is not a phase (1, 2, 3, 1/2a, 3b, III …)")
        return phase
    if key == "enrollment":
        if not raw:
            return None
        digits = raw.replace(",", "").replace(" ", "")
        if not digits.isdigit():
            raise ReviewError(f"enrollment: {raw!r} is not a whole number")
        return int(digits)
    if key == "refs":
        refs = []
        for part in filter(None, REF_SEPARATORS.split(raw)):
            if not part.isdigit() or int(part) < 1:
                raise ReviewError(f"refs: {part!r} is not a reference number")
            refs.append(int(part))
        known = set(reference_numbers) if reference_numbers is not None else None
        unknown = [n for n in refs if known is not None and n not in known]
        if unknown:
            raise ReviewError(f"refs: the article has no reference {', '.join(map(str, unknown))}")
        return sorted(set(refs))
    raise ReviewError(f"{key}: not a field a reviewer can correct")


def parse_date(raw: str) -> str:
    """'2025', '2025-06' or '2025-06-10', checked to be a real date."""
    m = ISO_DATE.fullmatch(raw)
    if m is None:
        raise ReviewError(f"date: {raw!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        date(int(m["year"]), int(m["month"] or 1), int(m["day"] or 1))
    except ValueError:
        raise ReviewError(f"date: {raw!r} is not a real date") from None
    return raw


def decide(
    db: Database,
    claim: Mapping,
    action: str,
    *,
    fields: Mapping[str, str] | None = None,
    note: str | None = None,
    reviewer: str | None = None,
    lexicon: Lexicon | None = None,
    reference_numbers: Iterable[int] | None = None,
) -> int:
    """Store the reviewer's decision on ``claim`` (an ``export_claims`` row); returns its id.

    Accepting a claim whose latest decision corrected it accepts the corrected values
    (what the reviewer sees); a correction that changes nothing is an acceptance.
    """
    if action not in ACTIONS:
        raise ReviewError(f"unknown decision {action!r}: accept, reject or correct")
    decision = ACTIONS[action]
    corrections: dict = {}
    if decision == CORRECTED:
        corrections = parse_corrections(fields or {}, claim, lexicon, reference_numbers)
    elif decision == ACCEPTED:
        history = store.read_decisions(db, claim["claim_id"])
        if history and history[-1]["decision"] == CORRECTED:
            corrections = {
                key: value
                for key, value in history[-1]["corrections"].items()
                if value != claim.get(key)
            }
    if decision != REJECTED:
        decision = CORRECTED if corrections else ACCEPTED
    note = (note or "").strip()[:NOTE_MAX]
    reviewer = " ".join((reviewer or "").split())[:REVIEWER_MAX]
    decision_id = store.write_decision(
        db,
        claim["claim_id"],
        claim["article"],
        decision,
        corrections,
        note,
        reviewer,
        snapshot(claim),
    )
    logger.info("claim %s %s by %s", claim["claim_id"], decision, reviewer or "anonymous")
    return decision_id


def apply_decision(
    claim: Mapping, decision: Mapping | None, ref_urls: Mapping[int, str] | None = None
) -> dict:
    """The claim with the decision's corrections applied (a copy; the claim is left as it is).

    ``ref_urls`` (reference number -> URL in the claim's article) gives corrected refs their URLs.
    """
    values = dict(claim)
    corrections = (decision or {}).get("corrections") or {}
    values.update(corrections)
    if "refs" in corrections and ref_urls is not None:
        values["ref_urls"] = [ref_urls[n] for n in values["refs"] if ref_urls.get(n)]
    return values


def reviewed_claims(
    rows: Iterable[dict],
    latest: Mapping[str, dict],
    ref_urls: Mapping[str, Mapping[int, str]] | None = None,
) -> Iterator[dict]:
    """Claims whose latest decision accepts them (as is or corrected), corrections applied.

    ``ref_urls`` maps article -> reference number -> URL. Each row gains the review columns.
    """
    for claim in rows:
        decision = latest.get(claim["claim_id"])
        if not decision or decision["decision"] == REJECTED:
            continue
        values = apply_decision(claim, decision, (ref_urls or {}).get(claim["article"]))
        values["review"] = decision["decision"]
        values["corrected"] = sorted(decision["corrections"])
        values["reviewer"] = decision["reviewer"]
        values["reviewed_at"] = decision["decided_at"]
        values["review_note"] = decision["note"]
        values["changed_since_review"] = bool(changed_fields(claim, decision))
        yield values


# --- a decision follows its claim to the claim's successor ------------------------------


def successors(
    old_sentences: Sequence[str],
    new_sentences: Sequence[str],
    old_claims: Iterable[Mapping],
    new_claims: Iterable[Mapping],
) -> dict[str, str]:
    """Old claim id -> the new claim that is the same claim after an edit.

    A claim that did not come through (its id is gone) has a successor when the new
    version holds, at the same place, a new claim of the same therapy and type: the
    sentences are aligned (difflib), and the old claim's sentence must stand at the same
    position of a changed (or unchanged) run of sentences as the new claim's. Each new
    claim succeeds one old claim at most.
    """
    old_claims, new_claims = list(old_claims), list(new_claims)
    kept = {c["claim_id"] for c in old_claims} & {c["claim_id"] for c in new_claims}
    place = _aligned_sentences(old_sentences, new_sentences)
    waiting: dict[tuple, list[str]] = {}
    for claim in new_claims:
        if claim["claim_id"] not in kept:
            key = (claim["sentence"], claim["therapy"], claim["type"])
            waiting.setdefault(key, []).append(claim["claim_id"])
    found: dict[str, str] = {}
    for claim in old_claims:
        if claim["claim_id"] in kept or claim["sentence"] not in place:
            continue
        candidates = waiting.get((place[claim["sentence"]], claim["therapy"], claim["type"]))
        if candidates:
            found[claim["claim_id"]] = candidates.pop(0)
    return found


def _aligned_sentences(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    """Old sentence index -> new index: sentences kept, and those of a replaced run paired
    by position (the same place); sentences only inserted or deleted have no place."""
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    place: dict[int, int] = {}
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "replace"):
            place.update({i1 + k: j1 + k for k in range(min(i2 - i1, j2 - j1))})
    return place


def carry_decisions(db: Database, article: str, old_version: str, new_version: str) -> list[str]:
    """Give the successors of decided claims of ``old_version`` their latest decision.

    Written as a new decision of the successor (the old claim's rows stay as they were),
    with the snapshot the reviewer decided on: the successor shows as changed since review
    until someone looks at it. Returns the successors' claim ids.
    """
    old_claims = store.version_claims(db, old_version)
    latest = {
        row["claim_id"]: row
        for row in store.read_decisions_of(db, [c["claim_id"] for c in old_claims])
    }
    decided = [c for c in old_claims if c["claim_id"] in latest]
    if not decided:
        return []
    found = successors(
        store.version_sentences(db, old_version),
        store.version_sentences(db, new_version),
        decided,
        store.version_claims(db, new_version),
    )
    already = {row["claim_id"] for row in store.read_decisions_of(db, list(found.values()))}
    carried = []
    for old_id, new_id in found.items():
        if new_id in already:
            continue  # the new claim was decided on its own (an earlier version held it)
        decision = latest[old_id]
        note = f"carried from claim {old_id}: its sentence changed"
        store.write_decision(
            db,
            new_id,
            article,
            decision["decision"],
            decision["corrections"],
            f"{note}. {decision['note']}" if decision["note"] else note,
            decision["reviewer"],
            decision["snapshot"],
        )
        carried.append(new_id)
        logger.info("%s: decision on claim %s carried to %s", article, old_id, new_id)
    return carried
