"""The plan's formulas: one small function per kind of provision.

Each takes a measure (its parameters come from the measure table, never from
code) and the citizen's facts, and returns a Result that carries the amount
with everything an answer must cite: steps, conditions, department, section
and quote. Facts that are missing or wrong raise a FactError instead.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.plan import facts as fact_checks
from bot.plan.facts import InvalidFact, MissingFact, NotEligible
from bot.plan.measure import Measure
from bot.plan.numbers import about, count, money, plain, wan

Facts = Mapping[str, object]


@dataclass(frozen=True)
class Figure:
    label: str
    value: float
    unit: str
    added: bool = True  # False for where the others are (在74个贫困村建100个大棚): never summed with them

    def __str__(self) -> str:
        value = money(self.value) if self.unit == "元" else count(self.value, self.unit)
        return f"{self.label}：{value}"


@dataclass(frozen=True)
class Result:
    measure_id: str
    title: str
    amount: float | None  # in `unit` per `period`; None where the provision has no single amount
    unit: str
    period: str
    steps: tuple[str, ...]
    conditions: tuple[str, ...]
    department: str
    department_source: str
    section: str
    quote: str
    amount_max: float | None = None  # upper end, for ranges
    old_amount: float | None = None  # before the 2017 plan raised it, where the plan says
    figures: tuple[Figure, ...] = field(default=())
    of_told: bool = False  # a share of a sum the citizen told (a fee cut 5%): over that sum's period, not one of its own


def check_requirements(measure: Measure, facts: Facts) -> None:
    """Raise NotEligible on a given fact that fails a requirement; facts not given are left to the conditions text."""
    for req in measure.requires:
        value = facts.get(req["fact"])
        if value is None:
            continue
        if "equals" in req and value != req["equals"]:
            raise NotEligible(req["fact"], f"{measure.title}的条件是：{req['label']}。")
        if "min" in req and fact_checks.number(facts, req["fact"]) < req["min"]:
            raise NotEligible(req["fact"], f"{measure.title}的条件是：{req['label']}。")


def standard(m: Measure, facts: Facts) -> dict:
    p = m.params
    rise = p["new"] - p["old"]
    return {
        "amount": p["new"],
        "old_amount": p["old"],
        "steps": (f"由每人{p['period']}{money(p['old'])}提高到{money(p['new'])}，增加{money(rise)}",),
    }


def per_service_year(m: Measure, facts: Facts) -> dict:
    p = m.params
    stated = fact_checks.number(facts, "service_years")
    years = int(stated)  # the plan counts each full year served
    part = () if years == stated else (f"按满{years}年计；不满一年的部分怎么算，原文没有写，请向承办部门确认",)
    amount = p["new_rate"] * years
    return {
        "amount": amount,
        "old_amount": p["old_rate"] * years,
        "steps": (
            f"{plain(p['new_rate'])}元 × 服役{years}年 = {p['period']}{money(amount)}", *part,
            f"原标准每服役一年{plain(p['old_rate'])}元，即{p['period']}{money(p['old_rate'] * years)}",
        ),
    }


def merit_addition(m: Measure, facts: Facts) -> dict:
    levels = m.params["levels"]
    told = facts.get("merit")
    if told is None:
        raise MissingFact("merit", "请告诉我立功等级：" + "、".join(levels) + "。")
    said = re.split(r"[、,，\s]+", told.strip()) if isinstance(told, str) else [str(x) for x in told] if isinstance(
        told, (list, tuple)) else [str(told)]  # 三等功、二等功 as the desk's field holds several
    if unknown := [level for level in said if level not in levels]:  # 立过一个三等功一个二等功: several levels
        raise InvalidFact("merit", f"没有“{unknown[0]}”这一等级，政策列出的是：" + "、".join(levels) + "。")
    level = max(said, key=levels.__getitem__)
    others = [x for x in said if x != level]
    steps = (f"荣立{level}：每人{m.params['period']}增加{money(levels[level])}",) + (
        (f"另立过{'、'.join(others)}：暖流计划没有写几次立功能否累加，按最高的{level}计",) if others else ())
    return {"amount": levels[level], "steps": steps}


def base_plus_increment(m: Measure, facts: Facts) -> dict:
    p = m.params
    count = fact_checks.number(facts, "product_count")
    if count != int(count):
        raise InvalidFact("product_count", "获证产品数应是整数。")
    extra = int(count) - 1
    uncapped = p["base"] + extra * p["increment"]
    amount = min(uncapped, p["cap"])
    step = f"{wan(p['base'])} + {extra}×{wan(p['increment'])} = {wan(uncapped)}元" if extra else f"{wan(p['base'])}元（1个产品）"
    steps = (step,) if uncapped <= p["cap"] else (step, f"超过最高限额，按{wan(p['cap'])}元计")
    return {"amount": amount, "steps": steps}


def fixed(m: Measure, facts: Facts) -> dict:
    return {"amount": m.params["amount"], "steps": (f"{m.params['period']}{money(m.params['amount'])}",)}


def times_count(m: Measure, facts: Facts, computed: dict) -> dict:
    """Where the plan pays per person or per site (`per`), the amount for the count the citizen gives
    (俺们哥仨 → 3人, 介绍了6个人 → 6人), with its calculation line."""
    per = m.params.get("per")
    if not per or facts.get("count") is None or computed["amount"] is None or computed.get("amount_max") is not None:
        return computed
    n = fact_checks.number(facts, "count")
    if n != int(n):
        raise InvalidFact("count", f"人数或个数应是整数，收到：{plain(n)}。")
    steps = computed["steps"]
    if (out := facts.get("excluded")) is not None:  # 50个，有8个没签满1年: 42 are paid for
        out = fact_checks.number(facts, "excluded")
        if out > n:
            raise InvalidFact("excluded", f"不符合条件的{plain(out)}{per}比总数{plain(n)}{per}还多，请核对。")
        steps, n = (*steps, f"{plain(n)}{per} − {plain(out)}{per} = {plain(n - out)}{per}"), n - out
    if n == 1:  # 建了一个示范点: the rate is the sum
        return {**computed, "steps": steps}
    total = computed["amount"] * n
    old = computed.get("old_amount")
    counted = {**computed, "amount": total, "old_amount": old * n if old is not None else None,
               "steps": (*steps, f"{money(computed['amount'])} × {plain(n)}{per} = {money(total)}")}
    if m.params.get("period") not in MONTHS:  # 每个示范点 × 20: a sum, no longer per site; 每年 × 3人 stays 每年
        counted["period"] = "合计"
    return counted


def range_(m: Measure, facts: Facts) -> dict:
    p = m.params
    if facts.get("base_amount") is not None:  # 一个网点按两万算呢: a figure of the range, as the citizen supposes it
        each = fact_checks.number(facts, "base_amount")
        if not p["min"] <= each <= p["max"]:
            raise InvalidFact("base_amount", f"{p['period']}{wan(p['min'])}至{wan(p['max'])}元，{money(each)}不在这个范围内。")
        return {"amount": each, "steps": (f"{p['period']}{wan(p['min'])}至{wan(p['max'])}元，按{money(each)}计",)}
    return {
        "amount": p["min"],
        "amount_max": p["max"],
        "steps": (f"{p['period']}{wan(p['min'])}至{wan(p['max'])}元",),
    }


def _base_fact(p: Mapping) -> str:
    """The fact a percentage is taken of: 低保 names the city's income figure, never a household's."""
    return p.get("base_fact", "base_amount")


def percent(m: Measure, facts: Facts) -> dict:
    p = m.params
    step = f"{p['relation']}{p['of']}的{plain(p['rate'])}%"
    base_fact = _base_fact(p)
    if p["relation"] == "降低" and facts.get(base_fact) is None and facts.get("reduced_amount") is not None:
        after = fact_checks.number(facts, "reduced_amount")  # 降了以后交1140，原来交多少: the fee before the cut
        before = after * 100 / (100 - p["rate"])
        return {"amount": after, "old_amount": before, "steps": (
            step, f"降低后为{money(after)}，原来为{money(after)} × 100 ÷ （100 − {plain(p['rate'])}） = {money(before)}")}
    if facts.get(base_fact) is None:
        return {"amount": None, "steps": (step,)}
    base = fact_checks.number(facts, base_fact)
    factor = 1 - p["rate"] / 100 if p["relation"] == "降低" else p["rate"] / 100
    amount = base * factor
    if p["relation"] == "降低":  # 少交多少 is asked as often as 还交多少
        return {"amount": amount, "old_amount": base,
                "steps": (step, f"按{money(base)}计，降低后为{money(amount)}，少交{money(base - amount)}")}
    return {"amount": amount, "steps": (step, f"按{money(base)}计，至少{money(amount)}")}


def indexed(m: Measure, facts: Facts) -> dict:
    """按照不低于当地上年度农村低保标准的增长幅度提高: a rise at least that of another standard, whose rise the
    citizen states (农村低保标准涨了8%): the least rise, and on the allowance told (原来每月400) the least it
    becomes. The plan gives neither figure; without the rise told there is nothing to reckon."""
    p = m.params
    step = f"提高幅度{p['relation']}{p['of']}"
    if facts.get("growth_rate") is None:
        return {"amount": None, "steps": (step,)}
    rate = fact_checks.number(facts, "growth_rate")
    steps = (step, f"按{p['of']}{plain(rate)}%计，至少提高{plain(rate)}%")
    if facts.get("base_amount") is None:
        return {"amount": None, "steps": steps}
    base = fact_checks.number(facts, "base_amount")
    amount = base * (1 + rate / 100)
    return {"amount": amount, "old_amount": base,
            "steps": (*steps, f"按原来{money(base)}计，至少{money(base)} × （1 + {plain(rate)}%） = {money(amount)}")}


def figures_only(m: Measure, facts: Facts) -> dict:
    """Targets, counts and rules: no amount to compute, only the figures the text gives."""
    return {"amount": None, "steps": ()}


@dataclass(frozen=True)
class Kind:
    formula: Callable[[Measure, Facts], dict]
    params: tuple[str, ...]  # the parameters the measure table must give for this kind
    has_amount: bool
    counts: str | None = None  # the citizen's number the formula counts with (如果是5个呢 gives it)


KINDS: dict[str, Kind] = {
    "standard": Kind(standard, ("old", "new", "unit", "period"), True),
    "per_service_year": Kind(per_service_year, ("old_rate", "new_rate", "unit", "period"), True, "service_years"),
    "merit_addition": Kind(merit_addition, ("levels", "unit", "period"), True),
    "base_plus_increment": Kind(base_plus_increment, ("base", "increment", "cap", "unit"), True, "product_count"),
    "fixed": Kind(fixed, ("amount", "unit", "period"), True, "count"),
    "range": Kind(range_, ("min", "max", "unit", "period"), True),
    "percent": Kind(percent, ("rate", "relation", "of", "unit"), True, "base_amount"),
    "indexed": Kind(indexed, ("relation", "of", "unit"), True, "base_amount"),
    "target": Kind(figures_only, ("items",), False),
    "rule": Kind(figures_only, (), False),
}


MONTHS = {"每年": 12, "每月": 1}  # the periods that convert into each other, in months


def over(period: str, amount: float, from_period: str) -> tuple[float, str] | None:
    """`amount` per `from_period` expressed per `period` (每年21060元 → 每月1755元), with the calculation
    line; None when either is no regular period (一次性, 每个网点): those do not convert."""
    if period not in MONTHS or from_period not in MONTHS or period == from_period:
        return None
    value = amount * MONTHS[period] / MONTHS[from_period]
    sign = "÷" if MONTHS[period] < MONTHS[from_period] else "×"
    factor = max(MONTHS[period], MONTHS[from_period]) // min(MONTHS[period], MONTHS[from_period])
    return value, f"{money(amount)} {sign} {factor} = {period}{about(value)}"


def inputs(measure: Measure) -> tuple[str, ...]:
    """The citizen's facts this measure reads, in the order one would ask: what its formula counts with
    (a per-person count only where the plan pays per person or site), a merit level, then each requirement
    checked against a number. A category the measure is made for (抗日老兵) is no input: it names the card.
    The operators' calculator offers exactly these fields."""
    counted = _base_fact(measure.params) if measure.kind == "percent" else KINDS[measure.kind].counts
    if counted == "count" and not measure.params.get("per"):
        counted = None
    level = ("merit",) if measure.kind == "merit_addition" else ("growth_rate",) if measure.kind == "indexed" else ()
    required = tuple(r["fact"] for r in measure.requires if "min" in r)
    return tuple(dict.fromkeys((*filter(None, [counted]), *level, *required)))


def granted_years(measure: Measure) -> float | None:
    """The years of a span the measure grants (5年内免收土地租金: 5), or None."""
    return next((item["value"] for item in measure.params.get("items", ()) if item.get("unit") == "年内"), None)


def reads(measure: Measure) -> tuple[str, ...]:
    """Every fact the measure's answer takes: its inputs, and the time in business of a span it grants (5年内免收
    土地租金: 开了3年，还剩2年)."""
    return (*inputs(measure), *(("months_in_business",) if granted_years(measure) is not None else ()))


def calculate(measure: Measure, facts: Facts | None = None) -> Result:
    """The measure applied to the facts; raises FactError when they are missing, wrong or rule it out."""
    facts = facts or {}
    check_requirements(measure, facts)
    computed = times_count(measure, facts, KINDS[measure.kind].formula(measure, facts))
    p = measure.params
    return Result(
        measure_id=measure.id,
        title=measure.title,
        amount=computed["amount"],
        amount_max=computed.get("amount_max"),
        old_amount=computed.get("old_amount"),
        unit=p.get("unit", ""),
        period=computed.get("period", p.get("period", "")),
        steps=computed["steps"],
        conditions=measure.conditions,
        department=measure.department,
        department_source=measure.department_source,
        section=measure.section,
        quote=measure.quote,
        figures=tuple(Figure(**item) for item in p.get("items", ())),
        of_told=measure.kind == "percent" and computed["amount"] is not None,
    )
