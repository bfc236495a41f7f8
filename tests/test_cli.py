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
    assert sum(1 for line in every.output.splitlines() if re.match(r"00[0-4]_", line)) == 25
    no_url = run("references", "--db", corpus, "--status", "no_url")
    lines = [line for line in no_url.output.splitlines() if re.match(r"00[0-4]_", line)]
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
    assert "per_host must be at least 1" in result.output


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
    assert "2 URLs fetched: 1 new document versions, 0 unchanged, 1 failed" in result.output
    assert again.exit_code == 0
    assert "0 URLs fetched" in again.output and "skipped 2 fetched recently" in again.output
    assert server.hits("/ok") == 1
    missing = run("references", "--db", db, "--status", "http_error")
    assert "HTTP 404" in missing.output
    assert "Wayback Machine lookup failed" in " ".join(missing.output.split())


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
    db["verifications"].insert(
        {"id": last["id"], "claim_id": last["claim_id"], "verdict": "contradicted"}
    )
    db.conn.commit()
    db.close()
    result = run("claims", "--db", db_path)
    assert result.exit_code == 0
    ids = re.findall(r"^\W*([0-9a-f]{8})\b", result.output, re.MULTILINE)
    assert ids[0] == last["claim_id"][:8]
    exported = [
        json.loads(line) for line in run("export", "claims", "--db", db_path).output.splitlines()
    ]
    (row,) = [r for r in exported if r["claim_id"] == last["claim_id"]]
    assert [v["verdict"] for v in row["verdicts"]] == ["contradicted", "supported"]
    from alsingest.cli import verdict_cell

    assert verdict_cell(row) == "contradicted [2] supported [1]"
