"""What every channel does around a turn: clean the text, bound the load, and never answer with silence.

No question about the plan needs more than MAX_MESSAGE characters, so longer
text is cut before the NLU pays for it. Text that cannot be encoded (a lone
surrogate such as \\ud800) is dropped: it broke the turn when written to a
database. Rasa reads a message that starts with "/" as an intent with slots
(`/ask_entitlements{"group":"../../x"}` set a slot for good), so only the
"/intent" payloads of this project's own buttons and menu pass as they are;
any other such text gets a full-width slash and is read as words. Masking
happens here too, before Rasa sees the message, so the tracker store and
Rasa's logs never hold an ID-card, phone or bank-card number; the bot does not
need them to answer. A turn that the process could not answer in time is
answered at once that the system is busy (bot/channels/edge.py). Every intent
of this assistant answers, so a turn with no reply means something failed
(most often the action server being down): the citizen is told to try again later;
except while the conversation is handed over to a person (转人工): Rasa then runs no
action by design, the message waits in the conversation for the operator, and the
handover answers it as bot/channels/handover.py says (a status, a cancel).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable

import yaml
from rasa.core.channels.channel import UserMessage
from rasa.core.nlg.interpolator import interpolate_text

from bot import ROOT
from bot.channels.edge import BUSY, EDGE
from bot.privacy.masking import mask
from bot.wechat import menu as wechat_menu

logger = logging.getLogger(__name__)

MAX_MESSAGE = 1000
UNAVAILABLE = "抱歉，系统暂时无法回答，请稍后再试。急需咨询可联系市人社局（暖流计划牵头部门）。"
GREET = "/greet"  # what the page and WeChat send for a greeting: Rasa reads "/intent" as that intent
_UNENCODABLE = re.compile("[\ud800-\udfff\x00]")

Handler = Callable[[UserMessage], Awaitable[None]]
# Is the message's conversation handed over to a person (bot/channels/handover.py)? If so, the handover has answered it.
PersonHolds = Callable[[UserMessage], Awaitable[bool]]


def own_intent_payloads() -> frozenset[str]:
    """The "/intent" messages our own buttons send: the greeting, the domain's buttons (as Rasa sends them,
    placeholders filled: `{{` is a brace), the WeChat menu."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    buttons = {interpolate_text(button["payload"], {}) for variants in domain["responses"].values()
               for variant in variants for button in variant.get("buttons") or []}
    menu = set(wechat_menu.click_payloads(wechat_menu.load()).values())
    return frozenset(p for p in buttons | menu | {GREET} if p.startswith("/"))


OWN_INTENT_PAYLOADS = own_intent_payloads()


def encodable(text: str) -> str:
    """The text without what cannot be stored (lone surrogates, NUL)."""
    return _UNENCODABLE.sub("", text)


def clean(text: str) -> str:
    """The text cut, stripped of what cannot be encoded, never intent syntax unless a button's, and masked."""
    text = encodable(text[:MAX_MESSAGE])
    stripped = text.strip()
    if stripped.startswith("/") and stripped not in OWN_INTENT_PAYLOADS:
        text = "／" + stripped[1:]
    return mask(text)


async def answered(on_new_message: Handler, message: UserMessage, person_holds: PersonHolds) -> None:
    """Run one turn with the text cleaned; when the process is full, or the turn produced nothing (and no
    person holds the conversation), say so."""
    message.text = clean(message.text) if message.text else message.text
    with EDGE.turns.slot() as may_run:
        if not may_run:
            await message.output_channel.send_text_message(message.sender_id, BUSY)
            return
        try:
            await on_new_message(message)
        except Exception:  # serving/quiet_logs.py keeps the traceback out at the default level
            logger.exception("the turn failed; the user is told to try again later")
    collected = getattr(message.output_channel, "messages", None)
    nothing = isinstance(collected, list) and not collected  # a streaming channel's queue is left alone
    if nothing and not await person_holds(message):
        await message.output_channel.send_text_message(message.sender_id, UNAVAILABLE)
