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
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import patterns
from .claims import find_enrollment, normalize_phase, parse_count
from .dates import find_dates
from .lexicon import Lexicon, name_key
from .normalize import Converter, fold, join_lines
from .structure import paragraphs_of, sentences_of

logger = logging.getLogger(__name__)

VERIFIER_VERSION = "1"

SUPPORTED = "supported"
PARTIAL = "partial"
CONTRADICTED = "contradicted"
NOT_FOUND = "not_found"
UNAVAILABLE = "unavailable"
# Best first: a claim cited to several sources takes the best verdict among them.
VERDICT_ORDER = (SUPPORTED, PARTIAL, CONTRADICTED, NOT_FOUND, UNAVAILABLE)

WINDOW = 2  # sentences on each side of a mention
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
    kana = sum(1 for ch in letters if "\u3040" <= ch <= "\u30ff")
    hangul = sum(1 for ch in letters if "\uac00" <= ch <= "\ud7af")
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


class Source:
    """A source document prepared once: its sentences as folded simplified views."""

    def __init__(self, text: str, converter: Converter, published: str | None = None):
        self.text = text
        self.published = published
        script = converter.detect_script(text)
        simplified = converter.to_simplified(text, script)
        paragraphs = paragraphs_of(text)
        self.sentences = [
            _Sentence(s.start, s.end, fold(join_lines(simplified[s.start : s.end]).text))
            for s in sentences_of(text, paragraphs)
        ]
        self.problem = unreadable(text)

    def mentions(
        self, therapy: str, lexicon: Lexicon, unlisted_name: str | None = None
    ) -> list[int]:
        """Indexes of the sentences that name ``therapy``."""
        found = []
        key = name_key(unlisted_name) if unlisted_name else None
        for i, sentence in enumerate(self.sentences):
            named = any(m.therapy == therapy for m in lexicon.find(sentence.view))
            if named or (key and key in name_key(sentence.view)):
                found.append(i)
        return found


def _dates_compatible(claimed: str, stated: str) -> bool:
    """'2025-04' and '2025-04-10' agree; '2025-04' and '2025-05' do not."""
    return claimed.startswith(stated) or stated.startswith(claimed)


def _check_date(claimed: str, window: list[_Sentence], mention: _Sentence, source: Source) -> str:
    stated = [d.iso for s in window for d in find_dates(s.view)[0] if d.iso]
    if any(_dates_compatible(claimed, d) for d in stated):
        return "found"
    if source.published and _dates_compatible(claimed, source.published):
        return "found"  # "announced on": the document's own date
    # The sentence naming the therapy dates it to another month of the same year.
    own = [d.iso for d in find_dates(mention.view)[0] if d.iso and len(d.iso) >= 7]
    if (
        len(claimed) >= 7
        and own
        and all(d[:4] == claimed[:4] and d[:7] != claimed[:7] for d in own)
    ):
        return "conflict"
    return "missing"


def _check_enrollment(claimed: int, window: list[_Sentence]) -> str:
    stated = set()
    for s in window:
        for m in re.finditer(r"(?<![\d.,])(\d{1,3}(?:[ ,]\d{3})+|\d+)(?![\d.,]*\d)", s.view):
            n = parse_count(m.group(1))
            if n == claimed:
                return "found"
        enrollment = find_enrollment(s.view)
        if enrollment:
            stated.add(enrollment.value)
    return "conflict" if stated else "missing"


def _check_phase(claimed: str, window: list[_Sentence]) -> str:
    stated = set()
    for s in window:
        for regex in (patterns.CN_PHASE, patterns.CN_ORDINAL_PHASE, patterns.EN_PHASE):
            for m in regex.finditer(s.view):
                phase = normalize_phase(m.group("phase"))
                if phase:
                    stated.add(phase)
    if claimed in stated:
        return "found"
    base = re.sub(r"[ab]", "", claimed)
    if any(re.sub(r"[ab]", "", p) == base for p in stated):
        return "found"  # "Phase 3" for a "3b" claim, "1/2" for "1/2a"
    return "conflict" if stated else "missing"


def _check_outcome(claimed: str, window: list[_Sentence]) -> str:
    text = " ".join(s.view for s in window)
    missed = bool(patterns.OUTCOME_MISSED.search(text))
    met = any(
        not any(
            x.start() < m.end() and m.start() < x.end()
            for x in patterns.OUTCOME_MISSED.finditer(text)
        )
        for m in patterns.OUTCOME_MET.finditer(text)
    )
    wanted_missed = claimed.startswith("missed")
    if (missed and wanted_missed) or (met and not wanted_missed):
        return "found"
    if missed or met:
        return "conflict"
    return "missing"


def verify_claim(claim: Mapping, source: Source, lexicon: Lexicon) -> Verdict:
    """Judge one claim (a row of ``export claims``) against one prepared source."""
    if source.problem:
        return Verdict(UNAVAILABLE, source.problem)
    name = claim["therapy"] if claim.get("unlisted") else None
    hits = source.mentions(claim["therapy"], lexicon, unlisted_name=name)
    if not hits:
        return Verdict(NOT_FOUND, f"the source never names {claim['therapy']}")
    # Each attribute is judged over every passage that names the therapy: found in one is
    # found; otherwise another value in one is a conflict; otherwise it is missing.
    per_window: list[tuple[int, dict[str, str]]] = []
    for i in hits:
        window = source.sentences[max(0, i - WINDOW) : i + WINDOW + 1]
        checks: dict[str, str] = {}
        if claim.get("date"):
            checks["date"] = _check_date(str(claim["date"]), window, source.sentences[i], source)
        if claim.get("enrollment"):
            checks["enrollment"] = _check_enrollment(int(claim["enrollment"]), window)
        if claim.get("phase"):
            checks["phase"] = _check_phase(str(claim["phase"]), window)
        if claim.get("outcome"):
            checks["outcome"] = _check_outcome(str(claim["outcome"]), window)
        if claim.get("type") == "withdrawal":
            found = any(patterns.WITHDRAWAL.search(s.view) for s in window)
            checks["withdrawal"] = "found" if found else "missing"
        per_window.append((i, checks))
    checks = {}
    for attribute in per_window[0][1]:
        states = {c[attribute] for _, c in per_window}
        checks[attribute] = next(
            state for state in ("found", "conflict", "missing") if state in states
        )
    telling = [i for i, c in per_window if any(v == "found" for v in c.values())]
    telling = (
        telling or [i for i, c in per_window if any(v == "conflict" for v in c.values())] or hits
    )
    evidence = tuple(
        Evidence(
            source.sentences[i].start,
            source.sentences[i].end,
            source.text[source.sentences[i].start : source.sentences[i].end],
        )
        for i in telling[:3]
    )
    missing = sorted(k for k, v in checks.items() if v == "missing")
    conflicts = sorted(k for k, v in checks.items() if v == "conflict")
    if not checks or all(v == "found" for v in checks.values()):
        stated = ", ".join(sorted(checks)) or "the therapy"
        return Verdict(SUPPORTED, f"the source states {stated}", evidence, checks)
    if conflicts and not any(v == "found" for k, v in checks.items() if k in conflicts):
        return Verdict(
            CONTRADICTED, f"the source gives another {', '.join(conflicts)}", evidence, checks
        )
    return Verdict(
        PARTIAL,
        f"the source names the therapy but not its {', '.join(missing + conflicts)}",
        evidence,
        checks,
    )


def best_verdict(verdicts: list[Verdict]) -> Verdict:
    """The best of a claim's verdicts over the sources it cites."""
    return min(verdicts, key=lambda v: VERDICT_ORDER.index(v.verdict))
