"""Datasette plugin: the operators' desk, the team's worklist, the handover queue, and the bot's search and
calculator as SQL functions.

The desk (`/`, `/desk.json`) and the canned queries of lookup/metadata.yml
answer from bot.hotline.desk and bot.hotline.lookup over the bot's own plan, so an operator's
card says what the chat would. The worklist (`/worklist`) shows citizens'
words (unanswered questions, 不满意 answers and their reasons): only to an
operator the metadata's `allow` blocks let see those databases, that is, one
logged in. Citizens handed over to a person (转人工) wait in the queue
(`/handover`); an operator takes one, reads and answers it at
`/conversation/<sender id>` (the history read from the Rasa server's HTTP API,
at NUANLIU_RASA_URL, with the API token from serving/start.py) and closes it
(bot/hotline/handover_desk.py). These pages hold citizens' words: a logged-in operator
only, and only a conversation that was handed over to a person or is on the worklist (others are no operator's
business); the actions are POST forms with Datasette's CSRF token. The Rasa server, WeChat and SQLite are
called in worker threads, never on the event loop every operator's page shares, so a slow Rasa server is a
slow page for the operator waiting on it only. The login, the audit log and what guards every
request are plugins of their own (desk_login.py, desk_guard.py).
"""
from __future__ import annotations

import os
from asyncio import to_thread
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils.asgi import Request, Response

from bot.assistant import load_assistant
from bot.dialogue.conversation import POOR
from bot.dialogue.handover_settings import handover_settings
from bot.hotline import daily_counts, worklist
from bot.hotline.changchun_time import local_time, today
from bot.hotline.conversations import History, RasaConversations, Unreachable
from bot.hotline.daily_chart import chart
from bot.hotline.desk import Desk
from bot.hotline.handover_desk import HandoverDesk
from bot.hotline.handover_queue import Handover, HandoverQueue, queue_path
from bot.hotline.lookup import lookup, register_functions
from bot.plan.facts import load_specs
from bot.privacy.masking import mask
from serving.start import LOOPBACK, RASA_PORT, NoToken, api_token

MEASURES = "measures"
UNANSWERED, RATINGS, COUNTS = "unanswered", "ratings", "daily_counts"  # the databases `make lookup` serves
CHART_DAYS = 30
# The desk's pages, in its menu; a page added later is one more entry and route.
PAGES = [("/", "坐席查询台"), ("/handover", "转人工队列"), ("/worklist", "待办清单"),
         ("/measures/measure_lookup", "措施一览"), ("/measures", "措施表与计算查询"), ("/unanswered", "未能回答的问题")]
CHANNELS = {"webchat": "网页", "wechat": "微信", "rest": "接口"}  # bot/channels/identity.py: each channel by name
RASA_URL_VARIABLE = "NUANLIU_RASA_URL"


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
    answer = await to_thread(_desk(datasette).search, words, form, card) if words else None
    specs = load_specs()
    context = {"answer": answer, "words": words, "form": form, "open_card": card, "pages": PAGES, "here": "/",
               "labels": {f: s.label for f, s in specs.items()}, "units": {f: s.unit for f, s in specs.items()}}
    return Response.html(await datasette.render_template("desk.html", context, request=request))


async def desk_json(request: Request, datasette) -> Response:
    words, form, card = _asked(request)
    if not words:
        return Response.json({"error": "请用 q 参数传来电人的原话，例如 /desk.json?q=抗美援朝补助"}, status=400)
    return Response.json((await to_thread(_desk(datasette).search, words, form, card)).json())


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
    context = {"pages": PAGES, "here": "/worklist", "chart": chart(days), "days": list(reversed(days)),
               "unanswered": worklist.grouped(map(dict, unanswered.rows)), "poor": worklist.grouped(map(dict, poor.rows))}
    return Response.html(await datasette.render_template("worklist.html", context, request=request))


def _handover_desk() -> HandoverDesk:
    """The queue and the Rasa server's HTTP API (NUANLIU_RASA_URL, else make run's address); NoToken when
    no API token is configured."""
    url = os.environ.get(RASA_URL_VARIABLE) or f"http://{LOOPBACK}:{RASA_PORT}"
    return HandoverDesk(HandoverQueue(queue_path()), RasaConversations(url, api_token()), handover_settings())


async def _login_first(request: Request, datasette) -> Response:
    return Response.html(await datasette.render_template(
        "login_first.html", {"pages": PAGES, "here": request.path}, request=request), status=403)


async def handover_page(request: Request, datasette) -> Response:
    """The queue: who waits, since when, on which channel, with their last question; 接入 takes one."""
    if not request.actor:
        return await _login_first(request, datasette)
    now = datetime.now(timezone.utc)
    entries = [{"sender": e.sender_id, "link": quote(e.sender_id, safe=""), "state": e.state, "taken_by": e.taken_by,
                "channel": CHANNELS.get(e.channel, e.channel), "question": e.question,
                "queued": local_time(e.queued_at), "waited": int((now - e.queued_at).total_seconds() // 60),
                "notified": e.notified_at is not None}
               for e in await to_thread(lambda: HandoverQueue(queue_path()).waiting())]
    context = {"pages": PAGES, "here": "/handover", "entries": entries}
    return Response.html(await datasette.render_template("handover.html", context, request=request))


async def _no_business(request: Request, datasette, sender: str) -> Response | None:
    """A 403 unless the conversation was handed over to a person or is on the worklist."""
    if await to_thread(lambda: HandoverQueue(queue_path()).ever_handed_over(sender)):
        return None
    for database, named in ((UNANSWERED, worklist.UNANSWERED_NAMES), (RATINGS, worklist.POOR_NAMES)):
        if (await datasette.get_database(database).execute(named, {"sender": sender, "poor": POOR})).rows:
            return None
    return Response.html(await datasette.render_template("not_yours.html", {"pages": PAGES, "here": "/handover"},
                                                         request=request), status=403)


def _read(sender: str) -> tuple[HandoverDesk, Handover | None, History | None]:
    """The desk, the conversation's queue entry and its history (blocking: called in a worker thread)."""
    desk = _handover_desk()
    return desk, desk.queue.open_for(sender), desk.conversations.history(sender)


async def conversation_page(request: Request, datasette) -> Response:
    """One conversation, whole and masked; the handover's controls when it is in the queue."""
    if not request.actor:
        return await _login_first(request, datasette)
    sender = request.url_vars["sender_id"]
    if refused := await _no_business(request, datasette, sender):
        return refused
    context = {"pages": PAGES, "here": "/handover", "sender": sender, "link": quote(sender, safe=""),
               "me": request.actor.get("id"), "history": None, "entry": None, "problem": None, "too_late": False,
               "channels": CHANNELS, "local_time": local_time}
    try:
        desk, context["entry"], context["history"] = await to_thread(_read, sender)
        context["too_late"] = desk.too_late_for_wechat(context["history"])
    except NoToken:
        context["problem"] = "没有配置机器人服务器的 API 令牌（RASA_API_TOKEN 或 build/api-token），读不到对话记录。"
    except Unreachable as error:
        context["problem"] = f"连不上机器人服务器（{error}），读不到对话记录，请稍后刷新。"
    return Response.html(await datasette.render_template("conversation.html", context, request=request))


async def conversation_action(request: Request, datasette) -> Response:
    """接入 / 回复 / 结束 (POST, with Datasette's CSRF token), then back to the conversation with the outcome."""
    if not request.actor:
        return await _login_first(request, datasette)
    if request.method != "POST":
        return Response.text("POST only", status=405)
    sender, act = request.url_vars["sender_id"], request.url_vars["act"]
    operator = str(request.actor.get("id"))
    form = await request.post_vars()
    try:
        desk = await to_thread(_handover_desk)
    except NoToken:
        datasette.add_message(request, "没有配置机器人服务器的 API 令牌，无法操作。", datasette.ERROR)
        return Response.redirect(f"/conversation/{quote(sender, safe='')}")
    if act == "answer":
        outcome = await to_thread(desk.answer, sender, operator, form.get("text", ""))
    else:
        outcome = await to_thread(desk.take if act == "take" else desk.close, sender, operator)
    datasette.add_message(request, outcome.said, datasette.INFO if outcome.done else datasette.WARNING)
    return Response.redirect(f"/conversation/{quote(sender, safe='')}")


@hookimpl
def register_routes():
    return [(r"^/$", desk_page), (r"^/desk\.json$", desk_json), (r"^/worklist$", worklist_page),
            (r"^/handover$", handover_page), (r"^/conversation/(?P<sender_id>[^/]+)$", conversation_page),
            (r"^/conversation/(?P<sender_id>[^/]+)/(?P<act>take|answer|close)$", conversation_action)]


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
