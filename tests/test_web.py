"""The review app through Starlette's TestClient: pages, CSRF, escaping, token, filters."""

import json
import re
import warnings

import pytest
from click.testing import CliRunner
from conftest import copy_corpus

from alsingest import queries, store
from alsingest.cli import cli
from alsingest.pipeline import ingest_files
from alsingest.web import timeline, views
from alsingest.web.app import create_app, is_loopback, serve

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

SCRIPT_ARTICLE = (
    "托夫生新闻 <script>window.__xss = 1</script>\n\n"
    "2023年4月,托夫生(Tofersen)获美国FDA加速批准上市<script>window.__xss = 2</script>[1]。"
    '<b onmouseover="window.__xss = 3">渐冻症</b>\n\n'
    "参考资料:\n[1]https://example.org/tofersen\n"
)


# The review server answers only the host names it was bound for.
LOCAL = "http://127.0.0.1:8765"


def make_corpus(seeded_db, toolkit, folder):
    """The seeds plus an article holding markup and scripts, in a writable file."""
    path = folder / "corpus.db"
    articles = folder / "extra"
    articles.mkdir()
    (articles / "zz_script.txt").write_text(SCRIPT_ARTICLE, encoding="utf-8")
    db = copy_corpus(seeded_db, path)
    assert ingest_files(db, [articles], toolkit).ok
    db.close()
    return path


@pytest.fixture
def corpus(seeded_db, toolkit, tmp_path):
    return make_corpus(seeded_db, toolkit, tmp_path)


@pytest.fixture
def client(corpus, lexicon):
    with TestClient(create_app(corpus, lexicon=lexicon), base_url=LOCAL) as test_client:
        yield test_client


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def first_claim_id(page: str) -> str:
    return re.search(r'data-claim="([0-9a-f]+)"', page).group(1)


def decisions(corpus):
    db = store.open_db(corpus)
    try:
        return store.read_decisions(db)
    finally:
        db.close()


def post_decision(client, claim_id, csrf, **fields):
    return client.post(
        f"/claims/{claim_id}/decisions",
        data={"csrf": csrf, "return_to": "/", "next": claim_id, **fields},
        follow_redirects=False,
    )


@pytest.mark.parametrize("path", ["/", "/timeline", "/conflicts", "/history", "/?page=2"])
def test_every_page_renders_with_a_strict_content_security_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_queue_shows_sentence_highlights_paragraph_and_reference(client):
    page = client.get("/?therapy=tofersen&article=000_10f194e9a782d43d.txt").text
    assert '<mark class="hl-therapy q">托夫生注射液</mark>' in page
    assert '<mark class="hl-date q">2025年6月</mark>' in page
    assert "最具里程碑意义的事件是" in page  # the sentence's paragraph
    assert "https://finance.sina.com.cn/stock/med/2025-06-10/doc-inezpuqq3785643.shtml" in page
    assert "unfetched" in page  # the reference's fetch status
    assert "<kbd>a</kbd>" in page and "<kbd>j</kbd>" in page


def test_a_decision_is_stored_and_shown_after_reload(client, corpus):
    page = client.get("/").text
    claim_id = first_claim_id(page)
    response = post_decision(
        client, claim_id, csrf_of(page), action="accept", note="fine", reviewer="Wang"
    )
    assert response.status_code == 303 and response.headers["location"] == f"/#c-{claim_id}"
    [row] = decisions(corpus)
    assert (row["claim_id"], row["decision"], row["reviewer"], row["note"]) == (
        claim_id,
        "accepted",
        "Wang",
        "fine",
    )
    accepted = client.get("/?review=accepted").text
    assert re.findall(r'data-claim="([0-9a-f]+)"', accepted) == [claim_id]
    assert "Wang" in client.get(f"/claims/{claim_id}").text


def test_a_post_without_the_csrf_token_is_refused(client, corpus):
    page = client.get("/")
    claim_id = first_claim_id(page.text)
    missing = post_decision(client, claim_id, "", action="accept")
    wrong = post_decision(client, claim_id, "x" * 43, action="accept")
    assert missing.status_code == 403 and wrong.status_code == 403
    assert "CSRF" in missing.text
    assert decisions(corpus) == []


def test_a_post_without_the_csrf_cookie_is_refused(corpus, lexicon):
    app = create_app(corpus, lexicon=lexicon)
    with TestClient(app, base_url=LOCAL) as first:
        page = first.get("/").text
    with TestClient(
        app, base_url=LOCAL
    ) as other:  # another browser: no cookie, a token copied from a page
        response = post_decision(other, first_claim_id(page), csrf_of(page), action="accept")
    assert response.status_code == 403
    assert decisions(corpus) == []


def test_a_cross_site_post_is_refused_even_with_the_token(client, corpus):
    page = client.get("/").text
    response = client.post(
        f"/claims/{first_claim_id(page)}/decisions",
        data={"csrf": csrf_of(page), "action": "accept"},
        headers={"origin": "https://evil.example"},
    )
    assert response.status_code == 403
    assert decisions(corpus) == []


def test_article_text_is_escaped_never_run(client):
    page = client.get("/?article=zz_script.txt").text
    assert "&lt;script&gt;window.__xss = 2&lt;/script&gt;" in page
    assert "<script>window" not in page
    assert "onmouseover=" not in page.replace("onmouseover=&#34;", "")
    assert "<b " not in page
    claim_id = first_claim_id(page)
    detail = client.get(f"/claims/{claim_id}").text
    assert "&lt;script&gt;" in detail and "<script>window" not in detail
    assert "<script>window" not in client.get("/timeline").text


def test_only_http_links_are_clickable():
    assert views.safe_href("https://example.org/a") == "https://example.org/a"
    assert views.safe_href("javascript:alert(1)") is None
    assert views.safe_href(" JavaScript:alert(1)") is None
    assert views.safe_href("data:text/html,<script>") is None
    assert views.safe_href(None) is None


def test_correcting_a_date_through_the_form(client, corpus):
    page = client.get("/?therapy=snug01").text
    claim_id = first_claim_id(page)
    response = post_decision(
        client,
        claim_id,
        csrf_of(page),
        action="correct",
        therapy="snug01",
        type="trial_start",
        date="2025-03-20",
        phase="1/2a",
        enrollment="",
        refs="2",
    )
    assert response.status_code == 303
    [row] = decisions(corpus)
    assert row["decision"] == "corrected" and row["corrections"] == {"date": "2025-03-20"}
    shown = client.get("/?therapy=snug01").text
    assert "<del>2025-03-24</del>" in shown and "2025-03-20</ins>" in shown


def test_a_bad_correction_shows_the_error_and_keeps_the_input(client, corpus):
    page = client.get("/?therapy=snug01").text
    response = post_decision(
        client,
        first_claim_id(page),
        csrf_of(page),
        action="correct",
        therapy="snug01",
        type="trial_start",
        date="2025-02-30",
    )
    assert response.status_code == 400
    assert "not a real date" in response.text and 'value="2025-02-30"' in response.text
    assert decisions(corpus) == []


def test_the_redirect_after_a_decision_stays_on_this_site(client):
    page = client.get("/").text
    claim_id = first_claim_id(page)
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post(
            f"/claims/{claim_id}/decisions",
            data={"csrf": csrf_of(page), "action": "accept", "return_to": target},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/"


def test_two_decisions_keep_history_and_the_latest_counts(client, corpus):
    page = client.get("/?therapy=snug01").text
    claim_id = first_claim_id(page)
    post_decision(client, claim_id, csrf_of(page), action="reject", note="first")
    post_decision(client, claim_id, csrf_of(page), action="accept", note="second")
    assert [d["decision"] for d in decisions(corpus)] == ["rejected", "accepted"]
    detail = client.get(f"/claims/{claim_id}").text
    assert detail.index("second") < detail.index("first")  # newest first, both shown
    db = store.open_db(corpus)
    assert [r["claim_id"] for r in queries.export_reviewed_claims(db)] == [claim_id]
    db.close()


def test_filters_narrow_the_queue(client):
    def therapies(query):
        page = client.get("/?" + query).text
        return set(re.findall(r"<dt>therapy</dt><dd[^>]*>([^<]+)<", page)), page

    found, _ = therapies("therapy=tofersen")
    assert found == {"tofersen"}
    _, page = therapies("type=launch&article=000_10f194e9a782d43d.txt")
    assert set(re.findall(r"<dt>type</dt><dd>([^<]+)<", page)) == {"launch"}
    assert set(re.findall(r'class="article" [^>]*>([^ ]+) ·', page)) == {"000_10f194e9a782d43d.txt"}
    _, page = therapies("status=planned")
    assert set(re.findall(r"<dt>status</dt><dd>([^<]+)<", page)) == {"planned"}
    _, page = therapies("verdict=unverified&review=unreviewed")
    assert "data-claim=" in page
    _, page = therapies("verdict=supported")
    assert "data-claim=" not in page and "No claims match" in page


def test_unreviewed_claims_come_first(client):
    page = client.get("/?article=000_10f194e9a782d43d.txt").text
    ids = re.findall(r'data-claim="([0-9a-f]+)"', page)
    post_decision(client, ids[0], csrf_of(page), action="accept")
    page = client.get("/?article=000_10f194e9a782d43d.txt").text
    after = re.findall(r'data-claim="([0-9a-f]+)"', page)
    assert after[0] == ids[1] and after[-1] == ids[0]


def test_changed_since_review_is_shown(client, corpus):
    page = client.get("/?therapy=snug01").text
    claim_id = first_claim_id(page)
    post_decision(client, claim_id, csrf_of(page), action="accept")
    db = store.open_db(corpus)
    db.execute("update claims set enrollment = 40 where claim_id = ?", [claim_id])
    db.conn.commit()
    db.close()
    shown = client.get("/?therapy=snug01").text
    assert "changed since review: enrollment" in shown
    assert first_claim_id(client.get("/?review=changed").text) == claim_id


def test_verdict_and_evidence_show_when_verification_has_run(client, corpus):
    assert 'value="supported"' not in client.get("/").text  # counts kept with no verdict yet
    db = store.open_db(corpus)
    rows = list(db.query(
        "select c.id, c.claim_id from claims c join articles a on a.current_version = c.version_id "
        "where a.name = 'zz_script.txt'"
    ))  # fmt: skip
    store.write_verifications(
        db,
        [
            {"id": row["id"], "claim_id": row["claim_id"], "verdict": "supported",
             "evidence": '[{"text": "Tofersen <b>approved</b> in April 2023", "start": 3}]'}
            for row in rows
        ],
    )  # fmt: skip
    db.close()
    page = client.get("/?article=zz_script.txt&verdict=supported").text
    assert "verdict-supported" in page
    assert "Tofersen &lt;b&gt;approved&lt;/b&gt; in April 2023" in page
    assert "verification has not run" not in page
    # The filter's counts were kept before the verdicts came, and counted again since.
    assert re.search(rf'<option value="supported"[^>]*>supported \({len(rows)}\)</option>', page)


def test_the_contradictions_page_has_an_empty_state_then_shows_sides(client, corpus):
    assert "has not run on this corpus" in client.get("/conflicts").text
    db = store.open_db(corpus)
    db["verifications"].insert({"id": "x", "verdict": "supported"})
    assert "found no contradictions" in client.get("/conflicts").text
    ids = [c["claim_id"] for c in queries.export_claims(db, therapy="lenzumestrocel")][:2]
    db["conflicts"].insert_all(
        [
            {
                "id": "outcome-1",
                "kind": "outcome",
                "therapy": "lenzumestrocel",
                "detail": "met <vs> missed",
                "claim_ids": json.dumps(ids),
                "current": 1,
            },
            {"id": "old", "kind": "date", "claim_ids": json.dumps(ids), "current": 0},
        ]
    )
    db.close()
    page = client.get("/conflicts").text
    assert page.count('class="side"') == 2 and "outcome" in page
    assert "met &lt;vs&gt; missed" in page and ">date<" not in page
    assert f"/claims/{ids[0]}" in page and f"/claims/{ids[1]}" in page


def test_the_timeline_draws_dated_claims_with_links(client):
    page = client.get("/timeline?therapy=tofersen").text
    assert page.count('<svg class="timeline"') == 1
    assert re.search(r'<a href="/claims/[0-9a-f]+" class="point verdict-unverified', page)
    assert "<circle" in page and ">approval</text>" in page


def test_the_timeline_places_dates_by_precision():
    assert timeline.date_range("2025") == (2025.0, 2026.0)
    start, end = timeline.date_range("2025-07")
    assert start == pytest.approx(2025.5) and end == pytest.approx(2025 + 7 / 12)
    day = timeline.date_range("2024-02-29")
    assert day[0] == pytest.approx(2024 + 1 / 12 + 28 / 29 / 12)
    assert timeline.date_range("2025-13") is None and timeline.date_range("soon") is None


def test_the_history_page_keeps_decisions_of_vanished_claims(client, corpus):
    page = client.get("/").text
    claim_id = first_claim_id(page)
    post_decision(client, claim_id, csrf_of(page), action="reject")
    db = store.open_db(corpus)
    db.execute("update claims set claim_id = 'ffffffffffffffff' where claim_id = ?", [claim_id])
    db.conn.commit()
    db.close()
    assert "1 decided claims no longer in the corpus" in client.get("/").text
    history = client.get("/history").text
    assert claim_id in history and ">gone<" in history
    assert "no longer in the current article versions" in client.get(f"/claims/{claim_id}").text


def test_an_unknown_claim_is_a_404(client):
    assert client.get("/claims/0123456789abcdef").status_code == 404


def test_a_token_is_required_when_set(corpus, lexicon):
    app = create_app(corpus, lexicon=lexicon, token="s3cret-token-of-24-chars")
    with TestClient(app, base_url=LOCAL) as anonymous:
        assert anonymous.get("/").status_code == 401
        assert anonymous.get("/?token=wrong").status_code == 401
        assert anonymous.get("/static/review.css").status_code == 401
        assert anonymous.get(
            "/", headers={"authorization": "Bearer s3cret-token-of-24-chars"}
        ).status_code == (200)
    with TestClient(app, base_url=LOCAL) as browser:
        first = browser.get(
            "/?token=s3cret-token-of-24-chars&therapy=tofersen", follow_redirects=False
        )
        assert first.status_code == 303 and first.headers["location"] == "/?therapy=tofersen"
        assert browser.get("/timeline").status_code == 200  # the cookie carries it now


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_binding_another_address_needs_a_token(corpus):
    with pytest.raises(ValueError, match="--token"):
        serve(str(corpus), host="0.0.0.0", port=0)
    result = CliRunner().invoke(cli, ["review", "--db", str(corpus), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--token" in result.output


@pytest.mark.parametrize("host", ["evil.example:9212", "evil.example", "127.0.0.1.evil.example"])
def test_a_request_for_another_host_name_is_refused(corpus, lexicon, host):
    # A DNS-rebinding page: evil.example resolves to 127.0.0.1, the browser sends its name.
    with TestClient(create_app(corpus, lexicon=lexicon), base_url=f"http://{host}") as rebound:
        page = rebound.get("/")
        assert page.status_code == 421
        assert 'name="csrf"' not in page.text
        forged = rebound.post(
            "/claims/0123456789abcdef/decisions",
            data={"csrf": "x" * 43, "action": "accept"},
            headers={"origin": f"http://{host}"},
            cookies={"alsingest_csrf": "x" * 43},
        )
        assert forged.status_code == 421
    assert decisions(corpus) == []


@pytest.mark.parametrize(
    ("bound", "host", "status"),
    [
        ("127.0.0.1", "127.0.0.1:8765", 200),
        ("127.0.0.1", "localhost:8765", 200),
        ("127.0.0.1", "[::1]:8765", 200),
        ("review.lab.example", "review.lab.example:8765", 200),
        ("review.lab.example", "other.lab.example:8765", 421),
    ],
)
def test_the_names_it_was_bound_for_are_served(corpus, lexicon, bound, host, status):
    from alsingest.web.app import bound_names

    app = create_app(corpus, lexicon=lexicon, hosts=bound_names(bound))
    with TestClient(app, base_url=f"http://{host}") as browser:
        assert browser.get("/").status_code == status


@pytest.mark.parametrize("token", ["", "   ", "short", "fifteen-chars!!"])
def test_a_short_or_blank_token_is_refused(corpus, lexicon, token):
    with pytest.raises(ValueError, match="at least 16 characters"):
        create_app(corpus, lexicon=lexicon, token=token)
    result = CliRunner().invoke(
        cli, ["review", "--db", str(corpus), "--host", "0.0.0.0", "--token", token]
    )
    assert result.exit_code == 2 and "at least 16 characters" in result.output


def test_a_contradicted_claim_comes_first_and_shows_each_source(client, corpus):
    db = store.open_db(corpus)
    rows = list(db.query(
        "select c.id, c.claim_id from claims c join articles a on a.current_version = c.version_id "
        "where a.name = '000_10f194e9a782d43d.txt' order by c.start"
    ))  # fmt: skip
    assert len(rows) > 1
    last = rows[-1]
    store.write_verifications(
        db,
        [
            {"id": row["id"], "claim_id": row["claim_id"],
             "verdict": "contradicted" if row is last else "supported"}
            for row in rows
        ],
    )  # fmt: skip
    store.write_source_verdicts(
        db,
        [last["id"]],
        [
            {"id": f"{last['id']}-{n}", "claim_row": last["id"], "claim_id": last["claim_id"],
             "kind": "reference", "ref": n, "verdict": verdict, "reason": reason}
            for n, verdict, reason in ((1, "supported", "met"), (2, "contradicted", "missed"))
        ],
    )  # fmt: skip
    db.close()
    page = client.get("/?article=000_10f194e9a782d43d.txt").text
    assert first_claim_id(page) == last["claim_id"]
    card = page[page.index(f'data-claim="{last["claim_id"]}"') :]
    listed = card[card.index('class="per-source"') :]
    assert listed.index("[2]") < listed.index("[1]")


def claim_ids_of(page: str) -> list[str]:
    return re.findall(r'data-claim="([0-9a-f]+)"', page)


def test_the_queue_pages_through_every_claim_once_decided_ones_last(client, corpus):
    first = client.get("/").text
    decided = claim_ids_of(first)[3]
    post_decision(client, decided, csrf_of(first), action="accept")
    db = store.open_db(corpus)
    current = [c["claim_id"] for c in queries.export_claims(db)]
    db.close()
    pages = int(re.search(r"page 1 of (\d+)", client.get("/").text).group(1))
    assert pages == -(-len(current) // views.PAGE_SIZE) > 1
    seen = [i for n in range(1, pages + 1) for i in claim_ids_of(client.get(f"/?page={n}").text)]
    assert sorted(seen) == sorted(current) and seen[-1] == decided
    assert claim_ids_of(client.get("/?page=99").text) == claim_ids_of(
        client.get(f"/?page={pages}").text
    )
    assert claim_ids_of(client.get("/?review=accepted").text) == [decided]
    assert decided not in claim_ids_of(client.get("/?review=unreviewed&page=99").text)


def test_the_queue_s_links_continue_from_a_claim_and_give_the_pages_numbers_give(
    client, corpus, monkeypatch
):
    """Next and previous carry the claim they continue from (an index seek however deep the
    page); a page asked for by number alone is read from the nearer end: the same claims."""
    monkeypatch.setattr(views, "PAGE_SIZE", 7)
    db = store.open_db(corpus)  # contradicted claims come first: a page spans both segments
    rows = db.execute("select id, claim_id from claims order by id").fetchall()[::5][:9]
    store.write_verifications(
        db, [{"id": row, "claim_id": claim, "verdict": "contradicted"} for row, claim in rows]
    )
    db.close()
    first = client.get("/?review=unreviewed").text
    pages = int(re.search(r"page 1 of (\d+)", first).group(1))
    assert pages > 3
    by_number = [
        claim_ids_of(client.get(f"/?review=unreviewed&page={n}").text) for n in range(1, pages + 1)
    ]
    assert all(len(ids) == 7 for ids in by_number[:-1])
    page, followed = first, [claim_ids_of(first)]
    for n in range(2, pages + 1):
        link = re.search(r'<a href="([^"]+)">next', page).group(1).replace("&amp;", "&")
        assert f"page={n}" in link and f"after={followed[-1][-1]}" in link
        page = client.get(link).text
        followed.append(claim_ids_of(page))
    assert followed == by_number
    for n in range(pages, 1, -1):
        link = re.search(r'<a href="([^"]+)">← previous', page).group(1).replace("&amp;", "&")
        assert f"before={followed[n - 1][0]}" in link
        page = client.get(link).text
        assert claim_ids_of(page) == by_number[n - 2]
    db = store.open_db(corpus)
    ordered = [row["claim_id"] for row in queries.claims_page(db, limit=None)[0]]
    db.close()
    assert [i for ids in by_number for i in ids] == ordered, "the listing order, contradicted first"


def test_a_corrected_therapy_counts_and_draws_under_its_new_name(client, corpus):
    page = client.get("/?therapy=snug01").text
    tofersen = re.compile(r'<option value="tofersen">tofersen \((\d+)\)')
    count = int(tofersen.search(page).group(1))
    claim_id = first_claim_id(page)
    response = post_decision(
        client, claim_id, csrf_of(page), action="correct", therapy="tofersen", type="trial_start",
        date="2031-05", phase="1/2a", enrollment="", refs="2",
    )  # fmt: skip
    assert response.status_code == 303
    after = client.get("/?therapy=snug01").text
    assert int(tofersen.search(after).group(1)) == count + 1
    assert claim_id not in claim_ids_of(after)
    assert claim_id in claim_ids_of(client.get("/?therapy=tofersen&review=corrected").text)
    chart = client.get("/timeline?therapy=tofersen").text
    assert f'href="/claims/{claim_id}"' in chart and ">2031</text>" in chart


def test_many_articles_make_the_article_filter_a_text_box(client, monkeypatch):
    assert '<select name="article">' in client.get("/").text
    monkeypatch.setattr(views, "ARTICLE_CHOICES", 2)
    page = client.get("/?type=launch").text
    assert '<select name="article">' not in page and '<input type="text" name="article"' in page


def test_a_new_corpus_with_many_articles_gets_a_text_box(corpus, lexicon, monkeypatch):
    monkeypatch.setattr(views, "ARTICLE_CHOICES", 2)
    with TestClient(create_app(corpus, lexicon=lexicon), base_url=LOCAL) as fresh:
        page = fresh.get("/?article=000_10f194e9a782d43d.txt").text
    assert '<input type="text" name="article" value="000_10f194e9a782d43d.txt"' in page
    assert set(re.findall(r'class="article" [^>]*>([^ ]+) ·', page)) == {"000_10f194e9a782d43d.txt"}


def test_the_timeline_draws_a_page_of_the_most_dated_therapies(client, monkeypatch):
    monkeypatch.setattr(timeline, "CHARTS_PAGE", 2)
    first = client.get("/timeline").text
    second = client.get("/timeline?page=2").text
    names = re.findall(r'<section class="chart" id="t-([^"]+)"', first)
    assert len(names) == 2 and "therapies page 1 of" in first
    later = re.findall(r'<section class="chart" id="t-([^"]+)"', second)
    assert later and not set(later) & set(names)
    dated = [int(n) for n in re.findall(r"<small>(\d+) dated claims", first + second)]
    assert dated == sorted(dated, reverse=True)


def test_the_contradictions_page_is_paged(client, corpus, monkeypatch):
    monkeypatch.setattr(views, "CONFLICTS_PAGE", 1)
    db = store.open_db(corpus)
    ids = [c["claim_id"] for c in queries.export_claims(db, therapy="lenzumestrocel")][:4]
    store.write_conflicts(
        db,
        [
            {"id": f"c{n}", "kind": "outcome", "therapy": "lenzumestrocel", "detail": f"d{n}",
             "claim_ids": json.dumps(ids[2 * n : 2 * n + 2])}
            for n in range(2)
        ],
    )  # fmt: skip
    db.close()
    first, second = client.get("/conflicts").text, client.get("/conflicts?page=2").text
    assert "page 1 of 2" in first and "page 2 of 2" in second
    assert f"/claims/{ids[0]}" in first and f"/claims/{ids[2]}" not in first
    assert f"/claims/{ids[2]}" in second and f"/claims/{ids[3]}" in second


def test_a_contradiction_of_many_claims_shows_a_few_and_counts_the_rest(client, corpus):
    db = store.open_db(corpus)
    ids = [c["claim_id"] for c in queries.export_claims(db)][: views.SIDES_SHOWN + 3]
    store.write_conflicts(
        db, [{"id": "many", "kind": "date", "therapy": "tofersen", "detail": "d",
              "claim_ids": json.dumps(ids)}]
    )  # fmt: skip
    db.close()
    page = client.get("/conflicts").text
    assert page.count('class="side"') == views.SIDES_SHOWN and "… and 3 more claims" in page
