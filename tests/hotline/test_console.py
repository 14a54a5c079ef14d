"""What the operators' console shows (bot/hotline/console.py), without a server: the queue's rows, a card put into
the reply box, the 常用语, the answer a rating rates; and the transcript's lines (bot/hotline/conversations.py)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.assistant import load_assistant
from bot.dialogue.handover_settings import handover_settings
from bot.hotline.console import card_reply, queue_rows, quick_replies, rated_line
from bot.hotline.conversations import Line, _line
from bot.hotline.desk import Desk
from bot.hotline.handover_queue import Handover

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def desk(db_path) -> Desk:
    return Desk(load_assistant(db_path))


def entry(sender: str, notified: bool, delivered: bool | None) -> Handover:
    return Handover(1, sender, "wechat", "问题", NOW - timedelta(minutes=7), notified_at=NOW if notified else None,
                    notice_delivered=delivered)


def test_the_queue_names_citizens_by_pseudonym_and_says_the_hotline_notice_only_when_it_was_delivered():
    rows = queue_rows([entry("o-1", True, True), entry("o-2", True, False), entry("o-3", False, None)],
                      {"o-1": "AAAAA", "o-2": "BBBBB", "o-3": "CCCCC"}, NOW)
    assert [(r.pseudonym, r.notice, r.waited, r.channel) for r in rows] == [
        ("AAAAA", "已告知热线", 7, "微信"), ("BBBBB", "热线通知未送达", 7, "微信"), ("CCCCC", "", 7, "微信")]
    assert not any("o-" in str(r) for r in rows)  # no sender id reaches the page


def test_a_card_put_into_the_reply_box_gives_the_amount_the_conditions_the_office_and_the_source(desk):
    [card, *_] = desk.search("当过八年兵今年七十二岁每月能领多少").cards
    text = card_reply(card)
    assert text.startswith(f"{card.title}：每月200元") and "计算：" in text
    assert f"办理：{card.department}" in text and f"暖流计划{card.section}" in text
    assert all(c in text for c in card.conditions)


def test_a_card_without_a_named_office_names_the_lead_department_as_such(desk):
    unnamed = next(c for c in desk.search("合作社绿色食品认证奖多少").cards if not c.department_named)
    assert f"原文未写明承办部门，可先咨询计划牵头部门{unnamed.lead}" in card_reply(unnamed)


def test_the_quick_replies_come_from_the_data_file_with_the_deployments_hotline():
    replies = quick_replies()
    assert len(replies) >= 5 and all(r.title and r.text for r in replies)
    assert any(handover_settings().hotline in r.text for r in replies) and not any("{" in r.text for r in replies)


def test_a_rating_marks_the_last_answer_with_its_text_said_before_it():
    lines = [Line("bot", "每年15780元", NOW), Line("citizen", "再问一次", NOW + timedelta(seconds=5)),
             Line("bot", "每年15780元", NOW + timedelta(seconds=6, microseconds=400)),
             Line("bot", "每年15780元", NOW + timedelta(minutes=5))]
    assert rated_line(lines, "每年15780元", NOW + timedelta(seconds=6)) == 2
    assert rated_line(lines, "别的答复", NOW + timedelta(minutes=9)) is None


@pytest.mark.parametrize("payload, shown", [('/inform{"rating": "不满意"}', "（点了按钮：不满意）"),
                                            ('/inform{"rating": "满意"}', "（点了按钮：满意）"),
                                            ("/affirm", "（点了按钮：是）"), ("/greet", "（打开了对话）")])
def test_a_tapped_button_shows_as_its_title_and_is_marked_tapped(payload, shown):
    line = _line({"event": "user", "text": payload, "timestamp": 0})
    assert (line.text, line.tapped) == (shown, True)
    assert not _line({"event": "user", "text": "抗美援朝老兵", "timestamp": 0}).tapped


def test_assist_reads_a_follow_up_with_the_question_it_follows(desk):
    assist = desk.assist(["我爸是抗美援朝老兵", "那去哪办"])
    assert assist.question == "我爸是抗美援朝老兵，那去哪办"
    assert assist.cards[0].id == "veteran_korean_war" and assist.cards[0].exact


def test_assist_applies_facts_told_in_earlier_messages(desk):
    assist = desk.assist(["我当过八年兵", "今年七十二岁", "每月能领多少"])
    [first, *_] = assist.cards
    assert assist.facts == {"service_years": 8, "age": 72}
    assert (first.id, first.amount) == ("former_conscript", "每月200元") and first.calculation


def test_assist_gives_the_total_the_citizen_asked_for(desk):
    assist = desk.assist(["抗日老兵和解放战争老兵一共多少"])
    assert assist.total == "合计：21060元 + 16120元 = 每年37180元；折合每月约3098.33元"  # the chat's own line
    assert desk.assist(["抗日老兵和解放战争老兵各多少"]).total is None  # no total asked


def test_assist_with_nothing_asked_has_no_cards(desk):
    assert desk.assist([]).cards == () and desk.assist(["", "  "]).question == ""


def test_only_the_citizens_own_questions_go_to_the_answer_cards_not_the_handover_talk():
    events = [{"event": "user", "text": text, "timestamp": 0, "parse_data": {"intent": {"name": intent}}}
              for text, intent in [("抗日老兵一共多少", "ask_measure"), ("转人工", "request_human"), ("/affirm", "affirm"),
                                   ("好的", "affirm"), ("那去哪办", "ask_department")]]
    assert [line.text for line in map(_line, events) if line.asks] == ["抗日老兵一共多少", "那去哪办"]
