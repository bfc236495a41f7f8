"""Verification verdicts on small sources written for the tests, in English and Chinese."""

import pytest
from conftest import review_guards

from alsingest.dates import en_number
from alsingest.lexicon import Lexicon
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
    header_date,
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
        # The release names NurOwn, but says nothing of an approval: silent, not partial.
        ({"type": "approval", "date": "2024"}, NOT_FOUND),
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


# --- issue 12: misreporting caught --------------------------------------------------

NEURONATA_RELEASE = """Corestemchemon Announces Topline Results of ALSUMMIT Phase 3 Trial

SEOUL, South Korea, December 9, 2024 /PRNewswire/ -- Corestemchemon today announced topline results from ALSUMMIT, the Phase 3 trial of lenzumestrocel (Neuronata-R) in 115 patients with amyotrophic lateral sclerosis.

The study did not meet its primary endpoint in the overall population.

In a post hoc analysis, a subgroup of patients with faster disease progression showed an improvement in ALSFRS-R scores compared with placebo.

The company said it will discuss the data with regulators. Lenzumestrocel was well tolerated.
"""


@pytest.fixture(scope="module")
def neuronata():
    return Source(NEURONATA_RELEASE, CONVERTER)


def test_a_claimed_success_where_only_a_post_hoc_subgroup_improved_is_contradicted(
    neuronata, lexicon
):
    # The Chinese article said Neuronata-R's phase 3 trial "达到主要终点".
    result = verify_claim(
        claim(therapy="lenzumestrocel", type="trial_result", phase="3", outcome="met_primary"),
        neuronata,
        lexicon,
    )
    assert result.verdict == CONTRADICTED, result.reason
    assert "post hoc" in result.reason and "\n" not in result.reason
    texts = [e.text for e in result.evidence]
    assert any("did not meet its primary endpoint" in t for t in texts)
    assert any("post hoc analysis" in t for t in texts)
    for e in result.evidence:
        assert NEURONATA_RELEASE[e.start : e.end] == e.text


def test_the_same_release_supports_a_claim_that_the_endpoint_was_missed(neuronata, lexicon):
    result = verify_claim(
        claim(therapy="lenzumestrocel", type="trial_result", outcome="missed_primary"),
        neuronata,
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


def test_a_chinese_source_in_traditional_script_contradicts_a_claimed_success(lexicon):
    text = (
        "倫邁托賽（Neuronata-R）三期臨床試驗結果公布\n\n"
        "韓國公司今日公布，倫邁托賽的三期臨床試驗未達到主要終點，整體人群中未觀察到改善。"
        "事後分析顯示，部分進展較快的亞組患者功能評分有所改善。"
        "公司表示將與監管機構討論後續計劃。該研究共納入115名患者，研究為隨機、雙盲、安慰劑對照設計。"
    ) * 2
    result = verify_claim(
        claim(therapy="lenzumestrocel", type="trial_result", outcome="met_primary"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == CONTRADICTED, result.reason


@pytest.mark.parametrize(
    "sentence, polarity",
    [
        ("the trial did not meet its primary endpoint", "missed"),
        ("the trial has not met its primary endpoint", "missed"),
        ("the difference did not reach statistical significance", "missed"),
        ("treatment showed no benefit on survival", "missed"),
        ("the study failed", "missed"),
        ("the trial met its primary endpoint", "met"),
        ("treatment significantly slowed disease progression", "met"),
        ("研究未达到主要终点", "missed"),
        ("该药未能显著改善患者功能评分", "missed"),
        ("三期试验宣告失败", "missed"),
        ("整体人群中未观察到改善", "missed"),
        ("研究并未显著延缓疾病进展", "missed"),
        ("研究达到主要终点", "met"),
        ("该药显著延缓了疾病进展", "met"),
        ("该药不仅显著改善了功能评分", "met"),
    ],
)
def test_outcome_polarity_reads_negation_in_both_languages(sentence, polarity):
    from alsingest.verify import outcome_statements

    polarities = {s.polarity for s in outcome_statements(sentence)}
    assert polarities == {polarity}


def test_a_subgroup_success_is_marked_partial():
    from alsingest.verify import outcome_statements

    (statement,) = outcome_statements("in a post hoc analysis, a subgroup showed improved function")
    assert statement.polarity == "met" and statement.partial


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BEIJING, March 24, 2025 - Company X announced", "2025-03-24"),
        ("NEW YORK, April 10, 2025 /PRNewswire/ -- BrainStorm", "2025-04-10"),
        ("Title\n\nSEOUL, South Korea, 9 December 2024 — text", "2024-12-09"),
        ("In 2025 the company said - nothing", None),
        ("WIRE-NEWS. June 3, 2019. Company X announces today", "2019-06-03"),
        ("In short. June 3, 2019. Nothing here", None),
    ],
)
def test_a_press_release_dateline_is_its_announcement_date(text, expected):
    from alsingest.verify import dateline_date

    assert dateline_date(text) == expected


RELEASE_WITH_DATELINE = """Company X Announces NMPA Acceptance of Marketing Application for Tofersen

BEIJING, March 24, 2025 - Company X today announced that the National Medical Products Administration has accepted its new drug application for tofersen for SOD1-ALS, and the application is under review.

The company expects approval in 2026 and plans to launch tofersen in China after approval. The Phase 3 VALOR trial enrolled 108 participants.
"""


@pytest.fixture(scope="module")
def dated_release():
    return Source(RELEASE_WITH_DATELINE, CONVERTER)


@pytest.mark.parametrize(
    "fields, verdict, word",
    [
        # The dateline is the announcement's date.
        ({"type": "submission", "date": "2025-03-24"}, SUPPORTED, ""),
        ({"type": "submission", "date": "2025-03"}, SUPPORTED, ""),
        # A filing reported as an approval, and as a launch.
        ({"type": "approval", "date": "2025-03"}, CONTRADICTED, "submitted"),
        ({"type": "launch"}, CONTRADICTED, "submitted"),
        # Planned (approval expected in 2026) reported as done.
        ({"type": "approval", "status": "planned", "date": "2026"}, SUPPORTED, ""),
        # A date a year off for the filing the release announces today.
        ({"type": "submission", "date": "2024-03"}, CONTRADICTED, "date"),
        # One attribute found (phase) and another contradicted: contradicted.
        ({"type": "trial_result", "phase": "3", "enrollment": 200}, CONTRADICTED, "enrollment"),
    ],
)
def test_every_attribute_is_checked_against_the_release(
    dated_release, lexicon, fields, verdict, word
):
    result = verify_claim(
        claim(therapy="tofersen", **{"status": "reported", **fields}), dated_release, lexicon
    )
    assert result.verdict == verdict, result.reason
    assert word in result.reason


def test_a_trial_start_reported_as_done_where_the_source_plans_it_is_contradicted(lexicon):
    text = (
        "Company Y plans to start a Phase 2 trial of ibudilast in ALS in 2026, the company said. "
        "The trial is expected to enroll about 60 participants at five sites in Europe. " * 3
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_start", status="reported", phase="2"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == CONTRADICTED and "planned" in result.reason


def test_a_contradiction_is_the_headline_over_a_supporting_source():
    from alsingest.verify import headline_verdict

    verdicts = [Verdict(SUPPORTED, "a"), Verdict(CONTRADICTED, "b"), Verdict(PARTIAL, "c")]
    assert headline_verdict(verdicts).verdict == CONTRADICTED
    assert headline_verdict([Verdict(NOT_FOUND, "a"), Verdict(PARTIAL, "b")]).verdict == PARTIAL


# --- issue 12: mechanisms behind the misses on the real dev pairs -------------------


def test_a_therapy_the_lexicon_does_not_know_is_found_by_its_name(lexicon):
    # A claim from another tool or a gold line: no ``unlisted`` flag, a code name.
    text = "The FDA has granted Orphan Drug status to Zentrik Bio's ZTK-88 for ALS. " * 4
    result = verify_claim(
        {"therapy": "ztk88", "type": "other", "date": None}, Source(text, CONVERTER), lexicon
    )
    assert result.verdict != NOT_FOUND, result.reason


def test_a_claimed_success_where_primary_and_secondary_endpoints_were_missed_is_contradicted(
    lexicon,
):
    # The success the source does state comes after the missed endpoints, in the same
    # sentence, and is not about them: it cannot support a claim that the trial succeeded.
    text = (
        "Corestemchemon presented the Phase 3 results of Neuronata-R at a congress in Melbourne. "
        "While the overall trial did not meet its primary and secondary endpoints Neuronata-R "
        "demonstrated meaningful efficacy in patients with slower disease progression. "
        "Participants in this group kept more of their breathing capacity. "
    ) * 2
    for outcome in ("met", "met_primary"):
        result = verify_claim(
            claim(therapy="lenzumestrocel", type="trial_result", outcome=outcome),
            Source(text, CONVERTER),
            lexicon,
        )
        assert result.verdict == CONTRADICTED, (outcome, result.reason)
        assert "primary endpoint was missed" in result.reason


def test_a_trial_start_claim_is_the_trial_cleared_to_start(lexicon):
    # "获批开展临床试验" is a trial_start claim; an IND cleared is that event, done, even
    # where the trial itself is still to begin.
    text = (
        "SineuGene announced that the FDA has granted Orphan Drug Designation to SNUG01. "
        "The designation follows the FDA's clearance of the IND application for SNUG01 in "
        "March 2025. SineuGene plans to initiate a Phase 1/2a trial in adults with ALS. "
    ) * 2
    result = verify_claim(
        claim(therapy="snug01", type="trial_start", date="2025-03", status="reported"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


@pytest.mark.parametrize(
    "fields",
    [
        {"type": "submission", "date": "2025", "status": "planned"},
        {"type": "trial_start", "date": "2024-05"},
        {"type": "approval", "date": "2022"},
    ],
)
def test_a_source_silent_on_the_claimed_event_is_not_found(lexicon, fields):
    # The therapy is named, but for another matter: the source says nothing of the event.
    text = (
        "ALSUMMIT is a multicentre, randomized, double-blind phase III trial of lenzumestrocel "
        "for ALS in 2022. The primary endpoint will be evaluated by CAFS at 6 months. "
        "Lenzumestrocel is an autologous bone marrow-derived mesenchymal stem cell product. "
    ) * 2
    result = verify_claim(
        claim(therapy="lenzumestrocel", **fields), Source(text, CONVERTER), lexicon
    )
    assert result.verdict == NOT_FOUND, result.reason


def test_a_planned_withdrawal_from_the_market_is_read_in_other_words(lexicon):
    text = (
        "Amylyx announced that AMX0035 did not meet its primary end point in PHOENIX. The "
        "company will assess the next steps, which may include voluntarily withdrawing the "
        "agent from market. It has paused the promotion of the therapy. "
    ) * 2
    result = verify_claim(
        claim(therapy="amx0035", type="withdrawal", status="planned"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


def test_a_date_is_confirmed_only_at_the_claims_precision(lexicon):
    text = (
        "SineuGene said the FDA cleared the IND application for SNUG01 in March 2025, "
        "paving the way for a Phase 1/2a trial in ALS. The trial will run in two countries. "
    ) * 2
    source = Source(text, CONVERTER)
    day = verify_claim(
        claim(therapy="snug01", type="trial_start", date="2025-03-24"), source, lexicon
    )
    month = verify_claim(
        claim(therapy="snug01", type="trial_start", date="2025-03"), source, lexicon
    )
    assert (day.verdict, month.verdict) == (PARTIAL, SUPPORTED), (day.reason, month.reason)
    assert "date" in day.reason


def test_the_claimed_event_also_stated_undated_leaves_the_date_unconfirmed(lexicon):
    # Two clearances of the same kind: China's (undated, announced today) and an earlier
    # one by the FDA. The FDA's month does not contradict a claim about the other.
    text = (
        "SineuGene announced today that China's NMPA has cleared the IND application for "
        "SNUG01, a gene therapy for ALS. This milestone follows a prior clearance of SNUG01's "
        "IND application by the FDA in March 2025. The trial will enroll adults with ALS. "
    ) * 2
    result = verify_claim(
        claim(therapy="snug01", type="trial_start", date="2025-08-15"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == PARTIAL, result.reason


def test_hard_wrapped_source_lines_are_read_as_one_sentence(lexicon):
    # A plain-text release wrapped at a fixed width: the date and its event on two lines.
    text = (
        "SUZHOU, China, Dec. 24,\n2024 /PRNewswire/ -- Ractigen Therapeutics today announced\n"
        "the dosing of the first patient in a Phase I trial of RAG-17 in ALS.\n"
        "The trial is randomized and placebo-controlled.\n"
        "RAG-17 received Orphan Drug Designation from the FDA in March\n"
        "2023, followed by the FDA's clearance of its IND application. In May\n"
        "2024, the IND was approved by the CDE of China's National Medical\n"
        "Products Administration. Most recently, in November 2024, a trial of\n"
        "RAG-17 delivered promising data in patients with ALS.\n"
    )
    source = Source(text, CONVERTER)
    result = verify_claim(
        claim(therapy="rag17", type="trial_start", date="2024-05"), source, lexicon
    )
    assert result.verdict == SUPPORTED, result.reason
    assert source.dateline == "2024-12-24"
    for e in result.evidence:
        assert text[e.start : e.end] == e.text


def test_a_registry_page_gives_phase_2_3_and_its_enrollment_field(lexicon):
    # A registry record copied as text: "Phase 2 Phase 3" is one phase 2/3 trial, and
    # "Actual Enrollment : | 394 participants |" its count.
    text = (
        "Masitinib in Combination With Riluzole for the Treatment of ALS\n"
        "Condition | Intervention/treatment | Phase |\n"
        "ALS | Drug: Masitinib (4.5) Drug: Riluzole | Phase 2 Phase 3 |\n"
        "Study Type : | Interventional (Clinical Trial) |\n"
        "Actual Enrollment : | 394 participants |\n"
        "Official Title: | A Randomised, Placebo-controlled Study of Masitinib in ALS |\n"
    ) * 2
    source = Source(text, CONVERTER)
    # A phase 3 claim against a phase 2/3 record overlaps it (the pair labellers' reading:
    # partial); another enrollment contradicts it.
    for fields, verdict in (({"phase": "3"}, PARTIAL), ({"enrollment": 382}, CONTRADICTED)):
        result = verify_claim(
            claim(therapy="masitinib", type="trial_design", **fields), source, lexicon
        )
        assert result.verdict == verdict, (fields, result.reason)
    same = verify_claim(
        claim(therapy="masitinib", type="trial_design", phase="2/3", enrollment=394),
        source,
        lexicon,
    )
    assert same.verdict == SUPPORTED, same.reason


# --- counts in words, a source's own date, another trial of the same therapy ------------

TRIAL_ABSTRACT = """A randomized, placebo-controlled trial of masitinib in amyotrophic lateral sclerosis.

Our objective is to describe the results of a phase IIb/III, 12-month, double-blind, randomized clinical trial of masitinib in ALS. The number of patients was based on the assumed change in ALSFRS decline. Sixty-three patients were included in the trial. Masitinib was well tolerated.
"""


@pytest.mark.parametrize(
    "words, count",
    [
        ("Sixty-three", 63),
        ("nineteen", 19),
        ("one hundred and twenty", 120),
        ("two hundred", 200),
        ("three hundred forty-one", 341),
    ],
)
def test_count_in_words_reads_english_numbers(words, count):
    assert en_number(words) == count


@pytest.mark.parametrize(
    "fields, verdict",
    [
        ({"type": "trial_design", "enrollment": 63, "phase": "2b/3"}, SUPPORTED),
        ({"type": "trial_design", "enrollment": 63, "phase": "2/3"}, SUPPORTED),
        # "Phase 3" for a IIb/III trial, and another size: the same trial misreported.
        ({"type": "trial_design", "enrollment": 80, "phase": "3"}, CONTRADICTED),
        # Phase 1 with another size: the source reports another trial of the therapy.
        ({"type": "trial_design", "enrollment": 570, "phase": "1"}, NOT_FOUND),
        ({"type": "trial_design", "date": "2003", "phase": "1"}, NOT_FOUND),
        # Phase 1 where the size is the source's: that trial, its phase misreported.
        ({"type": "trial_design", "enrollment": 63, "phase": "1"}, CONTRADICTED),
    ],
)
def test_a_count_in_words_and_another_trial_of_the_same_therapy(lexicon, fields, verdict):
    result = verify_claim(
        claim(therapy="masitinib", **fields), Source(TRIAL_ABSTRACT, CONVERTER), lexicon
    )
    assert result.verdict == verdict, result.reason
    if verdict == NOT_FOUND:
        assert "another trial" in result.reason


@pytest.mark.parametrize(
    "text, expected",
    [
        ("當前位置: 健康\n\n2024-10-09健康\n(記者)", "2024-10-09"),
        ("Business Wire\n\n3.9.2020 00:06:00 EEST | Business Wire | Press release", "2020-09-03"),
        ("Clinical Trial\n. 1996 May;46(5):1244-9.\ndoi: 10.1212/wnl.46.5.1244.", "1996-05"),
        ("Version 2.1 of the guide, no date at all", None),
    ],
)
def test_a_source_is_dated_by_its_header(text, expected):
    assert header_date(text) == expected


PAGE_TW = """當前位置: 華文頭條 > 健康

第一個漸凍癥基因治療新藥在中國獲批

2024-10-09健康
「漸凍癥基因治療藥物的出現，有望從源頭上治療漸凍癥。最新獲批的基因治療新藥預計明年二三月份進入國內。」北京大學第三醫院神經內科主任在接受記者采訪時談到。
10月8日，國家藥品監督管理局官網顯示，渤健生物的托夫生註射液在中國獲批上市，用於治療SOD1基因突變的成人肌萎縮側索硬化患者。
"""


@pytest.mark.parametrize(
    "date, verdict", [("2024-10", SUPPORTED), ("2024-10-08", SUPPORTED), ("2025-06", CONTRADICTED)]
)
def test_a_year_less_date_in_the_source_takes_the_year_of_its_header(lexicon, date, verdict):
    result = verify_claim(
        claim(therapy="tofersen", type="approval", date=date), Source(PAGE_TW, CONVERTER), lexicon
    )
    assert result.verdict == verdict, result.reason


WIRE_COPY = """Business Wire

3.9.2020 00:06:00 EEST | Business Wire | Press release

Biogen today announced the publication of results from the phase 3 VALOR trial of tofersen in people with SOD1-ALS in the New England Journal of Medicine, with data from the open-label extension. The company said the results support further study of tofersen in presymptomatic carriers.
"""


@pytest.mark.parametrize("date, verdict", [("2020-09-02", SUPPORTED), ("2020-09-05", PARTIAL)])
def test_a_release_stamped_in_another_time_zone_confirms_the_day_before(lexicon, date, verdict):
    # 00:06 in Helsinki is still 2 September in Washington, where the article dates it.
    result = verify_claim(
        claim(therapy="tofersen", type="other", date=date), Source(WIRE_COPY, CONVERTER), lexicon
    )
    assert result.verdict == verdict, result.reason


NEWS_PAGE = """Drug News
www.example.org/articles/1-masitinib-orphan

AB Science's ALS Drug Gains Orphan Drug Designation

March 7, 2023

The FDA has granted Orphan Drug status to AB Science's masitinib, an investigational treatment of patients with amyotrophic lateral sclerosis (ALS).

Masitinib is a tyrosine kinase inhibitor given by mouth. The designation gives companies incentives such as seven-year marketing exclusivity from the date of approval.
"""

BACKGROUND_PAGE = (
    """Drug News

March 7, 2023

A review of tyrosine kinase inhibitors in neurology, from cancer to amyotrophic lateral sclerosis: the class has a long history in oncology, and its use in the nervous system is recent. """
    + (
        "Trials in several diseases are described in turn, with their designs and their results. "
        * 6
    )
    + "Masitinib has received an orphan drug designation, the company said.\n"
)


@pytest.mark.parametrize(
    "text, date, verdict",
    [
        (NEWS_PAGE, "2023-03", SUPPORTED),
        (NEWS_PAGE, "2023-03-07", SUPPORTED),
        # The page leads with the designation as its news of March 2023: not a year earlier.
        (NEWS_PAGE, "2022-03", CONTRADICTED),
        # Named far below the lead, as background: the page's date says nothing of it.
        (BACKGROUND_PAGE, "2022-03", PARTIAL),
    ],
)
def test_a_page_leading_with_the_event_as_news_dates_it(lexicon, text, date, verdict):
    result = verify_claim(
        claim(therapy="masitinib", type="other", date=date), Source(text, CONVERTER), lexicon
    )
    assert result.verdict == verdict, result.reason
    if verdict == CONTRADICTED:
        assert "reports it as news" in result.reason


def test_a_month_first_date_line_dates_the_page():
    assert header_date("FDAnews\n\nTitle\n\nMarch 7, 2023\n\nThe FDA has granted") == "2023-03-07"


@pytest.mark.parametrize(
    "source_text, verdict",
    [
        # The decision is due another day: a misreported PDUFA date.
        (
            "Acme said regulators accepted its application for ibudilast, with an approval "
            "decision expected by March 25. The review is a priority review.",
            CONTRADICTED,
        ),
        # The same day, the year left unsaid: nothing disagrees, nor is the year confirmed.
        (
            "Acme said regulators accepted its application for ibudilast, with an approval "
            "decision expected by March 15. The review is a priority review.",
            PARTIAL,
        ),
    ],
)
def test_a_planned_approval_is_checked_against_the_decision_the_source_expects(
    lexicon, source_text, verdict
):
    result = verify_claim(
        claim(therapy="ibudilast", type="approval", status="planned", date="2026-03-15"),
        Source(source_text * 2, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


@pytest.mark.parametrize(
    "fields, source_text, verdict",
    [
        # The claim's total is the sum of the arms the source gives.
        (
            {"enrollment": 206, "quote": "纳入206例患者"},
            "Patients were treated with placebo (n = 104) and ibudilast (n = 102). "
            "The ibudilast trial ran for 24 weeks.",
            SUPPORTED,
        ),
        # "More than 2,000": two studies of 867 and 1,210 are more.
        (
            {"enrollment": 2000, "quote": "两项试验共纳入超过2000例患者"},
            "Ibudilast was given in Study 1 (n=867) and, with riluzole, in Study 2 (n=1210). "
            "The ibudilast studies did not reach significance.",
            SUPPORTED,
        ),
    ],
)
def test_a_count_is_checked_against_the_arms_it_sums_and_a_floor(
    lexicon, fields, source_text, verdict
):
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", **fields),
        Source(source_text * 2, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


def test_an_overlapping_phase_is_not_a_contradiction(lexicon):
    text = "Ibudilast was tested in a Phase 1/2 trial that enrolled 106 participants. " * 4
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="1", enrollment=106),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == PARTIAL, result.reason


REGISTRY_RECORD = """Study of Ibudilast in ALS
Condition: ALS
Intervention: Drug: ibudilast
Brief summary: a randomised trial.
Primary outcome: ALSFRS-R.
Secondary outcome: survival.
Sponsor: Acme.
Locations: Boston.
{field} : | {n} participants |
Study start: 2019.
"""


@pytest.mark.parametrize(
    "field, n, verdict",
    [
        ("Actual Enrollment", 394, CONTRADICTED),
        ("Actual Enrollment", 382, SUPPORTED),
        ("Estimated Enrollment", 394, PARTIAL),
    ],
)
def test_a_registry_records_enrollment_field_speaks_for_the_whole_record(
    lexicon, field, n, verdict
):
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=382),
        Source(REGISTRY_RECORD.format(field=field, n=n), CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


def test_a_first_prescription_is_a_launch(lexicon):
    text = (
        "2025年6月10日清晨，某医院成功开出伊布司特的首个处方，一名患者当天完成用药。"
        "伊布司特是一种口服药物。"
    ) * 2
    result = verify_claim(
        claim(
            therapy="ibudilast", type="launch", date="2025-06-10", quote="伊布司特完成首批次使用"
        ),
        Source(text.replace("伊布司特", "ibudilast"), CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


def test_a_regimen_added_to_a_platform_trial_starts_its_trial(lexicon):
    text = (
        "Boston, March 2021. A fourth investigational product, ibudilast, was added to the "
        "platform trial in January 2021. Enrollment continues at 54 sites. "
    ) * 2
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_start", date="2021-01"),
        Source(text, CONVERTER, published="2021-03-15"),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


def test_a_planned_count_against_the_actual_count_is_no_contradiction(lexicon):
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=150, status="planned"),
        Source(REGISTRY_RECORD.format(field="Actual Enrollment", n=185), CONVERTER),
        lexicon,
    )
    assert result.verdict == PARTIAL, result.reason


@pytest.mark.parametrize("date, verdict", [("2023", CONTRADICTED), ("2024", SUPPORTED)])
def test_news_of_the_week_dates_the_event_to_the_pages_year(lexicon, date, verdict):
    text = (
        "March 8, 2024\n\nAcme reported this week that its phase 3 study of ibudilast did not "
        "meet its primary end point. The company will discuss next steps with regulators. "
        "Ibudilast remains available to patients while the data are reviewed by the agency."
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_result", date=date, phase="3", outcome="missed"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


# Words around the statements: a source this short would be too little to judge.
ABOUT_ALS = (
    "\nAmyotrophic lateral sclerosis is a progressive neurodegenerative disease that affects "
    "nerve cells in the brain and the spinal cord, and patients lose the ability to move, speak, "
    "eat and eventually breathe. About one in ten cases is familial."
)


@pytest.mark.parametrize(
    "fields, verdict",
    [
        # Approved in 2024, launched in 2025: "approved in 2025" is dated by the launch only.
        ({"type": "approval", "date": "2025"}, CONTRADICTED),
        ({"type": "approval", "date": "2024-09"}, SUPPORTED),
        ({"type": "launch", "date": "2025-06"}, SUPPORTED),
    ],
)
def test_an_events_date_comes_from_that_events_statements(lexicon, fields, verdict):
    text = (
        "Tofersen was approved in China in September 2024, the first drug approved there for "
        "SOD1-ALS since 2018. The drug was launched in June 2025 "
        "at a hospital in Beijing." + ABOUT_ALS
    )
    got = verify_claim(claim(therapy="tofersen", **fields), Source(text, CONVERTER), lexicon)
    assert got.verdict == verdict, got.reason


def test_a_filing_accepted_earlier_is_not_dated_by_todays_news_of_its_review(lexicon):
    text = (
        "Oct. 17, 2022 -- Biogen today announced that the FDA has extended the review period of "
        "the new drug application for tofersen by three months.\n"
        "The FDA accepted the tofersen NDA in July 2022 and granted priority review." + ABOUT_ALS
    )
    got = verify_claim(
        claim(therapy="tofersen", type="submission", date="2022-07"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict == SUPPORTED, got.reason


def test_a_date_in_a_clause_of_another_event_does_not_date_this_one(lexicon):
    text = (
        "托夫生是针对SOD1基因突变渐冻症的药物。此前，托夫生已在美国获批上市，并在2023年向国家药品监督管理局"
        "递交了上市申请。目前该药依托先行区特许政策先行使用，为国内患者提供治疗新选择。" + ABOUT_ALS
    )
    got = verify_claim(
        claim(therapy="tofersen", type="approval", date="2024-10-08"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict != CONTRADICTED, got.reason


def test_a_source_about_another_disease_states_no_als_event(lexicon):
    text = (
        "2025年7月，AB-101细胞注射液治疗脊髓损伤的注册临床I期研究在某医院召开启动会，并完成首例受试者给药。"
        "首例受试者移植后无并发症，平稳度过观察期。该研究有望为脊髓损伤患者提供新的治疗选择。"
        "脊髓损伤是一种严重的中枢神经系统创伤，患者常常伴有运动、感觉和自主神经功能障碍。"
    )
    got = verify_claim(
        claim(therapy="ab101", unlisted=True, type="dosing", date="2025-09"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict == NOT_FOUND, got.reason


@pytest.mark.parametrize(
    "period",
    [
        "The study was conducted at 54 sites from July 2020 to March 2022.",
        "该研究于2020年7月至2022年3月在54个中心进行。",
    ],
)
@pytest.mark.parametrize("date, verdict", [("2020-07", SUPPORTED), ("2021-07", CONTRADICTED)])
def test_a_trial_period_dates_the_trials_start(lexicon, period, date, verdict):
    text = "AB-101 was tested in a randomized trial of adults with ALS. " + period + ABOUT_ALS
    got = verify_claim(
        claim(therapy="ab101", unlisted=True, type="trial_start", date=date),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


def test_a_year_less_event_date_in_an_undated_source_speaks_in_the_claims_year(lexicon):
    text = (
        "10月8日药监局批准通知件清单上，托夫生赫然在列。托夫生由两家公司共同研发，"
        "可与编码SOD1的mRNA结合。2024年5月，托夫生在欧盟获得批准。" + ABOUT_ALS
    )
    source = Source(text, CONVERTER)
    same_day = verify_claim(
        claim(therapy="tofersen", type="approval", date="2024-10-08"), source, lexicon
    )
    other_day = verify_claim(
        claim(therapy="tofersen", type="approval", date="2024-10-09"), source, lexicon
    )
    assert (same_day.verdict, other_day.verdict) == (SUPPORTED, CONTRADICTED)


def test_an_undated_source_reads_a_year_less_date_in_the_year_it_gave_before():
    text = "2024年5月，托夫生在欧盟获批。10月8日，托夫生在中国获批。" + ABOUT_ALS
    source = Source(text, CONVERTER)
    assert [s.year for s in source.sentences[:2]] == [None, 2024]


def test_a_code_is_found_with_a_suffix_the_lexicon_does_not_list(lexicon):
    text = (
        "The Safety and Tolerability of Motor Neuron Progenitor Cells (XS228CN) in Subjects With "
        "Amyotrophic Lateral Sclerosis. The first participant was dosed in September 2025."
        + ABOUT_ALS
    )
    got = verify_claim(
        claim(therapy="xs228", type="dosing", date="2025-09"), Source(text, CONVERTER), lexicon
    )
    assert got.verdict == SUPPORTED, got.reason


def test_a_span_of_years_not_about_a_trial_is_no_trial_start(lexicon):
    text = (
        "ALS incidence rose from 2010 to 2020, a registry found. AB-101 began its phase 2 trial "
        "in March 2021." + ABOUT_ALS
    )
    got = verify_claim(
        claim(therapy="ab101", unlisted=True, type="trial_start", date="2021-03"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict == SUPPORTED, got.reason


def test_a_year_less_event_date_takes_the_year_the_source_gave_before_it(lexicon):
    text = "托夫生于2023年5月提交上市申请。10月8日，药监局批准托夫生上市。" + ABOUT_ALS + "\n© 2024"
    source = Source(text, CONVERTER)
    earlier = verify_claim(
        claim(therapy="tofersen", type="approval", date="2023-10-08"), source, lexicon
    )
    later = verify_claim(
        claim(therapy="tofersen", type="approval", date="2024-10-08"), source, lexicon
    )
    assert (earlier.verdict, later.verdict) == (SUPPORTED, CONTRADICTED)


def test_a_code_is_not_found_inside_a_longer_code(lexicon):
    text = "XS2280 is another company's compound, tested in a phase 1 trial in 2024." + ABOUT_ALS
    got = verify_claim(
        claim(therapy="xs228", type="trial_start", date="2024"), Source(text, CONVERTER), lexicon
    )
    assert got.verdict == NOT_FOUND, got.reason


@pytest.mark.parametrize(
    "head, expected",
    [
        ("Archive page.\n\nDate: Tuesday, December 12, 1995\nFOR IMMEDIATE RELEASE", "1995-12-12"),
        ("新闻中心\n发布时间：2024年10月9日 10:20\n正文", "2024-10-09"),
        ("Posted on: 3 March 2021\n\nAcme news", "2021-03-03"),
    ],
)
def test_a_labelled_date_line_in_a_sources_head_dates_it(head, expected):
    assert header_date(head) == expected


def test_an_approval_announced_today_by_a_dated_release_is_of_the_releases_day(lexicon):
    text = (
        "Archive page.\n\nDate: Tuesday, December 12, 1995\nFOR IMMEDIATE RELEASE\n\n"
        "The Food and Drug Administration today announced the approval of ibudilast, the "
        "first drug shown to prolong survival in ALS.\n\nIbudilast is a tablet.\n"
    )
    source = Source(text, CONVERTER)
    wrong = verify_claim(claim(therapy="ibudilast", type="approval", date="1996"), source, lexicon)
    right = verify_claim(claim(therapy="ibudilast", type="approval", date="1995"), source, lexicon)
    assert (wrong.verdict, right.verdict) == (CONTRADICTED, SUPPORTED), (wrong, right)


def test_an_estimated_enrollment_beside_the_name_is_no_other_count(lexicon):
    text = (
        "Ibudilast in ALS (IBU-ALS). Phase 3. Ibudilast tablets twice daily, or placebo, for "
        "people with ALS at 25 sites in Japan. Estimated Enrollment : | 128 participants |\n"
    ) + REGISTRY_RECORD.format(field="Study type", n=1)
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=130),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == PARTIAL, result.reason


RECORD_FAR = """Study of Ibudilast in ALS
Ibudilast tablets twice daily for 12 months.
Condition: ALS
Brief summary: a randomised trial of a tablet.
Primary outcome: ALSFRS-R.
Secondary outcome: survival.
Sponsor: Acme.
Locations: Boston.
Other locations: Denver.
Contacts: the sponsor.
Status and phase
Recruiting
{phase}
Actual Study Start Date : | {start} |
Actual Enrollment : | 230 participants |
"""


@pytest.mark.parametrize(
    "start, claimed, verdict",
    [
        ("June 1, 2020", "2021-06-01", CONTRADICTED),
        ("June 1, 2020", "2020-06", SUPPORTED),
        ("2020-06-01", "2020-06-01", SUPPORTED),
    ],
)
def test_a_registry_records_start_date_speaks_for_the_whole_record(
    lexicon, start, claimed, verdict
):
    source = Source(RECORD_FAR.format(phase="Phase 3", start=start), CONVERTER)
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_start", date=claimed), source, lexicon
    )
    assert result.verdict == verdict, result.reason


def test_a_registry_record_of_another_phase_is_another_trial(lexicon):
    source = Source(RECORD_FAR.format(phase="Phase 2", start="June 1, 2020"), CONVERTER)
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_start", date="2021", phase="3"), source, lexicon
    )
    assert result.verdict == NOT_FOUND and "another trial" in result.reason, result.reason


# Words about care that state no fact of a therapy: a source long enough to be judged.
FILLER = (
    "\n\nThe page goes on with general notes on care, nutrition and breathing support for "
    "people living with ALS and their families, and where to find help.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "3月5日，某医院团队为一名患者植入了北脑一号脑机接口装置，手术顺利。",
        "On March 5, 2025, the first human received an implant of Beinao-1 and is recovering well.",
    ],
)
def test_an_implant_is_a_devices_dosing(lexicon, text):
    source = Source(text + FILLER, CONVERTER, published="2025-03-20")
    result = verify_claim(
        claim(therapy="beinao-1", type="dosing", date="2025-03-05"), source, lexicon
    )
    assert result.verdict == SUPPORTED, result.reason


def test_a_designation_the_source_never_mentions_is_not_found(lexicon):
    text = (
        "Ibudilast was approved in Korea in July 2014 for ALS. Ibudilast has been used in "
        "clinics since February 2015.\n" + FILLER
    )
    result = verify_claim(
        claim(
            therapy="ibudilast",
            type="other",
            date="2018",
            quote="伊布司特于2018年获得美国孤儿药资格认定",
        ),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == NOT_FOUND, result.reason


def test_what_a_ratio_below_one_would_indicate_is_no_outcome(lexicon):
    text = (
        "Ibudilast was tested as a regimen of a phase 2/3 platform trial. The primary outcome "
        "was the disease rate ratio (DRR), with DRR less than 1 indicating a slowing in disease "
        "progression on ibudilast relative to placebo.\n"
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_result", outcome="missed"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict != CONTRADICTED, result.reason


def test_a_romanised_name_spaced_otherwise_and_its_short_form_name_the_therapy(lexicon):
    text = (
        "Huoling Shengji Granule (HLSJ) is a formula of traditional Chinese medicine. "
        "Earlier work supports it for ALS.\n\nEleven centres will recruit 144 patients to "
        "receive HLSJ or riluzole for 48 weeks." + FILLER
    )
    result = verify_claim(
        claim(therapy="huolingshengji", type="trial_design", enrollment=144, status="planned"),
        Source(text, CONVERTER),
        Lexicon({**lexicon.entries, "huolingshengji": ["Huolingshengji Granules", "藿苓生肌颗粒"]}),
    )
    assert result.verdict == SUPPORTED, result.reason


def test_field_names_on_lines_of_their_own_make_a_record_whose_phase_is_the_trials(lexicon):
    text = RECORD_FAR.format(phase="Phase 2", start="June 1, 2020").replace(
        "Actual Study Start Date : | June 1, 2020 |\nActual Enrollment : | 230 participants |\n",
        "Study type\n\nInterventional\n\nEnrollment\n\n458 patients\n",
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=230, phase="3"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == NOT_FOUND and "another trial" in result.reason, result.reason


def test_one_of_the_claims_arms_stated_with_another_total_is_no_contradiction(lexicon):
    text = (
        "Ibudilast regimen of the platform trial.\n\nN = 284\n\nN=120 ibudilast (60 mg daily "
        "for 24 weeks).\nN=164 placebo (matching placebo, shared with other regimens)." + FILLER
    )
    quote = "共有161名患者被随机分配接受伊布司特 (n = 120)或方案特异性安慰剂(n = 41)"
    other = "共有161名患者被随机分配接受伊布司特 (n = 121)或方案特异性安慰剂(n = 40)"
    verdicts = [
        verify_claim(
            claim(therapy="ibudilast", type="trial_design", enrollment=161, quote=q),
            Source(text, CONVERTER),
            lexicon,
        ).verdict
        for q in (quote, other)
    ]
    assert verdicts == [PARTIAL, CONTRADICTED], verdicts


def test_a_records_key_lines_with_values_below_make_it_a_record(lexicon):
    text = (
        "Safety Study of Ibudilast in ALS\n\nNCT ID: NCT00647296\n\nRecruitment status\n\n"
        "COMPLETED\n\nStudy phase\n\nPHASE2\n\nTarget enrollment\n\n194 participants\n\n"
        "Participant Flow\n\nSubjects were recruited across 20 centers.\n\n"
        "Ibudilast 50 mg a day was compared with placebo." + FILLER
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=943, phase="3"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == NOT_FOUND and "another trial" in result.reason, result.reason


# --- session 8's verifier rules, as a review found them misfire (each fixed) --------------


def test_a_weeks_count_is_no_arm_of_the_claim(lexicon):
    text = (
        "The phase 3 trial of ibudilast enrolled 108 participants, who were treated for 24 weeks."
        + FILLER
    )
    result = verify_claim(
        claim(
            therapy="ibudilast",
            type="trial_design",
            enrollment=36,
            quote="ibudilast (n = 24) and placebo (n = 12)",
        ),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == CONTRADICTED, result.reason


def test_a_designation_named_beside_a_result_needs_no_designation_in_the_source(lexicon):
    text = "The phase 3 trial of ibudilast missed its primary endpoint." + FILLER
    result = verify_claim(
        claim(
            therapy="ibudilast",
            type="trial_result",
            outcome="missed",
            quote="Ibudilast, which has orphan drug designation, missed its primary endpoint",
        ),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


@pytest.mark.parametrize(
    "text",
    [
        "Acme表示伊布司特ibudilast的3期试验达到了主要终点。",
        "Acme today reported data indicating ibudilast met the primary endpoint of its phase 3 trial.",
    ],
)
def test_said_or_indicating_before_a_result_is_no_definition(lexicon, text):
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_result", outcome="met"),
        Source(text + FILLER, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


def test_a_planned_study_start_in_prose_is_no_record_field(lexicon):
    text = (
        "Acme began the phase 3 trial of ibudilast in June 2021. The study start had been "
        "planned for January 2021 but was delayed." + FILLER
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_start", date="2021-06"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


def test_a_diseases_short_form_is_no_short_form_of_the_drug(lexicon):
    text = (
        "Low-dose aldesleukin is being tested in amyotrophic lateral sclerosis (ALS). "
        "A phase 3 ALS trial of another drug began in 2020." + FILLER
    )
    source = Source(text, CONVERTER)
    lexicon = Lexicon({**lexicon.entries, "aldesleukin": ["aldesleukin", "ld-il-2"]})
    assert source.mentions("aldesleukin", lexicon) == [0]


def test_approval_to_begin_a_trial_is_no_approval_of_the_drug():
    from alsingest.verify import event_mentions

    assert event_mentions("approval", "acme received approval to begin a phase 3 trial of x.") == []
    assert event_mentions("approval", "acme received fda approval for x in 2023.") != []


KEY_LINE_RECORD = """Study of Ibudilast in ALS
- Registration Number
- NCT09999998
- Brief Summary
A randomised trial of ibudilast against placebo for 12 months.
- Status
- RECRUITING
- {key}
- {n}
- Age 18 - 80 years
"""


@pytest.mark.parametrize(
    "key, status, verdict",
    [
        ("Target Recruitment", "planned", CONTRADICTED),  # a plan against the record's plan
        ("Target Recruitment", "reported", PARTIAL),  # a count against a plan: no disagreement
        ("Actual Enrollment", "planned", PARTIAL),  # a plan against what came of it
        ("Actual Enrollment", "reported", CONTRADICTED),
    ],
)
def test_a_records_enrollment_key_with_its_value_below_is_read_plan_against_plan(
    lexicon, key, status, verdict
):
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=150, status=status),
        Source(KEY_LINE_RECORD.format(key=key, n=230), CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


def test_a_source_about_one_therapy_states_its_trials_size_far_from_the_name(lexicon):
    text = (
        "Acme announced topline results from the phase 3 trial of ibudilast in ALS. "
        "The company said the data did not meet the endpoints. Ibudilast had been approved "
        "on phase 2 data. The company promised to withdraw the drug if the trial failed. "
        "No secondary endpoint was met either.\n"
        "So the results mean that the company failed its primary endpoint in the ongoing "
        "multi-site study involving {n} patients. The study failed to slow the disease.\n"
    )
    claimed = claim(therapy="ibudilast", type="trial_result", enrollment=600, status="reported")
    other = verify_claim(claimed, Source(text.format(n=664), CONVERTER), lexicon)
    same = verify_claim(claimed, Source(text.format(n=600), CONVERTER), lexicon)
    assert other.verdict == CONTRADICTED, other.reason
    assert same.verdict in (SUPPORTED, PARTIAL) and same.checks["enrollment"] == "found"


@pytest.mark.parametrize(
    "quote, verdict",
    [
        ("2022年6月，伊布司特獲加拿大衛生部有條件批准上市", NOT_FOUND),  # another jurisdiction
        ("伊布司特已在日本和韩国获准销售", NOT_FOUND),
        ("伊布司特在加拿大获批后，2022年9月获得FDA批准", SUPPORTED),  # the source's own is named
        ("伊布司特于2022年9月获批上市", SUPPORTED),  # the claim names none: nothing to compare
    ],
)
def test_an_approval_is_one_jurisdictions(lexicon, quote, verdict):
    source = Source(
        "WASHINGTON, September 29, 2022 -- The U.S. Food and Drug Administration approved "
        "ibudilast for ALS today. The FDA approval follows a phase 2 trial in 137 patients. "
        "The company said the drug will be available to patients in the coming weeks, and "
        "that it would go on with studies in other groups of patients.",
        CONVERTER,
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="approval", date="2022-09", quote=quote), source, lexicon
    )
    assert result.verdict == verdict, result.reason


@pytest.mark.parametrize(
    "claimed, stated, verdict",
    [
        ("2b", "Phase 2", PARTIAL),  # the source's label is broader: the "b" is not confirmed
        ("2", "Phase 2b", SUPPORTED),  # the claim's broader label holds
        ("2b", "Phase 2b", SUPPORTED),
        ("2b", "Phase 3", CONTRADICTED),
    ],
)
def test_a_sub_phase_is_confirmed_only_by_the_same_sub_phase(lexicon, claimed, stated, verdict):
    text = f"Ibudilast was tested in a {stated} trial that enrolled 138 participants. " * 4
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase=claimed, enrollment=138),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


@pytest.mark.parametrize(
    "quote, verdict",
    [
        ("伊布司特组有效比例(31%)与安慰剂组(28%)无显著区别", CONTRADICTED),  # 32.6% is no 31%
        ("伊布司特组有效比例(33%)与安慰剂组(28%)无显著区别", SUPPORTED),  # both at their precision
        ("伊布司特组有效比例为33%", SUPPORTED),  # one figure: nothing to compare it with
    ],
)
def test_quoted_percentages_are_checked_at_their_precision(lexicon, quote, verdict):
    text = (
        "The phase 3 trial of ibudilast did not achieve statistically significant results, with "
        "32.6% of participants meeting the primary endpoint compared to 27.7% for placebo. "
    ) * 3
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_result", phase="3", outcome="missed", quote=quote),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


@pytest.mark.parametrize(
    "stated",
    [
        "Acme's phase 2/3 trial of ibudilast enrolled its first patient on 16 October 2019",
        "The first participant was dosed in Acme's phase 2/3 trial of ibudilast on 16 October 2019",
        "2019年10月16日，伊布司特的2/3期试验首例患者入组",
    ],
)
def test_a_trial_starts_with_its_first_participant(lexicon, stated):
    text = (stated + "。" if "年" in stated else stated + ". ") * 5
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_start", date="2019-10", phase="2/3"),
        Source(text.replace("伊布司特", "ibudilast"), CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


@pytest.mark.parametrize(
    "quote, verdict",
    [
        ("伊布司特III期临床试验的治疗阶段持续了 24 个月", CONTRADICTED),  # a six-month trial
        ("伊布司特III期临床试验的治疗阶段持续了 6 个月", SUPPORTED),
        ("伊布司特为期24周的III期临床试验", SUPPORTED),  # 24 weeks is about six months
        ("伊布司特的III期临床试验", SUPPORTED),  # no length claimed
    ],
)
def test_a_trials_length_is_checked_in_any_unit(lexicon, quote, verdict):
    text = (
        "The efficacy of ibudilast was demonstrated in a six-month phase 3 clinical trial "
        "conducted in Japan, in which 137 participants were randomised to ibudilast or placebo. "
    ) * 3
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="3", quote=quote),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


def test_a_source_naming_a_combination_by_its_parts_is_still_about_it_alone(lexicon):
    text = (
        "Acme announced topline results from the phase 3 trial of AMX0035 (sodium phenylbutyrate "
        "and taurursodiol [also known as ursodoxicoltaurine]) in ALS. The data did not meet the "
        "endpoints. It had been approved on phase 2 data. The company promised to withdraw it. "
        "No secondary endpoint was met either.\n"
        "So the company failed its primary endpoint in the multi-site study involving 664 "
        "patients. The study failed to slow the disease.\n"
    )
    result = verify_claim(
        claim(therapy="amx0035", type="trial_result", enrollment=600, status="reported"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == CONTRADICTED, result.reason


# --- session 9 review: today's rules must not make these calls (the session-start code did not) --

_FILLER = (
    " The company said it would go on with its research and work with regulators and patient "
    "groups on what comes next for people living with the disease."
)


@pytest.mark.parametrize(
    "fields, source_text, not_verdict",
    [
        # the FDA spelled out, and "the US" without dots, are the US
        (
            {"type": "approval", "date": "2022-09", "quote": "2022年9月，美国FDA批准了伊布司特"},
            "The Food and Drug Administration approved ibudilast for ALS on September 29, 2022. "
            "The decision follows the conditional approval of ibudilast by Health Canada.",
            NOT_FOUND,
        ),
        (
            {"type": "approval", "date": "2017-05", "quote": "伊布司特获美国FDA批准"},
            "Ibudilast was approved in the US in May 2017, two years after its approval in Japan.",
            NOT_FOUND,
        ),
        # 32.5% is 33% as people round, and figures in separate sentences are each found
        (
            {"type": "trial_result", "phase": "3", "quote": "伊布司特组应答率为33%，安慰剂组为28%"},
            "In the phase 3 trial of ibudilast, 32.5% of participants responded compared with "
            "27.7% on placebo.",
            CONTRADICTED,
        ),
        (
            {
                "type": "trial_result",
                "phase": "3",
                "quote": "伊布司特使功能下降减缓25%，死亡风险降低44%",
            },
            "In the phase 3 trial, ibudilast slowed functional decline by 25%. The risk of death "
            "was 44% lower and the risk of hospitalization 30% lower with ibudilast.",
            CONTRADICTED,
        ),
        # a disease duration and a follow-up after the study are no trial length
        (
            {"type": "trial_design", "phase": "3", "quote": "伊布司特为期24周的3期试验"},
            "Ibudilast was tested in a phase 3 trial that ran for 24 weeks. Participants had a mean "
            "disease duration of 18 months at entry.",
            CONTRADICTED,
        ),
        (
            {"type": "trial_design", "phase": "3", "quote": "伊布司特的3期试验持续了6个月"},
            "Ibudilast was tested in a 26-week phase 3 trial. Participants will be followed for 2 "
            "years after the study ends.",
            CONTRADICTED,
        ),
        # an expanded access program's first patient is no trial start
        (
            {
                "type": "trial_start",
                "date": "2021-05",
                "phase": "3",
                "quote": "伊布司特3期研究于2021年5月启动",
            },
            "Acme dosed the first patient in its expanded access program for ibudilast in March "
            "2022. Its phase 3 study of ibudilast is ongoing.",
            CONTRADICTED,
        ),
        # a plan is no trial's size, and a plan near the record's plan is no disagreement
        (
            {
                "type": "trial_result",
                "phase": "3",
                "enrollment": 108,
                "quote": "伊布司特3期试验入组了108名患者",
            },
            "Acme reported results of the phase 3 trial of ibudilast. The results were mixed. "
            "The company will meet regulators. Patients groups were told. Analysts were "
            "cautious.\nThe next study plans to enroll about 150 people with ALS.",
            CONTRADICTED,
        ),
        (
            {
                "type": "trial_design",
                "enrollment": 150,
                "status": "planned",
                "quote": "计划招募约150名患者",
            },
            "Study of Ibudilast in ALS\nCondition: ALS\nIntervention: Drug: ibudilast\n"
            "Estimated Enrollment: 152 participants\nStudy start: 2019.",
            CONTRADICTED,
        ),
    ],
)
def test_session9_review_guards_for_verification(lexicon, fields, source_text, not_verdict):
    result = verify_claim(
        claim(therapy="ibudilast", **fields), Source(source_text + _FILLER, CONVERTER), lexicon
    )
    assert result.verdict != not_verdict, result.reason


@pytest.mark.parametrize(
    "claimed, stated, verdict",
    [
        ("1996", "Approved December 1995", CONTRADICTED),
        ("1995-12", "Approved December 1995", SUPPORTED),
        # two approvals on the page: the claim's year is one of them
        ("1996", "Approved December 1995 (US); approved June 1996 (EU)", SUPPORTED),
    ],
)
def test_a_page_about_one_therapy_dates_its_event_however_far_from_the_name(
    lexicon, claimed, stated, verdict
):
    text = (
        "Ibudilast (MN-166)\n\nCompany: Acme\n\nApproval Status:\n\n" + stated + "\n\n"
        "Specific Treatments:\n\namyotrophic lateral sclerosis\n\nGeneral Information\n\n"
        "It is the first drug shown to provide some benefit to people with ALS. In the largest "
        "trial, 959 patients took part in a multicenter, double-blind, placebo-controlled study. "
        "Side effects included nausea, fatigue and raised liver enzymes in some participants."
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="approval", date=claimed, quote=f"伊布司特{claimed}年获批"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


# --- session 10 -------------------------------------------------------------------------------

BULLET_RECORD = (
    "Title\n\nA Study of Ibudilast in Amyotrophic Lateral Sclerosis (ALS)\n"
    "  • Phase\n\n    Phase 1\n  • Study Type\n\n    Interventional\n"
    "  • Study Participants\n\n    18\n"
    "Ibudilast will be given by mouth twice a day for 12 weeks in people with ALS.\n" + FILLER
)


def test_a_record_with_its_keys_as_bullets_is_a_record_of_another_phases_trial(lexicon):
    # A claim of a phase 2 trial, no size or date: a record of a phase 1 study of the
    # drug is another trial's, not a contradiction.
    source = Source(BULLET_RECORD, CONVERTER)
    assert source.is_record
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="2"), source, lexicon
    )
    assert result.verdict == NOT_FOUND and "another trial" in result.reason, result.reason


def test_a_claim_naming_the_records_id_is_checked_against_it(lexicon):
    source = Source(BULLET_RECORD.replace("Title\n", "Title NCT01234567\n"), CONVERTER)
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="2", quote="NCT01234567 试验为2期"),
        source,
        lexicon,
    )
    assert result.verdict == CONTRADICTED, result.reason


EXTENSION_RECORD = (
    "Study of Ibudilast Administered to Previously Treated Adults With ALS\n"
    "ClinicalTrials.gov Identifier: NCT07654321\n"
    "Recruitment Status :\nTerminated\n"
    "Study Type :\nInterventional\n"
    "Actual Enrollment :\n75 participants\n"
    "Phase :\nPhase 1\n" + FILLER
)


@pytest.mark.parametrize(
    "quote, another",
    [
        ("The phase 1 trial of ibudilast randomised 106 participants.", True),
        ("106 participants of the phase 1 trial went on to the open-label extension.", False),
    ],
)
def test_an_extension_studys_record_is_another_trial_than_the_one_it_extends(
    lexicon, quote, another
):
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="1", enrollment=106, quote=quote),
        Source(EXTENSION_RECORD, CONVERTER),
        lexicon,
    )
    assert (result.verdict == NOT_FOUND and "extension study" in result.reason) == another, (
        result.reason
    )


@pytest.mark.parametrize(
    "quote, start, expected",
    [
        ("2020年6月至2022年7月，研究组在美国进行了一项2/3期随机试验", "June 1, 2020", SUPPORTED),
        ("2021年1月至2022年7月，研究组在美国进行了一项2/3期随机试验", "June 1, 2020", CONTRADICTED),
    ],
)
def test_a_trial_period_opens_on_the_records_start_date(lexicon, quote, start, expected):
    source = Source(RECORD_FAR.format(phase="Phase 2/Phase 3", start=start), CONVERTER)
    date = "2020-06" if quote.startswith("2020") else "2021-01"
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", date=date, phase="2/3", quote=quote),
        source,
        lexicon,
    )
    assert result.verdict == expected, result.reason


def test_a_record_states_its_trials_start(lexicon):
    # No start word near the name: the record itself is the trial's.
    text = BULLET_RECORD.replace("Phase 1", "Phase 2").replace(
        "Ibudilast will be given", "This is a two-part study of ibudilast in up to 18 people, given"
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_start", phase="2", enrollment=18),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


@pytest.mark.parametrize(
    "source_text, expected",
    [
        (
            "After 12 months, 58 percent of the placebo group were alive, as compared with 74 "
            "percent of the ibudilast group (P = 0.014).",
            SUPPORTED,
        ),
        (
            "After 12 months, 58 percent of the placebo group were alive, as compared with 74 "
            "percent of the ibudilast group (P = 0.21).",
            PARTIAL,
        ),
    ],
)
def test_the_same_significant_p_value_states_the_effect_a_claim_reports(
    lexicon, source_text, expected
):
    result = verify_claim(
        claim(
            therapy="ibudilast",
            type="trial_result",
            outcome="met",
            quote="随访12个月，伊布司特提高了患者生存率(74% VS 58%，P=0.014)",
        ),
        Source(source_text + FILLER, CONVERTER),
        lexicon,
    )
    assert result.verdict == expected, result.reason


def test_a_continuation_studys_record_is_another_trial(lexicon):
    text = EXTENSION_RECORD.replace("Administered to Previously Treated", "Continuation Study for")
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="1", enrollment=106),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == NOT_FOUND and "extension study" in result.reason, result.reason


def test_a_disease_with_no_effective_treatment_is_no_missed_outcome(lexicon):
    text = (
        "Background: ALS is a progressive disease with no effective treatment, and the primary "
        "outcome was survival. In a phase 2 trial, ibudilast improved survival.\n" + FILLER
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_result", phase="2", outcome="met"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


@pytest.mark.parametrize("p_value, expected", [("p=0 . 002", SUPPORTED), ("p=0 . 21", PARTIAL)])
def test_the_claims_figures_with_a_significant_p_value_state_its_effect(lexicon, p_value, expected):
    # PDF text sets the decimal point apart: "56 . 8%", "p=0 . 002".
    text = (
        "After 18 months, 122 (50 . 4%) placebo-treated patients and 134 (56 . 8%) of those "
        f"on ibudilast were alive ({p_value}).\n" + FILLER
    )
    result = verify_claim(
        claim(
            therapy="ibudilast",
            type="trial_result",
            outcome="met",
            quote="伊布司特治疗组生存率明显较高(57%对50%)",
        ),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == expected, result.reason


GUARDS = review_guards("session10_verify.json")


@pytest.mark.parametrize("case", GUARDS, ids=[f"{c['name']}-{i}" for i, c in enumerate(GUARDS)])
def test_session10_review_guards_for_verification(lexicon, case):
    # Registry records of the claim's own trial (by name, size or date), a withdrawn trial that
    # never started, news subheadings that are no record keys, a period of use that is no
    # trial's start, a bound "p<0.001" that identifies no comparison.
    fields = {"therapy": "nurown", "type": "other", "status": "reported", **case["claim"]}
    result = verify_claim(claim(**fields), Source(case["source"], CONVERTER), lexicon)
    assert result.verdict == case["verdict"], result.reason


@pytest.mark.parametrize(
    "text, expected",
    [
        # the approval is the US's clause; China's clause is a submission
        (
            "此前，Ibudilast已在美国获批上市，并在2023年向中国国家药品监督管理局递交了上市申请。",
            NOT_FOUND,
        ),
        # one clause names both: the approval is China's too
        ("Ibudilast已在美国和中国获批上市。", PARTIAL),
    ],
)
def test_an_approval_belongs_to_the_jurisdiction_of_its_own_clause(lexicon, text, expected):
    result = verify_claim(
        claim(
            therapy="ibudilast",
            type="approval",
            date="2024-10-08",
            quote="2024年10月8日，国家药品监督管理局公示，伊布司特获批上市",
        ),
        Source(text + FILLER + FILLER, CONVERTER),
        lexicon,
    )
    assert result.verdict == expected, result.reason


def test_a_phase_2_to_3_trial_only_loosely_confirms_a_phase_2_claim(lexicon):
    text = (
        "Ibudilast was tested as a regimen of a platform trial, a phase 2 to 3 multicentre, "
        "randomised, placebo-controlled study.\n" + FILLER
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="2"), Source(text, CONVERTER), lexicon
    )
    assert result.verdict == PARTIAL, result.reason


def test_a_wire_copys_date_line_dates_what_it_announces_today(lexicon):
    text = (
        "WIRE-NEWS. June 3, 2019. Company X announces today the acceptance by the EMA of its "
        "marketing application for ibudilast in ALS."
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="submission", date="2019-08"),
        Source(text + FILLER, CONVERTER),
        lexicon,
    )
    assert result.verdict == CONTRADICTED, result.reason


@pytest.mark.parametrize(
    "claimed, verdict",
    [("2025-03-10", CONTRADICTED), ("2025-04-16", CONTRADICTED), ("2025-03-17", PARTIAL)],
)
def test_a_year_less_day_in_the_sentence_naming_the_therapy_is_read_in_the_claims_year(
    lexicon, claimed, verdict
):
    # No year named anywhere before it: another day or month still speaks (the year unconfirmed,
    # the same day only partly); a day apart is one release seen in two time zones.
    text = (
        "3月16日，某公司发布公告，其在研新药异丁司特获美国FDA孤儿药资格认定。"
        "肌萎缩侧索硬化是一种致命的神经退行性疾病，患者确诊后平均生存期为2至5年，"
        "目前尚无可以阻止或逆转疾病进展的治疗方法，现有治疗以延缓病程为主。"
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="other", date=claimed), Source(text, CONVERTER), lexicon
    )
    assert result.verdict == verdict, result.reason


@pytest.mark.parametrize("claimed, verdict", [("1", PARTIAL), ("1/2", SUPPORTED)])
def test_a_records_glued_phases_are_read_as_one_phase_range(lexicon, claimed, verdict):
    # "PHASE1/PHASE2Completed": a record's cells run together; phase 1/2 only loosely
    # confirms a phase 1 claim.
    text = BULLET_RECORD.replace("    Phase 1\n", "    PHASE1/PHASE2CompletedINTERVENTIONAL\n")
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase=claimed, enrollment=18),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


def test_promising_data_confirm_a_claim_of_positive_results(lexicon):
    text = (
        "In November 2024, an investigator-initiated trial of ibudilast delivered promising "
        "clinical data, further validating its potential." + FILLER
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_result", date="2024-11", outcome="met"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


GUARDS_11 = review_guards("session11_verify.json")


GUARDS_12 = review_guards(
    "session12c_verify.json",
    "session12d_verify.json",
    "session12e_verify.json",
    "session12f_verify.json",
    "session13_verify.json",
    "session13b_verify.json",
    # session 14's reviewer: day-first figures, totals of recruiting trials and of several
    # studies, estimates out of date, "Month, YYYY volunteers", "cleared" for trials and bodies,
    # other events' dates against a release's own
    "session14_verify.json",
    # a second reviewer: a page's own stamp is no guide to its fields' order; totals over
    # cohorts or other studies; weekdays of trading, interviews, calls to come and last week;
    # "earlier than expected on", "as scheduled on"; update and webinar times as page dates
    "session14b_verify.json",
    # the final review: approvals refused, recommended, hoped for or of another drug; weekdays
    # of telling beside "last week", "a week ago"
    "session14c_verify.json",
    # session 15's reviewer: a market discontinuation without "was"; a study's end, an efficacy
    # "halted", a period ended, participants stopping; preparations, talks and reviews under way;
    # patients treated in a clinic, expanded access or a case series; "已入组首例" still dated; an
    # IDE supplement or expansion
    "session15_verify.json",
    # a second: studies other than the therapy's trial under way (preparations, toxicology,
    # surveillance, other products), 正在开展 far from its trial; an IDE awaited or a cohort's
    # approval; dosing titrated, labelled, in rats or of a later cohort; Chinese withdrawals of an
    # approval; withdrawals denied, urged, of other programmes, agreements or arms, pauses
    "session15b_verify.json",
    # a third: the month "May" and "demand" as no hedge, reasons "因疗效不佳…撤市" as no denial;
    # another indication's or disease's withdrawal; conditions; a stock listing's application;
    # 其他/其与; first patients dated in their clause or "today"; retrospective, real-world and
    # pooled studies, earlier trials; an approval's date as no start's; dosing before a hold, in an
    # extension, abroad, of another drug's study; a grant's "Project Start Date"; a plan's target
    "session15c_verify.json",
    "session16_verify.json",
    "session16b_verify.json",
    "session17_verify.json",
    "session18_verify.json",
    "session19_verify.json",
    "session20_verify.json",
    "session21_verify.json",
    # session 22's: a phased trial called for, hoped for, of another disease, or an earlier one
    "session22_verify.json",
    # session 24's: a paper cited by its author and year, a hold told in other words ("removed
    # the hold", "lifted its hold", "placed … on hold"), a trial named with the drug
    "session24_verify.json",
    # session 26's: sources about the disease by another name (Lou Gehrig's, motor neurone
    # disease, 卢伽雷病) that mention COVID-19 or an eye disease; arms of a subset; phase 2a beside
    # a claimed 2b of the same size; "of whom" counts of a region
    "session26_verify.json",
)


@pytest.mark.parametrize("case", GUARDS_11 + GUARDS_12, ids=lambda c: c["name"])
def test_review_guards_for_verification(lexicon, case):
    # A reviewer's sources against session 11's verifier rules: timeline entries and notes are no
    # datelines; a later date of another event in the sentence is no other day of this one; an
    # estimate is loose only when no other count of the trial's size disagrees; "PHASE2PHASE3"
    # is 2/3; positive results expected, hoped for, conceded or in mice state no success.
    # Session 12's (session12c/d/e_verify.json): a plan in another clause ("…
    # will recruit a further 100 for an extension", "计划招募更多") leaves the count reported;
    # a planned trial is another only beside reported results with another phase stated, not
    # beside an earlier study without a phase, a range, an estimate or a broader label. A second
    # ("v4_…"): a launch in other words than the pattern's; a result sentence whose one date is
    # another event's ("which began enrolling in 2019"); a caption's or a cited paper's date as
    # the page's; "The FDA today approved", and other sentences' dates beside "today".
    # Session 13's (session13_verify.json): a page's date that is not its own (an update, an
    # editor's note, the filing's own date) beside a filing; a date clause that names a company's
    # or a news agency's country; "supported approval of", "the basis for the approval"; the
    # European Commission's approval still expected, an approval of a trial protocol; "trehalase",
    # "A myotrophic" a letter off a listed name.
    fields = {"therapy": "nurown", "type": "other", "status": "reported", **case["claim"]}
    source = Source(case["source"], CONVERTER, published=case.get("published"))
    result = verify_claim(claim(**fields), source, lexicon)
    assert result.verdict == case["verdict"], result.reason


@pytest.mark.parametrize(
    "stated_phase, verdict",
    [("Phase II/III", NOT_FOUND), ("Phase 2", NOT_FOUND), ("Phase 3", PARTIAL)],
)
def test_a_planned_trial_against_an_earlier_trial_of_another_size_and_phase(
    lexicon, stated_phase, verdict
):
    # The confirmatory trial still to come against the source's earlier trial: another size and
    # another phase label tell them apart; the same phase may be the same trial, counted later.
    text = (
        "Acme reports results for ibudilast in ALS. The double-blind "
        f"{stated_phase} study AB-10 in 394 ALS patients showed that ibudilast met the "
        "primary endpoint of slowing ALSFRS-R decline at week 48. The company plans to meet "
        "regulators next year to discuss the results and the filing."
    )
    result = verify_claim(
        claim(
            therapy="ibudilast", type="trial_design", phase="3", enrollment=495, status="planned"
        ),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


def test_a_planned_size_in_the_source_is_no_conflict_with_the_count_reported(lexicon):
    text = (
        "Ceftriaxone in ALS. A total of 600 eligible people with ALS will be enrolled in this "
        "phase 3 multi-center research study of ceftriaxone. Participants will be randomly "
        "assigned to receive ceftriaxone (2/3 of participants) or placebo (1/3 of participants)."
    )
    result = verify_claim(
        claim(therapy="ceftriaxone", type="trial_result", phase="3", enrollment=513),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == PARTIAL, result.reason
    # a reported count that differs still contradicts
    done = text.replace("will be enrolled in", "were enrolled in")
    result = verify_claim(
        claim(therapy="ceftriaxone", type="trial_result", phase="3", enrollment=513),
        Source(done, CONVERTER),
        lexicon,
    )
    assert result.verdict == CONTRADICTED, result.reason


def test_a_launch_claimed_where_the_source_states_only_the_approval_is_partial(lexicon):
    text = (
        "December 13, 1995\n\nThe FDA approved riluzole on Tuesday, the first drug for ALS "
        "approved anywhere. It will be on pharmacy shelves within six weeks, the company said."
        + ABOUT_ALS
    )
    launch = claim(therapy="riluzole", type="launch", date="1995-12")
    assert verify_claim(launch, Source(text, CONVERTER), lexicon).verdict == PARTIAL
    approval = claim(therapy="riluzole", type="approval", date="1995-12")
    assert verify_claim(approval, Source(text, CONVERTER), lexicon).verdict == SUPPORTED


@pytest.mark.parametrize("claimed, verdict", [("2023", CONTRADICTED), ("2024", SUPPORTED)])
def test_the_sentence_stating_the_result_dates_it(lexicon, claimed, verdict):
    text = (
        "Acme first announced that ibudilast failed the phase 3 COMBAT trial in March 2024, "
        "though the company did not reveal specific data from the trial then." + ABOUT_ALS
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_result", date=claimed, phase="3", outcome="missed"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == verdict, result.reason


def test_a_result_sentence_with_two_dates_is_no_conflict(lexicon):
    text = (
        "In 2024, Acme reported that ibudilast failed the phase 3 trial that began in 2019."
        + ABOUT_ALS
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_result", date="2023", phase="3", outcome="missed"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict != CONTRADICTED, result.reason


@pytest.mark.parametrize(
    "claimed, verdict", [("2025-08-15", PARTIAL), ("2025-07-01", CONTRADICTED)]
)
def test_an_event_made_known_today_may_be_a_few_days_old(lexicon, claimed, verdict):
    text = (
        "BEIJING, Aug. 18, 2025 /PRNewswire/ -- SineuGene announced today that China's NMPA has "
        "cleared the IND application of SNUG01 for ALS." + ABOUT_ALS
    )
    result = verify_claim(
        claim(therapy="snug01", type="trial_start", date=claimed), Source(text, CONVERTER), lexicon
    )
    assert result.verdict == verdict, result.reason


def test_a_records_glued_status_line_gives_its_phase_and_enrollment_key(lexicon):
    # A copy that glued the phase, status and type to the enrollment key; the record's own
    # field is the trial's size, not groups counted in its prose.
    text = (
        "A Dose-escalation Safety Trial of an Oral Drug in Amyotrophic Lateral Sclerosis\n\n"
        "PHASE2CompletedINTERVENTIONAL\nEnrollment\n\n36\n\nParticipants\n\n"
        "Start Date\n\nMarch 1, 2021\n\nPrimary Completion Date\n\nJune 1, 2023\n\n"
        "Study Completion Date\n\nJune 1, 2023\n\nConditions\nAmyotrophic Lateral Sclerosis\n"
        "Interventions\nDRUG\n\nibudilast\n\n"
        '"There will be four treatment groups of up to eight patients each, each group at '
        'a higher dose of ibudilast than the one before."'
    )
    result = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="2", enrollment=36),
        Source(text, CONVERTER),
        lexicon,
    )
    assert result.verdict == SUPPORTED, result.reason


def test_a_who_registry_records_fields_give_the_start_and_the_target_size(lexicon):
    text = (
        "Main ID: NCT09999999\nDate of registration: 03/05/2012\nPrimary sponsor: A hospital\n"
        "Public title: Ibudilast in amyotrophic lateral sclerosis\n"
        "Scientific title: A Phase I Study of Ibudilast in ALS Patients\n"
        "Date of first enrolment: December 2011 Target sample size: 18 Recruitment status: "
        "Completed\nStudy type: Interventional\nPhase: Phase 1\nCountries of recruitment: Italy\n"
        "Intervention(s): Drug: ibudilast" + ABOUT_ALS
    )
    for claimed, verdict in (("2011-12", SUPPORTED), ("2013-06", CONTRADICTED)):
        result = verify_claim(
            claim(therapy="ibudilast", type="trial_start", date=claimed, phase="1", enrollment=18),
            Source(text, CONVERTER),
            lexicon,
        )
        assert result.verdict == verdict, (claimed, result.reason)


def test_a_therapy_found_by_the_code_the_claims_own_words_give(lexicon):
    # The lexicon lists lenzumestrocel as Neuronata-R; the claim's row gives its product code,
    # which the record uses.
    text = (
        "Phase 1/Phase 2 Study Type Interventional Indication ALS Study Participants 72. "
        'The purpose of this study is to evaluate autologous bone marrow stem cells ("HYNR-CS '
        'inj"), given through intrathecal injection, in 72 patients with ALS.' + ABOUT_ALS
    )
    quoted = claim(
        therapy="lenzumestrocel",
        type="trial_design",
        phase="1/2",
        enrollment=72,
        quote="Autologous BM MSC (HYNR-CS inj) | IT | 2 M/kg | 72 | 2011 | 1,2",
    )
    assert verify_claim(quoted, Source(text, CONVERTER), lexicon).verdict == SUPPORTED
    # no code in the claim's words: the source still never names it
    bare = {**quoted, "quote": "Autologous BM MSC | IT | 2 M/kg | 72 | 2011 | 1,2"}
    assert verify_claim(bare, Source(text, CONVERTER), lexicon).verdict == NOT_FOUND


# --- session 13 ----------------------------------------------------------------


@pytest.mark.parametrize("case", review_guards("session13_japanese.json"), ids=lambda c: c["name"])
def test_a_japanese_source_never_gets_a_wrong_verdict(lexicon, case):
    # A reviewer's Japanese sources against a reader that rewrote the verdict's words into Chinese
    # (withdrawn): negation, plans and filings after the verb, era years, 国内/欧州/カナダ, a
    # side measure's "有意差はなかった", a combination's katakana name, フェーズ3. Until a reader
    # handles them, a Japanese source is `unavailable`, never a wrong verdict.
    fields = {"therapy": "edaravone", "type": "other", "status": "reported", **case["claim"]}
    source = Source(case["source"], CONVERTER, published=case.get("published"))
    result = verify_claim(claim(**fields), source, lexicon)
    assert result.verdict in (case["verdict"], UNAVAILABLE), result.reason


# --- session 14: a registry mirror's figures, a clearance's month and year ---------------------

MIRROR = """A Phase 2/3 Study of NurOwn in Patients With ALS

Study Status:

Not recruiting

Intervention Name:

NurOwn (MSC-NTF cells), Placebo

Clinicaltrials.gov ID:

NCT01234567

Estimated Study Start Date:

{start}

Total Enrollment

{size} participants
"""


@pytest.mark.parametrize(
    "start, fields, verdict",
    [
        # an estimate is no conflict (trials are delayed, records not updated)
        ("03 / 31 / 2007", {"date": "2006", "status": "reported"}, PARTIAL),
        # the figures are read in the page's order: month first where a day over 12 says so,
        # day first where a first number over 12 does
        ("03 / 31 / 2007", {"date": "2007-03-31", "status": "reported"}, SUPPORTED),
        ("31/03/2007", {"date": "2007-03-31", "status": "reported"}, SUPPORTED),
        # "01/03/2007" alone could be either: not read, no start field
        ("01/03/2007", {"date": "2007-01-03", "status": "reported"}, NOT_FOUND),
    ],
)
def test_a_mirrors_start_in_figures_in_the_pages_order(lexicon, start, fields, verdict):
    source = Source(MIRROR.format(start=start, size=300), CONVERTER)
    got = verify_claim(claim(type="trial_start", **fields), source, lexicon)
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize("year_month, verdict", [("2022-09", SUPPORTED), ("2022-10", CONTRADICTED)])
def test_a_wire_copys_weekday_dates_the_event_in_the_copys_week(lexicon, year_month, verdict):
    text = (
        "FDA Approves Acme's ALS Drug\n\n"
        "(Wire) - Acme said Thursday that the U.S. Food and Drug Administration has approved "
        "NurOwn for the treatment of adults with ALS.\n" + ABOUT_ALS
    )
    source = Source(text, CONVERTER, published="2022-09-29")  # the copy's date, from its page
    got = verify_claim(claim(type="approval", date=year_month), source, lexicon)
    assert got.verdict == verdict, got.reason


def test_a_deadline_is_no_date_of_an_event_told_as_done(lexicon):
    text = (
        "The FDA has agreed to review NurOwn.\n\nBrainStorm said Tuesday that U.S. regulators "
        "accepted its application for NurOwn, with an approval decision expected by Jan. 25.\n\n"
        + ABOUT_ALS
    )
    got = verify_claim(claim(type="submission", date="2022-07"), Source(text, CONVERTER), lexicon)
    assert got.verdict == PARTIAL, got.reason


# --- session 15: a trial told under way has started -------------------------------------------


@pytest.mark.parametrize(
    "sentence, verdicts",
    [
        # A trial that enrolled people, or treated its first ones, has started, as has one a
        # regulator approved: the claim of its start is stated, though not its month.
        ("NurOwn's Phase 2 trial, which enrolled 212 people with ALS, ended last year.", {PARTIAL}),
        (
            "The clinic has treated its first two patients in the Phase 2 trial of NurOwn.",
            {PARTIAL},
        ),
        (
            "Acme received approval from the FDA to conduct phase 2 clinical trials of NurOwn.",
            {PARTIAL},
        ),
        # a plan or a hope is no trial under way, nor an observational study's count
        (
            "Acme will enroll 212 people with ALS in a Phase 2 trial of NurOwn.",
            {NOT_FOUND, CONTRADICTED},
        ),
        ("Acme hopes NurOwn can be tested in people with ALS one day.", {NOT_FOUND, CONTRADICTED}),
        (
            "A post-marketing surveillance study, which enrolled 1,200 patients, followed NurOwn.",
            {NOT_FOUND, CONTRADICTED},
        ),
    ],
)
def test_a_trial_told_under_way_states_its_start(lexicon, sentence, verdicts):
    source = Source(f"{sentence}\n\n{ABOUT_ALS}", CONVERTER, published="2024-11-20")
    got = verify_claim(claim(type="trial_start", date="2023-05", phase="2"), source, lexicon)
    assert got.verdict in verdicts, got.reason


def test_a_trial_under_way_in_a_dated_release_is_not_dated_by_it(lexicon):
    # "treated its first two patients" in a release of 20 November: the trial had started by
    # then, on a day the release does not give; a start claimed in May is not contradicted.
    text = (
        "BOSTON, Nov. 20, 2024 /Wire/ -- Acme announced that the clinic treated its first two "
        "patients in the Phase 2 trial testing NurOwn in ALS.\n\n" + ABOUT_ALS
    )
    got = verify_claim(
        claim(type="trial_start", date="2024-05", phase="2"), Source(text, CONVERTER), lexicon
    )
    assert got.verdict == PARTIAL, got.reason


@pytest.mark.parametrize(
    "sentence, verdict",
    [
        # a developer ends the drug's development, programme or trial: its withdrawal
        (
            "Acme will discontinue development of NurOwn in ALS after the Phase 3 results.",
            SUPPORTED,
        ),
        ("Acme is discontinuing development of NurOwn in ALS.", SUPPORTED),
        ("NurOwn三期试验失败后，Acme决定终止该药的研发。", SUPPORTED),
        (
            "Acme is withdrawing its application with the U.S. FDA for approval of NurOwn.",
            SUPPORTED,
        ),
        # denied or only asked for
        ("Acme has no plans to discontinue development of NurOwn.", NOT_FOUND),
        ("Analysts urged Acme to discontinue development of NurOwn.", NOT_FOUND),
        # a study's end, a request, an efficacy word
        ("At the end of the study, NurOwn recipients had fewer falls.", NOT_FOUND),
        ("Patient groups asked the FDA to remove NurOwn from the market.", NOT_FOUND),
        ("NurOwn halted decline in the open-label study.", NOT_FOUND),
        # participants leaving a study, or the study drug stopped, end nothing of the drug's
        ("Five participants discontinued the study of NurOwn because of side effects.", NOT_FOUND),
        ("Patients who stopped the study drug NurOwn were followed for a year.", NOT_FOUND),
        (
            "Acme stopped NurOwn study drug dosing in two patients after infusion reactions.",
            NOT_FOUND,
        ),
    ],
)
def test_a_developer_ending_the_drugs_development_is_its_withdrawal(lexicon, sentence, verdict):
    source = Source(f"{sentence}\n\n{ABOUT_ALS}", CONVERTER)
    got = verify_claim(claim(type="withdrawal"), source, lexicon)
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize(
    "sentence, kind, verdict",
    [
        # a first dose, a withdrawn application, a trial cleared, in other words than the claim's
        ("The Phase 1/2 trial of NurOwn has started dosing, Acme announced.", "dosing", PARTIAL),
        ("Acme said dosing began in the Phase 1/2 trial of NurOwn.", "dosing", PARTIAL),
        (
            "Acme is withdrawing its application with the FDA for approval of NurOwn.",
            "withdrawal",
            PARTIAL,
        ),
        (
            "Acme received approval from the FDA to conduct phase one clinical trials of NurOwn.",
            "trial_start",
            PARTIAL,
        ),
        # dosing told as a schedule, a participant withdrawn, a trial of another disease
        ("NurOwn dosing was every two months in the Phase 1/2 trial.", "dosing", NOT_FOUND),
        ("Two patients withdrew from the NurOwn study before dosing.", "withdrawal", NOT_FOUND),
    ],
)
def test_events_in_other_words_state_the_claims_event(lexicon, sentence, kind, verdict):
    source = Source(f"{sentence}\n\n{ABOUT_ALS}", CONVERTER)
    got = verify_claim(claim(type=kind, date="2023-05"), source, lexicon)
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize("claimed, verdict", [("2009-01", SUPPORTED), ("2010-03", CONTRADICTED)])
def test_a_mirrors_start_date_field_dates_the_trials_start(lexicon, claimed, verdict):
    # a registry mirror in markdown: "- **Start date:** 2009-01" is the record's start field
    text = (
        "# Study of NurOwn in Volunteers With ALS\n\n"
        "- **NCT ID:** NCT01234567\n- **Phase:** PHASE2\n- **Status:** COMPLETED\n"
        "- **Start date:** 2009-01\n- **Primary completion:** 2009-10\n\n" + ABOUT_ALS
    )
    got = verify_claim(
        claim(type="trial_start", date=claimed, phase="2"), Source(text, CONVERTER), lexicon
    )
    assert got.verdict == verdict, got.reason


def test_a_plans_date_is_not_the_day_it_was_told(lexicon):
    # a release of 25 August telling a plan for September: its own date is no other date of the
    # plan (the claim, of the plan, is not contradicted)
    text = (
        "Aug. 25, 2021 (Wire) - Acme has received the first authorization to resume enrollment "
        "in the Phase 3 study of NurOwn in ALS. Acme expects to resume enrollment worldwide "
        "during the month of September.\n\n" + ABOUT_ALS
    )
    got = verify_claim(
        claim(type="other", date="2021-09", phase="3", status="planned"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict != CONTRADICTED, got.reason


# --- session 16: a measure is no count ----------------------------------------------------------


# (ABOUT_ALS has "one in ten")
ALS_NO_NUMBER = (
    "\nAmyotrophic lateral sclerosis is a progressive neurodegenerative disease that affects "
    "nerve cells in the brain and the spinal cord, and patients lose the ability to move, speak, "
    "eat and eventually breathe."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients in the NurOwn study will receive a daily dose of 10 mg/kg for 12 months.",
        "Patients in the NurOwn study will be followed for 10 weeks after the last dose.",
        "NurOwn研究的患者每日服用10毫克。",
    ],
)
def test_a_measure_is_no_count_of_the_trial(lexicon, sentence):
    # "10 mg/kg", "10 weeks", "10毫克": no trial of ten people
    got = verify_claim(
        claim(type="trial_design", enrollment=10),
        Source(f"{sentence}\n\n{ALS_NO_NUMBER}", CONVERTER),
        lexicon,
    )
    assert got.verdict != SUPPORTED, got.reason
    # ... while ten people are
    people = (
        sentence.replace("10 mg/kg", "10 mg/kg; 10 patients were enrolled")
        .replace("10 weeks", "10 weeks; 10 patients were enrolled")
        .replace("10毫克。", "10毫克，共入组10名患者。")
    )
    got = verify_claim(
        claim(type="trial_design", enrollment=10),
        Source(f"{people}\n\n{ALS_NO_NUMBER}", CONVERTER),
        lexicon,
    )
    assert got.verdict == SUPPORTED, got.reason


# --- session 17 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, value",
    [
        ("Actual Enrollment", "230 participants"),
        ("Enrollment", "230 patients"),
        ("Target sample size", "230"),
        ("Actual Enrollment", "230例"),
    ],
)
def test_a_records_enrollment_value_below_its_key_may_name_the_people(lexicon, key, value):
    # the value on the line below its key, with the people it counts, before the record's next
    # key: the record's enrollment
    record = (
        KEY_LINE_RECORD.format(key=key, n=value)
        .replace("- Age 18 - 80 years", "- Sex\n- All")
        # (finished: a recruiting record's unqualified enrollment is its plan, session 19)
        .replace("- RECRUITING", "- COMPLETED")
    )
    status = "planned" if key.startswith("Target") else "reported"
    other = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=150, status=status),
        Source(record, CONVERTER),
        lexicon,
    )
    same = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=230, status=status),
        Source(record, CONVERTER),
        lexicon,
    )
    assert other.verdict == CONTRADICTED, other.reason
    assert same.checks["enrollment"] == "found", same.reason


def test_the_patients_a_country_has_are_no_trials_size(lexicon):
    # a source about one therapy whose only other count is the disease's, not the trial's
    text = (
        "Acme said it has begun the phase 2 trial of ibudilast in ALS.\n\n"
        "About 30,000 ALS patients are in the U.S., according to Acme.\n" + ALS_NO_NUMBER + FILLER
    )
    got = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="2", enrollment=18),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict != CONTRADICTED, got.reason


@pytest.mark.parametrize(
    "stated, verdict", [("Sept. 29, 2022", CONTRADICTED), ("June 29, 2022", SUPPORTED)]
)
def test_a_pdufa_date_is_the_day_an_approval_is_due(lexicon, stated, verdict):
    # the day the FDA is to decide on the application: a planned approval's date
    text = (
        "The FDA extended its review of the new drug application for ibudilast in ALS. "
        f"According to the FDA, the Prescription Drug User Fee Act (PDUFA) goal date is {stated}."
        + ALS_NO_NUMBER
        + FILLER
    )
    got = verify_claim(
        claim(therapy="ibudilast", type="approval", date="2022-06-29", status="planned"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize(
    "sentence, verdict",
    [
        (
            "Acme announced that the first patient has been enrolled in its phase 3 trial of ibudilast.",
            CONTRADICTED,
        ),
        ("Acme said it plans to start its phase 3 trial of ibudilast later this year.", SUPPORTED),
    ],
)
def test_a_planned_start_against_a_start_done_is_contradicted(lexicon, sentence, verdict):
    # the guide: planned against done is another value of the claim's status
    got = verify_claim(
        claim(therapy="ibudilast", type="trial_start", phase="3", status="planned"),
        Source(sentence + ALS_NO_NUMBER + FILLER, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


def test_a_wire_copys_head_date_with_its_time_dates_its_weekday(lexicon):
    # a wire's head, "DATE, TIME (WIRE) -": "said Thursday" is a day of that week (a date and
    # time on a line of their own may be a webinar's or an update's: session 14b guards)
    year = "2022"
    text = (
        "FDA approves Acme's ALS drug\n\n"
        + "Sep. 29, 2022, 10:58 PM (RTTNews) - "
        + "Acme said Thursday that the U.S. Food and Drug Administration has approved ibudilast "
        "for the treatment of adults with ALS." + ALS_NO_NUMBER + FILLER
    )
    got = verify_claim(
        claim(therapy="ibudilast", type="approval", date=f"{year}-10"),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict == CONTRADICTED, got.reason


# --- session 18 --------------------------------------------------------------------------------
SUMMARY_MIRROR = (
    "Ibudilast in People With Amyotrophic Lateral Sclerosis\n"
    "NCT ID: NCT01234567\n"
    "Last Updated: 2024-04-02\n"
    "Study Results\n"
    "Basic Information\n"
    "Get a concise snapshot of the trial, including its status, phase and size.\n"
    "RECRUITING\n"
    "PHASE2\n"
    "75 participants\n"
    "INTERVENTIONAL\n"
    "Brief Summary\n"
    "This study tests ibudilast, taken by mouth, in adults with ALS.\n"
)


def test_a_record_mirrors_summary_block_states_its_phase_and_size(lexicon):
    # "NCT ID:" at its head and its values bare below: a record, whose bare phase line and
    # "N participants" under it are its trial's
    got = verify_claim(
        claim(therapy="ibudilast", type="trial_design", phase="2", enrollment=75),
        Source(SUMMARY_MIRROR, CONVERTER),
        lexicon,
    )
    assert got.verdict == SUPPORTED, got.reason


def test_a_record_mirrors_keyless_size_is_no_conflict(lexicon):
    # with no key to say whose it is, another size may be an earlier trial's: no contradiction
    got = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=34),
        Source(SUMMARY_MIRROR, CONVERTER),
        lexicon,
    )
    assert got.verdict != CONTRADICTED, got.reason


@pytest.mark.parametrize(
    "stated, verdict",
    [
        (
            "An expected 1200 patients will be screened in order to enroll a target sample size of 171 patients.",
            CONTRADICTED,
        ),
        ("Of 1200 patients screened, 171 patients were enrolled by March.", None),
    ],
)
def test_a_planned_size_against_the_sources_planned_size(lexicon, stated, verdict):
    # a plan against the source's own plan of another size disagrees; against a count of those
    # enrolled it does not (plans drift)
    text = (
        "The trial of lithium carbonate will be conducted in 15 sites across Europe. "
        + stated
        + " Patients will be randomly allocated in a 2:1 ratio to lithium carbonate or placebo.\n"
        + FILLER
    )
    got = verify_claim(
        claim(therapy="lithium", type="trial_design", enrollment=150, status="planned"),
        Source(text, CONVERTER),
        lexicon,
    )
    if verdict:
        assert got.verdict == verdict, got.reason
    else:
        assert got.verdict != CONTRADICTED, got.reason


@pytest.mark.parametrize(
    "claimed, verdict", [("2019-06-05", NOT_FOUND), ("2015-06-05", CONTRADICTED)]
)
def test_a_trial_event_years_from_the_sources_is_another_trial(lexicon, claimed, verdict):
    # the source clears an earlier trial in 2014: a kick-off five years on is another trial's, a
    # year off is the same trial misreported
    text = (
        "LA JOLLA, CA, USA | August 25, 2014 | Acme, Inc. today announced the FDA approval to "
        "initiate a clinical trial of ibudilast in amyotrophic lateral sclerosis (ALS). The trial "
        "is a randomized, double-blind, placebo-controlled study.\n" + FILLER
    )
    got = verify_claim(
        claim(therapy="ibudilast", type="trial_start", date=claimed),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize(
    "stated",
    [
        "The first participants have enrolled in the multisite clinical trial of ibudilast for ALS.",
        "The ACME-ALS trial has launched a fourth investigational arm to test ibudilast in ALS.",
    ],
)
def test_a_trial_start_in_other_words_is_stated(lexicon, stated):
    # the source states the start (without its date): the claim is partly supported, not absent
    got = verify_claim(
        claim(therapy="ibudilast", type="trial_start", date="2020-07"),
        Source(stated + "\n" + FILLER, CONVERTER),
        lexicon,
    )
    assert got.verdict == PARTIAL, got.reason


@pytest.mark.parametrize("stated, verdict", [("12月11日", CONTRADICTED), ("12月10日", SUPPORTED)])
def test_a_designations_day_in_an_undated_source(lexicon, stated, verdict):
    # a claim of a designation (type "other") against the day the source gives it, its year the
    # claim's in a source that names that year
    text = (
        f"{stated}，上海医药发布公告称，其子公司研发的SRD4610用于肌萎缩侧索硬化症(ALS)获得美国FDA"
        "孤儿药资格认定。该公司于2024年启动了SRD4610的临床研究。\n" + FILLER
    )
    got = verify_claim(
        claim(
            therapy="srd4610",
            type="other",
            date="2024-12-10",
            quote="12月10日，SRD4610获得美国FDA的孤儿药资格认定",
        ),
        Source(text, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize(
    "quote, verdict",
    [
        ("The study (NCT05039099) already is recruiting up to 63 adults with ALS", CONTRADICTED),
        ("The study (NCT05039099) has enrolled 63 adults with ALS", PARTIAL),
        # a ceiling of weeks, doses or courses is no planned size (session 19)
        ("The study (NCT05039099) has enrolled 63 adults, dosed for up to 48 weeks", PARTIAL),
        ("The study (NCT05039099) enrolled 63 patients given up to 8 doses each", PARTIAL),
        ("该研究(NCT05039099)已入组63名患者，最多给药6个疗程", PARTIAL),
        ("该研究(NCT05039099)最多招募63名患者", CONTRADICTED),
    ],
)
def test_a_size_the_quote_gives_as_a_ceiling_is_a_plan(lexicon, quote, verdict):
    # "recruiting up to 63" is a plan, which the record's planned 80 contradicts; an enrolled
    # count does not contradict an estimate made before enrollment
    record = (
        "A Study of Ibudilast in ALS\nNCT05039099\nPhase: Phase 2\nStatus: Enrolling\n"
        "Estimated Enrollment:\n\n80\n\nStudy Start Date:\n\n2021-09-01\n" + FILLER
    )
    got = verify_claim(
        claim(therapy="ibudilast", type="trial_design", enrollment=63, quote=quote),
        Source(record, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


# --- session 19 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status, verdict",
    [
        ("RECRUITING", CONTRADICTED),
        ("Not yet recruiting", CONTRADICTED),
        ("COMPLETED", PARTIAL),
        ("Active, not recruiting", PARTIAL),
    ],
)
def test_a_record_still_recruiting_gives_its_plan_as_its_enrollment(lexicon, status, verdict):
    # "Enrollment" / "40" in a record still recruiting is the plan, which a planned 15 (more
    # than a tenth off) contradicts; a finished record's count says nothing of a plan
    record = (
        "A Feasibility Study of Ibudilast in ALS\nStudy Type\nINTERVENTIONAL\nAllocation\nNA\n"
        f"Recruitment Status\n{status}\nEnrollment\n40\n" + FILLER
    )
    got = verify_claim(
        claim(
            therapy="ibudilast",
            type="trial_design",
            enrollment=15,
            status="planned",
            quote="Up to 15 adults with ALS will take ibudilast",
        ),
        Source(record, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize(
    "title, another",
    [
        (
            "A Phase 1, Randomized Study With an Open-Label Extension to Evaluate Ibudilast in ALS",
            False,
        ),
        ("A Phase 1 Study of Ibudilast Followed by an Open-Label Extension in ALS", False),
        ("An Open-Label Extension Study of Ibudilast in ALS", True),
    ],
)
def test_a_study_with_an_extension_is_the_main_study(lexicon, title, another):
    # "… Study With an Open-Label Extension to Evaluate …" names the main study, an extension
    # part after it; "An Open-Label Extension Study of …" is the extension's own record
    record = EXTENSION_RECORD.replace(
        "Study of Ibudilast Administered to Previously Treated Adults With ALS", title
    )
    result = verify_claim(
        claim(
            therapy="ibudilast",
            type="trial_design",
            phase="1",
            enrollment=106,
            quote="The phase 1 trial of ibudilast randomised 106 participants.",
        ),
        Source(record, CONVERTER),
        lexicon,
    )
    assert (result.verdict == NOT_FOUND and "extension study" in result.reason) == another, (
        result.reason
    )


@pytest.mark.parametrize(
    "field, verdict",
    [("Date Started: May 2009", SUPPORTED), ("Date Started: May 2010", CONTRADICTED)],
)
def test_a_listings_date_started_is_the_records_start(lexicon, field, verdict):
    record = (
        "Clinical Trial: A Feasibility Study of Ibudilast in ALS\n\nNCT ID: NCT01234567\n\n"
        f"Study Status: Recruiting\nStudy Type: Interventional\n\n{field}\n" + FILLER
    )
    got = verify_claim(
        claim(
            therapy="ibudilast",
            type="trial_start",
            date="2009",
            quote="The pilot trial of ibudilast, initiated in 2009",
        ),
        Source(record, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize(
    "source, verdict",
    [
        # a record's phase field of one stage: the claimed phase 3 part is not run
        (
            "A Study of Ibudilast in ALS\nStatus\nTerminated\nPhase\nPhase 2\nEnrollment\n84\n",
            CONTRADICTED,
        ),
        # another combination in a record's description
        (
            "A Study of Ibudilast in ALS\nStatus\nTerminated\nEnrollment\n84\n"
            "The open-label, multi-center Phase 1/2 study of ibudilast enrolled ALS patients.\n",
            CONTRADICTED,
        ),
        # ... but in a news page's prose, perhaps another trial's: neither confirmed nor denied
        (
            "The open-label, multi-center Phase 1/2 study of ibudilast enrolled ALS patients.\n",
            PARTIAL,
        ),
        # prose may name one stage of a 2/3 trial: neither confirmed nor denied
        ("Ibudilast slowed decline in a randomized phase 2 trial in ALS.\n", PARTIAL),
    ],
)
def test_a_combined_phase_against_another_combination_or_a_records_single_stage(
    lexicon, source, verdict
):
    got = verify_claim(
        claim(
            therapy="ibudilast",
            type="trial_design",
            phase="2/3",
            quote="the phase 2/3 trial of ibudilast",
        ),
        Source(source + FILLER, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize(
    "source, verdict",
    [
        (
            "Ibudilast, the third drug being tested in the LIGHTHOUSE platform, is well tolerated.\n",
            PARTIAL,
        ),
        (
            "Ibudilast is a drug once tested in mice, and researchers say they hope that it may "
            "one day help people who live with ALS and their families.\n",
            NOT_FOUND,
        ),
    ],
)
def test_a_drug_being_tested_in_a_trial_confirms_its_start_undated(lexicon, source, verdict):
    # "being tested in the … platform": the trial runs, so it started; the claim's month is not
    # stated
    got = verify_claim(
        claim(
            therapy="ibudilast",
            type="trial_start",
            date="2023-04",
            quote="A third drug, ibudilast, was added in April 2023",
        ),
        Source(source + FILLER, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


@pytest.mark.parametrize(
    "status, verdict", [("RECRUITING", CONTRADICTED), ("COMPLETED", SUPPORTED)]
)
def test_a_trial_claimed_completed_against_a_record_still_recruiting(lexicon, status, verdict):
    # "… and is now completed" against a record whose status says it still recruits: the source,
    # as it stands, disagrees
    record = KEY_LINE_RECORD.format(key="Actual Enrollment", n="120").replace(
        "- RECRUITING", f"- {status}"
    )
    got = verify_claim(
        claim(
            therapy="ibudilast",
            type="other",
            enrollment=120,
            quote="The trial of ibudilast (NCT09999998) enrolled 120 patients and is now completed",
        ),
        Source(record, CONVERTER),
        lexicon,
    )
    assert got.verdict == verdict, got.reason


# --- session 20 --------------------------------------------------------------------------------


def judge(lexicon, text, **fields):
    """The verdict on a claim of these fields against a source of this text."""
    return verify_claim(claim(**fields), Source(text, CONVERTER), lexicon)


def test_a_source_giving_the_trials_own_size_speaks_of_the_trial(lexicon):
    # a review table row with the claim's count (arms summed) states the trial, if not its
    # start: partial, not "never its trial_start"
    text = (
        "Table 2. Randomised trials in ALS\n\nIbudilast | United States and Canada | "
        "N = 84 (ibudilast: 40, placebo: 44) | ALSFRS-R slope\n" + ALS_NO_NUMBER + FILLER
    )
    got = judge(
        lexicon, text, therapy="ibudilast", type="trial_start", date="2009-01", enrollment=84
    )
    assert got.verdict == PARTIAL, got.reason
    # ... but a withdrawal is not shown by the trial's size
    got = judge(
        lexicon, text, therapy="ibudilast", type="withdrawal", enrollment=84, status="planned"
    )
    assert got.verdict != PARTIAL, got.reason


def test_another_phase_and_another_size_are_another_trial(lexicon):
    # a record's phase 2 of 70 against a claimed phase 2b/3 of 217: another trial of the drug
    # (not found), while one of the two wrong is the same trial misreported (contradicted)
    text = (
        "A Study of Ibudilast in ALS\nNCT01234567\nPhase: Phase 2\nStatus: Completed\n"
        "Actual Enrollment: 70\n" + ALS_NO_NUMBER + FILLER
    )
    two = judge(
        lexicon, text, therapy="ibudilast", type="trial_design", phase="2b/3", enrollment=217
    )
    assert two.verdict == NOT_FOUND, two.reason
    one = judge(lexicon, text, therapy="ibudilast", type="trial_design", phase="2", enrollment=217)
    assert one.verdict == CONTRADICTED, one.reason


def test_a_source_saying_the_drug_did_not_succeed_contradicts_success(lexicon):
    text = (
        "Acme said ibudilast did not succeed in slowing functional decline in its phase 2 trial."
        + ALS_NO_NUMBER
        + FILLER
    )
    got = judge(lexicon, text, therapy="ibudilast", type="trial_result", phase="2", outcome="met")
    assert got.verdict == CONTRADICTED, got.reason


def test_an_author_manuscript_is_dated_by_its_journal_citation(lexicon):
    # "Published in final edited form as: <journal> 2013 Mar 29;12(5)…" dates the paper (not
    # "available in PMC: 2014 May 1" above it)
    text = (
        "Author manuscript; available in PMC: 2014 May 1.\n"
        "Published in final edited form as: Lancet Neurol. 2013 Mar 29;12(5):435–442.\n\n"
        "A Phase I, Randomised, First-in-Human Study of ibudilast in ALS\n\n"
        "Abstract\n\nThe phase 1 study of ibudilast was well tolerated in patients with ALS."
        + ALS_NO_NUMBER
        + FILLER
    )
    got = judge(
        lexicon, text, therapy="ibudilast", type="trial_result", date="2013-03-29", phase="1"
    )
    assert got.verdict == SUPPORTED, got.reason


@pytest.mark.parametrize(
    "stated",
    [
        "The Human Research Ethics Committee (HREC) has approved the ibudilast clinical trial "
        "protocol.",
        "Acme received ethics approval for its phase 1 trial of ibudilast.",
        "伊布司特的1期临床试验已获伦理委员会批准。",
    ],
)
def test_an_ethics_committees_approval_states_the_trial_start(lexicon, stated):
    # the claim of an ethics approval (a trial_start) is stated by the committee's approval
    text = "Acme will proceed with a new Phase 1 trial of ibudilast in ALS. " + stated
    got = verify_claim(
        claim(therapy="ibudilast", type="trial_start", phase="1"),
        Source(text + ALS_NO_NUMBER + FILLER, CONVERTER),
        lexicon,
    )
    assert got.verdict == SUPPORTED, got.reason


def test_tolerability_contradicts_no_missed_benefit(lexicon):
    # "well tolerated" is a success of safety only: it does not contradict a claim that the
    # trial showed no benefit, which "did not find evidence of a clinical benefit" states
    text = (
        "The phase 2 trial of ibudilast did not find evidence of a clinical benefit in ALS. "
        "Overall, ibudilast was well tolerated, with mild side effects." + ALS_NO_NUMBER + FILLER
    )
    got = judge(lexicon, text, therapy="ibudilast", type="trial_result", outcome="missed")
    assert got.verdict == SUPPORTED, got.reason
    safe_only = "Overall, ibudilast was well tolerated in the phase 2 trial." + ALS_NO_NUMBER
    got = judge(
        lexicon, safe_only + FILLER, therapy="ibudilast", type="trial_result", outcome="missed"
    )
    assert got.verdict != CONTRADICTED, got.reason
    # ... and "no evidence of toxicity" is no failure
    from alsingest import patterns

    assert not patterns.OUTCOME_MISSED.search("we did not find evidence of toxicity")


# --- session 21 --------------------------------------------------------------------------------


def test_a_mirrors_study_participants_field_is_the_records_enrollment(lexicon):
    # "• Study Participants" / "337" on a record mirror: the record's size, against the claim's
    text = (
        "Tauroursodeoxycholic acid in ALS\nNCT09999998\n  • Status\n\n    Completed\n"
        "  • Study Participants\n\n    337\n"
        "This is a Phase III, randomized, placebo-controlled study of ibudilast in ALS.\n"
        + ALS_NO_NUMBER
        + FILLER
    )
    other = judge(
        lexicon, text, therapy="ibudilast", type="trial_design", phase="3", enrollment=334
    )
    same = judge(lexicon, text, therapy="ibudilast", type="trial_design", phase="3", enrollment=337)
    assert other.verdict == CONTRADICTED, other.reason
    assert same.verdict == SUPPORTED, same.reason


def test_a_plan_told_as_the_count_is_contradicted_by_the_actual_size(lexicon):
    # "consisted of 555 patients" against "was expected to enroll 555 … approximately 460 had
    # been randomly assigned": the plan told as the count; the plan of a plan is still found
    text = (
        "The randomized, placebo-controlled trial of ibudilast was expected to enroll 555 "
        "patients with ALS. At the interim analysis, approximately 460 patients had been "
        "randomly assigned to ibudilast or placebo.\n" + ALS_NO_NUMBER + FILLER
    )
    done = judge(lexicon, text, therapy="ibudilast", type="trial_design", enrollment=555)
    assert done.verdict == CONTRADICTED, done.reason
    plan = judge(
        lexicon, text, therapy="ibudilast", type="trial_design", enrollment=555, status="planned"
    )
    assert plan.verdict != CONTRADICTED, plan.reason
    # ... and with no actual size stated, the plan still speaks for the count
    alone = text.split(" At the interim")[0] + "\n" + ALS_NO_NUMBER + FILLER
    got = judge(lexicon, alone, therapy="ibudilast", type="trial_design", enrollment=555)
    assert got.verdict != CONTRADICTED, got.reason


def test_a_day_listed_before_another_takes_their_shared_year(lexicon):
    text = (
        "Two Canadians with ALS received the ibudilast implant in a trial. The surgeries "
        "happened on Aug. 27 and Sept. 3, 2025, at a Toronto hospital.\n" + ALS_NO_NUMBER + FILLER
    )
    got = judge(lexicon, text, therapy="ibudilast", type="dosing", date="2025-08-27")
    assert got.checks.get("date") == "found", got.reason


def test_a_study_in_healthy_volunteers_is_another_trial(lexicon):
    # a record titled "… in Healthy Adults" against a claimed phase 2 in ALS patients: not found,
    # not a contradiction of the phase; a plan "in healthy volunteers" in prose is no such title
    text = (
        "MedPath\n\nSafety, Tolerability, and Pharmacokinetics of Ibudilast Granules in Healthy "
        "Adults\n\nPhase 1\nConditions\nAmyotrophic Lateral Sclerosis (ALS)\nRegistration Number\n"
        "NCT06782958\n" + ALS_NO_NUMBER + FILLER
    )
    got = judge(lexicon, text, therapy="ibudilast", type="trial_design", phase="2")
    assert got.verdict == NOT_FOUND, got.reason
    text = (
        "Ibudilast was well tolerated in a phase 1 study of people with ALS. The company plans "
        "a study in healthy volunteers in 2025.\n" + ALS_NO_NUMBER + FILLER
    )
    got = judge(lexicon, text, therapy="ibudilast", type="trial_design", phase="2")
    assert got.verdict == CONTRADICTED, got.reason


def test_a_record_of_the_drug_in_myotonic_dystrophy_is_of_another_disease(lexicon):
    text = (
        "Public title: A clinical trial of ibudilast as treatment for adults with myotonic "
        "dystrophy.\nTarget sample size: 16\nPhase: Phase 2\nCountries of recruitment: United "
        "Kingdom\nContacts: general enquiries at the sponsor's office, by telephone or by email, "
        "on working days.\n"
    )
    got = judge(lexicon, text, therapy="ibudilast", type="trial_design", enrollment=98)
    assert got.verdict == NOT_FOUND and "another disease" in got.reason, got.reason


# --- session 22 --------------------------------------------------------------------------------


def test_a_protocol_naming_the_trial_with_its_phase_speaks_of_the_trial(lexicon):
    # a published protocol of "a phase I/IIa trial of ibudilast" against a claimed start date
    # the protocol does not give: the trial, without its date (partial), not another matter; a
    # page that names the drug with another phase's trial is still silent on this one's start
    text = (
        "Ibudilast for ALS: protocol for a randomized, double-blind, placebo-controlled phase "
        "I/IIa clinical trial (IBU-ALS trial).\nTwenty patients will be recruited.\n"
        + ALS_NO_NUMBER
        + FILLER
    )
    fields = dict(therapy="ibudilast", type="trial_start", date="2018-12", phase="1/2a")
    got = judge(lexicon, text, **fields)
    assert got.verdict == PARTIAL, got.reason
    other = text.replace("phase I/IIa", "phase III")
    got = judge(lexicon, other, **fields)
    assert got.verdict != PARTIAL or got.checks.get("phase") != "found", got.reason
    # ... and a source on the trial's resumption tells a later event than its start
    resumed = text.replace(
        "Twenty patients will be recruited.", "The FDA authorized the sponsor to resume enrollment."
    )
    got = judge(lexicon, resumed, **fields)
    assert got.verdict == NOT_FOUND, got.reason


def test_those_of_the_screened_who_were_enrolled_are_the_trials_size(lexicon):
    # "287 patients were screened, 245 of whom were enrolled": 245, against a claimed 231
    text = (
        "In the phase 3 trial of arimoclomol, 287 patients were screened, 245 of whom were "
        "enrolled in the trial and randomly assigned to arimoclomol or placebo.\n" + ALS_NO_NUMBER
    )
    got = judge(
        lexicon, text, therapy="arimoclomol", type="trial_design", phase="3", enrollment=231
    )
    assert got.verdict == CONTRADICTED, got.reason
    got = judge(
        lexicon, text, therapy="arimoclomol", type="trial_design", phase="3", enrollment=245
    )
    assert got.verdict == SUPPORTED, got.reason


# --- session 23 --------------------------------------------------------------------------------


def test_a_trials_clearance_is_dated_by_the_leave_not_the_first_patient(lexicon):
    # a claim that "the FDA has now approved a clinical trial" in November 2025, against a source
    # that gives the leave in November 2025 and the first patients in 2026: supported
    text = (
        "Neurovia received FDA Investigational Device Exemption (IDE) approval for the Voice-One "
        "Feasibility Study in November 2025. The implant enters human trials in Q1 2026 at three "
        "clinical sites.\n" + ALS_NO_NUMBER
    )
    quote = "the US Food and Drug Administration (FDA) has now approved a long-term clinical trial"
    fields = dict(therapy="neurovia", unlisted=True, type="trial_start", date="2025-11")
    got = judge(lexicon, text, quote=quote, **fields)
    assert got.verdict == SUPPORTED, got.reason
    # ... a claim of the first patients' start is still read against the start
    got = judge(lexicon, text, quote="Neurovia's trial began in November 2025", **fields)
    assert got.verdict == CONTRADICTED, got.reason


def test_a_claim_dated_by_the_paper_it_cites_is_dated_by_that_papers_record(lexicon):
    # "… in 15 patients (Tanaka K, 2018)": the claim's year is the cited paper's; its record (the
    # author named, "Published in: … 2018-03") states it
    text = (
        "A Phase I Trial of Intrathecal QX-117 in Subjects With Amyotrophic Lateral Sclerosis\n\n"
        "Growth factors protect motor neurons. They slow the disease in mice. Full description. "
        "Saved in: Bibliographic Details.\n\n"
        "Published in:Journal of Neurology 2018-03, Vol.5, p.1-9\nMain Authors: Tanaka, Ken\n\n"
        "Format: Article. Language: English. Subjects: none. Online Access: full text.\n\n"
        "We conducted a first-in-human phase I trial of intrathecal QX-117 in 15 patients with "
        "amyotrophic lateral sclerosis.\n"
    )
    quote = "We conducted a phase I trial of QX-117 in 15 patients with ALS (Tanaka K, 2018)"
    fields = dict(therapy="qx117", unlisted=True, phase="1", enrollment=15)
    assert judge(lexicon, text, quote=quote, date="2018", **fields).verdict == SUPPORTED
    # another year than the paper's, or another author: not stated
    assert (
        judge(lexicon, text, quote=quote.replace("2018", "2019"), date="2019", **fields).verdict
        != SUPPORTED
    )
    other = quote.replace("Tanaka K", "Sato Y")
    assert judge(lexicon, text, quote=other, date="2018", **fields).verdict != SUPPORTED


def test_a_lifted_clinical_hold_must_be_stated_by_the_source(lexicon):
    quote = "The FDA has lifted the clinical hold on the Phase 1 trial of QX-117"
    fields = dict(therapy="qx117", unlisted=True, type="other", phase="1", quote=quote)
    dosed = (
        "QX-117's first participant was dosed in the Phase 1 trial in Canada. The trial will "
        "enroll people with ALS.\n" + ALS_NO_NUMBER
    )
    assert judge(lexicon, dosed, **fields).verdict == NOT_FOUND
    lifted = "The FDA lifted the clinical hold on the Phase 1 trial of QX-117.\n" + ALS_NO_NUMBER
    assert judge(lexicon, lifted, **fields).verdict == SUPPORTED


def test_a_trial_the_source_names_with_the_drug_speaks_of_it_far_from_its_name(lexicon):
    # the result told of the trial alone, its drug named with it four sentences later
    text = (
        "QX Therapeutics announced that the global Phase 2 placebo-controlled HARBOR study did "
        "not meet its primary endpoint. Statistical significance was not achieved. Secondary "
        "endpoints were not met either. The company thanked the patients and their families. "
        "QX-117 was shown to be safe and well tolerated in the HARBOR trial.\n" + ALS_NO_NUMBER
    )
    quote = "QX-117 failed to meet its main goals in the phase 3 trial"
    fields = dict(therapy="qx117", unlisted=True, type="trial_result", outcome="missed")
    assert judge(lexicon, text, quote=quote, phase="3", **fields).verdict == CONTRADICTED
    assert judge(lexicon, text, quote=quote, phase="2", **fields).verdict == SUPPORTED


@pytest.mark.parametrize(
    "source",
    [
        "The FDA has removed the hold on its Phase 1 LUMINA trial of QX-117.",
        "The FDA lifted its hold on the Phase 1 trial of QX-117 in March.",
        "FDA已解除对QX-117一期试验的暂停。",
    ],
)
def test_a_hold_told_in_other_words_is_the_clinical_hold(lexicon, source):
    # a review of session 24: the source's own words for the hold
    quote = "The FDA has lifted the clinical hold on the Phase 1 trial of QX-117"
    fields = dict(therapy="qx117", unlisted=True, type="other", quote=quote)
    assert judge(lexicon, source + "\n" + ALS_NO_NUMBER, **fields).verdict != NOT_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "A phase 2 trial of ibudilast enrolled 40 adults hospitalised with COVID-19 pneumonia. "
        "Ibudilast was given for 28 days and the trial ended in 2021.",
        "Ibudilast delivered by an encapsulated cell implant was tested in a phase 2 trial of 65 "
        "people with retinitis pigmentosa; visual acuity did not change.",
    ],
)
def test_a_source_about_a_pandemics_or_an_eye_diseases_trial_is_of_another_disease(lexicon, text):
    # dev19 pairs: IC14 in a COVID-19 trial, CNTF implants for retinitis pigmentosa, where the
    # claim is of the drug's ALS trial
    got = judge(lexicon, text * 2, therapy="ibudilast", type="trial_design", phase="1")
    assert got.verdict == NOT_FOUND, got.reason


def test_a_count_is_the_sum_of_arms_each_told_with_its_own_verb(lexicon):
    # dev19 pairs: "29 patients with amyotrophic lateral sclerosis randomly assigned to nabiximols,
    # which contains …, and 30 patients assigned to placebo" is 59
    text = (
        "The phase II trial showed a difference between 41 patients with amyotrophic lateral "
        "sclerosis randomly assigned to ibudilast, which is taken by mouth twice a day, and 20 "
        "patients assigned to placebo. "
    )
    got = judge(
        lexicon, text * 2, therapy="ibudilast", type="trial_design", phase="2", enrollment=61
    )
    assert got.verdict == SUPPORTED, got.reason


def test_a_trial_the_pandemic_halted_is_no_trial_of_another_disease(lexicon):
    # dev9 pairs: a page on AstroRx that names no disease but its scale, where a cohort "was
    # discontinued because of COVID-19 pandemic challenges"
    text = (
        "There has been a single phase 1 open label trial of ibudilast in 10 participants. "
        "A third cohort was discontinued because of COVID-19 pandemic challenges. "
        "Secondary outcomes included the ALSFRS-R. "
    )
    got = judge(
        lexicon, text * 2, therapy="ibudilast", type="trial_design", phase="1", enrollment=10
    )
    assert got.verdict == SUPPORTED, got.reason
