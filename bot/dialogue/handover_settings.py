"""The deployment's settings and wording for handing a citizen over to a person (data/handover.yml).

The hotline, its hours, how long a queued conversation may wait and how many may
wait at once are the deployment's configuration, not the 暖流计划: they live in
a data file marked so, and the few numbers they put in a reply (the hotline) are
vouched for by that file (`numbers`), never by the plan. NUANLIU_HANDOVER_WAIT_SECONDS
overrides the wait (the tests cannot wait five minutes), NUANLIU_HANDOVER_MAX_WAITING
and NUANLIU_HANDOVER_MAX_PER_CLIENT the caps.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

import yaml

from bot import DATA
from bot.plan.numbers import figures

SETTINGS = DATA / "handover.yml"
WAIT_VARIABLE = "NUANLIU_HANDOVER_WAIT_SECONDS"
MAX_WAITING_VARIABLE, MAX_PER_CLIENT_VARIABLE = "NUANLIU_HANDOVER_MAX_WAITING", "NUANLIU_HANDOVER_MAX_PER_CLIENT"
WECHAT_CANCEL = "2"  # the WeChat answer to 回复2或“取消”
_NOT_WORDING = re.compile(r"[\W_]+")
_INTRODUCED = re.compile(r"(?:我|俺|我们|这里|这边|本人)(?:是|为)[^,。;!?\s]{0,8}?"
                         r"(?:热线|接线员|客服|工作人员|坐席)[^,。;!?\s]{0,4}")  # 我是热线接线员: who speaks, no request


@dataclass(frozen=True)
class HandoverSettings:
    hotline: str
    hotline_hours: str
    wait: timedelta  # a queued conversation nobody took by then is told the hotline
    queued: str  # said when the conversation enters the queue
    no_taker: str  # said when nobody took it within `wait`
    resumed: str  # said when the operator closes it and the bot takes over
    operator_label: str  # who wrote an operator's message, as the citizen sees it
    yes: frozenset[str]
    no: frozenset[str]
    max_waiting: int  # conversations that may wait for a person at once
    max_waiting_per_client: int  # of those, from one client
    taken: str  # said when an operator takes the conversation
    queued_status: str  # the page's status line while queued; {ahead} is filled per citizen
    queued_first_status: str  # the same when nobody is ahead
    taken_status: str  # the page's status line while a person holds it
    waiting_wechat: str  # WeChat's answer to a message while queued; {status} is filled per citizen
    cancel: frozenset[str]  # what ends the wait (取消)
    asks_for_person: tuple[str, ...]  # words that ask for a person (人工, 客服)
    cancelled: str  # said when the citizen cancels
    queue_full: str  # said when the queue takes no more
    client_full: str  # said when the client has as many waiting as one may

    @property
    def numbers(self) -> frozenset[float]:
        """The figures the settings put in a reply (12345, 24): configuration the provenance check accepts
        in these replies only."""
        return frozenset(figures(self.hotline) | figures(self.hotline_hours, numerals=False))

    def answer_to_offer(self, text: str) -> bool | None:
        """True for yes, False for no, None when the message is something else (a new question)."""
        said = wording(text)
        return True if said in self.yes else False if said in self.no else None

    def asks_for_a_person(self, text: str) -> bool:
        """转人工 / 找个人: words asking for a person, outside an operator's own introduction (我是热线接线员)."""
        text = _INTRODUCED.sub("", text)
        return any(word in text for word in self.asks_for_person)

    def cancels(self, text: str, channel: str | None) -> bool:
        """Whether a message sent while waiting or held ends it: a cancel word as the whole message, or on WeChat
        the 2 its waiting answer offers."""
        said = wording(text)
        return said in self.cancel or (channel == "wechat" and said == WECHAT_CANCEL)

    def status(self, state: str, ahead: int) -> str:
        """The status line of a conversation waiting (queued, with those ahead) or held by a person (taken)."""
        if state != "queued":
            return self.taken_status
        return self.queued_status.format(ahead=ahead) if ahead else self.queued_first_status


def wording(text: str) -> str:
    """The text without punctuation and blanks: 好的！ and 好的 are one answer."""
    return _NOT_WORDING.sub("", text)


@cache
def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def handover_settings(path: Path = SETTINGS) -> HandoverSettings:
    data = _load(path)
    fill = {"hotline": data["hotline"], "hotline_hours": data["hotline_hours"]}
    wait = float(os.environ.get(WAIT_VARIABLE) or data["no_taker_minutes"] * 60)
    filled = {key: data[key].format(**fill) for key in ("queued", "no_taker", "resumed", "taken", "taken_status",
                                                         "cancelled", "queue_full", "client_full", "queued_first_status")}
    return HandoverSettings(
        hotline=str(data["hotline"]), hotline_hours=str(data["hotline_hours"]), wait=timedelta(seconds=wait),
        operator_label=data["operator_label"], **filled,
        yes=frozenset(map(wording, data["accept"])), no=frozenset(map(wording, data["decline"])),
        max_waiting=int(os.environ.get(MAX_WAITING_VARIABLE) or data["max_waiting"]),
        max_waiting_per_client=int(os.environ.get(MAX_PER_CLIENT_VARIABLE) or data["max_waiting_per_client"]),
        queued_status=data["queued_status"].format(ahead="{ahead}", **fill),
        waiting_wechat=data["waiting_wechat"],
        cancel=frozenset(map(wording, data["cancel"])), asks_for_person=tuple(data["asks_for_person"]),
    )
