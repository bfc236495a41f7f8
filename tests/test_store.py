"""The corpus file: refused in one line when it is not an SQLite database."""

import json

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
    db.execute("drop index idx_verifications_contradicted")
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
    from conftest import before_m023

    before_m023(db)
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
    assert "text_simplified" not in db["article_versions"].columns_dict  # converted on read
    db.close()


def test_the_kept_claim_counts_follow_every_write(tmp_path, toolkit):
    """claim_counts (kept by triggers) equals the claims counted again after each kind of write:
    ingest, verdicts, a new version, the old one back, a re-extraction, edits and deletions."""
    import shutil

    from conftest import SEEDS

    from alsingest import queries
    from alsingest.pipeline import ingest_files, verify_corpus
    from alsingest.refresh import reextract

    def agree(db):
        kept, recounted = queries.recount_claims(db)
        assert kept == recounted and sum(recounted.values()) == queries.counted_claims(db)

    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(path, folder)
    db = store.open_db(tmp_path / "c.db")
    ingest_files(db, [folder], toolkit)
    agree(db)
    verify_corpus(db, toolkit)
    agree(db)
    rows = db.execute("select id, claim_id from claims order by id limit 3").fetchall()
    store.write_verifications(
        db, [{"id": r, "claim_id": c, "verdict": "contradicted"} for r, c in rows]
    )
    assert queries.counted_claims(db, verdict="contradicted") == 3
    agree(db)
    db.execute("delete from verifications where id = ?", [rows[0][0]])
    agree(db)
    article = sorted(folder.glob("*.txt"))[0]
    original = article.read_text(encoding="utf-8")
    article.write_text(
        original.replace("。", "。\n", 3) + "\n2025年5月，托夫生在日本获批。\n", encoding="utf-8"
    )
    ingest_files(db, [article], toolkit)  # a new version
    agree(db)
    article.write_text(original, encoding="utf-8")
    ingest_files(db, [article], toolkit)  # the first version current again
    agree(db)
    db.execute("update article_versions set parser_version = 'old'")
    reextract(db, queries.stale_articles(db, "new"), toolkit)  # the same words: kept
    agree(db)
    version_counts_agree(db)
    # Other words (a segmenter changed since): the sentences are stored again, under new ids.
    ids = db.execute("select max(id) from sentences").fetchone()[0]
    db.execute("update article_versions set parser_version = 'old', tokens_hash = 'other'")
    reextract(db, queries.stale_articles(db, "new"), toolkit)
    current = (
        "select min(s.id) from sentences s join articles a on a.current_version = s.version_id"
    )
    assert db.execute(current).fetchone()[0] > ids
    agree(db)
    db.execute("update claims set therapy = 'renamed', date = null where id = ?", [rows[1][0]])
    db.execute("delete from claims where id = ?", [rows[2][0]])
    agree(db)
    assert queries.counted_claims(db, therapy="renamed") == 1
    version_counts_agree(db)
    db.execute("pragma foreign_keys = off")
    db.execute("delete from articles where name = ?", [article.name])  # removed by hand
    version_counts_agree(db)
    db.close()


def test_a_corpus_from_before_the_kept_counts_gets_them_and_keeps_its_decisions(
    seeded_db, tmp_path
):
    from conftest import copy_corpus

    from alsingest import queries, review

    db = copy_corpus(seeded_db, tmp_path / "old.db")
    claim = next(iter(queries.export_claims(db)))
    review.decide(db, claim, "accept", note="kept")
    claims = [c["claim_id"] for c in queries.export_claims(db)]
    # Back to the schema of m018: no kept counts, no change logs, the therapy index alone.
    for (trigger,) in db.execute(
        "select name from sqlite_master where type = 'trigger' and (name like 'claim_counts%' "
        "or name like 'therapies_to_check%' or name like 'documents_to_verify%')"
    ).fetchall():
        db.execute(f"drop trigger [{trigger}]")
    for table in ("claim_counts", "therapies_to_check", "documents_to_verify"):
        db.execute(f"drop table {table}")
    db.execute("drop index idx_claims_facts")
    db.execute("drop index idx_claims_primary_outcome")
    db.execute("drop index idx_article_references_url_normalized")
    db.execute("create index idx_claims_therapy on claims (therapy)")
    db.execute("delete from _sqlite_migrations where name = 'm019_claim_counts'")
    db.conn.commit()
    db.close()

    db = store.open_db(tmp_path / "old.db")
    kept, recounted = queries.recount_claims(db)
    assert kept == recounted and sum(kept.values()) == len(claims)
    assert [c["claim_id"] for c in queries.export_claims(db)] == claims
    assert [(d["claim_id"], d["note"]) for d in store.read_decisions(db)] == [
        (claim["claim_id"], "kept")
    ]
    assert sorted(store.therapies_to_check(db)) == queries.claim_therapies(db)
    assert "idx_claims_therapy" not in {i.name for i in db["claims"].indexes}
    db.close()


def version_counts_agree(db) -> None:
    from alsingest.store.schema import VERSION_COUNTS

    for table, column in VERSION_COUNTS.items():
        # Paragraphs: a version's in one row (m031), counted in the view of them.
        rows = "paragraph_texts" if table == "paragraphs" else table
        wrong = db.execute(
            f"select a.name from articles a where a.n_{column} != "
            f"(select count(*) from [{rows}] t where t.version_id = a.current_version)"
        ).fetchall()
        assert wrong == [], (table, wrong)
    # The corpus totals kept with every write to articles (m029).
    kept = db.execute("select * from corpus_totals").fetchall()
    summed = db.execute(
        "select count(*), coalesce(sum(n_sentences), 0), coalesce(sum(n_references), 0), "
        "coalesce(sum(n_markers), 0) from articles"
    ).fetchall()
    assert kept == summed
    # Each version's sentences: consecutive ids from its first, in order (m025).
    wrong = db.execute(
        "select v.id from article_versions v where v.n_sentences != "
        "(select count(*) from sentences s where s.version_id = v.id) or exists "
        "(select 1 from sentences s where s.version_id = v.id and s.id != v.first_sentence + s.idx)"
    ).fetchall()
    assert wrong == []


def test_each_article_keeps_its_current_row_counts_and_an_older_corpus_gets_them(
    seeded_db, tmp_path
):
    from conftest import before_m031, copy_corpus

    from alsingest import queries, review

    db = copy_corpus(seeded_db, tmp_path / "old.db")
    version_counts_agree(db)
    totals = queries.current_totals(db)
    counted = {
        table: db.execute(
            f"select count(*) from [{table}] t join articles a on a.current_version = t.version_id"
        ).fetchone()[0]
        for table in ("sentences", "article_references", "citation_markers", "claims")
    }
    assert totals == {"articles": 5, **counted}
    claim = next(iter(queries.export_claims(db)))
    review.decide(db, claim, "accept", note="kept")
    # Back to the schema of m019: no counts with the articles (nor the totals kept of them),
    # a row per paragraph.
    before_m031(db)
    for trigger in ("insert", "delete", "update"):
        db.execute(f"drop trigger corpus_totals_{trigger}")
    db.execute("drop table corpus_totals")
    for column in ("paragraphs", "sentences", "references", "markers"):
        db.execute(f"alter table articles drop column n_{column}")
    db.execute(
        "delete from _sqlite_migrations where name in ('m020_version_counts', 'm029_corpus_totals')"
    )
    db.conn.commit()
    db.close()
    db = store.open_db(tmp_path / "old.db")
    version_counts_agree(db)
    assert queries.current_totals(db) == totals
    assert [d["note"] for d in store.read_decisions(db)] == ["kept"]
    db.close()


def test_a_corpus_from_before_the_lean_schema_is_converted_in_place_and_compacted(
    seeded_db, tmp_path, toolkit
):
    """m021: sentences keep no tokens and no text ids (the index is contentless, keyed by the
    sentence's integer id), paragraphs and markers are keyed by version and position; m022
    compacts the file. Every sentence id, claim id, decision and search result stays."""
    from conftest import before_lean_corpus, copy_corpus

    from alsingest import queries, review

    db = copy_corpus(seeded_db, tmp_path / "old.db")
    claim = next(iter(queries.export_claims(db)))
    review.decide(db, claim, "accept", note="kept")
    sentences = list(queries.export_sentences(db))
    ids = db.execute("select id from sentences order by id").fetchall()
    digests = db.execute("select id, tokens_hash from article_versions order by id").fetchall()
    claims = [c["claim_id"] for c in queries.export_claims(db)]

    def searched(db):
        kit = toolkit
        return [
            queries.search(db, q, kit.segmenter, kit.converter, lexicon=kit.lexicon, limit=500)
            for q in ("托夫生", "渐冻症患者", "临床试验")
        ]

    found = searched(db)
    paragraphs = db.execute(
        "select version_id, idx, start, [end], kind from paragraph_texts"
    ).fetchall()
    before_lean_corpus(db, toolkit.segmenter)
    assert "tokens" in db["sentences"].columns_dict and "id" in db["paragraphs"].columns_dict
    assert searched(db) == found
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    size = (tmp_path / "old.db").stat().st_size

    db = store.open_db(tmp_path / "old.db")
    assert set(db["sentences"].columns_dict) == {
        "id", "version_id", "paragraph_idx", "idx", "start", "end", "terms", "terms_complete"
    }  # fmt: skip
    assert db.execute("select id from sentences order by id").fetchall() == ids
    assert db.execute("select id, tokens_hash from article_versions order by id").fetchall() == (
        digests
    )
    assert list(queries.export_sentences(db)) == sentences
    assert [c["claim_id"] for c in queries.export_claims(db)] == claims
    assert [(d["claim_id"], d["note"]) for d in store.read_decisions(db)] == [
        (claim["claim_id"], "kept")
    ]
    assert searched(db) == found
    assert sorted(
        db.execute("select version_id, idx, start, [end], kind from paragraph_texts").fetchall()
    ) == sorted(paragraphs)
    for table in ("citation_markers", "claims_to_verify"):
        assert (
            "without rowid"
            in db.execute(
                "select lower(sql) from sqlite_master where name = ?", [table]
            ).fetchone()[0]
        )
    assert db.execute("pragma freelist_count").fetchone()[0] == 0, "compacted"
    db.execute("pragma wal_checkpoint(truncate)")
    assert (tmp_path / "old.db").stat().st_size < size * 0.8
    # Writes work as before: a claim written is logged for verification once.
    row = db.execute("select id from claims limit 1").fetchone()[0]
    db.execute("update claims set phase = '3' where id = ?", [row])
    db.execute("update claims set phase = '2' where id = ?", [row])
    assert store.claims_to_verify(db).count(row) == 1
    db.close()


def test_the_claim_and_run_columns_are_named_once_and_are_the_tables(db):
    from alsingest import records, review
    from alsingest.refresh import RunReport

    stored = {**dict.fromkeys(records.CLAIM_ROW_COLUMNS), "provenance_id": None}
    del stored["provenance"]  # stored by its number (store.articles._claim_rows)
    assert set(stored) == set(db["claims"].columns_dict)
    assert set(records.CLAIM_VALUES) - {"quote"} <= set(records.CLAIM_ROW_COLUMNS)
    assert set(records.CLAIM_JSON_COLUMNS) <= set(records.CLAIM_ROW_COLUMNS)
    assert review.SNAPSHOT_FIELDS is records.CLAIM_VALUES
    assert RunReport.ROW_FIELDS is records.RUN_COLUMNS
    assert set(records.RUN_COLUMNS) == set(db["runs"].columns_dict)
    assert set(store.RUN_JSON_COLUMNS) <= set(records.RUN_COLUMNS)


def sentences_of(db):
    """Every sentence, current or not, with its texts, in id order (from export's reader)."""
    from alsingest import queries

    rows = []
    for vid, first, n in db.execute(
        "select id, first_sentence, n_sentences from article_versions where n_sentences > 0"
    ).fetchall():
        text, simplified = queries.version_texts(db, vid)
        rows += [
            {"id": sid, "text": text[start:end], "text_simplified": simplified[start:end]}
            for sid, start, end in db.execute(
                'select id, start, "end" from sentences where id >= ? and id < ?',
                [first, first + n],
            )
        ]
    return sorted(rows, key=lambda row: row["id"])


def kept_across_migrations(db) -> dict:
    """What a migration must keep as it was: the review decisions, the kept claim counts, and
    nothing logged as changed (the change stamp, the claims the next verify would read)."""
    return {
        "decisions": store.read_decisions(db),
        "stamp": store.change_stamp(db, "claims", "verifications", "documents"),
        "to_verify": store.claims_to_verify(db),
        "counts": db.execute("select * from claim_counts order by 1, 2, 3, 4, 5, 6, 7").fetchall(),
    }


def test_verdicts_from_before_m030_are_kept_without_their_copies_of_ids(
    seeded_db, tmp_path, toolkit
):
    """m030 keys the verdicts by their claim row without a rowid and drops the stable claim
    id they copied: every verdict, decision, claim id, kept count and listing stays, nothing
    is logged for verify, and a verdict is still forgotten by its stable claim id."""
    from conftest import before_m030, copy_corpus

    from alsingest import queries, review
    from alsingest.pipeline import verify_corpus

    db = copy_corpus(seeded_db, tmp_path / "old.db")
    verify_corpus(db, toolkit)
    rows = db.execute("select id, claim_id from claims order by id limit 2").fetchall()
    store.write_verifications(
        db, [{"id": r, "claim_id": c, "verdict": "contradicted"} for r, c in rows]
    )
    claim = next(iter(queries.export_claims(db)))
    review.decide(db, claim, "correct", fields={"phase": "3"}, note="kept")

    def reads(db):
        return {
            "page": queries.claims_page(db, limit=5),
            "contradicted": queries.count_claims(db, [queries.CONTRADICTED], []),
            "claims": [(c["claim_id"], c["verdict"]) for c in queries.export_claims(db)],
            "verdicts": db.execute(
                "select id, verdict, reason_id, evidence, per_source, sources_key, "
                "verifier_version, verified_at from verifications order by id"
            ).fetchall(),
            **kept_across_migrations(db),
        }

    before = reads(db)
    assert before["contradicted"] == 2 and before["page"][0][0]["verdict"] == "contradicted"
    before_m030(db)
    assert "claim_id" in db["verifications"].columns_dict
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()

    db = store.open_db(tmp_path / "old.db")
    assert "claim_id" not in db["verifications"].columns_dict
    assert not db["verifications"].use_rowid
    indexes = [i.name for i in db["verifications"].indexes if not i.name.startswith("sqlite_")]
    assert indexes == ["idx_verifications_contradicted"]
    assert reads(db) == before
    # Triggers as before: a verdict written moves the kept counts and the change counter.
    store.write_verifications(db, [{"id": rows[0][0], "verdict": "supported"}])
    assert queries.recount_claims(db)[0] == queries.recount_claims(db)[1]
    assert store.change_stamp(db, "verifications") != before["stamp"].split()[1]
    store.forget_verifications(db, [rows[1][1]])
    assert db.execute(
        "select sources_key from verifications where id = ?", [rows[1][0]]
    ).fetchone() == (None,)
    assert rows[1][0] in store.claims_to_verify(db)
    db.close()


def test_paragraphs_from_before_m031_are_one_row_a_version_and_read_the_same(seeded_db, tmp_path):
    """m031 stores each version's paragraphs in one row (their spans by position): every
    paragraph reads the same in the view paragraph_texts, and the review's sentence contexts
    (the paragraph around each sentence) are unchanged."""
    from conftest import before_m031, copy_corpus

    from alsingest import queries

    db = copy_corpus(seeded_db, tmp_path / "old.db")
    names = [row[0] for row in db.execute("select name from articles order by name")]
    contexts = {name: queries.claim_contexts(db, name) for name in names}
    before_m031(db)
    paragraphs = db.execute(
        'select version_id, idx, start, "end", kind from paragraphs order by version_id, idx'
    ).fetchall()
    assert len(paragraphs) > 50
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()

    db = store.open_db(tmp_path / "old.db")
    assert set(db["paragraphs"].columns_dict) == {"version_id", "spans"}
    assert db["paragraphs"].count == len(names)
    assert (
        db.execute(
            'select version_id, idx, start, "end", kind from paragraph_texts order by version_id, idx'
        ).fetchall()
        == paragraphs
    )
    text, vid = db.execute("select text, id from article_versions order by id limit 1").fetchone()
    assert [row[0] for row in db.execute(
        "select text from paragraph_texts where version_id = ? order by idx", [vid]
    )] == [text[start:end] for v, _, start, end, _ in paragraphs if v == vid]  # fmt: skip
    assert {name: queries.claim_contexts(db, name) for name in names} == contexts
    assert any(c["paragraph_before"] for found in contexts.values() for c in found.values())
    assert db.execute("pragma freelist_count").fetchone()[0] == 0, "compacted"
    db.close()


def test_a_corpus_from_m022_is_converted_in_place_and_reads_the_same(seeded_db, tmp_path, toolkit):
    """m023 on: what repeats is stored once and what can be cut from an article's text is
    cut on read. A corpus built at m022, with a review decision and verdicts, keeps every claim
    id, decision and verdict, and every read gives what it gave before."""
    from conftest import before_m023, copy_corpus

    from alsingest import queries, review
    from alsingest.pipeline import verify_corpus

    db = copy_corpus(seeded_db, tmp_path / "old.db")
    verify_corpus(db, toolkit)
    claim = next(iter(queries.export_claims(db)))
    review.decide(db, claim, "correct", fields={"phase": "3"}, note="kept")

    def reads(db):
        kit = toolkit
        return {
            "claims": list(queries.export_claims(db)),
            "sentences": list(queries.export_sentences(db)),
            "values": list(queries.claim_values(db)),
            "verdicts": db.execute(
                "select id, verdict, evidence, per_source, sources_key, "
                "verifier_version, verified_at from verifications order by id"
            ).fetchall(),
            **kept_across_migrations(db),
            "search": [
                queries.search(db, q, kit.segmenter, kit.converter, lexicon=kit.lexicon, limit=500)
                for q in ("托夫生", "渐冻症患者", "臨床試驗", "冻症患")
            ],
        }

    before = reads(db)
    assert any(c["provenance"] for c in before["claims"])
    assert any(r["text"] != r["text_simplified"] for r in before["sentences"])
    assert all(c["verdict"] and c["verdict_reason"] for c in before["claims"])
    before_m023(db)
    assert {"provenance", "quote"} <= set(db["claims"].columns_dict)
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()

    db = store.open_db(tmp_path / "old.db")
    assert not {"provenance", "quote"} & set(db["claims"].columns_dict)
    assert "text_simplified" not in db["article_versions"].columns_dict
    assert "idx_sentences_version_id_idx" not in {i.name for i in db["sentences"].indexes}
    assert db.execute("pragma foreign_key_check").fetchall() == []
    sentence_texts = db.execute(
        "select text, text_simplified from sentence_texts order by id"
    ).fetchall()
    assert sentence_texts == [(r["text"], r["text_simplified"]) for r in sentences_of(db)]
    assert reads(db) == before
    distinct = {json.dumps(c["provenance"], ensure_ascii=False) for c in before["claims"]}
    assert db["claim_provenances"].count == len(distinct)
    reasons = {c["verdict_reason"] for c in before["claims"]}
    assert db["verdict_reasons"].count == len(reasons) > 1
    db.close()


def test_sentences_whose_ids_are_not_consecutive_are_renumbered_and_indexed_again(
    seeded_db, tmp_path, toolkit
):
    """m025 finds a version's sentences by their first id: a version whose sentences were
    stored otherwise (ids not consecutive in order) gets new ids; its old index rows are left
    (counted), and `browse` indexes it again."""
    from conftest import before_m023, copy_corpus
    from test_queries import complete

    from alsingest import queries

    db = copy_corpus(seeded_db, tmp_path / "old.db")
    sentences = list(queries.export_sentences(db))
    before_m023(db)
    vid, last, n = db.execute(
        "select version_id, max(id), count(*) from sentences group by version_id "
        "order by version_id limit 1"
    ).fetchone()
    top = db.execute("select max(id) from sentences").fetchone()[0]
    db.execute("update sentences set id = ? where id = ?", [top + 10, last])
    db.conn.commit()
    db.close()

    db = store.open_db(tmp_path / "old.db")
    first, count = db.execute(
        "select first_sentence, n_sentences from article_versions where id = ?", [vid]
    ).fetchone()
    assert count == n and first > top
    assert [r[0] for r in db.execute(
        "select idx from sentences where version_id = ? order by id", [vid]
    )] == list(range(n))  # fmt: skip
    assert list(queries.export_sentences(db)) == sentences
    assert store.change_stamp(db, "index_orphans") == f"index_orphans:{n}"

    def found(db) -> list[bool]:
        """Whether each sentence of the version is matched by its longest word."""
        from alsingest.pipeline import search_texts

        text, script = db.execute(
            "select text, script from article_versions where id = ?", [vid]
        ).fetchone()
        rows = db.execute(
            'select id, start, "end" from sentences where version_id = ? order by id', [vid]
        ).fetchall()
        words = search_texts(
            store.simplified_text(text, script), [(a, b) for _, a, b in rows], toolkit.segmenter
        )
        return [
            (sid,)
            in db.execute(
                "select rowid from sentences_fts where sentences_fts match ?",
                ['"' + max(w.split(), key=len).replace('"', '""') + '"'],
            ).fetchall()
            for (sid, _, _), w in zip(rows, words, strict=True)
            if w.strip()
        ]

    assert not any(found(db))
    complete(db, toolkit)  # browse
    assert all(found(db)) and found(db)
    db.close()
