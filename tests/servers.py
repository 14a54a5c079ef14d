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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
START_TIMEOUT = 240  # seconds: loading TensorFlow and the model takes ~15–30 s here, more on a busy machine
QUIET_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


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
def running(commands: Sequence[tuple[list, str, Callable[[object], bool]]], env: dict[str, str]) -> Iterator[None]:
    """Start each (command, readiness URL, ready?) in order, waiting for each; stop them all at the end."""
    procs: list[subprocess.Popen] = []
    try:
        for command, url, ready in commands:
            procs.append(subprocess.Popen(
                [str(c) for c in command], cwd=ROOT, env=os.environ | QUIET_ENV | env,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            ))
            _wait_for(url, ready, procs)
        yield
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
