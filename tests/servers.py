"""Starting the project's real servers for a test: free loopback ports, readiness, a clean stop."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
START_TIMEOUT = 240  # seconds: loading TensorFlow and the model takes ~15–30 s here, more on a busy machine
QUIET_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
MODEL = ROOT / "models" / "nuanliu.tar.gz"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> dict | list:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read().decode())


def post_json(url: str, payload: object, timeout: float = 60) -> list | dict:
    req = urllib.request.Request(url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read().decode())


def _wait_for(url: str, ready: Callable[[object], bool], procs: Sequence[subprocess.Popen]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        for p in procs:
            if p.poll() is not None:
                raise RuntimeError(f"{p.args[:3]} exited with {p.returncode}: {p.stdout.read()[-3000:]}")
        try:
            if ready(get_json(url)):
                return
        except OSError:
            pass
        time.sleep(1)
    raise TimeoutError(f"{url} not ready after {START_TIMEOUT} s")


@contextmanager
def running(commands: Sequence[tuple[list, str, Callable[[object], bool]]], env: dict[str, str]
            ) -> Iterator[list[subprocess.Popen]]:
    """Start each (command, readiness URL, ready?) in order, waiting for each; stop them all at the end."""
    procs: list[subprocess.Popen] = []
    try:
        for command, url, ready in commands:
            procs.append(subprocess.Popen(
                [str(c) for c in command], cwd=ROOT, env=os.environ | QUIET_ENV | env,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            ))
            _wait_for(url, ready, procs)
        yield procs
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


API_TOKEN = "nuanliu-test-api-token"


@dataclass(frozen=True)
class Live:
    url: str  # the Rasa server, e.g. http://127.0.0.1:41234
    work: Path  # its tracker store and unanswered-question log
    action_port: int
    env: dict  # what the servers were started with, to start an action server again
    pids: dict  # "rasa" and, when started, "actions": for memory readings

    def tracker(self, sender: str) -> dict:
        """The stored conversation, through the token-protected HTTP API."""
        return get_json(f"{self.url}/conversations/{sender}/tracker?token={API_TOKEN}")


def action_server(port: int) -> tuple[list, str, Callable[[object], bool]]:
    """The action server as `make run` starts it (loopback only, through SANIC_HOST)."""
    return ([BIN / "rasa", "run", "actions", "--port", port], f"http://127.0.0.1:{port}/health",
            lambda r: r.get("status") == "ok")


@contextmanager
def bot_servers(work: Path, db_path: Path, with_actions: bool = True, env: dict[str, str] | None = None,
                model: Path = MODEL) -> Iterator[Live]:
    """The Rasa server (and the action server, unless told not to) as `make run` starts them, on free ports.

    Conversations and the unanswered-question log go to `work`, never to build/.
    """
    assert model.exists(), f"{model} is missing: run `make model` (make test trains it first)"
    rasa_port, action_port = free_port(), free_port()  # without actions nothing listens on action_port
    endpoints = work / "endpoints.yml"  # make run's endpoints, with this run's port and tracker file
    config = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    config["action_endpoint"]["url"] = f"http://127.0.0.1:{action_port}/webhook"
    config["tracker_store"]["db"] = str(work / "tracker.db")
    endpoints.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {"NUANLIU_DB": str(db_path), "NUANLIU_UNANSWERED_DB": str(work / "unanswered.db"),
           "SANIC_HOST": "127.0.0.1", **(env or {})}
    rasa = ([BIN / "rasa", "run", "--enable-api", "--auth-token", API_TOKEN, "--interface", "127.0.0.1",
             "--port", rasa_port,
             "--model", model, "--endpoints", endpoints, "--credentials", ROOT / "credentials.yml"],
            f"http://127.0.0.1:{rasa_port}/status?token={API_TOKEN}", lambda r: bool(r.get("model_id")))
    with running([action_server(action_port), rasa] if with_actions else [rasa], env) as procs:
        pids = dict(zip(["actions", "rasa"] if with_actions else ["rasa"], (p.pid for p in procs), strict=True))
        yield Live(f"http://127.0.0.1:{rasa_port}", work, action_port, env, pids)
