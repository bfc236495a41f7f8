"""The records the stages hand to the corpus: the rows of one processed article, one fetch.

Shared by the stages that build them (``pipeline``, ``workers``, ``sources``) and the store
that writes them, so that the store imports no stage.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .documents import Document
    from .fetch import FetchResult
    from .pipeline import ArticleResult


# What a fetch of a cited URL can end in (``fetch.STATUSES``; here so that the command line
# lists them without loading the fetcher).
FETCH_STATUSES = (
    "ok",
    "not_modified",
    "http_error",
    "timeout",
    "network_error",
    "too_large",
    "unsupported_type",
    "blocked",
    "robots",
    "no_url",
)


# A claim row as ``article_rows`` writes it (table ``claims``), in order. Its quote is its
# span (start, end) of the article's text, cut on read (``queries.CLAIM_QUOTE``).
CLAIM_ROW_COLUMNS = (
    "id", "claim_id", "version_id", "sentence_idx", "start", "end", "therapy",
    "unlisted", "type", "date", "date_text", "phase", "enrollment", "design", "outcome",
    "status", "refs", "ref_urls", "extractor_version", "provenance", "trial_ids",
)  # fmt: skip
# A claim's machine values: what a review decision keeps a snapshot of, what a refresh or
# re-ingest compares before and after (``review.SNAPSHOT_FIELDS``, ``queries.claim_values``).
CLAIM_VALUES = (
    "quote", "therapy", "unlisted", "type", "date", "date_text", "phase", "enrollment",
    "status", "refs", "ref_urls", "design", "outcome",
)  # fmt: skip
# Claim columns stored as JSON lists.
CLAIM_JSON_COLUMNS = ("design", "refs", "ref_urls", "provenance", "trial_ids")
# A ``runs`` row (``refresh.RunReport``), and its columns stored as JSON (lists, the
# statuses an object).
RUN_COLUMNS = (
    "id", "kind", "target", "flow_run_id", "started_at", "finished_at", "duration_s",
    "fetch_statuses", "new_versions", "articles", "new_claims", "changed_claims",
    "removed_claims", "review_flagged", "new_conflicts", "errors",
)  # fmt: skip
RUN_JSON_COLUMNS = (
    "fetch_statuses", "articles", "new_claims", "changed_claims", "removed_claims",
    "review_flagged", "new_conflicts", "errors",
)  # fmt: skip

# The stored columns of a sentence row (its id comes from the corpus; its tokens go to the
# full-text index only).
SENTENCE_COLUMNS = ("version_id", "paragraph_idx", "idx", "start", "end", "terms")


def article_id(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


def version_id(name: str, content_hash: str) -> str:
    return hashlib.sha256(f"{name}\0{content_hash}".encode()).hexdigest()[:16]


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
    from .claims import EXTRACTOR_VERSION  # the claims package imports the store's callers

    source = result.source
    vid = version_id(source.name, source.content_hash)
    text = source.text
    children = {
        "paragraphs": (
            ("version_id", "idx", "start", "end", "kind"),
            [(vid, p.index, p.start, p.end, p.kind) for p in result.paragraphs],
        ),
        # Sentences get their ids from the corpus, which indexes their tokens (SENTENCE_COLUMNS
        # are stored, the tokens only indexed).
        "sentences": (
            (*SENTENCE_COLUMNS, "tokens"),
            [
                (vid, s.paragraph, s.index, s.start, s.end, s.terms, s.tokens)
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
            CLAIM_ROW_COLUMNS,
            [
                (
                    f"{vid}-{c.claim_id}",
                    c.claim_id,
                    vid,
                    c.sentence,
                    c.start,
                    c.end,
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
        # The simplified text is converted again when read (length-preserving, m025).
        "text": text,
        "parser_version": result.parser_version,
        "published": result.published,
        "given_published": source.published,
    }
    return ArticleRows(source.name, source.path, version, children, source.source)


@dataclass(frozen=True)
class ArchivedCopy:
    """The closest Wayback Machine snapshot of a dead page, fetched and extracted."""

    snapshot_url: str
    snapshot_date: str  # ISO date of the snapshot
    result: FetchResult
    document: Document
    hash: str


@dataclass(frozen=True)
class FetchedDocument:
    """One fetch, classified and extracted. ``result.body`` is always None here."""

    key: str
    cited_url: str
    result: FetchResult
    document: Document | None
    hash: str | None
    trial_id: str | None = None
    record: str | None = None  # a registry record's fields (JSON)
    archive: ArchivedCopy | None = None
    # Why no archived copy is in use, when one was looked for: appended to the reason.
    archive_note: str | None = None
    # The archive lookup and snapshot fetches, for the fetch log.
    archive_results: tuple[FetchResult, ...] = ()
