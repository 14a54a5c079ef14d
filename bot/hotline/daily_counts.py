"""How many questions, answers, handovers and ratings each day: the figures behind the worklist's daily chart.

The actions add one to a counter per turn (`count`), so the desk reads thirty
small rows instead of scanning the tracker store, which holds every event of
every conversation and would have to be decoded turn by turn. Counting as it
happens also keeps the history whole: conversations and ratings are deleted
after the retention period or on 删除我的记录, while a count says nothing about
anyone and can stay. A day is Changchun's (China Standard Time, UTC+8, no
daylight saving), so a day's bar matches the operators' working day.

What counts: a question is a message the turn step answered or logged as
unanswered (greetings, thanks and ratings are none); an answer, such a message
not logged as unanswered; a handover, a conversation queued for a person; a
rating, each 满意 or 不满意 kept; withheld, a reply refused by the provenance check (the second line behind
figures read off their derivation: it should stay at nought).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

import sqlite_utils

from bot import BUILD
from bot.hotline.changchun_time import today

DEFAULT_DB = BUILD / "daily_counts.db"
TABLE = "daily_counts"
QUESTION, ANSWER, HANDOVER, RATING, WITHHELD = "question", "answer", "handover", "rating", "withheld"


def counts_path() -> Path:
    """NUANLIU_DAILY_COUNTS_DB (tests, another disk) or build/daily_counts.db."""
    return Path(os.environ.get("NUANLIU_DAILY_COUNTS_DB", DEFAULT_DB))


def open_counts(path: Path = DEFAULT_DB) -> sqlite_utils.Database:
    """The counts database, its table created if missing (one row per day and kind)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.enable_wal()
    db.execute("PRAGMA synchronous=NORMAL")
    if TABLE not in db.table_names():
        db.table(TABLE).create({"day": str, "kind": str, "count": int}, pk=("day", "kind"))
    return db


def count(path: Path, kind: str, now: datetime | None = None) -> None:
    """One more `kind` on the day of `now` (default: now)."""
    db = _writer(path)
    with db.conn:
        db.execute(f"insert into {TABLE} (day, kind, count) values (?, ?, 1) "
                   "on conflict (day, kind) do update set count = count + 1", [today(now).isoformat(), kind])


def last_days(rows: Iterable[tuple[str, str, int]], days: int, until: date) -> list[tuple[date, dict[str, int]]]:
    """The `days` days up to `until`, oldest first, each with its counts by kind (0 where nothing was
    counted), from rows of (day, kind, count) as the table holds them."""
    first = until - timedelta(days=days - 1)
    by_day: dict[date, dict[str, int]] = {first + timedelta(days=i): {} for i in range(days)}
    for day, kind, n in rows:
        when = date.fromisoformat(day)
        if when in by_day:
            by_day[when][kind] = by_day[when].get(kind, 0) + n
    return list(by_day.items())


@cache
def _writer(path: Path) -> sqlite_utils.Database:
    """One open database per file for the life of the process: a count per turn must cost next to nothing."""
    return open_counts(path)
