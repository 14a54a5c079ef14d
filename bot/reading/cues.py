"""What a message asks, by the words citizens use (data/question_kinds.yml).

Rasa-free and stateless: normalised text in, what it asks out. Every kind of
question whose words occur is asked, in the order said (涨了多少，一个月多少:
the rise, then the amount by the month); where the words of two kinds overlap,
the kind listed first in the data file takes them (比原来多了多少 is a rise, not
the old amount). Also read here: the period, whether to add up or take each,
how many of the things talked about (这俩, 前3个), a correction (不对，是八年),
an addition (再加上), a detail the plan does not state (啥时候发), and whether a
message that names nothing asks something of what came before at all.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from bot import DATA
from bot.plan.numbers import to_number
from bot.reading.people import COUNTS

KINDS_FILE = DATA / "question_kinds.yml"
PERIODS = {"per_month": "每月", "per_year": "每年"}  # kinds that ask for the amount over a period
_RISES_TO_A_FIGURE = re.compile(r"(?:涨到|提高到)\s*\d")  # 涨到25: a figure told
# 原来3600, 原来1年交3600; not 原来1个月; 原来的保护费分别是1200: fees told (not 俺爹今年89: an age)
_STATES_A_FIGURE = re.compile(r"(?:(?!今年)[^,。;!?多少\s]){0,10}?\d{2,}(?![\d.]|个月|年|月|岁|了)")
# 比解放战争的多多少 compares two things (a difference); 比原来多多少 compares with before (a rise)
_SUM_ASKED = re.compile(r"(?:1共|一共|总共|加起来|加1块儿?|合计|总计)(?:是|能|得|有)?(?:多少|几)")  # a sum asked of its own
_TELLS_THE_PAST = re.compile(r"(?:他|她)?(?:刚|才|就)?(?:在|当|干|做|国企|国有|企业|工厂|厂里|下岗|失业|种地|开|参军|参过军"
                             r"|(?:弄|整|办|拿|获|评|通过|申请|申报|建|搞)(?:了|的)?(?:个)?(?:无公害|绿色|有机|地理|认证|执照|示范点|网点)"
                             r"|是(?!多少|几|啥|什么))")  # 去年刚弄的无公害认证: when it was won, not last year's figure
_THAN = re.compile(r"比([^,.;!?]{1,12}?)(?:多多少|少多少|多出|高多少|多了多少|低多少|多几|少几|[多少][拿领加给得]多少"
                   r"|多[加给得]了多少)")
BEFORE_THE_RISE = re.compile(r"原来|以前|之前|去年|过去|老标准|原标|旧标|没涨|涨前|标前|调整前|2016")  # 跟没涨之前比 /
# 那原来19860的呢: the standard before the plan raised it
# 等俺也满60了 / 到时候 / 满60后: the question asked as if the requirement not yet met were met
_ONCE_MET = re.compile(r"到时候|到那时|等[^,。;!?]{0,8}?(?:够|满|到)|(?:满|够)[^,。;!?]{0,6}?(?:后|以后|之后)"
                       r"|都(?:满|够)[^,。;!?]{0,4}?了"
                       r"|到\d{2,3}(?:岁|周岁)?(?:以后|之后|后|那年|的时候|了)"  # 到60以后 / 到六十了一年给多少
                       r"|(?:那|等|要是)到了?(?:半年|\d+个月)(?:以后|之后|后|那时|的时候)"  # 那到了半年以后呢: the months met
                       # (是不是得到6个月以后才给 quotes the rule)
                       r"|(?:到|够|满)(?:了)?(?:岁数|年龄|年纪|年头)(?:了(?:以后|之后|后)?(?![吗没吧么不嘛呀啊呢])|以后|之后|后|那年|的时候)"
                       # 那到岁数以后 / 到岁数了一年给多少
                       r"|(?<![当经干做待呆])过(?:\d+|半)年|明年就|明年满|明年够|届时"
                       r"|(?:能领|能拿|能享受|符合条件|够条件|符合|拿到|领到|批下来|评上)的话"  # 他俩都能领的话一共多少:
                       r"|要是都(?:批下来|评上|拿到|领到)"  # supposing they can (要是都批下来 一共补多少)
                       r"|要是也?(?:开|办|干)(?:个|了|起)?(?:店|买卖|公司|厂|铺子?|作坊)")  # 她要是也开个店: run long enough
_CITYWIDE = re.compile(r"全市|全长春|整个长春|长春市?(?:1共|总共|一共)|市里(?:1共|总共)")  # 全市一共整多少个
_LATER = re.compile(r"(?:再过|再等|再干|再开|再经营|(?<![当经干做待呆])过了?)(?P<n>\d+|半)\s*(?P<unit>个月|年)(?!多少|能|的)"
                    r"|(?P<n2>\d+)\s*(?P<unit2>个月|年)(?:以|之)后")
# 两年一共, 3年呢, 半年呢, 1个季度能领多少: a sum over a span of time (after an amount, not a fact told: 不是7年)
_SPAN = re.compile(r"(?P<quarter>(?:(?P<quarters>\d)个|每)?季度)"
                   r"|(?<![满签过开干做办了役兵当龄是\d])(?:(?P<half>半年)|(?P<n>[1-9]\d?)(?P<unit>个月|年))(?=\s*(?:呢|吗|[?？])?\s*$|[^,。;!?\d]{0,3}?(?:1共|一共|总共|加起来|1起|1块|下来|合计|能领|能拿"
                   r"|多少|总计|共))")
# 团队5个人平分 每人多少 / 分给3个人 / 4个村1起搞的 平分: a sum shared out among that many people
_SPLIT = re.compile(r"(?:(?P<n>\d{1,3})\s*(?:个人|个|人|位|名|口人?|家|户)|(?:们|哥|姐|兄弟|姐妹|兄妹|姐弟)(?P<k>仨|俩|\d))"
                    r"(?:[^,。;!?\d]|1[起块]){0,8}?"
                    r"(?:平分|均分|平均分|分下来|分一分|分摊|(?:每人|每个人|人均|每家)能?分|平均(?=每人|每个人|1人|下来))"
                    r"|(?:平分|均分|平均分|分给|分摊给)[^,。;!?\d]{0,3}?(?P<m>\d{1,3})\s*(?:个人|个|人|位|名|家|户)"
                    r"|(?:剩下|其余|余下)的?(?P<r>仨|俩)[^,。;!?\d]{0,6}?(?:平分|均分|分)")  # 剩下仨平分
# 拿出一半 / 负责人拿四成 / 三分之一 / 拿30%: a part of the sum asked; 剩下…平分: the rest is what is shared
_PORTION = re.compile(r"(?P<half0>1半)(?=[^,。;!?\d]{0,2}?(?:用|给|拿|分|留))"  # 1半用在装修
                      r"|(?:拿|给|分|留|用|占)[^,。;!?\d]{0,2}?(?:(?P<half>1半)|(?P<tenths>[1-9])成(?![了员本功为立年都])"
                      r"|(?P<den>[2-9])分之(?P<num>[1-9])|(?P<pct>\d{1,2})%)")  # 拿出1半 / 拿4成 / 拿出3分之1 / 拿30%
_REST = re.compile(r"剩下|其余|余下|剩余|其他的")
# X比它少多少 / 跟那个比: compared with the last thing talked about
THAN_THE_LAST = re.compile(r"(?:比|跟|和|与)(?:它|他|她|这个|那个|前面那个|刚才那个|上面那个)")
# 跟X加1起: X with what was asked before
_WITH_THE_LAST = re.compile(r"(?:那|那么)?(?:这个|那个|这项|它|这)?(?:跟|和|连同|再跟)"  # 这个跟创业担保贷款…加一起
                            r"[^,。;!?]{1,16}?(?:加1起|加起来|加1块|1共|一共|合计|总共)")
# 俺奶不是 她是解放战争的: what was said of someone denied, then what is so
_NOT_THEN_IS = re.compile(r"不是[\s,，。]+(?:他|她|俺|我)?(?:是|算)")
_ASKS_ANEW = re.compile(r"\s*(?:再|还|我|俺|想|要)*(?:问|打听|咨询|请教)")  # 另外问下 / 另外想打听: a new question
_PER_SHARE = re.compile(r"每(?:户|家|人|个人|份)(?:能|能够)?(?:分|得|拿|多少|几)")  # 每户多少, after a sum shared
_PER_HEAD = re.compile(r"(?:平均|人均)(?:每|一|1)?个?人")  # 平均一人: over the people, not over kinds (平均呢)
_NOT_A_PERIOD = re.compile(r"[满签过近快](?:了)?$")
_SUM = r"(\d+(?:\.\d+)?)\s*(万)?\s*(?:元|块钱?|块)?(?![\d.年岁个人户名%])"
_SUM_BEFORE = re.compile(_SUM + r"[^\d,。;!?]{0,5}$")  # 21060对吗 / 10万1次性的对吧
_SUM_AFTER = re.compile(r"[^\d,。;!?]{0,4}?" + _SUM)  # 是不是给5万


def _yuan(figure: re.Match[str]) -> float | None:
    """The sum a figure said beside a confirming word stands for, in 元; None for a number too small to be one."""
    value = to_number(figure.group(1) + (figure.group(2) or ""))  # 5万 → 50000
    return value if value is not None and value >= 100 else None


_PERIOD_ALONE = re.compile(r"(?:^|.*\s)(?:按|那)?(?:[两二俩仨三\d]人)?(?:合计|总计|共计|1共|共)?(月|年)度?(?:呢|的|合计|总计)?"
                           r"\s*[?]?\s*$")  # 年 / 年度 / 荣誉称号 年 / 合计月 / 两人合计年
_KIND_ALONE = re.compile(r"\s*(?:那|那个|有|有啥|啥)?(条件|要求|部门|单位)(?:呢|吗|嘞|是啥|是什么)?\s*[?？]?\s*$")
# 条件 / 部门呢: an operator's one word after an answer
RANGE = {"range": ("min", "max")}  # 补贴区间: the least and the most


_NTH = re.compile(r"第([2-9])(?:个|项|样|种)")  # 第3个比第2个多多少: the third item of the answer
_NOT_AN_ITEM = re.compile(r"产品|农产品|月|年|人|孩子|网点|示范点|认证")  # 头1个产品, 第2个月: a count, no item
_LEFT_OUT_ENDS = re.compile(r"[,。;!?\s]|剩下|其他|其余|另外|别的|的话|以外|之外|外")  # 除了我舅 | 剩下俩
_QUESTION_MARK = re.compile(r"[?？]")
_YEAR_AND_MONTH = re.compile(r"年[\s、/和及]*月(?:各|分别)|月[\s、/和及]*年(?:各|分别)")  # an operator's 年 月各多少
_HOW_MUCH = re.compile(r"多少|几")
_HOW_MUCH_AFTER = re.compile(r"\s[^,。;!?]*?多少")  # a question of its own after a space


@dataclass(frozen=True)
class Portion:
    """A part of a sum the message asks for (拿出一半: 1/2, 四成: 4/10), as said; `rest`: what is left of the sum
    after it is what the message shares out (负责人拿一半 剩下仨平分)."""
    num: int
    den: int
    said: str
    rest: bool = False


@dataclass(frozen=True)
class Cues:
    kinds: Mapping[str, tuple[str, ...]]  # in the order they take overlapping words
    totals: tuple[str, ...]
    continues: tuple[str, ...]
    each: tuple[str, ...]  # 这俩, 各多少: the things talked about, each
    these: tuple[str, ...]  # 这些, 各类: everything talked about, or every kind a word means
    not_names: frozenset[str]  # 这个, 什么: before 补贴 they name no benefit
    corrections: tuple[str, ...]
    additions: tuple[str, ...]
    outright_additions: tuple[str, ...]  # 加上: adds whoever it names to the sum, not only tells of them
    additions_in_a_total: tuple[str, ...]  # 又拿了: adds only where a total is asked
    unstated: Mapping[str, tuple[str, ...]]  # a detail the plan does not state → the words that ask for it
    stated_by: Mapping[str, tuple[str, ...]]  # such a detail → the words of a quote that do state it (免费)
    places: Mapping[str, tuple[str, ...]]  # first, last, most, least → the words pointing at that item of an answer
    leaves_out: Mapping[str, tuple[str, ...]]  # before, after → the words leaving out what follows or precedes them
    names_a_figure: tuple[str, ...] = ()  # 那两万说的是啥: which measure states the figure said
    confirming: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # after / before the sum: 对吗, 是不是

    def confirmed(self, text: str) -> float | None:
        """现在是21060对吗 / 是不是给5万: the sum of money the message asks to be confirmed, said right beside the
        words that ask it (我开店投了十万，是不是能领 asks no sum; 服役8年对吗 is no sum)."""
        for m in self._confirms_after.finditer(text):
            if figure := _SUM_BEFORE.search(text, 0, m.start()):
                return _yuan(figure)
        for m in self._confirms_before.finditer(text):
            if figure := _SUM_AFTER.match(text, m.end()):
                return _yuan(figure)
        return None

    def asks_whose_figure(self, text: str) -> bool:
        """那两万那个说的是啥 / 一个亿五是哪项: the measure asked for by a figure of its own."""
        return any(w in text for w in self.names_a_figure)

    def asked(self, text: str) -> tuple[str, ...]:
        """Every kind the text asks, in the order said; the period kinds are the period's (`period`), not here.
        Nothing asked is ("amount",): 抗美援朝老兵 alone asks its amount."""
        claimed: list[tuple[int, int]] = []
        found: list[tuple[int, str]] = []
        matches = [(m.span(1), kind) for kind, pattern in self._kinds_anywhere.items() for m in pattern.finditer(text)]
        for (start, end), kind in sorted(matches, key=lambda mk: mk[0][0] - mk[0][1]):  # stable: of equal length,
            if any(start < e and s < end for s, e in claimed):  # the kind listed first; 最少多少 is a floor asked,
                continue  # though 少多少 inside it asks a difference
            claimed.append((start, end))
            if kind == "old" and (_STATES_A_FIGURE.match(text, end) or _TELLS_THE_PAST.match(text, end)):
                continue  # 原来每年3600，现在多少 / 我爸以前国企下岗的: the old figure or a life told, not asked
            if kind == "amount" and _RISES_TO_A_FIGURE.match(text, start):
                continue  # 从每月20涨到25 涨了百分之多少: the new figure told, not asked
            if kind not in PERIODS:
                found.append((start, kind))
        if (than := _THAN.search(text)) and not BEFORE_THE_RISE.search(text, max(0, than.start() - 8), than.end()):
            # 比解放战争的多多少 / 提高以前 解放战争比抗美援朝多多少 (the two then), not 比原来 / 跟没涨之前比
            found = [(at, "difference" if kind == "rise" else kind) for at, kind in found] or [(than.start(), "difference")]
        if found and (summed := _SUM_ASKED.search(text)) and (all(at > summed.start() for at, _ in found) or all(
                at < summed.start() for at, _ in found) and {k for _, k in found} <= {"rise", "rise_pct", "old"}):
            found.append((summed.start(), "amount"))  # 加一块儿多少 比以前多了多少: the sum, then the rise;
            # 多给多少 一年总共多少钱: the rise, then the sum
        waited = next((at for at, kind in found if kind == "wait"), None)  # 还差几年 到时候一个月多少: the wait,
        if waited is not None and _HOW_MUCH_AFTER.search(text, waited + 2):  # then the amount
            found.append((waited + 2, "amount"))
        bounds = [0, *(m.end() for m in _QUESTION_MARK.finditer(text)), len(text)]
        for a, b in zip(bounds, bounds[1:], strict=False):  # 按月算是多少？原来按月是多少？: the amount, then the old
            if len(bounds) > 3 and found and _HOW_MUCH.search(text, a, b) and not any(a <= at < b for at, _ in found):
                found.append((a, "amount"))
        if not found and (alone := _KIND_ALONE.match(text)):  # an operator's 条件 / 部门 after an answer
            found.append((0, "conditions" if alone.group(1) in ("条件", "要求") else "department"))
        kinds = tuple(dict.fromkeys(k for _, kind in sorted(found) for k in RANGE.get(kind, (kind,))))
        return kinds or ("amount",)

    def asks_a_kind(self, text: str) -> bool:
        """Whether words of a kind (not only of a period) are said: 涨了多少 does, 一年呢 does not."""
        return any(pattern.search(text) for kind, pattern in self._kinds.items() if kind not in PERIODS)

    def period(self, text: str) -> str | None:
        """每月 or 每年 when the message speaks of one, whatever else it asks; of two, the last said
        (每月加100，一年下来多多少 asks for a year)."""
        said = [(m.start(), PERIODS[k]) for k in PERIODS for m in self._kinds[k].finditer(text)
                if not _NOT_A_PERIOD.search(text[max(0, m.start() - 2):m.start()])  # 合同不满1年: a term, not a period
                and not text.startswith("同", m.end())]  # 签了8个月合同: the contract's term, no period asked
        if not said and (alone := _PERIOD_ALONE.match(text)):  # an operator's 月 / 年 after a total
            return "每月" if alone.group(1) == "月" else "每年"
        return max(said)[1] if said else None

    def span(self, text: str) -> int | None:
        """The months a sum is asked over, beyond one period: 两年一共 (24), 半年呢 (6), 一个季度 (3); None for a
        month or a year (the period), or a span that is a fact (开了半年, 半年合同, 服役2年)."""
        found = next((m for m in _SPAN.finditer(text) if not (m.group("n") and int(m.group("n")) == 1)), None)
        if found is None or _LATER.search(text):  # 再过3个月呢: that time, not a sum over it (一年省多少 五年省多少:
            return None  # the five years, the year being a period)
        if found.group("quarter"):
            return 3 * (int(found.group("quarters")) if found.group("quarters") else 1)
        if found.group("half"):
            return 6
        n = int(found.group("n"))
        months = n if found.group("unit") == "个月" else 12 * n
        return months if months not in (1, 12) else None

    @staticmethod
    def portion(text: str) -> Portion | None:
        """拿出一半给兄妹三个平分 / 负责人拿四成 剩下三个平分 / 一半用在装修 / 拿出三分之一: the part of the sum asked
        for, said with what is done with it (先发一半 is no part asked)."""
        found = _PORTION.search(text)
        if found is None:
            return None
        rest = bool(_REST.search(text, found.end()))
        if found.group("half") or found.group("half0"):
            return Portion(1, 2, "一半", rest)
        if found.group("tenths"):
            return Portion(int(found.group("tenths")), 10, f"{found.group('tenths')}成", rest)
        if found.group("den"):
            return Portion(int(found.group("num")), int(found.group("den")), f"{found.group('den')}分之{found.group('num')}",
                           rest)
        return Portion(int(found.group("pct")), 100, f"{found.group('pct')}%", rest)

    def split(self, text: str) -> int | None:
        """团队5个人平分，每人多少 / 平分给3个人: the people a sum is shared among (None for fewer than two)."""
        found = _SPLIT.search(text)
        said = (found.group("n") or found.group("m") or found.group("k") or found.group("r")) if found else "0"  # 俺们仨: 3
        n = COUNTS.get(said) or int(said)
        return n if n > 1 else None

    @staticmethod
    def per_share(text: str) -> bool:
        """每户多少 / 每人能分多少: a share of a sum, which a sum shared before (合作社20户平分) says among how many."""
        return bool(_PER_SHARE.search(text))

    @staticmethod
    def per_head(text: str) -> bool:
        """平均一人 / 平均每人: an average over the people paid, one of each line where no one is named."""
        return bool(_PER_HEAD.search(text))

    later_words = _LATER  # 再过3个月: a time, no number told

    def later(self, text: str) -> int | None:
        """再过3个月呢 / 两年以后: the months from now the question is asked of (facts that grow with time, grown)."""
        found = _LATER.search(text)
        if found is None:
            return None
        said, unit = found.group("n") or found.group("n2"), found.group("unit") or found.group("unit2")
        n = 0.5 if said == "半" else int(said)
        months = n if unit == "个月" else 12 * n
        return int(months) if months == int(months) else None

    def once_met(self, text: str) -> bool:
        """等俺也满60了，仨人一共多少: asked of the time when the requirement now failing is met."""
        return bool(_ONCE_MET.search(text))

    @staticmethod
    def citywide(text: str) -> bool:
        """全市一共整多少个: asked of the plan's whole, not of the asker's own site or case."""
        return bool(_CITYWIDE.search(text))

    def both_periods(self, text: str) -> bool:
        """年差 月差 / 一个月多少，一年多少: the figures asked by the month and by the year."""
        return len({PERIODS[k] for k in PERIODS if self._kinds[k].search(text)}) == 2 or bool(
            _YEAR_AND_MONTH.search(text))

    def several(self, text: str) -> bool:
        """这俩, 各多少: the message asks about the things talked about, each."""
        return bool(self._each.search(text))

    def all_of_them(self, text: str) -> bool:
        """这些找哪个部门 / 各类遗属: the message points at everything talked about."""
        return bool(self._these.search(text))

    # 这2个 / 前3个 / 俩 / 仨 (text normalised: 两 → 2): how many of the things talked about
    _HOW_MANY = re.compile(r"[这那前后](\d)[个项样种位类笔](?!月)"
                           r"|(俩|仨)(?!个?(?:月|产品|品|鱼塘|塘|店|网点|示范点|项目|专利)|年)"
                           r"|(?<![\d.])([2-9])者"  # 二者差额; 俩产品 counts products, not the things summed
                           r"|(?<![\d.])(\d)(?:个?人|个(?=[全都]?(?:加|1共|一共|总共|合计))|项|样|种|家|笔"
                           r"|(?<=[2-9])个?[社户])"  # 4个人1年1共 / 3项合计 / 2家1年1共 / 3个全加起来 / 5个社总计
                           # (not 3个产品加起来, 2个电商点…一共, 同1社两项合计)
                           r"(?=[^,。;!?]{0,5}?(?:1共|一共|总共|加起来|加一块|加1块|1起|合计|都算上|总计|共计|累计|相差|差(?:多少|几|额)))"
                           r"|(?<![\d.])([2-9])个?人(?=1年|1个月|每年|每月|年合计|月合计)"  # 3人1年: as 仨人1年
                           r"|(?:^|[,，\s])([2-9])个?人(?:呢|的)?\s*[?？]?$")  # 要是姥爷服役是6年呢,2个人: a clause of its own

    def how_many(self, text: str) -> int | None:
        """The number of things a total or a comparison is about, when the message says it (这俩, 前3个)."""
        found = self._HOW_MANY.search(text)
        if found is None:
            return None
        if found.group(2):
            return {"俩": 2, "仨": 3}[found.group(2)]
        return int(found.group(1) or found.group(3) or found.group(4) or found.group(5) or found.group(6))

    def total(self, text: str) -> bool:
        """一共, 加起来: add the figures up."""
        return bool(self._totals.search(text))

    def correction(self, text: str) -> re.Match[str] | None:
        """不对 / 说错了: where the message starts to correct what was said (before it, or in an earlier message);
        对不对 asks whether a figure is right, it corrects nothing."""
        return next((m for m in self._corrections.finditer(text)
                     if not (m.group() == "不对" and text[max(0, m.start() - 1):m.start()] == "对")),
                    None) or _NOT_THEN_IS.search(text)

    def addition(self, text: str) -> re.Match[str] | None:
        """再加上 / 另外 / 跟X加一起: where the message adds to what was asked before, rather than asking anew;
        另外问下 only turns to another question."""
        return next((m for m in self._additions.finditer(text) if not _ASKS_ANEW.match(text, m.end()) and (
            m.group() not in self.additions_in_a_total or self.total(text))), None) or _WITH_THE_LAST.match(text)

    def adds_outright(self, text: str) -> bool:
        """加上她老两口: whoever the message names joins the sum, even when no total is asked."""
        return bool(self._adds_outright.search(text))

    def places_in(self, text: str) -> list[tuple[str, tuple[int, int]]]:
        """The items of the last answer the message points at, in the order said, each with its span: first, last,
        most, least, or the place said (第3个: "3"). 第2个 of a group the reply numbered is that member, which the
        merge knows, not the reader."""
        found = [(place, m.span()) for place, pattern in self._places.items() for m in pattern.finditer(text)]
        found += [(m.group(1), m.span()) for m in _NTH.finditer(text)]
        return sorted(((p, span) for p, span in found if not _NOT_AN_ITEM.match(text, span[1])), key=lambda x: x[1])

    def left_out(self, text: str) -> list[tuple[int, int]]:
        """Where the message names what it leaves out of the last answer: after 除了 / 不算 up to the end of its
        clause or the words for the rest (除了我舅 剩下俩), between 把 and 去掉 (把三等功那个去掉), or before the
        words for someone gone, when the rest are said to remain (大太爷去年没了 就剩俩了)."""
        spans = [(m.end(), m.end() + end.start()) for m in self._leaves_out["before"].finditer(text)
                 if (end := _LEFT_OUT_ENDS.search(text[m.end():m.end() + 12] + "。"))]
        after = rf"把([^,。;!?\s]{{1,10}}?)(?:{self._leaves_out['after'].pattern})"
        spans += [(m.start() + 1, m.end(1)) for m in re.finditer(after, text)]
        if self._leaves_out["remain"].search(text):  # 大太爷去年没了 就剩俩了: the one gone
            gone = rf"([^,。;!?\s病]{{1,6}}?(?:去年|前年|今年|上个月|已经)?)(?:{self._leaves_out['gone'].pattern})"
            spans += [m.span(1) for m in re.finditer(gone, text)]
        return [(start, end) for start, end in spans if end > start]

    def unstated_detail(self, text: str) -> str | None:
        """The detail the plan does not state that the message asks for (发放时间和方式), if any; 还剩多长时间 asks
        what is left of a span the plan does state."""
        text = self._spans_left(text)
        return next((detail for detail, pattern in self._unstated.items() if pattern.search(text)), None)

    def without_unstated(self, text: str) -> str:
        """The text with the words asking for a detail the plan does not state blanked out: what they ask (最多能贷,
        贷多少钱) is that detail, not a cap or a sum of money."""
        kept = {i for m in self._kinds["left"].finditer(text) for i in range(*m.span())}
        return self._any_unstated.sub(
            lambda m: m.group() if m.start() in kept else "\u3000" * len(m.group()), text)

    def _spans_left(self, text: str) -> str:
        return self._kinds["left"].sub(lambda m: "\u3000" * len(m.group()), text)

    @cached_property
    def _any_unstated(self) -> re.Pattern[str]:
        return said(w for ws in self.unstated.values() for w in ws)

    def stated(self, detail: str, quotes: Iterable[str]) -> bool:
        """Whether one of the quotes states the detail after all (是否收费: 免费培训返乡农民工)."""
        return any(w in quote for quote in quotes for w in self.stated_by.get(detail, ()))

    @cached_property
    def every_cue(self) -> tuple[str, ...]:
        return (*self.continues, *self.totals, *self.each, *(w for ws in self.kinds.values() for w in ws),
                *(w for ws in self.unstated.values() for w in ws))

    def asks_something(self, text: str) -> bool:
        """A word of a question kind, of adding up or of continuing: the message asks something of a subject."""
        return bool(self._every.search(text) or _KIND_ALONE.match(text))

    @cached_property
    def question_words(self) -> re.Pattern[str]:
        """Every cue word, for taking them out of a message: what is left is what it is about."""
        return said({*self.not_names, *self.every_cue, *self.corrections, *self.additions})

    @cached_property
    def _kinds(self) -> dict[str, re.Pattern[str]]:
        return {kind: said(words) for kind, words in self.kinds.items()}

    @cached_property
    def _kinds_anywhere(self) -> dict[str, re.Pattern[str]]:
        """The kinds' words found wherever they start, overlapping (每个月差多少 holds 每个月, 月差 and 差多少:
        the longest words win in `asked`, which a left-to-right scan taking 月差 first would hide)."""
        return {kind: re.compile(f"(?=({pattern.pattern}))") for kind, pattern in self._kinds.items()}

    @cached_property
    def _unstated(self) -> dict[str, re.Pattern[str]]:
        return {detail: said(words) for detail, words in self.unstated.items()}

    @cached_property
    def _places(self) -> dict[str, re.Pattern[str]]:
        return {place: said(words) for place, words in self.places.items()}

    @cached_property
    def _leaves_out(self) -> dict[str, re.Pattern[str]]:
        return {side: said(words) for side, words in self.leaves_out.items()}

    @cached_property
    def _totals(self) -> re.Pattern[str]:
        return said(self.totals)

    @cached_property
    def _each(self) -> re.Pattern[str]:
        return said(self.each)

    @cached_property
    def _these(self) -> re.Pattern[str]:
        return said(self.these)

    @cached_property
    def _corrections(self) -> re.Pattern[str]:
        return said(self.corrections)

    @cached_property
    def _additions(self) -> re.Pattern[str]:
        return said(self.additions)

    @cached_property
    def _adds_outright(self) -> re.Pattern[str]:
        return said(self.outright_additions)

    @cached_property
    def _confirms_after(self) -> re.Pattern[str]:
        return said(self.confirming.get("after", ()))

    @cached_property
    def _confirms_before(self) -> re.Pattern[str]:
        return said(self.confirming.get("before", ()))

    @cached_property
    def _every(self) -> re.Pattern[str]:
        return said(self.every_cue)


def said(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern for the cue words in normalised text. A cue that starts with a digit (1年, 1个月: 一年,
    一个月 normalised) is no cue inside a longer number: 服役21年 does not ask for a year."""
    alternatives = [(r"(?<![\d.])" if w[:1].isdigit() else "") + re.escape(w)
                    for w in sorted(set(words), key=len, reverse=True)]
    return re.compile("|".join(alternatives) or "(?!)")


def cues(normalize: Callable[[str], str], path: Path = KINDS_FILE) -> Cues:
    """The cue words normalised as messages are (一共 → 1共, 一个月 → 1个月), so they match them."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = lambda ws: tuple(dict.fromkeys(normalize(w) for w in ws))  # noqa: E731
    return Cues({k: words(v) for k, v in raw["kinds"].items()}, words(raw["total"]), words(raw["continues"]),
                words(raw["each"]), words(raw["these"]), frozenset(words(raw["not_names"])), words(raw["corrections"]),
                words(raw["additions"]), words(raw["adds_outright"]), words(raw["adds_in_a_total"]),
                {k: words(v) for k, v in raw["unstated"].items()},
                {k: tuple(v) for k, v in raw["stated_by"].items()}, {k: words(v) for k, v in raw["places"].items()},
                {k: words(v) for k, v in raw["leaves_out"].items()}, words(raw["names_a_figure"]),
                {k: words(v) for k, v in raw["confirms"].items()})
