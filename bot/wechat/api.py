"""WeChat's server API (公众平台接口) as this project calls it: the menu, and customer-service messages.

wechatpy's client fetches its access token from a URL it writes out in full,
so a loopback fake of WeChat (the tests) could not stand in for it; `Client`
makes that one call relative to its API base like every other. The account's
AppID and AppSecret come from the environment only (WECHAT_APPID,
WECHAT_SECRET), and WECHAT_API_BASE points at another API (a fake, a proxy).
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from wechatpy import WeChatClient

API_BASE = WeChatClient.API_BASE_URL
MAX_TEXT_BYTES = 2000  # WeChat truncates a text message a little above this (a passive reply or a customer-service one)


def fits(text: str) -> bool:
    """Whether WeChat takes the text whole as one message."""
    return len(text.encode("utf-8")) <= MAX_TEXT_BYTES


class Client(WeChatClient):
    """wechatpy's client against any API base."""

    def __init__(self, app_id: str, secret: str, api_base: str = API_BASE) -> None:
        super().__init__(app_id, secret)
        self.API_BASE_URL = api_base

    def fetch_access_token(self) -> dict[str, Any]:
        return self._fetch_access_token(url=self.API_BASE_URL + "token", params={
            "grant_type": "client_credential", "appid": self.appid, "secret": self.secret})


def from_environment(environ: Mapping[str, str] = os.environ) -> Client | None:
    """The account's client, or None when its AppID or AppSecret is not configured."""
    app_id, secret = environ.get("WECHAT_APPID"), environ.get("WECHAT_SECRET")
    if not app_id or not secret:
        return None
    return Client(app_id, secret, environ.get("WECHAT_API_BASE") or API_BASE)
