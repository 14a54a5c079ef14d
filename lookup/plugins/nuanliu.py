"""Datasette plugin: the operators' desk, the team's worklist, the handover queue, the bot's search and
calculator as SQL functions, and the audit log.

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
only, and the actions are POST forms with Datasette's CSRF token. Every request is written to the audit log
(bot/hotline/audit.py) with the actor Datasette resolves for it, and nowhere else:
uvicorn's access log would print each search (a caller's words) to the
server's output, so it is switched off.
"""
from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, unquote_plus

from datasette import hookimpl
from datasette.plugins import pm
from datasette.utils import await_me_maybe
from datasette.utils.asgi import Request, Response

from bot.assistant import load_assistant
from bot.dialogue.conversation import POOR
from bot.dialogue.handover_settings import handover_settings
from bot.hotline import audit, daily_counts, worklist
from bot.hotline.changchun_time import local_time, today
from bot.hotline.conversations import RasaConversations, Unreachable
from bot.hotline.daily_chart import chart
from bot.hotline.desk import Desk
from bot.hotline.handover_desk import HandoverDesk
from bot.hotline.handover_queue import HandoverQueue, queue_path
from bot.hotline.lookup import lookup, register_functions
from bot.plan.facts import load_specs
from bot.privacy.masking import mask
from serving.start import LOOPBACK, RASA_PORT, NoToken, api_token

ACCESS_LOG = logging.getLogger("uvicorn.access")

MEASURES = "measures"
UNANSWERED, RATINGS, COUNTS = "unanswered", "ratings", "daily_counts"  # the databases `make lookup` serves
CHART_DAYS = 30
# The desk's pages, in its menu; a page added later is one more entry and route.
PAGES = [("/", "坐席查询台"), ("/handover", "转人工队列"), ("/worklist", "待办清单"),
         ("/measures/measure_lookup", "措施一览"), ("/measures", "措施表与计算查询"), ("/unanswered", "未能回答的问题")]
CHANNELS = {"rest": "网页", "wechat": "微信"}
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
    answer = _desk(datasette).search(words, form, card) if words else None
    specs = load_specs()
    context = {"answer": answer, "words": words, "form": form, "open_card": card, "pages": PAGES, "here": "/",
               "labels": {f: s.label for f, s in specs.items()}, "units": {f: s.unit for f, s in specs.items()}}
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
                "notified": e.notified_at is not None} for e in HandoverQueue(queue_path()).waiting()]
    context = {"pages": PAGES, "here": "/handover", "entries": entries}
    return Response.html(await datasette.render_template("handover.html", context, request=request))


async def conversation_page(request: Request, datasette) -> Response:
    """One conversation, whole and masked; the handover's controls when it is in the queue."""
    if not request.actor:
        return await _login_first(request, datasette)
    sender = request.url_vars["sender_id"]
    context = {"pages": PAGES, "here": "/handover", "sender": sender, "link": quote(sender, safe=""),
               "me": request.actor.get("id"), "history": None, "entry": None, "problem": None, "too_late": False,
               "channels": CHANNELS, "local_time": local_time}
    try:
        desk = _handover_desk()
        context["entry"] = desk.queue.open_for(sender)
        context["history"] = history = desk.conversations.history(sender)
        context["too_late"] = desk.too_late_for_wechat(history)
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
        desk = _handover_desk()
    except NoToken:
        datasette.add_message(request, "没有配置机器人服务器的 API 令牌，无法操作。", datasette.ERROR)
        return Response.redirect(f"/conversation/{quote(sender, safe='')}")
    outcome = (desk.take(sender, operator) if act == "take" else desk.close(sender, operator) if act == "close"
               else desk.answer(sender, operator, form.get("text", "")))
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
