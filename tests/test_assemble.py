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
    """Dated clusters formed by checking each member: a claim joins, of the clusters whose
    every member agrees with its date, the one with the earliest shortest date."""
    clusters = []
    for claim in sorted(claims, key=lambda c: (-len(c["date"]), c["article"], c["start"])):
        home = min(
            (c for c in clusters if all(
                claim["date"].startswith(m["date"]) or m["date"].startswith(claim["date"])
                for m in c
            )),
            key=lambda c: min(m["date"] for m in c),
            default=None,
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


def test_facts_depend_on_the_dates_not_on_which_article_came_first():
    """A bare year agreeing with two months joins the earlier month, whatever the articles are
    called: a page of facts is made from a therapy's dates alone (fact_dates)."""
    from alsingest.assemble import fact_dates

    for june, april in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        facts = assemble(
            [row(april, date="2025-04"), row(june, date="2025-06"), row("c.txt", date="2025")]
        )
        assert sorted((f.date, len(f.mentions)) for f in facts) == [("2025", 2), ("2025-06", 1)]
    assert fact_dates(["2025", "2025-06", "2025-04", "2025-04-10", "2024"]) == [
        ["2025-04-10", "2025-04", "2025"], ["2025-06"], ["2024"]
    ]  # fmt: skip


def test_fact_dates_make_the_clusters_of_assemble():
    import random

    from alsingest.assemble import fact_dates

    rng = random.Random(7)
    dates = ["2023", "2024", "2024-01", "2025", "2025-04", "2025-06", "2025-04-10", "2025-04-11"]
    for _ in range(100):
        claims = [
            row(f"{rng.randint(0, 9)}.txt", date=rng.choice(dates), start=k, claim_id=f"c{k}")
            for k in range(rng.randint(1, 30))
        ]
        clusters = [sorted({m["date"] for m in f.mentions}) for f in assemble(claims)]
        expected = [sorted(c) for c in fact_dates(c["date"] for c in claims)]
        assert sorted(clusters) == sorted(expected)


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


def test_outcome_contradictions_in_one_pass_are_those_of_every_pair():
    import random

    from alsingest.assemble import outcome_conflicts

    def every_pair(claims):
        met = [c for c in claims if c["outcome"] == "met_primary"]
        missed = [c for c in claims if c["outcome"] == "missed_primary"]
        pairs = [(x, y) for x in met for y in missed
                 if not x["phase"] or not y["phase"] or x["phase"] == y["phase"]]  # fmt: skip
        return sorted({c["claim_id"] for pair in pairs for c in pair})

    rng = random.Random(5)
    for _ in range(200):
        claims = [
            row(f"{k}.txt", therapy="x", claim_id=f"c{k}",
                outcome=rng.choice(["met_primary", "missed_primary", None]),
                phase=rng.choice([None, "", "2", "3"]))
            for k in range(rng.randint(0, 12))
        ]  # fmt: skip
        found = outcome_conflicts(claims)
        assert sorted(found[0].claim_ids if found else []) == every_pair(claims)


def test_a_contradiction_of_many_articles_names_five_and_counts_the_others():
    from alsingest.assemble import outcome_conflicts

    claims = [
        row(f"{k}.txt", therapy="x", claim_id=f"c{k}", start=k,
            outcome="met_primary" if k % 2 else "missed_primary")
        for k in range(8)
    ]  # fmt: skip
    (found,) = outcome_conflicts(claims)
    assert (
        found.detail
        == "x: primary endpoint met and missed (0.txt, 1.txt, 2.txt, 3.txt, 4.txt and 3 more)"
    )
    assert len(found.claim_ids) == 8


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


def test_a_therapy_s_contradictions_from_its_few_claims_are_those_from_all(toolkit, tmp_path):
    """verify reads, per therapy, the facts that may contradict on their dates and the primary
    outcomes (queries.conflict_claims): the same contradictions as from every claim."""
    from alsingest.assemble import date_conflicts

    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, tmp_path)
    (tmp_path / "more.txt").write_text(
        "2023年4月，托夫生在美国获批上市。\n2024年5月，托夫生在美国获批上市。\n"
        "2024年5月，依达拉奉获批上市。\n",
        encoding="utf-8",
    )
    db = store.open_db(tmp_path / "corpus.db")
    ingest_files(db, [tmp_path], toolkit)
    every, few = [], []
    for therapy in queries.claim_therapies(db):
        every += find_conflicts(assemble(queries.fact_claims(db, therapy=therapy)))
        facts, outcomes = queries.conflict_claims(db, therapy)
        few += date_conflicts(facts) + outcomes
    assert few == every and {c.kind for c in every} == {"date", "outcome"}
    db.close()


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
    # A document no claim cites: nothing read. One a claim cites gets a version: that claim
    # and every other citing it are read, no other.
    db["documents"].insert({"id": "d", "url_normalized": "https://example.org/x", "status": "ok"})
    assert verify_corpus(db, toolkit).unchanged == claims and read[-1] == [] and len(read) == 3
    url, citing = db.execute(
        "select r.url_normalized, count(distinct c.id) from claims c "
        "join article_references r on r.version_id = c.version_id and r.inline = 0 "
        "join json_each(c.refs) j on j.value = r.n where r.url_normalized is not null "
        "group by 1 order by 2 desc limit 1"
    ).fetchone()
    db["documents"].insert({"id": "e", "url_normalized": url, "status": "ok"})
    db["document_versions"].insert(
        {"id": "e1", "document_id": "e", "version": 1, "text": "Nothing about ALS."}
    )
    db.execute("update documents set current_version = 'e1' where id = 'e'")
    sourced = verify_corpus(db, toolkit)
    assert len(read[-1]) == sum(sourced.verdicts.values()) == citing > 0
    assert verify_corpus(db, toolkit).unchanged == claims and len(read) == 4
    # A new article: its claims alone are read.
    more = tmp_path / "more"
    more.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[2], more)
    ingest_files(db, [more], toolkit)
    added = verify_corpus(db, toolkit)
    assert len(read[-1]) == sum(added.verdicts.values()) > 0 and added.unchanged == claims
    db.close()


def test_contradictions_are_looked_for_in_the_therapies_whose_claims_changed(
    toolkit, tmp_path, monkeypatch
):
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(path, tmp_path)
    db = store.open_db(tmp_path / "corpus.db")
    ingest_files(db, [tmp_path], toolkit)
    first = verify_corpus(db, toolkit)
    assert store.therapies_to_check(db) == []
    looked = []
    plain = queries.conflict_claims
    monkeypatch.setattr(
        queries,
        "conflict_claims",
        lambda db, therapy: looked.append(therapy) or plain(db, therapy),
    )
    more = tmp_path / "more"
    more.mkdir()
    (more / "news.txt").write_text(
        "2023年4月，托夫生在美国获批上市。\n2024年5月，托夫生在美国获批上市。\n", encoding="utf-8"
    )
    ingest_files(db, [more], toolkit)
    assert store.therapies_to_check(db) == ["tofersen"]
    again = verify_corpus(db, toolkit)
    assert looked == ["tofersen"]
    current = queries.contradictions(db)
    assert again.conflicts == len(current) == first.conflicts + 1
    assert [c["id"] for c in current if c["therapy"] == "tofersen"] == again.new_conflicts
    # The article gone again: its therapy is looked at again, its contradiction is past.
    db.execute("delete from claims where version_id in (select current_version from articles "
               "where name = 'news.txt')")  # fmt: skip
    verify_corpus(db, toolkit)
    assert looked == ["tofersen", "tofersen"] and queries.count_conflicts(db) == first.conflicts
    db.close()


OUTCOME_SENTENCES = [
    "托夫生的III期临床试验达到主要终点。",
    "托夫生的III期临床试验未达到主要终点。",
    "托夫生的II期临床试验达到了主要终点。",
    "托夫生的临床试验未达到主要终点。",
    "依达拉奉的临床试验达到主要终点。",
    "依达拉奉的III期临床试验未达到主要终点。",
    "2022年，NurOwn的3期试验未能达到主要终点。",
]


def test_outcome_contradictions_read_on_the_index_are_those_of_every_claim(
    toolkit, tmp_path, monkeypatch
):
    """verify reads a therapy's primary outcomes by kind (outcome, phase), then the claims
    of the kinds that contradict and five of their articles: the contradictions
    assemble.outcome_conflicts finds in every claim, whichever way the articles are named."""
    import random

    from alsingest.assemble import outcome_conflicts

    rng = random.Random(13)
    found = []
    for round_ in range(6):
        folder = tmp_path / f"r{round_}"
        folder.mkdir()
        for k in range(rng.randint(1, 14)):
            lines = rng.sample(OUTCOME_SENTENCES, rng.randint(1, 3))
            (folder / f"{rng.randint(0, 999):03d}-{k}.txt").write_text(
                "\n".join(lines) + "\n", encoding="utf-8"
            )
        db = store.open_db(folder / "corpus.db")
        ingest_files(db, [folder], toolkit)
        if round_ % 2:  # an article's older version: its claims are not current
            first = sorted(folder.glob("*.txt"))[0]
            first.write_text(OUTCOME_SENTENCES[0] + "\n", encoding="utf-8")
            ingest_files(db, [folder], toolkit)
        every = outcome_conflicts(
            db.query(
                "select a.name as article, c.claim_id, c.therapy, c.outcome, c.phase "
                "from claims c join articles a on a.current_version = c.version_id"
            )
        )
        for scan in (1000, 0):  # articles walked by name; the claims' articles sorted
            monkeypatch.setattr(queries, "FIRST_ARTICLES_SCAN", scan)
            monkeypatch.setattr(store, "SQLITE_MAX_VARS", 2)
            few = [c for t in queries.claim_therapies(db) for c in queries.outcome_conflicts(db, t)]
            assert sorted(few, key=str) == sorted(every, key=str)
        found += every
        db.close()
    assert len(found) > 6 and any(" more)" in c.detail for c in found)
