"""Writes of review decisions: human decisions on claims, kept apart from what the extractor
wrote (rows are only ever added)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlite_utils import Database

from .base import write_lock


def write_decision(
    db: Database,
    claim_id: str,
    article: str,
    decision: str,
    corrections: dict,
    note: str | None,
    reviewer: str | None,
    snapshot: dict,
) -> int:
    """Add one review decision (never replacing an earlier one); returns its id."""
    with write_lock(db), db.atomic():
        table = db["review_decisions"].insert(
            {
                "claim_id": claim_id,
                "article": article,
                "decision": decision,
                "corrections": json.dumps(corrections, ensure_ascii=False, sort_keys=True),
                "note": note or None,
                "reviewer": reviewer or None,
                "decided_at": datetime.now(UTC).isoformat(timespec="microseconds"),
                "snapshot": json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
            }
        )
    return table.last_pk
