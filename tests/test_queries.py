"""The read side: names resolved from what people type, and counts of current versions."""

import pytest
from conftest import SEEDS

from alsingest import queries, store
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
