"""Datasette plugin: the operators' desk, the team's worklist, the bot's search and calculator as SQL functions,
the desk's menu, and the audit log.

The desk (`/`, `/desk.json`) and the canned queries of lookup/metadata.yml
answer from bot.hotline.desk and bot.hotline.lookup over the bot's own plan, so an operator's
card says what the chat would. The worklist (`/worklist`) shows citizens'
words (unanswered questions, 不满意 answers and their reasons): only to an
operator the metadata's `allow` blocks let see those databases, that is, one
logged in; it links each to its conversation by the citizen's pseudonym. The
handover queue and the conversation pages are the console's (lookup/plugins/console.py);
every desk page's menu (`PAGES`) is given to the templates here. Every request is written to the audit log
(bot/hotline/audit.py) with the actor Datasette resolves for it, and nowhere else:
uvicorn's access log would print each search (a caller's words) to the
server's output, so it is switched off.
"""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from urllib.parse import unquote_plus

from datasette import hookimpl
from datasette.plugins import pm
from datasette.utils import await_me_maybe
from datasette.utils.asgi import Request, Response

from bot.assistant import load_assistant
from bot.dialogue.conversation import POOR
from bot.hotline import audit, daily_counts, worklist
from bot.hotline.changchun_time import today
from bot.hotline.daily_chart import chart
from bot.hotline.desk import Desk
from bot.hotline.handover_queue import queue_path
from bot.hotline.lookup import lookup, register_functions
from bot.hotline.pseudonyms import Pseudonyms
from bot.plan.facts import load_specs
from bot.plan.records import load_groups

ACCESS_LOG = logging.getLogger("uvicorn.access")

MEASURES = "measures"
UNANSWERED, RATINGS, COUNTS = "unanswered", "ratings", "daily_counts"  # the databases `make lookup` serves
CHART_DAYS = 30
# The desk's pages, in its menu; a page added later is one more entry and route.
PAGES = [("/", "坐席查询台"), ("/handover", "转人工队列"), ("/worklist", "待办清单"),
         ("/measures/measure_lookup", "措施一览"), ("/measures", "措施表与计算查询"), ("/unanswered", "未能回答的问题")]


def _desk(datasette) -> Desk:
    return Desk(load_assistant(Path(datasette.get_database(MEASURES).path)))


def _asked(request: Request) -> tuple[str, dict[str, str], str | None]:
    """The caller's words, the calculator's fields (every other parameter) and the card they belong to."""
    args = {k: request.args.get(k, "") for k in request.args}
    words, card = args.pop("q", "").strip(), args.pop("card", None)
    return words, args, card


async def desk_page(request: Request, datasette) -> Response:
    words, form, card = _asked(request)
    answer = _desk(datasette).search(words, form, card) if words else None
    specs = load_specs()
    context = {"answer": answer, "words": words, "form": form, "open_card": card, "here": "/",
               "labels": {f: s.label for f, s in specs.items()}, "units": {f: s.unit for f, s in specs.items()},
               "groups": {g: group["label"] for g, group in load_groups().items()}}
    return Response.html(await datasette.render_template("desk.html", context, request=request))


async def desk_json(request: Request, datasette) -> Response:
    words, form, card = _asked(request)
    if not words:
        return Response.json({"error": "请用 q 参数传来电人的原话，例如 /desk.json?q=抗美援朝补助"}, status=400)
    return Response.json(_desk(datasette).search(words, form, card).json())


async def worklist_page(request: Request, datasette) -> Response:
    """Unanswered questions and 不满意 answers grouped by wording, and the daily counts, to operators only."""
    for database in (UNANSWERED, RATINGS, COUNTS):
        await datasette.ensure_permissions(request.actor, [("view-database", database)])
    limit = {"limit": worklist.ROWS_READ, "poor": POOR}
    unanswered = await datasette.get_database(UNANSWERED).execute(worklist.UNANSWERED_ROWS, limit)
    poor = await datasette.get_database(RATINGS).execute(worklist.POOR_ROWS, limit)
    day = today()
    counted = await datasette.get_database(COUNTS).execute(
        f"select day, kind, count from {daily_counts.TABLE} where day > date(:today, :back)",
        {"today": day.isoformat(), "back": f"-{CHART_DAYS} days"})
    days = daily_counts.last_days(counted.rows, CHART_DAYS, day)
    groups = {"unanswered": worklist.grouped(map(dict, unanswered.rows)), "poor": worklist.grouped(map(dict, poor.rows))}
    senders = [s for listed in groups.values() for g in listed for s in g.senders[:worklist.LINKS_SHOWN]]
    names = await asyncio.to_thread(Pseudonyms(queue_path()).of_all, senders)
    context = {"here": "/worklist", "chart": chart(days), "days": list(reversed(days)), "names": names, **groups}
    return Response.html(await datasette.render_template("worklist.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/$", desk_page), (r"^/desk\.json$", desk_json), (r"^/worklist$", worklist_page)]


@hookimpl
def extra_template_vars():
    """The desk's menu, on every page (the console's too)."""
    return {"pages": PAGES}


@hookimpl
def prepare_connection(conn, database, datasette):
    if database == MEASURES:
        register_functions(conn, Path(datasette.get_database(database).path))


@hookimpl
def startup(datasette):
    """Build the plan (jieba's dictionary, the normaliser) before the first caller is searched for."""
    async def inner():
        lookup(Path(datasette.get_database(MEASURES).path))
        _desk(datasette).search("暖流计划")
    return inner


async def _actor_id(datasette, scope, receive) -> str | None:
    """The actor as Datasette's own hook resolves it (the login cookie of datasette-auth-passwords)."""
    request = Request(scope, receive)
    for candidate in pm.hook.actor_from_request(datasette=datasette, request=request):
        actor = await await_me_maybe(candidate)
        if actor:
            return str(actor.get("id"))
    return None


@hookimpl
def asgi_wrapper(datasette):
    """Every request into the audit log, with its actor and status, once the response has started; and
    into no other log (uvicorn configures its access log when it starts serving, so it is silenced here)."""
    def wrap(app):
        async def audited(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            ACCESS_LOG.disabled = True
            actor = await _actor_id(datasette, scope, receive)
            status: dict[str, int] = {}

            async def sending(message):
                if message["type"] == "http.response.start":
                    status["code"] = message["status"]
                    audit.record(audit.audit_path(), actor, scope["method"], scope["path"],
                                 unquote_plus(scope.get("query_string", b"").decode("latin-1")), status["code"])
                await send(message)

            await app(scope, receive, sending)
        return audited
    return wrap
