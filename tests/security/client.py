"""HTTP as a stranger's browser or script sends it: redirects not followed, error statuses returned, not raised."""
from __future__ import annotations

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Message
    text: str

    def json(self) -> Any:
        return json.loads(self.text)


class _Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Client:
    """One client with its own cookies."""

    def __init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _Stay)

    def send(self, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
             method: str | None = None) -> Reply:
        request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
        try:
            with self._opener.open(request, timeout=60) as response:
                return Reply(response.status, response.headers, response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            return Reply(error.code, error.headers, error.read().decode("utf-8", "replace"))

    def get(self, url: str, headers: dict[str, str] | None = None) -> Reply:
        return self.send(url, headers=headers)

    def post_json(self, url: str, payload: object, headers: dict[str, str] | None = None) -> Reply:
        return self.send(url, json.dumps(payload, ensure_ascii=False).encode(),
                         {"Content-Type": "application/json", **(headers or {})})

    def post_form(self, url: str, form: dict[str, str], headers: dict[str, str] | None = None) -> Reply:
        return self.send(url, urllib.parse.urlencode(form).encode(),
                         {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})

    def log_in(self, desk: str, user: str, password: str) -> Reply:
        return self.post_form(f"{desk}/-/login", {"username": user, "password": password,
                                                  "csrftoken": csrf(self.get(f"{desk}/-/login").text)})


def csrf(page: str) -> str:
    """Datasette's CSRF token as a form on the page carries it."""
    found = re.search(r'name="csrftoken" value="([^"]+)"', page)
    assert found, "no CSRF token on the page"
    return found.group(1)
