"""A SQL tracker store whose turns cost the same at the fiftieth question as at the first.

Rasa 3.6's `SQLTrackerStore` reads every event of the session on every turn,
decodes each one through `Event.resolve_by_type` (which walks every Event
subclass, with `inspect.isabstract` on each, per event) and replays them all;
the policies then featurise the whole history again, and the action server
receives it whole. A turn's cost grows with the conversation: by the 50th
question it was 2.5 times the first.

`WindowedSQLTrackerStore` gives a turn the conversation it needs and no more:
the slots as they stand (the dialogue's memory is in slots), whether the
conversation is paused, the citizen's recent messages (the action server reads
the numbers in the last ones) and the last `window_turns` whole turns (more
than the policies' max_history). Everything is still stored, and read whole
where Rasa reads a conversation for people (`retrieve_full_tracker`: the
HTTP API, the operators' tools).

The window of each recent conversation is kept in memory after it is saved,
checked against the database by its last event id, so a turn reads one
indexed number instead of the session; another server writing the
conversation (the scale-out set-up) changes that id and the window is read
anew. SQLite gets one lasting connection, WAL and a busy timeout, and the
events table an index on (sender_id, id), which is the order every read uses.

Conversations are personal data: the SQLite file is readable by its owner only
(0600), a citizen can have theirs deleted (`forget`, 删除我的记录), and
`purge` deletes every conversation silent for longer than the retention period
(serving/retention.py runs it).
"""
from __future__ import annotations

import asyncio
import itertools
import json
import logging
from collections import OrderedDict
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    ConversationPaused,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from bot.dialogue.provenance import STATED_MESSAGES
from bot.privacy import word_stores
from bot.privacy.files import private_file

logger = logging.getLogger(__name__)

WINDOW_TURNS = 4  # whole turns kept: the policies look back at most 5 states (two turns here)
CACHE_CONVERSATIONS = 2000  # windows kept in memory, least recently used dropped first
STORED = "_nuanliu_stored_events"  # on a retrieved tracker: how many of its events are already stored
SQLITE_BUSY_MS = 5000


def unwrapped(tracker_store: Any) -> Any:
    """The store itself: Rasa wraps the configured tracker store in a FailSafeTrackerStore."""
    return getattr(tracker_store, "_tracker_store", tracker_store)


class EventDecoder:
    """Event dicts to Events through a table built once (Rasa looks the class up anew per event)."""

    def __init__(self) -> None:
        self._types = {cls.type_name: cls for cls in all_subclasses(Event) if cls.type_name != "event"}

    def __call__(self, data: dict[str, Any]) -> Event | None:
        cls = self._types.get(data.get("event"))
        return cls._from_parameters(data) if cls else Event.from_parameters(data)

    def all(self, dicts: list[dict[str, Any]]) -> list[Event]:
        return [e for e in map(self, dicts) if e is not None]


def window(sender_id: str, events: list[Event], slots: Any, turns: int = WINDOW_TURNS,
           messages: int = STATED_MESSAGES) -> list[Event]:
    """The events a turn needs: the state before the last `turns` turns as events, older user
    messages (up to `messages` in all), then those turns whole. Short conversations come back as they are."""
    users = [i for i, e in enumerate(events) if isinstance(e, UserUttered)]
    if len(users) <= turns:
        return events
    start = users[-turns]
    if start and isinstance(events[start - 1], ActionExecuted):
        start -= 1  # the action_listen the turn began with
    before = DialogueStateTracker.from_events(sender_id, events[:start], slots)
    stamp = events[start].timestamp
    state: list[Event] = [SessionStarted(timestamp=stamp)]
    state += [SlotSet(s.name, s.value, timestamp=stamp) for s in before.slots.values()
              if s.value != s.initial_value]
    if before.active_loop_name:
        state.append(ActiveLoop(before.active_loop_name, timestamp=stamp))
    if before.is_paused():
        state.append(ConversationPaused(timestamp=stamp))
    older = [events[i] for i in users[:-turns]][-max(messages - turns, 0):] if messages > turns else []
    return state + older + events[start:]


class WindowedSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` that hands a turn its window (see the module docstring) and stores every event."""

    engine: sa.engine.Engine  # Rasa's SQLTrackerStore sets it; its type is not declared there

    def __init__(self, domain: Domain | None = None, window_turns: int = WINDOW_TURNS,
                 cache_conversations: int = CACHE_CONVERSATIONS, **kwargs: Any) -> None:
        if kwargs.get("dialect") == "sqlite":
            private_file(Path(kwargs.get("db") or "rasa.db"))
        super().__init__(domain, **kwargs)
        self.window_turns = int(window_turns)
        self._cache: OrderedDict[str, tuple[int, str]] = OrderedDict()  # sender → (last event id, window JSON)
        self._cache_size = int(cache_conversations)
        self._decode = EventDecoder()
        self._last_id_query = sa.select(sa.func.max(self.SQLEvent.id)).where(
            self.SQLEvent.sender_id == sa.bindparam("sender"))
        self._tune_database()

    def _tune_database(self) -> None:
        """SQLite: one connection kept open (Rasa's engine opens and closes one per query, and closing the
        last connection of a WAL database checkpoints it), WAL, a busy timeout. Any dialect: the index."""
        if self.engine.dialect.name == "sqlite":
            self.engine = sa.create_engine(self.engine.url, poolclass=sa.pool.SingletonThreadPool)

            @sa.event.listens_for(self.engine, "connect")
            def _pragmas(connection: Any, _record: Any) -> None:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
                connection.execute("PRAGMA secure_delete=ON")  # what `forget` deletes is overwritten, not left

            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
        sa.Index("ix_events_sender_id_id", self.SQLEvent.sender_id, self.SQLEvent.id).create(
            self.engine, checkfirst=True)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            last = self._last_id(session, sender_id)
            if last is None:
                self._cache.pop(sender_id, None)
                return None
            cached = self._cache.get(sender_id)
            if cached and cached[0] == last:
                self._cache.move_to_end(sender_id)
                events = self._decode.all(json.loads(cached[1]))
            else:
                rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
                events = window(sender_id, self._decode.all([json.loads(r.data) for r in rows]),
                                self.domain.slots, self.window_turns)
        tracker = DialogueStateTracker.from_events(sender_id, events, self.domain.slots)
        setattr(tracker, STORED, len(tracker.events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        with self.session_scope() as session:
            stored = getattr(tracker, STORED, None)
            if stored is None:  # not from retrieve (a new conversation, the HTTP API): count as Rasa does
                stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
            new = list(itertools.islice(tracker.events, stored, None))
            rows = [self._row(tracker.sender_id, e) for e in new]
            session.add_all(rows)
            session.flush()
            last = rows[-1].id if rows else self._last_id(session, tracker.sender_id)
            session.commit()
        if self.event_broker:
            await self._stream_new_events(self.event_broker, new, tracker.sender_id)
        setattr(tracker, STORED, len(tracker.events))
        kept = window(tracker.sender_id, list(tracker.events), self.domain.slots, self.window_turns)
        self._remember(tracker.sender_id, last, json.dumps([e.as_dict() for e in kept]))

    def _row(self, sender_id: str, event: Event) -> Any:
        data = event.as_dict()
        return self.SQLEvent(sender_id=sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                             intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
                             action_name=data.get("name"), data=json.dumps(data))

    def _last_id(self, session: Any, sender_id: str) -> int | None:
        return session.execute(self._last_id_query, {"sender": sender_id}).scalar()

    def _remember(self, sender_id: str, last: int | None, window_json: str) -> None:
        if last is None:
            return
        self._cache[sender_id] = (last, window_json)
        self._cache.move_to_end(sender_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    async def forget(self, sender_id: str) -> int:
        """Delete one citizen's whole conversation (every session), and its window in memory; how many events."""
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            session.commit()
        self._cache.pop(sender_id, None)
        if self.engine.dialect.name == "sqlite":  # nor in the write-ahead log (bot/privacy/word_stores.py)
            await asyncio.to_thread(self._erase_wal)  # it waits for readers: never on the event loop
        return deleted

    def _erase_wal(self) -> None:
        with self.engine.connect() as connection:
            word_stores.erase_wal(lambda sql: connection.execute(sa.text(sql)))

    def purge(self, before: float) -> int:
        """Delete every conversation whose last event is older than `before` (a Unix time); how many."""
        with self.session_scope() as session:
            stale = [row[0] for row in session.query(self.SQLEvent.sender_id).group_by(self.SQLEvent.sender_id)
                     .having(sa.func.max(self.SQLEvent.timestamp) < before)]
            for sender_id in stale:
                session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
                self._cache.pop(sender_id, None)
            session.commit()
        return len(stale)
