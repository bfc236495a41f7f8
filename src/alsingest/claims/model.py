"""The records the stages pass along: mentions, attributes, drafts and finished claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..normalize import MappedText
from ..structure import Sentence

EXTRACTOR_VERSION = "2"


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


@dataclass
class Attribute:
    kind: str  # date | phase | enrollment | design | outcome | withdrawal
    start: int
    end: int
    value: object
    text: str = ""


@dataclass
class Draft:
    sentence: int
    therapy: str
    unlisted: bool
    attributes: list[Attribute]
    anchor: tuple[int, int]  # view span the quote must hold
    via_topic: bool
    refs: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class SentenceInput:
    sentence: Sentence
    view: MappedText  # simplified sentence, line breaks joined
    mentions: tuple[TherapyMention, ...]  # lexicon mentions in view offsets
    words: tuple[str, ...] = ()  # the segmenter's words of the view, in order
