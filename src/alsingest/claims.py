"""Claims: therapy / trial / date statements, each linked to the reference the article cites.

Per sentence (on the folded simplified view, offsets mapped back to the original):

1. therapy mentions (the lexicon, via the spaCy entities) and unlisted names that
   look like therapies; mentions inside titles, class names next to a product
   name, and background drugs ("在利鲁唑治疗基础上") are set aside;
2. attributes: dates tied to an event, phase, enrollment, design, outcome, withdrawal;
3. each attribute is bound to the therapies of its clause, else of the nearest
   clause; a sentence with attributes but no therapy takes the therapies of the
   sentence before it (within five sentences and the same section), and table
   rows take the therapy of their caption;
4. citations by the annotation guide: a marker cites its sentence (or the therapy it
   directly follows); a marker also cites the sentences of its paragraph back to
   the previous marker; a heading-like paragraph takes the marker of the paragraph
   it introduces; nothing is invented.
"""

from __future__ import annotations

import hashlib
import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from . import patterns
from .dates import DateMention, cn_number, find_dates
from .lexicon import Lexicon
from .normalize import MappedText, join_lines
from .references import Marker, Reference
from .structure import HEADING, REFERENCE, TABLE_ROW, TABLE_RULE, Paragraph, Sentence

logger = logging.getLogger(__name__)

EXTRACTOR_VERSION = "2"
TOPIC_REACH = 8  # sentences a therapy stays the topic without being named again (same section)
QUOTE_MAX = 120

CLAIM_TYPES = (
    "approval",
    "launch",
    "trial_start",
    "trial_design",
    "trial_result",
    "submission",
    "dosing",
    "withdrawal",
    "other",
)


@dataclass(frozen=True)
class TherapyMention:
    start: int  # in the sentence view
    end: int
    therapy: str
    unlisted: bool = False


@dataclass(frozen=True)
class Claim:
    sentence: int
    start: int  # original offsets of the quote
    end: int
    therapy: str
    unlisted: bool
    type: str
    date: str | None
    date_text: str | None
    phase: str | None
    enrollment: int | None
    design: tuple[str, ...]
    outcome: str | None  # met | missed | met_primary | missed_primary | None
    status: str  # "reported" | "planned"
    refs: tuple[int, ...]
    ref_urls: tuple[str, ...]
    claim_id: str


@dataclass
class _Attribute:
    kind: str  # date | phase | enrollment | design | outcome | withdrawal
    start: int
    end: int
    value: object
    text: str = ""


@dataclass
class _Draft:
    sentence: int
    therapy: str
    unlisted: bool
    attributes: list[_Attribute]
    anchor: tuple[int, int]  # view span the quote must hold
    via_topic: bool
    refs: set[int] = field(default_factory=set)


def normalize_phase(text: str) -> str | None:
    """'I/IIa' → '1/2a', 'IIIb' → '3b', '3 期' → '3', 'Phase III' → '3'."""
    text = text.strip().lower().replace(" ", "")
    text = re.sub(r"^phase", "", text)
    parts = re.split(r"[/~～-]", text)
    out = []
    for part in parts:
        m = re.fullmatch(r"(iv|i{1,3}|[1-4]|[ⅰⅱⅲⅳⅠⅡⅢⅣ]|[一二三四])([ab]?)", part)
        if not m:
            return None
        number = patterns.ROMAN.get(m.group(1)) or int(m.group(1))
        out.append(f"{number}{m.group(2)}")
    return "/".join(out) if out else None


def parse_count(text: str) -> int | None:
    """'1 000' → 1000, '1,000' → 1000, '一' → 1, '两' → 2, '一百二十' → 120."""
    digits = re.sub(r"[ ,]", "", text)
    return int(digits) if digits.isdigit() else cn_number(text)


# --- per-sentence analysis ---------------------------------------------------


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = " "
    return "".join(chars)


_CLAUSE_CHARACTERS = re.compile(r"[(（\[【)）\]】，；：;:,]")
_CELL_CHARACTERS = re.compile(r"[(（\[【)）\]】\t|]")


def clauses_of(text: str, table: bool = False) -> list[tuple[int, int]]:
    """Clause spans: split at commas, semicolons and colons outside parentheses; table cells in a row."""
    spans = []
    depth = 0
    start = 0
    for m in (_CELL_CHARACTERS if table else _CLAUSE_CHARACTERS).finditer(text):
        ch, i = m.group(), m.start()
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(0, depth - 1)
        elif depth == 0 and not (
            ch == "," and text[i + 1 : i + 4].isdigit() and text[i - 1 : i].isdigit()
        ):
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


ENUMERATION_GLUE = re.compile(r"^[\s、,，和与及或]*(?:and|or)?[\s、,，和与及或]*$")


def _ends_with_mention(text: str, clause: tuple[int, int], mentions: list[TherapyMention]) -> bool:
    start, end = clause
    return any(
        start <= m.start and m.end <= end and not text[m.end : end].strip() for m in mentions
    )


def _merge_enumerations(
    text: str, clauses: list[tuple[int, int]], mentions: list[TherapyMention]
) -> list[tuple[int, int]]:
    """A clause that is only a therapy name ("Creatine, coenzyme Q10 and …") belongs to the next one."""
    merged: list[tuple[int, int]] = []
    pending_start: int | None = None
    for start, end in clauses:
        rest = text[start:end]
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        for m in sorted(inside, key=lambda m: m.start, reverse=True):
            rest = rest[: m.start - start] + rest[m.end - start :]
        if inside and _continues_list(text, (start, end), inside, merged, mentions):
            # "tested masitinib, ropinirole and tideglusib in 240 …": the list's tail goes on.
            merged[-1] = (merged[-1][0], end)
            continue
        if inside and ENUMERATION_GLUE.match(rest):
            if pending_start is None and merged and _ends_with_mention(text, merged[-1], mentions):
                # "tested zilucoplan, verdiperstat, …": the list began in the clause before.
                pending_start = merged.pop()[0]
            pending_start = start if pending_start is None else pending_start
            continue
        merged.append((pending_start if pending_start is not None else start, end))
        pending_start = None
    if pending_start is not None:
        merged.append((pending_start, clauses[-1][1]))
    return merged


def _continues_list(
    text: str,
    clause: tuple[int, int],
    inside: list[TherapyMention],
    merged: list[tuple[int, int]],
    mentions: list[TherapyMention],
) -> bool:
    """``clause`` opens with the last names of a list the clause before began ("…, B and C in 240")."""
    start, _ = clause
    if not merged or not _ends_with_mention(text, merged[-1], mentions):
        return False
    first, *others = sorted(inside, key=lambda m: m.start)
    if text[start : first.start].strip() or not others:
        return False
    return bool(_LIST_GLUE.match(text[first.end : others[0].start]))


_PARENTHESES = re.compile(r"[(（)）]")


def _paren_groups(text: str) -> list[tuple[int, int]]:
    groups, stack = [], []
    for m in _PARENTHESES.finditer(text):
        if m.group() in "(（":
            stack.append(m.start())
        elif stack:
            groups.append((stack.pop(), m.start() + 1))
    return groups


_DIGIT = re.compile(r"\d")
# Only a year (or a word with 年: 同年, 去年, 民国…年) changes the context year.
_YEAR_HINT = re.compile(r"年|\d{4}")
# Each pattern's cue strings as one scan (a literal alternation is far cheaper than the patterns).
_CUE_SCANS = {
    regex: re.compile("|".join(map(re.escape, cues))) for regex, cues in patterns.CUES.items()
}


def _has_cue(regex: re.Pattern, view: str) -> bool:
    """Whether ``view`` holds one of the strings every match of ``regex`` holds."""
    return _CUE_SCANS[regex].search(view) is not None


def _finditer(regex: re.Pattern, view: str):
    """``regex.finditer(view)``, or nothing when the view holds none of the pattern's cues."""
    return regex.finditer(view) if _has_cue(regex, view) else ()


def find_attributes(view: str, dates: list[DateMention]) -> list[_Attribute]:
    """Claim attributes of one folded sentence view (masked where nothing should match)."""
    attributes: list[_Attribute] = []
    # A date counts when something happened then: an event word, or a result reported.
    missed = [(m.start(), m.end()) for m in _finditer(patterns.OUTCOME_MISSED, view)]
    met = list(_finditer(patterns.OUTCOME_MET, view))
    has_event = bool(dates) and (bool(missed or met) or patterns.EVENT.search(view) is not None)
    for d in dates:
        # An unresolvable date ("明年" with no publication date, "2025年13月") is kept as written.
        if has_event and is_event_date(view, d):
            attributes.append(_Attribute("date", d.start, d.end, d.iso))
    phases = sorted(
        (
            _Attribute("phase", m.start(), m.end(), phase)
            for regex in (patterns.CN_PHASE, patterns.CN_ORDINAL_PHASE, patterns.EN_PHASE)
            for m in _finditer(regex, view)
            if (phase := normalize_phase(m.group("phase")))
        ),
        key=lambda a: a.start,
    )
    # "from phase 2 to phase 2/3": the phase it moved to.
    left = {
        id(first)
        for first, then in zip(phases, phases[1:], strict=False)
        if patterns.PHASE_FROM.search(view, max(0, first.start - 6), first.start)
        and patterns.PHASE_TO.match(view[first.end : then.start])
    }
    attributes.extend(a for a in phases if id(a) not in left)
    enrollment = find_enrollment(view)
    if enrollment:
        attributes.append(enrollment)
    first_of: dict[str, re.Match] = {}
    for m in patterns.DESIGN_TERM.finditer(view):
        first_of.setdefault(m.lastgroup, m)
    for name, group in patterns.DESIGN_GROUPS.items():  # in the terms' order
        if group in first_of:
            m = first_of[group]
            attributes.append(_Attribute("design", m.start(), m.end(), name))
    for m in patterns.DURATION.finditer(view) if _DIGIT.search(view) else ():
        unit = "weeks" if m.group("unit").startswith(("周", "week")) else "months"
        attributes.append(_Attribute("design", m.start(), m.end(), f"{int(m.group('n'))} {unit}"))
    for start, end in missed:
        attributes.append(_Attribute("outcome", start, end, _outcome("missed", view, start, end)))
    for m in met:
        # "未在所有患者中达到主要终点" holds "达到主要终点": the negation wins.
        if not any(s < m.end() and m.start() < e for s, e in missed):
            value = _outcome("met", view, m.start(), m.end())
            attributes.append(_Attribute("outcome", m.start(), m.end(), value))
    for m in _finditer(patterns.WITHDRAWAL, view):
        attributes.append(_Attribute("withdrawal", m.start(), m.end(), True))
    return attributes


def is_event_date(view: str, date: DateMention) -> bool:
    """Not an "as of" date, a publication line, a patent term, a guidance document's year or the
    year of a sales figure."""
    before = view[max(0, date.start - 40) : date.start]
    if patterns.NON_EVENT_DATE_BEFORE.search(before) or patterns.NON_EVENT_DATE_AFTER.match(
        view, date.end
    ):
        return False
    if not patterns.MONEY_CLAUSE.search(view):
        return True
    clause = next((c for c in clauses_of(view) if c[0] <= date.start <= c[1]), (0, len(view)))
    return not patterns.MONEY_CLAUSE.search(view, *clause)


def is_inventory(view: str, mentions: Sequence[TherapyMention]) -> bool:
    """ "截至2024年底，FDA已批准三种药物：利鲁唑、依达拉奉和托夫生": a list of what is approved, no claim of each."""
    return (
        len({m.therapy for m in mentions}) >= 2
        and patterns.AS_OF.search(view) is not None
        and patterns.DRUG_COUNT.search(view) is not None
        and (patterns.APPROVAL.search(view) or patterns.LAUNCH.search(view)) is not None
    )


def _outcome(polarity: str, view: str, start: int, end: int) -> str:
    """'met' or 'missed', with '_primary' when the words are about the primary endpoint."""
    before = re.split(r"[,;。]", view[max(0, start - 12) : start])[-1]
    after = re.split(r"[,;。.]", view[end : end + 30])[0]
    near = before + view[start:end] + after
    return f"{polarity}_primary" if patterns.PRIMARY_ENDPOINT.search(near) else polarity


def find_enrollment(view: str) -> _Attribute | None:
    """The number of participants: a count with an enrollment cue, else arms summed, else a plain count."""
    strong, weak, arms = [], [], []
    for m in _finditer(patterns.CN_COUNT, view):
        n = parse_count(m.group("n"))
        if n is None or n == 0:
            continue
        after = view[m.end() : m.end() + 30]
        before = view[max(0, m.start() - 12) : m.start()]
        if patterns.COUNT_OUTCOME.match(after):
            continue
        # "人" counts participants only when it closes a number phrase ("约200人的", a table cell)
        # or follows an enrollment word.
        closes_phrase = re.match(r"\s*(的|参与|参加|入组|[|)）]|$)", after) or "患者" in after[:12]
        if (
            m.group("unit") == "人"
            and not closes_phrase
            and not patterns.ENROLLMENT_CUE.search(before)
        ):
            continue
        attribute = _Attribute("enrollment", m.start(), m.end(), n)
        clause_before = re.split(r"[，,；;。]", before)[-1]
        # One patient, or patients described by age ("一位52岁的男性患者接受了首次注射"), are a
        # case, not a trial's participants, unless the words say they take part in one.
        takes_part = patterns.ENROLLMENT_CUE.search(clause_before) or re.match(
            r"\s*(参与者|受试者|志愿者)", after
        )
        if (n == 1 or patterns.PATIENT_AGE.match(after)) and not takes_part:
            continue
        if "组" in re.split(r"[,;，；]", after[:12])[0] or "组" in clause_before[-6:]:
            arms.append(attribute)
        elif patterns.ENROLLMENT_CUE.search(clause_before) or m.group("approx") in (
            "共",
            "总共",
            "总计",
            "累计",
            "累积",
            "约",
            "超过",
            "逾",
            "近",
            "大约",
        ):
            strong.append(attribute)
        elif (
            re.match(r"\s*(?:[^，,。；;]{0,14})(患者|受试者|参与者|病人|als|志愿者)", after)
            or re.match(r"\s*[|]", after)
            or (m.group("unit") == "人" and closes_phrase)
        ):
            weak.append(attribute)
    english = (
        [*patterns.EN_COUNT.finditer(view), *patterns.EN_N_EQUALS.finditer(view)]
        if _DIGIT.search(view)
        else []
    )
    for m in english:
        n = parse_count(m.group("n"))
        # The cue's "in"/"about" alternatives are anchored at the number: look before it too.
        before = view[max(0, m.start() - 40) : m.start()]
        if n and (
            patterns.ENROLLMENT_CUE.search(before)
            or patterns.ENROLLMENT_CUE.search(view[max(0, m.start() - 40) : m.end() + 20])
            or m.re is patterns.EN_N_EQUALS
        ):
            strong.append(_Attribute("enrollment", m.start(), m.end(), n))
    if strong:
        return strong[0]
    if len(arms) >= 2:
        first, last = arms[0], arms[-1]
        return _Attribute("enrollment", first.start, last.end, sum(a.value for a in arms))
    if arms:
        return arms[0]
    return weak[0] if weak else None


# --- binding -----------------------------------------------------------------


# Outcomes are predicates: their subject stands in the same clause or before it, never after.
BACKWARD_ONLY = ("outcome", "withdrawal")
SINGLE_VALUED = ("phase", "enrollment")


def _bind(
    attributes: list[_Attribute], mentions: list[TherapyMention], view: str, table: bool = False
) -> dict[str, list[_Attribute]]:
    """Attributes of each therapy: those of its clause, else of the nearest clause that names a therapy."""
    clauses = _merge_enumerations(view, clauses_of(view, table), mentions)

    def clause_of(position: int) -> int:
        for i, (start, end) in enumerate(clauses):
            if start <= position <= end:
                return i
        return len(clauses) - 1

    by_clause: dict[int, list[TherapyMention]] = {}
    for mention in mentions:
        by_clause.setdefault(clause_of(mention.start), []).append(mention)
    groups = _paren_groups(view)
    bound: dict[str, list[_Attribute]] = {}
    # id(attribute) -> clauses from it forward to its therapy's (0: the same clause or after it)
    ahead_of: dict[int, int] = {}
    for attribute in attributes:
        targets: list[TherapyMention] = []
        ahead = 0
        group = next((g for g in groups if g[0] < attribute.start and attribute.end <= g[1]), None)
        if group is not None:
            inside = [m for m in mentions if group[0] <= m.start and m.end <= group[1]]
            before = [
                m for m in mentions if m.end <= group[0] and not view[m.end : group[0]].strip()
            ]
            targets = inside or before
        if not targets:
            home = clause_of(attribute.start)
            for distance in range(len(clauses)):
                candidates = (
                    (home - distance,)
                    if attribute.kind in BACKWARD_ONLY
                    else (home - distance, home + distance)
                )
                for candidate in candidates:
                    if candidate in by_clause:
                        targets = by_clause[candidate]
                        ahead = max(0, candidate - home)
                        break
                if targets:
                    break
        ahead_of[id(attribute)] = ahead
        for mention in targets:
            bound.setdefault(mention.therapy, []).append(attribute)
    # What follows a therapy may describe several of its trials ("早前的第三期研究未能达到主要
    # 终点，公司计划再开展一项第3b期研究"); of phases and sizes in clauses before it, only the nearest
    # is its own ("six were in phase 1, 31 in phase 2, and 13 in phase 3, including A, B…": 3).
    for therapy, attrs in bound.items():
        for kind in SINGLE_VALUED:
            nearest = min((ahead_of[id(a)] for a in attrs if a.kind == kind), default=0)
            bound[therapy] = attrs = [
                a for a in attrs if a.kind != kind or ahead_of[id(a)] == nearest
            ]
    return bound


def _is_claim(attributes: list[_Attribute]) -> bool:
    return any(
        a.kind in ("date", "phase", "enrollment", "outcome", "withdrawal", "design")
        for a in attributes
    )


# --- the article -------------------------------------------------------------


@dataclass(frozen=True)
class _Topic:
    """The therapies last named: what a sentence that names none is about."""

    therapies: tuple[str, ...]
    sentence: int
    paragraph: int
    section: int
    from_heading: bool

    def carries_to(
        self,
        s: Sentence,
        section: int,
        view: str,
        masked: str,
        intro: set[int],
        first_in_paragraph: bool = False,
    ) -> bool:
        if section != self.section or s.index - self.sentence > TOPIC_REACH:
            return False
        if patterns.SUMMARY.match(view) or patterns.GENERIC_PLURAL.search(masked):
            return False
        if patterns.QUOTED_SPEECH.match(view):
            return False
        if s.paragraph == self.paragraph or self.from_heading:
            return True
        if s.paragraph == self.paragraph + 1 and first_in_paragraph:
            # The paragraph right after goes on with the same subject unless it names another.
            return True
        # A new paragraph goes on about the earlier therapy only when it says so.
        return bool(patterns.CONTINUATION.match(view)) or (s.paragraph - 1) in intro


# An article is about one therapy when it names it this often, and most of its mentions are it.
SUBJECT_MIN_MENTIONS = 3
SUBJECT_SHARE = 0.6


def article_subject(sentences: Sequence[SentenceInput], classes: frozenset[str]) -> str | None:
    """The therapy a single-product article (a press release, a product summary) is about."""
    counts: dict[str, int] = {}
    for item in sentences:
        for mention in item.mentions:
            if mention.therapy not in classes:
                counts[mention.therapy] = counts.get(mention.therapy, 0) + 1
    if not counts:
        return None
    therapy, n = max(counts.items(), key=lambda kv: kv[1])
    return (
        therapy if n >= SUBJECT_MIN_MENTIONS and n >= SUBJECT_SHARE * sum(counts.values()) else None
    )


def about_a_trial(attributes: list[_Attribute]) -> bool:
    """A phase, a size or an outcome: a date alone ("5月19日举行电话会议") is no trial fact."""
    return any(a.kind in ("phase", "enrollment", "outcome") for a in attributes)


def _speaks_of_many(view: str, masked: str) -> bool:
    return bool(
        patterns.SUMMARY.match(view)
        or patterns.GENERIC_PLURAL.search(masked)
        or patterns.QUOTED_SPEECH.match(view)
    )


def _intro_paragraphs(
    paragraphs: Sequence[Paragraph], sentences: Sequence[SentenceInput]
) -> set[int]:
    """Paragraphs that introduce the next one: "NurOwn疗法的3b期试验布局:…", or ending in a colon."""
    first: dict[int, str] = {}
    last: dict[int, str] = {}
    for item in sentences:
        first.setdefault(item.sentence.paragraph, item.view.folded)
        last[item.sentence.paragraph] = item.view.folded
    return {
        p
        for p in first
        if re.match(r"^[^,。;:]{2,30}:", first[p]) or last[p].rstrip().endswith(":")
    }


@dataclass(frozen=True)
class SentenceInput:
    sentence: Sentence
    view: MappedText  # simplified sentence, line breaks joined
    mentions: tuple[TherapyMention, ...]  # lexicon mentions in view offsets
    words: tuple[str, ...] = ()  # the segmenter's words of the view, in order


def extract_claims(
    name: str,
    text: str,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[SentenceInput],
    markers: Sequence[Marker],
    references: Sequence[Reference],
    lexicon: Lexicon,
    classes: frozenset[str] = frozenset(),
    published: str | None = None,
    word_frequency: Mapping[str, int] | None = None,
) -> list[Claim]:
    """All claims of one article, in sentence order.

    ``word_frequency`` (jieba's dictionary) tells common words from parts of a drug's name.
    """
    common = _common_word(word_frequency or {})
    subject = article_subject(sentences, classes)
    markers_by_sentence: dict[int, list[Marker]] = {}
    for marker in markers:
        markers_by_sentence.setdefault(marker.sentence, []).append(marker)
    url_of = {r.n: r.url for r in references if r.n is not None and not r.inline and r.url}

    drafts: list[_Draft] = []
    topic: _Topic | None = None
    section_therapies: set[str] = set()
    intro = _intro_paragraphs(paragraphs, sentences)
    first_sentence: dict[int, int] = {}
    table_header: dict[int, str] = {}  # first row of each table, by paragraph index
    for item in sentences:
        first_sentence.setdefault(item.sentence.paragraph, item.sentence.index)
        if paragraphs[item.sentence.paragraph].kind == TABLE_ROW:
            start = _table_start(paragraphs, item.sentence.paragraph)
            if start == item.sentence.paragraph:
                table_header[start] = item.view.folded
    section = 0
    antecedent: str | None = None
    context_year: int | None = None
    claims_in_sentence: dict[int, list[_Draft]] = {}
    caption: dict[int, tuple[str, ...]] = {}
    last_caption: tuple[tuple[str, ...], int] | None = None

    for item in sentences:
        s = item.sentence
        paragraph = paragraphs[s.paragraph]
        if paragraph.kind in (REFERENCE, TABLE_RULE):
            continue
        if paragraph.kind == HEADING:
            section += 1
            topic = None
            section_therapies: set[str] = set()
        view = item.view.folded
        masked = _mask(view, _masked_spans(item, markers_by_sentence.get(s.index, [])))
        mentions = _select_mentions(item, masked, lexicon, classes, antecedent, common)
        # Most sentences name no therapy and have none to inherit: no claim can come of
        # them, so their attributes are not looked for; their years still set the context.
        possible = (
            bool(mentions) or paragraph.kind == TABLE_ROW or topic is not None or bool(subject)
        )
        dates: list[DateMention] = []
        if possible or _YEAR_HINT.search(masked):
            dates, context_year = find_dates(masked, context_year, published)
        attributes = find_attributes(masked, dates) if possible else []
        if paragraph.kind == TABLE_ROW and not any(a.kind == "enrollment" for a in attributes):
            header = table_header.get(_table_start(paragraphs, s.paragraph))
            if header is not None and s.paragraph != _table_start(paragraphs, s.paragraph):
                attributes.extend(_enrollment_cells(header, masked))
        for marker in markers_by_sentence.get(s.index, []):
            if marker.year and possible:
                at = _view_position(item.view, marker.start)
                attributes.append(_Attribute("date", at, at + 1, marker.year, text=marker.year))
        subjects = [m for m in mentions if m.therapy not in classes] or mentions
        if subjects and not patterns.QUOTED_SPEECH.match(view):
            # What a later "该药" means, across paragraphs, headings and quotations.
            antecedent = subjects[0].therapy
        if paragraph.kind != TABLE_ROW and mentions:
            last_caption = (tuple(dict.fromkeys(m.therapy for m in mentions)), s.paragraph)
        if (
            paragraph.kind == TABLE_ROW
            and last_caption
            and _table_start(paragraphs, s.paragraph) - last_caption[1] <= 2
        ):
            caption[s.index] = last_caption[0]

        sentence_drafts: list[_Draft] = []
        if mentions:
            bound = _bind(attributes, mentions, masked, table=paragraph.kind == TABLE_ROW)
            for therapy, attrs in bound.items():
                if _is_claim(attrs):
                    first = next(m for m in mentions if m.therapy == therapy)
                    sentence_drafts.append(
                        _Draft(
                            s.index,
                            therapy,
                            first.unlisted,
                            attrs,
                            (first.start, first.end),
                            via_topic=False,
                        )
                    )
            # A drug named only as background ("stable doses of riluzole") is not what follows is about.
            background = _background(view, mentions)
            named = tuple(
                dict.fromkeys(
                    m.therapy
                    for i, m in enumerate(mentions)
                    if m.therapy not in classes and i not in background
                )
            )
            if named and paragraph.kind != TABLE_ROW:
                if paragraph.kind == HEADING:
                    section_therapies = set(named)
                # A section headed by a therapy stays about it: "【四、超大剂量甲钴胺】".
                about_section = paragraph.kind == HEADING or set(named) <= section_therapies
                topic = _Topic(named, s.index, s.paragraph, section, about_section)
        elif _is_claim(attributes):
            therapies: tuple[str, ...] = ()
            if paragraph.kind == TABLE_ROW:
                therapies = caption.get(s.index, ())
            elif topic and topic.carries_to(
                s,
                section,
                view,
                masked,
                intro,
                first_in_paragraph=s.index == first_sentence[s.paragraph],
            ):
                therapies = topic.therapies
                # The discourse goes on: the next sentence is measured from here.
                topic = replace(topic, sentence=s.index, paragraph=s.paragraph)
            elif subject and about_a_trial(attributes) and not _speaks_of_many(view, masked):
                # A release about one product: its trial facts are the product's, in any section.
                therapies = (subject,)
            carried = list(attributes)
            if len(therapies) > 1 and len({a.value for a in attributes if a.kind == "date"}) > 1:
                # "Results were reported in 2022 and 2023" for four drugs: which date is whose is unknown.
                carried = [a for a in attributes if a.kind != "date"]
            # No name to anchor on: the quote is the sentence itself.
            span = (0, len(view))
            for therapy in therapies:
                if _is_claim(carried):
                    sentence_drafts.append(
                        _Draft(s.index, therapy, False, carried, span, via_topic=True)
                    )
        if patterns.OTHER_DISEASE.search(masked) and not patterns.ALS_DISEASE.search(masked):
            sentence_drafts = []  # a trial of another disease
        for draft in sentence_drafts:
            draft.refs = _sentence_refs(draft, item, markers_by_sentence.get(s.index, []))
        claims_in_sentence[s.index] = sentence_drafts
        drafts.extend(sentence_drafts)

    _cite_back_to_previous_marker(drafts, sentences, paragraphs, markers_by_sentence)
    _inherit_from_introduced_paragraph(drafts, sentences, paragraphs, markers_by_sentence)
    _antecedent_refs(drafts, sentences, claims_in_sentence, markers_by_sentence)

    by_index = {item.sentence.index: item for item in sentences}
    claims: list[Claim] = []
    seen: set[str] = set()
    for draft in drafts:
        for claim in _finish(name, text, draft, by_index[draft.sentence], url_of):
            if claim.claim_id not in seen:
                seen.add(claim.claim_id)
                claims.append(claim)
    return claims


def _cells(row: str) -> list[tuple[int, int]]:
    """Spans of a table row's cells ('|' or tab separated), without the outer bars."""
    separator = "\t" if "\t" in row else "|"
    spans, start = [], 0
    for i, ch in enumerate(row + separator):
        if ch == separator:
            spans.append((start, i))
            start = i + 1
    if separator == "|" and row.lstrip().startswith("|"):
        spans = spans[1:]
    if separator == "|" and row.rstrip().endswith("|"):
        spans = spans[:-1]
    return spans


_BARE_COUNT = re.compile(r"^\s*(约|~|≈)?\s*(?P<n>\d{1,3}(?:[ ,]\d{3})+|\d+)\s*(人|例|名)?\s*$")


def _enrollment_cells(header: str, row: str) -> list[_Attribute]:
    """A bare number in the column whose header names the sample size ("样本量", "n")."""
    names = [header[s:e] for s, e in _cells(header)]
    found = []
    for (start, end), name in zip(_cells(row), names, strict=False):
        m = _BARE_COUNT.match(row[start:end])
        if m and patterns.ENROLLMENT_HEADER.search(name):
            n = parse_count(m.group("n"))
            if n:
                found.append(_Attribute("enrollment", start, end, n))
    return found[:1]


def _table_start(paragraphs: Sequence[Paragraph], index: int) -> int:
    while index > 0 and paragraphs[index - 1].kind in (TABLE_ROW, TABLE_RULE):
        index -= 1
    return index


def _masked_spans(item: SentenceInput, markers: list[Marker]) -> list[tuple[int, int]]:
    """Markers, URLs, inline sources and titles: nothing in them is a claim attribute."""
    view = item.view.folded
    spans = [
        (_view_position(item.view, m.start), _view_position(item.view, m.end - 1) + 1)
        for m in markers
    ]
    for regex in (
        patterns.URL,
        patterns.INLINE_SOURCE,
        patterns.MARKDOWN_LINK,
        patterns.TITLE_SPAN,
    ):
        spans.extend((m.start(), m.end()) for m in _finditer(regex, view))
    if spans:
        for m in patterns.MARKER_YEAR.finditer(view):
            if any(end <= m.start() <= end + 1 for _, end in spans):
                spans.append((m.start(), m.end()))
    return spans


def _view_position(view: MappedText, original: int) -> int:
    """The first view position at or after ``original`` (offsets only ever grow)."""
    return min(bisect_left(view.offsets, original), len(view.text))


_LATIN = re.compile("[a-z]")


def _select_mentions(
    item: SentenceInput,
    masked: str,
    lexicon: Lexicon,
    classes: frozenset[str],
    antecedent: str | None = None,
    common: Callable[[str], bool] | None = None,
) -> list[TherapyMention]:
    view = item.view.folded
    mentions = [m for m in item.mentions if masked[m.start : m.end].strip()]
    for found in (
        chinese_names(item.view.text, masked, item.words, common, mentions) if common else [],
        list_members(masked, mentions),
    ):
        for start, end in found:
            if not any(x.start < end and start < x.end for x in mentions):
                name = masked[start:end]
                known = lexicon.canonical(name)
                mentions.append(TherapyMention(start, end, known or name, unlisted=known is None))
    # Code and INN names are Latin letters; a sentence without any has none.
    for regex in (patterns.CODE_NAME, patterns.INN_NAME) if _LATIN.search(masked) else ():
        for m in regex.finditer(masked):
            name = m.group("name")
            if patterns.NOT_A_THERAPY.match(name) or any(
                x.start < m.end() and m.start() < x.end for x in mentions
            ):
                continue
            known = lexicon.canonical(name)
            therapy = known or re.sub(r"[^a-z0-9]", "", name)
            mentions.append(TherapyMention(m.start(), m.end(), therapy, unlisted=known is None))
    if not mentions:
        return _descriptions(masked, [], antecedent)
    mentions.sort(key=lambda m: m.start)
    if any(m.therapy not in classes for m in mentions):
        # "自体间充质干细胞疗法NurOwn": the class describes the product, it is not the subject.
        mentions = [m for m in mentions if m.therapy not in classes]
    # "(如过表达BDNF)": an example in parentheses is not the subject.
    examples = [g for g in _paren_groups(view) if patterns.EXAMPLE_OPENER.match(view, g[0] + 1)]
    mentions = [m for m in mentions if not any(g[0] < m.start and m.end <= g[1] for g in examples)]
    if is_inventory(masked, mentions):
        return []
    background = _background(view, mentions)
    foreground = [m for i, m in enumerate(mentions) if i not in background]
    selected = foreground if foreground else mentions
    return sorted([*selected, *_descriptions(masked, selected, antecedent)], key=lambda m: m.start)


# Common words (jieba's dictionary frequency) are vocabulary, not parts of a drug's name.
COMMON_WORD_FREQUENCY = 500
COMMON_CHARACTER_FREQUENCY = 50000


def _common_word(frequency: Mapping[str, int]) -> Callable[[str], bool]:
    def common(word: str) -> bool:
        if word in patterns.NAME_STOP_WORDS or "细胞" in word:
            return True
        limit = COMMON_CHARACTER_FREQUENCY if len(word) == 1 else COMMON_WORD_FREQUENCY
        return frequency.get(word, 0) >= limit

    return common


def chinese_names(
    view: str,
    masked: str,
    words: Sequence[str],
    common: Callable[[str], bool],
    known: Sequence[TherapyMention] = (),
) -> list[tuple[int, int]]:
    """Spans of unlisted Chinese therapy names: a drug-name ending ("硝酮嗪", "参蓉颗粒") and the
    uncommon words before it ("证明/硝酮/嗪" → "硝酮嗪"), and cell therapies by their source.

    ``words`` are the segmenter's words of ``view``; ``masked`` is ``view`` folded, with titles,
    links and markers blanked, where no name is looked for; names ``known`` already are skipped.
    """
    found = []
    spans = None
    for m in _finditer(patterns.CN_NAME_ENDING, masked):
        if any(k.start < m.end() and m.start() < k.end for k in known):
            continue  # "利鲁唑": a lexicon name
        if spans is None:
            spans = _word_spans(view, words)
        start = m.start()
        for word_start, word_end in reversed([s for s in spans if s[1] <= m.start()]):
            word = masked[word_start:word_end]
            if word_end != start or not patterns.CJK_WORD.fullmatch(word) or common(word):
                break
            start = word_start
        if start < m.start():  # a bare ending ("注射液") is no name
            found.append((start, m.end()))
    found.extend(m.span() for m in _finditer(patterns.CELL_THERAPY, masked))
    return found


def _word_spans(view: str, words: Sequence[str]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for word in words:
        start = view.find(word, position)
        if start < 0:
            continue
        spans.append((start, start + len(word)))
        position = start + len(word)
    return spans


def list_members(view: str, mentions: Sequence[TherapyMention]) -> list[tuple[int, int]]:
    """Unlisted names in a list of therapies: "…, memantine, AMX0035, trazodone, CNM-Au8, …"."""
    if len(mentions) < 2:
        return []
    ends = {m.end for m in mentions}
    starts = {m.start for m in mentions}
    found = []
    for m in patterns.LIST_MEMBER.finditer(view):
        before = view[: m.start("name")].rstrip(" ,、")
        before = re.sub(r"\s*\b(and|or)$", "", before)
        after = patterns.LIST_SEPARATOR.match(view, m.end("name"))
        if len(before) in ends or (after and after.end() in starts):
            found.append(m.span("name"))
    return found


def _descriptions(
    masked: str, mentions: list[TherapyMention], antecedent: str | None
) -> list[TherapyMention]:
    """ "该药" / "the drug": the therapy named last before it in the sentence, else the antecedent."""
    found = []
    for m in _finditer(patterns.ANAPHOR, masked):
        if any(x.start < m.end() and m.start() < x.end for x in mentions):
            continue
        earlier = [x for x in mentions if x.end <= m.start()]
        therapy = earlier[-1].therapy if earlier else antecedent
        if therapy is not None:
            unlisted = earlier[-1].unlisted if earlier else False
            found.append(TherapyMention(m.start(), m.end(), therapy, unlisted=unlisted))
    return found


_LIST_GLUE = re.compile(r"^\s*(and/or|and|or|,|、|和|或|及|与|以及)\s*$")


def _background(view: str, mentions: list[TherapyMention]) -> set[int]:
    """Indexes of background mentions; the cue reaches along a list ("stable doses of riluzole and/or edaravone")."""
    found: set[int] = set()
    for i, mention in enumerate(mentions):
        follows_background = i - 1 in found and _LIST_GLUE.match(
            view[mentions[i - 1].end : mention.start]
        )
        if _is_background(view, mention) or follows_background:
            found.add(i)
    return found


def _is_background(view: str, mention: TherapyMention) -> bool:
    before = view[max(0, mention.start - 24) : mention.start]
    after = view[mention.end : mention.end + 8]
    if patterns.BACKGROUND_BEFORE.search(before) or patterns.HISTORY_AFTER.match(after):
        return True
    if _has_cue(patterns.WITH_PLACEBO_AFTER, view) and patterns.WITH_PLACEBO_AFTER.match(
        view, mention.end, mention.end + 40
    ):
        return True
    if _has_cue(patterns.COMPARATOR_BEFORE, before) and patterns.COMPARATOR_BEFORE.search(before):
        return True
    if patterns.COMPARISON_AFTER.match(after) and re.search(r"(与|和|同)\s*$", before):
        return True
    return bool(patterns.BACKGROUND_AFTER.match(after) and re.search(r"在\s*$", before))


def _sentence_refs(draft: _Draft, item: SentenceInput, markers: list[Marker]) -> set[int]:
    """Markers of the sentence: one right after a therapy name cites that therapy only."""
    refs: set[int] = set()
    for marker in markers:
        at = _view_position(item.view, marker.start)
        owner = _mention_right_before(item, at)
        if owner is None or owner.therapy == draft.therapy:
            refs.add(marker.n)
    return refs


def _mention_right_before(item: SentenceInput, position: int) -> TherapyMention | None:
    view = item.view.folded
    for mention in item.mentions:
        gap = view[mention.end : position]
        if mention.end <= position and len(gap) <= 3 and not re.search(r"[，,；;。]", gap):
            return mention
    return None


def _sentence_level_markers(item_markers: list[Marker]) -> set[int]:
    return {m.n for m in item_markers}


def _cite_back_to_previous_marker(drafts, sentences, paragraphs, markers_by_sentence) -> None:
    """A marker also cites the sentences of its paragraph since the previous marker."""
    order = [item.sentence for item in sentences]
    position = {s.index: i for i, s in enumerate(order)}
    mentions_of = {item.sentence.index: item.mentions for item in sentences}
    for draft in drafts:
        if markers_by_sentence.get(draft.sentence):
            continue
        i = position[draft.sentence]
        paragraph = order[i].paragraph
        for later in order[i + 1 :]:
            if later.paragraph != paragraph:
                break
            if markers_by_sentence.get(later.index):
                # The marker's sentence must be about the same therapy, or name none.
                named = {m.therapy for m in mentions_of[later.index]}
                if not named or draft.therapy in named:
                    draft.refs |= _sentence_level_markers(markers_by_sentence[later.index])
                break


def _inherit_from_introduced_paragraph(drafts, sentences, paragraphs, markers_by_sentence) -> None:
    """A heading-like paragraph without markers takes the closing marker of the paragraph it introduces."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for item in sentences:
        by_paragraph.setdefault(item.sentence.paragraph, []).append(item.sentence)
    drafts_by_paragraph: dict[int, list[_Draft]] = {}
    sentence_paragraph = {item.sentence.index: item.sentence.paragraph for item in sentences}
    for draft in drafts:
        drafts_by_paragraph.setdefault(sentence_paragraph[draft.sentence], []).append(draft)
    texts = {item.sentence.index: item.view.folded for item in sentences}
    for p, own in drafts_by_paragraph.items():
        members = by_paragraph.get(p, [])
        if any(markers_by_sentence.get(s.index) for s in members):
            continue
        first = texts[members[0].index] if members else ""
        if not (paragraphs[p].kind == HEADING or re.match(r"^[^，,。；;:：]{2,30}[:：]", first)):
            continue
        following = by_paragraph.get(p + 1, [])
        if not following or not markers_by_sentence.get(following[-1].index):
            continue
        closing = _sentence_level_markers(markers_by_sentence[following[-1].index])
        introduced = {d.therapy for d in drafts_by_paragraph.get(p + 1, [])}
        for draft in own:
            if draft.therapy in introduced:
                draft.refs |= closing


def _antecedent_refs(drafts, sentences, claims_in_sentence, markers_by_sentence) -> None:
    """A claim carried from the sentence just before takes that sentence's citation, if it made no claim of its own."""
    order = [item.sentence.index for item in sentences]
    for draft in drafts:
        if not draft.via_topic:
            continue
        i = order.index(draft.sentence)
        if i == 0:
            continue
        previous = order[i - 1]
        if claims_in_sentence.get(previous):
            continue
        item = next(x for x in sentences if x.sentence.index == previous)
        if not any(m.therapy == draft.therapy for m in item.mentions):
            continue
        for marker in markers_by_sentence.get(previous, []):
            owner = _mention_right_before(item, _view_position(item.view, marker.start))
            if owner is None or owner.therapy == draft.therapy:
                draft.refs.add(marker.n)


def _finish(
    name: str, text: str, draft: _Draft, item: SentenceInput, url_of: dict[int, str]
) -> list[Claim]:
    attrs = draft.attributes
    view = item.view
    dates = [a for a in attrs if a.kind == "date"]
    phases = list(dict.fromkeys(a.value for a in attrs if a.kind == "phase"))
    phase = phases[0] if phases else None
    enrollment = next((a.value for a in attrs if a.kind == "enrollment"), None)
    design = tuple(dict.fromkeys(a.value for a in attrs if a.kind == "design"))
    outcomes = [a.value for a in attrs if a.kind == "outcome"]
    # A primary-endpoint statement outweighs softer words; a negative outweighs a positive.
    ranked = sorted(
        outcomes, key=lambda o: (not o.endswith("_primary"), not o.startswith("missed"))
    )
    outcome = ranked[0] if ranked else None
    spans = [draft.anchor, *((a.start, a.end) for a in attrs)]
    quote_start, quote_end = _quote_span(view.folded, spans, draft.anchor)
    start, end = view.original_span(quote_start, quote_end)
    clause_text = view.folded[quote_start:quote_end]
    status = "planned" if patterns.PLANNED.search(clause_text) else "reported"
    refs = tuple(sorted(draft.refs))
    ref_urls = tuple(url_of[n] for n in refs if n in url_of)
    claims = []
    for date in dates or [None]:
        date_iso = date.value if date else None
        if date is None:
            date_text = None
        elif date.text:
            date_text = date.text
        else:
            s, e = view.original_span(date.start, date.end)
            date_text = join_lines(text[s:e]).text
        withdrawn = any(a.kind == "withdrawal" for a in attrs)
        claim_type = classify(clause_text, outcome, phase, enrollment, design, withdrawn)
        if claim_type in ("other", "trial_design"):
            # The event verb may stand outside the quoted clauses: "NurOwn…布局:2025年4月,…提交了申请".
            sentence_type = classify(view.folded, outcome, phase, enrollment, design, withdrawn)
            if sentence_type not in ("other", "trial_design", "trial_result"):
                claim_type = sentence_type
        digest = hashlib.sha256(
            "\0".join([name, text[start:end], draft.therapy, claim_type, date_iso or ""]).encode()
        ).hexdigest()[:16]
        claims.append(
            Claim(
                sentence=draft.sentence,
                start=start,
                end=end,
                therapy=draft.therapy,
                unlisted=draft.unlisted,
                type=claim_type,
                date=date_iso,
                date_text=date_text,
                phase=phase,
                enrollment=enrollment,
                design=design,
                outcome=outcome,
                status=status,
                refs=refs,
                ref_urls=ref_urls,
                claim_id=digest,
            )
        )
    # "早前的第三期研究未能达到主要终点，公司计划再开展一项约200人的第3b期研究": two trials.
    for extra in phases[1:]:
        first = claims[0]
        digest = hashlib.sha256(f"{first.claim_id}\0phase\0{extra}".encode()).hexdigest()[:16]
        claims.append(replace(first, date=None, date_text=None, phase=extra, claim_id=digest))
    return claims


def _quote_span(
    view: str, spans: list[tuple[int, int]], anchor: tuple[int, int]
) -> tuple[int, int]:
    """The clauses holding the therapy and its attributes, at most QUOTE_MAX characters."""
    clauses = clauses_of(view)

    def clause(position: int) -> tuple[int, int]:
        return next((c for c in clauses if c[0] <= position <= c[1]), (0, len(view)))

    start = min(clause(s)[0] for s, _ in spans)
    end = max(clause(e)[1] for _, e in spans)
    if end - start > QUOTE_MAX:
        start, end = clause(anchor[0])
        if end - start > QUOTE_MAX:
            start = max(start, anchor[0] - QUOTE_MAX // 2)
            end = min(end, start + QUOTE_MAX)
    while start < end and view[start] in " ，,；;：:":
        start += 1
    while end > start and view[end - 1] in " ，,；;：:。":
        end -= 1
    return start, end


def classify(text: str, outcome, phase, enrollment, design, withdrawn: bool) -> str:
    """Claim type from the words of its clauses, most specific first."""
    if withdrawn:
        return "withdrawal"
    if patterns.SUBMISSION.search(text) and not outcome:
        return "submission"
    if patterns.TRIAL_APPROVAL.search(text):
        return "trial_start"
    if patterns.APPROVAL.search(text):
        return "approval"
    if patterns.LAUNCH.search(text):
        return "launch"
    if patterns.DOSING.search(text):
        return "dosing"
    if outcome:
        return "trial_result"
    if patterns.TRIAL_START.search(text):
        return "trial_start"
    if phase or enrollment or design:
        return "trial_design"
    return "other"
