"""The hotline operators' desk: a caller's words in, answer cards out.

The desk understands a caller exactly as the chat understands a citizen: the
plan's normaliser (繁體, typos, 中文数字, everyday words), fact reader, the
store's naming and search, the vocabulary's ambiguous words, the turn step's
test for a benefit the plan lacks, and the calculator. It adds no reading of
its own; it only lays the result out as cards an operator can read aloud, with
the fields of a card's calculator taken from the measure (bot.plan.calculator.inputs).
Rasa-free: the Datasette plugin (lookup/plugins/) serves it as HTML and JSON.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.assistant import Assistant
from bot.dialogue.wording import _total
from bot.plan.calculator import Result, calculate, inputs
from bot.plan.eligibility import for_other_subjects
from bot.plan.facts import FactError, MissingFact, NotEligible, load_specs
from bot.plan.measure import Measure
from bot.plan.numbers import money
from bot.plan.records import load_aspects, load_groups
from bot.plan.summary import amount_text, formula_text
from bot.reading.cues import PERIODS

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

    @property
    def exact(self) -> bool:
        return any(card.exact for card in self.cards)

    def json(self) -> dict[str, Any]:
        return {"query": self.query, "understood": self.understood, "facts": self.facts, "missing": self.missing,
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
    then refuses with the reason (服役年数应是一个数字)."""
    found = _FIGURE.search(normalize(raw))
    if found is None:
        return raw
    value = float(found.group())
    return int(value) if value == int(value) else value


class Desk:
    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def search(self, words: str, form: Mapping[str, str] | None = None, card: str | None = None) -> Answer:
        """The cards for a caller's words: those that answer them (`_answering`) first and marked exact, then
        the store's other hits as near matches (all near for a benefit the plan lacks). `form` holds the
        calculator fields of `card`, as typed; an empty field is no fact."""
        text = self.assistant.normalize(words)
        facts = self.assistant.extract.facts(words)
        store = self.assistant.store
        named = store.all_named_in(text)
        plan_only = all(m.section == "导语" for m in named)  # nothing named, or only the plan itself
        missing = self.assistant.conversation.not_in_plan(text) if plan_only else None
        answering = [] if missing else self._answering(text, named, facts)  # 取暖补贴: nothing answers it
        found = answering + store.search(text, limit=LIMIT)
        exact = {m.id for m in answering}
        ranked = list({m.id: m for m in reversed(found)}.values())[::-1]  # a repeat ranks where the store ranks it
        measures = sorted(ranked, key=lambda m: m.id not in exact)[:LIMIT] if found else self._nearest(text)
        cards = tuple(self.card(m, self._calculator(m, facts, form or {}) if m.id == card else facts, m.id in exact)
                      for m in measures)
        return Answer(words, text, facts, cards, "".join(missing) if missing else None)

    def assist(self, messages: Sequence[str]) -> Assist:
        """The answer cards for what a citizen asks in a conversation, read with the conversation as context: the
        agent-assist panel beside a handed-over conversation at the desk (lookup/plugins/console.py).

        Contract (the desk relies on it; a later reader may change how, not what):
        - `messages`: what the citizen wrote in the conversation, oldest first, as they wrote it (masked), without
          the payloads of the buttons they tapped; empty messages count for nothing;
        - the question is the last message that asks something of the plan; a message that names no measure
          (那一个月呢, 去哪办) is read with the nearest earlier one that does, as the chat continues a subject;
        - the facts are every fact the citizen stated in any message, a later telling winning, applied to each
          card as the desk applies a caller's facts (Desk.card), with its computed amount and calculation;
        - the cards are Desk.search's for the question: those that answer it marked exact and first, near
          matches after; none when nothing was asked;
        - the total is the 合计 line of the exact cards' amounts when the question asks for a total (一共, 加起来)
          and two or more of them have an amount for the facts given, as the chat adds them; else None.
        Today it is read over Desk.search, message by message; the chat's own reading of the conversation (its
        people and subject) would replace that without changing the contract."""
        said = [m.strip() for m in messages if m.strip()]
        facts: dict[str, Any] = {}
        for text in said:
            facts |= self.assistant.extract.facts(text)
        if not said:
            return Assist("", facts, ())
        question = said[-1]
        if not self._names_something(question):
            earlier = next((t for t in reversed(said[:-1]) if self._names_something(t)), None)
            question = f"{earlier}，{question}" if earlier else question
        store = self.assistant.store
        cards = tuple(self.card(store.get(c.id), facts, c.exact) for c in self.search(question).cards)
        total = None
        normalized = self.assistant.normalize(question)
        if self.assistant.cues.total(normalized):
            adding = [c for c in cards if c.exact and not c.verdict]
            results = [result for c in adding if (result := _result(store.get(c.id), c.applied)) is not None]
            if len(results) > 1 and len(results) == len(adding):
                total = _total(results, PERIODS.get(self.assistant.cues.kind(normalized)))
        return Assist(question, facts, cards, total)

    def _names_something(self, text: str) -> bool:
        """Whether a message asks about something of its own: it names a measure (the plan itself aside), states a
        fact that points to one, or uses a word of several meanings."""
        normalized, store = self.assistant.normalize(text), self.assistant.store
        return (any(m.section != "导语" for m in store.all_named_in(normalized))
                or any(store.made_for(fact, value) for fact, value in self.assistant.extract.facts(text).items())
                or self.assistant.vocabulary.ambiguous_in(normalized) is not None)

    def _answering(self, text: str, named: list[Measure], facts: Mapping[str, Any]) -> list[Measure]:
        """The measures that answer the words, as the chat would take them: those they name (the plan itself
        only when nothing else), those the facts point to (服役8年 → 老义务兵), each meaning of an ambiguous
        word (老兵: each kind); failing all, the store's best hit, which the chat answers as its subject
        (下岗职工). The store's further hits only share words with the question (工伤待遇 for 老兵补助)."""
        store = self.assistant.store
        found = [m for m in named if m.section != "导语"] or list(named)
        found += [m for fact, value in facts.items() if (m := store.made_for(fact, value))]
        if not found and (ambiguous := self.assistant.vocabulary.ambiguous_in(text)):
            found += [m for option in ambiguous[1].options for m in store.all_named_in(option)]
        return found or store.search(text, limit=1)

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


def _result(measure: Measure, facts: Mapping[str, Any]) -> Result | None:
    """The measure computed with the facts, when it gives one amount for them."""
    try:
        result = calculate(measure, facts)
    except FactError:
        return None
    return result if result.amount is not None and result.amount_max is None else None


def _before(result: Result) -> str | None:
    if result.old_amount is None:
        return None
    return f"{result.period}{money(result.old_amount)}" if result.unit == "元" else None


def _fields(measure: Measure) -> tuple[Field, ...]:
    specs = load_specs()
    return tuple(Field(f, specs[f].label, specs[f].unit, tuple(measure.params.get("levels", ())) if f == "merit" else ())
                 for f in inputs(measure))
