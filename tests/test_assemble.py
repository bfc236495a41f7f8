"""Facts assembled from claims of several articles, and the contradictions between them."""

import shutil

import pytest
from conftest import SEEDS

from alsingest import queries, store
from alsingest.assemble import assemble, find_conflicts
from alsingest.lexicon import Lexicon
from alsingest.pipeline import ingest_files, verify_corpus


def row(article="a.txt", therapy="nurown", type="submission", date=None, **extra):
    base = {
        "article": article,
        "therapy": therapy,
        "type": type,
        "date": date,
        "phase": None,
        "enrollment": None,
        "status": "reported",
        "quote": "",
        "start": 0,
        "outcome": None,
        "claim_id": f"{article}-{date}-{type}",
    }
    return {**base, **extra}


def clusters_member_by_member(claims):
    """Dated clusters as assemble formed them before issue 13: each member checked."""
    clusters = []
    for claim in sorted(claims, key=lambda c: (-len(c["date"]), c["article"], c["start"])):
        home = next(
            (c for c in clusters if all(
                claim["date"].startswith(m["date"]) or m["date"].startswith(claim["date"])
                for m in c
            )),
            None,
        )  # fmt: skip
        if home is None:
            clusters.append([claim])
        else:
            home.append(claim)
    return sorted(sorted(m["claim_id"] for m in c) for c in clusters)


def test_dated_clusters_are_those_of_checking_every_member():
    import random

    rng = random.Random(13)
    dates = ["2024", "2025", "2025-04", "2025-06", "2025-04-10", "2025-04-11", "2025-06-01"]
    for _ in range(50):
        claims = [
            row(f"{k:03d}.txt", date=rng.choice(dates), start=k, claim_id=f"c{k}")
            for k in range(rng.randint(1, 40))
        ]
        facts = assemble(claims)
        assert sorted(sorted(m["claim_id"] for m in f.mentions) for f in facts) == (
            clusters_member_by_member(claims)
        )


def test_dates_merge_at_the_coarser_precision():
    facts = assemble([row("a.txt", date="2025-04"), row("b.txt", date="2025-04-10")])
    assert [(f.date, len(f.mentions), f.articles) for f in facts] == [
        ("2025-04", 2, ["a.txt", "b.txt"])
    ]


def test_a_bare_year_does_not_bridge_two_months():
    facts = assemble(
        [row("a.txt", date="2025-04"), row("b.txt", date="2025-06"), row("c.txt", date="2025")]
    )
    assert sorted((f.date, len(f.mentions)) for f in facts) == [("2025", 2), ("2025-06", 1)]


def test_different_types_or_therapies_stay_apart():
    facts = assemble(
        [
            row(date="2025-04"),
            row(type="approval", date="2025-04"),
            row(therapy="tofersen", date="2025-04"),
        ]
    )
    assert len(facts) == 3


def test_incompatible_dates_of_one_event_are_a_contradiction():
    facts = assemble(
        [
            row(
                "a.txt", therapy="tofersen", type="launch", date="2025-06", quote="托夫生在中国上市"
            ),
            row(
                "b.txt", therapy="tofersen", type="launch", date="2025-05", quote="托夫生于中国上市"
            ),
        ]
    )
    (conflict,) = find_conflicts(facts)
    assert conflict.kind == "date" and "2025-06" in conflict.detail and "2025-05" in conflict.detail


def test_approvals_in_two_jurisdictions_are_not_a_contradiction():
    facts = assemble(
        [
            row(
                "a.txt",
                therapy="edaravone",
                type="approval",
                date="2015-06",
                quote="依达拉奉在日本获批",
            ),
            row(
                "b.txt",
                therapy="edaravone",
                type="approval",
                date="2017-05",
                quote="FDA批准依达拉奉",
            ),
        ]
    )
    assert find_conflicts(facts) == []


def test_moved_plans_are_not_a_contradiction():
    facts = assemble([row("a.txt", date="2025-06", status="planned"), row("b.txt", date="2025-09")])
    assert find_conflicts(facts) == []


def test_opposite_primary_endpoint_outcomes_are_a_contradiction():
    facts = assemble(
        [
            row("a.txt", type="trial_result", outcome="met_primary", phase="3"),
            row("b.txt", type="trial_result", outcome="missed_primary", claim_id="x"),
            row("c.txt", type="trial_result", outcome="missed_primary", phase="2", claim_id="y"),
        ]
    )
    (conflict,) = find_conflicts(facts)
    assert conflict.kind == "outcome" and set(conflict.claim_ids) == {
        "a.txt-None-trial_result",
        "x",
    }


def test_an_alias_listed_for_two_therapies_is_a_contradiction():
    lexicon = Lexicon({"aaa": ["shared-name"], "bbb": ["shared-name", "other"]})
    (conflict,) = find_conflicts([], lexicon)
    assert conflict.kind == "alias" and "shared-name" in conflict.detail


@pytest.fixture(scope="module")
def verified(toolkit, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder)
    db = store.open_db(folder / "corpus.db")
    ingest_files(db, [folder], toolkit)
    report = verify_corpus(db, toolkit)
    return db, report


def test_on_the_seeds_neuronata_r_endpoints_are_flagged(verified):
    db, report = verified
    outcome = [
        c
        for c in queries.contradictions(db)
        if c["kind"] == "outcome" and c["therapy"] == "lenzumestrocel"
    ]
    assert len(outcome) == 1
    articles = {
        r["article"][:3]
        for r in queries.export_claims(db)
        if r["claim_id"] in outcome[0]["claim_ids"]
    }
    assert articles == {"000", "001"}


def test_on_the_seeds_the_nurown_april_2025_amendment_is_one_fact_with_two_mentions(verified):
    db, _ = verified
    facts = [
        f for f in assemble(queries.export_claims(db, therapy="nurown")) if f.type == "submission"
    ]
    assert [(f.date, len(f.mentions), [a[:3] for a in f.articles]) for f in facts] == [
        ("2025-04", 2, ["000", "001"])
    ]


def test_a_second_run_keeps_first_seen_and_verifies_nothing_again(verified, toolkit):
    db, first = verified
    before = {c["id"]: c["first_seen"] for c in queries.contradictions(db)}
    again = verify_corpus(db, toolkit)
    assert again.unchanged == sum(first.verdicts.values()) and again.verdicts == {}
    assert {
        c["id"]: c["first_seen"] for c in queries.contradictions(db)
    } == before and again.new_conflicts == []


def test_claims_without_fetched_sources_are_unavailable_with_a_reason(verified):
    db, _ = verified
    rows = list(queries.export_claims(db))
    assert {r["verdict"] for r in rows} == {"unavailable"}
    reasons = {r["verdict_reason"] for r in rows}
    assert reasons == {
        "the article cites no source for this claim",
        "no cited source has been fetched or attached yet",
    }


def test_a_run_with_nothing_changed_reads_no_claim_and_a_change_reads_them_again(
    toolkit, tmp_path, monkeypatch
):
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, tmp_path)
    db = store.open_db(tmp_path / "corpus.db")
    ingest_files(db, [tmp_path], toolkit)
    first = verify_corpus(db, toolkit)
    claims = sum(first.verdicts.values())
    read = []
    plain = queries.claim_sources
    monkeypatch.setattr(
        queries, "claim_sources", lambda db, ids=None: read.append(ids) or plain(db, ids)
    )
    again = verify_corpus(db, toolkit)
    assert read == [] and again.verdicts == {}
    assert (again.unchanged, again.facts, again.conflicts) == (claims, first.facts, first.conflicts)
    forced = verify_corpus(db, toolkit, force=True)
    assert read == [None] and sum(forced.verdicts.values()) == claims
    # A claim changed (refresh forgets its verdict): it alone is read again.
    row_id, claim_id = db.execute("select id, claim_id from claims limit 1").fetchone()
    store.forget_verifications(db, [claim_id])
    changed = verify_corpus(db, toolkit)
    assert read[-1] == [row_id] and changed.verdicts == {"unavailable": 1}
    assert changed.unchanged == claims - 1 and changed.facts == first.facts
    # A document seen: every claim is read again (its sources may have changed).
    db["documents"].insert({"id": "d", "url_normalized": "https://example.org/x", "status": "ok"})
    assert verify_corpus(db, toolkit).unchanged == claims and read[-1] is None and len(read) == 3
    assert verify_corpus(db, toolkit).unchanged == claims and len(read) == 3
    # A new article: its claims alone are read.
    more = tmp_path / "more"
    more.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[2], more)
    ingest_files(db, [more], toolkit)
    added = verify_corpus(db, toolkit)
    assert len(read[-1]) == sum(added.verdicts.values()) > 0 and added.unchanged == claims
    db.close()
