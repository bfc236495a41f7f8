"""The corpus: schema, migrations and writes, all in this module.

Migrations (sqlite-utils ``Migrations``) run on every open. Ids are stable:
derived from the article name, the content hash and positions, so writing the
same article twice writes the same rows. Each article is written in one
transaction: a failure leaves the corpus as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

if TYPE_CHECKING:
    from .documents import Document
    from .fetch import FetchResult
    from .pipeline import ArticleResult
    from .sources import ArchivedCopy, FetchedDocument

logger = logging.getLogger(__name__)

migrations = Migrations("alsingest")

NEW = "new"
CHANGED = "changed"
UNCHANGED = "unchanged"


@migrations()
def m001_corpus(db: Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "name": str,
            "path": str,
            "current_version": str,
            "first_ingested": str,
            "last_ingested": str,
        },
        pk="id",
    )
    db["articles"].create_index(["name"], unique=True)
    db["article_versions"].create(
        {
            "id": str,
            "article_id": str,
            "version": int,
            "content_hash": str,
            "encoding": str,
            "script": str,
            "chars": int,
            "text": str,
            "text_simplified": str,
            "parser_version": str,
            "ingested_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_versions"].create_index(["article_id", "version"], unique=True)
    db["paragraphs"].create(
        {"id": str, "version_id": str, "idx": int, "start": int, "end": int, "kind": str},
        pk="id",
        foreign_keys=[("version_id", "article_versions", "id")],
    )
    db["sentences"].create(
        {
            "id": str,
            "version_id": str,
            "paragraph_idx": int,
            "idx": int,
            "start": int,
            "end": int,
            "text": str,
            "text_simplified": str,
            "tokens": str,
        },
        pk="id",
        foreign_keys=[("version_id", "article_versions", "id")],
    )
    db["article_references"].create(
        {
            "id": str,
            "version_id": str,
            "idx": int,
            "n": int,
            "kind": str,
            "url": str,
            "url_normalized": str,
            "doi": str,
            "title": str,
            "start": int,
            "end": int,
            "inline": int,
        },
        pk="id",
        foreign_keys=[("version_id", "article_versions", "id")],
    )
    db["citation_markers"].create(
        {
            "id": str,
            "version_id": str,
            "idx": int,
            "sentence_idx": int,
            "start": int,
            "end": int,
            "text": str,
            "n": int,
            "year": str,
            "reference_id": str,
            "resolved": int,
        },
        pk="id",
        foreign_keys=[("version_id", "article_versions", "id")],
    )
    for table in ("paragraphs", "sentences", "article_references", "citation_markers"):
        db[table].create_index(["version_id", "idx"], unique=True)
    db["sentences"].enable_fts(
        ["tokens"], fts_version="FTS5", create_triggers=True, tokenize="unicode61"
    )


@migrations()
def m002_claims(db: Database) -> None:
    db["claims"].create(
        {
            "id": str,  # version id + claim id
            "claim_id": str,  # stable: the same text gives the same id in every run and version
            "version_id": str,
            "sentence_idx": int,
            "start": int,
            "end": int,
            "quote": str,
            "therapy": str,
            "unlisted": int,
            "type": str,
            "date": str,
            "date_text": str,
            "phase": str,
            "enrollment": int,
            "design": str,  # JSON list
            "outcome": str,
            "status": str,
            "refs": str,  # JSON list of ints
            "ref_urls": str,  # JSON list
            "extractor_version": str,
        },
        pk="id",
        foreign_keys=[("version_id", "article_versions", "id")],
    )
    db["claims"].create_index(["version_id", "sentence_idx"])
    db["claims"].create_index(["therapy"])
    db["claims"].create_index(["claim_id"])
    db["article_versions"].add_column("published", str)


@migrations()
def m003_documents(db: Database) -> None:
    # One row per distinct URL the corpus cites (keyed on the normalised URL): the state
    # of its last fetch, the validators for a conditional refresh and its current version.
    db["documents"].create(
        {
            "id": str,  # stable: hash of url_normalized
            "url_normalized": str,
            "url": str,  # as first cited
            "status": str,
            "http_status": int,
            "reason": str,
            "final_url": str,
            "etag": str,
            "last_modified": str,
            "fetched_at": str,  # last attempt (fetch or attach)
            "current_version": str,
            "attached": int,  # 1 when the user's saved copy is current: fetch leaves it alone
        },
        pk="id",
    )
    db["documents"].create_index(["url_normalized"], unique=True)
    db["documents"].create_index(["status"])
    # Versions are only ever added: a refresh that brings new content adds one, and
    # nothing (a failure, a 304, the same content again) removes or rewrites one.
    db["document_versions"].create(
        {
            "id": str,  # stable: hash of document id and content hash
            "document_id": str,
            "version": int,
            "source": str,  # fetched | attached
            "url": str,
            "final_url": str,
            "http_status": int,
            "content_type": str,
            "encoding": str,
            "fetched_at": str,
            "hash": str,
            "title": str,
            "published": str,
            "text": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["document_versions"].create_index(["document_id", "hash"], unique=True)
    db["document_versions"].create_index(["document_id", "version"], unique=True)
    db["fetch_log"].create(
        {
            "id": str,  # run id + document id + attempt number
            "run_id": str,
            "document_id": str,
            "url": str,
            "attempt": int,  # 0: refused before any request (placeholder, invalid URL, scheme)
            "started_at": str,
            "elapsed_s": float,
            "http_status": int,
            "outcome": str,
            "error": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["fetch_log"].create_index(["document_id", "started_at"])
    db["fetch_log"].create_index(["run_id"])


@migrations()
def m004_verification(db: Database) -> None:
    db["verifications"].create(
        {
            "id": str,  # claims.id: one verdict per claim of an article version
            "claim_id": str,  # the stable claim id
            "verdict": str,  # supported | partial | contradicted | not_found | unavailable
            "reason": str,
            "evidence": str,  # JSON: [{ref, url, start, end, text}] in the source's text
            "per_source": str,  # JSON: [{ref, url, verdict, reason}]
            "sources_key": str,  # which document versions were read: unchanged ones are not re-read
            "verifier_version": str,
            "verified_at": str,
        },
        pk="id",
    )
    db["verifications"].create_index(["claim_id"])
    db["conflicts"].create(
        {
            "id": str,  # stable: kind + the claims (or alias) involved
            "kind": str,  # date | outcome | alias
            "therapy": str,
            "detail": str,
            "claim_ids": str,  # JSON list of stable claim ids
            "first_seen": str,
            "last_seen": str,
            "current": int,  # 0 once a later run no longer finds it
        },
        pk="id",
    )


# The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


class CorpusError(ValueError):
    """A path that cannot hold a corpus (not SQLite, or damaged), in one line naming it."""


def check_corpus_file(path: str | Path) -> None:
    """Raise :class:`CorpusError` when ``path`` exists and is not an SQLite database (a CSV
    given as ``--db``), checked before anything opens or starts."""
    path = Path(path)
    if str(path) == ":memory:" or not path.exists():
        return
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder, not a corpus file")
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError as e:
        raise CorpusError(f"{path}: cannot read: {e.strerror or e}") from None
    if head and head != SQLITE_HEADER:
        raise CorpusError(f"{path}: not an SQLite database, so not a corpus")


def open_db(path: str | Path) -> Database:
    """Open (creating if needed) the corpus at ``path``: WAL, a busy timeout, migrations applied.

    A file that is not an SQLite database is :class:`CorpusError` and is left as it was.
    """
    check_corpus_file(path)
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path) if str(path) != ":memory:" else Database(memory=True)
    try:
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            db.enable_wal()
        migrations.apply(db)
    except sqlite3.OperationalError:
        db.close()
        raise  # locked, unreadable folder …: SQLite's own message says it
    except sqlite3.DatabaseError as e:
        db.close()
        raise CorpusError(f"{path}: not an alsingest corpus ({e})") from None
    return db


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def article_id(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


def version_id(name: str, content_hash: str) -> str:
    return hashlib.sha256(f"{name}\0{content_hash}".encode()).hexdigest()[:16]


def is_current(db: Database, name: str, content_hash: str, parser_version: str) -> bool:
    """True when the article's current version has this content and was parsed by this version."""
    rows = list(
        db.query(
            "select v.parser_version from articles a join article_versions v on v.id = a.current_version "
            "where a.name = ? and v.content_hash = ?",
            [name, content_hash],
        )
    )
    return bool(rows) and rows[0]["parser_version"] == parser_version


# Bound parameters per statement: the lowest default of any SQLite build (as sqlite-utils).
SQLITE_MAX_VARS = 999

CHILD_TABLES = ("claims", "citation_markers", "article_references", "sentences", "paragraphs")


@dataclass(frozen=True)
class ArticleRows:
    """One processed article as the rows it is stored in, less what only the corpus knows.

    Built where the article was processed (a worker process) by :func:`article_rows`,
    written by the corpus's single writer with :func:`write_article`. Plain tuples cross
    a process boundary about five times faster than the dataclasses they come from,
    and leave the writer nothing to do but SQL.
    """

    name: str
    path: str
    version: dict  # the article_versions row but its number and ingest time
    children: dict[str, tuple[tuple[str, ...], list[tuple]]]  # table -> (columns, rows)
    source: str | None = None  # what the article is (resolved path or URL), when known


def article_rows(result: ArticleResult) -> ArticleRows:
    from .claims import EXTRACTOR_VERSION

    source = result.source
    vid = version_id(source.name, source.content_hash)
    text = source.text
    simplified = result.text_simplified
    children = {
        "paragraphs": (
            ("id", "version_id", "idx", "start", "end", "kind"),
            [
                (f"{vid}-p{p.index}", vid, p.index, p.start, p.end, p.kind)
                for p in result.paragraphs
            ],
        ),
        "sentences": (
            (
                "id",
                "version_id",
                "paragraph_idx",
                "idx",
                "start",
                "end",
                "text",
                "text_simplified",
                "tokens",
                "terms",
            ),
            [
                (
                    f"{vid}-s{s.index}",
                    vid,
                    s.paragraph,
                    s.index,
                    s.start,
                    s.end,
                    text[s.start : s.end],
                    simplified[s.start : s.end],
                    s.tokens,
                    s.terms,
                )
                for s in result.sentences
            ],
        ),
        "article_references": (
            (
                "id",
                "version_id",
                "idx",
                "n",
                "kind",
                "url",
                "url_normalized",
                "doi",
                "title",
                "start",
                "end",
                "inline",
            ),
            [
                (
                    f"{vid}-r{r.index}",
                    vid,
                    r.index,
                    r.n,
                    r.kind,
                    r.url,
                    r.url_normalized,
                    r.doi,
                    r.title,
                    r.start,
                    r.end,
                    int(r.inline),
                )
                for r in result.references
            ],
        ),
        "citation_markers": (
            (
                "id",
                "version_id",
                "idx",
                "sentence_idx",
                "start",
                "end",
                "text",
                "n",
                "year",
                "reference_id",
                "resolved",
            ),
            [
                (
                    f"{vid}-m{m.index}",
                    vid,
                    m.index,
                    m.sentence,
                    m.start,
                    m.end,
                    m.text,
                    m.n,
                    m.year,
                    f"{vid}-r{m.reference}" if m.reference is not None else None,
                    int(m.reference is not None),
                )
                for m in result.markers
            ],
        ),
        "claims": (
            (
                "id",
                "claim_id",
                "version_id",
                "sentence_idx",
                "start",
                "end",
                "quote",
                "therapy",
                "unlisted",
                "type",
                "date",
                "date_text",
                "phase",
                "enrollment",
                "design",
                "outcome",
                "status",
                "refs",
                "ref_urls",
                "extractor_version",
                "provenance",
                "trial_ids",
            ),
            [
                (
                    f"{vid}-{c.claim_id}",
                    c.claim_id,
                    vid,
                    c.sentence,
                    c.start,
                    c.end,
                    text[c.start : c.end],
                    c.therapy,
                    int(c.unlisted),
                    c.type,
                    c.date,
                    c.date_text,
                    c.phase,
                    c.enrollment,
                    json.dumps(list(c.design)),
                    c.outcome,
                    c.status,
                    json.dumps(list(c.refs)),
                    json.dumps(list(c.ref_urls), ensure_ascii=False),
                    EXTRACTOR_VERSION,
                    json.dumps([list(p) for p in c.provenance], ensure_ascii=False),
                    json.dumps(list(ids)),
                )
                for c, ids in zip(
                    result.claims,
                    result.claim_trial_ids or ((),) * len(result.claims),
                    strict=True,
                )
            ],
        ),
    }
    version = {
        "id": vid,
        "article_id": article_id(source.name),
        "content_hash": source.content_hash,
        "encoding": source.encoding,
        "script": result.script,
        "chars": len(text),
        "text": text,
        "text_simplified": simplified,
        "parser_version": result.parser_version,
        "published": result.published,
        "given_published": source.published,
    }
    return ArticleRows(source.name, source.path, version, children, source.source)


def write_article(db: Database, article: ArticleRows) -> str:
    """Store one processed article in a single transaction; returns new or changed.

    When it replaces another version, the review decisions of claims that did not come
    through follow them to their successors (:func:`review.carry_decisions`), in the same
    transaction.
    """
    from .review import carry_decisions

    vid = article.version["id"]
    aid = article.version["article_id"]
    now = _now()
    with write_lock(db), db.atomic():
        previous = db.execute("select current_version from articles where id = ?", [aid]).fetchone()
        existing_article = db.execute(
            "select first_ingested from articles where id = ?", [aid]
        ).fetchone()
        existing_version = db.execute(
            "select version from article_versions where id = ?", [vid]
        ).fetchone()
        if existing_version:
            version_number = existing_version[0]
            for table in CHILD_TABLES:
                db.execute(f"delete from [{table}] where version_id = ?", [vid])
        else:
            row = db.execute(
                "select coalesce(max(version), 0) from article_versions where article_id = ?", [aid]
            ).fetchone()
            version_number = row[0] + 1
        _upsert(
            db,
            "articles",
            {
                "id": aid,
                "name": article.name,
                "path": article.path,
                "current_version": vid,
                "first_ingested": existing_article[0] if existing_article else now,
                "last_ingested": now,
            },
        )
        if article.source is not None:
            db.execute("update articles set source = ? where id = ?", [article.source, aid])
        _upsert(
            db,
            "article_versions",
            {**article.version, "version": version_number, "ingested_at": now},
        )
        for table in reversed(CHILD_TABLES):  # parents before the rows that refer to them
            columns, rows = article.children[table]
            _insert_rows(db, table, columns, rows)
        if previous and previous[0] and previous[0] != vid:
            carry_decisions(db, article.name, previous[0], vid)
    return NEW if existing_article is None else CHANGED


def _insert_rows(db: Database, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert rows, many per statement.

    What ``Table.insert_all`` does, without its per-call introspection and per-value
    type checks, which cost more than SQLite's own work on the ingest path. Many rows
    per statement matters for the sentences' FTS5 index: one statement per row made
    indexing about three times dearer on the benchmark corpus.
    """
    head = f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values "
    one = f"({', '.join('?' * len(columns))})"
    step = max(1, SQLITE_MAX_VARS // len(columns))
    for i in range(0, len(rows), step):
        chunk = rows[i : i + step]
        db.execute(head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])


def _upsert(db: Database, table: str, row: dict) -> None:
    """Insert ``row``, or update the row with its id."""
    columns = list(row)
    db.execute(
        f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"values ({', '.join('?' * len(columns))}) on conflict(id) do update set "
        + ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != "id"),
        list(row.values()),
    )


def _has(db: Database, table: str, pk: str) -> bool:
    return db.execute(f"select 1 from [{table}] where id = ?", [pk]).fetchone() is not None


# Documents: what the cited URLs served. One transaction per document result.

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


# Review: human decisions on claims, kept apart from what the extractor wrote.


@migrations()
def m005_reviews(db: Database) -> None:
    # One row per decision, only ever added: the latest row of a claim is its decision and
    # the earlier ones are its history. Keyed on the stable claim id, so a decision outlives
    # re-ingests and new article versions, and stays here when its claim disappears.
    db["review_decisions"].create(
        {
            "id": int,  # insertion order: the latest decision of a claim has the largest id
            "claim_id": str,
            "article": str,  # the article's name when decided, for claims that later disappear
            "decision": str,  # accepted | rejected | corrected
            "corrections": str,  # JSON object: field -> corrected value (corrected only)
            "note": str,
            "reviewer": str,
            "decided_at": str,
            "snapshot": str,  # JSON object: the claim's machine values when decided
        },
        pk="id",
    )
    db["review_decisions"].create_index(["claim_id", "id"])


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


def read_decisions(db: Database, claim_id: str | None = None) -> list[dict]:
    """Review decisions (of one claim, or all), oldest first, JSON columns decoded."""
    where, params = ("where claim_id = ?", [claim_id]) if claim_id else ("", [])
    rows = list(db.query(f"select * from review_decisions {where} order by id", params))
    for row in rows:
        row["corrections"] = json.loads(row["corrections"] or "{}")
        row["snapshot"] = json.loads(row["snapshot"] or "{}")
    return rows


def read_decisions_of(db: Database, claim_ids: list[str]) -> list[dict]:
    """The latest decision of each of ``claim_ids`` that has one, JSON columns decoded."""
    rows: list[dict] = []
    for start in range(0, len(claim_ids), 500):
        part = claim_ids[start : start + 500]
        rows += db.query(
            "select * from review_decisions where id in (select max(id) from review_decisions "
            f"where claim_id in ({', '.join('?' * len(part))}) group by claim_id)",
            part,
        )
    for row in rows:
        row["corrections"] = json.loads(row["corrections"] or "{}")
        row["snapshot"] = json.loads(row["snapshot"] or "{}")
    return rows


def latest_decisions(db: Database) -> dict[str, dict]:
    """The latest decision of every claim id that has one."""
    return {row["claim_id"]: row for row in read_decisions(db)}


# --- verification and conflicts ---------------------------------------------


def write_verifications(db: Database, rows: list[dict]) -> None:
    """Upsert verdicts, one transaction for the batch."""
    now = _now()
    with write_lock(db), db.atomic():
        db["verifications"].upsert_all(({**row, "verified_at": now} for row in rows), pk="id")


def verification_keys(db: Database) -> dict[str, tuple[str, str]]:
    """claims.id -> (sources_key, verifier_version) of the stored verdict."""
    return {
        row["id"]: (row["sources_key"], row["verifier_version"])
        for row in db.query("select id, sources_key, verifier_version from verifications")
    }


def write_conflicts(db: Database, conflicts: list[dict]) -> list[str]:
    """Record the conflicts found now; returns the ids seen for the first time.

    A conflict no longer found stays in the table with ``current = 0``: reviewers
    may have looked at it.
    """
    now = _now()
    with write_lock(db), db.atomic():
        known = {row["id"]: row for row in db.query("select id, first_seen from conflicts")}
        db.execute("update conflicts set current = 0")
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


# --- runs: what each refresh or re-ingest did --------------------------------


@migrations()
def m006_runs(db: Database) -> None:
    # One row per refresh or re-ingest run, written when it ends: the history `alsingest runs`
    # prints (a served flow's runs are also in the Prefect UI, under flow_run_id).
    db["runs"].create(
        {
            "id": str,  # run id, shared with the fetch_log rows of its fetches
            "kind": str,  # refresh | reingest
            "target": str,  # reingest: the path or URL given
            "flow_run_id": str,  # the Prefect flow run, when run as a flow
            "started_at": str,
            "finished_at": str,
            "duration_s": float,
            "fetch_statuses": str,  # JSON object: status -> URLs fetched this run
            "new_versions": int,  # document versions added
            "articles": str,  # JSON list: articles re-extracted (refresh) or re-ingested
            "new_claims": str,  # JSON lists of stable claim ids, compared with before the run
            "changed_claims": str,
            "removed_claims": str,
            "review_flagged": str,  # JSON list: reviewed claims now "changed since review"
            "new_conflicts": str,  # JSON list of conflict ids seen for the first time
            "errors": str,  # JSON list of [what, reason]
        },
        pk="id",
    )
    db["runs"].create_index(["started_at"])


class WriteLock:
    """Hold the corpus's write lock for the block (``BEGIN IMMEDIATE``), waiting for it if busy.

    The writes above open a deferred transaction and read before they write; when another
    process holds the write lock at that moment, SQLite fails at once with "database is
    locked" instead of calling the busy handler (the reader's snapshot may be stale).
    Taking the lock first makes them wait up to the busy timeout instead. Their own
    ``atomic()`` blocks become savepoints inside this transaction.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.owner = False

    def __enter__(self) -> Database:
        if not self.db.conn.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.owner = True
        return self.db

    def __exit__(self, exc_type, exc, traceback) -> None:
        if not self.owner:
            return
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.conn.rollback()


def write_lock(db: Database) -> WriteLock:
    """``with write_lock(db):`` — see :class:`WriteLock`."""
    return WriteLock(db)


def forget_verifications(db: Database, claim_ids: list[str]) -> None:
    """Drop the stored sources key of these claims' verdicts, so the next verify reads them again.

    A re-extraction that changes a claim's values keeps its row id; without this, verify
    would take its sources for unchanged and keep the verdict on the old values.
    """
    ids = list(claim_ids)
    if not ids:
        return
    with write_lock(db):
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            db.execute(
                f"update verifications set sources_key = null "
                f"where claim_id in ({', '.join('?' * len(part))})",
                part,
            )


# Columns of ``runs`` stored as JSON: lists, except the statuses (an object).
RUN_JSON_COLUMNS = (
    "fetch_statuses",
    "articles",
    "new_claims",
    "changed_claims",
    "removed_claims",
    "review_flagged",
    "new_conflicts",
    "errors",
)


def write_run(db: Database, row: dict) -> None:
    """Record one run (lists and objects as JSON)."""
    encoded = {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        for key, value in row.items()
    }
    with write_lock(db):
        db["runs"].upsert(encoded, pk="id")


@migrations()
def m007_given_published(db: Database) -> None:
    # The publication date given with an article from outside its text (`ingest --published`,
    # a fetched page's metadata), kept so that a re-extraction reads the article as before.
    db["article_versions"].add_column("given_published", str)


@migrations()
def m008_claim_provenance(db: Database) -> None:
    # Which rule gave each field of a claim: JSON list of [field, rule] (`claims --explain`).
    db["claims"].add_column("provenance", str)


@migrations()
def m009_search_terms(db: Database) -> None:
    # Full-text search over more than the words (segment.index_terms): each therapy's
    # canonical id, the traditional form of Chinese words and the parts of longer ones, so
    # that `search` and Datasette's search box find a therapy by any alias, a word in either
    # script, 渐冻 in 渐冻症. Existing sentences get the forms and parts from their stored
    # words here; the therapy ids come with their next extraction (`alsingest refresh`: the
    # parser version changed). Only the index changes: no claim or decision is touched.
    from .normalize import Converter
    from .segment import index_terms

    db["sentences"].add_column("terms", str, not_null_default="")
    if db["sentences_fts"].exists():
        db["sentences"].disable_fts()
    to_traditional = Converter().to_traditional_characters
    updates = [
        (index_terms(tokens, (), to_traditional), rowid)
        for rowid, tokens in db.execute("select rowid, tokens from sentences")
    ]
    db.conn.executemany("update sentences set terms = ? where rowid = ?", updates)
    db["sentences"].enable_fts(
        ["tokens", "terms"], fts_version="FTS5", create_triggers=True, tokenize="unicode61"
    )


@migrations()
def m010_article_source(db: Database) -> None:
    # What an article is: its source file (resolved path) or URL. The name (and so every id)
    # stays what it was; articles stored before this have none until they are read again
    # (:func:`name_for` adopts them by name), since their stored path may be relative.
    db["articles"].add_column("source", str)
    db["articles"].create_index(["source"], unique=True)


def name_for(db: Database, key: str, default: str, taken: dict[str, str] | None = None) -> str:
    """The name of the article read from ``key`` (a resolved path or a URL).

    The stored one when the corpus has this source; an article stored before sources were
    kept (no source yet) under ``default`` is this one; otherwise the shortest suffix of
    the path not yet a name (``x.txt``, then ``B/x.txt``, ``A/B/x.txt`` …), so that two
    files of the same name in different folders are two articles. ``taken`` (name ->
    source) holds the names given in this run but not stored yet.
    """
    taken = {} if taken is None else taken
    row = db.execute("select name from articles where source = ?", [key]).fetchone()
    if row:
        return row[0]
    legacy = db.execute(
        "select 1 from articles where name = ? and source is null", [default]
    ).fetchone()
    if legacy and taken.get(default, key) == key:
        with write_lock(db):
            db.execute("update articles set source = ? where name = ?", [key, default])
        return default
    for candidate in _suffixes(key, default):
        if taken.get(candidate, key) != key:
            continue
        if db.execute("select 1 from articles where name = ?", [candidate]).fetchone() is None:
            return candidate
    return key


def _suffixes(key: str, default: str) -> list[str]:
    """``default``, then longer and longer ends of the path (a URL: a hash of it)."""
    if "://" in key:
        return [default, f"{default}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"]
    parts = Path(key).parts
    return [default] + ["/".join(parts[-n:]) for n in range(2, len(parts))]


def version_sentences(db: Database, vid: str) -> list[str]:
    """The sentences of an article version, in order."""
    return [
        row[0]
        for row in db.execute("select text from sentences where version_id = ? order by idx", [vid])
    ]


def version_claims(db: Database, vid: str) -> list[dict]:
    """The claims of an article version: id, sentence, therapy and type, in sentence order."""
    return [
        {"claim_id": row[0], "sentence": row[1], "therapy": row[2], "type": row[3]}
        for row in db.execute(
            "select claim_id, sentence_idx, therapy, type from claims where version_id = ? "
            "order by sentence_idx, start",
            [vid],
        )
    ]


@migrations()
def m011_source_verdicts(db: Database) -> None:
    # One verdict per claim and cited source, so that no verdict hides another: a claim
    # cited to several sources shows each, a contradiction first (``verifications`` keeps
    # the headline verdict of each claim).
    db["source_verdicts"].create(
        {
            "id": str,  # claims.id + the source's key (reference number or registry id)
            "claim_row": str,  # claims.id
            "claim_id": str,  # the stable claim id
            "kind": str,  # reference | registry
            "ref": int,  # the reference number (registry: null)
            "url": str,
            "document_version": str,  # the document version read
            "archived": str,  # snapshot date when that version is an archived copy, else null
            "verdict": str,
            "reason": str,
            "evidence": str,  # JSON: [{start, end, text}] in that version's text
            "checks": str,  # JSON object: attribute -> found | missing | conflict
            "verified_at": str,
        },
        pk="id",
    )
    db["source_verdicts"].create_index(["claim_row"])
    db["source_verdicts"].create_index(["claim_id"])


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


@migrations()
def m012_registries_and_archives(db: Database) -> None:
    # The registry ids a claim's sentence names (JSON list), read after extraction.
    db["claims"].add_column("trial_ids", str)
    # A document fetched for a registry id is that trial's record.
    db["documents"].add_column("trial_id", str)
    db["documents"].create_index(["trial_id"])
    # A registry record's structured fields (JSON), and for a copy from a web archive
    # (source = archived) the date of its snapshot.
    db["document_versions"].add_column("record", str)
    db["document_versions"].add_column("archived", str)


@migrations()
def m013_search_terms_complete(db: Database) -> None:
    # Ingest now indexes each sentence's therapy ids only; the traditional forms and word parts
    # Datasette's search box needs are added by `alsingest browse` (complete_search_terms).
    # Sentences indexed in full before this are marked so.
    db["sentences"].add_column("terms_complete", int, not_null_default=0)
    db.execute("update sentences set terms_complete = 1")


def complete_search_terms(db: Database, to_traditional) -> int:
    """Add the traditional forms and word parts to the index terms of every sentence that has
    only its therapy ids (segment.index_terms); returns how many sentences were completed.
    Run before Datasette serves the corpus; what `alsingest search` needs is indexed at ingest."""
    from .segment import index_terms

    rows = db.execute(
        "select rowid, tokens, terms from sentences where terms_complete = 0"
    ).fetchall()
    if not rows:
        return 0
    updates = [
        (
            index_terms(tokens, [t for t in terms.split() if t.isascii()], to_traditional),
            rowid,
        )
        for rowid, tokens, terms in rows
    ]
    with write_lock(db):
        db.conn.executemany(
            "update sentences set terms = ?, terms_complete = 1 where rowid = ?", updates
        )
    return len(updates)
