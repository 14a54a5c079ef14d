"""Rasa's logs without citizens' words or trackers, at the default level.

Rasa logs the message text when a REST client hangs up mid-turn
(`rest.message.received.timeout`), and, when the action server answers 500,
the traceback of the failed call, whose message quotes the action server's
reply body (which can hold the tracker: names, bank cards, addresses). A filter on the log handlers
(installed when the channels load) withholds, at any level, the text-bearing
fields of Rasa's structlog events (rendered as JSON lines before they reach
logging), and turns a record's traceback into the names of its exceptions,
unless the level is DEBUG (a developer on their own machine). Rasa's own
anonymisation hook is not used: Rasa then also runs it over every event it
publishes, which needs Rasa Pro's pipeline.
"""
from __future__ import annotations

import json
import logging

WITHHELD = "[withheld]"
TEXT_FIELDS = ("text", "message", "user_text", "response_text", "parse_data_text", "tracker_latest_message",
               "rasa_event", "rasa_events", "slot_values", "user_message", "json_message", "events")


def exception_names(error: BaseException | None) -> str:
    """`RasaException <- ClientResponseError`: the chain of causes by type only."""
    names: list[str] = []
    while error is not None and len(names) < 5:
        names.append(type(error).__name__)
        error = error.__cause__ or error.__context__
    return " <- ".join(names)


def _withheld(line: str) -> str:
    """A structlog JSON line with its text-bearing fields withheld; anything else unchanged."""
    try:
        event = json.loads(line)
    except ValueError:
        return line
    if not isinstance(event, dict):
        return line
    return json.dumps({k: WITHHELD if k in TEXT_FIELDS else v for k, v in event.items()}, ensure_ascii=False)


class WithoutCitizensWords(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("{"):
            record.msg = _withheld(record.msg)
        if record.exc_info and logging.getLogger().getEffectiveLevel() > logging.DEBUG:
            record.msg = f"{record.getMessage()} ({exception_names(record.exc_info[1])})"
            record.args, record.exc_info, record.exc_text = None, None, None
        return True


def install() -> None:
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, WithoutCitizensWords) for f in handler.filters):
            handler.addFilter(WithoutCitizensWords())
