"""Shared fixtures: options, one toolkit per session, in-memory and seeded corpora."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from alsingest import store
from alsingest.config import load_config
from alsingest.pipeline import Toolkit, ingest_files

# The segmenter's dictionary file (segment.cache_folder) of this test run, not the user's;
# processes the tests start inherit it. Made on import, before anything segments, and removed
# when pytest ends (pytest_unconfigure: also after --collect-only, a deselected run, Ctrl+C);
# a folder the caller named in ALSINGEST_CACHE_DIR is theirs and left alone.
SESSION_CACHE: Path | None = None
if "ALSINGEST_CACHE_DIR" not in os.environ:
    SESSION_CACHE = Path(tempfile.mkdtemp(prefix="alsingest-cache-"))
    os.environ["ALSINGEST_CACHE_DIR"] = str(SESSION_CACHE)


def pytest_unconfigure(config):
    if SESSION_CACHE is not None:
        shutil.rmtree(SESSION_CACHE, ignore_errors=True)


ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="session")
def options():
    return load_config()


@pytest.fixture(scope="session")
def toolkit(options):
    return Toolkit.build(options)


@pytest.fixture(scope="session")
def lexicon(toolkit):
    return toolkit.lexicon


@pytest.fixture
def db():
    database = store.open_db(":memory:")
    yield database
    database.close()


def copy_corpus(seeded_db, path):
    """A writable copy of the seeded corpus (the session one must not change), opened."""
    target = sqlite3.connect(path)
    seeded_db.conn.backup(target)
    target.close()
    return store.open_db(path)


# The migrations after m022, which before_m023 takes back.
AFTER_M022 = (
    "m023_provenance_lookup",
    "m024_quote_as_span",
    "m025_versions_lean",
    "m026_verdict_reasons",
    "m027_compact",
)
# article_versions as m001 to m021 left it.
ARTICLE_VERSIONS_M022 = (
    'create table "article_versions" ("id" TEXT PRIMARY KEY, "article_id" TEXT REFERENCES '
    '"articles"("id"), "version" INTEGER, "content_hash" TEXT, "encoding" TEXT, "script" TEXT, '
    '"chars" INTEGER, "text" TEXT, "text_simplified" TEXT, "parser_version" TEXT, '
    '"ingested_at" TEXT, "published" TEXT, "given_published" TEXT, "tokens_hash" TEXT)'
)


def before_m031(db) -> None:
    """Put ``db``'s paragraphs back to the schema before m031, for migration tests: a row
    each, keyed by version and position."""
    import json

    rows = [
        (vid, idx, *span)
        for vid, spans in db.execute("select version_id, spans from paragraphs").fetchall()
        for idx, span in enumerate(json.loads(spans))
        if span is not None
    ]
    db.execute("drop view paragraph_texts")
    db.execute("drop table paragraphs")
    db.execute(
        "create table paragraphs (version_id text references article_versions(id), "
        'idx integer, "start" integer, "end" integer, kind text, '
        "primary key (version_id, idx)) without rowid"
    )
    db.conn.executemany("insert into paragraphs values (?, ?, ?, ?, ?)", rows)
    db.execute(
        "delete from _sqlite_migrations where name in ('m031_paragraph_spans', 'm032_compact')"
    )
    db.conn.commit()


def before_m030(db) -> None:
    """Put ``db``'s verdicts (and paragraphs: :func:`before_m031`) back to the schema before
    m030, for migration tests: a rowid table holding each verdict's stable claim id, indexed
    by it and by verdict."""
    before_m031(db)
    triggers = [
        sql
        for (sql,) in db.execute(
            "select sql from sqlite_master where type = 'trigger' and tbl_name = 'verifications'"
        ).fetchall()
    ]
    db.execute(
        'create table verifications_m029 ("id" TEXT PRIMARY KEY, "claim_id" TEXT, '
        '"verdict" TEXT, "evidence" TEXT, "per_source" TEXT, "sources_key" TEXT, '
        '"verifier_version" TEXT, "verified_at" TEXT, '
        "reason_id integer references verdict_reasons(id))"
    )
    db.execute(
        "insert into verifications_m029 select id, substr(id, instr(id, '-') + 1), verdict, "
        "evidence, per_source, sources_key, verifier_version, verified_at, reason_id "
        "from verifications order by id"
    )
    db.execute("drop table verifications")
    db.execute("pragma legacy_alter_table = on")
    db.execute("alter table verifications_m029 rename to verifications")
    db.execute("pragma legacy_alter_table = off")
    for sql in triggers:
        db.execute(sql)
    db.execute('create index "idx_verifications_claim_id" on "verifications" ("claim_id")')
    db.execute('create index "idx_verifications_verdict" on "verifications" ("verdict")')
    db.execute("delete from _sqlite_migrations where name = 'm030_verifications_lean'")
    db.conn.commit()


def before_m023(db) -> None:
    """Put ``db`` back to the schema of m022, for migration tests: each claim's provenance
    list and quote stored with it, each article version's simplified text stored when it
    differs, the index on sentences (version, idx), each verdict's reason stored with it."""
    from alsingest.normalize import Converter
    from alsingest.store.schema import CLAIM_COUNT_TRIGGERS, _triggers_off

    before_m030(db)
    db.execute("alter table claims add column provenance text")
    with _triggers_off(db, "claims", "update"):  # nothing logged as changed
        db.execute(
            "update claims set provenance = (select p.value from claim_provenances p "
            "where p.id = claims.provenance_id)"
        )
    db.execute("alter table claims drop column provenance_id")
    db.execute("drop table claim_provenances")
    db.execute("alter table verifications add column reason text")
    with _triggers_off(db, "verifications", "update"):
        db.execute(
            "update verifications set reason = (select r.value from verdict_reasons r "
            "where r.id = verifications.reason_id)"
        )
    db.execute("alter table verifications drop column reason_id")
    db.execute("drop table verdict_reasons")
    db.execute("drop view claim_texts")
    db.execute("drop view sentence_texts")
    converter = Converter()
    versions = db.execute("select * from article_versions order by rowid").fetchall()
    columns = [d[0] for d in db.execute("select * from article_versions limit 0").description]
    db.conn.commit()
    db.execute("pragma foreign_keys = off")
    db.execute("drop table article_versions")
    db.execute(ARTICLE_VERSIONS_M022)
    db.execute(
        "create unique index idx_article_versions_article_id_version "
        "on article_versions (article_id, version)"
    )
    kept = [c for c in columns if c not in ("first_sentence", "n_sentences")]
    for row in versions:
        values = dict(zip(columns, row, strict=True))
        simplified = converter.to_simplified(values["text"], values["script"])
        db.execute(
            f"insert into article_versions ({', '.join(kept)}, text_simplified) "
            f"values ({', '.join('?' * len(kept))}, ?)",
            [*(values[c] for c in kept), simplified if simplified != values["text"] else None],
        )
    db.conn.commit()
    db.execute("pragma foreign_keys = on")
    db.execute("create unique index idx_sentences_version_id_idx on sentences (version_id, idx)")
    db.execute(
        "create view sentence_texts as select s.*, "
        'substr(v.text, s.start + 1, s."end" - s.start) as text, '
        'substr(coalesce(v.text_simplified, v.text), s.start + 1, s."end" - s.start) '
        "as text_simplified from sentences s join article_versions v on v.id = s.version_id"
    )
    db.execute("drop trigger claim_counts_update")
    db.execute("alter table claims add column quote text")
    with _triggers_off(db, "claims", "update"):
        db.execute(
            "update claims set quote = (select substr(v.text, claims.start + 1, claims.[end] - "
            "claims.start) from article_versions v where v.id = claims.version_id)"
        )
    db.execute(
        "create trigger claim_counts_update "
        + CLAIM_COUNT_TRIGGERS["claim_counts_update"].replace('start, "end"', "quote")
    )
    db.execute(
        f"delete from _sqlite_migrations where name in ({', '.join('?' * len(AFTER_M022))})",
        AFTER_M022,
    )
    db.conn.commit()


def before_lean_corpus(db, segmenter) -> None:
    """Put ``db`` back to the schema before m021, for migration tests: sentences with text ids
    and their tokens (segmented again), an external-content index kept by triggers,
    paragraphs, markers and the claims-to-verify log keyed by text ids."""
    from alsingest.pipeline import search_texts

    before_m023(db)

    rows = []
    for vid, simplified in db.execute(
        "select id, coalesce(text_simplified, text) from article_versions"
    ).fetchall():
        sentences = db.execute(
            'select id, paragraph_idx, idx, start, "end", terms, terms_complete from sentences '
            "where version_id = ? order by idx",
            [vid],
        ).fetchall()
        tokens = search_texts(simplified, [(s[3], s[4]) for s in sentences], segmenter)
        rows += [
            (sid, f"{vid}-s{idx}", vid, paragraph, idx, start, end, words, terms, complete)
            for (sid, paragraph, idx, start, end, terms, complete), words in zip(
                sentences, tokens, strict=True
            )
        ]
    db.execute("drop view sentence_texts")
    db.execute("drop table sentences_fts")
    db.execute("drop table sentences")
    db.execute(
        'create table sentences ("id" TEXT PRIMARY KEY, "version_id" TEXT REFERENCES '
        '"article_versions"("id"), "paragraph_idx" INTEGER, "idx" INTEGER, "start" INTEGER, '
        '"end" INTEGER, "tokens" TEXT, "terms" TEXT NOT NULL DEFAULT \'\', '
        '"terms_complete" INTEGER NOT NULL DEFAULT 0)'
    )
    db.conn.executemany(
        "insert into sentences (rowid, id, version_id, paragraph_idx, idx, start, [end], tokens, "
        "terms, terms_complete) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.execute("create unique index idx_sentences_version_id_idx on sentences (version_id, idx)")
    db["sentences"].enable_fts(
        ["tokens", "terms"], fts_version="FTS5", create_triggers=True, tokenize="unicode61"
    )
    db.execute(
        "create view sentence_texts as select s.*, "
        'substr(v.text, s.start + 1, s."end" - s.start) as text, '
        'substr(coalesce(v.text_simplified, v.text), s.start + 1, s."end" - s.start) '
        "as text_simplified from sentences s join article_versions v on v.id = s.version_id"
    )
    for table, letter in (("paragraphs", "p"), ("citation_markers", "m")):
        columns = list(db[table].columns_dict)
        listed = ", ".join(f"[{c}]" for c in columns)
        db.execute(f"alter table [{table}] rename to [{table}_lean]")
        db.execute(
            f"create table [{table}] (id text primary key, "
            + ", ".join(f"[{c}]" for c in columns)
            + ")"
        )
        db.execute(
            f"insert into [{table}] (id, {listed}) select version_id || '-{letter}' || idx, "
            f"{listed} from [{table}_lean]"
        )
        db.execute(f"drop table [{table}_lean]")
        db.execute(f"create unique index idx_{table}_version_id_idx on [{table}] (version_id, idx)")
    for event in ("insert", "update"):
        db.execute(f"drop trigger claims_to_verify_{event}")
    db.execute("alter table claims_to_verify rename to claims_to_verify_lean")
    db.execute("create table claims_to_verify (id text primary key)")
    db.execute("insert into claims_to_verify select id from claims_to_verify_lean")
    db.execute("drop table claims_to_verify_lean")
    for event in ("insert", "update"):
        db.execute(
            f"create trigger claims_to_verify_{event} after {event} on claims "
            "begin insert or ignore into claims_to_verify (id) values (new.id); end"
        )
    db.execute("alter table article_versions drop column tokens_hash")
    db.execute("delete from _sqlite_migrations where name in ('m021_lean_corpus', 'm022_compact')")
    db.conn.commit()


@pytest.fixture(scope="session")
def seeded_db(toolkit, tmp_path_factory):
    """The five seeds ingested once; tests must not modify it."""
    path = tmp_path_factory.mktemp("seeded") / "corpus.db"
    database = store.open_db(path)
    report = ingest_files(database, [SEEDS], toolkit)
    assert report.ok and len(report.new) == 5
    yield database
    database.close()


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect home and database for flow tests."""
    from prefect.testing.utilities import prefect_test_harness

    home = tempfile.mkdtemp(prefix="prefect-home-")
    old = os.environ.get("PREFECT_HOME")
    os.environ["PREFECT_HOME"] = home
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    try:
        with prefect_test_harness(server_startup_timeout=120):
            yield
    finally:
        if old is None:
            os.environ.pop("PREFECT_HOME", None)
        else:
            os.environ["PREFECT_HOME"] = old
        shutil.rmtree(home, ignore_errors=True)


def review_guards(*names: str) -> list[dict]:
    """The cases of tests/review_guards/NAME files, in order: texts a reviewer wrote to make a
    session's new rules misfire, each right with the code before them."""
    folder = Path(__file__).parent / "review_guards"
    return [
        case for name in names for case in json.loads((folder / name).read_text(encoding="utf-8"))
    ]
