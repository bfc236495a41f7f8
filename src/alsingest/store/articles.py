"""Writes of articles: one processed article, whole or not at all, and what names it.

Ids are stable: derived from the article name, the content hash and positions, so
writing the same article twice writes the same rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from ..records import SENTENCE_COLUMNS, ArticleRows
from .base import SQLITE_MAX_VARS, _now, lookup_numbers, write_lock
from .schema import VERSION_COUNTS, paragraph_spans, simplified_text, tokens_digest

NEW = "new"
CHANGED = "changed"
UNCHANGED = "unchanged"


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
            "select version, tokens_hash, first_sentence, n_sentences from article_versions "
            "where id = ?",
            [vid],
        ).fetchone()
        sentences = article.children["sentences"]
        digest = tokens_digest(_digest_rows(*sentences))
        keep_sentences = False
        if existing_version:
            version_number = existing_version[0]
            keep_sentences = existing_version[1] == digest
            for table in CHILD_TABLES:
                if table != "sentences":
                    db.execute(f"delete from [{table}] where version_id = ?", [vid])
                elif not keep_sentences:
                    gone = _delete_sentences(db, *existing_version[2:])
                    # Other words: the old index rows cannot be taken out without their exact
                    # tokens, which are not kept. They stay, matched by no sentence (every
                    # search joins its sentences), counted here.
                    _count_orphans(db, gone)
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
                # The current version's rows per table (m020).
                **{
                    f"n_{column}": len(article.children[table][1])
                    for table, column in VERSION_COUNTS.items()
                },
            },
        )
        if article.source is not None:
            db.execute("update articles set source = ? where id = ?", [article.source, aid])
        first = existing_version[2] if keep_sentences else _next_sentence_id(db)
        _upsert(
            db,
            "article_versions",
            {
                **article.version,
                "version": version_number,
                "ingested_at": now,
                "tokens_hash": digest,
                # Its sentences' ids: consecutive from the first, in order (m025).
                "first_sentence": first if sentences[1] else None,
                "n_sentences": len(sentences[1]),
            },
        )
        for table in reversed(CHILD_TABLES):  # parents before the rows that refer to them
            if table == "sentences":
                if keep_sentences:
                    _update_terms(db, first, *sentences)
                else:
                    _insert_sentences(db, first, *sentences)
                continue
            columns, rows = article.children[table]
            if table == "claims":
                columns, rows = _claim_rows(db, columns, rows)
            elif table == "paragraphs":
                columns, rows = _paragraph_row(vid, columns, rows)
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


def _claim_rows(
    db: Database, columns: tuple[str, ...], rows: list[tuple]
) -> tuple[tuple[str, ...], list[tuple]]:
    """Claim rows as stored: the provenance list by its number in ``claim_provenances``
    (m023), added there when new."""
    at = columns.index("provenance")
    numbers = lookup_numbers(db, "claim_provenances", (row[at] for row in rows))
    stored = (*columns[:at], "provenance_id", *columns[at + 1 :])
    return stored, [(*row[:at], numbers.get(row[at]), *row[at + 1 :]) for row in rows]


def _paragraph_row(
    vid: str, columns: tuple[str, ...], rows: list[tuple]
) -> tuple[tuple[str, ...], list[tuple]]:
    """A version's paragraph rows as stored: one row of their spans (m031)."""
    if not rows:
        return ("version_id", "spans"), []
    at = [columns.index(name) for name in ("idx", "start", "end", "kind")]
    spans = paragraph_spans(tuple(row[k] for k in at) for row in rows)
    return ("version_id", "spans"), [(vid, spans)]


def _count_orphans(db: Database, n: int) -> None:
    db.execute(
        "insert into corpus_changes (name, n) values ('index_orphans', ?) "
        "on conflict(name) do update set n = n + excluded.n",
        [n],
    )


def _digest_rows(columns: tuple[str, ...], rows: list[tuple]) -> list[tuple]:
    at = [columns.index(name) for name in ("idx", "start", "end", "tokens")]
    return [tuple(row[k] for k in at) for row in rows]


def _next_sentence_id(db: Database) -> int:
    """The id the next sentence stored gets (AUTOINCREMENT: never one used before)."""
    row = db.execute("select seq from sqlite_sequence where name = 'sentences'").fetchone()
    return (row[0] if row else 0) + 1


def _delete_sentences(db: Database, first: int | None, n: int) -> int:
    """Delete a version's sentences (``n`` from id ``first``); returns how many went."""
    if first is None:
        return 0
    return db.execute("delete from sentences where id >= ? and id < ?", [first, first + n]).rowcount


def _insert_sentences(
    db: Database, first: int, columns: tuple[str, ...], rows: list[tuple]
) -> None:
    """Sentence rows under new ids from ``first`` (:func:`_next_sentence_id`), in order, and
    their tokens and terms in the full-text index under the same ids. The index keeps no
    copy of them."""
    if not rows:
        return
    stored = [columns.index(name) for name in SENTENCE_COLUMNS]
    tokens, terms = columns.index("tokens"), columns.index("terms")
    _insert_rows(
        db,
        "sentences",
        ("id", *SENTENCE_COLUMNS),
        [(first + k, *(row[i] for i in stored)) for k, row in enumerate(rows)],
    )
    _insert_rows(
        db,
        "sentences_fts",
        ("rowid", "tokens", "terms"),
        [(first + k, row[tokens], row[terms]) for k, row in enumerate(rows)],
    )


def _update_terms(db: Database, first: int, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """A version extracted again with the same words (same digest): its sentences (ids from
    ``first``) and index rows stay; those whose index terms or paragraph changed are
    rewritten in place (an index row is taken out with its exact tokens, the new ones being
    the same)."""
    if not rows:
        return
    at = {name: columns.index(name) for name in ("idx", "paragraph_idx", "terms", "tokens")}
    old = {
        idx: (sid, paragraph, terms)
        for sid, idx, paragraph, terms in db.execute(
            "select id, idx, paragraph_idx, terms from sentences where id >= ? and id < ?",
            [first, first + len(rows)],
        )
    }
    for row in rows:
        sid, paragraph, terms = old[row[at["idx"]]]
        if terms != row[at["terms"]]:
            replace_index_terms(db, sid, row[at["tokens"]], terms, row[at["terms"]], complete=False)
        if paragraph != row[at["paragraph_idx"]]:
            db.execute(
                "update sentences set paragraph_idx = ? where id = ?",
                [row[at["paragraph_idx"]], sid],
            )


def replace_index_terms(
    db: Database, sentence: int, tokens: str, old_terms: str, new_terms: str, *, complete: bool
) -> None:
    """Give a sentence other index terms: its index row out (with its exact tokens and terms)
    and in again."""
    db.execute(
        "insert into sentences_fts (sentences_fts, rowid, tokens, terms) "
        "values ('delete', ?, ?, ?)",
        [sentence, tokens, old_terms],
    )
    db.execute(
        "insert into sentences_fts (rowid, tokens, terms) values (?, ?, ?)",
        [sentence, tokens, new_terms],
    )
    db.execute(
        "update sentences set terms = ?, terms_complete = ? where id = ?",
        [new_terms, int(complete), sentence],
    )


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


def complete_search_terms(
    db: Database,
    to_traditional: Callable[[str], str],
    tokens_of: Callable[[str, list[tuple[int, int]]], list[str]],
) -> int:
    """Add the traditional forms and word parts to the index terms of every sentence that has
    only its therapy ids (segment.index_terms); returns how many sentences were completed.
    Run before Datasette serves the corpus; what `alsingest search` needs is indexed at ingest.

    The index keeps no copy of a sentence's tokens: ``tokens_of(simplified text, spans)``
    segments each version's sentences again. When they are the tokens indexed (the version's
    digest), each index row is rewritten in place; when the segmenter changed since, the
    version's sentences are indexed afresh under new ids (their old rows left, counted)."""
    from ..segment import index_terms

    versions = [
        row[0]
        for row in db.execute("select distinct version_id from sentences where terms_complete = 0")
    ]
    completed = 0
    for vid in versions:
        text, script, digest, first, n = db.execute(
            "select text, script, tokens_hash, first_sentence, n_sentences from article_versions "
            "where id = ?",
            [vid],
        ).fetchone()
        simplified = simplified_text(text, script)
        rows = db.execute(
            'select id, paragraph_idx, idx, start, "end", terms, terms_complete from sentences '
            "where id >= ? and id < ? order by id",
            [first, first + n],
        ).fetchall()
        tokens = tokens_of(simplified, [(row[3], row[4]) for row in rows])
        words = [(row[2], row[3], row[4], t) for row, t in zip(rows, tokens, strict=True)]
        terms = [
            row[5]
            if row[6]
            else index_terms(t, [term for term in row[5].split() if term.isascii()], to_traditional)
            for row, t in zip(rows, tokens, strict=True)
        ]
        completed += sum(1 for row in rows if not row[6])
        with write_lock(db):
            if tokens_digest(words) == digest:
                for row, t, term in zip(rows, tokens, terms, strict=True):
                    if not row[6]:
                        replace_index_terms(db, row[0], t, row[5], term, complete=True)
                continue
            _count_orphans(db, _delete_sentences(db, first, n))
            first = _next_sentence_id(db)
            _insert_sentences(
                db,
                first,
                (*SENTENCE_COLUMNS, "tokens"),
                [
                    (vid, row[1], row[2], row[3], row[4], term, t)
                    for row, t, term in zip(rows, tokens, terms, strict=True)
                ],
            )
            db.execute(
                "update sentences set terms_complete = 1 where id >= ? and id < ?",
                [first, first + n],
            )
            db.execute(
                "update article_versions set tokens_hash = ?, first_sentence = ? where id = ?",
                [tokens_digest(words), first, vid],
            )
    return completed
