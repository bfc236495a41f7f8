"""Fetch the URLs that articles cite: bounded concurrency, retries, and SSRF guards.

A pure library: it returns one :class:`FetchResult` per request and never raises for
network trouble, so a run over thousands of references cannot be stopped by one bad
host. Whether the bytes are a usable document is decided later, in ``documents``.

Each site's robots.txt is honoured for our user agent (``respect_robots``): read once per
host and run, a URL it disallows is not requested and gets the status ``robots``. A
robots.txt that is missing (4xx) allows everything (RFC 9309); one that cannot be read
(5xx, timeout) does not block either: the page's own fetch then reports what is wrong.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import email.utils
import functools
import ipaddress
import logging
import random
import socket
import ssl
import time
import zlib
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from http.cookiejar import CookieJar, CookiePolicy
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .records import FETCH_STATUSES

logger = logging.getLogger(__name__)

STATUSES = FETCH_STATUSES

DEFAULT_USER_AGENT = (
    "alsingest/0.1 (+https://github.com/alsingest/alsingest; ALS literature tracker)"
)

# robots.txt files larger than this are read only this far (RFC 9309 asks for at least 500 KiB).
ROBOTS_MAX_BYTES = 512 * 1024

# A server asking us to come back in minutes is not going to help within one run.
RETRY_AFTER_GIVE_UP_S = 60.0

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
PLACEHOLDER_URLS = frozenset({"", "#"})

# Prefer documents we can read; Chinese first because most sources are Chinese.
# Only encodings decoded here, where the decoded bytes are counted as they come (httpx's own
# decoders inflate a whole network chunk at once: one 64 KB chunk of a gzip bomb is 64 MB).
ACCEPT_ENCODING = "gzip, deflate"
ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"
ACCEPT_LANGUAGE = "zh-CN,zh;q=0.9,en;q=0.8"


@dataclass(frozen=True)
class FetchOptions:
    """Limits for one fetch run; ``total_timeout`` bounds one attempt, hops and body included."""

    concurrency: int = 16
    per_host: int = 4
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0
    retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    max_redirects: int = 5
    max_bytes: int = 10_000_000
    user_agent: str = DEFAULT_USER_AGENT
    allow_private_hosts: bool = False
    respect_robots: bool = True

    def __post_init__(self) -> None:
        for name in ("concurrency", "per_host"):
            if getattr(self, name) < 1:
                raise ValueError(f"fetch option {name} must be at least 1")
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"fetch option {name} must be positive")
        for name in ("retries", "backoff_base", "backoff_max", "max_redirects"):
            if getattr(self, name) < 0:
                raise ValueError(f"fetch option {name} must not be negative")
        if self.max_bytes < 1:
            raise ValueError("fetch option max_bytes must be at least 1")
        if not self.user_agent.strip():
            raise ValueError("fetch option user_agent must not be empty")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> FetchOptions:
        """Build options from the ``[fetch]`` table of a TOML config."""
        fields = {f.name: f for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - set(fields))
        if unknown:
            raise ValueError(
                f"unknown [fetch] option(s): {', '.join(unknown)}; "
                f"known options are: {', '.join(fields)}"
            )
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            default = getattr(cls, key)
            # bool is an int subclass, so check it first; TOML gives 5 where 5.0 is meant.
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool)
            elif isinstance(default, float):
                ok = isinstance(value, int | float) and not isinstance(value, bool)
                value = float(value) if ok else value
            else:
                ok = isinstance(value, str)
            if not ok:
                raise ValueError(
                    f"[fetch] option {key} must be {type(default).__name__}, "
                    f"got {type(value).__name__} {value!r}"
                )
            kwargs[key] = value
        return cls(**kwargs)


@dataclass(frozen=True)
class FetchRequest:
    """One URL to fetch; ``etag``/``last_modified`` from a previous fetch make it conditional."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Attempt:
    number: int
    started_at: str
    elapsed_s: float
    http_status: int | None
    outcome: str
    error: str | None


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str | None
    status: str
    http_status: int | None
    reason: str | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    body: bytes | None
    fetched_at: str
    attempts: tuple[Attempt, ...]


@dataclass(frozen=True)
class _Outcome:
    """What one attempt ended with, plus whether another attempt may help."""

    status: str
    final_url: str | None
    reason: str | None = None
    http_status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes | None = None
    retry: bool = False
    retry_after: float | None = None


class _RejectAllCookies(CookiePolicy):
    # A cookie set by one cited site must never be sent on a later fetch.
    netscape = True
    rfc2965 = False
    hide_cookie2 = True

    def set_ok(self, cookie: Any, request: Any) -> bool:
        return False

    def return_ok(self, cookie: Any, request: Any) -> bool:
        return False

    def domain_return_ok(self, domain: str, request: Any) -> bool:
        return False

    def path_return_ok(self, path: str, request: Any) -> bool:
        return False


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def check_url(url: str | None) -> tuple[str, str] | None:
    """Return ``(status, reason)`` when ``url`` must not be fetched at all, else None."""
    if url is None or url.strip() in PLACEHOLDER_URLS:
        return "no_url", "no URL"
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        return "network_error", f"invalid URL: {exc}"
    scheme = parts.scheme.lower()
    if not scheme:
        return "network_error", "invalid URL: no scheme"
    if scheme not in ("http", "https"):
        return "blocked", f"scheme {scheme!r} is not http(s)"
    if not parts.hostname:
        return "network_error", "invalid URL: no host"
    try:
        httpx.URL(url.strip())
    except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
        return "network_error", f"invalid URL: {exc}"
    return None


def forbidden_address(address: str) -> bool:
    """True for addresses a public fetcher must not reach (private, loopback, ...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        # is_global also rules out shared (CGNAT) space, which is_private misses.
        or not ip.is_global
    )


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def backoff_delay(attempt: int, options: FetchOptions) -> float:
    """Full jitter: spread retries of many clients over the whole window."""
    ceiling = min(options.backoff_max, options.backoff_base * 2 ** (attempt - 1))
    return random.uniform(0, ceiling)


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or ''}"


def _loop_key(url: str) -> str:
    # The fragment never reaches the server, so /a#x -> /a is a loop.
    return str(httpx.URL(url).copy_with(fragment=None))


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _transient(exc: BaseException) -> bool:
    """Whether trying again might succeed; certificate and protocol misuse will not."""
    if isinstance(
        exc,
        httpx.UnsupportedProtocol
        | httpx.LocalProtocolError
        | httpx.DecodingError
        | httpx.InvalidURL,
    ):
        return False
    return "CERTIFICATE_VERIFY_FAILED" not in str(exc)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()


class _Pools:
    """One httpx client per host, alive while some fetch still needs that host.

    httpcore's pool scans its connections quadratically on every request, which
    made one shared pool of ~100 connections CPU-bound; per-host pools stay at
    ``per_host`` connections. The SSL context is shared, by every pool of the process:
    building one (loading the CA bundle) costs 20 ms, and a re-ingest fetches in three
    rounds (cited pages, registry records, archived copies).
    """

    def __init__(self, options: FetchOptions, transport: httpx.AsyncBaseTransport | None) -> None:
        self.options = options
        self.transport = transport
        self.ssl_context = _ssl_context() if transport is None else None
        self.clients: dict[str, httpx.AsyncClient] = {}
        self.users: dict[str, int] = {}
        # A caller-supplied transport (tests, mocks) serves every host from one client.
        self.shared = self._new_client() if transport is not None else None

    def _new_client(self) -> httpx.AsyncClient:
        options = self.options
        return httpx.AsyncClient(
            headers={
                "User-Agent": options.user_agent,
                "Accept": ACCEPT,
                "Accept-Language": ACCEPT_LANGUAGE,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            cookies=CookieJar(policy=_RejectAllCookies()),
            timeout=httpx.Timeout(
                connect=options.connect_timeout,
                read=options.read_timeout,
                write=options.read_timeout,
                # The semaphores already bound in-flight requests; total_timeout covers the rest.
                pool=None,
            ),
            # Redirect hops from other hosts may add connections beyond per_host.
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=options.per_host),
            verify=self.ssl_context or True,
            follow_redirects=False,
            transport=self.transport,
        )

    def acquire(self, host: str) -> httpx.AsyncClient:
        if self.shared is not None:
            return self.shared
        self.users[host] = self.users.get(host, 0) + 1
        client = self.clients.get(host)
        if client is None:
            client = self.clients[host] = self._new_client()
        return client

    async def release(self, host: str) -> None:
        if self.shared is not None:
            return
        self.users[host] -= 1
        if self.users[host] == 0:
            del self.users[host]
            await self.clients.pop(host).aclose()

    @contextlib.asynccontextmanager
    async def lease(self, host: str) -> AsyncIterator[httpx.AsyncClient]:
        client = self.acquire(host)
        try:
            yield client
        finally:
            await self.release(host)

    async def aclose(self) -> None:
        clients = list(self.clients.values())
        if self.shared is not None:
            clients.append(self.shared)
        self.clients.clear()
        for client in clients:
            await client.aclose()


class _Fetcher:
    def __init__(self, options: FetchOptions, pools: _Pools) -> None:
        self.options = options
        self.pools = pools
        self.global_slots = asyncio.Semaphore(options.concurrency)
        self.host_slots: dict[str, asyncio.Semaphore] = {}
        # Host verdicts for this run; failed lookups are not cached so a retry asks again.
        self.verdicts: dict[tuple[str, int], str | None] = {}
        # Each origin's robots.txt, read once per run (None: no rules to honour).
        self.robots: dict[str, asyncio.Task[RobotFileParser | None]] = {}

    async def fetch(self, request: FetchRequest) -> FetchResult:
        rejected = check_url(request.url)
        if rejected:
            status, reason = rejected
            return _result(request, _Outcome(status, None, reason), ())
        url = request.url.strip()
        host = _host_key(url)
        host_slots = self.host_slots.setdefault(host, asyncio.Semaphore(self.options.per_host))
        # Holding the host's client across retries keeps its idle connections for reuse.
        async with self.pools.lease(host):
            if self.options.respect_robots:
                refused = await self._robots_refusal(url, host_slots)
                if refused is not None:
                    return _result(request, refused, ())
            return await self._fetch_with_retries(request, url, host_slots)

    async def _robots_refusal(self, url: str, host_slots: asyncio.Semaphore) -> _Outcome | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if origin not in self.robots:
            self.robots[origin] = asyncio.ensure_future(self._read_robots(origin, host_slots))
        rules = await asyncio.shield(self.robots[origin])
        if rules is None or rules.can_fetch(self.options.user_agent, url):
            return None
        agent = self.options.user_agent.split("/")[0]
        return _Outcome("robots", url, f"disallowed for {agent} by {origin}/robots.txt")

    async def _read_robots(
        self, origin: str, host_slots: asyncio.Semaphore
    ) -> RobotFileParser | None:
        robots_url = f"{origin}/robots.txt"
        if await self._guard(robots_url) is not None:
            return None  # the page's own fetch says why the host is refused
        try:
            async with (
                host_slots,
                self.global_slots,
                asyncio.timeout(self.options.total_timeout),
                self.pools.lease(_host_key(robots_url)) as client,
                client.stream("GET", robots_url, follow_redirects=True) as response,
            ):
                if not 200 <= response.status_code < 300:
                    logger.debug("%s: HTTP %d, no rules", robots_url, response.status_code)
                    return None
                body = b""
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) >= ROBOTS_MAX_BYTES:
                        break
        except (TimeoutError, httpx.HTTPError, OSError, ValueError) as exc:
            logger.debug("%s unreadable (%s): no rules", robots_url, _describe(exc))
            return None
        rules = RobotFileParser(robots_url)
        rules.parse(body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines())
        return rules

    async def _fetch_with_retries(
        self, request: FetchRequest, url: str, host_slots: asyncio.Semaphore
    ) -> FetchResult:
        attempts: list[Attempt] = []
        outcome: _Outcome | None = None
        for number in range(1, self.options.retries + 2):
            # Host slot before global slot: a task waiting on a busy host must not
            # hold a global slot that a task for an idle host could use.
            async with host_slots, self.global_slots:
                started_at = utc_now_iso()
                t0 = time.monotonic()
                outcome = await self._attempt(url, request)
                elapsed = round(time.monotonic() - t0, 3)
            attempts.append(
                Attempt(
                    number=number,
                    started_at=started_at,
                    elapsed_s=elapsed,
                    http_status=outcome.http_status,
                    outcome=outcome.status,
                    error=None if outcome.status in ("ok", "not_modified") else outcome.reason,
                )
            )
            logger.debug("%s attempt %d: %s %s", url, number, outcome.status, outcome.reason)
            if not outcome.retry or number > self.options.retries:
                break
            if outcome.retry_after is not None:
                if outcome.retry_after > RETRY_AFTER_GIVE_UP_S:
                    outcome = dataclasses.replace(
                        outcome,
                        reason=f"{outcome.reason}, Retry-After {outcome.retry_after:.0f}s too long",
                    )
                    break
                delay = min(outcome.retry_after, self.options.backoff_max)
            else:
                delay = backoff_delay(number, self.options)
            await asyncio.sleep(delay)
        assert outcome is not None
        return _result(request, outcome, tuple(attempts))

    async def _attempt(self, url: str, request: FetchRequest) -> _Outcome:
        trail = [url]
        try:
            async with asyncio.timeout(self.options.total_timeout):
                return await self._follow(request, trail)
        except TimeoutError:
            reason = f"no complete response within {self.options.total_timeout:g}s"
            return _Outcome("timeout", trail[-1], reason, retry=True)
        except httpx.TimeoutException as exc:
            return _Outcome("timeout", trail[-1], _describe(exc), retry=True)
        except (httpx.HTTPError, OSError) as exc:
            return _Outcome("network_error", trail[-1], _describe(exc), retry=_transient(exc))
        except ValueError as exc:
            # e.g. a stored ETag that is not ASCII: the request cannot even be built.
            return _Outcome("network_error", trail[-1], f"invalid request: {_describe(exc)}")

    async def _follow(self, request: FetchRequest, trail: list[str]) -> _Outcome:
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        current = trail[-1]
        seen = {_loop_key(current)}
        while True:
            refused = await self._guard(current)
            if refused is not None:
                return refused
            async with self.pools.lease(_host_key(current)) as client:
                outcome = await self._hop(client, current, headers)
            if isinstance(outcome, _Outcome):
                return outcome
            target, status_code = outcome
            if _loop_key(target) in seen:
                reason = "redirect loop"
            elif len(seen) > self.options.max_redirects:
                reason = "too many redirects"
            else:
                seen.add(_loop_key(target))
                trail.append(target)
                current = target
                continue
            return _Outcome("network_error", target, reason, http_status=status_code)

    async def _hop(
        self, client: httpx.AsyncClient, url: str, headers: dict[str, str]
    ) -> _Outcome | tuple[str, int]:
        """One request: the final outcome, or ``(target, status)`` for a redirect to follow."""
        response = await client.send(client.build_request("GET", url, headers=headers), stream=True)
        try:
            location = response.headers.get("location", "").strip()
            if response.status_code not in REDIRECT_CODES or not location:
                return await self._read(response, url)
            target = urljoin(url, location)
            rejected = check_url(target)
            if rejected:
                status, reason = rejected
                status = "network_error" if status == "no_url" else status
                return _Outcome(
                    status, target, f"redirect: {reason}", http_status=response.status_code
                )
            return target, response.status_code
        finally:
            await response.aclose()

    async def _guard(self, url: str) -> _Outcome | None:
        """Refuse hosts that resolve to non-public addresses.

        Residual risk: the address is checked here and httpx resolves the name again
        when it connects, so a DNS server that answers differently the second time
        (DNS rebinding) could still steer a request inward. Pinning the checked
        address would need a custom transport; for a crawler of cited literature this
        is an accepted gap.
        """
        if self.options.allow_private_hosts:
            return None
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        key = (host, port)
        if key not in self.verdicts:
            try:
                addresses = [str(ipaddress.ip_address(host))]
            except ValueError:
                try:
                    async with asyncio.timeout(self.options.connect_timeout):
                        infos = await asyncio.get_running_loop().getaddrinfo(
                            host, port, type=socket.SOCK_STREAM
                        )
                except TimeoutError:
                    return _Outcome("timeout", url, f"DNS lookup for {host} timed out", retry=True)
                except (socket.gaierror, UnicodeError) as exc:
                    transient = isinstance(exc, socket.gaierror) and exc.errno == socket.EAI_AGAIN
                    return _Outcome(
                        "network_error",
                        url,
                        f"DNS lookup for {host} failed: {_describe(exc)}",
                        retry=transient,
                    )
                addresses = [str(info[4][0]) for info in infos]
            bad = next((a for a in addresses if forbidden_address(a)), None)
            self.verdicts[key] = f"resolves to private address {bad}" if bad else None
        verdict = self.verdicts[key]
        return _Outcome("blocked", url, verdict) if verdict else None

    async def _read(self, response: httpx.Response, url: str) -> _Outcome:
        status = response.status_code
        headers = response.headers
        common: dict[str, Any] = {
            "final_url": url,
            "http_status": status,
            "content_type": headers.get("content-type"),
            "etag": headers.get("etag"),
            "last_modified": headers.get("last-modified"),
        }
        if status == 304:
            return _Outcome("not_modified", **common)
        if status in REDIRECT_CODES:
            return _Outcome("http_error", reason=f"HTTP {status} without Location", **common)
        if not 200 <= status < 300:
            retry = status >= 500 or status == 429
            return _Outcome(
                "http_error",
                reason=f"HTTP {status}",
                retry=retry,
                retry_after=parse_retry_after(headers.get("retry-after")) if retry else None,
                **common,
            )
        limit = self.options.max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            reason = f"body over {limit} bytes (Content-Length {declared})"
            return _Outcome("too_large", reason=reason, **common)
        try:
            decoder = BoundedDecoder(headers.get("content-encoding", ""), limit)
        except ValueError as exc:
            return _Outcome("unsupported_type", reason=str(exc), **common)
        chunks: list[bytes] = []
        try:
            async for raw in response.aiter_raw():
                chunks.append(decoder.decode(raw))
            chunks.append(decoder.flush())
        except BodyTooLarge:
            reason = f"body over {limit} bytes" + (" decoded" if decoder.stages else "")
            return _Outcome("too_large", reason=reason, **common)
        return _Outcome("ok", body=b"".join(chunks), **common)


class BodyTooLarge(Exception):
    """The decoded body would pass the size cap."""


class BoundedDecoder:
    """Undo a Content-Encoding (gzip, deflate, or a chain of them) chunk by chunk, never
    holding more than ``limit`` decoded bytes: :class:`BodyTooLarge` as soon as the body
    would pass it, before the bytes past it are made."""

    def __init__(self, content_encoding: str, limit: int):
        self.limit = limit
        self.size = 0
        names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
        self.stages = [self._stage(n) for n in reversed(names) if n != "identity"]

    @staticmethod
    def _stage(name: str):
        if name in ("gzip", "x-gzip"):
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        if name == "deflate":
            return None  # zlib-wrapped or raw: decided by the first bytes
        raise ValueError(f"unsupported content encoding {name!r}")

    def decode(self, data: bytes) -> bytes:
        for index, stage in enumerate(self.stages):
            if stage is None:
                stage = self.stages[index] = _deflate_for(data)
            data = self._inflate(stage, data)
        return self._count(data)

    def flush(self) -> bytes:
        data = b""
        for stage in self.stages:
            if stage is not None:
                data = self._inflate(stage, data) + stage.flush(self.limit - self.size + 1)
        return self._count(data)

    def _inflate(self, stage, data: bytes) -> bytes:
        """Inflate ``data``, at most one byte past the room left at a time."""
        out = []
        room = self.limit - self.size
        try:
            piece = stage.decompress(data, room + 1)
            while True:
                out.append(piece)
                room -= len(piece)
                if room < 0:
                    raise BodyTooLarge
                if not stage.unconsumed_tail:
                    break
                piece = stage.decompress(stage.unconsumed_tail, room + 1)
        except zlib.error as exc:
            raise httpx.DecodingError(f"corrupt compressed body: {exc}") from None
        return b"".join(out)

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise BodyTooLarge
        return data


def _deflate_for(first: bytes):
    """``deflate`` is zlib-wrapped by the standard, raw deflate by some servers."""
    if len(first) >= 2 and (first[0] & 0x0F) == 8 and ((first[0] << 8) | first[1]) % 31 == 0:
        return zlib.decompressobj()
    return zlib.decompressobj(-zlib.MAX_WBITS)


def _result(request: FetchRequest, outcome: _Outcome, attempts: tuple[Attempt, ...]) -> FetchResult:
    etag, last_modified = outcome.etag, outcome.last_modified
    if outcome.status == "not_modified":
        # A 304 may omit the validators; the ones we sent are still current then.
        etag = etag or request.etag
        last_modified = last_modified or request.last_modified
    reason = outcome.reason
    if outcome.status == "ok" and not outcome.body and reason is None:
        reason = "empty body"
    return FetchResult(
        url=request.url,
        final_url=outcome.final_url,
        status=outcome.status,
        http_status=outcome.http_status,
        reason=reason,
        content_type=outcome.content_type,
        etag=etag,
        last_modified=last_modified,
        body=outcome.body if outcome.status == "ok" else None,
        fetched_at=utc_now_iso(),
        attempts=attempts,
    )


async def fetch_all(
    requests: Sequence[FetchRequest],
    options: FetchOptions,
    *,
    on_result: Callable[[FetchResult], None] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[FetchResult]:
    """Fetch every request; results come back in input order.

    ``on_result`` is called as each fetch finishes (in completion order). If it raises,
    the remaining fetches are cancelled and the exception propagates, so a failing
    store is not silently skipped.
    """
    pools = _Pools(options, transport)
    fetcher = _Fetcher(options, pools)
    results: list[FetchResult | None] = [None] * len(requests)

    async def run(index: int, request: FetchRequest) -> None:
        result = await fetcher.fetch(request)
        results[index] = result
        if on_result is not None:
            on_result(result)

    tasks = [asyncio.create_task(run(i, r)) for i, r in enumerate(requests)]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    finally:
        for robots in fetcher.robots.values():
            robots.cancel()
        await pools.aclose()
    return [r for r in results if r is not None]


def fetch_many(
    requests: Sequence[FetchRequest],
    options: FetchOptions,
    *,
    on_result: Callable[[FetchResult], None] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[FetchResult]:
    """Synchronous :func:`fetch_all`, for callers without an event loop."""
    return asyncio.run(fetch_all(requests, options, on_result=on_result, transport=transport))
