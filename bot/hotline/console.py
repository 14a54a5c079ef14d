"""The operators' console (the live queue and conversation pages): what they show, apart from how they are served.

The pages themselves are served by lookup/plugins/console.py and follow the
queue's change feed live (bot/hotline/change_feed.py); here is what they are
made of, testable without a server:
- the queue's rows, each citizen named by their pseudonym (bot/hotline/pseudonyms.py);
- the reply a card puts into the reply box (`card_reply`: the amount for the
  facts given, the conditions, the office, the source), for the operator to
  edit before sending: an operator answers from the plan, not from memory;
- the team's 常用语 (data/quick_replies.yml), with the deployment's hotline;
- the line a 不满意 rates (`rated_line`), which the worklist links to.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import yaml

from bot import DATA
from bot.dialogue.handover_settings import handover_settings
from bot.hotline.changchun_time import local_time
from bot.hotline.conversations import Line
from bot.hotline.desk import Card
from bot.hotline.handover_queue import Handover

QUICK_REPLIES = DATA / "quick_replies.yml"
CHANNELS = {"webchat": "网页", "wechat": "微信", "rest": "接口"}  # bot/channels/identity.py: each channel by name


@dataclass(frozen=True)
class QuickReply:
    title: str
    text: str


@cache
def quick_replies(path: Path = QUICK_REPLIES) -> tuple[QuickReply, ...]:
    """The team's 常用语, the hotline and its hours filled in from the deployment's settings."""
    settings = handover_settings()
    fill = {"hotline": settings.hotline, "hotline_hours": settings.hotline_hours}
    return tuple(QuickReply(r["title"], r["text"].format(**fill))
                 for r in yaml.safe_load(path.read_text(encoding="utf-8")))


def card_reply(card: Card) -> str:
    """A card's answer as a reply to the citizen: what they get (for the facts they gave, with the calculation),
    on what conditions, where to apply, and where the plan says so."""
    lines = [f"{card.title}：{card.amount}" if card.amount else f"{card.title}：原文没有列金额，以原文为准"]
    if card.calculation:
        lines.append("计算：" + "；".join(card.calculation))
    if card.verdict:
        lines.append(card.verdict)
    if card.conditions:
        lines.append("条件：" + "；".join(card.conditions))
    office = card.department if card.department_named else f"原文未写明承办部门，可先咨询计划牵头部门{card.lead}"
    lines.append(f"办理：{office}")
    lines.append(f"依据：长春市2017年暖流计划{card.section}")
    return "\n".join(lines)


@dataclass(frozen=True)
class QueueRow:
    pseudonym: str
    state: str  # queued or taken
    taken_by: str | None
    channel: str  # 网页 or 微信
    question: str  # masked
    queued: str  # Changchun's time
    waited: int  # minutes
    notice: str  # 已告知热线 when the no-taker notice reached the citizen; 热线通知未送达 when it did not


def queue_rows(entries: Sequence[Handover], names: Mapping[str, str], now: datetime) -> list[QueueRow]:
    """The queue as the desk shows it, the longest waiting first."""
    notices = {True: "已告知热线", False: "热线通知未送达", None: ""}
    return [QueueRow(names[e.sender_id], e.state, e.taken_by, CHANNELS.get(e.channel, e.channel), e.question,
                     local_time(e.queued_at), int((now - e.queued_at).total_seconds() // 60),
                     notices[e.notice_delivered] if e.notified_at else "")
            for e in entries]


def rated_line(lines: Sequence[Line], answer: str, rated_at: datetime) -> int | None:
    """The position of the answer a rating rates: the bot's last line with the rated text said at or before the
    rating (a rating keeps its time to the second, a line to the fraction); None when the conversation no
    longer holds it."""
    found = [i for i, line in enumerate(lines)
             if line.who == "bot" and line.text == answer and line.time.replace(microsecond=0) <= rated_at]
    return found[-1] if found else None
