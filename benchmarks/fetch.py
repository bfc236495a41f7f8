"""Benchmark the fetch layer against slow loopback hosts.

One asyncio HTTP server listens on the same port on each of 127.0.0.1 ... 127.0.0.N
(Linux routes all of 127.0.0.0/8 to lo), every response delayed equally. The first
run downloads every URL; the second sends the ETags back and gets 304s, so it shows
what skipping bodies saves. The servers run in a child process so that the peak RSS
and the CPU time reported are the fetching client's own.

The server delays a 304 as much as a 200 (a real server's time to answer is mostly
not the body), so on loopback the wall-time ratio of the two runs stays near 1: the
refresh saves bytes on the wire (counted by the server, headers included) and the
client's CPU time, which are reported as ratios too.

    python benchmarks/fetch.py            # writes benchmarks/results/fetch.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import platform
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "benchmarks" / "results" / "fetch.json"


def _import_fetch() -> Any:
    # Works both with the package installed and straight from a checkout.
    try:
        import alsingest.fetch as fetch
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
        import alsingest.fetch as fetch
    return fetch


def _etag(path: str) -> str:
    return f'"{path.rsplit("/", 1)[-1]}-v1"'


async def _handle(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    delay: float,
    body: bytes,
    sent: Any,
) -> None:
    """Minimal HTTP/1.1 with keep-alive: GET only, ETag/If-None-Match aware."""
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            etag = _etag(path)
            # Every response waits the same, 304 or not: only the body differs.
            await asyncio.sleep(delay)
            if headers.get("if-none-match") == etag:
                status, payload = "304 Not Modified", b""
            else:
                status, payload = "200 OK", body
            response = (
                f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n"
                f"ETag: {etag}\r\nContent-Length: {len(payload)}\r\n\r\n".encode("latin-1")
                + payload
            )
            with sent.get_lock():
                sent.value += len(response)
            writer.write(response)
            await writer.drain()
    finally:
        writer.close()


async def _serve_async(
    hosts: int, delay: float, body: bytes, sent: Any, conn: Any, stop: Any
) -> None:
    def handler(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> Any:
        return _handle(r, w, delay, body, sent)

    for _ in range(20):
        servers = [await asyncio.start_server(handler, "127.0.0.1", 0, backlog=512)]
        port = servers[0].sockets[0].getsockname()[1]
        try:
            for i in range(2, hosts + 1):
                servers.append(
                    await asyncio.start_server(handler, f"127.0.0.{i}", port, backlog=512)
                )
        except OSError:
            for server in servers:
                server.close()
            continue
        break
    else:
        raise RuntimeError("could not find a port free on every loopback address")
    conn.send(port)
    await asyncio.get_running_loop().run_in_executor(None, stop.wait)
    for server in servers:
        server.close()


def serve(hosts: int, delay: float, body_bytes: int, sent: Any, conn: Any, stop: Any) -> None:
    """Child process: one listening socket per loopback address, until ``stop`` is set."""
    body = (b"<p>ALS</p>\n" * body_bytes)[:body_bytes]
    asyncio.run(_serve_async(hosts, delay, body, sent, conn, stop))


def run_once(
    fetch: Any, requests: list[Any], options: Any, sent: Any
) -> tuple[float, float, int, list[Any]]:
    """Wall time, client CPU time, bytes the servers sent, and the results of one run."""
    bytes_before = sent.value
    cpu_started = time.process_time()
    started = time.perf_counter()
    results = asyncio.run(fetch.fetch_all(requests, options))
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return wall, cpu, sent.value - bytes_before, results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hosts", type=int, default=30, help="loopback addresses (max 254)")
    parser.add_argument("--urls", type=int, default=300, help="distinct URLs over all hosts")
    parser.add_argument("--delay", type=float, default=0.2, help="server delay per response, s")
    parser.add_argument("--body-kb", type=int, default=50, help="body size of a 200, KB")
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=120)
    parser.add_argument("--target-s", type=float, default=3.0, help="first-run wall target")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not 1 <= args.hosts <= 254:
        parser.error("--hosts must be between 1 and 254")

    fetch = _import_fetch()
    parent_conn, child_conn = multiprocessing.Pipe()
    stop = multiprocessing.Event()
    sent = multiprocessing.Value("q", 0)
    body_bytes = args.body_kb * 1024
    child = multiprocessing.Process(
        target=serve,
        args=(args.hosts, args.delay, body_bytes, sent, child_conn, stop),
        daemon=True,
    )
    child.start()
    try:
        port = parent_conn.recv()
        urls = [f"http://127.0.0.{i % args.hosts + 1}:{port}/doc/{i}" for i in range(args.urls)]
        options = fetch.FetchOptions(
            concurrency=args.concurrency,
            per_host=args.per_host,
            allow_private_hosts=True,
        )
        first_wall, first_cpu, first_bytes, first = run_once(
            fetch, [fetch.FetchRequest(u) for u in urls], options, sent
        )
        refresh = [fetch.FetchRequest(r.url, etag=r.etag) for r in first]
        second_wall, second_cpu, second_bytes, second = run_once(fetch, refresh, options, sent)
    finally:
        stop.set()
        child.join(timeout=10)

    first_statuses = Counter(r.status for r in first)
    second_statuses = Counter(r.status for r in second)
    # Linux reports ru_maxrss in KB.
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    waves = -(-args.urls // (args.hosts * args.per_host))
    report = {
        "wall_s": round(first_wall, 3),
        "requests": len(first),
        "requests_per_s": round(len(first) / first_wall, 1),
        "first_run_statuses": dict(first_statuses),
        "first_run_body_bytes": sum(len(r.body or b"") for r in first),
        "second_run_wall_s": round(second_wall, 3),
        "second_run_statuses": dict(second_statuses),
        "second_run_body_bytes": sum(len(r.body or b"") for r in second),
        "first_run_wire_bytes": first_bytes,
        "second_run_wire_bytes": second_bytes,
        "first_run_client_cpu_s": round(first_cpu, 3),
        "second_run_client_cpu_s": round(second_cpu, 3),
        # Wall time, honestly: the loopback server delays a 304 as much as a 200.
        "second_run_over_first": round(second_wall / first_wall, 3),
        "second_run_bytes_over_first": round(second_bytes / first_bytes, 4),
        "second_run_client_cpu_over_first": round(second_cpu / first_cpu, 3),
        "peak_rss_mb": round(peak_rss_mb, 1),
        "ideal_wall_s": round(waves * args.delay, 3),
        "target_wall_s": args.target_s,
        "target_met": first_wall <= args.target_s,
        "params": {
            "hosts": args.hosts,
            "urls": args.urls,
            "delay_s": args.delay,
            "body_kb": args.body_kb,
            "per_host": args.per_host,
            "concurrency": args.concurrency,
        },
        "python": platform.python_version(),
    }
    print(f"wall_s: {report['wall_s']} (ideal {report['ideal_wall_s']}, target {args.target_s})")
    print(f"requests: {report['requests']} {dict(first_statuses)}")
    print(f"requests/s: {report['requests_per_s']}")
    print(f"first run bytes: {report['first_run_body_bytes']}")
    print(f"second run wall_s: {report['second_run_wall_s']} {dict(second_statuses)}")
    print(f"second run bytes: {report['second_run_body_bytes']}")
    print(f"first run wire bytes: {first_bytes}, client CPU {report['first_run_client_cpu_s']}s")
    print(f"second run wire bytes: {second_bytes}, client CPU {report['second_run_client_cpu_s']}s")
    print(f"second_run_over_first: {report['second_run_over_first']} (wall time)")
    print(f"second_run_bytes_over_first: {report['second_run_bytes_over_first']}")
    print(f"second_run_client_cpu_over_first: {report['second_run_client_cpu_over_first']}")
    print(f"peak_rss_mb: {report['peak_rss_mb']}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {args.output}")
    ok = first_statuses == {"ok": len(urls)} and second_statuses == {"not_modified": len(urls)}
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
