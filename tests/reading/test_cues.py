"""What a message asks (bot/reading/cues.py), read without Rasa."""
from __future__ import annotations

import pytest

from bot.reading.cues import cues
from bot.reading.normaliser import normalizer


@pytest.fixture(scope="module")
def read(measures):
    normalize = normalizer(measures)
    c = cues(normalize)
    return lambda text: (c, normalize(text))


@pytest.mark.parametrize("text, asked", [
    ("找哪个部门", ("department",)), ("去哪里申请", ("department",)), ("怎么申请，要什么材料", ("apply",)),
    ("比以前多了多少", ("rise",)), ("涨了多少", ("rise",)), ("原来是多少", ("old",)), ("2016年的标准呢", ("old",)),
    ("原来每年3600，现在多少", ("amount",)),  # the old figure is told, today's asked
    ("涨了多少钱 涨完了一个月是多少", ("rise", "amount")),  # two questions, in the order asked
    ("原来多少现在多少", ("old", "amount")),
    ("涨了百分之多少", ("rise_pct",)), ("老三还差几年能领", ("wait",)), ("最多能给多少", ("max",)),
    ("抗日老兵补助多少", ("amount",)), ("一年呢", ("amount",)),
    ("加一块儿最少多少 最多多少", ("min", "max")),  # the longer words win: 少多少 inside 最少多少 is no difference
    ("折到每个月差多少", ("difference",)),  # 月差 comes first left to right; 差多少 is longer
    ("奖励团队至少多少", ("min",)),  # 少多少 inside 至少多少 is no difference
    ("烈士遗属 旧月标准 新月标准 月增", ("old", "amount", "rise")),
])
def test_every_kind_of_question_a_message_asks_is_read_in_the_order_asked(read, text, asked):
    c, normalized = read(text)
    assert c.asked(normalized) == asked


@pytest.mark.parametrize("text, period", [("折合每个月多少", "每月"), ("一个月多少", "每月"), ("一年能拿多少", "每年"),
                                          ("每月加100，一年下来多多少", "每年"), ("抗日老兵补助多少", None)])
def test_the_period_asked_for_is_the_last_said(read, text, period):
    c, normalized = read(text)
    assert c.period(normalized) == period


def test_cue_words_match_after_chinese_numerals_become_digits(read):
    c, normalized = read("一共多少")  # normalised to 1共多少
    assert c.total(normalized) and c.period(read("一年呢")[1]) == "每年"


def test_a_correction_and_an_addition_are_told_apart(read):
    c, _ = read("")
    assert c.correction(read("哦不对，是十年")[1]) and not c.addition(read("哦不对，是十年")[1])
    assert c.addition(read("再加上邻村一个抗日老兵呢")[1]) and not c.correction(read("再加上一个")[1])


@pytest.mark.parametrize("text, detail", [("这个钱啥时候发", "发放时间和方式"), ("申请有没有截止日期", "申请期限"),
                                          ("两样能同时领吗", "能否重复享受"), ("一年多少", None),
                                          ("这个增加的钱从几月份开始算", "从哪个月开始执行"),
                                          ("需要带退伍证不", "所需证明和证件"),
                                          ("遗属再婚后是否继续享受", "再婚后能否继续领取"), ("审批得多少天", "办理时限"),
                                          ("这钱能打到银行卡上不", "发放时间和方式"), ("烈士子女啥时候开始能领", None),
                                          ("我户口迁到长春了，能申请城市低保吗", None),
                                          ("外地户口能领吗", "户籍和居住地要求"), ("每年几月份发", "发放时间和方式"),
                                          ("发的时候会扣什么费用吗", "是否扣除费用"), ("这三项需要每年年审吗", "是否需要年审"),
                                          ("要是店倒闭了还要退补贴吗", "是否需要退回"), ("这钱能用来干啥", "资金用途"),
                                          ("那个基金是干啥用的", None), ("职业中介介绍工作收手续费吗", None),
                                          ("科技成果转化的收入要退回国库吗", None), ("需要户口本吗", "所需证明和证件")])
def test_a_detail_the_plan_does_not_state_is_recognised(read, text, detail):
    c, normalized = read(text)
    assert c.unstated_detail(normalized) == detail


@pytest.mark.parametrize("text, asks", [("那一年呢", True), ("去哪办", True), ("你会做饭吗", False), ("谢谢", False)])
def test_only_a_message_asking_something_continues_the_subject(read, text, asks):
    c, normalized = read(text)
    assert c.asks_something(normalized) == asks


@pytest.mark.parametrize("text, many", [("这俩差多少", 2), ("前3个加起来", 3), ("等俺也到六十了 四个人一年一共呢", 4),
                                        ("我们3个人开店", None), ("俩月", None), ("要是她也算 三人一年", 3),
                                        ("3人合作社", None), ("要是姥爷服役是六年呢，两个人", 2), ("家里两个人", None)])
def test_how_many_of_the_things_talked_about_a_message_means(read, text, many):
    c, said = read(text)
    assert c.how_many(said) == many


def test_a_familys_money_asked_as_the_family_s_is_a_total(read):
    c, said = read("我爷爷抗日老兵 我奶奶烈士遗属 俺家一个月三千多 到底是多少")
    assert c.total(said)


@pytest.mark.parametrize("text, months", [("两年一共多少", 24), ("半年呢", 6), ("一个季度能领多少", 3), ("3个月一共多少", 3),
                                          ("一年呢", None), ("开了半年了", None), ("半年合同", None), ("服役2年", None),
                                          ("干了两年 能领多少", None)])
def test_the_span_a_sum_is_asked_over_is_no_fact_told(read, text, months):
    c, said = read(text)
    assert c.span(said) == months


@pytest.mark.parametrize("text, people", [("团队五个人平分 每人至少多少", 5), ("平分给3个人呢", 3), ("我们3个人开店", None),
                                          ("1个人多少", None), ("俺们村五个老兵每人当了三年兵 一共多少", None),
                                          ("4个人每人能分多少", 4)])
def test_the_people_a_sum_is_shared_among(read, text, people):
    c, said = read(text)
    assert c.split(said) == people

