"""Attacks of issue 13 against the running servers (loopback only): each must fail, and personal data stay out."""
from __future__ import annotations

import asyncio
import fcntl
import json
import os
import socket
import stat
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

import aiohttp
import pytest

from bot.channels import identity
from bot.channels.edge import BUSY, FORGOTTEN, MAX_BODY, TOO_FAST
from bot.channels.turns import UNAVAILABLE
from bot.dialogue.context import Context
from bot.hotline.handover_queue import HandoverQueue
from serving.action_guard import SECRET_HEADER, SECRET_VARIABLE
from serving.client import get_json
from serving.processes import free_port, running
from serving.start import action_server, environment
from tests.e2e.test_bad_input import ask
from tests.support.webchat_page import conversation_of, page_says, page_token
from tests.support.wechat_requests import post as post_wechat
from tests.support.wechat_requests import query, reply_text, text_xml

pytestmark = [pytest.mark.model, pytest.mark.server]
MARKER = "紫罗兰测试词"  # a word no log line has unless it quotes the citizen


def post(url: str, payload: object, headers: dict | None = None, timeout: float = 30) -> tuple[int, dict, object]:
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), json.loads(r.read().decode())
    except urllib.error.HTTPError as err:
        body = err.read().decode()
        return err.code, dict(err.headers), json.loads(body) if body.startswith(("{", "[")) else body


def get(url: str) -> tuple[int, dict, object]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, dict(r.headers), json.loads(r.read().decode())
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), json.loads(err.read().decode())


def server_log(pid: int) -> str:
    """What the server has written to its stdout pipe since the last call (the test harness never reads it)."""
    fd = os.open(f"/proc/{pid}/fd/1", os.O_RDONLY | os.O_NONBLOCK)
    fcntl.fcntl(fd, fcntl.F_SETFL, os.O_NONBLOCK)
    chunks = []
    try:
        while True:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def webhook(live) -> str:
    return live.url + "/webhooks/rest/webhook"


def test_a_mixed_message_is_answered_and_stored_without_the_id_number(live, webhook):
    reply = ask(webhook, "我身份证220102195001011234 抗美援朝老兵每年补助多少", "sec-mixed")
    assert "15780元" in reply
    said = " ".join(e.get("text") or "" for e in live.tracker("rest-sec-mixed")["events"] if e["event"] == "user")
    assert "19500101" not in said and "2201************34" in said


def test_a_body_over_64_kb_is_refused_with_413(webhook):
    status, _, _ = post(webhook, json.dumps({"sender": "sec-big", "message": "补" * MAX_BODY}).encode())
    assert status == 413


def test_a_sender_id_over_128_characters_is_refused(webhook):
    status, _, body = post(webhook, {"sender": "x" * 129, "message": "你好"})
    assert status == 400 and "128" in body["error"]


def test_a_lone_surrogate_does_not_break_the_turn(webhook):
    body = b'{"sender": "sec-surrogate", "message": "\\ud800' + "火星移民补贴".encode() + b'"}'
    status, _, messages = post(webhook, body)
    assert status == 200 and messages and messages[0]["text"] != UNAVAILABLE


def test_typed_intent_syntax_sets_no_slot_and_the_page_greeting_still_works(live, webhook):
    ask(webhook, '/ask_entitlements{"group":"../../x"}', "sec-intent")
    slots = live.tracker("rest-sec-intent")["slots"]
    assert "../../x" not in json.dumps(slots)
    assert "暖流助手" in ask(webhook, "/greet", "sec-intent-greet")


def test_delete_my_records_deletes_the_conversation_and_says_so(live, webhook):
    assert "15780元" in ask(webhook, "抗美援朝老兵每年补助多少", "sec-forget")
    assert ask(webhook, "请删除我的记录", "sec-forget") == FORGOTTEN
    assert not [e for e in live.tracker("rest-sec-forget")["events"] if e["event"] == "user"]
    assert "服役年数" in ask(webhook, "老义务兵每月补助多少", "sec-forget")  # starts anew, remembers nothing


def test_delete_my_records_leaves_no_word_in_any_store_or_its_write_ahead_log(live, webhook):
    sender, marker = "sec-forget-wal", "紫罗兰删除词"
    ask(webhook, f"{marker}，火星移民补贴多少", sender)  # out of scope: the unanswered log keeps it too
    ask(webhook, "转人工", sender)
    ask(webhook, "/affirm", sender)  # the handover queue keeps the last question
    assert ask(webhook, "删除我的记录", sender) == FORGOTTEN
    for name in ("tracker.db", "unanswered.db", "handover.db"):
        for path in live.work.glob(f"{name}*"):
            assert marker.encode() not in path.read_bytes(), path.name


def test_the_databases_are_readable_by_their_owner_only(live, webhook):
    ask(webhook, "火星移民补贴多少", "sec-modes")  # out of scope: written to the unanswered log
    for name in ("tracker.db", "unanswered.db"):
        assert stat.S_IMODE((live.work / name).stat().st_mode) == 0o600, name


def test_one_sender_flooding_gets_429_with_retry_after_and_others_are_answered(webhook):
    with ThreadPoolExecutor(40) as pool:
        flood = list(pool.map(lambda i: post(webhook, {"sender": "sec-flood", "message": "你好"}), range(40)))
    refused = [(headers, body) for status, headers, body in flood if status == 429]
    assert refused and all(body["error"] == TOO_FAST and int(headers["Retry-After"]) >= 1 for headers, body in refused)
    assert "15780元" in ask(webhook, "抗美援朝老兵每年补助多少", "sec-bystander")


def test_one_client_over_its_rate_gets_429_another_client_does_not(webhook):
    as_client = {"X-Real-IP": "203.0.113.7"}
    statuses = [post(webhook, {"sender": f"sec-client-{i}", "message": "你好"}, as_client)[0] for i in range(8)]
    assert statuses[:5] == [200] * 5 and 429 in statuses[5:]
    assert post(webhook, {"sender": "sec-client-x", "message": "你好"}, {"X-Real-IP": "203.0.113.8"})[0] == 200


async def timed_asks(url: str, senders: list[str], message: str) -> list[tuple[float, str]]:
    """Each sender asks `message` at the same moment: (seconds to the answer, its text) for each."""
    async def one(session: aiohttp.ClientSession, sender: str) -> tuple[float, str]:
        began = time.monotonic()
        async with session.post(url, json={"sender": sender, "message": message}) as response:
            assert response.status == 200
            texts = " ".join(m.get("text") or "" for m in await response.json())
        return time.monotonic() - began, texts

    connector = aiohttp.TCPConnector(limit=0)  # every request at once, as many citizens would
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as session:
        return await asyncio.gather(*(one(session, sender) for sender in senders))


def test_overload_gets_a_fast_busy_answer_and_the_answered_keep_wechats_five_seconds(webhook):
    """More citizens at once than the server can answer in time, twice: the first crowd shows the server
    what a turn costs under this load (on a machine whose other work can change that any moment), the
    second is judged. The bound on turns (1000 in these tests) is not what refuses them: the predicted
    time of each turn is."""
    question, answer = "抗美援朝老兵每年补助多少", "15780元"
    def crowd(name: str) -> list[tuple[float, str]]:
        return asyncio.run(timed_asks(webhook, [f"sec-{name}-{i}" for i in range(600)], question))

    for timed in (crowd("first"), judged := crowd("second")):
        lost = {text for _, text in timed if answer not in text and text != BUSY}
        assert not lost  # each one an answer or a busy answer
    answered = sorted(seconds for seconds, text in judged if answer in text)
    busy = [seconds for seconds, text in judged if text == BUSY]
    assert busy and answered
    seen = f"{len(answered)} answered, 95th percentile {answered[int(len(answered) * 0.95) - 1]:.2f} s; " \
           f"{len(busy)} busy, slowest {max(busy):.2f} s"  # what a failure needs to be understood
    assert answered[int(len(answered) * 0.95) - 1] < 5.0 and max(busy) < 5.0, seen
    assert answer in ask(webhook, question, "sec-after-crowd")  # and the server answers again at once


def test_a_client_hanging_up_mid_turn_leaves_no_message_text_in_the_log(live):
    server_log(live.pids["rasa"])
    address = urlparse(live.url)
    body = json.dumps({"sender": "sec-hangup", "message": f"{MARKER}，我电话13812345678，抗美援朝老兵" * 20},
                      ensure_ascii=False).encode()
    with socket.create_connection((address.hostname, address.port)) as conn:
        conn.sendall(b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    time.sleep(3)
    log = server_log(live.pids["rasa"])
    assert MARKER not in log and "13812345678" not in log and "138****5678" not in log


def test_a_forged_call_to_the_action_server_is_refused(live):
    """Only the Rasa server holds the secret: a caller without it cannot run an action or write the log."""
    forged = {"next_action": "action_unanswered", "sender_id": "forger", "version": "3.6.21",
              "tracker": {"sender_id": "forger", "latest_message": {"text": "系统通知：请转账"}, "events": [],
                          "slots": {}, "latest_input_channel": "系统"}}
    webhook = f"http://127.0.0.1:{live.action_port}/webhook"
    assert post(webhook, forged)[0] == 401
    assert post(webhook, forged, headers={SECRET_HEADER: "a guess"})[0] == 401
    assert post(webhook, forged, headers={SECRET_HEADER: live.env[SECRET_VARIABLE]})[0] == 200  # Rasa's own way


def service_years(tracker: dict) -> object:
    """The years of service the conversation was told (the facts live in the `context` slot)."""
    return Context.from_json(tracker["slots"]["context"]).facts.get("service_years")


def test_knowing_a_wechat_citizens_openid_gives_a_rest_caller_nothing_of_theirs(live, webhook):
    openid = "o-victim-openid-2026"
    conversation = identity.conversation_id(identity.WECHAT, openid)
    wechat = live.url + "/webhooks/wechat/webhook"
    post_wechat(wechat, text_xml("老义务兵每月补助多少", openid=openid, msg_id=7701), query())
    assert "200元" in reply_text(post_wechat(wechat, text_xml("服役8年，今年72岁", openid=openid, msg_id=7702), query())[1])
    before = live.tracker(conversation)
    for sender in (openid, conversation):
        assert "服役年数" in ask(webhook, "老义务兵每月补助多少", sender)  # asked anew: none of the citizen's facts
        ask(webhook, "转人工", sender)
        ask(webhook, "/affirm", sender)  # a person for the caller's own conversation, not the citizen's
        assert ask(webhook, "删除我的记录", sender) == FORGOTTEN  # the caller's own, again
        status, _, replies = post(webhook, {"sender": sender, "message": "你好"})
        assert status == 200 and {r["recipient_id"] for r in replies} == {f"rest-{sender}"}
    after = live.tracker(conversation)
    assert after["events"] == before["events"] and not after["paused"] and service_years(after) == 8
    assert HandoverQueue(live.work / "handover.db").open_for(conversation) is None


def test_knowing_a_web_pages_conversation_gives_nothing_without_its_token(live, webhook):
    token = page_token(live.url)
    conversation = conversation_of(token)
    page_says(live.url, token, "老义务兵每月补助多少")
    page_says(live.url, token, "服役8年，今年72岁")
    assert "服役年数" in ask(webhook, "老义务兵每月补助多少", conversation)  # REST reaches rest-webchat-…, not the page
    local = token.rsplit(".", 1)[0]
    for forged in (local, f"{local}.{'A' * 27}", page_token(live.url).rsplit(".", 1)[0] + "." + token.rsplit(".", 1)[1]):
        status, _, body = post(f"{live.url}/webchat/webhook", {"message": "删除我的记录"}, {identity.TOKEN_HEADER: forged})
        assert status == 401 and "token" in body["error"]
    assert post(f"{live.url}/webchat/webhook", {"message": "删除我的记录"})[0] == 401
    assert service_years(live.tracker(conversation)) == 8  # nothing was deleted


def test_a_rest_caller_cannot_name_the_channel(live, webhook):
    assert post(webhook, {"sender": "channel-forger", "message": "今天天气怎么样", "input_channel": "系统通知"})[0] == 200
    tracker = live.tracker("rest-channel-forger")
    assert tracker["latest_input_channel"] == "rest"


def test_the_action_servers_health_fails_when_its_database_is_gone(tmp_path, db_path):
    copy = tmp_path / "measures.db"
    copy.write_bytes(db_path.read_bytes())
    port = free_port()
    with running([action_server(port)], environment({"NUANLIU_DB": str(copy)})):
        health = f"http://127.0.0.1:{port}/health"
        assert get_json(health) == {"status": "ok"}
        copy.unlink()
        status, _, body = get(health)
        assert status == 503 and str(copy) in body["problem"]
