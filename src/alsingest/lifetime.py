"""Child processes end with the process that started them, ``kill -9`` included.

A killed ingest must not leave its extraction workers, nor the Prefect server started
for it, running (and holding the corpus open) with nobody to stop them. Three ways,
for three kinds of child:

- :func:`exit_with_parent` and :func:`exit_with` — in a child we run code in
  (extraction workers): Linux's parent-death signal, and a watchdog thread that notices
  the parent (or another ancestor: the ingest, for workers forked by a forkserver) is gone.
- :func:`parent_death_signal` — as ``preexec_fn`` of a child we start but run no code
  in (``prefect server start``).
- :func:`end_with_us` — for a child someone else started (Prefect's temporary server):
  a small sidecar process that waits for this one to end (its pipe from us closes,
  however we die) and then stops those processes.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
# How often a watchdog looks for its parent.
WATCH_SECONDS = 0.5
# How long the sidecar lets a process stop on SIGTERM before SIGKILL.
STOP_SECONDS = 5.0


def _prctl():
    """libc's prctl, looked up here: a forked child must not load libraries."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _prctl()


def parent_death_signal(signum: int = signal.SIGTERM) -> bool:
    """Ask Linux to send ``signum`` to this process when its parent ends; False elsewhere.

    Safe as ``subprocess.Popen(preexec_fn=...)``: one system call, no allocation.
    """
    if _PRCTL is None:
        return False
    return _PRCTL(PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0


def exit_with_parent(parent: int | None = None) -> None:
    """End this process when its parent (``parent``, default the current one) ends."""
    parent = os.getppid() if parent is None else parent
    parent_death_signal()
    if os.getppid() != parent:  # it ended before the signal was asked for
        os._exit(1)
    threading.Thread(
        target=_watch_parent, args=(parent,), name="parent-watchdog", daemon=True
    ).start()


def exit_with(pid: int) -> None:
    """End this process when process ``pid`` ends (a watchdog thread).

    For an ancestor other than the parent: extraction workers are forked by the
    forkserver, which hands each of them the pipe it watches for the ingest's end, so
    it outlives the ingest as long as they live, and they as long as it does.
    """
    threading.Thread(target=_watch, args=(pid,), name="ancestor-watchdog", daemon=True).start()


def _watch(pid: int) -> None:
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        handle = None
    if handle is not None:
        select.select([handle], [], [])  # readable once the process has ended, reaped or not
    else:
        while _signal(pid, None, 0):
            time.sleep(WATCH_SECONDS)
    os._exit(1)


def _watch_parent(parent: int) -> None:
    # An orphan is adopted by init or a subreaper: its parent pid changes.
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


class Sidecar:
    """The process that stops ``pids`` once this one ends; :meth:`close` ends it now."""

    def __init__(self, pids: Iterable[int]):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "alsingest.lifetime", *map(str, pids)],
            stdin=subprocess.PIPE,
            start_new_session=True,  # a Ctrl+C for us is not one for it
        )

    def close(self) -> None:
        """End the sidecar (the pipe closes: it stops what it watches, as when we die)."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=STOP_SECONDS + 1)


def end_with_us(pids: Iterable[int]) -> Sidecar:
    """Stop ``pids`` (SIGTERM, then SIGKILL) when this process ends, however it ends."""
    return Sidecar(pids)


def _open(pid: int) -> int | None:
    """A pidfd: it names this process and no later one that reuses its pid."""
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def _signal(pid: int, handle: int | None, signum: int) -> bool:
    """Send ``signum``; False when the process is gone."""
    try:
        if handle is not None:
            signal.pidfd_send_signal(handle, signum)
        else:
            os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _sidecar(pids: list[int]) -> None:
    """Wait for standard input to close (our starter ended), then stop ``pids``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    handles = {pid: _open(pid) for pid in pids}
    while sys.stdin.buffer.read(4096):
        pass
    alive = [pid for pid in pids if _signal(pid, handles[pid], signal.SIGTERM)]
    deadline = time.monotonic() + STOP_SECONDS
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [pid for pid in alive if _signal(pid, handles[pid], 0)]
    for pid in alive:
        _signal(pid, handles[pid], signal.SIGKILL)


if __name__ == "__main__":
    _sidecar([int(arg) for arg in sys.argv[1:]])
