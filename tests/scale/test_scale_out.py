"""`make scale-test`: two Rasa servers on PostgreSQL + Redis behind nginx, one action server.

A conversation whose turns alternate between the servers must keep its
context, and every turn must be stored once: none lost, none answered twice.
"""
from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator

import pytest

from serving.processes import ROOT
from tests.scale.cluster import Cluster, ask, burst, started, user_turns

pytestmark = pytest.mark.scale


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, db_path) -> Iterator[Cluster]:
    with started(tmp_path_factory.mktemp("scale"), db_path, ROOT / "endpoints.scale.yml") as running:
        yield running


TURNS = [  # (question, what the answer must contain): each needs the turn before it
    ("绿色食品认证奖补怎么算", "请告诉我获证产品数"),
    ("我们有3个产品", "24000元"),
    ("要是10个产品呢", "30000元"),
    ("那抗日老兵呢", "21060元"),
]


def test_a_conversation_alternating_between_two_servers_keeps_its_context(cluster):
    for i, (question, expected) in enumerate(TURNS):
        assert expected in ask(cluster.rasa[i % 2], "alternating", question), question
    for base in cluster.rasa:  # both servers see the whole conversation, each turn once
        assert user_turns(cluster, base, "alternating") == [q for q, _ in TURNS]


def test_through_nginx_turns_reach_both_servers_and_none_is_lost_or_doubled(cluster):
    upstreams = set()
    for question, expected in TURNS:
        req = urllib.request.Request(f"{cluster.proxy}/webhooks/rest/webhook", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"sender": "via-nginx", "message": question}).encode())
        with urllib.request.urlopen(req, timeout=60) as r:
            upstreams.add(r.headers["X-Upstream"])
            assert expected in "\n".join(m.get("text", "") for m in json.loads(r.read())), question
    assert len(upstreams) == 2
    assert user_turns(cluster, cluster.rasa[0], "via-nginx") == [q for q, _ in TURNS]


@pytest.mark.parametrize("round_", range(20))
def test_simultaneous_turns_of_one_citizen_on_two_servers_are_each_answered_and_stored_once(cluster, round_):
    """4 to 8 turns at once, half on each server: the lock serialises them, so none overwrites another."""
    size = 4 + round_ % 5
    replies, stored = burst(cluster, f"burst-{round_}", size)
    unanswered = {q: r for q, r in replies.items() if "元" not in r}
    assert not unanswered
    assert sorted(stored) == sorted(replies)
