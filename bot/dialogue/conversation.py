"""One turn of a conversation: a message and the conversation's state in, a reply and the state's changes out.

Rasa-free, so every rule is unit-tested without a model or a tracker: the
actions only translate the tracker into a `Message` and a `State` and send the
`Reply` back. The turn is four steps, each its own module: the message is READ
once into a question (bot/reading/question.py), MERGED with the last question
by named ellipsis rules (merge.py), DERIVED into results with their figures
(derive.py), and WORDED (answer.py, wording.py). Around them: the rating of an
answer (好差评), the offer of a person (转人工), a benefit the plan lacks, a
word of several meanings, the plan's own words where no measure answers.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.dialogue import plan_figures
from bot.dialogue.answer import answer, shares
from bot.dialogue.context import Context, Line, Someone
from bot.dialogue.derive import Figure, Outcome, outcomes
from bot.dialogue.handover_settings import HandoverSettings
from bot.dialogue.merge import merge, referred_to, remember
from bot.dialogue.wording import (
    BUTTONS,
    GOOD,
    HANDOVER_OFFER,
    MAX_REPLY,
    POOR,
    RATING_OFFER,
    SCREEN,
    apply_reply,
    before_office,
    category_reply,
    conditions_reply,
    definition_reply,
    department_reply,
    department_text,
    departments_reply,
    entitlement_list,
    item_reply,
    judged_reply,
    office_reply,
    place_reply,
    plan_says_reply,
    says_reply,
    section_reply,
    settling_fact,
    unstated_note,
    unstated_reply,
    within,
)
from bot.plan.calculator import MONTHS, inputs
from bot.plan.definitions import Definition, Definitions
from bot.plan.eligibility import Entitlement, Profile, entitlements, older_jobless
from bot.plan.facts import FactError
from bot.plan.measure import Measure
from bot.plan.numbers import figures
from bot.plan.passages import Passage, Passages
from bot.plan.records import load_aspects, load_groups, load_places
from bot.plan.store import MeasureStore
from bot.reading.cues import BEFORE_THE_RISE
from bot.reading.people import SELF
from bot.reading.question import Person, Question, Reader
from bot.reading.vocabulary import Clarification

ELSEWHERE = "elsewhere"  # the entity the NLU scope guard sets on a message naming another place or year
RATING = "rating"  # the entity a rating button's payload sets (domain.yml, utter_offer_rating)
WECHAT_DIGITS = {"1": GOOD, "2": POOR}  # WeChat's offer reads 回复1满意，2不满意 (domain.yml)
# Typed after any answer, a rating of it: a complaint is kept with the answer it is about, never answered as a question.
SAID_RATINGS = {GOOD: ("满意", "好评", "非常满意", "挺满意"),
                POOR: ("不满意", "差评", "看不懂", "没看懂", "没说清楚", "说不清楚", "不清楚", "没听懂", "不明白",
                       "答非所问", "不对", "说的不对", "没用")}
_NTH = re.compile(r"第(?P<n>\d{1,2})(?P<unit>类|项|条|点|个方面|方面|种|个)(?:是|呢|指|说)")  # 第五类是啥
_ASKING = re.compile(r"哪|什么|啥|怎么|咋|多少|几")  # 哪些: a word that asks, of no part of the plan
_THE_REST = re.compile(r"(?:另外|其余|剩下|其他|别的)(?:的)?\d*类")  # 另外3类是啥, after what a term covers
_ASKS_IF = re.compile(r"算不|算吗|算么|也算|属于|是不是|够不够|够吗|够格")  # 她算不: whether she is one of a term's
# 俺爸就是 / 俺大爷和二大爷都是 / 父母2人都是遗属: of the kind talked about
_IS_ONE_TOO = re.compile(r"(?:就|也|都|也都|俩都|同样)是(?:遗属|老兵|烈属|这个|这种|这类)?(?=\s|[,。!?呢啊吧]|$)"
                         r"|^[^\s,。!?]{1,5}是(?=\s+\d)")  # 俺大爷是 八十九了: he is one, paused, then his age
_COMPLAINT = re.compile(r"没|不|太|看不懂|乱|错|差|慢|烦|啥也|什么也")  # words of complaint, in a reason after 不满意
MISSES_BEFORE_OFFER = 2  # replies in a row that did not answer, after which a person is offered
YES_OR_NO = ("affirm", "deny")  # the intents of 是 / 不用 (and of the offer's buttons)
SMALL_TALK = {"greet": "utter_greet", "goodbye": "utter_goodbye", "thanks": "utter_thanks"}  # replied only when the
# message asks nothing the plan answers
PROFILE_INTENTS = ("ask_entitlements",)
QUESTION_INTENTS = (None, "ask_measure", "ask_department", "inform", "help")  # what the plan's words may answer
# What is asked of a measure that its words answer, not a figure: the office, how to apply, the conditions, the text.
WORDED = {"department": department_reply, "apply": apply_reply, "conditions": conditions_reply, "says": says_reply}


@dataclass(frozen=True)
class Message:
    """A message as the NLU left it: the text as the citizen typed it, the intent, a place or year outside
    the plan if it names one, a rating button's verdict, and the channel."""
    said: str
    intent: str | None = None
    elsewhere: str | None = None
    rating: str | None = None  # GOOD or POOR, from a rating button
    channel: str | None = None  # "wechat", where the rating offer is answered with a digit


@dataclass(frozen=True)
class State:
    """What the conversation holds before this turn (the tracker's slots)."""
    context: Context = field(default_factory=Context)  # the people, and the last question as answered
    rating_offer: str | None = None  # the measure whose answer the last reply offered to rate
    offered: tuple[str, ...] = ()  # measures whose answers were offered to rate: once per subject
    reason_for: str | None = None  # the measure the last message rated 不满意: the next may say why
    answered: str | None = None  # the measure the last reply answered: a typed 不满意 rates it
    handover_offered: bool = False  # the last reply offered a person (转人工): 是 / 不用 answers it
    misses: int = 0  # replies in a row that did not answer


@dataclass
class Reply:
    text: str | None = None
    response: str | None = None  # a response of the domain (utter_…) instead of text
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (title, payload)
    slots: dict[str, Any] = field(default_factory=dict)  # the state's changes
    unanswered: bool = False  # keep the message for the team
    figure_for: str | None = None  # the measure whose figure from the table the text states
    offers_rating: bool = False  # send the rating offer (utter_offer_rating) after the text
    rating: tuple[str, str] | None = None  # (measure, GOOD or POOR): keep the rating of its answer
    reason: tuple[str, str] | None = None  # (measure, the citizen's words): why its answer was rated POOR
    question: bool = True  # the message asked something (small talk, a rating or its reason did not)
    offer_handover: bool = False  # after this reply (if any), offer a person (utter_offer_handover)
    hand_over: bool = False  # queue the conversation for a person and let the bot fall silent
    configured: frozenset[float] = frozenset()  # figures the deployment's settings vouch for (the hotline)
    derived: frozenset[float] = frozenset()  # figures of the reply's derivation (bot/dialogue/derive.py)


class Conversation:
    """The plan's measures and the reader of citizens' words, applied to one turn at a time."""

    def __init__(self, store: MeasureStore, reader: Reader, passages: Passages, handover: HandoverSettings) -> None:
        """`passages` are the plan's own sentences, quoted where no measure answers; `handover` is the
        deployment's wording and settings for handing a citizen over to a person."""
        self.store, self.reader, self.passages, self.handover = store, reader, passages, handover

    # ---- the turn
    def respond(self, message: Message, state: State) -> Reply:
        """The reply and the state's changes. What only the last reply was about (the rating it offered, the
        rating it thanked for, an offer of a person) is cleared unless this reply is about it again."""
        question = self.reader.read(message.said, message.intent, message.elsewhere)  # read once, here
        if (handover := self._handover(message, question, state)) is not None:
            reply = handover
        elif (rating := self._rating(message, state)) is not None:
            reply = self._rated(*rating)
        else:
            reply = self._answer(message, question, state)
        for name in ("rating_offer", "reason_for", "handover_offered"):
            if getattr(state, name) and name not in reply.slots:
                reply.slots[name] = None
        return reply

    def _answer(self, message: Message, question: Question, state: State) -> Reply:
        """A message that rates nothing and answers no offer of a person: a question (or the reason for a
        不满意 just given), and the rating offered after an answer stating a figure of one measure not offered
        before; several measures at once offer none, since one rating could not say which it is about."""
        if state.reason_for and message.said.strip() and not self._plainly_a_question(question, state.reason_for):
            return Reply(response="utter_reason_noted", reason=(state.reason_for, message.said.strip()), question=False)
        reply = self.reply_to(question, state.context)
        if reply.unanswered and message.intent in YES_OR_NO:  # 好的 after an answer: nothing was asked
            reply = Reply(response="utter_noted", question=False)
        elif reply.unanswered and message.intent in SMALL_TALK:  # 你好 / 谢谢 / 再见 and nothing more; 你好 抗美援朝
            reply = Reply(response=SMALL_TALK[message.intent], question=False)  # 老兵… and 先给钱还是建完了再给 are
            # answered as questions whatever the classifier made of them
        reply.slots["answered"] = reply.figure_for
        if reply.figure_for and reply.figure_for not in state.offered:
            reply.offers_rating = True
            reply.slots |= {"rating_offer": reply.figure_for, "offered": ",".join((*state.offered, reply.figure_for))}
        return reply

    def _plainly_a_question(self, q: Question, rated: str) -> bool:
        """After 不满意, whether the next message asks a new question rather than saying why: it names another
        measure (an office it names is a complaint's), or asks something of the plan without a word of complaint
        (去哪里办 asks; 民政局的电话都没有, 没说清楚去哪办 complain)."""
        if any(s.measure != rated and not s.measure.startswith("duty_") for s in q.subjects):
            return True
        return (q.asked_said or q.money or q.unstated is not None) and not _COMPLAINT.search(q.text)

    # ---- 好差评: a rating is an offer beside the answer, never in the way of the next question
    def _rating(self, message: Message, state: State) -> tuple[str, str | None] | None:
        """(GOOD or POOR, the measure rated): a rating button; 满意 / 不满意 / 看不懂 typed after an answer; on
        WeChat a bare 1 or 2 right after the offer unless it answers a fact the bot asked for; None otherwise."""
        if message.rating in (GOOD, POOR):
            return message.rating, state.rating_offer
        said = re.sub(r"[\s.。!！,，~～]", "", self.reader.normalize(message.said))
        rated = state.rating_offer or state.answered
        for verdict, words in SAID_RATINGS.items():
            if said in words and rated:
                return verdict, rated
        if state.rating_offer and message.channel == "wechat" and not state.context.requested:
            digit = WECHAT_DIGITS.get(said)
            return (digit, state.rating_offer) if digit else None
        return None

    @staticmethod
    def _rated(rating: str, measure: str | None) -> Reply:
        """Thanks, and the rating kept with the answer it rates; after 不满意 the bot asks why, optionally.
        A rating with no answer just before (an old button) rates nothing and is only thanked for."""
        if not measure:
            return Reply(response="utter_thanks", question=False)
        if rating == GOOD:
            return Reply(response="utter_rated_good", rating=(measure, GOOD), question=False)
        return Reply(response="utter_rated_poor", rating=(measure, POOR), slots={"reason_for": measure},
                     question=False)

    def _handover(self, message: Message, q: Question, state: State) -> Reply | None:
        """转人工 / 我要找人: a person is offered (a yes on a wrong guess costs a tap, a handover nobody
        wanted costs an operator), when the words ask for one or the message asks nothing else (the NLU's
        request_human alone is no call for a person). After the offer, 是 queues the conversation and 不用 lets the
        bot go on; anything else is a new question (None), and the offer lapses."""
        if message.intent == "request_human" and (self.handover.asks_for_a_person(q.text) or not (
                q.names_something or q.asks or q.people or q.question_form)):  # 双阳有没有份: a question still
            return Reply(offer_handover=True, slots={"handover_offered": True, "misses": None}, question=False)
        if not state.handover_offered:
            return None
        answer = self.handover.answer_to_offer(message.said)
        if answer is None and message.intent in YES_OR_NO:
            answer = message.intent == "affirm"
        if answer is None:
            return None
        settled = {"handover_offered": None, "misses": None}
        if answer:
            return Reply(self.handover.queued, hand_over=True, configured=self.handover.numbers, slots=settled,
                         question=False)
        return Reply(response="utter_handover_declined", slots=settled, question=False)


    # ---- a question
    def reply_to(self, q: Question, c: Context) -> Reply:
        """The reply to a question read once (bot/reading/question.py), in the conversation `c`; the desk asks
        it too, so an operator sees the answer the citizen would get."""
        c = referred_to(q, c, self.reader.people)
        judged = q.judged or self._judged_again(q, c)
        if q.subjects or q.money or q.total:  # a measure or a sum asked ends the talk of who is one of a term's
            c = replace(c, term=None)  # (还差几年 keeps it: 那我51 男的 我算不算 is judged again)
        if c.abroad:  # 吉林市的(2018年的)抗日老兵多少 — 那长春呢 (那2017年的呢): those lines asked here;
            # anything else starts anew
            c = replace(c, abroad=False) if q.here and not q.subjects else replace(c, lines=(), abroad=False)
        if q.elsewhere:  # 吉林市的 / 2018年的抗日老兵多少: kept, should 那长春呢 / 那2017年的呢 follow
            abroad, _ = merge(q, c, self.store, self.reader.people)
            return replace(self._out_of_scope(q), slots={"context": replace(abroad, abroad=True).to_json()})
        if q.missing and not q.subjects:
            return self._no_such_measure(*q.missing)  # 暖流计划里有取暖补贴吗 / 那独生子女费呢: the plan lacks it
        defined = q.defines or (self._the_rest_of(c) if _THE_REST.search(q.text) else None) or (
            self.reader.definitions.named(c.term) if c.term and not q.subjects and not q.people and not q.facts and (
                self.reader.definitions.asks_cover(q.text) or q.follow_up and not (q.quantities or q.period
                                                                                     or q.asked_said or q.unstated))
            else None)  # 就业困难人员一共几类 — 都有哪些 / 女的多大算大龄失业 — 男的呢: that term again
        if (d := defined) is not None and (not q.people or q.whether) and not q.money and all(
                any(w in k for w in d.words for k in self.store.get(x.measure).keywords) for x in q.subjects):
            owner = self.store.get(d.measure)  # 就业困难人员都包括哪些人 / 三品一标是啥意思: the plan's words for it
            context = replace(c, lines=(Line(owner.id),), asked=("amount",), requested=None, term=d.term)
            named = Definitions.listed_in(d, q.text) if _ASKS_IF.search(q.text) else []
            return Reply(definition_reply(d.term, d.quote, d.section, d.note, owner, named),
                         slots={"context": context.to_json()}, derived=frozenset(figures(d.quote)))
        if q.section and not q.subjects and not q.people:  # 关注五是哪块内容: what that part of the plan holds
            return self._section(q.section, c)
        if judged is not None and not q.money and (verdict := self._judged(judged, q, c)) is not None:  # 媳妇38 算大龄不
            return verdict
        if (item := self._nth_item(q, c)) is not None:  # 第五类是啥, after the six groups
            return item
        if q.people and all("outside" in p.facts for p in q.people):  # 那我是他孙女，能领吗: only what the plan says
            return Reply(_not_covered(q), slots={"context": replace(c, requested=None).to_json()})
        if "share" in q.asked and (part := self._shares(q, c)) is not None:  # 抗日那俩占百分之多少, after a total
            return part
        merged, rule = merge(q, c, self.store, self.reader.people)
        if q.intent == "help" and not q.names_something and rule == "nothing_to_answer":
            return Reply(response="utter_help")  # 你能干什么; but 这网点谁来设 after a measure is about that measure
        again = rule in ("asks_again", "asks_of_its_words")  # the last lines, not a subject of its own
        only_theirs = rule == "names_its_subject" and q.pronoun and not q.subjects and not q.people  # 他…
        tells = bool(q.facts or q.more)  # 她今年七十二 / 要是他多当两年呢: a fact of theirs, no question of another thing
        of_words = rule == "asks_of_its_words" and not (q.judged or q.whether or _ASKS_IF.search(q.text))  # (企业职工
        # 算不算, of the six groups: a verdict on the last list's words, no other part of the plan)
        if (rule == "asks_again" or of_words or only_theirs and not tells) and not (q.split or q.total or q.here_again) and (
                said := self._elsewhere_in_plan(q, merged)):  # (扶持创业的户数加一起呢: of the last lines, summed)
            return self._plan_says(said, merged, q)  # 那政府投入的钱谁落实: another part of the plan (她是低保户 tells;
            # 那2017年暖流计划里的呢 asks the last question here)
        if rule == "asks_again" and q.chitchat and not (q.asks or q.total or q.period or q.unstated):
            return self._out_of_scope(q)  # 今天天气怎么样, after a measure: a question, but of nothing the plan has
        if rule == "swaps_the_person" and q.chitchat and not q.subjects and not any(p.facts for p in q.people):
            return self._out_of_scope(q)  # 帮我挂个号, after 老伴's subsidy: no question of mine about it
        if (only_theirs or (again and q.chitchat)) and not q.unstated and not tells and not q.once_met and self._foreign(
                q, merged):
            return self._out_of_scope(q)  # 顺便问一下，他看病能报销多少 (她今年七十二 tells a fact: it is no question)
        if rule == "swaps_the_person" and (unsure := self._swapped_category(q, c, merged)) is not None:
            return unsure  # 那我姥姥呢, after 姥爷 the 解放战争老兵: his subsidy is his own
        if (own := self._own_best(q, merged)) is not None:  # 我爸是抗美援朝老兵 我是低保户 想开个店 有啥补贴: his, and
            me = merged.person(SELF) or Someone(SELF, "您")  # the first of the asker's own list, theirs from now on
            merged = replace(merged.with_person(replace(me, measures=(*me.measures, own.measure))),
                             lines=(*merged.lines, own))
        if self._asks_a_profile(q, merged, again):
            return self._profile(q, merged)
        if q.ambiguous and (not merged.lines or (again and not self._settled(q.ambiguous[1], c))):
            if q.unstated:  # 老兵补助啥时候发: whichever war, the plan does not say
                return Reply(unstated_reply(q.unstated, self._options(q.ambiguous[1])))
            if (every := self._every_option(q, *q.ambiguous, c)) is not None:
                asked = c.asked if q.follow_up and not q.asked_said else q.asked  # 这些老兵都涨了 — 遗属呢: the same
                return self._answered(q, replace(merged, lines=every, asked=asked, total=q.total, requested=None))
            return self._clarify(q, *q.ambiguous)
        if (not merged.lines or q.follow_up and not (q.subjects or q.people) and BEFORE_THE_RISE.search(q.text)) and (
                told := self._by_figure(q)) is not None and told.id not in {x.measure for x in merged.lines}:
            person = q.people[0].key if len(q.people) == 1 else None  # 以前一年领14580: the line of that figure; 原来
            merged = replace(merged, lines=(Line(told.id, person),), asked=q.asked)  # 14580 是哪类 — 那原来19860的呢
        if not merged.lines:
            asks = q.asks or q.names_something or q.intent in QUESTION_INTENTS
            sentences = self.passages.search(q.about or q.text) if asks else []  # 政府投入的钱谁落实: its words
            saying = self.store.find(sentences[0].measure) if sentences else None
            if sentences and (saying is None or not set(inputs(saying)) & set(q.facts)):
                return self._plan_says(sentences[0], merged, q)
            found = [saying] if saying else self.store.search(q.about or q.text, limit=1) if asks and not (
                q.denies or q.chitchat) else []  # 明天长春下雪不 / 帮我挂个号: no nearest measure of everyday talk
            if not found:  # 下岗了想创业: the nearest measure; 转让了个专利 收益80万: the sentence's, reckoned
                return self._out_of_scope(q)
            merged = replace(merged, lines=(Line(found[0].id),), asked=q.asked, facts={**merged.facts, **q.facts})
        counted = {x.person for x in merged.lines}
        spans_more = q.everyone or (q.how_many or 0) > len(counted) or (q.total and not q.how_many and len(merged.lines) == 1)
        if merged.total and spans_more and (waiting := self._kind_unknown(merged)) is not None:  # 俩人一共 / 加起来,
            # of one line only: someone else is in the sum
            return waiting
        return self._answered(q, merged)

    def _kind_unknown(self, c: Context) -> Reply | None:
        """俩人一共, after 大姨 told to be a 遗属 of no kind yet: the sum waits for her kind (each kind pays another
        figure), rather than leaving her out or counting the first of her list."""
        for p in c.people:
            groups = p.groups
            if p.measures or not groups or p.count != 1 or "outside" in p.facts:  # (村里五个老兵 三个抗美援朝的:
                # the kinds are counted; 对越自卫反击战的老兵: none of the plan's)
                continue
            try:
                _, entitled = self._entitled(groups, dict(p.facts))
            except FactError:
                continue
            fact, kinds = _kinds_to_pick(entitled)
            if fact is not None:
                return Reply(f"要算合计，还得知道{p.label}是哪一类：{'、'.join(kinds)}？",
                             buttons=[(k, k) for k in kinds],
                             slots={"context": replace(c, requested=fact, focus=p.key).to_json()})
        return None

    def _own_best(self, q: Question, merged: Context) -> Line | None:
        """Asked what they can get, beside someone else's measure named: the asker told only who they are (我是低保户)
        gets the best of their own list as a line of theirs."""
        me = next((p for p in q.people if p.key == SELF and p.facts.get("groups")), None)
        if me is None or "entitled" not in q.asked or not merged.lines or any(x.person == SELF for x in merged.lines):
            return None
        try:
            _, entitled = self._entitled(frozenset(me.facts["groups"]), dict(me.facts))
        except FactError:
            return None
        return Line(entitled[0].measure.id, SELF) if entitled else None

    def _entitled(self, groups: frozenset[str], facts: dict[str, Any]) -> tuple[frozenset[str], list[Entitlement]]:
        """The groups a person is of (a job seeker of the plan's 大龄 age is one of its 就业困难人员 too) and what
        they can claim, the best first."""
        groups |= older_jobless(groups, facts, self.store.measures)
        return groups, entitlements(Profile(groups, _personal(facts)), self.store.measures)

    def _options(self, question: Clarification) -> list[Measure]:
        """The measures a word of several meanings may mean, as the question asking which one offers them."""
        return [m for o in question.options if (m := self.store.named_in(o)) is not None]

    def _every_option(self, q: Question, word: str, question: Clarification, c: Context) -> tuple[Line, ...] | None:
        """这些老兵补助是不是都涨了 / 老兵补助都是多少 / 老兵补助归哪个部门 (one office for all), or 遗属呢 after every
        kind of another word answered: the question is of every kind `word` may mean, each answered, not which one."""
        options = self._options(question)
        one_office = set(q.asked) <= {"department"} and len({department_text(m) for m in options}) == 1
        after_all = q.follow_up and len(c.lines) > 2 and all(line.person is None for line in c.lines)
        if len(options) != len(question.options):
            return None
        counted = re.search(rf"([1-9])[类种样]{re.escape(word)}", q.text)
        if counted:  # 三类遗属各增多少: the kinds whose title holds the word, if that many (两种遗属: which two?)
            named = [m for m in options if word in m.title]
            return tuple(Line(m.id) for m in named) if len(named) == int(counted.group(1)) else None
        if not (q.each or q.everyone or q.these or one_office or after_all):
            return None
        return tuple(Line(m.id) for m in options)

    def _the_rest_of(self, c: Context) -> Definition | None:
        """另外3类是啥: the term last defined, or the one whose list the last lines' provision cites (就业困难人员's
        8类, of which the plan names 5): its sentence and what it leaves out answer it."""
        lines = {line.measure for line in c.lines}
        return self.reader.definitions.named(c.term) or next(
            (d for d in self.reader.definitions.terms if d.note and d.measure in lines), None)

    def _judged_again(self, q: Question, c: Context) -> Definition | None:
        """The term the last reply judged people by, when this message asks it of someone else and nothing more:
        那我四十八 男的呢 / 俺媳妇四十二 她算不 (not 那我还得等几年, nor a sum or a measure named)."""
        d = self.reader.definitions.named(c.term)
        if d is None or not Definitions.own_ages(d) or q.subjects or q.money or q.number or not (q.people or q.pronoun):
            return None
        aged = "age" in q.facts or any("age" in p.facts for p in q.people)  # 那俺媳妇42 也下岗了 她算不: judged by age
        if q.groups - {"job_seeker"} and not aged and not any(w in q.text for w in d.words):  # (失业: the term's too)
            return None  # 那他要是吃低保的呢 / 她是国企下岗的, after 大龄: another kind of theirs, asked of the measure
        return d if q.follow_up or _ASKS_IF.search(q.text) else None

    def _judged(self, d: Definition, q: Question, c: Context) -> Reply | None:
        """Whether each person spoken of (or the one 她 is) is one of the term's (大龄失业人员: 男满50周岁，女满40周岁),
        by their age and gender told now or before; the term's sentence cited, and their facts kept (那我还得等几年
        才算). None where no one's age is known."""
        spoken = q.people or ((Person(f.key, f.label, f.count),) if q.pronoun and (f := c.person(c.focus)) else ()) or (
            (Person(SELF, "您", 1, dict(q.facts)),) if "age" in q.facts else ())  # 来电 男46 算大龄吗: the caller
        people = [(p, {**(known.facts if (known := c.person(p.key)) else {}), **p.facts}) for p in spoken]
        if not any(isinstance(facts.get("age"), (int, float)) for _, facts in people):
            return None
        owner = self.store.get(d.measure)
        context = replace(c, lines=tuple(Line(owner.id, p.key) for p, _ in people), asked=("amount",), requested=None,
                          term=d.term, focus=people[-1][0].key)
        for p, facts in people:
            context = context.with_person(Someone(p.key, p.label, p.count, facts, (owner.id,)))
        text = judged_reply(d, Definitions.ages(d), [(p.label, facts) for p, facts in people], owner)
        return Reply(text, slots={"context": context.to_json()}, derived=frozenset(figures(d.quote)))

    def _swapped_category(self, q: Question, c: Context, merged: Context) -> Reply | None:
        """那我姥姥呢 / 俺闺女呢, after someone of a category (a veteran, a survivor): the category is who that person
        is, not who the next one is. The standard, if they are of it too; of a veteran's spouse, what the plan
        says of her. Said to be of it (俺爸就是), the person's own amount follows instead."""
        if _IS_ONE_TOO.search(q.text):
            return None
        for p in q.people:
            for line in merged.lines:
                measure = self.store.get(line.measure)
                category = str(measure.categories.get("veteran_category", ""))
                if line.person != p.key or not category or inputs(measure):
                    continue  # 老义务兵: the years of service asked of them settle it
                holder = next((x for x in c.people if measure.id in x.measures), None)
                note = self.reader.people.spouse_of_a_veteran(p.key, p.label, holder.key, category) if holder else None
                return Reply(category_reply(measure, category, p.label, note),
                             slots={"context": remember(c).to_json()})
        return None

    def _section(self, section: str, c: Context) -> Reply:
        """关注九呢: the 方面 the plan works out in that part, and the measures it holds (as many as fit)."""
        held = [m for m in self.store.measures if m.section == section and not m.id.startswith("duty_")]
        aspect = load_aspects().get(section)
        head = f"【暖流计划{section}】" + (f"{aspect}" if aspect else "")
        text = section_reply(head, [m.title for m in held])
        lines = tuple(Line(m.id) for m in held[:1])
        return Reply(text, slots={"context": replace(c, lines=lines, asked=("says",), requested=None).to_json()})

    def _shares(self, q: Question, c: Context) -> Reply | None:
        """The share of the lines the message names (or of each, 每家) in the total of the last answer's lines."""
        if len(c.lines) < 2 or all(self.store.get(line.measure).kind == "target" for line in c.lines):
            return None
        done = outcomes(c, self.store)
        named, people = {s.measure for s in q.subjects}, {p.key for p in q.people}
        part = [o for o in done if o.measure.id in named or o.line.person in people] or (done if q.each else [])
        said = shares(done, part, c) if part else None
        if said is None:
            return None
        return Reply(said.text, slots={"context": remember(c).to_json()},
                     derived=frozenset(v for f in said.figures for v in f.values()))

    def _nth_item(self, q: Question, c: Context) -> Reply | None:
        """第五类是啥 / 第三个方面呢: the nth item of a list the plan gives (its six groups, its six aspects), when the
        last answer was that list and the measure counts as many items as it lists."""
        said = _NTH.search(q.text)
        placed = q.places[0] if len(q.places) == 1 and q.places[0] in ("first", "last") else None  # 最后一类呢
        if said is None and placed is None or q.subjects or len(c.lines) != 1 or any(
                not p.key.startswith("第") for p in q.people):
            return None
        m = self.store.get(c.lines[0].measure)
        listed = [x for condition in m.conditions for x in condition.split("；")]  # the plan's list, in its order
        n = int(said.group("n")) if said else 1 if placed == "first" else len(listed)
        if len(listed) not in {item.get("value") for item in m.params.get("items", ())} or not 1 <= n <= len(listed):
            return None
        label = f"第{n}{said.group('unit') if said else '类'}"
        return Reply(item_reply(m, listed[n - 1], label), slots={"context": c.to_json()},
                     derived=frozenset(figures(m.quote)))

    def _elsewhere_in_plan(self, q: Question, c: Context) -> Passage | None:
        """A follow-up whose own words are of another part of the plan than the last lines (那政府投入的钱谁落实,
        after a researchers' measure): the plan's sentence for them, if one shares enough of them."""
        said = " ".join(w for line in c.lines for m in [self.store.get(line.measure)]
                        for w in (m.title, m.quote, *m.keywords))
        found = self.passages.search(q.about) if q.about else []
        words = [w for w in self.passages.words(q.about) if not _ASKING.match(w)] if q.about else []
        foreign = [w for w in words if w not in said]  # 哪些行业重点查: 行业 alone is no other part (重点 is theirs)
        if found and found[0].measure not in {line.measure for line in c.lines} and 2 * len(foreign) > len(words):
            return found[0]
        return None

    def _by_figure(self, q: Question) -> Measure | None:
        """The one measure whose own words state a figure the citizen told (以前一年领14580: 抗美援朝老兵's old
        standard), when the message names none."""
        found = {m.id: m for x in q.quantities if x.value >= 100 for m in self.store.stating(x.value)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _foreign(self, q: Question, c: Context) -> bool:
        """Whether the message's own words (他看病能报销多少: 看病, 报销) are none of the last lines' measures'."""
        groups = load_groups()
        said = " ".join(w for line in c.lines for m in [self.store.get(line.measure)]  # 开店, of a 创业者's subsidy
                        for w in (m.title, m.quote, *m.keywords, *m.conditions,
                                  *(s for g in m.groups for s in groups.get(g, {}).get("synonyms", ()))))
        return bool(q.about) and any(w not in said for w in self.passages.words(q.about))

    def _plan_says(self, passage: Passage, c: Context, q: Question) -> Reply:
        """No measure answers, but the plan speaks of it: its sentence, its 关注, and the office of the record
        quoting it; that record is then the conversation's subject (那去哪办). Asked for a number the sentence
        does not give (报销比例多少), the reply says the plan does not state it."""
        owner = self.store.find(passage.measure)
        lines = (Line(owner.id),) if owner else ()
        sum_asked = owner is not None and not owner.id.startswith("duty_") and (q.money or q.number)
        context = replace(c, lines=lines, asked=q.asked if sum_asked else ("says",),  # 因公生气军人一属一年多少钱
                          history=(*c.history, *(x for x in lines if x not in c.history)))  # (no measure read, its
        # sentence found) — 病故的呢: that one's amount, as the first was asked — 三个加起来: it among them
        silent = (q.number or q.money) and not any(ch.isdigit() for ch in passage.text)
        text = plan_says_reply(passage.text, passage.section, owner, q.unstated or ("具体数字" if silent else ""))
        return Reply(text, slots={"context": context.to_json()}, derived=frozenset(figures(passage.text)))

    def _answered(self, q: Question, c: Context) -> Reply:
        measures = [self.store.get(m) for m in dict.fromkeys(line.measure for line in c.lines)]
        slots = {"context": remember(c).to_json()}
        if q.unstated and self.reader.cues.stated(q.unstated, (m.quote for m in measures)):
            q = replace(q, unstated=None)  # 培训要钱吗: 免费培训返乡农民工 says it; the measure's own answer does,
            c = replace(c, lines=tuple(replace(line, person=None) for line in c.lines))  # of no one's amount
        paid = any("元" in m.quote for m in measures)  # a sum of money the plan gives
        if q.unstated and not q.asked_said and not (q.money and paid):  # 培训收费吗 收多少: neither is stated
            return Reply(unstated_reply(q.unstated, measures), slots=slots)
        if len(measures) == 1 and not (q.asked_said and "department" in q.asked) and (
                where := _place_asked(q.text, measures[0])):  # 在德惠能种不 (俺哥在榆树种榛子 这个归哪个部门
            # asks the office)
            return Reply(place_reply(measures[0], *where), slots=slots)
        duties = [m for m in measures if m.id.startswith("duty_")]
        if duties and len(measures) == 1 and q.money:  # 市财政局干啥 — 那财政总共投多少钱: the plan gives no sum
            return Reply(unstated_reply("具体金额", measures), slots=slots)
        if duties and len(measures) == 1:  # 市民政局管什么
            handled = self.store.handled_by(duties[0])
            if len(handled) == 1:  # 林业局负责啥 — 计划发展多大面积: the one project it handles is what follows
                slots = {"context": remember(replace(c, lines=(Line(handled[0].id),))).to_json()}
            return Reply(office_reply(duties[0], handled), slots=slots)
        kind = next((k for k in c.asked if k in WORDED), None)
        if kind is not None and not (c.total or q.money or kind == "conditions" and "amount" in c.asked):  # 谁能领，
            # 一共多少: the sum, each person's verdict in it; 够条件不 一个月多少: the amount, its conditions beside it
            if kind == "department" and len(measures) > 1 and q.asked_said:  # 这仨事分别找哪个部门
                return Reply(departments_reply(measures), slots=slots)
            worded = [WORDED[kind](m) for m in measures[:2]]
            if q.unstated is not None:  # 几号发，上哪领: where, and that the plan does not say when
                worded[0] = unstated_note(worded[0], q.unstated)
            if len("\n\n".join(worded)) > MAX_REPLY:  # two long answers: the first, and the other offered
                return Reply(worded[0], buttons=[(m.title, m.title) for m in measures[1:2]], slots=slots)
            return Reply("\n\n".join(worded), slots=slots)
        if (q.money or q.number) and all(m.kind == "rule" and not m.params.get("items") for m in measures) \
                and "left" not in c.asked:  # 医保报销比例提高多少: no number in it (还能免几年: the span it grants)
            return Reply(unstated_reply("具体数字", measures), slots=slots)
        done = outcomes(c, self.store)
        if named := plan_figures.labels_named(done, q.text):  # 开发岗位多少 — 城镇新增就业呢: those two, for 这俩
            slots["context"] = remember(replace(c, items=(*(i for i in c.items if i not in named), *named)[-4:])
                                        ).to_json()
        if q.money and all(o.result is not None and o.result.amount is None and "元" not in "".join(
                f.unit for f in o.result.figures) for o in done):
            return Reply(unstated_reply("具体金额", measures), slots=slots)  # 每个大棚补多少钱: the plan gives no sum
        targets = bool(done) and all(o.measure.kind == "target" for o in done)  # 平均一个园区合多少人: of the
        earlier = outcomes(replace(c, lines=c.history), self.store) if targets and q.asked_said else []  # 5200人 before
        said = answer(done, c, q.text, earlier, c.span, c.split, q.portion, averaged="average" in q.asked)
        text = said.text if q.unstated is None else unstated_note(said.text, q.unstated)  # 金额多少，按月发吗
        if outside := _not_covered(q):  # 我爷爷抗美援朝，我姥爷对越自卫反击战: his line, and that the plan has none
            text = before_office(text, outside)
        if said.asks:
            slots["context"] = replace(remember(c), requested=said.asks[0], focus=said.asks[1] or c.focus).to_json()
        derived = frozenset(v for f in said.figures for v in f.values()) | frozenset(  # and the calculator's steps
            v for o in done if o.result is not None for step in o.result.steps for v in figures(step))  # (1.1万 capped)
        if q.confirms is not None and (verdict := _confirmed(q.confirms, _asked_sums(done, c.asked, said.figures),
                                                             derived, len(done))):
            text = f"{verdict}\n{text}"
        return Reply(text, slots=slots, figure_for=said.figure_for, derived=derived)

    # ---- what a profile gets (我能领什么, 我是低保户)
    def _asks_a_profile(self, q: Question, merged: Context, again: bool) -> bool:
        """我能领什么 / 我是低保户 / 我还能领啥: who the citizen is, or what they can get, with no measure of their own
        named, implied or worked out (a fallen soldier's family has theirs), and no completed list asked again."""
        sums = any(self.store.get(line.measure).kind not in ("rule", "target") for line in merged.lines)
        if merged.lines and not again and not ("entitled" in q.asked and q.groups and not sums):
            return False  # 想开个家政公司，能享受啥: 家政 names a rule, not what they can get
        if merged.profile and merged.requested is None and not q.groups:
            return False
        guessed = q.intent in PROFILE_INTENTS and not (again and not merged.profile)  # 这钱是补啥的, after a measure:
        return bool(q.groups) or guessed or "entitled" in q.asked  # of it, whatever the classifier guessed

    def _profile(self, q: Question, c: Context) -> Reply:
        """What the person can claim, for every group they state (下岗 and 低保 both count, and a job seeker of the
        plan's 大龄 age is one of its 就业困难人员); the fact that settles the most is asked next, and, once told,
        completes the list."""
        me = c.person(SELF)
        other = q.people[0] if len(q.people) == 1 and q.people[0].key != SELF and q.people[0].facts.get("group") else None
        known: tuple[Mapping[str, Any], ...] = () if other else (c.facts, me.facts if me else {})  # 俺婆婆是精简退职的:
        sources = (*known, *(p.facts for p in q.people), q.facts)  # hers alone; 吃低保的 — 想开个小店: both, not the last
        facts = {k: v for f in sources for k, v in f.items()}
        told = {str(g) for f in sources for g in (*f.get("groups", ()), f.get("group")) if g}
        groups = frozenset(q.groups) | (frozenset() if other else frozenset(c.profile)) | told
        if not groups:
            return Reply(response="utter_ask_profile")
        try:
            groups, entitled = self._entitled(groups, facts)
        except FactError as error:
            return Reply(str(error))
        facts = _personal(facts)
        if not entitled:
            return Reply(response="utter_nothing_applies")
        fact = settling_fact(entitled)
        if len(entitled) == 1 and fact is None and q.asked_said:  # 精简退职的老职工 补助涨不涨: the one measure, asked
            person = next((p.key for p in q.people), None)
            return self._answered(q, replace(c, lines=(Line(entitled[0].measure.id, person),), asked=q.asked,
                                             period=q.period, facts=facts, requested=None, profile=()))
        text, rest, figures = entitlement_list(entitled)
        named = [p for p in q.people if p.key != SELF]
        whose = named[0] if len(named) == 1 and len(q.people) == 1 else None  # 我叔52岁失业了 想开个小饭馆: his list,
        picks = _kinds_to_pick(entitled)[0] is not None  # 大姨是遗属: which kind?
        if whose is not None:  # and his line when 我婶 … 俩人一共 comes to add them up (none while the list's kind
            c = c.with_person(Someone(whose.key, whose.label, whose.count, dict(whose.facts),  # of hers is asked)
                                      () if picks else (entitled[0].measure.id,)))
        lines = (Line(entitled[0].measure.id, whose.key if whose else None),)  # 比以前多了多少 next asks about the
        # first (the best) of the list
        context = replace(c, lines=lines, profile=tuple(sorted(groups)) if fact else (), facts=facts, requested=fact,
                          listed=tuple(e.measure.id for e in entitled), focus=whose.key if whose else c.focus)
        context = remember(context) if whose else context
        return Reply(text, buttons=[(e.measure.title, e.measure.title) for e in rest[:BUTTONS]],
                     slots={"context": context.to_json()}, derived=frozenset(v for f in figures for v in f.values()))

    # ---- words of several meanings, benefits the plan lacks, the rest
    def _settled(self, question: Clarification, c: Context) -> bool:
        """老兵 after a question about 抗美援朝老兵 is that one (or, for 补助, whatever measure came before); after his
        merit's addition alone, his 抗美援朝老兵 still (连老兵补助加起来: the one the person asked of is)."""
        if not c.lines:
            return False
        if question.subject_settles:
            return True
        theirs = {m for line in c.lines if (p := c.person(line.person)) is not None for m in p.measures}
        titles = {w for measure in {*(line.measure for line in c.lines), *theirs}
                  if (m := self.store.find(measure)) for w in (m.title, *m.keywords)}
        return any(option in titles for option in question.options)

    def _clarify(self, q: Question, word: str, question: Clarification) -> Reply:
        """老兵一年多少: which war? Each button asks the same question of one of the plan's terms."""
        said = q.said if word in q.said else q.text  # the citizen's own words, 老兵 in them replaced
        buttons = [(option, said.replace(word, option, 1)) for option in question.options]
        return Reply(question.question, buttons=buttons)

    def _no_such_measure(self, name: str, benefit: str) -> Reply:
        """暖流计划没有提到这一项 (said with the words citizens look for: not in the plan), and the measure whose
        words come nearest, offered as such."""
        nearest = self.store.search(name, limit=1)
        text = f"暖流计划（长春市2017年）没有提到“{name}{benefit}”，没有这一项。"
        buttons = []
        if nearest and nearest[0].groups:
            text += f"\n最接近的是：{nearest[0].title}（{nearest[0].section}），点下面的按钮可以看。"
            buttons = [(nearest[0].title, nearest[0].title)]
        text += "\n其他政策请咨询市人社局（计划牵头部门）。"
        return Reply(text, buttons=buttons, unanswered=True)

    @staticmethod
    def _out_of_scope(q: Question) -> Reply:
        fallback = q.intent == "nlu_fallback"
        return Reply(response="utter_default" if fallback else "utter_out_of_scope", unanswered=True)


def _personal(facts: dict[str, Any]) -> dict[str, Any]:
    """The facts a measure's rules read, without those that only said who the person is (group, gender, fallen)."""
    return {k: v for k, v in facts.items() if k not in ("group", "gender", "fallen")}


def count_misses(reply: Reply, state: State) -> Reply:
    """The reply with the count of replies in a row that did not answer brought up to date; at the
    MISSES_BEFORE_OFFER-th, a person is offered after it and the count starts again. Applied to the reply
    as sent, after the provenance check, since a withheld reply did not answer either."""
    if reply.offer_handover or reply.hand_over:
        return on_one_screen(reply)
    misses = state.misses + 1 if reply.unanswered else 0
    if misses >= MISSES_BEFORE_OFFER:
        reply = replace(reply, offer_handover=True, slots={**reply.slots, "handover_offered": True, "misses": None})
    elif misses != state.misses:
        reply = replace(reply, slots={**reply.slots, "misses": misses or None})
    return on_one_screen(reply)


def on_one_screen(reply: Reply) -> Reply:
    """The reply as sent read on one screen: its text cut to what its buttons and the offers after it (a rating,
    a person) leave; a reply was fit before a note, a second answer or an offer was added to it."""
    if not reply.text:
        return reply
    room = SCREEN - sum(len(title) + 1 for title, _ in reply.buttons) - (RATING_OFFER if reply.offers_rating else 0) \
        - (HANDOVER_OFFER if reply.offer_handover else 0)
    return replace(reply, text=within(reply.text, room))


def _kinds_to_pick(entitled: list[Entitlement]) -> tuple[str | None, list[str]]:
    """The fact that settles a list by picking one of its kinds (遗属: 烈士遗属, 因公牺牲军人遗属 …), and those kinds;
    (None, []) when the list is no choice among kinds (a job seeker's months in business settle one measure)."""
    fact = settling_fact(entitled)
    kinds = list(dict.fromkeys(str(e.measure.categories[fact]) for e in entitled
                               if fact and fact in e.measure.categories))
    return (fact, kinds) if len(kinds) > 1 else (None, [])


def _place_asked(said: str, measure: Measure) -> tuple[str, list[str]] | None:
    """(the place asked of, the places the measure's sentence lists) when the message names a place and the
    measure lists where it applies (来电人在德惠，能不能种); else None."""
    listed = sorted((p for p in load_places() if p in measure.quote), key=measure.quote.find)  # in the plan's order
    asked = next((p for p in load_places() if p in said), None)
    return (asked, listed) if listed and asked else None


def _asked_sums(done: list[Outcome], asked: tuple[str, ...], shown: list[Figure]) -> set[float]:
    """The sums the reply states for what was asked: each line's standard, old one or rise (as asked), by the year
    and by the month, and the totals it works out."""
    sums = {f.value for f in shown if f.parts}
    for o in done:
        r = o.result
        if r is None or r.amount is None or r.amount_max is not None:
            continue
        for kind in asked:
            value = r.old_amount if kind == "old" else (r.amount - r.old_amount if r.old_amount is not None else None) \
                if kind == "rise" else r.amount
            if value is not None:
                sums |= {value, value * 12, round(value / 12, 2)} if r.period in MONTHS else {value}
    return sums


def _confirmed(told: float, asked: set[float], derived: frozenset[float], lines: int) -> str | None:
    """现在是21060对吗: 对 when the sum told is one the reply states for what was asked; 不对 when, of one line, it is
    none of the figures the reply works with (19860, the old one, or 1200, the rise, asked as the standard: no
    verdict, the reply shows each for what it is)."""
    if any(abs(v - told) < 0.01 for v in asked):
        return "对。"
    return "不对，暖流计划的数是下面这个。" if lines == 1 and not any(abs(v - told) < 0.01 for v in derived) else None


def _not_covered(q: Question) -> str:
    """What the plan says of each person the message makes one it does not cover (烈士的外孙, 对越自卫反击战老兵)."""
    return "\n".join(f"· {p.label}：{p.facts['outside']}" for p in q.people if "outside" in p.facts)
