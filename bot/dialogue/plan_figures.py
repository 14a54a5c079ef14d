"""Arithmetic on the plan's own target figures: averages, sums, differences, multiples and shares.

The plan states targets as figures with a label (扶持创业3000户, 带动就业70000人,
重点培育10户企业建成创业孵化基地). Citizens and operators ask what follows from
them: 平均每个基地扶持几户 (3000户 ÷ 10户), 岗位比新增就业多多少 (13万 − 11万),
技师是高级技师的几倍, 大学生占多大比例, 两项培训加起来多少人. The figures a
question speaks of are the ones whose labels share the most of its words; the
one an average is taken over is the one named after 每 / 一 (每个基地, 一人) or by
the unit of 人均 / 户均. Every result carries its calculation, and its operands
are the plan's figures, so the provenance check holds by construction. A
question that names no figure the operation can take is left to the usual reply.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.dialogue.derive import Figure, Outcome
from bot.plan.calculator import Figure as Stated
from bot.plan.numbers import count, money, plain
from bot.reading.cues import THAN_THE_LAST

_OVER = re.compile(r"(?:每|(?<![\d.第])[1一])(?:个|家|栋|处)?(?P<noun>[\u4e00-\u9fff]{1,4})")  # 每户: 户 is the noun
_PER_UNIT = {"人均": "人", "户均": "户", "村均": "村"}
_ASKED_UNIT = re.compile(r"(?:多少|几)个?(户|人|名|元|钱|个)")  # 合多少人: the figure of people is averaged
_FAMILY = {"人": "people", "户": "people", "名": "people", "个": "things", "栋": "things", "处": "things"}
_COMMON = {"people": "人", "things": "个"}  # the unit of a sum over several of one family (5200人 + 1万名 …)
_LEFT_OUT = re.compile(r"(?:除了|除去|除开|刨去|刨除|不算)([^,。;!?\s]{1,10}?)(?:以外|之外)?(?=[,。;!?\s]|剩下|其他|其余|$)")
_ADDS = re.compile(r"(?:再|还)?加上")  # 再加上高级技师和技师: those named, added to the one named last
_HOW_MANY = re.compile(r"(\d)\s*(?:样|项|种|类|个|块)(?:加|一共|1共|合计|总共|都)")  # 三样加一块: that many figures
_FIRST = re.compile(r"前([2-9])(?:个|项|样|种|类)")  # 前两个加一起
_THESE = re.compile(r"[这那](?:俩|两个|2个|2项|两项)|2者|^(?:俩|2个|2项)(?=差|相差)")  # 这俩差多少 /
# 两个差多少
_MOUTHS = re.compile(r"(?<![\d.])(?P<n>[1-9]\d?)\s*(?:口人|口子|口)(?!次)")  # 俺家4口人: a household's size
_QUALIFYING = ("", "的")  # 孵化基地带动就业: the first words only say whose the second are
_JOINING = re.compile(r"\s*(?:跟|和|与|同|及|以及|加|加上|还有|、|,)?\s*")  # 蔬菜大棚跟温室: named together
_NOT_OVER = ("年", "月", "次", "天", "共", "起", "块", "下")  # 每年, 一共, 一起: no figure averaged over


@dataclass(frozen=True)
class Owned:
    """A stated figure with the target it belongs to (its title names it in a reply of several)."""
    figure: Stated
    title: str


def asked_of(outcomes: Sequence[Outcome], asked: Sequence[str], total: bool, said: str,
             recent: Sequence[str] = ()) -> tuple[str, Figure] | None:
    """(the line to add, its figure) for an operation asked of the targets' figures, or None; `recent` are the
    labels of the figures named in the last turns (开发岗位多少 — 城镇新增就业呢 — 这俩差多少: those two)."""
    pool = _pool(outcomes)
    if not pool:
        return None
    if (first := _FIRST.search(said)) is not None:  # 前两个加一起: the first figures as the plan lists them
        said = "、".join(o.figure.label for o in pool[:int(first.group(1))])
    elif _THESE.search(said) and len(now := _named(pool, said)) < 2 and len(recent) >= 2:  # 这俩差多少: the two
        if total and now and _ADDS.search(said):  # named last; 这俩加上大学生创业培训 一共: and the one added
            two = [o for label in recent[-2:] for o in pool if o.figure.label == label]
            return _sum([*two, *(o for o in now if o not in two)], said)
        said = "、".join(recent[-2:])
    if set(asked) & {"old", "rise"} and (before := _before_rise(pool, said, "rise" in asked)) is not None:
        return before  # 2016年的人均增收 (人均 is the figure's name, no average asked)
    if (household := _per_head_times(pool, said)) is not None:
        return household
    if "average" in asked:
        return _average(pool, said)
    named = _named(pool, said)
    if "ratio" in asked and len(named) >= 2:
        return _ratio(named[0], named[1])
    if "share" in asked and named:
        return _share(named[0], pool)
    if "difference" in asked and len(named) == 1 and THAN_THE_LAST.search(said):  # 风险补偿基金比它少多少: against the
        named += [o for o in pool if o.title != named[0].title and o.figure.unit == named[0].figure.unit][:1]  # other
    elif "difference" in asked and len(named) == 1 and recent and (last := [
            o for o in pool if o.figure.label == recent[-1] and o != named[0] and o.figure.unit == named[0].figure.unit]):
        named = last[:1] + named  # 返乡农民工培训多少人 — 跟大学生创业培训比差多少人: the one named last against it
    if "difference" in asked and len(named) == 2:
        return _difference(*named)
    if total and len(named) > 1 and _ADDS.search(said) and recent and recent[-1] not in {o.figure.label for o in named}:
        named = [o for o in pool if o.figure.label == recent[-1]][:1] + named  # 领军人才200名 — 再加上高级技师和技师
    elif total and len(named) == 1 and _ADDS.search(said) and recent:  # 大学生创业培训多少人 — 妇女的呢 — 加上中小
        named = [o for label in dict.fromkeys(recent) if label != named[0].figure.label  # 企业管理者一共: all three
                 for o in pool if o.figure.label == label] + named
    if total and (left := _LEFT_OUT.search(said)) and (out := _named(pool, left.group(1))):  # 除了大学生 剩下的加起来:
        rest = [o for o in pool if o.title in {x.title for x in out} and o not in out]  # the rest of that target
        return _sum(rest, said) if len(rest) > 1 else None
    if total:
        if (n := _HOW_MANY.search(said)) is not None and int(n.group(1)) != len(named):  # 三样加一块: all three
            return _sum_all(pool) if int(n.group(1)) == len(pool) else None
        if len({o.title for o in pool}) > len(named) and (each := _one_of_each(pool, said)) is not None:
            return each  # 这几项培训加起来多少人: of each measure listed, its one figure of people
        if len(named) == 1:  # 扶持创业的户数加一起: the figure of that name in each target asked of
            named = [o for o in pool if o.figure.label == named[0].figure.label]
        return _sum(named, said) if len(named) >= 2 else _sum_all(pool)
    return None


def _pool(outcomes: Sequence[Outcome]) -> list[Owned]:
    return [Owned(f, o.measure.title) for o in outcomes if o.result is not None and o.measure.kind == "target"
            for f in o.result.figures]


def labels_named(outcomes: Sequence[Outcome], said: str) -> list[str]:
    """The labels of the targets' figures the text names (城镇新增就业呢: 城镇新增就业), for a later 这俩."""
    return [o.figure.label for o in _named(_pool(outcomes), said)]


def _before_rise(pool: list[Owned], said: str, rise: bool) -> tuple[str, Figure] | None:
    """2016年的人均增收标准是多少: a figure the plan says rose by a percentage (较2016年度增收标准提高20.8%) as it was
    before: the figure × 100 ÷ (100 + the percentage); asked how much it rose, the figure less that."""
    raised = [o.figure for o in pool if o.figure.unit == "%" and "提高" in o.figure.label]
    named = [o.figure for o in _named(pool, said) if o.figure.unit == "元"]
    if len(raised) != 1 or len(named) != 1:
        return None
    new, by = named[0], raised[0]
    old = new.value / (1 + by.value / 100)
    year = m.group(1) + "年度" if (m := re.search(r"(\d{4})年", by.label)) else "原来"
    shown = f"{stated(new)} × 100 ÷ （100 + {plain(by.value)}） = {_result(old, '元')}"  # as the check can redo it
    if not rise:
        return f"{year}{new.label}：{shown}", Figure(old, "", "元", shown)
    more = f"{stated(new)} − {_result(old, '元')} = {_result(new.value - old, '元')}（{year}：{shown}）"
    return f"比{year}多：{more}", Figure(new.value - old, "", "元", more)


def _one_of_each(pool: list[Owned], said: str) -> tuple[str, Figure] | None:
    """Of several measures' targets, each one's only figure of the unit asked (多少人), added up."""
    if (unit := _ASKED_UNIT.search(said)) is None or unit.group(1) in ("钱", "元"):
        return None
    titles = dict.fromkeys(o.title for o in pool)
    each = [[o for o in pool if o.title == title and _family(o.figure.unit) == _family(unit.group(1))] for title in titles]
    return _added([figures[0] for figures in each]) if len(each) >= 2 and all(len(f) == 1 for f in each) else None


def _named(pool: list[Owned], said: str, skip: Owned | None = None) -> list[Owned]:
    """The figures the text names, in order: of words that run together (孵化基地带动就业) the last, which the
    others only qualify; of names said apart, those joined to each other (蔬菜大棚跟温室), the longest chain."""
    spans = _spans(pool, said, skip)
    names: list[list[tuple[int, int, Owned]]] = []
    for span in spans:
        if names and said[names[-1][-1][1]:span[0]] in _QUALIFYING:
            names[-1].append(span)
        else:
            names.append([span])
    chains: list[list[tuple[int, int, Owned]]] = []
    for name in names:
        if chains and _JOINING.fullmatch(said[chains[-1][-1][1]:name[0][0]]):
            chains[-1].append(name[-1])
        else:
            chains.append([name[-1]])
    longest = max(chains, key=len, default=[])
    return [owned for _, _, owned in longest] if len(longest) > 1 else [name[-1][2] for name in names]


def _spans(pool: list[Owned], said: str, skip: Owned | None) -> list[tuple[int, int, Owned]]:
    """(start, end, figure) of each figure the text names by a run of its label, two characters or more: a run no
    other label has first (大学生 of 大学生创业培训, not the 创业培训 all three share), a longer run taking its words
    before a shorter one (岗位比新增就业: 城镇新增就业 by 新增就业, 开发就业岗位 by 岗位, 农村劳动力转移就业 by
    nothing left)."""
    labels = [o.figure.label for o in pool]
    runs = {}
    for o in pool:
        if o is skip:
            continue
        found = _runs(o.figure.label, said)
        own = [r for r in found if sum(said[r[0]:r[0] + r[1]] in label for label in labels) == 1]
        runs[id(o)] = own or [r for r in found if len(labels) < 2 or not all(  # 培训, of 创业培训 all three share,
            said[r[0]:r[0] + r[1]] in label for label in labels)]  # names none of them
    taken: list[tuple[int, int, Owned]] = []
    for owned in sorted((o for o in pool if runs.get(id(o))),  # 技师 by all of its label before 高级技师 by part
                        key=lambda o: (-runs[id(o)][0][1], -runs[id(o)][0][1] / len(o.figure.label))):
        for at, length in runs[id(owned)]:
            if not any(at < end and start < at + length for start, end, _ in taken):
                taken.append((at, at + length, owned))
                break
    return sorted(taken, key=lambda x: x[0])


def _runs(label: str, said: str) -> list[tuple[int, int]]:
    """(where, how long) of every run of `label`, two characters or more, found in `said`: the longest first."""
    found = {(m.start(), j - i) for i in range(len(label)) for j in range(i + 2, len(label) + 1)
             for m in re.finditer(re.escape(label[i:j]), said)}
    return sorted(found, key=lambda r: (-r[1], r[0]))


def _per_head_times(pool: list[Owned], said: str) -> tuple[str, Figure] | None:
    """俺家4口人 按人均算能增收多少: the plan's per-head figure (人均增收435元) times the household told."""
    mouths = _MOUTHS.search(said)
    per = next((o for o in pool if o.figure.label.startswith("人均")), None)
    if mouths is None or per is None:
        return None
    n = int(mouths["n"])
    value = per.figure.value * n
    shown = f"{stated(per.figure)} × {n}人 = {_result(value, per.figure.unit)}"
    return f"按{per.figure.label}算{n}口人：{shown}", Figure(value, "", per.figure.unit, shown)


def _average(pool: list[Owned], said: str) -> tuple[str, Figure] | None:
    """平均每个基地扶持几户: the figure named (扶持创业) over the one averaged over (基地); of money, the sum in 元;
    else the figure of the unit asked (合多少人)."""
    found = _over(pool, said)
    if found is None:
        return None
    over, (start, end), noun = found
    rest = said[:start] + said[end:]
    named = [o for o in _named(pool, rest, skip=over) if o.figure.unit != over.figure.unit or o.title == over.title]
    unit = _ASKED_UNIT.search(rest)
    wanted = "元" if unit is None or unit.group(1) in ("钱", "元") else unit.group(1)
    named = sorted(named, key=lambda o: o.figure.unit != wanted) or [  # 带动多少人: of the figures named, people
        o for o in pool if o is not over and o.figure.unit == wanted]
    if not named or not over.figure.value:
        return None
    top = named[0]
    value = top.figure.value / over.figure.value
    shown = f"{stated(top.figure)} ÷ {stated(over.figure)} = {_result(value, top.figure.unit)}"
    return f"平均每{noun}：{shown}", Figure(value, "", top.figure.unit, shown)


def _over(pool: list[Owned], said: str) -> tuple[Owned, tuple[int, int], str] | None:
    """(the figure an average is taken over, the words that name it, what one of it is called): named after
    每 / 一 (每个基地, 一个创业的), or by the unit of 人均."""
    for word, unit in _PER_UNIT.items():
        if word in said and not any(word in o.figure.label for o in pool):  # 人均增收 is a label, not an average
            hit = next((o for o in pool if o.figure.unit == unit or unit in o.figure.label), None)
            at = said.find(word)
            return (hit, (at, at + len(word)), unit) if hit is not None else None
    for m in _OVER.finditer(said):
        noun = m.group("noun")
        if noun[0] in _NOT_OVER:
            continue
        for size in range(len(noun), 0, -1):
            part = noun[:size]
            labelled = sorted((o for o in pool if part in o.figure.label and o.figure.unit != "元"),  # 人均增收 is
                              key=lambda o: len(o.figure.label))  # money: nothing is averaged over it
            units = [o for o in pool if size == 1 and o.figure.unit == part]  # 每户创业: of the 户 figures, the
            after = said[m.start("noun") + 1:m.start("noun") + 5]  # one whose label the words after it are most of
            hit = next(iter(labelled), None) or max(units, key=lambda o: (
                _prefix_in(after, o.figure.label), sum(ch in o.figure.label for ch in after) / len(o.figure.label)),
                default=None)  # 一户企业: the 户 whose label says 企业 (the ten bases' firms, not 扶持创业's 户)
            if hit is not None:  # 创业户: of the labels holding 创业, the one it is most of (扶持创业)
                end = m.start("noun") + size
                end += said[end:end + 1] == hit.figure.unit  # 每创业户: 户 is what one of them is called too
                return hit, (m.start(), end), said[m.start() + 1:end]  # 每个基地 → 个基地
    return None


def _prefix_in(words: str, label: str) -> int:
    """How many of the first characters of `words` the label holds together (企业扶持 in …企业建成…: 2)."""
    return next((n for n in range(len(words), 0, -1) if words[:n] in label), 0)


def _ratio(first: Owned, second: Owned) -> tuple[str, Figure] | None:
    if not second.figure.value:
        return None
    value = first.figure.value / second.figure.value
    shown = f"{stated(first.figure)} ÷ {stated(second.figure)} = {plain(round(value, 2))}倍"
    return f"{first.figure.label}是{second.figure.label}的：{shown}", Figure(round(value, 2), "", "倍", shown)


def _share(part: Owned, pool: list[Owned]) -> tuple[str, Figure] | None:
    """大学生占多大比例: the figure over all of its target's figures of the same unit."""
    whole = [o.figure for o in pool if o.title == part.title and o.figure.unit == part.figure.unit]
    if len(whole) < 2:
        return None
    value = part.figure.value / sum(f.value for f in whole) * 100
    total = f"（{' + '.join(plain(f.value) for f in whole)}）"
    shown = f"{plain(part.figure.value)} ÷ {total} = {plain(round(value, 2))}%"
    return f"{part.figure.label}占：{shown}", Figure(round(value, 2), "", "%", shown)


def _difference(first: Owned, second: Owned) -> tuple[str, Figure]:
    high, low = sorted((first.figure, second.figure), key=lambda f: f.value, reverse=True)
    value = high.value - low.value
    shown = f"{stated(high)} − {stated(low)} = {_result(value, high.unit)}"
    return f"相差：{shown}", Figure(value, "", high.unit, shown)


def _sum(named: list[Owned], said: str) -> tuple[str, Figure] | None:
    """蔬菜大棚跟温室一共多少个: the figures named, of the unit asked if several are, added up when they count
    things of one family (个 and 栋; people and households), never money with people."""
    if (unit := _ASKED_UNIT.search(said)) is not None and unit.group(1) not in ("钱", "元"):
        named = [o for o in named if o.figure.unit == unit.group(1)] if sum(
            o.figure.unit == unit.group(1) for o in named) >= 2 else named
    named = [o for o in named if o.figure.added]  # 74个贫困村 are where, not what, is counted
    if len(named) < 2 or len({_family(o.figure.unit) for o in named}) != 1:
        return None
    return _added(named)


def _sum_all(pool: list[Owned]) -> tuple[str, Figure] | None:
    """一共多少 of targets whose figures all count the same thing (大学生6000人, 妇女1000人 …): all of them."""
    pool = [o for o in pool if o.figure.added]  # 74个贫困村 are where, not what, is counted
    return _added(pool) if len(pool) >= 2 and len({_family(o.figure.unit) for o in pool}) == 1 else None


def _family(unit: str) -> str:
    """What a unit counts: 人, 户 and 名城镇失业人员 count people; 个, 栋 and 处 things."""
    return _FAMILY.get(unit[:1] if unit.startswith("名") else unit, unit)


def _added(figures: list[Owned]) -> tuple[str, Figure]:
    value = sum(o.figure.value for o in figures)
    units = {o.figure.unit for o in figures}
    unit = units.pop() if len(units) == 1 else _COMMON[_family(figures[0].figure.unit)]
    shown = f"{' + '.join(stated(o.figure) for o in figures)} = {_result(value, unit)}"
    return f"合计：{shown}", Figure(value, "", unit, shown)


def stated(f: Stated) -> str:
    """A figure of the plan as a calculation writes it: 1.5亿元, 5200人, 13万个."""
    return money(f.value) if f.unit == "元" else count(f.value, f.unit)


def _result(value: float, unit: str) -> str:
    """A computed figure: 元 to the fen, a count to two decimals, marked 约 when rounded."""
    rounded = round(value, 2)
    mark = "" if rounded == value else "约"
    if unit == "元":
        return mark + money(rounded)
    return mark + (count(rounded, unit) if rounded >= 100_000 else f"{plain(rounded)}{unit}")  # 14200人, 10万人
