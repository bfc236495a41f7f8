"""Drug names written in Japanese katakana or Korean hangul, read by their consonants.

A Latin drug name and its katakana or hangul transcription keep the same consonants in the same
order ("edaravone" / エダラボン / 에다라본: d r v n), once sounds either script does not tell
apart are one class: k and g; t and d; p, b, f and v; s, z, j and ch; r and l. Vowels, h, w and
y are left out. ``skeleton`` reads katakana or hangul so; ``latin_skeletons`` gives the forms a
Latin name may take (a "di" may be written ジ, an "r" before a consonant may be dropped, as
"tofersen" is 토퍼센).
"""

from __future__ import annotations

import itertools
import re

# Katakana: the consonant class of each character ("" for vowels, h, y, w and marks).
_KANA_CLASSES = {
    "K": "カキクケコガギグゲゴ",
    "S": "サシスセソザジズゼゾヂヅ",
    "T": "タチツテトダデド",
    "N": "ナニヌネノン",
    "P": "フバビブベボパピプペポヴ",
    "M": "マミムメモ",
    "R": "ラリルレロ",
}
_KANA = {ch: cls for cls, chars in _KANA_CLASSES.items() for ch in chars}
KATAKANA_RUN = re.compile(r"[ァ-ヺー・]{3,}")
HANGUL_RUN = re.compile(r"[가-힣]{2,}(?:-[가-힣]+)*")  # (a brand's suffix: "뉴로나타-알주")
# Korean particles a name can carry ("리루졸과", "에다라본은"): tried off the end of a run.
_PARTICLES = ("으로", "과", "와", "은", "는", "이", "가", "을", "를", "의", "에", "로", "도")

# Hangul: initial and final consonants of a syllable by their index in Unicode's order.
# (one character each; "_" a silent one)
_INITIALS = "KKNTTRMPPSS_SSSKTP_"
# (the final consonants, each one or two classes, comma-separated)
_FINALS = ",K,K,KS,N,NS,N,T,R,RK,RM,RP,RS,RT,RP,R,M,P,PS,S,S,N,S,S,K,T,P,".split(",")  # noqa: SIM905

MIN_CONSONANTS = 4


def _hangul(word: str) -> str:
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        out.append(_INITIALS[code // 588].strip("_") + _FINALS[code % 28])
    return "".join(out)


def skeleton(word: str) -> str:
    """The consonant classes of a katakana or hangul word, in order."""
    if "가" <= word[:1] <= "힣":
        return _hangul(word)
    return "".join(_KANA.get(ch, "") for ch in word)


def hangul_stems(run: str) -> list[str]:
    """A hangul run, and the run without a particle at its end."""
    stems = [run]
    for particle in _PARTICLES:
        if run.endswith(particle) and len(run) > len(particle) + 1:
            stems.append(run[: -len(particle)])
    return stems


# Latin letters and digraphs -> their classes; a list gives the forms a sound may be written in.
_LATIN = [
    ("ph", ["P"]),
    ("th", ["T"]),
    ("ch", ["K", "S"]),
    ("sh", ["S"]),
    ("qu", ["K"]),
    ("ck", ["K"]),
    ("x", ["KS"]),
    ("c", None),  # before e, i, y an s; else a k
    ("g", None),  # before e, i, y a k or an s
    ("d", None),  # before i a t or an s (ジ)
    ("r", None),  # before a consonant or at the end, kept or dropped (토퍼센, トファーセン)
    ("m", None),  # before b or p, an n (ン) or an m
    ("b", ["P"]),
    ("f", ["P"]),
    ("p", ["P"]),
    ("v", ["P"]),
    ("k", ["K"]),
    ("q", ["K"]),
    ("t", ["T"]),
    ("s", ["S"]),
    ("z", ["S"]),
    ("j", ["S"]),
    ("l", ["R"]),
    ("n", ["N"]),
]
_VOWEL = set("aeiouy")
MAX_FORMS = 16


def latin_skeletons(name: str) -> set[str]:
    """The consonant skeletons a Latin name may be transcribed with (at most ``MAX_FORMS``)."""
    word = re.sub(r"(.)\1", r"\1", name.lower())  # "ll", "nn": one sound
    choices: list[list[str]] = []
    i = 0
    while i < len(word):
        ch, nxt = word[i], word[i + 1 : i + 2]
        sound = next((pair for pair in _LATIN if word.startswith(pair[0], i)), None)
        if sound is None:
            i += 1  # vowels, h, w
            continue
        letters, classes = sound
        if classes is None:
            if ch == "c":
                classes = ["S"] if nxt in ("e", "i", "y") else ["K"]
            elif ch == "g":
                classes = ["K", "S"] if nxt in ("e", "i", "y") else ["K"]
            elif ch == "d":
                classes = ["T", "S"] if nxt == "i" else ["T"]
            elif ch == "r":
                classes = ["R"] if nxt in _VOWEL else ["R", ""]
            else:  # m
                classes = ["M", "N"] if nxt in ("b", "p") else ["M"]
        choices.append(classes)
        i += len(letters)
    forms = set()
    for picked in itertools.islice(itertools.product(*choices), MAX_FORMS):
        forms.add("".join(picked))
    return forms
