"""The desk's pseudonyms for sender ids (bot/hotline/pseudonyms.py)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from bot.hotline import pseudonyms
from bot.hotline.handover_queue import HandoverQueue
from bot.hotline.pseudonyms import SHAPE, Pseudonyms

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)
AWKWARD = ["o6_bmjrPTlm6_2sgVt7hMZOPfL2M", "rest a/b%2F?x#y", "市民-张三", "%E4%B8%AD"]


def test_each_sender_has_one_short_pseudonym_that_leads_back_to_it(tmp_path):
    names = Pseudonyms(tmp_path / "handover.db")
    given = names.of_all(AWKWARD)
    assert all(re.fullmatch(SHAPE, p) for p in given.values()) and len(set(given.values())) == len(AWKWARD)
    again = Pseudonyms(tmp_path / "handover.db")  # another process
    assert again.of_all(AWKWARD) == given
    assert [again.sender(given[s]) for s in AWKWARD] == AWKWARD
    assert again.sender(given[AWKWARD[0]].lower()) == AWKWARD[0] and again.sender("ZZZZZ") is None


def test_a_drawn_pseudonym_already_given_is_drawn_again(tmp_path, monkeypatch):
    draws = iter(["AAAAA", "AAAAA", "BBBBB"])
    monkeypatch.setattr(pseudonyms, "_drawn", lambda: next(draws))
    names = Pseudonyms(tmp_path / "handover.db")
    assert names.of_all(["web-1", "web-2"]) == {"web-1": "AAAAA", "web-2": "BBBBB"}


def test_a_pseudonym_goes_with_the_citizen_and_when_unused_past_the_retention_period(tmp_path):
    path = tmp_path / "handover.db"
    names, queue = Pseudonyms(path), HandoverQueue(path)
    mine, unused, waiting = names.of("web-me"), names.of("web-unused"), names.of("web-waiting")
    cutoff = datetime.now(timezone.utc) + timedelta(seconds=5)  # after both were named
    queue.enqueue("web-waiting", "rest", "问题", cutoff + timedelta(minutes=1))  # still waiting at the cutoff
    queue.forget("web-me")
    assert names.sender(mine) is None and names.sender(unused) == "web-unused"
    queue.purge(cutoff)
    assert names.sender(unused) is None and names.sender(waiting) == "web-waiting"


def test_asking_whether_a_sender_has_a_pseudonym_draws_none(tmp_path):
    names = Pseudonyms(tmp_path / "handover.db")
    assert names.known("webchat-never-seen") is None and names.known("webchat-never-seen") is None
    given = names.of("webchat-seen")
    assert names.known("webchat-seen") == given
    assert names.of_all(["webchat-never-seen"])  # drawn only now, on first sight at the desk
