"""One fact, three files: data/facts.yml names it, domain.yml declares the entity the NLU marks it with, and
data/fact_patterns.yml reads it.

A fact missing from one of them is silently never extracted (no entity, no
pattern) or never checked (no bounds); a name left behind in one file after a
fact is dropped is dead configuration. Facts are remembered in the
conversation's context (the slot `context`), not one slot each, so no slot is
filled from an entity.
"""
from __future__ import annotations

import re

import pytest
import yaml

from bot import DATA, ROOT
from bot.plan.facts import load_specs

FACTS = set(load_specs())
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
PATTERNS = yaml.safe_load((DATA / "fact_patterns.yml").read_text(encoding="utf-8"))
PATTERN_KINDS = ("numbers", "words", "phrases")
# Entities that are not facts a citizen tells, and why they are in domain.yml.
NOT_FACTS = {
    "group": "who the citizen is (data/groups.yml), read by the fact extractor from the groups' synonyms",
    "elsewhere": "the place or year outside the plan, set by the scope guard",
    "rating": "满意 or 不满意, set by the rating buttons' payloads (domain.yml, utter_offer_rating)",
}


def entity_slots() -> dict[str, str]:
    """slot → the entity it is filled from, for the slots filled from an entity."""
    return {name: mapping["entity"] for name, slot in DOMAIN["slots"].items()
            for mapping in slot["mappings"] if mapping["type"] == "from_entity"}


def patterned() -> set[str]:
    return {fact for kind in PATTERN_KINDS for fact in PATTERNS[kind]}


@pytest.mark.parametrize("fact", sorted(FACTS))
def test_every_fact_is_an_entity_the_nlu_marks(fact):
    assert fact in DOMAIN["entities"]


def test_no_slot_is_filled_from_an_entity_the_context_holds_the_facts():
    assert entity_slots() == {} and "context" in DOMAIN["slots"]


@pytest.mark.parametrize("fact", sorted(FACTS))
def test_every_fact_has_a_pattern_to_read_it_from_a_citizens_words(fact):
    assert fact in patterned()


def test_no_entity_slot_or_pattern_names_a_fact_that_does_not_exist():
    assert set(DOMAIN["entities"]) - FACTS == set(NOT_FACTS)
    assert set(entity_slots()) - FACTS <= set(NOT_FACTS)
    assert set(entity_slots().values()) <= set(DOMAIN["entities"])
    assert patterned() <= FACTS


def texts_of(value: object) -> list[str]:
    """Every string in a response (its text, its buttons' titles and payloads)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in texts_of(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts_of(v)]
    return []


@pytest.mark.parametrize("name", sorted(DOMAIN["responses"]))
def test_every_placeholder_in_a_response_is_a_slot(name):
    """Rasa fills {slot} in responses the way this does; a {…} naming no slot (a button's JSON payload with
    single braces) is sent raw with an ERROR in the log on every use. Literal braces are doubled."""
    slots = {slot: "" for slot in DOMAIN["slots"]}
    for text in texts_of(DOMAIN["responses"][name]):
        re.sub(r"{([^\n{}]+?)}", r"{0[\1]}", text).format(slots)  # KeyError: a placeholder no slot fills
