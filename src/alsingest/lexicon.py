"""The therapy lexicon: canonical ids and their aliases in every script and spelling.

Loaded once from ``config/therapies.json`` and passed to the stages that need it.
Matching runs on folded simplified text (see :func:`alsingest.normalize.fold`).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import opencc

from . import sounds
from .normalize import fold, is_cjk

logger = logging.getLogger(__name__)

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/·.®™©]+")
_T2S = opencc.OpenCC("t2s.json")
_ASCII_WORD = re.compile(r"[a-z0-9]")


# A word a listed name may be misspelt as: Latin letters only, seven or more (not an English
# word's ending: "creating", "creative" are no creatine).
LONG_WORD = re.compile(r"(?<![a-z0-9-])[a-z]{7,}(?![a-z0-9-])")
ENGLISH_ENDING = re.compile(
    r"(?:ing|ings|ive|ives|ed|ion|ions|ly|ness|ment|ments|able|ible|ity|ous|ful|ers|est|ism|ist|"
    r"ists|ance|ence|ary|ure|ures)$"
)


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Case, spaces, hyphens, ®/™ and script do not matter (the gold scoring rule)."""
    text = unicodedata.normalize("NFKC", name)
    return _SEPARATORS.sub("", fold(_T2S.convert(text))).strip()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    therapy: str
    alias: str


class LexiconError(ValueError):
    pass


# A lowercase letter then a capitalised word: two words glued where cells met ("minocyclineSponsor").
# A degree after a name, before another one ("MD, MSc"): what follows it is a degree too.
DEGREE = re.compile(r"\b(?:MD|PhD|DO|MPH|MBA|BSc|MA|MS|RN|PharmD|FRCP\w*)\s*,")
DEGREE_BEFORE = re.compile(DEGREE.pattern + r"\s*$")
GLUED_WORDS = re.compile(r"[a-z](?=[A-Z][a-z])")
_OPTIONAL_SEPARATORS = r"[\s\-‐‑–—_/·.]*"
_JOINER = r"[\s\-‐‑–—]?"
_ASCII_END = r"(?![a-z0-9])"
_CJK_END = ""


def _alias_units(alias: str) -> list[str]:
    """Regex units of one alias: separators optional wherever it has one or letters meet digits.

    The last unit closes the alias: a word boundary after an ASCII letter or digit ("epo"
    is not in "epoch"), nothing after a Chinese character.
    """
    alias = fold(_T2S.convert(unicodedata.normalize("NFKC", alias))).strip()
    units: list[str] = []
    previous = ""
    for ch in alias:
        if _SEPARATORS.fullmatch(ch):
            if units and units[-1] != _OPTIONAL_SEPARATORS:
                units.append(_OPTIONAL_SEPARATORS)
            previous = ""
            continue
        if previous and (
            (previous.isalpha() and ch.isdigit())
            or (previous.isdigit() and ch.isalpha())
            or (is_cjk(previous) != is_cjk(ch))
        ):
            units.append(_JOINER)
        units.append(re.escape(ch))
        previous = ch
    units.append(_ASCII_END if alias[-1:].isascii() and alias[-1:].isalnum() else _CJK_END)
    return units


def _unit_order(unit: str) -> int:
    """Try what consumes text first, optional separators next, the end of an alias last."""
    if unit in (_ASCII_END, _CJK_END):
        return 2
    return 1 if unit in (_OPTIONAL_SEPARATORS, _JOINER) else 0


def trie_regex(sequences: list[list[str]]) -> str:
    """One regex for many aliases, shaped as a trie: a text position is rejected at its
    first character instead of once per alias, and the longest alias wins."""
    root: dict = {}
    for units in sequences:
        node = root
        for unit in units:
            node = node.setdefault(unit, {})

    def emit(node: dict) -> str:
        branches = [
            unit + emit(child)
            for unit, child in sorted(node.items(), key=lambda kv: (_unit_order(kv[0]), kv[0]))
        ]
        if not branches:
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)


class Lexicon:
    """Canonical therapy ids with aliases; finds mentions in folded simplified text."""

    def __init__(self, entries: Mapping[str, Sequence[str]]):
        self.entries: dict[str, tuple[str, ...]] = {}
        self._by_key: dict[str, str] = {}
        self._misspelt: dict[str, str | None] = {}  # words looked up already
        # (alias, first therapy, second therapy): the alias is kept for the first only.
        self.alias_conflicts: list[tuple[str, str, str]] = []
        for therapy, aliases in entries.items():
            if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", therapy):
                raise LexiconError(
                    f"therapy id {therapy!r} must be lowercase letters, digits, hyphens"
                )
            names = tuple(dict.fromkeys([therapy, *aliases]))
            self.entries[therapy] = names
            for name in names:
                key = name_key(name)
                if not key:
                    continue
                other = self._by_key.get(key)
                if other is not None and other != therapy:
                    logger.warning("alias %r is listed for both %s and %s", name, other, therapy)
                    self.alias_conflicts.append((name, other, therapy))
                    continue
                self._by_key[key] = therapy
        # An alias listed twice matches for the therapy that listed it first: the match is
        # mapped back to its therapy through the same key.
        self._regex = re.compile(
            trie_regex(
                [
                    _alias_units(name)
                    for names in self.entries.values()
                    for name in names
                    if name_key(name)
                ]
            )
        )

    @cached_property
    def combinations(self) -> dict[str, str]:
        """Part id -> the one fixed combination it is a part of, read from aliases that join two
        or more listed therapies ("sodium phenylbutyrate and taurursodiol" makes
        sodium-phenylbutyrate and taurursodiol parts of amx0035). A part of two is left out."""
        found: dict[str, set[str]] = {}
        for therapy, names in self.entries.items():
            for name in names:
                pieces = re.split(r"\s+and\s+|\s*[/+]\s*|\s*和\s*", name)
                parts = [self.canonical(p) for p in pieces if p.strip()]
                if len(parts) >= 2 and all(p and p != therapy for p in parts):
                    for part in parts:
                        found.setdefault(part, set()).add(therapy)
        return {part: next(iter(c)) for part, c in found.items() if len(c) == 1}

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise LexiconError(f"{path}: lexicon file not found") from None
        except json.JSONDecodeError as e:
            raise LexiconError(f"{path}: not valid JSON ({e})") from None
        if not isinstance(data, dict):
            raise LexiconError(f"{path}: expected an object of therapy id -> list of aliases")
        return cls(data)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, therapy: str) -> bool:
        return therapy in self.entries

    def canonical(self, name: str) -> str | None:
        """The therapy id for any alias, in any case, script or hyphenation."""
        return self._by_key.get(name_key(name))

    @cached_property
    def _long_names(self) -> list[tuple[str, str]]:
        """(therapy, alias) for each Latin alias of 7+ letters, lower case."""
        return [
            (therapy, name.lower())
            for therapy, names in self.entries.items()
            for name in names
            if LONG_WORD.fullmatch(name.lower())
        ]

    @cached_property
    def _one_off(self) -> dict[str, str]:
        """Each long Latin alias, and each with one letter left out -> its therapy (a form
        shared by two therapies is left out)."""
        found: dict[str, set[str]] = {}
        for therapy, word in self._long_names:
            for form in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
                found.setdefault(form, set()).add(therapy)
        return {form: next(iter(t)) for form, t in found.items() if len(t) == 1}

    @cached_property
    def long_name_starts(self) -> frozenset[str]:
        """The first three letters of each long Latin alias: a misspelt name keeps them."""
        return frozenset(word[:3] for _, word in self._long_names)

    def starts_as_a_long_name(self, word: str) -> bool:
        """Whether ``word`` (lower case) begins as a long Latin alias does, or does once a letter
        added among its first letters is gone ("agrimoclomol"): the words ``misspelt`` may take."""
        starts = self.long_name_starts
        return word[:3] in starts or word[0] + word[2:4] in starts or word[:2] + word[3:4] in starts

    def misspelt(self, word: str) -> str | None:
        """The therapy a long Latin word (8+ letters) names with one letter added, left out or
        changed ("priodopidine", "toferson", "Relyviro"), else None; a listed name is not one.
        (Not a word of seven letters: "celebre" is no Celebrex, "Prostin" no prosetin.)"""
        if word in self._misspelt:
            return self._misspelt[word]
        found: set[str] = set()
        if (
            len(word) >= 8
            and LONG_WORD.fullmatch(word)
            and not ENGLISH_ENDING.search(word)
            and self.canonical(word) is None
        ):
            index = self._one_off
            # (each candidate with the word as it reads once the added letter is gone)
            candidates = {(index[word], word)} if word in index else set()
            for i in range(len(word)):
                shorter = word[:i] + word[i + 1 :]
                if shorter in index:
                    candidates.add((index[shorter], shorter))
            # Misspelt names keep their first letters ("priodopidine", "agrimoclomol" once its
            # added "g" is gone): not "creating" for creatine.
            found = {
                t
                for t, read in candidates
                if any(n.lower()[:3] in (word[:3], read[:3]) for n in self.entries[t])
            }
        self._misspelt[word] = result = found.pop() if len(found) == 1 else None
        return result

    @cached_property
    def _by_sound(self) -> dict[str, list[tuple[str, str]]]:
        """Consonant skeleton (``sounds``) -> (therapy, spelled form) of each one-word Latin
        alias that may be transcribed with it."""
        found: dict[str, list[tuple[str, str]]] = {}
        for therapy, names in self.entries.items():
            for name in names:
                if re.fullmatch(r"[a-z]{4,}", name.lower()):
                    for form in sounds.latin_spelled(name):
                        bare = sounds.consonants(form)
                        if len(bare) >= sounds.MIN_CONSONANTS:
                            found.setdefault(bare, []).append((therapy, form))
        return found

    def by_sound(self, word: str) -> str | None:
        """The therapy a katakana or hangul word transcribes ("エダラボン", "리루졸"): one whose
        Latin name has its consonants and is spelled alike (``sounds.alike``), else None."""
        written = sounds.spelled(word)  # (once, for every candidate)
        bare = sounds.consonants(written)
        need = sounds.LIKENESS if len(bare) > sounds.MIN_CONSONANTS else sounds.SHORT_LIKENESS
        alike = {
            therapy
            for therapy, form in self._by_sound.get(bare, ())
            if sounds.alike(written, form) >= need
        }
        return alike.pop() if len(alike) == 1 else None

    def terms(self) -> Iterable[str]:
        """Every alias as written in the lexicon, simplified."""
        for names in self.entries.values():
            for name in names:
                yield _T2S.convert(name)

    def find(self, folded: str, original: str | None = None) -> list[Mention]:
        """Non-overlapping therapy mentions in folded simplified text, longest first.

        With the ``original`` text (same length), a name glued to the next word by a case
        change is found too: table cells run together ("Drug: minocyclineSponsor: NINDS").
        """
        mentions = self._find(folded)
        if original is not None and original != folded and GLUED_WORDS.search(original):
            mentions = self._glued(folded, original, mentions)
        if original is not None and mentions and DEGREE.search(original):
            # "Merit Cudkowicz, MD, MSc, of …": a degree in a list of degrees, not the cells
            mentions = [
                m
                for m in mentions
                if not DEGREE_BEFORE.search(original, max(0, m.start - 12), m.start)
            ]
        return mentions

    def _glued(self, folded: str, original: str, mentions: list[Mention]) -> list[Mention]:
        found = list(mentions)
        for boundary in GLUED_WORDS.finditer(original):
            end = boundary.start() + 1
            if any(m.start < end <= m.end for m in found):
                continue
            head = folded[:end]
            for m in self._find(head[max(0, end - 60) :]):
                start = m.start + max(0, end - 60)
                if start + len(m.alias) == end and not any(
                    x.start < end and start < x.end for x in found
                ):
                    found.append(Mention(start, end, m.therapy, m.alias))
        return sorted(found, key=lambda m: m.start)

    def _find(self, folded: str) -> list[Mention]:
        mentions = []
        position = 0
        while (m := self._regex.search(folded, position)) is not None:
            start = m.start()
            # An ASCII alias must start a word: "epo" is not in "depot". Checked here, not in
            # the regex, so that the regex keeps its fast first-character scan.
            if (
                start
                and folded[start].isascii()
                and folded[start].isalnum()
                and _ASCII_WORD.match(folded[start - 1])
            ):
                position = start + 1
                continue
            therapy = self._by_key.get(name_key(m.group()))
            if therapy is not None:
                mentions.append(Mention(start, m.end(), therapy, m.group()))
            position = max(m.end(), start + 1)
        return mentions
