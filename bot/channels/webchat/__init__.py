"""The web chat page at /webchat/ on the Rasa server: its static files, and the page's own channel.

Served from the same origin as its webhook, so no CORS and no second server.
Every asset is in static/ (nothing from a CDN). The page is given the server's
own message limit, so it accepts exactly what the server accepts.

The page's conversations are the server's to name (bot/channels/identity.py): the
page asks /webchat/session once for a signed token of a new random id, keeps it,
and shows it (header X-Page-Token) on every request: a message to
/webchat/webhook, the handover's poll and the citizen's leaving. A request without
a valid token is refused (401): knowing a conversation's id is not enough to write
in it, read its operator's words, leave its handover or delete it. The message
itself passes the same edge as the REST channel's (bot/channels/edge.py, turns.py):
body and rate limits, cleaning and masking, 删除我的记录; its client, pseudonymous,
goes with it for the handover queue's cap per client.

While the page's conversation is handed over to a person (转人工), the page asks
/webchat/handover every few seconds where it stands (排队中（前面还有N位）, taken)
and what was said to it outside a turn since the last message it showed (the
operator's words, the handover's notices, read from the outbox by an id that only
grows, so none is lost however many messages the citizen sent meanwhile). The page
also asks once when it opens, so a page that missed the reply announcing the
handover still follows it. When the citizen starts a new conversation while held,
the page tells /webchat/handover/leave, and the operator is told they left.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

from rasa.core.channels.channel import (
    CollectingOutputChannel,
    InputChannel,
    UserMessage,
)
from sanic import Blueprint, Sanic, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot.channels import edge, handover, identity
from bot.channels.turns import MAX_MESSAGE, Handler, PersonHolds, answered, clean
from bot.dialogue.handover_settings import handover_settings
from bot.hotline.handover_queue import CLIENT_METADATA, HandoverQueue, queue_path
from bot.hotline.outbox import OPERATOR, Outbox
from serving.start import page_secret

STATIC = Path(__file__).parent / "static"
NO_TOKEN = "this page's conversation token is missing or not the server's: ask /webchat/session for one"


def page_html() -> str:
    """index.html with the server's limits written in (a placeholder, not a template engine: one value)."""
    return (STATIC / "index.html").read_text(encoding="utf-8").replace("{max_message}", str(MAX_MESSAGE))


def problem(request: Request) -> str | None:
    """What is wrong with a message's body, or None: {"message": "..."}."""
    try:
        body = request.json
    except InvalidUsage:
        return "body is not valid JSON"
    if not isinstance(body, dict) or not isinstance(body.get("message"), str):
        return 'body must be a JSON object: {"message": "..."}'
    return None


class WebChatPage(InputChannel):
    @classmethod
    def name(cls) -> str:
        return identity.WEBCHAT

    def url_prefix(self) -> str:
        return "/webchat"  # not under /webhooks/: this is a page for people

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        page = Blueprint("webchat_page", __name__)
        html = page_html()
        ids = identity.PageIds(page_secret())
        self.person_holds: PersonHolds = handover.nobody  # until the server starts

        @page.listener("before_server_start")
        async def attach(app: Sanic, _: object) -> None:
            self.person_holds = handover.holder(app)

        def conversation(request: Request) -> str | None:
            return ids.conversation(request.headers.get(identity.TOKEN_HEADER))

        @page.route("/", name="index")
        async def index(_: Request) -> response.HTTPResponse:
            return response.html(html)

        @page.route("/session", methods=["POST"], name="session")
        async def new_conversation(request: Request) -> response.HTTPResponse:
            if wait := edge.EDGE.wait_for_client(edge.client_address(request)):
                return edge.too_fast(wait)
            return response.json({"token": ids.issue()})

        @page.route("/webhook", methods=["POST"], name="webhook")
        async def receive(request: Request) -> response.HTTPResponse:
            sender = conversation(request)
            if sender is None:
                return response.json({"error": NO_TOKEN}, status=401)
            if wrong := problem(request):
                return response.json({"error": wrong}, status=400)
            if wait := edge.EDGE.wait_before(edge.client_address(request), sender):
                return edge.too_fast(wait)
            text = clean(request.json["message"])
            if edge.asks_to_forget(text):
                await edge.forget(request.app, sender)
                return response.json(edge.forgotten(sender))
            collector = CollectingOutputChannel()
            client = handover.client_key(edge.client_address(request))
            message = UserMessage(text, collector, sender, input_channel=self.name(),
                                  metadata={CLIENT_METADATA: client} if client else None)
            await answered(on_new_message, message, self.person_holds)
            return response.json(collector.messages)

        @page.route("/handover", name="handover")
        async def where_the_handover_stands(request: Request) -> response.HTTPResponse:
            sender = conversation(request)
            if sender is None:
                return response.json({"error": NO_TOKEN}, status=401)
            after = request.args.get("after", "0")
            if not after.isdigit():
                return response.json({"error": "after is a message id"}, status=400)
            queue = HandoverQueue(queue_path())
            entry = await asyncio.to_thread(queue.open_for, sender)
            said = await asyncio.to_thread(Outbox(queue.path).said_to, sender, int(after))
            label = handover_settings().operator_label
            messages = [{"id": s.id, "text": s.text, "label": label if s.kind == OPERATOR else None} for s in said]
            return response.json({"held": entry is not None, **await handover.standing(queue, entry),
                                  "messages": messages})

        @page.route("/handover/leave", name="leave", methods=["POST"])
        async def left(request: Request) -> response.HTTPResponse:
            sender = conversation(request)
            if sender is None:
                return response.json({"error": NO_TOKEN}, status=401)
            return response.json({"left": await handover.leave(request.app, sender)})

        page.static("/static", str(STATIC), name="assets")
        return page
