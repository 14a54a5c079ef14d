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

import ast
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import product

from bot.plan.calculator import MONTHS
from bot.plan.measure import Measure
from bot.plan.numbers import figure_spans, figures
from bot.plan.records import load_units
from bot.reading.cues import Cues
from bot.reading.people import COUNTS

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
    inputs they vouch for. The messages come normalised, as the reader saw them (50萬 is then 50万)."""
    found: list[float] = []
    for message in reversed(messages):
        said = figures(message).union(*map(figures, message.split()))  # 产品数分别为1 4 9: three numbers, not 149
        if (part := Cues.portion(message)) is not None:  # 拿出一半 / 拿四成: the part is a number they said (0.5)
            said |= {part.num / part.den}
        found += [n for n in sorted(said | _months(message)) if n not in found]
        if len(found) >= limit:
            break
    return set(found[:limit])


_YEARS = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*年")
_YEARS_AND_A_HALF = re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*年半")
_YEARS_AND_MONTHS = re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*年零?(\d+|[一二两三四五六七八九十]+)\s*个月")
_ONE_EACH = re.compile(r"(?<![\d.])1\s*(?:个|位|名)")
_SPAN_MONTHS = {"半年": 6.0, "季度": 3.0}  # a span said in words is a number of months too (半年呢: × 6个月)


def _months(message: str) -> set[float]:
    """The months of a span the message says (半年 6, 一个季度 3, 两年 24, 1年半 18 and 1.5, 一年零三个月 15), and the
    people said in a word (俺们仨: 3) or one by one (一个…、一个…: 2): what a sum over it, or a share among them, is
    reckoned by."""
    months = {m for word, m in _SPAN_MONTHS.items() if word in message}
    halves = {v for said in _YEARS_AND_A_HALF.findall(message) for n in figures(said) for v in (n * 12 + 6, n + 0.5)}
    counted = {float(n) for word, n in COUNTS.items() if word in message}
    if (ones := len(_ONE_EACH.findall(message))) > 1:  # 一个抗日的、一个解放战争的、一个抗美援朝的: three people, told
        counted.add(float(ones))  # one by one (平均每人: ÷ 3)
    and_months = {y * 12 + m for years, more in _YEARS_AND_MONTHS.findall(message)  # 1年零3个月: 15
                  for y in figures(years) for m in figures(more)}
    return months | halves | counted | and_months | {12 * n for said in _YEARS.findall(message) for n in figures(said) if n > 1}


def cited(reply: str, measures: Iterable[Measure]) -> list[Measure]:
    """The measures a reply names by title, or whose sentence it quotes word for word (a passage of the plan holding
    two measures' figures, 因公牺牲… 病故军人遗属由每人每年16890元提高到17490元): their quotes are the figures it may
    state."""
    return [m for m in measures if m.title in reply or m.quote and m.quote in reply]


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
        given |= _units_stated(reply)  # 1公顷 = 15亩: a standard measure the reply states and computes with
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
        # (25 × 7 = 175, 175 × 12 = 2100, 21060 + 2100 = 23160), and so is the result of each of its written
        # calculations whose every operand is (21060 + 600 + 15780 + 1800 = 39240; (21060 − 19860) ÷ 19860 = 6.04%).
        worked = _calculations(reply)
        while True:
            known = explained | operands | {MONTHS_PER_YEAR}
            grown = {n for n in numbers if n not in explained and _one_step(n, known)}
            grown |= {result for inputs, result in worked if result not in explained and inputs <= known | _CONSTANTS}
            grown |= {n for n in numbers if n not in explained and _converted(n, explained)}
            if not grown:
                return [n for n in numbers if n not in explained]
            explained |= grown


_UNIT_STATED = re.compile(r"1(\w{1,3}?) = (\d+)(\w{1,3})")


def _units_stated(reply: str) -> set[float]:
    """The factors of the standard units the reply states (1公顷 = 15亩), as data/units.yml has them."""
    return {float(n) for unit, n, other in _UNIT_STATED.findall(reply) if load_units().get(unit, {}).get(other) == float(n)}


_CONSTANTS = {1.0, 100.0}  # + 1 (the first product), × 100 (a percentage): in a written calculation only
_EQUALS = re.compile(r"([^：；，,\n=]+?)=\s*(?:每年|每月|合计|头一年|第一年)?约?(\d+(?:\.\d+)?)(万)?(%)?")
_OPERATORS = str.maketrans({"×": "*", "÷": "/", "−": "-", "（": "(", "）": ")"})


def _calculations(reply: str) -> list[tuple[set[float], float]]:
    """Each calculation the reply writes out (a + b + c = d, (a − b) ÷ b = p%): its operands and its result,
    where the written result is what the operands give (to the fen, or to the hundredth of a percent)."""
    found = []
    for m in _EQUALS.finditer(reply):
        left = re.sub(r"(\d+(?:\.\d+)?)万", r"(\1*10000)", m.group(1))
        left = re.sub(r"(\d+(?:\.\d+)?)%", r"(\1/100)", left)  # 400 × （1 + 8%）: a percentage within is a share
        left = re.sub(r"[^\d.+\-*/() ]", "", left.translate(_OPERATORS))
        result = float(m.group(2)) * (10000 if m.group(3) else 1)
        for start in range(len(left)):  # the longest tail of the text before = that is a calculation
            value = _evaluate(left[start:])
            if value is not None:
                value *= 100 if m.group(4) else 1
                if abs(value - result) <= 0.011:
                    found.append(({float(x) for x in re.findall(r"\d+(?:\.\d+)?", left[start:])}, result))
                break
    return found


def _evaluate(expression: str) -> float | None:
    """The value of + − × ÷ and brackets over numbers; None for anything else (or a lone number)."""
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError:
        return None
    if not isinstance(tree.body, ast.BinOp):
        return None
    allowed = (ast.Expression, ast.BinOp, ast.Constant, ast.Add, ast.Sub, ast.Mult, ast.Div)
    if not all(isinstance(node, allowed) for node in ast.walk(tree)):
        return None
    try:
        return float(eval(compile(tree, "<calculation>", "eval")))  # noqa: S307 (numbers and + − × ÷ only, checked)
    except ZeroDivisionError:
        return None


def _converted(n: float, explained: set[float]) -> bool:
    """n is a month's figure shown rounded (约1518.33), by the year (18220): × 12 of the unrounded value."""
    return any(abs(x * MONTHS_PER_YEAR - n) <= MONTHS_PER_YEAR * TOLERANCE / 2 for x in explained if _rounded(x))


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
