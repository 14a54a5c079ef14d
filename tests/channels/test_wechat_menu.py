"""The WeChat account's menu: the data file, its checks, and `python -m bot wechat-menu` against a fake WeChat API."""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys

import pytest
import yaml

from bot import ROOT
from bot.wechat.menu import MenuError, check, click_payloads, for_wechat, load
from tests.support.fake_wechat_api import ACCESS_TOKEN, APP_ID, SECRET


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
    handler.errcode = 40018
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
    lambda m: m["button"][-1]["sub_button"][-1].update(key=m["button"][0]["key"]),
], ids=["four top items", "six sub-items", "top name over 16 bytes", "click without payload", "duplicate key"])
def test_a_menu_wechat_or_the_channel_could_not_use_is_refused(change):
    with pytest.raises(MenuError):
        check(broken(change))
