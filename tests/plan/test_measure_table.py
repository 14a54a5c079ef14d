"""Every row traceable to the policy text, and every figure of the text in the table."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot import ROOT
from bot.plan.numbers import figure_spans, figures
from bot.plan.records import MEASURES_DIR, MeasureError, load_measures

POLICY = ROOT / "data" / "policy" / "changchun_nuanliu_2017.txt"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_592f1b06b2cf9d5a.txt"
SQUEEZED_POLICY = re.sub(r"\s+", "", POLICY.read_text(encoding="utf-8"))

# Figures of the plan a citizen or operator asks about (from the issue and the text), in 元 or units.
PLAN_FIGURES = [
    19860, 21060, 14920, 16120, 14580, 15780, 23970, 24570, 17860, 18460, 16890, 17490,  # veteran standards
    20, 25, 60, 3600, 4800,  # conscripts and martyrs' children
    50, 100, 150, 200,  # merit additions
    3000, 1000, 10000, 20000, 2000, 30000, 50000, 100000,  # 三品一标
    5000, 6, 8, 180, 1,  # startup subsidy, job introduction
    4000, 300, 5, 74, 60_000_000,  # farmers
    130_000, 110_000, 1_000_000, 4, 85, 15,  # employment targets
    5200, 10, 150_000_000, 3000, 70000, 6000,  # entrepreneurship
    8_714_000, 3_790_000_000, 435, 20.8, 37, 27,  # overview
    70,  # researchers
]
# Printed numbers that are not figures of a measure, by the phrase they stand in, and why.
NOT_FIGURES = {
    "2016年": "a year: the previous plan",
    "2017年": "the plan's year",
    "A04": "the newspaper's page code",
    "2月8日": "the approval date, quoted whole by plan_approval",
    "六类人惠及871.4万人次": "the headline, repeating plan_overview's figure",
    "每增加1个产品": "the unit of the per-product increment, not an amount",
}


def table_numbers(measures) -> set[float]:
    return {float(n) for m in measures for n in m.numbers}


@pytest.fixture(scope="module")
def raw_records() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(MEASURES_DIR.glob("*.yml")):
        for rec in yaml.safe_load(path.read_text(encoding="utf-8"))["measures"]:
            out.append((path.name, rec))
    return out


def test_every_quote_occurs_in_the_policy_text(raw_records):
    missing = [r["id"] for _, r in raw_records if re.sub(r"\s+", "", r["quote"]) not in SQUEEZED_POLICY]
    assert not missing


def test_every_number_of_a_record_occurs_in_its_quote(measures):
    wrong = [(m.id, n) for m in measures for n in m.numbers if float(n) not in figures(m.quote)]
    assert not wrong


@pytest.mark.parametrize("figure", PLAN_FIGURES)
def test_plan_figure_is_in_the_table(figure, measures):
    assert float(figure) in table_numbers(measures)


def test_every_number_printed_in_the_plan_is_quoted_by_a_record_holding_it(measures):
    """By place, not by value: 300公顷 of hazelnuts is not covered by 300名技师."""
    text = re.sub(r"(?<![\d.])[1-6]\.(?!\d)", "", SQUEEZED_POLICY)  # list markers "1." … "6." of 关注二
    spans = [(m.start(), m.end()) for phrase in NOT_FIGURES for m in re.finditer(re.escape(phrase), text)]
    quoted = [(text.find(m.quote), len(m.quote), {float(n) for n in m.numbers}) for m in measures]
    unexplained = [
        (text[max(pos - 8, 0):pos + 8], values)
        for pos, values in figure_spans(text)
        if not any(start <= pos < end for start, end in spans)
        and not any(start <= pos < start + length and values <= held for start, length, held in quoted)
    ]
    assert not unexplained


def test_the_table_covers_the_lead_and_all_ten_sections(measures):
    sections = {m.section for m in measures}
    assert sections == {"导语", *(f"关注{n}" for n in "一二三四五六七八九十")}


def test_the_shipped_policy_is_the_reference_text():
    if not SHARED_SEED.exists():
        pytest.skip("no ../shared/seeds beside this clone to compare with")
    assert POLICY.read_bytes() == SHARED_SEED.read_bytes()


def test_department_named_by_the_text_is_in_the_text(measures):
    named = [m for m in measures if m.department_source == "text"]
    assert named and all(m.department in SQUEEZED_POLICY for m in named)


def test_measures_with_no_named_department_fall_to_the_lead(measures):
    lead = [m for m in measures if m.department_source == "lead"]
    assert lead and {m.department for m in lead} == {"市人社局"}


# --- a bad edit is refused with its place named ---------------------------------

GOOD = {
    "id": "sample", "title": "样例", "audience": "老兵", "groups": ["veteran"], "department": "市民政局",
    "department_source": "text", "kind": "standard",
    "params": {"old": 19860, "new": 21060, "unit": "元", "period": "每年"},
    "conditions": [], "quote": "抗日老兵由每人每年19860元提高到21060元", "keywords": [],
}


def write(tmp_path: Path, records: list[dict], name: str = "10_test.yml") -> Path:
    doc = {"section": "关注十", "heading": "测试", "effective": 2017, "measures": records}
    (tmp_path / name).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_a_good_record_loads(tmp_path):
    assert [m.id for m in load_measures(write(tmp_path, [GOOD]))] == ["sample"]


@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"quote": "抗日老兵每年发一百万元"}, "quote", "not found in the policy text"),
        ({"params": {"old": 19860, "new": 22000, "unit": "元", "period": "每年"}}, "params", "22000"),
        ({"kind": "lottery"}, "kind", "lottery"),
        ({"params": {"old": 19860}}, "params", "needs new, unit, period"),
        ({"groups": ["aliens"]}, "groups", "aliens"),
        ({"department": "市外星局"}, "department", "not named"),
        ({"title": None}, "title", "must be a str"),
        ({"colour": "red"}, "colour", "unknown field"),
        ({"requires": [{"fact": "shoe_size", "min": 1, "label": "x"}]}, "requires", "facts.yml"),
    ],
)
def test_a_bad_record_is_refused_naming_file_record_and_field(tmp_path, change, field, words):
    write(tmp_path, [GOOD | change])
    with pytest.raises(MeasureError) as raised:
        load_measures(tmp_path)
    message = str(raised.value)
    assert "10_test.yml" in message and "record sample" in message and f"field {field}" in message
    assert words in message


def test_a_missing_field_is_named(tmp_path):
    record = {k: v for k, v in GOOD.items() if k != "quote"}
    with pytest.raises(MeasureError, match=r"record sample, field quote: missing"):
        load_measures(write(tmp_path, [record]))


def test_a_duplicate_id_names_both_files(tmp_path):
    write(tmp_path, [GOOD], "a.yml")
    write(tmp_path, [GOOD], "b.yml")
    with pytest.raises(MeasureError, match=r"b.yml, record sample, field id: already used in a.yml"):
        load_measures(tmp_path)


def test_broken_yaml_names_the_file(tmp_path):
    (tmp_path / "broken.yml").write_text("section: 关注十\nmeasures: [\n", encoding="utf-8")
    with pytest.raises(MeasureError, match=r"broken.yml: not valid YAML"):
        load_measures(tmp_path)
