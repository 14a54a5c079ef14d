"""Masking over the corpus of written formats: personal numbers gone, the plan's numbers kept."""
from __future__ import annotations

import re

import pytest
import yaml

from bot.privacy.masking import mask
from tests.conftest import CASES

PERSONAL_DATA = yaml.safe_load((CASES / "personal_data.yml").read_text(encoding="utf-8"))


def test_the_corpus_covers_at_least_fifty_formats():
    assert len(PERSONAL_DATA["personal"]) >= 50


@pytest.mark.parametrize("case", PERSONAL_DATA["personal"], ids=lambda c: c["text"])
def test_a_personal_number_in_any_written_form_is_masked(case):
    masked = mask(case["text"])
    assert case["hidden"] not in re.sub(r"\D", "", masked), masked
    assert "*" in masked


@pytest.mark.parametrize("case", PERSONAL_DATA["kept"], ids=lambda c: c["text"])
def test_the_numbers_the_plan_needs_are_kept(case):
    assert mask(case["text"]) == case["text"]


def test_masking_twice_changes_nothing_more():
    for case in PERSONAL_DATA["personal"]:
        assert mask(mask(case["text"])) == mask(case["text"])
