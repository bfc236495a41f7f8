"""What the stages need, built once per process and passed in: options, lexicon, segmenter,
script converter. Its own module, so that a command needing only these (``search``) does
not load the stages."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .config import Options
from .lexicon import Lexicon
from .normalize import Converter
from .segment import DictionaryFile, Segmenter

# As the README says it (a test checks): alsingest is installed from its checkout.
SPACY_INSTALL_COMMAND = "pip install -e '.[spacy]'"

# Up to about this many characters of article text, looking the segmenter's words up in its
# dictionary file costs less than loading the file (0.3-0.5 s on two cores): a lookup adds
# about 8 microseconds a character, so they break even near 40,000 (eight short articles).
LOOKUP_CHARS = 20_000


@dataclass
class Toolkit:
    """What the stages need, built once per process and passed in."""

    options: Options
    lexicon: Lexicon
    segmenter: Segmenter
    converter: Converter = field(default_factory=Converter)
    # The segmenter's dictionary file when its words are looked up there, not loaded.
    dictionary: DictionaryFile | None = None

    @classmethod
    def build(cls, options: Options, *, lookup: bool = False) -> Toolkit:
        """``lookup``: for a few texts (search queries, one article, or none: verify), the
        segmenter's dictionary is looked up on disk, not loaded (``Segmenter``'s ``lookup``),
        and so are the word frequencies the claims ask for: the same words and claims, without
        loading half a million entries."""
        lexicon = Lexicon.load(options.lexicon_path)
        segmenter = Segmenter(lexicon, options.extra_words, hmm=options.segment_hmm, lookup=lookup)
        dictionary = None
        if lookup and not options.segment_hmm:  # jieba's HMM cutting loads it anyway
            # The segmenter's own words (lexicon terms, then the extra words): the same file.
            dictionary = DictionaryFile.of([*lexicon.terms(), *options.extra_words])
        return cls(options=options, lexicon=lexicon, segmenter=segmenter, dictionary=dictionary)

    @cached_property
    def word_frequency(self) -> Mapping[str, int]:
        """Word -> frequency in the segmenter's dictionary (0: a prefix only), as the claims
        read it (common words are not parts of a drug's name)."""
        if self.dictionary is None:
            return self.segmenter.frequency
        return LookedUpFrequency(self.dictionary)

    @cached_property
    def nlp(self):
        """The spaCy pipeline on the same segmenter, built (and spaCy imported) on first use.

        Optional (:data:`SPACY_INSTALL_COMMAND`): nothing in ingest, search or the claims
        needs it; it is for plugging alsingest's segmenter and therapy entities into spaCy.
        """
        try:
            from .nlp import make_nlp
        except ImportError as error:
            raise ImportError(
                f"toolkit.nlp needs spaCy: run `{SPACY_INSTALL_COMMAND}` in the alsingest checkout"
            ) from error

        return make_nlp(self.segmenter)


class LookedUpFrequency(Mapping[str, int]):
    """The segmenter's word frequencies read from its dictionary file a word at a time, as
    they are asked for (an article's claims ask for a few dozen)."""

    def __init__(self, dictionary: DictionaryFile):
        self._dictionary = dictionary
        self._known: dict[str, int | None] = {}

    def __getitem__(self, word: str) -> int:
        if word not in self._known:
            self._known[word] = self._dictionary.lookup([word]).get(word)
        frequency = self._known[word]
        if frequency is None:
            raise KeyError(word)
        return frequency

    def __bool__(self) -> bool:
        return True  # never empty; without this, a truth test would count every entry

    def __len__(self) -> int:
        return len(self._dictionary.load())

    def __iter__(self) -> Iterator[str]:
        return iter(self._dictionary.load())
