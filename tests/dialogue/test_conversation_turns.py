"""One turn understood in its conversation (bot/dialogue/conversation.py), without Rasa: message and state in, reply out."""
from __future__ import annotations

import pytest

from bot.assistant import load_assistant
from bot.dialogue.context import Context, Line, Someone
from bot.dialogue.conversation import State
from bot.dialogue.provenance import PLAN_YEARS, Provenance, stated_numbers
from tests.support.chat import Chat


@pytest.fixture(scope="module")
def assistant(db_path):
    return load_assistant(db_path)


@pytest.fixture()
def talk(assistant):
    """A function (text, intent, state) → (reply, state after), as the action server runs a turn; its
    `conversation` runs turns in order."""
    def turn(text: str, intent: str = "ask_measure", state: State | None = None):
        chat = Chat(assistant, state=state)
        reply = chat.says(text, intent)
        return reply, chat.state

    turn.conversation = lambda *turns: Chat(assistant).conversation(*turns)
    return turn


def test_an_everyday_name_for_a_category_finds_its_measure(talk):
    reply, _ = talk("老八路一年给多少")
    assert "抗日老兵生活补助" in reply.text and "21060元" in reply.text


def test_a_question_read_as_telling_facts_is_still_answered_at_the_start_of_a_conversation(talk):
    """A masked phone number beside the question made the classifier read it as telling facts (inform)."""
    reply, _ = talk("电话138****5678，下岗了想创业有没有补贴", intent="inform")
    assert "一次性创业补贴" in reply.text and "5000元" in reply.text


def test_an_ambiguous_word_is_asked_about_with_buttons_never_guessed(talk):
    reply, _ = talk("老兵一年给多少钱")
    assert "哪一类老兵" in reply.text and not any(ch.isdigit() for ch in reply.text)
    assert ("抗美援朝老兵", "抗美援朝老兵一年给多少钱") in reply.buttons  # the question as typed, 老兵 made exact


def test_a_benefit_the_plan_does_not_have_is_said_plainly(talk):
    reply, _ = talk("今年冬天取暖补贴能给多少")
    assert "没有提到“取暖补贴”" in reply.text and "元" not in reply.text and reply.unanswered


def test_a_follow_up_about_a_benefit_the_plan_lacks_does_not_repeat_the_subject(talk):
    first, second = talk.conversation("烈士遗属现在一年多少", "那独生子女费呢")
    assert "24570元" in first.text and "没有提到“独生子女费”" in second.text


def test_a_follow_up_naming_part_of_a_category_switches_the_subject(talk):
    first, second, third = talk.conversation("解放战争老兵的补助标准是多少", "那抗日的呢", "俩差多少钱")
    assert "16120元" in first.text and "21060元" in second.text
    assert "相差：21060元 − 16120元 = 每年4940元" in third.text


def test_two_measures_answered_in_turn_add_up_when_asked(talk):
    *_, last = talk.conversation("我大爷是抗美援朝老兵，现在一年多少", "那我爸呢，他是解放战争的", "俩老头加一块一年多少")
    assert "合计：15780元 + 16120元 = 每年31900元" in last.text


def test_a_category_asked_about_before_does_not_refuse_the_measure_new_facts_point_to(talk):
    first, second = talk.conversation("抗日老兵每年补助多少", ("当兵八年今年七十二岁", "inform"))
    assert "21060元" in first.text
    assert "每月200元" in second.text and "不符合" not in second.text


def test_two_categories_said_in_one_message_are_each_answered(talk):
    reply, _ = talk("我是抗日老兵，当了八年义务兵，今年七十二岁，老义务兵补助能领多少")
    assert "每年21060元" in reply.text and "每月200元" in reply.text


def test_these_several_add_up_every_measure_answered_in_turn_and_these_two_the_last_two(talk):
    asked = ("抗日老兵每年补助多少", "那解放战争老兵呢", "抗美援朝老兵呢", "烈士遗属呢")
    *_, every = talk.conversation(*asked, "这几个加起来一年多少")
    assert "21060元 + 16120元 + 15780元 + 24570元" in every.text
    *_, two = talk.conversation(*asked, "这俩加起来多少")
    assert "15780元 + 24570元" in two.text and "21060元" not in two.text


def test_another_persons_facts_are_not_reused(talk):
    dad = Someone("爸", "您爸", facts={"service_years": 8, "age": 70}, measures=("former_conscript",))
    state = State(Context(people=(dad,), lines=(Line("former_conscript", "爸"),), focus="爸"))
    reply, after = talk("那我叔呢", "inform", state)
    assert "服役年数" in reply.text and "200元" not in reply.text and after.context.focus == "叔"


def test_a_rate_per_person_times_the_people_placed(talk):
    reply, _ = talk("俺是开职业中介的，免费给6个就业困难人员介绍了工作，都签了一年以上合同，能拿多少补贴")
    assert "180元 × 6人 = 1080元" in reply.text


def test_a_conditions_question_gives_the_conditions(talk):
    _, state = talk("一次性创业补贴多少钱")
    reply, _ = talk("要开多久才能领", "out_of_scope", state)
    assert reply.text.startswith("【就业困难人员一次性创业补贴】条件：") and "满6个月" in reply.text


def test_an_office_is_answered_with_its_duties_and_its_measures(talk):
    reply, _ = talk("市民政局在暖流计划里管什么")
    assert "市民政局的职责" in reply.text and "抗日老兵生活补助" in reply.text and len(reply.text) <= 400


def test_a_profile_lists_what_the_person_can_claim_not_the_citys_targets(talk):
    reply, _ = talk("我厂子黄了，下岗在家，能领什么", "ask_entitlements")
    assert "一次性创业补贴" in reply.text and "全年就业目标" not in reply.text and len(reply.text) <= 400


def test_an_age_said_without_sui_is_read_as_an_age(talk):
    reply, _ = talk("我是烈士的闺女，今年六十三了，每年有多少补助")
    assert "烈士老年子女生活补助" in reply.text and "4800元" in reply.text


def test_another_city_stays_out_of_scope_even_as_a_follow_up(assistant):
    state = State(Context(lines=(Line("survivor_martyr"),)))
    reply = Chat(assistant, state=state).says("那上海呢", "inform", elsewhere="place 上海")
    assert reply.response == "utter_out_of_scope" and reply.unanswered


def test_each_award_counts_the_products_said_beside_it(talk):
    reply, _ = talk("初次有3个产品拿了绿色食品认证，另外2个产品拿了无公害认证，一共能奖多少")
    assert "24000元" in reply.text and "4000元" in reply.text and "= 28000元" in reply.text


def test_the_measures_talked_about_are_asked_about_together(talk):
    *_, last = talk.conversation("病故军人遗属一年给多少", "那因公牺牲的呢", "这俩原来都是多少")
    assert "16890元" in last.text and "17860元" in last.text


def test_a_count_question_after_a_target_stays_on_it(talk):
    *_, last = talk.conversation("创业担保贷款全年发多少", "带动多少人就业")
    assert "创业担保贷款" in last.text and "3万人" in last.text


def test_of_two_periods_the_last_said_is_asked_for(talk):
    reply, _ = talk("二等功每月加100，一年下来多多少钱")
    assert "每年1200元" in reply.text


def test_the_old_standard_per_month(talk):
    *_, last = talk.conversation("抗日老兵一个月合多少钱", "那原来一个月呢")
    assert "1655元" in last.text


def test_a_named_measure_a_profile_rules_out_says_the_condition(talk):
    reply, _ = talk("我是烈士子女，今年才52，能领烈士老年子女那个补助不", "ask_entitlements")
    assert "暂不符合条件" in reply.text and "60周岁" in reply.text


def test_a_benefit_the_plan_lacks_beside_the_plans_name_is_said_to_be_missing(talk):
    reply, _ = talk("暖流计划里有冬天的取暖补贴吗，一户给多少")
    assert "没有提到“取暖补贴”" in reply.text and "元" not in reply.text


def test_a_word_several_measures_share_names_them_all(talk):
    reply, _ = talk("三品一标的奖补标准分别是多少")
    titles = ("无公害农产品认证奖补", "绿色食品认证奖补", "有机产品新认证奖补", "农产品地理标志登记奖补")
    assert all(t in reply.text for t in titles)


def test_the_plans_total_for_all_sites_uses_the_plans_own_count(talk):
    *_, last = talk.conversation("农村电商示范点今年建几个", "全建完的话补助一共得花多少")
    assert "50000元 × 20个示范点 = 100万元" in last.text


def test_the_one_of_yi_gong_is_no_count(talk):
    *_, last = talk.conversation("职业介绍补贴每人多少", "那一共得多少钱")
    assert "× 1人" not in last.text


def test_a_profile_question_naming_only_the_plan_lists_the_persons_measures(talk):
    reply, _ = talk("我是市属科研院所的研究员，暖流计划对我个人有啥实惠", "ask_entitlements")
    assert reply.text.startswith("按您说的情况") and "科技成果转化收益奖励" in reply.text


def test_how_to_apply_after_a_measure_is_about_it_and_bare_help_says_what_the_bot_covers(talk):
    _, state = talk("一次性创业补贴多少钱")
    reply, _ = talk("怎么申请", "help", state)
    assert "申请办法" in reply.text and "市人社局" in reply.text
    assert talk("你能干什么", "help")[0].response == "utter_help"


def test_a_per_person_standard_times_the_people_the_citizen_counts(talk):
    *_, last = talk.conversation("烈士老年子女一年多少", "俺们哥仨都过60了，都是烈士子女，一年一共多少")
    assert "4800元 × 3人 = 14400元" in last.text


def test_two_people_in_one_message_each_get_their_own_facts(talk):
    reply, _ = talk("我爸当兵6年，我叔当兵4年，都是义务兵，都70多了，每月各多少")
    assert "您爸：每月150元" in reply.text and "您叔：每月100元" in reply.text


def test_a_category_gets_its_own_measure_and_a_merit_told_next_adds_up_with_it(talk):
    first, second = talk.conversation(("我是抗日老兵，有什么待遇", "ask_entitlements"), ("我还立过二等功", "inform"))
    assert "每年21060元" in first.text
    assert "合计：21060元 + 1200元 = 每年22260元" in second.text


def test_the_people_answered_for_add_up_in_a_follow_up(talk):
    _, last = talk.conversation("我爸当兵6年，我叔当兵4年，都是义务兵，都70多了，每月各多少", "两个人一共多少")
    assert "合计：150元 + 100元 = 每月250元" in last.text


def test_each_award_reads_a_count_said_after_the_word_certified(talk):
    reply, _ = talk("我是农民合作社的，绿色食品认证了3个产品，无公害认证了2个，一共奖多少")
    assert "= 28000元" in reply.text


def test_a_list_states_the_plans_condition_instead_of_asking_for_a_number(talk):
    reply, _ = talk("我是下岗的，想开个小店，能领啥", "ask_entitlements")
    assert "条件：自领取营业执照之日起正常经营满6个月以上" in reply.text


def test_a_question_classed_as_help_that_names_a_measure_is_answered(talk):
    reply, _ = talk("市总工会在暖流计划里干啥", "help")
    assert "市总工会的职责" in reply.text


def test_another_persons_facts_stay_theirs(talk):
    *_, uncle, dad = talk.conversation("我爸当了8年义务兵，今年70岁，每月多少", "那我叔呢", "那我爸呢")
    assert "200元" not in uncle.text and "每月200元" in dad.text


def test_a_number_after_another_question_does_not_answer_an_old_request(talk):
    _, state = talk("老义务兵每月多少")
    assert state.context.requested == "service_years"
    _, state = talk("烈士遗属和病故军人遗属各多少", state=state)
    assert state.context.requested is None


def test_the_measures_of_the_last_reply_add_up_before_older_ones(talk):
    *_, last = talk.conversation("抗日老兵一年多少", "解放战争老兵呢", "烈士遗属和病故军人遗属各多少", "加起来多少")
    assert "24570元 + 17490元" in last.text


def test_an_ambiguous_word_is_asked_about_even_after_another_subject(talk):
    _, last = talk.conversation("烈士遗属一年多少", "那老兵呢")
    assert "哪一类老兵" in last.text


def test_a_cue_inside_a_longer_number_is_no_cue(talk):
    reply, _ = talk("老义务兵每月多少，服役21年，今年80岁")
    assert "每月525元" in reply.text and "折合每年" not in reply.text


def test_a_negative_bare_number_is_refused_not_read_as_positive(talk):
    _, state = talk("老义务兵每月多少")
    reply, _ = talk("-5", "inform", state)
    assert "不像实际情况" in reply.text


def test_a_question_after_a_list_is_answered_even_when_it_states_the_fact_the_list_asked_for(talk):
    _, last = talk.conversation(("我是老兵", "ask_entitlements"), "我外公是抗美援朝老兵，今年补助多少")
    assert last.text.startswith("【抗美援朝老兵生活补助】每年15780元（您外公）")


def test_a_dibao_household_starting_a_business_is_listed_the_start_up_subsidy(talk):
    reply, _ = talk("俺是吃低保的，想干点小买卖，有补贴吗", "ask_entitlements")
    assert reply.text.startswith("按您说的情况") and "一次性创业补贴" in reply.text


def test_a_household_asking_how_much_dibao_is_answered_about_dibao_not_listed(talk):
    reply, _ = talk("我家是低保户，人均收入一千，能领多少低保", "ask_entitlements")
    assert reply.text.startswith("【城区城市低保标准】") and "5000" not in reply.text


def test_traditional_where_to_apply_asks_for_the_office(talk):
    _, last = talk.conversation("抗美援朝老兵一年多少", "在哪兒申請")
    assert "承办部门：市民政局" in last.text


def test_a_count_before_the_award_name_is_the_product_count(talk):
    reply, _ = talk("俺家种了三个绿色食品，还有一个地理标志，合计奖多少钱")
    assert "24000元" in reply.text and "= 124000元" in reply.text


def test_a_word_for_every_kind_of_veteran_is_asked_about(talk):
    reply, _ = talk("退伍军人有啥补助")
    assert "哪一类老兵" in reply.text and len(reply.buttons) == 4


def test_a_list_adds_up_only_what_one_person_gets(talk):
    reply, _ = talk("我是退役军人，能领啥", "ask_entitlements")
    assert "合计" not in reply.text and "再告诉我：老兵或遗属的类别" in reply.text


# ---- sums and times people ask about (the dev sets' patterns, written from the plan)

def test_asked_of_the_time_a_requirement_is_met_the_figure_says_so(talk):
    replies = talk.conversation("我今年五十六 当了五年兵 是义务兵 还差几年能领", "到时候一个月多少")
    assert "还差4年" in replies[0].text
    assert "年满60周岁后" in replies[1].text and "125元" in replies[1].text and "不符合" not in replies[1].text


def test_a_group_told_member_by_member_is_summed_without_the_one_too_young(talk):
    [reply] = talk.conversation("俺们村五个老义务兵 一个六十五当了三年 一个七十当了五年 一个五十八当了四年 "
                                "一个七十七当了十年 一个六十二当了两年 一个月一共能领多少")
    assert "暂不符合" in reply.text and "每月500元" in reply.text


def test_those_a_count_leaves_out_are_taken_off_with_the_subtraction_shown(talk):
    [reply] = talk.conversation("职业介绍补贴 俺们中介今年免费给五十个困难的找着活了 都交了社保 有八个没签满一年 能领多少")
    assert "50人 − 8人 = 42人" in reply.text and "7560元" in reply.text


def test_asked_by_the_year_and_the_month_both_are_given(talk):
    [reply] = talk.conversation("抗日老兵与解放战争老兵 年标准差多少 月差多少")
    assert "21060元 − 16120元 = 每年4940元" in reply.text and "折合每月约411.67元" in reply.text


def test_a_fee_cut_says_what_is_paid_and_what_is_saved(talk):
    [reply] = talk.conversation("俺家养鱼的 那个增值保护费原来一年交三千六 降完了能省多少 还得交多少")
    assert "3420元" in reply.text and "少交180元" in reply.text and "原来的" not in reply.text


def test_sites_set_up_give_the_range_for_all_of_them(talk):
    replies = talk.conversation("XX区 设就业困难人员创业扶持网点6个 补贴区间", "更正为5个")
    assert "60000元" in replies[0].text and "180000元" in replies[0].text and "5000元" not in replies[0].text
    assert "50000元" in replies[1].text and "150000元" in replies[1].text


def test_an_unstated_detail_of_an_ambiguous_word_is_answered_not_clarified(talk):
    [reply] = talk.conversation("老兵那个补助啥时候发 每个月几号到账")
    assert "没写明发放时间" in reply.text and "元" not in reply.text


# ---- what an attack round found (each once gave a wrong figure or verdict)

def test_a_number_after_a_cooperative_counts_its_products_not_cooperatives(talk):
    [reply] = talk.conversation("合作社三个产品获绿色食品认证奖多少")
    assert "24000元" in reply.text and "72000" not in reply.text


def test_cooperatives_told_one_by_one_are_each_paid_for_their_own_products(talk):
    [reply] = talk.conversation("两家合作社 一家3个产品 一家5个产品 都是初次获绿色食品认证 一共奖多少")
    assert "24000元 + 28000元 = 52000元" in reply.text


def test_a_category_said_after_bu_shi_is_not_theirs(talk):
    [reply] = talk.conversation("我爸不是抗美援朝老兵 是解放战争老兵 一年多少")
    assert "16120元" in reply.text and "15780" not in reply.text


def test_she_is_never_the_speaker(talk):
    [reply] = talk.conversation("我和我老伴都是烈士老年子女 我61 她59 一年一共多少")
    assert "· 您：每年4800元" in reply.text and "您老伴：暂不符合" in reply.text


def test_a_named_persons_number_said_again_replaces_the_nearest_of_their_facts(talk):
    replies = talk.conversation("老张65当了3年兵 老李70当了5年兵 老王55当了2年兵 一共一个月多少", "老王说错了 是75")
    assert "老王：每月50元" in replies[1].text and "每月250元" in replies[1].text


def test_a_category_taken_back_leaves_the_total(talk):
    replies = talk.conversation("我爸是抗美援朝老兵 我妈是烈士遗属", "我妈说错了 不是遗属", "一年一共")
    assert "24570" not in replies[1].text and "24570" not in replies[2].text and "15780元" in replies[2].text


def test_a_veterans_widow_is_not_given_his_subsidy_as_hers(talk):
    [reply] = talk.conversation("我妈是抗美援朝老兵的遗孀 一年多少")
    assert "15780" not in reply.text and "没有写老兵的遗孀的补助" in reply.text


def test_a_half_year_contract_is_no_placement_paid_for(talk):
    [reply] = talk.conversation("职业介绍补贴 介绍了20人 签了半年合同")
    assert "暂不符合" in reply.text and "3600" not in reply.text


def test_a_number_too_long_to_mean_anything_gets_an_answer_not_a_crash(talk):
    """The attack round's 服役 + 400 nines: no figure is read, nothing is computed from it."""
    for nines in ("9" * 400, "九" * 400):
        reply, _ = talk(f"我服役{nines}年，一个月能领多少")
        assert reply.text and "inf" not in reply.text and "9" * 20 not in reply.text


def test_an_amount_asked_with_a_detail_the_plan_omits_gets_both(talk):
    """补贴金额 是否按月发: the 5000元 the plan states, and that it does not say how it is paid."""
    reply, _ = talk("一次性创业补贴的补贴金额是多少，是否按月发")
    assert "5000元" in reply.text and "发放时间和方式：暖流计划原文没写明，没有明确规定" in reply.text


def test_a_contracts_term_is_a_condition_not_an_application_deadline(talk):
    reply, _ = talk("职业介绍补贴 标准 合同期限要求 社保要求")
    assert "180元" in reply.text and "1年以上劳动合同" in reply.text and "没有写申请期限" not in reply.text


def test_every_merit_level_listed_is_answered_by_its_name_without_a_sum(talk):
    """三等功 二等功 一等功 个人荣誉称号 各增加多少 was answered for the first level only; no one holds all four, so
    the levels are not added up unless a sum is asked."""
    levels, by_year, summed = talk.conversation("立功加发 三等功 二等功 一等功 个人荣誉称号 每月各增加多少",
                                                "折合年增加分别", "三等功和二等功加起来每月多少")
    for level, month in (("三等功", 50), ("二等功", 100), ("一等功", 150), ("个人荣誉称号", 200)):
        assert f"· {level}：增加每月{month}元" in levels.text and f"每年{month * 12}元" in by_year.text
    assert "合计" not in levels.text and "合计" not in by_year.text
    assert "50元 + 100元 = 每月150元" in summed.text and "500元" not in summed.text


def test_a_wife_under_forty_told_only_as_unemployed_is_not_given_the_start_up_subsidy(talk):
    """媳妇 names a woman: at 38 she is no 大龄失业人员 (女满40周岁), so 5000元 would be a wrong verdict."""
    reply, _ = talk("我媳妇38岁，失业了，开店满8个月了，能领创业补贴吗")
    assert "暂不符合" in reply.text and "女，38岁" in reply.text


def test_a_counted_group_corrected_is_counted_anew(talk):
    """抗美援朝的老兵还剩俩 … 说错了，是三个: 3 × 15780元, not the 解放战争 veteran's line turned into another's."""
    first, corrected = talk.conversation("俺们村抗美援朝的老兵还剩俩 解放战争的一个 一年国家一共给他们多少",
                                         "说错了 抗美援朝的是三个")
    assert "15780元 × 2人 = 31560元" in first.text and "= 每年47680元" in first.text
    assert "15780元 × 3人 = 47340元" in corrected.text and "= 每年63460元" in corrected.text
    assert "还剩" not in first.text and "老兵2个的" not in first.text


def test_a_merit_is_not_subtracted_from_a_standard(talk):
    """要是抗日那个还立过三等功呢 一年差多少: 21060元 − 600元 compares nothing; no such 相差 is said."""
    _, merit = talk.conversation("抗日老兵跟抗美援朝老兵 现在一年差多少", "要是抗日那个还立过三等功呢 一年差多少")
    assert "20460" not in merit.text and "相差" not in merit.text


def test_two_merit_levels_compared_give_their_difference(talk):
    [reply] = talk.conversation("一等功比三等功一个月多多少")
    assert "100元" in reply.text


def test_the_amount_asked_beside_a_difference_is_said_once_per_line(talk):
    [reply] = talk.conversation("抗日老兵跟抗美援朝老兵 现在一年差多少 一个月差多少")
    assert reply.text.count("每年21060元") == 1 and "每年5280元" in reply.text and "每月440元" in reply.text


def test_old_and_new_monthly_standards_and_the_monthly_rise_are_all_answered(talk):
    [reply] = talk.conversation("烈士遗属 旧月标准 新月标准 月增")
    assert all(f in reply.text for f in ("每月1997.5元", "每月2047.5元", "每月增加50元"))


def test_floors_and_caps_add_up_when_a_sum_of_them_is_asked(talk):
    """设俩网点 (1至3万元 each) and a 1800元 referral subsidy: 加一块儿最少多少 最多多少 is 21800元 and 61800元;
    最少多少 is a floor asked, not the difference 少多少 inside it."""
    sites, _, both = talk.conversation("俺们街道想设俩创业扶持网点 能补多少",
                                       "还有个中介帮十个困难户找着活了 都签了两年合同交了保险 中介能拿多少",
                                       "加一块儿最少多少 最多多少")
    assert "10000元 × 2 = 20000元" in sites.text and "30000元 × 2 = 60000元" in sites.text
    assert "合计最少：20000元 + 1800元 = 21800元" in both.text and "合计最多：60000元 + 1800元 = 61800元" in both.text


def test_a_listed_group_is_summed_member_by_member_with_the_one_too_young_left_out(talk):
    first, old = talk.conversation("烈士老年子女 兄妹三人 66 62 57岁 年补合计", "按旧标准合计多少 涨了多少")
    assert "4800元 + 4800元 = 每年9600元" in first.text and "还差3年" in first.text
    assert "3600元 + 3600元 = 每年7200元" in old.text and "1200元 + 1200元 = 每年2400元" in old.text


def test_years_of_service_listed_for_a_group_are_each_members(talk):
    [reply] = talk.conversation("老义务兵三人 均满60 服役3 4 5年 月合计")
    assert "75元 + 100元 + 125元 = 每月300元" in reply.text


def test_a_relative_who_only_passes_on_a_correction_is_not_the_one_corrected(talk):
    """俺妈说他是解放战争的: 他 (the uncle) is 解放战争老兵; 妈 only tells it. Then 比抗日的少多少 compares his with 抗日."""
    _, corrected, compared = talk.conversation("俺大舅是抗日老兵 一年多少", "哦不是 俺妈说他是解放战争的 不是抗日",
                                               "那比抗日的少多少")
    assert "每年16120元（您大舅）" in corrected.text and "21060" not in corrected.text
    assert "21060元 − 16120元 = 每年4940元" in compared.text


def test_an_office_with_one_project_leaves_that_project_as_the_subject(talk):
    """林业局负责啥项目 — 计划发展多大面积: the follow-up is about the hazelnut project the office handles."""
    office, area = talk.conversation("林业局负责啥项目", "计划发展多大面积")
    assert "大果榛子" in office.text and "300公顷" in area.text and "职责" not in area.text


def test_a_sum_asked_with_its_own_how_much_after_a_rise_adds_the_amounts(talk):
    """涨了多少 — 俩人加一块一年多少: a question of its own (多少) asks the amounts; 一个月呢 would ask the rise again."""
    *_, both = talk.conversation("俺家老爷子参加过抗美援朝 一年给多少", "比原来涨了多少", "俺老丈人是抗日老兵 他呢",
                                 "俩人加一块一年多少")
    assert "15780元 + 21060元 = 每年36840元" in both.text


def test_a_person_swapped_in_who_is_of_another_group_gets_what_that_group_can_get(talk):
    """那我呢，贫困村种地的 after a researcher's question: a poor village's farmer, not a researcher."""
    *_, me = talk.conversation("我二姐在市属科研院所 想带着项目出去创业 编制咋办", "那我呢 贫困村种地的")
    assert "蔬菜大棚" in me.text and "离岗创业" not in me.text


def test_where_to_apply_asked_with_when_it_is_paid_says_both(talk):
    _, reply = talk.conversation("我爸是抗美援朝老兵 一年多少", "啥时候发钱 去哪领")
    assert "市民政局" in reply.text and "发放时间和方式：暖流计划原文没写明，没有明确规定" in reply.text


def test_placements_without_social_insurance_are_left_out_keeping_the_contract_said_of_all(talk):
    """都签了一年以上合同 … 有3个没交社保: the contract said of all still holds; 9 of 12 are paid for."""
    _, reply = talk.conversation("俺们中介免费介绍了12个就业困难人员 都签了一年以上合同 交了社保 能拿多少",
                                 "哦不对 有3个没交社保")
    assert "180元 × 9人 = 1620元" in reply.text


def test_someone_supposed_to_be_one_too_after_a_sum_is_added_to_it(talk):
    """俩人一共 — 要是我奶奶也是解放战争老兵呢: the sum of the three (48020), not her 16120 alone; 不算我奶奶 leaves
    her out again."""
    *_, also, without = talk.conversation("我姥爷是抗美援朝老兵，我爷爷是解放战争老兵", "一共",
                                          "要是我奶奶也是解放战争老兵呢", "那不算我奶奶，俩人一年一共")
    assert "15780元 + 16120元 + 16120元 = 每年48020元" in also.text
    assert "15780元 + 16120元 = 每年31900元" in without.text
    *_, alone = talk.conversation("我姥爷是抗美援朝老兵，我爷爷是解放战争老兵", "一共",
                                  "要是我奶奶也是解放战争老兵呢，她一年多少")
    assert "16120元" in alone.text and "48020" not in alone.text


def test_another_kind_supposed_of_someone_in_a_sum_takes_the_place_of_theirs(talk):
    """俩人一共 — 要是我爷爷是抗日的呢: his 21060 in place of his 15780, beside her 24570 (his two kinds were added
    and she was dropped); then 要是我奶奶是病故军人遗属呢: hers replaced the same way."""
    *_, his, hers = talk.conversation("我爷爷是抗美援朝老兵，我奶奶是烈士遗属", "俩人一年一共", "要是我爷爷是抗日的呢",
                                      "要是我奶奶是病故军人遗属呢")
    assert "21060元 + 24570元 = 每年45630元" in his.text
    assert "21060元 + 17490元 = 每年38550元" in hers.text


def test_a_correction_relayed_from_the_one_asked_is_of_the_one_spoken_of(talk):
    """不对，我问了我妈，他是解放战争的: 姥爷's kind corrected (16120); 我妈 is who was asked, not a new person."""
    _, corrected = talk.conversation("我姥爷是抗美援朝的老兵，一年多少", "不对，我问了我妈，他是解放战争的")
    assert "16120元（您姥爷）" in corrected.text and "15780" not in corrected.text


def test_another_death_supposed_of_a_named_survivor_changes_her_line_in_the_sum(talk):
    """阿嬤 (繁體 users' grandmother) 因公的 — 兩人一年合計 — 如果阿嬤是病故的呢，兩人合計: her 17490 in place of
    18460, beside her son's 4800."""
    turns = ("我阿嬤是軍人遺屬，一年領多少", "因公的", "我伯父是烈士老年子女，六十八歲", "兩人一年合計")
    *_, total, supposed = talk.conversation(*turns, "如果阿嬤是病故的呢，兩人合計")
    assert "18460元 + 4800元 = 每年23260元" in total.text
    assert "17490元 + 4800元 = 每年22290元" in supposed.text
    *_, bare = talk.conversation(*turns, "如果阿嬤是病故的呢")
    assert "17490元" in bare.text and "18460" not in bare.text
    *_, grandma = talk.conversation("我爷爷是抗美援朝老兵，我奶奶是因公牺牲军人遗属", "俩人一年一共", "如果奶奶是病故的呢")
    assert "15780元 + 17490元 = 每年33270元" in grandma.text


def test_adding_the_merit_just_answered_sums_it_with_the_rest_of_theirs(talk):
    """他立过三等功 加多少 (50) — 那加上三等功一个月总共多少: his 200 and the 50 (250), not the 50 again; 那加上
    二等功 … 总共: at the level said (200 + 100)."""
    turns = ("我爸当过义务兵，今年六十七了，每个月能领多少", "八年", "他当兵时候立过三等功，这个还能加吗，加多少")
    *_, added, year = talk.conversation(*turns, "那加上三等功一个月总共多少", "一年呢")
    assert "200元 + 50元 = 每月250元" in added.text and "每年3000元" in year.text
    *_, second = talk.conversation(*turns, "那加上二等功一个月总共多少")
    assert "200元 + 100元 = 每月300元" in second.text


def test_a_survivor_of_no_kind_named_with_a_sum_is_one_of_those_summed(talk):
    """俺老伴… (5000) — 俺大姑是遗嘱 俺二姑是病故军人遗属 俩人一共: the two aunts (遗嘱, voice input for 遗属), 大姑's
    kind asked first; 老伴's 5000 was summed in her place (22490)."""
    _, waits, summed = talk.conversation("俺老伴下崗了 執照辦了八個月 能領多少", "俺大姑是遗嘱 俺二姑是病故军人遗属 俩人一共",
                                         "因公牺牲的")
    assert "您大姑是哪一类" in waits.text and "5000" not in waits.text
    assert "17490元 + 18460元 = 每年35950元" in summed.text and "5000" not in summed.text


def test_an_operators_correction_splitting_a_counted_group_into_two_kinds_sums_both(talk):
    """抗日老兵 2人 年合计 (42120) — 改：解放战争1人 抗日1人: 16120 + 21060 = 37180, not 抗日 1人 alone; 3人 split
    as 解放战争2人 抗日1人 is 21060 + 2 × 16120."""
    _, split = talk.conversation("来电 男 抗日老兵 2人 年合计", "改：解放战争1人 抗日1人")
    assert "每年37180元" in split.text
    _, two = talk.conversation("抗日老兵 3人 年合计", "改：解放战争2人 抗日1人")
    assert "21060元 + 32240元 = 每年53300元" in two.text


def test_a_martyrdom_supposed_of_a_survivors_kind_gives_the_martyrs_survivors_standard(talk):
    """…军人遗属 — 因公牺牲 (18460) — 那要是评上烈士了呢: the 烈士遗属's 24570 (a martyr's death makes two kinds,
    遗属 and a child's 老年子女: of a 遗属, the first); 差多少: 6110."""
    *_, martyr, gap = talk.conversation("我婆婆是军人遗属，我公公当年在部队去世的，她一年有多少", "因公牺牲",
                                        "那要是评上烈士了呢", "差多少")
    assert "烈士遗属抚恤补助】每年24570元" in martyr.text
    assert "24570元 − 18460元 = 每年6110元" in gap.text


def test_a_count_of_people_said_as_a_clause_of_its_own_asks_the_sum_of_that_many(talk):
    """两个人一年 (19720) — 要是姥爷服役是六年呢，两个人: his six years, and the two of them (20320); 两个人 is no fact
    of his."""
    *_, supposed = talk.conversation("我爷爷是解放战争老兵，一年多少", "他立过一等功", "一年总共",
                                     "我姥爷是老义务兵，六十六，服役四年，立过三等功", "两个人一年",
                                     "要是姥爷服役是六年呢，两个人")
    assert "每年20320元" in supposed.text


def test_a_rise_asked_without_a_part_leaves_that_part_out(talk):
    """…全家一年 (with his 三等功) — 不算立功的部分，比去年多多少: the rises of the two standards (600 + 1200), the
    merit left out; 申請地點 asks the office."""
    *_, rise, where = talk.conversation("我外公是抗美援朝老兵，我外婆是病故軍人遺屬，一年各多少", "一共", "外公立過三等功",
                                        "那全家一年", "不算立功的部分，比去年多多少", "申請地點")
    assert "600元 + 1200元 = 每年1800元" in rise.text
    assert "市民政局" in where.text and "没有提到" not in where.text


def test_two_of_one_kin_word_are_the_two_of_them_spoken_of(talk):
    """二舅 (十年) … 三舅 (三年) — 两个舅舅一个月加起来: 250 + 75 = 325, not a new 舅 asked his years."""
    *_, both = talk.conversation("我二舅今年六十九，以前当过义务兵，补助怎么算", "十年", "我三舅也当过，六十四岁，当了三年",
                                 "两个舅舅一个月加起来")
    assert "250元 + 75元 = 每月325元" in both.text


def test_a_martyrs_son_said_without_de_is_a_martyrs_child_not_the_martyr(talk):
    """要是我爸也算上呢，他也是烈士儿子，六十五: 爸 is 烈士老年子女 (4800) beside the two before (34170); read as the
    martyr himself, he was left out and 我 made his child."""
    *_, added = talk.conversation("我老伯是烈士的儿子，今年六十一", "我太奶奶是那个烈士的妻子，还在，她一年多少",
                                  "我太奶奶和老伯一年加起来", "要是我爸也算上呢，他也是烈士儿子，六十五")
    assert "24570元 + 4800元 + 4800元 = 每年34170元" in added.text


def test_details_the_plan_never_states_are_said_unstated_without_repeating_the_amount(talk):
    """外地户口能领吗 / 发的时候会扣费用吗 / 几月份发, after an amount: the plan says none of these; its figure again
    would answer another question."""
    for asked, detail in (("外地户口能领吗", "户籍和居住地要求"), ("发的时候会扣什么费用吗", "是否扣除费用"),
                          ("每年几月份发", "发放时间和方式"), ("这三项需要每年年审吗", "是否需要年审")):
        _, reply = talk.conversation("俺爷爷是抗美援朝老兵 一年多少", asked)
        assert f"没写明{detail}" in reply.text and "元" not in reply.text, asked
    _, unsaid = talk.conversation("抗美援朝老兵一年多少", "这钱能用来干啥")
    assert "没写明资金用途" in unsaid.text and "元" not in unsaid.text
    _, used = talk.conversation("农村电子商务示范点一个补多少", "这钱能用来干啥")
    assert "装修" in used.text and "没写明" not in used.text  # the plan says it: 店面装修和网络软硬件设施补助
    for asked in ("我爸是长春户口，抗美援朝老兵，一年多少", "我丈夫在部队因公牺牲了，去世后补助有多少"):
        assert "没写明" not in talk.conversation(asked)[0].text, asked  # an amount asked, a life told


def test_when_a_time_starts_is_unstated_for_a_rise_and_stated_for_a_licence(talk):
    _, rise = talk.conversation("抗美援朝老兵一年多少", "这个增加的钱从几月份开始算")
    assert "没写明从哪个月开始执行" in rise.text and "元" not in rise.text
    _, licence = talk.conversation("就业困难人员一次性创业补贴要啥条件", "经营时间从啥时候开始算")
    assert "没写明" not in licence.text and "营业执照" in licence.text


def test_a_widow_who_says_my_man_fell_gets_the_martyrs_survivors_standard(talk):
    reply, _ = talk("我男人是打仗死的 评了烈士 我一年能拿多少")
    assert reply.text.startswith("【烈士遗属抚恤补助】每年24570元") and "4800" not in reply.text


def test_a_measure_named_of_him_is_answered_alone_not_summed_with_his_others(talk):
    _, business, agency = talk.conversation("俺儿子刚毕业找不着活 家里条件也不好 有啥帮扶没", "要是他自己干个买卖呢 能给多少",
                                            "找中介给他介绍工作 收钱不")
    assert business.text.startswith("【就业困难人员一次性创业补贴】")
    assert agency.text.startswith("【职业介绍补贴】") and "合计" not in agency.text and "免费" in agency.text


def test_three_kinds_of_a_word_answer_the_three_whose_title_holds_it_and_two_kinds_are_asked_which(talk):
    reply, _ = talk("三类遗属各增多少")
    assert reply.text.count("增加每年600元") == 3 and "烈士老年子女" not in reply.text
    which, _ = talk("两种遗属各增多少")
    assert "哪一类" in which.text and "600" not in which.text


def test_a_brothers_death_corrected_moves_his_wife_to_its_survivors_standard(talk):
    _, corrected = talk.conversation("俺大嫂是病故军人遗属 一年多少", "说错了 俺大哥是执行任务牺牲的 因工牺牲")
    assert corrected.text.startswith("【因公牺牲军人遗属抚恤补助】每年18460元（您大嫂）")


def test_a_correction_with_a_total_of_three_sums_the_two_before_as_well(talk):
    *_, three = talk.conversation("俺姥爷抗美援朝回来的 今年一年多少", "俺爷爷解放战争", "俺老丈人是抗日的",
                                  "哦不对 俺老丈人也是抗美援朝的 那仨人一年一共多少")
    assert "15780元 + 16120元 + 15780元 = 每年47680元" in three.text and "21060" not in three.text


def test_the_plans_name_said_in_passing_with_a_count_of_people_asks_their_total(talk):
    *_, both = talk.conversation("俺爹是抗日老兵", "俺叔是解放战争老兵", "俩人暖流计划这块一年一共")
    assert "21060元 + 16120元 = 每年37180元" in both.text


def test_a_group_word_of_the_asker_after_a_total_of_others_does_not_repeat_their_sum(talk):
    *_, office = talk.conversation("俺家情况多 俺爹抗美援朝 俺妈烈士子女六十三 俺自己五十二国企下岗想开店 都能领啥",
                                   "俺爹俺妈一年一共", "俺开店补贴找哪个部门")
    assert "20580" not in office.text and "15780" not in office.text


def test_a_question_asked_of_another_city_is_asked_here_by_naming_changchun_and_forgotten_otherwise(assistant):
    chat = Chat(assistant)
    there = chat.says("吉林市那边抗日老兵一年给多少", elsewhere="place 吉林市")
    here, month = chat.says("那长春呢"), chat.says("一个月呢")
    assert there.response == "utter_out_of_scope"
    assert here.text.startswith("【抗日老兵生活补助】每年21060元") and "1755元" in month.text
    chat = Chat(assistant)
    chat.says("哈尔滨的抗美援朝老兵一年多少", elsewhere="place 哈尔滨")
    other = chat.says("一个月呢")
    assert "15780" not in (other.text or "") and "1315" not in (other.text or "")


def test_these_asks_the_office_of_every_measure_answered_turn_by_turn(talk):
    *_, office = talk.conversation("无公害认证三个产品奖多少", "绿色食品两个产品呢", "这些找哪个部门")
    assert "无公害农产品认证奖补：" in office.text and "绿色食品认证奖补：" in office.text


def test_a_fee_the_plan_does_not_mention_is_said_to_be_unstated_and_one_it_does_is_answered(talk):
    *_, fee = talk.conversation("俺是种粮大户 政府有啥培训没", "要交钱不")
    assert "没写明是否收费" in fee.text and "元" not in fee.text
    [free] = talk.conversation("返乡农民工创业培训要钱吗")
    assert "免费" in free.text and "没写明" not in free.text


def test_a_bare_number_is_never_taken_for_a_group_or_a_category(talk):
    """88 (拜拜) after a list for a 大学生 became the groups' value, and the next turn failed (make soak found it)."""
    reply, state = talk("我是大学生，有什么扶持政策")
    for said in ("我爸今年73岁", "88", "一次性创业补贴多少"):
        reply, state = talk(said, state=state)
        assert reply.text or reply.response
    assert all(not isinstance(v, (int, float)) for k, v in state.context.facts.items() if k in ("groups", "group"))


def test_a_pension_is_no_measure_of_the_plan_even_after_a_veterans_question(talk):
    """养老金 held 老金 (read as a man named 老金) and 养老 (the care services' keyword): after 抗美援朝 it got
    the veteran's rise, a wrong figure."""
    _, pension = talk.conversation("我爸是抗美援朝老兵", "退休养老金涨多少")
    assert "没有提到“养老金”" in pension.text and "1200" not in pension.text


def test_two_people_added_up_with_liang_ren_include_the_one_asked_about_before(talk):
    *_, both = talk.conversation("我爸是抗美援朝老兵，今年八十五，一年能领多少", "一个月呢",
                                 "我妈是烈士的女儿 今年七十 俩人加起来一年多少")
    assert "= 每年20580元" in both.text


def test_two_values_of_one_fact_compared_give_the_difference_of_their_amounts(talk):
    """当十二年的比当八年的 一个月多拿多少: 300元 − 200元, not the 60元 rise of the 12-year conscript."""
    [reply] = talk.conversation("都是六十多的老义务兵 当十二年的比当八年的 一个月多拿多少")
    assert "300元 − 200元 = 每月100元" in reply.text and "60元" not in reply.text


def test_a_count_corrected_for_the_cooperative_a_measure_names_changes_only_its_line(talk):
    """绿色那个是过了四个 recounted the second co-op as a group of four people: 4 × 22000元, a wrong 94000元."""
    *_, fixed = talk.conversation(
        "俺们村两个合作社 一个头回无公害认证过了四个产品 一个头回绿色食品认证过了两个产品 俩一共多少奖补",
        "哦说错了 绿色那个是过了四个")
    assert "2万 + 3×0.2万 = 2.6万元" in fixed.text and "= 32000元" in fixed.text


def test_a_measure_corrected_for_a_numbered_cooperative_replaces_its_old_one(talk):
    listed, fixed = talk.conversation("区内3家合作社初次获无公害认证 产品数分别为1 4 9 奖补合计",
                                      "更正 第三家为初次绿色食品认证9个产品 合计")
    assert "= 19000元" in listed.text and "超过最高限额，按1万元计" in listed.text
    assert "第3个的绿色食品认证奖补：30000元" in fixed.text and "= 39000元" in fixed.text
    assert "第3个的无公害" not in fixed.text


def test_a_new_group_listed_after_numbered_cooperatives_is_not_taken_for_them(talk):
    *_, veterans = talk.conversation("区内3家合作社初次获无公害认证 产品数分别为1 4 9 奖补合计",
                                     "我们3个老义务兵，服役3 4 5年 一共")
    assert "认证" not in veterans.text and "第3位" in veterans.text


def test_a_fact_told_of_her_after_the_bot_asked_for_it_is_answered_not_called_out_of_scope(talk):
    """她今年七十二: its words (72) are none of the measure's, which made it 'of something else' like 他看病."""
    _, told = talk.conversation("我妈是烈士的女儿 能领多少", "她今年七十二")
    assert "4800元" in told.text and told.response != "utter_out_of_scope"


def test_a_difference_asked_again_by_the_month_stays_a_difference(talk):
    *_, monthly = talk.conversation("因公牺牲军人遗属和病故军人遗属 这俩现在一年差多少", "折到每个月差多少")
    assert "相差" in monthly.text and "80.83元" in monthly.text and "合计" not in monthly.text


def test_a_soldier_who_fell_ill_and_died_in_service_leaves_a_died_of_illness_survivor(talk):
    [reply] = talk.conversation("我爸在部队服役的时候得病去世了 我妈作为遗属一年补助多少")
    assert "病故军人遗属抚恤补助】每年17490元" in reply.text


def test_a_count_said_after_a_certification_without_the_word_products_is_its_products(talk):
    """绿色食品2个 took the 3 said of 无公害: a wrong 24000元."""
    first, fixed = talk.conversation("合作社今年初次拿了有机产品认证 又初次拿了无公害3个产品 绿色食品2个 一共多少",
                                     "说错了 无公害是12个产品")
    assert "2万 + 1×0.2万 = 2.2万元" in first.text and "= 77000元" in first.text
    assert "= 82000元" in fixed.text


def test_a_difference_asked_again_by_another_period_keeps_the_two_compared(talk):
    *_, yearly = talk.conversation("抗日老兵跟抗美援朝老兵 每个月差多少", "那解放战争的跟抗美援朝的呢", "一年差多少")
    assert "16120元 − 15780元 = 每年340元" in yearly.text and "抗日" not in yearly.text


def test_the_others_not_signed_are_taken_off_the_people_placed(talk):
    *_, paid = talk.conversation("职介补贴一人多少", "介绍了二十个 十五个签了一年以上合同交了社保 另外五个没签")
    assert "180元 × 15人 = 2700元" in paid.text


def test_a_floor_of_a_share_of_a_told_income_shows_its_calculation(talk):
    [least] = talk.conversation("俺们所转让一项专利收益三百二十万 奖励给骨干的最少多少")
    assert "最少224万元" in least.text and "按320万元计" in least.text


def test_the_products_an_award_told_was_for_and_the_products_to_the_cap(talk):
    told, cap = talk.conversation("绿色食品认证一次拿了两万四 是几个产品", "要拿满三万得几个")
    assert "拿24000元需要3个产品" in told.text and "需要6个产品" in cap.text and "3个产品" not in cap.text


def test_a_family_word_beside_one_measure_named_by_its_own_words_names_that_one(talk):
    """三品一标的 无公海认证: all four awards were listed and summed (a wrong 173000元)."""
    [reply] = talk.conversation("那个三品一标的 无公海认证 第一回一个产品给多少 俺们有六个产品呢 给多少")
    assert "3000元" in reply.text and "8000元" in reply.text and "绿色" not in reply.text and "合计" not in reply.text


def test_an_uncle_is_not_heard_as_the_survivors_word_it_sounds_like(talk):
    [reply] = talk.conversation("俺二叔五十七 当了八年义务兵 俺三叔六十三 当了三年义务兵 他俩现在谁能领 领多少")
    assert "您三叔：每月75元" in reply.text and "三属" not in reply.text


def test_the_difference_of_one_standards_new_and_old_is_its_rise(talk):
    [reply] = talk.conversation("因公牺牲军人遗属 新旧标准 年差 月差 涨幅百分比")
    assert "增加每年600元，折合每月50元" in reply.text and "3.36%" in reply.text


def test_an_age_said_right_after_whose_daughter_she_is_is_hers(talk):
    [reply] = talk.conversation("我爷和我奶 我爷是老义务兵八十了当了十二年兵 我奶是烈士的女儿七十八 俩人一个月一共多少")
    assert "= 每月700元" in reply.text


def test_what_a_term_covers_is_the_plans_sentence_listing_them_with_what_it_leaves_out(talk):
    covered, older = talk.conversation("就业困难人员都包括哪些人", "大龄是多大岁数")
    assert "残疾人" in covered.text and "享受城镇居民最低生活保障人员" in covered.text and "只列出了这5类" in covered.text
    assert "男满50周岁，女满40周岁" in older.text and "职业介绍补贴" not in covered.text + older.text


@pytest.mark.parametrize("turns, said", [
    (("我是烈士的外孙 今年六十一 能按烈士老年子女领每年那份补助吗",), "没有写烈士的外孙的补助"),
    (("我爷爷是抗日老兵 他一年能领多少", "那我是他孙女 我能不能也领一份"), "没有写孙女的补助"),
    (("我二舅参加过对越自卫反击战 今年六十二 暖流计划里对越老兵一年补多少",), "没有对越自卫反击战老兵的标准"),
    (("我大舅是解放战争老兵的儿子 今年六十五 他能按子女身份领补助吗",), "没有写老兵的儿子的补助"),
])
def test_a_person_the_plan_does_not_cover_is_told_so_with_no_amount(talk, turns, said):
    *_, reply = talk.conversation(*turns)
    assert said in reply.text and "元" not in reply.text


def test_a_person_the_plan_does_not_cover_is_told_so_beside_the_others_lines(talk):
    [reply] = talk.conversation("我爷爷是抗美援朝老兵 我姥爷是对越自卫反击战老兵 他俩一年各能领多少")
    assert "您爷爷" in reply.text and "15780元" in reply.text and "21060" not in reply.text
    assert "您姥爷：暖流计划的老兵补助只列了" in reply.text


@pytest.mark.parametrize("said, paid", [
    ("我们是有资质的职业中介 免费给12个就业困难人员介绍了工作 其中3个只签了半年合同 "
     "其余都签了两年合同还交了社保 能拿多少职业介绍补贴",
     "12人 − 3人 = 9人；180元 × 9人 = 1620元"),
    ("职介机构免费介绍15名就业困难人员就业 都签了三年合同 但有4个单位没给交社保 补贴多少", "15人 − 4人 = 11人"),
])
def test_placements_some_not_paid_for_are_taken_off_not_given_a_verdict(talk, said, paid):
    """其中3个只签了半年 was read as a count of 3 and a half-year contract for the agency: 暂不符合."""
    [reply] = talk.conversation(said)
    assert paid in reply.text and "暂不符合" not in reply.text


def test_is_that_right_asks_whether_a_figure_is_right_and_corrects_nothing(talk):
    """对不对 was read as 不对, and 一年一共 as a year of service: 8年 became 1年 (a wrong 300元)."""
    [reply] = talk.conversation("我妈六十五 是烈士老年子女 我爸六十七 当过八年义务兵 有人说他俩一年一共七千二 对不对")
    assert "25元 × 服役8年 = 每月200元" in reply.text and "= 每年7200元" in reply.text


def test_an_operators_grandparents_and_a_military_family_of_one_who_died_ill(talk):
    [reply] = talk.conversation("来电人 祖父 抗日 祖母 病故军属 年合计")
    assert "祖母的病故军人遗属抚恤补助：每年17490元" in reply.text and "= 每年38550元" in reply.text


def test_a_sum_over_years_a_half_year_or_a_quarter_is_the_amount_times_the_span(talk):
    _, two_years, half = talk.conversation("俺老伴抗美援朝老兵 俺是烈士老年子女 六十二了 俺俩一个月多少钱", "两年一共多少",
                                           "半年呢")
    [quarter] = talk.conversation("我爷爷解放战争老兵 一个季度能领多少")
    assert "1715元 × 24个月 = 41160元" in two_years.text and "1715元 × 6个月 = 10290元" in half.text
    assert "× 3个月 = 4030元" in quarter.text


def test_each_of_two_people_with_a_standard_and_a_merit_gets_their_own_sum(talk):
    [reply] = talk.conversation("我爷爷抗美援朝老兵立过三等功 我姥爷解放战争老兵立过一等功 两人每个月各多少钱")
    assert "您爷爷合计：1315元 + 50元 = 每月1365元" in reply.text and "每月约1493.33元" in reply.text
    assert "= 每月约2858.33元" in reply.text


def test_everyday_talk_after_a_measure_is_out_of_scope_not_the_measure_again(talk):
    _, weather = talk.conversation("绿色食品认证奖补多少", "今天天气怎么样")
    assert weather.response == "utter_out_of_scope"


def test_a_parent_with_a_veterans_category_of_their_own_is_not_made_a_survivor_of_their_fallen_child(talk):
    reply, _ = talk("我老伴是解放战争的老兵今年九十一了 我儿子当兵的时候病故了 我是病故军人遗属 俺俩加一块一年多少")
    assert "16120元 + 17490元 = 每年33610元" in reply.text and "51100" not in reply.text


def test_all_of_those_named_one_after_another_are_survivors_and_the_fallen_is_not(talk):
    reply, _ = talk("我儿子当兵因公牺牲了我和老伴都是因公牺牲军人遗属一人一年多少俺俩一共多少")
    assert "18460元 + 18460元 = 每年36920元" in reply.text and "您儿子" not in reply.text


def test_members_of_a_counted_group_with_their_own_merits_are_each_added(talk):
    _, year = talk.conversation("村里四个抗美援朝老兵 一个立过一等功 一个二等功 两个三等功 每个月一共比没立功的多多少钱",
                                "四个人一年总共能领多少")
    assert "第3至4位" in year.text and "= 每年67320元" in year.text


def test_asked_of_the_time_a_relative_comes_of_age_the_amount_is_given_not_out_of_scope(talk):
    _, then = talk.conversation("我姑姑五十七 是烈士老年子女 现在一年能领多少", "她满六十以后一年多少 一个月多少")
    assert "4800元" in then.text and "400元" in then.text


def test_two_people_with_several_lines_are_compared_by_their_sums(talk):
    _, apart = talk.conversation("我爷爷是抗美援朝老兵 立过三等功 我奶奶是烈士老年子女 今年八十", "他俩一年差多少")
    assert "相差：16380元 − 4800元 = 每年11580元" in apart.text


def test_asked_whether_the_plan_gives_a_figure_it_does_not_the_reply_says_so_and_states_none(talk):
    _, rural = talk.conversation("城区低保标准最低定在什么水平", "农村低保标准方案里给具体数了吗")
    assert "没写明具体数字" in rural.text and "元" not in rural.text
    given, _ = talk("抗日老兵的补助给具体数了吗")
    assert "21060元" in given.text


def test_a_cap_on_a_loan_the_plan_never_sets_is_said_to_be_unstated_with_no_figure(talk):
    _, cap = talk.conversation("今年创业担保贷款扶持多少人创业", "一个人最多能贷多少")
    assert "没写明" in cap.text and "元" not in cap.text


def test_how_long_a_measure_takes_is_answered_from_its_own_months(talk):
    _, months = talk.conversation("我是残疾人 想开个小卖店 有补贴吗", "得开多长时间才能领")
    assert "6个月" in months.text and "没有写" not in months.text


def test_the_fee_before_the_cut_is_worked_back_from_the_fee_paid_after_it(talk):
    before, _ = talk("养鱼的增殖保护费降了以后我交了1140 原来得交多少")
    assert "原来1200元，2017年降低到1140元" in before.text and "1140元 × 100 ÷ （100 − 5） = 1200元" in before.text


def test_the_fee_paid_now_with_the_fee_after_the_cut_asked_is_the_fee_before_it(talk):
    """我家现在一年交两千，降完交多少: 2000 is what is paid before the cut (1900 after), not after it (2105.26 before)."""
    _, after = talk.conversation("我家承包鱼塘，渔业资源增殖保护费降多少", "我家现在一年交两千，降完交多少")
    assert "按2000元计，降低后为1900元" in after.text and "2105" not in after.text


def test_the_fee_said_as_the_current_standard_is_the_fee_before_the_cut(talk):
    """现行标准 is the plan's own word for the fee the 5% cut applies to: 按现行标准一年一万二 is 12000 before it."""
    _, after = talk.conversation("渔业资源增殖保护费降了没", "俺家按现行标准一年一万二 今年降完交多少")
    assert "按12000元计，降低后为11400元" in after.text


def test_我整岔了_corrects_the_kind_and_is_said_by_no_one_the_question_is_about(talk):
    """不对不对 是解放战争的老兵 我整岔了: the speaker's slip, not a second person; 姥爷's kind is replaced."""
    _, fixed, month = talk.conversation("我姥爷打过抗美援朝 一年补助多少", "不对不对 是解放战争的老兵 我整岔了", "那每个月合多少")
    assert "16120元" in fixed.text and "15780" not in fixed.text and "1343.33元" in month.text


def test_a_sibling_kind_asked_with_its_figure_names_that_kind(talk):
    """病故的是一万七千四百九？ after 因公牺牲: 病故的 asks of the 病故军人遗属 as 那病故的呢 does."""
    _, other, apart = talk.conversation("因公牺牲军人遗属现在一年一万八千四百六对吧", "病故的是一万七千四百九？", "那俩差多少")
    assert other.text.startswith("【病故军人遗属抚恤补助】每年17490元") and "每年970元" in apart.text


def test_去年的标准差多少_after_a_difference_compares_the_standards_then(talk):
    """烈士遗属 rose 600, 烈士老年子女 1200: last year's standards differ by 20370, this year's by 19770."""
    *_, now, then = talk.conversation("烈士遗属一年多少", "烈士老年子女呢", "那俩差多少", "去年的标准差多少")
    assert "每年19770元" in now.text and "23970元 − 3600元 = 每年20370元" in then.text
    *_, each = talk.conversation("烈士遗属一年多少", "烈士老年子女呢", "那俩差多少", "跟去年比各差多少")
    assert "增加每年600元" in each.text and "增加每年1200元" in each.text and "相差" not in each.text


def test_a_term_said_with_的_inside_it_is_the_term(talk):
    """烈士的子女 is 烈士子女, 抗日的老兵 抗日老兵: people put 的 between the parts of the plan's terms."""
    reply, _ = talk("我是烈士的子女 今年六十二 一年有多少补助")
    assert reply.text.startswith("【烈士老年子女生活补助】每年4800元")
    reply, _ = talk("抗日的老兵一年补多少")
    assert "21060元" in reply.text


def test_a_count_told_after_the_cap_was_asked_asks_the_sum_of_that_count(talk):
    """那最多就给这些呗 asked the cap; 绿色食品要是初次认证俩产品呢 tells a count: its sum (22000), not the cap of
    both measures (俩 counts products here, no people to add up)."""
    *_, green, both = talk.conversation("俺们合作社今年头一回整无公害认证 有三个产品 能给多少钱", "那最多就给这些呗",
                                        "绿色食品那块儿要是初次认证俩产品呢", "就按三个无公害加两个绿色食品 一共多少")
    assert green.text.startswith("【绿色食品认证奖补】22000元") and "合计：5000元 + 22000元 = 27000元" in both.text


def test_a_count_supposed_for_one_measure_of_a_sum_changes_that_one(talk):
    """要是绿色食品有五个呢 总共: 5 of 绿色食品 (28000), 无公害 still 2 (4000)."""
    _, supposed = talk.conversation("合作社 无公害两个产品 绿色食品也两个产品 都是头一回 一共奖多少", "要是绿色食品有五个呢 总共")
    assert "合计：4000元 + 28000元 = 32000元" in supposed.text


def test_whether_a_brother_added_after_a_sum_can_claim_is_his_alone(talk):
    """还有个三哥五十九 当兵四年 能领不 after the two brothers' rise: his verdict with its threshold, no one's sum;
    then 哎不对 三哥是六十九 那他一个月多少 is his amount, not the rises asked before."""
    *_, whether, his, all_three = talk.conversation(
        "来电人说家里哥俩都是老义务兵 大哥七十 当兵五年 二哥六十五 当兵三年 每月各多少", "比旧标准一年多多少",
        "还有个三哥五十九 当兵四年 能领不", "哎不对 三哥是六十九 那他一个月多少", "哥仨一个月一共多少")
    assert "暂不符合" in whether.text and "还差1年" in whether.text and "元" not in whether.text.split("\n")[0]
    assert his.text.startswith("【老义务兵生活补助】每月100元（三哥）")
    assert "125元 + 75元 + 100元 = 每月300元" in all_three.text


def test_three_people_summed_without_the_merit_are_the_three_talked_about_not_the_last_answered(talk):
    """仨人的基本标准加起来 不算立功 after 姥爷 alone was answered: 爷爷, 奶奶 and 姥爷 without 爷爷's merit (28860)."""
    *_, without, added = talk.conversation(
        "我爷爷是抗日老兵 他今年一年标准多少", "他服役期间立过一等功 一个月再加多少", "我奶奶六十三 是烈士老年子女 她一年多少",
        "我姥爷六十七 当过十年义务兵 一个月多少", "姥爷一年呢", "仨人的基本标准加起来 不算立功 一年多少",
        "再加上爷爷立功的 一年一共多少")
    assert "21060元 + 4800元 + 3000元 = 每年28860元" in without.text and "1800" not in without.text
    assert "每年30660元" in added.text


def test_a_merit_asked_with_a_total_after_a_standard_is_added_to_it(talk):
    """抗美援朝老兵每月多少錢 — 那立過一等功的呢 每月一共: the veteran's month with the merit on top (1465), not the
    merit alone."""
    _, both = talk.conversation("抗美援朝老兵每月多少錢", "那立過一等功的呢 每月一共")
    assert "1315元 + 150元 = 每月1465元" in both.text
    _, levels = talk.conversation("抗日老兵一年多少", "三等功和二等功加起来一个月多少")
    assert "50元 + 100元 = 每月150元" in levels.text and "1755" not in levels.text  # two levels: of no standard


def test_都_with_我俩_tells_the_other_one_anew(talk):
    """媳妇's four months were told; 俺俩各开各的店 都干满半年了 makes hers six too (10000), while 我是国营厂子下岗的
    stays mine."""
    *_, both = talk.conversation("我媳妇四十三了 失业好几年 想开个小卖店 有创业补贴不", "执照刚办下来四个月 现在能申请不",
                                 "我原来是国营厂子下岗的 俺俩各开各的店 都干满半年了 一共能拿多少")
    assert "合计：5000元 + 5000元 = 10000元" in both.text
    *_, supposed = talk.conversation("我媳妇四十二岁 下岗好几年了 想开个小卖店 有创业补贴吗", "营业执照办下来才四个月 现在能领不",
                                     "我五十三 也失业了 要是俺俩各开一个店都干满半年 一共能领多少")
    assert "合计：5000元 + 5000元 = 10000元" in supposed.text
    *_, hers_kept = talk.conversation("我媳妇四十三了 失业好几年 想开个小卖店 有创业补贴不", "执照刚办下来四个月 现在能申请不",
                                      "我五十二 也开了个店 干了八个月了 俺俩都是下岗的 一共能拿多少")
    assert "还差2个月" in hers_kept.text and "10000" not in hers_kept.text  # 都 said of 下岗, not of the months


def test_the_plans_year_asked_after_another_year_answers_what_was_asked_of_that_one(assistant):
    """2018年抗日老兵的补助标准 is out of the plan (the NLU's scope guard says so); 那2017年的呢 asks the same of the
    plan's year (21060)."""
    chat = Chat(assistant)
    assert chat.says("2018年抗日老兵的补助标准是多少", elsewhere="year 2018").response == "utter_out_of_scope"
    assert chat.says("那2017年的呢").text.startswith("【抗日老兵生活补助】每年21060元")


def test_a_measure_named_for_someone_with_a_target_of_theirs_before_is_that_measure_alone(talk):
    """俺家在贫困村 建大棚 — 俺家贷款难，风险补偿基金多少: the fund (6000万元), not the plan's greenhouses again."""
    *_, fund = talk.conversation("俺家在贫困村，今年建大棚温室，全市多少个贫困村有", "建多少大棚，多少温室",
                                 "俺家贷款难，风险补偿基金多少")
    assert fund.text.startswith("【贫困农户贷款风险补偿基金】") and "大棚" not in fund.text


def test_each_category_counted_by_the_number_after_its_name(talk):
    """来电 抗日2人 抗美援朝1人 年合计: two of one war and one of the other (57900), not one of each (36840)."""
    reply, _ = talk("来电 抗日2人 抗美援朝1人 年合计")
    assert "抗日老兵生活补助（2位）：每年42120元" in reply.text and "42120元 + 15780元 = 每年57900元" in reply.text
    reply, _ = talk("抗日2人 抗美援朝1人 共3人 年合计")  # 共3人 is the sum's count, no category's
    assert "每年57900元" in reply.text
    reply, _ = talk("抗日、抗美援朝老兵各2人 年合计")
    assert "42120元 + 31560元 = 每年73680元" in reply.text


def test_another_level_asked_after_a_standard_with_a_merit_swaps_the_level_and_keeps_the_standard(talk):
    """抗日老兵 一等功 年? — 个人荣誉称号呢 年: the veteran with the honour's 200 a month instead (23460), not the honour
    alone."""
    _, swapped = talk.conversation("抗日老兵 一等功 年?", "个人荣誉称号呢 年")
    assert "21060元 + 2400元 = 每年23460元" in swapped.text
    _, alone = talk.conversation("抗日老兵 一等功 年?", "一等功单算 一年多少呢")
    assert alone.text.startswith("【立功优抚对象每月增发】每月150元，折合每年1800元")  # the same level, alone


def test_his_brother_is_one_more_person_not_the_one_before(talk):
    """他兄弟也是老义务兵 六十六 当了四年呢: the old man's brother, his own 100 a month; 哥俩 then sum both (225)."""
    *_, brother, both = talk.conversation("我家老爷子七十三了 当了五年义务兵 每个月给多少",
                                          "他兄弟也是老义务兵 六十六 当了四年呢", "哥俩一个月一共多少")
    assert "每月100元（他兄弟）" in brother.text and "125元 + 100元 = 每月225元" in both.text


def test_parents_summed_without_the_merit_then_with_it(talk):
    """请合计父母两人年度标准 不含立功增加部分 after 母亲 alone was answered: both parents without the father's merit
    (20580); 如含立功增加部分呢: with it (22380)."""
    *_, without, including = talk.conversation(
        "来电人反映其父系抗美援朝老兵 服役期间荣立一等功 询问每月增加标准", "来电人母亲系烈士老年子女 年满六十二周岁 询问年标准",
        "请合计父母两人年度标准 不含立功增加部分", "如含立功增加部分呢")
    assert "15780元 + 4800元 = 每年20580元" in without.text and "每年22380元" in including.text


def test_all_placements_said_to_have_signed_a_year_count_again(talk):
    """有的合同签了半年 算不算 — 那改成30个 都签了一年以上: the 30 with a year's contract each (5400), the half-year
    contract no longer theirs."""
    *_, recounted = talk.conversation("职业中介免费介绍就业困难人员就业 补贴一个人多少", "介绍了25个", "有的合同签了半年 算不算",
                                      "那改成30个 都签了一年以上 也交了社保")
    assert "180元 × 30人 = 5400元" in recounted.text


def test_a_count_corrected_for_one_category_of_a_listed_sum_changes_that_one(talk):
    """烈属1 因公遗属1 病故遗属1 年合计 — 改：烈属2人 年合计: two martyrs' families now (85090), the rest as they were."""
    _, recounted = talk.conversation("烈属1 因公遗属1 病故遗属1 年合计", "改：烈属2人 年合计")
    assert "49140元 + 18460元 + 17490元 = 每年85090元" in recounted.text


def test_one_of_a_counted_category_said_to_be_of_another_moves_to_it(talk):
    """抗日2人 月合计? — 改：其中1人是解放战争老兵 一年合计: one of each war (37180), not two of the first."""
    *_, moved = talk.conversation("抗日2人 月合计?", "同上 一年", "改：其中1人是解放战争老兵 一年合计")
    assert "21060元 + 16120元 = 每年37180元" in moved.text


def test_a_monthly_difference_of_yearly_standards_is_said_by_the_year_too(talk):
    """一个月差多少 of two yearly standards: 每月440元, and 折合每年5280元 as the plan states them."""
    _, monthly = talk.conversation("抗日老兵跟抗美援朝老兵一年差多少", "一个月差多少")
    assert "1755元 − 1315元 = 每月440元；折合每年5280元" in monthly.text


def test_a_count_after_a_measure_that_counts_its_own_things_is_no_headcount(talk):
    """职业介绍补贴12人: twelve placements (2160), not twelve agencies each paid for twelve (25920, a figure the plan
    never gives); only a category's standard is paid per head counted beside it."""
    reply, _ = talk("职业介绍补贴12人 一次性创业补贴3人 合计多少")
    assert "· 职业介绍补贴：2160元" in reply.text and "25920" not in reply.text


def test_each_per_head_subsidy_counts_the_people_said_after_its_own_name(talk):
    """职业介绍补贴12人 一次性创业补贴3人: three starters (15000), not the twelve placements said before (60000)."""
    reply, _ = talk("职业介绍补贴12人 一次性创业补贴3人 合计多少")
    assert "2160元 + 15000元 = 17160元" in reply.text


def test_a_callers_own_lines_are_one_person_in_a_sum_of_two(talk):
    """来电 老人抗日老兵 立过二等功 — 老伴是烈士遗属 — 两人全年合计: his standard and merit and her standard (46830), not
    his merit alone beside hers."""
    *_, both = talk.conversation("来电 老人抗日老兵 立过二等功 每月总共多少", "一年", "老伴是烈士遗属 一年多少", "两人全年合计")
    assert "21060元 + 1200元 + 24570元 = 每年46830元" in both.text


def test_a_correction_asking_the_sum_again_sums_everyone_of_the_last_sum(talk):
    """仨人全年合计 — 姥爷每月多少 — 不对 姥爷服役四年 全年合计重算: the three again with his four years (27060), and
    一等功 added to 爷爷 after it keeps 奶奶 (28860)."""
    *_, again, more = talk.conversation(
        "来电 一家三口老人 爷爷抗日老兵 奶奶烈士老年子女六十九岁 姥爷老义务兵服役两年七十五岁 全年合计", "姥爷每月多少",
        "不对 姥爷服役四年 全年合计重算", "爷爷还有一等功 再加上")
    assert "21060元 + 4800元 + 1200元 = 每年27060元" in again.text
    assert "= 每年28860元" in more.text


def test_another_of_the_same_kind_takes_the_place_of_its_like_in_a_sum(talk):
    """抗日老兵 一等功 年合计 — 那解放战争的呢: the other war's standard with the merit kept (17920); 绿色 加有机新认证 —
    有机要是第一年再认证呢 合计: the renewal in place of the new certification (34000)."""
    _, war = talk.conversation("抗日老兵 一等功 年合计", "那解放战争的呢")
    assert "16120元 + 1800元 = 每年17920元" in war.text
    _, renewal = talk.conversation("初次绿色食品认证三个产品 加上有机新认证 共多少", "有机要是第一年再认证呢 合计")
    assert "24000元 + 10000元 = 34000元" in renewal.text


def test_an_award_got_at_the_same_time_or_all_added_up_joins_the_sum(talk):
    """地理标志登记 — 同时初次拿了绿色食品认证 两个产品 一共: both (122000); after three awards summed, 绿色也有俩产品
    都加起来: all four (177000)."""
    _, also = talk.conversation("农产品地理标志登记奖补多少钱", "我们合作社同时初次拿了绿色食品认证 两个产品 一共能拿多少")
    assert "100000元 + 22000元 = 122000元" in also.text
    *_, everything = talk.conversation("来电 合作社 拿了地理标志登记 还拿了有机产品新认证 一共奖补多少",
                                       "还有无公害初次认证三个产品 再加上", "绿色食品初次认证也有俩产品 都加起来")
    assert "= 177000元" in everything.text


def test_people_named_with_their_own_merits_after_the_levels_are_asked_anew(talk):
    """二等功 三等功各加多少 — 我爸立了二等功我叔立了三等功 他俩一年一共: the two of them (1800), not the levels asked
    before summed in too (3600)."""
    _, theirs = talk.conversation("优抚对象荣立二等功的每月加多少还有三等功的",
                                  "我爸立了二等功我叔立了三等功他俩一年一共多加多少")
    assert "1200元 + 600元 = 每年1800元" in theirs.text and "3600" not in theirs.text


def test_the_one_asked_of_first_is_the_other_of_the_two(talk):
    """抗美援朝老兵一年多少 — 那我二大爷是解放战争的呢 — 他俩一共一个月: the standard asked first and his (约2658.33)."""
    *_, both = talk.conversation("抗美援朝老兵现在一年多少钱", "那我二大爷是解放战争的呢", "他俩一共一个月多少")
    assert "每月约2658.33元；折合每年31900元" in both.text


def test_a_sibling_asked_with_its_period_after_the_ne_is_that_one(talk):
    """因公牺牲军人遗属一年多少 — 病故的呢 一年: the 病故 standard (17490), not the first again."""
    _, other = talk.conversation("因公牺牲军人遗属一年多少", "病故的呢 一年")
    assert "17490元" in other.text


def test_a_terms_cover_asked_again_without_the_term_is_that_term(talk):
    """就业困难人员一共几类 — 都有哪些: the plan's list again; 女的多大算大龄失业 — 男的呢: the ages of both again."""
    _, listed = talk.conversation("就业困难人员一共几类", "都有哪些")
    assert listed.text.startswith("【就业困难人员】") and "5000" not in listed.text
    _, men = talk.conversation("女的多大算大龄失业", "男的呢")
    assert men.text.startswith("【大龄失业人员】") and "男满50周岁" in men.text


def test_kin_counted_in_one_word_are_paid_for_each(talk):
    """俺舅 — 俩老舅都这情况 一年一共: both uncles with his facts (5400); 他兄弟仨都是抗美援朝老兵: three (47340)."""
    *_, two = talk.conversation("俺老舅六十六 当了五年义务兵 服役时立过一回二等功 一个月能领多少",
                                "俩老舅都这情况 一年一共")
    assert "= 每年5400元" in two.text
    three, _ = talk("他兄弟仨都是抗美援朝老兵 一年一共多少")
    assert "15780元 × 3人 = 47340元" in three.text


def test_the_rural_labour_target_is_found_by_its_everyday_words(talk):
    reply, _ = talk("农村劳动力转移多少人次")
    assert "100万人次" in reply.text


def test_our_city_asked_after_another_is_the_standard_here(talk):
    """沈阳那边抗日老兵一年给多少 — 那咱长春的呢: 21060 (咱 is the city's, no one whose category is asked)."""
    _, here = talk.conversation("沈阳那边抗日老兵一年给多少", "那咱长春的呢")
    assert "21060元" in here.text


def test_which_body_certifies_is_the_condition_the_plan_names(talk):
    """地理标志登记 — 是哪个部门的登记: 农业部, as the condition says, not the office that pays."""
    _, body = talk.conversation("农产品地理标志登记奖补多少", "是哪个部门的登记")
    assert "农业部" in body.text
    _, both = talk.conversation("合作社有机产品新认证和农产品地理标志登记都拿了 合计奖补多少", "这两项是哪个部门的认证登记")
    assert "农业部" in both.text


def test_a_sum_asked_with_加起来_before_补助_names_no_benefit(talk):
    *_, whole = talk.conversation("村里想建农村电子商务示范点 补助多少", "一共建几个", "全部加起来补助多少钱")
    assert "100万元" in whole.text and "没有这一项" not in whole.text


def test_a_merit_level_said_short_is_that_level(talk):
    _, second = talk.conversation("荣立三等功的优抚对象一年能多几百", "二等的呢")
    assert "每年1200元" in second.text


def test_how_many_people_receive_a_standard_is_not_stated_and_no_sum_is_given(talk):
    """三类老兵 每人一年各涨多少 — 全市这三类老兵一共多少人: the plan does not say (their standards summed were a
    figure that answers nothing); 城镇新增就业一共多少人 is a count the plan does give (11万人)."""
    _, people = talk.conversation("抗日 解放 抗美援朝 三类老兵 每人一年各涨多少", "全市这三类老兵一共多少人")
    assert "没写明享受的人数" in people.text and "52960" not in people.text
    jobs, _ = talk("城镇新增就业一共多少人")
    assert "11万人" in jobs.text


def test_a_card_the_plan_never_names_is_not_in_it(talk):
    """长春老年公交卡咋办: no such item (老年 named the martyrs' elderly children before)."""
    card, _ = talk("长春老年公交卡咋办")
    assert "没有提到“公交卡”" in card.text and "4800" not in card.text


def test_a_tax_the_plan_never_names_is_not_in_it_and_tax_on_a_benefit_is_unstated(talk):
    tax, _ = talk("个人所得税专项附加扣除咋填")
    assert "没有提到“个人所得税”" in tax.text and "元" not in tax.text
    on_it, _ = talk("抗日老兵补助要交税吗")
    assert "没写明是否需要交税" in on_it.text


def test_villages_counted_after_the_askers_own_site_are_each_paid(talk):
    """俺村想建电商示范点 — 俺们乡三个村都建呢: three sites (150000)."""
    _, three = talk.conversation("俺村想建电商示范点 能补多少", "俺们乡三个村都建呢")
    assert "50000元 × 3个示范点 = 150000元" in three.text


def test_incomes_of_skilled_and_top_researchers_are_found_by_everyday_words(talk):
    skilled, _ = talk("提高技能人才收入 鼓励企业采取啥方式")
    assert "协议薪酬" in skilled.text and "持股分红" in skilled.text
    top, _ = talk("科研事业单位聘高端人才 薪酬咋定")
    assert top.text.startswith("【高端科研人员协议薪酬】")


def test_a_bare_count_beside_another_award_is_its_products(talk):
    """无公害 三个产品 — 要是十个产品呢 — 绿色食品认证的话 同样三个呢: three green products (24000), not the ten
    said last (capped at 30000)."""
    *_, green = talk.conversation("我们合作社头一回搞无公害认证，有三个产品都过了，能给多少奖补", "要是十个产品呢",
                                  "绿色食品认证的话 同样三个呢")
    assert "24000元" in green.text and "30000" not in green.text


def test_a_standard_asked_before_the_relative_is_told_of_is_theirs(talk):
    """抗美援朝老兵每年多少钱啊我爷爷今年八十七了 — 他立过二等功 — 都加起来一年: his standard and merit (16980)."""
    *_, both = talk.conversation("抗美援朝老兵每年补助多少钱啊我爷爷今年八十七了", "他立过二等功每个月还能加不",
                                 "都加起来一年多少")
    assert "15780元 + 1200元 = 每年16980元" in both.text


def test_年度_alone_asks_the_last_answer_by_the_year(talk):
    """义务兵 66岁 服役4年 月标准 — 服役年限更正为7年 — 年度: 2100 a year (it quoted the 低保 floor's 上年度)."""
    *_, yearly = talk.conversation("义务兵 66岁 服役4年 月标准", "服役年限更正为7年", "年度")
    assert "折合每年2100元" in yearly.text and "低保" not in yearly.text


def test_a_count_told_of_one_award_is_not_lent_to_one_added_at_the_same_time(talk):
    """职业介绍补贴介绍12人 — 同时获得一次性创业补贴 一共: the subsidy for one starter (7160), not twelve (62160);
    无公害 三个产品 — 同时初次获绿色食品认证: the green products are asked for, not taken to be the three."""
    _, also = talk.conversation("职业介绍补贴介绍12人多少", "同时获得一次性创业补贴 一共多少")
    assert "2160元 + 5000元 = 7160元" in also.text
    _, green = talk.conversation("无公害认证 三个产品 多少", "同时初次获绿色食品认证 一共多少")
    assert "请告诉我获证产品数" in green.text and "24000" not in green.text


def test_all_added_up_never_sums_the_plans_own_total_of_sites(talk):
    """电商示范点3个多少钱 — 绿色食品认证也有俩产品 都加起来: not the plan's 20 sites (100万) in the sum."""
    _, summed = talk.conversation("电商示范点3个多少钱", "绿色食品认证也有俩产品 都加起来")
    assert "100万" not in summed.text


def test_two_standards_of_no_one_are_not_one_persons_in_a_sum_of_two(talk):
    """抗日老兵 — 解放战争老兵 — 我妈是烈士遗属 — 俩人一共: never the two wars as one man's (61750)."""
    *_, both = talk.conversation("抗日老兵每年多少", "解放战争老兵每年多少", "我妈是烈士遗属", "俩人一共")
    assert "61750" not in both.text


def test_a_question_after_a_definition_asking_something_else_is_answered(talk):
    _, office = talk.conversation("就业困难人员包括哪些", "那找哪个部门呢")
    assert "市人社局" in office.text and not office.text.startswith("【就业困难人员】")


def test_an_explicit_new_certification_beside_next_years_renewal_is_kept(talk):
    reply, _ = talk("有机新认证 明年再认证 一共多少")
    assert "50000元 + 10000元 = 60000元" in reply.text


def test_a_standard_with_an_age_condition_does_not_take_its_likes_place_in_a_sum(talk):
    """抗日老兵和烈士遗属 一年合计 — 那烈士老年子女呢: 年满60周岁 is not summed away unsaid."""
    _, child = talk.conversation("抗日老兵和烈士遗属 一年合计多少", "那烈士老年子女呢")
    assert "60周岁" in child.text


def test_our_citys_dibao_is_the_floor_not_a_group_the_asker_is_of(talk):
    """咱长春低保多少: the city's floor (20% of the income), not the startup subsidy of a 低保 person (5000)."""
    reply, _ = talk("咱长春低保多少")
    assert reply.text.startswith("【城区城市低保标准】") and "5000" not in reply.text


def test_a_group_member_named_only_for_a_merit_leaves_the_group_counted_whole(talk):
    """我俩舅舅都是抗日老兵，大舅立过二等功: both uncles' 21060 and 大舅's 1200, never 大舅 alone (22260)."""
    reply, _ = talk("我俩舅舅都是抗日老兵，大舅立过二等功，每年一共多少")
    assert "42120元 + 1200元 = 每年43320元" in reply.text


def test_everyday_errands_outside_the_plan_get_no_nearest_measure(talk):
    """帮我挂个号 长春中心医院: 中心 is in the organic certification's sentence, but no one asks it (50000)."""
    for errand in ("帮我挂个号 长春中心医院明天上午的", "明天长春下雪不", "我想办结婚登记 去哪办"):
        reply, _ = talk(errand)
        assert reply.response == "utter_out_of_scope", errand


def test_an_errand_naming_the_asker_after_a_relatives_measure_is_out_of_scope(talk):
    """老伴 五年义务兵 — 帮我挂个号: no 老义务兵 subsidy of the asker's (it had asked for 您的服役年数)."""
    _, errand = talk.conversation("我老伴当过五年义务兵 今年六十八 一个月多少", "帮我挂个号")
    assert errand.response == "utter_out_of_scope"


def test_an_everyday_question_after_a_measure_is_not_answered_with_its_amount(talk):
    """抗日老兵多少 — 他看病能报销多少: the plan says nothing of his doctor's bills; not 21060 again."""
    _, doctor = talk.conversation("抗日老兵多少", "他看病能报销多少")
    assert doctor.response == "utter_out_of_scope"


def test_a_years_rise_of_one_measure_keeps_the_years_served(talk):
    """服役10年 — 义务兵那块比原来一年多多少: 一年 is the period (50元 a month, 600 a year), not one year served (5元)."""
    *_, rise = talk.conversation("俺爷 老义务兵 当了10年兵 七十八了 还立过一等功 一个月能拿多少", "光义务兵那块一个月",
                                 "义务兵那块比原来一年多多少")
    assert "600元" in rise.text and "增加每月5元" not in rise.text


def test_adjusted_by_how_much_asks_the_rise(talk):
    reply, _ = talk("抗日 解放 抗美援朝 三类老兵年调幅")
    assert reply.text.count("增加每年1200元") == 3


def test_another_person_of_the_household_is_summed_beside_the_one_before(talk):
    """老义务兵 服役4年 — 同户另一人 服役2年 — 两人合计月 — 合计年: 100 + 50 = 150 a month, 1800 a year."""
    *_, month, year = talk.conversation("老义务兵 68周岁 服役4年 月标准？", "同户另一人 61周岁 服役2年", "两人合计月",
                                        "合计年")
    assert "100元 + 50元 = 每月150元" in month.text and "1200元 + 600元 = 每年1800元" in year.text


def test_two_people_in_an_operators_total_are_no_group_of_the_last_kind(talk):
    """因公牺牲军人遗属 — 另有家属一人 抗日老兵 二人年合计: 18460 + 21060, not two 抗日老兵 (60580)."""
    *_, both = talk.conversation("来电 因公牺牲军人遗属 问年标准", "另有家属一人 抗日老兵 二人年合计")
    assert "18460元 + 21060元 = 每年39520元" in both.text


def test_a_correction_asking_a_total_after_a_rise_sums_the_amounts(talk):
    """比原标准共多多少 — 更正 叔服役是8年 重新合计: 15780 + 4800 + 2400, not the rises again."""
    *_, total = talk.conversation("来电 家里三位 父 抗美援朝老兵 母 烈士老年子女62岁 叔 老义务兵服役6年 66岁 问各自年标准",
                                  "比原标准共多多少", "更正 叔服役是8年 重新合计")
    assert "15780元 + 4800元 + 2400元 = 每年22980元" in total.text


def test_a_merit_added_after_a_rise_asks_the_sum_of_the_amounts(talk):
    """比原来一个月多多少 — 他还立过三等功 加上一个月多少: 125 + 50 = 175, not the rises (75)."""
    *_, total = talk.conversation("我老伴当过五年义务冰 今年六十八 一个月多少", "比原来一个月多多少",
                                  "他还立过三等功 加上一个月多少")
    assert "125元 + 50元 = 每月175元" in total.text


def test_rises_of_two_people_together_are_summed(talk):
    *_, rises = talk.conversation("烈士遗属和抗日老兵 谁的标准高", "两人今年一起涨了多少")
    assert "600元 + 1200元 = 每年1800元" in rises.text


def test_two_awards_named_with_an_addition_between_them_are_summed_alone(talk):
    """有机新认证 — 第一年再认证的呢 — 新认证有机的 再加上地理标志登记 一共: 150000, no re-certification in it."""
    *_, total = talk.conversation("有机产品认证 新认证的组织奖多少", "第一年再认证的呢",
                                  "新认证有机的 再加上地理标志登记 一共能拿多少")
    assert "50000元 + 100000元 = 150000元" in total.text and "10000元 +" not in total.text


def test_i_asked_wrong_corrects_the_one_spoken_of_not_the_asker(talk):
    """我舅 五十九 — 不对 我问错了 他今年六十一了: 61 is 舅's age, so he has the 4800 now."""
    *_, both = talk.conversation("我姥爷是解放战争老兵 一年多少钱", "我舅是烈士的儿子今年五十九 能领烈士老年子女补助不",
                                 "不对 我问错了 他今年六十一了", "那他俩一年一共多少")
    assert "16120元 + 4800元 = 每年20920元" in both.text


def test_a_product_told_without_its_one_is_the_next_awards_one_product(talk):
    """无公害认证 两个产品 另外还有个产品头一回拿了绿色食品认证: 4000 + 20000, not green for two (22000)."""
    reply, _ = talk("俺们合作社今年头一回无公害认证 两个产品 另外还有个产品头一回拿了绿色食品认证 一共能拿多少")
    assert "4000元 + 20000元 = 24000元" in reply.text


def test_an_award_also_won_is_added_to_everything_summed_before(talk):
    """绿色 + 有机新认证 一共 — 地理标志也整下来了呢 都加起来: 170000, 有机 not swapped out for 地理标志."""
    *_, total = talk.conversation("咱合作社种大米的 头回整绿色十品认证 就一个产品 给多少", "那有机的新认证呢",
                                  "俩都整了一共", "地理标志也整下来了呢 都加起来")
    assert "= 170000元" in total.text


def test_last_year_told_as_when_an_award_was_won_asks_no_old_figure(talk):
    """去年刚弄的无公害认证 就一个产品 能给多少钱: 3000 for the one product, not the range of an old standard."""
    reply, _ = talk("我家是农民合作社去年刚弄的五公害认证初次就一个产品想问问能给多少钱还有地里标志登记的给多少")
    assert "3000元 + 100000元 = 103000元" in reply.text


def test_an_earlier_years_target_is_not_answered_with_2017s(talk):
    """2016年暖流计划惠及多少人: the plan states 2017's figures only; 871.4万 is no answer for 2016."""
    earlier, later = talk.conversation("2016年暖流计划惠及多少人", "2017年呢")
    assert "没有写往年" in earlier.text and "871.4万人次" not in earlier.text.split("出处")[0]
    assert "871.4万人次" in later.text


def test_both_of_we_two_opening_shops_are_summed(talk):
    """我 52 下岗 想开店 — 俺媳妇45 也失业了 — 俺俩都开店 一共: 5000 each, the asker's too, not the wife's alone."""
    *_, both = talk.conversation("我五十二了 男的 下岗失业好几年了 想自己开个小卖店 有啥补贴没",
                                 "那俺媳妇四十五 也失业了 她能领不", "俺俩都开店 一共能领多少")
    assert "5000元 + 5000元 = 10000元" in both.text


def test_a_figure_asked_to_be_confirmed_is_said_right_or_wrong(talk):
    """现在是两万一千零六十对吗: 对; 一万六对吧: 不对, and the plan's figure; 是不是 takes no number as a fact."""
    right, rise = talk.conversation("抗日老兵原来一年一万九千八百六 现在是两万一千零六十对吗", "那就是涨了一千二是吧")
    assert right.text.startswith("对。") and rise.text.startswith("对。")
    wrong, _ = talk("抗美援朝老兵一年是一万六对吧")
    assert wrong.text.startswith("不对") and "15780元" in wrong.text
    _, year = talk.conversation("我爸当了8年义务兵 68了 一个月200对吗", "一年是2400是不是")
    assert year.text.startswith("对。") and "每年2400元" in year.text


@pytest.mark.parametrize("asked", ["抗日老兵现在一年是19860对吗", "烈士遗属一年是不是600", "抗日老兵一年涨了21060是吧",
                                   "合作社初次拿了无公害认证 十个产品 是不是一万二", "我开店投了十万，是不是能领创业补贴"])
def test_a_figure_of_another_kind_or_no_sum_gets_no_verdict(talk, asked):
    """The old standard, the rise or an uncapped step asked as the amount, or money spent: no 对 and no 不对."""
    reply, _ = talk(asked)
    assert not reply.text.startswith(("对", "不对"))


def test_a_sum_just_worked_out_is_confirmed_in_a_follow_up(talk):
    """绿色 3个产品 — 有机新认证再加上呢 一共 — 是七万四对吧: 对, and the sum again (not out of scope)."""
    *_, confirmed = talk.conversation("绿色食品认证 三个产品 给多少", "有机新认证再加上呢 一共", "是七万四对吧")
    assert confirmed.text.startswith("对。") and "= 74000元" in confirmed.text


@pytest.mark.parametrize("asked", ["地理标志登记给十万一次性的对吧", "俺村建了个电商示范点，装修花了八万，是不是给5万",
                                   "全市电商示范点一共给多少，是不是100万"])
def test_the_sum_beside_the_confirming_words_is_the_one_confirmed(talk, asked):
    reply, _ = talk(asked)
    assert reply.text.startswith("对。")


def test_one_ruled_out_after_a_follow_up_is_told_without_the_plans_sums(talk):
    """那我舅呢 他五十八 也是烈士子女: 暂不符合, and no 3600元 / 4800元 of the quote beside a verdict of no sum."""
    *_, uncle = talk.conversation("我妈是烈士的闺女 今年六十三了 有啥补助不", "涨了百分之多少", "那我舅呢 他五十八 也是烈士子女")
    assert "暂不符合" in uncle.text and "元" not in uncle.text


def test_one_off_awards_in_a_sum_say_they_are_paid_once(talk):
    reply, _ = talk("我们合作社同时拿了有机新认证和地理标志 一共能拿多少")
    assert "有机产品新认证奖补：一次性50000元" in reply.text and "农产品地理标志登记奖补：一次性100000元" in reply.text


def test_reaching_the_age_asks_the_sum_then(talk):
    """俺今年五十七 — 到六十了一年给多少: 4800 from then on, not 暂不符合 again."""
    _, then = talk.conversation("俺是列士子女 俺爹是烈士 俺今年五十七 能领那个老年子女的补助吗", "到六十了一年给多少")
    assert "每年4800元" in then.text and "暂不符合" not in then.text


def test_a_site_built_is_one_site_added_to_the_awards_sum(talk):
    """有机新认证 + 地理标志 — 它还建了个农村电商示范点 再加上 — 要是再有一个产品初次拿了绿色食品认证呢: one site's
    50000 (not the plan's 20 sites, 100万), then one product's 20000 more."""
    *_, site, green = talk.conversation("一个合作社 有机产品新认证 还有地理标志登记 一共奖补多少",
                                        "它还建了个农村电商示范点 再加上补助呢", "要是再有一个产品初次拿了绿色食品认证呢")
    assert "= 200000元" in site.text and "= 220000元" in green.text


def test_the_citys_sites_after_ones_own_are_the_plans_twenty(talk):
    *_, city = talk.conversation("俺们村弄了个电商示范点 装修加网络设备花了八万 能给补八万不", "全市一共建几个 总共补多少钱")
    assert "20个示范点 = 100万元" in city.text


def test_both_awards_at_their_caps_summed_is_the_sum_of_the_caps(talk):
    """几个产品能拿满 — 无公害和绿色食品都拿满一共多少: 10000 + 30000 (拿满1共 is no 1元 told)."""
    _, both = talk.conversation("无公害认证初次几个产品能拿满", "无公害和绿色食品都拿满一共多少")
    assert "10000元 + 30000元 = 40000元" in both.text


def test_review_mends_keep_last_year_years_served_and_everything_summed(talk):
    """去年拿的是多少 asks the old figure; 服役8年涨了多少钱 keeps the 8 years; 都算上 keeps the award told before;
    同户另一人 keeps a named person's line; 还建了个示范点 一共 adds one site."""
    last, _ = talk("抗日老兵去年拿的是多少")
    assert "原来每年19860元" in last.text
    rise, _ = talk("俺爹老义务兵服役8年涨了多少钱 今年70")
    assert "每月增加40元" in rise.text
    _, every = talk.conversation("绿色食品认证3个产品给多少", "有机新认证 再加上地理标志 都算上一共多少")
    assert "24000元 + 50000元 + 100000元 = 174000元" in every.text
    _, both = talk.conversation("我爸抗日老兵 一年多少", "同户另一人 解放战争老兵 年合计")
    assert "21060元 + 16120元 = 每年37180元" in both.text
    _, site = talk.conversation("我们合作社有机新认证给多少", "它还建了个农村电商示范点，一共多少")
    assert "50000元 + 50000元 = 100000元" in site.text


def test_items_of_a_target_asked_one_by_one_then_added_to_are_all_summed(talk):
    """大学生创业培训多少人 — 妇女的呢 (its 1000人, not the quote) — 加上中小企业管理者一共: 9000, 培训 (a word all
    three share) naming none of them."""
    _, women, total = talk.conversation("大学生创业培训今年培训多少人", "妇女的呢", "加上中小企业管理者一共培训多少人")
    assert "妇女创业培训：1000人" in women.text
    assert "6000人 + 1000人 + 2000人 = 9000人" in total.text


def test_years_said_when_the_age_was_asked_are_the_years_served(talk):
    """不对是四年 after the bot asked an age corrects the years served (4年 is no age of 4)."""
    _, years = talk.conversation("我姥爷当了六年义务兵 一个月多少", "不对是四年")
    assert "25元 × 服役4年" in years.text and "年龄" in years.text and "4岁" not in years.text  # the age still
    # asked, never taken from 4年


def test_an_operators_she_before_a_kin_word_is_the_caller(talk):
    """来电人问 她父亲是烈士 她今年五十五: the caller is 55 (her father is the martyr); 她说搞错了 是六十五 corrects her
    age."""
    first, again = talk.conversation("来电人问 她父亲是烈士 她今年五十五 有没有烈士老年子女补助", "她说搞错了 是六十五")
    assert "您55岁，还差5年" in first.text and "父亲" not in first.text
    assert "每年4800元" in again.text


def test_years_of_work_said_in_a_talk_of_years_served_are_years_served(talk):
    """我姥爷义务兵干了七年 — 我爷爷干了三年 六十五: his 3 years are served (75元), not a shop's 36 months; said first,
    with a shop, they stay months of business."""
    _, grandpa, both = talk.conversation("我姥爷义务兵干了七年 今年八十一 一个月多少", "我爷爷干了三年 六十五",
                                         "俩人一个月一共")
    assert "25元 × 服役3年 = 每月75元" in grandpa.text and "创业" not in grandpa.text
    assert "175元 + 75元 = 每月250元" in both.text
    shop, _ = talk("我低保户 开店干了一年 一次性创业补贴能领吗")
    assert "5000元" in shop.text


def test_the_second_one_corrected_is_the_second_person_told(talk):
    """老义务兵 71岁 服役4年 — 另一位 68岁 服役2年 — 不对第二位是服役三年: 另一位's years become 3 (75元); no third
    person 第2位 joins the sum."""
    _, _, corrected = talk.conversation("老义务兵 71岁 服役4年 月补", "另一位 68岁 服役2年 俩人月补合计",
                                        "不对第二位是服役三年")
    assert "100元 + 75元 = 每月175元" in corrected.text and "第2位" not in corrected.text


def test_an_award_won_again_joins_the_sum_before(talk):
    """要是又拿了地理标志呢 一共 after two awards summed adds it to them (127000), not 地理标志 alone."""
    *_, three = talk.conversation("合作社初次三个产品无公害认证 两个产品初次绿色食品认证 各多少", "一共多少",
                                  "要是又拿了农产品地理标志登记呢 一共多少")
    assert "5000元 + 22000元 + 100000元 = 127000元" in three.text


def test_a_survivor_compares_her_own_standard_and_returns_to_it(talk):
    """病故军人遗属 — 咋比因公牺牲的少呢 差多少: 18460 − 17490 = 970 (not 因公's own rise); 比俺多多少 then 俺这个一个月呢:
    her own standard by the month (1457.5), not its rise."""
    _, than, _, own = talk.conversation("俺家那口子是病故军人 俺是遗属 一年能给多少", "咋比因公牺牲的少呢 差多少啊",
                                        "那烈士遗属贼多吧 比俺多多少", "俺这个一个月呢")
    assert "18460元 − 17490元 = 每年970元" in than.text
    assert "每月1457.5元" in own.text


def test_a_fee_after_its_cut_is_never_summed_unasked_with_a_subsidy(talk):
    """电商示范点 — 俺家还养鱼 增殖保护费原来一年一千二 现在多少: 1140元 is paid, not received: no 51140 合计."""
    _, fee = talk.conversation("俺是农安的 想在村里建个电商示范点 能补多少", "俺家还养鱼 增殖保护费原来一年一千二 现在多少")
    assert "1140元" in fee.text and "合计" not in fee.text and "51140" not in fee.text


def test_a_merit_asked_of_no_one_joins_the_veterans_total_once_he_is_named(talk):
    """立了二等功每月加多少 — 他是抗美援朝老兵 一年一共: 15780 + 1200 = 16980, not the standard alone."""
    *_, total = talk.conversation("优抚对象立了三等功每月加多少", "不对 是二等功", "他是抗美援朝老兵 一年一共能拿多少")
    assert "15780元 + 1200元 = 每年16980元" in total.text


def test_a_count_told_of_one_measure_is_not_lent_to_another_in_the_same_message(talk):
    """职业介绍补贴 介绍了5个人 还有创业补贴 一共: 900 + 5000 = 5900; the 5 placements are no 5 start-ups (25900)."""
    both, _ = talk("职业介绍补贴 介绍了5个人 还有创业补贴 一共多少")
    assert "900元 + 5000元 = 5900元" in both.text and "25000" not in both.text


def test_a_group_asking_what_it_gets_after_the_plans_overview_gets_its_list(talk):
    """这暖流计划到底管啥人 — 俺是农民 有啥好处: the farmers' measures, not the overview again beside one of them."""
    _, farmer = talk.conversation("嘎哈的 这暖流计划到底管啥人啊", "俺是农民 有啥好处 整明白点")
    assert "与您有关的有" in farmer.text and "榛子" in farmer.text and "871.4万" not in farmer.text


def test_cooperatives_lettered_by_an_operator_each_get_their_own_award(talk):
    """三家合作社 A初次无公害2个产品 B初次绿色食品4个产品 C有机产品新认证 一共: 4000 + 26000 + 50000, not each award
    three times over."""
    total, _ = talk("三家合作社 A初次无公害2个产品 B初次绿色食品4个产品 C有机产品新认证 三家一共奖补多少")
    assert "4000元 + 26000元 + 50000元 = 80000元" in total.text


def test_the_rise_per_year_served_is_said_while_the_years_are_unknown(talk):
    rise, told = talk.conversation("老义务兵涨了多少", "原来20现在25 涨了多少")
    assert "增加5元（25元 − 20元）" in rise.text and "请告诉我服役年数" in rise.text
    assert "增加5元" in told.text and "2025" not in told.text  # the old and new rate told, no year of service


def test_a_count_supposed_again_reaches_the_line_that_holds_it(talk):
    _, again = talk.conversation("职业介绍补贴 介绍了5个人 还有创业补贴 一共多少", "那要是介绍了8个人呢")
    assert "1440元 + 5000元 = 6440元" in again.text


def test_a_lettered_cooperative_supposed_another_award_has_it_in_place_of_its_own(talk):
    _, renewed, more = talk.conversation(
        "三家合作社 A初次无公害2个产品 B初次绿色食品4个产品 C有机产品新认证 一共多少", "C要是第一年再认证呢",
        "要是B有6个产品呢")
    assert "4000元 + 26000元 + 10000元 = 40000元" in renewed.text and "50000" not in renewed.text
    assert "4000元 + 30000元 + 10000元 = 44000元" in more.text


def test_a_total_against_the_standards_before_the_rise_sums_the_rises(talk):
    _, _, _, rise = talk.conversation("我姥爷是解放战争老兵 一年多少", "我姥姥是烈士老年子女 七十了", "两人一年一共",
                                      "比调整前一年多多少")
    assert "1200元 + 1200元 = 每年2400元" in rise.text and "相差" not in rise.text


def test_the_standard_of_a_kind_named_is_that_line_without_the_merit_beside_it(talk):
    _, alone, rise = talk.conversation("我爹抗日老兵 服役时立过三等功 因为立功一个月加多少", "他老兵的标准一个月多少",
                                       "老兵标准比调整前每月多多少")
    assert "每月1755元" in alone.text and "立功" not in alone.text.split("出处")[0]
    assert "每月增加100元" in rise.text and "立功" not in rise.text.split("出处")[0]
    *_, summed = talk.conversation("我爹抗日老兵 服役时立过三等功", "抗日老兵标准加上立功增加的 一年合计多少")
    assert "21060元 + 600元 = 每年21660元" in summed.text  # the war named outright, and the merit summed with it


def test_an_operators_caller_described_is_one_of_the_household_summed(talk):
    _, _, summed = talk.conversation("来电人为残疾人，自主创业，营业执照领取已满一年，问一次性创业补贴",
                                     "其子为家庭经济困难未就业高校毕业生，同样创业正常经营满七个月，问", "问该户合计")
    assert "5000元 + 5000元 = 10000元" in summed.text


def test_an_operators_formal_words_for_conditions_ask_the_conditions(talk):
    _, conditions = talk.conversation("来电人为残疾人，自主创业，营业执照领取已满一年，问一次性创业补贴", "问需满足何条件")
    assert conditions.text.startswith("【就业困难人员一次性创业补贴】条件：")


def test_wages_owed_in_everyday_words_beside_the_plans_name_are_the_wage_inspections(talk):
    [owed] = talk.conversation("包工头欠俺工资贼多 半年了 这个暖流计划管不管")
    assert owed.text.startswith("【农民工工资权益重点监察】") and "37.9亿" not in owed.text


def test_once_the_months_are_reached_the_subsidy_is_said(talk):
    _, later = talk.conversation("俺是下岗的 营业执照办了四个月 能领创业补贴不", "那到了半年以后呢")
    assert "一次性5000元" in later.text and "暂不符合" not in later.text


def test_the_plans_own_year_or_city_after_another_asks_the_same_here(talk):
    _, this_year = talk.conversation("2018年的抗日老兵标准是多少", "那今年的呢 一七年这个方案里的")
    assert "每年21060元" in this_year.text
    _, here = talk.conversation("我爷在吉林市住 抗美援朝老兵 能按长春这个暖流计划的标准领吗", "那要是在长春 一年多少")
    assert "每年15780元" in here.text


def test_after_a_difference_how_much_of_one_line_is_its_amount(talk):
    *_, monthly = talk.conversation("我爷爷是解放战争老兵 一年多少", "不对 我问错了 他是抗美援朝的", "差多少", "那他一个月多少")
    assert "每月1315元" in monthly.text and "增加100元" not in monthly.text.split("\n")[0]


def test_two_figures_of_the_plans_targets_are_compared_when_one_is_named_against_the_last(talk):
    *_, apart = talk.conversation("2017年开发多少个就业岗位", "城镇新增就业多少人", "两个差多少")
    assert "13万个 − 11万人 = 20000个" in apart.text
    *_, against = talk.conversation("返乡农民工免费培训多少人", "跟大学生创业培训比差多少人")
    assert "6000人 − 5200人 = 800人" in against.text


def test_two_people_together_in_everyday_words_are_summed(talk):
    *_, together = talk.conversation("解放战争老兵现在每月合多少", "抗美援朝老兵每月呢", "俩人一块每月多少")
    assert "合计：约1343.33元 + 1315元 = 每月约2658.33元" in together.text


def test_an_award_the_cooperative_also_has_joins_the_awards_summed(talk):
    _, four = talk.conversation("合作社初次认证绿色食品2个产品 无公害2个产品 还有有机新认证 一共多少", "地理标志也有 全加")
    assert "22000元 + 4000元 + 50000元 + 100000元 = 176000元" in four.text


def test_a_merit_told_of_no_one_after_a_veteran_named_is_his(talk):
    _, merit, _, couple = talk.conversation("王大爷是解放战争老兵 一年多少", "服役期间立过三等功 每月还加多少",
                                            "他老伴是烈士老年子女 六十五了", "俩人标准一年一共 不算立功的")
    assert "大爷的立功优抚对象每月增发：每月50元" in merit.text
    assert "16120元 + 4800元 = 每年20920元" in couple.text


def test_cooperatives_lettered_with_she_keep_their_own_awards_through_a_correction_and_an_addition(talk):
    first, corrected, added = talk.conversation(
        "合计 甲社无公害初次2个产品 乙社绿色食品初次3个产品 丙社农产品地理标志登记 各补多少 合计多少", "更正 乙社是5个产品",
        "甲社另有有机产品新认证 三社合计")
    assert "4000元 + 24000元 + 100000元 = 128000元" in first.text
    assert "4000元 + 28000元 + 100000元 = 132000元" in corrected.text
    assert "4000元 + 28000元 + 100000元 + 50000元 = 182000元" in added.text


def test_a_count_said_as_a_total_is_paid_for_and_more_placed_later_are_added(talk):
    first, corrected, more = talk.conversation("中介机构 免费介绍就业困难人员 签1年以上合同并缴社保 共12人 问补多少",
                                               "更正 其中3人合同只签半年", "后又介绍符合条件的5人 合计")
    assert "180元 × 12人 = 2160元" in first.text and "180元 × 9人 = 1620元" in corrected.text
    assert "17人 − 3人 = 14人；180元 × 14人 = 2520元" in more.text


def test_sites_of_a_counted_group_set_apart_as_short_of_the_standard_are_not_paid(talk):
    _, rest = talk.conversation("该镇3个村建成农村电商示范点 问补助合计", "其中1个未达建设标准 其余达标 合计")
    assert "50000元 × 2个示范点 = 100000元" in rest.text


def test_another_household_fee_is_its_own_and_the_savings_of_both_are_summed(talk):
    _, other, both = talk.conversation("该户养殖户 渔业资源增殖保护费 现行标准每年一千五百 降后交多少",
                                       "另一户 现行两万四 降后多少", "两户合计少交多少")
    assert "按24000元计，降低后为22800元" in other.text
    assert "75元 + 1200元 = 每年1275元" in both.text


def test_a_callers_two_relatives_are_counted_not_an_age_of_two(talk):
    _, relatives, both = talk.conversation(
        "来电人某职业中介 免费介绍就业困难人员25人 均签1年以上合同并缴社保 问补贴",
        "另 来电人两位亲属 均属就业困难人员 自主创业 执照满6个月 创业补贴合计", "两项合计")
    assert "5000元 × 2人 = 10000元" in relatives.text and "4500元 + 10000元 = 14500元" in both.text


def test_one_said_to_be_one_and_a_pause_is_of_the_kind_talked_of(talk):
    _, his = talk.conversation("解放战争老兵一年多少", "俺大爷是 八十九了 比原来多多少")
    assert "每年增加1200元（您大爷）" in his.text


def test_an_operators_tiaozeng_asks_the_rise(talk):
    _, rise = talk.conversation("坐席咨询：因公牺牲军人遗属2017年标准调整前后各多少", "调增额")
    assert "每年增加600元" in rise.text


def test_a_kind_the_terms_sentence_lists_is_said_to_be_of_it(talk):
    _, disabled = talk.conversation("就业困难人员有几类", "残疾人算不算")
    assert disabled.text.startswith("残疾人：属于就业困难人员") and "等8类就业困难人员" in disabled.text


def test_all_summed_after_a_subsidy_with_items_reaches_back_over_the_awards_before(talk):
    *_, everything = talk.conversation("无公害3个产品 初次", "绿色食品初次2个产品", "又问有机产品新认证",
                                       "该理事长本人 男 五十五 下岗失业 自己另开店 执照满8个月 创业补贴多少", "全部合计")
    assert "5000元 + 22000元 + 50000元 + 5000元 = 82000元" in everything.text


def test_opening_another_shop_is_no_shop_at_home(talk):
    [own] = talk.conversation("男 五十五 下岗失业 自己另开店 执照满8个月 创业补贴多少")
    assert "土地租金" not in own.text and "一次性5000元" in own.text


def test_a_follow_up_naming_another_standard_by_its_old_figure_asks_that_one(talk):
    _, other, now = talk.conversation("原来一万四千五百八 现在一万五千七百八 这是哪类老兵", "那原来一万九千八百六的呢",
                                      "它现在多少")
    assert other.text.startswith("【抗日老兵生活补助】") and "每年21060元" in now.text


def test_the_first_of_two_lines_corrected_to_another_war_takes_its_place(talk):
    *_, corrected, yearly = talk.conversation("解放战争老兵现在每月合多少", "抗美援朝老兵每月呢", "俩人一块每月多少",
                                              "不对我说错了 第一个是抗日老兵 那俩人每月一共", "一年呢")
    assert "1755元 + 1315元 = 每月3070元" in corrected.text and "21060元 + 15780元 = 每年36840元" in yearly.text


def test_a_merit_asked_of_no_one_after_a_veteran_stays_no_ones(talk):
    *_, his = talk.conversation("王大爷是解放战争老兵 一个月多少", "打听一下 一等功的每月还加多少", "那他一年一共多少")
    assert "每年16120元" in his.text and "17920" not in his.text


def test_those_of_a_group_told_of_without_falling_short_of_a_rule_are_still_paid(talk):
    _, still = talk.conversation("俺村5个抗美援朝老兵 一年一共多少", "其中1个不识字 没法自己办 一共多少")
    assert "15780元 × 5人 = 78900元" in still.text


def test_a_pause_after_is_before_a_word_is_no_is_one_too(talk):
    _, wife = talk.conversation("俺爹是抗美援朝老兵，一个月多少", "俺妈是 他老伴 有啥补助")
    assert "15780" not in wife.text


def test_the_rule_quoted_is_no_supposition_that_it_is_met(talk):
    [now] = talk.conversation("我是残疾人 自己开了个小卖店 开了4个月了 是不是得到6个月以后才给 现在能领多少")
    assert "暂不符合" in now.text and "还差2个月" in now.text


def test_figures_near_the_words_of_a_rule_are_not_its_facts(talk):
    [acres] = talk.conversation("渔业资源增殖保护费现行按亩收 俺家30亩 降了一年能省多少")
    assert "28.5" not in acres.text
    [staff] = talk.conversation("想问问介绍就业困难人员就业的补贴 俺们中介公司员工共6人 能补多少")
    assert "1080" not in staff.text
    [licence] = talk.conversation("那A2驾照的技能培训有补贴吗")
    assert "（A）" not in licence.text


def test_a_caller_asking_for_a_relative_is_not_the_one_described(talk):
    [father] = talk.conversation("来电人为抗美援朝老兵家属 其父88岁 一个月多少")
    assert "（其父）" in father.text


def test_the_family_of_a_kind_listed_is_not_said_to_be_of_the_term(talk):
    _, family = talk.conversation("就业困难人员有几类", "残疾人的家属算不算")
    assert "属于就业困难人员" not in family.text


def test_another_war_compared_is_no_award_added(talk):
    _, other = talk.conversation("抗日老兵 立过三等功 一年合计多少", "解放战争老兵呢 也有这么多吗 合计多少")
    assert "37780" not in other.text
    _, both = talk.conversation("抗日老兵 立过三等功 一年合计多少", "老兵的标准和立功的加一块 一年多少")
    assert "21060元 + 600元 = 每年21660元" in both.text


def test_merit_levels_counted_after_their_names_are_summed_by_their_counts(talk):
    reply, _ = talk("查：优抚对象 三等功3人 一等功1人 每月增加合计")
    assert "50元 × 3人 = 150元" in reply.text and "150元 + 150元 = 每月300元" in reply.text


def test_an_award_named_once_is_each_lettered_cooperatives_by_its_own_products(talk):
    each, total = talk.conversation("查：无公害初次认证 A社1个产品 B社3个产品 C社10个产品 各奖补", "合计")
    assert "A社：3000元" in each.text and "B社：5000元" in each.text and "C社：10000元" in each.text
    assert "3000元 + 5000元 + 10000元 = 18000元" in total.text


def test_a_count_said_before_the_contract_words_is_the_people_placed(talk):
    reply, _ = talk("查：职介机构 免费介绍就业困难人员就业 共12人 均签1年以上合同并缴社保 职介补贴合计")
    assert "180元 × 12人 = 2160元" in reply.text


def test_one_of_a_counted_line_of_no_one_said_too_young_is_set_apart(talk):
    _, corrected = talk.conversation("来电人 烈士老年子女 兄妹共3人 均满60 年标准合计", "更正 其中1人才59岁")
    assert "4800元 × 2人 = 9600元" in corrected.text and "其中1位：暂不符合" in corrected.text


def test_those_taken_off_one_measures_count_stay_with_it_when_another_is_counted(talk):
    *_, placed, both = talk.conversation("来电：某社区 5名就业困难人员自主创业 均正常经营满6个月 一次性创业补贴合计",
                                         "更正：其中1人执照刚满4个月 合计重算",
                                         "另 有资质中介免费介绍该社区就业困难人员 10人签2年合同缴社保 职业介绍补贴合计",
                                         "创业补贴与职业介绍补贴 两项合计")
    assert "180元 × 10人 = 1800元" in placed.text
    assert "20000元 + 1800元 = 21800元" in both.text


def test_the_speaker_saying_they_misspoke_is_not_asked_of(talk):
    *_, corrected = talk.conversation("俺家老爷子是抗美援朝老兵 服役时候立过二等功 一年一共多少",
                                      "不对 俺刚才说错了 是一等功 那一年一共多少")
    assert "15780元 + 1800元 = 每年17580元" in corrected.text and "您的" not in corrected.text


def test_two_sums_of_a_word_both_awards_share_are_both_awards(talk):
    *_, both = talk.conversation("有机产品认证新认证的组织多少", "第一年再认证的呢", "有机这两笔加一块多少")
    assert "10000元 + 50000元 = 60000元" in both.text


def test_an_operators_cumulative_total_and_handling_office_are_understood(talk):
    *_, total, office = talk.conversation("获农业部农产品地理标志登记 奖补", "同时 有机产品新认证 奖补",
                                          "次年 有机第一年再认证 奖补", "三项累计", "经办")
    assert "100000元 + 50000元 + 10000元 = 160000元" in total.text
    assert "有机产品再认证奖补（第一年）：市人社局" in office.text and "元" not in office.text


def test_an_age_supposed_below_the_line_is_a_verdict_not_out_of_scope(talk):
    _, supposed = talk.conversation("俺老伴儿当过八年义务兵 今年七十一 每月补多少", "他要是才五十九呢 能领不")
    assert "暂不符合" in supposed.text and "59岁，还差1年" in supposed.text


def test_a_figure_alone_after_a_figures_measure_asks_that_figures_measure(talk):
    first, second = talk.conversation("一万五千七百八那个是哪类老兵的标准", "一万八千四百六呢")
    assert "抗美援朝老兵" in first.text and "因公牺牲军人遗属抚恤补助" in second.text


def test_five_lettered_cooperatives_are_summed_when_five_are_counted(talk):
    *_, five = talk.conversation("查：A社 无公害初次认证2个产品；B社 绿色食品初次认证3个产品 各奖补多少",
                                 "C社 获农业部农产品地理标志登记 加上C一共多少", "D社 有机产品新认证 再加上D 总计",
                                 "E社 有机产品第一年再认证 五个社总计")
    assert "C社的农产品地理标志登记奖补" in five.text and "= 188000元" in five.text


def test_one_product_said_as_a_single_product_is_counted_one(talk):
    reply, _ = talk("查：有机产品新认证奖补 与 绿色食品初次认证单个产品奖补 差额")
    assert "50000元 − 20000元 = 30000元" in reply.text


def test_one_of_the_two_awards_of_one_cooperative_is_no_count_of_cooperatives(talk):
    *_, both = talk.conversation("合作社初次无公害认证6个产品 奖补", "绿色食品初次认证6个产品呢", "同一社两项合计")
    assert "8000元 + 30000元 = 38000元" in both.text


def test_a_member_of_a_counted_group_told_too_young_is_set_apart_from_it(talk):
    *_, corrected = talk.conversation("俺们姊妹三个都是烈士老年子女 都过六十了 每人一年多少", "不对 俺小妹才五十八 她能领不")
    assert "4800元 × 2人 = 9600元" in corrected.text and "您小妹：暂不符合" in corrected.text


def test_an_agency_telling_its_placements_asks_the_placement_subsidy_and_more_placed_are_added(talk):
    *_, placed, more = talk.conversation("我们是区里的 想在辖区设创业扶持网点 一个网点补多少",
                                         "我们还有个有资质的中介 免费介绍了8个就业困难人员 都签了一年半合同交了社保 补多少",
                                         "后来又介绍成5个 条件一样 一共多少")
    assert "职业介绍补贴：1440元" in placed.text and "职业介绍补贴：2340元" in more.text
    assert "× 9" not in placed.text


def test_together_with_a_line_already_answered_sums_the_lines(talk):
    *_, both = talk.conversation("俺爷爷六十八了 当过五年义务兵 现在每个月补多少", "他服役那时候还立过三等功 一个月能再加多少",
                                 "那连同义务兵那份 一个月一共多少")
    assert "125元 + 50元 = 每月175元" in both.text


def test_two_standards_compared_before_the_rise_are_the_old_ones(talk):
    reply, _ = talk("提高以前 解放战争老兵比抗美援朝老兵一年多多少")
    assert "14920元 − 14580元 = 每年340元" in reply.text


def test_he_compared_with_me_is_the_one_spoken_of_against_the_speaker(talk):
    *_, compared = talk.conversation("俺是解放战争的老兵 俺一年多少钱", "俺老战友是抗日的 他一年多少", "他比俺多多少")
    assert "21060元 − 16120元 = 每年4940元" in compared.text


def test_one_more_said_with_the_count_it_makes_is_that_count(talk):
    *_, three, four = talk.conversation("合作社初次获绿色食品认证 俩产品 奖补多少", "再加一个 三个产品呢", "再加一个产品呢")
    assert "24000元" in three.text and "26000元" in four.text


def test_each_awards_count_said_as_reckoned_by_is_its_own(talk):
    reply, _ = talk("绿色按七个 无公害按十个 两项合计")
    assert "30000元 + 10000元 = 40000元" in reply.text


def test_an_operators_whether_one_is_of_a_term_is_answered_by_its_list(talk):
    reply, _ = talk("来电人 女 41岁 失业 拟开店 问是否属就业困难人员")
    assert "【就业困难人员】" in reply.text and "女满40周岁" in reply.text and "职业介绍补贴" not in reply.text


def test_the_plans_gain_per_person_asked_in_everyday_words_is_its_target(talk):
    _, gain = talk.conversation("管哪几类人", "人均能增收多少")
    assert "人均增收：435元" in gain.text


def test_one_of_a_counted_line_told_other_years_is_paid_by_them_the_rest_as_before(talk):
    *_, year, rise = talk.conversation("查：某村 满60老义务兵 共4人 每人均服役3年 月标准合计", "不对 是5人 每人都是3年",
                                       "再更正 5人里有1人服役4年 其余3年", "年合计", "较提标前 每月合计多多少")
    assert "3600元 + 1200元 = 每年4800元" in year.text and "60元 + 20元 = 每月80元" in rise.text


def test_each_survivor_kinds_rise_asked_after_differences_is_its_own(talk):
    *_, rises = talk.conversation("烈士遗属和因公牺牲军人遗属每年标准差多少", "病故军人遗属跟因公牺牲的差多少",
                                  "这三类遗属每人每年各涨了多少")
    assert rises.text.count("增加每年600元") == 3 and "相差" not in rises.text


def test_lettered_cooperatives_told_after_the_first_with_counts_share_its_award(talk):
    both, corrected = talk.conversation("A社初次3个产品获无公害农产品认证，B社初次2个产品，两社奖补合计多少",
                                        "不对，B社是初次5个产品")
    assert "5000元 + 4000元 = 9000元" in both.text and "5000元 + 7000元 = 12000元" in corrected.text


def test_a_lettered_cooperative_added_then_corrected_to_another_award(talk):
    *_, added, corrected = talk.conversation("A社初次3个产品获绿色食品认证，B社初次1个产品，合计奖补",
                                             "C社也加上，它是初次10个产品获绿色食品认证",
                                             "不对，C社拿的是有机产品新认证，三社合计多少")
    assert "C社：30000元" in added.text and "24000元 + 20000元 + 50000元 = 94000元" in corrected.text


def test_the_merit_of_one_of_a_counted_line_is_that_ones_alone(talk):
    reply, _ = talk("来电人问：村里抗美援朝老兵共4人，其中1人荣立二等功。4人一年定补合计多少")
    assert "63120元 + 1200元 = 每年64320元" in reply.text


def test_the_two_besides_me_are_the_two_others_talked_about(talk):
    *_, two = talk.conversation("俺是抗美援朝下来的老兵 俺今年一年能拿多少", "俺老伴儿她爹是烈士 她今年六十五了 她一年能拿多少",
                                "俺大哥是抗日的老兵 他一年多少", "除了俺 他们俩一年加一块多少")
    assert "4800元 + 21060元 = 每年25860元" in two.text and "15780" not in two.text


def test_people_like_me_have_a_subsidy_is_no_benefit_missing_from_the_plan(talk):
    reply, _ = talk("俺爹是烈士 俺今年六十一了 听说俺这样的有补助 一个月合多少")
    assert "每月400元" in reply.text and "没有提到" not in reply.text


def test_an_operators_own_and_the_wifes_yearly_sums_are_added(talk):
    *_, both = talk.conversation("来电人 本人62岁 义务兵服役4年 查月补助", "其妻之父为烈士 妻60岁 查烈士老年子女年补助",
                                 "本人年补助+妻年补助 合计")
    assert "1200元 + 4800元 = 每年6000元" in both.text


def test_the_two_targets_named_last_and_one_added_are_summed(talk):
    *_, three = talk.conversation("妇女创业培训今年多少人", "中小企业管理者培训呢", "这俩加上大学生创业培训 一共培训多少人")
    assert "1000人 + 2000人 + 6000人 = 9000人" in three.text


def test_grandfathers_brothers_are_each_their_own_and_one_is_left_out(talk):
    each, _, rest = talk.conversation("来电人 祖父一等功 二祖父二等功 三祖父三等功 均为优抚对象 共3人 月增加合计", "年合计",
                                      "除祖父外 二人年合计")
    assert "150元 + 100元 + 50元 = 每月300元" in each.text and "1200元 + 600元 = 每年1800元" in rest.text


def test_a_monthly_average_rise_is_the_yearly_rise_by_the_month(talk):
    *_, rise = talk.conversation("来电人 祖母 因公牺牲军人遗属 查现年标准", "月均增加")
    assert "折合每月增加50元" in rise.text


def test_a_year_of_the_subsidy_asked_names_no_benefit_and_is_answered(talk):
    reply, _ = talk("我姥爷是抗日战争的老兵 九十好几了 一年的补助是多少")
    assert "每年21060元" in reply.text


def test_a_group_counted_with_the_rest_short_of_the_months_then_all_once_met(talk):
    now, _, later = talk.conversation("来电人为社区专干：辖区就业困难人员共10人自主创业，其中7人领营业执照后正常经营已满6个月"
                                      "以上，其余3人刚满3个月。现在能领一次性创业补贴的合计多少", "那3个人要啥条件才能领",
                                      "等他们都满了，10人一共多少")
    assert "5000元 × 7人 = 35000元" in now.text and "5000元 × 10人 = 50000元" in later.text


def test_a_count_of_the_cooperatives_summed_is_no_correction_of_a_product_count(talk):
    *_, corrected = talk.conversation("来电人：A社初次6个产品获绿色食品认证，B社初次9个产品获无公害认证。两社奖补合计",
                                      "更正：B社只有4个产品，两社合计多少")
    assert "30000元 + 6000元 = 36000元" in corrected.text


def test_one_more_of_another_merit_level_is_a_line_of_its_own(talk):
    *_, more = talk.conversation("查：优抚对象共9人，其中三等功4人、二等功3人、一等功2人，每月增加合计", "全年合计",
                                 "另有1人获个人荣誉称号，加上后全年合计")
    assert "2400元 + 3600元 + 3600元 + 2400元 = 每年12000元" in more.text


def test_just_reaching_the_months_takes_no_one_off_the_count(talk):
    reply, _ = talk("辖区就业困难人员共5人自主创业 其中1人刚满6个月 其余都满8个月了 一次性创业补贴合计多少")
    assert "5000元 × 5人 = 25000元" in reply.text


def test_one_of_a_counted_group_short_of_the_age_leaves_the_group_counted(talk):
    reply, _ = talk("满60老义务兵共4人 均服役3年 其中1人不满60岁 月合计")
    assert "4位" in reply.text and "每月75元\n" not in reply.text


def test_people_starting_businesses_beside_me_are_not_counted_for_me(talk):
    reply, _ = talk("我是就业困难人员 共5人创业 能拿多少")
    assert "25000" not in reply.text


def test_not_yet_an_age_is_no_age_told(talk):
    reply, _ = talk("我是烈士老年子女 我还不到60 能领多少")
    assert "年满60周岁才能领" in reply.text


def test_this_month_counted_in_is_a_fact_told_not_a_line_added(talk):
    _, now = talk.conversation("我开店5个月了 就业困难人员 创业补贴多少", "连上这个月就6个月了 能领多少")
    assert "一次性5000元" in now.text and "暂不符合" not in now.text


def test_one_of_the_two_targets_added_again_is_counted_once(talk):
    *_, total = talk.conversation("大学生创业培训多少人", "妇女创业培训呢", "这俩加上妇女创业培训 一共多少人")
    assert "8000" not in total.text


def test_a_member_of_a_counted_group_asked_of_alone_is_not_split_from_it(talk):
    _, hers = talk.conversation("姊妹三个都是烈士老年子女 都60多了 一年合计多少", "俺小妹今年六十五 她一年多少")
    assert "每年4800元" in hers.text and "14400" not in hers.text


def test_all_but_one_said_as_except_then_asks_the_rest(talk):
    _, rest = talk.conversation("俺爸是抗美援朝老兵 俺妈是烈士遗属 俩人加起来一年多少", "除我妈外呢")
    assert "每年15780元" in rest.text and "24570" not in rest.text


def test_a_benefit_the_plan_never_names_asked_of_the_plan_by_name_is_said_to_be_missing(talk):
    """暖流计划里特困供养金每月多少: 供养 is a word of the plan, 特困供养金 is not; the plan's own name made its targets
    (871.4万人次, 435元) the answer."""
    for said, name in (("我是特困供养人员 暖流计划里特困供养金每月多少", "特困供养金"),
                       ("公益性岗位补贴每月多少 暖流计划有写吗", "公益性岗位补贴")):
        reply, _ = talk(said)
        assert f"没有提到“{name}”" in reply.text and "元" not in reply.text
    kept, _ = talk("暖流计划人均增收多少")  # the plan's own target is still the plan's
    assert "435元" in kept.text


def test_a_count_told_kind_by_kind_gives_the_rest_the_kind_said_after_其余(talk):
    """其中烈士遗属3人 was taken for some of the 8 with a merit of their own (and left out), and 病故 for the kind of the
    2 before it: 烈士 3, 因公 2, the other 3 病故."""
    [year] = talk.conversation("社区一共8名遗属，其中烈士遗属3人，因公牺牲军人遗属2人，其余是病故军人遗属，一年总共发多少")
    assert "24570元 × 3人" in year.text and "18460元 × 2人" in year.text and "17490元 × 3人" in year.text
    assert "每年163100元" in year.text
    [veterans] = talk.conversation("村里共10名老兵，其中抗日老兵2人、解放战争老兵4人，其余为抗美援朝老兵，年补助合计")
    assert "15780元 × 4人" in veterans.text and "每年169720元" in veterans.text
    [all_of_them] = talk.conversation("8个遗属 烈士遗属3人 其余都是病故军人遗属 一年一共多少")  # 都: of the rest
    assert "17490元 × 5人" in all_of_them.text and "每年161160元" in all_of_them.text


def test_the_rest_counted_after_one_left_out_are_all_the_others_talked_about(talk):
    """剩下四个, after a difference of two: the four others of the five told at first, not the one line left of the
    two compared."""
    *_, rest = talk.conversation("俺们村五个老兵，两个抗美援朝的，两个解放战争的，还有一个打过日本的抗日老兵，一年一共能领多少",
                                 "抗日那个比抗美援朝的一年多多少", "除了抗日那个，剩下四个一年一共多少")
    assert "15780元 × 2人" in rest.text and "16120元 × 2人" in rest.text and "每年63800元" in rest.text
    assert "21060元" not in rest.text


def test_all_but_one_asked_alone_after_a_total_is_the_total_of_the_others(talk):
    _, others = talk.conversation("俺爹是抗美援朝老兵 俺妈是烈士老年子女 今年六十二 俺老丈人是抗日老兵 仨人一年一共多少",
                                  "除了俺爹呢")
    assert "每年25860元" in others.text and "15780元" not in others.text


def test_the_other_placements_on_a_short_contract_are_part_of_the_count_not_added_to_it(talk):
    """另外2个签的半年合同: the other 2 of the 12 (10 paid), not 2 more on top of a count read twice (14, 4 taken off)."""
    _, paid = talk.conversation("我们是有资质的职业中介，免费给就业困难人员介绍工作，每介绍一个补多少",
                                "上个月介绍了12个，10个签了两年合同交了社保，另外2个签的半年合同，能补多少")
    assert "12人 − 2人 = 10人" in paid.text and "合计1800元" in paid.text


def test_placements_said_with_成功了_are_counted_and_a_correction_takes_some_off(talk):
    counted, corrected = talk.conversation(
        "我们中介免费给就业困难人员介绍工作，成功了15个，都签了一年以上合同交了社保，能拿多少补贴", "不对，其中3个只签了半年合同")
    assert "合计2700元" in counted.text and "15人 − 3人 = 12人" in corrected.text and "合计2160元" in corrected.text


def test_lettered_agencies_each_with_their_placements_are_summed_and_one_corrected(talk):
    """A家介绍了20人 B家35人 C家12人: each agency its own count (the lines named by their letters, paid to them, no
    note that the subsidy is not theirs), and 更正：B家是25人 changes B's alone."""
    each, corrected = talk.conversation("三家职业中介：A家介绍了20人，B家35人，C家12人，都符合补贴条件，每家多少，一共多少",
                                        "更正：B家是25人")
    assert "A家：3600元" in each.text and "B家：6300元" in each.text and "C家：2160元" in each.text
    assert "= 12060元" in each.text and "不发给" not in each.text
    assert "B家：4500元" in corrected.text and "= 10260元" in corrected.text


def test_fees_of_several_households_listed_are_each_cut_and_summed(talk):
    """分别是1200、1600、2000、3200元: four fees, not the first alone; 原来的 before the fees told asks no old figure."""
    after, saved = talk.conversation("村里四户养殖户原来的增殖保护费分别是1200、1600、2000、3200元，降费后一共交多少",
                                     "一共少交多少")
    assert "= 7600元" in after.text and "= 每年400元" in saved.text


def test_a_fee_supposed_bare_after_one_told_is_the_fee_in_its_place(talk):
    _, supposed = talk.conversation("我们合作社去年交了三千多的增殖保护费，今年能降多少", "要是正好3400呢，降完交多少")
    assert "按3400元计" in supposed.text and "3230元" in supposed.text


def test_the_1960s_allowance_rises_at_least_as_the_rural_dibao_standard_told(talk):
    """按照不低于当地上年度农村低保标准的增长幅度: the rise the citizen states for the rural 低保 is the least rise,
    and on the allowance told the least it becomes; the city's rise is everyone's, not the first one's spoken of."""
    _, rate, uncle = talk.conversation("六十年代精简退职职工的生活补助怎么涨", "要是农村低保标准涨了8%，他们至少涨百分之几",
                                       "我二大爷原来每月400块，现在至少多少")
    assert "至少提高8%" in rate.text and "元" not in rate.text.split("咨询")[0]
    assert "400元 × （1 + 8%） = 432元" in uncle.text


def test_readings_a_review_found_too_wide_stay_narrow(talk):
    [age] = talk.conversation("抗美援朝老兵原来的补助标准 俺爹今年89")  # 89 is his age, no old figure told
    assert "14580元" in age.text
    [rest] = talk.conversation("共有8名优抚对象 其中烈士遗属3人 其余5人是因公牺牲军人遗属 一年一共多少")
    assert "18460元 × 5人" in rest.text and "每年166010元" in rest.text
    [merit] = talk.conversation("社区6个抗美援朝老兵 其中1个抗美援朝的 立过二等功 一年一共多少")
    assert "每年95880元" in merit.text
    _, acres = talk.conversation("我们合作社去年交了三千多的增殖保护费，今年能降多少", "要是100亩呢")
    assert "按100元计" not in acres.text
    *_, four = talk.conversation("俺们村五个老兵，两个抗美援朝的，两个解放战争的，还有一个打过日本的抗日老兵，一年一共能领多少",
                                 "抗日那个比抗美援朝的一年多多少", "除了抗日那个，剩下的4个人呢")
    assert "每年63800元" in four.text and "相差" not in four.text
    [one] = talk.conversation("A家介绍了20人 能拿多少")  # one agency: its own count, no line of a lettered one
    assert "合计3600元" in one.text


def test_an_agencys_letter_after_the_word_for_agencies_still_names_it(talk):
    """职业介绍机构A家介绍成功20人 B家35人: A家 right after 机构 is the first agency, not part of a word, and
    职业介绍机构 names the referral subsidy (9900, not A's 3600 alone)."""
    both, _ = talk("职业介绍机构A家介绍成功20人 B家35人 一共多少")
    assert "A家：3600元" in both.text and "B家：6300元" in both.text and "= 9900元" in both.text


def test_the_plans_six_aspects_asked_with_a_digit_are_listed_and_one_picked(talk):
    """暖流计划6个方面都是啥: the six 方面 (not the overview's figures), and 第四个方面 is the fourth of them."""
    listed, fourth = talk.conversation("暖流计划6个方面都是啥", "第四个方面是啥")
    assert "加强社会保障" in listed.text and "871.4" not in listed.text
    assert "加强技能人才培养" in fourth.text


def test_the_plans_year_after_another_years_question_asks_it_again_here(assistant, talk):
    """2019年抗日老兵的补助标准 (outside the plan) — 那2017年暖流计划里的呢: the same question in the plan's year,
    the plan's name only its context (21060, not the plan's overview)."""
    chat = Chat(assistant)
    chat.says("2019年抗日老兵的补助标准是多少", elsewhere="year 2019")
    here = chat.says("那2017年暖流计划里的呢")
    assert "21060元" in here.text and "871.4" not in here.text
    _, funds = talk.conversation("抗日老兵补助标准是多少", "那今年的资金谁来落实")  # this year's funds: another part
    assert "市财政局" in funds.text


def test_what_the_plan_has_for_a_kind_of_people_is_the_part_of_it_for_them(talk):
    """农民有啥好处 / 暖流计划对低收入人群主要有啥: that 方面 of the plan and its measures, where before it asked
    who the citizen is or gave the overview; 我是农民 有啥补贴 is still their own list."""
    farmers, poor = talk.conversation("暖流计划对农民有啥好处", "那暖流计划对低收入人群主要有啥")
    assert "关注五" in farmers.text and "电子商务" in farmers.text and "871.4" not in farmers.text
    assert "关注十" in poor.text and "精简退职" in poor.text
    researchers, _ = talk("科研人员有哪些政策")
    assert "关注九" in researchers.text
    mine, _ = talk("我是农民 有啥补贴")
    assert "关注五】" not in mine.text and "与您有关" in mine.text


def test_those_paid_for_counted_again_leave_the_rest_of_the_placements_out(talk):
    """12 placed, 9 with a year's contract, the rest half a year — 更正 签1年以上的是10个: 10 of the 12 are paid for
    (1800), not 10 placed less the 3 taken off before (1260)."""
    _, corrected = talk.conversation("我们中介免费介绍了12个就业困难人员 其中9个签了一年以上合同交了社保 其余签半年 能拿多少补贴",
                                     "更正 签一年以上的是10个")
    assert "12人 − 2人 = 10人" in corrected.text and "1800元" in corrected.text
    _, short = talk.conversation("我们中介免费介绍了12个就业困难人员 其中9个签了一年以上合同交了社保 其余签半年 能拿多少补贴",
                                 "更正 不合格的有2个")
    assert "12人 − 2人 = 10人" in short.text  # those taken off counted again, not those paid for


def test_the_veterans_allowance_added_after_his_merit_alone_is_his_kinds(talk):
    """抗美援朝老兵 立过三等功 — 他立功这块每个月多给多少 — 连老兵补助加起来: his allowance is the one asked, no question
    of which war (16380)."""
    *_, both = talk.conversation("我父亲是抗美援朝老兵，服役的时候立过三等功", "他立功这块每个月能多给多少",
                                 "那一年一共能拿多少 连老兵补助加起来")
    assert "16380元" in both.text and "哪一类" not in both.text


def test_a_count_told_bare_of_the_second_cooperative_is_its_products(talk):
    """一个初次有3个产品获无公害认证，一个初次有5个: the second's 5 are products too, and its line the same measure."""
    each, = talk.conversation("俺村两个合作社，一个初次有3个产品获无公害认证，一个初次有5个，各奖补多少")
    assert "5000元" in each.text and "7000元" in each.text
    members, _ = talk("俩合作社 一个有20个社员 一个初次3个产品获无公害认证 各多少")  # 20 members are no products
    assert "10000元" not in members.text


def test_cooperatives_counted_in_jia_beside_each_certification_are_each_paid(talk):
    """地理标志登记2家 有机产品新认证3家: two cooperatives paid 10万 each, three paid 5万 each (350000)."""
    both, = talk.conversation("今年报上来的 地理标志登记2家 有机产品新认证3家 一共多少奖补")
    assert "100000元 × 2" in both.text and "50000元 × 3" in both.text and "350000元" in both.text


def test_a_contract_told_in_months_is_short_of_the_year_the_referral_subsidy_needs(talk):
    """签了8个月合同，能领职业介绍补贴吗: no (8 months are 2/3 of the year required), 4 months short, said in months."""
    verdict, _ = talk("我们中介介绍了个就业困难人员，签了8个月合同，能领职业介绍补贴吗")
    assert "不符合" in verdict.text and "还差4个月" in verdict.text and "180元" not in verdict.text.partition("\n")[0]
    supposed = talk.conversation("中介介绍就业困难人员 簽了八個月合同 能拿職業介紹補貼嗎", "要是签两年的呢 补多少")[-1]
    assert "180元" in supposed.text and "不按月" not in supposed.text  # 8个月合同 asks no period; two years are enough
    unbroken, _ = talk("中介介绍就业困难人员签了八个月合同能拿补贴吗")  # no comma: 8个月 is the term, no 8 placed
    assert "不符合" in unbroken.text and "1440" not in unbroken.text
    trial, _ = talk("中介给介绍了个活，试用3个月合同转正后签3年，能领职业介绍补贴吗")  # a trial's months: no contract
    assert "不符合" not in trial.text
    son, _ = talk("俺儿子是通过中介找的工作 签了8个月合同 他能领那个职业介绍补贴不")  # never his: the note says whose
    assert "不符合" in son.text and "不发给您儿子本人" in son.text and "您合同" not in son.text


def test_a_part_of_a_sum_named_is_that_line_as_counted_in_the_sum(talk):
    """抗日老兵3人 解放战争老兵5人 全年总共多少 — 其中抗日老兵那部分多少: 63180 (3 of them), not one's 21060."""
    _, part = talk.conversation("本街道抗日老兵3人，解放战争老兵5人，全年补助总共多少", "其中抗日老兵那部分多少")
    assert "63180元" in part.text and "80600" not in part.text
    _, one = talk.conversation("本街道抗日老兵3人，解放战争老兵5人，全年补助总共多少", "其中抗日老兵每人每月多少")
    assert "1755元" in one.text and "5265" not in one.text  # one's standard, no part of the sum


def test_a_figure_corrected_after_the_plans_words_were_asked_asks_the_amount_again(talk):
    """收益200万 至少多少 — 剩下的钱要上缴国库吗 — 不对，收益是三百五十万: the reward on 350万 (245万), not the
    plan's words about the treasury again."""
    *_, corrected = talk.conversation("我们研究所把一项职务发明转让了，收益200万，奖励给团队的至少多少",
                                      "剩下的钱要上缴国库吗", "不对，收益是三百五十万")
    assert "245万元" in corrected.text


def test_an_office_asked_by_the_words_of_another_part_of_the_plan_is_that_parts(talk):
    """高端科研人员的薪酬呢 — 哪个部门负责发挥科研项目资金的激励作用: 市科技局's duty says so, not the pay
    measure's 市人社局."""
    _, office = talk.conversation("高端科研人员的薪酬呢", "哪个部门负责发挥科研项目资金的激励作用")
    assert "市科技局" in office.text and "人社局" not in office.text


def test_brothers_counted_right_after_a_relative_are_a_group_with_him_among_them(talk):
    [three] = talk.conversation("俺爷爷哥仨都是解放战争老兵 一年一共多少")
    [named] = talk.conversation("俺爸和俺大爷哥俩都是抗美援朝老兵 一年一共多少")
    assert "16120元 × 3人 = 48360元" in three.text and "64480" not in three.text
    assert "15780元 + 15780元 = 每年31560元" in named.text  # the two named, counted again: no third


def test_a_measures_year_asked_after_its_month_is_a_period_not_a_year_of_service(talk):
    *_, year = talk.conversation("俺爸是烈士的儿子 今年66 烈士子女那份一年多少", "他自己还当过4年义务兵 当兵那份一个月多少",
                                 "当兵那份一年呢")
    _, of_it = talk.conversation("俺爸当过4年义务兵 今年70 一个月多少", "义务兵补贴一年呢")
    assert "100元 × 12 = 每年1200元" in year.text and "服役1年" not in year.text
    [rate] = talk.conversation("老义务兵补助每服役一年每月多少")
    assert "每年1200元" in of_it.text and "服役1年" not in of_it.text
    assert "每服役一年每月25元" in rate.text and "服役1年" not in rate.text


def test_a_count_of_people_before_a_difference_is_those_compared(talk):
    _, apart = talk.conversation("我外公是解放战争老兵，今年补助多少", "他弟弟是抗美援朝的，两个人差多少")
    assert "16120元 − 15780元 = 每年340元" in apart.text and "31560" not in apart.text


def test_a_sum_supposed_again_replaces_the_one_a_line_of_no_one_holds(talk):
    *_, supposed = talk.conversation("我老舅在市属科研院所 科研项目劳务费还有比例限制吗",
                                     "他一个成果转让了 卖了一百万 奖励团队至少多少", "要是卖了八十万呢")
    assert "按800000元计，至少560000元" in supposed.text and "700000" not in supposed.text


def test_a_sum_corrected_in_wan_is_read_in_wan(talk):
    _, corrected = talk.conversation("我们所一项职务发明转让收益200万 奖励给团队最少多少", "更正 是150万")
    assert "至少105万元" in corrected.text and "105元" not in corrected.text


def test_starters_in_business_too_short_are_taken_off_the_count_when_the_parts_add_up(talk):
    [counted] = talk.conversation("社区登记了5个就业困难人员自主创业 其中3个执照满半年以上 1个4个月 1个刚办 能领的一共多少")
    assert "5人 − 2人 = 3人；5000元 × 3人 = 15000元" in counted.text and "25000" not in counted.text


def test_one_of_counted_cooperatives_told_its_own_products_is_set_apart(talk):
    _, apart, more = talk.conversation("镇里4个合作社都是初次拿绿色食品认证 每家各1个产品 一共多少", "其中一家其实是3个产品",
                                       "另外还有2家首次获有机产品认证 全镇合计")
    assert "60000元 + 24000元 = 84000元" in apart.text and "其中1个" in apart.text
    assert "60000元 + 24000元 + 100000元 = 184000元" in more.text
    [shops] = talk.conversation("我们合作社有3家门店 首次获有机产品认证 奖多少")
    assert "一次性50000元" in shops.text and "150000" not in shops.text  # its shops, not 3 cooperatives


def test_a_caller_asking_by_a_terms_rule_is_judged_by_its_age(talk):
    [young] = talk.conversation("来电 男 49周岁 失业 开店执照满8个月 能按大龄失业人员领一次性创业补贴吗")
    [asked] = talk.conversation("按大龄失业人员的条件 开店的补贴是多少呢")
    assert "不属于大龄失业人员（男满50周岁才算，还差1年）" in young.text and "5000" not in young.text
    [how] = talk.conversation("我失业了 开店一年了 按大龄失业人员申请创业补贴 咋算")
    assert "一次性5000元" in asked.text and "一次性5000元" in how.text  # the subsidy asked, no one judged


def test_a_couple_word_after_their_total_is_those_summed(talk):
    *_, rise = talk.conversation("抗美援朝老兵一年给多少钱啊", "俺家老太太是烈士遗属", "老两口一年共多少", "比去年老两口多了多少")
    *_, elders = talk.conversation("我爷爷是抗日老兵 当年立过一等功 立功的每个月能多给多少",
                                   "那连老兵补助带立功的 他一年总共多少", "我姥爷是抗美援朝的 立的是三等功 他一年呢",
                                   "两个老人一年一共")
    assert "600元 + 1200元 = 每年1800元" in rise.text
    assert "21060元 + 1800元 + 15780元 + 600元 = 每年39240元" in elders.text  # two people, four lines


def test_an_operators_one_word_asks_of_the_last_answer(talk):
    _, conditions = talk.conversation("开店的一次性创业补贴原文怎么说的", "条件")
    _, month = talk.conversation("来电 抗日老兵 年标准", "折月")
    _, before = talk.conversation("烈士子女 年标", "调前")
    assert "正常经营满6个月以上" in conditions.text and "市发改委" not in conditions.text
    assert "每月1755元" in month.text and "原来每年3600元" in before.text


def test_back_to_someone_after_suppositions_is_as_he_was_told(talk):
    first, *_, back = talk.conversation("俺爷当过两年义务兵 现在75 每月多少", "要是当了五年呢", "那要是他才五十五呢",
                                        "回到俺爷 两年兵 一年多少")
    *_, her = talk.conversation("俺爷当过两年义务兵 今年75 每月多少", "要是当了五年呢", "说回俺奶 她是烈士子女 今年70 一年多少")
    assert "每月50元" in first.text and "每年4800元（您奶）" in her.text
    assert "50元 × 12 = 每年600元" in back.text and "55岁" not in back.text


def test_the_amount_once_she_is_of_age_is_asked_after_a_verdict(talk):
    _, of_age = talk.conversation("烈士老年子女那个补助 俺妈今年57 能领不", "到岁数了一年给多少")
    _, asked = talk.conversation("烈士老年子女那个补助 俺妈今年57 能领不", "到岁数了没")
    assert "每年4800元（您妈）（年满60周岁后）" in of_age.text and "年满60周岁后" not in asked.text


def test_a_sum_asked_of_a_measure_found_by_its_sentence_is_asked_of_those_that_follow(talk):
    *_, martyr, three = talk.conversation("因公生气军人一属一年多少钱", "病故的军人一属呢", "烈士一属呢", "三个加起来")
    assert martyr.text.startswith("【烈士遗属抚恤补助】每年24570元")
    assert "18460元 + 17490元 + 24570元 = 每年60520元" in three.text


def test_a_new_measure_named_with_a_period_after_the_old_standard_asks_its_standard_now(talk):
    *_, now, summed = talk.conversation("来电 烈士老年子女 60岁以上 年标准", "调前", "同户抗日老兵 年", "合计")
    *_, kept = talk.conversation("烈士老年子女 年标准", "调前", "抗日老兵呢")
    assert now.text.startswith("【抗日老兵生活补助】每年21060元") and "4800元 + 21060元 = 每年25860元" in summed.text
    assert "原来每年19860元" in kept.text


def test_a_contract_signed_anew_for_a_year_meets_the_rule(talk):
    short, renewed = talk.conversation("职介免费介绍一个残疾人就业 签了十一个月合同 交了社保 能拿一百八吗", "改签一年的呢")
    assert "暂不符合" in short.text and "180元" in renewed.text and "暂不符合" not in renewed.text


def test_two_peoples_kinds_said_the_wrong_way_round_are_swapped(talk):
    *_, swapped, both = talk.conversation(
        "俺妈是病故军人遗属 现在一年多少钱", "俺二姨是因公牺牲军人的遗属 比俺妈一年多多少",
        "哎呀说反了 俺妈是因公的 俺二姨是病故的 那俺妈一年多少", "姐俩一年一共")
    _, bare = talk.conversation("我爷爷是抗日老兵 我姥爷是解放战争老兵 俩人一年一共", "弄反了")
    assert "您妈的因公牺牲军人遗属抚恤补助：每年18460元" in swapped.text
    assert "17490元 + 18460元 = 每年35950元" in both.text
    assert "您爷爷的解放战争老兵生活补助：每年16120元" in bare.text and "您姥爷的抗日老兵生活补助：每年21060元" in bare.text


def test_a_figure_a_relative_passes_on_corrects_the_one_talked_about(talk):
    *_, corrected = talk.conversation("俺老公公当年是义务兵 当了两年 今年七十了 现在一个月给多少",
                                      "他在部队立过三等功 那一个月总共多少", "一年呢",
                                      "哦 俺老婆婆说是当了三年兵 不是两年 那一个月一年各多少")
    assert "25元 × 服役3年 = 每月75元" in corrected.text and "900元 + 600元 = 每年1500元；折合每月125元" in corrected.text
    assert "您老婆婆" not in corrected.text


def test_operators_shorthand_for_the_wars_and_the_standards_is_read(talk):
    first, same = talk.conversation("来电咨询 优抚 抗美 原标 新标", "解放 同问")
    assert "14580元" in first.text and "15780元" in first.text
    assert "14920元" in same.text and "16120元" in same.text


def test_the_most_against_the_least_of_three_standards_is_their_difference(talk):
    _, apart = talk.conversation("抗日的 解放的 抗美援朝的 这三样老兵 今年各涨了多少", "那现在哪个最多 比最少的那个多多少")
    assert "相差：21060元 − 15780元 = 每年5280元" in apart.text


def test_a_rate_per_year_of_service_rose_by_a_percentage_whatever_the_years(talk):
    _, pct = talk.conversation("老义务兵的补助标准怎么算的", "涨了百分之几")
    assert "（25元 − 20元）÷ 20元 = 25%" in pct.text


def test_another_certification_also_won_joins_the_total_and_a_count_corrected_keeps_it(talk):
    _, both, corrected = talk.conversation("合作社今年头回拿了绿色食品认证 三个产品", "无公害也拿了 两个产品 一共多少",
                                           "绿色那个说错了 是五个产品")
    assert "24000元 + 4000元 = 28000元" in both.text and "28000元 + 4000元 = 32000元" in corrected.text


def test_a_figure_supposed_within_a_range_gives_the_sum_for_the_sites_counted(talk):
    *_, supposed = talk.conversation("區裡設了三個創業扶持網點 最多能補多少", "要是設五個呢", "一個網點平均按兩萬算呢")
    assert "20000元 × 5个网点 = 100000元" in supposed.text


def test_a_sum_told_of_a_provision_named_only_in_everyday_words_is_reckoned_by_it(talk):
    reply, _ = talk("俺们研究所转让了个专利 收益八十万 给团队能奖多少")
    assert "至少560000元" in reply.text and "关注九" in reply.text


def test_the_nth_item_of_a_list_the_plan_gives_is_answered_in_its_words(talk):
    _, fifth = talk.conversation("暖流计划惠及哪六类人群", "第五类是啥")
    _, third = talk.conversation("行动方案总体分几个方面", "第三个方面呢")
    assert "第5类：参加城镇职工医保和城乡居民医保人员" in fifth.text and "第3个方面：鼓励支持创业" in third.text


def test_the_nth_of_several_measures_listed_is_that_measure_not_a_member_of_a_group(talk):
    _, second = talk.conversation("三品一标各奖多少", "第二个要是五个产品呢")
    assert "【绿色食品认证奖补】28000元" in second.text and "第2个的" not in second.text


def test_a_share_split_among_a_team_and_what_the_floor_leaves_the_unit(talk):
    floor, each, kept, cap = talk.conversation("我们所里一项专利转让收了100万 奖励团队的不低于多少",
                                               "团队五个人平分 每人至少多少", "那单位最多留多少", "团队最多能拿多少")
    assert "700000元" in floor.text
    assert "平分成5份，每份至少：700000元 ÷ 5 = 140000元" in each.text
    assert "单位最多留300000元" in kept.text and "（100% − 70%）" in kept.text
    assert "最多700000" not in cap.text  # 不低于70%: a floor, no cap


def test_what_is_left_of_a_span_the_plan_grants_after_the_time_in_business(talk):
    left, over = talk.conversation("我在自己家开店已经三年了 租金还能免几年", "那要是开了六年呢")
    assert "还剩2年（5年 − 已经营3年 = 2年）" in left.text and "创业补贴" not in left.text
    assert "5年的期限已过" in over.text and "创业补贴" not in over.text


def test_a_figure_in_hectares_is_given_in_the_mu_asked_for(talk):
    [mu] = talk.conversation("榛子计划发展多少亩")
    assert "300公顷 × 15 = 4500亩" in mu.text


def test_a_group_told_in_parts_by_years_of_service_is_summed_part_by_part(talk):
    month, before = talk.conversation("俺们村五个老义务兵 都过六十了 三个当了三年兵 两个当了五年兵 一个月一共能领多少",
                                      "提标以前一个月一共多少")
    assert "75元 × 3人 = 225元" in month.text and "125元 × 2人 = 250元" in month.text and "每月475元" in month.text
    assert "每月380元" in before.text


def test_some_of_a_group_told_apart_add_only_what_they_alone_did(talk):
    [month] = talk.conversation("村里七个老义务兵都六十以上了 四个当兵两年 三个当兵三年 其中俩立过三等功 一个月一共多少")
    assert "50元 × 2人 = 100元" in month.text and "每月525元" in month.text


def test_one_of_a_counted_group_with_a_merit_adds_one_merit(talk):
    _, year = talk.conversation("老兵座谈会来了四个 两个抗日的 两个抗美援朝的 一年补助一共多少",
                                "其中一个抗美援朝的立过一等功 再算一年一共")
    assert "15780元 × 2人 = 31560元" in year.text and "每年75480元" in year.text


def test_one_of_a_counted_group_said_to_be_of_another_kind_moves_to_it(talk):
    _, moved = talk.conversation("辖区五个老兵 两个抗美援朝的 三个解放战争的 一年一共发多少",
                                 "哦不对 解放战争那三个里头有一个其实是抗日的 重新算一年的")
    assert "16120元 × 2人 = 32240元" in moved.text and "1个抗日老兵" in moved.text and "每年84860元" in moved.text


def test_an_operators_recount_of_one_group_keeps_the_total(talk):
    first, recount, rise = talk.conversation("辖区遗属统计：烈士遗属4人 因公牺牲遗属2人 病故军人遗属3人 年度总额",
                                             "病故的少报一个 应为4人 重算年度", "较提标前年度增加额")
    assert "每年187670元" in first.text and "18460元 × 2人" in first.text
    assert "17490元 × 4人 = 69960元" in recount.text and "每年205160元" in recount.text
    assert "每年6000元" in rise.text


def test_the_old_standard_asked_as_before_the_raise_in_the_period_asked(talk):
    _, old = talk.conversation("烈士老年子女一个月多少", "提标前呢")
    assert "每月300元" in old.text


def test_a_spouses_parent_said_through_a_pronoun_makes_the_spouse_a_survivors_child(talk):
    _, hers, both = talk.conversation("俺家老爷子是抗美元朝的老兵 现在一年给多少钱啊",
                                      "俺老伴儿她爹是列士 她今年六十三了 她有没有", "老爷子和俺老伴儿加一块一个月多少")
    assert "烈士老年子女生活补助】每年4800元（您老伴儿）" in hers.text and "15780" not in hers.text
    assert "每月1715元" in both.text


def test_a_count_of_people_asked_after_one_standard_counts_that_many(talk):
    *_, two = talk.conversation("解放戰爭老兵補助標準是多少", "兩個人一年一共多少")
    assert "16120元 × 2人 = 32240元" in two.text


def test_a_death_corrected_with_the_old_one_denied_is_the_new_one(talk):
    _, corrected = talk.conversation("我老伴儿是在部队因公牺牲的 我一年领多少", "哦说错了 他是在部队病故的 不是因公牺牲")
    assert "病故军人遗属抚恤补助】每年17490元" in corrected.text


def test_sites_added_by_a_count_in_a_word_and_both_bounds_summed(talk):
    _, most, least = talk.conversation("区里要建三个创业扶持网点 补贴最多多少", "再加俩农村电商示范点 一共最多多少",
                                       "都按最低算呢")
    assert "合计最多：90000元 + 100000元 = 190000元" in most.text
    assert "合计最少：30000元 + 100000元 = 130000元" in least.text


def test_a_rise_over_years_is_the_rise_times_the_years(talk):
    *_, more = talk.conversation("抗美援朝老兵一年多少", "比老标准五年多拿多少")
    assert "1200元 × 5年 = 6000元" in more.text and "78900" not in more.text


def test_placements_said_free_of_charge_are_no_benefit_the_plan_lacks(talk):
    paid, short = talk.conversation("我们中介这个月免费介绍了23个就业困难人员 都签了一年以上合同交了社保 补贴多少",
                                    "还有6个人合同只签了半年 这几个给不给")
    assert "180元 × 23人 = 4140元" in paid.text
    assert "暂不符合" in short.text and "合计0元" not in short.text


def test_the_share_of_a_line_named_or_of_each_in_the_total_before(talk):
    _, named, each = talk.conversation("老兵座谈会来了四个 两个抗日的 两个抗美援朝的 一年补助一共多少", "抗日那俩占百分之多少",
                                       "每种占总数的百分之多少")
    assert "42120元 ÷ 73680元 = 57.17%" in named.text and "6.04%" not in named.text
    assert "57.17%" in each.text and "31560元 ÷ 73680元 = 42.83%" in each.text


def test_the_offices_of_three_things_asked_one_per_turn_are_a_line_each(talk):
    *_, offices = talk.conversation("俺爸七十了 当了六年义务兵 一个月给多少", "我想在自己家住宅里开个网店 土地租金能免几年",
                                    "我儿子大学刚毕业也想创业 有个啥大学生创业计划", "这仨事分别找哪个部门")
    assert "老义务兵生活补助：市民政局" in offices.text and "市国土局" in offices.text and "市教育局" in offices.text


def test_a_span_the_plan_grants_is_its_figure_not_a_detail_it_lacks(talk):
    [span] = talk.conversation("在自己家开网店 土地租金免几年")
    assert "5年内" in span.text and "没有写具体数字" not in span.text


def test_an_award_shared_among_a_cooperatives_households(talk):
    _, each = talk.conversation("俺们合作社拿了农产品地理标志登记 奖补多少", "合作社二十户平分 每户多少")
    assert "平分成20份，每份：100000元 ÷ 20 = 5000元" in each.text


def test_an_average_over_the_figure_the_words_after_it_name(talk):
    _, each = talk.conversation("创业孵化基地重点培育几户企业 扶持创业多少户 带动就业多少人", "平均每户创业带动几个人就业")
    assert "7万人 ÷ 3000户 = 约23.33人" in each.text


def test_operators_product_counts_in_shorthand(talk):
    *_, both = talk.conversation("无公害 初次 3品 奖补？", "绿色 初次 4品？", "合计")
    assert "合计：5000元 + 26000元 = 31000元" in both.text


def test_a_rule_of_no_figure_asked_a_number_quotes_its_own_words(talk):
    [rule] = talk.conversation("科研项目资金里劳务费比例还限制不")
    assert "全面取消科研项目资金中劳务费比例限制" in rule.text


def test_who_is_in_charge_of_this_is_the_last_measures_office(talk):
    _, office = talk.conversation("贫困户贷款难 暖流计划有啥招", "这块谁负责")
    assert "市金融办" in office.text and "组织实施" not in office.text


def test_whether_someone_is_of_a_term_set_by_ages_and_gender(talk):
    [no] = talk.conversation("我媳妇三十八 下岗了 算大龄失业人员不")
    assert "您媳妇（女，38岁）：不属于大龄失业人员（女满40周岁才算，还差2年）" in no.text
    [both] = talk.conversation("我和我老伴都下岗失业了 我男的五十二 她四十三 俺俩算大龄失业人员不")
    assert "您（男，52岁）：属于大龄失业人员" in both.text and "您老伴（女，43岁）：属于大龄失业人员" in both.text


def test_a_sum_told_after_a_total_word_is_that_sum_not_the_word(talk):
    _, least = talk.conversation("我在市属科研院所 单位把专利转让了 奖励我们团队能有多少",
                                 "转让收益一共200万 我们团队最少能分多少")
    assert "按200万元计，至少140万元" in least.text and "0.7元" not in least.text


def test_a_count_corrected_after_i_misread_it_then_one_more(talk):
    _, four, five = talk.conversation("我们合作社绿色食品认证初次过了六个产品 给多少", "等会 我看错了 是四个",
                                      "再加一个呢 五个")
    assert "26000元" in four.text and "28000元" in five.text


def test_a_death_corrected_for_an_uncle_changes_his_widows_line(talk):
    _, corrected, apart = talk.conversation("我大伯是因公牺牲的军人 我大娘能拿多少一年", "哎说错了 不是因公 是在部队病故的",
                                            "那跟因公牺牲的差多少")
    assert "病故军人遗属抚恤补助】每年17490元（您大娘）" in corrected.text
    assert "18460元 − 17490元 = 每年970元" in apart.text


def test_three_things_asked_in_turns_added_up_when_the_third_is_told(talk):
    *_, three = talk.conversation("合作社首次绿色食品认证 4个产品 奖补多少", "同时拿了有机认证 新认证的 又给多少",
                                  "还有个地理标志登记 三项加一块多少")
    assert "26000元 + 50000元 + 100000元 = 176000元" in three.text


def test_an_operators_years_of_service_listed_with_slashes(talk):
    month, corrected = talk.conversation("村里5个老义务兵 均满60 服役年限3/4/5/6/8年 每月合计",
                                         "更正 服役8年那位今年59 重算每月合计")
    assert "每月650元" in month.text and "每月450元" in corrected.text


def test_a_retiree_of_the_sixties_is_no_worker_and_gets_his_one_measure(talk):
    [rise] = talk.conversation("我爸是六十年代精简退职的老职工 补助涨不涨 咋涨")
    assert "六十年代精简退职职工生活补助】" in rise.text and "集体协商" not in rise.text


def test_an_operators_merit_level_by_the_year(talk):
    [year] = talk.conversation("荣誉称号 年")
    assert "每年2400元" in year.text


def test_a_life_told_with_before_asks_no_old_standard(talk):
    [now] = talk.conversation("我爸以前国企下岗的 现在自己开了个小卖部 执照领了七个月 能领啥补贴")
    assert "没有写原来的" not in now.text and "5000元" in now.text


def test_these_years_ask_no_number_of_a_rule(talk):
    _, years = talk.conversation("我是高校老师搞科研的 想带着项目出去创业 人事关系咋办", "那这几年工龄算不算")
    assert "工作年限连续计算" in years.text and "没有写具体数字" not in years.text


def test_a_job_seeker_short_of_the_older_age_is_told_how_far(talk):
    [short] = talk.conversation("俺今年四十八 男的 失业了 是不是那个大龄失业人员")
    assert "不属于大龄失业人员" in short.text and "还差2" in short.text


def test_three_items_of_one_target_added_up_are_its_items_not_earlier_lines(talk):
    _, three = talk.conversation("俺们妇女想学创业 有培训不 多少人", "大学生和中小企业管理者培训各多少 三样加一块多少人")
    assert "9000人" in three.text and "创业失败" not in three.text


def test_how_much_a_fee_is_cut_asks_the_cut_not_the_office_asked_before(talk):
    _, cut = talk.conversation("农民工返乡创业是哪个部门扶持的", "那水利局那边 养鱼的那个保护费降多少")
    assert "5%" in cut.text


def test_what_is_paid_after_a_span_the_plan_grants_is_not_stated(talk):
    *_, after = talk.conversation("俺家住一楼 想在家整个裁缝铺 土地租金咋整", "头五年免了 第六年交多少")
    assert "没写明" in after.text and "元" not in after.text.split("咨询")[0]


def test_how_long_until_one_is_of_the_older_age_after_being_told_one_is_not(talk):
    _, wait = talk.conversation("我是女的 三十八岁 失业好几年了 算大龄失业人员不", "那我还得等几年才算")
    assert "还差2年" in wait.text


def test_another_certification_said_with_at_the_same_time_joins_the_total(talk):
    *_, both = talk.conversation("俺们合作社初次有五个产品拿了无公害认证 能给多少奖补", "说错了 是十个产品",
                                 "要是同时还有三个产品初次拿了绿色食品认证 一共多少")
    assert "合计：10000元 + 24000元 = 34000元" in both.text


def test_what_is_left_of_the_rent_free_years_after_a_year_and_a_half(talk):
    _, left = talk.conversation("在自己家开网店 土地租金免几年", "我已经免了一年半了 还剩多长时间")
    assert "还剩3.5年" in left.text and "创业补贴" not in left.text


def test_the_plans_name_beside_a_benefit_it_lacks_does_not_answer_with_the_plan(talk):
    lacks, home = talk.conversation("暖流计划里买房有补贴没", "那在自己家住宅里开店呢")
    assert "没有提到“买房补贴”" in lacks.text and "871.4" not in lacks.text
    assert "免收土地租金：5年内" in home.text


def test_everyday_words_for_skills_training_and_a_failed_business(talk):
    [skills] = talk.conversation("失业了 想学门手艺 暖流计划有培训没")
    assert "城镇失业人员职业技能培训" in skills.text
    [failed] = talk.conversation("创业黄了赔了 暖流计划还管不管")
    assert "创业失败人员就业服务" in failed.text


def test_a_count_told_after_the_least_and_the_most_gives_the_sum(talk):
    bounds, four = talk.conversation("绿色食品认证 最少给多少 最多给多少", "俺们有4个产品")
    assert "最少20000元，最多30000元" in bounds.text and "26000元" in four.text


def test_a_sum_and_a_rise_asked_together_get_both(talk):
    _, both = talk.conversation("俺们家两个人 俺大舅是因公牺牲军人遗属 俺姨是烈士遗属 一年各给多少",
                                "加一块儿多少 比以前多了多少")
    assert "每年43030元" in both.text and "每年1200元" in both.text


def test_a_part_of_the_plan_asked_by_its_number_lists_what_it_holds(talk):
    five, nine = talk.conversation("坐席：关注五是哪块内容", "关注九呢")
    assert "发展新型农业项目" in five.text and "绿色食品认证奖补" in five.text
    assert "加强科技人员激励" in nine.text


def test_a_departments_spending_asked_as_a_sum_is_not_stated(talk):
    _, money = talk.conversation("市财政局在这个计划里干啥", "那财政总共投多少钱")
    assert "没写明具体金额" in money.text


def test_a_one_off_award_asked_whether_paid_at_once_says_so(talk):
    [once] = talk.conversation("有机认证那五万是一次给吗")
    assert "是一次性的" in once.text


def test_a_place_asked_of_a_measure_that_lists_places_is_told_in_or_out(talk):
    _, out, inside = talk.conversation("坐席：大果榛子栽植区域？", "来电人在德惠，能不能种？", "九台呢")
    assert "暖流计划列出的地区里没有德惠（列出的是：榆树、九台、农安、双阳、莲花山、绿园）" in out.text
    assert "九台在暖流计划列出的地区里" in inside.text


def test_a_half_year_contract_said_after_the_contract_is_short(talk):
    _, short = talk.conversation("职业介绍补贴要啥条件", "合同签半年的行不")
    assert "暂不符合" in short.text and "合同半年" in short.text


def test_one_of_a_group_counted_before_with_a_merit_adds_to_the_total(talk):
    _, merit = talk.conversation("村里有3个老兵 两个抗日的 一个解放战争的 都九十多了 一年总共多少", "抗日的有一个立过一等功")
    assert "21060元 × 2人 = 42120元" in merit.text and "每年60040元" in merit.text


def test_a_merit_told_later_of_one_of_two_people_keeps_their_total(talk):
    *_, again = talk.conversation("俺爹抗美援朝的 今年八十八", "俺娘呢 她是烈士的闺女 今年六十二", "俩人一年一共多少",
                                  "俺爹还立过二等功 再算算")
    assert "15780元 + 4800元 + 1200元 = 每年21780元" in again.text


def test_a_veterans_wife_asked_after_him_is_told_his_subsidy_is_his_own(talk):
    _, wife = talk.conversation("我姥爷是解放战争的老兵 九十了", "我姥姥呢")
    assert "没有写解放战争老兵的老伴的补助" in wife.text and "如果您姥姥本人也是解放战争老兵" in wife.text


def test_a_relative_asked_after_a_survivor_is_not_assumed_of_her_category(talk):
    _, daughter = talk.conversation("俺是烈士遗属 一年多少", "俺闺女呢 她五十八")
    assert "如果您闺女本人也是烈士遗属" in daughter.text and "（您闺女）" not in daughter.text


@pytest.mark.parametrize("turns", [
    ("榛子计划发展多少亩",), ("在自己家开网店 土地租金免几年", "我已经免了一年半了 还剩多长时间"),
    ("老兵座谈会来了四个 两个抗日的 两个抗美援朝的 一年补助一共多少", "抗日那俩占百分之多少"),
    ("电商示范点补五万 俺们仨合伙开的 平分每人多少",), ("我媳妇三十八 下岗了 算大龄失业人员不",),
    ("我们所里一项专利转让收了100万 奖励团队的不低于多少", "那单位最多留多少"),
    ("在自家房子里开小卖店 土地租金能免几年", "从开始免租金算 已经过了一年零三个月 还能免多久"),
    ("俺们村两个合作社 第一次拿无公害认证 一个三个产品 一个九个产品 各能奖多少", "一共多少"),
    ("农产品地里标志登记 奖补多少", "我们四个村一起搞的 平分 每个村多少"),
])
def test_this_rounds_figures_have_provenance_in_the_reply_text_alone(assistant, talk, turns):
    """As the REST check reads them: the unit factor stated, 1年半 as 18 months, 仨 as 3, the lines of a share."""
    check = Provenance(assistant.store.measures, PLAN_YEARS)
    replies = talk.conversation(*turns)
    for n, reply in enumerate(replies, 1):
        assert check.unexplained(reply.text, stated_numbers(list(turns[:n]))) == [], reply.text  # as typed


def test_a_verdict_on_a_term_is_asked_again_of_the_next_person(talk):
    _, me, _, later = talk.conversation("我媳妇三十八 下岗了 算大龄失业人员不", "那我四十八 男的呢", "我还差几年",
                                        "我五十一了 男的 我算不算")
    assert "您（男，48岁）：不属于大龄失业人员" in me.text
    assert "您（男，51岁）：属于大龄失业人员" in later.text


def test_she_after_talk_of_a_man_is_the_woman_spoken_of_before(talk):
    *_, hers = talk.conversation("俺今年四十八 男的 失业了 是不是那个大龄失业人员", "俺媳妇四十二 也失业了 她算不",
                                 "俺还差几年", "她要是开个店干满半年了 能给多少")
    assert "一次性5000元（您媳妇）" in hers.text


def test_a_sum_shared_stays_shared_when_the_number_of_people_changes(talk):
    _, four = talk.conversation("电商示范点补五万 俺们仨合伙开的 平分每人多少", "要是四个人呢")
    assert "50000元 ÷ 4 = 12500元" in four.text and "示范点 =" not in four.text


def test_a_sum_shared_among_households_is_shared_again_when_a_measure_is_added(talk):
    *_, more = talk.conversation("俺们合作社拿了农产品地理标志登记 奖补多少", "合作社二十户平分 每户多少",
                                 "要是再加个有机新认证呢 每户多少")
    assert "150000元 ÷ 20 = 7500元" in more.text


def test_half_a_year_and_more_of_business_meets_the_six_months(talk):
    reply, _ = talk("我老伴下岗了 五十一了 干个体半年多了 能整着创业补贴不")
    assert "一次性5000元（您老伴）" in reply.text and "月数" not in reply.text


def test_an_organic_renewal_in_its_first_year_is_the_renewal_alone(talk):
    reply, _ = talk("俺们合作社是有机第一年再认证 奖补多少")
    assert "一次性10000元" in reply.text and "50000元" not in reply.text


def test_whether_a_one_off_subsidy_is_paid_twice_says_the_one_off_sum(talk):
    reply, _ = talk("我既是残疾人又是低保户 开店干了八个月了 创业补贴能领两份不")
    assert "没写明能否重复享受" in reply.text and "一次性5000元" in reply.text


def test_a_span_asked_stays_when_a_fact_is_corrected(talk):
    *_, corrected = talk.conversation("我外公七十二岁 当过八年义务兵 一年能拿多少", "那要是领十年呢 一共多少",
                                      "不对 他是当了六年兵 不是八年")
    assert "150元 × 120个月 = 18000元" in corrected.text


def test_years_denied_in_a_correction_are_no_span_asked(talk):
    _, corrected = talk.conversation("我大舅六十八 当了七年义务兵", "哦不对 我大舅当了九年 不是七年")
    assert "每月225元" in corrected.text and "84个月" not in corrected.text


def test_the_difference_of_old_and_new_over_years_is_the_rise_over_them(talk):
    reply, _ = talk("我姥爷抗美援朝 按老标准和新标准 三年下来差多少")
    assert "1200元 × 3年 = 3600元" in reply.text and "47340元" not in reply.text


def test_an_average_over_a_month_is_no_month_of_business(talk):
    *_, month = talk.conversation("我奶奶是烈士遗属，我姥姥是因公牺牲军人遗属，两个人一年一共多少",
                                  "那平均下来俩人一个月一共多少")
    assert "创业补贴" not in month.text and "每月" in month.text


def test_an_age_said_before_youth_is_still_the_age(talk):
    reply, _ = talk("我爸今年六十五 年轻时当了五年义务兵 现在每月补多少")
    assert "每月125元（您爸）" in reply.text


def test_some_of_a_group_told_apart_without_the_rest_named_keep_the_groups_lines(talk):
    [month] = talk.conversation("俺们村五个老义务兵 都七十多了 都当了四年兵 其中两个立过三等公 一个月一共多少")
    assert "100元 × 5人 = 500元" in month.text and "50元 × 2人 = 100元" in month.text and "每月600元" in month.text
    [year] = talk.conversation("我们这有三个抗美援朝老兵 其中一个立过一等功 一年一共多少")
    assert "15780元 × 3人 = 47340元" in year.text and "每年49140元" in year.text


@pytest.mark.parametrize("said, expected", [
    (("烈子 月标",), "每月400元"), (("烈子 月标", "旧月标"), "每月300元"),
    (("返乡农民工 免费培训人数", "归口"), "市人社局"), (("创补 条件",), "6个月"), (("绿食 初次 4品",), "26000元"),
])
def test_operators_shorthand_is_read_as_the_plans_words(talk, said, expected):
    assert expected in talk.conversation(*said)[-1].text


@pytest.mark.parametrize("turns, expected", [
    (("抗美援朝老兵 3人 × 年标 合计",), "15780元 × 3人 = 47340元"),
    (("烈士遺屬 年標 2人 合计", "应为 3人"), "24570元 × 3人 = 73710元"),
    (("烈子60+ 3人×年标 合计",), "4800元 × 3人 = 14400元"),
    (("中介 介绍 12人 合计",), "180元 × 12人 = 2160元"),
])
def test_operators_count_people_apart_from_the_category_they_name(talk, turns, expected):
    assert expected in talk.conversation(*turns)[-1].text


def test_a_value_corrected_within_the_message_replaces_the_one_before_it(talk):
    reply, _ = talk("老义务兵 68岁 服役3年 应为5年 +二等功 月合计")
    assert "25元 × 服役5年 = 每月125元" in reply.text and "每月225元" in reply.text


def test_an_operators_caller_told_by_gender_and_age_is_judged(talk):
    reply, _ = talk("来电 男46 失业 开店8个月 算大龄吗")
    assert "您（男，46岁）：不属于大龄失业人员" in reply.text


def test_a_time_granted_less_years_and_months_gone_is_what_is_left(talk):
    _, left = talk.conversation("在自家房子里开小卖店 土地租金能免几年", "从开始免租金算 已经过了一年零三个月 还能免多久")
    assert "还剩45个月" in left.text


def test_what_a_group_got_each_of_its_parts_got(talk):
    each, total = talk.conversation("俺们村两个合作社 第一次拿无公害认证 一个三个产品 一个九个产品 各能奖多少", "一共多少")
    assert "第1个：5000元" in each.text and "第2个：10000元" in each.text and "15000元" in total.text


def test_our_two_old_folks_are_the_two_spoken_of_not_me_and_one_of_them(talk):
    *_, both = talk.conversation("俺家老爷子是抗美援朝老兵 现在一年能拿多钱", "俺老丈人是打解放战争的 他呢",
                                 "俺俩老人加一块一年多钱")
    assert "每年31900元" in both.text


def test_a_group_of_old_women_told_in_parts_by_category_sums_each_part(talk):
    [year] = talk.conversation("我们这仨老太太 一个是烈士遗属 两个是病故军人遗属 一年一共多少")
    assert "17490元 × 2人 = 34980元" in year.text and "每年59550元" in year.text


def test_a_sum_asked_with_its_measures_after_a_rise_is_the_amount(talk):
    _, year = talk.conversation("我爷爷是抗日老兵 当年立过一等功 立功的每个月能多给多少", "那连老兵补助带立功的 他一年总共多少")
    assert "每年22860元" in year.text


def test_the_plans_cap_said_back_is_no_count_of_products(talk):
    *_, cap = talk.conversation("无公害奖补零点三万 是三千还是三百", "最高一万 几个产品就封顶了")
    assert "到顶需要8个产品" in cap.text


def test_villages_doing_it_together_share_the_sum(talk):
    _, share = talk.conversation("农产品地里标志登记 奖补多少", "我们四个村一起搞的 平分 每个村多少")
    assert "100000元 ÷ 4 = 25000元" in share.text


def test_the_villages_a_target_is_built_in_are_never_added_to_what_is_built(talk):
    first, both = talk.conversation("俺们是贫困村听说给建大棚一共建多少个多少村", "大棚温室加一块多少个")
    assert "74个 +" not in first.text and "74个 +" not in both.text and "100个 + 100栋 = 200个" in both.text


def test_what_serves_every_group_said_comes_first_in_what_a_person_can_claim(talk):
    _, shop = talk.conversation("俺是吃地保的这个暖流计划低保给涨到多少了", "那俺想开个小店有啥补贴不")
    assert shop.text.index("就业困难人员一次性创业补贴") < shop.text.index("城区城市低保标准")


def test_a_loan_for_poor_households_after_greenhouses_is_the_loan_fund(talk):
    _, loan = talk.conversation("俺们是贫困村听说给建大棚一共建多少个多少村", "贷款那个呢贫困户能贷款不")
    assert "贫困农户贷款风险补偿基金" in loan.text


def test_an_operators_category_corrected_with_fei_moves_the_counted_line(talk):
    *_, month = talk.conversation("抗美援朝老兵 3人 × 年标 合计", "应为 解放战争 非抗美", "月合计")
    assert "16120元 × 3人 = 48360元" in month.text and "15780元" not in month.text


@pytest.mark.parametrize("turns, expected", [
    (("户: 父 解放战争老兵, 母 因公遗属(兄因公牺牲). 年合计", "应为 病故 非因公"), "每年33610元"),
    (("我奶奶是烈士遗属，我姥姥是因公牺牲军人遗属，两个人一年一共多少", "说错了 我姥姥那边是病故的 不是因公牺牲"), "每年42060元"),
])
def test_a_survivor_whose_soldiers_death_is_corrected_is_of_that_deaths_category(talk, turns, expected):
    assert expected in talk.conversation(*turns)[-1].text


def test_an_operators_list_of_survivors_by_the_soldiers_death_names_each_category(talk):
    listed, narrowed = talk.conversation("三属 年标 烈属 因公 病故 分别", "病故 月")
    assert all(f in listed.text for f in ("每年24570元", "每年18460元", "每年17490元"))
    assert "病故军人遗属" in narrowed.text and "烈士遗属抚恤补助" not in narrowed.text
    [rise] = talk.conversation("三属抚恤补助标准提高了多少")
    assert "因公牺牲军人遗属抚恤补助：增加每年600元" in rise.text and "没有写具体数字" not in rise.text


def test_we_two_after_talk_of_a_spouse_tells_of_both(talk):
    _, both = talk.conversation("我和我老伴都下岗失业了 我男的五十二 她四十三 俺俩算大龄失业人员不",
                                "俺俩都想自己干个体 营业执照办下来半年多了 一人能领多少 俩人一共多少")
    assert "您老伴：一次性5000元" in both.text and "10000元" in both.text


def test_a_share_asked_after_a_floor_is_the_floor_shared(talk):
    _, share = talk.conversation("俺们成果转让收益一百万 奖励团队最少多少", "团队五个人平分 每人多少")
    assert "700000元 ÷ 5 = 140000元" in share.text


def test_a_measure_said_to_be_another_of_its_family_is_that_other(talk):
    *_, renewal, together = talk.conversation(
        "合作社今年新拿到有机产品认证 同时获得了农产品地理标志登记 这两项一共奖补多少", "明年有机认证是第一年再认证 还能拿多少",
        "那这几项加一块总共多少")
    assert "一次性10000元" in renewal.text and "50000元" not in renewal.text and "160000元" in together.text


def test_a_fact_told_of_one_of_a_household_totalled_totals_the_household_again(talk):
    *_, year = talk.conversation("来电人 本人 义务兵 服役6年 64岁 配偶 烈士子女 61岁 月合计", "年合计",
                                 "本人 服役期间三等功 年合计")
    assert "每年7200元" in year.text


def test_years_over_which_a_sum_is_asked_are_a_span_not_a_figure_of_the_plan(talk):
    *_, ten = talk.conversation("我爸七十五 当了五年义务兵 还得过个人荣誉称号 一个月多少", "一年", "十年下来")
    assert "3900元 × 10年 = 39000元" in ten.text


def test_service_years_said_with_ne_of_a_new_person_are_theirs(talk):
    _, uncle = talk.conversation("我爸今年六十五 年轻时当了五年义务兵 现在每月补多少", "我大舅六十八 当了七年呢")
    assert "每月175元（您大舅）" in uncle.text


def test_whether_someone_is_of_a_term_that_lists_its_kinds_is_answered_with_the_list(talk):
    reply, _ = talk("我刚毕业没找到工作 家里条件不好 算就业困难人员吗")
    assert "家庭经济困难未就业高校毕业生" in reply.text and "8类就业困难人员" in reply.text


def test_an_agency_one_goes_to_is_no_agency_one_is_and_its_fee_is_the_plans_word(talk):
    reply, _ = talk("我要是去中介找工作 中介收我钱不")
    assert "免费介绍" in reply.text and "您：" not in reply.text


def test_a_shop_opened_by_a_relative_also_is_judged_by_its_months(talk):
    *_, mum, both = talk.conversation("我爸以前国企下岗的 现在自己开了个小卖部 执照领了七个月 能领啥补贴",
                                      "我妈是吃低保的 她也开了一个店 才三个月", "等她也够了 俩人一共多少")
    assert "还差3个月" in mum.text and "10000元" in both.text


def test_a_husbands_father_is_no_husband_and_his_years_corrected_in_the_message_count(talk):
    reply, _ = talk("俺老公公今年八十二 当了三年义务兵 不对 是四年 俺公公自己说是四年 一个月多少")
    assert "每月100元（您老公公）" in reply.text


def test_how_long_until_someone_is_of_a_term_is_judged_in_years(talk):
    reply, _ = talk("我闺女三十八 下岗在家 还差几年才算那个大龄失业人员")
    assert "还差2年" in reply.text


def test_some_of_those_placed_supposed_short_are_taken_off_the_agencys_count(talk):
    _, fewer = talk.conversation("俺开了个职业中介 介绍了十二个就业困难的人上班 都签了一年合同交了社保 一共能补多少",
                                 "要是里头有三个只签了半年的合同呢")
    assert "12人 − 3人 = 9人" in fewer.text and "1620元" in fewer.text


def test_one_part_of_a_sum_supposed_otherwise_keeps_the_other_parts(talk):
    _, low = talk.conversation("区里设了3个创业扶持网点 每个按最高补 另外有10个就业困难人员创业都满半年了 这两块加一起最多多少",
                               "网点要是都按最低补呢")
    assert "30000元 + 50000元 = 80000元" in low.text


def test_a_figure_of_the_same_name_in_each_target_is_summed_across_them(talk):
    _, both = talk.conversation("孵化基地带动就业和创业担保贷款带动就业 加一块多少人", "扶持创业的户数加一起呢")
    assert "3000户 + 1万人 = 13000人" in both.text


def test_whether_a_training_costs_and_how_much_is_said_unstated(talk):
    _, fee = talk.conversation("我是搞农机修理的 想参加新型职业农民培训 有这方面内容吗", "培训收费吗 收多少")
    assert "没写明是否收费" in fee.text


def test_members_years_run_together_in_voice_input_are_each_theirs(talk):
    month, _ = talk.conversation(
        "俺们村有五个老兵都是义务兵都七十往上了一个当了三年一个四年两个各五年还有一个六年他们一个月一共能领多少", "一年一共呢")
    assert "第2位：每月100元" in month.text and "125元 × 2人 = 250元" in month.text and "每月575元" in month.text


def test_siblings_ages_run_together_are_each_theirs_and_we_sums_them(talk):
    reply, _ = talk("俺们兄妹三个俺爹是烈士俺大哥六十八二姐六十三俺今年五十六俺们一年能领多少那个烈士子女的钱")
    assert "二姐：每年4800元" in reply.text and "每年9600元" in reply.text


def test_a_merit_said_without_gong_is_still_that_merit(talk):
    _, both = talk.conversation("俺爸当兵时立过二等公就是二等功现在八十了一年能多拿多少",
                                "俺叔立的是一等的他俩一个月加起来多给多少")
    assert "100元 + 150元 = 每月250元" in both.text


@pytest.mark.parametrize("turns", [("就业困难人员都包括哪些人", "你只说了五类，另外三类是啥"),
                                   ("8类就业困难人员 具体哪8类", "另外3类是啥")])
def test_the_kinds_a_term_leaves_unnamed_are_said_to_be_unstated(talk, turns):
    rest = talk.conversation(*turns)[-1]
    assert "只列出了这5类" in rest.text and "5000元" not in rest.text


def test_a_number_asked_after_an_office_is_the_number(talk):
    *_, firms = talk.conversation("谁来办这种孵化基地", "重点培育几户企业")
    assert "10户" in firms.text and "承办部门" not in firms.text


def test_those_who_can_claim_added_up_are_everyone_told_of_who_can(talk):
    *_, both = talk.conversation("俺们家哥仨都当过义务兵 俺大哥七十 当了六年 他一个月多少", "俺二哥六十六 当了三年",
                                 "俺五十八 当了五年 俺有没有", "那能领的俩人加起来一个月多少")
    assert "每月225元" in both.text


def test_when_one_of_a_group_can_claim_is_asked_of_that_one(talk):
    *_, wait = talk.conversation("俺们村三个国企下岗的都自己开了店 执照都办了八个月了 一次性创业补贴一共能有多少",
                                 "说错了 其中一个才开了四个月", "那他还得等多久")
    assert "还差2个月" in wait.text and "您村2个" not in wait.text


@pytest.mark.parametrize("turns, expected", [
    (("俺儿子在南方打工 想回来创业 有啥帮扶", "能培训多少人"), "5200人"),
    (("我们是家庭农场 想学学农机维修 有地方学不",), "农机操作与维修"),
    (("俺在工地干活 包工头老拖工资 这计划管不管", "哪些行业重点查"), "建筑施工"),
])
def test_everyday_words_for_the_plans_measures_find_them(talk, turns, expected):
    assert expected in talk.conversation(*turns)[-1].text


def test_someones_parent_said_through_a_pronoun_is_theirs_not_mine(talk):
    hers, _, both = talk.conversation("我婆婆65，她爸是烈士，她能领啥", "我公公是抗美援朝老兵", "老两口都算上一年多少")
    assert "每年4800元（您婆婆）" in hers.text and "每年20580元" in both.text


def test_a_name_after_jiashang_or_haiyou_is_a_person_added_to_the_sum(talk):
    _, more = talk.conversation("俺们几个都自己开了店 老张是国企下岗的 执照办了九个月 "
                                "小王是家庭困难没就业的大学毕业生 执照办了一年 一次性创业补贴一共多少",
                                "再加上老赵 残疾人 开了七个月了")
    assert "老赵：一次性5000元" in more.text and "15000元" in more.text


@pytest.mark.parametrize("turns, expected", [
    (("来电：女，问其父抗日老兵补助现标准，年/月各多少",), "折合每月1755元"),
    (("来电，父抗美援朝老兵，年标准？", "岳父66岁，义务兵7年，月额？", "父+岳父年合计"), "每年17880元"),
    (("俺爷是抗日老兵 一年给多钱", "俺姥爷是抗美元朝的 他呢", "俩老爷子加一块一年多钱"), "每年36840元"),
])
def test_operators_and_families_name_people_as_they_talk(talk, turns, expected):
    assert expected in talk.conversation(*turns)[-1].text


def test_rises_in_percent_asked_as_a_total_are_the_rises_added(talk):
    _, rise = talk.conversation("来电人祖母为烈士遗属，婶母为因公牺牲军人遗属，分别年标准", "两人年涨幅合计")
    assert "600元 + 600元 = 每年1200元" in rise.text


def test_an_operators_另_adds_a_merit_to_the_callers_total(talk):
    *_, month = talk.conversation("来电：男，58岁，老义务兵服役6年，问能否享受补助", "追问：满60后月额",
                                  "另服役期间立二等功，满60后月合计")
    assert "150元 + 100元 = 每月250元" in month.text


def test_another_kind_said_to_pay_more_is_compared_with_the_one_before(talk):
    _, more = talk.conversation("俺家老头子当兵那时候在部队病古了 俺一年能领多钱", "听说因公牺牲的给的多 多多少")
    assert "18460元 − 17490元 = 每年970元" in more.text


def test_a_time_supposed_when_every_requirement_is_met_needs_no_more_facts(talk):
    _, then = talk.conversation("我老公48失业了，算大龄吗", "等他满50了再开店，够六个月能拿多少")
    assert "一次性5000元（您老公）" in then.text and "月数" not in then.text


def test_enough_said_of_an_age_is_no_month_of_business(talk):
    *_, both = talk.conversation("俺和俺弟都当过义务兵 俺六十一当了三年 俺弟五十八当了五年 俺俩现在一个月各领多少",
                                 "等他也够了 俺俩一个月一共多少")
    assert "创业补贴" not in both.text and "每月200元" in both.text


def test_a_group_told_of_her_after_a_verdict_judges_her_again(talk):
    _, again = talk.conversation("我姐38，失业在家想开网店，能领那个5000的创业补贴吗", "她家是低保户呢")
    assert "暂不符合" not in again.text and "您姐：标准一次性5000元" in again.text


def test_someone_who_is_也_of_the_same_group_has_the_same_measure_and_a_supposed_claim_is_summed(talk):
    *_, both = talk.conversation("我姐38，失业在家想开网店，能领那个5000的创业补贴吗", "她家是低保户呢",
                                 "我爸51岁也失业了要创业，他俩都能领的话一共多少")
    assert "5000元 + 5000元 = 10000元" in both.text


def test_whoever_tells_a_corrected_figure_is_not_whom_it_is_of(talk):
    *_, years = talk.conversation("俺家老爷子今年七十三了，年轻时候当过义务兵", "他当了五年兵，那一个月能给多少钱",
                                  "不对不对，俺妈搁旁边说是六年，俺记岔了")
    *_, told = talk.conversation("我爷爷当过义务兵两年今年八十一一个月多少钱", "我奶奶说是三年不是两年")
    assert "每月150元（您老爷子）" in years.text and "每月75元（您爷爷）" in told.text


def test_whoever_says_讲是_or_记得是_passes_a_figure_on_as_说是_does(talk):
    *_, told = talk.conversation("我爷爷当过义务兵两年今年八十一一个月多少钱", "我奶奶讲是三年不是两年")
    *_, remembered = talk.conversation("我爷爷当过义务兵两年今年八十一一个月多少钱", "不对，我奶奶记得是四年")
    assert "每月75元（您爷爷）" in told.text and "每月100元（您爷爷）" in remembered.text


def test_a_headcount_told_or_corrected_after_a_per_person_amount_counts_its_people(talk):
    _, five, six = talk.conversation("俺们村有几个老兵，当年都是义务兵，岁数都六七十了，每人都当了三年兵，一个人一个月能给多少",
                                     "一共五个人，一个月总共多少钱", "哎呀俺数差了，是六个人")
    assert "75元 × 5人 = 375元" in five.text and "75元 × 6人 = 450元" in six.text


def test_a_short_contract_part_said_twice_in_a_message_is_taken_off_once(talk):
    _, some = talk.conversation("我们职业中介免费介绍就业困难人员 这个月介绍成了十五个都签了一年以上的合同也交了社保能拿多少",
                                "这十五个里头有三个只签了半年合同那三个算不算")
    assert "15人 − 3人 = 12人；180元 × 12人 = 2160元" in some.text


def test_an_age_in_numerals_run_into_一个月_is_read_as_the_age(talk):
    reply, _ = talk("我姥爷是老义务兵当了七年兵今年七十九一个月给多少")
    assert "每月175元（您姥爷）" in reply.text


def test_能拿多少_after_a_rise_asks_the_amount_of_the_period(talk):
    *_, half = talk.conversation("我妈是病故军人遗属", "比以前涨了多少", "那半年能拿多少")
    assert "8745元" in half.text


def test_打过小鬼子_is_a_veteran_of_the_war_against_japan(talk):
    reply, _ = talk("俺家老爷子当年打过小鬼子 现在国家一年给多少钱")
    assert "【抗日老兵生活补助】每年21060元" in reply.text


def test_what_俺俩_tells_of_me_leaves_the_others_own_years(talk):
    *_, both = talk.conversation("俺老伴当过义务兵，干了两年，今年六十八，一个月给多少", "不对，他说是三年，俺记错了",
                                 "俺自个儿也当过五年兵，今年六十三，俺俩一个月加一块儿多少")
    assert "125元 + 75元 = 每月200元" in both.text


def test_干了两年_after_当过义务兵_is_years_of_service(talk):
    reply, _ = talk("俺老伴当过义务兵，干了两年，今年六十八，一个月给多少")
    assert "每月50元（您老伴）" in reply.text and "创业补贴" not in reply.text


def test_a_count_said_before_是_and_recounted_after_数落了_counts_that_group(talk):
    first, recounted = talk.conversation("俺们村还剩几个老兵，俩是抗美援朝的，一个是解放战争的，他们一年一共能领多少",
                                      "俺数落了一个，抗美援朝的是仨")
    assert "31560元 + 16120元 = 每年47680元" in first.text and "47340元 + 16120元 = 每年63460元" in recounted.text


def test_someone_who_also_wants_to_start_a_business_is_judged_for_the_start_up_subsidy(talk):
    _, her = talk.conversation("俺爸五十二了，厂子黄了在家待着，后来自个儿整了个小卖店，营业执照领了八个月了，能给啥补贴不",
                               "俺妈也想开个店，她今年三十九，就是在家待业，不是低保户也没下岗，她算不算")
    assert "暂不符合" in her.text and "还差1年" in her.text


def test_two_people_joined_by_和_before_a_category_are_both_of_it(talk):
    reply, _ = talk("我大伯和我三姑是烈士子女都六十多了 一年各多少")
    assert "· 您大伯：每年4800元\n· 您三姑：每年4800元" in reply.text


def test_two_questions_in_one_message_ask_the_amount_and_the_old_amount(talk):
    _, both = talk.conversation("抗美援朝老兵的补助2017年提高到多少？", "按月算是多少？原来按月是多少？")
    assert "折合每月1315元" in both.text and "原来折合每月1215元" in both.text


def test_他们_after_a_group_of_two_kinds_asks_of_all_of_them(talk):
    _, office = talk.conversation("俺们村还剩几个老兵，俩是抗美援朝的，一个是解放战争的，他们一年一共能领多少",
                                  "让他们上哪儿办手续")
    assert "抗美援朝老兵生活补助：市民政局" in office.text and "解放战争老兵生活补助：市民政局" in office.text


def test_her_father_told_by_the_wife_is_her_father_not_mine(talk):
    *_, corrected = talk.conversation(
        "俺爹跟俺老丈人都是老义务兵，俺爹当了六年今年七十五，俺老丈人当了四年今年六十八，一个月各多少",
        "俺媳妇说她爹当了五年不是四年")
    assert "· 您爹：每月150元" in corrected.text and "· 您老丈人：每月125元（25元 × 服役5年" in corrected.text


def test_他俩_after_two_of_more_answered_is_those_two(talk):
    *_, two = talk.conversation("我奶奶是烈士遗属 一年多少", "我大伯和我三姑是烈士子女都六十多了他们呢", "他俩加一起一年多少")
    assert "4800元 + 4800元 = 每年9600元" in two.text


def test_lines_named_again_with_their_counts_are_told_again_not_added(talk):
    *_, both = talk.conversation("俺们合作社头一回整那个无公害农产品认证，俩产品都过了，能给多少奖补", "那要是十个产品都过了呢",
                                 "那绿色食品认证头一回过了仨产品能给多少", "无公害仨产品加上绿色食品仨产品，俺们一共能拿多少")
    assert "5000元 + 24000元 = 29000元" in both.text


def test_what_a_fee_cut_saves_is_said_and_summed_over_the_years_asked(talk):
    _, three = talk.conversation("来电 养殖户 渔业资源增殖保护费年3000 问降幅", "三年合计省")
    saves, _ = talk("渔业资源增殖保护费原来一年四千 降完能省多少")
    assert "少交150元" in three.text and "150元 × 3年 = 450元" in three.text and "3800元；少交200元" in saves.text


def test_an_operators_correction_of_the_callers_age_is_of_the_caller(talk):
    *_, year = talk.conversation("来电 男58 老义务兵 服役3年 问补助", "更正 年龄录错 实为63", "年")
    assert "每月75元，折合每年900元" in year.text


def test_an_operators_父_before_the_kind_is_the_veteran_not_the_caller(talk):
    reply, _ = talk("来电 女40 父老义务兵 服役6年 父71 问月补")
    assert "每月150元（父）" in reply.text and "暂不符合" not in reply.text


def test_the_callers_husband_fallen_makes_her_a_survivor(talk):
    reply, _ = talk("来电 女80 夫服役期间牺牲 烈士 问年抚恤")
    assert "【烈士遗属抚恤补助】每年24570元" in reply.text


def test_words_of_one_measure_of_a_list_ask_of_that_one(talk):
    _, fund, households = talk.conversation("俺是贫困户想贷款养牛 暖流计划有啥说法", "那个基金出了多少钱", "计划帮多少户贷上款")
    assert "【贫困农户贷款风险补偿基金】风险补偿基金：6000万元" in fund.text and "1万名" in households.text


def test_a_word_of_one_listed_title_picks_it_over_others_whose_quote_mentions_it(talk):
    _, training = talk.conversation("俺在南方打工十来年了 想回老家搞点养殖 暖流计划有啥政策", "培训要钱不")
    assert training.text.startswith("【返乡农民工免费创业培训】")


def test_a_general_word_after_a_listed_measure_is_picked_stays_with_it(talk):
    _, _, money = talk.conversation("我们公司想办个创业孵化基地 有啥政策", "今年重点培育几户", "给多少钱补贴")
    assert money.text.startswith("【创业孵化基地】") and "5000" not in money.text


def test_a_measure_asked_after_several_people_are_described_is_asked_of_each_it_is_for(talk):
    _, both = talk.conversation("我和我媳妇都想创业 我是国企下岗的 五十三 她是低保 四十二 能有创业补贴吗",
                                "俩人都开了 执照都满半年了 一共多少")
    assert "5000元 + 5000元 = 10000元" in both.text


def test_a_contract_split_told_with_the_rest_counted_recounts_the_whole(talk):
    _, split = talk.conversation(
        "我们是有资质的职业中介 今年免费给就业困难人员介绍了二十个人 都签了一年以上合同交了社保 能补多少",
        "不对 有五个只签了半年的 其余十五个是一年以上")
    assert "20人 − 5人 = 15人；180元 × 15人 = 2700元" in split.text


def test_a_count_denied_and_the_count_told_takes_the_one_told(talk):
    _, two = talk.conversation("我们合作社头一次申报无公害产地认定和产品认证就一个产品给多少啊",
                               "不是一个 头回一起认证的是俩产品")
    assert "【无公害农产品认证奖补】4000元" in two.text


def test_an_amount_asked_as_of_when_a_requirement_is_met_needs_no_question_word(talk):
    *_, then = talk.conversation("来电 男49 私企失业 已登记 拟开店 问一次性创业补贴", "更正 已满50 执照4个月", "满6个月后金额")
    assert "一次性5000元" in then.text and "暂不符合" not in then.text


def test_an_operators_age_correction_beside_a_fact_said_unchanged_corrects_the_age(talk):
    *_, year = talk.conversation("来电 男58 老义务兵 服役6年 问月额", "更正：年龄应为68 服役6年不变 月额多少", "追问：年合计",
                                 "更正：服役应为8年 月额和年合计重新报一下")
    assert "每月200元，折合每年2400元" in year.text


def test_一并_is_no_number(talk):
    reply, _ = talk("另：同住儿子62岁 烈士子女 一并问年标")
    assert "【烈士老年子女生活补助】每年4800元（儿子）" in reply.text


def test_明年满60_asks_of_the_time_it_is_met(talk):
    reply, _ = talk("来电 男59 老义务兵 服役4年 明年满60 问届时月额")
    assert "每月100元（年满60周岁后）" in reply.text


def test_an_operators_年标_月标_asks_the_standard_by_year_and_month(talk):
    reply, _ = talk("来电 男93 抗日老兵本人 问年标 月标 涨幅")
    assert "每年21060元，折合每月1755元" in reply.text and "6.04%" in reply.text


def test_前两个_are_the_first_two_lines_of_the_last_answer_and_以前一个月_is_none(talk):
    _, difference, total = talk.conversation("抗日的 解放战争的 抗美援朝的老兵 现在一年分别给多少", "前两个差多少",
                                             "前两个加一起")
    *_, before = talk.conversation("俺们村五个老义务兵 都过六十了 三个当了三年兵 两个当了五年兵 一个月一共能领多少",
                                   "提标以前一个月一共多少")
    assert "21060元 − 16120元 = 每年4940元" in difference.text and "21060元 + 16120元 = 每年37180元" in total.text
    assert "380元" in before.text


def test_an_operators_名额_asks_the_figure_of_the_measure_talked_about(talk):
    _, places = talk.conversation("来电 男35 返乡农民工 拟创业 问培训收费否", "全市名额")
    assert "【返乡农民工免费创业培训】免费培训返乡农民工：5200人" in places.text


def test_words_of_another_record_move_the_conversation_to_it(talk):
    _, kinds = talk.conversation("区里给就业困难人员设的那个创业扶持网点 每个补多少", "就业困难人员一共分几类")
    jobs, _ = talk("今年要开发多少个工作岗位")
    services, _ = talk("人力资源产业园都能提供啥服务")
    assert "【就业困难人员】" in kinds.text and "8类" in kinds.text and "13万个" in jobs.text
    assert "劳务派遣" in services.text and "没有另列条件" not in services.text


def test_涨幅_is_said_in_percent_and_in_yuan(talk):
    reply, _ = talk("来电 病故军人遗属 问年标和涨幅")
    assert "提高3.55%" in reply.text and "增加每年600元" in reply.text


def test_俺家_in_a_total_is_everyone_talked_about(talk):
    *_, household = talk.conversation("俺是抗美援朝下来的老兵，今年八十六了，一年给多少钱",
                                      "俺老伴她爹是烈士，她今年八十二，她能有啥", "俺在部队还立过二等功，这个一个月再加多少",
                                      "那都算上，俺家一年总共多少钱")
    assert "4800元 + 15780元 + 1200元 = 每年21780元" in household.text


def test_an_operators_A_and_B_are_two_people_each_with_their_facts(talk):
    *_, corrected = talk.conversation("来电 代两位老人咨询 A男90 解放战争老兵 B男71 老义务兵 服役4年 分别问年标",
                                      "追问：两人年合计", "更正：B服役应为5年 重报两人年合计")
    assert "16120元 + 1500元 = 每年17620元" in corrected.text


def test_a_span_beside_a_period_in_one_message_is_the_span(talk):
    _, five = talk.conversation("俺家养鱼 一年交渔业资源增殖保护费两千 降了以后交多少", "一年省多少 五年省多少")
    assert "少交100元" in five.text and "100元 × 5年 = 500元" in five.text


def test_a_rise_then_a_total_asked_in_one_message_gives_both(talk):
    reply, _ = talk("俺老伴儿抗美援朝去过在那边荣立过个人荣誉称号一个月能多给多少一年总共多少钱")
    assert "增加每月200元" in reply.text and "15780元 + 2400元 = 每年18180元" in reply.text
    assert reply.text.count("每月200元") == 1


def test_someones_own_site_in_a_total_is_one_site_not_the_plans_twenty(talk):
    reply, _ = talk("俺村合作社建了个电商示范点 又头回拿了绿色食品认证两个产品 一共能拿多少")
    assert "50000元 + 22000元 = 72000元" in reply.text and "100万" not in reply.text


def test_a_span_asked_of_several_people_not_summed_is_each_ones(talk):
    _, half = talk.conversation("我爸是抗美援朝老兵 我妈是烈士遗属 一年各多少", "半年下来能领多少")
    assert "您爸半年共：1315元 × 6个月 = 7890元" in half.text and "您妈半年共：2047.5元 × 6个月 = 12285元" in half.text


def test_the_one_who_passes_on_a_correction_of_a_death_is_no_survivor(talk):
    _, corrected, half = talk.conversation("我公公当年在部队没的 是烈士 我婆婆八十多了 她这种一年能领多少抚恤",
                                           "哎不对 我刚问了我老公 说不是烈士 是因公牺牲的", "半年下来能领多少")
    assert "【因公牺牲军人遗属抚恤补助】每年18460元（您婆婆）" in corrected.text and "· 您：" not in corrected.text
    assert "9230元" in half.text


def test_after_a_rise_a_corrected_category_asked_应该拿多少_asks_the_amount_and_its_span_sums_amounts(talk):
    *_, amount, two_years = talk.conversation("我婆婆是烈士遗属 她一年能多领多少",
                                              "不对 公公是因公牺牲的 不是烈士 那婆婆该拿多少", "照这样三年下来总共多少")
    assert "【因公牺牲军人遗属抚恤补助】每年18460元（您婆婆）" in amount.text
    assert "18460元 × 3年 = 55380元" in two_years.text


def test_病故_alone_names_no_survivors_measure_for_one_who_died_in_hospital(talk):
    reply, _ = talk("我爸住院病故了 我能领啥")
    assert "病故军人遗属" not in (reply.text or "")


def test_a_span_before_加一起_is_a_sum_over_that_span(talk):
    _, three = talk.conversation("抗美援朝老兵一年多少钱", "往后都按这个数 三年加一起多少")
    assert "15780元 × 3年 = 47340元" in three.text


def test_villages_that_each_want_a_site_count_as_that_many_sites_not_the_plans_twenty(talk):
    _, villages = talk.conversation("电商示范点能补多少", "俺们镇有四个村都想申请 要是都批下来 总共补多少")
    assert "50000元 × 4个示范点 = 200000元" in villages.text and "100万" not in villages.text


def test_a_cooperatives_own_site_in_a_later_sum_is_one_site(talk):
    *_, both = talk.conversation("俺们合作社在屯里弄了个电商点 评上示范点给多少", "俺们还头回拿了无公害认证 一个产品",
                                 "这两样一共多少")
    assert "50000元 + 3000元 = 53000元" in both.text and "100万" not in both.text


def test_拿到的话_supposes_the_claim_in_a_total(talk):
    *_, both = talk.conversation("我是低保户 开了个小饭馆 营业执照办了四个月 创业补贴能领吗",
                                 "我要是能拿到的话 加上我爸抗美援朝一年的 一共多少")
    assert "5000元 + 每年15780元 = 头一年20780元" in both.text


def test_years_said_bare_after_the_next_brother_are_his_service_like_the_firsts(talk):
    reply, _ = talk("俺们哥仨都是老义务兵 都六十多了 老大当了两年 老二三年 老三六年 一个月各多少")
    assert "老二：每月75元" in reply.text and "老三：每月150元" in reply.text


def test_an_operators_caller_of_a_martyr_and_her_husband_verified_are_summed_as_two(talk):
    *_, both = talk.conversation("来电 女66 系烈士之女 问年标", "其夫老义务兵 经核实服役3年 现年70 年标", "二人年合计")
    assert "4800元 + 900元 = 每年5700元" in both.text


def test_多几个钱_asks_the_rise(talk):
    _, more = talk.conversation("俺家是病故军人遗属 现在一年多少", "一年比原先多几个钱")
    assert "增加600元" in more.text and "17490元" not in more.text.split("\n")[0]


def test_the_callers_own_claim_told_of_no_one_is_one_of_二人_summed(talk):
    _, both = talk.conversation("来电 女42 大龄失业 开了家小超市 执照满10个月 问一次性创业补贴",
                                "其夫同样是就业困难人员 另开一家店满9个月 二人合计")
    assert "5000元 + 5000元 = 10000元" in both.text


def test_three_named_then_counted_again_are_those_three_not_a_group_of_three(talk):
    reply, _ = talk("俺爹是解放战争的俺老舅是抗美援朝的俺二姑是病故军人遗属仨人一年一共多少")
    assert "16120元 + 15780元 + 17490元 = 每年49390元" in reply.text


def test_some_of_a_counted_group_with_a_merit_each_add_it_and_the_sum_has_them(talk):
    *_, merit = talk.conversation("俺们屯十个老义务兵 都过了六十 每人服役三年 一个月一共多少", "其中仨立过三等功 一个月再加多少")
    assert "50元 × 3人 = 150元" in merit.text and "750元 + 150元 = 每月900元" in merit.text


def test_one_of_a_counted_group_short_of_the_months_is_taken_off_the_count(talk):
    _, fewer = talk.conversation("俺们社区有五个就业困难人员开店 都开满半年了 一共能补多少", "不对 其中两个才开了四个月")
    assert "5人 − 2人 = 3人" in fewer.text and "5000元 × 3人 = 15000元" in fewer.text and "暂不符合" not in fewer.text


def test_a_part_of_the_sum_given_to_be_shared_is_that_part_shared(talk):
    _, part = talk.conversation("俺娘是烈士遗属 一年能领多少", "她说拿出一半给俺们哥仨平分 每人多少")
    assert "24570元 × 一半 = 12285元" in part.text and "12285元 ÷ 3 = 4095元" in part.text


def test_a_leaders_share_then_the_rest_shared_among_the_others(talk):
    _, shares = talk.conversation("专利转让收益五十万 奖励团队最少多少", "我拿三成 剩下的四个人平分 每人多少")
    assert "350000元 × 3成 = 105000元" in shares.text and "350000元 − 105000元 = 245000元" in shares.text
    assert "245000元 ÷ 4 = 61250元" in shares.text


def test_a_teams_headcount_does_not_multiply_a_reward_that_is_a_share_of_one_sum(talk):
    _, team = talk.conversation("成果转让收益一百万 团队奖励不低于多少", "我们团队五个人")
    assert "500万" not in team.text and "350万" not in team.text and "700000元" in team.text


def test_二者差额_after_a_corrected_death_compares_the_standard_replaced_with_the_one_now(talk):
    *_, both = talk.conversation("我老伴是烈士 我一年能领多少", "说错了 他是因公牺牲的", "两者差多少")
    assert "24570元 − 18460元 = 每年6110元" in both.text


def test_这俩差多少_after_another_level_asked_compares_the_two_levels(talk):
    *_, both = talk.conversation("立过二等功的每月加多少", "那三等功呢", "这俩一年差多少")
    assert "1200元 − 600元 = 每年600元" in both.text and "· 三等功：每月50元" in both.text


def test_a_poor_graduate_asking_for_a_shop_subsidy_gets_the_start_up_subsidy_not_out_of_scope(talk):
    reply, _ = talk("家里挺困难的应届毕业生 一直没找到工作 想自己开店 有开店补贴没")
    assert "一次性创业补贴" in reply.text and "没有提到“开店补贴”" not in reply.text and "5000元" in reply.text


def test_the_fee_the_asker_tells_after_saying_who_they_are_is_cut(talk):
    _, fee = talk.conversation("俺是养鱼的 渔业资源增殖保护费降了多少", "俺去年交了六千 今年该交多少")
    assert "降低后为5700元" in fee.text


def test_这三样一共_after_naming_them_one_by_one_sums_all_three_targets(talk):
    *_, three = talk.conversation("大学生创业培训多少人", "妇女的呢", "加上中小企业管理者培训 这三样一共多少人")
    assert "9000人" in three.text


def test_an_operators_counted_group_with_a_space_and_slashed_years_is_each_member(talk):
    reply, _ = talk("老义务兵 4人 均70+ 服役 2/3/5/6 年 月标合计")
    assert "50元 + 75元 + 125元 + 150元 = 每月400元" in reply.text


def test_two_households_fee_cuts_are_summed_when_both_are_asked(talk):
    _, both = talk.conversation("俺家养鱼 保护费原来一年交四千 降完交多少", "俺姐家原来交六千 两家一年一共少交多少")
    assert "合计少交：300元 + 200元 = 每年500元" in both.text or "合计少交：200元 + 300元 = 每年500元" in both.text


def test_这俩差多少_compares_a_persons_merit_level_replaced_with_the_one_now(talk):
    *_, both = talk.conversation("我爸立过二等功 每月加多少", "那三等功呢", "这俩一年差多少")
    assert "1200元 − 600元 = 每年600元" in both.text


def test_少拿多少_between_two_standards_is_their_difference_not_their_sum(talk):
    reply, _ = talk("病故军人遗属比烈士遗属少拿多少")
    assert "7080元" in reply.text and "合计" not in reply.text


def test_先发一半_asks_no_part_of_the_sum(talk):
    _, half = talk.conversation("抗美援朝老兵一年多少", "是不是先发一半")
    assert "一半：" not in (half.text or "")


def test_a_leaders_share_of_a_floor_says_at_least(talk):
    _, shares = talk.conversation("专利转让收益五十万 奖励团队最少多少", "我拿三成 剩下的四个人平分 每人多少")
    assert "3成至少：350000元 × 3成 = 105000元" in shares.text and "每份至少：245000元 ÷ 4 = 61250元" in shares.text


def test_three_named_then_counted_without_是_are_those_three(talk):
    reply, _ = talk("俺爹解放战争老兵 俺老舅抗美援朝老兵 俺二姑病故军人遗属仨人一年一共多少")
    assert "16120元 + 15780元 + 17490元 = 每年49390元" in reply.text


def test_known_facts_blanked_out_are_no_span_of_zero_months(talk):
    reply, _ = talk("老义务兵3人 均65岁 服役2年 3年 4年 月标合计")
    assert "0个月" not in reply.text and "50元 + 75元 + 100元 = 每月225元" in reply.text


def test_那病故的呢_after_another_survivors_standard_asks_the_same_of_its_sibling(talk):
    _, other = talk.conversation("烈士遗属一年给多少", "那病故的呢")
    assert "【病故军人遗属抚恤补助】每年17490元" in other.text


def test_还差几年_and_the_amount_then_are_both_answered(talk):
    _, then = talk.conversation("我今年五十六 当过四年义务兵 能领补助吗", "还差几年 到时候一个月给多少")
    assert "60 − 56 = 4年" in then.text and "25元 × 服役4年 = 每月100元" in then.text


def test_这俩差多少_compares_the_two_target_figures_named_in_the_last_turns(talk):
    *_, both = talk.conversation("城镇新增就业今年多少人", "开发多少个就业岗位呢", "这俩差多少")
    assert "13万个 − 11万人 = 20000个" in both.text


def test_前两个加一起_sums_a_targets_first_two_figures_not_two_people(talk):
    _, two = talk.conversation("高技能领军人才 高级技师 技师 各培养多少名", "前两个加一起")
    assert "200名 + 100名 = 300名" in two.text and "2位" not in two.text


def test_那俺老伴呢_她爹是烈士_makes_her_a_martyrs_elderly_child(talk):
    _, hers = talk.conversation("俺爹是解放战争的老兵 一年给多少", "那俺老伴呢 她爹是烈士 她今年六十五了")
    assert "【烈士老年子女生活补助】每年4800元（您老伴）" in hers.text


def test_grandfathers_brothers_are_each_their_own_and_one_like_another_is_of_his_kind(talk):
    _, fixed = talk.conversation("俺爷爷是抗日老兵 俺二爷是抗美援朝的 俺三爷是解放战争的 一人一年多少",
                                 "说错了 俺二爷不是抗美援朝的 他和俺三爷一样是解放战争的 仨人一共多少")
    assert "21060元 + 16120元 + 16120元 = 每年53300元" in fixed.text


def test_a_years_correction_said_with_the_person_and_its_unit_replaces_their_years(talk):
    *_, fixed = talk.conversation("俺大舅七十二 当了六年义务兵 每月多少", "俺二舅六十五 当了两年", "俩人每月一共多少",
                                  "不对 二舅是四年 重新算")
    assert "150元 + 100元 = 每月250元" in fixed.text


def test_two_named_then_哥俩_are_those_two_not_two_more(talk):
    reply, _ = talk("俺爹和俺二叔哥俩都是解放战争老兵 俩人一年一共多少")
    assert "16120元 + 16120元 = 每年32240元" in reply.text and "2位" not in reply.text


def test_差多少_after_last_years_total_is_how_much_the_total_rose(talk):
    *_, rose = talk.conversation("俺爹和俺二叔哥俩都是解放战争老兵 俩人一年一共多少", "去年俩人一共多少", "差多少")
    assert "1200元 + 1200元 = 每年2400元" in rose.text
    _, both = talk.conversation("俺奶是烈士遗属 俺姑是烈士的闺女 今年六十五 俩人一年一共多少", "去年一共多少 差多少")
    assert "23970元 + 3600元 = 每年27570元" in both.text and "600元 + 1200元 = 每年1800元" in both.text


def test_a_correction_of_him_beside_a_supposition_of_her_updates_his_age_and_sums_both(talk):
    *_, both = talk.conversation("我媳妇四十五了 下岗了 开了个小卖部 执照四个月 有一次性创业补贴吗",
                                 "那俺哥呢 他四十八 也失业了 开了个修车铺一年多了",
                                 "说错了 他五十二了 那等我媳妇满半年了 俩人一共能拿多少")
    assert "5000元 + 5000元 = 10000元" in both.text


def test_集中培训_names_the_farmers_training_and_哪个部门管_asks_the_office(talk):
    _, training = talk.conversation("返乡农民工创业培训多少人", "俺家是种粮大户 有集中培训吗 多少名额")
    _, office = talk.conversation("渔业资源增殖保护费能降多少", "哪个部门管降费")
    assert "4000名" in training.text and "市水利局" in office.text


def test_someone_said_to_be_of_the_kind_talked_about_gets_its_amount_not_a_question_who_they_are(talk):
    *_, dad = talk.conversation("那抗美援朝老兵呢", "俺爸就是 一个月合多少钱")
    *_, both = talk.conversation("抗美援朝老兵今年补助多少", "俺大爷和俺二大爷都是 加一起一年多少")
    assert "1315元" in dad.text and "本人" not in dad.text
    assert "15780元 + 15780元 = 每年31560元" in both.text


def test_a_counted_groups_rise_is_each_ones_times_them_and_one_too_young_is_taken_out(talk):
    [rose] = talk.conversation("俺们村五个抗美援朝老兵 每人一年涨了多少 五个人一共涨了多少")
    *_, fewer = talk.conversation("俺们街道有八个烈士老年子女 都过六十了 每人一年多少",
                                  "不对 里头有一个才五十九 那能领的一共多少")
    assert "1200元 × 5人 = 6000元" in rose.text
    assert "4800元 × 7人 = 33600元" in fewer.text and "59岁，还差1年" in fewer.text


def test_a_persons_sum_is_given_beside_the_rule_not_yet_known_and_到60以后_supposes_it_met(talk):
    [unknown] = talk.conversation("我爸当了八年义务兵 一个月多少")
    *_, later, year = talk.conversation("我老公今年五十七 以前当过两年义务兵 能领老义务兵补助吗", "那他到六十以后 每月能拿多少",
                                        "一年呢")
    assert "年满60周岁才能领；够条件的话每月200元" in unknown.text and "确认能不能领" in unknown.text
    assert "每月50元" in later.text and "每年600元" in year.text


def test_each_of_two_groups_having_one_is_two_and_a_count_told_again_is_not_a_second_line(talk):
    *_, both = talk.conversation("农产品地理标志登记奖补多少", "俺们两个合作社各登了一个 一共能拿多少")
    *_, added = talk.conversation("俺们村想搞电商示范点 装修和网络设备给补多少", "另外问下 无公害认证初次的 一个产品给多少",
                                  "回到电商那个 要是俺们乡建两个点 一共补多少", "两个电商点再加一个无公害认证 一共多少")
    assert "100000元 × 2个 = 200000元" in both.text
    assert "100000元 + 3000元 = 103000元" in added.text and "100万元" not in added.text


def test_a_figure_repeated_names_what_is_asked_of_it_and_平均_of_a_total_keeps_the_total(talk):
    *_, month = talk.conversation("俺家老爷子是抗美援朝的老兵 今年八十七了 现在一年给多少钱", "那比原来涨了多少",
                                  "那一年一万五千七百八 一个月合多少")
    *_, rise = talk.conversation("俺奶奶是烈士遗属 俺爸是烈士的儿子今年六十五 他俩一年各能领多少", "比原来加一起多了多少",
                                 "一个月平均多多少")
    assert "15780元 ÷ 12 = 每月1315元" in month.text
    assert "50元 + 100元 = 每月150元" in rise.text


def test_a_count_said_before_each_merit_level_counts_that_level(talk):
    month, year = talk.conversation("俺们村有俩立三等功的 一个立一等功的 一个月一共加多少", "一年呢")
    assert "三等功2位：每月100元" in month.text and "100元 + 150元 = 每月250元" in month.text
    assert "每年3000元" in year.text


def test_a_sum_told_gives_the_people_or_products_it_pays_for_and_还有_adds_a_measure_to_the_sum(talk):
    *_, people = talk.conversation("职业介绍补贴给多少", "中介那边说拿了七千二的职业介绍补贴那是介绍了多少人")
    [products] = talk.conversation("听说绿色食品认证能拿两万四那是几个产品")
    *_, both = talk.conversation("地里标志登记给多少钱", "俺们还有三个产品初次拿了无公害认证加一起多少")
    assert "7200元 ÷ 180元 = 40人" in people.text
    assert "3个产品" in products.text
    assert "100000元 + 5000元 = 105000元" in both.text


def test_a_figure_the_rule_reckons_with_asks_its_sum_and_跟X加一起_adds_x(talk):
    *_, half = talk.conversation("我在市属科研院所 单位把一个专利转让了 卖了二百万 给我们团队的奖励最少多少",
                                 "剩下的钱要上缴国库吗", "要是转让收益是五十万呢")
    *_, jobs = talk.conversation("创业孵化基地这块 重点培育几户企业 扶持多少户创业", "跟创业担保贷款带动的就业加一起多少人")
    *_, sites = talk.conversation("农村电商示范点 一个点给多少补助", "那这一块总共得花多少钱")
    assert "350000元" in half.text
    assert "7万人 + 3万人 = 10万人" in jobs.text
    assert "50000元 × 20个示范点 = 100万元" in sites.text


def test_a_new_person_with_a_merit_too_is_asked_of_alone_and_一次性_stays_a_word(talk):
    *_, his = talk.conversation("我二大爷是老义务兵 干了九年 今年七十 一个月多少", "我三大爷当了六年 还立过二等功 他一个月多少")
    [startup] = talk.conversation("就业困难人员自己创业的一次性补贴是多少")
    assert "二大爷" not in his.text and "三大爷的立功优抚对象每月增发：每月100元" in his.text
    assert "【就业困难人员一次性创业补贴】一次性5000元" in startup.text


def test_an_operators_kin_labels_name_each_person_of_a_household(talk):
    *_, total = talk.conversation("来电 户内三人 逐个问月额 先问父：男89 抗美援朝老兵 服役期间荣立三等功",
                                  "子：男63 老义务兵 服役7年", "儿媳：女61 烈士子女", "三人月合计和年合计")
    assert "15780元 + 600元 + 2100元 + 4800元 = 每年23280元" in total.text


def test_父母二人都是遗属_counts_two_of_the_kind_talked_about(talk):
    *_, both = talk.conversation("来电 病故军人遗属 问年标和涨幅", "另：父母二人都是遗属 年合计")
    assert "17490元 × 2人 = 34980元" in both.text


def test_要是也开个店_supposes_the_shop_open_long_enough_and_sums_both(talk):
    *_, both = talk.conversation("我是吃低包的 想自己干个小买卖 国家给补不",
                                 "我闺女大学毕业在家呆着 家里困难 她要是也开个店 我俩一共能领多少")
    assert "5000元 + 5000元 = 10000元" in both.text


def test_after_a_rise_一个月合多少_asks_the_amount_by_the_month_but_一个月呢_the_rise(talk):
    *_, month = talk.conversation("俺家老爷子是抗日的老兵今年九十一了 一年给多少钱", "比去年多了多少啊", "那一个月合多少")
    *_, rise = talk.conversation("抗日老兵涨了多少", "一个月呢")
    assert "折合每月1755元" in month.text
    assert "折合每月增加100元" in rise.text


@pytest.mark.parametrize("said, intent, reply", [("你好", "greet", "utter_greet"), ("谢谢", "thanks", "utter_thanks"),
                                                 ("再见", "goodbye", "utter_goodbye")])
def test_small_talk_alone_is_answered_in_kind(talk, said, intent, reply):
    answer, _ = talk(said, intent)
    assert answer.response == reply


def test_a_question_the_classifier_took_for_small_talk_or_a_person_is_answered(talk):
    built, _ = talk("电商那个是先给钱还是建完了再给", "goodbye")
    greeted, _ = talk("你好 抗美援朝老兵一年多少", "greet")
    operator, _ = talk("您好 我是热线接线员 来电人说她奶奶是烈士遗属 问现在一年的抚恤标准是多少", "request_human")
    assert "先建后补" in built.text
    assert "15780元" in greeted.text
    assert "24570元" in operator.text and not operator.offer_handover


def test_明年再认证_is_the_plans_own_award_and_a_profile_guess_does_not_replace_a_follow_up(assistant):
    scope = assistant.scope
    assert scope.elsewhere(assistant.normalize("明年再认证还有不")) is None
    assert scope.elsewhere(assistant.normalize("明年的标准是多少")) == "year 明年"
    chat = Chat(assistant)
    chat.says("电商示范点补五万 俺们仨合伙开的 平分每人多少", intent="ask_measure")
    assert "先建后补" in chat.says("这钱是补啥的", intent="ask_entitlements").text


def test_a_correction_of_one_persons_years_keeps_anothers_years_told_after_them(talk):
    [both] = talk.conversation("我爸当过义务兵好几年其实是九年七十一岁了现在每个月给多少钱我妈也当过兵当了三年义务兵今年五十九")
    *_, ours = talk.conversation("农村电商示范点建几个 每个补多少", "全部加起来得多少钱",
                                 "我们村要是评上了 装修花了三万 网络设备花了四万 能补多少")
    assert "25元 × 服役9年 = 每月225元" in both.text and "59岁，还差1年" in both.text
    assert "100万元" not in ours.text and "50000元" in ours.text


def test_some_of_a_counted_group_said_to_be_of_another_kind_are_split_off_to_it(talk):
    *_, rose, year = talk.conversation("俺们村五个抗美援朝老兵 每人一年涨了多少 五个人一共涨了多少",
                                       "不对 里头有一个是解放战争的", "那他们一年一共拿多少")
    assert "4800元 + 1200元 = 每年6000元" in rose.text
    assert "63120元 + 16120元 = 每年79240元" in year.text


def test_the_ones_a_correction_takes_off_the_count_leave_the_count_told_before(talk):
    *_, corrected = talk.conversation("我们是有资质的职业介绍所 免费介绍就业困难人员上岗 今年介绍成了二十五个 都签了一年以上合同"
                                      "交了社保 一共能拿多少", "哦不对 其中三个合同只签了半年 那扣掉这三个呢")
    assert "180元 × 22人 = 3960元" in corrected.text


def test_a_compensation_the_plan_never_names_is_not_answered_with_its_risk_fund(talk):
    [razed] = talk.conversation("俺家房子拆迁补偿咋算 一平米给多少")
    [fund] = talk.conversation("风险补偿基金出了多少钱")
    assert "拆迁补偿" in razed.text and "6000万" not in razed.text
    assert "6000万元" in fund.text


def test_one_said_for_each_person_named_in_turn_tells_each_ones_years(talk):
    [two] = talk.conversation("我爸和我老丈人都当过义务兵 一个三年一个四年 都七十多了 俩人一个月一共多少")
    [three] = talk.conversation("俺家仨老爷子都当过义务兵 一个四年一个六年一个八年 都七十多了 一个月一共多少")
    assert "75元 + 100元 = 每月175元" in two.text
    assert "100元 + 150元 + 200元 = 每月450元" in three.text


def test_an_average_after_a_total_of_peoples_amounts_is_over_the_people(talk):
    *_, average = talk.conversation("我爷解放战争老兵 我姥爷抗美援朝老兵 俩人一年加一起多少", "平均一人呢")
    [measures] = talk.conversation("抗日老兵 抗美援朝老兵 解放战争老兵 这三样一年一共多少 平均呢")
    assert "2人平均，每人：每年31900元 ÷ 2 = 15950元" in average.text
    assert "平均" not in measures.text


def test_a_compared_level_of_one_measure_keeps_each_lines_own_level(talk):
    *_, compared = talk.conversation("荣立个人荣誉称号的 每月加多少", "一年呢", "比三等功的一年多多少")
    assert "2400元 − 600元 = 每年1800元" in compared.text


def test_the_one_asking_of_their_own_soldier_fallen_of_illness_asks_as_his_survivor(talk):
    [asked] = talk.conversation("我丈夫在部队当兵的时候得病走的 这算啥 一年补多少")
    [hers] = talk.conversation("俺姥爷抗过日 部队里还给过他个人荣誉称号 这俩加一块一年多少钱")
    assert "病故军人遗属抚恤补助】每年17490元" in asked.text
    assert "21060元 + 2400元 = 每年23460元" in hers.text


def test_a_year_asked_of_him_is_no_years_of_service_told(talk):
    *_, uncle, both = talk.conversation("俺爸七十 当了九年义务兵 一个月多少", "俺叔当了三年 六十五了 他一年呢", "俩人一年一共")
    assert "每月75元，折合每年900元" in uncle.text
    assert "2700元 + 900元 = 每年3600元" in both.text


def test_the_old_standard_by_the_month_shows_the_new_one_by_the_month_too(talk):
    *_, monthly = talk.conversation("我奶奶是烈士遗属 一年给多少", "去年是多少", "按月算呢")
    assert "原来折合每月1997.5元，现在折合每月2047.5元" in monthly.text


def test_the_whole_city_asked_of_after_ones_own_site_is_the_plans_sum(talk):
    *_, city, spent = talk.conversation("俺想在村里整个电商服务点 给补助不 给多少", "全市一共整多少个", "那一共得花多少补助")
    assert "50000元 × 20个示范点 = 100万元" in city.text and "100万元" in spent.text


def test_a_fallen_soldier_supposed_a_martyr_compares_his_survivors_standards(talk):
    *_, supposed = talk.conversation("俺家老头子在部队出任务没的 部队定的是因公牺牲 俺一年能领多少", "要是评上烈士了呢 能差多少")
    assert "24570元 − 18460元 = 每年6110元" in supposed.text


def test_the_one_compared_with_is_named_by_its_own_word_beside_the_one_named(talk):
    *_, compared = talk.conversation("因公牺牲军人遗属和病故军人遗属一年差多少", "烈士遗属比病故的多多少")
    assert "24570元 − 17490元 = 每年7080元" in compared.text


def test_姐弟仨_counts_the_three_named_by_their_order(talk):
    [three] = talk.conversation("俺们姐弟仨都是烈士子女 老大六十六 老二六十二 俺五十七 一年一共能领多少")
    assert "4800元 + 4800元 = 每年9600元" in three.text and "57岁，还差3年" in three.text


def test_another_award_supposed_or_another_target_joined_adds_to_the_sum(talk):
    *_, supposed = talk.conversation("我们合作社今年头回过了无公害认证 四个产品 能奖多少", "绿色食品也头回过了两个产品呢",
                                     "俩加一起", "要是再整个农产品地理标志登记 总共能拿多少")
    *_, people = talk.conversation("创业孵化基地带动就业多少人", "这个跟创业担保贷款带动的就业加一起多少人")
    assert "6000元 + 22000元 + 100000元 = 128000元" in supposed.text
    assert "7万人 + 3万人 = 10万人" in people.text


def test_a_word_of_several_kinds_asked_of_them_all_answers_each_kind(talk):
    [rose] = talk.conversation("今年这些老兵补助是不是都涨了一千二")
    [office] = talk.conversation("老兵补助归哪个部门")
    [which] = talk.conversation("老兵补助多少钱")
    assert rose.text.count("增加每年1200元") == 3
    assert office.text.count("市民政局") == 4
    assert which.text.startswith("您说的是哪一类老兵")


def test_a_month_it_comes_to_is_the_amount_by_the_month(talk):
    *_, month = talk.conversation("俺家老爷子是抗美援朝下来的老兵 今年一年能给多少钱", "比去年多了多少啊", "那他一个月能摊多少")
    assert "折合每月1315元" in month.text


def test_someone_described_by_who_they_are_and_mean_to_do_gets_the_personal_subsidy_first(talk):
    [graduate] = talk.conversation("家里困难的大学生毕业了没找着工作 自己创业有补贴不")
    [dibao] = talk.conversation("低保户想开个小卖部 有补贴吗")
    [loan] = talk.conversation("创业担保贷款想贷多少")
    for described in (graduate, dibao):
        assert described.text.splitlines()[1].startswith("· 就业困难人员一次性创业补贴：一次性5000元")
    assert loan.text.startswith("【创业担保贷款】")


def test_a_named_persons_list_keeps_their_line_for_a_total_of_two(talk):
    *_, both = talk.conversation("我叔52岁失业了，想开个小饭馆，有啥补贴", "我婶45，也失业了，她想开个服装店", "俩人一共能领多少")
    assert "您叔：标准一次性5000元" in both.text and "您婶：标准一次性5000元" in both.text
    assert "够条件的话合计：5000元 + 5000元 = 10000元" in both.text  # each one's months in business not yet told


def test_a_subsidy_of_a_measure_that_pays_nothing_is_one_the_plan_lacks(talk):
    [care] = talk.conversation("哥哥的残疾人护理补贴每月多少")
    [training] = talk.conversation("培训补贴多少")
    assert "没有提到“护理补贴”" in care.text
    assert training.text.startswith("【城镇失业人员职业技能培训补贴】")


def test_a_patent_sold_for_a_sum_gives_the_teams_least_reward(talk):
    [reward] = talk.conversation("我们所转让了个专利 挣了一百万 给我们团队奖励最少多少")
    assert "最少700000元" in reward.text


def test_another_word_of_several_kinds_after_every_kind_answered_asks_each_of_its_kinds(talk):
    *_, survivors = talk.conversation("今年这些老兵补助是不是都涨了一千二", "遗属呢")
    assert survivors.text.count("增加每年600元") == 3 and "增加每年1200元" in survivors.text


def test_the_asker_telling_only_who_they_are_beside_anothers_measure_gets_their_own_best_line(talk):
    first, _, both = talk.conversation("我爸是抗美援朝老兵 我是低保户 想自己开个修车铺 有啥补贴", "我爸一个月能领多少",
                                       "今年我俩算一块儿 一共能拿多少")
    assert "您爸的抗美援朝老兵生活补助：每年15780元" in first.text
    assert "您的就业困难人员一次性创业补贴：标准一次性5000元" in first.text
    assert "够条件的话合计" in both.text and "20780元" in both.text


def test_the_highest_against_the_lowest_of_fixed_amounts_shows_no_cap_or_floor_per_line(talk):
    *_, compared = talk.conversation("立三等功 二等功 一等功 还有个人荣誉称号的 每个月各加多少", "这几个一年分别是多少",
                                     "最高的比最低的一年多多少")
    assert "相差：2400元 − 600元 = 每年1800元" in compared.text and "最多" not in compared.text


def test_kinds_no_one_holds_together_are_not_added_up_unless_a_total_is_asked(talk):
    [each] = talk.conversation("老兵补助都是多少")
    [summed] = talk.conversation("抗日老兵 抗美援朝老兵 解放战争老兵 这三样现在一年一共多少")
    assert "合计" not in each.text and "每年21060元" in each.text
    assert "21060元 + 15780元 + 16120元 = 每年52960元" in summed.text


def test_the_last_and_first_items_are_those_of_the_answer_picked_from(talk):
    *_, compared, second = talk.conversation("抗日老兵 抗美援朝老兵 解放战争老兵 这三样现在一年各多少", "前两个加一起多少",
                                             "最后那个比第一个少多少", "第二个一个月多少")
    assert "相差：21060元 − 16120元 = 每年4940元" in compared.text
    assert second.text.startswith("【抗美援朝老兵生活补助】") and "每月1315元" in second.text


def test_the_largest_item_of_an_answer_is_found_by_its_amount(talk):
    _, most = talk.conversation("抗日的 解放的 抗美援朝的 这三样老兵 今年各涨了多少", "那现在哪个最多 比最少的那个多多少")
    assert "21060元 − 15780元 = 每年5280元" in most.text


def test_one_left_out_of_an_answer_leaves_the_rest_summed_and_all_are_averaged_again(talk):
    _, rest, average = talk.conversation("我们家仨人 我妈是烈士遗属 我舅是抗日老兵 我姨是烈士老年子女六十多了 各自一年能领多少",
                                         "除了我舅 剩下俩加起来多少", "三个人平均每人多少")
    assert "24570元 + 4800元 = 每年29370元" in rest.text and "21060" not in rest.text
    assert "3人平均，每人：每年50430元 ÷ 3 = 16810元" in average.text


def test_a_measure_left_out_leaves_the_others_and_all_three_come_back_when_counted(talk):
    *_, rest, all_three = talk.conversation(
        "我们合作社头一回拿了三样 无公害两个产品 绿色食品三个产品 还有个地理标志登记 各给多少", "最大的那个是哪个 多少钱",
        "除了地理标志 剩下俩加起来", "三个全加起来呢")
    assert "= 28000元" in rest.text and "100000" not in rest.text
    assert "= 128000元" in all_three.text


def test_more_years_supposed_add_to_those_told_and_the_difference_is_against_the_told(talk):
    _, supposed, difference = talk.conversation("俺老伴儿今年六十二 当年当了三年义务兵 一个月能给多少", "要是他多当两年呢",
                                                "那一年差多少")
    assert "25元 × 服役5年 = 每月125元" in supposed.text
    assert "600元" in difference.text and "300元" not in difference.text


def test_a_sum_in_wan_said_alone_is_the_sum_the_rule_before_reckons_with(talk):
    _, reward = talk.conversation("職務發明成果轉讓收益，獎勵科研負責人和骨幹的比例最少多少？", "450萬")
    assert "最少315万元" in reward.text and "按450万元计" in reward.text


def test_a_count_said_after_we_are_is_the_count_asked_for(talk):
    _, award = talk.conversation("无公害认证第一次办 奖补咋算的 产品多少有区别不", "俺们是4")
    assert "0.3万 + 3×0.1万 = 0.6万元" in award.text


def test_years_served_said_with_dang_man_are_service_not_business(talk):
    _, four = talk.conversation("我老伴今年六十三 年轻时候当兵当了三年多 老义务兵补助一个月多少", "那要是正好当满四年的呢")
    assert four.text.startswith("【老义务兵生活补助】每月100元")


def test_merit_said_as_li_guo_gong_names_the_merit_measure(talk):
    [merit] = talk.conversation("立过功的优抚对象每个月加多少钱")
    assert merit.text.startswith("【立功优抚对象每月增发】") and "二等功每月增加100元" in merit.text


def test_whether_one_qualifies_and_the_monthly_sum_asked_together_get_the_sum_with_its_conditions(talk):
    [both] = talk.conversation("俺家老头上个月刚过完60周岁生日 以前当过两年义务兵 现在够条件不 一个月多少")
    assert both.text.startswith("【老义务兵生活补助】每月50元") and "条件：年满60周岁" in both.text


def test_a_reckoned_one_off_sum_and_a_fixed_one_off_sum_are_compared(talk):
    *_, compared = talk.conversation("綠色食品初次認證六個產品獎補多少", "七個呢", "那有機產品新認證比這個多多少")
    assert "相差：50000元 − 30000元 = 20000元" in compared.text


def test_each_of_two_people_doing_the_thing_talked_about_gets_its_line(talk):
    *_, both = talk.conversation("我想在村里整个电商示范点 是先给钱还是先建", "建好了能补多少", "我和我小舅子各建一个 俩加起来")
    assert "您小舅子：50000元" in both.text and "合计：50000元 + 50000元 = 100000元" in both.text


def test_counts_said_before_merit_levels_count_those_lines_and_one_level_can_be_left_out(talk):
    first, _, rest = talk.conversation("我们村有三个优抚对象立过功 一个三等功 两个二等功 每个月一共多加多少", "一年呢",
                                       "把三等功那个去掉 剩下的一年多少")
    assert "50元 + 200元 = 每月250元" in first.text
    assert "每年2400元" in rest.text and "三等功：" not in rest.text


def test_the_groups_the_plan_serves_are_asked_in_everyday_words_and_picked_first_and_last(talk):
    groups, first, last = talk.conversation("这计划管哪几类人", "第一类是啥", "最后一类呢")
    assert groups.text.startswith("【惠及的六类人群】")
    assert "第1类：农民" in first.text and "第6类：城乡各类有创业意向的人员" in last.text


def test_a_sum_after_a_target_listing_several_figures_adds_its_own_figures(talk):
    *_, summed = talk.conversation("集体协商建制率要提到多少", "高技能领军人才 高级技师 技师 各培养多少", "加一块多少人")
    assert "600" in summed.text and "85%" not in summed.text


def test_one_the_rule_rules_out_gets_the_threshold_and_no_sum_of_money(talk):
    [ruled_out] = talk.conversation("俺老叔五十七 也当过三年义务兵 他能领多少")
    [sisters] = talk.conversation("俺家三个姑 大姑65 二姑62 老姑58 都是烈士子女 一年各多少")
    assert "暂不符合条件" in ruled_out.text and "还差3年" in ruled_out.text and "年满60周岁" in ruled_out.text
    assert "元" not in ruled_out.text
    assert "老姑：暂不符合（年满60周岁；58岁，还差2年）" in sisters.text


def test_months_waited_more_are_read_and_a_month_of_the_year_is_no_count_of_months(talk):
    _, later = talk.conversation("我是残疾人 自己开了个小卖店 营业执照办下来四个月了 能领创业补贴吗", "那再等俩月呢 给多少")
    _, corrected = talk.conversation("我是残疾人 开了个小卖店 干了四个月了 能领创业补贴吗",
                                     "哦不对 记错了 执照是去年三月领的 到现在十个月了")
    assert "5000元" in later.text and "暂不符合" not in later.text
    assert "5000元" in corrected.text and "暂不符合" not in corrected.text


def test_one_ruled_out_unless_of_another_kind_gets_the_standard_for_that_case(talk):
    [verdict] = talk.conversation("我38岁 女的 失业了 想开个网店 办了营业执照 正常经营满六个月 能拿多少")
    assert "不算大龄失业人员" in verdict.text and "5000元" in verdict.text


def test_a_category_told_in_a_clause_of_its_own_is_of_the_person_just_named(talk):
    [both] = talk.conversation("俺家老爷子89了 抗美援朝下来的老兵 俺老丈人91了 打过解放战争 一年各多少")
    assert "您老爷子的抗美援朝老兵生活补助：每年15780元" in both.text
    assert "您老丈人的解放战争老兵生活补助：每年16120元" in both.text
    assert "您老爷子的解放战争" not in both.text


def test_a_category_said_mixed_up_corrects_that_one_and_keeps_the_household(talk):
    _, corrected = talk.conversation(
        "我家三个人 爷爷九十二抗日老兵 奶奶七十 她爸是烈士 我大伯六十一 当过两年义务兵 得过个人荣誉称号 各能领多少",
        "哦 爷爷是抗美援朝不是抗日 我记混了")
    assert "15780元 + 4800元 + 600元 + 2400元 = 每年23580元" in corrected.text and "抗日" not in corrected.text


def test_another_relative_not_said_to_be_of_the_category_gets_no_sum(talk):
    _, other = talk.conversation("俺姑父是在部队得病没的 俺大姑是病故军人遗属 一年给多少",
                                 "大姑家儿子在部队当兵呢 二十三 他能领啥不")
    assert "元" not in other.text


def test_facts_told_of_no_one_are_the_one_person_spoken_ofs(talk):
    _, placed = talk.conversation("俺外甥开了个职业中介 有资质的 免费给就业困难人员介绍工作 一个人给多少补贴",
                                  "今年介绍成了十二个 都签了一年合同交了社保 能拿多少")
    assert "2160元" in placed.text and "您外甥" in placed.text


def test_each_persons_sum_is_shown_in_the_other_period_too(talk):
    [household] = talk.conversation("俺奶是病故军人遗属 俺姥爷六十八 当过五年义务兵 立过三等功 各多少")
    assert "您姥爷合计：125元 + 50元 = 每月175元；折合每年2100元" in household.text


def test_a_value_said_not_to_be_finds_whose_it_was_and_the_speakers_own_words_are_no_one(talk):
    _, corrected = talk.conversation("俺老伴七十 当过六年义务兵 俺自己六十七 俺爹是烈士 俺俩能领多少",
                                     "不是六年 是四年 俺老糊涂了")
    assert "您老伴的老义务兵生活补助：每月100元" in corrected.text and "您的老义务兵" not in corrected.text


def test_yi_hu_bing_heard_for_yi_wu_bing_is_the_conscripts_measure(talk):
    [heard] = talk.conversation("俺大爷六十四 当过一户兵 七年 他一个月呢")
    assert heard.text.startswith("【老义务兵生活补助】每月175元")


def test_what_both_did_each_said_with_liang_ren_ge_is_each_ones(talk):
    first, both = talk.conversation("俺家两口子都失业了 俺五十一 媳妇四十二 俩人各开了个店 执照都一年了 一人能给多少",
                                    "俩人一共多少")
    assert "· 您：一次性5000元" in first.text and "· 媳妇：一次性5000元" in first.text
    assert "合计：5000元 + 5000元 = 10000元" in both.text


def test_correcting_one_soldiers_death_leaves_another_survivors_category_as_said(talk):
    _, corrected = talk.conversation("我姥姥是烈士遗属 我大姑父在部队因公牺牲的 大姑是遗属 俩人一年多少",
                                     "说错了 大姑父是得病没的 不是因公")
    assert "您姥姥的烈士遗属抚恤补助：每年24570元" in corrected.text
    assert "大姑的病故军人遗属抚恤补助：每年17490元" in corrected.text


def test_a_new_person_asked_of_after_a_total_is_answered_alone(talk):
    _, alone = talk.conversation("俺爷俺奶都是抗美援朝老兵 俩人一年一共多少", "俺叔六十五 当过三年义务兵 一个月多少")
    assert alone.text.startswith("【老义务兵生活补助】每月75元") and "15780" not in alone.text


def test_an_average_over_categories_one_of_each_shares_their_sum(talk):
    [average] = talk.conversation("家里俩遗属 一个病故的 一个因公牺牲的 平均每人一年多少")
    assert "2人平均，每人：每年35950元 ÷ 2 = 17975元" in average.text


def test_a_survivor_correcting_how_their_soldier_died_keeps_both_standards_to_compare(talk):
    _, corrected, compared = talk.conversation("俺是因公牺牲军人遗属 一年多少", "说错了 俺家那个是病故的", "这俩差多少")
    assert corrected.text.startswith("【病故军人遗属抚恤补助】每年17490元")
    assert "18460元 − 17490元 = 每年970元" in compared.text


def test_someone_gone_leaves_the_others_total(talk):
    *_, rest = talk.conversation("我姥爷抗日老兵 我爷解放战争老兵 我二爷抗美援朝老兵 三个一年一共多少",
                                 "不对 我姥爷前年过世了 就剩俩了")
    assert "16120元 + 15780元 = 每年31900元" in rest.text and "21060" not in rest.text


def test_someone_at_work_is_none_of_those_the_start_up_subsidy_is_for(talk):
    [at_work] = talk.conversation("我小姨子在单位上班 下班开了个奶茶店 执照八个月了 能领一次性创业补贴不")
    assert "暂不符合" in at_work.text and "8类就业困难人员" in at_work.text and "5000" not in at_work.text


def test_a_merit_of_someone_who_never_served_gets_no_addition(talk):
    [never] = talk.conversation("俺侄子在单位评了个二等功 他没当过兵 每月能加钱不")
    assert "暂不符合" in never.text and "没当过兵" in never.text and "100元" not in never.text


def test_a_difference_asked_again_by_the_year_stays_a_difference(talk):
    *_, yearly = talk.conversation("二等功一个月加多少", "比三等功多多少", "一年多多少")
    assert "相差：1200元 − 600元 = 每年600元" in yearly.text


def test_someone_new_who_served_more_than_the_one_spoken_of_has_his_years_and_more(talk):
    _, compared = talk.conversation("我二叔六十八 当过四年义务兵 一个月多少", "我老叔比他多当三年 也六十多了 他俩一个月差多少")
    assert "相差：175元 − 100元 = 每月75元" in compared.text


def test_figures_added_to_the_one_named_last_are_summed_with_it(talk):
    _, added = talk.conversation("高技能领军人才培养多少个", "再加上高级技师和技师 一共多少人")
    assert "200名 + 100名 + 300名 = 600名" in added.text


def test_reckoned_by_the_fact_supposed_the_same_lines_are_asked_again(talk):
    *_, reckoned = talk.conversation("俺老头六十六 当过四年义务兵 立过三等功 一个月一共多少", "要是立的是一等功呢",
                                     "按一等功算一年多少")
    assert "合计：1200元 + 1800元 = 每年3000元" in reckoned.text


def test_a_total_of_two_peoples_additions_after_their_difference_adds_them(talk):
    _, both = talk.conversation("我爸立过一等功 我舅立过三等功 每月增加的差多少", "俩人加一起一年增加多少")
    assert "1800元 + 600元 = 每年2400元" in both.text


def test_another_value_supposed_of_no_ones_facts_keeps_every_line(talk):
    *_, supposed = talk.conversation("老义务兵 六十九了 当了6年 服役时还立过三等功 一个月一共多少", "要是立的一等功呢 一个月")
    assert "合计：150元 + 150元 = 每月300元" in supposed.text


def test_who_puts_up_the_money_is_the_finance_bureaus_duty(talk):
    [who] = talk.conversation("暖流计划这些钱谁掏钱")
    assert who.text.startswith("【市财政局的职责】")


def test_everyday_words_for_the_plans_duties_find_their_records(talk):
    [wages] = talk.conversation("在工地上干活 工钱老拖 这事暖流计划管吗")
    [adopted] = talk.conversation("暖流计划啥时候定下来的")
    assert wages.text.startswith("【农民工工资权益重点监察】") and "2月8日" in adopted.text


def test_a_figure_asked_about_names_the_measure_stating_it(talk):
    _, named = talk.conversation("创业孵化基地扶持多少户", "那一点五亿说的是啥")
    assert named.text.startswith("【创业担保贷款】")


def test_a_relative_described_by_their_group_gets_their_measure_not_the_households_list(talk):
    *_, hers = talk.conversation("我家是低保户 低保标准是多少", "俺婆婆是六十年代精简退职的 她的补助涨了多少")
    assert hers.text.startswith("【六十年代精简退职职工生活补助】") and "农村低保标准的增长幅度" in hers.text


def test_who_leads_this_asks_the_office_of_the_thing_spoken_of_not_the_plans_lead(talk):
    _, this = talk.conversation("已建工会的企业 集体协商建制率要提到多少", "这个哪个部门牵头")
    [plan] = talk.conversation("暖流计划哪个部门牵头")
    assert "市总工会" in this.text and plan.text.startswith("【组织实施与牵头部门】")


def test_a_total_of_two_where_one_does_not_qualify_is_the_others_sum_said_to_leave_them_out(talk):
    *_, both = talk.conversation("我表妹在銀行上班 週末開了個網店 能領創業補貼嗎", "那我二舅呢 他是下岗职工 开了个小卖部一年了",
                                 "俩人一共多少")
    assert "· 您表妹：暂不符合" in both.text and "合计：5000元（不含暂不符合" in both.text


def test_one_level_against_another_added_each_month_is_their_difference_and_over_years_too(talk):
    month, years = talk.conversation("立一等功的比立三等功的一个月多加多少", "五年呢")
    assert "相差：150元 − 50元 = 每月100元" in month.text and "5年相差：100元 × 60个月 = 6000元" in years.text


def test_a_group_counted_again_by_merit_level_is_each_level_times_its_heads_and_one_level_corrects(talk):
    month, _, corrected = talk.conversation("俺们村五个立过功的老兵 俩三等功 俩二等功 一个一等功 每个月一共多加多少",
                                            "平均一人一年加多少", "不对 一等功那个其实是个人荣誉称号 那一年一共多加多少")
    assert "100元 + 200元 + 150元 = 每月450元" in month.text
    assert "1200元 + 2400元 + 2400元 = 每年6000元" in corrected.text and "三等功2位" in corrected.text


def test_she_after_a_relatives_father_is_the_relative_not_her_father(talk):
    each, = talk.conversation("我公公是解放战争老兵 我婆婆她爹是烈士 她今年七十 他俩一年各多少")
    assert "您婆婆的烈士老年子女生活补助：每年4800元" in each.text and "年龄" not in each.text


def test_a_supposition_compared_with_now_is_the_supposed_against_the_told(talk):
    *_, against = talk.conversation("我爸今年六十三了 以前当了三年义务兵 现在每个月能拿多少", "要是他当初多干两年呢",
                                    "多当两年的话 一年比现在多拿多少")
    assert "相差：1500元 − 900元 = 每年600元" in against.text


def test_the_actual_years_after_a_supposition_are_those_told(talk):
    *_, back = talk.conversation("我老伴今年六十三了 年轻时候当过四年义务兵 现在一个月给多少钱",
                                 "要是他当年多干两年呢 一个月多少", "就按实际四年算 跟老标准比一年多了多少")
    assert "每月增加20元，折合每年增加240元" in back.text and "创业" not in back.text


def test_last_years_standard_over_years_and_the_difference_over_those_years(talk):
    *_, old, apart = talk.conversation("俺妈是病故军人遗嘱 今年一年多少", "按今年标准五年一共多少", "要是按去年标准五年呢",
                                       "差了多少")
    assert "16890元 × 5年 = 84450元" in old.text and "600元 × 5年 = 3000元" in apart.text


def test_a_number_supposed_in_place_of_the_count_told(talk):
    _, fifteen = talk.conversation("农村电商示范点二十个全建成 总共补多少", "要是只建成十五个呢")
    assert "50000元 × 15个示范点 = 750000元" in fifteen.text


def test_a_sum_with_counts_told_after_a_cap_asks_the_sums_not_the_caps(talk):
    *_, both = talk.conversation("头一次获得绿色食品认证 一个产品给多少", "四个产品呢", "最多能给多少",
                                 "俺们另外还拿了农业部地理标志登记 跟四个产品的绿色认证加一起多少")
    assert "100000元 + 26000元 = 126000元" in both.text  # in the order the message names them


def test_some_placed_who_signed_half_a_year_come_off_the_count_not_the_agencys_contract(talk):
    *_, fewer = talk.conversation("我开职业中介的 免费给就业困难人员介绍工作 一个人补多少",
                                  "这个月介绍成了十二个 都签了一年合同也交了社保 一共多少", "哎不对 有俩只签了半年合同")
    assert "12人 − 2人 = 10人；180元 × 10人 = 1800元" in fewer.text


def test_what_an_agency_did_for_me_is_the_agencys_sum_not_mine(talk):
    _, agency = talk.conversation("我是国企下岗的 自己开了个饭店 执照办下来七个月了 能给啥补贴",
                                  "中介给我介绍了俩就业困难的来上班 签了两年合同交了社保 中介能拿多少补贴")
    assert "180元 × 2人 = 360元" in agency.text and "5000" not in agency.text


def test_once_of_age_the_two_of_us_is_both_standards_and_no_business_read_in_a_period(talk):
    *_, both = talk.conversation("我父亲是烈士 我今年五十六 烈士子女的补助我现在能拿不",
                                 "那我哥六十三了 原来一年三千六 现在多少", "等我也满岁数了 俺俩一年一共多少")
    assert "4800元 + 4800元 = 每年9600元" in both.text and "创业" not in both.text


def test_a_benefit_named_by_its_figure_is_the_measure_stating_it(talk):
    four, = talk.conversation("我是城里的低保户 营业执照三月份办的 到现在四个月 能领五千那个补贴不")
    assert four.text.startswith("【就业困难人员一次性创业补贴】") and "还差2个月" in four.text


def test_another_product_counted_apart_is_that_awards_count(talk):
    _, green = talk.conversation("合作社今年初次拿了无公害认证 两个产品 给多少",
                                 "还有一个别的产品头一回拿了绿色食品认证 这个给多少")
    assert "4000元 + 20000元 = 24000元" in green.text


def test_someone_who_never_served_asked_after_a_veterans_standard_is_told_why_not(talk):
    _, mother, hers = talk.conversation("俺大哥六十六 当了五年义务兵 每月能领多少", "那俺妈呢 她没当过兵",
                                        "俺妈是烈士子女 今年六十一 一年多少")
    assert "没当过兵，不在其中" in mother.text and "元（您妈）" not in mother.text
    assert hers.text.startswith("【烈士老年子女生活补助】每年4800元")  # the veteran's measure was never hers


def test_two_levels_compared_after_a_persons_level_are_the_two_levels_not_a_supposition_of_his(talk):
    *_, apart = talk.conversation("俺爹是抗美援朝的老兵 在部队立过二等功 今年一年一共能拿多少", "不对不对 俺记岔了 是一等功",
                                  "那一等功一个月比二等功多加多少")
    assert "相差：150元 − 100元 = 每月50元" in apart.text


def test_against_the_old_standard_in_shorthand_is_the_rise_of_the_total(talk):
    *_, more = talk.conversation("来电 本人62岁 烈士子女 年额", "其母 烈属 月标", "两人合计 年", "比原标 合计多多少")
    assert "1200元 + 600元 = 每年1800元" in more.text and "相差" not in more.text


def test_whether_research_staff_away_on_a_startup_keep_their_titles_is_the_plans_sentence(talk):
    *_, titles = talk.conversation("我在吉林大学当老师 想带着项目离岗创业 编制能给我留着不", "她离岗那几年还能评职称不")
    assert titles.text.startswith("【科研人员离岗创业】") and "职称评聘" in titles.text


def test_a_total_asked_after_the_rise_in_percent_is_the_sum_of_the_amounts_now(talk):
    *_, total = talk.conversation("俺太爷爷是打鬼子的抗日老兵 今年一百零二了 现在一年给多少钱", "原来一年是多少 涨了百分之几",
                                  "要是他在部队立过二等功呢 每个月还能再加多少", "那加上立功的 一年下来总共多少")
    assert "21060元 + 1200元 = 每年22260元" in total.text


def test_groups_of_a_counted_whole_each_said_with_their_count_are_counted_so_and_recounted_each(talk):
    first, again = talk.conversation("俺们村五个老兵 三个是当年过鸭绿江打过仗的志愿军 俩是解放战争那会儿的 今年一人一年给多少啊",
                                     "哦不对 说错了 解放战争的是仨 志愿军是俩 那一年一共多少")
    assert "15780元 × 3人 = 47340元" in first.text and "16120元 × 2人 = 32240元" in first.text
    assert "31560元 + 48360元 = 每年79920元" in again.text


def test_a_group_counted_in_a_word_after_its_name_is_its_members_named_after_it(talk):
    each, = talk.conversation("俺们村老义务兵仨 都过六十了 一个当了两年 一个当了四年 一个当了五年 每月各给多少")
    assert "50元 + 100元 + 125元 = 每月275元" in each.text


def test_a_subsidy_paid_to_agencies_asked_of_a_job_seeker_says_whom_it_pays(talk):
    son, agency = talk.conversation("俺儿子是通过中介找的工作 签了两年合同 他本人能领那个180块钱不",
                                    "一家中介这个月成了五个 都够条件 一共多少")
    assert "不发给您儿子本人" in son.text and "（您儿子）" not in son.text
    assert "180元 × 5人 = 900元" in agency.text and not agency.text.startswith("【职业介绍补贴】条件")


def test_an_agency_asking_of_its_own_subsidy_is_not_told_it_goes_to_another(talk):
    own, = talk.conversation("俺是开职业中介的 免费给就业困难的人介绍工作 有补贴不")
    assert "不发给" not in own.text


def test_a_shop_or_a_plot_of_land_jieba_calls_a_place_is_no_place_outside_the_city(talk):
    shop, = talk.conversation("俺媳妇今年四十二 在私企干了好些年 去年公司裁员她就没活了 她想自己开个美甲店 政府给补贴不")
    assert "不在长春市2017年" not in (shop.text or "") and shop.response != "utter_out_of_scope"


def test_laid_off_said_of_him_some_words_after_he_was_is_his(talk):
    _, laid_off = talk.conversation("俺对象四十八了 男的 失业好几年了 算不算你们说的大龄失业人员",
                                    "他以前是国营厂的 厂子黄了下岗的 他要自己开个饭馆能给钱不 给多少")
    assert laid_off.text and "5000元" in laid_off.text


def test_another_kind_of_hardship_told_after_an_age_verdict_is_asked_of_the_subsidy_not_the_age(talk):
    *_, other = talk.conversation("我四十五 女的 在家待业 开个小饭店 执照办了十个月了 能领创业补贴不",
                                  "那我妹三十八呢 她也想开店 算大龄失业不", "她是国企下岗的 这个能算不")
    assert other.text.startswith("【就业困难人员一次性创业补贴】") and "5000元" in other.text
    *_, aged = talk.conversation("俺对象今年四十九 厂子黄了下岗了 算大龄失业人员不", "那俺媳妇42 也下岗了 她算不")
    assert "女满40周岁" in aged.text  # a new one's age told: judged by the term


def test_one_of_a_family_said_to_be_this_year_the_other_is_that_other_alone(talk):
    renewal, = talk.conversation("隔壁合作社的有机认证 今年是第一年再认证 给多少")
    assert renewal.text.startswith("【有机产品再认证奖补（第一年）】") and "50000" not in renewal.text


def test_a_fee_paid_now_after_the_cut_gives_the_fee_before_it(talk):
    *_, before = talk.conversation("俺家养鱼的 听说那个渔业资源增殖保护费降了 降多少",
                                   "俺小舅子家现在交的是1140 那他原来交多少")
    assert "原来1200元" in before.text


def test_a_period_asked_after_a_rise_in_percent_is_the_amount_and_its_rise_in_that_period(talk):
    *_, month = talk.conversation("我外公參加過解放戰爭 現在每年補助多少", "漲了百分之幾", "每個月呢")
    assert "折合每月约1343.33元" in month.text and "每月增加100元" in month.text


def test_a_death_said_again_moves_the_survivors_line_to_that_deaths_standard(talk):
    _, again, more = talk.conversation("俺大姨夫当年在部队因公牺牲了 俺大姨算遗属 一年给多少",
                                       "哦不对 俺妈说是在部队得病没的 不是因公 那是多少", "那烈士遗属比她一年多多少")
    assert again.text.startswith("【病故军人遗属抚恤补助】每年17490元")
    assert "24570元 − 17490元 = 每年7080元" in more.text


def test_the_wife_of_one_of_several_uncles_is_his_survivor_whatever_his_rank(talk):
    *_, apart, both = talk.conversation("俺大姨夫在部队执行任务因公牺牲了 俺大姨一年抚恤能领多少",
                                        "俺二姑父是在部队得病没的 病故 那俺二姑呢", "她俩差多少", "都加一起呢")
    assert "18460元 − 17490元 = 每年970元" in apart.text and "18460元 + 17490元 = 每年35950元" in both.text


def test_a_correction_asked_as_a_couples_total_corrects_the_one_and_sums_the_two(talk):
    *_, again = talk.conversation("俺爹六十八 以前当了四年义务兵 每月多少", "俺娘是烈士的闺女 今年六十六 她一年多少",
                                  "老两口一年一共", "哦不对 俺爹当的是九年 那老两口一年一共多少")
    assert "25元 × 服役9年 = 每月225元" in again.text and "2700元 + 4800元 = 每年7500元" in again.text


def test_levels_listed_then_one_more_are_all_of_these_in_the_next_turn(talk):
    *_, each = talk.conversation("优抚对象立了三等功 二等功 一等功的 每月各加多少", "获个人荣誉称号的呢",
                                 "这几个一年下来分别加多少")
    assert all(f"每年{n}元" in each.text for n in (600, 1200, 1800, 2400))


def test_these_three_kinds_range_over_the_three_answered_before(talk):
    *_, monthly = talk.conversation("抗日的 解放战争的 抗美援朝的 这三类老兵现在一年各给多少", "最后那个原来是多少",
                                    "这三类一个月各合多少")
    assert all(f"折合每月{n}元" in monthly.text for n in ("1755", "约1343.33", "1315"))


def test_a_neighbour_named_after_the_word_neighbour_is_one_person_asked_of_by_name(talk):
    *_, his = talk.conversation("俺奶奶是烈士遗属 俺邻居老王是烈士老年子女 今年六十三 他俩一年各多少",
                                "老王那个原来多少 涨了百分之几")
    assert "原来每年3600元" in his.text and "33.33%" in his.text


def test_once_of_age_said_without_the_age_is_the_standard_then(talk):
    _, then = talk.conversation("俺老伴是烈士子女 今年五十八 能领那个烈士老年子女的补助不", "那到岁数以后一年多少")
    assert then.text.startswith("【烈士老年子女生活补助】每年4800元")


def test_a_detail_asked_where_only_a_departments_duty_speaks_is_said_unstated_above_that_duty(talk):
    payday, = talk.conversation("老兵那个抚恤补助每个月几号发")
    assert "没写明发放时间和方式" in payday.text and "元" not in payday.text


def test_two_people_named_then_asked_of_as_the_two_are_given_each_and_together(talk):
    both, = talk.conversation("我爸抗美援朝的 我妈是病故军人遗属 俩人一年多少")
    assert "15780元 + 17490元 = 每年33270元" in both.text
    each, = talk.conversation("我爸抗美援朝的 我妈是病故军人遗属 俩人各多少")
    assert "合计" not in each.text


def test_the_plan_is_named_as_changchuns_when_asked_whose_it_is(talk):
    city, = talk.conversation("这个暖流计划是哪个城市的")
    assert "长春" in city.text


def test_who_pays_for_the_plan_is_the_finance_bureaus_sentence(talk):
    pays, = talk.conversation("暖流计划这些钱是谁出 哪个局管钱")
    assert pays.text.startswith("【市财政局的职责】")


def test_an_operators_age_before_the_yearly_standard_is_no_business_years(talk):
    child, = talk.conversation("坐席 查一下 烈属老年子女 满六十 年标准")
    assert child.text.startswith("【烈士老年子女生活补助】每年4800元") and "5000" not in child.text


def test_the_income_the_floor_is_reckoned_on_is_not_the_rate_said_before_it(talk):
    floor, = talk.conversation("听说城区低保标准不能低于上年度人均可支配收入的百分之二十 要是去年城区人均可支配收入是三万 "
                               "那低保一年最少多少")
    assert "最少每年6000元" in floor.text


def test_members_lettered_by_an_operator_each_have_their_own_service_and_the_age_said_of_both(talk):
    both, _, again = talk.conversation("两位老义务兵 甲服役3年 乙服役5年 均满60 月合计", "年合计", "乙改为4年")
    assert "75元 + 125元 = 每月200元" in both.text
    assert "900元 + 1200元 = 每年2100元" in again.text


def test_two_caps_compared_are_the_caps_not_the_sums_reckoned(talk):
    *_, caps = talk.conversation("俺们社种的小米头一回拿了绿色食品认证 三个产品 给多少", "无公害的呢 也是三个",
                                 "绿色的封顶比无公害的封顶多多少")
    assert "相差：30000元 − 10000元 = 20000元" in caps.text


def test_monthly_or_at_the_years_end_is_a_payout_the_plan_does_not_state(talk):
    _, when = talk.conversation("俺今年六十有一了当过义务兵四年 一个月多少", "这钱是每月发还是年底一起发")
    assert "没写明发放时间和方式" in when.text and "元" not in when.text


def test_a_loan_asked_by_a_returning_worker_is_the_start_up_loan(talk):
    _, loan = talk.conversation("俺在外地打工 想回村里创业 有培训不 要钱不", "回来创业能贷款不")
    assert "创业担保贷款" in loan.text


def test_the_couple_asked_of_after_one_of_them_is_named_is_both(talk):
    *_, both = talk.conversation("俺爷是解放战争老兵 按现在标准三年一共能领多少", "要是按去年标准 三年是多少", "差多少",
                                 "俺奶也是老兵 打过鬼子的抗日老兵 老两口一年一共")
    assert "21060元 + 16120元 = 每年37180元" in both.text


def test_the_kind_asked_by_its_figure_is_the_measure_stating_it(talk):
    _, kind, old = talk.conversation("听说抗美援朝老兵今年一年15780 那去年是多少", "那一年一万六千一百二的是哪类老兵",
                                     "它原来多少")
    assert kind.text.startswith("【解放战争老兵生活补助】每年16120元") and "原来每年14920元" in old.text


def test_friends_counted_beside_the_asker_make_the_number_asked_of(talk):
    _, three = talk.conversation("俺是残疾人 想开个修鞋铺 自己干 能补多少", "俺还有俩残疾朋友也想开 仨人一共")
    assert "5000元 + 10000元 = 15000元" in three.text


def test_a_spouse_named_after_the_word_spouse_keeps_the_spouses_relations(talk):
    mine, = talk.conversation("我老伴老李当年在部队牺牲了 后来评上烈士 我能领多少")
    assert mine.text.startswith("【烈士遗属抚恤补助】每年24570元")


def test_months_told_after_a_list_are_the_listed_persons_and_judge_the_one_picked(talk):
    _, five, seven = talk.conversation("我儿子大学毕业两年了 家里困难 一直没找着工作 想开个网店 有补贴吗", "执照办了五个月",
                                       "哦不对 是七个月")
    assert "暂不符合" in five.text and "还差1个月" in five.text
    assert seven.text.startswith("【就业困难人员一次性创业补贴】一次性5000元（您儿子）")


def test_a_total_waits_for_the_kind_of_someone_told_only_to_be_a_survivor(talk):
    _, _, waiting, whole = talk.conversation("我大姨是遗属 一年给多少", "那她婆婆呢 是病故军人遗属", "俩人都加一起",
                                            "因公牺牲的")
    assert "还得知道您大姨是哪一类" in waiting.text and "24570" not in waiting.text
    assert "17490元 + 18460元 = 每年35950元" in whole.text
    *_, asked, short = talk.conversation("我大姨是遗属 一年给多少", "那她婆婆呢 是病故军人遗属", "俩人一共多少", "病故的")
    assert "还得知道您大姨是哪一类" in asked.text and "17490元 + 17490元 = 每年34980元" in short.text


def test_a_kind_of_no_group_of_hers_is_not_taken_as_her_kind(talk):
    *_, war = talk.conversation("我大姨是遗属 一年给多少", "那她婆婆呢 是病故军人遗属", "俩人一共多少", "抗日的")
    assert "您大姨" not in war.text


def test_a_count_of_people_with_a_period_after_each_was_told_is_their_sum(talk):
    *_, two, month = talk.conversation("俺爹义务兵三年 六十五 一年多少", "俺老丈人义务兵两年 七十了 一年多少", "俩人一年",
                                       "一个月")
    assert "900元 + 600元 = 每年1500元" in two.text and "75元 + 50元 = 每月125元" in month.text


def test_someone_named_with_a_count_of_people_joins_the_one_talked_about_before(talk):
    *_, two = talk.conversation("俺老叔抗美援朝老兵 一年多少", "俺老婶也是解放战争的 俩人一年")
    assert "15780元 + 16120元 = 每年31900元" in two.text


def test_a_survivor_said_to_be_of_another_death_is_summed_as_that_kind(talk):
    *_, both = talk.conversation("俺大姑是烈士遗属 俺二姑是因公牺牲军人遗属 一年各多少", "俩人一年一共",
                                 "哦 俺二姑不是因公 是病故的 那俩人一年一共")
    assert "24570元 + 17490元 = 每年42060元" in both.text


def test_a_death_denied_with_none_in_its_place_corrects_nothing(talk):
    *_, grandma = talk.conversation("我太姥爷九十五 解放战争老兵 立过一等功 一年多少钱",
                                    "我太姥姥也在 九十二了 她没当过兵 她爹也不是烈士 她能领啥")
    assert grandma.response == "utter_ask_profile"  # who she is, not his 17920 again


def test_a_count_told_of_one_measure_is_not_carried_to_another_named_next(talk):
    _, subsidy = talk.conversation("那中介要是一个月免费介绍了二十个困难人员都签了一年以上合同交了社保 能拿多少", "那创业补贴呢")
    assert subsidy.text.startswith("【就业困难人员一次性创业补贴】一次性5000元") and "100000" not in subsidy.text


def test_someone_added_with_a_count_of_people_after_a_rise_asks_their_sum_again(talk):
    *_, three = talk.conversation("俺大姑是烈士遗属 俺二姑是病故军人遗属 一年各多少", "俩人一年一共", "多了多少",
                                  "要是俺三姑也是病故遗属 仨人一年")
    assert "= 每年59550元" in three.text


def test_someone_talked_about_before_named_again_is_asked_the_same_of_their_measure(talk):
    *_, hers, his = talk.conversation("俺爹是抗美援朝老兵 一年多少钱", "俺嫂子下岗了 女的 四十二 想开个服装店 能补多少",
                                      "俺弟在农安养鱼 渔业费降百分之几", "俺爹那个归哪管", "俺嫂子那个呢", "俺弟那个呢")
    assert hers.text.startswith("【就业困难人员一次性创业补贴】承办部门：市人社局")
    assert his.text.startswith("【渔业资源增殖保护费降低】承办部门：市水利局")


def test_the_office_asked_of_a_crop_grown_in_a_listed_place_is_the_office(talk):
    office, = talk.conversation("俺哥在榆树种大果榛子 这个归哪个部门")
    assert office.text.startswith("【平欧杂交大果榛子种植】承办部门：市林业局")


def test_last_years_standard_and_this_years_are_added_for_the_two_years(talk):
    two, again = talk.conversation("俺公公是抗美援朝老兵 去年按老标准 今年按新标准 两年一共拿多少", "去年加今年一共多少")
    assert "去年14580元 + 今年15780元 = 30360元" in two.text and "31560" not in two.text
    assert "30360元" in again.text


def test_a_place_is_out_of_scope_unless_it_is_only_where_someone_is_registered_beside_changchun(assistant):
    scope, normalize = assistant.scope, assistant.normalize
    assert scope.elsewhere(normalize("俺户口在哈尔滨 在长春开店")) is None
    assert scope.elsewhere(normalize("俺在哈尔滨开店")) == "place 哈尔滨"
    assert scope.elsewhere(normalize("户口在沈阳 能领吗")) == "place 沈阳"


def test_a_question_whether_one_death_counts_as_another_corrects_no_kind(talk):
    _, asked = talk.conversation("俺二姑是烈士遗属 一年多少", "因公牺牲的是不是也是病故的那个标准")
    assert "18460元（您二姑）" not in asked.text


def test_someone_added_to_a_total_with_a_count_of_two_joins_the_one_talked_about_last(talk):
    *_, two = talk.conversation("俺爹是抗美援朝老兵 一年多少", "俺老叔是解放战争老兵 一年多少", "俩人一年一共",
                                "要是俺老婶也是烈士遗属 俩人一年")
    assert "16120元 + 24570元 = 每年40690元" in two.text
