"""The operators' audit log: who viewed what on the desk and in Datasette, and when.

Citizens' words (the unanswered log) are personal data: every request an
operator's browser makes is written here, with the actor as Datasette
resolved it, before the response is sent. Rows are never deleted by the
application, so the log keeps at least the six months the rules ask for;
archiving older rows is an operations task (docs/operators.md, Login and audit).
"""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from bot import BUILD

DEFAULT_AUDIT_DB = BUILD / "audit.db"
_SCHEMA = """create table if not exists views (
    id integer primary key, time text not null, actor text, method text not null,
    path text not null, query text not null, status integer)"""


def audit_path() -> Path:
    """NUANLIU_AUDIT_DB (tests, another disk) or build/audit.db."""
    return Path(os.environ.get("NUANLIU_AUDIT_DB", DEFAULT_AUDIT_DB))


def record(path: Path, actor: str | None, method: str, where: str, query: str, status: int | None) -> None:
    """One view, appended; the table is created on first use."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.execute(_SCHEMA)
        conn.execute("insert into views (time, actor, method, path, query, status) values (?, ?, ?, ?, ?, ?)",
                     (datetime.now(timezone.utc).isoformat(timespec="seconds"), actor, method, where, query, status))
    conn.close()
