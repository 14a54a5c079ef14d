"""The web chat page at /webchat/ on the Rasa server: its static files, and the page's own channel.

Served from the same origin as its webhook, so no CORS and no second server.
Every asset is in static/ (nothing from a CDN). The page is given the server's
own message limit, so it accepts exactly what the server accepts.

The page's conversations are the server's to name (bot/channels/identity.py): the
page asks /webchat/session once for a signed token of a new random id, keeps it,
and shows it (header X-Page-Token) on every request: a message to
/webchat/webhook, and, while a person holds the conversation (转人工), the poll of
/webchat/handover for what was said to it outside a turn (the operator's words, the
handover's notices) and whether a person still holds it. A request without a valid
token is refused (401): knowing a conversation's id is not enough to write in it,
read its operator's words or delete it. The message itself passes the same edge as
the REST channel's (bot/channels/edge.py, turns.py): body and rate limits, cleaning and
masking, 删除我的记录.
"""
from __future__ import annotations

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
            await answered(on_new_message, UserMessage(text, collector, sender, input_channel=self.name()),
                           self.person_holds)
            return response.json(collector.messages)

        @page.route("/handover", name="handover")
        async def said_by_a_person(request: Request) -> response.HTTPResponse:
            sender = conversation(request)
            if sender is None:
                return response.json({"error": NO_TOKEN}, status=401)
            try:
                since = float(request.args.get("since", "0"))
            except ValueError:
                since = -1.0
            if since < 0:
                return response.json({"error": "since is a time"}, status=400)
            tracker = await request.app.ctx.agent.tracker_store.retrieve(sender)
            if tracker is None:
                return response.json({"held": False, "messages": []})
            label = handover_settings().operator_label
            said = handover.said_outside_turns([e.as_dict() for e in tracker.events], since)
            messages = [{"text": e["text"], "time": e["timestamp"],
                         "label": label if e["metadata"][handover.KIND] == "operator" else None} for e in said]
            return response.json({"held": tracker.is_paused(), "messages": messages})

        page.static("/static", str(STATIC), name="assets")
        return page
