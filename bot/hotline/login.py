"""Operators' login to the desk: checking a password without helping a guesser, and the sessions that follow.

What it resists, and how:
- guessing: failed logins are counted per account and per client address; after
  ACCOUNT_FAILURES for one account, or CLIENT_FAILURES from one address, within
  WINDOW, that account or address is locked out for LOCKOUT, during which no
  password is even checked (the right one included) and the operator reads how
  long to wait. Names that are no account are counted the same, so a lockout tells
  nobody which names exist;
- telling accounts apart by time: an unknown name is checked against a stand-in
  hash with the same work as a real one (PBKDF2, as datasette-auth-passwords hashes);
- stalling the desk: the hash runs in a worker thread, one at a time (`check`),
  never on the event loop every operator's page shares;
- stolen or saved cookies: a session is a random id the desk's processes keep (a hash of
  it, in a private file: `Sessions`), which ends at logout or after LIFETIME.
  The cookie carries nothing else; the plugin sets it HttpOnly, SameSite=Strict and
  Secure behind TLS (lookup/plugins/desk_login.py).
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import secrets
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datasette_auth_passwords.utils import ALGORITHM, hash_password, verify_password

from bot.privacy.files import private_file

ACCOUNT_FAILURES = 5
CLIENT_FAILURES = 20
WINDOW = 15 * 60.0  # seconds over which failures add up
LOCKOUT = 15 * 60.0  # seconds a locked account or address waits
LIFETIME = 10 * 3600.0  # seconds a session lasts: a shift
REMEMBERED = 100_000  # accounts and addresses whose failures are kept; the oldest are forgotten
DEFAULT_ITERATIONS = 480_000  # datasette-auth-passwords' own


def locked_out_message(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return f"登录失败次数太多，已暂停登录，请{minutes}分钟后再试。忘记密码请找系统管理员重设。"


WRONG = "用户名或密码不对，请再试一次。"


@dataclass
class _Failures:
    times: list[float]
    locked_until: float = 0.0


class Throttle:
    """Failed logins by account and by client address, and the lockouts they earn."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, account_failures: int = ACCOUNT_FAILURES,
                 client_failures: int = CLIENT_FAILURES, window: float = WINDOW, lockout: float = LOCKOUT) -> None:
        self.clock, self.window, self.lockout = clock, window, lockout
        self.limits = {"account": account_failures, "client": client_failures}
        self._failures: OrderedDict[tuple[str, str], _Failures] = OrderedDict()

    def _keys(self, account: str, client: str) -> list[tuple[str, str]]:
        return [("account", account), ("client", client)]

    def wait(self, account: str, client: str) -> float:
        """Seconds until this account may try again from this address (0: it may now)."""
        now = self.clock()
        return max([f.locked_until - now for key in self._keys(account, client)
                    if (f := self._failures.get(key)) is not None] + [0.0])

    def failed(self, account: str, client: str) -> float:
        """Count a failure; the seconds of lockout it leads to (0: none)."""
        now = self.clock()
        for key in self._keys(account, client):
            failures = self._failures.pop(key, None) or _Failures([])
            failures.times = [t for t in failures.times if now - t < self.window] + [now]
            if len(failures.times) >= self.limits[key[0]]:
                failures.locked_until, failures.times = now + self.lockout, []
            self._failures[key] = failures
        while len(self._failures) > REMEMBERED:
            self._failures.popitem(last=False)
        return self.wait(account, client)

    def succeeded(self, account: str) -> None:
        """The account's failures are forgotten (its address's are kept: one right password does not excuse a
        crowd of wrong ones)."""
        self._failures.pop(("account", account), None)


class Accounts:
    """The operators' accounts: name → PBKDF2 hash (datasette-auth-passwords' format) and the actor it logs in as."""

    def __init__(self, hashes: Mapping[str, str | None], actors: Mapping[str, dict[str, Any]]) -> None:
        self.hashes = {name: h.strip() for name, h in hashes.items() if h and h.count("$") == 3}
        self.actors = actors
        iterations = {int(h.split("$")[1]) for h in self.hashes.values() if h.startswith(ALGORITHM)}
        # An unknown name costs what a known one does: the stand-in has the work of the accounts' own hashes.
        self._stand_in = hash_password(secrets.token_hex(16), iterations=max(iterations, default=DEFAULT_ITERATIONS))
        self._one_at_a_time = asyncio.Semaphore(1)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Accounts:
        """From datasette-auth-passwords' configuration in lookup/metadata.yml (`<name>_password_hash`, `actors`)."""
        suffix = "_password_hash"
        return cls({k.removesuffix(suffix): v for k, v in config.items() if k.endswith(suffix)},
                   config.get("actors") or {})

    def verify(self, name: str, password: str) -> dict[str, Any] | None:
        """The account's actor if the password is right; always one full hash, whether or not the name exists."""
        known = name in self.hashes
        right = verify_password(password, self.hashes.get(name, self._stand_in)) and known
        return (self.actors.get(name) or {"id": name}) if right else None

    async def check(self, name: str, password: str) -> dict[str, Any] | None:
        """`verify` in a worker thread, one check at a time, so the event loop and the other core stay free."""
        async with self._one_at_a_time:
            return await asyncio.to_thread(self.verify, name, password)


class Sessions:
    """Logged-in operators: a random id → the actor, until logout or LIFETIME, in a private SQLite file that
    every desk process behind one address shares (a login at one is a login at all). The file keeps only a
    hash of each id, so whoever reads it cannot use a session."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time, lifetime: float | None = None) -> None:
        self.path, self.clock = path, clock
        self.lifetime = lifetime or float(os.environ.get("NUANLIU_DESK_SESSION_SECONDS", LIFETIME))
        with closing(self._connect()) as db, db:
            db.execute("create table if not exists sessions (id text primary key, actor text, expires real)")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(private_file(self.path), timeout=5)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def open(self, actor: dict[str, Any]) -> str:
        session = secrets.token_urlsafe(32)
        with closing(self._connect()) as db, db:
            db.execute("delete from sessions where expires <= ?", (self.clock(),))
            db.execute("insert into sessions values (?, ?, ?)",
                       (_hashed(session), json.dumps(actor), self.clock() + self.lifetime))
        return session

    def actor(self, session: str | None) -> dict[str, Any] | None:
        if not session:
            return None
        with closing(self._connect()) as db:
            found = db.execute("select actor from sessions where id = ? and expires > ?",
                               (_hashed(session), self.clock())).fetchone()
        return json.loads(found[0]) if found else None

    def close(self, session: str | None) -> None:
        if session:
            with closing(self._connect()) as db, db:
                db.execute("delete from sessions where id = ?", (_hashed(session),))


def _hashed(session: str) -> str:
    return hashlib.sha256(session.encode()).hexdigest()
