"""The web chat page at /webchat/ on the Rasa server: static files, talking to the REST channel.

A channel only in that it adds routes to the Rasa server: the page is served
from the same origin as /webhooks/rest/webhook, so no CORS and no second
server. Every asset is in static/ (nothing from a CDN). The page is given the
server's own message limit, so it accepts exactly what the server accepts.

While the page's conversation is handed over to a person (转人工), the page asks
/webchat/handover every few seconds where it stands (排队中（前面还有N位）, taken)
and what was said to it outside a turn since the last message it showed (the
operator's words, the handover's notices, read from the outbox by an id that only
grows, so none is lost however many messages the citizen sent meanwhile). The page
also asks once when it opens, so a page that missed the reply announcing the
handover still follows it. When the citizen starts a new conversation while held,
the page tells /webchat/handover/leave, and the operator is told they left. Only
the page's own sender ids (web- and a random UUID, which nobody can guess) are answered.
"""
from __future__ import annotations

import asyncio
import re
from pathlib import Path

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels import handover
from bot.channels.turns import MAX_MESSAGE, Handler
from bot.dialogue.handover_settings import handover_settings
from bot.hotline.handover_queue import HandoverQueue, queue_path
from bot.hotline.outbox import OPERATOR, Outbox

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
        async def where_the_handover_stands(request: Request) -> response.HTTPResponse:
            sender = request.args.get("sender", "")
            after = request.args.get("after", "0")
            if not PAGE_SENDER.fullmatch(sender) or not after.isdigit():
                return response.json({"error": "sender is the page's id (web-<uuid>), after a message id"}, status=400)
            queue = HandoverQueue(queue_path())
            entry = await asyncio.to_thread(queue.open_for, sender)
            said = await asyncio.to_thread(Outbox(queue.path).said_to, sender, int(after))
            label = handover_settings().operator_label
            messages = [{"id": s.id, "text": s.text, "label": label if s.kind == OPERATOR else None} for s in said]
            return response.json({"held": entry is not None, **await handover.standing(queue, entry),
                                  "messages": messages})

        @page.route("/handover/leave", name="leave", methods=["POST"])
        async def left(request: Request) -> response.HTTPResponse:
            body = request.json if request.body else None
            sender = body.get("sender", "") if isinstance(body, dict) else ""
            if not isinstance(sender, str) or not PAGE_SENDER.fullmatch(sender):
                return response.json({"error": 'body is {"sender": "web-<uuid>"}'}, status=400)
            return response.json({"left": await handover.leave(request.app, sender)})

        page.static("/static", str(STATIC), name="assets")
        return page
