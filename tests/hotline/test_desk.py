"""The operators' desk: a caller's words → answer cards, by the bot's own reading, in a real browser.

The card logic is checked directly on bot.hotline.desk (no server); the page, its
calculator, the JSON twin, the login and the audit log over the real
Datasette with Chromium, with screenshots at desktop width in build/screenshots/.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pytest

from bot.assistant import load_assistant
from bot.hotline.desk import UNNAMED, Desk
from bot.hotline.handover_queue import HandoverQueue
from bot.hotline.pseudonyms import Pseudonyms
from serving.client import get_json
from tests.support.browser import (
    DESKTOP,
    PHONE,
    accessibility_violations,
    browser,
    policy_refusals,
    screenshot,
)
from tests.support.lookup_server import OPERATOR, audited, log_in, logged_in

# Caller phrasings that returned "0 records" in the old lookup, and the measure each must find.
PHRASINGS = [("老兵补助", "veteran_korean_war"), ("抗美援朝补助", "veteran_korean_war"),
             ("下岗职工", "startup_subsidy_difficulty"), ("抗日老兵每年多少", "veteran_anti_japanese"),
             ("義務兵", "former_conscript")]


@pytest.fixture(scope="module")
def desk(db_path) -> Desk:
    return Desk(load_assistant(db_path))


@pytest.mark.parametrize("words, measure_id", PHRASINGS)
def test_a_callers_everyday_words_find_the_measure_first(desk, words, measure_id):
    [first, *_] = desk.search(words).cards
    assert (first.id, first.exact) == (measure_id, True)


# Cards the store finds only because they share a word with the question (补助, 老, 职工), as a new user met them.
WEAK = [("老兵补助", {"work_injury_benefits", "retired_1960s_allowance"}), ("抗美援朝补助", {"rural_ecommerce_point"}),
        ("抗日老兵每年多少", {"veteran_korean_war", "veteran_liberation_war"}),
        ("下岗职工", {"medical_insurance", "collective_bargaining"})]


@pytest.mark.parametrize("words, weak", WEAK)
def test_cards_that_only_share_words_with_the_question_are_near_matches_after_the_exact_ones(desk, words, weak):
    cards = desk.search(words).cards
    assert weak <= {c.id for c in cards} and not any(c.exact for c in cards if c.id in weak)
    exact = [c.exact for c in cards]
    assert exact == sorted(exact, reverse=True)


def test_only_the_meanings_of_an_ambiguous_word_are_exact(desk):
    assert {c.id for c in desk.search("老兵补助").cards if c.exact} == {
        "veteran_anti_japanese", "veteran_liberation_war", "veteran_korean_war", "former_conscript"}


def test_an_ambiguous_word_offers_every_measure_it_may_mean(desk):
    assert {"veteran_anti_japanese", "veteran_liberation_war", "veteran_korean_war", "former_conscript"} <= {
        c.id for c in desk.search("老兵补助").cards}


def test_the_callers_facts_are_applied_with_the_calculation(desk):
    [card, *_] = desk.search("当过八年兵今年七十二岁").cards
    assert (card.id, card.amount, card.verdict) == ("former_conscript", "每月200元", None)
    assert "25元 × 服役8年 = 每月200元" in card.calculation


def test_the_calculator_reads_chinese_numerals(desk):
    [card] = [c for c in desk.search("义务兵补助", {"service_years": "八年", "age": "七十二"}, "former_conscript").cards
              if c.id == "former_conscript"]
    assert card.amount == "每月200元" and (card.applied["service_years"], card.applied["age"]) == (8, 72)


def test_an_empty_calculator_settles_nothing(desk):
    [card] = [c for c in desk.search("义务兵补助", {"service_years": " ", "age": ""}, "former_conscript").cards
              if c.id == "former_conscript"]
    assert card.verdict is None and card.calculation == () and not {"service_years", "age"} & set(card.applied)


def test_an_emptied_field_is_not_refilled_from_the_callers_words(desk):
    [card, *_] = desk.search("当过八年兵今年七十二岁", {"service_years": "8", "age": ""}, "former_conscript").cards
    assert card.applied == {"service_years": 8} and card.amount == "每月200元"


def test_a_fact_that_fails_a_condition_says_so(desk):
    [card, *_] = desk.search("当过八年兵今年五十岁").cards
    assert card.verdict.startswith("按所说情况暂不符合") and "60周岁" in card.verdict


@pytest.mark.parametrize("words, named, others", [
    ("抗日老兵每年多少", "veteran_anti_japanese", {"veteran_korean_war", "veteran_liberation_war", "former_conscript"}),
    ("抗美援朝补助", "veteran_korean_war", {"former_conscript"})])
def test_the_category_named_does_not_rule_out_other_categories_cards(desk, words, named, others):
    cards = {c.id: c for c in desk.search(words).cards}
    assert cards[named].exact and cards[named].applied == {"veteran_category": cards[named].applied["veteran_category"]}
    assert others <= set(cards)
    assert all(cards[o].verdict is None and not cards[o].exact and cards[o].applied == {} for o in others)


def test_a_fact_still_rules_out_the_named_categorys_card(desk):
    [card, *_] = desk.search("烈士老年子女今年五十岁").cards
    assert card.id == "survivor_martyr_child" and "60周岁" in card.verdict


def test_an_office_the_plan_does_not_name_is_marked_not_guessed(desk):
    [card, *_] = desk.search("绿色食品认证奖补").cards
    assert (card.department, card.department_named, card.lead) == (UNNAMED, False, "市人社局")


@pytest.mark.parametrize("words", ["火星移民", "取暖补贴"])
def test_words_that_match_nothing_get_near_matches_marked_as_such(desk, words):
    answer = desk.search(words)
    assert answer.cards and not answer.exact and not any(c.exact for c in answer.cards)


# ---- over the real Datasette, in Chromium

def desk_url(base: str, words: str) -> str:
    return f"{base}/?q=" + urllib.parse.quote(words)


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("words, measure_id", PHRASINGS)
def test_an_operator_reads_the_right_card(lookup, words, measure_id):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        page.goto(f"{lookup.base}/")
        assert page.locator("html").get_attribute("lang") == "zh-CN"
        page.fill("#q", words)
        page.click("form.ask button")
        card = page.locator(f"#card-{measure_id}")
        card.wait_for(state="visible", timeout=30_000)  # the answer page, once the search (in a worker thread) is done
        assert "相近措施" not in card.inner_text()
        assert "原文：“" in card.inner_text() and "关注" in card.inner_text()
        screenshot(page, f"desk_{measure_id}_{PHRASINGS.index((words, measure_id))}")


@pytest.mark.browser
@pytest.mark.server
def test_the_callers_facts_show_the_amount_and_calculation(lookup):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        page.goto(desk_url(lookup.base, "我爸当过八年兵，今年七十二岁，每月能领多少"))
        card = page.locator("#card-former_conscript")
        assert "每月200元" in card.inner_text() and "25元 × 服役8年" in card.inner_text()
        assert card.locator("input[name=service_years]").input_value() == "8"
        screenshot(page, "desk_facts_applied")


@pytest.mark.browser
@pytest.mark.server
def test_the_card_calculator_takes_chinese_numerals_and_shows_nothing_while_empty(lookup):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        page.goto(desk_url(lookup.base, "义务兵补助"))
        card = page.locator("#card-former_conscript")
        assert card.locator("label", has_text="服役年数").is_visible() and card.locator("label", has_text="年龄").is_visible()
        card.locator("button", has_text="计算").click()  # nothing entered
        card = page.locator("#card-former_conscript")
        assert card.locator(".result").count() == 0 and "不符合" not in card.inner_text()
        screenshot(page, "desk_calculator_empty")
        card.locator("input[name=service_years]").fill("八")
        card.locator("input[name=age]").fill("七十二")
        card.locator("button", has_text="计算").click()
        card = page.locator("#card-former_conscript")
        assert "每月200元" in card.locator(".result").inner_text()
        screenshot(page, "desk_calculator_chinese_numerals")


@pytest.mark.browser
@pytest.mark.server
def test_a_search_that_matches_nothing_says_so(lookup):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        page.goto(desk_url(lookup.base, "火星移民"))
        assert "没有找到" in page.locator(".nothing").inner_text()
        assert page.locator("article.card.near").count() > 0 and page.locator("article.card:not(.near)").count() == 0
        screenshot(page, "desk_nothing_found")


@pytest.mark.server
def test_the_json_twin_gives_the_cards(lookup):
    answer = get_json(f"{lookup.base}/desk.json?q=" + urllib.parse.quote("抗美援朝补助"))
    card = answer["cards"][0]
    assert {"id", "title", "amount", "department", "department_named", "section", "quote", "exact"} <= set(card)
    assert (card["id"], card["amount"], card["department"], card["department_named"], card["section"], card["exact"]) == (
        "veteran_korean_war", "每年15780元", "市民政局", True, "关注十", True)
    green = get_json(f"{lookup.base}/desk.json?q=" + urllib.parse.quote("绿色食品"))["cards"][0]
    assert (green["department"], green["department_named"]) == (UNNAMED, False)
    assert not any(c["exact"] for c in get_json(f"{lookup.base}/desk.json?q=" + urllib.parse.quote("火星移民"))["cards"])
    assert [c["exact"] for c in answer["cards"] if c["id"] == "rural_ecommerce_point"] == [False]


def test_the_desk_masks_a_callers_numbers_in_any_written_form_before_it_searches_or_shows_them(lookup):
    words = "来电人电话138 - 1234 - 5678，身份证220102  19500101  1234，抗美援朝补助"
    answer = get_json(f"{lookup.base}/desk.json?q=" + urllib.parse.quote(words))
    assert answer["cards"][0]["id"] == "veteran_korean_war"
    assert "138****5678" in answer["query"] and "2201************34" in answer["query"]
    assert "12345678" not in answer["query"].replace(" ", "") and "19500101" not in answer["query"]


@pytest.mark.browser
@pytest.mark.server
def test_the_citizens_words_need_a_login_and_every_view_is_audited(lookup):
    with pytest.raises(urllib.error.HTTPError) as refused:
        get_json(f"{lookup.base}/unanswered/unanswered.json")
    assert refused.value.code == 403
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        log_in(page, lookup.base)
        page.goto(f"{lookup.base}/unanswered/unanswered")
        assert "快递到哪了" in page.content() and "13812345678" not in page.content()
        screenshot(page, "unanswered_logged_in")
    assert (None, "GET", "/unanswered/unanswered.json", 403) in audited(lookup, "/unanswered/unanswered.json")
    assert (OPERATOR, "GET", "/unanswered/unanswered", 200) in audited(lookup, "/unanswered/unanswered")


@pytest.mark.server
def test_no_arbitrary_sql_on_the_citizens_words_even_logged_in(lookup):
    from tests.support.lookup_server import get_json_as, logged_in

    with pytest.raises(urllib.error.HTTPError) as refused:
        get_json_as(logged_in(lookup.base),
                    f"{lookup.base}/unanswered.json?sql=" + urllib.parse.quote("select * from unanswered"))
    assert refused.value.code == 403


@pytest.mark.server
def test_a_callers_words_go_to_the_audit_log_and_not_to_the_servers_output(lookup):
    marker = "紫罗兰测试词"
    get_json(f"{lookup.base}/desk.json?q={urllib.parse.quote(marker)}")
    with open(f"/proc/{lookup.pid}/fd/1", encoding="utf-8", errors="replace") as output:
        printed = output.read()
    assert "/desk.json" not in printed and urllib.parse.quote(marker) not in printed and marker not in printed


@pytest.mark.server
def test_a_failing_query_leaves_the_callers_words_out_of_the_servers_output(lookup):
    marker = "紫罗兰日志词"
    # A search in FTS5's raw syntax with an unbalanced quote fails in SQLite, and Datasette prints a failed
    # query's SQL and parameters (the caller's words) unless the desk keeps them out.
    with pytest.raises(urllib.error.HTTPError) as failed:  # Datasette answers a failed query with 400
        urllib.request.urlopen(f"{lookup.base}/measures/measures?" + urllib.parse.urlencode(
            {"_search": f'{marker} "老兵', "_searchmode": "raw"}), timeout=30)
    assert failed.value.code == 400
    with open(f"/proc/{lookup.pid}/fd/1", encoding="utf-8", errors="replace") as output:
        printed = output.read()
    assert marker not in printed and "a query failed" in printed


def named(lookup, sender: str) -> str:
    """The pseudonym the desk names a conversation by (lookup_server keeps the queue beside the audit log)."""
    return Pseudonyms(lookup.audit.parent / "handover.db").of(sender)


@pytest.mark.server
def test_an_operator_reads_only_conversations_handed_over_or_on_the_worklist(lookup):
    operator = logged_in(lookup.base)
    with pytest.raises(urllib.error.HTTPError) as refused:  # a pseudonym given (a Datasette table shows every sender)
        operator.open(f"{lookup.base}/conversation/{named(lookup, 'wechat-oSomeCitizensOpenId')}", timeout=30)
    assert refused.value.code == 403 and "不能查看这个对话" in refused.value.read().decode()
    worklisted = named(lookup, "citizen-0")  # an unanswered question: on the worklist
    assert operator.open(f"{lookup.base}/conversation/{worklisted}", timeout=30).status == 200


@pytest.mark.browser
@pytest.mark.server
def test_the_refusal_of_a_conversation_says_why_and_where_to_go_accessibly(lookup):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        log_in(page, lookup.base)
        page.goto(f"{lookup.base}/conversation/{named(lookup, 'wechat-oSomeCitizensOpenId')}")
        assert "不能查看这个对话" in page.inner_text("h1") and page.locator("main a[href='/worklist']").count() == 1
        screenshot(page, "desk_conversation_refused")
        assert accessibility_violations(page) == []


# What overflows a page at phone width: the document wider than the window, a menu item or button broken
# over lines or cut off, a card wider than its own box (a wide table scrolls inside its own .scroll box).
OVERFLOWS = """() => {
  const wide = el => el.scrollWidth > el.clientWidth + 1;
  const lines = el => {
    const text = document.createRange();
    text.selectNodeContents(el);
    return new Set([...text.getClientRects()].map(r => Math.round(r.top))).size;
  };
  return {
    page: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
    broken: [...document.querySelectorAll("header.top a, header.top strong, button")]
      .filter(el => lines(el) > 1 || (el.getBoundingClientRect().right > window.innerWidth && !el.closest(".scroll")))
      .map(el => el.textContent.trim()),
    boxes: [...document.querySelectorAll("article.card, .daily, main, .controls")].filter(wide)
      .map(el => el.className || el.tagName),
  };
}"""
NARROW_PAGES = [("desk", "/"), ("desk_cards", "/?q=" + urllib.parse.quote("老兵补助")),
                ("desk_facts", "/?q=" + urllib.parse.quote("我爸当过八年兵，今年七十二岁，每月能领多少")),
                ("worklist", "/worklist"), ("handover", "/handover"), ("conversation", "/conversation/{name}")]


@pytest.mark.browser
@pytest.mark.server
def test_every_desk_page_reflows_at_phone_width(lookup):
    queue = HandoverQueue(lookup.audit.parent / "handover.db")  # where lookup_server keeps the queue
    queue.enqueue("phone-width-test", "wechat", "我爸当过八年兵，今年七十二岁，每月能领多少，去哪里办")
    citizen = Pseudonyms(queue.path).of("phone-width-test")
    try:
        with browser() as chromium:
            page = chromium.new_page(viewport=PHONE, bypass_csp=False)
            refused = policy_refusals(page)
            log_in(page, lookup.base)
            for name, path in NARROW_PAGES:
                page.goto(lookup.base + path.format(name=citizen))
                assert page.evaluate(OVERFLOWS) == {"page": 0, "broken": [], "boxes": []}, name
                screenshot(page, f"phone_{name}")
            for path in ("/measures/measure_lookup", "/measures/search", "/unanswered/unanswered"):  # Datasette's own
                page.goto(lookup.base + path)
            assert refused == []  # every page runs whole under the desk's Content-Security-Policy
    finally:
        queue.forget("phone-width-test")


def test_several_merits_told_show_as_the_field_holds_them_and_the_highest_is_paid(desk):
    [card] = [c for c in desk.search("来电人 父 抗美援朝老兵 立过一个三等功一个二等功").cards if c.id == "merit_addition"]
    assert card.applied["merit"] == "三等功、二等功" and card.amount == "每月100元"
    assert any("按最高的二等功计" in step for step in card.calculation)
