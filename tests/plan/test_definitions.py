"""What the plan's words cover (data/definitions.yml, bot/plan/definitions.py): quoted from the plan, and asked."""
from __future__ import annotations

import pytest

from bot.plan.definitions import load_definitions
from bot.plan.records import policy_text, squeeze

DEFINITIONS = load_definitions()


@pytest.mark.parametrize("d", DEFINITIONS.terms, ids=lambda d: d.term)
def test_every_definition_is_the_plans_own_sentence_and_names_a_record_of_its_section(d, store):
    assert squeeze(d.quote) in policy_text()
    assert store.get(d.measure).section == d.section


@pytest.mark.parametrize("text, term", [
    ("就业困难人员都包括哪些人", "就业困难人员"), ("啥样的人算就业困难人员", "就业困难人员"),
    ("大龄是多大岁数", "大龄失业人员"), ("三品一标是啥意思", "三品一标"),
    ("就业困难人员创业补贴多少钱", None),  # a measure for them is asked, not what the words cover
    ("什么意思", None),
])
def test_what_a_term_covers_is_asked_only_with_the_term_and_a_word_that_asks_it(text, term):
    found = DEFINITIONS.asked_in(text)
    assert (found.term if found else None) == term


def test_the_kinds_a_terms_sentence_lists_are_found_as_written_there():
    listing = DEFINITIONS.named("就业困难人员")
    assert DEFINITIONS.listed_in(listing, "残疾人算不算") == ["残疾人"]
    assert DEFINITIONS.listed_in(listing, "大龄失业人员算吗") == ["大龄失业人员"]  # its ages in brackets aside
    assert DEFINITIONS.listed_in(listing, "退休的算不算") == []
    assert DEFINITIONS.listed_in(DEFINITIONS.named("大龄失业人员"), "残疾人算不算") == []  # a term of ages lists none
