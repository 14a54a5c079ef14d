"""Short pseudonyms the desk shows and links citizens by, instead of their sender ids.

A sender id is personal (a WeChat OpenID identifies a person to the account)
and may hold any character (a REST caller chooses it: `/`, `%`, `#`, Chinese).
Shown on every desk page and written into the audit log with each page's path,
it travelled far; and an id needing URL-encoding could not be opened or taken
at the desk. So the desk names a citizen 市民 K7Q4M: five characters of an
alphabet without look-alikes (0/O, 1/I/L), random, given on first sight and
kept in the handover queue's file (`citizens`), so every desk process and every
page links one citizen by one pseudonym. The link from pseudonym to sender id
goes with 删除我的记录 and after the retention period (HandoverQueue.forget, .purge).
"""
from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from bot.hotline.handover_queue import as_text, connect, now, prepare, transaction

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 characters, no 0/O, 1/I/L: read aloud on the phone without doubt
LENGTH = 5  # 31⁵ ≈ 29 million: a retention period's citizens take a small share, a clash is drawn again
SHAPE = f"[{ALPHABET}]{{{LENGTH}}}"  # a regular expression for a pseudonym (the desk's URLs)


def _drawn() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


class Pseudonyms:
    def __init__(self, path: Path) -> None:
        self.path = path
        prepare(path)

    def of(self, sender_id: str) -> str:
        return self.of_all([sender_id])[sender_id]

    def of_all(self, sender_ids: Iterable[str]) -> dict[str, str]:
        """Each sender's pseudonym, drawn for those who have none yet, in one transaction."""
        found: dict[str, str] = {}
        when = as_text(now())
        with connect(self.path) as conn, transaction(conn):
            for sender in dict.fromkeys(sender_ids):
                row = conn.execute("select pseudonym from citizens where sender_id = ?", (sender,)).fetchone()
                if row:
                    conn.execute("update citizens set seen_at = ? where sender_id = ?", (when, sender))
                    found[sender] = row[0]
                    continue
                while sender not in found:
                    try:
                        drawn = _drawn()
                        conn.execute("insert into citizens (pseudonym, sender_id, seen_at) values (?, ?, ?)",
                                     (drawn, sender, when))
                        found[sender] = drawn
                    except sqlite3.IntegrityError:
                        pass  # that pseudonym is taken: draw again
        return found

    def known(self, sender_id: str) -> str | None:
        """The sender's pseudonym if they have one, drawing none (删除我的记录 asks before the queue forgets it)."""
        with connect(self.path) as conn:
            row = conn.execute("select pseudonym from citizens where sender_id = ?", (sender_id,)).fetchone()
        return row[0] if row else None

    def sender(self, pseudonym: str) -> str | None:
        """The sender id a pseudonym stands for, or None (never given, or forgotten)."""
        with connect(self.path) as conn:
            row = conn.execute("select sender_id from citizens where pseudonym = ?", (pseudonym.upper(),)).fetchone()
        return row[0] if row else None
