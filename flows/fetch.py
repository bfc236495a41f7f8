"""The ``fetch_references`` flow: the URLs the corpus cites in, document versions out.

The library does the work (``alsingest.sources``); this module only composes it:
plan once, then per batch of URLs one task that fetches and extracts and one that
stores, then one task that verifies the claims against what came back. No task has
Prefect retries: the fetcher retries each URL itself (timeouts, connection errors, 429
and 5xx, with backoff: ``[fetch] retries``) and never raises for network trouble, so a
fetch task can only fail on a bug, which a retry would meet again after fetching the
whole batch a second time; a store that fails will fail again the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from alsingest import store
from alsingest.config import load_config
from alsingest.fetch import FetchOptions, FetchResult
from alsingest.pipeline import verify_corpus
from alsingest.sources import (
    FetchedDocument,
    FetchPlan,
    FetchSummary,
    SourceTemplates,
    Target,
    batches,
    fetch_documents,
    fetch_options,
    new_run_id,
    parse_duration,
    plan_fetch,
    source_templates,
    store_documents,
)


@task(name="plan-fetch", cache_policy=NO_CACHE)
def plan(
    db_path: str,
    stale_after: str | None,
    only_failed: bool,
    templates: SourceTemplates | None = None,
) -> FetchPlan:
    with store.open_db(db_path) as db:
        return plan_fetch(
            db,
            stale_after=parse_duration(stale_after) if stale_after else None,
            only_failed=only_failed,
            templates=templates,
        )


@task(name="fetch-batch", cache_policy=NO_CACHE)
def fetch_batch(
    targets: list[Target],
    options: FetchOptions,
    on_result: Callable[[FetchResult], None] | None = None,
    templates: SourceTemplates | None = None,
) -> list[FetchedDocument]:
    return fetch_documents(targets, options, on_result=on_result, templates=templates)


@task(name="store-batch", cache_policy=NO_CACHE)
def store_batch(db_path: str, fetched: list[FetchedDocument], run_id: str) -> FetchSummary:
    with store.open_db(db_path) as db:
        return store_documents(db, fetched, run_id)


@task(name="verify-claims", cache_policy=NO_CACHE)
def verify_claims(db_path: str, config: str | None) -> dict:
    from flows.ingest import toolkit_for

    with store.open_db(db_path) as db:
        report = verify_corpus(db, toolkit_for(config, lookup=True))  # segments nothing
    return {
        "verdicts": report.verdicts,
        "facts": report.facts,
        "conflicts": report.conflicts,
        "new_conflicts": report.new_conflicts,
    }


@flow(name="fetch-references")
def fetch_references(
    db: str | None = None,
    config: str | None = None,
    stale_after: str | None = None,
    only_failed: bool = False,
    on_result: Callable[[FetchResult], None] | None = None,
    verify: bool = True,
) -> dict:
    """Fetch every URL the corpus at ``db`` cites (and the registry records of the trials its
    claims name, and archived copies of dead pages: ``[sources]``) and store what came back.

    ``stale_after`` ("7d", "12h") leaves out URLs fetched more recently than that;
    ``only_failed`` fetches only URLs whose last fetch failed; ``verify`` then checks
    the claims against the new document versions.
    """
    options = load_config(config)
    db_path = db or options.db
    templates = source_templates(options)
    planned = plan(db_path, stale_after, only_failed, templates)
    summary = FetchSummary(new_run_id(), skipped=planned.skipped)
    settings = fetch_options(options)
    for batch in batches(planned.targets):
        fetched = fetch_batch(batch, settings, on_result, templates)
        summary.add(store_batch(db_path, fetched, summary.run_id))
    result = summary.as_dict()
    if verify:
        result["verification"] = verify_claims(db_path, config)
    return result
