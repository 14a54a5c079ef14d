"""The web chat page for old eyes and fingers (MIIT 适老化, WCAG 2.1 AA), checked in Chromium with axe-core."""
from __future__ import annotations

import pytest

from tests.support.browser import (
    DESKTOP,
    PHONE,
    accessibility_violations,
    browser,
    screenshot,
)
from tests.support.webchat_page import (
    bot_bubbles,
    open_chat,
    send,
    stored,
    wait_for_answer,
)

pytestmark = [pytest.mark.model, pytest.mark.server]
QUESTION = "我外公是抗美援朝老兵，今年补助多少"
LARGEST = 3  # chat.css has four text sizes, 0..3
SMALL_CONTROLS = """[...document.querySelectorAll('button, textarea')]
  .filter(e => e.offsetParent !== null)
  .map(e => [e.textContent.trim() || e.id, e.getBoundingClientRect()])
  .filter(([, r]) => r.width < 44 || r.height < 44)
  .map(([name, r]) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`)"""
HORIZONTAL_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
BUBBLE_FONT = "parseFloat(getComputedStyle(document.querySelector('.msg.bot .bubble')).fontSize)"
LINE_SPACING = """(() => { const s = getComputedStyle(document.querySelector('.msg.bot .bubble'));
  return parseFloat(s.lineHeight) / parseFloat(s.fontSize); })()"""
BROKEN_BUTTON_WORDS = """[...document.querySelectorAll('.tools button')].filter(e => {
  const words = document.createRange(); words.selectNodeContents(e);
  return new Set([...words.getClientRects()].map(r => Math.round(r.top))).size > 1; }).map(e => e.textContent)"""
BROKEN_FIGURES = """[...document.querySelectorAll('.figure')].filter(e => e.getClientRects().length > 1)
  .map(e => e.textContent)"""


@pytest.fixture(scope="module")
def page_url(live) -> str:
    return live.url + "/webchat/"


def converse(page) -> None:
    """A greeting, a tap on a starting button, and a question with an amount: the page in real use."""
    before = len(bot_bubbles(page))
    page.locator(".options button", has_text="老兵或优抚对象").click()
    wait_for_answer(page, before)
    send(page, QUESTION)


def to_size(page, step: int) -> None:
    """Taps A+ or A− until the page shows text size `step`."""
    while (now := int(page.evaluate("document.documentElement.dataset.size"))) != step:
        page.click("#larger" if step > now else "#smaller")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_no_serious_violation_in_normal_or_large_text_after_a_conversation(page_url, viewport):
    with browser() as chromium:
        page = open_chat(chromium, page_url, viewport)
        converse(page)
        for step in (0, LARGEST):
            to_size(page, step)
            assert accessibility_violations(page) == [], f"text size {step}"


@pytest.mark.browser
def test_the_greeting_offers_groups_and_what_can_i_get_as_buttons(page_url):
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        buttons = page.locator(".options button:not([disabled])").all_inner_texts()
        assert buttons[0] == "我能领什么" and "老兵或优抚对象" in buttons and "大学生" in buttons


@pytest.mark.browser
def test_each_text_size_step_enlarges_the_text_without_horizontal_scroll_on_a_phone(page_url):
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        converse(page)
        sizes = []
        for step in range(LARGEST + 1):
            to_size(page, step)
            sizes.append(page.evaluate(BUBBLE_FONT))
            assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"text size {step} scrolls sideways"
            assert page.evaluate(SMALL_CONTROLS) == [], f"controls under 44×44 px at text size {step}"
            assert page.evaluate(LINE_SPACING) >= 1.3
            assert page.evaluate(BROKEN_FIGURES) == [], f"a number split from its unit at text size {step}"
            assert page.evaluate(BROKEN_BUTTON_WORDS) == [], f"a header button's word broken at text size {step}"
            screenshot(page, f"webchat_phone_size{step}")
        assert sizes == sorted(set(sizes)) and sizes[0] >= 18  # each step larger; the smallest is MIIT's 18 px
        assert page.is_disabled("#larger")

        page.reload()
        wait_for_answer(page, 0)
        assert page.evaluate("document.documentElement.dataset.size") == str(LARGEST)  # remembered
        assert stored(page)["nuanliu.textSize"] == str(LARGEST)


@pytest.mark.browser
def test_only_the_amount_the_answer_gives_is_highlighted_not_old_amounts_or_quotes(page_url):
    with browser() as chromium:
        page = open_chat(chromium, page_url, PHONE)
        answer = send(page, QUESTION)
        assert "14580元" in answer  # the former amount, in the calculation and the quote
        last = page.locator(".msg.bot .bubble").last
        assert last.locator(".amount").all_inner_texts() == ["15780元"]
        assert last.locator(".figure", has_text="14580元").count() >= 2  # kept whole, not highlighted
        assert int(last.locator(".amount").evaluate("e => getComputedStyle(e).fontWeight")) >= 600  # not colour alone
