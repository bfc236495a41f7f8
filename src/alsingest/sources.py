"""Sources: fetch the URLs the corpus cites and keep every version of what they served.

:func:`fetch_references` is the recipe; ``flows/fetch.py`` runs the same stages as
Prefect tasks.

1. :func:`plan_fetch` — every distinct URL cited by current article versions, once
   (the same normalised URL cited by several articles is one document), with the
   stored ETag / Last-Modified so the fetch is conditional. Left out: URLs fetched
   within ``stale_after``, URLs whose current copy the user attached, and with
   ``only_failed`` those whose last fetch worked.
2. :func:`fetch_documents` — :func:`alsingest.fetch.fetch_all`, then each body is
   classified and its text extracted (``documents``); bodies are dropped here.
3. :func:`store_documents` — one transaction per URL: its status and reason, one log
   row per attempt, and a new version only when the content hash is new.

A version's hash covers the extracted title, date and text, not the raw bytes: a
page whose markup changes on every request (nonces, ad slots) must not add a
version per refresh.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from . import queries, store
from .config import ConfigError, Options
from .documents import Document, UnsupportedContent, classify, extract_document
from .fetch import STATUSES, FetchOptions, FetchRequest, FetchResult, fetch_many, utc_now_iso
from .references import normalize_url

logger = logging.getLogger(__name__)

# URLs handed to one fetch (and one Prefect task). Each batch waits for its slowest
# URL, so a batch should be large enough to keep the fetcher's slots busy, and small
# enough that its bodies fit in memory at once.
BATCH_SIZE = 100

WORKED = frozenset({"ok", "not_modified"})
FAILED = frozenset(STATUSES) - WORKED

# Skipped URLs, by why.
FRESH = "fetched recently"
ATTACHED = "attached copy"
NOT_FAILED = "did not fail"

DURATION = re.compile(r"(?:\d+(?:\.\d+)?[smhdw])+")
DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([smhdw])")
DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}

# The saved copy's type from its name; anything else is left to the bytes.
ATTACH_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".md": "text/plain",
}


class SourceError(ValueError):
    """A copy cannot be attached: unknown URL, unreadable or unusable file."""


@dataclass(frozen=True)
class Target:
    """One URL to fetch: its key (normalised URL), the URL as first cited, the request."""

    key: str
    cited_url: str
    request: FetchRequest


@dataclass
class FetchPlan:
    targets: list[Target]
    skipped: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class FetchedDocument:
    """One fetch, classified and extracted. ``result.body`` is always None here."""

    key: str
    cited_url: str
    result: FetchResult
    document: Document | None
    hash: str | None


@dataclass
class FetchSummary:
    """What one run did: URLs by status, versions added, URLs skipped and why."""

    run_id: str
    statuses: Counter[str] = field(default_factory=Counter)
    new_versions: int = 0
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str, str | None]] = field(default_factory=list)

    @property
    def fetched(self) -> int:
        return sum(self.statuses.values())

    def add(self, other: FetchSummary) -> None:
        self.statuses.update(other.statuses)
        self.new_versions += other.new_versions
        self.unchanged += other.unchanged
        self.skipped.update(other.skipped)
        self.failed.extend(other.failed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "statuses": dict(self.statuses),
            "new_versions": self.new_versions,
            "unchanged": self.unchanged,
            "skipped": dict(self.skipped),
            "failed": [list(f) for f in self.failed],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FetchSummary:
        return cls(
            run_id=data["run_id"],
            statuses=Counter(data["statuses"]),
            new_versions=data["new_versions"],
            unchanged=data["unchanged"],
            skipped=Counter(data["skipped"]),
            failed=[tuple(f) for f in data["failed"]],  # type: ignore[misc]
        )


@dataclass(frozen=True)
class Attached:
    url: str
    version: int
    new: bool
    title: str | None
    chars: int


def parse_duration(text: str) -> timedelta:
    """``"7d"``, ``"12h"``, ``"30m"``, ``"1d12h"`` (units s m h d w) as a timedelta."""
    compact = "".join(text.split()).lower()
    if not DURATION.fullmatch(compact):
        raise ValueError(f"{text!r} is not a duration like 7d, 12h, 30m or 1d12h")
    seconds = sum(float(n) * DURATION_UNITS[u] for n, u in DURATION_PART.findall(compact))
    return timedelta(seconds=seconds)


def fetch_options(options: Options) -> FetchOptions:
    """The ``[fetch]`` section of the config as :class:`FetchOptions`."""
    try:
        return FetchOptions.from_mapping(options.section("fetch"))
    except ValueError as e:
        raise ConfigError(f"bad config value: {e}") from None


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def _parse_time(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def plan_fetch(
    db: Database,
    *,
    stale_after: timedelta | None = None,
    only_failed: bool = False,
    now: datetime | None = None,
) -> FetchPlan:
    """The URLs a run should fetch, each once, with the validators of its stored copy."""
    now = now or datetime.now(UTC)
    plan = FetchPlan(targets=[])
    for row in queries.fetch_candidates(db):
        if row["attached"]:
            # The user saved this page because it refused scripts; fetching it again
            # would only bring back the page that refused. Attach a newer copy instead.
            plan.skipped[ATTACHED] += 1
            continue
        if only_failed and row["status"] not in FAILED:
            plan.skipped[NOT_FAILED] += 1
            continue
        last = _parse_time(row["fetched_at"])
        if stale_after is not None and last is not None and now - last < stale_after:
            plan.skipped[FRESH] += 1
            continue
        request = FetchRequest(row["key"], etag=row["etag"], last_modified=row["last_modified"])
        plan.targets.append(Target(row["key"], row["url"], request))
    return plan


def content_hash(document: Document) -> str:
    payload = "\0".join((document.title or "", document.published or "", document.text))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def to_document(target: Target, result: FetchResult) -> FetchedDocument:
    """Classify one fetch and extract its text; what cannot be read is ``unsupported_type``."""
    result = classify(result)
    body = result.body
    result = dataclasses.replace(result, body=None)
    if result.status != "ok" or body is None:
        return FetchedDocument(target.key, target.cited_url, result, None, None)
    reason = None
    document = None
    if not body.strip():
        reason = "empty body"
    else:
        try:
            document = extract_document(body, result.content_type, result.final_url or result.url)
        except UnsupportedContent as exc:
            reason = exc.reason
        else:
            if not document.text.strip():
                reason, document = f"no text in the {document.content_type} document", None
    if document is None:
        result = dataclasses.replace(result, status="unsupported_type", reason=reason)
        return FetchedDocument(target.key, target.cited_url, result, None, None)
    return FetchedDocument(target.key, target.cited_url, result, document, content_hash(document))


def fetch_documents(
    targets: Sequence[Target],
    options: FetchOptions,
    *,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchedDocument]:
    """Fetch ``targets`` and extract each response; never raises for network trouble."""
    results = fetch_many([t.request for t in targets], options, on_result=on_result)
    return [to_document(t, r) for t, r in zip(targets, results, strict=True)]


def store_documents(db: Database, fetched: Iterable[FetchedDocument], run_id: str) -> FetchSummary:
    """Store each fetch in its own transaction; returns what this part of the run did."""
    summary = FetchSummary(run_id)
    for item in fetched:
        outcome = store.write_fetched(db, item, run_id)
        status = item.result.status
        summary.statuses[status] += 1
        summary.new_versions += outcome == store.NEW_VERSION
        summary.unchanged += outcome == store.SAME_VERSION
        if status in FAILED:
            logger.info("%s: %s (%s)", item.key, status, item.result.reason)
            summary.failed.append((item.key, status, item.result.reason))
    return summary


def batches(targets: Sequence[Target], size: int = BATCH_SIZE) -> Iterator[list[Target]]:
    for start in range(0, len(targets), size):
        yield list(targets[start : start + size])


def fetch_references(
    db: Database,
    options: FetchOptions,
    *,
    stale_after: timedelta | None = None,
    only_failed: bool = False,
    on_result: Callable[[FetchResult], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> FetchSummary:
    """Fetch what the corpus cites and store it (see the module docstring for the stages)."""
    plan = plan_fetch(db, stale_after=stale_after, only_failed=only_failed)
    summary = FetchSummary(new_run_id(), skipped=plan.skipped)
    for batch in batches(plan.targets, batch_size):
        fetched = fetch_documents(batch, options, on_result=on_result)
        summary.add(store_documents(db, fetched, summary.run_id))
    return summary


def attach(db: Database, url: str, path: str | Path, *, max_bytes: int) -> Attached:
    """Store a copy of ``url`` the user saved (HTML, PDF or text) as its current version."""
    key = normalize_url(url) or url.strip()
    cited = {row["key"]: row["url"] for row in queries.fetch_candidates(db)}
    if key not in cited:
        raise SourceError(f"{url}: no reference in the corpus cites this URL")
    path = Path(path)
    if path.suffix.lower() in (".mht", ".mhtml"):
        raise SourceError(f"{path}: web archives are not read; save the page as HTML only")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(f"{path}: {size} bytes is over fetch.max_bytes ({max_bytes})")
        body = path.read_bytes()
    except OSError as e:
        raise SourceError(f"{path}: cannot read ({e.strerror or e})") from None
    if not body.strip():
        raise SourceError(f"{path}: file is empty")
    try:
        document = extract_document(body, ATTACH_TYPES.get(path.suffix.lower()), key)
    except UnsupportedContent as e:
        raise SourceError(f"{path}: {e.reason}") from None
    if not document.text.strip():
        raise SourceError(f"{path}: no text in it")
    version, new = store.write_attached(
        db,
        key,
        cited[key],
        document,
        content_hash(document),
        reason=f"attached copy {path.name}",
        attached_at=utc_now_iso(),
    )
    return Attached(key, version, new, document.title, len(document.text))
