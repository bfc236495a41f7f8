"""Claims: therapy / trial / date statements, each linked to the reference the article cites.

A package of stages, each a module with typed input and output, run per sentence by
:func:`~alsingest.claims.extract.extract_claims` (on the folded simplified view, offsets
mapped back to the original):

1. :mod:`.mentions` — what the sentence names: lexicon terms, names the recogniser finds beyond
   the lexicon (code names, INN stems, Chinese drug-name endings, cell sources, list members) and
   descriptions ("该药", "the drug") resolved to the therapy named last; background drugs,
   comparators, "as of" inventories and examples are set aside;
2. :mod:`.attributes` — event dates, phase, enrollment, design, outcome, withdrawal (the patterns
   are data in :mod:`alsingest.patterns`);
3. :mod:`.binding` — each attribute to the therapies of its clause, else of the nearest clause;
4. :mod:`.discourse` — what is a claim, and whose when the sentence names no therapy: the topic
   carried from earlier sentences, a table's caption, a single-product article's subject;
5. :mod:`.linking` — citations by the annotation guide: a marker cites its sentence (or the
   therapy it directly follows), the sentences of its paragraph back to the previous marker, and
   a heading-like paragraph takes the marker of the paragraph it introduces; nothing is invented;
6. :mod:`.build` — the claim records: quote span, type, status, stable id, and which rule gave
   each field (its provenance).
"""

from .attributes import find_enrollment, normalize_phase, parse_count
from .binding import clauses_of
from .build import classify
from .extract import extract_claims
from .model import CLAIM_TYPES, EXTRACTOR_VERSION, Claim, SentenceInput, TherapyMention

__all__ = [
    "CLAIM_TYPES",
    "EXTRACTOR_VERSION",
    "Claim",
    "SentenceInput",
    "TherapyMention",
    "classify",
    "clauses_of",
    "extract_claims",
    "find_enrollment",
    "normalize_phase",
    "parse_count",
]
