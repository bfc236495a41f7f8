"""The ``refresh`` flow: what went stale in the corpus, done again, and a report of what changed.

The library does the work (``alsingest.refresh``); this module only composes it, one
task per stage or per batch: the claims as they were, articles parsed by an older
parser version re-extracted from their stored text, stale and failed references
fetched again (conditional requests; ``flows.fetch``'s retried fetch task), the
changed claims verified again, then a ``runs`` row and a markdown artifact with what
changed. ``alsingest serve`` runs it on the ``[schedule]`` cron.

The tasks shared with ``flows/reingest.py`` live here.
"""

from __future__ import annotations

from collections.abc import Callable

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from alsingest import store
from alsingest.config import load_config
from alsingest.fetch import FetchOptions, FetchResult
from alsingest.pipeline import VerifyReport
from alsingest.refresh import (
    REFRESH,
    REINGEST,
    ClaimState,
    ReextractReport,
    RunReport,
    claim_state,
    diff_claims,
    finish_run,
    plan_refresh,
    reextract,
    schedule_settings,
    stale_articles,
    store_fetched,
    utc_now,
    verify_changed,
)
from alsingest.sources import (
    FetchedDocument,
    FetchPlan,
    FetchSummary,
    SourceTemplates,
    batches,
    fetch_options,
    new_run_id,
    parse_duration,
    source_templates,
)
from flows.fetch import fetch_batch
from flows.ingest import toolkit_for


@task(name="claim-state", cache_policy=NO_CACHE)
def snapshot_claims(db_path: str, article: str | None = None) -> ClaimState:
    with store.open_db(db_path) as db:
        return claim_state(db, article)


@task(name="find-stale-articles", cache_policy=NO_CACHE)
def find_stale_articles(db_path: str) -> list[str]:
    with store.open_db(db_path) as db:
        return stale_articles(db)


@task(name="reextract-batch", cache_policy=NO_CACHE)
def reextract_batch(db_path: str, names: list[str], config: str | None) -> ReextractReport:
    with store.open_db(db_path) as db:
        return reextract(db, names, toolkit_for(config))


@task(name="plan-refresh", cache_policy=NO_CACHE)
def plan_stale_references(
    db_path: str, stale_after: str, templates: SourceTemplates | None = None
) -> FetchPlan:
    with store.open_db(db_path) as db:
        return plan_refresh(db, parse_duration(stale_after), templates)


@task(name="store-fetched", cache_policy=NO_CACHE)
def store_batch(db_path: str, fetched: list[FetchedDocument], run_id: str) -> FetchSummary:
    with store.open_db(db_path) as db:
        return store_fetched(db, fetched, run_id)


@task(name="verify-changed", cache_policy=NO_CACHE)
def verify(db_path: str, config: str | None, changed: list[str]) -> VerifyReport:
    with store.open_db(db_path) as db:
        # Verify segments nothing: the segmenter's dictionary is not loaded for it.
        return verify_changed(db, toolkit_for(config, lookup=True), changed)


@task(name="record-run", cache_policy=NO_CACHE)
def record_run(db_path: str, report: RunReport, before: ClaimState) -> tuple[RunReport, str]:
    with store.open_db(db_path) as db:
        markdown = finish_run(db, report, before)
    return report, markdown


def fetch_plan(
    db_path: str,
    plan: FetchPlan,
    settings: FetchOptions,
    run_id: str,
    on_result: Callable[[FetchResult], None] | None = None,
    templates: SourceTemplates | None = None,
) -> FetchSummary:
    """Per batch of URLs, the fetch task then the store task: ``fetch``'s own, registry records
    and archived copies of dead pages included (``templates``)."""
    summary = FetchSummary(run_id, skipped=plan.skipped)
    for batch in batches(plan.targets):
        fetched = fetch_batch(batch, settings, on_result, templates)
        summary.add(store_batch(db_path, fetched, run_id))
    return summary


def close_run(
    db_path: str, config: str | None, report: RunReport, before: ClaimState
) -> tuple[RunReport, str]:
    """Diff the claims (a re-ingest's: its article's), verify the changed ones, record the run
    and publish its report."""
    scope = report.articles[0] if report.kind == REINGEST and report.articles else None
    after = snapshot_claims(db_path, scope)
    changes = diff_claims(before, after)
    report.add_claims(changes)
    report.add_verification(verify(db_path, config, list(changes.changed)))
    report, markdown = record_run(db_path, report, before)
    create_markdown_artifact(
        key=f"alsingest-{report.kind}",
        markdown=markdown,
        description=f"alsingest {report.kind} run {report.id}: what changed",
    )
    return report, markdown


def current_flow_run_id() -> str | None:
    run_id = flow_run.id
    return str(run_id) if run_id else None


@flow(name="refresh")
def refresh(
    db: str | None = None,
    config: str | None = None,
    stale_after: str | None = None,
    on_result: Callable[[FetchResult], None] | None = None,
) -> dict:
    """Refresh the corpus at ``db``: re-extract stale articles, re-fetch stale and failed
    references (and registry records, and archived copies of dead pages, as ``fetch`` does), verify what changed, and report it (``runs`` row and markdown artifact).

    ``stale_after`` ("7d", "12h") defaults to ``[schedule] stale_after`` in the config.
    """
    options = load_config(config)
    db_path = db or options.db
    stale_after = stale_after or schedule_settings(options).stale_after
    settings = fetch_options(options)
    templates = source_templates(options)
    report = RunReport(new_run_id(), REFRESH, utc_now(), flow_run_id=current_flow_run_id())
    before = snapshot_claims(db_path)
    names = find_stale_articles(db_path)
    for start in range(0, len(names), options.batch_size):
        part = reextract_batch(db_path, names[start : start + options.batch_size], config)
        report.articles.extend(part.done)
        report.errors.extend([name, reason] for name, reason in part.errors)
    plan = plan_stale_references(db_path, stale_after, templates)
    report.add_fetch(fetch_plan(db_path, plan, settings, report.id, on_result, templates))
    report, _ = close_run(db_path, config, report, before)
    return report.as_dict()
