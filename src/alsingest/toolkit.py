"""What the stages need, built once per process and passed in: options, lexicon, segmenter,
script converter. Its own module, so that a command needing only these (``search``) does
not load the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .config import Options
from .lexicon import Lexicon
from .normalize import Converter
from .segment import Segmenter


@dataclass
class Toolkit:
    """What the stages need, built once per process and passed in."""

    options: Options
    lexicon: Lexicon
    segmenter: Segmenter
    converter: Converter = field(default_factory=Converter)

    @classmethod
    def build(cls, options: Options, *, for_queries: bool = False) -> Toolkit:
        """``for_queries``: for segmenting a few queries, not articles (``Segmenter``'s
        ``lookup``: its dictionary is looked up on disk, not loaded)."""
        lexicon = Lexicon.load(options.lexicon_path)
        segmenter = Segmenter(
            lexicon, options.extra_words, hmm=options.segment_hmm, lookup=for_queries
        )
        return cls(options=options, lexicon=lexicon, segmenter=segmenter)

    @cached_property
    def nlp(self):
        """The spaCy pipeline on the same segmenter, built (and spaCy imported) on first use.

        Optional (``pip install 'alsingest[spacy]'``): nothing in ingest, search or the claims
        needs it; it is for plugging alsingest's segmenter and therapy entities into spaCy.
        """
        try:
            from .nlp import make_nlp
        except ImportError as error:
            raise ImportError("toolkit.nlp needs spaCy: pip install 'alsingest[spacy]'") from error

        return make_nlp(self.segmenter)
