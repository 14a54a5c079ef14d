"""One message read once into one question: whom it speaks of, what about, and what it asks.

Text in, question out: no Rasa, no conversation. The message is split into
clauses at punctuation, pauses and connectives, and before each person it
names, because voice input runs sentences together (我爸当兵6年我叔当兵4年).
Each clause gives its facts to the person it speaks of (or, speaking of no one,
to the question at large); each measure it names becomes a subject, about that
person, with the facts of its own clause (绿色食品3个产品，无公害2个产品). What is
asked, the period, totals, corrections and additions come from the cue words.
Merging this with the conversation is bot/dialogue/merge.py's job, so a
follow-up (一年呢, 那我妈呢, 不对是十年) is read here exactly like a first question.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from bot import DATA
from bot.plan.calculator import inputs
from bot.plan.definitions import Definition, Definitions, load_definitions
from bot.plan.facts import implying, load_specs, of_no_one
from bot.plan.measure import Measure
from bot.plan.numbers import figure_spans, whole
from bot.plan.records import load_aspect_people, load_groups
from bot.plan.store import MeasureStore
from bot.plan.terms import cut
from bot.reading.cues import Cues, Portion
from bot.reading.fact_reader import FactExtractor, Found
from bot.reading.people import COUNTS, SELF, Mention, People, alternation, lettered
from bot.reading.vocabulary import Clarification, Vocabulary

PERSONAL = ("age", "service_years", "veteran_category", "merit", "months_in_business", "group", "contract_years")
_CLAUSE_BREAK = re.compile(r"[,;.!?、:\s]+|另外|再加上?|加上|还有|以及|然后")
_ORGANISATIONS = re.compile(r"合作社|企业|公司|单位|组织|农场|中介")  # members of these are 第1个, not 第1位
_HOUSEHOLD = re.compile(r"(?:俺家|我家|咱家|全家|一家子|俺们家|我们家|咱们家|该户|全户|这户|该家庭)[^,。;!?]{0,6}?"
                        r"(?:总共|一共|合计|共计|加起来|加一块|1共|1年|1个月|能领|能拿)")
_MERIT_NAMED = re.compile(r"立功|等功|荣誉称号|立的功")
_NOT_ALONE = r"(?<!含)(?<!包括)(?<!加上)(?<!连)(?<!算上)(?<!带)"  # 含老兵标准 年合计: the standard and the rest
_PLURAL = ("他们", "她们")  # 让他们上哪儿办手续: all those talked about
_JOINED = re.compile(r"(?:和|跟|与|及|还有|、)\s*$")  # 我大伯和 | 我三姑是…: the one before is of the same clause
_PRONOUN_GENDERS = {"她": "男", "他": "女"}  # whom a pronoun cannot mean
SOME_OF = "其中"  # 7个老兵 … 其中2个立过三等功: some of a group already counted, named so
_SOME_OF_THOSE = re.compile(r"(?:其中|里头?有|中有|当中有|(?:老兵|义务兵|遗属|子女|的)有)$")  # 抗日的有1个
_MERIT_AFTER = re.compile(r"[^,。;!?\s]{0,4}?(?:一等功|二等功|三等功|荣誉称号)")  # … 立过一等功: what only they did
MEMBER_PREFIX = "第"  # a counted group's member as the reply names it: 第1位
_MEANS_TO = re.compile(r"想|要(?!是)|打算|准备|自己|毕业|没找着|找不着|没工作|开了|开个|开家")  # 低保户想开个店: one's own
# case (要是 supposes, of the last lines: 那中介要是介绍了5个人呢)
_NOT_WHO = {"entrepreneur", "job_seeker", "agency", "employer", "coop", "public_institution", "resident", "insured"}
# what anyone may do or be part of (创业担保贷款想贷多少, 中介): no one described by it alone
_A_YEAR_ASKED = re.compile(r"1年(?=\s*(?:呢|多少|能|给|合|1共|共|总|加|咋|怎|的|是|领|拿|补|[?？]|$))")  # 他1年呢
_HERE = re.compile(r"(?:那|那么)?(?:要是|如果)?(?:在)?(?:咱们?|俺们?|我们)?"
                   r"(?:长春|2017年?(?!\d)|今年(?=的|呢|这)|17年(?=的|这))")  # 那长春呢 / 咱长春这边呢 / 那2017年的呢 /
# 那要是在长春: the plan's own city and year
_HERE_AGAIN = re.compile(_HERE.pattern + r"[^,，。;；]{0,8}?呢[?？]?$")  # 那2017年暖流计划里的呢: the last question, here
_ONE_OF = re.compile(r"1(?:个|位|名)")  # 爸 and 岳父 一个三年一个四年: each said as one of them
_BARE_COUNT = re.compile(r"(?<![\d.])(\d{1,3})个(?=\s*(?:[,;.!?，；。]|$|呢|各|的?产品))")  # 1个初次有5个:
# a count with its noun left out
_YEARS_AFTER_MEMBER = re.compile(r"(?:各|都|均)?(\d{1,2})年(?![多龄]|\d+个?月)")  # 1个4年2个各5年: each member's
# 抗美援朝老兵的遗孀: the veteran is someone else; the words speak of his family
_OF_SOMEONE = re.compile(r"的(?:遗孀|遗属|老伴|家属|妻子|爱人|丈夫|媳妇|孩子|子女|儿子|闺女|后代|后人)")
_AWAITED = re.compile(r"差[^,。;!?\d]{0,4}$")  # 还差半年满60, 差2年到60: the age awaited, not the age
# 要是他多当两年兵呢 / 再多两个产品 / 后又介绍符合条件的5人: more than told before, by that much
_MORE = {"service_years": re.compile(r"多(?:当|干|服役|服|待|呆)了?(\d{1,2})年"),
         "product_count": re.compile(r"多(?:认证|整|弄|过|报)?了?(\d{1,2})个(?:农?产品)"),
         "count": re.compile(r"(?:又|再|另外又?)(?:介绍|安置)(?:成功|成)?了?[^\d,。;!?]{0,8}?(\d{1,4})\s*"
                             r"(?:(?:个|名|位)人?(?!月|产品)|人)")}  # 后来又介绍成5个
_THE_REST = re.compile(r"剩下|[就只还]剩|其他|其余|别的|余下")  # 除了我舅 剩下俩: the rest asked of
_EXCEPT_FRAMED = re.compile(r"除(?:了|去|开)?[^,。;!?\s]{1,8}?(?:以外|之外|外)")  # 除我妈外: all said but her
_HOW_MUCH_OR_THEN = re.compile(r"呢[?!.\s]*$|多少|几")
_EXCEPT_ALONE = re.compile(r"^那?除(?:了|去|开)[^,。;!?\s]{1,8}?呢[?!.\s]*$")  # 除了俺爹呢: the last answer, but him
_THE_REST_COUNTED = re.compile(r"(?:剩下|其余|其他|余下)的?那?(\d+)\s*(?:个|人|位|口)")  # 剩下4个: those left, counted
_THE_REST_SAID = re.compile(r"(?:剩下的?|其余的?|其他的?|余下的?)[^\d,。;!?]{0,4}?\d+\s*(?:年|个|人|岁)?")
_COUNTED_HEAD = re.compile(r"^\d+个")  # 1个烈士的, in a list of those counted
_COUNTED_KIN = re.compile(r"(仨|俩|[2-9])个?$")  # 仨舅, 3个姑: kin counted
_SUMMED = re.compile(r"合计|共计|一共|总共|加起来|总计|累计")  # a fact said of a group as a whole
_NEGATED = re.compile(r"(?:不是|并非|不算|没|(?<![是除])非)$")  # 应为 解放战争 非抗美: operators write 非
# 解放战争他没赶上 / 抗日那会他还小呢: said before what denies it
_NEGATED_AFTER = re.compile(r"\s*(?:那会儿?|那时候?|那阵儿?|时候)?\s*(?:他|她)?(?:还小|没赶上|没去|没参加|没打过|不算)")
# 俩立三等功的 1个立一等功的: that many of the level said right after, in a list of levels
_LEVEL_HEADS = re.compile(r"(?:(?<![\d.])(?P<n>[2-9]|\d{2})\s*(?:个|位|名)|(?P<w>俩|仨))(?:人)?\s*(?:都)?"
                          r"(?:立过?|荣立|得过|获得?过?|是)?$")  # 两个二等功 / 俩立三等功的
# 5个立功的老兵 俩三等功 俩二等功 1个一等功: the group counted again by merit level
_HEADS_AFTER = re.compile(r"^(?:的)?\s*(?:有|共)?\s*(?P<n>[1-9]\d{0,3})\s*(?:人|位|名)(?!次)")  # 三等功3人 一等功1人: the
# operators' way, the count after the level
_MERIT_HEADS = re.compile(r"(?:(?P<w>俩|仨)|(?<![\d.])(?P<n>[1-9])\s*(?:个|位|名))(?:人)?\s*(?:都)?"
                          r"(?:立过?|荣立|得过|获得?过?|是)?(?=[一二三1-3]等功|个人荣誉称号)")
_SUPPOSED = re.compile(r"按[^,。;!?]{1,10}?算|要是|如果|假如|换成|多[当干服待呆][^,。;!?]{0,6}的话")  # 要是按烈士遗属算
# / 多当两年的话: as if so
_AGAINST_TOLD = re.compile(r"(?:比|跟|和|与)(?:现在|实际|眼下|目前|现实)")  # 要是多干两年 — 比现在多拿多少
# 就按实际四年算 / 还按实际的算: back to the facts told, after a supposition
_ACTUAL = re.compile(r"按实际|照实际|按真实|实际(?:的|上的)?(?:年数|情况|岁数|个数)|还是按原来的(?:年数|岁数|个数)"
                     r"|^(?:那)?(?:回到|说回|再说回|回来说)(?=俺|我|咱|他|她)")  # 回到俺爷 两年兵: back to him as he is
_NEVER_SERVED = re.compile(r"没有?(?:当过|当)兵|没(?:服过|服)役|没参过?军")  # 他没当过兵: no one's service years
# a clause that begins so names what is not meant (不是抗美援朝, 她没当过兵)
_DENIES = re.compile(r"(?:他|她|我|俺)?(?:不是|并非|不算|没有?当过|从没|从来没)")
# 老大68, 我爸都72了: a number right after a person (and 今年, 都 …) is their age, unless a unit says otherwise
_AGE_AFTER_NAME = re.compile(r"(?:是|今年|已经|都|才|快|刚|也|正好|刚好)?(\d{2,3})"
                             r"(?![\d.]|\s*(?:年|个|元|万|%|号|日|位|名|人|户|项|种))")
_QUANTITY = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?!\s*个?(?:社|家|项|样|笔))"
                       r"\s*(周岁|岁|个月|年|个|万元|万(?![人户个亩名家位])|元|人|户|%)?"
                       r"(?![\d.]|月|号|日)")  # 3月: a date; 两社 两项: the things summed
_IS = re.compile(r"\s*(?:今年|这回|这次|现在)?\s*(?:是|就是|其实是|属于|要是|如果|假如)\s*")
# 有机认证(今年)是第一年再认证 / 有机要是第一年再认证: the one said is the other (有机新认证 明年再认证: both)
_THANKED = re.compile(r"(?:谢谢|多谢|感谢|辛苦)(?:了|啦|你|您|你了|您了)?\s*$")  # 谢谢了闺女 / 辛苦你了大姐: whom the
# message thanks, no one it speaks of
_ELIGIBLE_ONES = re.compile(r"(?:能领|够条件|符合条件|符合)的(?:那)?(?:俩|仨|几个|\d个)?人?")  # 能领的俩人: all who can
_LIST_WORDS = re.compile(r"[\s、/,;]+")  # 烈属 因公 病故: the words of an operator's list
_HEADS = ("人", "位", "名")  # units that count people
_EACH_HEADS = re.compile(r"(?<![\d.])([1-9]\d{0,3})\s*(?:人|位|名)(?!次)")  # 抗日2人: the people of the name before
_FIGURE_ALONE = re.compile(r"^(?:那|那么)?\s*\d[\d.]*\s*[万亿]?\s*元?\s*(?:那个|那个的|的)?呢[?!.\s]*$")  # 15780是哪类 —
# 18460呢: the figure's measure asked again
_FILLER = r"[是就有了吧啊呀哦嗯呢的\s,.!?]*"  # 8吧, 是8年: around a number, nothing that says more
_BARE = re.compile(rf"^(?:俺们|我们|咱们)?{_FILLER}([-负]?\d+(?:\.\d+)?)\s*(周岁|岁|个月|年|个|万元|万|元|人|户)?{_FILLER}$")
# 俺们是4 (products, asked for) / 450万 (a sum of money, after a rule that reckons with one)
# 免费 is no 费; 拆迁补偿 is a benefit, the plan's 风险补偿基金 a fund
_BENEFIT = re.compile(r"([\u4e00-\u9fff]{2,8}?)(补贴|补助|补偿(?!基金)|津贴|奖励费|奖励|(?<![免收缴交])费|金|待遇"
                      r"|(?<![信银])卡|(?<![交纳扣缴免退个])税)")  # 老年公交卡, 个人所得税: the plan names neither
_PAYS = re.compile(r"补贴|补助|奖补|奖励|元")  # a quote that pays something
_OWN_BENEFITS = ("金", "费")  # a 金 or 费 is a benefit of its own (养老金, 取暖费); 补贴 and 补助 are any measure's
_FUNCTION_CHARACTERS = set("的了吗么呢话是在给要有管")  # 哪个部门管降费: who handles it, no benefit
_NUMBER = re.compile(r"多少|(?<![这那前后头])几[个年岁位项成户人家名类栋亩]|比例|百分之几|多钱|多大")  # 这几年 asks no number
_MONEY = re.compile(r"多少钱|金额|几个钱|多钱|补多少|给多少|奖多少|补贴多少|补助多少|多少元|能领多少|能拿多少|给补多少"
                    r"|交多少|缴多少")
# 执照办下来快1年了, 开店半年多了, 干个体半年多了: years of business are months of business
_BUSINESS_YEARS = re.compile(r"(?:执照|开了|开张|开业|营业|开店|干|做|开满|满|经营|办下来|免了|已经过了)"
                             r"[^\d,;!?岁]{0,8}?(?:(\d+(?:\.\d+)?)\s*年(?!标|补|额|度)(半)?(?:零?(\d{1,2})个月)?|(半)年)")
# (免了1年半: 18个月; 满岁数了 俺俩1年: an age reached, then a period asked, no business; 满60 年标准: an operator's
# age, then the yearly standard)
_CONTRACT = re.compile(r"合同|签")
_SERVED = re.compile(r"当过?[^,;!?]{0,4}?兵|义务兵|服役|部队|当(?:满|了|够)?\d")  # 当过义务兵，干了两年 / 当满4年: years
# of service, not of a shop
_BUSINESS = re.compile(r"店|执照|营业|经营|生意|个体|开业|开张|创业|买卖|铺")
_WORKPLACE = re.compile(r"厂|单位|公司|超市|上班|打工|工地|车间|岗位|企业|饭店|学校|医院")  # 在厂里干了三十年: a job
_FOR_ME = re.compile(r"(?:中介|机构|公司|单位|人家)(?:给|帮|替)$")  # 中介给我介绍了俩: done for me by another
_FIGURE_NAMED = re.compile(r"(\d+(?:\.\d+)?万?)(?:块钱?|元)?(?:那个|那项|那笔)(?:补贴|补助|钱|奖补|奖励)")  # 五千那个补贴
_WHY_LEFT_OUT = ("contract_years",)  # 有俩只签了半年合同: what those left out did not meet (months: splits_a_group)
_PLAN_NAMES = re.compile(r"“?暖流计划”?|行动方案")
# 这个哪个部门牵头: who leads the thing just spoken of, not the plan's own lead department
_THIS_ONES_LEAD = re.compile(r"^(?:那|那么)?(?:这个|这项|这事儿?|这块儿?|那个|那项|它|这)(?:是|归|由)?"
                             r"(?:哪个部门|哪个单位|哪家单位|哪家|哪个局|谁)(?:来)?牵头")
_MANAGES = re.compile(r"(?:管|归|负责)[^啥什哪谁钱]{0,4}?(?:吗|不|么|没|嘛)")  # 都归民政吗 / 这俩都是民政管吗 (管啥: its duties)
_FOLLOW_UP = re.compile(r"^(?:那|那么|那要是|要是|如果|假如|换成|换了)|呢[?!.]*$|呢[,\s]*(?:每|1)?(?:年|个?月)的?[?!.]*$"
                        r"|同问|同上")  # 解放 同问: as before; 病故的呢 一年: the period asked beside it


@dataclass(frozen=True)
class Person:
    key: str  # 我, 爸, 老王, 老大; a counted group: the words that name it (俺们村)
    label: str  # how the reply names them (您, 您爸, 老大)
    count: int = 1
    facts: Mapping[str, Any] = field(default_factory=dict)  # told of them in this message


@dataclass(frozen=True)
class Subject:
    measure: str  # a measure id
    person: str | None  # whom its clause speaks of; None: no one in particular
    facts: Mapping[str, Any] = field(default_factory=dict)  # told in its own clause (3个产品)
    count: int | None = None  # 3个抗美援朝老兵: the line counts that many


@dataclass(frozen=True)
class Quantity:
    """A number no fact took (是十年, 六十六): the merge reads it against the fact under discussion."""
    value: float
    unit: str
    corrects: bool  # said after 不对 / 说错了


@dataclass(frozen=True)
class LeftOut:
    """What a message leaves out of the last answer (除了我舅 / 把三等功那个去掉 / 不算贷款): the people, the measures
    and the facts (merit 三等功) its words name."""
    people: frozenset[str] = frozenset()
    measures: frozenset[str] = frozenset()
    facts: Mapping[str, Any] = field(default_factory=dict)
    rest: int | None = None  # how many are left, as said (除了抗日那个 剩下4个: 4)


@dataclass(frozen=True)
class Question:
    said: str  # as typed
    text: str  # normalised
    intent: str | None = None
    people: tuple[Person, ...] = ()
    subjects: tuple[Subject, ...] = ()
    facts: Mapping[str, Any] = field(default_factory=dict)  # told of no one in particular
    asked: tuple[str, ...] = ("amount",)
    asked_said: bool = False  # the words ask it (涨了多少); else the amount is asked by default
    follow_up: bool = False  # 那X呢, 要是…呢: the same question again, of something else
    asks: bool = False  # a cue word asks something (of what came before, if the message names nothing)
    period: str | None = None
    both_periods: bool = False  # 年差 月差: by the year and by the month
    denies: bool = False  # 她没当过兵: a clause says what someone is not
    denied: frozenset[str] = frozenset()  # the measures said after 不是 / 没 (不是遗属: each kind of 遗属)
    once_met: bool = False  # 等他也满60了: as if the requirements not yet met were
    citywide: bool = False  # 全市一共整多少个: of the plan's whole, no one's own
    total: bool = False
    each: bool = False
    these: bool = False  # 这些 / 各类: everything talked about, or every kind a word of several meanings may mean
    here: bool = False  # 那长春呢: the plan's own city, after a question of another one
    here_again: bool = False  # 那2017年暖流计划里的呢: the last question asked again, of the plan's own city and year
    how_many: int | None = None
    portion: Portion | None = None  # 拿出一半 / 负责人拿四成 剩下仨平分: a part of the sum asked
    correction: bool = False
    addition: bool = False
    adds_within: bool = False  # 新认证有机的 再加上地理标志 一共: added to the award the message named first
    adds_outright: bool = False  # 加上她老两口: whoever it names joins the sum
    pronoun: bool = False  # 他/她 speaks of the person talked about before
    pronoun_unlike: str | None = None  # the gender that pronoun cannot mean (她: not a 男)
    everyone: bool = False  # 都 / 俩人都: of every person talked about
    confirms: float | None = None  # 现在是21060对吗: the sum it asks to be confirmed
    with_me: bool = False  # 俺俩, naming no one else: me and the one talked about before
    quantities: tuple[Quantity, ...] = ()
    bare: Quantity | None = None  # the whole message is a number (8, 八年): the answer to a question asked
    unstated: str | None = None  # a detail the plan does not state (发放时间和方式)
    ambiguous: tuple[str, Clarification] | None = None
    standard_of: frozenset[str] = frozenset()  # 老兵的标准: the measures of the kind a word of several meanings names
    # as a standard (that standard alone, of one who also has a merit)
    missing: tuple[str, str] | None = None  # a benefit the plan never names: (取暖, 补贴)
    groups: frozenset[str] = frozenset()  # what the citizen says they are (低保户)
    money: bool = False  # asks for money (多少钱, 补多少): of a measure the plan gives no sum for, the plan is silent
    number: bool = False  # asks for a number of any kind (多少, 几, 比例)
    elsewhere: str | None = None  # a place or year outside the plan (the NLU's scope guard)
    about: str = ""  # the text without its question words and people: what it is about
    defines: Definition | None = None  # 就业困难人员都包括哪些人: what a term of the plan covers is asked
    supposed: bool = False  # 要是立的二等功呢 / 按二等功算: asked as if so
    actual: bool = False  # 就按实际四年算: asked of the facts told again, no longer as supposed
    against_told: bool = False  # 多当两年的话 比现在多拿多少: the supposed against the facts told
    whose_figure: float | None = None  # 那两万那个说的是啥: the figure whose measure is asked for
    judged: Definition | None = None  # 我媳妇38 算大龄失业人员不: whether someone is one of a term's, by its ages
    whether: bool = False  # 我刚毕业 家里困难 算就业困难人员吗: whether someone is one of a term's, by its list
    question_form: bool = False  # 先给钱还是建完再给 / 九台能种不: asked as a question, though with no cue word
    span: int | None = None  # 两年一共多少 (24), 一个季度 (3): the months a sum is asked over, beyond one period
    later: int | None = None  # 再过3个月呢 (3): the months from now it is asked of
    split: int | None = None  # 团队5个人平分 (5): the people the sum asked is shared among
    per_share: bool = False  # 每户多少: a share asked, of a sum shared before
    per_head: bool = False  # 平均一人: an average over the people paid
    section: str | None = None  # 关注五是哪块内容 (关注五): a part of the plan the replies cite, asked of
    chitchat: bool = False  # 今天天气怎么样: everyday talk (data/scope.yml), no question about the plan
    worked_years: bool = False  # 我爷爷干了三年: years of work with neither a shop nor service said (read as months of
    # business here; the conversation's measure may say they were years served)
    places: tuple[str, ...] = ()  # 最后那个比第一个少多少 (last, first): items of the last answer, by place or size
    left_out: LeftOut | None = None  # 除了我舅 剩下俩加起来: what the rest of the last answer is without
    more: Mapping[str, float] = field(default_factory=dict)  # 要是他多当两年兵呢 (service_years: 2): more than told

    @property
    def names_something(self) -> bool:
        return bool(self.subjects or self.people or self.facts or self.groups)


class Reader:
    def __init__(self, store: MeasureStore, cues: Cues, vocabulary: Vocabulary, people: People,
                 extract: FactExtractor, normalize: Callable[[str], str], plan_text: str,
                 definitions: Definitions | None = None) -> None:
        self.store, self.cues, self.vocabulary, self.people = store, cues, vocabulary, people
        said = definitions or load_definitions()  # its words as the reader sees a message: normalised (一共 → 1共)
        self.definitions = replace(said, asked_by=tuple(dict.fromkeys(normalize(w) for w in said.asked_by)))
        chitchat = yaml.safe_load((DATA / "scope.yml").read_text(encoding="utf-8"))["chitchat"]
        self._chitchat = re.compile("|".join(map(re.escape, chitchat)))
        self.extract, self.normalize, self._plan_text = extract, normalize, plan_text
        self._plan_itself = {m.id for m in store.measures if m.section == "导语"}  # named by 暖流计划 itself
        self._aspect_people = {normalize(w): section for w, section in load_aspect_people().items()}
        self._for_people = re.compile(rf"({alternation(self._aspect_people)})[^,;.!?]{{0,8}}?(?:{_LIST_ASKED})")
        self._merits = frozenset(m.id for m in store.measures if m.kind == "merit_addition")  # 其中1人荣立二等功
        self._shortest_contract = _least_required(store, "contract_years")  # 签订1年以上: 1
        self._fewest_months = _least_required(store, "months_in_business")  # 经营满6个月以上: 6

    def read(self, said: str, intent: str | None = None, elsewhere: str | None = None) -> Question:
        text = self.normalize(said)
        corrected = self.cues.correction(text)
        turn = corrected.start() if corrected else len(text)
        mentions = _members(text, _counted_kin(text, _subjects_only(text, self.people.mentions(text),
                                                                     self.people.speakers)))
        if sum(lettered(m.key) for m in mentions) == 1 and not corrected and not _FOLLOW_UP.search(text):
            # A家介绍了20人 能拿多少: the one agency asking, no line of its own beside others (更正：B家是25人 and
            # 那B家呢 are of one told before)
            mentions = [m for m in mentions if not (lettered(m.key) and m.said.endswith("家"))]
        # 俺数差了，是六个人 / 俺妈搁旁边说是六年 / 我奶奶说是三年不是两年 / 俺舅说不是称号 是一等功: who says the
        # figure or the correction, not whom it is of
        mentions = [m for m in mentions if not ((told := self.people.passes_on(text, m.end)) and (
            corrected or any(ch.isdigit() for ch in text[told.end():told.end() + 4]) or told.group().endswith("不是")))
            # (俺老婆婆说是当了三年兵: the figure she passes on, of him)
            and not (corrected and m.key == SELF and (own := self.cues.correction(text[m.end:m.end + 5]))
                     and own.start() == 0)]
        mentions = [m for m in mentions if not (corrected and _ASKED_OF.search(text, max(0, m.start - 6), m.start))
                    and not (_THANKED.search(text, max(0, m.start - 6), m.start) and not text[m.end:].strip(
                        " ,.!?啊呀哈"))  # 谢谢了闺女: the one thanked (谢谢 我爸58了: he is asked of)
                    and not (m.key == SELF and text.startswith("长春", m.end))]  # 咱长春的呢: our city, no one
        # 不对，我问了我妈，他是解放战争的: the one asked about it is who corrects, not whom it is of
        mentions = [m for m in mentions if not (_LIKE.match(text, m.end) and _WITH.search(text, 0, m.start))]
        mentions = [m for m in mentions if not (m.key == SELF and _FOR_ME.search(text, 0, m.start))]  # 中介给我介绍了
        # 俩: the one it was done for, not whom the question is of
        # 他跟俺二爷一样是解放战争的: 二爷 is whom he is like; what is said is of 他
        mentions, listed = _listed_members(text, mentions)
        found = [f for f in self._facts(text, turn)  # 1个头回无公害认证, 3个人开店: a member, a group, not a count
                 if not any(m.start <= f.start < m.end for m in mentions
                            if m.key.startswith(MEMBER_PREFIX) or m.role == "group" and f.fact == "count")
                 and not any(x.start <= f.start < x.end or f.start <= x.start < f.end for x in listed)]
        found = sorted(found + listed, key=lambda f: f.start)
        found, was = _said_again(found, corrected is not None, [m.start for m in mentions if m.role == "person"])
        found += _ages_after_names(text, mentions, found)
        found += _ages_alone(text, mentions, found)
        found += _counts_after_members(text, mentions, found)
        found += self._groups_of_people(text, mentions, found)
        found += _business_years(text, found)
        found = [f for f in found if not (f.fact in _WHY_LEFT_OUT and any(
            x.fact == "excluded" and 0 < f.start - x.start <= 12 and not _CLAUSE_BREAK.search(text, x.start, f.start)
            for x in found))]  # 有俩只签了半年合同: why those 2
        # are taken off the count, not the contract of the others
        found = [f for f in found if not (f.fact in ("veteran_category", "group") and _OF_SOMEONE.match(text, f.end))]
        said_more = [(fact, m) for fact, pattern in _MORE.items() for m in pattern.finditer(text)]
        more = {fact: float(m.group(1)) for fact, m in said_more}
        found = [f for f in found if not any(  # 多当2年兵: 2 more years, not 2 years
            m.start() <= f.start < m.end() for _, m in said_more)]  # 多干2年: no 2 years in business either
        mentions = _the_rest_in_kinds(text, mentions, found)
        clauses = _clauses(text, mentions)
        left_spans = self.cues.left_out(text)
        left_out = self._left_out(text, left_spans, mentions, found)
        if left_out:  # 除了我舅: 舅 is not asked of
            mentions = [m for m in mentions if m.key not in left_out.people]
            clauses = _clauses(text, mentions)
        people, general, subjects, everyone, pronoun = self._attribute(text, clauses, mentions, found)
        section = _section(text) or self._section_for(text, people, general)
        if section and not _SECTION.search(text):  # 暖流计划对农民有啥好处: the plan's name is context
            subjects = tuple(s for s in subjects if s.measure not in self._plan_itself)
        if left_out:  # 除了地理标志 剩下俩: no subject of the question
            subjects = tuple(x for x in subjects if x.measure not in left_out.measures)
        if listed:
            people, subjects = _of_the_kind_named(people, general, subjects,
                                                  [p for p in people if p.key.startswith(MEMBER_PREFIX)])
        elif everyone and len(people) > 1:  # 烈士老年子女 本人61 其兄64 其姐59 兄妹合计: each of them
            people, subjects = _of_the_kind_named(people, general, subjects, list(people))
        people, general = _left_out(people, general)
        people, general = _the_caller(people, general)
        general = self._short_running(text, self._short_contracts(text, general))
        split = self.cues.split(text)
        if split is not None and general.get("count") == split:
            general = {k: v for k, v in general.items() if k != "count"}  # 团队5个人平分: those sharing, not counted lines
        people = _all_aged(text, people)
        household = bool(_HOUSEHOLD.search(text))  # 那都算上，俺家一年总共多少钱: everyone talked about, not 我
        if household:
            people = tuple(p for p in people if p.key != SELF or p.facts)
        people, subjects = self._not_covered(text, mentions, people, subjects)
        people = _the_survivor_asking(people, mentions, self.people.self_words)
        named_by = {f for x in subjects for f in self.store.get(x.measure).categories}  # 抗美援朝老兵: the category
        if not set(general) - named_by:  # (服役15年 … 俺公公73: a fact of no one's would stay behind)
            subjects = self._of_the_one_told_after(people, subjects)
        subjects = self._each_with_their_own(people, subjects)
        if not people and not mentions:
            described = self._described(text)  # 低保户想开个小卖部: their own case, not the 低保 standard
            people, subjects = (described, ()) if described else (people, subjects)
        missing = self.not_in_plan(text)
        if missing and (extended := self.store.named_in("".join(missing))) is not None:
            subjects = tuple(x for x in subjects if x.measure != extended.id)  # 养老金: not the 养老 services
        office_asked = bool(subjects) and all(x.measure.startswith("duty_") for x in subjects) and (
            everyone or bool(_FOLLOW_UP.search(text))) and bool(_MANAGES.search(text))
        if office_asked or [x.measure for x in subjects] == ["plan_overview"] and self.cues.how_many(text):
            subjects = ()  # 这些都是民政管不: the office of what was talked about, not the bureau's duties; 俩人暖流
            # 计划这块一年一共: the plan named in passing, no question of its targets
        taken = [(f.start, f.end) for f in found] + [(m.start, m.end) for m in mentions]
        taken += [m.span() for m in self.cues.question_words.finditer(text)]  # 1个月 of 一个月多少 is no number told
        taken += [m.span() for m in self.cues.later_words.finditer(text)]  # 再过3个月呢: a time, no number told
        if any(f.fact == "excluded" for f in found):  # 5人里有1人服役4年 其余3年: the rest's, as they were told
            taken += [m.span() for m in _THE_REST_SAID.finditer(text)]
        numbers = [m for m in _QUANTITY.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
        denied = [m for m in numbers if _NEGATED.search(text[max(0, m.start() - 3):m.start()])]  # 不是8年，是10年
        quantities = tuple(_in_yuan(float(m.group(1)), m.group(2) or "", m.start() > turn or bool(denied))
                           for m in numbers if m not in denied)
        quantities = tuple(x for x in quantities if x.value not in was) + tuple(Quantity(v, "", False) for v in was)
        people, general, quantities = _corrected(people, general, quantities, turn < len(text))
        quantities += tuple(_in_yuan(float(m.group(1)), m.group(2) or "", False) for m in denied)  # 不是6年: the value
        # it was, by which the merge finds whose it was
        subjects, quantities = self._headcount(text, subjects, quantities, people, turn < len(text))
        if (merit_counted := _some_of_the_counted(subjects, self._merits)) != subjects:  # 抗美援朝老兵共4人，其中1人
            subjects = merit_counted  # 荣立二等功: the merit is that one's (其中1人不满60岁 takes one off: the merge's)
            general = {k: v for k, v in general.items() if k != "excluded"}
        bare = _BARE.match(self.cues.question_words.sub(" ", text)) if not subjects else None
        cued = list(text)  # cue words are read outside the facts: 快1年了 tells a time, it asks for no year;
        for f in found:  # a figure stays a figure (原来1年交3600: the old fee is told, not asked)
            if isinstance(f.value, (int, float)):
                cued[f.start:f.end] = "0" * (f.end - f.start)
        places = self.cues.places_in(text)
        for start, end in [span for _, span in places] + (left_spans if left_out else []):  # 最多的那个 points at an
            cued[start:end] = "\u3000" * (end - start)  # item, it asks for no cap; 去年没了 asks no old standard
        cue_text = self.cues.without_unstated("".join(cued))  # 最多能贷多少: a detail not stated, no cap asked
        about = self._about(text, mentions)
        actual = bool(_ACTUAL.search(text))
        named_settles = bool(subjects) or any(p.facts.get("veteran_category") for p in people)
        eligible_ones = bool(_ELIGIBLE_ONES.search(text))  # 能领的俩人: all who can, not the last two
        whether = self.definitions.whether_in(text)
        if len(people) == 1 and _NEVER_SERVED.search(text):  # 厂里评了个三等功 他没当过兵: served never
            people = (replace(people[0], facts={**people[0].facts, "served": False}),)
        return Question(
            said=said, text=text, intent=intent, people=people, subjects=subjects, facts=general,
            asked=("department",) if office_asked else self.cues.asked(cue_text),
            asked_said=office_asked or self.cues.asks_a_kind(cue_text),
            follow_up=bool(_FOLLOW_UP.search(text)) or _only_named(text, subjects, people, self.cues.asks_something(cue_text)),
            asks=self.cues.asks_something(cue_text),
            period=self.cues.period(cue_text), both_periods=self.cues.both_periods(cue_text),
            once_met=self.cues.once_met(text), citywide=self.cues.citywide(text),
            denies=any(_DENIES.match(text, start) for start, _ in clauses),
            denied=self._denied_measures(text, clauses),
            total=self.cues.total(text), each=self.cues.several(text), these=self.cues.all_of_them(text),
            here=bool(_HERE.match(text)), here_again=bool(_HERE_AGAIN.match(text)),
            how_many=None if eligible_ones else self.cues.how_many(text),
            correction=corrected is not None or bool(denied) or self.people.denies_a_death(text),
            addition=bool((added := self.cues.addition(text)) and not _REST_COUNTED.match(text, added.start())) or any(
                p.key.startswith(SOME_OF) for p in people),  # (另外2个签的半年合同: the rest of a count, no addition)
            adds_within=self._adds_within(text, subjects),
            adds_outright=self.cues.adds_outright(text), pronoun=pronoun,
            pronoun_unlike=next((_PRONOUN_GENDERS.get(m.said) for m in mentions if m.role == "pronoun"), None)
            if pronoun else None,
            everyone=everyone or eligible_ones or household
            or any(m.role == "pronoun" and m.said in _PLURAL for m in mentions),
            quantities=quantities,
            confirms=self.cues.confirmed(text),
            with_me=any(m.key in self.people.with_me for m in mentions) and all(
                m.key in self.people.with_me or m.key == SELF for m in mentions if m.role in ("person", "group")),
            bare=_bare_quantity(bare) if bare else None,
            unstated=self.cues.unstated_detail(text),
            ambiguous=None if named_settles else self._ambiguous(text), standard_of=self._standard_of(text),
            missing=None if subjects else missing,
            groups=_meant(frozenset(str(f.value) for f in found if f.fact == "group")
                          | {g for p in people if p.key == SELF for g in p.facts.get("groups", ())}),
            elsewhere=elsewhere, about=about, money=bool(_MONEY.search(cue_text)), number=bool(_NUMBER.search(cue_text)),
            defines=self.definitions.asked_in(text) or whether,
            judged=self.definitions.judged_in(text), supposed=bool(_SUPPOSED.search(text)) and not actual,
            actual=actual, against_told=bool(_AGAINST_TOLD.search(text)),
            whose_figure=_the_figure(text) if self.cues.asks_whose_figure(text) or _FIGURE_ALONE.match(text) else None,
            whether=whether is not None,
            question_form=bool(_QUESTION_FORM.search(text)),
            span=self.cues.span(cue_text), later=self.cues.later(text), split=split, portion=self.cues.portion(text),
            section=section,
            per_share=self.cues.per_share(cue_text), per_head=self.cues.per_head(cue_text),
            chitchat=bool(self._chitchat.search(text)), places=tuple(place for place, _ in places), left_out=left_out,
            more=more, worked_years=_worked_years(text),
        )

    def _left_out(self, text: str, spans: list[tuple[int, int]], mentions: list[Mention], found: list[Found]
                  ) -> LeftOut | None:
        """What the message leaves out of the last answer (in `spans`), when it asks of the rest (剩下俩加起来,
        其他的, 一共, 就剩俩了): 除了我妈 alone may start a question of its own."""
        if not spans or not (self.cues.total(text) or _THE_REST.search(text) or "rise" in self.cues.asked(text)
                             or _EXCEPT_FRAMED.search(text) and _HOW_MUCH_OR_THEN.search(text) or _EXCEPT_ALONE.match(text)):
            return None  # (不算立功的部分，比去年多多少: the rise of the rest; 除我妈外呢: the rest, asked again)
        inside = lambda start: any(s <= start < e for s, e in spans)  # noqa: E731
        left = LeftOut(frozenset(m.key for m in mentions if m.role == "person" and inside(m.start)),
                       frozenset(m.id for s, e in spans for m in self.store.all_named_in(text[s:e])),
                       {f.fact: f.value for f in found if inside(f.start)},
                       int(rest.group(1)) if (rest := _THE_REST_COUNTED.search(text)) else None)
        return left if left.people or left.measures or left.facts else None

    # ---- facts
    def _facts(self, text: str, turn: int) -> list[Found]:
        """The facts stated, each where it stands; one denied is no fact (不是抗美援朝, 抗日那会他还小); after a correction
        (哦不对，是十年), a fact replaces the one of its kind said before it."""
        found = [f for f in self.extract(text) if not _NEGATED.search(text[max(0, f.start - 3):f.start])
                 and not _NEGATED_AFTER.match(text, f.end)
                 and not _AWAITED.search(text[max(0, f.start - 6):f.start])]  # 还差半年满60: not yet 60
        after = {f.fact for f in found if f.start > turn}
        return _the_rest_of_a_list([f for f in found if f.start > turn or f.fact not in after], text)

    def _survivors_listed(self, subjects: list[Subject], text: str, no_one: bool) -> list[Subject]:
        """三属 年标 烈属 因公 病故 / 病故 月: operators list the survivors' categories by the soldier's death alone
        (因公, 病故) or all three by 三属; in a list that names survivors (俩遗属 一个病故的 一个烈士的), or a message
        of such short words that names no one, each such word is that death's survivors."""
        kinds = {kind: m for kind in self.people.fallen
                 if (m := self.store.made_for("veteran_category", self.people.survivor(kind, "spouse") or ""))}
        tokens = [t for t in _LIST_WORDS.split(text) if len(t) >= 2]
        terse = no_one and bool(tokens) and all(len(t) <= 4 for t in _LIST_WORDS.split(text) if t)
        listed = {m.id for m in kinds.values()}
        if not ("三属" in text or "遗属" in text or terse or any(s.measure in listed for s in subjects)):
            return subjects
        bare = [_COUNTED_HEAD.sub("", t).rstrip("的") for t in tokens]  # 1个烈士的: 烈士
        said = [m for kind, m in kinds.items() if "三属" in text or any(
            any(w.startswith(t) for w in self.people.fallen[kind]["words"]) for t in bare if t)]
        have = {s.measure for s in subjects}
        return [*subjects, *(Subject(m.id, None) for m in said if m.id not in have)]

    def _of_the_one_told_after(self, people: tuple[Person, ...], subjects: tuple[Subject, ...]) -> tuple[Subject, ...]:
        """抗美援朝老兵每年多少钱啊我爷爷今年八十七了: a category's standard asked of no one, and one relative told of
        after it with nothing of what they are: the standard is asked for them."""
        if len(people) != 1 or people[0].key == SELF or people[0].count != 1 or set(people[0].facts) - {"age", "gender"} \
                or not subjects or any(x.person is not None for x in subjects):
            return subjects
        if not all(self.store.get(x.measure).categories for x in subjects):
            return subjects
        return tuple(replace(x, person=people[0].key) for x in subjects)

    def _each_with_their_own(self, people: tuple[Person, ...], subjects: tuple[Subject, ...]) -> tuple[Subject, ...]:
        """无公害初次认证 A社1个产品 B社3个产品 C社10个产品 各奖补 / A社初次3个产品获无公害认证，B社初次2个产品: one
        award, of no one or of the first told, then those it is for, each told with their own count of what it
        reckons with: the award is asked of each of them; so are lines of one measure made for each count said
        (A家介绍了20人 B家35人 C家12人 每家多少), when the counts are theirs in the order told."""
        paired = list(zip(subjects, people, strict=False))
        if len(people) > 1 and len(subjects) == len(people) and len({x.measure for x in subjects}) == 1 and all(
                x.person is None and x.facts and x.facts.items() <= p.facts.items() for x, p in paired):
            return tuple(replace(x, person=p.key, facts={}) for x, p in paired)
        if len(subjects) != 1 or subjects[0].person not in (None, people[0].key if people else None) or len(people) < 2:
            return subjects
        reckons = set(inputs(self.store.get(subjects[0].measure))) - set(PERSONAL)
        if not reckons or not all(p.count == 1 and reckons & set(p.facts) for p in people):
            return subjects
        return tuple(replace(subjects[0], person=p.key, facts={}) for p in people)

    def _of_people(self, measure_id: str) -> bool:
        """A measure paid to people of a category (or for a merit: 立过三等功的优抚对象有12个), whose number may be
        counted beside it; not one counting its own things (placements, products, sites)."""
        measure = self.store.get(measure_id)
        return bool(measure.categories) or "merit" in inputs(measure)

    def _headcounts_each(self, text: str, subjects: tuple[Subject, ...]) -> tuple[Subject, ...] | None:
        """抗日2人 抗美援朝1人 年合计 / 职业介绍补贴12人 一次性创业补贴3人: of several measures of no one, each with
        the number of people said right after its name: a category's people, or the people a subsidy pays for; None
        unless every one of them has its own."""
        alone = [x for x in subjects if x.person is None and x.count is None
                 and (self._of_people(x.measure) or self._per_head(x.measure))]
        payees = [x for x in subjects if x.person is None and x.count is None and self._counted_in(x.measure)]
        heads = _EACH_HEADS
        if payees and len(payees) == len(subjects) and not alone:  # 地理标志登记2家 有机新认证3家: payees of their own kind
            counted_in = alternation(self._counted_in(payees[0].measure))
            alone, heads = payees, re.compile(rf"(?<![\d.])([1-9]\d{{0,3}})\s*(?:{counted_in})")
            if len(payees) == 1 and len(said := heads.findall(text)) == 1 and int(said[0]) > 1 and not _OTHER_THINGS.search(
                    text):  # (我们合作社有3家门店: its shops, not 3 cooperatives)
                return (replace(payees[0], count=int(said[0])),)  # 另外还有2家首次获有机产品认证: its payees
        if len(alone) < 2 or len(alone) != len(subjects):
            return None  # 介绍了9个 … 12人: a placement subsidy counts placements, never the people it is for
        counts: dict[str, int] = {}
        start = 0
        for m in heads.finditer(text):
            named = {x.id for x in self.store.all_named_in(text[start:m.start()])} & {x.measure for x in alone}
            start, each = m.end(), text[max(0, m.start() - 1):m.start()] == "各"  # 抗日、抗美援朝老兵各2人: both
            if named & set(counts) or len(named) > 1 and not each:
                return None
            counts.update(dict.fromkeys(named, int(m.group(1))))  # 共3人 names none: the sum's, no one's
        if set(counts) != {x.measure for x in alone}:
            return None
        return tuple(replace(x, count=counts[x.measure] if counts[x.measure] > 1 else None)
                     if self._of_people(x.measure) or x in payees else replace(x, facts={**x.facts, "count": counts[x.measure]})
                     for x in subjects)

    def _counted_in(self, measure_id: str) -> tuple[str, ...]:
        """The words its payees are counted in (家, 个合作社), when a measure is paid to each of a group of them."""
        groups = load_groups()
        return tuple(w for g in self.store.get(measure_id).groups for w in groups.get(g, {}).get("counted_in", ()))

    def _per_head(self, measure_id: str) -> bool:
        """A measure summed over a count of people it pays for (一次性创业补贴 for each starter)."""
        return "count" in inputs(self.store.get(measure_id))

    def _headcount(self, text: str, subjects: tuple[Subject, ...], quantities: tuple[Quantity, ...],
                   people: tuple[Person, ...], correcting: bool) -> tuple[tuple[Subject, ...], tuple[Quantity, ...]]:
        """烈士遗属 年标 2人 合计 / 抗美援朝老兵 3人×年标 / 俺们村老义务兵有5个: a category's standard times the
        people counted, the count apart from the category's name; a count said in a correction (应为 3人) is left
        to the merge, which knows the group it recounts."""
        if not people and not correcting and (each := self._headcounts_each(text, subjects)):
            return each, tuple(x for x in quantities if x.unit not in _HEADS)
        heads = _the_headcount(subjects, quantities, text)
        if heads is None or people or correcting:
            return subjects, quantities
        if not self._of_people(subjects[0].measure):
            return subjects, quantities
        return (replace(subjects[0], count=int(heads.value)),), tuple(x for x in quantities if x is not heads)

    def _attribute(self, text: str, clauses: list[tuple[int, int]], mentions: list[Mention], found: list[Found]
                   ) -> tuple[tuple[Person, ...], dict[str, Any], tuple[Subject, ...], bool, bool]:
        """Each clause's facts to the people it speaks of, its measures to them as subjects; a clause that names
        no one speaks of the person before it (我爸72岁，当过8年兵), or of no one at all."""
        facts: dict[str, dict[str, Any]] = {}
        labels: dict[str, tuple[str, int]] = {}
        general: dict[str, Any] = {}
        subjects: list[Subject] = []
        current: list[str] = []
        everyone = pronoun = False
        group_of: dict[str, str] = {}  # member → the group it belongs to (老大 of 兄妹3个)
        group: Mention | None = None  # the last counted group, while its members are being named
        first_named = last_named = 0  # subjects[first_named:last_named]: of no one, named in the last clause naming any
        listed: list[str] = []  # 我儿子牺牲了 我和老伴都是…: those named one after another, telling nothing yet (都: them)
        for start, end in clauses:
            joined = False
            here = [m for m in mentions if start <= m.start < end]
            named = [m for m in here if m.role in ("person", "group")]
            if any(m.role == "everyone" for m in here):
                everyone = True
                targets = listed if len(listed) > 1 else [k for k in labels if k not in group_of.values()] or current
            elif named and any(m.key in self.people.with_me for m in named):  # 俺俩: me and the one just named
                others = [k for k in labels if k != SELF]
                labels.setdefault(SELF, ("您", 1))
                targets = [SELF, *others[-1:]]
            elif named:
                targets = list(dict.fromkeys(m.key for m in named))
                joined = bool(listed) and bool(_JOINED.search(text[:start]))
                if joined:  # 我大伯和我三姑是烈士子女: both of them
                    targets = list(dict.fromkeys([*listed, *targets]))
                for m in named:
                    labels.setdefault(m.key, (m.label, m.count))
                    if m.role == "group" and m.count > 1:
                        group = m
                    elif m.role == "person" and group is not None and m.key != SELF:
                        group_of[m.key] = group.key
                        if sum(1 for g in group_of.values() if g == group.key) >= group.count:
                            group = None
            elif any(m.role == "pronoun" for m in here):
                pronoun = pronoun or not current
                others = [k for k in current if k != SELF] or [k for k in labels if k != SELF]
                targets = others[-1:] if SELF in current and others else current  # 我61 她59: 她 is never 我
                word = next(m.said for m in here if m.role == "pronoun")
                if (unlike := _PRONOUN_GENDERS.get(word)) and any(
                        self.people.gender(k, "", labels[k][0]) == unlike for k in targets):  # 老伴她爹是烈士 她63:
                    fit = [k for k in labels if k != SELF and self.people.gender(k, "", labels[k][0]) != unlike]
                    targets = fit[-1:] or targets  # she is the last one spoken of who may be a she
            else:
                targets = current
            current = targets if named or any(m.role in ("everyone", "pronoun") for m in here) else current  # 俩人都…，各开了个店
            said: dict[str, Any] = {}
            for f in found:
                if start <= f.start < end:
                    said[f.fact] = _merits(said.get(f.fact), f.value) if f.fact == "merit" else said.get(f.fact, f.value)
            counted = next((m for m in named if m.role == "group" and m.count > 1), None)
            if any(f.fact == "service_years" and _SUMMED.search(text[max(start, f.start - 6):f.end])
                   for f in found if start <= f.start < end):  # 5名老兵，服役年限合计23年: the 23 years are all of theirs
                counted = None
                for key in targets:
                    labels[key] = (labels[key][0], 1)
                    subjects = [replace(x, count=None) if x.person == key else x for x in subjects]
            who = [(f.start - start, f.end - start) for f in found if f.fact == "group" and start <= f.start < end]
            fallen = self.people.fallen_in(text[start:end]) if targets else None
            in_clause = [] if _DENIES.match(text, start) else self.store.all_named_in(text[start:end])
            told = {k: v for k, v in said.items() if k not in PERSONAL}
            if not in_clause and not targets and told and last_named == len(subjects) and last_named > first_named:
                subjects[first_named:] = [replace(x, facts={**told, **x.facts}) for x in subjects[first_named:]]
                first_named = last_named  # 无公害 2个产品 绿色食品 1个产品: each count is of the measure before it
            so_far = len(subjects)
            for measure in in_clause:
                if _denied(text[start:end], measure) or _theirs(text, start, end, measure):
                    continue  # 我爸不是抗美援朝老兵 / 我妈是抗美援朝老兵的遗孀: not theirs
                if who and _named_only_by(text[start:end], measure, who) and (any(
                        x.measure == measure.id for x in subjects) or not any(  # 职业介绍补贴 俺们中介: named already
                        _MONEY.search(text[start + e:start + e + 10]) for _, e in who) and not (  # 低保1个月给多少钱
                        {f.fact for f in found} - set(PERSONAL) - {"group"}) & set(inputs(measure))):  # asks it; 有资质
                    # 的中介 免费介绍了8个 tells what it pays for
                    continue  # 我是享受低保的: the word says who they are, it asks nothing of the 低保 standard
                own = {k: v for k, v in said.items() if k not in PERSONAL}
                own.update(_its_own(text[start:end], [f for f in found if start <= f.start < end], start, measure,
                                    in_clause))  # 无公害5个加绿色2个: each the count said after it
                whose: list[str | None] = [None] if fallen and "survivor" in measure.groups else [*targets] or [None]
                if len(whose) > 1 and not joined and not any(m.role == "everyone" for m in here):
                    whose = [None]  # 我和我爸 … 抗美援朝老兵: whose, the words do not say
                kind_told = bool(set(said) & {"veteran_category", "merit"})  # 打过解放战争: who they are
                if targets and not here and not kind_told and len(labels) > 1:  # 我和我媳妇都想创业 … 能有创业补贴吗:
                    # each whom it is for (俺老丈人91了 打过解放战争 tells of him: his)
                    whose = [k for k in labels if set(facts.get(k, {}).get("groups", ())) & set(measure.groups)] or whose
                subjects += [Subject(measure.id, key, own, counted.count if counted else None) for key in whose]  # 都是: each
            if len(subjects) > so_far and all(x.person is None for x in subjects[so_far:]):
                first_named, last_named = so_far, len(subjects)
            elif len(subjects) > so_far or named:
                first_named = last_named = len(subjects)
            if targets and (kind := fallen):  # 我老伴牺牲在部队: a soldier fallen
                if not named and _HER_SPOUSE.search(text, start, end):  # 我奶奶是遗属，她前夫是当兵时候病故的: the
                    for key in targets:  # one she survives died, not she; his death says her kind, if none was told
                        hers = facts.setdefault(key, {})
                        if "veteran_category" not in hers and (kind_of_hers := self.people.survivor(kind, "spouse")):
                            hers["veteran_category"] = kind_of_hers
                    targets = []
                for key in targets:
                    before = facts.setdefault(key, {}).get("fallen")
                    if before is None or list(self.people.fallen).index(kind) < list(self.people.fallen).index(before):
                        facts[key]["fallen"] = kind
                said = {k: v for k, v in said.items() if k != "veteran_category"}  # the fallen is no survivor
            for fact in of_no_one() & set(said):  # 她原来每月400 农村低保标准涨了8%: the city's, not hers
                general[fact] = said.pop(fact)
            if targets:  # what a clause about someone tells is their situation
                if said.get("count") in (len(targets) if len(targets) > 1 else None, self.cues.how_many(text)):
                    # 两个人都健在: how many they are; 要是姥爷服役是6年呢,2个人: how many are asked of; no count of theirs
                    said = {k: v for k, v in said.items() if k != "count"}
                for key in targets:
                    for fact, value in said.items():
                        before = facts.setdefault(key, {}).get(fact)
                        facts[key][fact] = _merits(before, value) if fact == "merit" else value
                        if fact == "group":  # 失业了…开了个店: a job seeker still, and an entrepreneur too
                            facts[key]["groups"] = (*facts[key].get("groups", ()), value)
                    if len(targets) == 1 and (gender := self.people.gender(key, text[start:end], labels[key][0])):
                        facts.setdefault(key, {})["gender"] = gender
            else:
                for fact, value in said.items():
                    general.setdefault(fact, value)
                if "age" in said and (gender := self.people.gender("", text[max(0, start - 2):end])):
                    general.setdefault("gender", gender)  # 来电 男46 / 来电 男 49周岁: the caller's, as operators
                    # write it (the 男 a clause of its own before the age)
            tells = said or in_clause or fallen
            listed = [*listed, *(m.key for m in named if m.key not in listed)] if named and not tells else []
        plan_named = [m.span() for m in _PLAN_NAMES.finditer(text)]
        by_name = [s for s in subjects if s.measure in self._plan_itself
                   and _named_only_by(text, self.store.get(s.measure), plan_named)]
        if by_name and (len(by_name) < len(subjects) or any(f.fact == "group" for f in found) or self.not_in_plan(text)
                        or _HERE_AGAIN.match(text)):  # 失能照护保险，暖流计划里咋说的 / 暖流计划对我有啥实惠 /
            # 暖流计划里有取暖补贴吗 / (2019年的呢 —) 那2017年暖流计划里的呢: the plan's name is context
            subjects = [s for s in subjects if s not in by_name]
        if (lead := _THIS_ONES_LEAD.search(text)) and all(_named_only_by(text, self.store.get(s.measure), [lead.span()])
                                                          for s in subjects):
            subjects = []
        subjects = self._survivors_listed(self._each_listed(self._specific(subjects, text), found, text), text,
                                          not labels)
        merit_only = {member for member, kin in group_of.items()  # 俩舅舅都是抗日老兵，大舅立过二等功: fewer named
                      if sum(1 for g in group_of.values() if g == kin) < labels[kin][1]  # than counted, and of the one
                      and "merit" in facts.get(member, {})  # named only a merit: the group keeps its lines, the one
                      and set(facts[member]) <= {"merit", "gender"}}  # named gets the merit's
        for member, kin in group_of.items():  # 兄妹3个都是烈士子女，老大68: each member is the group's kind
            if not member.startswith(SOME_OF) and member not in merit_only:  # (其中2个立过功: counted in the group,
                facts[member] = {**facts.get(kin, {}), **facts.get(member, {})}  # with its facts, already)
        subjects = [x for x in subjects if x.person not in merit_only or not self.store.get(x.measure).categories]
        named_apart = {kin for member, kin in group_of.items() if not member.startswith(SOME_OF) and member not in merit_only}
        subjects = [y for x in subjects for y in ([replace(x, person=member, count=None) for member, kin in group_of.items()
                                                   if kin == x.person] if x.person in named_apart else [x])]
        # 2个合作社 第1次拿无公害认证 1个3个产品 1个9个产品: what the group got, each of its parts got
        for key in labels:  # 其中2个立过三等功: counted in the group already, only what they alone did is theirs;
            if key.startswith(SOME_OF):  # the category said names the group they are of (抗日的有1个), no line of its own
                facts[key] = {k: v for k, v in facts.get(key, {}).items() if k != "veteran_category"}
                subjects = [x for x in subjects if x.person not in (key, None) or not self.store.get(x.measure).categories]
                general = {k: v for k, v in general.items() if k != "veteran_category"}
        people = tuple(Person(key, labels[key][0], labels[key][1], facts.get(key, {}))
                       for key in labels if key not in named_apart)  # a group named in parts is its parts
        if not subjects and (by_figure := self._named_by_its_figure(text)) is not None:
            subjects = [Subject(by_figure, people[0].key if len(people) == 1 else None)]
        return people, general, tuple(subjects), everyone, pronoun

    def _section_for(self, text: str, people: tuple[Person, ...], general: Mapping[str, Any]) -> str | None:
        """农民有啥好处 / 科研人员有哪些政策: with no one's own case told, the part of the plan that is for those
        named (我是农民 有啥补贴 is a case: their own list)."""
        found = None if people or general else self._for_people.search(text)
        return self._aspect_people[found.group(1)] if found else None

    def _adds_within(self, text: str, subjects: tuple[Subject, ...]) -> bool:
        """新认证有机的 再加上地理标志 一共: two awards of the message's own summed, the addition said after the first
        (再加上邻村一个抗日老兵呢 adds to what was asked before; 抗日老兵 再加上烈士遗属 goes on with a household)."""
        said = self.cues.addition(text)
        return said is not None and len({s.measure for s in subjects}) > 1 and not any(
            s.person is not None or self.store.get(s.measure).categories for s in subjects) and (
            self.store.named_in(text[:said.start()]) is not None)

    def _named_by_its_figure(self, text: str) -> str | None:
        """能领五千那个补贴不: a benefit named by its figure, the one measure whose quote states that figure."""
        named = _FIGURE_NAMED.search(text)
        figure = _the_figure(named.group(1)) if named else None  # of 100 or more: 我爸70那个补助 names no 70
        stated = self.store.stating(figure) if figure is not None else []
        return stated[0].id if len(stated) == 1 else None

    def _not_covered(self, text: str, mentions: list[Mention], people: tuple[Person, ...],
                     subjects: tuple[Subject, ...]) -> tuple[tuple[Person, ...], tuple[Subject, ...]]:
        """我是烈士的外孙 / 我姥爷是对越自卫反击战老兵: a person the plan's measures do not cover, by the words after
        their name up to the next person's: no category or measure of theirs, and what the plan says instead."""
        named = [m for m in mentions if m.role == "person"]
        outside: dict[str, str] = {}
        absorbed: set[str] = set()  # 他是烈士的重孙子: 孙子 says what he is, it is no one else
        for i, m in enumerate(named):
            after = named[i + 1] if i + 1 < len(named) else None
            said = text[m.end:after.end if after else len(text)]
            before = next((p.facts.get("veteran_category") for p in people if named[:i] and p.key == named[i - 1].key), None)
            if (found := self.people.not_covered(said) or self.people.kin_of_a_veteran(said, before)) is not None:
                outside[m.key] = found[1]
                if after is not None and said.endswith(found[0][-len(after.said):]):
                    absorbed.add(after.key)
        if not outside:
            return people, subjects
        people = tuple(replace(p, facts={**{k: v for k, v in p.facts.items() if k not in IMPLYING_FACTS},
                                         "outside": outside[p.key]}) if p.key in outside else p
                       for p in people if p.key not in absorbed)
        return people, tuple(x for x in subjects if x.person not in outside)

    def _short_contracts(self, text: str, general: dict[str, Any]) -> dict[str, Any]:
        """介绍了8个 5个签了两年合同 仨签了八个月 / 签1年以上合同16人 其余合同3个月: those whose contract is shorter
        than a measure requires are taken off the count (`excluded`), the others' contract is the one told."""
        shortest = self._shortest_contract
        said: list[re.Match[str]] = []
        for pattern in _PARTS:  # 有3个只签了半年合同那3个算不算: one part, read one way only
            said += [p for p in pattern.finditer(text) if not any(p.start() < x.end() and x.start() < p.end() for x in said)]
        parts = [(COUNTS.get(p["n"]) or int(re.sub(r"\D", "", p["n"])), _contract(p)) for p in said]
        if shortest is None or not parts:
            return general
        counted = next((r for r in _REST_COUNTED.finditer(text)  # (另外2个签的半年合同: a part read already)
                        if not any(r.start() < x.end() and x.start() < r.end() for x in said)), None)
        if counted is not None:  # 有5个只签了半年的 其余15个是1年以上: 20 in all
            parts.append((int(counted["n"]), _contract(counted)))
            general = {**general, "count": sum(n for n, _ in parts)}
        elif (rest := _REST.search(text)) is not None and isinstance(general.get("count"), int):
            parts.append((general["count"] - sum(n for n, _ in parts), _contract(rest)))
        short = sum(n for n, years in parts if years < shortest)
        long = [years for n, years in parts if years >= shortest]
        if not short or short < 0:
            return general
        if not long and general.get("count") == short:  # 还有6个人合同只签了半年: all those counted are short
            return {**general, "contract_years": min(years for _, years in parts)}
        return {**general, "excluded": short, **({"contract_years": max(long)} if long else {})}

    def _short_running(self, text: str, general: dict[str, Any]) -> dict[str, Any]:
        """5个就业困难人员自主创业 其中3个执照满半年以上 1个4个月 1个刚办: when the parts told add up to those
        counted, the ones in business for less than a measure requires are taken off (`excluded`), as contracts are."""
        parts = [(int(p["n"]), 0 if p["new"] else round(_contract(p) * 12)) for p in _RUNNING_PARTS.finditer(text)]
        fewest, n = self._fewest_months, general.get("count")
        if fewest is None or len(parts) < 2 or "excluded" in general or sum(k for k, _ in parts) != n or \
                _PLACED.search(text):
            return general  # (介绍了5个 其中3个干了2年: placements, whose contracts count)
        short = sum(k for k, months in parts if months < fewest)
        running = [months for _, months in parts if months >= fewest]
        if not short or not running:
            return general
        return {**general, "excluded": short, "months_in_business": max(running)}

    def _specific(self, subjects: list[Subject], text: str) -> list[Subject]:
        """那个三品一标的 无公害认证: a word the measures of a family share, said in a clause of its own beside one of
        them named by its own words, names that one (the whole message read at once says which)."""
        if len({x.measure for x in subjects}) < 2:  # one measure or none: nothing to choose between
            return subjects
        subjects = self._restated(subjects, text)
        whole = {m.id for m in self.store.all_named_in(text)}
        if not whole or {x.measure for x in subjects} <= whole:
            return subjects
        words = {m.id: set(self.store.get(m.id).keywords) for m in map(self.store.get, whole)}
        return [x for x in subjects if x.measure in whole or x.person is not None or not any(
            set(self.store.get(x.measure).keywords) & words[m] for m in whole)]

    def _restated(self, subjects: list[Subject], text: str) -> list[Subject]:
        """有机认证是第一年再认证: a measure of a family said to be another of it (A是B, words of both the same
        family's) is that other one."""
        named = {x.measure: _naming(text, self.store.get(x.measure)) for x in subjects if x.person is None}
        family = {m: set(self.store.get(m).keywords) for m in named}
        gone = {a for a, spans in named.items() for b, others in named.items() if a != b and family[a] & family[b]
                and any(_IS.fullmatch(text[end:start]) for _, end in spans for start, _ in others)}
        return [x for x in subjects if x.measure not in gone]

    def _each_listed(self, subjects: list[Subject], found: list[Found], text: str) -> list[Subject]:
        """三等功、二等功、一等功各加多少: a worded fact the measure's calculation reads (a merit level), said with
        several values and of no one in particular, makes one line for each value, in the order said; so does a
        number, where the values are compared or asked each (当12年的比当8年的多拿多少)."""
        out: list[Subject] = []
        done: set[str] = set()  # measures whose levels are listed already
        for s in subjects:
            if s.person is not None or s.measure not in done and s in out:
                out += [s] if s.person is not None else []
                continue
            if s.measure in done:
                continue
            others = {(k, v) for x in subjects if x.measure != s.measure for k, v in x.facts.items()}
            listed = [(fact, values) for fact in inputs(self.store.get(s.measure))  # 3个网点 … 10个人: the 3 is
                      if len(values := list(dict.fromkeys(f.value for f in found if f.fact == fact  # the sites'
                                                          and (fact, f.value) not in others))) > 1
                      and (all(isinstance(v, str) for v in values) or self._compares(text))]
            if not listed:
                out.append(s)
                continue
            fact, values = listed[0]
            heads = {f.value: COUNTS.get(m.groupdict().get("w") or "") or int(m["n"]) for f in found if f.fact == fact
                     and ((m := _LEVEL_HEADS.search(text[max(0, f.start - 8):f.start])) is not None
                          or (m := _HEADS_AFTER.match(text[f.end:f.end + 8])) is not None)}
            out += [replace(s, facts={**s.facts, fact: value}, count=heads.get(value, s.count)) for value in values]
            done.add(s.measure)
        return out

    def _compares(self, text: str) -> bool:
        """当12年的比当8年的 / 各多少 / 1个产品给多少 6个产品呢 给多少: numbers of one fact said to be compared or
        asked each (a question for each), not a correction."""
        return ("difference" in self.cues.asked(text) or self.cues.several(text)
                or len(_ASKED_AGAIN.findall(text)) >= 2)

    def _denied_measures(self, text: str, clauses: list[tuple[int, int]]) -> frozenset[str]:
        """The measures a clause says someone is not of: named after 不是 (不是抗日老兵), or each meaning of a word of
        several said so (不是遗属)."""
        denied = {m.id for start, end in clauses for m in self.store.all_named_in(text[start:end])
                  if _denied(text[start:end], m)}
        for word, question in self.vocabulary.ask.items():
            if any(_NEGATED.search(text[max(0, m.start() - 3):m.start()]) for m in re.finditer(re.escape(word), text)):
                denied |= self._meanings(question)
        return frozenset(denied)

    def _standard_of(self, text: str) -> frozenset[str]:
        """俺爹的老兵标准和俺妈的加一块: the measures of each meaning of a word of several said before 标准, where no
        meaning is named outright (抗日老兵标准加上立功的: that war's, summed with the rest) and nothing else is said
        with it (含老兵标准: the standard and what comes with it; 补助标准 names no kind)."""
        if _MERIT_NAMED.search(text):
            return frozenset()  # 老兵的标准和立功的加一块: the merit named beside it, both asked
        return frozenset().union(*(
            self._meanings(question) for word, question in self.vocabulary.ask.items() if not question.subject_settles
            for said in re.finditer(_NOT_ALONE + re.escape(word) + r"(?:的)?标准(?!加|连同)", text)
            if not any(text.startswith(option, said.start() + len(word) - len(option)) for option in question.options)))

    def _meanings(self, question: Clarification) -> frozenset[str]:
        """The measures a word of several meanings may mean (老兵: the four wars' standards), by the terms offered."""
        return frozenset(m.id for option in question.options for m in self.store.all_named_in(option))

    def _groups_of_people(self, text: str, mentions: list[Mention], found: list[Found]) -> list[Found]:
        """Group words after someone is named (我今年45，女的，原来纺织厂的，失业了): they say who that person is,
        though no 我 stands right before them."""
        first = next((m.end for m in mentions if m.role == "person"), None)
        if first is None:
            return []
        return [f for f in self._groups_said(text)  # 低保 in 能领多少低保 names the standard asked about
                if f.start >= first and not any(g.start < f.end and f.start < g.end for g in found)
                and (not self.store.named_in(text[f.start:f.end]) or text[max(0, f.start - 2):f.start].endswith("是"))]

    def _groups_said(self, text: str) -> list[Found]:
        """Every group word in the text that is not denied (不是低保也不是残疾: neither)."""
        return [f for f in self.extract.groups_in(text) if not _NEGATED.search(text[max(0, f.start - 3):f.start])]

    def _described(self, text: str) -> tuple[Person, ...]:
        """低保户想开个小卖部 有补贴吗 / 家里困难的大学生毕业了没找着工作 自己创业有补贴不: someone described by who
        they are and what they mean to do, no one named: asked as the asker's own case (the plan's measures for
        such a person, the personal ones first), not as a word of a measure."""
        found = self._groups_said(text)
        groups = tuple(dict.fromkeys(str(f.value) for f in found))
        spans = [(f.start, f.end) for f in found]
        if not set(groups) - _NOT_WHO or not _MEANS_TO.search(text) or not all(
                _named_only_by(text, m, spans) for m in self.store.all_named_in(text)):
            return ()  # 大学生创业项目有啥支持: a measure named, not only the words of who they are
        return (Person(SELF, "您", 1, {"group": groups[0], "groups": groups}),)

    # ---- what it is about
    def _about(self, text: str, mentions: list[Mention]) -> str:
        rest = text
        for m in reversed(mentions):
            rest = rest[:m.start] + " " + rest[m.end:]
        return " ".join(self.cues.question_words.sub(" ", rest).split())

    def _ambiguous(self, text: str) -> tuple[str, Clarification] | None:
        """老兵一年多少: a word of several meanings, when nothing else in the message (every such word set aside)
        is a measure's word; whether the conversation settles it is the merge's to say."""
        found = self.vocabulary.ambiguous_in(text)
        if found is None:
            return None
        rest = text
        for word in self.vocabulary.ask:
            rest = rest.replace(word, " ")
        return None if self.store.named_in(rest) or self.store.search(self.cues.question_words.sub(" ", rest), 1) \
            else found

    def not_in_plan(self, text: str) -> tuple[str, str] | None:
        """A benefit the message names (取暖补贴, 独生子女费) by a word the plan never uses: (word, 补贴)."""
        for m in _BENEFIT.finditer(text):
            words = cut(m.group(1).rstrip("有的给发"), self.store.terms)  # the word before 补贴: 今年冬天取暖 →
            if not words:  # 取暖, 买房有补贴没 → 买房; 的补助: none
                continue
            name = words[-1]
            if len(name) < 2 or set(name) & _FUNCTION_CHARACTERS or name in self.cues.not_names or self.people.mentions(name):
                continue
            if any(f.start == 0 and f.end == len(name) for f in self.extract.groups_in(name)):
                continue  # 开店补贴, 创业补贴: the subsidy of who they are (the plan's 创业者), no benefit it lacks
            word, named = name + m.group(2), self.store.named_in(name + m.group(2))
            if (name not in self._plan_text and not named) or (named and m.group(2) in _OWN_BENEFITS and self._unheard(word)):
                return name, m.group(2)  # 养老金 is no 养老 service: a 金 or 费 of its own the plan never names
            if self._unheard(word) and named is not None and not _PAYS.search(named.quote):
                return name, m.group(2)  # 护理补贴: 护理 names a trade to work in, its quote pays nothing
            if _PLAN_NAMES.search(text) and not any(
                    x.id not in self._plan_itself for x in self.store.all_named_in(text)) and (
                    strange := self._strange_name(_named_before(text, m.start(2)), m.group(2))):
                return strange, m.group(2)  # 暖流计划里特困供养金多少: the last word (岗位, 供养) is the plan's, the name
                # as a whole is not, and no measure is named (asked of the plan by its name: 那连补助 names the last
                # answer's; 暖流计划里就业困难人员补贴 names those the plan pays)
        return None

    def _strange_name(self, said: str, benefit: str) -> str:
        """The name said before a benefit, from its first word the plan never uses (公益性岗位, 特困供养), or ""
        when every word of it is the plan's, a person's or everyday talk. Only what follows the plan's own name
        and the last function character is the name (里特困供养: 特困供养)."""
        name = said[max((said.rfind(ch) for ch in _FUNCTION_CHARACTERS), default=-1) + 1:]
        words = cut(name, self.store.terms)
        if words and any(words[-1] + benefit in term for term in self.store.terms):
            return ""  # 网店示范点补助: 示范点补助 is the plan's (电子商务示范点补助), whatever shop it is said of
        for word in words:
            if len(word) > 1 and self._unheard(word) and word not in self.cues.not_names and not (
                    self.people.mentions(word) or self.extract.groups_in(word) or self.normalize(word) != word):
                return name[name.find(word):]
        return ""

    def _unheard(self, word: str) -> bool:
        return word not in self._plan_text and not any(word in term for term in self.store.terms)


IMPLYING_FACTS = ("fallen", *implying())  # what would make a line theirs: a death read of a kin, a fact of a measure
_PREDICATE = re.compile(r"^(?:也|都|还)?(?:是|就是|算是)[^,;.!?\s\d]{0,6}?的?$")  # 是他们的 / 是烈士的 (女儿): what they are


_LIST_ASKED = (r"有啥|有什么|有哪些|都有啥|啥好处|什么好处|哪些好处|啥实惠|什么实惠|啥政策|什么政策|哪些政策|啥措施|哪些措施"
               r"|啥帮助|什么帮助|啥补贴|哪些补贴|什么补贴|啥扶持|哪些扶持|能享受|能得到啥|能拿啥|能领啥")  # what is there for
_SECTION = re.compile(r"关注\s*(\d{1,2})")  # normalised: 关注五 is 关注5
_SECTION_NAMES = "一二三四五六七八九十"


def _section(text: str) -> str | None:
    """关注5是哪块 → 关注五: the part of the plan named as the replies cite it (关注一 to 关注十)."""
    found = _SECTION.search(text)
    n = int(found.group(1)) if found else 0
    return f"关注{_SECTION_NAMES[n - 1]}" if 1 <= n <= len(_SECTION_NAMES) else None


def _meant(groups: frozenset[str]) -> frozenset[str]:
    """The groups said, less those a more particular one said stands instead of (精简退职的老职工: no 职工)."""
    return groups - {g for said in groups for g in load_groups().get(said, {}).get("instead_of", ())}


def _some_of_the_counted(subjects: tuple[Subject, ...], merits: frozenset[str]) -> tuple[Subject, ...]:
    """The merit's line of a clause telling some of those counted (其中1人荣立二等功) counts those, not all of them."""
    out = []
    for x in subjects:
        k = x.facts.get("excluded")
        if x.measure in merits and x.count and isinstance(k, int) and k < x.count:
            x = replace(x, count=k if k > 1 else None, facts={f: v for f, v in x.facts.items() if f != "excluded"})
        out.append(x)
    return tuple(out)


def _bare_quantity(bare: re.Match[str]) -> Quantity:
    """The number a whole message is."""
    return _in_yuan(float(bare.group(1).replace("负", "-")), bare.group(2) or "", False)


def _in_yuan(value: float, unit: str, corrects: bool) -> Quantity:
    """A number as said, in 元 when said in 万 (更正 是150万: 1500000元, not 150)."""
    return Quantity(value * 10000, "元", corrects) if unit.startswith("万") else Quantity(value, unit, corrects)


def _counted_kin(text: str, mentions: list[Mention]) -> list[Mention]:
    """我家仨舅都是义务兵 大舅4年 二舅6年 三舅2年 / 三个太爷 大太爷…: kin counted, then each of them named, are those named;
    neither 舅 nor the 我 of 我家 is anyone else."""
    drop: set[int] = set()
    for i, m in enumerate(mentions):
        counted = _COUNTED_KIN.search(text, 0, m.start)
        named = {x.key for x in mentions[i + 1:] if x.role == "person" and x.key[1:] == m.key}  # 大舅, 二太爷
        if m.role == "group" and m.count > 1 and len(named) == m.count:  # 俺俩舅舅 … 大舅70 二舅65: those named
            drop.add(i)
            continue
        if m.role != "person" or counted is None:
            continue
        if len(named) != (COUNTS.get(counted.group(1)) or int(counted.group(1))):
            continue
        drop.add(i)
        drop.update(j for j, x in enumerate(mentions[:i]) if x.end >= counted.start() - 1 and (
            x.role == "member" or x.key == SELF and text[x.end:x.end + 1] == "家"))
    return [m for i, m in enumerate(mentions) if i not in drop]


def _members(text: str, mentions: list[Mention]) -> list[Mention]:
    """俺们村5个老义务兵，1个65当了3年，1个70当了5年: each 1个 after a counted group is one of its members
    (第1位, 第2位 …; of organisations 第1个), until the group's count, and 2个 after one of them two more of it
    (1个一等功 2个三等功: 第2至3位); after as many people named as there are 1个 in a row, each one of them in turn
    (我爸和我老丈人 一个三年一个四年: 爸 3年, 岳父 4年); elsewhere 1个 names no one."""
    kept: list[Mention] = []
    group: Mention | None = None
    taken, unit, parted = 0, "位", False
    in_turn = _in_turn(mentions)
    for at, m in enumerate(mentions):
        if at in in_turn:
            kept.append(replace(in_turn[at], start=m.start, end=m.end))
            continue
        if _told_apart(text, m, group, taken):  # 其中2个立过三等功 / 抗日的有1个立过一等功: of those counted already
            kept.append(Mention(f"{SOME_OF}{m.count}{unit}", f"{SOME_OF}{m.count}{unit}", m.start, m.end, "person",
                                m.count))
            continue
        if m.role == "group" and m.count > 1 and m.count == sum(
                COUNTS.get(h["w"] or "") or int(h["n"] or 0) for h in _MERIT_HEADS.finditer(text, m.end)) and sum(
                x.count for x in mentions[at + 1:] if x.role == "member") < m.count:
            group = None  # counted again by level (俩三等功), not member by member: as if the group were not said
            continue
        if m.role == "group" and m.count > 1:  # counted before, not a group of their own
            group, taken, parted = m, 0, _parted(mentions[at + 1:], m.count)
            unit = "个" if _ORGANISATIONS.match(text, m.end) or _ORGANISATIONS.search(m.key) else "位"
        elif m.role == "member":
            if group is None or taken + m.count > group.count or (m.count > 1 and not taken and not parted):
                continue  # 2个 first of all is no member named: 4个老兵 2个当了3年 splits the group (a merge rule)
            first, taken = taken + 1, taken + m.count
            said = f"{MEMBER_PREFIX}{first}{unit}" if m.count == 1 else f"{MEMBER_PREFIX}{first}至{taken}{unit}"
            m = Mention(f"{MEMBER_PREFIX}{first}{unit}", said, m.start, m.end, "person", m.count)
        kept.append(m)
    return kept


def _the_survivor_asking(people: tuple[Person, ...], mentions: list[Mention], me: Iterable[str]) -> tuple[Person, ...]:
    """我丈夫在部队得病走的 一年补多少: the one asking of their own soldier fallen, and naming no one else, asks as his
    survivor (the merge makes them one, by kinship)."""
    if len(people) != 1 or not people[0].facts.get("fallen") or not any(
            m.key == people[0].key and m.owner in me for m in mentions):
        return people
    return (*people, Person(SELF, "您"))


def _in_turn(mentions: list[Mention]) -> dict[int, Mention]:
    """The 1个 said in a row right after the people named, one for each of them and no counted group before
    (我爸和我老丈人都当过义务兵 一个三年一个四年): at each one's place, the person it stands for, in the order named."""
    for at, m in enumerate(mentions):
        if m.role == "group" and m.count > 1:
            return {}
        if m.role != "member":
            continue
        named = list({x.key: x for x in mentions[:at] if x.role == "person"}.values())
        row = [i for i, _ in itertools.takewhile(lambda x: x[1].role == "member" and x[1].count == 1,
                                                  enumerate(mentions[at:], at))]
        return dict(zip(row, named, strict=True)) if len(named) == len(row) > 1 else {}
    return {}


def _named_before(text: str, at: int) -> str:
    """The words naming a benefit said at `at`: after the plan's own name (暖流计划里特困供养金: 里特困供养), or before
    it when nothing but a verb follows it (买新能源车暖流计划给补贴: 买新能源车)."""
    plan = [m for m in _PLAN_NAMES.finditer(text, 0, at)]
    before = text[max(0, at - 8):at] if not plan else text[plan[-1].end():at]
    if plan and not before.rstrip("有的给发"):
        before = text[max(0, plan[-1].start() - 8):plan[-1].start()]
    return before.rstrip("有的给发")


def _the_rest_of_a_list(found: list[Found], text: str) -> list[Found]:
    """四户的保护费分别是1200、1600、2000、3200元: the sums listed after the first one read are of the same fact, each
    a value of its own (a line each), not numbers of nothing."""
    more = []
    for f in found:
        if f.fact not in _LISTED_SUMS or not isinstance(f.value, (int, float)):
            continue
        at = f.end
        while (item := _LIST_ITEM.match(text, at)) is not None:
            value = float(item.group(1))
            more.append(Found(f.fact, whole(value), item.start(1), item.end(1)))
            at = item.end()
    return sorted([*found, *more], key=lambda f: f.start) if more else found


def _the_rest_in_kinds(text: str, mentions: list[Mention], found: list[Found]) -> list[Mention]:
    """1共8名遗属 其中烈士遗属3人 因公牺牲军人遗属2人 其余是病故军人遗属: the rest of a count told kind by kind is
    a group of the kind said after 其余, counted by what is left (3), not a kind of the last group counted."""
    kinds = [f for f in found if f.fact == "veteran_category"]
    parts = [m for m in mentions if m.role == "group" and _COUNT_SAID.search(m.said) and any(
        m.start <= f.start < m.end for f in kinds)]  # (10名老兵: the count they are parts of)
    if not parts:
        return mentions
    wholes = list(_COUNT_SAID.finditer(text, 0, parts[0].start))  # (1共8名: no group of its own, a count)
    rest = _REST_OF_KINDS.search(text, parts[-1].end)
    kind = next((f for f in kinds if f.start == rest.end()), None) if rest else None
    left = int(wholes[-1].group(1)) - sum(p.count for p in parts) if wholes else 0
    if rest is not None and rest["n"]:  # 其余5人是因公牺牲军人遗属: as many as said
        left = int(rest["n"])
    if rest is None or kind is None or left < 1:
        return mentions
    them = Mention(str(kind.value), f"{kind.value}{left}人", rest.start(), kind.end, "group", left)
    # (其余都是: 都 is of the rest, not of everyone)
    return sorted([m for m in mentions if not them.start <= m.start < them.end] + [them], key=lambda m: m.start)


def _told_apart(text: str, m: Mention, group: Mention | None, taken: int) -> bool:
    """Some of a group already counted, said apart for what only they did: 其中1个抗美援朝的 (a group word after
    其中), 7个 4个…3个… 其中2个 (after the group is all named, or fewer than all of it: 5个老义务兵 其中2个立过功),
    抗日的有1个立过一等功 (of a group counted in an earlier message, a merit told of them)."""
    if m.role == "group":  # (共10名老兵 其中抗日老兵2人 解放战争老兵4人: a count told in kinds, each its own)
        return text.endswith(SOME_OF, 0, m.start) and bool(_MERIT_AFTER.match(text, m.end + len(text[m.end:]) - len(
            text[m.end:].lstrip())))  # (其中1个抗美援朝的 立过一等功: what only they did)
    if m.role != "member":
        return False
    if group is None:
        return bool(_SOME_OF_THOSE.search(text, 0, m.start) and _MERIT_AFTER.match(text, m.end))
    return (taken == group.count or m.count < group.count) and text.endswith(SOME_OF, 0, m.start)  # 5个 其中2个


def _parted(after: list[Mention], count: int) -> bool:
    """5个老义务兵 3个当了3年 2个当了5年: the members said right after a group count all of it, in parts."""
    total = parts = 0
    for m in after:
        if m.role == "everyone":
            continue  # 5个老义务兵 都过60了 3个…: said of them all, between
        if m.role != "member":
            break
        total, parts = total + m.count, parts + 1
        if total == count:
            return parts > 1
    return False


_LISTED = re.compile(r"(?P<verb>服役(?:年限|时间|年数)?(?:为|是|分别)?|当了|当过|当兵|干了|兵龄|军龄)?"
                     r"\s*(?P<run>\d{1,3}(?:\s*(?:岁|周岁|年))?"
                     r"(?:\s*(?:[\s、,和/]|(?<=[岁年]))\s*\d{1,3}"  # 3年4年5年: a unit parts them too
                     r"(?:\s*(?:岁|周岁|年))?)+)(?:(?<=\d)\s+)?(?P<unit>岁|周岁|年)(?![\d多龄])")  # 2/3/4 年
_QUESTION_FORM = re.compile(r"(?:吗|么|不|没|呢|嘛|没有)\s*[?？]?\s*$|[?？]\s*$|还是|能不能|是不是|给不给|有没有|管不管"
                            r"|算不算|要不要|行不行|可不可以|都能|都有|啥|哪|咋|怎么|怎样|什么|为何|几|谁|是否")
_ASKED_OF = re.compile(r"(?:问了|问过|问问|打听了|核实了)(?:一下|下)?(?:我|俺|咱)?$")
_HER_SPOUSE = re.compile(r"[她他](?:的)?(?:前夫|前妻|丈夫|男人|老伴|爱人|老公|媳妇)")
_LIKE = re.compile(r"(?:也)?[1一]样")  # 跟俺二爷一样: the one someone else is like
_WITH = re.compile(r"(?:跟|和|像|同)(?:俺|我|咱)?$")
_ASKED_AGAIN = re.compile(r"多少|几个钱|咋算")  # each figure asked for in a message of several questions
_ALL_AGED = re.compile(r"(?:都|(?<![平人月户村])均)(?:已经|已)?(?:过了?|满了?|超过了?|到了|是|有|在)?\s*(\d{2,3})"
                       r"(?!\s*(?:个|年|元|万|人|户|位|名|%)|月)"  # (均满60 月合计: the age, then a month's sum)
                       r"\s*(?:岁|周岁)?\s*(?:好几|多|以上|往上)?")  # 都过了60 / 都六十好几了
_ONE = r"\d{1,3}(?!\d|\s*(?:年|个?月|元|块|共))"  # one of a listed run: 分别65 61 59 70 (1年1共多少 is asked, not listed)
_LISTED_PRODUCTS = re.compile(r"(?:产品数?|分别)\s*(?:分别)?\s*(?:为|是|有|获得?|过了|认证了?)?\s*"
                              rf"(?P<run>{_ONE}(?:\s*个)?(?:\s*[\s、,和/]\s*{_ONE}(?:\s*个)?)+)\s*(?:个)?"
                              r"(?P<unit>产品)?(?![\d多])")


def _listed_members(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[Found]]:
    """兄妹3人 66 62 57岁 / 老义务兵3人 服役3 4 5年 / 3家合作社 产品数分别为1 4 9: as many numbers listed after a
    counted group as it counts are its members' ages, years of service or products, in order (第1位 / 第1个 …)."""
    groups = [m for m in mentions if m.role == "group" and m.count > 1]
    if not groups or any(m.key.startswith(MEMBER_PREFIX) for m in mentions):
        return mentions, []
    added: list[Mention] = []
    facts: list[Found] = []
    for group in groups:
        runs = sorted((r for pattern in (_LISTED, _LISTED_PRODUCTS) for r in pattern.finditer(text, group.end)
                       if len(re.findall(r"\d+", r.group("run"))) == group.count), key=lambda r: r.start())
        run = runs[0] if runs else None
        if run is None or any(group.end < m.start < run.start() for m in mentions if m.role in ("person", "group")):
            continue
        fact, unit = _listed_fact(run), "个" if _ORGANISATIONS.match(text, group.end) or _ORGANISATIONS.search(
            group.key) else "位"
        if fact is None:
            continue
        for n, number in enumerate(re.finditer(r"\d+", run.group("run")), 1):
            at = run.start("run") + number.start()
            added.append(Mention(f"{MEMBER_PREFIX}{n}{unit}", f"{MEMBER_PREFIX}{n}{unit}", at, at, "person"))
            facts.append(Found(fact, int(number.group()), at, at + len(number.group())))
    return sorted([*mentions, *added], key=lambda m: m.start), facts


_LENGTH = r"(?P<len>\d+|半)\s*(?P<unit>年|个月)(?:以上)?的?(?:劳动)?合?同?"
_SIGNED = r"(?:签了?|签的是?|签订了?|合同)\s*(?:的是)?\s*"
_PARTS = (re.compile(rf"(?P<n>\d+\s*(?:个|人|名|位)|仨|俩)[^\d,。;!?\s]{{0,6}}?{_SIGNED}{_LENGTH}"),
          re.compile(rf"(?:签了?|签订了?){_LENGTH}[^\d,。;!?\s]{{0,6}}?(?P<n>\d+\s*(?:个|人|名|位))"))  # 签1年以上合同缴社保16人
_LISTED_SUMS = ("base_amount",)  # facts of money a message may list for several (households, transfers)
_LIST_ITEM = re.compile(r"\s*元?\s*[、,和及]\s*(\d+(?:\.\d+)?)(?!\s*(?:个|年|人|户|岁|%|月))\s*元?")
_REST_OF_KINDS = re.compile(r"(?:其余|剩下|余下|其他)的?(?:(?P<n>\d+)\s*(?:人|个|名|位))?(?:都|全|均)?(?:是|为|属于)?")
_COUNT_SAID = re.compile(r"(\d+)\s*(?:个|人|名|位)")
_REST_COUNTED = re.compile(rf"(?:其余|剩下的?|其他的?|另外)(?P<n>\d+)\s*(?:个|人|名|位)[^\d,。;!?\s]{{0,4}}?{_LENGTH}")
_REST = re.compile(rf"(?:其余|剩下的?|其他的?)(?:人)?[^\d,。;!?\s]{{0,4}}?{_SIGNED}{_LENGTH}")


_RUNNING_PARTS = re.compile(r"(?P<n>\d+)\s*(?:个|人|名|位)(?:人)?[^\d,。;!?\s]{0,6}?"
                            r"(?:(?P<len>\d+|半)\s*(?P<unit>年|个月)|(?P<new>刚办|刚开|刚领|刚拿|还没办))")
# 其中3个执照满半年以上 1个4个月 1个刚办: a part of those counted and how long each has been in business
_PLACED = re.compile(r"介绍|安置|合同|签")
_OTHER_THINGS = re.compile(r"\d+\s*(?:家|个)\s*(?:门店|店|分店|工厂|厂|分社|基地|公司)")  # counted, but not as payees


def _least_required(store: MeasureStore, fact: str) -> float | None:
    """The smallest minimum any measure requires of the fact (签订1年以上, 经营满6个月以上)."""
    return min((r["min"] for m in store.measures for r in m.requires if r["fact"] == fact and "min" in r), default=None)


def _contract(said: re.Match[str]) -> float:
    """A length in years, as a part of a count says it (两年 2, 八个月 8/12, 半年 0.5): a contract's, or a business's
    time running."""
    length = 0.5 if said["len"] == "半" else int(said["len"])
    return length / 12 if said["unit"] == "个月" else length


def _merits(before: Any, level: Any) -> Any:
    """立过一个三等功一个二等功: every level told of one person, in the order told (one level alone as it is); which
    of them the plan pays, it does not say (bot/plan/calculator.py takes the highest and says so)."""
    told = [*((before,) if isinstance(before, str) else before or ()), *((level,) if isinstance(level, str) else level)]
    told = list(dict.fromkeys(told))
    return told[0] if len(told) == 1 else tuple(told)


def _left_out(people: tuple[Person, ...], general: dict[str, Any]) -> tuple[tuple[Person, ...], dict[str, Any]]:
    """但有4个单位没给交社保: those taken off a count are the count's, not a group of employers spoken of."""
    if not any("excluded" in p.facts for p in people):
        return people, general
    general = {**general, "excluded": next(p.facts["excluded"] for p in people if "excluded" in p.facts)}
    kept = tuple(replace(p, facts={k: v for k, v in p.facts.items() if k != "excluded"}) for p in people)
    return tuple(p for p in kept if p.facts or not _ORGANISATIONS.search(p.label)), general


def _the_caller(people: tuple[Person, ...], general: dict[str, Any]) -> tuple[tuple[Person, ...], dict[str, Any]]:
    """来电 女80 夫服役期间牺牲 烈士: the age told of no one, beside a soldier fallen, is the caller's own — the one
    whose kin he is (his widow, of the plan's survivors)."""
    if "age" not in general or any(p.key == SELF for p in people) or not any("fallen" in p.facts for p in people):
        return people, general
    own: dict[str, Any] = {k: general[k] for k in ("age", "gender") if k in general}
    return (Person(SELF, "您", 1, own), *people), {k: v for k, v in general.items() if k not in own}


def _all_aged(text: str, people: tuple[Person, ...]) -> tuple[Person, ...]:
    """两位老义务兵都过了60: each of them at least that age, where no one said their own (an age requirement up to
    it is met; the reply states no age of theirs)."""
    said = _ALL_AGED.search(text)
    if said is None or len(people) < 2:
        return people
    age = int(said.group(1))
    return tuple(p if "age" in p.facts else replace(p, facts={**p.facts, "age": age}) for p in people)


def _listed_fact(run: re.Match[str]) -> str | None:
    """What a listed run of numbers tells of each member: ages (岁), years of service (服役), products (产品数)."""
    if "产品" in run.group(0):
        return "product_count"
    if run.re is _LISTED_PRODUCTS:  # 分别1 4 9 without 产品: no telling what they count; 分别65 61 59 70: ages
        numbers = [int(n) for n in re.findall(r"\d+", run.group("run"))]
        longest, oldest = load_specs()["service_years"].max or 0, load_specs()["age"].max or 0
        aged = "个" not in run.group(0) and all(longest < n <= oldest for n in numbers)
        return "age" if aged else None
    return "age" if run.group("unit") in ("岁", "周岁") else "service_years" if run.group("verb") else None


def _of_the_kind_named(people: tuple[Person, ...], general: Mapping[str, Any], subjects: tuple[Subject, ...],
                       members: list[Person]) -> tuple[tuple[Person, ...], tuple[Subject, ...]]:
    """烈士老年子女 兄妹3人 66 62 57岁 / 3家合作社初次获无公害认证 产品数分别为1 4 9: the category named before a
    listed group (or before those 都 or 兄妹 speak of), of no one else, and the measures said of the group are each
    member's."""
    if not members:
        return people, subjects
    keys = {p.key for p in people}
    of_group = [x for x in subjects if x.person is not None and x.person not in keys]
    if of_group:  # the group itself is no one now: its members are
        subjects = tuple(x for x in subjects if x not in of_group) + tuple(
            replace(x, person=p.key, count=None) for x in of_group for p in members)
    kind = general.get("veteran_category")
    of_no_one = [x for x in subjects if x.person is None]
    if kind is None or any("veteran_category" in p.facts for p in people) or len(of_no_one) != 1:
        return people, subjects
    people = tuple(replace(p, facts={**p.facts, "veteran_category": kind}) if p in members else p for p in people)
    return people, tuple(x for x in subjects if x.person is not None) + tuple(
        replace(of_no_one[0], person=p.key) for p in members)


def _only_named(text: str, subjects: tuple[Subject, ...], people: tuple[Person, ...], asks: bool) -> bool:
    """解放战争老兵 (after 抗美援朝老兵涨了百分之几): a short message that only names what to ask of, as operators
    and voice input put it, is 那X呢: the same question of it."""
    return bool(subjects) and not people and not asks and len(text) <= 12 and not any(ch.isdigit() for ch in text)


def _subjects_only(text: str, mentions: list[Mention], speakers: frozenset[str]) -> list[Mention]:
    """Mentions of people spoken of, not of what they are: in 俺爸是他们儿子, 儿子 (and 他们) say what 爸 is."""
    kept: list[Mention] = []
    for m in mentions:
        person = next((k for k in reversed(kept) if k.role == "person"), None)
        if m.role == "person" and person is not None and _PREDICATE.match(text[person.end:m.start]) \
                and m.owner not in speakers:  # 俺姥姥是烈士遗属俺妈是…: 俺妈 is someone else, said run on
            kept = [k for k in kept if k.start < person.end or k.role != "pronoun"]
            continue
        if m.role == "person" and kept and kept[-1].role == "pronoun" and person is not None \
                and _PREDICATE.match(text[kept[-1].end:m.start]) and m.owner not in speakers:
            continue  # 俺老舅也算上 他是烈士的儿子: 儿子 says what 他 (老舅) is
        kept.append(m)
    return kept


def _ages_after_names(text: str, mentions: list[Mention], found: list[Found]) -> list[Found]:
    """老大68 / 我爸都72了 / 他61: a number right after a person named, which no other fact took, is their age;
    after a group's member, or one of the people named said as 1个, years are their service (5个老义务兵，1个3年)."""
    ages = []
    for m in mentions:
        one_of = m.key.startswith(MEMBER_PREFIX) or _ONE_OF.fullmatch(text, m.start, m.end)  # 一个三年一个四年
        if one_of and (years := _YEARS_AFTER_MEMBER.match(text, m.end)):
            if not any(f.start <= years.start(1) < f.end for f in found):
                ages.append(Found("service_years", int(years.group(1)), years.start(1), years.end(1)))
        after = min((x.start for x in mentions if x.start >= m.end), default=len(text))  # 二姐63俺今年56: 俺's 56
        told = any(f.fact == "age" and m.end <= f.start < min(after, m.end + 6) for f in found)
        if m.role not in ("person", "pronoun") or told:
            continue
        years = _YEARS_AFTER_MEMBER.match(text, m.end)  # 老大当了3年 老二4年: the years the one before was told of
        if years and _A_YEAR_ASKED.match(text, years.start(1)):
            years = None  # 他当了3年 — 他1年呢: a year asked for, no years told
        like = next((f.fact for f in reversed(found) if f.end <= m.start and _in_units(f.fact, "年")), None)
        if years and like and not any(f.start <= years.start(1) < f.end for f in found):
            ages.append(Found(like, int(years.group(1)), years.start(1), years.end(1)))
            continue
        said = _AGE_AFTER_NAME.match(text, m.end)
        if said and not any(f.start <= said.start(1) < f.end for f in found) and 10 <= int(said.group(1)) <= 120:
            ages.append(Found("age", int(said.group(1)), said.start(1), said.end(1)))
    return ages


def _counts_after_members(text: str, mentions: list[Mention], found: list[Found]) -> list[Found]:
    """俩合作社 一个初次有3个产品获无公害认证 一个初次有5个: a bare count told of a member, after one before it was
    told the same fact with its noun, is that fact again (5 products, not 5 of nothing)."""
    counts = []
    for i, m in enumerate(mentions):
        if not (m.key.startswith(MEMBER_PREFIX) or _ONE_OF.fullmatch(text, m.start, m.end)):
            continue
        end = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        like = next((f.fact for f in reversed(found) if f.end <= m.start and _in_units(f.fact, "个")), None)
        bare = _BARE_COUNT.search(text, m.end, end)
        if like and bare and not any(f.start < bare.end(1) and bare.start(1) < f.end for f in found) and not any(
                f.fact == like and m.end <= f.start < end for f in found):
            counts.append(Found(like, int(bare.group(1)), bare.start(1), bare.end(1)))
    return counts


def _in_units(fact: str, unit: str) -> bool:
    """Whether a fact is told in `unit` (data/facts.yml): 服役年数 in 年, 产品数 in 个, which a list may go on telling
    bare."""
    spec = load_specs().get(fact)
    return spec is not None and spec.unit == unit




_ALONE_NUMBER = re.compile(r"(?:(?<=[\s,;.!?])|^)(\d{2,3})(?=[\s,;.!?]|$)")


def _ages_alone(text: str, mentions: list[Mention], found: list[Found]) -> list[Found]:
    """我妹妹也失业了 38 开店也半年多了: a number standing alone after someone is named, which nothing else took, is
    their age (when a person's age is all a bare two-digit number can be of)."""
    first = next((m.end for m in mentions if m.role == "person"), None)
    if first is None or any(f.fact == "age" for f in found):
        return []
    return [Found("age", int(m.group(1)), m.start(1), m.end(1)) for m in _ALONE_NUMBER.finditer(text)
            if m.start() >= first and 16 <= int(m.group(1)) <= 110
            and not any(f.start <= m.start(1) < f.end for f in found)][:1]


def _the_figure(text: str) -> float | None:
    """The one figure of 100 or more the text says, as the plan writes them (1.5亿, 2万, 5200), if one."""
    said = {v for _, values in figure_spans(text) for v in values if v >= 100}
    return said.pop() if len(said) == 1 else None


def _theirs(text: str, start: int, end: int, measure: Measure) -> bool:
    """Whether every word naming the measure in the clause is followed by whose relative is meant (抗美援朝老兵的遗孀,
    the next clause's 老伴 included)."""
    spans = _naming(text[start:end], measure)
    return bool(spans) and all(_OF_SOMEONE.match(text, start + e) for _, e in spans)


def _denied(clause: str, measure: Measure) -> bool:
    """Whether every word naming the measure in the clause is said after 不是 / 没 (我爸不是抗美援朝老兵), or before
    what denies it (解放战争他没赶上)."""
    spans = _naming(clause, measure)
    return bool(spans) and all(_NEGATED.search(clause[max(0, start - 3):start]) or _NEGATED_AFTER.match(clause, end)
                               for start, end in spans)


def _its_own(clause: str, found: list[Found], start: int, measure: Measure, named: list[Measure]) -> dict[str, Any]:
    """Of a clause naming several measures, each with a figure of the same kind beside it, the facts said of this
    one: a figure right before a name is that name's (6个无公害加3个绿色), any other the name's before it (无公害5个加
    绿色2个, 无公害六个加三个绿色); nothing when a kind is said once (各3个: of all)."""
    kinds = [f.fact for f in found if f.fact not in PERSONAL]
    if len(named) < 2 or not any(kinds.count(k) > 1 for k in kinds):
        return {}
    at = {m.id: spans[0][0] for m in named if (spans := _naming(clause, m))}
    if measure.id not in at:
        return {}

    def owner(f: Found) -> str | None:
        right_after = [m for m, a in at.items() if 0 <= a - (f.end - start) <= 3]  # 6个无公害
        before = [(a, m) for m, a in at.items() if a < f.start - start]
        return right_after[0] if right_after else max(before)[1] if before else None

    return {f.fact: f.value for f in found if f.fact not in PERSONAL and kinds.count(f.fact) > 1
            and owner(f) == measure.id}


def _naming(clause: str, measure: Measure) -> list[tuple[int, int]]:
    """Where the clause names the measure: each longest word of its title and keywords (抗美援朝老兵, not 抗美援朝
    inside it)."""
    spans = {(m.start(), m.end()) for word in (measure.title, *measure.keywords) for m in re.finditer(re.escape(word), clause)}
    return sorted(s for s in spans if not any(a <= s[0] and s[1] <= b and (a, b) != s for a, b in spans))


def _named_only_by(clause: str, measure: Measure, spans: list[tuple[int, int]]) -> bool:
    """Whether every word naming the measure in the clause is one of these spans (农民工工资 is more than 农民工)."""
    for word in (measure.title, *measure.keywords):
        at = clause.find(word)
        while at != -1:
            if not any(s <= at and at + len(word) <= e for s, e in spans):
                return False
            at = clause.find(word, at + 1)
    return True


def _the_headcount(subjects: tuple[Subject, ...], quantities: tuple[Quantity, ...], text: str) -> Quantity | None:
    """The one number of people said beside one measure of no one (烈属 年标 2人 合计; 老义务兵有5个: 个 after 有)."""
    heads = [x for x in quantities if 1 < x.value < 10_000 and x.value == int(x.value) and (
        x.unit in _HEADS or x.unit == "个" and re.search(rf"有{int(x.value)}个(?!产品|农产品|项目|基地|园区|网点)", text))]
    alone = [x for x in subjects if x.person is None and x.count is None]
    return heads[0] if len(heads) == 1 and len(alone) == 1 == len(subjects) else None


def _business_years(text: str, found: list[Found]) -> list[Found]:
    """执照办下来快1年了 / 店开了1年 / 已经过了1年零3个月 (15): a year of business is 12 months of it, where no
    months were told beside it; 合同不满1年 and 没签满1年 are a contract's years; 当过义务兵，干了两年, with no shop or
    business said, are years of service."""
    told = [f.start for f in found if f.fact == "months_in_business"]
    years = []
    for m in _BUSINESS_YEARS.finditer(text):
        if _CONTRACT.search(text[max(0, m.start() - 4):m.end() + 2]) or any(m.start() <= at < m.end() + 4 for at in told):
            continue
        months = 6 if m.group(4) else round(float(m.group(1)) * 12) + (6 if m.group(2) else int(m.group(3) or 0))
        if _SERVED.search(text) and not _BUSINESS.search(text):
            if not any(f.fact == "service_years" for f in found):
                years.append(Found("service_years", years_of(months), m.start(), m.end()))
            continue
        years.append(Found("months_in_business", months, m.start(), m.end()))
    return years


def years_of(months: int) -> float:
    """Months said as years, whole where they are (36 → 3, 18 → 1.5)."""
    return months // 12 if months % 12 == 0 else months / 12


def _worked_years(text: str) -> bool:
    """干了三年 with no shop, licence or service said: years of some work, which the text alone cannot tell."""
    return _BUSINESS_YEARS.search(text) is not None and not (_SERVED.search(text) or _BUSINESS.search(text)
                                                              or _WORKPLACE.search(text))


_KIND_OF_UNIT = {"岁": "age", "周岁": "age", "年": "service_years", "个": "product_count", "个月": "months_in_business"}


def _said_again(found: list[Found], correcting: bool, named_at: list[int]) -> tuple[list[Found], list[float]]:
    """不对，当2年的那个其实当了4年: of two numbers of one fact in a correction, the first names whose it was (an
    old value, as 那个58的 does) and the last is the fact; elsewhere every fact stays, and so does a number of
    someone else's, a person named between them (我爸其实是9年…我妈当了3年: each one's years)."""
    if not correcting:
        return found, []
    numbers = [f for f in found if isinstance(f.value, (int, float)) and not isinstance(f.value, bool)]
    earlier = [f for f in numbers if any(g.fact == f.fact and g.start > f.start and not any(
        f.start < at < g.start for at in named_at) for g in numbers)]
    return [f for f in found if f not in earlier], [float(f.value) for f in earlier
                                                   if isinstance(f.value, (int, float))]


def _corrected(people: tuple[Person, ...], general: dict[str, Any], quantities: tuple[Quantity, ...], correcting: bool
               ) -> tuple[tuple[Person, ...], dict[str, Any], tuple[Quantity, ...]]:
    """我妈今年57……哦不对，是66 / 老义务兵 服役3年 应为5年: a number said after the correction replaces the fact of
    its kind (by its unit, or the last numeric fact told) of the person spoken of, or of no one when no one is,
    within the message; numbers it does not place stay."""
    if not correcting or not (people or general):
        return people, general, quantities
    told = dict(people[-1].facts) if people else dict(general)
    numeric = [fact for fact, value in told.items() if isinstance(value, (int, float)) and not isinstance(value, bool)]
    left = []
    for q in quantities:
        kind = _KIND_OF_UNIT.get(q.unit) or (numeric[-1] if numeric and not q.unit else None)
        if q.corrects and kind in told:
            told[kind] = whole(q.value)
        else:
            left.append(q)
    if not people:
        return people, told, tuple(left)
    person = people[-1]
    return (*people[:-1], Person(person.key, person.label, person.count, told)), general, tuple(left)


def _clauses(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """[start, end) of each clause: between breaks, and before each person named after the clause began."""
    cuts = {0, len(text)}
    for brk in _CLAUSE_BREAK.finditer(text):
        cuts |= {brk.start(), brk.end()}
    cuts |= {m.start for m in mentions if m.role in ("person", "group", "everyone")}
    points = sorted(cuts)
    return [(a, b) for a, b in zip(points, points[1:], strict=False) if text[a:b].strip(" ,;.!?、:")]
