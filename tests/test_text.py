"""Normalisation: what citizens type becomes what the model and the table read."""
from __future__ import annotations

import pytest

from bot.text import Normalizer


@pytest.fixture(scope="module")
def normalize(store):
    return Normalizer(store.terms)


@pytest.mark.parametrize(
    "typed, read",
    [
        ("我外公是抗美援朝老兵，今年補助多少", "我外公是抗美援朝老兵,今年补助多少"),  # traditional → simplified
        ("有機產品認證", "有机产品认证"),
        ("服役８年", "服役8年"),  # full-width digits
        ("ＡＢＣ　１２３", "ABC 123"),  # full-width letters and ideographic space
        ("当过八年义务兵", "当过8年义务兵"),  # Chinese numerals
        ("两个产品", "2个产品"),
        ("原来每年三千六", "原来每年3600"),
        ("服役二十年", "服役20年"),
        ("营业执照办下来八个月了", "营业执照办下来8个月了"),
        ("荣立一等功", "荣立一等功"),  # the plan's terms keep their numerals
        ("三品一标有哪些奖补", "三品一标有哪些奖补"),
        ("一点通在哪看", "一点通在哪看"),
        ("二等功加多少，服役三年", "二等功加多少,服役3年"),
        ("  抗日\u200b老兵\n\n补助\t多少  ", "抗日老兵 补助 多少"),  # zero-width, line breaks, runs of blanks
        ("\x00\x07抗日老兵", "抗日老兵"),  # control characters
        ("", ""),
    ],
)
def test_normalizer_reads_what_citizens_type(normalize, typed, read):
    assert normalize(typed) == read


def test_without_protected_terms_numerals_are_converted_everywhere():
    assert Normalizer()("三等功") == "3等功"


def test_normalizing_twice_changes_nothing(normalize):
    once = normalize("我外公八十二歲，當過五年義務兵，荣立過三等功")
    assert normalize(once) == once


@pytest.mark.parametrize(
    "typed, token, original",
    [
        ("当过八年義務兵", "8", "八"),
        ("原来每年三千六", "3600", "三千六"),
        ("服役２０年", "20", "２０"),
        ("抗美援朝老兵補助", "补助", "補助"),
        ("抗日\u200b老兵  补助", "补助", "补助"),
    ],
)
def test_each_normalised_character_points_back_to_what_was_typed(normalize, typed, token, original):
    text, spans = normalize.align(typed)
    start = text.index(token)
    first, last = spans[start], spans[start + len(token) - 1]
    assert typed[first[0]:last[1]] == original
