"""Every number a reply states comes from the plan or the citizen (bot/dialogue/provenance.py)."""
from __future__ import annotations

import pytest

from bot.dialogue.provenance import PLAN_YEARS, Provenance, stated_numbers
from bot.reading.normaliser import normalizer


@pytest.fixture(scope="module")
def check(measures):
    return Provenance(measures, PLAN_YEARS)


def test_a_figure_printed_in_the_cited_quote_is_explained(check):
    reply = "【抗日老兵生活补助】每年21060元\n计算：由每人每年19860元提高到21060元，增加1200元"
    assert check.unexplained(reply, set()) == []


def test_a_figure_from_another_provision_is_not_explained_by_this_ones_quote(check):
    # 5000 is printed in the plan (the start-up subsidy), but not in the veteran provision the reply cites
    assert check.unexplained("【抗日老兵生活补助】每年5000元", set()) == [5000.0]


def test_figures_of_another_provision_quoted_word_for_word_are_explained(check):
    quoted = ("【因公牺牲军人遗属抚恤补助】\n暖流计划关注十原文：“因公牺牲军人遗属由每人每年17860元提高到18460元、"
              "病故军人遗属由每人每年16890元提高到17490元；”")
    assert check.unexplained(quoted, set()) == []
    assert check.unexplained("【因公牺牲军人遗属抚恤补助】每年17490元", set()) == [17490.0]  # not quoted: not its


def test_a_conversion_and_a_total_are_explained_by_their_calculation(check):
    reply = ("· 抗日老兵生活补助：每年21060元（关注十）\n· 解放战争老兵生活补助：每年16120元（关注十）\n"
             "合计：21060元 + 16120元 = 每年37180元；每月约3098.33元")
    assert check.unexplained(reply, set()) == []


def test_a_sum_of_yearly_and_one_off_amounts_written_as_the_first_years_is_explained(check):
    reply = ("· 抗美援朝老兵生活补助：每年15780元\n· 绿色食品认证奖补：24000元（2万 + 2×0.2万 = 2.4万元）\n"
             "· 就业困难人员一次性创业补贴：5000元\n合计：每年15780元 + 一次性24000元 + 一次性5000元 = 头一年44780元\n"
             "出处：暖流计划关注十、关注五、关注六")
    assert check.unexplained(reply, set()) == []
    assert check.unexplained(reply.replace("头一年44780元", "头一年44790元"), set()) == [44790.0]


def test_a_percentage_within_a_written_calculation_is_the_share_it_names(check):
    """400元 × （1 + 8%） = 432元: the rise the citizen told (8%) is 0.08 of the allowance, not 8 times it."""
    reply = ("【六十年代精简退职职工生活补助】\n· 您二大爷：432元（按原来400元计，至少400元 × （1 + 8%） = 432元），最少432元\n"
             "出处：暖流计划关注十")
    assert check.unexplained(reply, {400.0, 8.0}) == []
    assert check.unexplained(reply.replace("432", "433"), {400.0, 8.0}) == [433.0]


def test_a_count_the_citizen_stated_explains_a_rate_times_it(check):
    reply = "【职业介绍补贴】合计1080元\n计算：180元 × 6人 = 1080元"
    assert check.unexplained(reply, stated_numbers(["免费给六个就业困难人员介绍了工作"])) == []
    assert 1080.0 in check.unexplained(reply, set())  # small counts (6) are always within two steps of 1 and 12


def test_a_household_income_times_the_dibao_rate_is_not_a_figure_of_the_plan(check):
    """The 低保 rule's 20% applied to what a citizen earns would be an invented entitlement."""
    reply = "【城区城市低保标准】每月约1337.77元"
    assert check.unexplained(reply, stated_numbers(["我家人均收入六千六百八十八点八五"])) == [1337.77]


def test_a_reply_citing_nothing_may_state_no_figure(check):
    assert check.unexplained("这个问题不在暖流计划的范围内。", set()) == []
    assert check.unexplained("您问的是哪一项补助？", {3.0}) == []
    assert check.unexplained("共37项措施", set()) == []  # the plan's headline
    assert check.unexplained("每月98765元", set()) == [98765.0]


def test_a_percentage_of_the_plan_applies_as_its_factor(check):
    reply = "【渔业资源增殖保护费降低】1900元\n计算：降低现行收费标准的5%；按2000元计，降低后为1900元"
    assert check.unexplained(reply, stated_numbers(["去年交了两千块保护费"])) == []


def test_a_quotient_is_matched_within_the_rounding_of_the_fen_only(check, measures):
    """With 10 measures cited, an invented amount must not pass as some figure divided by another."""
    titles = "".join(f"【{m.title}】" for m in measures if m.section == "关注十")
    assert check.unexplained(titles + "每年98765.43元", set()) == [98765.43]


def test_a_reply_that_shows_its_working_explains_a_three_step_total(check):
    reply = ("· 抗日老兵生活补助：每年21060元\n· 老义务兵生活补助：每月175元（25元 × 服役7年 = 每月175元）\n"
             "合计：21060元 + 2100元 = 每年23160元；每月1930元")
    assert check.unexplained(reply, stated_numbers(["服役7年"])) == []


def test_the_plans_years_may_be_named_but_not_computed_with(check):
    assert check.unexplained("【抗日老兵生活补助】2017年起每年21060元", set()) == []
    assert check.unexplained("【抗日老兵生活补助】每年4033元", set()) == [4033.0]  # 2016 + 2017


def test_only_the_citizens_latest_numbers_count_as_stated():
    many = ["，".join(str(n) for n in range(1000, 1100))]
    assert len(stated_numbers(many)) == 40


def test_a_span_said_in_words_vouches_for_its_months():
    """半年呢 / 两年一共: the reply reckons 2047.5元 × 6个月; the 6 and the 24 are the citizen's."""
    from bot.dialogue.provenance import stated_numbers
    assert {6.0, 24.0, 3.0} <= stated_numbers(["两年一共多少", "半年呢", "一个季度呢"])


def test_numbers_listed_with_spaces_are_each_stated():
    from bot.dialogue.provenance import stated_numbers
    assert {1.0, 4.0, 9.0} <= stated_numbers(["区内3家合作社初次获无公害认证 产品数分别为1 4 9 奖补合计"])


def test_a_sum_typed_in_traditional_characters_is_a_number_the_citizen_stated(measures):
    normalize = normalizer(measures)
    assert 500000 in stated_numbers([normalize("職務發明轉讓收益50萬 獎勵團隊最少多少")])


def test_a_part_of_a_sum_the_citizen_names_vouches_for_the_part(check, measures):
    normalize = normalizer(measures)
    reply = ("【科技成果转化收益奖励】最少700000元\n4成至少：700000元 × 4成 = 280000元\n"
             "剩下至少：700000元 − 280000元 = 420000元\n平分成3份，每份至少：420000元 ÷ 3 = 140000元")
    said = [normalize("成果转让收益一百万 奖励团队最少多少"), normalize("我拿四成 剩下三个骨干平分 每人多少")]
    assert 0.4 in stated_numbers(said) and check.unexplained(reply, stated_numbers(said)) == []


def test_a_share_among_people_told_one_by_one_is_explained_by_their_count(check, measures):
    normalize = normalizer(measures)
    said = [normalize("俺们街道统计：一个抗日老兵、一个解放战争老兵、一个抗美援朝老兵，一年总共发多少")]
    reply = ("· 抗日老兵生活补助：每年21060元\n· 解放战争老兵生活补助：每年16120元\n· 抗美援朝老兵生活补助：每年15780元\n"
             "合计：21060元 + 16120元 + 15780元 = 每年52960元\n3人平均，每人：每年52960元 ÷ 3 = 约17653.33元")
    assert 3.0 in stated_numbers(said) and check.unexplained(reply, stated_numbers(said)) == []
    assert 2.0 not in stated_numbers([normalize("一个抗日老兵一年多少")])
