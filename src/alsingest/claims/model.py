"""The records the stages pass along: mentions, attributes, drafts and finished claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..normalize import MappedText
from ..structure import Sentence

EXTRACTOR_VERSION = "4"


TOPIC_REACH = 8  # sentences a therapy stays the topic without being named again (same section)


QUOTE_MAX = 120


CLAIM_TYPES = (
    "approval",
    "launch",
    "trial_start",
    "trial_design",
    "trial_result",
    "submission",
    "dosing",
    "withdrawal",
    "other",
)


@dataclass(frozen=True)
class TherapyMention:
    start: int  # in the sentence view
    end: int
    therapy: str
    unlisted: bool = False
    rule: str = "lexicon"  # how it was found: the lexicon, a recogniser pattern, a description


@dataclass(frozen=True)
class Claim:
    sentence: int
    start: int  # original offsets of the quote
    end: int
    therapy: str
    unlisted: bool
    type: str
    date: str | None
    date_text: str | None
    phase: str | None
    enrollment: int | None
    design: tuple[str, ...]
    outcome: str | None  # met | missed | met_primary | missed_primary | None
    status: str  # "reported" | "planned"
    refs: tuple[int, ...]
    ref_urls: tuple[str, ...]
    claim_id: str
    # Which rule gave each field: (field, rule) pairs, for `alsingest claims --explain`.
    provenance: tuple[tuple[str, str], ...] = ()


@dataclass
class Attribute:
    kind: str  # date | phase | enrollment | design | outcome | withdrawal
    start: int
    end: int
    value: object
    text: str = ""
    rule: str = ""  # the pattern or rule that found it


@dataclass
class Draft:
    sentence: int
    therapy: str
    unlisted: bool
    attributes: list[Attribute]
    anchor: tuple[int, int]  # view span the quote must hold
    via_topic: bool
    how: str = "named in the sentence"  # how the therapy was found for this sentence
    refs: set[int] = field(default_factory=set)
    ref_rules: dict[int, str] = field(default_factory=dict)  # ref -> the linking rule that gave it

    def cite(self, refs: set[int], rule: str) -> None:
        """Add ``refs``, each with the first rule that gave it."""
        for n in sorted(refs):
            self.ref_rules.setdefault(n, rule)
        self.refs |= refs


@dataclass(frozen=True)
class SentenceInput:
    sentence: Sentence
    view: MappedText  # simplified sentence, line breaks joined
    mentions: tuple[TherapyMention, ...]  # lexicon mentions in view offsets
    words: tuple[str, ...] = ()  # the segmenter's words of the view, in order
