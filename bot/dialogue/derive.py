"""The full question computed: each line's result, and the figures asked of them, each with its derivation.

A figure is a node of a small tree: its leaves are figures of a measure's quote
or numbers the citizen stated, its steps the plan's operations (per year, per
service year, base + increment, count × rate) and those asked of results
(totals, differences, conversions between month and year, rises, percentages,
caps). The reply is read off these nodes, so every number it states has its
derivation; the search-based provenance check stays behind it as a second line.

A verdict needs its deciding facts: a line about a person whose requirement is
unknown gives the standard and asks (年满60周岁才能领: 请告诉我年龄), and one whose
requirement fails says which and by how much (还差3年), never an amount as theirs.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.dialogue.context import Context, Line
from bot.plan.calculator import MONTHS, Result, calculate, granted_years
from bot.plan.eligibility import older_jobless, older_jobless_ages
from bot.plan.facts import (
    FactError,
    MissingFact,
    NotEligible,
    NotEligibleUnless,
    money_facts,
    of_no_one,
)
from bot.plan.measure import Measure
from bot.plan.numbers import about, money, plain
from bot.plan.records import load_groups
from bot.plan.store import MeasureStore
from bot.reading.people import SELF
from bot.reading.question import SOME_OF


@dataclass(frozen=True)
class Figure:
    """One figure of the answer: its value, its unit and period, and the calculation that shows it."""
    value: float
    period: str = ""  # 每年, 每月, 一次性 …; "" for a one-off or a figure without a period
    unit: str = "元"
    shown: str = ""  # the calculation line (15780元 ÷ 12 = 1315元); "" for a figure the plan gives as it is
    parts: tuple[Figure, ...] = ()

    def text(self) -> str:
        """The figure as the reply writes it: 每年15780元, 约1343.33元, 33.33%, 3年."""
        if self.unit == "元":
            return f"{self.period if self.period in MONTHS else ''}{about(self.value)}"
        return f"{plain(round(self.value, 2))}{self.unit}"

    def values(self) -> set[float]:
        return {self.value}.union(*(p.values() for p in self.parts))


@dataclass(frozen=True)
class Outcome:
    """One line computed: the measure, whom it is for, and its result or what stops it."""
    line: Line
    measure: Measure
    who: str  # 您爸, 3位 …; "" for no one in particular
    count: int
    result: Result | None = None
    error: FactError | None = None
    needs: tuple[str, ...] = ()  # requirements unknown for this person (年满60周岁): the amount is not yet theirs
    facts: Mapping[str, Any] = field(default_factory=dict)
    assumed: tuple[str, ...] = ()  # requirements taken as met, asked of the time they are (年满60周岁)
    until: Mapping[str, Any] = field(default_factory=dict)  # the facts so taken, as they are now (age 57): 还差几年
    unchecked: tuple[str, ...] = ()  # a counted group's requirements nobody told (5个老义务兵: 年满60周岁 each)

    @property
    def figure(self) -> Figure | None:
        """The amount of the line in its own period, times its count (3位 × 15780元)."""
        r = self.result
        if r is None or r.amount is None or r.amount_max is not None or self.needs:
            return None
        one = Figure(r.amount, r.period, r.unit if r.unit == "元" else r.unit)
        if self.count == 1:
            return one
        return Figure(r.amount * self.count, r.period, one.unit,
                      f"{money(r.amount)} × {self.count}{_per(self.measure)} = {money(r.amount * self.count)}", (one,))

    @property
    def old(self) -> Figure | None:
        r = self.result
        if r is None or r.old_amount is None or self.needs:
            return None
        return Figure(r.old_amount * self.count, r.period)


def outcomes(c: Context, store: MeasureStore) -> list[Outcome]:
    """Each line of the context computed with the facts of its person, of the question and of its own."""
    done = []
    for line in c.lines:
        measure = store.find(line.measure)
        if measure is None:
            continue
        person = c.person(line.person)
        general = c.facts if person is None or person.key == SELF else {  # told of no one: the asker's own; of
            k: v for k, v in c.facts.items() if k in of_no_one()}  # someone else, the city's figures only
        if person is None and (me := c.person(SELF)) is not None and not any(x.person for x in c.lines):
            general = {**{k: v for k, v in me.facts.items() if k in money_facts()}, **general}  # 我交了1140: the fee
        facts: dict[str, Any] = {**general, **(person.facts if person else {}), **line.facts}
        for fact, value in measure.categories.items():  # the line is theirs because they are of its kind
            facts[fact] = value
        for short in [r["fact"] for r in measure.requires if "excluded" in facts and "min" in r and isinstance(
                facts.get(r["fact"]), (int, float)) and facts[r["fact"]] < r["min"]]:
            facts.pop(short, None)  # 有3个只签了半年合同 / 其中1个才干了5个月: a figure short of the rule is the excluded ones'
        if c.total and "count" not in facts and "group" not in facts and person is None and (
                planned := measure.params.get("planned")):  # 这些示范点一共补多少: as many as the plan builds
            facts["count"] = planned  # (俺村建了个, 俺们合作社整了个: theirs, one)
        count = line.count or (person.count if person and person.count > 1 else 1)
        if measure.kind == "percent":  # 团队4个人 of a 70% reward: the sum told is the group's together, not
            count = 1  # each one's
        per = _per(measure)  # 3个网点 of sites, 3位 of people
        who = (f"{count}{'位' if per == '人' else per}" if person is None or person.key == person.label else
               person.label) if count > 1 else (person.label if person else "")
        unknown = [r for r in measure.requires if "min" in r and facts.get(r["fact"]) is None]
        counted = count > 1 or isinstance(facts.get("count"), (int, float)) or (  # 我介绍成了15个: the requirement
            person is not None and SOME_OF in person.key)  # 其中1人服役4年: one of those counted, as they are
        needs = tuple(r["fact"] for r in unknown) if person is not None and not counted else ()  # is theirs,
        unchecked = tuple(r["label"] for r in unknown) if person is not None and counted else ()  # not the asker's
        assumed: tuple[str, ...] = ()
        until: dict[str, Any] = {}
        if c.once_met:  # 等他也满60了 / 等他满50了再开店 够六个月: each requirement not yet met, or not told, met
            unmet = [r for r in measure.requires if "min" in r and (
                not isinstance(facts.get(r["fact"]), (int, float)) or facts[r["fact"]] < r["min"])]
            until = {r["fact"]: facts[r["fact"]] for r in unmet if r["fact"] in facts}
            facts.update({r["fact"]: r["min"] for r in unmet})
            assumed = tuple(r["label"] for r in unmet)
            needs = tuple(n for n in needs if n not in facts)
            unchecked = tuple(u for u in unchecked if u not in assumed)
        if person is not None and count == 1 and (why := _not_older_jobless(measure, facts, store)):
            done.append(Outcome(line, measure, who, count, error=NotEligibleUnless("age", why), facts=facts))
            continue
        if person is not None and (why := _never_served(measure, facts) or _at_work(measure, facts)):
            done.append(Outcome(line, measure, who, count, error=NotEligible("group", why), facts=facts))
            continue
        try:
            done.append(Outcome(line, measure, who, count, calculate(measure, facts), needs=needs, facts=facts,
                                assumed=assumed, unchecked=unchecked, until=until))
        except FactError as error:
            done.append(Outcome(line, measure, who, count, error=error, facts=facts))
    return done


DIFFICULT = frozenset(g for g, spec in load_groups().items() if g == "difficulty" or "difficulty" in spec.get("implies", ()))


def _groups_told(facts: Mapping[str, Any]) -> set[Any]:
    """The groups told of someone (失业, 在银行上班 …), the one they were first told to be among them."""
    return set(facts.get("groups", ())) | {facts.get("group")}


def _not_older_jobless(measure: Measure, facts: Mapping[str, Any], store: MeasureStore) -> str | None:
    """Why a job seeker told only as 失业, of an age and gender below the plan's 大龄失业 ages, is none of the
    就业困难人员 a measure is for (女38, 失业: no); None where anything else might make them one."""
    said = _groups_told(facts)
    if "difficulty" not in measure.groups or "job_seeker" not in said or said & DIFFICULT:
        return None
    age, gender = facts.get("age"), facts.get("gender")
    if not isinstance(age, (int, float)) or gender not in ("男", "女") or older_jobless({"job_seeker"}, facts, store.measures):
        return None
    gap = older_jobless_ages(store.measures).get(str(gender), age) - age
    return (f"{measure.title}的条件是：属于8类就业困难人员。按您说的（{gender}，{plain(age)}岁，失业），不算大龄失业人员"
            f"（男满50周岁、女满40周岁；还差{plain(gap)}年）；如是国有集体企业下岗失业、低保、残疾或家庭经济困难的高校毕业生，"
            f"仍属就业困难人员。")


def _never_served(measure: Measure, facts: Mapping[str, Any]) -> str | None:
    """Why someone told never to have served (他没当过兵) has no veteran's measure, a merit won elsewhere included."""
    if facts.get("served") is not False or "veteran" not in measure.groups:
        return None
    return f"{measure.title}是给服过役的人的（{'；'.join(measure.conditions)}）。按您说的没当过兵，不在其中。"


def _at_work(measure: Measure, facts: Mapping[str, Any]) -> str | None:
    """Why someone told to be at work (在银行上班 周末开个网店) is none of the 就业困难人员 a measure is for; None
    where they are told to be one of them too (下岗职工, 残疾人)."""
    said = _groups_told(facts)
    if "difficulty" not in measure.groups or "employee" not in said or said & (DIFFICULT | {"job_seeker"}):
        return None
    return (f"{measure.title}的条件是：属于8类就业困难人员（国有集体企业下岗失业人员、低保人员、大龄失业人员、残疾人、"
            f"家庭经济困难未就业高校毕业生等）。按您说的在职上班，不在其中；如属于其中一类，请告诉我。")


def in_period(figure: Figure, period: str | None) -> Figure:
    """The figure over `period` (每年 ↔ 每月), with the conversion shown; as it is when it does not convert."""
    if period is None or figure.period not in MONTHS or period not in MONTHS or period == figure.period:
        return figure
    value = figure.value * MONTHS[period] / MONTHS[figure.period]
    sign, factor = ("÷", 12) if MONTHS[period] < MONTHS[figure.period] else ("×", 12)
    return Figure(value, period, figure.unit, f"{money(figure.value)} {sign} {factor} = {period}{about(value)}", (figure,))


def over_span(figure: Figure, months: int) -> Figure | None:
    """两年一共 / 一个季度: a figure by the month or the year, over that many months (by the year where whole years)."""
    if figure.period not in MONTHS:
        return None
    if months % 12 == 0 and figure.period == "每年":
        years = months // 12
        value = figure.value * years
        return Figure(value, "", "元", f"{about(figure.value)} × {years}年 = {about(value)}", (figure,))
    monthly = in_period(figure, "每月")
    if figure.period == "每年" and monthly.value != round(monthly.value, 2):  # 每年31900元, 半年: 31900 ÷ 12 × 6, not the
        value = figure.value * months / 12  # month rounded (约2658.33 × 6 = 15949.98) times six
        return Figure(value, "", "元", f"{about(figure.value)} ÷ 12 × {months}个月 = {about(value)}", (figure,))
    value = monthly.value * months
    return Figure(value, "", "元", f"{about(monthly.value)} × {months}个月 = {about(value)}", (monthly,))


def share_of(part: Figure, whole: Figure) -> Figure:
    """抗日那俩占百分之多少: a part of a total in percent, two decimals (42120元 ÷ 73680元 = 57.17%)."""
    value = round(part.value / whole.value * 100, 2)
    return Figure(value, "", "%", f"{money(part.value)} ÷ {money(whole.value)} = {plain(value)}%", (part, whole))


def shared(figure: Figure, people: int) -> Figure:
    """团队5个人平分 / 合作社20户平分: the figure over that many people or households, each one's share."""
    value = figure.value / people
    return Figure(value, figure.period, figure.unit,
                  f"{figure.period if figure.period in MONTHS else ''}{about(figure.value)} ÷ {people} = {about(value)}",
                  (figure,))


def part_of(figure: Figure, num: int, den: int, said: str) -> Figure:
    """拿出一半 / 负责人拿四成: that part of the figure (15780元 × 一半 = 7890元), the part named as the citizen said it."""
    value = figure.value * num / den
    return Figure(value, figure.period, figure.unit, f"{about(figure.value)} × {said} = {about(value)}", (figure,))


def rest_of(whole: Figure, part: Figure) -> Figure:
    """剩下的: what a part leaves of the whole (40000元 − 16000元 = 24000元)."""
    value = whole.value - part.value
    return Figure(value, whole.period, whole.unit, f"{about(whole.value)} − {about(part.value)} = {about(value)}",
                  (whole, part))


def span_words(months: int) -> str:
    """24 → 两年, 6 → 半年, 3 → 1个季度: the span as the reply names it."""
    if months == 6:
        return "半年"
    if months % 12 == 0:
        return f"{months // 12}年"
    return f"{months // 3}个季度" if months % 3 == 0 and months < 12 else f"{months}个月"


def total(figures: list[Figure], period: str | None) -> Figure | None:
    """The sum of figures that add up: all one-off, or all periodic (each converted to one period)."""
    if len(figures) < 2:
        return None
    periods = {f.period for f in figures}
    if not periods & set(MONTHS):  # one-off awards, sums for sites or people: they add up as they are
        value = sum(f.value for f in figures)
        return Figure(value, "", "元", f"{' + '.join(money(f.value) for f in figures)} = {money(value)}",
                      tuple(figures))
    if not periods <= set(MONTHS):
        return None if period == "每月" else _first_year(figures)
    target = period or ("每年" if "每年" in periods else figures[0].period)
    converted = [in_period(f, target) for f in figures]
    value = sum(f.value for f in converted)
    return Figure(value, target, "元", f"{' + '.join(about(f.value) for f in converted)} = {target}{about(value)}",
                  tuple(converted))


def then_and_now(o: Outcome) -> Figure | None:
    """去年按老标准 今年按新标准 两年一共: last year's standard and this year's, each over its year, added up."""
    new, old = o.figure, o.old
    if new is None or old is None or new.period not in MONTHS:
        return None
    before, now = in_period(old, "每年"), in_period(new, "每年")
    value = before.value + now.value
    return Figure(value, "", "元", f"去年{about(before.value)} + 今年{about(now.value)} = {about(value)}", (before, now))


def _first_year(figures: list[Figure]) -> Figure:
    """一次性5000元 + 每年15780元, 加一块多少: what the first year brings, the one-off counted once."""
    yearly = [in_period(f, "每年") if f.period in MONTHS else f for f in figures]
    value = sum(f.value for f in yearly)
    said = " + ".join(f"{f.period if f.period in MONTHS else '一次性'}{about(f.value)}" for f in yearly)
    return Figure(value, "", "元", f"{said} = 头一年{about(value)}（一次性的只领一次）", tuple(yearly))


def rise(o: Outcome) -> Figure | None:
    """How much the plan raised the line (new − old), or the addition itself (立功增发 is a rise)."""
    r, new = o.result, o.figure
    if r is None or new is None:
        return None
    if o.old is not None and o.count > 1 and r.amount is not None and r.old_amount is not None:  # 5个老兵: each
        each = r.amount - r.old_amount  # one's rise, times them (1200元 × 5人)
        return Figure(each * o.count, new.period, "元",
                      f"{money(each)} × {o.count}{_per(o.measure)} = {money(each * o.count)}", (new, o.old))
    if o.old is not None:
        value = new.value - o.old.value
        return Figure(value, new.period, "元", f"{money(new.value)} − 原来{money(o.old.value)} = {money(value)}",
                      (new, o.old))
    if any("增加" in step for step in r.steps):
        return new
    return None


def saved(o: Outcome) -> Figure | None:
    """能省多少 / 三年下来省多少: what a fee cut leaves unpaid of the fee told (2000元 − 1900元 = 100元), by the
    year — a fee told is what one pays a year (一年交两千)."""
    new, old = o.figure, o.old
    if new is None or old is None or new.value >= old.value:
        return None
    value = old.value - new.value
    return Figure(value, new.period if new.period in MONTHS else "每年", "元",
                  f"{money(old.value)} − {money(new.value)} = {money(value)}", (old, new))


def rise_percent(o: Outcome) -> Figure | None:
    """(new − old) ÷ old, in percent, two decimals: 抗日老兵 (21060 − 19860) ÷ 19860 = 6.04%; a rate per year of
    service rose by the same percentage whatever the years (老义务兵 (25 − 20) ÷ 20 = 25%)."""
    up = rise(o)
    p = o.measure.params
    if up is None and o.measure.kind == "per_service_year" and p.get("old_rate"):
        value = (p["new_rate"] - p["old_rate"]) / p["old_rate"] * 100
        return Figure(round(value, 2), "", "%", f"（{money(p['new_rate'])} − {money(p['old_rate'])}）÷ {money(p['old_rate'])}"
                      f" = {plain(round(value, 2))}%")
    if up is None or o.old is None or o.figure is None or not o.old.value:
        return None
    value = up.value / o.old.value * 100
    return Figure(round(value, 2), "", "%",
                  f"（{money(o.figure.value)} − {money(o.old.value)}）÷ {money(o.old.value)} = {plain(round(value, 2))}%",
                  (up, o.old))


_ONE_OFF = {"", "一次性"}  # a sum paid once, whether the plan says 一次性 or the rule reckons it


def difference(first: Figure, second: Figure) -> Figure | None:
    """The larger less the smaller, over one period (两类老兵差多少)."""
    if first.period != second.period and not ({first.period, second.period} <= set(MONTHS)) \
            and not {first.period, second.period} <= _ONE_OFF:  # 绿色 3万 (reckoned) against 有机 一次性5万
        return None
    second = in_period(second, first.period) if first.period in MONTHS else second
    high, low = sorted((first, second), key=lambda f: f.value, reverse=True)
    value = high.value - low.value
    period = first.period if first.period in MONTHS else ""
    return Figure(value, first.period, first.unit, f"{money(high.value)} − {money(low.value)} = {period}{money(value)}",
                  (high, low))


def bound(o: Outcome, which: str) -> Figure | None:
    """最多 / 最少: the cap or the floor the plan sets (无公害最多1万元, 绿色最少2万元, 网点1至3万元), times the
    sites counted (5个网点最多: 3万元 × 5)."""
    p = o.measure.params
    if o.measure.kind == "base_plus_increment":
        one = Figure(p["cap"] if which == "max" else p["base"], "", "元")
    elif o.measure.kind == "range":
        one = Figure(p["max"] if which == "max" else p["min"], "", "元")
    elif o.measure.kind == "percent" and o.figure is not None and o.result is not None:  # 收益320万，最少奖励多少
        if which == "max" and p["relation"] == "不低于":
            return None  # 不低于70%: the plan sets a floor, no cap
        return replace(o.figure, shown="，".join(o.result.steps))  # 不低于收益的70%，按320万元计，至少224万元
    else:
        return o.figure
    n = o.facts.get("count") or o.count
    if not isinstance(n, (int, float)) or n <= 1:
        return one
    return Figure(one.value * n, "", "元", f"{money(one.value)} × {plain(n)} = {money(one.value * n)}", (one,))


def rest(o: Outcome) -> Figure | None:
    """单位最多留多少: what a floor of a share leaves of the sum told (收益100万，不低于70%奖励团队: at most 30万)."""
    p, told = o.measure.params, o.facts.get("base_amount")
    if o.measure.kind != "percent" or p.get("relation") != "不低于" or not isinstance(told, (int, float)):
        return None
    value = told * (100 - p["rate"]) / 100
    return Figure(value, "", "元", f"{money(told)} × （100% − {plain(p['rate'])}%） = {money(value)}")


def left(o: Outcome) -> Figure | None:
    """开了3年，还能免几年: what remains of a span the plan grants (5年内免收土地租金) after the time in business told."""
    told, years = o.facts.get("months_in_business"), granted_years(o.measure)
    if years is None or not isinstance(told, (int, float)):
        return None
    months = years * 12 - told
    said = (Figure(told, "", "个月"), Figure(told / 12, "", "年"))  # the time told, as the line may write it
    if months <= 0:
        return Figure(0, "", "年", f"已经营{span_words(int(told))}，{plain(years)}年的期限已过", said)
    value, unit = (months / 12, "年") if months % 6 == 0 else (months, "个月")  # 42个月: 3.5年
    return Figure(value, "", unit, f"{plain(years)}年 − 已经营{span_words(int(told))} = {plain(value)}{unit}", said)


def reach(o: Outcome) -> Figure | None:
    """几个产品就到顶: the count at which an award of base + increment meets its cap (绿色: (3万 − 2万) ÷ 0.2万 + 1);
    of an award the citizen told (拿了2万4，是几个产品), the count that gives it, when one does; of a sum paid per
    person (拿了7200的职业介绍补贴), the people it pays for."""
    p = o.measure.params
    told = o.facts.get("base_amount")
    if p.get("per") and isinstance(told, (int, float)) and "count" not in o.facts and (
            o.result is not None and o.result.amount):  # 拿了7200的职业介绍补贴，是介绍了多少人: 7200 ÷ 180
        n, per = told / o.result.amount, _per(o.measure)
        return Figure(n, "", per, f"{money(told)} ÷ {money(o.result.amount)} = {plain(n)}{per}") if n == int(n) else None
    if o.measure.kind != "base_plus_increment":
        return None
    goal = told if isinstance(told, (int, float)) and p["base"] <= told <= p["cap"] else p["cap"]
    n = (goal - p["base"]) / p["increment"] + 1
    if n != int(n):
        return None  # 2万5 is no award of whole products
    return Figure(n, "", "个产品", f"（{money(goal)} − {money(p['base'])}）÷ {money(p['increment'])} + 1 = {plain(n)}个产品")


def wait(o: Outcome) -> Figure | None:
    """还差几年: how far the person's fact is from the requirement that rules them out (年满60周岁: 57岁 → 3年), or
    from the one taken as met (还差几年 到时候一个月多少: the years, and the amount then)."""
    if not isinstance(o.error, NotEligible) and not o.until:
        return None
    for r in o.measure.requires:
        value = o.until.get(r["fact"], o.facts.get(r["fact"]))
        if "min" in r and isinstance(value, (int, float)) and value < r["min"]:
            unit = {"age": "年", "months_in_business": "个月", "contract_years": "年"}.get(r["fact"], "")
            gap = r["min"] - value
            if r["fact"] == "contract_years" and gap != int(gap):  # 签了8个月合同: 还差4个月, not 0.33年
                months = round(value * 12)
                gap_months = round(r["min"] * 12) - months
                return Figure(gap_months, "", "个月", f"{plain(r['min'])}年 − {months}个月 = {gap_months}个月")
            return Figure(gap, "", unit, f"{plain(r['min'])} − {plain(value)} = {plain(gap)}{unit}")
    return None


def missing_fact(outcomes_: Iterable[Outcome]) -> tuple[str, str | None] | None:
    """(the fact to ask, whose) for the first line that cannot be computed without it."""
    for o in outcomes_:
        if isinstance(o.error, MissingFact):
            return o.error.fact, o.line.person
        if o.needs:
            return o.needs[0], o.line.person
    return None


def _per(measure: Measure) -> str:
    """What a count counts: the plan's unit (网点), else people where the plan pays each person, else 个 (合作社)."""
    return str(measure.params.get("per") or ("人" if "人" in measure.quote else "个"))

