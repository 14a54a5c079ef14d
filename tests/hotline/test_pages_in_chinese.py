"""Every page an operator reaches from the desk's menu is in Chinese: an English word shown outside code is a
defect, unless it is a proper name (Datasette, JSON, CSV, UTC…), an account's or a citizen's name (operator,
K7Q4M), a file offered for download (measures.db), or one of the codes a column's note explains; an emoji is
a defect too (the desks' Chinese font has none: Datasette's 🔒 showed as a box). Code is what
sits in <code>, <pre>, a table's cells or a facet's values (citizens' words and stored values); the rest
(headings, notes, buttons, labels, placeholders, titles) must be Chinese.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from bot.channels import identity
from bot.hotline import daily_counts
from bot.hotline.handover_queue import HandoverQueue
from bot.hotline.pseudonyms import SHAPE, Pseudonyms
from bot.plan.calculator import KINDS
from tests.support.browser import DESKTOP, browser
from tests.support.lookup_server import OPERATOR, OPERATOR2, log_in

pytestmark = [pytest.mark.browser, pytest.mark.server]

PROPER = {"Datasette", "SQLite", "SQL", "JSON", "CSV", "UTC", "KB", "MB", "HTTP", "API"}
SQL_WORDS = {"like", "glob", "null"}  # filter kinds Datasette offers by their SQL names
SHOWN = r"""() => {
  const words = [];
  const skip = "script, style, code, pre, kbd, td, textarea, .facet-results";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (el && !el.closest(skip) && el.getClientRects().length) words.push(walker.currentNode.textContent);
  }
  for (const el of document.querySelectorAll("[title], [aria-label], [placeholder], input[type=submit], option"))
    if (!el.closest(skip)) words.push(el.title || "", el.getAttribute("aria-label") || "", el.placeholder || "",
                                      el.type === "submit" ? el.value : "", el.tagName === "OPTION" ? el.text : "");
  words.push(document.title);
  return words.join(" ");
}"""
ENGLISH = re.compile(r"[0-9A-Za-z_./-]*[A-Za-z][0-9A-Za-z_./-]*")
VERSION = re.compile(r"v[\d.]*")  # Datasette's version in the footer
EMOJI = re.compile("[\U0001F000-\U0001FFFF\u2600-\u27BF]")


def codes(measures) -> set[str]:
    """The codes a column's note explains (how a measure is computed, where its office comes from, the kinds of
    count, the channels), as the exports and filters use them."""
    kinds = {daily_counts.QUESTION, daily_counts.ANSWER, daily_counts.HANDOVER, daily_counts.RATING}
    channels = {identity.WEBCHAT, identity.WECHAT, identity.REST}  # 渠道（webchat 网页、wechat 微信、rest 接口）
    return set(KINDS) | {m.department_source for m in measures} | kinds | channels


def english_on(page, allowed: set[str]) -> list[str]:
    """The English words shown that are not allowed, and any emoji (the desks' Chinese font draws none: a box)."""
    shown = page.evaluate(SHOWN)
    words = {w.rstrip("./-") for w in ENGLISH.findall(shown)}
    english = [w for w in words if w not in allowed and not any(re.fullmatch(p, w) for p in (SHAPE, r"\w+\.db", VERSION))]
    return sorted(english) + sorted(set(EMOJI.findall(shown)))


def test_every_page_an_operator_reaches_from_the_menu_is_in_chinese(lookup, measures):
    queue = HandoverQueue(lookup.audit.parent / "handover.db")
    queue.enqueue("chinese-pages-test", "wechat", "我爸当过八年兵，每月能领多少")
    citizen = Pseudonyms(queue.path).of("chinese-pages-test")
    allowed = PROPER | SQL_WORDS | {OPERATOR, OPERATOR2} | codes(measures)
    found: dict[str, list[str]] = {}
    try:
        with browser() as chromium:
            page = chromium.new_page(viewport=DESKTOP)
            log_in(page, lookup.base)
            page.goto(lookup.base + "/")
            menu = [a.get_attribute("href") for a in page.locator("header.top nav a").all()]
            pages = [*menu, "/?q=当过八年兵今年七十二岁每月能领多少", "/?q=我是老兵每月多少", f"/conversation/{citizen}",
                     "/-/login"]
            for path in menu:  # each database in the menu, and the tables it lists
                page.goto(lookup.base + path)
                pages += [urljoin(path + "/", a.get_attribute("href")) for a in page.locator(".db-table h3 a").all()]
            for path in dict.fromkeys(pages):
                page.goto(lookup.base + path)
                if english := english_on(page, allowed):
                    found[path] = english
    finally:
        queue.forget("chinese-pages-test")
    assert found == {}, repr(found)


def test_datasette_tables_of_citizens_words_show_pseudonyms_not_sender_ids(lookup):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        log_in(page, lookup.base)
        page.goto(lookup.base + "/unanswered/unanswered")
        cells = page.locator("table.rows-and-columns td.col-sender").all()
        assert cells and all(re.fullmatch(f"市民 {SHAPE}", cell.inner_text()) for cell in cells)
        assert "citizen-0" not in page.locator("table.rows-and-columns").inner_text()  # the ids lookup_server seeds
        name = cells[0].inner_text().split()[1]
        assert cells[0].locator("a").get_attribute("href") == f"/conversation/{name}"
