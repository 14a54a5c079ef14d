"""Citizens handed over to a person (转人工), over the real servers: the bot, the desk and a fake WeChat API.

One Rasa server (with its action server) configured for customer-service
messages against the fake WeChat API on loopback, and one desk (Datasette)
reading its queue and its HTTP API, as `make run` and `make lookup` do. The
citizen's web page and the operator's desk are driven in Chromium, with
screenshots at desktop width in build/screenshots/.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.channels import identity
from bot.channels.edge import FORGOTTEN
from bot.dialogue.handover_settings import WAIT_VARIABLE, handover_settings
from bot.hotline import daily_counts
from bot.hotline.changchun_time import today
from bot.hotline.handover_queue import HandoverQueue
from serving.client import get_json
from serving.start import bot
from tests.support import fake_wechat_api, wechat_requests
from tests.support.browser import DESKTOP, accessibility_violations, browser, screenshot
from tests.support.lookup_server import (
    OPERATOR,
    OPERATOR2,
    PASSWORD2,
    audit_rows,
    audited,
    csrf_token,
    log_in,
    logged_in,
    lookup_server,
)
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
    wait_until_idle,
)
from tests.support.wechat_requests import post, query, reply_text, text_xml

pytestmark = [pytest.mark.model, pytest.mark.server]

WAIT_SECONDS = 6  # nobody takes within this: the citizen is told the hotline (data/handover.yml says 5 minutes)


@pytest.fixture(scope="module")
def wechat_api():
    with fake_wechat_api.serving() as running:
        yield running


@pytest.fixture(scope="module")
def live(db_path, tmp_path_factory, wechat_api):
    api, _ = wechat_api
    env = {"WECHAT_TOKEN": wechat_requests.TOKEN, "WECHAT_APPID": fake_wechat_api.APP_ID,
           "WECHAT_SECRET": fake_wechat_api.SECRET, "WECHAT_API_BASE": api, WAIT_VARIABLE: str(WAIT_SECONDS)}
    with bot(tmp_path_factory.mktemp("handover"), db_path, env=env) as running:
        yield running


@pytest.fixture(scope="module")
def desk(live, db_path, measures, tmp_path_factory):
    env = {"NUANLIU_HANDOVER_DB": str(live.work / "handover.db"), "NUANLIU_AUDIT_DB": str(live.work / "audit.db"),
           "NUANLIU_RASA_URL": live.url, "RASA_API_TOKEN": live.token}
    with lookup_server(db_path, measures, tmp_path_factory.mktemp("desk"), env) as server:
        yield server


def queue(live) -> HandoverQueue:
    return HandoverQueue(live.work / "handover.db")


def handed_over(live, question: str = "我的补助什么时候到账") -> tuple[str, str]:
    """A citizen of the web page asks something the bot cannot answer, asks for a person and says yes: (the page's
    token, its conversation)."""
    token = page_token(live.url)
    page_says(live.url, token, question)
    assert "转人工" in page_says(live.url, token, "转人工")[0]["text"]
    assert handover_settings().hotline in page_says(live.url, token, "/affirm")[0]["text"]
    return token, conversation_of(token)


@pytest.mark.browser
def test_the_full_round_trip_on_the_web_page(live, desk):
    """Asks for a person → queue → the operator answers → the page shows it without a reload → closed → the bot."""
    with browser() as chromium:
        citizen = open_chat(chromium, live.url + "/webchat/", DESKTOP)
        send(citizen, "我的补助什么时候到账")
        assert send(citizen, "转人工") == "需要帮您转人工客服吗？"
        before = len(bot_bubbles(citizen))
        citizen.locator(".options button:not([disabled])", has_text="是").click()
        citizen.wait_for_function(f"document.querySelectorAll('.msg.bot:not(.typing) .bubble').length > {before}",
                                  timeout=ANSWER_WAIT_MS)
        assert "已为您转人工客服" in bot_bubbles(citizen)[-1] and citizen.locator("#person").is_visible()
        sender = page_conversation(citizen)
        citizen.fill("#text", "我再补充一句：是去年申请的")  # the bot stays silent, the operator will read it
        citizen.press("#text", "Enter")
        wait_until_idle(citizen)
        assert "系统暂时无法回答" not in "".join(bot_bubbles(citizen))

        operator = chromium.new_page(viewport=DESKTOP)
        log_in(operator, desk.base)
        operator.goto(f"{desk.base}/handover")
        row = operator.locator("tr", has=operator.locator(f"a[href='/conversation/{sender}']"))
        assert "我的补助什么时候到账" in row.inner_text() and "等待接入" in row.inner_text()
        screenshot(operator, "handover_queue_desktop")
        assert accessibility_violations(operator) == []
        row.locator("button", has_text="接入").click()
        operator.wait_for_selector("text=已接入")
        assert "是去年申请的" in operator.locator("ol.history").inner_text()
        operator.fill("#reply", "您好，我是人工客服。到账时间请咨询承办部门，我帮您查一下。")
        operator.click("button:has-text('发送')")
        operator.wait_for_selector("text=已发送给市民")
        screenshot(operator, "handover_conversation_desktop")
        assert accessibility_violations(operator) == []

        citizen.wait_for_selector(".msg.person .bubble:has-text('我帮您查一下')", timeout=ANSWER_WAIT_MS)  # no reload
        assert citizen.locator(".msg.person .from").last.inner_text().startswith(handover_settings().operator_label)
        screenshot(citizen, "handover_webchat_operator_answer_desktop")
        assert accessibility_violations(citizen) == []

        operator.click("button:has-text('结束')")
        operator.wait_for_selector("text=已结束")
        citizen.wait_for_selector(".msg.bot .bubble:has-text('机器人继续为您服务')", timeout=ANSWER_WAIT_MS)
        citizen.wait_for_selector("#person", state="hidden", timeout=ANSWER_WAIT_MS)
        assert "21060元" in send(citizen, "抗日老兵一年补助多少")
        screenshot(citizen, "handover_webchat_back_to_the_bot_desktop")

    conversation = f"/conversation/{sender}"
    assert (OPERATOR, "GET", conversation, 200) in audited(desk, conversation)
    assert [(a, m, s) for a, m, _, s in audited(desk, conversation + "/answer")] == [(OPERATOR, "POST", 302)]
    assert (OPERATOR, "POST", conversation + "/close", 302) in audited(desk, conversation + "/close")
    assert queue(live).open_for(sender) is None


def sent_to(handler, openid: str) -> list[str]:
    return [body["text"]["content"] for path, _, body in handler.received
            if path == "/cgi-bin/message/custom/send" and body["touser"] == openid]


def operator_does(opener, base: str, sender: str, act: str, **form: str) -> str:
    """An operator's POST from the conversation page (with its CSRF token); the page it leads back to."""
    page = opener.open(f"{base}/conversation/{sender}", timeout=30).read().decode()
    data = urllib.parse.urlencode({"csrftoken": csrf_token(page), **form}).encode()
    return opener.open(f"{base}/conversation/{sender}/{act}", data=data, timeout=30).read().decode()


def test_the_round_trip_on_wechat_goes_through_customer_service_messages(live, desk, wechat_api):
    _, handler = wechat_api
    webhook, openid = live.url + "/webhooks/wechat/webhook", "o-handover-wechat"
    conversation = identity.conversation_id(identity.WECHAT, openid)
    _, offer = post(webhook, text_xml("我要找人工客服", openid=openid, msg_id=301), query())
    assert "转人工" in reply_text(offer) and "1. 是" in reply_text(offer)
    _, queued = post(webhook, text_xml("1", openid=openid, msg_id=302), query())
    assert handover_settings().hotline in reply_text(queued)
    assert post(webhook, text_xml("我在等", openid=openid, msg_id=303), query()) == (200, "success")  # silent

    operator = logged_in(desk.base)
    assert "已接入" in operator_does(operator, desk.base, conversation, "take")
    assert "已发送给市民" in operator_does(operator, desk.base, conversation, "answer", text="您好，请讲您的问题。")
    assert f"{handover_settings().operator_label}：您好，请讲您的问题。" in sent_to(handler, openid)
    assert "已结束" in operator_does(operator, desk.base, conversation, "close")
    assert handover_settings().resumed in sent_to(handler, openid)

    _, answer = post(webhook, text_xml("抗日老兵一年补助多少", openid=openid, msg_id=304), query())
    assert "21060元" in reply_text(answer)
    said = [e["text"] for e in live.tracker(conversation)["events"] if e["event"] == "user"]
    assert "我在等" in said  # kept for the operator while the bot was silent


def test_two_operators_racing_for_one_conversation_one_takes_it(live, desk):
    _, sender = handed_over(live)
    first, second = logged_in(desk.base), logged_in(desk.base, PASSWORD2, OPERATOR2)
    with ThreadPoolExecutor(2) as pool:
        pages = list(pool.map(lambda opener: operator_does(opener, desk.base, sender, "take"), [first, second]))
    assert sorted("已接入" in page for page in pages) == [False, True]
    assert any("不能重复接入" in page for page in pages)
    assert queue(live).open_for(sender).taken_by in (OPERATOR, OPERATOR2)


def test_each_handover_is_counted_in_the_days_handovers_for_the_worklist(live):
    def handovers_today() -> int:
        rows = daily_counts.open_counts(live.work / "daily_counts.db")[daily_counts.TABLE].rows_where(
            "day = ? and kind = ?", [today().isoformat(), daily_counts.HANDOVER])
        return sum(row["count"] for row in rows)

    before = handovers_today()
    handed_over(live)
    assert handovers_today() == before + 1


def test_a_conversation_nobody_takes_is_told_the_hotline_and_stays_queued(live):
    token, sender = handed_over(live)
    deadline, said = time.monotonic() + WAIT_SECONDS + 30, []
    while not said and time.monotonic() < deadline:
        time.sleep(1)
        said = page_hears(live.url, token)["messages"]
    assert [m["text"] for m in said] == [handover_settings().no_taker] and handover_settings().hotline in said[0]["text"]
    entry = queue(live).open_for(sender)
    assert entry.state == "queued" and entry.notified_at is not None


def test_the_queue_and_a_conversation_need_a_login_and_every_view_is_audited(live, desk):
    _, sender = handed_over(live)
    for path in ("/handover", f"/conversation/{sender}"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            get_json(desk.base + path)
        assert refused.value.code == 403 and (None, "GET", path, 403) in audited(desk, path)
    page = logged_in(desk.base).open(f"{desk.base}/conversation/{sender}", timeout=30).read().decode()
    assert "我的补助什么时候到账" in page
    assert (OPERATOR, "GET", f"/conversation/{sender}", 200) in audited(desk, f"/conversation/{sender}")


def test_delete_my_records_takes_the_citizens_id_out_of_the_operators_audit_log(live, desk):
    token, sender = handed_over(live)
    logged_in(desk.base).open(f"{desk.base}/conversation/{sender}", timeout=30).read()
    assert audited(desk, f"/conversation/{sender}")
    assert page_says(live.url, token, "删除我的记录")[0]["text"] == FORGOTTEN
    assert audited(desk, f"/conversation/{sender}") == []
    assert (OPERATOR, "GET", 200) in audit_rows(desk, "select actor, method, status from views where path = ?",
                                                ("/conversation/（已删除）",))
    assert sender.encode() not in b"".join(p.read_bytes() for p in live.work.glob("audit.db*"))


def test_only_the_page_holding_a_conversations_token_hears_its_operator(live):
    token, _ = handed_over(live)
    local, signature = token.rsplit(".", 1)
    for shown in (None, local, f"{local}.{signature[::-1]}", f"{local}x.{signature}", page_token(live.url) + "x"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            get_json_with(f"{live.url}/webchat/handover?since=0", {identity.TOKEN_HEADER: shown} if shown else {})
        assert refused.value.code == 401
    assert page_hears(live.url, token)["held"] is True
    assert page_hears(live.url, page_token(live.url)) == {"held": False, "messages": []}


def get_json_with(url: str, headers: dict) -> object:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
        return json.loads(response.read().decode())
