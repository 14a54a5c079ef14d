"""JiebaTokenizer that reads normalised text but keeps the user's offsets.

Tokens carry the normalised word (简体, digits: what the featurisers learn
from) and the span of what the user typed, so entity annotations on 八年 or
補助 align and extracted values stay in the user's words. Blank tokens,
which jieba returns for spaces (Rasa issue 7910), are dropped.
"""
from __future__ import annotations

import jieba
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message

from bot.assistant import assistant


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class NormalizingJiebaTokenizer(JiebaTokenizer):
    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text, origin = assistant().normalize.align(message.get(attribute) or "")  # the normaliser every component uses
        tokens = [
            Token(word, origin[start][0], origin[end - 1][1])
            for word, start, end in jieba.tokenize(text)
            if word.strip()
        ]
        return self._apply_token_pattern(tokens)
