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
from pathlib import Path

import opencc

from .normalize import fold, is_cjk

logger = logging.getLogger(__name__)

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/·.®™©]+")
_T2S = opencc.OpenCC("t2s.json")


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


def _alias_pattern(alias: str) -> str:
    """Regex for one alias: separators optional wherever the alias has one or letters meet digits."""
    alias = fold(_T2S.convert(unicodedata.normalize("NFKC", alias))).strip()
    parts: list[str] = []
    previous = ""
    for ch in alias:
        if _SEPARATORS.fullmatch(ch):
            if parts and parts[-1] != r"[\s\-‐‑–—_/·.]*":
                parts.append(r"[\s\-‐‑–—_/·.]*")
            previous = ""
            continue
        if previous and (
            (previous.isalpha() and ch.isdigit())
            or (previous.isdigit() and ch.isalpha())
            or (is_cjk(previous) != is_cjk(ch))
        ):
            parts.append(r"[\s\-‐‑–—]?")
        parts.append(re.escape(ch))
        previous = ch
    body = "".join(parts)
    # ASCII edges need word boundaries ("epo" is not in "depot"); CJK edges do not.
    if alias[:1].isascii() and alias[:1].isalnum():
        body = r"(?<![a-z0-9])" + body
    if alias[-1:].isascii() and alias[-1:].isalnum():
        body = body + r"(?![a-z0-9])"
    return body


class Lexicon:
    """Canonical therapy ids with aliases; finds mentions in folded simplified text."""

    def __init__(self, entries: Mapping[str, Sequence[str]]):
        self.entries: dict[str, tuple[str, ...]] = {}
        self._by_key: dict[str, str] = {}
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
        patterns: dict[str, tuple[int, str]] = {}
        for therapy, names in self.entries.items():
            for name in names:
                # An alias listed twice matches for the therapy that listed it first.
                if name_key(name) and self._by_key.get(name_key(name)) == therapy:
                    patterns[_alias_pattern(name)] = (len(name_key(name)), therapy)
        # Longest alias first so that "托夫生注射液" wins over "托夫生".
        ordered = sorted(patterns, key=lambda p: patterns[p][0], reverse=True)
        self._group_therapy = [patterns[p][1] for p in ordered]
        self._regex = re.compile("|".join(f"({p})" for p in ordered))

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

    def terms(self) -> Iterable[str]:
        """Every alias as written in the lexicon, simplified."""
        for names in self.entries.values():
            for name in names:
                yield _T2S.convert(name)

    def find(self, folded: str) -> list[Mention]:
        """Non-overlapping therapy mentions in folded simplified text, longest first."""
        mentions = []
        for m in self._regex.finditer(folded):
            therapy = self._group_therapy[m.lastindex - 1]
            mentions.append(Mention(m.start(), m.end(), therapy, m.group()))
        return mentions
