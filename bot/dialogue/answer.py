"""The reply to a full question, read off its derivation.

One line of one measure reads as it always has (bot/dialogue/wording.py: the
amount, the calculation, the condition, the office, the quote). Several lines —
people, measures, counted groups — read a line each, with what was asked of
them (the amount in the period asked, the old one, the rise, the rise in
percent, the cap, how long still to wait) and below them what was asked of
them together (the total, the difference). Every figure printed is a Figure of
bot/dialogue/derive.py, and the reply hands them back for the provenance check.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bot.dialogue import plan_figures
from bot.dialogue.context import Context
from bot.dialogue.derive import (
    Figure,
    Outcome,
    bound,
    difference,
    in_period,
    left,
    missing_fact,
    over_span,
    part_of,
    reach,
    rest,
    rest_of,
    rise,
    rise_percent,
    saved,
    share_of,
    shared,
    span_words,
    then_and_now,
    total,
    wait,
)
from bot.dialogue.wording import (
    before_office,
    department_text,
    fit,
    needs_fact,
    on_screen,
    reply,
)
from bot.plan.calculator import KINDS, MONTHS
from bot.plan.facts import MissingFact, NotEligible, NotEligibleUnless, label
from bot.plan.numbers import money, plain
from bot.plan.records import load_groups, load_units
from bot.plan.summary import amount_text, formula_text, rise_text
from bot.reading.cues import Portion
from bot.reading.people import lettered

AMOUNT_KINDS = ("amount", "old", "rise", "saved", "rise_pct", "difference", "max", "min", "wait", "reach", "rest", "left")
SHOWN = ("rise_pct", "wait", "reach", "max", "min", "rest", "left")  # kinds whose line shows its calculation
WORDS = {"old": "原来", "rise": "增加", "saved": "少交", "rise_pct": "提高", "max": "最多", "min": "最少", "wait": "还差",
         "reach": "到顶需要", "rest": "单位最多留", "left": "还剩"}


@dataclass
class Answer:
    text: str
    figures: list[Figure] = field(default_factory=list)  # every figure the text states, with its derivation
    asks: tuple[str, str | None] | None = None  # (fact, whose) the reply asks for
    figure_for: str | None = None  # the one measure whose figure the reply states (for the rating offer)


def answer(done: list[Outcome], c: Context, said: str = "", earlier: Sequence[Outcome] = (),
           span: int | None = None, split: int | None = None, portion: Portion | None = None,
           averaged: bool = False) -> Answer:
    """The reply to the lines of `c`, computed as `done`; `said` is the message (平均每个基地: which of the plan's
    figures it speaks of), `earlier` the lines of earlier turns (平均一个园区合多少人: the 5200人 asked before),
    `span` the months a sum is asked over (两年一共: 24), `split` the people it is shared among (5个人平分: 5),
    `portion` the part of it asked for (拿出一半; 负责人拿四成 剩下三个平分: the rest is what is shared), `averaged`
    whether the split is an average over the people summed (平均一人呢) rather than a sum shared."""
    paid_to = [(o, _paid_to_another(o)) for o in done]
    notes = [note for _, note in paid_to if note]
    done = [replace(o, who="") if note else o for o, note in paid_to]  # paid to another: not labelled as theirs
    reply_ = _answer(done, c, said, earlier)
    for note in notes:  # (a verdict too: 他能领那个职业介绍补贴不 — no, and it is never his)
        reply_ = replace(reply_, text=before_office(reply_.text, note))
    if reply_.asks:
        return reply_
    both = then_and_now(done[0]) if len(done) == 1 and {"old", "amount"} <= set(c.asked) and (
        c.total or span == 24) else None  # 去年加今年一共 / 去年按老标准 今年按新标准 两年一共: not the new one twice
    if both is not None:
        reply_ = replace(reply_, text=before_office(reply_.text, f"去年加今年合计：{both.shown}"),
                         figures=[*reply_.figures, both])
    elif span is not None:
        sums = [f for f in reply_.figures if f.period in MONTHS and f.parts and "+" in f.shown]  # the total, if any
        apart = [f for f in reply_.figures if f.period in MONTHS and len(f.parts) == 2 and " − " in f.shown] \
            if "difference" in c.asked and len(done) > 1 else []  # 一等功比三等功多加多少 — 五年呢: the difference
        base = apart[-1] if apart else sums[0] if sums else reply_.figures[0] if len(done) == 1 and reply_.figures \
            else None
        rises = len(done) == 1 and bool({"rise", "difference"} & set(c.asked))  # of one measure, 差多少 is its rise
        cut = saved(done[0]) if len(done) == 1 and "saved" in c.asked else None
        then = done[0].old if len(done) == 1 and "old" in c.asked and "amount" not in c.asked else None
        if then is not None and not rises:  # 要是按去年标准五年呢: the old standard over the span
            base = then
        elif rises:  # 比老标准五年多拿多少 / 老标准和新标准三年下来差多少: the rise over the span, not the amount
            base = rise(done[0])
        elif cut is not None:  # 三年下来省多少: the fee cut over the span
            base = cut
        over = over_span(base, span) if base is not None else None
        if over is not None:
            word = "相差" if apart else "合计" if sums else "按原标准共" if then is not None and not rises else "共"
            line = f"{span_words(span)}{word}{'多领' if rises else '少交' if cut else ''}：{over.shown}"
            reply_ = replace(reply_, text=before_office(reply_.text, line), figures=[*reply_.figures, over])
        elif base is None and len(done) > 1:  # 您婆婆 and 您, each: 半年下来能领多少 is each one's half year
            for o in done:
                if o.figure is not None and (each := over_span(o.figure, span)) is not None:
                    line = f"{o.who or o.measure.title}{span_words(span)}共：{each.shown}"
                    reply_ = replace(reply_, text=before_office(reply_.text, line), figures=[*reply_.figures, each])
    for line, figure in _in_units_asked(done, said):
        reply_ = replace(reply_, text=before_office(reply_.text, line), figures=[*reply_.figures, figure])
    base = _the_sum(reply_.figures, len(done))
    word = "至少" if "min" in c.asked else "最多" if "max" in c.asked else ""
    if portion is not None and base is not None:  # 拿出一半 (给兄妹三个平分): the part, and the part shared
        part = part_of(base, portion.num, portion.den, portion.said)
        lines, figures = [f"{portion.said}{word}：{part.shown}"], [part]
        if portion.rest:  # 负责人拿四成 剩下三个骨干平分: the rest is what is shared
            figures.append(rest_of(base, part))
            lines.append(f"剩下{word}：{figures[-1].shown}")
        reply_ = replace(reply_, text=before_office(reply_.text, "\n".join(lines)), figures=[*reply_.figures, *figures])
        base = figures[-1]
    if split is not None and base is not None:
        share = shared(base, split)
        line = f"{split}人平均，每人{word}：{share.shown}" if averaged else f"平分成{split}份，每份{word}：{share.shown}"
        reply_ = replace(reply_, text=before_office(reply_.text, line), figures=[*reply_.figures, share])
    return reply_


def _paid_to_another(o: Outcome) -> str | None:
    """俺儿子通过中介找的工作 他本人能领那个180块钱不: a measure the plan pays to organisations (groups.yml
    `organisation`), on the line of someone not said to be one, says whom it pays, so no one expects it as theirs."""
    groups = load_groups()
    if not o.line.person or not o.measure.groups or not all(groups[g].get("organisation") for g in o.measure.groups):
        return None
    if set(o.facts.get("groups", ())) & set(o.measure.groups) or lettered(o.line.person):  # 俺是开职业中介的 / A家
        return None  # 介绍了20人: the organisation asks, or is told of
    return f"这项补贴发给{o.measure.audience}，不发给{o.who}本人。"


def _in_units_asked(done: list[Outcome], said: str) -> list[tuple[str, Figure]]:
    """计划发展300公顷，合多少亩: each figure of the plan in the everyday unit the message asks in (× 15)."""
    found = []
    for o in done:
        for f in o.result.figures if o.result is not None else ():
            for unit, factor in load_units().get(f.unit, {}).items():
                if unit in said:
                    value = f.value * factor
                    found.append((f"折合：{plain(f.value)}{f.unit} × {plain(factor)} = {plain(value)}{unit}"
                                  f"（1{f.unit} = {plain(factor)}{unit}）",
                                  Figure(value, "", unit, "", (Figure(factor, "", unit), Figure(f.value, "", f.unit)))))
    return found


def shares(done: list[Outcome], part: Sequence[Outcome], c: Context) -> Answer | None:
    """抗日那俩占百分之多少 / 每家占总数的百分之多少, after a total: each part's figure over the total of every line
    (in one period), or None when a line has no figure to add."""
    figures = [o.figure for o in done]
    if len(done) < 2 or any(f is None for f in figures):
        return None
    whole = total([f for f in figures if f is not None], c.period)
    if whole is None:
        return None
    lines = [f"· {(o.who + '的') if o.who else ''}{o.measure.title}：{f.text()}" + (f"（{f.shown}）" if f.shown else "")
             for o, f in zip(done, figures, strict=True) if f is not None]
    lines.append(f"合计：{whole.shown}")
    shown = [whole]
    for o in part:
        mine = in_period(o.figure, whole.period) if o.figure is not None and whole.period else o.figure
        if mine is None:
            return None
        share = share_of(mine, whole)
        lines.append(f"{(o.who + '的') if o.who else ''}{o.measure.title}占：{share.shown}")
        shown += [mine, share]
    sections = "、".join(dict.fromkeys(o.measure.section for o in done))
    return Answer(on_screen([*lines, f"出处：暖流计划{sections}"]), shown)


def _the_sum(figures: list[Figure], lines: int) -> Figure | None:
    """The figure a question is about as a whole: the last sum worked out, else the one line's (in the period asked)."""
    sums = [f for f in figures if f.parts and "+" in f.shown]
    if sums:
        return sums[-1]
    return figures[-1] if lines == 1 and figures else None


def _answer(done: list[Outcome], c: Context, said: str, earlier: Sequence[Outcome]) -> Answer:
    if done and all(o.measure.kind == "target" for o in done):
        for pool in (done, [*done, *(o for o in earlier if o.line not in c.lines)]):
            if (derived := plan_figures.asked_of(pool, c.asked, c.total, said, c.items)) is not None:
                return _targets_with(done, pool, c, *derived)
    asked = [k for k in c.asked if k in AMOUNT_KINDS] or ["amount"]
    if "difference" in asked and len(done) == 1 and done[0].old is not None:  # 新旧标准 年差 月差: of one standard,
        asked = list(dict.fromkeys("rise" if k == "difference" else k for k in asked))  # the new less the old
    if asked == ["amount"] and done and all(o.measure.kind == "range" and "count" in o.facts
                                            and "base_amount" not in o.facts for o in done):  # 按两万算: that sum
        asked = ["min", "max"]  # 设6个网点补多少: 1至3万元 each, so 6万至18万元
    asks = None if set(asked) <= {"max", "min", "reach"} else missing_fact(done)  # a cap needs no count
    if len(done) == 1 and _plain_single(done[0], asked, c):
        return _single(done[0], asked, c, asks)
    return _several(done, asked, c, asks)


def _targets_with(done: list[Outcome], pool: list[Outcome], c: Context, line: str, figure: Figure) -> Answer:
    """The targets' reply with what was worked out of their figures (平均每个基地扶持创业：3000户 ÷ 10户 = 300户),
    citing every target a figure of the calculation comes from (5200人 of the training, 10个 of the parks)."""
    shown = [o for o in pool if o in done or any(plan_figures.stated(f) in line
                                                 for f in (o.result.figures if o.result else ()))]
    if len(shown) == 1 and shown[0].result is not None:
        return Answer(_with(reply(shown[0].result, "amount"), f"；{line}"), [figure])
    plain_reply = _several(shown, ["amount"], replace(c, total=False), None)
    return Answer(before_office(plain_reply.text, line), [*plain_reply.figures, figure])


def _plain_single(o: Outcome, asked: list[str], c: Context) -> bool:
    """One line asked what the classic reply says (the amount, the old one, the rise, over a period)."""
    return set(asked) <= {"amount", "old", "rise", "saved"} and o.count == 1 and not o.needs


def _single(o: Outcome, asked: list[str], c: Context, asks: tuple[str, str | None] | None) -> Answer:
    if o.error is not None:
        text = needs_fact(o.measure, o.error)
        if "rise" in asked and isinstance(o.error, MissingFact) and (rise := rise_text(o.measure)):
            text = _with(text, f"，{rise}")  # 老义务兵涨了多少: by how much a year served, the years still unknown
        gap = wait(o)
        if gap is not None:
            text = _with(text, f"（{_subject(o)}{_known(o)}，还差{gap.text()}）")
        return Answer(text, [gap] if gap else [], asks)
    assert o.result is not None
    figure = o.figure
    figures = [figure] if figure else []
    period = _period(o, c)
    if figure and period and figure.period != period:
        figures.append(in_period(figure, period))
    states = o.result.amount is not None or bool(o.result.figures)
    text = reply(o.result, tuple(asked), period)
    if o.who and o.who != "您":  # whose amount it is, after it: 每年15780元（您外公）
        text = _with(text, f"（{o.who}）")
    if o.assumed:
        text = _with(text, f"（{_once(o)}）")
    if o.unchecked:
        text = _with(text, f"（每人须{'、'.join(o.unchecked)}）")
    return Answer(text, figures, asks, o.measure.id if states else None)


def _once(o: Outcome) -> str:
    """等他满60了: the time the figure is for, said beside it (年满60周岁后)."""
    return "、".join(o.assumed) + "后"


def _period(o: Outcome, c: Context) -> str | None:
    """The period a line is shown in; asked by the year and by the month (年差 月差), the one its own figure is
    not in, so that both are shown (每年15780元，折合每月1315元)."""
    if c.both_periods and o.figure is not None and o.figure.period in MONTHS:
        return next(p for p in MONTHS if p != o.figure.period)
    return c.period


def _several(done: list[Outcome], asked: list[str], c: Context, asks: tuple[str, str | None] | None) -> Answer:
    periods = {o.figure.period for o in done if o.figure is not None and o.figure.period in MONTHS}
    if c.total and c.period is None and len(periods) > 1:  # 每年15780元 + 每月50元: each line by the year too
        c = replace(c, period="每年")
    measures = list(dict.fromkeys(o.measure.id for o in done))
    one_measure = len(measures) == 1
    figures: list[Figure] = []
    lines: list[str] = [f"【{done[0].measure.title}】"] if one_measure else []
    by_kind: dict[str, list[Figure]] = {}
    for o in done:
        what, shown = _asked_of(o, asked, _period(o, c))
        figures += shown
        for kind, f in zip(asked, _kind_figures(o, asked, None if c.both_periods else c.period), strict=True):
            if f is not None:
                by_kind.setdefault(kind, []).append(f)
        who = "" if _named_by_title(o) else o.who
        counted = bool(who) and o.line.person is None  # 抗日2人 抗美援朝1人: 抗日老兵生活补助（2位）, not 2位的
        name = _variant(o) + who if one_measure else f"{o.measure.title}（{who}）" if counted else \
            f"{who + '的' if who else ''}{o.measure.title}"  # 三等功2位
        name += f"（{_once(o)}）" if o.assumed else ""
        what += f"（每人须{'、'.join(o.unchecked)}）" if o.unchecked else ""
        lines.append(f"· {name or o.measure.title}：{what}")
    together = _together(done, asked, by_kind, c)
    for line, f in together:
        lines += [line] if line else []  # a figure shown within another line (折合每年…) has none of its own
        figures.append(f)
    if asks:
        fact, whose = asks
        owner = next((o.who for o in done if o.line.person == whose and o.who), "")
        settles = "确认能不能领" if any(fact in o.needs for o in done) else "算准"  # a rule's fact, or a sum's
        lines.append(f"再告诉我{owner + '的' if owner else ''}{label(fact)}，我就能{settles}。")
    offices = "；".join(dict.fromkeys(department_text(o.measure) for o in done))
    lines.append(f"咨询：{offices}")
    # 那我舅呢 他五十八, every line ruled out: no sum stated, not even the quote's (as needs_fact words one ruled out)
    ruled_out = all(type(o.error) is NotEligible for o in done)
    if one_measure and not ruled_out:
        return Answer(fit(lines, f"出处：暖流计划{done[0].measure.section}“", done[0].measure.quote, []), figures, asks,
                      None)
    sections = "、".join(dict.fromkeys(o.measure.section for o in done))
    lines.append(f"出处：暖流计划{sections}")
    return Answer(on_screen(lines), figures, asks, None)


def _named_by_title(o: Outcome) -> bool:
    """A counted group named by the measure's own category (抗美援朝老兵2个): the title names them, the calculation
    counts them."""
    core = o.who.rstrip("0123456789个位名人家")
    return bool(core) and core != o.who and core in o.measure.title


def _of_kinds_apart(done: list[Outcome]) -> bool:
    """Lines of no one in particular, each for another value of one category (抗日老兵, 解放战争老兵; 烈士遗属,
    病故军人遗属): no one holds them together, so nothing adds them up unless a total is asked."""
    kinds = [o.measure.categories for o in done if o.line.person is None]
    shared = set.intersection(*(set(k) for k in kinds)) if len(kinds) == len(done) and kinds else set()
    return any(len({str(k[fact]) for k in kinds}) == len(kinds) for fact in shared)


def _variant(o: Outcome) -> str:
    """Which of a measure's levels a line of no one in particular is (三等功), told of the line alone; or ""."""
    if o.line.person is not None:
        return ""
    return "、".join(str(v) for v in o.line.facts.values() if isinstance(v, str))


def _kind_figures(o: Outcome, asked: list[str], period: str | None) -> list[Figure | None]:
    """The figure of each kind asked, for this line (None where the line has none of that kind)."""
    found: list[Figure | None] = []
    for kind in asked:
        if kind in ("amount", "difference"):
            f = o.figure
            found.append(in_period(f, period) if f else None)
        elif kind == "old":
            found.append(in_period(o.old, period) if o.old else None)
        elif kind == "rise":
            up = rise(o)
            found.append(in_period(up, period) if up else None)
        elif kind == "saved":
            cut = saved(o)
            found.append(in_period(cut, period) if cut else None)
        elif kind == "rise_pct":
            found.append(rise_percent(o))
        elif kind in ("max", "min"):
            b = bound(o, kind)
            found.append(in_period(b, period) if b else None)
        elif kind == "wait":
            found.append(wait(o))
        elif kind == "reach":
            found.append(reach(o))
        elif kind == "rest":
            found.append(rest(o))
        elif kind == "left":
            found.append(left(o))
        else:
            found.append(None)
    return found


def _asked_of(o: Outcome, asked: list[str], period: str | None) -> tuple[str, list[Figure]]:
    """What one line says: each kind asked, or what stops it."""
    if o.error is not None and not (isinstance(o.error, MissingFact) and set(asked) <= {"max", "min", "reach", "rise_pct"}):
        gap = wait(o)
        if isinstance(o.error, NotEligible):
            reason = str(o.error).split("的条件是：")[-1].rstrip("。")
            standard = f"；标准{formula_text(o.measure)}" if isinstance(o.error, NotEligibleUnless) else ""  # no sum of
            text = f"暂不符合（{reason}{'；' + _known(o) + '，还差' + gap.text() if gap else ''}{standard}）"  # theirs
            return text, [gap] if gap else []
        return f"{formula_text(o.measure)}（{o.error}）", []
    if o.needs:
        rules = "、".join(r["label"] for r in o.measure.requires if r["fact"] in o.needs)
        if (counts := KINDS[o.measure.kind].counts) and counts in o.facts and o.result is not None:  # 我服役6年: the
            what, met = _asked_of(replace(o, needs=()), asked, period)  # sum it comes to, once the rule is met
            return f"{rules}才能领；够条件的话{what}", met
        return f"标准{formula_text(o.measure)}，{rules}才能领", []
    parts: list[str] = []
    shown: list[Figure] = []
    for kind, f in zip(asked, _kind_figures(o, asked, period), strict=True):
        if f is None:
            if kind == "amount" and o.result is not None:
                parts.append(amount_text(o.result))
            continue
        if kind in ("amount", "difference") and any(x.value == f.value and x.period == f.period for x in shown):
            continue  # 立功增发 多给多少 一年总共多少: the addition is its own rise, said once; 一年比现在多拿多少: the
            # amount is what is compared
        if kind in ("max", "min") and "difference" in asked and o.figure is not None and \
                in_period(o.figure, f.period).value == f.value:
            continue  # 最高的比最低的多多少, of fixed amounts: each line's amount, no cap or floor of its own
        word = WORDS.get(kind, "")
        if kind == "amount" and o.result is not None and o.result.period == "一次性":
            word = "一次性"  # 有机新认证 + 地理标志 一共 — 这个钱是一次性的还是每年都给: each line says it
        told = o.facts.get("base_amount")
        if kind == "reach" and isinstance(told, (int, float)) and f.shown.lstrip("（").startswith(money(told)):
            word = f"拿{money(told)}需要"  # 拿了2万4，是几个产品: not the count at the cap
        base = _native(o, kind)
        if base is not None and base.value != f.value:
            parts.append(f"{word}{base.text()}，折合{f.text()}")
            shown += [base, f]
        else:
            parts.append(f"{word}{f.text()}")
            shown.append(f)
        calc = f.shown if kind in SHOWN or kind == "rise" and o.count > 1 else _calculation(o) if kind == "amount" else ""
        if calc:
            parts[-1] += f"（{calc}）"
        if kind == "rise_pct" and "rise" not in asked and (up := rise(o)) is not None:  # 涨幅: in yuan too
            parts[-1] += f"，增加{up.text()}"
            shown.append(up)
    parts = list(dict.fromkeys(parts))  # 现在差多少: the amount and the compared figure are one, said once
    reckoned = o.result is not None and o.result.amount is None and len(o.result.steps) > 1  # 农村低保涨了8% 至少涨
    # 百分之几: no sum, but what the facts told make of the rule
    return "，".join(parts) or (amount_text(o.result) if reckoned and o.result else "") or formula_text(
        o.measure) or _short(o.measure.quote), shown


def _calculation(o: Outcome) -> str:
    """How the line's amount is reckoned: its count times the rate, or the plan's first step for it (and the cap,
    when it cuts the sum: 1.1万元，超过最高限额，按1万元计)."""
    if o.figure is not None and o.figure.shown:
        return o.figure.shown
    steps = o.result.steps if o.result is not None else ()
    if o.measure.kind == "merit_addition" and len(steps) > 1:
        return steps[1]  # 另立过三等功：…按最高的二等功计
    if o.measure.kind == "indexed" and len(steps) > 2:
        return steps[2]  # 按原来400元计，至少400元 × （1 + 8%） = 432元
    if not steps or o.measure.kind not in ("per_service_year", "base_plus_increment"):
        return ""
    return "，".join([steps[0], *(step for step in steps[1:] if "限额" in step)])


def _short(quote: str, room: int = 60) -> str:
    """A rule's own words, shortened for a line of a list: 原文“…”."""
    return f"原文“{quote if len(quote) <= room else quote[:room - 1] + '…'}”"


def _native(o: Outcome, kind: str) -> Figure | None:
    """The line's figure of this kind in its own period, before any conversion."""
    if kind in ("amount", "difference"):
        return o.figure
    if kind == "old":
        return o.old
    if kind == "rise":
        return rise(o)
    if kind in ("max", "min"):
        return bound(o, kind)
    return None


def _together(done: list[Outcome], asked: list[str], by_kind: dict[str, list[Figure]], c: Context
              ) -> list[tuple[str, Figure]]:
    """What is asked of the lines together: the total of each figure asked, or their difference."""
    out: list[tuple[str, Figure]] = []
    compared = by_kind.get("difference", [])
    if len(by_kind.get("old", [])) == 2:  # 那俩差多少 — 去年的标准差多少: the standards then, against each other
        compared = by_kind["old"]
    limits = [k for k in ("max", "min") if k in asked]
    if len(limits) == 1 and len(by_kind.get(limits[0], [])) == 2:  # 绿色的封顶比无公害的封顶多多少: the caps compared
        compared = by_kind[limits[0]]
    if len(compared) > 2 and {"max", "min"} <= set(asked) and len({f.period for f in compared}) == 1:
        compared = [max(compared, key=lambda f: f.value), min(compared, key=lambda f: f.value)]  # 最多的比最少的多多少
    if "difference" in asked and len(compared) == 2 and len(
            {o.measure.kind == "merit_addition" for o in done}) == 1:  # 抗日老兵 − 三等功's 50元 compares nothing
        d = difference(*compared)
        if d is not None:  # 一个月差多少 of yearly standards: by the year too, as the plan states them
            native = {o.figure.period for o in done if o.figure is not None}
            other = _other_period(d) if c.both_periods or native and d.period not in native else None
            out.append((f"相差：{d.shown}" + (f"；折合{other.text()}" if other else ""), d))
            out += [("", other)] if other else []
        return out
    if "difference" in asked and (apart := _persons_apart(done, c)):
        return apart
    out += _each_persons(done, asked, c)  # 爷爷 抗美援朝+三等功, 姥爷 解放战争+一等功, 各多少: each one's sum
    several_of_one = len({o.line.person for o in done}) < len(done)  # 我爸: 老义务兵 + 立功: his month
    several_of_one &= not all(_variant(o) for o in done)  # 三等功、二等功各多少: each level, no one holds them all
    several_of_one &= len({(o.line.person, o.measure.id) for o in done}) == len(done)  # 1个产品 and 6个: two cases
    several_of_one &= not _of_kinds_apart(done)  # 抗日老兵、解放战争老兵各多少: no one is of both
    several_of_one &= not any(o.measure.params.get("relation") == "降低" for o in done)  # 增殖保护费现在多少 beside a
    # subsidy: the fee is paid, not received, and no one asked a sum
    if not (c.total or several_of_one) or len(done) < 2:
        return out
    for kind in asked:
        figures = by_kind.get(kind, [])
        bounds = kind in ("max", "min")  # 加一块儿最少多少 最多多少: floors and caps add up when every line has one
        failed_rest = kind == "amount" and c.total and len(figures) == 1 and sum(o.error is not None for o in done) \
            == len(done) - 1  # 俩人一共多少, one of them not qualifying: the one sum, said to leave the other out
        if kind not in ("amount", "old", "rise", "saved", "max", "min") or len(figures) < 2 and not failed_rest or (
                bounds and (len(figures) < len(done) or not c.total)):
            continue
        incomplete = len(figures) < len(done) and kind == "amount"
        t = in_period(figures[0], c.period) if failed_rest else total(figures, c.period)
        if t is None:
            continue
        word = {"amount": "合计", "old": "原来合计", "rise": "合计增加", "saved": "合计少交", "max": "合计最多",
                "min": "合计最少"}[kind]
        out += _in_both_periods(f"{word}：{t.shown or t.text()}", t)
        if incomplete:
            out[-1] = (out[-1][0] + "（不含暂不符合或还缺情况的项）", out[-1][1])
    if c.total and "amount" in asked and len(by_kind.get("amount", [])) < 2 and (met := _once_met(done, c)):
        out.append((f"够条件的话合计：{met.shown}", met))  # 俺俩一共, each one's months not yet told: the sum then
    return [(line, f) for line, f in out if line] + [("", f) for line, f in out if not line]


def _once_met(done: list[Outcome], c: Context) -> Figure | None:
    """The total of lines whose one stop is a requirement not yet told (营业执照下来几个月): what they add up to once
    it is met, or None when a line fails a requirement or has no figure even then."""
    if not any(o.needs for o in done) or any(o.error is not None for o in done):
        return None
    figures = [replace(o, needs=()).figure for o in done]
    return total([f for f in figures if f is not None], c.period) if None not in figures else None


def _each_persons(done: list[Outcome], asked: list[str], c: Context) -> list[tuple[str, Figure]]:
    """Of two people, those with several lines (a veteran's standard and his merit): each one's sum (of more, the
    reply would outgrow what a phone shows)."""
    if asked != ["amount"]:
        return []
    return [x for who, t, several in _two_persons(done, c) if several for x in _in_both_periods(f"{who}合计：{t.shown}", t)]


def _in_both_periods(line: str, t: Figure) -> list[tuple[str, Figure]]:
    """A sum's line, with the sum in the other period beside it (每年2700元；折合每月225元): a household asked by
    the year still hears each one's month, and the other way round."""
    other = _other_period(t)
    return [(f"{line}；折合{other.text()}", t), ("", other)] if other is not None else [(line, t)]


def _persons_apart(done: list[Outcome], c: Context) -> list[tuple[str, Figure]]:
    """我姥爷和我奶奶一年差多少, his standard and merit against her standard: each one's sum, then the difference."""
    sums = _two_persons(done, c)
    if len(sums) != 2 or not any(several for *_, several in sums):
        return []
    d = difference(sums[0][1], sums[1][1])
    return [(f"{who}合计：{t.shown}", t) for who, t, several in sums if several] + (
        [(f"相差：{d.shown}", d)] if d is not None else [])


def _two_persons(done: list[Outcome], c: Context) -> list[tuple[str, Figure, bool]]:
    """Of lines of two people, each one's figure over the period asked (a sum where they have several, and whether
    they do); nothing unless both have a figure on every line."""
    theirs: dict[str, list[Outcome]] = {}
    for o in done:
        if o.line.person is not None:
            theirs.setdefault(o.line.person, []).append(o)
    if len(theirs) != 2 or all(len(lines) < 2 for lines in theirs.values()):
        return []
    sums = []
    for lines in theirs.values():
        figures = [o.figure for o in lines if o.figure is not None]
        if len(figures) < len(lines):
            return []
        t = total(figures, c.period) if len(figures) > 1 else in_period(figures[0], c.period or "每年")
        if t is None:
            return []
        sums.append((lines[0].who, t, len(lines) > 1))
    return sums


def _other_period(t: Figure) -> Figure | None:
    if t.period == "每年":
        return in_period(t, "每月")
    if t.period == "每月":
        return in_period(t, "每年")
    return None


def _subject(o: Outcome) -> str:
    """Whose fact a verdict speaks of: theirs, else the asker's; none on a line made no one's (a subsidy paid to an
    agency, on the line of the son it placed: 合同8个月, not 您合同8个月)."""
    return o.who or ("" if o.line.person else "您")


def _known(o: Outcome) -> str:
    """What the person told that fails the requirement: 56岁, 经营3个月."""
    for r in o.measure.requires:
        value = o.facts.get(r["fact"])
        if "min" in r and isinstance(value, (int, float)) and value < r["min"]:
            return {"age": f"{plain(value)}岁", "months_in_business": f"经营{plain(value)}个月",
                    "contract_years": f"合同{span_words(round(value * 12))}"}.get(r["fact"], "")
    return ""


def _with(text: str, extra: str) -> str:
    """The text with `extra` at the end of its first line (the headline)."""
    first, _, rest = text.partition("\n")
    return f"{first}{extra}\n{rest}" if rest else first + extra


