"""`make scale-test`: two Rasa servers on PostgreSQL + Redis behind nginx, one action server.

A conversation whose turns alternate between the servers must keep its
context, and every turn must be stored once: none lost, none answered twice.
"""
from __future__ import annotations

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import pytest

from tests.scale import infra
from tests.servers import API_TOKEN, BIN, MODEL, ROOT, action_server, free_port, get_json, post_json, running

pytestmark = pytest.mark.scale


@dataclass(frozen=True)
class Cluster:
    rasa: list[str]  # each Rasa server's base URL
    proxy: str  # nginx


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, db_path) -> Iterator[Cluster]:
    infra.ensure_packages()
    work = tmp_path_factory.mktemp("scale")
    pg, rd, proxy, actions = free_port(), free_port(), free_port(), free_port()
    rasa_ports = [free_port(), free_port()]
    env = {
        "NUANLIU_DB": str(db_path), "NUANLIU_UNANSWERED_DB": str(work / "unanswered.db"), "SANIC_HOST": "127.0.0.1",
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{actions}/webhook",
        "DB_HOST": "127.0.0.1", "DB_PORT": str(pg), "DB_NAME": infra.DB_NAME, "DB_USER": infra.DB_USER,
        "DB_PASSWORD": infra.DB_PASSWORD, "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(rd),
    }
    servers = [action_server(actions)] + [
        ([BIN / "rasa", "run", "--enable-api", "--auth-token", API_TOKEN, "--interface", "127.0.0.1",
          "--port", port, "--model", MODEL, "--endpoints", ROOT / "endpoints.scale.yml",
          "--credentials", ROOT / "credentials.yml"],
         f"http://127.0.0.1:{port}/status?token={API_TOKEN}", lambda r: bool(r.get("model_id")))
        for port in rasa_ports  # one after the other: the first creates the tables
    ]
    with ExitStack() as stack:
        stack.enter_context(infra.postgres(pg))
        stack.enter_context(infra.redis(work, rd))
        stack.enter_context(running(servers, env))
        stack.enter_context(infra.nginx(work, proxy, rasa_ports))
        yield Cluster([f"http://127.0.0.1:{p}" for p in rasa_ports], f"http://127.0.0.1:{proxy}")


def ask(base: str, sender: str, text: str) -> str:
    return "\n".join(m.get("text", "") for m in post_json(f"{base}/webhooks/rest/webhook",
                                                         {"sender": sender, "message": text}))


def user_turns(base: str, sender: str) -> list[str]:
    events = get_json(f"{base}/conversations/{sender}/tracker?token={API_TOKEN}")["events"]
    return [e["text"] for e in events if e["event"] == "user"]


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
        assert user_turns(base, "alternating") == [q for q, _ in TURNS]


def test_through_nginx_turns_reach_both_servers_and_none_is_lost_or_doubled(cluster):
    upstreams = set()
    for question, expected in TURNS:
        req = urllib.request.Request(f"{cluster.proxy}/webhooks/rest/webhook", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"sender": "via-nginx", "message": question}).encode())
        with urllib.request.urlopen(req, timeout=60) as r:
            upstreams.add(r.headers["X-Upstream"])
            assert expected in "\n".join(m.get("text", "") for m in json.loads(r.read())), question
    assert len(upstreams) == 2
    assert user_turns(cluster.rasa[0], "via-nginx") == [q for q, _ in TURNS]


def test_simultaneous_turns_of_one_citizen_on_two_servers_are_each_stored_once(cluster):
    """The Redis lock store serialises them; without it both servers would write over one tracker."""
    questions = ["抗日老兵每年补助多少", "解放战争老兵每年补助多少", "抗美援朝老兵每年补助多少", "荣立三等功每月加多少"]
    with ThreadPoolExecutor(len(questions)) as pool:
        replies = list(pool.map(lambda i: ask(cluster.rasa[i % 2], "simultaneous", questions[i]), range(len(questions))))
    assert all("元" in r for r in replies)
    assert sorted(user_turns(cluster.rasa[1], "simultaneous")) == sorted(questions)
