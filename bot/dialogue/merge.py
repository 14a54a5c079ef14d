"""A question merged with the conversation into the full question, by named ellipsis rules.

Citizens leave out what the conversation already says: 一年呢 keeps the
subject and the operation and changes the period; 那我妈呢 keeps the question
and changes the person; 不对，是十年 replaces the last fact of its kind and asks
again; 再加上一个抗日老兵呢 adds a line to the total. Each rule is a function
with a name and a test (tests/dialogue/test_merge.py); `merge` tries them in
order and says which applied. A question that names its own subject needs no
rule: it is the full question, with what the conversation knows of its people.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from bot.dialogue.context import HISTORY, REMEMBERED, Context, Line, Someone
from bot.dialogue.derive import bound, in_period, outcomes
from bot.plan.calculator import MONTHS, inputs, reads
from bot.plan.facts import implying, load_specs, money_facts, of_no_one
from bot.plan.measure import Measure
from bot.plan.numbers import figures, whole
from bot.plan.store import MeasureStore
from bot.plan.terms import cut
from bot.reading.cues import THAN_THE_LAST
from bot.reading.people import ANOTHER, SELF, People
from bot.reading.question import (
    MEMBER_PREFIX,
    SOME_OF,
    Person,
    Question,
    Subject,
    years_of,
)

_HOW_MUCH = re.compile(r"多少|多钱|几个钱")  # a question of its own; 一年呢 asks the last one again
_EACH_SAID = re.compile(r"各|分别|每人|每个人|每位")  # 俩人各多少: each alone, no sum asked
_THAN = re.compile(r"(?:那)?(?:咋|怎么|为啥|为什么|凭啥|凭什么)?(?:还)?(?:比|跟|和|与)")  # 咋比因公的少: compared with another
_NOW_TOO = re.compile(r"(?:那|这)?(\d+)\s*(?:个|人|名|位)?[^,。;!?]{0,8}?(?:也|后来|续签|补交|补上|都|全部|全都)")  # 那3个后来也…
_SUM_SUPPOSED = re.compile(r"\d\s*(?:元|块)?\s*(?:呢|的话|[,.!?]|$)")  # 要是正好3400呢 (100亩呢 is no sum of money)
_OTHERS = re.compile(r"(?:另外|其他|其余|剩下)(?:的|那)?(?P<n>\d)?(?:个|项|种|位|样)?(?:的)?"
                     r"(?:呢|咋样|怎么样|多少|是多少)")  # 另外两个呢
_MORE = re.compile(r"给的多|给得多|的多|更多|高一些|高点")  # 听说因公牺牲的给的多 多多少: this one against the last
_FIRST = re.compile(r"(?<![以之从提])前(?P<n>[1-9])(?:个|项|种|类|位|样)(?!月)")  # 前两个差多少: the first two lines answered
_ORDINAL = re.compile(r"第\d+[个位项种样]")  # 第2个: a line of the last answer, when no member of a group is named so
_ALSO = re.compile(r"也")  # 我爸51岁也失业了要创业: as the one asked about before
_MERIT_TOLD = re.compile(r"[一二三]等功(?!的|呢|是|多少|每|加|给|增|比|\d)")  # 服役期间立过三等功 每月还加多少: his own, told
# (立过 is gone once normalised); 一等功的每月还加多少 asks of no one
_SHORT_OF = re.compile(r"未达|没达|不达|达不到|不合格|不符合|没建成|未建成|没验收|未验收")  # 其中1个未达建设标准
_ALL_ADDED = re.compile(r"[全都]加")  # 全加: a sum of all, said short
_PART_OF = re.compile(r"(?:那|这|的)部分")  # 其中抗日老兵那部分: one line of a sum
_OF_ONE = re.compile(r"每人|每个人|1个人|1人|单人|标准|原来|以前|去年|每月|每年|1个月|1年")  # 其中抗日老兵每人每月多少:
# one's standard, no part of the sum
# 签1年以上的是10个: those a rule pays for, counted again
_PAID_ONES = re.compile(r"(?:签[^,。;!?]{0,4}?\d+\s*年以上|(?<![不没未])(?:符合条件|符合|够条件|合格))的?"
                        r"(?:是|为|有|应为|改为|实为)\s*(?P<n>\d+)\s*(?:个|人|名|位)")
_UNPAID_ONES = re.compile(r"(?:不合格|不符合(?:条件)?|不够条件|没签够|签半年)的?(?:是|为|有|应为|改为|实为)\s*(?P<n>\d+)\s*"
                          r"(?:个|人|名|位)")  # 更正 不合格的有2个: those taken off, counted again
_HEADCOUNT = ("count", "excluded")  # the people a line of no one was answered for, and those taken off them
_HAS_TOO = re.compile(r"^[^\s,。;!?]{2,8}?(?:也有|也拿了|也获得|也得了|也认证了?|也评上)(?!这|那)")  # 地理标志也有:
# one more award, named right before (解放战争老兵呢 也有这么多吗 compares)
_EACH_DID = re.compile(r"各(?:建|开|办|弄|整|搞|干|认证|申请|报)(?:了)?(?:1个|1家|1处|个)")  # 我和我小舅子各建一个: the thing
# talked about, each of them
_BOTH_RAN = re.compile(r"(?:俺|我|咱)(?:们)?俩[^,。;!?]*?都(?:干|开|经营|营业|做)?(?:够|满)")  # 俺俩各开一个店都
# 干满半年: the months of business 都 tells are both's (俺俩都是下岗的 tells no months: each keeps theirs)
_WHETHER = re.compile(r"能领不|能不能领|能领吗|能领么|能领没|能享受不|能不能享受|够不够|够条件|符合不|符不符合|有没有份|有份不")
_SWAPPED = re.compile(r"[说弄搞整记]反了")  # 说反了: two people's kinds the other way round
_KIND_FIRST = re.compile(r"(?:那)?([\u4e00-\u9fff]{2,4}?)的(?:是|多少|给多少)")  # 病故的是多少: a kind, asked of
_THAN_WORD = re.compile(r"比([\u4e00-\u9fff]{2,6}?)的?(?:多|少|高|低|差)")  # 烈士遗属比病故的多多少
OF_TARGETS = ("average", "ratio", "share")  # asked only of the plan's target figures (bot/dialogue/plan_figures.py)
_OURS = re.compile(r"(?:我们|俺们|咱们|我|俺|咱)(?:村|乡|屯|社|合作社)")  # 我们村: their own one, not all of them
WORDED = {"department", "apply", "conditions", "says"}  # kinds the plan's words answer, no figure
SUMMED = {"amount", "old", "rise", "saved", "max", "min"}  # kinds a total adds up (一年多领多少 after 一共多领多少)
IMPLYING = implying()
# A number said without its fact (8, 十年, 六十六) is read against the fact under discussion, by its unit.
NUMERIC = frozenset(fact for fact, spec in load_specs().items() if spec.min is not None)  # facts that are numbers
_SAID_AS = {"岁": ("周岁",), "个": ("人", "户")}  # a unit in other words: 68周岁, 3人
UNITS = {fact: (spec.unit, *_SAID_AS.get(spec.unit, ())) for fact, spec in load_specs().items() if spec.unit}


@dataclass(frozen=True)
class Known:
    """What the rules know besides the conversation: the measures, and who is whose in a family."""
    store: MeasureStore
    family: People


def merge(q: Question, c: Context, store: MeasureStore, family: People) -> tuple[Context, str]:
    """The full question this one asks in the conversation `c`, and the name of the rule that made it. `family`
    says who is whose: the spouse of a soldier fallen is the plan's 遗属, whoever said so and when."""
    known = Known(store, family)
    for prepare in READ_AGAINST_THE_CONVERSATION:
        q = prepare(q, c, known)
    c = _none_left_out_anew(q, _grown(q, survivors(_known_people(q, c, store), known)))
    if city := {k: v for line in c.lines for k, v in line.facts.items() if k in of_no_one()}:
        c = replace(c, facts={**c.facts, **city})  # 农村低保涨了8% — 我二大爷原来每月400: the city's figure, his too
    for rule in RULES:
        merged = rule(q, c, known)
        if merged is not None:  # 年差 月差, then 比病故的呢: both periods still, until a period is asked alone
            both = q.both_periods or (c.both_periods and not q.period)
            once = q.once_met or (c.once_met and rule is asks_again)  # 到时候一个月多少 — 一年呢: still then
            rise_left = bool({"rise", "rise_pct", "old"} & set(merged.asked)) and bool(
                q.subjects or q.period or q.span or q.number)  # 多给多少 / 原来多少 涨了百分之几 — 连老兵补助 一年
            # 总共多少 / 两年下来一共多少 / 那俩加一块一个月: the sum of the amounts now
            summed = q.total or bool(q.how_many and q.people)  # 多了多少 — 要是俺三姑也是 仨人一年: the sum again
            if summed and not q.asked_said and ("difference" in merged.asked or rise_left):  # 带立功的 一年总共多少
                merged = replace(merged, asked=("amount",))  # 差多少 — 那他俩加一块一年多少: the sum now
            if "difference" in merged.asked and "old" in (*c.asked, *q.asked) and set(q.asked) <= {"old", "difference"} \
                    and not (q.subjects or q.people or q.how_many or _THAN.search(q.text)) \
                    and not ("difference" in c.asked and len(merged.lines) == 2) or "old" in q.asked \
                    and "difference" in merged.asked and _EACH_SAID.search(q.text):  # 去年一共多少 (—) 差多少: now
                # against then (两者新标差额: the two standards against each other); 那俩差多少 — 去年的标准差多少: the
                # two standards then; 跟去年比各差多少: each one's rise
                merged = replace(merged, asked=tuple(dict.fromkeys("rise" if k == "difference" else k
                                                                   for k in merged.asked)), total=merged.total or c.total)
            if rule is asks_again and "difference" in c.asked and q.asked == ("rise",) and q.period and not (
                    q.subjects or q.people or q.total or _THAN.search(q.text) or _EACH_SAID.search(q.text)):  # 比一等功
                merged = replace(merged, asked=("difference",))  # 多多少 — 一年多多少: the difference by the year, not
                # each one's rise (这三类遗属每年各涨了多少 asks each)
            if rule is asks_again and q.period and not q.asked_said and set(merged.asked) == {"rise_pct"}:
                merged = replace(merged, asked=("amount", "rise"))  # 涨了百分之几 — 每个月呢: a percentage has no period;
                # the amount and its rise have
            if rule is names_its_subject and q.subjects and q.period and not q.asked_said and set(merged.asked) == {
                    "old"} and not q.text.rstrip("?？ ").endswith("呢"):  # 调前 — 同户抗日老兵 年: its standard now,
                merged = replace(merged, asked=("amount",))  # as an operator asks a new one (抗日的呢 keeps 调前)
            if q.total and "rise_pct" in merged.asked:  # 两人年涨幅合计: percentages are not added, the rises are
                merged = replace(merged, asked=tuple(dict.fromkeys("rise" if k == "rise_pct" else k for k in merged.asked)))
            if q.span and not q.asked_said and set(merged.asked) == {"old"}:  # 原来是多少 — 那三年加一块呢: the
                merged = replace(merged, asked=("amount",))  # standard paid over the years; 按去年标准五年呢 says old
            short = len({x.person for x in merged.lines}) < (q.how_many or 0)  # 俩人 asked of one line
            if (not merged.total or short) and q.how_many and q.how_many > 1 and set(merged.asked) == {"amount"} \
                    and not _EACH_SAID.search(q.text) and (counted := _the_counted(q, merged)) is not None:
                merged = replace(merged, total=True, lines=counted)  # 我爸… 我妈… 俩人一年多少 / 俩人一年 after each
                # was told: each, and the two together; 俺老婶也是抗美援朝的 俩人一年: she and the one before her
            if not q.asked_said and set(merged.asked) <= {"max", "min"} and (
                    q.facts or any(x.facts for x in q.subjects)):  # 那最多就给这些呗 — 绿色食品要是认证俩产品呢: the
                merged = replace(merged, asked=("amount",))  # sum of what is told now, no longer the cap
            if q.citywide:  # 全市一共整多少个: the plan's own figures, no one's site or case, from now on
                merged = replace(merged, lines=_no_ones(merged.lines), history=_no_ones(merged.history),
                                 facts=_uncounted(merged.facts))
            if q.number and not q.asked_said and set(merged.asked) <= WORDED_KINDS:  # 哪个部门 — 重点培育几户企业:
                merged = replace(merged, asked=("amount",))  # a number now, not the office again
            lines = _of_the_standard_named(q, _no_one_twice(merged.lines))
            averaged = _averaged(q, merged)
            actual = c.actual if c.actual is not None or merged.people == c.people else c.people
            if q.supposed and q.against_told and actual is not None and len(lines) == 1:
                lines = _against_told(lines[0], merged, actual, store)
            span = q.span or (c.span if rule is asks_again and not q.period and set(q.asked) & {"rise", "difference"}
                              else None)  # 五年一共多少 — 按去年标准五年呢 — 差了多少: over the five years still
            told_now = q.correction or bool(q.facts) or any(p.facts for p in q.people)  # 他其实当了六年: told anew
            return replace(merged, both_periods=both, once_met=once, span=span, split=q.split or averaged,
                           actual=actual if q.supposed or (merged.actual is not None and not told_now) else None,
                           total=merged.total or averaged is not None,
                           lines=lines, replaced=_replaced(c, merged, store), answered=_answered(lines, c)), rule.__name__
    return replace(c, lines=(), asked=q.asked, period=q.period, total=q.total, requested=None), "nothing_to_answer"


def _of_the_standard_named(q: Question, lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """他老兵的标准一个月多少 / 俺爹的老兵标准和俺妈的加一块, after his 抗日老兵 and his merit: of one who has a line
    of the kind named as a standard, that line alone (a merit is no 老兵标准); the lines of the others as they are."""
    named = {x.person for x in lines if x.measure in q.standard_of}
    return tuple(x for x in lines if x.measure in q.standard_of or x.person not in named)


def _answered(lines: tuple[Line, ...], c: Context) -> tuple[Line, ...]:
    """The answer items point into: this one, if of several lines; the one before while this picks from it."""
    keys = {(line.measure, line.person) for line in c.answered}
    if c.answered and all((line.measure, line.person) in keys for line in lines):
        return c.answered
    return lines if len(lines) > 1 else ()


def _uncounted(facts: Mapping[str, Any]) -> dict[str, Any]:
    """The facts without the count of people or sites (held by whoever the count was told of)."""
    return {k: v for k, v in facts.items() if k != "count"}


def _no_ones(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines as no one's own (全市一共: the plan's sites, not the asker's one), each once."""
    return _unique(replace(x, person=None, facts=_uncounted(x.facts)) for x in lines)


def _averaged(q: Question, c: Context) -> int | None:
    """俩人一年加一起多少 — 平均一人呢: the people a total of theirs is averaged over (a sum of money is averaged
    over no figure of the plan's, see OF_TARGETS; over the people it is paid to, it is)."""
    if "average" not in q.asked or not (c.total or q.per_head):
        return None
    heads = _heads(c.lines, c)
    if q.per_head:  # 俩遗属 一个因公牺牲的 一个烈士的 平均一人: one of each line of no one
        heads += sum(1 for line in c.lines if line.person is None and not line.count)
    elif not all(line.person is not None or line.count for line in c.lines):
        return None  # 这三样一年一共多少 平均呢: kinds, not people
    return heads if heads > 1 else None


def _heads(lines: tuple[Line, ...], c: Context) -> int:
    """The people the lines are paid to: each person's count once, a counted line's count."""
    people = {line.person for line in lines if line.person is not None}
    return sum(someone.count for key in people if (someone := c.person(key)) is not None) + sum(
        line.count or 0 for line in lines if line.person is None)


def _replaced(before: Context, after: Context, store: MeasureStore) -> Line | None:
    """The one line answered before that the one line now stands in place of, for the same person: another
    measure (说错了 是病故的), or the same measure read with another value of a fact it reads (个人荣誉称号 —
    一等功呢), that value kept on the old line."""
    if len(before.lines) != 1 or len(after.lines) != 1 or before.lines[0].person != after.lines[0].person:
        return None
    old, new = before.lines[0], after.lines[0]
    if old.measure != new.measure:
        return old
    was, now = _facts_of(before, old), _facts_of(after, new)
    changed = {k: was[k] for k in inputs(store.get(old.measure)) if k in was and now.get(k) != was[k]}
    return replace(old, facts={**old.facts, **changed}) if changed else None


def _facts_of(c: Context, line: Line) -> dict[str, Any]:
    """The facts a line is answered with: the question's, its person's, its own (the later winning)."""
    someone = c.person(line.person)
    return {**c.facts, **(someone.facts if someone else {}), **line.facts}


def _against_told(line: Line, c: Context, told: tuple[Someone, ...], store: MeasureStore) -> tuple[Line, ...]:
    """要是他多干两年 — 多当两年的话 比现在多拿多少: the line with the facts supposed, against it with the facts told
    (each line's own, as 个人荣誉称号 — 比三等功的 are); the line alone when the person was not told of."""
    read = inputs(store.get(line.measure))
    now = {k: v for k, v in _facts_of(c, line).items() if k in read}
    before = {k: v for k, v in _facts_of(replace(c, people=told), line).items() if k in read}
    if not any(p.key == line.person for p in told) or set(now) - set(before):
        return (line,)  # 要是当了五年呢, no years told before: nothing to compare the supposition with
    return replace(line, facts=now), replace(line, facts=before)


def _no_one_twice(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A measure's line of no one in particular, beside someone's line of it, is that line again (加上我哥那5000: his
    start-up subsidy, not a second one), unless it counts or is told something of its own."""
    theirs = {x.measure for x in lines if x.person is not None}
    return tuple(x for x in lines if x.person is not None or x.measure not in theirs or x.count or x.facts)


WORDED_KINDS = {"department", "apply", "conditions", "says"}  # what is answered in words, not with a figure


def referred_to(q: Question, c: Context, family: People) -> Context:
    """她 after talk of a man: the last one spoken of who may be a she becomes the one talked about (俺还差几年 — 她要是
    开个店呢: 她 is the wife told of before, not 我)."""
    def gender(p: Someone) -> str | None:
        return p.facts.get("gender") or family.gender(p.key, "", p.label)

    focus = c.person(c.focus)
    if not q.pronoun or q.pronoun_unlike is None or focus is None or gender(focus) != q.pronoun_unlike:
        return c
    fit = [p.key for p in c.people if p.count == 1 and gender(p) not in (q.pronoun_unlike, None)]
    return replace(c, focus=fit[-1]) if fit else c


# ---- the rules, in the order they are tried

def returns_to_the_facts_told(q: Question, c: Context, known: Known) -> Context | None:
    """要是他多干两年呢 — 就按实际四年算: the people as told before the supposition, with any fact said now (the 4
    years, of the one spoken of, by its unit), asked what this message asks."""
    if not q.actual or c.actual is None:
        return None
    as_told = {p.key: p for p in c.actual}
    if any(p.key not in as_told for p in q.people):
        return None  # 说回俺奶 她是烈士子女: someone else, not the one supposed of
    told = {kind: whole(x.value) for x in q.quantities if x.unit and (kind := _kind_of(x.unit, c, known.store))}
    lines = tuple(replace(x, facts={k: v for k, v in x.facts.items() if k not in as_told[x.person].facts})
                  if x.person in as_told else x for x in c.lines)  # (那要是他才五十五呢 put 55 on his line: gone)
    back = replace(c, people=tuple(as_told.get(p.key, p) for p in c.people), lines=lines, actual=None)  # those
    # named since stay
    return _asked_again(q, _told(back, c.focus, told, known.store, replace_kind=True) if told and c.focus else back)


def answers_the_question_asked(q: Question, c: Context, known: Known) -> Context | None:
    """服役几年? — 8: a bare number is the fact the bot asked for, of whom it asked it; asked nothing, it is the
    number the lines count with (绿色食品3个产品多少 — 2: two products)."""
    store = known.store
    if q.bare is None or q.names_something or not (c.requested or c.lines) or (q.correction and not c.requested) \
            or q.confirms is not None:  # 说错了，是六十八: a fact said again, not the one asked for; 一年是2400是不是:
        return None  # a sum to check
    if q.asked_said and any(q.bare.value in figures(store.get(line.measure).quote) for line in c.lines):
        return None  # 最高1万 几个产品就封顶了: the plan's own figure said back, with a question of its own
    fact = c.requested if c.requested and c.requested not in NUMERIC else _kind_of(q.bare.unit, c, store)  # the
    # fact asked first, if the unit fits it (多大岁数? — 不对是四年: the years served)
    if fact not in NUMERIC:  # 88 (拜拜) after a list for 大学生: no number is a group or a category
        return None
    value = whole(q.bare.value)
    if c.profile:  # the list of what a profile gets, completed
        return replace(c, facts={**c.facts, fact: value}, requested=None)
    return _told(c, c.focus, {fact: value}, store, replace_kind=True)


def includes_those_left_out(q: Question, c: Context, known: Known) -> Context | None:
    """其中3个只签了半年 — 那3个后来续签成两年了，也交了社保 / 那要是8个都够格呢 (all of the count): those taken off
    the count now count too."""
    told = (c.facts, *(line.facts for line in c.lines))
    left_out = {v for f in told for k, v in f.items() if k == "excluded"}
    counts = {v for f in told for k, v in f.items() if k == "count"}
    said = _NOW_TOO.search(q.text)
    if len(left_out) != 1 or said is None or q.subjects or q.people:
        return None
    if float(said.group(1)) not in left_out and not (float(said.group(1)) in counts and said.group(0).endswith(("都", "全部"))):
        return None
    lines = tuple(replace(line, facts={k: v for k, v in line.facts.items() if k not in ("excluded", "contract_years")})
                  for line in c.lines)
    facts = {k: v for k, v in c.facts.items() if k not in ("excluded", "contract_years")}
    return _asked_again(q, replace(c, lines=lines, facts=facts))


def splits_a_group(q: Question, c: Context, known: Known) -> Context | None:
    """5个低保户都干满半年了 — 不对，其中俩才干了3个月: those of a counted group the message sets apart (其中2个)
    have the fact it tells, the rest keep theirs; each part its own line. Set apart as short of the standard (其中1个
    未达建设标准), they are no longer counted."""
    apart = q.facts.get("excluded")
    told = {k: v for k, v in q.facts.items() if k != "excluded"}
    groups = [p for p in c.people if p.count > 1]
    other = _other_kind(q, groups, known.store)  # 5个抗美援朝老兵 — 不对 里头有1个是解放战争的: that one is of another
    if other is not None:
        apart, told = q.people[0].count, {"veteran_category": q.people[0].facts["veteran_category"]}
    elif (member := _a_member_told(q, c, groups)) is not None:  # 姊妹三个都是烈士老年子女 — 不对 俺小妹才五十八
        return _sets_apart(q, c, groups[0], member)
    elif not isinstance(apart, int) or q.people:
        return None
    if not groups and told:  # 烈士老年子女 兄妹共3人 — 更正 其中1人才59岁: the line counted them, no one was named
        return _splits_a_line(q, c, apart, told)
    if len(groups) != 1 or not 0 < apart < groups[0].count:
        return None
    group = groups[0]
    rest = group.count - apart
    kept = replace(group, count=rest, label=_counted_as(group.label, rest))
    if not told and not _SHORT_OF.search(q.text):
        return None  # 其中1个不识字: those set apart are told of, not taken out
    if not told:  # 3个村建成示范点 — 其中1个未达建设标准: those set apart meet no rule the lines pay by; the rest are paid
        lines = tuple(replace(x, count=rest if x.count else None) if x.person == group.key else x for x in c.lines)
        return _asked_again(q, replace(c.with_person(kept), lines=lines))
    unit = m[1] if (m := re.search(r"\d+\s*(个|家|户|名)", group.label)) else "位"  # 其中1家: as the group is counted
    part = Someone(f"{group.key}其中{apart}", f"其中{apart}{unit}", apart, {**group.facts, **told}, group.measures)
    lines = tuple(x for line in c.lines for x in (
        (replace(line, count=rest if line.count else None), replace(line, person=part.key, count=apart if line.count
                                                                     else None, measure=other or line.measure))
        if line.person == group.key else (line,)))
    return _asked_again(q, replace(c.with_person(kept).with_person(part), lines=lines, focus=part.key))  # 那他还得等多久


def _a_member_told(q: Question, c: Context, groups: list[Someone]) -> Person | None:
    """The one person a correction names, of no measure yet, with facts of their own (不对 俺小妹才五十八): one of
    the one counted group, told otherwise than the group was (俺小妹今年六十五 她一年多少 asks of her alone)."""
    if not q.correction or len(groups) != 1 or len(q.people) != 1 or q.subjects:
        return None
    someone, known = q.people[0], c.person(q.people[0].key)
    if someone.key == SELF or someone.count != 1 or not someone.facts or known is not None and known.measures:
        return None
    return someone


def _sets_apart(q: Question, c: Context, group: Someone, member: Person) -> Context:
    """The group counted one fewer, and the member named on lines of their own, of the group's kind and facts
    with their own told over them (58岁: not yet of age)."""
    rest = group.count - 1
    kept = replace(group, count=rest, label=_counted_as(group.label, rest))
    named = Someone(member.key, member.label, 1, {**group.facts, **member.facts}, group.measures)
    lines = tuple(x for line in c.lines for x in (
        (replace(line, count=rest if line.count else None), replace(line, person=member.key, count=None))
        if line.person == group.key else (line,)))
    return _asked_again(q, replace(c.with_person(kept).with_person(named), lines=lines, focus=member.key))


def _splits_a_line(q: Question, c: Context, apart: int, told: Mapping[str, Any]) -> Context | None:
    """The one line of no one counting more than those set apart: they are a part of their own with the fact
    told (其中1人才59岁), on a line of theirs; the rest keep the line."""
    counted = [x for x in c.lines if x.person is None and (x.count or 0) > apart]
    if len(counted) != 1:
        return None
    line, rest = counted[0], (counted[0].count or 0) - apart
    theirs = {**{k: v for k, v in c.facts.items() if k not in _HEADCOUNT}, **line.facts, **told}  # 均满60: theirs too
    part = Someone(f"{SOME_OF}{apart}", f"其中{apart}位", apart, theirs, (line.measure,))
    lines = tuple(y for x in c.lines for y in ((replace(x, count=rest), replace(x, person=part.key, count=apart))
                                               if x is line else (x,)))
    return _asked_again(q, replace(c.with_person(part), lines=lines, focus=part.key))


def _told_again(lines: tuple[Line, ...], new: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines with the facts of the same lines told again in `new`: 无公害仨产品加上…"""
    return tuple(replace(x, facts={**x.facts, **next((n.facts for n in new if _same_line(x, n)), {})}) for x in lines)


def _same_line(x: Line, n: Line) -> bool:
    """Of one measure and person, and of no other level (个人荣誉称号 is a line beside 三等功's)."""
    return x.measure == n.measure and x.person == n.person and not any(
        isinstance(v, str) and x.facts.get(k) not in (None, v) for k, v in n.facts.items())


def _other_kind(q: Question, groups: list[Someone], store: MeasureStore) -> str | None:
    """The measure of the kind a correction says some of the one counted group are (不对 里头有1个是解放战争的), when
    it is another kind than the group's."""
    if not (q.correction and len(q.people) == 1 and len(groups) == 1 and q.people[0].count < groups[0].count):
        return None
    kind = q.people[0].facts.get("veteran_category")
    if not kind or kind == groups[0].facts.get("veteran_category"):
        return None
    return m.id if (m := store.made_for("veteran_category", kind)) is not None else None


def swaps_two_kinds(q: Question, c: Context, known: Known) -> Context | None:
    """俺妈是病故军人遗属 … 俺二姨是因公牺牲军人的遗属 — 哎呀说反了: the two people of a kind each have the other's;
    their lines follow, and the last question is asked again."""
    if not (q.correction and _SWAPPED.search(q.text)):
        return None
    kinds = [(p.key, p.facts["veteran_category"]) for p in c.people if p.count == 1 and p.facts.get("veteran_category")]
    if len(kinds) != 2 or kinds[0][1] == kinds[1][1] or any(p.key not in dict(kinds) for p in q.people):
        return None
    (a, kind_a), (b, kind_b) = kinds
    other = {a: kind_b, b: kind_a}
    numbers = [v for f in (q.facts, *(p.facts for p in q.people)) for v in f.values() if isinstance(v, (int, float))]
    if q.quantities or numbers or any(p.facts.get("veteran_category", other[p.key]) != other[p.key] for p in q.people):
        return None  # 说反了 我爸八十 我妈七十五: their ages the other way round, not their kinds
    swapped = _told(_told(c, a, {"veteran_category": kind_b}, known.store, replace_kind=True), b,
                    {"veteran_category": kind_a}, known.store, replace_kind=True)
    return _asked_again(q, swapped)


def corrects_a_fact(q: Question, c: Context, known: Known) -> Context | None:
    """不对，是十年 / 不是八年是十年 / 说错了，俺姥爷是解放战争的: the fact of that kind (by its unit, else the one the
    line counts with) is replaced, for the person spoken of, and the last question asked again."""
    store = known.store
    if not (q.correction and c.lines):
        return None
    if not q.people and q.subjects and not q.quantities and all(line.person is None for line in c.lines) and not (
            {s.measure for s in q.subjects} & {line.measure for line in c.lines}):
        return None  # 不对，俺问的是解放战争老兵: another measure asked the same (names_its_subject), no fact of anyone's
    spoken = [p for p in q.people if p.facts or p.count == 1]  # 老两口 (telling nothing): those there already
    if spoken and all(c.person(p.key) for p in spoken):  # a person's category or facts, said again
        merged, deaths = c, set()
        if q.pronoun and q.facts and c.focus and c.focus not in {p.key for p in spoken}:  # 说错了 他五十一了 那等我
            merged = _told(merged, c.focus, dict(q.facts), store, replace_kind=True)  # 媳妇…: his age, and hers after
        for p in spoken:
            told = dict(p.facts)
            if len(spoken) == 1:  # 不对 老叔是三年: the figure said with its unit is of the kind the unit says
                told.update({kind: whole(x.value) for x in q.quantities if x.corrects and x.unit
                             and (kind := _kind_of(x.unit, merged, store)) is not None and kind not in told})
            if not set(told) - {"gender"} and len(spoken) == 1:  # 老王说错了，是75: the fact of his the number
                told.update(_nearest_facts(merged.person(p.key), [x.value for x in q.quantities if x.corrects]))  # fits
            if "veteran_category" not in told and (kind := _survivors_now(q, merged.person(p.key), known)):
                told["veteran_category"] = kind  # 我姥姥那边是病故的 不是因公牺牲: 病故军人遗属 now
                told.pop("fallen", None)  # 俺家那个是因公牺牲的: the death of their soldier, not theirs
            if (was := merged.person(p.key)) and was.facts.get("fallen") and "fallen" not in told and (
                    death := known.family.fallen_in(q.text, soldier_known=True)):
                told["fallen"] = death  # 说错了 大姑父是得病没的: the soldier known, his death said again
            if "fallen" in told:
                deaths.add(p.key)
            theirs = [s.measure for s in q.subjects if s.person == p.key]
            merged = _told(_without_replaced(merged, p.key, theirs, store), p.key, told, store, replace_kind=True,
                           named=theirs)
            someone = merged.person(p.key)
            if someone is not None and q.denied & set(someone.measures):  # 我妈说错了，不是遗属: not hers
                kept = {k: v for k, v in someone.facts.items()
                        if not (k in IMPLYING and (m := store.made_for(k, v)) is not None and m.id in q.denied)}
                merged = merged.with_person(replace(someone, facts=kept,
                                                    measures=tuple(m for m in someone.measures if m not in q.denied)))
        merged = survivors(merged, known, corrected=deaths)  # 说错了，我爸是因公牺牲的: 妈 is 因公牺牲军人遗属
        lines = _lines_anew(c.lines, merged)
        lines += tuple(x for p in spoken if not any(line.person == p.key for line in c.lines)
                       for x in _person_lines(merged.person(p.key)))  # 说错了 我妈今年58, after 爸's lines: hers too
        if q.total and q.how_many:  # 哦不对 老丈人也是抗美援朝的 那仨人一共: those answered before too
            lines = _lines_anew(_filled(lines, reversed(c.history), q.how_many), merged)
        elif q.total and len({x.person for x in c.answered}) > len({x.person for x in c.lines}) and all(
                x in c.answered for x in c.lines):  # 仨人全年合计 — 姥爷每月多少 — 不对 姥爷服役四年 全年合计重算:
            lines = _lines_anew(c.answered, merged)  # the sum of the three again
        return _asked_again(q, replace(merged, lines=_unique(lines)))
    if q.people:  # 说错了，是我爸: another person in the same question
        return None
    if (died := _died_otherwise(q, c, known)) is not None:  # 不对，他是因公牺牲的: how the soldier died
        return _asked_again(q, died)
    if (level := _level_said_again(q, c)) is not None:  # 一等功那个其实是个人荣誉称号: that line's level only
        return _asked_again(q, level)
    if (found := _by_old_value(q, c)) is not None:  # 那个58的说错了，他是68: whose 58, and of what
        key, fact, value = found
        return _asked_again(q, _told(c, key, {fact: value}, store, replace_kind=True))
    if (recounted := _each_recounted(q, c)) is not None:  # 解放战争的是仨 志愿军是俩: each group its own size
        return _asked_again(q, recounted)
    if (moved := _some_of_another_kind(q, c, store) or _some_of_a_line(q, c, store)) is not None:  # 解放战争那3个里
        return _asked_again(q, moved)  # 有1个其实是抗日的 / 抗日2人 — 改：其中1人是解放战争老兵
    if (recounted := _recounted(q, c, store)) is not None:  # 说错了，抗美援朝的是三个: that group's size
        return _asked_again(q, recounted)
    if (counted_lines := _headcount(q.facts, c, store)) is not None:  # 俺数差了，是六个人: the lines' headcount
        return _asked_again(q, counted_lines)
    if (paid := _paid_recounted(q, c)) is not None:  # 更正 签1年以上的是10个: of those placed, the ones paid for
        return _asked_again(q, paid)
    unitless = [x.value for x in q.quantities if x.corrects and not x.unit]
    whose = c.person(c.focus) or (Someone("", "", 1, c.facts) if c.focus is None else None)  # 来电 男58 — 实为63
    restated = whose is not None and all(whose.facts.get(k) == v for k, v in q.facts.items())  # 服役6年不变
    if len(unitless) == 1 and restated and (told := _nearest_facts(whose, unitless)):
        return _asked_again(q, _told(c, c.focus, told, store, replace_kind=True))  # 说错了 是68: his age, not his 7年
    said = [x for x in q.quantities if x.corrects or not q.correction]  # 不是八年，是十年: the 10, not the 8
    kinds = [_kind_of(quantity.unit, c, store) for quantity in said]
    told = dict(q.facts)
    read = {v for v in q.facts.values() if isinstance(v, (int, float))}  # 其中三个只签了半年: the 3 are excluded
    for quantity, kind in zip(said, kinds, strict=True):
        if kind is not None and kind not in q.facts and quantity.value not in read:  # 不是一个 是俩产品: the 2
            # products told, not the 1 denied
            told[kind] = whole(quantity.value)
    if not told:
        return None
    named = _named_lines(q, c, store)
    if named and all(line.person is None for line in named):  # 更正，绿色那个是5个产品: that line's count only
        return _asked_again(q, replace(c, lines=tuple(replace(line, facts={**line.facts, **told}) if line in named
                                                      else line for line in c.lines)))
    if len({line.person for line in named}) == 1:  # 绿色那个是过了四个: of the one whose line it names
        return _asked_again(q, _told(c, named[0].person, told, store, replace_kind=True))
    return _asked_again(q, _told(c, c.focus, told, store, replace_kind=True))


def _level_said_again(q: Question, c: Context) -> Context | None:
    """俩三等功 俩二等功 1个一等功 — 一等功那个其实是个人荣誉称号: of lines of no one listed by a worded fact, the one
    line of the value said first is of the value said after (the others keep theirs)."""
    for fact, values in q.facts.items():
        if not (isinstance(values, tuple) and len(values) == 2 and all(isinstance(v, str) for v in values)):
            continue
        was, now = values
        if not re.search(rf"{re.escape(was)}[^,。;!?]{{0,8}}?(?:是|应为|改成|改为){re.escape(now)}", q.text):
            continue  # 他立过一个三等功一个二等功: both held, no correction of one into the other
        hit = [x for x in c.lines if x.person is None and x.facts.get(fact) == was]
        if len(hit) == 1 and not any(x.facts.get(fact) == now for x in c.lines):
            return replace(c, lines=tuple(replace(x, facts={**x.facts, fact: now}) if x is hit[0] else x
                                          for x in c.lines))
    return None


def _paid_recounted(q: Question, c: Context) -> Context | None:
    """介绍了12个 其中9个签了1年以上 其余签半年 — 更正 签1年以上的是10个: the ones the rule pays for are 10 of the 12
    told, so those taken off are the other 2 (not 10 placed in all, less the 3 taken off before)."""
    paid, unpaid = _PAID_ONES.search(q.text), _UNPAID_ONES.search(q.text)
    n, short = c.facts.get("count"), c.facts.get("excluded")
    said = paid or unpaid
    if said is None or not isinstance(n, int) or not isinstance(short, int) or not 0 <= int(said["n"]) <= n:
        return None
    facts = {**c.facts, "excluded": n - int(said["n"]) if paid else int(said["n"])}  # (更正 不合格的有2个: those
    # taken off are 2)
    return replace(c, facts=facts, lines=tuple(replace(x, facts={**x.facts, **facts}) if "count" in x.facts else x
                                               for x in c.lines))


def _headcount(told: Mapping[str, Any], c: Context, store: MeasureStore) -> Context | None:
    """一共五个人 told of no one, after lines of no one whose measures are paid to each person (the count is no input
    of theirs, as a product count is): that many people on each line."""
    n = told.get("count")
    if not isinstance(n, int) or n < 2 or len(told) > 1 or not c.lines or c.focus is not None or any(
            line.person is not None or "count" in line.facts or "count" in inputs(store.get(line.measure))
            for line in c.lines):  # 设了三个网点 — 要是设五个呢: the count the measure reckons with, told again
        return None
    return replace(c, lines=tuple(replace(line, count=n) for line in c.lines))


def _without_replaced(c: Context, key: str, named: list[str], store: MeasureStore) -> Context:
    """第3家说错了，是绿色食品认证: a measure named in a correction replaces the person's measures of its kind (of
    the same section, for the same people), not joins them."""
    someone = c.person(key)
    if someone is None or not named:
        return c
    new = [store.get(m) for m in named if m not in someone.measures]
    kept = tuple(m for m in someone.measures
                 if not any(store.get(m).section == n.section and set(store.get(m).groups) & set(n.groups)
                            for n in new))
    if kept == someone.measures:
        return c
    return replace(c.with_person(replace(someone, measures=kept)),
                   lines=tuple(line for line in c.lines if line.person != key or line.measure in kept))


def _recounted(q: Question, c: Context, store: MeasureStore) -> Context | None:
    """说错了，抗美援朝的是三个 / 病故的少报1个，应为4人: a number of people said again (the last said), of the one
    counted group whose measure the message names (by a word of its title, too), or of the one the last answer
    counted (应为 3人); that group and its lines counted anew."""
    counted = [x for x in q.quantities if x.corrects and x.unit in ("个", "位", "名", "人")][-1:]
    named = {s.measure for s in q.subjects} or {line.measure for line in _named_lines(q, c, store)} or {
        line.measure for line in c.lines}  # 应为 3人, of the one group the last answer counted
    groups = [p for p in c.people if (p.count > 1 or any(ch.isdigit() for ch in p.label))
              and not p.label.startswith("第") and named & set(p.measures)]  # 第2个 is one, not a group of two
    if len(counted) != 1 or counted[0].value < 1 or counted[0].value != int(counted[0].value):
        return None
    n = int(counted[0].value)
    of_no_one = [line for line in c.lines if line.person is None and (line.count or q.subjects) and line.measure in named]
    # 烈属1 因公遗属1 病故遗属1 — 改：烈属2人: the one named, of no one, though counted as one before
    if not groups and len(of_no_one) == 1:  # 烈属 年标 2人 合计 — 应为 3人: the line counted, of no one
        return replace(c, lines=tuple(replace(x, count=n if n > 1 else None) if x in of_no_one else x for x in c.lines))
    if len(groups) != 1:
        return None
    return _group_counted(c, groups[0], n)


def _group_counted(c: Context, group: Someone, n: int) -> Context:
    """A counted group and its lines, counted anew as `n`."""
    lines = tuple(replace(line, count=n if n > 1 else None) if line.person == group.key else line for line in c.lines)
    return replace(c.with_person(replace(group, count=n, label=_counted_as(group.label, n))), lines=lines)


def _each_recounted(q: Question, c: Context) -> Context | None:
    """说错了 解放战争的是仨 志愿军是俩: as many counts said again as counted groups named, each the size of the group
    named in the same place of the message (the first count the first group's)."""
    counts = [x for x in q.quantities if x.corrects and x.unit in ("个", "位", "名", "人") and x.value == int(x.value)
              and x.value >= 1]
    if len(q.subjects) < 2 or len(counts) != len(q.subjects):
        return None
    merged = c
    for subject, count in zip(q.subjects, counts, strict=True):
        groups = [p for p in merged.people if p.count > 1 and subject.measure in p.measures]
        if len(groups) != 1:
            return None
        merged = _group_counted(merged, groups[0], int(count.value))
    return merged


def _some_of_another_kind(q: Question, c: Context, store: MeasureStore) -> Context | None:
    """解放战争那3个里头有1个其实是抗日的: some of a counted group (1 unless a smaller count is said) are of the other
    category the message names; the group counted without them, and they a group of that category (or added to
    the one there is)."""
    kinds = [s.measure for s in q.subjects if store.get(s.measure).categories.get("veteran_category")]
    if len(kinds) != 2 or q.people:
        return None
    counted = [[p for p in c.people if p.count > 1 and kind in p.measures] for kind in kinds]
    if [len(g) for g in counted] == [0, 1]:  # 抗日老兵 2人 — 改：解放战争1人 抗日1人: the group named second
        kinds, counted = kinds[::-1], counted[::-1]
    was, now = kinds
    groups = counted[0]
    if len(groups) != 1:
        return None
    group = groups[0]
    each = [int(x.value) for x in q.quantities if x.unit in ("个", "位", "名", "人") and x.value == int(x.value)]
    said = [v for v in each if 0 < v < group.count]
    n = said[-1] if said else 1
    if len(each) == 2 and sum(each) == group.count:  # 解放战争1人 抗日1人: each count the size of its own
        n = each[[x.measure for x in q.subjects].index(now)]
    left = replace(group, count=group.count - n, label=_counted_as(group.label, group.count - n))
    merged = c.with_person(left)
    lines = tuple(replace(line, count=left.count if left.count > 1 else None) if line.person == group.key else line
                  for line in c.lines)
    category = store.get(now).categories["veteran_category"]
    joined = next((p for p in c.people if now in p.measures and p.key != group.key), None)
    if joined is not None:
        grown = replace(joined, count=joined.count + n, label=_counted_as(joined.label, joined.count + n))
        merged = merged.with_person(grown)
        return replace(merged, lines=tuple(replace(line, count=grown.count) if line.person == joined.key else line
                                           for line in lines))
    someone = Someone(str(category), f"{n}个{category}", n, {"veteran_category": category}, (now,))
    return replace(merged.with_person(someone), lines=(*lines, *_person_lines(someone)))


def _some_of_a_line(q: Question, c: Context, store: MeasureStore) -> Context | None:
    """抗日2人 月合计 — 改：其中1人是解放战争老兵: of the one counted line of no one of another category, that many
    (1 unless said) are of the category named; the line counted without them, and theirs beside it."""
    kinds = [s.measure for s in q.subjects if store.get(s.measure).categories.get("veteran_category")]
    if len(kinds) != 1 or q.people or "其中" not in q.text:
        return None
    now = kinds[0]
    counted = [x for x in c.lines if x.person is None and (x.count or 0) > 1 and x.measure != now
               and store.get(x.measure).categories.get("veteran_category")]
    if len(counted) != 1:
        return None
    was, size = counted[0], counted[0].count or 0
    said = [int(x.value) for x in q.quantities if x.unit in ("个", "位", "名", "人") and 0 < x.value < size]
    n = said[-1] if said else 1
    theirs = next((x for x in c.lines if x.person is None and x.measure == now), None)
    lines = [replace(x, count=size - n if size - n > 1 else None) if x == was else
             replace(x, count=(x.count or 1) + n) if x == theirs else x for x in c.lines]
    return replace(c, lines=tuple(lines if theirs else [*lines, Line(now, None, n if n > 1 else None)]))


def _counted_as(label: str, n: int) -> str:
    """A counted group's name with its count said anew (3个解放战争老兵 → 2个解放战争老兵)."""
    return re.sub(r"\d+", str(n), label, count=1)


def _named_lines(q: Question, c: Context, store: MeasureStore) -> list[Line]:
    """The lines that the message's own words name by part of their title (绿色那个)."""
    hits = [[line for line in c.lines if w in store.get(line.measure).title]
            for w in cut(q.about, store.terms) if len(w) > 1]
    hits = [h for h in hits if h]
    return min(hits, key=len) if hits else []  # 绿色 names one line; 产品, in most titles, names none in particular


def reckons_by_a_fact_had(q: Question, c: Context, known: Known) -> Context | None:
    """要是立的是二等功呢 — 按二等功算一年多少: a measure named only as what the lines are reckoned by, its fact as
    the conversation has it: the same lines, asked again."""
    if not (q.supposed and q.subjects and c.lines) or q.people or len(c.lines) < 2:
        return None
    had = {k: v for p in c.people for k, v in p.facts.items()} | dict(c.facts)
    told = {k: v for s in q.subjects for k, v in s.facts.items()} | dict(q.facts)
    if not {s.measure for s in q.subjects} <= {line.measure for line in c.lines} or any(
            had.get(k) != v for k, v in told.items()):
        return None
    return _asked_again(q, c)


def adds_to_the_question(q: Question, c: Context, known: Known) -> Context | None:
    """再加上邻村一个抗日老兵呢 / 再加一个产品呢: a line more, or one more of what a line counts; the rest as before."""
    store = known.store
    if not c.lines or q.correction and (now := {x.measure for x in c.lines}) & q.denied and any(
            s.measure not in now for s in q.subjects):
        return None  # 不对 第一个是抗日老兵: one in place of a line, not one more
    merged = _with_people(q, c, store)
    new = tuple(_of_another_level(n, q, c, store) for n in _lines(q, merged, store))
    if q.addition and not new:  # 再加上返乡农民工那5200呢: the one measure stating the figure told
        stating = {m.id for x in q.quantities if x.value >= 100 for m in store.stating(x.value)}
        new = tuple(Line(m) for m in stating) if len(stating) == 1 else ()
    beside = len(new) == 1 and any(store.get(line.measure).kind != "merit_addition" for line in c.lines)  # 抗美援朝老兵
    # 每月多少 — 那立过一等功的呢 每月一共: the one merit on top of the standard asked (三等功和二等功加起来: levels)
    personal = bool(new) and all(store.get(line.measure).kind == "merit_addition" for line in new) and (
        bool(c.people) or any(line.person is not None for line in new) or beside)  # 三等功和二等功加起来: levels, of nobody
    everything = q.total and q.everyone and all(x.person in (None, SELF) for x in (*new, *c.lines)) and bool(
        {n.measure for n in new} - {x.measure for x in c.lines}) and not any(  # 绿色食品也有俩产品 都加起来: one award
        store.get(x.measure).params.get("planned") for x in c.lines)  # more, all summed (not the plan's 20 sites)
    if personal and not q.addition and q.how_many and len({n.person for n in new} - {None}) >= q.how_many:
        return None  # 三等功 二等功各加多少 — 我爸立了二等功我叔立了三等功 他俩一共: the two named, asked anew
    if not (q.addition or (q.total and personal) or everything):  # 他还立过二等功，一共多少: his lines, and the merit
        return None  # beside them
    before = {x.person for x in c.lines}
    whether = not q.total and _WHETHER.search(q.text)  # 还有个三哥五十九 能领不, after a sum: whether he can, alone
    if not (q.total or c.total and not whether or q.everyone or q.how_many or q.adds_outright) and new and all(
            n.person is not None and n.person not in before for n in new):
        return None  # 我三大爷当了六年 还立过二等功 他一个月多少: his own lines, asked of him alone
    key = c.lines[0].person if len(c.lines) == 1 else None
    if key is not None and q.total and new and all(n.measure == c.lines[0].measure for n in new):
        told = {**q.facts, **{k: v for n in new for k, v in n.facts.items()}}  # 他立过三等功 加多少 — 那加上三等功
        # (二等功)一个月总共多少: the line just answered, at the level said, with the rest of theirs
        merged = _told(merged, key, told, store, replace_kind=True) if told else merged
        if len(theirs := _person_lines(merged.person(key))) > 1:
            return replace(merged, lines=theirs, asked=q.asked if q.asked_said else c.asked,
                           period=q.period or c.period, total=True, requested=None)
    if new and all(any(_same_line(x, n) for x in c.lines) for n in new) and all(
            n.facts for n in new):  # 无公害仨产品加上绿色食品仨产品: the lines there are, told again, not more of them
        return replace(merged, lines=_told_again(c.lines, new), asked=q.asked if q.asked_said else c.asked,
                       period=q.period or c.period, total=True, requested=None)
    if q.adds_within and new and not (q.people or q.everyone) and new[0].measure not in {x.measure for x in c.lines}:
        return None  # 第一年再认证的呢 — 新认证有机的 再加上地理标志 一共: the two named, summed anew
    if new:  # 两个电商点再加一个无公害认证: a line there is, told again with its facts, and one more
        counts = {k: v for k, v in merged.facts.items() if k in ("count", "product_count")}  # 介绍12人 — 同时获得
        held = tuple(replace(x, facts={**counts, **x.facts}) if x.person is None and set(counts) & set(  # 创业补贴:
            inputs(store.get(x.measure))) else x for x in c.lines)  # the 12 are the placements', no starters counted
        merged = replace(merged, facts={k: v for k, v in merged.facts.items() if k not in counts})
        lines = (*_told_again(held, new),
                 *(n for n in new if not any(_same_line(x, n) for x in c.lines)))
        if q.how_many and q.how_many > len(lines):  # 还有个地理标志登记 三项加一块: the ones answered before too
            lines = _filled(lines, reversed(c.history), q.how_many)
        said_at = {(n.measure, n.person): i for i, n in enumerate(new)}
        if all((x.measure, x.person) in said_at for x in lines):  # 无公害仨产品加上绿色食品仨产品: as the message says them
            lines = tuple(sorted(lines, key=lambda x: said_at[(x.measure, x.person)]))
        sums = q.total and set(c.asked) <= {"max", "min"} and any(n.facts for n in new)  # 最多能给多少 — 另外还拿了
        # 地理标志 跟四个产品的绿色认证加一起: the sums of the counts told, not the caps
        anew = q.adds_outright and q.period and _HOW_MUCH.search(q.text)  # 比原来多多少 — 他还立过三等功 加上一个月
        # 多少: the sum (加上一个解放战争老兵，多少: the rises still)
        asked = q.asked if q.asked_said or sums or anew else c.asked
        return replace(merged, lines=lines, asked=asked, period=q.period or c.period,
                       total=True, facts={**merged.facts, **q.facts}, requested=None)
    for kind in ("product_count", "count"):  # 再加一个产品: one more of what a line counts
        if kind in q.facts:  # 再加一个 三个产品呢: one more, the three it makes
            added = next((x.value for x in q.quantities if x.unit in ("个", "")), None)
            return _asked_again(q, _increased(c, kind, q.facts[kind], added))
    counted = [q_ for q_ in q.quantities if q_.unit in ("个", "")]
    kind_of = _kind_of(counted[0].unit, c, store) if counted else None
    if kind_of in ("product_count", "count"):
        return _asked_again(q, _increased(c, kind_of, whole(counted[0].value)))
    return None


def sums_the_merit_with_the_standard(q: Question, c: Context, known: Known) -> Context | None:
    """优抚对象立了二等功每月加多少 — 他是抗美援朝老兵 一年一共能拿多少: the merit asked of no one is the veteran's
    now named, and the total is his standard with it (15780 + 1200), not the standard alone."""
    store = known.store
    if not q.total or q.people or len(q.subjects) != 1 or not c.lines or not all(
            store.get(x.measure).kind == "merit_addition" and x.person is None for x in c.lines):
        return None
    named = store.get(q.subjects[0].measure)
    if named.kind == "merit_addition" or "veteran" not in named.groups:
        return None
    return replace(c, lines=(Line(named.id), *c.lines), asked=q.asked if q.asked_said else ("amount",),
                   period=q.period or c.period, total=True, requested=None)


def asks_what_a_group_gets(q: Question, c: Context, known: Known) -> Context | None:
    """这暖流计划管啥人 — 俺是农民 有啥好处: what the plan gives the group told, as asked first; not the plan's
    own figures again with one measure of the group beside them."""
    if q.asked != ("entitled",) or not q.groups or q.subjects or not c.lines or not all(
            known.store.get(x.measure).kind == "target" for x in c.lines):
        return None
    return replace(c, lines=(), asked=q.asked, period=q.period, total=q.total, requested=None)


def returns_to_someone(q: Question, c: Context, known: Known) -> Context | None:
    """俺爹那个归哪管 — 那俺嫂子呢 / 俺嫂子那个呢: the same question of the measures of someone talked about before,
    telling nothing new of them, not of the last lines again."""
    if not (q.follow_up and c.lines and q.people) or q.subjects or q.correction or q.facts or q.total or q.how_many \
            or q.supposed and known.family.fallen_in(q.text, soldier_known=True):  # 如果奶奶是病故的呢: supposed
        return None
    someones = [c.person(p.key) for p in q.people]
    if any(s is None or not s.measures or s.count != 1 for s in someones) or any(
            set(p.facts) - {"gender"} for p in q.people) or {x.person for x in c.lines} == {p.key for p in q.people}:
        return None
    lines = tuple(x for s in someones if s is not None for x in _person_lines(s))
    asked = q.asked if q.asked_said else c.asked
    if "difference" in asked and len(lines) == 1:  # 比俺多多少 — 俺这个一个月呢: one's own again, no other to differ
        asked = ("amount",)
    return replace(c, lines=lines, asked=asked, period=q.period or c.period,
                   total=False, requested=None, focus=q.people[-1].key)


def swaps_the_person(q: Question, c: Context, known: Known) -> Context | None:
    """那我叔呢: the same question of someone else, who has no measures of their own yet; their facts are theirs,
    the others' are not lent to them."""
    store = known.store
    named = [p for p in q.people if p.count == 1 or not (q.split or any(
        line.person not in (None, SELF) or line.person == SELF and "count" not in inputs(store.get(line.measure))
        or line.count for line in c.lines))]
    # 电商示范点补多少 — 3个村都想整: a counted group of its own where the lines were of no one (or the asker's site:
    # 俺村想建电商示范点 — 俺们乡三个村都建呢) and uncounted
    never_served = all(p.facts.get("served") is False for p in named) and all(
        "veteran" in store.get(line.measure).groups for line in c.lines)  # 那俺妈呢 她没当过兵, after 老义务兵: the
    # same measures of her, for the verdict that she never served
    if not (named and c.lines and not q.subjects and not q.correction) or q.denies and not never_served:
        return None  # 那俺老伴儿呢，她没当过兵 (after no veteran's measure): not the same of her
    if any(c.person(p.key) and c.person(p.key).measures for p in named):  # type: ignore[union-attr]
        return None
    merged = _with_people(q, c, store)
    if any(_implied(dict(p.facts), store) for p in named):
        return None  # 那我妈呢，她是烈士遗属: her own measure, named_its_subject's
    measures = tuple(dict.fromkeys(line.measure for line in c.lines))
    told = {g for p in named for g in p.facts.get("groups", ())}
    if told and not any(told & set(store.get(m).groups) for m in measures):
        return None  # 那我呢，贫困村种地的: someone the last measures are not for; what they can get instead
    for p in named:
        if merged.person(p.key) is None and p.count > 1:  # 3个村都想整: a group of its own, no one before
            merged = _told(merged, p.key, dict(p.facts), store, replace_kind=False, label=p.label, count=p.count)
        someone = merged.person(p.key)
        if someone is not None and not never_served:  # the veteran's measures asked of her, for the verdict only:
            merged = merged.with_person(replace(someone, measures=measures))  # never hers after it
    lines = tuple(Line(m, p.key) for p in named for m in measures) if never_served else tuple(
        x for p in named for x in _person_lines(merged.person(p.key)))
    if q.total and q.how_many and q.how_many > len(named):  # 我弟家原来交3000 俩家一共少交多少: mine and his
        lines = _filled(lines, (*c.lines, *reversed(c.history)), q.how_many)
    return replace(merged, lines=lines, asked=q.asked if q.asked_said else c.asked, period=q.period or c.period,
                   total=q.total or c.total, requested=None, focus=named[-1].key)


def supposes_another_fact(q: Question, c: Context, known: Known) -> Context | None:
    """要是立的是一等功呢 / 那一等功呢 (after his 二等功 in a total) / 第二个要是六个产品呢: another value of a fact the
    person spoken of (or named) has, in its place; the same lines asked again with it (the total stays a total, the
    veteran's line stays)."""
    if len(_levels_compared(q)) > 1:
        return None  # 一等功比二等功多加多少, after his 一等功: the two levels compared, no value supposed of him
    if (lines := _supposed_lines(q, c)) is not None:
        return _asked_again(q, replace(c, lines=lines))
    if (counted := _supposed_number(q, c, known.store)) is not None:
        return _asked_again(q, counted)
    if (lines := _supposed_of_no_one(q, c)) is not None:
        return _asked_again(q, replace(c, facts={**c.facts, **{k: v for k, v in q.facts.items() if k in c.facts}},
                                       lines=lines))
    known_before = [p.key for p in q.people if c.person(p.key) is not None and set(p.facts) <= {"gender"}]
    survivor = known_before[0] if len(known_before) == 1 == len(q.people) else None  # 如果阿嬷是病故的呢: hers
    if q.supposed and not (q.correction or q.subjects) and (survivor or not q.people) and (
            died := _died_otherwise(q, c, known, survivor)) is not None:  # 因公牺牲 — 要是评上烈士了呢: his
        # survivors as a martyr's
        if not {"difference", "rise"} & set(q.asked):
            return _asked_again(q, died)
        return replace(_asked_again(q, died), lines=_unique((*c.lines, *died.lines)), asked=("difference",))  # 能差多少
    named = [c.person(p.key) for p in q.people]  # 第二个要是六个产品呢: of the one it names
    if len(q.people) > 1 or None in named:
        return None
    someone = named[0] if named else c.person(c.focus)
    told = {**q.facts, **(q.people[0].facts if q.people else {})}
    if someone is None and c.focus is None and _of_the_asker(told, q, c):  # 老义务兵 当了8年 还立过三等功 一共 —
        # 要是立的二等功呢: no one named, the same lines; a line holding the value told before holds the new one
        # (介绍了5个人 还有创业补贴 一共 — 要是介绍了8个人呢: 8 referred; the start-up's own count of 1 stays)
        lines = tuple(replace(x, facts={**x.facts, **{k: v for k, v in told.items() if x.facts.get(k) == c.facts[k]}})
                      for x in c.lines)
        return _asked_again(q, replace(c, facts={**c.facts, **told}, lines=lines))
    if not told or someone is None or not set(told) <= set(someone.facts) or q.correction:
        return None
    if all(someone.facts[k] == v for k, v in told.items()):
        return None
    theirs = {line.measure for line in c.lines if line.person == someone.key}
    kind = "veteran_category" in told and q.supposed  # 俩人一共 — 要是我爷爷是抗日的呢: his kind in place of his
    if not theirs or not (kind or {s.measure for s in q.subjects} <= theirs) or len(c.lines) < 2:
        return None  # 俺爹俺妈一年一共 — 俺开店补贴找哪个部门: of the asker, none of whose lines were summed
    return _asked_again(q, _told(c, someone.key, told, known.store, replace_kind=True))


def _levels_compared(q: Question) -> list[Subject]:
    """一等功比二等功多加多少: the values of a measure's fact compared, each a subject of no one told its value."""
    return [s for s in q.subjects if s.person is None and s.facts] if "difference" in q.asked else []


def _supposed_number(q: Question, c: Context, store: MeasureStore) -> Context | None:
    """二十个全建成 — 要是只建成十五个呢: a number supposed with the unit of a fact the lines of no one were told,
    in its place (the question's facts and the lines' own); a sum of money said bare (交了3000多的保护费 — 要是正好
    3400呢) is the one told in yuan."""
    said = [x for x in q.quantities if x.unit] or [x for x in q.quantities[:1] if len(q.quantities) == 1 and x.value >= 100
                                                   and _SUM_SUPPOSED.search(q.text)]
    if not q.supposed or q.facts or q.people or q.subjects or len(said) != 1 or any(x.person for x in c.lines):
        return None
    kind = _kind_of(said[0].unit or "元", c, store)
    if kind is None or not any(kind in x.facts for x in c.lines):
        return None
    value = whole(said[0].value)
    return replace(c, facts={**c.facts, kind: value} if kind in c.facts else c.facts,
                   lines=tuple(replace(x, facts={**x.facts, kind: value}) if kind in x.facts else x for x in c.lines))


def _supposed_of_no_one(q: Question, c: Context) -> tuple[Line, ...] | None:
    """卖了一百万 奖励至少多少 — 要是卖了八十万呢 (the pronoun of the first was 他, her 老舅): another value of a fact
    only lines of no one hold, in their place, whoever the conversation's person is."""
    told = q.facts
    if not q.supposed or q.people or q.subjects or q.correction or not told:
        return None
    holding = [x for x in c.lines if set(told) <= set(x.facts) and all(x.facts[k] == c.facts.get(k, x.facts[k])
                                                                          for k in told)]
    if not holding or any(x.person for x in holding) or all(x.facts[k] == v for x in holding for k, v in told.items()):
        return None  # (介绍了5个人 还有创业补贴 一共 — 要是介绍了8个人呢: the start-up's own count of 1 stays)
    return tuple(replace(x, facts={**x.facts, **told}) if x in holding else x for x in c.lines)


def _of_the_asker(told: Mapping[str, Any], q: Question, c: Context) -> bool:
    """Whether `told` is another value, supposed (要是…呢), of facts the conversation has of no one, for the lines
    there are as a total."""
    return bool(told) and set(told) <= set(c.facts) and any(c.facts[k] != v for k, v in told.items()) and (
        not q.correction and c.total and len(c.lines) > 1 and q.supposed
        and {s.measure for s in q.subjects} <= {x.measure for x in c.lines})


def _supposed_lines(q: Question, c: Context) -> tuple[Line, ...] | None:
    """要是无公害有十个产品呢, after 无公害 and 绿色食品 asked together: another value of a fact told of one line (no
    one's), in its place; the other lines as they were."""
    said = {s.measure: s.facts for s in q.subjects if s.person is None and s.facts}
    if q.people or q.correction or not said or len(c.lines) < 2 or any(line.person for line in c.lines):
        return None
    own = {line.measure: line.facts for line in c.lines}
    if len(own) < len(c.lines) or len({s.measure for s in q.subjects}) < len(q.subjects):
        return None  # 三等功和二等功加起来 after every level listed: lines of one measure are told apart by their facts
    if not all(m in own and set(facts) <= set(own[m]) for m, facts in said.items()):
        return None
    if all(own[m][k] == v for m, facts in said.items() for k, v in facts.items()):
        return None
    return tuple(replace(line, facts={**line.facts, **said.get(line.measure, {})}) for line in c.lines)


def asks_of_the_others(q: Question, c: Context, known: Known) -> Context | None:
    """三属各多少 — 因公牺牲那个折合月标准 — 另外两个呢: the lines answered before but not asked of since, asked
    the same."""
    said = _OTHERS.search(q.text)
    if said is None or q.subjects or q.people or not c.lines:
        return None
    others = [line for line in _unique(c.history) if line not in c.lines]
    n = int(said.group("n")) if said.group("n") else len(others)
    if not others or n > len(others):
        return None
    return _asked_again(q, replace(c, lines=tuple(others[-n:])))


def asks_of_the_first(q: Question, c: Context, known: Known) -> Context | None:
    """抗日的 解放战争的 抗美援朝的 各多少 — 前两个差多少 / 前两个加一起: the first lines of the last answer, asked
    what this message asks."""
    said = _FIRST.search(q.text)
    if said is None or q.subjects or q.people or len(c.lines) <= int(said.group("n")):
        return None
    return _asked_again(q, replace(c, lines=c.lines[:int(said.group("n"))]))


def asks_for_a_part(q: Question, c: Context, known: Known) -> Context | None:
    """抗日老兵3人 解放战争老兵5人 全年总共多少 — 其中抗日老兵那部分多少: the line of the last answer the message
    names, as it was counted there (21060元 × 3人), not the measure's standard anew."""
    if not (_PART_OF.search(q.text) and q.subjects and len(c.lines) > 1) or q.people or q.quantities or q.total \
            or _OF_ONE.search(q.text) or set(q.asked) != {"amount"}:
        return None  # (4人全年合计 含立功增加的部分: the sum, the part in it)
    named = {s.measure for s in q.subjects}
    part = tuple(line for line in c.lines if line.measure in named)
    if not part or len(part) == len(c.lines):
        return None
    return replace(c, lines=part, asked=q.asked if q.asked_said else c.asked, period=q.period or c.period,
                   total=len(part) > 1, requested=None)


def points_at_items(q: Question, c: Context, known: Known) -> Context | None:
    """三样各多少 — 最后那个比第一个少多少 / 最多的那个比最少的那个多多少 / 最后那个一个月多少: the lines of the last
    answer at those places, or of those sizes, asked what this message asks (the two in the order said)."""
    ordinal = [p for p in q.people if _ORDINAL.fullmatch(p.key)]
    items = c.answered or c.lines
    if not q.places or q.subjects or len(items) < 2 or len(ordinal) != len(q.people) or any(
            (x := c.person(p.key)) and (x.measures or x.facts) for p in ordinal):
        return None  # 第2个 of a group the reply numbered is that member
    done = outcomes(replace(c, lines=items), known.store)  # 三品一标: a sum by products counted, its floor as listed
    figures_ = [f for o in done if (f := o.figure or bound(o, "min")) is not None]
    sizes = [in_period(f, "每年").value for f in figures_] if len(figures_) == len(items) else []
    lines = [_at_place(place, items, sizes) for place in q.places]
    if None in lines:
        return None
    picked = _unique(line for line in lines if line is not None)
    asked = q.asked if q.asked_said else c.asked
    if len(picked) == 2 and not q.asked_said:
        asked = ("difference",)
    people = tuple(x for x in c.people if x.key not in {p.key for p in ordinal})
    return replace(c, people=people, lines=picked, asked=asked, period=q.period or c.period, total=q.total,
                   requested=None, profile=())


def leaves_some_out(q: Question, c: Context, known: Known) -> Context | None:
    """各自一年多少 — 除了我舅 剩下俩加起来 / 把三等功那个去掉 剩下的一年多少 / 不算贷款 一共: the last answer (the one
    picked from, if this picks) without the lines of those people, measures or facts, asked what this asks."""
    left = q.left_out
    items = c.answered or c.lines
    everyone = tuple(x for p in c.people for x in _person_lines(p))  # all talked about, not only the last answer
    heads = q.how_many or next((p.count for p in q.people if p.count > 1 and not p.facts), None)  # 父母两人
    if left is not None and heads and len({x.person for x in items}) < heads:  # 姥爷一年呢 — 仨人加起来 不算立功:
        whose = {x.person for x in everyone}  # the three talked about, not the last one answered; 除了俺 他俩: the
        items = everyone if heads in (len(whose), len(whose - left.people)) else items  # two besides me
    if left is None or q.subjects or len(items) < 2:
        return None
    def out(line: Line) -> bool:  # 三等功 names the merit measure too: of its lines, the one of that level
        facts = {**_facts_of(c, line), **line.facts}
        return line.person in left.people or (any(facts.get(k) == v for k, v in left.facts.items()) if left.facts
                                              else line.measure in left.measures)
    rest = tuple(line for line in items if not out(line))
    if left.rest and (kept := tuple(x for x in everyone if not out(x))) and _heads(kept, c) == left.rest:
        # 抗日那个比抗美援朝的多多少 — 除了抗日那个 剩下4个一共: the four's total, of all talked about, not the
        rest, q = kept, replace(q, asked=("amount",), asked_said=True)  # difference asked before
    elif not rest or len(rest) == len(items):
        return None
    return replace(c, lines=rest, asked=q.asked if q.asked_said else c.asked, period=q.period or c.period,
                   total=q.total or c.total or len(rest) > 1, requested=None, profile=())


def shares_among_those_answered(q: Question, c: Context, known: Known) -> Context | None:
    """各自一年多少 — 除了我舅 剩下俩加起来 — 三个人平均每人多少: a sum shared among as many people as the answer
    picked from was about is theirs, all of them again."""
    if not q.split or q.subjects or q.people or not c.answered or _heads(c.lines, c) >= q.split \
            or _heads(c.answered, c) != q.split:
        return None
    return replace(c, lines=c.answered, asked=("amount",), period=q.period or c.period, total=True, requested=None)


def _at_place(place: str, lines: tuple[Line, ...], sizes: list[float]) -> Line | None:
    """The line at a place of the answer (first, last, 3), or of a size (most, least: by its amount over a year,
    every line computed; None when one is not, or two are as large)."""
    if place.isdigit():
        return lines[int(place) - 1] if int(place) <= len(lines) else None
    if place in ("first", "last"):
        return lines[0 if place == "first" else -1]
    if len(sizes) != len(lines) or len(set(sizes)) != len(sizes):
        return None
    pick = max if place == "most" else min
    return lines[sizes.index(pick(sizes))]


def names_its_subject(q: Question, c: Context, known: Known) -> Context | None:
    """A question naming its own measures or people (those people's facts taken from the conversation); 那X呢
    (a follow-up) keeps what was asked, the period and the total, and swaps in X."""
    store = known.store
    if q.total and q.pronoun and not q.subjects and not q.people and len(c.lines) > 1:
        return None  # 等他也满60了，一共多少: all of them, asked again
    levels = _levels_compared(q)
    if not q.people and len(levels) > 1 and len({s.measure for s in levels}) == 1:
        return replace(c, lines=tuple(Line(s.measure, None, s.count, dict(s.facts)) for s in levels), asked=q.asked,
                       period=q.period or c.period, total=False, requested=None)  # 他一等功 — 那一等功比二等功多加
        # 多少: the two levels compared, of no one
    merged, alike = _likewise(q, c, _with_people(q, c, store), store)
    lines = _lines(q, merged, store)
    lines += tuple(x for key in alike for x in _person_lines(merged.person(key)) if x not in lines)
    if not lines:
        return None
    if q.pronoun and "difference" in q.asked and len(q.people) == 1 and c.focus not in {x.person for x in lines}:
        lines = (*_person_lines(merged.person(c.focus)), *lines)  # 他比俺多多少: the one spoken of against the one named
    theirs = {x.measure for x in c.lines if x.person is not None}
    if not q.subjects and not q.people and all(x.person is None and x.measure in theirs for x in lines):
        return None  # 我开了个中介 介绍了12个 — 要是里头有3个只签了半年呢: facts of theirs, for tells_a_fact
    if q.total and c.total and q.people and not q.how_many and all(
            c.person(p.key) and p.facts and not p.key.startswith(MEMBER_PREFIX) for p in q.people):
        lines = _unique((*_lines_anew(c.lines, merged), *lines))  # 户 年合计 — 本人 服役期间三等功 年合计: all again
    if q.correction and q.denied and not q.people and (swapped := _swapped(c.lines, q.denied, lines)):
        lines = swapped  # 抗美援朝老兵 3人 — 应为 解放战争 非抗美: the 3 are of the other war, and never were of it
        merged = replace(merged, history=tuple(x for x in merged.history if x.measure not in q.denied))
    follow = q.follow_up or q.correction
    if follow and "difference" in c.asked and len(c.lines) == 2 and len(lines) == 1 and _THAN.match(q.text):
        lines = _against(c, lines[0], q, store)  # 比烈士遗属差多少 — 比病故军人遗属呢: the first against another
    elif "difference" in q.asked and len(c.lines) == 1 and len(lines) == 1 and not q.people and (
            _THAN.match(q.text) or THAN_THE_LAST.search(q.text)):  # 他是解放战争的 — 那比抗日的少多少: his against the one
        lines = _against(c, lines[0], q, store)  # named; 创业担保贷款 — 那个风险补偿基金比它少多少: the one named against it
    level_was = next((x for x in c.lines if x.measure == lines[0].measure), None) if len(lines) == 1 else None
    if level_was is not None and not q.people and lines[0].person is None and len(c.lines) == 2 and all(
            x.person is None for x in c.lines) and {store.get(x.measure).kind == "merit_addition" for x in c.lines} \
            == {True, False} and \
            q.facts.get("merit") not in (None, _facts_of(c, level_was).get("merit")):  # another level, not 一等功单算
        lines = tuple(lines[0] if x.measure == lines[0].measure else x for x in c.lines)  # 抗日老兵 一等功 年? —
        # 个人荣誉称号呢: that line's level swapped, the standard beside it kept
    if (q.total or _ALL_ADDED.search(q.text)) and not q.people and len(lines) == 1 and len(c.lines) > 1 and \
            _HAS_TOO.search(q.text) and all(
            x.person is None for x in (*lines, *c.lines)) and lines[0] not in c.lines:
        lines = (*c.lines, *lines)  # 绿色 无公害 有机 一共 — 地理标志也有 全加: the fourth award with the three
    elif (follow or q.supposed) and not q.people and len(lines) == 1 and (c.total or q.total) and len(c.lines) > 1 and all(
            x.person is None for x in (*lines, *c.lines)) and (like := _like(lines[0], c.lines, store)) is not None:
        lines = tuple(lines[0] if x is like else x for x in c.lines)  # 抗日老兵 一等功 年合计 — 那解放战争的呢: the
        # other war's standard in the sum, the merit kept; 绿色 加有机新认证 共多少 — 有机要是第一年再认证呢: 24000 + 10000
    elif q.supposed and not q.addition and len(q.people) == 1 and len(new := [x for x in lines if x not in c.lines]) \
            == 1 and c.total and len(c.lines) > 1 and (like := _like(new[0], tuple(
                x for x in c.lines if x.person == new[0].person), store)) is not None:
        lines = tuple(new[0] if x is like else x for x in c.lines)  # A 无公害 B 绿色 C 有机新认证 一共 — C要是第一年
        # 再认证呢: C's award in place of C's, the others kept, and no longer one of C's
        if (someone := merged.person(new[0].person)) is not None:
            merged = merged.with_person(replace(someone, measures=tuple(m for m in someone.measures if m != like.measure)))
    if any(p.key == ANOTHER for p in q.people):  # 老义务兵 服役4年 — 同户另一人 服役2年: the one before stays, as told
        lines = _unique((*(replace(x, facts=_facts_of(c, x)) if x.person is None else x for x in c.lines), *lines))
    asked = q.asked if q.asked_said or not follow else c.asked
    if asked == ("difference",) and len(lines) == 1 and _HOW_MUCH.search(q.text) and not (
            _THAN.match(q.text) or THAN_THE_LAST.search(q.text)):
        asked = q.asked  # 差多少 — 那他一个月多少: his amount now, no difference of his one line
    if not q.asked_said and set(asked) <= WORDED and any(set(q.facts) & set(reads(store.get(x.measure))) for x in lines):
        asked = ("amount",)  # 不上缴国库吗 — 要是转让收益是50万呢: a figure the rule reckons with asks its sum
    again = q.once_met and (q.total or q.how_many) and {x.person for x in lines} < {x.person for x in c.lines}
    if again:  # 再过三个月我媳妇也开够了，到时候一共多少 / 明年她就满六十了 到那时候俩人一年咋算: all of them, as they will be
        lines = c.lines
    if asked == ("rise",) and len(c.lines) == 1 and len(lines) == 1 and lines[0].measure != c.lines[0].measure \
            and (q.supposed or _MORE.search(q.text)):  # 病故 — 要是按烈士遗属算，多多少: one against the other
        lines, asked = (c.lines[0], lines[0]), ("difference",)
    how_many = q.how_many or (next((p.count for p in q.people if not p.facts and p.count > 1), None) if q.total
                              else None)  # 俺奶也是老兵…老两口一年一共: the couple, she and the one before
    unlined = _of_no_kind_yet(q) - {x.person for x in lines}  # counted, though they have no line yet
    if how_many and (q.total or not q.each) and not _its_items(lines, how_many, store):  # 等俺也满60了，仨人一年
        lines = _filled(lines, (*c.lines, *reversed(c.history)), how_many - len(unlined))  # 多少: the one named and
        # those before
    if q.how_many and q.everyone and len(q.people) == 1:
        merged, lines = _everyone_told(q, merged, lines, store)
    total = q.total or bool(q.how_many and not q.each and len(lines) > 1) or (again and c.total)
    before = {x.measure for x in c.lines}
    kept = c.facts if any(x.measure in before for x in lines) else _uncounted(
        c.facts)  # 中介介绍了20个 — 那创业补贴呢: no 20 of the subsidy
    return replace(merged, lines=lines, asked=asked,
                   period=q.period or (c.period if follow else None), total=total or (follow and c.total),
                   facts={**kept, **q.facts}, requested=None,
                   focus=_focus(q, merged) or merged.focus, profile=())


def _like(line: Line, lines: tuple[Line, ...], store: MeasureStore) -> Line | None:
    """The one line of a sum that `line` is like (a measure of the same kind, for the same groups, paying a figure of
    its own) and may stand in place of; of several alike, the one sharing a word of its name; none when no one is."""
    new = store.get(line.measure)
    if new.kind in ("rule", "target") or any(x.measure == line.measure for x in lines) or any(
            "min" in r for r in new.requires):  # 那烈士老年子女呢: 年满60周岁 is asked of someone, not summed unsaid
        return None
    alike = [x for x in lines if (m := store.get(x.measure)).kind == new.kind and m.groups == new.groups]
    if len(alike) > 1:
        alike = [x for x in alike if set(store.get(x.measure).keywords) & set(new.keywords)]
    return alike[0] if len(alike) == 1 else None


def _against(c: Context, line: Line, q: Question, store: MeasureStore) -> tuple[Line, Line]:
    """The first line answered before, and `line` compared with it. Of one measure, the facts it reads are each
    line's own (个人荣誉称号 — 比三等功的多多少: 200元 against 50元), not the question's for both."""
    first = c.lines[0]
    if first.measure != line.measure:
        return first, line
    read = inputs(store.get(line.measure))
    before = {k: v for k, v in _facts_of(c, first).items() if k in read}
    return replace(first, facts={**before, **first.facts}), replace(line, facts={**line.facts, **{
        k: v for k, v in q.facts.items() if k in read}})


def _likewise(q: Question, c: Context, merged: Context, store: MeasureStore) -> tuple[Context, list[str]]:
    """我姐38 失业 想开店 能领创业补贴吗 — 我爸51岁也失业了要创业，他俩一共多少: someone new who is 也 of a group
    the one asked about is of, or the last lines' measures are for, has those measures too (the verdict on them is
    still theirs to pass); 我和我小舅子各建一个: each did the thing talked about. With the keys of those who have."""
    each_did = bool(_EACH_DID.search(q.text))
    if not (_ALSO.search(q.text) or each_did or q.with_me) or not c.lines:  # 俺俩都开店: me as the one before
        return merged, []
    alike = []
    measures = tuple(dict.fromkeys(line.measure for line in c.lines))
    before = {g for line in c.lines if (x := c.person(line.person)) for g in x.facts.get("groups", ())}
    for p in q.people:
        someone = merged.person(p.key)
        told = set(p.facts.get("groups", ()))
        if p.count == 1 and someone is not None and not someone.measures and (each_did or told and (told & before or all(
                told & set(store.get(m).groups) for m in measures))):
            merged = merged.with_person(replace(someone, measures=measures))
            alike.append(p.key)
    return merged, alike


def _swapped(before: tuple[Line, ...], denied: frozenset[str], named: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines before with the one measure denied replaced by the one named instead, their counts and people
    kept; nothing when the message does not name exactly one instead of one it denies."""
    instead = [x.measure for x in named if x.measure not in denied]
    if len(instead) != 1 or not any(x.measure in denied for x in before):
        return ()
    return tuple(replace(x, measure=instead[0]) if x.measure in denied else x for x in before)


def tells_a_fact(q: Question, c: Context, known: Known) -> Context | None:
    """他还立过二等功，一共多少 / 今年七十二了: facts of the person spoken of (or of the question at large), the lines
    they point to added, the last question asked again with them."""
    store = known.store
    told = dict(q.facts)
    if not told and len(q.people) == 1 and q.people[0].key == SELF and c.lines and all(
            x.person in (None, SELF) for x in c.lines):  # 在家开网店免几年 — 我已经免了1年半了: the asker's own, of the
        told = {k: v for k, v in q.people[0].facts.items()  # lines of no one, or a figure of the asker's lines (我是
                if all(x.person is None for x in c.lines) or isinstance(v, (int, float))}  # 养鱼的 — 我去年交了八千)
    if not told or not (c.lines or c.profile):
        return None
    implied = _implied(told, store, beside=[x.measure for x in c.lines])
    if c.profile and implied:  # 执照刚下来俩月，能领不: the measure the fact points to, with the fact
        return replace(c, facts={**c.facts, **told}, lines=tuple(Line(m) for m in implied), profile=(),
                       asked=q.asked, requested=None)
    if c.profile:
        return replace(c, facts={**c.facts, **told}, requested=None)
    if (counted_lines := _headcount(told, c, store)) is not None:  # 每人都当了三年兵 一个人多少 — 一共五个人，总共多少
        return _asked_again(q, replace(counted_lines, total=True))
    merged = _told(c, c.focus, told, store, replace_kind=False)
    if set(c.asked) & {"department", "apply", "conditions", "says"}:
        merged = replace(merged, asked=("amount",))  # 要什么条件 — 我们介绍成了12个人呢: the sum is asked now
    merged = _asked_again(q, merged)
    counted = {f for line in merged.lines for f in inputs(store.get(line.measure))}
    if ("base_amount" in told or set(told) & counted) and set(merged.asked) <= {"max", "min", *OF_TARGETS}:
        merged = replace(merged, asked=("amount",))  # 最多多少 — 一个网点按两万算呢 / 俺们有4个产品: the sum now
    return merged


def asks_of_its_words(q: Question, c: Context, known: Known) -> Context | None:
    """这网点是给谁用的 / 工作年限咋算: no measure named, but words of the last lines' provisions: those lines, asked
    what the words ask, else what the plan says (its words answer it)."""
    if not c.lines or q.names_something or q.total or q.period or q.money or q.split or q.span or (
            c.total and len(c.lines) > 1 and q.follow_up):  # 网点要是都按最低补呢: of the sum, one part supposed
        return None  # 全建完一共多少 / 团队5个人平分 / 十年下来: a sum, asked again
    store = known.store
    words = _own_words(q, store)
    hits = {line.measure for line in c.lines if any(w in store.get(line.measure).quote for w in words)}
    if not hits:
        return None
    items = [i["label"] for m in hits for i in store.get(m).params.get("items", ())]
    figure = q.follow_up and any(w in label for w in words for label in items)  # 大学生创业培训多少人 — 妇女的呢:
    return replace(c, lines=tuple(line for line in c.lines if line.measure in hits),  # that item's figure, as before
                   asked=q.asked if q.asked_said else c.asked if figure else ("says",), period=q.period or c.period,
                   requested=None)


def asks_again(q: Question, c: Context, known: Known) -> Context | None:
    """一年呢 / 涨了多少 / 加起来多少 / 去哪办 / 先给钱还是建完再给: the last lines, asked what this message asks
    (a question with no word of a kind: what was asked before, whose reply has the plan's words); 这几个加起来 / 这俩
    reaches back over the lines answered one per turn."""
    if not c.lines or not (q.asks or q.total or q.each or q.period or q.unstated or q.pronoun or q.question_form
                           or q.span or q.once_met or q.confirms is not None):  # 十年下来: the sum over ten years;
        # 满6个月后金额: as if met; 是七万四对吧: the sum just worked out, confirmed
        return None
    if any(not (c.person(p.key) and c.person(p.key).measures) for p in q.people if p.count == 1):  # type: ignore[union-attr]
        return None  # 那俺老伴儿呢，她没当过兵，有啥补助: of someone else, not the last lines again
    lines = c.lines
    listed = len(lines) == 1 and (m := known.store.get(lines[0].measure)).kind == "target" and len(
        m.params.get("items", ())) > 1  # 技师 高级技师 各培养多少 — 加一块: its figures (a subsidy's items only describe it)
    these = q.these and set(q.asked) <= WORDED  # 无公害 — 绿色呢 — 这些找哪个部门: all of them
    reach = q.how_many or (len(c.history) if (q.total and not listed or q.each or "difference" in q.asked or these)
                           and len(lines) == 1 else 0)  # 这俩差多少 — 折到每个月差多少: the two still, not all answered
    # before; 技师 高级技师 各培养多少 — 加一块多少人: the figures that one lists
    if q.how_many in (2, None) and "difference" in q.asked and len(lines) == 1 and c.replaced is not None:
        now = {k: v for k, v in _facts_of(c, lines[0]).items() if k in c.replaced.facts}  # 一等功 beside 个人荣誉称号
        lines = (c.replaced, replace(lines[0], facts={**lines[0].facts, **now}))  # 因公牺牲 — 说错了 是病故的 —
        # 二者差额: the standard replaced against this one
    elif reach > 1 and len(_last(lines, reach, known.store)) == len(lines) and len(
            _last(c.history, reach, known.store)) > len(lines):
        lines = _last(c.history, reach, known.store)
    elif q.how_many and q.total and len(lines) == 1 and lines[0].person is None and lines[0].count is None \
            and len(c.history) < q.how_many and known.store.get(lines[0].measure).kind != "target":  # 解放战争老兵多少
        # — 两个人一年一共多少: that many of it (of a target's figures, 前两个 are its first two)
        lines = (replace(lines[0], count=q.how_many),)
    worded = set(c.asked) <= WORDED
    fresh = _HOW_MUCH.search(q.text) and (not q.follow_up or set(c.asked) <= {"rise", "rise_pct"} and q.period)  # 涨了
    # 多少 — 俩人加一块一年多少: the amounts, added up; 比去年多了多少 — 那一个月合多少: the amount by the month
    anew = worded and (q.period or q.money or q.total or (q.question_form and not q.asks))  # 谁负责 — 要达到啥目标
    asked = q.asked if q.asked_said else ("amount",) if anew or fresh else c.asked
    if not q.asked_said and (named := _kind_of_figure(q, replace(c, lines=lines), known.store)):
        asked = named  # 涨了多少 — 那一年15780 一个月合多少: the amount told, not the rise
    if set(asked) & set(OF_TARGETS) and any(known.store.get(line.measure).kind != "target" for line in lines):
        asked = tuple(k for k in asked if k not in OF_TARGETS) or (("amount",) if fresh else c.asked)  # 平均一个月呢,
        # after a family's yearly total: the total by the month, not a target's average; 平均一个月总共发多少, after
        # the rise: the amounts again; 一个月平均多多少, after the rise of the total: that rise by the month
    return replace(c, lines=lines, asked=asked, period=q.period or c.period,  # 全部加起来 — 我们村要是评上了
                   total=q.total or (c.total and set(asked) <= SUMMED and not _OURS.search(q.text)),  # 能补多少: one
                   requested=None)  # site of theirs, not the plan's sum


def _kind_of_figure(q: Question, c: Context, store: MeasureStore) -> tuple[str, ...] | None:
    """("amount",) or ("old",) when the message repeats a line's amount or its old one (那一年15780，一个月合多少):
    the figure said is the one asked of."""
    told = {x.value for x in q.quantities if x.value >= 10}
    for o in outcomes(c, store) if told else ():
        for kind, f in (("amount", o.figure), ("old", o.old)):
            if f is not None and any(in_period(f, p).value in told for p in ("每月", "每年") if f.period in MONTHS):
                return (kind,)
    return None


def _own_words(q: Question, store: MeasureStore) -> list[str]:
    """The message's own words (no cue, no number: 10 is no word of 150元), as the plan's terms cut them."""
    return [w for w in cut(q.about, store.terms) if len(w) > 1 and not w.isdigit()]


def names_the_figures_measure(q: Question, c: Context, known: Known) -> Context | None:
    """那两万那个说的是啥认证 / 那一个亿五说的是啥: the one measure whose quote states the figure said (of those,
    the one the message's own words name, if several do), answered."""
    if q.whose_figure is None or q.subjects or q.people:
        return None
    store = known.store
    stating = store.stating(q.whose_figure)
    words = _own_words(q, store)
    named = [m for m in stating if any(w in m.title for w in words)] if len(stating) > 1 else stating
    if len(named) != 1:
        return None
    return replace(c, lines=(Line(named[0].id),), asked=("amount",), period=None, total=False, requested=None,
                   profile=())


def picks_from_the_list(q: Question, c: Context, known: Known) -> Context | None:
    """俺是贫困户想贷款 有啥说法 — 那个基金出了多少钱: after a list of what someone can claim, words of one listed
    measure's own (基金) ask of that one."""
    if not c.listed or q.subjects or q.people or not c.lines or c.lines[0].measure not in c.listed:
        return None
    store = known.store
    words = _own_words(q, store)
    general = q.ambiguous[0] if q.ambiguous else None  # 给多少钱补贴: a word of many measures' titles picks none
    words = [w for w in words if w != general]
    named = [m for m in c.listed if any(w in store.get(m).title for w in words)
             or any(k in q.about for k in store.get(m).keywords)]
    hits = named if len(named) == 1 else [m for m in c.listed if any(w in store.get(m).quote for w in words)]
    if len(hits) != 1:  # 培训要钱不: the one whose title names it (免费创业培训), not another whose quote mentions it
        return None
    whose = next((line.person for line in c.lines if line.measure == hits[0]), None)  # 执照办了五个月: of the one
    merged = _told(c, whose, dict(q.facts), store, replace_kind=True) if q.facts else c  # listed for, and told now
    return replace(merged, lines=(Line(hits[0], whose),), asked=q.asked, period=q.period, total=False, requested=None,
                   profile=())


RULES: tuple[Callable[[Question, Context, Known], Context | None], ...] = (
    asks_what_a_group_gets, names_the_figures_measure, returns_to_the_facts_told, picks_from_the_list,
    answers_the_question_asked,
    points_at_items, asks_for_a_part, leaves_some_out, shares_among_those_answered, includes_those_left_out, splits_a_group,
    swaps_two_kinds, corrects_a_fact, reckons_by_a_fact_had, adds_to_the_question, returns_to_someone, swaps_the_person,
    supposes_another_fact,
    asks_of_the_others, asks_of_the_first, sums_the_merit_with_the_standard, names_its_subject, tells_a_fact,
    asks_of_its_words, asks_again,
)


# ---- people and their lines

def _known_people(q: Question, c: Context, store: MeasureStore) -> Context:
    """The conversation's people with those this message names added (their facts are the rules' to tell), so
    that who is whose is worked out before any rule reads them."""
    for p in q.people:
        if c.person(p.key) is None and (p.facts or p.count == 1):
            told = {k: p.facts[k] for k in ("fallen", "veteran_category") if k in p.facts}  # 他是解放战争老兵: no 遗属
            c = c.with_person(Someone(p.key, p.label, p.count, told))
    return c


def survivors(c: Context, known: Known, *, corrected: Collection[str] = ()) -> Context:
    """我老伴牺牲在部队，后来评上烈士 — 我能领多少: the spouse, children and parents of a soldier fallen are of the
    plan's category for them (烈士遗属, 烈士老年子女, 因公牺牲军人遗属 …), unless their own is known, or the death
    is one `corrected` now (说错了 老姑父是病故的: 老姑's category again, 奶奶's as she said it); the fallen
    soldier is no survivor, so a survivor's measure said of them is theirs no more."""
    store, family = known.store, known.family
    survivor_measures = {m.id for m in store.measures if "survivor" in m.groups}
    fallen = [p for p in c.people if p.facts.get("fallen")]
    for f in fallen:
        correcting = f.key in corrected
        for p in c.people:
            if p.key == f.key or (p.facts.get("veteran_category") and not correcting):
                continue
            relation = family.relation(p.key, f.key)
            category = family.survivor(f.facts["fallen"], relation) if relation else None
            if category and (m := store.made_for("veteran_category", category)) is not None:
                kept = tuple(x for x in p.measures if x not in survivor_measures or not correcting)
                c = c.with_person(replace(p, facts={**p.facts, "veteran_category": category},
                                          measures=(*kept, m.id) if m.id not in kept else kept))
        if any(m in survivor_measures for m in f.measures):
            c = c.with_person(replace(f, measures=tuple(m for m in f.measures if m not in survivor_measures)))
    return c


def _with_people(q: Question, c: Context, store: MeasureStore) -> Context:
    """The conversation's people with what this message tells of them (a group that tells nothing, 哥俩 or 娘俩,
    speaks of the people already there, and is no one new); facts told of no one go to the person spoken of
    before when the message says 他/她."""
    merged = c
    for p in q.people:
        if not p.facts and p.count > 1 and not any(s.person == p.key for s in q.subjects):
            continue
        named = [s.measure for s in q.subjects if s.person == p.key]
        merged = _told(merged, p.key, dict(p.facts), store, replace_kind=q.correction, named=named, label=p.label,
                       count=p.count)
    if q.pronoun and c.focus and q.facts:
        merged = _told(merged, c.focus, dict(q.facts), store, replace_kind=False)
    return merged


def _told(c: Context, key: str | None, facts: dict[str, Any], store: MeasureStore, *, replace_kind: bool,
          named: Iterable[str] = (), label: str | None = None, count: int = 1) -> Context:
    """Context with `facts` told of the person `key` (None: of the question at large) and the measures they point
    to made theirs; a category told again replaces the measures of the old one when `replace_kind`."""
    if key is None:  # of the question at large: it replaces what a line was told of the same kind (3个 → 2个)
        told = tuple(replace(line, facts={**line.facts, **{k: v for k, v in facts.items() if k in line.facts}})
                     for line in c.lines)
        implied = _implied(facts, store, beside=[x.measure for x in c.lines])
        lines = (*told, *(Line(m) for m in implied if not any(x.measure == m for x in told)))
        return replace(c, facts={**c.facts, **facts}, lines=lines, requested=None)
    old = c.person(key) or Someone(key, label or key, count)
    measures = list(old.measures)
    before = old.facts.get("veteran_category")
    if replace_kind and "veteran_category" in facts and before not in (None, facts["veteran_category"]):
        gone = store.made_for("veteran_category", old.facts["veteran_category"])
        measures = [m for m in measures if gone is None or m != gone.id]
    beside = [*named, *(x.measure for x in c.lines if x.person in (key, None))]  # theirs, or of no one in particular
    for m in [*named, *_implied(facts, store, beside=beside)]:
        if m not in measures:
            measures.append(m)
    someone = Someone(key, label or old.label, count if count > 1 else old.count, {**old.facts, **facts},
                      tuple(measures))
    merged = c.with_person(someone)
    lines = tuple(line for line in c.lines if line.person != key) + _person_lines(someone)
    if any(line.person == key for line in c.lines) or not c.lines:
        merged = replace(merged, lines=_in_order(c.lines, lines))
    return replace(merged, focus=key, requested=None)


def _lines(q: Question, c: Context, store: MeasureStore) -> tuple[Line, ...]:
    """The lines this question asks about: each person it names with their measures, then the measures it names
    of no one (a counted group's with its count), then those its general facts point to."""
    lines: list[Line] = []
    named = {s.person for s in q.subjects}
    spoken = [p.key for p in q.people if (someone := c.person(p.key)) and someone.measures
              and (p.key in named or not p.facts or _implied(someone.facts, store))]  # 我要是开个早餐摊呢: who, not what
    if not spoken and q.everyone:  # 那俩人加一块: everyone talked about; 他俩, after two answered: those two
        last = list(dict.fromkeys(x.person for x in c.lines if x.person and (p := c.person(x.person)) and p.count == 1))
        spoken = last if q.how_many and len(last) == q.how_many else [p.key for p in c.people if p.measures]
    if not spoken and q.pronoun and c.focus and not (q.subjects and not (q.total or q.each)):
        spoken = [c.focus]  # 找中介给他介绍工作 收钱不: the measure named, not also his others
    collective = any(not p.facts and p.count > 1 for p in q.people) and not spoken
    if collective or (q.everyone and not spoken):  # 娘俩加起来: everyone talked about
        spoken = [p.key for p in c.people if p.measures]
    own = {(s.person, s.measure): dict(s.facts) for s in q.subjects}  # 绿色食品3个产品，无公害2个: each its own count
    told = dict(q.facts) if len(spoken) == 1 and not q.people else {}  # 都签了1年合同 介绍成了12个: of the one
    for key in spoken:  # spoken of, facts told of no one are theirs
        theirs = _person_lines(c.person(key))
        if key in named and not (q.total or q.each) and any(
                store.get(x.measure).kind == "target" for x in theirs if (key, x.measure) not in own):
            theirs = tuple(x for x in theirs if (key, x.measure) in own)  # 俺家在贫困村 建大棚 — 俺家贷款难 风险补偿基金
            # 多少: the fund, not the plan's greenhouses again
        lines += [replace(line, facts={**told, **own.get((key, line.measure), {})}) for line in theirs]
    for s in q.subjects:  # of no one in particular, unless a person's line already has it (他立过二等功)
        if s.person is not None and c.person(s.person) is not None:
            continue
        at = next((i for i, x in enumerate(lines) if x.measure == s.measure), None)
        holders = [p.key for p in c.people if s.measure in p.measures and p.count == 1]
        if at is None and not q.people and s.count is None and len(holders) == 1:  # 我外公当过8年义务兵 — 老义务兵每月多少
            lines += [replace(line, facts={**line.facts, **q.facts, **s.facts})  # 就是义务兵，当了6年: his facts
                      for line in _person_lines(c.person(holders[0])) if line.measure == s.measure]
        elif at is None:
            lines.append(_as_counted_before(_counted_line(s, store, q.subjects), q, c))
        elif s.facts and lines[at].person is None:  # 无公害和绿色都拿了，无公害两个产品: the count said of it later
            if any(lines[at].facts.get(k, v) != v for k, v in s.facts.items()):
                lines.append(Line(s.measure, None, s.count, dict(s.facts)))  # 三等功、二等功各多少: a line each
            else:
                lines[at] = replace(lines[at], facts={**lines[at].facts, **s.facts})
    for m in _implied(q.facts, store, beside=[x.measure for x in (*lines, *c.lines)]):
        if not any(line.measure == m for line in lines):
            lines.append(Line(m))
    return tuple(lines)


def _counted_line(s: Subject, store: MeasureStore, named: tuple[Subject, ...]) -> Line:
    """其中俩人立过三等功: a count told beside a measure that multiplies no count itself (no `per`: not sites or
    placements) is the people it is for (2 × 每月50元). A count another measure of the message holds as its own
    (职业介绍补贴 介绍了5个人 还有创业补贴) is not this one's: it counts one."""
    told = s.facts.get("count")
    if s.count is None and isinstance(told, int) and told > 1 and not store.get(s.measure).params.get("per"):
        return Line(s.measure, None, told, _uncounted(s.facts))
    if "count" not in s.facts and any("count" in x.facts for x in named if x is not s) \
            and "count" in inputs(store.get(s.measure)):
        return Line(s.measure, None, s.count, {**s.facts, "count": 1})
    return Line(s.measure, None, s.count, dict(s.facts))


def _died_otherwise(q: Question, c: Context, known: Known, survivor: str | None = None) -> Context | None:
    """俺老伴儿病故了 — 不对，他是因公牺牲的: the fallen soldier spoken of died otherwise; his survivors are of that
    kind now, and their lines with them. `survivor`: the one survivor it is said of (如果阿嬷是病故的呢)."""
    kinds = known.family.survivor_categories
    soldier = any(p.facts.get("fallen") or p.facts.get("veteran_category") in kinds for p in c.people)
    kind = known.family.fallen_in(q.text, soldier_known=soldier)
    fallen = [p for p in c.people if p.facts.get("fallen") not in (None, kind)]
    if kind is not None and not fallen:
        return _survivor_of_another_death(c, kind, known, survivor)
    if kind is None or len(fallen) != 1:
        return None
    merged = survivors(c.with_person(replace(fallen[0], facts={**fallen[0].facts, "fallen": kind})), known,
                       corrected={fallen[0].key})
    for before in c.people:  # 父 解放战争老兵, 母 因公遗属 — 应为 病故: only those who were his survivors are again
        after = merged.person(before.key)
        if before.facts.get("veteran_category") not in kinds and after and after.facts.get("veteran_category") in kinds:
            merged = merged.with_person(before)
    merged = replace(merged, lines=_unique(_lines_anew(c.lines, merged)))
    now = known.family.survivors_of(kind)
    return (_of_no_one_now(merged, now, known) if now else None) or merged  # her line, asked of no one in particular


def _of_no_one_now(c: Context, category: str, known: Known) -> Context | None:
    """俺大姨夫在部队因公牺牲了 俺大姨算遗属 — 哦不对 是在部队得病没的: the one survivor's line, of no one in
    particular, is of the survivors of that death now."""
    store = known.store
    survivor_lines = [line for line in c.lines if store.get(line.measure).categories.get("veteran_category")
                      in known.family.survivor_categories]
    measure = store.made_for("veteran_category", category)
    if len(survivor_lines) != 1 or survivor_lines[0].person is not None or measure is None:
        return None
    return replace(c, lines=tuple(replace(line, measure=measure.id) if line in survivor_lines else line
                                  for line in c.lines))


def _survivor_of_another_death(c: Context, kind: str, known: Known, survivor: str | None = None) -> Context | None:
    """母 因公遗属 — 应为 病故 非因公: the one survivor spoken of (or named: `survivor`), whose soldier was not told of,
    is a survivor of a death of that kind (the plan names one category for all of them: 病故军人遗属)."""
    now = known.family.survivors_of(kind) or known.family.survivor(kind, "spouse")  # 要是评上烈士了呢: of a 遗属,
    # the martyr's 遗属 (烈士老年子女 is a child's, told as such)
    theirs = [p for p in c.people if p.facts.get("veteran_category") in known.family.survivor_categories - {now}
              and survivor in (None, p.key)]
    if now is not None and not theirs and (swapped := _of_no_one_now(c, now, known)) is not None:
        return swapped
    if now is None or len(theirs) != 1:
        return None
    merged = _told(c, theirs[0].key, {"veteran_category": now}, known.store, replace_kind=True)
    return replace(merged, lines=_unique(_lines_anew(c.lines, merged)))


def _survivors_now(q: Question, someone: Someone | None, known: Known) -> str | None:
    """The survivors' category a correction names by the soldier's death, for someone who was a survivor of another."""
    if someone is None or someone.facts.get("veteran_category") not in known.family.survivor_categories:
        return None
    kind = known.family.fallen_in(q.text, soldier_known=True)
    now = known.family.survivors_of(kind) if kind else None
    return now if now != someone.facts.get("veteran_category") else None


def _as_counted_before(line: Line, q: Question, c: Context) -> Line:
    """创业补贴与职业介绍补贴 两项合计: a measure of no one named again, counted by nothing said now, counts the
    people it was answered for (5人, 1人 taken off), not those another measure counted since."""
    if line.person is not None or line.count is not None or line.facts or set(q.facts) & set(_HEADCOUNT):
        return line
    earlier = next((x for x in reversed(c.history) if x.measure == line.measure and x.person is None), None)
    counted = {k: v for k, v in earlier.facts.items() if k in _HEADCOUNT} if earlier is not None else {}
    return replace(line, facts=counted) if counted else line


def _lines_anew(lines: tuple[Line, ...], merged: Context) -> tuple[Line, ...]:
    """The lines asked before, each person's as their measures now are (a corrected category, a death told
    otherwise), in the order they stood."""
    return tuple(x for line in lines for x in (_person_lines(merged.person(line.person)) if line.person else (line,)))


def _the_counted(q: Question, c: Context) -> tuple[Line, ...] | None:
    """The lines of the people a count of them (俩人 / 仨人) asks of: those the message names, and as many of the
    last ones talked about before as make up the count; None when the people talked about are not that many."""
    whose = list(dict.fromkeys(line.person for line in c.lines))
    if q.how_many is None or None in whose or any((p := c.person(k)) is None or p.count != 1 for k in whose):
        return None
    missing = q.how_many - len(whose) - len(_of_no_kind_yet(q) - set(whose))
    if missing == 0:
        return c.lines
    named = {p.key for p in q.people}
    if not named or missing < 0 or set(whose) - named:
        return None
    before = [p for p in c.people if p.key not in named and p.measures and p.count == 1]
    return (*(x for p in before[-missing:] for x in _person_lines(p)), *c.lines) if len(before) >= missing else None


_OF_KINDS = {"veteran", "survivor"}  # groups whose people are each of one kind (a war, a death), each paid its own


def _of_no_kind_yet(q: Question) -> set[str]:
    """Those the message tells to be of a group, and of no kind of it yet (俺大姑是遗属 俺二姑是病故的 俩人一共: 大姑):
    in a count of people, each is one of those counted (her kind is asked before the sum), not someone answered
    before."""
    return {p.key for p in q.people if p.count == 1 and set(p.facts.get("groups", ())) & _OF_KINDS
            and "veteran_category" not in p.facts}


def _person_lines(someone: Someone | None) -> tuple[Line, ...]:
    if someone is None:
        return ()
    return tuple(Line(m, someone.key, someone.count if someone.count > 1 else None) for m in someone.measures)


def _implied(facts: Mapping[str, Any], store: MeasureStore, beside: Iterable[str] = ()) -> list[str]:
    """The measures facts point to: a category's, the only one reading a fact (三等功 → 立功增发); none for a fact
    one of the measures `beside` reads (在家开店3年，租金还能免几年: the time of the rent-free span, not the
    start-up subsidy's)."""
    found = []
    for fact in IMPLYING:
        if fact in facts and (m := store.made_for(fact, facts[fact])) is not None and m.id not in found and not any(
                x != m.id and (other := store.find(x)) is not None and fact in reads(other) for x in beside):
            found.append(m.id)
    return found


def _focus(q: Question, c: Context) -> str | None:
    return next((p.key for p in reversed(q.people) if c.person(p.key)), None)


def _in_order(before: tuple[Line, ...], after: tuple[Line, ...]) -> tuple[Line, ...]:
    """`after`, in the order the lines stood `before` (a corrected person's lines where theirs were)."""
    place = {line.person: i for i, line in enumerate(before)}
    return tuple(sorted(after, key=lambda line: place.get(line.person, len(before))))


def _asked_again(q: Question, c: Context) -> Context:
    """The last question asked again of the facts corrected; a sum asked where none was (比原标准多多少 — 更正
    服役是8年 重新合计) asks the amounts summed; a figure corrected after the plan's words were asked (剩下的钱要上缴
    国库吗 — 不对，收益是三百五十万) asks the amount again, reckoned on it."""
    told = any(x.corrects for x in q.quantities) or any(isinstance(v, (int, float)) for v in q.facts.values())
    asked = q.asked if q.asked_said or q.total and not c.total else ("amount",) if told and set(c.asked) <= WORDED \
        else c.asked
    return replace(c, asked=asked, period=q.period or c.period, total=q.total or c.total, requested=None)


def _kind_of(unit: str, c: Context, store: MeasureStore) -> str | None:
    """The fact a number said without one means: the kind its unit fits among those the lines read."""
    reads = [f for line in c.lines for f in (*inputs(store.get(line.measure)), *line.facts)] + list(c.facts)
    if c.requested:
        reads.insert(0, c.requested)
    for fact in dict.fromkeys(reads):
        if fact in NUMERIC and (not unit or unit in UNITS.get(fact, ())):
            return fact
    return None


def _of_another_level(line: Line, q: Question, c: Context, store: MeasureStore) -> Line:
    """三等功4人、二等功3人 — 另有1人获个人荣誉称号 加上: a line of no one at a level the message tells, beside
    lines of the same measure at other levels, is a line of that level of its own."""
    if line.person is not None or line.facts:
        return line
    worded = {k: v for k, v in q.facts.items() if isinstance(v, str) and k in inputs(store.get(line.measure))}
    levels = [x.facts for x in c.lines if x.measure == line.measure and x.person is None]
    if not worded or not levels or not all(any(f.get(k) not in (None, v) for k, v in worded.items()) for f in levels):
        return line
    return replace(line, facts=worded)


def _increased(c: Context, kind: str, more: float, added: float | None = None) -> Context:
    """One more (再加一个产品): the count of the last line that reads it, or of its person, raised; `more` is the
    count it makes when the one `added` to the count there was makes it (再加一个 三个产品呢: 2 + 1)."""
    lines = list(c.lines)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        person = c.person(line.person)
        now = line.facts.get(kind, person.facts.get(kind) if person else c.facts.get(kind))
        if now is not None:
            value = more if added is not None and now + added == more else now + more
            if person is not None and kind in person.facts:
                return c.with_person(replace(person, facts={**person.facts, kind: value}))
            if kind in line.facts:
                lines[i] = replace(line, facts={**line.facts, kind: value})
                return replace(c, lines=tuple(lines))
            return replace(c, facts={**c.facts, kind: value})
    return c


def _unique(lines: Iterable[Line]) -> tuple[Line, ...]:
    kept: list[Line] = []
    for line in lines:
        if line not in kept:
            kept.append(line)
    return tuple(kept)


def remember(c: Context) -> Context:
    """The context as the next turn sees it: the lines of a short answer join the history (这几个加起来)."""
    if not c.lines or len(c.lines) > REMEMBERED:
        return c
    now = {_item(line) for line in c.lines}  # a line answered again (recounted) replaces its old self
    counted = {k: v for k, v in c.facts.items() if k in _HEADCOUNT}  # 5人 … 其中1人刚满4个月 — 另 介绍10人: the
    answered = tuple(replace(x, facts={**counted, **x.facts}) if x.person is None and counted else x  # 5 and the 1
                     for x in c.lines)  # are the line's as answered, whatever the next measure counts
    history = tuple(line for line in c.history if _item(line) not in now and _still(line, c)) + answered
    return replace(c, history=history[-HISTORY:])


def _item(line: Line) -> tuple[str, str | None, frozenset[tuple[str, str]]]:
    """What makes a line an item of its own in the history: its measure, its person and, of no one, the levels
    it is of (三等功 and 二等功 are two items of one measure; 3个产品 and 5个产品 one item counted again)."""
    levels = () if line.person is not None else ((k, v) for k, v in line.facts.items() if isinstance(v, str))
    return line.measure, line.person, frozenset(levels)


def _nearest_facts(someone: Someone | None, values: list[float]) -> dict[str, Any]:
    """{fact: value} for a number said again of a person without its unit: the fact of theirs nearest to it (老王
    55 → 是75: his age, not his 2 years of service)."""
    if someone is None or len(values) != 1:
        return {}
    numbers = {k: v for k, v in someone.facts.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    if not numbers:
        return {}
    fact = min(numbers, key=lambda k: abs(numbers[k] - values[0]))
    return {fact: whole(values[0])}


def _by_old_value(q: Question, c: Context) -> tuple[str, str, int | float] | None:
    """(person, fact, new value) when the correction names the wrong value (那个58的说错了，是68) and one person
    has it."""
    old = [x.value for x in q.quantities if not x.corrects]
    new = [x.value for x in q.quantities if x.corrects]
    told = {k: v for facts in (q.facts, *(p.facts for p in q.people)) for k, v in facts.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)}  # 他是72: read as an age already
    if len(old) != 1 or len(new) + len(told) != 1:
        return None
    holders = [(p.key, fact) for p in c.people for fact, v in p.facts.items()
               if isinstance(v, (int, float)) and not isinstance(v, bool) and v == old[0]
               and (not told or fact in told)]
    if len(holders) != 1:
        return None
    key, fact = holders[0]
    return key, fact, whole(new[0] if new else told[fact])


def _nth_line(q: Question, c: Context, known: Known) -> Question:
    """三品一标各奖多少 — 第二个要是五个产品呢: the second line of the last answer (of no one), not a member of a
    group the conversation never had; what is told of it is that line's."""
    nth = [p for p in q.people if _ORDINAL.fullmatch(p.key)]
    items = c.answered or c.lines  # 前两个加一起 — 第二个呢: of the answer picked from
    if len(q.places) > 1 or len(nth) != 1 or len(q.people) != 1 or c.person(nth[0].key):
        return q
    n = int(re.sub(r"\D", "", nth[0].key))
    if any(line.person for line in items):
        return _nth_person(q, nth[0], n, items)
    if not 1 <= n <= len(items) or len(items) < 2:
        return q
    line = items[n - 1]
    kind = [m for m in _implied({"veteran_category": nth[0].facts["veteran_category"]}, known.store)
            if m != line.measure] if q.correction and "veteran_category" in nth[0].facts else []
    if len(kind) == 1:  # 两个老兵一共 — 不对 第一个是抗日老兵: that line of the other war, the rest as they were
        return replace(q, people=(), subjects=(Subject(kind[0], None, {}),), denied=frozenset({line.measure}))
    return replace(q, people=(), subjects=(Subject(line.measure, None, dict(nth[0].facts)),),
                   facts={**q.facts, **nth[0].facts})


def _nth_person(q: Question, nth: Person, n: int, items: tuple[Line, ...]) -> Question:
    """老义务兵 71岁 服役4年 — 另一位 68岁 服役2年 — 不对第二位是服役三年: the second of the people the lines are of, in
    the order they were told; one told of no one is left as it was (no person to tell it of)."""
    people = list(dict.fromkeys(line.person for line in items))
    if len(people) != len(items) or not 1 <= n <= len(people) or len(people) < 2 or (whose := people[n - 1]) is None:
        return q  # 我爸 抗美援朝 立过二等功 我妈 烈士遗属 — 第二个呢: the second line (his merit), not the second person
    return replace(q, people=(replace(nth, key=whose, label=whose),))


def _members_as_named(q: Question, c: Context, known: Known) -> Question:
    """第2个 of a group the reply named 第2位 (or 第2家 of one it named 第2个): the member it named. Only one member
    is referred to so; several are a group of the message's own (3个老义务兵 服役3 4 5年)."""
    renamed: dict[str, str] = {}
    if sum(p.key.startswith("第") for p in q.people) != 1:
        return q
    for p in q.people:
        if (m := re.fullmatch(r"第(\d+)[个位]", p.key)) and c.person(p.key) is None:
            other = next((k for k in (f"第{m.group(1)}个", f"第{m.group(1)}位") if c.person(k) is not None), None)
            if other is not None:
                renamed[p.key] = other
    if not renamed:
        return q
    return replace(q, people=tuple(replace(p, key=renamed.get(p.key, p.key), label=renamed.get(p.key, p.label))
                                   for p in q.people),
                   subjects=tuple(replace(x, person=renamed.get(x.person, x.person)) if x.person else x
                                  for x in q.subjects))


def _none_left_out_anew(q: Question, c: Context) -> Context:
    """Those taken off a count no longer are when the message counts anew: all of them once they meet the rule
    (其余3人刚满3个月 — 等他们都满了 10人一共), or another measure's people (其中1人刚满4个月 — 另 介绍10人: the 1 is
    of the 5, not of the 10; the 5's line keeps it in the history, see `remember`)."""
    if "excluded" not in c.facts or "excluded" in q.facts:
        return c
    everyone_now = q.once_met and q.everyone
    others_counted = "count" in q.facts and bool(q.subjects) and not (
        {s.measure for s in q.subjects} & {x.measure for x in c.lines})
    if not (everyone_now or others_counted):
        return c
    return replace(c, facts={k: v for k, v in c.facts.items() if k != "excluded"})


def _grown(q: Question, c: Context) -> Context:
    """再过3个月呢 / 两年以后: the facts that grow with time (months in business, age) as they will be then (再过一个月
    — 再过两个月呢: two months from now, not three)."""
    if not q.later or q.later == c.later:
        return c
    months = q.later - c.later
    grows = {"months_in_business": months, "age": months // 12 if months % 12 == 0 else 0}

    def grown(facts: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v + grows[k] if k in grows and isinstance(v, (int, float)) else v for k, v in facts.items()}
    return replace(c, people=tuple(replace(p, facts=grown(p.facts)) for p in c.people),
                   lines=tuple(replace(line, facts=grown(line.facts)) for line in c.lines), facts=grown(c.facts),
                   later=q.later)


def _the_kind_asked(q: Question, c: Context, known: Known) -> Question:
    """要算合计，还得知道您大姨是哪一类 — 因公牺牲的 / 病故的: the kind asked of the one in focus is hers (said as the
    fact, or as the one measure of that kind named), if it is a kind of the groups she was told to be of; the sum
    it waited for is then asked of everyone again."""
    someone = c.person(c.focus) if c.focus else None
    if not c.requested or q.people or someone is None or someone.measures:
        return q
    kind = q.facts.get(c.requested)
    if kind is None and len(q.subjects) == 1:
        kind = known.store.get(q.subjects[0].measure).categories.get(c.requested)
    measure = known.store.made_for(c.requested, kind) if kind is not None else None
    if measure is None or not someone.groups & set(measure.groups):
        return q  # 抗日的, of a 遗属: no kind of hers
    return replace(q, people=(Person(someone.key, someone.label, someone.count, {**q.facts, c.requested: kind}),),
                   facts={}, subjects=(Subject(measure.id, someone.key, {}, None),),
                   everyone=q.everyone or c.total, total=q.total or c.total)


def _sibling_named(q: Question, c: Context, known: Known) -> Question:
    """因公牺牲军人遗属一年多少 — 那病故的呢: a follow-up naming no measure, whose own word (none the last lines say) is
    in the title of exactly one other measure of their groups, names that one (病故 alone names nothing: 住院病故 is
    no soldier's); 烈士遗属比病故的多多少: the one compared with, in the same way, beside the one named."""
    than = _THAN_WORD.search(q.text)
    if len(q.subjects) == 1 and than and not q.people and known.store.named_in(than.group(1)) is None:
        sibling = _sibling(known.store, {q.subjects[0].measure}, [than.group(1)])
        return replace(q, subjects=(*q.subjects, Subject(sibling.id, None, {}, None))) if sibling else q
    first = _KIND_FIRST.match(q.text)  # 病故的是多少 / 病故的是一万七千四百九？ ask as 那病故的呢 does
    if not ((q.follow_up or first) and c.lines) or q.subjects or q.people:
        return q
    now = {line.measure for line in c.lines}
    said = [known.store.get(m) for m in now]
    mine = "".join(text for m in said for text in (m.title, m.quote, *m.keywords))
    words = _own_words(q, known.store) if q.follow_up else [first.group(1)] if first else []
    sibling = _sibling(known.store, now, [w for w in words if w not in mine])  # 创业培训 — 大学生呢: an item
    return replace(q, subjects=(Subject(sibling.id, None, {}, None),)) if sibling else q  # of the same quote


def _sibling(store: MeasureStore, now: set[str], words: list[str]) -> Measure | None:
    """The one measure of the groups of `now`, not of them, whose title holds one of the words."""
    groups = {g for m in now for g in store.get(m).groups}
    siblings = [m for m in store.measures if m.id not in now and set(m.groups) & groups
                and any(w in m.title for w in words)]
    return siblings[0] if len(siblings) == 1 else None


def _years_as_read(q: Question, c: Context, known: Known) -> Question:
    """我姥爷义务兵干了七年 — 我爷爷干了三年 六十五: years of work said with neither a shop nor service, while the lines
    are of a measure paid by the years served (and none by months of business), are years served."""
    reads = {f for line in c.lines for f in inputs(known.store.get(line.measure))}
    if not q.worked_years or q.subjects or "service_years" not in reads or "months_in_business" in reads:
        return q

    def served(facts: Mapping[str, Any]) -> dict[str, Any]:
        months = facts.get("months_in_business")
        kept = {k: v for k, v in facts.items() if k != "months_in_business"}
        return kept if months is None else {**kept, "service_years": years_of(months)}

    return replace(q, facts=served(q.facts), people=tuple(replace(p, facts=served(p.facts)) for p in q.people))


def _count_as_read(q: Question, c: Context, known: Known) -> Question:
    """无公害 三个产品 — 十个呢 — 绿色食品认证的话 同样三个呢: a bare count beside the one measure named is the count
    it reads (its products), as the conversation has been counting them; not the last count told."""
    counted = [x for x in q.quantities if x.unit == "个" and not x.corrects]
    if len(q.subjects) != 1 or q.subjects[0].person is not None or len(counted) != 1 or len(q.quantities) != 1:
        return q
    kinds = [k for k in ("product_count", "count") if k in inputs(known.store.get(q.subjects[0].measure))]
    before = {k for line in c.lines for k in (*_facts_of(c, line), *line.facts)}
    if len(kinds) != 1 or kinds[0] in q.facts or kinds[0] in q.subjects[0].facts or kinds[0] not in before:
        return q
    return replace(q, facts={**q.facts, kinds[0]: whole(counted[0].value)})


def _money_as_read(q: Question, c: Context, known: Known) -> Question:
    """城区低保 (on the city's income) — 要是收入是两万八呢: a sum of money told as the one the last lines read, when
    they read one only and not the one its words made it."""
    told = [f for f in q.facts if f in money_facts()]
    read = {f for line in c.lines for f in inputs(known.store.get(line.measure)) if f in money_facts()}
    if len(told) != 1 or len(read) != 1 or told[0] in read:
        return q
    facts = {k: v for k, v in q.facts.items() if k != told[0]}
    return replace(q, facts={**facts, next(iter(read)): q.facts[told[0]]})


def _counted_people(q: Question, c: Context, known: Known) -> Question:
    """四个人比原来一共多多少: the people the total is over, no count told of anyone, where no line counts people."""
    if not q.how_many or q.facts.get("count") != q.how_many or q.subjects:
        return q
    if any(line.person is None and "count" in inputs(known.store.get(line.measure)) for line in c.lines):
        return q  # 介绍成了4个人，一共多少: the placements the subsidy counts (people's lines count their own)
    return replace(q, facts=_uncounted(q.facts))


def _more_than_told(q: Question, c: Context, known: Known) -> Question:
    """要是他多当两年兵呢, after 当过五年: the fact as it would be (7年), told of the one it was told of (the one
    named or spoken of, else the only one who has it), as if said so; of someone new (我三舅比他多当两年), the
    fact of the one spoken of and the more."""
    if not q.more:
        return q
    named = [p.key for p in q.people] or ([c.focus] if q.pronoun and c.focus else [])
    facts, people = dict(q.facts), list(q.people)
    as_told = c.actual if c.actual is not None else c.people  # 要是多干两年 — 多当两年的话: more than told, not supposed
    for fact, more in q.more.items():
        having = [p for p in as_told if isinstance(p.facts.get(fact), (int, float)) and (not named or p.key in named)]
        others = [p for p in as_told if isinstance(p.facts.get(fact), (int, float)) and p.key not in named]
        if not having and len(q.people) == 1 and (len(others) == 1 or c.focus in {p.key for p in others}):
            than = next(p for p in others if len(others) == 1 or p.key == c.focus)  # 我三舅比他多当两年: more than
            people = [replace(q.people[0], facts={**q.people[0].facts, fact: whole(than.facts[fact] + more)})]  # his
        elif len(having) == 1:
            value = whole(having[0].facts[fact] + more)
            person = next((p for p in people if p.key == having[0].key), None)
            told = Person(having[0].key, having[0].label, having[0].count, {**(person.facts if person else {}), fact: value})
            people = [told if p.key == told.key else p for p in people] if person else [*people, told]
        elif isinstance(c.facts.get(fact), (int, float)) and not named:
            facts[fact] = whole(c.facts[fact] + more)
    return replace(q, facts=facts, people=tuple(people))


def _also_in_the_sum(q: Question, c: Context, known: Known) -> Question:
    """俩人一共 — 要是我奶奶也是解放战争老兵呢: after a sum of several, someone new supposed to be one too is added to
    it (也), as 再加上 would; asked of her alone, the sum's question was lost."""
    if not (c.total and len({x.person for x in c.lines}) > 1 and q.supposed) or q.addition or q.how_many \
            or q.asked_said or q.correction or q.left_out or _HOW_MUCH.search(q.text):  # 她一年多少: hers alone
        return q
    new = [p for p in q.people if p.count == 1 and not any(x.person == p.key for x in c.lines)]
    if len(new) != 1 or not _ALSO.search(q.text):
        return q
    return replace(q, addition=True)


def _merit_of_the_veteran(q: Question, c: Context, known: Known) -> Question:
    """王大爷是解放战争老兵 — 服役期间立过三等功 每月还加多少: a merit told of no one, while a veteran is spoken of,
    is his (the plan pays it to 优抚对象, on top of their standard)."""
    store = known.store
    someone = c.person(c.focus)
    if q.people or q.correction or someone is None or someone.count != 1 or len(q.subjects) != 1 or "difference" in q.asked or (
            not _MERIT_TOLD.search(q.text)) or any(
            s.person is not None or store.get(s.measure).kind != "merit_addition" for s in q.subjects):
        return q
    if not any(x.person == someone.key and "veteran" in store.get(x.measure).groups for x in c.lines):
        return q
    return replace(q, people=(Person(someone.key, someone.label, 1, dict(q.facts)),),
                   subjects=tuple(replace(s, person=someone.key) for s in q.subjects))


def _hypothetical(q: Question, c: Context, known: Known) -> Question:
    """等他也满60了: the requirement's own value, said of the time it is met, is no fact of anyone's (the
    question is asked as if it were met: Context.once_met)."""
    if not q.once_met:
        return q
    minima = {(r["fact"], r["min"]) for line in c.lines for r in known.store.get(line.measure).requires if "min" in r}
    keep = lambda facts: {k: v for k, v in facts.items() if (k, v) not in minima}  # noqa: E731
    return replace(q, facts=keep(q.facts), people=tuple(replace(p, facts=keep(p.facts)) for p in q.people))


def _everyone_told(q: Question, c: Context, lines: tuple[Line, ...], store: MeasureStore
                   ) -> tuple[Context, tuple[Line, ...]]:
    """我老伴… — 那我呢 — 俺俩都干满半年了，加一起多少: what 都 tells is also of the others spoken of before, until as
    many as counted; each has the lines it points to."""
    told = {k: v for k, v in q.people[0].facts.items() if k not in ("age", "gender", "fallen")}  # their own, not 都's
    named = {x.person for x in lines}
    for someone in reversed(c.people):
        if len(named) >= (q.how_many or 0) or not told:
            break
        if someone.key in named or someone.facts.get("fallen"):
            continue
        c = _told(c, someone.key, dict(told), store, replace_kind=False)
        lines = (*lines, *(x for x in _person_lines(c.person(someone.key)) if x.measure in {y.measure for y in lines}))
        named.add(someone.key)
    return c, lines


def _its_items(lines: tuple[Line, ...], many: int, store: MeasureStore) -> bool:
    """培训各多少 三样加一块: the things counted are the items of the one target named, not lines before it."""
    named = store.get(lines[0].measure) if len(lines) == 1 else None
    return named is not None and named.kind == "target" and len(named.params.get("items", ())) >= many


def _filled(lines: tuple[Line, ...], before: Iterable[Line], people: int) -> tuple[Line, ...]:
    """The lines, with those of other people answered before (all of each one's) until `people` are in it — the
    asker's line of the same measure, told of no one, is one of them; of lines of no one (该社另有无公害认证 三项合计),
    other measures answered before, until as many."""
    of_no_one = all(x.person is None for x in lines)
    unit = (lambda x: x.measure) if of_no_one else (lambda x: x.person)  # noqa: E731
    named = {unit(x) for x in lines}
    heads = len(named) if of_no_one else sum(max(x.count or 1 for x in lines if x.person == p) for p in named)  # 俩残疾
    # 朋友: two of the people counted
    measures = {x.measure for x in lines}
    added: list[Line] = []
    for line in before:
        asker = line.person is None and not of_no_one and line.measure in measures  # 来电 女45 … — 其夫同为 二人合计:
        if (line.person is None) != of_no_one and not asker or unit(line) in named or line in added:  # the caller
            continue
        others = {unit(x) for x in added}
        if unit(line) in others or heads + len(others) < people:
            added.append(replace(line, person=SELF) if asker else line)  # the asker's, not another line of theirs
    nobodys = list(dict.fromkeys(x.measure for x in before if x.person is None))
    if not of_no_one and heads + len({unit(x) for x in added}) < people and len(nobodys) == 1:  # 抗美援朝老兵多少 —
        added += [next(x for x in before if x.measure == nobodys[0])]  # 那我二大爷是解放战争的呢 — 他俩一共: the one
        # asked of no one (of two such, which one the sum means is not said)
    return (*added, *lines) if of_no_one else (*lines, *added)


def _still(line: Line, c: Context) -> bool:
    """A line answered before still holds: its person's measures have it (a corrected category's line does not)."""
    someone = c.person(line.person)
    return someone is None or line.measure in someone.measures


def _last(history: tuple[Line, ...], reach: int, store: MeasureStore) -> tuple[Line, ...]:
    """The lines of the last `reach` things answered: a person's lines are one (他俩加起来: both of his and hers);
    beside someone named, the lines of no one are the asker's, one person too (来电 老人抗日老兵 立过二等功 — 老伴是烈士遗属
    — 两人全年合计: his standard and merit, and hers), unless they hold two categories' standards, which no one
    person has (抗日老兵多少 — 解放战争老兵多少 — 我妈是烈士遗属 — 俩人一共: not the two wars as one man)."""
    taken: list[Line] = []
    seen: list[object] = []
    standards = [x for x in history if x.person is None and store.get(x.measure).categories]
    named = any(line.person is not None for line in history) and len(standards) <= 1
    for line in reversed(history):
        key = line.person or (SELF if named else line)
        if key not in seen:
            if len(seen) == reach:
                break
            seen.append(key)
        taken.append(line)
    return tuple(reversed(taken))


def _shared_again(q: Question, c: Context, known: Known) -> Question:
    """After a sum shared (合作社20户平分): 要是4个人呢 shares it among 4 (no count of sites), and 再加个有机认证 每户多少
    shares the new sum among the same 20."""
    if q.split or not c.split:
        return q
    count = q.facts.get("count")
    if (q.follow_up or q.addition) and isinstance(count, int) and count > 1 and not q.subjects and not q.people:
        return replace(q, split=count, facts=_uncounted(q.facts))
    return replace(q, split=c.split) if q.follow_up or q.addition or q.per_share else q


def _we_two(q: Question, c: Context, known: Known) -> Question:
    """我老伴… — 俺俩都想干个体 执照办下来半年多了: what 俺俩 tell of me they tell of the one talked about before too
    (not their age or gender)."""
    other = c.person(c.focus) if c.focus != SELF else None
    other = other or next((p for p in reversed(c.people) if p.key != SELF and p.count == 1), None)
    if not q.with_me or other is None or [p.key for p in q.people] != [SELF]:
        return q
    both_ran = bool(_BOTH_RAN.search(q.text))
    shared = {k: v for k, v in q.people[0].facts.items()  # 俺自个儿也当过五年兵 俺俩…: his own three years stay;
              if k not in ("age", "gender") and (k not in other.facts or both_ran and k == "months_in_business")}  # 俺俩
    # 各开各的店 都干满半年了: her months told anew
    return replace(q, people=(*q.people, Person(other.key, other.label, 1, shared)), everyone=True)


def _the_group_summed(q: Question, c: Context, known: Known) -> Question:
    """老两口一年共多少 — 比去年老两口多了多少: a group word, of no one known and told nothing, as many as the people
    the last total was over, is those people: the lines asked again, as a total."""
    if len(q.people) != 1 or q.subjects or q.correction or not c.total:
        return q
    group = q.people[0]
    summed = len({x.person for x in c.lines if x.person is not None}) + sum(
        x.count or 1 for x in c.lines if x.person is None)  # (a line of no one, uncounted, is the one it was asked for)
    if group.count < 2 or group.facts or c.person(group.key) is not None or group.count != summed:
        return q
    return replace(q, people=(), total=True)


def _over_the_span_still(q: Question, c: Context, known: Known) -> Question:
    """十年一共多少 — 不对 他当了六年兵: a fact corrected, or someone else asked of, over the same span of time; a
    period asked (一年呢) ends it."""
    if q.span or not c.span or q.period or not (q.correction or q.follow_up):
        return q
    return replace(q, span=c.span)


# The message read against the conversation once, before any rule, in this order: 老两口 as those just summed,
# 俺俩 as me and the one talked
# about, a span or a share asked before kept for a follow-up or a correction, a sum of money as the one the lines
# read, N个人 as who a total is over, 第二个 as a line of the last answer, 第2个 as the member the reply named, a
# requirement's own value said of the time it is met as no fact.
READ_AGAINST_THE_CONVERSATION: tuple[Callable[[Question, Context, Known], Question], ...] = (
    _more_than_told, _the_group_summed,
    _the_kind_asked, _we_two, _over_the_span_still, _shared_again, _sibling_named, _money_as_read, _years_as_read,
    _count_as_read,
    _counted_people,
    _nth_line, _members_as_named,
    _hypothetical, _also_in_the_sum, _merit_of_the_veteran,
)
