"""Normalisation: what citizens type becomes what the model and the table read."""
from __future__ import annotations

import pytest

from bot.reading.normaliser import Normalizer, normalizer


@pytest.fixture(scope="module")
def normalize(store):
    return normalizer(store.measures)


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


@pytest.mark.parametrize(
    "typed, read",
    [
        ("抗曰老兵补助多少", "抗战老兵补助多少"),  # 抗日老兵 and 抗战老兵 both fit, and mean the same
        ("抗美援潮老兵", "抗美援朝老兵"),
        ("无公害农产吕认证", "无公害农产品认证"),
        ("創業補帖多少", "创业补贴多少"),  # after 繁→简
    ],
)
def test_a_character_foreign_to_the_plan_inside_a_term_is_read_as_the_term(normalize, typed, read):
    assert normalize(typed) == read


@pytest.mark.parametrize(
    "typed",
    [
        "就业补贴多少",  # 就 is a word of the plan: another measure's word, not a typo of 创业补贴
        "抗美援越老兵",  # a real war the plan does not cover (data/scope.yml real_words)
        "我爸是烈土",  # 土 is in the plan's text, and two-character terms are too short to guess at
        "我能享受什么",  # 我 is everyday wording (the NLU examples), not a typo of the keyword 谁能享受
    ],
)
def test_real_words_near_a_term_are_left_alone(normalize, typed):
    assert normalize(typed) == typed


def test_a_typo_that_fits_terms_of_different_meaning_is_not_guessed():
    normalize = Normalizer({"甲乙丙丁": "one", "甲乙丙戊": "two"})
    assert normalize("甲乙丙己") == "甲乙丙己"
    assert Normalizer({"甲乙丙丁": "one"})("甲乙丙己") == "甲乙丙丁"


def test_a_place_of_changchun_holding_a_numeral_is_kept_as_written(normalize):
    assert normalize("九台能种不") == "九台能种不" and normalize("俺三叔六十三") == "俺三叔63"


def test_a_soldiers_death_misheard_is_read_as_the_plans_word(normalize):
    assert normalize("我爸是列士") == "我爸是烈士" and normalize("儿子当兵的时候并故了") == "儿子当兵的时候病故了"


def test_a_word_for_a_relative_is_no_typo_of_a_term(normalize):
    assert normalize("俺爹义务兵三年").startswith("俺爹义务兵")  # not 俺老义务兵: the father is the soldier
