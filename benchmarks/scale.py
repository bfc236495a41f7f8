"""What a person does with a large corpus, timed: listings, search, verify, review pages.

Builds N articles with ``benchmarks/ingest.py``'s generator, ingests them with
``alsingest ingest`` (one command, Prefect's temporary server included), then runs each
operation of issue 13 on the corpus twice, cold (the first run after the build) and warm,
each as a new process, as a person would (Python's start included), and records its wall
time and peak RSS. The review pages are served by the review app in a process of their
own (Starlette's test client; one process per page, first request cold, second warm).

Targets at 10,000 articles (issue 13): each review page <= 0.3 s; each listing command and
``search`` <= 1.0 s; ``verify`` with nothing changed <= 2 s; peak RSS of any listing
<= 300 MB; corpus file <= 3 x the text, fresh and after the first ``verify``
(``db_over_text_verified``); one-article ``ingest`` / ``reingest`` <= 3 s with a running
server (measured with ``alsingest serve`` up: ``*_served``); a bad path fails in <= 1 s. Prints every figure; writes benchmarks/results/scale.json (``--out`` elsewhere).

    python benchmarks/scale.py --articles 10000
    python benchmarks/scale.py --articles 2000 --keep /tmp/corpus2k   # keep the corpus
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "scale.json"
ALSINGEST = Path(sys.executable).parent / "alsingest"

# One review page per process: the app over the corpus, the page asked for twice.
REVIEW_PAGE = """
import json, sys, time
from starlette.testclient import TestClient
from alsingest.web.app import create_app
client = TestClient(create_app(sys.argv[1]), base_url="http://127.0.0.1")
times = []
for _ in range(2):
    start = time.perf_counter()
    response = client.get(sys.argv[2])
    times.append(time.perf_counter() - start)
    assert response.status_code == 200, (response.status_code, response.text[:500])
print(json.dumps({"cold": times[0], "warm": times[1], "bytes": len(response.content)}))
"""


def run(command: list[str], *, env: dict | None = None, check: bool = True) -> dict:
    """Run ``command`` to its end: wall seconds, its peak RSS (MB), output size, exit status."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    out, err = process.communicate()  # read while it runs: a long listing must not block
    seconds = time.perf_counter() - start
    if check and process.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: exit {process.returncode}\n{err.decode()[-2000:]}")
    return {"s": seconds, "out": out, "err": err, "rc": process.returncode}


def measured(command: list[str], env: dict, check: bool = True) -> dict:
    """``command`` run under a helper process of its own, which reports its wall time and peak
    RSS (a process's children's high-water mark only rises: one helper per command)."""
    helper = (
        "import json, os, resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        "s = time.perf_counter() - start\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "sys.stderr.buffer.write(p.stderr[-4000:])\n"
        "print(json.dumps({'s': s, 'rss_mb': rss, 'rc': p.returncode, 'bytes': len(p.stdout),"
        " 'stdout': p.stdout[-3000:].decode('utf-8', 'replace')}))\n"
    )
    result = run([sys.executable, "-c", helper, *command], env=env, check=False)
    figures = json.loads(result["out"])
    if check and figures["rc"] != 0:
        raise SystemExit(f"{' '.join(command)}: exit {figures['rc']}\n{result['err'].decode()}")
    return figures


def twice(label: str, command: list[str], env: dict, results: dict, check: bool = True) -> None:
    """Cold then warm; both kept, each printed."""
    runs = [measured(command, env, check) for _ in range(2)]
    results[label] = {
        "cold_s": round(runs[0]["s"], 3),
        "warm_s": round(runs[1]["s"], 3),
        "peak_rss_mb": round(max(r["rss_mb"] for r in runs), 1),
        "output_bytes": runs[1]["bytes"],
    }
    show(label, results[label])


def show(label: str, figures: dict) -> None:
    extra = f"  {figures['output_bytes'] / 1e3:9.1f} KB out" if "output_bytes" in figures else ""
    print(
        f"{label:24s} cold {figures['cold_s']:8.2f} s  warm {figures['warm_s']:8.2f} s  "
        f"peak {figures['peak_rss_mb']:7.1f} MB{extra}",
        flush=True,
    )


def review_page(label: str, db: Path, path: str, env: dict, results: dict) -> None:
    figures = measured([sys.executable, "-c", REVIEW_PAGE, str(db), path], env)
    page = json.loads(figures["stdout"].strip().splitlines()[-1])
    results[label] = {
        "cold_s": round(page["cold"], 3),
        "warm_s": round(page["warm"], 3),
        "peak_rss_mb": round(figures["rss_mb"], 1),
        "output_bytes": page["bytes"],
        "path": path,
    }
    show(label, results[label])


@contextlib.contextmanager
def served(db: Path, env: dict, startup_s: float = 240.0):
    """``alsingest serve`` on the corpus for the block (its own Prefect server); yields the
    API URL it announces in PREFECT_HOME (what `ingest` and `reingest` find)."""
    announced = Path(env["PREFECT_HOME"]) / "alsingest-serve.json"
    announced.unlink(missing_ok=True)
    serving = subprocess.Popen(
        [str(ALSINGEST), "serve", "--db", str(db)],
        env={k: v for k, v in env.items() if k != "PREFECT_API_URL"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + startup_s
        while not announced.exists():
            if serving.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("alsingest serve did not start")
            time.sleep(0.5)
        time.sleep(2)  # its deployments registered
        yield json.loads(announced.read_text(encoding="utf-8"))["api_url"]
    finally:
        serving.send_signal(signal.SIGTERM)
        try:
            serving.wait(timeout=90)
        except subprocess.TimeoutExpired:
            serving.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000, help="articles (default 10000)")
    parser.add_argument(
        "--keep", type=Path, help="folder to keep the articles and corpus in (default: removed)"
    )
    parser.add_argument(
        "--db", type=Path, help="an existing corpus built by this script: skip building it"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the figures")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from ingest import build_articles

    work = args.keep or Path(tempfile.mkdtemp(prefix="alsingest-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_HOME": os.environ.get("PREFECT_HOME", str(work / "prefect")),
        "COLUMNS": "200",
    }
    folder = work / "articles"
    results: dict = {"articles": args.articles}
    if args.db:
        db = args.db
        texts = [p for p in sorted(folder.glob("*.txt"))]
        mb = sum(p.stat().st_size for p in texts) / 1e6
    else:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        paths, mb = build_articles(folder, args.articles)
        db = work / "corpus.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        print(f"{len(paths)} articles, {mb:.1f} MB of text in {folder}", flush=True)
        figures = measured([str(ALSINGEST), "ingest", str(folder), "--db", str(db)], env)
        results["ingest"] = {"s": round(figures["s"], 2), "peak_rss_mb": round(figures["rss_mb"])}
        print(f"{'ingest':24s} {figures['s']:8.2f} s  peak {figures['rss_mb']:.0f} MB", flush=True)
    results["text_mb"] = round(mb, 2)
    import sqlite3

    def corpus_size(label: str) -> float:
        with sqlite3.connect(db) as conn:
            conn.execute("pragma wal_checkpoint(truncate)")
        size = db.stat().st_size / 1e6
        print(f"corpus file {label}{size:.0f} MB = {size / mb:.2f} x the text", flush=True)
        return size

    with sqlite3.connect(db) as conn:
        therapy = conn.execute(
            "select therapy, count(*) n from claims group by therapy order by n desc limit 1"
        ).fetchone()[0]
    size = corpus_size("")
    results["db_mb"] = round(size, 1)
    results["db_over_text"] = round(size / mb, 2)

    cli = [str(ALSINGEST)]
    where = ["--db", str(db)]
    twice("claims_page", [*cli, "claims", *where], env, results)
    twice("search", [*cli, "search", "托夫生", *where], env, results)
    twice("facts_page", [*cli, "facts", *where], env, results)
    twice("articles_page", [*cli, "articles", *where], env, results)
    twice("references_page", [*cli, "references", *where], env, results)
    first = measured([*cli, "verify", *where], env)
    results["verify_first"] = {"s": round(first["s"], 2), "peak_rss_mb": round(first["rss_mb"])}
    print(f"{'verify (first)':24s} {first['s']:8.2f} s  peak {first['rss_mb']:.0f} MB", flush=True)
    # The target holds after verification too: every claim has a verdict row then.
    size = corpus_size("after verify: ")
    results["db_mb_verified"] = round(size, 1)
    results["db_over_text_verified"] = round(size / mb, 2)
    twice("verify_unchanged", [*cli, "verify", *where], env, results)
    twice("conflicts_page", [*cli, "conflicts", *where], env, results)

    review_page("review_queue", db, "/", env, results)
    review_page("review_queue_filtered", db, f"/?therapy={therapy}", env, results)
    review_page("review_queue_page_last", db, "/?page=100000", env, results)
    review_page("review_timeline", db, "/timeline", env, results)
    review_page("review_conflicts", db, "/conflicts", env, results)

    # One article: a new file, the same file changed (reingest), a path that is not there.
    one = work / "one_more.txt"
    one.write_text((folder / "bench_00000.txt").read_text(encoding="utf-8") + "\n追加一句。\n")
    figures = measured([*cli, "ingest", str(one), *where], env)
    results["ingest_one"] = {"s": round(figures["s"], 2), "peak_rss_mb": round(figures["rss_mb"])}
    print(f"{'ingest_one':24s} {figures['s']:8.2f} s", flush=True)
    one.write_text(one.read_text(encoding="utf-8") + "再追加一句。\n", encoding="utf-8")
    figures = measured([*cli, "reingest", str(one), *where], env)
    results["reingest_one"] = {
        "s": round(figures["s"], 2),
        "peak_rss_mb": round(figures["rss_mb"]),
    }
    print(f"{'reingest_one':24s} {figures['s']:8.2f} s", flush=True)
    figures = measured([*cli, "ingest", str(work / "no-such-file.txt"), *where], env, check=False)
    results["ingest_bad_path"] = {"s": round(figures["s"], 2), "exit": figures["rc"]}
    print(f"{'ingest_bad_path':24s} {figures['s']:8.2f} s (exit {figures['rc']})", flush=True)

    # The same with `alsingest serve` running: the commands find its Prefect server.
    with served(db, env) as api_url:
        print(f"alsingest serve is up ({api_url})", flush=True)
        for label, command in (
            ("ingest_one_served", "ingest"),
            ("reingest_one_served", "reingest"),
        ):
            one.write_text(one.read_text(encoding="utf-8") + f"{label}。\n", encoding="utf-8")
            figures = measured([*cli, command, str(one), *where], env)
            results[label] = {"s": round(figures["s"], 2), "peak_rss_mb": round(figures["rss_mb"])}
            print(f"{label:24s} {figures['s']:8.2f} s", flush=True)

    results["cpus"] = os.cpu_count()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    if not args.keep and not args.db:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
