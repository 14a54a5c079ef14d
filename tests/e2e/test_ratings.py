"""好差评 over the real servers: citizens rate answers on the web chat page (Chromium) and on WeChat (signed
requests), and the ratings, the reasons and the unanswered questions reach the operators' worklist, which
needs the login and is audited. Screenshots at desktop width in build/screenshots/."""
from __future__ import annotations

import sqlite3
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest

from bot.channels import identity
from bot.dialogue.context import Context
from bot.hotline.pseudonyms import Pseudonyms
from tests.support.browser import DESKTOP, browser, screenshot
from tests.support.lookup_server import OPERATOR, audited, desk_over, log_in
from tests.support.webchat_page import (
    bot_bubbles,
    open_chat,
    page_conversation,
    send,
    wait_for_answer,
)
from tests.support.wechat_requests import post, query, reply_text, text_xml

pytestmark = [pytest.mark.model, pytest.mark.server]

QUESTION = "抗美援朝老兵每年补助多少"
WEB_REASON = "字太多了，看不明白"
WECHAT_REASON = "字太小，看不清楚"
NOT_IN_PLAN = "暖流计划里有取暖补贴吗"  # logged as unanswered, whatever the conversation's subject
ASKS_WHY = "哪里没说清楚"
NOTED = "收到，谢谢您告诉我们"


@dataclass(frozen=True)
class Rated:
    sender: str
    replies: list[str]  # the bot's replies, in order


@pytest.fixture(scope="module")
def web_rated(live) -> Rated:
    """A citizen on the web page asks, taps 不满意 under the answer, says why, and asks again."""
    with browser() as chromium:
        page = open_chat(chromium, live.url + "/webchat/", DESKTOP)
        answer = send(page, QUESTION)
        offered = page.locator(".options button:not([disabled])")
        titles = offered.all_inner_texts()
        screenshot(page, "webchat_rating_offered_desktop")
        before = len(bot_bubbles(page))
        offered.filter(has_text="不满意").click()
        asked = wait_for_answer(page, before)
        noted = send(page, WEB_REASON)
        again = send(page, "抗美援朝老兵原来每年多少")
        offered_again = page.locator(".options button:not([disabled])").count()
        screenshot(page, "webchat_rated_desktop")
        return Rated(page_conversation(page), [answer, ",".join(titles), asked, noted, again, str(offered_again)])


@pytest.fixture(scope="module")
def wechat_rated(live) -> Rated:
    """A WeChat follower asks, answers the offer's line with 2, says why, then asks something the bot cannot answer."""
    webhook, openid = live.url + "/webhooks/wechat/webhook", "o-rater-2026"
    said = [QUESTION, "2", WECHAT_REASON, NOT_IN_PLAN]
    replies = [reply_text(post(webhook, text_xml(text, openid=openid, msg_id=9100 + i), query())[1])
               for i, text in enumerate(said)]
    return Rated(identity.conversation_id(identity.WECHAT, openid), replies)


@pytest.fixture(scope="module")
def desk(live, db_path, web_rated, wechat_rated):
    """The operators' lookup over the running bot's stores, after both citizens have rated."""
    with desk_over(db_path, live.work, {"NUANLIU_RASA_URL": live.url, "RASA_API_TOKEN": live.token}) as server:
        yield server


def test_on_the_web_the_rating_is_two_buttons_under_the_answer_and_a_poor_one_asks_why(web_rated):
    answer, titles, asked, noted, again, offered_again = web_rated.replies
    assert answer.startswith("【抗美援朝老兵生活补助】每年15780元")  # the answer stays the last bubble
    assert titles == "满意,不满意"
    assert ASKS_WHY in asked and NOTED in noted
    assert again.startswith("【抗美援朝老兵生活补助】")  # a question after the reason is answered as one
    assert offered_again == "0"  # once per subject


def test_on_wechat_the_rating_is_one_line_answered_with_a_digit(wechat_rated):
    answer, asked, noted, unanswered = wechat_rated.replies
    assert "15780元" in answer and answer.endswith("这个回答您满意吗？回复1满意，2不满意。")
    assert ASKS_WHY in asked and NOTED in noted
    assert "没有提到“取暖补贴”" in unanswered and "满意" not in unanswered


def test_on_wechat_a_digit_answering_the_bots_question_is_not_a_rating(live):
    webhook = live.url + "/webhooks/wechat/webhook"
    first = reply_text(post(webhook, text_xml("老义务兵每月补助多少", openid="o-years", msg_id=9200), query())[1])
    then = reply_text(post(webhook, text_xml("2", openid="o-years", msg_id=9201), query())[1])
    assert "服役年数" in first and "满意" not in first
    context = Context.from_json(live.tracker(identity.conversation_id(identity.WECHAT, "o-years"))["slots"]["context"])
    assert "谢谢您的评价" not in then and context.facts.get("service_years") == 2


def test_each_rating_is_kept_with_the_answer_it_rates(live, web_rated, wechat_rated):
    with sqlite3.connect(live.work / "ratings.db") as db:
        kept = {r[0]: r[1:] for r in db.execute("select sender, rating, measure, question, answer, reason, channel from ratings")}
    assert kept[web_rated.sender][:3] == ("不满意", "veteran_korean_war", QUESTION)
    assert kept[web_rated.sender][3].startswith("【抗美援朝老兵生活补助】每年15780元")
    assert kept[web_rated.sender][4:] == (WEB_REASON, "webchat")
    assert kept[wechat_rated.sender][4:] == (WECHAT_REASON, "wechat")


def test_forgetting_a_citizen_deletes_their_ratings_and_unanswered_questions(live):
    webhook, openid = live.url + "/webhooks/wechat/webhook", "o-forget-rating"

    def kept() -> list[int]:
        counts = []
        for store, table in (("ratings.db", "ratings"), ("unanswered.db", "unanswered")):
            with sqlite3.connect(live.work / store) as db:
                counts += db.execute(f"select count(*) from {table} where sender = ?",
                                     (identity.conversation_id(identity.WECHAT, openid),)).fetchone()
        return counts

    for i, text in enumerate([QUESTION, "1", NOT_IN_PLAN]):
        post(webhook, text_xml(text, openid=openid, msg_id=9300 + i), query())
    assert kept() == [1, 1]
    post(webhook, text_xml("删除我的记录", openid=openid, msg_id=9310), query())
    assert kept() == [0, 0]


@pytest.mark.parametrize("path", ["/worklist", "/ratings/ratings.json", "/daily_counts/daily_counts.json"])
def test_the_worklist_and_its_stores_need_the_login_and_every_view_is_audited(desk, path):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{desk.base}{path}", timeout=30)
    assert refused.value.code == 403 and WEB_REASON not in refused.value.read().decode()
    assert (None, "GET", path, 403) in audited(desk, path)


@pytest.mark.browser
def test_ratings_from_both_channels_and_unanswered_questions_reach_the_worklist(live, desk, web_rated, wechat_rated):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        log_in(page, desk.base)
        page.goto(f"{desk.base}/worklist")
        poor = page.locator("#poor tbody tr")
        assert poor.count() == 1  # both asked the same question: one wording
        row = poor.first.inner_text()
        assert QUESTION in row and WEB_REASON in row and WECHAT_REASON in row and "15780元" in row
        assert poor.first.locator("td.n").inner_text() == "2"
        names = Pseudonyms(live.work / "handover.db").of_all([web_rated.sender, wechat_rated.sender])
        links = {a.get_attribute("href").split("?")[0] for a in poor.first.locator("a").all()}
        assert links == {f"/conversation/{names[wechat_rated.sender]}", f"/conversation/{names[web_rated.sender]}"}
        assert web_rated.sender not in page.content() and wechat_rated.sender not in page.content()
        unanswered = page.locator("#unanswered tbody tr", has_text="取暖补贴")
        assert unanswered.locator(f'a[href="/conversation/{names[wechat_rated.sender]}"]').count() == 1
        today = page.locator(".daily tbody tr").first.locator("td").all_inner_texts()
        questions, answers, _handovers, ratings = map(int, today)
        assert ratings >= 2 and questions >= answers >= 3
        assert page.locator(".daily svg[role=img] rect.bar").count() >= 3
        screenshot(page, "worklist_desktop")
    assert (OPERATOR, "GET", "/worklist", 200) in audited(desk, "/worklist")


@pytest.mark.browser
def test_a_reason_is_shown_on_the_worklist_and_links_to_the_rated_answer_which_the_page_scrolls_to(live, desk,
                                                                                                   web_rated):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        log_in(page, desk.base)
        page.goto(f"{desk.base}/worklist")
        reasons = page.locator("#poor .reasons li").all_inner_texts()
        assert WEB_REASON in reasons and WECHAT_REASON in reasons
        name = Pseudonyms(live.work / "handover.db").of(web_rated.sender)
        with page.expect_navigation():
            page.locator(f"#poor a[href^='/conversation/{name}?rated=']").click()
        rated = page.locator("li#rated")
        assert "市民评为“不满意”的答复" in rated.inner_text() and "15780元" in rated.inner_text()
        assert rated.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
        taps = page.locator("ol.history li.citizen").all_inner_texts()
        assert any("（点了按钮：不满意）" in t for t in taps) and not any("打开了对话" in t and "不满意" in t for t in taps)
        screenshot(page, "worklist_rated_answer_desktop")
