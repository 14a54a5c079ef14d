"""The web chat page when things go wrong, when a message is long, and between two people on one phone."""
from __future__ import annotations

import pytest

from bot.channels.edge import FORGOTTEN
from bot.channels.turns import MAX_MESSAGE
from bot.privacy.masking import mask
from tests.privacy.test_masking import PERSONAL_DATA
from tests.support.browser import PHONE, accessibility_violations, browser, screenshot
from tests.support.webchat_page import (
    ANSWER_WAIT_MS,
    bot_bubbles,
    open_chat,
    page_conversation,
    send,
    stored,
    wait_for_answer,
    wait_until_idle,
)

pytestmark = [pytest.mark.model, pytest.mark.server]
WEBHOOK = "**/webchat/webhook"
QUESTION = "抗日老兵补助多少"


@pytest.fixture(scope="module")
def page_url(live) -> str:
    return live.url + "/webchat/"


def user_bubbles(page) -> list[str]:
    return page.locator(".msg.user .bubble").all_inner_texts()


def fail_next_send(page, route_action) -> None:
    """The next message fails as `route_action(route)` makes it fail; later ones reach the server."""
    page.route(WEBHOOK, route_action, times=1)
    page.fill("#text", QUESTION)
    page.press("#text", "Enter")
    page.wait_for_selector(".msg.user.failed", timeout=ANSWER_WAIT_MS)


@pytest.mark.browser
def test_a_failed_message_is_marked_and_resent_once_without_a_duplicate(page_url):
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        fail_next_send(page, lambda route: route.abort("internetdisconnected"))
        assert "网络" in page.inner_text("#notice") and "!" in page.inner_text("#notice")
        assert page.locator(".msg.user.failed .failed-note").inner_text().startswith("未发出")  # words, not only red
        assert accessibility_violations(page) == []
        screenshot(page, "webchat_phone_failed")

        before = len(bot_bubbles(page))
        page.click(".msg.user.failed button.resend")
        assert "21060元" in wait_for_answer(page, before)
        assert user_bubbles(page) == [QUESTION]
        assert page.locator(".msg.failed, .resend").count() == 0 and page.is_hidden("#notice")
        mine = [e for e in stored(page)["nuanliu.history"] if e["who"] == "user"]
        assert [(e["text"], e.get("failed")) for e in mine] == [(QUESTION, False)]

        page.reload()
        wait_for_answer(page, 0)
        assert user_bubbles(page) == [QUESTION]


@pytest.mark.browser
@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_server_error_is_worded_as_the_systems_fault(page_url, status):
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        fail_next_send(page, lambda route: route.fulfill(status=status, body="error"))
        notice = page.inner_text("#notice")
        assert notice.startswith("系统繁忙，请稍后再试") and "网络" not in notice


@pytest.mark.browser
def test_a_busy_server_is_shown_calmly_with_when_to_try_again(page_url):
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        fail_next_send(page, lambda route: route.fulfill(status=429, headers={"Retry-After": "30"}, body=""))
        notice = page.inner_text("#notice")
        assert "咨询的人比较多" in notice and "30秒后再试" in notice and "网络" not in notice
        assert page.locator(".msg.user.failed").count() == 1  # kept, to send again


@pytest.mark.browser
def test_a_900_character_message_reaches_the_server_whole(live, page_url):
    question = "我外公是抗美援朝老兵，今年补助多少？"
    text = ("我家的情况比较复杂，请耐心看完。" * 60)[: 900 - len(question)] + question
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        page.fill("#text", text)
        assert page.is_visible("#counter") and "900" in page.inner_text("#counter")  # near the limit: counted
        before = len(bot_bubbles(page))
        page.press("#text", "Enter")
        wait_for_answer(page, before)
        assert user_bubbles(page) == [text]
        sender = page_conversation(page)
    said = [e["text"] for e in live.tracker(sender)["events"] if e["event"] == "user"]
    assert said[-1] == text and len(text) == 900


@pytest.mark.browser
def test_a_message_over_the_servers_limit_is_refused_with_the_reason_and_kept(page_url):
    text = "抗" * (MAX_MESSAGE + 1)
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        page.fill("#text", text)
        assert "超出1字" in page.inner_text("#counter")
        page.press("#text", "Enter")
        assert "太长" in page.inner_text("#notice")
        assert page.input_value("#text") == text and user_bubbles(page) == []


@pytest.mark.browser
def test_new_conversation_forgets_the_history_the_numbers_and_the_conversation(page_url):
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        send(page, "我电话13812345678，身份证220102195001011234，卡号6222 0212 3456 7890，能领什么")
        assert "13812345678" not in page.content() and "138****5678" in user_bubbles(page)[0]
        kept = str(stored(page))
        assert "138****5678" in kept and not any(n in kept for n in ("13812345678", "195001011234", "0212 3456"))
        first = page_conversation(page)

        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#restart")
        wait_for_answer(page, 0)
        wait_until_idle(page)
        assert user_bubbles(page) == [] and len(bot_bubbles(page)) == 1  # the greeting only
        after = stored(page)
        assert "138****5678" not in str(after) and page_conversation(page) != first


@pytest.mark.browser
def test_delete_my_records_also_clears_this_device_and_a_reload_shows_none_of_it(page_url):
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        assert "16120元" in send(page, "解放战争老兵每年补助多少")
        first = page_conversation(page)
        page.fill("#text", "删除我的记录")
        page.press("#text", "Enter")
        page.wait_for_function("() => !document.querySelector('.msg.user')", timeout=ANSWER_WAIT_MS)
        wait_until_idle(page)
        assert user_bubbles(page) == [] and bot_bubbles(page) == [FORGOTTEN]
        page.reload()
        wait_for_answer(page, 0)
        wait_until_idle(page)
        assert user_bubbles(page) == [] and "16120元" not in page.inner_text("#log")
        assert page_conversation(page) != first


@pytest.mark.browser
def test_the_page_masks_every_format_of_the_corpus_as_the_server_does(page_url):
    samples = [case["text"] for case in PERSONAL_DATA["personal"] + PERSONAL_DATA["kept"]]
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        masked = page.evaluate("async samples => samples.map((await import('/webchat/static/format.js')).mask)",
                               samples)
        assert masked == [mask(s) for s in samples]
