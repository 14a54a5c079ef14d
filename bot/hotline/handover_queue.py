"""The queue of conversations handed over to a person (转人工): queued → taken by one operator → ended.

Three kinds of process share it: the action server queues a conversation when
the citizen says yes, the operators' desks take, answer and close it, and the
Rasa servers tell a citizen nobody took in time the hotline number, let a
queued citizen cancel and note each message a citizen sends while held. So it
is a SQLite file (build/handover.db; NUANLIU_HANDOVER_DB elsewhere) in WAL mode
with a busy timeout, each call on its own short connection. Taking is one
UPDATE that only matches while nobody has taken it, so of two operators racing
for a conversation exactly one wins; the no-taker notice is claimed the same
way, so several Rasa servers send it once.

The file holds, beside the entries:
- `changes`, the change feed every desk process follows (bot/hotline/change_feed.py):
  one row per change with a version that only grows. Triggers on the entries
  write it, in the same transaction as the change, so no writer can forget it
  and a reader never sees a change without its row; a citizen's message while
  held is noted by the Rasa server (`note_message`). It holds no personal data
  (an entry's id and the kind of change) and keeps its last FEED_KEPT rows;
- `said`, what was said to citizens outside a turn (bot/hotline/outbox.py);
- `citizens`, the desk's pseudonyms for sender ids (bot/hotline/pseudonyms.py).

Waiting conversations are capped in total and per client (`Limits`), so one
client cannot fill the queue operators must work through. It holds sender ids
(a WeChat OpenID is personal) and the citizen's last question, masked: the
file is 0600, a citizen's rows in every table go with 删除我的记录 (`forget`)
and rows are deleted after the retention period (`purge`, serving/retention.py).
The conversation itself stays in the tracker store.
"""
from __future__ import annotations

import enum
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
FEED_KEPT = 10_000  # change rows kept: a desk that falls further behind reads the queue whole, as on a reload
SCHEMA_VERSION = 2  # PRAGMA user_version: 1 had the entries only

CLIENT_METADATA = "handover_client"  # the key under which a channel gives the message's client (pseudonymous)
# How an entry ended (`ended`), and so the change its closing makes.
CLOSED, CANCELLED, LEFT = "closed", "cancelled", "left"  # by the operator; the citizen's 取消; the citizen left
_TABLES = """
create table if not exists handovers (
    id integer primary key, sender_id text not null, channel text not null, question text not null,
    queued_at text not null, taken_by text, taken_at text, closed_by text, closed_at text, notified_at text);
create unique index if not exists one_open_handover on handovers (sender_id) where closed_at is null;
create index if not exists handovers_queued_at on handovers (queued_at);
create table if not exists changes (version integer primary key autoincrement, handover_id integer not null,
    kind text not null);
create table if not exists said (id integer primary key, sender_id text not null, kind text not null,
    text text not null, operator text, at text not null);
create index if not exists said_sender on said (sender_id, id);
create table if not exists citizens (pseudonym text primary key, sender_id text not null unique, seen_at text not null);
"""
_NEW_COLUMNS = {"client": "text", "ended": "text", "notice_delivered": "integer"}  # added in version 2
_TRIGGERS = f"""
drop trigger if exists handover_queued;
drop trigger if exists handover_changed;
drop trigger if exists handover_removed;
drop trigger if exists changes_bounded;
create trigger handover_queued after insert on handovers begin
    insert into changes (handover_id, kind) values (new.id, 'queued'); end;
create trigger handover_changed after update on handovers begin
    insert into changes (handover_id, kind) values (new.id, case
        when new.closed_at is not null and old.closed_at is null then coalesce(new.ended, '{CLOSED}')
        when new.taken_by is not null and old.taken_by is null then 'taken' else 'updated' end); end;
create trigger handover_removed after delete on handovers begin
    insert into changes (handover_id, kind) values (old.id, 'removed'); end;
create trigger changes_bounded after insert on changes begin
    delete from changes where version <= new.version - {FEED_KEPT}; end;
"""
_COLUMNS = "id, sender_id, channel, question, queued_at, taken_by, taken_at, closed_at, notified_at, ended, " \
           "notice_delivered"


def queue_path() -> Path:
    """NUANLIU_HANDOVER_DB (tests, another disk) or build/handover.db, the same for every process."""
    return Path(os.environ.get("NUANLIU_HANDOVER_DB", DEFAULT_QUEUE))


def now() -> datetime:
    return datetime.now(timezone.utc)


def as_text(when: datetime) -> str:
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A short connection to the queue file (0600), in autocommit mode: `transaction` groups statements."""
    conn = sqlite3.connect(private_file(path), timeout=BUSY_MS / 1000, isolation_level=None)
    conn.execute("PRAGMA secure_delete=ON")  # a forgotten citizen's words are overwritten (bot/privacy/word_stores.py)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on an error): the writer's lock from the first statement, so a count
    read inside stays true until the write that depends on it."""
    conn.execute("begin immediate")
    try:
        yield conn
    except BaseException:
        conn.execute("rollback")
        raise
    conn.execute("commit")


def prepare(path: Path) -> None:
    """Create the tables, or bring an older file's up to this version (its entries kept), in one transaction."""
    with connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        if _version(conn) >= SCHEMA_VERSION:
            return
        with transaction(conn):
            if _version(conn) >= SCHEMA_VERSION:
                return  # another process did it meanwhile
            for statement in _statements(_TABLES):
                conn.execute(statement)
            have = {row[1] for row in conn.execute("PRAGMA table_info(handovers)")}
            for column, kind in _NEW_COLUMNS.items():
                if column not in have:
                    conn.execute(f"alter table handovers add column {column} {kind}")
            for statement in _statements(_TRIGGERS):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _statements(script: str) -> list[str]:
    """A script's statements (a trigger's body keeps its inner semicolons), for running inside a transaction."""
    statements, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


@dataclass(frozen=True)
class Handover:
    id: int
    sender_id: str
    channel: str  # the citizen's channel when queued: webchat (the web page), wechat or rest (an integration)
    question: str  # the citizen's last question before asking for a person, masked
    queued_at: datetime
    taken_by: str | None = None
    taken_at: datetime | None = None
    closed_at: datetime | None = None
    notified_at: datetime | None = None  # when the no-taker notice was claimed
    ended: str | None = None  # CLOSED, CANCELLED or LEFT once closed
    notice_delivered: bool | None = None  # whether the no-taker notice reached the citizen; None until known

    @property
    def state(self) -> str:
        return "closed" if self.closed_at else "taken" if self.taken_by else "queued"

    @classmethod
    def of(cls, row: tuple) -> Handover:
        id_, sender, channel, question, queued, taken_by, taken, closed, notified, ended, delivered = row
        return cls(id_, sender, channel, question, datetime.fromisoformat(queued), taken_by, _time(taken), _time(closed),
                   _time(notified), ended, None if delivered is None else bool(delivered))


@dataclass(frozen=True)
class Limits:
    """How many conversations may wait for a person (queued, nobody has taken them): in all, and from one client
    (an address; None: a client not counted, such as loopback or WeChat, where one OpenID waits once)."""
    total: int
    per_client: int


class Queued(enum.Enum):
    QUEUED = "queued"
    ALREADY = "already"  # the conversation was waiting already
    FULL = "full"  # as many wait as the queue takes
    CLIENT_FULL = "client_full"  # as many wait from this client as one client may have


class HandoverQueue:
    def __init__(self, path: Path) -> None:
        self.path = path
        prepare(path)

    def _changed(self, sql: str, args: tuple) -> int:
        with connect(self.path) as conn:
            return conn.execute(sql, args).rowcount

    def _select(self, where: str, args: tuple = ()) -> list[Handover]:
        with connect(self.path) as conn:
            rows = conn.execute(f"select {_COLUMNS} from handovers where {where} order by queued_at, id", args)
            return [Handover.of(row) for row in rows]

    def enqueue(self, sender_id: str, channel: str, question: str, when: datetime | None = None,
                client: str | None = None, limits: Limits | None = None) -> Queued:
        """Queue the conversation (its question masked once more), unless it waits already or the queue, or the
        client's share of it, is full."""
        with connect(self.path) as conn, transaction(conn):
            if conn.execute("select 1 from handovers where sender_id = ? and closed_at is null", (sender_id,)).fetchone():
                return Queued.ALREADY
            if limits is not None:
                waiting = "select count(*) from handovers where closed_at is null and taken_by is null"
                if conn.execute(waiting).fetchone()[0] >= limits.total:
                    return Queued.FULL
                if client is not None and conn.execute(f"{waiting} and client = ?", (client,)).fetchone()[0] \
                        >= limits.per_client:
                    return Queued.CLIENT_FULL
            conn.execute("insert into handovers (sender_id, channel, question, queued_at, client) values (?, ?, ?, ?, ?)",
                         (sender_id, channel, mask(question), as_text(when or now()), client))
            return Queued.QUEUED

    def waiting(self) -> list[Handover]:
        """Every conversation queued or held by an operator, the longest waiting first."""
        return self._select("closed_at is null")

    def open_for(self, sender_id: str) -> Handover | None:
        found = self._select("sender_id = ? and closed_at is null", (sender_id,))
        return found[0] if found else None

    def latest_for(self, sender_id: str) -> Handover | None:
        """The citizen's open entry, else the one that ended last: how their latest handover stands."""
        found = self._select("sender_id = ?", (sender_id,))
        return max(found, key=lambda h: (h.closed_at is None, h.id)) if found else None

    def ahead_of(self, handover: Handover) -> int:
        """How many queued conversations nobody has taken were queued before this one (前面还有N位)."""
        with connect(self.path) as conn:
            return conn.execute(
                "select count(*) from handovers where closed_at is null and taken_by is null"
                " and (queued_at < ? or (queued_at = ? and id < ?))",
                (as_text(handover.queued_at), as_text(handover.queued_at), handover.id)).fetchone()[0]

    def ever_handed_over(self, sender_id: str) -> bool:
        """Whether the conversation is in the queue or was (within the retention period)."""
        return bool(self._select("sender_id = ?", (sender_id,)))

    def take(self, sender_id: str, operator: str, when: datetime | None = None) -> bool:
        """Give the queued conversation to `operator`; False if another operator has it (or none is queued)."""
        return bool(self._changed(
            "update handovers set taken_by = ?, taken_at = ? where sender_id = ? and closed_at is null"
            " and taken_by is null", (operator, as_text(when or now()), sender_id)))

    def close(self, sender_id: str, operator: str, when: datetime | None = None) -> bool:
        """Close the conversation `operator` holds; False if they do not hold it."""
        return bool(self._changed(
            "update handovers set closed_by = ?, closed_at = ?, ended = ? where sender_id = ? and closed_at is null"
            " and taken_by = ?", (operator, as_text(when or now()), CLOSED, sender_id, operator)))

    def end_by_citizen(self, sender_id: str, how: str, when: datetime | None = None) -> Handover | None:
        """The citizen ends their wait or their talk with a person: CANCELLED (取消) or LEFT (新对话); the entry
        as it stood, or None if there was none open."""
        entry = self.open_for(sender_id)
        if entry is None or not self._changed(
                "update handovers set closed_at = ?, ended = ? where id = ? and closed_at is null",
                (as_text(when or now()), how, entry.id)):
            return None
        return entry

    def note_message(self, sender_id: str) -> bool:
        """A change for the citizen's open entry: they wrote while held, so the desks showing it read it anew."""
        return bool(self._changed("insert into changes (handover_id, kind) select id, 'message' from handovers"
                                  " where sender_id = ? and closed_at is null", (sender_id,)))

    def untaken_since(self, before: datetime) -> list[Handover]:
        """Conversations queued before `before` that nobody took and that have not been told so."""
        return self._select("closed_at is null and taken_by is null and notified_at is null and queued_at < ?",
                            (as_text(before),))

    def claim_notice(self, handover: Handover, when: datetime | None = None) -> bool:
        """True for exactly one caller per conversation: that one sends the no-taker notice."""
        return bool(self._changed("update handovers set notified_at = ? where id = ? and notified_at is null",
                                  (as_text(when or now()), handover.id)))

    def notice_sent(self, handover: Handover, delivered: bool) -> None:
        """Whether the claimed notice reached the citizen: the queue says 已告知热线 only when it did."""
        self._changed("update handovers set notice_delivered = ? where id = ?", (int(delivered), handover.id))

    def forget(self, sender_id: str) -> int:
        """Delete everything the file holds of the citizen (删除我的记录): entries, what was said to them outside
        a turn, their pseudonym, leaving nothing of them in the write-ahead log; how many entries."""
        with connect(self.path) as conn:
            with transaction(conn):
                conn.execute("delete from said where sender_id = ?", (sender_id,))
                conn.execute("delete from citizens where sender_id = ?", (sender_id,))
                deleted = conn.execute("delete from handovers where sender_id = ?", (sender_id,)).rowcount
            word_stores.erase_wal(conn.execute)
            return deleted

    def purge(self, before: datetime) -> int:
        """Delete the entries whose last change is older than `before`, and what was said outside turns and the
        pseudonyms last used before it; how many entries."""
        cutoff = as_text(before)
        with connect(self.path) as conn, transaction(conn):
            entries = conn.execute("delete from handovers where coalesce(closed_at, taken_at, queued_at) < ?",
                                   (cutoff,)).rowcount
            conn.execute("delete from said where at < ?", (cutoff,))
            conn.execute("delete from citizens where seen_at < ? and sender_id not in"
                         " (select sender_id from handovers where closed_at is null)", (cutoff,))
            return entries
