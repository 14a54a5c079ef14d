"""The team's worklist (bot/hotline/worklist.py) and its daily chart (bot/hotline/daily_chart.py), without a server."""
from __future__ import annotations

from datetime import date

from bot.hotline.daily_chart import chart
from bot.hotline.worklist import conversation_url, grouped


def row(id: int, key: str, text: str, sender: str | None, time: str = "2026-11-30T04:00:00+00:00", **more) -> dict:
    return {"id": id, "key": key, "text": text, "sender": sender, "time": time, **more}


def test_the_same_wording_is_one_group_newest_group_first_with_each_conversation_once():
    rows = [row(4, "快递到哪了", "快遞到哪了", "b", "2026-11-30T12:30:00+00:00"), row(3, "讲个笑话", "讲个笑话", "c"),
            row(2, "快递到哪了", "快递到哪了？", "a"), row(1, "快递到哪了", "快递到哪了", "b")]
    first, second = grouped(rows)
    assert (first.said, first.count, first.senders, first.latest) == ("快遞到哪了", 3, ("b", "a"), "2026-11-30 20:30")
    assert (second.said, second.count) == ("讲个笑话", 1)


def test_a_poorly_rated_group_shows_the_latest_answer_and_every_reason_given():
    rows = [row(2, "k", "抗美援朝老兵补助", "a", answer="每年15780元", measure="veteran_korean_war", reason="太长"),
            row(1, "k", "抗美援朝老兵补助？", "b", answer="旧答复", measure="veteran_korean_war", reason=None)]
    [group] = grouped(rows)
    assert (group.answer, group.reasons, group.count) == ("每年15780元", ("太长",), 2)


def test_each_group_links_to_its_conversations_by_pseudonym_never_by_sender_id():
    [group] = grouped([row(3, "k", "问", "o-Ab_1"), row(2, "k", "问", "web/1 2"), row(1, "k", "问", "o-Ab_1")])
    names = {"o-Ab_1": "K7Q4M", "web/1 2": "23ABC"}
    assert group.links(names) == [("/conversation/K7Q4M", "对话1"), ("/conversation/23ABC", "对话2")]


def test_a_poor_rating_links_to_the_answer_it_rates_in_its_newest_conversation():
    [group] = grouped([row(7, "k", "问", "o-a", reason="太长"), row(5, "k", "问", "o-b"), row(2, "k", "问", "o-a")])
    assert group.links({"o-a": "AAAAA", "o-b": "BBBBB"}, rated=True) == [
        ("/conversation/AAAAA?rated=7#rated", "对话1"), ("/conversation/BBBBB?rated=5#rated", "对话2")]
    assert conversation_url("3F2AB") == "/conversation/3F2AB"


def test_each_count_has_its_own_row_scaled_to_its_own_highest_day():
    days = [(date(2026, 11, 29), {"question": 10, "rating": 1}), (date(2026, 11, 30), {"question": 5})]
    layout = chart(days)
    questions, answers, handovers, ratings = layout.rows
    assert [b.height for b in questions.bars] == [questions.bars[0].height, questions.bars[0].height // 2]
    assert answers.highest == handovers.highest == 0 and all(b.height == 0 for b in answers.bars + handovers.bars)
    assert ratings.bars[0].height == questions.bars[0].height and ratings.total == 1
    assert all(b.y + b.height == questions.baseline for b in questions.bars)
