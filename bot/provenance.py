"""Where each number of a reply comes from: the plan, the citizen, or a calculation on them.

A reply may state a number only if it is printed in the quote of a measure
the reply cites (by its title), or, in a reply that cites none (a greeting),
in the plan's headline (导语: 37项), or the citizen stated it in the conversation, or it is the result of at most two arithmetic steps (+ − × ÷,
and 12 for month ↔ year) on those. The base is the cited measures' quotes,
not the whole plan, so a figure borrowed from an unrelated provision (the 低保
rule's 20% applied to a household income) is caught as well as a made-up one.

The digits are read as written (numerals=False): the bot writes every figure
in digits, and the plan's section names (关注十) and the examples it offers
(当过八年义务兵) are words, not claims.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import product

from bot.measures import Measure
from bot.numbers import figure_spans, figures

MONTHS_PER_YEAR = 12.0
PLAN_YEARS = (2016.0, 2017.0)  # the plan's year and the one it compares with: named in any reply
TOLERANCE = 0.01  # replies round yuan to the fen


def reply_numbers(reply: str) -> list[float]:
    """The numbers a reader sees in a reply, with 万/亿 applied (thousands separators removed first)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", re.sub(r"\s+", "", reply))
    return sorted(set().union(*(values for _, values in figure_spans(text))))


def stated_numbers(messages: Iterable[str]) -> set[float]:
    """Every number the citizen wrote (八年 → 8, 1.5万 → 15000): the inputs they vouch for."""
    return set().union(set(), *(figures(m) for m in messages))


def cited(reply: str, measures: Iterable[Measure]) -> list[Measure]:
    """The measures a reply names by title: their quotes are the figures it may state."""
    return [m for m in measures if m.title in reply]


def _shares(quote: str) -> set[float]:
    """A percentage of the plan as the factor it applies: 20% → 0.2, and 降低5% → 0.95 too."""
    rates = [float(p) / 100 for p in re.findall(r"(\d+(?:\.\d+)?)\s*%", quote)]
    return {*rates, *(1 - r for r in rates)}


def _steps(a: float, b: float) -> Iterable[float]:
    yield a + b
    yield a - b
    yield a * b
    if b:
        yield a / b


class Provenance:
    """Checks a reply's numbers against the plan and what the citizen said."""

    def __init__(self, measures: Sequence[Measure], always: Iterable[float] = ()) -> None:
        """`always`: figures any reply may state, such as the plan's own years (2016, 2017)."""
        self._measures = tuple(measures)
        self._quote_figures = {m.id: figures(m.quote) | _shares(m.quote) for m in self._measures}
        self._headline = set().union(*(self._quote_figures[m.id] for m in self._measures if m.section == "导语"))
        self._always = {MONTHS_PER_YEAR, *always}

    def base(self, reply: str, stated: Iterable[float]) -> set[float]:
        """The figures the reply may state as they are: the cited quotes', the citizen's, 12."""
        cited_figures = [self._quote_figures[m.id] for m in cited(reply, self._measures)] or [self._headline]
        return set().union(self._always, stated, *cited_figures)

    def unexplained(self, reply: str, stated: Iterable[float]) -> list[float]:
        """The numbers of the reply that neither the plan nor the citizen nor two steps of arithmetic give."""
        numbers = reply_numbers(reply)
        base = self.base(reply, stated)
        if all(n in base for n in numbers):
            return []
        if not cited(reply, self._measures):  # a greeting or a refusal computes nothing
            return [n for n in numbers if n not in base]
        one_step = sorted({v for a, b in product(base, repeat=2) for v in _steps(a, b)} | base)
        return [n for n in numbers if not self._two_steps(n, base, one_step)]

    @staticmethod
    def _two_steps(n: float, base: set[float], one_step: list[float]) -> bool:
        """n is a base figure, or one or two steps from them (n = x ∘ b with x one step from the base).

        A reply rounds to the fen, so n = x ÷ b is matched with the rounding's slack (b × half a fen)."""
        rounded = n != round(n)

        def near(value: float, slack: float = TOLERANCE) -> bool:
            slack = slack if abs(value) >= 1 else 1e-9  # a fraction (12 ÷ 5000) must match exactly, not within a fen
            i = bisect_left(one_step, value - slack)
            return i < len(one_step) and one_step[i] <= value + slack
        if near(n):
            return True
        for b in base:
            candidates = [(n - b, TOLERANCE), (n + b, TOLERANCE), (b - n, TOLERANCE),
                          (n * b, TOLERANCE + (abs(b) * TOLERANCE / 2 if rounded else 0))]
            if n:
                candidates.append((b / n, TOLERANCE))
            if b:
                candidates.append((n / b, TOLERANCE))
            if any(near(value, slack) for value, slack in candidates):
                return True
        return False
