"""Cue strings let claims skip a pattern's scan; they must hold for every possible match."""

import re._parser as sre_parse

import pytest

from alsingest import patterns
from alsingest.claims.cues import always_holds_a_cue


@pytest.mark.parametrize(
    "regex, cues", list(patterns.CUES.items()), ids=lambda x: getattr(x, "pattern", "")[:20]
)
def test_every_match_of_a_pattern_holds_one_of_its_cues(regex, cues):
    assert always_holds_a_cue(sre_parse.parse(regex.pattern), cues)


def test_the_proof_rejects_a_cue_list_with_a_gap():
    regex = patterns.OUTCOME_MET
    assert not always_holds_a_cue(sre_parse.parse(regex.pattern), patterns.CUES[regex][1:])
    assert not always_holds_a_cue(sre_parse.parse("[(（]x"), ("(",))
    assert not always_holds_a_cue(sre_parse.parse("ab|c(dd|ee)"), ("ab", "dd"))
    assert always_holds_a_cue(sre_parse.parse("ab|c(dd|ee)"), ("ab", "dd", "ee"))
    assert not always_holds_a_cue(sre_parse.parse("(ab)?c"), ("ab",))
    assert not always_holds_a_cue(sre_parse.parse("x(ab)*"), ("ab",))


# --- verification patterns (issue 12) ---------------------------------------------


@pytest.mark.parametrize(
    "name, text, matches",
    [
        ("VERIFY_MISSED", "did not reach statistical significance", True),
        ("VERIFY_MISSED", "no clinical benefit", True),
        ("VERIFY_MISSED", "该药未能改善患者生存", True),
        ("VERIFY_MISSED", "未观察到功能评分改善", True),
        ("VERIFY_MISSED", "显著改善功能评分", False),
        ("NEGATION_BEFORE", "the trial has not ", True),
        ("NEGATION_BEFORE", "研究并未", True),
        ("NEGATION_BEFORE", "该药不仅", False),
        ("NEGATION_BEFORE", "not only ", False),
        ("POST_HOC", "in a post hoc analysis", True),
        ("POST_HOC", "亚组分析显示", True),
        ("POST_HOC", "in the overall population", False),
        ("DATELINE", "BEIJING, March 24, 2025 - Company", True),
        ("DATELINE", "SEOUL, South Korea, Dec. 9, 2024 /PRNewswire/ -- X", True),
        ("DATELINE", "The trial began on March 24, 2025 - a first", False),
        (
            "DATELINE",
            "Washington, D.C. (April 25, 2023) – The group welcomes the FDA decision",
            True,
        ),
        ("DATELINE", "Qalsody (April 25, 2023) – FDA accelerated approval", False),
        ("DATELINE", "WIRE-NEWS. June 3, 2019. Company X announces", True),
        ("DATELINE", "CAMBRIDGE, Mass. / Mar 08, 2024 / Business Wire / X", True),
        ("DATELINE", "The study (April 25, 2023) was small", False),
        ("STAGE_SUBMITTED", "the application is under review", True),
        ("STAGE_SUBMITTED", "提交上市申请", True),
        ("STAGE_APPROVED", "FDA已于2023年4月加速批准该药", True),
        ("STAGE_APPROVED", "提交批准申请", False),
        ("APPROVAL_SOUGHT_BEFORE", "submitted for ", True),
        ("PLANNED_BEFORE", "the company plans to ", True),
        ("PLANNED_BEFORE", "it has ", False),
        ("WAYBACK_SNAPSHOT", "http://web.archive.org/web/20130919044612/http://example.com/", True),
        ("WAYBACK_SNAPSHOT", "http://web.archive.org/save/http://example.com/", False),
        ("REGISTRY_ID", "NCT04856982", True),
        ("REGISTRY_ID", "NCT0485698", False),
        ("MISSED_PRIMARY_OBJECT", " its primary and secondary endpoints", True),
        ("MISSED_PRIMARY_OBJECT", " the prespecified primary endpoint", True),
        ("MISSED_PRIMARY_OBJECT", "主要和次要终点", True),
        ("MISSED_PRIMARY_OBJECT", " its secondary endpoints", False),
        ("PHASE_PAIR_GAP", " | ", True),
        ("PHASE_PAIR_GAP", " and ", True),
        ("PHASE_PAIR_GAP", " trial, then a ", False),
        ("ENROLLMENT_FIELD", "actual enrollment : | 394 participants |", True),
        ("ENROLLMENT_FIELD", "enrollment 513", True),
        ("ENROLLMENT_FIELD", "enrollment began in 2019", False),
        ("WRAPPED_LINE_BREAK", "in May\n2024, the IND", True),
        ("WRAPPED_LINE_BREAK", "announced\nthe dosing", True),
        ("WRAPPED_LINE_BREAK", "18 August 2025 | News\nSineuGene announced", False),
        ("WRAPPED_LINE_BREAK", "in patients.\nthe trial", False),
        ("TRIAL_CLEARED", "the fda's clearance of the ind application", True),
        ("TRIAL_CLEARED", "the ind was approved by the cde", True),
        ("TRIAL_CLEARED", "获得美国fda的临床试验默示许可", True),
        ("TRIAL_CLEARED", "ind申请获得国家药监局受理", False),
        (
            "RECEIVED_TRIAL_APPROVAL",
            "received approval from the us fda to conduct phase one trials",
            True,
        ),
        ("RECEIVED_TRIAL_APPROVAL", "applied for approval from the fda to conduct trials", False),
        ("TRIAL_UNDER_WAY", "phase 3 trial which enrolled 943 people with als", True),
        ("TRIAL_UNDER_WAY", "treated its first two patients in the phase ii trial", True),
        ("TRIAL_UNDER_WAY", "the clinic has treated 85 patients with it", False),
        ("TRIAL_ENROLLED", "the phase 3 trial, which enrolled 943 people", True),
        ("TRIAL_ENROLLED", "treated its first two patients in the phase ii trial", False),
        ("TRIAL_UNDER_WAY", "will enroll 943 people", False),
        ("VERIFY_DOSING", "the phase 1/2 trial of ion541 has started dosing", True),
        ("VERIFY_DOSING", "the trial has started dosing the third cohort", False),
        ("VERIFY_WITHDRAWAL", "may include voluntarily withdrawing the agent from market", True),
        ("VERIFY_WITHDRAWAL", "withdrawal of approval of new drug application", True),
        ("VERIFY_WITHDRAWAL", "patients withdrawing from the study", False),
        ("SOURCE_HEADER_DATE", "2024-10-09健康", True),
        ("SOURCE_HEADER_DATE", "3.9.2020 00:06:00 EEST | Business Wire", True),
        ("SOURCE_HEADER_DATE", ". 1996 May;46(5):1244-9.", True),
        ("SOURCE_HEADER_DATE", "Title\nMarch 7, 2023\nThe FDA", True),
        ("SOURCE_HEADER_DATE", "on March 7, 2023 the FDA", False),
        ("SOURCE_HEADER_DATE", "doi: 10.1212/wnl.46.5.1244", False),
        ("EN_NUMBER_WORDS", "sixty-three patients were included", True),
        ("EN_NUMBER_WORDS", "one hundred and twenty participants", True),
        ("EN_NUMBER_WORDS", "63 patients", False),
        ("NEWS_LEAD", "the fda has granted orphan drug status to rag-17", True),
        ("NEWS_LEAD", "近日，国家药监局批准", True),
        ("NEWS_LEAD", "rag-17 was granted orphan status in 2021", False),
    ],
)
def test_verification_patterns(name, text, matches):
    assert bool(getattr(patterns, name).search(text)) is matches
