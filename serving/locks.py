"""Per-conversation locks for the Rasa server: no lost turn, and no one-second wait.

Rasa 3.6's lock stores get, change and save a whole ticket lock in three
separate calls, so two servers taking one conversation at the same moment can
both believe they hold it; each then stores its own view of the tracker and one
turn is lost (Rasa issue 9213). They also poll once a second while waiting, so
one citizen's burst is answered at one turn a second.

`RedisTicketLockStore` keeps each conversation's queue in Redis and changes it
only inside Lua scripts, which Redis runs atomically: a ticket is issued,
checked and returned in one step each. Tickets are served in the order they
were issued. A ticket lives `lock_lifetime` seconds (default 20) past its last
renewal; its holder and its waiters renew it every poll and every quarter
lifetime, so a long turn keeps it and a server that died stops renewing it:
its ticket expires and the next one is served.

`LocalLockStore`, for the embedded default (one Rasa process), queues turns on
asyncio locks that wake the next waiter at once.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from rasa.core.lock_store import LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

DEFAULT_LIFETIME = 20.0  # seconds a ticket lives without renewal; a turn takes well under one here
POLL_SECONDS = 0.02  # how soon a waiter sees the conversation free
KEY_PREFIX = "nuanliu:lock:"

# KEYS: sequence counter, queue (sorted set: ticket → ticket), deadlines (hash: ticket → ms).
# ARGV: lifetime in ms. Returns the new ticket, queued behind every live one.
_ISSUE = """
local t = redis.call('INCR', KEYS[1])
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZADD', KEYS[2], t, t)
redis.call('HSET', KEYS[3], t, ms + tonumber(ARGV[1]))
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], 2 * tonumber(ARGV[1])) end
return t
"""

# ARGV: ticket, lifetime in ms. Drops expired tickets, renews this one and returns how many
# tickets are ahead of it (0: it holds the lock), or -1 if it has expired itself.
_POLL = """
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
for _, t in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local deadline = tonumber(redis.call('HGET', KEYS[3], t) or '0')
  if deadline < ms then
    redis.call('ZREM', KEYS[2], t)
    redis.call('HDEL', KEYS[3], t)
  end
end
local rank = redis.call('ZRANK', KEYS[2], ARGV[1])
if not rank then return -1 end
redis.call('HSET', KEYS[3], ARGV[1], ms + tonumber(ARGV[2]))
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], 2 * tonumber(ARGV[2])) end
return rank
"""

# ARGV: ticket. Removes it; the last one out removes the conversation's keys.
_RELEASE = """
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if redis.call('ZCARD', KEYS[2]) == 0 then redis.call('DEL', KEYS[1], KEYS[2], KEYS[3]) end
return 1
"""


def _settings(endpoint_config: EndpointConfig | None) -> dict[str, Any]:
    return dict(endpoint_config.kwargs) if endpoint_config else {}


class RedisTicketLockStore(LockStore):
    """FIFO per-conversation locks in Redis whose every change is one atomic script.

    endpoints.yml: `type: serving.locks.RedisTicketLockStore`, `url` (host), `port`,
    `db`, optional `password`, `key_prefix` and `lock_lifetime` (seconds).
    """

    def __init__(self, endpoint_config: EndpointConfig | None = None, *, host: str = "localhost", port: int = 6379,
                 db: int = 0, password: str | None = None, key_prefix: str = KEY_PREFIX,
                 lock_lifetime: float = DEFAULT_LIFETIME) -> None:
        import redis  # installed with Rasa; only the scaled-out servers need it

        settings = _settings(endpoint_config)
        self.lifetime = float(settings.get("lock_lifetime", lock_lifetime))
        self.key_prefix = str(settings.get("key_prefix", key_prefix))
        self.red = redis.StrictRedis(
            host=(endpoint_config.url if endpoint_config and endpoint_config.url else host),
            port=int(settings.get("port", port)), db=int(settings.get("db", db)),
            password=settings.get("password", password), socket_timeout=10,
        )
        self._issue = self.red.register_script(_ISSUE)
        self._poll = self.red.register_script(_POLL)
        self._release = self.red.register_script(_RELEASE)
        super().__init__()

    def _keys(self, conversation_id: str) -> list[str]:
        base = self.key_prefix + conversation_id
        return [base + ":seq", base + ":queue", base + ":deadline"]

    def _lifetime_ms(self, lock_lifetime: float | None) -> int:
        return int(1000 * (lock_lifetime or self.lifetime))

    def issue_ticket(self, conversation_id: str, lock_lifetime: float | None = None) -> int:
        return int(self._issue(keys=self._keys(conversation_id), args=[self._lifetime_ms(lock_lifetime)]))

    def tickets_ahead(self, conversation_id: str, ticket: int, lock_lifetime: float | None = None) -> int:
        """0 when `ticket` holds the lock (renewing it), the queue ahead of it, or -1 once it has expired."""
        return int(self._poll(keys=self._keys(conversation_id), args=[ticket, self._lifetime_ms(lock_lifetime)]))

    def release(self, conversation_id: str, ticket: int) -> None:
        self._release(keys=self._keys(conversation_id), args=[ticket])

    async def _renew_while_held(self, conversation_id: str, ticket: int, lifetime: float) -> None:
        while True:
            await asyncio.sleep(lifetime / 4)
            if self.tickets_ahead(conversation_id, ticket, lifetime) != 0:
                logger.error("lost the lock of conversation %s while serving it (expired)", conversation_id)
                return

    @contextlib.asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float | None = None,
                   wait_time_in_seconds: float = POLL_SECONDS) -> AsyncIterator[int]:
        """Hold the conversation for one turn; waits behind earlier tickets, polling every 20 ms.

        Rasa passes its own 60 s lifetime and 1 s wait; ours are used instead (see the module doc).
        """
        lifetime = self.lifetime
        ticket = self.issue_ticket(conversation_id, lifetime)
        renewal: asyncio.Task | None = None
        try:
            while (ahead := self.tickets_ahead(conversation_id, ticket, lifetime)) > 0:
                await asyncio.sleep(POLL_SECONDS)
            if ahead < 0:
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}': ticket expired.")
            renewal = asyncio.create_task(self._renew_while_held(conversation_id, ticket, lifetime))
            yield ticket
        finally:
            if renewal:
                renewal.cancel()
            self.release(conversation_id, ticket)


class LocalLockStore(LockStore):
    """One Rasa process: each conversation's turns queue on an asyncio lock (FIFO, woken at once).

    Not for several processes or Sanic workers: those need `RedisTicketLockStore`.
    """

    def __init__(self, endpoint_config: EndpointConfig | None = None) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}
        super().__init__()

    @contextlib.asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float | None = None,
                   wait_time_in_seconds: float = POLL_SECONDS) -> AsyncIterator[None]:
        lock = self._locks.setdefault(conversation_id, asyncio.Lock())
        self._users[conversation_id] = self._users.get(conversation_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[conversation_id] -= 1
            if not self._users[conversation_id]:  # nobody holds or waits: forget the conversation
                del self._users[conversation_id], self._locks[conversation_id]

    def is_someone_waiting(self, conversation_id: str) -> bool:
        return self._users.get(conversation_id, 0) > 1
