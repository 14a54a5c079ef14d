"""Offering a person (转人工) in the turn step (bot/dialogue/conversation.py), without Rasa: message and state in, reply out."""
from __future__ import annotations

import pytest

from bot.assistant import load_assistant
from bot.dialogue.conversation import Message, Reply, State, count_misses
from bot.dialogue.handover_settings import handover_settings
from bot.dialogue.wording import HANDOVER_OFFER, SCREEN


@pytest.fixture(scope="module")
def respond(db_path):
    assistant = load_assistant(db_path)

    def turn(said: str, intent: str, state: State | None = None) -> Reply:
        state = state or State()
        message = Message(said, intent)
        return count_misses(assistant.conversation.respond(message, state), state)
    return turn


def test_asking_for_a_person_is_answered_with_the_offer(respond):
    reply = respond("转人工", "request_human")
    assert reply.offer_handover and not reply.hand_over and reply.slots["handover_offered"] is True


@pytest.mark.parametrize("said, intent", [("是", "affirm"), ("好的！", "greet"), ("/affirm", "affirm"), ("要", "inform")])
def test_a_yes_to_the_offer_hands_over_with_the_hotline_from_the_settings(respond, said, intent):
    reply = respond(said, intent, State(handover_offered=True))
    settings = handover_settings()
    assert reply.hand_over and reply.text == settings.queued and settings.hotline in reply.text
    assert reply.configured == settings.numbers and reply.slots["handover_offered"] is None


@pytest.mark.parametrize("said, intent", [("不用", "deny"), ("否", "out_of_scope"), ("/deny", "deny")])
def test_a_no_to_the_offer_lets_the_bot_go_on(respond, said, intent):
    reply = respond(said, intent, State(handover_offered=True))
    assert not reply.hand_over and reply.response == "utter_handover_declined"
    assert reply.slots["handover_offered"] is None


def test_a_new_question_after_the_offer_is_answered_and_the_offer_lapses(respond):
    reply = respond("抗日老兵一年多少", "ask_measure", State(handover_offered=True))
    assert "21060元" in reply.text and not reply.hand_over and reply.slots["handover_offered"] is None


def test_a_yes_with_no_offer_open_is_noted_not_counted_as_a_miss(respond):
    reply = respond("好的", "affirm", State(misses=1))
    assert reply.response == "utter_noted" and not reply.offer_handover and reply.slots["misses"] is None


def test_two_replies_in_a_row_that_missed_bring_the_offer_after_the_second(respond):
    first = respond("帮我查一下快递", "out_of_scope")
    assert first.unanswered and not first.offer_handover and first.slots["misses"] == 1
    second = respond("我的申请批了吗", "out_of_scope", State(misses=1))
    assert second.response == "utter_out_of_scope" and second.offer_handover
    assert second.slots["handover_offered"] is True and second.slots["misses"] is None  # counted afresh


def test_an_answer_between_two_misses_starts_the_count_again(respond):
    reply = respond("抗日老兵一年多少", "ask_measure", State(misses=1))
    assert not reply.offer_handover and reply.slots["misses"] is None


def test_the_offers_answers_are_read_as_the_settings_list_them():
    settings = handover_settings()
    assert [settings.answer_to_offer(t) for t in ("好的。", "不用了", "抗日老兵多少")] == [True, False, None]


@pytest.mark.parametrize("said, channel, cancels", [("取消", "rest", True), ("不用了！", "wechat", True),
                                                    ("取消转人工", "rest", True), ("2", "wechat", True), ("2", "rest", False),
                                                    ("取消一下我的补助申请", "rest", False)])
def test_a_waiting_citizen_cancels_with_the_settings_words_and_on_wechat_with_2(said, channel, cancels):
    assert handover_settings().cancels(said, channel) is cancels


def test_the_status_line_gives_the_place_in_the_queue_and_the_hotline_then_says_a_person_joined():
    settings = handover_settings()
    assert "前面还有3位" in settings.status("queued", 3) and settings.hotline in settings.status("queued", 3)
    assert "最前面" in settings.status("queued", 0) and settings.status("taken", 0) == settings.taken_status
    assert "人工客服已接入" in settings.taken_status


def test_a_long_reply_that_brings_the_offer_of_a_person_is_cut_to_leave_the_offer_on_the_screen():
    """A second miss with a reply near the screen's size: the offer of a person is read after it, within 400."""
    reply = count_misses(Reply("暖流计划原文：“" + "对创业失败的失业登记人员及时提供各种就业服务。" * 20 + "”", unanswered=True),
                         State(misses=1))
    assert reply.offer_handover and len(reply.text) + HANDOVER_OFFER <= SCREEN and reply.text.endswith("…”")
