"""The Rasa server's part in handing a citizen over to a person (转人工).

The action server pauses a conversation it queues (Rasa's ConversationPaused),
the operators' desk answers and resumes it through Rasa's HTTP API, and the
conversation itself stays in the tracker store: so the web page's poll, the
operator's history and a restart all read one record, on one server or many.
Here, in the Rasa server:
- `holder`: whether a person holds a conversation (it is paused), so the channels
  do not take the bot's silence for a failure;
- `say`: a message to a citizen outside any turn, stored in the conversation and
  sent the way the citizen's channel can take it (WeChat: a customer-service
  message; the web page reads it from the conversation), as Rasa's HTTP API does
  for the desk's messages;
- `watch`: the no-taker notice. It runs here because this is the one process
  that runs whenever citizens can write (the desk may be closed at night, which
  is exactly when nobody takes), and it holds the channels that deliver. Each
  conversation's notice is claimed in the queue first, so with several Rasa
  servers it is still sent once.
"""
from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel
from rasa.server import update_conversation_with_events
from rasa.shared.core.events import BotUttered
from sanic import Sanic

from bot.channels.turns import PersonHolds
from bot.dialogue.handover_settings import handover_settings
from bot.hotline.conversations import KIND
from bot.hotline.handover_queue import HandoverQueue, queue_path

logger = logging.getLogger(__name__)

LONGEST_CHECK = 30.0  # seconds between looks at the queue, at most


async def nobody(_: str) -> bool:
    """`PersonHolds` for a channel not attached to a server (its unit tests): nobody holds any conversation."""
    return False


def holder(app: Sanic) -> PersonHolds:
    """`PersonHolds` over the server's tracker store: a person holds a conversation while it is paused."""
    async def holds(sender_id: str) -> bool:
        tracker = await app.ctx.agent.tracker_store.retrieve(sender_id)
        return tracker is not None and tracker.is_paused()
    return holds


def output_channel(app: Sanic, channel_name: str | None) -> OutputChannel:
    """The channel's way of reaching a citizen outside a turn, or a collector (the web page reads the
    conversation instead), as Rasa's HTTP API chooses it."""
    for channel in getattr(app.ctx, "input_channels", None) or []:
        if channel.name() == channel_name and (found := channel.get_output_channel()) is not None:
            return found
    return CollectingOutputChannel()


async def say(app: Sanic, sender_id: str, text: str, kind: str) -> None:
    """Add the message to the conversation and send it through the citizen's latest channel, under the
    conversation's lock; a channel that cannot deliver raises, and then nothing is stored."""
    agent = app.ctx.agent
    async with agent.lock_store.lock(sender_id):
        event = BotUttered(text, metadata={KIND: kind})
        tracker = await update_conversation_with_events(sender_id, agent.processor, agent.domain, [event])
        await agent.processor.execute_side_effects([event], tracker,
                                                    output_channel(app, tracker.get_latest_input_channel()))
        await agent.tracker_store.save(tracker)


async def tell_untaken(app: Sanic, queue: HandoverQueue, now: datetime) -> int:
    """Send the no-taker notice to every conversation queued longer than the wait; how many were told."""
    settings = handover_settings()
    told = 0
    for handover in queue.untaken_since(now - settings.wait):
        if not queue.claim_notice(handover, now):
            continue  # another server has it
        try:
            await say(app, handover.sender_id, settings.no_taker, "no_taker")
            told += 1
        except Exception as error:  # WeChat refused it, or the 48 hours are over: the conversation stays queued
            logger.warning("handover: no-taker notice not delivered (%s)", type(error).__name__)
    return told


async def watch(app: Sanic) -> None:
    """Look at the queue every little while, for as long as the server serves."""
    every = min(LONGEST_CHECK, max(1.0, handover_settings().wait.total_seconds() / 3))
    while True:
        try:
            await tell_untaken(app, HandoverQueue(queue_path()), datetime.now(timezone.utc))
        except Exception as error:  # a failed look must not stop the next one
            logger.error("handover: the no-taker check failed (%s)", type(error).__name__)
        await asyncio.sleep(every)


def start(app: Sanic) -> None:
    app.add_task(watch(app))


def said_outside_turns(events: list[dict[str, Any]], since: float) -> list[dict[str, Any]]:
    """The messages said to the citizen outside a turn (an operator's, the notices) after `since`."""
    return [e for e in events if e.get("event") == "bot" and (e.get("metadata") or {}).get(KIND)
            and float(e.get("timestamp") or 0) > since]
