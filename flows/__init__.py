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
        temporary_server_ends_with_us()
        yield


# The sidecar of this process's temporary server: it lives as long as the process does.
_sidecars: list = []


def temporary_server_ends_with_us() -> None:
    """Start Prefect's temporary server now (a flow call would) and have it stopped when this
    process ends, ``kill -9`` included; nothing when a server is configured (PREFECT_API_URL).

    Prefect stops it at a normal exit only, so a killed command left it running. The sidecar
    is not stopped with the block: Prefect still talks to its server until the process exits.
    """
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    from alsingest.lifetime import end_with_us

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value() or _sidecars:
        return
    server = SubprocessASGIServer()
    server.start()
    if server.server_process is not None:
        _sidecars.append(end_with_us([server.server_process.pid]))
