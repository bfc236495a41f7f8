"""Score extracted claims against gold JSONL files, by the annotation guide's rule.

Claims are compared as sets of atomic facts per article, so splitting or merging
claim rows does not change the score:

- T  = (article, therapy)             every claim
- TD = (article, therapy, date)       claims with a date
- TP = (article, therapy, phase)      claims with a phase
- TN = (article, therapy, enrollment) claims with an enrollment
- TR = (article, therapy, ref number) one per cited ref
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .claims import normalize_phase
from .lexicon import Lexicon, name_key

logger = logging.getLogger(__name__)

KINDS = ("T", "TD", "TP", "TN", "TR")


class GoldError(ValueError):
    pass


def load_gold(folder: str | Path) -> list[dict]:
    """Every claim of every ``*.jsonl`` file under ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder of gold .jsonl files")
    rows = []
    files = sorted(folder.rglob("*.jsonl"))
    if not files:
        raise GoldError(f"{folder}: no .jsonl files")
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise GoldError(f"{path}:{number}: not JSON ({e.msg})") from None
            if "article" not in row or "therapy" not in row:
                raise GoldError(f"{path}:{number}: needs at least 'article' and 'therapy'")
            rows.append(row)
    return rows


def gold_aliases(folder: str | Path) -> dict[str, str]:
    """Aliases of the therapies a gold set declares beyond the lexicon (``_meta/new_therapies.json``).

    The scoring rule maps names to ids through the gold's alias table: a therapy the lexicon
    does not know, found by the name recogniser under another spelling ("XS-228", "脂肪干细胞"),
    is the id its annotator gave it. The extractor never reads this table.
    """
    path = Path(folder) / "_meta" / "new_therapies.json"
    if not path.exists():
        return {}
    try:
        declared = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise GoldError(f"{path}: not JSON ({e.msg})") from None
    return {
        name_key(alias): therapy
        for therapy, names in declared.items()
        for alias in [therapy, *names]
    }


def facts(
    rows: Iterable[Mapping], lexicon: Lexicon, aliases: Mapping[str, str] | None = None
) -> dict[str, set[tuple]]:
    aliases = aliases or {}
    out: dict[str, set[tuple]] = {kind: set() for kind in KINDS}
    for row in rows:
        article = row["article"]
        key = name_key(row["therapy"])
        therapy = lexicon.canonical(row["therapy"]) or aliases.get(key) or key
        out["T"].add((article, therapy))
        if row.get("date"):
            out["TD"].add((article, therapy, str(row["date"])))
        if row.get("phase"):
            phase = normalize_phase(str(row["phase"])) or str(row["phase"]).lower()
            out["TP"].add((article, therapy, phase))
        if row.get("enrollment") not in (None, ""):
            out["TN"].add((article, therapy, int(row["enrollment"])))
        for ref in row.get("refs") or []:
            out["TR"].add((article, therapy, int(ref)))
    return out


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    kinds: dict[str, KindScore]
    missed: dict[str, list[tuple]] = field(default_factory=dict)
    spurious: dict[str, list[tuple]] = field(default_factory=dict)

    @property
    def micro(self) -> KindScore:
        total = KindScore()
        for score in self.kinds.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    def as_dict(self) -> dict:
        scores = {k: _round(v) for k, v in self.kinds.items()}
        scores["micro"] = _round(self.micro)
        return scores


def _round(score: KindScore) -> dict:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
    }


def evaluate(
    gold_rows: list[dict],
    predicted_rows: Iterable[Mapping],
    lexicon: Lexicon,
    aliases: Mapping[str, str] | None = None,
) -> Evaluation:
    """Score predictions for the articles the gold covers (``aliases``: see :func:`gold_aliases`)."""
    articles = {row["article"] for row in gold_rows}
    gold = facts(gold_rows, lexicon, aliases)
    predicted = facts((r for r in predicted_rows if r["article"] in articles), lexicon, aliases)
    result = Evaluation(kinds={})
    for kind in KINDS:
        g, p = gold[kind], predicted[kind]
        result.kinds[kind] = KindScore(tp=len(g & p), fp=len(p - g), fn=len(g - p))
        result.missed[kind] = sorted(g - p, key=str)
        result.spurious[kind] = sorted(p - g, key=str)
    return result
