"""The recipe: one article in, every stage in order, one result out.

:func:`process_article` is pure (no I/O); :func:`ingest_files` is the loop
that reads files, decides what to skip, and hands results to the store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from . import store
from .claims import EXTRACTOR_VERSION, Claim, SentenceInput, TherapyMention, extract_claims
from .config import Options
from .dates import publication_date
from .lexicon import Lexicon
from .normalize import Converter, fold, join_lines
from .readers import InputError, SourceText, discover, read_article
from .references import Marker, Reference, markers_of, references_of
from .segment import make_nlp, search_tokens
from .structure import Paragraph, paragraphs_of, sentences_of

logger = logging.getLogger(__name__)

# Bump when a change to parsing or extraction changes what is stored for the same text;
# articles stored by an older version are processed again.
PARSER_VERSION = f"1+{EXTRACTOR_VERSION}"


@dataclass(frozen=True)
class SentenceRecord:
    index: int
    paragraph: int
    start: int
    end: int
    tokens: str


@dataclass(frozen=True)
class ArticleResult:
    source: SourceText
    script: str
    text_simplified: str
    paragraphs: list[Paragraph]
    sentences: list[SentenceRecord]
    references: list[Reference]
    markers: list[Marker]
    claims: list[Claim]
    published: str | None
    parser_version: str = PARSER_VERSION


@dataclass
class Toolkit:
    """What the stages need, built once per process and passed in."""

    options: Options
    lexicon: Lexicon
    converter: Converter = field(default_factory=Converter)
    nlp: object = None

    @classmethod
    def build(cls, options: Options) -> Toolkit:
        lexicon = Lexicon.load(options.lexicon_path)
        toolkit = cls(options=options, lexicon=lexicon)
        toolkit.nlp = make_nlp(lexicon, options.extra_words, hmm=options.segment_hmm)
        return toolkit


def process_article(source: SourceText, toolkit: Toolkit) -> ArticleResult:
    """Turn one article into its stored form.

    1. Detect the script and convert to simplified Chinese, keeping every offset
       (the conversion is length-preserving).
    2. Split paragraphs, joining lines a PDF broke mid-sentence.
    3. Split sentences (Chinese and English punctuation; table rows and headings whole).
    4. Parse the reference list and inline sources.
    5. Find citation markers; link each to its sentence and its reference entry.
    6. Segment each sentence (spaCy on jieba, lexicon terms whole) for search;
       its therapy entities are the mentions claims start from.
    7. Extract claims (therapy, date, phase, enrollment, outcome) and link each
       to the references the article cites for it.
    """
    text = source.text
    script = toolkit.converter.detect_script(text)
    simplified = toolkit.converter.to_simplified(text, script)
    paragraphs = paragraphs_of(text)
    sentences = sentences_of(text, paragraphs)
    references = references_of(text, paragraphs)
    markers = markers_of(text, paragraphs, sentences, references)
    views = [join_lines(simplified[s.start : s.end], base=s.start) for s in sentences]
    docs = list(toolkit.nlp.pipe(view.text for view in views))
    records = [
        SentenceRecord(s.index, s.paragraph, s.start, s.end, search_tokens(doc))
        for s, doc in zip(sentences, docs, strict=True)
    ]
    published = publication_date(fold(simplified))
    inputs = [
        SentenceInput(
            s, view, tuple(TherapyMention(e.start_char, e.end_char, e.kb_id_) for e in doc.ents)
        )
        for s, view, doc in zip(sentences, views, docs, strict=True)
    ]
    claims = extract_claims(
        source.name,
        text,
        paragraphs,
        inputs,
        markers,
        references,
        toolkit.lexicon,
        classes=toolkit.options.therapy_classes,
        published=published,
    )
    return ArticleResult(
        source=source,
        script=script,
        text_simplified=simplified,
        paragraphs=paragraphs,
        sentences=records,
        references=references,
        markers=markers,
        claims=claims,
        published=published,
    )


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def ingest_files(
    db: Database,
    paths: Iterable[str | Path],
    toolkit: Toolkit,
    *,
    on_file: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, process and store every article under ``paths``; one transaction per article."""
    report = IngestReport()
    files, report.errors = discover(paths, toolkit.options.extensions)
    for error in report.errors:
        logger.warning("skipped %s", error)
    for path in files:
        try:
            ingest_one(db, path, toolkit, report)
        except InputError as error:
            logger.warning("skipped %s", error)
            report.errors.append(error)
        finally:
            if on_file is not None:
                on_file(str(path))
    return report


def ingest_one(db: Database, path: str | Path, toolkit: Toolkit, report: IngestReport) -> None:
    source = read_article(path, toolkit.options.max_bytes)
    if store.is_current(db, source.name, source.content_hash, PARSER_VERSION):
        logger.info("unchanged: %s", source.name)
        report.unchanged.append(source.name)
        return
    result = process_article(source, toolkit)
    outcome = store.write_article(db, result)
    getattr(report, outcome).append(source.name)
