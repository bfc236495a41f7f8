from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import datetime

import httpx
import pytest
from http_server import LoopbackServer, Reply, Seen

from alsingest.fetch import (
    FetchOptions,
    FetchRequest,
    FetchResult,
    fetch_many,
    forbidden_address,
    parse_retry_after,
)

# Small timeouts and backoff keep the suite fast; loopback needs allow_private_hosts.
FAST = FetchOptions(
    connect_timeout=1.0,
    read_timeout=0.3,
    total_timeout=3.0,
    retries=2,
    backoff_base=0.01,
    backoff_max=0.05,
    allow_private_hosts=True,
    respect_robots=False,  # on in the robots tests below: the others count every request
)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as s:
        yield s


def fetch_one(url: str | None, options: FetchOptions = FAST, **kwargs: str) -> FetchResult:
    [result] = fetch_many([FetchRequest(url, **kwargs)], options)  # type: ignore[arg-type]
    return result


def test_200_returns_body_and_validators(server: LoopbackServer) -> None:
    server.route(
        "/doc",
        Reply(
            body=b"<html>hi</html>",
            headers={
                "Content-Type": "text/html; charset=utf-8",
                "ETag": '"v1"',
                "Last-Modified": "Wed, 01 May 2024 00:00:00 GMT",
            },
        ),
    )
    result = fetch_one(server.url("/doc"))
    assert result.status == "ok"
    assert result.http_status == 200
    assert result.body == b"<html>hi</html>"
    assert result.content_type == "text/html; charset=utf-8"
    assert result.etag == '"v1"'
    assert result.last_modified == "Wed, 01 May 2024 00:00:00 GMT"
    assert result.reason is None
    assert [a.outcome for a in result.attempts] == ["ok"]
    assert result.fetched_at.endswith("Z")


def test_user_agent_identifies_the_project(server: LoopbackServer) -> None:
    server.route("/ua", Reply(body=b"x"))
    fetch_one(server.url("/ua"))
    assert server.seen[0].headers["user-agent"].startswith("alsingest/")


def test_conditional_refresh_gets_not_modified_without_body(server: LoopbackServer) -> None:
    def conditional(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(body=b"full body", headers={"ETag": '"v1"'})

    server.route("/doc", conditional)
    first = fetch_one(server.url("/doc"))
    again = fetch_one(server.url("/doc"), etag=first.etag or "")
    assert first.status == "ok"
    assert again.status == "not_modified"
    assert again.http_status == 304
    assert again.body is None
    assert again.etag == '"v1"'


def test_if_modified_since_is_sent_and_validators_survive_a_bare_304(
    server: LoopbackServer,
) -> None:
    server.route("/doc", Reply(304))
    stamp = "Wed, 01 May 2024 00:00:00 GMT"
    result = fetch_one(server.url("/doc"), etag='"v9"', last_modified=stamp)
    assert server.seen[0].headers["if-modified-since"] == stamp
    assert result.status == "not_modified"
    assert (result.etag, result.last_modified) == ('"v9"', stamp)


def test_404_is_not_retried(server: LoopbackServer) -> None:
    server.route("/missing", Reply(404, b"nope"))
    result = fetch_one(server.url("/missing"))
    assert result.status == "http_error"
    assert result.http_status == 404
    assert result.reason == "HTTP 404"
    assert result.body is None
    assert server.hits("/missing") == 1
    assert len(result.attempts) == 1


def test_429_with_retry_after_waits_then_succeeds(server: LoopbackServer) -> None:
    replies = iter([Reply(429, headers={"Retry-After": "1"}), Reply(body=b"done")])
    server.route("/busy", lambda _seen: next(replies))
    options = replace(FAST, backoff_max=8.0)
    result = fetch_one(server.url("/busy"), options)
    assert result.status == "ok"
    assert [a.http_status for a in result.attempts] == [429, 200]
    assert result.attempts[0].outcome == "http_error"
    first, second = (datetime.fromisoformat(a.started_at) for a in result.attempts)
    assert (second - first).total_seconds() >= 0.9


def test_retry_after_beyond_the_cap_gives_up(server: LoopbackServer) -> None:
    server.route("/later", Reply(429, headers={"Retry-After": "3600"}))
    started = time.monotonic()
    result = fetch_one(server.url("/later"))
    assert time.monotonic() - started < 2
    assert result.status == "http_error"
    assert result.http_status == 429
    assert "Retry-After" in (result.reason or "")
    assert server.hits("/later") == 1


def test_500_then_200_is_retried(server: LoopbackServer) -> None:
    replies = iter([Reply(500), Reply(body=b"recovered")])
    server.route("/flaky", lambda _seen: next(replies))
    result = fetch_one(server.url("/flaky"))
    assert result.status == "ok"
    assert result.body == b"recovered"
    assert [a.outcome for a in result.attempts] == ["http_error", "ok"]


def test_persistent_500_stops_after_the_configured_retries(server: LoopbackServer) -> None:
    server.route("/down", Reply(503))
    result = fetch_one(server.url("/down"))
    assert result.status == "http_error"
    assert result.http_status == 503
    assert server.hits("/down") == FAST.retries + 1
    assert [a.number for a in result.attempts] == [1, 2, 3]


def test_slow_server_times_out(server: LoopbackServer) -> None:
    server.route("/slow", Reply(body=b"late", delay=1.0))
    options = replace(FAST, retries=0)
    started = time.monotonic()
    result = fetch_one(server.url("/slow"), options)
    assert time.monotonic() - started < 0.9
    assert result.status == "timeout"
    assert "ReadTimeout" in (result.reason or "")
    assert result.body is None


def test_total_timeout_covers_a_trickling_body() -> None:
    # Each piece arrives within read_timeout, but the whole body takes too long.
    transport = _TrickleTransport(pieces=20, pause=0.1)
    options = replace(FAST, retries=0, total_timeout=0.5)
    [result] = fetch_many([FetchRequest("http://93.184.215.14/x")], options, transport=transport)
    assert result.status == "timeout"
    assert "0.5s" in (result.reason or "")


class _TrickleStream(httpx.AsyncByteStream):
    def __init__(self, pieces: int, pause: float) -> None:
        self.pieces, self.pause = pieces, pause

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.pieces):
            await asyncio.sleep(self.pause)
            yield b"x" * 10


class _TrickleTransport(httpx.AsyncBaseTransport):
    def __init__(self, pieces: int, pause: float) -> None:
        self.pieces, self.pause = pieces, pause

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=_TrickleStream(self.pieces, self.pause))


def test_redirects_are_followed_to_the_final_url(server: LoopbackServer) -> None:
    server.route("/a", Reply(301, headers={"Location": "/b"}))
    server.route("/b", Reply(302, headers={"Location": server.url("/c")}))
    server.route("/c", Reply(body=b"arrived"))
    result = fetch_one(server.url("/a"))
    assert result.status == "ok"
    assert result.url == server.url("/a")
    assert result.final_url == server.url("/c")
    assert result.body == b"arrived"


def test_redirect_loop_is_detected(server: LoopbackServer) -> None:
    server.route("/ping", Reply(302, headers={"Location": "/pong"}))
    server.route("/pong", Reply(302, headers={"Location": "/ping"}))
    result = fetch_one(server.url("/ping"))
    assert result.status == "network_error"
    assert result.reason == "redirect loop"
    assert len(result.attempts) == 1
    assert server.hits("/ping") == 1


def test_too_many_redirects(server: LoopbackServer) -> None:
    for i in range(10):
        server.route(f"/r{i}", Reply(302, headers={"Location": f"/r{i + 1}"}))
    options = replace(FAST, max_redirects=3)
    result = fetch_one(server.url("/r0"), options)
    assert result.status == "network_error"
    assert result.reason == "too many redirects"
    assert [s.path for s in server.seen] == ["/r0", "/r1", "/r2", "/r3"]


@pytest.mark.parametrize("content_length", [True, False])
def test_oversized_body_is_cut_off(server: LoopbackServer, content_length: bool) -> None:
    server.route("/big", Reply(body=b"x" * 300_000, content_length=content_length))
    options = replace(FAST, max_bytes=100_000)
    result = fetch_one(server.url("/big"), options)
    assert result.status == "too_large"
    assert result.body is None
    assert result.reason is not None and result.reason.startswith("body over 100000 bytes")
    assert ("Content-Length" in result.reason) is content_length
    assert server.hits("/big") == 1


def test_body_exactly_at_the_cap_is_accepted(server: LoopbackServer) -> None:
    server.route("/edge", Reply(body=b"y" * 1000, content_length=False))
    options = replace(FAST, max_bytes=1000)
    assert fetch_one(server.url("/edge"), options).status == "ok"


def test_empty_body_is_ok_with_a_reason(server: LoopbackServer) -> None:
    server.route("/empty", Reply(body=b""))
    result = fetch_one(server.url("/empty"))
    assert (result.status, result.body, result.reason) == ("ok", b"", "empty body")


def test_connection_closed_without_response_is_a_retried_network_error(
    server: LoopbackServer,
) -> None:
    server.route("/hangup", Reply(hang_up=True))
    result = fetch_one(server.url("/hangup"))
    assert result.status == "network_error"
    assert "RemoteProtocolError" in (result.reason or "")
    assert server.hits("/hangup") == FAST.retries + 1


@pytest.mark.parametrize(
    ("url", "status", "reason"),
    [
        (None, "no_url", "no URL"),
        ("", "no_url", "no URL"),
        ("#", "no_url", "no URL"),
        ("  #  ", "no_url", "no URL"),
        ("http://[::1", "network_error", "invalid URL"),
        ("http://example.org:99999/", "network_error", "invalid URL"),
        ("www.example.org/paper", "network_error", "invalid URL"),
        ("http:///nohost", "network_error", "invalid URL"),
        ("ftp://example.org/file.pdf", "blocked", "scheme 'ftp'"),
        ("javascript:alert(1)", "blocked", "scheme 'javascript'"),
        ("file:///etc/passwd", "blocked", "scheme 'file'"),
    ],
)
def test_unfetchable_urls_are_rejected_without_a_request(
    url: str | None, status: str, reason: str
) -> None:
    result = fetch_one(url)
    assert result.status == status
    assert reason in (result.reason or "")
    assert result.attempts == ()
    assert result.url == url


def test_loopback_is_blocked_unless_private_hosts_are_allowed(server: LoopbackServer) -> None:
    server.route("/local", Reply(body=b"secret"))
    options = replace(FAST, allow_private_hosts=False)
    result = fetch_one(server.url("/local"), options)
    assert result.status == "blocked"
    assert result.reason == "resolves to private address 127.0.0.1"
    assert server.hits("/local") == 0
    assert fetch_one(server.url("/local")).status == "ok"


def test_localhost_name_is_resolved_and_blocked(server: LoopbackServer) -> None:
    options = replace(FAST, allow_private_hosts=False)
    result = fetch_one(f"http://localhost:{server.port}/x", options)
    assert result.status == "blocked"
    assert server.hits("/x") == 0


def test_redirect_to_a_private_address_is_blocked() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://10.0.0.1/admin"})

    options = replace(FAST, allow_private_hosts=False)
    [result] = fetch_many(
        [FetchRequest("http://93.184.215.14/paper")],
        options,
        transport=httpx.MockTransport(handler),
    )
    assert result.status == "blocked"
    assert result.reason == "resolves to private address 10.0.0.1"
    assert result.final_url == "http://10.0.0.1/admin"
    assert seen == ["http://93.184.215.14/paper"]


def test_redirect_to_another_scheme_is_blocked(server: LoopbackServer) -> None:
    server.route("/ftp", Reply(302, headers={"Location": "ftp://example.org/x"}))
    result = fetch_one(server.url("/ftp"))
    assert result.status == "blocked"
    assert "ftp" in (result.reason or "")


@pytest.mark.parametrize(
    ("address", "forbidden"),
    [
        ("10.0.0.1", True),
        ("172.16.5.4", True),
        ("192.168.1.1", True),
        ("127.0.0.1", True),
        ("169.254.169.254", True),
        ("100.64.0.1", True),
        ("224.0.0.1", True),
        ("0.0.0.0", True),
        ("::1", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("::ffff:127.0.0.1", True),
        ("93.184.215.14", False),
        ("2606:4700:4700::1111", False),
    ],
)
def test_forbidden_addresses(address: str, forbidden: bool) -> None:
    assert forbidden_address(address) is forbidden


def test_per_host_concurrency_is_respected(server: LoopbackServer) -> None:
    server.route("/slowish", Reply(body=b"ok", delay=0.2))
    options = replace(FAST, per_host=3, concurrency=50)
    requests = [FetchRequest(server.url(f"/slowish?n={i}")) for i in range(12)]
    results = fetch_many(requests, options)
    assert all(r.status == "ok" for r in results)
    assert server.max_active == 3


def test_global_concurrency_spans_hosts() -> None:
    lock = threading.Lock()
    state = {"active": 0, "peak": 0}

    def counted(_seen: Seen) -> Reply:
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
        time.sleep(0.2)
        with lock:
            state["active"] -= 1
        return Reply(body=b"ok")

    with LoopbackServer("127.0.0.1") as one, LoopbackServer("127.0.0.2") as two:
        for s in (one, two):
            s.route("/c", counted)
        requests = [FetchRequest(s.url(f"/c?{i}")) for i in range(5) for s in (one, two)]
        options = replace(FAST, per_host=4, concurrency=3)
        results = fetch_many(requests, options)
    assert all(r.status == "ok" for r in results)
    assert state["peak"] == 3


def test_results_keep_input_order_and_progress_callback_sees_each(
    server: LoopbackServer,
) -> None:
    fast_served = threading.Event()

    def slow(_seen):
        # Answer well after the fast reply went out, so the finishing order is certain.
        fast_served.wait(5)
        return Reply(body=b"slow", delay=0.5)

    def fast(_seen):
        fast_served.set()
        return Reply(body=b"fast")

    server.route("/slow", slow)
    server.route("/fast", fast)
    urls = [server.url("/slow"), "#", server.url("/fast")]
    finished: list[str] = []
    results = fetch_many(
        [FetchRequest(u) for u in urls],
        replace(FAST, read_timeout=3.0),
        on_result=lambda r: finished.append(r.url),
    )
    assert [r.url for r in results] == urls
    assert [r.body for r in results] == [b"slow", None, b"fast"]
    assert sorted(finished) == sorted(urls)
    assert finished[-1] == server.url("/slow")


def test_a_failing_callback_propagates(server: LoopbackServer) -> None:
    server.route("/x", Reply(body=b"x"))

    def explode(_result: FetchResult) -> None:
        raise RuntimeError("store failed")

    with pytest.raises(RuntimeError, match="store failed"):
        fetch_many([FetchRequest(server.url("/x"))], FAST, on_result=explode)


def test_cookies_are_not_carried_between_fetches(server: LoopbackServer) -> None:
    server.route("/set", Reply(body=b"x", headers={"Set-Cookie": "session=abc; Path=/"}))
    server.route("/next", Reply(body=b"y"))
    options = replace(FAST, concurrency=1)
    fetch_many([FetchRequest(server.url("/set")), FetchRequest(server.url("/next"))], options)
    assert [s.path for s in server.seen] == ["/set", "/next"]
    assert "cookie" not in server.seen[1].headers


def test_options_from_mapping_accepts_known_keys() -> None:
    options = FetchOptions.from_mapping({"per_host": 2, "read_timeout": 10, "user_agent": "t/1"})
    assert options.per_host == 2
    assert options.read_timeout == 10.0
    assert isinstance(options.read_timeout, float)
    assert options.user_agent == "t/1"
    assert options.concurrency == 16


def test_options_from_mapping_rejects_unknown_keys() -> None:
    with pytest.raises(ValueError, match="unknown \\[fetch\\] option\\(s\\): per_hots"):
        FetchOptions.from_mapping({"per_hots": 2})


@pytest.mark.parametrize(
    "table",
    [{"per_host": "4"}, {"allow_private_hosts": 1}, {"retries": True}, {"concurrency": 0}],
)
def test_options_from_mapping_rejects_bad_values(table: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        FetchOptions.from_mapping(table)


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 01 May 2024 00:00:30 GMT", now=1714521600.0) == 30.0
    assert parse_retry_after("Wed, 01 May 2024 00:00:00 GMT", now=1714521700.0) == 0.0
    assert parse_retry_after("soon") is None


# robots.txt (issue 15): honoured for our user agent, read once per host and run.

ROBOTS = b"User-agent: *\nDisallow: /\n\nUser-agent: alsingest\nDisallow: /private\n"
POLITE = replace(FAST, respect_robots=True)


def test_robots_txt_disallowing_a_url_for_our_agent_stops_its_fetch(server: LoopbackServer) -> None:
    server.route("/robots.txt", Reply(body=ROBOTS, headers={"Content-Type": "text/plain"}))
    server.route("/private/a", Reply(body=b"secret"))
    server.route("/public/a", Reply(body=b"<html>ok</html>"))
    server.route("/public/b", Reply(body=b"<html>ok</html>"))
    urls = [server.url(p) for p in ("/private/a", "/public/a", "/public/b")]
    private, public_a, public_b = fetch_many([FetchRequest(u) for u in urls], POLITE)
    assert (private.status, private.body) == ("robots", None)
    assert "robots.txt" in (private.reason or "") and "alsingest" in (private.reason or "")
    assert server.hits("/private/a") == 0
    assert public_a.status == public_b.status == "ok"
    assert server.hits("/robots.txt") == 1, "read once per host"


def test_a_missing_robots_txt_allows_everything(server: LoopbackServer) -> None:
    server.route("/doc", Reply(body=b"<html>ok</html>"))
    assert fetch_one(server.url("/doc"), POLITE).status == "ok"
    assert server.hits("/robots.txt") == 1


def test_an_unreadable_robots_txt_does_not_block(server: LoopbackServer) -> None:
    server.route("/robots.txt", Reply(503, b"busy"))
    server.route("/doc", Reply(body=b"<html>ok</html>"))
    assert fetch_one(server.url("/doc"), POLITE).status == "ok"


def test_robots_txt_is_ignored_when_switched_off(server: LoopbackServer) -> None:
    server.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /\n"))
    server.route("/doc", Reply(body=b"<html>ok</html>"))
    assert fetch_one(server.url("/doc"), replace(POLITE, respect_robots=False)).status == "ok"
    assert server.hits("/robots.txt") == 0


def test_robots_is_a_config_switch_on_by_default() -> None:
    assert FetchOptions().respect_robots is True
    assert FetchOptions.from_mapping({"respect_robots": False}).respect_robots is False


def gzipped(data: bytes) -> bytes:
    import gzip

    return gzip.compress(data, compresslevel=9)


def test_a_gzip_bomb_is_cut_off_at_the_cap_without_inflating_it(server: LoopbackServer) -> None:
    import tracemalloc

    # 200 MB of zeros is 200 KB gzipped; httpx's own decoder inflated each 64 KB network
    # chunk whole (64 MB) before the size was checked.
    server.route(
        "/bomb", Reply(body=gzipped(bytes(200_000_000)), headers={"Content-Encoding": "gzip"})
    )
    options = replace(FAST, max_bytes=1_000_000)
    tracemalloc.start()
    try:
        result = fetch_one(server.url("/bomb"), options)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.status == "too_large"
    assert result.reason == "body over 1000000 bytes decoded"
    assert peak < 16_000_000, f"{peak:,} bytes allocated while fetching"


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "deflate", "raw-deflate", "gzip, gzip"])
def test_compressed_bodies_are_decoded(server: LoopbackServer, encoding: str) -> None:
    import zlib

    text = "<html><body><p>托夫生 tofersen</p></body></html>".encode() * 2000
    body = {
        "gzip": gzipped(text),
        "x-gzip": gzipped(text),
        "deflate": zlib.compress(text),
        "raw-deflate": zlib.compress(text)[2:-4],
        "gzip, gzip": gzipped(gzipped(text)),
    }[encoding]
    header = "deflate" if encoding == "raw-deflate" else encoding
    server.route("/z", Reply(body=body, headers={"Content-Encoding": header}))
    result = fetch_one(server.url("/z"), FAST)
    assert result.status == "ok"
    assert result.body == text
    assert server.seen[-1].headers["accept-encoding"] == "gzip, deflate"


def test_a_corrupt_or_unknown_encoding_is_refused_with_a_reason(server: LoopbackServer) -> None:
    server.route("/bad", Reply(body=b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    server.route("/br", Reply(body=b"\x1b\x00", headers={"Content-Encoding": "br"}))
    corrupt = fetch_one(server.url("/bad"), FAST)
    assert corrupt.status == "network_error" and "corrupt compressed body" in corrupt.reason
    unknown = fetch_one(server.url("/br"), FAST)
    assert unknown.status == "unsupported_type"
    assert unknown.reason == "unsupported content encoding 'br'"


def test_every_fetch_round_of_a_process_shares_one_ssl_context():
    """Loading the CA bundle costs 20 ms; a re-ingest fetches in three rounds."""
    from alsingest.fetch import _Pools

    assert _Pools(FAST, None).ssl_context is _Pools(FAST, None).ssl_context is not None
