"""The handover queue's change feed, as the operators' pages follow it live.

Every change to the queue (queued, taken, closed, cancelled, left, removed, a
citizen's message while held) is a row of the queue file's `changes` table with
a version that only grows, written in the same transaction as the change
(bot/hotline/handover_queue.py). Whichever process made it (an action server
queueing, a Rasa server noting a message, any of several desk processes taking
or closing), every desk process sees it by reading the versions after the last
it saw: the file is the one thing they all share.

`LiveFeed` is one desk process's follower: one task looks at the latest version
every POLL_SECONDS (in a thread: SQLite must not hold the event loop) and wakes
every open page's stream, each of which then sends what follows the version it
last sent. So every page gets each change once and in order, however many pages
are open, and a page that reconnects names the last version it got
(Last-Event-ID) and misses nothing. A page further behind than the changes kept
(FEED_KEPT in the file, RECENT here) is told to reload whole (`reset`).
"""
from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from bot.hotline.handover_queue import connect, prepare

POLL_SECONDS = 0.25  # a change reaches the pages within about this, plus the page's own fetch
RECENT = 2000  # changes kept in memory for pages catching up


@dataclass(frozen=True)
class Change:
    version: int
    handover_id: int
    kind: str  # queued, taken, closed, cancelled, left, updated, removed, message


@dataclass(frozen=True)
class Batch:
    """What a page is sent: the changes after the version it had, the count waiting now, and whether it must
    reload whole because it fell behind what is kept."""
    version: int
    waiting: int
    changes: tuple[Change, ...] = ()
    reset: bool = False

    def json(self) -> dict:
        return {"version": self.version, "waiting": self.waiting, "reset": self.reset,
                "changes": [{"version": c.version, "id": c.handover_id, "kind": c.kind} for c in self.changes]}


def latest(path: Path) -> tuple[int, int]:
    """(the latest version, how many conversations wait for a person now), from the file."""
    with connect(path) as conn:
        version = conn.execute("select coalesce(max(version), 0) from changes").fetchone()[0]
        waiting = conn.execute("select count(*) from handovers where closed_at is null and taken_by is null").fetchone()[0]
    return version, waiting


def changes_after(path: Path, version: int, limit: int = RECENT) -> list[Change]:
    with connect(path) as conn:
        rows = conn.execute("select version, handover_id, kind from changes where version > ? order by version limit ?",
                            (version, limit)).fetchall()
    return [Change(*row) for row in rows]


@dataclass
class LiveFeed:
    """One desk process's view of the change feed, shared by every page it streams to."""
    path: Path
    every: float = POLL_SECONDS
    version: int = 0
    waiting: int = 0
    recent: deque[Change] = field(default_factory=lambda: deque(maxlen=RECENT))
    _changed: asyncio.Condition | None = None
    _looking: asyncio.Lock | None = None
    _starting: asyncio.Future | None = None

    async def start(self) -> None:
        """Read where the feed stands, with the changes the file keeps, and follow it from there (once per process:
        later calls wait for that first start)."""
        if self._starting is None:
            self._starting = asyncio.ensure_future(self._begin())
        await asyncio.shield(self._starting)

    async def _begin(self) -> None:
        self._changed, self._looking = asyncio.Condition(), asyncio.Lock()
        await asyncio.to_thread(prepare, self.path)
        version, self.waiting = await asyncio.to_thread(latest, self.path)
        self.recent.extend(await asyncio.to_thread(changes_after, self.path, max(0, version - RECENT)))
        self.version = version
        asyncio.get_running_loop().create_task(self._follow())

    async def _follow(self) -> None:
        while True:
            await asyncio.sleep(self.every)
            try:
                await self.look()
            except Exception:  # a busy or missing file this time: the next look tries again
                continue

    async def look(self) -> None:
        """Take in the changes written since the last look and wake the streams; one look at a time, so no change
        is taken in twice (a stream looks too when it opens, to start from the file's latest)."""
        await self.start()
        assert self._changed is not None and self._looking is not None
        async with self._looking:
            version, waiting = await asyncio.to_thread(latest, self.path)
            if version == self.version and waiting == self.waiting:
                return
            if version > self.version:
                fresh = await asyncio.to_thread(changes_after, self.path, self.version)
                self.recent.extend(fresh)
                self.version = fresh[-1].version if fresh else version  # more than RECENT: the rest next time
            self.waiting = waiting
        async with self._changed:
            self._changed.notify_all()

    def since(self, after: int) -> Batch:
        """What follows version `after`: the changes kept, or a reset when some are no longer kept (or `after` is
        from another file, ahead of this one)."""
        if after >= self.version:
            return Batch(self.version, self.waiting, reset=after > self.version)
        oldest = self.recent[0].version if self.recent else self.version + 1
        if after < oldest - 1:
            return Batch(self.version, self.waiting, reset=True)
        return Batch(self.version, self.waiting, tuple(c for c in self.recent if c.version > after))

    async def next(self, after: int, timeout: float) -> Batch | None:
        """The next batch after version `after` once there is one, or None after `timeout` seconds."""
        await self.start()
        assert self._changed is not None
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: self.version > after), timeout)
            except asyncio.TimeoutError:
                return None
        return self.since(after)
