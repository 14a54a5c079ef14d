"""What every channel does around a turn: bound and mask the text, and never answer with silence.

No question about the plan needs more than MAX_MESSAGE characters, so longer
text is cut before the NLU pays for it. Masking happens here, before Rasa
sees the message, so the tracker store and Rasa's logs never hold an ID-card
or phone number; the bot does not need them to answer. Every intent of this
assistant answers, so a turn with no reply means something failed (most often
the action server being down): the citizen is told to try again later instead.
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from bot.privacy import mask

logger = logging.getLogger(__name__)

MAX_MESSAGE = 1000
UNAVAILABLE = "抱歉，系统暂时无法回答，请稍后再试。急需咨询可联系市人社局（暖流计划牵头部门）。"

Handler = Callable[[UserMessage], Awaitable[None]]


async def answered(on_new_message: Handler, message: UserMessage) -> None:
    """Run one turn with the text cut and masked; when it produced nothing, say so."""
    message.text = mask(message.text[:MAX_MESSAGE]) if message.text else message.text
    try:
        await on_new_message(message)
    except Exception:
        logger.exception("the turn failed; the user is told to try again later")
    collected = getattr(message.output_channel, "messages", None)
    if isinstance(collected, list) and not collected:  # a streaming channel's queue is left alone
        await message.output_channel.send_text_message(message.sender_id, UNAVAILABLE)
