"""The Rasa server's part in handing a citizen over to a person (转人工).

The action server pauses a conversation it queues (Rasa's ConversationPaused),
the operators' desk answers and resumes it through Rasa's HTTP API, and the
conversation itself stays in the tracker store: so the operator's history and a
restart read one record, on one server or many. Here, in the Rasa server:
- `holder`: what happens to a citizen's message while the conversation is
  paused (queued or held by a person), where Rasa runs no action: a cancel word
  (取消, 不用了, on WeChat 2) ends the wait and the bot answers again; any other
  message is noted in the queue's change feed, so the desks showing it read it
  at once, and answered with where the citizen stands: on the web page a status
  (排队中（前面还有N位）, 人工客服已接入) that marks the message 已送达, on WeChat
  while nobody has taken it a line saying it was received, the place and the
  hotline, so the bot is never silent to a waiting citizen. A paused
  conversation with no entry in the queue (its entry purged) is resumed;
- `say`: a message to a citizen outside any turn, stored in the conversation and
  the outbox (bot/hotline/outbox.py, where the web page reads it) and sent the
  way the citizen's channel can take it (WeChat: a customer-service message);
- `watch`: the no-taker notice. It runs here because this is the one process
  that runs whenever citizens can write (the desk may be closed at night, which
  is exactly when nobody takes), and it holds the channels that deliver. Each
  conversation's notice is claimed in the queue first, so with several Rasa
  servers it is still sent once; the queue records whether it was delivered;
- `leave`: the web page's 新对话 while held ends the handover, so the operator
  is told the citizen left instead of sending into a conversation nobody reads;
- `client_key`: the client a REST message came from, pseudonymous, for the
  queue's cap per client;
- `unquote_conversation_ids`: Rasa's HTTP API takes a conversation's id in the
  path, percent-encoded, and Sanic left it encoded, so a sender id needing
  encoding (a REST caller's `a/b`, `%`, Chinese) could not be read or resumed
  by the desk: its conversation stayed stuck in the queue.
"""
from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import os
import secrets
import urllib.parse
from datetime import datetime, timezone
from typing import Any

from rasa.core.channels.channel import (
    CollectingOutputChannel,
    OutputChannel,
    UserMessage,
)
from rasa.server import update_conversation_with_events
from rasa.shared.core.events import BotUttered, ConversationResumed, Event
from sanic import Sanic

from bot.channels.edge import loopback
from bot.channels.turns import PersonHolds
from bot.dialogue.handover_settings import handover_settings
from bot.hotline.conversations import KIND
from bot.hotline.handover_queue import (
    CANCELLED,
    LEFT,
    Handover,
    HandoverQueue,
    queue_path,
)
from bot.hotline.outbox import NO_TAKER, Outbox

logger = logging.getLogger(__name__)

LONGEST_CHECK = 30.0  # seconds between looks at the queue, at most
WECHAT = "wechat"
_CLIENT_KEY = hashlib.blake2b((os.environ.get("NUANLIU_ACTION_SECRET") or secrets.token_hex(32)).encode(),
                              person=b"nuanliu-client").digest()  # shared by the servers started together


def client_key(address: str) -> str | None:
    """The client as the queue counts it: a keyed hash of its address (no address is stored), or None for loopback
    (nginx on the host, the operators' own tools), which is not counted, as at the edge."""
    if not address or loopback(address):
        return None
    return hashlib.blake2b(address.encode(), key=_CLIENT_KEY, digest_size=8).hexdigest()


async def nobody(_: UserMessage) -> bool:
    """`PersonHolds` for a channel not attached to a server (its unit tests): nobody holds any conversation."""
    return False


def holder(app: Sanic) -> PersonHolds:
    """`PersonHolds` over the server's tracker store: a conversation is held while it is paused, and the message
    is then dealt with as `while_held` says."""
    async def holds(message: UserMessage) -> bool:
        tracker = await app.ctx.agent.tracker_store.retrieve(message.sender_id)
        if tracker is None or not tracker.is_paused():
            return False
        await while_held(app, message)
        return True
    return holds


async def while_held(app: Sanic, message: UserMessage) -> None:
    """A citizen's message in a paused conversation: cancel, or noted and answered with where they stand."""
    settings, queue = handover_settings(), HandoverQueue(queue_path())
    sender, channel, out = message.sender_id, message.input_channel, message.output_channel
    entry = await asyncio.to_thread(queue.open_for, sender)
    if entry is None:  # its entry was purged or lost: the conversation must not stay silent for good
        await resume(app, sender, settings.resumed, "resumed")
        await out.send_text_message(sender, settings.resumed)
        await out.send_custom_json(sender, {"handover": {"state": "none"}})
        return
    if settings.cancels(message.text or "", channel):
        if await asyncio.to_thread(queue.end_by_citizen, sender, CANCELLED):
            await resume(app, sender, settings.cancelled, "cancelled")
            await out.send_text_message(sender, settings.cancelled)
            await out.send_custom_json(sender, {"handover": {"state": "none"}})
            return
    await asyncio.to_thread(queue.note_message, sender)
    status = await standing(queue, entry)
    if channel == WECHAT:
        if entry.state == "queued":
            await out.send_text_message(sender, settings.waiting_wechat.format(status=status["status"]))
    else:
        await out.send_custom_json(sender, {"handover": status})


async def standing(queue: HandoverQueue, entry: Handover | None) -> dict[str, Any]:
    """Where a citizen stands, for their page: queued (with those ahead) or taken, and the status line; or none."""
    if entry is None:
        return {"state": "none"}
    ahead = await asyncio.to_thread(queue.ahead_of, entry) if entry.state == "queued" else 0
    return {"state": entry.state, "ahead": ahead, "status": handover_settings().status(entry.state, ahead)}


def output_channel(app: Sanic, channel_name: str | None) -> OutputChannel:
    """The channel's way of reaching a citizen outside a turn, or a collector (the web page reads the
    outbox instead), as Rasa's HTTP API chooses it."""
    for channel in getattr(app.ctx, "input_channels", None) or []:
        if channel.name() == channel_name and (found := channel.get_output_channel()) is not None:
            return found
    return CollectingOutputChannel()


async def _add(app: Sanic, sender_id: str, events: list[Event], deliver: bool = False) -> None:
    """Events added to the conversation under its lock and, with `deliver`, its messages sent through the citizen's
    latest channel; a channel that cannot deliver raises, and then nothing is stored."""
    agent = app.ctx.agent
    async with agent.lock_store.lock(sender_id):
        tracker = await update_conversation_with_events(sender_id, agent.processor, agent.domain, events)
        if deliver:
            await agent.processor.execute_side_effects(events, tracker,
                                                        output_channel(app, tracker.get_latest_input_channel()))
        await agent.tracker_store.save(tracker)


async def say(app: Sanic, sender_id: str, text: str, kind: str) -> None:
    """Add the message to the conversation and send it through the citizen's latest channel, then to the outbox,
    where the web page reads it; a channel that cannot deliver raises, and then nothing is stored."""
    await _add(app, sender_id, [BotUttered(text, metadata={KIND: kind})], deliver=True)
    await asyncio.to_thread(Outbox(queue_path()).tell, sender_id, kind, text)


async def resume(app: Sanic, sender_id: str, saying: str | None, kind: str) -> None:
    """Hand the conversation back to the bot, with what the bot says of it kept in the conversation (the caller
    sends it in its own reply)."""
    said = [BotUttered(saying, metadata={KIND: kind})] if saying else []
    await _add(app, sender_id, [ConversationResumed(), *said])


async def leave(app: Sanic, sender_id: str) -> bool:
    """The citizen left (the page's 新对话): the handover ends and the conversation goes back to the bot, silently
    (nobody reads it any more); whether there was one to end."""
    if await asyncio.to_thread(HandoverQueue(queue_path()).end_by_citizen, sender_id, LEFT) is None:
        return False
    await resume(app, sender_id, None, "left")
    return True


async def tell_untaken(app: Sanic, queue: HandoverQueue, now: datetime) -> int:
    """Send the no-taker notice to every conversation queued longer than the wait; how many were told."""
    settings = handover_settings()
    told = 0
    for handover in queue.untaken_since(now - settings.wait):
        if not queue.claim_notice(handover, now):
            continue  # another server has it
        try:
            await say(app, handover.sender_id, settings.no_taker, NO_TAKER)
            delivered = True
        except Exception as error:  # WeChat refused it, or the 48 hours are over: the conversation stays queued
            logger.warning("handover: no-taker notice not delivered (%s)", type(error).__name__)
            delivered = False
        queue.notice_sent(handover, delivered)
        told += delivered
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


def unquote_conversation_ids(app: Sanic) -> None:
    """Rasa's /conversations/<id>/… handlers get the id decoded. Sanic's own `unquote` flag is ignored for the
    `path` parameters these routes use, but the router hands each request to the route's handler as it stands."""
    for route in app.router.routes:
        if route.path.startswith("conversations/") and not getattr(route.handler, "unquotes", False):
            route.handler = _unquoting(route.handler)


def _unquoting(handler: Any) -> Any:
    @functools.wraps(handler)
    async def unquoted(request: Any, *args: Any, conversation_id: str, **kwargs: Any) -> Any:
        return await handler(request, *args, conversation_id=urllib.parse.unquote(conversation_id), **kwargs)
    unquoted.unquotes = True  # type: ignore[attr-defined]
    return unquoted


def start(app: Sanic) -> None:
    unquote_conversation_ids(app)
    app.add_task(watch(app))
