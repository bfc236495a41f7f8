"""Segmentation: jieba with the lexicon first.

:class:`Segmenter` keeps every lexicon term as one word, sends runs of Chinese
characters to jieba (with a user dictionary built from the lexicon) and splits
the rest into runs of letters and digits and single other characters. Ingest
calls it directly for each sentence; :mod:`alsingest.nlp` wraps it as the
tokenizer of a spaCy pipeline for callers that want ``Doc`` objects.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from math import log

import jieba

from .lexicon import Lexicon, Mention
from .normalize import CJK_CHARACTERS, fold

_CJK_RUN = re.compile(f"[{CJK_CHARACTERS}]+")
# A run of Chinese characters (for jieba), a run of other letters and digits, or one other
# character: English is split where SQLite's unicode61 tokenizer splits it anyway.
_PIECE = re.compile(f"(?P<han>[{CJK_CHARACTERS}]+)|[^\\W_{CJK_CHARACTERS}]+|\\S")

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
    dictionary (DAG) cutter; our input is one run already, so without HMM it is cut by
    :class:`DagCutter`, which gives the DAG cutter's words in half its time.
    """
    if hmm:
        return lambda run: tokenizer.cut(run, HMM=True)
    return DagCutter(tokenizer)


_ABSENT = object()


class DagCutter:
    """jieba's dictionary cutter without HMM (``Tokenizer.cut(run, HMM=False)``), for one run
    of Chinese characters: the same words, about twice as fast.

    jieba builds the whole DAG of dictionary words first, then finds the most probable path
    in a second pass, taking a logarithm for every edge. Here the two passes are one, right
    to left, over log probabilities computed once when the cutter is built: each edge
    weighs ``log(freq) - log(total)`` exactly as jieba computes it, and ties go to the
    longer word as in jieba's ``max`` over ``(weight, end)`` pairs. The tokenizer must not
    gain words afterwards (``add_word``): the weights are a snapshot.
    """

    def __init__(self, tokenizer: jieba.Tokenizer):
        tokenizer.check_initialized()
        log_total = log(tokenizer.total)
        # Each word's weight; a prefix that is no word (frequency 0) maps to None. One lookup
        # answers both of jieba's questions: is it a prefix, and is it a word.
        self._weights: dict[str, float | None] = {
            w: log(f) - log_total if f else None for w, f in tokenizer.FREQ.items()
        }
        # A character that is no word weighs as jieba's ``FREQ.get(...) or 1`` makes it.
        self._unknown = log(1) - log_total

    def __call__(self, run: str) -> list[str]:
        n = len(run)
        weights, absent = self._weights, _ABSENT
        # route[k]: (weight of the best path from k to the end, end index of its first word).
        route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        for k in range(n - 1, -1, -1):
            best = None
            end = k + 1
            w = weights.get(run[k], absent)
            while w is not absent:
                if w is not None:
                    step = (w + route[end][0], end - 1)
                    if best is None or step > best:
                        best = step
                if end == n:
                    break
                end += 1
                w = weights.get(run[k:end], absent)
            route[k] = best if best is not None else (self._unknown + route[k + 1][0], k)
        words = []
        k = 0
        while k < n:
            end = route[k][1] + 1
            words.append(run[k:end])
            k = end
        return words


class Segmenter:
    """Lexicon terms whole, Chinese by jieba, the rest split into words."""

    def __init__(self, lexicon: Lexicon, extra_words: Iterable[str] = (), hmm: bool = False):
        self.lexicon = lexicon
        self.jieba = make_jieba([*lexicon.terms(), *extra_words])
        self._cut = han_cutter(self.jieba, hmm)

    def segment(self, text: str, folded: str | None = None) -> tuple[list[str], dict[int, Mention]]:
        """The words of ``text`` in order (whitespace dropped), and its lexicon mentions by word index.

        ``folded`` is ``fold(text)`` when the caller has it already.
        """
        words: list[str] = []
        mentions: dict[int, Mention] = {}
        position = 0
        for mention in self.lexicon.find(fold(text) if folded is None else folded, text):
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


def search_text(words: Iterable[str]) -> str:
    """Folded words joined by spaces, punctuation left out: the text FTS5 indexes and queries.

    Punctuation comes out of :meth:`Segmenter.segment` one character at a time, so a
    word is punctuation when it is one of those characters.
    """
    return fold(" ".join(word for word in words if word not in _PUNCTUATION))


# Punctuation and separators (Unicode categories P* and Z*) of the Basic Multilingual Plane.
_PUNCTUATION = frozenset(
    ch for ch in map(chr, range(0x10000)) if unicodedata.category(ch)[0] in "PZ"
)


# Chinese words this long also index their shorter parts (渐冻症: 渐冻, 冻症), so that a search
# for a part finds them (Datasette's search box matches whole indexed words); the longest are
# left whole, since their parts grow with the square of their length.
SUBWORD_MIN = 3
SUBWORD_MAX = 8


# A Chinese word of two or more characters in a search text (words joined by spaces).
_HAN_WORD = re.compile(f"(?<!\\S)[{CJK_CHARACTERS}]{{2,}}(?!\\S)")


def index_terms(
    text: str | Iterable[str],
    therapies: Iterable[str],
    to_traditional: Callable[[str], str] | None,
) -> str:
    """What the search index holds beside a sentence's words (``text``: its search text, the
    words joined by spaces, or the words), space-separated:

    - the canonical id of each therapy the sentence names, so that any alias of a therapy
      finds the sentences naming it by any other (托夫生 finds 托夫生注射液 and Qalsody);
    - the traditional form of its Chinese words of two or more characters (words are
      simplified), so that a query in either script matches where it is not converted first
      (Datasette's search box);
    - the parts of its longer Chinese words.

    Ingest indexes the therapy ids only (``to_traditional`` None): the forms and parts serve
    Datasette's search box and are added when ``alsingest browse`` starts
    (:func:`alsingest.store.complete_search_terms`), so that ingest does not pay for them.
    """
    terms = list(therapies)
    if to_traditional is None:
        return " ".join(terms)
    if not isinstance(text, str):
        text = " ".join(text)
    own = set(_HAN_WORD.findall(text))
    if own:
        # Sorted: the index text must not depend on the process's string hashing.
        terms.extend(sorted(set(to_traditional(" ".join(own)).split()) - own))
        long_words = [w for w in own if SUBWORD_MIN <= len(w) <= SUBWORD_MAX]
        if long_words:
            parts = {
                word[i : i + n]
                for word in long_words
                for n in range(2, len(word))
                for i in range(len(word) - n + 1)
            }
            terms.extend(sorted(parts - own))
    return " ".join(terms)
