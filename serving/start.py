"""How the project's servers are started: ports, token, endpoints, credentials, model and environment, once.

`make run` (python -m serving run), the tests, the soak, the scale test and
the benchmarks all start the Rasa server and the action server from here, so
a flag or a variable changes in one place. Both run through this project's
launchers (python -m serving rasa|actions, serving/launch.py): the HTTP API
token reaches Rasa in memory, never on a command line that `ps` shows, and
the action server builds the plan before it listens.
"""
from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.privacy.files import private_file
from serving.action_guard import SECRET_VARIABLE
from serving.client import get_json
from serving.processes import ROOT, Server, free_port, running

MODEL = ROOT / "models" / "nuanliu.tar.gz"
ENDPOINTS = ROOT / "endpoints.yml"
CREDENTIALS = ROOT / "credentials.yml"
TOKEN_VARIABLE = "RASA_API_TOKEN"
TOKEN_FILE = ROOT / "build" / "api-token"  # written once, mode 600, by the Makefile
PAGE_SECRET_VARIABLE = "NUANLIU_PAGE_SECRET"
PAGE_SECRET_FILE = ROOT / "build" / "page-secret"  # written once, mode 600, when the first Rasa server starts
RASA_PORT = 5005
ACTION_PORT = 5055  # the port endpoints.yml's action_endpoint calls
LOOPBACK = "127.0.0.1"
# Loopback by default: the action server must only hear the Rasa server (rasa_sdk binds SANIC_HOST), and
# the Rasa server is reached through a proxy (nginx) in production. RASA_INTERFACE=0.0.0.0 opens it.
INTERFACE_VARIABLE = "RASA_INTERFACE"
QUIET = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
# Connections the kernel holds until the server accepts them (Rasa passes SANIC_BACKLOG to Sanic; its default,
# 100, made some of 600 citizens arriving at once get a reset instead of the quick "busy" answer).
BACKLOG = {"SANIC_BACKLOG": "1024"}


class NoToken(RuntimeError):
    """Neither RASA_API_TOKEN nor build/api-token: the HTTP API would be open to anyone who reaches it."""


def api_token(environ: Mapping[str, str] = os.environ, token_file: Path = TOKEN_FILE) -> str:
    """The HTTP API token: RASA_API_TOKEN, else the contents of build/api-token."""
    if token := environ.get(TOKEN_VARIABLE, "").strip():
        return token
    if token_file.exists() and (token := token_file.read_text(encoding="utf-8").strip()):
        return token
    raise NoToken(f"no HTTP API token: set {TOKEN_VARIABLE} or run `make run`, which writes {token_file}")


def page_secret(environ: Mapping[str, str] = os.environ, secret_file: Path = PAGE_SECRET_FILE) -> str:
    """The key the web page's conversation tokens are signed with (bot/channels/identity.py): NUANLIU_PAGE_SECRET,
    else build/page-secret, made once (random, mode 600). It outlives restarts, so a citizen's page keeps its
    conversation; every Rasa server of a deployment needs the same one. Changing it starts every page anew."""
    if secret := environ.get(PAGE_SECRET_VARIABLE, "").strip():
        return secret
    if not secret_file.exists():
        written = private_file(secret_file.with_suffix(".new"))
        written.write_text(secrets.token_urlsafe(32), encoding="utf-8")
        written.replace(secret_file)  # atomic: two servers starting at once read one secret
    return secret_file.read_text(encoding="utf-8").strip()


def interface(environ: Mapping[str, str] = os.environ) -> str:
    return environ.get(INTERFACE_VARIABLE) or LOOPBACK


def environment(extra: Mapping[str, str] = {}, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """What every server process runs with: this environment, the action server on loopback unless
    SANIC_HOST says otherwise, a backlog of 1024 connections unless SANIC_BACKLOG says otherwise, Rasa's
    telemetry off and TensorFlow quiet, then `extra`; and the secret the Rasa server shows the action
    server (NUANLIU_ACTION_SECRET, else a new one for the servers started together with this environment)."""
    env = {"SANIC_HOST": LOOPBACK, **BACKLOG, **environ, **QUIET, **extra}
    if not env.get(SECRET_VARIABLE, "").strip():
        env[SECRET_VARIABLE] = secrets.token_urlsafe(32)
    return env


def rasa_server(port: int, token: str, *, model: Path = MODEL, endpoints: Path = ENDPOINTS,
                credentials: Path = CREDENTIALS, interface: str = LOOPBACK) -> Server:
    """The Rasa server with its HTTP API, the token handed over in its environment (not its arguments)."""
    command = [sys.executable, "-m", "serving", "rasa", "--enable-api", "--interface", interface, "--port", str(port),
               "--model", str(model), "--endpoints", str(endpoints), "--credentials", str(credentials)]
    host = LOOPBACK if interface == "0.0.0.0" else interface
    return Server(command, f"http://{host}:{port}/status?token={token}", lambda r: bool(r.get("model_id")),
                  {TOKEN_VARIABLE: token})


def action_server(port: int) -> Server:
    """The action server, warmed up before it listens; its address comes from SANIC_HOST (environment())."""
    return Server([sys.executable, "-m", "serving", "actions", "--port", str(port)],
                  f"http://127.0.0.1:{port}/health", lambda r: r.get("status") == "ok")


@dataclass(frozen=True)
class Live:
    """A running bot on free loopback ports."""
    url: str  # the Rasa server, e.g. http://127.0.0.1:41234
    token: str  # its HTTP API token, made for this run
    work: Path  # its tracker store, unanswered-question log, ratings, daily counts and handover queue
    action_port: int
    env: dict[str, str]  # what the servers were started with, to start an action server again
    pids: dict[str, int]  # "rasa" and, when started, "actions": for memory readings

    def tracker(self, sender: str) -> dict:
        """The stored conversation, through the token-protected HTTP API."""
        tracker = get_json(f"{self.url}/conversations/{sender}/tracker?token={self.token}")
        assert isinstance(tracker, dict)
        return tracker


@contextmanager
def bot(work: Path, db_path: Path, with_actions: bool = True, env: Mapping[str, str] = {},
        model: Path = MODEL) -> Iterator[Live]:
    """The Rasa server (and the action server, unless told not to) as `make run` starts them, on free ports.

    Conversations, the unanswered-question log, the ratings, the daily counts, the handover queue and the audit log a
    desk beside it would keep go to `work`, never to build/.
    """
    if not model.exists():
        raise FileNotFoundError(f"{model} is missing: run `make model`")
    rasa_port, action_port = free_port(), free_port()  # without actions nothing listens on action_port
    endpoints = work / "endpoints.yml"  # make run's endpoints, with this run's action port and tracker file
    config = yaml.safe_load(ENDPOINTS.read_text(encoding="utf-8"))
    config["action_endpoint"]["url"] = f"http://127.0.0.1:{action_port}/webhook"
    config["tracker_store"]["db"] = str(work / "tracker.db")
    endpoints.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    token = secrets.token_urlsafe(24)
    env = environment({"NUANLIU_DB": str(db_path), "NUANLIU_UNANSWERED_DB": str(work / "unanswered.db"),
                       "NUANLIU_RATINGS_DB": str(work / "ratings.db"),
                       "NUANLIU_DAILY_COUNTS_DB": str(work / "daily_counts.db"),
                       "NUANLIU_HANDOVER_DB": str(work / "handover.db"), "NUANLIU_AUDIT_DB": str(work / "audit.db"),
                       PAGE_SECRET_VARIABLE: secrets.token_urlsafe(32), "SANIC_HOST": LOOPBACK, **env})
    rasa = rasa_server(rasa_port, token, model=model, endpoints=endpoints)
    servers = {"actions": action_server(action_port), "rasa": rasa} if with_actions else {"rasa": rasa}
    with running(list(servers.values()), env) as procs:
        pids = {name: proc.pid for name, proc in zip(servers, procs, strict=True)}
        yield Live(f"http://127.0.0.1:{rasa_port}", token, work, action_port, env, pids)
