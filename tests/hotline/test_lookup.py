"""The operators' lookup: the CLI, the calculator functions, and Datasette serving both databases."""
from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.parse
from pathlib import Path

import pytest

from bot.hotline.lookup import Lookup
from bot.plan.records import load_aspects
from bot.plan.store import OVERVIEW
from serving.client import get_json
from serving.processes import ROOT
from tests.support.browser import DESKTOP, browser, screenshot
from tests.support.lookup_server import get_json_as, logged_in


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "lookup", *args, "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_cli_lookup_prints_the_measure_with_amount_department_and_source(db_path):
    out = cli("抗美援朝", db=db_path)
    assert out.returncode == 0
    assert "veteran_korean_war" in out.stdout and "每年15780元（原14580元）" in out.stdout
    assert "市民政局" in out.stdout and "14580元提高到15780元" in out.stdout


def test_cli_lookup_reads_traditional_characters(db_path):
    out = cli("創業補貼", db=db_path)
    assert out.returncode == 0 and "startup_subsidy_difficulty" in out.stdout


def test_cli_lookup_without_a_match_says_so_and_succeeds(db_path):
    out = cli("火星移民", db=db_path)
    assert out.returncode == 0 and "没有找到" in out.stdout


def test_cli_lookup_without_a_database_names_the_fix(tmp_path):
    out = cli("抗美援朝", db=tmp_path / "none.db")
    assert out.returncode == 1 and "make db" in out.stderr


@pytest.fixture(scope="module")
def tools(db_path) -> Lookup:
    return Lookup(db_path)


def test_the_calculator_function_gives_the_bots_answer(tools):
    answer = tools.calculation("former_conscript", '{"service_years": 8, "age": 72}')
    assert "每月200元" in answer and "关注十" in answer


def test_the_calculator_asks_for_a_missing_fact_rather_than_guess(tools):
    assert "请告诉我" in tools.calculation("cert_green_food", "{}")


@pytest.mark.parametrize("measure_id, facts", [("no_such_measure", "{}"), ("cert_green_food", "not json")])
def test_the_calculator_explains_bad_input(tools, measure_id, facts):
    answer = tools.calculation(measure_id, facts)
    assert answer.startswith(("没有编号", "事实须为"))


def test_a_callers_words_become_facts(tools):
    assert tools.facts_json("当过八年兵，今年七十二岁") == '{"service_years": 8, "age": 72}'


@pytest.fixture(scope="module")
def datasette(lookup) -> str:
    return lookup.base


def rows(base: str, path: str, **params: str) -> list[dict]:
    return get_json(f"{base}{path}.json?" + urllib.parse.urlencode(params | {"_shape": "array"}))


@pytest.mark.parametrize(
    "words, measure_id",
    [("抗美援朝", "veteran_korean_war"), ("绿色食品", "cert_green_food"),
     ("创业补贴", "startup_subsidy_difficulty"), ("下岗", "startup_subsidy_difficulty")],
)
@pytest.mark.server
def test_chinese_full_text_search_finds_the_measure(datasette, words, measure_id):
    assert measure_id in [r["id"] for r in rows(datasette, "/measures/measures", _search=words)]
    assert measure_id in [r["编号"] for r in rows(datasette, "/measures/measure_lookup", _search=words)]


@pytest.mark.server
def test_facets_list_every_section_of_the_plan(datasette):
    facets = get_json(f"{datasette}/measures/measure_lookup.json")["facet_results"]
    assert {f"关注{n}" for n in "一二三四五六七八九十"} <= {v["value"] for v in facets["关注"]["results"]}
    assert "市民政局" in {v["value"] for v in facets["承办部门"]["results"]}
    assert len(facets["所属方面"]["results"]) == 7  # the plan's 6 方面, and the overview outside them


@pytest.mark.server
def test_the_overview_rows_are_named_and_filtered_by_their_aspect(datasette, measures):
    facets = get_json(f"{datasette}/measures/measure_lookup.json")["facet_results"]
    aspects = {v["value"]: v["count"] for v in facets["所属方面"]["results"]}
    overview = [m.id for m in measures if m.section not in load_aspects()]
    assert aspects[OVERVIEW] == len(overview) and "" not in aspects and "-" not in aspects
    shown = rows(datasette, "/measures/measure_lookup", 所属方面=OVERVIEW, _size="max")
    assert sorted(r["编号"] for r in shown) == sorted(overview)


@pytest.mark.server
def test_a_measure_counts_under_each_of_its_groups(datasette, measures):
    facets = get_json(f"{datasette}/measures/measure_lookup.json")["facet_results"]
    groups = {v["value"]: v["count"] for v in facets["适用人群"]["results"]}
    assert groups["创业者"] == sum("entrepreneur" in m.groups for m in measures) > 2


@pytest.mark.server
def test_an_office_the_plan_does_not_name_is_never_shown_as_named(datasette, measures):
    offices = {r["编号"]: r["承办部门"] for r in rows(datasette, "/measures/measure_lookup", _size="max")}
    for m in measures:
        assert offices[m.id] == (m.department if m.department_source == "text" else "原文未写明承办部门")


@pytest.mark.server
def test_whole_sentence_search_ranks_like_the_bot(datasette):
    found = rows(datasette, "/measures/search", question="我外公是抗美援朝老兵，今年補助多少")
    assert found[0]["编号"] == "veteran_korean_war" and "14580元提高到15780元" in found[0]["原文"]


@pytest.mark.server
def test_canned_queries_compute_with_the_bots_calculator(datasette):
    [conscript] = rows(datasette, "/measures/conscript_allowance", service_years="8", age="72")
    assert "每月200元" in conscript["答复"]
    awards = {r["认证"]: r["答复"] for r in rows(datasette, "/measures/certification_award", product_count="3")}
    assert "24000元" in awards["绿色食品认证奖补"]
    [said] = rows(datasette, "/measures/calculate", measure_id="merit_addition", caller_said="立过二等功")
    assert "每月100元" in said["答复"]


@pytest.mark.server
def test_the_measure_table_takes_no_sql_from_the_ui_and_stays_whole(datasette):
    refusals = {}
    for sql in ("delete from measures", "select count(*) as n from measures"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            get_json(f"{datasette}/measures.json?" + urllib.parse.urlencode({"sql": sql}))
        refusals[sql.split()[0]] = refused.value.code
    assert refusals["select"] == 403 and refusals["delete"] in (400, 403)  # arbitrary SQL is off, not only writes
    assert len(rows(datasette, "/measures/measures", _size="max")) == 72


@pytest.mark.server
def test_unanswered_questions_show_newest_first_masked_and_grouped(datasette):
    operator = logged_in(datasette)
    logged = get_json_as(operator, f"{datasette}/unanswered/unanswered.json?_shape=array")
    assert [r["id"] for r in logged] == sorted((r["id"] for r in logged), reverse=True)
    assert not any(n in r["text"] for r in logged for n in ("13812345678", "220102195001011234"))
    summary = get_json_as(operator, f"{datasette}/unanswered/unanswered_summary.json?_shape=array")
    assert (summary[0]["次数"], summary[0]["最近原话"]) == (2, "快遞到哪了")


@pytest.mark.browser
@pytest.mark.server
def test_search_page_screenshot(datasette):
    with browser() as chromium:
        page = chromium.new_page(viewport=DESKTOP)
        page.goto(f"{datasette}/measures/measure_lookup?_search=" + urllib.parse.quote("抗美援朝"))
        assert "抗美援朝老兵生活补助" in page.content()
        assert screenshot(page, "lookup_search").stat().st_size > 10_000
