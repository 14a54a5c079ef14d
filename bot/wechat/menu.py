"""The WeChat account's menu (自定义菜单): read from data/wechat_menu.yml, checked, and published.

The menu is data so that changing a label is an edit, not a release; WeChat
only learns of it when it is published (`make wechat-menu`), and a menu it
refuses (too many items, names too long) is refused here first, naming the
item. The channel (bot/channels/wechat.py) answers a tap on a CLICK item by
sending the item's `payload` to the bot, as if the matching button was tapped.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot import DATA
from bot.wechat.api import API_BASE, Client

MENU = DATA / "wechat_menu.yml"
TOP_ITEMS, SUB_ITEMS = 3, 5  # WeChat's limits on a menu
TOP_NAME_BYTES, SUB_NAME_BYTES = 16, 60


class MenuError(ValueError):
    """A menu WeChat would refuse, or one the channel could not answer."""


def _items(menu: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item that does something (the leaves), top-level or under a sub-menu."""
    return [sub for item in menu["button"] for sub in item.get("sub_button", [item])]


def check(menu: dict[str, Any]) -> dict[str, Any]:
    """The menu, if WeChat would take it and every CLICK item has a unique key and a payload."""
    top = menu.get("button") or []
    if not 1 <= len(top) <= TOP_ITEMS:
        raise MenuError(f"a menu has 1 to {TOP_ITEMS} top items, this one {len(top)}")
    for item in top:
        if len(item.get("name", "").encode("utf-8")) > TOP_NAME_BYTES:
            raise MenuError(f"top item {item.get('name')!r}: names are at most {TOP_NAME_BYTES} bytes")
        if len(item.get("sub_button", [])) > SUB_ITEMS:
            raise MenuError(f"{item['name']!r} has more than {SUB_ITEMS} items")
    keys = set()
    for item in _items(menu):
        name = item.get("name", "")
        if not name or len(name.encode("utf-8")) > SUB_NAME_BYTES:
            raise MenuError(f"item {name!r}: a name of 1 to {SUB_NAME_BYTES} bytes is needed")
        if item.get("type") == "click":
            if not item.get("key") or not item.get("payload") or item["key"] in keys:
                raise MenuError(f"click item {name!r} needs its own key and a payload")
            keys.add(item["key"])
    return menu


def load(path: Path = MENU) -> dict[str, Any]:
    return check(yaml.safe_load(path.read_text(encoding="utf-8")))


def click_payloads(menu: dict[str, Any]) -> dict[str, str]:
    """EventKey → the message the bot is sent when that item is tapped."""
    return {item["key"]: item["payload"] for item in _items(menu) if item.get("type") == "click"}


def for_wechat(menu: dict[str, Any]) -> dict[str, Any]:
    """The menu as WeChat's menu/create takes it: our `payload` fields left out."""
    def strip(item: dict[str, Any]) -> dict[str, Any]:
        kept = {k: v for k, v in item.items() if k != "payload"}
        if "sub_button" in item:
            kept["sub_button"] = [strip(sub) for sub in item["sub_button"]]
        return kept

    return {"button": [strip(item) for item in menu["button"]]}


def publish(menu: dict[str, Any], app_id: str, secret: str, api_base: str = API_BASE) -> dict[str, Any]:
    """Replace the account's menu with this one; WeChat's error (wechatpy's WeChatClientException) is raised."""
    return Client(app_id, secret, api_base).menu.create(for_wechat(check(menu)))
