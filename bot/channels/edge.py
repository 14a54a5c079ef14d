"""What every channel checks at the HTTP edge, before Rasa sees a request: size, sender, rate, load, 删除我的记录.

Rasa and Sanic accept bodies up to 100 MB, sender ids of any length (stored in
every event row), and any number of turns at once; one client could fill the
disk or the memory, or make every citizen wait past WeChat's 5 s. Here:
- every request body is capped at MAX_BODY (Sanic refuses a longer one with 413
  before reading it) and a sender id at MAX_SENDER characters;
- each sender and each client address has a token bucket: a burst, then a
  steady rate; beyond it a 429 with a short Chinese message and Retry-After.
  Loopback callers (nginx on the same host, the operators' own tools) have no
  per-client limit: behind a proxy set SANIC_REAL_IP_HEADER=x-real-ip so the
  citizen's address is the one counted;
- a turn that would be answered later than the target (3 s: WeChat gives 5) is
  refused at once with a "busy" answer, so the turns already running keep their
  pace (TurnsInFlight); never more than MAX_TURNS_IN_FLIGHT run at once.
The limits come from the environment (NUANLIU_SENDER_BURST, …), the
defaults sized so that one citizen typing and the page's retries never meet them.
A citizen asking to delete their records (data/forget_me.yml) has the whole
conversation deleted here, without a turn, so nothing of the request is stored,
and with it their unanswered questions, their ratings, their place in the
handover queue and their conversation's id in the operators' audit log.
"""
from __future__ import annotations

import asyncio
import ipaddress
import math
import os
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import yaml
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

from bot import DATA
from bot.hotline import audit, ratings, unanswered
from bot.hotline.handover_queue import HandoverQueue, queue_path
from bot.hotline.pseudonyms import Pseudonyms
from bot.hotline.unanswered import similarity_key
from bot.reading.normaliser import Normalizer
from serving.tracker_store import unwrapped

MAX_BODY = 64 * 1024  # bytes: a question is at most 1000 characters (3 KB in UTF-8)
MAX_SENDER = 128  # characters: WeChat's OpenIDs have 28, the page's UUIDs 36
TOO_FAST = "您发送得太快了，请稍等几秒再发。"
BUSY = "现在咨询的人较多，请稍后再试。"
REMEMBERED_KEYS = 100_000  # buckets kept; the least recently used is dropped (it is full again by then)
_FORGET_ME = yaml.safe_load((DATA / "forget_me.yml").read_text(encoding="utf-8"))
FORGOTTEN: str = _FORGET_ME["reply"]


@dataclass(frozen=True)
class Limit:
    burst: int  # requests allowed at once
    per_minute: float  # requests allowed per minute after the burst


def _limit(name: str, burst: int, per_minute: float) -> Limit:
    env = f"NUANLIU_{name.upper()}"
    return Limit(int(os.environ.get(f"{env}_BURST", burst)), float(os.environ.get(f"{env}_PER_MINUTE", per_minute)))


def max_turns_in_flight() -> int:
    return int(os.environ.get("NUANLIU_MAX_TURNS_IN_FLIGHT", 256))


def turn_target() -> float:
    return float(os.environ.get("NUANLIU_TURN_TARGET_SECONDS", 3.0))


class TokenBuckets:
    """One token bucket per key: `take` spends a token, or says how many seconds until one is there."""

    def __init__(self, limit: Limit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.clock = limit, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key → (tokens, when)

    def take(self, key: str) -> float:
        now = self.clock()
        tokens, then = self._buckets.pop(key, (float(self.limit.burst), now))
        tokens = min(float(self.limit.burst), tokens + (now - then) * self.limit.per_minute / 60)
        wait = 0.0 if tokens >= 1 else (1 - tokens) * 60 / self.limit.per_minute
        self._buckets[key] = (tokens - 1 if not wait else tokens, now)
        while len(self._buckets) > REMEMBERED_KEYS:
            self._buckets.popitem(last=False)
        return wait


class LoopLag:
    """How long a request that became ready now waits before its handler runs: the lateness of the running event
    loop, read from a timer it should fire every PERIOD seconds.

    When many citizens ask at once, parsing their requests and refusing the many
    is work too, done before any turn is counted; a request handled at the end of
    that queue has already used part of its 5 s. The timer is late by about as
    much as the loop is behind: the last lateness seen, or more while the next
    tick is overdue (the loop busy right now). The timer starts on the first
    reading in a loop, and again in a new loop (tests run several); 0 outside one.
    """

    PERIOD = 0.05

    def __init__(self) -> None:
        self.last = 0.0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._due = 0.0

    def __call__(self) -> float:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return 0.0
        if loop is not self._loop:
            self._loop, self.last = loop, 0.0
            self._schedule(loop)
            return 0.0
        return max(self.last, loop.time() - self._due)

    def _schedule(self, loop: asyncio.AbstractEventLoop) -> None:
        self._due = loop.time() + self.PERIOD
        loop.call_later(self.PERIOD, self._tick, loop)

    def _tick(self, loop: asyncio.AbstractEventLoop) -> None:
        if loop is self._loop:  # a loop left behind stops its timer
            self.last = max(0.0, loop.time() - self._due)
            self._schedule(loop)


class TurnsInFlight:
    """The turns running in this process, refusing at once one that would be answered too late.

    A fixed bound on turns cannot keep a deadline: what a turn costs depends on
    the machine, the conversation and what else runs beside it. What this process
    gets done is measured instead: the time it was busy (any turn running) per
    turn finished, the older busy time weighing less (halved every HALF_LIFE busy
    seconds). Busy time per turn holds however the turns overlap: a crowd's turns
    may run a second together and then finish within a tenth, and counting only
    the last few turns, or each turn's duration shared among those beside it,
    would see them cheap and let ever more in. n turns running, a new one ends
    after about (n + 1) × cost, after the time the request already waited for
    the loop (`lag`). Beyond `target` seconds the turn is refused; a lone turn is
    always let in, and never more than `limit` run. Until a first turn has
    finished there is no cost to predict from: FIRST_TURNS may run.
    """

    HALF_LIFE = 5.0  # busy seconds: a crowd or two moves the cost, one odd turn does not
    FIRST_TURNS = 8

    def __init__(self, limit: int, target: float, clock: Callable[[], float] = time.monotonic,
                 lag: Callable[[], float] = lambda: 0.0) -> None:
        self.limit, self.target, self.clock, self.lag = limit, target, clock, lag
        self.running = 0
        self._busy = self._finished = 0.0  # busy seconds and turns finished, both weighed by age
        self._when = clock()

    @property
    def cost(self) -> float | None:
        """Busy seconds per turn finished; None until a turn has finished."""
        return self._busy / self._finished if self._finished else None

    def _advance(self) -> None:
        now = self.clock()
        if self.running:
            busy = now - self._when
            older = 0.5 ** (busy / self.HALF_LIFE)
            self._busy, self._finished = self._busy * older + busy, self._finished * older
        self._when = now

    def admits(self) -> bool:
        """Whether one more turn may run now."""
        if not self.running:
            return True
        if self.running >= self.limit:
            return False
        cost = self.cost
        if cost is None:
            return self.running < self.FIRST_TURNS
        return self.lag() + (self.running + 1) * cost <= self.target

    @contextmanager
    def slot(self) -> Iterator[bool]:
        """True (and counted until the block ends) if a turn may run now."""
        if not self.admits():
            yield False
            return
        self._advance()
        self.running += 1
        try:
            yield True
        finally:
            self._advance()
            self.running -= 1
            self._finished += 1


class Edge:
    """The limits of one Rasa process, shared by its channels."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.senders = TokenBuckets(_limit("sender", 30, 60), clock)
        self.clients = TokenBuckets(_limit("client", 120, 240), clock)
        self.turns = TurnsInFlight(max_turns_in_flight(), turn_target(), lag=LoopLag())

    def wait_before(self, client: str, sender: str) -> float:
        """Seconds this request must wait (0: it may go on); loopback clients only count per sender."""
        return max(self.wait_for_client(client), self.senders.take(sender))

    def wait_for_client(self, client: str) -> float:
        """Seconds a request of this client must wait, whoever it writes as (0 for loopback: see above)."""
        return 0.0 if loopback(client) else self.clients.take(client)


EDGE = Edge()


def too_fast(wait: float) -> HTTPResponse:
    return json({"error": TOO_FAST}, status=429, headers={"Retry-After": str(math.ceil(wait))})


def client_address(request: Request) -> str:
    """The caller's address: the proxy's header when SANIC_REAL_IP_HEADER names one, else the socket's."""
    return request.remote_addr or request.ip


def loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def limit_bodies(app: Sanic) -> None:
    """Sanic refuses a longer body with 413 before buffering it (it reads the limit per connection)."""
    app.config.REQUEST_MAX_SIZE = MAX_BODY


_POLITE = re.compile("|".join(map(re.escape, _FORGET_ME["polite"])))
_normalize = Normalizer()
_WORDINGS = {similarity_key(w, _normalize) for w in _FORGET_ME["wordings"]}


def asks_to_forget(text: str) -> bool:
    """删除我的记录 and its close wordings, as the whole message (its wording as the unanswered log groups it)."""
    return similarity_key(_POLITE.sub("", _normalize(text)), _normalize) in _WORDINGS


def _forget_elsewhere(sender_id: str) -> None:
    unanswered.forget(unanswered.log_path(), sender_id)
    ratings.forget(ratings.ratings_path(), sender_id)
    # The audit log names a conversation by the pseudonym the desk shows (its URLs): read it before the queue's
    # file forgets it with the rest of the citizen.
    pseudonym = Pseudonyms(queue_path()).known(sender_id)
    audit.forget(audit.audit_path(), sender_id, *([pseudonym] if pseudonym else []))
    HandoverQueue(queue_path()).forget(sender_id)


def forgotten(sender_id: str) -> list[dict[str, object]]:
    """The reply to 删除我的记录; `forgotten` tells the web page to clear its own copy too (a shared phone or PC)."""
    return [{"recipient_id": sender_id, "text": FORGOTTEN, "custom": {"forgotten": True}}]


async def forget(app: Sanic, sender_id: str) -> None:
    """Delete the sender's conversation from the tracker store, under the conversation's lock, and every
    other store of their words: the unanswered log, the ratings, the handover queue, and their conversation's
    id in the operators' audit log (in a worker thread: each store also empties its write-ahead log)."""
    async with app.ctx.agent.lock_store.lock(sender_id):
        await unwrapped(app.ctx.agent.tracker_store).forget(sender_id)
        await asyncio.to_thread(_forget_elsewhere, sender_id)
