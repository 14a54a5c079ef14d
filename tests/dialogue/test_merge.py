"""The full question a message asks in its conversation (bot/dialogue/merge.py): each named rule, taking the
conversation so far (run through the turn step) and the new message."""
from __future__ import annotations

import pytest

from bot.assistant import load_assistant
from bot.dialogue.merge import merge
from tests.support.chat import Chat


@pytest.fixture(scope="module")
def assistant(db_path):
    return load_assistant(db_path)


@pytest.fixture()
def after(assistant):
    """(earlier turns …, message) → (the merged context, the rule that made it)."""
    def merged(*turns: str):
        chat = Chat(assistant)
        for said in turns[:-1]:
            chat.says(said)
        q = assistant.reader.read(turns[-1])
        return merge(q, chat.state.context, assistant.store, assistant.reader.people)
    return merged


def lines(c) -> list[tuple[str, str | None]]:
    return [(line.measure, line.person) for line in c.lines]


def test_a_bare_number_answers_the_fact_asked_for(after):
    c, rule = after("我爸是老义务兵，一个月多少", "8年")
    assert rule == "answers_the_question_asked" and c.person("爸").facts["service_years"] == 8


def test_a_correction_replaces_the_fact_of_its_kind(after):
    c, rule = after("俺老头子当过八年义务兵 七十了 一个月多少", "不是八年 是十年 俺记错了")
    assert rule == "corrects_a_fact" and c.person("老伴").facts["service_years"] == 10


def test_a_correction_naming_the_wrong_value_finds_whose_it_was(after):
    c, rule = after("俺们村三个老义务兵 一个六十五当了三年 一个五十八当了四年 一个七十当了五年 一个月一共多少",
                    "哦那个五十八的说错了 他是六十八")
    assert rule == "corrects_a_fact"
    assert c.person("第2位").facts["age"] == 68 and c.person("第1位").facts["age"] == 65


def test_a_correction_naming_a_line_by_part_of_its_title_changes_that_line_alone(after):
    c, _ = after("某合作社 初次无公害2个产品 初次绿色3个产品 奖补合计", "更正 绿色为5个产品")
    counts = {line.measure: line.facts.get("product_count") for line in c.lines}
    assert counts == {"cert_pollution_free": 2, "cert_green_food": 5}


def test_a_correction_of_a_category_keeps_the_person_and_drops_the_old_line(after):
    c, rule = after("来电人 父 抗美援朝老兵 母 病故军人遗属 年合计", "更正 父为解放战争老兵")
    assert rule == "corrects_a_fact"
    assert lines(c) == [("veteran_liberation_war", "爸"), ("survivor_died_of_illness", "妈")] and c.total


def test_an_addition_keeps_the_lines_and_adds_one(after):
    c, rule = after("合作社无公害认证和绿色食品认证都是头一次拿 无公害两个产品 绿色两个产品 一共能拿多少",
                    "再加一个农产品地理标志登记呢")
    assert rule == "adds_to_the_question" and len(c.lines) == 3 and c.total


def test_an_addition_keeps_the_counts_told_before(assistant):
    chat = Chat(assistant)
    chat.says("合作社无公害认证和绿色食品认证都是头一次拿 无公害两个产品 绿色两个产品 一共能拿多少")
    assert "126000元" in chat.says("再加一个农产品地理标志登记呢").text


def test_that_x_asks_the_same_of_someone_else(after):
    c, rule = after("我爸是抗美援朝老兵，一年多少", "那我叔呢")
    assert rule == "swaps_the_person" and lines(c) == [("veteran_korean_war", "叔")] and c.period == "每年"


def test_a_total_of_two_people_reaches_back_over_the_answers_before(after):
    c, rule = after("我爸是抗日老兵，立过二等功，一年多少", "我妈是烈士遗属呢", "俩人加起来一年多少")
    assert rule == "asks_again" and c.total
    assert {p for _, p in lines(c)} == {"爸", "妈"} and len(c.lines) == 3


def test_a_total_after_a_correction_leaves_out_the_corrected_line(after):
    c, _ = after("来电人 父 抗美援朝老兵 母 病故军人遗属 年合计", "更正 父为解放战争老兵", "月合计")
    assert ("veteran_korean_war", "爸") not in lines(c) and c.period == "每月"


def test_once_met_and_how_many_bring_back_the_others(after):
    c, _ = after("俺爹是烈士 俺们兄妹三个 大哥六十五 二姐六十一 俺五十九 一年一共能领多少",
                 "等俺也满六十了 按这个标准仨人一年多少")
    assert {p for _, p in lines(c)} == {"我", "哥", "二姐"} and c.total


def test_a_comparison_asked_again_of_another_keeps_the_first(after):
    c, _ = after("来电人为烈士遗属 问比因公牺牲军人遗属年标准多多少 月多多少", "比病故军人遗属呢")
    assert [m for m, _ in lines(c)] == ["survivor_martyr", "survivor_died_of_illness"] and "difference" in c.asked


def test_both_periods_stay_asked_until_one_is_asked_alone(after):
    c, _ = after("解放战争与抗美援朝老兵 年差 月差", "比病故军人遗属呢")
    assert c.both_periods
    c, _ = after("解放战争与抗美援朝老兵 年差 月差", "一个月呢")
    assert not c.both_periods


def test_a_question_of_him_about_what_the_plan_lacks_is_not_his_lines_again(assistant):
    chat = Chat(assistant)
    chat.says("我爸是抗美援朝老兵")
    reply = chat.says("顺便问一下 他看病能报销多少")
    assert reply.response == "utter_out_of_scope"


def test_the_context_survives_its_slot_with_every_field(after):
    """The context travels between turns as JSON: a field from_json forgets is forgotten by the next turn."""
    from dataclasses import fields, replace

    from bot.dialogue.context import Context, Line

    c, _ = after("我爸是抗日老兵，立过二等功，一年多少", "我妈是烈士遗属呢")
    c = replace(c, total=True, both_periods=True, once_met=True, requested="age", profile=("veteran",), focus="爸",
                period="每月", asked=("rise",), facts={"count": 3}, later=3, span=120, split=4,
                term="大龄失业人员", listed=("poor_farmer_loans",), items=("城镇新增就业",),
                replaced=Line("merit_addition", "爸", None, {"merit": "一等功"}),
                answered=(Line("veteran_anti_japanese"), Line("veteran_korean_war")), actual=c.people, abroad=True)
    unset = [f.name for f in fields(Context) if getattr(c, f.name) == getattr(Context(), f.name)]
    assert not unset, f"set these in the test too: {unset}"
    assert Context.from_json(c.to_json()) == c


def test_the_facts_told_come_back_after_a_supposition_and_more_is_more_than_told(after):
    c, rule = after("我老伴今年六十三了 当过四年义务兵 一个月给多少钱", "要是他当年多干两年呢", "就按实际四年算 一年多少")
    assert rule == "returns_to_the_facts_told" and c.person("老伴").facts["service_years"] == 4 and c.actual is None
    c, _ = after("我爸今年六十三了 当了三年义务兵 每个月能拿多少", "要是他当初多干两年呢", "多当两年的话 一年比现在多拿多少")
    assert [x.facts.get("service_years") for x in c.lines] == [5, 3] and "difference" in c.asked


def test_another_value_of_a_fact_the_person_has_is_supposed_in_its_place_keeping_the_total(after):
    c, rule = after("俺爷是抗美援朝老兵 当年立过二等功 一年总共能拿多少", "要是立的是一等功呢")
    assert rule == "supposes_another_fact" and c.person("爷爷").facts["merit"] == "一等功"
    assert lines(c) == [("veteran_korean_war", "爷爷"), ("merit_addition", "爷爷")] and c.total


def test_a_count_corrected_for_a_line_a_measure_names_is_that_members_not_a_group_size(after):
    c, rule = after("俺们村两个合作社 一个头回无公害认证过了四个产品 一个头回绿色食品认证过了两个产品 俩一共多少奖补",
                    "哦说错了 绿色那个是过了四个")
    assert rule == "corrects_a_fact" and c.person("第2个").facts["product_count"] == 4
    assert c.person("第2个").count == 1


def test_a_measure_named_in_a_correction_replaces_the_members_measure_of_its_kind(after):
    c, _ = after("区内3家合作社初次获无公害认证 产品数分别为1 4 9 奖补合计", "更正 第三家为初次绿色食品认证9个产品")
    assert ("cert_green_food", "第3个") in lines(c) and ("cert_pollution_free", "第3个") not in lines(c)


def test_a_group_size_said_again_renames_the_group(after):
    c, _ = after("俺们屯子有俩抗日老兵 仨解放战争老兵 一年政府总共得发多少", "整错了 解放战争的是俩")
    veterans = next(p for p in c.people if "解放战争" in p.label)
    assert veterans.count == 2 and veterans.label.startswith("2")


def test_an_average_by_the_month_after_a_familys_total_is_that_total_by_the_month(after):
    c, rule = after("俺家老爷子是抗美援朝老兵 俺老太太是烈士的闺女今年六十四 俺大姑是病故军人遗属 俺们一家子一年一共能拿多少",
                    "平均一个月呢")
    assert rule == "asks_again" and c.total and c.period == "每月" and c.asked == ("amount",)


def test_a_question_with_no_word_of_a_kind_asks_the_last_lines_again(after):
    c, rule = after("村里想开个电商服务点 政府给补助吗", "先给钱还是建完再给")
    assert rule == "asks_again" and lines(c) == [("rural_ecommerce_point", None)]
    c, rule = after("村里想开个电商服务点 政府给补助吗", "好的")
    assert rule == "nothing_to_answer"


def test_those_of_a_counted_group_set_apart_have_the_fact_told_and_the_rest_keep_theirs(after):
    c, rule = after("俺们社区有5个低保户自己干买卖 都干满半年了 一次性创业补贴一共能发多少", "不对 其中俩才干了三个月")
    assert rule == "splits_a_group"
    assert sorted((p.count, p.facts.get("months_in_business")) for p in c.people) == [(2, 3), (3, 6)]
    assert len(c.lines) == 2


def test_another_measure_supposed_in_place_of_the_last_asks_how_much_more_it_gives(after):
    c, rule = after("我爸在部队服役的时候得病去世了 我妈作为遗属一年补助多少", "那要是按烈士遗属算 一年多多少")
    assert rule == "names_its_subject" and c.asked == ("difference",)
    assert [line.measure for line in c.lines] == ["survivor_died_of_illness", "survivor_martyr"]


def test_a_question_by_its_question_word_alone_after_a_department_asks_the_provision(after):
    c, rule = after("推进集体协商制度这事谁负责", "要达到啥目标")
    assert rule == "asks_again" and c.asked == ("amount",) and lines(c)[0] == ("collective_bargaining", None)


def test_a_number_said_again_without_its_unit_is_the_persons_fact_nearest_to_it(after):
    c, rule = after("我老伴五十八 当过七年义务兵 现在一个月能领多少", "说错了 是六十八")
    assert rule == "corrects_a_fact" and c.person("老伴").facts == {**c.person("老伴").facts, "age": 68,
                                                                   "service_years": 7}


def test_the_first_of_two_values_in_a_correction_names_whose_it_was(after):
    c, rule = after("俺们村五个老义务兵 都六十好几了 各服役三年 四年 五年 两年 六年 一个月一共能领多少",
                    "不对 当两年的那个其实当了四年 重新算一个月一共多少")
    assert rule == "corrects_a_fact"
    assert [c.person(f"第{n}位").facts["service_years"] for n in range(1, 6)] == [3, 4, 5, 4, 6]


def test_a_total_asked_after_a_difference_is_the_sum(after):
    c, _ = after("我姥爷抗美援朝的 我爷爷解放战争的 俩人一年补助差多少钱", "一个月差多少", "那他俩加一块一年多少")
    assert c.total and c.asked == ("amount",)


def test_those_left_out_of_a_count_who_now_qualify_count_again(after):
    c, rule = after("我们是有资质的职业中介 免费给12个就业困难人员介绍了工作 其中3个只签了半年合同 "
                    "其余都签了两年合同还交了社保 能拿多少职业介绍补贴",
                    "那3个后来续签成两年了 也交了社保 一共能拿多少")
    assert rule == "includes_those_left_out"
    assert all("excluded" not in line.facts for line in c.lines) and "excluded" not in c.facts


def test_once_one_of_a_family_qualifies_the_total_is_of_all_of_them(after):
    c, _ = after("我们一家三口都是就业困难人员 我是国有企业下岗的 营业执照领了十个月 我媳妇是低保户 开店四个月 "
                 "我儿子是残疾人 开了七个月 一次性创业补贴一共能领多少", "再过三个月我媳妇那店也开够七个月了 到时候一共多少")
    assert len(c.lines) == 3 and c.total


def test_another_value_supposed_of_a_numbered_member_keeps_the_comparison(after):
    c, rule = after("俺们村两个合作社 一个初次三个产品拿了无公害认证 另一个初次四个产品拿了绿色食品认证 各能拿多少 差多少",
                    "第二个要是六个产品呢")
    assert rule == "supposes_another_fact" and c.person("第2个").facts["product_count"] == 6 and len(c.lines) == 2


def test_another_count_supposed_for_one_of_several_measures_changes_its_line_and_keeps_the_total(after):
    c, rule = after("合作社头一回拿到无公害认证 有四个产品 另外两个产品头一回拿到绿色食品认证 一共能拿多少奖补",
                    "要是无公害有十个产品呢")
    assert rule == "supposes_another_fact" and c.total
    assert {line.measure: line.facts.get("product_count") for line in c.lines} == {"cert_pollution_free": 10,
                                                                                   "cert_green_food": 2}


def test_all_of_a_count_said_to_qualify_takes_back_those_left_out(after):
    c, rule = after("中介有资质 免费介绍了八个就业困难人员 有五个签了两年合同交了社保 三个签了八个月 补贴多少",
                    "那要是八个都够格呢")
    assert rule == "includes_those_left_out" and "excluded" not in c.facts


def test_what_everyone_counted_did_is_told_of_the_one_spoken_of_before_too(after):
    c, _ = after("我老伴五十二 男的 失业了在家 想干个小买卖 他算不算大龄失业的 开店能补多少", "那我呢 我四十三 女的 也没工作",
                 "要是俺俩各开一个店 都干满半年了 加一起能补多少")
    assert lines(c) == [("startup_subsidy_difficulty", "我"), ("startup_subsidy_difficulty", "老伴")] and c.total
    assert c.person("老伴").facts["months_in_business"] == 6


def test_months_from_now_grow_the_months_in_business_once_from_the_time_first_told(after):
    c, _ = after("我是低保户 开了个小卖部 执照下来四个月 能领创业补贴吗", "再过一个月呢", "再过两个月呢")
    assert c.person("我").facts["months_in_business"] == 6 and c.later == 2


def test_a_correction_naming_another_measure_asks_the_same_of_it(after):
    c, rule = after("抗日老兵一年多少钱", "不对不对，俺问的是解放战争老兵")
    assert rule == "names_its_subject" and lines(c) == [("veteran_liberation_war", None)]
    c, _ = after("有机产品新认证的组织奖补多少", "哦说错了，我问的是地理标志登记")
    assert lines(c) == [("cert_geographic", None)]


def test_the_others_of_a_list_are_asked_what_one_of_it_was_asked(after):
    c, rule = after("三属 烈士遗属 因公牺牲军人遗属 病故军人遗属 现行年标准分别", "因公牺牲那个折合月标准", "另外两个呢")
    assert rule == "asks_of_the_others" and c.period == "每月"
    assert lines(c) == [("survivor_martyr", None), ("survivor_died_of_illness", None)]


def test_as_many_items_as_a_total_counts_take_the_measures_answered_before(after):
    c, _ = after("合作社 有机产品新认证 及次年第一年再认证 两项奖补合计", "该社另初次无公害认证4个产品 三项合计")
    assert [m for m, _ in lines(c)] == ["cert_organic_new", "cert_organic_renewal", "cert_pollution_free"] and c.total


def test_all_of_a_count_said_to_comply_takes_back_those_left_out(after):
    c, rule = after("中介机构 免费介绍就业困难人员 成功25人 其中5人合同不满1年 可申领职业介绍补贴多少", "如25人全部合规")
    assert rule == "includes_those_left_out" and "excluded" not in c.facts


def test_the_people_a_total_is_over_are_no_count_told_of_the_last_one(after):
    c, _ = after("俺村有四个老兵 俩抗美援朝的 一个解放战争的 一个抗日的 一年一共多少", "四个人比原来一共多多少")
    assert all("count" not in p.facts for p in c.people) and "count" not in c.facts


def test_a_correction_of_someone_whose_lines_were_not_the_last_asked_brings_them_back(after):
    c, rule = after("我爸是抗美援朝老兵 立过三等功 我妈是烈士老年子女 今年62", "我爸那份一个月多少", "说错了 我妈今年58")
    assert rule == "corrects_a_fact" and ("survivor_martyr_child", "妈") in lines(c)
    assert c.person("妈").facts["age"] == 58


def test_a_soldier_said_to_have_died_otherwise_makes_his_survivors_of_that_kind(after):
    c, rule = after("俺老伴儿当兵时候病故了 俺一年能领多少", "不对 他是因公牺牲的")
    assert rule == "corrects_a_fact" and c.person("老伴").facts["fallen"] == "因公牺牲"
    assert lines(c) == [("survivor_died_on_duty", "我")]
    c, _ = after("俺老伴儿当兵时候病故了 俺一年能领多少", "不对 他是因公牺牲的", "俺儿子也算遗属不 他四十了")
    assert ("survivor_died_on_duty", "儿子") in lines(c)


def test_a_sum_supposed_in_everyday_words_is_the_one_the_last_line_reads(after):
    c, _ = after("去年人均可支配收入三万二 城区低保标准最低一年多少", "要是收入是两万八呢")
    assert 28000 in {v for f in (c.facts, *(line.facts for line in c.lines)) for k, v in f.items()
                     if k == "disposable_income"}
