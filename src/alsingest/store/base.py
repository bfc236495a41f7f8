"""What every write needs: the corpus's write lock, the time stamp, a row's existence."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class WriteLock:
    """Hold the corpus's write lock for the block (``BEGIN IMMEDIATE``), waiting for it if busy.

    The writes above open a deferred transaction and read before they write; when another
    process holds the write lock at that moment, SQLite fails at once with "database is
    locked" instead of calling the busy handler (the reader's snapshot may be stale).
    Taking the lock first makes them wait up to the busy timeout instead. Their own
    ``atomic()`` blocks become savepoints inside this transaction.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.owner = False

    def __enter__(self) -> Database:
        if not self.db.conn.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.owner = True
        return self.db

    def __exit__(self, exc_type, exc, traceback) -> None:
        if not self.owner:
            return
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.conn.rollback()


def write_lock(db: Database) -> WriteLock:
    """``with write_lock(db):`` — see :class:`WriteLock`."""
    return WriteLock(db)


def has_row(db: Database, table: str, pk: str) -> bool:
    return db.execute(f"select 1 from [{table}] where id = ?", [pk]).fetchone() is not None


# Bound parameters per statement: the lowest default of any SQLite build (as sqlite-utils).
SQLITE_MAX_VARS = 999


def lookup_numbers(db: Database, table: str, values) -> dict[str, int]:
    """The number of each of ``values`` in lookup ``table`` (id, value: a text stored once,
    rows refer to it by number), added there when new."""
    values = list(dict.fromkeys(v for v in values if v is not None))
    numbers: dict[str, int] = {}
    for i in range(0, len(values), SQLITE_MAX_VARS):
        part = values[i : i + SQLITE_MAX_VARS]
        marks = ", ".join("?" * len(part))
        db.execute(
            f"insert or ignore into [{table}] (value) values {marks.replace('?', '(?)')}", part
        )
        numbers.update(
            db.execute(f"select value, id from [{table}] where value in ({marks})", part)
        )
    return numbers
