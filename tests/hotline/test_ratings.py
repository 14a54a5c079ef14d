"""The ratings store (好差评): each rating with the answer it rates, citizens' words masked, forgotten on request."""
from __future__ import annotations

import pytest

from bot.hotline import ratings
from bot.reading.normaliser import Normalizer

ANSWER = "【抗美援朝老兵生活补助】每年15780元"


@pytest.fixture()
def path(tmp_path):
    return tmp_path / "ratings.db"


def rate(path, verdict: str, sender: str = "citizen-1", question: str = "抗美援朝老兵每年补助多少？") -> None:
    ratings.record(path, sender=sender, channel="wechat", measure="veteran_korean_war", verdict=verdict,
                   question=question, answer=ANSWER, normalize=Normalizer())


def rows(path) -> list[dict]:
    return list(ratings.open_ratings(path)[ratings.TABLE].rows)


def test_a_rating_is_kept_with_the_question_and_answer_it_rates(path):
    rate(path, "满意")
    [row] = rows(path)
    assert (row["rating"], row["measure"], row["answer"], row["channel"], row["sender"]) == (
        "满意", "veteran_korean_war", ANSWER, "wechat", "citizen-1")
    assert row["key"] == "抗美援朝老兵每年补助多少" and row["reason"] is None


def test_personal_numbers_in_the_question_and_the_reason_are_masked(path):
    rate(path, "不满意", question="我电话13812345678，抗美援朝老兵补助多少")
    assert ratings.add_reason(path, sender="citizen-1", measure="veteran_korean_war", reason="打13912345678没人接")
    [row] = rows(path)
    assert "13812345678" not in row["question"] and row["reason"] == "打139****5678没人接"


def test_a_reason_goes_to_the_citizens_latest_rating_of_that_measure_only(path):
    rate(path, "不满意")
    rate(path, "不满意", sender="citizen-2")
    rate(path, "不满意")
    assert ratings.add_reason(path, sender="citizen-1", measure="veteran_korean_war", reason="太长了")
    assert [r["reason"] for r in rows(path)] == [None, None, "太长了"]
    assert not ratings.add_reason(path, sender="citizen-1", measure="veteran_anti_japanese", reason="没有评过")


def test_a_citizens_ratings_go_when_they_ask_to_be_forgotten(path):
    rate(path, "满意")
    rate(path, "不满意", sender="citizen-2")
    assert ratings.forget(path, "citizen-1") == 1
    assert [r["sender"] for r in rows(path)] == ["citizen-2"]
