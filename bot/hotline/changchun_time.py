"""Times as the operators and the daily counts read them: Changchun's clock (China Standard Time, UTC+8, no
daylight saving). Everything is stored in UTC; only what people read is turned to local time, here."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

CHANGCHUN = timezone(timedelta(hours=8), "CST")


def local_time(when: datetime) -> str:
    """A stored (UTC) time as the operators read it, to the minute: 2026-11-30 20:05."""
    return when.astimezone(CHANGCHUN).strftime("%Y-%m-%d %H:%M")


def today(now: datetime | None = None) -> date:
    """The day in Changchun at `now` (default: now)."""
    return (now or datetime.now(timezone.utc)).astimezone(CHANGCHUN).date()
