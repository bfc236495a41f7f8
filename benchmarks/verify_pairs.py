"""Score the verifier on a labelled set of claim–source pairs: accuracy and a confusion table.

    python benchmarks/verify_pairs.py PAIRS.jsonl            # accuracy and confusion table
    python benchmarks/verify_pairs.py PAIRS.jsonl --show     # and every pair judged wrongly
    python benchmarks/verify_pairs.py PAIRS.jsonl --json     # the scores as JSON

One JSON object a line: ``{"claim": ..., "source_file": ..., "verdict": ...}``.

- ``claim``: the claim's fields as ``export claims`` gives them (``therapy`` required; ``type``,
  ``date``, ``phase``, ``enrollment``, ``outcome``, ``status``, ``unlisted`` as stated), or the
  claim's sentence as a string, extracted here as the pipeline would (``therapy`` beside it picks
  one claim when the sentence makes several; ``published`` dates an article's relative dates).
- ``source_file``: the saved source, relative to PAIRS.jsonl (HTML, PDF or text, read like
  ``alsingest attach``; a registry record — ClinicalTrials.gov API v2 JSON, a ChiCTR page — when
  ``trial_id`` names it).
- ``verdict``: the label: supported | partial | contradicted | not_found | unavailable.

A pair whose claim cannot be extracted or whose source cannot be read is judged ``error``.

Claims copied from gold lines name therapies the lexicon lacks by the gold's ids ("tbn");
like a gold set, the pair set declares them in ``_meta/new_therapies.json`` beside
PAIRS.jsonl, and the verifier (never the extractor) looks for their names in the sources.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from alsingest.config import load_config  # noqa: E402
from alsingest.documents import UnsupportedContent, extract_document  # noqa: E402
from alsingest.lexicon import Lexicon  # noqa: E402
from alsingest.pipeline import Toolkit, process_article  # noqa: E402
from alsingest.readers import read_article  # noqa: E402
from alsingest.registries import RegistryError, parse_record, render, verify_record  # noqa: E402
from alsingest.sources import ATTACH_TYPES  # noqa: E402
from alsingest.verify import VERDICT_ORDER, Source, verify_claim  # noqa: E402

ERROR = "error"
LABELS = (*VERDICT_ORDER, ERROR)


class PairError(ValueError):
    """A pair that cannot be judged: no claim in its sentence, an unreadable source."""


def claim_of(pair: Mapping, toolkit: Toolkit) -> dict:
    """The pair's claim as verify reads it: given as fields, or extracted from its sentence."""
    claim = pair["claim"]
    if isinstance(claim, Mapping):
        if not claim.get("therapy"):
            raise PairError("the claim names no therapy")
        canonical = toolkit.lexicon.canonical(str(claim["therapy"]))
        return {**claim, "therapy": canonical or claim["therapy"]}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claim.txt"
        path.write_text(str(claim) + "\n", encoding="utf-8")
        result = process_article(read_article(path, 10**6, pair.get("published")), toolkit)
    claims = result.claims
    wanted = pair.get("therapy")
    if wanted:
        wanted = toolkit.lexicon.canonical(wanted) or wanted
        claims = [c for c in claims if c.therapy == wanted]
    if not claims:
        raise PairError(f"no claim extracted from {str(claim)[:60]!r}")
    c = claims[0]
    return {
        "therapy": c.therapy,
        "unlisted": c.unlisted,
        "type": c.type,
        "date": c.date,
        "phase": c.phase,
        "enrollment": c.enrollment,
        "outcome": c.outcome,
        "status": c.status,
    }


def declared_lexicon(pairs_file: Path, lexicon: Lexicon) -> Lexicon:
    """The lexicon with the therapies the pair set declares beyond it (``_meta/new_therapies.json``):
    new ids, and new names of listed ones ("CBD Oil" for cannabidiol), as a gold set's are."""
    path = pairs_file.parent / "_meta" / "new_therapies.json"
    if not path.exists():
        return lexicon
    declared = json.loads(path.read_text(encoding="utf-8"))
    entries = {t: list(names) for t, names in lexicon.entries.items()}
    changed = False
    for therapy, names in declared.items():
        new = [n for n in names if lexicon.canonical(n) is None]
        if new or therapy not in entries:
            entries.setdefault(therapy, [])
            entries[therapy] += new
            changed = True
    return Lexicon(entries) if changed else lexicon


def judge(
    pair: Mapping, base: Path, toolkit: Toolkit, lexicon: Lexicon | None = None
) -> tuple[str, str]:
    """``(verdict, reason)`` of the verifier on one pair; ``lexicon`` is the verifier's."""
    claim = claim_of(pair, toolkit)
    path = base / pair["source_file"]
    try:
        body = path.read_bytes()
    except OSError as e:
        raise PairError(f"{path}: cannot read ({e.strerror or e})") from None
    if pair.get("trial_id"):
        try:
            record = parse_record(pair["trial_id"], body)
        except RegistryError as e:
            raise PairError(str(e)) from None
        verdict = verify_record(claim, record, render(record))
        return verdict.verdict, verdict.reason
    try:
        document = extract_document(body, ATTACH_TYPES.get(path.suffix.lower()), None)
    except UnsupportedContent as e:
        raise PairError(f"{path}: {e.reason}") from None
    source = Source(document.text, toolkit.converter, published=pair.get("source_published"))
    verdict = verify_claim(claim, source, lexicon or toolkit.lexicon)
    return verdict.verdict, verdict.reason


def score(pairs_file: Path, toolkit: Toolkit) -> dict:
    """Judge every pair; accuracy, the confusion counts (label -> verdict -> n) and the misses."""
    confusion: dict[str, Counter[str]] = {}
    misses = []
    lines = pairs_file.read_text(encoding="utf-8").splitlines()
    pairs = [json.loads(line) for line in lines if line.strip()]
    lexicon = declared_lexicon(pairs_file, toolkit.lexicon)
    for n, pair in enumerate(pairs, start=1):
        try:
            verdict, reason = judge(pair, pairs_file.parent, toolkit, lexicon)
        except PairError as e:
            verdict, reason = ERROR, str(e)
        label = pair["verdict"]
        confusion.setdefault(label, Counter())[verdict] += 1
        if verdict != label:
            misses.append({"pair": n, "label": label, "verdict": verdict, "reason": reason})
    right = sum(counts[label] for label, counts in confusion.items())
    return {
        "pairs": len(pairs),
        "correct": right,
        "accuracy": round(right / len(pairs), 3) if pairs else 0.0,
        "confusion": {label: dict(counts) for label, counts in confusion.items()},
        "misses": misses,
    }


def confusion_table(confusion: Mapping[str, Mapping[str, int]]) -> str:
    """Rows: the labels; columns: the verifier's verdicts."""
    used = [v for v in LABELS if any(v in row for row in confusion.values())]
    rows = [v for v in LABELS if v in confusion] + sorted(set(confusion) - set(LABELS))
    width = max(len(v) for v in [*used, *rows, "label \\ verdict"])
    head = "label \\ verdict".ljust(width) + "".join(f"  {v:>12}" for v in used)
    body = [
        label.ljust(width) + "".join(f"  {confusion[label].get(v, 0):>12}" for v in used)
        for label in rows
    ]
    return "\n".join([head, *body])


def main(argv: list[str] | None = None) -> int:
    # Output that pipes: `verify_pairs.py PAIRS | head` ends quietly when head has read enough.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs", type=Path, help="JSON lines: {claim, source_file, verdict}")
    parser.add_argument("--config", help="alsingest config file (lexicon)")
    parser.add_argument("--show", action="store_true", help="print every pair judged wrongly")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    toolkit = Toolkit.build(load_config(args.config))
    result = score(args.pairs, toolkit)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"accuracy {result['accuracy']:.3f} ({result['correct']}/{result['pairs']} pairs)")
    print(confusion_table(result["confusion"]))
    if args.show:
        for miss in result["misses"]:
            print(
                f"pair {miss['pair']}: {miss['label']} judged {miss['verdict']}: {miss['reason']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
