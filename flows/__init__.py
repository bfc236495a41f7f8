"""Prefect flows that compose alsingest's library functions. Remove the decorators and the code still works."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def ad_hoc_runs() -> Iterator[None]:
    """Settings for flow runs started from the command line rather than by a deployment.

    Heartbeats exist to detect crashed deployment runs; Prefect 3.8 sends them by
    default and joins their thread for up to a second as each run ends, which made
    an unchanged re-ingest of 1,000 articles take 1.1 s instead of 0.1 s. Served
    flows (``alsingest serve``) keep them.

    With no ``PREFECT_API_URL``, the server of a running ``alsingest serve`` is used (it
    says where it is in ``PREFECT_HOME``): no temporary server to start (seconds).
    """
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        temporary_settings,
    )

    updates: dict = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
    if not PREFECT_API_URL.value() and (served := running_server()):
        updates[PREFECT_API_URL] = served
    with temporary_settings(updates=updates):
        temporary_server_ends_with_us()
        yield


def server_file() -> Path:
    """Where a running ``alsingest serve`` says which Prefect server it serves on."""
    from prefect.settings import PREFECT_HOME

    return Path(PREFECT_HOME.value()) / "alsingest-serve.json"


@contextmanager
def announced_server(api_url: str) -> Iterator[None]:
    """Say, for the block, that this process serves on ``api_url`` (``running_server``)."""
    path = server_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"api_url": api_url, "pid": os.getpid()}), encoding="utf-8")
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                path.unlink()


def running_server(timeout_s: float = 1.0) -> str | None:
    """The API URL of a running ``alsingest serve``'s server, if one answers; else None (a
    file left by one that was killed is not trusted: its process must live and its server
    answer)."""
    # urllib, not httpx: httpx builds an SSL context (loading the CA bundle: 20 ms) even to
    # ask a local http server.
    import urllib.request

    try:
        announced = json.loads(server_file().read_text(encoding="utf-8"))
        api_url, pid = announced["api_url"], int(announced["pid"])
        os.kill(pid, 0)  # alive?
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout_s) as response:
            healthy = response.status == 200
    except (OSError, ValueError):  # URLError and HTTPError are OSErrors
        return None
    return api_url if healthy else None


# The first start on a machine (or with a new PREFECT_HOME) builds Prefect's database before
# its server answers: 32 s on a 2-core machine, past Prefect's default wait of 20 s, so that a
# fresh machine's first `alsingest ingest` failed. Waiting longer costs nothing when it is up.
FIRST_START_S = 180

# The sidecar of this process's temporary server: it lives as long as the process does.
_sidecars: list = []


def temporary_server_ends_with_us() -> None:
    """Start Prefect's temporary server now (a flow call would) and have it stopped when this
    process ends, ``kill -9`` included; nothing when a server is configured (PREFECT_API_URL).

    Prefect stops it at a normal exit only, so a killed command left it running. The sidecar
    is not stopped with the block: Prefect still talks to its server until the process exits.
    """
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    )

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value() or _sidecars:
        return
    # Prefect's server package takes seconds to import: only when we start one.
    from prefect.server.api.server import SubprocessASGIServer

    from alsingest.lifetime import end_with_us

    server = SubprocessASGIServer()
    server.start(
        timeout=max(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value(), FIRST_START_S)
    )
    if server.server_process is not None:
        _sidecars.append(end_with_us([server.server_process.pid]))
