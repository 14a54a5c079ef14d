"""One turn of a conversation, understood and answered: the message with its NLU parse and the
conversation's state in, a reply and the state's changes out.

Rasa-free, so every rule is unit-tested without a model or a tracker: the
actions only translate the tracker into a `Message` and a `State` and send
the `Reply` back. The subject (one or several measures), the facts, what is
asked of the subject (bot/reading/cues.py) and whether the message is in scope at
all are decided here together, because each depends on the others: 去哪里申请
names nothing, yet continues the conversation's measure; 那独生子女费呢 continues
nothing, because the plan has no such thing.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from bot.dialogue.handover_settings import HandoverSettings
from bot.dialogue.wording import (
    apply_reply,
    conditions_reply,
    department_reply,
    entitlement_list,
    for_each_person,
    needs_fact,
    office_reply,
    reply,
    settling_fact,
    several,
)
from bot.plan.calculator import KINDS, Result, calculate
from bot.plan.eligibility import Profile, entitlements, for_other_subjects
from bot.plan.facts import FactError
from bot.plan.measure import Measure
from bot.plan.records import load_groups, policy_text
from bot.plan.store import MeasureStore
from bot.plan.terms import cut
from bot.reading.cues import Cues
from bot.reading.normaliser import Normalizer
from bot.reading.vocabulary import Clarification, Vocabulary

ELSEWHERE = "elsewhere"  # the entity the NLU scope guard sets on a message naming another place or year
RATING = "rating"  # the entity a rating button's payload sets (domain.yml, utter_offer_rating)
GOOD, POOR = "满意", "不满意"  # the ratings (好差评), as the buttons' payloads give them
WECHAT_DIGITS = {"1": GOOD, "2": POOR}  # WeChat's offer reads 回复1满意，2不满意 (domain.yml)
PERSONAL_FACTS = ("age", "service_years", "veteran_category", "merit")  # facts of one person, not of the household
RECENT = 5  # measures answered one by one that a later 这几个加起来 / 差多少 may add up (这俩: the last 2)
MISSES_BEFORE_OFFER = 2  # replies in a row that did not answer, after which a person is offered
YES_OR_NO = ("affirm", "deny")  # the intents of 是 / 不用 (and of the offer's buttons)


@dataclass(frozen=True)
class Message:
    """A message as the NLU left it: the text normalised (简体, digits, the plan's words), the intent,
    the facts it states (fact, value) in order, a place or year outside the plan if it names one, and
    the text as the citizen typed it."""
    text: str
    intent: str | None = None
    entities: tuple[tuple[str, Any], ...] = ()
    elsewhere: str | None = None
    said: str = ""  # the text as typed, for buttons that repeat the question
    rating: str | None = None  # GOOD or POOR, from a rating button
    channel: str | None = None  # "wechat", where the rating offer is answered with a digit


@dataclass(frozen=True)
class State:
    """What the conversation holds before this turn (the tracker's slots)."""
    measure: str | None = None  # the subject
    subjects: tuple[str, ...] = ()  # several measures asked about together
    recent: tuple[str, ...] = ()  # measures answered one by one, latest last
    requested_fact: str | None = None  # the fact the bot asked for last
    listing: bool = False  # the last reply listed what a profile can claim
    people: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # the last reply's people, their facts
    person: str | None = None  # whom the facts are about (我, 我爸 …)
    facts: Mapping[str, Any] = field(default_factory=dict)
    group: str | None = None
    rating_offer: str | None = None  # the measure whose answer the last reply offered to rate
    offered: tuple[str, ...] = ()  # measures whose answers were offered to rate: once per subject
    reason_for: str | None = None  # the measure the last message rated 不满意: the next may say why
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


class Conversation:
    """The plan's measures, the cue words and the citizens' vocabulary, applied to one turn at a time."""

    def __init__(self, store: MeasureStore, cues: Cues, vocabulary: Vocabulary, normalize: Normalizer,
                 extract: Callable[[str], dict[str, Any]], handover: HandoverSettings) -> None:
        """`extract` reads the facts of a piece of text (bot/reading/fact_reader.py), for clauses of one message;
        `handover` is the deployment's wording and settings for handing a citizen over to a person."""
        self.store, self.cues, self.vocabulary, self.normalize, self.extract = store, cues, vocabulary, normalize, extract
        self.handover = handover

    @cached_property
    def _plan_text(self) -> str:
        return self.normalize(policy_text())

    # ---- the turn
    def respond(self, message: Message, state: State) -> Reply:
        """The reply and the state's changes. What only the last reply was about (a list awaiting a fact,
        the people it answered for, the fact it asked for, the rating it offered, the rating it thanked
        for, an offer of a person) is cleared unless this reply is about it again; when the message turns
        to another person, the facts told of the first one are cleared too."""
        rating = self._rating(message, state)
        if (handover := self._handover(message, state)) is not None:
            reply = handover
        elif rating is not None:
            reply = self._rated(rating, state)
        else:
            reply = self._answer(message, state)
        for name in ("listing", "people", "requested_fact", "rating_offer", "reason_for", "handover_offered"):
            if getattr(state, name) and name not in reply.slots:
                reply.slots[name] = None
        return reply

    def _answer(self, message: Message, state: State) -> Reply:
        """A message that rates nothing and answers no offer of a person: a question (or the reason for a
        不满意 just given), and the rating offered after an answer stating a figure of one measure (`_one`)
        not offered before; lists and several measures at once offer none, since one rating could not say
        which of them it is about."""
        moved_on = self._person(message.text) not in (None, state.person)  # 那我妈呢
        if moved_on:
            state = replace(state, facts={k: v for k, v in state.facts.items() if k not in PERSONAL_FACTS})
        reply = self._respond(message, state)
        if state.reason_for and reply.response in self._NOT_ABOUT_THE_PLAN and message.said.strip():
            return Reply(response="utter_reason_noted", reason=(state.reason_for, message.said.strip()), question=False)
        if reply.unanswered and message.intent in YES_OR_NO:  # 好的 after an answer: nothing was asked
            reply = Reply(response="utter_noted", question=False)
        if moved_on:
            stated = {fact for fact, _ in message.entities}
            reply.slots |= {k: None for k in PERSONAL_FACTS if k not in stated and k not in reply.slots}
        if reply.figure_for and reply.figure_for not in state.offered:
            reply.offers_rating = True
            reply.slots |= {"rating_offer": reply.figure_for, "offered": ",".join((*state.offered, reply.figure_for))}
        return reply

    # ---- 好差评: a rating is an offer beside the answer, never in the way of the next question
    # After 不满意, a message that would get one of these asks nothing of the plan: it says why (看不懂). One the
    # classifier takes for a greeting or thanks never reaches the turn step (data/rules.yml): it is not kept.
    _NOT_ABOUT_THE_PLAN = ("utter_out_of_scope", "utter_default")

    def _rating(self, message: Message, state: State) -> str | None:
        """GOOD or POOR: a rating button; right after the offer, 满意 or 不满意 typed, or on WeChat a bare 1
        or 2 unless it answers a fact the bot asked for (服役几年? 2); None for any other message."""
        if message.rating in (GOOD, POOR):
            return message.rating
        if not state.rating_offer:
            return None
        said = re.sub(r"[\s.。!！,，]", "", message.text)
        if said in (GOOD, POOR):
            return said
        if message.channel == "wechat" and not state.requested_fact:
            return WECHAT_DIGITS.get(said)
        return None

    @staticmethod
    def _rated(rating: str, state: State) -> Reply:
        """Thanks, and the rating kept with the answer it rates; after 不满意 the bot asks why, optionally.
        A rating with no answer offered just before (an old button) rates nothing and is only thanked for."""
        if not state.rating_offer:
            return Reply(response="utter_thanks", question=False)
        if rating == GOOD:
            return Reply(response="utter_rated_good", rating=(state.rating_offer, GOOD), question=False)
        return Reply(response="utter_rated_poor", rating=(state.rating_offer, POOR),
                     slots={"reason_for": state.rating_offer}, question=False)
    def _handover(self, message: Message, state: State) -> Reply | None:
        """转人工 / 我要找人: a person is offered (a yes on a wrong guess costs a tap, a handover nobody
        wanted costs an operator). After the offer, 是 queues the conversation and 不用 lets the bot go on;
        anything else is a new question (None), and the offer lapses."""
        if message.intent == "request_human":
            return Reply(offer_handover=True, slots={"handover_offered": True, "misses": None}, question=False)
        if not state.handover_offered:
            return None
        answer = self.handover.answer_to_offer(message.said or message.text)
        if answer is None and message.intent in YES_OR_NO:
            answer = message.intent == "affirm"
        if answer is None:
            return None
        settled = {"handover_offered": None, "misses": None}
        if answer:
            return Reply(self.handover.queued, hand_over=True, configured=self.handover.numbers, slots=settled,
                         question=False)
        return Reply(response="utter_handover_declined", slots=settled, question=False)

    def _respond(self, message: Message, state: State) -> Reply:
        text = message.text
        if message.elsewhere:
            return self._out_of_scope(message)
        named = self.store.all_named_in(text)
        nothing_named = all(m.section == "导语" for m in named)  # nothing, or only the plan itself
        if nothing_named and (missing := self.not_in_plan(text)):
            return self._no_such_measure(*missing)  # 暖流计划里有取暖补贴吗 / 那独生子女费呢: the plan lacks it
        current = self.store.find(state.measure)
        if message.intent == "help" and nothing_named and not (current and self._continues(message, state, current)):
            return Reply(response="utter_help")  # 你能干什么; but 怎么申请 after a measure is about that measure
        if (state.listing and any(fact == state.requested_fact for fact, _ in message.entities)
                and not self.cues.asks_something(text)):
            return self._profile(message, state, [])  # 二等功, after the list asked for it: the list, completed
        who_only = named and self._names_only_who(named, message) and not self.cues.asks_something(text)
        if message.intent == "ask_entitlements" and (nothing_named or who_only):  # 暖流计划对我有啥实惠 / 我是抗日老兵
            return self._profile(message, state, named)
        if len(named) > 1:
            return self._several(named, message, state)
        subject = named[0] if named else current
        if subject and len(people := self._people(text)) > 1:
            return self._each_person(subject, people, message, state)
        if current and not named and state.people and (self.cues.total(text) or self.cues.several(text)):
            return self._each_person(current, {p: "" for p in state.people}, message, state)  # 两个人一共多少
        if named:
            return self._one(named[0], message, state)
        made = next((m for fact, value in message.entities if (m := self.store.made_for(fact, value))), None)
        if made:
            return self._one(made, message, state)
        subjects = self.store.known(state.subjects)
        if subjects and self.cues.asks_something(text):  # 一年呢 / 加起来多少, after 各多少
            return self._several(subjects, message, state)
        recent = self.store.known(state.recent)[-(self.cues.how_many(text) or RECENT):]
        if len(recent) > 1 and (self.cues.total(text) or self.cues.several(text) or self.cues.kind(text) == "difference"):
            return self._several(recent, message, state)  # 俩加起来 / 这俩原来都是多少, after one answer each
        if clarify := self._ambiguous(text, current):
            return self._clarify(message, *clarify)
        if current and self._continues(message, state, current):
            return self._one(current, message, state)
        if (message.intent in ("ask_measure", "ask_department", "inform") or message.entities) and (
                found := self.store.search(text, limit=1)):  # stated facts, or facts told before any subject
            return self._one(found[0], message, state)  # (电话138****5678，下岗了想创业…) make it a question

        return self._out_of_scope(message)

    # ---- what the message is about
    def _ambiguous(self, text: str, current: Measure | None) -> tuple[str, Clarification] | None:
        """老兵一年多少 / 那老兵呢: a word of several meanings that nothing else in the message (every such
        word set aside) settles, and the conversation's subject is not one of; None otherwise."""
        found = self.vocabulary.ambiguous_in(text)
        if found is None or (current and (found[1].subject_settles
                                          or any(o in (current.title, *current.keywords) for o in found[1].options))):
            return None
        rest = text
        for word in self.vocabulary.ask:
            rest = rest.replace(word, " ")
        return None if self.store.search(self._content(rest)) else found

    def _continues(self, message: Message, state: State, current: Measure) -> bool:
        """A message that names no measure continues the subject when it states a fact, answers the
        question just asked with a number, asks something of a subject (去哪里申请, 折合每个月多少), or
        asks about words of the subject's own provision (扶持多少人创业, after 创业担保贷款)."""
        replies = state.requested_fact is not None and self._bare_number(message.text) is not None  # “8”
        return bool(message.entities or replies or self.cues.asks_something(message.text)
                    or message.intent in ("inform", "ask_department") or self._about(message.text, current))

    _NUMBER = re.compile(r"([-负]?)(\d+(?:\.\d+)?)[个年岁月人项种名位户元]?")

    def _bare_number(self, text: str) -> float | None:
        """“8”, “-5”, “8吧”: a reply that is one number and nothing else (question words aside: the 1 of
        1共 is none); a negative stays negative, so its check refuses it. 3到5年 or 1e9 is no bare number."""
        content = re.sub(r"[\s,.!?;:、。，！？吧啊呀了是的有就]", "", self._content(text))
        match = self._NUMBER.fullmatch(content)
        if match is None:
            return None
        value = float(match.group(2))
        return -value if match.group(1) else value

    def _about(self, text: str, measure: Measure) -> bool:
        """Whether the words the message asks about (question words aside) occur in the measure's provision."""
        words = [w for w in cut(self._content(text), self.store.terms) if len(w) > 1]
        return bool(words) and any(w in measure.quote or w in measure.title for w in words)

    @cached_property
    def _question_words(self) -> re.Pattern[str]:
        words = sorted({*self.cues.not_names, *self.cues.every_cue}, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, words)))

    def _content(self, text: str) -> str:
        """The text without its question words (多少, 什么, 每年, 一共): what is left is what it is about."""
        return self._question_words.sub(" ", text)

    def _person(self, text: str) -> str | None:
        return next((p for p in self.cues.people if p in text), None)

    def _names_only_who(self, named: list[Measure], message: Message) -> bool:
        """我是抗日老兵 / 俺是吃低保的: the words that name the measure say who the citizen is (a category,
        or a group word such as 低保户 that names it nowhere else in the message), so this is a profile;
        我家是低保户，能领多少低保 names 低保 again, as what it asks about."""
        categories = {value for fact, value in message.entities if fact == "veteran_category"}
        groups = {value for fact, value in message.entities if fact == "group"}
        rest = message.text
        for word in sorted((w for g in groups for w in load_groups()[g]["synonyms"]), key=len, reverse=True):
            rest = rest.replace(word, " ")
        still = {m.id for m in self.store.all_named_in(rest)}
        return all(set(m.categories.values()) & categories or (set(m.groups) & groups and m.id not in still)
                   for m in named)

    _BENEFIT = re.compile(r"([\u4e00-\u9fff]{2,8}?)(补贴|补助|津贴|奖励费|奖励|费|金|待遇)")

    _FUNCTION_CHARACTERS = set("的了吗么呢话是在给要有")  # 的话补助, 胎有奖励: no benefit's name

    def not_in_plan(self, text: str) -> tuple[str, str] | None:
        """A benefit the message names (取暖补贴, 独生子女费) by a word the plan never uses: (word, 补贴)."""
        for m in self._BENEFIT.finditer(text):
            name = cut(m.group(1), self.store.terms)[-1]  # the word before 补贴: 今年冬天取暖 → 取暖
            if (len(name) >= 2 and not set(name) & self._FUNCTION_CHARACTERS and name not in self.cues.not_names
                    and name not in self._plan_text
                    and not self.store.named_in(name + m.group(2))):
                return name, m.group(2)
        return None

    # ---- replies
    def _facts(self, message: Message, state: State, measure: Measure | None) -> dict[str, Any]:
        """The facts told so far, this message's first mention winning. A bare number answers the fact
        the bot asked for or, in a follow-up about the subject (如果是5个呢), the number its formula
        counts with; 我72岁 states an age, never years of service; 1年呢 asks for a period, not 1 of anything."""
        facts = {k: v for k, v in state.facts.items() if k != "count"}  # a count is of this message's people or sites
        facts |= {fact: value for fact, value in reversed(message.entities)}
        wanted = state.requested_fact
        if not wanted and measure is not None and measure.id == state.measure and not self.store.named_in(message.text):
            wanted = KINDS[measure.kind].counts
        if wanted and not message.entities and self.cues.period(message.text) is None:
            number = self._bare_number(message.text)
            if number is not None:
                facts[wanted] = number
        return facts

    def _one(self, measure: Measure, message: Message, state: State) -> Reply:
        facts = self._facts(message, state, measure)
        # 抗日老兵每年多少, then 当兵八年今年七十二岁: the 抗日 category was the first question's, and must not
        # refuse the 老义务兵 补助 the facts now point to; said in this message, it stands and is checked.
        stale = for_other_subjects(measure, facts, standing={fact for fact, _ in message.entities})
        facts = {k: v for k, v in facts.items() if k not in stale}
        recent = tuple(m for m in state.recent if m != measure.id)[-(RECENT - 1):] + (measure.id,)
        slots = {"measure": measure.id, "subjects": None, "recent": ",".join(recent),
                 "person": self._person(message.text) or state.person,
                 **{k: v for k, v in facts.items() if state.facts.get(k) != v}, **{k: None for k in stale}}
        kind = self.cues.kind(message.text)
        if self.cues.total(message.text) and "count" not in facts and (planned := measure.params.get("planned")):
            facts = {**facts, "count": planned}  # 全建完一共多少: as many as the plan builds
        if measure.id.startswith("duty_") and kind in ("amount", "department"):  # 市民政局管什么
            return Reply(office_reply(measure, self.store.measures), slots=slots)
        if kind == "apply":
            return Reply(apply_reply(measure), slots=slots)
        if kind == "department" or message.intent == "ask_department":
            return Reply(department_reply(measure), slots=slots)
        if kind == "conditions":
            return Reply(conditions_reply(measure), slots=slots)
        try:
            result = calculate(measure, facts)
        except FactError as error:
            return Reply(needs_fact(measure, error), slots={**slots, error.fact: None, "requested_fact": error.fact})
        states_figure = result.amount is not None or bool(result.figures)
        return Reply(reply(result, kind, self.cues.period(message.text)), slots={**slots, "requested_fact": None},
                     figure_for=measure.id if states_figure else None)

    def _several(self, named: list[Measure], message: Message, state: State) -> Reply:
        """烈士遗属和病故军人遗属各多少 / 义务兵补助加三等功一共多少: a line each, and the total when asked."""
        facts = self._facts(message, state, None)
        asked_about = {fact for fact, _ in message.entities if fact == "veteran_category"}
        facts.pop("veteran_category", None)  # 烈士遗属和病故军人遗属 / 俩老头: the subjects, not one person's category
        answers = [(measure, _outcome(measure, self._beside(measure, message.text, facts))) for measure in named]
        kind = self.cues.kind(message.text)
        text = several(answers, self.cues.total(message.text) or kind == "difference", kind)
        slots = {"measure": named[-1].id, "subjects": ",".join(m.id for m in named),
                 **{k: v for k, v in facts.items() if state.facts.get(k) != v}, **{k: None for k in asked_about}}
        return Reply(text, slots=slots)

    _CLAUSE = re.compile(r"[,;.!?、 ]|另外|再加|还有|以及")  # normalised text: the punctuation is ASCII

    def _beside(self, measure: Measure, text: str, facts: dict[str, Any]) -> dict[str, Any]:
        """绿色食品3个产品，无公害2个产品: the count a measure computes with is the one said in its own clause."""
        counted = KINDS[measure.kind].counts
        for clause in self._CLAUSE.split(text) if counted else ():
            if any(w in clause for w in (measure.title, *measure.keywords)) and counted in (said := self.extract(clause)):
                return {**facts, counted: said[counted]}
        return facts

    def _people(self, text: str) -> dict[str, str]:
        """Each person the message speaks of, with the clauses about them (我爸当兵6年，我叔当兵4年)."""
        people: dict[str, str] = {}
        for clause in self._CLAUSE.split(text):
            if person := self._person(clause):
                people[person] = ",".join(filter(None, [people.get(person), clause]))
        return people

    def _each_person(self, measure: Measure, people: dict[str, str], message: Message, state: State) -> Reply:
        """One answer per person, each from their own facts (said in their clauses now, or before) plus what
        the message says of them all; a total when asked."""
        shared = {k: v for k, v in self._facts(message, state, None).items() if k not in PERSONAL_FACTS}
        shared |= self.extract("，".join(c for c in self._CLAUSE.split(message.text) if not self._person(c)))
        shared.pop("count", None)  # 两个人 counts the people listed, it multiplies nothing
        facts = {person: {**state.people.get(person, {}), **self.extract(clauses)} for person, clauses in people.items()}
        answers = [(person, _outcome(measure, {**shared, **own})) for person, own in facts.items()]
        kind = self.cues.kind(message.text)
        text = for_each_person(measure, answers, self.cues.total(message.text), kind)
        return Reply(text, slots={"measure": measure.id, "subjects": None, "people": facts})

    def _profile(self, message: Message, state: State, named: list[Measure]) -> Reply:
        """What the person can claim, for every group the message states (下岗 and 低保 both count)."""
        groups = frozenset(v for f, v in message.entities if f == "group") or frozenset(filter(None, [state.group]))
        facts = self._facts(message, state, None)
        if not groups and not facts.get("veteran_category"):
            if state.measure and self.cues.asks_something(message.text):  # 啥时候能领, about the subject
                return self._one(self.store.get(state.measure), message, state)
            if found := self.store.search(self._content(message.text), limit=1):  # 烈士的老年子女有补助不
                return self._one(found[0], message, state)
            return Reply(response="utter_ask_profile")
        try:
            entitled = entitlements(Profile(groups, facts), self.store.measures)
        except FactError as error:
            return Reply(str(error), slots={error.fact: None})
        if not entitled and named:  # 我是烈士子女，今年才52，能领吗: say which condition rules it out
            return self._one(named[0], message, state)
        if not entitled:
            return Reply(response="utter_nothing_applies")
        text, rest = entitlement_list(entitled)
        first = entitled[0].measure.id  # 比以前多了多少 next asks about the first (the best) of the list
        return Reply(text, buttons=[(e.measure.title, e.measure.title) for e in rest[:6]],
                     slots={"measure": first, "subjects": None, "recent": first, "listing": True,
                            "requested_fact": settling_fact(entitled)})

    def _clarify(self, message: Message, word: str, question: Clarification) -> Reply:
        """老兵一年多少: which war? Each button asks the same question of one of the plan's terms."""
        said = message.said if word in message.said else message.text  # the citizen's own words, 老兵 in them replaced
        buttons = [(option, said.replace(word, option, 1)) for option in question.options]
        return Reply(question.question, buttons=buttons)

    def _no_such_measure(self, name: str, benefit: str) -> Reply:
        """暖流计划中没有这一项, and the measure whose words come nearest, offered as such."""
        nearest = self.store.search(name, limit=1)
        text = f"暖流计划（长春市2017年）中没有“{name}{benefit}”这一项。"
        buttons = []
        if nearest and nearest[0].groups:
            text += f"\n最接近的是：{nearest[0].title}（{nearest[0].section}），点下面的按钮可以看。"
            buttons = [(nearest[0].title, nearest[0].title)]
        text += "\n其他政策请咨询市人社局（计划牵头部门）。"
        return Reply(text, buttons=buttons, unanswered=True)

    @staticmethod
    def _out_of_scope(message: Message) -> Reply:
        fallback = message.intent == "nlu_fallback"
        return Reply(response="utter_default" if fallback else "utter_out_of_scope", unanswered=True)


def count_misses(reply: Reply, state: State) -> Reply:
    """The reply with the count of replies in a row that did not answer brought up to date; at the
    MISSES_BEFORE_OFFER-th, a person is offered after it and the count starts again. Applied to the reply
    as sent, after the provenance check, since a withheld reply did not answer either."""
    if reply.offer_handover or reply.hand_over:
        return reply
    misses = state.misses + 1 if reply.unanswered else 0
    if misses >= MISSES_BEFORE_OFFER:
        return replace(reply, offer_handover=True, slots={**reply.slots, "handover_offered": True, "misses": None})
    if misses != state.misses:
        return replace(reply, slots={**reply.slots, "misses": misses or None})
    return reply


def _outcome(measure: Measure, facts: Mapping[str, Any]) -> Result | FactError:
    """The measure computed, or what stops it (a missing, wrong or ruling-out fact), for a line of a list."""
    try:
        return calculate(measure, facts)
    except FactError as error:
        return error
