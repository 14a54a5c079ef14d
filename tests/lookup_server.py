"""The operators' lookup as `make lookup` serves it (Datasette, our plugin and templates), for the tests.

One server per test session: a test log of citizens' words, a test operator
whose password hash comes from the environment as in production, and an
audit log the tests read.
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

from bot import unanswered
from bot.glossary import normalizer
from bot.measures import Measure
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


def command(db: Path, log: Path, port: int) -> list:
    """`make lookup`'s command line, on another port."""
    return [Path(sys.executable).parent / "datasette", "serve", "--immutable", db, log,
            "--metadata", ROOT / "lookup" / "metadata.yml", "--template-dir", ROOT / "lookup" / "templates",
            "--plugins-dir", ROOT / "lookup" / "plugins", "--host", "127.0.0.1", "--port", port]


@contextmanager
def lookup_server(db: Path, measures: list[Measure], folder: Path, env: Mapping[str, str] = {}) -> Iterator[LookupServer]:
    """The lookup on a free port; `env` adds to its environment (the handover queue, the Rasa server's address)."""
    log, audit = folder / "unanswered.db", folder / "audit.db"
    normalize = normalizer(measures)
    for text in CITIZENS_SAID:
        unanswered.record(log, text, channel="rest", intent="out_of_scope", confidence=1.0, normalize=normalize)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"PYTHONPATH": str(ROOT), "NUANLIU_AUDIT_DB": str(audit), "NUANLIU_HANDOVER_DB": str(folder / "handover.db"),
           "NUANLIU_OPERATOR_PASSWORD_HASH": hash_password(PASSWORD),
           "NUANLIU_OPERATOR2_PASSWORD_HASH": hash_password(PASSWORD2), **env}
    with running([Server(command(db, log, port), f"{base}/-/versions.json", lambda r: "datasette" in r)],
                 environment(env)) as procs:
        yield LookupServer(base, audit, procs[0].pid)


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
