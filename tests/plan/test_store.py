"""build/measures.db: built reproducibly with sqlite-utils, searchable in Chinese, read-only."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from bot import ROOT
from bot.plan.records import load_aspects
from bot.plan.store import OVERVIEW, MeasureStore, StoreError, build
from bot.reading.normaliser import normalizer


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_building_twice_gives_the_same_database(measures, tmp_path):
    build(measures, tmp_path / "a.db")
    build(measures, tmp_path / "b.db")
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")


def test_the_table_has_one_row_per_measure_with_json_params(measures, db_path):
    db = sqlite_utils.Database(db_path)
    assert db["measures"].count == len(measures)
    row = db["measures"].get("veteran_korean_war")
    assert json.loads(row["params"]) == {"old": 14580, "new": 15780, "unit": "元", "period": "每年", "per": "人"}
    assert (row["section"], row["department"]) == ("关注十", "市民政局")
    assert row["summary"] == "每年15780元（原14580元）"


def test_every_row_names_its_aspect_and_the_overview_says_what_it_is(measures, db_path):
    with sqlite3.connect(db_path) as conn:
        aspects = dict(conn.execute("select 编号, 所属方面 from measure_lookup").fetchall())
    overview = {m.id for m in measures if m.section not in load_aspects()}
    assert overview and {i for i, a in aspects.items() if a == OVERVIEW} == overview
    assert set(aspects.values()) == {*load_aspects().values(), OVERVIEW}


def test_lookup_columns_are_indexed_and_text_is_full_text_searchable(db_path):
    db = sqlite_utils.Database(db_path)
    indexed = {tuple(i.columns) for i in db["measures"].indexes}
    assert {("section",), ("department",), ("kind",)} <= indexed
    assert db["measures"].detect_fts() == "measures_fts"


def test_the_indexed_text_is_cut_into_words(db_path):
    row = sqlite_utils.Database(db_path)["measures"].get("veteran_korean_war")
    assert "抗美援朝" in row["search_text"].split()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("抗美援朝", "veteran_korean_war"),
        ("绿色食品", "cert_green_food"),
        ("创业补贴", "startup_subsidy_difficulty"),
        ("下岗", "startup_subsidy_difficulty"),
        ("抗日战争老兵每年的补助标准是多少", "veteran_anti_japanese"),
        ("有机产品认证再认证第1年能拿多少", "cert_organic_renewal"),
        ("离岗创业期间编制还保留吗", "leave_to_start_business"),
        ("渔业资源增殖保护费降低多少", "fishery_fee_cut"),
        ("失能人员医疗照护保险", "medical_insurance"),  # found through the quote's words, not a keyword
    ],
)
def test_search_finds_the_measure_a_question_is_about(store, query, expected):
    assert store.search(query)[0].id == expected


def test_search_understands_traditional_characters_after_normalising(store):
    assert store.search(normalizer(store.measures)("抗美援朝老兵補助標準"))[0].id == "veteran_korean_war"


@pytest.mark.parametrize("query", ["你能帮我查一下快递吗", "", "？？？", "'; DROP TABLE measures; --", '"" OR AND NEAR( *'])
def test_search_for_nothing_in_the_plan_finds_nothing_and_breaks_nothing(store, db_path, measures, query):
    assert store.search(query) == []
    assert len(MeasureStore(db_path).measures) == len(measures)


def test_store_round_trips_every_measure(measures, store):
    assert {m.id: m for m in store.measures} == {m.id: m for m in measures}


def test_the_store_cannot_change_the_table(store):
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store._conn.execute("delete from measures")


def test_a_missing_database_says_how_to_rebuild_it(tmp_path):
    with pytest.raises(StoreError, match=r"missing\.db is missing: run `make db`"):
        MeasureStore(tmp_path / "missing.db")


def test_a_corrupt_database_says_how_to_rebuild_it(tmp_path):
    bad = tmp_path / "corrupt.db"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"corrupt\.db is unreadable .*make db"):
        MeasureStore(bad)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_build_db_command_reports_progress_and_writes_the_database(tmp_path):
    out = run_cli("build-db", "--db", str(tmp_path / "m.db"), "--jieba-dict", str(tmp_path / "dict.txt"))
    assert out.returncode == 0, out.stderr
    assert "loaded 72 measures" in out.stdout and "wrote" in out.stdout
    assert "抗美援朝老兵 100000 n" in (tmp_path / "dict.txt").read_text(encoding="utf-8").splitlines()


def test_a_bad_edit_fails_the_build_and_keeps_the_previous_database(tmp_path):
    db, words = tmp_path / "m.db", tmp_path / "dict.txt"
    assert run_cli("build-db", "--db", str(db), "--jieba-dict", str(words)).returncode == 0
    before = dump(db)
    broken = tmp_path / "measures"
    broken.mkdir()
    source = (ROOT / "data" / "measures" / "10_low_income.yml").read_text(encoding="utf-8")
    (broken / "10_low_income.yml").write_text(source.replace("new: 15780", "new: 15880"), encoding="utf-8")
    out = run_cli("build-db", "--measures-dir", str(broken), "--db", str(db), "--jieba-dict", str(words))
    assert out.returncode == 1
    assert "10_low_income.yml, record veteran_korean_war, field params: 15880 does not occur in its quote" in out.stderr
    assert dump(db) == before


def test_command_line_help_names_the_build():
    out = run_cli("--help")
    assert out.returncode == 0 and "build-db" in out.stdout


@pytest.mark.parametrize(
    "fact, value, measure_id",
    [("veteran_category", "烈士老年子女", "survivor_martyr_child"),  # the measure requiring the value
     ("service_years", 12, "former_conscript"),  # the only measure counting with the fact
     ("product_count", 3, None),  # two certification awards count products: no guess
     ("age", 70, None)],
)
def test_a_stated_fact_points_to_a_measure_only_when_one_fits(store, fact, value, measure_id):
    found = store.made_for(fact, value)
    assert (found.id if found else None) == measure_id


@pytest.mark.parametrize("question, ids", [
    ("烈士遗属和病故军人遗属各多少", ["survivor_martyr", "survivor_died_of_illness"]),
    ("绿色食品认证2个产品，再加1个有机认证", ["cert_green_food", "cert_organic_new"]),
    ("有机产品再认证第一年能拿多少", ["cert_organic_renewal"]),
    ("暖流计划是谁牵头的", ["lead_department"]),
    ("农村低保标准给具体数了吗", ["retired_1960s_allowance"]),  # the plan says 农村低保标准 only there
    ("城区低保标准多少", ["dibao_floor"]),
])
def test_every_measure_a_question_names_is_found_in_the_order_named(store, question, ids):
    assert [m.id for m in store.all_named_in(question)] == ids
