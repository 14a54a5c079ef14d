"""Rasa's REST channel, masking personal numbers and never answering with silence (see turns.py).

Streaming replies (`?stream=true`) are passed through the same way.
"""
from __future__ import annotations

from rasa.core.channels.rest import RestInput
from sanic import Blueprint

from bot.channels.turns import Handler, answered


class RestWithFallbackInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # keeps /webhooks/rest/webhook

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        return super().blueprint(lambda message: answered(on_new_message, message))
