"""The unanswered-question log: masked, grouped by wording, newest first."""
from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.hotline import unanswered
from bot.reading.normaliser import normalizer


@pytest.fixture()
def log(tmp_path, store):
    path = tmp_path / "unanswered.db"

    def add(text: str, intent: str = "out_of_scope", sender: str = "citizen-1") -> None:
        unanswered.record(path, text, sender=sender, channel="rest", intent=intent, confidence=0.9,
                          normalize=normalizer(store.measures))

    add.db = lambda: unanswered.open_log(path)
    add.path = path
    return add


def test_phone_and_id_numbers_never_reach_the_log(log):
    log("我身份证220102195001011234，手机13912345678，能领什么")
    [row] = log.db()[unanswered.TABLE].rows
    assert "220102195001011234" not in row["text"] and "13912345678" not in row["text"]
    assert row["text"] == "我身份证2201************34，手机139****5678，能领什么"


def test_the_same_question_in_other_characters_counts_as_one(log):
    log("抗美援越老兵补助？")
    log("抗美援越老兵補助")
    log("今天天气怎么样")
    summary = list(log.db()[unanswered.SUMMARY_VIEW].rows)
    assert [(r["次数"], r["最近原话"]) for r in summary] == [(1, "今天天气怎么样"), (2, "抗美援越老兵補助")]


def test_opening_the_log_twice_keeps_what_it_holds(log):
    log("讲个笑话")
    assert log.db()[unanswered.TABLE].count == 1
    assert log.db()[unanswered.TABLE].count == 1


def test_an_entry_keeps_its_conversation_and_goes_when_the_citizen_asks_to_be_forgotten(log):
    log("讲个笑话", sender="citizen-1")
    log("火星移民补贴", sender="citizen-2")
    assert {r["sender"] for r in log.db()[unanswered.TABLE].rows} == {"citizen-1", "citizen-2"}
    assert unanswered.forget(log.path, "citizen-1") == 1
    assert [r["sender"] for r in log.db()[unanswered.TABLE].rows] == ["citizen-2"]


def test_a_citizen_is_forgotten_from_any_thread_and_leaves_no_word_in_the_write_ahead_log(log):
    log("紫罗兰遗忘词，讲个笑话", sender="citizen-3")  # the store's writer opens in this thread
    with ThreadPoolExecutor(1) as elsewhere:  # the Rasa server forgets in a worker thread
        assert elsewhere.submit(unanswered.forget, log.path, "citizen-3").result() == 1
    for path in log.path.parent.glob("unanswered.db*"):
        assert "紫罗兰遗忘词".encode() not in path.read_bytes(), path.name


def test_a_log_written_before_senders_were_kept_gets_the_column(tmp_path):
    path = tmp_path / "unanswered.db"
    with sqlite3.connect(path) as old:
        old.execute("create table unanswered (id integer primary key, time text, channel text, text text, key text,"
                    " intent text, confidence float)")
        old.execute("insert into unanswered (time, text) values ('2026-01-01T00:00:00+00:00', '讲个笑话')")
    old.close()
    [row] = unanswered.open_log(path)[unanswered.TABLE].rows
    assert row["text"] == "讲个笑话" and row["sender"] is None
