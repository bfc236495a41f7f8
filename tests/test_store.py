"""The corpus file: refused in one line when it is not an SQLite database."""

import pytest

from alsingest import store


def test_a_file_that_is_not_sqlite_is_refused_before_it_is_opened(tmp_path):
    csv = tmp_path / "x.csv"
    csv.write_text("article,quote\n", encoding="utf-8")
    with pytest.raises(store.CorpusError, match=r"x\.csv: not an SQLite database"):
        store.open_db(csv)
    assert csv.read_text(encoding="utf-8") == "article,quote\n", "bad input loses nothing"


def test_a_new_empty_or_sqlite_file_is_a_corpus(tmp_path):
    store.check_corpus_file(tmp_path / "new.db")
    (tmp_path / "empty.db").touch()
    store.open_db(tmp_path / "empty.db").close()
    store.check_corpus_file(tmp_path / "empty.db")


def test_a_folder_is_not_a_corpus(tmp_path):
    with pytest.raises(store.CorpusError, match="is a folder"):
        store.check_corpus_file(tmp_path)


def test_a_corpus_from_before_the_change_counters_gets_them_and_keeps_its_decisions(
    seeded_db, tmp_path
):
    from conftest import copy_corpus

    from alsingest import queries, review

    db = copy_corpus(seeded_db, tmp_path / "old.db")
    claim = next(iter(queries.export_claims(db)))
    review.decide(db, claim, "accept", note="checked")
    # Back to the schema of m013: no listing indexes, no counters, no kept counts.
    for trigger in [r[0] for r in db.execute("select name from sqlite_master where type = 'trigger' and name like '%_changed_%'")]:  # fmt: skip
        db.execute(f"drop trigger [{trigger}]")
    db.execute("drop trigger claims_to_verify_insert")
    db.execute("drop trigger claims_to_verify_update")
    db.execute("drop table claims_to_verify")
    db.execute("drop table corpus_changes")
    db.execute("drop table derived")
    db.execute("drop index idx_verifications_verdict")
    db.execute("drop index idx_articles_current_version")
    db.execute(
        "delete from _sqlite_migrations where name in "
        "('m014_listing_indexes', 'm015_change_counters', 'm016_document_counter', "
        "'m017_claims_to_verify')"
    )
    db.conn.commit()
    db.close()

    db = store.open_db(tmp_path / "old.db")
    assert [d["note"] for d in store.read_decisions(db)] == ["checked"]
    assert len(store.claims_to_verify(db)) == queries.current_totals(db)["claims"]
    assert db["verifications"].indexes and "derived" in db.table_names()
    before = store.change_stamp(db, "claims", "verifications")
    assert before == "claims:0 verifications:0"
    assert store.change_stamp(db, "documents") == "documents:0"
    db.execute("update claims set enrollment = 1 where claim_id = ?", [claim["claim_id"]])
    store.write_verifications(db, [{"id": "x", "claim_id": "x", "verdict": "supported"}])
    assert store.change_stamp(db, "claims", "verifications") == "claims:1 verifications:1"
    db["documents"].insert({"id": "d", "url_normalized": "u", "current_version": "v1"})
    db.execute("update documents set status = 'ok' where id = 'd'")
    assert store.change_stamp(db, "documents") == "documents:1"
    db.execute("update documents set current_version = 'v2' where id = 'd'")
    assert store.change_stamp(db, "documents") == "documents:2"
    db.close()


def test_a_corpus_with_sentence_texts_is_converted_in_place_keeping_ids_and_decisions(
    seeded_db, tmp_path, toolkit
):
    from conftest import copy_corpus

    from alsingest import queries, review

    db = copy_corpus(seeded_db, tmp_path / "old.db")
    claim = next(iter(queries.export_claims(db)))
    review.decide(db, claim, "accept", note="kept")
    sentences = list(queries.export_sentences(db))
    claims = [c["claim_id"] for c in queries.export_claims(db)]
    found = queries.search(
        db, "托夫生", toolkit.segmenter, toolkit.converter, lexicon=toolkit.lexicon
    )
    # Back to the schema of m017: every sentence's text and simplified text stored with it,
    # every article's simplified text stored whole.
    db.execute("drop view sentence_texts")
    db.execute("alter table sentences add column text text")
    db.execute("alter table sentences add column text_simplified text")
    db.execute(
        "update sentences set text = (select substr(v.text, sentences.start + 1, "
        "sentences.[end] - sentences.start) from article_versions v where v.id = version_id), "
        "text_simplified = (select substr(coalesce(v.text_simplified, v.text), "
        "sentences.start + 1, sentences.[end] - sentences.start) "
        "from article_versions v where v.id = version_id)"
    )
    db.execute("update article_versions set text_simplified = text where text_simplified is null")
    db.execute("delete from _sqlite_migrations where name = 'm018_text_once'")
    db.conn.commit()
    rowids = [r[0] for r in db.execute("select rowid from sentences order by rowid")]
    db.close()

    db = store.open_db(tmp_path / "old.db")
    assert "text" not in db["sentences"].columns_dict
    assert [r[0] for r in db.execute("select rowid from sentences order by rowid")] == rowids
    assert list(queries.export_sentences(db)) == sentences
    assert [c["claim_id"] for c in queries.export_claims(db)] == claims
    assert [(d["claim_id"], d["note"]) for d in store.read_decisions(db)] == [
        (claim["claim_id"], "kept")
    ]
    assert (
        queries.search(db, "托夫生", toolkit.segmenter, toolkit.converter, lexicon=toolkit.lexicon)
        == found
    )
    simplified = db.execute(
        "select count(*) from article_versions where text_simplified is not null"
    ).fetchone()[0]
    assert simplified == 2  # the two articles in traditional script
    db.close()
