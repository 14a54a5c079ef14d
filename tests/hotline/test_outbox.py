"""What was said to citizens outside a turn (bot/hotline/outbox.py): read by the page after the last id it showed."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.hotline.handover_queue import HandoverQueue
from bot.hotline.outbox import OPERATOR, RESUMED, Outbox

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)


def test_a_page_gets_every_message_after_the_last_it_showed_however_many_it_missed(tmp_path):
    outbox = Outbox(tmp_path / "handover.db")
    ids = [outbox.tell("web-1", OPERATOR, f"第{i}句", "operator", NOW) for i in range(6)]
    outbox.tell("web-2", OPERATOR, "别人的", "operator", NOW)
    assert [s.text for s in outbox.said_to("web-1", ids[1])] == ["第2句", "第3句", "第4句", "第5句"]
    assert [s.text for s in outbox.said_to("web-1")][:1] == ["第0句"]
    assert outbox.said_to("web-1", ids[-1]) == []


def test_what_was_said_goes_with_the_citizen_and_after_the_retention_period(tmp_path):
    path = tmp_path / "handover.db"
    outbox, queue = Outbox(path), HandoverQueue(path)
    outbox.tell("web-me", OPERATOR, "您好", "operator", NOW)
    outbox.tell("web-old", RESUMED, "已结束", None, NOW - timedelta(days=200))
    outbox.tell("web-new", RESUMED, "已结束", None, NOW)
    queue.forget("web-me")
    queue.purge(NOW - timedelta(days=180))
    assert [outbox.said_to(s) != [] for s in ("web-me", "web-old", "web-new")] == [False, False, True]
