"""Checks the hand-annotated dev gold (dev_*.jsonl) against its articles and config/therapies.json.
Run: python3 tests/dev/check_gold.py  (exit 1 on any error; warnings list quotes that hold no alias, e.g. 该药/該療法)."""

import glob
import json
import os
import re
import sys
from pathlib import Path

D = os.path.dirname(os.path.abspath(__file__))
lex = json.loads(Path(D, "..", "..", "config", "therapies.json").read_text(encoding="utf-8"))
NEW = {"dazucorilant"}
KEYS = [
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
err = 0
warn = 0


def E(*a):
    global err
    err += 1
    print("ERROR", *a)


def W(*a):
    global warn
    warn += 1
    print("warn ", *a)


def ref_list(text):
    # independent parse: find the reference block lines of the form [n]URL / [n] URL / n. URL / n. title
    out = {}
    for line in text.splitlines():
        m = re.fullmatch(r"\s*(?:\[(\d+)\]|(\d+)\.)\s*(.*?)\s*", line)
        if not m:
            continue
        n = int(m.group(1) or m.group(2))
        rest = m.group(3)
        urls = re.findall(r"https?://\S+", rest)
        if rest.startswith("http"):
            out[n] = urls[0]
    return out


def markers(text):
    nums = set()
    for m in re.finditer(r"\[(\d+(?:\s*[,，–-]\s*\d+)*)\]", text):
        for part in re.split(r"\s*[,，]\s*", m.group(1)):
            if re.search(r"[–-]", part):
                a, b = map(int, re.split(r"\s*[–-]\s*", part))
                nums.update(range(a, b + 1))
            else:
                nums.add(int(part))
    return nums


def norm(s):
    return re.sub(r"\s+", "", s).lower()


total = {}
for gf in sorted(glob.glob(D + "/*.jsonl")):
    art = os.path.basename(gf)[:-6]
    ap = os.path.join(D, art)
    if not os.path.exists(ap):
        E(gf, "no article")
        continue
    text = Path(ap).read_text(encoding="utf-8")
    L = len(text)
    if not 2500 <= L <= 6000:
        E(art, "length", L)
    urls = ref_list(text)
    mk = markers(text)
    lines = Path(gf).read_text(encoding="utf-8").splitlines()
    total[art] = len(lines)
    for i, line in enumerate(lines, 1):
        try:
            o = json.loads(line)
        except Exception as e:
            E(art, i, "json", e)
            continue
        if list(o.keys()) != KEYS:
            E(art, i, "keys", list(o.keys()))
        if o["article"] != art:
            E(art, i, "article field", o["article"])
        q = o["quote"]
        if q not in text:
            E(art, i, "quote not substring", repr(q))
        if len(q) > 120:
            E(art, i, "quote too long", len(q))
        th = o["therapy"]
        if th not in lex and th not in NEW:
            E(art, i, "therapy id not in lexicon", th)
        if th in lex and not any(norm(a) in norm(q) for a in lex[th] + [th]):
            W(art, i, th, "no alias in quote:", q[:60])
        if o["type"] not in TYPES:
            E(art, i, "type", o["type"])
        d = o["date"]
        if d is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d):
            E(art, i, "date", d)
        if (d is None) != (o["date_text"] is None):
            E(art, i, "date/date_text mismatch")
        if o["date_text"] is not None and norm(o["date_text"]) not in norm(text):
            E(art, i, "date_text not in text", o["date_text"])
        if (
            d
            and o["date_text"]
            and d[:4] not in o["date_text"]
            and not re.search(r"同年|次年|^\d+月", o["date_text"])
        ):
            W(art, i, "date_text lacks year", o["date_text"])
        ph = o["phase"]
        if ph is not None and not re.fullmatch(r"\d[ab]?(/\d[ab]?)?", ph):
            E(art, i, "phase", ph)
        n = o["enrollment"]
        if n is not None and (not isinstance(n, int) or isinstance(n, bool)):
            E(art, i, "enrollment", n)
        if o["status"] not in ("reported", "planned"):
            E(art, i, "status", o["status"])
        refs = o["refs"]
        if not isinstance(refs, list) or not all(
            isinstance(r, int) and not isinstance(r, bool) for r in refs
        ):
            E(art, i, "refs", refs)
        else:
            for r in refs:
                if r not in mk:
                    E(art, i, "ref marker not in article", r)
            exp = [urls[r] for r in refs if r in urls]
            if o["ref_urls"] != exp:
                E(art, i, "ref_urls", o["ref_urls"], "expected", exp)
            for u in o["ref_urls"]:
                if u not in text:
                    E(art, i, "url not in text", u)
    if art == "dev_006_negative.txt" and len(lines) > 2:
        E(art, "negative has >2 claims")
print(total, "sum", sum(total.values()))
print("errors", err, "warnings", warn)
sys.exit(1 if err else 0)
