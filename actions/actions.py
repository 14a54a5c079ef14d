"""Rasa custom actions: thin adapters between the tracker and the bot/ core.

No figure or policy rule lives here. The measure a message asks about is
found in the measure table (or kept from the conversation for a follow-up
such as 如果是3个产品呢); the citizen's facts come from slots, which the
FactEntityExtractor fills; bot/ computes and words the reply. A missing fact
is asked for and remembered in `requested_fact`, so a bare reply (“8”) fills
it: the table, not the domain, knows which fact each measure needs.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import DEFAULT_DB, unanswered
from bot.answers import apply_reply, department_reply, entitlement_list, needs_fact, reply, several
from bot.calculator import KINDS, calculate
from bot.database import MeasureStore
from bot.eligibility import Profile, entitlements
from bot.facts import FactError, load_specs
from bot.glossary import normalizer
from bot.measures import Measure
from bot.numbers import to_number
from bot.scope import scope
from bot.text import Normalizer
from bot.turn import Cues, cues

FACT_SLOTS = tuple(load_specs())  # data/facts.yml: one slot per fact


@lru_cache(maxsize=1)
def store() -> MeasureStore:
    """Opened once per action server; NUANLIU_DB points elsewhere for tests."""
    return MeasureStore(Path(os.environ.get("NUANLIU_DB", DEFAULT_DB)))


@lru_cache(maxsize=1)
def normalize() -> Normalizer:
    return normalizer(store().measures)


@lru_cache(maxsize=1)
def asked() -> Cues:
    """What a message asks of its subject (bot/turn.py), with cue words normalised as messages are."""
    return cues(normalize())


def record_unanswered(tracker: Tracker) -> None:
    """Keep the message for the team (masked); NUANLIU_UNANSWERED_DB points elsewhere for tests."""
    message = tracker.latest_message
    if not (message.get("text") or "").strip():
        return  # an empty message tells the team nothing
    intent = message.get("intent") or {}
    unanswered.record(
        Path(os.environ.get("NUANLIU_UNANSWERED_DB", unanswered.DEFAULT_LOG)), message.get("text") or "",
        channel=tracker.get_latest_input_channel(), intent=intent.get("name"), confidence=intent.get("confidence"),
        normalize=normalize(),
    )


def question_of(tracker: Tracker) -> str:
    """The latest message as normalised text (简体, digits), as search and fact reading expect."""
    return normalize()(tracker.latest_message.get("text") or "")


def known_facts(tracker: Tracker, question: str, measure: Measure | None = None) -> dict[str, object]:
    """The facts told so far. A bare number answers the fact the bot last asked for or, in a
    follow-up about the conversation's measure (如果是5个呢), the number its formula counts with."""
    facts = {name: tracker.get_slot(name) for name in FACT_SLOTS if tracker.get_slot(name) is not None}
    entities = tracker.latest_message.get("entities", [])
    facts |= {e["entity"]: e["value"] for e in reversed(entities) if e["entity"] in FACT_SLOTS}  # first mention wins
    wanted = tracker.get_slot("requested_fact")
    continuing = measure is not None and measure.id == tracker.get_slot("measure") and not store().named_in(question)
    if not wanted and continuing:
        wanted = KINDS[measure.kind].counts
    # a bare reply (“8”); 我72岁 states an age, never years of service; 一年呢 asks for a period, not 1 of anything
    if wanted and not entities and asked().period(question) is None:
        number = to_number(question)
        if number is not None:
            facts[wanted] = number
    return facts


def the_measure(tracker: Tracker, question: str) -> Measure | None:
    """Named in this message, or made for the category the citizen states (我爸是烈士); else, for a
    follow-up (facts given, or a reply to our question), the one the conversation is about; else
    the best full-text match."""
    named = store().named_in(question) or next(
        (m for e in tracker.latest_message.get("entities", []) if (m := store().made_for(e["entity"], e["value"]))),
        None,
    )
    if named:
        return named
    current = tracker.get_slot("measure")
    follow_up = (
        tracker.get_intent_of_latest_message() in ("inform", "ask_department")
        or tracker.latest_message.get("entities")
        or tracker.get_slot("requested_fact")
        or asked().asks_something(question)
    )
    if current and follow_up:
        return store().get(current)
    found = store().search(question, limit=1)
    return found[0] if found else (store().get(current) if current else None)


def names_only_who(measure: Measure, tracker: Tracker) -> bool:
    """我是抗日老兵: the words that name the measure are the citizen's category, so this is a profile."""
    stated = {e["value"] for e in tracker.latest_message.get("entities", []) if e["entity"] == "veteran_category"}
    return any(r.get("equals") in stated for r in measure.requires)


def answer_measure(dispatcher: CollectingDispatcher, tracker: Tracker, measure: Measure, question: str) -> list[dict]:
    """Reply about one measure with the facts known, or ask for the one fact it still needs."""
    facts = known_facts(tracker, question, measure)
    events = [SlotSet("measure", measure.id), *([SlotSet("subjects", None)] if tracker.get_slot("subjects") else [])]
    events += [SlotSet(k, v) for k, v in facts.items() if tracker.get_slot(k) != v]
    kind = asked().kind(question)
    if kind == "apply":
        dispatcher.utter_message(text=apply_reply(measure))
        return events
    if kind == "department" or tracker.get_intent_of_latest_message() == "ask_department":
        dispatcher.utter_message(text=department_reply(measure))
        return events
    try:
        dispatcher.utter_message(text=reply(calculate(measure, facts), kind))
        return [*events, SlotSet("requested_fact", None)]
    except FactError as error:
        dispatcher.utter_message(text=needs_fact(measure, error))
        return [*events, SlotSet(error.fact, None), SlotSet("requested_fact", error.fact)]


def answer_several(dispatcher: CollectingDispatcher, tracker: Tracker, named: list[Measure], question: str) -> list[dict]:
    """烈士遗属和病故军人遗属各多少 / 义务兵补助加三等功一共多少: a line each, and the total when asked."""
    facts = known_facts(tracker, question)
    asked_about = {e["entity"] for e in tracker.latest_message.get("entities", []) if e["entity"] == "veteran_category"}
    facts = {k: v for k, v in facts.items() if k not in asked_about}  # 烈士遗属和病故军人遗属: the subjects, not the citizen
    answers: list[tuple[Measure, Any]] = []
    for measure in named:
        try:
            answers.append((measure, calculate(measure, facts)))
        except FactError as error:
            answers.append((measure, error))
    dispatcher.utter_message(text=several(answers, asked().total(question), asked().kind(question)))
    return [SlotSet("measure", named[-1].id), SlotSet("subjects", ",".join(m.id for m in named)),
            *(SlotSet(k, v) for k, v in facts.items() if tracker.get_slot(k) != v),
            *(SlotSet(k, None) for k in asked_about)]


class ActionAnswerMeasure(Action):
    """Answer the measure(s) asked about, computed from the facts the citizen has given."""

    def name(self) -> str:
        return "action_answer_measure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        question = question_of(tracker)
        named = store().all_named_in(question)
        subjects = tracker.get_slot("subjects")
        if not named and subjects and asked().asks_something(question):  # 一年呢, after 各多少 / 一共多少
            named = [store().get(mid) for mid in subjects.split(",")]
        if len(named) > 1:
            return answer_several(dispatcher, tracker, named, question)
        measure = the_measure(tracker, question)
        if measure is None:
            return ActionUnanswered().run(dispatcher, tracker, domain)
        return answer_measure(dispatcher, tracker, measure, question)


class ActionUnanswered(Action):
    """Outside the plan, or not understood: say what the bot covers, and log the question for the team."""

    def name(self) -> str:
        return "action_unanswered"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        question, current = question_of(tracker), tracker.get_slot("measure")
        if current and not scope().elsewhere(question) and asked().asks_something(question):
            # NLU saw no word of the plan, but the message asks something of the conversation's subject
            return answer_measure(dispatcher, tracker, store().get(current), question)
        record_unanswered(tracker)
        fallback = (tracker.latest_message.get("intent") or {}).get("name") == "nlu_fallback"
        dispatcher.utter_message(response="utter_default" if fallback else "utter_out_of_scope")
        return []


class ActionListEntitlements(Action):
    """我能领什么: what applies to the profile; 能领X吗 names X, and is answered about X."""

    def name(self) -> str:
        return "action_list_entitlements"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        question = question_of(tracker)
        named = store().named_in(question)
        if named is not None and named.groups and not names_only_who(named, tracker):
            return answer_measure(dispatcher, tracker, named, question)
        group = tracker.get_slot("group")
        facts = known_facts(tracker, question)
        if not group and not facts.get("veteran_category"):
            dispatcher.utter_message(response="utter_ask_profile")
            return []
        try:
            found = entitlements(Profile(frozenset({group} if group else ()), facts), store().measures)
        except FactError as error:
            dispatcher.utter_message(text=str(error))
            return [SlotSet(error.fact, None)]
        if not found:
            dispatcher.utter_message(response="utter_nothing_applies")
            return []
        dispatcher.utter_message(text=entitlement_list(found))
        return []


store()  # at start-up: a missing or corrupt database stops the action server, naming the file and `make db`
