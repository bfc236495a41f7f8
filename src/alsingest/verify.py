"""Verification: does the cited source really say what the claim says?

For a claim and the text of a document it cites:

1. refuse to judge a source that is empty, a block or verification page, or in a
   language the pipeline does not read (``unavailable``, with the reason);
2. find the therapy in the source by any alias, in either script or English;
   none → ``not_found``;
3. look near each mention (the sentence and two on each side) for every attribute
   the claim states — date (precision-aware; the source's publication date counts
   for "announced on"), enrollment, phase, outcome, withdrawal;
4. ``supported`` when all are found, ``contradicted`` when the source gives another
   value for one of them and never the claim's, otherwise ``partial``.

Chinese claims and English sources are the normal case: every pattern used here
reads both languages, and matching runs on folded simplified text.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from . import patterns
from .claims import find_enrollment, normalize_phase, parse_count
from .claims.attributes import (
    hoped_for,
    is_event_date,
    is_period,
    phase_stages,
    stated_count,
    two_arm_counts,
    two_arms,
)
from .claims.binding import clause_at
from .claims.discourse import is_about_another_disease
from .claims.mentions import not_a_therapy
from .dates import cn_number, en_number, find_dates, last_weekday, order_told
from .lexicon import Lexicon, name_key
from .normalize import Converter, fold, is_hangul, is_kana, join_lines
from .structure import paragraphs_of, sentences_of

logger = logging.getLogger(__name__)

VERIFIER_VERSION = "3"

SUPPORTED = "supported"
PARTIAL = "partial"
CONTRADICTED = "contradicted"
NOT_FOUND = "not_found"
UNAVAILABLE = "unavailable"
# Best first.
VERDICT_ORDER = (SUPPORTED, PARTIAL, CONTRADICTED, NOT_FOUND, UNAVAILABLE)
# What a claim shows first: a contradiction, whatever its other sources say.
ATTENTION_ORDER = (CONTRADICTED, SUPPORTED, PARTIAL, NOT_FOUND, UNAVAILABLE)

WINDOW = 2  # sentences on each side of a mention
LEAD_CHARS = 600  # a page's lead: its title, date line and first sentences
MIN_TEXT = 200  # characters (a Chinese character counts three): less is no article

# Pages a script gets instead of the article: WeChat's and Toutiao's checks, paywalls, errors.
BLOCK_PAGE = re.compile(
    r"环境异常|完成验证后|请在微信客户端打开|访问过于频繁|enable javascript|access denied|"
    r"are you a robot|captcha|verify you are human|403 forbidden|404 not found|page not found|"
    r"subscribe to (continue|read)|sign in to continue",
    re.IGNORECASE,
)
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "with",
        "was",
        "as",
        "on",
        "are",
        "by",
        "were",
        "this",
        "from",
        "be",
        "at",
        "an",
        "or",
        "which",
        "have",
        "has",
        "not",
        "trial",
        "patients",
    ]
)


@dataclass(frozen=True)
class Evidence:
    start: int  # offsets in the source document's text
    end: int
    text: str


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str
    evidence: tuple[Evidence, ...] = ()
    checks: Mapping[str, str] = field(
        default_factory=dict
    )  # attribute -> found | missing | conflict


def unreadable(text: str) -> str | None:
    """Why a source cannot be judged, or None when it can."""
    body = text.strip()
    size = len(body) + 2 * sum(1 for ch in body if "\u4e00" <= ch <= "\u9fff")
    if size < MIN_TEXT:
        if BLOCK_PAGE.search(body):
            return "the source is a block or verification page, not the article"
        return f"the source has {len(body)} characters of text: too little to judge"
    letters = [ch for ch in body[:20000] if ch.isalpha()]
    if not letters:
        return "the source has no text, only numbers and symbols (a scanned PDF?)"
    kana = sum(1 for ch in letters if is_kana(ch))
    hangul = sum(1 for ch in letters if is_hangul(ch))
    cjk = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fff")
    if kana > 0.05 * len(letters):
        return "the source is in Japanese, which the verifier does not read"
    if hangul > 0.05 * len(letters):
        return "the source is in Korean, which the verifier does not read"
    if cjk < 0.05 * len(letters):
        words = re.findall(r"[a-z]+", body[:20000].lower())
        if words and sum(1 for w in words if w in ENGLISH_WORDS) < 0.04 * len(words):
            return "the source is in a language other than Chinese or English"
    if BLOCK_PAGE.search(body[:2000]) and len(body) < 2000:
        return "the source is a block or verification page, not the article"
    return None


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    view: str  # folded simplified text, line breaks joined
    # The year a year-less date in it is read in: the source's own, else the last year the
    # text gave before it ("2024年5月…" then "10月8日").
    year: int | None = None


class Source:
    """A source document prepared once: its sentences as folded simplified views."""

    def __init__(self, text: str, converter: Converter, published: str | None = None):
        self.text = text
        self.published = published
        # Hard-wrapped lines joined (a space for a newline: offsets stay those of ``text``).
        unwrapped = patterns.WRAPPED_LINE_BREAK.sub(" ", text)
        script = converter.detect_script(unwrapped)
        simplified = converter.to_simplified(unwrapped, script)
        paragraphs = paragraphs_of(unwrapped)
        self.sentences = [
            _Sentence(s.start, s.end, fold(join_lines(simplified[s.start : s.end]).text))
            for s in sentences_of(unwrapped, paragraphs)
        ]
        self._named: set[str] | None = None
        self.problem = unreadable(text)
        self.dateline = dateline_date(unwrapped)
        # A page with no date given for it is dated by its own header ("2024-10-09").
        self.published = published or header_date(unwrapped)
        # A year-less "10月8日" in the source is of the year the source is dated.
        dated = self.dateline or self.published
        self.year = int(dated[:4]) if dated else None
        context = self.year
        for k, sentence in enumerate(self.sentences):
            self.sentences[k] = replace(sentence, year=context)
            if self.year is None:
                context = find_dates(sentence.view, context)[1]
        # A page on a trial for spinal cord injury that never names ALS states no ALS event.
        whole = fold(simplified)
        self.years_named = set(patterns.STANDALONE_YEAR.findall(whole))
        self.about_another_disease = not patterns.ALS_DISEASE.search(whole) and (
            any(is_about_another_disease(s.view) for s in self.sentences)
            or patterns.OTHER_CONDITION.search(whole) is not None
        )

    def mentions(
        self, therapy: str, lexicon: Lexicon, unlisted_name: str | None = None
    ) -> list[int]:
        """Indexes of the sentences that name ``therapy``."""
        found = []
        # A code is also found with a suffix the lexicon does not list ("XS228CN" for xs228).
        code = CODE_ID.fullmatch(therapy)
        keys = [name_key(unlisted_name)] if unlisted_name else []
        # A romanised name is found however it is spaced ("Huoling Shengji Granule").
        keys += [
            k
            for k in (name_key(n) for n in lexicon.entries.get(therapy, ()))
            if len(k) >= 8 and k.isascii() and k.isalpha()
        ]
        suffixed = _code_with_suffix(*code.groups()) if code else None
        abbreviations: set[str] = set()
        for i, sentence in enumerate(self.sentences):
            named = any(m.therapy == therapy for m in lexicon.find(sentence.view))
            spaced = next((k for k in keys if k in self.keys[i]), None)
            if (
                named
                or spaced
                or (suffixed and suffixed.search(sentence.view))
                or any(re.search(rf"\b{a}\b", sentence.view) for a in abbreviations)
            ):
                found.append(i)
            if spaced:
                # "Huoling Shengji Granule (HLSJ)": the short form the source goes on with, in
                # parentheses right after the name (not "… in amyotrophic lateral sclerosis (ALS)").
                for m in ABBREVIATION.finditer(sentence.view):
                    before = name_key(sentence.view[max(0, m.start() - 60) : m.start()])
                    at = before.rfind(spaced)
                    if (
                        at >= 0
                        and len(before) - at - len(spaced) <= 12
                        and _abbreviates(m.group(1), spaced)
                        and not patterns.NOT_A_TRIAL_NAME.match(m.group(1).upper())
                    ):
                        abbreviations.add(m.group(1))
        return found

    def therapies_named(self, lexicon: Lexicon) -> set[str]:
        """Every listed therapy the source names, a part of a fixed combination as the
        combination ("sodium phenylbutyrate and taurursodiol" is AMX0035)."""
        if self._named is None:
            parts = lexicon.combinations
            self._named = {
                parts.get(m.therapy, m.therapy)
                for s in self.sentences
                for m in lexicon.find(s.view)
            }
        return self._named

    @cached_property
    def keys(self) -> list[str]:
        """Each sentence as :func:`name_key` reads a name: no case, spaces or hyphens."""
        return [name_key(s.view) for s in self.sentences]

    @cached_property
    def record_start(self) -> tuple[tuple[int, ...], str, bool] | None:
        """A registry record's one start date field (:func:`_record_start`)."""
        return _record_start(self)

    @cached_property
    def recruiting_line(self) -> int | None:
        """The sentence that says the record still recruits (``_RECRUITING``), if one does."""
        return next(
            (
                i
                for i, s in enumerate(self.sentences)
                if _RECRUITING.search(self.text, s.start, s.end)
            ),
            None,
        )

    @cached_property
    def record_enrollment(self) -> list[tuple[tuple[int, ...], int | None, bool]]:
        """A registry record's enrollment fields (:func:`_record_enrollment`)."""
        return _record_enrollment(self)

    @cached_property
    def trial_sizes(self) -> list[tuple[int, int]]:
        """Each sentence's trial size, as the extractor reads one, but for plans ("plans to
        enroll about 150"): its index and the count."""
        return [
            (i, found.value)
            for i, sentence in enumerate(self.sentences)
            if (found := find_enrollment(sentence.view))
            and not patterns.PLANNED.search(sentence.view)
        ]

    @cached_property
    def folded_text(self) -> str:
        """The whole text folded (case, width), as written: no script conversion."""
        return fold(self.text)

    @cached_property
    def record_ids(self) -> set[str]:
        """The registry ids the source names (:func:`_record_ids`)."""
        return _record_ids(self.text)

    @cached_property
    def extension_study(self) -> bool:
        """A record of an extension study: its title says so, or its text "this extension trial"."""
        title = self.sentences[0].view if self.sentences else ""
        return bool(patterns.EXTENSION_STUDY.search(title)) or any(
            patterns.THIS_EXTENSION.search(s.view) for s in self.sentences
        )

    @cached_property
    def started_record(self) -> bool:
        """A registry record of a trial that started (not one withdrawn before anyone enrolled)."""
        return self.is_record and not patterns.RECORD_NOT_STARTED.search(self.folded_text)

    @cached_property
    def phases_stated(self) -> set[str]:
        """Every phase any of its sentences states."""
        return {p for s in self.sentences for p in _stated_phases(s.view)}

    @cached_property
    def numeric_order(self) -> str | None:
        """The page's order of dates in figures (:func:`numeric_order`)."""
        return numeric_order([s.view for s in self.sentences])

    @cached_property
    def is_record(self) -> bool:
        """A registry record: field names on lines of their own, a start date or an
        enrollment field."""
        keys = sum(1 for s in self.sentences if patterns.RECORD_KEY_LINE.fullmatch(s.view))
        return (
            keys >= 2
            # a mirror that prints its values bare under "NCT ID: NCT03268603" at its head
            or bool(
                self.record_ids
                and any(
                    patterns.RECORD_FIELD_LINE.search(s.view) for s in self.sentences[:RECORD_HEAD]
                )
            )
            or self.record_start is not None
            or any(patterns.RECORD_ENROLLMENT.search(s.view) for s in self.sentences)
        )


# The lines of a registry record's head, where its id field stands ("NCT ID: NCT03268603"), and
# of the summary block that follows it.
RECORD_HEAD = 4
RECORD_SUMMARY_LINES = 15

# "(HLSJ)": a short form defined in parentheses.
ABBREVIATION = re.compile(r"[(（]\s*([a-z][a-z0-9]{1,9})\s*[)）]")


def _abbreviates(short: str, name: str) -> bool:
    """``short`` is a short form of ``name``: its first letter, then its letters in order."""
    if not name.startswith(short[0]):
        return False
    at = 0
    for ch in short:
        at = name.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _code_with_suffix(letters: str, digits: str) -> re.Pattern:
    """Code "xs" "228" as written in a folded view: "XS228", "XS-228", "XS228CN"; not "XS2280"."""
    return re.compile(rf"(?<![a-z0-9]){letters}[-\s]?{digits}(?!\d)")


def _dates_compatible(claimed: str, stated: str) -> bool:
    """'2025-04' and '2025-04-10' agree; '2025-04' and '2025-05' do not."""
    return claimed.startswith(stated) or stated.startswith(claimed)


def dateline_date(text: str) -> str | None:
    """The date of a press release's dateline ("BEIJING, March 24, 2025 -"), if it has one."""
    head = text[:3000]
    for match in patterns.DATELINE.finditer(head):
        # at a line's start: not "… the FDA, April 25, 2023 (" inside a sentence
        if head[head.rfind("\n", 0, match.start()) + 1 : match.start()].strip():
            continue
        dates = [d.iso for d in find_dates(fold(patterns.dateline_text(match)))[0] if d.iso]
        return dates[0] if dates else None
    return None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def header_date(text: str, head: int = 600) -> str | None:
    """The date a source gives itself in its first lines, when it has no dateline: a page's
    "2024-10-09", a wire copy's "3.9.2020" (day first), a citation's "1996 May", a line labelled
    "Date: Tuesday, December 12, 1995"."""
    labelled = patterns.LABELLED_DATE_LINE.search(text[:head])
    if labelled:
        rest = labelled.group("rest") or labelled.group("rest2")
        dates = [d.iso for d in find_dates(fold(rest))[0] if d.iso]
        if dates:
            return dates[0]
    match = patterns.SOURCE_HEADER_DATE.search(text[:head])
    if match is None:
        return None
    if match.group("mon"):
        return f"{match.group('y3')}-{_MONTHS.index(match.group('mon').lower()) + 1:02d}"
    if match.group("mon4"):
        month = _MONTHS.index(match.group("mon4").lower()) + 1
        return f"{match.group('y4')}-{month:02d}-{int(match.group('d4')):02d}"
    year, month, day = (
        (match.group("y"), match.group("m"), match.group("d"))
        if match.group("y")
        else (match.group("y2"), match.group("m2"), match.group("d2"))
    )
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


# A release's dateline at the head of its first sentence, as folded: "beijing, aug. 18, 2025
# /prnewswire/ -- ".
_DATELINE_HEAD = re.compile(r"^[^;]{0,60}?\d{4}\s*(?:/[\w ]+/)?\s*(?:--|—|–|-)\s")


def _past_the_dateline(view: str, dates: list) -> list:
    """Dates of a sentence less its dateline's when it announces "today" ("BEIJING, Aug. 18, 2025
    /PRNewswire/ -- X announced today that …"): the day it was made known, which the event's
    check reads as such, not a day of the event."""
    line = _DATELINE_HEAD.match(view) if dates else None
    if line is None or not patterns.ANNOUNCED_TODAY.search(view):
        return dates
    return [d for d in dates if d.start >= line.end()]


# A product code in capitals without digits: "HYNR-CS".
_LETTER_CODE = re.compile(r"(?<![A-Za-z0-9-])[A-Z]{2,6}-[A-Z0-9]{2,6}(?![A-Za-z0-9-])")


_BRACKETED_CODE = re.compile(r"[(（]\s*[\"“]?([A-Za-z]{2,6}-?[A-Za-z0-9]{2,6})(?![A-Za-z0-9-])")


def _named_as_quoted(quote: str, source: Source, lexicon: Lexicon) -> list[int]:
    """Sentences naming the therapy by a code the claim's own words give for it, when the lexicon
    lists it under another name ("Autologous BM MSC (HYNR-CS inj)" against a record of
    "HYNR-CS"); not a registry number, a gene or a scale, nor a code the lexicon gives another
    therapy."""
    codes = {
        m.group("name")
        for m in patterns.CODE_NAME.finditer(fold(quote))
        if not not_a_therapy(m) and lexicon.canonical(m.group("name")) is None
    } | {
        code.lower()
        for code in _LETTER_CODE.findall(quote)
        if not patterns.NOT_A_THERAPY.match(code.lower())
        and lexicon.canonical(code) is None
        # not a trial's name ("HEALEY-ALS", "MND-SMART")
        and not any(patterns.NOT_A_TRIAL_NAME.match(part) for part in code.split("-"))
    }
    if codes and any(m.therapy for m in lexicon.find(fold(quote))):
        # a quote that names a listed therapy: only a code glossing a name in brackets ("BM MSC
        # (HYNR-CS inj)") is the therapy's; others are another drug's or a trial's
        glossed = {g.lower() for g in _BRACKETED_CODE.findall(quote)}
        codes = {c for c in codes if c in glossed}
    if not codes:
        return []
    found = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, codes)) + r")(?![a-z0-9])")
    return [i for i, s in enumerate(source.sentences) if found.search(s.view)]


def _days_before(claimed: str, announced: str) -> int | None:
    """How many days the claimed full date is before the announced one (None unless both are days)."""
    if len(claimed) != 10 or len(announced) != 10:
        return None
    try:
        return (date.fromisoformat(announced) - date.fromisoformat(claimed)).days
    except ValueError:
        return None


def _a_day_apart(claimed: str, stated: str) -> bool:
    """Two full dates a day apart: a release stamped in one time zone, reported in another."""
    days = _days_before(claimed, stated)
    return days is not None and abs(days) <= 1


def _another_day(claimed: str, stated: str, to_the_day: bool = True) -> bool:
    """Another month, or (both given to the day, ``to_the_day``) days more than one apart."""
    if claimed[:7] != stated[:7]:
        return True
    return to_the_day and len(claimed) == len(stated) == 10 and not _a_day_apart(claimed, stated)


# --- outcome polarity ----------------------------------------------------------------

MET = "met"
MISSED = "missed"


@dataclass(frozen=True)
class OutcomeStatement:
    """One statement of a trial's outcome in a source sentence."""

    sentence: int  # index into Source.sentences
    polarity: str  # met | missed
    primary: bool  # about the primary endpoint
    partial: bool  # a success that holds for a post hoc or subgroup analysis only
    safety: bool = False  # a success of tolerability only ("was well tolerated")


def _spans(regexes: tuple[re.Pattern, ...], view: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for regex in regexes for m in regex.finditer(view)]


def outcome_statements(view: str, sentence: int = 0) -> list[OutcomeStatement]:
    """Every outcome a sentence states, with its polarity after negation.

    A success word is negated by a negation earlier in its clause ("has not met its
    primary endpoint", "并未显著改善"); one that overlaps a failure phrase is part of it.
    """

    missed = []  # (start, end, what was missed is named as the primary endpoint)
    for a, b in _spans((patterns.OUTCOME_MISSED, patterns.VERIFY_MISSED), view):
        missed_what = patterns.MISSED_PRIMARY_OBJECT.match(view, b)
        missed.append((a, missed_what.end(), True) if missed_what else (a, b, False))

    def about_primary(start: int, end: int) -> bool:
        # Not looking back past a missed endpoint: in "did not meet its primary endpoint,
        # but improved X", the improvement is another outcome.
        ends = [b for _, b, _ in missed if b <= start]
        around = view[max(0, start - 60, *ends) : end + 40]
        return bool(patterns.PRIMARY_ENDPOINT.search(around))

    statements = [
        OutcomeStatement(sentence, MISSED, named or about_primary(a, b), False)
        for a, b, named in missed
    ]
    partial = bool(patterns.POST_HOC.search(view))
    for m in patterns.OUTCOME_MET.finditer(view):
        if any(a < m.end() and m.start() < b for a, b, _ in missed):
            continue
        if hoped_for(view, m) or (
            patterns.POSITIVE_RESULTS.fullmatch(m.group())
            and patterns.PRECLINICAL_MODEL.search(view, m.end(), m.end() + 40)
        ):
            continue  # "expects positive results", "promising results in SOD1 mice"
        if patterns.DEFINES_BEFORE.search(patterns.clause_before(view, m.start())):
            continue  # "DRR less than 1 indicating a slowing": what a value would mean
        if patterns.negated(view, m.start()):
            statements.append(
                OutcomeStatement(sentence, MISSED, about_primary(m.start(), m.end()), False)
            )
            continue
        statements.append(
            OutcomeStatement(
                sentence,
                MET,
                about_primary(m.start(), m.end()),
                partial,
                safety=bool(patterns.SAFETY_OUTCOME.fullmatch(m.group())),
            )
        )
    return statements


@dataclass(frozen=True)
class Check:
    """One attribute judged against a source: its state, the sentences that tell, and why."""

    state: str  # found | conflict | missing
    sentences: tuple[int, ...] = ()
    detail: str = ""


def check_outcome(claimed: str, statements: list[OutcomeStatement]) -> Check:
    """The claim's outcome against every outcome statement near the therapy.

    A claimed success, of the primary endpoint or unqualified, is contradicted when the
    source says the primary endpoint was missed and never that it was met; success on
    other measures or in a subgroup does not save it.
    """
    missed = [s for s in statements if s.polarity == MISSED]
    met = [s for s in statements if s.polarity == MET and not s.partial]
    partial = [s for s in statements if s.polarity == MET and s.partial]

    def where(found: list[OutcomeStatement]) -> tuple[int, ...]:
        return tuple(sorted({s.sentence for s in found}))

    if claimed.startswith(MISSED):
        if missed:
            return Check("found", where(missed))
        # (a drug may be well tolerated and of no benefit: tolerability contradicts no miss)
        effective = [s for s in met if not s.safety]
        if effective:
            return Check("conflict", where(effective), "the source says the trial succeeded")
        return Check("missing")
    # A trial's result is its primary endpoint: where the source says that was missed,
    # success on other measures does not make the claimed success true.
    missed_primary = [s for s in missed if s.primary]
    met_primary = [s for s in met if s.primary]
    if claimed.endswith("primary") and met_primary and not missed_primary:
        return Check("found", where(met_primary))
    if missed_primary and not met_primary:
        detail = "the source says the primary endpoint was missed"
        if partial:
            detail += ", with success only in a post hoc or subgroup analysis"
        return Check("conflict", where(missed_primary + partial), detail)
    if met:
        return Check("found", where(met))
    if missed:
        detail = "the source says the trial failed"
        if partial:
            detail += ", with success only in a post hoc or subgroup analysis"
        return Check("conflict", where(missed + partial), detail)
    return Check("missing")


# --- events: which stage, planned or done, and when ---------------------------------

EVENT_PATTERNS: Mapping[str, re.Pattern] = {
    "approval": patterns.STAGE_APPROVED,
    "launch": patterns.VERIFY_LAUNCH,
    "submission": patterns.STAGE_SUBMITTED,
    "trial_start": patterns.VERIFY_TRIAL_START,
    "dosing": patterns.VERIFY_DOSING,
    "withdrawal": patterns.VERIFY_WITHDRAWAL,
    # a claim of another kind whose quote tells a designation ("获得孤儿药资格认定")
    "designation": patterns.DESIGNATION,
    # a trial start whose quote tells the regulator's leave for it ("the FDA has approved a … trial")
    "trial_clearance": patterns.TRIAL_CLEARANCE,
}


_A_MEETING = re.compile(
    r"召开|举行|举办|电话会议|投资者|\bhost\w*|\bcall\b|\bmeeting\b|\bconference\b|\bwebcast\b|\bwebinar\b"
)


def event_kind(claim: Mapping) -> str:
    """The kind of event whose statements date the claim: its type, or a designation."""
    kind = str(claim.get("type"))
    if kind == "other" and patterns.DESIGNATION.search(fold(str(claim.get("quote") or ""))):
        return "designation"
    if kind == "trial_start" and patterns.TRIAL_CLEARANCE.search(
        fold(str(claim.get("quote") or ""))
    ):
        return "trial_clearance"
    return kind


# Any word for the event, asked for, planned or denied: a source without one near the
# therapy is silent on the claim (a launch may be read from the approval it follows).
EVENT_WORDS: Mapping[str, re.Pattern] = {
    "approval": patterns.VERIFY_APPROVAL,
    "launch": re.compile(f"{patterns.VERIFY_LAUNCH.pattern}|{patterns.APPROVAL.pattern}"),
    "submission": re.compile(f"{patterns.SUBMISSION.pattern}|{patterns.STAGE_SUBMITTED.pattern}"),
    "trial_start": patterns.VERIFY_TRIAL_START,
    "dosing": patterns.VERIFY_DOSING,
    "withdrawal": patterns.VERIFY_WITHDRAWAL,
}


@dataclass(frozen=True)
class EventMention:
    sentence: int
    start: int
    planned: bool
    negated: bool


def event_mentions(kind: str, view: str, sentence: int = 0) -> list[EventMention]:
    """Where a sentence states an event of ``kind``; approvals asked for are not approvals."""
    found = []
    for m in EVENT_PATTERNS[kind].finditer(view):
        if not _an_event_of_the_kind(kind, view, m):
            continue
        before = view[max(0, m.start() - 16) : m.start()]
        if kind == "approval" and patterns.APPROVAL_SOUGHT_BEFORE.search(before):
            continue
        if kind == "submission" and patterns.TRIAL_APPROVAL.search(_clause_of(view, m.start())):
            continue  # an IND or a trial application, not a filing for the market
        clause = patterns.clause_before(view, m.start())
        found.append(
            EventMention(
                sentence,
                m.start(),
                bool(patterns.PLANNED_BEFORE.search(clause)),
                bool(patterns.NEGATION_BEFORE.search(clause)),
            )
        )
    return found


# Denied, asked for or hedged, in the words before a withdrawal: "no plans to discontinue",
# "urged AB Science to discontinue", "would discontinue … if", "weighing whether to abandon",
# "不会放弃", "若…将终止" (not the month "In May 2024", a reason "因疗效不佳…撤市").
_WITHDRAWAL_DENIED = re.compile(
    r"\b(?:no plans?|not|never|won't|will not|does not|did not|denied|denies|rejected)\b[^,;.]{0,24}$"
    r"|(?:不会|不打算|无意|没有计划|并未|尚未|否认|拒绝)[^，,。；;]{0,8}$"
)
_WITHDRAWAL_ASKED = re.compile(
    r"\b(?:urg\w*|ask\w*|call\w* (?:on|for)|petition\w*|press\w*)\b[^,;.]{0,40}\bto\s*$"
    r"|\b(?:should|could|might|would|if|whether|weigh\w*|consider\w*)\b[^,;.]{0,30}$|\bmay\b(?!\s*\d)[^,;.]{0,30}$"
    r"|(?:要求|呼吁|建议|应当|可能|若|如果|一旦|是否)[^。；;]{0,30}$"
)


def _withdrawal_stated(view: str, planned: bool = False) -> bool:
    """A withdrawal the sentence states as done or decided, of ALS: not denied ("no plans to
    discontinue development", "不会放弃"), not of another disease, nor, for a claim of one done,
    asked for or hedged ("urged … to discontinue", "would … if", "若…将终止")."""
    for m in patterns.VERIFY_WITHDRAWAL.finditer(view):
        before = patterns.clause_before(view, m.start())
        if _WITHDRAWAL_DENIED.search(before) or is_about_another_disease(
            _clause_of(view, m.start())
        ):
            continue
        if planned or not _WITHDRAWAL_ASKED.search(view[max(0, m.start() - 60) : m.start()]):
            return True
    return False


# Studies that are no trial of the therapy ("a retrospective study, which enrolled 300"), a trial
# that came before ("the earlier phase 2/3 trial, which enrolled 394"), conditions ("once it has
# received approval"), a contrast ("Unlike the ATLAS trial, …"): none tells this trial under way.
_NO_TRIAL_OF_IT = re.compile(
    r"\b(?:retrospective|real-world|meta-analys\w*|pooled analys\w*|surveillance|observational|"
    r"registry|natural history|cohort|earlier|previous|prior|preceding|unlike|whereas)\b"
)
_NOT_YET = re.compile(r"\b(?:before|until|yet|not|hold)\b")
_CONDITION_BEFORE = re.compile(r"\b(?:once|if|until|unless|when|before|yet to)\b[^,;.]{0,40}$")


def _start_on_no_day(view: str, at: int) -> bool:
    """Trial-start words that state a start on no day of it: a trial told under way by its own
    relative clause ("which enrolled 943 people"), an approval received to run it."""
    return bool(
        patterns.TRIAL_ENROLLED.match(view, at) or patterns.RECEIVED_TRIAL_APPROVAL.match(view, at)
    )


def _an_event_of_the_kind(kind: str, view: str, m: re.Match) -> bool:
    """The trial-start and dosing words read in other words than the claim's take a trial of the
    therapy, stated as done: not another study, an earlier trial, a condition or a contrast (nor,
    for a first dose, one not yet given: "on clinical hold before it had started dosing")."""
    dosing = kind == "dosing" and patterns.TRIAL_DOSING.match(view, m.start())
    if not dosing and not (kind == "trial_start" and _start_on_no_day(view, m.start())):
        return True
    return not (
        _NO_TRIAL_OF_IT.search(view)
        or _CONDITION_BEFORE.search(patterns.clause_before(view, m.start()))
        or (dosing and _NOT_YET.search(m.group()))
    )


def _clause_of(view: str, at: int) -> str:
    tail = view[at:]
    cut = patterns.CLAUSE_BREAK.search(tail, 1)
    return patterns.clause_before(view, at) + (tail[: cut.start()] if cut else tail)


# (a decimal point set apart, as PDF text gives it: "56 . 8%")
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3})(?:\s?\.\s?(\d+))?\s*%")


def _rounded(value: float, decimals: int) -> float:
    """Half up, as people round ("32.5%" is "33%"), not half to even."""
    scale = 10**decimals
    return math.floor(value * scale + 0.5) / scale


def _percentages(text: str) -> list[tuple[float, int]]:
    """Each percentage with its number of decimals: "32.6%" is (32.6, 1)."""
    return [
        (float(f"{m.group(1)}.{m.group(2) or 0}"), len(m.group(2) or ""))
        for m in _PERCENT.finditer(text)
    ]


_P_VALUE = re.compile(r"(?<![a-z])p\s*(?P<sign>=|<|＜)\s*(?P<value>0?\s?\.\s?\d+)")


def _significant_p_values(view: str, exact: bool = False) -> set[float]:
    """The p-values below 0.05 a text states ("P = 0.014", "p<0.001"); ``exact``: only those
    given as a value ("P = 0.014"), which tell one comparison from another as a bound cannot."""
    if "p" not in view:
        return set()
    return {
        v
        for m in _P_VALUE.finditer(view)
        if (v := float(re.sub(r"\s", "", m.group("value")))) < 0.05
        and (m.group("sign") == "=" or not exact)
    }


def check_percentages(quote: str, window: list[tuple[int, str]]) -> Check | None:
    """The percentages a claim quotes ("31% against 28%") against a source sentence that states
    the same comparison: all of them at the claim's precision is found; some of them, with the
    others stated near but otherwise ("32.6% against 27.7%"), is a conflict. None when no
    sentence states them (a figure the source does not give is no attribute of the claim)."""
    claimed = _percentages(fold(quote))
    if len(claimed) < 2:
        return None
    stated_in = [(i, [value for value, _ in _percentages(view)]) for i, view in window]
    # A figure stated anywhere near is found, whichever sentence holds it.
    found_near = [
        any(_rounded(v, d) == c for _, stated in stated_in for v in stated) for c, d in claimed
    ]
    if all(found_near):
        return Check("found", tuple(i for i, stated in stated_in if stated))
    unmatched = [c for (c, _), hit in zip(claimed, found_near, strict=True) if not hit]
    near_miss = None
    for i, stated in stated_in:
        if len(stated) < len(claimed):
            continue
        matched = [any(_rounded(v, d) == c for v in stated) for c, d in claimed]
        if any(matched) and all(any(abs(v - c) <= 0.2 * c for v in stated) for c in unmatched):
            near_miss = near_miss or Check(
                "conflict",
                (i,),
                f"the source gives {', '.join(f'{v:g}%' for v in stated)}",
            )
    return near_miss


_MONTHS_IN = {"week": 12 / 52, "month": 1.0, "year": 12.0, "周": 12 / 52, "月": 1.0, "年": 12.0}


def trial_durations(view: str) -> list[float]:
    """The trial or treatment lengths a sentence states, in months."""
    found = []
    for m in patterns.TRIAL_DURATION.finditer(view):
        number = m.group("n") or m.group("n2") or m.group("n3")
        unit = m.group("unit") or m.group("unit2") or m.group("unit3")
        value = float(number) if number[0].isdigit() else en_number(number) or cn_number(number)
        if value:
            found.append(value * _MONTHS_IN[unit])
    return found


def check_duration(quote: str, window: list[tuple[int, str]]) -> Check | None:
    """How long the claim says the trial or its treatment lasted ("持续了 24 个月") against what
    the source says ("a six-month clinical trial"): none of the source's lengths is a conflict.
    None when either states none."""
    claimed = trial_durations(fold(quote))
    stated = [(i, d) for i, view in window for d in trial_durations(view)]
    if not claimed or not stated:
        return None
    close = [i for i, d in stated if any(abs(d - c) <= 0.1 * c for c in claimed)]
    if close:
        return Check("found", tuple(sorted(set(close))))
    lengths = ", ".join(f"{d:g} months" for d in sorted({round(d, 1) for _, d in stated}))
    return Check("conflict", tuple(sorted({i for i, _ in stated})), f"the source gives {lengths}")


def jurisdictions(view: str) -> set[str]:
    return {name for name, regex in patterns.JURISDICTIONS.items() if regex.search(view)}


def _another_jurisdiction(claim: Mapping, window: list[tuple[int, str]]) -> str | None:
    """An approval or a launch is one jurisdiction's: a claim of Health Canada's approval is not
    found in a source whose approvals are all the FDA's. None when either names none."""
    kind = str(claim.get("type"))
    if kind not in ("approval", "launch", "submission"):
        return None
    claimed = jurisdictions(fold(str(claim.get("quote") or "")))
    if not claimed:
        return None
    kinds = ("approval", "launch") if kind == "launch" else (kind,)
    # A sentence's jurisdictions, less those of a clause that holds only another kind of event
    # ("已在美国获批上市,并在2023年向中国…递交了上市申请": the approval is the US's alone).
    stated: set[str] = set()
    for i, view in window:
        events = [e for k in kinds for e in event_mentions(k, view, i)]
        if not any(not e.negated for e in events):
            continue
        named = jurisdictions(view)
        own = {_clause_of(view, e.start) for e in events}
        own_names = {name for clause in own for name in jurisdictions(clause)}
        other = {
            name
            for e in event_mentions("submission", view, i)
            if (clause := _clause_of(view, e.start)) not in own
            for name in jurisdictions(clause)
        } - own_names  # ("approved in Japan …, after … filed in Japan": Japan's still)
        stated |= (named - other) or named
    if not stated or stated & claimed:
        return None
    return (
        f"the source reports the {kind} in {', '.join(sorted(stated))}, "
        f"not in {', '.join(sorted(claimed))}"
    )


def check_stage(claim: Mapping, window: list[tuple[int, str]]) -> Check | None:
    """Approval or launch claimed done where the source only says submitted (or not approved)."""
    claim_type = str(claim.get("type"))
    if claim_type not in ("approval", "launch") or claim.get("status") == "planned":
        return None
    done = [
        e
        for i, view in window
        for e in event_mentions(claim_type, view, i)
        if not e.planned and not e.negated
    ]
    if done:
        return Check("found", tuple(sorted({e.sentence for e in done})))
    refused = [e for i, view in window for e in event_mentions("approval", view, i) if e.negated]
    submitted = [
        e for i, view in window for e in event_mentions("submission", view, i) if not e.negated
    ]
    if claim_type == "launch":
        approved = [
            e for i, view in window for e in event_mentions("approval", view, i) if not e.negated
        ]
        if approved and any(patterns.LAUNCH_TO_COME.search(view) for _, view in window):
            # The approval the source states, with the launch still to come ("approved … It
            # will be on pharmacy shelves within six weeks"): the launch is not confirmed.
            return Check("missing", tuple(sorted({e.sentence for e in approved})))
        if approved:
            return None  # a launch may follow an approval the source does state
    if refused:
        sentences = tuple(sorted({e.sentence for e in refused}))
        return Check("conflict", sentences, f"the source says it is not approved, not {claim_type}")
    if submitted:
        sentences = tuple(sorted({e.sentence for e in submitted}))
        return Check("conflict", sentences, f"the source says it was submitted, not {claim_type}")
    return None


# A claim that its trial is over: "… and is now completed", "该试验已完成".
_COMPLETED_QUOTE = re.compile(
    r"\b(?:is|was|has been|have been|now)\s+(?:now\s+)?completed\b|\bcompleted the trial\b|"
    r"(?:试验|研究)(?:已经?|业已)完成"
)


def check_completion(claim: Mapping, source: Source) -> Check | None:
    """A trial the claim says is completed, where its registry record says it still recruits
    ("Status: Recruiting"): the source, as it stands, disagrees."""
    if not _COMPLETED_QUOTE.search(fold(str(claim.get("quote") or ""))) or not source.is_record:
        return None
    if source.recruiting_line is None:
        return None
    return Check("conflict", (source.recruiting_line,), "the record says the trial still recruits")


def check_status(claim: Mapping, window: list[tuple[int, str]]) -> Check | None:
    """A claim that says an event happened where the source says it is only planned, or one that
    says it is planned where the source says only that it happened."""
    kind = claim.get("type")
    if kind not in EVENT_PATTERNS or kind == "withdrawal":
        return None
    mentions = [e for i, view in window for e in event_mentions(kind, view, i) if not e.negated]
    if not mentions:
        return None
    # the claim's status stated is found; only the other one stated is a conflict
    planned_claim = claim.get("status") == "planned"
    same = [e for e in mentions if e.planned == planned_claim]
    if same:
        return Check("found", tuple(sorted({e.sentence for e in same})))
    told, not_told = ("done", "planned") if planned_claim else ("planned", "done")
    return Check(
        "conflict",
        tuple(sorted({e.sentence for e in mentions})),
        f"the source says it is {told}, not {not_told}",
    )


def _event_dates(
    kind: str, window: list[tuple[int, str]], source: Source, claim: Mapping | None = None
) -> tuple[list[tuple[int, str]], bool]:
    """Dates of the sentences that state the claim's event as done ("today" is the dateline's),
    and whether one of them gives it as news of the day, or of late, on a day not known.

    A planned claim ("PDUFA date set for 2023-01-15") is compared with the source's plans too
    ("a decision expected by Jan. 25"); in a source that gives no date of its own, a date
    without its year ("Jan. 25") is read in the claim's year: its month and day still speak.
    """
    dated: list[tuple[int, str]] = []
    undated = False
    if kind not in EVENT_PATTERNS:
        return dated, undated
    claim = claim or {}
    planned = claim.get("status") == "planned"
    announced = source.dateline or source.published
    undated_source = not announced and source.year is None
    anchor = str(claim["date"])[:4] if undated_source and claim.get("date") else None
    for i, view in window:
        mentions = [
            e
            for e in event_mentions(kind, view, i)
            if not e.negated
            and (planned or not e.planned)
            # "which enrolled 943 people", "received approval … to conduct trials": under way or
            # cleared, on no day of its start
            and not (kind == "trial_start" and _start_on_no_day(view, e.start))
        ]
        if planned and kind == "approval" and patterns.DECISION_EXPECTED.search(view):
            mentions.append(EventMention(i, 0, True, False))  # "a decision expected by Jan. 25"
        if is_about_another_disease(view):
            continue  # "…治疗脊髓损伤的I期研究完成首例受试者给药": another disease's trial
        year = source.sentences[i].year
        period = _trial_period_start(view, year, anchor) if kind == "trial_start" else None
        if period is not None:
            # "conducted from July 2020 to March 2022", "2020年7月至2022年3月": it began then.
            dated.append((i, period))
            continue
        if not mentions:
            continue
        # "the first ALS drug approved in Canada since 2018", "已在美国获批上市，并在2023年递交了
        # 上市申请": not this event's date.
        stated = [
            d
            for d in _past_the_dateline(
                view, find_dates(view, year, anchor if year is None else None)[0]
            )
            if d.iso
            and is_event_date(view, d)
            and not _dates_another_event(kind, view, d.start)
            # (a designation's sentence may date a call about it: "will host an investor call on
            # March 20")
            and not (
                kind == "designation" and _A_MEETING.search(view[slice(*clause_at(view, d.start))])
            )
            # (a deadline, "a decision expected by Jan. 25", dates no event told as done)
            and (
                planned or not patterns.DEADLINE_BEFORE.search(view, max(0, d.start - 24), d.start)
            )
        ]
        here = [(i, d.iso) for d in stated]
        if kind == "trial_start" and all(
            patterns.TRIAL_UNDER_WAY.match(view, e.start) for e in mentions
        ):
            # "treated its first two patients in the trial" in a release of 9 October: by then,
            # on no day it gives but one in its own clause ("… in March 2020")
            spans = [clause_at(view, e.start) for e in mentions]
            dated.extend((i, d.iso) for d in stated if any(a <= d.start < b for a, b in spans))
            if announced and patterns.TODAY.search(view):
                dated.append((i, announced))  # "today announced it has dosed the first patients"
            continue
        if not here and announced and len(announced) == 10:
            # "Amylyx said Thursday that the FDA has approved …" in a copy dated Sep. 29, 2022:
            # the weekday of the copy's week the news was told
            weekday = patterns.REPORTED_WEEKDAY.search(view)
            if weekday and patterns.WEEKDAY_OTHER_TIME.search(view, weekday.end()):
                weekday = None  # "said Thursday that the FDA had approved … last week"
            day = last_weekday(announced, weekday.group("wd")) if weekday else None
            if day:
                here.append((i, day))
        if (
            announced
            and patterns.TODAY.search(view)
            and not (
                patterns.ANNOUNCED_TODAY.search(view)
                and _days_before(str(claim.get("date") or ""), announced) in range(1, 11)
            )
        ):
            # (not "announced today that the NMPA has cleared …" on the 18th: a clearance
            # of the 15th, made known days later, is not denied)
            here.append((i, announced))
        dated.extend(here)
        undated = undated or (not here and bool(patterns.RECENT.search(view)))
    return dated, undated


# A therapy id that is a code ("xs228"): found also with a suffix ("XS228CN"), not inside a
# longer code ("xs2280").
CODE_ID = re.compile(r"([a-z]{2,6})(\d{2,6})")


def _trial_period_start(view: str, year: int | None, anchor: str | None) -> str | None:
    """The first date of a trial's period ("from July 2020 to March 2022", "between Feb 27, 2020,
    and July 24, 2023", "2020年7月至2022年3月") in a clause about a trial."""
    dates = [d for d in find_dates(view, year, anchor)[0] if d.iso]
    for first, last in zip(dates, dates[1:], strict=False):
        start, end = clause_at(view, first.start)
        clause = view[start : max(end, last.end)]
        if is_period(view, [first, last]) and patterns.TRIAL_WORD.search(clause):
            return first.iso
    return None


def _dates_another_event(kind: str, view: str, at: int) -> bool:
    """The date at ``at`` stands in a clause that states another event and not ``kind``."""
    clause = view[slice(*clause_at(view, at))]
    if EVENT_PATTERNS[kind].search(clause):
        return False
    # (a designation beside an approval's date, "授予优先审评资格…PDUFA日期定为…", is no other event)
    return any(
        p.search(clause) for k, p in EVENT_PATTERNS.items() if k not in (kind, "designation")
    )


def _confirms(claimed: str, stated: str) -> bool:
    """The stated date gives the claim's date at the claim's precision or finer:
    "March 2025" does not confirm "2025-03-24", though it does not contradict it."""
    return stated.startswith(claimed)


def _check_date(claim: Mapping, window: list[_Sentence], mention: int, source: Source) -> Check:
    claimed = str(claim["date"])
    here = source.sentences[mention]
    stated = [d.iso for s in window for d in find_dates(s.view, s.year)[0] if d.iso]
    if any(_confirms(claimed, d) for d in stated):
        return Check("found", (mention,))
    for announced in (source.dateline, source.published):
        if announced and (_confirms(claimed, announced) or _a_day_apart(claimed, announced)):
            return Check("found", (mention,))  # "announced on": the release's own date
    if str(claim.get("type")) in EVENT_PATTERNS:
        return Check("missing")  # the event's own statements decide (``check_event_date``)
    # The sentence naming the therapy dates it to another month of the same year, or another
    # day of the month. A sentence with no year named before it ("2月18日，公司发布公告") is
    # read in the claim's year.
    year = here.year
    if year is None and len(claimed) >= 7:
        year = int(claimed[:4])
    if claim.get("outcome") and claim.get("type") == "trial_result":
        # "Amylyx announced that Relyvrio failed the Phase III trial in March 2024": the sentence
        # that names the therapy and states the result dates it; another year is a conflict.
        dates_here = [d for d in find_dates(here.view, here.year)[0] if d.iso]
        if len(dates_here) == 1 and dates_here[0].iso[:4] != claimed[:4]:
            start, end = clause_at(here.view, dates_here[0].start)
            clause = here.view[start:end]
            if (
                patterns.OUTCOME_MISSED.search(clause) or patterns.OUTCOME_MET.search(clause)
            ) and not patterns.ANOTHER_EVENT_WORD.search(clause):
                return Check(
                    "conflict", (mention,), f"the source dates the result {dates_here[0].iso}"
                )
    found = [d for d in find_dates(here.view, year)[0] if d.iso and len(d.iso) >= 7]
    found = _past_the_dateline(here.view, found)
    if claim.get("status") == "planned":
        # a plan's dates are its target's ("expects topline results in December 2025"), not
        # the day it was told ("2021-08-25 – AB Science has received …")
        found = [
            d for d in found if patterns.PLANNED.search(patterns.clause_before(here.view, d.start))
        ]
    own = [d.iso for d in found]
    # another day counts only for the date the sentence opens with ("2月18日，公司发布公告…"),
    # not an investor call's or a meeting's later in it
    lead = bool(found) and len(found) == 1 and found[0].start <= 2
    if (
        len(claimed) >= 7
        and own
        and all(d[:4] == claimed[:4] and _another_day(claimed, d, lead) for d in own)
    ):
        return Check("conflict", (mention,), f"the source dates it {own[0]}")
    # A page dated X that leads with the event as its news ("The FDA has granted …") dates
    # the event to X's month: another month is a misreport (not for a plan: "expects to resume
    # enrollment in September", told in August).
    announced = source.dateline or source.published
    precision = min(len(claimed), 7)
    if (
        claim.get("status") != "planned"
        and announced
        and len(announced) >= precision
        and here.start < LEAD_CHARS
        and (patterns.NEWS_LEAD.search(here.view) or patterns.RECENT.search(here.view))
        and not own
        and announced[:precision] != claimed[:precision]
    ):
        return Check("conflict", (mention,), f"the source, dated {announced}, reports it as news")
    return Check("missing")


# A quote's citation of a paper by its first author and year: "(Warita H, 2019)", "(Smith et al.,
# 2020)", "Warita et al. 2019".
_CITED = re.compile(
    rf"\((?P<author>[A-Z][a-z'-]{{2,}})(?:\s+[A-Z]{{1,3}}\.?)?(?:\s+et al\.?)?,?\s+(?P<year>{patterns.YEAR})\)"
    rf"|(?P<author2>[A-Z][a-z'-]{{2,}})\s+et al\.?,?\s+\(?(?P<year2>{patterns.YEAR})\)?"
)


def _published_as_cited(quote: str, claimed: str, source: Source) -> bool:
    """A claim dated by the paper its quote cites ("… in 15 Japanese patients (Warita H, 2019)")
    against that paper: the source names the author and gives the year in its head (a record's
    "Published in: J Clin Pharmacol 2019-05", a citation line)."""
    head = source.text[:3000]
    for m in _CITED.finditer(quote):
        author, year = m.group("author") or m.group("author2"), m.group("year") or m.group("year2")
        if (
            year == claimed[:4]
            and re.search(rf"\b{author}\b", head)
            and re.search(rf"(?<!\d){year}(?!\d)", head)
        ):
            return True
    return False


def _dated_by_another_event(claim: Mapping, views: list[tuple[int, str]], source: Source) -> bool:
    """The claim's date is given near the therapy only by sentences that do not state the
    claim's event (the release's own date aside)."""
    kind, claimed = str(claim.get("type")), str(claim["date"])
    if kind not in EVENT_PATTERNS:
        return False
    for announced in (source.dateline, source.published):
        if announced and _confirms(claimed, announced):
            return False
    confirming = [
        (k, view)
        for k, view in views
        if any(d.iso and _confirms(claimed, d.iso) for d in find_dates(view, source.year)[0])
    ]
    return bool(confirming) and not any(event_mentions(kind, view, k) for k, view in confirming)


def check_event_date(claim: Mapping, views: list[tuple[int, str]], source: Source) -> Check:
    """The claim's date against every statement of its event near any mention: another date
    in all of them is a conflict; news of the same event on a day not given may be the one
    the claim dates."""
    claimed = str(claim["date"])
    events, undated = _event_dates(event_kind(claim), views, source, claim)
    # A year-less date read in the claim's year (the source giving none before it) confirms
    # only when the source names that year somewhere.
    confirming = tuple(
        sorted(
            {
                i
                for i, d in events
                if _confirms(claimed, d)
                and (source.sentences[i].year is not None or claimed[:4] in source.years_named)
            }
        )
    )
    if confirming:
        # "10月8日NMPA批准…" in an undated source that speaks of 2024 elsewhere: its day speaks
        # (a source that never names the year leaves it unconfirmed).
        return Check("found", confirming)
    if events and not undated and not any(_dates_compatible(claimed, d) for _, d in events):
        return Check(
            "conflict", tuple(sorted({i for i, _ in events})), f"the source dates it {events[0][1]}"
        )
    return Check("missing")


# A number in a unit is a measure, no count of people: "a daily dose of 10 mg/kg", "for 12 months",
# "48%", "每日100毫克".
_A_MEASURE_AFTER = re.compile(
    r"\s?(?:mg|mcg|μg|g|kg|ml|mmol|percent)(?![a-z])|%"
    # (a Chinese unit written right after its number, not a label's first character: "120 年龄",
    # "120日剂量")
    r"|(?:毫克|克|毫升|周(?!期)|个月|年(?![龄齡内度])|天|日(?![期剂均])|小时|次(?!要))"
)
# ... and a time after a word of duration: "for 10 weeks", "followed over 12 months" (not "all 200
# weeks ahead of schedule", "Participants 189 Weeks of treatment 16").
_A_TIME_AFTER = re.compile(r"\s(?:weeks?|months?|years?|days?|hours?)\b")
_DURATION_BEFORE = re.compile(
    r"\b(?:for|over|after|within|during|lasting|every|each|up to|at)\s+(?:about\s+|approximately\s+)?$"
)


def _a_measure(view: str, start: int, end: int) -> bool:
    """The number at ``start:end`` measures a dose or a time, no people."""
    return bool(
        _A_MEASURE_AFTER.match(view, end)
        or (
            _A_TIME_AFTER.match(view, end)
            and _DURATION_BEFORE.search(view, max(0, start - 24), start)
        )
    )


def _two_arms_summed(view: str) -> int | None:
    """The trial size a sentence gives as a drug's arm and a placebo's ("72 were randomized to
    X and 36 to placebo", "8 patients received X and 4 received placebo"), else None."""
    two = two_arms(view)
    if two is None:
        return None
    a, b = (parse_count(n) for n in two_arm_counts(two))
    return a + b if a and b else None


def _check_enrollment(
    claimed: int, window: list[_Sentence], quote: str = "", planned: bool = False
) -> str:
    """The claim's count against the counts the source states near the therapy: the same
    number, or the arms it is the sum of ("placebo (n = 104) and edaravone (n = 102)" is 206),
    or, for a claim of "more than 2,000", any larger count; another stated enrollment is a
    conflict, an estimate made before enrollment is not."""
    stated = set()
    at_least = bool(patterns.MORE_THAN_COUNT.search(fold(quote)))
    arms = [stated_count(m) or 0 for s in window for m in patterns.EN_N_EQUALS.finditer(s.view)]
    if len(arms) >= 2 and (sum(arms) == claimed or (at_least and sum(arms) > claimed)):
        return "found"
    if any(_two_arms_summed(s.view) == claimed for s in window):
        return "found"  # "29 patients … assigned to X … and 30 patients assigned to placebo"
    for s in window:
        for m in re.finditer(r"(?<![\d.,])(\d{1,3}(?:[ ,]\d{3})+|\d+)(?![\d.,]*\d)", s.view):
            n = parse_count(m.group(1))
            if n == claimed and not _a_measure(s.view, m.start(), m.end()):
                return "found"
        if any(en_number(m.group(0)) == claimed for m in patterns.EN_NUMBER_WORDS.finditer(s.view)):
            return "found"
        if any(
            m.group("estimate") or m.group("estimate2")
            for m in patterns.RECORD_ENROLLMENT.finditer(s.view)
        ):
            continue  # "Estimated Enrollment: 128": a plan made before enrollment, no other count
        enrollment = find_enrollment(s.view)
        if enrollment and not planned and _A_PLANNED_SIZE.search(s.view):
            # "A total of 600 … will be enrolled": the plan, not the count reported; a count
            # in another clause ("enrolled 345, and … will recruit a further 100") still tells.
            start, end = clause_at(s.view, enrollment.start)
            if _A_PLANNED_SIZE.search(s.view, start, end):
                rest = s.view[:start] + " " * (end - start) + s.view[end:]
                enrollment = find_enrollment(rest)
                if enrollment and _A_PLANNED_SIZE.search(rest, *clause_at(rest, enrollment.start)):
                    enrollment = None
        if enrollment:
            if at_least and enrollment.value > claimed:
                return "found"
            stated.add(enrollment.value)
        stated.update(parse_count(m.group("n")) for m in patterns.ENROLLMENT_FIELD.finditer(s.view))
    if (
        stated
        and _approximate(quote, claimed)
        and any(abs(n - claimed) <= claimed / 10 for n in stated)
        # ... and no other count of the trial's size disagrees ("345 in ADORE; 190 in phase 2")
        and all(abs(n - claimed) <= claimed / 10 for n in stated if n >= claimed / 2)
    ):
        return "missing"  # "约200名" against 196: an estimate, loosely the count
    if stated == {claimed}:
        return "found"  # "Enrollment 120 Weeks of treatment 48": the size, whatever follows it
    return "conflict" if stated else "missing"


def _a_plan_overtaken(source: Source, claimed: int) -> Check | None:
    """The claimed count stated only as a plan ("was expected to enroll 555"), with the trial's
    actual size in the same or the next sentences ("approximately 460 patients had been
    randomly assigned"): a conflict for a claim that gives the plan as the count."""
    sentences = source.sentences
    plans = []
    for i, s in enumerate(sentences):
        for m in re.finditer(rf"(?<![\d.,]){claimed}(?![\d.,]*\d)", s.view):
            if not _A_PLAN.search(s.view, *clause_at(s.view, m.start())):
                return None  # stated as a count somewhere: found
            plans.append(i)
    for i in plans:
        for k in range(i, min(len(sentences), i + PLAN_REACH + 1)):
            rest = sentences[k].view
            if _ENROLLING_SO_FAR.search(rest) or (
                k != i and _stated_phases(rest) - _stated_phases(sentences[i].view)
            ):
                continue  # a count so far ("as of June 30, 150 …"), or another trial's size
            for _ in range(3):  # the sentence's counts, its plans blanked one by one
                enrollment = find_enrollment(rest)
                if enrollment is None:
                    break
                start, end = clause_at(rest, enrollment.start)
                if not _A_PLAN.search(rest, start, end):
                    if enrollment.value != claimed and enrollment.value > claimed / 2:
                        detail = f"the source's {claimed} was a plan; {enrollment.value} took part"
                        return Check("conflict", (i, k), detail)
                    break
                rest = rest[:start] + " " * (end - start) + rest[end:]
    return None


# A count of a trial still enrolling: "As of June 30, 150 patients have been enrolled", "截至目前已入组".
_ENROLLING_SO_FAR = re.compile(
    r"\bas of\b|\bso far\b|\bto date\b|\bcurrently\b|\b(?:have|has) been (?:enrol|randomi)\w*|"
    r"\bhas (?:enrol|randomi)\w*|截至|目前|已入组|已经入组"
)
# How many sentences after a planned size its actual size is looked for.
PLAN_REACH = 2


# A trial's size stated as a plan: "will be enrolled", "plans to enroll", "计划招募", "拟入组".
_A_PLANNED_SIZE = re.compile(
    r"\bwill (?:be )?(?:enrol|recruit|randomi[sz]e|include)\w*|\bplan(?:s|ned)? to (?:enrol|recruit)\w*"
    r"|\btarget(?:ed)? (?:enrollment|sample)|计划(?:招募|入组|纳入)|拟(?:招募|入组|纳入)|将(?:招募|入组|纳入)"
)
# ... and, where the actual size is looked for beside it, an expectation: "was expected to enroll 555".
_A_PLAN = re.compile(
    rf"{_A_PLANNED_SIZE.pattern}|\b(?:was|were|is|are) expected to (?:enrol|recruit|randomi[sz]e)\w*"
)


# A planned size given as a floor: "will enroll at least 150", "不少于150例".
_A_FLOOR = re.compile(r"\bat least\s+\d|\bminimum of\s+\d|不少于|至少")
# A planned size given as a range: "between 150 and 200", "150-200", "150至200".
_COUNT_RANGE = re.compile(r"(\d+)\s*(?:-|–|to|and|至|到|~)\s*(\d+)")


# A claimed size the quote gives as a ceiling, so a plan: "recruiting up to 63 adults", "最多招募63名";
# a ceiling of weeks, doses or courses ("up to 48 weeks", "最多给药6个疗程") is no size.
_A_PLANNED_QUOTE = re.compile(
    r"\bup to\s+\d[\d,]*\s*(?=(?:[a-z-]+\s+){0,2}"
    r"(?:participants?|patients?|adults?|people|persons?|subjects?|individuals?|volunteers?|children)\b)"
    r"|最多(?:可|将|能)?(?:招募|招收|入组|纳入|入选)?\s*\d+\s*(?:名|例|位|人)"
)


def _another_plan(view: str, claimed: int, phase: str = "") -> bool:
    """A planned size more than a tenth from the claimed one ("plans drift, a tenth is near"),
    not a floor ("at least 150") nor the plan of a trial of another phase."""
    if not _A_PLANNED_SIZE.search(view) or _A_FLOOR.search(view):
        return False
    if (
        phase
        and (stated := _stated_phases(view))
        and not any(phase_stages(phase) & phase_stages(p) for p in stated)
    ):
        return False  # "will enroll 450 in RESTORE-ALS, a Phase 3" against a phase 2 plan
    if any(int(low) <= claimed <= int(high) for low, high in _COUNT_RANGE.findall(view)):
        return False  # "will enroll between 150 and 200 patients": 180 is in the plan
    enrollment = find_enrollment(view)
    return enrollment is not None and abs(int(enrollment.value) - claimed) > claimed / 10


_APPROXIMATELY = (
    r"(?:约|大约|近|将近|接近|\babout|\baround|\bapproximately|\bnearly|\broughly|~)\s*"
)


def _approximate(quote: str, claimed: int) -> bool:
    """The claim gives its count as an estimate: "约200名", "about 200 patients"."""
    return re.search(_APPROXIMATELY + rf"{claimed}(?!\d)", fold(quote)) is not None


def _an_arm_stated(quote: str, sentences: list[_Sentence]) -> bool:
    """One of the arm sizes the claim's own sentence gives ("(n = 120)") is a count of people the
    source states ("N=120 CNM-Au8", "120 participants")."""
    arms = {stated_count(m) for m in patterns.EN_N_EQUALS.finditer(fold(quote))} - {None}
    return bool(arms) and any(
        stated_count(m) in arms
        for s in sentences
        for regex in (patterns.EN_N_EQUALS, patterns.EN_COUNT)
        for m in regex.finditer(s.view)
    )


# A record still recruiting ("RECRUITING", "Not yet recruiting", "Enrolling by invitation"; not
# "Active, not recruiting"): an enrollment field it does not call actual is its plan.
_RECRUITING = re.compile(
    r"(?<![A-Za-z])(?<!NOT_)(?<!NOT )(?<![Nn]ot )(?:NOT_YET_|NOT YET )?RECRUITING(?![a-z])"
    r"|(?<![A-Za-z])ENROLLING[_ ]BY[_ ]INVITATION"
    r"|(?<![Nn]ot )(?<!NOT )\b(?:Recruiting|[Nn]ot yet recruiting|Enrolling by invitation)\b"
)


def _record_enrollment(source: Source) -> list[tuple[tuple[int, ...], int | None, bool]]:
    """A registry record's enrollment fields: their sentences, value and whether each is a
    plan (estimated, anticipated, target, or not called actual in a record still recruiting),
    the value beside its key ("Actual Enrollment: 394") or on the line below it ("- Target
    Recruitment" / "- 230")."""
    fields = []

    def a_plan(key: re.Match) -> bool:
        if key.group("estimate") or key.group("estimate2"):
            return True
        return "actual" not in key.group() and source.recruiting_line is not None

    for i, sentence in enumerate(source.sentences):
        for m in patterns.RECORD_ENROLLMENT.finditer(sentence.view):
            fields.append(((i,), parse_count(m.group("n")), a_plan(m)))
        # the key on a line of its own, or at the end of a line a copy glued it to
        # ("PHASE1CompletedINTERVENTIONAL" / "Enrollment" read as one)
        key = patterns.RECORD_ENROLLMENT_KEY.fullmatch(sentence.view) or (
            patterns.RECORD_ENROLLMENT_KEY.fullmatch(sentence.view, sentence.view.rfind(" ") + 1)
            if patterns.EN_GLUED_PHASE.match(sentence.view)
            and sentence.view.rstrip().endswith("enrollment")
            else None
        )
        if key and i + 1 < len(source.sentences):
            value = patterns.FIELD_VALUE_COUNT.fullmatch(source.sentences[i + 1].view)
            if value and value.group("who") and not _the_whole_count(source, i + 2):
                value = None
            if (
                value
                and i + 2 < len(source.sentences)
                and _PER_GROUP_LINE.match(source.sentences[i + 2].view)
            ):
                value = None  # "30" / "Per arm (two arms: …)": one arm's, not the trial's
            if value:
                fields.append(((i, i + 1), parse_count(value.group("n")), a_plan(key)))
    return fields


def _summary_count(source: Source, claimed: int) -> Check:
    """A record mirror's summary block, its keys dropped ("PHASE2" / "75 participants" under
    "NCT ID: …"), confirms the claim's count; with no key to say whose it is, another count is
    no conflict (the claim may be of an earlier trial of the drug)."""
    if not (source.is_record and source.record_ids):
        return Check("missing")
    for i, sentence in enumerate(source.sentences[:RECORD_SUMMARY_LINES]):
        value = _SUMMARY_COUNT.search(sentence.view)
        if value and parse_count(value.group("n")) == claimed:
            return Check("found", (i,))
    return Check("missing")


# A mirror's summary line, its keys dropped: its phase, then its size ("PHASE2 75 participants").
_SUMMARY_COUNT = re.compile(
    r"(?:^|\s)(?:early_)?phase\s*[1-4](?:/phase\s*[1-4])?\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+"
    r"(?:participants|patients|subjects)$"
)


def _the_whole_count(source: Source, after: int) -> bool:
    """A value that names its people ("337 patients") is a registry record's enrollment when the
    record gives its id and the next line is another field's key, or there is none: not one group
    of a list ("- 24 patients" / "- 12 healthy volunteers"), a plan or an arm told below it, nor
    a box on a news page."""
    if not source.record_ids:
        return False
    if after >= len(source.sentences):
        return True
    line = source.sentences[after].view
    return bool(patterns.RECORD_KEY_LINE.fullmatch(line) or _A_FIELD_KEY.fullmatch(line))


# A line that makes the value above it one group's: "Per arm", "In each of the two cohorts", "每组".
_PER_GROUP_LINE = re.compile(
    r"[-•*\s(（]*(?:per (?:arm|group|cohort)|in each\b|each (?:arm|group|cohort)|每组|每个组|各组)"
)


# A record's field key on its own line: a word or three, no figure, no people ("Sex", "Ages
# Eligible", "Study Type").
_A_FIELD_KEY = re.compile(
    r"[-•*\s]*(?!.*\b(?:patients|participants|volunteers|people|subjects|healthy|groups?|arms?|"
    r"cohorts?|per)\b)[a-z][a-z()/-]*(?:\s[a-z()/-]+){0,2}\s*:?\s*"
)


def _check_sole_enrollment(claimed: int, source: Source, planned: bool) -> Check:
    """A source about this therapy alone that states one trial size, however far from the name
    ("… the study involving 664 patients" two paragraphs on): that size is the trial's."""
    sizes = source.trial_sizes
    values = {value for _, value in sizes}
    if len(values) != 1:
        return Check("missing")
    (value,) = values
    sentences = tuple(i for i, _ in sizes)
    if value == claimed:
        return Check("found", sentences)
    if planned:
        return Check("missing")
    return Check("conflict", sentences, f"the source's trial has {value} participants")


def _check_record_enrollment(
    claimed: int, source: Source, planned: bool, approximate: bool = False
) -> Check:
    """A registry record's one enrollment field is the trial's, however far from the therapy's
    name. Another count is a conflict; a field that is a plan ("Estimated Enrollment: 600")
    disagrees only with a claim that is a plan too ("将招募150名患者" against "Target
    Recruitment: 230"), and an actual count never with a plan ("Actual Enrollment: 185")."""
    fields = source.record_enrollment
    values = {value for _, value, _ in fields}
    if len(values) != 1:
        return Check("missing")
    (value,) = values
    sentences = tuple(sorted({i for indexes, _, _ in fields for i in indexes}))
    if value == claimed:
        return Check("found", sentences)
    if any(plan for _, _, plan in fields) != planned:
        return Check("missing")
    if (planned or approximate) and abs(value - claimed) <= 0.1 * value:
        # "约150名" against a target of 152: plans drift, a tenth is near; "约200名" against 196
        # is an estimate of it.
        return Check("missing")
    return Check("conflict", sentences, f"the record's enrollment is {value}")


# A study listing's own keys ("Study Type: Interventional", "Recruit Status: Recruiting").
_STUDY_KEYS = re.compile(
    r"\b(?:study type|study status|recruit(?:ment)? status|official title)\s*:"
)
# A field's key ends in a colon or a table bar: "Actual Study Start Date : |", "开始日期：".
_FIELD_MARK = re.compile(r"[:：|]\s*$")


def _record_start(source: Source) -> tuple[tuple[int, ...], str, bool] | None:
    """A registry record's one start date field, wherever it stands: its sentences, its date
    and whether it is an estimate ("Estimated Study Start Date")."""
    found: list[tuple[int, str, bool]] = []
    for i, sentence in enumerate(source.sentences):
        for m in patterns.RECORD_START.finditer(sentence.view):
            if m.group().startswith("date started") and not (
                source.record_ids or _STUDY_KEYS.search(source.folded_text)
            ):
                continue  # a funder's "Date Started: September 2019": its grant's, no trial's
            rest = sentence.view[m.end() : m.end() + 40]
            key_line = not rest.strip(" |:")
            if not key_line and not _FIELD_MARK.search(m.group()):
                continue  # "the study start had been planned for January": prose, no field
            if key_line and i + 1 < len(source.sentences):
                rest = source.sentences[i + 1].view[:40]  # "Study Start Date" / "2025-09-15"
            dates = [d.iso for d in find_dates(rest)[0] if d.iso] or _numeric_date(
                rest, source.numeric_order
            )
            if dates:
                estimate = any(m.group(g) for g in ("estimate", "estimate2", "estimate3"))
                found.append((i, dates[0], estimate))
    if len({d for _, d, _ in found}) != 1:
        return None
    return tuple(i for i, _, _ in found), found[0][1], any(e for _, _, e in found)


def numeric_order(views: list[str]) -> str | None:
    """How a registry page writes its date fields in figures: "md" when one of the fields'
    values can only be month first ("03 / 31 / 2007"), "dm" when one can only be day first
    ("14/12/2018"); None when they show neither, or both. Only fields' values count (a key
    "… Date:" before them, on their line or the line above), not the page's own stamp."""
    orders: set[str | None] = set()
    for k, view in enumerate(views):
        key = _DATE_KEY.search(view)
        if key is None and not (k and _DATE_KEY_LINE.search(views[k - 1])):
            continue
        for m in patterns.NUMERIC_DATE.finditer(view, key.end() if key else 0):
            orders.add(order_told(int(m.group("a")), int(m.group("b"))))
    orders.discard(None)
    return orders.pop() if len(orders) == 1 else None


_DATE_KEY = re.compile(r"\bdate\s*[:：|]")
_FIELD_LEAD = re.compile(r"[\s|]*")  # before a field's value: "| 03/31/2007 |"
_WORD_CHARACTER = re.compile(r"\w")
_DATE_KEY_LINE = re.compile(r"\bdate\s*[:：|]?\s*$")


def _numeric_date(value: str, order: str | None) -> list[str]:
    """A field's date in figures ("03 / 31 / 2007"), read in the page's own order."""
    m = patterns.NUMERIC_DATE.match(value, _FIELD_LEAD.match(value).end())
    if m is None or order is None or _WORD_CHARACTER.match(value, m.end()):
        return []
    a, b = int(m.group("a")), int(m.group("b"))
    month, day = (a, b) if order == "md" else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return []
    return [f"{m.group('year')}-{month:02d}-{day:02d}"]


def _dates_a_period_start(quote: str, claimed: str) -> bool:
    """The claim's date opens the trial period its quote states ("2021年1月至2022年7月，…进行了
    一项2/3期试验"): the trial's start."""
    view = fold(quote)
    dates = [d for d in find_dates(view)[0] if d.iso]
    return len(dates) == 2 and is_period(view, dates) and min(d.iso for d in dates) == claimed


def _check_record_start(claimed: str, source: Source) -> Check:
    """A trial start against a registry record's start date field: the trial's, however far
    from the therapy's name; another date is a conflict unless the field is an estimate (a
    trial delayed, a record not updated)."""
    record = source.record_start
    if record is None:
        return Check("missing")
    sentences, stated, estimate = record
    if _confirms(claimed, stated):
        return Check("found", sentences)
    if _dates_compatible(claimed, stated) or estimate:
        return Check("missing")
    return Check("conflict", sentences, f"the record's study start is {stated}")


def _record_phase(claimed: str, source: Source) -> Check:
    """A phase against a registry record's phase field (a line of its own: "Phase 2"), however
    far from the therapy's name; only in a record (field names on lines of their own, a start
    date or an enrollment field)."""
    if not source.is_record:
        return Check("missing")
    fields = [
        (i, s)
        for i, s in enumerate(source.sentences)
        if len(s.view) <= 30 and _stated_phases(s.view)
    ]
    if not fields:
        # the record's own status line, glued ("PHASE1CompletedINTERVENTIONAL"), at its head
        # (not a "Similar studies" listing further down)
        fields = [
            (i, s)
            for i, s in enumerate(source.sentences[:4])
            if patterns.EN_GLUED_PHASE.match(s.view) and _stated_phases(s.view)
        ][:1]
    state = _check_phase(claimed, [s for _, s in fields], field=True) if fields else "missing"
    return Check(state, tuple(i for i, _ in fields))


def _stated_phases(view: str) -> set[str]:
    """The phases a sentence states; two side by side ("Phase 2 Phase 3") are one, "2/3"."""
    found = sorted(
        (m.start(), m.end(), phase)
        for regex in (
            patterns.CN_PHASE,
            patterns.CN_ORDINAL_PHASE,
            patterns.EN_PHASE,
            patterns.EN_GLUED_PHASE,  # a record's "PHASE1/PHASE2Completed"
        )
        for m in regex.finditer(view)
        if (phase := normalize_phase(m.group("phase")))
    )
    stated = set()
    k = 0
    while k < len(found):
        start, end, phase = found[k]
        after = found[k + 1] if k + 1 < len(found) else None
        if (
            after
            and "/" not in phase + after[2]
            and patterns.PHASE_PAIR_GAP.match(view[end : after[0]])
        ):
            stated.add(f"{phase}/{after[2]}")
            k += 2
            continue
        stated.add(phase)
        k += 1
    return stated


def _check_phase(
    claimed: str, window: list[_Sentence], record: bool = False, field: bool = False
) -> str:
    stated = set()
    for s in window:
        stated |= _stated_phases(s.view)
    if claimed in stated:
        return "found"
    base = re.sub(r"[ab]", "", claimed)
    if any(re.sub(r"[ab]", "", p) == base for p in stated):
        # "Phase 3" for a "3b" claim: a broader label, neither confirmed nor denied; "3b" for a
        # "3" claim: the claim's broader label holds.
        return "found" if base == claimed else "missing"
    stages = set(base.split("/"))
    if any(stages & set(re.sub(r"[ab]", "", p).split("/")) for p in stated):
        # "Phase 1/2" for a phase 1 claim: overlapping, neither confirmed nor denied (prose may
        # name one stage of a "2/3", or another trial's); but a claim of a combined phase ("2/3")
        # against a registry record's phase field of one stage ("Phase: Phase 2") or another
        # combination in its description ("Phase 1/2 study") asserts a stage not run.
        if len(stages) > 1 and (
            field or (record and any("/" in p and p != claimed for p in stated))
        ):
            return "conflict"
        return "missing"
    return "conflict" if stated else "missing"


def _combine(per_window: list[tuple[int, Check]]) -> Check:
    """One attribute over every passage naming the therapy: found in one is found; otherwise
    another value in one is a conflict; otherwise it is missing."""
    for state in ("found", "conflict"):
        telling = [(i, c) for i, c in per_window if c.state == state]
        if telling:
            sentences = tuple(sorted({s for k, c in telling for s in (c.sentences or (k,))}))
            return Check(state, sentences, telling[0][1].detail)
    return Check("missing")


def one_line(text: str, limit: int = 240) -> str:
    """A reason as one readable line."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _enrollment_result(
    claim: Mapping, near: Check, source: Source, windows: Mapping[int, range], lexicon: Lexicon
) -> Check:
    """The claim's count against the counts stated near the therapy, else the record's field."""
    quote = str(claim.get("quote") or "")
    # (a size the quote gives as a ceiling is a plan: "is recruiting up to 63 adults")
    planned = claim.get("status") == "planned" or bool(_A_PLANNED_QUOTE.search(fold(quote)))
    stated = [source.sentences[k] for w in windows.values() for k in w]
    # (a record's field on lines of its own: "Enrollment" / "27", not a sidebar's "Enrollment: 120")
    if near.state == "conflict" and any(len(at) == 2 for at, _, _ in source.record_enrollment):
        record = _check_record_enrollment(int(claim["enrollment"]), source, planned)
        if record.state == "found" and not any(plan for _, _, plan in source.record_enrollment):
            # "Enrollment: 27" against "five groups of up to five patients": the record's own
            # field, not a count read in its prose, is the trial's size.
            return record
    another_size = (
        near.state == "conflict"
        and planned
        # (a plan against the source's own plan of another size, more than a tenth off,
        # disagrees: "to enroll a target sample size of 171 patients" against "将招募150名")
        and not any(
            _another_plan(s.view, int(claim["enrollment"]), str(claim.get("phase") or ""))
            for s in stated
        )
    )
    if another_size:
        # "将招募150名患者" against "185 were enrolled": a plan, not a disagreement.
        near = Check("missing")
    if near.state == "missing":
        approximate = _approximate(quote, int(claim["enrollment"]))
        near = _check_record_enrollment(int(claim["enrollment"]), source, planned, approximate)
    if (
        near.state == "missing"
        and not source.is_record
        and source.therapies_named(lexicon) == {claim["therapy"]}
    ):
        near = _check_sole_enrollment(int(claim["enrollment"]), source, planned)
    if near.state == "missing":
        near = _summary_count(source, int(claim["enrollment"]))
    if near.state == "found" and not planned:
        near = _a_plan_overtaken(source, int(claim["enrollment"])) or near
    if near.state == "conflict" and _an_arm_stated(quote, stated):
        # "CNM-Au8 (n = 120)" stated with another total: the same trial counted otherwise (a
        # pooled placebo group), partly confirmed rather than contradicted.
        return Check("missing")
    if near.state == "missing" and another_size:
        return replace(near, detail=ANOTHER_SIZE)
    return near


def verify_claim(claim: Mapping, source: Source, lexicon: Lexicon) -> Verdict:
    """Judge one claim (a row of ``export claims``) against one prepared source.

    Every attribute the claim states is checked against the source's own value;
    one attribute contradicted makes the verdict ``contradicted`` whatever else is found.
    """
    if source.problem:
        return Verdict(UNAVAILABLE, source.problem)
    quote = str(claim.get("quote") or "")
    # A name the lexicon does not know is looked for as written, flagged unlisted or not.
    unknown = claim.get("unlisted") or claim["therapy"] not in lexicon
    name = claim["therapy"] if unknown else None
    hits = source.mentions(claim["therapy"], lexicon, unlisted_name=name) or _named_as_quoted(
        quote, source, lexicon
    )
    if not hits:
        return Verdict(NOT_FOUND, f"the source never names {claim['therapy']}")
    hits = _with_its_trials(hits, source, lexicon)
    if source.about_another_disease:
        return Verdict(
            NOT_FOUND, f"the source speaks of {claim['therapy']} for another disease, never ALS"
        )
    windows = {
        i: range(max(0, i - WINDOW), min(len(source.sentences), i + WINDOW + 1)) for i in hits
    }
    results: dict[str, Check] = {}
    windowed: dict[str, list[tuple[int, Check]]] = {}
    for i, span in windows.items():
        window = [source.sentences[k] for k in span]
        if claim.get("date"):
            windowed.setdefault("date", []).append((i, _check_date(claim, window, i, source)))
        if claim.get("enrollment"):
            state = _check_enrollment(
                int(claim["enrollment"]), window, quote, claim.get("status") == "planned"
            )
            windowed.setdefault("enrollment", []).append((i, Check(state)))
        if claim.get("phase"):
            windowed.setdefault("phase", []).append(
                (i, Check(_check_phase(str(claim["phase"]), window, source.is_record)))
            )
        if claim.get("type") == "withdrawal":
            planned = claim.get("status") == "planned"
            found = any(_withdrawal_stated(s.view, planned) for s in window)
            windowed.setdefault("withdrawal", []).append(
                (i, Check("found" if found else "missing"))
            )
    for attribute, per_window in windowed.items():
        results[attribute] = _combine(per_window)
    if claim.get("phase") and results["phase"].state == "missing":
        results["phase"] = _record_phase(str(claim["phase"]), source)
    if claim.get("enrollment"):
        results["enrollment"] = _enrollment_result(
            claim, results["enrollment"], source, windows, lexicon
        )
    # Outcome, stage and status read every passage at once: a success stated in one
    # passage about a subgroup must not hide the missed endpoint stated in another.
    near = sorted({k for span in windows.values() for k in span})
    views = [(k, source.sentences[k].view) for k in near]
    if results.get("date", Check("found")).state == "missing":
        results["date"] = check_event_date(claim, views, source)
        if results["date"].state == "missing" and source.therapies_named(lexicon) == {
            claim["therapy"]
        }:
            # A page about this therapy alone dates the event however far from its name
            # ("Rilutek (riluzole)" … "Approval Status:" / "Approved December 1995").
            every = [(k, s.view) for k, s in enumerate(source.sentences)]
            results["date"] = check_event_date(claim, every, source)
    elif results.get("date", Check("missing")).state == "found" and _dated_by_another_event(
        claim, views, source
    ):
        # "launched in June 2025" found for "approved in 2025": the source's own dated
        # statements of the approval decide.
        own = check_event_date(claim, views, source)
        if own.state == "conflict":
            results["date"] = own
    if results.get("date", Check("found")).state == "missing" and _published_as_cited(
        quote, str(claim["date"]), source
    ):
        results["date"] = Check("found", detail="the cited paper's year")
    # A registry record's start date field is the trial's start, wherever it stands.
    record_dated = False
    phase_found = results.get("phase", Check("missing")).state == "found"
    if claim.get("date") and (
        claim.get("type") == "trial_start"
        or (phase_found and _dates_a_period_start(quote, str(claim["date"])))
    ):
        record = _check_record_start(str(claim["date"]), source)
        if record.state == "conflict" and (
            patterns.EXTENSION_CLAIM.search(fold(quote)) and not source.extension_study
        ):
            record = Check("missing")  # an extension's start against the main trial's record
        if record.state != "missing":
            results["date"], record_dated = record, True
    if claim.get("outcome"):
        statements = [st for k, view in views for st in outcome_statements(view, k)]
        results["outcome"] = check_outcome(str(claim["outcome"]), statements)
    elsewhere = _another_jurisdiction(claim, views)
    if elsewhere:
        return Verdict(NOT_FOUND, elsewhere)
    figures = check_percentages(quote, views)
    if figures is not None:
        results["percentages"] = figures
    if claim.get("outcome") == "met" and results["outcome"].state == "missing":
        # "提高患者生存率(74% VS 58%,P=0.014)": the source's comparison with the same
        # significant p-value, or with the claim's own figures and a significant p-value,
        # states the effect the claim reports.
        significant = _significant_p_values(fold(quote), exact=True)
        figures_in = set(figures.sentences) if figures and figures.state == "found" else set()
        stating = tuple(
            k
            for k, view in views
            if (found := _significant_p_values(view)) and (significant & found or k in figures_in)
        )
        if stating:
            results["outcome"] = Check("found", stating)
    duration = check_duration(quote, views)
    if duration is not None:
        results["duration"] = duration
    stage = check_stage(claim, views)
    # A registry record is its trial's own: it states the trial started.
    started = claim.get("type") == "trial_start" and source.started_record
    if (
        stage is None
        and not record_dated
        and not started
        and not _speaks_of_the_trial(claim, results, source, views, phase_found)
        and _silent_on_event(claim, views)
    ):
        return Verdict(
            NOT_FOUND, f"the source names {claim['therapy']} but never its {claim['type']}"
        )
    for attribute, check in (
        ("stage", stage),
        ("status", check_status(claim, views)),
        ("completion", check_completion(claim, source)),
    ):
        if check is not None:
            results[attribute] = check
    stated_phases = {
        p
        for span in windows.values()
        for k in span
        for p in _stated_phases(source.sentences[k].view)
    }
    other = _another_record(claim, quote, source, results, lexicon)
    if other:
        return Verdict(
            NOT_FOUND,
            other,
            _evidence(source, list(results.get("phase", Check("missing")).sentences) or hits, 3),
            {attribute: check.state for attribute, check in results.items()},
        )
    if _a_planned_trial_beside_a_done_one(claim, results, stated_phases, views):
        return Verdict(
            NOT_FOUND,
            f"the source reports another trial of {claim['therapy']} (another size and phase "
            "than the planned one)",
            _evidence(source, hits, 3),
            {attribute: check.state for attribute, check in results.items()},
        )
    if _years_apart(claim, results):
        return Verdict(
            NOT_FOUND,
            f"the source reports another trial of {claim['therapy']} (years from the claim's date)",
            _evidence(source, list(results["date"].sentences) or hits, 3),
            {attribute: check.state for attribute, check in results.items()},
        )
    if any(c.state == "conflict" for c in results.values()) and _in_healthy_volunteers(
        quote, source
    ):
        return Verdict(
            NOT_FOUND,
            f"the source reports a study of {claim['therapy']} in healthy volunteers, another trial",
            _evidence(source, hits, 3),
            {attribute: check.state for attribute, check in results.items()},
        )
    # (with the phases of the sentences the phase was judged on: a record's field far from the name)
    judged_on = results["phase"].sentences if "phase" in results else ()
    seen_phases = stated_phases.union(
        *(_stated_phases(source.sentences[i].view) for i in judged_on)
    )
    same_trial = _names_the_sources_trial(quote, source, lexicon)
    if _another_trial(results, str(claim.get("phase") or ""), seen_phases, same_trial):
        return Verdict(
            NOT_FOUND,
            f"the source reports another trial of {claim['therapy']} (another phase, "
            "and not the claim's size or date)",
            _evidence(source, list(results["phase"].sentences) or hits, 3),
            {attribute: check.state for attribute, check in results.items()},
        )
    return _judge(results, hits, source)


# A study in people without the disease: "in Healthy Adults", "健康受试者".
_HEALTHY_VOLUNTEERS = re.compile(
    r"\bhealthy\s+(?:adult\s+|male\s+|female\s+|elderly\s+|japanese\s+|chinese\s+)?"
    r"(?:volunteers|subjects|adults|participants|individuals)\b|健康(?:成人|成年|受试者|志愿者)"
)
# A study's people besides healthy volunteers: "and Participants With ALS", "及肌萎缩侧索硬化患者".
_PATIENTS_TOO = re.compile(
    rf"\b(?:patients|participants|people|adults|subjects)\s+(?:with|living with)\b|{patterns.ALS_DISEASE.pattern}|患者"
)
# A line that links to another page: "Related: …", "Read more: …", "相关阅读".
_A_LINK_LINE = re.compile(
    r"\s*(?:related|read more|see also|more on|相关|延伸阅读|推荐阅读)\b\s*[:：]?"
)
# A title: a line of words with no full stop to end it.
_A_TITLE = re.compile(r"[^.。!?！？]{10,200}")
# How many sentences open a source: its title and heading, where a study says whom it is in.
_HEAD_SENTENCES = 3


# A trial named in the sentence that names the therapy, capitals within its name ("in the CardinALS
# trial", "the PHOENIX study").
_NAMED_TRIAL = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)*)"
    r"(?:\s+(?:ALS|[Pp]hase\s*[0-9IVab/]+|[Cc]linical|[Pp]latform))*\s+(?:trial|study)\b"
)


def _with_its_trials(hits: list[int], source: Source, lexicon: Lexicon) -> list[int]:
    """The sentences naming the therapy, and those naming a trial one of them names it in, with
    no therapy of their own: "the global Phase 2 CardinALS study did not meet its primary
    endpoint" … "Utreloxastat was … safe … in the CardinALS trial"."""
    names = {
        m.group("name")
        for i in hits
        for m in _NAMED_TRIAL.finditer(
            source.text[source.sentences[i].start : source.sentences[i].end]
        )
        if len(m.group("name")) >= 4
        and not patterns.NOT_A_TRIAL_NAME.match(m.group("name").upper())
    }
    if not names:
        return hits
    named = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    more = [
        k
        for k, sentence in enumerate(source.sentences)
        if k not in hits
        and named.search(source.text[sentence.start : sentence.end])
        and not lexicon.find(sentence.view)
    ]
    return sorted({*hits, *more})


def _in_healthy_volunteers(quote: str, source: Source) -> bool:
    """The source is a study in healthy volunteers, as its title says ("… of FHND1002 Granules in
    Healthy Adults"), where the claim is not: another trial than the claim's, whatever its phase
    or size (a study of patients that also doses volunteers says so further down, not in its
    title)."""
    if _HEALTHY_VOLUNTEERS.search(fold(quote)):
        return False
    return any(
        _HEALTHY_VOLUNTEERS.search(s.view)
        and _A_TITLE.fullmatch(s.view)
        # (not "… in Healthy Volunteers and Participants With ALS", nor a link to another page)
        and not _PATIENTS_TOO.search(s.view)
        and not _A_LINK_LINE.match(s.view)
        for s in source.sentences[:_HEAD_SENTENCES]
    )


def _speaks_of_the_trial(
    claim: Mapping,
    results: Mapping[str, Check],
    source: Source,
    views: list[tuple[int, str]],
    phase_found: bool,
) -> bool:
    """A source that states a trial's own size, or a record its own phase, as the claim gives
    them speaks of the trial, if not of the claim's event: "N = 84 (lithium: 40, placebo: 44)"
    (not a count of patients given the drug outside a trial: "about 150 patients … through its
    early access program")."""
    if claim.get("type") not in _TRIAL_EVENTS:
        return False
    if results.get("enrollment", Check("missing")).state == "found" and not any(
        patterns.OUTSIDE_A_TRIAL.search(view) for _, view in views
    ):
        return True
    # (a record of a trial under way, or elsewhere a trial named with the claim's phase, not as
    # a plan: "protocol for a … phase I/IIa clinical trial (ROPALS trial)")
    return phase_found and (
        source.started_record
        or (
            not source.is_record
            and any(_the_claims_phased_trial(view, claim) for _, view in views)
            # (a trial resumed is told after its start: "authorization to resume enrollment")
            and not any(_RESUMED.search(view) for _, view in views)
        )
    )


def _the_claims_phased_trial(view: str, claim: Mapping) -> bool:
    """A trial named with its phase as done or under way, of ALS, and not an earlier one: not
    "a phase 3 trial is needed", "hopes to run a phase 3 trial", "the earlier phase 3 trial,
    which ended in 2017" (a start claimed in 2021), "一项治疗哮喘的III期临床试验"."""
    if not _PHASED_TRIAL.search(view) or patterns.PLANNED.search(view) or _HOPED.search(view):
        return False
    if is_about_another_disease(view) or _EARLIER.search(view):
        return False
    year = str(claim.get("date") or "")[:4]
    return not (
        year and any(d.iso and d.iso[:4] < year for d in find_dates(view)[0] if not d.relative)
    )


_HOPED = re.compile(
    r"\b(?:hop\w*|need\w*|would|could|should|may|might|depend\w*|call\w*\s+for)\b|需要|希望|可能|或将"
)
_EARLIER = re.compile(r"\b(?:earlier|previous|prior)\b|此前|之前|先前")
_RESUMED = re.compile(r"\bresum(?:e|es|ed|ing|ption)\b|\brestart\w*|恢复(?:入组|招募|试验|研究)")
# A trial named with its phase: "phase I/IIa clinical trial (ROPALS trial)", "一项II期临床试验".
_PHASED_TRIAL = re.compile(
    r"\bphase\s*(?:[0-4]|i{1,3}|iv)[ab]?(?:\s*/\s*(?:[0-4]|i{1,3}|iv)[ab]?)?\s+"
    r"(?:[\w-]+\s+){0,3}?(?:trial|study)\b|(?:[0-4]|[ⅠⅡⅢ]|i{1,3})[ab]?期[^，,。；;]{0,6}(?:临床)?(?:试验|研究)"
)


ANOTHER_SIZE = "another size"


def _a_planned_trial_beside_a_done_one(
    claim: Mapping,
    results: Mapping[str, Check],
    stated_phases: set[str],
    views: list[tuple[int, str]],
) -> bool:
    """A trial still planned ("将招募495名患者", phase 3) against a source that reports the results
    of a trial with another size and another phase label (phase 2/3, 394 patients, "met the
    primary endpoint"): the earlier trial, not the planned one."""
    enrollment = results.get("enrollment")
    return (
        claim.get("status") == "planned"
        and enrollment is not None
        and enrollment.detail == ANOTHER_SIZE
        and bool(stated_phases)
        and str(claim.get("phase")) not in stated_phases
        and all(c.state != "found" for c in results.values())
        and any(
            patterns.OUTCOME_MET.search(v) or patterns.VERIFY_MISSED.search(v) for _, v in views
        )
    )


# Years between a trial event's claimed date and the source's beyond which they are two trials.
ANOTHER_TRIALS_YEARS = 3
_TRIAL_EVENTS = frozenset({"trial_start", "trial_result", "trial_design"})


def _years_apart(claim: Mapping, results: Mapping[str, Check]) -> bool:
    """A trial event the source dates years from the claim, and nothing else in conflict: the
    kick-off of a phase 2b/3 trial in 2019 against the clearance of an earlier trial in 2014 is
    another trial of the drug (a misreported year is a year or so off, not five)."""
    conflicts = {k for k, c in results.items() if c.state == "conflict"}
    if claim.get("type") not in _TRIAL_EVENTS or conflicts != {"date"}:
        return False
    if any(results[k].state == "found" for k in ("phase", "enrollment") if k in results):
        return False  # the same trial (its phase or size found), its date misreported
    stated = re.search(r"\b(?:19|20)\d\d\b", results["date"].detail or "")
    claimed = str(claim.get("date") or "")[:4]
    return bool(stated and claimed.isdigit()) and (
        abs(int(stated.group()) - int(claimed)) >= ANOTHER_TRIALS_YEARS
    )


def _another_trial(
    results: Mapping[str, Check], claimed: str, stated: set[str], same_trial: bool = False
) -> bool:
    """The source reports a different trial of the therapy: it gives a phase sharing no stage
    with the claim's ("1" against "2/3"), and neither the claim's size nor (when the claim has
    none) its date. "3" against "2/3" may be the same trial misreported: a contradiction."""
    conflicts = {k for k, c in results.items() if c.state == "conflict"}
    if "phase" not in conflicts or not conflicts <= {"phase", "enrollment", "date"}:
        return False
    if (
        "enrollment" in conflicts
        and not same_trial
        and not ("date" in results and results["date"].state == "found")
    ):
        # another phase and another size: two trials (a record's phase 2 of 70 against a
        # claimed phase 2b/3 of 217); a misreport gets one of them wrong, not both
        return True
    if any(phase_stages(claimed) & phase_stages(p) for p in stated):
        return False
    # The size tells trials apart better than a year two trials of a therapy may share.
    for attribute in ("enrollment", "date"):
        if attribute in results:
            return results[attribute].state != "found"
    return False


def _record_ids(text: str) -> set[str]:
    return {
        re.sub(r"[\s:：#-]", "", m.group()).lower() for m in patterns.REGISTRY_ID.finditer(text)
    }


# A trial's name in capitals ("PHOENIX", "VALOR", "COMBAT-ALS"): four letters or more, or two parts.
_CAPITALISED_NAME = re.compile(
    r"(?<![A-Za-z0-9-])(?:[A-Z]{4,}|[A-Z]{3,}-[A-Z]{2,})(?![A-Za-z0-9-])"  # ... or "COMBAT-ALS"
)


def _names_the_sources_trial(quote: str, source: Source, lexicon: Lexicon) -> bool:
    """The claim names the source's trial: its registry id, or its name in capitals ("Amylyx's
    PHOENIX phase 2 trial")."""
    if _record_ids(quote) & source.record_ids:
        return True
    named = {
        word.lower()
        for word in _CAPITALISED_NAME.findall(quote)
        if not patterns.NOT_A_TRIAL_NAME.match(word) and lexicon.canonical(word) is None
    }
    return bool(named) and any(re.search(rf"\b{name}\b", source.folded_text) for name in named)


def _another_record(
    claim: Mapping, quote: str, source: Source, results: Mapping[str, Check], lexicon: Lexicon
) -> str | None:
    """A registry record is one trial's. A claim naming another registry id is of another trial;
    one naming the record's id, or whose size or date the record states, or that names the
    record's trial in capitals, is of this one; else the record is another trial's when it is an
    extension study and the claim is not of one, or when its phase shares no stage with the
    claim's."""
    if not source.is_record:
        return None
    claimed_ids, record_ids = _record_ids(quote), source.record_ids
    if claimed_ids & record_ids:
        return None
    therapy = claim["therapy"]
    if claimed_ids and record_ids:
        # "NCT01999803 VEGF ICV Phase I" against the record of NCT01384162.
        return f"the source is the record of another trial of {therapy} ({', '.join(sorted(record_ids))})"
    if any(results[a].state == "found" for a in ("enrollment", "date") if a in results):
        return None  # the claim's size or date is the record's: the same trial
    if _names_the_sources_trial(quote, source, lexicon):
        return None
    if source.extension_study and not patterns.EXTENSION_CLAIM.search(fold(quote)):
        return f"the source is the record of an extension study of {therapy}, another trial"
    phase = results.get("phase")
    if phase is None or phase.state != "conflict":
        return None
    stated = source.phases_stated
    if any(phase_stages(str(claim["phase"])) & phase_stages(p) for p in stated):
        return None
    return f"the source is the record of another trial of {therapy} (phase {', '.join(sorted(stated))})"


def _silent_on_event(claim: Mapping, views: list[tuple[int, str]]) -> bool:
    """The claim is of an event (approval, trial start…, or a designation its quote states) the
    source never states near the therapy (done, planned or denied) other than for another
    disease: the source speaks of the therapy on another matter."""
    kind = str(claim.get("type"))
    words = EVENT_WORDS.get(kind)
    if kind == "other" and patterns.DESIGNATION.search(fold(str(claim.get("quote") or ""))):
        words = patterns.DESIGNATION  # "获得孤儿药资格认定": a designation the source must state
    elif kind == "other" and patterns.CLINICAL_HOLD.search(fold(str(claim.get("quote") or ""))):
        words = patterns.CLINICAL_HOLD  # "the FDA lifted the clinical hold": so must the source
    if kind == "withdrawal":
        # (one denied or only asked for is none: "no plans to discontinue development")
        planned = claim.get("status") == "planned"
        return not any(
            _withdrawal_stated(view, planned) and not is_about_another_disease(view)
            for _, view in views
        )
    return words is not None and not any(
        (
            any(_an_event_of_the_kind(kind, view, m) for m in words.finditer(view))
            or (kind == "trial_start" and _trial_period_start(view, None, None))
        )
        and not is_about_another_disease(view)
        for _, view in views
    )


def _judge(results: Mapping[str, Check], hits: list[int], source: Source) -> Verdict:
    checks = {attribute: check.state for attribute, check in results.items()}
    conflicts = sorted(k for k, v in checks.items() if v == "conflict")
    missing = sorted(k for k, v in checks.items() if v == "missing")
    if conflicts:
        telling = sorted({i for k in conflicts for i in results[k].sentences})
        details = [results[k].detail for k in conflicts if results[k].detail]
        reason = f"the source gives another {', '.join(conflicts)}"
        if details:
            reason += ": " + "; ".join(details)
        return Verdict(
            CONTRADICTED, one_line(reason), _evidence(source, telling or hits, 4), checks
        )
    found = sorted({i for c in results.values() if c.state == "found" for i in c.sentences})
    evidence = _evidence(source, found or hits, 3)
    if not missing:
        stated = ", ".join(sorted(checks)) or "the therapy"
        return Verdict(SUPPORTED, f"the source states {stated}", evidence, checks)
    return Verdict(
        PARTIAL, f"the source names the therapy but not its {', '.join(missing)}", evidence, checks
    )


def _evidence(source: Source, sentences: list[int], limit: int) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            source.sentences[i].start,
            source.sentences[i].end,
            source.text[source.sentences[i].start : source.sentences[i].end],
        )
        for i in sentences[:limit]
    )


def best_verdict(verdicts: list[Verdict]) -> Verdict:
    """The best of a claim's verdicts over the sources it cites."""
    return min(verdicts, key=lambda v: VERDICT_ORDER.index(v.verdict))


def headline_verdict(verdicts: list[Verdict]) -> Verdict:
    """What a claim shows first: any contradiction, else the best verdict.

    A source that contradicts the claim must never be hidden by another that supports it.
    """
    return min(verdicts, key=lambda v: ATTENTION_ORDER.index(v.verdict))
