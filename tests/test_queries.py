"""The read side: names resolved from what people type, and counts of current versions."""

import json

import pytest
from conftest import SEEDS

from alsingest import queries, store
from alsingest.normalize import Converter
from alsingest.pipeline import ingest_files


def test_totals_count_current_versions_as_claims_lists_them(tmp_path, toolkit):
    article = tmp_path / "a.txt"
    article.write_text((SEEDS / "000_10f194e9a782d43d.txt").read_text(encoding="utf-8"))
    db = store.open_db(tmp_path / "corpus.db")
    assert ingest_files(db, [article], toolkit).ok
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("托夫生", "托夫生注射液", 1), encoding="utf-8")
    assert ingest_files(db, [article], toolkit).changed == ["a.txt"]
    totals = queries.current_totals(db)
    listed = list(queries.export_claims(db))
    assert totals["claims"] == len(listed) < db["claims"].count, "the old version is kept apart"
    assert totals["articles"] == 1
    assert totals["sentences"] == len(list(queries.export_sentences(db)))


def test_an_article_is_found_by_a_unique_start_or_end_of_its_name(seeded_db):
    name = "002_52964ac19b306853.txt"
    for given in (name, "002_52964ac1", "002", "52964ac19b306853.txt", "853.txt"):
        assert queries.resolve_article(seeded_db, given) == name


def test_an_unknown_article_names_the_nearest(seeded_db):
    with pytest.raises(queries.UnknownName) as unknown:
        queries.resolve_article(seeded_db, "002_52964ac2")
    assert "002_52964ac19b306853.txt" in unknown.value.nearest
    with pytest.raises(queries.UnknownName, match="5 articles match"):
        queries.resolve_article(seeded_db, ".txt")


def test_a_therapy_is_found_by_any_alias_or_a_claimed_name(seeded_db, lexicon):
    assert queries.resolve_therapy(seeded_db, "托夫生", lexicon) == "tofersen"
    assert queries.resolve_therapy(seeded_db, "TOFERSEN", lexicon) == "tofersen"
    with pytest.raises(queries.UnknownName) as unknown:
        queries.resolve_therapy(seeded_db, "tofersin", lexicon)
    assert "tofersen" in unknown.value.nearest


ALIASES = "\n\n".join(
    [
        "托夫生注射液已在中国上市。",
        "Qalsody was approved by the FDA in 2023.",
        "托夫生是一种反义寡核苷酸药物，用于渐冻症。",
        "利鲁唑是一种老药。",
    ]
)


@pytest.fixture
def alias_corpus(tmp_path, toolkit):
    (tmp_path / "a.txt").write_text(ALIASES, encoding="utf-8")
    db = store.open_db(tmp_path / "corpus.db")
    assert ingest_files(db, [tmp_path / "a.txt"], toolkit).ok
    yield db
    db.close()


@pytest.mark.parametrize("query", ["托夫生", "Qalsody", "TOFERSEN", "托夫生注射液"])
def test_any_alias_finds_every_sentence_naming_the_therapy_and_highlights_it(
    alias_corpus, toolkit, query
):
    rows = queries.search(
        alias_corpus, query, toolkit.segmenter, toolkit.converter, lexicon=toolkit.lexicon
    )
    assert [r["sentence"] for r in rows] == [0, 1, 2]
    spans = {r["sentence"]: [r["text"][s:e] for s, e in r["matches"]] for r in rows}
    assert spans == {0: ["托夫生注射液"], 1: ["Qalsody"], 2: ["托夫生"]}


def test_a_plain_query_highlights_what_it_matched_in_either_script(alias_corpus, toolkit):
    (row,) = queries.search(alias_corpus, "漸凍症", toolkit.segmenter, toolkit.converter)
    assert row["text"][slice(*row["matches"][0])] == "渐冻症"


def datasette_match(query: str) -> str:
    """What Datasette's search box sends to FTS5 (its default escape_fts): each
    whitespace-separated word as a quoted phrase."""
    return " ".join(f'"{word}"' for word in query.split())


def complete(db, toolkit) -> int:
    """What `alsingest browse` does before Datasette starts."""
    from alsingest.pipeline import search_texts

    return store.complete_search_terms(
        db,
        Converter().to_traditional_characters,
        lambda simplified, spans: search_texts(simplified, spans, toolkit.segmenter),
    )


@pytest.mark.parametrize("query", ["渐冻症", "漸凍症", "渐冻", "托夫生", "tofersen", "注射液"])
def test_datasette_s_search_box_finds_either_script_and_word_parts(alias_corpus, toolkit, query):
    complete(alias_corpus, toolkit)  # browse
    found = alias_corpus.execute(
        "select count(*) from sentences_fts where sentences_fts match ?", [datasette_match(query)]
    ).fetchone()[0]
    assert found >= 1, query


def test_ingest_indexes_therapy_ids_and_browse_adds_forms_and_parts(alias_corpus, toolkit):
    """Ingest pays only for what `alsingest search` needs; `browse` adds the rest, once."""
    before = [r[0] for r in alias_corpus.execute("select terms from sentences order by rowid")]
    ids = [r[0] for r in alias_corpus.execute("select id from sentences order by id")]
    assert all(t.isascii() for t in " ".join(before).split()), before
    assert "tofersen" in before[0]
    assert complete(alias_corpus, toolkit) == len(before)
    after = [r[0] for r in alias_corpus.execute("select terms from sentences order by rowid")]
    assert "tofersen" in after[0] and any(not t.isascii() for t in " ".join(after).split())
    assert [r[0] for r in alias_corpus.execute("select id from sentences order by id")] == ids
    assert complete(alias_corpus, toolkit) == 0  # idempotent
    matched, joined = alias_corpus.execute(
        "select count(*), count(s.id) from sentences_fts f left join sentences s "
        "on s.id = f.rowid where sentences_fts match 'tofersen'"
    ).fetchone()
    assert matched == joined == 3, "each index row rewritten in place, none left behind"


def test_browse_indexes_afresh_a_version_segmented_otherwise(alias_corpus, toolkit):
    """When the words segmented now are not those indexed (another lexicon since), the
    version's sentences are indexed again under new ids; the old rows match nothing."""
    from alsingest.pipeline import search_texts

    ids = [r[0] for r in alias_corpus.execute("select id from sentences order by id")]
    n = store.complete_search_terms(
        alias_corpus,
        Converter().to_traditional_characters,
        lambda simplified, spans: [
            t + " 新词" for t in search_texts(simplified, spans, toolkit.segmenter)
        ],
    )
    assert n == len(ids)
    new_ids = [r[0] for r in alias_corpus.execute("select id from sentences order by id")]
    assert min(new_ids) > max(ids) and len(new_ids) == len(ids)
    assert alias_corpus.execute(
        "select first_sentence, n_sentences from article_versions"
    ).fetchall() == [(min(new_ids), len(ids))]
    found = alias_corpus.execute(
        "select count(*) from sentences_fts f join sentences s on s.id = f.rowid "
        "where sentences_fts match '新词'"
    ).fetchone()[0]
    assert found == len(ids)
    assert store.change_stamp(alias_corpus, "index_orphans") == f"index_orphans:{len(ids)}"
    rows = queries.search(
        alias_corpus, "托夫生", toolkit.segmenter, toolkit.converter, lexicon=toolkit.lexicon
    )
    assert [r["sentence"] for r in rows] == [0, 1, 2], "the old rows find nothing twice"


def test_an_old_corpus_is_migrated_to_the_new_index_with_its_decisions(tmp_path, toolkit):
    """A corpus from before m009 (FTS over tokens only, no terms column) keeps working."""
    from alsingest import review

    (tmp_path / "a.txt").write_text(ALIASES, encoding="utf-8")
    path = tmp_path / "old.db"
    db = store.open_db(path)
    assert ingest_files(db, [tmp_path / "a.txt"], toolkit).ok
    claim = next(iter(queries.export_claims(db)))
    review.decide(db, claim, "accept", note="checked")
    # Back to the schema before m009 (and so before m021).
    from conftest import before_lean_corpus

    before_lean_corpus(db, toolkit.segmenter)
    db["sentences"].disable_fts()
    db["sentences"].transform(drop={"terms"})
    db["sentences"].enable_fts(
        ["tokens"], fts_version="FTS5", create_triggers=True, tokenize="unicode61"
    )
    db.execute("delete from _sqlite_migrations where name = 'm009_search_terms'")
    db.conn.commit()
    db.close()

    db = store.open_db(path)
    assert "terms" in db["sentences"].columns_dict and "tokens" not in db["sentences"].columns_dict
    assert [d["note"] for d in store.read_decisions(db)] == ["checked"]
    found = db.execute(
        "select count(*) from sentences_fts where sentences_fts match ?", ['"漸凍症"']
    ).fetchone()[0]
    assert found == 1, "traditional forms indexed for the stored sentences"
    rows = queries.search(
        db, "托夫生", toolkit.segmenter, toolkit.converter, lexicon=toolkit.lexicon
    )
    assert {r["sentence"] for r in rows} >= {0, 2}, "aliases still found before a refresh"
    db.close()


def test_contradictions_are_paged_with_the_quotes_of_their_claims(seeded_db, tmp_path):
    from conftest import copy_corpus

    db = copy_corpus(seeded_db, tmp_path / "c.db")
    claims = list(db.query("select claim_id from claims order by claim_id limit 6"))
    ids = [row["claim_id"] for row in claims]
    store.write_conflicts(
        db,
        [
            {"id": f"k{n}", "kind": "date", "therapy": f"t{n}", "detail": f"d{n}",
             "claim_ids": f'["{ids[n]}", "{ids[n + 3]}"]'}
            for n in range(3)
        ],
    )  # fmt: skip
    rows, total = queries.contradictions_page(db, limit=2, offset=1)
    assert total == 3
    assert [row["id"] for row in rows] == ["k1", "k2"]
    assert [c["claim_id"] for c in rows[0]["claims"]] == [ids[1], ids[4]]
    assert (
        rows[0]["claims"][0]["quote"]
        == db.execute("select quote from claim_texts where claim_id = ?", [ids[1]]).fetchone()[0]
    )
    assert queries.contradictions_with_claims(db)[1:] == rows
    (one,), _ = queries.contradictions_page(db, limit=1, offset=1, claims_shown=1)
    assert [c["claim_id"] for c in one["claims"]] == [ids[1]] and one["claim_count"] == 2


def test_facts_from_the_kept_counts_are_those_assembled_from_every_claim(
    seeded_db, tmp_path, monkeypatch
):
    from conftest import copy_corpus

    from alsingest.assemble import assemble, fact_row

    db = copy_corpus(seeded_db, tmp_path / "c.db")
    every = [fact_row(f) for f in assemble(queries.export_claims(db))]
    rows, total = queries.facts_page(db, limit=None)
    assert rows == every and total == len(every) > 20
    assert queries.facts_page(db, limit=4, offset=total - 2) == (every[-2:], total)
    counts = queries.fact_counts(db)
    assert sum(counts.values()) == total and counts["tofersen"] == sum(
        row["therapy"] == "tofersen" for row in every
    )
    table, _ = queries.facts_page(db, limit=None, full=False)
    # An article's older version: its claims are on the claims' index, in no fact.
    vid = db.execute("select current_version from articles order by name limit 1").fetchone()[0]
    db.execute(
        "insert into article_versions (id, article_id, version, script, text) "
        "select 'old', article_id, version + 1, script, text from article_versions where id = ?",
        [vid],
    )
    columns = [c for c in db["claims"].columns_dict if c not in ("id", "version_id")]
    listed = ", ".join(f"[{c}]" for c in columns)
    db.execute(
        f"insert into claims (id, version_id, {listed}) select 'old-' || id, 'old', {listed} "
        "from claims where version_id = ?",
        [vid],
    )
    assert queries.noncurrent_versions(db) == ["old"]
    # A version whose article went (by hand) is no current one either.
    db.conn.commit()
    db.execute("pragma foreign_keys = off")
    db.execute(
        "insert into article_versions (id, article_id, version, script, text) "
        "values ('gone', 'nobody', 1, 'simplified', '')"
    )
    db.execute("pragma foreign_keys = on")
    assert sorted(queries.noncurrent_versions(db)) == ["gone", "old"]
    assert queries.facts_page(db, limit=None, full=False)[0] == table
    monkeypatch.setattr(queries, "FIRST_ARTICLES_SCAN", 0)  # sort each fact's articles
    assert queries.facts_page(db, limit=None, full=False)[0] == table
    for full, light in zip(every, table, strict=True):
        assert light["mentions"] == len(full["claim_ids"])
        assert light["article_count"] == len(full["articles"])
        assert light["articles"] == full["articles"][:5]
        assert {k: v for k, v in light.items() if k in full and k != "articles"} == {
            k: v for k, v in full.items() if k not in ("articles", "claim_ids")
        }
    lonely = every[0]
    db.execute("delete from claims where claim_id in (select value from json_each(?))",
               [json.dumps(lonely["claim_ids"])])  # fmt: skip
    rows, total = queries.facts_page(db, limit=None)
    assert total == len(every) - 1 and lonely not in rows


def test_claim_values_are_the_snapshot_fields_of_export_claims(seeded_db):
    from alsingest.review import SNAPSHOT_FIELDS

    exported = list(queries.export_claims(seeded_db))
    values = list(queries.claim_values(seeded_db))
    assert len(values) == len(exported) > 50
    for full, light in zip(exported, values, strict=True):
        for key in ("article", "claim_id", *SNAPSHOT_FIELDS):
            assert light[key] == full[key], key


def test_a_substring_is_found_in_the_sentences_cut_from_their_article(seeded_db):
    needle = "冻症"
    every = [
        (s["article"], s["index"])
        for s in queries.export_sentences(seeded_db)
        if needle in s["text_simplified"]
    ]
    rows, total = queries.substring_page(seeded_db, needle, -1, 0)
    assert [(r["article"], r["sentence"]) for r in rows] == every and total == len(every) > 5
    assert not getattr(total, "more", False)
    # A page stops the reading once one more sentence holds it: more than the page's end.
    page, more = queries.substring_page(seeded_db, needle, 2, 3)
    assert page == rows[3:5] and more == 5 and more.more
    # The last page, and one past it, are counted.
    assert queries.substring_page(seeded_db, needle, 2, total - 2) == (rows[-2:], total)
    last, counted = queries.substring_page(seeded_db, needle, 2, total - 1)
    assert last == rows[-1:] and counted == total and not getattr(counted, "more", False)
    assert all(needle in r["text_simplified"] for r in rows)


def test_timeline_groups_count_the_undecided_dated_claims_of_a_therapy(seeded_db, tmp_path):
    from conftest import copy_corpus

    from alsingest import review

    db = copy_corpus(seeded_db, tmp_path / "c.db")
    claims = [c for c in queries.export_claims(db) if c["therapy"] == "tofersen"]
    decided = claims[0]
    review.decide(db, decided, "reject")
    undecided = [c for c in claims if c["claim_id"] != decided["claim_id"]]
    groups, undated = queries.timeline_groups(db, "tofersen", [decided])
    expected: dict = {}
    for claim in undecided:
        if claim["date"]:
            group = expected.setdefault((claim["type"], claim["date"]), [])
            group.append(claim)
    assert undated == sum(1 for c in undecided if not c["date"])
    assert {(g["type"], g["date"]): g["count"] for g in groups} == {
        key: len(members) for key, members in expected.items()
    }
    for group in groups:
        members = expected[(group["type"], group["date"])]
        assert group["verdicts"] == {c["verdict"] or "unverified" for c in members}
        assert set(group["sample"]) <= {(c["article"], c["quote"]) for c in members}
        assert len(group["sample"]) == min(5, len(members))
        if group["count"] == 1:
            assert group["claim_id"] == members[0]["claim_id"]


def test_a_substring_of_a_traditional_text_is_found_in_its_simplified_form(toolkit, tmp_path):

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "tw.txt").write_text("漸凍症患者在臺灣參加託夫生的臨床試驗。", encoding="utf-8")
    (folder / "cn.txt").write_text("渐冻症患者参加托夫生的临床试验。", encoding="utf-8")
    (folder / "other.txt").write_text("漸凍人協會的志工。", encoding="utf-8")
    db = store.open_db(tmp_path / "c.db")
    assert ingest_files(db, [folder], toolkit).ok
    for needle in ("冻症患", "托夫", "症患者在台"):
        rows, total = queries.substring_page(db, needle, -1, 0)
        expected = {"tw.txt", "cn.txt"} if needle != "症患者在台" else {"tw.txt"}
        assert {r["article"] for r in rows} == expected and total == len(expected), needle
