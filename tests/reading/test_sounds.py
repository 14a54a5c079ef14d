"""The plan's terms matched by sound: voice input and pinyin keyboards write homophones."""
from __future__ import annotations

import pytest

from bot.reading.normaliser import normalizer
from bot.reading.sounds import SoundIndex


@pytest.fixture(scope="module")
def normalize(store):
    return normalizer(store.measures)


@pytest.mark.parametrize("heard, meant", [
    ("抗美元朝的老兵涨了多少", "抗美援朝"),
    ("我妈是病顾军人遗属", "病故军人遗属"),
    ("俺爸立了个一等公", "一等功"),
    ("大果真子在哪些地方种", "大果榛子"),
    ("人设局管啥", "人社局"),
    ("五公害农产品", "无公害农产品"),
    ("绿色实品认证", "绿色食品"),
    ("创业但保带款", "担保贷款"),
    ("离港创业", "离岗创业"),
    ("暖留计划", "暖流计划"),
    ("公伤待遇", "工伤"),
    ("我家是低包户", "低保户"),
    ("俺老头是因公西生的军人", "因公牺牲"),
])
def test_a_term_heard_wrong_is_read_as_the_term(normalize, heard, meant):
    assert meant in normalize(heard)


@pytest.mark.parametrize("said", [
    "我是事业单位的",  # 事业 is a word of the plan itself (失业 sounds alike)
    "我要去公海",  # 公海 is a word of the language
    "她自己是烈士的闺女",  # 己是 sounds like 技师 but ends one word and starts the next
    "前阵子在家门口开了个小吃部",  # 阵子 (a word, though rarer than 公海) sounds like 榛子
])
def test_a_real_word_that_sounds_like_a_term_is_left_alone(normalize, said):
    assert normalize(said).startswith(said[:4])


def test_homophones_of_two_different_terms_are_not_guessed():
    assert SoundIndex({"公式": "a"}).corrected("恭试") == "公式"
    assert SoundIndex({"公式": "a", "攻势": "b"}).corrected("恭试") == "恭试"


def test_the_correction_keeps_every_offset():
    index = SoundIndex({"抗美援朝": "korea"})
    heard = "他是抗美元朝老兵"
    assert len(index.corrected(heard)) == len(heard)
