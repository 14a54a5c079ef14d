"""What was said to a citizen outside a turn: an operator's words and the handover's notices, kept apart from
the conversation so nothing said is ever lost to the citizen's page.

The web page reads what a person or the handover said to it from here (the
Rasa server's /webchat/handover, every few seconds while held), by an id that
only grows: a page asks for what follows the last id it showed, however many
messages the citizen sent meanwhile. The conversation in the tracker store
keeps these messages too (the desk's transcript, WeChat's delivery), but a turn
reads only a window of it, and the page once lost an operator's words that fell
out of the window. Rows sit in the handover queue's file (its `said` table), go
with 删除我的记录 and after the retention period (HandoverQueue.forget, .purge);
an operator's words are masked before they get here (bot/hotline/handover_desk.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.hotline.handover_queue import as_text, connect, now, prepare

OPERATOR, NO_TAKER, TAKEN, RESUMED = "operator", "no_taker", "taken", "resumed"  # the kinds of message


@dataclass(frozen=True)
class Said:
    id: int
    kind: str
    text: str
    operator: str | None
    at: datetime


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        prepare(path)

    def tell(self, sender_id: str, kind: str, text: str, operator: str | None = None, when: datetime | None = None) -> int:
        """Keep a message said to the citizen; its id."""
        with connect(self.path) as conn:
            cursor = conn.execute("insert into said (sender_id, kind, text, operator, at) values (?, ?, ?, ?, ?)",
                                  (sender_id, kind, text, operator, as_text(when or now())))
            return int(cursor.lastrowid or 0)

    def said_to(self, sender_id: str, after: int = 0) -> list[Said]:
        """What was said to the citizen after the message `after`, oldest first."""
        with connect(self.path) as conn:
            rows = conn.execute("select id, kind, text, operator, at from said where sender_id = ? and id > ? order by id",
                                (sender_id, after)).fetchall()
        return [Said(id_, kind, text, operator, datetime.fromisoformat(at)) for id_, kind, text, operator, at in rows]
