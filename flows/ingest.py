"""The ``ingest`` flow: files or folders in, articles in the corpus out.

One task per batch of articles (Prefect costs ~15–40 ms per task run, so never
one per sentence). The library does the work; this module only composes it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from alsingest import store
from alsingest.config import load_config
from alsingest.pipeline import IngestReport, Toolkit, ingest_files
from alsingest.readers import discover


@lru_cache(maxsize=4)
def toolkit_for(config: str | None) -> Toolkit:
    """Loading jieba and the lexicon takes a second or two: once per process and config."""
    return Toolkit.build(load_config(config))


@task(name="ingest-batch", cache_policy=NO_CACHE)
def ingest_batch(
    db_path: str, files: list[str], config: str | None, on_file: Callable[[str], None] | None = None
) -> dict:
    db = store.open_db(db_path)
    try:
        report = ingest_files(db, files, toolkit_for(config), on_file=on_file)
    finally:
        db.close()
    return report_dict(report)


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
) -> dict:
    """Ingest articles from files and folders into the corpus at ``db`` (default from config)."""
    options = load_config(config)
    db_path = db or options.db
    files, errors = discover(paths, options.extensions)
    summary = {
        "new": [],
        "changed": [],
        "unchanged": [],
        "errors": [[e.path, e.reason] for e in errors],
    }
    for start in range(0, len(files), options.batch_size):
        batch = [str(f) for f in files[start : start + options.batch_size]]
        part = ingest_batch(db_path, batch, config, on_file)
        for key in summary:
            summary[key].extend(part[key])
    summary["files"] = len(files)
    return summary
