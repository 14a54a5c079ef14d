"""The daily counts behind the worklist's chart: one more per event, by Changchun's day, zero-filled."""
from __future__ import annotations

from datetime import date, datetime, timezone

from bot.hotline import daily_counts


def test_counts_add_up_by_kind_and_changchuns_day(tmp_path):
    path = tmp_path / "daily_counts.db"
    late_utc = datetime(2026, 11, 29, 17, 0, tzinfo=timezone.utc)  # 01:00 on the 30th in Changchun
    for kind in (daily_counts.QUESTION, daily_counts.QUESTION, daily_counts.ANSWER):
        daily_counts.count(path, kind, late_utc)
    daily_counts.count(path, daily_counts.QUESTION, datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    held = {(r["day"], r["kind"]): r["count"] for r in daily_counts.open_counts(path)[daily_counts.TABLE].rows}
    assert held == {("2026-11-30", "question"): 2, ("2026-11-30", "answer"): 1, ("2026-11-29", "question"): 1}


def test_the_last_days_are_oldest_first_with_empty_days_at_zero():
    rows = [("2026-11-30", "question", 5), ("2026-11-28", "rating", 1), ("2026-10-01", "question", 9)]
    days = daily_counts.last_days(rows, 3, date(2026, 11, 30))
    assert days == [(date(2026, 11, 28), {"rating": 1}), (date(2026, 11, 29), {}), (date(2026, 11, 30), {"question": 5})]
