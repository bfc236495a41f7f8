"""The ``reingest-article`` flow: one article, from a file or a URL, through the whole chain.

Load it (a URL's page is fetched and its main text extracted), extract and store it,
fetch the references it cites (only its own), verify, and report what changed like a
refresh does (``runs`` row, markdown artifact). Input that is not an article (a missing
file, a 404, an image, a page with almost no text) ends the run as Failed with a
one-line message before anything is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import FailedRun
from prefect.states import Failed, State

from alsingest import store
from alsingest.config import load_config
from alsingest.fetch import FetchResult
from alsingest.pipeline import identify
from alsingest.readers import SourceText
from alsingest.refresh import (
    REINGEST,
    ArticleError,
    RunReport,
    load_article,
    plan_article,
    store_source,
    utc_now,
)
from alsingest.sources import (
    FetchPlan,
    SourceTemplates,
    fetch_options,
    new_run_id,
    source_templates,
)
from alsingest.toolkit import LOOKUP_CHARS
from flows.ingest import toolkit_for
from flows.refresh import close_run, current_flow_run_id, fetch_plan, snapshot_claims


@task(name="load-article", cache_policy=NO_CACHE)
def load(target: str, config: str | None) -> SourceText | str:
    """The article, or why it is not one (a message, not an exception: nothing to retry)."""
    options = load_config(config)
    try:
        return load_article(target, options, fetch_options(options))
    except ArticleError as e:
        return str(e)


@task(name="name-article", cache_policy=NO_CACHE)
def name_article(db_path: str, source: SourceText) -> SourceText:
    """The article under its name in the corpus (a file of the same name elsewhere is another)."""
    with store.open_db(db_path) as db:
        return identify(db, source)


@task(name="store-article", cache_policy=NO_CACHE)
def store_article(db_path: str, source: SourceText, config: str | None) -> tuple[str, str]:
    """Store the article; returns new, changed or unchanged, and its name in the corpus."""
    with store.open_db(db_path) as db:
        source = identify(db, source)
        lookup = len(source.text) <= LOOKUP_CHARS  # one article: its words looked up
        return store_source(db, source, toolkit_for(config, lookup=lookup)), source.name


@task(name="plan-article-fetch", cache_policy=NO_CACHE)
def plan_references(db_path: str, name: str, templates: SourceTemplates | None = None) -> FetchPlan:
    with store.open_db(db_path) as db:
        return plan_article(db, name, templates)


@flow(name="reingest-article")
def reingest_article(
    target: str,
    db: str | None = None,
    config: str | None = None,
    on_result: Callable[[FetchResult], None] | None = None,
) -> dict | State:
    """Re-ingest one article (a file path or an http(s) URL) into the corpus at ``db``, then
    fetch its references and verify; returns the run's report (a ``runs`` row)."""
    options = load_config(config)
    db_path = db or options.db
    settings = fetch_options(options)
    templates = source_templates(options)
    report = RunReport(
        new_run_id(), REINGEST, utc_now(), target=target, flow_run_id=current_flow_run_id()
    )
    source = load(target, config)
    if isinstance(source, str):
        return Failed(message=source)
    source = name_article(db_path, source)
    before = snapshot_claims(db_path, source.name)  # only this article's claims can change
    report.outcome, name = store_article(db_path, source, config)
    report.articles = [name]
    plan = plan_references(db_path, name, templates)
    report.add_fetch(fetch_plan(db_path, plan, settings, report.id, on_result, templates))
    report, _ = close_run(db_path, config, report, before)
    return report.as_dict()


def run_reingest(
    target: str,
    db: str | None = None,
    config: str | None = None,
    on_result: Callable[[FetchResult], None] | None = None,
) -> dict:
    """Run the flow and return its report; :class:`ArticleError` when it refused the input."""
    state = reingest_article(target, db=db, config=config, on_result=on_result, return_state=True)
    try:
        return state.result()
    except FailedRun as e:  # the Failed state the flow returned: its message says why
        raise ArticleError(str(e)) from None
