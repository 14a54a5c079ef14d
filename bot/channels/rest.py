"""Rasa's REST channel, with a reply when a turn produced none.

Every intent of this assistant answers, so a turn with no message means
something failed, most often the action server being down: Rasa logs it and
sends nothing. The citizen gets "try again later" instead of silence.
Streaming replies (`?stream=true`) are passed through unchanged.
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

logger = logging.getLogger(__name__)

UNAVAILABLE = "抱歉，系统暂时无法回答，请稍后再试。急需咨询可联系市人社局（暖流计划牵头部门）。"


class RestWithFallbackInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # keeps /webhooks/rest/webhook

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        async def answered(message: UserMessage) -> None:
            try:
                await on_new_message(message)
            except Exception:
                logger.exception("the turn failed; the user is told to try again later")
            collected = getattr(message.output_channel, "messages", None)
            if isinstance(collected, list) and not collected:
                await message.output_channel.send_text_message(message.sender_id, UNAVAILABLE)

        return super().blueprint(answered)
