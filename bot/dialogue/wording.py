"""Reply text: short, the amount in digits and 元, the condition, the office, the source.

A WeChat screen shows about 400 characters comfortably, so replies are built
from parts and the quote, the longest part, is shortened last.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.dialogue.derive import Figure, in_period
from bot.dialogue.derive import total as sum_of
from bot.plan.calculator import MONTHS, Result, over
from bot.plan.definitions import Definition
from bot.plan.eligibility import Entitlement
from bot.plan.facts import FactError, NotEligible, NotEligibleUnless, label
from bot.plan.measure import Measure
from bot.plan.numbers import about, money, plain
from bot.plan.summary import amount_text, formula_text
from bot.reading.cues import PERIODS

GOOD, POOR = "满意", "不满意"  # the ratings (好差评), as the rating offer's buttons give them (utter_offer_rating)
SCREEN = 400  # characters a WeChat screen shows comfortably: the reply as read, the offers sent with it
RATING_OFFER = len(f"\n{GOOD}\n{POOR}")  # utter_offer_rating read after an answer (its text is empty)
HANDOVER_OFFER = len("\n需要帮您转人工客服吗？\n是\n否")  # utter_offer_handover (tests/dialogue/test_wording.py
# holds both to domain.yml)
MAX_REPLY = SCREEN - RATING_OFFER  # an answer's text, with room for the rating offer beside it
BUTTONS = 6  # a list's entries that did not fit, offered as buttons
LEAD_NOTE = "（计划牵头部门；原文未写明承办部门）"


def department_text(measure_or_result: Measure | Result) -> str:
    note = LEAD_NOTE if measure_or_result.department_source == "lead" else ""
    return f"{measure_or_result.department}{note}"


def fit(before: list[str], quote_head: str, quote: str, after: list[str]) -> str:
    """Lines with the quote between them, the quote shortened so the whole stays within MAX_REPLY."""
    room = MAX_REPLY - len("\n".join([*before, *after, quote_head + "”"]))
    if len(quote) > room:
        quote = _shortened(quote, max(room, 11))
    return "\n".join([*before, f"{quote_head}{quote}”", *after])


def within(text: str, room: int) -> str:
    """A reply cut to `room` characters, where a line was added after it was fit (a note, a second answer): the
    plan's quote shortened first, else the end."""
    if len(text) <= room:
        return text
    over = len(text) - room
    start, end = text.find("“"), text.rfind("”")
    if 0 <= start < end and end - start - 1 > over + 10:
        quote = text[start + 1:end]
        return text[:start + 1] + _shortened(quote, len(quote) - over) + text[end:]
    return _shortened(text, room)


def on_screen(lines: Sequence[str]) -> str:
    """Lines with no quote of their own to shorten (lists, sums, an office's measures), the empty ones left out,
    cut to MAX_REPLY."""
    return within("\n".join(line for line in lines if line), MAX_REPLY)


def _shortened(text: str, room: int) -> str:
    """`text` cut to `room` characters ending in …, never inside a number (1.5万 cut to 1.… would state another
    figure)."""
    cut = room - 1
    while cut > 0 and text[cut - 1] in "0123456789.":
        cut -= 1
    return text[:cut] + "…"


def _conditions_and_office(conditions: tuple[str, ...], source: Measure | Result) -> list[str]:
    return [*(["条件：" + "；".join(conditions)] if conditions else []), "咨询：" + department_text(source)]


def _asked(result: Result, kind: str, period: str | None = None) -> tuple[str, list[str]]:
    """The headline for what was asked of the amount (the kind, over the period asked for: 折合每个月多多少),
    and the calculation lines that show it."""
    period = period or PERIODS.get(kind)
    if kind == "old" and result.amount is None and result.amount_max is None and result.figures:
        return "暖流计划只写了2017年的数字，没有写往年的", []  # 2016年惠及多少人: never 2017's figures for that year
    if result.amount is None or result.amount_max is not None:
        return amount_text(result), []
    now = f"{result.period}{money(result.amount)}"
    if kind == "old" and result.old_amount is not None:
        moved = "提高到" if result.amount is None or result.amount >= result.old_amount else "降低到"  # a fee cut 5%
        headline = f"原来{result.period}{money(result.old_amount)}，2017年{moved}{now}"
        converted = over(period, result.old_amount, result.period) if period else None
        current = over(period, result.amount, result.period) if period else None
        if converted is None or current is None:
            return headline, []
        return (f"{headline}；原来折合{period}{about(converted[0])}，现在折合{period}{about(current[0])}",
                [converted[1], current[1]])  # 按月算呢, after 去年是多少: then and now, by the month
    if kind in ("saved", "rise") and result.old_amount is not None and result.amount < result.old_amount:
        return f"少交{money(result.old_amount - result.amount)}", []  # 降完能省多少: the fee cut, its step shows it
    if kind == "rise" and result.old_amount is not None:
        rise = result.amount - result.old_amount
        shown = any(f"增加{money(rise)}" in step for step in result.steps)
        lines = [] if shown else [f"{money(result.amount)} − 原来{money(result.old_amount)} = {money(rise)}"]
        converted = over(period, rise, result.period) if period else None
        if converted is None:
            return f"{result.period}增加{money(rise)}", lines
        return f"{result.period}增加{money(rise)}，折合{period}增加{about(converted[0])}", [*lines, converted[1]]
    is_rise = any("增加" in step for step in result.steps)  # an addition (立功增发) is itself the rise
    note = "（暖流计划只写了现在的标准，没有写原来的）" if kind in ("old", "rise") and not is_rise else ""
    if period is None or period == result.period:
        return amount_text(result) + note, []
    converted = over(period, result.amount, result.period)
    if converted is None:  # 一次性 is no yearly sum; a fee cut on the fee told is over the fee's period
        return f"{amount_text(result)}{'' if result.of_told else f'（不按{period[1]}计）'}{note}", []
    value, line = converted
    return f"{now}，折合{period}{about(value)}{note}", [line]


def reply(result: Result, kind: str | tuple[str, ...] = "amount", period: str | None = None) -> str:
    """What a citizen reads for a computed measure; for a rule with no figures the quote is the answer.

    `kind` is what was asked of it (bot/reading/cues.py): the amount, the old one, the rise, a month's or a year's
    worth; several kinds asked at once (涨了多少，现在一个月多少) are each said, in the order asked.
    """
    kinds = (kind,) if isinstance(kind, str) else kind
    said = [_asked(result, k, period) for k in dict.fromkeys(kinds)]
    headline = "；".join(dict.fromkeys(h for h, _ in said))
    shown = list(dict.fromkeys(line for _, lines in said for line in lines))
    details = []
    steps = [*shown, *(s for s in result.steps if s not in headline)]
    if steps:
        details.append(("计算：" if result.amount is not None else "") + "；".join(steps))
    details += _conditions_and_office(result.conditions, result)
    if not headline:
        return fit([f"【{result.title}】"], f"暖流计划{result.section}原文：“", result.quote, details)
    return fit([f"【{result.title}】{headline}", *details], f"出处：暖流计划{result.section}“", result.quote, [])


def needs_fact(measure: Measure, error: FactError) -> str:
    """A question back when a fact is missing, wrong or rules the measure out, with the rule it applies (of one
    ruled out, the rule and the section only)."""
    office = _conditions_and_office(measure.conditions, measure)
    if isinstance(error, NotEligibleUnless):  # 女38 失业: unless 低保, 残疾 …, for which the standard holds
        return fit([f"【{measure.title}】按您说的情况，暂不符合条件。", str(error), f"（标准：{formula_text(measure)}）",
                    *office], f"出处：暖流计划{measure.section}“", measure.quote, [])
    if isinstance(error, NotEligible):  # no sum for one the rule rules out, not even the standard's: the threshold
        return _source([f"【{measure.title}】按您说的情况，暂不符合条件。", str(error), *office], measure)  # says it
    return fit([f"【{measure.title}】{formula_text(measure)}", str(error), *office], f"出处：暖流计划{measure.section}“",
               measure.quote, [])


def department_reply(measure: Measure) -> str:
    """For 哪个部门管/去哪办: the office, and where the plan says so. The amount is not what was asked: the
    quote is shown only when it states no sum of money."""
    lines = [f"【{measure.title}】承办部门：{department_text(measure)}"]
    return _source(lines, measure)


def departments_reply(measures: Sequence[Measure]) -> str:
    """这仨事分别找哪个部门: each measure's office, a line each (the quotes would outgrow a phone's screen)."""
    lines = [f"· {m.title}：{department_text(m)}" for m in measures]
    sections = "、".join(dict.fromkeys(m.section for m in measures))
    return on_screen([*lines, f"出处：暖流计划{sections}"])


def judged_reply(d: Definition, ages: Mapping[str, int], people: Sequence[tuple[str, Mapping[str, Any]]],
                 owner: Measure) -> str:
    """我媳妇38 算大龄失业人员不: the term's ages, then for each person whether they are one of it, and by how much
    they fall short; the plan's sentence cited."""
    rule = "，".join(f"{g}满{a}周岁" for g, a in ages.items())
    lines = [f"【{d.term}】{rule}"]
    for who, facts in people:
        age, gender = facts.get("age"), str(facts.get("gender"))
        if not isinstance(age, (int, float)):
            lines.append(f"· {who}：请告诉我年龄")
        elif gender not in ages:
            lines.append(f"· {who}（{plain(age)}岁）：请告诉我是男是女（{rule}）")
        elif age >= ages[gender]:
            lines.append(f"· {who}（{gender}，{plain(age)}岁）：属于{d.term}")
        else:
            lines.append(f"· {who}（{gender}，{plain(age)}岁）：不属于{d.term}（{gender}满{ages[gender]}周岁才算，"
                         f"还差{plain(ages[gender] - age)}年）")
    return on_screen([*lines, f"相关政策：{owner.title}", f"出处：暖流计划{d.section}“{d.quote}”"])


def place_reply(measure: Measure, place: str, listed: Sequence[str]) -> str:
    """九台能种不 / 来电人在德惠: whether the place is among those the plan lists for the measure, and the list."""
    where = "、".join(listed)
    verdict = f"{place}在暖流计划列出的地区里" if place in listed else f"暖流计划列出的地区里没有{place}"
    return fit([f"【{measure.title}】{verdict}（列出的是：{where}）"], f"出处：暖流计划{measure.section}“", measure.quote,
               [f"咨询：{department_text(measure)}"])


def category_reply(measure: Measure, category: str, who: str, note: str | None) -> str:
    """俺闺女呢, after a 烈士遗属: the measure is for who a person is; the same standard if {who} is of the category
    too, or, of a veteran's spouse, what the plan says of her (`note`). No sum of money: it is not yet theirs."""
    said = note or (f"这一项给{category}本人。如果{who}本人也是{category}，按同一标准领取；"
                    f"如是其他身份（如烈士的子女、老兵的家属），请告诉我。")
    return on_screen([f"【{measure.title}】{said}", f"咨询：{department_text(measure)}", f"出处：暖流计划{measure.section}"])


def section_reply(head: str, titles: Sequence[str]) -> str:
    """关注五是哪块: the part's 方面 and its measures by title; of a part with none (关注一 to 关注四), what the plan
    says there is asked of by its own words."""
    if not titles:
        return on_screen([head, "这一部分讲的是计划的总体情况，想了解哪方面，直接问即可。"])
    return on_screen([head, f"包括：{'、'.join(titles)}", "想了解哪一项，直接问那一项即可。"])


def _source(lines: list[str], measure: Measure) -> str:
    """The lines and the quote, or only the section where the quote states money that was not asked for."""
    if "元" in measure.quote:
        return on_screen([*lines, f"出处：暖流计划{measure.section}"])
    return fit(lines, f"出处：暖流计划{measure.section}“", measure.quote, [])


def conditions_reply(measure: Measure) -> str:
    """For 要什么条件/要开多久才能领: the conditions as the plan states them, and its words."""
    conditions = "；".join(measure.conditions) or "暖流计划原文没有另列条件，以原文为准"
    lines = [f"【{measure.title}】条件：{conditions}", f"标准：{formula_text(measure)}" if formula_text(measure) else "",
             "咨询：" + department_text(measure)]
    return fit([line for line in lines if line], f"出处：暖流计划{measure.section}“", measure.quote, [])


def office_reply(duty: Measure, handled: Sequence[Measure]) -> str:
    """For 市民政局管什么: the office's duties in the plan's words, then the measures it handles."""
    lines = [f"【{duty.title}】暖流计划{duty.section}：“{duty.quote}”"]
    if handled:
        lines.append(f"{duty.department}承办的措施：" + "、".join(f"{m.title}（{m.section}）" for m in handled))
    lines.append("想知道哪一项的金额和条件，直接问那一项即可。")
    return on_screen(lines)


def unstated_reply(detail: str, measures: Sequence[Measure]) -> str:
    """For a detail the plan does not state (发放时间和方式, 申请期限, 具体金额): say so, then what the plan does say
    where that holds no sum of money (不低于人均可支配收入的20%), and the office; a figure in 元 only where it is
    "一次性" (能领两份不: a one-off of that sum is what the plan says), since no other of the plan's figures answers it."""
    titles = "、".join(m.title for m in measures[:3])
    offices = "；".join(dict.fromkeys(department_text(m) for m in measures[:3]))
    sections = "、".join(dict.fromkeys(m.section for m in measures[:3]))
    says = [f"原文写的是：{text}" for m in measures[:2]  # a rule of no figure or condition: its own words
            if (text := "；".join(filter(None, [formula_text(m), *m.conditions])) or f"“{m.quote}”") and "元" not in text]
    says += [f"原文写明{m.title}是一次性的，没有写何时发放。" for m in measures[:2]  # 那五万是一次给吗
             if detail == "发放时间和方式" and "一次性" in m.quote]
    says += [f"原文写的是：{formula_text(m)}，没有写符合几类条件能否多领。" for m in measures[:2]  # 能领两份不
             if detail == "能否重复享受" and "一次性" in m.quote]
    lines = [f"【{titles}】{_not_stated(detail)}。" if titles else f"{_not_stated(detail)}。", *says,
             f"具体办法请咨询：{offices}。" if offices else "具体办法请咨询市人社局（计划牵头部门）。",
             f"（原文见暖流计划{sections}）" if sections else ""]
    return on_screen(lines)


def _not_stated(detail: str = "") -> str:
    """What the plan leaves out, said plainly and in the words citizens use for it (没写, 没有明确规定)."""
    return f"暖流计划原文没写明{detail}，没有明确规定"


def unstated_note(text: str, detail: str) -> str:
    """An answer to what the plan states, with what it does not (金额多少，按月发吗) said under the headline."""
    first, _, rest = text.partition("\n")
    return on_screen([first, f"（{detail}：{_not_stated()}，请向承办部门咨询。）", rest])


def plan_says_reply(sentence: str, section: str, owner: Measure | None, unstated: str = "") -> str:
    """Where no measure answers but the plan speaks of it: the plan's sentence, cited, and the office; `unstated`
    the detail asked that the sentence does not give (具体数字, 发放时间和方式)."""
    office = department_text(owner) if owner else "市人社局（计划牵头部门）"
    head = [f"{_not_stated(unstated)}。"] if unstated else []
    title = [f"【{owner.title}】"] if owner else []
    return on_screen([*title, *head, f"暖流计划{section}原文：“{sentence}”", f"咨询：{office}"])


def before_office(text: str, line: str) -> str:
    """The reply with `line` added where what was worked out ends: before 咨询 (the office), else at the end."""
    head, sep, tail = text.partition("\n咨询：")
    return f"{head}\n{line}{sep}{tail}"


def item_reply(measure: Measure, item: str, nth: str) -> str:
    """第五类是啥, after the plan's list of six: that item, in the plan's words, and where the list stands."""
    return on_screen([f"【{measure.title}】{nth}：{item}",
                 f"出处：暖流计划{measure.section}“{measure.quote}”"])


def definition_reply(term: str, quote: str, section: str, note: str, owner: Measure, named: Sequence[str] = ()) -> str:
    """就业困难人员都包括哪些人: the plan's sentence saying what the term covers, what it leaves out, the office; asked
    of kinds it lists (残疾人算不算), that they are of it first."""
    verdict = [f"{kind}：属于{term}，是原文列出的一类。" for kind in named]
    return on_screen([*verdict, f"【{term}】暖流计划{section}原文：“{quote}”", *([note] if note else []),
                      f"相关政策：{owner.title}；咨询：{department_text(owner)}"])


def says_reply(measure: Measure) -> str:
    """For 咋说的 / 什么意思: the plan's own words first, then its conditions and the office."""
    return fit([f"【{measure.title}】"], f"暖流计划{measure.section}原文：“", measure.quote,
               _conditions_and_office(measure.conditions, measure))


def apply_reply(measure: Measure) -> str:
    """For 怎么申请: the plan names who handles a measure but describes no procedure; say both."""
    lines = [f"【{measure.title}】承办部门：{department_text(measure)}",
             "申请办法：暖流计划原文没有写申请流程和材料，请向承办部门咨询。"]
    return _source(lines, measure)


def _needs(measure: Measure, facts: tuple[str, ...]) -> str:
    """What a list says of the facts still needed: the plan's conditions on them where there are some
    (条件：正常经营满6个月以上), and the question for the rest (还需告诉我：立功等级)."""
    rules = [r["label"] for f in facts for r in measure.requires if r["fact"] == f]
    asked = [label(f) for f in facts if not any(r["fact"] == f for r in measure.requires)]
    return "；".join([*(["条件：" + "、".join(rules)] if rules else []), *(["还需告诉我：" + "、".join(asked)] if asked else [])])


def settling_fact(entitlements: list[Entitlement]) -> str | None:
    """The fact that, once told, would settle the most of the list (the most often still needed)."""
    needed = [f for e in entitlements for f in e.needs]
    return max(dict.fromkeys(needed), key=needed.count) if needed else None


def _listed(e: Entitlement) -> str:
    """· 就业困难人员一次性创业补贴：一次性5000元（条件：…）（关注六）"""
    what = amount_text(e.result) if e.result else formula_text(e.measure)
    need = f"（{_needs(e.measure, e.needs)}）" if e.needs else ""
    return f"· {e.measure.title}{'：' + what if what else ''}{need}（{e.measure.section}）"


def entitlement_list(entitlements: list[Entitlement]) -> tuple[str, list[Entitlement], list[Figure]]:
    """A short list of what applies, each with its amount or the fact still needed, a yearly total where
    the amounts add up, and the one question that would settle the most; the reply stays within
    MAX_REPLY and the entitlements that did not fit are returned, for buttons, with the figures totalled."""
    head = "按您说的情况，暖流计划中与您有关的有："
    periodic = [Figure(e.result.amount, e.result.period) for e in entitlements  # one person's, conditions met
                if e.result and not e.needs and e.result.amount is not None and e.result.amount_max is None
                and e.result.period in MONTHS]
    summed = sum_of(periodic, "每年")
    monthly = in_period(summed, "每月") if summed else None
    total = f"合计：{summed.shown}；折合{monthly.text()}" if summed and monthly else None
    figures = [f for f in (summed, monthly) if f is not None]
    fact = settling_fact(entitlements)
    tail = [*([total] if total else []), f"再告诉我：{label(fact)}，我就能把金额算准。" if fact
            else "想看哪一项的条件、承办部门和出处，直接问那一项即可。"]
    more = "其余几项见下面的按钮。"
    lines = [_listed(e) for e in entitlements]

    def reply(shown: int) -> str:
        rest = entitlements[shown:]
        return "\n".join([head, *lines[:shown], *([more] if rest else []), *tail])

    def fits(shown: int) -> bool:  # the buttons for the rest are read with the reply: they count too
        buttons = [e.measure.title for e in entitlements[shown:][:BUTTONS]]
        return len(reply(shown)) + sum(len(b) + 1 for b in buttons) <= MAX_REPLY

    shown = next((n for n in range(len(entitlements), 0, -1) if fits(n)), 1)
    return reply(shown), entitlements[shown:], figures
