"""Normalise for matching, quote from the original.

Traditional→simplified conversion (OpenCC) is made length-preserving, so an
offset into the simplified text is the same offset into the original: the
offset map of this stage is the identity, by construction (checked by tests).
Views that do change length — a sentence with PDF line breaks removed — carry
an explicit map back to the original (:class:`MappedText`).
"""

from __future__ import annotations

import logging
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import product
from pathlib import Path

import opencc

from . import patterns

logger = logging.getLogger(__name__)

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
MIXED = "mixed"

# Full-width ASCII forms and the ideographic space map one-to-one to ASCII;
# ASCII capitals to lower case. Used for matching only, never for storage.
FOLD_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
FOLD_TABLE[0x3000] = 0x20
FOLD_TABLE.update({cp: cp + 32 for cp in range(ord("A"), ord("Z") + 1)})
# Full-width capitals fold to lower-case ASCII in one step.
FOLD_TABLE.update({cp: cp - 0xFEE0 + 32 for cp in range(0xFF21, 0xFF3B)})

# Chinese characters: CJK Unified Ideographs, Extension A and the compatibility block.
CJK_CHARACTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK_CHARACTERS}]")


_FOLDABLE = re.compile("[A-Z\uff01-\uff5e\u3000]")


def fold(text: str) -> str:
    """Full-width to half-width and ASCII lower case; same length as ``text``."""
    # Most sentences have nothing to fold, and looking is cheaper than translating.
    return text.translate(FOLD_TABLE) if _FOLDABLE.search(text) else text


def is_cjk(ch: str) -> bool:
    return bool(ch) and CJK_RE.match(ch) is not None


def is_kana(ch: str) -> bool:
    """Whether ``ch`` is Japanese hiragana or katakana."""
    return "\u3040" <= ch <= "\u30ff"


def is_hangul(ch: str) -> bool:
    """Whether ``ch`` is a Korean hangul syllable."""
    return "\uac00" <= ch <= "\ud7a3"


class Converter:
    """OpenCC converters, created once (each costs a few milliseconds to load)."""

    def __init__(self) -> None:
        self.t2s = opencc.OpenCC("t2s.json")
        self.s2t = opencc.OpenCC("s2t.json")

    def detect_script(self, text: str, sample: int = 20000) -> str:
        """``traditional``, ``simplified`` or ``mixed``, from characters that only one script uses.

        Text with no distinguishing characters (English, numbers) counts as simplified:
        it needs no conversion.
        """
        head = text[:sample]
        to_simplified = self.t2s.convert(head)
        if to_simplified == head:
            return SIMPLIFIED  # no traditional-only character (the common case)
        to_traditional = self.s2t.convert(head)
        traditional_only = _count_changed(head, to_simplified)
        simplified_only = _count_changed(head, to_traditional)
        total = traditional_only + simplified_only
        if total == 0 or traditional_only / total <= 0.2:
            return SIMPLIFIED
        if traditional_only / total >= 0.8:
            return TRADITIONAL
        return MIXED

    @cached_property
    def _traditional_characters(self) -> dict[int, str]:
        # One OpenCC call over every character, one a line, so no phrase rule joins two.
        characters = [chr(c) for c in range(0x3400, 0xA000)]
        converted = self.s2t.convert("\n".join(characters)).split("\n")
        if len(converted) != len(characters):
            return {}
        return {
            ord(a): b for a, b in zip(characters, converted, strict=True) if a != b and len(b) == 1
        }

    def to_traditional_characters(self, text: str) -> str:
        """``text`` with each simplified character in its usual traditional form: character by
        character (no phrase rules: 头发 gives 頭發, not 頭髮), for the search index, where it
        must be cheap."""
        return text.translate(self._traditional_characters)

    def to_simplified(self, text: str, script: str) -> str:
        """Simplified text of the same length as ``text``."""
        if script == SIMPLIFIED:
            return text
        out = []
        for line in text.splitlines(keepends=True):
            converted = self.t2s.convert(line)
            if len(converted) != len(line):
                # A phrase rule changed the length: fall back to character by character.
                converted = "".join(_same_length(self.t2s.convert(ch), ch) for ch in line)
            out.append(converted)
        return "".join(out)

    def simplified_span(self, text: str, script: str, start: int, end: int) -> str:
        """``to_simplified(text, script)[start:end]``, converting only the lines it spans
        (conversion goes line by line)."""
        if script == SIMPLIFIED:
            return text[start:end]
        first = max(text.rfind(ch, 0, start) for ch in LINE_BREAKS) + 1
        last = min((at for ch in LINE_BREAKS if (at := text.find(ch, end)) >= 0), default=None)
        lines = text[first : None if last is None else last + 1]
        return self.to_simplified(lines, script)[start - first : end - first]


@cache
def traditional_sources() -> dict[str, str]:
    """Simplified character -> every other character t2s conversion can turn into it
    (``t2s_sources.tsv``, from OpenCC's own dictionaries by ``scripts/opencc_sources.py``)."""
    path = Path(__file__).with_name("t2s_sources.tsv")
    return dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())


def traditional_forms(needle: str, limit: int = 16) -> list[str]:
    """Strings one of which a text must hold where its simplified conversion holds ``needle``
    (conversion keeps offsets, and each character comes from one): every form of the
    longest start of ``needle`` that has at most ``limit`` forms. A filter, not a match."""
    sources = traditional_sources()
    choices: list[str] = []
    count = 1
    for ch in needle:
        options = ch + sources.get(ch, "")
        if choices and count * len(options) > limit:
            break
        choices.append(options)
        count *= len(options)
    return ["".join(form) for form in product(*choices)]


# What str.splitlines splits at: to_simplified converts each line on its own.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _same_length(converted: str, original: str) -> str:
    return converted if len(converted) == len(original) else original


def _count_changed(a: str, b: str) -> int:
    if len(a) != len(b):
        return sum(1 for ch in a if ch not in b)
    return sum(map(operator.ne, a, b))


@dataclass(frozen=True)
class MappedText:
    """A view of ``original[start:end]`` whose characters each come from one original offset."""

    text: str
    offsets: Sequence[int]  # offsets[i] = original offset of text[i]; len(text) + 1 entries

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering view characters ``start:end``."""
        if end <= start:
            at = self.offsets[start]
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1

    @cached_property
    def folded(self) -> str:
        return fold(self.text)


def drop_glosses(view: MappedText) -> MappedText:
    """The view without pinyin glosses ("治療(liáo)" → "治療"), each character keeping its offset,
    so that "間充質(zhì)干細(xì)胞" reads as the name it is; quotes still come from the original."""
    if not patterns.TONED.search(view.text) or not patterns.PINYIN_GLOSS.search(view.text):
        return view
    keep = [True] * len(view.text)
    for m in patterns.PINYIN_GLOSS.finditer(view.text):
        keep[m.start() : m.end()] = [False] * (m.end() - m.start())
    text = "".join(ch for ch, k in zip(view.text, keep, strict=True) if k)
    offsets = [o for o, k in zip(view.offsets, keep, strict=False) if k]
    offsets.append(view.offsets[len(view.text)])
    return MappedText(text, tuple(offsets))


LINE_BREAK_RUN = re.compile(r"[ \t\u3000]*\n[\s\u3000]*")


def join_lines(text: str, base: int = 0) -> MappedText:
    """Remove line breaks that a PDF or a narrow editor put inside a sentence.

    A break between two CJK characters disappears; any other break becomes one
    space. Offsets are relative to the document when ``base`` is the slice's start.
    """
    if "\n" not in text:
        return MappedText(text, range(base, base + len(text) + 1))  # the identity, shifted
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in LINE_BREAK_RUN.finditer(text):
        pieces.append(text[pos : m.start()])
        offsets.extend(range(base + pos, base + m.start()))
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before and after and not (is_cjk(before) and is_cjk(after)):
            pieces.append(" ")
            offsets.append(base + m.start())
        pos = m.end()
    pieces.append(text[pos:])
    offsets.extend(range(base + pos, base + len(text)))
    offsets.append(base + len(text))
    return MappedText("".join(pieces), tuple(offsets))
