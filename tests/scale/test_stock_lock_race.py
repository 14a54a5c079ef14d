"""Why endpoints.scale.yml names our lock store: under the same bursts as test_scale_out.py,
Rasa's stock RedisLockStore, with Rasa's stock SQL tracker store, answers a turn and then loses it from the
stored conversation (two servers hold the conversation at once; the later save counts the rows the earlier
one wrote and skips its own new events). Our windowed store writes exactly the events a turn added, so it
no longer loses them, but two turns run at once would still each answer from a stale conversation."""
from __future__ import annotations

import pytest
import yaml

from serving.processes import ROOT
from tests.scale.cluster import burst, started

pytestmark = pytest.mark.scale


def test_rasas_stock_redis_lock_store_loses_an_answered_turn_under_simultaneous_turns(tmp_path, db_path):
    config = yaml.safe_load((ROOT / "endpoints.scale.yml").read_text(encoding="utf-8"))
    config["lock_store"] = {"type": "redis", "url": "${REDIS_HOST}", "port": "${REDIS_PORT}", "db": 0}
    config["tracker_store"]["type"] = "SQL"
    endpoints = tmp_path / "endpoints.stock.yml"
    endpoints.write_text(yaml.safe_dump(config), encoding="utf-8")
    with started(tmp_path, db_path, endpoints) as cluster:
        for round_ in range(20):  # the first lost turn proves the race
            try:
                replies, stored = burst(cluster, f"stock-{round_}", 8)
            except TimeoutError:  # a turn left waiting on the stock lock past the client's 180 s: lost to the
                return  # citizen as surely (seen once in CI, 2026-12-05)
            if {q for q, r in replies.items() if "元" in r} - set(stored):
                return
    pytest.fail("the stock lock store kept every answered turn in 20 rounds: this test no longer shows the race")
