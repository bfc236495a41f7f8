"""Review decisions: stored apart from the claims, never overwritten, latest wins on export."""

import json

import pytest
from click.testing import CliRunner
from conftest import copy_corpus

from alsingest import queries, review, store
from alsingest.cli import cli
from alsingest.pipeline import ingest_files


@pytest.fixture
def corpus(seeded_db, tmp_path):
    db = copy_corpus(seeded_db, tmp_path / "corpus.db")
    yield db
    db.close()


def claim_with(db, **wanted):
    return next(c for c in queries.export_claims(db) if all(c[k] == v for k, v in wanted.items()))


def test_the_review_table_is_separate_from_the_machine_output(corpus):
    claim = claim_with(corpus, therapy="tofersen", type="launch")
    before = list(corpus.query("select * from claims order by id"))
    review.decide(corpus, claim, "correct", fields={"date": "2024-06"}, reviewer="Li Wei")
    assert list(corpus.query("select * from claims order by id")) == before
    [row] = store.read_decisions(corpus)
    assert row["claim_id"] == claim["claim_id"] and row["article"] == claim["article"]
    assert row["decision"] == "corrected" and row["corrections"] == {"date": "2024-06"}
    assert row["reviewer"] == "Li Wei" and row["decided_at"].startswith("20")
    assert row["snapshot"]["date"] == "2025-06" and row["snapshot"]["therapy"] == "tofersen"


def test_two_decisions_are_both_kept_and_the_latest_wins_in_the_export(corpus):
    claim = claim_with(corpus, therapy="tofersen", type="launch")
    review.decide(corpus, claim, "reject", note="not a launch")
    review.decide(corpus, claim, "accept", note="on second thought")
    history = store.read_decisions(corpus, claim["claim_id"])
    assert [d["decision"] for d in history] == ["rejected", "accepted"]
    assert [d["note"] for d in history] == ["not a launch", "on second thought"]
    exported = list(queries.export_reviewed_claims(corpus))
    assert [row["claim_id"] for row in exported] == [claim["claim_id"]]
    review.decide(corpus, claim, "reject")
    assert len(store.read_decisions(corpus, claim["claim_id"])) == 3
    assert list(queries.export_reviewed_claims(corpus)) == []


def test_export_reviewed_applies_corrections_and_leaves_out_the_unreviewed(corpus):
    launch = claim_with(corpus, therapy="tofersen", type="launch")
    snug = claim_with(corpus, therapy="snug01")
    review.decide(corpus, launch, "accept")
    review.decide(
        corpus,
        snug,
        "correct",
        fields={"date": "2025-03", "phase": "I/II", "enrollment": "1,200", "refs": "1, 2"},
        reference_numbers=[1, 2, 3],
    )
    rows = {row["claim_id"]: row for row in queries.export_reviewed_claims(corpus)}
    assert set(rows) == {launch["claim_id"], snug["claim_id"]}
    assert rows[launch["claim_id"]]["date"] == "2025-06"
    assert rows[launch["claim_id"]]["review"] == "accepted"
    fixed = rows[snug["claim_id"]]
    assert (fixed["date"], fixed["phase"], fixed["enrollment"], fixed["refs"]) == (
        "2025-03",
        "1/2",
        1200,
        [1, 2],
    )
    assert fixed["review"] == "corrected"
    assert fixed["corrected"] == ["date", "enrollment", "phase", "refs"]
    urls = queries.reference_urls(corpus)[snug["article"]]
    assert fixed["ref_urls"] == [urls[1], urls[2]]
    assert fixed["quote"] == snug["quote"] and fixed["claim_id"] == snug["claim_id"]


def test_a_correction_that_changes_nothing_is_an_acceptance(corpus, lexicon):
    claim = claim_with(corpus, therapy="tofersen", type="launch")
    fields = {"date": "2025-06", "therapy": "托夫生"}
    review.decide(corpus, claim, "correct", fields=fields, lexicon=lexicon)
    [row] = store.read_decisions(corpus)
    assert row["decision"] == "accepted" and row["corrections"] == {}


def test_accepting_a_corrected_claim_keeps_its_corrections(corpus):
    claim = claim_with(corpus, therapy="tofersen", type="launch")
    review.decide(corpus, claim, "correct", fields={"date": "2024-06"})
    review.decide(corpus, claim, "accept")
    latest = store.latest_decisions(corpus)[claim["claim_id"]]
    assert latest["decision"] == "corrected" and latest["corrections"] == {"date": "2024-06"}


def test_a_corrected_therapy_alias_becomes_its_canonical_id(corpus, lexicon):
    claim = claim_with(corpus, therapy="snug01")
    review.decide(corpus, claim, "correct", fields={"therapy": "托夫生"}, lexicon=lexicon)
    assert store.read_decisions(corpus)[0]["corrections"] == {"therapy": "tofersen"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "2025-13", "not a real date"),
        ("date", "June 2025", "not YYYY"),
        ("phase", "early", "not a phase"),
        ("enrollment", "about 200", "not a whole number"),
        ("refs", "9", "no reference 9"),
        ("refs", "one", "not a reference number"),
        ("type", "rumour", "not one of"),
        ("therapy", " ", "needs a therapy"),
    ],
)
def test_a_bad_correction_is_refused_and_nothing_is_stored(corpus, field, value, message):
    claim = claim_with(corpus, therapy="snug01")
    with pytest.raises(review.ReviewError, match=message):
        review.decide(corpus, claim, "correct", fields={field: value}, reference_numbers=[1, 2, 3])
    assert store.read_decisions(corpus) == []


def test_an_unknown_action_is_refused(corpus):
    with pytest.raises(review.ReviewError, match="unknown decision"):
        review.decide(corpus, claim_with(corpus, therapy="snug01"), "approve")


def test_changed_machine_values_flag_the_claim_changed_since_review(corpus):
    claim = claim_with(corpus, therapy="snug01")
    review.decide(corpus, claim, "accept")
    assert review.review_state(claim, store.latest_decisions(corpus)[claim["claim_id"]]) == (
        "accepted"
    )
    # A re-run that reads the phase differently keeps the claim id (its text is the same).
    corpus.execute("update claims set phase = '2' where claim_id = ?", [claim["claim_id"]])
    corpus.conn.commit()
    now = claim_with(corpus, claim_id=claim["claim_id"])
    decision = store.latest_decisions(corpus)[claim["claim_id"]]
    assert review.changed_fields(now, decision) == ["phase"]
    assert review.review_state(now, decision) == "changed"
    [row] = queries.export_reviewed_claims(corpus)
    assert row["changed_since_review"] is True


def test_a_decision_follows_its_claim_when_its_sentence_changes(tmp_path, toolkit):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text(
        "托夫生进展\n\n2023年4月,托夫生获美国FDA加速批准上市[1]。\n\n参考资料:\n[1]https://example.org/a\n",
        encoding="utf-8",
    )
    db = store.open_db(tmp_path / "corpus.db")
    assert ingest_files(db, [folder], toolkit).ok
    [claim] = queries.export_claims(db)
    review.decide(db, claim, "accept", reviewer="Chen")
    article.write_text(
        "托夫生进展\n\n2024年5月,托夫生在中国获批上市[1]。\n\n参考资料:\n[1]https://example.org/a\n",
        encoding="utf-8",
    )
    assert ingest_files(db, [folder], toolkit).ok
    [successor] = queries.export_claims(db)
    assert successor["claim_id"] != claim["claim_id"]
    # The old claim's decision stays as it was; the successor has it too, as changed.
    kept, carried = store.read_decisions(db)
    assert kept["claim_id"] == claim["claim_id"] and kept["reviewer"] == "Chen"
    assert carried["claim_id"] == successor["claim_id"] and carried["reviewer"] == "Chen"
    assert carried["snapshot"] == kept["snapshot"]
    assert claim["claim_id"] in carried["note"]
    latest = store.latest_decisions(db)[successor["claim_id"]]
    assert review.review_state(successor, latest) == review.CHANGED
    [reviewed] = queries.export_reviewed_claims(db)
    assert reviewed["claim_id"] == successor["claim_id"] and reviewed["changed_since_review"]
    db.close()


ENROLLMENT = (
    "托夫生的临床研究\n\n"
    "托夫生的III期临床试验VALOR共纳入约{n}人，结果已于2022年发表。\n\n"
    "依达拉奉于2017年5月获美国FDA批准用于治疗渐冻症。\n"
)


def test_an_edited_enrollment_keeps_its_decision_and_refresh_counts_it(
    tmp_path, toolkit, monkeypatch
):
    from alsingest.refresh import REFRESH, REINGEST, RunReport, claim_state, finish_run, utc_now

    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "trial.txt"
    article.write_text(ENROLLMENT.format(n=200), encoding="utf-8")
    db = store.open_db(tmp_path / "corpus.db")
    assert ingest_files(db, [folder], toolkit).ok
    trial = claim_with(db, therapy="tofersen", enrollment=200)
    other = claim_with(db, therapy="edaravone")
    review.decide(db, trial, "accept", reviewer="ann")
    review.decide(db, other, "accept", reviewer="ann")
    reviewed_before = len(list(queries.export_reviewed_claims(db)))

    article.write_text(ENROLLMENT.format(n=300), encoding="utf-8")
    assert ingest_files(db, [folder], toolkit).changed == ["trial.txt"]
    successor = claim_with(db, therapy="tofersen", enrollment=300)
    decided = store.latest_decisions(db)
    assert review.review_state(successor, decided[successor["claim_id"]]) == review.CHANGED
    assert review.review_state(other, decided[other["claim_id"]]) == review.ACCEPTED
    reviewed = {c["claim_id"]: c for c in queries.export_reviewed_claims(db)}
    assert len(reviewed) == reviewed_before  # the export does not shrink
    assert reviewed[successor["claim_id"]]["changed_since_review"]

    # A refresh after the ingest reports it as changed since review.
    report = RunReport("run-1", REFRESH, utc_now())
    finish_run(db, report, claim_state(db))
    assert report.review_flagged == [successor["claim_id"]]
    # So does a re-ingest of the article, reading the decisions on its claims alone.
    monkeypatch.setattr(store, "latest_decisions", lambda db: pytest.fail("every decision read"))
    report = RunReport("run-2", REINGEST, utc_now(), articles=["trial.txt"])
    finish_run(db, report, claim_state(db, "trial.txt"))
    assert report.review_flagged == [successor["claim_id"]]
    db.close()


def test_a_decision_does_not_follow_to_another_therapy_or_a_deleted_sentence(tmp_path, toolkit):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text(ENROLLMENT.format(n=200), encoding="utf-8")
    db = store.open_db(tmp_path / "corpus.db")
    assert ingest_files(db, [folder], toolkit).ok
    trial = claim_with(db, therapy="tofersen")
    review.decide(db, trial, "accept", reviewer="ann")
    # The trial's sentence now speaks of another therapy: not the same claim.
    article.write_text(ENROLLMENT.format(n=200).replace("托夫生", "依达拉奉"), encoding="utf-8")
    assert ingest_files(db, [folder], toolkit).ok
    assert [d["claim_id"] for d in store.read_decisions(db)] == [trial["claim_id"]]
    assert list(queries.export_reviewed_claims(db)) == []
    db.close()


@pytest.mark.parametrize(
    "old, new, expected",
    [
        # The changed sentence at the same place: its claim of the same therapy and type.
        (["a", "b", "c"], ["a", "B", "c"], {"old-b": "new-B"}),
        # A sentence inserted before it: still found by alignment, not by index.
        (["a", "b", "c"], ["x", "a", "B", "c"], {"old-b": "new-B"}),
        # The sentence deleted: no successor.
        (["a", "b", "c"], ["a", "c"], {}),
    ],
)
def test_successors_are_found_at_the_same_place(old, new, expected):
    def claims(prefix, sentences):
        return [
            {"claim_id": f"{prefix}-{text}", "sentence": i, "therapy": "t", "type": "approval"}
            for i, text in enumerate(sentences)
            if text.lower() == "b"
        ] + [{"claim_id": "kept", "sentence": sentences.index("a"), "therapy": "t", "type": "x"}]

    found = review.successors(old, new, claims("old", old), claims("new", new))
    assert found == expected


def test_export_claims_reviewed_on_the_command_line(seeded_db, tmp_path):
    path = tmp_path / "corpus.db"
    db = copy_corpus(seeded_db, path)
    claim = claim_with(db, therapy="tofersen", type="launch")
    review.decide(db, claim, "correct", fields={"date": "2024-06"}, note="checked the source")
    db.close()
    result = CliRunner().invoke(
        cli, ["export", "claims", "--reviewed", "--db", str(path)], catch_exceptions=False
    )
    assert result.exit_code == 0
    [row] = [json.loads(line) for line in result.output.splitlines()]
    assert row["claim_id"] == claim["claim_id"] and row["date"] == "2024-06"
    assert row["review_note"] == "checked the source" and row["corrected"] == ["date"]
    csv = CliRunner().invoke(
        cli, ["export", "claims", "--reviewed", "--format", "csv", "--db", str(path)]
    )
    assert csv.output.splitlines()[0].startswith("article,quote,therapy,type,date")
    everything = CliRunner().invoke(cli, ["export", "claims", "--db", str(path)])
    assert len(everything.output.splitlines()) > 100


def test_reviewed_applies_to_claims_only(seeded_db, tmp_path):
    path = tmp_path / "corpus.db"
    copy_corpus(seeded_db, path).close()
    result = CliRunner().invoke(cli, ["export", "references", "--reviewed", "--db", str(path)])
    assert result.exit_code == 2 and "claims only" in result.output
