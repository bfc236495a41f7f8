"""The recipe: one article in, every stage in order, one result out.

:func:`process_article` is pure (no I/O); :func:`ingest_files` is the loop
that reads files, decides what to skip, and hands results to the store.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from . import queries, store
from .claims import EXTRACTOR_VERSION, Claim, SentenceInput, TherapyMention, extract_claims
from .config import Options
from .dates import publication_date
from .normalize import drop_glosses, join_lines
from .readers import InputError, SourceText, discover, read_article
from .references import Marker, Reference, markers_of, references_of
from .registries import trial_ids
from .segment import index_terms, search_text
from .structure import Paragraph, paragraphs_of, sentences_of
from .toolkit import Toolkit

logger = logging.getLogger(__name__)

# Bump when a change to parsing or extraction changes what is stored for the same text;
# articles stored by an older version are processed again.
PARSER_VERSION = f"2+{EXTRACTOR_VERSION}"  # 2: sentences' search terms (store m009)


@dataclass(frozen=True)
class SentenceRecord:
    index: int
    paragraph: int
    start: int
    end: int
    tokens: str
    terms: str = ""  # segment.index_terms: therapy ids, traditional forms, parts of words


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
    # The registry ids each claim's sentence names, in the order of ``claims``.
    claim_trial_ids: tuple[tuple[str, ...], ...] = ()


def process_article(source: SourceText, toolkit: Toolkit) -> ArticleResult:
    """Turn one article into its stored form.

    1. Detect the script and convert to simplified Chinese, keeping every offset
       (the conversion is length-preserving).
    2. Split paragraphs, joining lines a PDF broke mid-sentence.
    3. Split sentences (Chinese and English punctuation; table rows and headings whole).
    4. Parse the reference list and inline sources.
    5. Find citation markers; link each to its sentence and its reference entry.
    6. Segment each sentence (jieba, lexicon terms whole) for search; its therapy
       mentions are where claims start from. (The spaCy pipeline, ``toolkit.nlp``,
       makes the same words into a Doc; nothing here reads one.)
    7. Extract claims (therapy, date, phase, enrollment, outcome) and link each
       to the references the article cites for it.
    8. Read the trial registry ids each claim's sentence names (``registries``), so that
       the registry records can be fetched and checked like any cited source.
    """
    text = source.text
    script = toolkit.converter.detect_script(text)
    simplified = toolkit.converter.to_simplified(text, script)
    paragraphs = paragraphs_of(text)
    sentences = sentences_of(text, paragraphs)
    references = references_of(text, paragraphs)
    markers = markers_of(text, paragraphs, sentences, references)
    views = sentence_views(simplified, [(s.start, s.end) for s in sentences])
    segmented = [toolkit.segmenter.segment(view.text, view.folded) for view in views]
    texts = [search_text(words) for words, _ in segmented]
    records = [
        SentenceRecord(
            s.index,
            s.paragraph,
            s.start,
            s.end,
            text,
            index_terms(text, dict.fromkeys(m.therapy for m in mentions.values()), None),
        )
        for s, text, (_, mentions) in zip(sentences, texts, segmented, strict=True)
    ]
    published = source.published or publication_date(simplified)
    inputs = [
        SentenceInput(
            s,
            view,
            tuple(TherapyMention(m.start, m.end, m.therapy) for m in mentions.values()),
            tuple(words),
        )
        for s, view, (words, mentions) in zip(sentences, views, segmented, strict=True)
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
        word_frequency=toolkit.word_frequency,
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
        claim_trial_ids=tuple(
            trial_ids(text[sentences[c.sentence].start : sentences[c.sentence].end]) for c in claims
        ),
    )


def sentence_views(simplified: str, spans: Iterable[tuple[int, int]]):
    """What segmentation and claims read of each sentence (``start``, ``end``): its simplified
    text with PDF line breaks joined and pinyin glosses dropped, offsets kept."""
    return [drop_glosses(join_lines(simplified[start:end], base=start)) for start, end in spans]


def search_texts(simplified: str, spans: Iterable[tuple[int, int]], segmenter) -> list[str]:
    """The words each sentence is indexed by (its search text), as ``process_article`` made
    them: what the full-text index holds, segmented again (it keeps no copy)."""
    return [
        search_text(segmenter.segment(view.text, view.folded)[0])
        for view in sentence_views(simplified, spans)
    ]


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # names given this run -> source

    @property
    def ok(self) -> bool:
        return not self.errors


def ingest_files(
    db: Database,
    paths: Iterable[str | Path],
    toolkit: Toolkit,
    *,
    on_file: Callable[[str], None] | None = None,
    published: str | None = None,
) -> IngestReport:
    """Read, process and store every article under ``paths`` in this process; one transaction per article.

    The ``ingest`` flow does the same with the processing spread over worker processes.
    """
    report = IngestReport()
    files, report.errors = discover(paths, toolkit.options.extensions)
    for error in report.errors:
        logger.warning("skipped %s", error)
    for path in files:
        try:
            source = read_pending(db, path, toolkit.options, report, published)
            if source is not None:
                store_result(db, store.article_rows(process_article(source, toolkit)), report)
        except InputError as error:
            logger.warning("skipped %s", error)
            report.errors.append(error)
        finally:
            if on_file is not None:
                on_file(str(path))
    return report


def read_pending(
    db: Database,
    path: str | Path,
    options: Options,
    report: IngestReport,
    published: str | None = None,
) -> SourceText | None:
    """Read one file; None when the corpus already holds it as it is (noted in ``report``).

    The one place that decides what is skipped: same content hash and same parser and
    extractor version. Raises :class:`InputError` for a file that cannot be read.
    """
    source = identify(db, read_article(path, options.max_bytes, published), report.names)
    if store.is_current(db, source.name, source.content_hash, PARSER_VERSION):
        logger.info("unchanged: %s", source.name)
        report.unchanged.append(source.name)
        return None
    return source


def source_key(path: str) -> str:
    """What an article read from ``path`` is: the URL, or the file's resolved path."""
    if "://" in path:
        return path.strip()
    return str(Path(path).resolve())


def identify(db: Database, source: SourceText, taken: dict[str, str] | None = None) -> SourceText:
    """``source`` under its article's name (:func:`store.name_for`): a file of the same
    name in another folder is another article. ``taken`` collects the names given."""
    key = source.source or source_key(source.path)
    name = store.name_for(db, key, source.name, taken)
    if taken is not None:
        taken[name] = key
    return dataclasses.replace(source, name=name, source=key)


def store_result(db: Database, rows: store.ArticleRows, report: IngestReport) -> None:
    outcome = store.write_article(db, rows)
    getattr(report, outcome).append(rows.name)


def process_batch(
    sources: Iterable[SourceText], toolkit: Toolkit
) -> list[store.ArticleRows | InputError]:
    """Process articles one by one into the rows the writer stores.

    What worker processes and Dask tasks run. An article the stages fail on becomes
    an error, not a lost batch.
    """
    results: list[store.ArticleRows | InputError] = []
    for source in sources:
        try:
            results.append(store.article_rows(process_article(source, toolkit)))
        except Exception as e:  # a bug on one article must not lose the others
            logger.exception("processing %s failed", source.path)
            results.append(InputError(source.path, f"processing failed: {type(e).__name__}: {e}"))
    return results


def judge_source(claim: dict, source: dict, prepared, toolkit: Toolkit):
    """One claim against one of its sources; an archived copy says so in the reason."""
    from .registries import RegistryRecord, verify_record
    from .verify import verify_claim

    if source.get("kind") == "registry" and source.get("record"):
        record = RegistryRecord.from_json(source["record"])
        verdict = verify_record(claim, record, prepared.text)
    else:
        verdict = verify_claim(claim, prepared, toolkit.lexicon)
    if source.get("archived"):
        reason = f"{verdict.reason} (read in an archived copy of {source['archived']})"
        verdict = dataclasses.replace(verdict, reason=reason)
    return verdict


def source_label(source: dict) -> str:
    if source.get("ref") is not None:
        return f"[{source['ref']}]"
    return str(source.get("trial_id") or source.get("url"))


def headline_reason(verdict, origin: dict, judged: list) -> str:
    """The headline verdict's reason on one line, naming its source when there are several."""
    if len(judged) < 2:
        return verdict.reason
    others = "; ".join(f"{v.verdict} {source_label(s)}" for s, v in judged if v is not verdict)
    return f"{source_label(origin)} {verdict.reason}; other sources: {others}"


def source_verdict_row(claim: dict, source: dict, verdict) -> dict:
    """A ``source_verdicts`` row: one claim judged against one source."""
    key = source.get("trial_id") or f"r{source.get('ref')}"
    return {
        "id": f"{claim['row_id']}-{key}",
        "claim_row": claim["row_id"],
        "claim_id": claim["claim_id"],
        "kind": source.get("kind") or "reference",
        "ref": source.get("ref"),
        "url": source.get("url"),
        "document_version": source.get("document_version"),
        "archived": source.get("archived"),
        "verdict": verdict.verdict,
        "reason": verdict.reason,
        "evidence": json.dumps(
            [{"start": e.start, "end": e.end, "text": e.text} for e in verdict.evidence],
            ensure_ascii=False,
        ),
        "checks": json.dumps(dict(verdict.checks), ensure_ascii=False),
    }


@dataclass
class VerifyReport:
    verdicts: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    facts: int = 0
    conflicts: int = 0
    new_conflicts: list[str] = field(default_factory=list)


def verify_corpus(db: Database, toolkit: Toolkit, *, force: bool = False) -> VerifyReport:
    """Judge every current claim against the sources it cites, then assemble facts and flag conflicts.

    1. For each claim, the current version of every fetched or attached source it cites
       (an archived copy when the page is dead).
    2. Skip claims whose sources and verifier are those of the stored verdict (unless ``force``).
       With the verifier and the lexicon of the last run, only the claims written since and
       those citing a document whose current version changed since are read (the change
       logs ``claims_to_verify`` and ``documents_to_verify``).
    3. Verify against each source and keep every verdict; the claim's headline verdict is a
       contradiction when any source contradicts it, else the best.
    4. Assemble the facts of each therapy whose current claims changed since the last run
       (``therapies_to_check``; every therapy when the verifier or lexicon changed) and
       record their contradictions.
    """
    from .assemble import alias_conflicts, date_conflicts
    from .verify import (
        ATTENTION_ORDER,
        UNAVAILABLE,
        VERIFIER_VERSION,
        Source,
        Verdict,
        headline_verdict,
    )

    report = VerifyReport()
    stamp = verify_stamp(db, toolkit, VERIFIER_VERSION)
    last_stamp, last = store.read_derived_any(db, "verified")
    if not force and last_stamp == stamp + store.change_stamp(db, "verifications"):
        # Nothing it reads changed since the last run.
        return VerifyReport(
            unchanged=last["claims"], facts=last["facts"], conflicts=last["conflicts"]
        )
    pending = store.claims_to_verify(db)
    documents = store.documents_to_verify(db)
    therapies = store.therapies_to_check(db)
    method = method_stamp(toolkit, VERIFIER_VERSION)
    incremental = not force and last is not None and last.get("method") == method
    if incremental:
        # The verifier and lexicon of the last run: the claims written since, and those citing
        # a document whose current version changed since, need a look.
        rows = sorted({*pending, *queries.claims_citing(db, documents)})
        known = store.verification_keys(db, rows)
        claims = list(queries.claim_sources(db, rows))
        report.unchanged = queries.counted_claims(db) - len(claims)
    else:
        known = store.verification_keys(db)
        claims = queries.claim_sources(db)
        therapies = None  # every therapy
    prepared: dict[str, Source] = {}
    rows: list[dict] = []
    per_source: list[dict] = []
    for claim in claims:
        sources = [s for s in claim["sources"] if s.get("document_version")]
        sources_key = ",".join(sorted(s["document_version"] for s in sources))
        if not force and known.get(claim["row_id"]) == (sources_key, VERIFIER_VERSION):
            report.unchanged += 1
            continue
        judged: list[tuple[dict, Verdict]] = []
        for source in sources:
            version = source["document_version"]
            if version not in prepared:
                text = queries.document_text(db, version)
                prepared[version] = Source(
                    text, toolkit.converter, published=source.get("published")
                )
            judged.append((source, judge_source(claim, source, prepared[version], toolkit)))
        judged.sort(key=lambda pair: ATTENTION_ORDER.index(pair[1].verdict))
        if judged:
            verdict = headline_verdict([v for _, v in judged])
            origin = next(s for s, v in judged if v is verdict)
        else:
            reason = (
                "the article cites no source for this claim"
                if not claim["refs"] and not claim.get("trial_ids")
                else "no cited source has been fetched or attached yet"
            )
            verdict, origin = Verdict(UNAVAILABLE, reason), {}
        report.verdicts[verdict.verdict] = report.verdicts.get(verdict.verdict, 0) + 1
        per_source.extend(source_verdict_row(claim, s, v) for s, v in judged)
        rows.append(
            {
                "id": claim["row_id"],
                "claim_id": claim["claim_id"],
                "verdict": verdict.verdict,
                "reason": headline_reason(verdict, origin, judged),
                "evidence": json.dumps(
                    [
                        {
                            "ref": origin.get("ref"),
                            "url": origin.get("url"),
                            "start": e.start,
                            "end": e.end,
                            "text": e.text,
                        }
                        for e in verdict.evidence
                    ],
                    ensure_ascii=False,
                ),
                "per_source": json.dumps(
                    [
                        {
                            "ref": s.get("ref"),
                            "url": s["url"],
                            "verdict": v.verdict,
                            "reason": v.reason,
                        }
                        for s, v in judged
                    ],
                    ensure_ascii=False,
                ),
                "sources_key": sources_key,
                "verifier_version": VERIFIER_VERSION,
            }
        )
    store.write_source_verdicts(db, [row["id"] for row in rows], per_source)
    with store.write_lock(db):
        # The log read is emptied first, in the same transaction: the verdicts take its
        # pages (the first verify of a corpus logs every claim: 10 MB at 10,000 articles,
        # which the file kept as free pages otherwise).
        store.verified(db, pending)
        store.write_verifications(db, rows)
    found = alias_conflicts(toolkit.lexicon)
    for therapy in queries.claim_therapies(db) if therapies is None else therapies:
        facts, outcomes = queries.conflict_claims(db, therapy)
        found += date_conflicts(facts) + outcomes
    report.new_conflicts = store.write_conflicts(
        db,
        [
            {
                "id": c.conflict_id,
                "kind": c.kind,
                "therapy": c.therapy,
                "detail": c.detail,
                "claim_ids": json.dumps(list(c.claim_ids)),
            }
            for c in found
        ],
        therapies=therapies,
    )
    report.facts = sum(queries.fact_counts(db).values())
    report.conflicts = queries.count_conflicts(db)
    store.documents_verified(db, documents)
    store.therapies_checked(
        db, therapies if therapies is not None else store.therapies_to_check(db)
    )
    if verify_stamp(db, toolkit, VERIFIER_VERSION) == stamp:  # no claim or source came meanwhile
        total = report.unchanged + sum(report.verdicts.values())
        done = {"claims": total, "facts": report.facts, "conflicts": report.conflicts}
        done["method"] = method
        store.write_derived(db, "verified", stamp + store.change_stamp(db, "verifications"), done)
    return report


def method_stamp(toolkit: Toolkit, verifier_version: str) -> str:
    """What a verdict depends on besides the claim and its sources: the verifier's version
    and the lexicon."""
    lexicon = hashlib.sha256(
        json.dumps(toolkit.lexicon.entries, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:16]
    return f"verifier:{verifier_version} lexicon:{lexicon} "


def verify_stamp(db: Database, toolkit: Toolkit, verifier_version: str, *tables: str) -> str:
    """What a verify run's verdicts depend on: the change counters of ``tables`` (default the
    claims' and documents'), the verifier's version and the lexicon."""
    counters = store.change_stamp(db, *(tables or ("claims", "documents")))
    return f"{counters} {method_stamp(toolkit, verifier_version)}"
