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
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
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
    audit = folder / "audit.db"
    served = stores(folder)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"PYTHONPATH": str(ROOT), "NUANLIU_AUDIT_DB": str(audit), "NUANLIU_HANDOVER_DB": str(folder / "handover.db"),
           "NUANLIU_OPERATOR_PASSWORD_HASH": hash_password(PASSWORD),
           "NUANLIU_OPERATOR2_PASSWORD_HASH": hash_password(PASSWORD2), **env}
    with running([Server(command(db, served, port), f"{base}/-/versions.json", lambda r: "datasette" in r)],
                 environment(env)) as procs:
        yield LookupServer(base, audit, procs[0].pid)


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
