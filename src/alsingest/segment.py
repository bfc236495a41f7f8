"""Segmentation: jieba with the lexicon first.

:class:`Segmenter` keeps every lexicon term as one word, sends runs of Chinese
characters to jieba (with a user dictionary built from the lexicon) and splits
the rest into runs of letters and digits and single other characters. Ingest
calls it directly for each sentence; :mod:`alsingest.nlp` wraps it as the
tokenizer of a spaCy pipeline for callers that want ``Doc`` objects.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import marshal
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cached_property, partial
from math import inf, log
from pathlib import Path
from typing import TYPE_CHECKING

from .lexicon import Lexicon, Mention
from .normalize import CJK_CHARACTERS, fold

if TYPE_CHECKING:
    import jieba

logger = logging.getLogger(__name__)

_CJK_RUN = re.compile(f"[{CJK_CHARACTERS}]+")
# A run of Chinese characters (for jieba), a run of other letters and digits, or one other
# character: English is split where SQLite's unicode61 tokenizer splits it anyway.
_PIECE = re.compile(f"(?P<han>[{CJK_CHARACTERS}]+)|[^\\W_{CJK_CHARACTERS}]+|\\S")


def make_jieba(words: Iterable[str]) -> jieba.Tokenizer:
    """A jieba tokenizer of our own (not the module-global one) that knows ``words``."""
    import jieba

    # jieba logs its dictionary loading at INFO on every process start.
    jieba.setLogLevel(logging.WARNING)
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
    tokenizer.check_initialized()
    return DagCutter(tokenizer.FREQ, tokenizer.total).cut


_ABSENT = object()


class DagCutter:
    """jieba's dictionary cutter without HMM (``Tokenizer.cut(run, HMM=False)``), for one run
    of Chinese characters: the same words, about twice as fast.

    jieba builds the whole DAG of dictionary words first, then finds the most probable path
    in a second pass, taking a logarithm for every edge. Here the two passes are one, right
    to left, over log probabilities computed once when the cutter is built: each edge
    weighs ``log(freq) - log(total)`` exactly as jieba computes it, and ties go to the
    longer word as in jieba's ``max`` over ``(weight, end)`` pairs. ``frequencies`` is
    jieba's ``FREQ`` (every prefix of a word is in it, at 0 when it is no word itself) and
    ``total`` its ``total``; they must not change afterwards: the weights are a snapshot.
    """

    def __init__(self, frequencies: Mapping[str, int], total: int):
        self._log_total = log(total)
        self._weights = self.weights(frequencies)
        # A character that is no word weighs as jieba's ``FREQ.get(...) or 1`` makes it.
        self._unknown = log(1) - self._log_total

    def weights(self, frequencies: Mapping[str, int]) -> dict[str, float | None]:
        """Each word's weight; a prefix that is no word (frequency 0) maps to None. One lookup
        answers both of jieba's questions: is it a prefix, and is it a word."""
        log_total = self._log_total
        return {w: log(f) - log_total if f else None for w, f in frequencies.items()}

    def __call__(self, run: str) -> list[str]:
        return self._cut(run, self._weights)

    @property
    def cut(self) -> Callable[[str], list[str]]:
        """``self(run)`` without the extra call: the segmenter calls it for every run."""
        return partial(self._cut, weights=self._weights)

    def _cut(self, run: str, weights: Mapping[str, float | None]) -> list[str]:
        n = len(run)
        absent = _ABSENT
        get = weights.get
        # score[k]: weight of the best path from k to the end; ends[k]: end of its first word.
        score = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best = -inf
            best_end = 0
            end = k + 1
            w = get(run[k], absent)
            while w is not absent:
                if w is not None:
                    s = w + score[end]
                    if s >= best:  # ">=": a tie goes to the longer word, as in jieba
                        best = s
                        best_end = end
                if end == n:
                    break
                end += 1
                w = get(run[k:end], absent)
            if best_end:
                score[k] = best
                ends[k] = best_end
            else:
                score[k] = self._unknown + score[k + 1]
                ends[k] = k + 1
        words = []
        k = 0
        while k < n:
            end = ends[k]
            words.append(run[k:end])
            k = end
        return words


class LookupCutter(DagCutter):
    """:class:`DagCutter` over a dictionary file it does not load: each run's substrings are
    looked up in it (a search query is a few words; loading half a million for them costs
    most of a second). The same words as the loaded cutter: the weights it reads are those
    of every dictionary entry the run holds, all the walk can reach."""

    def __init__(self, dictionary: DictionaryFile):
        self._dictionary = dictionary
        super().__init__({}, dictionary.total)

    def __call__(self, run: str) -> list[str]:
        longest = self._dictionary.longest
        keys = {
            run[i:j] for i in range(len(run)) for j in range(i + 1, min(len(run), i + longest) + 1)
        }
        return self._cut(run, self.weights(self._dictionary.lookup(keys)))


# The segmenter's dictionary, kept on disk: jieba's words and frequencies with the
# lexicon's terms added. Building it (jieba loads its own dictionary, then every term is
# weighed and added) costs a second or more in every process; the file is keyed by what it
# is made of (jieba's dictionary file, the words added, in order, and this format), so a
# changed lexicon makes a new one. Its folder: $ALSINGEST_CACHE_DIR, else
# $XDG_CACHE_HOME/alsingest, else ~/.cache/alsingest; one that cannot be written leaves
# the segmenter building its dictionary in memory as before.
DICTIONARY_FORMAT = 1


def cache_folder() -> Path:
    configured = os.environ.get("ALSINGEST_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "alsingest"


def jieba_dictionary() -> Path:
    """jieba's own dictionary file, found without importing jieba (a fifth of a second)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(spec.submodule_search_locations[0]) / "dict.txt"


def dictionary_key(words: Iterable[str]) -> str:
    digest = hashlib.sha256(f"format {DICTIONARY_FORMAT}\0".encode())
    digest.update(jieba_dictionary().read_bytes())
    for word in words:
        digest.update(word.encode("utf-8") + b"\0")
    return digest.hexdigest()[:24]


class DictionaryFile:
    """The cached dictionary: an SQLite file holding each entry (for a query's few lookups)
    and the whole as one ``marshal`` blob (for a process that segments much)."""

    def __init__(self, path: Path):
        self.path = path
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(self._conn.execute("select name, value from meta"))
        self.total = int(meta["total"])
        self.longest = int(meta["longest"])

    @classmethod
    def of(cls, words: list[str], folder: Path | None = None) -> DictionaryFile | None:
        """The file for ``words`` (built when missing), or None when it cannot be kept."""
        try:
            folder = folder or cache_folder()
            path = folder / f"segmenter-{dictionary_key(words)}.db"
            if not path.exists():
                tokenizer = make_jieba(words)
                write_dictionary(path, tokenizer.FREQ, tokenizer.total)
            return cls(path)
        except (OSError, sqlite3.Error) as error:
            logger.warning("segmenter dictionary not cached (%s): built in memory", error)
            return None

    def load(self) -> dict[str, int]:
        (blob,) = self._conn.execute("select value from whole").fetchone()
        return marshal.loads(blob)

    def lookup(self, keys: Collection[str]) -> dict[str, int]:
        keys = list(keys)
        found: dict[str, int] = {}
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            found.update(
                self._conn.execute(
                    f"select word, freq from words where word in ({', '.join('?' * len(part))})",
                    part,
                )
            )
        return found


def write_dictionary(path: Path, frequencies: Mapping[str, int], total: int) -> None:
    """Write the dictionary file at ``path`` whole or not at all (another process building
    the same one at the same time writes the same content)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as conn:
            conn.execute("create table meta (name text primary key, value text)")
            conn.execute("create table words (word text primary key, freq int) without rowid")
            conn.execute("create table whole (value blob)")
            conn.executemany(
                "insert into meta values (?, ?)",
                [("total", str(total)), ("longest", str(max(map(len, frequencies), default=1)))],
            )
            conn.executemany("insert into words values (?, ?)", frequencies.items())
            conn.execute("insert into whole values (?)", [marshal.dumps(dict(frequencies))])
        conn.close()
        os.chmod(temporary, 0o644)  # a cache, not a secret (mkstemp makes it private)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


class Segmenter:
    """Lexicon terms whole, Chinese by jieba, the rest split into words.

    ``lookup``: for a few short texts (search queries), the dictionary is not loaded but
    looked up in its cached file for each run of Chinese characters (the same words).
    """

    def __init__(
        self,
        lexicon: Lexicon,
        extra_words: Iterable[str] = (),
        hmm: bool = False,
        *,
        lookup: bool = False,
    ):
        self.lexicon = lexicon
        self._words = [*lexicon.terms(), *extra_words]
        self._file = DictionaryFile.of(self._words)
        self._cut: Callable[[str], Iterable[str]]
        if hmm:
            self._cut = han_cutter(self.jieba, hmm=True)
        elif lookup and self._file is not None:
            self._cut = LookupCutter(self._file)
        else:
            self._cut = DagCutter(self.frequency, self.total).cut

    @cached_property
    def _dictionary(self) -> tuple[dict[str, int], int]:
        if self._file is not None:
            return self._file.load(), self._file.total
        tokenizer = make_jieba(self._words)
        return tokenizer.FREQ, tokenizer.total

    @property
    def frequency(self) -> dict[str, int]:
        """Word -> frequency in jieba's dictionary with the lexicon's terms (0: a prefix only)."""
        return self._dictionary[0]

    @property
    def total(self) -> int:
        return self._dictionary[1]

    @cached_property
    def jieba(self) -> jieba.Tokenizer:
        """A jieba tokenizer on the same dictionary (HMM cutting, jieba's own calls)."""
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ, tokenizer.total = self._dictionary
        tokenizer.initialized = True
        return tokenizer

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
