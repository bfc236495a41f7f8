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
from collections.abc import Callable, Iterable

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import get_words_and_spaces

from .lexicon import Lexicon, Mention
from .normalize import fold

logger = logging.getLogger(__name__)

THERAPY_LABEL = "THERAPY"
# Keys of Doc.user_data set by the tokenizer.
MENTIONS = "als_mentions"
WORDS = "als_words"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Chinese characters, as jieba cuts them
_CJK_RUN = re.compile(f"[{_HAN}]+")
# A run of Chinese characters (for jieba), a run of other letters and digits, or one other
# character: English is split where SQLite's unicode61 tokenizer splits it anyway.
_PIECE = re.compile(f"(?P<han>[{_HAN}]+)|[^\\W_{_HAN}]+|\\S")

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


def han_cutter(tokenizer: jieba.Tokenizer, hmm: bool) -> Callable[[str], Iterable[str]]:
    """jieba's cut for a run of Chinese characters only.

    ``Tokenizer.cut`` first splits its input into such runs and then cuts each with its
    dictionary (DAG) cutter; our input is one run already, so without HMM the DAG cutter
    is called directly: the same words, a fifth less time on sentence-sized runs.
    """
    dag_cutter = getattr(tokenizer, "_Tokenizer__cut_DAG_NO_HMM", None)
    if hmm or dag_cutter is None:
        return lambda run: tokenizer.cut(run, HMM=hmm)
    return dag_cutter


class LexiconTokenizer:
    """spaCy tokenizer: lexicon terms whole, Chinese by jieba, the rest split into words.

    :meth:`segment` is the work; calling the tokenizer wraps its words in a ``Doc``.
    Bulk ingest calls :meth:`segment` directly: it needs the words and mentions, not
    a ``Doc`` per sentence.
    """

    def __init__(self, vocab, lexicon: Lexicon, extra_words: Iterable[str] = (), hmm: bool = False):
        self.vocab = vocab
        self.lexicon = lexicon
        self.hmm = hmm
        self.jieba = make_jieba([*lexicon.terms(), *extra_words])
        self._cut = han_cutter(self.jieba, hmm)

    def segment(self, text: str) -> tuple[list[str], dict[int, Mention]]:
        """The words of ``text`` in order (whitespace dropped), and its lexicon mentions by word index."""
        words: list[str] = []
        mentions: dict[int, Mention] = {}
        position = 0
        for mention in self.lexicon.find(fold(text)):
            self._split(text, position, mention.start, words)
            mentions[len(words)] = mention
            words.append(text[mention.start : mention.end])
            position = mention.end
        self._split(text, position, len(text), words)
        return words, mentions

    def _split(self, text: str, start: int, end: int, words: list[str]) -> None:
        for piece in _PIECE.finditer(text, start, end):
            if piece.lastgroup == "han":
                words.extend(self._cut(piece.group()))
            else:
                words.append(piece.group())

    def __call__(self, text: str) -> Doc:
        words, mentions = self.segment(text)
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
    return search_text(words)


def search_text(words: Iterable[str]) -> str:
    """:func:`search_tokens` for words as :meth:`LexiconTokenizer.segment` makes them.

    Punctuation comes out of the tokenizer one character at a time, so a word is
    punctuation when it is one of those characters.
    """
    return fold(" ".join(word for word in words if word not in _PUNCTUATION))


# Punctuation and separators (Unicode categories P* and Z*) of the Basic Multilingual Plane.
_PUNCTUATION = frozenset(
    ch for ch in map(chr, range(0x10000)) if unicodedata.category(ch)[0] in "PZ"
)
