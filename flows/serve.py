"""Serve the flows: ``refresh`` on the ``[schedule]`` cron, ``reingest-article`` on demand.

With ``PREFECT_API_URL`` set (``prefect server start`` elsewhere) the deployments, their
schedule and every run's logs and report artifact live in that server and its UI. Without
it, a Prefect server of our own is started on a free loopback port for as long as the
command runs (its UI shows the runs; they are kept in ``PREFECT_HOME``, ``~/.prefect``):
Prefect's temporary in-process server, which a plain flow call uses, runs no scheduler,
so a deployment served on it would never get its scheduled runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
from prefect.runner import Runner
from prefect.schedules import Cron, Schedule
from prefect.settings import PREFECT_API_URL, temporary_settings

from alsingest.config import ConfigError, Options, load_config
from alsingest.lifetime import parent_death_signal
from alsingest.refresh import schedule_settings
from flows import announced_server
from flows.refresh import refresh
from flows.reingest import reingest_article

REFRESH_DEPLOYMENT = "alsingest-refresh"
REINGEST_DEPLOYMENT = "alsingest-reingest"
# A first start creates the server's database; later ones take a few seconds.
SERVER_STARTUP_S = 120.0


class ServerError(RuntimeError):
    """The Prefect server of our own did not start."""


def refresh_schedule(options: Options) -> Schedule:
    """The refresh schedule from ``[schedule]``, or :class:`ConfigError` in one line.

    Checked here, before anything is served: Prefect would otherwise only complain when
    the deployment is registered, in a traceback.
    """
    settings = schedule_settings(options)
    try:
        return Cron(settings.refresh_cron, timezone=settings.timezone)
    except ValueError as e:
        raise ConfigError(f"[schedule] refresh_cron: {e}") from None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def local_server(startup_s: float = SERVER_STARTUP_S) -> Iterator[str]:
    """Run ``prefect server start`` on a free loopback port for the block; yields its API URL."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # The UI asks /ui-settings where its API is; left alone that says 127.0.0.1:4200,
        # not the port this server runs on, and the UI shows "Unable to connect".
        "PREFECT_UI_API_URL": api_url,
        "PREFECT_SERVER_API_HOST": "127.0.0.1",
        "PREFECT_SERVER_API_PORT": str(port),
    }
    env.pop("PREFECT_API_URL", None)
    # SIGTERM (a service manager, `timeout`) must not orphan the server while it starts;
    # once serving, Prefect's runner takes SIGTERM over and exits the same way.
    restore = None
    if threading.current_thread() is threading.main_thread():
        restore = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    failed = False
    # Kept when the server does not start: its log says why.
    with tempfile.NamedTemporaryFile(
        prefix="alsingest-prefect-server-", suffix=".log", delete=False
    ) as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
            + ["--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # its uvicorn workers go down with it
            preexec_fn=parent_death_signal,  # and it with us, kill -9 included (Linux)
        )
        try:
            deadline = time.monotonic() + startup_s
            while not _healthy(api_url):
                if server.poll() is not None or time.monotonic() > deadline:
                    failed = True
                    lines = Path(log.name).read_text(errors="replace").strip().splitlines()
                    raise ServerError(
                        f"the Prefect server did not start (log {log.name})"
                        + (f": {lines[-1]}" if lines else "")
                    )
                time.sleep(0.5)
            yield api_url
        finally:
            _stop(server)
            if not failed:
                Path(log.name).unlink(missing_ok=True)
            if restore is not None:
                signal.signal(signal.SIGTERM, restore)


def _exit_on_sigterm(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


def _healthy(api_url: str) -> bool:
    try:
        return httpx.get(f"{api_url}/health", timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class _Runner(Runner):
    """Prefect's runner, stopped by SIGTERM the way Ctrl+C stops it.

    Prefect 3.8's own SIGTERM handler calls the sync ``stop()`` while the runner's event
    loop runs, where it dispatches to ``astop()`` and drops the coroutine ("coroutine
    'Runner.astop' was never awaited"), then exits 0. Leaving the loop instead lets
    ``asyncio.run`` cancel ``start()``, whose exit stops the runner; the caller's
    ``finally`` stops the server, and the exit status says SIGTERM.
    """

    def handle_sigterm(self, *args: object, **kwargs: object) -> None:
        self._logger.info("SIGTERM received, shutting down")
        raise SystemExit(128 + signal.SIGTERM)


def serve_deployments(*deployments) -> None:
    """Serve ``deployments`` until Ctrl+C or SIGTERM (``prefect.serve`` with the runner above)."""
    runner = _Runner()
    for deployment in deployments:
        runner.add_deployment(deployment)
    asyncio.run(runner.start())


def serve(
    db: str,
    config: str | None = None,
    *,
    on_server: Callable[[str], None] | None = None,
) -> None:
    """Serve both flows on the corpus at ``db`` until interrupted.

    ``on_server`` is told the API URL in use (``PREFECT_API_URL``, or the server started here).
    """
    options = load_config(config)
    schedule = refresh_schedule(options)
    # Runs start in other processes, maybe from another directory: absolute paths.
    parameters = {
        "db": str(Path(db).resolve()),
        "config": str(Path(config).resolve()) if config else None,
    }
    deployments = (
        refresh.to_deployment(
            name=REFRESH_DEPLOYMENT,
            schedule=schedule,
            parameters=parameters,
            description="Re-extract stale articles, re-fetch stale and failed references, "
            "verify what changed, report it.",
        ),
        reingest_article.to_deployment(
            name=REINGEST_DEPLOYMENT,
            parameters=parameters,
            description="Re-ingest one article (file path or URL given as `target`), "
            "fetch its references, verify.",
        ),
    )
    if os.environ.get("PREFECT_API_URL"):
        if on_server is not None:
            on_server(os.environ["PREFECT_API_URL"])
        with announced_server(os.environ["PREFECT_API_URL"]):
            serve_deployments(*deployments)
        return
    with local_server() as api_url:
        if on_server is not None:
            on_server(api_url)
        # Flow runs start in subprocesses that read the environment.
        os.environ["PREFECT_API_URL"] = api_url
        try:
            with temporary_settings({PREFECT_API_URL: api_url}), announced_server(api_url):
                serve_deployments(*deployments)
        finally:
            os.environ.pop("PREFECT_API_URL", None)
