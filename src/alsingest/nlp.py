"""The spaCy pipeline: ``spacy.blank("zh")`` told to segment with :class:`~alsingest.segment.Segmenter`.

``spacy.blank("zh")`` segments per character unless told otherwise; here its
tokenizer is :class:`LexiconTokenizer`, which wraps the segmenter's words in a
``Doc``. A thin registered component, ``als_therapies``, marks therapy mentions as
entities — the scispacy way: the logic lives in :func:`therapy_spans`, a pure
function. Search queries go through this pipeline; bulk ingest calls the segmenter
itself, as it needs the words and mentions, not a ``Doc`` per sentence (nor
spaCy's import time in every worker process).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import get_words_and_spaces

from .lexicon import Lexicon
from .normalize import fold
from .segment import Segmenter, search_text

THERAPY_LABEL = "THERAPY"
# Keys of Doc.user_data set by the tokenizer.
MENTIONS = "als_mentions"
WORDS = "als_words"


class LexiconTokenizer:
    """spaCy tokenizer: the segmenter's words as a ``Doc``, its mentions kept for the entities."""

    def __init__(self, vocab, segmenter: Segmenter):
        self.vocab = vocab
        self.segmenter = segmenter

    @property
    def lexicon(self) -> Lexicon:
        return self.segmenter.lexicon

    def __call__(self, text: str) -> Doc:
        words, mentions = self.segmenter.segment(text)
        spaced, spaces = get_words_and_spaces(words, text)
        doc = Doc(self.vocab, words=spaced, spaces=spaces)
        if len(spaced) == len(words):
            # No whitespace tokens were inserted, so word indexes are token indexes.
            doc.user_data[MENTIONS] = {i: m.therapy for i, m in mentions.items()}
            doc.user_data[WORDS] = words
        return doc


def therapy_spans(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """Therapy mentions of ``doc`` as entity spans, kb_id = canonical therapy id.

    A doc made by :class:`LexiconTokenizer` already knows which tokens are therapies;
    any other doc is matched against the lexicon here.
    """
    known = doc.user_data.get(MENTIONS)
    if known is not None:
        return [
            Span(doc, i, i + 1, label=THERAPY_LABEL, kb_id=therapy)
            for i, therapy in sorted(known.items())
        ]
    spans = []
    for mention in lexicon.find(fold(doc.text)):
        span = doc.char_span(
            mention.start,
            mention.end,
            label=THERAPY_LABEL,
            kb_id=mention.therapy,
            alignment_mode="expand",
        )
        if span is not None and all(span.start >= s.end or span.end <= s.start for s in spans):
            spans.append(span)
    return spans


@Language.factory("als_therapies")
def make_therapy_component(nlp: Language, name: str):
    """Reads the lexicon from the pipeline's tokenizer, so it is loaded once and passed in."""
    lexicon = getattr(nlp.tokenizer, "lexicon", None)
    if lexicon is None:
        raise ValueError("als_therapies needs a pipeline built by alsingest.nlp.make_nlp")

    def als_therapies(doc: Doc) -> Doc:
        doc.ents = therapy_spans(doc, lexicon)
        return doc

    return als_therapies


def make_nlp(segmenter: Segmenter) -> Language:
    nlp = spacy.blank("zh")
    nlp.tokenizer = LexiconTokenizer(nlp.vocab, segmenter)
    nlp.add_pipe("als_therapies")
    return nlp


def search_tokens(doc: Doc) -> str:
    """Folded tokens joined by spaces: the text FTS5 indexes and queries."""
    words = doc.user_data.get(WORDS)
    if words is None:
        words = [token.text for token in doc if not token.is_space]
    return search_text(words)
