"""The operators' lookup as `make lookup` serves it (Datasette, our plugin and templates), for the tests.

One server per test session: a test log of citizens' words, a test operator
whose password hash comes from the environment as in production, and an
audit log the tests read. `desk_over` serves the stores a running bot writes
(its work folder), for tests that follow citizens' words to the desk.
"""
from __future__ import annotations

import http.cookiejar
import json
import re
import sqlite3
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from datasette_auth_passwords.utils import hash_password

from bot.hotline import daily_counts, ratings, unanswered
from bot.plan.measure import Measure
from bot.reading.normaliser import normalizer
from serving.processes import ROOT, Server, free_port, running
from serving.start import environment

OPERATOR, PASSWORD = "operator", "nuanliu-test-口令"
OPERATOR2, PASSWORD2 = "operator2", "nuanliu-test-口令二"  # a second account (lookup/metadata.yml)
CITIZENS_SAID = ("我电话13812345678，快递到哪了", "身份证220102195001011234能办护照吗", "快递到哪了？", "快遞到哪了")


@dataclass(frozen=True)
class LookupServer:
    base: str
    audit: Path
    pid: int  # the server's process, whose output a test reads through /proc


def stores(folder: Path) -> list[Path]:
    """The files `make lookup` serves beside the measure table, as the bot names them in `folder` (created
    empty when the bot has not written them yet: Datasette refuses a missing file)."""
    log, rated, counts = folder / "unanswered.db", folder / "ratings.db", folder / "daily_counts.db"
    unanswered.open_log(log)
    ratings.open_ratings(rated)
    daily_counts.open_counts(counts)
    return [log, rated, counts]


def command(db: Path, served: list[Path], port: int) -> list:
    """`make lookup`'s command line, on another port."""
    return [Path(sys.executable).parent / "datasette", "serve", "--immutable", db, *served,
            "--metadata", ROOT / "lookup" / "metadata.yml", "--template-dir", ROOT / "lookup" / "templates",
            "--plugins-dir", ROOT / "lookup" / "plugins", "--host", "127.0.0.1", "--port", port]


@contextmanager
def lookup_server(db: Path, measures: list[Measure], folder: Path,
                  env: Mapping[str, str] = {}) -> Iterator[LookupServer]:
    """The lookup over a log seeded with CITIZENS_SAID; `env` adds to its environment (the Rasa server's
    address for the handover pages)."""
    normalize = normalizer(measures)
    for i, text in enumerate(CITIZENS_SAID):
        unanswered.record(folder / "unanswered.db", text, sender=f"citizen-{i}", channel="rest",
                          intent="out_of_scope", confidence=1.0, normalize=normalize)
    with desk_over(db, folder, env) as server:
        yield server


@contextmanager
def desk_over(db: Path, folder: Path, env: Mapping[str, str] = {}) -> Iterator[LookupServer]:
    """The lookup over the stores in `folder` (a running bot's work folder), its audit log and handover queue
    there too, with both test operators' accounts; `env` adds to its environment."""
    audit = Path(env.get("NUANLIU_AUDIT_DB", folder / "audit.db"))  # a running bot's, to forget in it
    served = stores(folder)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"PYTHONPATH": str(ROOT), "NUANLIU_AUDIT_DB": str(audit), "NUANLIU_HANDOVER_DB": str(folder / "handover.db"),
           "NUANLIU_DESK_REAL_IP_HEADER": "x-real-ip",  # tests pose as other clients, as nginx names them
           "NUANLIU_OPERATOR_PASSWORD_HASH": hash_password(PASSWORD),
           "NUANLIU_OPERATOR2_PASSWORD_HASH": hash_password(PASSWORD2), **env}
    ready = f"{base}/desk.json?q=%E6%9A%96%E6%B5%81%E8%AE%A1%E5%88%92"  # 暖流计划: the desk answers once warm
    with running([Server(command(db, served, port), ready, lambda r: bool(r.get("cards")))],
                 environment(env)) as procs:
        yield LookupServer(base, audit, procs[0].pid)


@cache
def _marker_client(base: str) -> urllib.request.OpenerDirector:
    return logged_in(base)


def audit_rows(server: LookupServer, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows of the audit log once its writer (a thread of the desk, writing in order) has caught up: a logged-in
    request with a marker of its own is made, and the log read once the marker's row is in."""
    marker = "audit-marker=" + uuid.uuid4().hex.translate(str.maketrans("0123456789", "ghijklmnop"))  # masked digits
    _marker_client(server.base).open(f"{server.base}/-/actor.json?{marker}", timeout=30).read()
    deadline = time.monotonic() + 30
    with closing(sqlite3.connect(server.audit)) as conn:
        while not conn.execute("select 1 from views where query = ?", (marker,)).fetchall():
            assert time.monotonic() < deadline, "the audit log's writer did not catch up in 30 s"
            time.sleep(0.1)
        return conn.execute(sql, params).fetchall()


def audited(server: LookupServer, path: str) -> list[tuple]:
    """(actor, method, path, status) of the audit log's rows for requests to `path` (a conversation's page is
    kept as /conversation/{sender} with the sender apart: given back as it was requested)."""
    conversation = re.fullmatch(r"(/conversation/)([^/]+)(.*)", path)
    if conversation is None:
        return audit_rows(server, "select actor, method, path, status from views where path = ?", (path,))
    start, sender, rest = conversation.groups()
    return audit_rows(server, "select actor, method, ? as path, status from views where path = ? and sender = ?",
                      (path, f"{start}{{sender}}{rest}", sender))


def log_in(page, base: str, user: str = OPERATOR, password: str = PASSWORD) -> None:
    """Log a browser page in at /-/login as a test operator, as an operator does."""
    page.goto(f"{base}/-/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("input[type=submit], button[type=submit]")


def csrf_token(page: str) -> str:
    """Datasette's CSRF token as a form on the page carries it."""
    return re.search(r'name="csrftoken" value="([^"]+)"', page).group(1)


def logged_in(base: str, password: str = PASSWORD, user: str = OPERATOR) -> urllib.request.OpenerDirector:
    """An HTTP client logged in at /-/login as a test operator (with Datasette's CSRF token)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    token = csrf_token(opener.open(f"{base}/-/login", timeout=30).read().decode())
    data = urllib.parse.urlencode({"username": user, "password": password, "csrftoken": token}).encode()
    opener.open(f"{base}/-/login", data=data, timeout=30).read()
    return opener


def get_json_as(opener: urllib.request.OpenerDirector, url: str) -> object:
    with opener.open(url, timeout=30) as response:
        return json.loads(response.read().decode())
