"""Deleting conversations and unanswered-log entries after the retention period, from inside the Rasa server.

PIPL asks for the shortest retention that serves the purpose; the
Cybersecurity Law asks for access logs of at least 6 months. A conversation is
kept NUANLIU_RETENTION_DAYS (default DEFAULT_DAYS, 180) after its last
message, an unanswered-log entry as long after it was written, a handover
queue entry as long after its last change; then they are deleted. The Rasa server runs `purge` at start and every PURGE_EVERY seconds
(`start`), so no cron job has to be remembered; the clock is a parameter so
the tests move it instead of waiting.
"""
from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sanic import Sanic

from bot import unanswered
from bot.handover import HandoverQueue, queue_path
from serving.tracker_store import unwrapped

logger = logging.getLogger(__name__)

DEFAULT_DAYS = 180
PURGE_EVERY = 3600  # seconds


def retention() -> timedelta:
    return timedelta(days=float(os.environ.get("NUANLIU_RETENTION_DAYS", DEFAULT_DAYS)))


def unanswered_log() -> Path:
    """The file the action server writes (same variable, same default)."""
    return Path(os.environ.get("NUANLIU_UNANSWERED_DB", unanswered.DEFAULT_LOG))


def purge(tracker_store: Any, log: Path, now: datetime, queue: Path | None = None) -> tuple[int, int, int]:
    """Delete what is older than the retention period at `now`: (conversations, log entries, handover
    queue entries) deleted. `queue` is the handover queue's file (NUANLIU_HANDOVER_DB by default)."""
    before = now - retention()
    store = unwrapped(tracker_store)
    conversations = store.purge(before.timestamp()) if hasattr(store, "purge") else 0
    queue = queue or queue_path()
    handovers = HandoverQueue(queue).purge(before) if queue.exists() else 0
    return conversations, unanswered.purge(log, before), handovers


async def purge_forever(tracker_store: Callable[[], Any], log: Path, clock: Callable[[], datetime],
                        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
    while True:
        try:
            conversations, entries, handovers = purge(tracker_store(), log, clock())
            if conversations or entries or handovers:
                logger.info("retention: deleted %d conversations, %d unanswered entries and %d handover entries",
                            conversations, entries, handovers)
        except Exception as error:  # a failed purge must not stop the next one
            logger.error("retention: purge failed (%s)", type(error).__name__)
        await sleep(PURGE_EVERY)


def start(app: Sanic) -> None:
    """Run the purge in this server's event loop for as long as it serves."""
    app.add_task(purge_forever(lambda: app.ctx.agent.tracker_store, unanswered_log(),
                               lambda: datetime.now(timezone.utc)))
