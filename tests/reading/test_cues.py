"""What a message asks of its subject (bot/reading/cues.py), read without Rasa."""
from __future__ import annotations

import pytest

from bot.reading.cues import cues
from bot.reading.normaliser import normalizer


@pytest.fixture(scope="module")
def asked(measures):
    normalize = normalizer(measures)
    c = cues(normalize)
    return lambda text: (c, normalize(text))


@pytest.mark.parametrize("text, kind", [
    ("找哪个部门", "department"), ("去哪里申请", "department"), ("怎么申请，要什么材料", "apply"),
    ("比以前多了多少", "rise"), ("涨了多少", "rise"), ("原来是多少", "old"), ("2016年的标准呢", "old"),
    ("原来每年3600，现在多少", "amount"), ("折合每个月多少", "per_month"), ("一个月多少", "per_month"),
    ("一年能拿多少", "per_year"), ("抗日老兵补助多少", "amount"),
])
def test_the_kind_of_question_is_read_from_citizens_words(asked, text, kind):
    c, normalized = asked(text)
    assert c.kind(normalized) == kind


def test_cue_words_match_after_chinese_numerals_become_digits(asked):
    c, normalized = asked("一共多少")  # normalised to 1共多少
    assert c.total(normalized) and c.period(asked("一年呢")[1]) == "每年"


@pytest.mark.parametrize("text, asks", [("那一年呢", True), ("去哪办", True), ("你会做饭吗", False), ("谢谢", False)])
def test_only_a_message_asking_something_continues_the_subject(asked, text, asks):
    c, normalized = asked(text)
    assert c.asks_something(normalized) == asks
