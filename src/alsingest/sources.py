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

Two more kinds of source go through the same stages, with the same politeness and
SSRF rules (they are fetched by the same fetcher):

- **Trial registry records.** The registry ids claims name (``claims.trial_ids``) are
  fetched at the URL templates of ``[sources]`` (ClinicalTrials.gov API v2 JSON, a
  ChiCTR page), read by ``registries`` and stored as a document version whose text
  is the record, one field a line, with its structured fields in ``record``.
- **Archived copies of dead links.** A cited page that fails (an HTTP error, a dead
  host, a block page) is looked up in the Wayback Machine's availability API
  (``[sources] wayback``); the closest snapshot is fetched and stored as a version
  marked ``archived`` with its snapshot date, and becomes the one verification reads.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from . import patterns, queries, store
from .config import ConfigError, Options
from .documents import Document, UnsupportedContent, classify, extract_document
from .fetch import STATUSES, FetchOptions, FetchRequest, FetchResult, fetch_many, utc_now_iso
from .records import ArchivedCopy, FetchedDocument
from .references import normalize_url
from .registries import RegistryError, parse_record, record_url, render
from .verify import unreadable

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
    """One URL to fetch: its key (normalised URL), the URL as first cited, the request.

    ``trial_id`` is set when the URL is a trial registry's record of that id.
    """

    key: str
    cited_url: str
    request: FetchRequest
    trial_id: str | None = None


@dataclass(frozen=True)
class SourceTemplates:
    """The ``[sources]`` section: URL templates of registry records and of the web archive."""

    clinicaltrials: str = ""  # {id}
    chictr: str = ""  # {id}
    wayback: str = ""  # {url}

    @property
    def registries(self) -> dict[str, str]:
        return {"clinicaltrials": self.clinicaltrials, "chictr": self.chictr}


@dataclass
class FetchPlan:
    targets: list[Target]
    skipped: Counter[str] = field(default_factory=Counter)


@dataclass
class FetchSummary:
    """What one run did: URLs by status, versions added, URLs skipped and why."""

    run_id: str
    statuses: Counter[str] = field(default_factory=Counter)
    new_versions: int = 0
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str, str | None]] = field(default_factory=list)
    archived: int = 0  # dead pages whose archived copy is now stored

    @property
    def fetched(self) -> int:
        return sum(self.statuses.values())

    def add(self, other: FetchSummary) -> None:
        self.statuses.update(other.statuses)
        self.new_versions += other.new_versions
        self.unchanged += other.unchanged
        self.skipped.update(other.skipped)
        self.failed.extend(other.failed)
        self.archived += other.archived

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "statuses": dict(self.statuses),
            "new_versions": self.new_versions,
            "unchanged": self.unchanged,
            "skipped": dict(self.skipped),
            "failed": [list(f) for f in self.failed],
            "archived": self.archived,
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
            archived=data.get("archived", 0),
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


def source_templates(options: Options) -> SourceTemplates:
    """The ``[sources]`` section as :class:`SourceTemplates`; a template must hold its placeholder."""
    section = options.section("sources")
    values = {}
    for name, placeholder in (("clinicaltrials", "{id}"), ("chictr", "{id}"), ("wayback", "{url}")):
        value = section.get(name, "")
        if not isinstance(value, str):
            raise ConfigError(f"[sources] {name} must be a string, got {value!r}")
        value = value.strip()
        if value and (
            placeholder not in value or not value.lower().startswith(("http://", "https://"))
        ):
            raise ConfigError(
                f"[sources] {name} {value!r} must be an http(s) URL holding {placeholder} "
                "(or empty to turn it off)"
            )
        values[name] = value
    return SourceTemplates(**values)


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


def registry_candidates(
    db: Database, templates: SourceTemplates, article: str | None = None
) -> list[dict]:
    """The record URL of every registry id current claims (of one ``article``) name, once,
    with its document's state."""
    rows = []
    trial_ids = (
        queries.claim_trial_ids(db) if article is None else queries.article_trial_ids(db, article)
    )
    urls = {trial_id: record_url(trial_id, templates.registries) for trial_id in trial_ids}
    keys = {trial_id: normalize_url(url) if url else None for trial_id, url in urls.items()}
    states = queries.documents_by_key(db, None if article is None else filter(None, keys.values()))
    for trial_id in trial_ids:
        key = keys[trial_id]
        if key is None:
            continue
        state = states.get(key, {})
        rows.append(
            {
                "key": key,
                "url": urls[trial_id],
                "trial_id": trial_id,
                "status": state.get("status"),
                "fetched_at": state.get("fetched_at"),
                "etag": state.get("etag"),
                "last_modified": state.get("last_modified"),
                "attached": state.get("attached") or 0,
            }
        )
    return rows


def plan_fetch(
    db: Database,
    *,
    stale_after: timedelta | None = None,
    only_failed: bool = False,
    now: datetime | None = None,
    templates: SourceTemplates | None = None,
    article: str | None = None,
) -> FetchPlan:
    """The URLs a run should fetch, each once, with the validators of its stored copy.

    With ``templates``, the records of the registry ids that claims name too; with
    ``article``, only what that article cites and names.
    """
    now = now or datetime.now(UTC)
    plan = FetchPlan(targets=[])
    candidates = queries.fetch_candidates(db, article)
    if templates is not None:
        cited = {row["key"] for row in candidates}
        candidates += [
            r for r in registry_candidates(db, templates, article) if r["key"] not in cited
        ]
    for row in candidates:
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
        plan.targets.append(Target(row["key"], row["url"], request, row.get("trial_id")))
    return plan


def content_hash(document: Document) -> str:
    payload = "\0".join((document.title or "", document.published or "", document.text))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def to_record(target: Target, result: FetchResult) -> FetchedDocument:
    """A registry's response read as its record; what is not one is ``unsupported_type``."""
    assert target.trial_id is not None
    body = result.body
    result = dataclasses.replace(result, body=None)
    if result.status != "ok" or body is None:
        return FetchedDocument(target.key, target.cited_url, result, None, None, target.trial_id)
    try:
        record = parse_record(target.trial_id, body)
    except RegistryError as exc:
        result = dataclasses.replace(result, status="unsupported_type", reason=str(exc))
        return FetchedDocument(target.key, target.cited_url, result, None, None, target.trial_id)
    mime = (result.content_type or "").split(";")[0].strip() or "application/json"
    document = Document(mime, "utf-8", record.title, None, render(record))
    return FetchedDocument(
        target.key,
        target.cited_url,
        result,
        document,
        content_hash(document),
        target.trial_id,
        record.to_json(),
    )


def to_document(target: Target, result: FetchResult) -> FetchedDocument:
    """Classify one fetch and extract its text; what cannot be read is ``unsupported_type``."""
    if target.trial_id is not None:
        return to_record(target, result)
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
    templates: SourceTemplates | None = None,
) -> list[FetchedDocument]:
    """Fetch ``targets`` and extract each response; never raises for network trouble.

    With a ``wayback`` template, dead pages get the closest archived copy.
    """
    results = fetch_many([t.request for t in targets], options, on_result=on_result)
    fetched = [to_document(t, r) for t, r in zip(targets, results, strict=True)]
    if templates is not None and templates.wayback:
        fetched = archive_dead(fetched, options, templates.wayback)
    return fetched


# --- archived copies of dead links ----------------------------------------------------


def is_dead(item: FetchedDocument) -> bool:
    """A cited page that is gone: an HTTP error, a dead host, or a block page instead of it."""
    if item.trial_id is not None:
        return False
    status = item.result.status
    if status in ("http_error", "network_error", "timeout"):
        return True
    if status == "ok" and item.document is not None:
        problem = unreadable(item.document.text)
        return problem is not None and "block" in problem
    return False


def parse_availability(body: bytes) -> tuple[str, str] | None:
    """``(snapshot URL, ISO date)`` of the closest snapshot in a Wayback availability answer."""
    try:
        closest = json.loads(body.decode("utf-8"))["archived_snapshots"]["closest"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
        return None
    if not isinstance(closest, dict) or not closest.get("available") or not closest.get("url"):
        return None
    if not str(closest.get("status", "200")).startswith("2"):
        return None
    stamp = str(closest.get("timestamp", ""))
    url = str(closest["url"])
    match = patterns.WAYBACK_SNAPSHOT.match(url)
    if match:
        stamp = stamp or match.group("ts")
        url = f"{match.group('head')}{match.group('ts')}id_/{match.group('url')}"
    if not patterns.WAYBACK_TIMESTAMP.fullmatch(stamp):
        return None
    return url, f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"


def archive_dead(
    fetched: list[FetchedDocument], options: FetchOptions, template: str
) -> list[FetchedDocument]:
    """Give each dead page the closest Wayback snapshot (or a note saying why there is none)."""
    dead = [i for i, item in enumerate(fetched) if is_dead(item)]
    if not dead:
        return fetched
    out = list(fetched)
    lookups = fetch_many(
        [FetchRequest(template.format(url=quote(fetched[i].result.url, safe=""))) for i in dead],
        options,
    )
    found: list[tuple[int, str, str, FetchResult]] = []
    for i, lookup in zip(dead, lookups, strict=True):
        snapshot = (
            parse_availability(lookup.body) if lookup.status == "ok" and lookup.body else None
        )
        lookup = dataclasses.replace(lookup, body=None)
        if snapshot is None:
            note = (
                "the Wayback Machine has no snapshot"
                if lookup.status == "ok"
                else f"Wayback Machine lookup failed: {lookup.status} ({lookup.reason})"
            )
            out[i] = dataclasses.replace(out[i], archive_note=note, archive_results=(lookup,))
        else:
            found.append((i, *snapshot, lookup))
    snapshots = fetch_many([FetchRequest(url) for _, url, _, _ in found], options)
    for (i, url, date, lookup), result in zip(found, snapshots, strict=True):
        copy = to_document(Target(url, url, FetchRequest(url)), result)
        item = out[i]
        if copy.document is None or copy.hash is None:
            note = f"archived copy of {date} unusable: {copy.result.status} ({copy.result.reason})"
            out[i] = dataclasses.replace(
                item, archive_note=note, archive_results=(lookup, copy.result)
            )
            continue
        archive = ArchivedCopy(url, date, copy.result, copy.document, copy.hash)
        out[i] = dataclasses.replace(item, archive=archive, archive_results=(lookup, copy.result))
    return out


def store_documents(db: Database, fetched: Iterable[FetchedDocument], run_id: str) -> FetchSummary:
    """Store each fetch in its own transaction; returns what this part of the run did."""
    summary = FetchSummary(run_id)
    for item in fetched:
        outcome = store.write_fetched(db, item, run_id)
        status = item.result.status
        summary.statuses[status] += 1
        summary.new_versions += outcome in (store.NEW_VERSION, store.ARCHIVED_VERSION)
        summary.unchanged += outcome == store.SAME_VERSION
        summary.archived += outcome == store.ARCHIVED_VERSION
        if status in FAILED:
            reason = store.reason_of(item)
            logger.info("%s: %s (%s)", item.key, status, reason)
            summary.failed.append((item.key, status, reason))
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
    templates: SourceTemplates | None = None,
) -> FetchSummary:
    """Fetch what the corpus cites and store it (see the module docstring for the stages)."""
    plan = plan_fetch(db, stale_after=stale_after, only_failed=only_failed, templates=templates)
    summary = FetchSummary(new_run_id(), skipped=plan.skipped)
    for batch in batches(plan.targets, batch_size):
        fetched = fetch_documents(batch, options, on_result=on_result, templates=templates)
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
