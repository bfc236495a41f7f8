"""Stage 6, the claim records: quote span, type, status and a stable id per claim."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from .. import patterns
from ..normalize import join_lines
from .attributes import find_enrollment, parse_count
from .binding import clause_at, clauses_of
from .cues import search
from .model import QUOTE_MAX, Attribute, Claim, Draft, SentenceInput


def build_claims(
    name: str, text: str, draft: Draft, item: SentenceInput, url_of: dict[int, str]
) -> list[Claim]:
    attrs = draft.attributes
    view = item.view
    dates = [a for a in attrs if a.kind == "date"]
    phases = list(dict.fromkeys(a.value for a in attrs if a.kind == "phase"))
    phase = phases[0] if phases else None
    enrollment = next((a.value for a in attrs if a.kind == "enrollment"), None)
    # "a Phase 1 (N=47) and a Phase 1b (N=29) study": each phase's trial has its own size.
    own_size = phase_sizes(view.folded, attrs) if len(phases) > 1 else {}
    if own_size:
        enrollment = own_size.get(phase)
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
    withdrawn = any(a.kind == "withdrawal" for a in attrs)
    claim_type, type_rule = type_of(clause_text, outcome, phase, enrollment, design, withdrawn)
    if claim_type in ("other", "trial_design"):
        # The event verb may stand outside the quoted clauses: "NurOwn…布局:2025年4月,…提交了申请".
        sentence_type, rule = type_of(view.folded, outcome, phase, enrollment, design, withdrawn)
        if sentence_type not in ("other", "trial_design", "trial_result"):
            claim_type, type_rule = sentence_type, f"{rule}, in the sentence"
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
                provenance=_provenance(draft, date, type_rule, status),
            )
        )
    # "早前的第三期研究未能达到主要终点，公司计划再开展一项约200人的第3b期研究": two trials.
    for extra in phases[1:]:
        first = claims[0]
        digest = hashlib.sha256(f"{first.claim_id}\0phase\0{extra}".encode()).hexdigest()[:16]
        provenance = tuple(
            (f, "a second phase of the sentence" if f == "phase" else rule)
            for f, rule in first.provenance
            if f != "date"
        )
        claims.append(
            replace(
                first,
                date=None,
                date_text=None,
                phase=extra,
                enrollment=own_size.get(extra) if own_size else first.enrollment,
                claim_id=digest,
                provenance=provenance,
            )
        )
    return claims


def phase_sizes(view: str, attrs: list[Attribute]) -> dict[str, int]:
    """The participant count stated right after each phase ("Phase 1 (N=47)"), else in each
    phase's own clause ("1期试验有12名患者参与，2期研究有14名患者参与"), by phase."""
    sizes: dict[str, int] = {}
    phases = [a for a in attrs if a.kind == "phase"]
    clauses = [clause_at(view, a.start) for a in phases]
    for a, clause in zip(phases, clauses, strict=True):
        m = patterns.PHASE_COUNT.match(view, a.end)
        n = parse_count(m.group("n")) if m else None
        if not n and clauses.count(clause) == 1:
            count = find_enrollment(view[slice(*clause)])
            n = count.value if count else None
        if n:
            sizes.setdefault(a.value, n)
    return sizes


def _provenance(
    draft: Draft, date: Attribute | None, type_rule: str, status: str
) -> tuple[tuple[str, str], ...]:
    """Which rule gave each field of a claim."""

    def first(kind: str) -> Attribute | None:
        return next((a for a in draft.attributes if a.kind == kind), None)

    out = [("therapy", draft.how)]
    for field, attribute in (
        ("date", date),
        ("phase", first("phase")),
        ("enrollment", first("enrollment")),
        ("outcome", first("outcome")),
        ("design", first("design")),
    ):
        if attribute is not None:
            out.append((field, attribute.rule))
    out.append(("type", type_rule))
    out.append(("status", "PLANNED words in the quote" if status == "planned" else "no plan words"))
    out.extend((f"ref {n}", draft.ref_rules.get(n, "")) for n in sorted(draft.refs))
    return tuple(out)


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
    return type_of(text, outcome, phase, enrollment, design, withdrawn)[0]


# Claim types by the words of their clauses, most specific first: (type, pattern name).
TYPE_WORDS = (
    ("trial_start", "TRIAL_APPROVAL"),
    ("approval", "APPROVAL"),
    ("launch", "LAUNCH"),
    ("dosing", "DOSING"),
)


def type_of(text: str, outcome, phase, enrollment, design, withdrawn: bool) -> tuple[str, str]:
    """The claim type and the rule that gave it."""
    if withdrawn:
        return "withdrawal", "WITHDRAWAL words"
    if search(patterns.SUBMISSION, text) and not outcome:
        return "submission", "SUBMISSION words"
    if search(patterns.TRIAL_LAUNCHED, text):
        return "trial_start", "TRIAL_LAUNCHED words"
    for claim_type, name in TYPE_WORDS:
        if search(getattr(patterns, name), text):
            return claim_type, f"{name} words"
    if outcome:
        return "trial_result", "an outcome"
    if search(patterns.TRIAL_START, text):
        return "trial_start", "TRIAL_START words"
    if phase or enrollment or design:
        return "trial_design", "a phase, size or design and no event word"
    return "other", "no event word"
