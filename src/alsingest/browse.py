"""Browse the corpus in Datasette: table descriptions and facets as Datasette metadata.

Datasette is an optional dependency (:data:`INSTALL_COMMAND`); this module
only writes its metadata and builds its command line, so it imports nothing of it.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

from sqlite_utils import Database

from .lifetime import parent_death_signal

logger = logging.getLogger(__name__)

# As the README says it (a test checks): alsingest is installed from its checkout.
INSTALL_COMMAND = "pip install -e '.[browse]'"
INSTALL_HINT = (
    f"Datasette is not installed: run `{INSTALL_COMMAND}` in the alsingest checkout, "
    "with the same Python as alsingest"
)
# Seconds Datasette has to stop on SIGTERM before it is killed.
STOP_TIMEOUT_S = 10.0
# What ends browse as it ends Datasette and removes the metadata: a supervisor's SIGTERM and a
# closed terminal's SIGHUP (Ctrl+C is Python's KeyboardInterrupt).
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)

# Table -> (description, facets, label column). Only tables present in the corpus are listed.
TABLES: dict[str, tuple[str, list[str], str | None]] = {
    "articles": (
        "One row per article file (keyed on its name); current_version is the version in use.",
        [],
        "name",
    ),
    "article_versions": (
        "Every version of every article: its full text (its simplified form is converted "
        "when read: sentence_texts), encoding, script and parser version; its sentences are "
        "n_sentences from id first_sentence. A changed file adds a version.",
        ["script", "encoding", "parser_version"],
        None,
    ),
    "paragraphs": (
        "Each article version's paragraphs in one row: spans is a JSON list of [start, end, "
        "kind] in the version's text, by position (the view paragraph_texts shows a row each "
        "with its text).",
        [],
        None,
    ),
    "sentences": (
        "Sentences as spans (start, end) of their article version's text, which is stored "
        "once (the view sentence_texts shows each with its text); their segmented words are "
        "in the full-text index sentences_fts alone (search them here or in sentence_texts).",
        [],
        None,
    ),
    "article_references": (
        "Reference list entries and inline sources of each article version.",
        ["kind", "inline"],
        "title",
    ),
    "citation_markers": (
        "Citation markers ([1], [4][5], [1,2] …) and the reference each resolves to.",
        ["resolved"],
        "text",
    ),
    "claims": (
        "What the extractor found: therapy, type, date, phase, enrollment, status and cited "
        "refs, with the quote's span (the view claim_texts shows each with its quote). "
        "claim_id is stable across runs and article versions. "
        "Machine output only: human decisions are in review_decisions.",
        ["therapy", "type", "status", "unlisted", "outcome"],
        "claim_id",
    ),
    "claim_provenances": (
        "Which rule gave each field of a claim ([field, rule] pairs, JSON): each list stored "
        "once, claims.provenance_id refers to it.",
        [],
        "value",
    ),
    "documents": (
        "One row per distinct cited URL (normalised): the state of its last fetch.",
        ["status", "http_status", "attached"],
        "url",
    ),
    "document_versions": (
        "Every distinct content a cited URL served (or a saved copy attached), oldest first.",
        ["source", "content_type"],
        "title",
    ),
    "fetch_log": (
        "One row per fetch attempt: outcome, HTTP status, time taken.",
        ["outcome", "http_status"],
        None,
    ),
    "review_decisions": (
        "Reviewers' decisions on claims (accepted, rejected, corrected), keyed on the stable "
        "claim_id; only ever added to: the latest row of a claim counts, the earlier ones are "
        "its history. snapshot holds the claim's values when decided.",
        ["decision", "reviewer", "article"],
        None,
    ),
    "verdict_reasons": (
        "Why a claim has its verdict: each reason stored once, verifications.reason_id "
        "refers to it.",
        [],
        "value",
    ),
    "conflicts": (
        "Contradictions between claims flagged by verification, for review.",
        [],
        None,
    ),
}
HIDDEN = ("_sqlite_migrations",)


def metadata(db: Database, name: str, lexicon_path: str | Path | None = None) -> dict:
    """Datasette metadata for the corpus, served as database ``name`` (the file's stem).

    With ``lexicon_path``, the search box on sentences finds any alias as `alsingest search`
    does (the plugin datasette_plugins/alsingest_search.py reads it)."""
    present = set(db.table_names())
    tables: dict[str, dict] = {}
    for table, (description, facets, label) in TABLES.items():
        if table not in present:
            continue
        columns = set(db[table].columns_dict)
        entry: dict = {"description": description}
        usable = [f for f in facets if f in columns]
        if usable:
            entry["facets"] = usable
        if label and label in columns:
            entry["label_column"] = label
        tables[table] = entry
    # The full-text index keeps no copy of what it indexes, so Datasette does not find it
    # on its own: the sentences and their view search it by the sentence's id.
    for table in ("sentences", "sentence_texts"):
        if "sentences_fts" in present and table in {*present, *db.view_names()}:
            entry = tables.setdefault(
                table, {"description": "Each sentence with its text, cut from its version's."}
            )
            entry.update({"fts_table": "sentences_fts", "fts_pk": "id"})
    if "claim_texts" in db.view_names():
        tables["claim_texts"] = {
            "description": "Each claim with its quote, cut from its version's text.",
            "facets": ["therapy", "type", "status"],
        }
    if "paragraph_texts" in db.view_names():
        tables["paragraph_texts"] = {
            "description": "Each paragraph with its text, cut from its version's.",
            "facets": ["kind"],
        }
    for table in HIDDEN:
        if table in present:
            tables[table] = {"hidden": True}
    data: dict = {
        "title": "alsingest corpus",
        "description": (
            "What Chinese and English articles claim about ALS therapies, the sources they "
            "cite, and what reviewers decided."
        ),
        "databases": {name: {"tables": tables}},
    }
    if lexicon_path is not None:
        data["plugins"] = {"alsingest": {"lexicon": str(Path(lexicon_path).resolve())}}
    return data


def write_metadata(
    db: Database, db_path: str | Path, out: str | Path, lexicon_path: str | Path | None = None
) -> Path:
    out = Path(out)
    data = metadata(db, Path(db_path).stem, lexicon_path)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


def datasette_command() -> list[str] | None:
    """How to run Datasette here, or None when it is not installed."""
    if importlib.util.find_spec("datasette") is not None:
        return [sys.executable, "-m", "datasette"]
    found = shutil.which("datasette")
    return [found] if found else None


# The plugins giving Datasette's connections the corpus's SQL functions (``simplified``) and
# the search box `alsingest search`'s aliases (``escape_fts``).
PLUGINS = Path(__file__).parent / "datasette_plugins"


def serve_command(
    base: list[str], db_path: str | Path, metadata_path: str | Path, port: int, open_browser: bool
) -> list[str]:
    command = [
        *base,
        "serve",
        str(db_path),
        "--metadata",
        str(metadata_path),
        "--plugins-dir",
        str(PLUGINS),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    return [*command, "--open"] if open_browser else command


def run_datasette(command: list[str], temporary: Path | None = None) -> int:
    """Run Datasette until it exits, Ctrl+C, SIGTERM or SIGHUP; returns the exit status.

    Whatever ends it, Datasette is stopped (never left serving as an orphan) and the
    ``temporary`` folder (the metadata written for it) is removed.
    """
    restore = {}
    if threading.current_thread() is threading.main_thread():
        restore = {signum: signal.signal(signum, _exit_on_signal) for signum in ENDING_SIGNALS}
    process = None
    try:
        # Datasette takes the parent-death signal: kill -9 of browse stops it too (Linux).
        process = subprocess.Popen(command, preexec_fn=parent_death_signal)
        return process.wait()
    except KeyboardInterrupt:
        return 130
    finally:
        if process is not None:
            _stop(process)
        for signum, handler in restore.items():
            signal.signal(signum, handler)
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        logger.warning("Datasette did not stop in %.0f s: killed", STOP_TIMEOUT_S)
        process.kill()
        process.wait()
