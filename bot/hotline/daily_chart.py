"""The worklist's daily chart, laid out for a server-rendered SVG: one row of day bars per count.

Small multiples (one labelled row each for questions, answers, handovers, ratings)
rather than coloured bars side by side: nothing is told by colour alone, and
each row has its own scale, so thirty days of a few ratings stay readable
beside hundreds of questions. The same figures go into a table next to the
chart (lookup/templates/worklist.html), which is what a screen reader reads.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.hotline.daily_counts import ANSWER, HANDOVER, QUESTION, RATING

SERIES = ((QUESTION, "问题"), (ANSWER, "答复"), (HANDOVER, "转人工"), (RATING, "评价"))  # (kind counted, label)
LABEL_WIDTH = 64  # px left of the bars, for the row's label
BAR_STEP = 16  # px per day
BAR_WIDTH = 12
ROW_HEIGHT = 56  # px per row: bars up to ROW_HEIGHT - ROW_GAP high
ROW_GAP = 18  # px between rows, for the axis line and the row's top figure
DATES_HEIGHT = 20  # px under the rows, for the first and last day


@dataclass(frozen=True)
class Bar:
    day: date
    value: int
    x: int
    y: int
    height: int


@dataclass(frozen=True)
class Row:
    kind: str
    label: str
    top: int  # the row's y
    baseline: int  # the y its bars stand on
    highest: int  # the row's largest value (its scale)
    total: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rows: tuple[Row, ...]
    first: date
    last: date
    bar_width: int = BAR_WIDTH

    @property
    def dates_y(self) -> int:
        """The baseline of the first and last day's labels, under the rows."""
        return self.height - 4


def chart(days: Sequence[tuple[date, Mapping[str, int]]], series: Sequence[tuple[str, str]] = SERIES) -> Chart:
    """The layout of `days` (oldest first, as bot.hotline.daily_counts.last_days gives them), one row per series."""
    room = ROW_HEIGHT - ROW_GAP
    rows = []
    for i, (kind, label) in enumerate(series):
        top = i * ROW_HEIGHT
        baseline = top + ROW_HEIGHT - 2
        values = [counts.get(kind, 0) for _, counts in days]
        highest = max(values, default=0)
        bars = []
        for j, ((day, _), value) in enumerate(zip(days, values, strict=True)):
            height = round(room * value / highest) if highest else 0
            bars.append(Bar(day, value, LABEL_WIDTH + j * BAR_STEP, baseline - height, height))
        rows.append(Row(kind, label, top, baseline, highest, sum(values), tuple(bars)))
    height = len(series) * ROW_HEIGHT + DATES_HEIGHT
    return Chart(LABEL_WIDTH + len(days) * BAR_STEP, height, tuple(rows), days[0][0], days[-1][0])
