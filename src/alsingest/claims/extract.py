"""The article loop: every stage, sentence by sentence, then the citation rules over the article."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .. import patterns
from ..dates import DateMention, find_dates
from ..lexicon import Lexicon
from ..references import Marker, Reference
from ..structure import HEADING, REFERENCE, TABLE_ROW, TABLE_RULE, Paragraph
from .attributes import enrollment_cells, find_attributes
from .binding import bind
from .build import build_claims
from .discourse import Topic, about_a_trial, intro_paragraphs, is_claim, speaks_of_many, table_start
from .linking import (
    antecedent_refs,
    cite_back_to_previous_marker,
    inherit_from_introduced_paragraph,
    sentence_refs,
)
from .mentions import (
    article_subject,
    background_mentions,
    common_word,
    mask,
    masked_spans,
    select_mentions,
    view_position,
)
from .model import Attribute, Claim, Draft, SentenceInput

logger = logging.getLogger(__name__)


def extract_claims(
    name: str,
    text: str,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[SentenceInput],
    markers: Sequence[Marker],
    references: Sequence[Reference],
    lexicon: Lexicon,
    classes: frozenset[str] = frozenset(),
    published: str | None = None,
    word_frequency: Mapping[str, int] | None = None,
) -> list[Claim]:
    """All claims of one article, in sentence order.

    ``word_frequency`` (jieba's dictionary) tells common words from parts of a drug's name.
    """
    common = common_word(word_frequency or {})
    subject = article_subject(sentences, classes)
    markers_by_sentence: dict[int, list[Marker]] = {}
    for marker in markers:
        markers_by_sentence.setdefault(marker.sentence, []).append(marker)
    url_of = {r.n: r.url for r in references if r.n is not None and not r.inline and r.url}

    drafts: list[Draft] = []
    topic: Topic | None = None
    section_therapies: set[str] = set()
    intro = intro_paragraphs(paragraphs, sentences)
    first_sentence: dict[int, int] = {}
    table_header: dict[int, str] = {}  # first row of each table, by paragraph index
    for item in sentences:
        first_sentence.setdefault(item.sentence.paragraph, item.sentence.index)
        if paragraphs[item.sentence.paragraph].kind == TABLE_ROW:
            start = table_start(paragraphs, item.sentence.paragraph)
            if start == item.sentence.paragraph:
                table_header[start] = item.view.folded
    section = 0
    antecedent: str | None = None
    context_year: int | None = None
    claims_in_sentence: dict[int, list[Draft]] = {}
    caption: dict[int, tuple[str, ...]] = {}
    last_caption: tuple[tuple[str, ...], int] | None = None

    for item in sentences:
        s = item.sentence
        paragraph = paragraphs[s.paragraph]
        if paragraph.kind in (REFERENCE, TABLE_RULE):
            continue
        if paragraph.kind == HEADING:
            section += 1
            topic = None
            section_therapies: set[str] = set()
        view = item.view.folded
        masked = mask(view, masked_spans(item, markers_by_sentence.get(s.index, [])))
        mentions = select_mentions(item, masked, lexicon, classes, antecedent, common)
        # Most sentences name no therapy and have none to inherit: no claim can come of
        # them, so their attributes are not looked for; their years still set the context.
        possible = (
            bool(mentions) or paragraph.kind == TABLE_ROW or topic is not None or bool(subject)
        )
        dates: list[DateMention] = []
        if possible or patterns.YEAR_HINT.search(masked):
            dates, context_year = find_dates(masked, context_year, published)
        attributes = find_attributes(masked, dates) if possible else []
        if paragraph.kind == TABLE_ROW and not any(a.kind == "enrollment" for a in attributes):
            header = table_header.get(table_start(paragraphs, s.paragraph))
            if header is not None and s.paragraph != table_start(paragraphs, s.paragraph):
                attributes.extend(enrollment_cells(header, masked))
        for marker in markers_by_sentence.get(s.index, []):
            if marker.year and possible:
                at = view_position(item.view, marker.start)
                attributes.append(Attribute("date", at, at + 1, marker.year, text=marker.year))
        subjects = [m for m in mentions if m.therapy not in classes] or mentions
        if subjects and not patterns.QUOTED_SPEECH.match(view):
            # What a later "该药" means, across paragraphs, headings and quotations.
            antecedent = subjects[0].therapy
        if paragraph.kind != TABLE_ROW and mentions:
            last_caption = (tuple(dict.fromkeys(m.therapy for m in mentions)), s.paragraph)
        if (
            paragraph.kind == TABLE_ROW
            and last_caption
            and table_start(paragraphs, s.paragraph) - last_caption[1] <= 2
        ):
            caption[s.index] = last_caption[0]

        sentence_drafts: list[Draft] = []
        if mentions:
            bound = bind(attributes, mentions, masked, table=paragraph.kind == TABLE_ROW)
            for therapy, attrs in bound.items():
                if is_claim(attrs):
                    first = next(m for m in mentions if m.therapy == therapy)
                    sentence_drafts.append(
                        Draft(
                            s.index,
                            therapy,
                            first.unlisted,
                            attrs,
                            (first.start, first.end),
                            via_topic=False,
                        )
                    )
            # A drug named only as background ("stable doses of riluzole") is not what follows is about.
            background = background_mentions(view, mentions)
            named = tuple(
                dict.fromkeys(
                    m.therapy
                    for i, m in enumerate(mentions)
                    if m.therapy not in classes and i not in background
                )
            )
            if named and paragraph.kind != TABLE_ROW:
                if paragraph.kind == HEADING:
                    section_therapies = set(named)
                # A section headed by a therapy stays about it: "【四、超大剂量甲钴胺】".
                about_section = paragraph.kind == HEADING or set(named) <= section_therapies
                topic = Topic(named, s.index, s.paragraph, section, about_section)
        elif is_claim(attributes):
            therapies: tuple[str, ...] = ()
            if paragraph.kind == TABLE_ROW:
                therapies = caption.get(s.index, ())
            elif topic and topic.carries_to(
                s,
                section,
                view,
                masked,
                intro,
                first_in_paragraph=s.index == first_sentence[s.paragraph],
            ):
                therapies = topic.therapies
                # The discourse goes on: the next sentence is measured from here.
                topic = replace(topic, sentence=s.index, paragraph=s.paragraph)
            elif subject and about_a_trial(attributes) and not speaks_of_many(view, masked):
                # A release about one product: its trial facts are the product's, in any section.
                therapies = (subject,)
            carried = list(attributes)
            if len(therapies) > 1 and len({a.value for a in attributes if a.kind == "date"}) > 1:
                # "Results were reported in 2022 and 2023" for four drugs: which date is whose is unknown.
                carried = [a for a in attributes if a.kind != "date"]
            # No name to anchor on: the quote is the sentence itself.
            span = (0, len(view))
            for therapy in therapies:
                if is_claim(carried):
                    sentence_drafts.append(
                        Draft(s.index, therapy, False, carried, span, via_topic=True)
                    )
        if patterns.OTHER_DISEASE.search(masked) and not patterns.ALS_DISEASE.search(masked):
            sentence_drafts = []  # a trial of another disease
        for draft in sentence_drafts:
            draft.refs = sentence_refs(draft, item, markers_by_sentence.get(s.index, []))
        claims_in_sentence[s.index] = sentence_drafts
        drafts.extend(sentence_drafts)

    cite_back_to_previous_marker(drafts, sentences, paragraphs, markers_by_sentence)
    inherit_from_introduced_paragraph(drafts, sentences, paragraphs, markers_by_sentence)
    antecedent_refs(drafts, sentences, claims_in_sentence, markers_by_sentence)

    by_index = {item.sentence.index: item for item in sentences}
    claims: list[Claim] = []
    seen: set[str] = set()
    for draft in drafts:
        for claim in build_claims(name, text, draft, by_index[draft.sentence], url_of):
            if claim.claim_id not in seen:
                seen.add(claim.claim_id)
                claims.append(claim)
    return claims
