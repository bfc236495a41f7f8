"""The command line: help everywhere, documented in the README, working on the seeds."""

import json
import logging
import re

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

from alsingest.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", commands())
def test_every_command_has_help_and_a_readme_entry(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and "--db" in result.output and "--config" in result.output
    assert f"alsingest {name}" in README, f"README does not show `alsingest {name}`"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, toolkit):
    from alsingest import store
    from alsingest.pipeline import ingest_files

    path = tmp_path_factory.mktemp("cli") / "corpus.db"
    db = store.open_db(path)
    ingest_files(db, [SEEDS], toolkit)
    db.close()
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, [*args], catch_exceptions=False)


def test_articles_lists_one_line_per_article(corpus):
    result = run("articles", "--db", corpus)
    assert result.exit_code == 0
    assert sum(1 for line in result.output.splitlines() if re.search(r"\b00[0-4]_", line)) == 5


@pytest.mark.parametrize("query", ["托夫生", "漸凍症", "渐冻症"])
def test_search_finds_sentences_in_both_scripts(corpus, query):
    result = run("search", query, "--db", corpus, "--limit", "500")
    assert result.exit_code == 0
    articles = set(re.findall(r"(00[0-4])_\w+\.txt", result.output))
    if query == "托夫生":
        assert {"000"} <= articles
    else:
        assert {"000", "001", "002"} <= articles, (
            "simplified (000) and traditional (001, 002) articles"
        )


def test_search_with_no_match_says_so(corpus):
    result = run("search", "完全不存在的词语组合", "--db", corpus)
    assert result.exit_code == 1


def test_export_sentences_quotes_the_original_exactly(corpus, tmp_path):
    out = tmp_path / "sentences.jsonl"
    result = run("export", "sentences", "--db", corpus, "-o", str(out))
    assert result.exit_code == 0
    originals = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {"article", "index", "start", "end", "text", "text_simplified", "markers"} <= set(
        rows[0]
    )
    assert all(originals[r["article"]][r["start"] : r["end"]] == r["text"] for r in rows)
    assert any(r["markers"] == [1] for r in rows)


def test_export_references_as_csv(corpus):
    result = run("export", "references", "--db", corpus, "--format", "csv")
    lines = result.output.splitlines()
    assert lines[0].startswith("article,n,kind,url,url_normalized,doi,title")
    assert sum(1 for line in lines if line.startswith("000_")) == 6
    assert sum(1 for line in lines if line.startswith("001_")) == 7


def test_commands_on_a_missing_corpus_fail_with_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["articles", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no corpus here yet" in result.output


def test_bad_config_fails_with_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[corpus\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["articles", "--config", str(bad)])
    assert result.exit_code == 1
    assert "not valid TOML" in result.output


@pytest.mark.slow
def test_ingest_runs_the_prefect_flow_and_reports_bad_files(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SEEDS.glob("00[01]_*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "corpus.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "2 new, 0 changed, 0 unchanged, 1 failed" in result.output
    assert f"{folder / 'empty.txt'}: file is empty" in result.output
    again = CliRunner().invoke(
        cli, ["ingest", str(folder / "000_10f194e9a782d43d.txt"), "--db", str(db)]
    )
    assert again.exit_code == 0
    assert "0 new, 0 changed, 1 unchanged, 0 failed" in again.output


# Fetching sources: references, attach, export documents, fetch.


def cite_in_new_corpus(tmp_path, toolkit, urls):
    """A corpus of one article, a.txt, whose reference list cites ``urls``."""
    from alsingest import store
    from alsingest.pipeline import ingest_files

    folder = tmp_path / "articles"
    folder.mkdir()
    entries = "\n".join(f"[{n}]{url}" for n, url in enumerate(urls, start=1))
    (folder / "a.txt").write_text(
        f"渐冻症研究进展\n\n托夫生是一种反义寡核苷酸药物[1]。\n\n参考资料:\n{entries}\n",
        encoding="utf-8",
    )
    path = tmp_path / "corpus.db"
    db = store.open_db(path)
    assert ingest_files(db, [folder], toolkit).ok
    db.close()
    return str(path)


def test_references_lists_each_reference_with_its_status(corpus):
    every = run("references", "--db", corpus)
    assert every.exit_code == 0
    assert sum(1 for line in every.output.splitlines() if re.match(r"\W*00[0-4]_", line)) == 25
    no_url = run("references", "--db", corpus, "--status", "no_url")
    lines = [line for line in no_url.output.splitlines() if re.match(r"\W*00[0-4]_", line)]
    assert len(lines) == 10 and all("no_url" in line for line in lines)
    assert "title only, no URL" in no_url.output


def test_export_references_gains_the_fetch_columns(corpus):
    result = run("export", "references", "--db", corpus)
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert list(rows[0])[-6:] == [
        "status",
        "http_status",
        "reason",
        "fetched_at",
        "document_hash",
        "document_versions",
    ]
    statuses = {row["status"] for row in rows if row["url"]}
    assert statuses == {"unfetched"}
    assert {row["status"] for row in rows if not row["url"]} == {"no_url"}


def test_attach_stores_a_saved_copy_and_export_documents_shows_it(tmp_path, toolkit):
    url = "https://mp.weixin.qq.com/s/kxPe7HvzQWM9-JADG9_VLA"
    db = cite_in_new_corpus(tmp_path, toolkit, [url])
    saved = tmp_path / "saved.html"
    saved.write_text(
        "<html><head><title>樊东升谈 ALSFRS-R</title></head><body><p>"
        + "ALSFRS-R 评分存在敏感性不足的问题。" * 5
        + "</p></body></html>",
        encoding="utf-8",
    )
    result = run("attach", url, str(saved), "--db", db)
    assert result.exit_code == 0
    assert "stored as version 1 of " + url in result.output.replace("\n", "")
    listing = run("references", "--db", db, "--status", "ok")
    assert "ok (attached)" in listing.output
    exported = run("export", "documents", "--db", db)
    [row] = [json.loads(line) for line in exported.output.splitlines()]
    assert (row["url"], row["source"], row["version"]) == (url, "attached", 1)
    assert row["title"] == "樊东升谈 ALSFRS-R" and "敏感性不足" in row["text"]


def test_attach_for_an_uncited_url_fails_with_one_line(tmp_path, toolkit):
    db = cite_in_new_corpus(tmp_path, toolkit, ["https://example.org/a"])
    saved = tmp_path / "saved.txt"
    saved.write_text("some text", encoding="utf-8")
    result = CliRunner().invoke(cli, ["attach", "https://example.org/b", str(saved), "--db", db])
    assert result.exit_code == 1
    assert "no reference in the corpus cites this URL" in result.output


def test_fetch_refuses_a_bad_duration_before_doing_anything(tmp_path):
    result = CliRunner().invoke(
        cli, ["fetch", "--stale-after", "soon", "--db", str(tmp_path / "none.db")]
    )
    assert result.exit_code == 2
    assert "not a duration" in result.output


def test_fetch_on_a_missing_corpus_fails_with_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["fetch", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no corpus here yet" in result.output


def test_fetch_with_a_bad_fetch_option_fails_with_one_line(corpus, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[fetch]\nper_host = 0\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["fetch", "--db", corpus, "--config", str(bad)])
    assert result.exit_code == 1
    assert "fetch.per_host = 0: must be a whole number, at least 1" in result.output


@pytest.mark.slow
def test_fetch_runs_the_prefect_flow_and_summarises_by_status(prefect_harness, tmp_path, toolkit):
    from http_server import LoopbackServer, Reply

    config = tmp_path / "loopback.toml"
    config.write_text(
        "[fetch]\nallow_private_hosts = true\nretries = 0\nconnect_timeout = 1.0\n"
        # An archive nobody answers at: the dead link's status says so, the run goes on.
        '[sources]\nwayback = "http://127.0.0.1:9/available?url={url}"\n',
        encoding="utf-8",
    )
    with LoopbackServer() as server:
        page = "<html><head><title>托夫生</title></head><body><p>托夫生获批。</p></body></html>"
        server.route("/ok", Reply(body=page.encode(), headers={"Content-Type": "text/html"}))
        server.route("/missing", Reply(404))
        db = cite_in_new_corpus(tmp_path, toolkit, [server.url("/ok"), server.url("/missing")])
        args = ["--db", db, "--config", str(config)]
        result = run("fetch", *args)
        again = run("fetch", "--stale-after", "1h", *args)
    assert result.exit_code == 0, result.output
    assert re.search(r"│ http_error\s*│ 1\s*│ 1\s*│", result.output)
    assert re.search(r"│ ok\s*│ 1\s*│ 1\s*│", result.output)
    assert "2 URLs fetched: 1 new document version, 0 unchanged, 1 failed" in result.output
    assert again.exit_code == 0
    assert "0 URLs fetched" in again.output and "skipped 2 fetched recently" in again.output
    assert server.hits("/ok") == 1
    missing = run("references", "--db", db, "--status", "http_error")
    assert "HTTP 404" in missing.output
    assert "Wayback Machine lookup failed" in " ".join(missing.output.split())


# The everyday interface (issue 15): whole values through pipes, formats, names, counts.


def test_piped_claims_keep_whole_quotes_and_ids(corpus):
    result = run("claims", "--all", "--db", corpus)
    assert result.exit_code == 0
    longest = max(
        (json.loads(line) for line in run("export", "claims", "--db", corpus).output.splitlines()),
        key=lambda c: len(c["quote"]),
    )
    assert len(longest["quote"]) > 80
    assert "…" not in result.output
    assert any(
        " ".join(longest["quote"].splitlines()).replace("\t", " ") in line
        and longest["claim_id"] in line
        for line in result.output.splitlines()
    )


LISTINGS = [
    ("articles",),
    ("claims",),
    ("facts",),
    ("references",),
    ("conflicts", "--all"),
    ("runs",),
    ("search", "托夫生"),
]


@pytest.mark.parametrize("command", LISTINGS, ids=lambda c: c[0])
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_listings_print_rows_for_programs(corpus, command, fmt):
    import csv
    import io

    result = CliRunner().invoke(
        cli, [*command, "--format", fmt, "--db", corpus], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        rows = json.loads(result.stdout)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in result.stdout.splitlines()]
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    if command[0] in ("conflicts", "runs"):
        assert rows == []
    else:
        assert rows and all(isinstance(row, dict) for row in rows)
    if command[0] == "claims":
        assert {"claim_id", "quote", "article"} <= set(rows[0])


LISTED = {  # the listing of queries.LISTING_COLUMNS each command prints
    "articles": ["articles"],
    "claims": ["claims", "--all"],
    "facts": ["facts", "--all"],
    "references": ["references", "--all"],
    "conflicts": ["conflicts", "--all"],
    "runs": ["runs"],
    "search": ["search", "托夫生", "--all"],
    "verify": ["verify", "--force"],
}


@pytest.fixture(scope="module")
def everything_listed(corpus, tmp_path_factory):
    """The seeds verified once (a contradiction) with one run recorded: every listing has rows."""
    import shutil

    from alsingest import store

    path = tmp_path_factory.mktemp("listed") / "corpus.db"
    shutil.copy(corpus, path)
    assert run("verify", "--db", str(path)).exit_code == 0
    db = store.open_db(path)
    store.write_run(db, {"id": "r1", "kind": "refresh", "started_at": "2025-01-01T00:00:00Z"})
    db.close()
    return str(path)


@pytest.mark.parametrize("listing", LISTED)
def test_each_listings_columns_are_those_of_its_rows(everything_listed, listing):
    from alsingest.queries import LISTING_COLUMNS

    result = run(*LISTED[listing], "--format", "json", "--db", everything_listed)
    rows = json.loads(result.stdout)
    assert rows, listing
    assert {tuple(row) for row in rows} == {LISTING_COLUMNS[listing]}


@pytest.mark.parametrize("listing", LISTED)
def test_a_csv_listing_of_nothing_has_its_header_row(tmp_path, listing):
    from alsingest import store
    from alsingest.queries import LISTING_COLUMNS

    empty = tmp_path / "empty.db"
    store.open_db(empty).close()
    result = run(*LISTED[listing], "--format", "csv", "--db", str(empty))
    assert result.exit_code == (1 if listing == "search" else 0), result.output  # as grep
    assert result.stdout.splitlines() == [",".join(LISTING_COLUMNS[listing])]


def test_search_on_a_terminal_highlights_every_alias_it_matched(corpus, monkeypatch):
    import io
    import re

    from alsingest import cli as cli_module
    from alsingest.output import PipeConsole

    screen = io.StringIO()
    terminal = PipeConsole(
        file=screen, force_terminal=True, color_system="standard", width=400, markup=False
    )
    monkeypatch.setattr(cli_module, "console", terminal)
    result = run("search", "托夫生", "--db", corpus)
    assert result.exit_code == 0
    highlighted = set(re.findall(r"\x1b\[1;7m(.*?)\x1b\[0m", screen.getvalue()))
    assert {"托夫生注射液", "托夫生", "Tofersen"} <= highlighted


def test_verify_prints_rows_for_programs_and_says_when_it_has_nothing_to_do(corpus, tmp_path):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(corpus, db)
    first = CliRunner().invoke(cli, ["verify", "--format", "json", "--db", str(db)])
    assert first.exit_code == 0
    rows = json.loads(first.stdout)
    assert rows and {"verdict", "claims"} == set(rows[0])
    again = run("verify", "--db", str(db))
    assert again.exit_code == 0
    assert "nothing to verify" in again.output and "--force" in again.output
    assert "┃" not in again.output, "no empty table"


def test_export_to_dash_writes_standard_output(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", "sentences", "--db", corpus, "-o", "-")
    assert result.exit_code == 0
    assert json.loads(result.output.splitlines()[0])["article"].startswith("00")
    assert not (tmp_path / "-").exists()


def test_csv_export_has_a_header_row_with_no_rows_and_a_bom_for_excel(corpus):
    empty = run("export", "documents", "--format", "csv", "--db", corpus)
    assert empty.exit_code == 0
    assert empty.output.splitlines() == [
        "url,final_url,version,source,content_type,title,published,hash,text,fetched_at,"
        "http_status,encoding,current"
    ]
    excel = run("export", "claims", "--format", "csv", "--excel", "--db", corpus)
    assert excel.output.startswith("\ufeffarticle,quote,therapy")
    assert run("export", "claims", "--excel", "--db", corpus).exit_code == 2


def test_export_columns_are_those_of_the_rows(corpus):
    from alsingest import queries, store

    db = store.open_db(corpus)
    exports = {
        "references": queries.export_references,
        "sentences": queries.export_sentences,
        "claims": queries.export_claims,
    }
    for what, export_rows in exports.items():
        assert tuple(next(iter(export_rows(db)))) == queries.EXPORT_COLUMNS[what]


@pytest.mark.parametrize(
    "given", ["002_52964ac1", "52964ac19b306853.txt", "002_52964ac19b306853.txt"]
)
def test_article_takes_any_unique_start_or_end_of_its_name(corpus, given):
    result = CliRunner().invoke(
        cli, ["claims", "--article", given, "--format", "json", "--db", corpus]
    )
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and {r["article"] for r in rows} == {"002_52964ac19b306853.txt"}


def test_an_unknown_or_ambiguous_article_says_so_with_the_nearest_names(corpus):
    unknown = run("claims", "--article", "002_5296xxxx", "--db", corpus)
    assert unknown.exit_code == 1
    assert "002_5296xxxx" in unknown.output and "002_52964ac19b306853.txt" in unknown.output
    ambiguous = run("claims", "--article", "00", "--db", corpus)
    assert ambiguous.exit_code == 1 and "5 articles match" in ambiguous.output


def test_an_unknown_therapy_says_so_with_the_nearest_names(corpus):
    unknown = run("claims", "--therapy", "tofersin", "--db", corpus)
    assert unknown.exit_code == 1
    assert "tofersin" in unknown.output and "tofersen" in unknown.output
    facts = run("facts", "--therapy", "tofersin", "--db", corpus)
    assert facts.exit_code == 1 and "tofersen" in facts.output
    alias = run("claims", "--therapy", "托夫生", "--db", corpus)
    assert alias.exit_code == 0 and "tofersen" in alias.output


def no_prefect(monkeypatch) -> None:
    """Importing the flows or Prefect now fails: a command that gets past this refused its
    input before anything of Prefect started (what made `ingest /nonexistent` take 9.8 s)."""
    import sys

    monkeypatch.setitem(sys.modules, "flows", None)
    monkeypatch.setitem(sys.modules, "prefect", None)


def test_ingest_of_nothing_readable_fails_before_prefect_starts(tmp_path, monkeypatch):
    no_prefect(monkeypatch)
    result = run("ingest", str(tmp_path / "nonexistent"), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'nonexistent'}: no such file or folder" in result.output
    assert not (tmp_path / "c.db").exists()


def test_ingest_dash_reads_the_paths_from_standard_input(tmp_path, monkeypatch):
    no_prefect(monkeypatch)
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(
        cli, ["ingest", "-", "--db", str(tmp_path / "c.db")], input=f"{missing}\n\n"
    )
    assert result.exit_code == 1 and f"{missing}: no such file or folder" in result.output


@pytest.mark.parametrize("command", ["ingest", "articles", "claims", "export"])
def test_a_db_that_is_not_sqlite_fails_with_one_line(tmp_path, command, monkeypatch):
    no_prefect(monkeypatch)
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    args = {"ingest": ["ingest", str(SEEDS)], "export": ["export", "claims"]}.get(
        command, [command]
    )
    result = CliRunner().invoke(cli, [*args, "--db", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {bad}: not an SQLite database, so not a corpus"
    assert bad.read_text(encoding="utf-8") == "a,b\n1,2\n"


def test_the_ingest_summary_counts_current_versions():
    from alsingest.cli import ingest_summary

    summary = {"new": ["a"], "changed": [], "unchanged": [], "errors": []}
    totals = {
        "articles": 1,
        "sentences": 2,
        "article_references": 1,
        "citation_markers": 0,
        "claims": 1,
    }
    assert str(ingest_summary(summary, "c.db", totals)) == (
        "1 new, 0 changed, 0 unchanged, 0 failed — corpus c.db: 1 article; current versions: "
        "2 sentences, 1 reference, 0 citation markers, 1 claim"
    )


def test_references_show_urls_refused_by_robots_txt(tmp_path, toolkit):
    from dataclasses import replace

    from http_server import LoopbackServer, Reply
    from test_fetch import FAST

    from alsingest import store
    from alsingest.sources import fetch_references

    with LoopbackServer() as server:
        server.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /paper\n"))
        db_path = cite_in_new_corpus(tmp_path, toolkit, [server.url("/paper")])
        db = store.open_db(db_path)
        fetch_references(db, replace(FAST, respect_robots=True))
        db.close()
    listing = run("references", "--db", db_path, "--status", "robots")
    assert listing.exit_code == 0
    assert "robots" in listing.output and "robots.txt" in listing.output


def record(name: str, level: int) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, "message", None, None)


def test_prefect_is_quiet_by_default():
    from alsingest.cli import configure_logging

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    root.handlers = []
    try:
        quiet = configure_logging(verbose=False)
        shown = [
            quiet.level <= r.levelno and quiet.filter(r)
            for r in (
                record("prefect", logging.INFO),  # Starting temporary server …
                record("prefect.flow_runs", logging.INFO),  # Finished in state Completed()
                record("EventsWorker", logging.WARNING),  # Still processing items
                record("prefect.flow_runs", logging.ERROR),
                record("alsingest.readers", logging.WARNING),
            )
        ]
        assert shown == [False, False, False, True, True]
        root.handlers = []
        verbose = configure_logging(verbose=True)
        assert verbose.level == logging.INFO and verbose.filter(record("prefect", logging.INFO))
    finally:
        root.handlers, root.level = saved


@pytest.mark.slow
def test_ingest_prints_no_prefect_chatter_unless_verbose(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    seed = str(next(SEEDS.glob("000_*.txt")))
    command = [sys.executable, "-c", "from alsingest.cli import cli; cli()"]
    quiet = subprocess.run(
        [*command, "ingest", seed, "--db", str(tmp_path / "a.db")],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr.strip() == "", quiet.stderr
    assert "1 new" in quiet.stdout
    verbose = subprocess.run(
        [*command, "-v", "ingest", seed, "--db", str(tmp_path / "b.db")],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert "Finished in state Completed()" in verbose.stderr


def test_the_readme_says_what_the_tests_need_beyond_pip():
    import tomllib

    setup = README.split("## Usage")[0]
    assert "chromium" in setup and "chromedriver" in setup and "apt-get install" in setup
    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "-rs" in pytest_options["tool"]["pytest"]["ini_options"]["addopts"], "skips are named"


MARKUP_ARTICLE = (
    "托夫生[/i]于2023年4月获美国FDA加速批准上市，用于治疗SOD1突变的渐冻症患者[1]。\n\n"
    "参考文献\n\n[1] [/bold] [link=file:///etc/passwd]evil[/link] :warning: "
    "https://example.org/tofersen\n"
)


@pytest.fixture(scope="module")
def markup_corpus(tmp_path_factory, toolkit):
    from alsingest import store
    from alsingest.pipeline import ingest_files

    folder = tmp_path_factory.mktemp("markup")
    (folder / "[blink]x[bold].txt").write_text(MARKUP_ARTICLE, encoding="utf-8")
    path = folder / "corpus.db"
    db = store.open_db(path)
    assert ingest_files(db, [folder], toolkit).new == ["[blink]x[bold].txt"]
    db.close()
    return str(path)


@pytest.mark.parametrize(
    "command, shown",
    [
        (["claims"], ["托夫生[/i]于2023年4月", "[blink]x[bol"]),  # names cut at 12
        (["search", "托夫生"], ["托夫生[/i]于2023年4月", "[blink]x[bold].txt"]),
        (["articles"], ["[blink]x[bold].txt"]),
        (["references", "--status", "unfetched"], ["[blink]x[bo"]),
        (["export", "claims"], ["托夫生[/i]于2023年4月"]),
    ],
)
def test_article_text_and_file_names_are_printed_as_they_are_never_as_markup(
    markup_corpus, command, shown
):
    result = CliRunner(env={"COLUMNS": "400"}).invoke(
        cli, [*command, "--db", markup_corpus], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.output


def test_the_consoles_print_markup_and_emoji_codes_as_they_are():
    from alsingest.cli import console

    with console.capture() as captured:
        console.print("[link=file:///etc/passwd]evil[/link] [/bold] :warning:")
    assert captured.get() == "[link=file:///etc/passwd]evil[/link] [/bold] :warning:\n"


def test_errors_name_the_file_on_one_line_whatever_its_name(capsys):
    from alsingest.cli import print_error

    print_error("in/[bold]two\nlines.txt", "binary file, not text")
    err = capsys.readouterr().err
    assert err == "error: in/[bold]two\\nlines.txt: binary file, not text\n"


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", "x.txt"],
        ["articles"],
        ["claims"],
        ["search", "托夫生"],
        ["export", "claims"],
        ["references"],
        ["fetch"],
        ["refresh"],
        ["reingest", "x.txt"],
        ["review"],
        ["serve"],
        ["verify"],
    ],
)
def test_a_db_that_is_not_sqlite_fails_with_one_line_and_is_left_alone(tmp_path, command):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a database\n" * 100, encoding="utf-8")
    result = CliRunner().invoke(cli, [*command, "--db", str(notes)])
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines() == [
        f"Error: {notes}: not an SQLite database, so not a corpus"
    ]
    assert notes.read_text(encoding="utf-8") == "my notes, not a database\n" * 100


def test_claims_lists_a_contradicted_claim_first_with_its_verdict_per_source(tmp_path, toolkit):
    from alsingest import store

    db_path = str(tmp_path / "c.db")
    db = store.open_db(db_path)
    from alsingest.pipeline import ingest_files

    ingest_files(db, [SEEDS], toolkit)
    rows = list(db.query("select id, claim_id from claims order by start desc limit 1"))
    (last,) = rows
    db["source_verdicts"].insert_all(
        [
            {"id": "a", "claim_row": last["id"], "claim_id": last["claim_id"], "kind": "reference",
             "ref": 1, "verdict": "supported", "reason": "x"},
            {"id": "b", "claim_row": last["id"], "claim_id": last["claim_id"], "kind": "reference",
             "ref": 2, "verdict": "contradicted", "reason": "y"},
        ]
    )  # fmt: skip
    db["verifications"].insert({"id": last["id"], "verdict": "contradicted"})
    db.conn.commit()
    db.close()
    result = run("claims", "--db", db_path)
    assert result.exit_code == 0
    ids = re.findall(r"^\W*([0-9a-f]{8})", result.output, re.MULTILINE)
    assert ids[0] == last["claim_id"][:8]
    exported = [
        json.loads(line) for line in run("export", "claims", "--db", db_path).output.splitlines()
    ]
    (row,) = [r for r in exported if r["claim_id"] == last["claim_id"]]
    assert [v["verdict"] for v in row["verdicts"]] == ["contradicted", "supported"]
    from alsingest.cli import verdict_cell

    assert verdict_cell(row) == "contradicted [2] supported [1]"
    # Paged, the contradicted claim leads page one and is on no other page.
    first = run("claims", "--limit", "1", "--format", "jsonl", "--db", db_path)
    second = run("claims", "--limit", "1", "--offset", "1", "--format", "jsonl", "--db", db_path)
    assert json.loads(first.stdout)["claim_id"] == last["claim_id"]
    others = [r for r in exported if r["claim_id"] != last["claim_id"]]
    assert json.loads(second.stdout)["claim_id"] == others[0]["claim_id"]


def test_listings_show_one_page_with_the_total(corpus):
    everything = [
        json.loads(line) for line in run("export", "claims", "--db", corpus).stdout.splitlines()
    ]
    assert len(everything) > 60
    first = run("claims", "--format", "jsonl", "--db", corpus)
    assert [json.loads(line)["claim_id"] for line in first.stdout.splitlines()] == [
        c["claim_id"] for c in everything[:50]
    ]
    assert f"claims 1–50 of {len(everything)} (--offset 50 for the next page" in first.stderr
    page = run("claims", "--limit", "7", "--offset", "50", "--format", "jsonl", "--db", corpus)
    assert [json.loads(line)["claim_id"] for line in page.stdout.splitlines()] == [
        c["claim_id"] for c in everything[50:57]
    ]
    assert f"claims 51–57 of {len(everything)}" in page.stderr
    whole = run("claims", "--all", "--format", "jsonl", "--db", corpus)
    assert len(whole.stdout.splitlines()) == len(everything) and whole.stderr == ""
    table = run("claims", "--limit", "3", "--db", corpus)
    assert f"claims 1–3 of {len(everything)} (--offset 3 for the next page" in table.stderr
    past = run("claims", "--offset", str(len(everything)), "--db", corpus)
    assert past.exit_code == 0 and f"there are {len(everything)}" in past.stderr


def test_articles_references_and_search_are_paged_too(corpus):
    articles = run("articles", "--limit", "2", "--offset", "1", "--format", "json", "--db", corpus)
    names = [row["name"] for row in json.loads(articles.stdout)]
    assert len(names) == 2 and names[0].startswith("001_")
    assert "articles 2–3 of 5 (--offset 3 for the next page" in articles.stderr
    every = json.loads(run("references", "--all", "--format", "json", "--db", corpus).stdout)
    page = json.loads(run("references", "--limit", "4", "--offset", "4", "--format", "json",
                          "--db", corpus).stdout)  # fmt: skip
    assert page == every[4:8]
    found = run("search", "托夫生", "--all", "--format", "json", "--db", corpus)
    hits = json.loads(found.stdout)
    assert len(hits) > 3
    one = run(
        "search", "托夫生", "--limit", "1", "--offset", "2", "--format", "json", "--db", corpus
    )
    assert json.loads(one.stdout) == hits[2:3]
    assert f"sentences 3–3 of {len(hits)}" in one.stderr


def test_a_page_of_sentences_holding_part_of_a_word_says_more_than_when_not_counted(corpus):
    every = json.loads(run("search", "冻症患", "--all", "--format", "json", "--db", corpus).stdout)
    assert len(every) > 4
    page = run("search", "冻症患", "--limit", "2", "--offset", "1", "--db", corpus)
    assert page.exit_code == 0
    assert "sentences 2–3 of more than 3 (--offset 3 for the next page, --all for every one, " \
        "counted)" in " ".join(page.stderr.split())  # fmt: skip
    as_json = run("search", "冻症患", "--limit", "2", "--offset", "1", "--format", "json",
                  "--db", corpus)  # fmt: skip
    assert json.loads(as_json.stdout) == every[1:3]
    last = run("search", "冻症患", "--limit", "5", "--offset", str(len(every) - 2), "--db", corpus)
    assert f"of {len(every)} (--all for every one)" in " ".join(last.stderr.split())


def test_facts_listed_from_the_claims_fields_they_need_are_those_of_every_field(corpus):
    from alsingest import queries, store
    from alsingest.assemble import assemble, fact_row

    db = store.open_db(corpus)
    expected = [fact_row(f) for f in assemble(queries.export_claims(db))]
    db.close()
    listed = json.loads(run("facts", "--all", "--format", "json", "--db", corpus).stdout)
    assert listed == expected and len(expected) > 12
    page = run("facts", "--limit", "5", "--offset", "10", "--format", "json", "--db", corpus)
    assert json.loads(page.stdout) == expected[10:15]
    assert f"facts 11–15 of {len(expected)}" in page.stderr
