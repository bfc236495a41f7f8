"""Drug names written in Japanese katakana or Korean hangul, read by their sounds.

A Latin drug name and its katakana or hangul transcription keep the same consonants in the same
order ("edaravone" / エダラボン / 에다라본: d r v n), once sounds either script does not tell
apart are one class: k and g; t and d; p, b, f and v; s, z, j and ch; r and l. ``spelled``
reads katakana or hangul so, vowels kept, and ``latin_spelled`` gives the forms a Latin name may
take (a "di" may be written ジ, an "r" before a consonant may be dropped, as "tofersen" is 토퍼센).
The consonants (``consonants``) pick the candidates; the vowels decide (``alike``: "ボストン" has
fisetin's consonants, not its vowels).
"""

from __future__ import annotations

import itertools
import re
from difflib import SequenceMatcher

from .normalize import is_hangul

# Katakana: each character's consonant class and vowel ("" for none).
_KANA_ROWS = {
    "": "アイウエオ",
    "K": "カキクケコガギグゲゴ",
    "S": "サシスセソザジズゼゾ",
    "T": "タチツテトダヂヅデド",
    "N": "ナニヌネノ",
    "H": "ハヒ_ヘホ",
    "P": "バビブベボパピプペポ",
    "M": "マミムメモ",
    "Y": "ヤ_ユ_ヨ",
    "R": "ラリルレロ",
    "W": "ワ___ヲ",
}
_KANA: dict[str, tuple[str, str]] = {}
for _cls, _chars in _KANA_ROWS.items():
    for _i, _ch in enumerate(_chars):
        if _ch != "_":
            _KANA[_ch] = ("" if _cls in ("H", "Y", "W") else _cls, "aiueo"[_i % 5])
_KANA.update({"フ": ("P", "u"), "ヴ": ("P", "u"), "ン": ("N", "")})
_SMALL_VOWEL = {
    "ァ": "a",
    "ィ": "i",
    "ゥ": "u",
    "ェ": "e",
    "ォ": "o",
    "ャ": "a",
    "ュ": "u",
    "ョ": "o",
}
KATAKANA_RUN = re.compile(r"[ァ-ヺー・]{3,}")
HANGUL_RUN = re.compile(r"[가-힣]{2,}(?:-[가-힣]+)*")  # (a brand's suffix: "뉴로나타-알주")
# Korean particles a name can carry ("리루졸과", "에다라본은"): tried off the end of a run.
_PARTICLES = ("으로", "과", "와", "은", "는", "이", "가", "을", "를", "의", "에", "로", "도")

# Hangul: initial and final consonants of a syllable by their index in Unicode's order ("_" a
# silent one; a final ㅅ is a t in loanwords: 라디컷 "Radicut"), and the vowel of each medial
# (ㅡ, the vowel Korean adds between consonants, none).
_INITIALS = "KKNTTRMPPSS_SSSKTP_"
_FINAL_CLASSES = ",K,K,KS,N,NS,N,T,R,RK,RM,RP,RS,RT,RP,R,M,P,PS,T,S,N,S,S,K,T,P,"
_FINALS = _FINAL_CLASSES.split(",")
_MEDIALS = "aeaeeeeeoaeeouoeiu_ii"

MIN_CONSONANTS = 3
# How alike the spellings must be: more for a name of three consonants than of four or more.
LIKENESS = 0.84
SHORT_LIKENESS = 0.85


def _hangul(word: str) -> list[tuple[str, str]]:
    """(initial, vowel and final) per syllable; a final ㄹ before an initial ㄹ is one l
    ("멜라토닌", melatonin)."""
    units: list[tuple[str, str]] = []
    for ch in word:
        code = ord(ch) - 0xAC00
        initial = _INITIALS[code // 588].strip("_")
        if initial == "R" and units and units[-1][1].endswith("R"):
            initial = ""
        units.append((initial, _MEDIALS[(code % 588) // 28].strip("_") + _FINALS[code % 28]))
    return units


def _kana(word: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    for ch in word:
        if ch in _SMALL_VOWEL and units:
            units[-1] = (units[-1][0], _SMALL_VOWEL[ch])
        elif ch == "ー" and units:
            units.append(("", units[-1][1][-1:]))
        elif ch in _KANA:
            units.append(_KANA[ch])
    return units


def spelled(word: str) -> str:
    """A katakana or hangul word as consonant classes (capitals) and vowels: "エダラボン" →
    "eTaRaPoN"."""
    units = _hangul(word) if is_hangul(word[:1]) else _kana(word)
    return re.sub(r"([aeiou])\1+", r"\1", "".join(c + v for c, v in units))  # ("ー": one vowel)


def consonants(form: str) -> str:
    """The consonant classes of a spelled form ("eTaRaPoN" → "TRPN")."""
    return re.sub(r"[a-z]", "", form)


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


def latin_spelled(name: str) -> set[str]:
    """The forms a Latin name may be transcribed in, as consonant classes and vowels ("y" an
    "i"; at most ``MAX_FORMS``): "edaravone" → {"eTaRaPoNe"}."""
    word = re.sub(r"(.)\1", r"\1", name.lower())  # "ll", "nn": one sound
    choices: list[list[str]] = []
    i = 0
    while i < len(word):
        ch, nxt = word[i], word[i + 1 : i + 2]
        if ch in _VOWEL:
            choices.append(["i" if ch == "y" else ch])
            i += 1
            continue
        sound = next((pair for pair in _LATIN if word.startswith(pair[0], i)), None)
        if sound is None:
            i += 1  # h, w
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
    return {"".join(p) for p in itertools.islice(itertools.product(*choices), MAX_FORMS)}


def alike(written: str, form: str) -> float:
    """How alike two spelled forms are, 0 to 1."""
    return SequenceMatcher(None, written, form, autojunk=False).ratio()
