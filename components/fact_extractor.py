"""Rasa entity extractor for the citizen's facts, over bot.reading.fact_reader.

Entities are named after the facts (service_years, product_count, merit,
veteran_category, group …) and carry canonical values, so slots fill with
8 and 抗日老兵 whatever the user typed (八年, 抗战老兵, 繁體).
"""
from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.assistant import assistant


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class FactEntityExtractor(GraphComponent, EntityExtractorMixin):
    def __init__(self, config: dict[str, Any]) -> None:
        self._config = config
        self._extract = assistant().extract

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> FactEntityExtractor:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = [
                {"entity": f.fact, "value": f.value, "start": f.start, "end": f.end, "value_text": text[f.start:f.end]}
                for f in self._extract(text)
            ]
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(entities), add_to_output=True)
        return messages
