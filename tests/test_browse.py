"""Datasette metadata for `alsingest browse`, built without starting Datasette."""

import json

import pytest
from click.testing import CliRunner

from alsingest import browse
from alsingest.cli import cli


def test_metadata_describes_the_tables_and_their_facets(seeded_db):
    data = browse.metadata(seeded_db, "corpus")
    tables = data["databases"]["corpus"]["tables"]
    assert {"articles", "sentences", "claims", "documents", "review_decisions"} <= set(tables)
    assert tables["claims"]["facets"][:3] == ["therapy", "type", "status"]
    assert tables["claims"]["label_column"] == "claim_id"
    assert tables["claim_texts"]["facets"] == ["therapy", "type", "status"]
    assert "stable" in tables["claims"]["description"]
    assert tables["documents"]["facets"][0] == "status"
    assert tables["review_decisions"]["facets"][0] == "decision"
    assert tables["_sqlite_migrations"] == {"hidden": True}
    assert all(t["description"] for name, t in tables.items() if name != "_sqlite_migrations")


def test_metadata_only_lists_tables_and_facets_the_corpus_has():
    from sqlite_utils import Database

    db = Database(memory=True)
    db["documents"].create({"id": str, "url": str, "http_status": int})
    tables = browse.metadata(db, "x")["databases"]["x"]["tables"]
    assert list(tables) == ["documents"]
    assert tables["documents"]["facets"] == ["http_status"]


def test_write_metadata_names_the_database_after_the_file(seeded_db, tmp_path):
    out = browse.write_metadata(seeded_db, tmp_path / "my corpus.db", tmp_path / "meta.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data["databases"]) == ["my corpus"]


def test_the_datasette_command_line():
    command = browse.serve_command(["datasette"], "a.db", "m.json", 8001, open_browser=True)
    assert command == [
        "datasette",
        "serve",
        "a.db",
        "--metadata",
        "m.json",
        "--plugins-dir",
        str(browse.PLUGINS),
        "--host",
        "127.0.0.1",
        "--port",
        "8001",
        "--open",
    ]


def test_browse_writes_the_metadata_then_runs_datasette(monkeypatch, seeded_db, tmp_path):
    import sys

    from conftest import copy_corpus

    corpus = tmp_path / "corpus.db"
    copy_corpus(seeded_db, corpus).close()
    record = tmp_path / "argv.json"
    fake = f"import json, sys; open({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))"
    monkeypatch.setattr(browse, "datasette_command", lambda: [sys.executable, "-c", fake])
    meta = tmp_path / "meta.json"
    result = CliRunner().invoke(
        cli, ["browse", "--db", str(corpus), "--metadata", str(meta), "--port", "8123"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(record.read_text())[:4] == ["serve", str(corpus), "--metadata", str(meta)]
    assert "claims" in json.loads(meta.read_text())["databases"]["corpus"]["tables"]


def test_browse_without_datasette_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(browse, "datasette_command", lambda: None)
    result = CliRunner().invoke(cli, ["browse", "--db", str(tmp_path / "any.db")])
    assert result.exit_code == 1
    assert browse.INSTALL_COMMAND in result.output


def test_the_install_hint_is_the_readme_s():
    from conftest import ROOT

    assert f"`{browse.INSTALL_COMMAND}`" in (ROOT / "README.md").read_text(encoding="utf-8")


FAKE_DATASETTE = """
import os, sys, time
open(os.environ["FAKE_DATASETTE_PID"], "w").write(str(os.getpid()))
time.sleep(60)
"""


# How browse ends: SIGTERM (a supervisor), Ctrl+C (SIGINT), the terminal closed (SIGHUP),
# kill -9. The exit status each gives; None: killed, nothing of ours runs.
ENDINGS = {"SIGTERM": 128 + 15, "SIGINT": 130, "SIGHUP": 128 + 1, "SIGKILL": None}


@pytest.mark.parametrize("ending", ENDINGS)
def test_however_browse_ends_datasette_stops_and_the_temporary_metadata_goes(tmp_path, ending):
    import os
    import signal
    import subprocess
    import sys
    import time

    from alsingest import store

    fake = tmp_path / "fake" / "datasette"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text(FAKE_DATASETTE)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    store.open_db(tmp_path / "c.db").close()
    pid_file = tmp_path / "datasette.pid"
    env = {
        **os.environ,
        "PYTHONPATH": str(fake.parent),
        "TMPDIR": str(temporary),
        "FAKE_DATASETTE_PID": str(pid_file),
    }
    browsing = subprocess.Popen(
        [sys.executable, "-c", "from alsingest.cli import cli; cli()", "browse"]
        + ["--db", str(tmp_path / "c.db")],
        env=env,
        stderr=subprocess.PIPE,
        # A test run started in the background (`pytest &`) ignores SIGINT, and so would browse:
        # it gets the default Ctrl+C a terminal gives.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 30
    while not pid_file.exists() or not pid_file.read_text():
        assert browsing.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    datasette = int(pid_file.read_text())
    # Only browse's own folder: the segmenter may leave jieba's cache there too.
    assert len(list(temporary.glob("alsingest-browse-*"))) == 1
    signum = getattr(signal, ending)
    browsing.send_signal(signum)
    status = browsing.wait(timeout=20)
    assert status == (ENDINGS[ending] if ENDINGS[ending] is not None else -signum)
    deadline = time.monotonic() + 10
    while _alive(datasette) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(datasette), "Datasette left serving"
    if signum != signal.SIGKILL:  # a killed process removes nothing
        assert not list(temporary.glob("alsingest-browse-*")), "temporary metadata left behind"


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by init) is not serving
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def browsed(seeded_db, tmp_path_factory):
    """A copy of the seeded corpus as `alsingest browse` leaves it (search terms completed,
    metadata written; Datasette itself faked), and that metadata."""
    import sys

    from conftest import copy_corpus

    folder = tmp_path_factory.mktemp("browsed")
    corpus = folder / "corpus.db"
    copy_corpus(seeded_db, corpus).close()
    meta = folder / "meta.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(browse, "datasette_command", lambda: [sys.executable, "-c", "pass"])
        result = CliRunner().invoke(cli, ["browse", "--db", str(corpus), "--metadata", str(meta)])
    assert result.exit_code == 0, result.output
    return corpus, json.loads(meta.read_text(encoding="utf-8"))


def datasette_search(corpus, metadata: dict, table: str, query: str) -> set[int]:
    """The ids of the sentences Datasette's search box on ``table`` finds for ``query``, with
    the plugins `alsingest browse` loads."""
    import asyncio

    from datasette.app import Datasette

    datasette = Datasette([str(corpus)], metadata=metadata, plugins_dir=str(browse.PLUGINS))
    params = {"_search": query, "_shape": "objects", "_size": "max"}
    response = asyncio.run(datasette.client.get(f"/{corpus.stem}/{table}.json", params=params))
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["next"] is None, "one page holds them all"
    return {row["id"] for row in data["rows"]}


def search_ids(corpus, toolkit, query: str) -> set[int]:
    """The ids of the sentences `alsingest search QUERY --all` lists."""
    from alsingest import queries, store

    db = store.open_db(corpus)
    rows, total = queries.search_page(
        db, query, toolkit.segmenter, toolkit.converter, limit=None, lexicon=toolkit.lexicon
    )
    current = {
        (article, idx): sentence
        for article, idx, sentence in db.execute(
            "select a.name, s.idx, s.id from sentences s "
            "join articles a on a.current_version = s.version_id"
        )
    }
    db.close()
    assert len(rows) == total
    return {current[row["article"], row["sentence"]] for row in rows}


# An alias (its therapy's sentences name it 托夫生注射液, Tofersen …), a traditional alias, a
# traditional form, part of a word.
@pytest.mark.parametrize("query", ["托夫生", "依達拉奉", "漸凍症", "渐冻"])
@pytest.mark.parametrize("table", ["sentences", "sentence_texts"])
def test_browse_s_search_box_finds_what_alsingest_search_finds(browsed, toolkit, table, query):
    corpus, metadata = browsed
    expected = search_ids(corpus, toolkit, query)
    assert expected, query
    assert datasette_search(corpus, metadata, table, query) == expected


def test_without_browse_s_lexicon_datasette_finds_only_the_alias_typed(browsed, toolkit):
    """What the plugin adds: Datasette's own escaping misses the therapy's other names."""
    corpus, metadata = browsed
    assert metadata["plugins"]["alsingest"]["lexicon"].endswith(".json")
    own = {key: value for key, value in metadata.items() if key != "plugins"}
    typed = datasette_search(corpus, own, "sentences", "托夫生")
    assert typed and typed < search_ids(corpus, toolkit, "托夫生")


def test_browse_s_search_page_keeps_the_query_as_typed(browsed, toolkit):
    import asyncio

    from datasette.app import Datasette

    corpus, metadata = browsed
    datasette = Datasette([str(corpus)], metadata=metadata, plugins_dir=str(browse.PLUGINS))
    response = asyncio.run(
        datasette.client.get(f"/{corpus.stem}/sentence_texts", params={"_search": "托夫生"})
    )
    page = response.text
    n = len(search_ids(corpus, toolkit, "托夫生"))
    assert f"{n} rows\n" in page and "search matches &#34;托夫生&#34;" in page
    assert 'value="托夫生"' in page
