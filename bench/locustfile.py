"""Simulated citizens for the soak (make soak) and the throughput benchmark (make bench).

Each user is one citizen with their own sender id, asking the questions in
the JSON file LOAD_QUESTIONS (the held-out NLU set: every intent, as people
word them; written by bench/load.py) through the REST channel, with a pause
between questions (LOAD_WAIT="min,max" seconds; "0" for as fast as possible). A reply that is empty or "try again later" counts
as a failure, as does any HTTP error.
"""
from __future__ import annotations

import itertools
import json
import os
import random
import uuid
from pathlib import Path

from locust import HttpUser, between, constant, task

UNAVAILABLE_START = "抱歉，系统暂时无法回答"
QUESTIONS = json.loads(Path(os.environ["LOAD_QUESTIONS"]).read_text(encoding="utf-8"))
_low, _, _high = os.environ.get("LOAD_WAIT", "1,3").partition(",")


class Citizen(HttpUser):
    wait_time = between(float(_low), float(_high)) if _high else constant(float(_low))

    def on_start(self) -> None:
        self.sender = f"load-{uuid.uuid4().hex[:12]}"
        start = random.randrange(len(QUESTIONS))
        self.asks = itertools.islice(itertools.cycle(QUESTIONS), start, None)

    @task
    def ask(self) -> None:
        payload = {"sender": self.sender, "message": next(self.asks)}
        with self.client.post("/webhooks/rest/webhook", json=payload, name="rest", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"HTTP {r.status_code}")
                return
            texts = [m.get("text", "") for m in r.json()]
            if not any(texts) or any(t.startswith(UNAVAILABLE_START) for t in texts):
                r.failure("no answer")
            else:
                r.success()
