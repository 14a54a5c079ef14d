"""The unanswered-question log: masked, grouped by wording, newest first."""
from __future__ import annotations

import pytest

from bot import unanswered
from bot.glossary import normalizer


@pytest.fixture()
def log(tmp_path, store):
    path = tmp_path / "unanswered.db"

    def add(text: str, intent: str = "out_of_scope") -> None:
        unanswered.record(path, text, channel="rest", intent=intent, confidence=0.9, normalize=normalizer(store.measures))

    add.db = lambda: unanswered.open_log(path)
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
