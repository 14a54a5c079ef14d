"""What a message asks of its subject, by the words citizens use (data/question_kinds.yml).

Rasa-free. The subject (the measures a message names, else the conversation's
measure) is found by the actions with the measure store; this module says
what is asked of it: the amount, the old amount, the rise, the difference, a
month's or a year's worth, the office, how to apply, the conditions; whom it
is about (我爸, 我妈); whether to add the figures up; and
whether a message that names nothing asks something of the conversation's
subject at all (去哪里申请, 折合每个月多少: a follow-up, not out of scope).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from bot import DATA

KINDS_FILE = DATA / "question_kinds.yml"
PERIODS = {"per_month": "每月", "per_year": "每年"}  # kinds that ask for the amount over a period


@dataclass(frozen=True)
class Cues:
    kinds: dict[str, tuple[str, ...]]  # in the order they are tried
    totals: tuple[str, ...]
    continues: tuple[str, ...]
    people: tuple[str, ...] = ()
    each: tuple[str, ...] = ()  # 这俩, 各多少: the measures talked about, each
    not_names: frozenset[str] = frozenset()  # 这个, 什么: before 补贴 they name no benefit

    def kind(self, text: str) -> str:
        """amount | old | rise | difference | per_month | per_year | department | apply | conditions,
        for normalised text."""
        return next((kind for kind, said in self._kinds.items() if said.search(text)), "amount")

    def period(self, text: str) -> str | None:
        """每月 or 每年 when the message speaks of one, whatever else it asks; of two, the last said
        (每月加100，一年下来多多少 asks for a year)."""
        said = [(m.start(), PERIODS[k]) for k in PERIODS for m in self._kinds[k].finditer(text)]
        return max(said)[1] if said else None

    def several(self, text: str) -> bool:
        """这俩, 各多少: the message asks about the measures talked about, each."""
        return bool(self._each.search(text))

    # 这2个 / 前3个 / 俩 / 仨 (text normalised: 两 → 2): how many of the measures talked about
    _HOW_MANY = re.compile(r"[这那前后](\d)[个项样种]|(俩|仨)")

    def how_many(self, text: str) -> int | None:
        """The number of measures a total or a comparison is about, when the message says it (这俩, 前3个)."""
        found = self._HOW_MANY.search(text)
        if found is None:
            return None
        return int(found.group(1)) if found.group(1) else {"俩": 2, "仨": 3}[found.group(2)]

    def total(self, text: str) -> bool:
        """一共, 加起来: add the figures up."""
        return bool(self._totals.search(text))

    @cached_property
    def every_cue(self) -> tuple[str, ...]:
        return (*self.continues, *self.totals, *self.each, *(w for ws in self.kinds.values() for w in ws))

    def asks_something(self, text: str) -> bool:
        """A word of a question kind, of adding up or of continuing: the message asks something of a subject."""
        return bool(self._every.search(text))

    @cached_property
    def _kinds(self) -> dict[str, re.Pattern[str]]:
        return {kind: said(words) for kind, words in self.kinds.items()}

    @cached_property
    def _totals(self) -> re.Pattern[str]:
        return said(self.totals)

    @cached_property
    def _each(self) -> re.Pattern[str]:
        return said(self.each)

    @cached_property
    def _every(self) -> re.Pattern[str]:
        return said(self.every_cue)


def said(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern for the cue words in normalised text. A cue that starts with a digit (1年, 1个月: 一年,
    一个月 normalised) is no cue inside a longer number: 服役21年 does not ask for a year."""
    alternatives = [(r"(?<![\d.])" if w[:1].isdigit() else "") + re.escape(w) for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(alternatives) or "(?!)")


def cues(normalize: Callable[[str], str], path: Path = KINDS_FILE) -> Cues:
    """The cue words normalised as messages are (一共 → 1共, 一个月 → 1个月), so they match them."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = lambda ws: tuple(dict.fromkeys(normalize(w) for w in ws))  # noqa: E731
    return Cues({k: words(v) for k, v in raw["kinds"].items()}, words(raw["total"]), words(raw["continues"]),
                words(raw["people"]), words(raw["each"]), frozenset(words(raw["not_names"])))
