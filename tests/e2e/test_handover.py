"""Citizens handed over to a person (转人工), over the real servers: the bot, the desk and a fake WeChat API.

One Rasa server (with its action server) configured for customer-service
messages against the fake WeChat API on loopback, and one desk (Datasette)
reading its queue and its HTTP API, as `make run` and `make lookup` do. The
citizen's web page and the operator's console are driven in Chromium, with
screenshots at desktop width in build/screenshots/. What is live is timed: a
change reaches an open page within LIVE_MS (2 s, issue 24's promise).
"""
from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from functools import cache

import pytest

from bot.channels import identity
from bot.channels.edge import FORGOTTEN
from bot.dialogue.handover_settings import (
    MAX_PER_CLIENT_VARIABLE,
    WAIT_VARIABLE,
    handover_settings,
)
from bot.hotline import audit, daily_counts
from bot.hotline.changchun_time import today
from bot.hotline.handover_queue import HandoverQueue
from bot.hotline.pseudonyms import Pseudonyms
from serving.client import get_json, post_json
from serving.start import bot
from tests.support import fake_wechat_api, wechat_requests
from tests.support.browser import DESKTOP, accessibility_violations, browser, screenshot
from tests.support.lookup_server import (
    OPERATOR,
    OPERATOR2,
    PASSWORD,
    PASSWORD2,
    audit_rows,
    audited,
    csrf_token,
    log_in,
    lookup_server,
)
from tests.support.lookup_server import logged_in as logged_in_anew
from tests.support.webchat_page import (
    ANSWER_WAIT_MS,
    bot_bubbles,
    conversation_of,
    open_chat,
    page_conversation,
    page_hears,
    page_says,
    page_token,
    send,
    stored,
    wait_for_answer,
    wait_until_idle,
)
from tests.support.wechat_requests import post, query, reply_text, text_xml

pytestmark = [pytest.mark.model, pytest.mark.server]

WAIT_SECONDS = 6  # nobody takes within this: the citizen is told the hotline (data/handover.yml says 5 minutes)
PER_CLIENT = 2  # conversations one (remote) client may have waiting (data/handover.yml says 5)
LIVE_MS = 2000  # a change reaches an open operator's page within this


@pytest.fixture(scope="module")
def wechat_api():
    with fake_wechat_api.serving() as running:
        yield running


@pytest.fixture(scope="module")
def live(db_path, tmp_path_factory, wechat_api):
    api, _ = wechat_api
    env = {"WECHAT_TOKEN": wechat_requests.TOKEN, "WECHAT_APPID": fake_wechat_api.APP_ID,
           "WECHAT_SECRET": fake_wechat_api.SECRET, "WECHAT_API_BASE": api, WAIT_VARIABLE: str(WAIT_SECONDS),
           MAX_PER_CLIENT_VARIABLE: str(PER_CLIENT), "SANIC_REAL_IP_HEADER": "x-real-ip"}
    with bot(tmp_path_factory.mktemp("handover"), db_path, env=env) as running:
        yield running


@pytest.fixture(scope="module")
def desk(live, db_path, measures, tmp_path_factory):
    env = {"NUANLIU_HANDOVER_DB": str(live.work / "handover.db"), "NUANLIU_AUDIT_DB": str(live.work / "audit.db"),
           "NUANLIU_RASA_URL": live.url, "RASA_API_TOKEN": live.token}
    with lookup_server(db_path, measures, tmp_path_factory.mktemp("desk"), env) as server:
        yield server


@cache
def logged_in(base: str, password: str = PASSWORD, user: str = OPERATOR):
    """An HTTP client logged in, one per operator and desk: each login is anonymous requests, of which the audit log
    writes only ANONYMOUS_PER_MINUTE a minute (and counts the rest)."""
    return logged_in_anew(base, password, user)


def room_for_anonymous_rows(desk, needed: int) -> None:
    """Wait for the next minute if the logins of the tests before have used this minute's anonymous rows."""
    minute = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M")
    [(used,)] = audit_rows(desk, "select count(*) from views where actor is null and time like ?", (f"{minute}%",))
    if used + needed > audit.ANONYMOUS_PER_MINUTE:
        time.sleep(61 - datetime.now(timezone.utc).second)


def queue(live) -> HandoverQueue:
    return HandoverQueue(live.work / "handover.db")


def ask(live, sender: str, text: str, client: str | None = None) -> list[dict]:
    """A REST message (an integration's: its conversation is rest-<sender>); `client` poses as a remote client
    behind the proxy (loopback clients are not counted)."""
    if client is None:
        return post_json(f"{live.url}/webhooks/rest/webhook", {"sender": sender, "message": text})
    request = urllib.request.Request(f"{live.url}/webhooks/rest/webhook", headers={
        "Content-Type": "application/json", "X-Real-IP": client},
        data=json.dumps({"sender": sender, "message": text}).encode())
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode())


def rest(sender: str) -> str:
    """The conversation a REST caller's sender writes in (bot/channels/identity.py)."""
    return identity.conversation_id(identity.REST, sender)


def pseudonym(live, conversation: str) -> str:
    """The desk's name for a citizen's conversation (given on first sight, as the queue page gives it)."""
    return Pseudonyms(live.work / "handover.db").of(conversation)


def text_of(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def handed_over(live, sender: str, question: str = "我的补助什么时候到账") -> str:
    """A REST citizen asks something the bot cannot answer, asks for a person and says yes: their conversation."""
    ask(live, sender, question)
    assert "转人工" in ask(live, sender, "转人工")[0]["text"]
    assert handover_settings().hotline in ask(live, sender, "/affirm")[0]["text"]
    return rest(sender)


def page_handed_over(live, question: str = "我的补助什么时候到账") -> tuple[str, str]:
    """The same on the web page's own channel, without a browser: (the page's token, its conversation)."""
    token = page_token(live.url)
    page_says(live.url, token, question)
    assert "转人工" in page_says(live.url, token, "转人工")[0]["text"]
    assert handover_settings().hotline in page_says(live.url, token, "/affirm")[0]["text"]
    return token, conversation_of(token)


def taken_by_an_operator(chromium, live, desk):
    """A new REST citizen handed over, and an operator's page on their conversation after 接入: (sender, page)."""
    sender = f"c-{uuid.uuid4()}"
    handed_over(live, sender)
    operator = operator_on(chromium, desk, f"/conversation/{pseudonym(live, rest(sender))}")
    operator.click("#take")
    operator.wait_for_selector("#reply")
    return sender, operator


def operator_on(chromium, desk, path: str = "/handover", user: str = OPERATOR, password: str | None = None):
    """An operator's browser page, logged in, at `path`."""
    page = chromium.new_page(viewport=DESKTOP)
    log_in(page, desk.base, user, *([password] if password else []))
    page.goto(desk.base + path)
    return page


def queued_on_the_page(chromium, live, question: str = "我的补助什么时候到账"):
    """A citizen on the web page asks, asks for a person and taps 是: (the page, its conversation)."""
    citizen = open_chat(chromium, live.url + "/webchat/", DESKTOP)
    send(citizen, question)
    assert send(citizen, "转人工") == "需要帮您转人工客服吗？"
    before = len(bot_bubbles(citizen))
    citizen.locator(".options button:not([disabled])", has_text="是").click()
    wait_for_answer(citizen, before)
    return citizen, page_conversation(citizen)


@pytest.mark.browser
def test_the_full_round_trip_on_the_web_page(live, desk):
    """Asks for a person → queue → the operator answers → the page shows it without a reload → closed → the bot."""
    with browser() as chromium:
        citizen, sender = queued_on_the_page(chromium, live)
        assert "已为您转人工客服" in bot_bubbles(citizen)[-1]
        citizen.wait_for_selector("#person-status:has-text('排队中')", timeout=LIVE_MS * 3)
        assert handover_settings().hotline in citizen.locator("#person-status").inner_text()
        citizen.fill("#text", "我再补充一句：是去年申请的")  # the bot stays silent, the operator will read it
        citizen.press("#text", "Enter")
        wait_until_idle(citizen)
        assert "系统暂时无法回答" not in "".join(bot_bubbles(citizen))
        assert citizen.locator(".msg.user").last.locator(".delivered-note").inner_text() == "已送达"

        name = pseudonym(live, sender)
        operator = operator_on(chromium, desk)
        row = operator.locator(f"#row-{name}")
        assert "我的补助什么时候到账" in row.inner_text() and "等待接入" in row.inner_text()
        assert sender not in operator.content()  # the desk names the citizen by pseudonym only
        screenshot(operator, "handover_queue_desktop")
        assert accessibility_violations(operator) == []
        row.locator("button", has_text="接入").click()
        operator.wait_for_selector("text=已接入")
        assert "是去年申请的" in operator.locator("ol.history").inner_text()
        citizen.wait_for_selector("#person-status:has-text('人工客服已接入')", timeout=LIVE_MS * 3)
        citizen.wait_for_selector(".msg.bot .bubble:has-text('人工客服已接入')", timeout=LIVE_MS * 3)
        operator.fill("#reply", "您好，我是人工客服。到账时间请咨询承办部门，我帮您查一下。")
        operator.click("button:has-text('发送')")
        try:
            operator.wait_for_selector("text=已发送给市民", timeout=5000)
        except Exception:
            screenshot(operator, "debug_send")
            print("SAID", operator.locator("#said").inner_text(), operator.content()[-3000:])
            raise
        screenshot(operator, "handover_conversation_desktop")
        assert accessibility_violations(operator) == []

        citizen.wait_for_selector(".msg.person .bubble:has-text('我帮您查一下')", timeout=ANSWER_WAIT_MS)  # no reload
        assert citizen.locator(".msg.person .from").last.inner_text().startswith(handover_settings().operator_label)
        screenshot(citizen, "handover_webchat_operator_answer_desktop")
        assert accessibility_violations(citizen) == []

        operator.click("button:has-text('结束')")
        operator.click("#close-yes")  # 结束 asks to confirm first
        operator.wait_for_selector("text=已结束")
        citizen.wait_for_selector(".msg.bot .bubble:has-text('机器人继续为您服务')", timeout=ANSWER_WAIT_MS)
        citizen.wait_for_selector("#person", state="hidden", timeout=ANSWER_WAIT_MS)
        assert "21060元" in send(citizen, "抗日老兵一年补助多少")
        screenshot(citizen, "handover_webchat_back_to_the_bot_desktop")

    conversation = f"/conversation/{name}"
    assert (OPERATOR, "GET", conversation, 200) in audited(desk, conversation)
    assert [(a, m, s) for a, m, _, s in audited(desk, conversation + "/answer")] == [(OPERATOR, "POST", 200)]
    assert (OPERATOR, "POST", conversation + "/close", 200) in audited(desk, conversation + "/close")
    assert queue(live).open_for(sender) is None


@pytest.mark.browser
def test_the_queue_updates_itself_with_the_count_in_the_title_and_the_menu(live, desk):
    """Nobody reloads: a citizen queued while the page is open appears within 2 s, on every logged-in page."""
    with browser() as chromium:
        queue_page = operator_on(chromium, desk)
        desk_page = operator_on(chromium, desk, "/", OPERATOR2, PASSWORD2)  # another operator, on the desk's search
        queue_page.wait_for_function("document.title !== ''")
        conversation = handed_over(live, f"c-{uuid.uuid4()}")
        queued = time.monotonic()
        name = pseudonym(live, conversation)
        queue_page.wait_for_selector(f"#row-{name}", timeout=LIVE_MS)
        desk_page.wait_for_function("document.getElementById('waiting-count').textContent.includes('人等待')",
                                    timeout=LIVE_MS)
        assert time.monotonic() - queued < LIVE_MS / 1000 + 0.5
        waiting = len(queue(live).waiting()) - sum(e.state == "taken" for e in queue(live).waiting())
        assert queue_page.title().startswith(f"({waiting}) ") and desk_page.title().startswith(f"({waiting}) ")
        assert f"（{waiting}人等待）" in queue_page.locator("header nav").inner_text()
        assert "有1个新的转人工对话" in desk_page.locator("#live-news").inner_text()
        screenshot(queue_page, "console_queue_live_desktop")
        assert accessibility_violations(queue_page) == [] and accessibility_violations(desk_page) == []


@pytest.mark.browser
def test_a_citizens_reply_appears_in_the_open_conversation_and_the_draft_is_kept(live, desk):
    with browser() as chromium:
        sender, operator = taken_by_an_operator(chromium, live, desk)
        assert operator.evaluate("document.activeElement.id") == "reply"  # after 接入, focus is in the reply box
        operator.keyboard.type("您好，您说的补助是")
        ask(live, sender, "就是老兵补助，我爸是抗美援朝老兵")
        said = time.monotonic()
        operator.wait_for_selector("ol.history li.citizen:has-text('我爸是抗美援朝老兵')", timeout=LIVE_MS)
        assert time.monotonic() - said < LIVE_MS / 1000 + 0.5
        assert operator.input_value("#reply") == "您好，您说的补助是"  # the update left the draft alone
        assert operator.evaluate("document.activeElement.id") == "reply"
        operator.reload()
        assert operator.input_value("#reply") == "您好，您说的补助是"  # and a reload brings it back


@pytest.mark.browser
def test_the_answer_cards_for_the_citizens_last_question_are_beside_it_with_the_total(live, desk):
    with browser() as chromium:
        conversation = handed_over(live, f"c-{uuid.uuid4()}", "抗日老兵和解放战争老兵一共多少")
        name = pseudonym(live, conversation)
        operator = operator_on(chromium, desk, f"/conversation/{name}")
        assist = operator.locator("#assist")
        assert "合计：21060元 + 16120元 = 每年37180元" in assist.locator("#total").inner_text()
        titles = assist.locator("article h3").all_inner_texts()
        assert any("抗日老兵" in t for t in titles) and any("解放战争老兵" in t for t in titles)
        operator.click("#take")
        operator.wait_for_selector("#reply")
        operator.locator("#assist button", has_text="放入回复框：抗日老兵").first.click()
        typed = operator.input_value("#reply")
        assert "21060元" in typed and "办理：" in typed and "依据：长春市2017年暖流计划" in typed
        operator.locator("#assist ul.quick button", has_text="稍等").click()
        assert operator.input_value("#reply").endswith("好的，我帮您查一下，请稍等。")  # added, nothing sent
        assert all(e.get("metadata", {}).get("handover") != "operator" for e in live.tracker(conversation)["events"])
        screenshot(operator, "console_assist_desktop")
        assert accessibility_violations(operator) == []


@pytest.mark.browser
def test_the_citizen_can_cancel_the_wait_and_the_operators_page_says_so(live, desk):
    with browser() as chromium:
        citizen, sender = queued_on_the_page(chromium, live)
        citizen.wait_for_selector("#person-status:has-text('排队中')", timeout=LIVE_MS * 3)
        name = pseudonym(live, sender)
        operator = operator_on(chromium, desk, f"/conversation/{name}")
        assert operator.locator("#take").is_visible()
        screenshot(citizen, "handover_webchat_waiting_desktop")
        assert accessibility_violations(citizen) == []
        before = len(bot_bubbles(citizen))
        citizen.click("#cancel-person")
        assert "已取消转人工" in wait_for_answer(citizen, before)
        citizen.wait_for_selector("#person", state="hidden")
        operator.wait_for_selector("#controls[data-state='gone']", timeout=LIVE_MS)
        assert "市民已取消转人工" in operator.locator("#controls").inner_text()
        assert "21060元" in send(citizen, "抗日老兵一年补助多少")  # the bot answers again
        assert queue(live).latest_for(sender).ended == "cancelled"


@pytest.mark.browser
def test_the_pages_own_button_asks_for_a_person_without_knowing_the_words(live, desk):
    with browser() as chromium:
        citizen = open_chat(chromium, live.url + "/webchat/", DESKTOP)
        before = len(bot_bubbles(citizen))
        citizen.click("#ask-person")
        assert wait_for_answer(citizen, before) == "需要帮您转人工客服吗？"
        before = len(bot_bubbles(citizen))
        citizen.locator(".options button:not([disabled])", has_text="是").click()
        assert "已为您转人工客服" in wait_for_answer(citizen, before)
        citizen.wait_for_selector("#person-status:has-text('排队中')", timeout=LIVE_MS * 3)
        assert queue(live).open_for(page_conversation(citizen)) is not None
        assert citizen.locator("#ask-person").is_hidden()  # waiting already: 取消转人工 is the button now
        citizen.click("#cancel-person")
        citizen.wait_for_selector("#ask-person", state="visible", timeout=ANSWER_WAIT_MS)


@pytest.mark.browser
def test_a_citizen_who_starts_a_new_conversation_is_shown_as_gone_and_nothing_more_is_sent(live, desk):
    with browser() as chromium:
        citizen, sender = queued_on_the_page(chromium, live)
        name = pseudonym(live, sender)
        operator = operator_on(chromium, desk, f"/conversation/{name}")
        operator.click("#take")
        operator.wait_for_selector("#reply")
        operator.fill("#reply", "请问您还在吗")
        citizen.on("dialog", lambda dialog: dialog.accept())
        citizen.click("#restart")
        operator.wait_for_selector("#controls[data-state='gone']", timeout=LIVE_MS)
        assert "市民已离开" in operator.locator("#controls").inner_text() and operator.locator("#reply").count() == 0
        assert operator.input_value("#draft-text") == "请问您还在吗"  # what was typed stays, to copy
        assert not queue(live).open_for(sender) and not live.tracker(sender)["paused"]


@pytest.mark.browser
def test_a_citizen_who_deletes_their_records_is_shown_as_gone_with_nothing_of_theirs_left(live, desk):
    with browser() as chromium:
        sender, operator = taken_by_an_operator(chromium, live, desk)
        ask(live, sender, "删除我的记录")
        operator.wait_for_selector("#controls[data-state='gone']", timeout=LIVE_MS)
        assert "市民可能删除了记录" in operator.locator("#controls").inner_text()
        assert "我的补助什么时候到账" not in operator.locator("#history-box").inner_text()


@pytest.mark.browser
def test_an_operator_takes_answers_and_closes_with_the_keyboard_only(live, desk):
    """接入: Enter on the queue page (focus starts on the longest waiting 接入); answer: type, Ctrl+Enter; 结束:
    Tab Tab Enter, then Enter to confirm."""
    for entry in queue(live).waiting():  # this test's citizen is the longest waiting one
        HandoverQueue(queue(live).path).end_by_citizen(entry.sender_id, "left")
    conversation = handed_over(live, f"c-{uuid.uuid4()}")
    with browser() as chromium:
        operator = operator_on(chromium, desk)
        name = pseudonym(live, conversation)
        assert operator.evaluate("document.activeElement.id") == f"take-{name}"
        operator.keyboard.press("Enter")
        operator.wait_for_selector("#reply")
        assert operator.evaluate("document.activeElement.id") == "reply"
        operator.keyboard.type("您好，请讲。")
        where = operator.locator("#reply").bounding_box()["y"]
        operator.keyboard.press("Control+Enter")
        operator.wait_for_selector("text=已发送给市民")
        operator.wait_for_selector("ol.history li.operator:has-text('您好，请讲。')")
        assert abs(operator.locator("#reply").bounding_box()["y"] - where) < 5  # the page did not move under the hands
        assert operator.url.split("#")[0].endswith(f"/conversation/{name}")  # nor was it left
        assert operator.input_value("#reply") == "" and operator.evaluate("document.activeElement.id") == "reply"
        for key in ("Tab", "Tab"):
            operator.keyboard.press(key)
        assert operator.evaluate("document.activeElement.id") == "close"
        operator.keyboard.press("Enter")
        assert operator.evaluate("document.activeElement.id") == "close-yes"
        operator.keyboard.press("Enter")
        operator.wait_for_selector("text=已结束")
    assert [e["text"] for e in live.tracker(conversation)["events"] if e["event"] == "bot"][-2:] == [
        "您好，请讲。", handover_settings().resumed]


@pytest.mark.browser
def test_a_long_unbroken_question_wraps_in_the_queue_and_take_stays_in_view(live, desk):
    conversation = handed_over(live, f"c-{uuid.uuid4()}", "补助" + "A" * 900)
    with browser() as chromium:
        operator = operator_on(chromium, desk)
        name = pseudonym(live, conversation)
        width = operator.evaluate("document.documentElement.scrollWidth")
        take = operator.locator(f"#take-{name}").bounding_box()
        assert width <= DESKTOP["width"] and take["x"] + take["width"] <= DESKTOP["width"]
        screenshot(operator, "console_queue_long_question_desktop")


@pytest.mark.browser
def test_a_page_that_missed_the_reply_announcing_the_handover_learns_of_it_from_its_poll(live):
    token = page_token(live.url)
    page_says(live.url, token, "我的补助什么时候到账")
    with browser() as chromium:
        citizen = open_chat(chromium, live.url + "/webchat/", DESKTOP)
        citizen.evaluate(f"localStorage.setItem('nuanliu.page', '{token}')")
        page_says(live.url, token, "转人工")
        page_says(live.url, token, "/affirm")  # handed over, but this page never saw the reply
        citizen.reload()
        citizen.wait_for_selector("#person-status:has-text('排队中')", timeout=LIVE_MS * 3)
        assert stored(citizen)["nuanliu.person"] == "1"


def sent_to(handler, openid: str) -> list[str]:
    return [body["text"]["content"] for path, _, body in handler.received
            if path == "/cgi-bin/message/custom/send" and body["touser"] == openid]


def operator_does(opener, base: str, name: str, act: str, **form: str) -> str:
    """An operator's POST from the conversation page (with its CSRF token); the page it leads back to."""
    page = opener.open(f"{base}/conversation/{name}", timeout=30).read().decode()
    data = urllib.parse.urlencode({"csrftoken": csrf_token(page), **form}).encode()
    return opener.open(f"{base}/conversation/{name}/{act}", data=data, timeout=30).read().decode()


def test_the_round_trip_on_wechat_goes_through_customer_service_messages(live, desk, wechat_api):
    _, handler = wechat_api
    webhook, openid = live.url + "/webhooks/wechat/webhook", "o-handover-wechat"
    conversation = identity.conversation_id(identity.WECHAT, openid)
    _, offer = post(webhook, text_xml("我要找人工客服", openid=openid, msg_id=301), query())
    assert "转人工" in reply_text(offer) and "1. 是" in reply_text(offer)
    _, queued = post(webhook, text_xml("1", openid=openid, msg_id=302), query())
    assert handover_settings().hotline in reply_text(queued)
    _, waiting = post(webhook, text_xml("我在等", openid=openid, msg_id=303), query())
    assert "留言已收到" in reply_text(waiting) and "最前面" in reply_text(waiting) or "前面还有" in reply_text(waiting)

    name = pseudonym(live, conversation)
    operator = logged_in(desk.base)
    assert "已接入" in operator_does(operator, desk.base, name, "take")
    assert handover_settings().taken in sent_to(handler, openid)
    assert post(webhook, text_xml("好的", openid=openid, msg_id=304), query()) == (200, "success")  # a person has it
    assert "已发送给市民" in operator_does(operator, desk.base, name, "answer", text="您好，请讲您的问题。")
    assert f"{handover_settings().operator_label}：您好，请讲您的问题。" in sent_to(handler, openid)
    too_long = operator_does(operator, desk.base, name, "answer", text="很长的回复" * 150)
    assert "回复太长" in too_long and not any("很长的回复" in t for t in sent_to(handler, openid))
    assert "已结束" in operator_does(operator, desk.base, name, "close")
    assert handover_settings().resumed in sent_to(handler, openid)

    _, answer = post(webhook, text_xml("抗日老兵一年补助多少", openid=openid, msg_id=305), query())
    assert "21060元" in reply_text(answer)
    said = [e["text"] for e in live.tracker(conversation)["events"] if e["event"] == "user"]
    assert "我在等" in said  # kept for the operator while the bot was silent


def test_on_wechat_a_waiting_citizen_is_never_met_with_silence_and_cancels_with_2(live):
    webhook, openid = live.url + "/webhooks/wechat/webhook", "o-handover-cancel"
    post(webhook, text_xml("我要找人工客服", openid=openid, msg_id=401), query())
    post(webhook, text_xml("1", openid=openid, msg_id=402), query())
    for msg_id, text in ((403, "有人吗"), (404, "还要等多久")):
        _, waiting = post(webhook, text_xml(text, openid=openid, msg_id=msg_id), query())
        assert handover_settings().hotline in reply_text(waiting) and "回复2" in reply_text(waiting)
    _, cancelled = post(webhook, text_xml("2", openid=openid, msg_id=405), query())
    assert reply_text(cancelled) == handover_settings().cancelled
    assert queue(live).open_for(identity.conversation_id(identity.WECHAT, openid)) is None
    _, answer = post(webhook, text_xml("抗日老兵一年补助多少", openid=openid, msg_id=406), query())
    assert "21060元" in reply_text(answer)


def test_operators_words_reach_the_page_however_many_messages_the_citizen_sent_between_two_polls(live, desk):
    token, conversation = page_handed_over(live)
    name, operator = pseudonym(live, conversation), logged_in(desk.base)
    operator_does(operator, desk.base, name, "take")
    operator_does(operator, desk.base, name, "answer", text="第一句回复")
    for i in range(8):  # more than a turn's window of the conversation holds
        assert page_says(live.url, token, f"我的第{i}条留言")[0]["custom"]["handover"]["state"] == "taken"
    operator_does(operator, desk.base, name, "answer", text="第二句回复")
    got = page_hears(live.url, token)
    assert [m["text"] for m in got["messages"]] == [handover_settings().taken, "第一句回复", "第二句回复"]
    last = got["messages"][-1]["id"]
    assert page_hears(live.url, token, last)["messages"] == []


@pytest.mark.parametrize("sender", ["rest a/b%2F?x#y", "市民-张三", "%E4%B8%AD", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"])
def test_a_sender_id_that_needs_url_encoding_is_opened_taken_and_closed_at_the_desk(live, desk, sender):
    conversation = handed_over(live, sender)
    operator = logged_in(desk.base)
    listed = operator.open(f"{desk.base}/handover", timeout=30).read().decode()
    name = pseudonym(live, conversation)
    assert f"/conversation/{name}" in listed and sender not in listed
    assert "我的补助什么时候到账" in operator.open(f"{desk.base}/conversation/{name}", timeout=30).read().decode()
    assert "已接入" in operator_does(operator, desk.base, name, "take")
    assert "已结束" in operator_does(operator, desk.base, name, "close")
    assert queue(live).open_for(conversation) is None


def test_waiting_conversations_from_one_client_are_capped_with_a_clear_message(live):
    client = "203.0.113.77"  # a remote client, as nginx names it
    for _ in range(PER_CLIENT):
        sender = f"web-{uuid.uuid4()}"
        ask(live, sender, "转人工", client)
        assert handover_settings().hotline in text_of(ask(live, sender, "/affirm", client))
    refused = f"web-{uuid.uuid4()}"
    ask(live, refused, "转人工", client)
    said = ask(live, refused, "/affirm", client)
    assert text_of(said) == handover_settings().client_full and not any("custom" in m for m in said)
    assert queue(live).open_for(rest(refused)) is None and not live.tracker(rest(refused))["paused"]
    other = f"web-{uuid.uuid4()}"  # another client is not held back
    ask(live, other, "转人工", "203.0.113.78")
    assert handover_settings().queued in text_of(ask(live, other, "/affirm", "203.0.113.78"))


def test_two_operators_racing_for_one_conversation_one_takes_it(live, desk):
    conversation = handed_over(live, f"c-{uuid.uuid4()}")
    name = pseudonym(live, conversation)
    first, second = logged_in(desk.base), logged_in(desk.base, PASSWORD2, OPERATOR2)
    with ThreadPoolExecutor(2) as pool:
        pages = list(pool.map(lambda opener: operator_does(opener, desk.base, name, "take"), [first, second]))
    assert sorted("已接入。请先看完" in page for page in pages) == [False, True]
    assert any("不能重复接入" in page for page in pages)
    assert queue(live).open_for(conversation).taken_by in (OPERATOR, OPERATOR2)


def test_each_handover_is_counted_in_the_days_handovers_for_the_worklist(live):
    def handovers_today() -> int:
        rows = daily_counts.open_counts(live.work / "daily_counts.db")[daily_counts.TABLE].rows_where(
            "day = ? and kind = ?", [today().isoformat(), daily_counts.HANDOVER])
        return sum(row["count"] for row in rows)

    before = handovers_today()
    handed_over(live, f"web-{uuid.uuid4()}")
    assert handovers_today() == before + 1


def test_a_conversation_nobody_takes_is_told_the_hotline_and_stays_queued(live, desk):
    token, sender = page_handed_over(live)
    deadline, said = time.monotonic() + WAIT_SECONDS + 30, []
    while not said and time.monotonic() < deadline:
        time.sleep(1)
        said = page_hears(live.url, token)["messages"]
    assert [m["text"] for m in said] == [handover_settings().no_taker] and handover_settings().hotline in said[0]["text"]
    entry = queue(live).open_for(sender)
    assert entry.state == "queued" and entry.notified_at is not None and entry.notice_delivered
    row = re.search(rf'<tr id="row-{pseudonym(live, sender)}">.*?</tr>',
                    logged_in(desk.base).open(f"{desk.base}/handover", timeout=30).read().decode(), re.S)
    assert "已告知热线" in row.group(0)


def test_the_queue_and_a_conversation_need_a_login_and_every_view_is_audited_without_sender_ids(live, desk):
    sender = f"c-{uuid.uuid4()}"
    conversation = handed_over(live, sender)
    name = pseudonym(live, conversation)
    room_for_anonymous_rows(desk, 3)
    for path in ("/handover", f"/conversation/{name}", "/console/feed.json"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            get_json(desk.base + path)
        assert refused.value.code == 403 and (None, "GET", path, 403) in audited(desk, path)
    page = logged_in(desk.base).open(f"{desk.base}/conversation/{name}", timeout=30).read().decode()
    assert "我的补助什么时候到账" in page and sender not in page
    assert (OPERATOR, "GET", f"/conversation/{name}", 200) in audited(desk, f"/conversation/{name}")
    paths = [path for (path,) in audit_rows(desk, "select path || ' ' || query || ' ' || coalesce(sender, '') from views")]
    assert not any(sender in path for path in paths)


def test_delete_my_records_takes_the_citizens_pseudonym_and_id_out_of_the_operators_audit_log(live, desk):
    token, conversation = page_handed_over(live)
    name = pseudonym(live, conversation)
    logged_in(desk.base).open(f"{desk.base}/conversation/{name}", timeout=30).read()
    assert audited(desk, f"/conversation/{name}")
    assert page_says(live.url, token, "删除我的记录")[0]["text"] == FORGOTTEN
    assert audited(desk, f"/conversation/{name}") == []
    assert (OPERATOR, "GET", 200) in audit_rows(desk, "select actor, method, status from views where path = ?",
                                                ("/conversation/（已删除）",))
    kept = b"".join(p.read_bytes() for p in live.work.glob("audit.db*"))
    assert name.encode() not in kept and conversation.encode() not in kept
    assert Pseudonyms(live.work / "handover.db").sender(name) is None


def test_only_the_page_holding_a_conversations_token_hears_its_operator_or_leaves(live):
    token, conversation = page_handed_over(live)
    local, signature = token.rsplit(".", 1)
    for shown in (None, local, f"{local}.{signature[::-1]}", f"{local}x.{signature}", page_token(live.url) + "x"):
        headers = {identity.TOKEN_HEADER: shown} if shown else {}
        with pytest.raises(urllib.error.HTTPError) as refused:
            get_json_with(f"{live.url}/webchat/handover?after=0", headers)
        assert refused.value.code == 401
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(f"{live.url}/webchat/handover/leave", data=b"",
                                                          headers=headers), timeout=30)
        assert refused.value.code == 401
    assert queue(live).open_for(conversation) is not None  # no stranger made the citizen leave
    assert page_hears(live.url, token)["held"] is True
    assert page_hears(live.url, page_token(live.url)) == {"held": False, "state": "none", "messages": []}
    with pytest.raises(urllib.error.HTTPError) as refused:  # the old way, a sender id in the query, is no way in
        get_json(f"{live.url}/webchat/handover?sender={conversation}&after=0")
    assert refused.value.code == 401


def get_json_with(url: str, headers: dict) -> object:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
        return json.loads(response.read().decode())
