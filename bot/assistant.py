"""The assistant's parts, built once per process from one measure database.

The measures come from the measure database (build/measures.db, built from
the checked YAML by `make db`); the words around them from the data files
beside it (vocabulary, cue words, fact patterns, the policy text). The NLU
components, the action server and the operators' lookup all take their
measures, normaliser, citizens' vocabulary, cue words and fact reader from
here, so no part reads a word differently from another. Each piece
is built the first time it is asked for: the Rasa process never builds the turn
step or the provenance check, which only the action server uses.
"""
from __future__ import annotations

import os
from functools import cache, cached_property
from pathlib import Path

from bot import DEFAULT_DB
from bot.dialogue.conversation import Conversation
from bot.dialogue.handover_settings import handover_settings
from bot.dialogue.provenance import PLAN_YEARS, Provenance
from bot.plan.passages import Passages
from bot.plan.records import policy_text
from bot.plan.store import MeasureStore
from bot.plan.terms import cut, meanings
from bot.reading.cues import Cues, cues
from bot.reading.fact_reader import FactExtractor
from bot.reading.normaliser import Normalizer, normalizer
from bot.reading.people import People, people
from bot.reading.question import Reader
from bot.reading.scope import Scope
from bot.reading.vocabulary import Vocabulary, load_vocabulary


class Assistant:
    """The store, the normaliser, the vocabulary, the cue words, the fact reader, the scope rules, the
    provenance check and the turn step, each built on first use from the same measures."""

    def __init__(self, db_path: Path) -> None:
        self.store = MeasureStore(db_path)  # a missing or corrupt database fails here, naming `make db`

    @cached_property
    def normalize(self) -> Normalizer:
        return normalizer(self.store.measures, self.vocabulary)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return load_vocabulary(meanings(self.store.measures))

    @cached_property
    def cues(self) -> Cues:
        return cues(self.normalize)

    @cached_property
    def extract(self) -> FactExtractor:
        return FactExtractor(self.store.measures, self.normalize)

    @cached_property
    def people(self) -> People:
        return people(self.normalize, {str(v) for m in self.store.measures for v in m.categories.values()})

    @cached_property
    def reader(self) -> Reader:
        return Reader(self.store, self.cues, self.vocabulary, self.people, self.extract, self.normalize,
                      self.normalize(policy_text()))

    @cached_property
    def passages(self) -> Passages:
        return Passages(policy_text(), self.store.measures, self.store.terms)

    @cached_property
    def scope(self) -> Scope:
        return Scope(self.normalize, self.store.terms)

    @cached_property
    def provenance(self) -> Provenance:
        return Provenance(self.store.measures, PLAN_YEARS)

    @cached_property
    def conversation(self) -> Conversation:
        return Conversation(self.store, self.reader, self.passages, handover_settings())

    def warm_up(self) -> None:
        """Build what the action server's turns use (the turn step, the provenance check, and jieba's
        dictionary, which loads on its first cut), so no citizen waits for it and memory after start-up
        is what the server keeps (the soak test holds it to that)."""
        cut("暖流计划", self.store.terms)
        _built = (self.conversation, self.provenance)  # cached properties: built now, kept


@cache
def load_assistant(db_path: Path) -> Assistant:
    return Assistant(db_path)


def assistant() -> Assistant:
    """The assistant of this process's database: NUANLIU_DB (tests, the scale-out) or build/measures.db."""
    return load_assistant(Path(os.environ.get("NUANLIU_DB", DEFAULT_DB)))
