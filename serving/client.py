"""JSON over HTTP to a running server: the readiness checks, the tests and the benchmarks talk to it alike."""
from __future__ import annotations

import json
import urllib.request


def get_json(url: str, timeout: float = 10) -> dict | list:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.loads(r.read().decode())


def post_json(url: str, payload: object, timeout: float = 60) -> dict | list:
    req = urllib.request.Request(url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read().decode())
