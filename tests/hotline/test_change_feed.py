"""The handover queue's change feed (bot/hotline/change_feed.py): each desk process follows the shared file, and
every page it streams to gets each change once, in order, catching up after a reconnect."""
from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from bot.hotline.change_feed import LiveFeed
from bot.hotline.handover_queue import HandoverQueue

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)
FAST = 0.02


def test_two_desk_processes_each_see_every_change_another_process_writes(tmp_path):
    path = tmp_path / "handover.db"

    async def follow() -> list[list[tuple[int, str]]]:
        desks = [LiveFeed(path, FAST), LiveFeed(path, FAST)]  # two processes' feeds over one file
        for feed in desks:
            await feed.start()
        writer = HandoverQueue(path)  # the action server, another process
        writer.enqueue("web-1", "rest", "问题", NOW)
        writer.take("web-1", "operator", NOW)
        writer.enqueue("web-2", "rest", "问题", NOW)
        seen = []
        for feed in desks:
            got, after = [], 0
            while len(got) < 3:
                batch = await feed.next(after, timeout=5)
                assert batch is not None and not batch.reset
                got += [(c.handover_id, c.kind) for c in batch.changes]
                after = batch.version
            seen.append(got)
            assert feed.waiting == 1
        return seen

    first, second = asyncio.run(follow())
    assert first == second == [(1, "queued"), (1, "taken"), (2, "queued")]


def test_a_page_that_reconnects_gets_what_followed_its_last_version_once(tmp_path):
    path = tmp_path / "handover.db"
    queue = HandoverQueue(path)

    async def reconnect() -> tuple[list[str], list[str]]:
        feed = LiveFeed(path, FAST)
        await feed.start()
        queue.enqueue("web-1", "rest", "问题", NOW)
        first = await feed.next(0, timeout=5)
        queue.note_message("web-1")
        queue.note_message("web-1")
        await feed.look()
        again = feed.since(first.version)  # the page's Last-Event-ID
        return [c.kind for c in first.changes], [c.kind for c in again.changes]

    assert asyncio.run(reconnect()) == (["queued"], ["message", "message"])


def test_a_page_too_far_behind_or_from_another_file_is_told_to_reload_whole(tmp_path):
    path = tmp_path / "handover.db"
    queue = HandoverQueue(path)

    async def behind() -> tuple[bool, bool, bool]:
        feed = LiveFeed(path, FAST)
        feed.recent = type(feed.recent)(maxlen=2)
        await feed.start()
        for i in range(4):
            queue.enqueue(f"web-{i}", "rest", "问题", NOW)
        await feed.look()
        return feed.since(0).reset, feed.since(feed.version + 5).reset, feed.since(feed.version - 2).reset

    assert asyncio.run(behind()) == (True, True, False)


def test_waiting_for_a_change_that_does_not_come_times_out(tmp_path):
    async def quiet() -> object:
        feed = LiveFeed(tmp_path / "handover.db", FAST)
        return await feed.next(0, timeout=0.2)

    assert asyncio.run(quiet()) is None
