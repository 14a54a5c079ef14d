"""Driving the web chat page as a citizen does: type, press Enter, wait for the bot's bubble."""
from __future__ import annotations

import json

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
