"""Datasette plugin: the operators' desk, the team's worklist, the bot's search and calculator as SQL functions,
and the desk's menu.

The desk (`/`, `/desk.json`) and the canned queries of lookup/metadata.yml
answer from bot.hotline.desk and bot.hotline.lookup over the bot's own plan, so an operator's
card says what the chat would. The worklist (`/worklist`) shows citizens'
words (unanswered questions, 不满意 answers and their reasons): only to an
operator the metadata's `allow` blocks let see those databases, that is, one
logged in; it links each to its conversation by the citizen's pseudonym. The
handover queue and the conversation pages are the console's (lookup/plugins/console.py);
every desk page's menu (`PAGES`) is given to the templates here. The search runs in a worker thread, never
on the event loop every operator's page shares. The login, the audit log and what guards every request are
plugins of their own (desk_login.py, desk_guard.py).
"""
from __future__ import annotations

import asyncio
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Request, Response

from bot.assistant import load_assistant
from bot.dialogue.conversation import POOR
from bot.hotline import daily_counts, worklist
from bot.hotline.changchun_time import today
from bot.hotline.daily_chart import chart
from bot.hotline.desk import Desk
from bot.hotline.handover_queue import queue_path
from bot.hotline.lookup import lookup, register_functions
from bot.hotline.pseudonyms import Pseudonyms
from bot.plan.facts import load_specs
from bot.plan.records import load_groups
from bot.privacy.masking import mask

MEASURES = "measures"
UNANSWERED, RATINGS, COUNTS = "unanswered", "ratings", "daily_counts"  # the databases `make lookup` serves
CHART_DAYS = 30
# The desk's pages, in its menu; a page added later is one more entry and route.
PAGES = [("/", "坐席查询台"), ("/handover", "转人工队列"), ("/worklist", "待办清单"),
         ("/measures/measure_lookup", "措施一览"), ("/measures", "措施表与计算查询"), ("/unanswered", "未能回答的问题")]


def _desk(datasette) -> Desk:
    return Desk(load_assistant(Path(datasette.get_database(MEASURES).path)))


def _asked(request: Request) -> tuple[str, dict[str, str], str | None]:
    """The caller's words (masked, as the chat masks a citizen's: the cards never need a phone or ID number, and
    the page and its JSON then never show one back), the calculator's fields (every other parameter) and the
    card they belong to."""
    args = {k: request.args.get(k, "") for k in request.args}
    words, card = mask(args.pop("q", "")).strip(), args.pop("card", None)
    return words, args, card


async def desk_page(request: Request, datasette) -> Response:
    words, form, card = _asked(request)
    answer = await asyncio.to_thread(_desk(datasette).search, words, form, card) if words else None
    specs = load_specs()
    context = {"answer": answer, "words": words, "form": form, "open_card": card, "here": "/",
               "labels": {f: s.label for f, s in specs.items()}, "units": {f: s.unit for f, s in specs.items()},
               "groups": {g: group["label"] for g, group in load_groups().items()}}
    return Response.html(await datasette.render_template("desk.html", context, request=request))


async def desk_json(request: Request, datasette) -> Response:
    words, form, card = _asked(request)
    if not words:
        return Response.json({"error": "请用 q 参数传来电人的原话，例如 /desk.json?q=抗美援朝补助"}, status=400)
    return Response.json((await asyncio.to_thread(_desk(datasette).search, words, form, card)).json())


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
