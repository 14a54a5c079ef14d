"""Rasa custom actions: thin adapters between the tracker and the bot/ core.

No figure, policy rule or dialogue rule lives here: bot/dialogue/conversation.py decides
the turn from the message and the conversation's state, and these classes
only read the tracker into them and send the reply back. Before a reply is
sent, every number in it is checked for provenance (bot/dialogue/provenance.py): a
number neither the plan nor the citizen gave is never shown to a citizen.
Importing this module opens no database: the action server (python -m serving
actions) builds the plan before it listens. When the turn step hands the
citizen over to a person, the conversation is queued for the operators' desk
(bot/hotline/handover_queue.py) and paused with Rasa's own ConversationPaused: Rasa then runs
no action for the citizen's messages until the desk resumes it; when the queue, or the
client's share of it, is full, the citizen is told so and the bot goes on.
"""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ConversationPaused, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.assistant import assistant
from bot.dialogue.context import Context
from bot.dialogue.conversation import (
    ELSEWHERE,
    RATING,
    Message,
    Reply,
    State,
    count_misses,
)
from bot.dialogue.handover_settings import handover_settings
from bot.dialogue.provenance import STATED_MESSAGES, stated_numbers
from bot.hotline import daily_counts, ratings, unanswered
from bot.hotline.conversations import HANDOVER_TALK
from bot.hotline.handover_queue import (
    CLIENT_METADATA,
    HandoverQueue,
    Limits,
    Queued,
    queue_path,
)

ABOUT_HANDOVER = {"request_human", "affirm", "deny"}  # a message asking for a person, or answering the offer
NO_PROVENANCE = "这一问我给不出在暖流计划中有出处的数字，为免误导，不作答。请咨询承办部门或市人社局（计划牵头部门）。"
log = logging.getLogger(__name__)


def message_of(tracker: Tracker) -> Message:
    """The message as typed, with what the NLU says of it (the facts it states the turn step reads itself, once)."""
    latest = tracker.latest_message
    entities = latest.get("entities", [])
    return Message(
        said=latest.get("text") or "",
        intent=(latest.get("intent") or {}).get("name"),
        elsewhere=next((e["value"] for e in entities if e["entity"] == ELSEWHERE), None),
        rating=next((e["value"] for e in entities if e["entity"] == RATING), None),
        channel=tracker.get_latest_input_channel(),
    )


def state_of(tracker: Tracker) -> State:
    ids = lambda name: tuple(filter(None, (tracker.get_slot(name) or "").split(",")))  # noqa: E731
    return State(
        context=Context.from_json(tracker.get_slot("context")), rating_offer=tracker.get_slot("rating_offer"),
        offered=ids("offered"), reason_for=tracker.get_slot("reason_for"), answered=tracker.get_slot("answered"),
        handover_offered=bool(tracker.get_slot("handover_offered")), misses=int(tracker.get_slot("misses") or 0),
    )


def record_unanswered(tracker: Tracker) -> None:
    """Keep the message for the team (masked), with the conversation it belongs to; NUANLIU_UNANSWERED_DB
    points elsewhere for tests."""
    message = tracker.latest_message
    if not (message.get("text") or "").strip():
        return  # an empty message tells the team nothing
    intent = message.get("intent") or {}
    unanswered.record(
        unanswered.log_path(), message.get("text") or "", sender=tracker.sender_id,
        channel=tracker.get_latest_input_channel(), intent=intent.get("name"), confidence=intent.get("confidence"),
        normalize=assistant().normalize,
    )


def rated_turn(tracker: Tracker) -> tuple[str, str]:
    """(the question, the answer) of the turn before this one: the citizen's message and the bot's first text
    after it. A rating is offered for one turn only, so the turn it rates is always the one just before."""
    turns: list[list[dict]] = []
    for event in tracker.events:
        if event.get("event") == "user":
            turns.append([event])
        elif event.get("event") == "bot" and event.get("text") and turns:
            turns[-1].append(event)
    [question, *answers] = turns[-2] if len(turns) > 1 else [{}]
    return question.get("text") or "", answers[0]["text"] if answers else ""


def keep_rating(tracker: Tracker, reply: Reply) -> None:
    """The rating with the answer it rates, or the reason given for a 不满意 (masked), and the day's count."""
    if reply.rating:
        measure, verdict = reply.rating
        question, answer = rated_turn(tracker)
        ratings.record(ratings.ratings_path(), sender=tracker.sender_id, channel=tracker.get_latest_input_channel(),
                       measure=measure, verdict=verdict, question=question, answer=answer, normalize=assistant().normalize)
        daily_counts.count(daily_counts.counts_path(), daily_counts.RATING)
    if reply.reason:
        measure, reason = reply.reason
        ratings.add_reason(ratings.ratings_path(), sender=tracker.sender_id, measure=measure, reason=reason)


def count_turn(reply: Reply) -> None:
    """A question, and whether it was answered (not logged as unanswered), in the day's counts."""
    daily_counts.count(daily_counts.counts_path(), daily_counts.QUESTION)
    if not reply.unanswered:
        daily_counts.count(daily_counts.counts_path(), daily_counts.ANSWER)


def checked(reply: Reply, tracker: Tracker, state: State) -> Reply:
    """The reply, or a refusal to answer when it states a number without provenance (logged for the team and
    counted: it should never happen, since the turn step reads its figures off their derivation; the
    conversation's state is left as it was, since the citizen saw no answer)."""
    if reply.text is None:
        return reply
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-STATED_MESSAGES:]
    said = said or [tracker.latest_message.get("text") or ""]
    remembered = state.context.stated()  # facts told earlier, kept in the conversation's context
    stated = stated_numbers([assistant().normalize(t) for t in said]) | remembered | reply.configured | reply.derived
    stray = assistant().provenance.unexplained(reply.text, stated)
    if not stray:
        return reply
    log.error("reply withheld: numbers %s have no provenance: %r", stray, reply.text)
    daily_counts.count(daily_counts.counts_path(), daily_counts.WITHHELD)
    return Reply(NO_PROVENANCE, unanswered=True)


def last_question(tracker: Tracker) -> str:
    """The citizen's latest words that are not about the handover itself (转人工, 是) nor a button's payload
    (/greet): what the operator should see first in the queue; "" when there are none."""
    said = [e for e in tracker.events if e.get("event") == "user" and (e.get("text") or "").strip()
            and not e["text"].startswith("/")]
    asked = [e for e in said if ((e.get("parse_data") or {}).get("intent") or {}).get("name") not in HANDOVER_TALK]
    return asked[-1]["text"] if asked else ""


def client_of(tracker: Tracker) -> str | None:
    """The client the latest message came from, as the channel put it in the message's metadata (pseudonymous;
    None for a client not counted: loopback, WeChat)."""
    latest: dict[str, Any] = next((e for e in reversed(tracker.events) if e.get("event") == "user"), {})
    return (latest.get("metadata") or {}).get(CLIENT_METADATA)


def queue_or_refuse(tracker: Tracker, reply: Reply) -> Reply:
    """The handover `reply` when the conversation is queued (or waits already); when the queue is full, or the
    client has as many waiting as one may, the reply that says so instead, and the bot goes on."""
    settings = handover_settings()
    queued = HandoverQueue(queue_path()).enqueue(
        tracker.sender_id, tracker.get_latest_input_channel() or "", last_question(tracker), client=client_of(tracker),
        limits=Limits(settings.max_waiting, settings.max_waiting_per_client))
    if queued in (Queued.QUEUED, Queued.ALREADY):
        if queued is Queued.QUEUED:
            daily_counts.count(daily_counts.counts_path(), daily_counts.HANDOVER)
        return reply
    refusal = settings.queue_full if queued is Queued.FULL else settings.client_full
    return replace(reply, text=refusal, hand_over=False)


def hand_over(dispatcher: CollectingDispatcher) -> list[dict]:
    """Pause the conversation, which is queued for the desk; the web page is told to watch for the operator's
    words from now on (a custom message, which WeChat's channel does not show). The turn ends listening before
    the pause: a paused Rasa predicts nothing more, and without the action_listen the first message after the
    desk resumes it met no rule, so the fallback rewound to the 是 and handed over again."""
    dispatcher.utter_message(json_message={"handover": "queued"})
    return [ActionExecuted("action_listen"), ConversationPaused()]


def send(dispatcher: CollectingDispatcher, tracker: Tracker, state: State, reply: Reply) -> list[dict]:
    reply = count_misses(checked(reply, tracker, state), state)
    if reply.hand_over:
        reply = queue_or_refuse(tracker, reply)
    buttons = [{"title": title, "payload": payload} for title, payload in reply.buttons]
    if reply.response:
        dispatcher.utter_message(response=reply.response)
    elif reply.text is not None:
        dispatcher.utter_message(text=reply.text, buttons=buttons)
    if reply.offers_rating:
        dispatcher.utter_message(response="utter_offer_rating")
    if reply.offer_handover:
        dispatcher.utter_message(response="utter_offer_handover")
    if reply.unanswered:
        record_unanswered(tracker)
    if reply.rating or reply.reason:
        keep_rating(tracker, reply)
    if reply.question:
        count_turn(reply)
    # only the slots that change: every event stays in the tracker, which Rasa reads and writes on each turn
    changes = [SlotSet(name, value) for name, value in reply.slots.items() if tracker.get_slot(name) != value]
    return changes + (hand_over(dispatcher) if reply.hand_over else [])


class ActionRespond(Action, ABC):
    """Every question about the plan: measures, follow-ups, profiles, and what lies outside it. The rules
    name three actions by intent; the turn step decides alike in each, because an intent is a guess."""

    @abstractmethod
    def name(self) -> str: ...

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        state = state_of(tracker)
        return send(dispatcher, tracker, state, assistant().conversation.respond(message_of(tracker), state))


class ActionAnswerMeasure(ActionRespond):
    def name(self) -> str:
        return "action_answer_measure"


class ActionListEntitlements(ActionRespond):
    def name(self) -> str:
        return "action_list_entitlements"


class ActionUnanswered(ActionRespond):
    def name(self) -> str:
        return "action_unanswered"


class ActionHandover(ActionRespond):
    """转人工, and 是 / 不用: the turn step decides whether it answers the offer of a person."""

    def name(self) -> str:
        return "action_handover"

