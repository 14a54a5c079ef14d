"""The team's worklist: what citizens asked that the bot did not answer, and the answers they rated 不满意.

Both lists group the same question written differently (the unanswered log's
wording key: 繁/简, punctuation and blanks aside), newest group first, and
link each group to the conversations it came from (`/conversation/<pseudonym>`,
the desk's page of one conversation, which names a citizen by a pseudonym, never
their sender id: bot/hotline/pseudonyms.py), so an operator reads a question in
its context before following it up; a 不满意 links to the answer it rates, and
the page scrolls to it. Rows come in as the stores hold them
(bot/hotline/unanswered.py, bot/hotline/ratings.py), newest first; this module only groups
and words them, so it is tested without a server.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.hotline.changchun_time import local_time

UNANSWERED_ROWS = "select id, time, key, text, sender from unanswered order by id desc limit :limit"
POOR_ROWS = ("select id, time, key, question as text, sender, measure, answer, reason from ratings "
             "where rating = :poor order by id desc limit :limit")
# Whether a conversation is on either list (an operator may then read it to follow it up).
UNANSWERED_NAMES = "select 1 from unanswered where sender = :sender limit 1"
POOR_NAMES = "select 1 from ratings where sender = :sender and rating = :poor limit 1"
ROWS_READ = 5000  # rows read per list: more than a retention period of a team's follow-up
LINKS_SHOWN = 5  # conversations linked per group, newest first


@dataclass(frozen=True)
class Group:
    """One wording: how often and when last, the latest words, and the conversations (newest first)."""
    key: str
    said: str  # the latest message of the group, as the citizen wrote it (masked)
    count: int
    latest: str  # the latest time, Changchun's, to the minute
    senders: tuple[str, ...]
    rows: tuple[int, ...] = ()  # for each sender, the id of its newest row (a rating: the answer it rates)
    answer: str = ""  # for a poorly rated answer: the latest answer rated
    measure: str = ""
    reasons: tuple[str, ...] = ()  # the citizens' why, newest first, those who gave one

    def links(self, names: Mapping[str, str], rated: bool = False) -> list[tuple[str, str]]:
        """(URL, label) of the conversations shown, newest first, by the senders' pseudonyms (`names`); with
        `rated`, each to the answer its rating rates."""
        return [(conversation_url(names[sender], row if rated else None), f"对话{i}")
                for i, (sender, row) in enumerate(zip(self.senders, self.rows, strict=True), 1) if i <= LINKS_SHOWN]


def conversation_url(pseudonym: str, rating: int | None = None) -> str:
    """The desk's page of one conversation; with a rating, at the answer it rates (the page marks it `rated`)."""
    return f"/conversation/{pseudonym}" + (f"?rated={rating}#rated" if rating is not None else "")


def grouped(rows: Iterable[Mapping[str, Any]]) -> list[Group]:
    """Rows of one list, newest first, grouped by wording key; groups in the order of their newest row."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["key"] or row["text"], []).append(row)
    return [_group(key, members) for key, members in groups.items()]


def _group(key: str, rows: list[Mapping[str, Any]]) -> Group:
    newest = rows[0]
    first_rows = {r["sender"]: r["id"] for r in reversed(rows) if r["sender"]}  # the newest row wins
    senders = tuple(dict.fromkeys(r["sender"] for r in rows if r["sender"]))
    return Group(key=key, said=newest["text"], count=len(rows),
                 latest=local_time(datetime.fromisoformat(newest["time"])), senders=senders,
                 rows=tuple(first_rows[s] for s in senders),
                 answer=newest.get("answer") or "", measure=newest.get("measure") or "",
                 reasons=tuple(r["reason"] for r in rows if r.get("reason")))
