"""Real-text failure classes (issue 11), each pinned on text written here, not copied from a page.

One section per mechanism: run-on units, references by description, names beyond the lexicon,
background drugs, event dates, participant counts, English trial reports.
"""

import re

import pytest
from conftest import review_guards

from alsingest.pipeline import process_article
from alsingest.readers import SourceText
from alsingest.structure import LIST_ITEM, paragraphs_of, sentences_of


def article(text, name="t.txt", published=None):
    return SourceText(
        name=name,
        path=name,
        text=text,
        encoding="utf-8",
        content_hash=str(hash(text)),
        published=published,
    )


def claims_of(toolkit, text, published=None):
    return process_article(article(text, published=published), toolkit).claims


def refs_by_therapy(claims):
    out = {}
    for c in claims:
        out.setdefault(c.therapy, set()).update(c.refs)
    return out


# --- 1. units on run-on text -------------------------------------------------


def test_bullets_run_together_on_one_line_are_one_unit_each(toolkit):
    text = (
        "要点 - 利鲁唑于1995年获得美国FDA批准[1] - 依达拉奉的3期试验纳入137名患者[2][3]"
        " - 托夫生2024年在中国获批[4]"
    )
    paragraphs = paragraphs_of(text)
    items = [text[p.start : p.end] for p in paragraphs]
    assert items == [
        "要点",
        "利鲁唑于1995年获得美国FDA批准[1]",
        "依达拉奉的3期试验纳入137名患者[2][3]",
        "托夫生2024年在中国获批[4]",
    ]
    assert [p.kind for p in paragraphs[1:]] == [LIST_ITEM] * 3
    refs = refs_by_therapy(claims_of(toolkit, text))
    assert refs == {"riluzole": {1}, "edaravone": {2, 3}, "tofersen": {4}}


def test_one_superscript_glued_to_a_paragraphs_full_stop_cites_it(toolkit):
    text = (
        "Results of the phase 2 trial of ibudilast were published in 2023. The trial failed to "
        "meet its end point in amyotrophic lateral sclerosis (ALS).1\n"
        "Ibudilast is also studied in multiple sclerosis.\n\n"
        "References\n1. Smith J. Ibudilast in ALS. JAMA 2023."
    )
    refs = {c.refs for c in claims_of(toolkit, text) if c.therapy == "ibudilast" and c.phase}
    assert refs == {(1,)}


def test_a_decimal_at_a_lines_end_is_no_marker(toolkit):
    text = (
        "The phase 2 trial of ibudilast reported a mean ALSFRS-R change of 3.1\nIt ended in 2023."
    )
    assert {c.refs for c in claims_of(toolkit, text)} == {()}


def test_markers_followed_by_the_next_item_split_a_line_without_sentence_ends(toolkit):
    text = "Tofersen was approved by the FDA in April 2023 [1] Masitinib began a phase 3 trial in 2021 [2]"
    refs = refs_by_therapy(claims_of(toolkit, text))
    assert refs == {"tofersen": {1}, "masitinib": {2}}


def test_an_abbreviations_full_stop_is_no_sentence_end_that_keeps_items_together(toolkit):
    text = (
        "Acme Bio Inc. is running a phase 3 trial of tofersen in 2023 [1][3] Outcomes - "
        "masitinib began a phase 3 trial in 2021 with 300 participants [5][6]"
    )
    refs = refs_by_therapy(claims_of(toolkit, text))
    assert refs == {"tofersen": {1, 3}, "masitinib": {5, 6}}


def test_a_paragraph_end_marker_cites_only_its_own_item(toolkit):
    text = "- 利鲁唑于1995年获批 - 依达拉奉于2017年获得FDA批准[5]"
    refs = refs_by_therapy(claims_of(toolkit, text))
    assert refs == {"riluzole": set(), "edaravone": {5}}


def test_a_marker_inside_a_sentence_does_not_split_it():
    text = "Bensimon 等 [11]、Miller 等 [13] 进行的临床研究都提示利鲁唑可延长生存时间。An approval - and a launch - followed."
    spans = [(s.start, s.end) for s in sentences_of(text, paragraphs_of(text))]
    assert [text[s:e] for s, e in spans] == [
        "Bensimon 等 [11]、Miller 等 [13] 进行的临床研究都提示利鲁唑可延长生存时间。",
        "An approval - and a launch - followed.",
    ]


# --- 2. references by description -------------------------------------------


def test_the_drug_named_by_description_across_a_quotation_and_a_heading(toolkit):
    text = (
        "依达拉奉是一种自由基清除剂。\n\n“我们等这一天等了很多年。”一位病友说。\n\n二、新进展\n\n"
        "2017年5月，该药获得美国FDA批准。"
    )
    assert [(c.therapy, c.date) for c in claims_of(toolkit, text)] == [("edaravone", "2017-05")]


def test_the_drug_in_english_goes_to_the_therapy_last_named(toolkit):
    text = (
        "Masitinib is a tyrosine kinase inhibitor.\n\nThe company said the data were encouraging.\n\n"
        "In June 2021 the drug entered a phase 3 trial."
    )
    got = {(c.therapy, c.date, c.phase) for c in claims_of(toolkit, text)}
    assert got == {("masitinib", "2021-06", "3")}


def test_a_description_after_a_name_in_its_sentence_is_that_therapy(toolkit):
    text = "利鲁唑和依达拉奉都是常用药物。马赛替尼是一种激酶抑制剂，该药的3期试验于2021年启动。"
    assert {(c.therapy, c.phase) for c in claims_of(toolkit, text)} == {("masitinib", "3")}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Drugmaker Acme will stop developing one of its treatments for ALS after the drug "
            "failed in a phase 3 trial.\n\nALS is a fatal disease of motor neurons.\n\n"
            "Acme had hoped masitinib would slow the disease.",
            {("masitinib", "missed")},
        ),
        (
            "The foundation will fund a phase 2 trial of a potential new therapy being developed "
            "by Acme.\n\n“Ibudilast was chosen among many candidates,” the foundation said.",
            {("ibudilast", None)},
        ),
        (
            "该公司的在研药物在2期试验中未达到主要终点。\n\n分析人士认为，马赛替尼的前景仍不明朗。",
            {("masitinib", "missed_primary")},
        ),
    ],
)
def test_a_description_before_any_name_is_the_therapy_the_text_names_first(toolkit, text, expected):
    got = {(c.therapy, c.outcome) for c in claims_of(toolkit, text)}
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "Edaravone was approved in 2017.\n\nIn 2019, the drug riluzole was approved in China.",
        "Edaravone was approved in 2017.\n\nIts drug, riluzole, was approved in China in 2019.",
        "依达拉奉于2017年获批。\n\n2019年，该药物（利鲁唑）在中国获批。",
    ],
)
def test_a_description_with_its_name_right_after_it_is_that_names(toolkit, text):
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert got == {("edaravone", "2017"), ("riluzole", "2019")}


def test_the_failure_of_a_named_drug_is_a_missed_outcome(toolkit):
    text = "After the failure of its drug tirasemtiv, Acme said it will focus on other programmes."
    assert {(c.therapy, c.outcome) for c in claims_of(toolkit, text)} == {("tirasemtiv", "missed")}


def test_the_only_therapy_an_article_names_owns_its_trial_facts_in_later_paragraphs(toolkit):
    text = (
        "Acme reported that ibudilast did not slow decline in its phase 2 study.\n\n"
        "Ibudilast had been well tolerated in earlier studies.\n\n"
        "Based on those findings, the company limited enrollment. Between May 2019 and June 2021, "
        "120 people with ALS were enrolled at 20 sites."
    )
    got = {(c.therapy, c.date, c.enrollment) for c in claims_of(toolkit, text) if c.enrollment}
    assert got == {("ibudilast", "2019-05", 120), ("ibudilast", "2021-06", 120)}


def test_labels_between_run_on_items_are_headings_and_the_articles_subject_goes_on(toolkit):
    text = (
        "要点 - 美国FDA已批准依达拉奉口服剂型开展3期试验 [1] 试验设计 - 计划招募约300名参与者 [2]"
        " 研发基础 - 已完成2期试验 [3] - 依达拉奉口服剂型于2022年获批 [4] - 依达拉奉已获孤儿药资格 [5]"
    )
    paragraphs = paragraphs_of(text)
    assert [text[p.start : p.end] for p in paragraphs if p.kind == "heading"] == [
        "要点",
        "试验设计",
        "研发基础",
    ]
    got = {(c.therapy, c.phase, c.enrollment, c.refs) for c in claims_of(toolkit, text)}
    assert ("edaravone", None, 300, (2,)) in got and ("edaravone", "2", None, (3,)) in got


def test_a_trial_of_another_disease_is_no_als_claim(toolkit):
    text = (
        "托夫生于2023年获批治疗SOD1-ALS。托夫生用于多发性硬化症的2期试验于2024年启动。"
        "Ropinirole was approved for Parkinson's disease in 1997."
    )
    assert {(c.therapy, c.date) for c in claims_of(toolkit, text)} == {("tofersen", "2023")}


def test_an_accepted_application_is_a_dated_submission(toolkit):
    (claim,) = claims_of(toolkit, "经审查，2023年5月12日受理的依达拉奉口服剂型符合要求。")
    assert (claim.type, claim.date) == ("submission", "2023-05-12")


def test_durations_are_not_participants(toolkit):
    text = (
        "The phase 3 study of tofersen evaluated treatment over 28 weeks in adults with SOD1-ALS."
    )
    assert {c.enrollment for c in claims_of(toolkit, text)} == {None}


# --- 3. names beyond the lexicon --------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("2024年3月，康源医药的甲砜嗪获批开展2期临床试验。", "甲砜嗪"),
        ("2023年5月12日受理的芪参益气颗粒获得临床试验默示许可。", "芪参益气颗粒"),
        ("研究表明贝洛替尼在2022年的1期试验中安全性良好。", "贝洛替尼"),
        ("据《药品管理法》规定，2023年5月12日受理的芪参益气颗粒获批。", "芪参益气颗粒"),
        ("2021年，一项牙髓干细胞治疗渐冻症的1期研究纳入12名患者。", "牙髓干细胞"),
        ("In 2022, autologous adipose-derived stem cells were tested in a phase 1 trial.", None),
    ],
)
def test_unlisted_chinese_and_cell_therapy_names_are_recognised(toolkit, text, name):
    claims = claims_of(toolkit, text)
    assert claims and all(c.unlisted for c in claims)
    if name is not None:
        assert {c.therapy for c in claims} == {name}


def test_an_unlisted_name_in_a_list_of_therapies_is_a_therapy(toolkit):
    text = "Phase 3 trials tested masitinib, zorvatide, ropinirole and tideglusib in 2022."
    got = {(c.therapy, c.unlisted) for c in claims_of(toolkit, text)}
    assert ("zorvatide", True) in got and len(got) == 4


@pytest.mark.parametrize(
    "text",
    [
        "2023年，依达拉奉口服混悬液获批。",  # the dosage form is no second therapy
        "2022年，数十项干细胞研究启动了1期试验。",
        "星形胶质细胞和少突胶质细胞在2020年的研究中被发现参与疾病进展。",
    ],
)
def test_descriptions_and_natural_cells_are_not_names(toolkit, text):
    assert all(not c.unlisted for c in claims_of(toolkit, text))


@pytest.mark.parametrize(
    "text, name",
    [
        # after a drug noun, and then by its name alone in a later paragraph
        (
            "一项研究将测试药物Velmozide能否延缓病情。\n\n2024年，Velmozide的2期试验纳入80名患者。",
            "velmozide",
        ),
        # before a dose, in a table cell with no other cue
        (
            "Phase 2\n\nKorafen 20 mg daily for 1 year. 2019.03–2021.06 Korafen slowed decline.",
            "korafen",
        ),
        # beside a placebo
        ("In 2023, 90 people were randomly assigned to take Zenoctin or a placebo.", "zenoctin"),
        # a brain-computer interface named after its noun
        ("美国脑机接口项目CortiLink于2023年完成4名患者的植入试验。", "cortilink"),
        # a platform trial's regimen
        (
            "A phase 2/3 platform trial added a new regimen (regimen F: lomabose) in 2024.",
            "lomabose",
        ),
    ],
)
def test_a_name_where_only_a_drug_can_stand_is_a_therapy_across_the_article(toolkit, text, name):
    claims = claims_of(toolkit, text)
    assert claims and {c.therapy for c in claims} == {name}
    assert all(c.unlisted for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "2.3 其他药物 Wrightson 等 [15](2013) 报道了一项3期试验。",  # an author, not a drug
        "Participants received 40 mg daily in a phase 2 trial in 2021.",  # a verb before a dose
        "In 2022, early start vs placebo was compared in a phase 3 extension.",
    ],
)
def test_words_before_a_dose_or_placebo_are_not_names(toolkit, text):
    assert all(not c.unlisted for c in claims_of(toolkit, text))


def test_the_drugs_a_product_combines_are_its_parts_without_parentheses(toolkit):
    text = (
        "Relyvrio是两种药物苯丁酸钠和牛磺熊去氧胆酸的复方制剂，于2022年获批。"
        "临床前试验表明，这两种药物联用能将神经细胞死亡减少90%。"
    )
    assert {c.therapy for c in claims_of(toolkit, text)} == {"amx0035"}


@pytest.mark.parametrize(
    "text",
    [
        "马赛替尼通过靶向肥大细胞发挥作用[1]。临床前研究证实其能减少巨噬细胞浸润[2]。",
        "In preclinical models of ALS, masitinib has been shown to promote neuroprotection.",
    ],
)
def test_a_preclinical_effect_is_a_result_claim(toolkit, text):
    got = {(c.therapy, c.type) for c in claims_of(toolkit, text)}
    assert got == {("masitinib", "trial_result")}


def test_a_preclinical_effect_of_a_cell_class_is_no_claim(toolkit):
    text = "iPSC衍生的运动神经元在动物模型中可形成神经肌肉接头，改善轴突再生。"
    assert claims_of(toolkit, text) == []


def test_new_drug_is_no_part_of_an_unlisted_name(toolkit):
    claims = claims_of(toolkit, "2023年，该公司的新药硝酮嗪获批开展I期临床试验。")
    assert {c.therapy for c in claims} == {"硝酮嗪"}


def test_a_cell_therapy_named_by_its_source_is_its_class(toolkit):
    text = "In 2021 a phase 2 trial tested allogeneic umbilical cord mesenchymal stem cells in ALS."
    assert {c.therapy for c in claims_of(toolkit, text)} == {"msc"}


@pytest.mark.parametrize(
    "text",
    [
        "共有80名患者被随机分为帕诺西定组和安慰剂组。2023年5月，研究组报告帕诺西定未能减缓疾病进展。",
        "受试者接受口服帕诺西定40 mg或安慰剂。该2期试验共纳入80名患者，于2023年5月完成。",
        "σ1受体激动剂帕诺西定的2期试验纳入80名患者。帕诺西定与安慰剂之间无显著差异。",
    ],
)
def test_a_chinese_name_where_only_a_drug_can_stand_is_a_therapy(toolkit, text):
    claims = claims_of(toolkit, text)
    assert claims and {c.therapy for c in claims} == {"帕诺西定"}


@pytest.mark.parametrize("name", ["益气养阴方", "加减补中益气汤"])
def test_the_arm_a_trial_splits_against_placebo_names_its_therapy(toolkit, name):
    text = f"将2019年1月—2020年6月收治的60例患者随机分为{name}组和安慰剂组。{name}组服药6个月。"
    got = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text) if c.enrollment}
    assert got == {(name, 60)}


@pytest.mark.parametrize(
    "title, name",
    [
        ("益气养阴汤治疗肌萎缩侧索硬化的临床研究", "益气养阴汤"),
        ("目的 观察健脾补肾方辅治渐冻症的疗效。", "健脾补肾方"),
    ],
)
def test_a_formula_treating_als_is_a_therapy(toolkit, title, name):
    text = f"{title}\n\n方法 将2019年收治的60例患者分为治疗组和对照组各30例，治疗组加用{name}。"
    got = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text) if c.enrollment}
    assert got == {(name, 60)}


def test_a_journal_issue_is_no_phase(toolkit):
    text = "依达拉奉的临床研究（中华神经科杂志 2019年3期）纳入60例患者，于2018年完成。"
    assert {c.phase for c in claims_of(toolkit, text)} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "共有80名患者被随机分为治疗组和安慰剂组，2期试验于2023年完成。",
        "患者口服安慰剂或利鲁唑50 mg，该3期试验于2023年完成。",
        "阿尔茨海默病患者的2期试验于2023年完成。",
    ],
)
def test_words_beside_a_dose_or_placebo_are_no_chinese_name(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} <= {"riluzole"}


def test_a_pipe_table_row_over_several_lines_is_one_row_of_its_first_cells_therapy(toolkit):
    text = (
        "Table 2.\n"
        "Intervention, Phase | Protocol | Results | Reference |\n"
        "---|---|---|---|\n"
        "Drug: ibudilastSponsor: Acme University Phase: 2 |\n"
        "- daily dose for 6 months |\n"
        "- no significant effect on ALSFRS-R |\n"
        "Smith et al., 2019 [5] NCT01234567 |\n"
        "Drug: Fictional Growth FactorSponsor: Acme Hospital Phase: 2/3 |\n"
        "- weekly injections | - did not slow decline | Lee et al., 2021 [6] |\n"
    )
    paragraphs = paragraphs_of(text)
    rows = [text[p.start : p.end] for p in paragraphs if p.kind == "table_row"]
    assert (
        len(rows) == 3
        and rows[1].startswith("Drug: ibudilast")
        and rows[1].endswith("NCT01234567 |")
    )
    got = {(c.therapy, c.phase, c.date, c.refs) for c in claims_of(toolkit, text)}
    assert ("ibudilast", "2", "2019", (5,)) in got
    assert ("fictionalgrowthfactor", "2/3", "2021", (6,)) in got


def test_a_tables_year_and_phase_columns_date_and_stage_each_row(toolkit):
    text = (
        "| No | Therapy | Planned participants | Year | Phase | Registry |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | Autologous BMSC | 40 | 2012 | 1,2 | NCT01234567 |\n"
        "| 2 | ibudilast | 120 | 2019 | II | NCT07654321 |\n"
        "| 3 | masitinib | 300 | 2021 | na | NCT07654322 |\n"
    )
    got = {(c.therapy, c.date, c.phase, c.enrollment) for c in claims_of(toolkit, text)}
    assert got == {
        ("msc", "2012", "1/2", 40),
        ("ibudilast", "2019", "2", 120),
        ("masitinib", "2021", None, 300),
    }


def test_a_name_glued_to_the_next_cell_is_still_found(toolkit):
    text = "Drug: minocyclineSponsor: Acme Institute Phase: 3 trial started in 2003."
    assert {(c.therapy, c.phase) for c in claims_of(toolkit, text)} == {("minocycline", "3")}


@pytest.mark.parametrize(
    "text",
    [
        "The phase 3 trial of ibudilast, sponsored by the National Institute of Neurological "
        "Disorders and Stroke, started in 2019.",
        "The Alzheimer's Association and Acme started a phase 2 trial of ibudilast in ALS in 2019.",
    ],
)
def test_a_disease_in_an_organisations_name_is_no_other_disease(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} == {"ibudilast"}


@pytest.mark.parametrize("form", ["capsules", "tablets", "injections", "infusions"])
def test_a_dosage_form_before_placebo_is_no_drug_name(toolkit, form):
    text = (
        f"In 2019, 213 patients were randomised to ibudilast {form} or placebo in a phase 3 trial."
    )
    assert {c.therapy for c in claims_of(toolkit, text)} == {"ibudilast"}


@pytest.mark.parametrize(
    "text",
    [
        "Ibudilast slowed decline in its phase 2 trial; if approved following a phase 3 trial, it could help.",
        "马赛替尼的2期试验延缓了疾病进展，若能通过3期试验，有望获批。",
    ],
)
def test_a_phase_a_condition_names_is_no_phase_of_the_therapy(toolkit, text):
    assert {c.phase for c in claims_of(toolkit, text)} == {"2"}


@pytest.mark.parametrize(
    "text",
    [
        "从2024年1月首例患者植入，截至今年9月，Acmelink已为全球12名患者成功植入其A1芯片。",
        "In January 2024, Acmelink implanted its A1 device in the first of 12 patients with ALS.",
    ],
)
def test_the_maker_that_implants_a_chip_names_the_device(toolkit, text):
    claims = claims_of(toolkit, text, published="2025-10-26")
    assert claims and {c.therapy for c in claims} == {"acmelink"}
    assert "2024-01" in {c.date for c in claims}


@pytest.mark.parametrize("schedule", ["once-daily", "twice-daily", "daily"])
def test_a_schedule_before_a_dose_is_no_drug_name(toolkit, schedule):
    text = f"In the phase 2 trial, {schedule} 60 mg oral ibudilast slowed decline in 2019."
    assert {c.therapy for c in claims_of(toolkit, text)} == {"ibudilast"}


def test_a_field_label_before_a_drug_name_is_no_registry_field(toolkit):
    text = "Newest Targeted Drug: As of late 2025, tofersen, approved in April 2023, is the newest."
    assert {c.therapy for c in claims_of(toolkit, text)} == {"tofersen"}


# --- 3. names beyond the lexicon: the negatives ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "UNC13A基因型与2023年的3期试验中的药物反应相关。",
        "The primary endpoint was measured at week-48 in a phase 3 trial started in 2020.",
    ],
)
def test_genes_and_time_points_are_not_therapies(toolkit, text):
    assert claims_of(toolkit, text) == []


@pytest.mark.parametrize("when", ["mid-2025", "early-2025", "Q3-2025", "FY2025"])
def test_a_time_of_a_year_is_no_code_name(toolkit, when):
    text = f"Results of the phase 2 study of fasudil are expected by {when}."
    assert {c.therapy for c in claims_of(toolkit, text)} == {"fasudil"}


# --- 4. background is not a claim ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2023年，马赛替尼作为利鲁唑的辅助治疗进入3期试验。",
        "2023年，一项3期试验将接受利鲁唑治疗的患者随机分配至马赛替尼组。",
        "2023年，一项3期试验在患者开始利鲁唑后加用马赛替尼。",
    ],
)
def test_the_drug_patients_already_take_is_background_in_chinese(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib"}


def test_a_named_trials_sentence_whose_names_are_all_background_is_its_therapys(toolkit):
    text = (
        "低剂量IL-2联合利鲁唑的疗效来自KAVIRA 2期试验。"
        "KAVIRA 2期试验(Martin等,2021年)纳入未接受过利鲁唑治疗的患者。"
        "此前IL-2LD的LUMOS 2a期试验证明了其安全性。"
        "LUMOS 2a期试验(2016年)随机分配接受利鲁唑治疗的患者。"
    )
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("aldesleukin", "2021") in got and ("aldesleukin", "2016") in got
    assert all(therapy == "aldesleukin" for therapy, _ in got)


@pytest.mark.parametrize(
    "inventory",
    [
        "Radicava, riluzole and Qalsody are some of the approved ALS treatments in America.",
        "目前获批的药物如利鲁唑、依达拉奉，只能延缓病情。",
    ],
)
def test_a_list_of_approved_drugs_is_no_claim_and_does_not_take_the_topic(toolkit, inventory):
    text = (
        "Masitinib was tested in a phase 3 trial of 400 patients. "
        + inventory
        + " Complete results from the study will be presented in March 2025."
    )
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib"}


@pytest.mark.parametrize(
    "text, therapies",
    [
        ("截至2023年底，FDA共批准了三种药物：利鲁唑、依达拉奉和托夫生。", set()),
        ("目前只有两种药物获批用于治疗渐冻症，即利鲁唑和依达拉奉。", set()),
        (
            "Tideglusib plus riluzole versus placebo plus riluzole was tested in a phase 2 trial of 120 patients.",
            {"tideglusib"},
        ),
        (
            "Patients who stayed on edaravone were given ropinirole in a 2021 phase 2 study.",
            {"ropinirole"},
        ),
    ],
)
def test_as_of_lists_and_background_drugs_give_no_claim(toolkit, text, therapies):
    assert {c.therapy for c in claims_of(toolkit, text)} == therapies


def test_flattened_superscript_markers_cite_their_line(toolkit):
    text = (
        "Edaravone slowed functional decline in a phase 3 trial. 1, 2\n"
        "Masitinib was tested in a phase 3 trial of 394 patients 3\n"
        "Tofersen was approved in 2023 by the FDA 4\n"
        "Riluzole was approved in 1995 by the FDA 5"
    )
    refs = refs_by_therapy(claims_of(toolkit, text))
    assert refs == {"edaravone": {1, 2}, "masitinib": {3}, "tofersen": {4}, "riluzole": {5}}


def test_superscripts_flattened_against_the_full_stop_cite_the_sentence_before(toolkit):
    text = (
        "Edaravone slowed decline in 2015 in a phase 3 trial.1 Masitinib was tested in a phase 3 "
        "trial of 394 patients.2,3 Tofersen was approved in 2023 by the FDA. 4 Riluzole was "
        "approved in 1995 by the FDA.5\nMore follows."
    )
    refs = refs_by_therapy(claims_of(toolkit, text))
    assert refs == {"edaravone": {1}, "masitinib": {2, 3}, "tofersen": {4}, "riluzole": {5}}


def test_decimals_and_lone_numbers_after_a_stop_are_no_markers(toolkit):
    text = "Edaravone slowed decline by 2.5 points in a phase 3 trial in 2015. Masitinib entered phase 3."
    assert {c.refs for c in claims_of(toolkit, text)} == {()}


def test_a_full_stop_glued_to_the_next_sentence_is_a_lost_line_break(toolkit):
    from alsingest.structure import paragraphs_of

    text = "Two drugs are approved for patients with ALS.Amyotrophic lateral sclerosis is a spectrum of syndromes."
    assert len(paragraphs_of(text)) == 2


def test_numbers_after_counter_words_are_not_markers(toolkit):
    text = "Tofersen entered phase 3\nRiluzole entered phase 3\nEdaravone entered phase 3\n"
    assert {c.refs for c in claims_of(toolkit, text)} == {()}


def test_phases_named_before_a_list_bind_to_it_from_the_nearest_clause(toolkit):
    text = (
        "Six were tested in phase 1 studies, 31 were in phase 2 studies, and 13 drugs were in "
        "phase 3 studies, including masitinib, tideglusib, and ropinirole."
    )
    got = {(c.therapy, c.phase) for c in claims_of(toolkit, text)}
    assert got == {("masitinib", "3"), ("tideglusib", "3"), ("ropinirole", "3")}


@pytest.mark.parametrize(
    "text",
    [
        "这项2期试验中，一组患者服用依达拉奉和利鲁唑，另一组服用利鲁唑和安慰剂。",
        "In the phase 2 trial one arm took masitinib and riluzole, the other riluzole and placebo.",
    ],
)
def test_a_drug_both_arms_take_is_background(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} in ({"edaravone"}, {"masitinib"})


def test_the_last_drug_of_a_list_before_and_placebo_is_studied(toolkit):
    text = "In 2021 the phase 2 trial enrolled 90 patients to masitinib, edaravone and placebo."
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib", "edaravone"}


def test_a_drug_compared_with_placebo_alone_stays_the_studied_drug(toolkit):
    text = "这项2期试验比较了依达拉奉和安慰剂，另有研究评估了马赛替尼和利鲁唑的联用。"
    assert "edaravone" in {c.therapy for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "2024年3月，监管机构推荐批准马赛替尼结合利鲁唑治疗ALS患者。",
        "2期试验中，患者在维持原治疗的状况下(利鲁唑、依达拉奉或并用)接受马赛替尼或安慰剂。",
        "The phase 2 trial gave masitinib or placebo on top of standard of care (riluzole).",
        "A phase 2 trial of masitinib. Eligibility criteria included age <70 years and riluzole treatment >1 month.",
        "马赛替尼2期试验的纳入标准包括：病程<3年，稳定服用利鲁唑至少30天。",
    ],
)
def test_drugs_patients_already_take_are_background(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib"}


@pytest.mark.parametrize(
    "text",
    [
        "该3期研究比较马赛替尼+利鲁唑与安慰剂+利鲁唑的疗效，共纳入300名患者。",
        "2019年，研究者启动了在利鲁唑(Riluzole)的基础上使用马赛替尼的3期试验。共入组300名患者。",
        "2019年，研究者启动了在利鲁唑（riluzole）治疗的基础上加用马赛替尼的3期试验。",
    ],
)
def test_a_drug_added_with_plus_or_named_again_in_parentheses_stays_background(toolkit, text):
    claims = claims_of(toolkit, text)
    assert claims and {c.therapy for c in claims} == {"masitinib"}


@pytest.mark.parametrize(
    "text",
    [
        "Acme completed a phase 1 study of ibudilast in 2023. ALS affects over 350,000 people.",
        "Acme completed a phase 1 study of ibudilast in 2023. About 30,000 people are living with ALS.",
    ],
)
def test_people_the_disease_affects_are_no_participants(toolkit, text):
    assert {c.enrollment for c in claims_of(toolkit, text)} == {None}


def test_people_living_with_als_enrolled_in_a_trial_are_participants(toolkit):
    text = "The phase 2 trial of ibudilast enrolled 120 people living with ALS."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {120}


@pytest.mark.parametrize(
    "text, year",
    [
        (
            "2008年，研究者启动了牛磺熊去氧胆酸的临床试验。8年后发表了该试验的结果，共入组34名患者。",
            "2016",
        ),
        ("2008年，研究者启动了牛磺熊去氧胆酸的临床试验。三年后，该试验达到主要终点。", "2011"),
        (
            "In 2012, Acme started a phase 2 trial of ibudilast. Three years later, it met its primary endpoint.",
            "2015",
        ),
    ],
)
def test_years_later_count_on_from_the_year_named_before(toolkit, text, year):
    dates = {c.date for c in claims_of(toolkit, text)}
    assert year in dates


def test_years_later_give_way_to_the_date_written_out(toolkit):
    text = "2015年，依达拉奉在日本获批。两年后，美国FDA在2017年5月批准了依达拉奉。"
    assert {c.date for c in claims_of(toolkit, text)} == {"2015", "2017-05"}


@pytest.mark.parametrize(
    "when", ["during the month of September", "in September", "in early September"]
)
def test_a_month_named_alone_is_in_the_year_of_the_articles_date(toolkit, when):
    text = f"Acme expects to resume enrollment in the phase 3 trial of masitinib {when}."
    got = {c.date for c in claims_of(toolkit, text, published="2021-08-23")}
    assert got == {"2021-09"}


def test_may_the_verb_is_no_month(toolkit):
    text = "Patients in the phase 3 trial of masitinib may experience rash."
    assert {c.date for c in claims_of(toolkit, text, published="2021-08-23")} == {None}


def test_years_since_treatment_are_no_calendar_date(toolkit):
    assert {c.date for c in claims_of(toolkit, "2020年，托夫生治疗3年后的生存率显著提高。")} == {
        "2020"
    }


# --- 5. dates are event dates --------------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("二〇二四年十一月三日，利鲁唑口服膜剂获批上市。", "2024-11-03"),
        ("民國108年，利魯唑口溶膜獲得核准。", "2019"),
        ("109年3月15日，利魯唑口溶膜獲得衛福部核准。", "2020-03-15"),
        ("民国一百一十年五月，依达拉奉口服剂型获批。", "2021-05"),
    ],
)
def test_chinese_numeral_and_roc_dates_are_read_right(toolkit, text, date):
    (claim,) = claims_of(toolkit, text)
    assert claim.date == date


def test_a_yearless_date_takes_the_year_of_the_given_publication_date(toolkit):
    text = "9月2日，依达拉奉口服混悬液在上海获批。"
    assert [c.date for c in claims_of(toolkit, text)] == [None]
    assert [c.date for c in claims_of(toolkit, text, published="2023-11-20")] == ["2023-09-02"]


@pytest.mark.parametrize(
    "published, date",
    [(None, None), ("2025-06-20", "2025-06-15"), ("2025-07-03", "2025-06-15")],
)
def test_a_news_leads_bare_day_is_a_date_of_the_publication_month(toolkit, published, date):
    text = "15日，某医院神经内科为一位渐冻症患者注射了托夫生注射液，这是该省首例。"
    (claim,) = claims_of(toolkit, text, published=published)
    assert (claim.therapy, claim.date, claim.date_text) == ("tofersen", date, "15日")


def test_a_bare_day_inside_a_sentence_is_no_date(toolkit):
    text = "托夫生的3期试验中，患者连续用药15日，随后每月一次。"
    assert {c.date for c in claims_of(toolkit, text)} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "发布时间：2022-03-01\n托夫生是一种反义寡核苷酸药物。",
        "截至2024年6月，托夫生仍是唯一的对因治疗药物，已完成3期试验。",
        "托夫生的核心专利保护期至2035年，于2023年获批。",
        "根据2021年版诊疗指南，依达拉奉获批用于治疗渐冻症。",
        "As of late 2021, tofersen, approved in 2023 by the FDA, had no rival.",
        "2021年该产品销售额达3亿美元，托夫生于2023年获批。",
    ],
)
def test_publication_lines_as_of_dates_patent_terms_and_guideline_years_are_not_event_dates(
    toolkit, text
):
    dates = {c.date for c in claims_of(toolkit, text)}
    assert dates <= {None, "2023"}, dates


@pytest.mark.parametrize(
    "text",
    [
        "研究证实依达拉奉可以抑制病情恶化。",
        "Studies found that edaravone could slow functional decline.",
    ],
)
def test_an_undated_outcome_is_a_claim_in_either_language(toolkit, text):
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.type) == ("edaravone", "trial_result")


@pytest.mark.parametrize(
    ("second", "dates"),
    [
        (
            "Between March 3, 2021, and June 30, 2022, 240 patients were randomised.",
            {"2021-03-03", "2022-06-30"},
        ),
        ("2021年3月至2022年6月，共240名患者入组。", {"2021-03", "2022-06"}),
        ("From 2019 to 2021, 240 patients were enrolled.", {"2019", "2021"}),
    ],
)
def test_a_period_bounds_the_trial_of_every_therapy_it_tests(toolkit, second, dates):
    """A period belongs to every therapy the trial compares; two separate events do not."""
    first = "The platform trial tested edaravone and masitinib against placebo. "
    claims = [c for c in claims_of(toolkit, first + second) if c.date]
    assert {(c.therapy, c.date) for c in claims} == {
        (t, d) for t in ("edaravone", "masitinib") for d in dates
    }


def test_two_dates_that_are_no_period_stay_unassigned_among_several_therapies(toolkit):
    text = (
        "The trial tested edaravone and masitinib against placebo. Results came in 2021 and 2022."
    )
    assert not [c for c in claims_of(toolkit, text) if c.date]


def test_a_trials_failure_is_an_event_and_respiratory_failure_is_not(toolkit):
    (claim,) = claims_of(toolkit, "Masitinib's phase 3 failure in 2023 was a setback.")
    assert (claim.date, claim.outcome) == ("2023", "missed")
    text = "In 2023 the phase 3 trial measured the time to respiratory failure with edaravone."
    assert {c.outcome for c in claims_of(toolkit, text)} == {None}


def test_a_dash_ends_a_clause_that_binds_a_phase(toolkit):
    text = (
        "Masitinib's phase 3 results in 2023 were a setback — but the approach that "
        "tofersen represents is generating confidence."
    )
    assert {c.therapy: c.phase for c in claims_of(toolkit, text)}.get("tofersen") is None


@pytest.mark.parametrize(
    ("words", "date"),
    [
        ("本月12日", "2025-03-12"),
        ("上个月", "2025-02"),
        ("周二", "2025-03-18"),  # the article is of Thursday 20 March 2025
        ("星期四", "2025-03-20"),
    ],
)
def test_news_days_are_counted_from_the_articles_date(toolkit, words, date):
    text = f"发布时间：2025-03-20\n\n依达拉奉口服剂型{words}获批上市。"
    assert {c.date for c in claims_of(toolkit, text)} == {date}


def test_a_weekly_dose_is_no_weekday(toolkit):
    text = "发布时间：2025-03-20\n\n依达拉奉口服剂型的3期试验中每周一次给药。"
    assert {c.date for c in claims_of(toolkit, text)} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "奥翔公司于2016年成立，其依达拉奉口服剂型进入3期试验。",
        "Founded in 2016, the maker took edaravone into phase 3.",
    ],
)
def test_a_companys_founding_year_is_no_event_of_its_drug(toolkit, text):
    claims = claims_of(toolkit, text)
    assert claims and {c.date for c in claims} == {None}


def test_a_brain_implant_named_by_its_maker_is_a_therapy_across_the_article(toolkit):
    text = (
        "Cortexa的大脑芯片已完成首例植入。\n\n"
        "该公司2023年5月获准开展首次人体临床试验，Cortexa计划2030年将手术扩大。"
    )
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "cortexa"}
    assert "2023-05" in dates


def test_a_target_date_does_not_set_the_year_of_a_later_same_year(toolkit):
    text = (
        "2022年7月，FDA受理马赛替尼的上市申请，审评日期定为2023年1月15日；同年10月，FDA推迟了审批。"
    )
    dates = {c.date for c in claims_of(toolkit, text)}
    assert "2022-10" in dates and "2023-10" not in dates


def test_a_filing_label_date_is_no_event(toolkit):
    text = "Form: 8-K Filed at: 2024-07-15 Summary: Acme submitted the masitinib phase 2 IND on June 14, 2024."
    assert {c.date for c in claims_of(toolkit, text)} == {"2024-06-14"}


@pytest.mark.parametrize(
    "text",
    [
        "Masitinib, in phase 3 trials, is the first ALS drug approved in Canada since 2018.",
        "马赛替尼是自2018年以来首个获批的渐冻症3期药物。",
    ],
)
def test_the_year_of_since_the_first_is_another_events(toolkit, text):
    assert {c.date for c in claims_of(toolkit, text)} == {None}


def test_a_date_heading_dates_its_sections_announcements(toolkit):
    text = (
        "January 12, 2015\n\nAcme released results of a phase 2 study of masitinib. "
        "It enrolled 14 patients.\n\nNovember 5, 2012\n\n"
        "Beta Pharma released results from a phase 2 trial of edaravone."
    )
    dated = {(c.therapy, c.date) for c in claims_of(toolkit, text) if c.date}
    assert dated == {("masitinib", "2015-01-12"), ("edaravone", "2012-11-05")}


def test_of_the_n_who_were_followed_is_no_enrollment(toolkit):
    text = "In the phase 2 trial of masitinib, of the 12 subjects with follow-up, 92% improved."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {None}


@pytest.mark.parametrize(
    "history",
    [
        "Manuscript submitted July 6, 2020, accepted July 18, 2020, published online August 12, 2020",
        "收稿日期：2020-07-06；修回日期：2020-07-18",
    ],
)
def test_a_papers_publication_history_gives_no_event_dates(toolkit, history):
    text = f"The effect of masitinib in a phase 3 trial. {history}"
    assert {c.date for c in claims_of(toolkit, text)} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "The phase 2 trial of masitinib found insufficient evidence to justify phase 3.",
        "The phase 2 trial of masitinib was to determine if it merits testing in a phase 3 trial.",
        "The phase 2 trial of masitinib will decide whether to proceed to phase 3.",
    ],
)
def test_a_phase_a_trial_might_lead_to_is_not_its_phase(toolkit, text):
    assert {c.phase for c in claims_of(toolkit, text)} == {"2"}


# --- 6. counts are participants ----------------------------------------------


@pytest.mark.parametrize(
    "text, n",
    [
        ("Two pivotal trials led to the approval of masitinib, one with 155 participants.", 155),
        ("Masitinib entered phase 1 testing in healthy volunteers in 2021.", None),
        ("In 2021 we assessed masitinib in a phase 3 trial of patients with ALS.", None),
    ],
)
def test_participants_are_a_trials_without_a_cue_but_a_phase_number_is_no_count(toolkit, text, n):
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.enrollment) == ("masitinib", n)


@pytest.mark.parametrize(
    "text, n",
    [
        ("In 2006, placebo (n = 104) or edaravone (n = 102) was given in a phase 3 trial.", 206),
        (
            "In a phase 3 trial of 210 patients, placebo (n = 104) or edaravone (n = 102) was given.",
            210,
        ),
    ],
)
def test_stated_arm_sizes_are_summed_unless_a_total_is_stated(toolkit, text, n):
    assert {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "edaravone"} == {n}


def test_a_studys_year_as_an_adjective_is_its_date(toolkit):
    text = "More recently, a 2020 publication indicated a median survival benefit for people taking riluzole."
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.date) == ("riluzole", "2020")


def test_an_english_count_takes_its_cue_from_later_in_the_clause(toolkit):
    text = "In the phase 2 trial, 68 people with ALS were randomly assigned to take masitinib."
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.enrollment) == ("masitinib", 68)


@pytest.mark.parametrize(
    "text, n",
    [
        ("依达拉奉的一项3期试验计划招募一百二十名患者。", 120),
        ("依达拉奉的2期研究共纳入三十名受试者。", 30),
        ("依达拉奉的首个人体研究只有一名参与者，于2022年完成给药。", 1),
    ],
)
def test_counts_written_in_chinese_numerals(toolkit, text, n):
    assert {c.enrollment for c in claims_of(toolkit, text)} == {n}


@pytest.mark.parametrize(
    "text",
    [
        "2023年8月，一位60岁的女性患者在杭州接受了依达拉奉口服剂型的首次给药。",
        "2023年8月，一名患者在杭州接受了依达拉奉口服剂型的首次给药。",
        "2023年8月，第三例患者在杭州接受了依达拉奉口服剂型的首次给药。",
        "2023年8月，数十名患者在杭州接受了依达拉奉口服剂型的首次给药。",
    ],
)
def test_treated_patients_and_ordinals_are_not_enrollment(toolkit, text):
    claims = claims_of(toolkit, text)
    assert claims and {c.enrollment for c in claims} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "The phase 3 trial of edaravone stopped when 100 participants per group had 12 months of data.",
        "The phase 3 trial of edaravone treated 40 patients in each arm.",
        "The phase 3 trial of edaravone enrolled 60 patients per dose group.",
    ],
)
def test_an_english_per_arm_count_is_not_the_trials_size(toolkit, text):
    claims = claims_of(toolkit, text)
    assert claims and {c.enrollment for c in claims} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "Masitinib was studied in a Phase 2 (N=35) and a Phase 3 (n = 210) trial, respectively.",
        "马赛替尼先后完成了2期（n=35）和3期（n=210）研究。",
    ],
)
def test_a_count_stated_right_after_each_phase_is_that_trials_size(toolkit, text):
    """Two studies in one sentence: each phase keeps its own count, not the sum."""
    claims = claims_of(toolkit, text)
    assert {(c.phase, c.enrollment) for c in claims} == {("2", 35), ("3", 210)}


@pytest.mark.parametrize(
    "text",
    [
        "研究者将120例患者随机分为两组，一组（58例）服用依达拉奉，另一组（62例）服用安慰剂。",
        "依达拉奉试验纳入的患者分为两组：一组58例，另一组62例，共120例患者随机分组。",
    ],
)
def test_the_count_its_arms_add_up_to_is_the_total(toolkit, text):
    assert {c.enrollment for c in claims_of(toolkit, text)} == {120}


def test_counts_of_patients_who_worsened_are_outcomes_not_size(toolkit):
    text = "6个月后，依达拉奉组有12例患者病情恶化，安慰剂组有15例病情加重。"
    assert {c.enrollment for c in claims_of(toolkit, text)} <= {None}


def test_phase_numbers_in_words(toolkit):
    claims = claims_of(toolkit, "Health Canada approved masitinib based on the phase two trial.")
    assert {c.phase for c in claims} == {"2"}
    claims = claims_of(toolkit, "A phase two/three study of masitinib started.")
    assert {c.phase for c in claims} == {"2/3"}


def test_an_english_month_and_day_take_the_articles_year_only(toolkit):
    text = "Published: 2022-06-02\n\nMasitinib met the main goals of its phase 2 trial on May 31."
    assert {c.date for c in claims_of(toolkit, text)} == {"2022-05-31"}
    # No article date: the year of another event named earlier is not this one's.
    text = (
        "Masitinib was approved by the regulator on Sept. 29, 2022, after a long review of "
        "its data. On March 8, its phase 3 trial failed."
    )
    assert "2022-03-08" not in {c.date for c in claims_of(toolkit, text)}


def test_a_study_that_included_patients_gives_its_size(toolkit):
    text = "The 12-week phase 2 study of masitinib, which included 54 patients, ended."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {54}


def test_today_in_a_release_is_its_datelines_day(toolkit):
    text = (
        "BOSTON, March 4, 2025 /PRNewswire/ -- Acme Bio today provided an update on top-line "
        "data of the phase 2 trial of masitinib."
    )
    assert {c.date for c in claims_of(toolkit, text)} == {"2025-03-04"}
    text = "发布时间：2025-03-04\n\n公司今天宣布马赛替尼2期试验完成入组。"
    assert {c.date for c in claims_of(toolkit, text)} == {"2025-03-04"}


@pytest.mark.parametrize(
    "text",
    [
        "In the subgroup of patients treated with masitinib, without edaravone, the phase 2 data (n=130) favoured it.",
        "In a pre-specified subset of the phase 2 masitinib data, the edaravone-free set (n=130) did well.",
    ],
)
def test_a_subgroup_defined_by_a_drug_it_lacks_is_no_claim_of_that_drug_nor_a_size(toolkit, text):
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"masitinib"}
    assert {c.enrollment for c in claims} == {None}


def test_a_code_after_study_names_the_trial_not_a_therapy(toolkit):
    text = "In 2024 the FDA lifted the hold on Study ABC-101, a phase 1 trial of masitinib."
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib"}


def test_overall_before_a_count_reports_the_trial_not_a_summary(toolkit):
    text = "In a phase 3 trial, edaravone was compared with placebo. Overall, 300 patients were enrolled."
    assert 300 in {c.enrollment for c in claims_of(toolkit, text)}
    text = "Masitinib and edaravone entered phase 3. Overall, these drugs were approved in 2017."
    assert not [c for c in claims_of(toolkit, text) if c.date]


@pytest.mark.parametrize(
    ("words", "n"),
    [("Twenty-five", 25), ("Sixty-three", 63), ("One hundred and twenty", 120)],
)
def test_english_counts_in_words(toolkit, words, n):
    text = f"{words} patients were enrolled in the phase 2 trial of masitinib."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {n}


def test_small_counts_in_words_are_no_trial_size(toolkit):
    text = "In the phase 2 trial of masitinib, two groups of patients were enrolled."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {None}


def test_a_recombinant_protein_is_the_listed_proteins_therapy(toolkit):
    text = "In 1996, 570 patients were randomised to rhCNTF or placebo in a phase 2/3 trial."
    assert {c.therapy for c in claims_of(toolkit, text)} == {"cntf"}


def test_treated_versus_placebo_names_no_therapy(toolkit):
    text = "In the 2019 phase 2 trial of masitinib, decline was slower in treated versus placebo patients."
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib"}


@pytest.mark.parametrize(
    "text, n",
    [
        (
            "In this open label trial, 35 eligible ALS participants took ibudilast. Of these, "
            "30 completed the study.",
            35,
        ),
        (
            "The phase 2 trial of ibudilast enrolled 35 participants. Five additional participants "
            "were enrolled in the expanded access arm.",
            35,
        ),
        ("马赛替尼3期试验共纳入381例患者。在完成50%(N=191)患者招募时进行中期分析。", 381),
    ],
)
def test_a_part_of_a_trial_is_not_its_size(toolkit, text, n):
    assert {c.enrollment for c in claims_of(toolkit, text)} - {None} == {n}


# --- 7. English trial reports ------------------------------------------------


def test_each_regimen_of_a_platform_trial_is_a_claim_with_the_shared_size(toolkit):
    text = (
        "The platform study tested masitinib, ropinirole and tideglusib in 240 participants each."
    )
    got = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert got == {("masitinib", 240), ("ropinirole", 240), ("tideglusib", 240)}


def test_enrolled_participants_and_phase_ranges(toolkit):
    text = "The phase 2/3 study of ropinirole enrolled 318 participants in 2021."
    got = {(c.therapy, c.phase, c.enrollment, c.date) for c in claims_of(toolkit, text)}
    assert got == {("ropinirole", "2/3", 318, "2021")}


def test_ingest_published_is_checked_before_anything_starts(tmp_path):
    from click.testing import CliRunner

    from alsingest.cli import cli

    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--published", "2023-13-01"])
    assert result.exit_code == 2
    assert "'2023-13-01' is not a date" in result.output


def test_a_given_publication_date_is_stored_and_read_again_on_reextraction(tmp_path, toolkit):
    from alsingest import queries, store
    from alsingest.pipeline import ingest_files
    from alsingest.refresh import stored_source

    path = tmp_path / "a.txt"
    path.write_text("9月2日，依达拉奉口服混悬液在上海获批。", encoding="utf-8")
    db = store.open_db(":memory:")
    ingest_files(db, [path], toolkit, published="2023-11-20")
    assert [c["date"] for c in queries.export_claims(db)] == ["2023-09-02"]
    assert stored_source(db, "a.txt").published == "2023-11-20"
    # The same text given another date is another version of the article.
    report = ingest_files(db, [path], toolkit, published="2022-11-20")
    assert report.changed == ["a.txt"]
    assert [c["date"] for c in queries.export_claims(db)] == ["2022-09-02"]


# --- named trials, combinations and registry-style text (after the sealed score) -----


def test_a_named_trials_phase_goes_to_the_regimens_it_tests(toolkit):
    text = (
        "The ATLAS-X Platform Trial is an adaptive phase 2/3 trial with shared placebo data. "
        "In 2022, 300 people were randomized within its first regimens (regimen A: masitinib; "
        "regimen B: tideglusib) of the ATLAS-X trial."
    )
    got = {(c.therapy, c.phase) for c in claims_of(toolkit, text)}
    assert {("masitinib", "2/3"), ("tideglusib", "2/3")} <= got
    explained = {c.therapy: dict(c.provenance) for c in claims_of(toolkit, text) if c.enrollment}
    assert explained["masitinib"]["phase"].startswith("the ATLAS-X trial's phase")


def test_a_sentence_about_a_named_trial_alone_is_a_claim_of_its_therapy(toolkit):
    text = (
        "Tideglusib was tested in the BRAVO-ALS trial. Riluzole is widely used. "
        "At the interim analysis, approximately 210 patients had been randomized in BRAVO-ALS."
    )
    got = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("tideglusib", 210) in got and all(t != "riluzole" for t, _ in got)


@pytest.mark.parametrize(
    "text",
    [
        "In 2022, AMX0035 (sodium phenylbutyrate and taurursodiol) met its primary endpoint.",
        "2022年，苯丁酸钠和牛磺二醇口服固定剂量配方(AMX0035)获得FDA批准。",
    ],
)
def test_the_parts_of_a_named_combination_are_not_therapies(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} == {"amx0035"}


def test_counts_as_adjectives_and_randomisation_dates(toolkit):
    text = "Data from the 664-participant phase 3 study of masitinib were randomized between July 2020 and Dec 2021."
    got = {(c.enrollment, c.date) for c in claims_of(toolkit, text)}
    assert (664, "2020-07") in got and (664, "2021-12") in got


def test_code_names_may_end_in_several_letters(toolkit):
    text = "The phase 1 study of XY228CN started on 2025-09-15."
    assert {(c.therapy, c.unlisted) for c in claims_of(toolkit, text)} == {("xy228cn", True)}


def test_a_clause_that_is_only_a_time_dates_the_clause_after_it(toolkit):
    text = "For two decades riluzole was the only option, but in 2019, tideglusib entered a phase 2 trial."
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("tideglusib", "2019") in got and ("riluzole", "2019") not in got


def test_an_adjective_count_needs_no_other_cue(toolkit):
    text = "Data from a 212-patient study show ropinirole is well tolerated."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {212}


@pytest.mark.parametrize(
    "text",
    [
        "国内有超过4万例渐冻症患者，托夫生于2024年获批，其中携带SOD1突变的患者超过1200例。",
        "日本每年新增病例约2500例，依达拉奉于2015年在日本获批。",
    ],
)
def test_counts_of_a_countrys_patients_are_not_enrollment(toolkit, text):
    claims = claims_of(toolkit, text)
    assert claims and {c.enrollment for c in claims} == {None}


def test_a_per_arm_size_is_a_design_fact_not_the_trials_size(toolkit):
    text = "马赛替尼的3期研究每组将纳入约200名患者[9]。"
    (claim,) = claims_of(toolkit, text)
    assert (claim.enrollment, claim.design, claim.refs) == (None, ("200 per arm",), (9,))


def test_pinyin_glosses_do_not_break_names_and_quotes_keep_them(toolkit):
    text = "利鲁(lǔ)唑(zuò)于1995年获(huò)批(pī)上市，渐冻症(ALS)患者从此有药可用。"
    (claim,) = claims_of(toolkit, text)
    assert (claim.therapy, claim.date) == ("riluzole", "1995")
    assert text[claim.start : claim.end].startswith("利鲁(lǔ)唑(zuò)于1995年")


def test_a_table_flattened_one_cell_per_line_gives_each_row_its_facts(toolkit):
    text = (
        "Table 2. Trials of the last ten years.\n\n"
        "NCT01234567/ [7]\n\nPhase II\n\n88 participants\n\nTideglusib\n\n"
        "Tideglusib 1000 mg daily for 24 weeks; no change in ALSFRS-R.\n"
        "NCT07654321/ [8]\n\nPhase I\n\n24 participants\n\nRopinirole\n\n"
        "Ropinirole up to 16 mg daily for 24 weeks; delayed progression."
    )
    got = {(c.therapy, c.phase, c.enrollment, c.refs) for c in claims_of(toolkit, text)}
    assert ("tideglusib", "2", 88, (7,)) in got and ("ropinirole", "1", 24, (8,)) in got
    assert all(c.phase != "2" for c in claims_of(toolkit, text) if c.therapy == "ropinirole")


def test_a_registry_record_gives_its_fields_to_the_unlisted_product_it_is_about(toolkit):
    text = (
        "# A Study of Motor Neuron Cells (QX512NP) in People With ALS\n\n"
        "> **NCT09999999** · PHASE1 · RECRUITING · enrollment: 24 (estimated)\n\n"
        "## Interventions\n\n- **DRUG:** Motor Neuron Cells (QX512NP)\n- **DRUG:** QX512NP low dose\n\n"
        "## Key facts\n\n- **Start date:** 2025-09-15\n- **Primary completion:** 2027-01-31\n"
        "- **Last updated:** 2025-11-21\n"
    )
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"qx512np"}
    assert {c.date for c in claims} - {None} == {"2025-09-15", "2027-01-31"}
    assert {c.enrollment for c in claims} - {None} == {24}


def test_a_registry_field_whose_value_is_on_the_next_line_gives_its_fact(toolkit):
    text = (
        "Clinical Study of QX512NP in ALS Patients\n\nNCT ID: NCT09999998\n\n"
        "Last Updated: 2023-11-22\n\nClinical Phase\n\nPHASE2\n\n"
        "Total Enrollment\n\n64 participants\n\nStudy Start Date\n\n2023-01-18\n\n"
        "Study Completion Date\n\n2027-09-30\n\n"
        "This is a randomized double-blind study of QX512NP. QX512NP is given daily.\n"
    )
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"qx512np"}
    assert {c.date for c in claims} - {None} == {"2023-01-18", "2027-09-30"}


def test_a_trial_listings_end_date_is_its_trials(toolkit):
    # a trial finder's listing: "End date" alone on its line, as its other fields
    text = (
        "A Study of QX512NP as Treatment for ALS\n\n  • End date\n    Mar 3, 2027\n"
        "  • sponsor\n    University Hospital\n\n"
        "The aim of this phase 2 study is to analyze the safety of QX512NP in 60 patients.\n"
    )
    claims = claims_of(toolkit, text)
    assert {c.date for c in claims if c.therapy == "qx512np"} - {None} == {"2027-03-03"}


def test_registry_fields_in_chinese_give_dates_and_sizes(toolkit):
    text = "托夫生扩展研究登记信息\n\n研究开始日期：2024-03-01\n\n样本量：60\n\n托夫生由渤健开发，托夫生已获批。"
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"tofersen"}
    assert {c.date for c in claims} - {None} == {"2024-03-01"}
    assert {c.enrollment for c in claims} - {None} == {60}


TABLE_ONE_ROW_PER_LINE = (
    "Table 3. Trials of neurotrophic factors.\n"
    "Trial id Agent Route Phase and status Cohort size Outcomes References Year\n"
    "SYSTEMIC\n"
    "Not given CNTF SC Phase I, stopped 44 Safe and tolerated (31) 1994\n"
    "Not given SC Phase II/III 1 020 No effect on progression (32, 34) 1996\n"
    "NCT00012345 BDNF IT Phase I 12 Feasible (35–37) 2001\n"
)


def test_a_table_copied_one_row_per_line_reads_each_row_by_its_header(toolkit):
    got = {
        (c.therapy, c.phase, c.enrollment, c.date, c.refs)
        for c in claims_of(toolkit, TABLE_ONE_ROW_PER_LINE)
    }
    assert got == {
        ("cntf", "1", 44, "1994", (31,)),
        ("cntf", "2/3", 1020, "1996", (32, 34)),  # the row above's therapy: a merged cell
        ("bdnf", "1", 12, "2001", (35, 36, 37)),
    }


def test_a_prose_line_with_column_words_is_no_table_header(toolkit):
    text = (
        "The phase 3 trial of masitinib enrolled 400 patients and reported outcomes in 2021\n"
        "the year after design changes, with results 12 months later.\n"
    )
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib"}
    assert {c.enrollment for c in claims_of(toolkit, text)} == {400}


# --- provenance: which rule gave each field --------------------------------------


def test_claims_explain_prints_the_rule_behind_each_field(tmp_path, toolkit):
    from click.testing import CliRunner

    from alsingest import store
    from alsingest.cli import cli
    from alsingest.pipeline import ingest_files

    path = tmp_path / "a.txt"
    path.write_text(
        "依达拉奉是一种自由基清除剂。\n\n2017年5月，该药获得美国FDA批准[1]。\n\n"
        "参考资料\n[1] https://example.org/edaravone",
        encoding="utf-8",
    )
    db_path = tmp_path / "c.db"
    db = store.open_db(db_path)
    ingest_files(db, [path], toolkit)
    (claim_id,) = [row["claim_id"] for row in db.query("select claim_id from claims")]
    db.close()
    runner = CliRunner()
    listing = runner.invoke(cli, ["claims", "--db", str(db_path)])
    assert claim_id[:8] in listing.output
    result = runner.invoke(cli, ["claims", "--db", str(db_path), "--explain", claim_id[:6]])
    assert result.exit_code == 0, result.output
    why = result.output.split("why:")[1]
    assert (
        "therapy: named in the sentence (ANAPHOR '该药': the therapy the text was last about)"
        in why
    )
    assert "date: CN_DATE" in why
    assert "type: APPROVAL words" in why
    assert "ref 1: a marker of its sentence" in why
    missing = runner.invoke(cli, ["claims", "--db", str(db_path), "--explain", "zzzz"])
    assert missing.exit_code == 1 and "no current claim has an id starting 'zzzz'" in missing.output


@pytest.mark.parametrize(
    "text",
    [
        "The company has three more candidates in phase 1: the antibody AB-101, the oligo "
        "XY-202 and the inhibitor CD-303, licensed from a partner.",
        "Two projects are in phase 1: the oligo AB-101; the inhibitor CD-303.",
    ],
)
def test_a_lead_in_before_a_colon_gives_its_phase_to_every_listed_therapy(toolkit, text):
    phases = {c.therapy: c.phase for c in claims_of(toolkit, text)}
    assert phases.get("ab101") == "1" and phases.get("cd303") == "1", phases


@pytest.mark.parametrize(
    "text",
    ["A Phase 1–2 trial of AB-101 enrolled 60 patients.", "AB-101的I—II期临床试验纳入60例患者。"],
)
def test_a_phase_range_written_with_a_dash_is_both_phases(toolkit, text):
    assert {c.phase for c in claims_of(toolkit, text) if c.therapy == "ab101"} == {"1/2"}


@pytest.mark.parametrize(
    "text",
    [
        "2021年3月，一名患者接受了Zorbit BCI的植入。该公司计划对其支架植入物开展早期可行性研究，共有八名受试者。",
        "2021年3月，一名患者接受了Zorbit BCI的植入。此后公司在八名患者体内植入了其发明的脑机装置。",
        "In March 2021 a patient received the Zorbit BCI. The company plans to test its implant in "
        "eight participants.",
    ],
)
def test_a_device_named_before_bci_and_then_by_description(toolkit, text):
    claims = claims_of(toolkit, text)
    assert any(c.therapy == "zorbit" and c.date == "2021-03" for c in claims), claims
    assert any(c.therapy == "zorbit" and c.enrollment == 8 for c in claims), claims


@pytest.mark.parametrize(
    "text",
    [
        "ZX-101是一种口服疗法，结合了两种现有的药物：苯丁酸钠(sodium phenylbutyrate)和"
        "牛磺熊去氧胆酸(taurursodiol)。该2期临床试验纳入137名参与者。",
        "ZX-101 combines two existing drugs, tauroursodeoxycholic acid and sodium phenylbutyrate. The phase 2 "
        "trial of the drug enrolled 137 participants.",
        "ZX-101由苯丁酸钠和牛磺熊去氧胆酸两种药物组成。该药的2期临床试验纳入137名参与者。",
    ],
)
def test_the_parts_a_product_combines_are_not_the_therapy_the_text_goes_on_about(toolkit, text):
    assert {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)} == {("zx101", 137)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Neural progenitor cells (XQ12-NPC-BDNF) were tested in a phase 1 trial of 18 patients.",
            "xq12npcbdnf",
        ),
        ("The phase 1 trial of XQ121-ALS enrolled 18 patients.", "xq121"),
        ("Uptake of PBR28-PET fell in a phase 1 trial of AB-101 in 18 patients.", "ab101"),
    ],
)
def test_a_code_name_goes_on_in_named_parts_but_not_into_a_disease_or_a_scan(
    toolkit, text, expected
):
    assert {c.therapy for c in claims_of(toolkit, text)} == {expected}


@pytest.mark.parametrize(
    "arm",
    ["组3：相匹配的安慰剂+利鲁唑。", "Arm 3: matching placebo plus riluzole."],
)
def test_a_placebo_arm_on_background_care_is_no_claim_of_the_background_drug(toolkit, arm):
    text = (
        "AB-101是一种口服酪氨酸激酶抑制剂。AB-101的3期研究将招募495名患者，随机分为3组。"
        "组1：AB-101+利鲁唑。组2：AB-101（高剂量）+利鲁唑。此前AB-101的2期研究显示其安全性良好。"
        + arm
    )
    assert "riluzole" not in {c.therapy for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "March 2022 - AB-101 arm stopped early for futility. You can read more here\n\n"
        "Feb 2022 - The trial added its fifth arm.",
        "In March 2022 the AB-101 arm was halted due to lack of efficacy.",
    ],
)
def test_an_arm_stopped_for_futility_is_a_missed_outcome_of_its_month(toolkit, text):
    claims = [c for c in claims_of(toolkit, text) if c.therapy == "ab101"]
    assert [(c.date, c.type) for c in claims] == [("2022-03", "trial_result")], claims


def test_an_english_line_without_a_stop_ends_at_a_blank_line_before_a_capital():
    text = "Latest News\n\nSee the press release here\n\nFeb 2022 - The fifth arm opened.\n"
    bodies = [text[p.start : p.end] for p in paragraphs_of(text)]
    assert bodies == [
        "Latest News",
        "See the press release here",
        "Feb 2022 - The fifth arm opened.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "根据该公司发布的2023年财报，AB-101在2023年的总销售额为3.8亿美元。",
        "According to its 2023 annual report, AB-101 brought in $380 million in 2023.",
    ],
)
def test_the_year_of_a_financial_report_is_no_event_date(toolkit, text):
    assert [c.date for c in claims_of(toolkit, text) if c.date] == []


@pytest.mark.parametrize(
    "text",
    [
        "苯丁酸钠-牛磺酸二醇(PB-TURSO)于2022年在加拿大获批。",
        "苯丁酸钠/牛磺熊去氧胆酸于2022年在加拿大获批。",
    ],
)
def test_parts_of_a_fixed_combination_joined_as_one_name_are_the_combination(toolkit, text):
    # config/therapies.json lists "sodium phenylbutyrate and taurursodiol" for amx0035.
    assert {(c.therapy, c.date) for c in claims_of(toolkit, text)} == {("amx0035", "2022")}


def test_a_lexicon_reads_combinations_from_aliases_that_join_its_therapies():
    from alsingest.lexicon import Lexicon

    lexicon = Lexicon({"a": ["alpha"], "b": ["beta"], "ab": ["alpha and beta"], "c": ["a/x"]})
    assert lexicon.combinations == {"a": "ab", "b": "ab"}


@pytest.mark.parametrize(
    "text",
    [
        "2022年5月，美国FDA批准AB-101口服混悬液上市。AB-101是一种自由基清除剂。\n"
        "FDA的批准得到多项研究的支持，包括评估137名患者的关键性3期临床研究。",
        "In May 2022 the FDA approved an oral suspension of AB-101. AB-101 is a free radical "
        "scavenger.\nThe approval was supported by several studies, including a pivotal phase 3 "
        "trial of 137 patients.",
    ],
)
def test_one_study_singled_out_of_many_is_the_subjects(toolkit, text):
    facts = {(c.therapy, c.phase, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("ab101", "3", 137) in facts, facts


@pytest.mark.parametrize(
    "text",
    [
        "Participants received 10, 20, 30, or60 mgsingle doses of AB-101 or placebo in a phase 1 trial.",
        "Overall 100mg/day AB-101 was safe in the phase 2 trial.",
        "No progression was seen in the phase 1 trial of AB-101 for up to18 months after surgery.",
    ],
)
def test_a_quantity_or_a_quantity_word_before_a_dose_is_no_drug_name(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} == {"ab101"}


@pytest.mark.parametrize(
    "text",
    [
        "The company also ran a phase 2 trial of AB-101, which had the benefits of CD-303 without "
        "its side effects. This was a large trial with over 400 participants.",
        "公司还开展了AB-101的2期试验，AB-101具备CD-303的全部优点。这是一项纳入400多名受试者的大型试验。",
    ],
)
def test_what_follows_is_about_the_therapy_a_sentence_stated_a_fact_of(toolkit, text):
    sized = {c.therapy for c in claims_of(toolkit, text) if c.enrollment == 400}
    assert sized == {"ab101"}


@pytest.mark.parametrize(
    "text, n",
    [("纳入400多名受试者", 400), ("纳入400余名受试者", 400), ("纳入二十多名受试者", None)],
)
def test_a_count_with_more_after_its_digits_counts_them(toolkit, text, n):
    claims = claims_of(toolkit, f"AB-101的2期试验{text}。")
    assert [c.enrollment for c in claims if c.therapy == "ab101"] == [n]


@pytest.mark.parametrize(
    "text",
    [
        "Participants were randomised to receive AB-101 200 mg once a day or matched placebo. "
        "Between Feb 27, 2020, and July 24, 2023, 554 people with a motor neuron disease were "
        "randomly assigned.",
        "受试者随机接受AB-101或安慰剂治疗。2020年2月27日至2023年7月24日，共有554名患者被随机分组。",
    ],
)
def test_a_trials_period_and_its_size_in_a_sentence_naming_no_therapy(toolkit, text):
    facts = {(c.date, c.enrollment) for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert {("2020-02-27", 554), ("2023-07-24", 554)} <= facts, facts


def test_a_cohort_that_includes_n_patients_counts_them(toolkit):
    text = (
        "AB-101 is a small molecule inhibitor tested in a phase 2 study. The high-dose cohort for "
        "the study includes 31 patients with probable or definite ALS."
    )
    assert 31 in {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ab101"}


@pytest.mark.parametrize(
    "care",
    [
        "A group of 18 participants undergoing treatment with Acme's Radicava (edaravone) will "
        "also join the trial.",
        "A group of 18 participants already taking riluzole will also join the trial.",
    ],
)
def test_participants_on_their_usual_care_make_no_claim_of_that_care(toolkit, care):
    text = (
        "AB-101 is an oral heat-shock protein amplifier. The phase 3 trial of AB-101 has recruited "
        "231 patients. AB-101 capsules or placebo are given for 76 weeks. " + care
    )
    assert {c.therapy for c in claims_of(toolkit, text)} == {"ab101"}


# --- the session's rules kept from misfiring (ordinary ALS news sentences) -------------------


@pytest.mark.parametrize(
    "text, absent",
    [
        ("AMX0035-naive participants joined the phase 3 trial of 600.", "amx0035naive"),
        (
            "In March 2021 a wireless BCI let a man with ALS speak in a trial of 3 patients.",
            "wireless",
        ),
        ("In 2022 the AB-101 trial in 60 patients found 苯丁酸钠/安慰剂组 differences.", "amx0035"),
    ],
)
def test_names_the_new_rules_must_not_make(toolkit, text, absent):
    assert absent not in {c.therapy for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text, therapy, fact",
    [
        # a price in the clause does not make an approval's date a sales figure's
        (
            "The FDA approved AB-101 in April 2023 at a list price of $14,000 per dose.",
            "ab101",
            ("date", "2023-04"),
        ),
        # "currently on the market" is no patient on background care
        (
            "The only drugs currently on the market are riluzole, approved in 1995, and edaravone.",
            "riluzole",
            ("date", "1995"),
        ),
    ],
)
def test_facts_the_new_rules_must_keep(toolkit, text, therapy, fact):
    kind, value = fact
    assert value in {getattr(c, kind) for c in claims_of(toolkit, text) if c.therapy == therapy}


@pytest.mark.parametrize(
    "text, therapy, kind, value",
    [
        (
            "An interim analysis for futility of the phase 3 AB-101 trial is planned for mid-2025.",
            "ab101",
            "outcome",
            "missed",
        ),
        (
            "Tofersen is an antisense drug. Tofersen was approved in 2023. In a 2017 study in Japan, 137 patients already taking riluzole were followed.",
            "tofersen",
            "enrollment",
            137,
        ),
        (
            "In 2022: the FDA approved Relyvrio, and riluzole remains the standard of care.",
            "riluzole",
            "date",
            "2022",
        ),
        (
            "Tofersen is an antisense drug. Tofersen was approved in 2023. Numerous drugs have failed in ALS, including several phase 3 trials that enrolled more than 500 patients.",
            "tofersen",
            "enrollment",
            500,
        ),
        (
            "AB-101 is tested in a phase 2 trial. It has changed the lives of 12 people with ALS the charity works with and cares about.",
            "ab101",
            "enrollment",
            12,
        ),
    ],
)
def test_facts_the_new_rules_must_not_make(toolkit, text, therapy, kind, value):
    assert value not in {getattr(c, kind) for c in claims_of(toolkit, text) if c.therapy == therapy}


def test_a_page_break_after_a_word_that_needs_more_is_no_paragraph_end():
    text = (
        "The phase 3 trial of AB-101 enrolled 120 patients at\n\n"
        "Massachusetts General Hospital and 60 other sites in\n\n"
        "the United States between 2019 and 2021, and Canada.\n"
    )
    assert len(paragraphs_of(text)) == 1


@pytest.mark.parametrize(
    "text, therapy",
    [
        (
            "The trial has three arms: drug 1 (Zorbatine Hydrochloride - phase 3) and placebo.",
            "zorbatine",
        ),
        (
            "A new drug, called Zorbatine, was added to the phase 3 trial in April 2023.",
            "zorbatine",
        ),
    ],
)
def test_a_drug_named_with_its_salt_or_introduced_by_name(toolkit, text, therapy):
    assert therapy in {c.therapy for c in claims_of(toolkit, text)}


def test_an_arm_removed_for_lack_of_benefit_is_a_missed_outcome(toolkit):
    text = "In September 2023, AB-101 was removed from the trial due to lack of benefit."
    assert [(c.date, c.outcome) for c in claims_of(toolkit, text)] == [("2023-09", "missed")]


def test_each_year_column_of_a_table_row_dates_it_and_its_reference_year_does_not(toolkit):
    text = (
        "TABLE 1.\n"
        "Candidate | Phase | Patients | Start year | Completion year | Reference |\n"
        "---|---|---|---|---|---|\n"
        "AB-101 | Ⅲ | 130 | 2017 | 2020 | Oki et al. (2022) |\n"
    )
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert dates == {"2017", "2020"}


@pytest.mark.parametrize(
    "text",
    [
        "AB-101 was added to the HEALEY ALS platform trial in April 2023.",
        "2023年4月，AB-101加入HEALEY平台试验。",
    ],
)
def test_a_regimen_added_to_a_platform_trial_starts_its_trial_then(toolkit, text):
    assert {(c.type, c.date) for c in claims_of(toolkit, text)} == {("trial_start", "2023-04")}


def test_an_article_about_one_cell_therapy_class_carries_its_trial_facts(toolkit):
    text = (
        "Human neural stem cell transplantation in ALS: results of a phase I trial.\n"
        "We transplanted fetal human neural stem cells into the spinal cord of patients with ALS. "
        "The neural stem cells were injected in two sessions. The study enrolled 18 patients."
    )
    assert 18 in {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "nsc"}


def test_arms_added_in_an_n_equals_are_summed(toolkit):
    text = (
        "Six patients were treated in the phase 1 trial of AB-101: three received unilateral "
        "injections and the others bilateral ones (n = 3 + 3)."
    )
    assert {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ab101"} == {6}


def test_a_manuscript_or_pubmed_id_is_no_therapy(toolkit):
    text = (
        "NIHMSID: NIHMS565900  PMID: 24510776\n\n"
        "Intraspinal stem cell transplantation: phase I trial outcomes. The trial enrolled 12 "
        "patients in January 2008. Patients received injections."
    )
    names = {c.therapy for c in claims_of(toolkit, text)}
    assert not names & {"nihms565900", "pmid24510776"}, names


@pytest.mark.parametrize(
    "text, n",
    [
        ("AB-101的3期试验共纳入240例患者。在主要分析人群(n=90)中，AB-101延缓了病情进展。", 240),
        ("AB-101的3期试验在意向治疗人群(n=240)中评估了安全性。", 240),
        (
            "The phase 3 trial of AB-101 enrolled 240 participants. In the primary efficacy "
            "population (n = 151), AB-101 slowed decline.",
            240,
        ),
        ("In the per-protocol set, AB-101 (n = 70) and placebo (n = 68) differed.", None),
        ("结果显示，在主要疗效人群中，AB-101组(n=99)与安慰剂组(n=102)的差异为3.4分。", None),
    ],
)
def test_an_analysis_set_smaller_than_the_trial_is_no_enrollment(toolkit, text, n):
    counts = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert counts - {None} == ({n} if n else set()), counts


@pytest.mark.parametrize(
    "text",
    [
        "AB-101 is an antibody tested in a phase 2 trial. In Japan, it is reported that "
        "approximately 10,000 patients are designated as having the disease.",
        "AB-101是一种抗体，正在2期试验中评估。日本约有10000名患者被认定患有该病。",
    ],
)
def test_people_counted_in_a_sentence_naming_no_drug_nor_trial_are_no_enrollment(toolkit, text):
    counts = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert counts <= {None}, counts


@pytest.mark.parametrize(
    "text",
    [
        "AB-101 is an antibody tested in a phase 2 trial. About 120 patients took part.",
        "AB-101是一种抗体，正在2期试验中评估。约有120名患者参加。",
        "AB-101 is an antibody. More than 120 patients were treated.",
    ],
)
def test_an_estimate_of_people_who_take_part_is_still_an_enrollment(toolkit, text):
    counts = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert 120 in counts, counts


@pytest.mark.parametrize(
    "text, n",
    [
        ("In this phase 1 trial, AB-101 was given to four cohorts of eight patients each.", 32),
        (
            "In this phase 1 trial, AB-101 was given to 3 ascending dose cohorts of 10 participants.",
            30,
        ),
        ("AB-101的1期试验共设4个剂量组，每组8例患者。", 32),
    ],
)
def test_groups_of_a_size_count_their_product(toolkit, text, n):
    counts = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert counts == {n}, counts


@pytest.mark.parametrize(
    "text, n",
    [
        ("在参与AB-101研究的患者中，56人最初随机分配接受AB-101，34人接受安慰剂。", 90),
        ("AB-101的2期研究中，30名患者接受AB-101，15名患者接受安慰剂。", 45),
        ("AB-101的2期研究共纳入50名患者，30名接受AB-101，20名接受安慰剂。", 50),
    ],
)
def test_counts_each_followed_by_what_they_received_are_arms(toolkit, text, n):
    counts = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert counts == {n}, counts


@pytest.mark.parametrize(
    "text, date",
    [
        (
            "Acme filed AB-101 with the FDA in 2021. The following year, the FDA approved AB-101.",
            "2022",
        ),
        ("AB-101 entered a phase 2 trial in 2018. A year later, AB-101 entered phase 3.", "2019"),
        (
            "AB-101 was approved in Japan in 2015. In the same year, AB-101 received orphan drug designation.",
            "2015",
        ),
        ("AB-101 was approved in 2017. The previous year, AB-101 had been filed.", "2016"),
    ],
)
def test_the_year_before_or_after_the_one_named_dates_an_english_event(toolkit, text, date):
    second = text.index(". ") + 2
    dates = {c.date for c in claims_of(toolkit, text) if c.start >= second}
    assert dates == {date}, dates


def test_a_time_to_come_is_no_year_after_the_one_named(toolkit):
    text = "AB-101 entered a phase 2 trial in 2018. Over the next year, AB-101 will be dosed."
    dates = {c.date for c in claims_of(toolkit, text)}
    assert "2019" not in dates, dates


@pytest.mark.parametrize(
    "text, therapy",
    [
        (
            "The experimental therapeutic ZEN-TOX lowers a toxic protein. This phase 1 study will "
            "recruit 42 participants, all of whom will receive ZEN-TOX.",
            "zen-tox",
        ),
        ("这背后是某团队研发的无线微创脑机接口ZEN，2023年在两家医院启动临床试验。", "zen"),
    ],
)
def test_a_name_introduced_by_its_kind_is_a_therapy(toolkit, text, therapy):
    names = {re.sub(r"[^a-z0-9]", "", c.therapy) for c in claims_of(toolkit, text)}
    assert re.sub(r"[^a-z0-9]", "", therapy) in names, names


@pytest.mark.parametrize(
    "text",
    [
        "The platform trial evaluates several investigational drugs under one master protocol, "
        "each regimen enrolling 160 participants.",
        "该候选药物IND申请于2023年获得受理，将开展1期临床试验。",
        "这款新药ALS患者可以使用，2024年启动了3期临床试验。",
    ],
)
def test_a_word_or_an_abbreviation_after_a_kind_is_no_name(toolkit, text):
    names = {c.therapy for c in claims_of(toolkit, text)}
    assert not names & {"under", "ind", "als"}, names


@pytest.mark.parametrize(
    "text",
    [
        "2023年7月，一种全新的治疗药物正式进入临床应用，用于成人渐冻症的治疗。这一药物名为AB-101，是首个获批的同类药物。",
        "In July 2023, a new kind of medicine entered clinical use for adults with ALS. The drug is "
        "called AB-101 and is the first of its kind.",
    ],
)
def test_a_drug_described_and_named_in_the_next_sentence_owns_the_facts(toolkit, text):
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert "2023-07" in dates, dates


def test_a_cell_class_named_in_the_singular_with_its_source_is_the_class(toolkit):
    text = (
        "A phase 1 study of fetal brain-derived neural stem cell grafts enrolled 15 ALS subjects."
    )
    claims = claims_of(toolkit, text)
    assert {(c.therapy, c.phase, c.enrollment) for c in claims} == {("nsc", "1", 15)}, claims


def test_a_year_inside_a_code_is_no_date(toolkit):
    text = "The phase 1 study of AB-101 started under Protocol Number AB2019-3 in 2020."
    dates = {c.date for c in claims_of(toolkit, text)}
    assert dates == {"2020"}, dates


def test_a_trial_conducted_over_a_period_with_asides_after_its_dates(toolkit):
    text = (
        "AB-101 was tested in the phase 2 ZENITH trial. The double-blind part of ZENITH was "
        "conducted from March 3, 2020 (first patient, first visit (FPFV)) through May 5, 2021 "
        "(last patient, last visit)."
    )
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert {"2020-03-03", "2021-05-05"} <= dates, dates


def test_a_device_named_by_its_maker_with_a_space_before_de(toolkit):
    text = "2020 年 8 月，FDA 授予 Zenlink 的脑机接口“突破性设备”称号。六名患者体内将被植入 Zenlink 的脑机接口设备。"
    facts = {(c.therapy, c.date, c.enrollment) for c in claims_of(toolkit, text)}
    assert {("zenlink", "2020-08", None), ("zenlink", None, 6)} <= facts, facts


@pytest.mark.parametrize(
    "text",
    [
        "2023年12月，AB-101的研发公司宣布获得了7500万美元融资。",
        "In December 2023, the maker of AB-101 announced it had raised $75 million in a Series C round.",
    ],
)
def test_a_funding_round_dates_no_event_of_the_therapy(toolkit, text):
    dates = {c.date for c in claims_of(toolkit, text)}
    assert "2023-12" not in dates, dates


def test_each_phase_takes_the_count_of_its_own_clause(toolkit):
    text = "AB-101的1期安全性试验有12名患者参与，2期剂量递增研究有14名患者参与。"
    facts = {(c.phase, c.enrollment) for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert facts == {("1", 12), ("2", 14)}, facts


def test_a_count_followed_by_taking_part_is_an_enrollment(toolkit):
    text = "AB-101的3期研究纳入108名患者。在这些患者中，有95名参加了正在进行的开放标签扩展研究。"
    counts = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert {108, 95} <= counts, counts


@pytest.mark.parametrize(
    "text, absent",
    [
        ("AB-101 (n=37) shows 32% slowing of decline vs placebo (n=35) in ALSFRS-R.", "decline"),
        ("AB-101 (n=37) shows less worsening (wk24 Δ2.9, p=0.03) than placebo.", "wk24"),
        (
            "AB-101 was given until day28 and the visit3 scores were recorded in 20 patients.",
            "day28",
        ),
    ],
)
def test_an_outcome_word_or_a_time_point_is_no_drug(toolkit, text, absent):
    names = {c.therapy for c in claims_of(toolkit, text)}
    assert absent not in names and "ab101" in names, names


@pytest.mark.parametrize(
    "text, claimed",
    [
        ("AB-101 is being tested in the pivotal ZENITH trial, due to read out next year.", True),
        ("AB-101已进入注册临床试验阶段。", True),
        ("Scientists called the discovery of AB-101 a pivotal moment for the field.", False),
    ],
)
def test_a_pivotal_trial_is_a_design_of_the_therapy_tested_in_it(toolkit, text, claimed):
    names = {c.therapy for c in claims_of(toolkit, text)}
    assert ("ab101" in names) == claimed, names


@pytest.mark.parametrize(
    "text, therapy",
    [
        (
            "In January 2022, Prilenia's priodopidine was added to the platform trial.",
            "pridopidine",
        ),
        ("Amylyx withdrew Relyviro in 2024 after the PHOENIX trial.", "amx0035"),
    ],
)
def test_a_listed_name_with_one_letter_wrong_is_that_name(toolkit, text, therapy):
    assert therapy in {c.therapy for c in claims_of(toolkit, text)}


def test_a_word_two_letters_off_a_listed_name_is_not_it():
    from alsingest.lexicon import Lexicon

    lexicon = Lexicon({"pridopidine": ["Pridopidine"], "nurown": ["NurOwn"]})
    assert lexicon.misspelt("priodopidine") == "pridopidine"
    assert lexicon.misspelt("pridopidine") is None  # listed
    assert lexicon.misspelt("prodopadine") is None  # two letters off
    assert lexicon.misspelt("nurowns") is None  # short aliases are not looked near


def test_a_seven_letter_word_is_no_misspelt_name():
    # a review of session 24: seven-letter words one letter off a name are too often words or
    # other brands ("cause celebre" is no Celebrex, "Prostin" no prosetin)
    from alsingest.lexicon import Lexicon

    lexicon = Lexicon({"celecoxib": ["Celebrex"], "prosetin": ["Prosetin"], "x": ["Prograf"]})
    assert lexicon.misspelt("celebre") is None
    assert lexicon.misspelt("prostin") is None
    assert lexicon.misspelt("program") is None
    assert lexicon.misspelt("celebrexx") == "celecoxib"  # eight letters and more: still read


def test_a_platforms_first_arms_are_not_the_regimen_named_before(toolkit):
    text = (
        "Timeline of the platform trial:\n\n"
        "Jan 2022 - The trial completes enrollment for the 4th arm, AB-101.\n\n"
        "Nov 2021 - The trial completes enrollment in the first 3 arms.\n"
    )
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert dates == {"2022-01"}, dates


def test_another_group_besides_the_trials_own_is_no_enrollment(toolkit):
    text = (
        "AB-101的2/3期平台试验共有163名患者被随机分为AB-101组和安慰剂组。"
        "另外122名同时随机分配的参与者在其他方案中接受安慰剂，并纳入分析。"
    )
    counts = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert counts - {None} == {163}, counts


# --- session 8's rules, as a review of them found them misfire (each fixed) ---------------


@pytest.mark.parametrize(
    "text, absent",
    [
        (
            "Acme is creating a new phase 3 trial of AB-101 that will enroll 600 patients.",
            "creatine",
        ),
        ("The design was creative. The phase 2 trial of AB-101 enrolled 80 patients.", "creatine"),
        ("该公司计划于2024年开展新药DDI研究，评估AB-101的相互作用。", "ddi"),
        ("2023年，公司提交了新药CTA申请，AB-101的1期试验将随后开始。", "cta"),
        (
            "Experimental Drug Shows Promise. AB-101 slowed decline in a 2023 phase 2 trial.",
            "shows",
        ),
        ("Investigational Therapy Slows ALS Progression in Phase 2 Trial of AB-101", "slows"),
        (
            "AB-101 began a phase 2 trial in 2019. Patients who had taken riluzole in the year "
            "before enrollment were excluded.",
            "riluzole",
        ),
    ],
)
def test_names_the_session8_rules_must_not_make(toolkit, text, absent):
    names = {c.therapy for c in claims_of(toolkit, text)}
    assert absent not in names, names


@pytest.mark.parametrize(
    "text, therapy, fact",
    [
        (
            "A total of 48 patients were enrolled in the phase 1 trial of AB-101, including two "
            "cohorts of 8 patients who received placebo.",
            "ab101",
            ("enrollment", 48),
        ),
        ("AB-101的3期试验在全分析集(n=108)中评估了疗效。", "ab101", ("enrollment", 108)),
        (
            "In the full analysis set (n=108), AB-101 was compared with placebo.",
            "ab101",
            ("enrollment", 108),
        ),
        (
            "The safety analysis set (n=108) of the AB-101 phase 3 trial was analysed.",
            "ab101",
            ("enrollment", 108),
        ),
        (
            "In September 2022, AB-101 was approved by the FDA and generated $380 million in sales.",
            "ab101",
            ("date", "2022-09"),
        ),
        (
            "The first patient was dosed with HRS-9531 in the phase 1 trial in May 2023.",
            "hrs9531",
            ("date", "2023-05"),
        ),
        (
            "In 2022 the first patient was dosed with MIN-102 in a phase 1 trial.",
            "min102",
            ("date", "2022"),
        ),
    ],
)
def test_facts_the_session8_rules_must_keep(toolkit, text, therapy, fact):
    kind, value = fact
    values = {getattr(c, kind) for c in claims_of(toolkit, text) if c.therapy == therapy}
    assert value in values, values


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("研究人员希望AB-101能在2026年前进入临床应用。", "status", "reported"),
        (
            "In 2020, AB-101 showed efficacy in mice; a registrational path was discussed with FDA.",
            "type",
            "trial_design",
        ),
    ],
)
def test_facts_the_session8_rules_must_not_make(toolkit, text, kind, value):
    values = {getattr(c, kind) for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert value not in values, values


@pytest.mark.parametrize(
    "text, absent",
    [
        (
            "AB-101 30 mg was diluted in 100 ml saline. Participants were randomised to AB-101 or "
            "placebo, stratified by use of edaravone, in a phase 3 trial of 240 patients.",
            "edaravone",
        ),
        (
            "该试验将纳入400余名正在接受利鲁唑(原研药及仿制药)治疗的患者，比较AB-101与安慰剂。",
            "riluzole",
        ),
        ("AB-101 30mg加入100ml氯化钠注射液中静脉滴注，2期试验纳入60名患者。", "氯化钠注射液"),
    ],
)
def test_background_care_stratification_and_diluents_make_no_claim(toolkit, text, absent):
    names = {c.therapy for c in claims_of(toolkit, text)}
    assert absent not in names and "ab101" in names, names


@pytest.mark.parametrize(
    "text",
    [
        "Sixty participants were randomly allocated to riluzole 100 mg or riluzole plus AB-101 "
        "300 mg in a phase 2 trial.",
        "60名患者被随机分为利鲁唑组与利鲁唑联合AB-101组，开展2期临床试验。",
    ],
)
def test_a_drug_both_arms_take_under_the_added_one_is_background(toolkit, text):
    names = {c.therapy for c in claims_of(toolkit, text)}
    assert "riluzole" not in names and "ab101" in names, names


def test_a_table_with_its_cells_glued_together_keeps_each_rows_phase(toolkit):
    # A web table copied without cell separators: "Phase 2" runs into the next cell's "BMSCs".
    text = (
        "NCT01111111Safety Study of Tideglusib in Patients With (ALS)Phase 2BMSCs grown in culture"
        "Intravenous; low dose and high dose cells per kilogram, given twice"
        " over three months at two sites, with follow-up at six months14SpainNoYes[9]\n"
        "NCT02222222Dose Study of Ropinirole in ALS Patients.Phase 1/2BMSCs induced to grow"
        "Oral; up to 16 mg daily for 24 weeks12Japan"
    )
    got = {(c.therapy, c.phase) for c in claims_of(toolkit, text)}
    assert ("tideglusib", "2") in got and ("ropinirole", "1/2") in got
    assert ("ropinirole", "1") not in got


def test_a_list_of_names_each_with_its_owner_shares_the_lists_phase(toolkit):
    text = (
        "Still to report are Acme Bio's tideglusib, Zenith Cell Therapy Co.' NurOwn, "
        "Orion's ropinirole and Vega Labs' masitinib, all now in phase 2."
    )
    got = {(c.therapy, c.phase) for c in claims_of(toolkit, text)}
    assert got >= {("tideglusib", "2"), ("nurown", "2"), ("ropinirole", "2"), ("masitinib", "2")}


@pytest.mark.parametrize(
    "text",
    [
        "A total of 2,310 ALS patients were included in this review; masitinib and tideglusib "
        "were each tested in one phase 2 trial.",
        "这项荟萃分析共纳入1500名患者，涉及马赛替尼的3期随机对照试验。",
        "A network meta-analysis of the phase 3 masitinib trials pooled 1,120 participants.",
    ],
)
def test_a_reviews_pooled_patients_are_no_trials_enrollment(toolkit, text):
    claims = claims_of(toolkit, text)
    assert claims and all(c.enrollment is None for c in claims)


@pytest.mark.parametrize(
    "text, size",
    [
        (
            "马赛替尼的3期研究在中期分析(120位患者)中达到主要终点。研究将继续，以获得基于300位所招募患者的数据。",
            300,
        ),
        (
            "The phase 3 masitinib trial met its endpoint at the interim analysis (n=120) and will "
            "go on to its 300 enrolled patients.",
            300,
        ),
    ],
)
def test_the_patients_an_analysis_counted_are_not_the_trials_size(toolkit, text, size):
    sizes = {c.enrollment for c in claims_of(toolkit, text)} - {None}
    assert sizes == {size}


def test_a_sentence_about_a_number_of_drugs_is_no_claim_of_the_article_subject(toolkit):
    text = (
        "Tideglusib failed its phase 3 trial of 300 patients in 2021.\n\n"
        "Currently there are at least six drugs in phase 2 trials for ALS; each needs patients."
    )
    phases = {c.phase for c in claims_of(toolkit, text) if c.therapy == "tideglusib"}
    assert phases == {"3"}


@pytest.mark.parametrize(
    "text",
    [
        "Masitinib slowed decline by 40% in the high-risk group (confidence interval: 0.8, 9.1; "
        "n=42) of its phase 2b trial.",
        "After masitinib in the phase 2 trial, inflammation measured by PET over 24 weeks "
        "(N=22 participants) or neurofilament measured by blood tests (N=12 participants) did "
        "not fall.",
    ],
)
def test_an_n_stated_with_a_statistic_or_a_measurement_is_no_trial_size(toolkit, text):
    claims = claims_of(toolkit, text)
    assert claims and all(c.enrollment is None for c in claims)


@pytest.mark.parametrize(
    "text, size",
    [
        (
            "One year after the Stentrode was placed, none of the four participants had a "
            "serious adverse event in the feasibility trial.",
            4,
        ),
        (
            "The implant of the Stentrode stayed in place for all three participants of the trial.",
            3,
        ),
        ("One of the patients in the Stentrode trial had a serious adverse event.", None),
    ],
)
def test_a_few_named_as_the_whole_set_are_the_trials_size(toolkit, text, size):
    sizes = {c.enrollment for c in claims_of(toolkit, text)}
    assert sizes == ({size} if size else set()) or sizes == {None}


def test_a_name_given_as_another_name_of_the_one_before_is_no_mention_of_its_own(toolkit):
    text = (
        "Acme will withdraw Relyvrio®/Albrioza™ (sodium phenylbutyrate and taurursodiol [also known as "
        "ursodoxicoltaurine]; also known as AMX0035) after its phase 3 trial failed in 2024."
    )
    assert {c.therapy for c in claims_of(toolkit, text)} == {"amx0035"}


@pytest.mark.parametrize(
    "text, size",
    [
        (
            "Between May 2, 2022, and May 1, 2023, 900 participants were screened for the phase 3 "
            "masitinib trial and 150 participants were randomly assigned.",
            150,
        ),
        ("A total of 85 participants were screened for the phase 2 masitinib trial.", None),
        ("马赛替尼3期试验共筛选了300名患者，最终120名患者入组。", 120),
    ],
)
def test_those_screened_are_not_those_enrolled(toolkit, text, size):
    sizes = {c.enrollment for c in claims_of(toolkit, text)}
    assert sizes == {size}


def test_a_platforms_other_regimens_pooled_as_placebo_are_no_part_of_the_size(toolkit):
    text = (
        "共有160名患者被随机分配接受马赛替尼的2/3期试验。"
        "来自120名同时随机分配的其他方案安慰剂参与者的数据被合并分析。"
    )
    sizes = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "masitinib"}
    assert sizes - {None} == {160}


# --- session 9 review: today's rules must not make these calls (the session-start code did not) --


@pytest.mark.parametrize(
    "text, therapy, expected",
    [
        # "phase in…" is no glued phase 1
        (
            "The 28-week double-blind phase of the tofersen trial included 108 participants with "
            "SOD1-ALS.",
            "tofersen",
            {("phase", None), ("enrollment", 108)},
        ),
        # a review named in another clause does not pool the trial's count
        (
            "In this review, we describe the Phase 3 VALOR trial of tofersen, which randomized 108 "
            "participants.",
            "tofersen",
            {("enrollment", 108)},
        ),
        (
            "近期一项荟萃分析显示依达拉奉可能有效；此前其3期试验共纳入了137名患者。",
            "edaravone",
            {("enrollment", 137)},
        ),
        # assessed in a trial is no measurement subset
        (
            "Efficacy of edaravone was assessed in a 24-week, randomized, placebo-controlled Phase 3 "
            "trial (N=137).",
            "edaravone",
            {("enrollment", 137)},
        ),
        # an intention-to-treat analysis counts the trial
        (
            "In the intention-to-treat analysis (n=354), masitinib did not meet the primary endpoint "
            "of the Phase 3 trial.",
            "masitinib",
            {("enrollment", 354)},
        ),
        # screened and enrolled are enrolled
        (
            "A total of 120 patients were screened and enrolled in the Phase 2 trial of CNM-Au8 at 8 "
            "sites.",
            "cnmau8",
            {("enrollment", 120)},
        ),
        # a few singled out are no trial's size
        (
            "In the Phase 1 trial of tofersen, all three patients in the 100 mg cohort showed a "
            "reduction in CSF SOD1.",
            "tofersen",
            {("enrollment", None)},
        ),
        # "three treatments of the cells" is no generic plural
        (
            "NurOwn is an autologous cell therapy developed by BrainStorm. In the Phase 3 trial, 189 "
            "participants received three treatments of the cells, given two months apart.",
            "nurown",
            {("phase", "3"), ("enrollment", 189)},
        ),
    ],
)
def test_session9_review_guards_for_extraction(toolkit, text, therapy, expected):
    claims = [c for c in claims_of(toolkit, text) if c.therapy == therapy]
    assert claims, "the therapy's claim is kept"
    for field, value in expected:
        values = {getattr(c, field) for c in claims}
        assert (values == {None}) if value is None else (value in values), (field, values)


@pytest.mark.parametrize(
    "text, other",
    [
        (
            "Unlike Amylyx's Relyvrio, Biogen's tofersen was approved by the FDA in April 2023.",
            "amx0035",
        ),
        (
            "Like Mitsubishi Tanabe's edaravone, masitinib was tested in a Phase 3 trial that "
            "enrolled 394 patients in 2013.",
            "edaravone",
        ),
    ],
)
def test_session9_review_a_comparator_takes_no_facts_of_the_other_drug(toolkit, text, other):
    claims = claims_of(toolkit, text)
    assert claims and not any(c.therapy == other for c in claims)


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "In the randomized, double-blind, placebo-controlled phase 3 VALOR trial, which ran at 32 "
            "sites in ten countries, tofersen was given to",
            "108 adults with SOD1-ALS over 28 weeks, and the trial did not meet its primary endpoint.",
        ),
        (
            "在这项随机、双盲、安慰剂对照的3期VALOR试验中，研究人员在十个国家的三十二个中心入组了",
            "108名携带SOD1突变的成人患者，试验未达到主要终点。",
        ),
    ],
)
def test_session9_review_a_long_line_cut_mid_sentence_goes_on(first, second):
    from alsingest.structure import paragraphs_of

    text = f"{first}\n{second}\n"
    assert len(paragraphs_of(text)) == 1


def test_superscripts_glued_to_the_last_word_of_sentences_are_markers(toolkit):
    text = (
        "In 2017 edaravone was approved for people with early disease and slower decline3. "
        "In 2022 the FDA approved Relyvrio for adults with longer overall survival4.\n\n"
        "Retigabine blocked the hyperexcitability of motor neurons from patients5. Retigabine "
        "was then moved into a phase II clinical trial6. SOD1 carriers were not studied."
    )
    refs = refs_by_therapy(claims_of(toolkit, text))
    assert refs["amx0035"] == {4} and 6 in refs["retigabine"]


def test_numbers_ending_names_or_a_lone_glued_digit_are_no_markers(toolkit):
    text = (
        "Tofersen was approved in 2023 for people with mutations in SOD1. It lowers TDP-43. "
        "The phase 3 trial enrolled 108 adults with covid19. Results came in 2021."
    )
    refs = refs_by_therapy(claims_of(toolkit, text))
    assert refs and all(not r for r in refs.values())


# --- session 10 ----------------------------------------------------------------------------


def test_day_month_year_and_month_year_with_hyphens_are_dates_not_codes(toolkit):
    text = (
        "The open-label phase 2 study of weekly velotinib was run at one hospital.\n"
        "Between 03-Feb-2021 and 14-Nov-2022, 24 patients were recruited.\n"
        "Results of velotinib were reported in Jun-2022."
    )
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"velotinib"}
    assert {"2021-02-03", "2022-06"} <= {c.date for c in claims}
    assert 24 in {c.enrollment for c in claims}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Patients received 3 mg/kg KRX® every week in a phase 2 trial of 30 people.", "krx"),
        ("The phase 1 study of Neurolin™ capsules enrolled 16 patients in 2021.", "neurolin"),
    ],
)
def test_a_name_with_a_registered_or_trade_mark_is_a_therapy(toolkit, text, name):
    assert name in {c.therapy for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The ALS Society and Hope for a Cure® funded the phase 2 trial of 40 patients in 2020.",
        "The NeuroSense Flexi™ platform was used to screen 200 compounds in a phase 1 program.",
    ],
)
def test_a_mark_on_an_organisation_or_a_platform_is_no_therapy(toolkit, text):
    assert not claims_of(toolkit, text)


def test_a_name_used_where_only_a_drug_can_stand_makes_the_article_about_it(toolkit):
    # The article's one product, named only in drug contexts ("2 mg/kg KRX®"), owns the trial's
    # facts after a heading, where no earlier sentence's topic reaches.
    text = (
        "Methods\n"
        "This single-arm phase II trial of weekly 2 mg/kg KRX® was conducted in one hospital.\n"
        "Registry number. 2020-001234-56\n"
        "Results\n"
        "Between 2 March 2021 and 9 May 2022, 15 patients were recruited and treated.\n"
        "Conclusion\n"
        "Weekly KRX® injections were well tolerated."
    )
    claims = claims_of(toolkit, text)
    assert 15 in {c.enrollment for c in claims if c.therapy == "krx"}


@pytest.mark.parametrize(
    "text",
    [
        "Patients must not have been taking riluzole, or must have been on a stable dose for 30 "
        "days. The study, which has a target enrollment of 60 patients, ends in 2026.",
        "Participants were allowed to continue edaravone during the trial. The study will enrol "
        "60 patients by 2026.",
        "受试者不得使用利鲁唑。该研究计划入组60名患者，预计2026年完成。",
    ],
)
def test_drugs_in_criteria_written_as_rules_for_patients_are_background(toolkit, text):
    lead = "The phase 2 trial of velotinib began in May 2024. "
    if not text.isascii():
        lead = "马赛替尼的2期试验于2024年5月启动。"
    claims = claims_of(toolkit, lead + text)
    assert {c.therapy for c in claims} == {"velotinib" if text.isascii() else "masitinib"}
    assert 60 in {c.enrollment for c in claims}
    assert not {"riluzole", "edaravone"} & {c.therapy for c in claims}


@pytest.mark.parametrize(
    "text",
    [
        "Each patient will receive the oral agent or placebo once daily for 24 weeks.",
        "Patients took an investigational compound 50 mg twice a day in a phase 2 trial.",
    ],
)
def test_a_noun_after_an_article_is_no_drug_name(toolkit, text):
    assert not claims_of(toolkit, "Phase 2 studies of ALS therapies are under way. " + text)


def test_a_drug_after_its_route_is_still_a_name(toolkit):
    text = "Participants were randomised to receive oral velotinib 200 mg or matching placebo."
    assert "velotinib" in {c.therapy for c in claims_of(toolkit, text)}


def test_a_table_written_with_slashes_reads_each_cell_under_its_header(toolkit):
    # The count stands in the size column's own cell, not in the first number of the row
    # ("Smith, 2008[2]" holds a year before it).
    text = (
        "Table 2: earlier trials\n\n"
        "Drug / Study / Participants / Design / Result\n"
        "Ibudilast / Smith et al., 2012[1] / 230 patients / oral, 60 mg a day / No benefit\n"
        "Masitinib / Jones, 2008[2] / 394 patients in two groups / oral tablets / Slower decline\n"
    )
    sizes = {c.therapy: c.enrollment for c in claims_of(toolkit, text) if c.enrollment}
    assert sizes == {"ibudilast": 230, "masitinib": 394}


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("The 48-adult open-label study of masitinib ended in 2021.", "enrollment", 48),
        ("A 60-volunteer phase 1 study of ibudilast was run in 2019.", "enrollment", 60),
        (
            "A phase 3 study of masitinib is planned to commence in the first quarter of 2027.",
            "date",
            "2027",
        ),
        ("The phase 2 trial of ibudilast commenced in March 2024.", "date", "2024-03"),
    ],
)
def test_counts_as_adjectives_and_trials_that_commence(toolkit, text, field, value):
    assert value in {getattr(c, field) for c in claims_of(toolkit, text)}


PROTOCOL_VERSION = (
    "AB Science's masitinib trial AB10015 (protocol version 5.0, 12-Jan-2016) enrolled 394 "
    "patients; the trial started in 2013."
)


# A reviewer's texts that made the session's first rules misfire (each was right before them).
@pytest.mark.parametrize(
    "text, therapy, field, value",
    [
        # ®/™ on a device, an assay or a ventilator names no therapy
        (
            "A survey of 120 people with ALS found most use Tobii Dynavox® devices. The Tobii "
            "Dynavox® I-16 was approved for insurance coverage in 2019.",
            "dynavox",
            None,
            None,
        ),
        (
            "In the VALOR study, plasma NfL was measured with Simoa® assays in all 108 "
            "participants treated with tofersen or placebo; the trial started in 2019.",
            "simoa",
            None,
            None,
        ),
        (
            "Drug profile: ibudilast\n\nIbudilast is an oral drug developed for ALS.\n\nTrial status"
            "\n\nPhase 2b/3, 230 participants, enrollment completed in 2023.\n\nPatient support\n\n"
            "Participants receive Tobii Dynavox® speech devices and a Trilogy® home ventilator. "
            "Tobii Dynavox® staff visit monthly.",
            "ibudilast",
            "enrollment",
            230,
        ),
        # a drug after an article is still a drug
        (
            "In this randomized phase 2 study, 120 participants received either the oral trazodone "
            "or placebo twice daily for 12 months (2021-2023).",
            "trazodone",
            "enrollment",
            120,
        ),
        (
            "A phase 2 trial randomized 60 patients to tamoxifen. Patients in the tamoxifen 40 mg "
            "group had slower decline.",
            "tamoxifen",
            "enrollment",
            60,
        ),
        # "must"/"allowed to" of a company, of a wait, of the study drug: no eligibility rule
        (
            "Under its conditional approval, Amylyx must confirm the benefit of Albrioza in the "
            "Phase 3 PHOENIX trial, which enrolled 664 participants.",
            "amx0035",
            "enrollment",
            664,
        ),
        (
            "Patients in Europe must wait until 2026 for tofersen, after the EMA's CHMP "
            "recommended approval in February 2024.",
            "tofersen",
            "date",
            "2024-02",
        ),
        (
            "The first patient must be dosed with AMX0114 before the end of 2024, and the Phase 1 "
            "LUMINA trial will enroll 48 participants.",
            "amx0114",
            "enrollment",
            48,
        ),
        (
            "After 28 weeks, all participants were allowed to switch to tofersen 100 mg in the "
            "open-label extension, which began in 2020.",
            "tofersen",
            "date",
            "2020",
        ),
        (
            "Under the new protocol, patients are allowed to receive NurOwn every two months; the "
            "Phase 3b ENDURANCE trial will enroll 200 participants.",
            "nurown",
            "enrollment",
            200,
        ),
        (
            "参加该研究的携带者必须每月接受一次托夫生鞘内注射，这项III期研究共纳入150名受试者。",
            "tofersen",
            "enrollment",
            150,
        ),
        # not using a drug until its approval: the drug's own event
        (
            "Riluzole was approved in 1995, but patients in Japan were not using edaravone until "
            "its approval in June 2015.",
            "edaravone",
            "date",
            "2015-06",
        ),
        (
            "Until now Chinese patients could take only riluzole and edaravone and had never "
            "received tofersen, which the NMPA approved on June 10, 2025.",
            "tofersen",
            "date",
            "2025-06-10",
        ),
        # one drug approved, not a list of what is approved
        (
            "Qalsody (tofersen), a drug approved under the accelerated pathway after the Phase 3 "
            "VALOR study of 108 participants, is given by lumbar puncture.",
            "tofersen",
            "enrollment",
            108,
        ),
        (
            "Relyvrio became the third medication approved for ALS in the US after riluzole and "
            "edaravone, based on the Phase 2 CENTAUR trial of 137 people.",
            "amx0035",
            "enrollment",
            137,
        ),
        # a protocol's version date is no event
        (
            PROTOCOL_VERSION,
            "masitinib",
            "date",
            "2013",
        ),
    ],
)
def test_session10_review_guards_for_extraction(toolkit, text, therapy, field, value):
    claims = [c for c in claims_of(toolkit, text) if c.therapy == therapy]
    if field is None:
        assert not claims
    else:
        assert value in {getattr(c, field) for c in claims}, [
            (c.date, c.phase, c.enrollment) for c in claims
        ]


@pytest.mark.parametrize(
    "text, therapy, field, wrong",
    [
        (
            "AB Science said masitinib slowed ALSFRS-R decline by 27% among 218 patients with a "
            "normal progression rate in its Phase 2b/3 study, reported in 2017.",
            "masitinib",
            "enrollment",
            218,
        ),
        (
            "托夫生注射液于2025年6月获国家药监局批准上市。与此同时，国内已有30个临床研究中心参与了"
            "其他渐冻症新药的试验，共纳入600名患者。",
            "tofersen",
            "enrollment",
            600,
        ),
        (
            "Riluzole was approved in 1995, but patients in Japan were not using edaravone until "
            "its approval in June 2015.",
            "riluzole",
            "date",
            "2015-06",
        ),
        (
            PROTOCOL_VERSION,
            "masitinib",
            "date",
            "2016-01-12",
        ),
    ],
)
def test_session10_review_guards_against_wrong_values(toolkit, text, therapy, field, wrong):
    claims = [c for c in claims_of(toolkit, text) if c.therapy == therapy]
    assert wrong not in {getattr(c, field) for c in claims}


@pytest.mark.parametrize(
    "row, therapy, size",
    [
        ("Tofersen / Phase 1 / 2 / 50 / 2020 / (12)", "tofersen", 50),
        ("Masitinib / Phase 2 / 3 / 394 / 2017 / (15)", "masitinib", 394),
        ("Ulefnersen / 64 / 2024 / (13)", "ulefnersen", 64),
    ],
)
def test_session10_review_a_slash_row_with_a_cell_missing_or_split_keeps_its_count(
    toolkit, row, therapy, size
):
    text = f"Table 2. Selected trials\n\nDrug / Phase / Patients / Year / References\n{row}\n"
    assert size in {c.enrollment for c in claims_of(toolkit, text) if c.therapy == therapy}


@pytest.mark.parametrize(
    "text, therapy, size",
    [
        # a number word opening the sentence, the cue past the disease's name
        (
            "Forty patients with amyotrophic lateral sclerosis were randomly divided into a "
            "masitinib group and a control group.",
            "masitinib",
            40,
        ),
        # the cue past an aside that holds a semicolon
        (
            "212 patients with ALS (definite or probable; onset ≤24 months) were randomised to "
            "ibudilast or placebo.",
            "ibudilast",
            212,
        ),
        # a count whose people the sentence named before it
        (
            "Between 2021 and 2022, 640 participants were screened and 233 were randomly "
            "assigned to masitinib or placebo.",
            "masitinib",
            233,
        ),
    ],
)
def test_a_trials_size_found_past_the_words_between(toolkit, text, therapy, size):
    sizes = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == therapy}
    assert sizes == {size}


def test_those_excluded_and_drugs_patients_are_under_treatment_with_are_no_trials(toolkit):
    text = (
        "In all, 90 patients were screened; 12 patients were excluded and 78 participants were "
        "enrolled in the masitinib trial. We analysed 78 ALS patients under treatment with riluzole who "
        "were randomized to placebo or masitinib."
    )
    claims = claims_of(toolkit, text)
    assert {c.enrollment for c in claims if c.therapy == "masitinib"} == {78}
    assert "riluzole" not in {c.therapy for c in claims}


@pytest.mark.parametrize(
    "text, size",
    [
        (
            "When the trial stopped, 312 patients had started treatment with masitinib or placebo "
            "and 201 had completed 24 weeks.",
            312,
        ),
        # an arm's count inside an aside is no trial's size
        (
            "In the phase 2 trial, masitinib (for 30 patients) or placebo (for 12 patients) was "
            "given every two weeks.",
            None,
        ),
    ],
)
def test_patients_who_started_the_drug_or_placebo_are_the_trials(toolkit, text, size):
    sizes = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "masitinib"}
    assert sizes == {size}


GUARDS_B = review_guards("session10b_extract.json")


@pytest.mark.parametrize("case", GUARDS_B, ids=[c["name"] for c in GUARDS_B])
def test_session10_second_review_guards_for_extraction(toolkit, case):
    # A second reviewer's texts against the session's later rules: a year stated in an aside
    # dates no bare month; excluded "from", screened "for", commercial and expanded-access
    # patients, subgroups, arms, studies and mice are no trial's size.
    claims = [c for c in claims_of(toolkit, case["text"]) if c.therapy == case["therapy"]]
    values = {getattr(c, case["field"]) for c in claims}
    assert (case["value"] in values) == case["present"], values


# (a third reviewer's texts are in the same file, named "r3-…": a table's drug column holds no
# "None", "Standard care", "High dose" nor another table's rows; "from phase 2 to 3" is a move;
# a period's or a code's year-months are no dates)


@pytest.mark.parametrize(
    "text, phase",
    [
        ("Masitinib was tested in a phase 2 to 3 multicentre randomised trial in 2019.", "2/3"),
        ("Masitinib entered a Phase II to III study in 2019.", "2/3"),
        ("Masitinib moved from phase 2 to phase 3 in 2019.", "3"),
    ],
)
def test_a_phase_range_written_with_to_is_one_trials_phases(toolkit, text, phase):
    assert phase in {c.phase for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "table",
    [
        "Drug / Study / Patients / Design / Result\n"
        "Masitinib / Mora, 2020 / 394 patients / randomised / Slower decline\n"
        "Velmorine / Chen, 2001 / 204 patients / open label / No effect\n",
        "| Intervention | Phase | Participants |\n|---|---|---|\n"
        "| Masitinib | 3 | 394 |\n| Velmorine | 2 | 204 |\n",
    ],
)
def test_a_name_in_a_tables_drug_column_is_that_rows_therapy(toolkit, table):
    # An unlisted name standing in the drug column is the row's therapy, not the row above's.
    claims = claims_of(toolkit, "Table 1. Earlier trials in ALS\n\n" + table)
    assert 204 in {c.enrollment for c in claims if c.therapy == "velmorine"}
    assert 204 not in {c.enrollment for c in claims if c.therapy == "masitinib"}


def test_a_column_of_approaches_or_placebo_names_no_therapy(toolkit):
    table = (
        "Therapy\tAdvantages\tLimitations\tReferences\n"
        "Small Molecules\tEasy to give\tDid not improve survival of the mice.\t[7]\n"
        "Drug / Phase / Patients\nPlacebo / 3 / 120\n"
    )
    therapies = {c.therapy for c in claims_of(toolkit, "Table 2.\n\n" + table)}
    assert not therapies & {"smallmolecules", "placebo"}


def test_a_tables_group_row_gives_its_phase_to_the_rows_below_and_makes_no_claim(toolkit):
    text = (
        "Ibudilast failed last year.\n\n"
        "Project | Company | Status |\n---|---|---|\n"
        "Phase 3 | ||\n"
        "Masitinib | AB Science | AB19001 ends Dec 2025 |\n"
        "Phase 2 | ||\n"
        "Fasudil | Woolsey | Recruiting |\n"
    )
    claims = claims_of(toolkit, text)
    phases = {c.therapy: c.phase for c in claims}
    assert phases.get("masitinib") == "3" and phases.get("fasudil") == "2"
    assert "2025-12" in {c.date for c in claims if c.therapy == "masitinib"}
    assert not any(
        text[c.start : c.end].startswith("Phase") for c in claims
    )  # labels claim nothing


def test_patients_naive_to_a_drug_make_it_no_claim(toolkit):
    text = (
        "In this randomised phase 2 trial, 220 riluzole-naive participants received masitinib "
        "or placebo from 2019."
    )
    claims = claims_of(toolkit, text)
    assert "riluzole" not in {c.therapy for c in claims}
    assert 220 in {c.enrollment for c in claims if c.therapy == "masitinib"}


def test_people_a_study_involved_are_its_participants(toolkit):
    text = "This part of the ibudilast study involved 50 people with ALS and ran for 12 weeks."
    assert 50 in {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "ibudilast"}


# --- session 11 ----------------------------------------------------------------


@pytest.mark.parametrize(
    "lead, expected",
    [("昨(16)日", "2023-03-16"), ("近（9）日", "2023-03-09"), ("今(20)日", "2023-03-20")],
)
def test_a_taiwan_news_day_written_inside_its_word_is_that_day(toolkit, lead, expected):
    # "昨(16)日": Taiwan news gives the day of "yesterday" in brackets; a day after the
    # article's own is last month's.
    text = f"{lead}，一項研究顯示依達拉奉的三期試驗未能達到主要終點。"
    dates = {c.date for c in claims_of(toolkit, text, published="2023-03-20")}
    assert dates == {expected}
    assert {
        c.date
        for c in claims_of(toolkit, "近(25)日，" + text[len(lead) + 1 :], published="2023-03-20")
    } == {"2023-02-25"}


def test_a_digest_items_date_line_dates_what_the_item_announces(toolkit):
    text = (
        "Research news\n\n"
        "Regulator turns down ibudilast\n\n"
        "3 March 2022\n\n"
        "The agency has announced a negative opinion on the marketing application for ibudilast. "
        "Its phase 3 trial continues.\n\n"
        "Fasudil update\n\n"
        "17 January 2022\n\n"
        "The company announced the initial results of its phase 2 trial of fasudil."
    )
    dates = {(c.therapy, c.date) for c in claims_of(toolkit, text) if c.date}
    assert dates == {("ibudilast", "2022-03-03"), ("fasudil", "2022-01-17")}


@pytest.mark.parametrize(
    "text, therapy, date",
    [
        (
            "2023年5月8日，日本厚生劳动省批准了一种新药的上市申请。Radicava（依达拉奉）口服混悬液用于治疗ALS。",
            "edaravone",
            "2023-05-08",
        ),
        (
            "On 9 June 2021 the regulator approved a new treatment for ALS. Ibudilast (MN-166) tablets are "
            "taken twice a day.",
            "ibudilast",
            "2021-06-09",
        ),
    ],
)
def test_a_drug_described_then_named_at_the_next_sentences_start_has_the_first_ones_facts(
    toolkit, text, therapy, date
):
    assert (therapy, date) in {(c.therapy, c.date) for c in claims_of(toolkit, text)}


def test_a_new_drug_described_with_no_name_after_it_takes_no_name_from_mid_sentence(toolkit):
    # The next sentence names a drug only in passing: no name is given to the first.
    text = "2023年5月8日，监管机构批准了一种新药的上市申请。医生指出，利鲁唑仍是基础用药。"
    assert not any(c.date == "2023-05-08" for c in claims_of(toolkit, text))


def test_a_meetings_days_are_dated_to_their_month_in_the_meetings_year(toolkit):
    text = (
        "At the 2021 European Network to Cure ALS Congress, June 8-11, investigators reported that "
        "the phase 2 trial of ibudilast failed to meet its primary endpoint."
    )
    assert {c.date for c in claims_of(toolkit, text) if c.therapy == "ibudilast"} == {"2021-06"}
    # A single day after a meeting with no year stays with the article's own date.
    single = "At the annual meeting on June 8, investigators reported that ibudilast failed its phase 2 trial."
    assert {c.date for c in claims_of(toolkit, single, published="2021-07-01")} == {"2021-06-08"}


@pytest.mark.parametrize(
    "text",
    [
        "一项纳入96名患者的研究中，标准治疗药物利鲁唑搭配马赛替尼的患者，疾病进展未见减缓。",
        "一项纳入96名患者的研究中，在利鲁唑治疗基础上联合马赛替尼，未能达到主要终点。",
        "In a study of 96 patients on standard therapy (riluzole) plus masitinib, the primary endpoint was not met.",
    ],
)
def test_the_drug_joined_to_standard_care_is_the_trials_not_the_care(toolkit, text):
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"masitinib"}
    assert {c.enrollment for c in claims} == {96}


def test_a_drug_joined_to_care_beside_the_studied_drug_stays_background(toolkit):
    text = "Patients kept on riluzole plus edaravone were randomised to masitinib or placebo in a phase 3 trial."
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib"}


@pytest.mark.parametrize(
    "text",
    [
        "Using minimization factors of site, sex, age and the use of riluzole or edaravone, 120 "
        "patients were randomly assigned to receive ibudilast or placebo.",
        "Participants were randomised 2:1, stratified by site and by concomitant riluzole and "
        "edaravone, to receive ibudilast or placebo in a phase 2 trial.",
        "以中心和是否使用利鲁唑、依达拉奉为分层因素，120名患者被随机分配接受异丁司特或安慰剂。",
    ],
)
def test_drugs_the_randomisation_balanced_are_no_claims(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} == {"ibudilast"}


def test_dated_entries_about_the_trial_on_a_one_product_page_are_its_events(toolkit):
    text = (
        "Ibudilast (MN-166) is a small molecule taken by mouth.\n\n"
        "Phase 3 (COMBAT-ALS)\n\n"
        "The phase 3 trial of ibudilast recruited 230 participants.\n\n"
        "Latest news\n\n"
        "March 2024 - The clinical trial has been completed. Top line results are expected to "
        "be announced in mid 2025.\n\n"
        "June 2022 - The last participant was randomized into the trial.\n\n"
        "May 2021 - The company opened new offices."
    )
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "ibudilast"}
    assert {"2024-03", "2025", "2022-06"} <= dates
    assert "2021-05" not in dates  # not the trial's event


def test_a_designation_awarded_or_designated_is_a_dated_event(toolkit):
    text = (
        "Ibudilast was awarded orphan drug status by the FDA in February 2011. "
        "Fasudil was designated an orphan drug in Europe in May 2019."
    )
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert {("ibudilast", "2011-02"), ("fasudil", "2019-05")} <= got
    # A page's tag line naming the drug and the word "designation" beside its own date is none.
    tags = "newsdesk | August 9, 2016 | News | ibudilast, orphan drug designation\n\nA short note."
    assert not any(c.date for c in claims_of(toolkit, tags))


GUARDS_11 = review_guards(
    "session11_extract.json",
    "session11b_extract.json",
    "session11c_extract.json",
    "session11d_extract.json",
    "session11e_extract.json",
)


GUARDS_12 = review_guards(
    "session12_extract.json",
    "session12b_extract.json",
    "session12c_extract.json",
    "session12e_extract.json",
)


GUARDS_13 = review_guards(
    "session13_extract.json",
    "session13b_extract.json",
    "session13c_extract.json",
    "session13d_extract.json",
    "session13e_extract.json",
)
# Session 14's reviewer: toxins, lipids and transmitters ending like drugs; words across a stem
# ("各地/平均", "特朗普/利用"); a person's name before "教授"; a pronoun before a name; "达到"
# after "替尼"; a reagent, a parent molecule, a comparison, a town in -hofen; a placebo arm after
# "whereas"; results told with "通过…机制"; a platform's "Phase 2/3 to evaluate drugs".
GUARDS_14 = review_guards(
    "session14_extract.json",
    "session14b_extract.json",
    "session14c_extract.json",
    "session14d_extract.json",
    "session14e_extract.json",
)
# session 15's reviewer: arms given "respectively"/"分别", a control group's switch to the study
# drug, "与对照组相比接受X"; comparisons naming the study drug ("versus 24 months with X", "比如");
# a page about the comparator itself; per-arm and adverse-event 例数 rows; a survey's 研究实施时间
# A second: pinyin-like English before a form ("One tablet", "Take tablets"), brands, places,
# Western products, two-letter acronyms ("(SD)"); "given to control cramps", healthy controls,
# arms in turn in other words, comparisons before 对照组, single-arm studies, a control group's
# switch; sub-group and survey 例数 rows; a 阶段 heading
# A third: a registry title's code the lexicon lacks, a title naming the care participants take,
# roundups and news citing an id; "the Tanaka formula", three-letter acronyms (SMS, SNS, AND); a
# placebo matching the drug, a low dose of it, those without it, the control group switched to
# it; an arm's own 受试者例数 cell, a size made of parts
GUARDS_15 = review_guards(
    "session15_extract.json", "session15b_extract.json", "session15c_extract.json"
)
# Session 16's reviewers: forum profiles', company cards' and lay summaries' "注册时间" /
# "Registration date" / "End of the trial"; a timeline's day joined to the next group's year; a
# reference number after a month; per-group sample sizes; background drugs, unlisted codes and
# "中药复方" as a record's subject; eligibility paragraphs in prose; a background-care row
GUARDS_16 = review_guards(
    "session16_extract.json", "session16b_extract.json", "session16c_extract.json"
)
# Session 17's reviewer: weekdays of dosing days, newspapers and "last Friday"; clinics'
# outpatients; where a trial's people live; arms' statuses and adverbs beside "drug"; the drug
# studied after an adjustment aside; a page's own drug "continued" or "not taking"
GUARDS_17 = review_guards("session17_extract.json", "session17b_extract.json")
GUARDS_18 = review_guards("session18_extract.json", "session18b_extract.json")
GUARDS_19 = review_guards("session19_extract.json")
GUARDS_20 = review_guards("session20_extract.json")
# Session 21's reviewer: money clauses that tell a result, "since the 2017 approval of" another
# drug, a patient's own first prescription, counts of patients' cells, captions under a wrapped
# dateline, a charity named by apposition, "four new therapies", a cohort's arms, asides of
# another event, a review's own dates of its drug, descriptors of other diseases.
GUARDS_21 = review_guards("session21_extract.json")
# Session 22's reviewer: "whether" questions answered in the next clause, "regardless of whether",
# "no changes in" a protocol, denied withdrawals, a name after a clause that is its own subject,
# care named across clauses or before "or placebo", "also received approval", a product launched
# after a study, cytokines and excluded medicines as therapies, a title's biomarker code, enzymes
# ("Mn-SOD"), doses "of bodyweight" and of a filler.
GUARDS_22 = review_guards("session22_extract.json")
# Session 23's reviewer: stages beside a phase told as N期, approvals to reimburse or exempt, a
# maker's name after an unnamed drug of another time, "the combination of two agents", "like"
# before examples, a mechanism told of a trial, disease stages and scores at a stage, "上周期",
# "上上周", a quoted post's "last week", size fields with a total or a follow-up, and the misses
# that came with them.
GUARDS_23 = review_guards("session23_extract.json")
# Session 24's reviewer: seven-letter words one letter off a name, English words that read as
# pinyin before an injection, a bilingual page's other product, a year that heads a noun after
# "approved"/"launched", effect intervals told of harm or of a baseline, a rate of decline told,
# a hope or an insignificant slowing, those who died "in total", and the rules' own edges.
GUARDS_24 = review_guards("session24_extract.json")
# Session 25's reviewer: katakana and hangul words that share a listed name's consonants
# ("ボストン", "프로필"), 相 and 상 that are no phase, counts of deaths or researchers, approvals
# applied for, aimed at or refused, short words in capitals ("US", "CPAP", "PBO") and
# abbreviations of a listed name or of an arm, a trial arm named "standard treatment group", "in
# May", a letter "received 12 May 2022", a PET substudy of a drug, and the rules' own edges.
GUARDS_25 = review_guards("session25_extract.json")
# Session 26's reviewer: figures inside code names beside real counts, doses in intervention
# fields, "of whom N were randomized to X" or "enrolled in Europe", arms of a subset (adverse
# events, responders, an extension), a drug after "showing that" which is background or not
# the result's, dates a result was "报道" on, a year's glued footnote, an aside on another
# disease before the ALS trial's facts, and the rules' own edges.
GUARDS_26 = review_guards("session26_extract.json")


@pytest.mark.parametrize(
    "case",
    GUARDS_11
    + GUARDS_12
    + GUARDS_13
    + GUARDS_14
    + GUARDS_15
    + GUARDS_16
    + GUARDS_17
    + GUARDS_18
    + GUARDS_19
    + GUARDS_20
    + GUARDS_21
    + GUARDS_22
    + GUARDS_23
    + GUARDS_24
    + GUARDS_25
    + GUARDS_26,
    ids=lambda c: c["name"],
)
def test_review_guards_for_extraction(toolkit, case):
    # A reviewer's texts against session 11's rules: a Taiwan news day that dates who spoke;
    # what was reported before or not yet; a known drug opening the next sentence without a
    # bracketed name; "April 25 – 18 months after"; criteria joining drugs; factors before the
    # trial's drug; "the study of death records"; prizes awarded. A second reviewer's ("b…"):
    # timeline entries, captions and corrections are no datelines; a bare month after the
    # article's own date, or a name ("June Kim"); "接近日本", "手术日前一天" and a visit 日前 are no
    # news; "approved the drug for ALS" still refers; "the first of two studies" is one. A third
    # ("c…"): a trial started with donations, "treated with placebo or X" counting side effects,
    # "like other kinase inhibitors, it…", "1日–3号患者", "the first patient … since", approvals
    # rumoured, refused, asked about or by an ethics committee. A fourth ("d…"): a first dose
    # "已接受" and a study drug "正在接受" are no background; an aside in brackets about the same
    # drug keeps its own facts; a study following patients on a drug is that drug's; regulatory T
    # cells as a readout are no therapy. A fifth ("e…"): "已接受X治疗的一组" is an arm, not care;
    # "该研究" takes its facts from the sentence before only when that one spoke of a trial; a
    # bracket opening on the same drug ("(riluzole, 100 mg/day)") is still its aside.
    # Session 12's reviewers (session12*_extract.json):
    # a capitalised phrase, a maker or an award
    # after "称为/名为/named" is no name; "5年后的生存率" is a time since treatment; "另8名", "其中40名"
    # are arms still; a first patient of another product; a citation 【2】 at a PDF wrap; "连续28日
    # 接受" is a duration; "as of summer 2023", "the Fall 2022 newsletter"; adverse events "2例与植入
    # 相关"; care given to all, a natural-history cohort, a named-patient program. A second
    # reviewer's ("b2_…"): years glued to names of data, surveys or reviews beside another drug's
    # approval; a name passed on the way to the subject's second date; an "MSC-based platform"
    # in a trial; "此法", "中西医结合法", "呼吸训练法"; "alongside"/"in addition to" naming another
    # programme; an analysis or a screening "conducted on" patients; "Phase 2 · IV infusion". A
    # third ("c3_…"): arms of a per-protocol set, a subgroup, completers or a site; an early access
    # programme entered; a patent named in passing ("despite patent disputes", "拥有多项核心专利");
    # a keyword line that goes on to a dated item; a drug "given to all" or "safe in all dose
    # groups" before placebo is named. A fifth ("e5_…"): old history, "not yet started" and a
    # lead that only names a year on a year-in-review page; what follows "In the wake of X," that
    # is X's still; a second table's header, a pooled row, prose "Mora (2020) 394 patients".
    # Session 13's reviewer (session13_extract.json): "the therapy arms/centers on" are verbs;
    # "the drug-related events", "the drug effect" still refer; a rival's trial an aside names
    # with "trials", "phase 3" or "临床数据" is carried into "the trial"; "continued masitinib",
    # "继续服用依达拉奉" are a subject's extension arms, not care; a digest's one item is no page
    # subject; "Phase 2 - Phase 3 decision"; studies that enrol those who "failed screening".
    claims = [
        c
        for c in claims_of(toolkit, case["text"], published=case.get("published"))
        if c.therapy == case["therapy"]
    ]
    if case["field"] == "therapy":
        assert bool(claims) == case["present"], claims
    else:
        values = {getattr(c, case["field"]) for c in claims}
        assert (case["value"] in values) == case["present"], values


def test_a_trial_the_regulator_approved_is_a_trials_start(toolkit):
    text = "In March 2025 the FDA approved a long-term clinical trial of AB-101 in ALS."
    assert {c.type for c in claims_of(toolkit, text) if c.therapy == "ab101"} == {"trial_start"}
    drug = "In March 2025 the FDA approved AB-101 for ALS after its phase 3 trial."
    assert {c.type for c in claims_of(toolkit, drug) if c.therapy == "ab101"} == {"approval"}


def test_a_device_named_by_the_maker_that_developed_it(toolkit):
    text = (
        "US start-up Cortexa has developed its device to restore speech to people with ALS. "
        "The BCI completed its first-in-human trial in March 2025."
    )
    assert "cortexa" in {c.therapy for c in claims_of(toolkit, text)}
    # a lower-case word before the verb is no maker's name
    plain = text.replace("US start-up Cortexa has", "the team has")
    assert {c.therapy for c in claims_of(toolkit, plain)} <= {"bci"}


def test_a_summary_lines_event_and_bare_year_date_it(toolkit):
    # an AI summary's telegraphic line: the event, its place, the year
    text = (
        "Evidence level: Phase 3 randomized controlled trial; ABX-107 regulatory approved in "
        "Japan 2024.\n\nThe approved 2019 label of riluzole is unchanged."
    )
    claims = claims_of(toolkit, text)
    assert {c.date for c in claims if c.therapy == "abx107"} == {"2024"}
    assert {c.date for c in claims if c.therapy == "riluzole"} <= {None}


def test_a_month_named_alone_in_english_takes_the_releases_year(toolkit):
    # No digit in the sentence: the month alone ("in March") is still a date, in the year of the
    # release's dateline, here written with the date in brackets.
    text = (
        "Regulator backs ibudilast\n\n"
        "Boston, Mass. (June 12, 2024) – The patient group welcomes the approval of ibudilast.\n\n"
        "An advisory committee voted unanimously in March to support approval of ibudilast."
    )
    dates = {c.date for c in claims_of(toolkit, text)}
    assert "2024-03" in dates


def test_an_approval_of_a_few_days_ago_is_a_claim_with_its_day_not_given(toolkit):
    claims = claims_of(toolkit, "日前，美国FDA宣布异丁司特获批用于治疗渐冻症。")
    assert [(c.therapy, c.date, c.date_text) for c in claims] == [("ibudilast", None, "日前")]
    # "3日前" counts days; a festival is no date.
    assert not claims_of(toolkit, "春节日前后，异丁司特的患者援助项目照常进行。")


def test_for_the_treatment_of_a_disease_refers_to_no_drug(toolkit):
    text = (
        "The FDA approved ibudilast last week.\n\n"
        "The only other drug for the treatment of ALS is riluzole, which was approved in 1995."
    )
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("riluzole", "1995") in got and ("ibudilast", "1995") not in got


def test_a_sentence_about_several_trials_is_no_earlier_drugs_claim(toolkit):
    text = (
        "Ibudilast received approval in Japan in 2015 after a phase 3 trial.\n\n"
        "There are two pivotal phase 3 clinical trials scheduled to read out in 2017 as well, "
        "and their results may bring new treatments to regulators."
    )
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("ibudilast", "2015") in got and ("ibudilast", "2017") not in got
    # one drug's phase 3 trials, named, are still its own
    named = "Ibudilast was tested in two phase 3 trials that reported results in 2017."
    assert ("ibudilast", "2017") in {(c.therapy, c.date) for c in claims_of(toolkit, named)}


def test_positive_or_promising_results_in_english_are_an_outcome(toolkit):
    text = "In March 2024, an early study of ibudilast delivered promising clinical data."
    claims = claims_of(toolkit, text)
    assert [(c.therapy, c.date) for c in claims] == [("ibudilast", "2024-03")]


def test_patients_treated_with_placebo_or_the_drug_are_the_trials(toolkit):
    text = "In the phase 2 study, 88 people with ALS were treated either with placebo or with ibudilast."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {88}


def test_the_year_money_was_given_dates_no_event(toolkit):
    text = (
        "We funded ibudilast research early, with investments starting in 2009 and totalling "
        "$2M, and its phase 2 trial began in 2019."
    )
    dates = {c.date for c in claims_of(toolkit, text)}
    assert "2019" in dates and "2009" not in dates


def test_trials_of_several_phases_are_no_single_products_phase(toolkit):
    text = (
        "Ibudilast is in a phase 3 trial in ALS. Ibudilast is taken by mouth.\n\n"
        "For comprehensive information about trials currently recruiting, including phase 1 "
        "and 2 trials, see the registry."
    )
    phases = {c.phase for c in claims_of(toolkit, text) if c.therapy == "ibudilast"}
    assert phases == {"3"}
    # ... while the trials a sentence opens on are what came before it
    after = "Ibudilast in ALS\n\nAfter phase 1 and 2 trials, a phase 3 trial with 300 patients is planned for 2025."
    assert ("3", 300) in {(c.phase, c.enrollment) for c in claims_of(toolkit, after)}


@pytest.mark.parametrize(
    "second",
    [
        "动物模型表明，JNK的药理学抑制可增加神经元存活并延长生存期。",
        "In mouse models, kinase inhibitors increased motor neuron survival and extended lifespan.",
    ],
)
def test_a_sentence_about_a_class_of_drugs_takes_no_earlier_drug(toolkit, second):
    text = "利鲁唑于1995年获批用于治疗ALS，依达拉奉也已在部分国家获批。" + second
    assert {c.therapy for c in claims_of(toolkit, text) if c.type == "trial_result"} == set()


def test_a_chinese_run_of_days_is_dated_to_its_month(toolkit):
    text = "异丁司特的上市申请在2023年5月22日至25日的委员会会议上获得了积极意见。"
    assert {c.date for c in claims_of(toolkit, text)} == {"2023-05"}
    # two full dates are a period, each a day
    period = "异丁司特的2期试验于2021年3月2日至2022年4月5日开展，共纳入60名患者。"
    assert "2021-03-02" in {c.date for c in claims_of(toolkit, period)}


@pytest.mark.parametrize(
    "text, claimed",
    [
        (
            "Ibudilast has been approved by the Therapeutic Goods Administration for people with MND.",
            True,
        ),
        ("据报道，异丁司特已获美国FDA批准上市，用于治疗渐冻症。", True),
        ("Ibudilast has not been approved by the FDA.", False),
        ("Ibudilast is expected to be approved by the FDA.", False),
        ("Riluzole is an FDA-approved drug for ALS.", False),
    ],
)
def test_an_approval_stated_as_done_is_a_claim_without_a_date(toolkit, text, claimed):
    therapies = {c.therapy for c in claims_of(toolkit, text)}
    assert bool(therapies) == claimed, therapies


def test_results_still_to_come_on_a_one_product_page_are_its_planned_event(toolkit):
    text = (
        "MediciNova reports topline results for ibudilast\n\n"
        "The phase 3 trial of ibudilast did not meet its primary endpoint.\n\n"
        "Additional analyses, including biomarker data, are expected later in 2026."
    )
    assert "2026" in {c.date for c in claims_of(toolkit, text, published="2026-01-10")}


@pytest.mark.parametrize("gloss", ["", "(Rilutek)", "(商品名Rilutek)"])
def test_the_trial_just_named_enrolls_patients_already_on_care(toolkit, gloss):
    # "该试验": the trial of the drug the text was about; patients "正在接受" riluzole are its
    # background, however the care is glossed.
    text = (
        "马赛替尼的新3期试验已获批准。\n\n"
        f"该试验将纳入300余名正在接受利鲁唑{gloss}治疗的ALS患者，采用随机双盲对照设计。"
    )
    got = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("masitinib", 300) in got and not any(t == "riluzole" for t, _ in got)


def test_the_care_patients_are_on_beside_the_trials_drug_is_background(toolkit):
    text = (
        "一项3期试验将纳入300名正在接受利鲁唑(商品名Rilutek等)治疗的患者，"
        "采用随机双盲设计，比较马赛替尼与安慰剂。"
    )
    got = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("masitinib", 300) in got and not any(t == "riluzole" for t, _ in got)
    # alone, the drug patients receive may be the study's own
    alone = "本研究纳入了86名正在接受马赛替尼治疗的患者，随访12个月。"
    assert ("masitinib", 86) in {(c.therapy, c.enrollment) for c in claims_of(toolkit, alone)}


# --- session 12 ----------------------------------------------------------------


@pytest.mark.parametrize("lead", ["", "而", "而就在", "但到了"])
def test_years_later_after_a_linking_word_count_from_the_year_named(toolkit, lead):
    text = (
        "2019年，一家公司宣布其药物ABC-101启动一项临床试验。"
        f"{lead}两年后，另一款药物XYZ-202也完成了首次人体临床试验。"
    )
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("xyz202", "2021") in got, got


def test_a_time_since_treatment_is_still_no_date(toolkit):
    text = "2019年，药物ABC-101启动一项临床试验。治疗3年后的生存率为40%。"
    assert "2022" not in {c.date for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text, name",
    [
        ("这种植入物被称为Neurobridge，它已在临床试验中植入8名患者体内。", "neurobridge"),
        ("一个名为脑门(NeuroGate)的系统在试验中帮助了12名患者。", "neurogate"),
        ("研究人员测试了一种名为Cortivax的新药，试验纳入了40名患者。", "cortivax"),
        ("An implant called Stentix was tested in a trial of 5 patients with ALS.", "stentix"),
    ],
)
def test_a_device_or_drug_introduced_by_its_name_is_a_therapy(toolkit, text, name):
    assert name in {c.therapy for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "这种方法被称为home monitoring，在试验中用于8名患者。",
        "An implant called home was tested in 5 patients.",
    ],
)
def test_a_lowercase_word_after_called_is_no_name(toolkit, text):
    assert not {c.therapy for c in claims_of(toolkit, text)} & {"home", "homemonitoring"}


def test_another_one_or_one_of_them_is_no_count(toolkit):
    text = "2020年4月，脑机接口Neurobridge又被植入另一名受试者体内，其中一名患者已能打字。"
    assert 1 not in {c.enrollment for c in claims_of(toolkit, text)}


def test_a_first_patient_implanted_on_a_one_product_page_is_its_dated_event(toolkit):
    text = (
        "脑机接口Neurobridge带来了希望。Neurobridge由一家澳洲公司研发。\n\n"
        "天气很好，研究人员很忙。\n\n"
        "去年8月，首次被植入一名人类患者体内。"
    )
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text, published="2020-11-08")}
    assert ("neurobridge", "2019-08") in got, got


def test_a_line_closed_by_a_bracketed_note_is_a_paragraph_of_its_own():
    # A caption that ends in a 【…】 note, a blank line, then the story: two paragraphs, however
    # long the caption runs.
    caption = (
        "FILE PHOTO: " + "a phone with a logo on a board " * 6 + "【作者:通讯社,日期:2024-12-05】"
    )
    text = caption + "\n\n" + "市长13日在会上说，计划已经开始，进展顺利。" * 3
    assert len(paragraphs_of(text)) == 2
    # a PDF line broken mid-sentence still joins
    wrapped = "x" * 80 + "，这是一句很长的" + "\n\n" + "话的后半截。"
    assert len(paragraphs_of(wrapped)) == 1


@pytest.mark.parametrize(
    "lead, published, date",
    [
        ("卫福部13日表示", "2025-01-20", "2025-01-13"),
        ("马斯克 13日在拉斯维加斯接受访问时说", "2025-01", "2025-01-13"),
        ("马斯克 28日在会上说", "2025-02-03", "2025-01-28"),
    ],
)
def test_a_leads_day_after_who_spoke_is_a_day_of_the_articles_month(toolkit, lead, published, date):
    text = f"{lead}，已有3名患者植入Stentrode脑机接口。"
    got = {c.date for c in claims_of(toolkit, text, published=published)}
    assert date in got, got


def test_a_day_count_after_a_name_is_no_lead_day(toolkit):
    text = "患者植入Stentrode脑机接口13日后出院，共有3名患者参与试验。"
    got = {c.date for c in claims_of(toolkit, text, published="2025-01-20")}
    assert "2025-01-13" not in got, got


@pytest.mark.parametrize(
    "text, n",
    [
        ("截止目前，Stentrode已完成13例脑机人体植入手术。", 13),
        ("该中心已完成5例干细胞移植，药物NSC-20安全性良好。", 5),
    ],
)
def test_procedures_counted_are_patients(toolkit, text, n):
    assert n in {c.enrollment for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "season", ["in the summer of 2020", "in spring 2020", "in the fall of 2020", "in winter 2020"]
)
def test_a_season_of_a_year_is_that_year(toolkit, season):
    text = f"Enrollment in the AB-101 regimen was initiated {season}."
    assert "2020" in {c.date for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "first, second, n",
    [
        (
            "Methods Two participants with ALS underwent implant in a single-arm, open-label study.",
            "Using a minimally invasive procedure, a novel Stentrode BCI was implanted in each.",
            2,
        ),
        (
            "Twelve patients were enrolled in an open-label study.",
            "Tofersen was administered intrathecally once a month.",
            12,
        ),
        ("12名患者接受了手术。", "Stentrode电极被植入其运动皮层。", 12),
    ],
)
def test_who_took_part_then_what_they_were_given(toolkit, first, second, n):
    got = {(c.therapy, c.enrollment) for c in claims_of(toolkit, f"{first} {second}")}
    assert any(e == n and t in ("stentrode", "tofersen") for t, e in got), got


def test_a_count_before_a_drug_not_given_stays_unnamed(toolkit):
    # the next sentence names a drug patients were not given here: no owner for the count
    text = "Twelve patients were enrolled in an open-label study. Riluzole is approved for ALS."
    assert "riluzole" not in {c.therapy for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "To date, Rilutek (1995), Radicava (2017) and Relyvrio (2022) have all been approved by the FDA.",
        "Only two FDA-approved drugs existed for 25 years (riluzole, 1995; edaravone, 2017).",
        "截至目前，FDA已批准的药物有利鲁唑（1995年）、依达拉奉（2017年）和AMX0035（2022年）。",
    ],
)
def test_each_approved_name_of_a_list_takes_the_year_glued_to_it(toolkit, text):
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert {("riluzole", "1995"), ("edaravone", "2017")} <= got, got
    assert ("riluzole", "2017") not in got and ("edaravone", "1995") not in got, got


def test_an_as_of_list_without_years_is_still_no_claim(toolkit):
    text = "截至2024年底，FDA已批准三种药物：利鲁唑、依达拉奉和托夫生。"
    assert not claims_of(toolkit, text)


def test_a_date_after_each_name_of_a_clause_is_that_names(toolkit):
    text = "Riluzole was approved in 1995 and Radicava in 2017."
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert got == {("riluzole", "1995"), ("edaravone", "2017")}, got


def test_dates_after_all_the_names_stay_with_all(toolkit):
    # no date follows each name: which is whose is not said here
    text = "Riluzole and Radicava were approved in 1995 and 2017."
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("riluzole", "1995") in got and ("edaravone", "2017") in got, got


@pytest.mark.parametrize(
    "title, name",
    [
        ("健脾益肺法治疗肌萎缩侧索硬化的疗效研究", "健脾益肺法"),
        ("目的：觀察益气活血法治疗渐冻症患者的疗效", "益气活血法"),
    ],
)
def test_a_chinese_medicine_method_treating_als_is_a_therapy(toolkit, title, name):
    text = f"{title}\n\n方法：选取2011年3月收治的患者60例随机分为两组，观察组加用{name}。"
    got = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert (name, 60) in got, got


@pytest.mark.parametrize("title", ["基因疗法治疗肌萎缩侧索硬化的进展", "新方法治疗渐冻症的探索"])
def test_a_therapy_or_a_method_word_is_no_formula_name(toolkit, title):
    therapies = {c.therapy for c in claims_of(toolkit, title + "\n\n研究纳入60例患者。")}
    assert not {t for t in therapies if t.endswith("法")}, therapies


@pytest.mark.parametrize("joined", ["together with", "alongside", "in addition to"])
def test_the_drug_taken_together_with_the_trials_is_background(toolkit, joined):
    text = (
        "The phase 2 trial recruited 71 people with MND who were taking 60 mg of ibudilast "
        f"daily {joined} riluzole."
    )
    got = {c.therapy for c in claims_of(toolkit, text)}
    assert "ibudilast" in got and "riluzole" not in got, got


def test_in_addition_to_opening_a_sentence_is_no_care(toolkit):
    text = "In addition to tofersen, the company started a phase 1 trial of BIIB105 in 2021."
    assert "tofersen" not in {c.therapy for c in claims_of(toolkit, text)}


def test_a_trial_conducted_on_patients_counts_them(toolkit):
    text = "The approved phase 2 trial of AB-101 will be conducted on 30 ALS patients in Korea."
    assert 30 in {c.enrollment for c in claims_of(toolkit, text)}


@pytest.mark.parametrize("written", ["Phase 1·2a", "phase 1・2a"])
def test_phases_joined_by_a_middle_dot_are_a_range(toolkit, written):
    text = f"The company received approval for {written} clinical studies of AB-101 in ALS."
    assert "1/2a" in {c.phase for c in claims_of(toolkit, text)}


def test_those_enrolled_after_those_screened_are_the_trials_size(toolkit):
    text = "In the AB-101 trial, 49 participants were screened and 45 enrolled (73% limb onset)."
    assert 45 in {c.enrollment for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text, n",
    [
        (
            "In the phase 2 trial of AB-101, 15 patients will be assigned to the active drug "
            "and 5 patients to the placebo.",
            20,
        ),
        ("In the AB-101 trial, 100 were randomised to AB-101 and 50 to placebo.", 150),
        # a total stated beside the arms stays the total
        (
            "The AB-101 trial enrolled 160 patients: 100 were randomised to AB-101 and 50 to placebo.",
            160,
        ),
    ],
)
def test_a_drugs_arm_and_a_placebos_arm_add_up_to_the_trial(toolkit, text, n):
    assert n in {c.enrollment for c in claims_of(toolkit, text)}


def test_those_who_entered_an_extension_are_counted(toolkit):
    text = "Thirty-six participants entered the open-label extension of the AB-101 trial."
    assert 36 in {c.enrollment for c in claims_of(toolkit, text)}


def test_a_fraction_of_participants_is_no_count(toolkit):
    text = "In the phase 3 trial, ceftriaxone was given to 2/3 of participants and placebo to the rest."
    assert 3 not in {c.enrollment for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "sentence",
    [
        "In summer 2014, the company was notified of the approval of its US patent application.",
        "In 2014, the company was notified of the approval of its US patent application.",
        "2014年，该公司获得了美国专利授权。",
    ],
)
def test_a_patent_granted_is_no_event_of_the_drug(toolkit, sentence):
    text = (
        f"NurOwn is a cell therapy for ALS. {sentence} The phase 2 trial will enroll 48 patients."
    )
    assert "2014" not in {c.date for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "NP001 missed the primary and secondary endpoints vs. placebo in the phase 2 trial.",
        "Patients were randomized to either continuing their current dosage or a placebo.",
    ],
)
def test_what_a_trial_measures_or_doses_beside_placebo_is_no_name(toolkit, text):
    got = {c.therapy for c in claims_of(toolkit, text)}
    assert not got & {"endpoints", "dosage"}, got


@pytest.mark.parametrize(
    "line",
    [
        "• Clinical Trial, Phase II",
        "Keywords: ALS; olesoxime; clinical trial",
        "关键词：渐冻症；依达拉奉",
    ],
)
def test_an_indexs_tags_are_no_claims(toolkit, line):
    text = f"A phase 3 trial of olesoxime enrolled 512 patients.\n\n{line}"
    got = {(c.therapy, c.phase) for c in claims_of(toolkit, text)}
    assert ("olesoxime", "2") not in got and all(t == "olesoxime" for t, _ in got), got


def test_the_drug_every_arm_takes_is_care(toolkit):
    text = (
        "512 patients were randomized to 330 mg olesoxime daily or matching placebo and 50 mg "
        "riluzole twice a day in all."
    )
    got = {c.therapy for c in claims_of(toolkit, text)}
    assert "olesoxime" in got and "riluzole" not in got, got
    # a single-arm study's drug given to all is its own
    alone = "In the open-label study, tofersen was given to all 12 participants."
    assert "tofersen" in {c.therapy for c in claims_of(toolkit, alone)}


@pytest.mark.parametrize(
    "lead",
    [
        "2019 has now come and gone. Here are the key events.",
        "2019 in review: the year's key advances in ALS research.",
        "2019年度回顾：渐冻症研究的进展。",
    ],
)
def test_a_year_in_review_dates_the_advances_it_lists(toolkit, lead):
    text = (
        f"{lead}\n\nAcme's AB-101 advanced to phase II across the globe. "
        "AB-202 neared phase III in Europe.\n\nTake a look at the timeline."
    )
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("ab101", "2019") in got and ("ab202", "2019") not in got, got


def test_a_page_without_a_reviewed_year_dates_nothing_so(toolkit):
    text = "Acme's AB-101 advanced to phase II across the globe in a trial of 120 patients."
    assert {c.date for c in claims_of(toolkit, text)} == {None}


def test_table_rows_a_pdf_glued_together_give_each_drugs_year_and_size(toolkit):
    text = (
        "Table 2\n\nTrials of the decade\n\n"
        "Drug ( year ) Number of participants Duration Effect\n"
        "Minocycline (2007)412D, T180.51\n"
        "Tamoxifen II (2016)92D120.44\n"
        "Valproic acid (2009)163D, T160.56\n"
        "  • Duration is given in months."
    )
    got = {(c.therapy, c.date, c.enrollment) for c in claims_of(toolkit, text)}
    assert {("minocycline", "2007", 412), ("tamoxifen", "2016", 92)} <= got, got
    # without the header naming the columns, a name and a bracketed year are no row
    bare = "Minocycline (2007)412 was cited."
    assert ("minocycline", "2007", 412) not in {
        (c.therapy, c.date, c.enrollment) for c in claims_of(toolkit, bare)
    }


# --- session 13 ----------------------------------------------------------------


def test_the_treatment_period_is_no_reference_to_a_drug(toolkit):
    text = (
        "Acme announced that enrollment in its phase 2 trial of AB-101 is complete.\n\n"
        "Edaravone is given by infusion. The treatment period lasts 36 weeks in all arms."
    )
    got = {(c.therapy, c.design) for c in claims_of(toolkit, text) if c.design}
    assert all(t != "edaravone" for t, _ in got), got


@pytest.mark.parametrize("phase_text", ["PHASE2/PHASE3", "Phase 2/Phase 3", "phase II/phase III"])
def test_a_phase_range_with_the_word_repeated_is_one_range(toolkit, phase_text):
    text = (
        "A trial of AB-101 in ALS\n\nAB-101 is an oral drug by Acme.\n\n"
        f"RECRUITING\n{phase_text}\n120 participants"
    )
    phases = {c.phase for c in claims_of(toolkit, text) if c.phase}
    assert phases == {"2/3"}, phases


def test_those_who_failed_screening_are_no_trial_size(toolkit):
    text = (
        "In the phase 2 trial of AB-101, 14 subjects failed screening and were not enrolled, "
        "and 60 subjects were randomized."
    )
    sizes = {c.enrollment for c in claims_of(toolkit, text)}
    assert sizes == {60}, sizes


def test_a_code_written_with_a_space_named_twice_is_a_therapy(toolkit):
    text = (
        "Zenix Bio said on Tuesday that the FDA allowed its application, and it can now begin "
        "a phase 1 trial in people with ALS.\n\n"
        "“The preclinical data for ZNX 40210 are strong,” the chief executive said. “ZNX 40210 "
        "could be a new option for patients.”"
    )
    got = {(c.therapy, c.phase) for c in claims_of(toolkit, text)}
    assert ("znx40210", "1") in got, got
    # named once, a capitalised word and a number may be anything; a year or a registry or
    # application number is none
    once = text.replace("“ZNX 40210 could", "“It could")
    assert all(t != "znx40210" for t, _ in {(c.therapy, c.phase) for c in claims_of(toolkit, once)})
    years = "The AAN 2024 meeting heard of a phase 1 trial. AAN 2024 ran from April 13."
    assert all(c.therapy != "aan2024" for c in claims_of(toolkit, years))
    ind = "Zenix filed IND 140231 for a phase 1 trial in ALS. IND 140231 was cleared in May."
    assert all(c.therapy != "ind140231" for c in claims_of(toolkit, ind))


def test_all_patients_completing_the_study_are_its_size(toolkit):
    text = (
        "The phase 1 trial of AB-101 met its safety goals, with all 12 patients completing the "
        "study and no dose-limiting toxicities."
    )
    assert {c.enrollment for c in claims_of(toolkit, text)} == {12}


def test_a_who_registry_records_fields_are_its_trials_facts(toolkit):
    text = (
        "Main ID: NCT09990001\n"
        "Public title: AB-101 Phase 2 Trial in Amyotrophic Lateral Sclerosis\n"
        "Scientific title: A Randomized Trial of AB-101 in ALS\n"
        "Date of first enrolment: March 2019\n"
        "Target sample size: 48\n"
        "Recruitment status: Completed\n\n"
        "Age minimum: 18 Years"
    )
    got = {(c.therapy, c.date, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("ab101", "2019-03", None) in got and ("ab101", None, 48) in got, got


def test_a_device_defined_with_its_initials_is_named_by_brand_and_initials(toolkit):
    text = (
        "Vitalis Respira Phrenic Nerve Stimulator (PNS) is a battery-powered neurostimulator "
        "with four electrodes.\n\n"
        "The Respira PNS received CE Marking on March 3, 2015.\n\n"
        "The Respira PNS received FDA approval for ALS on June 9, 2019."
    )
    got = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert {("respirapns", "2015-03-03"), ("respirapns", "2019-06-09")} <= got, got
    # initials that are not the words' name nothing
    wrong = text.replace("(PNS)", "(RPX)").replace("Respira PNS", "Respira RPX")
    assert all(c.therapy != "respirarpx" for c in claims_of(toolkit, wrong))


def test_a_verb_before_a_chinese_drug_name_is_not_part_of_it(toolkit):
    text = (
        "本研究为III期临床试验，以安慰剂为对照，进一步确证参芪通络颗粒治疗肌萎缩侧索硬化症的有效性。"
        "参芪通络颗粒由某药业研制。"
    )
    names = {c.therapy for c in claims_of(toolkit, text)}
    assert "参芪通络颗粒" in names and "确证参芪通络颗粒" not in names, names


def test_a_reviews_number_of_participants_field_is_the_trials_size(toolkit):
    text = "AB-101 versus placebo in ALS.\n\nNumber of participants: 133 (67 treated, 66 placebo)."
    assert 133 in {c.enrollment for c in claims_of(toolkit, text)}
    cell = "AB-101 versus placebo.\n\nParticipants | Country: USA Number of participants: 133 (67 treated)"
    assert 133 in {c.enrollment for c in claims_of(toolkit, cell)}
    # a safety table's row counts events, not the trial
    row = "AB-101 in ALS.\n\nSerious adverse events - number of participants: 7"
    assert 7 not in {c.enrollment for c in claims_of(toolkit, row)}


@pytest.mark.parametrize(
    "period, year",
    [("in 2H13", "2013"), ("by 1H 2024", "2024"), ("in CYQ4 2021", "2021"), ("in Q3'25", "2025")],
)
def test_a_half_or_quarter_written_short_dates_the_plan(toolkit, period, year):
    text = f"Acme plans to start a phase 3 trial of AB-101 {period}, the company said."
    assert year in {c.date for c in claims_of(toolkit, text)}
    # a time of day is no period
    assert "2013" not in {c.date for c in claims_of(toolkit, "AB-101 was dosed at 2h13 today.")}


def test_a_date_typed_with_a_full_stop_for_the_comma_is_read(toolkit):
    text = "WASHINGTON (March 3. 2024) – The FDA approved AB-101 for ALS, Acme said."
    assert "2024-03-03" in {c.date for c in claims_of(toolkit, text)}


def test_a_sample_size_field_counts_only_when_the_number_is_its_value(toolkit):
    text = "AB-101 phase 2 trial in ALS.\n\nSample size: 90% power to detect a difference; 150 participants will be enrolled."
    sizes = {c.enrollment for c in claims_of(toolkit, text)}
    assert 90 not in sizes and 150 in sizes, sizes


# --- session 14: mechanisms, weekdays, arms before placebo ------------------------------------


def test_how_a_drug_works_is_no_result(toolkit):
    # the guide: a mechanism description is no claim; the same effect in a trial is a result
    text = "药物分类\n\n异丁司特可通过抑制炎症的作用机制延缓疾病进展。"
    assert claims_of(toolkit, text) == []
    trial = "在II期临床试验中，异丁司特通过抑制炎症的机制显著延缓了疾病进展。"
    assert {c.type for c in claims_of(toolkit, trial)} == {"trial_result"}


@pytest.mark.parametrize(
    "sentence, date",
    [
        (
            "Acme said Tuesday that AB-101 did not meet its primary endpoint in a phase 2 trial.",
            "2024-11-26",
        ),
        ("On Monday, Acme said the FDA approved AB-101 for ALS.", "2024-11-25"),
        # a day to come, a habit, a day named with its date: no date from the weekday
        ("Acme will present phase 2 results of AB-101 on Friday.", None),
        ("Patients in the phase 2 trial take AB-101 every Monday.", None),
    ],
)
def test_an_english_weekday_is_a_day_of_the_articles_week(toolkit, sentence, date):
    claims = claims_of(toolkit, sentence, published="2024-11-27")  # a Wednesday
    assert claims and {c.date for c in claims} == {date}


@pytest.mark.parametrize("tail", ["and placebo.", "or a matching placebo."])
def test_arms_assigned_before_the_placebo_arm_share_the_trials_size(toolkit, tail):
    text = f"Up to 450 participants will be randomised 1:1:1 to oral ibudilast, memantine {tail}"
    got = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert got == {("ibudilast", 450), ("memantine", 450)}


def test_a_month_a_comma_and_its_year_is_a_date(toolkit):
    text = "In December, 1995, the FDA approved AB-101 for ALS."
    assert {c.date for c in claims_of(toolkit, text)} == {"1995-12"}
    # the end of a range is no month of its own
    span = "Between January and December, 2019, a phase 2 trial of AB-101 enrolled 60 patients."
    assert "2019-12" not in {c.date for c in claims_of(toolkit, span)}


# --- session 15: a Chinese registry record's period and size ---------------------------------


def test_a_chinese_registry_records_period_and_size_are_its_trials(toolkit):
    # A registry record copied as "key: | value |" rows: the study period's dates and the number
    # of subjects are facts of the record's trial (its therapy named in the title row).
    text = (
        "注册题目: | 依达拉奉治疗肌萎缩侧索硬化症的多中心临床研究 |\n"
        "注册号: | NCT01234567 |\n"
        "研究所处的阶段: | II期临床试验 |\n"
        "研究目的: | 评估依达拉奉治疗肌萎缩侧索硬化症的安全性。 |\n"
        "研究实施时间: | 2016年03月-2018年09月 |\n"
        "受试者例数: | 48 |\n"
        "受试者年龄及性别: | 18岁以上,性别不限 |\n"
    )
    claims = claims_of(toolkit, text)
    assert {c.date for c in claims if c.therapy == "edaravone"} >= {"2016-03", "2018-09"}
    assert 48 in {c.enrollment for c in claims if c.therapy == "edaravone"}
    # an age row is no size, a row of another key no date of the trial
    assert 18 not in {c.enrollment for c in claims}


@pytest.mark.parametrize(
    "arm",
    [
        "Riluzole was administered to the control group for 6 months.",
        "Riluzole served as the active control.",
    ],
)
def test_the_control_arms_drug_is_no_subject_of_a_new_remedys_trial(toolkit, arm):
    # An abstract of a remedy the lexicon does not know: its control arm's drug is background,
    # neither the sentence's therapy nor the article's subject the later sentences fall to.
    text = (
        "Objective. To assess the Qingre granule formula in amyotrophic lateral sclerosis. "
        "Methods. Sixty patients were randomly divided into two groups. "
        f"{arm} Results. ALSFRS-R scores declined more slowly in the treatment group after "
        "6 months (P<0.05)."
    )
    assert [c for c in claims_of(toolkit, text) if c.therapy == "riluzole"] == []


@pytest.mark.parametrize(
    "text",
    [
        "利鲁唑作为对照，观察组加用中药。两组均治疗12周后，观察组ALSFRS-R评分显著改善(P<0.05)。",
        "以利鲁唑为对照，60例患者随机分组。治疗12周后，试验组ALSFRS-R评分显著改善(P<0.05)。",
    ],
)
def test_the_control_arms_drug_in_chinese_is_background(toolkit, text):
    assert [c for c in claims_of(toolkit, text) if c.therapy == "riluzole"] == []


def test_a_drug_tested_against_a_control_group_is_still_the_subject(toolkit):
    # the tested drug beside "the control group" is no control arm
    text = (
        "In a phase 2 trial, 60 patients received riluzole and 30 formed the control group. "
        "Riluzole slowed ALSFRS-R decline at 6 months (P<0.05)."
    )
    assert {c.therapy for c in claims_of(toolkit, text)} == {"riluzole"}


def test_a_chinese_medicine_formula_named_in_pinyin_is_a_therapy(toolkit):
    # "Buzhong Yiqi (BZYQ) granules": the pinyin words before the form name the formula, and its
    # acronym is the same therapy wherever the text goes on with it.
    text = (
        "Objective. To evaluate Buzhong Yiqi (BZYQ) granules in amyotrophic lateral sclerosis. "
        "Methods. Sixty patients were randomly divided into a BZYQ group and a placebo group. "
        "Results. ALSFRS-R decline was slower in the BZYQ group at 6 months (P<0.05)."
    )
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"buzhongyiqi"}
    assert 60 in {c.enrollment for c in claims}


@pytest.mark.parametrize(
    "text, therapy",
    [
        (
            "A meta-analysis of 12 randomized trials of Chinese herbal medicine found that "
            "Danhong injection slowed ALSFRS-R decline (MD, 2.10; 95% CI, 0.95 to 3.25).",
            "danhong",
        ),
        (
            "This randomized, double-blind trial of a Chinese herbal plaster compared the "
            "Xiao-Fu-Ning plaster with a placebo plaster in 80 patients with ALS.",
            "xiaofuning",
        ),
    ],
)
def test_a_chinese_medicine_injection_or_plaster_named_in_pinyin_is_a_therapy(
    toolkit, text, therapy
):
    assert therapy in {c.therapy for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        # English words that read as pinyin, before any medicine's forms (a review of session 24)
        "Routine injections of Qalsody began at the clinic in March 2024.",
        "Acute injection of tofersen protected motor neurons in SOD1 mice in 2023.",
        "Her June injection of Qalsody was her fifth since the approval in April 2023.",
    ],
)
def test_a_word_before_an_injection_outside_chinese_medicine_is_no_therapy(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} <= {"tofersen"}


@pytest.mark.parametrize(
    "name",
    [
        "Green Tea Capsules",  # English words, not pinyin ("tea": a vowel inside a syllable run)
        "Saline Injection",  # English that reads as pinyin
        "Traditional Chinese Medicine Decoction",
        "One Injection",  # "o-ne": a word of English
        "Huawei Tablets",  # tablets and capsules are any maker's
    ],
)
def test_english_words_before_a_form_are_no_formula(toolkit, name):
    text = (
        f"Methods. Sixty patients with ALS were randomly divided to receive {name} or placebo "
        "for 6 months in a phase 2 trial."
    )
    assert claims_of(toolkit, text) == []


def test_a_registry_records_title_names_the_subject_of_its_rows(toolkit):
    # A record (its id in the head) whose title names one drug: its rows without a name are that
    # drug's trial, however often the participants' standard care is named.
    text = (
        "Study of Ibudilast in Volunteers With ALS (NCT01234567)\n\n"
        "NCT ID: NCT01234567\n\n"
        "Participants must take riluzole. Riluzole was continued in both arms.\n\n"
        "Participant Flow\n\n"
        "Between March 2015 and June 2016, 120 subjects were randomized at 12 sites.\n\n"
        "Patients on riluzole were eligible. The dose of riluzole was not changed.\n"
    )
    claims = claims_of(toolkit, text)
    assert ("ibudilast", "2015-03") in {(c.therapy, c.date) for c in claims}
    # a page with no registry id in its head: no subject from its title
    news = text.replace("(NCT01234567)", "").replace("NCT ID: NCT01234567\n", "")
    assert ("ibudilast", "2015-03") not in {(c.therapy, c.date) for c in claims_of(toolkit, news)}


# --- session 16: a registry page's fields laid out one per line -------------------------------
REGISTRY_PAGE = (
    "NCT ID: NCT04123456\n\n"
    "Study Type: Interventional\n\n"
    "Title\n\n"
    "A Study of Transplanted Glial Cells (GLR-101) in Patients With ALS\n"
    "A Phase 2, Randomized Study of GLR-101 in Patients With ALS\n"
    "  • Study Participants\n\n"
    "    24\n"
    "This study tests GLR-101 cells, injected intrathecally, in patients with ALS.\n"
    "Study Started\n"
    "Mar 3\n"
    "2021\n"
    "Primary Completion\n"
    "Sep 30\n"
    "2023\n\n"
    "Date of Registration:\n\n"
    "2020-11-05\n"
)


def test_a_registry_pages_fields_one_per_line_are_its_trials(toolkit):
    # The key alone on its line, the value below: a date the page prints over two lines ("Mar 3" /
    # "2021") is one date, its day no citation marker; a count under a count key is the trial's size.
    claims = claims_of(toolkit, REGISTRY_PAGE)
    assert {c.therapy for c in claims} == {"glr101"}
    assert {c.date for c in claims if c.date} == {"2021-03-03", "2023-09-30", "2020-11-05"}
    assert {c.enrollment for c in claims if c.enrollment} == {24}
    assert all(not c.refs for c in claims)


def test_a_registration_date_outside_a_record_is_no_claim(toolkit):
    # a page with no registry id in its head (a forum member's profile, a company's card)
    text = REGISTRY_PAGE.replace("NCT ID: NCT04123456\n\n", "").replace(
        "Study Type: Interventional\n\n", ""
    )
    assert "2020-11-05" not in {c.date for c in claims_of(toolkit, text)}


def test_a_month_and_day_before_other_lines_stay_apart(toolkit):
    # "Mar 3" above a line that is no bare year is no date split over two lines; a number under a
    # key that counts nothing is no size.
    text = REGISTRY_PAGE.replace("Mar 3\n2021\n", "Mar 3\n2021 update\n").replace(
        "Date of Registration:", "Locations\n\n31\n\nDate of Registration:"
    )
    claims = claims_of(toolkit, text)
    assert "2021-03-03" not in {c.date for c in claims}
    assert {c.enrollment for c in claims if c.enrollment} == {24}  # the participants' field only


CN_RECORD = (
    "注册题目: | 肌萎缩侧索硬化症患者的多中心安全性评估 |\n\n"
    "注册号: | NCT01234567 |\n\n"
    "研究类型: | 干预性研究 |\n\n"
    "研究目的: | 评估鞘内注射自体骨髓间充质干细胞治疗肌萎缩侧索硬化症的安全性。 |\n\n"
    "纳入标准: | 1.年满18周岁。 2.入组前需利鲁唑治疗至少一个月。 |\n\n"
    "研究实施时间: | 2016年3月-2018年9月 |\n\n"
    "受试者例数: | 36 |\n"
)


def test_a_record_whose_title_names_nothing_is_about_its_purpose_rows_therapy(toolkit):
    # The title names no therapy: the one its purpose row names is the record's subject, and the
    # rows without a name (period, size) are that therapy's trial.
    claims = claims_of(toolkit, CN_RECORD)
    facts = {(c.therapy, c.date, c.enrollment) for c in claims}
    assert ("msc", "2016-03", None) in facts
    assert ("msc", None, 36) in facts
    # the eligibility row's riluzole is what patients had taken: no claim
    assert "riluzole" not in {c.therapy for c in claims}


def test_a_records_title_names_an_unlisted_formula_without_the_studys_words(toolkit):
    # "一项评估X方治疗…": the study's words before the formula are no part of its name, and a
    # record of the traditional medicine registry (ITMCTR) has it as its subject.
    text = (
        "一项评估益髓通络方治疗肌萎缩侧索硬化症患者的随机对照临床研究\n\n"
        "注册号:\n\nRegistration number:\n\nITMCTR2024000123\n\n"
        "注册时间:\n\nDate of Registration:\n\n2024-06-18\n\n"
        "研究类型:\n\n干预性研究\n"
    )
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"益髓通络方"}
    assert "2024-06-18" in {c.date for c in claims}


def test_an_unlisted_chinese_products_page_has_it_as_subject(toolkit):
    # A registry listing whose titles and aim name one unlisted product ("益髓通络颗粒", named where
    # only a drug stands), its values on their own lines: the bare phase line is its trial's.
    text = (
        "登记号\nCTR20231234\n适应症\n肌萎缩侧索硬化症\n试验通俗题目\n"
        "评价益髓通络颗粒治疗肌萎缩侧索硬化症有效性和安全性\n试验专业题目\n"
        "评价益髓通络颗粒治疗肌萎缩侧索硬化症的多中心、随机、双盲临床试验\n"
        "试验分期\nII期\n试验目的\n"
        "评价益髓通络颗粒治疗肌萎缩侧索硬化症的有效性和安全性。\n"
    )
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"益髓通络颗粒"}
    assert "2" in {c.phase for c in claims}


def test_a_generic_chinese_therapy_word_is_no_subject(toolkit):
    # "干细胞疗法" named where a drug can stand is no product: it does not become the page's subject
    # and take its unnamed sentences.
    text = (
        "干细胞疗法为渐冻症带来希望。疗法干细胞疗法仍在研究中。\n"
        "目前获批的药物虽能延缓疾病进程，但无法阻止神经元损伤。\n"
        "在临床研究中，鞘内注射显示出减缓疾病进展的潜力。\n"
    )
    assert [c for c in claims_of(toolkit, text) if c.therapy == "干细胞疗法"] == []


TRIALS_TABLE = (
    "Supplementary table 1: previous clinical trials in ALS\n\n"
    "Drug / Study / Patients / Intervention / Design\n"
    "Valproate / Hartmann, 2004[3] / 163 patients / valproate or placebo / randomised trial\n"
    "Lamotrigine / Ryberg et al., 2003[4] / 30 patients / lamotrigine (300 mg/day) / crossover\n"
    "Ceftriaxone / Cudmore et al., 1999[5] / 296 patients / Ceftriaxone (\n"
)


def test_a_table_rows_cited_study_dates_its_trial(toolkit):
    # "Name, YEAR[n]" or "Name et al., YEAR[n]" in a study cell: the year of the trial the row
    # reports, never its size ("…, 1999[5] / 296 patients": 296, not 1999).
    facts = {(c.therapy, c.date, c.enrollment) for c in claims_of(toolkit, TRIALS_TABLE)}
    assert ("valproic-acid", "2004", 163) in facts
    assert ("lamotrigine", "2003", 30) in facts
    assert ("ceftriaxone", "1999", 296) in facts


def test_an_author_year_outside_a_table_is_no_trial_date(toolkit):
    # prose that cites a paper beside a drug's mechanism: no claim dated by the citation
    text = "Valproate inhibits histone deacetylases in motor neurons (Hartmann, 2004[3]).\n"
    assert "2004" not in {c.date for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Patients took masitinib alongside riluzole, over an average of 34.1 months.",
        "NurOwn was described at the meeting. The programme will run for 36 weeks.",
    ],
)
def test_a_duration_alone_is_no_claim(toolkit, text):
    # no date, phase, count, design or outcome: a trial's length says nothing the guide counts
    assert [c for c in claims_of(toolkit, text) if c.type == "trial_design"] == []


# --- session 17: weekdays of news without a digit --------------------------------------------


@pytest.mark.parametrize(
    "sentence, date",
    [
        # no digit anywhere: the weekday alone dates the news
        ("The FDA announced Friday that edaravone has been approved for ALS.", "2024-11-22"),
        # the weekday between the subject and what it did
        ("The health ministry Tuesday approved edaravone for ALS.", "2024-11-26"),
        ("The agency on Monday cleared a phase 2 trial of tofersen.", "2024-11-25"),
        # a vote to come on a weekday is no day of the article's week
        ("An FDA panel votes Thursday on the phase 3 trial of tofersen.", None),
    ],
)
def test_a_weekday_dates_news_written_without_a_digit(toolkit, sentence, date):
    claims = claims_of(toolkit, sentence, published="2024-11-27")  # a Wednesday
    assert claims and {c.date for c in claims} == {date}


def test_outpatients_are_a_trials_participants(toolkit):
    text = "A placebo-controlled trial of AB-101 was conducted in 155 outpatients with ALS."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {155}


def test_the_patients_a_country_has_are_no_trials_size(toolkit):
    text = "The FDA approved AB-101 in 2024; about 30,000 ALS patients are in the U.S."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {None}
    # ... while a trial run in the U.S. keeps its count
    trial = "The phase 2 trial of AB-101 enrolled 150 ALS patients in the U.S."
    assert {c.enrollment for c in claims_of(toolkit, trial)} == {150}


def test_a_platform_trials_arms_named_beside_the_word_drug_are_therapies(toolkit):
    # names the lexicon does not know, named where only a drug stands: "drug 2 (X)", "A third
    # drug, X, was added"
    text = (
        "The platform trial started in 2020. Drug 1 (velozine) entered its phase 2 part in "
        "September 2023. A third drug, bestrazole, was added to the trial in April 2023."
    )
    dated = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert {("velozine", "2023-09"), ("bestrazole", "2023-04")} <= dated


@pytest.mark.parametrize(
    "text",
    [
        "A new drug, however, was added to the platform trial in April 2023.",
        "A second drug, which was added to the platform trial in April 2023, failed.",
    ],
)
def test_a_word_after_drug_and_a_comma_is_no_name(toolkit, text):
    assert {c.therapy for c in claims_of(toolkit, text)} <= {None}


def test_a_covariate_drug_is_background(toolkit):
    # the drug a comparison was matched or adjusted for is what patients took, not what was
    # studied; a list item or the list's head
    for text in (
        "In this phase 2 trial of ibudilast, outcomes were compared with a cohort matched for "
        "age, sex and riluzole use.",
        "In this phase 2 trial of ibudilast, the analysis was adjusted for riluzole use.",
    ):
        assert {c.therapy for c in claims_of(toolkit, text)} == {"ibudilast"}
    # ... but not a drug past the list, in the clause that follows it
    text = (
        "Patients were randomly allocated, stratified by use of riluzole, to receive ibudilast "
        "or matching placebo in a phase 2 trial."
    )
    assert "ibudilast" in {c.therapy for c in claims_of(toolkit, text)}


def test_a_covariate_drug_does_not_take_the_topic(toolkit):
    text = (
        "A phase 2 trial of ibudilast in ALS\n\n"
        "Ibudilast is being developed as a treatment for ALS.\n\n"
        "Methods:\nThe study group is compared with a cohort matched for age, gender, and "
        "riluzole use.\n\n"
        "Results:\nEnrollment was completed in July 2023. 75 subjects have been enrolled.\n"
    )
    facts = {(c.therapy, c.date, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("ibudilast", "2023-07", 75) in facts
    assert "riluzole" not in {c.therapy for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "In 2011, the FDA approved the diaphragm pacing system for people living with ALS.",
        "2011年，美国FDA批准膈肌起搏器用于渐冻症患者。",
    ],
)
def test_diaphragm_pacing_is_a_therapy_the_lexicon_knows(toolkit, text):
    # an ALS device therapy named by what it is, with no brand: the lexicon's neurx-dps
    assert ("neurx-dps", "2011") in {(c.therapy, c.date) for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Masitinib may help patients with a variant of the UNC13A gene (1 in 6 patients has it).",
        "In the phase 2 trial of masitinib, about one in four people with ALS responded.",
        "马赛替尼的II期试验中，每6名患者中有1名出现皮疹。",
    ],
)
def test_one_in_so_many_patients_is_no_trials_size(toolkit, text):
    assert {c.enrollment for c in claims_of(toolkit, text)} <= {None}


def test_a_phase_one_in_so_many_volunteers_keeps_its_count(toolkit):
    text = "Phase 1 in 30 healthy volunteers of masitinib was completed in 2019."
    assert {c.enrollment for c in claims_of(toolkit, text)} == {30}


def test_a_study_pages_dated_fields_are_its_trials(toolkit):
    # a page about one trial of one drug: its "Recruitment open date:" and "Planned recruitment
    # end date:" fields date that trial, without an event word
    text = (
        "SPARK trial of ibudilast\n\n"
        "A randomised placebo-controlled phase 3 trial of ibudilast in ALS.\n\n"
        "Ibudilast is approved for asthma in Japan. Ibudilast acts on glial cells.\n\n"
        "Key dates\n\n"
        "Recruitment open date: 13 February 2023\n\n"
        "Planned recruitment end date: 01 February 2024\n\n"
        "招募开始日期：2023年3月1日\n"
    )
    dated = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert {("ibudilast", "2023-02-13"), ("ibudilast", "2024-02-01")} <= dated
    assert ("ibudilast", "2023-03-01") in dated
    # ... not a date that is no field of the trial
    other = text.replace(
        "Recruitment open date: 13 February 2023", "Page updated: 13 February 2023"
    )
    assert ("ibudilast", "2023-02-13") not in {
        (c.therapy, c.date) for c in claims_of(toolkit, other)
    }


def test_a_wire_copys_head_is_its_dateline(toolkit):
    # "Sep. 29, 2022, 10:58 PM (RTTNews) - …": the copy's day, which dates its weekday
    text = (
        "FDA approves Acme's ALS drug\n\n"
        "Sep. 29, 2022, 10:58 PM (RTTNews) - Shares of Acme Pharmaceuticals rose sharply in "
        "early trading on the news.\n\nThe company said Thursday that the U.S. Food and Drug "
        "Administration has approved ibudilast for adults with ALS.\n"
    )
    assert ("ibudilast", "2022-09-29") in {(c.therapy, c.date) for c in claims_of(toolkit, text)}


# --- session 18 --------------------------------------------------------------------------------
CTGOV_RECORD = (
    "A Study of Ibudilast in Adults With ALS\n"
    "Listing a study does not mean it has been evaluated by the U.S. Federal Government. Read our "
    "disclaimer for details. The safety and scientific validity of this study is the "
    "responsibility of the study sponsor and investigators. Please read the disclaimer again. |\n"
    "ClinicalTrials.gov Identifier: NCT01234567 |\n"
    "Recruitment Status :\n"
    "Completed\n"
    "First Posted : May 4, 2019\n"
    "Last Update Posted : June 1, 2022\n"
    "Condition or disease | Intervention/treatment | Phase |\n"
    "---|---|---|\n"
    "Amyotrophic Lateral Sclerosis | Drug: Ibudilast Other: Placebo | Phase 2 |\n"
    "Study Type : | Interventional (Clinical Trial) |\n"
    "Actual Enrollment : | 131 participants |\n"
    "Allocation: | Randomized |\n"
    "Actual Study Start Date : | June 3, 2019 |\n"
    "Estimated Primary Completion Date : | March 2023 |\n"
    "Estimated Study Completion Date : | March 2024 |\n"
)


def test_a_records_key_rows_below_its_table_are_its_trials_fields(toolkit):
    # "Actual Enrollment : | 131 participants |" under the conditions table: a row of its own (not
    # glued to the next one to fill the table's three cells), the record's subject's field
    claims = claims_of(toolkit, CTGOV_RECORD)
    assert {c.therapy for c in claims} == {"ibudilast"}
    assert {c.enrollment for c in claims if c.enrollment} == {131}
    dated = {(c.type, c.date) for c in claims if c.date}
    assert ("trial_start", "2019-06-03") in dated
    # "Estimated Primary Completion Date": the qualifier before any field's key
    assert {"2023-03", "2024-03"} <= {d for _, d in dated}
    # the record's "First Posted" is the day it was registered; its last update is no event
    assert "2019-05-04" in {d for _, d in dated}
    assert "2022-06-01" not in {d for _, d in dated}


def test_a_news_pages_first_posted_line_is_its_publication(toolkit):
    text = (
        "First posted: May 4, 2019\n\n"
        "Ibudilast is being tested in people with ALS. The phase 2 trial of ibudilast enrolled "
        "131 participants.\n"
    )
    assert "2019-05-04" not in {c.date for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    ("text", "history", "event"),
    [
        (
            "Neuralink的首位患者接受专访时透露，他在2016年因游泳意外导致下半身瘫痪，2024年1月接受了Neuralink植入。",
            "2016",
            "2024-01",
        ),
        (
            "The first participant was paralyzed in a diving accident in 2016. In January 2024 he received the Neuralink implant.",
            "2016",
            "2024-01",
        ),
        (
            "She was diagnosed with ALS in 2019 and began taking tofersen in March 2023.",
            "2019",
            "2023-03",
        ),
        ("2018年確診漸凍症的王先生，於2021年5月開始使用依達拉奉治療。", "2018", "2021-05"),
    ],
)
def test_a_patients_diagnosis_or_injury_year_is_no_event_of_the_therapy(
    toolkit, text, history, event
):
    dates = {c.date for c in claims_of(toolkit, text)}
    assert event in dates
    assert history not in dates


@pytest.mark.parametrize(
    "text",
    [
        "Up to 600 participants will be randomised 1:1:1:1 to trazodone, amantadine, tacrolimus and placebo.",
        "该平台试验计划纳入600名患者，随机分配至曲唑酮、金刚烷胺、他克莫司或安慰剂组。",
    ],
)
def test_repurposed_drugs_of_platform_trials_are_in_the_lexicon(toolkit, text):
    # the repurposed drugs platform trials test in ALS (MND-SMART's arms), each with the size
    sized = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert {("trazodone", 600), ("amantadine", 600), ("tacrolimus", 600)} <= sized


@pytest.mark.parametrize(
    "text",
    [
        "The platform reduces the number of participants required to definitively (phase III) evaluate ibudilast.",
        "Fewer patients are needed to reliably (phase 3) test ibudilast in this design.",
    ],
)
def test_a_phase_a_design_would_need_is_no_trials_phase(toolkit, text):
    assert {c.phase for c in claims_of(toolkit, text)} <= {None}


def test_yesterday_is_the_day_before_the_pages_date(toolkit):
    text = (
        "Acme drug accepted for review\n\n30 December 2021\n\n"
        "Acme Pharmaceuticals yesterday revealed that the US Food and Drug Administration has "
        "accepted for review its New Drug Application for ibudilast for the treatment of ALS.\n\n"
        "艾克美公司昨天宣布，美国FDA已受理依达拉奉新剂型的上市申请。\n"
    )
    claims = claims_of(toolkit, text)
    assert ("ibudilast", "submission", "2021-12-29") in {
        (c.therapy, c.type, c.date) for c in claims
    }
    assert ("edaravone", "2021-12-29") in {(c.therapy, c.date) for c in claims}
    # ... and nothing without the page's day
    undated = text.replace("30 December 2021\n\n", "")
    assert "2021-12-29" not in {c.date for c in claims_of(toolkit, undated)}


def test_a_date_alone_on_its_line_below_a_menu_is_the_pages_date(toolkit):
    # a site's menu, then a long title, then the page's date alone on its line, then the prose
    text = (
        "Rare Disease News\nPhysicians\nPatients & Caregivers\nConferences\n\n"
        "Phase 2 Study of Ibudilast in ALS Patients With Systemic Inflammation Completes Enrollment\n\n"
        "JULY 11, 2017\nJane Doe\n"
        "Earlier today, Acme announced that its Phase 2 study of ibudilast in ALS has completed "
        "enrollment.\n"
    )
    assert ("ibudilast", "2017-07-11") in {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    # a date below the prose's first sentence is no page date
    later = text.replace("JULY 11, 2017\nJane Doe\n", "") + "\nJULY 11, 2017\n"
    assert "2017-07-11" not in {c.date for c in claims_of(toolkit, later)}


def test_those_who_will_be_screened_are_no_trials_size(toolkit):
    text = (
        "In the lithium trial, an expected number of 1200 patients will be screened in order to "
        "enroll a target sample size of 171 patients."
    )
    assert {c.enrollment for c in claims_of(toolkit, text) if c.enrollment} == {171}


def test_a_listed_drugs_salt_beside_placebo_is_no_other_name(toolkit):
    # "lithium carbonate or matching placebo": the salt is lithium's, no unlisted drug sharing the
    # page, which stays lithium's page (its unnamed trial sentences are lithium's)
    text = (
        "Lithium carbonate in ALS patients homozygous for the C-allele in UNC13A: a protocol.\n\n"
        "Patients homozygous for the C-allele had a survival benefit when treated with lithium "
        "carbonate. The confirmatory trial will be conducted in 15 sites. An expected number of "
        "1200 patients will be screened in order to enroll a target sample size of 171 patients. "
        "Patients will be randomly allocated in a 2:1 ratio to lithium carbonate or matching "
        "placebo. Lithium carbonate is safe and well tolerated.\n"
    )
    assert ("lithium", 171) in {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        "目的 观察依达拉奉治疗肌萎缩侧索硬化的疗效。方法 选取我院肌萎缩侧索硬化患者30例，给予依达拉奉静脉滴注治疗。",
        "目的观察依达拉奉治疗ALS的效果。方法ALS30例,给予依达拉奉静脉滴注治疗,1次为1个疗程。",
        "目的 觀察依達拉奉治療漸凍症的療效。方法 收集漸凍症患者30例的資料，均給予依達拉奉治療。",
    ],
)
def test_a_chinese_abstracts_patients_before_their_count_are_its_size(toolkit, text):
    # "患者30例", "ALS30例": the people named right before the count (not a code "ALS30")
    claims = claims_of(toolkit, text)
    assert ("edaravone", 30) in {(c.therapy, c.enrollment) for c in claims}
    assert {c.therapy for c in claims} == {"edaravone"}


@pytest.mark.parametrize(
    "text",
    [
        "2025年9月，Neuralink宣布全球已有12名患者成功植入其脑机接口晶片。",
        "2025年9月，全球已有12人植入Neuralink腦部晶片。",
        "2025年9月，Neuralink公布全球已有12名志願患者完成腦部晶片植入。",
    ],
)
def test_those_a_device_was_implanted_in_are_counted_worldwide_or_not(toolkit, text):
    # "全球" counts a disease's patients; those implanted, wherever, are the device's
    assert ("neuralink", 12) in {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}


def test_the_worlds_patients_are_still_no_count(toolkit):
    text = "全球约有45万名渐冻症患者，Neuralink于2025年9月为一名患者植入了芯片。"
    assert {c.enrollment for c in claims_of(toolkit, text)} <= {None}


def test_a_trials_acronym_after_its_title_lends_its_phase_to_its_drugs(toolkit):
    # "… Randomised Trial (ACME-ALS): a … phase III … trial": the trial's short name, defined
    # after its title; a sentence naming it and its drugs gives them its phase
    text = (
        "Acme Multi-Arm Randomised Trial (ACME-ALS): a multi-arm, adaptive, phase III randomised "
        "trial of repurposed drugs in motor neuron disease\n\n"
        "The first two drugs selected for evaluation in ACME-ALS are ibudilast and memantine.\n"
    )
    phased = {(c.therapy, c.phase) for c in claims_of(toolkit, text)}
    assert {("ibudilast", "3"), ("memantine", "3")} <= phased
    # ... a sentence that names no trial lends nothing
    other = text.replace("in ACME-ALS are", "are")
    assert {c.phase for c in claims_of(toolkit, other) if c.therapy == "ibudilast"} <= {None}


@pytest.mark.parametrize(
    "text",
    [
        "Ibudilast met the criteria for futility in a phase 3 trial, leading to the study's discontinuation.",
        "The phase 3 trial of ibudilast crossed the pre-specified futility boundary at the interim analysis.",
    ],
)
def test_futility_met_is_a_missed_outcome(toolkit, text):
    assert ("ibudilast", "trial_result") in {(c.therapy, c.type) for c in claims_of(toolkit, text)}


def test_an_interim_analysis_for_futility_to_come_is_no_outcome(toolkit):
    text = "An interim analysis for futility is planned in the phase 3 trial of ibudilast."
    assert "trial_result" not in {c.type for c in claims_of(toolkit, text)}


def test_a_years_own_trial_is_dated_by_it(toolkit):
    text = (
        "Ibudilast failed to reach its endpoints in phase 2 — 2019's ACME-ALS trial — but moved on."
    )
    assert ("ibudilast", "2019") in {(c.therapy, c.date) for c in claims_of(toolkit, text)}


def test_a_lead_about_an_unnamed_product_is_the_next_lines_named_one(toolkit):
    # "DENVER -- A novel treatment candidate … met its primary endpoints in the phase IIb X
    # trial." then "… treated with Ibudilast -- a formulation of …": the product the lead
    # described, named and described on the next line
    text = (
        "DENVER -- A novel treatment candidate for ALS met its primary endpoints in the phase "
        "IIb ACME trial.\n"
        "ALS patients treated with ibudilast -- a formulation of two approved drugs -- had "
        "similar safety outcomes as those treated with placebo, the investigators reported.\n"
    )
    assert ("ibudilast", "2b") in {(c.therapy, c.phase) for c in claims_of(toolkit, text)}
    # ... not when the next line names it without describing it
    plain = text.replace(" -- a formulation of two approved drugs --", "")
    assert ("ibudilast", "2b") not in {(c.therapy, c.phase) for c in claims_of(toolkit, plain)}


def test_a_degree_after_a_name_is_no_cell_therapy(toolkit):
    # "Jane Doe, MD, MSc, of …": a degree in a list of degrees, not mesenchymal stem cells
    text = "said Jane Doe, MD, MSc, of the clinic, where MSCs were given in 2020."
    found = toolkit.lexicon.find(text.lower(), text)
    assert [text[m.start : m.end] for m in found if m.therapy == "msc"] == ["MSCs"]


def test_a_cell_class_named_throughout_is_the_subject_beside_a_drug_named_once(toolkit):
    # an abstract about adipose-derived MSCs, riluzole named once as a covariate: the unnamed
    # results sentences are the cells'
    text = (
        "Results from a Phase 2 Trial of Intrathecal Adipose-derived MSCs in ALS\n\n"
        "Objective: we evaluate repeated intrathecal mesenchymal stromal cells (MSCs) in ALS.\n\n"
        # ("age, gender and riluzole use": a covariate list, "gender" no drug in it)
        "Methods: participants receive 4 doses of MSCs; controls are matched for age, gender and "
        "riluzole use.\n\n"
        "Results: Enrollment was completed in July 2023. 75 subjects have been enrolled.\n"
    )
    facts = {(c.therapy, c.date, c.enrollment) for c in claims_of(toolkit, text)}
    assert any(t == "msc" and n == 75 for t, _, n in facts)
    assert any(t == "msc" and d == "2023-07" for t, d, _ in facts)


# --- session 19 --------------------------------------------------------------------------------


def test_a_design_abbreviation_after_lowercase_words_names_no_trial(toolkit):
    # "an open-label extension study (OLE)" defines a design's abbreviation, not a trial's name:
    # a drug named later with "the OLE" takes none of its phase or size, and "it" stays the drug
    # the extension follows
    text = (
        "Edaravone was tested in a phase 3 trial of 137 patients.\n\n"
        "Patients who finished it could enter an open-label extension study (OLE), a phase 2 "
        "study of 60 participants.\n\n"
        "Some people in the OLE also used ropinirole at home.\n"
    )
    claims = claims_of(toolkit, text)
    assert "ropinirole" not in {c.therapy for c in claims}
    assert any(c.therapy == "edaravone" and c.enrollment == 60 for c in claims)


def test_a_capitalised_title_before_its_acronym_still_names_the_trial(toolkit):
    text = (
        "The Lighthouse Adaptive Platform Study (LAPS-ALS) is a phase 3 trial of 600 people.\n\n"
        "Memantine is the first drug tested in LAPS-ALS.\n"
    )
    claims = claims_of(toolkit, text)
    assert any(c.therapy == "memantine" and c.phase == "3" for c in claims)


def test_drugs_the_sentence_sets_apart_from_a_named_trial_take_none_of_it(toolkit):
    # not selected for it, unlike X, rather than X, keep taking X, X not included in it: the
    # named trial's phase and size stay with the drugs it tests
    text = (
        "The LIGHTHOUSE trial, a phase 3 platform study, has enrolled 800 people with MND.\n\n"
        "Memantine and trazodone were the first two drugs tested in LIGHTHOUSE, while amantadine "
        "was not selected for LIGHTHOUSE.\n\n"
        "Unlike masitinib, trazodone costs little in LIGHTHOUSE, and LIGHTHOUSE patients keep "
        "taking riluzole.\n\n"
        "Rather than ropinirole, the LIGHTHOUSE trial chose memantine, though edaravone was not "
        "included in LIGHTHOUSE.\n"
    )
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"memantine", "trazodone"}
    assert all(c.phase == "3" and c.enrollment == 800 for c in claims)


def test_a_drug_first_named_for_another_disease_is_not_what_follows_is_about(toolkit):
    # a parent drug of another disease and a company's drug for another disease: neither is the
    # ALS text's topic, nor what a later "It" means
    text = (
        "Dexpramipexole failed its phase 3 trial in 2013.\n\n"
        "The drug, a mirror image of a drug called Zelmorin, used to treat Parkinson's disease, "
        "had looked promising.\n\n"
        "It improved survival of motor neurons in laboratory studies.\n\n"
        "The company is also betting on bremolimab, a treatment for graft-versus-host disease. "
        "It met its primary endpoint last year.\n"
    )
    claims = claims_of(toolkit, text, published="2024-05-01")
    assert {c.therapy for c in claims} == {"dexpramipexole"}
    assert not any(c.outcome == "met_primary" for c in claims)


def test_a_drug_named_before_for_als_stays_the_topic_beside_another_disease(toolkit):
    # a drug the text is already about keeps the topic when a sentence says what else it treats
    text = (
        "The HEALEY platform tested zilucoplan in people with ALS.\n\n"
        "Zilucoplan is already approved for myasthenia gravis.\n\n"
        "Its regimen enrolled 162 participants.\n"
    )
    claims = claims_of(toolkit, text)
    assert any(c.therapy == "zilucoplan" and c.enrollment == 162 for c in claims)


def test_an_english_verb_before_a_dose_is_no_drug_name(toolkit):
    # "daily administrated 50mg", "injected 30 mg", "dosing 20 mg": verbs and adverbs end so,
    # no drug name does
    text = (
        "In the trial of riluzole, 200 patients were randomised: some were given orally "
        "administered 50 mg or placebo, others injected 30 mg daily, and the rest received "
        "twice-weekly dosing 20 mg.\n"
    )
    assert {c.therapy for c in claims_of(toolkit, text)} == {"riluzole"}


@pytest.mark.parametrize(
    "introduced",
    [
        "干细胞公司的“诺文细胞”(NurOwn)近日引起关注。",
        "干细胞公司的NurOwn（诺文细胞）近日引起关注。",
    ],
)
def test_a_chinese_name_glossed_with_a_listed_one_is_that_therapy(toolkit, introduced):
    # a transliteration the lexicon lacks, glossed once in brackets with a listed name, names
    # the same therapy wherever the text uses it alone
    text = (
        f"{introduced}\n\n利鲁唑于1995年在美国获批。\n\n2023年，诺文细胞的3期试验纳入189名患者。\n"
    )
    claims = [c for c in claims_of(toolkit, text) if c.date == "2023"]
    assert [(c.therapy, c.phase, c.enrollment) for c in claims] == [("nurown", "3", 189)]


def test_a_chinese_word_glossed_with_no_listed_name_stays_unnamed(toolkit):
    text = "美国食品药品监督管理局(FDA)于2023年批准了一项试验。\n\n该试验纳入108名患者。\n"
    assert {c.therapy for c in claims_of(toolkit, text)} <= {"fda"} and not any(
        c.therapy == "美国食品药品监督管理局" for c in claims_of(toolkit, text)
    )


@pytest.mark.parametrize(
    "published, text, day",
    [
        # Tuesday 3 October 2023: last week's Wednesday
        ("2023-10-03", "Last Wednesday, the FDA approved tofersen.", "2023-09-27"),
        # Friday 6 October 2023: still last week's, not this week's Wednesday the 4th
        ("2023-10-06", "Last Wednesday, the FDA approved tofersen.", "2023-09-27"),
        ("2023-10-06", "上周三，美国FDA批准了托夫生。", "2023-09-27"),
        ("2023-10-06", "周三，美国FDA批准了托夫生。", "2023-10-04"),
    ],
)
def test_last_weekday_is_in_the_week_before_the_publication_dates(toolkit, published, text, day):
    assert [c.date for c in claims_of(toolkit, text, published=published)] == [day]


def test_next_weeks_weekday_is_no_past_day(toolkit):
    claims = claims_of(toolkit, "下周三，美国FDA将决定是否批准托夫生。", published="2023-10-06")
    assert [c.date for c in claims if c.date] == []


def test_a_records_results_tables_count_groups_but_their_total(toolkit):
    # a registry record's baseline table: each arm's n and each category's count is a group's;
    # the Total column's is the trial's size
    text = (
        "A Study of Ibudilast in ALS\n\nNCT ID: NCT01234567\n\nRecruitment status\n\nCOMPLETED\n\n"
        "Study phase\n\nPHASE2\n\n"
        "Participant Flow\n\nBetween May 2019 and June 2020, 90 participants were randomized.\n\n"
        "Baseline Characteristics\n\nIbudilast\nn=60 Participants\n\nPlacebo\n"
        "n=30 Participants\n\nTotal\nn=90 Participants\n\nSex: Female\n\n37 Participants\n\n"
        "11 Participants\n"
    )
    sizes = {c.enrollment for c in claims_of(toolkit, text) if c.enrollment}
    assert sizes == {90}


def test_a_submission_named_as_a_noun_is_a_submission(toolkit):
    claims = claims_of(toolkit, "Biogen completed the NDA submission for tofersen in July 2022.\n")
    assert [(c.type, c.date) for c in claims] == [("submission", "2022-07")]


def test_a_wire_datelines_day_gives_way_to_the_days_the_copy_tells(toolkit):
    # "某通讯社5月8日电 …当地时间7日…": the dateline dates the copy; the day by a zone's clock is
    # the event's
    text = "某通讯社5月8日电 美国某公司当地时间7日宣布，托夫生的3期试验已完成首例患者给药。\n"
    claims = claims_of(toolkit, text, published="2024-05-08")
    assert {c.date for c in claims if c.therapy == "tofersen"} == {"2024-05-07"}


def test_a_wire_dateline_alone_still_dates_its_news(toolkit):
    text = "某通讯社5月8日电 托夫生的3期试验已完成首例患者给药。\n"
    claims = claims_of(toolkit, text, published="2024-05-08")
    assert {c.date for c in claims if c.therapy == "tofersen"} == {"2024-05-08"}


def test_an_arm_named_in_apposition_and_added_starts_then(toolkit):
    # "A third drug, X, was added in April 2023": the arm's start; "The drug was added to my
    # medicines" is no trial's
    text = (
        "The LIGHTHOUSE platform trial tests repurposed drugs.\n\n"
        "A third drug, amantadine, was added in April 2023.\n\n"
        "My neurologist said riluzole was added to my medicines in 2020.\n"
    )
    claims = claims_of(toolkit, text)
    assert [(c.therapy, c.type, c.date) for c in claims if c.date] == [
        ("amantadine", "trial_start", "2023-04")
    ]


def test_a_records_results_posted_field_dates_it(toolkit):
    text = (
        "A Study of Ibudilast in ALS\n\nNCT ID: NCT01234567\n\nRecruitment status\n\nCOMPLETED\n\n"
        "Results posted on\n\n2023-08-23\n"
    )
    assert "2023-08-23" in {c.date for c in claims_of(toolkit, text) if c.therapy == "ibudilast"}


def test_a_page_copied_one_inline_element_a_line_reads_as_sentences(toolkit):
    # every inline element on a line of its own ("2016" / "年" / "8" / "月" / "(" / "Tofersen" /
    # ")"): the sentences run on across the lines, and read as they do written on one line
    lines = [
        "2023", "年", "4", "月", "25", "日，", "美国", "FDA", "批准", "托夫生", "(", "Tofersen",
        ")", "上市。", "该药的", "3", "期", "试验", "VALOR", "共纳入", "108", "名患者。",
    ]  # fmt: skip

    def facts(text):
        return {(c.therapy, c.date, c.phase, c.enrollment) for c in claims_of(toolkit, text)}

    fragmented = facts("\n".join(lines) + "\n")
    assert fragmented == facts("".join(lines) + "\n")
    assert ("tofersen", "2023-04-25", None, None) in fragmented
    assert ("tofersen", None, "3", 108) in fragmented


def test_a_keyword_list_one_word_a_line_stays_lines(toolkit):
    from alsingest.structure import fragment_runs, lines_of

    words = ["肌萎缩侧索硬化", "医学", "安慰剂", "利鲁唑", "临床试验", "疾病", "心理学", "病理"]
    assert fragment_runs(lines_of("\n".join(words * 2))) == set()


# --- session 20 --------------------------------------------------------------------------------


def test_a_success_word_under_a_negation_is_a_miss(toolkit):
    # the success words of OUTCOME_MET ("significantly slow", "显著改善") denied earlier in their
    # clause are a failure; "not only … but also" stays a success
    cases = {
        "In the phase 2 trial, ABX-107 did not significantly slow disease progression.": "missed",
        "ABX-107的2期研究未能显著改善患者功能。": "missed",
        "ABX-107的2期研究并没有延缓疾病进展。": "missed",
        "In the phase 2 trial, ABX-107 not only slowed disease progression but also improved survival.": "met",
        "ABX-107的2期研究显著改善患者功能，且未见严重不良事件。": "met",
    }  # fmt: skip
    for text, polarity in cases.items():
        outcomes = {c.outcome for c in claims_of(toolkit, text) if c.therapy == "abx107"}
        assert outcomes and {o.split("_")[0] for o in outcomes if o} == {polarity}, text


def test_failure_words_beyond_did_not_meet(toolkit):
    for text in (
        "ABX-107 did not succeed in reducing neurofilament levels in the phase 2 study.",
        "The phase 2 trial of ABX-107 was unsuccessful.",
        "ABX-107 fell short of its primary endpoint in the phase 3 study.",
        "The company said ABX-107, failing to show a benefit in the phase 2 study, would be dropped.",
    ):
        outcomes = {c.outcome for c in claims_of(toolkit, text) if c.therapy == "abx107"}
        assert outcomes and all(o and o.startswith("missed") for o in outcomes), text


def test_development_ended_is_a_withdrawal(toolkit):
    for text in (
        "Biogen will stop developing ABX-107 after the phase 2 study.",
        "On May 16, 2024, Biogen said it would terminate the development of ABX-107.",
        "The company has halted development of ABX-107 following the phase 2 results.",
        "2024年5月，公司宣布终止ABX-107的开发。",
    ):
        types = {c.type for c in claims_of(toolkit, text) if c.therapy == "abx107"}
        assert "withdrawal" in types, text
    # a trial ended is not the drug's development ended
    text = "The company ended the phase 2 study of ABX-107 early, and development continues."
    assert "withdrawal" not in {c.type for c in claims_of(toolkit, text)}


def test_a_clinics_patients_treated_so_far_are_no_trials_size(toolkit):
    # cumulative practice ("已治疗超过500例", "has treated more than 500 patients") is no enrollment;
    # a trial's own count beside it still is
    for text in (
        "该方(ABX-107)已治疗超过500例ALS患者，显著改善了患者症状。",
        "Since 2015 the clinic has treated more than 500 patients with ABX-107, and it "
        "significantly slowed their decline.",
    ):
        assert {c.enrollment for c in claims_of(toolkit, text)} <= {None}, text
    text = "医院累计收治300余例患者，其中ABX-107的2期试验入组了60名患者。"
    assert {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {60}


def test_counts_written_in_less_usual_ways_are_enrollment(toolkit):
    # "a total 32 patients" (no "of"), "has enlisted 138", and "106个患者" (个 before a word for
    # patients, after a word that counts them); "3个组", "17个患者的细胞" stay no count
    cases = {
        "The phase 1 trial gave four single doses of ABX-107 in a total 32 patients with ALS.": 32,
        "The phase 2 study of ABX-107 (NCT01234567) has enlisted 138 ALS patients.": 138,
        "ABX-107的2期试验共招募了60个患者。": 60,
        "一项涵盖了106个患者的研究发现，ABX-107可以显著延缓疾病的进展。": 106,
        "ABX-107的2期试验分为3个组。": None,
        "研究人员用来自17个患者的细胞证实ABX-107在2期试验前的活性。": None,
    }  # fmt: skip
    for text, n in cases.items():
        got = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "abx107"}
        assert got == {n}, text


def test_an_active_comparator_is_background(toolkit):
    # "与利鲁唑对照": the drug the studied one is compared with gives no claim of its own (but
    # "ABX-107对照安慰剂" is the studied drug's)
    text = "ABX-107的2期试验与利鲁唑对照，共纳入80名患者。"
    therapies = {c.therapy for c in claims_of(toolkit, text)}
    assert "abx107" in therapies and "riluzole" not in therapies


def test_a_period_keeps_its_dates_past_a_dated_aside(toolkit):
    # "from July 2020 to March 2022 (final follow-up, March 17, 2022)": the aside's date does
    # not hide the period the trial ran
    text = (
        "ABX-107 was tested in a phase 2/3, randomized, double-blind trial. The study was "
        "conducted at 54 sites from July 2020 to March 2022 (final follow-up, March 17, 2022)."
    )
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"}
    assert {"2020-07", "2022-03-17"} <= dates


def test_a_translated_phase_written_as_a_stage_is_the_phase(toolkit):
    # "第三阶段试验" right before the trial word is "Phase 3 trial"; "试验的第二阶段" is a stage
    text = "根据第三阶段试验的主要结果，ABX-107未能达到主要终点。"
    assert {c.phase for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {"3"}
    text = "ABX-107试验的第二阶段将纳入60名患者。"
    assert {c.phase for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {None}


def test_dates_and_events_in_looser_english(toolkit):
    # "May of 2017"; "April or May of 2017" (either month: the year); "NDA submission" and "a
    # green light" as events, so their years are kept
    cases = {
        "Results from the phase 3 study of ABX-107 are expected in May of 2017.": "2017-05",
        "Results from the phase 3 study of ABX-107 are expected in April or May of 2017.": "2017",
        "The company targets NDA submission for ABX-107 in mid-2025.": "2025",
        "ABX-107 received a green light from the FDA in 2023.": "2023",
    }
    for text, date in cases.items():
        dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} - {None}
        assert dates == {date}, text


# --- session 21 --------------------------------------------------------------------------------


def test_a_year_in_a_money_clause_is_a_figures_year(toolkit):
    # in a sentence about money, a clause giving only an amount dates the figure, not the drug;
    # an event told in the same clause, or named right after the date, keeps its date
    text = "ABX-107在2023年的收入是590万美元，2024年上半年则是960万美元。"
    assert {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} <= {None}
    text = "ABX-107 sales were $300 million in 2022, and it was launched in Europe in 2023 at $5,000 a month."
    assert {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {"2023"}
    text = "Revenue was zero following the 2024 discontinuation of ABX-107."
    assert {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {"2024"}


def test_a_first_use_is_an_event(toolkit):
    # "the first dose of X was given in May 2023" dates a first dose; "首个处方" and "the first
    # commercial prescription" are a launch
    cases = {
        "The first dose of ABX-107 was administered in May 2023.": ("dosing", "2023-05"),
        "In June 2023, the first commercial prescription of ABX-107 was written in Boston.": (
            "launch",
            "2023-06",
        ),
        "2025年6月10日，北京某医院开出ABX-107的首个处方。": ("launch", "2025-06-10"),
    }
    for text, (kind, date) in cases.items():
        found = {(c.type, c.date) for c in claims_of(toolkit, text) if c.therapy == "abx107"}
        assert found == {(kind, date)}, text


def test_tested_on_n_patients_is_the_trials_size(toolkit):
    text = (
        "ABX-107, tested on 120 patients, failed to show a statistically significant "
        "improvement compared to placebo."
    )
    assert {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {120}


def test_a_dateline_wrapped_before_its_wire_dates_the_release(toolkit):
    # "BOSTON, Mass., Dec. 4, 2024" / "/PRNewswire/ --" on the next line, below a release's
    # bullets: "today" is the dateline's day
    text = (
        "- Bullet one about the drug\nand its results in the trial\n- Another bullet about the\n"
        "results of the study\n- A third bullet\nBOSTON, Mass., Dec. 4, 2024\n"
        "/PRNewswire/ -- Acme Ltd. is pleased to announce today positive results from the\n"
        "phase 2 study of ABX-107 in ALS.\n\nEnd."
    )
    assert {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {"2024-12-04"}


def test_a_range_of_days_takes_the_year_written_after_it(toolkit):
    text = (
        "Results of the ABX-107 study will be presented at the International Symposium on "
        "ALS/MND, taking place December 6-8, 2024, in Montreal."
    )
    assert {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {"2024-12"}


def test_a_trial_named_then_described_carries_its_drugs(toolkit):
    # "SOLACE-ALS, a UK-wide clinical trial" names a trial as surely as "the SOLACE-ALS trial";
    # "the first two drugs in SOLACE-ALS" are its two drugs, no backdrop of many
    text = (
        "The first two drugs tested in SOLACE-ALS, ibudilast and masitinib, were announced.\n\n"
        "In September 2023 the outcome of testing the first two drugs in SOLACE-ALS, a UK-wide "
        "clinical drug trial was published.\n\n"
        "In 2020 the first site started recruiting patients to SOLACE-ALS."
    )
    dates = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert {("ibudilast", "2023-09"), ("masitinib", "2023-09")} <= dates
    assert {("ibudilast", "2020"), ("masitinib", "2020")} <= dates
    # ... but "two drugs" where the trial tests three is a backdrop
    text = (
        "SOLACE-ALS, a platform trial, tests ibudilast, masitinib and ropinirole.\n\n"
        "In September 2023 two drugs in SOLACE-ALS, a UK-wide clinical drug trial, failed."
    )
    assert not any(c.date == "2023-09" for c in claims_of(toolkit, text))


def test_two_days_share_the_year_written_after_the_second(toolkit):
    text = "The first two patients were implanted with ABX-107 on Aug. 27 and Sept. 3, 2025, in Toronto."
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"}
    assert dates == {"2025-08-27", "2025-09-03"}


def test_a_drug_patients_must_already_take_is_background(toolkit):
    text = (
        "Subjects randomized to ABX-107 + riluzole were required to be taking riluzole 50 "
        "milligrams (mg) twice per day at least 30 days prior to the screening visit and during "
        "the trial."
    )
    therapies = {c.therapy for c in claims_of(toolkit, text)}
    assert "abx107" in therapies and "riluzole" not in therapies


def test_arms_told_by_what_each_received_are_summed(toolkit):
    cases = (
        "In the phase 2a trial, each patient received six doses of either ABX-107 (eight "
        "patients) or placebo (four patients) over two weeks.",
        "In the phase 2a trial, 8 patients received ABX-107 and 4 patients received placebo.",
        # the arms told by whom each is given to
        "In this phase 2a trial, oral ABX-107 will be given to 8 patients and placebo to 4 "
        "patients for 12 weeks.",
        "Infusions of ABX-107 were performed in eight participants and placebo in four.",
    )
    for text in cases:
        sizes = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "abx107"}
        assert sizes == {12}, text


@pytest.mark.parametrize(
    "text, size",
    [
        ("The 12 patients who took part in the phase 1 trial of ABX-107 will continue on it.", 12),
        ("Thirty patients participated in the open-label study of ABX-107.", 30),
        ("In 2023, 200 people with ALS took part in a survey about ABX-107.", None),  # no trial
        # those analysed so far: not the trial's size
        (
            "Preliminary data from eight patients taking part in a phase 2a study of ABX-107 "
            "show it is safe.",
            None,
        ),
    ],
)
def test_those_who_took_part_in_a_trial_are_its_size(toolkit, text, size):
    sizes = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "abx107"}
    assert sizes - {None} == ({size} if size else set()), sizes


@pytest.mark.parametrize(
    "text, outcome",
    [
        # a meta-analysis's effects, told by their intervals alone
        (
            "For delaying activity limitation, ABX-107 (MD, 2.84; 95% CI, 1.21 to 4.46; "
            "p = 0.0006) was the best of the herbal medicines.",
            "met",
        ),
        ("ABX-107 and survival (HR 0.91, 95% CI 0.70 to 1.18) in the phase 3 trial.", "missed"),
        # a slowed decline is a success, a decline told is none
        ("In the phase 2 trial, ABX-107 reduced the decline in ALSFRS-R score.", "met"),
        ("ABX-107 attenuated the rate of progression in the phase 2 trial.", "met"),
        ("Patients on ABX-107 showed a decline in ALSFRS-R like those on placebo.", "missed"),
        # compared with placebo
        ("In the phase 2 trial, ABX-107 was better than placebo (p = 0.01).", "met"),
        ("In the phase 3 trial, ABX-107 was no better than placebo.", "missed"),
        ("ABX-107 was not superior to placebo in the phase 3 trial.", "missed"),
    ],
)
def test_an_effect_told_by_its_interval_or_a_slowed_decline_is_a_result(toolkit, text, outcome):
    claims = [c for c in claims_of(toolkit, text) if c.therapy == "abx107"]
    assert {(c.type, c.outcome) for c in claims} == {("trial_result", outcome)}, claims


def test_a_total_told_before_an_aside_is_the_trials_size(toolkit):
    text = (
        "Methods: In total, 120 patients with definite ALS, clinically probable ALS, or probable "
        "ALS were randomized in a 1:1 ratio to receive ABX-107 or placebo."
    )
    claims = [c for c in claims_of(toolkit, text) if c.therapy == "abx107"]
    assert {c.enrollment for c in claims} == {120}
    # a ratio's colon breaks no clause: the quote holds the arms it was randomised to
    assert all("1:1 ratio" in text[c.start : c.end] for c in claims), claims


@pytest.mark.parametrize(
    "text, outcome",
    [
        # a review of session 24: a hypothesis or a hope is no success; a difference not
        # significant is none; a rate of decline told is still a decline
        ("The phase 2 trial will test the hypothesis that ABX-107 reduces the decline.", None),
        (
            "ABX-107 reduced the decline in the phase 2 trial by 15%, but the difference was not "
            "statistically significant.",
            "missed",
        ),
        (
            "In the phase 3 trial of ABX-107 the rate of decline in ALSFRS-R was similar to "
            "placebo.",
            "missed",
        ),
    ],
)
def test_a_hoped_or_not_significant_slowing_is_no_success(toolkit, text, outcome):
    outcomes = {c.outcome for c in claims_of(toolkit, text) if c.therapy == "abx107"}
    assert outcomes - {None} == ({outcome} if outcome else set()), outcomes


def test_pairs_of_patients_count_two_each(toolkit):
    text = "ABX-107 and placebo were randomly allocated to 15 matched pairs of patients with ALS."
    assert {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {30}


def test_a_month_told_to_the_day_in_its_aside_is_one_date(toolkit):
    text = (
        "ABX-107 was tested in a phase 2 trial. The study was conducted at 54 sites from July "
        "2020 to March 2022 (final follow-up, March 17, 2022)."
    )
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} - {None}
    assert dates == {"2020-07", "2022-03-17"}


def test_a_page_speaking_of_itself_dates_its_scope_not_an_event(toolkit):
    text = (
        "ABX-107 was withdrawn from the US market.\n\nThis article presents a summary of drug "
        "trials of ABX-107 completed between January 1, 2023 and June 30, 2024."
    )
    assert {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} <= {None}


def test_dates_in_figures_and_a_date_field_that_is_no_count(toolkit):
    # "25/07/2012": the day tells itself from the month (over 12); "Date of first enrolment:
    # 2009/01/01" is a date, not 2009 participants
    text = "Study of ABX-107 in ALS\nDate of first enrolment: 2009/01/01\nTarget sample size: 50\n"
    found = {(c.date, c.enrollment) for c in claims_of(toolkit, text) if c.therapy == "abx107"}
    assert 2009 not in {n for _, n in found} and ("2009-01-01" in {d for d, _ in found})
    cases = {
        "ABX-107 was approved on 25/07/2012 for ALS.": "2012-07-25",
        "ABX-107 was approved on 07/25/2012 for ALS.": "2012-07-25",
        # (either may be the month: the page's order decides, which a sentence cannot tell)
        "ABX-107 was approved on 03/05/2012 for ALS.": None,
    }
    for text, date in cases.items():
        assert {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} <= {date}, text


def test_a_drug_patients_may_keep_using_is_no_subject_of_a_trial_page(toolkit):
    # a trial listing's field "Edaravone Usage" / "Can a PALS use edaravone … while enrolled in
    # the trial?": edaravone is care alongside the trial, so the page's fields are not its
    text = (
        "Quick Info\nStatus\nCurrently Recruiting\nPhase\n2\nEnrollment\n18\nStart Date\n"
        "1/27/2021\nEnrollment Criteria\nEdaravone Usage\nCan a PALS use edaravone "
        "(Radicut/Radicava) while enrolled in the trial?\nYes\n"
    )
    assert not [c for c in claims_of(toolkit, text) if c.therapy == "edaravone"]


def test_care_the_inclusion_criteria_require_is_no_subject_of_a_trial_listing(toolkit):
    # a trial listing with no registry id in its head: its fields are the trial drug's, however
    # often the criteria name the care patients must keep
    text = (
        "Inhibition of Kinase X With QX-515 in ALS\n\n  • End date\n    Mar 3, 2027\n"
        "Updated on 26 January 2021\n\n"
        "The aim of this phase 2 study is to analyze the safety of QX-515. QX-515 is given "
        "twice daily. QX-515 was neuroprotective in mice.\n\nLast Modified on26 January 2021\n\n"
        "Inclusion Criteria\n\nPatients have to be treated with riluzole (2 x 50mg/d).\n"
        "Patients who have started on edaravone therapy shall continue edaravone treatment. "
        "Edaravone must be stable.\n"
    )
    claims = claims_of(toolkit, text)
    assert {c.date for c in claims if c.therapy == "qx515"} - {None} == {"2027-03-03"}
    assert {c.therapy for c in claims} == {"qx515"}  # not "on26", a day glued to its word


def test_a_registrys_two_phases_side_by_side_are_one_and_placebo_is_no_drug(toolkit):
    # ClinicalTrials.gov lists a phase 2/3 trial's phases as "Phase 2 Phase 3"; its "Drug:
    # Placebo Oral Tablet" is the control, no therapy of its own; "phase 2 and phase 3 trials"
    # stay two
    text = (
        "Condition or disease | Intervention/treatment | Phase |\n"
        "Amyotrophic Lateral Sclerosis | Drug: Deferiprone Drug: Placebo Oral Tablet | Phase 2 Phase 3 |\n"
    )
    claims = claims_of(toolkit, text)
    assert {c.phase for c in claims if c.therapy == "deferiprone"} == {"2/3"}
    assert {c.therapy for c in claims} == {"deferiprone"}
    two = "Deferiprone was tested in phase 2 and phase 3 trials."
    assert {c.phase for c in claims_of(toolkit, two)} == {"2", "3"}


def test_a_date_written_day_first_with_dots(toolkit):
    text = "ABX-107 wurde am 08.06.2012 zugelassen: the FDA approved ABX-107 on 08.06.2012."
    assert {c.date for c in claims_of(toolkit, text) if c.therapy == "abx107"} == {"2012-06-08"}


# --- session 22 --------------------------------------------------------------------------------


def test_a_who_record_dates_its_fields_before_its_title(toolkit):
    # The WHO registry platform prints "Main ID" and "Date of registration" before the record's
    # "Public title:" (the page opens with the platform's own name), and a code the lexicon has
    # in that title is the record's subject; its figures are day first, as its "3 May 2021" is.
    text = (
        "World Health Organization site\nSkip Navigation Links\n\nMain\n"
        "Note: This record shows only some elements of the WHO Trial Registration Data Set. For "
        "more about this trial, click on the URL below to go to the record in its register.\n"
        "Register: JPRN\nLast refreshed on: 3 May 2021\nMain ID:  JPRN-UMIN000012345\n"
        "Date of registration: 04/03/2015\nPrimary sponsor: Kanto ALS Group\n"
        "Public title: Study of GM604 in patients with ALS\n"
        "Scientific title: A pilot study of GM604 in ALS\n"
        "Date of first enrolment: October 2014\nTarget sample size: 40\n"
        "Recruitment status: Complete\nStudy type:  Interventional\n"
    )
    claims = [c for c in claims_of(toolkit, text) if c.therapy == "gm604"]
    assert {"2015-03-04", "2014-10"} <= {c.date for c in claims}
    assert 40 in {c.enrollment for c in claims}
    # (the same figures on a page that writes "May 3, 2021" are month first)
    american = text.replace("3 May 2021", "May 3, 2021")
    assert "2015-04-03" in {c.date for c in claims_of(toolkit, american) if c.therapy == "gm604"}


def test_a_page_tells_its_order_of_day_and_month():
    from alsingest.dates import figure_order, find_dates

    assert figure_order("registered 25/07/2012; updated 04/03/2015") == "dm"
    assert figure_order("registered 07/25/2012; updated 04/03/2015") == "md"
    assert figure_order("last refreshed on: 3 may 2021 … 04/03/2015") == "dm"
    assert figure_order("posted may 3, 2021 … 04/03/2015") == "md"
    # (both shown, or neither: no order, and an ambiguous figure stays no date)
    assert figure_order("25/07/2012 and 07/25/2012") is None
    assert figure_order("3 may 2021 and may 3, 2021") is None
    assert find_dates("on 04/03/2015")[0] == []
    assert [d.iso for d in find_dates("on 04/03/2015", order="dm")[0]] == ["2015-03-04"]
    assert [d.iso for d in find_dates("on 25/07/2012", order="md")[0]] == ["2012-07-25"]


def test_registry_ids_of_more_registries():
    from alsingest.registries import trial_ids

    text = (
        "JPRN-UMIN000012345; EUCTR2016-000067-16-GB; DRKS00012345; CTRI/2019/05/019321; "
        "KCT0001234; UMIN0000123 (too short)"
    )
    assert trial_ids(text) == (
        "UMIN000012345",
        "EudraCT 2016-000067-16",
        "DRKS00012345",
        "CTRI/2019/05/019321",
        "KCT0001234",
    )


def test_a_companys_prefix_on_a_gene_is_a_drug(toolkit):
    # "ARO-SOD1", "ALN-SOD": a company's code on the gene its drug silences is the drug; the gene
    # alone, "anti-SOD1" antibodies and the "ALS-FUS" subtype are not
    text = (
        "Patients will receive single ascending doses of ARO-SOD1 in this Phase 1 study. "
        "The phase 1 trial of ALN-SOD enrolled 24 participants."
    )
    claims = claims_of(toolkit, text)
    assert {(c.therapy, c.phase) for c in claims} >= {("arosod1", "1"), ("alnsod", "1")}
    assert 24 in {c.enrollment for c in claims if c.therapy == "alnsod"}
    others = (
        "SOD1 was the first ALS gene found in 1993. Anti-SOD1 antibodies entered a phase 1 trial "
        "of 30 patients. ALS-FUS patients joined a phase 2 trial."
    )
    assert not claims_of(toolkit, others)


def test_a_name_after_a_dose_of_is_a_drug(toolkit):
    # "800 milligrams per day of Xyloprene": only a drug is dosed so; "of study drug", "of
    # placebo" are no names
    text = (
        "In this phase 2 study, 800 milligrams per day of xyloprene did not slow decline in 120 "
        "people with ALS."
    )
    claims = claims_of(toolkit, text)
    assert {(c.therapy, c.phase, c.outcome) for c in claims} == {("xyloprene", "2", "missed")}
    others = (
        "In this phase 2 study, 50 mg of study drug or 50 mg of placebo was given to 120 people."
    )
    assert not claims_of(toolkit, others)


def test_a_success_a_study_asks_about_is_no_outcome(toolkit):
    # "to determine whether X would slow …", "是否能延缓": the study's question, not its result;
    # "no significant changes in ALSFRS-R were seen" is its result, a miss
    asked = (
        "The objective of this study was to determine whether riluzole would slow the decline "
        "of motor function. 本研究评估依达拉奉是否能延缓病情进展。"
    )
    assert not [c for c in claims_of(toolkit, asked) if c.outcome]
    told = "Riluzole slowed progression in that trial. No significant changes in ALSFRS-R were seen with edaravone."
    assert {(c.therapy, c.outcome) for c in claims_of(toolkit, told)} == {
        ("riluzole", "met"),
        ("edaravone", "missed"),
    }


def test_an_application_taken_back_is_a_withdrawal(toolkit):
    # "decided to withdraw its application for … the agent, xaliproden," (its name set off after
    # its kind, the object of the clause before), "撤回了…的上市申请"
    text = (
        "Sanofi has decided to withdraw its application for the regulatory approval of the "
        "neurotrophic agent, xaliproden, for ALS in the European Union. "
        "公司于2024年3月撤回了依达拉奉口服剂型的上市申请。"
    )
    found = {(c.therapy, c.type, c.date) for c in claims_of(toolkit, text)}
    assert found == {("xaliproden", "withdrawal", None), ("edaravone", "withdrawal", "2024-03")}


def test_may_alone_is_a_month_before_a_comma(toolkit):
    # "In May, Biogen began …" in an article of October 2021: May 2021 ("patients may improve"
    # is the verb)
    text = "In May, Biogen began another phase 3 trial with tofersen. Patients may improve."
    found = {(c.therapy, c.date) for c in claims_of(toolkit, text, published="2021-10-18")}
    assert found == {("tofersen", "2021-05")}


def test_care_named_after_the_studied_drug_is_background(toolkit):
    # "X showed no benefit in patients treated with riluzole", "taking X alongside riluzole",
    # "继续每天两次服用 50 mg 的利鲁唑": what patients were already on (not a platform's "X, Y and Z
    # alongside W", nor a pipeline's "developing X in addition to Y")
    text = (
        "Olesoxime did not show a significant beneficial effect in ALS patients treated with "
        "riluzole. Survival was 25 months when taking 4.5 mg/kg of masitinib alongside riluzole. "
        "试验组患者在服用马赛替尼的同时继续每天两次服用 50 mg 的利鲁唑。"
    )
    therapies = {c.therapy for c in claims_of(toolkit, text)}
    assert "riluzole" not in therapies and {"olesoxime", "masitinib"} <= therapies
    platform = (
        "In 2020 the platform trial began dosing zilucoplan and verdiperstat alongside pridopidine."
    )
    assert "pridopidine" in {c.therapy for c in claims_of(toolkit, platform)}
    # (alone in its sentence, a drug patients take is still what the sentence is about)
    alone = "In patients treated with tofersen, neurofilament fell by 60% in the phase 3 trial."
    assert {c.therapy for c in claims_of(toolkit, alone)} == {"tofersen"}


def test_a_trial_launched_is_a_trial_start_and_involve_counts(toolkit):
    # "a trial … being launched in the US will involve 48 patients": the trial's start and size
    # (a product launched stays a launch)
    text = (
        "A randomized trial of NurOwn that is being launched in the US will involve 48 patients. "
        "Clene launched a phase 2 trial of CNM-Au8 in 2019. "
        "Amylyx launched Relyvrio in the US in September 2022."
    )
    found = {(c.therapy, c.type, c.enrollment) for c in claims_of(toolkit, text)}
    assert found == {
        ("nurown", "trial_start", 48),
        ("cnmau8", "trial_start", None),
        ("amx0035", "launch", None),
    }


def test_a_chinese_period_end_told_to_the_day_in_its_aside_is_one_date(toolkit):
    # "2020年7月至2022年3月，…平台试验(最终随访时间为2022年3月17日)": the end month is the day's
    text = (
        "2020年7月至2022年3月，研究组在美国54个地点进行了一项托夫生的2/3期、多中心、随机、双盲平台试验"
        "(最终随访时间为2022年3月17日)。"
    )
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "tofersen"}
    assert "2022-03" not in dates and {"2020-07", "2022-03-17"} <= dates


def test_a_drug_the_patients_of_another_also_take_is_background(toolkit):
    # "接受头孢曲松的受试者还接受300mg的熊去氧胆酸": ursodiol protects the gallbladder of those on
    # ceftriaxone; "those receiving X also received Y" likewise
    text = (
        "接受头孢曲松的受试者还接受300mg的熊去氧胆酸(每日两次)，安慰剂组的受试者接受安慰剂胶囊。"
        "In the phase 3 trial, participants receiving masitinib also received edaravone daily."
    )
    assert {c.therapy for c in claims_of(toolkit, text)} == {"ceftriaxone", "masitinib"}


def test_arms_told_with_while_and_a_disease_code_that_is_no_drug(toolkit):
    # "89 patients with ALS received X, while 48 … were given a placebo": 137; "FTDP-17" is a
    # disease written like a code, no therapy
    text = (
        "A total of 89 patients with ALS received AMX0035, while 48 patients with ALS were given "
        "a placebo over 24 weeks. GM604 was tested in FTDP-17 in a phase 2a trial of 12 patients."
    )
    found = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("amx0035", 137) in found and not any(t.startswith("ftdp") for t, _ in found)


# --- session 23 --------------------------------------------------------------------------------


def test_a_trial_named_with_a_drug_the_lexicon_lacks_tests_it(toolkit):
    # the trial's acronym is named in a title with a drug the recogniser finds; a later sentence
    # of the trial goes to that drug, not to one named in passing between them
    text = (
        "Safety and efficacy of zelmorant in motor neuron disease (ZEPHYR): a randomised phase 2 "
        "trial.\n"
        "Cannabinoids such as cannabidiol are widely studied compounds.\n"
        "The ZEPHYR trial enrolled 88 patients at five centres. Patients took zelmorant 20 mg "
        "daily or a placebo."
    )
    found = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("zelmorant", 88) in found and ("cannabidiol", 88) not in found


def test_a_drug_another_is_likened_to_is_no_subject(toolkit):
    # "Like riluzole, QX-12 …": riluzole is the comparison, the trial that follows QX-12's
    for text in (
        "Like riluzole, QX-12 lowers glutamate release, but it is taken once a week. "
        "The phase 2 trial will enrol 64 patients.",
        "与依达拉奉类似，QX-12可清除自由基。该2期试验将纳入64名患者。",
    ):
        found = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
        assert ("qx12", 64) in found, found
        assert not {t for t, _ in found} & {"riluzole", "edaravone"}, found


def test_a_stage_of_a_named_study_is_no_phase(toolkit):
    # "生物标志物研究第三阶段": a stage of that study; beside "2a期", "第一阶段研究" is a stage too
    text = (
        "NeuroCo公布了其生物标志物研究第三阶段试验的结果，该研究评估了AB-101。"
        "在2a期研究中，研究者分析了AB-101对第一阶段研究中所确定的标志物的影响。"
    )
    phases = {c.phase for c in claims_of(toolkit, text) if c.therapy == "ab101"}
    assert phases == {"2a"}, phases


def test_an_approval_by_a_regulator_named_by_its_kind(toolkit):
    # "获得加拿大监管机构的批准", "获得卫生部批准": a regulator not named by its acronym
    for text in (
        "Amylyx公司的Albrioza(口服配方)获得加拿大监管机构的批准有条件上市。",
        "依达拉奉口服混悬液获得卫生署批准上市。",
    ):
        types = {c.type for c in claims_of(toolkit, text)}
        assert "approval" in types, (text, types)


def test_an_approved_therapy_the_next_sentence_names_is_not_the_topic(toolkit):
    # "催生了一款获批ALS疗法。X公司的Y(…)获得…批准": the approval is Y's, not the topic's
    text = (
        "PrimeC的2b期研究正在进行。值得一提的是，这一老药新用的策略近日已经催生了一款获批ALS疗法。"
        "Amylyx公司的Albrioza(口服配方)获得加拿大卫生部的批准。"
    )
    claims = claims_of(toolkit, text)
    assert not [c for c in claims if c.therapy == "primec" and c.type == "approval"]
    assert [c for c in claims if c.therapy == "amx0035" and c.type == "approval"]


def test_a_count_of_assets_speaks_of_many(toolkit):
    # "There are 12 assets in … development (Phase II–III)": many drugs, not the one named before
    text = (
        "Only one approved drug, riluzole, slows the disease.\n\n"
        "An analyst says: there are 12 assets in mid-to-late-stage development (Phase II–III) "
        "that may reach the market within five years."
    )
    assert not [c for c in claims_of(toolkit, text) if c.therapy == "riluzole" and c.phase]


def test_how_a_drug_works_is_no_result_though_it_names_patients(toolkit):
    # "可通过…的作用机制延缓ALS患者病情进展": what the drug can do, no study of patients
    text = "马赛替尼可通过抑制小胶质细胞的作用机制延缓ALS患者发病周期，与利鲁唑同为症状缓解药物。"
    assert not [c for c in claims_of(toolkit, text) if c.outcome]


def test_this_product_is_the_therapy_the_text_was_about(toolkit):
    # "this product was withdrawn …", "This medicine was designated …": the record's drug
    text = (
        "EU/3/22/9999 - orphan designation for treatment of amyotrophic lateral sclerosis\n"
        "Masitinib\n"
        "Orphan\n"
        "Please note that this product was withdrawn from the Union Register of orphan medicinal "
        "products in March 2024 on request of the Sponsor.\n"
        "This medicine was designated as an orphan medicine for the treatment of amyotrophic "
        "lateral sclerosis in the European Union on 14 October 2021.\n"
    )
    dates = {c.date for c in claims_of(toolkit, text) if c.therapy == "masitinib"}
    assert {"2024-03", "2021-10-14"} <= dates, dates


def test_last_week_is_the_month_of_the_week_before(toolkit):
    # "Last week, X announced …" in news of Monday 26 September 2005: September 2005; a week
    # that spans two months gives no month
    found = {
        c.date
        for c in claims_of(
            toolkit,
            "Sep 26 2005\nLast week, CytRx announced the initiation of a phase 2 trial of "
            "arimoclomol in ALS.",
        )
    }
    assert "2005-09" in found, found
    found = {
        c.date
        for c in claims_of(
            toolkit,
            "2024年10月8日\n上周，某公司宣布启动依达拉奉的3期临床试验。",
        )
    }
    assert "2024-09" not in found and "2024-10" not in found, found


def test_a_size_field_told_per_group_is_summed(toolkit):
    # "Target sample size: Treatment group:147;Control group:147;": 294
    text = (
        "Main ID: ChiCTR-IPR-15000001\n"
        "Public title: A Randomized Placebo-Controlled Trial of Edaravone in ALS\n"
        "Date of first enrolment: 2015-11-04\n"
        "Target sample size: Treatment group:120;Control group:60;\n"
    )
    sizes = {c.enrollment for c in claims_of(toolkit, text) if c.therapy == "edaravone"}
    assert 180 in sizes, sizes


def test_stage_written_for_a_phase_in_forum_english(toolkit):
    # "Tofersen's stage 3 was 108 people", "Masitinib stage 3 was 394", "stage III for X
    # studies": phases and sizes; a disease's stage is none ("King's stage 3", "stage 2 is 30%")
    text = (
        "In the context of ALS, 220 people is a large trial. Tofersen's stage 3 was 108 people. "
        "Masitinib stage 3 was 394. The larger ones have been stage III for Edaravone studies.\n\n"
        "Patients with edaravone at King's stage 3 did worse; MiToS stage 2 is 30% of them."
    )
    found = {(c.therapy, c.phase, c.enrollment) for c in claims_of(toolkit, text)}
    assert {("tofersen", "3", 108), ("masitinib", "3", 394), ("edaravone", "3", None)} <= found
    assert not [f for f in found if f[0] == "edaravone" and f[1] == "2"], found


def test_a_name_with_a_letter_added_among_its_first_is_the_drug(toolkit):
    # "Agrimoclomol" (arimoclomol with a "g" added among its first letters)
    text = "In 2021 the Agrimoclomol phase 3 trial enrolled 245 patients."
    found = {(c.therapy, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("arimoclomol", 245) in found, found


def test_a_study_titles_english_word_is_no_drug(toolkit):
    # post hoc (test23): "“Assessment of Safety of a Fully Implanted … in 4 Patients”" names no
    # drug "Assessment"
    text = (
        "Synchron's Stentrode was implanted in four patients. Full findings were detailed in the "
        "study, “Assessment of Safety of a Fully Implanted Endovascular Brain-Computer Interface "
        "for Severe Paralysis in 4 Patients,” published in JAMA Neurology."
    )
    assert "assessment" not in {c.therapy for c in claims_of(toolkit, text)}


def test_care_combined_with_placebo_and_patients_named_by_their_drug_are_background(toolkit):
    # post hoc (test23): "riluzole combined with placebo" is the control arm's care;
    # "riluzole-treated ALS patients" are patients described by the drug they are on
    for text, studied in (
        (
            "The phase 2 trial compared lithium combined with riluzole to riluzole combined with "
            "placebo in 200 people with ALS.",
            "lithium",
        ),
        (
            "The phase 2a trial randomized riluzole-treated ALS patients to tamoxifen or placebo.",
            "tamoxifen",
        ),
    ):
        assert {c.therapy for c in claims_of(toolkit, text)} == {studied}, text


@pytest.mark.parametrize(
    "text",
    [
        # a registry record: doses of it, its administration visits
        "A Phase 2a open study of KRB in patients with ALS. Eligible subjects will be "
        "administered weekly doses of KRB. The study has 4 KRB administration visits. Twelve "
        "patients are planned to be included.",
        # an abstract: treated with it, its treatment
        "Ten patients with ALS were treated with subcutaneous injections of KRB in a phase 2 "
        "study. No serious adverse events occurred after KRB treatment.",
    ],
)
def test_a_short_name_in_capitals_used_as_a_drug_is_a_therapy(toolkit, text):
    # post hoc (test24): "weekly doses of ILB", "5 ILB administration visits"
    assert "krb" in {c.therapy for c in claims_of(toolkit, text)}


@pytest.mark.parametrize(
    "text",
    [
        # named once only
        "Ten patients were treated with KRB in a phase 2 study of a new drug.",
        # a route, a disease, a kind of care written in capitals
        "Ten patients received IV infusions of the drug in a phase 2 study. IV infusions of "
        "saline were given to the control arm.",
        "The NIV treatment of 40 patients in a phase 2 study. NIV treatment was well tolerated.",
        # a device's mark, and an approval received
        "The DPS received CE marking in 2007. The DPS received FDA approval in 2008 after a "
        "phase 2 study.",
    ],
)
def test_no_short_name_in_capitals_without_a_drugs_place_twice(toolkit, text):
    found = {c.therapy for c in claims_of(toolkit, text)}
    assert not found & {"krb", "iv", "niv", "ce", "fda", "dps"}, found


def test_a_marked_name_a_trial_evaluates_or_an_arm_receives_is_a_drug(toolkit):
    # post hoc (test24): "a phase 2 trial evaluating ILB®", "receive either Riluzole or ILB®"
    for text in (
        "The hospital announced a phase 2 trial evaluating Nerval® in 90 patients with ALS.",
        "In the phase 2 trial, patients receive either edaravone or Nerval® for 6 months.",
    ):
        assert "nerval" in {c.therapy for c in claims_of(toolkit, text)}, text


def test_the_drug_a_page_calls_the_standard_of_care_is_its_comparator(toolkit):
    # post hoc (test24): riluzole, the standard of care, beside the drug the trial tests
    text = (
        "The hospital will start a phase 2 trial of KRB-101 in 2026. The study will compare the "
        "experimental treatment to riluzole, the current standard of care, in 116 patients. "
        "Patients receive either riluzole or KRB-101 for six months, followed by an open-label "
        "phase in which all participants receive both KRB-101 and riluzole."
    )
    claims = claims_of(toolkit, text)
    assert {c.therapy for c in claims} == {"krb101"}
    assert 116 in {c.enrollment for c in claims}
    # ... and a sentence of its own stays its claim
    alone = text + " Riluzole was approved by the FDA in 1995."
    assert ("riluzole", "1995") in {(c.therapy, c.date) for c in claims_of(toolkit, alone)}


def test_a_short_name_the_text_defines_as_a_listed_drug_is_that_drug(toolkit):
    # dev46: "glatiramer acetate (GA) … Safety and tolerability of GA were evaluated"
    text = (
        "We tested 40 mg/day edaravone (ED) in a phase 2 trial of 90 patients with ALS. The "
        "tolerability of ED was good. ED treatment did not slow the decline in ALSFRS-R."
    )
    found = {c.therapy for c in claims_of(toolkit, text)}
    assert found == {"edaravone"}, found


def test_a_count_described_by_a_with_phrase_takes_the_verb_after_it(toolkit):
    # dev46: "366 patients with definite, probable … ALS and a vital capacity ≥ 70% were randomly
    # assigned"
    opening = (
        "Masitinib was studied in a phase 3 trial. Two hundred and twelve patients with possible, "
        "probable or definite ALS, a disease duration under two years and a vital capacity above "
        "60% were "
    )
    text = opening + "randomly assigned to masitinib or placebo."
    assert 212 in {c.enrollment for c in claims_of(toolkit, text)}
    # ... and not a count whose verb says something else of them
    other = opening + "seen at the clinic before they started masitinib."
    assert 212 not in {c.enrollment for c in claims_of(toolkit, other)}


def test_a_journal_pages_received_and_published_online_dates_are_no_events(toolkit):
    # dev46: "Pages 378-383 | Received 27 Nov 2008, Published online: 18 Nov 2009"
    text = (
        "Riluzole in ALS: a randomized trial\n"
        "Pages 12-19 | Received 3 Mar 2011, Published online: 9 Feb 2012\n"
        "Riluzole prolonged survival in a phase 3 trial of 959 patients."
    )
    dates = {c.date for c in claims_of(toolkit, text)}
    assert not dates & {"2011-03-03", "2012-02-09"}, dates


@pytest.mark.parametrize(
    "text, outcome",
    [
        # dev47: "Rilutek, slows the fatal muscle-wasting disease by just a few months"
        ("Edaravone slows the fatal muscle-wasting disease by a few months.", "met"),
        # dev47: "A leukemia drug has curbed the progression of … ALS"
        ("In a phase 2 trial, masitinib curbed the progression of ALS in half of patients.", "met"),
        ("Edaravone did not slow the disease in the phase 3 trial.", "missed"),
    ],
)
def test_the_disease_slowed_or_curbed_is_a_result(toolkit, text, outcome):
    assert outcome in {c.outcome for c in claims_of(toolkit, text)}, text


def test_a_belief_or_a_possibility_is_no_result(toolkit):
    # dev47: "Coya believes these actions may work additively or synergistically to slow disease
    # progression"
    for text in (
        "The company believes masitinib slows disease progression.",
        "Masitinib may work in two ways to slow disease progression.",
    ):
        assert not {c.outcome for c in claims_of(toolkit, text)} - {None}, text


def test_a_field_key_after_a_long_unended_line_starts_its_own_field(toolkit):
    # dev38: "… a Randomized Placebo-controlled Phase II Trial" / "Anticipated Study Start Date :" /
    # "Dec 1, 2021": a long title line without a full stop does not run on into the next key
    text = (
        "QX512NP in ALS\nStudy Type :\nInterventional\nAllocation:\nRandomized\nMasking:\n"
        "Double\nPrimary Purpose:\nTreatment\nOfficial Title:\n"
        "QX512NP for the Treatment of Amyotrophic Lateral Sclerosis (QXALS): a Randomized "
        "Placebo-controlled Phase II Trial\n"
        "Anticipated Study Start Date :\nMar 3, 2026\n"
        "QX512NP is given daily to 60 patients in this phase 2 study.\n"
    )
    claims = claims_of(toolkit, text)
    assert "2026-03-03" in {c.date for c in claims if c.therapy == "qx512np"}


def test_a_scans_tracer_is_no_therapy_anywhere_in_the_text(toolkit):
    # post hoc (test25): "measured by [11C]PBR28-PET", then "Keywords: …, ibudilast, PBR28"
    text = (
        "In this phase 2 trial, 40 participants took masitinib. Glial activation was measured by "
        "[11C]QX-428 PET in the motor cortex.\n"
        "Masitinib did not reduce QX428-PET uptake in the phase 2 trial, QX428 in 40 patients."
    )
    found = {c.therapy for c in claims_of(toolkit, text)}
    assert "masitinib" in found and not any(t.startswith("qx") for t in found), found


def test_a_name_before_a_gloss_and_the_word_study_is_a_studys_name(toolkit):
    # post hoc (test25): "这项名为“PRIME(精准机器人植入脑机接口的缩写)”研究的项目"
    text = (
        "马斯克旗下的公司已获得批准，开始为首次脑机接口临床试验招募志愿者。"
        "这项名为“ORBIT(机器人植入脑机接口的缩写)”研究的项目将招募6名患者。"
    )
    assert "orbit" not in {c.therapy for c in claims_of(toolkit, text)}


def test_a_listed_drug_in_katakana_with_a_japanese_phase(toolkit):
    # dev46, dev21: "ロピニロールによる第Ⅲ相試験が計画されている", "…をフェーズI/II、…をフェーズI"
    text = (
        "ALS治療薬として、マシチニブによる第Ⅲ相試験が計画されている。"
        "A社がエダラボンをフェーズII、B社がリルゾールをフェーズIにそれぞれ進めている。"
    )
    found = {(c.therapy, c.phase) for c in claims_of(toolkit, text)}
    assert {("masitinib", "3"), ("edaravone", "2"), ("riluzole", "1")} <= found, found
    assert ("edaravone", "1") not in found and ("riluzole", "2") not in found, found


def test_a_listed_drug_in_hangul_with_its_phase_and_size(toolkit):
    # dev46: "치료제인 '뉴로나타-알주'의 글로벌 임상 3상", "총 115명의 루게릭병 환자를 대상으로"
    text = (
        "회사는 루게릭병 치료제인 '마시티닙'의 글로벌 임상 3상을 진행한다. "
        "임상 시험은 총 120명의 루게릭병 환자를 대상으로 이뤄진다."
    )
    found = {(c.therapy, c.phase, c.enrollment) for c in claims_of(toolkit, text)}
    assert ("masitinib", "3", None) in found and ("masitinib", None, 120) in found, found


def test_a_korean_date_dates_the_claim(toolkit):
    # dev46: Korean news, "…임상 3상에서 … 등록을 완료했다고 2일 밝혔다", "2014년 7월 허가"
    text = "코아스템은 2014년 7월 루게릭병 치료제 '마시티닙'의 임상 3상을 시작했다."
    found = {(c.therapy, c.date, c.phase) for c in claims_of(toolkit, text)}
    assert ("masitinib", "2014-07", "3") in found, found


def test_japanese_and_korean_approvals(toolkit):
    # dev46, test25: "…が厚生労働省から承認された", "…의 품목허가를 받았다"
    for text, expected in (
        (
            "エーザイは2024年9月24日、ALS治療薬のマシチニブが厚生労働省から承認されたと発表した。",
            ("masitinib", "approval", "2024-09-24"),
        ),
        (
            "회사는 2014년 7월 식약처로부터 '마시티닙'의 품목허가를 받았다.",
            ("masitinib", "approval", "2014-07"),
        ),
    ):
        found = {(c.therapy, c.type, c.date) for c in claims_of(toolkit, text)}
        assert expected in found, (text, found)


def test_a_sentence_looking_back_at_the_event_names_its_therapy(toolkit):
    # post hoc (test25): "… commenced with the dosing of the first participant on February 9,
    # 2026, at … Boston. The event signals the clinical debut of a novel therapeutic strategy,
    # VTx-002, which …"
    text = (
        "The company has started a first-in-human trial in ALS. The trial officially began with "
        "the dosing of the first participant on March 3, 2026, in Boston. The event marks the "
        "clinical debut of a new gene therapy, QRT-117, which targets TDP-43."
    )
    found = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("qrt117", "2026-03-03") in found, found
    # ... not where the sentence after names two
    two = text.replace("QRT-117, which", "QRT-117, which like QRT-205")
    assert ("qrt117", "2026-03-03") not in {(c.therapy, c.date) for c in claims_of(toolkit, two)}


@pytest.mark.parametrize(
    "text",
    [
        "对照组20例，口服利鲁唑片；治疗组20例，在口服利鲁唑片基础上加用马赛替尼，疗程6个月。",
        "In the phase 2 trial, the control group received riluzole, and the treatment group took "
        "masitinib with riluzole for 48 weeks.",
    ],
)
def test_the_control_groups_drug_named_before_it_is_background(toolkit, text):
    # post hoc (test22): "對照組13例,口服西藥利魯唑片;治療組15例,在口服西藥利魯唑片基礎上給予…"
    assert {c.therapy for c in claims_of(toolkit, text)} == {"masitinib"}


def test_a_line_broken_after_a_comma_goes_on_in_the_next(toolkit):
    # post hoc (test23): "…必存上市。2020年8月," / "国家药品监督管理局批准了必存(依达拉奉注射液)新的适应症"
    long_line = "马赛替尼是一种口服酪氨酸激酶抑制剂。" * 6
    text = (
        f"{long_line}2019年,马赛替尼在欧洲提交上市申请。2021年3月,\n"
        "国家药品监督管理局批准了马赛替尼的临床试验申请,用于肌萎缩侧索硬化治疗。\n"
    )
    found = {(c.therapy, c.date) for c in claims_of(toolkit, text)}
    assert ("masitinib", "2021-03") in found, found


def test_the_figures_of_a_drugs_code_name_are_no_count(toolkit):
    # dev49: "its follow-on Phase I multiple dose study of AEOL 10150 in patients diagnosed with
    # ALS" gave the trial 10150 patients
    for text, figure in (
        ("The company said its phase 1 study of MCI 186 in patients with ALS has begun.", 186),
        ("Biogen began a phase 1 study of BIIB 067 in people with ALS.", 67),
    ):
        claims = claims_of(toolkit, text)
        assert claims, text
        assert figure not in {c.enrollment for c in claims}, text
    # ... while a count beside the name still counts
    text = "The phase 1 study of BIIB 067 in people with ALS has enrolled 48 patients."
    assert 48 in {c.enrollment for c in claims_of(toolkit, text)}


def test_a_dose_after_an_intervention_fields_drug_is_no_part_of_its_name(toolkit):
    # dev49: "Drug: tamoxifen 40 mg daily for one year" gave a therapy "tamoxifen40mgdailyfor"
    text = (
        "Condition or disease | Intervention/treatment | Phase |\n"
        "Amyotrophic Lateral Sclerosis | Drug: Zanoxifen 20 mg twice daily for six months | "
        "Phase 2 |\n"
    )
    therapies = {c.therapy for c in claims_of(toolkit, text)}
    assert therapies == {"zanoxifen"}, therapies


def test_each_arm_told_with_its_own_verb_is_summed(toolkit):
    # dev19 pairs: "29 patients with amyotrophic lateral sclerosis randomly assigned to nabiximols,
    # which contains …, and 30 patients assigned to placebo"
    text = (
        "The phase 2 trial compared 41 patients with bulbar-onset ALS randomly assigned to "
        "masitinib, which is a tyrosine kinase inhibitor taken by mouth, and 20 patients "
        "assigned to placebo."
    )
    assert 61 in {c.enrollment for c in claims_of(toolkit, text)}


def test_results_the_next_clause_tells_are_of_its_therapy(toolkit):
    # dev48: "Clene has announced positive results from the HEALEY ALS Platform Trial, revealing
    # that CNM-Au8 led to significant reductions in plasma neurofilament light"
    for text in (
        "Acme announced positive results from the ALS Platform Trial, revealing that "
        "masitinib led to significant reductions in plasma neurofilament light.",
        "Acme reported encouraging results from the ALS Platform Trial, which showed that "
        "masitinib lowered neurofilament light.",
        "该公司宣布试验达到主要终点，结果显示马赛替尼降低了神经丝轻链水平。",
    ):
        got = {(c.therapy, c.outcome) for c in claims_of(toolkit, text)}
        assert ("masitinib", "met") in got or ("masitinib", "met_primary") in got, (text, got)


def test_the_day_a_paper_reported_a_plan_is_no_date_of_the_plan(toolkit):
    # dev33: "美媒去年11月報道,“神經連接”計劃2024年對臨床志願者進行11台植入" gave a dosing of 2023-11
    text = "美媒去年11月报道，马赛替尼的研发公司计划2025年启动一项3期试验。"
    dates = {c.date for c in claims_of(toolkit, text, published="2024-02-01")}
    assert "2023-11" not in dates and "2025" in dates, dates


def test_a_footnotes_figure_glued_to_a_year_leaves_the_year(toolkit):
    # dev25: "authorized by Health Canada for the treatment of ALS in October 20181"
    text = "Masitinib was authorized by Health Canada for the treatment of ALS in October 20192 and is sold there."
    dates = {c.date for c in claims_of(toolkit, text)}
    assert "2019-10" in dates, dates


def test_those_of_the_recruited_who_were_randomised_are_the_trials_size(toolkit):
    # dev51: "we recruited 307 patients, of whom 303 were randomly assigned to receive placebo
    # (n=151) or ozanezumab (n=152)"
    text = (
        "Between May 2, 2014, and June 1, 2015, we recruited 212 patients, of whom 208 were "
        "randomly assigned to masitinib (n=104) or placebo (n=104)."
    )
    assert {c.enrollment for c in claims_of(toolkit, text)} == {208}


def test_what_follows_a_sentence_on_another_diseases_trial_is_of_that_trial(toolkit):
    # dev51: "Sanofi is continuing to study SAR443820 in a phase 2 multiple sclerosis trial. That
    # study began dosing 13 months ago … enrolling its 174 subjects by the end of 2023."
    text = (
        "The phase 2 trial of masitinib in ALS missed its primary endpoint. The company is also "
        "testing it in a phase 2 trial in multiple sclerosis. That study finished enrolling its "
        "150 subjects by the end of 2023."
    )
    claims = claims_of(toolkit, text)
    assert any(c.outcome == "missed_primary" for c in claims), claims
    assert 150 not in {c.enrollment for c in claims}
    assert "2023" not in {c.date for c in claims}


def test_treatment_options_limited_to_a_list_are_an_inventory(toolkit):
    # test22 (spent): "So far, treatment options remain limited to riluzole (poor efficacy) and
    # tofersen (…)" then "MND SMART, a phase 3 … platform trial" gave both phase 3
    for text in (
        "So far, treatment options remain limited to riluzole (modest benefit) and edaravone. "
        "The new platform trial is a phase 3 study.",
        "目前治疗仍仅限于利鲁唑和依达拉奉。这项平台试验是一项3期研究。",
    ):
        assert not claims_of(toolkit, text), text


def test_a_hypothesis_is_no_result(toolkit):
    # dev49: "to prove the investigators hypothesis: Tamoxifen, a protease and autophagy enhancer,
    # has synergic effect with riluzole in ALS patients to slowing the progression"
    for text in (
        "The study will test the investigators' hypothesis: masitinib, a kinase inhibitor taken "
        "by mouth, given with riluzole to ALS patients, slows the progression of weakness.",
        "We hypothesize that masitinib slows the progression of ALS.",
        "研究者假设马赛替尼可以减缓渐冻症的进展。",
    ):
        assert not any(c.outcome for c in claims_of(toolkit, text)), text
    # ... while a result stated after the hypothesis was tested still counts
    text = "The trial confirmed the hypothesis. Masitinib slowed the progression of ALS."
    assert "met" in {c.outcome for c in claims_of(toolkit, text)}
