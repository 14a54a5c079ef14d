"""Where each number of a reply comes from: the plan, the citizen, or a calculation on them.

A reply may state a number only if it is printed in the quote of a measure
the reply cites (by its title), or, in a reply that cites none (a greeting),
in the plan's headline (导语: 37项), or the citizen stated it (their latest 40
numbers), or it is at most two arithmetic steps (+ − × ÷, and × ÷ 12 for
month ↔ year) from those, or one step from numbers the reply has already
explained (its own calculation lines). The base is the cited measures'
quotes, not the whole plan, so a figure borrowed from an unrelated provision
(the 低保 rule's 20% applied to a household income) is caught as well as a
made-up one; the plan's years may be named but never computed with.

The digits are read as written (numerals=False): the bot writes every figure
in digits, and the plan's section names (关注十) and the examples it offers
(当过八年义务兵) are words, not claims.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import product

from bot.plan.calculator import MONTHS
from bot.plan.measure import Measure
from bot.plan.numbers import figure_spans, figures

MONTHS_PER_YEAR = float(MONTHS["每年"])  # an operand of × and ÷ only (每月 ↔ 每年)
PLAN_YEARS = (2016.0, 2017.0)  # the plan's year and the one it compares with: named in any reply, computed with never
TOLERANCE = 0.01  # replies round yuan to the fen
STATED_MESSAGES = 10  # the citizen's latest messages whose numbers count as stated
TRIVIAL = {0.0, 1.0}  # stated as they are, never computed with: 12 ÷ (1 + 1) would "explain" any small count
STATED_LIMIT = 40  # the citizen's most recent numbers that count as inputs: a message of 1,500 numbers explains nothing


def reply_numbers(reply: str) -> list[float]:
    """The numbers a reader sees in a reply, with 万/亿 applied (thousands separators removed first)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", re.sub(r"\s+", "", reply))
    return sorted(set().union(*(values for _, values in figure_spans(text))))


def stated_numbers(messages: Sequence[str], limit: int = STATED_LIMIT) -> set[float]:
    """The numbers the citizen wrote (八年 → 8, 1.5万 → 15000), the latest first, at most `limit`: the
    inputs they vouch for."""
    found: list[float] = []
    for message in reversed(messages):
        found += [n for n in sorted(figures(message)) if n not in found]
        if len(found) >= limit:
            break
    return set(found[:limit])


def cited(reply: str, measures: Iterable[Measure]) -> list[Measure]:
    """The measures a reply names by title: their quotes are the figures it may state."""
    return [m for m in measures if m.title in reply]


def _shares(quote: str) -> set[float]:
    """A percentage of the plan as the factor it applies: 20% → 0.2, and 降低5% → 0.95 too."""
    rates = [float(p) / 100 for p in re.findall(r"(\d+(?:\.\d+)?)\s*%", quote)]
    return {*rates, *(1 - r for r in rates)}


def _results(a: float, b: float) -> Iterable[float]:
    yield a + b
    yield a - b
    yield a * b
    if b:
        yield a / b


class _Sorted:
    """Numbers to look a value up in, within a slack."""

    def __init__(self, values: Iterable[float]) -> None:
        self._values = sorted(values)

    def near(self, value: float, slack: float) -> bool:
        i = bisect_left(self._values, value - slack)
        return i < len(self._values) and self._values[i] <= value + slack


class Provenance:
    """Checks a reply's numbers against the plan and what the citizen said."""

    def __init__(self, measures: Sequence[Measure], always: Iterable[float] = ()) -> None:
        """`always`: figures any reply may state as they are, never compute with (the plan's years)."""
        self._measures = tuple(measures)
        self._quote_figures = {m.id: figures(m.quote) | _shares(m.quote) for m in self._measures}
        self._headline = set().union(*(self._quote_figures[m.id] for m in self._measures if m.section == "导语"))
        self._always = set(always)

    def unexplained(self, reply: str, stated: Iterable[float]) -> list[float]:
        """The numbers of the reply that neither the plan nor the citizen nor the reply's own working give."""
        numbers = reply_numbers(reply)
        sources = cited(reply, self._measures)
        given = set(stated).union(*(self._quote_figures[m.id] for m in sources)) if sources else set(stated)
        allowed = given | self._always | (set() if sources else self._headline)
        operands = given - TRIVIAL
        if all(n in allowed for n in numbers):
            return []
        if not sources:  # a greeting or a refusal computes nothing
            return [n for n in numbers if n not in allowed]
        one_step = _Sorted({v for a, b in product(operands, repeat=2) for v in _results(a, b)} | operands
                           | {v for a in operands for v in (a * MONTHS_PER_YEAR, a / MONTHS_PER_YEAR)})
        explained = {n for n in numbers if n in allowed or _two_steps(n, operands, one_step)}
        # A reply shows its working: what its explained numbers give in one step is explained too
        # (25 × 7 = 175, 175 × 12 = 2100, 21060 + 2100 = 23160).
        while True:
            grown = {n for n in numbers if n not in explained and _one_step(n, explained | operands | {MONTHS_PER_YEAR})}
            if not grown:
                return [n for n in numbers if n not in explained]
            explained |= grown


def _rounded(n: float) -> bool:
    return n != round(n)


def _one_step(n: float, operands: set[float]) -> bool:
    slack = TOLERANCE if _rounded(n) else 1e-6
    return any(abs(v - n) <= slack for a, b in product(operands, repeat=2) for v in _results(a, b))


def _two_steps(n: float, operands: set[float], one_step: _Sorted) -> bool:
    """n = x ∘ b, with b an operand (or 12, for × and ÷ only) and x one step from the operands. The slack
    is what rounding n to the fen allows for x, and nothing more when n is whole."""
    half = TOLERANCE / 2 if _rounded(n) else 1e-9
    if one_step.near(n, half):
        return True
    for b, additive in [*((b, True) for b in operands), (MONTHS_PER_YEAR, False)]:
        candidates = [(n - b, 2 * half), (n + b, 2 * half), (b - n, 2 * half)] if additive else []
        candidates.append((n * b, half * abs(b) + 1e-9))  # n = x ÷ b
        if b:
            candidates.append((n / b, half / abs(b) + 1e-9))  # n = x × b
        if n:
            candidates.append((b / n, abs(b) * half / (n * n) + 1e-9))  # n = b ÷ x
        if any(one_step.near(x, slack) for x, slack in candidates):
            return True
    return False
