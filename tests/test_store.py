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
