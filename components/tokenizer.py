"""JiebaTokenizer that reads normalised text but keeps the user's offsets.

Tokens carry the normalised word (简体, digits: what the featurisers learn
from) and the span of what the user typed, so entity annotations on 八年 or
補助 align and extracted values stay in the user's words. Blank tokens,
which jieba returns for spaces (Rasa issue 7910), are dropped.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import jieba
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message

from bot.glossary import read_jieba_dictionaries
from bot.text import Normalizer


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class NormalizingJiebaTokenizer(JiebaTokenizer):
    normalizer: Normalizer = Normalizer()

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> NormalizingJiebaTokenizer:
        tokenizer = super().create(config, model_storage, resource, execution_context)
        if config["dictionary_path"]:
            tokenizer.normalizer = Normalizer(read_jieba_dictionaries(Path(config["dictionary_path"])))
        return tokenizer

    @classmethod
    def load(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext, **kwargs: Any,
    ) -> NormalizingJiebaTokenizer:
        tokenizer = super().load(config, model_storage, resource, execution_context, **kwargs)
        if config["dictionary_path"]:
            with model_storage.read_from(resource) as stored:
                tokenizer.normalizer = Normalizer(read_jieba_dictionaries(Path(stored)))
        return tokenizer

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text, origin = self.normalizer.align(message.get(attribute) or "")
        tokens = [
            Token(word, origin[start][0], origin[end - 1][1])
            for word, start, end in jieba.tokenize(text)
            if word.strip()
        ]
        return self._apply_token_pattern(tokens)
