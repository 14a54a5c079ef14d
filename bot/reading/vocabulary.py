"""Citizens' words for the plan's things (data/vocabulary.yml), checked like the measure table.

An everyday word that means one thing of the plan (老八路 → 抗日老兵) is
written as the plan's term by the normaliser, so every later step reads the
plan's word. A word that means several (老兵: which war?) is never resolved
by a guess: the bot asks, offering the plan's terms.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import DATA

VOCABULARY_FILE = DATA / "vocabulary.yml"
ASKS_A_NUMBER = re.compile("几|多少")
FIGURE = re.compile(r"[\d一二两三四五六七八九十百千万]")


class VocabularyError(ValueError):
    """An entry of the vocabulary that would lead a citizen's word astray, and which."""


@dataclass(frozen=True)
class Clarification:
    question: str
    options: tuple[str, ...]
    subject_settles: bool = False  # 补助 after a measure is that measure's; 老兵 is asked about whatever came before


@dataclass(frozen=True)
class Vocabulary:
    same: Mapping[str, str]  # everyday word → the plan's term
    ask: Mapping[str, Clarification]  # ambiguous word → what to ask

    def ambiguous_in(self, text: str) -> tuple[str, Clarification] | None:
        """The longest ambiguous word in the normalised text, with its question; None if there is none."""
        found = [w for w in self.ask if w in text]
        return (word := max(found, key=len), self.ask[word]) if found else None


def load_vocabulary(meanings: Mapping[str, frozenset[str]], path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read and check: each word leads to one meaning of the plan, or to a question offering such meanings."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    same, ask = raw.get("same") or {}, raw.get("ask") or {}

    def one_meaning(term: str, where: str) -> None:
        if term not in meanings:
            raise VocabularyError(f"{path.name}: {where}: {term!r} is no title or keyword of a measure, nor a group's word")
        if len(meanings[term]) != 1:
            raise VocabularyError(f"{path.name}: {where}: {term!r} means several things ({', '.join(sorted(meanings[term]))})")

    for word, term in same.items():
        if word in meanings:
            raise VocabularyError(f"{path.name}: same: {word!r} is already a term of the plan; list it there, not here")
        if ASKS_A_NUMBER.search(word) and FIGURE.search(term):
            raise VocabularyError(f"{path.name}: same: {word!r} asks for a number; writing {term!r} for it would answer "
                                  "the question with a figure the citizen never stated")
        one_meaning(term, f"same: {word}")
    for word, entry in ask.items():
        if word in same:
            raise VocabularyError(f"{path.name}: ask: {word!r} is also under same: a word either has one meaning or asks")
        if not isinstance(entry, dict) or not entry.get("question") or len(entry.get("options") or ()) < 2:
            raise VocabularyError(f"{path.name}: ask: {word!r} needs a question and at least two options")
        for option in entry["options"]:
            one_meaning(option, f"ask: {word}")
    return Vocabulary(dict(same), {w: Clarification(e["question"], tuple(e["options"]), bool(e.get("subject_settles")))
                                   for w, e in ask.items()})
