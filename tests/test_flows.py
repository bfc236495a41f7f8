"""The orchestration flows under a Prefect test harness: refresh, reingest-article, serve.

One loopback HTTP server and one config file for the module (the flows build their
toolkit once per config path), small articles, a few runs each.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from http_server import LoopbackServer, Reply
from test_refresh import HTML, article_text, hold_write_lock, mark_stale, source

from alsingest import queries, review, store
from alsingest.cli import cli
from alsingest.refresh import stale_articles, store_source

TOFERSEN_PAGE = (
    "<html><head><title>FDA news</title></head><body><article>"
    "<p>2025年6月，托夫生注射液（Tofersen）在中国上市，用于治疗SOD1突变的渐冻症患者。</p>"
    "</article></body></html>"
).encode()


@pytest.fixture(scope="module")
def server():
    with LoopbackServer() as loopback:
        for path in ("/ok", "/b", "/b2", "/ref1", "/other"):
            loopback.route(path, Reply(body=TOFERSEN_PAGE, headers=HTML))
        loopback.route("/gone", Reply(404))
        # Registries and the archive on loopback too: a refresh fetches them as ``fetch`` does.
        loopback.route(
            "/wayback/available", Reply(body=b'{"archived_snapshots": {}}', headers=JSON)
        )
        yield loopback


JSON = {"Content-Type": "application/json"}
CLOSED = "http://127.0.0.1:9"  # nothing listens on the discard port: connection refused


def write_config(path: Path, server, *, registry: str | None = None) -> str:
    registry = registry or server.url("/api/v2/studies/{id}")
    path.write_text(
        "[fetch]\nallow_private_hosts = true\nretries = 0\nconnect_timeout = 1.0\n"
        f'[sources]\nclinicaltrials = "{registry}"\n'
        f'chictr = "{server.url("/chictr/showproj?regno={id}")}"\n'
        f'wayback = "{server.url("/wayback/available?url={url}")}"\n',
        encoding="utf-8",
    )
    return str(path)


@pytest.fixture(scope="module")
def config(tmp_path_factory, server):
    return write_config(tmp_path_factory.mktemp("flows") / "loopback.toml", server)


def run(*args):
    return CliRunner().invoke(cli, [*args], catch_exceptions=False)


def claim_of(db, therapy: str) -> dict:
    return next(c for c in queries.export_claims(db) if c["therapy"] == therapy)


def state_of(db, claim_id: str) -> str:
    claim = queries.claim_by_id(db, claim_id)
    return review.review_state(claim, store.latest_decisions(db).get(claim_id))


def artifacts_of(flow_run_id: str) -> list[dict]:
    """The artifacts of one flow run, from the Prefect API.

    Posted by hand: this Prefect server refuses the nulls the client sends for unused filters.
    """
    from prefect.client.orchestration import get_client

    query = {"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}, "limit": 10, "offset": 0}
    with get_client(sync_client=True) as client:
        response = client.request("POST", "/artifacts/filter", json={**query, "sort": "ID_DESC"})
    return response.json()


@pytest.mark.slow
def test_refresh_refetches_stale_and_failed_urls_reextracts_old_articles_and_keeps_reviews(
    prefect_harness, tmp_path, server, config, toolkit
):
    from flows.refresh import refresh

    db_path = str(tmp_path / "corpus.db")
    db = store.open_db(db_path)
    store_source(db, source("a.txt", article_text(server.url("/ok"), server.url("/gone"))), toolkit)

    first = refresh(db=db_path, config=config)

    assert first["fetch_statuses"] == {"ok": 1, "http_error": 1}
    assert (first["articles"], first["new_claims"], first["errors"]) == ([], [], [])
    tofersen = claim_of(db, "tofersen")
    review.decide(db, tofersen, "accept", reviewer="ann", note="checked")
    mark_stale(db)
    ok_hits, gone_hits = server.hits("/ok"), server.hits("/gone")

    second = run("refresh", "--db", db_path, "--config", config)

    assert second.exit_code == 0, second.output
    assert "1 article re-extracted (older parser version): a.txt" in second.output
    assert "claims: 0 new, 0 changed, 0 removed" in second.output
    assert re.search(r"│ http_error\s*│ 1\s*│", second.output)
    assert server.hits("/ok") == ok_hits, "fetched within stale_after (7d): left alone"
    assert server.hits("/gone") == gone_hits + 1, "failed last time: fetched again"
    assert stale_articles(db) == []
    assert state_of(db, tofersen["claim_id"]) == review.ACCEPTED
    assert [d["note"] for d in store.read_decisions(db)] == ["checked"]

    runs = run("runs", "--db", db_path)
    lines = [line for line in runs.output.splitlines() if " refresh " in line]
    assert len(lines) == 2 and "1 article re-extracted" in lines[1]
    assert "1 http_error, 1 ok" in lines[0] and "1 http_error" in lines[1]
    last = queries.list_runs(db)[-1]
    (artifact,) = artifacts_of(last["flow_run_id"])
    assert (artifact["key"], artifact["type"]) == ("alsingest-refresh", "markdown")
    assert artifact["data"].startswith("# Refresh")
    assert "Articles re-extracted (older parser version): 1 — a.txt" in artifact["data"]


@pytest.mark.slow
def test_reingest_of_an_edited_article_keeps_decisions_and_flags_changed_claims(
    prefect_harness, tmp_path, server, config
):
    from flows.reingest import run_reingest

    db_path = str(tmp_path / "corpus.db")
    article = tmp_path / "news.txt"
    article.write_text(article_text(server.url("/ok"), server.url("/b")), encoding="utf-8")

    first = run_reingest(str(article), db=db_path, config=config)

    assert first["outcome"] == "new" and len(first["new_claims"]) == 2
    assert first["fetch_statuses"] == {"ok": 2}
    db = store.open_db(db_path)
    tofersen, edaravone = claim_of(db, "tofersen"), claim_of(db, "edaravone")
    for claim in (tofersen, edaravone):
        review.decide(db, claim, "accept", reviewer="ann")

    # An edit elsewhere in the article: a new version, the same claims, the decisions hold.
    article.write_text(
        article_text(server.url("/ok"), server.url("/b"), extra="另有一段介绍渐冻症护理。\n\n"),
        encoding="utf-8",
    )
    second = run_reingest(str(article), db=db_path, config=config)
    assert second["outcome"] == "changed"
    assert (second["new_claims"], second["changed_claims"], second["removed_claims"]) == (
        [],
        [],
        [],
    )
    assert state_of(db, tofersen["claim_id"]) == review.ACCEPTED
    assert state_of(db, edaravone["claim_id"]) == review.ACCEPTED

    # The reference a claim cites changes: same claim id, other values -> changed since review.
    article.write_text(
        article_text(server.url("/ok"), server.url("/b2"), extra="另有一段介绍渐冻症护理。\n\n"),
        encoding="utf-8",
    )
    third = run_reingest(str(article), db=db_path, config=config)
    assert third["changed_claims"] == [edaravone["claim_id"]]
    assert third["review_flagged"] == [edaravone["claim_id"]]
    assert state_of(db, edaravone["claim_id"]) == review.CHANGED
    assert store.latest_decisions(db)[edaravone["claim_id"]]["decision"] == review.ACCEPTED

    # The claim's own sentence changes: a new claim, which the decision follows (changed since
    # review); the old claim's decision stays, with its history.
    article.write_text(
        article_text(server.url("/ok"), server.url("/b2"), launch="2025年7月"), encoding="utf-8"
    )
    fourth = run_reingest(str(article), db=db_path, config=config)
    assert tofersen["claim_id"] in fourth["removed_claims"] and len(fourth["new_claims"]) == 1
    (successor,) = fourth["new_claims"]
    assert queries.claim_by_id(db, tofersen["claim_id"]) is None
    assert [d["decision"] for d in store.read_decisions(db, tofersen["claim_id"])] == ["accepted"]
    assert [d["decision"] for d in store.read_decisions(db, successor)] == ["accepted"]
    assert state_of(db, successor) == review.CHANGED
    # Flagged: the successor, and the claim still changed since the third run.
    assert fourth["review_flagged"] == [successor, edaravone["claim_id"]]
    assert db["review_decisions"].count == 3
    assert [r["kind"] for r in queries.list_runs(db)] == ["reingest"] * 4


@pytest.mark.slow
def test_reingest_of_a_url_stores_the_page_and_fetches_only_its_references(
    prefect_harness, tmp_path, server, config, toolkit
):
    from flows.reingest import run_reingest

    background = "渐冻症是一种进行性神经退行性疾病，患者的运动神经元逐渐死亡。" * 3 + "\n\n"
    text = article_text(server.url("/ref1"), server.url("/ok"), extra=background)
    lines = text.splitlines()
    body = "".join(f"<p>{line}</p>" for line in lines if line)
    page = f"<html><head><title>渐冻症新药进展</title></head><body><article>{body}</article></body></html>"
    server.route("/news/als-drugs.html", Reply(body=page.encode(), headers=HTML))
    url = server.url("/news/als-drugs.html")
    db_path = str(tmp_path / "corpus.db")
    db = store.open_db(db_path)
    store_source(db, source("other.txt", article_text(server.url("/other"), "#")), toolkit)
    other_hits = server.hits("/other")

    report = run_reingest(url, db=db_path, config=config)

    assert report["articles"] == ["als-drugs.html"] and report["outcome"] == "new"
    assert report["fetch_statuses"] == {"ok": 2}
    assert server.hits("/other") == other_hits, "another article's reference is not fetched"
    stored = queries.stored_article(db, "als-drugs.html")
    assert stored["path"] == url and "托夫生注射液" in stored["text"]
    assert {c["therapy"] for c in queries.export_claims(db, article="als-drugs.html")} == {
        "tofersen",
        "edaravone",
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    "path, reply, message",
    [
        (
            "/img.png",
            Reply(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 32),
            "not an article page: PNG image",
        ),
        ("/nowhere.html", Reply(404), "HTTP 404"),
        ("/empty.html", Reply(body=b"<html><body><p>Hi</p></body></html>", headers=HTML), "only 2"),
    ],
)
def test_reingest_refuses_a_url_that_is_not_an_article_in_one_line_and_stores_nothing(
    prefect_harness, tmp_path, server, config, path, reply, message
):
    server.route(path, reply)
    db_path = tmp_path / "corpus.db"

    result = run("reingest", server.url(path), "--db", str(db_path), "--config", config)

    assert result.exit_code == 1
    (line,) = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert line.startswith(f"Error: {server.url(path)}: ") and message in line
    assert not db_path.exists(), "nothing stored, not even an empty corpus"


@pytest.mark.slow
def test_a_refresh_while_another_process_writes_waits_and_succeeds(
    prefect_harness, tmp_path, server, config, toolkit, monkeypatch
):
    import alsingest.refresh as refresh_module
    from flows.refresh import refresh

    db_path = tmp_path / "corpus.db"
    db = store.open_db(db_path)
    store_source(db, source("a.txt", article_text(server.url("/ok"), "#")), toolkit)
    mark_stale(db)
    process = refresh_module.process_article
    holder: list[threading.Thread] = []

    def process_then_let_another_writer_in(src, kit):
        # Right before the refresh writes, another ingest takes the write lock for a second.
        result = process(src, kit)
        started = threading.Event()
        holder.append(threading.Thread(target=hold_write_lock, args=(db_path, 1.0, started)))
        holder[0].start()
        started.wait()
        return result

    monkeypatch.setattr(refresh_module, "process_article", process_then_let_another_writer_in)

    report = refresh(db=str(db_path), config=config)

    holder[0].join()
    assert report["errors"] == [] and report["articles"] == ["a.txt"]
    assert stale_articles(db) == []
    assert db["runs"].count == 1
    assert {r["name"] for r in db.query("select name from articles")} == {"a.txt", "other.txt"}


@pytest.mark.slow
def test_a_refresh_that_fails_on_one_article_records_it_and_the_next_run_resumes(
    prefect_harness, tmp_path, config, toolkit, monkeypatch
):
    import alsingest.refresh as refresh_module
    from flows.refresh import refresh

    db_path = str(tmp_path / "corpus.db")
    db = store.open_db(db_path)
    for name in ("a.txt", "b.txt", "c.txt"):
        store_source(db, source(name, article_text("#", "#", extra=f"{name}。\n\n")), toolkit)
    claims = list(db.query("select id from claims order by id"))
    mark_stale(db)
    process = refresh_module.process_article

    def broken_on_b(src, kit):
        if src.name == "b.txt":
            raise RuntimeError("worker died")
        return process(src, kit)

    monkeypatch.setattr(refresh_module, "process_article", broken_on_b)
    first = refresh(db=db_path, config=config)
    monkeypatch.setattr(refresh_module, "process_article", process)
    second = refresh(db=db_path, config=config)

    assert first["articles"] == ["a.txt", "c.txt"]
    assert first["errors"] == [["b.txt", "re-extraction failed: RuntimeError: worker died"]]
    assert (second["articles"], second["errors"]) == (["b.txt"], [])
    assert stale_articles(db) == []
    assert db["article_versions"].count == 3
    assert list(db.query("select id from claims order by id")) == claims
    errors = [len(r["errors"]) for r in queries.list_runs(db)]
    assert errors == [1, 0]


# --- serve ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        (
            '[schedule]\nrefresh_cron = "61 3 * * *"\n',
            'refresh_cron: Invalid cron string: "61 3 * * *"',
        ),
        ('[schedule]\nrefresh_cron = "0 3 * *"\n', "refresh_cron '0 3 * *' is not a cron string"),
        ('[schedule]\ntimezone = "Asia/Beijing"\n', "timezone 'Asia/Beijing' is not a known IANA"),
    ],
)
def test_serve_refuses_a_bad_schedule_at_start_up_in_one_line(
    tmp_path, monkeypatch, content, message
):
    import flows.serve

    def must_not_serve(*args, **kwargs):
        raise AssertionError("served despite a bad schedule")

    monkeypatch.setattr(flows.serve, "serve_deployments", must_not_serve)
    monkeypatch.setattr(flows.serve, "local_server", must_not_serve)
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")

    result = run("serve", "--db", str(tmp_path / "corpus.db"), "--config", str(bad))

    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Error: [schedule] {message}")


def test_serve_serves_refresh_on_the_configured_cron_and_timezone(tmp_path, monkeypatch):
    import flows.serve

    served = []
    monkeypatch.setattr(flows.serve, "serve_deployments", lambda *d, **k: served.extend(d))
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    store.open_db(tmp_path / "corpus.db").close()
    user = tmp_path / "mine.toml"
    user.write_text('[schedule]\nrefresh_cron = "30 2 * * 1"\ntimezone = "Europe/Paris"\n')

    result = run("serve", "--db", str(tmp_path / "corpus.db"), "--config", str(user))

    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:4200" in result.output
    refresh, reingest = served
    assert (refresh.name, reingest.name) == ("alsingest-refresh", "alsingest-reingest")
    (schedule,) = refresh.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("30 2 * * 1", "Europe/Paris")
    assert reingest.schedules == []
    assert refresh.parameters == {
        "db": str((tmp_path / "corpus.db").resolve()),
        "config": str(Path(user).resolve()),
    }


@pytest.mark.slow
def test_the_embedded_prefect_server_starts_and_stops_with_serve(prefect_harness):
    import httpx

    from flows.serve import local_server

    with local_server() as api_url:
        assert httpx.get(f"{api_url}/health", timeout=5).json() is True
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{api_url}/health", timeout=2)


def test_a_running_serve_s_server_is_found_and_used_by_commands(tmp_path, monkeypatch):
    """`alsingest serve` says where its Prefect server is (in PREFECT_HOME); a command run
    without PREFECT_API_URL uses it instead of starting a temporary one, unless the process
    that said so is gone or its server does not answer."""
    import json
    import os
    import urllib.error
    import urllib.request

    from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings

    import flows

    answers = []

    class Answer:
        status = 200

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def health(url, timeout):
        answers.append(url)
        return Answer()

    def unavailable(url, timeout):
        raise urllib.error.HTTPError(url, 503, "Service Unavailable", {}, None)

    monkeypatch.setattr(urllib.request, "urlopen", health)
    monkeypatch.setattr(flows, "temporary_server_ends_with_us", lambda: None)
    api = "http://127.0.0.1:4321/api"
    with temporary_settings(updates={PREFECT_HOME: tmp_path, PREFECT_API_URL: None}):
        assert flows.running_server() is None
        with flows.announced_server(api):
            assert json.loads(flows.server_file().read_text())["pid"] == os.getpid()
            assert flows.running_server() == api and answers == [f"{api}/health"]
            with flows.ad_hoc_runs():
                assert PREFECT_API_URL.value() == api
        assert not flows.server_file().exists(), "gone with the block"
        assert PREFECT_API_URL.value() is None
        flows.server_file().write_text(json.dumps({"api_url": api, "pid": 2**22 + 7}))
        assert flows.running_server() is None, "its process is gone"
        monkeypatch.setattr(urllib.request, "urlopen", unavailable)
        with flows.announced_server(api):
            assert flows.running_server() is None, "its server does not answer"


def test_the_first_temporary_server_on_a_machine_has_time_to_build_its_database(monkeypatch):
    """A fresh PREFECT_HOME's server migrates its database before it answers (32 s on a 2-core
    machine): the CLI waits longer than Prefect's 20 s, or a fresh machine's first run fails."""
    from prefect.server.api import server as prefect_server
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    import flows

    waits = []

    def start(self, timeout=None):
        waits.append(timeout)

    monkeypatch.setattr(prefect_server.SubprocessASGIServer, "start", start)
    # (no sidecar: Prefect keeps one server object per port, which an earlier test may have run)
    import alsingest.lifetime

    monkeypatch.setattr(alsingest.lifetime, "end_with_us", lambda pids: None)
    settings = {
        PREFECT_API_URL: None,
        PREFECT_SERVER_EPHEMERAL_ENABLED: True,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: 20,
    }
    for configured in (20, 600):
        monkeypatch.setattr(flows, "_sidecars", [])  # as in a new process
        with temporary_settings(
            updates={**settings, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: configured}
        ):
            flows.temporary_server_ends_with_us()
    assert waits == [flows.FIRST_START_S, 600] and flows.FIRST_START_S >= 120


def test_flow_runs_started_from_the_cli_send_no_heartbeats(tmp_path, monkeypatch):
    """Heartbeats are for deployment runs; Prefect 3.8 ends every run up to a second late for them."""
    from prefect import flow
    from prefect.settings import get_current_settings

    import flows.ingest

    seen = []

    @flow(name="ingest")
    def probe(paths, db=None, config=None, on_file=None, published=None):
        seen.append(get_current_settings().flows.heartbeat_frequency)
        store.open_db(db).close()
        return {"new": [], "changed": [], "unchanged": [], "errors": [], "files": 0}

    monkeypatch.setattr(flows.ingest, "ingest", probe)
    (tmp_path / "a.txt").write_text("托夫生。", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert seen == [None]
    assert get_current_settings().flows.heartbeat_frequency is not None  # only for those runs


@pytest.mark.slow
def test_serve_points_its_ui_at_its_own_server_and_stops_cleanly_on_sigterm(tmp_path):
    """The UI that `serve` prints reaches its API (/ui-settings, then a call the UI makes);
    SIGTERM stops runner and server without "coroutine 'Runner.astop' was never awaited"."""
    import json
    import os
    import re
    import signal
    import subprocess
    import sys
    import threading
    import time

    import httpx

    store.open_db(tmp_path / "c.db").close()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    serving = subprocess.Popen(
        [sys.executable, "-c", "from alsingest.cli import cli; cli()", "serve"]
        + ["--db", str(tmp_path / "c.db")],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(serving.stderr), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 240
        ui = None
        while ui is None:
            assert serving.poll() is None and time.monotonic() < deadline, "".join(lines)
            found = re.search(r"Prefect UI at (http://127\.0\.0\.1:\d+)", "".join(lines))
            ui = found and found.group(1)
            time.sleep(0.5)
        settings = httpx.get(f"{ui}/ui-settings", timeout=10).json()
        assert settings["api_url"] == f"{ui}/api"
        announced = tmp_path / "prefect" / "alsingest-serve.json"
        while not announced.exists():  # for `alsingest ingest` to use (flows.running_server)
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert json.loads(announced.read_text())["api_url"] == f"{ui}/api"
        names: set[str] = set()
        while {"alsingest-refresh", "alsingest-reingest"} - names:
            assert time.monotonic() < deadline, names
            answer = httpx.post(f"{settings['api_url']}/deployments/filter", json={}, timeout=10)
            names = {d["name"] for d in answer.json()}
            time.sleep(0.5)
    finally:
        serving.send_signal(signal.SIGTERM)
        status = serving.wait(timeout=90)
        reader.join(timeout=10)
    output = "".join(lines)
    assert status == 128 + signal.SIGTERM, output
    assert "never awaited" not in output and "Traceback" not in output, output
    assert not announced.exists()
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{ui}/api/health", timeout=2)


def test_fetch_tasks_leave_retries_to_the_fetcher():
    """The fetcher retries each URL and never raises for the network: a task retry could only
    follow a bug, and would fetch the whole batch again."""
    from alsingest.fetch import FetchOptions
    from flows.fetch import fetch_batch, store_batch

    assert fetch_batch.retries == 0 and store_batch.retries == 0
    assert FetchOptions().retries > 0


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (from /proc), zombies left out."""
    from test_lifetime import alive

    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        below = [child for child, parent in parents.items() if parent in frontier]
        found += below
        frontier = below
    return [p for p in found if alive(p)]


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
    except OSError:
        return ""


@pytest.mark.slow
def test_kill_9_of_an_ingest_leaves_no_process_running(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import SEEDS
    from test_lifetime import gone_within

    articles = tmp_path / "articles"
    articles.mkdir()
    for copy in range(10):
        for seed in SEEDS.glob("*.txt"):
            text = seed.read_text(encoding="utf-8")
            (articles / f"{copy}_{seed.name}").write_text(
                f"{text}\n\n副本 {copy}", encoding="utf-8"
            )
    config = tmp_path / "config.toml"
    config.write_text("[ingest]\nbatch_size = 1\nworkers = 2\n", encoding="utf-8")
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    ingest = subprocess.Popen(
        [sys.executable, "-c", "from alsingest.cli import cli; cli()", "ingest", str(articles)]
        + ["--db", str(tmp_path / "corpus.db"), "--config", str(config)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "stderr.txt").open("wb"),
    )
    below: list[int] = []
    try:
        deadline = time.monotonic() + 180
        while True:  # until the forkserver and both workers run
            below = descendants(ingest.pid)
            if sum("forkserver" in command_line(p) for p in below) >= 3:
                break
            if ingest.poll() is not None:
                said = (tmp_path / "stderr.txt").read_text(encoding="utf-8", errors="replace")
                raise AssertionError(
                    f"the ingest ended before its workers were seen:\n{said[-3000:]}"
                )
            assert time.monotonic() < deadline, "no extraction workers within 180 s"
            time.sleep(0.2)
        assert any("uvicorn" in command_line(p) for p in below), "no temporary Prefect server"
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait()
        left = gone_within(below, 20)
        assert left == [], [command_line(p) for p in left]
    finally:
        for pid in [ingest.pid, *descendants(ingest.pid), *below]:
            if sys.executable in command_line(pid):  # still one of ours, not a reused pid
                os.kill(pid, signal.SIGKILL)


# --- registry records and archived copies, as ``fetch`` gets them ------------------------

TRIAL_ARTICLE = (
    "渐冻症临床试验进展\n\n"
    "托夫生的3期临床试验（NCT04856982）共纳入200名受试者。[1]\n\n"
    "参考资料:\n[1]{cited}\n"
)


@pytest.mark.slow
def test_refresh_fetches_registry_records_and_archived_copies_of_dead_links(
    prefect_harness, tmp_path, server, toolkit
):
    from test_registries import CT_BODY

    from flows.refresh import refresh

    server.route("/api/v2/studies/NCT04856982", Reply(body=CT_BODY, headers=JSON))
    snapshot = "/web/20190302101500/" + server.url("/dead")
    server.route("/dead", Reply(404))
    server.route(
        "/web/20190302101500id_/" + server.url("/dead"),
        Reply(body=TOFERSEN_PAGE, headers=HTML),
    )
    answer = (
        '{"archived_snapshots": {"closest": {"status": "200", "available": true, '
        f'"url": "{server.url(snapshot)}", "timestamp": "20190302101500"}}}}}}'
    )
    config = write_config(tmp_path / "archive.toml", server)
    server.route("/wayback/available", Reply(body=answer.encode(), headers=JSON))
    db_path = str(tmp_path / "corpus.db")
    db = store.open_db(db_path)
    text = TRIAL_ARTICLE.format(cited=server.url("/dead"))
    store_source(db, source("trials.txt", text), toolkit)
    try:
        report = refresh(db=db_path, config=config)
    finally:
        server.route("/wayback/available", Reply(body=b'{"archived_snapshots": {}}', headers=JSON))

    assert report["fetch_statuses"] == {"ok": 1, "http_error": 1}
    versions = {
        (row["trial_id"], row["source"])
        for row in db.query(
            "select d.trial_id, v.source from document_versions v "
            "join documents d on d.id = v.document_id"
        )
    }
    assert versions == {("NCT04856982", "fetched"), (None, "archived")}
    claim = claim_of(db, "tofersen")
    kinds = {v["kind"]: v for v in claim["verdicts"]}
    assert kinds["registry"]["verdict"] == "contradicted", "the record enrols 150, not 200"
    assert claim["verdict"] == "contradicted"


@pytest.mark.slow
def test_reingest_fetches_the_records_its_claims_name_and_an_unreachable_registry_says_so(
    prefect_harness, tmp_path, server
):
    from flows.reingest import run_reingest

    article = tmp_path / "trials.txt"
    article.write_text(TRIAL_ARTICLE.format(cited=server.url("/ok")), encoding="utf-8")
    config = write_config(tmp_path / "closed.toml", server, registry=CLOSED + "/studies/{id}")
    db_path = str(tmp_path / "corpus.db")

    report = run_reingest(str(article), db=db_path, config=config)

    assert report["fetch_statuses"] == {"ok": 1, "network_error": 1}
    db = store.open_db(db_path)
    (record,) = [r for r in db["documents"].rows if r["trial_id"] == "NCT04856982"]
    assert record["status"] == "network_error" and record["current_version"] is None
    assert claim_of(db, "tofersen")["verdict"] != "contradicted", "no record, nothing against it"
