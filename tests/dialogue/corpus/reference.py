"""The plan's arithmetic, written a second time and apart from bot/plan/calculator.py, for the generated
conversations: read straight from data/measures/*.yml, each rule as the plan's sentence says it."""
from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from bot import DATA


@cache
def params() -> dict[str, dict[str, Any]]:
    """Each record's parameters by id, as the YAML holds them."""
    found = {}
    for path in sorted((DATA / "measures").glob("*.yml")):
        for record in yaml.safe_load(path.read_text(encoding="utf-8"))["measures"]:
            found[record["id"]] = record["params"]
    return found


def yearly(measure: str) -> tuple[float, float]:
    """(new, old) per person per year: 由每人每年X元提高到Y元."""
    p = params()[measure]
    assert p["period"] == "每年"
    return p["new"], p["old"]


def conscript_monthly(years: int) -> tuple[float, float]:
    """(new, old) per month: 每人每服役一年每月20元提高到25元."""
    p = params()["former_conscript"]
    return p["new_rate"] * years, p["old_rate"] * years


def merit_monthly(level: str) -> float:
    """荣立三等功的每人每月增加50元 …"""
    return params()["merit_addition"]["levels"][level]


def certification(measure: str, products: int) -> float:
    """The organisation's award: the base for the first product, the increment for each additional one, the cap."""
    p = params()[measure]
    return min(p["base"] + (products - 1) * p["increment"], p["cap"])


def per_person(measure: str, people: int) -> float:
    """180元/人 times the people placed."""
    return params()[measure]["amount"] * people


def outlets_cap(sites: int) -> float:
    """补贴每个网点1-3万元: at most the upper end for each site."""
    return params()["startup_outlets"]["max"] * sites


def month(yearly_amount: float) -> float:
    return round(yearly_amount / 12, 2)


def percent(new: float, old: float) -> float:
    return round((new - old) / old * 100, 2)


@cache
def targets() -> dict[str, list[dict[str, Any]]]:
    """Each target record's figures by id (label, value, unit), as the YAML holds them."""
    return {rid: p["items"] for rid, p in params().items() if "items" in p}
