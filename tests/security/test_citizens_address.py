"""What anyone on the internet can reach at the citizens' address, and what they cannot (SECURITY.md, "What is promised")."""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.security.client import Client

QUESTION, ANSWER = "抗美援朝老兵每年补助多少", "15780元"
# Rasa's HTTP API: conversations, model replacement, status. Never at the public address.
HTTP_API = [("GET", "/conversations/someone/tracker"), ("GET", "/conversations/someone/story"),
            ("POST", "/conversations/someone/tracker/events"), ("POST", "/conversations/someone/trigger_intent"),
            ("PUT", "/model"), ("POST", "/model/parse"), ("GET", "/status"), ("GET", "/version"), ("GET", "/domain")]


def rest(target, sender: str, message: str) -> list[dict]:
    reply = Client().post_json(f"{target.public}/webhooks/rest/webhook", {"sender": sender, "message": message})
    assert reply.status == 200, reply.text
    return reply.json()


@pytest.mark.parametrize("method, path", HTTP_API)
def test_rasas_http_api_is_not_reachable_at_the_public_address(target, method, path):
    reply = Client().send(target.public + path, b"{}" if method != "GET" else None,
                          {"Content-Type": "application/json"}, method)
    assert reply.status == 404, (reply.status, reply.text[:200])


def test_the_channels_and_the_web_page_are_reachable(target):
    page = Client().get(f"{target.public}/webchat/")
    assert page.status == 200 and "暖流助手" in page.text
    assert ANSWER in " ".join(m.get("text", "") for m in rest(target, f"check-{uuid.uuid4().hex}", QUESTION))


def test_every_answer_carries_the_security_headers(target):
    for reply in (Client().get(f"{target.public}/webchat/"), Client().get(f"{target.public}/webchat/static/chat.js"),
                  Client().post_json(f"{target.public}/webhooks/rest/webhook", {"message": "no sender"})):
        policy = reply.headers.get("Content-Security-Policy", "")
        assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy, policy
        assert reply.headers.get("X-Content-Type-Options") == "nosniff"
        assert reply.headers.get("X-Frame-Options") == "DENY" and reply.headers.get("Referrer-Policy") == "no-referrer"
        assert ("Strict-Transport-Security" in reply.headers) == target.tls


def test_a_rest_caller_names_only_conversations_of_its_own_channel(target):
    for sender in ("wechat-oSomeOpenId", "webchat-SomePagesId", "someone"):
        assert {m["recipient_id"] for m in rest(target, sender, "你好")} == {f"rest-{sender}"}


def test_the_web_pages_conversation_answers_only_its_own_token(target):
    client = Client()
    token = client.post_json(f"{target.public}/webchat/session", {}).json()["token"]
    said = client.post_json(f"{target.public}/webchat/webhook", {"message": QUESTION}, {"X-Page-Token": token})
    assert said.status == 200 and ANSWER in " ".join(m.get("text", "") for m in said.json())
    local, signature = token.rsplit(".", 1)
    for shown in ({}, {"X-Page-Token": local}, {"X-Page-Token": f"{local}.{signature[::-1]}"},
                  {"X-Page-Token": f"webchat-{local}"}):
        assert client.post_json(f"{target.public}/webchat/webhook", {"message": "删除我的记录"}, shown).status == 401
        assert client.get(f"{target.public}/webchat/handover?after=0", shown).status == 401
    assert client.get(f"{target.public}/webchat/handover?after=0", {"X-Page-Token": token}).json()["held"] is False


def test_oversized_and_malformed_requests_are_refused(target):
    webhook = f"{target.public}/webhooks/rest/webhook"
    assert Client().post_json(webhook, {"sender": "check", "message": "补" * 70_000}).status == 413
    assert Client().post_json(webhook, {"sender": "x" * 129, "message": "你好"}).status == 400
    assert Client().post_json(webhook, [{"sender": "check", "message": "你好"}]).status == 400


def test_wechats_webhook_refuses_a_request_wechat_did_not_sign(target):
    reply = Client().send(f"{target.public}/webhooks/wechat/webhook?signature=forged&timestamp=1&nonce=1",
                          b"<xml><FromUserName>o</FromUserName><MsgType>text</MsgType><Content>hi</Content></xml>")
    assert reply.status in (403, 503)  # 503: the deployment has no WeChat account configured


def test_one_sender_flooding_is_slowed_with_429_and_retry_after(target):
    sender = f"check-flood-{uuid.uuid4().hex}"

    def one(_: int):
        return Client().post_json(f"{target.public}/webhooks/rest/webhook", {"sender": sender, "message": "你好"})

    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(one, range(40)))
    refused = [r for r in replies if r.status == 429]
    assert refused and all(int(r.headers["Retry-After"]) >= 1 for r in refused)


def test_a_clients_own_x_real_ip_is_overwritten_by_the_proxy(target):
    """Locally only: the test bot trusts X-Real-IP and allows 5 requests a client, and nginx overwrites a caller's
    header with the connection's (loopback here, which has no client limit); against a deployment the suite
    cannot pose as another client."""
    if not target.local:
        pytest.skip("needs the test bot's small limits")
    statuses = [Client().post_json(f"{target.public}/webhooks/rest/webhook", {"sender": f"check-ip-{i}", "message": "你好"},
                                   {"X-Real-IP": "203.0.113.99"}).status for i in range(8)]
    assert statuses == [200] * 8  # a passed-on header would be one client: 429 after 5
