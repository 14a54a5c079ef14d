"""The desk stays responsive: a slow Rasa server (or WeChat behind it) slows only the operator waiting on it, and a
locked audit log slows nobody and misreports nothing. One desk over a fake Rasa server (tests/support/fake_rasa.py)."""
from __future__ import annotations

import sqlite3
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing

import pytest

from bot.hotline.handover_queue import HandoverQueue
from bot.hotline.pseudonyms import Pseudonyms
from tests.support import fake_rasa
from tests.support.lookup_server import audited, csrf_token, logged_in, lookup_server

pytestmark = pytest.mark.server
SLOW = 4.0  # seconds the fake Rasa server takes, as a WeChat send may (the desk waits up to 15)


@pytest.fixture(scope="module")
def rasa():
    with fake_rasa.serving() as running:
        yield running


@pytest.fixture(scope="module")
def desk(db_path, measures, tmp_path_factory, rasa):
    url, _ = rasa
    with lookup_server(db_path, measures, tmp_path_factory.mktemp("responsive"),
                       {"NUANLIU_RASA_URL": url, "RASA_API_TOKEN": fake_rasa.TOKEN}) as server:
        yield server


def queued(desk, sender: str) -> str:
    """The conversation queued, by the pseudonym the desk names it by."""
    queue = HandoverQueue(desk.audit.parent / "handover.db")
    queue.enqueue(sender, "webchat", "我的补助什么时候到账")
    return Pseudonyms(queue.path).of(sender)


def search_seconds(desk) -> float:
    began = time.monotonic()
    urllib.request.urlopen(f"{desk.base}/desk.json?q=" + urllib.parse.quote("抗美援朝补助"), timeout=60).read()
    return time.monotonic() - began


def test_an_operator_waiting_on_a_slow_rasa_server_does_not_stop_anyone_elses_search(desk, rasa):
    _, handler = rasa
    sender = queued(desk, "webchat-slow-rasa")
    operator = logged_in(desk.base)
    handler.delay = SLOW
    try:
        with ThreadPoolExecutor(1) as pool:
            opening = pool.submit(lambda: operator.open(f"{desk.base}/conversation/{sender}", timeout=60).read())
            time.sleep(0.5)  # the conversation page is now waiting on the Rasa server
            waits = [search_seconds(desk) for _ in range(3)]
            assert "我要找人工" in opening.result().decode()
    finally:
        handler.delay = 0.0
    assert max(waits) < 1.5, waits  # the old desk: each search waited for the Rasa server (about 4 s)


def test_a_locked_audit_log_neither_hangs_the_desk_nor_turns_a_delivered_answer_into_a_failure(desk):
    sender = queued(desk, "webchat-locked-audit")
    operator = logged_in(desk.base)
    page = operator.open(f"{desk.base}/conversation/{sender}", timeout=60).read().decode()
    operator.open(f"{desk.base}/conversation/{sender}/take",
                  data=urllib.parse.urlencode({"csrftoken": csrf_token(page)}).encode(), timeout=60).read()
    with closing(sqlite3.connect(desk.audit, isolation_level=None)) as other_account:
        other_account.execute("begin exclusive")  # as any local account able to open the file could
        began = time.monotonic()
        answered = operator.open(f"{desk.base}/conversation/{sender}/answer", timeout=60, data=urllib.parse.urlencode(
            {"csrftoken": csrf_token(page), "text": "您好，我是人工客服。"}).encode()).read().decode()
        assert time.monotonic() - began < 3 and "已发送给市民" in answered  # the old desk: 500 after 5-7 s
        assert search_seconds(desk) < 3
        other_account.execute("rollback")
    assert [s for _, _, _, s in audited(desk, f"/conversation/{sender}/answer")] == [302]  # written once free
