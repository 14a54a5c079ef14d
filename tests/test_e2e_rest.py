"""The whole path `make run` starts: REST → Rasa → action server → measure table → reply."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "nuanliu.tar.gz"
BIN = Path(sys.executable).parent
START_TIMEOUT = 240  # seconds: loading TensorFlow and the model takes ~15–30 s here, more on a busy machine

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.loads(r.read().decode())


def wait_for(url: str, ready, procs: list[subprocess.Popen]) -> None:
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


@pytest.fixture(scope="module")
def rest_url(tmp_path_factory, db_path) -> Iterator[str]:
    assert MODEL.exists(), f"{MODEL} is missing: run `make model` (make test trains it first)"
    work = tmp_path_factory.mktemp("e2e")
    rasa_port, action_port = free_port(), free_port()
    endpoints = work / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {work / 'tracker.db'}\n",
        encoding="utf-8",
    )
    env = os.environ | {"NUANLIU_DB": str(db_path), "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    common = {"cwd": ROOT, "env": env, "stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}
    actions = subprocess.Popen([BIN / "rasa", "run", "actions", "--port", str(action_port)], **common)
    rasa = subprocess.Popen(
        [BIN / "rasa", "run", "--enable-api", "--interface", "127.0.0.1", "--port", str(rasa_port),
         "--model", str(MODEL), "--endpoints", str(endpoints), "--credentials", str(ROOT / "credentials.yml")],
        **common,
    )
    try:
        wait_for(f"http://127.0.0.1:{action_port}/health", lambda r: r.get("status") == "ok", [actions])
        wait_for(f"http://127.0.0.1:{rasa_port}/status", lambda r: bool(r.get("model_id")), [rasa, actions])
        yield f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"
    finally:
        for p in (rasa, actions):
            p.terminate()
        for p in (rasa, actions):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def ask(url: str, text: str, sender: str = "e2e") -> str:
    body = json.dumps({"sender": sender, "message": text}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return "\n".join(m.get("text", "") for m in json.loads(r.read().decode()))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("抗日战争老兵每年的补助标准是多少", ["每年21060元", "市民政局", "关注十"]),
        ("我外公是抗美援朝老兵，今年補助多少", ["每年15780元", "关注十"]),
        ("农村电商示范点的装修和网络设施补助是多少", ["50000元", "关注五"]),
        ("在自己家里搞创业经营，土地租金免几年", ["5年", "市国土局", "关注七"]),
        ("绿色食品认证奖补怎么算", ["请告诉我获证产品数", "关注五"]),
    ],
)
def test_a_rest_question_is_answered_from_the_measure_table(rest_url, question, expected):
    reply = ask(rest_url, question)
    assert all(part in reply for part in expected), reply
    assert len(reply) <= 400


def test_greeting_says_what_the_assistant_covers(rest_url):
    assert "暖流计划" in ask(rest_url, "你好")


def test_an_out_of_scope_question_gets_no_amount(rest_url):
    reply = ask(rest_url, "今天天气怎么样")
    assert "暖流计划" in reply and not re.search(r"\d\s*[万亿]?元", reply)
