"""build/measures.db: the measure table in SQLite, for the bot, operators and Datasette.

Built with sqlite-utils from the checked YAML records. The build writes a new
file and swaps it in only when complete, so a bad edit leaves the last good
database in place. SQLite FTS does not segment Chinese, so the indexed text is
pre-cut by jieba (with the plan's terms kept whole) and queries are cut the same way.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import asdict
from pathlib import Path

import sqlite_utils

from bot.plan.calculator import inputs
from bot.plan.measure import Measure
from bot.plan.numbers import figure_spans, plain
from bot.plan.records import load_aspects, load_groups
from bot.plan.summary import formula_text
from bot.plan.terms import cut, terms

TABLE = "measures"
GROUPS = "groups"  # one row per group of data/groups.yml, so a measure counts under each of its groups
LOOKUP_VIEW = "measure_lookup"  # the operators' page in Datasette: Chinese column names, plan order
# The 方面 of the records outside the plan's 6 (导语 and 关注一至四 describe the plan as a whole), as the operators'
# facet shows it: a name that says what the rows are, not an empty value Datasette would show as “-”.
OVERVIEW = "计划概述（导语、关注一至四，不属于6个方面）"
_LOOKUP_SQL = f"""
select rowid as 行号, section as 关注, aspect as 所属方面, title as 措施, summary as 标准金额,
       (select group_concat(value, '；') from json_each(conditions)) as 条件,
       case department_source when 'text' then department else '原文未写明承办部门' end as 承办部门,
       quote as 原文, audience as 惠及对象,
       (select json_group_array(g.label) from json_each({TABLE}.groups) j join {GROUPS} g on g.id = j.value) as 适用人群,
       id as 编号
from {TABLE} order by section_order, rowid
"""
SECTION_ORDER = ["导语", "关注一", "关注二", "关注三", "关注四", "关注五", "关注六", "关注七", "关注八", "关注九", "关注十"]
PLAN_NAMES = ("暖流计划", "“暖流计划”")  # words every question about the plan may hold
JSON_FIELDS = ("groups", "params", "requires", "conditions", "keywords")


class StoreError(RuntimeError):
    """The measure database cannot be used; the message says which file and how to rebuild it."""


def _row(m: Measure, words: tuple[str, ...], summary: str) -> dict:
    row = asdict(m)
    for name in JSON_FIELDS:
        row[name] = json.dumps(row[name], ensure_ascii=False)
    row["section_order"] = SECTION_ORDER.index(m.section)
    row["summary"] = summary
    row["aspect"] = load_aspects().get(m.section, OVERVIEW)
    text = " ".join([m.title, m.audience, m.department, *m.keywords, *m.conditions, m.quote])
    row["search_text"] = " ".join(cut(text, words))
    return row


def build(measures: Sequence[Measure], path: Path) -> None:
    """Write the table to `path` atomically; same measures, same database content."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    words = tuple(terms(measures))
    db = sqlite_utils.Database(tmp)
    db.table(TABLE).insert_all((_row(m, words, formula_text(m)) for m in measures), pk="id")
    db.table(TABLE).create_index(["section"])
    db.table(TABLE).create_index(["department"])
    db.table(TABLE).create_index(["kind"])
    db.table(GROUPS).insert_all(({"id": gid, "label": g["label"]} for gid, g in load_groups().items()), pk="id")
    db.table(TABLE).enable_fts(["search_text"], fts_version="FTS5", tokenize="unicode61")
    db.create_view(LOOKUP_VIEW, _LOOKUP_SQL)
    db.close()
    os.replace(tmp, path)


def _measure(row: sqlite3.Row) -> Measure:
    fields = {k: row[k] for k in Measure.__dataclass_fields__}
    for name in JSON_FIELDS:
        fields[name] = json.loads(fields[name])
    for name in ("groups", "requires", "conditions", "keywords"):
        fields[name] = tuple(fields[name])
    return Measure(**fields)


def _hits(text: str, keywords: Sequence[str]) -> bytearray:
    """A mark on each character of the text that falls inside an occurrence of any keyword."""
    hit = bytearray(len(text))
    for k in keywords:
        start = text.find(k)
        while start != -1:
            hit[start:start + len(k)] = b"\x01" * len(k)
            start = text.find(k, start + 1)
    return hit


def _occurrences(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _covered(text: str, keywords: Sequence[str]) -> int:
    """How many characters of the text fall inside an occurrence of any keyword."""
    return sum(_hits(text, keywords))


def problem(path: Path) -> str | None:
    """What keeps the measure database at `path` from answering, or None. Opened anew each time: a server's
    open connection would go on reading a file that was deleted or replaced under it."""
    if not path.is_file():
        return f"measure database {path} is missing"
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute(f"select count(*) from {TABLE}").fetchone()[0]
            conn.execute(f"select count(*) from {TABLE}_fts where {TABLE}_fts match ?", ("暖流",)).fetchone()
    except sqlite3.DatabaseError as err:
        return f"measure database {path} is unreadable ({err})"
    return None if rows else f"measure database {path} has no measures"


class MeasureStore:
    """Read-only access to build/measures.db: every measure, by id, or by what a citizen wrote."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise StoreError(f"measure database {path} is missing: run `make db` to build it from data/measures/")
        try:
            self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            rows = self._conn.execute(f"select * from {TABLE} order by section_order, rowid").fetchall()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"measure database {path} is unreadable ({err}): run `make db` to rebuild it") from err
        self.measures = [_measure(r) for r in rows]
        self._by_id = {m.id: m for m in self.measures}
        self.terms = tuple(terms(self.measures))

    def get(self, measure_id: str) -> Measure:
        return self._by_id[measure_id]

    def find(self, measure_id: str | None) -> Measure | None:
        """The measure, or None for no id or one a rebuilt table no longer has (a conversation's old slot)."""
        return self._by_id.get(measure_id) if measure_id else None

    def known(self, measure_ids: Iterable[str]) -> list[Measure]:
        """The measures of these ids that the table has, in order."""
        return [m for m in map(self.find, measure_ids) if m is not None]

    def search(self, text: str, limit: int = 5) -> list[Measure]:
        """Measures for a question, best first.

        The measure whose title and keywords cover most characters of the
        question comes first (有机产品 + 再认证 beats 有机产品 alone); full-text
        rank breaks ties and finds the rest.
        """
        fts_rank = self._fts_rank(text)
        scored = []
        for m in self.measures:
            covered = _covered(text, (m.title, *m.keywords))
            if covered or m.id in fts_rank:
                scored.append((-covered, fts_rank.get(m.id, len(fts_rank)), m.id))
        return [self._by_id[mid] for *_, mid in sorted(scored)[:limit]]

    def named_in(self, text: str) -> Measure | None:
        """The measure the text names by a title or keyword (not merely shares words with), if any."""
        covered, best = max(((_covered(text, (m.title, *m.keywords)), m) for m in self.measures), key=lambda c: c[0])
        return best if covered else None

    def all_named_in(self, text: str) -> list[Measure]:
        """Every measure the text names, in the order named (烈士遗属和病故军人遗属各多少 → both).

        The measure covering most characters is taken first and its words are
        blanked, so 有机产品再认证 is the re-certification alone, not also the
        first certification whose keyword 有机产品 it contains. A word several
        measures share (三品一标) names them all, unless one of them is named by a word of its own as well (三品一标的
        无公害认证: the one). Beside other measures, the
        plan's own name (暖流计划) is context, not a subject.
        """
        found: list[tuple[int, Measure, str]] = []
        said = text
        while True:
            hits = [(_hits(text, (m.title, *m.keywords)), m) for m in self.measures]
            best = max(hits, key=lambda c: sum(c[0]))[0]
            if sum(best) < 2:  # one character names nothing
                break
            words = "".join(ch for ch, h in zip(text, best, strict=True) if h)
            found += [(best.index(1), m, words) for hit, m in hits if hit == best]
            text = "".join("\0" if h else ch for ch, h in zip(text, best, strict=True))
        shared = {words for _, _, words in found if sum(w == words for _, _, w in found) > 1}
        own = {m.id for _, m, words in found if words not in shared}
        found = [f for f in found if f[2] not in shared or not any(  # 三品一标的 无公害认证: 无公害 alone
            m.id in own for _, m, w in found if w == f[2])]
        found = [(at, self._qualified(said, at, m, words), words) for at, m, words in found]
        named = [m for _, m, _ in sorted(found, key=lambda f: f[0])]
        named = [m for i, m in enumerate(named) if m not in named[:i]]  # 农村低保标准 beside 精简退职: once
        if len(named) > 1:
            named = [m for _, m, words in sorted(found, key=lambda f: f[0]) if words not in PLAN_NAMES] or named
        return named

    def _qualified(self, text: str, at: int, measure: Measure, words: str) -> Measure:
        """农村低保标准: a word of a measure (低保标准 of the 城区 floor, whose sentence says 城市低保标准) qualified
        otherwise, as the plan says it only in another measure's sentence (精简退职职工: 农村低保标准的增长幅度),
        names that one."""
        for before in (3, 2):
            phrase = text[max(0, at - before):at] + words
            if len(phrase) < len(words) + before or phrase in measure.quote or any(phrase in w for w in measure.keywords):
                continue
            qualified = {measure.quote[j - before:j] for j in _occurrences(measure.quote, words) if j >= before}
            if not qualified - {phrase[:before]}:
                continue  # 降低渔业资源增殖保护费: its own sentence qualifies the word no other way
            saying = [m for m in self.measures if phrase in m.quote]
            if len(saying) == 1:
                return saying[0]
        return measure

    def made_for(self, fact: str, value: object) -> Measure | None:
        """The measure a stated fact points to: the one requiring this value (烈士老年子女 → its subsidy),
        or the only one that reads this fact (服役12年 → 老义务兵, 三等功 → 立功增发, 经营8个月 → 一次性创业补贴);
        else None (年龄 is read by two)."""
        required = [m for m in self.measures if m.categories.get(fact) == value]
        reading = [m for m in self.measures if fact in inputs(m)]
        return required[0] if required else reading[0] if len(reading) == 1 else None

    def stating(self, value: float) -> list[Measure]:
        """The measures whose quote states `value` as a figure of its own (5200: 免费培训返乡农民工5200人; 150000000:
        1.5亿元)."""
        said = re.compile(rf"(?<![\d.]){re.escape(plain(value))}(?![\d.])")
        return [m for m in self.measures if said.search(m.quote) or any(
            value in values for _, values in figure_spans(m.quote))]  # 1.5亿: 150000000

    def handled_by(self, duty: Measure) -> list[Measure]:
        """The measures an office's duty names it as handling (市林业局 → 大果榛子种植), as the plan's text says."""
        return [m for m in self.measures
                if m.department == duty.department and m.groups and m.department_source == "text"]

    def _fts_rank(self, text: str) -> dict[str, int]:
        tokens = {t for t in cut(text, self.terms) if len(t) > 1 and not t.isdigit()}  # 25人 is no 25元
        if not tokens:
            return {}
        query = " OR ".join('"' + t.replace('"', '""') + '"' for t in tokens)
        rows = self._conn.execute(
            f"select m.id from {TABLE}_fts f join {TABLE} m on m.rowid = f.rowid "
            f"where {TABLE}_fts match ? order by bm25({TABLE}_fts) limit 20",
            (query,),
        ).fetchall()
        return {r["id"]: i for i, r in enumerate(rows)}
