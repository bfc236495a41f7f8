"""Stage 4, discourse: what makes a claim, and whose it is when the sentence names no therapy."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import patterns
from ..structure import TABLE_ROW, TABLE_RULE, Paragraph, Sentence
from .model import TOPIC_REACH, Attribute, SentenceInput


def is_claim(attributes: list[Attribute]) -> bool:
    return any(
        a.kind in ("date", "phase", "enrollment", "outcome", "withdrawal", "design")
        for a in attributes
    )


@dataclass(frozen=True)
class Topic:
    """The therapies last named: what a sentence that names none is about."""

    therapies: tuple[str, ...]
    sentence: int
    paragraph: int
    section: int
    from_heading: bool

    def carries_to(
        self,
        s: Sentence,
        section: int,
        view: str,
        masked: str,
        intro: set[int],
        first_in_paragraph: bool = False,
    ) -> bool:
        if section != self.section or s.index - self.sentence > TOPIC_REACH:
            return False
        if patterns.SUMMARY.match(view) or patterns.GENERIC_PLURAL.search(masked):
            return False
        if patterns.QUOTED_SPEECH.match(view):
            return False
        if s.paragraph == self.paragraph or self.from_heading:
            return True
        if s.paragraph == self.paragraph + 1 and first_in_paragraph:
            # The paragraph right after goes on with the same subject unless it names another.
            return True
        # A new paragraph goes on about the earlier therapy only when it says so.
        return bool(patterns.CONTINUATION.match(view)) or (s.paragraph - 1) in intro


def about_a_trial(attributes: list[Attribute]) -> bool:
    """A phase, a size or an outcome: a date alone ("5月19日举行电话会议") is no trial fact."""
    return any(a.kind in ("phase", "enrollment", "outcome") for a in attributes)


def speaks_of_many(view: str, masked: str) -> bool:
    return bool(
        patterns.SUMMARY.match(view)
        or patterns.GENERIC_PLURAL.search(masked)
        or patterns.QUOTED_SPEECH.match(view)
    )


def intro_paragraphs(
    paragraphs: Sequence[Paragraph], sentences: Sequence[SentenceInput]
) -> set[int]:
    """Paragraphs that introduce the next one: "NurOwn疗法的3b期试验布局:…", or ending in a colon."""
    first: dict[int, str] = {}
    last: dict[int, str] = {}
    for item in sentences:
        first.setdefault(item.sentence.paragraph, item.view.folded)
        last[item.sentence.paragraph] = item.view.folded
    return {
        p
        for p in first
        if re.match(r"^[^,。;:]{2,30}:", first[p]) or last[p].rstrip().endswith(":")
    }


def table_start(paragraphs: Sequence[Paragraph], index: int) -> int:
    while index > 0 and paragraphs[index - 1].kind in (TABLE_ROW, TABLE_RULE):
        index -= 1
    return index
