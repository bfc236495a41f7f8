"""What the review pages show: claims with their decisions, context and cited references.

Pure assembly over the read functions of ``queries`` and ``store``; the templates only
lay it out (and escape every piece of article and source text).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlite_utils import Database

from .. import queries, review, store
from ..lexicon import Lexicon
from .highlight import Segment, highlight_spans, segments

PAGE_SIZE = 50
FILTERS = ("article", "therapy", "type", "verdict", "status", "review", "date")
UNVERIFIED = queries.UNVERIFIED
# More articles than this: the queue's article filter is a text box, not a list of names.
ARTICLE_CHOICES = 200
# Claims needing a look come first: never reviewed, then changed since their review.
STATE_ORDER = {state: n for n, state in enumerate(review.REVIEW_STATES)}


@dataclass
class Item:
    """One claim as a card: machine values, the reviewer's, and what backs them."""

    claim: dict  # machine values (an export_claims row)
    values: dict  # with the latest decision's corrections applied
    decision: dict | None
    state: str
    changed: list[str]
    verdict: str
    segments: list[Segment] = field(default_factory=list)
    paragraph_before: str = ""
    paragraph_after: str = ""
    references: list[dict] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    @property
    def claim_id(self) -> str:
        return self.claim["claim_id"]

    @property
    def corrected(self) -> list[str]:
        return sorted((self.decision or {}).get("corrections") or {})


@dataclass
class Queue:
    items: list[Item]
    total: int  # matching the filters
    page: int
    pages: int
    facets: dict[str, list[tuple[str, int]] | None]  # None: too many to list (articles)
    orphans: int  # claim ids with decisions that the current versions no longer have
    verification: bool  # whether the claims carry verification verdicts yet
    states: list[tuple[str, int]]  # review states of the claims matching the filters
    after: str | None = None  # the claim the next page continues after (keyset link)
    before: str | None = None  # the claim the previous page ends before


def verdict_of(claim: dict) -> str:
    return claim.get("verdict") or UNVERIFIED


def reviewed_rows(db: Database) -> tuple[list[Item], dict[str, dict]]:
    """Every current claim as a bare Item (no context yet), and the latest decisions.

    Reads the whole corpus: for tools and tests; the pages read only what they show."""
    latest = store.latest_decisions(db)
    items = []
    for claim in queries.export_claims(db):
        items.append(item_of(claim, latest.get(claim["claim_id"])))
    return items, latest


def decided_items(db: Database) -> tuple[list[Item], dict[str, dict]]:
    """The current claims that have a decision, as Items, and every claim's latest decision."""
    latest = store.latest_decisions(db)
    items = [item_of(claim, latest[claim["claim_id"]]) for claim in queries.decided_claims(db)]
    return items, latest


def matches(item: Item, filters: dict[str, str]) -> bool:
    values = {
        "article": item.claim["article"],
        "therapy": item.values["therapy"],
        "type": item.values["type"],
        "verdict": item.verdict,
        "status": item.claim["status"],
        "review": item.state,
        "date": item.values["date"] or "",
    }
    return all(values[key] == wanted for key, wanted in filters.items() if wanted)


def queue_order(item: Item) -> tuple:
    # Within a review state, a claim some source contradicts comes first.
    return (
        STATE_ORDER.get(item.state, 99),
        item.verdict != "contradicted",
        item.claim["article"],
        item.claim["start"],
    )


def build_queue(
    db: Database,
    lexicon: Lexicon | None,
    filters: dict[str, str],
    page: int = 1,
    *,
    after: str | None = None,
    before: str | None = None,
) -> Queue:
    """One page of the queue: unreviewed claims first (an indexed query for the page), then
    the decided ones (few: people make them), each state in its order.

    A claim without a decision is unreviewed with its machine values, so SQL filters and
    pages those, counted from the kept counts; a decided one is filtered on its corrected
    values in Python. The page's links carry the claim they continue from (``after`` the
    last, ``before`` the first), so that the next or previous page is an index seek however
    deep it is; a page asked for by its number alone is read from the nearer end."""
    decided, latest = decided_items(db)
    chosen = sorted((i for i in decided if matches(i, filters)), key=queue_order)
    undecided_wanted = filters.get("review") in ("", None, review.UNREVIEWED)
    undecided, contradicted = undecided_counts(db, filters, decided) if undecided_wanted else (0, 0)
    total = undecided + len(chosen)
    pages = max(1, -(-total // PAGE_SIZE))
    if page > pages:  # past the end: the last page
        page, after, before = pages, None, None
    page = max(1, page)
    start = (page - 1) * PAGE_SIZE
    end = min(start + PAGE_SIZE, undecided)
    where, params = queries.filter_conditions(filters)
    where.append(queries.UNDECIDED)
    rows: list[dict] = []
    if start < end:
        after_key = queries.claim_key(db, after) if after else None
        before_key = queries.claim_key(db, before) if before and not after_key else None
        counts = (contradicted, undecided - contradicted)
        if after_key or before_key:
            rows = queries.claims_seek(
                db, where, params, key=after_key or before_key, limit=end - start,
                backwards=before_key is not None, counts=counts,
            )  # fmt: skip
        else:
            backwards = undecided - end < start
            rows = queries.claims_seek(
                db, where, params, limit=end - start, backwards=backwards,
                skip=undecided - end if backwards else start, counts=counts,
            )  # fmt: skip
    shown = [item_of(row, None) for row in rows]
    first_decided = max(0, start - undecided)
    shown += chosen[first_decided : first_decided + PAGE_SIZE - len(shown)]
    add_context(db, shown, lexicon)
    states = Counter(i.state for i in chosen)
    if undecided:
        states[review.UNREVIEWED] = undecided
    return Queue(
        items=shown,
        total=total,
        page=page,
        pages=pages,
        facets=queue_facets(db, decided, latest),
        orphans=len(set(latest) - {i.claim_id for i in decided}),
        verification=queries.any_verdict(db),
        states=sorted(states.items(), key=lambda kv: STATE_ORDER.get(kv[0], 99)),
        after=rows[-1]["claim_id"] if rows and len(shown) == len(rows) else None,
        before=rows[0]["claim_id"] if rows else None,
    )


# Filters the kept counts answer (a decided claim counted at its machine values).
COUNTED_FILTERS = ("therapy", "type", "verdict", "status", "date")


def undecided_counts(db: Database, filters: dict[str, str], decided: list[Item]) -> tuple[int, int]:
    """How many claims without a decision match ``filters`` on their machine values, and how
    many of those some source contradicts: the kept counts less the decided claims (few),
    or, for one article's claims, counted over them."""
    if filters.get("article"):
        where, params = queries.filter_conditions(filters)
        where.append(queries.UNDECIDED)
        return (
            queries.count_claims(db, where, params),
            queries.count_claims(db, [*where, queries.CONTRADICTED], params),
        )
    wanted = {key: filters[key] for key in COUNTED_FILTERS if filters.get(key)}

    def undecided(asked: dict[str, str]) -> int:
        machine = [
            item
            for item in decided
            if all(machine_value(item, key) == value for key, value in asked.items())
        ]
        return queries.counted_claims(db, **asked) - len(machine)

    total = undecided(wanted)
    verdict = wanted.get("verdict")
    if verdict:
        return total, total if verdict == "contradicted" else 0
    return total, undecided({**wanted, "verdict": "contradicted"})


def machine_value(item: Item, key: str) -> str:
    """A claim's machine value of a queue filter, as the kept counts hold it."""
    if key == "verdict":
        return item.verdict
    return item.claim[key] or ""


def corpus_counts(db: Database) -> dict[str, dict[str, int] | None]:
    """:func:`queries.claim_facets`: the current claims counted for the filters (kept counts)."""
    return queries.claim_facets(db, ARTICLE_CHOICES)


def queue_facets(
    db: Database, decided: list[Item], latest: dict[str, dict]
) -> dict[str, list[tuple[str, int]] | None]:
    """The filters' choices with their counts over every current claim, a decided claim
    counted with its corrected values and review state."""
    counts = corpus_counts(db)
    facets = {
        key: Counter(counts[key]) if counts[key] is not None else None
        for key in ("article", "therapy", "type", "verdict", "status")
    }
    for item in decided:
        for key, machine, value in (
            ("therapy", item.claim["therapy"], item.values["therapy"]),
            ("type", item.claim["type"], item.values["type"]),
        ):
            facets[key][machine] -= 1
            facets[key][value] += 1
    claims = sum(counts["type"].values())
    states = Counter(i.state for i in decided)
    states[review.UNREVIEWED] = claims - len(decided)
    facets["review"] = states
    return {
        key: sorted((k, n) for k, n in counted.items() if n > 0) if counted is not None else None
        for key, counted in facets.items()
    }


def item_of(claim: dict, decision: dict | None) -> Item:
    """A claim as the queue shows it, with its latest review decision applied."""
    return Item(
        claim=claim,
        values=review.apply_decision(claim, decision),
        decision=decision,
        state=review.review_state(claim, decision),
        changed=review.changed_fields(claim, decision),
        verdict=verdict_of(claim),
    )


def build_item(
    db: Database, claim_id: str, lexicon: Lexicon | None, history: list[dict]
) -> Item | None:
    """One claim with its context; ``history`` is its decisions, oldest first."""
    claim = queries.claim_by_id(db, claim_id)
    if claim is None:
        return None
    item = item_of(claim, history[-1] if history else None)
    add_context(db, [item], lexicon)
    return item


def add_context(db: Database, items: list[Item], lexicon: Lexicon | None) -> None:
    """Give each item its highlighted sentence, paragraph, references and evidence."""
    contexts: dict[str, dict[int, dict]] = {}
    references: dict[tuple[str, int], dict] = {}
    for article in sorted({item.claim["article"] for item in items}):
        for row in queries.list_references(db, article=article):
            if row["n"] is not None:
                references.setdefault((row["article"], row["n"]), row)
    for item in items:
        claim = item.claim
        article = claim["article"]
        if article not in contexts:
            contexts[article] = queries.claim_contexts(db, article)
        context = contexts[article].get(claim["sentence"])
        if context is None:  # no sentence row: show the quote alone
            context = {
                "text": claim["quote"],
                "text_simplified": claim["quote"],
                "paragraph_before": "",
                "paragraph_after": "",
            }
        text = context["text"]
        at = text.find(claim["quote"])
        quote = (at, at + len(claim["quote"])) if at >= 0 else None
        spans = highlight_spans(
            context["text_simplified"], claim["therapy"], lexicon, claim.get("date_text")
        )
        item.segments = segments(text, spans, quote)
        item.paragraph_before = context["paragraph_before"]
        item.paragraph_after = context["paragraph_after"]
        item.references = [
            {
                "n": n,
                "row": references.get((article, n)),
                "href": safe_href((references.get((article, n)) or {}).get("url")),
            }
            for n in item.values["refs"] or []
        ]
        item.evidence = evidence_texts(claim.get("evidence"))


def safe_href(url: str | None) -> str | None:
    """The URL when it is http(s), else None: article text must not put a script in a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def evidence_texts(value: object) -> list[str]:
    """Evidence sentences from whatever shape verification stores (text, JSON, list, objects)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            decoded = json.loads(value)
        except ValueError:
            return [value]
        return evidence_texts(decoded) if not isinstance(decoded, str) else [decoded]
    if isinstance(value, list):
        return [text for entry in value for text in evidence_texts(entry)]
    if isinstance(value, dict):
        for key in ("text", "sentence", "evidence", "quote"):
            if isinstance(value.get(key), str):
                return [value[key]]
        return [json.dumps(value, ensure_ascii=False)]
    return [str(value)]


def history(db: Database) -> list[dict]:
    """Every decision, newest first, each saying whether its claim is still current."""
    rows = store.read_decisions(db)
    current = queries.current_claim_ids(db, {row["claim_id"] for row in rows})
    for row in rows:
        row["current"] = row["claim_id"] in current
    return rows[::-1]


CONFLICTS_PAGE = 20
# Claims shown side by side per contradiction; the others are counted (a date contradiction
# between two groups of a thousand articles each is one line, not two thousand cards).
SIDES_SHOWN = 6


def conflict_view(db: Database, page: int = 1) -> tuple[list[dict] | None, int, int]:
    """One page of the current contradictions with their claims side by side (None when
    verification has not run), the page and how many pages there are."""
    total = db.execute("select count(*) from conflicts where current = 1").fetchone()[0]
    if not total and not _verification_ran(db):
        return None, 1, 1
    pages = max(1, -(-total // CONFLICTS_PAGE))
    page = min(max(1, page), pages)
    rows, _ = queries.contradictions_page(
        db, limit=CONFLICTS_PAGE, offset=(page - 1) * CONFLICTS_PAGE, claims_shown=0
    )
    wanted = {claim_id for row in rows for claim_id in row["claim_ids"][:SIDES_SHOWN]}
    decisions = {d["claim_id"]: d for d in store.read_decisions_of(db, sorted(wanted))}
    by_id = {
        claim["claim_id"]: item_of(claim, decisions.get(claim["claim_id"]))
        for claim in queries.claims_with_ids(db, wanted)
    }
    view = [
        {
            "sides": [
                by_id[claim_id] for claim_id in row["claim_ids"][:SIDES_SHOWN] if claim_id in by_id
            ],
            "more": max(0, len(row["claim_ids"]) - SIDES_SHOWN),
            "details": {
                k: row[k] for k in ("kind", "therapy", "detail", "first_seen") if row.get(k)
            },
        }
        for row in rows
    ]
    return view, page, pages


def _verification_ran(db: Database) -> bool:
    return db.execute("select 1 from verifications limit 1").fetchone() is not None
