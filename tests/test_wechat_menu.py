"""The WeChat account's menu: the data file, its checks, and `python -m bot wechat-menu` against a fake WeChat API."""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from bot.wechat_menu import MenuError, check, click_payloads, for_wechat, load

ROOT = Path(__file__).resolve().parent.parent
APP_ID, SECRET, ACCESS_TOKEN = "wx0123456789abcdef", "test-app-secret", "fake-access-token"


class FakeWeChatAPI(BaseHTTPRequestHandler):
    """WeChat's token and menu/create endpoints as documented; records what it was sent."""

    received: list[tuple[str, dict, object]]
    menu_errcode = 0

    def _answer(self, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urlparse(self.path)
        self.received.append((url.path, parse_qs(url.query), None))
        self._answer({"access_token": ACCESS_TOKEN, "expires_in": 7200})

    def do_POST(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.received.append((url.path, parse_qs(url.query), body))
        code = type(self).menu_errcode
        self._answer({"errcode": code, "errmsg": "ok" if not code else "invalid button name size"})

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture()
def fake_wechat() -> Iterator[tuple[str, type[FakeWeChatAPI]]]:
    handler = type("Handler", (FakeWeChatAPI,), {"received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/cgi-bin/", handler
    finally:
        server.shutdown()


def publish_command(api_base: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "wechat-menu", "--api-base", api_base], cwd=ROOT,
                          env={k: v for k, v in os.environ.items() if not k.startswith("WECHAT_")} | env,
                          capture_output=True, text=True, timeout=120)


def test_the_command_publishes_the_menu_without_our_payloads(fake_wechat):
    api, handler = fake_wechat
    done = publish_command(api, WECHAT_APPID=APP_ID, WECHAT_SECRET=SECRET)
    assert done.returncode == 0, done.stderr
    (token_path, token_query, _), (menu_path, menu_query, menu) = handler.received
    assert token_path == "/cgi-bin/token"
    assert token_query == {"grant_type": ["client_credential"], "appid": [APP_ID], "secret": [SECRET]}
    assert menu_path == "/cgi-bin/menu/create" and menu_query["access_token"] == [ACCESS_TOKEN]
    assert menu == for_wechat(load()) and "payload" not in json.dumps(menu)
    assert [b["name"] for b in menu["button"]] == [b["name"] for b in load()["button"]]


def test_a_menu_wechat_refuses_fails_the_command_with_wechats_reason(fake_wechat):
    api, handler = fake_wechat
    handler.menu_errcode = 40018
    done = publish_command(api, WECHAT_APPID=APP_ID, WECHAT_SECRET=SECRET)
    assert done.returncode == 1 and "40018" in done.stderr


def test_the_command_needs_the_accounts_id_and_secret_from_the_environment(fake_wechat):
    api, handler = fake_wechat
    done = publish_command(api, WECHAT_APPID=APP_ID)
    assert done.returncode == 1 and "WECHAT_SECRET" in done.stderr and handler.received == []


def test_menu_items_named_like_the_greetings_buttons_send_what_those_buttons_send():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    greeting = {b["title"]: b["payload"] for b in domain["responses"]["utter_greet"][0]["buttons"]}
    menu = load()
    by_name = {item["name"]: click_payloads(menu)[item["key"]]
               for item in [i for top in menu["button"] for i in top.get("sub_button", [top])]}
    shared = greeting.keys() & by_name.keys()
    assert len(shared) >= 5
    assert {name: by_name[name] for name in shared} == {name: greeting[name] for name in shared}


def broken(change) -> dict:
    menu = copy.deepcopy(load())
    change(menu)
    return menu


@pytest.mark.parametrize("change", [
    lambda m: m["button"].append({"type": "click", "name": "第四项", "key": "FOURTH", "payload": "x"}),
    lambda m: m["button"][1]["sub_button"].append({"type": "click", "name": "第六项", "key": "SIXTH", "payload": "x"}),
    lambda m: m["button"][0].update(name="一个太长的菜单名字"),
    lambda m: m["button"][0].pop("payload"),
    lambda m: m["button"][2].update(key=m["button"][0]["key"]),
], ids=["four top items", "six sub-items", "top name over 16 bytes", "click without payload", "duplicate key"])
def test_a_menu_wechat_or_the_channel_could_not_use_is_refused(change):
    with pytest.raises(MenuError):
        check(broken(change))
