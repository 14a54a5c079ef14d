"""The web chat page at /webchat/ on the Rasa server: static files, talking to the REST channel.

A channel only in that it adds routes to the Rasa server: the page is served
from the same origin as /webhooks/rest/webhook, so no CORS and no second
server. Every asset is in static/ (nothing from a CDN).
"""
from __future__ import annotations

from pathlib import Path

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint

from bot.channels.turns import Handler

STATIC = Path(__file__).parent / "static"


class WebChatPage(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "webchat"

    def url_prefix(self) -> str:
        return "/webchat"  # not under /webhooks/: this is a page for people

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        page = Blueprint("webchat_page", __name__)
        page.static("/", str(STATIC / "index.html"), name="index")
        page.static("/static", str(STATIC), name="assets")
        return page
