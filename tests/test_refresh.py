"""The library side of refresh and re-ingest: schedule config, what is stale, what changed,
articles from URLs, writes that wait for other writers, runs that resume."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time

import pytest
from http_server import LoopbackServer, Reply

from alsingest import queries, store
from alsingest.config import ConfigError, load_config
from alsingest.fetch import FetchOptions
from alsingest.readers import SourceText
from alsingest.refresh import (
    ArticleError,
    article_name,
    claim_state,
    diff_claims,
    fetch_article,
    plan_article,
    plan_refresh,
    reextract,
    schedule_settings,
    stale_articles,
    store_source,
)
from alsingest.sources import SourceTemplates, fetch_references, parse_duration, plan_fetch

HTML = {"Content-Type": "text/html; charset=utf-8"}
LOOPBACK = FetchOptions(allow_private_hosts=True, retries=0, connect_timeout=1.0)


def article_text(ref1: str, ref2: str, *, extra: str = "", launch: str = "2025年6月") -> str:
    """A short article with two claims (tofersen launch [1], edaravone approval [2])."""
    return (
        "渐冻症新药进展\n\n"
        f"{launch}，托夫生注射液（Tofersen）正式在中国上市，用于治疗携带SOD1基因突变的成人患者。[1]\n\n"
        f"{extra}"
        "依达拉奉口服混悬液于2022年5月获美国FDA批准用于治疗渐冻症。[2]\n\n"
        "参考资料:\n"
        f"[1]{ref1}\n"
        f"[2]{ref2}\n"
    )


def source(name: str, text: str) -> SourceText:
    return SourceText(name, name, text, "utf-8", hashlib.sha256(text.encode("utf-8")).hexdigest())


def mark_stale(db, version: str = "0+old") -> None:
    db.execute("update article_versions set parser_version = ?", [version])
    db.conn.commit()


def rows(db, table: str) -> list[dict]:
    return list(db.query(f"select * from [{table}] order by id"))


# --- schedule ---------------------------------------------------------------------


def test_the_shipped_schedule_is_daily_at_three_in_shanghai():
    settings = schedule_settings(load_config())
    assert (settings.refresh_cron, settings.timezone) == ("0 3 * * *", "Asia/Shanghai")
    assert parse_duration(settings.stale_after).days == 7


@pytest.mark.parametrize(
    "content, message",
    [
        ('[schedule]\nrefresh_cron = "every night"\n', "refresh_cron 'every night' is not a cron"),
        ("[schedule]\nrefresh_cron = 3\n", "schedule.refresh_cron = 3: must be a cron string"),
        ('[schedule]\ntimezone = "Mars/Olympus"\n', "timezone 'Mars/Olympus' is not a known"),
        ('[schedule]\ntimezone = ""\n', "timezone '' is not a known"),
        ('[schedule]\nstale_after = "weekly"\n', "stale_after: 'weekly' is not a duration"),
    ],
)
def test_a_bad_schedule_is_refused_in_one_line(tmp_path, content, message):
    user = tmp_path / "bad.toml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as raised:
        schedule_settings(load_config(user))
    assert "\n" not in str(raised.value)


# --- names and claims ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url, name",
    [
        ("https://news.example.org/health/tofersen-approved.html", "tofersen-approved.html"),
        ("https://example.org/a/b/%E6%B8%90%E5%86%BB%E7%97%87%E6%96%B0%E8%8D%AF/", "渐冻症新药"),
    ],
)
def test_an_article_from_a_url_is_named_after_its_last_path_segment(url, name):
    assert article_name(url) == name


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "https://example.org/news/index.html",
        "https://mp.weixin.qq.com/s?__biz=MzA&mid=1",
    ],
)
def test_a_url_without_a_telling_segment_gets_a_slug_that_does_not_collide(url):
    name = article_name(url)
    assert name.startswith(("example-org", "mp-weixin-qq-com"))
    assert name != article_name(url + "x")


def test_diff_claims_tells_new_changed_and_removed_claims_apart():
    before = {"a": {"quote": "q", "phase": "2"}, "b": {"quote": "q"}, "c": {"quote": "q"}}
    after = {"a": {"quote": "q", "phase": "3"}, "b": {"quote": "q"}, "d": {"quote": "q"}}
    changes = diff_claims(before, after)
    assert (changes.new, changes.changed, changes.removed) == (["d"], {"a": ["phase"]}, ["c"])


# --- re-extraction -----------------------------------------------------------------


def test_reextraction_rewrites_an_old_parser_versions_rows_under_the_same_ids(db, toolkit):
    store_source(db, source("a.txt", article_text("http://x.org/1", "http://x.org/2")), toolkit)
    before = {t: rows(db, t) for t in ("articles", "article_versions", "sentences", "claims")}
    mark_stale(db)
    assert stale_articles(db) == ["a.txt"]

    report = reextract(db, stale_articles(db), toolkit)

    assert (report.done, report.errors) == (["a.txt"], [])
    assert stale_articles(db) == []
    for table in ("sentences", "claims"):
        assert rows(db, table) == before[table]
    versions = rows(db, "article_versions")
    assert [v["id"] for v in versions] == [v["id"] for v in before["article_versions"]]
    assert [v["version"] for v in versions] == [1]


def test_a_run_killed_halfway_resumes_and_stores_each_article_once(db, toolkit, monkeypatch):
    names = ["a.txt", "b.txt", "c.txt"]
    for n, name in enumerate(names):
        text = article_text(f"http://x.org/{n}", "http://x.org/z", extra=f"第{n}篇。\n\n")
        store_source(db, source(name, text), toolkit)
    expected = {t: rows(db, t) for t in ("sentences", "claims", "article_references")}
    mark_stale(db)
    b_version = db.execute("select current_version from articles where name = 'b.txt'").fetchone()[
        0
    ]
    insert_rows = store.articles._insert_rows

    def killed_on_b(database, table, columns, rows):
        insert_rows(database, table, columns, rows)  # half of the article is written ...
        if table == "claims" and rows[0][columns.index("version_id")] == b_version:
            raise KeyboardInterrupt  # ... when the process is killed

    monkeypatch.setattr(store.articles, "_insert_rows", killed_on_b)
    with pytest.raises(KeyboardInterrupt):
        reextract(db, stale_articles(db), toolkit)
    assert stale_articles(db) == ["b.txt", "c.txt"], "a done, b rolled back, c not reached"
    assert rows(db, "claims") == expected["claims"], "b's old rows are intact"

    monkeypatch.setattr(store.articles, "_insert_rows", insert_rows)
    report = reextract(db, stale_articles(db), toolkit)

    assert report.done == ["b.txt", "c.txt"] and stale_articles(db) == []
    assert db["articles"].count == 3 and db["article_versions"].count == 3
    for table, before in expected.items():
        assert rows(db, table) == before, f"{table} stored exactly once"


def test_an_article_that_fails_to_reextract_is_reported_and_the_others_are_done(
    db, toolkit, monkeypatch
):
    import alsingest.refresh as refresh

    for name in ("a.txt", "b.txt"):
        store_source(db, source(name, article_text(f"http://x.org/{name}", "http://y")), toolkit)
    mark_stale(db)
    process = refresh.process_article

    def broken_on_a(src, kit):
        if src.name == "a.txt":
            raise ValueError("parser bug")
        return process(src, kit)

    monkeypatch.setattr(refresh, "process_article", broken_on_a)
    report = reextract(db, stale_articles(db), toolkit)
    assert report.done == ["b.txt"]
    assert report.errors == [("a.txt", "re-extraction failed: ValueError: parser bug")]
    assert stale_articles(db) == ["a.txt"]


def hold_write_lock(path, seconds: float, started: threading.Event) -> None:
    """Another process's ingest: a write transaction open for ``seconds``."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("begin immediate")
    other.execute("insert into articles (id, name) values ('other', 'other.txt')")
    started.set()
    time.sleep(seconds)
    other.execute("commit")
    other.close()


def test_writes_wait_for_another_writer_instead_of_failing(tmp_path, toolkit):
    path = tmp_path / "corpus.db"
    db = store.open_db(path)
    store_source(db, source("a.txt", article_text("http://x.org/1", "http://x.org/2")), toolkit)
    mark_stale(db)
    claims = claim_state(db)  # a reader inside the connection, as a refresh has
    started = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(path, 1.0, started))
    holder.start()
    started.wait()
    t0 = time.monotonic()
    try:
        report = reextract(db, ["a.txt"], toolkit)
        stored = store_source(db, source("b.txt", article_text("http://b", "http://c")), toolkit)
    finally:
        holder.join()
    assert report.errors == [] and stored == store.NEW
    assert time.monotonic() - t0 >= 0.5, "it waited for the other writer"
    assert claim_state(db).keys() >= claims.keys()
    assert {r["name"] for r in db.query("select name from articles")} == {
        "a.txt",
        "b.txt",
        "other.txt",
    }


# --- fetching ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    with LoopbackServer() as loopback:
        yield loopback


def test_a_refresh_plans_stale_never_fetched_and_failed_urls_but_not_fresh_ones(
    tmp_path, toolkit, server
):
    server.route("/ok", Reply(body=b"<html><body><p>ok page</p></body></html>", headers=HTML))
    server.route("/gone", Reply(404))
    db = store.open_db(tmp_path / "corpus.db")
    text = article_text(server.url("/ok"), server.url("/gone"))
    store_source(db, source("a.txt", text), toolkit)
    assert {t.key for t in plan_refresh(db, parse_duration("7d")).targets} == {
        server.url("/ok"),
        server.url("/gone"),
    }, "never fetched"
    fetch_references(db, LOOPBACK)

    fresh = plan_refresh(db, parse_duration("7d"))
    assert [t.key for t in fresh.targets] == [server.url("/gone")], "failed, even if recent"
    assert dict(fresh.skipped) == {"fetched recently": 1}
    assert len(plan_refresh(db, parse_duration("0s")).targets) == 2, "stale"


def test_an_article_plan_holds_only_the_urls_that_article_cites(db, toolkit):
    store_source(db, source("a.txt", article_text("http://a.org/1", "http://both.org/")), toolkit)
    store_source(db, source("b.txt", article_text("http://b.org/1", "http://both.org/")), toolkit)
    assert sorted(t.key for t in plan_article(db, "a.txt").targets) == [
        "http://a.org/1",
        "http://both.org/",
    ]


TRIAL_LINE = "托夫生的3期临床试验（{}）共纳入200名受试者。[1]\n\n"
TEMPLATES = SourceTemplates(
    clinicaltrials="http://registry.test/api/v2/studies/{id}",
    chictr="http://chictr.test/showproj?regno={id}",
    wayback="http://archive.test/available?url={url}",
)


def test_a_refresh_plans_the_registry_records_its_claims_name_as_fetch_does(db, toolkit):
    text = article_text("http://a.org/1", "#", extra=TRIAL_LINE.format("NCT04856982"))
    store_source(db, source("a.txt", text), toolkit)
    planned = plan_refresh(db, parse_duration("7d"), TEMPLATES)
    records = {t.trial_id: t.key for t in planned.targets if t.trial_id}
    assert records == {"NCT04856982": "http://registry.test/api/v2/studies/NCT04856982"}
    assert {t.key for t in planned.targets} == {
        t.key for t in plan_fetch(db, templates=TEMPLATES).targets
    }
    assert not any(t.trial_id for t in plan_refresh(db, parse_duration("7d")).targets), (
        "no templates"
    )


def test_an_article_plan_holds_the_records_of_the_trials_that_article_names_only(db, toolkit):
    for name, trial in (("a.txt", "NCT04856982"), ("b.txt", "ChiCTR2000029308")):
        text = article_text(f"http://{name}.org/", "#", extra=TRIAL_LINE.format(trial))
        store_source(db, source(name, text), toolkit)
    planned = plan_article(db, "a.txt", TEMPLATES)
    assert sorted((t.key, t.trial_id) for t in planned.targets) == [
        ("http://a.txt.org/", None),
        ("http://registry.test/api/v2/studies/NCT04856982", "NCT04856982"),
    ]


def test_an_article_page_is_fetched_and_its_main_text_kept_under_its_url(server):
    body = "".join(
        f"<p>第{n}段：托夫生注射液于2025年6月在中国上市，用于治疗SOD1突变患者。</p>"
        for n in range(8)
    )
    page = f"<html><head><title>托夫生上市</title></head><body><nav>首页 登录</nav><article>{body}</article></body></html>"
    server.route("/news/tofersen-launch.html", Reply(body=page.encode(), headers=HTML))
    url = server.url("/news/tofersen-launch.html")

    article = fetch_article(url, LOOPBACK)

    assert (article.name, article.path) == ("tofersen-launch.html", url)
    assert article.text.startswith("托夫生上市") and "第7段" in article.text
    assert "登录" not in article.text


@pytest.mark.parametrize(
    "path, reply, message",
    [
        (
            "/photo.png",
            Reply(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 64, headers={"Content-Type": "image/png"}),
            "not an article page: PNG image",
        ),
        ("/missing.html", Reply(404, b"not here"), "HTTP 404"),
        (
            "/login.html",
            Reply(body=b"<html><body><p>Please log in.</p></body></html>", headers=HTML),
            "not an article page: only 12 characters of text",
        ),
    ],
)
def test_a_url_that_is_not_an_article_page_is_refused_in_one_line(server, path, reply, message):
    server.route(path, reply)
    with pytest.raises(ArticleError, match=message) as raised:
        fetch_article(server.url(path), LOOPBACK)
    assert str(raised.value).startswith(server.url(path)) and "\n" not in str(raised.value)


def test_queries_list_runs_decodes_the_json_columns(db):
    store.write_run(
        db,
        {
            "id": "r1",
            "kind": "refresh",
            "started_at": "2025-01-01T00:00:00+00:00",
            "fetch_statuses": {"ok": 2},
            "articles": [],
            "new_claims": ["c1"],
            "changed_claims": [],
            "removed_claims": [],
            "review_flagged": [],
            "new_conflicts": [],
            "errors": [["a.txt", "bug"]],
        },
    )
    (run,) = queries.list_runs(db)
    assert run["fetch_statuses"] == {"ok": 2} and run["errors"] == [["a.txt", "bug"]]


def test_the_run_report_counts_archived_copies_apart(tmp_path):
    from collections import Counter

    from alsingest.refresh import REFRESH, RunReport, render_markdown, utc_now
    from alsingest.sources import FetchSummary

    report = RunReport("run-a", REFRESH, utc_now())
    summary = FetchSummary("f-1", Counter({"ok": 3}), new_versions=3, archived=2)
    report.add_fetch(summary)
    report.add_fetch(FetchSummary("f-2", Counter({"ok": 1}), new_versions=1))
    assert (report.new_versions, report.archived) == (4, 2)
    assert report.as_dict()["archived"] == 2
    db = store.open_db(tmp_path / "c.db")
    text = render_markdown(db, report, {}, {})
    assert "4 new document versions (2 archived copies of dead links)" in text
