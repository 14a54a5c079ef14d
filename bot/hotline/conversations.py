"""A citizen's conversation as the operators' desk reads and writes it: through the Rasa server's HTTP API.

The desk runs in another process (Datasette) and perhaps beside several Rasa
servers, so it never opens the tracker store itself: it reads the conversation
whole (GET /conversations/<id>/tracker) and adds to it (POST .../tracker/events)
with the API token, which it takes from the environment or the token file
(serving/start.py), never from a command line. An operator's message is added
with `output_channel=latest&execute_side_effects=true`: Rasa stores it and hands
it to the citizen's channel (WeChat: a customer-service message); the web page
reads it from the conversation. What citizens wrote was masked before Rasa
stored it (bot/channels/turns.py), so the history shown is masked too.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from typing import Any

import yaml

from bot import ROOT

KIND = "handover"  # the metadata key of a message said outside a turn (bot/channels/handover.py reads it too)
HANDOVER_TALK = frozenset({"request_human", "affirm", "deny"})  # intents of asking for a person and answering the offer
TIMEOUT = 15  # seconds: a customer-service message goes to WeChat and back within the call


class Unreachable(RuntimeError):
    """The Rasa server did not take the request (down, a wrong token, or the citizen's channel refused it)."""


@dataclass(frozen=True)
class Line:
    who: str  # citizen, bot, operator (with `operator` naming them), notice (the bot's words outside a turn)
    text: str
    time: datetime
    operator: str | None = None
    tapped: bool = False  # a citizen's line that is a button they tapped, not words they wrote
    intent: str | None = None  # a citizen's line: what the NLU took it for

    @property
    def asks(self) -> bool:
        """A citizen's words that ask something of the plan: written, not tapped, and not about the handover
        itself (转人工, 是)."""
        return self.who == "citizen" and not self.tapped and self.intent not in HANDOVER_TALK


@dataclass(frozen=True)
class History:
    sender_id: str
    lines: tuple[Line, ...]
    held: bool  # paused: a person holds the conversation
    channel: str | None  # the citizen's latest channel: rest (the web page) or wechat

    @property
    def last_citizen_message(self) -> datetime | None:
        return next((line.time for line in reversed(self.lines) if line.who == "citizen"), None)


def _when(event: dict[str, Any]) -> datetime:
    return datetime.fromtimestamp(float(event.get("timestamp") or 0), timezone.utc)


@cache
def _button_titles() -> dict[str, str]:
    """The "/intent" payloads of the domain's buttons as Rasa sends them (/affirm, /inform{"rating": "不满意"}: the
    domain doubles the braces, which Rasa's templating makes single) → their titles (是, 不满意)."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return {b["payload"].replace("{{", "{").replace("}}", "}"): b["title"] for variants in domain["responses"].values()
            for variant in variants for b in variant.get("buttons") or []}


def _said_by_citizen(text: str) -> str:
    """What the citizen wrote, or the button they tapped (a payload such as /affirm means nothing to a reader)."""
    if not text.startswith("/"):
        return text
    return f"（点了按钮：{_button_titles()[text]}）" if text in _button_titles() else "（打开了对话）"


def _line(event: dict[str, Any]) -> Line | None:
    """A message of the conversation as the operator reads it."""
    text = (event.get("text") or "").strip()
    if not text:
        return None
    if event.get("event") == "user":
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        return Line("citizen", _said_by_citizen(text), _when(event), tapped=text.startswith("/"), intent=intent)
    kind = (event.get("metadata") or {}).get(KIND)
    who = "operator" if kind == "operator" else "notice" if kind else "bot"
    return Line(who, text, _when(event), (event.get("metadata") or {}).get("operator"))


class RasaConversations:
    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url.rstrip("/"), token

    def _address(self, sender_id: str, tail: str, **args: str) -> str:
        query = urllib.parse.urlencode({"token": self.token, **args})
        return f"{self.url}/conversations/{urllib.parse.quote(sender_id, safe='')}/tracker{tail}?{query}"

    def _call(self, request: urllib.request.Request | str) -> Any:
        """The answer, or Unreachable saying why in words an operator reads (the desk shows it as it is)."""
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raise Unreachable(f"机器人服务器没有接受，HTTP {error.code}") from error
        except (urllib.error.URLError, OSError) as error:
            raise Unreachable("网络不通，或机器人服务器没有运行") from error
        except ValueError as error:
            raise Unreachable("机器人服务器的答复读不懂") from error

    def history(self, sender_id: str) -> History | None:
        """The whole conversation, or None if there is none under this id."""
        tracker = self._call(self._address(sender_id, "", include_events="ALL"))
        events = tracker.get("events") or []
        if not any(e.get("event") == "user" for e in events):
            return None  # Rasa answers an unknown id with a fresh, empty conversation
        channel = next((e.get("input_channel") for e in reversed(events) if e.get("event") == "user"), None)
        lines = tuple(filter(None, map(_line, events)))
        return History(sender_id, lines, bool(tracker.get("paused")), channel)

    def _add(self, sender_id: str, events: list[dict[str, Any]], deliver: bool) -> None:
        args = {"output_channel": "latest", "execute_side_effects": "true"} if deliver else {}
        data = json.dumps(events, ensure_ascii=False).encode("utf-8")
        self._call(urllib.request.Request(self._address(sender_id, "/events", **args), data=data, method="POST",
                                          headers={"Content-Type": "application/json"}))

    def say(self, sender_id: str, text: str, kind: str, operator: str | None = None) -> None:
        """Add a message to the conversation and send it through the citizen's channel; Unreachable if
        either fails (then it is not stored either)."""
        self._add(sender_id, [_said(text, kind, operator)], deliver=True)

    def resume(self, sender_id: str, saying: str | None) -> None:
        """Hand the conversation back to the bot (Rasa's ConversationResumed) and, in the same call, say so
        (the web page stops asking once the conversation is not held, so the two must arrive together)."""
        events = [{"event": "resume", "timestamp": time.time()}] + ([_said(saying, "resumed")] if saying else [])
        self._add(sender_id, events, deliver=bool(saying))


def _said(text: str, kind: str, operator: str | None = None) -> dict[str, Any]:
    metadata = {KIND: kind, **({"operator": operator} if operator else {})}
    return {"event": "bot", "text": text, "metadata": metadata, "timestamp": time.time()}
