"""Writes of documents: what the cited URLs served. One transaction per document result."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sqlite_utils import Database

from .base import has_row as _has
from .base import write_lock

if TYPE_CHECKING:
    from ..documents import Document
    from ..fetch import FetchResult
    from ..records import ArchivedCopy, FetchedDocument

NEW_VERSION = "new_version"
SAME_VERSION = "same_version"
NO_VERSION = "no_version"
ARCHIVED_VERSION = "archived_version"  # the page is dead; an archived copy was stored

FETCHED = "fetched"
ATTACHED = "attached"
ARCHIVED = "archived"


def document_id(url_normalized: str) -> str:
    return hashlib.sha256(url_normalized.encode("utf-8")).hexdigest()[:16]


def document_version_id(doc_id: str, content_hash: str) -> str:
    return hashlib.sha256(f"{doc_id}\0{content_hash}".encode()).hexdigest()[:16]


def write_fetched(db: Database, fetched: FetchedDocument, run_id: str) -> str:
    """Store one fetch: the document's state, its log rows and, when the content is new, a version.

    Returns new_version, same_version (content already stored) or no_version (nothing
    usable came back). Earlier versions are never touched. The validators are only
    replaced by those of a response whose content is stored, so a failure cannot make
    the next refresh unconditional, nor a 304 vouch for content we never kept.
    """
    result = fetched.result
    doc_id = document_id(fetched.key)
    with write_lock(db), db.atomic():
        existing = _document(db, doc_id)
        row = {
            "id": doc_id,
            "url_normalized": fetched.key,
            "url": existing.get("url") or fetched.cited_url,
            "status": result.status,
            "http_status": result.http_status,
            "reason": reason_of(fetched),
            "final_url": result.final_url or existing.get("final_url"),
            "etag": existing.get("etag"),
            "last_modified": existing.get("last_modified"),
            "fetched_at": result.fetched_at,
            "current_version": existing.get("current_version"),
            "attached": existing.get("attached") or 0,
            "trial_id": fetched.trial_id or existing.get("trial_id"),
        }
        db["documents"].upsert(row, pk="id")
        outcome = NO_VERSION
        if result.status == "not_modified" and row["current_version"]:
            row["etag"], row["last_modified"] = result.etag, result.last_modified
        elif fetched.document is not None and fetched.hash is not None:
            vid = document_version_id(doc_id, fetched.hash)
            if _has(db, "document_versions", vid):
                outcome = SAME_VERSION
                # Content seen before: that version is current again, unless the user's
                # own copy is (the page that refused scripts is not worth more).
                if not row["attached"]:
                    row["current_version"] = vid
            else:
                outcome = NEW_VERSION
                _insert_version(
                    db, vid, doc_id, FETCHED, fetched.document, fetched.hash, result,
                    record=fetched.record,
                )  # fmt: skip
                row["current_version"], row["attached"] = vid, 0
            if row["current_version"] == vid:
                row["etag"], row["last_modified"] = result.etag, result.last_modified
        if fetched.archive is not None and _store_archived(db, doc_id, fetched.archive, row):
            outcome = ARCHIVED_VERSION
        db["documents"].upsert(row, pk="id")
        db["fetch_log"].upsert_all(_log_rows(doc_id, fetched, run_id), pk="id")
    return outcome


def reason_of(fetched: FetchedDocument) -> str | None:
    """A fetch's reason, with what became of the archived copy of a dead page."""
    parts = [fetched.result.reason]
    if fetched.archive is not None:
        parts.append(f"archived copy of {fetched.archive.snapshot_date} in use (Wayback Machine)")
    elif fetched.archive_note:
        parts.append(fetched.archive_note)
    return "; ".join(p for p in parts if p) or None


def _store_archived(db: Database, doc_id: str, archive: ArchivedCopy, row: dict) -> bool:
    """Store a dead page's archived copy (once) and make it current unless the user attached one.

    The live page is dead or a block page now, so the snapshot is what verification should
    read; returns True when the copy was not stored before.
    """
    vid = document_version_id(doc_id, archive.hash)
    new = not _has(db, "document_versions", vid)
    if new:
        _insert_version(
            db, vid, doc_id, ARCHIVED, archive.document, archive.hash, archive.result,
            archived=archive.snapshot_date,
        )  # fmt: skip
    if not row["attached"]:
        row["current_version"] = vid
    return new


def write_attached(
    db: Database,
    key: str,
    cited_url: str,
    document: Document,
    content_hash: str,
    reason: str,
    attached_at: str,
) -> tuple[int, bool]:
    """Store a copy the user saved as the document's current version; returns ``(version, new)``.

    Content already stored (fetched or attached) is not stored twice: that version
    becomes current. Either way the document is marked attached, so that a later fetch
    does not replace the user's copy with the page that refused scripts.
    """
    doc_id = document_id(key)
    vid = document_version_id(doc_id, content_hash)
    with write_lock(db), db.atomic():
        existing = _document(db, doc_id)
        row = {
            **existing,
            "id": doc_id,
            "url_normalized": key,
            "url": existing.get("url") or cited_url,
            "status": "ok",
            "http_status": None,
            "reason": reason,
            "fetched_at": attached_at,
            "current_version": vid,
            "attached": 1,
        }
        db["documents"].upsert(row, pk="id")
        new = not _has(db, "document_versions", vid)
        if new:
            _insert_version(db, vid, doc_id, ATTACHED, document, content_hash, None, attached_at)
        version = db["document_versions"].get(vid)["version"]
    return version, new


def _document(db: Database, doc_id: str) -> dict:
    return db["documents"].get(doc_id) if _has(db, "documents", doc_id) else {}


def _insert_version(
    db: Database,
    vid: str,
    doc_id: str,
    source: str,
    document: Document,
    content_hash: str,
    result: FetchResult | None,
    stored_at: str | None = None,
    *,
    record: str | None = None,
    archived: str | None = None,
) -> None:
    row = db.execute(
        "select coalesce(max(version), 0) from document_versions where document_id = ?", [doc_id]
    ).fetchone()
    db["document_versions"].insert(
        {
            "id": vid,
            "document_id": doc_id,
            "version": row[0] + 1,
            "source": source,
            "url": result.url if result else db["documents"].get(doc_id)["url_normalized"],
            "final_url": result.final_url if result else None,
            "http_status": result.http_status if result else None,
            "content_type": document.content_type,
            "encoding": document.encoding,
            "fetched_at": result.fetched_at if result else stored_at,
            "hash": content_hash,
            "title": document.title,
            "published": document.published,
            "text": document.text,
            "record": record,
            "archived": archived,
        },
        pk="id",
    )


def _log_rows(doc_id: str, fetched: FetchedDocument, run_id: str) -> list[dict]:
    result = fetched.result
    attempts = [
        (a.number, a.started_at, a.elapsed_s, a.http_status, a.outcome, a.error)
        for a in result.attempts
    ]
    # Refused before any request (placeholder, invalid URL, scheme): still one row,
    # so that every run leaves a trace for every URL it looked at.
    attempts = attempts or [(0, result.fetched_at, 0.0, None, result.status, result.reason)]
    rows = [
        {
            "id": f"{run_id}-{doc_id}-{number}",
            "run_id": run_id,
            "document_id": doc_id,
            "url": result.url,
            "attempt": number,
            "started_at": started_at,
            "elapsed_s": elapsed_s,
            "http_status": http_status,
            "outcome": outcome,
            "error": error,
        }
        for number, started_at, elapsed_s, http_status, outcome, error in attempts
    ]
    # The archive lookup and the snapshot fetch of a dead page are logged under it too.
    for k, extra in enumerate(fetched.archive_results, start=1):
        rows.extend(
            {
                "id": f"{run_id}-{doc_id}-archive{k}-{a.number}",
                "run_id": run_id,
                "document_id": doc_id,
                "url": extra.url,
                "attempt": a.number,
                "started_at": a.started_at,
                "elapsed_s": a.elapsed_s,
                "http_status": a.http_status,
                "outcome": a.outcome,
                "error": a.error,
            }
            for a in extra.attempts
        )
    return rows
