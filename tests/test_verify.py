"""Verification verdicts on small sources written for the tests, in English and Chinese."""

import pytest

from alsingest.normalize import Converter
from alsingest.verify import (
    CONTRADICTED,
    NOT_FOUND,
    PARTIAL,
    SUPPORTED,
    UNAVAILABLE,
    Source,
    Verdict,
    best_verdict,
    verify_claim,
)

CONVERTER = Converter()

PRESS_RELEASE = """BrainStorm Cell Therapeutics Submits IND Amendment to FDA, Paving the Way for Phase 3b Trial of NurOwn in ALS

NEW YORK, April 10, 2025 -- BrainStorm Cell Therapeutics Inc. announced today that it has submitted an Investigational New Drug (IND) amendment to the U.S. Food and Drug Administration for its planned Phase 3b trial of NurOwn (MSC-NTF cells).

The trial, ENDURANCE, is expected to enroll approximately 200 participants with ALS in a randomized, double-blind, placebo-controlled design. Part A will last 24 weeks; all participants may then receive NurOwn in an open-label Part B.

In 2020, the earlier Phase 3 trial of NurOwn did not meet its primary endpoint.
"""

NEWS_ZH = """渐冻症新药托夫生在华上市

新华社北京6月10日电 渐冻症（肌萎缩侧索硬化症）是一种进行性神经退行性疾病。2025年6月10日，渐冻症创新药托夫生注射液（Tofersen）正式在中国上市，用于治疗携带SOD1基因突变的成人患者。

此前，托夫生的3期VALOR研究纳入108名受试者，研究未达到主要终点，但患者血浆神经丝轻链水平显著下降。美国FDA已于2023年4月加速批准该药。
"""


def claim(**fields):
    base = {
        "therapy": "nurown",
        "unlisted": False,
        "type": "other",
        "date": None,
        "phase": None,
        "enrollment": None,
        "outcome": None,
    }
    return {**base, **fields}


@pytest.fixture(scope="module")
def press():
    return Source(PRESS_RELEASE, CONVERTER, published="2025-04-10")


@pytest.fixture(scope="module")
def news():
    return Source(NEWS_ZH, CONVERTER)


@pytest.mark.parametrize(
    "fields, verdict",
    [
        # A Chinese claim against an English source: the normal case.
        ({"type": "submission", "date": "2025-04", "phase": "3b"}, SUPPORTED),
        ({"type": "trial_design", "phase": "3b", "enrollment": 200}, SUPPORTED),
        ({"type": "trial_result", "phase": "3", "outcome": "missed_primary"}, SUPPORTED),
        ({"type": "trial_design", "phase": "3b", "enrollment": 300}, CONTRADICTED),
        ({"type": "submission", "date": "2025-04-10", "phase": "2"}, CONTRADICTED),
        ({"type": "trial_result", "outcome": "met_primary", "phase": "3"}, CONTRADICTED),
        ({"type": "approval", "date": "2024"}, PARTIAL),
        ({"therapy": "tofersen", "type": "approval", "date": "2025-04"}, NOT_FOUND),
    ],
)
def test_press_release_verdicts(press, lexicon, fields, verdict):
    result = verify_claim(claim(**fields), press, lexicon)
    assert result.verdict == verdict, result.reason


def test_the_publication_date_is_evidence_for_announced_on(lexicon):
    text = PRESS_RELEASE.replace("NEW YORK, April 10, 2025 -- ", "")
    dated = verify_claim(
        claim(type="submission", date="2025-04-10"),
        Source(text, CONVERTER, published="2025-04-10"),
        lexicon,
    )
    undated = verify_claim(
        claim(type="submission", date="2025-04-10"), Source(text, CONVERTER), lexicon
    )
    assert (dated.verdict, undated.verdict) == (SUPPORTED, PARTIAL)


@pytest.mark.parametrize(
    "fields, verdict",
    [
        ({"therapy": "tofersen", "type": "launch", "date": "2025-06"}, SUPPORTED),
        ({"therapy": "tofersen", "type": "launch", "date": "2025-07"}, CONTRADICTED),
        (
            {
                "therapy": "tofersen",
                "type": "trial_result",
                "phase": "3",
                "enrollment": 108,
                "outcome": "missed_primary",
            },
            SUPPORTED,
        ),
        ({"therapy": "tofersen", "type": "approval", "date": "2023-04"}, SUPPORTED),
        ({"therapy": "tofersen", "type": "trial_design", "enrollment": 200}, CONTRADICTED),
        ({"therapy": "riluzole", "type": "approval", "date": "1995"}, NOT_FOUND),
    ],
)
def test_chinese_news_verdicts(news, lexicon, fields, verdict):
    result = verify_claim(claim(**fields), news, lexicon)
    assert result.verdict == verdict, result.reason


def test_evidence_points_into_the_source(news, lexicon):
    result = verify_claim(claim(therapy="tofersen", type="launch", date="2025-06"), news, lexicon)
    assert result.evidence
    for evidence in result.evidence:
        assert NEWS_ZH[evidence.start : evidence.end] == evidence.text and "托夫生" in evidence.text


def test_traditional_source_and_simplified_claim(lexicon):
    source = Source(CONVERTER.s2t.convert(NEWS_ZH), CONVERTER)
    assert (
        verify_claim(
            claim(therapy="tofersen", type="launch", date="2025-06"), source, lexicon
        ).verdict
        == SUPPORTED
    )


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "too little"),
        ("环境异常 完成验证后即可继续访问。去验证", "block or verification page"),
        ("   \n\n 12 34 56 %%% ### 78 90 " * 20, "no text"),
        (
            "筋萎縮性側索硬化症（ALS）の新しい治療薬について、ニプロと札幌医科大学は第II相試験を開始しました。"
            * 8,
            "Japanese",
        ),
        (
            "Die klinische Studie mit Tofersen wurde im Jahr 2023 von der Behörde zugelassen und die Patienten "
            * 8,
            "language other than",
        ),
    ],
)
def test_unreadable_sources_are_unavailable_never_not_found(lexicon, text, reason):
    result = verify_claim(claim(therapy="tofersen", date="2023"), Source(text, CONVERTER), lexicon)
    assert result.verdict == UNAVAILABLE and reason in result.reason


def test_unlisted_therapies_are_found_by_name(lexicon):
    text = "QRL-201 entered a Phase 1 study in 2024, the company said in a statement. " * 5
    result = verify_claim(
        claim(therapy="qrl201", unlisted=True, phase="1", type="trial_start"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED


def test_the_best_verdict_over_several_sources_wins():
    verdicts = [Verdict(NOT_FOUND, "a"), Verdict(PARTIAL, "b"), Verdict(UNAVAILABLE, "c")]
    assert best_verdict(verdicts).verdict == PARTIAL
