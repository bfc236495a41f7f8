"""Shared fixtures: options, one toolkit per session, in-memory and seeded corpora."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from alsingest import store
from alsingest.config import load_config
from alsingest.pipeline import Toolkit, ingest_files

# The segmenter's dictionary file (segment.cache_folder) of this test run, not the user's;
# processes the tests start inherit it.
os.environ.setdefault("ALSINGEST_CACHE_DIR", tempfile.mkdtemp(prefix="alsingest-cache-"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="session")
def options():
    return load_config()


@pytest.fixture(scope="session")
def toolkit(options):
    return Toolkit.build(options)


@pytest.fixture(scope="session")
def lexicon(toolkit):
    return toolkit.lexicon


@pytest.fixture
def db():
    database = store.open_db(":memory:")
    yield database
    database.close()


def copy_corpus(seeded_db, path):
    """A writable copy of the seeded corpus (the session one must not change), opened."""
    target = sqlite3.connect(path)
    seeded_db.conn.backup(target)
    target.close()
    return store.open_db(path)


@pytest.fixture(scope="session")
def seeded_db(toolkit, tmp_path_factory):
    """The five seeds ingested once; tests must not modify it."""
    path = tmp_path_factory.mktemp("seeded") / "corpus.db"
    database = store.open_db(path)
    report = ingest_files(database, [SEEDS], toolkit)
    assert report.ok and len(report.new) == 5
    yield database
    database.close()


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect home and database for flow tests."""
    from prefect.testing.utilities import prefect_test_harness

    home = tempfile.mkdtemp(prefix="prefect-home-")
    old = os.environ.get("PREFECT_HOME")
    os.environ["PREFECT_HOME"] = home
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    try:
        with prefect_test_harness(server_startup_timeout=120):
            yield
    finally:
        if old is None:
            os.environ.pop("PREFECT_HOME", None)
        else:
            os.environ["PREFECT_HOME"] = old
        shutil.rmtree(home, ignore_errors=True)
