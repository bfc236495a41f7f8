"""Stage 2, attributes: event dates, phases, participant counts, design, outcome, withdrawal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .. import patterns
from ..dates import DateMention, clause_span, cn_number, en_number
from .binding import clause_at
from .cues import finditer, has_cue, search
from .model import Attribute


def normalize_phase(text: str) -> str | None:
    """'I/IIa' → '1/2a', 'IIIb' → '3b', '3 期' → '3', 'Phase III' → '3'."""
    text = text.strip().lower().replace(" ", "")
    text = re.sub(r"^phase|(?<=/)phase", "", text)
    parts = re.split(r"[/~～–—·・-]|to", text)
    out = []
    for part in parts:
        m = re.fullmatch(r"(iv|i{1,3}|[1-4]|[ⅰⅱⅲⅳⅠⅡⅢⅣ]|[一二三四]|one|two|three|four)([ab]?)", part)
        if not m:
            return None
        number = patterns.ROMAN.get(m.group(1)) or int(m.group(1))
        out.append(f"{number}{m.group(2)}")
    return "/".join(out) if out else None


def stated_count(m: re.Match) -> int | None:
    """A count pattern's number, with the arms added after it ("n = 3 + 3" is 6)."""
    n = parse_count(m.group("n"))
    if n and m.groupdict().get("more"):
        n += sum(int(x) for x in re.findall(r"\d+", m.group("more")))
    return n


def parse_count(text: str) -> int | None:
    """'1 000' → 1000, '1,000' → 1000, '一' → 1, '两' → 2, '一百二十' → 120, 'twenty-five' → 25."""
    digits = re.sub(r"[ ,]", "", text)
    if digits.isdigit():
        return int(digits)
    if text[:1].isascii() and text[:1].isalpha():
        return en_number(text)
    return cn_number(text)


def find_attributes(view: str, dates: list[DateMention]) -> list[Attribute]:
    """Claim attributes of one folded sentence view (masked where nothing should match)."""
    attributes: list[Attribute] = []
    if dates and patterns.THE_PAGE_ITSELF.match(view):
        # "This article summarises trials completed between …": the page's scope, not the
        # dates it tells of its drug ("This review focuses on X, which the FDA approved in 2017")
        dates = [
            d
            for d in dates
            if not patterns.SCOPE_DATE_BEFORE.search(view, max(0, d.start - 40), d.start)
        ]
    history = patterns.PUBLICATION_HISTORY.search(view) if dates else None
    if history:
        dates = [d for d in dates if d.end <= history.start()]  # a paper's own history
    # A date counts when something happened then: an event word, or a result reported.
    missed = [(m.start(), m.end()) for m in finditer(patterns.OUTCOME_MISSED, view)]
    met = [
        m
        for m in finditer(patterns.OUTCOME_MET, view)
        if m.group()[0] not in "pe" or not hoped_for(view, m)
    ]
    field = patterns.TRIAL_FIELD.match(view)
    has_event = bool(dates) and (
        bool(missed or met)
        # "First Posted : October 8, 2020", "Start date: 2025-09-15": a field of the trial
        or field is not None
        or search(patterns.EVENT, view) is not None
        # "additional analyses are expected later in 2025": results to come, dated
        or patterns.TRIAL_RESULTS_EXPECTED.search(view) is not None
        # "Recruitment open date: 13 February 2023": a study page's dated field of its trial
        or patterns.TRIAL_DATE_FIELD.search(view) is not None
        # "Between Feb 27, 2020, and July 24, 2023, 554 people were randomly assigned": the
        # trial's period.
        or (_a_period(view, dates) and patterns.TRIAL_ACTIVITY.search(view) is not None)
    )
    relative = [d for d in dates if d.relative]
    if any(view[d.start] in "(（" for d in relative):
        dates = [d for d in dates if not _a_speakers_day(view, d, dates)]
    if any(d.rule.startswith("RECENT_DAY") for d in relative) and not _news_of_a_therapy(view):
        # "日前，记者在医院见到了正在注射X的患者": a visit, not the drug's news.
        dates = [d for d in dates if not d.rule.startswith("RECENT_DAY")]
    for d in dates:
        # An unresolvable date ("明年" with no publication date, "2025年13月") is kept as written.
        trial_year = patterns.TRIAL_YEAR_BEFORE.search(view, max(0, d.start - 8), d.start)
        if (has_event or trial_year) and is_event_date(view, d):
            attributes.append(Attribute("date", d.start, d.end, d.iso, rule=d.rule))
    attributes = _refined_months_dropped(view, attributes)
    phases = find_phases(view)
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
    if field:
        key = field.group("key")
        attributes.append(Attribute("field", *field.span("key"), key, rule="TRIAL_FIELD"))
    attributes.extend(per_arm_sizes(view))
    first_of: dict[str, re.Match] = {}
    for m in finditer(patterns.DESIGN_TERM, view):
        first_of.setdefault(m.lastgroup, m)
    for name, group in patterns.DESIGN_GROUPS.items():  # in the terms' order
        if group in first_of:
            m = first_of[group]
            attributes.append(Attribute("design", m.start(), m.end(), name, rule="DESIGN_TERM"))
    for m in patterns.DURATION.finditer(view) if patterns.DIGIT.search(view) else ():
        unit = "weeks" if m.group("unit").startswith(("周", "week")) else "months"
        duration = f"{int(m.group('n'))} {unit}"
        attributes.append(Attribute("design", m.start(), m.end(), duration, rule="DURATION"))
    for start, end in missed:
        value = _outcome("missed", view, start, end)
        attributes.append(Attribute("outcome", start, end, value, rule="OUTCOME_MISSED"))
    for m in met:
        # "未在所有患者中达到主要终点" holds "达到主要终点": the negation wins.
        if not any(s < m.end() and m.start() < e for s, e in missed):
            if _a_mechanism(view, m.start()):
                continue
            if patterns.OUTCOME_ASKED.search(view, max(0, m.start() - ASKED_REACH), m.start()):
                continue  # "to determine whether X would slow …", "研究X是否能延缓": a question
            if patterns.negated(view, m.start()):
                # "did not significantly slow progression", "未能显著改善": a success denied
                value = _outcome("missed", view, m.start(), m.end())
                attributes.append(
                    Attribute("outcome", m.start(), m.end(), value, rule="OUTCOME_MET negated")
                )
                continue
            value = _outcome("met", view, m.start(), m.end())
            attributes.append(Attribute("outcome", m.start(), m.end(), value, rule="OUTCOME_MET"))
    if not missed and not met:
        model = next(iter(finditer(patterns.PRECLINICAL_MODEL, view)), None)
        effect = patterns.PRECLINICAL_EFFECT.search(view) if model else None
        if effect:
            attributes.append(
                Attribute("outcome", *effect.span(), "met", rule="PRECLINICAL_MODEL and an effect")
            )
        elif "95" in view or " ci" in view or "confidence" in view:
            attributes.extend(effect_estimates(view))
    for m in finditer(patterns.WITHDRAWAL, view):
        if patterns.PEOPLE_BEFORE.search(view, max(0, m.start() - 40), m.start()):
            continue  # "9 patients with ALS withdrew from the trial": they left, not the drug
        attributes.append(Attribute("withdrawal", m.start(), m.end(), True, rule="WITHDRAWAL"))
    if (
        not any(a.kind == "date" for a in attributes)
        and ("approv" in view or "批" in view or "核准" in view)
        and (approved := patterns.APPROVED_EVENT.search(view))
        and not patterns.PLANNED.search(view)
        and not patterns.APPROVAL_DOUBTED.search(view)
    ):
        # "has been approved by the Therapeutic Goods Administration": an approval, undated
        attributes.append(Attribute("approved", *approved.span(), True, rule="APPROVED_EVENT"))
    return attributes


_STAGES_OF_ONE = re.compile(r"(?<![第\d])[两二三四2-4]\s*个阶段|分为[^，,。；;]{0,6}阶段|两阶段")


def find_phases(view: str) -> list[Attribute]:
    """Every stated phase, in text order ("3b期", "第三期…试验", "phase 2/3"); a registry's two
    phases side by side ("Phase 2 Phase 3") are its one combined phase, 2/3."""
    found = _stated_phases(view)
    merged: list[Attribute] = []
    for a in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and str(last.value).isdigit()
            and str(a.value) == str(int(str(last.value)) + 1)
            and not view[last.end : a.start].strip()
            and view[last.end : a.start] != ""
        ):
            merged[-1] = replace(last, end=a.end, value=f"{last.value}/{a.value}")
            continue
        merged.append(a)
    return merged


# "生物标志物研究第三阶段", "该试验的第二阶段": a stage of the study just named.
_STAGE_OF_THE_STUDY_BEFORE = re.compile(r"(?:研究|试验|项目|计划)的?\s*$")


def _stated_phases(view: str) -> list[Attribute]:
    return sorted(
        (
            Attribute("phase", m.start(), m.end(), phase, rule=rule)
            for rule in (
                "CN_PHASE",
                "CN_ORDINAL_PHASE",
                "JA_PHASE",
                "JA_KANA_PHASE",
                "KO_PHASE",
                "EN_PHASE",
                "EN_GLUED_PHASE",
                "EN_STAGE_PHASE",
            )
            for m in finditer(getattr(patterns, rule), view)
            if (phase := normalize_phase(m.group("phase")))
            and not patterns.HYPOTHETICAL_PHASE_BEFORE.search(
                view, max(0, m.start() - 40), m.start()
            )
            and not (m.group().endswith("阶段") and _a_stage(view, m.start(), phase))
        ),
        key=lambda a: a.start,
    )


def _a_stage(view: str, at: int, phase: str) -> bool:
    """Whether "第N阶段" at ``at`` is a stage of one study, not a trial's phase: the parts of
    one study ("分为两个阶段：第一阶段研究…"), a stage of the study named right before it
    ("生物标志物研究第三阶段试验"), or an earlier stage beside a later phase the sentence writes
    as phases are written ("在2a期研究中…第一阶段研究中所确定的"; not "II期试验完成后…启动第三
    阶段研究", the next phase)."""
    if _STAGES_OF_ONE.search(view) or _STAGE_OF_THE_STUDY_BEFORE.search(view, max(0, at - 4), at):
        return True
    last = max(map(int, phase_stages(phase)))
    return any(
        (written := normalize_phase(m.group("phase")))
        and max(map(int, phase_stages(written))) > last
        for m in patterns.CN_PHASE.finditer(view)
    )


def phase_stages(phase: str) -> set[str]:
    """The stages a normalised phase spans, its sub-phase letters aside: "1/2a" → {"1", "2"}."""
    return set(re.sub(r"[ab]", "", phase).split("/"))


# A clause that is a date and nothing else: "去年12月，", "In December 2023,".
_BARE_DATE_CLAUSE = re.compile(
    r"[\s,，、]*(?:in|on|by|at|since|from|during|于|在)?[\s,，、]*"
    r"(?:(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:spring|summer|fall|autumn|winter)(?:\s+of)?)?[\s,，、]*"
)


# "醫師昨(10)日說明", "衛福部今(18)日表示": the day someone spoke.
_SPOKE_AFTER = re.compile(
    r"\s*(?:表示|说明|說明|指出|强调|強調|举办|舉辦|举行|舉行|受访|受訪|透露|提到)"
)


def _news_of_a_therapy(view: str) -> bool:
    """An approval, launch, filing, trial start or first dose, withdrawal or announcement."""
    return any(
        p.search(view)
        for p in (
            patterns.APPROVAL,
            patterns.LAUNCH,
            patterns.SUBMISSION,
            patterns.TRIAL_APPROVAL,
            patterns.TRIAL_START,
            patterns.WITHDRAWAL,
            patterns.DOSING,
            patterns.ANNOUNCED,
        )
    )


def _a_speakers_day(view: str, date: DateMention, dates: Sequence[DateMention]) -> bool:
    """A Taiwan news day ("今(18)日") that dates who spoke, or a sentence that dates its event
    otherwise ("今(18)日表示，托夫生已於2023年4月獲准")."""
    if view[date.start : date.start + 1] not in "(（" or not date.rule.startswith("CN_BARE_DAY"):
        return False
    return bool(_SPOKE_AFTER.match(view, date.end)) or any(
        other is not date and other.iso for other in dates
    )


def hoped_for(view: str, m: re.Match) -> bool:
    """ "positive results" expected, hoped for, failed to come, or conceded before a failure."""
    if not patterns.POSITIVE_RESULTS.fullmatch(m.group()):
        return False
    clause_start, _ = clause_span(view, m.start())
    return bool(patterns.POSITIVE_HEDGED_BEFORE.search(view, clause_start, m.start()))


def is_event_date(view: str, date: DateMention) -> bool:
    """Not an "as of" date, a publication line, a patent term, a guidance document's year or the
    year of a sales figure."""
    before = view[max(0, date.start - 80) : date.start]
    if patterns.NON_EVENT_DATE_BEFORE.search(before) or patterns.NON_EVENT_DATE_AFTER.match(
        view, date.end
    ):
        return False
    if patterns.PATIENT_HISTORY.search(view) and _a_persons_history(view, date):
        return False
    if patterns.MEDIA_REPORT_AFTER.match(view, date.end) and patterns.MEDIA_BEFORE.search(before):
        return False  # "美媒去年11月报道": the day a paper reported the plan, not the plan's
    patent = ("patent" in view or "专利" in view) and patterns.PATENT.search(view)
    if not patent and not patterns.MONEY_CLAUSE.search(view):
        return True
    if patterns.EVENT_NOUN_AFTER.match(view, date.end):
        # "revenue was zero following the 2024 discontinuation of X": the date of an event named
        # right after it, whatever the clause says of money
        return True
    start, end = clause_at(view, date.start)
    if patterns.MONEY_CLAUSE.search(view, start, end) or (
        patent and patterns.PATENT.search(view, start, end)
    ):
        return False
    clause = view[start:end]
    if patterns.MONEY_AMOUNT.search(clause) and not (
        patterns.EVENT.search(clause)
        or patterns.OUTCOME_MET.search(clause)
        or patterns.OUTCOME_MISSED.search(clause)
    ):
        return False
    # "去年12月，X宣布获得7500万美元融资", "In summer 2014, … its US patent application": a date
    # standing alone dates the clause after it.
    alone = _BARE_DATE_CLAUSE.fullmatch(view[start : date.start] + " " + view[date.end : end])
    if not alone:
        return True
    after = view[end : clause_at(view, end + 1)[1]]
    return not (patterns.FUNDING.search(after) or (patent and patterns.PATENT.search(after)))


# How near a person's history words stand to the date they date.
HISTORY_REACH = 20


def _a_persons_history(view: str, date: DateMention) -> bool:
    """A date right beside a person's diagnosis or injury, in its clause, with no event of a
    therapy between them: "他在2016年因游泳意外导致瘫痪", "was diagnosed with ALS in 2019"."""
    start, end = clause_at(view, date.start)
    for m in patterns.PATIENT_HISTORY.finditer(view, start, end):
        if m.start() >= date.end:
            between, near = view[date.end : m.start()], m.start() - date.end <= HISTORY_REACH
        else:
            between, near = view[m.end() : date.start], date.start - m.end() <= HISTORY_REACH
        if near and search(patterns.EVENT, between) is None:
            return True
    return False


def _a_mechanism(view: str, at: int) -> bool:
    """The effect at ``at`` is how the drug works ("可通过…的作用机制延缓发病"), in a sentence about
    no trial or study."""
    head = view[max(0, at - 40) : at]
    if not patterns.MECHANISM_BEFORE.search(head):
        return False
    # (the patients the effect names aside: "延缓ALS患者发病周期" is no study of them; "延缓了II
    # 期试验中ALS患者…" is)
    effect = _CLAUSE.match(view, at)
    told = _PATIENTS.sub(" ", view[at : effect.end()])
    return not patterns.TRIAL_MATTER.search(view[:at] + " " + told + " " + view[effect.end() :])


def effect_estimates(view: str) -> list[Attribute]:
    """An effect and its confidence interval, a result however its words are: "(HR 0.91, 95% CI
    0.70 to 1.18)" holds no effect (0 for a difference, 1 for a ratio): missed; "Jiweiling
    injection (MD, 2.84; 95% CI, 1.21 to 4.46)" leaves it out: met, unless the sentence speaks
    of harm or of a baseline ("increased the risk of death (HR 1.52 …)", "Rash was more common
    (RR 2.4 …)"), where the interval says nothing of benefit."""
    found = []
    for m in patterns.EFFECT_ESTIMATE.finditer(view):
        low, high = (float(m.group(g).replace("−", "-")) for g in ("low", "high"))
        null = 0.0 if m.group("measure") in ("md", "smd", "wmd", "mean difference") else 1.0
        if low <= null <= high:
            value = "missed"
        elif patterns.HARM_OR_BASELINE.search(view):
            continue
        else:
            value = "met"
        found.append(Attribute("outcome", m.start(), m.end(), value, rule="EFFECT_ESTIMATE"))
    return found


_CLAUSE = re.compile(r"[^，,。；;]*")
_PATIENTS = re.compile(r"患者|病人|病友")


def _outcome(polarity: str, view: str, start: int, end: int) -> str:
    """'met' or 'missed', with '_primary' when the words are about the primary endpoint."""
    before = re.split(r"[,;。]", view[max(0, start - 12) : start])[-1]
    after = re.split(r"[,;。.]", view[end : end + 30])[0]
    near = before + view[start:end] + after
    return f"{polarity}_primary" if patterns.PRIMARY_ENDPOINT.search(near) else polarity


def _group_sizes(groups: str) -> int | None:
    """A size field's groups summed, or its total where it gives one ("…;Total:120"); none when
    a value is no group's ("Follow-up (weeks): 24")."""
    pairs = patterns.GROUP_SIZE.findall(groups)
    total = [int(n) for label, n in pairs if patterns.TOTAL_LABEL.search(label)]
    if total:
        return total[0]
    if not all(patterns.GROUP_LABEL.search(label) for label, _ in pairs):
        return None
    return sum(int(n) for _, n in pairs)


def _verb_past_the_description(view: str, m: re.Match) -> bool:
    """A count of people described by a "with" phrase whose own verb is an enrollment's (not
    "were included in the primary analysis", "were assigned to a separate exploratory cohort")."""
    described = _DESCRIBED_BY_WITH.match(view, m.end())
    return described is not None and _ENROLLED_VERB.match(view, described.end()) is not None


def per_arm_sizes(view: str) -> list[Attribute]:
    """A per-arm size ("每组约200名患者") is a design fact: the trial's total is not stated."""
    found = []
    for m in finditer(patterns.CN_COUNT, view) if "组" in view else ():
        if patterns.PER_ARM.search(view, max(0, m.start() - 12), m.start()):
            n = parse_count(m.group("n"))
            if n:
                found.append(
                    Attribute("design", m.start(), m.end(), f"{n} per arm", rule="PER_ARM")
                )
    return found


# Words whose number is no count of people: "phase 3", "week 12", "part 2".
NOT_A_COUNT_BEFORE = re.compile(r"\b(phase|stage|part|week|day|month|cohort|visit|grade)\s*$")

_ENGLISH_COUNT_RULES = {
    patterns.FIELD_COUNT: "FIELD_COUNT (a registry field)",
    patterns.FIELD_ROW_COUNT: "FIELD_ROW_COUNT (a registry record's row)",
    patterns.FIELD_SIZE_COUNT: "FIELD_SIZE_COUNT (a registry or review field)",
    patterns.EN_COUNT: "EN_COUNT with an enrollment cue",
    patterns.EN_N_EQUALS: "EN_N_EQUALS",
    patterns.EN_OF_WHOM_ENROLLED: "EN_OF_WHOM_ENROLLED",
    patterns.EN_COUNT_ADJECTIVE: "EN_COUNT_ADJECTIVE",
    patterns.EN_ELLIPTICAL_COUNT: "EN_ELLIPTICAL_COUNT",
    patterns.EN_PHASE_SIZE: "EN_PHASE_SIZE (a phase's size told with a copula)",
}


# Those recruited or screened before "of whom N were randomly assigned" were not all assigned.
_RECRUITED_BEFORE = re.compile(
    r"\b(?:recruited|screened|assessed(?: for eligibility)?|consented|approached)\b[^.;]{0,50}"
    r"\bof (?:whom|them) $"
)
# ... to both arms, not one: "to receive placebo (n=151) or X (n=152)", "(1:1) to X or placebo".
_ASSIGNED_TO_THE_ARMS = re.compile(
    r"[^.;]{0,80}?\b(?:or|and|versus|vs\.?)\b[^.;]{0,30}?placebo|[^.;]{0,40}?placebo\b[^.;]{0,40}?\bor\b"
)
# How far before a success its question or hypothesis may stand ("hypothesis: X, an autophagy
# enhancer, has synergic effect with Y in ALS patients to slowing …").
ASKED_REACH = 160
_YEAR_BEFORE_A_COUNT = re.compile(r"\b(?:in|since|by|from|during|until|of)\s+$")
_AMONG_THE = re.compile(r"\bamong (?:the|these|those)\s+$")
# "366 patients with definite or probable ALS and a vital capacity ≥ 70% were randomly assigned":
# the people described after their count, then the count's own verb, in the same sentence part.
_ENROLLED_VERB = re.compile(
    r"(?:randomly\s+assigned|randomi[sz]ed|enrolled|recruited)\b"
    r"(?![^.;]{0,40}\b(?:cohort|analys[ie]s|subgroup|substudy|sub-study)\b)"
)
_DESCRIBED_BY_WITH = re.compile(r"\s+with\b[^.;:]{0,160}?\b(?:were|had been|will be)\s+")
# A parenthesised aside, one level of parentheses inside it.
_ASIDE = re.compile(r"\s*[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）]")


def is_period(view: str, dates: Sequence[DateMention | Attribute]) -> bool:
    """Two dates bounding one period: "between Feb 27, 2020, and July 24, 2023", "2020年2月至2023年7月"."""
    if len(dates) != 2:
        return False
    first, last = sorted(dates, key=lambda d: d.start)
    # "from January 16, 2020 (baseline visit, first-patient first-visit (FPFV)) through …": an
    # aside after the first date does not part the two.
    join = patterns.PERIOD_JOIN.match(_ASIDE.sub("", view[first.end : last.start]))
    if join is None:
        return False
    opened = patterns.PERIOD_OPEN.search(view[max(0, first.start - 12) : first.start])
    return join.group("and") is None or opened is not None


def _a_period(view: str, dates: Sequence[DateMention]) -> bool:
    """Two dates bounding one period, with a date in an aside after them left out: "from July
    2020 to March 2022 (final follow-up, March 17, 2022)"."""
    if is_period(view, dates):
        return True
    bare = [d for d in dates if view.rfind("(", 0, d.start) <= view.rfind(")", 0, d.start)]
    return len(bare) < len(dates) and is_period(view, bare)


# "有95名参加了开放标签扩展研究": a count of those who took part, the verb right after it.
# (Korean tells it after the count: "환자 60명을 대상으로", "60명의 루게릭병 환자를 대상으로")
_TOOK_PART_AFTER = re.compile(
    r"\s*(?:参加|参与|加入|入组)|\s*(?:을|를|의\s*(?:[가-힣]+\s+){0,2}?환자(?:들)?를)\s*대상으로"
)
# ... and "환자 250명이 참여": patients named right before the count (not "연구진 5명이 참여")
_KO_TOOK_PART_AFTER = re.compile(r"\s*(?:이|가|을|를)\s*(?:참여|등록|모집)")
_KO_PATIENTS_BEFORE = re.compile(r"(?:환자|환우|참가자|피험자|대상자)(?:\s*총)?\s*$")
_COHORT_WORD = re.compile(r"(?:cohorts|groups|arms|panels)\s+of\b|个(?:剂量)?(?:队列|组)")


def _groups_of_a_size(view: str) -> Attribute | None:
    """ "Four cohorts of eight patients", "4个剂量组，每组8例": the groups' product, a floor of the
    trial's size (a larger total stated beside it is the trial's)."""
    if " of" not in view and not ("个" in view and ("组" in view or "队列" in view)):
        return None  # most sentences: looked at without a pattern
    cohorts = patterns.COHORTS_OF.search(view) if _COHORT_WORD.search(view) else None
    if cohorts is None:
        return None
    k = parse_count(cohorts.group("k") or cohorts.group("k_cn"))
    n = parse_count(cohorts.group("n") or cohorts.group("n_cn"))
    if not (k and n):
        return None
    rule = "groups of a size, multiplied"
    return Attribute("enrollment", cohorts.start(), cohorts.end(), k * n, rule=rule)


# "none of the four participants", "all three patients": a few named as the whole set.
_THE_FEW_BEFORE = re.compile(r"\b(?:the|all|these|those)\s+$")
_THE_FEW_AFTER = re.compile(
    r"\s*(?:participants|patients|subjects|people)\b"
    # not a few singled out: "all three patients in the 100 mg cohort", "the four who discontinued"
    r"(?!\s+(?:in|who|that|which|with|from|receiving|treated|given)\b)"
)


# A count of procedures, each one patient's: "13例脑机人体植入手术", "5例干细胞移植".
# Those a device was implanted in, in the count's clause: "12名患者成功植入脑机接口晶片",
# "12人植入Neuralink脑部晶片", "12名志愿患者完成脑部晶片植入".
# (people, not cases: "2例与植入相关的不良事件", "4例植入部位感染" count events)
# (not those who implant: "由5名神经介入医生共同完成植入")
_IMPLANTED_AFTER = re.compile(
    r"(?![^，,。；;]{0,16}?(?:医生|医师|专家|团队|护士|工程师|研究人员|外科))"
    r"[^，,。；;与]{0,16}?(?:植入|移植)(?!部位|相关|处|点)"
)
_A_KIND_OF_PATIENTS = re.compile(r"的|死亡|不良|突变|携带|出现|发生|其中|脱落|失访|退出|完成")
_PROCEDURE_AFTER = re.compile(
    r"\s*[^，,。；;与]{0,10}?(?:(?:植入|移植)(?:手术|术)|移植(?=\s*(?:[，,。；;]|$)))"
)


def _the_total_stated(strong: list[Attribute], arms: re.Match) -> bool:
    """A count outside the two arms, at least their sum ("120 patients … 80 to X and 40 to
    placebo"), is the trial's total already."""
    total = sum(parse_count(n) or 0 for n in two_arm_counts(arms))
    return any(
        (a.end <= arms.start() or a.start >= arms.end()) and a.value >= total for a in strong
    )


# How far after a month its day may stand, in an aside, to be the same date told finer.
REFINED_REACH = 80


def _refined_months_dropped(view: str, dates: list[Attribute]) -> list[Attribute]:
    """ "to March 2022 (final follow-up, March 17, 2022)": the month told again to the day in
    the aside right after it is one date, the day's."""
    return [
        a
        for a in dates
        if not (
            a.value
            and len(str(a.value)) == 7
            and any(
                b.value
                and len(str(b.value)) == 10
                and str(b.value).startswith(str(a.value))
                and 0 <= b.start - a.end <= REFINED_REACH
                and "(" in view[a.end : b.start]
                and patterns.SAME_END_ASIDE.search(view[a.end : b.start]) is not None
                for b in dates
            )
        )
    ]


def two_arms(view: str) -> re.Match | None:
    """A drug's arm and a placebo's, each counted: "100 were randomised to X and 50 to placebo",
    "8 patients received X and 4 received placebo" (their sum is the trial's size)."""
    if "placebo" not in view:
        return None
    two = (
        patterns.EN_TWO_ARMS.search(view)
        if "assigned" in view or "allocated" in view or "randomi" in view
        else None
    )
    if two and not two.group("verb") and not _BETWEEN_BEFORE.search(view, 0, two.start()):
        two = None  # "occurred in 12 patients randomized to X and 4 assigned to placebo": a part
    if two is None:
        two = patterns.EN_ARMS_RECEIVED.search(view)
    if two and patterns.ARMS_OF_A_PART.search(view, 0, two.start()):
        return None  # "In the per-protocol analysis, 200 were randomized to X and 100 to placebo"
    return two


# The groups a trial compares, counted: "a difference … between 29 patients assigned to X and …",
# "compared 41 patients randomly assigned to X … and 20 patients assigned to placebo".
_BETWEEN_BEFORE = re.compile(r"\b(?:between|compared|comparing)\s+$")


def two_arm_counts(arms: re.Match) -> tuple[str, str]:
    """The two arms' counts as written, from whichever form of the arms matched."""
    groups = arms.groupdict()
    return (
        groups.get("a") or groups.get("a2") or groups.get("a3") or "",
        groups.get("b") or groups.get("b2") or groups.get("b3") or "",
    )


def _pooled_by_a_review(view: str, at: int) -> bool:
    """The count's clause speaks of a review ("1601 ALS patients were included in this review",
    "这项荟萃分析共纳入1500名患者"); another clause of the sentence may report a trial."""
    return bool(patterns.REVIEW_POOL.search(view, *clause_at(view, at)))


def _the_few(view: str, m: re.Match) -> bool:
    """A few named as the whole set ("all three patients"), or as who took part at the head of
    a methods sentence ("Two participants with ALS underwent implant in a … study")."""
    if _THE_FEW_BEFORE.search(view, max(0, m.start() - 8), m.start()) and _THE_FEW_AFTER.match(
        view, m.end("n")
    ):
        return True
    head = patterns.COUNTED_UNNAMED.match(view)
    return (
        head is not None
        and m.start() < head.end()
        and view[: m.start()].count(" ") <= 2
        and patterns.TRIAL_WORD.search(view) is not None
    )


# A count of pairs of people ("15 matched pairs of patients").
_PAIRS_OF = re.compile(r"\bpairs\s+of\b")
# Words of a study, without which a clinic's outpatients are its caseload.
_A_STUDY = re.compile(r"\b(?:trials?|study|studies|randomi[sz]\w*|enrol\w*|placebo)\b")


# What a count with 个 ("106个患者") needs before it to count a study's participants.
_COVERS = re.compile(rf"{patterns.ENROLLMENT_CUE.pattern}|涵盖|包括|包含")


def find_enrollment(view: str) -> Attribute | None:
    """The number of participants: a count with an enrollment cue, else arms summed, else a plain count."""
    if (told := patterns.FIELD_GROUP_SIZES.match(view)) is not None and (
        size := _group_sizes(told.group("groups"))
    ):
        # "Target sample size: Treatment group:147;Control group:147;": the groups summed
        return Attribute("enrollment", *told.span("groups"), size, rule="FIELD_GROUP_SIZES")
    review = has_cue(patterns.REVIEW_POOL, view)
    groups = _groups_of_a_size(view)
    strong, weak, arms, allocated = [], [], [], []
    epidemiology: bool | None = None  # looked for at the first count that needs it
    for m in finditer(patterns.CN_COUNT, view):
        n = parse_count(m.group("n"))
        if n is None or n == 0:
            continue
        after = view[m.end() : m.end() + 30]
        before = view[max(0, m.start() - 12) : m.start()]
        if n == 1 and before.endswith(("另", "其中")):
            continue  # "另一名受试者", "其中一名": one more, or one of them, no count
        if patterns.COUNT_OUTCOME.match(after):
            continue
        if patterns.PART_COUNT_BEFORE.search(before) or patterns.RATIO_BEFORE.search(before):
            continue  # "另外122名参与者": a part besides the trial's own; "每6名": a ratio's
        if review and _pooled_by_a_review(view, m.start()):
            continue  # "这项荟萃分析共纳入1500名患者": a review's pooled patients, no trial's
        if patterns.SCREENED_BEFORE.search(before) or after.startswith(("接受筛选", "经筛选")):
            continue  # "共筛选了300名患者": those screened, not those enrolled
        if patterns.PRACTICE_COUNT_BEFORE.search(before):
            continue  # "已治疗超过500例患者": a clinic's patients so far, no trial's
        if ("方案" in after or "共享" in after) and patterns.OTHER_REGIMENS_AFTER.match(after):
            continue  # "123名…其他方案安慰剂参与者": a platform's other regimens, pooled
        if patterns.ALLOCATED_AFTER.match(after):
            rule = "CN_COUNT of one arm, by what it received"
            allocated.append(Attribute("enrollment", m.start(), m.end(), n, rule=rule))
        # "人" counts participants only when it closes a number phrase ("约200人的", a table cell)
        # or follows an enrollment word.
        closes_phrase = (
            re.match(r"\s*(的|参与|参加|入组|植入|[|)）]|$)", after) or "患者" in after[:12]
        )
        if (
            m.group("unit") == "人"
            and not closes_phrase
            and not patterns.ENROLLMENT_CUE.search(before)
        ):
            continue
        attribute = Attribute("enrollment", m.start(), m.end(), n, rule="CN_COUNT")
        clause_before = re.split(r"[，,；;。]", before)[-1]
        if m.group("unit") == "个" and (
            not _COVERS.search(clause_before) or clause_before.rstrip().endswith("来自")
        ):
            continue  # "来自17个患者的细胞", "两个患者亚组": 个 counts participants after a cue
        # One patient, or patients described by age ("一位52岁的男性患者接受了首次注射"), are a
        # case, not a trial's participants, unless the words say they take part in one.
        takes_part = (
            patterns.ENROLLMENT_CUE.search(clause_before)
            or re.match(r"\s*(参与者|受试者|志愿者)", after)
            # (one patient is a case; "例" counts procedures, see _PROCEDURE_AFTER)
            or (n > 1 and m.group("unit") != "例" and _IMPLANTED_AFTER.match(after))
        )
        if not takes_part:
            if n == 1 or patterns.PATIENT_AGE.match(after):
                continue
            if epidemiology is None:
                epidemiology = patterns.EPIDEMIOLOGY.search(view) is not None
            if epidemiology:
                continue
        if "组" in before and patterns.PER_ARM.search(before):
            continue  # a per-arm size: see per_arm_sizes
        if "组" in re.split(r"[,;，；]", after[:12])[0] or "组" in clause_before[-6:]:
            attribute.rule = "CN_COUNT of one arm"
            arms.append(attribute)
        elif (
            patterns.ENROLLMENT_CUE.search(clause_before)
            or _TOOK_PART_AFTER.match(after)
            or (_KO_TOOK_PART_AFTER.match(after) and _KO_PATIENTS_BEFORE.search(clause_before))
        ) or m.group("approx") in (
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
            attribute.rule = "CN_COUNT with an enrollment cue"
            strong.append(attribute)
        elif (
            re.match(r"\s*(?:[^，,。；;]{0,14})(患者|受试者|参与者|病人|als|志愿者)", after)
            or (
                m.group("unit") == "例"
                and patterns.PATIENTS_BEFORE_COUNT.search(before)
                # (all of them, not a kind: "有不良事件的患者12例", "死亡患者3例")
                and not _A_KIND_OF_PATIENTS.search(clause_before)
            )
            or (m.group("unit") != "例" and _IMPLANTED_AFTER.match(after))
            or re.match(r"\s*[|]", after)
            or (m.group("unit") == "人" and closes_phrase)
            # "已完成13例脑机人体植入手术": each procedure is one patient's
            or (m.group("unit") == "例" and _PROCEDURE_AFTER.match(after))
        ):
            attribute.rule = "CN_COUNT of patients, no enrollment cue"
            weak.append(attribute)
    english = (
        [
            *patterns.FIELD_COUNT.finditer(view),
            *patterns.FIELD_ROW_COUNT.finditer(view),
            *patterns.FIELD_SIZE_COUNT.finditer(view),
            *patterns.EN_COUNT.finditer(view),
            *patterns.EN_N_EQUALS.finditer(view),
            *patterns.EN_OF_WHOM_ENROLLED.finditer(view),
            *finditer(patterns.EN_COUNT_ADJECTIVE, view),
            *finditer(patterns.EN_ELLIPTICAL_COUNT, view),
            *(patterns.EN_PHASE_SIZE.finditer(view) if "phase" in view or "stage" in view else ()),
        ]
        if patterns.DIGIT.search(view)
        else [m for m in patterns.EN_COUNT.finditer(view) if m.group("n")[0].isalpha()]
        if patterns.EN_NUMBER_WORDS.search(view)
        else []
    )
    for m in english:
        if view[m.end() : m.end() + 1] in ("'", "’"):
            continue  # "24 patients' motor neurons": what was taken from them, no count of people
        n = stated_count(m)
        if (
            n
            and 1900 <= n <= 2099
            and _YEAR_BEFORE_A_COUNT.search(view, max(0, m.start() - 8), m.start())
        ):
            continue  # "In 2019 patients were randomized": a year, no count
        if n and m.re is patterns.EN_COUNT and _PAIRS_OF.search(m.group()):
            n *= 2  # "15 matched pairs of patients": thirty people
        if m.group("n")[0].isalpha() and (n is None or n < 5) and not _the_few(view, m):
            continue  # "one of the patients", "two groups of patients": no trial's size
        if patterns.ANALYSIS_SUBSET.search(view, 0, m.start()):
            continue  # "the pre-specified subgroup … (n=130)": a subgroup, not the trial
        if review and _pooled_by_a_review(view, m.start()):
            continue  # "1601 ALS patients were included in this review": no trial's
        tail = view[m.end("n") : m.end("n") + 40]
        if ("placebo" in tail or "regimens" in tail) and patterns.OTHER_REGIMENS_AFTER.match(tail):
            continue  # "164 in the shared placebo group": another regimen's placebo, pooled
        if patterns.SCREENED_AFTER.match(view, m.end()) or patterns.SCREENED_BEFORE.search(
            view, max(0, m.start() - 12), m.start()
        ):
            continue  # "1021 participants were screened": not those enrolled
        if patterns.PRACTICE_COUNT_BEFORE.search(view, max(0, m.start() - 60), m.start()):
            continue  # "has treated more than 500 patients": a clinic's patients so far
        window = max(0, m.start() - 150)
        leading = view[window : m.start()]
        if ("(" in leading or "（" in leading) and patterns.ANALYSIS_N_BEFORE.search(
            view, window, m.start()
        ):
            continue  # "(CI: 0.86, 9.21; n=38)", "measured by PET (N=22)": an analysis's count
        if patterns.SUBSET_OPENER.search(view, max(0, m.start() - 12), m.start()):
            continue  # "Of the 12 subjects with follow-up, 92% improved": those analysed
        if (
            m.re is patterns.EN_COUNT
            and len(m.group().split()) > 2
            and _AMONG_THE.search(view, max(0, m.start() - 12), m.start())
        ):
            continue  # "Among the 60 faster-progressing patients": a kind of them, a subgroup
        if (
            patterns.PART_COUNT_BEFORE.search(view, max(0, m.start() - 40), m.start())
            or patterns.PART_COUNT_AFTER.match(view, m.end("n"))
            or patterns.RATIO_BEFORE.search(view, max(0, m.start() - 12), m.start())
        ):
            continue  # "Five additional participants", "50%(N=191)", "1 in 6 patients": no size
        # The cue's "in"/"about" alternatives are anchored at the number: look before it too.
        before = view[max(0, m.start() - 40) : m.start()]
        if m.re is patterns.EN_COUNT and NOT_A_COUNT_BEFORE.search(before):
            continue  # "a phase 3 trial of patients": the number is a phase's
        if patterns.EN_PER_ARM.match(view, m.end()):
            continue  # "100 participants per group": one arm's size, not the trial's
        if patterns.EN_COUNT_OUTCOME_AFTER.match(view, m.end()):
            continue  # "In total, 16 patients died": those an outcome befell, no trial's size
        clause = view[max(0, m.start() - 60) : m.end() + 30]
        if patterns.EPIDEMIOLOGY.search(clause) and not patterns.EN_TRIAL_COUNT.search(clause):
            continue  # "ALS affects over 350,000 people worldwide": the disease's, no trial's
        if patterns.COUNTRY_HAS_AFTER.match(view, m.end()):
            continue  # "About 30,000 ALS patients are in the U.S.": a country's
        if m.group().endswith(("outpatients", "inpatients")) and not _A_STUDY.search(
            re.split(r"[,;:]", view[max(0, m.start() - 80) : m.start()])[-1]  # its own clause
        ):
            continue  # "the clinic follows 1,200 outpatients": a caseload, no trial's
        # "n = 120", "a 664-participant study", "enrollment: 12"
        stated = m.re is not patterns.EN_COUNT
        # The cue may come later in the clause, past an aside: "554 people with a motor neuron
        # disease were randomly assigned", "373 patients with ALS (…; duration ≤36 months) were
        # randomised".
        # A count inside an aside looks no further than the aside's end: "KP-100IT (for 32
        # patients) or placebo" (but "(394 adults … were randomised to X or placebo)").
        close = (
            view.find(")", m.end())
            if view.rfind("(", 0, m.start()) > view.rfind(")", 0, m.start())
            else -1
        )
        after = (
            view[m.end() : close] if close != -1 else _ASIDE.sub(" ", view[m.end() : m.end() + 200])
        )
        # (up to the clause's end or the next count: "18 patients were excluded and 106 …")
        ends = [
            found.start()
            for found in (patterns.CLAUSE_END.search(after), patterns.EN_COUNT.search(after))
            if found
        ]
        if n and (
            stated
            or patterns.ENROLLMENT_CUE.search(before)
            or patterns.ENROLLMENT_CUE.search(view[max(0, m.start() - 40) : m.end() + 30])
            or patterns.TRIAL_ACTIVITY.search(after, 0, min(ends, default=80))
            or _verb_past_the_description(view, m)
            # "with all 12 patients completing the study": every one of them took part
            or (
                patterns.ALL_OF_THEM_BEFORE.search(before)
                and len(m.group().split()) == 2
                and patterns.COMPLETED_STUDY_AFTER.match(view, m.end())
                # (the whole sentence before it: "At the Sheffield site, all 9 patients …")
                and not patterns.A_PART_BEFORE.search(view, 0, m.start())
            )
        ):
            rule = _ENGLISH_COUNT_RULES[m.re]
            strong.append(Attribute("enrollment", m.start(), m.end(), n, rule=rule))
        elif (
            n
            and m.group().endswith(("participants", "subjects", "volunteers"))
            and len(m.group().split()) <= 5
        ):
            # "one with 155 participants": people who take part are a trial's, cue or not.
            rule = "EN_COUNT of participants, no enrollment cue"
            weak.append(Attribute("enrollment", m.start(), m.end(), n, rule=rule))
    two = two_arms(view)
    if two and not _the_total_stated(strong, two):
        a, b = (parse_count(n) for n in two_arm_counts(two))
        if a and b:
            rule = "EN_TWO_ARMS, a drug's and a placebo's, summed"
            return Attribute("enrollment", two.start(), two.end(), a + b, rule=rule)
    # "we recruited 307 patients, of whom 303 were randomly assigned": the trial is those assigned
    # (not "enrolled 108, of whom 72 were randomized to tofersen": one arm of them)
    of_whom = next(
        (
            a
            for a in strong
            if a.rule == "EN_OF_WHOM_ENROLLED"
            and _RECRUITED_BEFORE.search(view, max(0, a.start - 80), a.start)
            and _ASSIGNED_TO_THE_ARMS.match(view, a.end)
        ),
        None,
    )
    if of_whom is not None:
        return of_whom
    stated_arms = [a for a in strong if a.rule == "EN_N_EQUALS"]
    if len(stated_arms) >= 2:
        # "placebo (n = 104) or edaravone (n = 102)": arms, summed, unless a total is stated.
        total = next((a for a in strong if a.rule != "EN_N_EQUALS"), None)
        if total is not None:
            return total
        first, last = stated_arms[0], stated_arms[-1]
        return Attribute(
            "enrollment",
            first.start,
            last.end,
            sum(a.value for a in stated_arms),
            rule="EN_N_EQUALS, arms summed",
        )
    if groups and not any(a.value > groups.value for a in strong):
        return groups  # "four cohorts of eight patients (six on the drug, two on placebo)"
    if strong:
        return strong[0]
    if len(arms) < 2 and len(allocated) >= 2:
        arms = allocated
    if len(arms) >= 2:
        # "将84例患者随机分为两组，一组(40例)…另一组(44例)": the count the arms add up to is the total.
        for count in (*arms, *weak):
            rest = [a.value for a in arms if a is not count]
            if len(rest) >= 2 and count.value == sum(rest):
                return replace(count, rule="CN_COUNT, the total of its arms")
        first, last = arms[0], arms[-1]
        total = sum(a.value for a in arms)
        return Attribute("enrollment", first.start, last.end, total, rule="CN_COUNT, arms summed")
    if arms:
        return arms[0]
    return weak[0] if weak else None


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


def enrollment_cells(header: str, row: str) -> list[Attribute]:
    """A bare number in the column whose header names the sample size ("样本量", "n")."""
    return [a for a in header_cells(header, row) if a.kind == "enrollment"]


def header_cells(header: str, row: str) -> list[Attribute]:
    """What a table row's bare cells say by the column their header names: a count in the
    sample-size column ("样本量", "Planned participants"), a year in each year column ("Year",
    "年份", "Start year", "Completion year"), a phase in the phase column ("Phase": "1", "1,2",
    "I/II"); one count and one phase."""
    names = [header[s:e] for s, e in _cells(header)]
    found: dict[str, Attribute] = {}
    years: list[Attribute] = []
    for (start, end), name in zip(_cells(row), names, strict=False):
        cell = row[start:end]
        if "enrollment" not in found and patterns.ENROLLMENT_HEADER.search(name):
            m = patterns.BARE_COUNT.match(cell)
            n = parse_count(m.group("n")) if m else None
            if n:
                found["enrollment"] = Attribute(
                    "enrollment", start, end, n, rule="sample-size column"
                )
        elif patterns.YEAR_COLUMN.search(name):
            m = patterns.BARE_YEAR.match(cell)
            if m:
                year = m.group("year")
                years.append(
                    Attribute(
                        "date",
                        start + m.start("year"),
                        start + m.end("year"),
                        year,
                        year,
                        "year column",
                    )
                )
        elif "phase" not in found and patterns.PHASE_COLUMN.search(name):
            phase = normalize_phase(re.sub(r"\s*[,，&]\s*", "/", cell.strip()))
            if phase:
                found["phase"] = Attribute("phase", start, end, phase, rule="phase column")
    return [*found.values(), *years]
