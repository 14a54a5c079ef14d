"""The plan's formulas on worked cases, and the errors bad facts must raise."""
from __future__ import annotations

import pytest

from bot.plan import facts as fact_errors
from bot.plan.calculator import KINDS, calculate, over
from tests.conftest import cases

WORKED = cases("calculator.yml")
BAD = cases("bad_facts.yml")


@pytest.mark.parametrize("case", WORKED, ids=[c["name"] for c in WORKED])
def test_worked_case_gives_the_amount_the_text_implies(case, by_id):
    result = calculate(by_id[case["measure"]], case["facts"])
    assert result.amount == pytest.approx(case["amount"])
    if "amount_max" in case:
        assert result.amount_max == pytest.approx(case["amount_max"])
    if "step" in case:
        assert case["step"] in result.steps


@pytest.mark.parametrize("case", BAD, ids=[c["name"] for c in BAD])
def test_bad_fact_raises_an_error_naming_the_fact(case, by_id):
    error = getattr(fact_errors, case["error"])
    with pytest.raises(error) as raised:
        calculate(by_id[case["measure"]], case["facts"])
    assert raised.value.fact == case["fact"]
    assert str(raised.value)  # a message a citizen can read


def test_every_result_carries_its_citation(measures):
    for m in measures:
        try:
            result = calculate(m)
        except fact_errors.MissingFact:
            continue
        assert (result.department, result.section, result.quote) == (m.department, m.section, m.quote)
        assert result.conditions == m.conditions


def test_worked_cases_cover_every_kind_with_an_amount(by_id):
    covered = {by_id[c["measure"]].kind for c in WORKED}
    assert covered == {k for k, kind in KINDS.items() if kind.has_amount}


def test_targets_and_rules_report_the_plan_figures_and_no_amount(by_id):
    loans = calculate(by_id["startup_guarantee_loans"])
    assert loans.amount is None
    assert [f.value for f in loans.figures] == [150_000_000, 10_000, 30_000]


def test_a_fact_the_measure_does_not_use_changes_nothing(by_id):
    assert calculate(by_id["veteran_anti_japanese"], {"product_count": 3}).amount == 21060


@pytest.mark.parametrize("period, amount, from_period, value, line", [
    ("每月", 21060, "每年", 1755, "21060元 ÷ 12 = 每月1755元"),
    ("每年", 200, "每月", 2400, "200元 × 12 = 每年2400元"),
    ("每月", 16120, "每年", 16120 / 12, "16120元 ÷ 12 = 每月约1343.33元"),
])
def test_a_yearly_amount_converts_to_a_month_and_back_with_its_calculation(period, amount, from_period, value, line):
    assert over(period, amount, from_period) == (pytest.approx(value), line)


def test_a_one_off_payment_does_not_convert_to_a_month():
    assert over("每月", 5000, "一次性") is None
