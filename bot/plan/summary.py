"""Each measure's standard in one line, as the plan states it: 每年21060元（原19860元）.

The measure table's 标准金额 column, the operators' cards and the bot's
replies all print a measure's standard this way, so it lives beside the
calculator whose results it reads, not in the wording of one reader.
"""
from __future__ import annotations

from bot.plan.calculator import Result, calculate
from bot.plan.measure import Measure
from bot.plan.numbers import money, plain, wan


def amount_text(result: Result) -> str:
    """The headline: 每年15780元, 一次性5000元, 每个网点1万至3万元, or the plan's figures."""
    if result.amount is not None and result.amount_max is not None:
        return f"{result.period}{wan(result.amount)}至{wan(result.amount_max)}元"
    if result.amount is not None:
        return f"{result.period}{money(result.amount)}" if result.unit == "元" else f"{plain(result.amount)}{result.unit}"
    figures = "；".join(map(str, result.figures))
    return figures or "；".join(result.steps)


def formula_text(measure: Measure) -> str:
    """How the amount is reckoned (and what it was before the plan raised it), without the citizen's facts."""
    p = measure.params
    if measure.kind == "standard":
        return f"{p['period']}{money(p['new'])}（原{money(p['old'])}）"
    if measure.kind == "per_service_year":
        return f"每服役一年{p['period']}{plain(p['new_rate'])}元（原{plain(p['old_rate'])}元）"
    if measure.kind == "merit_addition":
        return "；".join(f"{level}{p['period']}增加{money(v)}" for level, v in p["levels"].items())
    if measure.kind == "base_plus_increment":
        return f"{wan(p['base'])}元起，每增加1个产品加{wan(p['increment'])}元，最高{wan(p['cap'])}元"
    return amount_text(calculate(measure))


def rise_text(measure: Measure) -> str | None:
    """How much the plan raised a standard, with its subtraction (增加5元（25元 − 20元）), said after its formula: the
    answer to 涨了多少 while a fact the amount needs (the years served, an age) is still unknown."""
    p = measure.params
    if measure.kind == "standard":
        return f"增加{money(p['new'] - p['old'])}（{money(p['new'])} − {money(p['old'])}）"
    if measure.kind == "per_service_year":
        return f"增加{plain(p['new_rate'] - p['old_rate'])}元（{plain(p['new_rate'])}元 − {plain(p['old_rate'])}元）"
    return None
