"""Reads the writes depend on: an article's current version, its sentences and claims,
review decisions and stored verdict keys (the listings' queries are in ``queries``)."""

from __future__ import annotations

import json

from sqlite_utils import Database


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


def version_sentences(db: Database, vid: str) -> list[str]:
    """The sentences of an article version, in order."""
    row = db.execute(
        "select text, first_sentence, n_sentences from article_versions where id = ?", [vid]
    ).fetchone()
    if not row or row[1] is None:
        return []
    text, first, n = row
    return [
        text[start:end]
        for start, end in db.execute(
            'select start, "end" from sentences where id >= ? and id < ? order by id',
            [first, first + n],
        )
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


def verification_keys(db: Database, row_ids: list[str] | None = None) -> dict[str, tuple[str, str]]:
    """claims.id -> (sources_key, verifier_version) of the stored verdict (of ``row_ids``,
    or every one)."""
    query = "select id, sources_key, verifier_version from verifications"
    if row_ids is None:
        return {row[0]: (row[1], row[2]) for row in db.execute(query)}
    keys = {}
    for start in range(0, len(row_ids), 500):
        part = row_ids[start : start + 500]
        for row in db.execute(f"{query} where id in ({', '.join('?' * len(part))})", part):
            keys[row[0]] = (row[1], row[2])
    return keys


def claims_to_verify(db: Database) -> list[str]:
    """The claim rows (claims.id) written or forgotten since verification last read them."""
    return [row[0] for row in db.execute("select id from claims_to_verify")]


def documents_to_verify(db: Database) -> list[str]:
    """The documents (ids) that came, went or changed their current version since
    verification last read the claims citing them."""
    return [row[0] for row in db.execute("select id from documents_to_verify")]


def therapies_to_check(db: Database) -> list[str]:
    """The therapies whose current claims changed since their contradictions were last
    looked for."""
    return [row[0] for row in db.execute("select therapy from therapies_to_check")]


def change_stamp(db: Database, *tables: str) -> str:
    """The change counters of ``tables`` (``claims``, ``verifications``) as one string: equal
    stamps, unchanged tables (every row written moves its table's counter)."""
    rows = dict(db.execute("select name, n from corpus_changes").fetchall())
    return " ".join(f"{table}:{rows.get(table, 0)}" for table in tables)


def read_derived_any(db: Database, name: str) -> tuple[str | None, object]:
    """What was stored as ``name`` and its stamp, however stale; ``(None, None)`` when nothing."""
    row = db.execute("select stamp, value from derived where name = ?", [name]).fetchone()
    return (row[0], json.loads(row[1])) if row else (None, None)


def read_derived(db: Database, name: str, stamp: str):
    """What was stored as ``name`` at ``stamp`` (JSON decoded), or None when it is stale."""
    row = db.execute("select stamp, value from derived where name = ?", [name]).fetchone()
    return json.loads(row[1]) if row and row[0] == stamp else None
