"""A fake of the Rasa server's HTTP API on loopback, as the desk uses it (bot/hotline/conversations.py), slow on demand."""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from tests.support import fake_http

TOKEN = "fake-rasa-token"


class FakeRasa(fake_http.JsonHandler):
    """GET .../tracker: a conversation of one citizen's message; POST .../tracker/events: taken. Each answer waits
    `delay` seconds first, as a Rasa server busy with a WeChat send does."""

    delay = 0.0

    def _answer(self, body: object) -> None:
        time.sleep(type(self).delay)
        super()._answer(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer({"paused": True, "events": [{"event": "user", "text": "我要找人工", "timestamp": time.time(),
                                                  "input_channel": "webchat"}]})

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer({"paused": True, "events": []})


@contextmanager
def serving() -> Iterator[tuple[str, type[FakeRasa]]]:
    """(the fake's base URL, and the handler class whose `delay` tests set)."""
    handler = type("Handler", (FakeRasa,), {})
    with fake_http.serving(handler) as base:
        yield base, handler
