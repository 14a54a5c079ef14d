"""Numbers as citizens say and type them, and as the plan prints them."""
from __future__ import annotations

import pytest

from bot.plan.numbers import about, chinese_numerals_to_digits, figures, to_number


@pytest.mark.parametrize("said, value", [
    ("两万四", 24000), ("七千二", 7200), ("一万九千八百六", 19860), ("两万一千零六十", 21060),  # numerals
    ("1万5", 15000), ("2万4", 24000), ("2万4千", 24000), ("1万5000", 15000), ("3千2", 3200),  # spoken, with digits
    ("1.5万", 15000), ("10万", 100000), ("六十八", 68), ("三千多", 3000),
])
def test_a_figure_is_read_as_it_is_said(said, value):
    assert to_number(said) == value


def test_a_spoken_figure_is_one_number_not_two():
    """1万5 read as 1万 and 5 once turned a 20% rule into the wrong amount."""
    assert figures("可支配收入1万5元") == {15000.0}
    assert chinese_numerals_to_digits("收入1万5，去年2万4千") == "收入15000，去年24000"


def test_a_numeral_run_into_一个月_or_一年_is_the_number_and_then_one():
    """今年七十九一个月给多少: spoken without a pause, 七十九一 is no number, 79 and 1个月 are."""
    assert chinese_numerals_to_digits("今年七十九一个月给多少") == "今年79 1个月给多少"
    assert chinese_numerals_to_digits("十一个月") == "11个月"


def test_the_plans_own_figures_are_read_as_printed():
    assert figures("补贴每个网点1-3万元") == {10000.0, 30000.0}
    assert figures("惠及城乡居民约871.4万人次，总增收实现37.9亿元") == {8714000.0, 3790000000.0}
    assert figures("每个示范点给予补助5万元，再认证组织给予奖补1万元") == {50000.0, 10000.0}


def test_a_run_of_digits_too_long_for_a_float_is_no_figure():
    """服役 followed by 400 nines once raised OverflowError in the fact reader: infinity is no stated fact."""
    assert to_number("9" * 400) is None and to_number("九" * 400) is None
    assert figures("服役" + "9" * 400 + "年，每月5元") == {5.0}


def test_figures_are_replaced_in_place_whichever_way_they_were_said():
    """A spoken 1万5 after a numeral 三 once came out before it: 三个人 150003个人 1万5."""
    assert chinese_numerals_to_digits("三个人 1万5") == "3个人 15000"


@pytest.mark.parametrize("said, digits", [("开了俩月", "开了2个月"), ("干了仨年", "干了3年"), ("俩礼拜", "2个礼拜"),
                                         ("老兵还剩俩 解放战争的一个", "老兵还剩2个 解放战争的1个")])
def test_liang_and_sa_before_a_span_of_time_are_numbers(said, digits):
    assert chinese_numerals_to_digits(said) == digits


@pytest.mark.parametrize("said", ["咱俩", "哥俩", "娘仨", "这俩加起来", "俩老太太"])
def test_liang_and_sa_pointing_at_people_stay_words(said):
    assert chinese_numerals_to_digits(said) == said


def test_a_sum_of_twelfths_back_by_the_year_is_no_rounding():
    assert about((16120 / 12 + 1315) * 12) == "31900元" and about(16120 / 12) == "约1343.33元"
