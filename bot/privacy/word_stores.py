"""What the stores of citizens' words (the unanswered log, the ratings) share: how a file is opened, and how
rows leave it, by sender (删除我的记录) or by age (the retention period).

Each is its own SQLite file, readable by its owner only (bot/privacy/files.py), in WAL mode so that a write
never waits on the operators' readers and commits without a sync each. Deleted rows must really go: SQLite
would leave their bytes in free pages of the file and in its write-ahead log (-wal) until both are reused, so
deleting overwrites them (secure_delete) and then empties the write-ahead log into the file (`erase_wal`).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import sqlite_utils

from bot.privacy.files import private_file


def open_private(path: Path) -> sqlite_utils.Database:
    """The database at `path`, created 0600 if missing, in WAL mode."""
    db = sqlite_utils.Database(private_file(path))
    db.enable_wal()
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA secure_delete=ON")
    return db


def erase_wal(execute: Callable[[str], object]) -> None:
    """Copy the write-ahead log into the database and truncate it, so deleted words survive in neither."""
    execute("PRAGMA wal_checkpoint(TRUNCATE)")


def deleted(path: Path, table: str, where: str, params: Sequence[object]) -> int:
    """Delete the rows of `table` matching `where`; how many (none when the store was never written). On a
    connection of its own, closed after: deleting runs in whichever thread asks (删除我的记录 in a worker thread,
    the retention purge in the server's loop), and a store's cached writer belongs to the thread that opened it."""
    if not path.exists():
        return 0
    db = open_private(path)
    try:
        if not db.table(table).exists():
            return 0
        with db.conn:
            deleted = db.execute(f"delete from {table} where {where}", params).rowcount
        erase_wal(db.execute)
        return deleted
    finally:
        db.close()


def forget(path: Path, table: str, sender: str) -> int:
    """Delete one citizen's rows (删除我的记录); how many."""
    return deleted(path, table, "sender = ?", [sender])


def purge(path: Path, table: str, before: datetime) -> int:
    """Delete the rows written before `before` (the retention period); how many."""
    return deleted(path, table, "time < ?", [before.isoformat(timespec="seconds")])
