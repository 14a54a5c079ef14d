"""A fake of WeChat's server API on loopback, for the menu command and the customer-service messages."""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

from tests.support import fake_http

APP_ID, SECRET, ACCESS_TOKEN = "wx0123456789abcdef", "test-app-secret", "fake-access-token"


class FakeWeChatAPI(fake_http.JsonHandler):
    """WeChat's token endpoint and its POST endpoints (menu/create, message/custom/send) as documented:
    records what it was sent and answers `errcode` (0: ok)."""

    received: list[tuple[str, dict, object]]
    errcode = 0

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urlparse(self.path)
        self.received.append((url.path, parse_qs(url.query), None))
        self._answer({"access_token": ACCESS_TOKEN, "expires_in": 7200})

    def do_POST(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.received.append((url.path, parse_qs(url.query), body))
        code = type(self).errcode
        self._answer({"errcode": code, "errmsg": "ok" if not code else "refused"})


@contextmanager
def serving() -> Iterator[tuple[str, type[FakeWeChatAPI]]]:
    """(the API base, ending in /cgi-bin/, and the handler class whose `received` and `errcode` tests read and set)."""
    handler = type("Handler", (FakeWeChatAPI,), {"received": []})
    with fake_http.serving(handler) as base:
        yield f"{base}/cgi-bin/", handler


