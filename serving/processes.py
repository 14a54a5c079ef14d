"""Server processes: start each on its port, wait until it answers, stop them all cleanly.

Generic over what is started (Rasa, the action server, Datasette), so every
caller waits for readiness and stops the same way.
"""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from serving.client import get_json

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 240  # seconds: loading TensorFlow and the model takes ~15–30 s here, more on a busy machine
STOP_TIMEOUT = 30


@dataclass(frozen=True)
class Server:
    """One server: its command line, the URL that answers JSON once it serves, and what that JSON must say."""
    command: list[str]
    ready_url: str
    ready: Callable[[Any], bool]  # given the JSON the ready URL answers
    env: Mapping[str, str] = field(default_factory=dict)  # this server's own variables (e.g. a secret kept out of argv)


def stop_on_termination() -> None:
    """Make SIGTERM and SIGHUP (a service manager stopping us, a closed terminal) end this process the way
    Ctrl-C does, through `running`'s clean-up: by default they kill it at once and leave its servers
    running, holding their ports (seen: `kill` on `python -m serving run`)."""
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda *_: sys.exit(0))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(log: IO[str] | None) -> str:
    if log is None:
        return "(its output went to the terminal)"
    log.seek(0)
    return log.read()[-3000:]


def _wait_for(server: Server, procs: Sequence[tuple[subprocess.Popen, IO[str] | None]]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        for proc, log in procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{server.command[:4]} exited with {proc.returncode}: {_tail(log)}")
        try:
            if server.ready(get_json(server.ready_url)):
                return
        except OSError:
            pass
        time.sleep(1)
    raise TimeoutError(f"{server.ready_url} not ready after {START_TIMEOUT} s: {_tail(procs[-1][1])}")


@contextmanager
def running(servers: Sequence[Server], env: Mapping[str, str], quiet: bool = True) -> Iterator[list[subprocess.Popen]]:
    """Start each server in order (from the project's root, with `env` and its own variables), waiting until
    each is ready before the next, and stop them all at the end. Quiet servers write to a temporary file
    (shown if one fails to start) rather than to a pipe nobody reads, which would block them once full."""
    procs: list[tuple[subprocess.Popen, IO[str] | None]] = []
    with ExitStack() as logs:
        try:
            for server in servers:
                log = logs.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) if quiet else None
                proc = subprocess.Popen([str(c) for c in server.command], cwd=ROOT, env={**env, **server.env},
                                        stdout=log, stderr=subprocess.STDOUT if quiet else None, text=True)
                procs.append((proc, log))
                _wait_for(server, procs)
            yield [proc for proc, _ in procs]
        finally:
            for proc, _ in procs:
                proc.terminate()
            for proc, _ in procs:
                try:
                    proc.wait(timeout=STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()

