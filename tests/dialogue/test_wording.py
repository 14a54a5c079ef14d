"""Replies: amount in digits and 元, condition, office, 关注N and quote, within 400 characters."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
import yaml

from bot import ROOT
from bot.dialogue.wording import (
    HANDOVER_OFFER,
    MAX_REPLY,
    RATING_OFFER,
    SCREEN,
    fit,
    needs_fact,
    reply,
    within,
)
from bot.plan.calculator import calculate
from bot.plan.facts import FactError, MissingFact
from bot.plan.numbers import figures
from bot.plan.summary import formula_text


def answer(measure, facts=None) -> str:
    try:
        return reply(calculate(measure, facts or {}))
    except FactError as error:
        return needs_fact(measure, error)


def test_every_measure_answers_within_400_characters_with_office_and_source(measures):
    for m in measures:
        text = answer(m)
        assert len(text) <= MAX_REPLY, m.id
        assert f"咨询：{m.department}" in text, m.id
        assert f"暖流计划{m.section}" in text and m.quote[:10] in text, m.id


def test_every_number_in_a_reply_comes_from_the_table_or_the_facts(measures):
    """No invented amounts: each figure said is a parameter, a figure of the quote, or arithmetic shown in steps."""
    for m in measures:
        text = answer(m)
        said = figures(text, numerals=False)
        known = figures(m.quote) | {float(n) for n in m.numbers}
        result_numbers = set()
        try:
            result = calculate(m)
            result_numbers = figures(" ".join(result.steps), numerals=False)
        except MissingFact:
            pass
        assert said <= known | result_numbers | {1.0}, (m.id, said - known - result_numbers)


def test_a_veteran_answer_reads_like_the_plan(by_id):
    text = answer(by_id["veteran_korean_war"])
    assert text.splitlines()[0] == "【抗美援朝老兵生活补助】每年15780元"
    assert "由每人每年14580元提高到15780元，增加1200元" in text
    assert "咨询：市民政局" in text
    assert "出处：暖流计划关注十“抗美援朝老兵由每人每年14580元提高到15780元”" in text


def test_a_computed_answer_shows_its_steps(by_id):
    text = answer(by_id["cert_green_food"], {"product_count": 5})
    assert "【绿色食品认证奖补】28000元" in text and "计算：2万 + 4×0.2万 = 2.8万元" in text


def test_a_measure_the_text_gives_no_office_for_says_so(by_id):
    assert "咨询：市人社局（计划牵头部门；原文未写明承办部门）" in answer(by_id["cert_green_food"], {"product_count": 2})


def test_a_missing_fact_is_asked_for_with_the_rule_not_guessed(by_id):
    text = answer(by_id["former_conscript"])
    assert "请告诉我服役年数" in text and "每服役一年每月25元（原20元）" in text
    assert not re.search(r"每月\d+元\n", text.splitlines()[0])  # no monthly total invented without years


def test_a_long_quote_is_shortened_to_fit(by_id):
    long = replace(calculate(by_id["veteran_korean_war"]), quote="抗美援朝老兵" * 100)
    text = reply(long)
    assert len(text) == MAX_REPLY and text.endswith("…”") and "咨询：市民政局" in text


def test_a_rule_without_figures_answers_with_its_text(by_id):
    text = answer(by_id["leave_to_start_business"])
    assert text.startswith("【科研人员离岗创业】\n暖流计划关注九原文：“鼓励市属高校")
    assert "人事关系和编制保留在原单位" in text and text.endswith("咨询：市人社局")


def test_a_fixed_amount_is_not_repeated_as_a_step(by_id):
    assert "计算：" not in answer(by_id["rural_ecommerce_point"])


@pytest.mark.parametrize(
    "measure_id, expected",
    [
        ("veteran_anti_japanese", "每年21060元（原19860元）"),
        ("former_conscript", "每服役一年每月25元（原20元）"),
        ("merit_addition", "三等功每月增加50元；二等功每月增加100元；一等功每月增加150元；个人荣誉称号每月增加200元"),
        ("cert_pollution_free", "0.3万元起，每增加1个产品加0.1万元，最高1万元"),
        ("startup_outlets", "每个网点1万至3万元"),
        ("startup_guarantee_loans", "全年发放创业担保贷款：1.5亿元；扶持创业：1万人；带动就业：3万人"),
        (
            "plan_overview",
            "具体任务：37项；增收对象：6类人群；预计惠及城乡居民：871.4万人次；总增收：37.9亿元；"
            "人均增收：435元；较2016年度增收标准提高：20.8%",
        ),
        ("transfer_income_reward", "不低于职务发明成果转让收益的70%"),
    ],
)
def test_operator_summary_states_each_measure_in_one_line(by_id, measure_id, expected):
    assert formula_text(by_id[measure_id]) == expected


def test_a_citizen_ruled_out_is_told_so_before_any_amount(by_id):
    from bot.plan.facts import NotEligible

    with pytest.raises(NotEligible) as raised:
        calculate(by_id["survivor_martyr_child"], {"age": 50})
    text = needs_fact(by_id["survivor_martyr_child"], raised.value)
    assert text.splitlines()[0] == "【烈士老年子女生活补助】按您说的情况，暂不符合条件。"
    assert "年满60周岁" in text.splitlines()[1]


def test_an_entitlement_list_fits_and_hands_the_rest_back_for_buttons(measures):
    from bot.dialogue.wording import entitlement_list
    from bot.plan.eligibility import Profile, entitlements

    found = entitlements(Profile(frozenset({"entrepreneur", "coop", "veteran", "graduate"})), measures)
    text, rest, _ = entitlement_list(found)
    assert len(text) <= MAX_REPLY and "其余几项见下面的按钮" in text
    assert rest and all(e.measure.title not in text for e in rest)
    assert "：（" not in text  # a rule without figures has no empty amount


def test_a_department_answer_for_a_rule_has_no_empty_content_line(by_id):
    from bot.dialogue.wording import department_reply

    text = department_reply(by_id["work_injury_benefits"])
    assert text.startswith("【工伤待遇标准提高】承办部门：市人社局\n出处：") and "内容：" not in text


def test_a_reply_grown_past_the_screen_is_cut_in_its_quote_and_never_inside_a_number():
    """A note or a second answer added after a reply was fit: the quote gives way first; cut at the end, a figure
    is dropped whole rather than left as another number (2457… is no 24570)."""
    quoted = "【烈士遗属抚恤补助】每年24570元\n出处：暖流计划关注十“" + "烈士遗属由每人每年23970元提高到24570元" * 3 + "”"
    cut = within(quoted, 60)
    assert len(cut) <= 60 and cut.startswith("【烈士遗属抚恤补助】每年24570元") and cut.endswith("…”")
    ended = within("合计：15780元 + 24570元 = 每年40350元", 30)
    assert len(ended) <= 30 and set(figures(ended)) <= {15780, 24570, 40350}


def test_a_quote_shortened_to_fit_ends_before_a_figure_it_cannot_show_whole():
    """The quote of a long answer is cut where the screen ends; were that inside 24570, the reply would quote a
    figure the plan never states (245…)."""
    before, head = ["【烈士遗属抚恤补助】每年24570元"], "出处：暖流计划关注十“"
    room = MAX_REPLY - len("\n".join([*before, head + "”"]))
    quote = "甲" * (room - 4) + "24570元" + "乙" * 50
    text = fit(before, head, quote, [])
    assert len(text) <= MAX_REPLY and text.endswith("甲…”") and set(figures(text)) == {10, 24570}  # 关注十: 10


def test_the_room_kept_for_the_offers_is_what_the_domain_sends():
    """The rating and the handover offers are read with the answer: the room kept for them is theirs in domain.yml."""
    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    sent = lambda name: len("".join("\n" + part for part in [responses[name][0]["text"],  # noqa: E731
                                                            *(b["title"] for b in responses[name][0]["buttons"])] if part))
    assert (RATING_OFFER, HANDOVER_OFFER) == (sent("utter_offer_rating"), sent("utter_offer_handover"))
    assert MAX_REPLY == SCREEN - RATING_OFFER
