"""Requests as a WeChat server sends them: signed with wechatpy's signer, XML bodies, optional safe mode."""
from __future__ import annotations

import secrets
import time
import urllib.error
import urllib.parse
import urllib.request

from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import WeChatSigner

TOKEN = "nuanliu-test-token"
APP_ID = "wx0123456789abcdef"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"  # 43 characters, as WeChat issues them


def signature(token: str, timestamp: str, nonce: str) -> str:
    signer = WeChatSigner()
    signer.add_data(token, timestamp, nonce)
    return signer.signature


def query(token: str = TOKEN, timestamp: int | None = None, nonce: str | None = None, **extra: str) -> dict:
    """Signed query parameters; a fresh random nonce each time, as WeChat sends (a reused one is a replay)."""
    nonce = secrets.token_hex(8) if nonce is None else nonce
    ts = str(int(time.time()) if timestamp is None else timestamp)
    return {"signature": signature(token, ts, nonce), "timestamp": ts, "nonce": nonce, **extra}


def text_xml(content: str, openid: str = "o-test-user", msg_id: int = 1) -> str:
    return ("<xml><ToUserName><![CDATA[gh_nuanliu]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{int(time.time())}</CreateTime>"
            f"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>")


def event_xml(event: str, openid: str = "o-test-user") -> str:
    return ("<xml><ToUserName><![CDATA[gh_nuanliu]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{int(time.time())}</CreateTime>"
            f"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{event}]]></Event></xml>")


def voice_xml(recognition: str | None, openid: str = "o-test-user", msg_id: int = 20) -> str:
    """A voice message; `recognition` is WeChat's speech-to-text, absent when the account has it off."""
    heard = "" if recognition is None else f"<Recognition><![CDATA[{recognition}]]></Recognition>"
    return ("<xml><ToUserName><![CDATA[gh_nuanliu]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{int(time.time())}</CreateTime>"
            "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media]]></MediaId><Format><![CDATA[amr]]></Format>"
            f"{heard}<MsgId>{msg_id}</MsgId></xml>")


def click_xml(key: str, openid: str = "o-test-user") -> str:
    """A tap on a CLICK item of the account's menu."""
    return ("<xml><ToUserName><![CDATA[gh_nuanliu]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{int(time.time())}</CreateTime>"
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event>"
            f"<EventKey><![CDATA[{key}]]></EventKey></xml>")


def image_xml(openid: str = "o-test-user", msg_id: int = 9) -> str:
    return ("<xml><ToUserName><![CDATA[gh_nuanliu]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{int(time.time())}</CreateTime>"
            "<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://example.invalid/a.jpg]]></PicUrl>"
            f"<MediaId><![CDATA[media]]></MediaId><MsgId>{msg_id}</MsgId></xml>")


def encrypted(xml: str, params: dict) -> tuple[str, dict]:
    """The body and query of the same message in safe mode (encrypt_type=aes, msg_signature)."""
    body = WeChatCrypto(TOKEN, AES_KEY, APP_ID).encrypt_message(xml, params["nonce"], params["timestamp"])
    msg_signature = parse_message_field(body, "MsgSignature")
    return body, params | {"encrypt_type": "aes", "msg_signature": msg_signature}


def parse_message_field(xml: str, field: str) -> str:
    start = xml.index(f"<{field}>") + len(field) + 2
    value = xml[start:xml.index(f"</{field}>")]
    return value.removeprefix("<![CDATA[").removesuffix("]]>")


def post(url: str, body: str, params: dict, timeout: float = 30) -> tuple[int, str]:
    req = urllib.request.Request(f"{url}?{urllib.parse.urlencode(params)}", data=body.encode("utf-8"),
                                 headers={"Content-Type": "text/xml"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def get(url: str, params: dict) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"{url}?{urllib.parse.urlencode(params)}", timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def reply_text(xml: str) -> str:
    """The text of a passive reply, as WeChat would read it."""
    return parse_message(xml).content


def decrypted(xml: str, params: dict) -> str:
    return WeChatCrypto(TOKEN, AES_KEY, APP_ID).decrypt_message(
        xml, parse_message_field(xml, "MsgSignature"), parse_message_field(xml, "TimeStamp"),
        parse_message_field(xml, "Nonce"))
