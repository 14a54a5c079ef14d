"""The web chat page in a real browser (headless Debian Chromium driven by Playwright)."""
from __future__ import annotations

import pytest

from tests.support.browser import DESKTOP, PHONE, browser, policy_refusals, screenshot
from tests.support.webchat_page import (
    ANSWER_WAIT_MS,
    bot_bubbles,
    send,
    wait_for_answer,
)

pytestmark = [pytest.mark.model, pytest.mark.server]


@pytest.fixture(scope="module")
def page_url(live) -> str:
    return live.url + "/webchat/"


@pytest.mark.browser
def test_a_citizen_asks_clicks_an_option_and_keeps_the_conversation_after_reload(page_url):
    with browser() as chromium:
        page = chromium.new_page(viewport=PHONE)
        page.goto(page_url)
        assert "暖流助手" in wait_for_answer(page, 0)  # the bot's greeting
        send(page, "我能领什么")
        option = page.locator(".options button:not([disabled])").first
        chosen = option.inner_text()
        before = len(bot_bubbles(page))
        option.click()
        assert "元" in wait_for_answer(page, before)  # the profile's entitlements, with amounts
        assert page.locator(".msg.user .bubble").last.inner_text() == chosen

        answer = send(page, "我外公是抗美援朝老兵，今年补助多少")
        assert answer.startswith("【抗美援朝老兵生活补助】每年15780元") and "关注十" in answer
        assert page.locator(".msg.bot .amount", has_text="15780元").count() >= 1
        screenshot(page, "webchat_phone")

        shown = bot_bubbles(page)
        page.reload()
        page.wait_for_selector(".msg.bot .bubble:has-text('15780元')", timeout=ANSWER_WAIT_MS)
        assert bot_bubbles(page) == shown

        wide = chromium.new_page(viewport=DESKTOP, bypass_csp=False)
        refused = policy_refusals(wide)
        wide.goto(page_url)
        wide.wait_for_selector(".msg.bot .bubble", timeout=ANSWER_WAIT_MS)
        screenshot(wide, "webchat_desktop")
        assert refused == []  # the page runs whole under its strict Content-Security-Policy


@pytest.mark.browser
def test_an_unreachable_server_is_blamed_on_the_network_and_the_question_kept_for_resending(page_url):
    with browser() as chromium:
        page = chromium.new_page(viewport=PHONE)
        page.route("**/webchat/webhook", lambda route: route.abort())
        page.goto(page_url)
        page.wait_for_selector("#notice:not([hidden])", timeout=ANSWER_WAIT_MS)  # the greeting failed too
        page.fill("#text", "抗日老兵补助多少")
        page.press("#text", "Enter")
        page.wait_for_selector("#notice:has-text('网络')", timeout=ANSWER_WAIT_MS)
        failed = page.locator(".msg.user.failed")
        assert failed.locator(".bubble").inner_text() == "抗日老兵补助多少"
        assert failed.locator("button.resend").inner_text() == "!"
        screenshot(page, "webchat_unreachable")
