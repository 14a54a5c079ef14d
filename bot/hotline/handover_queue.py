"""The queue of conversations handed over to a person (转人工): queued → taken by one operator → closed.

Three processes share it: the action server queues a conversation when the
citizen says yes, the operators' desk takes, answers and closes it, and the
Rasa server tells a citizen nobody took in time the hotline number. So it is a
SQLite file (build/handover.db; NUANLIU_HANDOVER_DB elsewhere) in WAL mode with
a busy timeout, each call on its own short connection. Taking is one UPDATE
that only matches while nobody has taken it, so of two operators racing for a
conversation exactly one wins; the no-taker notice is claimed the same way, so
several Rasa servers send it once.

It holds sender ids (a WeChat OpenID is personal) and the citizen's last
question, masked: the file is 0600, a citizen's rows go with 删除我的记录
(`forget`) and every row is deleted after the retention period (`purge`,
serving/retention.py). The conversation itself stays in the tracker store.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bot import BUILD
from bot.privacy import word_stores
from bot.privacy.files import private_file
from bot.privacy.masking import mask

DEFAULT_QUEUE = BUILD / "handover.db"
BUSY_MS = 5000
_SCHEMA = """
create table if not exists handovers (
    id integer primary key, sender_id text not null, channel text not null, question text not null,
    queued_at text not null, taken_by text, taken_at text, closed_by text, closed_at text, notified_at text);
create unique index if not exists one_open_handover on handovers (sender_id) where closed_at is null;
create index if not exists handovers_queued_at on handovers (queued_at);
"""
_COLUMNS = "id, sender_id, channel, question, queued_at, taken_by, taken_at, closed_at, notified_at"


def queue_path() -> Path:
    """NUANLIU_HANDOVER_DB (tests, another disk) or build/handover.db, the same for every process."""
    return Path(os.environ.get("NUANLIU_HANDOVER_DB", DEFAULT_QUEUE))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _text(when: datetime) -> str:
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Handover:
    id: int
    sender_id: str
    channel: str  # the citizen's channel when queued: rest (the web page) or wechat
    question: str  # the citizen's last question before asking for a person, masked
    queued_at: datetime
    taken_by: str | None = None
    taken_at: datetime | None = None
    closed_at: datetime | None = None
    notified_at: datetime | None = None  # when the no-taker notice was sent

    @property
    def state(self) -> str:
        return "closed" if self.closed_at else "taken" if self.taken_by else "queued"

    @classmethod
    def of(cls, row: tuple) -> Handover:
        id_, sender, channel, question, queued, taken_by, taken, closed, notified = row
        return cls(id_, sender, channel, question, datetime.fromisoformat(queued), taken_by, _time(taken), _time(closed),
                   _time(notified))


class HandoverQueue:
    def __init__(self, path: Path) -> None:
        self.path = path
        with self._connection() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(private_file(self.path), timeout=BUSY_MS / 1000, isolation_level=None)
        conn.execute("PRAGMA secure_delete=ON")  # a forgotten citizen's question is overwritten (word_stores)
        try:
            yield conn
        finally:
            conn.close()

    def _changed(self, sql: str, args: tuple) -> int:
        with self._connection() as conn:
            return conn.execute(sql, args).rowcount

    def _select(self, where: str, args: tuple = ()) -> list[Handover]:
        with self._connection() as conn:
            rows = conn.execute(f"select {_COLUMNS} from handovers where {where} order by queued_at, id", args)
            return [Handover.of(row) for row in rows]

    def enqueue(self, sender_id: str, channel: str, question: str, now: datetime | None = None) -> bool:
        """Queue the conversation (its question masked once more); False if it is already in the queue."""
        return bool(self._changed(
            "insert or ignore into handovers (sender_id, channel, question, queued_at) values (?, ?, ?, ?)",
            (sender_id, channel, mask(question), _text(now or _now()))))

    def waiting(self) -> list[Handover]:
        """Every conversation queued or held by an operator, the longest waiting first."""
        return self._select("closed_at is null")

    def open_for(self, sender_id: str) -> Handover | None:
        found = self._select("sender_id = ? and closed_at is null", (sender_id,))
        return found[0] if found else None

    def ever_handed_over(self, sender_id: str) -> bool:
        """Whether the conversation is in the queue or was (within the retention period)."""
        return bool(self._select("sender_id = ?", (sender_id,)))

    def take(self, sender_id: str, operator: str, now: datetime | None = None) -> bool:
        """Give the queued conversation to `operator`; False if another operator has it (or none is queued)."""
        return bool(self._changed(
            "update handovers set taken_by = ?, taken_at = ? where sender_id = ? and closed_at is null"
            " and taken_by is null", (operator, _text(now or _now()), sender_id)))

    def close(self, sender_id: str, operator: str, now: datetime | None = None) -> bool:
        """Close the conversation `operator` holds; False if they do not hold it."""
        return bool(self._changed(
            "update handovers set closed_by = ?, closed_at = ? where sender_id = ? and closed_at is null"
            " and taken_by = ?", (operator, _text(now or _now()), sender_id, operator)))

    def untaken_since(self, before: datetime) -> list[Handover]:
        """Conversations queued before `before` that nobody took and that have not been told so."""
        return self._select("closed_at is null and taken_by is null and notified_at is null and queued_at < ?",
                            (_text(before),))

    def claim_notice(self, handover: Handover, now: datetime | None = None) -> bool:
        """True for exactly one caller per conversation: that one sends the no-taker notice."""
        return bool(self._changed("update handovers set notified_at = ? where id = ? and notified_at is null",
                                  (_text(now or _now()), handover.id)))

    def forget(self, sender_id: str) -> int:
        """Delete every entry of the citizen (删除我的记录), leaving nothing of them in the write-ahead log; how many."""
        with self._connection() as conn:
            deleted = conn.execute("delete from handovers where sender_id = ?", (sender_id,)).rowcount
            word_stores.erase_wal(conn.execute)
            return deleted

    def purge(self, before: datetime) -> int:
        """Delete the entries whose last change is older than `before`; how many."""
        return self._changed("delete from handovers where coalesce(closed_at, taken_at, queued_at) < ?",
                             (_text(before),))
