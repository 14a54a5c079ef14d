"""The handover queue (bot/hotline/handover_queue.py): queued → taken by one operator → closed, shared by three processes."""
from __future__ import annotations

import stat
import threading
from datetime import datetime, timedelta, timezone

import pytest

from bot.hotline.handover_queue import (
    CANCELLED,
    LEFT,
    HandoverQueue,
    Limits,
    Queued,
    connect,
)

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)


@pytest.fixture()
def queue(tmp_path) -> HandoverQueue:
    return HandoverQueue(tmp_path / "handover.db")


def test_a_conversation_is_queued_once_with_its_question_masked(queue):
    assert queue.enqueue("web-1", "rest", "我电话13812345678，补助到账没有", NOW) is Queued.QUEUED
    assert queue.enqueue("web-1", "rest", "转人工", NOW) is Queued.ALREADY
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
    assert queue.enqueue("web-2", "rest", "又有问题", NOW) is Queued.QUEUED  # a later request is a new entry


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


def test_waiting_conversations_are_capped_in_total_and_per_client_with_taken_ones_not_counted(queue):
    limits = Limits(total=3, per_client=2)
    assert queue.enqueue("web-a1", "rest", "问题", NOW, client="a", limits=limits) is Queued.QUEUED
    assert queue.enqueue("web-a2", "rest", "问题", NOW, client="a", limits=limits) is Queued.QUEUED
    assert queue.enqueue("web-a3", "rest", "问题", NOW, client="a", limits=limits) is Queued.CLIENT_FULL
    assert queue.enqueue("web-b1", "rest", "问题", NOW, client="b", limits=limits) is Queued.QUEUED
    assert queue.enqueue("o-wechat", "wechat", "问题", NOW, limits=limits) is Queued.FULL
    assert queue.enqueue("web-a1", "rest", "问题", NOW, client="a", limits=limits) is Queued.ALREADY  # not refused
    queue.take("web-a1", "operator", NOW)  # an operator has it: it waits no longer
    assert queue.enqueue("web-a3", "rest", "问题", NOW, client="a", limits=limits) is Queued.QUEUED
    assert [e.sender_id for e in queue.waiting()] == ["web-a1", "web-a2", "web-b1", "web-a3"]


def test_the_place_in_the_queue_counts_only_those_queued_earlier_and_untaken(queue):
    for i in range(3):
        queue.enqueue(f"web-{i}", "rest", "问题", NOW + timedelta(seconds=i))
    assert [queue.ahead_of(e) for e in queue.waiting()] == [0, 1, 2]
    queue.take("web-0", "operator", NOW)
    assert queue.ahead_of(queue.open_for("web-2")) == 1


@pytest.mark.parametrize("how", [CANCELLED, LEFT])
def test_a_citizen_ends_their_wait_and_the_entry_says_how(queue, how):
    queue.enqueue("web-c", "rest", "问题", NOW)
    assert queue.end_by_citizen("web-c", how, NOW).state == "queued"
    assert queue.open_for("web-c") is None and queue.latest_for("web-c").ended == how
    assert queue.end_by_citizen("web-c", how, NOW) is None  # nothing open any more


def test_every_change_is_in_the_feed_in_order_with_its_kind(queue):
    queue.enqueue("web-f", "rest", "问题", NOW)
    queue.note_message("web-f")
    queue.take("web-f", "operator", NOW)
    queue.close("web-f", "operator", NOW)
    queue.note_message("web-f")  # closed: no change
    queue.enqueue("web-g", "rest", "问题", NOW)
    queue.end_by_citizen("web-g", CANCELLED, NOW)
    queue.forget("web-f")
    with connect(queue.path) as conn:
        changes = conn.execute("select version, kind from changes order by version").fetchall()
    assert [kind for _, kind in changes] == ["queued", "message", "taken", "closed", "queued", "cancelled", "removed"]
    assert [version for version, _ in changes] == list(range(1, 8))


def test_a_notice_is_marked_delivered_or_not(queue):
    queue.enqueue("web-n", "rest", "问题", NOW - timedelta(minutes=10))
    [late] = queue.untaken_since(NOW)
    queue.claim_notice(late, NOW)
    assert queue.open_for("web-n").notice_delivered is None
    queue.notice_sent(late, delivered=False)
    assert queue.open_for("web-n").notice_delivered is False


def test_a_queue_file_of_the_first_version_is_brought_up_to_date_with_its_entries(tmp_path):
    path = tmp_path / "handover.db"
    with connect(path) as conn:
        conn.executescript("""
            create table handovers (id integer primary key, sender_id text not null, channel text not null,
                question text not null, queued_at text not null, taken_by text, taken_at text, closed_by text,
                closed_at text, notified_at text);
            insert into handovers (sender_id, channel, question, queued_at) values ('web-old', 'rest', '问题',
                '2026-11-30T06:00:00+00:00');""")
    queue = HandoverQueue(path)
    assert queue.open_for("web-old").state == "queued"
    assert queue.take("web-old", "operator", NOW)
    with connect(path) as conn:
        assert conn.execute("select kind from changes").fetchall() == [("taken",)]
