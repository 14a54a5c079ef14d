"""A message read once (bot/reading/question.py): who it speaks of, what they are, what it asks of them."""
from __future__ import annotations

import pytest

from bot.assistant import load_assistant


@pytest.fixture(scope="module")
def read(db_path):
    return load_assistant(db_path).reader.read


def people(q) -> dict[str, dict]:
    return {p.key: dict(p.facts) for p in q.people}


def test_each_relative_keeps_their_own_facts(read):
    q = read("我爸七十五 当过四年义务兵 我大舅六十九 当过六年义务兵")
    assert people(q)["爸"].items() >= {"age": 75, "service_years": 4}.items()
    assert people(q)["大舅"].items() >= {"age": 69, "service_years": 6}.items()


def test_a_speaker_who_only_speaks_is_no_one_the_question_is_about(read):
    q = read("哦不对 我记错了 他立的是二等功")
    assert "我" not in people(q) and q.correction and q.facts.get("merit") == "二等功"


def test_an_operators_shorthand_names_the_callers_parents(read):
    q = read("来电人 父 抗美援朝老兵 母 病故军人遗属 年合计")
    assert people(q)["爸"]["veteran_category"] == "抗美援朝老兵"
    assert people(q)["妈"]["veteran_category"] == "病故军人遗属"
    assert q.total and q.period == "每年"


def test_an_operators_caller_described_is_the_one_asking(read):
    q = read("来电人为残疾人，自主创业，营业执照领取已满一年")
    assert people(q)["我"]["months_in_business"] == 12


def test_a_lettered_member_is_named_in_a_supposition_too(read):
    assert set(people(read("要是B有6个产品呢"))) == {"B"} and people(read("要是B有6个产品呢"))["B"]["product_count"] == 6
    assert set(people(read("C要是第一年再认证呢"))) == {"C"}


def test_two_figures_apart_are_no_one_bare_number(read):
    assert read("原来20现在25 涨了多少").bare is None
    assert read("是8年吧").bare is not None


def test_a_cooperative_lettered_with_she_is_its_letter(read):
    q = read("甲社无公害初次2个产品 乙社绿色食品初次3个产品")
    assert people(q) == {"甲": {"product_count": 2}, "乙": {"product_count": 3}}


def test_a_martyrs_survivor_is_no_martyr(read):
    q = read("我奶奶是因公牺牲军人的遗属，一年能领多少")
    assert "fallen" not in people(q)["奶奶"]


def test_the_fallen_soldier_gets_no_survivors_measure(read):
    q = read("我爸是因公牺牲的军人，我妈能领多少")
    assert people(q)["爸"]["fallen"] == "因公牺牲"
    assert all(s.person != "爸" for s in q.subjects)


def test_a_counted_groups_members_are_read_one_by_one(read):
    q = read("俺们村五个老义务兵 一个六十五当了三年 一个五十八当了四年 一个七十七当了十年 一个六十二当了两年 一个七十当了五年")
    members = people(q)
    assert len(members) == 5
    assert members["第2位"].items() >= {"age": 58, "service_years": 4}.items()


def test_members_of_organisations_are_counted_as_such(read):
    q = read("俺们村两个合作社 一个头回无公害认证过了四个产品 一个头回绿色食品认证过了两个产品")
    assert set(people(q)) == {"第1个", "第2个"}
    assert people(q)["第1个"]["product_count"] == 4


def test_years_summed_over_a_group_are_not_each_ones(read):
    q = read("某村5名老义务兵 均满60 服役年限合计23年 月合计")
    [group] = q.people
    assert group.count == 1 and group.facts["service_years"] == 23 and group.facts["age"] == 60


@pytest.mark.parametrize("said, age", [
    ("俺爸今天正好六十大寿", 60), ("我爸今年刚好六十", 60), ("来电人 男51 失业", 51), ("俺老舅当过七年义务兵六十八", 68),
    ("那俺二舅呢 他六十一", 61),
])
def test_ages_as_people_say_them(read, said, age):
    q = read(said)
    assert age in [p.facts.get("age") for p in q.people] + [q.facts.get("age")]


def test_a_year_asked_after_a_service_is_no_service_year(read):
    q = read("俺自己也当过四年义务兵 都算上一年多少")
    assert people(q)["我"]["service_years"] == 4 and q.period == "每年"


@pytest.mark.parametrize("said, count, excluded", [
    ("俺们中介今年免费给五十个困难的找着活了 都交了社保 有八个没签满一年", 50, 8),
    ("免费介绍就业困难人员 成功25人 其中5人合同不满1年", 25, 5),
])
def test_those_a_count_leaves_out(read, said, count, excluded):
    q = read(said)
    facts = {**q.facts, **{k: v for p in q.people for k, v in p.facts.items()}}
    assert facts["count"] == count and facts["excluded"] == excluded and "months_in_business" not in facts


def test_a_contract_year_is_no_period(read):
    assert read("其中5人合同不满1年 可申领多少").period is None


@pytest.mark.parametrize("said", ["年差 月差", "年标准差多少 月差多少", "月增加多少 年增加多少"])
def test_both_periods_asked_at_once(read, said):
    assert read(said).both_periods


@pytest.mark.parametrize("said, kinds", [
    ("解放战争与抗美援朝老兵 年差", ("difference",)),
    ("与旧标准比 年增加", ("rise",)),
    ("旧标准 病故军人遗属 各多少", ("old",)),
    ("跟没涨之前比俩人一共多了多少", ("rise",)),
    ("补贴区间", ("min", "max")),
])
def test_what_is_asked_in_shorthand(read, said, kinds):
    assert read(said).asked == kinds


@pytest.mark.parametrize("said, met", [
    ("等俺也满六十了 仨人一年多少", True), ("到时候一个月多少", True), ("满60后月补", True), ("那过半年呢", True),
    ("我二叔五十五岁，当过5年义务兵，每月能领多少", False),
])
def test_asked_of_the_time_a_requirement_is_met(read, said, met):
    assert read(said).once_met is met


def test_a_fee_told_by_the_year_is_the_base_not_an_old_amount_asked(read):
    q = read("那个增值保护费原来一年交三千六 降完了能省多少")
    told = [p.facts.get("base_amount") for p in q.people] + [q.facts.get("base_amount")]
    assert q.asked == ("amount", "saved") and 3600 in told


def test_a_long_title_is_one_measure_not_the_shorter_one_inside_it(read):
    assert [s.measure for s in read("设就业困难人员创业扶持网点6个 补贴区间").subjects] == ["startup_outlets"]


@pytest.mark.parametrize("said, gender", [("我媳妇38岁，失业了", "女"), ("我老公45，失业了", "男"),
                                          ("其妻 女38 失业", "女")])
def test_a_spouses_gender_is_read_from_the_word_that_names_them_or_an_operators_note(read, said, gender):
    """媳妇 and 老公 are both 老伴; the plan's 大龄失业 ages differ by gender (男50, 女40)."""
    [person] = read(said).people
    assert person.facts["gender"] == gender


def test_a_short_message_naming_only_a_measure_is_a_follow_up(read):
    """解放战争老兵 after 抗美援朝老兵涨了百分之几: the same question of it, as operators type it."""
    assert read("解放战争老兵").follow_up and not read("我是解放战争老兵").follow_up


def test_an_everyday_word_that_runs_into_the_noun_it_stands_for_is_read_once(read):
    """抗美援朝的老兵 is 抗美援朝老兵 (not 抗美援朝老兵老兵), and 还剩俩 counts them."""
    q = read("俺们村抗美援朝的老兵还剩俩 解放战争的一个 一年一共多少")
    assert "老兵老兵" not in q.text
    assert {p.key: p.count for p in q.people} == {"抗美援朝老兵": 2, "解放战争老兵": 1}


def test_numbers_listed_after_a_counted_group_are_its_members_ages_or_years_in_order(read):
    ages = read("烈士老年子女 兄妹三人 66 62 57岁 年补合计")
    assert [(p.key, p.facts.get("age"), p.facts.get("veteran_category")) for p in ages.people] == [
        ("第1位", 66, "烈士老年子女"), ("第2位", 62, "烈士老年子女"), ("第3位", 57, "烈士老年子女")]
    years = read("老义务兵三人 均满60 服役3 4 5年 月合计")
    assert [p.facts.get("service_years") for p in years.people] == [3, 4, 5]


def test_numbers_listed_without_a_unit_too_large_for_years_of_service_are_ages_and_a_period_asked_is_not_listed(read):
    q = read("村里有四个烈士老年子女 分别六十五 六十一 五十九 七十 一年一共能领多少")
    assert [p.facts.get("age") for p in q.people] == [65, 61, 59, 70] and q.period == "每年"
    assert not read("3家合作社 分别1 4 9").people[0].facts.get("age")


def test_a_list_that_does_not_count_the_group_is_no_list_of_members(read):
    assert not any(p.key.startswith("第") for p in read("兄妹三人 66 57岁").people)


def test_a_count_said_after_a_measure_in_a_clause_of_its_own_is_that_measures(read):
    """无公害 两个产品 又头回拿了绿色食品 一个产品: voice input puts no commas; 绿色食品 has 1 product, not 2."""
    q = read("俺们合作社今年头回拿了无公害 两个产品 又头回拿了绿色食品 一个产品 一共奖多少")
    assert {x.measure: x.facts.get("product_count") for x in q.subjects} == {"cert_pollution_free": 2,
                                                                             "cert_green_food": 1}


def test_counts_after_each_of_two_measures_in_one_clause_are_each_ones_own(read):
    q = read("无公害五个加绿色两个 一共多少")
    assert {x.measure: x.facts.get("product_count") for x in q.subjects} == {"cert_pollution_free": 5,
                                                                             "cert_green_food": 2}


def test_counts_before_each_of_two_measures_in_one_clause_are_each_ones_own(read):
    """六个无公害加三个绿色: each count is of the name after it (无公害 6 was read for both, and 绿色 alone not
    as the product's)."""
    q = read("六个无公害加三个绿色一共")
    assert {x.measure: x.facts.get("product_count") for x in q.subjects} == {"cert_pollution_free": 6,
                                                                             "cert_green_food": 3}
    for text in ("四个绿色加三个无公害一共", "绿色四个加三个无公害一共", "四个绿色加无公害三个一共"):
        q = read(text)
        assert {x.measure: x.facts.get("product_count") for x in q.subjects} == {"cert_pollution_free": 3,
                                                                                 "cert_green_food": 4}, text


def test_a_death_told_of_her_spouse_is_not_hers(read):
    """我奶奶是病故军人遗属，她前夫是当兵时候病故的: 奶奶 is the survivor; taken for the one fallen, her 17490 left
    every later sum."""
    for text in ("我奶奶是病故军人遗属，她前夫是当兵时候病故的", "我奶奶是遗属，她前夫是当兵时候病故的"):
        assert people(read(text))["奶奶"]["veteran_category"] == "病故军人遗属", text  # his death says her kind
        assert "fallen" not in people(read(text))["奶奶"], text


def test_whether_an_office_handles_these_asks_their_office_not_the_bureaus_duties(read):
    q = read("这些都是民政管不")
    assert q.subjects == () and q.asked == ("department",)
    assert read("那科技局这块管啥").subjects  # what a bureau does: its duties


def test_a_count_of_a_category_or_merit_said_as_you_n_ge_counts_its_people(read):
    assert [x.count for x in read("俺们村老义务兵有五个 每人当了三年兵 一个月一共多少").subjects] == [5]
    assert [x.count for x in read("俺们镇立过三等功的优抚对象有十二个 一个月一共多少").subjects] == [12]
    assert [x.count for x in read("无公害认证有三个产品 奖多少").subjects] == [None]


def test_a_kin_word_after_is_x_de_says_what_the_person_is_not_who_else_is_meant(read):
    """我外婆是烈士的女儿今年七十: 女儿 describes 外婆, and the 70 is hers."""
    q = read("我外婆是烈士的女儿今年七十，一年多少")
    assert people(q) == {"姥姥": {"veteran_category": "烈士老年子女", "gender": "女", "age": 70}}


def test_a_measure_named_twice_with_its_own_counts_stays_two_subjects(read):
    q = read("绿色食品3个产品，无公害2个产品，另一个社绿色食品5个产品，一共多少")
    assert [(x.measure, x.facts.get("product_count")) for x in q.subjects] == [
        ("cert_green_food", 3), ("cert_pollution_free", 2), ("cert_green_food", 5)]


def test_a_surname_inside_a_word_names_no_one(read):
    assert not read("退休养老金涨多少").people and [p.key for p in read("老王是抗日老兵").people] == ["老王"]


def test_product_counts_listed_after_counted_cooperatives_are_each_ones_and_the_measure_theirs(read):
    q = read("区内3家合作社初次获无公害认证 产品数分别为1 4 9 奖补合计")
    assert people(q) == {"第1个": {"product_count": 1}, "第2个": {"product_count": 4}, "第3个": {"product_count": 9}}
    assert [(x.measure, x.person) for x in q.subjects] == [("cert_pollution_free", f"第{n}个") for n in (1, 2, 3)]


def test_an_ordinal_names_the_member_the_reply_numbered(read):
    q = read("更正 第三家为初次绿色食品认证9个产品")
    assert people(q) == {"第3个": {"product_count": 9}} and q.subjects[0].person == "第3个"
    assert not read("第2个产品多少钱").people


def test_san_before_whom_it_counts_is_a_group_of_three(read):
    q = read("俺们屯子有俩抗日老兵 仨解放战争老兵 一年政府总共得发多少")
    assert sorted((p.label, p.count) for p in q.people) == [("2个抗日老兵", 2), ("3个解放战争老兵", 3)]
    assert not read("俩一共多少").people


def test_members_all_past_an_age_are_each_at_least_that_age(read):
    q = read("两位老义务兵都过了60 一个服役3年 一个服役7年 每月各拿多少")
    assert people(q) == {"第1位": {"veteran_category": "老义务兵", "service_years": 3, "age": 60},
                         "第2位": {"veteran_category": "老义务兵", "service_years": 7, "age": 60}}


def test_the_plans_youfu_duixiang_is_no_partner(read):
    q = read("优抚对象服役期间立三等功 二等功 一等功 还有个人荣誉称号的 每月各加多少")
    assert not q.people and [x.facts.get("merit") for x in q.subjects] == ["三等功", "二等功", "一等功", "个人荣誉称号"]



def test_a_count_said_of_one_measure_is_not_listed_as_anothers(read):
    """3个网点 … 10个就业困难人员: the subsidy got a line for 3 people too (a wrong 155000元 total)."""
    q = read("区里设了3个创业扶持网点 每个按最高补 另外有10个就业困难人员创业都满半年了 这两块加一起最多多少")
    assert [(x.measure, x.facts.get("count")) for x in q.subjects] == [
        ("startup_outlets", 3), ("startup_subsidy_difficulty", 10)]


def test_relatives_said_run_on_by_voice_input_are_each_their_own(read):
    """俺姥姥是烈士遗属俺妈是…: 俺妈 was read as what 姥姥 is, and her age and category went to 姥姥."""
    q = read("俺姥姥是列士一属俺妈是列士的闺女今年六十三了")
    assert people(q) == {"姥姥": {"veteran_category": "烈士遗属", "gender": "女"},
                         "妈": {"veteran_category": "烈士老年子女", "age": 63, "gender": "女"}}


def test_those_of_a_count_whose_contract_is_shorter_than_the_plan_requires_are_taken_off_it(read):
    q = read("俺们中介有资质 免费给八个就业困难的整上班了 有五个签了两年合同交了社保 仨签了八个月 补贴能整多少")
    assert (q.facts["count"], q.facts["excluded"], q.facts["contract_years"]) == (8, 3, 2)
    rest = read("职介机构 有资质 免费介绍困难人员20人 签1年以上合同缴社保16人 其余合同3个月 补贴合计")
    assert (rest.facts["excluded"], rest.facts["contract_years"]) == (4, 1)
    assert "excluded" not in read("介绍了8个 5个签了两年合同 3个签了三年合同").facts


def test_a_time_from_now_is_read_as_months_and_is_no_number_told(read):
    q = read("再过三个月呢 四个人一共多少")
    assert q.later == 3 and q.span is None and all(x.unit != "个月" for x in q.quantities)
    assert read("两年以后呢").later == 24 and read("两年一共多少").later is None


def test_a_category_said_before_people_that_all_of_them_share_is_each_ones(read):
    q = read("来电人 烈士老年子女 本人61岁 其兄64 其姐59 兄妹合计年补 与旧标准比增加")
    assert {p.key: p.facts.get("veteran_category") for p in q.people} == {"我": "烈士老年子女", "哥": "烈士老年子女",
                                                                         "姐": "烈士老年子女"}
    assert {"amount", "rise"} <= set(q.asked)


def test_every_merit_level_told_of_one_person_is_kept(read):
    q = read("我爷爷七十五了 当了六年义务兵 立过一个三等功一个二等功 一个月能拿多少")
    assert q.people[0].facts["merit"] == ("三等功", "二等功")


def test_a_counted_group_split_into_kinds_counts_each_kind(read):
    q = read("俺村有四个老兵 俩抗美援朝的 一个解放战争的 一个抗日的 一年一共多少")
    counted = {x.measure: x.count for x in q.subjects}
    assert counted == {"veteran_korean_war": 2, "veteran_liberation_war": None, "veteran_anti_japanese": None}
    assert "2个抗美援朝老兵" in [p.label for p in q.people]


def test_the_wife_of_a_living_veteran_said_with_a_pronoun_is_someone_the_plan_does_not_cover(read):
    q = read("咱家老爷子抗日的 九十三了 老太太是他老伴 也九十了 她能领啥")
    assert "没有写抗日老兵的老伴的补助" in next(p.facts["outside"] for p in q.people if "outside" in p.facts)
    assert "outside" not in read("我爸是烈士 我妈是他老伴 她一年多少").people[-1].facts


def test_how_many_people_are_spoken_of_is_no_count_told_of_each(read):
    q = read("我爷爷是抗日老兵，我奶奶是烈属，两个人都健在，我爷爷94，奶奶90，每个月一共多少钱？")
    assert all("count" not in p.facts for p in q.people) and "count" not in q.facts


def test_years_listed_with_their_unit_and_no_separator_are_each_members(read):
    q = read("兄弟三个都是老义务兵 都过60了 分别当了3年4年5年 一个月一共多少")
    assert [p.facts.get("service_years") for p in q.people] == [3, 4, 5]


def test_members_said_right_after_a_group_in_parts_that_count_all_of_it_are_its_members(read):
    q = read("俺们村五个老义务兵 都过六十了 三个当了三年兵 两个当了五年兵 一个月一共能领多少")
    assert [(p.label, p.count, p.facts["service_years"]) for p in q.people] == [("第1至3位", 3, 3), ("第4至5位", 2, 5)]


def test_some_of_those_counted_keep_only_what_they_alone_did(read):
    q = read("其中一个抗美援朝的立过一等功 再算一年一共")
    assert [(p.key, dict(p.facts)) for p in q.people] == [("其中1位", {"merit": "一等功"})]
    assert [s.measure for s in q.subjects] == ["merit_addition"]


def test_the_rest_of_a_count_told_in_kinds_is_a_group_of_the_kind_said_after_it(read):
    q = read("社区一共8名遗属，其中烈士遗属3人，因公牺牲军人遗属2人，其余是病故军人遗属，一年总共发多少")
    assert [(p.key, p.count, p.facts["veteran_category"]) for p in q.people] == [
        ("烈士遗属", 3, "烈士遗属"), ("因公牺牲军人遗属", 2, "因公牺牲军人遗属"), ("病故军人遗属", 3, "病故军人遗属")]


def test_years_of_service_said_vaguely_then_exactly_are_the_exact_ones(read):
    q = read("我爸当过义务兵好几年其实是九年七十一岁了现在每个月给多少钱")
    assert q.people[0].facts["service_years"] == 9 and q.people[0].facts["age"] == 71


def test_今年一共_and_今年一起_hold_no_age(read):
    assert "age" not in read("还能贷款不 今年一共放多少").facts
    assert "age" not in read("今年一起能拿多少").facts and read("我爸今年七十一").people[0].facts["age"] == 71
    assert "age" not in read("今年一半给我妈").facts
    assert "age" not in read("这六个老兵一共能拿多少").people[0].facts
    assert read("俺是女的 今年四十二 下岗好几年了").people[0].facts["age"] == 42


def test_words_that_ask_what_a_term_covers_match_a_normalised_message(read):
    assert read("就业困难人员一共几类").defines.term == "就业困难人员"


def test_三者_counts_three_things_compared(read):
    assert read("这三者差多少").how_many == 3 and read("二者差额").how_many == 2


def test_items_of_an_answer_are_read_by_place_and_size_and_ask_no_cap(read):
    q = read("最多的那个比最少的那个多多少")
    assert q.places == ("most", "least") and "max" not in q.asked and "min" not in q.asked
    assert read("最后那个比第一个少多少").places == ("last", "first")
    assert read("头一个产品给多少").places == ()  # a product counted, no item of an answer


def test_what_is_left_out_of_the_rest_asked_is_neither_a_subject_nor_a_person_asked_of(read):
    q = read("除了我舅 剩下俩加起来多少")
    assert q.left_out is not None and q.left_out.people == {"舅"} and not q.people
    cert = read("除了地理标志 剩下俩加起来")
    assert cert.left_out is not None and cert.left_out.measures == {"cert_geographic"} and not cert.subjects
    assert read("除了我妈还有谁能领").left_out is None  # no rest asked of


def test_kin_counted_then_each_named_are_the_ones_named(read):
    q = read("我家仨舅都是义务兵 大舅4年 二舅6年 三舅2年 都过六十了 每个月各多少")
    assert list(people(q)) == ["大舅", "二舅", "三舅"] and people(q)["二舅"]["service_years"] == 6


def test_years_said_as_more_are_an_increase_not_the_years(read):
    q = read("他要是多当两年兵呢")
    assert q.more == {"service_years": 2} and "service_years" not in q.facts


def test_a_relatives_child_said_through_jia_or_a_pronoun_is_someone_of_their_own(read):
    assert list(people(read("大姑家儿子在部队当兵呢 二十三"))) == ["大姑家儿子"]
    assert list(people(read("那我老舅他儿子三十五 当过两年兵呢"))) == ["舅家儿子"]


def test_a_relative_passing_on_a_denial_is_no_one_asked_about(read):
    q = read("俺舅说不是称号 是一等功")
    assert "舅" not in people(q) and q.facts.get("merit") == "一等功"


def test_a_category_said_before_what_denies_it_is_not_theirs(read):
    q = read("我姥爷是抗美援朝老兵 解放战争那会儿他还小")
    assert people(q)["姥爷"]["veteran_category"] == "抗美援朝老兵" and "veteran_liberation_war" in q.denied


def test_great_uncles_and_great_grandfathers_are_each_their_own(read):
    assert list(people(read("俺家俩太爷 大太爷解放战争的 二太爷抗美援朝的"))) == ["大太爷", "二太爷"]
    assert list(people(read("我大爷爷是抗日老兵"))) == ["大爷爷"]


def test_a_denial_then_what_is_so_corrects(read):
    assert read("俺姥姥不是 她是病故军人遗属").correction
    assert not read("俺姥姥不是烈士遗属").correction


def test_survivors_listed_by_the_death_with_de_or_a_count_are_each_listed(read):
    listed = {s.measure for s in read("烈士的 因公的 病故的 各多少").subjects}
    assert listed == {"survivor_martyr", "survivor_died_on_duty", "survivor_died_of_illness"}
    counted = {s.measure for s in read("俩遗属 一个病故的 一个烈士的 平均多少").subjects}
    assert counted == {"survivor_martyr", "survivor_died_of_illness"}


def test_someone_gone_with_the_rest_said_to_remain_is_left_out(read):
    q = read("说错了 俺姥爷前年过世了 就剩俺奶和俺爷了")
    assert q.left_out is not None and q.left_out.people == {"姥爷"} and "old" not in q.asked
    assert read("俺老伴去年没了 他是抗美援朝老兵 俺能领啥").left_out is None  # no rest asked of


def test_a_figure_it_rose_to_is_told_not_asked(read):
    assert read("抗日老兵补助从19860涨到21060 涨了百分之几").asked == ("rise_pct",)
    assert "amount" in read("抗日老兵补助涨到多少了").asked


def test_spoken_decimals_and_yi_are_read_as_figures(read):
    assert read("一点五亿是多少").text.startswith("1.5亿")
    assert "150000000" in read("那一个亿五说的是啥").text
    assert read("百分之二点五").text == "2.5%"


def test_operators_shorthand_for_the_old_monthly_standard_and_a_change(read):
    old = read("原月标")
    assert old.asked == ("old",) and old.period == "每月"
    assert read("改：5个").correction


def test_a_relation_said_of_him_describes_the_one_named_before(read):
    q = read("要是俺老舅也算上 他是烈士的儿子 今年六十三了")
    assert [(p.key, p.facts.get("age")) for p in q.people] == [("舅", 63)]


def test_the_one_thanked_is_no_one_spoken_of(read):
    assert read("谢谢了闺女").people == ()


def test_kin_counted_by_a_word_beside_them_are_that_many(read):
    """俩老舅 / 俺俩老舅 (our two uncles, not the two of us) / 他兄弟仨: one group of that many; 哥仨 the group it names."""
    assert [(p.key, p.count) for p in read("俩老舅都这情况 一年一共").people] == [("舅", 2)]
    assert [(p.key, p.count) for p in read("俺俩老舅都当了五年义务兵").people] == [("舅", 2)]
    assert [(p.key, p.count) for p in read("俺家倆老舅都當過五年義務兵").people] == [("舅", 2)]
    assert [(p.key, p.count) for p in read("他兄弟仨都是抗美援朝老兵").people] == [("弟", 3)]
    assert [(p.key, p.count) for p in read("俺们家哥仨都当过义务兵").people] == [("哥仨", 3)]


def test_a_follow_up_may_say_its_period_after_the_ne(read):
    assert read("病故的呢 一年").follow_up


def test_these_two_items_are_no_count_of_products(read):
    assert "product_count" not in read("这两项是哪个部门的认证登记").facts


def test_kin_after_a_thanks_that_goes_on_are_asked_of(read):
    assert [p.key for p in read("谢谢 我爸58了 老义务兵 服役3年 能领吗").people] == ["爸"]


def test_the_askers_own_counted_kin_leave_no_asker_behind(read):
    assert [(p.key, p.count) for p in read("咱俩老舅都是抗美援朝老兵").people] == [("舅", 2)]
    assert [(p.key, p.count) for p in read("俺仨舅都是抗美援朝老兵").people] == [("舅", 3)]


def test_a_numeral_with_wan_yi_inside_is_one_number(read):
    """两万一千零六十: 21060, not 2万 and a 万一 (if) kept as a word."""
    assert read("现在是两万一千零六十对吗").quantities[0].value == 21060
