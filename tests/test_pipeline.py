import json
import shutil

import pytest
from conftest import SEEDS

from alsingest import queries, store
from alsingest.pipeline import ingest_files

TABLES = (
    "articles",
    "article_versions",
    "paragraphs",
    "sentences",
    "article_references",
    "citation_markers",
)


TIMES = ("ingested_at", "first_ingested", "last_ingested")


def dump(db, without=()):
    return {
        table: sorted(
            str({k: v for k, v in row.items() if k not in without}) for row in db[table].rows
        )
        for table in TABLES
    }


@pytest.fixture
def corpus(tmp_path):
    database = store.open_db(tmp_path / "corpus.db")
    yield database
    database.close()


def test_sentence_offsets_round_trip_to_the_original(seeded_db):
    rows = list(
        seeded_db.query(
            "select s.start, s.[end], s.text, v.text as article from sentence_texts s "
            "join article_versions v on v.id = s.version_id"
        )
    )
    assert len(rows) > 500
    assert all(row["article"][row["start"] : row["end"]] == row["text"] for row in rows)
    exported = list(queries.export_sentences(seeded_db))
    assert [r["text"] for r in exported] == [
        r["text"] for r in seeded_db.query(
            "select s.text from sentence_texts s join articles a on a.current_version = s.version_id "
            "order by a.name, s.idx"
        )
    ]  # fmt: skip


def test_each_article_text_is_stored_once(seeded_db):
    assert {"text", "text_simplified"}.isdisjoint(seeded_db["sentences"].columns_dict)
    # The simplified text is converted again when read (length-preserving).
    assert "text_simplified" not in seeded_db["article_versions"].columns_dict
    assert "quote" not in seeded_db["claims"].columns_dict


def test_each_version_s_sentences_have_consecutive_ids_in_order(seeded_db):
    wrong = seeded_db.execute(
        "select v.id from article_versions v where v.n_sentences != "
        "(select count(*) from sentences s where s.version_id = v.id) or exists "
        "(select 1 from sentences s where s.version_id = v.id and s.id != v.first_sentence + s.idx)"
    ).fetchall()
    assert wrong == []


def test_every_seed_is_stored_with_its_script(seeded_db):
    scripts = {
        row["name"][:3]: row["script"]
        for row in seeded_db.query(
            "select a.name, v.script from articles a join article_versions v on v.id = a.current_version"
        )
    }
    assert scripts == {
        "000": "simplified",
        "001": "traditional",
        "002": "traditional",
        "003": "simplified",
        "004": "simplified",
    }


def test_simplified_text_is_stored_beside_the_original(seeded_db):
    row = next(
        seeded_db.query(
            "select s.text, s.text_simplified from sentence_texts s where s.text like '%漸凍癥%' "
            "limit 1"
        )
    )
    assert "渐冻症" in row["text_simplified"] and len(row["text"]) == len(row["text_simplified"])


def test_second_ingest_changes_nothing(corpus, toolkit):
    first = ingest_files(corpus, [SEEDS], toolkit)
    before = dump(corpus)
    second = ingest_files(corpus, [SEEDS], toolkit)
    assert len(first.new) == 5
    assert (second.new, second.changed, len(second.unchanged)) == ([], [], 5)
    assert dump(corpus) == before


def test_a_changed_file_adds_a_version_and_keeps_the_old_one(corpus, toolkit, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "000_10f194e9a782d43d.txt"
    shutil.copy(SEEDS / article.name, article)
    ingest_files(corpus, [folder], toolkit)
    old_sentences = corpus["sentences"].count
    article.write_text(
        article.read_text(encoding="utf-8") + "\n新增一句:托夫生于2025年6月上市。", encoding="utf-8"
    )
    report = ingest_files(corpus, [folder], toolkit)
    assert report.changed == [article.name]
    versions = list(corpus.query("select version from article_versions order by version"))
    assert [v["version"] for v in versions] == [1, 2]
    assert corpus["articles"].count == 1
    assert corpus["sentences"].count == 2 * old_sentences + 1


def test_bad_files_are_reported_and_the_rest_still_ingested(corpus, toolkit, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEEDS / "000_10f194e9a782d43d.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "garbage.txt").write_bytes(b"\x80\xff" * 50)
    report = ingest_files(corpus, [folder, tmp_path / "missing.txt"], toolkit)
    assert report.new == ["000_10f194e9a782d43d.txt"]
    reasons = {e.path.rsplit("/", 1)[-1]: e.reason for e in report.errors}
    assert set(reasons) == {"empty.txt", "binary.txt", "garbage.txt", "missing.txt"}
    assert corpus["articles"].count == 1


def test_a_failure_while_writing_leaves_nothing_half_written(corpus, toolkit, monkeypatch):
    ingest_files(corpus, [SEEDS / "000_10f194e9a782d43d.txt"], toolkit)
    before = dump(corpus)

    insert_rows = store.articles._insert_rows

    def explode(db, table, columns, rows):
        if table == "claims":  # the last table: the article, its sentences and markers are in
            raise RuntimeError("disk on fire")
        insert_rows(db, table, columns, rows)

    monkeypatch.setattr(store.articles, "_insert_rows", explode)
    with pytest.raises(RuntimeError):
        ingest_files(corpus, [SEEDS / "001_f3d24a04a151cdeb.txt"], toolkit)
    assert dump(corpus) == before


def test_every_exported_quote_is_its_articles_text_at_its_span(seeded_db):
    from alsingest import queries

    originals = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    rows = list(queries.export_claims(seeded_db))
    assert len(rows) > 100
    for row in rows:
        assert originals[row["article"]][row["start"] : row["end"]] == row["quote"]
        assert row["quote"] in originals[row["article"]]


def test_re_ingest_of_an_edited_article_keeps_the_ids_of_unchanged_claims(
    corpus, toolkit, tmp_path
):
    folder = tmp_path / "a"
    folder.mkdir()
    article = folder / "000_10f194e9a782d43d.txt"
    shutil.copy(SEEDS / article.name, article)
    ingest_files(corpus, [folder], toolkit)
    first = {r["claim_id"] for r in corpus.query("select claim_id from claims")}
    article.write_text(
        "编者按：本文有更新。\n" + article.read_text(encoding="utf-8"), encoding="utf-8"
    )
    ingest_files(corpus, [folder], toolkit)
    current = {
        r["claim_id"]
        for r in corpus.query(
            "select c.claim_id from claims c join articles a on a.current_version = c.version_id"
        )
    }
    assert first and first == current


def test_worker_processes_give_the_same_corpus_as_one_process(toolkit, tmp_path):
    """The parallel path (worker pool, single writer) stores exactly what the in-process path stores."""
    from alsingest.pipeline import IngestReport, read_pending, store_result
    from alsingest.workers import ExtractionPool

    one = store.open_db(tmp_path / "one.db")
    ingest_files(one, [SEEDS], toolkit)
    two = store.open_db(tmp_path / "two.db")
    report = IngestReport()
    sources = [read_pending(two, p, toolkit.options, report) for p in sorted(SEEDS.glob("*.txt"))]
    with ExtractionPool(None, 2) as pool:
        results = pool.process(sources[:3]) + pool.process(sources[3:])
    for result in results:
        store_result(two, result, report)
    assert len(report.new) == 5
    assert dump(one, without=TIMES) == dump(two, without=TIMES)


def test_ingest_waits_for_another_writer_instead_of_failing(toolkit, tmp_path):
    import sqlite3
    import threading
    import time

    path = tmp_path / "busy.db"
    store.open_db(path).close()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    threading.Timer(1.0, lambda: other.execute("COMMIT")).start()
    db = store.open_db(path)
    started = time.monotonic()
    report = ingest_files(db, [SEEDS / "000_10f194e9a782d43d.txt"], toolkit)
    assert report.new == ["000_10f194e9a782d43d.txt"] and time.monotonic() - started >= 0.9


def test_every_sentence_is_found_by_its_own_words(seeded_db, toolkit):
    """The FTS index holds every sentence, whichever statement chunk wrote it (its words, which
    the index keeps no copy of, segmented again)."""
    from alsingest.pipeline import search_texts

    rows = []
    for vid, text, script in seeded_db.execute(
        "select v.id, v.text, v.script from article_versions v"
    ).fetchall():
        simplified = store.simplified_text(text, script)
        sentences = seeded_db.execute(
            'select id, start, "end" from sentences where version_id = ? order by idx', [vid]
        ).fetchall()
        texts = search_texts(simplified, [(s, e) for _, s, e in sentences], toolkit.segmenter)
        rows += [
            {"rowid": sid, "tokens": t}
            for (sid, _, _), t in zip(sentences, texts, strict=True)
            if t
        ]
    assert len(rows) > 500
    missing = []
    for row in rows:
        word = max(row["tokens"].split(), key=len).replace('"', '""')
        found = seeded_db.execute(
            "select rowid from sentences_fts where sentences_fts match ?", [f'"{word}"']
        ).fetchall()
        if (row["rowid"],) not in found:
            missing.append((row["rowid"], word))
    assert missing == []


def test_a_failure_while_the_flow_writes_a_batch_leaves_no_article_of_it(
    prefect_harness, tmp_path, monkeypatch
):
    """The ingest flow writes a batch in one transaction: a failure on its third article
    leaves none of the batch behind, and the next run stores every article once."""
    from flows.ingest import ingest

    config = tmp_path / "one.toml"
    config.write_text("[ingest]\nworkers = 1\nbatch_size = 25\n", encoding="utf-8")
    db_path = tmp_path / "corpus.db"
    insert_rows = store.articles._insert_rows
    articles_begun = []

    def fail_on_the_third(db, table, columns, rows):
        if table == "paragraphs":  # the first rows of each article
            articles_begun.append(rows[0][1])
            if len(articles_begun) == 3:
                raise RuntimeError("disk on fire")
        insert_rows(db, table, columns, rows)

    monkeypatch.setattr(store.articles, "_insert_rows", fail_on_the_third)
    with pytest.raises(RuntimeError, match="disk on fire"):
        ingest([str(SEEDS)], db=str(db_path), config=str(config))
    assert len(articles_begun) == 3, "two whole articles were written before the failure"
    db = store.open_db(db_path)
    tables = ("articles", "article_versions", "paragraphs", "sentences", "claims")
    assert {t: db[t].count for t in tables} == dict.fromkeys(tables, 0)

    monkeypatch.setattr(store.articles, "_insert_rows", insert_rows)
    summary = ingest([str(SEEDS)], db=str(db_path), config=str(config))
    assert len(summary["new"]) == 5
    assert db["articles"].count == 5
    assert db.execute("select count(distinct version_id) from sentences").fetchone()[0] == 5


def test_the_ingest_flow_reads_files_as_their_batches_are_needed(
    prefect_harness, tmp_path, monkeypatch
):
    """A corpus of 100,000 files is not read into memory before the first is extracted: the
    first batch is stored before the last file is read."""
    import flows.ingest

    config = tmp_path / "small.toml"
    config.write_text("[ingest]\nworkers = 1\nbatch_size = 1\n", encoding="utf-8")
    events = []
    read, write = flows.ingest.read_pending, store.write_article
    monkeypatch.setattr(
        flows.ingest, "read_pending", lambda *a, **k: events.append("read") or read(*a, **k)
    )
    monkeypatch.setattr(store, "write_article", lambda *a: events.append("write") or write(*a))
    summary = flows.ingest.ingest([str(SEEDS)], db=str(tmp_path / "c.db"), config=str(config))
    assert len(summary["new"]) == 5 and events.count("read") == 5
    assert events.index("write") < len(events) - 1 - events[::-1].index("read")


TOFERSEN = "2023年4月，托夫生获美国FDA加速批准上市，用于治疗SOD1突变的渐冻症患者。"
EDARAVONE = "2017年5月，依达拉奉获美国FDA批准用于治疗渐冻症。"


def claims_by_article(db):
    from alsingest import queries

    found: dict[str, list[str]] = {}
    for claim in queries.export_claims(db):
        found.setdefault(claim["article"], []).append(claim["therapy"])
    return found


def test_files_of_the_same_name_in_two_folders_are_two_articles(corpus, toolkit, tmp_path):
    for folder, text in (("A", TOFERSEN), ("B", EDARAVONE)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    report = ingest_files(corpus, [tmp_path / "A", tmp_path / "B"], toolkit)
    assert report.new == ["x.txt", "B/x.txt"]  # the shortest end of the path still free
    assert claims_by_article(corpus) == {"x.txt": ["tofersen"], "B/x.txt": ["edaravone"]}
    again = ingest_files(corpus, [tmp_path / "B", tmp_path / "A"], toolkit)
    assert again.unchanged == ["B/x.txt", "x.txt"] and again.changed == again.new == []
    assert corpus["article_versions"].count == 2
    sources = {r["name"]: r["source"] for r in corpus.query("select name, source from articles")}
    assert sources == {
        "x.txt": str((tmp_path / "A" / "x.txt").resolve()),
        "B/x.txt": str((tmp_path / "B" / "x.txt").resolve()),
    }


def test_an_article_stored_before_sources_were_kept_keeps_its_name_ids_and_decisions(
    tmp_path, toolkit
):
    from alsingest import queries, review

    (tmp_path / "A").mkdir()
    (tmp_path / "A" / "x.txt").write_text(TOFERSEN, encoding="utf-8")
    path = tmp_path / "corpus.db"
    db = store.open_db(path)
    ingest_files(db, [tmp_path / "A"], toolkit)
    (claim,) = queries.export_claims(db)
    review.decide(db, claim, "accept", reviewer="r")
    # The corpus as migration m009 left it: no source column, no m010.
    db.execute("drop index idx_articles_source")
    db.execute("alter table articles drop column source")
    db.execute("delete from _sqlite_migrations where name = 'm010_article_source'")
    db.conn.commit()
    db.close()

    db = store.open_db(path)  # m010 runs
    assert [r["source"] for r in db.query("select source from articles")] == [None]
    (tmp_path / "B").mkdir()
    (tmp_path / "B" / "x.txt").write_text(EDARAVONE, encoding="utf-8")
    report = ingest_files(db, [tmp_path / "A", tmp_path / "B"], toolkit)
    assert report.unchanged == ["x.txt"] and report.new == ["B/x.txt"]
    assert claims_by_article(db) == {"x.txt": ["tofersen"], "B/x.txt": ["edaravone"]}
    (reviewed,) = queries.export_reviewed_claims(db)
    assert reviewed["claim_id"] == claim["claim_id"] and reviewed["review"] == "accepted"
    db.close()


# --- issue 12: a verdict per cited source, a contradiction first ---------------------

NEURONATA_ARTICLE = (
    "渐冻症新药进展\n\n韩国Corestemchemon公司宣布，其干细胞药物Neuronata-R的3期临床试验达到主要终点。[1][2]\n\n"
    "参考资料:\n[1]https://example.org/neuronata-release\n[2]https://example.org/neuronata-news\n"
)
NEURONATA_RELEASE = (
    "Corestemchemon Announces Topline Results of the Phase 3 ALSUMMIT Trial\n\n"
    "SEOUL, December 9, 2024 -- Corestemchemon announced topline results from ALSUMMIT, the Phase 3 "
    "trial of lenzumestrocel (Neuronata-R) in patients with amyotrophic lateral sclerosis.\n\n"
    "The study did not meet its primary endpoint in the overall population.\n\n"
    "In a post hoc analysis, a subgroup of patients with faster progression showed an improvement "
    "in ALSFRS-R scores.\n"
)
NEURONATA_NEWS = (
    "Neuronata-R三期试验结果公布\n\n据韩国媒体报道，Neuronata-R的3期临床试验达到主要终点，"
    "公司计划向监管机构提交申请。研究在韩国多家医院开展，受试者接受了两次鞘内注射。"
    "专家认为该结果仍需进一步验证，后续数据将在学术会议上公布。\n"
)


@pytest.fixture
def two_sources(corpus, toolkit, tmp_path):
    """An article whose claim cites a release that contradicts it and a news page that agrees."""
    from alsingest.sources import attach

    folder = tmp_path / "article"
    folder.mkdir()
    (folder / "neuronata.txt").write_text(NEURONATA_ARTICLE, encoding="utf-8")
    assert ingest_files(corpus, [folder], toolkit).ok
    for name, text in (
        ("neuronata-release", NEURONATA_RELEASE),
        ("neuronata-news", NEURONATA_NEWS),
    ):
        saved = tmp_path / f"{name}.txt"
        saved.write_text(text, encoding="utf-8")
        attach(corpus, f"https://example.org/{name}", saved, max_bytes=10**6)
    return corpus


def test_a_contradicting_source_is_the_headline_and_every_source_keeps_its_verdict(
    two_sources, toolkit
):
    from alsingest import queries
    from alsingest.pipeline import verify_corpus

    report = verify_corpus(two_sources, toolkit)
    assert report.verdicts == {"contradicted": 1}
    (row,) = [r for r in queries.export_claims(two_sources) if r["therapy"] == "lenzumestrocel"]
    assert row["verdict"] == "contradicted" and "\n" not in row["verdict_reason"]
    assert [(v["ref"], v["verdict"]) for v in row["verdicts"]] == [
        (1, "contradicted"),
        (2, "supported"),
    ]
    stored = {r["ref"]: r for r in two_sources["source_verdicts"].rows}
    assert set(stored) == {1, 2}
    text = queries.document_text(two_sources, stored[1]["document_version"])
    evidence = json.loads(stored[1]["evidence"])
    assert any("did not meet its primary endpoint" in e["text"] for e in evidence)
    assert any("post hoc" in e["text"] for e in evidence)
    assert all(text[e["start"] : e["end"]] == e["text"] for e in evidence)


def test_verifying_again_replaces_the_per_source_verdicts(two_sources, toolkit):
    from alsingest.pipeline import verify_corpus

    verify_corpus(two_sources, toolkit)
    verify_corpus(two_sources, toolkit, force=True)
    assert two_sources["source_verdicts"].count == 2


def test_a_toolkit_that_looks_words_up_makes_the_same_articles_as_the_loaded_one(toolkit, options):
    """`ingest FILE` and `reingest` look the segmenter's words up in its dictionary file instead
    of loading it: every article comes out the same (sentences, search text, claims)."""
    from conftest import ROOT

    from alsingest.pipeline import Toolkit, process_article
    from alsingest.readers import read_article

    looked_up = Toolkit.build(options, lookup=True)
    folders = [SEEDS, *(ROOT / "tests" / f for f in ("dev", "holdout", "blind"))]
    paths = [
        p for folder in folders for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")
    ]
    paths += sorted((ROOT / "tests" / "real").glob("*/*.txt"))[:40]
    assert len(paths) >= 60
    for path in paths:
        source = read_article(path, options.max_bytes)
        assert process_article(source, looked_up) == process_article(source, toolkit), path
    assert "_dictionary" not in vars(looked_up.segmenter), "the dictionary was not loaded"
    assert looked_up.word_frequency.get("患者") == toolkit.segmenter.frequency["患者"]
    assert looked_up.word_frequency.get("不是一个词吧") is None and looked_up.word_frequency


def test_the_ingest_flow_looks_words_up_for_a_few_short_articles_only(
    prefect_harness, tmp_path, monkeypatch
):
    import flows.ingest

    built = []
    toolkit_for = flows.ingest.toolkit_for.__wrapped__
    monkeypatch.setattr(
        flows.ingest,
        "toolkit_for",
        lambda c, *, lookup=False: built.append(lookup) or toolkit_for(c, lookup=lookup),
    )
    one = sorted(SEEDS.glob("*.txt"))[0]
    flows.ingest.ingest([str(one)], db=str(tmp_path / "c.db"), config=None)
    config = tmp_path / "one.toml"
    config.write_text("[ingest]\nworkers = 1\n", encoding="utf-8")
    flows.ingest.ingest([str(SEEDS)], db=str(tmp_path / "d.db"), config=str(config))
    assert built == [True, False]


def test_a_first_verify_writes_its_verdicts_into_the_pages_of_the_log_it_empties(
    seeded_db, tmp_path, toolkit
):
    """A fresh corpus logs every claim for verification; the first verify empties the log in
    the transaction that writes the verdicts, so they take its pages and none is left free
    (the file does not grow by the log's size)."""
    from conftest import copy_corpus

    from alsingest.pipeline import verify_corpus

    db = copy_corpus(seeded_db, tmp_path / "c.db")
    assert len(store.claims_to_verify(db)) == queries.counted_claims(db) > 50
    verify_corpus(db, toolkit)
    assert store.claims_to_verify(db) == []
    assert db["verifications"].count == queries.counted_claims(db)
    assert db.execute("pragma freelist_count").fetchone()[0] == 0
