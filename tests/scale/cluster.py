"""Two Rasa servers on PostgreSQL + Redis behind nginx, with one action server, for the scale tests."""
from __future__ import annotations

import secrets
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.channels import identity
from serving.client import get_json, post_json
from serving.processes import free_port, running
from serving.start import PAGE_SECRET_VARIABLE, action_server, environment, rasa_server
from tests.scale import infra

# One citizen's questions, each a whole turn that stores one user event.
BURST = ["抗日老兵每年补助多少", "解放战争老兵每年补助多少", "抗美援朝老兵每年补助多少", "荣立三等功每月加多少",
         "烈士遗属每年多少", "病故军人遗属每年多少", "因公牺牲军人遗属每年多少", "荣立二等功每月加多少"]


@dataclass(frozen=True)
class Cluster:
    rasa: list[str]  # each Rasa server's base URL
    proxy: str  # nginx
    token: str  # the Rasa servers' HTTP API token


@contextmanager
def started(work: Path, db_path: Path, endpoints: Path) -> Iterator[Cluster]:
    """PostgreSQL, Redis, the action server, two Rasa servers started with `endpoints`, and nginx."""
    infra.ensure_packages()
    pg, rd, proxy, actions = free_port(), free_port(), free_port(), free_port()
    rasa_ports = [free_port(), free_port()]
    token = secrets.token_urlsafe(24)
    env = environment({
        "NUANLIU_DB": str(db_path), "NUANLIU_UNANSWERED_DB": str(work / "unanswered.db"), "SANIC_HOST": "127.0.0.1",
        "NUANLIU_RATINGS_DB": str(work / "ratings.db"), "NUANLIU_DAILY_COUNTS_DB": str(work / "daily_counts.db"),
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{actions}/webhook",
        "DB_HOST": "127.0.0.1", "DB_PORT": str(pg), "DB_NAME": infra.DB_NAME, "DB_USER": infra.DB_USER,
        "DB_PASSWORD": infra.DB_PASSWORD, "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(rd),
        PAGE_SECRET_VARIABLE: secrets.token_urlsafe(32),  # one for both servers, as a deployment's
        # The locks are under test, not the shedding of load: a burst of one citizen's turns waits in the lock
        # queue, which the edge counts as turns in flight, and on a slow CI machine it refused one as "busy".
        "NUANLIU_TURN_TARGET_SECONDS": "60",
    })
    # one after the other: the first creates the tables
    servers = [action_server(actions)] + [rasa_server(port, token, endpoints=endpoints) for port in rasa_ports]
    with ExitStack() as stack:
        stack.enter_context(infra.postgres(pg))
        stack.enter_context(infra.redis(work, rd))
        stack.enter_context(running(servers, env))
        stack.enter_context(infra.nginx(work, proxy, rasa_ports))
        yield Cluster([f"http://127.0.0.1:{p}" for p in rasa_ports], f"http://127.0.0.1:{proxy}", token)


def ask(base: str, sender: str, text: str) -> str:
    return "\n".join(m.get("text", "") for m in post_json(f"{base}/webhooks/rest/webhook",
                                                         {"sender": sender, "message": text}, timeout=180))


def user_turns(cluster: Cluster, base: str, sender: str) -> list[str]:
    """What the REST sender said, as the stored conversation (rest-<sender>) holds it."""
    conversation = identity.conversation_id(identity.REST, sender)
    events = get_json(f"{base}/conversations/{conversation}/tracker?token={cluster.token}")["events"]
    return [e["text"] for e in events if e["event"] == "user"]


def burst(cluster: Cluster, sender: str, size: int) -> tuple[dict[str, str], list[str]]:
    """`size` questions of one citizen sent at once, alternating between the servers:
    (each question's reply, the questions the stored conversation holds)."""
    questions = BURST[:size]
    with ThreadPoolExecutor(size) as pool:
        replies = list(pool.map(lambda i: ask(cluster.rasa[i % 2], sender, questions[i]), range(size)))
    return dict(zip(questions, replies, strict=True)), user_turns(cluster, cluster.rasa[0], sender)
