"""Facts from what citizens type: numbers by pattern, categories and groups by the table's words."""
from __future__ import annotations

import pytest
import yaml

from bot.reading.fact_reader import PATTERNS_FILE, FactExtractor
from bot.reading.normaliser import normalizer


@pytest.fixture(scope="module")
def extract(store):
    return FactExtractor(store.measures, normalizer(store.measures))


@pytest.mark.parametrize(
    "typed, facts",
    [
        ("我外公72岁，以前当过八年义务兵", {"age": 72, "service_years": 8, "veteran_category": "老义务兵"}),
        ("我爸服役三年，今年六十五歲，立過三等功", {"service_years": 3, "age": 65, "merit": "三等功"}),
        ("合作社初次有两个产品获无公害农产品认证", {"product_count": 2}),
        ("我们合作社有两个产品", {"group": "coop", "product_count": 2}),
        ("创业补贴多少钱", {}),  # a word in a question says nothing about who asks
        ("我们有３个产品", {"product_count": 3}),
        ("我們合作社有三個綠色食品認證", {"group": "coop", "product_count": 3}),
        ("营业执照办下来八个月了", {"months_in_business": 8}),
        ("那抗战老兵呢", {"veteran_category": "抗日老兵"}),
        ("志愿军老战士补助", {"veteran_category": "抗美援朝老兵"}),
        ("有荣誉称号的加多少", {"merit": "个人荣誉称号"}),
        ("签了两年劳动合同", {"contract_years": 2}),
        ("成果转让收益100万元", {"base_amount": 1_000_000}),
        ("我是大学生", {"group": "graduate"}),
        ("我爸是烈士，我今年六十二岁", {"veteran_category": "烈士老年子女", "age": 62}),  # a martyr's child
        ("我父亲被追认为烈士", {"veteran_category": "烈士老年子女"}),
        ("今天天气怎么样", {}),
        ("2017年暖流计划", {}),  # a year is no fact about the citizen
        ("服役-3年", {"service_years": -3}),  # kept negative, so the bounds refuse it
        ("服役负三年", {"service_years": -3}),
        ("当过五年义务兵 能领每服役一年每月给25块的不", {"service_years": 5, "veteran_category": "老义务兵"}),  # the
        # plan's rate (每服役一年) quoted back is no length of service
        ("哦不对 俺爹当的是九年", {"service_years": 9}),
        ("60-70岁", {"age": 70}),  # a range's dash is no minus sign
    ],
)
def test_facts_are_read_from_the_message(extract, typed, facts):
    assert extract.facts(typed) == facts


def test_each_fact_points_at_the_words_the_user_typed(extract):
    typed = "當過八年義務兵"
    spans = {f.fact: typed[f.start:f.end] for f in extract(typed)}
    assert spans == {"service_years": "八", "veteran_category": "義務兵"}


def test_every_phrase_names_a_category_of_the_table(store):
    spec = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    categories = {(r["fact"], r.get("equals")) for m in store.measures for r in m.requires}
    for fact, phrases in spec["phrases"].items():
        for phrase in phrases:
            assert (fact, phrase["value"]) in categories, phrase


@pytest.mark.parametrize("text, facts", [
    ("当过8.5年义务兵", {"service_years": 8.5}),
    ("绿色食品3.7个产品", {"product_count": 3.7}),
    ("无公害认证1,000个产品", {"product_count": 1000}),
    ("当过8年兵,今年72岁", {"service_years": 8, "age": 72}),
    ("当地上年度人均可支配收入3万元", {"disposable_income": 30000}),
])
def test_decimals_and_thousands_separators_are_read_whole(extract, text, facts):
    found = {k: v for k, v in extract.facts(text).items() if k in facts}
    assert found == facts
