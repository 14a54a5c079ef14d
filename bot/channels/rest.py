"""Rasa's REST channel, refusing malformed requests and never answering with silence (see turns.py).

Rasa's own channel answers a JSON list with a 500, runs a turn with no
message, and files every request without a sender under one shared
conversation ("default"): strangers would share context. Here each of those is
a 400 naming what is wrong. Streaming replies (`?stream=true`) are passed
through the same way.
"""
from __future__ import annotations

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot.channels.turns import Handler, answered


def problem(request: Request) -> str | None:
    """What is wrong with a webhook request's body, or None: {"sender": "...", "message": "..."}."""
    try:
        body = request.json
    except InvalidUsage:
        return "body is not valid JSON"
    if not isinstance(body, dict):
        return 'body must be a JSON object: {"sender": "...", "message": "..."}'
    if not isinstance(body.get("sender"), str) or not body["sender"].strip():
        return "sender is required: a string naming the conversation"
    if not isinstance(body.get("message"), str):
        return "message is required: a string"
    return None


class RestWithFallbackInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # keeps /webhooks/rest/webhook

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        webhook = super().blueprint(lambda message: answered(on_new_message, message))

        @webhook.middleware("request")
        async def well_formed(request: Request) -> response.HTTPResponse | None:
            if request.method == "POST" and request.path.rstrip("/").endswith("/webhook"):
                wrong = problem(request)
                if wrong:
                    return response.json({"error": wrong}, status=400)
            return None

        return webhook
