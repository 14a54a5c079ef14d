"""The operators' lookup: the same store, search and calculator the bot uses, for people.

Two faces share this module: `python -m bot lookup 抗日老兵` prints matching
measures in a terminal, and the Datasette plugin (lookup/plugins/) registers
SQL functions so canned queries in lookup/metadata.yml compute an amount for
a caller with bot.plan.calculator itself, never a second copy of the rules.
"""
from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from bot.assistant import load_assistant
from bot.dialogue.wording import needs_fact, reply
from bot.plan.calculator import calculate
from bot.plan.facts import FactError
from bot.plan.measure import Measure
from bot.plan.summary import formula_text

HEADINGS = ("关注", "措施", "标准/金额", "承办部门", "编号")
MAX_CELL = 34  # display columns; longer titles and amounts end in …, the full text is in the source lines


class Lookup:
    """One measure database with the normaliser and fact reader the bot uses on it."""

    def __init__(self, db_path: Path) -> None:
        known = load_assistant(db_path)  # the bot's own store, normaliser and fact reader
        self.store, self.normalize, self.extract = known.store, known.normalize, known.extract

    def find(self, query: str, limit: int = 5) -> list[Measure]:
        """What an operator's words name, read like a citizen's (繁體, 中文数字, typos)."""
        return self.store.search(self.normalize(query), limit=limit)

    def ranked_ids(self, query: str | None) -> str:
        """The bot's own search (keywords, then full text) as a JSON list of ids, best first."""
        return json.dumps([m.id for m in self.find(query or "", limit=20)])

    def facts_json(self, words: str | None) -> str:
        """A caller's facts in their words (当过8年兵，72岁) as the JSON nuanliu_calculate takes."""
        return json.dumps(self.extract.facts(words or ""), ensure_ascii=False)

    def calculation(self, measure_id: str, facts_json: str | None) -> str:
        """The bot's own answer for one measure and a caller's facts ({"service_years": 8, "age": 72})."""
        try:
            measure = self.store.get(measure_id)
        except KeyError:
            return f"没有编号为 {measure_id} 的措施"
        try:
            facts = json.loads(facts_json or "{}")
        except json.JSONDecodeError:
            return '事实须为 JSON 对象，例如 {"service_years": 8}'
        facts = {k: v for k, v in facts.items() if v not in (None, "")}
        try:
            return reply(calculate(measure, facts))
        except FactError as error:
            return needs_fact(measure, error)


@cache
def lookup(db_path: Path) -> Lookup:
    return Lookup(db_path)


def register_functions(conn: sqlite3.Connection, db_path: Path) -> None:
    """SQL functions for Datasette's canned queries over the measure table at db_path."""
    tools = lookup(db_path)
    conn.create_function("nuanliu_calculate", 2, tools.calculation)
    conn.create_function("nuanliu_facts", 1, tools.facts_json)
    conn.create_function("nuanliu_search", 1, tools.ranked_ids)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str) -> str:
    if _width(text) <= MAX_CELL:
        return text
    while _width(text + "…") > MAX_CELL:
        text = text[:-1]
    return text + "…"


def table(measures: Sequence[Measure]) -> str:
    """Rows that line up in a terminal (Chinese characters count double), then each one's source."""
    rows = [HEADINGS, *((*map(_clip, (m.section, m.title, formula_text(m) or "见原文", m.department)), m.id)
                        for m in measures)]
    widths = [max(_width(row[i]) for row in rows) + 2 for i in range(len(HEADINGS))]
    lines = ["".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines += ["", "出处："] + [f"[{m.id}] 暖流计划{m.section}“{m.quote}”" for m in measures]
    return "\n".join(lines)
