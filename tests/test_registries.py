"""Registry ids in claim sentences, registry records read and claims judged against them.

The records are recorded-style responses written here: a ClinicalTrials.gov API v2 study
(``/api/v2/studies/{id}``) and a ChiCTR registration page, cut to the fields read.
"""

import json

import pytest

from alsingest import registries
from alsingest.registries import RegistryError, parse_record, render, trial_ids, verify_record

CT_STUDY = {
    "protocolSection": {
        "identificationModule": {
            "nctId": "NCT04856982",
            "briefTitle": "Study of Tofersen in Presymptomatic SOD1 Carriers (ATLAS)",
        },
        "statusModule": {
            "statusVerifiedDate": "2025-01",
            "overallStatus": "ACTIVE_NOT_RECRUITING",
            "startDateStruct": {"date": "2021-05-17", "type": "ACTUAL"},
            "primaryCompletionDateStruct": {"date": "2027-12", "type": "ESTIMATED"},
            "completionDateStruct": {"date": "2030-06", "type": "ESTIMATED"},
        },
        "designModule": {
            "studyType": "INTERVENTIONAL",
            "phases": ["PHASE3"],
            "enrollmentInfo": {"count": 150, "type": "ESTIMATED"},
        },
        "armsInterventionsModule": {
            "interventions": [
                {"type": "DRUG", "name": "Tofersen"},
                {"type": "DRUG", "name": "Placebo"},
            ]
        },
    },
    "hasResults": False,
}
CT_BODY = json.dumps(CT_STUDY).encode()

CHICTR_PAGE = """<html><head><meta charset="utf-8"><title>ChiCTR2000029308</title></head><body>
<table class="ProjetInfo_ms">
<tr><td><p class="cn">注册号：</p><p class="en">Registration number:</p></td><td>ChiCTR2000029308</td></tr>
<tr><td>注册题目：</td><td>人脐带间充质干细胞治疗肌萎缩侧索硬化的随机对照研究</td></tr>
<tr><td>研究所处阶段：</td><td>Ⅱ期临床试验</td></tr>
<tr><td>征募研究对象情况：</td><td>尚未开始</td></tr>
<tr><td>研究实施时间：</td><td>从 2020年03月01日 至 2022年12月31日</td></tr>
<tr><td>样本量：</td><td>试验组:30 对照组:30</td></tr>
</table></body></html>""".encode()


@pytest.mark.parametrize(
    "text, ids",
    [
        ("该试验（NCT06973629）已完成入组", ("NCT06973629",)),
        ("registered as nct04856982 and ChiCTR2000029308", ("NCT04856982", "ChiCTR2000029308")),
        ("注册号ChiCTR-TRC-12002345", ("ChiCTR-TRC-12002345",)),
        ("EudraCT number: 2017-000123-45", ("EudraCT 2017-000123-45",)),
        ("jRCT2051190069 in Japan", ("jRCT2051190069",)),
        ("ISRCTN12345678 and CTR20231234", ("ISRCTN12345678", "CTR20231234")),
        ("NCT0485698 has seven digits; XNCT04856982Y is no id", ()),
        ("NCT04856982 … NCT04856982 again", ("NCT04856982",)),
    ],
)
def test_trial_ids_are_read_from_a_sentence(text, ids):
    assert trial_ids(text) == ids


def test_record_urls_come_from_the_templates():
    templates = {"clinicaltrials": "https://ct.example/api/v2/studies/{id}"}
    assert (
        registries.record_url("NCT04856982", templates)
        == "https://ct.example/api/v2/studies/NCT04856982"
    )
    assert registries.record_url("ChiCTR2000029308", templates) is None
    assert registries.record_url("EudraCT 2017-000123-45", templates) is None


def test_a_clinicaltrials_study_is_read_from_its_structured_fields():
    record = parse_record("NCT04856982", CT_BODY)
    assert (record.phase, record.enrollment, record.enrollment_type) == ("3", 150, "anticipated")
    assert (record.status, record.start_date) == ("ongoing", "2021-05-17")
    assert record.interventions == ("Tofersen", "Placebo")


def test_a_chictr_page_is_read_from_its_labelled_cells():
    record = parse_record("ChiCTR2000029308", CHICTR_PAGE)
    assert (record.phase, record.enrollment, record.status) == ("2", 60, "planned")
    assert (record.start_date, record.completion_date) == ("2020-03-01", "2022-12-31")


@pytest.mark.parametrize(
    "trial_id, body",
    [("NCT04856982", b"<html>not json</html>"), ("ChiCTR2000029308", b"<p>hi</p>")],
)
def test_what_is_not_a_record_is_refused(trial_id, body):
    with pytest.raises(RegistryError):
        parse_record(trial_id, body)


@pytest.mark.parametrize(
    "fields, verdict, word",
    [
        ({"type": "trial_design", "phase": "3", "enrollment": 150}, "supported", "states"),
        (
            {"type": "trial_design", "phase": "3", "enrollment": 200},
            "contradicted",
            "150 (anticipated)",
        ),
        ({"type": "trial_design", "phase": "2"}, "contradicted", "phase"),
        ({"type": "trial_start", "date": "2021-05", "status": "reported"}, "supported", ""),
        ({"type": "trial_start", "date": "2022", "status": "reported"}, "contradicted", "date"),
        ({"type": "approval"}, "partial", "does not state"),
    ],
)
def test_claims_are_judged_against_the_record(fields, verdict, word):
    record = parse_record("NCT04856982", CT_BODY)
    text = render(record)
    result = verify_record({"therapy": "tofersen", **fields}, record, text)
    assert result.verdict == verdict, result.reason
    assert word in result.reason and "\n" not in result.reason
    for e in result.evidence:
        assert text[e.start : e.end] == e.text


def test_a_trial_reported_started_that_the_registry_says_is_not_yet_recruiting_is_contradicted():
    record = parse_record("ChiCTR2000029308", CHICTR_PAGE)
    claim = {"therapy": "msc", "type": "trial_start", "status": "reported", "phase": "2"}
    result = verify_record(claim, record, render(record))
    assert result.verdict == "contradicted" and "status" in result.reason
    assert any(e.text.startswith("Status: planned") for e in result.evidence)


def test_a_record_survives_its_json_round_trip():
    record = parse_record("NCT04856982", CT_BODY)
    assert registries.RegistryRecord.from_json(record.to_json()) == record
