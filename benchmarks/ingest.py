"""Ingest speed against its floor, jieba alone, measured in one run.

Builds N distinct articles from the seeds (each with a unique title line and its
paragraphs in a rotated order), then measures:

1. jieba alone segmenting the same text on one core (default settings) — the floor;
2. the full ``ingest`` flow into a new corpus (Prefect without a server; the
   ephemeral server is started by a warm-up run first and reported apart);
3. a second ``ingest`` of the unchanged corpus.

Targets (issue 6): ingest ≤ 1.0 × jieba alone; re-run ≤ 5 % of the first; peak RSS ≤ 1.5 GB.
Prints articles/s, MB/s, both ratios and peak RSS; writes benchmarks/results/ingest.json.

    python benchmarks/ingest.py --articles 1000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def run_flows(work: Path, folder: Path, count: int, config: str | None) -> tuple[float, float, float]:
    """Seconds for the warm-up run, the first ingest and the unchanged re-run."""
    from flows.ingest import ingest

    start = time.perf_counter()
    ingest(
        [str(ROOT / "seeds" / "000_10f194e9a782d43d.txt")],
        db=str(work / "warmup.db"),
        config=config,
    )
    warmup_s = time.perf_counter() - start
    print(f"Prefect start-up (warm-up):  {warmup_s:7.2f} s  (not counted below)")

    db = str(work / "corpus.db")
    start = time.perf_counter()
    first = ingest([str(folder)], db=db, config=config)
    first_s = time.perf_counter() - start
    assert len(first["new"]) == count and not first["errors"], first["errors"][:3]

    start = time.perf_counter()
    second = ingest([str(folder)], db=db, config=config)
    second_s = time.perf_counter() - start
    assert len(second["unchanged"]) == count, second
    return warmup_s, first_s, second_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, default=1000, help="articles to build (default 1000, about 15 MB)"
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

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    jieba_s = time.perf_counter() - start
    print(f"jieba alone (one core):      {jieba_s:7.2f} s  {mb / jieba_s:6.2f} MB/s")

    from flows import ad_hoc_runs

    config = None
    if args.workers:
        config = work / "bench.toml"
        config.write_text(f"[ingest]\nworkers = {args.workers}\n", encoding="utf-8")
        config = str(config)
    with ad_hoc_runs():  # flow runs as `alsingest ingest` makes them (no deployment heartbeats)
        warmup_s, first_s, second_s = run_flows(work, folder, len(paths), config)
    print(
        f"ingest flow:                 {first_s:7.2f} s  {mb / first_s:6.2f} MB/s  {len(paths) / first_s:7.1f} articles/s"
    )
    print(f"unchanged re-run:            {second_s:7.2f} s")

    results = {
        "articles": len(paths),
        "mb": round(mb, 2),
        "jieba_s": round(jieba_s, 2),
        "ingest_s": round(first_s, 2),
        "rerun_s": round(second_s, 2),
        "prefect_startup_s": round(warmup_s, 2),
        "ingest_over_jieba": round(first_s / jieba_s, 3),
        "rerun_over_first": round(second_s / first_s, 3),
        "articles_per_s": round(len(paths) / first_s, 1),
        "mb_per_s": round(mb / first_s, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "cpus": os.cpu_count(),
    }
    print(
        f"ingest / jieba = {results['ingest_over_jieba']:.2f} (target <= 1.0); "
        f"re-run / first = {results['rerun_over_first']:.3f} (target <= 0.05); "
        f"peak RSS {results['peak_rss_mb']:.0f} MB (target <= 1536)"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
