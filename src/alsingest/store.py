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
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

if TYPE_CHECKING:
    from .pipeline import ArticleResult

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


def open_db(path: str | Path) -> Database:
    """Open (creating if needed) the corpus at ``path``: WAL, a busy timeout, migrations applied."""
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path) if str(path) != ":memory:" else Database(memory=True)
    db.execute("PRAGMA busy_timeout = 30000")
    db.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        db.enable_wal()
    migrations.apply(db)
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


CHILD_TABLES = ("claims", "citation_markers", "article_references", "sentences", "paragraphs")


def write_article(db: Database, result: ArticleResult) -> str:
    """Store one processed article in a single transaction; returns new, changed or unchanged."""
    source = result.source
    aid = article_id(source.name)
    vid = version_id(source.name, source.content_hash)
    now = _now()
    with db.atomic():
        existing_article = db["articles"].get(aid) if _has(db, "articles", aid) else None
        existing_version = _has(db, "article_versions", vid)
        if existing_version:
            version_number = db["article_versions"].get(vid)["version"]
            for table in CHILD_TABLES:
                db[table].delete_where("version_id = ?", [vid])
        else:
            row = db.execute(
                "select coalesce(max(version), 0) from article_versions where article_id = ?", [aid]
            ).fetchone()
            version_number = row[0] + 1
        db["articles"].upsert(
            {
                "id": aid,
                "name": source.name,
                "path": source.path,
                "current_version": vid,
                "first_ingested": existing_article["first_ingested"] if existing_article else now,
                "last_ingested": now,
            },
            pk="id",
        )
        db["article_versions"].upsert(
            {
                "id": vid,
                "article_id": aid,
                "version": version_number,
                "content_hash": source.content_hash,
                "encoding": source.encoding,
                "script": result.script,
                "chars": len(source.text),
                "text": source.text,
                "text_simplified": result.text_simplified,
                "parser_version": result.parser_version,
                "ingested_at": now,
                "published": result.published,
            },
            pk="id",
        )
        _write_children(db, vid, result)
    return NEW if existing_article is None else CHANGED


def _has(db: Database, table: str, pk: str) -> bool:
    return db.execute(f"select 1 from [{table}] where id = ?", [pk]).fetchone() is not None


def _write_children(db: Database, vid: str, result: ArticleResult) -> None:
    from .claims import EXTRACTOR_VERSION

    text = result.source.text
    simplified = result.text_simplified
    db["paragraphs"].insert_all(
        {
            "id": f"{vid}-p{p.index}",
            "version_id": vid,
            "idx": p.index,
            "start": p.start,
            "end": p.end,
            "kind": p.kind,
        }
        for p in result.paragraphs
    )
    db["sentences"].insert_all(
        {
            "id": f"{vid}-s{s.index}",
            "version_id": vid,
            "paragraph_idx": s.paragraph,
            "idx": s.index,
            "start": s.start,
            "end": s.end,
            "text": text[s.start : s.end],
            "text_simplified": simplified[s.start : s.end],
            "tokens": s.tokens,
        }
        for s in result.sentences
    )
    db["article_references"].insert_all(
        {
            "id": f"{vid}-r{r.index}",
            "version_id": vid,
            "idx": r.index,
            "n": r.n,
            "kind": r.kind,
            "url": r.url,
            "url_normalized": r.url_normalized,
            "doi": r.doi,
            "title": r.title,
            "start": r.start,
            "end": r.end,
            "inline": int(r.inline),
        }
        for r in result.references
    )
    db["citation_markers"].insert_all(
        {
            "id": f"{vid}-m{m.index}",
            "version_id": vid,
            "idx": m.index,
            "sentence_idx": m.sentence,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "n": m.n,
            "year": m.year,
            "reference_id": f"{vid}-r{m.reference}" if m.reference is not None else None,
            "resolved": int(m.reference is not None),
        }
        for m in result.markers
    )
    db["claims"].insert_all(
        {
            "id": f"{vid}-{c.claim_id}",
            "claim_id": c.claim_id,
            "version_id": vid,
            "sentence_idx": c.sentence,
            "start": c.start,
            "end": c.end,
            "quote": text[c.start : c.end],
            "therapy": c.therapy,
            "unlisted": int(c.unlisted),
            "type": c.type,
            "date": c.date,
            "date_text": c.date_text,
            "phase": c.phase,
            "enrollment": c.enrollment,
            "design": json.dumps(list(c.design)),
            "outcome": c.outcome,
            "status": c.status,
            "refs": json.dumps(list(c.refs)),
            "ref_urls": json.dumps(list(c.ref_urls), ensure_ascii=False),
            "extractor_version": EXTRACTOR_VERSION,
        }
        for c in result.claims
    )
