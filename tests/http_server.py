"""A loopback HTTP server for tests: routes are plain functions, requests are recorded.

Each connection gets its own thread, so slow routes overlap like real servers do.
HTTP/1.0 closes the connection after each response, which lets a route omit
Content-Length and still delimit its body.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Seen:
    """A request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    content_length: bool = True
    # Close the socket without writing a single byte.
    hang_up: bool = False


Route = Callable[[Seen], Reply]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        owner = self.server.owner
        seen = Seen("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
        owner._enter(seen)
        active = True
        try:
            route = owner.routes.get(self.path.split("?", 1)[0])
            reply = route(seen) if route else Reply(404, b"not found")
            if reply.delay:
                time.sleep(reply.delay)
            if reply.hang_up:
                self.close_connection = True
                return
            # A request stops counting as active once its answer starts: the client may read the
            # whole answer and send its next request before this thread runs again, and counting
            # both would report more at once than the client ever had (a race under load).
            owner._leave()
            active = False
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.content_length:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            # Write in pieces so a client that stops reading early is exercised.
            for start in range(0, len(reply.body), 65536):
                self.wfile.write(reply.body[start : start + 65536])
        except OSError:
            pass  # the client gave up (timeout, size cap): nothing to report
        finally:
            if active:
                owner._leave()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    owner: LoopbackServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class LoopbackServer:
    """``with LoopbackServer() as s: s.route("/x", lambda seen: Reply(body=b"hi"))``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        self._server = _Server((host, port), _Handler)
        self._server.owner = self
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, handler: Route | Reply) -> None:
        self.routes[path] = handler if callable(handler) else (lambda _seen, r=handler: r)

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.path == path)

    def _enter(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def _leave(self) -> None:
        with self._lock:
            self.active -= 1

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
