"""The web chat page at /webchat/ on the Rasa server: static files, talking to the REST channel.

A channel only in that it adds routes to the Rasa server: the page is served
from the same origin as /webhooks/rest/webhook, so no CORS and no second
server. Every asset is in static/ (nothing from a CDN). The page is given the
server's own message limit, so it accepts exactly what the server accepts.
"""
from __future__ import annotations

from pathlib import Path

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels.turns import MAX_MESSAGE, Handler

STATIC = Path(__file__).parent / "static"


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

        page.static("/static", str(STATIC), name="assets")
        return page
