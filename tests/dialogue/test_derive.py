"""Figures asked of computed lines (bot/dialogue/derive.py), each with the calculation that shows it."""
from __future__ import annotations

import pytest

from bot.dialogue.derive import Figure, difference, in_period, over_span, total


def test_a_yearly_figure_by_the_month_shows_its_division():
    f = in_period(Figure(16120, "每年"), "每月")
    assert round(f.value, 2) == 1343.33 and f.shown == "16120元 ÷ 12 = 每月约1343.33元"


def test_a_one_off_sum_is_not_converted_to_a_period():
    assert in_period(Figure(5000, "一次性"), "每月") == Figure(5000, "一次性")


def test_a_total_of_yearly_and_monthly_figures_is_taken_by_the_year():
    t = total([Figure(15780, "每年"), Figure(50, "每月")], None)
    assert t is not None and (t.value, t.period) == (16380, "每年")
    assert t.shown == "15780元 + 600元 = 每年16380元"


def test_one_off_sums_add_up_as_they_are():
    t = total([Figure(4000, ""), Figure(22000, ""), Figure(100000, "")], None)
    assert t is not None and t.value == 126000 and t.shown == "4000元 + 22000元 + 100000元 = 126000元"


def test_a_one_off_and_a_yearly_sum_add_up_over_the_first_year_only():
    t = total([Figure(5000, ""), Figure(15780, "每年")], None)
    assert t is not None and t.value == 20780 and t.shown == "一次性5000元 + 每年15780元 = 头一年20780元（一次性的只领一次）"
    assert total([Figure(5000, ""), Figure(1315, "每月")], "每月") is None  # a one-off is no monthly sum


def test_a_difference_is_the_larger_less_the_smaller_in_the_first_ones_period():
    d = difference(Figure(16120, "每年"), Figure(21060, "每年"))
    assert d is not None and d.value == 4940 and d.shown == "21060元 − 16120元 = 每年4940元"


@pytest.mark.parametrize("first, second", [(Figure(1, "每年"), Figure(2, "")), (Figure(1, "每月"), Figure(2, "一次性"))])
def test_figures_of_different_kinds_have_no_difference(first, second):
    assert difference(first, second) is None


def test_a_sum_reckoned_without_a_period_and_a_one_off_sum_are_both_paid_once_and_compare():
    d = difference(Figure(30000, ""), Figure(50000, "一次性"))  # 绿色 reckoned by products, 有机 一次性5万
    assert d is not None and d.value == 20000


def test_a_yearly_sum_over_months_is_reckoned_from_the_year_not_a_rounded_month():
    half = over_span(Figure(31900, "每年"), 6)
    assert half is not None and half.value == 15950 and half.shown == "31900元 ÷ 12 × 6个月 = 15950元"
