"""Conversations composed from the plan's own data: every standard, award and rate × what is asked × the
period × people and counts × each follow-up rule × the ways of saying it (phrasing.yml), each turn with the
figures tests/dialogue/corpus/reference.py computes for it. Deterministic: the same list every run."""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from opencc import OpenCC

from tests.dialogue.corpus import reference as ref

PHRASING = yaml.safe_load((Path(__file__).parent / "phrasing.yml").read_text(encoding="utf-8"))
_TRADITIONAL = OpenCC("s2t")
_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class Turn:
    said: str
    amounts: tuple[float, ...] = ()  # every figure the reply must state
    verdict: bool = False  # the reply must say the person does not qualify (暂不符合)


@dataclass(frozen=True)
class Conversation:
    name: str
    turns: tuple[Turn, ...] = field(default_factory=tuple)


def chinese(n: int) -> str:
    """12 → 十二, 72 → 七十二: how voice input and elderly typists write small numbers."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return f"{'' if tens == 1 else _DIGITS[tens]}十{_DIGITS[ones] if ones else ''}"


def said(n: int, rng: random.Random) -> str:
    return chinese(n) if rng.random() < 0.4 and n < 100 else str(n)


def _pick(rng: random.Random, words: list[str]) -> str:
    return words[rng.randrange(len(words))]


def standards(rng: random.Random) -> Iterator[Conversation]:
    """Each standard, asked each thing, then a period changed, another category swapped in, the two added up or
    compared."""
    categories = PHRASING["categories"]
    for measure, words in categories.items():
        new, old = ref.yearly(measure)
        for kind, templates in PHRASING["asked"].items():
            for template in templates:
                first = template.format(c=_pick(rng, words))
                expected = {"amount": (new,), "per_month": (ref.month(new),), "old": (old,), "rise": (new - old,),
                            "rise_pct": (ref.percent(new, old),)}[kind]
                yield Conversation(f"{measure} {kind}: {first}", (Turn(first, expected),))
        other = rng.choice([m for m in categories if m != measure])
        new2, _ = ref.yearly(other)
        for rule, templates in PHRASING["follow_ups"].items():
            opening = Turn(f"{_pick(rng, words)}一年多少钱", (new,))
            swap = Turn(_pick(rng, PHRASING["follow_ups"]["swap"]).format(c=_pick(rng, categories[other])), (new2,))
            follow = _pick(rng, templates)
            if rule == "to_month":
                turns = (opening, Turn(follow, (ref.month(new),)))
            elif rule == "to_year":
                turns = (Turn(f"{_pick(rng, words)}一个月多少", (ref.month(new),)), Turn(follow, (new,)))
            elif rule == "swap":
                turns = (opening, swap)
            elif rule == "total":
                turns = (opening, swap, Turn(follow, (new + new2,)))
            else:
                turns = (opening, swap, Turn(follow, (abs(new - new2),)))
            yield Conversation(f"{measure} {rule}: {' / '.join(t.said for t in turns)}", turns)


def relatives(rng: random.Random) -> Iterator[Conversation]:
    """Two relatives, each of a category, added up by the year and then by the month."""
    categories = list(PHRASING["categories"])
    for _ in range(600):
        a, b = rng.sample(PHRASING["relatives"], 2)
        ca, cb = rng.sample(categories, 2)
        na, nb = ref.yearly(ca)[0], ref.yearly(cb)[0]
        wa, wb = _pick(rng, PHRASING["categories"][ca]), _pick(rng, PHRASING["categories"][cb])
        turns = (Turn(f"{a}是{wa}，一年能领多少", (na,)),
                 Turn(f"那{b}呢，{b}是{wb}", (nb,)),
                 Turn("俩人加起来一年多少", (na + nb,)),
                 Turn("一个月呢", (ref.month(na + nb),)))
        yield Conversation(f"relatives: {' / '.join(t.said for t in turns)}", turns)


def conscripts(rng: random.Random) -> Iterator[Conversation]:
    """A conscript's years and age, a correction of the years, a year's worth, a merit added to the month."""
    for _ in range(700):
        who = _pick(rng, PHRASING["relatives"])
        age, years, again = rng.randint(55, 88), rng.randint(2, 12), rng.randint(2, 15)
        merit = _pick(rng, PHRASING["merits"])
        first = f"{who}{said(age, rng)}岁，当过{said(years, rng)}年义务兵，每月能领多少"
        if age < 60:
            yield Conversation(f"conscript under 60: {first}", (Turn(first, verdict=True),))
            continue
        turns = (Turn(first, (ref.conscript_monthly(years)[0],)),
                 Turn(f"不对，是{said(again, rng)}年", (ref.conscript_monthly(again)[0],)),
                 Turn("一年呢", (ref.conscript_monthly(again)[0] * 12,)),
                 Turn(f"他还立过{merit}，一共每月多少", (ref.conscript_monthly(again)[0] + ref.merit_monthly(merit),)))
        yield Conversation(f"conscript: {' / '.join(t.said for t in turns)}", turns)


def certifications(rng: random.Random) -> Iterator[Conversation]:
    """An award for n products, one more product, and two kinds of award added up."""
    awards = PHRASING["certifications"]
    for measure, words in awards.items():
        for products in range(1, 9):
            first = f"合作社头一次拿了{_pick(rng, words)}，{said(products, rng)}个产品，能奖多少"
            turns = (Turn(first, (ref.certification(measure, products),)),
                     Turn("再加一个产品呢", (ref.certification(measure, products + 1),)))
            yield Conversation(f"{measure} {products}: {' / '.join(t.said for t in turns)}", turns)
    for _ in range(400):
        n1, n2 = rng.randint(1, 7), rng.randint(1, 7)
        (m1, w1), (m2, w2) = [(m, _pick(rng, w)) for m, w in awards.items()]
        text = f"{w1}{said(n1, rng)}个产品，{w2}{said(n2, rng)}个产品，一共能奖多少"
        total = ref.certification(m1, n1) + ref.certification(m2, n2)
        yield Conversation(f"two awards: {text}", (Turn(text, (total,)),))


def counts(rng: random.Random) -> Iterator[Conversation]:
    """A village's veterans counted, a month's worth of it; people placed and sites set up times the rate."""
    for measure, words in PHRASING["categories"].items():
        for n in range(2, 11):
            text = f"俺们村{said(n, rng)}个{_pick(rng, words)}，一年一共多少"
            new = ref.yearly(measure)[0]
            turns = (Turn(text, (new * n,)), Turn("一个月呢", (ref.month(new * n),)))
            yield Conversation(f"village: {text}", turns)
    for n in range(2, 60):
        text = f"我们中介免费介绍了{said(n, rng)}个就业困难人员，都签了一年以上合同，能拿多少补贴"
        yield Conversation(f"placed: {text}", (Turn(text, (ref.per_person("job_referral_subsidy", n),)),))
        sites = f"区里设了{said(n, rng)}个创业扶持网点，最多能补多少"
        yield Conversation(f"sites: {sites}", (Turn(sites, (ref.outlets_cap(n),)),))


def groups(rng: random.Random) -> Iterator[Conversation]:
    """A village's conscripts told one by one (1个65当了3年), one too young; a correction by the wrong age; the
    sum once he is 60; the sum by the month and the year at once."""
    for _ in range(250):
        n = rng.randint(2, 5)
        ages = [rng.randint(61, 88) for _ in range(n)]
        years = [rng.randint(2, 12) for _ in range(n)]
        young = rng.randrange(n)
        ages[young] = rng.randint(55, 59)
        members = " ".join(f"一个{said(a, rng)}当了{said(y, rng)}年" for a, y in zip(ages, years, strict=True))
        paid = sum(ref.conscript_monthly(y)[0] for i, y in enumerate(years) if i != young)
        everyone = sum(ref.conscript_monthly(y)[0] for y in years)
        first = f"俺们村{said(n, rng)}个老义务兵 {members} 一个月一共能领多少"
        if rng.random() < 0.5:
            second = Turn(f"哦那个{said(ages[young], rng)}的说错了 他是{said(rng.randint(60, 80), rng)}", (everyone,))
        else:
            second = Turn(_pick(rng, PHRASING["once_met"]), (everyone,))
        turns = (Turn(first, (paid,), verdict=True), second, Turn("一年呢", (everyone * 12,)))
        yield Conversation(f"group: {' / '.join(t.said for t in turns)}", turns)


def listed(rng: random.Random) -> Iterator[Conversation]:
    """A group and a list of as many numbers (老义务兵3人 服役3 4 5年 / 兄妹3人 66 62 57岁), as operators note them:
    each member by their number, one sibling under 60 left out of the sum, then the old standard."""
    for _ in range(80):
        n = rng.randint(2, 4)
        years = [rng.randint(2, 12) for _ in range(n)]
        first = f"老义务兵{said(n, rng)}人 均满60 服役{' '.join(map(str, years))}年 月合计"
        monthly = sum(ref.conscript_monthly(y)[0] for y in years)
        yield Conversation(f"listed: {first}", (Turn(first, (monthly,)), Turn("一年呢", (monthly * 12,))))
        ages = [rng.randint(61, 80) for _ in range(n)]
        young = rng.randrange(n)
        ages[young] = rng.randint(50, 59)
        first = f"烈士老年子女 兄妹{said(n, rng)}人 {' '.join(map(str, ages))}岁 年补合计"
        new, old = ref.yearly("survivor_martyr_child")
        turns = (Turn(first, ((n - 1) * new,) if n > 2 else (new,), verdict=True),
                 Turn("按旧标准合计多少", ((n - 1) * old,) if n > 2 else (old,), verdict=True))
        yield Conversation(f"listed: {first}", turns)


def shortfalls(rng: random.Random) -> Iterator[Conversation]:
    """People placed, some of them not paid for (有8个没签满1年): the rate × those left."""
    for _ in range(120):
        n = rng.randint(5, 60)
        out = rng.randint(1, n - 1)
        text = (f"职业介绍补贴 俺们中介免费介绍了{said(n, rng)}个就业困难人员 都交了社保 "
                f"有{said(out, rng)}个{_pick(rng, PHRASING['not_paid_for'])} 能领多少")
        yield Conversation(f"shortfall: {text}", (Turn(text, (ref.per_person("job_referral_subsidy", n - out),)),))


def two_periods(rng: random.Random) -> Iterator[Conversation]:
    """Two standards compared by the year and by the month at once (年差 月差), then against a third."""
    categories = list(PHRASING["categories"])
    for _ in range(100):
        a, b, c = rng.sample(categories, 3)
        (na, _), (nb, _), (nc, _) = ref.yearly(a), ref.yearly(b), ref.yearly(c)
        wa, wb, wc = (_pick(rng, PHRASING["categories"][m]) for m in (a, b, c))
        turns = (Turn(f"{wa}和{wb} {_pick(rng, PHRASING['both_periods'])}", (abs(na - nb), ref.month(abs(na - nb)))),
                 Turn(f"比{wc}呢", (abs(na - nc), ref.month(abs(na - nc)))))
        yield Conversation(f"two periods: {' / '.join(t.said for t in turns)}", turns)


def merits(rng: random.Random) -> Iterator[Conversation]:
    for level in PHRASING["merits"]:
        for template in ("荣立{m}的每月加多少", "立过{m}一个月多给多少钱"):
            first = template.format(m=level)
            turns = (Turn(first, (ref.merit_monthly(level),)), Turn("一年呢", (ref.merit_monthly(level) * 12,)))
            yield Conversation(f"merit: {first}", turns)
    levels = PHRASING["merits"]
    for size in (2, 3, 4):  # 三等功和二等功各加多少: every level named is answered, each by the year after
        for start in range(len(levels) - size + 1):
            named = levels[start:start + size]
            first = f"{'、'.join(named[:-1])}和{named[-1]}每月各加多少"
            monthly = tuple(ref.merit_monthly(level) for level in named)
            turns = (Turn(first, monthly), Turn("一年各多少", tuple(m * 12 for m in monthly)))
            yield Conversation(f"merit levels: {first}", turns)


def target_figures(rng: random.Random) -> Iterator[Conversation]:
    """What follows from a target's own figures, named by their labels: two side by side added up, compared, one
    as a multiple of the other and as a share of them all; one averaged over another (phrasing.yml)."""
    for measure in PHRASING["parallel_targets"]:
        items = ref.targets()[measure]
        whole = sum(item["value"] for item in items)
        for a, b in ((a, b) for i, a in enumerate(items) for b in items[i + 1:]):
            big, small = sorted((a, b), key=lambda item: item["value"], reverse=True)
            asked = (Turn(f"{a['label']}和{b['label']}一共多少{a['unit']}", (a["value"] + b["value"],)),
                     Turn(f"{big['label']}比{small['label']}多多少", (big["value"] - small["value"],)),
                     Turn(f"{big['label']}是{small['label']}的几倍", (round(big["value"] / small["value"], 2),)),
                     Turn(f"{a['label']}占多大比例", (round(a["value"] / whole * 100, 2),)))
            for turn in asked:
                yield Conversation(f"targets: {turn.said}", (turn,))
    for average in PHRASING["averages"]:
        figures = {item["label"]: item["value"] for item in ref.targets()[average["measure"]]}
        for said in average["said"]:
            turn = Turn(said, (round(figures[average["of"]] / figures[average["over"]], 2),))
            yield Conversation(f"targets: {said}", (turn,))


@cache
def corpus() -> tuple[Conversation, ...]:
    """Every generated conversation; a quarter of the first turns in 繁體, as WeChat users type them too."""
    rng = random.Random(2017)
    families = (standards, relatives, conscripts, certifications, counts, groups, listed, shortfalls, two_periods,
                merits, target_figures)
    made = [c for family in families for c in family(rng)]
    for i, c in enumerate(made):
        if i % 4 == 3:
            first = Turn(_TRADITIONAL.convert(c.turns[0].said), c.turns[0].amounts, c.turns[0].verdict)
            made[i] = Conversation(c.name, (first, *c.turns[1:]))
    return tuple(made)
