"""What a conversation holds between turns: its people and the last question as answered.

The state is the last full question (after merging) and what it was answered
with, not a scatter of partial memories: the people spoken of, each with their
facts and the measures that are theirs; the lines of the last answer; what was
asked of them, over which period, added up or not; the fact the bot asked for.
It travels between turns as one JSON value (the Rasa slot `context`).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

HISTORY = 6  # lines answered in earlier turns that a later 这几个加起来 may add up (这俩: the last 2 people or lines)
REMEMBERED = 3  # a turn answered with more lines than this (a profile's list) is no one thing to add up later


@dataclass(frozen=True)
class Someone:
    """A person (or a counted group) of the conversation."""
    key: str  # 我, 爸, 老王; a group: the words that name it
    label: str  # how the reply names them (您, 您爸)
    count: int = 1
    facts: Mapping[str, Any] = field(default_factory=dict)
    measures: tuple[str, ...] = ()  # the measures that are theirs (a category's, a named one's)

    @property
    def groups(self) -> frozenset[str]:
        """The groups they were told to be of (遗属, 下岗): read off their facts, where the reader keeps them."""
        return frozenset(str(g) for g in (*self.facts.get("groups", ()), self.facts.get("group")) if g)


@dataclass(frozen=True)
class Line:
    """One line of an answer: a measure for someone, or for no one in particular."""
    measure: str
    person: str | None = None
    count: int | None = None  # 3个抗美援朝老兵: the line counts that many
    facts: Mapping[str, Any] = field(default_factory=dict)  # told of this line alone (3个产品)


@dataclass(frozen=True)
class Context:
    people: tuple[Someone, ...] = ()
    lines: tuple[Line, ...] = ()
    asked: tuple[str, ...] = ("amount",)
    period: str | None = None
    both_periods: bool = False  # asked by the year and by the month (年差 月差): each figure shown in both
    once_met: bool = False  # asked of the time a requirement not yet met is (等他满60了), and its follow-ups
    total: bool = False
    facts: Mapping[str, Any] = field(default_factory=dict)  # told of no one in particular
    history: tuple[Line, ...] = ()  # lines answered in earlier turns, latest last
    requested: str | None = None  # the fact the last reply asked for
    profile: tuple[str, ...] = ()  # the groups of a list of what a profile gets, while it awaits a fact
    focus: str | None = None  # the person last spoken of
    later: int = 0  # 再过3个月呢: the months from now its facts are as they will be then
    span: int | None = None  # 十年一共多少 (120): the months the sum asked is over (不对 当了6年: still over ten years)
    split: int | None = None  # 平分成5份: the sum asked is shared among that many (要是4个人呢: among 4)
    term: str | None = None  # the term the last reply defined or judged people by: 那我48 男的呢 judges again
    listed: tuple[str, ...] = ()  # the measures a list the last reply gave (a profile's): 那个基金 picks one of them
    items: tuple[str, ...] = ()  # the plan's target figures named in the last turns (城镇新增就业): 这俩 are the last two
    answered: tuple[Line, ...] = ()  # the last answer of several lines, in its order, while later turns pick from
    # it (三样各多少 — 前两个加一起 — 最后那个比第一个少多少: the third and the first of the three)
    replaced: Line | None = None  # the one line the last turn put another in place of (因公牺牲 — 说错了 是病故的;
    # 个人荣誉称号 — 一等功呢), with the facts it was answered with: 这俩差多少 / 二者差额 are it and the one now
    actual: tuple[Someone, ...] | None = None  # the people as told, while the turns since ask as if (要是他多干两年呢):
    # 就按实际四年算 goes back to them
    abroad: bool = False  # the lines are of a question asked of another place (吉林市的抗日老兵): 那长春呢 asks them here


    def stated(self) -> set[float]:
        """Every number the citizen told of the people and the question (their facts), for the provenance check."""
        facts = [self.facts, *(p.facts for p in self.people), *(line.facts for line in self.lines)]
        return {float(v) for f in facts for v in f.values() if isinstance(v, (int, float)) and not isinstance(v, bool)}

    def person(self, key: str | None) -> Someone | None:
        return next((p for p in self.people if p.key == key), None)

    def with_person(self, someone: Someone) -> Context:
        others = tuple(p for p in self.people if p.key != someone.key)
        return replace(self, people=(*others, someone))

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str | Mapping[str, Any] | None) -> Context:
        """The context of a slot's value; an empty or unreadable one (an old conversation) is a new start."""
        try:
            data = json.loads(raw) if isinstance(raw, str) else dict(raw or {})
            return cls(
                people=tuple(_someone(p) for p in data.get("people", ())),
                lines=tuple(_line(x) for x in data.get("lines", ())),
                asked=tuple(data.get("asked", ("amount",))), period=data.get("period"),
                both_periods=bool(data.get("both_periods")), once_met=bool(data.get("once_met")),
                total=bool(data.get("total")), facts=data.get("facts", {}),
                history=tuple(_line(x) for x in data.get("history", ())), requested=data.get("requested"),
                profile=tuple(data.get("profile", ())), focus=data.get("focus"), later=int(data.get("later", 0)),
                span=data.get("span"), split=data.get("split"), term=data.get("term"),
                listed=tuple(data.get("listed", ())),
                items=tuple(data.get("items", ())),
                answered=tuple(_line(x) for x in data.get("answered", ())),
                replaced=_line(data["replaced"]) if data.get("replaced") else None,
                actual=tuple(_someone(p) for p in data["actual"]) if data.get("actual") is not None else None,
                abroad=bool(data.get("abroad")),
            )
        except (ValueError, TypeError, KeyError):
            return cls()


def _someone(raw: Mapping[str, Any]) -> Someone:
    return Someone(raw["key"], raw["label"], raw.get("count", 1), raw.get("facts", {}), tuple(raw.get("measures", ())))


def _line(raw: Mapping[str, Any]) -> Line:
    return Line(raw["measure"], raw.get("person"), raw.get("count"), raw.get("facts", {}))
