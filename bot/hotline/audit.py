"""The operators' audit log: who viewed what on the desk and in Datasette, and when; kept as the law asks and no more.

The Cybersecurity Law (art. 21) asks for access logs kept at least six months;
PIPL asks for no longer than the purpose needs and for a citizen's data to go when
they ask. So the log (build/audit.db, NUANLIU_AUDIT_DB elsewhere):
- is readable by the service's account only (0600, as every store of citizens' words);
- holds callers' words masked like every other store (a desk search is what a
  caller said), and each path and query cut to MAX_PATH and MAX_QUERY characters;
- keeps the conversation a request touched (`/conversation/<pseudonym>`, the
  citizen's pseudonym at the desk: bot/hotline/pseudonyms.py) in its own column,
  the path holding `{sender}` in its place, so 删除我的记录 (`forget`, called by the
  Rasa server with the other stores, with the citizen's pseudonym and sender id)
  leaves the row of who looked at what and when, but no longer whose conversation
  it was;
- keeps rows RETENTION (six calendar months are at most 184 days) and deletes older
  ones (`purge`, run by the writer every PURGE_EVERY seconds);
- cannot be filled by strangers: an anonymous request for a path that does not
  exist is counted (per day and status, table `counts`), not written; other
  anonymous requests get a row each up to ANONYMOUS_PER_MINUTE, and are counted
  beyond that. A logged-in operator's every request is a row.
Rows are written by a thread of their own, in batches, never by the server's
event loop: a slow disk or another process holding the file locked delays the
log, never a page or an operator's answer, and rows wait in memory (up to
QUEUE_SIZE, then counted as `dropped`) until the file can be written.
"""
from __future__ import annotations

import atexit
import logging
import os
import queue
import re
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot import BUILD
from bot.privacy.files import private_file
from bot.privacy.masking import mask

logger = logging.getLogger(__name__)

DEFAULT_AUDIT_DB = BUILD / "audit.db"
MAX_PATH, MAX_QUERY = 200, 500  # characters kept of a request's path and query string
RETENTION = timedelta(days=184)  # the longest six calendar months (the law's minimum for access logs)
ANONYMOUS_PER_MINUTE = 60  # rows for requests nobody logged in made, each minute; beyond, counted
QUEUE_SIZE = 10_000  # rows waiting for the writer; beyond, counted as dropped
BATCH = 500
PURGE_EVERY = 3600.0  # seconds
RETRY_AFTER = 1.0  # seconds after the file was found locked
BUSY_SECONDS = 5.0
UNKNOWN_PATH, ANONYMOUS, DROPPED = "unknown_path", "anonymous_over_limit", "dropped"
DELETED = "（已删除）"  # what a forgotten conversation's id becomes in the rows that named it
_CONVERSATION = re.compile(r"^(/conversation/)([^/]+)(.*)$")
_SCHEMA = """
create table if not exists views (
    id integer primary key, time text not null, actor text, method text not null,
    path text not null, query text not null, status integer);
create table if not exists counts (
    day text not null, kind text not null, status integer not null, count integer not null,
    primary key (day, kind, status));
create index if not exists views_time on views (time);
"""


def audit_path() -> Path:
    """NUANLIU_AUDIT_DB (tests, another disk) or build/audit.db: the desk writes it, the Rasa server forgets in it."""
    return Path(os.environ.get("NUANLIU_AUDIT_DB", DEFAULT_AUDIT_DB))


@dataclass(frozen=True)
class View:
    """One request as the log keeps it."""
    time: str
    actor: str | None
    method: str
    path: str  # masked and cut; a conversation's id replaced by {sender}
    query: str  # masked and cut
    status: int | None
    sender: str | None  # the conversation the request touched

    @classmethod
    def of(cls, when: datetime, actor: str | None, method: str, path: str, query: str, status: int | None) -> View:
        sender = None
        if found := _CONVERSATION.match(path):
            sender, path = found.group(2), f"{found.group(1)}{{sender}}{found.group(3)}"
        return cls(_text(when), actor, method[:16], mask(path)[:MAX_PATH], mask(query)[:MAX_QUERY], status,
                   sender[:MAX_PATH] if sender else None)


def _text(when: datetime) -> str:
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")


def connect(path: Path) -> sqlite3.Connection:
    """The log's file, created 0600, in WAL mode (readers never block the writer), its tables made if missing."""
    conn = sqlite3.connect(private_file(path), timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA secure_delete=ON")  # deleted and forgotten values are overwritten, not left in free pages
    conn.executescript(_SCHEMA)
    if "sender" not in {row[1] for row in conn.execute("PRAGMA table_info(views)")}:
        conn.execute("alter table views add column sender text")  # a log written before conversations were kept apart
    return conn


def forget(path: Path, *names: str) -> int:
    """删除我的记录: the rows that named the citizen's conversation (by any of `names`: their pseudonym at the
    desk, their sender id) keep who looked and when, not whose it was; the old values are overwritten in the
    file and its write-ahead log. How many rows."""
    if not path.exists() or not names:
        return 0
    conn = connect(path)
    try:
        changed = sum(conn.execute("update views set sender = null, path = replace(path, '{sender}', ?)"
                                   " where sender = ?", (DELETED, name)).rowcount for name in names)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return changed
    finally:
        conn.close()


def purge(conn: sqlite3.Connection, now: datetime) -> int:
    """Delete the rows and counts older than RETENTION; how many rows."""
    before = now - RETENTION
    deleted = conn.execute("delete from views where time < ?", (_text(before),)).rowcount
    conn.execute("delete from counts where day < ?", (before.date().isoformat(),))
    return deleted


class AuditLog:
    """The log of one desk process: `record` is called on the event loop and returns at once; a thread writes."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.path, self.clock = path, clock
        connect(path).close()  # a file that cannot be created fails the desk's start, not a request
        self._rows: queue.Queue[View] = queue.Queue(QUEUE_SIZE)
        self._counts: Counter[tuple[str, str, int]] = Counter()
        self._lock = threading.Lock()
        self._minute, self._anonymous = -1, 0
        self._unwritten = 0  # rows and counts recorded and not yet written
        self._thread = threading.Thread(target=self._write_forever, name="audit-log", daemon=True)
        self._thread.start()
        atexit.register(self.flush)

    def record(self, actor: str | None, method: str, path: str, query: str, status: int | None) -> None:
        """Keep one request (or count it); never blocks and never raises."""
        now = self.clock()
        if actor is None and (status == 404 or not self._anonymous_row_allowed(now)):
            self._count(now, UNKNOWN_PATH if status == 404 else ANONYMOUS, status)
            return
        try:
            self._rows.put_nowait(View.of(now, actor, method, path, query, status))
            with self._lock:
                self._unwritten += 1
        except queue.Full:
            self._count(now, DROPPED, status)

    def _anonymous_row_allowed(self, now: datetime) -> bool:
        minute = int(now.timestamp() // 60)
        with self._lock:
            if minute != self._minute:
                self._minute, self._anonymous = minute, 0
            self._anonymous += 1
            return self._anonymous <= ANONYMOUS_PER_MINUTE

    def _count(self, now: datetime, kind: str, status: int | None) -> None:
        with self._lock:
            self._counts[(now.date().isoformat(), kind, status or 0)] += 1
            self._unwritten += 1

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything recorded so far is written (the process's exit, tests); whether it was."""
        deadline = time.monotonic() + timeout
        while self._unwritten and time.monotonic() < deadline:
            time.sleep(0.05)
        return not self._unwritten

    def _write_forever(self) -> None:
        conn, purged = None, 0.0
        pending: list[View] = []
        while True:
            if not pending:
                try:
                    pending.append(self._rows.get(timeout=0.2))
                except queue.Empty:
                    pass
            while len(pending) < BATCH:
                try:
                    pending.append(self._rows.get_nowait())
                except queue.Empty:
                    break
            with self._lock:
                counts, self._counts = self._counts, Counter()
            try:
                conn = conn or connect(self.path)
                self._write(conn, pending, counts)
                with self._lock:
                    self._unwritten -= len(pending) + sum(counts.values())
                pending = []
                if time.monotonic() - purged > PURGE_EVERY:
                    purge(conn, self.clock())
                    purged = time.monotonic()
            except sqlite3.Error as error:  # locked by another process, a full disk: kept and tried again
                logger.warning("audit log not written yet (%s); retrying", type(error).__name__)
                with self._lock:
                    self._counts.update(counts)
                time.sleep(RETRY_AFTER)

    @staticmethod
    def _write(conn: sqlite3.Connection, rows: list[View], counts: Counter[tuple[str, str, int]]) -> None:
        if not rows and not counts:
            return
        with conn:
            conn.execute("begin immediate")
            conn.executemany("insert into views (time, actor, method, path, query, status, sender)"
                             " values (?, ?, ?, ?, ?, ?, ?)",
                             [(r.time, r.actor, r.method, r.path, r.query, r.status, r.sender) for r in rows])
            conn.executemany("insert into counts (day, kind, status, count) values (?, ?, ?, ?) on conflict"
                             " (day, kind, status) do update set count = count + excluded.count",
                             [(*key, n) for key, n in counts.items()])
