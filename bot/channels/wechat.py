"""WeChat Official Account channel: the server protocol, on /webhooks/wechat/webhook.

WeChat signs every request with the account's token (GET to verify the URL,
POST for each message), gives 5 seconds for a passive XML reply and, without
one, sends the same MsgId again (3 tries). So:
- a forged or stale signature is refused (403) before the bot sees anything,
  and so is a signed URL replayed with another body (in plain mode the
  signature does not cover the body; a retry of the same body passes);
- a body that is not one well-formed message (malformed XML, a missing or
  repeated field) is refused with 400 (`read_message`); the body size is
  capped for the whole server (bot/channels/edge.py);
- a retry joins the turn already running for its (OpenID, MsgId): one answer,
  never two, and never another citizen's;
- a turn that outlasts REPLY_WITHIN gets a short holding reply at once, and its
  answer is sent, once and under one heading, as a customer-service message
  (客服消息, allowed within 48 hours of the citizen's last message) when the
  account's AppID and AppSecret are configured (bot/wechat/api.py); without
  them, or when WeChat refuses it, it comes with the citizen's next message.
  Nothing is lost and no request waits past WeChat's limit;
- the conversation is wechat-<OpenID> (bot/channels/identity.py), so no other channel
  can reach it, and customer-service messages go to the OpenID inside it;
- 删除我的记录 deletes the conversation and says so, without a turn;
- while a person holds the conversation (转人工) the bot is silent ("success"),
  and the operator's words and the handover's notices reach the citizen as
  customer-service messages (`CustomerServiceMessages`, the channel's output
  channel outside a turn, which Rasa's HTTP API and bot/channels/handover.py use).
Replies are plain text; the bot's buttons become numbered options, and a bare
digit answers them. A voice message is answered from WeChat's own speech
recognition (`Recognition`, when the account has it on), with a hint to type
when there is none; a tap on the account's menu (data/wechat_menu.yml) is
answered like the matching button. The token (and, for safe mode, AppID and EncodingAESKey)
come from the environment: WECHAT_TOKEN, WECHAT_APPID, WECHAT_AES_KEY, and
WECHAT_SECRET for customer-service messages.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import time
from collections import OrderedDict
from typing import Any
from xml.parsers.expat import ExpatError

import xmltodict
from rasa.core.channels.channel import (
    CollectingOutputChannel,
    InputChannel,
    OutputChannel,
    UserMessage,
)
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.replies import create_reply
from wechatpy.utils import check_signature

from bot.channels import edge, handover, identity
from bot.channels.turns import GREET, Handler, PersonHolds, answered
from bot.dialogue.handover_settings import handover_settings
from bot.wechat import api as wechat_api
from bot.wechat import menu as wechat_menu

logger = logging.getLogger(__name__)

REPLY_WITHIN = 4.5  # seconds: WeChat waits 5 for a passive reply
MAX_SIGNATURE_AGE = 300  # seconds: an older timestamp is a replay
REMEMBERED = 10_000  # turns, pending answers and option lists kept per process
NOT_TEXT = "目前只能看懂文字消息。请用文字提问，例如：抗美援朝老兵每年补助多少？"
NOT_HEARD = "这段语音没能听清。请打字提问，例如：抗美援朝老兵每年补助多少？"
STILL_WORKING = "正在查询，请稍候。答案会在您发下一条消息时一并发给您（发送任意文字即可）。"
STILL_WORKING_SENT = "正在查询，请稍候，查好后马上发给您。"
LATE_HEADING = "您上一个问题的答复：\n"
_MARKDOWN = re.compile(r"\*\*|__|`|^#+\s*", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


class _Recent(OrderedDict):
    """A dict that forgets its oldest entries beyond `size`, so memory stays bounded."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


def plain(text: str) -> str:
    """Markdown marks dropped and links written out: WeChat shows text as typed."""
    return _MARKDOWN.sub("", _LINK.sub(r"\1 \2", text))


class WeChatOutput(CollectingOutputChannel):
    """Collects a turn's messages under this channel's name, so Rasa picks a response's WeChat variant
    (domain.yml: the rating offer is a line answered with a digit here, buttons on the web page)."""

    @classmethod
    def name(cls) -> str:
        return WeChatInput.name()


class Undeliverable(RuntimeError):
    """The account has no AppSecret: nothing can reach a citizen outside a turn."""


class CustomerServiceMessages(OutputChannel):
    """Messages to a citizen outside a turn (an operator's words, the handover's notices), as customer-service
    messages: WeChat takes them within 48 hours of the citizen's last message and refuses them after (the
    desk checks first). A refusal raises, so Rasa's HTTP API answers 500 and the desk says it was not sent."""

    @classmethod
    def name(cls) -> str:
        return WeChatInput.name()

    def __init__(self, api: wechat_api.Client | None) -> None:
        self.api = api

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        if self.api is None:
            raise Undeliverable("WECHAT_APPID and WECHAT_SECRET are needed for customer-service messages")
        if kwargs.get(handover.KIND) == "operator":
            text = f"{handover_settings().operator_label}：{text}"
        openid = identity.sender_of(identity.WECHAT, recipient_id)
        if openid is None:
            raise Undeliverable(f"not a WeChat conversation: {recipient_id[:20]}")
        await asyncio.get_running_loop().run_in_executor(None, self.api.message.send_text, openid, _fit(plain(text)))


class WeChatInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "wechat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WeChatInput:
        return cls(os.environ.get("WECHAT_TOKEN"), os.environ.get("WECHAT_APPID"), os.environ.get("WECHAT_AES_KEY"),
                   wechat_api.from_environment())

    def __init__(self, token: str | None, app_id: str | None = None, aes_key: str | None = None,
                 api: wechat_api.Client | None = None) -> None:
        self.token = token
        self.api = api  # sends late answers as customer-service messages; None: with the next message
        self.crypto = WeChatCrypto(token, aes_key, app_id) if token and app_id and aes_key else None
        if not token:
            logger.warning("WECHAT_TOKEN is not set: /webhooks/wechat/webhook answers 503 until it is")
        self._turns: _Recent = _Recent(REMEMBERED)  # MsgId → the task answering it
        self._late: _Recent = _Recent(REMEMBERED)  # OpenID → {turn key: answer} that missed WeChat's 5 s
        self._held: _Recent = _Recent(REMEMBERED)  # turn keys answered with a holding reply → whether the
        # answer has since been given (a retry, sent, or kept for the next message): once, whichever comes first
        self._options: _Recent = _Recent(REMEMBERED)  # OpenID → payloads of the numbered options last shown
        self._signatures: _Recent = _Recent(REMEMBERED)  # (signature, timestamp, nonce) → sha256 of the body
        self.menu = wechat_menu.click_payloads(wechat_menu.load())  # EventKey → what the tap sends the bot
        self.person_holds: PersonHolds = handover.nobody  # whether a person holds a conversation; set when the server starts

    def get_output_channel(self) -> OutputChannel:
        return CustomerServiceMessages(self.api)

    def signed(self, args: Any) -> bool:
        """A valid signature over a fresh timestamp."""
        try:
            check_signature(self.token, args.get("signature", ""), args.get("timestamp", ""), args.get("nonce", ""))
            return abs(time.time() - int(args.get("timestamp", ""))) <= MAX_SIGNATURE_AGE
        except (InvalidSignatureException, ValueError):
            return False

    def replayed(self, args: Any, body: bytes) -> bool:
        """A signature seen before with another body: the signed URL was reused for a forged message."""
        key = (args.get("signature"), args.get("timestamp"), args.get("nonce"))
        digest = hashlib.sha256(body).hexdigest()
        return self._signatures.setdefault(key, digest) != digest

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        webhook = Blueprint("wechat_webhook", __name__)

        @webhook.listener("before_server_start")
        async def attach(app: Sanic, _: object) -> None:
            edge.limit_bodies(app)
            self.person_holds = handover.holder(app)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> response.HTTPResponse:
            return response.json({"status": "ok" if self.token else "WECHAT_TOKEN not set"})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> response.HTTPResponse:
            refused = self._refusal(request)
            return refused or response.text(request.args.get("echostr", ""))

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> response.HTTPResponse:
            refused = self._refusal(request)
            if refused:
                return refused
            args = request.args
            if self.replayed(args, request.body):
                return response.text("forbidden", status=403)
            encrypted = args.get("encrypt_type") == "aes"
            try:
                body = request.body.decode("utf-8")
                if encrypted:
                    if not self.crypto:
                        return response.text("safe mode needs WECHAT_APPID and WECHAT_AES_KEY", status=400)
                    body = self.crypto.decrypt_message(body, args.get("msg_signature"), args.get("timestamp"),
                                                       args.get("nonce"))
                message = read_message(body)
            except (InvalidSignatureException, InvalidAppIdException):
                return response.text("forbidden", status=403)
            except (Malformed, UnicodeDecodeError):
                return response.text("malformed message", status=400)
            if message.type == "text" and edge.asks_to_forget(message.content):
                await edge.forget(request.app, identity.conversation_id(identity.WECHAT, message.source))
                self._late.pop(message.source, None)
                self._options.pop(message.source, None)
                reply: str | None = edge.FORGOTTEN
            else:
                reply = await self.reply(on_new_message, message)
            if reply is None:
                return response.text("success")
            xml = create_reply(reply, message, render=True)
            if encrypted and self.crypto:
                xml = self.crypto.encrypt_message(xml, args.get("nonce"), args.get("timestamp"))
            return response.text(xml, content_type="application/xml")

        return webhook

    def _refusal(self, request: Request) -> response.HTTPResponse | None:
        if not self.token:
            return response.text("WECHAT_TOKEN is not set", status=503)
        if not self.signed(request.args):
            return response.text("forbidden", status=403)
        return None

    async def reply(self, on_new_message: Handler, message: Any) -> str | None:
        """The text to send back for one WeChat message, or None for "success" (no reply)."""
        openid = message.source
        text, at_once = self._incoming(message)
        if text is None:
            return at_once
        key = (openid, message.id or f"{message.create_time}:{message.type}")
        turn = self._turns.get(key)
        if turn is None:
            turn = self._turns[key] = asyncio.ensure_future(self._turn(on_new_message, openid, text))
        try:
            reply = await asyncio.wait_for(asyncio.shield(turn), REPLY_WITHIN)
        except asyncio.TimeoutError:
            if key not in self._held:
                self._held[key] = False
                turn.add_done_callback(lambda done: self._late_answer(openid, key, done))
            return STILL_WORKING_SENT if self.api else STILL_WORKING
        if self._held.get(key):
            return None  # held, and its answer was already given
        if key in self._held:
            self._held[key] = True
        late = self._late.pop(openid, {})
        late.pop(key, None)  # a retry delivered it after all
        parts = [*(f"{LATE_HEADING}{answer}" for answer in late.values()), *filter(None, [reply])]
        return _fit("\n\n".join(parts)) or None  # nothing: the bot is silent while a person holds the conversation

    def _incoming(self, message: Any) -> tuple[str | None, str | None]:
        """(what the bot is sent, None), or (None, the reply to give at once without a turn, or None for none)."""
        if message.type == "text":
            return self._chosen_option(message.source, message.content.strip()), None
        if message.type == "voice":  # WeChat's own speech recognition, when the account has it on
            heard = (message.recognition or "").strip()
            return (heard, None) if heard else (None, NOT_HEARD)
        if message.type == "event" and message.event in ("subscribe", "subscribe_scan"):
            return GREET, None
        if message.type == "event" and message.event == "click":
            return self.menu.get(message.key), None  # an unknown key: a menu published from another version
        return None, None if message.type == "event" else NOT_TEXT

    async def _turn(self, on_new_message: Handler, openid: str, text: str) -> str:
        collector = WeChatOutput()
        message = UserMessage(text, collector, identity.conversation_id(identity.WECHAT, openid), input_channel=self.name())
        await answered(on_new_message, message, self.person_holds)
        return self._render(openid, collector.messages)

    def _late_answer(self, openid: str, key: Any, turn: asyncio.Future) -> None:
        """The answer of a turn WeChat stopped waiting for: sent now when the account can, else kept."""
        if turn.cancelled() or turn.exception() is not None or self._held.get(key):
            return
        self._held[key] = True
        if self.api:
            asyncio.ensure_future(self._send(self.api, openid, key, turn.result()))
        else:
            self._keep(openid, key, turn.result())

    async def _send(self, api: wechat_api.Client, openid: str, key: Any, answer: str) -> None:
        """One customer-service message; if WeChat refuses it (past 48 hours, a quota) or cannot be reached,
        the answer is kept for the citizen's next message instead."""
        try:
            await asyncio.get_running_loop().run_in_executor(
                None, api.message.send_text, openid, _fit(LATE_HEADING + answer))
        except Exception as error:  # wechatpy's WeChatClientException, or a network error from requests
            logger.warning("late answer not sent as a customer-service message (%s): kept for the next message",
                           type(error).__name__)
            self._keep(openid, key, answer)

    def _keep(self, openid: str, key: Any, answer: str) -> None:
        """Keep an answer to be given once with the citizen's next message."""
        late = self._late.pop(openid, {})
        late[key] = answer
        self._late[openid] = late

    def _chosen_option(self, openid: str, text: str) -> str:
        """A bare digit picks the numbered option last shown to this user; anything else is a message."""
        options = self._options.get(openid) or []
        if text.isdigit() and 1 <= int(text) <= len(options):
            return options[int(text) - 1]
        return text

    def _render(self, openid: str, messages: list[dict[str, Any]]) -> str:
        parts, payloads = [], []
        for m in messages:
            if m.get("text"):
                parts.append(plain(m["text"]))
            for button in m.get("buttons") or []:
                payloads.append(button["payload"])
                parts.append(f"{len(payloads)}. {button['title']}")
        if payloads:
            parts.append("回复数字即可选择。")
            self._options[openid] = payloads
        else:
            self._options.pop(openid, None)
        return "\n".join(parts)


class Malformed(ValueError):
    """A body that is not one well-formed WeChat message."""


_ONE_VALUE = ("ToUserName", "FromUserName", "CreateTime", "MsgType", "MsgId", "Content", "Event", "EventKey",
              "Recognition")


def read_message(body: str) -> Any:
    """wechatpy's message for `body`, or Malformed: not XML, no sender or type, or a field given twice or
    with children (wechatpy passes those on as lists and dicts, which broke the turn with a 500)."""
    try:
        fields = xmltodict.parse(body)["xml"]
        if not isinstance(fields, dict) or not isinstance(fields.get("FromUserName"), str) \
                or not isinstance(fields.get("MsgType"), str):
            raise Malformed("no sender or type")
        if any(name in fields and not isinstance(fields[name], (str, type(None))) for name in _ONE_VALUE):
            raise Malformed("a field given twice or with children")
        if fields["MsgType"] == "text" and not isinstance(fields.get("Content"), str):
            raise Malformed("a text message without Content")
        message = parse_message(body)
    except (ExpatError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise Malformed(str(error)) from error
    if message is None:
        raise Malformed("empty")
    return message


def _fit(text: str) -> str:
    """Cut to what a passive reply carries, at a character boundary."""
    if wechat_api.fits(text):
        return text
    return text.encode("utf-8")[: wechat_api.MAX_TEXT_BYTES - 3].decode("utf-8", errors="ignore") + "…"
