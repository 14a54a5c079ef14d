"""The action server answers the Rasa server only, and says it is healthy only when it can answer.

rasa_sdk's server accepts any POST: a forged call could run our actions with
a made-up tracker and write a fake entry, under a made-up channel, into the
operators' log of unanswered questions. Loopback binding narrows who can reach
it, not who may call it. Here every request but /health must carry the shared
secret NUANLIU_ACTION_SECRET in SECRET_HEADER (Rasa sends it: endpoints.yml's
action_endpoint headers), compared in constant time; anything else is refused
with 401. The secret comes from the environment only (serving/start.py makes a
fresh one for each start of both servers); without one the server does not start.

rasa_sdk's /health said ok even after the measure database was deleted; here
it opens the database, counts its measures and queries the full-text index,
answering 503 with the problem otherwise.

Attached through rasa_sdk's own plugin hook (attach_sanic_app_extensions) by
the launcher (serving/launch.py), not by patching rasa_sdk.
"""
from __future__ import annotations

import hmac
import os
from pathlib import Path

import pluggy
from sanic import Sanic, response
from sanic.request import Request

from bot import DEFAULT_DB
from bot.plan.store import problem

SECRET_VARIABLE = "NUANLIU_ACTION_SECRET"
SECRET_HEADER = "X-Nuanliu-Action-Secret"
HEALTH = "/health"
hookimpl = pluggy.HookimplMarker("rasa_sdk")


class MissingSecret(RuntimeError):
    """No NUANLIU_ACTION_SECRET: the action server would answer anyone who reaches it."""


def secret(environ: os._Environ | dict = os.environ) -> str:
    value = (environ.get(SECRET_VARIABLE) or "").strip()
    if not value:
        raise MissingSecret(f"{SECRET_VARIABLE} is not set: the action server only answers callers that carry it")
    return value


def measure_database() -> Path:
    return Path(os.environ.get("NUANLIU_DB", DEFAULT_DB))


@hookimpl
def attach_sanic_app_extensions(app: Sanic) -> None:
    expected = secret().encode()

    @app.middleware("request")
    async def guard(request: Request) -> response.HTTPResponse | None:
        if request.path == HEALTH:
            wrong = problem(measure_database())
            return response.json({"status": "failing", "problem": wrong}, status=503) if wrong \
                else response.json({"status": "ok"})
        given = (request.headers.get(SECRET_HEADER) or "").encode()
        if not hmac.compare_digest(given, expected):
            return response.json({"error": "unauthorised"}, status=401)
        return None
