"""Write ``src/alsingest/t2s_sources.tsv``: for each character OpenCC's t2s conversion can
produce from another, the characters it can come from.

Read from the installed OpenCC's own dictionaries (dumped with its ``opencc_dict`` tool): every
candidate of the character dictionaries, after the normalisation t2s applies first. Its phrase
dictionary maps no character to one its character entries do not (checked here), so a phrase
rule adds no source. ``tests/test_normalize.py`` checks the file against the installed OpenCC.

    python scripts/opencc_sources.py
"""

import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import opencc

SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
TOOL = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
TARGET = Path(__file__).resolve().parents[1] / "src" / "alsingest" / "t2s_sources.tsv"


def dictionary(name: str) -> dict[str, list[str]]:
    """One OpenCC dictionary: key -> candidates."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        subprocess.run(
            [
                str(TOOL),
                "-i",
                str(SHARE / f"{name}.ocd2"),
                "-o",
                str(out),
                "-f",
                "ocd2",
                "-t",
                "text",
            ],
            check=True,
        )
        lines = out.read_text(encoding="utf-8").splitlines()
    return {key: values.split(" ") for key, values in (line.split("\t") for line in lines if line)}


def sources() -> dict[str, str]:
    """Simplified character -> every other character t2s can turn into it."""
    normalise = dictionary("CJK_Compatibility_Ideographs")
    characters = {**dictionary("TSCharacters"), **dictionary("TSCharactersExt")}
    found: dict[str, set[str]] = defaultdict(set)
    for t in set(normalise) | set(characters):
        for n in normalise.get(t, [t]):
            for s in characters.get(n, [n]):
                if len(s) == len(t) == 1 and s != t:
                    found[s].add(t)
    for key, values in dictionary("TSPhrases").items():
        for value in values:
            if len(value) != len(key):
                sys.exit(f"phrase {key} -> {value} changes length")
            for t, s in zip(key, value, strict=True):
                if s != t and t not in found[s]:
                    sys.exit(f"phrase {key} -> {value}: {t} -> {s} is no character entry")
    return {s: "".join(sorted(ts)) for s, ts in sorted(found.items()) if ts}


def render(table: dict[str, str]) -> str:
    return "".join(f"{s}\t{ts}\n" for s, ts in table.items())


if __name__ == "__main__":
    TARGET.write_text(render(sources()), encoding="utf-8")
    print(f"wrote {TARGET}")
