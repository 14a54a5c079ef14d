"""The Datasette pages under the operators' desk speak Chinese (lookup/datasette_zh.yml, lookup/plugins/datasette_zh.py).

Without a server: every fragment the translation replaces is still in the
installed templates, written for the installed versions, and every filter
Datasette offers has its words. Over the real Datasette in Chromium: an
operator's walk (login, desk → 措施一览 with a facet and a search, export, a
canned query, the database page, a 404, a refusal, logout) shows no English
label Datasette prints, lang is zh-CN, and axe-core finds no serious violation;
and on each table an operator reads (the measure table, 人群, and behind the
login 未能回答的问题, 好差评, 每日数量) and its row page, the columns show under
their Chinese labels (headers, facet titles, filters, the sort) while a facet,
a sort and the column menu still work and the CSV keeps the real names;
screenshots at desktop width in build/screenshots/.
"""
from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse
import urllib.request
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import datasette
import datasette_auth_passwords
import pytest
import yaml
from datasette.filters import Filters

from bot import ROOT
from bot.hotline import daily_counts, ratings
from bot.reading.normaliser import normalizer
from lookup.plugins.datasette_zh import describe, load, translate_source
from tests.support.browser import DESKTOP, accessibility_violations, browser, screenshot
from tests.support.lookup_server import OPERATOR, PASSWORD, log_in, lookup_server

METADATA = yaml.safe_load((ROOT / "lookup" / "metadata.yml").read_text(encoding="utf-8"))
INSTALLED = [Path(datasette.__file__).parent / "templates", Path(datasette_auth_passwords.__file__).parent / "templates"]
# Labels Datasette 0.65 and datasette-auth-passwords print in English (whole words, case as printed).
ENGLISH = ["Search", "Apply", "Run SQL", "Format SQL", "Edit SQL", "View and edit SQL", "rows", "row", "records",
           "results", "Suggested facets", "Advanced export", "advanced", "This data as", "JSON shape", "default",
           "array", "newline-delimited", "object", "CSV options", "download file", "expand labels", "Export CSV",
           "Next page", "Sort", "Sort by", "descending", "remove filter", "column", "contains", "Log in", "Log out",
           "Username", "Password", "Invalid username or password", "Powered by", "Queries took", "Data source",
           "Custom SQL query", "Query parameters", "Queries", "Tables", "Views", "hidden", "Download SQLite DB",
           "home", "Menu", "Table actions", "where", "search matches", "sorted by", "Error", "Forbidden",
           "not found", "permission", "You are logged in as", "You are now logged out", "show", "hide", "view",
           "Sort ascending", "Sort descending", "Facet by this", "Hide this column", "Show all columns",
           "Remove this filter", "Type"]
SHOWN = """() => [document.title, document.body.innerText,
  ...[...document.querySelectorAll('input[type=submit], button')].map(e => e.value || e.textContent),
  ...[...document.querySelectorAll('option')].map(e => e.textContent),
  ...[...document.querySelectorAll('[aria-label], [title]')]
    .map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || '')),
  ...[...document.querySelectorAll('svg title')].map(e => e.textContent)].join('\\n')"""


def installed_template(name: str) -> str:
    [path] = [folder / name for folder in INSTALLED if (folder / name).exists()]
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(load()["templates"]))
def test_every_fragment_is_still_in_the_installed_template(name):
    source = installed_template(name)
    for english, chinese in load()["templates"][name]:
        assert english in source, f"{name} no longer has {english!r}: read the new template and update lookup/datasette_zh.yml"
        source = translate_source(source, [[english, chinese]])


@pytest.mark.parametrize("package", ["datasette", "datasette-auth-passwords"])
def test_the_translation_was_written_for_the_installed_version(package):
    assert version(package) == load()["versions"][package], (
        f"{package} changed: read its templates for new English labels, then update lookup/datasette_zh.yml")


def test_every_filter_datasette_offers_has_chinese_words():
    zh = load()
    for key, display, _ in Filters([]).lookups():
        assert key in zh["filters"] and (display in zh["words"] or not re.search("[a-z]", display)), key


def test_the_row_count_line_names_the_search_the_filters_and_the_order():
    filters = Filters([("关注", "关注十"), ("适用人群__arraycontains", "创业者")])
    assert describe(load(), filters, "抗美援朝", None, "编号") == (
        "（搜索“抗美援朝”，关注为“关注十”，适用人群中有“创业者”，按编号降序）")
    assert describe(load(), Filters([]), "", None, None) == ""
    labels = {"channel": "渠道", "id": "序号"}.get
    assert describe(load(), Filters([("channel", "rest")]), None, None, "id", labels) == "（渠道为“rest”，按序号降序）"


def table_metadata(database: str, table: str) -> dict:
    return METADATA["databases"][database]["tables"][table]


@pytest.mark.parametrize("database, table", [(d, t) for d, db in METADATA["databases"].items()
                                             for t, meta in db.get("tables", {}).items() if "column_labels" in meta])
def test_each_column_label_is_short_chinese_and_the_note_stays(database, table):
    """One label per column, in Chinese, no longer than the column's note in `columns` (which stays)."""
    meta = table_metadata(database, table)
    for column, label in meta["column_labels"].items():
        assert re.fullmatch(r"[\u4e00-\u9fff]{1,6}", label), (table, column, label)
        note = (meta.get("columns") or {}).get(column)
        assert note is None or len(label) <= len(note), (table, column, label, note)


# ---- over the real Datasette, in Chromium

def english_shown(page) -> list[str]:
    """The English labels from ENGLISH that the page shows, as text, button, option, title or accessible name."""
    text = page.evaluate(SHOWN)
    return [label for label in ENGLISH if re.search(rf"(?<![A-Za-z_]){re.escape(label)}(?![A-Za-z_])", text)]


def check_chinese(page, name: str) -> None:
    """The page as an operator sees it: lang zh-CN, no English label, no serious axe-core violation; a screenshot."""
    screenshot(page, f"datasette_zh_{name}")
    assert page.locator("html").get_attribute("lang") == "zh-CN", name
    assert english_shown(page) == [], name
    assert accessibility_violations(page) == [], name


@pytest.mark.browser
@pytest.mark.server
def test_an_operators_walk_through_datasette_is_in_chinese_and_still_works(lookup):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        page.goto(f"{lookup.base}/-/login")
        check_chinese(page, "login")
        page.fill("input[name=username]", OPERATOR)
        page.fill("input[name=password]", "wrong")
        page.click("input[type=submit]")
        assert "用户名或密码不对" in page.locator(".message-error").inner_text()
        check_chinese(page, "login_refused")
        page.fill("input[name=username]", OPERATOR)
        page.fill("input[name=password]", PASSWORD)
        page.click("input[type=submit]")

        page.click("header.top nav >> text=措施一览")  # the desk's own menu (desk_base.html)
        page.locator(".facet-info[data-column='关注'] a", has_text="关注十").click()
        page.fill("#_search", "抗美援朝")
        page.click("input[type=submit][value=筛选]")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
        assert query == {"关注__exact": ["关注十"], "_search": ["抗美援朝"]}
        assert "（搜索“抗美援朝”，关注为“关注十”）" in page.locator("h3").first.inner_text()
        [row] = page.locator("table.rows-and-columns tbody tr").all_inner_texts()
        assert "抗美援朝老兵生活补助" in row
        page.locator("th[data-column=承办部门] svg").click()  # the column menu table.js draws
        assert page.locator(".dropdown-menu a.dropdown-facet").inner_text() == "按这一列分类统计"
        check_chinese(page, "table_facet_search")
        page.keyboard.press("Escape")

        exported = page.locator(".export-links a", has_text="CSV").get_attribute("href")
        rows = list(csv.DictReader(io.StringIO(fetch(lookup.base + exported))))
        assert [(r["关注"], r["编号"]) for r in rows] == [("关注十", "veteran_korean_war")]
        as_json = page.locator(".export-links a", has_text="JSON").get_attribute("href")
        assert json.loads(fetch(lookup.base + as_json))["rows"]

        page.click(".crumbs a >> text=措施表（只读）")
        assert page.locator("#sql-editor").count() == 0  # no arbitrary SQL offered
        check_chinese(page, "database")
        page.click("text=义务兵补助计算")
        page.get_by_label("服役年数").fill("8")
        page.get_by_label("年龄").fill("72")
        page.click("input[type=submit][value=查询]")
        assert "每月200元" in page.locator("table.rows-and-columns").inner_text()
        check_chinese(page, "canned_query")

        page.goto(f"{lookup.base}/measures/no_such_table")
        assert "没有这张表" in page.content()
        check_chinese(page, "not_found")

        page.goto(f"{lookup.base}/-/logout")
        check_chinese(page, "logout")
        page.click("input[type=submit]")
        page.goto(f"{lookup.base}/unanswered")
        assert "无权查看" in page.locator("h1").inner_text()
        check_chinese(page, "refused")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


# ---- the columns under their Chinese labels, on each table an operator reads

# (database, table, its real columns (None: those labelled in metadata.yml), a column to sort by, one to facet by
# from the column menu)
TABLES = [
    ("measures", "measures", None, "title", "kind"),
    ("measures", "groups", ["id", "label"], "label", "label"),
    ("unanswered", "unanswered", ["id", "time", "channel", "text", "key", "intent", "confidence", "sender"], "time", "key"),
    ("ratings", "ratings", ["id", "time", "sender", "channel", "measure", "rating", "question", "key", "answer", "reason"],
     "time", "sender"),
    ("daily_counts", "daily_counts", ["day", "kind", "count"], "count", "kind"),
]
HEADERS = "() => [...document.querySelectorAll('table.rows-and-columns th')].map(th => th.innerText.replace(/[▲▼]/g, '').trim())"
FACET_TITLES = "() => [...document.querySelectorAll('.facet-info-name strong')].map(e => e.firstChild.textContent.trim())"


@pytest.fixture(scope="module")
def labelled(db_path, measures, tmp_path_factory):
    """A lookup whose ratings and daily counts have rows (the shared one's are empty), for facets to show."""
    folder = tmp_path_factory.mktemp("labelled")
    normalize = normalizer(measures)
    ratings_given = [("citizen-a", "rest", "满意"), ("citizen-b", "wechat", "不满意"), ("citizen-c", "rest", "不满意")]
    for sender, channel, verdict in ratings_given:
        ratings.record(folder / "ratings.db", sender=sender, channel=channel, measure="former_conscript",
                       verdict=verdict, question="老兵补助多少钱", answer="每月25元×服役年数", normalize=normalize)
    for day, kind in [("2024-03-01", "question"), ("2024-03-01", "answer"), ("2024-03-02", "question")]:
        daily_counts.count(folder / "daily_counts.db", kind, now=datetime.fromisoformat(f"{day}T04:00:00+00:00"))
    with lookup_server(db_path, measures, folder) as server:
        yield server


def labels_of(database: str, table: str) -> dict[str, str]:
    return table_metadata(database, table)["column_labels"]


def expect_chinese_columns(page, database: str, table: str, where: str) -> None:
    """Every header and facet title is a column's label (or Datasette's 详情 link column), none a real name."""
    labels = labels_of(database, table)
    shown = page.evaluate(HEADERS) + page.evaluate(FACET_TITLES)
    assert shown, where
    assert [text for text in shown if re.search("[A-Za-z]", text)] == [], where
    allowed = set(labels.values()) | {load()["link_column"]}
    assert set(shown) <= allowed, where
    narrow = re.findall(r'td:nth-of-type\(\d+\):before \{ content: "([^"]*)"', page.content())  # a phone's cell labels
    assert narrow and set(narrow) <= allowed, where


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("database, table, columns, sort, menu_facet", TABLES, ids=[t[1] for t in TABLES])
def test_each_table_shows_its_columns_in_chinese_and_still_sorts_facets_and_exports(labelled, database, table,
                                                                                     columns, sort, menu_facet):
    labels = labels_of(database, table)
    columns = columns or list(labels)
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        log_in(page, labelled.base)
        page.goto(f"{labelled.base}/{database}/{table}")
        expect_chinese_columns(page, database, table, "table")
        filter_columns = page.locator("select[name=_filter_column] option").evaluate_all(
            "options => options.filter(o => o.value).map(o => [o.value, o.textContent])")
        assert filter_columns and all(labels.get(value) == text for value, text in filter_columns)  # shown by label, sent by name
        check_chinese(page, f"columns_{table}")

        # the CSV keeps the real names
        exported = page.locator(".export-links a", has_text="CSV").get_attribute("href")
        [header, *rows] = list(csv.reader(io.StringIO(page.request.get(labelled.base + exported).text())))
        assert sorted(header) == sorted(columns) and rows

        # a sort by the header: the URL names the column, the page its label
        page.locator(f"th[data-column={sort}] a").click()
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["_sort"] == [sort]
        assert f"按{labels[sort]}升序" in page.locator("h3").first.inner_text()
        assert page.locator(f"th[data-column={sort}]").inner_text().strip() == f"{labels[sort]}\xa0▼"

        # a facet from the column menu, then one of its values
        page.locator(f"th[data-column={menu_facet}] svg").click()
        page.locator(".dropdown-menu a.dropdown-facet").click()
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
        assert menu_facet in query["_facet"] and query["_sort"] == [sort]
        facet = page.locator(f".facet-info[data-column={menu_facet}]")
        assert facet.locator("strong").inner_text().startswith(labels[menu_facet])
        first_value = facet.locator("li a").first
        value = first_value.inner_text()
        first_value.click()
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
        assert query[menu_facet] == [value], query
        assert f"{labels[menu_facet]}为“{value}”" in page.locator("h3").first.inner_text()
        expect_chinese_columns(page, database, table, "sorted and faceted")
        check_chinese(page, f"columns_{table}_faceted")

        # a row page
        page.locator("table.rows-and-columns td.type-pk a").first.click()
        assert page.locator("body.row").count() == 1
        expect_chinese_columns(page, database, table, "row")
        check_chinese(page, f"columns_{table}_row")
