"""One provision of the plan as the measure table holds it.

A plain record: loading and checking it against the policy text is
bot/plan/records.py, computing with it bot/plan/calculator.py, so the
calculator and the loader both depend on this and not on each other.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Measure:
    id: str
    section: str
    heading: str
    effective: int
    title: str
    audience: str
    groups: tuple[str, ...]
    department: str
    department_source: str  # "text": the plan names this department; "lead": it names none, so the lead 市人社局
    kind: str
    params: Mapping
    requires: tuple[Mapping, ...]
    conditions: tuple[str, ...]
    quote: str
    keywords: tuple[str, ...]
    source_file: str

    @cached_property
    def categories(self) -> dict[str, object]:
        """fact → the value a requirement names (veteran_category → 抗日老兵): whom the measure is for.
        Every part that matches a citizen's category to a measure reads it here."""
        return {r["fact"]: r["equals"] for r in self.requires if "equals" in r}

    @cached_property
    def numbers(self) -> list[float]:
        """Every number in params and requirements: each must be a figure of the quote."""
        return [*_numbers_in(self.params), *(r["min"] for r in self.requires if "min" in r)]


def _numbers_in(value: object) -> Iterable[float]:
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        yield value
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _numbers_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from _numbers_in(v)
