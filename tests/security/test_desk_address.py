"""What a stranger can do at the operators' desk, and what an operator's session is (SECURITY.md, "What is promised")."""
from __future__ import annotations

import base64
import json
import urllib.parse
import uuid

import pytest

from tests.security.client import Client, csrf

PRIVATE = ["/unanswered/unanswered.json", "/ratings/ratings.json", "/daily_counts/daily_counts.json", "/worklist",
           "/handover", "/conversation/K7Q4M"]
INTROSPECTION = ["/-/databases.json", "/-/settings.json", "/-/plugins.json", "/-/versions.json", "/-/threads.json",
                 "/-/metadata.json"]


def test_the_desk_sends_the_security_headers(target, desk):
    for path in ("/", "/desk.json?q=" + urllib.parse.quote("抗美援朝补助"), "/-/login"):
        reply = Client().get(desk + path)
        policy = reply.headers.get("Content-Security-Policy", "")
        assert reply.status == 200 and "frame-ancestors 'none'" in policy and "default-src" in policy, path
        assert reply.headers.get("X-Content-Type-Options") == "nosniff" and reply.headers.get("X-Frame-Options") == "DENY"
        assert reply.headers.get("Referrer-Policy") == "no-referrer"  # the desk's URLs hold callers' words
        assert ("Strict-Transport-Security" in reply.headers) == desk.startswith("https://")


@pytest.mark.parametrize("path", PRIVATE + INTROSPECTION)
def test_citizens_words_and_the_desks_insides_need_a_login(desk, path):
    assert Client().get(desk + path).status == 403


def test_http_basic_credentials_open_nothing_and_a_malformed_header_is_no_error(desk):
    guess = base64.b64encode(b"operator:a-guess").decode()
    for header in (f"Basic {guess}", "Basic !!!", "Basic " + base64.b64encode(b"op\xff:x").decode()):
        assert Client().get(f"{desk}/unanswered/unanswered.json", {"Authorization": header}).status == 403
        assert Client().get(f"{desk}/", {"Authorization": header}).status == 200


def test_guessing_a_password_is_locked_out_with_a_clear_message(desk):
    """A made-up account name: the lockout falls on that name only (and on this address after 20 failures)."""
    client, name = Client(), f"check-{uuid.uuid4().hex[:12]}"
    replies = [client.log_in(desk, name, "a-guess") for _ in range(6)]
    assert [r.status for r in replies][:4] == [200] * 4 and "用户名或密码不对" in replies[0].text
    assert replies[-1].status == 429 and "登录失败次数太多" in replies[-1].text and "分钟后再试" in replies[-1].text
    assert int(replies[-1].headers["Retry-After"]) > 60


def test_the_password_tool_is_gone(desk):
    assert Client().get(f"{desk}/-/password-tool").status == 404


def test_bad_input_is_answered_with_a_4xx_not_a_500(desk):
    client = Client()
    assert client.get(f"{desk}/measures/measures?_sort=no_such_column").status == 400
    assert client.get(f"{desk}/measures/measures.json?_through=not-json").status == 400
    assert client.get(f"{desk}/measures/measure_lookup?_through=" + urllib.parse.quote('{"table": 1}')).status == 400
    through = {"table": "groups", "column": "id", "value": "x"}  # well-formed, but no such foreign key
    assert client.get(f"{desk}/measures/measures?_through=" + urllib.parse.quote(json.dumps(through))).status == 400
    assert client.get(f"{desk}/measures/measure_lookup?_next=x").status == 400
    huge = urllib.parse.urlencode({"q": "义务兵", "card": "former_conscript", "service_years": "9" * 400, "age": "72"})
    calculated = client.get(f"{desk}/desk.json?{huge}")
    assert calculated.status == 200 and "服役年数应是一个数字" in str(calculated.json())
    token = csrf(client.get(f"{desk}/-/login").text)
    not_utf8 = b"username=\xff\xfe&password=x&csrftoken=" + token.encode()
    assert client.send(f"{desk}/-/login", not_utf8, {"Content-Type": "application/x-www-form-urlencoded"}).status == 400
    for kind in ("multipart/form-data", "multipart/form-data; boundary=x"):
        assert client.send(f"{desk}/-/login", b"--x\r\n", {"Content-Type": kind}).status == 415


def test_a_body_over_64_kb_is_refused_before_it_is_read(desk):
    assert Client().send(f"{desk}/-/login", b"x" * (70 * 1024),
                         {"Content-Type": "application/x-www-form-urlencoded"}).status == 413


def test_the_session_is_httponly_strict_expiring_and_ends_at_logout(desk, operator):
    client = Client()
    logged = client.log_in(desk, *operator)
    cookie = " ".join(logged.headers.get_all("Set-Cookie") or [])
    assert logged.status == 302 and "ds_actor=" in cookie, logged.text[:300]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=" in cookie
    assert ("Secure" in cookie) == desk.startswith("https://")
    assert client.get(f"{desk}/unanswered/unanswered.json").status == 200
    saved = [c for c in client.cookies if c.name == "ds_actor"]
    out = client.post_form(f"{desk}/-/logout", {"csrftoken": csrf(client.get(f"{desk}/").text)})
    assert out.status == 302
    replay = Client()
    for c in saved:
        replay.cookies.set_cookie(c)
    assert replay.get(f"{desk}/unanswered/unanswered.json").status == 403  # a saved cookie opens nothing after logout


def test_an_export_with_a_message_pending_for_the_browser_is_no_error(desk, operator):
    client = Client()
    client.log_in(desk, *operator)
    client.post_form(f"{desk}/-/logout", {"csrftoken": csrf(client.get(f"{desk}/").text)})  # leaves 您已退出登录 pending
    assert any(c.name == "ds_messages" for c in client.cookies)
    assert client.get(f"{desk}/measures/measures.csv").status == 200
