"""The corpus's schema: its migrations (sqlite-utils ``Migrations``), applied on every open.

Each migration converts a corpus built by the schema before it in place; none drops a
review decision. A new one goes after the last, named for what it changes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
from collections.abc import Iterable
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .base import write_lock

logger = logging.getLogger(__name__)

migrations = Migrations("alsingest")


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
    from ..normalize import Converter
    from ..segment import index_terms

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


@migrations()
def m014_listing_indexes(db: Database) -> None:
    # Listings page through the current claims in indexed queries (issue 13): a contradicted
    # claim comes first (found by its verdict), and claims reach their article through its
    # current version. Indexes only: no row changes.
    db["verifications"].create_index(["verdict"], if_not_exists=True)
    db["articles"].create_index(["current_version"], if_not_exists=True)


# What the change counters count: table -> the statements that change what readers derive
# from it (the review queue's filter counts, the timeline's points).
CHANGE_TRIGGERS = {
    "claims": ("insert", "delete", "update"),
    "verifications": ("insert", "delete", "update of verdict"),
}


@migrations()
def m015_change_counters(db: Database) -> None:
    # A counter per table, raised by a trigger on every row written, whoever writes it: what
    # is derived from the whole table (filter counts over every claim) is kept with the
    # counters it was computed at and used until they move (``derived``).
    db["corpus_changes"].create({"name": str, "n": int}, pk="name")
    for table, events in CHANGE_TRIGGERS.items():
        db["corpus_changes"].insert({"name": table, "n": 0})
        for event in events:
            db.execute(
                f"create trigger [{table}_changed_{event.split()[0]}] after {event} on [{table}] "
                f"begin update corpus_changes set n = n + 1 where name = '{table}'; end"
            )
    db["derived"].create({"name": str, "stamp": str, "value": str}, pk="name")


@migrations()
def m016_document_counter(db: Database) -> None:
    # The documents' counter moves when a document appears or goes, or another version (or
    # registry id) becomes current: what verification reads. A verify that finds every
    # counter where its last run left them has nothing to read again.
    db["corpus_changes"].insert({"name": "documents", "n": 0}, replace=True)
    bump = "begin update corpus_changes set n = n + 1 where name = 'documents'; end"
    db.execute(f"create trigger documents_changed_insert after insert on documents {bump}")
    db.execute(f"create trigger documents_changed_delete after delete on documents {bump}")
    db.execute(
        "create trigger documents_changed_update after update of current_version, trial_id "
        "on documents when old.current_version is not new.current_version "
        f"or old.trial_id is not new.trial_id {bump}"
    )


@migrations()
def m017_claims_to_verify(db: Database) -> None:
    # The claim rows written since verification last read them (a trigger logs each), so
    # that a verify after an ingest of one article reads that article's claims, not all.
    # Claims stored before this and never verified are logged here once.
    db["claims_to_verify"].create({"id": str}, pk="id")
    for event in ("insert", "update"):
        db.execute(
            f"create trigger claims_to_verify_{event} after {event} on claims "
            "begin insert or ignore into claims_to_verify (id) values (new.id); end"
        )
    db.execute(
        "insert or ignore into claims_to_verify (id) select c.id from claims c "
        "join articles a on a.current_version = c.version_id "
        "left join verifications ver on ver.id = c.id "
        "where ver.id is null or ver.sources_key is null"
    )


@migrations()
def m018_text_once(db: Database) -> None:
    # Each article version's text is stored once: a sentence is its span (start, end) of it,
    # and the simplified text (length-preserving, so the same span) is kept only when it
    # differs from the text. Sentences keep their words for the full-text index. The view
    # sentence_texts shows each sentence with its text, as the table did (Datasette).
    # Columns are dropped in place, so every rowid (the index's key) and id stays as it was.
    # The file keeps its size until VACUUM gives the freed pages back.
    columns = db["sentences"].columns_dict
    for column in ("text", "text_simplified"):
        if column in columns:
            db.execute(f"alter table sentences drop column [{column}]")
    db.execute("update article_versions set text_simplified = null where text_simplified = text")
    db.execute(
        "create view if not exists sentence_texts as select s.*, "
        'substr(v.text, s.start + 1, s."end" - s.start) as text, '
        'substr(coalesce(v.text_simplified, v.text), s.start + 1, s."end" - s.start) '
        "as text_simplified from sentences s join article_versions v on v.id = s.version_id"
    )


# The current claims counted by what the review's filters, the timeline and fact counts ask
# (therapy, type, status, verdict, date; an undated claim's phase and size, what its fact is
# made of): a table kept by triggers on every write of claims, verdicts and articles' current
# versions, so that a count costs the same in a corpus of any size. NULL is '' (a key).
CLAIM_COUNT_KEY = ("therapy", "type", "status", "verdict", "date", "phase", "enrollment")
UNVERIFIED = "unverified"


def claim_count_values(claim: str, verdict: str) -> str:
    """The key of a claim row (``new``, ``old``, ``c``) with its verdict expression, as SQL."""
    undated = f"{claim}.date is null"
    return (
        f"{claim}.therapy, {claim}.type, coalesce({claim}.status, ''), "
        f"coalesce({verdict}, '{UNVERIFIED}'), coalesce({claim}.date, ''), "
        f"case when {undated} then coalesce({claim}.phase, '') else '' end, "
        f"case when {undated} then coalesce({claim}.enrollment, '') else '' end"
    )


def _count(select: str) -> str:
    """Add the rows of ``select`` (a key and a signed count each) to ``claim_counts``."""
    columns = ", ".join(CLAIM_COUNT_KEY)
    return (
        f"insert into claim_counts ({columns}, n) {select} "
        "on conflict do update set n = n + excluded.n"
    )


def _count_claim(row: str, sign: int, when: str) -> str:
    verdict = f"(select verdict from verifications where id = {row}.id)"
    return _count(f"select {claim_count_values(row, verdict)}, {sign} where {when}")


def _count_version(version: str, sign: int) -> str:
    return _count(
        f"select {claim_count_values('c', 'ver.verdict')}, {sign} * count(*) from claims c "
        f"left join verifications ver on ver.id = c.id where c.version_id = {version} "
        "group by 1, 2, 3, 4, 5, 6, 7"
    )


def _move_verdict(row: str, before: str, after: str) -> str:
    """The claim of verification ``row`` moved from verdict ``before`` to ``after``."""
    return "; ".join(
        _count(
            f"select {claim_count_values('c', verdict)}, {sign} from claims c where c.id = {row}.id"
        )
        for verdict, sign in ((before, -1), (after, 1))
    )


def _current(version: str) -> str:
    return f"exists (select 1 from articles where current_version = {version})"


def _current_claim(claim_row: str) -> str:
    return (
        "exists (select 1 from claims c join articles a on a.current_version = c.version_id "
        f"where c.id = {claim_row})"
    )


CLAIM_COUNT_TRIGGERS = {
    "claim_counts_insert": (
        f"after insert on claims begin {_count_claim('new', 1, _current('new.version_id'))}; end"
    ),
    "claim_counts_delete": (
        f"after delete on claims begin {_count_claim('old', -1, _current('old.version_id'))}; end"
    ),
    "claim_counts_update": (
        # Every column contradictions are found from too: a change logs the therapy.
        "after update of therapy, type, status, date, phase, enrollment, outcome, start, "
        '"end", version_id on claims '
        f"begin {_count_claim('old', -1, _current('old.version_id'))}; "
        f"{_count_claim('new', 1, _current('new.version_id'))}; end"
    ),
    "claim_counts_current": (
        "after update of current_version on articles "
        "when old.current_version is not new.current_version begin "
        f"{_count_version('old.current_version', -1)}; "
        f"{_count_version('new.current_version', 1)}; end"
    ),
    "claim_counts_article_insert": (
        f"after insert on articles begin {_count_version('new.current_version', 1)}; end"
    ),
    "claim_counts_article_delete": (
        f"after delete on articles begin {_count_version('old.current_version', -1)}; end"
    ),
    "claim_counts_verdict_insert": (
        f"after insert on verifications when new.verdict is not null and "
        f"{_current_claim('new.id')} begin {_move_verdict('new', 'null', 'new.verdict')}; end"
    ),
    "claim_counts_verdict_update": (
        "after update of verdict on verifications when old.verdict is not new.verdict and "
        f"{_current_claim('new.id')} begin {_move_verdict('new', 'old.verdict', 'new.verdict')}; end"
    ),
    "claim_counts_verdict_delete": (
        f"after delete on verifications when old.verdict is not null and "
        f"{_current_claim('old.id')} begin {_move_verdict('old', 'old.verdict', 'null')}; end"
    ),
}


@migrations()
def m019_claim_counts(db: Database) -> None:
    # The current claims counted by the review's filters (CLAIM_COUNT_KEY), kept by triggers;
    # the claims' therapy index gains type and date (the timeline's groups, facts' dates) and
    # what a fact's claims are read for.
    # Two logs let verify read only what changed: the therapies whose current claims changed
    # (a count moved: their facts and contradictions are found again) and the documents whose
    # current version changed (the claims citing them are verified again); references are
    # found by their URL. The logs start with every therapy and document, so the first verify
    # after this looks at everything once.
    db.execute(
        "create table claim_counts ("
        + ", ".join(f"[{column}] not null" for column in CLAIM_COUNT_KEY)
        + f", n integer not null, primary key ({', '.join(CLAIM_COUNT_KEY)})) without rowid"
    )
    db.execute(
        _count(
            f"select {claim_count_values('c', 'ver.verdict')}, count(*) from claims c "
            "join articles a on a.current_version = c.version_id "
            "left join verifications ver on ver.id = c.id where true group by 1, 2, 3, 4, 5, 6, 7"
        )
    )
    for name, body in CLAIM_COUNT_TRIGGERS.items():
        db.execute(f"create trigger [{name}] {body}")
    # Covering what a fact's claims are read for (its articles, the first phase and size):
    # a page of facts reads the index alone.
    db["claims"].create_index(
        ["therapy", "type", "date", "version_id", "start", "phase", "enrollment"],
        index_name="idx_claims_facts",
        if_not_exists=True,
    )
    db.execute("drop index if exists idx_claims_therapy")
    # The claims a therapy's outcome contradictions are found from (few): a partial index.
    db.execute(
        "create index if not exists idx_claims_primary_outcome on claims (therapy) "
        "where outcome in ('met_primary', 'missed_primary')"
    )
    db["article_references"].create_index(["url_normalized"], if_not_exists=True)

    db.execute("create table therapies_to_check (therapy text primary key) without rowid")
    db.execute("insert into therapies_to_check select distinct therapy from claim_counts")
    for event in ("insert", "update"):
        db.execute(
            f"create trigger therapies_to_check_{event} after {event} on claim_counts begin "
            # Not "or ignore": a trigger's conflict clause gives way to its statement's.
            "insert into therapies_to_check select new.therapy where not exists "
            "(select 1 from therapies_to_check where therapy = new.therapy); end"
        )
    db.execute("create table documents_to_verify (id text primary key) without rowid")
    db.execute(
        "insert into documents_to_verify select id from documents where current_version is not null"
    )

    def log(row: str) -> str:
        return (
            f"begin insert into documents_to_verify select {row}.id where not exists "
            f"(select 1 from documents_to_verify where id = {row}.id); end"
        )

    # A document without a current version is no claim's source: only one with a version
    # coming, going or changing (or a version's registry id) changes what a claim cites.
    db.execute(
        "create trigger documents_to_verify_insert after insert on documents "
        f"when new.current_version is not null {log('new')}"
    )
    db.execute(
        "create trigger documents_to_verify_delete after delete on documents "
        f"when old.current_version is not null {log('old')}"
    )
    db.execute(
        "create trigger documents_to_verify_update after update of current_version, trial_id "
        "on documents when old.current_version is not new.current_version "
        f"or (new.current_version is not null and old.trial_id is not new.trial_id) {log('new')}"
    )


# The rows per table of an article's current version, kept with the article by the writer
# (``write_article``): in ``articles``, whose rows are small (an article version's text would
# have to be read past to reach a count kept with it).
VERSION_COUNTS = {
    "paragraphs": "paragraphs",
    "sentences": "sentences",
    "article_references": "references",
    "citation_markers": "markers",
}


@migrations()
def m020_version_counts(db: Database) -> None:
    # Each article keeps how many paragraphs, sentences, references and markers its current
    # version has: `articles` lists them and `ingest` sums them without counting rows.
    for table, column in VERSION_COUNTS.items():
        db["articles"].add_column(f"n_{column}", int, not_null_default=0)
        db.execute(
            f"update articles set n_{column} = (select count(*) from [{table}] t "
            "where t.version_id = articles.current_version)"
        )


def tokens_digest(rows) -> str:
    """What the full-text index holds for an article version: a digest of each sentence's
    (idx, start, end, tokens), in order. The index keeps no copy of the tokens (m021); a row
    is taken out of it with its exact tokens, which are segmented again and checked here."""
    digest = hashlib.blake2b(digest_size=12)
    for idx, start, end, tokens in rows:
        digest.update(f"{idx}\t{start}\t{end}\t{tokens}\n".encode())
    return digest.hexdigest()


SENTENCES = (
    "create table [{name}] (id integer primary key autoincrement, "
    "version_id text references article_versions(id), paragraph_idx integer, idx integer, "
    "start integer, [end] integer, terms text not null default '', "
    "terms_complete integer not null default 0)"
)
SENTENCE_TEXTS = (
    "create view sentence_texts as select s.*, "
    'substr(v.text, s.start + 1, s."end" - s.start) as text, '
    'substr(coalesce(v.text_simplified, v.text), s.start + 1, s."end" - s.start) '
    "as text_simplified from sentences s join article_versions v on v.id = s.version_id"
)


@migrations()
def m021_lean_corpus(db: Database) -> None:
    # The corpus loses what nobody reads: sentences keep no copy of their words (the
    # full-text index becomes contentless, its rows keyed by the sentence's integer id, each
    # version's words digested in article_versions.tokens_hash), and sentences, paragraphs,
    # citation markers and the claims-to-verify log lose their text ids and the indexes
    # behind them (paragraphs and markers are keyed by version and position). Every rowid
    # the index refers to, claim id and decision stays; m032 gives the space back (VACUUM).
    if db.execute("select 1 from sentences limit 1").fetchone():
        logger.warning(
            "converting the corpus to store less (m021), then compacting it (m032): "
            "a minute or two for 10,000 articles"
        )
    # Each version's words, digested.
    digests: list[tuple[str, str]] = []
    current, rows = None, []
    for vid, idx, start, end, tokens in db.execute(
        'select version_id, idx, start, "end", tokens from sentences order by version_id, idx'
    ):
        if vid != current:
            if current is not None:
                digests.append((tokens_digest(rows), current))
            current, rows = vid, []
        rows.append((idx, start, end, tokens))
    if current is not None:
        digests.append((tokens_digest(rows), current))
    db["article_versions"].add_column("tokens_hash", str)
    db.conn.executemany("update article_versions set tokens_hash = ? where id = ?", digests)

    db.execute("drop view if exists sentence_texts")
    for trigger in ("sentences_ai", "sentences_ad", "sentences_au"):
        db.execute(f"drop trigger if exists [{trigger}]")
    db.execute(SENTENCES.format(name="sentences_lean"))
    db.execute(
        "insert into sentences_lean (id, version_id, paragraph_idx, idx, start, [end], terms, "
        'terms_complete) select rowid, version_id, paragraph_idx, idx, start, "end", terms, '
        "terms_complete from sentences order by rowid"
    )
    db.execute(
        "create virtual table sentences_fts_lean using fts5(tokens, terms, content='', "
        "columnsize=0, tokenize='unicode61')"
    )
    db.execute(
        "insert into sentences_fts_lean (rowid, tokens, terms) "
        "select rowid, tokens, terms from sentences order by rowid"
    )
    db.execute("drop table sentences_fts")
    db.execute("drop table sentences")
    db.execute("alter table sentences_lean rename to sentences")
    db.execute("alter table sentences_fts_lean rename to sentences_fts")
    db.execute("create unique index idx_sentences_version_id_idx on sentences (version_id, idx)")
    db.execute(SENTENCE_TEXTS)

    for table, columns in (
        ("paragraphs", '"start" integer, "end" integer, kind text'),
        (
            "citation_markers",
            'sentence_idx integer, "start" integer, "end" integer, text text, n integer, '
            "year text, reference_id text, resolved integer",
        ),
    ):
        names = [c for c in db[table].columns_dict if c != "id"]
        db.execute(
            f"create table [{table}_lean] (version_id text references article_versions(id), "
            f"idx integer, {columns}, primary key (version_id, idx)) without rowid"
        )
        listed = ", ".join(f"[{name}]" for name in names)
        db.execute(f"insert into [{table}_lean] ({listed}) select {listed} from [{table}]")
        db.execute(f"drop table [{table}]")
        db.execute(f"alter table [{table}_lean] rename to [{table}]")

    for event in ("insert", "update"):
        db.execute(f"drop trigger if exists claims_to_verify_{event}")
    db.execute("create table claims_to_verify_lean (id text primary key) without rowid")
    db.execute("insert into claims_to_verify_lean select id from claims_to_verify")
    db.execute("drop table claims_to_verify")
    db.execute("alter table claims_to_verify_lean rename to claims_to_verify")
    for event in ("insert", "update"):
        db.execute(
            f"create trigger claims_to_verify_{event} after {event} on claims begin "
            "insert into claims_to_verify select new.id where not exists "
            "(select 1 from claims_to_verify where id = new.id); end"
        )


@migrations(transactional=False)
def m022_compact(db: Database) -> None:
    # The pages m018 and m021 freed are given back by m032's VACUUM, which follows (one
    # VACUUM, not two, for a corpus converted from before m021).
    pass


@migrations()
def m023_provenance_lookup(db: Database) -> None:
    # Which rule gave each field of a claim (`claims --explain`) repeats: about a hundred
    # different lists over 250,000 claims. Each list is stored once (claim_provenances) and
    # a claim keeps its number. Claim ids and decisions are untouched; m032 gives the space
    # back (VACUUM).
    if db.execute("select 1 from claims limit 1").fetchone():
        logger.warning(
            "converting the corpus to store less (m023-m026), then compacting it (m032): "
            "about 15 s for 10,000 articles"
        )
    db.execute(
        "create table claim_provenances (id integer primary key, value text not null unique)"
    )
    db.execute(
        "insert into claim_provenances (value) select distinct provenance from claims "
        "where provenance is not null order by provenance"
    )
    db.execute(
        "alter table claims add column provenance_id integer references claim_provenances(id)"
    )
    # How a claim is stored is no change to it: nothing is logged for verify or counted.
    with _triggers_off(db, "claims", "update"):
        db.execute(
            "update claims set provenance_id = (select p.id from claim_provenances p "
            "where p.value = claims.provenance) where provenance is not null"
        )
    db.execute("alter table claims drop column provenance")


@contextmanager
def _triggers_off(db: Database, table: str, event: str):
    """The triggers on ``event`` (insert, update, delete) of ``table`` dropped for the block,
    then made again as they were."""
    triggers = [
        sql
        for (sql,) in db.execute(
            "select sql from sqlite_master where type = 'trigger' and tbl_name = ?", [table]
        ).fetchall()
        if re.search(rf"\b(after|before)\s+{event}\b", sql, re.IGNORECASE)
    ]
    names = [re.search(r"trigger\s+(\[[^\]]+\]|\S+)", sql, re.IGNORECASE)[1] for sql in triggers]
    for name in names:
        db.execute(f"drop trigger {name}")
    try:
        yield
    finally:
        for sql in triggers:
            db.execute(sql)


CLAIM_TEXTS = (
    "create view claim_texts as select c.*, "
    'substr(v.text, c.start + 1, c."end" - c.start) as quote '
    "from claims c join article_versions v on v.id = c.version_id"
)


@migrations()
def m024_quote_as_span(db: Database) -> None:
    # A claim's quote is its span (start, end) of its version's text (the extractor has always
    # written it so): cut on read, not kept. The view claim_texts shows each claim with its
    # quote (Datasette). A count trigger named the column among those it follows.
    mismatched = db.execute(
        "select count(*) from claims c join article_versions v on v.id = c.version_id "
        'where c.quote is not substr(v.text, c.start + 1, c."end" - c.start)'
    ).fetchone()[0]
    if mismatched:
        logger.warning(
            "%d claims quoted other than their span of the article's text: they now quote the span",
            mismatched,
        )
    db.execute("drop trigger claim_counts_update")
    db.execute("alter table claims drop column quote")
    db.execute(f"create trigger claim_counts_update {CLAIM_COUNT_TRIGGERS['claim_counts_update']}")
    db.execute(CLAIM_TEXTS)


# article_versions as m025 makes it: what is read of a version first, its text last (a column
# after the text is read past it: its overflow pages), the simplified text gone.
ARTICLE_VERSIONS = (
    "create table [{name}] (id text primary key, article_id text references articles(id), "
    "version integer, content_hash text, encoding text, script text, chars integer, "
    "parser_version text, ingested_at text, published text, given_published text, "
    "tokens_hash text, first_sentence integer, n_sentences integer not null default 0, "
    "text text)"
)
SENTENCE_TEXTS_SIMPLIFIED = (
    "create view sentence_texts as select s.*, "
    'substr(v.text, s.start + 1, s."end" - s.start) as text, '
    'simplified(v.text, v.script, s.start, s."end") as text_simplified '
    "from sentences s join article_versions v on v.id = s.version_id"
)


@migrations(transactional=False)
def m025_versions_lean(db: Database) -> None:
    # An article version keeps its text only: the simplified form (traditional articles) is
    # converted again on read, length-preserving (sentence_texts converts with the SQL
    # function ``simplified``, which open_db and ``alsingest browse`` register). A version's
    # sentences have consecutive ids from first_sentence, in order, so a sentence is found by
    # (version, idx) without the index on them. Sentence ids, claim ids and decisions stay.
    # The table is made again (its text last), which foreign keys must not see half done:
    # they are off, and this runs in a transaction of its own.
    if "first_sentence" in db["article_versions"].columns_dict:
        return  # converted, and stopped before its record was written
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with write_lock(db):
            _versions_lean(db)
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def _versions_lean(db: Database) -> None:
    converter = _converter()
    stale = sum(
        converter.to_simplified(text, script) != simplified
        for text, script, simplified in db.execute(
            "select text, script, text_simplified from article_versions "
            "where text_simplified is not null"
        )
    )
    if stale:
        logger.warning(
            "%d article versions were simplified otherwise (another OpenCC): they are "
            "simplified by this one from now on",
            stale,
        )
    ranges = "select version_id, min(id) as first, count(*) as n from sentences group by version_id"
    scattered = [
        row[0]
        for row in db.execute(
            "select version_id, min(id), max(id), count(*), min(id - idx), max(id - idx) "
            "from sentences group by version_id"
        )
        if not (row[2] - row[1] + 1 == row[3] and row[4] == row[5] == row[1])
    ]
    if scattered:
        _gather_sentences(db, scattered)
    db.execute(f"create temp table sentence_ranges as {ranges}")
    db.execute("drop view if exists sentence_texts")
    db.execute("drop view if exists claim_texts")
    db.execute(ARTICLE_VERSIONS.format(name="article_versions_lean"))
    columns = [
        c
        for c in db["article_versions_lean"].columns_dict
        if c not in ("first_sentence", "n_sentences")
    ]
    db.execute(
        f"insert into article_versions_lean ({', '.join(f'[{c}]' for c in columns)}, "
        "first_sentence, n_sentences) select "
        + ", ".join(f"v.[{c}]" for c in columns)
        + ", r.first, coalesce(r.n, 0) from article_versions v "
        "left join temp.sentence_ranges r on r.version_id = v.id order by v.rowid"
    )
    db.execute("drop table temp.sentence_ranges")
    db.execute("drop table article_versions")
    db.execute("alter table article_versions_lean rename to article_versions")
    db.execute(
        "create unique index idx_article_versions_article_id_version "
        "on article_versions (article_id, version)"
    )
    db.execute("drop index idx_sentences_version_id_idx")
    db.execute(SENTENCE_TEXTS_SIMPLIFIED)
    db.execute(CLAIM_TEXTS)


def _gather_sentences(db: Database, versions: list[str]) -> None:
    """Give the sentences of ``versions`` (whose ids are not consecutive in order) new ids
    that are. Their index rows cannot be moved without their tokens: they are left (counted)
    and the versions marked to be indexed again (``alsingest browse`` re-segments them)."""
    for vid in versions:
        rows = db.execute(
            'select paragraph_idx, idx, start, "end", terms from sentences '
            "where version_id = ? order by idx",
            [vid],
        ).fetchall()
        gone = db.execute("delete from sentences where version_id = ?", [vid]).rowcount
        db.execute(
            "insert into corpus_changes (name, n) values ('index_orphans', ?) "
            "on conflict(name) do update set n = n + excluded.n",
            [gone],
        )
        db.conn.executemany(
            'insert into sentences (version_id, paragraph_idx, idx, start, "end", terms, '
            "terms_complete) values (?, ?, ?, ?, ?, ?, 0)",
            [(vid, *row) for row in rows],
        )
        db.execute("update article_versions set tokens_hash = null where id = ?", [vid])
    logger.warning(
        "%d article versions had their sentences renumbered: `alsingest browse` indexes them "
        "again for search",
        len(versions),
    )


@migrations()
def m026_verdict_reasons(db: Database) -> None:
    # Why a claim has its verdict repeats (most claims: "the article cites no source for this
    # claim"): each reason is stored once (verdict_reasons) and a verdict keeps its number.
    # No verdict changes, and nothing is logged as changed.
    db.execute("create table verdict_reasons (id integer primary key, value text not null unique)")
    db.execute(
        "insert into verdict_reasons (value) select distinct reason from verifications "
        "where reason is not null order by reason"
    )
    db.execute(
        "alter table verifications add column reason_id integer references verdict_reasons(id)"
    )
    with _triggers_off(db, "verifications", "update"):
        db.execute(
            "update verifications set reason_id = (select r.id from verdict_reasons r "
            "where r.value = verifications.reason) where reason is not null"
        )
    db.execute("alter table verifications drop column reason")


@migrations(transactional=False)
def m027_compact(db: Database) -> None:
    # The pages m018, m021 and m023 to m026 freed are given back by m032's VACUUM, which
    # follows (one VACUUM, not two, for a corpus converted from before m030).
    pass


@migrations()
def m028_primary_outcomes_covered(db: Database) -> None:
    # A therapy's outcome contradictions read on the index alone (outcome, phase, claim and
    # version), not each claim's row: 40,000 rows of one therapy at 100,000 articles.
    db.execute("drop index if exists idx_claims_primary_outcome")
    db.execute(
        "create index idx_claims_primary_outcome "
        "on claims (therapy, outcome, phase, version_id, claim_id) "
        "where outcome in ('met_primary', 'missed_primary')"
    )


# What `ingest` reports of the corpus: its articles and the rows of their current versions,
# kept with every write to `articles` (m020 keeps each article's counts) instead of summed
# over every article after each ingest (15 ms at 100,000 articles, more from a cold disk).
CORPUS_TOTALS = ("sentences", "references", "markers")


def _move_totals(row: str, sign: str) -> str:
    return "update corpus_totals set " + ", ".join(
        [f"n_articles = n_articles {sign} 1"]
        + [f"n_{column} = n_{column} {sign} {row}.n_{column}" for column in CORPUS_TOTALS]
    )


CORPUS_TOTAL_TRIGGERS = {
    "corpus_totals_insert": f"after insert on articles begin {_move_totals('new', '+')}; end",
    "corpus_totals_delete": f"after delete on articles begin {_move_totals('old', '-')}; end",
    "corpus_totals_update": (
        f"after update of {', '.join(f'n_{c}' for c in CORPUS_TOTALS)} on articles "
        "begin update corpus_totals set "
        + ", ".join(f"n_{c} = n_{c} - old.n_{c} + new.n_{c}" for c in CORPUS_TOTALS)
        + "; end"
    ),
}


@migrations()
def m029_corpus_totals(db: Database) -> None:
    columns = ["n_articles", *(f"n_{column}" for column in CORPUS_TOTALS)]
    db.execute(
        f"create table corpus_totals ({', '.join(f'{c} integer not null' for c in columns)})"
    )
    db.execute(
        f"insert into corpus_totals ({', '.join(columns)}) select count(*), "
        + ", ".join(f"coalesce(sum(n_{column}), 0)" for column in CORPUS_TOTALS)
        + " from articles"
    )
    for name, body in CORPUS_TOTAL_TRIGGERS.items():
        db.execute(f"create trigger [{name}] {body}")


# verifications as m030 makes it: keyed by the claim row's id without a rowid (the id was
# stored twice, in the table and in its primary-key index), no copy of the stable claim id
# (the end of the row id: claims.claim_id finds it), and an index of the contradicted
# verdicts only, the one verdict a listing seeks (a filter by verdict compares
# coalesce(verdict, ...), which no index serves).
VERIFICATIONS = (
    "create table [{name}] (id text primary key, verdict text, "
    "reason_id integer references verdict_reasons(id), evidence text, per_source text, "
    "sources_key text, verifier_version text, verified_at text) without rowid"
)
CONTRADICTED_INDEX = (
    "create index idx_verifications_contradicted on verifications (verdict) "
    "where verdict = 'contradicted'"
)


@migrations()
def m030_verifications_lean(db: Database) -> None:
    # The verdicts took 54 MB at 10,000 articles after a verify, half of it indexes and
    # copies of ids. Every verdict, its reason and stamp stay; nothing is logged as changed
    # (the table's own triggers are made again as they were). m032 gives the space back.
    if db.execute("select 1 from articles limit 1").fetchone():
        logger.warning(
            "converting the corpus to store less (m030, m031), then compacting it (m032): "
            "about half a minute for 10,000 articles"
        )
    triggers = [
        sql
        for (sql,) in db.execute(
            "select sql from sqlite_master where type = 'trigger' and tbl_name = 'verifications'"
        ).fetchall()
    ]
    db.execute(VERIFICATIONS.format(name="verifications_lean"))
    columns = ", ".join(f"[{c}]" for c in db["verifications_lean"].columns_dict)
    db.execute(
        f"insert into verifications_lean ({columns}) select {columns} from verifications "
        "order by id"
    )
    db.execute("drop table verifications")
    # The claims' count triggers name the table: left as they are, not rewritten or checked
    # while it is briefly missing.
    db.execute("PRAGMA legacy_alter_table = ON")
    try:
        db.execute("alter table verifications_lean rename to verifications")
    finally:
        db.execute("PRAGMA legacy_alter_table = OFF")
    for sql in triggers:
        db.execute(sql)
    db.execute(CONTRADICTED_INDEX)


# paragraphs as m031 makes it: a version's paragraphs in one row, [start, end, kind] by
# position (JSON), instead of a row each keyed by the 16-character version id; the view
# paragraph_texts shows them a row each with their text (Datasette).
PARAGRAPHS = (
    "create table [{name}] (version_id text primary key references article_versions(id), "
    "spans text not null)"
)
PARAGRAPH_TEXTS = (
    "create view paragraph_texts as select p.version_id, j.key as idx, "
    "json_extract(j.value, '$[0]') as start, json_extract(j.value, '$[1]') as \"end\", "
    "json_extract(j.value, '$[2]') as kind, substr(v.text, json_extract(j.value, '$[0]') + 1, "
    "json_extract(j.value, '$[1]') - json_extract(j.value, '$[0]')) as text "
    "from paragraphs p join article_versions v on v.id = p.version_id, json_each(p.spans) j "
    "where j.value is not null"
)


def paragraph_spans(rows: Iterable[tuple[int, int, int, str]]) -> str:
    """A version's paragraphs ``(idx, start, end, kind)`` as stored (m031): JSON, each
    paragraph's [start, end, kind] at its position (null where a position has none)."""
    spans: list = []
    for idx, start, end, kind in rows:
        spans.extend([None] * (idx + 1 - len(spans)))
        spans[idx] = [start, end, kind]
    return json.dumps(spans, ensure_ascii=False, separators=(",", ":"))


@migrations()
def m031_paragraph_spans(db: Database) -> None:
    # A paragraph is three numbers' worth of data, and its row held the version's 16-character
    # id too: 30 MB at 10,000 articles. Each version's paragraphs now make one row. m032 gives
    # the space back.
    db.execute(PARAGRAPHS.format(name="paragraphs_spans"))

    def versions():
        rows = db.execute(
            'select version_id, idx, start, "end", kind from paragraphs order by version_id, idx'
        )
        for vid, group in groupby(rows, key=lambda row: row[0]):
            yield vid, paragraph_spans(row[1:] for row in group)

    db.conn.executemany(
        "insert into paragraphs_spans (version_id, spans) values (?, ?)", versions()
    )
    db.execute("drop table paragraphs")
    db.execute("alter table paragraphs_spans rename to paragraphs")
    db.execute(PARAGRAPH_TEXTS)


@migrations(transactional=False)
def m032_compact(db: Database) -> None:
    # The pages m018, m021, m023 to m026, m030 and m031 freed, given back to the file system.
    if db.execute("select count(*) from articles").fetchone()[0]:
        logger.warning("compacting the corpus (VACUUM)")
        db.execute("VACUUM")


_CONVERTERS: list = []


def _converter():
    """One OpenCC converter per process, made when first needed (it costs a few ms)."""
    if not _CONVERTERS:
        from ..normalize import Converter

        _CONVERTERS.append(Converter())
    return _CONVERTERS[0]


def simplified_text(text: str, script: str | None) -> str:
    """An article version's simplified text (length-preserving), converted again: its own
    text when written in simplified script."""
    return text if script in (None, "simplified") else _converter().to_simplified(text, script)


def simplified_span(text: str | None, script: str | None, start: int, end: int) -> str | None:
    """The simplified form of ``text[start:end]`` (an article version's text is stored once,
    m025), converting only the lines it spans; the SQL function ``simplified``."""
    if text is None:
        return None
    if script in (None, "simplified"):
        return text[start:end]
    return _converter().simplified_span(text, script, start, end)


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("simplified", 4, simplified_span, deterministic=True)


# How long a write waits for another process's write lock.
BUSY_TIMEOUT_MS = 30000

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
        register_functions(db.conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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
