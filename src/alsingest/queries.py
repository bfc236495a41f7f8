"""Read side of the corpus: listings, search and exports over current article versions."""

from __future__ import annotations

import difflib
import json
import logging
import re
from collections.abc import Iterable, Iterator

from sqlite_utils import Database

from . import store
from .normalize import Converter, fold
from .segment import Segmenter, search_text

logger = logging.getLogger(__name__)

CURRENT = "join articles a on a.current_version = v.id"

CLAIM_COLUMNS = (
    "article", "quote", "therapy", "type", "date", "date_text", "phase", "enrollment", "status",
    "refs", "ref_urls", "claim_id", "start", "end", "sentence", "unlisted", "design", "outcome",
    "extractor_version", "article_version", "verdict", "verdict_reason", "evidence", "provenance",
    "trial_ids", "verdicts",
)  # fmt: skip
# The columns of each export, in order: a CSV export has its header row even with no rows.
EXPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "references": (
        "article", "n", "kind", "url", "url_normalized", "doi", "title", "inline", "status",
        "http_status", "reason", "fetched_at", "document_hash", "document_versions",
    ),
    "sentences": ("article", "index", "start", "end", "text", "text_simplified", "markers"),
    "claims": CLAIM_COLUMNS,
    "documents": (
        "url", "final_url", "version", "source", "content_type", "title", "published", "hash",
        "text", "fetched_at", "http_status", "encoding", "current",
    ),
    "reviewed claims": (
        *CLAIM_COLUMNS, "review", "corrected", "reviewer", "reviewed_at", "review_note",
        "changed_since_review",
    ),
}  # fmt: skip


class UnknownName(LookupError):
    """A name (article, therapy) that names nothing in the corpus, with the nearest ones."""

    def __init__(self, what: str, name: str, nearest: list[str], reason: str = "") -> None:
        self.what, self.name, self.nearest = what, name, nearest
        hint = f"; nearest: {', '.join(nearest)}" if nearest else ""
        super().__init__(f"{what} {name!r}: {reason or 'not in the corpus'}{hint}")


def nearest_names(name: str, names: Iterable[str], count: int = 5) -> list[str]:
    """The names most like ``name``: those containing it first, then the closest spellings."""
    names = sorted(set(names))
    folded = name.casefold()
    containing = [n for n in names if folded in n.casefold()]
    close = difflib.get_close_matches(name, names, n=count, cutoff=0.4)
    return list(dict.fromkeys([*containing, *close]))[:count]


def resolve_article(db: Database, name: str) -> str:
    """The article ``name`` stands for: its full name, or any unique start or end of it
    (``002_52964ac1`` as a table shows it, ``52964ac19b306853.txt``); else :class:`UnknownName`."""
    names = [row[0] for row in db.execute("select name from articles order by name")]
    if name in names:
        return name
    matches = [n for n in names if n.startswith(name) or n.endswith(name)] if name else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UnknownName("article", name, matches[:10], f"{len(matches)} articles match")
    raise UnknownName("article", name, nearest_names(name, names))


def claim_therapies(db: Database) -> list[str]:
    """The therapies current claims name (canonical ids, and names not in the lexicon)."""
    return [
        row[0]
        for row in db.execute(
            f"""
            select distinct c.therapy from claims c
            join article_versions v on v.id = c.version_id {CURRENT} order by c.therapy
            """
        )
    ]


def resolve_therapy(db: Database, name: str, lexicon) -> str:
    """The therapy ``name`` stands for: a canonical id from any alias (any script or case), or
    a name current claims use (therapies not in the lexicon); else :class:`UnknownName`."""
    canonical = lexicon.canonical(name)
    if canonical:
        return canonical
    claimed = claim_therapies(db)
    if name in claimed:
        return name
    names = [*claimed, *(alias for aliases in lexicon.entries.values() for alias in aliases)]
    raise UnknownName(
        "therapy", name, nearest_names(name, names), "not in the lexicon or any claim"
    )


def current_totals(db: Database) -> dict[str, int]:
    """Articles, and the sentences, references, citation markers and claims of their current
    versions (what ``claims`` and the other listings show; older versions are kept apart)."""
    counts = {"articles": db.execute("select count(*) from articles").fetchone()[0]}
    for table in ("sentences", "article_references", "citation_markers", "claims"):
        counts[table] = db.execute(
            f"select count(*) from {table} t join article_versions v on v.id = t.version_id "
            f"{CURRENT}"
        ).fetchone()[0]
    return counts


def list_articles(db: Database) -> list[dict]:
    return list(
        db.query(
            f"""
            select a.name, v.script, v.version,
              (select count(*) from paragraphs p where p.version_id = v.id) as paragraphs,
              (select count(*) from sentences s where s.version_id = v.id) as sentences,
              (select count(*) from article_references r where r.version_id = v.id) as "references",
              (select count(*) from citation_markers m where m.version_id = v.id) as markers
            from article_versions v {CURRENT}
            order by a.name
            """
        )
    )


def search(
    db: Database,
    query: str,
    segmenter: Segmenter,
    converter: Converter,
    limit: int = 50,
    lexicon=None,
) -> list[dict]:
    """Sentences matching ``query`` (either script): FTS5 over segmented tokens and index
    terms, else substring. A therapy alias (with ``lexicon``) finds every sentence naming
    that therapy by any alias. Each row's ``matches`` are the [start, end] spans of what
    matched, relative to the sentence."""
    simplified = converter.to_simplified(query, converter.detect_script(query))
    therapy = lexicon.canonical(query) if lexicon is not None else None
    # The query is segmented as the sentences were (the same segmenter, the same lexicon).
    tokens = search_text(segmenter.segment(simplified)[0]).split()
    rows: list[dict] = []
    if tokens:
        phrase = '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'
        if therapy:
            # Any alias indexes its therapy's id (segment.index_terms; ids are [a-z0-9-]);
            # the phrase still finds sentences stored before the ids were indexed.
            phrase = f'{phrase} OR "{therapy}"'
        rows = list(
            db.query(
                f"""
                select a.name as article, s.idx as sentence, s.start, s."end", s.text,
                  s.text_simplified
                from sentences_fts f
                join sentences s on s.rowid = f.rowid
                join article_versions v on v.id = s.version_id {CURRENT}
                where sentences_fts match ?
                order by a.name, s.idx limit ?
                """,
                [phrase, limit],
            )
        )
    if not rows:
        rows = list(
            db.query(
                f"""
                select a.name as article, s.idx as sentence, s.start, s."end", s.text,
                  s.text_simplified
                from sentences s join article_versions v on v.id = s.version_id {CURRENT}
                where instr(s.text_simplified, ?) > 0
                order by a.name, s.idx limit ?
                """,
                [simplified.strip(), limit],
            )
        )
    for row in rows:
        row["matches"] = match_spans(
            row.pop("text_simplified"), simplified, tokens, therapy, lexicon
        )
    return rows


def match_spans(
    sentence_simplified: str, query: str, tokens: list[str], therapy: str | None, lexicon
) -> list[list[int]]:
    """Where ``query`` matched in a sentence (its simplified text has the same offsets as the
    original): the therapy's mentions by any alias, else the query, else each of its words."""
    folded = fold(sentence_simplified)
    if therapy:
        spans = [[m.start, m.end] for m in lexicon.find(folded) if m.therapy == therapy]
        if spans:
            return spans
    for needles in ([fold(query.strip())], tokens):
        spans = sorted(
            [m.start(), m.end()]
            for needle in needles
            if needle
            for m in re.finditer(re.escape(needle), folded)
        )
        if spans:
            return spans
    return []


# A reference's document: the one whose key is its normalised URL (its URL as written
# when it does not normalise, so that an invalid URL still gets a status and a reason).
REFERENCE_KEY = "coalesce(r.url_normalized, nullif(trim(r.url), ''))"

# Status of a reference: its document's, ``no_url`` when it has no URL (placeholder,
# title or DOI only), ``unfetched`` when it has one that no fetch has looked at yet.
UNFETCHED = "unfetched"
NO_URL = "no_url"

REFERENCES = f"""
    select a.name as article, r.n, r.kind, r.url, r.url_normalized, r.doi, r.title, r.inline,
      case when {REFERENCE_KEY} is null then '{NO_URL}'
        else coalesce(d.status, '{UNFETCHED}') end as status,
      d.http_status,
      case when {REFERENCE_KEY} is not null then d.reason
        when r.kind = 'placeholder' then 'placeholder link, no URL'
        when r.kind = 'title' then 'title only, no URL'
        else 'no URL' end as reason,
      d.fetched_at, dv.hash as document_hash,
      (select count(*) from document_versions x where x.document_id = d.id) as document_versions,
      dv.source as document_source, dv.title as document_title, r.idx
    from article_references r
    join article_versions v on v.id = r.version_id {CURRENT}
    left join documents d on d.url_normalized = {REFERENCE_KEY}
    left join document_versions dv on dv.id = d.current_version
"""


def export_references(db: Database) -> Iterator[dict]:
    """References of current article versions, with the state of their cited document."""
    yield from db.query(
        f"""
        select article, n, kind, url, url_normalized, doi, title, inline, status, http_status,
          reason, fetched_at, document_hash, document_versions
        from ({REFERENCES}) order by article, idx
        """
    )


def list_references(db: Database, status: str | None = None) -> list[dict]:
    """References (optionally only those in ``status``) with their document's title and source."""
    where, params = ("where status = ?", [status]) if status else ("", [])
    return list(db.query(f"select * from ({REFERENCES}) {where} order by article, idx", params))


def fetch_candidates(db: Database) -> list[dict]:
    """Every distinct URL the current article versions cite, once, with its document's state.

    ``url`` is the URL as first cited (oldest article first, then list order).
    """
    rows = db.query(
        f"""
        select {REFERENCE_KEY} as key, r.url, d.status, d.fetched_at, d.etag, d.last_modified,
          coalesce(d.attached, 0) as attached
        from article_references r
        join article_versions v on v.id = r.version_id {CURRENT}
        left join documents d on d.url_normalized = {REFERENCE_KEY}
        where {REFERENCE_KEY} is not null
        order by a.first_ingested, a.name, r.idx
        """
    )
    first: dict[str, dict] = {}
    for row in rows:
        first.setdefault(row["key"], row)
    return list(first.values())


def claim_trial_ids(db: Database) -> list[str]:
    """Every registry id the current claims name, once, in order of first mention."""
    rows = db.query(
        f"""
        select j.value as trial_id from claims c
        join article_versions v on v.id = c.version_id {CURRENT}
        join json_each(coalesce(c.trial_ids, '[]')) j
        order by a.first_ingested, a.name, c.start
        """
    )
    return list(dict.fromkeys(row["trial_id"] for row in rows))


def article_trial_ids(db: Database, name: str) -> list[str]:
    """The registry ids the current claims of one article name, once, in order of mention."""
    rows = db.query(
        f"""
        select j.value as trial_id from claims c
        join article_versions v on v.id = c.version_id {CURRENT}
        join json_each(coalesce(c.trial_ids, '[]')) j
        where a.name = ?
        order by c.start
        """,
        [name],
    )
    return list(dict.fromkeys(row["trial_id"] for row in rows))


def documents_by_key(db: Database) -> dict[str, dict]:
    """Every document's fetch state, by its key (normalised URL)."""
    return {
        row["url_normalized"]: row
        for row in db.query(
            "select url_normalized, status, fetched_at, etag, last_modified, "
            "coalesce(attached, 0) as attached from documents"
        )
    }


def export_documents(db: Database) -> Iterator[dict]:
    """Every stored version of every document, oldest first; ``current`` marks the one in use."""
    for row in db.query(
        """
        select d.url_normalized as url, v.final_url, v.version, v.source, v.content_type,
          v.title, v.published, v.hash, v.text, v.fetched_at, v.http_status, v.encoding,
          v.id = d.current_version as current, d.trial_id, v.archived, v.record
        from document_versions v join documents d on d.id = v.document_id
        order by d.url_normalized, v.version
        """
    ):
        row["current"] = bool(row["current"])
        yield row


def export_sentences(db: Database) -> Iterator[dict]:
    for row in db.query(
        f"""
        select a.name as article, s.idx as "index", s.start, s."end", s.text, s.text_simplified,
          (select json_group_array(m.n) from citation_markers m
            where m.version_id = s.version_id and m.sentence_idx = s.idx) as markers
        from sentences s join article_versions v on v.id = s.version_id {CURRENT}
        order by a.name, s.idx
        """
    ):
        row["markers"] = json.loads(row["markers"])
        yield row


# A claim's verdict per cited source, a contradiction first (JSON list).
SOURCE_VERDICTS = """
    select json_group_array(json_object(
        'ref', sv.ref, 'url', sv.url, 'kind', sv.kind, 'verdict', sv.verdict,
        'reason', sv.reason, 'archived', sv.archived))
    from (select * from source_verdicts x where x.claim_row = c.id
          order by case x.verdict when 'contradicted' then 0 when 'supported' then 1
            when 'partial' then 2 when 'not_found' then 3 else 4 end, x.ref, x.url) sv
"""


def export_claims(
    db: Database, article: str | None = None, therapy: str | None = None
) -> Iterator[dict]:
    """Claims of current article versions, with the gold fields first."""
    where, params = [], []
    if article:
        where.append("a.name = ?")
        params.append(article)
    if therapy:
        where.append("c.therapy = ?")
        params.append(therapy)
    clause = ("where " + " and ".join(where)) if where else ""
    for row in db.query(
        f"""
        select a.name as article, c.quote, c.therapy, c.type, c.date, c.date_text, c.phase,
          c.enrollment, c.status, c.refs, c.ref_urls, c.claim_id, c.start, c."end",
          c.sentence_idx as sentence, c.unlisted, c.design, c.outcome, c.extractor_version,
          v.version as article_version, ver.verdict, ver.reason as verdict_reason, ver.evidence,
          c.provenance, c.trial_ids, ({SOURCE_VERDICTS}) as verdicts
        from claims c join article_versions v on v.id = c.version_id {CURRENT}
        left join verifications ver on ver.id = c.id
        {clause}
        order by a.name, c.start, c.therapy
        """,
        params,
    ):
        for key in (
            "refs",
            "ref_urls",
            "design",
            "evidence",
            "provenance",
            "verdicts",
            "trial_ids",
        ):
            row[key] = json.loads(row[key]) if row[key] else []
        row["unlisted"] = bool(row["unlisted"])
        yield row


def claim_sources(db: Database) -> Iterator[dict]:
    """Every current claim with the current document version of each reference it cites."""
    for row in db.query(
        f"""
        select c.id as row_id, c.claim_id, a.name as article, c.therapy, c.unlisted, c.type,
          c.date, c.phase, c.enrollment, c.outcome, c.status, c.refs, c.trial_ids,
          (select json_group_array(json_object(
              'kind', 'reference', 'ref', r.n, 'url', r.url, 'document_version', dv.id,
              'published', dv.published, 'status', d.status, 'archived', dv.archived))
           from json_each(c.refs) j
           join article_references r on r.version_id = c.version_id and r.n = j.value and r.inline = 0
           left join documents d on d.url_normalized = r.url_normalized
           left join document_versions dv on dv.id = d.current_version
          ) as sources,
          (select json_group_array(json_object(
              'kind', 'registry', 'trial_id', j.value, 'url', d.url, 'document_version', dv.id,
              'status', d.status, 'record', dv.record, 'archived', dv.archived))
           from json_each(coalesce(c.trial_ids, '[]')) j
           join documents d on d.trial_id = j.value
           left join document_versions dv on dv.id = d.current_version
          ) as registry_sources
        from claims c join article_versions v on v.id = c.version_id {CURRENT}
        order by a.name, c.start
        """
    ):
        row["refs"] = json.loads(row["refs"])
        row["trial_ids"] = json.loads(row["trial_ids"] or "[]")
        row["sources"] = [
            s for s in json.loads(row["sources"] or "[]") if s.get("ref") is not None
        ] + json.loads(row.pop("registry_sources") or "[]")
        yield row


def document_text(db: Database, version_id: str) -> str:
    row = db.execute("select text from document_versions where id = ?", [version_id]).fetchone()
    return row[0] if row else ""


def contradictions(db: Database, current_only: bool = True) -> list[dict]:
    """Contradictions recorded by ``verify``; those no later run found have ``current = 0``."""
    where = "where current = 1" if current_only else ""
    rows = list(db.query(f"select * from conflicts {where} order by kind, therapy, first_seen"))
    for row in rows:
        row["claim_ids"] = json.loads(row["claim_ids"])
    return rows


def contradictions_with_claims(db: Database, current_only: bool = True) -> list[dict]:
    """:func:`contradictions`, each with ``claims``: article, claim id and quote of each
    current claim involved."""
    rows = contradictions(db, current_only=current_only)
    wanted = {claim_id for row in rows for claim_id in row["claim_ids"]}
    quotes = (
        {c["claim_id"]: c for c in export_claims(db) if c["claim_id"] in wanted} if rows else {}
    )
    for row in rows:
        row["claims"] = [
            {"article": quotes[i]["article"], "claim_id": i, "quote": quotes[i]["quote"]}
            for i in row["claim_ids"]
            if i in quotes
        ]
    return rows


# Review: the claims as reviewers left them, and what the review pages show with a claim.


def claim_by_id(db: Database, claim_id: str) -> dict | None:
    """The ``export_claims`` row of a stable claim id in the current article versions."""
    row = db.execute(
        f"""
        select a.name from claims c join article_versions v on v.id = c.version_id {CURRENT}
        where c.claim_id = ? limit 1
        """,
        [claim_id],
    ).fetchone()
    if row is None:
        return None
    return next((c for c in export_claims(db, article=row[0]) if c["claim_id"] == claim_id), None)


def claim_ids_starting(db: Database, prefix: str) -> list[str]:
    """Stable ids of current claims that start with ``prefix`` (what a person types from a table)."""
    return [
        row[0]
        for row in db.execute(
            f"""
            select distinct c.claim_id from claims c
            join article_versions v on v.id = c.version_id {CURRENT}
            where c.claim_id >= ? and c.claim_id < ? order by c.claim_id
            """,
            [prefix, prefix + "\uffff"],
        )
    ]


def reference_urls(db: Database) -> dict[str, dict[int, str]]:
    """Article -> reference number -> URL as written, for the current article versions."""
    urls: dict[str, dict[int, str]] = {}
    for row in db.query(
        f"""
        select a.name as article, r.n, r.url from article_references r
        join article_versions v on v.id = r.version_id {CURRENT}
        where r.n is not null order by a.name, r.idx
        """
    ):
        urls.setdefault(row["article"], {}).setdefault(row["n"], row["url"])
    return urls


def export_reviewed_claims(
    db: Database, article: str | None = None, therapy: str | None = None
) -> Iterator[dict]:
    """Claims whose latest review decision accepts them, with corrected values applied.

    Adds ``review`` (accepted or corrected), ``corrected`` (the fields set by hand),
    ``reviewer``, ``reviewed_at``, ``review_note`` and ``changed_since_review``.
    """
    from .review import reviewed_claims
    from .store import latest_decisions

    yield from reviewed_claims(
        export_claims(db, article=article, therapy=therapy),
        latest_decisions(db),
        reference_urls(db),
    )


def claim_contexts(db: Database, article: str) -> dict[int, dict]:
    """Sentence index -> the sentence (original and simplified) and its paragraph, for one article.

    ``paragraph_before`` / ``paragraph_after`` are the paragraph's text around the sentence.
    """
    version = db.execute(
        f"select v.id, v.text from article_versions v {CURRENT} where a.name = ?", [article]
    ).fetchone()
    if version is None:
        return {}
    version_id, text = version
    contexts: dict[int, dict] = {}
    for row in db.query(
        """
        select s.idx, s.text, s.text_simplified, s.start, s."end",
          coalesce(p.start, s.start) as p_start, coalesce(p."end", s."end") as p_end
        from sentences s
        left join paragraphs p on p.version_id = s.version_id and p.idx = s.paragraph_idx
        where s.version_id = ?
        """,
        [version_id],
    ):
        contexts[row["idx"]] = {
            "text": row["text"],
            "text_simplified": row["text_simplified"],
            "paragraph_before": text[row["p_start"] : row["start"]],
            "paragraph_after": text[row["end"] : row["p_end"]],
        }
    return contexts


# Refresh and re-ingest: what is stale, what one article cites, the run history.


def stale_articles(db: Database, parser_version: str) -> list[str]:
    """Articles whose current version was parsed by another parser version than ``parser_version``."""
    return [
        row["name"]
        for row in db.query(
            f"""
            select a.name from article_versions v {CURRENT}
            where v.parser_version is not ? order by a.name
            """,
            [parser_version],
        )
    ]


def stored_article(db: Database, name: str) -> dict | None:
    """The current version of one article as stored: name, path, text, encoding, content_hash,
    version and the publication date given with it."""
    rows = list(
        db.query(
            f"""
            select a.name, a.path, a.source, v.text, v.encoding, v.content_hash, v.version, v.given_published
            from article_versions v {CURRENT} where a.name = ?
            """,
            [name],
        )
    )
    return rows[0] if rows else None


def article_reference_keys(db: Database, name: str) -> list[str]:
    """The document keys (normalised URLs) the current version of one article cites, once each."""
    rows = db.query(
        f"""
        select distinct {REFERENCE_KEY} as key from article_references r
        join article_versions v on v.id = r.version_id {CURRENT}
        where a.name = ? and {REFERENCE_KEY} is not null
        """,
        [name],
    )
    return [row["key"] for row in rows]


def list_runs(db: Database, limit: int | None = None) -> list[dict]:
    """Refresh and re-ingest runs, oldest first (the latest ``limit`` of them), JSON decoded."""
    rows = list(
        db.query(
            "select * from runs order by started_at desc, rowid desc"
            + (" limit ?" if limit else ""),
            [limit] if limit else [],
        )
    )
    for row in rows:
        for key in store.RUN_JSON_COLUMNS:
            row[key] = json.loads(row[key]) if row[key] else ([] if key != "fetch_statuses" else {})
    return rows[::-1]
