"""Driving the web chat page as a citizen does: type, press Enter, wait for the bot's bubble; or its protocol alone."""
from __future__ import annotations

import json
import urllib.request

from bot.channels import identity
from serving.client import post_json

ANSWER_WAIT_MS = 60_000


def bot_bubbles(page) -> list[str]:
    return page.locator(".msg.bot:not(.typing) .bubble").all_inner_texts()


def wait_for_answer(page, before: int) -> str:
    """The newest bot bubble, once more bot bubbles than `before` are shown and the typing dots are gone."""
    page.wait_for_function(
        f"document.querySelectorAll('.msg.bot:not(.typing) .bubble').length > {before}"
        " && !document.querySelector('.msg.typing')", timeout=ANSWER_WAIT_MS)
    return bot_bubbles(page)[-1]


def send(page, text: str) -> str:
    before = len(bot_bubbles(page))
    page.fill("#text", text)
    page.press("#text", "Enter")
    return wait_for_answer(page, before)


def open_chat(chromium, url: str, viewport: dict) -> object:
    """A fresh page (its own localStorage) showing the bot's greeting."""
    page = chromium.new_page(viewport=viewport)
    page.goto(url)
    wait_for_answer(page, 0)
    return page


def stored(page) -> dict:
    """What the page keeps in localStorage, values parsed where they are JSON."""
    raw = page.evaluate("Object.fromEntries(Object.entries(localStorage))")
    return {k: json.loads(v) if v[:1] in "[{" else v for k, v in raw.items()}


def wait_until_idle(page) -> None:
    """Until no request is running (the typing dots are gone and the send button is back)."""
    page.wait_for_function("!document.querySelector('.msg.typing') && !document.getElementById('send').disabled",
                           timeout=ANSWER_WAIT_MS)


# The page's protocol without a browser (bot/channels/webchat): a token from /webchat/session, shown on every request.
def page_token(base: str) -> str:
    return post_json(f"{base}/webchat/session", {})["token"]


def conversation_of(token: str) -> str:
    """The conversation a page's token names (its id is the part the signature covers)."""
    return identity.conversation_id(identity.WEBCHAT, token.rsplit(".", 1)[0])


def page_conversation(page) -> str:
    """The conversation of a page open in the browser."""
    return conversation_of(stored(page)["nuanliu.page"])


def page_says(base: str, token: str, text: str) -> list[dict]:
    request = urllib.request.Request(f"{base}/webchat/webhook", data=json.dumps({"message": text}).encode(),
                                     headers={"Content-Type": "application/json", identity.TOKEN_HEADER: token})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode())


def page_hears(base: str, token: str, after: int = 0) -> dict:
    """What the page's poll reads: where its handover stands, and what was said to it outside a turn after the
    message `after` (an outbox id)."""
    request = urllib.request.Request(f"{base}/webchat/handover?after={after}", headers={identity.TOKEN_HEADER: token})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode())
