"""The gold files themselves: every line well formed and true to its article.

A gold line whose quote is not in its article, or whose therapy is not in the
lexicon, would make the evaluation gate measure nothing.
"""

import json
from pathlib import Path

import pytest
from conftest import GOLD, ROOT, SEEDS

from alsingest.claims import CLAIM_TYPES

SETS = {
    "seeds": (GOLD, SEEDS),
    "dev": (ROOT / "tests" / "dev", ROOT / "tests" / "dev"),
    "holdout": (ROOT / "tests" / "holdout", ROOT / "tests" / "holdout"),
    "blind": (ROOT / "tests" / "blind", ROOT / "tests" / "blind"),
    "real-dev": (ROOT / "tests" / "real" / "dev", ROOT / "tests" / "real" / "dev"),
    "real-test": (ROOT / "tests" / "real" / "test", ROOT / "tests" / "real" / "test"),
    "real-test2": (ROOT / "tests" / "real" / "test2", ROOT / "tests" / "real" / "test2"),
    "real-dev2": (ROOT / "tests" / "real" / "dev2", ROOT / "tests" / "real" / "dev2"),
    "real-test3": (ROOT / "tests" / "real" / "test3", ROOT / "tests" / "real" / "test3"),
}
FIELDS = {
    "article",
    "quote",
    "therapy",
    "type",
    "date",
    "date_text",
    "phase",
    "enrollment",
    "status",
    "refs",
    "ref_urls",
}


def gold_lines():
    for name, (gold_dir, article_dir) in SETS.items():
        for path in sorted(gold_dir.glob("*.jsonl")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    yield pytest.param(
                        json.loads(line), article_dir, id=f"{name}:{path.name[:16]}:{number}"
                    )


@pytest.mark.parametrize("row, article_dir", list(gold_lines()))
def test_gold_line_is_well_formed_and_quotes_its_article(row, article_dir: Path, lexicon):
    assert set(row) >= FIELDS
    text = (article_dir / row["article"]).read_text(encoding="utf-8")
    assert row["quote"] in text, "quote is not an exact substring of the article"
    declared = article_dir / "_meta" / "new_therapies.json"
    new = json.loads(declared.read_text(encoding="utf-8")) if declared.exists() else {}
    assert row["therapy"] in lexicon or row["therapy"] in new, (
        f"{row['therapy']} is not in config/therapies.json"
    )
    assert row["type"] in CLAIM_TYPES and row["status"] in ("reported", "planned")
    assert all(isinstance(n, int) for n in row["refs"])
    assert all(url in text for url in row["ref_urls"])
    assert len(row["ref_urls"]) <= len(row["refs"])
