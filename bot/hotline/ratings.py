"""好差评: how citizens received the bot's answers, each rating kept with the answer it rates.

After an answer stating a figure of the plan, the citizen may rate it 满意 or
不满意 (bot/dialogue/conversation.py decides when; the actions write here). A rating is kept
with what the team needs to follow it up: the question and the answer as the
citizen saw them, the measure, the channel, the time and the sender id of the
conversation (the worklist links to it), and for 不满意 the one line of why, if
the citizen gave one. Questions and reasons are citizens' words: masked
(bot/privacy/masking.py) before they are written, in a file readable by its owner only
(0600), deleted after the retention period (`purge`, run by
serving/retention.py) and with the conversation on 删除我的记录 (`forget`).
Questions are grouped by their wording as the unanswered log groups them.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

import sqlite_utils

from bot import BUILD
from bot.hotline.unanswered import similarity_key
from bot.privacy import word_stores
from bot.privacy.masking import mask
from bot.reading.normaliser import Normalizer

DEFAULT_DB = BUILD / "ratings.db"
TABLE = "ratings"


def ratings_path() -> Path:
    """NUANLIU_RATINGS_DB (tests, another disk) or build/ratings.db: the action server writes it, the Rasa
    server purges and forgets in it, the lookup shows it."""
    return Path(os.environ.get("NUANLIU_RATINGS_DB", DEFAULT_DB))


def open_ratings(path: Path = DEFAULT_DB) -> sqlite_utils.Database:
    """The ratings database, its table created if missing (WAL: the desk reads while the bot writes)."""
    db = word_stores.open_private(path)
    if TABLE not in db.table_names():
        db.table(TABLE).create(
            {"id": int, "time": str, "sender": str, "channel": str, "measure": str, "rating": str,
             "question": str, "key": str, "answer": str, "reason": str},
            pk="id",
        )
        for column in ("time", "sender", "key"):
            db.table(TABLE).create_index([column])
    return db


def record(path: Path, *, sender: str, channel: str | None, measure: str, verdict: str, question: str,
           answer: str, normalize: Normalizer) -> None:
    """Keep one rating with the question and answer it rates (the question masked)."""
    masked = mask(question)
    _writer(path).table(TABLE).insert({
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "sender": sender,
        "channel": channel or "", "measure": measure, "rating": verdict, "question": masked,
        "key": similarity_key(masked, normalize), "answer": answer, "reason": None,
    })


def add_reason(path: Path, *, sender: str, measure: str, reason: str) -> bool:
    """The citizen's why (masked), on their latest rating of `measure` still without one; whether there was one."""
    db = _writer(path)
    with db.conn:
        return db.execute(
            f"""update {TABLE} set reason = ? where id = (
                    select max(id) from {TABLE} where sender = ? and measure = ? and reason is null)""",
            [mask(reason), sender, measure]).rowcount == 1


def forget(path: Path, sender: str) -> int:
    """Delete one citizen's ratings (删除我的记录); how many."""
    return word_stores.forget(path, TABLE, sender)


def purge(path: Path, before: datetime) -> int:
    """Delete the ratings given before `before`; how many."""
    return word_stores.purge(path, TABLE, before)


@cache
def _writer(path: Path) -> sqlite_utils.Database:
    """One open database per file for the life of the process, as for the unanswered log."""
    return open_ratings(path)
