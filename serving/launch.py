"""The two server processes as the project runs them, in-process around Rasa's and rasa_sdk's own entry points.

Rasa 3.6 takes its HTTP API token only as `--auth-token`, which would show in
every `ps` listing; here the token is read from the environment or the token
file and handed to Rasa's own command-line entry in memory, so Rasa parses and
starts exactly as `rasa run` does. The action server answers only callers
with the shared secret and reports its database's health (serving/action_guard.py),
and builds the plan (the
measure database, the turn step, the provenance check, jieba's dictionary)
before it listens: a bad database stops it at once, naming the file and
`make db`, and the first citizen does not wait for the warm-up.
"""
from __future__ import annotations

import sys

from serving.start import NoToken, api_token

ACTIONS_PACKAGE = "actions"


def rasa(args: list[str]) -> None:
    """`rasa run <args>` with the HTTP API token added after the process started (sys.argv is a copy:
    /proc/<pid>/cmdline keeps the arguments the process was started with)."""
    try:
        token = api_token()
    except NoToken as err:
        sys.exit(f"error: {err}")
    from rasa.__main__ import main

    sys.argv = ["rasa", "run", *args, f"--auth-token={token}"]  # one word: a token may start with "-"
    main()


def actions(args: list[str]) -> None:
    """rasa_sdk's action server over actions/, once the plan is built."""
    from rasa_sdk.plugin import plugin_manager

    from bot.assistant import assistant
    from bot.plan.store import (
        StoreError,  # here, not above: a Rasa server (the minimal bot's too) never loads the plan
    )
    from serving import action_guard

    try:
        action_guard.secret()
        assistant().warm_up()
    except (StoreError, action_guard.MissingSecret) as err:
        sys.exit(f"error: {err}")
    plugin_manager().register(action_guard)
    from rasa_sdk.__main__ import main_from_args
    from rasa_sdk.endpoint import create_argument_parser

    main_from_args(create_argument_parser().parse_args(["--actions", ACTIONS_PACKAGE, *args]))
