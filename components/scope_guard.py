"""Marks a message out of scope when the plan cannot be what it asks about.

A classifier trained on a few examples cannot know every city or year, but
the data can: a place outside the plan's area, a year other than the plan's,
or a measure/department question that shares no word with the plan's
vocabulary (家里停电了找谁) is out of scope, whatever DIET guessed.

The place or year is also set on the message as an `elsewhere` entity, so the
turn step (bot/dialogue/conversation.py) knows it without loading the scope rules again:
another place stays out of scope even as a follow-up, while "no word of the
plan" does not when the message continues the conversation's subject.
"""
from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.assistant import assistant
from bot.dialogue.conversation import ELSEWHERE

OUT_OF_SCOPE = "out_of_scope"
GREETING, ASKED = "greet", "ask_measure"
TOPICAL_INTENTS = {"ask_measure", "ask_department"}
ABOUT_THE_PLAN = TOPICAL_INTENTS | {"ask_entitlements", "inform"}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ScopeGuard(GraphComponent):
    def __init__(self, config: dict[str, Any]) -> None:
        self._scope = assistant().scope

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> ScopeGuard:
        return cls(config)

    def reason(self, text: str, intent: str | None) -> str | None:
        """Why the message is out of scope, or None when it may be about the plan."""
        return self._reason(self._scope.normalize(text), intent)[0]

    def _reason(self, normalized: str, intent: str | None) -> tuple[str | None, str | None]:
        """(why the message is out of scope or None, the place or year outside the plan it names or None)."""
        elsewhere = self._scope.elsewhere(normalized)
        if intent not in ABOUT_THE_PLAN:
            return None, elsewhere
        if elsewhere:
            return elsewhere, elsewhere
        if intent in TOPICAL_INTENTS and not self._scope.topical(normalized):
            return "no word of the plan", None
        return None, None

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            why, elsewhere = self._reason(self._scope.normalize(text), intent)
            if elsewhere:
                entity = {ENTITY_ATTRIBUTE_TYPE: ELSEWHERE, ENTITY_ATTRIBUTE_VALUE: elsewhere,
                          ENTITY_ATTRIBUTE_START: 0, ENTITY_ATTRIBUTE_END: len(text), EXTRACTOR: "ScopeGuard"}
                message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
            if intent != OUT_OF_SCOPE and why:
                message.set(INTENT, {INTENT_NAME_KEY: OUT_OF_SCOPE, PREDICTED_CONFIDENCE_KEY: 1.0}, add_to_output=True)
            elif intent == GREETING and self._asks(text):  # 在哪些地方栽, guessed a greeting: it asks of the plan
                message.set(INTENT, {INTENT_NAME_KEY: ASKED, PREDICTED_CONFIDENCE_KEY: 1.0}, add_to_output=True)
        return messages

    def _asks(self, text: str) -> bool:
        """Whether a message DIET took for a greeting asks something (a question word) or names the plan's words:
        the greeting rule would answer it with the welcome and drop the conversation's subject."""
        normalized = self._scope.normalize(text)
        return self._scope.topical(normalized) or assistant().reader.cues.asks_something(normalized)
