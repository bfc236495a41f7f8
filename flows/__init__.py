"""Prefect flows that compose alsingest's library functions. Remove the decorators and the code still works."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def ad_hoc_runs() -> Iterator[None]:
    """Settings for flow runs started from the command line rather than by a deployment.

    Heartbeats exist to detect crashed deployment runs; Prefect 3.8 sends them by
    default and joins their thread for up to a second as each run ends, which made
    an unchanged re-ingest of 1,000 articles take 1.1 s instead of 0.1 s. Served
    flows (``alsingest serve``) keep them.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield
