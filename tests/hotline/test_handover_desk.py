"""What an operator may do with a handed-over conversation (bot/hotline/handover_desk.py), with the Rasa server faked."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.dialogue.handover_settings import handover_settings
from bot.hotline.conversations import History, Line, Unreachable
from bot.hotline.handover_desk import HandoverDesk
from bot.hotline.handover_queue import CANCELLED, LEFT, HandoverQueue
from bot.hotline.outbox import OPERATOR, RESUMED, TAKEN, Outbox

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)


class FakeRasa:
    """The HTTP API as the desk uses it: a history, and what was said and resumed (or a refusal)."""

    def __init__(self, channel: str = "rest", last_message: datetime = NOW, refuse: bool = False) -> None:
        self.channel, self.last_message, self.refuse = channel, last_message, refuse
        self.said: list[tuple[str, str, str | None]] = []
        self.resumed: list[str | None] = []

    def history(self, sender_id: str) -> History:
        return History(sender_id, (Line("citizen", "转人工", self.last_message),), True, self.channel)

    def say(self, sender_id: str, text: str, kind: str, operator: str | None = None) -> None:
        if self.refuse:
            raise Unreachable("机器人服务器没有接受，HTTP 500")
        self.said.append((text, kind, operator))

    def resume(self, sender_id: str, saying: str | None) -> None:
        if self.refuse and saying:
            raise Unreachable("机器人服务器没有接受，HTTP 500")
        self.resumed.append(saying)


def desk_with(tmp_path, rasa: FakeRasa) -> HandoverDesk:
    queue = HandoverQueue(tmp_path / "handover.db")
    queue.enqueue("o-citizen", rasa.channel, "补助什么时候到账", NOW)
    return HandoverDesk(queue, rasa, handover_settings(), Outbox(queue.path))


def outbox(desk: HandoverDesk) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in desk.outbox.said_to("o-citizen")]


def test_an_operator_answers_only_what_they_took_and_their_numbers_are_masked(tmp_path):
    rasa = FakeRasa()
    desk = desk_with(tmp_path, rasa)
    assert not desk.answer("o-citizen", "operator", "您好", NOW).done  # not taken yet
    assert desk.take("o-citizen", "operator").done
    refused = desk.take("o-citizen", "operator2")
    assert not refused.done and "operator" in refused.said
    assert not desk.answer("o-citizen", "operator2", "我来答", NOW).done
    assert desk.answer("o-citizen", "operator", "请打13812345678找我", NOW).done
    settings = handover_settings()
    assert rasa.said == [(settings.taken, TAKEN, None), ("请打138****5678找我", "operator", "operator")]
    assert outbox(desk) == [(TAKEN, settings.taken), (OPERATOR, "请打138****5678找我")]  # where the page reads them


@pytest.mark.parametrize("reply", ["请打138 - 1234 - 5678找我", "请打138\u00a01234\u00a05678找我", "请打138，1234，5678找我",
                                   "请打138\n1234\n5678找我", "请打1\u202e38\u202c12345678找我"])
def test_an_operators_number_is_masked_in_any_written_form_before_the_citizen_gets_it(tmp_path, reply):
    rasa = FakeRasa()
    desk = desk_with(tmp_path, rasa)
    desk.take("o-citizen", "operator")
    assert desk.answer("o-citizen", "operator", reply, NOW).done
    [said] = [text for text, kind, _ in rasa.said if kind == OPERATOR]  # after 接入's own notice
    assert "138****5678" in said and "\u202e" not in said


def test_wechat_is_not_sent_to_after_48_hours_and_the_operator_is_told(tmp_path):
    rasa = FakeRasa("wechat", last_message=NOW - timedelta(hours=49))
    desk = desk_with(tmp_path, rasa)
    desk.take("o-citizen", "operator")
    outcome = desk.answer("o-citizen", "operator", "您好", NOW)
    assert not outcome.done and "48小时" in outcome.said and rasa.said == []


def test_closing_hands_back_to_the_bot_and_says_so_in_one_step(tmp_path):
    rasa = FakeRasa()
    desk = desk_with(tmp_path, rasa)
    desk.take("o-citizen", "operator")
    assert not desk.close("o-citizen", "operator2").done
    assert desk.close("o-citizen", "operator").done
    assert rasa.resumed == [handover_settings().resumed] and desk.queue.open_for("o-citizen") is None
    assert outbox(desk)[-1] == (RESUMED, handover_settings().resumed)


@pytest.mark.parametrize("channel, hours", [("wechat", 49), ("rest", 1)])
def test_a_conversation_is_handed_back_even_when_the_citizen_cannot_be_told(tmp_path, channel, hours):
    rasa = FakeRasa(channel, last_message=NOW - timedelta(hours=hours), refuse=channel == "rest")
    desk = desk_with(tmp_path, rasa)
    desk.take("o-citizen", "operator")
    outcome = desk.close("o-citizen", "operator", NOW)
    assert outcome.done and rasa.resumed[-1] is None and desk.queue.open_for("o-citizen") is None


def test_a_reply_too_long_for_one_wechat_message_is_not_cut_but_refused_with_the_reason(tmp_path):
    rasa = FakeRasa("wechat", last_message=datetime.now(timezone.utc))
    desk = desk_with(tmp_path, rasa)
    desk.take("o-citizen", "operator")
    outcome = desk.answer("o-citizen", "operator", "长" * 700)
    assert not outcome.done and "太长" in outcome.said and "分成几条" in outcome.said
    assert [kind for _, kind, _ in rasa.said] == [TAKEN]  # only the 已接入 notice went out
    assert desk.answer("o-citizen", "operator", "长" * 600).done


def test_taking_still_stands_when_the_citizen_cannot_be_told_and_the_operator_is_told_why(tmp_path):
    desk = desk_with(tmp_path, FakeRasa(refuse=True))
    outcome = desk.take("o-citizen", "operator")
    assert outcome.done and "没能通知市民" in outcome.said and desk.queue.open_for("o-citizen").taken_by == "operator"


@pytest.mark.parametrize("how, why", [(CANCELLED, "市民已取消转人工"), (LEFT, "市民已离开")])
def test_a_conversation_the_citizen_left_says_so_and_takes_no_answer(tmp_path, how, why):
    rasa = FakeRasa()
    desk = desk_with(tmp_path, rasa)
    desk.take("o-citizen", "operator")
    desk.queue.end_by_citizen("o-citizen", how, NOW)
    for outcome in (desk.answer("o-citizen", "operator", "您好", NOW), desk.close("o-citizen", "operator", NOW)):
        assert not outcome.done and outcome.said.startswith(why)
    assert [kind for _, kind, _ in rasa.said] == [TAKEN]
