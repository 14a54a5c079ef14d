"""Retention: conversations and the other stores of citizens' words older than the period go, with a moved clock."""
from __future__ import annotations

import asyncio
import stat
import time
from datetime import datetime, timedelta, timezone

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.hotline import ratings, unanswered
from bot.hotline.handover_queue import HandoverQueue
from bot.reading.normaliser import Normalizer
from serving import retention
from serving.tracker_store import WindowedSQLTrackerStore

DAY = 86400


def store_at(path) -> WindowedSQLTrackerStore:
    return WindowedSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))


def save(store: WindowedSQLTrackerStore, sender: str, when: float) -> None:
    tracker = DialogueStateTracker.from_events(sender, [UserUttered("抗日老兵", timestamp=when)])
    asyncio.run(store.save(tracker))


def test_databases_are_created_readable_by_their_owner_only(tmp_path):
    store_at(tmp_path / "tracker.db")
    unanswered.open_log(tmp_path / "unanswered.db")
    ratings.open_ratings(tmp_path / "ratings.db")
    HandoverQueue(tmp_path / "handover.db")
    for name in ("tracker.db", "unanswered.db", "ratings.db", "handover.db"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600


def test_after_the_period_old_conversations_entries_ratings_and_handovers_go_and_recent_ones_stay(tmp_path, monkeypatch):
    monkeypatch.setenv("NUANLIU_RETENTION_DAYS", "30")
    store, log, rated = store_at(tmp_path / "tracker.db"), tmp_path / "unanswered.db", tmp_path / "ratings.db"
    queue = tmp_path / "handover.db"
    now = time.time()
    save(store, "old", now - 40 * DAY)
    save(store, "recent", now - 5 * DAY)
    unanswered.record(log, "火星移民补贴", sender="recent", channel="rest", intent="out_of_scope", confidence=0.9,
                      normalize=Normalizer())
    ratings.record(rated, sender="recent", channel="rest", measure="veteran_korean_war", verdict="不满意",
                   question="抗美援朝老兵补助", answer="每年15780元", normalize=Normalizer())
    clock = datetime.fromtimestamp(now, timezone.utc)
    handovers = HandoverQueue(queue)
    handovers.enqueue("old", "rest", "抗日老兵", clock - timedelta(days=40))
    handovers.enqueue("recent", "wechat", "抗日老兵", clock - timedelta(days=5))
    assert retention.purge(store, log, rated, queue, clock) == (1, 0, 0, 1)  # the entry and the rating: written now
    assert asyncio.run(store.retrieve("old")) is None and asyncio.run(store.retrieve("recent")) is not None
    assert [h.sender_id for h in handovers.waiting()] == ["recent"]
    assert retention.purge(store, log, rated, queue, clock + timedelta(days=31)) == (1, 1, 1, 1)  # a month on
    assert unanswered.open_log(log)["unanswered"].count == 0 and ratings.open_ratings(rated)["ratings"].count == 0
    assert handovers.waiting() == []


def test_a_citizens_conversation_is_forgotten_with_its_window_in_memory(tmp_path):
    store = store_at(tmp_path / "tracker.db")
    save(store, "me", time.time())
    save(store, "other", time.time())
    assert asyncio.run(store.retrieve("me")) is not None
    assert asyncio.run(store.forget("me")) == 1
    assert "me" not in store._cache
    assert asyncio.run(store.retrieve("me")) is None and asyncio.run(store.retrieve("other")) is not None


def test_the_server_purges_at_start_and_then_periodically(tmp_path):
    purged = []

    class Store:
        def purge(self, before: float) -> int:
            purged.append(before)
            return 0

    async def stop_after_two(_: float) -> None:
        if len(purged) == 2:
            raise asyncio.CancelledError

    clock = datetime(2027, 1, 1, tzinfo=timezone.utc)
    try:
        asyncio.run(retention.purge_forever(Store, tmp_path / "none.db", tmp_path / "none.db", tmp_path / "none.db",
                                            lambda: clock, stop_after_two))
    except asyncio.CancelledError:
        pass
    assert len(purged) == 2 and purged[0] == (clock - retention.retention()).timestamp()
