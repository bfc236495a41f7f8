"""The ``ingest`` flow: files or folders in, articles in the corpus out.

The flow reads each file and decides what to skip (unchanged content, same
versions) in its own process, hands the rest to ``extract-batch`` tasks — one per
batch of articles, never one per sentence — and writes every result itself: the
corpus has a single writer. On this machine the tasks run on threads that each
hand their batch to a pool of worker processes (both cores; see
``alsingest.workers``); with ``ingest.dask_address`` set they run on that Dask
cluster through prefect-dask's ``DaskTaskRunner``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from alsingest import store
from alsingest.config import Options, load_config
from alsingest.pipeline import (
    IngestReport,
    Toolkit,
    process_batch,
    read_pending,
    store_result,
)
from alsingest.readers import InputError, SourceText, discover
from alsingest.toolkit import LOOKUP_CHARS
from alsingest.workers import ExtractionPool

# Batches in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2


@lru_cache(maxsize=4)
def toolkit_for(config: str | None, lookup: bool = False) -> Toolkit:
    """Loading jieba and the lexicon takes a second or two: once per process and config.
    ``lookup``: for a few articles or none (verify), the segmenter's dictionary is looked
    up, not loaded (``Toolkit.build``)."""
    return Toolkit.build(load_config(config), lookup=lookup)


# The worker pool of the running flow, if any. Tasks on a Dask worker find none and
# process their batch where they run.
_pool: ExtractionPool | None = None


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(
    sources: list[SourceText], config: str | None, lookup: bool = False
) -> list[store.ArticleRows | InputError]:
    if _pool is not None:
        return _pool.process(sources)
    return process_batch(sources, toolkit_for(config, lookup=lookup))


def task_runner_for(options: Options) -> TaskRunner:
    if options.dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=options.dask_address)
    # A thread per batch in flight: each waits on the worker pool, which so always holds the
    # next batch when one ends (no worker idles while Prefect starts the next task).
    return ThreadPoolTaskRunner(max_workers=IN_FLIGHT_PER_WORKER * max(1, options.workers))


def _unvisited(batch: list[SourceText], options: Options):
    """The batch, marked so Prefect does not walk every article in it looking for futures
    (a tenth of the flow's own CPU). prefect-dask hands the mark itself to the task, as a
    tuple, so batches for Dask go unmarked."""
    return batch if options.dask_address else quote(batch)


def report_dict(report: IngestReport) -> dict:
    return {
        "new": report.new,
        "changed": report.changed,
        "unchanged": report.unchanged,
        "errors": [[e.path, e.reason] for e in report.errors],
    }


@flow(name="ingest")
def ingest(
    paths: list[str],
    db: str | None = None,
    config: str | None = None,
    on_file: Callable[[str], None] | None = None,
    workers: int | None = None,
    published: str | None = None,
) -> dict:
    """Ingest articles from files and folders into the corpus at ``db`` (default from config).

    1. Find the files; read each one, as its batch is needed, and skip those the corpus
       holds unchanged.
    2. Extract the others in batches on the task runner: Dask if configured, else
       ``workers`` processes (default from config: one per core).
    3. Store each batch's results as they arrive: one transaction per batch, a savepoint
       per article.
    """
    options = load_config(config)
    if workers is not None:
        options = replace(options, workers=workers)
    database = store.open_db(db or options.db)
    report = IngestReport()
    files, report.errors = discover(paths, options.extensions)

    def done(path: str) -> None:
        if on_file is not None:
            on_file(path)

    def pending_batches() -> Iterator[list[SourceText]]:
        """Batches of the articles to extract, read as they are needed: a corpus of 100,000
        files is never held in memory at once (it held 3 GB)."""
        batch: list[SourceText] = []
        for path in files:
            try:
                source = read_pending(database, path, options, report, published)
            except InputError as error:
                report.errors.append(error)
                source = None
            if source is None:
                done(str(path))
                continue
            batch.append(source)
            if len(batch) == options.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    batches = pending_batches()
    # Worker processes cost a second or two to start: worth it only with batches to share
    # (the first two are read to know).
    first = list(itertools.islice(batches, 2))
    parallel = options.workers > 1 and len(first) > 1 and not options.dask_address
    # A few short articles (`ingest FILE`): their words are looked up in the segmenter's
    # dictionary, not the whole of it loaded (half a second).
    lookup = len(first) == 1 and sum(len(source.text) for source in first[0]) <= LOOKUP_CHARS
    global _pool
    try:
        _pool = ExtractionPool(options.source, options.workers) if parallel else None
        with task_runner_for(options) as runner:
            limit = max(1, IN_FLIGHT_PER_WORKER * max(options.workers, 1))
            running = set()
            for batch in itertools.chain(first, batches):
                parameters = {
                    "sources": _unvisited(batch, options),
                    "config": options.source,
                    "lookup": lookup,
                }
                running.add(runner.submit(extract_batch, parameters))
                if len(running) >= limit:
                    running = _store_finished(database, running, report, done)
            while running:
                running = _store_finished(database, running, report, done)
    finally:
        if _pool is not None:
            _pool.__exit__(None, None, None)
            _pool = None
        database.close()
    summary = report_dict(report)
    summary["files"] = len(files)
    return summary


def _store_finished(
    database, running: set, report: IngestReport, done: Callable[[str], None]
) -> set:
    """Wait for the next batch to finish (any runner's futures), store what it made."""
    future = next(as_completed(list(running)))
    items = future.result()
    # The batch is one transaction, each article a savepoint in it: a third less writer
    # time than a commit per article, and still never half an article.
    with store.write_lock(database):
        for item in items:
            if isinstance(item, InputError):
                report.errors.append(item)
            else:
                store_result(database, item, report)
    for item in items:
        done(item.path)
    return running - {future}
