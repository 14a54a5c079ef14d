"""A citizen profile → the measures that apply, with amounts or the facts still needed."""
from __future__ import annotations

import pytest

from bot.plan.calculator import KINDS
from bot.plan.eligibility import Profile, categories, entitlements, for_other_subjects
from bot.plan.facts import InvalidFact


def listed(profile, measures) -> dict[str, tuple[float | None, tuple[str, ...]]]:
    return {e.measure.id: (e.result and e.result.amount, e.needs) for e in entitlements(profile, measures)}


def test_an_anti_japanese_veteran_gets_his_standard_and_is_asked_about_merit(measures):
    assert listed(Profile(facts={"veteran_category": "抗日老兵"}), measures) == {
        "veteran_anti_japanese": (21060, ()),
        "merit_addition": (None, ("merit",)),
    }


def test_an_old_conscript_with_years_and_merit_gets_both_monthly_amounts(measures):
    facts = {"veteran_category": "老义务兵", "age": 72, "service_years": 8, "merit": "二等功"}
    assert listed(Profile(facts=facts), measures) == {"former_conscript": (200, ()), "merit_addition": (100, ())}


def test_a_conscript_under_60_is_left_out_of_the_conscript_allowance(measures):
    facts = {"veteran_category": "老义务兵", "age": 55, "service_years": 8}
    assert "former_conscript" not in listed(Profile(facts=facts), measures)


def test_a_veteran_of_unknown_category_is_asked_for_it(measures):
    found = listed(Profile(frozenset({"veteran"})), measures)
    assert found["veteran_korean_war"] == (15780, ("veteran_category",))
    assert found["former_conscript"][1] == ("veteran_category", "age", "service_years")


def test_a_survivor_profile_does_not_list_veteran_measures(measures):
    found = listed(Profile(facts={"veteran_category": "烈士遗属"}), measures)
    assert found == {"survivor_martyr": (24570, ())}


def test_a_cooperative_with_three_products_sees_every_certification_award(measures):
    found = listed(Profile(frozenset({"coop"}), {"product_count": 3}), measures)
    assert found["cert_pollution_free"] == (5000, ())
    assert found["cert_green_food"] == (24000, ())
    assert found["cert_organic_new"] == (50000, ())
    assert found["cert_geographic"] == (100000, ())


def test_a_difficulty_entrepreneur_short_of_six_months_is_left_out(measures):
    def subsidy(months: int):
        found = listed(Profile(frozenset({"difficulty"}), {"months_in_business": months}), measures)
        return found.get("startup_subsidy_difficulty")

    assert subsidy(3) is None
    assert subsidy(7) == (5000, ())


@pytest.mark.parametrize(
    "group, expected",
    [
        ("agency", "job_referral_subsidy"),
        ("graduate", "student_project_funding"),
        ("researcher", "leave_to_start_business"),
        ("low_income", "dibao_floor"),
        ("poor_farmer", "poor_farmer_loans"),
        ("migrant_worker", "returnee_training"),
        ("employer", "incubators"),
        ("injured_worker", "work_injury_benefits"),
    ],
)
def test_each_group_finds_its_measures(measures, group, expected):
    assert expected in listed(Profile(frozenset({group})), measures)


def test_what_has_an_amount_comes_first_and_what_is_ready_before_what_needs_a_fact(measures):
    """A 5000元 start-up subsidy still needing its months is worth more to the citizen than a rule without a sum."""
    found = entitlements(Profile(frozenset({"veteran", "coop", "difficulty"})), measures)
    order = [(not KINDS[e.measure.kind].has_amount, bool(e.needs)) for e in found]
    assert order == sorted(order) and any(e.needs for e in found)


def test_plan_overview_records_are_not_entitlements(measures):
    everyone = frozenset({"resident", "veteran", "survivor", "coop", "difficulty", "researcher"})
    ids = listed(Profile(everyone), measures)
    assert not {"plan_overview", "lead_department", "duty_civil_affairs", "startup_outlets"} & set(ids)


def test_an_unknown_category_is_an_error_listing_the_known_ones(measures):
    with pytest.raises(InvalidFact, match="抗美援朝老兵") as raised:
        entitlements(Profile(facts={"veteran_category": "星球大战老兵"}), measures)
    assert raised.value.fact == "veteran_category"


def test_an_unknown_group_is_refused(measures):
    with pytest.raises(ValueError, match="aliens"):
        entitlements(Profile(frozenset({"aliens"})), measures)


def test_categories_come_from_the_table(measures):
    assert set(categories(measures)) == {
        "抗日老兵", "解放战争老兵", "抗美援朝老兵", "烈士遗属", "因公牺牲军人遗属", "病故军人遗属", "老义务兵", "烈士老年子女",
    }


def test_another_measures_category_is_set_aside_unless_it_stands(measures):
    conscript = next(m for m in measures if m.id == "former_conscript")
    facts = {"veteran_category": "抗日老兵", "age": 72, "service_years": 8}
    assert for_other_subjects(conscript, facts) == {"veteran_category"}
    assert for_other_subjects(conscript, facts, standing={"veteran_category"}) == set()
    assert for_other_subjects(conscript, {**facts, "veteran_category": "老义务兵"}) == set()
