"""Score every gold set in one process (no Prefect): the loop for working on the extractor.

    python benchmarks/eval_sets.py                 # every open set, one line each
    python benchmarks/eval_sets.py --misses real-dev   # and that set's missed / spurious facts
    python benchmarks/eval_sets.py --sealed        # also the spent sealed sets (test … test8)
    python benchmarks/eval_sets.py --final         # a fresh sealed set, once, at the end (none now)

The spent sealed sets (tests/real/test … test5) are scored only with --sealed: each was scored
once, sealed (tests/real/SCORES.md); later scores on them are post hoc, not unseen-text scores.
A fresh sealed set is listed in FRESH and scored only with --final, which prints its score and
nothing of its misses; once that score is written down it moves to SPENT.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from alsingest import queries, store  # noqa: E402
from alsingest.config import load_config  # noqa: E402
from alsingest.evaluate import KINDS, evaluate, gold_aliases, load_gold  # noqa: E402
from alsingest.pipeline import Toolkit, ingest_files  # noqa: E402

SEALED = "real-test"
SEALED2 = "real-test2"  # collected after the first sealed set was spent
SEALED3 = "real-test3"  # collected after the second; scored once in session 4
SEALED4 = "real-test4"  # collected in session 5, scored once at its end
SEALED5 = "real-test5"  # collected in session 6, scored once at its end (0.865)
SEALED6 = "real-test6"  # collected in session 7, scored once at its end (0.771)
SEALED7 = "real-test7"  # collected late in session 7, scored once at its end (0.862)
SEALED8 = "real-test8"  # collected in session 8, scored once at its end (0.792)
SEALED9 = "real-test9"  # collected in session 9, scored once at its end (0.753)
SEALED10 = "real-test10"  # collected in session 10, scored once at its end (0.781)
SEALED11 = "real-test11"  # collected in session 11, scored once at its end (0.827)
SEALED12 = "real-test12"  # collected in session 12, scored once at its end (0.789)
SEALED13 = "real-test13"  # collected in session 13, scored once at its end (0.744)
SEALED14 = "real-test14"  # collected in session 14, scored once at its end (0.820)
SEALED15 = "real-test15"  # collected at the end of session 14, scored once in session 15 (0.773)
SEALED16 = "real-test16"  # collected in session 15, scored once in session 16 (0.884)
SEALED17 = "real-test17"  # collected in session 16, scored once in session 17 (0.836)
SEALED18 = "real-test18"  # collected in session 17, scored once in session 18 (0.836)
SEALED19 = "real-test19"  # collected in session 18, scored once in session 19 (0.860)
SEALED20 = "real-test20"  # collected in session 19, scored once in session 20 (0.792)
SEALED21 = "real-test21"  # collected in session 20, scored once in session 21 (0.756)
SEALED22 = "real-test22"  # collected in session 21, scored once in session 22 (0.678)
SEALED23 = "real-test23"  # collected in session 22, scored once in session 23 (0.750)
SEALED24 = "real-test24"  # collected in session 23, scored once in session 24 (0.737)
SEALED25 = "real-test25"  # collected in session 24, scored once at its end (0.706)
SEALED26 = "real-test26"  # collected at the end of session 24, scored once in session 25
SEALED27 = "real-test27"  # collected in session 25, scored once in session 26 (0.722)
SEALED28 = "real-test28"  # collected in session 26, to be scored once in session 27
SPENT = (
    SEALED,
    SEALED2,
    SEALED3,
    SEALED4,
    SEALED5,
    SEALED6,
    SEALED7,
    SEALED8,
    SEALED9,
    SEALED10,
    SEALED11,
    SEALED12,
    SEALED13,
    SEALED14,
    SEALED15,
    SEALED16,
    SEALED17,
    SEALED18,
    SEALED19,
    SEALED20,
    SEALED21,
    SEALED22,
    SEALED23,
    SEALED24,
    SEALED25,
    SEALED26,
    SEALED27,
)
# a fresh sealed set goes here until its single score is written down
FRESH: tuple[str, ...] = (SEALED28,)


def gold_sets() -> dict[str, tuple[list[Path], Path]]:
    """name -> (article paths, gold folder)."""
    tests = ROOT / "tests"

    def beside(folder: Path) -> tuple[list[Path], Path]:
        articles = sorted(
            p
            for p in (folder.iterdir() if folder.is_dir() else ())
            if p.is_file() and p.suffix in (".txt", ".md", ".html")
        )
        return articles, folder

    return {
        "seeds": ([ROOT / "seeds"], tests / "gold"),
        "dev": beside(tests / "dev"),
        "holdout": beside(tests / "holdout"),
        "blind": beside(tests / "blind"),
        "real-dev": beside(tests / "real" / "dev"),
        "real-dev2": beside(tests / "real" / "dev2"),
        "real-dev3": beside(tests / "real" / "dev3"),
        "real-dev4": beside(tests / "real" / "dev4"),
        "real-dev5": beside(tests / "real" / "dev5"),
        "real-dev6": beside(tests / "real" / "dev6"),
        "real-dev7": beside(tests / "real" / "dev7"),
        "real-dev8": beside(tests / "real" / "dev8"),
        "real-dev9": beside(tests / "real" / "dev9"),
        "real-dev10": beside(tests / "real" / "dev10"),
        "real-dev11": beside(tests / "real" / "dev11"),
        "real-dev12": beside(tests / "real" / "dev12"),
        "real-dev13": beside(tests / "real" / "dev13"),
        "real-dev14": beside(tests / "real" / "dev14"),
        "real-dev15": beside(tests / "real" / "dev15"),
        "real-dev16": beside(tests / "real" / "dev16"),
        "real-dev17": beside(tests / "real" / "dev17"),
        "real-dev18": beside(tests / "real" / "dev18"),
        "real-dev19": beside(tests / "real" / "dev19"),
        "real-dev20": beside(tests / "real" / "dev20"),
        "real-dev21": beside(tests / "real" / "dev21"),
        "real-dev22": beside(tests / "real" / "dev22"),
        "real-dev23": beside(tests / "real" / "dev23"),
        "real-dev24": beside(tests / "real" / "dev24"),
        "real-dev25": beside(tests / "real" / "dev25"),
        "real-dev26": beside(tests / "real" / "dev26"),
        "real-dev27": beside(tests / "real" / "dev27"),
        "real-dev28": beside(tests / "real" / "dev28"),
        "real-dev29": beside(tests / "real" / "dev29"),
        "real-dev30": beside(tests / "real" / "dev30"),
        "real-dev31": beside(tests / "real" / "dev31"),
        "real-dev32": beside(tests / "real" / "dev32"),
        "real-dev33": beside(tests / "real" / "dev33"),
        "real-dev34": beside(tests / "real" / "dev34"),
        "real-dev35": beside(tests / "real" / "dev35"),
        "real-dev36": beside(tests / "real" / "dev36"),
        "real-dev37": beside(tests / "real" / "dev37"),
        "real-dev38": beside(tests / "real" / "dev38"),
        "real-dev39": beside(tests / "real" / "dev39"),
        "real-dev40": beside(tests / "real" / "dev40"),
        "real-dev41": beside(tests / "real" / "dev41"),
        "real-dev42": beside(tests / "real" / "dev42"),
        "real-dev43": beside(tests / "real" / "dev43"),
        "real-dev44": beside(tests / "real" / "dev44"),
        "real-dev45": beside(tests / "real" / "dev45"),
        "real-dev46": beside(tests / "real" / "dev46"),
        "real-dev47": beside(tests / "real" / "dev47"),
        "real-dev48": beside(tests / "real" / "dev48"),
        "real-dev49": beside(tests / "real" / "dev49"),
        "real-dev50": beside(tests / "real" / "dev50"),
        "real-dev51": beside(tests / "real" / "dev51"),
        SEALED: beside(tests / "real" / "test"),
        SEALED2: beside(tests / "real" / "test2"),
        SEALED3: beside(tests / "real" / "test3"),
        SEALED4: beside(tests / "real" / "test4"),
        SEALED5: beside(tests / "real" / "test5"),
        SEALED6: beside(tests / "real" / "test6"),
        SEALED7: beside(tests / "real" / "test7"),
        SEALED8: beside(tests / "real" / "test8"),
        SEALED9: beside(tests / "real" / "test9"),
        SEALED10: beside(tests / "real" / "test10"),
        SEALED11: beside(tests / "real" / "test11"),
        SEALED12: beside(tests / "real" / "test12"),
        SEALED13: beside(tests / "real" / "test13"),
        SEALED14: beside(tests / "real" / "test14"),
        SEALED15: beside(tests / "real" / "test15"),
        SEALED16: beside(tests / "real" / "test16"),
        SEALED17: beside(tests / "real" / "test17"),
        SEALED18: beside(tests / "real" / "test18"),
        SEALED19: beside(tests / "real" / "test19"),
        SEALED20: beside(tests / "real" / "test20"),
        SEALED21: beside(tests / "real" / "test21"),
        SEALED22: beside(tests / "real" / "test22"),
        SEALED23: beside(tests / "real" / "test23"),
        SEALED24: beside(tests / "real" / "test24"),
        SEALED25: beside(tests / "real" / "test25"),
        SEALED26: beside(tests / "real" / "test26"),
        SEALED27: beside(tests / "real" / "test27"),
        SEALED28: beside(tests / "real" / "test28"),
    }


def score(name: str, toolkit: Toolkit):
    paths, gold_dir = gold_sets()[name]
    db = store.open_db(":memory:")
    report = ingest_files(db, paths, toolkit)
    if report.errors:
        raise SystemExit(f"{name}: {report.errors}")
    return evaluate(
        load_gold(gold_dir), queries.export_claims(db), toolkit.lexicon, gold_aliases(gold_dir)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names (default: every open set)")
    parser.add_argument("--misses", action="append", default=[], help="list this set's misses")
    parser.add_argument(
        "--sealed",
        action="store_true",
        help="also score the spent sealed sets (test, test2, test3)",
    )
    parser.add_argument(
        "--final",
        action="store_true",
        help="score the fresh sealed set alone, without its misses: once, at the end",
    )
    args = parser.parse_args()
    available = gold_sets()
    sealed = (*SPENT, *FRESH)
    if set(args.sets) & set(FRESH) and not args.final:
        parser.error(f"{', '.join(FRESH)} is sealed: score it once with --final")
    if args.final and not FRESH:
        parser.error("no fresh sealed set: every sealed set is spent (collect a new one first)")
    if args.final and args.misses:
        parser.error("--final prints no misses: the sealed set's misses are read after its score")
    names = args.sets or [n for n in available if n not in sealed and available[n][1].is_dir()]
    if args.final:
        names = list(FRESH)
    if args.sealed:
        names.extend(SPENT)
    names = list(dict.fromkeys(names))
    toolkit = Toolkit.build(load_config())
    print(f"{'set':10} " + " ".join(f"{k:>6}" for k in (*KINDS, "micro")) + "     P      R")
    for name in names:
        result = score(name, toolkit)
        f1 = [result.kinds[k].f1 for k in KINDS] + [result.micro.f1]
        micro = result.micro
        print(
            f"{name:10} "
            + " ".join(f"{v:6.3f}" for v in f1)
            + f" {micro.precision:6.3f} {micro.recall:6.3f}"
        )
        if name in args.misses:
            for label, listing in (("missed", result.missed), ("spurious", result.spurious)):
                for kind, items in listing.items():
                    for item in items:
                        print(f"  {label:8} {kind:2} " + " | ".join(map(str, item)))


if __name__ == "__main__":
    main()
