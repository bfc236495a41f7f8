"""Fetching what the corpus cites, end to end: articles in, statuses, versions and log rows out.

Every test serves its sources from a real HTTP server on 127.0.0.1 (never the internet)
and reads the results back from the corpus, not from the fetcher.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from http_server import LoopbackServer, Reply, Seen
from test_documents import make_pdf
from test_fetch import FAST

from alsingest import queries, sources, store
from alsingest.pipeline import ingest_files
from alsingest.sources import SourceError, attach, fetch_references, parse_duration, plan_fetch

CHINESE = (
    "渐冻症是一种进行性神经退行性疾病，托夫生用于治疗SOD1突变的患者。研究显示治疗可以延缓病情发展。"
)


def page(text: str = CHINESE, title: str = "托夫生的临床试验") -> bytes:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><p>{text}</p><p>{text}</p></article></body></html>"
    ).encode()


HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as s:
        yield s


@pytest.fixture
def cite(db, toolkit, tmp_path):
    """``cite("a", [url, ...])`` ingests article a.txt whose reference list is those entries."""

    def add(name: str, references: list[str]) -> None:
        folder = tmp_path / name
        folder.mkdir()
        markers = "".join(f"[{n}]" for n in range(1, len(references) + 1))
        entries = "\n".join(f"[{n}]{ref}" for n, ref in enumerate(references, start=1))
        text = (
            f"渐冻症研究进展\n\n托夫生是一种反义寡核苷酸药物{markers}。\n\n参考资料:\n{entries}\n"
        )
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        report = ingest_files(db, [folder], toolkit)
        assert report.ok and len(report.new) == 1

    return add


def refs(db) -> dict[tuple[str, int], dict]:
    return {(r["article"], r["n"]): r for r in queries.export_references(db)}


def versions(db) -> list[dict]:
    return list(queries.export_documents(db))


def log_rows(db, url: str) -> list[dict]:
    return list(
        db.query("select * from fetch_log where url = ? order by started_at, attempt", [url])
    )


def test_a_first_fetch_stores_status_a_version_and_a_log_row(db, cite, server):
    server.route("/doc", Reply(body=page(), headers={**HTML, "ETag": '"v1"'}))
    cite("a", [server.url("/doc")])
    summary = fetch_references(db, FAST)
    ref = refs(db)[("a.txt", 1)]
    assert (ref["status"], ref["http_status"], ref["reason"]) == ("ok", 200, None)
    assert ref["document_versions"] == 1 and len(ref["document_hash"]) == 64
    assert ref["fetched_at"]
    [version] = versions(db)
    assert version["url"] == server.url("/doc") and version["final_url"] == server.url("/doc")
    assert (version["version"], version["source"], version["current"]) == (1, "fetched", True)
    assert version["content_type"] == "text/html"
    assert version["title"] == "托夫生的临床试验"
    assert "托夫生用于治疗SOD1突变的患者" in version["text"]
    assert version["hash"] == ref["document_hash"]
    [log] = log_rows(db, server.url("/doc"))
    assert (log["attempt"], log["outcome"], log["http_status"]) == (1, "ok", 200)
    assert summary.statuses == {"ok": 1} and summary.new_versions == 1


def test_refresh_sends_the_validators_and_records_304_without_downloading(db, cite, server):
    stamp = "Wed, 01 May 2024 00:00:00 GMT"

    def conditional(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(body=page(), headers={**HTML, "ETag": '"v1"', "Last-Modified": stamp})

    server.route("/doc", conditional)
    cite("a", [server.url("/doc")])
    fetch_references(db, FAST)
    first_hash = refs(db)[("a.txt", 1)]["document_hash"]
    summary = fetch_references(db, FAST)
    assert server.seen[1].headers["if-none-match"] == '"v1"'
    assert server.seen[1].headers["if-modified-since"] == stamp
    ref = refs(db)[("a.txt", 1)]
    assert (ref["status"], ref["http_status"]) == ("not_modified", 304)
    assert ref["document_versions"] == 1 and ref["document_hash"] == first_hash
    assert summary.statuses == {"not_modified": 1} and summary.new_versions == 0
    assert [row["outcome"] for row in log_rows(db, server.url("/doc"))] == [
        "ok",
        "not_modified",
    ]


def test_a_refresh_that_brings_the_same_content_adds_no_version(db, cite, server):
    # No validators: the server sends the whole page again; only the hash tells.
    server.route("/doc", Reply(body=page(), headers=HTML))
    cite("a", [server.url("/doc")])
    fetch_references(db, FAST)
    summary = fetch_references(db, FAST)
    assert server.hits("/doc") == 2
    assert summary.unchanged == 1 and summary.new_versions == 0
    assert len(versions(db)) == 1
    assert refs(db)[("a.txt", 1)]["status"] == "ok"


def test_changed_content_adds_a_version_and_keeps_the_earlier_one(db, cite, server):
    bodies = iter([page("第一版：托夫生获批。"), page("第二版：托夫生三期试验结果公布。")])
    server.route("/doc", lambda _seen: Reply(body=next(bodies), headers=HTML))
    cite("a", [server.url("/doc")])
    fetch_references(db, FAST)
    fetch_references(db, FAST)
    first, second = versions(db)
    assert (first["version"], second["version"]) == (1, 2)
    assert "第一版" in first["text"] and "第二版" in second["text"]
    assert (first["current"], second["current"]) == (False, True)
    ref = refs(db)[("a.txt", 1)]
    assert ref["document_versions"] == 2 and ref["document_hash"] == second["hash"]


def test_a_url_cited_by_several_articles_is_fetched_once_and_linked_to_all(db, cite, server):
    server.route("/shared", Reply(body=page(), headers=HTML))
    cite("a", [server.url("/shared")])
    cite("b", [server.url("/shared?utm_source=chatgpt.com")])
    summary = fetch_references(db, FAST)
    assert server.hits("/shared") == 1
    assert summary.statuses == {"ok": 1}
    a, b = refs(db)[("a.txt", 1)], refs(db)[("b.txt", 1)]
    assert a["status"] == b["status"] == "ok"
    assert a["document_hash"] == b["document_hash"] is not None
    assert db["documents"].count == 1
    # The document keeps the URL as first cited; it fetched the normalised one.
    assert next(db.query("select url from documents"))["url"] == server.url("/shared")


def test_every_bad_input_ends_in_its_status_with_its_reason_and_the_run_goes_on(db, cite, server):
    server.route("/good", Reply(body=page(), headers=HTML))
    server.route("/missing", Reply(404, b"not here"))
    server.route("/gone", Reply(410, b"gone"))
    server.route("/broken", Reply(500))
    server.route("/slow", Reply(body=page(), headers=HTML, delay=1.0))
    server.route("/ping", Reply(302, headers={"Location": "/pong"}))
    server.route("/pong", Reply(302, headers={"Location": "/ping"}))
    server.route("/big", Reply(body=b"x" * 300_000, headers=HTML))
    server.route("/silent", Reply(hang_up=True))
    server.route("/empty", Reply(body=b"", headers=HTML))
    server.route("/image", Reply(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 64, headers=HTML))
    cited = {
        "/good": ("ok", 200, None),
        "/missing": ("http_error", 404, "HTTP 404"),
        "/gone": ("http_error", 410, "HTTP 410"),
        "/broken": ("http_error", 500, "HTTP 500"),
        "/slow": ("timeout", None, "ReadTimeout"),
        "/ping": ("network_error", 302, "redirect loop"),
        "/big": ("too_large", 200, "body over 100000 bytes"),
        "/silent": ("network_error", None, "RemoteProtocolError"),
        "/empty": ("unsupported_type", 200, "empty body"),
        "/image": ("unsupported_type", 200, "PNG image"),
    }
    others = [
        ("http://example.org:99999/paper", "network_error", "invalid URL"),
        ("某某论文标题", "no_url", "title only, no URL"),
        ("[点击查看](#)", "no_url", "placeholder link, no URL"),
    ]
    cite("a", [server.url(p) for p in cited] + [text for text, _, _ in others])
    options = replace(FAST, max_bytes=100_000, retries=1)
    summary = fetch_references(db, options)
    found = refs(db)
    for n, (path, (status, http_status, reason)) in enumerate(cited.items(), start=1):
        ref = found[("a.txt", n)]
        assert (ref["status"], ref["http_status"]) == (status, http_status), path
        assert (reason or "") in (ref["reason"] or ""), path
        assert len(log_rows(db, server.url(path))) >= 1, path
    for n, (_text, status, reason) in enumerate(others, start=len(cited) + 1):
        ref = found[("a.txt", n)]
        assert ref["status"] == status and reason in ref["reason"]
    # Retried failures leave one log row per attempt; a refused URL leaves one row too.
    assert len(log_rows(db, server.url("/broken"))) == options.retries + 1
    [refused] = log_rows(db, "http://example.org:99999/paper")
    assert (refused["attempt"], refused["outcome"]) == (0, "network_error")
    assert summary.fetched == len(cited) + 1
    assert [v["url"] for v in versions(db)] == [server.url("/good")]


def test_a_failed_refresh_keeps_the_earlier_version_and_its_validators(db, cite, server):
    replies = iter([Reply(body=page(), headers={**HTML, "ETag": '"v1"'})])
    server.route("/doc", lambda _seen: next(replies, Reply(503)))
    cite("a", [server.url("/doc")])
    fetch_references(db, FAST)
    before = versions(db)
    fetch_references(db, FAST)
    ref = refs(db)[("a.txt", 1)]
    assert (ref["status"], ref["http_status"], ref["reason"]) == ("http_error", 503, "HTTP 503")
    assert versions(db) == before
    assert ref["document_hash"] == before[0]["hash"] and ref["document_versions"] == 1
    # The next refresh is still conditional.
    fetch_references(db, FAST)
    assert server.seen[-1].headers.get("if-none-match") == '"v1"'


def test_429_with_retry_after_then_200_is_stored_with_both_attempts_logged(db, cite, server):
    replies = iter([Reply(429, headers={"Retry-After": "1"}), Reply(body=page(), headers=HTML)])
    server.route("/busy", lambda _seen: next(replies))
    cite("a", [server.url("/busy")])
    fetch_references(db, replace(FAST, backoff_max=2.0))
    assert refs(db)[("a.txt", 1)]["status"] == "ok"
    rows = log_rows(db, server.url("/busy"))
    assert [(r["attempt"], r["http_status"], r["outcome"]) for r in rows] == [
        (1, 429, "http_error"),
        (2, 200, "ok"),
    ]
    first, second = (datetime.fromisoformat(r["started_at"]) for r in rows)
    assert (second - first).total_seconds() >= 0.9


def test_500_then_200_is_stored_as_ok(db, cite, server):
    replies = iter([Reply(500), Reply(body=page(), headers=HTML)])
    server.route("/flaky", lambda _seen: next(replies))
    cite("a", [server.url("/flaky")])
    fetch_references(db, FAST)
    ref = refs(db)[("a.txt", 1)]
    assert (ref["status"], ref["http_status"], ref["document_versions"]) == ("ok", 200, 1)
    outcomes = [r["outcome"] for r in log_rows(db, server.url("/flaky"))]
    assert outcomes == ["http_error", "ok"]


def test_a_gbk_page_served_as_utf8_is_stored_as_chinese_text(db, cite, server):
    body = page().decode().replace("charset='utf-8'", "").encode("gbk")
    server.route("/gbk", Reply(body=body, headers=HTML))
    cite("a", [server.url("/gbk")])
    fetch_references(db, FAST)
    [version] = versions(db)
    assert "托夫生用于治疗SOD1突变的患者" in version["text"]
    assert version["title"] == "托夫生的临床试验"
    assert version["encoding"] == "gb18030"


def test_a_pdf_is_stored_with_its_text_title_and_date(db, cite, server):
    pdf = make_pdf(["Tofersen phase 3 VALOR results"], title="VALOR", created="D:20230425")
    server.route("/paper.pdf", Reply(body=pdf, headers={"Content-Type": "application/pdf"}))
    cite("a", [server.url("/paper.pdf")])
    fetch_references(db, FAST)
    [version] = versions(db)
    assert version["content_type"] == "application/pdf"
    assert "Tofersen phase 3 VALOR results" in version["text"]
    assert (version["title"], version["published"]) == ("VALOR", "2023-04-25")


def test_a_private_address_is_blocked_unless_allowed(db, cite, server):
    server.route("/doc", Reply(body=page(), headers=HTML))
    cite("a", [server.url("/doc")])
    fetch_references(db, replace(FAST, allow_private_hosts=False))
    ref = refs(db)[("a.txt", 1)]
    assert ref["status"] == "blocked"
    assert ref["reason"] == "resolves to private address 127.0.0.1"
    assert server.hits("/doc") == 0
    fetch_references(db, FAST)
    assert refs(db)[("a.txt", 1)]["status"] == "ok"


def test_references_without_a_url_are_no_url_and_unfetched_ones_say_so(db, cite, server):
    cite("a", [server.url("/never"), "某某论文标题", "[点击查看](#)"])
    found = refs(db)
    assert found[("a.txt", 1)]["status"] == "unfetched"
    assert found[("a.txt", 2)]["status"] == "no_url"
    assert found[("a.txt", 3)]["status"] == "no_url"
    assert [r["n"] for r in queries.list_references(db, status="no_url")] == [2, 3]
    assert db["documents"].count == 0


def test_only_failed_fetches_only_urls_whose_last_fetch_failed(db, cite, server):
    server.route("/good", Reply(body=page(), headers=HTML))
    replies = iter([Reply(404)])
    server.route(
        "/later", lambda _seen: next(replies, Reply(body=page("后来有了。"), headers=HTML))
    )
    cite("a", [server.url("/good"), server.url("/later")])
    fetch_references(db, FAST)
    summary = fetch_references(db, FAST, only_failed=True)
    assert server.hits("/good") == 1 and server.hits("/later") == 2
    assert summary.skipped == {sources.NOT_FAILED: 1}
    assert refs(db)[("a.txt", 2)]["status"] == "ok"


def test_stale_after_leaves_recently_fetched_urls_alone(db, cite, server):
    server.route("/doc", Reply(body=page(), headers=HTML))
    cite("a", [server.url("/doc")])
    fetch_references(db, FAST)
    summary = fetch_references(db, FAST, stale_after=timedelta(days=7))
    assert server.hits("/doc") == 1 and summary.skipped == {sources.FRESH: 1}
    later = datetime.now(UTC) + timedelta(days=8)
    assert len(plan_fetch(db, stale_after=timedelta(days=7), now=later).targets) == 1


def test_the_plan_sends_stored_validators_and_fetches_each_url_once(db, cite, server):
    server.route("/doc", Reply(body=page(), headers={**HTML, "ETag": '"abc"'}))
    cite("a", [server.url("/doc"), server.url("/doc?utm_medium=x")])
    [target] = plan_fetch(db).targets
    assert target.request.etag is None
    fetch_references(db, FAST)
    [target] = plan_fetch(db).targets
    assert (target.key, target.request.etag) == (server.url("/doc"), '"abc"')


def wechat_page(tmp_path: Path) -> Path:
    saved = tmp_path / "saved.html"
    saved.write_text(
        "<html><head><meta charset='utf-8'><title>樊东升：ALSFRS-R 的局限</title>"
        "<meta property='article:published_time' content='2021-05-06'></head><body>"
        f"<div id='js_content'><p>{CHINESE}</p><p>{CHINESE}</p></div></body></html>",
        encoding="utf-8",
    )
    return saved


def test_attach_makes_a_wechat_style_reference_usable(db, cite, server, tmp_path):
    # WeChat answers scripts with a verification wall, never the article.
    server.route("/s/abc", Reply(403, "环境异常，完成验证后即可继续访问".encode()))
    cite("a", [server.url("/s/abc")])
    fetch_references(db, FAST)
    assert refs(db)[("a.txt", 1)]["status"] == "http_error"
    attached = attach(db, server.url("/s/abc"), wechat_page(tmp_path), max_bytes=10**6)
    assert (attached.version, attached.new) == (1, True)
    ref = refs(db)[("a.txt", 1)]
    assert (ref["status"], ref["document_versions"]) == ("ok", 1)
    [version] = versions(db)
    assert (version["source"], version["title"]) == ("attached", "樊东升：ALSFRS-R 的局限")
    assert version["published"] == "2021-05-06"
    assert "托夫生用于治疗SOD1突变的患者" in version["text"]
    # A later run leaves the user's copy alone instead of fetching the wall again.
    summary = fetch_references(db, FAST)
    assert server.hits("/s/abc") == 1 and summary.skipped == {sources.ATTACHED: 1}
    assert refs(db)[("a.txt", 1)]["status"] == "ok"


def test_attaching_the_same_copy_twice_adds_no_version(db, cite, server, tmp_path):
    cite("a", [server.url("/s/abc")])
    saved = wechat_page(tmp_path)
    attach(db, server.url("/s/abc"), saved, max_bytes=10**6)
    again = attach(db, server.url("/s/abc") + "?utm_source=x", saved, max_bytes=10**6)
    assert (again.version, again.new) == (1, False)
    assert len(versions(db)) == 1


def test_attach_after_a_fetch_adds_a_version_and_keeps_the_fetched_one(db, cite, server, tmp_path):
    server.route("/doc", Reply(body=page("只有开头……"), headers=HTML))
    cite("a", [server.url("/doc")])
    fetch_references(db, FAST)
    attach(db, server.url("/doc"), wechat_page(tmp_path), max_bytes=10**6)
    fetched, attached = versions(db)
    assert (fetched["source"], attached["source"]) == ("fetched", "attached")
    assert (fetched["current"], attached["current"]) == (False, True)
    assert attached["version"] == 2


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (None, "saved.html", "cannot read"),
        (b"", "saved.html", "file is empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "shot.png", "PNG image"),
        (b"MIME-Version: 1.0", "page.mhtml", "save the page as HTML only"),
        (b"x" * 2000, "big.txt", "over fetch.max_bytes"),
    ],
)
def test_attach_refuses_files_it_cannot_use(db, cite, server, tmp_path, content, name, message):
    cite("a", [server.url("/doc")])
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SourceError, match=message):
        attach(db, server.url("/doc"), path, max_bytes=1000)
    assert db["document_versions"].count == 0


def test_attach_refuses_a_url_no_reference_cites(db, cite, server, tmp_path):
    cite("a", [server.url("/doc")])
    with pytest.raises(SourceError, match="no reference in the corpus cites"):
        attach(db, server.url("/other"), wechat_page(tmp_path), max_bytes=10**6)


def test_export_documents_rows_have_the_documented_fields(db, cite, server):
    server.route("/doc", Reply(body=page(), headers=HTML))
    cite("a", [server.url("/doc")])
    fetch_references(db, FAST)
    [row] = versions(db)
    assert list(row)[:9] == [
        "url",
        "final_url",
        "version",
        "source",
        "content_type",
        "title",
        "published",
        "hash",
        "text",
    ]
    json.dumps(row, ensure_ascii=False)


def test_storing_the_same_result_twice_changes_nothing(db, cite, server):
    server.route("/doc", Reply(body=page(), headers=HTML))
    cite("a", [server.url("/doc")])
    [target] = plan_fetch(db).targets
    [fetched] = sources.fetch_documents([target], FAST)
    for _ in range(2):
        store.write_fetched(db, fetched, "run-1")
    assert db["document_versions"].count == 1
    assert db["fetch_log"].count == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7d", timedelta(days=7)),
        ("12h", timedelta(hours=12)),
        ("30m", timedelta(minutes=30)),
        ("45s", timedelta(seconds=45)),
        ("2w", timedelta(weeks=2)),
        ("1d12h", timedelta(days=1, hours=12)),
        (" 1.5H ", timedelta(hours=1.5)),
    ],
)
def test_durations_are_parsed(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "7", "d", "7 days", "-1d", "7y"])
def test_bad_durations_are_refused(text):
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)


def test_fetched_sources_verify_the_claims_that_cite_them(db, toolkit, server, tmp_path):
    """End to end: an article cites two loopback pages; fetch, verify, export."""
    from alsingest.pipeline import verify_corpus

    server.route(
        "/good",
        Reply(
            body=page("2025年6月10日，托夫生注射液正式在中国上市，用于SOD1突变的成人患者。" * 3),
            headers=HTML,
        ),
    )
    server.route(
        "/other",
        Reply(body=page("利鲁唑是首个获批的渐冻症药物，1995年获FDA批准。" * 6), headers=HTML),
    )
    folder = tmp_path / "article"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "2025年6月,托夫生注射液正式在中国上市。[1]\n2025年7月,托夫生在中国获批上市。[2]\n"
        f"参考资料:\n[1]{server.url('/good')}\n[2]{server.url('/other')}\n",
        encoding="utf-8",
    )
    ingest_files(db, [folder], toolkit)
    fetch_references(db, FAST)
    report = verify_corpus(db, toolkit)
    verdicts = {(r["date"], r["verdict"]) for r in queries.export_claims(db)}
    assert verdicts == {("2025-06", "supported"), ("2025-07", "not_found")}
    assert report.verdicts == {"supported": 1, "not_found": 1}
    (supported,) = [r for r in queries.export_claims(db) if r["verdict"] == "supported"]
    (evidence,) = supported["evidence"][:1]
    assert "托夫生" in evidence["text"] and evidence["ref"] == 1


# --- issue 12: trial registries and archived copies, all on loopback ---------------------

from test_registries import CHICTR_PAGE, CT_BODY  # noqa: E402

from alsingest.sources import (  # noqa: E402
    FetchedDocument,
    SourceTemplates,
    archive_dead,
    parse_availability,
)

JSON = {"Content-Type": "application/json"}
CLOSED = "http://127.0.0.1:9"  # nothing listens on the discard port: connection refused


@pytest.fixture
def trial_article(db, toolkit, tmp_path):
    """An article whose claims name NCT04856982 and ChiCTR2000029308 and cite one page."""

    def add(cited_url: str) -> None:
        folder = tmp_path / "trials"
        folder.mkdir()
        (folder / "trials.txt").write_text(
            "渐冻症临床试验进展\n\n托夫生的3期临床试验（NCT04856982）共纳入200名受试者。[1]\n\n"
            "2020年3月，间充质干细胞治疗渐冻症的2期临床试验（ChiCTR2000029308）启动。[1]\n\n"
            f"参考资料:\n[1]{cited_url}\n",
            encoding="utf-8",
        )
        assert ingest_files(db, [folder], toolkit).ok

    return add


def registry_templates(server) -> SourceTemplates:
    return SourceTemplates(
        clinicaltrials=server.url("/api/v2/studies/{id}"),
        chictr=server.url("/chictr/showproj?regno={id}"),
    )


def test_claims_carry_the_registry_ids_of_their_sentence(db, trial_article, server):
    trial_article(server.url("/doc"))
    ids = {r["therapy"]: r["trial_ids"] for r in queries.export_claims(db)}
    assert ids["tofersen"] == ["NCT04856982"] and ids["msc"] == ["ChiCTR2000029308"]


def test_registry_records_are_fetched_stored_and_contradict_a_wrong_enrollment(
    db, toolkit, trial_article, server
):
    from alsingest.pipeline import verify_corpus

    server.route("/doc", Reply(body=page(), headers=HTML))
    server.route("/api/v2/studies/NCT04856982", Reply(body=CT_BODY, headers=JSON))
    server.route("/chictr/showproj", Reply(body=CHICTR_PAGE, headers=HTML))
    trial_article(server.url("/doc"))
    summary = fetch_references(db, FAST, templates=registry_templates(server))
    assert summary.statuses["ok"] == 3 and summary.new_versions == 3
    assert any("regno=ChiCTR2000029308" in s.path for s in server.seen)
    records = {row["trial_id"]: row for row in versions(db) if row["trial_id"]}
    assert set(records) == {"NCT04856982", "ChiCTR2000029308"}
    assert "Enrollment: 150 (anticipated)" in records["NCT04856982"]["text"]
    assert json.loads(records["ChiCTR2000029308"]["record"])["status"] == "planned"
    verify_corpus(db, toolkit)
    claims = {r["therapy"]: r for r in queries.export_claims(db)}
    registry = [v for v in claims["tofersen"]["verdicts"] if v["kind"] == "registry"]
    assert [v["verdict"] for v in registry] == ["contradicted"]
    assert "150 (anticipated)" in registry[0]["reason"]
    assert claims["tofersen"]["verdict"] == "contradicted"
    # ChiCTR says not yet recruiting: a trial reported as started is contradicted.
    (chictr,) = [v for v in claims["msc"]["verdicts"] if v["kind"] == "registry"]
    assert chictr["verdict"] == "contradicted" and "status" in chictr["reason"]


@pytest.mark.parametrize(
    "reply, status, reason",
    [
        (None, "network_error", "ConnectError"),
        (Reply(500), "http_error", "HTTP 500"),
        (
            Reply(body=b"<html>maintenance</html>", headers=HTML),
            "unsupported_type",
            "protocolSection",
        ),
    ],
)
def test_an_unreachable_or_unreadable_registry_degrades_to_a_clear_status(
    db, trial_article, server, reply, status, reason
):
    server.route("/doc", Reply(body=page(), headers=HTML))
    if reply is not None:
        server.route("/api/v2/studies/NCT04856982", reply)
    templates = SourceTemplates(
        clinicaltrials=(server.url("/api/v2/studies/{id}") if reply else CLOSED + "/{id}")
    )
    trial_article(server.url("/doc"))
    summary = fetch_references(db, FAST, templates=templates)
    (row,) = [r for r in db["documents"].rows if r["trial_id"] == "NCT04856982"]
    assert row["status"] == status and reason in row["reason"]
    assert summary.statuses["ok"] == 1 and row["current_version"] is None


WAYBACK_ANSWER = {
    "url": "example.org/gone",
    "archived_snapshots": {
        "closest": {
            "status": "200",
            "available": True,
            "url": "URL/web/20190302101500/http://example.org/gone",
            "timestamp": "20190302101500",
        }
    },
}


def wayback(server, answer: dict | None = WAYBACK_ANSWER) -> SourceTemplates:
    body = json.dumps(answer or {"archived_snapshots": {}}).replace("URL", server.url(""))
    server.route("/wayback/available", Reply(body=body.encode(), headers=JSON))
    return SourceTemplates(wayback=server.url("/wayback/available?url={url}"))


def test_a_dead_link_is_read_in_its_closest_archived_snapshot(db, toolkit, server, tmp_path):
    from alsingest.pipeline import verify_corpus

    server.route("/gone", Reply(404))
    server.route(
        "/web/20190302101500id_/http://example.org/gone",
        Reply(body=page("2025年6月10日，托夫生注射液正式在中国上市。" * 4), headers=HTML),
    )
    folder = tmp_path / "launch"
    folder.mkdir()
    (folder / "a.txt").write_text(
        f"2025年6月10日，托夫生注射液正式在中国上市。[1]\n\n参考资料:\n[1]{server.url('/gone')}\n",
        encoding="utf-8",
    )
    assert ingest_files(db, [folder], toolkit).ok
    summary = fetch_references(db, FAST, templates=wayback(server))
    assert summary.archived == 1 and summary.statuses["http_error"] == 1
    (lookup,) = [s for s in server.seen if s.path.startswith("/wayback/available")]
    assert "url=http%3A%2F%2F127.0.0.1" in lookup.path  # the dead URL, percent-encoded
    (version,) = versions(db)
    assert (version["source"], version["archived"], version["current"]) == (
        "archived",
        "2019-03-02",
        True,
    )
    ref = refs(db)[("a.txt", 1)]
    assert ref["status"] == "http_error" and "archived copy of 2019-03-02" in ref["reason"]
    urls = [row["url"] for row in db["fetch_log"].rows]
    assert any("/wayback/available" in u for u in urls) and any("id_/" in u for u in urls)
    verify_corpus(db, toolkit)
    (claim,) = list(queries.export_claims(db))
    assert claim["verdict"] == "supported"
    assert "archived copy of 2019-03-02" in claim["verdict_reason"]
    assert claim["verdicts"][0]["archived"] == "2019-03-02"


def test_a_block_page_is_replaced_by_its_archived_copy(db, cite, server):
    server.route(
        "/wall", Reply(body=page("环境异常 完成验证后即可继续访问。", "验证"), headers=HTML)
    )
    server.route("/web/20190302101500id_/http://example.org/gone", Reply(body=page(), headers=HTML))
    cite("a", [server.url("/wall")])
    fetch_references(db, FAST, templates=wayback(server))
    current = [v for v in versions(db) if v["current"]]
    assert [v["source"] for v in current] == ["archived"]


@pytest.mark.parametrize(
    "answer, note",
    [
        ({"archived_snapshots": {}}, "has no snapshot"),
        (None, "has no snapshot"),
    ],
)
def test_a_dead_link_without_a_snapshot_says_so(db, cite, server, answer, note):
    server.route("/gone", Reply(404))
    cite("a", [server.url("/gone")])
    fetch_references(db, FAST, templates=wayback(server, answer))
    ref = refs(db)[("a.txt", 1)]
    assert ref["status"] == "http_error" and note in ref["reason"] and "HTTP 404" in ref["reason"]
    assert versions(db) == []


def test_an_unreachable_archive_degrades_to_a_clear_reason(db, cite, server):
    server.route("/gone", Reply(404))
    cite("a", [server.url("/gone")])
    fetch_references(db, FAST, templates=SourceTemplates(wayback=CLOSED + "/available?url={url}"))
    ref = refs(db)[("a.txt", 1)]
    assert ref["status"] == "http_error"
    assert "Wayback Machine lookup failed: network_error" in ref["reason"]


def test_archive_lookups_obey_the_ssrf_rules(server):
    from alsingest.fetch import FetchResult

    dead = FetchResult(
        "https://example.org/gone",
        None,
        "http_error",
        404,
        "HTTP 404",
        None,
        None,
        None,
        None,
        "t",
        (),
    )
    item = FetchedDocument("https://example.org/gone", "https://example.org/gone", dead, None, None)
    template = server.url("/wayback/available?url={url}")
    (out,) = archive_dead([item], replace(FAST, allow_private_hosts=False), template)
    assert out.archive is None and "lookup failed: blocked" in out.archive_note
    assert server.seen == []


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            b'{"archived_snapshots": {"closest": {"available": true, "status": "200", '
            b'"url": "http://web.archive.org/web/20130919044612/http://example.com/", '
            b'"timestamp": "20130919044612"}}}',
            ("http://web.archive.org/web/20130919044612id_/http://example.com/", "2013-09-19"),
        ),
        (b'{"archived_snapshots": {}}', None),
        (
            b'{"archived_snapshots": {"closest": {"available": true, "status": "404", '
            b'"url": "http://web.archive.org/web/20130919044612/http://x/", "timestamp": "20130919044612"}}}',
            None,
        ),
        (b"<html>rate limited</html>", None),
    ],
)
def test_wayback_availability_answers_are_read(body, expected):
    assert parse_availability(body) == expected


def test_source_templates_must_hold_their_placeholder(tmp_path):
    from alsingest.config import ConfigError, load_config
    from alsingest.sources import source_templates

    shipped = source_templates(load_config())
    assert shipped.clinicaltrials == "https://clinicaltrials.gov/api/v2/studies/{id}"
    assert "{url}" in shipped.wayback
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[sources]\nwayback = "https://archive.org/wayback/available"\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="wayback"):
        source_templates(load_config(bad))
