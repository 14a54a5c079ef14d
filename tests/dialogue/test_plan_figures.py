"""Arithmetic on the plan's target figures (bot/dialogue/plan_figures.py), asked in conversation, without Rasa."""
from __future__ import annotations

import pytest

from bot.assistant import load_assistant
from tests.support.chat import Chat


@pytest.fixture(scope="module")
def assistant(db_path):
    return load_assistant(db_path)


@pytest.fixture()
def ask(assistant):
    """The replies' texts to a conversation, in order."""
    return lambda *turns: [reply.text for reply in Chat(assistant).conversation(*turns)]


def test_an_average_is_the_figure_named_over_the_one_named_after_mei(ask):
    *_, per_base, jobs = ask("创业孵化基地有多少户", "平均每个基地扶持几户", "平均每创业户带动就业多少人")
    assert "平均每个基地：3000户 ÷ 10户 = 300户" in per_base
    assert "7万人 ÷ 3000户 = 约23.33人" in jobs


def test_an_average_over_one_firm_is_taken_over_the_firms_not_over_the_households_helped(ask):
    """一户企业 names the ten bases' 户 (重点培育10户企业), not 扶持创业3000户: 3000 ÷ 10, never 10 ÷ 3000 = 约0户."""
    *_, per_firm = ask("创业孵化基地重点培育几户企业", "那平均一户企业扶持多少户创业")
    assert "3000户 ÷ 10户 = 300户" in per_firm


def test_an_average_of_money_per_household_or_person_divides_the_sum_in_yuan(ask):
    *_, per_home = ask("风险补偿基金出资多少 帮多少户", "平均每户合多少")
    *_, per_person, led = ask("创业担保贷款今年放多少 扶持几个人创业", "平均一人合多少", "一个创业的平均带动几个人")
    assert "6000万元 ÷ 1万名 = 6000元" in per_home
    assert "1.5亿元 ÷ 1万人 = 15000元" in per_person and "3万人 ÷ 1万人 = 3人" in led


def test_an_average_may_take_its_figure_from_the_target_asked_before_and_cites_it(ask, assistant):
    *_, per_park = ask("返乡农民工创业培训培训多少人", "认定几个市级示范园区", "平均一个园区合多少人")
    assert "5200人 ÷ 10个 = 520人" in per_park and "返乡农民工免费创业培训" in per_park
    assert not assistant.provenance.unexplained(per_park, set())  # 5200 is in a quote the reply cites


def test_per_capita_income_is_a_figure_of_the_plan_not_an_average_to_work_out(ask):
    *_, income = ask("暖流计划人均增收多少")
    assert "435元" in income and "÷" not in income
    *_, shared = ask("暖流计划总共增收多少钱", "摊到每个人呢")
    assert "÷ 435元" not in shared  # a sum of money is never averaged over another sum of money


def test_a_difference_multiple_and_share_of_named_figures(ask):
    *_, more = ask("今年开发多少就业岗位 城镇新增就业多少人", "岗位比新增就业多多少")
    _, times, share = ask("高技能领军人才 高级技师 技师各培养多少", "技师是高级技师的几倍", "领军人才占比")
    assert "13万个 − 11万人 = 20000个" in more
    assert "300名 ÷ 100名 = 3倍" in times and "200 ÷ （200 + 100 + 300） = 33.33%" in share


def test_a_total_adds_only_the_figures_named_together_and_never_money_with_people(ask):
    [sheds] = ask("贫困村那个蔬菜大棚跟温室一共建多少个 在多少个村")
    [jobs] = ask("孵化基地带动就业和创业担保贷款带动就业 加一块多少人")
    assert "100个 + 100栋 = 200个" in sheds and "74个 +" not in sheds
    assert "7万人 + 3万人 = 10万人" in jobs and "亿元 +" not in jobs and "+ 1.5亿元" not in jobs


def test_a_total_of_as_many_things_as_said_takes_all_of_them(ask):
    *_, three = ask("俺们妇女想学创业培训 多少人", "大学生和中小企业管理者培训各多少 三样加一块多少人")
    assert "= 9000人" in three and "= 8000人" not in three


def test_a_target_added_by_its_figure_joins_the_total(ask):
    *_, more = ask("创业培训里 大学生 妇女 中小企业管理者各培训多少", "一共多少", "再加上返乡农民工那5200呢")
    assert "6000人 + 1000人 + 2000人 + 5200人 = 14200人" in more


def test_a_total_of_people_over_measures_listed_adds_each_ones_figure_of_people(ask, assistant):
    [trained] = ask("方案里这几项培训加起来多少人 失业人员技能培训 返乡农民工创业培训 新型农业经营主体培训")
    assert "1万名城镇失业人员 + 5200人 + 4000名 = 19200人" in trained and "六个方面" not in trained
    assert not assistant.provenance.unexplained(trained, set())


def test_a_figure_the_plan_says_rose_by_a_percentage_is_worked_back_to_what_it_was(ask, assistant):
    *_, before, more = ask("暖流计划总增收多少", "那2016年的人均增收标准大概是多少", "人均增收比2016年多了多少钱")
    assert "435元 × 100 ÷ （100 + 20.8） = 约360.1元" in before and "435元 − 约360.1元 = 约74.9元" in more
    assert not assistant.provenance.unexplained(before, set()) and not assistant.provenance.unexplained(more, set())


def test_a_figure_compared_with_it_is_taken_against_the_last_targets_like_figure(ask):
    *_, less = ask("创业担保贷款一点五个亿 合多少万", "那个风险补偿基金比它少多少")
    assert "1.5亿元 − 6000万元 = 9000万元" in less


def test_the_per_head_figure_times_a_household_told(ask):
    [four] = ask("人均增收四百三十五 俺家四口人 按人均算能增收多少")
    assert "435元 × 4人 = 1740元" in four


def test_the_rest_of_a_targets_figures_without_the_one_left_out_are_added(ask):
    _, rest = ask("创业培训千人计划都培训哪些人 一共多少人", "不算妇女 其余的加起来")
    assert "合计：6000人 + 2000人 = 8000人" in rest
