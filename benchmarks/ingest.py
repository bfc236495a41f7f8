"""Ingest speed against its floor, jieba alone, measured in one run.

Builds N distinct articles from the seeds (each with a unique title line and its
paragraphs in a rotated order), then measures:

1. jieba alone segmenting the same text on one core (default settings) — the floor;
2. the full ``ingest`` flow into a new corpus, as ``alsingest ingest`` runs it (Prefect
   without a server; the ephemeral server is started by a warm-up run first and
   reported apart), ``--repeat`` times, each run between two jieba-alone runs and
   compared with their mean (this machine's speed drifts by 10-20 % from minute to minute);
3. a second ``ingest`` of the last, unchanged corpus.

Targets (issue 6): ingest ≤ 1.0 × jieba alone (the median ratio); re-run ≤ 5 % of the
first; peak RSS ≤ 1.5 GB. Prints articles/s, MB/s, every ratio and peak RSS; writes
benchmarks/results/ingest.json.

    python benchmarks/ingest.py --articles 1000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "ingest.json"


def build_articles(folder: Path, count: int) -> tuple[list[Path], float]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    paths = []
    size = 0
    for i in range(count):
        seed = seeds[i % len(seeds)]
        paragraphs = seed.split("\n")
        turn = (i // len(seeds)) % max(1, len(paragraphs) // 4)
        # Rotate the body but keep the reference list last, so markers still resolve.
        cut = next(
            (
                k
                for k, p in enumerate(paragraphs)
                if p.strip().startswith(("参考资料", "參考資料", "信息來源"))
            ),
            len(paragraphs),
        )
        body = paragraphs[:cut]
        body = body[turn:] + body[:turn]
        text = f"基准文章 {i:05d}：渐冻症研究进展汇编\n" + "\n".join(body + paragraphs[cut:])
        path = folder / f"bench_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        size += len(text.encode("utf-8"))
    return paths, size / 1e6


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def jieba_alone(texts: list[str]) -> float:
    """Seconds for jieba alone (default settings, one core) to segment ``texts``."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


def show(label: str, seconds: float, mb: float, articles: int | None = None) -> None:
    rate = f"  {articles / seconds:7.1f} articles/s" if articles else ""
    print(f"{label + ':':28s} {seconds:7.2f} s  {mb / seconds:6.2f} MB/s{rate}")


def ingest_once(folder: Path, db: Path, count: int, config: str | None) -> float:
    from flows.ingest import ingest

    start = time.perf_counter()
    summary = ingest([str(folder)], db=str(db), config=config)
    seconds = time.perf_counter() - start
    assert len(summary["new"]) == count and not summary["errors"], summary["errors"][:3]
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, default=1000, help="articles to build (default 1000, about 15 MB)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="ingests into a new corpus, each between two jieba-alone runs (default 3)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="extraction processes (default: config, one per core)",
    )
    args = parser.parse_args()

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    work = Path(tempfile.mkdtemp(prefix="alsingest-bench-"))
    os.environ.setdefault("PREFECT_HOME", str(work / "prefect"))
    folder = work / "articles"
    folder.mkdir()
    paths, mb = build_articles(folder, args.articles)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    print(f"{len(paths)} articles, {mb:.1f} MB in {folder}")

    config = None
    if args.workers:
        config = work / "bench.toml"
        config.write_text(f"[ingest]\nworkers = {args.workers}\n", encoding="utf-8")
        config = str(config)

    from flows import ad_hoc_runs
    from flows.ingest import ingest

    with ad_hoc_runs():  # flow runs as `alsingest ingest` makes them (no deployment heartbeats)
        start = time.perf_counter()
        seed = str(ROOT / "seeds" / "000_10f194e9a782d43d.txt")
        ingest([seed], db=str(work / "warmup.db"), config=config)
        warmup_s = time.perf_counter() - start
        print(f"Prefect start-up (warm-up):  {warmup_s:7.2f} s  (not counted below)")

        # The machine's speed drifts (a shared virtual machine): every ingest is measured
        # between two jieba-alone runs and compared with their mean.
        jieba_runs = [jieba_alone(texts)]
        show("jieba alone (one core)", jieba_runs[-1], mb)
        ingest_runs = []
        for k in range(args.repeat):
            db = work / f"corpus{k}.db"
            ingest_runs.append(ingest_once(folder, db, len(paths), config))
            show("ingest flow", ingest_runs[-1], mb, len(paths))
            jieba_runs.append(jieba_alone(texts))
            show("jieba alone (one core)", jieba_runs[-1], mb)

        start = time.perf_counter()
        second = ingest([str(folder)], db=str(db), config=config)
        second_s = time.perf_counter() - start
        assert len(second["unchanged"]) == len(paths), second
    print(f"unchanged re-run:            {second_s:7.2f} s")

    ratios = [
        ingest_s / ((jieba_runs[k] + jieba_runs[k + 1]) / 2)
        for k, ingest_s in enumerate(ingest_runs)
    ]
    first_s = statistics.median(ingest_runs)
    results = {
        "articles": len(paths),
        "mb": round(mb, 2),
        "repeat": args.repeat,
        "jieba_s": [round(x, 2) for x in jieba_runs],
        "ingest_s": [round(x, 2) for x in ingest_runs],
        "ingest_over_jieba_runs": [round(x, 3) for x in ratios],
        "ingest_over_jieba": round(statistics.median(ratios), 3),
        "rerun_s": round(second_s, 2),
        "rerun_over_first": round(second_s / ingest_runs[-1], 3),
        "prefect_startup_s": round(warmup_s, 2),
        "articles_per_s": round(len(paths) / first_s, 1),
        "mb_per_s": round(mb / first_s, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "cpus": os.cpu_count(),
    }
    print(
        f"ingest / jieba = {results['ingest_over_jieba']:.2f}, median of "
        f"{', '.join(f'{r:.2f}' for r in ratios)} (target <= 1.0); "
        f"re-run / first = {results['rerun_over_first']:.3f} (target <= 0.05); "
        f"peak RSS {results['peak_rss_mb']:.0f} MB (target <= 1536)"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
