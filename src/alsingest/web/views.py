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
UNVERIFIED = "unverified"
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
    facets: dict[str, list[tuple[str, int]]]
    orphans: int  # claim ids with decisions that the current versions no longer have
    verification: bool  # whether the claims carry verification verdicts yet
    states: list[tuple[str, int]]  # review states of the claims matching the filters


def verdict_of(claim: dict) -> str:
    return claim.get("verdict") or UNVERIFIED


def reviewed_rows(db: Database) -> tuple[list[Item], dict[str, dict]]:
    """Every current claim as a bare Item (no context yet), and the latest decisions."""
    latest = store.latest_decisions(db)
    items = []
    for claim in queries.export_claims(db):
        items.append(item_of(claim, latest.get(claim["claim_id"])))
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


def build_queue(
    db: Database, lexicon: Lexicon | None, filters: dict[str, str], page: int = 1
) -> Queue:
    items, latest = reviewed_rows(db)
    facets = {
        "article": Counter(i.claim["article"] for i in items),
        "therapy": Counter(i.values["therapy"] for i in items),
        "type": Counter(i.values["type"] for i in items),
        "verdict": Counter(i.verdict for i in items),
        "status": Counter(i.claim["status"] for i in items),
        "review": Counter(i.state for i in items),
    }
    current = {i.claim_id for i in items}
    chosen = [i for i in items if matches(i, filters)]
    # Within a review state, a claim some source contradicts comes first.
    chosen.sort(
        key=lambda i: (
            STATE_ORDER.get(i.state, 99),
            i.verdict != "contradicted",
            i.claim["article"],
            i.claim["start"],
        )
    )
    pages = max(1, -(-len(chosen) // PAGE_SIZE))
    page = min(max(1, page), pages)
    shown = chosen[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    add_context(db, shown, lexicon)
    return Queue(
        items=shown,
        total=len(chosen),
        page=page,
        pages=pages,
        facets={key: sorted(counts.items()) for key, counts in facets.items()},
        orphans=len(set(latest) - current),
        verification=any(i.claim.get("verdict") for i in items),
        states=sorted(
            Counter(i.state for i in chosen).items(), key=lambda kv: STATE_ORDER.get(kv[0], 99)
        ),
    )


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
    if items:
        for row in queries.list_references(db):
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
    current = {
        row["claim_id"]
        for row in db.query(
            f"select c.claim_id from claims c join article_versions v on v.id = c.version_id "
            f"{queries.CURRENT}"
        )
    }
    rows = store.read_decisions(db)
    for row in rows:
        row["current"] = row["claim_id"] in current
    return rows[::-1]


def conflict_view(db: Database) -> list[dict] | None:
    """Current contradictions with their claims side by side; None when verification has not run."""
    rows = queries.contradictions(db)
    if not rows and not _verification_ran(db):
        return None
    items, _ = reviewed_rows(db)
    by_id = {i.claim_id: i for i in items}
    return [
        {
            "sides": [by_id[claim_id] for claim_id in row["claim_ids"] if claim_id in by_id],
            "details": {
                k: row[k] for k in ("kind", "therapy", "detail", "first_seen") if row.get(k)
            },
        }
        for row in rows
    ]


def _verification_ran(db: Database) -> bool:
    return db["verifications"].exists() and db["verifications"].count > 0
