"""The windowed tracker store: a turn sees the conversation's state and recent turns, the database keeps all."""
from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    ConversationPaused,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot import ROOT
from bot.dialogue.provenance import STATED_MESSAGES
from serving.tracker_store import (
    WINDOW_TURNS,
    EventDecoder,
    WindowedSQLTrackerStore,
    window,
)

DOMAIN = Domain.load(ROOT / "domain.yml")


def turn(i: int, slot: str | None = None) -> list[Event]:
    """One citizen turn as Rasa stores it: listen, the message, the action, its slot, the reply."""
    events: list[Event] = [
        ActionExecuted("action_listen", timestamp=10.0 * i),
        UserUttered(f"问题{i}", {"name": "ask_measure", "confidence": 0.9}, timestamp=10.0 * i + 1),
        ActionExecuted("action_answer_measure", timestamp=10.0 * i + 2),
    ]
    if slot:
        events.append(SlotSet(slot, f"值{i}", timestamp=10.0 * i + 3))
    return events + [BotUttered(f"答复{i}", timestamp=10.0 * i + 4)]


def conversation(turns: int, pause_at: int | None = None) -> list[Event]:
    events: list[Event] = [ActionExecuted("action_session_start", timestamp=0.0), SessionStarted(timestamp=0.1)]
    for i in range(1, turns + 1):
        events += turn(i, slot="answered" if i % 3 == 1 else "reason_for" if i % 3 == 2 else None)
        if i == pause_at:
            events.append(ConversationPaused(timestamp=10.0 * i + 5))
    return events + [ActionExecuted("action_listen", timestamp=10.0 * turns + 9)]


def replayed(events: list[Event]) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("c", events, DOMAIN.slots)


def user_texts(tracker: DialogueStateTracker) -> list[str]:
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]


def test_a_short_conversation_is_handed_over_whole():
    events = conversation(WINDOW_TURNS)
    assert window("c", events, DOMAIN.slots) == events


@pytest.mark.parametrize("turns", [WINDOW_TURNS + 1, 12, 50])
def test_a_long_conversation_keeps_its_slots_latest_message_and_recent_messages(turns):
    events = conversation(turns)
    full, kept = replayed(events), replayed(window("c", events, DOMAIN.slots))
    assert kept.current_slot_values() == full.current_slot_values()
    assert kept.latest_message.text == full.latest_message.text
    assert kept.latest_action_name == full.latest_action_name
    assert user_texts(kept) == user_texts(full)[-STATED_MESSAGES:]
    assert kept.past_states(DOMAIN)[-5:] == full.past_states(DOMAIN)[-5:]  # what the policies see


def test_the_window_does_not_grow_with_the_conversation():
    assert len(window("c", conversation(48), DOMAIN.slots)) == len(window("c", conversation(12), DOMAIN.slots))


def test_a_paused_conversation_stays_paused_in_its_window():
    events = conversation(20, pause_at=3)
    assert replayed(events).is_paused()
    assert replayed(window("c", events, DOMAIN.slots)).is_paused()


def test_the_decoder_reads_every_event_as_rasa_does():
    events = conversation(3, pause_at=2)
    assert EventDecoder().all([e.as_dict() for e in events]) == events


@pytest.fixture
def store(tmp_path) -> WindowedSQLTrackerStore:
    return WindowedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))


def ask(store: WindowedSQLTrackerStore, sender: str, i: int) -> DialogueStateTracker:
    """One turn as the processor runs it: retrieve (or create), add the turn's events, save."""
    async def go() -> DialogueStateTracker:
        tracker = await store.get_or_create_tracker(sender)
        for event in turn(i, slot="answered")[1:]:
            tracker.update(event)
        tracker.update(ActionExecuted("action_listen", timestamp=10.0 * i + 9))
        await store.save(tracker)
        return tracker
    return asyncio.run(go())


def test_every_event_is_stored_once_while_turns_read_a_window(store):
    for i in range(1, 21):
        ask(store, "citizen", i)
    full = asyncio.run(store.retrieve_full_tracker("citizen"))
    assert user_texts(full) == [f"问题{i}" for i in range(1, 21)]
    assert len(full.events) == 1 + 20 * 5  # the first listen, then five events a turn, none twice
    turn_view = asyncio.run(store.retrieve("citizen"))
    assert len(turn_view.events) < len(full.events) / 3
    assert turn_view.current_slot_values() == full.current_slot_values()


def test_a_conversation_written_by_another_server_is_read_anew(store, tmp_path):
    other = WindowedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    for i in range(1, 9):
        ask(store if i % 2 else other, "shared", i)  # alternating servers, each with its own memory
    for each in (store, other):
        tracker = asyncio.run(each.retrieve("shared"))
        assert tracker.latest_message.text == "问题8"
        assert tracker.get_slot("answered") == "值8"
    assert user_texts(asyncio.run(store.retrieve_full_tracker("shared"))) == [f"问题{i}" for i in range(1, 9)]


def test_an_unknown_conversation_is_none(store):
    assert asyncio.run(store.retrieve("nobody")) is None


def test_the_sqlite_database_runs_in_wal_mode_with_an_index_for_reading_a_conversation(store, tmp_path):
    ask(store, "c", 1)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        indexes = {row[1] for row in connection.exec_driver_sql("PRAGMA index_list(events)")}
    assert "ix_events_sender_id_id" in indexes
