"""The handover queue (bot/hotline/handover_queue.py): queued → taken by one operator → closed, shared by three processes."""
from __future__ import annotations

import stat
import threading
from datetime import datetime, timedelta, timezone

import pytest

from bot.hotline.handover_queue import HandoverQueue

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)


@pytest.fixture()
def queue(tmp_path) -> HandoverQueue:
    return HandoverQueue(tmp_path / "handover.db")


def test_a_conversation_is_queued_once_with_its_question_masked(queue):
    assert queue.enqueue("web-1", "rest", "我电话13812345678，补助到账没有", NOW)
    assert not queue.enqueue("web-1", "rest", "转人工", NOW)  # already waiting
    [entry] = queue.waiting()
    assert (entry.sender_id, entry.state, entry.question) == ("web-1", "queued", "我电话138****5678，补助到账没有")


def test_the_queue_file_is_readable_by_its_owner_only(queue):
    assert stat.S_IMODE(queue.path.stat().st_mode) == 0o600


def test_of_two_operators_racing_for_a_conversation_exactly_one_takes_it(tmp_path):
    HandoverQueue(tmp_path / "handover.db").enqueue("o-race", "wechat", "抗日老兵", NOW)
    start, won = threading.Barrier(8), []

    def operator(name: str) -> None:
        mine = HandoverQueue(tmp_path / "handover.db")  # each on its own connection, as separate processes are
        start.wait()
        if mine.take("o-race", name, NOW):
            won.append(name)

    threads = [threading.Thread(target=operator, args=(f"operator{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1 and HandoverQueue(tmp_path / "handover.db").open_for("o-race").taken_by == won[0]


def test_only_the_operator_who_took_it_closes_it_and_then_it_may_be_queued_again(queue):
    queue.enqueue("web-2", "rest", "问题", NOW)
    assert not queue.close("web-2", "operator", NOW)  # nobody took it yet
    assert queue.take("web-2", "operator", NOW)
    assert not queue.close("web-2", "operator2", NOW)
    assert queue.close("web-2", "operator", NOW)
    assert queue.open_for("web-2") is None and queue.waiting() == []
    assert queue.enqueue("web-2", "rest", "又有问题", NOW)  # a later request is a new entry


def test_a_conversation_nobody_took_in_time_is_told_once(queue):
    queue.enqueue("web-old", "rest", "问题", NOW - timedelta(minutes=10))
    queue.enqueue("web-new", "rest", "问题", NOW - timedelta(minutes=1))
    queue.enqueue("web-taken", "rest", "问题", NOW - timedelta(minutes=10))
    queue.take("web-taken", "operator", NOW)
    [late] = queue.untaken_since(NOW - timedelta(minutes=5))
    assert late.sender_id == "web-old"
    assert queue.claim_notice(late, NOW) and not queue.claim_notice(late, NOW)  # a second server does not send it
    assert queue.untaken_since(NOW - timedelta(minutes=5)) == []
    assert queue.open_for("web-old").state == "queued"  # it stays in the queue


def test_a_citizens_entries_are_forgotten_and_old_ones_purged(queue):
    queue.enqueue("web-me", "rest", "问题", NOW)
    queue.enqueue("web-other", "rest", "问题", NOW - timedelta(days=200))
    assert queue.forget("web-me") == 1 and queue.open_for("web-me") is None
    assert queue.purge(NOW - timedelta(days=180)) == 1 and queue.waiting() == []
