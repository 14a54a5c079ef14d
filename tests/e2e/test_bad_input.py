"""Bad input and security at the running bot: a clear reply or a clear HTTP error, never a crash or a leak."""
from __future__ import annotations

import re
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.channels.turns import UNAVAILABLE
from serving.client import post_json

pytestmark = [pytest.mark.model, pytest.mark.server]


@pytest.fixture(scope="module")
def webhook(live) -> str:
    return live.url + "/webhooks/rest/webhook"


def ask(webhook: str, text: str, sender: str) -> str:
    return "\n".join(m.get("text", "") for m in post_json(webhook, {"sender": sender, "message": text}))


def raw_post(url: str, body: bytes, content_type: str = "application/json") -> tuple[int, str]:
    req = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


@pytest.mark.parametrize(
    "name, text",
    [("empty", ""), ("blank", "   \n\t "), ("emoji", "😀😀😀👍"), ("sql", "'; DROP TABLE measures; --"),
     ("long", "抗美援朝老兵补助多少" * 1000)],
)
def test_odd_messages_get_a_short_reply_without_an_invented_amount(webhook, name, text):
    reply = ask(webhook, text, f"bad-{name}")
    assert reply and reply != UNAVAILABLE and len(reply) <= 400
    if name != "long":
        assert not re.search(r"\d\s*[万亿]?元", reply), reply


def test_sql_looking_text_leaves_the_measure_table_intact(webhook, db_path):
    ask(webhook, "'; DROP TABLE measures; --", "bad-sql-2")
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        assert conn.execute("select count(*) from measures").fetchone()[0] == 72


@pytest.mark.parametrize(
    "question, expected",
    [("服役-3年的老义务兵每月多少", "不像实际情况"), ("服役500年的老义务兵每月多少", "不像实际情况"),
     ("绿色食品认证有10000个产品奖多少", "获证产品数")],
)
def test_absurd_numbers_are_refused_with_the_rule(webhook, question, expected):
    reply = ask(webhook, question, f"bad-{question}")
    assert expected in reply and "计算：" not in reply  # the rule is stated, nothing is computed from the number


def test_mixed_traditional_simplified_and_full_width_text_is_understood(webhook):
    assert "15780元" in ask(webhook, "我外公是抗美援朝老兵，今年補助多少？ＯＫ", "bad-mixed")


@pytest.mark.parametrize(
    "body, content_type, error",
    [(b'{"sender": "x", "message": "abc', "application/json", "not valid JSON"),
     (b"[1, 2]", "application/json", "JSON object"),
     (b'{"message": "hi"}', "application/json", "sender is required"),
     (b'{"sender": "x"}', "application/json", "message is required"),
     (b"sender=x&message=hi", "application/x-www-form-urlencoded", "not valid JSON")],
)
def test_malformed_requests_get_a_400_naming_the_problem(webhook, body, content_type, error):
    status, text = raw_post(webhook, body, content_type)
    assert status == 400 and error in text and "Traceback" not in text


def test_the_http_api_needs_the_token(live):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{live.url}/conversations/bad-sql/tracker", timeout=10)
    assert refused.value.code == 401
    assert live.tracker("rest-bad-sql")["sender_id"] == "rest-bad-sql"


def test_the_api_token_protects_the_api_without_appearing_on_the_rasa_command_line(live):
    """/proc/<pid>/cmdline is what `ps` shows every user of the machine."""
    cmdline = Path(f"/proc/{live.pids['rasa']}/cmdline").read_bytes().decode().split("\0")
    assert "--enable-api" in cmdline and "--auth-token" not in cmdline
    assert not any(live.token in argument for argument in cmdline)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{live.url}/status", timeout=10)
    assert refused.value.code == 401
    with urllib.request.urlopen(f"{live.url}/status?token={live.token}", timeout=10) as allowed:
        assert allowed.status == 200


def test_id_card_and_phone_numbers_never_reach_the_tracker_store(webhook, live):
    reply = ask(webhook, "我身份证是220102195001011234，电话13812345678，我是抗日老兵，能领什么", "bad-pii")
    assert "21060元" in reply  # the answer still works
    stored = str(live.tracker("rest-bad-pii"))
    assert "220102195001011234" not in stored and "13812345678" not in stored
    with sqlite3.connect(live.work / "tracker.db") as conn:
        assert not any("13812345678" in str(row) for row in conn.execute("select * from events"))


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on the port, from /proc/net/tcp (hex, little-endian IPv4)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
            found.add(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


def test_the_action_server_listens_on_loopback_only(live):
    assert listening_addresses(live.action_port) == {"127.0.0.1"}
