"""Simulated citizens for the soak (make soak) and the throughput benchmark (make bench).

Each user stands for citizens one after another: a conversation of
QUESTIONS_PER_CITIZEN questions under its own sender id, then a new one (a
real citizen asks a handful, not hundreds; an endless conversation would
measure Rasa re-reading an ever longer tracker). Questions come from the
JSON file LOAD_QUESTIONS (the held-out NLU set: every intent, as people word
them; written by bench/load.py) and go through the REST channel, with a pause
between questions (LOAD_WAIT="min,max" seconds; "0" for as fast as
possible). A reply that is empty, "try again later" or "busy" counts as a
failure, as does any HTTP error: a quick refusal must not pass for throughput.
"""
from __future__ import annotations

import itertools
import json
import os
import random
import uuid
from pathlib import Path

from locust import HttpUser, between, constant, task

NOT_ANSWERS = set(json.loads(os.environ["LOAD_NOT_ANSWERS"]))  # "try again later", "busy" (bot/channels/)
QUESTIONS_PER_CITIZEN = 8
QUESTIONS = json.loads(Path(os.environ["LOAD_QUESTIONS"]).read_text(encoding="utf-8"))
_low, _, _high = os.environ.get("LOAD_WAIT", "1,3").partition(",")


class Citizen(HttpUser):
    wait_time = between(float(_low), float(_high)) if _high else constant(float(_low))

    def on_start(self) -> None:
        start = random.randrange(len(QUESTIONS))
        self.asks = itertools.islice(itertools.cycle(QUESTIONS), start, None)
        self.asked = 0

    @task
    def ask(self) -> None:
        if self.asked % QUESTIONS_PER_CITIZEN == 0:
            self.sender = f"load-{uuid.uuid4().hex[:12]}"
        self.asked += 1
        payload = {"sender": self.sender, "message": next(self.asks)}
        with self.client.post("/webhooks/rest/webhook", json=payload, name="rest", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"HTTP {r.status_code}")
                return
            texts = [m.get("text", "") for m in r.json()]
            if not any(texts) or NOT_ANSWERS & set(texts):
                r.failure("no answer")
            else:
                r.success()
