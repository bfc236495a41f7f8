#!/usr/bin/env python3
"""Self-check for the hold-out gold set (stand-alone; does not import the extractor).

Checks every <article>.jsonl next to its article:
  * each line parses and has exactly the guide's fields with sane types/values
  * quote is an exact substring of the article and <= 120 chars
  * refs are ints, each ref number is cited somewhere in the article body,
    and ref_urls equal the URLs listed for those refs in the article's reference list
  * therapy id is in config/therapies.json or in new_therapies.json (proposed additions),
    and at least one alias of it occurs in the article text
"""

import json
import re
import sys
import unicodedata
from pathlib import Path

META = Path(__file__).resolve().parent
HERE = META.parent  # tests/holdout
LEXICON = HERE.parent.parent / "config" / "therapies.json"
FIELDS = [
    "article",
    "quote",
    "therapy",
    "type",
    "date",
    "date_text",
    "phase",
    "enrollment",
    "status",
    "refs",
    "ref_urls",
]
TYPES = {
    "approval",
    "launch",
    "trial_start",
    "trial_design",
    "trial_result",
    "submission",
    "dosing",
    "withdrawal",
    "other",
}
PHASES = {None, "1", "1/2", "1/2a", "2", "2/3", "3", "3b"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
URL_RE = re.compile(r"https?://[^\s<>\"'）)]+(?:\([^\s)]*\)[^\s<>\"'）)]*)*")


def ref_list(text):
    """[n] -> list of URLs, from lines that start with [n] (the reference list)."""
    out = {}
    for line in text.splitlines():
        m = re.match(r"^\s*\[(\d+)\]\s*(.*)$", line)
        if m:
            out[int(m.group(1))] = re.findall(r"https?://\S+", m.group(2))
    return out


def cited_numbers(text):
    """All numbers cited by in-text markers like [3], [4,5], [6–8] (reference-list lines excluded)."""
    nums = set()
    for line in text.splitlines():
        if re.match(r"^\s*\[\d+\]", line):
            continue
        for m in re.finditer(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]", line):
            for part in m.group(1).split(","):
                part = part.strip()
                if re.match(r"^\d+\s*[–-]\s*\d+$", part):
                    a, b = [int(x) for x in re.split(r"[–-]", part)]
                    nums.update(range(a, b + 1))
                else:
                    nums.add(int(part))
    return nums


def norm(s):
    return unicodedata.normalize("NFKC", s).lower()


def main():
    lex = json.loads(LEXICON.read_text(encoding="utf-8"))
    extra_path = META / "new_therapies.json"
    extra = json.loads(extra_path.read_text(encoding="utf-8")) if extra_path.exists() else {}
    aliases = {k: set(v) | {k} for k, v in lex.items()}
    for k, v in extra.items():
        aliases.setdefault(k, set()).update(v + [k])

    errors, total = [], 0
    for gold in sorted(HERE.glob("*.jsonl")):
        art_name = gold.name[: -len(".jsonl")]
        art = HERE / art_name
        if not art.exists():
            errors.append(f"{gold.name}: article {art_name} missing")
            continue
        text = art.read_text(encoding="utf-8")
        n = len(text)
        if not 2000 <= n <= 5000:
            errors.append(f"{art_name}: length {n} outside 2000-5000")
        refs_map = ref_list(text)
        cited = cited_numbers(text)
        ntext = norm(text)
        for i, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{gold.name}:{i}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: JSON error {e}")
                continue
            total += 1
            if list(rec.keys()) != FIELDS:
                errors.append(f"{where}: fields {list(rec.keys())}")
            if rec.get("article") != art_name:
                errors.append(f"{where}: article field {rec.get('article')!r}")
            q = rec.get("quote")
            if not isinstance(q, str) or q not in text:
                errors.append(f"{where}: quote not an exact substring: {q!r}")
            elif len(q) > 120:
                errors.append(f"{where}: quote longer than 120 chars ({len(q)})")
            th = rec.get("therapy")
            if th not in aliases:
                errors.append(f"{where}: therapy {th!r} not in lexicon or new_therapies.json")
            elif not any(norm(a) in ntext for a in aliases[th]):
                errors.append(f"{where}: no alias of {th!r} occurs in the article")
            if rec.get("type") not in TYPES:
                errors.append(f"{where}: bad type {rec.get('type')!r}")
            d = rec.get("date")
            if d is not None and not (isinstance(d, str) and DATE_RE.match(d)):
                errors.append(f"{where}: bad date {d!r}")
            if (d is None) != (rec.get("date_text") is None):
                errors.append(f"{where}: date/date_text mismatch")
            if rec.get("date_text") is not None and rec["date_text"] not in text:
                errors.append(f"{where}: date_text not in article: {rec['date_text']!r}")
            if rec.get("phase") not in PHASES:
                errors.append(f"{where}: bad phase {rec.get('phase')!r}")
            e = rec.get("enrollment")
            if e is not None and (not isinstance(e, int) or isinstance(e, bool) or e <= 0):
                errors.append(f"{where}: bad enrollment {e!r}")
            if rec.get("status") not in {"reported", "planned"}:
                errors.append(f"{where}: bad status {rec.get('status')!r}")
            refs = rec.get("refs")
            if not isinstance(refs, list) or not all(
                isinstance(r, int) and not isinstance(r, bool) for r in refs
            ):
                errors.append(f"{where}: refs must be a list of ints: {refs!r}")
                continue
            want = []
            for r in refs:
                if r not in refs_map:
                    errors.append(f"{where}: ref [{r}] not in the article's reference list")
                if r not in cited:
                    errors.append(f"{where}: ref [{r}] never cited in the article body")
                want += refs_map.get(r, [])
            if rec.get("ref_urls") != want:
                errors.append(f"{where}: ref_urls {rec.get('ref_urls')!r} != list URLs {want!r}")
            for u in rec.get("ref_urls") or []:
                if u not in text:
                    errors.append(f"{where}: URL not verbatim in article: {u}")
    for e in errors:
        print("ERROR", e)
    print(
        f"checked {total} claims in {len(list(HERE.glob('*.jsonl')))} files; {len(errors)} error(s)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
