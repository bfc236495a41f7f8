"""Segmentation: a spaCy ``blank("zh")`` pipeline on jieba, lexicon first.

``spacy.blank("zh")`` segments per character unless told otherwise; here its
tokenizer is replaced by :class:`LexiconTokenizer`, which keeps every lexicon
term as one token, sends Chinese runs to jieba (with a user dictionary built
from the lexicon) and English runs to spaCy's English tokenizer. A thin
registered component, ``als_therapies``, marks therapy mentions as entities —
the scispacy way: the logic lives in :func:`therapy_spans`, a pure function.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import get_words_and_spaces

from .lexicon import Lexicon
from .normalize import fold

logger = logging.getLogger(__name__)

THERAPY_LABEL = "THERAPY"
# Keys of Doc.user_data set by the tokenizer.
MENTIONS = "als_mentions"
WORDS = "als_words"
_PLAIN = re.compile(r"[\sA-Za-z0-9]+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

# jieba logs its dictionary loading at INFO on every process start.
jieba.setLogLevel(logging.WARNING)


def make_jieba(words: Iterable[str]) -> jieba.Tokenizer:
    """A jieba tokenizer of our own (not the module-global one) that knows ``words``."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in words:
        word = word.strip()
        if word and _CJK_RUN.search(word):
            # Frequency high enough that jieba never splits the term.
            tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word, tune=False), 50000))
    return tokenizer


class LexiconTokenizer:
    """spaCy tokenizer: lexicon terms whole, Chinese by jieba, the rest by English rules."""

    def __init__(self, vocab, lexicon: Lexicon, extra_words: Iterable[str] = (), hmm: bool = False):
        self.vocab = vocab
        self.lexicon = lexicon
        self.hmm = hmm
        self.jieba = make_jieba([*lexicon.terms(), *extra_words])
        self.english = spacy.blank("en").tokenizer

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        therapies: dict[int, str] = {}  # word index -> therapy id, for the entity component
        position = 0
        for mention in self.lexicon.find(fold(text)):
            words.extend(self._segment(text[position : mention.start]))
            therapies[len(words)] = mention.therapy
            words.append(text[mention.start : mention.end])
            position = mention.end
        words.extend(self._segment(text[position:]))
        spaced, spaces = get_words_and_spaces(words, text)
        doc = Doc(self.vocab, words=spaced, spaces=spaces)
        if len(spaced) == len(words):
            # No whitespace tokens were inserted, so word indexes are token indexes.
            doc.user_data[MENTIONS] = therapies
            doc.user_data[WORDS] = words
        return doc

    def _segment(self, chunk: str) -> list[str]:
        words: list[str] = []
        position = 0
        for run in _CJK_RUN.finditer(chunk):
            words.extend(self._english(chunk[position : run.start()]))
            words.extend(self.jieba.lcut(run.group(), HMM=self.hmm))
            position = run.end()
        words.extend(self._english(chunk[position:]))
        return words

    def _english(self, chunk: str) -> list[str]:
        if not chunk.strip():
            return []
        if _PLAIN.fullmatch(chunk):
            return chunk.split()  # words and numbers only: nothing for the English rules to do
        return [token.text for token in self.english(chunk) if not token.is_space]


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
        raise ValueError("als_therapies needs a pipeline built by alsingest.segment.make_nlp")

    def als_therapies(doc: Doc) -> Doc:
        doc.ents = therapy_spans(doc, lexicon)
        return doc

    return als_therapies


def make_nlp(lexicon: Lexicon, extra_words: Iterable[str] = (), hmm: bool = False) -> Language:
    nlp = spacy.blank("zh")
    nlp.tokenizer = LexiconTokenizer(nlp.vocab, lexicon, extra_words, hmm=hmm)
    nlp.add_pipe("als_therapies")
    return nlp


def search_tokens(doc: Doc) -> str:
    """Folded tokens joined by spaces: the text FTS5 indexes and queries."""
    words = doc.user_data.get(WORDS)
    if words is None:
        words = [token.text for token in doc if not token.is_space]
    return " ".join(fold(word) for word in words if not _is_punct(word))


@lru_cache(maxsize=4096)
def _is_punct(word: str) -> bool:
    return all(unicodedata.category(ch)[0] in "PZ" for ch in word)
