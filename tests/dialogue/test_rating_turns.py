"""好差评 in the turn step (bot/dialogue/conversation.py), without Rasa: when the rating is offered, what counts as one,
and that it never stands in the way of the next question."""
from __future__ import annotations

import pytest

from bot.assistant import load_assistant
from bot.dialogue.conversation import GOOD, POOR, Reply
from tests.support.chat import Chat as Conversation


@pytest.fixture(scope="module")
def assistant(db_path):
    return load_assistant(db_path)


class Chat(Conversation):
    def rates(self, verdict: str) -> Reply:
        """A tap on a rating button: its payload is an inform with the rating."""
        return self.says(f'/inform{{"rating": "{verdict}"}}', intent="inform", rating=verdict)


def test_an_answer_stating_an_amount_offers_the_rating(assistant):
    reply = Chat(assistant).says("抗美援朝老兵每年补助多少")
    assert "15780元" in reply.text and reply.offers_rating


def test_the_rating_is_offered_once_per_subject(assistant):
    chat = Chat(assistant)
    assert chat.says("抗美援朝老兵每年补助多少").offers_rating
    assert not chat.says("原来是多少").offers_rating  # the same subject
    assert chat.says("抗日老兵呢", intent="inform").offers_rating  # another subject


def test_a_question_for_a_missing_fact_offers_no_rating(assistant):
    reply = Chat(assistant).says("老义务兵每月补助多少")
    assert "服役年数" in reply.text and not reply.offers_rating


def test_a_rating_button_keeps_the_rating_with_the_measure_answered_and_thanks_briefly(assistant):
    chat = Chat(assistant)
    chat.says("抗美援朝老兵每年补助多少")
    reply = chat.rates(GOOD)
    assert reply.rating == ("veteran_korean_war", GOOD) and reply.response == "utter_rated_good"
    assert chat.state.rating_offer is None  # one rating per offer


def test_after_a_poor_rating_the_next_words_are_kept_as_the_reason(assistant):
    chat = Chat(assistant)
    chat.says("抗美援朝老兵每年补助多少")
    assert chat.rates(POOR).response == "utter_rated_poor"
    reply = chat.says("看不懂，太绕了", intent="out_of_scope")
    assert reply.reason == ("veteran_korean_war", "看不懂，太绕了") and reply.response == "utter_reason_noted"
    assert not reply.unanswered and chat.state.reason_for is None


def test_after_a_poor_rating_a_question_is_answered_as_a_question(assistant):
    chat = Chat(assistant)
    chat.says("抗美援朝老兵每年补助多少")
    chat.rates(POOR)
    reply = chat.says("去哪里办", intent="ask_department")
    assert reply.reason is None and "市民政局" in reply.text


def test_a_question_right_after_the_offer_is_answered_as_a_question(assistant):
    chat = Chat(assistant, channel="wechat")
    chat.says("抗美援朝老兵每年补助多少")
    reply = chat.says("抗日老兵呢", intent="inform")
    assert reply.rating is None and "21060元" in reply.text


@pytest.mark.parametrize("digit, verdict", [("1", GOOD), ("2", POOR), ("２", POOR)])
def test_on_wechat_a_digit_right_after_the_offer_is_a_rating(assistant, digit, verdict):
    chat = Chat(assistant, channel="wechat")
    chat.says("抗美援朝老兵每年补助多少")
    assert chat.says(digit, intent="inform").rating == ("veteran_korean_war", verdict)


def test_on_wechat_a_digit_answering_the_fact_asked_for_is_that_fact(assistant):
    chat = Chat(assistant, channel="wechat")
    chat.says("老义务兵每月补助多少")  # asks for 服役年数
    reply = chat.says("2", intent="inform")
    assert reply.rating is None and chat.state.context.facts.get("service_years") == 2


def test_on_wechat_a_digit_not_right_after_the_offer_rates_nothing(assistant):
    chat = Chat(assistant, channel="wechat")
    chat.says("抗美援朝老兵每年补助多少")
    chat.says("去哪里办", intent="ask_department")
    assert chat.says("1", intent="inform").rating is None


def test_on_the_web_a_typed_digit_is_no_rating(assistant):
    """The page offers buttons, not digits: a typed 2 after an answer about products is a count."""
    chat = Chat(assistant)
    assert chat.says("绿色食品认证3个产品奖补多少").offers_rating
    reply = chat.says("2", intent="inform")
    assert reply.rating is None and "2.2万元" in reply.text


@pytest.mark.parametrize("typed, verdict", [("不满意", POOR), ("满意！", GOOD)])
def test_a_rating_typed_right_after_the_offer_counts_like_its_button(assistant, typed, verdict):
    chat = Chat(assistant)
    chat.says("抗美援朝老兵每年补助多少")
    reply = chat.says(typed, intent="affirm")  # the classifier may read 满意 as anything
    assert reply.rating == ("veteran_korean_war", verdict)


def test_satisfied_typed_with_no_offer_open_rates_nothing(assistant):
    reply = Chat(assistant).says("满意", intent="thanks")
    assert reply.rating is None


def test_a_rating_button_with_no_answer_just_offered_rates_nothing(assistant):
    chat = Chat(assistant)
    chat.says("抗美援朝老兵每年补助多少")
    chat.says("去哪里办", intent="ask_department")
    reply = chat.rates(GOOD)
    assert reply.rating is None and reply.response == "utter_thanks"


def test_ratings_and_reasons_are_not_counted_as_questions(assistant):
    chat = Chat(assistant)
    assert chat.says("抗美援朝老兵每年补助多少").question
    assert not chat.rates(POOR).question
    assert not chat.says("看不懂", intent="out_of_scope").question
