"""Claim extraction: pattern families in both scripts, binding, linking rules, provenance."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alsingest.claims import find_enrollment, normalize_phase, parse_count
from alsingest.normalize import TRADITIONAL, Converter, fold
from alsingest.pipeline import process_article
from alsingest.readers import SourceText

CONVERTER = Converter()


def article(text, name="t.txt"):
    return SourceText(
        name=name, path=name, text=text, encoding="utf-8", content_hash=str(hash(text))
    )


def claims_of(toolkit, text, name="t.txt"):
    return process_article(article(text, name), toolkit).claims


def facts(claims):
    return sorted((c.therapy, c.date, c.phase, c.enrollment, c.refs) for c in claims)


def view(text):
    return fold(CONVERTER.to_simplified(text, TRADITIONAL))


@pytest.mark.parametrize(
    "text, phase",
    [
        ("I期", "1"),
        ("I/IIa期", "1/2a"),
        ("3b期", "3b"),
        ("III期", "3"),
        ("Ⅲ期", "3"),
        ("II 期", "2"),
        ("Phase 3b", "3b"),
        ("phase IIIb", "3b"),
        ("Phase 1/2", "1/2"),
        ("Phase I/IIa", "1/2a"),
        ("三期", "3"),
    ],
)
def test_normalize_phase(text, phase):
    assert normalize_phase(text.replace("期", "").replace("Phase", "").strip()) == phase


@pytest.mark.parametrize(
    "text, n",
    [
        ("一项规模约200人的双盲试验", 200),
        ("計劃招募106名早期患者", 106),
        ("纳入 513 例 ALS 患者", 513),
        ("纳入总数超过 1 000 例患者", 1000),
        ("累積入組患者超過 2 000 例", 2000),
        ("16 例患者为治疗组;28 例患者为对照组", 44),
        ("共纳入 206 例患者,其中安慰剂组 104 例,依达拉奉组 102 例", 206),
        ("参与者是一名67岁的患者", 1),
        ("| III期 | 196人 | 鞘内注射 |", 196),
        ("The trial enrolled 664 participants", 664),
        ("a randomized study (n=108)", 108),
    ],
)
def test_enrollment_counts(text, n):
    found = find_enrollment(view(text))
    assert found is not None and found.value == n


@pytest.mark.parametrize(
    "text",
    [
        "对照组有 8 例 (28.57%) 患者病死",
        "5名患者在5年随访中仍存活",
        "超过 60 种药物",
        "有数十项临床试验",
        "3至5年",
    ],
)
def test_counts_that_are_not_enrollment(text):
    assert find_enrollment(view(text)) is None


@pytest.mark.parametrize(
    "text, n", [("1 000", 1000), ("1,000", 1000), ("一", 1), ("两", 2), ("42", 42)]
)
def test_parse_count(text, n):
    assert parse_count(text) == n


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_dated_approval_with_its_marker(toolkit, script):
    text = "2025年6月,创新药物托夫生注射液正式在中国获批上市。[1]\n参考资料:\n[1]https://example.com/a?utm_source=x"
    if script == "traditional":
        text = "2025年6月,創新藥物托夫生注射液正式在中國獲批上市。[1]\n參考資料:\n[1]https://example.com/a?utm_source=x"
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.type, claim.date, claim.date_text) == (
        "tofersen",
        "approval",
        "2025-06",
        "2025年6月",
    )
    assert claim.refs == (1,) and claim.ref_urls == ("https://example.com/a?utm_source=x",)


def test_marker_at_paragraph_end_cites_every_claim_of_the_paragraph(toolkit):
    text = (
        "根据设计,NurOwn的一项规模约200人的双盲3b期试验即将启动。该试验分为两部分,A部分24周。"
        "这一设计旨在提供关键证据。[3]\n参考资料:\n[3]https://example.com/3"
    )
    claims = claims_of(toolkit, text)
    assert claims and all(c.refs == (3,) for c in claims)
    assert {(c.phase, c.enrollment, c.status) for c in claims} >= {("3b", 200, "planned")}


def test_heading_like_paragraph_takes_the_marker_of_the_paragraph_it_introduces(toolkit):
    text = (
        "Neuronata-R的III期结果:2025年5月,公司宣布Neuronata-R在III期试验中达到主要终点。\n"
        "数据显示,该疗法显著改善患者功能评分。[4]\n参考资料:\n[4]https://example.com/4"
    )
    claims = claims_of(toolkit, text)
    assert {c.refs for c in claims} == {(4,)}
    assert ("lenzumestrocel", "2025-05") in {(c.therapy, c.date) for c in claims}


def test_a_marker_cites_its_sentence_not_the_next_paragraph(toolkit):
    text = (
        "2025年7月,Nipro正在开展一项STR03的II期临床试验。[7]\n"
        "这项研究采用双盲设计,计划招募106名患者。\n参考资料:\n[7]https://example.com/7"
    )
    claims = claims_of(toolkit, text)
    by_enrollment = {c.enrollment: c.refs for c in claims}
    assert by_enrollment[106] == ()
    assert any(c.refs == (7,) and c.date == "2025-07" for c in claims)


def test_a_marker_right_after_a_therapy_cites_that_therapy_only(toolkit):
    text = "其中脑源性神经营养因子 [36]、亲胆碱能神经元因子 [37]和胰岛素样生长因子 1[38] 的大规模临床研究均宣告失败。"
    assert sorted((c.therapy, c.refs) for c in claims_of(toolkit, text)) == [
        ("bdnf", (36,)),
        ("cntf", (37,)),
        ("mecasermin", (38,)),
    ]


def test_author_year_citation_gives_ref_and_date(toolkit):
    text = "Bensimon 等 [9](1994) 进行了首项利鲁唑的临床研究,发现利鲁唑可延长患者的生存时间。"
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.date, claim.refs) == ("riluzole", "1994", (9,))


def test_no_link_is_invented(toolkit):
    text = "托夫生于2023年4月获批上市[。另一项 [a] 研究。依达拉奉的3期试验失败 [99]。"
    claims = claims_of(toolkit, text)
    assert {c.therapy: c.refs for c in claims} == {"tofersen": (), "edaravone": (99,)}
    assert all(c.ref_urls == () for c in claims)


def test_passing_mentions_without_facts_are_not_claims(toolkit):
    text = "利鲁唑和依达拉奉是常用药物。呼吸支持和营养管理同样重要。干细胞疗法仍在探索。"
    assert claims_of(toolkit, text) == []


def test_class_next_to_a_product_is_a_description(toolkit):
    text = "2025年4月,公司为其自体间充质干细胞疗法NurOwn向FDA提交了3b期试验申请。"
    assert {c.therapy for c in claims_of(toolkit, text)} == {"nurown"}


def test_background_and_comparison_drugs_are_not_the_subject(toolkit):
    text = "一项3期临床试验在利鲁唑治疗基础上加用马赛替尼,共纳入 382 例患者。"
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib"}
    text = "与 TCH346 一样,扎利罗登在动物模型中也延缓了疾病进程。"
    assert {c.therapy for c in claims_of(toolkit, text)} == {"xaliproden"}


def test_anaphora_takes_the_therapy_of_the_previous_sentence(toolkit):
    text = "2025年,XS228细胞注射液获得FDA批准开展临床试验。同年9月,该药物完成全球首例受试者给药。"
    claims = claims_of(toolkit, text)
    assert {(c.therapy, c.date, c.type) for c in claims} == {
        ("xs228", "2025", "trial_start"),
        ("xs228", "2025-09", "dosing"),
    }


def test_titles_are_not_claims(toolkit):
    text = "2024年12月27日,研究团队发表了《间充质干细胞治疗ALS的3期试验综述》。"
    assert claims_of(toolkit, text) == []


def test_table_rows_take_the_therapy_of_their_caption(toolkit):
    text = (
        "下表汇总了间充质干细胞治疗渐冻症的临床试验。\n| 研究阶段 | 入组人数 | 结果 |\n|---|---|---|\n"
        "| I期 | 15人 | 病情进展减缓 |\n| III期 | 196人 | 安全性可控 |"
    )
    assert facts(claims_of(toolkit, text)) == [
        ("msc", None, "1", 15, ()),
        ("msc", None, "3", 196, ()),
    ]


def test_english_press_release(toolkit):
    text = (
        "On April 25, 2023, the FDA granted accelerated approval to Qalsody (tofersen) for SOD1-ALS [1]. "
        "The Phase 3 VALOR trial enrolled 108 participants and did not meet its primary endpoint [2].\n"
        "References\n[1] https://example.com/1\n[2] https://example.com/2"
    )
    got = {
        (c.therapy, c.date, c.phase, c.enrollment, c.refs, c.outcome)
        for c in claims_of(toolkit, text)
    }
    assert ("tofersen", "2023-04-25", None, None, (1,), None) in got
    assert ("tofersen", None, "3", 108, (2,), "missed_primary") in got


def test_unlisted_code_names_are_extracted_and_marked(toolkit):
    text = "2024年5月,QRL-201的I期临床试验完成首例受试者给药。SOD1 和 TDP-43 是靶点。"
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.unlisted, claim.phase, claim.date) == (
        "qrl201",
        True,
        "1",
        "2024-05",
    )


def test_withdrawal_without_a_date(toolkit):
    text = "抗氧化疗法：如 Relyvrio（Amx0035，已下市）和 Pridopidine（普替尼）。"
    assert [(c.therapy, c.type) for c in claims_of(toolkit, text)] == [("amx0035", "withdrawal")]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_quote_is_an_exact_substring_of_its_article(toolkit, seed_text, prefix):
    text = seed_text(prefix)
    claims = claims_of(toolkit, text, name=f"{prefix}.txt")
    assert claims
    for claim in claims:
        quote = text[claim.start : claim.end]
        assert quote and quote in text and len(quote) <= 130


def test_claim_ids_are_identical_on_every_run(toolkit, seed_text):
    text = seed_text("000")
    first = [c.claim_id for c in claims_of(toolkit, text, "000.txt")]
    second = [c.claim_id for c in claims_of(toolkit, text, "000.txt")]
    assert first == second and len(set(first)) == len(first)


def test_claim_ids_survive_an_edit_elsewhere_in_the_article(toolkit, seed_text):
    text = seed_text("000")
    before = {c.claim_id for c in claims_of(toolkit, text, "000.txt")}
    after = {c.claim_id for c in claims_of(toolkit, "前言一句。\n" + text, "000.txt")}
    assert before == after


@pytest.mark.parametrize(
    "text", ["", "没有任何声明的文章。", "[", "[99]", "[a]", "2025年13月托夫生获批上市。"]
)
def test_odd_input_does_not_crash_or_invent(toolkit, text):
    for claim in claims_of(toolkit, text or "空"):
        assert claim.date is None or claim.date.startswith("20")
        assert claim.ref_urls == ()


def test_statements_about_many_trials_do_not_take_the_previous_therapy(toolkit):
    text = (
        "马赛替尼的3期研究预计招募495名患者。研究人员指出,过去十年间已有超过50项药物试验宣告失败。"
    )
    assert {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)} == {("masitinib", 495)}


def test_taiwanese_approval_word_and_anaphora(toolkit):
    text = "托夫生於2023年獲FDA加速批准。2024年,台灣食藥署亦核准該藥。"
    got = {(c.therapy, c.date, c.type) for c in claims_of(toolkit, text)}
    assert got == {("tofersen", "2023", "approval"), ("tofersen", "2024", "approval")}


def test_approval_to_start_a_trial_is_a_trial_start(toolkit):
    text = "2022年12月,国家药监局批准依达拉奉右莰醇舌下片开展治疗ALS的II期临床研究。"
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.type, claim.phase) == ("edaravone-dexborneol", "trial_start", "2")


def test_unresolvable_relative_date_is_kept_as_written(toolkit):
    text = "某公司的ABC-123注射液有望于明年提交上市申请。"
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.unlisted, claim.date, claim.date_text, claim.status) == (
        "abc123",
        True,
        None,
        "明年",
        "planned",
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "CNM-Au8 showed a 60% reduction in the risk of death in a Phase 2 study of 45 participants.",
            ("cnmau8", "2", 45, "met"),
        ),
        (
            "Verdiperstat failed to meet its primary endpoint in September 2022.",
            ("verdiperstat", None, None, "missed_primary"),
        ),
    ],
)
def test_english_outcomes_and_sizes(toolkit, text, expected):
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.phase, claim.enrollment, claim.outcome) == expected


def test_a_later_paragraph_takes_the_earlier_therapy_only_when_it_goes_on_about_it(toolkit):
    carried = "托夫生于2023年4月获FDA加速批准上市。\n另一段。\n该药的3期VALOR研究纳入108例患者。"
    assert ("tofersen", 108) in {(c.therapy, c.enrollment) for c in claims_of(toolkit, carried)}
    two_away = "NurOwn的3期试验于2020年11月宣布失败。\n另一段。\nThe platform enrolls 160 participants per regimen."
    assert {c.enrollment for c in claims_of(toolkit, two_away)} == {None}
    many = (
        "NurOwn的3期试验于2020年11月宣布失败。\n"
        "Launched in 2020, the HEALEY platform evaluates several investigational drugs with 160 participants each."
    )
    assert {c.enrollment for c in claims_of(toolkit, many)} == {None}


def test_quoted_speech_does_not_take_the_previous_therapy(toolkit):
    text = "医生表示利鲁唑和依达拉奉是基础用药。“规范的多学科管理才是延长患者生存的关键。”[12]"
    assert claims_of(toolkit, text) == []


@pytest.mark.parametrize(
    "text, phase", [("在第3期VALOR臨床試驗中,該藥未達到主要終點", "3"), ("第三期试验失败", "3")]
)
def test_ordinal_phases_of_taiwan_usage(toolkit, text, phase):
    claims = claims_of(toolkit, "托夫生于2023年获批。" + text)
    assert phase in {c.phase for c in claims}


def test_journal_issue_numbers_are_not_phases(toolkit):
    assert all(
        c.phase is None
        for c in claims_of(
            toolkit, "《中华神经科杂志》2024 年 第 32 卷 第 3 期报道托夫生于2023年获批。"
        )
    )


def test_one_date_for_a_group_of_therapies_only_when_it_is_unambiguous(toolkit):
    text = "The regimens (zilucoplan, verdiperstat and pridopidine) all missed the primary endpoint. Topline results were reported in 2022 and 2023."
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"zilucoplan", "verdiperstat", "pridopidine"}
    assert {c.date for c in claims} == {None}


@pytest.mark.parametrize(
    "text, outcome",
    [
        ("Neuronata-R在III期临床试验中达到主要终点。", "met_primary"),
        ("Neuronata-R盡管未在所有入組患者中達到主要終點,但亞組獲益。", "missed_primary"),
        ("NurOwn's Phase 3 trial did not meet its primary endpoint.", "missed_primary"),
        ("马赛替尼显著延长了小鼠的生存时间。", "met"),
        ("他仑帕奈的临床研究也宣告失败。", "missed"),
    ],
)
def test_outcome_polarity_and_primary_endpoint(toolkit, text, outcome):
    assert {c.outcome for c in claims_of(toolkit, text)} == {outcome}


def test_a_submission_that_names_an_ind_is_a_submission(toolkit):
    text = "NurOwn的3b期试验布局:2025年4月,BrainStorm为NurOwn向FDA提交了新药临床试验(IND)修正案。"
    assert {c.type for c in claims_of(toolkit, text)} == {"submission"}


def test_a_list_that_starts_inside_a_clause_is_one_subject(toolkit):
    text = "The HEALEY trial tested zilucoplan, verdiperstat, CNM-Au8 and pridopidine in regimens of roughly 160 participants each; none met its primary endpoint."
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"zilucoplan", "verdiperstat", "cnmau8", "pridopidine"}
    assert {c.enrollment for c in claims} == {160} and {c.outcome for c in claims} == {
        "missed_primary"
    }


def test_a_section_headed_by_a_therapy_stays_about_it(toolkit):
    text = (
        "【四、超大剂量甲钴胺】\n甲钴胺大家都不陌生。\n"
        "德岛大学团队牵头的III期试验JETALS纳入130名患者,结果于2022年发表。"
    )
    assert ("mecobalamin", "3", 130, "2022") in {
        (c.therapy, c.phase, c.enrollment, c.date) for c in claims_of(toolkit, text)
    }


def test_the_next_paragraph_goes_on_with_the_subject(toolkit):
    text = "FDA於2023年4月批准Tofersen。\n支持審批的第三期VALOR研究有108名病人參與。"
    assert ("tofersen", "3", 108) in {
        (c.therapy, c.phase, c.enrollment) for c in claims_of(toolkit, text)
    }


def test_people_taking_part_count_as_enrollment(toolkit):
    text = "Relyvrio於2022年9月憑一項僅137人參與的第二期研究數據獲FDA批准。"
    assert {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)} == {("amx0035", 137)}


def test_two_phases_of_one_therapy_in_one_sentence(toolkit):
    text = "NurOwn早前的第三期研究未能達到主要終點,公司計劃再開展一項約200人的第3b期研究。"
    assert {c.phase for c in claims_of(toolkit, text)} == {"3", "3b"}


def test_taiwan_enrollment_word_counts(toolkit):
    text = "1994年發表的一項隨機、雙盲、安慰劑對照試驗收案155人,發現服用利魯唑的病人存活率較高。"
    assert {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)} == {("riluzole", 155)}


def test_a_bare_number_under_a_sample_size_header_is_the_enrollment(toolkit):
    text = "| 药物 | 机制 | 试验阶段 | 样本量 | 结果 |\n|---|---|---|---|---|\n| 利鲁唑 | 抑制谷氨酸释放 | III期 | 155 | 12个月生存率提高 |"
    assert {(c.therapy, c.phase, c.enrollment) for c in claims_of(toolkit, text)} == {
        ("riluzole", "3", 155)
    }


def test_a_drug_named_as_background_does_not_become_the_topic(toolkit):
    text = (
        "The Phase 2b trial of TSN-112 enrolled participants (n = 72). Participants could remain on stable doses of "
        "riluzole and/or edaravone. The first participant was dosed in August 2023."
    )
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("tsn112", "2023-08") in got and not {t for t, _ in got} & {"riluzole", "edaravone"}


def test_a_code_name_is_not_a_participant_count(toolkit):
    text = "Results from the Phase 2b clinical trial of TSN-112 in people living with ALS were reported in 2025."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {None}


def test_chinese_author_year_gives_the_date(toolkit):
    text = "Miller 等（2022）报道的3期VALOR研究纳入108例患者,未达到主要终点。"
    text = "托夫生的疗效由 " + text
    assert ("tofersen", "2022") in {(c.therapy, c.date) for c in claims_of(toolkit, text)}


def _clauses_by_character(text, table=False):
    """The definition clauses_of implements, one character at a time."""
    breaks = "\t|" if table else "，；：;:,"
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(0, depth - 1)
        elif (
            depth == 0
            and ch in breaks
            and not (ch == "," and text[i + 1 : i + 4].isdigit() and text[i - 1 : i].isdigit())
        ):
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


@given(st.text(alphabet="ab1,，;；:：(（)）[【]】\t| 。", max_size=40), st.booleans())
def test_clauses_are_split_as_defined_character_by_character(text, table):
    from alsingest.claims import clauses_of

    assert clauses_of(text, table) == _clauses_by_character(text, table)
