"""What a citizen tells us, checked before any arithmetic.

A typo (服役500年, -3个产品) must produce a question back, never a number, so
each fact is checked against the plausibility bounds in data/facts.yml.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bot import DATA
from bot.plan.numbers import plain


class FactError(ValueError):
    """A fact that stops a computation; `fact` names it so a dialogue can ask for it again."""

    def __init__(self, fact: str, message: str) -> None:
        super().__init__(message)
        self.fact = fact


class MissingFact(FactError):
    """The computation needs a fact the citizen has not given yet."""


class InvalidFact(FactError):
    """The value given cannot be right (out of bounds, not a number, unknown level)."""


class NotEligible(FactError):
    """The facts given rule the measure out; the message says which condition fails."""


class NotEligibleUnless(NotEligible):
    """The facts given rule the measure out unless something not yet told holds (女38 失业 is no 大龄失业人员, but
    may be 低保 or 残疾): the standard is said beside the verdict, for the case it does hold."""


@dataclass(frozen=True)
class FactSpec:
    name: str
    label: str
    unit: str = ""
    min: float | None = None
    max: float | None = None
    implies_measure: bool = False
    of_no_one: bool = False  # a figure of the city's (农村低保标准涨了8%), never a person's own, whoever is spoken of


@cache
def load_specs(path: Path = DATA / "facts.yml") -> Mapping[str, FactSpec]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {name: FactSpec(name=name, **fields) for name, fields in raw.items()}


@cache
def implying() -> tuple[str, ...]:
    """The facts that, stated of a person, point to a measure of theirs (data/facts.yml `implies_measure`)."""
    return tuple(name for name, spec in load_specs().items() if spec.implies_measure)


@cache
def of_no_one() -> frozenset[str]:
    """The facts that are the city's figures, not a person's (data/facts.yml `of_no_one`)."""
    return frozenset(name for name, spec in load_specs().items() if spec.of_no_one)


@cache
def money_facts() -> frozenset[str]:
    """The facts that are sums of money a citizen tells (a fee, an income, a base): unit 元 in data/facts.yml."""
    return frozenset(name for name, spec in load_specs().items() if spec.unit == "元")


def label(fact: str) -> str:
    return load_specs()[fact].label


def number(facts: Mapping[str, object], fact: str) -> float:
    """The fact as a number within its bounds, or the error that says what is wrong with it."""
    spec = load_specs()[fact]
    if facts.get(fact) is None:
        raise MissingFact(fact, f"请告诉我{spec.label}。")
    value = facts[fact]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidFact(fact, f"{spec.label}应是一个数字，收到：{value!r}。")
    if (spec.min is not None and value < spec.min) or (spec.max is not None and value > spec.max):
        # the bounds are plausibility checks, not policy: said as such, never as figures of the plan
        raise InvalidFact(fact, f"{spec.label}收到的是{plain(value)}{spec.unit}，不像实际情况，请核对后再告诉我。")
    return value
