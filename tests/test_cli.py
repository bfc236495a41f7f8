"""The command line: help everywhere, documented in the README, working on the seeds."""

import json
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
