"""The edge's limits and text cleaning, with a clock the tests move."""
from __future__ import annotations

import asyncio
import sqlite3
import time
from contextlib import ExitStack, closing

import pytest

from bot.channels import edge
from bot.channels.edge import (
    Limit,
    LoopLag,
    TokenBuckets,
    TurnsInFlight,
    asks_to_forget,
)
from bot.channels.turns import GREET, OWN_INTENT_PAYLOADS, clean
from bot.hotline import audit
from bot.hotline.handover_queue import HandoverQueue
from bot.hotline.pseudonyms import Pseudonyms


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_its_burst_then_says_how_long_to_wait_then_refills():
    clock = Clock()
    buckets = TokenBuckets(Limit(burst=3, per_minute=60), clock)
    assert [buckets.take("a") for _ in range(3)] == [0, 0, 0]
    assert buckets.take("a") == pytest.approx(1.0)
    assert buckets.take("b") == 0  # another sender is not affected
    clock.now += 1
    assert buckets.take("a") == 0


def test_turns_beyond_the_bound_are_refused_and_a_finished_turn_frees_its_slot():
    turns = TurnsInFlight(1, target=60)
    with turns.slot() as first:
        with turns.slot() as second:
            assert first and not second
    with turns.slot() as again:
        assert again


def run_together(turns: TurnsInFlight, clock: Clock, count: int, seconds: float) -> None:
    """`count` turns begun together and finished together after `seconds`."""
    with ExitStack() as stack:
        assert all(stack.enter_context(turns.slot()) for _ in range(count))
        clock.now += seconds


def test_a_turn_that_would_end_past_the_target_is_refused_at_once():
    clock = Clock()
    turns = TurnsInFlight(100, target=3.0, clock=clock)
    run_together(turns, clock, 1, 1.0)  # a turn alone took 1 s: its cost
    with turns.slot() as first, turns.slot() as second, turns.slot() as third:
        assert first and second  # two at once end by 2 s, three by 3 s: within the target
        assert third
        with turns.slot() as fourth:
            assert not fourth  # four would end at 4 s


def test_before_any_turn_has_finished_only_the_first_few_are_let_in():
    turns = TurnsInFlight(100, target=3.0, clock=Clock())
    with ExitStack() as stack:
        assert sum(stack.enter_context(turns.slot()) for _ in range(20)) == TurnsInFlight.FIRST_TURNS


def test_a_turn_alone_is_let_in_however_slow_turns_have_been():
    clock = Clock()
    turns = TurnsInFlight(100, target=3.0, clock=clock)
    run_together(turns, clock, 1, 30.0)
    with turns.slot() as alone:
        assert alone


def test_the_cost_of_a_turn_is_the_busy_time_per_turn_finished():
    clock = Clock()
    turns = TurnsInFlight(100, target=3.0, clock=clock)
    run_together(turns, clock, 8, 4.0)  # eight together took 4 s: each needed 0.5 s
    assert turns.cost == pytest.approx(0.5)
    with ExitStack() as stack:
        admitted = sum(stack.enter_context(turns.slot()) for _ in range(10))
    assert admitted == 6  # 6 × 0.5 s = 3 s


def test_a_crowd_that_runs_long_together_and_finishes_in_a_rush_is_not_seen_cheap():
    """Eight turns run 2 s together, then end 0.01 s apart: eight turns took the process 2.08 s, however fast the
    last ones seemed to follow each other."""
    clock = Clock()
    turns = TurnsInFlight(100, target=3.0, clock=clock)
    slots = [turns.slot() for _ in range(8)]
    assert all(slot.__enter__() for slot in slots)
    clock.now += 2.0
    for slot in slots:
        clock.now += 0.01
        slot.__exit__(None, None, None)
    assert turns.cost == pytest.approx(2.08 / 8, rel=0.01)


def test_the_cost_follows_the_last_turns_so_a_faster_server_admits_more_again():
    clock = Clock()
    turns = TurnsInFlight(100, target=3.0, clock=clock)
    run_together(turns, clock, 1, 2.0)
    with ExitStack() as stack:
        slow = sum(stack.enter_context(turns.slot()) for _ in range(40))
    for _ in range(100):  # 10 busy seconds of turns of 0.1 s: two half-lives
        run_together(turns, clock, 1, 0.1)
    with ExitStack() as stack:
        fast = sum(stack.enter_context(turns.slot()) for _ in range(40))
    assert slow == 1 and fast == 27  # ≈0.107 s a turn now (the 2 s turn still weighs a little): 27 end by 3 s


def test_the_time_a_request_waited_for_the_loop_counts_against_the_target():
    clock = Clock()
    turns = TurnsInFlight(100, target=3.0, clock=clock, lag=lambda: 1.5)
    run_together(turns, clock, 8, 4.0)  # each needed 0.5 s
    with ExitStack() as stack:
        assert sum(stack.enter_context(turns.slot()) for _ in range(10)) == 3  # 1.5 s waited + 3 × 0.5 s


def test_the_loops_lag_is_how_late_its_timer_runs_and_grows_while_the_loop_is_busy():
    lag = LoopLag()

    async def busy() -> tuple[float, float, float, float]:
        first = lag()  # starts the timer
        await asyncio.sleep(LoopLag.PERIOD * 3)
        idle = lag()
        time.sleep(0.3)  # the loop held, as by a crowd of requests being parsed
        held = lag()
        for _ in range(3):  # the late tick runs at the loop's next turns, before the one after it is due
            await asyncio.sleep(0)
        return first, idle, held, lag.last

    first, idle, held, seen = asyncio.run(busy())
    late = 0.3 - LoopLag.PERIOD - 0.01  # the tick fell due at most one period into the hold (less a clock's slack)
    assert first == 0.0 and idle < held and held >= late and seen >= late


def test_the_lag_starts_afresh_in_a_new_loop():
    lag = LoopLag()

    async def read() -> float:
        lag()
        await asyncio.sleep(LoopLag.PERIOD * 2)
        return lag()

    asyncio.run(read())
    time.sleep(0.3)  # no loop runs: the old loop's timer is gone with it
    assert asyncio.run(read()) < 0.25


@pytest.mark.parametrize("text", ['/ask_entitlements{"group":"../../x"}', " /greet{\"a\":1}", "/restart",
                                  "/ask_entitlements"])
def test_typed_intent_syntax_becomes_plain_words(text):
    assert not clean(text).strip().startswith("/")


def test_the_pages_and_menus_own_intent_payloads_pass():
    assert GREET in OWN_INTENT_PAYLOADS and "/help" in OWN_INTENT_PAYLOADS
    assert all(clean(payload) == payload for payload in OWN_INTENT_PAYLOADS)


@pytest.mark.parametrize("text", ["电话138 - 1234 - 5678", "电话138\u00a01234\u00a05678", "电话138/1234/5678",
                                  "身份证220102  19500101  1234", "电话\u202e8765\u202c4321\u202c831"])
def test_every_channels_door_masks_numbers_written_with_loose_separators_and_drops_bidi_controls(text):
    cleaned = clean(text)
    assert "*" in cleaned and "1234" not in cleaned.replace("*", "") and "\u202e" not in cleaned


def test_text_that_cannot_be_encoded_is_dropped():
    assert clean("抗美援朝\ud800老兵\x00") == "抗美援朝老兵"
    clean("\udfff" * 5).encode("utf-8")


@pytest.mark.parametrize("text, asks", [("删除我的记录", True), ("请帮我删除聊天记录！", True), ("刪除我的記錄", True),
                                        ("清空聊天记录吧", True), ("删除记录以后还能领补贴吗", False),
                                        ("抗美援朝老兵每年多少", False)])
def test_delete_my_records_is_recognised_in_close_wordings_only(text, asks):
    assert asks_to_forget(text) is asks


def test_delete_my_records_forgets_the_audit_logs_rows_by_pseudonym_before_the_queue_forgets_the_pseudonym(
        tmp_path, monkeypatch):
    for variable, name in (("NUANLIU_AUDIT_DB", "audit.db"), ("NUANLIU_HANDOVER_DB", "handover.db"),
                           ("NUANLIU_UNANSWERED_DB", "unanswered.db"), ("NUANLIU_RATINGS_DB", "ratings.db")):
        monkeypatch.setenv(variable, str(tmp_path / name))
    sender = "webchat-forget-me"
    HandoverQueue(tmp_path / "handover.db").enqueue(sender, "webchat", "我的补助什么时候到账")
    name = Pseudonyms(tmp_path / "handover.db").of(sender)
    log = audit.AuditLog(tmp_path / "audit.db")
    log.record("operator", "GET", f"/conversation/{name}", "", 200)
    assert log.flush()
    edge._forget_elsewhere(sender)
    with closing(sqlite3.connect(tmp_path / "audit.db")) as conn:
        assert conn.execute("select path, sender from views").fetchall() == [("/conversation/（已删除）", None)]
    assert Pseudonyms(tmp_path / "handover.db").sender(name) is None
    assert HandoverQueue(tmp_path / "handover.db").latest_for(sender) is None
