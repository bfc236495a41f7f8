"""Read side of the corpus: listings, search and exports over current article versions."""

from __future__ import annotations

import difflib
import heapq
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from . import store
from .normalize import Converter, fold, traditional_forms
from .records import CLAIM_JSON_COLUMNS, CLAIM_VALUES
from .segment import Segmenter, search_text

logger = logging.getLogger(__name__)

CURRENT = "join articles a on a.current_version = v.id"
# A sentence's text: its span of the article version's text, stored once (m018); the
# simplified text is the article's own when the article was written in simplified script.
SENTENCE_TEXT = 'substr(v.text, s.start + 1, s."end" - s.start)'
# A claim's quote: its span of the article version's text (m025), cut on read; the second
# form for a query that has the claim (``c``) but not its version.
CLAIM_QUOTE = 'substr(v.text, c.start + 1, c."end" - c.start)'
QUOTE_OF_CLAIM = f"(select {CLAIM_QUOTE} from article_versions v where v.id = c.version_id)"
# Its simplified text, converted again (length-preserving, m025: not stored).
SENTENCE_SIMPLIFIED = 'simplified(v.text, v.script, s.start, s."end")'
# A version's sentences: consecutive ids from its first (m025).
VERSION_SENTENCES = "s.id >= v.first_sentence and s.id < v.first_sentence + v.n_sentences"

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
# The columns of each listing command's rows (--format json, jsonl, csv), in order: CSV has
# its header row even when nothing is listed (a search that finds nothing, no runs yet).
LISTING_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("name", "script", "version", "paragraphs", "sentences", "references", "markers"),
    "claims": CLAIM_COLUMNS,
    "facts": (
        "fact_id", "therapy", "type", "date", "phase", "enrollment", "articles", "verdicts",
        "claim_ids",
    ),
    "references": (
        *EXPORT_COLUMNS["references"], "document_source", "document_title", "idx",
    ),
    "conflicts": (
        "id", "kind", "therapy", "detail", "claim_ids", "first_seen", "last_seen", "current",
        "claim_count", "claims",
    ),
    "runs": (
        "id", "kind", "target", "flow_run_id", "started_at", "finished_at", "duration_s",
        "fetch_statuses", "new_versions", "articles", "new_claims", "changed_claims",
        "removed_claims", "review_flagged", "new_conflicts", "errors",
    ),
    "search": ("article", "sentence", "start", "end", "text", "matches"),
    "verify": ("verdict", "claims"),
}  # fmt: skip


@dataclass(frozen=True)
class Page:
    """Which rows of a listing to show: ``limit`` from ``offset`` (``limit=None``: every row)."""

    limit: int | None = 50
    offset: int = 0

    @property
    def sql(self) -> dict:
        """As the ``*_page`` functions take it."""
        return {"limit": self.limit, "offset": self.offset}


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
            "select therapy from claim_counts group by therapy having sum(n) > 0 order by therapy"
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
    versions (what ``claims`` and the other listings show; older versions are kept apart):
    from the totals and claim counts kept with every write, not by counting rows."""
    articles, sentences, references, markers = db.execute(
        "select n_articles, n_sentences, n_references, n_markers from corpus_totals"
    ).fetchone()
    return {
        "articles": articles,
        "sentences": sentences,
        "article_references": references,
        "citation_markers": markers,
        "claims": counted_claims(db),
    }


ARTICLES = """
    select a.name, v.script, v.version, a.n_paragraphs as paragraphs, a.n_sentences as sentences,
      a.n_references as "references", a.n_markers as markers
    from articles a join article_versions v on v.id = a.current_version
    order by a.name
"""


def list_articles(db: Database) -> list[dict]:
    return list(db.query(ARTICLES))


def articles_page(db: Database, limit: int | None = 50, offset: int = 0) -> tuple[list[dict], int]:
    """One page of :func:`list_articles` (in name order, on its index) and how many there are."""
    total = db.execute("select count(*) from articles").fetchone()[0]
    rows = list(db.query(f"{ARTICLES} limit ? offset ?", [-1 if limit is None else limit, offset]))
    return rows, total


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
    return search_page(db, query, segmenter, converter, limit=limit, lexicon=lexicon)[0]


def search_page(
    db: Database,
    query: str,
    segmenter: Segmenter,
    converter: Converter,
    *,
    limit: int | None = 50,
    offset: int = 0,
    lexicon=None,
) -> tuple[list[dict], int]:
    """One page of :func:`search`'s sentences (``limit=None``: every one) and how many match."""
    simplified = converter.to_simplified(query, converter.detect_script(query))
    therapy = lexicon.canonical(query) if lexicon is not None else None
    # The query is segmented as the sentences were (the same segmenter, the same lexicon).
    tokens = search_text(segmenter.segment(simplified)[0]).split()
    rows: list[dict] = []
    total = 0
    if tokens:
        phrase = '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'
        phrase = or_therapy(phrase, therapy)
        # Every match's key in one pass (counted and the page's picked in Python: SQLite
        # would join them twice, to count and to sort); the page's texts then (a text is cut
        # from its article's, which is read whole: only for the page, not every match).
        keys = db.execute(
            """
            select a.name, s.idx, s.rowid from sentences_fts f join sentences s on s.rowid = f.rowid
            join articles a on a.current_version = s.version_id where sentences_fts match ?
            """,
            [phrase],
        ).fetchall()
        total = len(keys)
        shown = (
            sorted(keys)[offset:]
            if limit is None
            else heapq.nsmallest(offset + limit, keys)[offset:]
        )
        rows = sentences_by_id(db, [key[2] for key in shown])
    if not total:
        rows, total = substring_page(db, simplified.strip(), -1 if limit is None else limit, offset)
    for row in rows:
        row["matches"] = match_spans(
            row.pop("text_simplified"), simplified, tokens, therapy, lexicon
        )
    return rows, total


def or_therapy(match: str, therapy: str | None) -> str:
    """The FTS5 ``match`` widened to every sentence naming ``therapy`` (the id a query's alias
    maps to, ``Lexicon.canonical``) by any alias, in either script: ingest indexes each named
    therapy's id (segment.index_terms; ids are [a-z0-9-]). ``match`` still finds sentences
    stored before the ids were indexed. `alsingest search` and browse's search box both use it."""
    return f'({match}) OR "{therapy}"' if therapy else match


def sentences_by_id(db: Database, ids: list[int]) -> list[dict]:
    """Search rows (article, sentence, span, text original and simplified) of these sentences,
    in the order of ``ids``."""
    found: dict[int, dict] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        for row in db.query(
            f"""
            select s.rowid as id, a.name as article, s.idx as sentence, s.start, s."end",
              {SENTENCE_TEXT} as text, {SENTENCE_SIMPLIFIED} as text_simplified
            from sentences s join article_versions v on v.id = s.version_id {CURRENT}
            where s.rowid in ({", ".join("?" * len(part))})
            """,
            part,
        ):
            found[row.pop("id")] = row
    return [found[i] for i in ids if i in found]


class MoreThan(int):
    """A count known only to exceed its value: a listing that stopped looking once its page
    was full (``output.page_line`` says "more than")."""

    more = True


def substring_page(db: Database, needle: str, limit: int, offset: int) -> tuple[list[dict], int]:
    """Sentences whose simplified text holds ``needle`` (what FTS cannot find: part of a word),
    a page of them and how many: the current versions holding it in name order, then their
    sentences.

    The texts are read until the page is full and one more sentence is found: the total is
    then :class:`MoreThan` the sentences up to the page's end, not counted (counting reads
    every text: 5-7 s at 100,000 articles). ``limit < 0``: every sentence, counted."""
    rows: list[dict] = []
    total = 0
    if not needle:
        return rows, total
    enough = offset + limit if limit > 0 else -1
    # Each current text is looked in (Python's search is quicker than SQL's instr); a text in
    # another script for the forms the needle's start can have before conversion, converted
    # only where it holds one.
    forms = traditional_forms(needle)
    for article, text, script, first, n in db.execute(
        f"""
        select a.name, v.text, v.script, v.first_sentence, v.n_sentences
        from article_versions v {CURRENT} order by a.name
        """
    ):
        seen = set()
        for at in needle_offsets(text, script, needle, forms):
            sentence = db.execute(
                'select idx, start, "end" from sentences where id >= ? and id < ?'
                ' and start <= ? and "end" >= ?',
                [first, first + n, at, at + len(needle)],
            ).fetchone()
            if sentence is None or sentence in seen:
                continue
            seen.add(sentence)
            if total == enough:
                return rows, MoreThan(total)
            if total >= offset and (limit < 0 or len(rows) < limit):
                idx, start, end = sentence
                rows.append(
                    {"article": article, "sentence": idx, "start": start, "end": end,
                     "text": text[start:end],
                     "text_simplified": store.simplified_span(text, script, start, end)}
                )  # fmt: skip
            total += 1
    return rows, total


def needle_offsets(text: str, script: str | None, needle: str, forms: list[str]) -> list[int]:
    """Every offset at which ``text``'s simplified form holds ``needle``, in order: where the
    text holds one of its ``forms`` (:func:`normalize.traditional_forms`), converted there."""
    simplified = script in (None, "simplified")
    starts: set[int] = set()
    for form in [needle] if simplified else forms:
        at = text.find(form)
        while at >= 0:
            starts.add(at)
            at = text.find(form, at + 1)
    if simplified:
        return sorted(starts)
    end = len(needle)
    return [
        at for at in sorted(starts) if store.simplified_span(text, script, at, at + end) == needle
    ]


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


def list_references(
    db: Database, status: str | None = None, article: str | None = None
) -> list[dict]:
    """References (optionally only those in ``status``, or of one ``article``) with their
    document's title and source."""
    if article is not None:
        rows = db.query(f"{REFERENCES} where a.name = ? order by r.idx", [article])
        return [row for row in rows if status is None or row["status"] == status]
    where, params = ("where status = ?", [status]) if status else ("", [])
    return list(db.query(f"select * from ({REFERENCES}) {where} order by article, idx", params))


def references_page(
    db: Database, status: str | None = None, *, limit: int | None = 50, offset: int = 0
) -> tuple[list[dict], int]:
    """One page of :func:`list_references` (article and list order) and how many there are."""
    where, params = ("where status = ?", [status]) if status else ("", [])
    if status:
        total = db.execute(f"select count(*) from ({REFERENCES}) {where}", params).fetchone()[0]
    else:
        total = db.execute(
            "select count(*) from article_references r "
            "join articles a on a.current_version = r.version_id"
        ).fetchone()[0]
    rows = list(
        db.query(
            f"select * from ({REFERENCES}) {where} order by article, idx limit ? offset ?",
            [*params, -1 if limit is None else limit, offset],
        )
    )
    return rows, total


def fetch_candidates(db: Database, article: str | None = None) -> list[dict]:
    """Every distinct URL the current article versions (of one ``article``) cite, once, with
    its document's state.

    ``url`` is the URL as first cited (oldest article first, then list order).
    """
    one, params = ("and a.name = ?", [article]) if article is not None else ("", [])
    rows = db.query(
        f"""
        select {REFERENCE_KEY} as key, r.url, d.status, d.fetched_at, d.etag, d.last_modified,
          coalesce(d.attached, 0) as attached
        from article_references r
        join article_versions v on v.id = r.version_id {CURRENT}
        left join documents d on d.url_normalized = {REFERENCE_KEY}
        where {REFERENCE_KEY} is not null {one}
        order by a.first_ingested, a.name, r.idx
        """,
        params,
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


def documents_by_key(db: Database, keys: Iterable[str] | None = None) -> dict[str, dict]:
    """Every document's fetch state (of those with these ``keys``), by its key (normalised URL)."""
    query = (
        "select url_normalized, status, fetched_at, etag, last_modified, "
        "coalesce(attached, 0) as attached from documents"
    )
    if keys is None:
        return {row["url_normalized"]: row for row in db.query(query)}
    keys = sorted(set(keys))
    found: dict[str, dict] = {}
    for start in range(0, len(keys), 500):
        part = keys[start : start + 500]
        for row in db.query(
            f"{query} where url_normalized in ({', '.join('?' * len(part))})", part
        ):
            found[row["url_normalized"]] = row
    return found


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
    """Sentences of the current versions, each with its text (original and simplified) cut
    from its article's text, which is read once per article."""
    texts: tuple[str, str, str] | None = None
    for row in db.query(
        f"""
        select a.name as article, s.idx as "index", s.start, s."end", s.version_id,
          (select json_group_array(m.n) from citation_markers m
            where m.version_id = s.version_id and m.sentence_idx = s.idx) as markers
        from articles a join article_versions v on v.id = a.current_version
        join sentences s on {VERSION_SENTENCES}
        order by a.name, s.id
        """
    ):
        vid = row.pop("version_id")
        if texts is None or texts[0] != vid:
            texts = (vid, *version_texts(db, vid))
        start, end = row["start"], row["end"]
        markers = json.loads(row.pop("markers"))
        yield {**row, "text": texts[1][start:end], "text_simplified": texts[2][start:end],
               "markers": markers}  # fmt: skip


def version_texts(db: Database, version_id: str) -> tuple[str, str]:
    """An article version's text and its simplified form (converted again: m025)."""
    row = db.execute(
        "select text, script from article_versions where id = ?", [version_id]
    ).fetchone()
    return (row[0], store.simplified_text(*row)) if row else ("", "")


# A claim's verdict per cited source, a contradiction first (JSON list).
SOURCE_VERDICTS = """
    select json_group_array(json_object(
        'ref', sv.ref, 'url', sv.url, 'kind', sv.kind, 'verdict', sv.verdict,
        'reason', sv.reason, 'archived', sv.archived))
    from (select * from source_verdicts x where x.claim_row = c.id
          order by case x.verdict when 'contradicted' then 0 when 'supported' then 1
            when 'partial' then 2 when 'not_found' then 3 else 4 end, x.ref, x.url) sv
"""


CLAIM_SELECT = f"""
    select a.name as article, {CLAIM_QUOTE} as quote, c.therapy, c.type, c.date, c.date_text, c.phase,
      c.enrollment, c.status, c.refs, c.ref_urls, c.claim_id, c.start, c."end",
      c.sentence_idx as sentence, c.unlisted, c.design, c.outcome, c.extractor_version,
      v.version as article_version, ver.verdict,
      (select r.value from verdict_reasons r where r.id = ver.reason_id) as verdict_reason,
      ver.evidence,
      (select p.value from claim_provenances p where p.id = c.provenance_id) as provenance,
      c.trial_ids, ({SOURCE_VERDICTS}) as verdicts
    from claims c join article_versions v on v.id = c.version_id {CURRENT}
    left join verifications ver on ver.id = c.id
"""
# The listing order of claims (after a contradicted one first): article, position, therapy;
# the claim id, unique among current claims (it digests the article's name), breaks ties, so
# that a claim's place is a key a page can start after (keyset paging).
CLAIM_KEY = "a.name, c.start, c.therapy, c.claim_id"
CLAIM_ORDER = f"order by {CLAIM_KEY}"
# JSON columns of a CLAIM_SELECT row: the claim's own, its verdict's evidence, its verdicts.
CLAIM_SELECT_JSON = (*CLAIM_JSON_COLUMNS, "evidence", "verdicts")
CONTRADICTED = "ver.verdict = 'contradicted'"


def claim_filters(article: str | None, therapy: str | None) -> tuple[list[str], list]:
    """SQL conditions (and their parameters) for one article's or one therapy's claims."""
    where, params = [], []
    if article:
        where.append("a.name = ?")
        params.append(article)
    if therapy:
        where.append("c.therapy = ?")
        params.append(therapy)
    return where, params


def decode_claim(row: dict) -> dict:
    for key in CLAIM_SELECT_JSON:
        row[key] = json.loads(row[key]) if row[key] else []
    row["unlisted"] = bool(row["unlisted"])
    return row


def export_claims(
    db: Database, article: str | None = None, therapy: str | None = None
) -> Iterator[dict]:
    """Claims of current article versions, with the gold fields first."""
    where, params = claim_filters(article, therapy)
    clause = ("where " + " and ".join(where)) if where else ""
    for row in db.query(f"{CLAIM_SELECT} {clause} {CLAIM_ORDER}", params):
        yield decode_claim(row)


def count_claims(db: Database, where: list[str], params: list) -> int:
    """Current claims matching ``where`` (conditions on ``c``, ``a`` and ``ver``)."""
    verdicts = (
        "left join verifications ver on ver.id = c.id" if any("ver." in w for w in where) else ""
    )
    clause = ("where " + " and ".join(where)) if where else ""
    return db.execute(
        f"select count(*) from claims c join articles a on a.current_version = c.version_id "
        f"{verdicts} {clause}",
        params,
    ).fetchone()[0]


# What the kept counts (table claim_counts, store.schema.CLAIM_COUNT_KEY) can count by.
COUNTED = ("therapy", "type", "status", "verdict", "date")


def counted_claims(db: Database, **values: str | None) -> int:
    """How many current claims have these ``values`` (of :data:`COUNTED`; None: any), from
    the counts kept with every write: the same cost in a corpus of any size."""
    where = [f"[{key}] = ?" for key, value in values.items() if value is not None]
    params = [value for value in values.values() if value is not None]
    assert all(key in COUNTED for key in values), values
    clause = ("where " + " and ".join(where)) if where else ""
    return db.execute(f"select coalesce(sum(n), 0) from claim_counts {clause}", params).fetchone()[
        0
    ]


def recount_claims(db: Database) -> dict[tuple, int]:
    """Every count of ``claim_counts`` counted again over the claims (what the triggers keep),
    and the kept ones, for checking them: ``(kept, recounted)``."""
    from .store.schema import claim_count_values

    def counts(rows) -> dict[tuple, int]:
        return {tuple(row[:-1]): row[-1] for row in rows if row[-1]}

    kept = counts(db.execute("select * from claim_counts"))
    recounted = counts(
        db.execute(
            f"select {claim_count_values('c', 'ver.verdict')}, count(*) from claims c "
            "join articles a on a.current_version = c.version_id "
            "left join verifications ver on ver.id = c.id group by 1, 2, 3, 4, 5, 6, 7"
        )
    )
    return kept, recounted


def claims_page(
    db: Database,
    article: str | None = None,
    therapy: str | None = None,
    *,
    limit: int | None = 50,
    offset: int = 0,
    where: Iterable[str] = (),
    params: Iterable = (),
    totals: tuple[int, int] | None = None,
) -> tuple[list[dict], int]:
    """One page of ``claims`` as the listing orders them, a contradicted claim first, then by
    article and position; and how many there are. ``limit=None`` is every claim; ``where``
    adds SQL conditions on ``c`` (claims), ``a`` (articles) and ``ver`` (verifications);
    ``totals`` (the claims matching, the contradicted among them) when the caller knows them.

    Two indexed queries (the contradicted claims, then the others); the totals come from the
    kept counts when only a therapy is asked for, so a page costs the same in a corpus of any
    size."""
    named, named_params = claim_filters(article, therapy)
    where, params = [*named, *where], [*named_params, *params]
    if totals is None and article is None and len(where) == len(named):
        totals = (
            counted_claims(db, therapy=therapy),
            counted_claims(db, therapy=therapy, verdict="contradicted"),
        )
    if totals is None:
        totals = (count_claims(db, where, params), count_claims(db, [*where, CONTRADICTED], params))
    total, contradicted = totals
    rows: list[dict] = []
    wanted = -1 if limit is None else limit
    where = in_listing_order(db, where, total, wanted + offset if wanted >= 0 else -1)
    for condition, skip, count in (
        (CONTRADICTED, offset, contradicted),
        (f"not coalesce({CONTRADICTED}, 0)", max(0, offset - contradicted), total - contradicted),
    ):
        if wanted == 0 or skip >= count:
            continue
        clause = "where " + " and ".join([*where, condition])
        page = [
            decode_claim(row)
            for row in db.query(
                f"{CLAIM_SELECT} {clause} {CLAIM_ORDER} limit ? offset ?", [*params, wanted, skip]
            )
        ]
        rows += page
        if wanted > 0:
            wanted -= len(page)
    return rows, total


def in_listing_order(db: Database, where: list[str], matching: int, limit: int) -> list[str]:
    """``where``, written so that SQLite walks the claims in listing order (articles by name,
    each one's claims) when so many match that the first ``limit`` come soon; otherwise it
    finds every match on the claims' therapy index and sorts them. Walking in order reads
    about ``limit`` x all / matching claims, the index ``matching``: the smaller wins. (A
    unary ``+`` keeps SQLite from using an index for a term.)"""
    if limit < 0 or matching * matching <= limit * max(1, counted_claims(db)):
        return where
    return [re.sub(r"^c\.(therapy|type) = \?$", r"+c.\1 = ?", w) for w in where]


# A claim's place in the listing order: (1 unless it is contradicted, article, start,
# therapy, claim id).
ClaimKey = tuple[int, str, int, str, str]
SEGMENTS = ((0, CONTRADICTED), (1, f"not coalesce({CONTRADICTED}, 0)"))


def claim_key(db: Database, claim_id: str) -> ClaimKey | None:
    """The place of a current claim in the listing order (None: no such current claim)."""
    row = db.execute(
        f"""
        select case when {CONTRADICTED} then 0 else 1 end, a.name, c.start, c.therapy,
          c.claim_id
        from claims c join articles a on a.current_version = c.version_id
        left join verifications ver on ver.id = c.id where c.claim_id = ?
        """,
        [claim_id],
    ).fetchone()
    return tuple(row) if row else None


def claims_seek(
    db: Database,
    where: Iterable[str] = (),
    params: Iterable = (),
    *,
    key: ClaimKey | None = None,
    limit: int = 50,
    backwards: bool = False,
    skip: int = 0,
    counts: tuple[int, int] | None = None,
) -> list[dict]:
    """Up to ``limit`` claims in listing order right after ``key`` (keyset paging: an index
    seek, however deep the page), or before it with ``backwards`` (then also in listing
    order). Without ``key``: from the start, or the end, skipping ``skip`` claims. ``counts``
    (how many match in each segment, contradicted and others) tells where they meet, and
    how to walk them (:func:`in_listing_order`)."""
    where, params = list(where), list(params)
    counts = counts or (0, 0)
    if sum(counts):
        where = in_listing_order(db, where, sum(counts), limit + skip)
    rows: list[dict] = []
    order = (
        "order by " + ", ".join(f"{column.strip()} desc" for column in CLAIM_KEY.split(","))
        if backwards
        else CLAIM_ORDER
    )
    for segment, condition in reversed(SEGMENTS) if backwards else SEGMENTS:
        wanted = limit - len(rows)
        if wanted <= 0:
            break
        bound: list = []
        clauses = [*where, condition]
        if key is not None:
            if (segment < key[0]) if not backwards else (segment > key[0]):
                continue
            if segment == key[0]:
                clauses.append(f"({CLAIM_KEY}) {'<' if backwards else '>'} (?, ?, ?, ?)")
                bound = list(key[1:])
        offset = 0
        if key is None and skip:
            offset, skip = min(skip, counts[segment]), max(0, skip - counts[segment])
            if offset == counts[segment]:
                continue
        page = [
            decode_claim(row)
            for row in db.query(
                f"{CLAIM_SELECT} where {' and '.join(clauses)} {order} limit ? offset ?",
                [*params, *bound, wanted, offset],
            )
        ]
        rows += page
    return rows[::-1] if backwards else rows


def claims_with_ids(db: Database, claim_ids: Iterable[str]) -> list[dict]:
    """The current claims (``export_claims`` rows) whose stable ids are ``claim_ids``, in
    article and position order: each found on the claim id's index."""
    ids = sorted(set(claim_ids))
    rows: list[dict] = []
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        rows += claims_page(
            db, where=[f"c.claim_id in ({', '.join('?' * len(part))})"], params=part, limit=None
        )[0]
    rows.sort(key=lambda row: (row["article"], row["start"], row["therapy"]))
    return rows


def decided_claims(db: Database) -> list[dict]:
    """The current claims that have a review decision (``export_claims`` rows): few, as
    people make them; the queue works out their review state and corrected values."""
    return claims_page(db, where=[DECIDED], limit=None)[0]


DECIDED = "c.claim_id in (select claim_id from review_decisions)"
UNDECIDED = "c.claim_id not in (select claim_id from review_decisions)"
UNVERIFIED = "unverified"
# A queue filter -> the claim's machine value it compares (undecided claims: no correction).
FILTER_COLUMNS = {
    "article": "a.name",
    "therapy": "c.therapy",
    "type": "c.type",
    "verdict": f"coalesce(ver.verdict, '{UNVERIFIED}')",
    "status": "c.status",
    "date": "coalesce(c.date, '')",
}


def filter_conditions(filters: dict[str, str]) -> tuple[list[str], list]:
    """SQL conditions for the review queue's filters, on machine values."""
    where, params = [], []
    for key, column in FILTER_COLUMNS.items():
        if filters.get(key):
            where.append(f"{column} = ?")
            params.append(filters[key])
    return where, params


def claim_facets(db: Database, article_choices: int) -> dict[str, dict[str, int] | None]:
    """Current claims counted by therapy, type, status and verdict (machine values), by
    article when there are at most ``article_choices`` articles (else None), and the dated
    claims of each therapy (``dated``): from the kept counts, for the review's filters."""
    facets: dict[str, dict] = {k: {} for k in ("therapy", "type", "status", "verdict", "dated")}
    for therapy, claim_type, status, verdict, count, dated in db.execute(
        """
        select therapy, type, nullif(status, ''), verdict, sum(n), sum(case when date = ''
          then 0 else n end)
        from claim_counts group by 1, 2, 3, 4 having sum(n) > 0
        """
    ):
        for key, value, n in (
            ("therapy", therapy, count),
            ("type", claim_type, count),
            ("status", status, count),
            ("verdict", verdict, count),
            ("dated", therapy, dated),
        ):
            facets[key][value] = facets[key].get(value, 0) + n
    facets["article"] = None
    if db.execute("select count(*) from articles").fetchone()[0] <= article_choices:
        facets["article"] = dict(
            db.execute(
                "select a.name, count(*) from claims c "
                "join articles a on a.current_version = c.version_id group by a.name"
            ).fetchall()
        )
    return facets


def any_verdict(db: Database) -> bool:
    """Whether any current claim has a verification verdict."""
    return (
        db.execute(
            "select 1 from verifications ver join claims c on c.id = ver.id "
            "join articles a on a.current_version = c.version_id limit 1"
        ).fetchone()
        is not None
    )


def current_claim_ids(db: Database, claim_ids: Iterable[str]) -> set[str]:
    """Those of ``claim_ids`` that a current article version holds."""
    ids = sorted(set(claim_ids))
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        found.update(
            row[0]
            for row in db.execute(
                "select c.claim_id from claims c join articles a "
                f"on a.current_version = c.version_id where c.claim_id in ({', '.join('?' * len(part))})",
                part,
            )
        )
    return found


def timeline_groups(
    db: Database, therapy: str, decided: Iterable[dict] = ()
) -> tuple[list[dict], int]:
    """The undecided dated claims of ``therapy`` grouped by type and date: per group its
    verdicts and count, the one claim's id when it is alone, and up to five (article, quote)
    of it (by article and position); and how many undecided claims of it have no date.

    Counted from the kept counts less the ``decided`` claims (``export_claims`` rows at their
    machine values: few); each group's claims are read on the claims' (therapy, type, date …)
    index, five at most, so a chart costs the same in a corpus of any size."""
    groups: dict[tuple[str, str], dict] = {}
    undated = 0
    for claim_type, date, verdict, count in db.execute(
        "select type, date, verdict, sum(n) from claim_counts where therapy = ? "
        "group by 1, 2, 3 having sum(n) > 0",
        [therapy],
    ):
        if not date:
            undated += count
            continue
        group = groups.setdefault(
            (claim_type, date),
            {"type": claim_type, "date": date, "count": 0, "verdicts": {}, "sample": []},
        )
        group["count"] += count
        group["verdicts"][verdict] = group["verdicts"].get(verdict, 0) + count
    for claim in decided:
        if claim["therapy"] != therapy:
            continue
        if not claim["date"]:
            undated -= 1
            continue
        group = groups[(claim["type"], claim["date"])]
        group["count"] -= 1
        group["verdicts"][claim.get("verdict") or UNVERIFIED] -= 1
    shown = []
    for group in groups.values():
        if group["count"] <= 0:
            continue
        group["verdicts"] = {verdict for verdict, n in group["verdicts"].items() if n > 0}
        rows = db.execute(
            f"""
            select a.name, c.start, {QUOTE_OF_CLAIM}, c.claim_id from claims c
            join articles a on a.current_version = c.version_id
            where c.therapy = ? and c.type = ? and c.date = ? and {UNDECIDED} limit 5
            """,
            [therapy, group["type"], group["date"]],
        ).fetchall()
        group["sample"] = [(name, quote) for name, _, quote, _ in sorted(rows)]
        group["claim_id"] = min(row[3] for row in rows)
        shown.append(group)
    return shown, undated


def claim_values(db: Database, article: str | None = None) -> Iterator[dict]:
    """Each current claim's (of one ``article``'s) stable id, article and machine values (those
    a review snapshot records), in ``export_claims`` order: what a run compares before and
    after, without the verdicts ``export_claims`` looks up for every claim."""
    one, params = ("where a.name = ?", [article]) if article is not None else ("", [])
    values = ", ".join(
        f"{QUOTE_OF_CLAIM} as quote" if key == "quote" else f"c.[{key}]" for key in CLAIM_VALUES
    )
    decoded = [key for key in CLAIM_VALUES if key in CLAIM_JSON_COLUMNS]
    for row in db.query(
        f"""
        select a.name as article, c.claim_id, {values}
        from claims c join articles a on a.current_version = c.version_id {one} {CLAIM_ORDER}
        """,
        params,
    ):
        for key in decoded:
            row[key] = json.loads(row[key]) if row[key] else []
        row["unlisted"] = bool(row["unlisted"])
        yield row


def fact_claims(db: Database, therapy: str | None = None) -> Iterator[dict]:
    """What assembling facts and finding their contradictions read of each current claim
    (``assemble``'s fields, its verdict), and nothing else: both go over every claim."""
    where, params = claim_filters(None, therapy)
    clause = ("where " + " and ".join(where)) if where else ""
    yield from db.query(
        f"""
        select a.name as article, c.claim_id, c.therapy, c.type, c.date, c.phase, c.enrollment,
          c.start, c.status, c.outcome, {QUOTE_OF_CLAIM} as quote, ver.verdict
        from claims c join articles a on a.current_version = c.version_id
        left join verifications ver on ver.id = c.id {clause}
        """,
        params,
    )


def fact_counts(db: Database) -> dict[str, int]:
    """How many facts each therapy's current claims make, from the kept counts: a dated fact
    per date no other date of its therapy and type extends (``assemble.fact_dates``), an
    undated one per phase and size."""
    from .assemble import fact_dates

    dates: dict[tuple[str, str], list[str]] = {}
    counts: dict[str, int] = {}
    for therapy, claim_type, date in db.execute(
        "select therapy, type, date from claim_counts "
        "group by therapy, type, date, phase, enrollment having sum(n) > 0"
    ):
        if date:
            dates.setdefault((therapy, claim_type), []).append(date)
        else:
            counts[therapy] = counts.get(therapy, 0) + 1
    for (therapy, _), found in dates.items():
        counts[therapy] = counts.get(therapy, 0) + len(fact_dates(found))
    return counts


@dataclass(frozen=True)
class FactShape:
    """A fact as the kept counts give it: its therapy and type, and its dates (a dated fact)
    or the phase and size of its claims (an undated one), with its claims' verdicts."""

    therapy: str
    type: str
    dates: tuple[str, ...]  # longest first; the last is the fact's date
    phase: str | None = None
    enrollment: int | None = None
    verdicts: tuple[tuple[str, int], ...] = ()

    @property
    def date(self) -> str | None:
        return self.dates[-1] if self.dates else None

    def members(self) -> tuple[str, list]:
        """SQL selecting its claims (on ``c``), on the claims' (therapy, type, date) index."""
        if self.dates:
            marks = ", ".join("?" * len(self.dates))
            return (
                f"c.therapy = ? and c.type = ? and c.date in ({marks})",
                [self.therapy, self.type, *self.dates],
            )
        return (
            "c.therapy = ? and c.type = ? and c.date is null and coalesce(c.phase, '') = ? "
            "and coalesce(c.enrollment, '') = ?",
            [
                self.therapy,
                self.type,
                self.phase or "",
                "" if self.enrollment is None else self.enrollment,
            ],
        )


def fact_shapes(db: Database, therapy: str | None = None) -> list[FactShape]:
    """Every fact (of ``therapy``) from the kept counts, in ``assemble``'s order: the dates of
    each therapy and type clustered as ``assemble`` clusters their claims
    (``assemble.fact_dates``), undated claims by phase and size."""
    from .assemble import fact_dates

    where, params = ("where therapy = ?", [therapy]) if therapy is not None else ("", [])
    verdicts: dict[tuple, dict[str, int]] = {}
    for name, claim_type, date, phase, enrollment, verdict, count in db.execute(
        "select therapy, type, date, phase, enrollment, verdict, sum(n) from claim_counts "
        f"{where} group by 1, 2, 3, 4, 5, 6 having sum(n) > 0",
        params,
    ):
        key = (name, claim_type, date, phase, enrollment)
        verdicts.setdefault(key, {})[verdict] = count
    shapes: list[FactShape] = []
    dated: dict[tuple[str, str], list[str]] = {}
    for name, claim_type, date, phase, enrollment in verdicts:
        if date:
            dated.setdefault((name, claim_type), []).append(date)
        else:
            shapes.append(
                FactShape(
                    name,
                    claim_type,
                    (),
                    phase or None,
                    None if enrollment == "" else enrollment,
                    tuple(sorted(verdicts[(name, claim_type, date, phase, enrollment)].items())),
                )
            )
    for (name, claim_type), dates in dated.items():
        for cluster in fact_dates(dates):
            counts: dict[str, int] = {}
            for date in cluster:
                for verdict, count in verdicts[(name, claim_type, date, "", "")].items():
                    counts[verdict] = counts.get(verdict, 0) + count
            shapes.append(
                FactShape(name, claim_type, tuple(cluster), verdicts=tuple(sorted(counts.items())))
            )
    shapes.sort(
        key=lambda f: (
            f.therapy,
            f.date or "9999",
            f.type,
            "" if f.date else f.phase or "",
            -1 if f.date or f.enrollment is None else f.enrollment,
        )
    )  # assemble.fact_order
    return shapes


# A fact's first articles are found by walking the articles by name when the fact holds at
# least one in this many (fewer than this many are walked); else its claims are sorted.
FIRST_ARTICLES_SCAN = 1000


def noncurrent_versions(db: Database) -> list[str] | None:
    """The article versions that are no article's current one (an article's older versions),
    found only when there are some; None when too many to name in a query."""
    versions = db.execute("select count(*) from article_versions").fetchone()[0]
    current = db.execute("select count(current_version) from articles").fetchone()[0]
    if versions == current:
        return []
    if versions - current > store.SQLITE_MAX_VARS:
        return None
    # The articles with more than one version, found on the versions' (article, version)
    # index, hold them unless an article went and left its versions (then every version is
    # looked at: 0.1 s at 100,000 articles).
    older = [
        row[0]
        for row in db.execute(
            "select v.id from article_versions v join articles a on a.id = v.article_id "
            "where v.id is not a.current_version and v.article_id in "
            "(select article_id from article_versions where version > 1)"
        )
    ]
    if len(older) == versions - current:
        return older
    return [
        row[0]
        for row in db.execute(
            "select v.id from article_versions v "
            "where not exists (select 1 from articles a where a.current_version = v.id)"
        )
    ]


def fact_article_count(db: Database, where: str, params: list, noncurrent: list[str] | None) -> int:
    """How many current articles hold a fact's claims (``where`` on ``c``): the versions its
    claims come from, on the claims' index alone, less the versions that are not current
    (``noncurrent_versions``: few). Joining each claim to its article cost a second a page
    at 100,000 articles, where a fact has about 20,000 claims."""
    if noncurrent is None:
        return db.execute(
            "select count(distinct c.version_id) from claims c "
            f"join articles a on a.current_version = c.version_id where {where}",
            params,
        ).fetchone()[0]
    # Distinct in the index's order (its versions come sorted when the fact has one date or
    # none), not through count(distinct), which sorts them again: 20 -> 4 ms a fact of
    # 20,000 claims.
    count = db.execute(
        f"select count(*) from (select distinct c.version_id from claims c where {where})", params
    ).fetchone()[0]
    if noncurrent:
        count -= db.execute(
            f"select count(distinct c.version_id) from claims c where {where} "
            f"and c.version_id in ({', '.join('?' * len(noncurrent))})",
            [*params, *noncurrent],
        ).fetchone()[0]
    return count


def first_given(db: Database, shape: FactShape, key: str, given: str, articles: int):
    """``key`` of a dated fact's first claim that has one (``given`` on ``c``), in
    ``assemble``'s order (longest date, article name, position), or None.

    Its claims that have one are counted on the index first (current or not: most facts
    have none). Many: the articles are walked by name for each length of date in turn, each
    looked up on the claims' index, until one holds such a claim; few: they are sorted.
    Sorting a fact of 20,000 claims cost 0.14 s at 100,000 articles."""
    where, params = shape.members()
    some = db.execute(
        f"select count(*) from claims c where {where} and {given}", params
    ).fetchone()[0]
    if not some:
        return None
    if some * FIRST_ARTICLES_SCAN < articles:
        row = db.execute(
            f"select c.{key} from claims c join articles a on a.current_version = c.version_id "
            f"where {where} and {given} order by length(c.date) desc, a.name, c.start limit 1",
            params,
        ).fetchone()
        return row[0] if row else None
    for length in sorted({len(date) for date in shape.dates}, reverse=True):
        dates = [date for date in shape.dates if len(date) == length]
        same = (
            f"c.therapy = ? and c.type = ? and c.date in ({', '.join('?' * len(dates))}) "
            f"and {given}"
        )
        values = [shape.therapy, shape.type, *dates]
        first = db.execute(
            "select a.current_version from articles a where exists (select 1 from claims c "
            f"where c.version_id = a.current_version and {same}) order by a.name limit 1",
            values,
        ).fetchone()
        if first:
            return db.execute(
                f"select c.{key} from claims c where c.version_id = ? and {same} "
                "order by c.start limit 1",
                [first[0], *values],
            ).fetchone()[0]
    return None


def fact_page_row(
    db: Database,
    shape: FactShape,
    full: bool = True,
    noncurrent: list[str] | None = None,
    articles: int | None = None,
) -> dict:
    """A fact as ``assemble.fact_row`` gives it, read on the claims' index for its claims.

    Not ``full`` (a table for people): ``mentions``, ``article_count`` and the first five
    ``articles`` instead of every claim id and article, in a few aggregate queries
    (``noncurrent``: :func:`noncurrent_versions`, and ``articles``, how many there are,
    found once a page)."""
    from .assemble import fact_id

    if articles is None:
        articles = db.execute("select count(*) from articles").fetchone()[0]
    where, params = shape.members()
    base = f"from claims c join articles a on a.current_version = c.version_id where {where}"
    order = "order by length(c.date) desc, a.name, c.start"
    row = {
        "fact_id": fact_id(shape.therapy, shape.type, shape.date, shape.phase, shape.enrollment),
        "therapy": shape.therapy,
        "type": shape.type,
        "date": shape.date,
        "phase": shape.phase,
        "enrollment": shape.enrollment,
    }
    if shape.dates:  # the first claim's that has one (assemble: claims in this order)
        for key, given in (("phase", "c.phase != ''"), ("enrollment", "c.enrollment != 0")):
            row[key] = first_given(db, shape, key, given, articles)
    if full:
        members = db.execute(f"select a.name, c.claim_id {base} {order}", params).fetchall()
        row["articles"] = sorted({name for name, _ in members})
        row["verdicts"] = dict(shape.verdicts)
        row["claim_ids"] = [claim_id for _, claim_id in members]
        return row
    row["article_count"] = fact_article_count(db, where, params, noncurrent)
    if row["article_count"] * FIRST_ARTICLES_SCAN >= articles:
        # Many articles: walk them by name until five hold the fact (each looked up on the
        # claims' index), instead of sorting every one.
        first = (
            "select a.name from articles a where exists (select 1 from claims c "
            f"where c.version_id = a.current_version and {where}) order by a.name limit 5"
        )
    else:
        first = f"select distinct a.name {base} order by a.name limit 5"
    row["articles"] = [name for (name,) in db.execute(first, params)]
    row["verdicts"] = dict(shape.verdicts)
    row["mentions"] = sum(n for _, n in shape.verdicts)
    return row


def facts_page(
    db: Database,
    therapy: str | None = None,
    *,
    limit: int | None = 50,
    offset: int = 0,
    full: bool = True,
) -> tuple[list[dict], int]:
    """One page of facts (``assemble.fact_row`` rows, by therapy, date and type) and how many
    there are: the facts from the kept counts (:func:`fact_shapes`), then each fact of the
    page read on the claims' index (:func:`fact_page_row`; ``full=False`` for a table)."""
    shapes = fact_shapes(db, therapy)
    end = None if limit is None else offset + limit
    noncurrent = None if full else noncurrent_versions(db)
    articles = db.execute("select n_articles from corpus_totals").fetchone()[0]
    return [
        fact_page_row(db, shape, full, noncurrent, articles) for shape in shapes[offset:end]
    ], len(shapes)


def conflict_claims(db: Database, therapy: str) -> tuple[list, list]:
    """What one therapy's contradictions are found from, and no more: its facts that may
    contradict another on their dates (one-time events dated to the month, with a fact of
    the same type on an incompatible date: ``assemble.date_conflicts``), each with every
    claim, in ``assemble``'s order; and its outcome contradiction, if any
    (:func:`outcome_conflicts`)."""
    from .assemble import Fact, compatible, fact_id, may_conflict_on_date

    shapes = [f for f in fact_shapes(db, therapy) if may_conflict_on_date(f.type, f.date)]
    facts = []
    for shape in shapes:
        if all(o.type != shape.type or compatible(o.date, shape.date) for o in shapes):
            continue
        where, params = shape.members()
        members = db.query(
            f"""
            select a.name as article, c.claim_id, c.therapy, c.type, c.date, c.status,
              {QUOTE_OF_CLAIM} as quote,
              c.start, c.phase, c.outcome
            from claims c join articles a on a.current_version = c.version_id where {where}
            order by length(c.date) desc, a.name, c.start
            """,
            params,
        )
        key = (shape.therapy, shape.type, shape.date, None, None)
        facts.append(Fact(fact_id(*key), *key, tuple(members)))
    return facts, outcome_conflicts(db, therapy)


# One therapy's current claims with a primary outcome (``c``), on their covering index.
PRIMARY_OUTCOME_CLAIMS = """
    from claims c where c.therapy = ? and c.outcome in ('met_primary', 'missed_primary')
      and exists (select 1 from articles a where a.current_version = c.version_id)
"""


def outcome_conflicts(db: Database, therapy: str) -> list:
    """``assemble.outcome_conflicts`` of ``therapy``'s claims, read on their covering index:
    the kinds of claim first (outcome and phase); the claims and their articles only when
    some contradict. A therapy of 100,000 articles has 40,000 such claims: reading each as
    a row cost a fifth of a second every time one of its articles was verified."""
    from .assemble import DETAIL_ARTICLES, outcome_conflict, outcomes_with_partner

    kinds = db.execute(
        f"select distinct c.outcome, coalesce(c.phase, '') {PRIMARY_OUTCOME_CLAIMS}", [therapy]
    ).fetchall()
    partnered = outcomes_with_partner(map(tuple, kinds))
    if not partnered:
        return []
    ids, versions = [], set()
    for claim_id, version, outcome, phase in db.execute(
        f"select c.claim_id, c.version_id, c.outcome, coalesce(c.phase, '') "
        f"{PRIMARY_OUTCOME_CLAIMS}",
        [therapy],
    ):
        if (outcome, phase) in partnered:
            ids.append(claim_id)
            versions.add(version)
    # An article's claims are those of its current version: one version per article.
    articles = db.execute("select count(*) from articles").fetchone()[0]
    if len(versions) * FIRST_ARTICLES_SCAN >= articles:
        # Many articles: walk them by name until five hold such a claim.
        ordered = " or ".join(["(c.outcome = ? and coalesce(c.phase, '') = ?)"] * len(partnered))
        first = [
            name
            for (name,) in db.execute(
                "select a.name from articles a where exists (select 1 from claims c "
                "where c.version_id = a.current_version and c.therapy = ? "
                f"and ({ordered})) order by a.name limit {DETAIL_ARTICLES}",
                [therapy, *(value for kind in sorted(partnered) for value in kind)],
            )
        ]
    else:
        names = []
        listed = sorted(versions)
        for start in range(0, len(listed), store.SQLITE_MAX_VARS):
            part = listed[start : start + store.SQLITE_MAX_VARS]
            names += db.execute(
                f"select name from articles where current_version in ({', '.join('?' * len(part))})",
                part,
            ).fetchall()
        first = sorted(name for (name,) in names)[:DETAIL_ARTICLES]
    return [outcome_conflict(therapy, ids, first, len(versions))]


def claim_sources(db: Database, row_ids: list[str] | None = None) -> Iterator[dict]:
    """Every current claim (of ``row_ids``, claims.id, when given) with the current document
    version of each reference it cites."""
    if row_ids is not None:
        for start in range(0, len(row_ids), 500):
            part = row_ids[start : start + 500]
            yield from _claim_sources(db, f"where c.id in ({', '.join('?' * len(part))})", part)
        return
    yield from _claim_sources(db, "", [])


def _claim_sources(db: Database, where: str, params: list) -> Iterator[dict]:
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
        {where}
        order by a.name, c.start
        """,
        params,
    ):
        row["refs"] = json.loads(row["refs"])
        row["trial_ids"] = json.loads(row["trial_ids"] or "[]")
        row["sources"] = [
            s for s in json.loads(row["sources"] or "[]") if s.get("ref") is not None
        ] + json.loads(row.pop("registry_sources") or "[]")
        yield row


def claims_citing(db: Database, document_ids: Iterable[str]) -> list[str]:
    """The current claims (claims.id) citing any of these documents: through a reference to
    its URL (on the references' URL index) or, for a registry record, naming its trial."""
    ids = sorted(set(document_ids))
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ", ".join("?" * len(part))
        found.update(
            row[0]
            for row in db.execute(
                f"""
                select c.id from documents d
                join article_references r on r.url_normalized = d.url_normalized and r.inline = 0
                join articles a on a.current_version = r.version_id
                join claims c on c.version_id = r.version_id
                where d.id in ({marks})
                  and exists (select 1 from json_each(c.refs) j where j.value = r.n)
                """,
                part,
            )
        )
        trials = [
            row[0]
            for row in db.execute(
                f"select trial_id from documents where id in ({marks}) and trial_id is not null",
                part,
            )
        ]
        if trials:
            found.update(
                row[0]
                for row in db.execute(
                    f"""
                    select c.id from claims c join articles a on a.current_version = c.version_id
                    where c.trial_ids is not null and c.trial_ids != '[]' and exists (
                      select 1 from json_each(c.trial_ids) j
                      where j.value in ({", ".join("?" * len(trials))}))
                    """,
                    trials,
                )
            )
    return sorted(found)


def document_text(db: Database, version_id: str) -> str:
    row = db.execute("select text from document_versions where id = ?", [version_id]).fetchone()
    return row[0] if row else ""


def count_conflicts(db: Database) -> int:
    """How many contradictions the last verify found (current ones)."""
    return db.execute("select count(*) from conflicts where current = 1").fetchone()[0]


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
    return contradictions_page(db, current_only, limit=None)[0]


def contradictions_page(
    db: Database,
    current_only: bool = True,
    *,
    limit: int | None = 50,
    offset: int = 0,
    claims_shown: int | None = None,
) -> tuple[list[dict], int]:
    """One page of :func:`contradictions_with_claims` and how many there are; each claim
    involved is looked up by its id (an index), not found in a list of every claim, and only
    the first ``claims_shown`` of each (None: all; ``claim_count`` says how many there are: a
    contradiction between two facts of 20,000 mentions each has 40,000)."""
    where = "where current = 1" if current_only else ""
    total = db.execute(f"select count(*) from conflicts {where}").fetchone()[0]
    rows = list(
        db.query(
            f"select * from conflicts {where} order by kind, therapy, first_seen limit ? offset ?",
            [-1 if limit is None else limit, offset],
        )
    )
    for row in rows:
        row["claim_ids"] = json.loads(row["claim_ids"])
        row["claim_count"] = len(row["claim_ids"])
        shown = row["claim_ids"] if claims_shown is None else row["claim_ids"][:claims_shown]
        row["claims"] = [claim for i in shown if (claim := claim_quote(db, i))]
    return rows, total


def claim_quote(db: Database, claim_id: str) -> dict | None:
    """Article, claim id and quote of a current claim (the first by article name, as before)."""
    row = db.execute(
        f"""
        select a.name, {QUOTE_OF_CLAIM} from claims c
        join articles a on a.current_version = c.version_id
        where c.claim_id = ? order by a.name desc limit 1
        """,
        [claim_id],
    ).fetchone()
    return {"article": row[0], "claim_id": claim_id, "quote": row[1]} if row else None


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


def reference_urls(db: Database, article: str | None = None) -> dict[str, dict[int, str]]:
    """Article -> reference number -> URL as written, for the current article versions (of
    one ``article``, or all)."""
    urls: dict[str, dict[int, str]] = {}
    one, params = ("and a.name = ?", [article]) if article else ("", [])
    for row in db.query(
        f"""
        select a.name as article, r.n, r.url from article_references r
        join article_versions v on v.id = r.version_id {CURRENT}
        where r.n is not null {one} order by a.name, r.idx
        """,
        params,
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
        f"select v.text, v.script, v.first_sentence, v.n_sentences, p.spans "
        f"from article_versions v {CURRENT} left join paragraphs p on p.version_id = v.id "
        "where a.name = ?",
        [article],
    ).fetchone()
    if version is None or version[2] is None:
        return {}
    text, script, first, n, spans = version
    paragraphs = json.loads(spans or "[]")
    simplified = store.simplified_text(text, script)
    contexts: dict[int, dict] = {}
    for idx, paragraph, start, end in db.execute(
        'select idx, paragraph_idx, start, "end" from sentences where id >= ? and id < ?',
        [first, first + n],
    ):
        span = (
            paragraphs[paragraph]
            if paragraph is not None and 0 <= paragraph < len(paragraphs)
            else None
        )
        p_start, p_end = span[:2] if span else (start, end)
        contexts[idx] = {
            "text": text[start:end],
            "text_simplified": simplified[start:end],
            "paragraph_before": text[p_start:start],
            "paragraph_after": text[end:p_end],
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
