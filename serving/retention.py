"""Deleting conversations and every other store of citizens' words after the retention period, in the Rasa server.

PIPL asks for the shortest retention that serves the purpose; the
Cybersecurity Law asks for access logs of at least 6 months. A conversation is
kept NUANLIU_RETENTION_DAYS (default DEFAULT_DAYS, 180) after its last
message, an unanswered-log entry or a rating (with the question, answer and
reason it keeps) as long after it was written, a handover queue entry as long
after its last change; then each is deleted. The daily counts
(bot/hotline/daily_counts.py) hold no one's words and are kept. The Rasa server runs `purge` at start and every
PURGE_EVERY seconds
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

from bot.hotline import ratings, unanswered
from bot.hotline.handover_queue import HandoverQueue, queue_path
from serving.tracker_store import unwrapped

logger = logging.getLogger(__name__)

DEFAULT_DAYS = 180
PURGE_EVERY = 3600  # seconds


def retention() -> timedelta:
    return timedelta(days=float(os.environ.get("NUANLIU_RETENTION_DAYS", DEFAULT_DAYS)))


def purge(tracker_store: Any, log: Path, ratings_db: Path, queue: Path, now: datetime) -> tuple[int, int, int, int]:
    """Delete what is older than the retention period at `now`: (conversations, log entries, ratings,
    handover queue entries) deleted."""
    before = now - retention()
    store = unwrapped(tracker_store)
    conversations = store.purge(before.timestamp()) if hasattr(store, "purge") else 0
    handovers = HandoverQueue(queue).purge(before) if queue.exists() else 0
    return conversations, unanswered.purge(log, before), ratings.purge(ratings_db, before), handovers


async def purge_forever(tracker_store: Callable[[], Any], log: Path, ratings_db: Path, queue: Path,
                        clock: Callable[[], datetime],
                        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
    while True:
        try:
            conversations, entries, rated, handovers = purge(tracker_store(), log, ratings_db, queue, clock())
            if conversations or entries or rated or handovers:
                logger.info("retention: deleted %d conversations, %d unanswered entries, %d ratings and %d handover"
                            " entries", conversations, entries, rated, handovers)
        except Exception as error:  # a failed purge must not stop the next one
            logger.error("retention: purge failed (%s)", type(error).__name__)
        await sleep(PURGE_EVERY)


def start(app: Sanic) -> None:
    """Run the purge in this server's event loop for as long as it serves."""
    app.add_task(purge_forever(lambda: app.ctx.agent.tracker_store, unanswered.log_path(), ratings.ratings_path(),
                               queue_path(), lambda: datetime.now(timezone.utc)))
