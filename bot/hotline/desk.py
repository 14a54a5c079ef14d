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

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.assistant import Assistant
from bot.plan.calculator import Result, calculate, inputs
from bot.plan.eligibility import for_other_subjects
from bot.plan.facts import FactError, MissingFact, NotEligible, load_specs
from bot.plan.measure import Measure
from bot.plan.numbers import money
from bot.plan.records import load_aspects, load_groups
from bot.plan.summary import amount_text, formula_text

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


def read_number(normalize, raw: str) -> float | str:
    """A calculator field as typed (八, 七十二岁, 8.5) as a number, or the text itself, which the calculator
    then refuses with the reason (服役年数应是一个数字); so is a number too large to be one (9 typed 400 times)."""
    found = _FIGURE.search(normalize(raw))
    if found is None:
        return raw
    value = float(found.group())
    if not math.isfinite(value):
        return raw
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


def _before(result: Result) -> str | None:
    if result.old_amount is None:
        return None
    return f"{result.period}{money(result.old_amount)}" if result.unit == "元" else None


def _fields(measure: Measure) -> tuple[Field, ...]:
    specs = load_specs()
    return tuple(Field(f, specs[f].label, specs[f].unit, tuple(measure.params.get("levels", ())) if f == "merit" else ())
                 for f in inputs(measure))
