"""`make soak`: 50 simulated citizens for 5 minutes against the embedded default (SQLite), on loopback.

Zero failed turns, and memory flat: the Rasa and action servers' resident
memory after the soak stays within SOAK_MAX_GROWTH of what it was after
warm-up. Both readings are printed and written to build/soak.json.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest

from bench.load import rss_mb, run_locust
from serving.client import post_json
from serving.processes import ROOT
from serving.start import Live, bot

pytestmark = pytest.mark.soak

USERS = 50
SECONDS = int(os.environ.get("SOAK_SECONDS", "300"))
SOAK_MAX_GROWTH = 0.20  # a fifth: room for caches filling, not for a leak per turn
WARM_UP = ["你好", "抗美援朝老兵每年补助多少", "绿色食品认证奖补怎么算", "3个", "我能领什么", "今天天气怎么样"] * 5


@pytest.fixture(scope="module")
def deployed(db_path, tmp_path_factory) -> Iterator[Live]:
    """The bot with the limits it is deployed with (the shared `live` fixture has small ones to test them)."""
    with bot(tmp_path_factory.mktemp("soak"), db_path) as running:
        yield running


def test_fifty_citizens_for_five_minutes_without_a_failure_or_a_leak(deployed):
    live = deployed
    for i, question in enumerate(WARM_UP):
        post_json(f"{live.url}/webhooks/rest/webhook", {"sender": f"warm-{i % 3}", "message": question})
    before = {name: rss_mb(pid) for name, pid in live.pids.items()}
    result = run_locust(live.url, USERS, SECONDS, ROOT / "build" / "soak")
    after = {name: rss_mb(pid) for name, pid in live.pids.items()}
    report = {"users": USERS, "seconds": SECONDS, "requests": result.requests, "failures": result.failures,
              "throughput_msg_s": round(result.throughput, 1), "p95_ms": result.p95_ms,
              "rss_mb_before": {k: round(v) for k, v in before.items()},
              "rss_mb_after": {k: round(v) for k, v in after.items()}}
    (ROOT / "build" / "soak.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(json.dumps(report, ensure_ascii=False))
    assert result.requests > USERS * SECONDS / 10 and result.failures == 0, report
    for name in before:
        assert after[name] <= before[name] * (1 + SOAK_MAX_GROWTH), report
