"""The Rasa actions, run as the action server runs them, over a test database."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from bot.dialogue.context import Context
from bot.dialogue.handover_settings import (
    MAX_PER_CLIENT_VARIABLE,
    MAX_WAITING_VARIABLE,
    handover_settings,
)
from bot.hotline import unanswered
from bot.hotline.handover_queue import CLIENT_METADATA, HandoverQueue
from bot.reading.fact_reader import FactExtractor
from bot.reading.normaliser import normalizer


@pytest.fixture(autouse=True)
def test_database(db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("NUANLIU_DB", str(db_path))
    monkeypatch.setenv("NUANLIU_UNANSWERED_DB", str(tmp_path / "unanswered.db"))
    monkeypatch.setenv("NUANLIU_RATINGS_DB", str(tmp_path / "ratings.db"))
    monkeypatch.setenv("NUANLIU_DAILY_COUNTS_DB", str(tmp_path / "daily_counts.db"))
    yield


@pytest.fixture(scope="module")
def extract(store):
    return FactExtractor(store.measures, normalizer(store.measures))


def run(action, extract, text: str, intent: str = "ask_measure", elsewhere: str | None = None, **slots
        ) -> tuple[dict, str]:
    """Run like Rasa does: entities found (and the scope guard's `elsewhere`) in the parse, the slots as they stand,
    then the action; return the slot changes and the reply."""
    found = extract(text)
    entities = [{"entity": f.fact, "value": f.value, "start": f.start, "end": f.end} for f in found]
    entities += [{"entity": "elsewhere", "value": elsewhere, "start": 0, "end": len(text)}] if elsewhere else []
    tracker = Tracker(
        sender_id="test", slots={"context": None, "answered": None} | slots, latest_message={
            "text": text, "intent": {"name": intent}, "entities": entities,
            "intent_ranking": [{"name": intent, "confidence": 1.0}],
        },
        events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    changes = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    reply = "\n".join(m.get("text") or m.get("response") for m in dispatcher.messages)
    return changes, reply


def answer(extract, text, intent="ask_measure", **slots):
    return run(actions.ActionAnswerMeasure(), extract, text, intent, **slots)


def after(extract, *said: str) -> str:
    """The context slot after the citizen said these, one turn each."""
    context = None
    for text in said:
        changes, _ = answer(extract, text, context=context)
        context = changes.get("context", context)
    return context


def context_of(changes: dict) -> Context:
    return Context.from_json(changes["context"])


def test_a_veteran_question_is_answered_from_the_table(extract):
    changes, reply = answer(extract, "抗日战争老兵每年的补助标准是多少")
    assert [line.measure for line in context_of(changes).lines] == ["veteran_anti_japanese"]
    assert "每年21060元" in reply and "关注十" in reply and "市民政局" in reply


@pytest.mark.parametrize(
    "question, measure, amount",
    [
        pytest.param("我外公72岁，以前当过八年义务兵，现在每个月的补助是多少", "former_conscript", "每月200元",
                     id="facts in the question are used"),
        pytest.param("我外公是抗美援朝老兵，今年補助多少", "veteran_korean_war", "15780元",
                     id="traditional characters are understood"),
        pytest.param("抗曰老兵一年补助多少", "veteran_anti_japanese", "21060元",
                     id="a typo inside a term still finds the measure"),
        pytest.param("我爸是烈士，我今年六十二岁，能领多少", "survivor_martyr_child", "每年4800元",
                     id="a category said through a relative picks the measure for it"),
        pytest.param("我当了十二年兵，今年六十五了，每月能拿多少", "former_conscript", "每月300元",
                     id="service years alone point to the only measure that counts them"),
    ],
)
def test_the_question_is_answered_with_the_measures_amount(extract, question, measure, amount):
    changes, reply = answer(extract, question)
    assert measure in [line.measure for line in context_of(changes).lines] and amount in reply


def test_a_martyrs_child_under_sixty_is_told_the_age_condition(extract):
    _, reply = answer(extract, "我爸是烈士，我今年五十岁，能领多少")
    assert "暂不符合条件" in reply and "年满60周岁" in reply


def test_a_missing_fact_is_asked_for_and_remembered(extract):
    changes, reply = answer(extract, "绿色食品认证奖补怎么算")
    assert context_of(changes).requested == "product_count" and "请告诉我获证产品数" in reply


def test_a_follow_up_with_the_fact_completes_the_answer(extract):
    changes, reply = answer(extract, "我们有3个产品", "inform", context=after(extract, "绿色食品认证奖补怎么算"))
    assert context_of(changes).requested is None and "24000元" in reply


def test_a_follow_up_with_a_new_count_recomputes_the_conversations_measure(extract):
    context = after(extract, "绿色食品认证2个产品奖补多少")
    _, reply = answer(extract, "如果是五个呢", "inform", context=context)
    assert "28000元" in reply


def test_a_year_in_a_question_naming_the_measure_is_not_a_count(extract):
    _, reply = answer(extract, "绿色食品认证奖补2017年怎么算")
    assert "请告诉我获证产品数" in reply


def test_a_bare_number_answers_the_fact_asked_for(extract):
    _, reply = answer(extract, "8", "inform", context=after(extract, "老义务兵每月多少"))
    assert "每月200元" in reply


def test_a_follow_up_naming_another_measure_switches_to_it(extract):
    changes, reply = answer(extract, "那抗日老兵呢", "inform", context=after(extract, "抗美援朝老兵一年多少"))
    assert [line.measure for line in context_of(changes).lines] == ["veteran_anti_japanese"] and "21060元" in reply


def test_a_fact_continues_the_measure_even_if_nlu_missed_the_follow_up(extract):
    _, reply = answer(extract, "我们有3个产品", "ask_measure", context=after(extract, "绿色食品认证奖补怎么算"))
    assert "24000元" in reply


def test_a_follow_up_changing_the_merit_level_keeps_the_measure(extract):
    _, reply = answer(extract, "二等功呢", "inform", context=after(extract, "一等功每月加多少"))
    assert "每月100元" in reply


@pytest.mark.parametrize("question", ["服役500年的义务兵每月多少", "服役-3年的义务兵每月多少"])
def test_an_absurd_fact_is_refused(extract, question):
    _, reply = answer(extract, question)
    assert "不像实际情况" in reply


def test_a_department_question_names_the_office_first(extract):
    _, reply = answer(extract, "降低渔业资源增殖保护费是哪个部门的事", "ask_department")
    assert reply.startswith("【渔业资源增殖保护费降低】承办部门：市水利局")


def test_a_question_outside_the_plan_gets_the_scope_not_an_amount(extract):
    changes, reply = answer(extract, "你能帮我查一下快递吗")
    assert reply == "utter_out_of_scope" and changes.get("misses") == 1


def logged(tmp_path) -> list[dict]:
    return list(unanswered.open_log(tmp_path / "unanswered.db")[unanswered.TABLE].rows)


def test_an_out_of_scope_question_is_logged_masked(extract, tmp_path):
    _, reply = run(actions.ActionUnanswered(), extract, "我电话13812345678，帮我查快递", "out_of_scope")
    assert reply == "utter_out_of_scope"
    [row] = logged(tmp_path)
    assert row["text"] == "我电话138****5678，帮我查快递" and row["intent"] == "out_of_scope"


def test_a_message_not_understood_asks_to_rephrase_and_is_logged(extract, tmp_path):
    _, reply = run(actions.ActionUnanswered(), extract, "嗯那个就是", "nlu_fallback")
    assert reply == "utter_default" and [r["text"] for r in logged(tmp_path)] == ["嗯那个就是"]


def test_a_question_no_measure_matches_is_logged(extract, tmp_path):
    answer(extract, "你能帮我查一下快递吗")
    assert [r["text"] for r in logged(tmp_path)] == ["你能帮我查一下快递吗"]


def entitlements(extract, text, **slots):
    return run(actions.ActionListEntitlements(), extract, text, "ask_entitlements", **slots)


def test_a_veteran_profile_gets_his_standard_with_its_amount(extract):
    _, reply = entitlements(extract, "我是抗日老兵，有什么待遇")
    assert "每年21060元" in reply and len(reply) <= 400


def test_no_profile_asks_who_the_citizen_is(extract):
    _, reply = entitlements(extract, "我能领什么")
    assert reply == "utter_ask_profile"


def test_asking_whether_one_can_get_a_named_measure_answers_that_measure(extract):
    changes, reply = entitlements(extract, "我是享受低保的人，营业执照办下来八个月了，能领一次性创业补贴吗")
    assert [line.measure for line in context_of(changes).lines] == ["startup_subsidy_difficulty"]
    assert "一次性5000元" in reply


def test_a_missing_database_fails_loudly_with_how_to_fix_it(extract, tmp_path, monkeypatch):
    monkeypatch.setenv("NUANLIU_DB", str(tmp_path / "none.db"))
    with pytest.raises(Exception, match="make db"):
        answer(extract, "抗日老兵补助")


@pytest.mark.parametrize(
    "question, intent, expected",
    [
        pytest.param("去哪里申请", "out_of_scope", ["承办部门：市民政局"], id="where to apply keeps the subject"),
        pytest.param("找哪个部门", "ask_department", ["承办部门：市民政局"], id="the measure's own office, not the lead"),
        pytest.param("折合每个月多少", "nlu_fallback", ["折合每月400元", "4800元 ÷ 12 = 每月400元"],
                     id="a year's amount per month, with its calculation"),
        pytest.param("比以前多了多少", "out_of_scope", ["每年增加1200元"], id="the rise over the old standard"),
        pytest.param("原来是多少", "ask_measure", ["原来每年3600元"], id="the old standard"),
        pytest.param("怎么申请", "ask_measure", ["原文没有写申请流程", "市民政局"],
                     id="how to apply: the plan gives no procedure"),
    ],
)
def test_a_follow_up_without_a_plan_word_is_about_the_conversations_measure(extract, question, intent, expected):
    action = actions.ActionUnanswered() if intent in ("out_of_scope", "nlu_fallback") else actions.ActionAnswerMeasure()
    _, reply = run(action, extract, question, intent, context=after(extract, "烈士老年子女一年多少"))
    assert all(e in reply for e in expected), reply


def test_a_follow_up_about_another_city_stays_out_of_scope(extract):
    _, reply = run(actions.ActionUnanswered(), extract, "那上海呢", "out_of_scope", "place 上海",
                   context=after(extract, "烈士老年子女一年多少"))
    assert reply == "utter_out_of_scope"


def test_two_measures_in_one_question_are_both_answered(extract):
    changes, reply = answer(extract, "烈士遗属和病故军人遗属各多少")
    assert "每年24570元" in reply and "每年17490元" in reply
    assert [line.measure for line in context_of(changes).lines] == ["survivor_martyr", "survivor_died_of_illness"]


def test_a_total_adds_the_measures_per_month_and_per_year(extract):
    _, reply = answer(extract, "当过8年义务兵，今年70岁，荣立三等功，每月一共多少")
    assert "合计：200元 + 50元 = 每月250元；折合每年3000元" in reply


def test_a_total_of_two_awards_reads_each_count_and_keeps_both(extract):
    _, reply = answer(extract, "绿色食品认证2个产品，再加一个有机认证，一共奖多少")
    assert "22000元" in reply and "50000元" in reply and "合计：22000元 + 50000元 = 72000元" in reply


def test_a_follow_up_after_several_measures_keeps_them_all(extract):
    context = after(extract, "当过8年义务兵，今年70岁，荣立三等功，每月一共多少")
    _, reply = answer(extract, "一年呢", "inform", context=context)
    assert "每年2400元" in reply and "每年600元" in reply


def test_an_age_given_when_service_years_were_asked_is_not_taken_as_years(extract):
    _, reply = answer(extract, "我72岁", "inform", context=after(extract, "老义务兵每月多少"))
    assert "请告诉我服役年数" in reply or "服役年数" in reply


def test_a_household_income_is_never_the_base_of_the_citywide_dibao_rule(extract):
    _, reply = answer(extract, "我家是低保户，人均收入一千，能领多少低保")
    assert "20%" in reply and "200元" not in reply


def test_asking_for_a_year_is_not_taken_as_one_year_of_service(extract):
    context = after(extract, "当过10年义务兵，今年70岁，每月多少")
    _, reply = answer(extract, "一年呢", "inform", context=context)
    assert "每年3000元" in reply


def test_categories_asked_about_together_are_not_kept_as_the_citizens_own(extract):
    changes, _ = answer(extract, "抗日老兵和解放战争老兵各多少")
    assert context_of(changes).people == ()


def test_a_total_rounded_to_the_fen_says_it_is_rounded(extract):
    _, reply = answer(extract, "抗日老兵和解放战争老兵一共多少")
    assert "合计：21060元 + 16120元 = 每年37180元；折合每月约3098.33元" in reply


def test_only_the_slots_that_change_are_set(extract):
    """Every event stays in the tracker Rasa reads and writes on each turn: unchanged slots add none."""
    context = after(extract, "抗日老兵每年多少")
    changes, _ = answer(extract, "抗日老兵每年多少", context=context, answered="veteran_anti_japanese",
                        offered="veteran_anti_japanese")  # answered before, when the rating was offered
    assert changes == {}


def handover_accepted(sender: str, client: str | None = None) -> Tracker:
    """A citizen who asked something, asked for a person and said yes; `client` as the channel named it."""
    said = [("我电话13812345678，补助什么时候到账", "out_of_scope"), ("转人工", "request_human"), ("是", "affirm")]
    events = [{"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}, "input_channel": "rest",
               "metadata": {CLIENT_METADATA: client} if client else {}} for text, intent in said]
    return Tracker(
        sender_id=sender, slots={"handover_offered": True},
        latest_message={"text": "是", "intent": {"name": "affirm"}, "entities": [], "intent_ranking": []},
        events=events, paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )


def test_a_yes_to_the_offer_queues_the_conversation_and_pauses_it(tmp_path, monkeypatch):
    """The queue gets the question asked before 转人工; Rasa gets ConversationPaused; the page gets its cue."""
    monkeypatch.setenv("NUANLIU_HANDOVER_DB", str(tmp_path / "handover.db"))
    dispatcher = CollectingDispatcher()
    returned = actions.ActionHandover().run(dispatcher, handover_accepted("web-handover"), {})
    assert [e["event"] for e in returned[-2:]] == ["action", "pause"]
    assert {"event": "slot", "name": "handover_offered", "value": None, "timestamp": None} in returned
    assert "12345" in dispatcher.messages[0]["text"]  # the hotline from data/handover.yml passes the number check
    assert dispatcher.messages[-1]["custom"]["handover"] == "queued"
    [entry] = HandoverQueue(tmp_path / "handover.db").waiting()
    assert (entry.sender_id, entry.channel, entry.question) == ("web-handover", "rest", "我电话138****5678，补助什么时候到账")


@pytest.mark.parametrize("client, full", [("a1b2", "client_full"), (None, "queue_full")])
def test_a_full_queue_or_a_clients_full_share_is_said_and_the_bot_goes_on(tmp_path, monkeypatch, client, full):
    monkeypatch.setenv("NUANLIU_HANDOVER_DB", str(tmp_path / "handover.db"))
    monkeypatch.setenv(MAX_WAITING_VARIABLE, "3")
    monkeypatch.setenv(MAX_PER_CLIENT_VARIABLE, "2")
    for i in range(2 if client else 3):
        actions.ActionHandover().run(CollectingDispatcher(), handover_accepted(f"web-{i}", client), {})
    dispatcher = CollectingDispatcher()
    returned = actions.ActionHandover().run(dispatcher, handover_accepted("web-refused", client), {})
    settings = handover_settings()
    assert [m["text"] for m in dispatcher.messages] == [getattr(settings, full)] and settings.hotline in getattr(settings, full)
    assert "pause" not in [e["event"] for e in returned]
    assert HandoverQueue(tmp_path / "handover.db").open_for("web-refused") is None


def test_an_award_capped_passes_the_provenance_check_with_its_uncapped_sum_shown(extract):
    """0.3万 + 8×0.1万 = 1.1万元，超过最高限额: the 1.1万 is the calculator's own step, not an invented figure (the
    check refused the whole reply)."""
    _, reply = answer(extract, "区内3家合作社初次获无公害认证 产品数分别为1 4 9 奖补合计")
    assert "= 19000元" in reply and "超过最高限额，按1万元计" in reply
