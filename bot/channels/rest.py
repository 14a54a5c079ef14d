"""Rasa's REST channel, refusing malformed and abusive requests and never answering with silence (see turns.py).

For trusted integrations (the hotline's systems, load tests, the judge): a caller
chooses its sender ids, but they name conversations in the REST namespace only,
rest-<sender> (bot/channels/identity.py): a WeChat or web-page conversation cannot
be reached from here, whatever id is sent. The reply's `recipient_id` is that
conversation's id, the one the HTTP API and the desk know it by.
Rasa's own channel answers a JSON list with a 500, runs a turn with no
message, and files every request without a sender under one shared
conversation ("default"): strangers would share context. Here each of those is
a 400 naming what is wrong, as is a sender id longer than MAX_SENDER; a sender
or client over its rate gets a 429 (bot/channels/edge.py). The message is
cleaned (cut, unencodable text dropped, intent syntax disarmed, numbers masked)
before Rasa's channel reads it, so nothing Rasa logs about the request holds
the raw text. 删除我的记录 deletes the conversation and says so. The channel's
name is the server's, never the caller's `input_channel`. Streaming
replies (`?stream=true`) are passed through the same way. The server's
background work starts with this channel, which every deployment has: the
retention purge and the watch over the handover queue (bot/channels/handover.py), and
the security headers of every response (bot/channels/headers.py).
"""
from __future__ import annotations

from typing import Any

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, Sanic, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot.channels import edge, handover, headers, identity
from bot.channels.turns import Handler, PersonHolds, answered, clean, encodable
from bot.hotline.handover_queue import CLIENT_METADATA
from serving import retention


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
    if len(body["sender"]) > edge.MAX_SENDER:
        return f"sender is at most {edge.MAX_SENDER} characters"
    if not isinstance(body.get("message"), str):
        return "message is required: a string"
    return None


class RestWithFallbackInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # keeps /webhooks/rest/webhook

    def _extract_input_channel(self, request: Request) -> str:
        """Always this channel: Rasa took the caller's `input_channel`, which the operators' log then showed."""
        return self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        """What the server knows of the request, never the caller's own `metadata` (Rasa stored it with the
        message): the client, pseudonymous, for the handover queue's cap per client."""
        client = handover.client_key(edge.client_address(request))
        return {CLIENT_METADATA: client} if client else None

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        self.person_holds: PersonHolds = handover.nobody  # until the server starts
        webhook = super().blueprint(lambda message: answered(on_new_message, message, self.person_holds))

        @webhook.listener("before_server_start")
        async def limits_and_background_work(app: Sanic, _: object) -> None:
            edge.limit_bodies(app)
            headers.install(app)
            self.person_holds = handover.holder(app)
            retention.start(app)
            handover.start(app)

        @webhook.middleware("request")
        async def guarded(request: Request) -> response.HTTPResponse | None:
            if request.method != "POST" or not request.path.rstrip("/").endswith("/webhook"):
                return None
            wrong = problem(request)
            if wrong:
                return response.json({"error": wrong}, status=400)
            body = request.json
            sender = body["sender"] = identity.conversation_id(identity.REST, encodable(body["sender"]))
            wait = edge.EDGE.wait_before(edge.client_address(request), sender)
            if wait:
                return edge.too_fast(wait)
            body["message"] = clean(body["message"])
            if edge.asks_to_forget(body["message"]):
                await edge.forget(request.app, sender)
                return response.json(edge.forgotten(sender))
            return None

        return webhook
