"""The questions the bot could not answer, kept for the team and shown to operators.

A message that ends in fallback or out of scope is written, masked, to its own
SQLite file (build/unanswered.db by default; NUANLIU_UNANSWERED_DB elsewhere):
the measure table stays read-only, and the log survives a rebuild of it.
Similar questions are grouped by their normalised wording (简体, digits, no
punctuation or blanks), so 抗美援越老兵补助? and 抗美援越老兵補助 count as one.
Each entry keeps the sender id of its conversation, so the team's worklist
links to it; so `forget` deletes a citizen's entries with their conversation
(删除我的记录). The file is readable by its owner only (0600); `purge` deletes
entries older than the retention period (serving/retention.py runs it).
"""
from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

import sqlite_utils

from bot import BUILD
from bot.privacy import word_stores
from bot.privacy.masking import mask
from bot.reading.normaliser import Normalizer

DEFAULT_LOG = BUILD / "unanswered.db"
TABLE = "unanswered"
SUMMARY_VIEW = "unanswered_summary"
_NOT_WORDING = re.compile(r"[\W_]+")

_SUMMARY_SQL = f"""
select key as 问题归并, count(*) as 次数, max(time) as 最近一次,
       (select text from {TABLE} u where u.key = g.key order by id desc limit 1) as 最近原话,
       group_concat(distinct intent) as 识别意图
from {TABLE} g group by key order by max(id) desc
"""


def log_path() -> Path:
    """NUANLIU_UNANSWERED_DB (tests, another disk) or build/unanswered.db: the action server writes it, the
    Rasa server purges and forgets in it, the lookup shows it."""
    return Path(os.environ.get("NUANLIU_UNANSWERED_DB", DEFAULT_LOG))


def open_log(path: Path = DEFAULT_LOG) -> sqlite_utils.Database:
    """The log database, with its table and summary view created if they are missing (WAL: a write does
    not wait on the operators' readers, and commits without a sync each). A log written before entries kept
    their sender gets the column (empty for those entries)."""
    db = word_stores.open_private(path)
    if TABLE not in db.table_names():
        db.table(TABLE).create(
            {"id": int, "time": str, "channel": str, "text": str, "key": str, "intent": str, "confidence": float,
             "sender": str},
            pk="id",
        )
        db.table(TABLE).create_index(["time"])
        db.table(TABLE).create_index(["key"])
        db.table(TABLE).create_index(["sender"])
    elif "sender" not in db.table(TABLE).columns_dict:
        db.table(TABLE).add_column("sender", str)
        db.table(TABLE).create_index(["sender"])
    if SUMMARY_VIEW not in db.view_names():
        db.create_view(SUMMARY_VIEW, _SUMMARY_SQL)
    return db


def purge(path: Path, before: datetime) -> int:
    """Delete the entries written before `before`; how many."""
    return word_stores.purge(path, TABLE, before)


def forget(path: Path, sender: str) -> int:
    """Delete one citizen's entries (删除我的记录); how many."""
    return word_stores.forget(path, TABLE, sender)


def similarity_key(text: str, normalize: Normalizer) -> str:
    return _NOT_WORDING.sub("", normalize(text)).lower()


def record(path: Path, text: str, *, sender: str, channel: str | None, intent: str | None,
           confidence: float | None, normalize: Normalizer) -> None:
    """Append one unanswered message, masked, with the sender id of its conversation."""
    masked = mask(text)
    _writer(path).table(TABLE).insert({
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "channel": channel or "", "text": masked, "sender": sender,
        "key": similarity_key(masked, normalize), "intent": intent or "", "confidence": confidence,
    })


@cache
def _writer(path: Path) -> sqlite_utils.Database:
    """One open log per file for the life of the process: opening and checking it per message was a
    fifth of the action server's time under load."""
    return open_log(path)
