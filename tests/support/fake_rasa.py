"""A fake of the Rasa server's HTTP API on loopback, as the desk uses it (bot/hotline/conversations.py), slow on demand."""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "fake-rasa-token"


class FakeRasa(BaseHTTPRequestHandler):
    """GET .../tracker: a conversation of one citizen's message; POST .../tracker/events: taken. Each answer waits
    `delay` seconds first, as a Rasa server busy with a WeChat send does."""

    delay = 0.0

    def _answer(self, body: object) -> None:
        time.sleep(type(self).delay)
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer({"paused": True, "events": [{"event": "user", "text": "我要找人工", "timestamp": time.time(),
                                                  "input_channel": "webchat"}]})

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer({"paused": True, "events": []})

    def log_message(self, *_: object) -> None:
        pass


@contextmanager
def serving() -> Iterator[tuple[str, type[FakeRasa]]]:
    """(the fake's base URL, and the handler class whose `delay` tests set)."""
    handler = type("Handler", (FakeRasa,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", handler
    finally:
        server.shutdown()
