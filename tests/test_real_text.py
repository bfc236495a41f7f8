"""Real-text failure classes (issue 11), each pinned on text written here, not copied from a page.

One section per mechanism: run-on units, references by description, names beyond the lexicon,
background drugs, event dates, participant counts, English trial reports.
"""

import pytest

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


def test_markers_followed_by_the_next_item_split_a_line_without_sentence_ends(toolkit):
    text = "Tofersen was approved by the FDA in April 2023 [1] Masitinib began a phase 3 trial in 2021 [2]"
    refs = refs_by_therapy(claims_of(toolkit, text))
    assert refs == {"tofersen": {1}, "masitinib": {2}}


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


# --- 6. counts are participants ----------------------------------------------


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
