"""The facts a message states: numbers by pattern, categories and groups by the table's words.

Deterministic on purpose: 8年 after 当过 is service years, 72岁 is an age, and
a closed vocabulary (抗战老兵 → 抗日老兵, 荣誉称号 → 个人荣誉称号) needs no
learning. Offsets point into the text as typed, as the tokenizer's do.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import DATA
from bot.plan.measure import Measure
from bot.plan.numbers import to_number, whole
from bot.plan.records import load_groups
from bot.reading.normaliser import Normalizer
from bot.reading.people import COUNTS

PATTERNS_FILE = DATA / "fact_patterns.yml"
# {N} in the patterns: a number not inside another (8.5 is not 5, 1,000 is not 0), its sign kept.
NUMBER = r"(?<![\d.])(?<!\d,)[-负]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


@dataclass(frozen=True)
class Found:
    fact: str
    value: object  # a number for counted facts, the canonical word for the rest
    start: int  # span in the original text
    end: int


def vocabularies(measures: Iterable[Measure], words: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """fact → {word people use: canonical value}, from the patterns file, the table and the groups."""
    vocab = {fact: dict(mapping) for fact, mapping in words.items()}
    for m in measures:
        for fact, value in m.categories.items():
            if isinstance(value, str):
                vocab.setdefault(fact, {}).update({k: value for k in (value, *m.keywords)})
    vocab["group"] = {syn: gid for gid, g in load_groups().items() for syn in g["synonyms"]}
    return vocab


def _signed(figure: str) -> float | None:
    """8 → 8, 1.5万 → 15000, -3 or 负3 → -3, 俩 → 2, 个 → 1: a negative fact must be refused, not read as positive."""
    if figure in COUNTS:
        return COUNTS[figure]
    if figure == "个":  # 还有个产品: one, its 1 unsaid
        return 1
    value = to_number(figure.lstrip("-负").replace(",", ""))
    return -value if value is not None and figure[0] in "-负" else value


class FactExtractor:
    def __init__(self, measures: Iterable[Measure], normalizer: Normalizer, patterns_file: Path = PATTERNS_FILE) -> None:
        spec = yaml.safe_load(patterns_file.read_text(encoding="utf-8"))
        self._normalize = normalizer
        self._numbers = {fact: [re.compile(p.replace("{N}", NUMBER)) for p in pats] for fact, pats in spec["numbers"].items()}
        self._group_needs = re.compile(spec["group_needs"])
        self._group_not_after = re.compile(spec["group_not_after"])
        self._phrases = [
            (fact, re.compile(p["pattern"]), p["value"]) for fact, phrases in spec["phrases"].items() for p in phrases
        ]
        self._words = {
            fact: (re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True)))), mapping)
            for fact, mapping in vocabularies(measures, spec["words"]).items()
        }

    def __call__(self, text: str) -> list[Found]:
        normalized, origin = self._normalize.align(text)
        found: list[Found] = []
        taken: list[tuple[int, int]] = []

        def add(fact: str, value: object, start: int, end: int) -> None:
            if not any(start < t_end and t_start < end for t_start, t_end in taken):
                taken.append((start, end))
                found.append(Found(fact, value, origin[start][0], origin[end - 1][1]))

        for fact, pattern, value in self._phrases:
            for m in pattern.finditer(normalized):
                add(fact, value, *m.span())
        for fact, (pattern, mapping) in self._words.items():
            for m in pattern.finditer(normalized):
                if fact == "group" and (not self._group_needs.search(normalized[: m.start()])
                                        or self._group_not_after.search(normalized[: m.start()])):
                    continue
                add(fact, mapping[m.group()], *m.span())
        for fact, patterns in self._numbers.items():
            for pattern in patterns:
                for m in pattern.finditer(normalized):
                    months = "months" in pattern.groupindex  # 签了8个月合同: 8/12 of a year
                    value = _signed(m.group("months" if months else 1))
                    if value is not None and months:
                        value = round(value / 12, 4)
                    if value is not None:
                        add(fact, whole(value), *m.span(1))
        return sorted(found, key=lambda f: f.start)

    def groups_in(self, normalized: str) -> list[Found]:
        """Every group word in normalised text, wherever it stands (spans in that text): for a clause already
        known to speak of someone (我今年45，原来是纺织厂的，失业了), where no 我 need stand before the word."""
        pattern, mapping = self._words["group"]
        return [Found("group", mapping[m.group()], m.start(), m.end()) for m in pattern.finditer(normalized)
                if not self._group_not_after.search(normalized[: m.start()])]

    def facts(self, text: str) -> dict[str, object]:
        """The facts as a dict, first mention wins."""
        out: dict[str, object] = {}
        for f in self(text):
            out.setdefault(f.fact, f.value)
        return out
