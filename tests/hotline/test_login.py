"""Operators' login (bot/hotline/login.py, lookup/plugins/desk_login.py): guessing is throttled and locked out, the hash
never stalls the desk, an unknown name costs what a known one does, no HTTP Basic, and sessions end.

The unit tests move a clock; the server tests use a desk of their own (lockouts would lock the shared one),
posing as other clients through the X-Real-IP header the test desk trusts, as nginx sets it.
"""
from __future__ import annotations

import base64
import http.cookiejar
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import Future, ThreadPoolExecutor
from email.message import Message

import pytest
from datasette_auth_passwords.utils import hash_password

from bot.hotline.login import (
    ACCOUNT_FAILURES,
    CLIENT_FAILURES,
    LOCKOUT,
    Accounts,
    Sessions,
    Throttle,
)
from tests.support.browser import DESKTOP, accessibility_violations, browser, screenshot
from tests.support.lookup_server import (
    OPERATOR,
    OPERATOR2,
    PASSWORD,
    PASSWORD2,
    csrf_token,
    log_in,
    lookup_server,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_account_is_locked_after_its_failures_and_the_right_password_waits_too():
    clock = Clock()
    throttle = Throttle(clock)
    for i in range(ACCOUNT_FAILURES - 1):
        assert throttle.failed("operator", f"10.0.0.{i}") == 0
    assert throttle.failed("operator", "10.0.0.99") == LOCKOUT
    assert throttle.wait("operator", "10.0.0.200") == LOCKOUT  # from any address
    assert throttle.wait("operator2", "10.0.0.200") == 0
    clock.now += LOCKOUT
    assert throttle.wait("operator", "10.0.0.200") == 0


def test_a_client_is_locked_after_its_failures_whatever_names_it_tries():
    throttle = Throttle(Clock())
    for i in range(CLIENT_FAILURES - 1):
        assert throttle.failed(f"name{i}", "203.0.113.5") == 0
    assert throttle.failed("operator", "203.0.113.5") == LOCKOUT
    assert throttle.wait("operator2", "203.0.113.5") == LOCKOUT and throttle.wait("operator2", "203.0.113.6") == 0


def test_failures_spread_wider_than_the_window_do_not_add_up():
    clock = Clock()
    throttle = Throttle(clock)
    for _ in range(ACCOUNT_FAILURES * 3):
        assert throttle.failed("operator", "10.0.0.1") == 0
        clock.now += throttle.window / (ACCOUNT_FAILURES - 1)


def test_a_success_forgets_the_accounts_failures_but_not_the_clients():
    throttle = Throttle(Clock())
    for _ in range(ACCOUNT_FAILURES - 1):
        throttle.failed("operator", "10.0.0.1")
    throttle.succeeded("operator")
    assert throttle.failed("operator", "10.0.0.2") == 0
    assert len(throttle._failures[("client", "10.0.0.1")].times) == ACCOUNT_FAILURES - 1


def test_a_name_that_is_no_account_costs_one_full_hash_like_a_real_one():
    accounts = Accounts({"operator": hash_password("口令", iterations=100_000), "unset": None}, {})

    def seconds(name: str) -> float:
        runs = []
        for _ in range(5):
            began = time.perf_counter()
            assert accounts.verify(name, "wrong") is None
            runs.append(time.perf_counter() - began)
        return statistics.median(runs)

    known, unknown, unset = seconds("operator"), seconds("nobody"), seconds("unset")
    assert 0.5 < unknown / known < 2 and 0.5 < unset / known < 2
    assert accounts.verify("operator", "口令") == {"id": "operator"}


def test_a_session_ends_at_logout_and_after_its_lifetime(tmp_path):
    clock = Clock()
    sessions = Sessions(tmp_path / "sessions.db", clock, lifetime=60)
    first, second = sessions.open({"id": "operator"}), sessions.open({"id": "operator"})
    assert first != second and sessions.actor(first) == {"id": "operator"}
    sessions.close(first)
    assert sessions.actor(first) is None and sessions.actor(second) == {"id": "operator"}
    clock.now += 60
    assert sessions.actor(second) is None and sessions.actor("a guess") is None


def test_a_login_at_one_desk_process_holds_at_another_and_its_file_holds_no_usable_id(tmp_path):
    """Several desk processes behind one address share the sessions; the file keeps hashes, not the ids."""
    one, other = Sessions(tmp_path / "sessions.db"), Sessions(tmp_path / "sessions.db")
    session = one.open({"id": "operator"})
    assert other.actor(session) == {"id": "operator"}
    assert not any(session.encode() in f.read_bytes() for f in tmp_path.iterdir())  # the file and its -wal
    assert oct((tmp_path / "sessions.db").stat().st_mode & 0o777) == "0o600"
    other.close(session)
    assert one.actor(session) is None


@pytest.fixture(scope="module")
def desk(db_path, measures, tmp_path_factory):
    with lookup_server(db_path, measures, tmp_path_factory.mktemp("login")) as server:
        yield server


class Browser:
    """A client with its cookies, posing as `address`, that does not follow redirects (to read Set-Cookie)."""

    def __init__(self, base: str, address: str) -> None:
        self.base, self.address = base, address
        self.jar = http.cookiejar.CookieJar()

        class Stay(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), Stay)

    def open(self, path: str, form: dict | None = None, headers: dict | None = None) -> tuple[int, Message, str]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data,
                                         headers={"X-Real-IP": self.address, **(headers or {})})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def log_in(self, user: str, password: str, headers: dict | None = None) -> tuple[int, Message, str]:
        _, _, page = self.open("/-/login")
        return self.open("/-/login", {"username": user, "password": password, "csrftoken": csrf_token(page)}, headers)


@pytest.mark.server
def test_guessing_an_account_locks_it_and_then_even_the_right_password_is_refused_with_a_clear_message(desk):
    guesser = Browser(desk.base, "198.51.100.1")
    for _ in range(ACCOUNT_FAILURES - 1):
        status, _, page = guesser.log_in(OPERATOR2, "a guess")
        assert status == 200 and "用户名或密码不对" in page
    status, headers, page = guesser.log_in(OPERATOR2, "a guess")
    assert status == 429 and "登录失败次数太多" in page and "分钟后再试" in page and int(headers["Retry-After"]) > 60
    status, headers, page = Browser(desk.base, "198.51.100.2").log_in(OPERATOR2, PASSWORD2)  # the operator, elsewhere
    assert status == 429 and "登录失败次数太多" in page and "Set-Cookie" not in headers


@pytest.mark.browser
@pytest.mark.server
def test_the_lockout_is_told_on_the_login_page_in_plain_chinese_accessibly(desk):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP, extra_http_headers={"X-Real-IP": "198.51.100.8"})
        for _ in range(ACCOUNT_FAILURES):
            log_in(page, desk.base, "locked-out-name", "a guess")  # its own name: the timing test uses another
        assert "登录失败次数太多" in page.inner_text(".message-error")
        screenshot(page, "desk_login_locked_out")
        assert accessibility_violations(page) == []


@pytest.mark.server
def test_one_client_guessing_many_names_is_locked_out_while_others_log_in(desk):
    crowd = Browser(desk.base, "198.51.100.3")
    for i in range(CLIENT_FAILURES - 1):
        assert crowd.log_in(f"name{i}", "a guess")[0] == 200
    assert crowd.log_in("name-last", "a guess")[0] == 429
    assert crowd.log_in(OPERATOR, PASSWORD)[0] == 429
    assert Browser(desk.base, "198.51.100.4").log_in(OPERATOR, PASSWORD)[0] == 302


@pytest.mark.server
def test_http_basic_credentials_open_nothing_and_a_malformed_header_is_no_error(desk):
    visitor = Browser(desk.base, "198.51.100.5")
    right = base64.b64encode(f"{OPERATOR}:{PASSWORD}".encode()).decode()
    assert visitor.open("/unanswered/unanswered.json", headers={"Authorization": f"Basic {right}"})[0] == 403
    for header in ("Basic !!!", "Basic " + base64.b64encode(b"op\xff:x").decode(), "Bearer x"):
        assert visitor.open("/", headers={"Authorization": header})[0] == 200


@pytest.mark.server
def test_an_unknown_name_takes_as_long_as_a_known_one(desk):
    def seconds(name: str, address: str) -> float:
        runs = []
        for i in range(3):
            browser = Browser(desk.base, f"{address}.{i}")
            _, _, page = browser.open("/-/login")
            began = time.monotonic()
            browser.open("/-/login", {"username": name, "password": "wrong", "csrftoken": csrf_token(page)})
            runs.append(time.monotonic() - began)
        return statistics.median(runs)

    known, unknown = seconds(OPERATOR, "198.51.101"), seconds("no-such-operator", "198.51.102")
    assert unknown > known * 0.5, (known, unknown)  # the old login: 0.30 s against 0.01 s


@pytest.mark.server
def test_guesses_in_parallel_do_not_stall_other_operators_searches(desk):
    """Guesses through the login form and in HTTP Basic headers, each from its own address, while an operator
    searches again and again: the searches keep their pace."""
    def guess(i: int) -> int:
        browser = Browser(desk.base, f"198.51.103.{i}")
        if i % 2:
            return browser.log_in(f"guess{i}", "wrong")[0]
        basic = base64.b64encode(f"{OPERATOR}:guess{i}".encode()).decode()
        return browser.open("/unanswered/unanswered.json", headers={"Authorization": f"Basic {basic}"})[0]

    def searches(until: Future) -> list[float]:
        waits = []
        while not until.done() or len(waits) < 3:
            began = time.monotonic()
            urllib.request.urlopen(f"{desk.base}/desk.json?q=" + urllib.parse.quote("抗美援朝补助"), timeout=60).read()
            waits.append(time.monotonic() - began)
        return waits

    with ThreadPoolExecutor(2) as pool:
        guessing = pool.submit(lambda: list(ThreadPoolExecutor(30).map(guess, range(60))))
        waits = pool.submit(searches, guessing).result()
        assert sorted(set(guessing.result())) == [200, 403]
    assert max(waits) < 1.5, waits  # the old login hashed each guess on the event loop: searches waited seconds


@pytest.mark.server
def test_the_session_cookie_is_httponly_strict_expiring_secure_behind_tls_and_ends_at_logout(desk):
    operator = Browser(desk.base, "198.51.100.6")
    status, headers, _ = operator.log_in(OPERATOR, PASSWORD, {"X-Forwarded-Proto": "https"})
    cookie = headers["Set-Cookie"]
    assert status == 302 and "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" in cookie
    assert "Max-Age=36000" in cookie  # a shift; the server forgets the session then too
    plain = Browser(desk.base, "198.51.100.7")
    assert "Secure" not in plain.log_in(OPERATOR, PASSWORD)[1]["Set-Cookie"]  # over plain HTTP the browser would drop it
    saved = {c.name: c.value for c in plain.jar}["ds_actor"]
    assert plain.open("/unanswered/unanswered.json")[0] == 200
    _, _, page = plain.open("/")
    assert plain.open("/-/logout", {"csrftoken": csrf_token(page)})[0] == 302
    replayed = Browser(desk.base, "198.51.100.7")
    replayed.jar.set_cookie(http.cookiejar.Cookie(0, "ds_actor", saved, None, False, "127.0.0.1", False, False, "/",
                                                  True, False, None, False, None, None, {}))
    assert replayed.open("/unanswered/unanswered.json")[0] == 403  # the saved cookie opens nothing after logout
