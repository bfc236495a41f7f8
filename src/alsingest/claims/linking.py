"""Stage 5, citation linking by the annotation guide: which markers cite which claim."""

from __future__ import annotations

import re

from ..references import Marker
from ..structure import HEADING, Sentence
from .mentions import view_position
from .model import Draft, SentenceInput, TherapyMention


def sentence_refs(draft: Draft, item: SentenceInput, markers: list[Marker]) -> set[int]:
    """Markers of the sentence: one right after a therapy name cites that therapy only."""
    refs: set[int] = set()
    for marker in markers:
        at = view_position(item.view, marker.start)
        owner = _mention_right_before(item, at)
        if owner is None or owner.therapy == draft.therapy:
            refs.add(marker.n)
    return refs


def _mention_right_before(item: SentenceInput, position: int) -> TherapyMention | None:
    view = item.view.folded
    for mention in item.mentions:
        gap = view[mention.end : position]
        if mention.end <= position and len(gap) <= 3 and not re.search(r"[，,；;。]", gap):
            return mention
    return None


def _sentence_level_markers(item_markers: list[Marker]) -> set[int]:
    return {m.n for m in item_markers}


def cite_back_to_previous_marker(drafts, sentences, paragraphs, markers_by_sentence) -> None:
    """A marker also cites the sentences of its paragraph since the previous marker."""
    order = [item.sentence for item in sentences]
    position = {s.index: i for i, s in enumerate(order)}
    mentions_of = {item.sentence.index: item.mentions for item in sentences}
    for draft in drafts:
        if markers_by_sentence.get(draft.sentence):
            continue
        i = position[draft.sentence]
        paragraph = order[i].paragraph
        for later in order[i + 1 :]:
            if later.paragraph != paragraph:
                break
            if markers_by_sentence.get(later.index):
                # The marker's sentence must be about the same therapy, or name none.
                named = {m.therapy for m in mentions_of[later.index]}
                if not named or draft.therapy in named:
                    later_markers = _sentence_level_markers(markers_by_sentence[later.index])
                    draft.cite(later_markers, "the next marker of its paragraph")
                break


def inherit_from_introduced_paragraph(drafts, sentences, paragraphs, markers_by_sentence) -> None:
    """A heading-like paragraph without markers takes the closing marker of the paragraph it introduces."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for item in sentences:
        by_paragraph.setdefault(item.sentence.paragraph, []).append(item.sentence)
    drafts_by_paragraph: dict[int, list[Draft]] = {}
    sentence_paragraph = {item.sentence.index: item.sentence.paragraph for item in sentences}
    for draft in drafts:
        drafts_by_paragraph.setdefault(sentence_paragraph[draft.sentence], []).append(draft)
    texts = {item.sentence.index: item.view.folded for item in sentences}
    for p, own in drafts_by_paragraph.items():
        members = by_paragraph.get(p, [])
        if any(markers_by_sentence.get(s.index) for s in members):
            continue
        first = texts[members[0].index] if members else ""
        if not (paragraphs[p].kind == HEADING or re.match(r"^[^，,。；;:：]{2,30}[:：]", first)):
            continue
        following = by_paragraph.get(p + 1, [])
        if not following or not markers_by_sentence.get(following[-1].index):
            continue
        closing = _sentence_level_markers(markers_by_sentence[following[-1].index])
        introduced = {d.therapy for d in drafts_by_paragraph.get(p + 1, [])}
        for draft in own:
            if draft.therapy in introduced:
                draft.cite(closing, "the closing marker of the paragraph it introduces")


def antecedent_refs(drafts, sentences, claims_in_sentence, markers_by_sentence) -> None:
    """A claim carried from the sentence just before takes that sentence's citation, if it made no claim of its own."""
    order = [item.sentence.index for item in sentences]
    for draft in drafts:
        if not draft.via_topic:
            continue
        i = order.index(draft.sentence)
        if i == 0:
            continue
        previous = order[i - 1]
        if claims_in_sentence.get(previous):
            continue
        item = next(x for x in sentences if x.sentence.index == previous)
        if not any(m.therapy == draft.therapy for m in item.mentions):
            continue
        for marker in markers_by_sentence.get(previous, []):
            owner = _mention_right_before(item, view_position(item.view, marker.start))
            if owner is None or owner.therapy == draft.therapy:
                draft.cite({marker.n}, "a marker of the sentence before, which named it")
