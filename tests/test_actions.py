"""The Rasa action, run as the action server runs it, over a test database."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import actions


@pytest.fixture(autouse=True)
def test_database(db_path, monkeypatch):
    monkeypatch.setenv("NUANLIU_DB", str(db_path))
    actions.store.cache_clear()
    actions.normalize.cache_clear()
    yield
    actions.store.cache_clear()
    actions.normalize.cache_clear()


def run(text: str) -> tuple[list[dict], list[dict]]:
    tracker = Tracker(
        sender_id="test", slots={"measure": None}, latest_message={"text": text, "intent": {"name": "ask_measure"}},
        events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )
    dispatcher = CollectingDispatcher()
    events = actions.ActionAnswerMeasure().run(dispatcher, tracker, {})
    return events, dispatcher.messages


def test_a_veteran_question_is_answered_from_the_table():
    events, messages = run("抗日战争老兵每年的补助标准是多少")
    assert events == [SlotSet("measure", "veteran_anti_japanese")]
    assert "每年21060元" in messages[0]["text"] and "关注十" in messages[0]["text"]


def test_traditional_characters_are_understood():
    events, messages = run("我外公是抗美援朝老兵，今年補助多少")
    assert events == [SlotSet("measure", "veteran_korean_war")]
    assert "15780元" in messages[0]["text"]


def test_a_computation_without_its_fact_asks_for_it():
    events, messages = run("绿色食品认证奖补怎么算")
    assert events == [SlotSet("measure", "cert_green_food")]
    assert "请告诉我获证产品数" in messages[0]["text"]


def test_a_question_outside_the_plan_gets_the_scope_not_an_amount():
    events, messages = run("你能帮我查一下快递吗")
    assert events == []
    assert [m["response"] for m in messages] == ["utter_out_of_scope"]


def test_a_missing_database_fails_loudly_with_how_to_fix_it(tmp_path, monkeypatch):
    monkeypatch.setenv("NUANLIU_DB", str(tmp_path / "none.db"))
    actions.store.cache_clear()
    actions.normalize.cache_clear()
    with pytest.raises(Exception, match="make db"):
        run("抗日老兵补助")
