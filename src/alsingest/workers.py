"""Worker processes for extraction: each builds its toolkit once, then processes batches.

Segmentation is CPU-bound pure Python, so threads do not help; processes do. The
pool uses the ``forkserver`` start method: workers are forked from a clean,
single-threaded server process (never from a process whose other threads may hold
locks), with the pipeline modules imported there once.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from .config import load_config
from .lifetime import exit_with, exit_with_parent
from .pipeline import Toolkit, process_batch
from .readers import InputError, SourceText
from .records import ArticleRows

logger = logging.getLogger(__name__)

# This process's toolkit, built by the pool initializer: workers are separate processes.
_toolkit: Toolkit | None = None


def _start(config: str | None, owner: int) -> None:
    global _toolkit
    # A killed ingest must not leave its workers behind: they end with it (``owner``), and
    # with the forkserver that forked them.
    exit_with_parent()
    exit_with(owner)
    _toolkit = Toolkit.build(load_config(config))
    # The toolkit (jieba's dictionary, the lexicon) lives as long as the process: keep the
    # garbage collector from walking it again on every full collection (5% of worker time).
    gc.freeze()


def _run(sources: Sequence[SourceText]) -> list[ArticleRows | InputError]:
    assert _toolkit is not None, "worker started without its toolkit"
    return process_batch(sources, _toolkit)


class ExtractionPool:
    """``with ExtractionPool(config, 2) as pool: pool.process(sources)`` from any thread."""

    def __init__(self, config: str | None, workers: int):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["alsingest.pipeline"])
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start,
            initargs=(config, os.getpid()),
        )

    def process(self, sources: Sequence[SourceText]) -> list[ArticleRows | InputError]:
        return self._executor.submit(_run, list(sources)).result()

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
