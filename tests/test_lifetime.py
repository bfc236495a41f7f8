"""Children end with the process that started them, kill -9 included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def alive(pid: int) -> bool:
    """Running: a zombie (dead, not yet reaped by whoever adopted it) is not."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def gone_within(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pids = [pid for pid in pids if alive(pid)]
        if not pids:
            return []
        time.sleep(0.1)
    return pids


def start_parent(script: str) -> tuple[subprocess.Popen, list[int]]:
    """Run ``script`` in a parent process; it prints the pids of what it started, one line."""
    parent = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)], stdout=subprocess.PIPE, text=True
    )
    line = parent.stdout.readline()
    assert line, "the parent process printed no pids"
    return parent, [int(p) for p in line.split()]


def kill_hard(parent: subprocess.Popen) -> None:
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()


CHILD_EXITS_WITH_PARENT = """
    import subprocess, sys, time

    # The worker prints its pid once it watches: the parent is not killed before.
    child = (
        "import os, time\\n"
        "from alsingest import lifetime\\n"
        "if not {use_prctl}:\\n"
        "    lifetime._PRCTL = None  # the watchdog alone, as off Linux\\n"
        "lifetime.exit_with_parent()\\n"
        "print(os.getpid(), flush=True)\\n"
        "time.sleep(120)\\n"
    )
    worker = subprocess.Popen([sys.executable, "-c", child])
    time.sleep(120)
"""


@pytest.mark.parametrize("use_prctl", [True, False], ids=["parent-death-signal", "watchdog"])
def test_a_worker_exits_when_its_parent_is_killed(use_prctl):
    parent, pids = start_parent(CHILD_EXITS_WITH_PARENT.format(use_prctl=use_prctl))
    try:
        assert all(alive(pid) for pid in pids)
        kill_hard(parent)
        assert gone_within(pids, 15) == []
    finally:
        parent.kill()
        for pid in pids:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_server_started_with_the_parent_death_signal_ends_with_us():
    parent, pids = start_parent(
        """
        import subprocess, sys, time
        from alsingest.lifetime import parent_death_signal

        server = subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(120)"],
            preexec_fn=parent_death_signal, start_new_session=True,
        )
        time.sleep(0.5)
        print(server.pid, flush=True)
        time.sleep(120)
        """
    )
    try:
        kill_hard(parent)
        assert gone_within(pids, 15) == []
    finally:
        for pid in pids:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_process_someone_else_started_is_stopped_by_the_sidecar():
    parent, pids = start_parent(
        """
        import subprocess, sys, time
        from alsingest.lifetime import end_with_us

        # Started as Prefect starts its temporary server: nothing asked of it.
        server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
        sidecar = end_with_us([server.pid])
        time.sleep(1.0)
        print(server.pid, sidecar.process.pid, flush=True)
        time.sleep(120)
        """
    )
    try:
        assert all(alive(pid) for pid in pids)
        kill_hard(parent)
        assert gone_within(pids, 20) == []  # the server, and the sidecar after it
    finally:
        for pid in pids:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
