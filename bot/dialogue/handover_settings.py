"""The deployment's settings and wording for handing a citizen over to a person (data/handover.yml).

The hotline, its hours and how long a queued conversation may wait are the
deployment's configuration, not the 暖流计划: they live in a data file marked
so, and the few numbers they put in a reply (the hotline) are vouched for by
that file (`numbers`), never by the plan. NUANLIU_HANDOVER_WAIT_SECONDS
overrides the wait (the tests cannot wait five minutes).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

import yaml

from bot import DATA
from bot.plan.numbers import figures

SETTINGS = DATA / "handover.yml"
WAIT_VARIABLE = "NUANLIU_HANDOVER_WAIT_SECONDS"
_NOT_WORDING = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class HandoverSettings:
    hotline: str
    hotline_hours: str
    wait: timedelta  # a queued conversation nobody took by then is told the hotline
    queued: str  # said when the conversation enters the queue
    no_taker: str  # said when nobody took it within `wait`
    resumed: str  # said when the operator closes it and the bot takes over
    operator_label: str  # who wrote an operator's message, as the citizen sees it
    yes: frozenset[str]
    no: frozenset[str]

    @property
    def numbers(self) -> frozenset[float]:
        """The figures the settings put in a reply (12345, 24): configuration the provenance check accepts
        in these replies only."""
        return frozenset(figures(self.hotline) | figures(self.hotline_hours, numerals=False))

    def answer_to_offer(self, text: str) -> bool | None:
        """True for yes, False for no, None when the message is something else (a new question)."""
        said = wording(text)
        return True if said in self.yes else False if said in self.no else None


def wording(text: str) -> str:
    """The text without punctuation and blanks: 好的！ and 好的 are one answer."""
    return _NOT_WORDING.sub("", text)


@cache
def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def handover_settings(path: Path = SETTINGS) -> HandoverSettings:
    data = _load(path)
    fill = {"hotline": data["hotline"], "hotline_hours": data["hotline_hours"]}
    wait = float(os.environ.get(WAIT_VARIABLE) or data["no_taker_minutes"] * 60)
    return HandoverSettings(
        hotline=str(data["hotline"]), hotline_hours=str(data["hotline_hours"]), wait=timedelta(seconds=wait),
        queued=data["queued"].format(**fill), no_taker=data["no_taker"].format(**fill),
        resumed=data["resumed"].format(**fill), operator_label=data["operator_label"],
        yes=frozenset(map(wording, data["accept"])), no=frozenset(map(wording, data["decline"])),
    )
