"""From who a citizen is to what the plan gives them.

A profile names the groups a person belongs to (data/groups.yml) and the
facts they have told us. Every measure for those groups is tried: it applies
with its amount, it still needs facts (named, so the dialogue can ask), or
the facts rule it out and it is left out.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from bot.plan.calculator import KINDS, Result, calculate
from bot.plan.facts import InvalidFact, MissingFact, NotEligible, label
from bot.plan.measure import Measure
from bot.plan.records import load_groups


@dataclass(frozen=True)
class Profile:
    groups: frozenset[str] = frozenset()
    facts: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Entitlement:
    measure: Measure
    result: Result | None  # None while a fact the amount depends on is missing
    needs: tuple[str, ...]  # facts still to ask before the measure is known to apply


def categories(measures: Iterable[Measure]) -> dict[str, str]:
    """Each value a requirement matches exactly (抗日老兵, 老义务兵 …) → the fact it belongs to."""
    return {str(value): fact for m in measures for fact, value in m.categories.items()}


def for_other_subjects(measure: Measure, facts: Mapping[str, object], standing: AbstractSet[str] = frozenset()) -> set[str]:
    """The facts that would rule `measure` out only by saying whom another measure is for (a category it
    requires, given with another value): they name the other measure's subject, not this one's person, so
    they are set aside for `measure` rather than held against it. Those in `standing` are checked as usual.
    The chat lets a category said in the message it answers stand (我是抗日老兵，当兵八年…: checked) and sets
    aside one remembered from an earlier subject; the desk lets none stand, since a caller's 抗日老兵 names
    the card asked about, and the other categories' cards are simply about others."""
    return {fact for fact, value in measure.categories.items()
            if fact not in standing and facts.get(fact) not in (None, value)}


def older_jobless(groups: AbstractSet[str], facts: Mapping[str, object], measures: Iterable[Measure]) -> set[str]:
    """{"difficulty"} for a job seeker of the plan's 大龄失业 age (男满50周岁，女满40周岁: the ages the 一次性创业补贴
    record quotes), told by age and gender; else nothing."""
    age, gender = facts.get("age"), facts.get("gender")
    if "job_seeker" not in groups or not isinstance(age, (int, float)) or gender not in ("男", "女"):
        return set()
    threshold = older_jobless_ages(measures).get(str(gender))
    return {"difficulty"} if threshold is not None and age >= threshold else set()


def older_jobless_ages(measures: Iterable[Measure]) -> dict[str, int]:
    """{男: 50, 女: 40}: the 大龄失业 ages the 一次性创业补贴 record quotes."""
    return {item["label"][-3]: item["value"] for m in measures for item in m.params.get("items", ())
            if "大龄失业" in item["label"] and item["label"].endswith("满）")}


def _check_profile(profile: Profile, measures: list[Measure]) -> None:
    unknown = set(profile.groups) - set(load_groups())
    if unknown:
        raise ValueError(f"unknown groups {sorted(unknown)}; see data/groups.yml")
    known = categories(measures)
    for fact, value in profile.facts.items():
        if value is not None and fact in known.values() and value not in known:
            options = "、".join(v for v, f in known.items() if f == fact)
            raise InvalidFact(fact, f"政策中没有“{value}”这一{label(fact)}，列出的是：{options}。")


def _groups_of(profile: Profile, measures: list[Measure]) -> set[str]:
    """The profile's groups plus those its category implies (an 抗日老兵 is a veteran) and those a group
    implies (groups.yml: a 低保户 is one of the 就业困难人员 of the start-up subsidy)."""
    given = {str(v) for v in profile.facts.values() if v is not None}
    implied = {g for m in measures if {str(v) for v in m.categories.values()} & given for g in m.groups}
    groups = set(profile.groups) | implied
    return groups | {g for group in groups for g in load_groups()[group].get("implies", ())}


def entitlements(profile: Profile, measures: Iterable[Measure]) -> list[Entitlement]:
    """What applies to the profile: what serves more of the groups it states first, then what has an amount (ready
    ones before those still needing a fact), then the rest, plan order.
    A measure's groups are those who benefit in person: the city's job targets name none."""
    measures = list(measures)
    _check_profile(profile, measures)
    groups = _groups_of(profile, measures)
    found = []
    for m in measures:
        if not groups & set(m.groups):
            continue
        needs = tuple(r["fact"] for r in m.requires if profile.facts.get(r["fact"]) is None)
        try:
            result = calculate(m, profile.facts)
        except NotEligible:
            continue
        except MissingFact as missing:
            result, needs = None, tuple(dict.fromkeys((*needs, missing.fact)))
        found.append(Entitlement(m, result, needs))
    return sorted(found, key=lambda e: (-_served(e.measure, profile.groups), not KINDS[e.measure.kind].has_amount,
                                        bool(e.needs)))


def _served(m: Measure, stated: Iterable[str]) -> int:
    """How many of the groups the citizen said they are the measure serves, by its groups or its title: for 低保户
    想开个小店, the start-up subsidy (就业困难人员, of whom 低保 are one; 创业 in its name) serves both."""
    groups = load_groups()
    served = 0
    for name in stated:
        group = groups.get(name, {})
        words = (group.get("label", name), *group.get("synonyms", ()))
        served += bool({name, *group.get("implies", ())} & set(m.groups) or any(w in m.title for w in words))
    return served

