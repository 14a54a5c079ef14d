"""The web chat page at /webchat/ on the Rasa server: static files, talking to the REST channel.

A channel only in that it adds routes to the Rasa server: the page is served
from the same origin as /webhooks/rest/webhook, so no CORS and no second
server. Every asset is in static/ (nothing from a CDN). The page is given the
server's own message limit, so it accepts exactly what the server accepts.

While a person holds the page's conversation (转人工), the page asks
/webchat/handover every few seconds for what was said to it outside a turn
(the operator's words, the handover's notices) and whether a person still
holds it; the answer is read from the conversation in the tracker store, the
one record the desk writes through Rasa's HTTP API. Only the page's own sender
ids (web- and a random UUID, which nobody can guess) are answered.
"""
from __future__ import annotations

import re
from pathlib import Path

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels import handover
from bot.channels.turns import MAX_MESSAGE, Handler
from bot.dialogue.handover_settings import handover_settings

STATIC = Path(__file__).parent / "static"
PAGE_SENDER = re.compile(r"web-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")  # chat.js: senderId()


def page_html() -> str:
    """index.html with the server's limits written in (a placeholder, not a template engine: one value)."""
    return (STATIC / "index.html").read_text(encoding="utf-8").replace("{max_message}", str(MAX_MESSAGE))


class WebChatPage(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "webchat"

    def url_prefix(self) -> str:
        return "/webchat"  # not under /webhooks/: this is a page for people

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        page = Blueprint("webchat_page", __name__)
        html = page_html()

        @page.route("/", name="index")
        async def index(_: Request) -> response.HTTPResponse:
            return response.html(html)

        @page.route("/handover", name="handover")
        async def said_by_a_person(request: Request) -> response.HTTPResponse:
            sender = request.args.get("sender", "")
            try:
                since = float(request.args.get("since", "0"))
            except ValueError:
                since = -1.0
            if not PAGE_SENDER.fullmatch(sender) or since < 0:
                return response.json({"error": "sender is the page's id (web-<uuid>), since a time"}, status=400)
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
