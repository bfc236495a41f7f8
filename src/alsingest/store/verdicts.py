"""Writes of verification: verdicts per claim and per source, conflicts, and runs."""

from __future__ import annotations

import json
import logging
import sqlite3

from sqlite_utils import Database

from .base import _now, lookup_numbers, write_lock
from .schema import BUSY_TIMEOUT_MS

logger = logging.getLogger(__name__)


def write_verifications(db: Database, rows: list[dict]) -> None:
    """Upsert verdicts, one transaction for the batch; each reason stored once (m026). A
    row's ``claim_id`` is not stored (m030: the end of its id, ``claims.claim_id``).
    Written in id order, the table's (a first verify fills its pages instead of splitting
    them: 27 -> 23 MB at 10,000 articles)."""
    now = _now()
    rows = sorted(rows, key=lambda row: row["id"])
    with write_lock(db), db.atomic():
        numbers = lookup_numbers(db, "verdict_reasons", (row.get("reason") for row in rows))
        db["verifications"].upsert_all(
            (
                {
                    **{
                        key: value
                        for key, value in row.items()
                        if key not in ("reason", "claim_id")
                    },
                    **({"reason_id": numbers.get(row["reason"])} if "reason" in row else {}),
                    "verified_at": now,
                }
                for row in rows
            ),
            pk="id",
        )


def write_conflicts(
    db: Database, conflicts: list[dict], therapies: list[str] | None = None
) -> list[str]:
    """Record the conflicts found now; returns the ids seen for the first time.

    ``therapies``: the therapies whose conflicts were looked for (and those of no therapy,
    the lexicon's); None: all. A conflict of theirs no longer found stays in the table with
    ``current = 0``: reviewers may have looked at it.
    """
    now = _now()
    with write_lock(db), db.atomic():
        known = {row["id"]: row for row in db.query("select id, first_seen from conflicts")}
        if therapies is None:
            db.execute("update conflicts set current = 0")
        else:
            db.execute("update conflicts set current = 0 where therapy is null")
            for start in range(0, len(therapies), 500):
                part = therapies[start : start + 500]
                db.execute(
                    "update conflicts set current = 0 "
                    f"where therapy in ({', '.join('?' * len(part))})",
                    part,
                )
        db["conflicts"].upsert_all(
            (
                {
                    **c,
                    "first_seen": known[c["id"]]["first_seen"] if c["id"] in known else now,
                    "last_seen": now,
                    "current": 1,
                }
                for c in conflicts
            ),
            pk="id",
        )
    return [c["id"] for c in conflicts if c["id"] not in known]


def forget_verifications(db: Database, claim_ids: list[str]) -> None:
    """Drop the stored sources key of these claims' verdicts, so the next verify reads them again.

    A re-extraction that changes a claim's values keeps its row id; without this, verify
    would take its sources for unchanged and keep the verdict on the old values.
    """
    ids = list(claim_ids)
    if not ids:
        return
    with write_lock(db):
        # Not a verdict, but what the next verify must read again: its counter moves.
        db.execute("update corpus_changes set n = n + 1 where name = 'verifications'")
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ", ".join("?" * len(part))
            db.execute(
                "update verifications set sources_key = null where id in "
                f"(select id from claims where claim_id in ({marks}))",
                part,
            )
            db.execute(
                "insert or ignore into claims_to_verify (id) "
                f"select id from claims where claim_id in ({marks})",
                part,
            )


def write_run(db: Database, row: dict) -> None:
    """Record one run (lists and objects as JSON)."""
    encoded = {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        for key, value in row.items()
    }
    with write_lock(db):
        db["runs"].upsert(encoded, pk="id")


def write_source_verdicts(db: Database, claim_rows: list[str], rows: list[dict]) -> None:
    """Replace the per-source verdicts of these claims (claims.id) with ``rows``."""
    now = _now()
    with write_lock(db), db.atomic():
        for start in range(0, len(claim_rows), 500):
            part = claim_rows[start : start + 500]
            db.execute(
                f"delete from source_verdicts where claim_row in ({', '.join('?' * len(part))})",
                part,
            )
        if rows:
            db["source_verdicts"].insert_all(({**row, "verified_at": now} for row in rows), pk="id")


def write_derived(db: Database, name: str, stamp: str, value, *, wait: bool = True) -> None:
    """Keep ``value`` (JSON) as ``name`` computed at ``stamp`` (``reads.read_derived``).

    ``wait=False``: when another process holds the write lock, keep nothing rather than
    wait for it (a page that only caches what it read must not wait on an ingest)."""
    if not wait:
        db.execute("PRAGMA busy_timeout = 0")
    try:
        with write_lock(db):
            db.execute(
                "insert into derived (name, stamp, value) values (?, ?, ?) "
                "on conflict(name) do update set stamp = excluded.stamp, value = excluded.value",
                [name, stamp, json.dumps(value, ensure_ascii=False)],
            )
    except sqlite3.OperationalError:
        if wait:
            raise
        logger.debug("%s not kept: the corpus is being written", name)
    finally:
        if not wait:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def verified(db: Database, row_ids: list[str]) -> None:
    """Take these claim rows (claims.id) off ``claims_to_verify``: verification read them."""
    _unlog(db, "claims_to_verify", "id", row_ids)


def documents_verified(db: Database, document_ids: list[str]) -> None:
    """Take these documents off ``documents_to_verify``: the claims citing them were read."""
    _unlog(db, "documents_to_verify", "id", document_ids)


def therapies_checked(db: Database, therapies: list[str]) -> None:
    """Take these therapies off ``therapies_to_check``: their contradictions were looked for."""
    _unlog(db, "therapies_to_check", "therapy", therapies)


def _unlog(db: Database, table: str, column: str, keys: list[str]) -> None:
    with write_lock(db):
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            db.execute(
                f"delete from {table} where {column} in ({', '.join('?' * len(part))})", part
            )
