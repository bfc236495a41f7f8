"""Writes of articles: one processed article, whole or not at all, and what names it.

Ids are stable: derived from the article name, the content hash and positions, so
writing the same article twice writes the same rows.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlite_utils import Database

from ..records import ArticleRows
from .base import _now, write_lock
from .schema import VERSION_COUNTS

NEW = "new"
CHANGED = "changed"
UNCHANGED = "unchanged"


# Bound parameters per statement: the lowest default of any SQLite build (as sqlite-utils).
SQLITE_MAX_VARS = 999

CHILD_TABLES = ("claims", "citation_markers", "article_references", "sentences", "paragraphs")


def write_article(db: Database, article: ArticleRows) -> str:
    """Store one processed article in a single transaction; returns new or changed.

    When it replaces another version, the review decisions of claims that did not come
    through follow them to their successors (:func:`review.carry_decisions`), in the same
    transaction.
    """
    from ..review import carry_decisions

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
        counts = {
            f"n_{column}": len(article.children[table][1])
            for table, column in VERSION_COUNTS.items()
        }
        _upsert(
            db,
            "article_versions",
            {**article.version, **counts, "version": version_number, "ingested_at": now},
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


def complete_search_terms(db: Database, to_traditional) -> int:
    """Add the traditional forms and word parts to the index terms of every sentence that has
    only its therapy ids (segment.index_terms); returns how many sentences were completed.
    Run before Datasette serves the corpus; what `alsingest search` needs is indexed at ingest."""
    from ..segment import index_terms

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
