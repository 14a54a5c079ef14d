"""Rasa custom actions: thin adapters between the tracker and the bot/ core.

No figure or policy rule lives here; the action finds the measure a message
asks about in the measure table and lets bot/ compute and word the answer.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import DEFAULT_DB
from bot.answers import needs_fact, reply
from bot.calculator import calculate
from bot.database import MeasureStore
from bot.facts import FactError
from bot.text import Normalizer


@lru_cache(maxsize=1)
def store() -> MeasureStore:
    """Opened once per action server; NUANLIU_DB points elsewhere for tests."""
    return MeasureStore(Path(os.environ.get("NUANLIU_DB", DEFAULT_DB)))


@lru_cache(maxsize=1)
def normalize() -> Normalizer:
    return Normalizer(store().terms)


class ActionAnswerMeasure(Action):
    """Answer the measure the latest message is about, with its amount and source."""

    def name(self) -> str:
        return "action_answer_measure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        question = normalize()(tracker.latest_message.get("text") or "")
        found = store().search(question, limit=1)
        if not found:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        measure = found[0]
        try:
            dispatcher.utter_message(text=reply(calculate(measure)))
        except FactError as error:
            dispatcher.utter_message(text=needs_fact(measure, error))
        return [SlotSet("measure", measure.id)]
