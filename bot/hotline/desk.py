"""The hotline operators' desk: a caller's words in, answer cards out.

The desk understands a caller exactly as the chat understands a citizen: the
chat's reader turns the words into one question (the people, their facts, the
measures, what is asked), the chat's merge makes it a full question, and the
chat's own reply to it is shown above the cards, totals included. It adds no
reading of its own; it lays the measures out as cards an operator can read
aloud, with the fields of a card's calculator taken from the measure
(bot.plan.calculator.inputs).
Rasa-free: the Datasette plugin (lookup/plugins/) serves it as HTML and JSON.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.assistant import Assistant
from bot.dialogue.context import Context
from bot.dialogue.merge import merge, remember
from bot.plan.calculator import Result, calculate, inputs
from bot.plan.eligibility import for_other_subjects
from bot.plan.facts import FactError, MissingFact, NotEligible, load_specs
from bot.plan.measure import Measure
from bot.plan.numbers import money, whole
from bot.plan.records import load_aspects, load_groups
from bot.plan.summary import amount_text, formula_text
from bot.reading.question import Question

UNNAMED = "原文未写明承办部门"
LIMIT = 6  # cards for one search: the four kinds of 老兵 and two more fit one screen
NEAREST = 3  # near matches offered when nothing matches
_HAN = re.compile(r"[\u4e00-\u9fff]")
_FIGURE = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Field:
    """One input of a card's calculator: the fact, its Chinese label and unit, the choices for a level."""
    fact: str
    label: str
    unit: str = ""
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    section: str
    aspect: str  # the plan's 方面 (of the 6 that hold its 37 tasks), "" for the plan's overview
    audience: str
    groups: tuple[str, ...]
    amount: str  # the amount as shown: for the facts applied, else the standard (now, 原 before)
    before: str | None  # the amount before the 2017 plan raised it, where the plan says
    conditions: tuple[str, ...]
    department: str  # the office the plan names, or UNNAMED
    department_named: bool
    lead: str | None  # where the plan names no office: its lead department (市人社局), shown as the lead
    quote: str
    exact: bool  # True when it answers the caller's words (Desk._answering), False for a near match
    applied: dict[str, Any] = field(default_factory=dict)  # the facts this card was computed with
    calculation: tuple[str, ...] = ()  # the steps, once facts are applied
    verdict: str | None = None  # what the facts given settle or still lack; None while none is given
    fields: tuple[Field, ...] = ()

    def json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    query: str
    understood: str  # the words as the bot reads them (简体, digits, the plan's terms)
    facts: dict[str, Any]
    cards: tuple[Card, ...]
    missing: str | None = None  # a benefit the caller named that the plan lacks (取暖补贴)
    people: tuple[str, ...] = ()  # whom the words speak of, each with what they told (您爸：服役8年、72岁)
    asked: tuple[str, ...] = ()  # what is asked, in the chat's words (金额、每月)
    reply: str | None = None  # what the chat would answer to these words (its total, when asked, included)

    @property
    def exact(self) -> bool:
        return any(card.exact for card in self.cards)

    def json(self) -> dict[str, Any]:
        return {"query": self.query, "understood": self.understood, "facts": self.facts, "missing": self.missing,
                "people": list(self.people), "asked": list(self.asked), "reply": self.reply,
                "cards": [card.json() for card in self.cards]}


@dataclass(frozen=True)
class Assist:
    """The cards for a conversation's latest question, for the operator who holds it (Desk.assist)."""
    question: str  # the words read: the citizen's last question, after the earlier one it continues if it names nothing
    facts: dict[str, Any]  # what the citizen stated in the conversation, the latest telling of each fact
    cards: tuple[Card, ...]  # exact cards first, computed with `facts`; near matches after, marked so
    total: str | None = None  # the 合计 line, when the citizen asked for a total of several amounts


def read_number(normalize, raw: str) -> float | str:
    """A calculator field as typed (八, 七十二岁, 8.5) as a number, or the text itself, which the calculator
    then refuses with the reason (服役年数应是一个数字); so is a number too large to be one (9 typed 400 times)."""
    found = _FIGURE.search(normalize(raw))
    if found is None:
        return raw
    value = float(found.group())
    if not math.isfinite(value):
        return raw
    return whole(value)


class Desk:
    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def search(self, words: str, form: Mapping[str, str] | None = None, card: str | None = None) -> Answer:
        """The cards for a caller's words: those that answer them (`_answering`) first and marked exact, then
        the store's other hits as near matches (all near for a benefit the plan lacks). `form` holds the
        calculator fields of `card`, as typed; an empty field is no fact."""
        question = self.assistant.reader.read(words)
        full, _ = merge(question, Context(), self.assistant.store, self.assistant.people)
        facts = _told(question)
        store = self.assistant.store
        answering = [] if question.missing else self._answering(question, full)  # 取暖补贴: nothing answers it
        found = answering + store.search(question.text, limit=LIMIT)
        exact = {m.id for m in answering}
        ranked = list({m.id: m for m in reversed(found)}.values())[::-1]  # a repeat ranks where the store ranks it
        measures = sorted(ranked, key=lambda m: m.id not in exact)[:LIMIT] if found else self._nearest(question.text)
        cards = tuple(self.card(m, self._calculator(m, facts, form or {}) if m.id == card else facts, m.id in exact)
                      for m in measures)
        reply = self.assistant.conversation.reply_to(question, Context()).text if answering else None
        return Answer(words, question.text, facts, cards, "".join(question.missing) if question.missing else None,
                      _people(full), _asked(question), reply)

    def assist(self, messages: Sequence[str]) -> Assist:
        """The answer cards for what a citizen asks in a conversation, read as the chat reads it: the agent-assist
        panel beside a handed-over conversation at the desk (lookup/plugins/console.py).

        Contract (the desk relies on it):
        - `messages`: what the citizen wrote, oldest first, as they wrote it (masked), without the payloads of
          the buttons they tapped; empty messages count for nothing;
        - the messages are read one after another with the chat's reader and merge, so a message that names
          nothing (那一个月呢, 去哪办) continues the subject before it; the question is the last that asks
          something of the plan, shown as its words after those it continues;
        - the facts are every fact the citizen stated, a later telling winning, applied to each card as the desk
          applies a caller's facts (Desk.card);
        - the cards are the full question's measures, exact and first, then the store's near matches for its
          words; only near matches when the chat could answer nothing; none when nothing was asked;
        - the total is the 合计 line of the chat's own reply when the question asks for a total; else None."""
        said = [m.strip() for m in messages if m.strip()]
        store, people = self.assistant.store, self.assistant.people
        context, before, asked, words = Context(), Context(), None, ""
        facts: dict[str, Any] = {}
        for text in said:
            question = self.assistant.reader.read(text)
            facts |= _told(question)
            full, rule = merge(question, context, store, people)
            if full.lines:
                words = text if rule == "names_its_subject" or not words else f"{words}，{text}"
                before, asked = context, question
            context = remember(full) if full.lines else context
        if asked is None:  # 我的补助什么时候到账: nothing the chat could answer, the store's nearest for the words
            last = self.assistant.reader.read(said[-1]) if said else None
            near = store.search(last.text, limit=LIMIT) if last is not None and last.asks else []
            return Assist(said[-1] if said else "", facts, tuple(self.card(m, facts, False) for m in near))
        measures = [store.get(m) for m in dict.fromkeys(line.measure for line in context.lines)]
        near = [m for m in store.search(asked.text, limit=LIMIT) if m not in measures][:max(0, LIMIT - len(measures))]
        cards = tuple(self.card(m, facts, True) for m in measures) + tuple(self.card(m, facts, False) for m in near)
        reply = self.assistant.conversation.reply_to(asked, before).text or ""
        total = next((line for line in reply.splitlines() if line.startswith("合计")), None) if context.total else None
        return Assist(words, facts, cards, total)

    def _answering(self, question: Question, full: Context) -> list[Measure]:
        """The measures that answer the words, as the chat takes them: the lines of its full question (named,
        pointed to by facts, a person's own); each meaning of an ambiguous word (老兵: each kind); failing all,
        the store's best hit, which the chat answers as its subject (下岗职工). The store's further hits only
        share words with the question (工伤待遇 for 老兵补助)."""
        store = self.assistant.store
        found = [store.get(m) for m in dict.fromkeys(line.measure for line in full.lines)]
        if not found and question.ambiguous:
            found += [m for option in question.ambiguous[1].options for m in store.all_named_in(option)]
        return found or store.search(question.text, limit=1)

    def card(self, measure: Measure, facts: Mapping[str, Any], exact: bool = True) -> Card:
        """One measure as a card: its standard amount, then, once the caller or the calculator gives a fact
        it reads, the amount for that fact with the calculation, or what the fact rules out or still lacks.
        A category the caller named (抗日老兵) is the subject of its own card: on another category's card it
        is set aside (bot.plan.eligibility.for_other_subjects), never a reason for 暂不符合. Facts the measure
        does not read are ignored, never held against it, and an empty field settles nothing."""
        facts = {k: v for k, v in facts.items() if k not in for_other_subjects(measure, facts)}
        given = {f: facts[f] for f in inputs(measure) if facts.get(f) not in (None, "")}
        applied = given | {f: facts[f] for f in measure.categories if facts.get(f)}
        amount, before, verdict = formula_text(measure), None, None
        steps: tuple[str, ...] = ()
        try:
            standard = calculate(measure)
            amount, before = amount_text(standard) or amount, _before(standard)
        except FactError:
            pass  # reckoned from a fact (服役年数): the formula is the amount
        try:
            result = calculate(measure, applied)
            if given:
                amount, before, steps = amount_text(result) or amount, _before(result), result.steps
        except NotEligible as error:
            verdict = f"按所说情况暂不符合：{error}"
        except MissingFact as error:
            verdict = f"还需：{load_specs()[error.fact].label}" if given else None
        except FactError as error:
            verdict = str(error)
        named = measure.department_source == "text"
        groups = load_groups()
        return Card(
            id=measure.id, title=measure.title, section=measure.section, aspect=load_aspects().get(measure.section, ""),
            audience=measure.audience, groups=tuple(groups[g]["label"] for g in measure.groups),
            amount=amount, before=before, conditions=measure.conditions,
            department=measure.department if named else UNNAMED, department_named=named,
            lead=None if named else measure.department, quote=measure.quote, exact=exact,
            applied=applied, calculation=steps, verdict=verdict, fields=_fields(measure),
        )

    def _calculator(self, measure: Measure, facts: Mapping[str, Any], form: Mapping[str, str]) -> dict[str, Any]:
        """The facts for a card whose calculator was used: its fields as typed (an emptied field is no fact,
        even if the caller's words gave one), the caller's other facts as they were."""
        specs, fields = load_specs(), inputs(measure)
        typed = {f: form[f].strip() for f in fields if form.get(f, "").strip()}
        return {**{k: v for k, v in facts.items() if k not in fields},
                **{f: raw if specs[f].unit == "" else read_number(self.assistant.normalize, raw) for f, raw in typed.items()}}

    def _nearest(self, text: str) -> list[Measure]:
        """Nothing matched: the measures sharing most of the words' characters with their title and keywords,
        benefits before the plan's own description, to be offered as near matches."""
        asked = set(_HAN.findall(text))
        scored = [(len(asked & set("".join((m.title, *m.keywords)))), bool(m.groups), m) for m in self.assistant.store.measures]
        scored = [s for s in scored if s[0]]
        return [m for *_, m in sorted(scored, key=lambda s: (-s[0], not s[1]))[:NEAREST]]


def _told(question: Question) -> dict[str, Any]:
    """The facts a caller's words state, of anyone, as the calculator's fields take them (not how a soldier fell,
    nor every group a person was said to be in)."""
    people = {k: v for p in question.people for k, v in p.facts.items() if k not in ("fallen", "groups")}
    return {k: "、".join(map(str, v)) if isinstance(v, (list, tuple)) else v  # 三等功、二等功: as the field shows it
            for k, v in {**question.facts, **people}.items()}


def _shown(value: Any) -> str:
    return "、".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


def _people(full: Context) -> tuple[str, ...]:
    """您爸：服役年数8年、年龄72岁: each person the words speak of, with what they told."""
    specs, groups = load_specs(), load_groups()
    told = []
    for p in full.people:
        facts = [f"{specs[k].label}{groups.get(str(v), {}).get('label', v) if k == 'group' else _shown(v)}{specs[k].unit}"
                 for k, v in p.facts.items() if k in specs]  # 人群：老兵 (groups.yml's word, not its key)
        told.append(f"{p.label}{'（' + str(p.count) + '位）' if p.count > 1 else ''}：{'、'.join(facts) or '未说情况'}")
    return tuple(told)


ASKED_WORDS = {"amount": "金额", "old": "原来的金额", "rise": "涨了多少", "rise_pct": "涨了百分之几",
               "difference": "相差多少", "max": "最多多少", "min": "最少多少", "wait": "还差多久",
               "department": "承办部门", "apply": "怎么申请", "conditions": "条件", "says": "原文怎么说"}


def _asked(question: Question) -> tuple[str, ...]:
    """What the words ask, in the chat's terms: 金额、每月、合计."""
    asked = [ASKED_WORDS.get(k, k) for k in question.asked]
    return (*asked, *([question.period] if question.period else []), *(["合计"] if question.total else []))


def _before(result: Result) -> str | None:
    if result.old_amount is None:
        return None
    return f"{result.period}{money(result.old_amount)}" if result.unit == "元" else None


def _fields(measure: Measure) -> tuple[Field, ...]:
    specs = load_specs()
    return tuple(Field(f, specs[f].label, specs[f].unit, tuple(measure.params.get("levels", ())) if f == "merit" else ())
                 for f in inputs(measure))
