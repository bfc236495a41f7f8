"""Refresh and re-ingest: the stages of the scheduled refresh and of one article re-ingested.

``flows/refresh.py`` and ``flows/reingest.py`` compose these stages as Prefect tasks.

A refresh:

1. :func:`claim_state` — the current claims, by stable claim id, before anything runs.
2. :func:`reextract` — articles whose stored ``parser_version`` is not the code's
   (:func:`queries.stale_articles`) are processed again from their stored original text;
   the article version stays, its rows are rewritten under the same stable ids.
3. :func:`plan_refresh` — references fetched longer ago than ``[schedule] stale_after``,
   never fetched, or whose last fetch failed; fetched (conditionally) and stored with
   ``sources`` (:func:`store_fetched`).
4. :func:`diff_claims` — new, changed and removed claims, compared with step 1;
   :func:`verify_changed` re-verifies the changed ones (and whatever cites a new
   document version: ``verify_corpus`` skips the rest).
5. :func:`finish_run` — a row in ``runs`` and the run's report as Markdown.

A re-ingest takes one article as a file path or a URL (:func:`load_article`; a URL's
page is fetched and its main text extracted), stores it (:func:`store_source`), then
fetches only its references (:func:`plan_article`) and verifies.

Human review is never touched: decisions are keyed by the stable claim id, so a claim
that comes out the same keeps its decision, one whose values changed is reported as
changed since review, and one that disappears keeps its decisions in the table.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database

from . import queries, store
from .config import ConfigError, Options
from .documents import UnsupportedContent, classify, extract_document
from .fetch import FetchOptions, FetchRequest, FetchResult, fetch_many
from .pipeline import (
    PARSER_VERSION,
    Toolkit,
    VerifyReport,
    identify,
    process_article,
    verify_corpus,
)
from .readers import InputError, SourceText, content_hash, read_article
from .records import RUN_COLUMNS
from .review import CHANGED, SNAPSHOT_FIELDS, review_state
from .sources import (
    ATTACHED,
    FRESH,
    FetchedDocument,
    FetchPlan,
    FetchSummary,
    SourceTemplates,
    parse_duration,
    plan_fetch,
    store_documents,
)

logger = logging.getLogger(__name__)

REFRESH = "refresh"
REINGEST = "reingest"

# A page with less text than this is a landing page, a login wall or an error page,
# not an article (the shortest seed article has several thousand characters).
MIN_ARTICLE_CHARS = 200

# Generic last path segments that say nothing about the article.
GENERIC_SEGMENTS = frozenset({"", "index", "default", "article", "detail", "content", "view", "s"})

# How long verify waits for another writer before giving up (the busy timeout of open_db).
LOCK_WAIT_S = 30.0

# Claims listed one by one in a run's Markdown report; the rest are counted.
REPORT_LIST_MAX = 30


class ArticleError(ValueError):
    """The article cannot be read or fetched, or what came back is not an article page."""


# --- schedule -------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleSettings:
    """The ``[schedule]`` section of the config, checked."""

    refresh_cron: str
    timezone: str
    stale_after: str

    @property
    def stale_after_delta(self) -> timedelta:
        return parse_duration(self.stale_after)


def schedule_settings(options: Options) -> ScheduleSettings:
    """``[schedule]`` as :class:`ScheduleSettings`, or :class:`ConfigError` naming the bad key.

    The cron string's fields are checked by the scheduler that reads it (``flows/serve.py``);
    here only that it is one.
    """
    section = options.section("schedule")
    cron = section.get("refresh_cron")
    if not isinstance(cron, str) or len(cron.split()) not in (5, 6):
        raise ConfigError(
            f"[schedule] refresh_cron {cron!r} is not a cron string "
            "(five fields: minute hour day-of-month month day-of-week, e.g. '0 3 * * *')"
        )
    zone = section.get("timezone")
    try:
        if not isinstance(zone, str) or not zone.strip():
            raise ValueError
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"[schedule] timezone {zone!r} is not a known IANA timezone (e.g. 'Asia/Shanghai')"
        ) from None
    stale = section.get("stale_after")
    try:
        parse_duration(str(stale))
    except ValueError as e:
        raise ConfigError(f"[schedule] stale_after: {e}") from None
    return ScheduleSettings(" ".join(cron.split()), zone, str(stale))


# --- claims before and after ------------------------------------------------------

ClaimState = dict[str, dict[str, Any]]


def claim_state(db: Database, article: str | None = None) -> ClaimState:
    """Stable claim id -> the claim's machine values (those a review snapshot records) and
    article, for every current claim or one ``article``'s (what a re-ingest changes)."""
    return {
        row["claim_id"]: {"article": row["article"], **{k: row.get(k) for k in SNAPSHOT_FIELDS}}
        for row in queries.claim_values(db, article)
    }


@dataclass
class ClaimChanges:
    new: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # claim id -> fields changed
    removed: list[str] = field(default_factory=list)


def diff_claims(before: Mapping[str, Mapping], after: Mapping[str, Mapping]) -> ClaimChanges:
    """Claims new, changed (same stable id, other values) and removed between two states."""
    changes = ClaimChanges()
    for claim_id, values in after.items():
        old = before.get(claim_id)
        if old is None:
            changes.new.append(claim_id)
            continue
        fields = [key for key in SNAPSHOT_FIELDS if old.get(key) != values.get(key)]
        if fields:
            changes.changed[claim_id] = fields
    changes.removed = [claim_id for claim_id in before if claim_id not in after]
    return changes


# --- re-extraction ----------------------------------------------------------------


def stale_articles(db: Database) -> list[str]:
    """Articles whose current version was parsed by another version than the code's."""
    return queries.stale_articles(db, PARSER_VERSION)


@dataclass
class ReextractReport:
    done: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


def stored_source(db: Database, name: str) -> SourceText:
    """The current version of a stored article as the pipeline's input, from its original text."""
    row = queries.stored_article(db, name)
    if row is None:
        raise ArticleError(f"{name}: no such article in the corpus")
    return SourceText(
        name=row["name"],
        path=row["path"],
        text=row["text"],
        encoding=row["encoding"],
        content_hash=row["content_hash"],
        published=row["given_published"],
        source=row["source"],
    )


def reextract(
    db: Database,
    names: Iterable[str],
    toolkit: Toolkit,
    *,
    on_article: Callable[[str], None] | None = None,
) -> ReextractReport:
    """Process these articles again from their stored text; one transaction per article.

    The content is the same, so the version id is the same and ``write_article`` rewrites
    its rows under the same ids. An article that fails is reported and the others go on;
    one that was not reached (the run was killed) is still stale and the next run does it.
    """
    report = ReextractReport()
    for name in names:
        try:
            result = process_article(stored_source(db, name), toolkit)
            with store.write_lock(db):
                store.write_article(db, store.article_rows(result))
        except Exception as e:  # one article's bug must not stop the refresh of the others
            logger.exception("re-extracting %s failed", name)
            report.errors.append((name, f"re-extraction failed: {type(e).__name__}: {e}"))
        else:
            report.done.append(name)
        finally:
            if on_article is not None:
                on_article(name)
    return report


# --- fetching -----------------------------------------------------------------------


def plan_refresh(
    db: Database, stale_after: timedelta, templates: SourceTemplates | None = None
) -> FetchPlan:
    """URLs fetched longer ago than ``stale_after`` or never, plus every one whose last fetch failed.

    With ``templates``, as ``fetch`` plans them: the registry records of the trials that claims
    name too (dead pages get their archived copy when the batch is fetched).
    """
    stale = plan_fetch(db, stale_after=stale_after, templates=templates)
    failed = plan_fetch(db, only_failed=True, templates=templates)
    planned = {target.key for target in stale.targets}
    extra = [target for target in failed.targets if target.key not in planned]
    skipped = Counter(stale.skipped)
    # Failed URLs fetched recently were counted as fresh by the first plan.
    skipped[FRESH] -= len(extra)
    return FetchPlan(stale.targets + extra, +skipped)


def plan_article(db: Database, name: str, templates: SourceTemplates | None = None) -> FetchPlan:
    """Every URL one article cites (conditional requests), except those with an attached copy;
    with ``templates``, the registry records of the trials its claims name too."""
    planned = plan_fetch(db, templates=templates, article=name)
    return FetchPlan(planned.targets, +Counter({ATTACHED: planned.skipped[ATTACHED]}))


def store_fetched(db: Database, fetched: Iterable[FetchedDocument], run_id: str) -> FetchSummary:
    """``sources.store_documents``, each document under the write lock (waits for other writers)."""
    summary = FetchSummary(run_id)
    for item in fetched:
        with store.write_lock(db):
            summary.add(store_documents(db, [item], run_id))
    return summary


def verify_changed(
    db: Database, toolkit: Toolkit, changed: Iterable[str] = (), *, wait_s: float = LOCK_WAIT_S
) -> VerifyReport:
    """Verify what changed: the ``changed`` claims (their verdicts are forgotten first) and any
    claim whose cited documents have a new version (``verify_corpus`` skips the others).

    ``verify_corpus`` reads before it writes its conflicts, which SQLite refuses at once
    while another process writes; it is idempotent, so it is run again until ``wait_s``.
    """
    store.forget_verifications(db, list(changed))
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            return verify_corpus(db, toolkit)
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() + delay > deadline:
                raise
            logger.info("corpus busy, verifying again in %.2f s", delay)
            time.sleep(delay)
            delay = min(1.0, delay * 2)


# --- one article from a file or a URL -------------------------------------------------


def is_url(target: str) -> bool:
    return urlsplit(target.strip()).scheme.lower() in ("http", "https")


def article_name(url: str) -> str:
    """The stored name of an article fetched from ``url``: its last path segment, or a slug.

    ``https://x.org/news/tofersen-approved.html`` -> ``tofersen-approved.html``; a URL whose
    last segment says nothing (``/``, ``index.html``, ``/s?__biz=…``) gets the host and path
    as a slug plus a short hash of the whole URL, so that two such pages do not collide.
    """
    parts = urlsplit(url.strip())
    segment = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    stem = segment.rsplit(".", 1)[0].lower()
    if stem not in GENERIC_SEGMENTS and len(stem) >= 3 and not parts.query:
        return re.sub(r"[\\/:*?\"<>|\s]+", "-", segment)
    slug = re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]+", "-", f"{parts.hostname or ''}{parts.path}")
    digest = hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:8]
    return f"{slug.strip('-')[:60]}-{digest}"


def _failure(result: FetchResult) -> str:
    if result.status == "http_error":
        return f"HTTP {result.http_status}" + (f" ({result.reason})" if result.reason else "")
    if result.status == "unsupported_type":
        return f"not an article page: {result.reason}"
    return f"{result.status.replace('_', ' ')}" + (f": {result.reason}" if result.reason else "")


def fetch_article(
    url: str, options: FetchOptions, *, min_chars: int = MIN_ARTICLE_CHARS
) -> SourceText:
    """Fetch an article page and extract its main text, or raise :class:`ArticleError` saying why not.

    Refused: anything but a successful fetch (404, timeout, blocked address …), content that
    is not a document (image, archive, JSON), and a page with almost no text.
    """
    url = url.strip()
    (result,) = fetch_many([FetchRequest(url)], options)
    result = classify(result)
    if result.status != "ok" or result.body is None:
        raise ArticleError(f"{url}: {_failure(result)}")
    try:
        document = extract_document(result.body, result.content_type, result.final_url or url)
    except UnsupportedContent as e:
        raise ArticleError(f"{url}: not an article page: {e.reason}") from None
    text = document.text.strip()
    chars = len("".join(text.split()))
    if chars < min_chars:
        raise ArticleError(
            f"{url}: not an article page: only {chars} characters of text "
            f"(an article has at least {min_chars})"
        )
    title = (document.title or "").strip()
    if title and title not in text[: len(title) + 200]:
        text = f"{title}\n\n{text}"
    # The page's own metadata date stands in for a dateline the text may lack.
    published = document.published[:10] if document.published else None
    return SourceText(
        name=article_name(url),
        path=url,
        text=text,
        encoding=document.encoding or "utf-8",
        content_hash=content_hash(text, published),
        published=published,
    )


def load_article(target: str, options: Options, fetch: FetchOptions) -> SourceText:
    """One article from a file path or an http(s) URL, or :class:`ArticleError`."""
    if is_url(target):
        return fetch_article(target, fetch)
    try:
        return read_article(Path(target), options.max_bytes)
    except InputError as e:
        raise ArticleError(str(e)) from None


def store_source(db: Database, source: SourceText, toolkit: Toolkit) -> str:
    """Process and store one article unless the corpus holds it unchanged; new, changed or unchanged."""
    source = identify(db, source)
    if store.is_current(db, source.name, source.content_hash, PARSER_VERSION):
        logger.info("unchanged: %s", source.name)
        return store.UNCHANGED
    result = process_article(source, toolkit)
    with store.write_lock(db):
        return store.write_article(db, store.article_rows(result))


# --- the run's report --------------------------------------------------------------------


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class RunReport:
    """What one refresh or re-ingest did; one row of ``runs``."""

    id: str
    kind: str
    started_at: str
    target: str | None = None
    flow_run_id: str | None = None
    finished_at: str | None = None
    duration_s: float = 0.0
    fetch_statuses: dict[str, int] = field(default_factory=dict)
    new_versions: int = 0
    articles: list[str] = field(default_factory=list)
    new_claims: list[str] = field(default_factory=list)
    changed_claims: list[str] = field(default_factory=list)
    removed_claims: list[str] = field(default_factory=list)
    review_flagged: list[str] = field(default_factory=list)
    new_conflicts: list[str] = field(default_factory=list)
    errors: list[list[str]] = field(default_factory=list)
    # Not stored in runs, shown in the report.
    outcome: str | None = None
    archived: int = 0  # dead cited pages whose archived copy the run stored
    skipped: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    changed_fields: dict[str, list[str]] = field(default_factory=dict)

    ROW_FIELDS = RUN_COLUMNS

    def row(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in self.ROW_FIELDS}

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.row(),
            "outcome": self.outcome,
            "archived": self.archived,
            "skipped": self.skipped,
            "verdicts": self.verdicts,
            "conflicts": self.conflicts,
            "changed_fields": self.changed_fields,
        }

    def add_fetch(self, summary: FetchSummary) -> None:
        self.fetch_statuses = dict(Counter(self.fetch_statuses) + summary.statuses)
        self.new_versions += summary.new_versions
        self.archived += summary.archived
        self.skipped = dict(Counter(self.skipped) + summary.skipped)

    def add_claims(self, changes: ClaimChanges) -> None:
        self.new_claims = list(changes.new)
        self.changed_claims = list(changes.changed)
        self.changed_fields = dict(changes.changed)
        self.removed_claims = list(changes.removed)

    def add_verification(self, report: VerifyReport) -> None:
        self.verdicts = dict(report.verdicts)
        self.conflicts = report.conflicts
        self.new_conflicts = list(report.new_conflicts)


def finish_run(db: Database, report: RunReport, before: ClaimState) -> str:
    """Close the run: flag reviewed claims changed since review, write its ``runs`` row;
    returns its Markdown.

    Flagged: the claims this run touched, and every other claim (of the corpus for a
    refresh, of its article for a re-ingest) whose review is out of date, such as one an
    ingest between two runs edited (its decision followed it to the new sentence)."""
    finished = datetime.now(UTC)
    report.finished_at = finished.isoformat(timespec="milliseconds")
    started = datetime.fromisoformat(report.started_at)
    report.duration_s = round((finished - started).total_seconds(), 3)
    # A re-ingest changes one article: its claims alone are compared.
    scope = report.articles[0] if report.kind == REINGEST and report.articles else None
    claims = {row["claim_id"]: row for row in queries.claim_values(db, scope)}
    # A re-ingest's article: the decisions on its claims alone (not every one ever made).
    decisions = (
        store.latest_decisions(db)
        if scope is None
        else {row["claim_id"]: row for row in store.read_decisions_of(db, list(claims))}
    )
    touched = [*report.changed_claims, *report.new_claims]
    in_scope = [
        claim_id
        for claim_id, claim in claims.items()
        if report.kind == REFRESH or claim["article"] in report.articles
    ]
    report.review_flagged = [
        claim_id
        for claim_id in dict.fromkeys([*touched, *in_scope])
        if claim_id in decisions
        and claim_id in claims
        and review_state(claims[claim_id], decisions[claim_id]) == CHANGED
    ]
    store.write_run(db, report.row())
    return render_markdown(db, report, claims, before)


def _cell(value: object, limit: int = 80) -> str:
    text = " ".join(str(value if value is not None else "").split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_markdown(
    db: Database, report: RunReport, claims: Mapping[str, Mapping], before: Mapping[str, Mapping]
) -> str:
    """The run's report for the Prefect UI (a markdown artifact) and for people."""
    title = "Refresh" if report.kind == REFRESH else f"Re-ingest of `{report.target}`"
    lines = [
        f"# {title}",
        "",
        f"Run `{report.id}`, started {report.started_at}, took {report.duration_s:.1f} s.",
        "",
    ]
    if report.kind == REINGEST and report.articles:
        lines += [f"Article **{report.articles[0]}**: {report.outcome}.", ""]
    elif report.kind == REFRESH:
        lines += [
            f"Articles re-extracted (older parser version): {len(report.articles)}"
            + (f" — {', '.join(report.articles)}" if report.articles else ""),
            "",
        ]
    lines += ["## Fetches", "", "| status | URLs |", "|---|---|"]
    lines += [f"| {status} | {n} |" for status, n in sorted(report.fetch_statuses.items())]
    if not report.fetch_statuses:
        lines.append("| (nothing to fetch) | 0 |")
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(report.skipped.items()))
    lines += [
        "",
        f"{report.new_versions} new document versions"
        + (f" ({report.archived} archived copies of dead links)" if report.archived else "")
        + (f"; skipped {skipped}." if skipped else "."),
        "",
        "## Claims",
        "",
        f"{len(report.new_claims)} new, {len(report.changed_claims)} changed, "
        f"{len(report.removed_claims)} removed; {len(report.review_flagged)} reviewed claims "
        "changed since review.",
        "",
    ]
    rows = [
        *(("new", cid, claims.get(cid, {}), "") for cid in report.new_claims),
        *(
            ("changed", cid, claims.get(cid, {}), ", ".join(report.changed_fields.get(cid, [])))
            for cid in report.changed_claims
        ),
        *(("removed", cid, before.get(cid, {}), "") for cid in report.removed_claims),
    ]
    if rows:
        lines += ["| | claim id | article | therapy | type | date | fields | quote |"]
        lines += ["|---|---|---|---|---|---|---|---|"]
        for what, cid, claim, fields in rows[:REPORT_LIST_MAX]:
            flag = " (review)" if cid in report.review_flagged else ""
            lines.append(
                f"| {what}{flag} | `{cid}` | {_cell(claim.get('article'), 24)} | "
                f"{_cell(claim.get('therapy'), 20)} | {_cell(claim.get('type'), 16)} | "
                f"{_cell(claim.get('date'), 10)} | {_cell(fields, 40)} | {_cell(claim.get('quote'))} |"
            )
        if len(rows) > REPORT_LIST_MAX:
            lines.append(f"\n… and {len(rows) - REPORT_LIST_MAX} more.")
        lines.append("")
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(report.verdicts.items())) or "none"
    lines += [
        "## Verification",
        "",
        f"Claims verified again: {verdicts}. Contradictions: {report.conflicts} "
        f"({len(report.new_conflicts)} new).",
        "",
    ]
    if report.new_conflicts:
        known = {row["id"]: row for row in queries.contradictions(db, current_only=False)}
        for conflict_id in report.new_conflicts:
            row = known.get(conflict_id, {})
            lines.append(f"- **{row.get('kind', '?')}** {_cell(row.get('detail'), 200)}")
        lines.append("")
    if report.errors:
        lines += ["## Errors", ""]
        lines += [f"- {_cell(what, 60)}: {_cell(why, 200)}" for what, why in report.errors]
        lines.append("")
    return "\n".join(lines)
