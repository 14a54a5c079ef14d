"""Datasette plugin: the operators' console, live: the handover queue, one conversation, and the feed they follow.

Citizens handed over to a person (转人工) wait in the queue (`/handover`); an
operator takes one, reads and answers it at `/conversation/<pseudonym>` (the
history read from the Rasa server's HTTP API, at NUANLIU_RASA_URL, with the API
token from serving/start.py; beside it the answer cards for the citizen's last
question, bot.hotline.desk.Desk.assist, and the team's 常用语) and closes it
(bot/hotline/handover_desk.py). A citizen is named by a pseudonym
(bot/hotline/pseudonyms.py), never by their sender id, in pages, URLs and so in
the audit log. These pages hold citizens' words: a logged-in operator only, and
only a conversation that was handed over to a person or is on the worklist
(others are no operator's business: a 403, `_no_business`); the actions are
POST forms with Datasette's CSRF token (answered in JSON when the page's script
asks, so the page stays where it is).

Every desk page a logged-in operator opens follows the queue's change feed
(bot/hotline/change_feed.py) at `/console/feed`, a server-sent event stream
(Last-Event-ID: the version last received), with `/console/feed.json` for
polling where the stream fails: the count waiting in the menu and the title,
an optional sound, the queue and the open conversation read anew when they
change. A stream ends after STREAM_SECONDS and the browser reconnects at once,
so a desk process stopping is never held up by open pages. The feed reads the
queue file every desk process shares, so it works with several of them.
Nothing here blocks the event loop: the Rasa server and SQLite are called in
threads. The scripts are lookup/console/*.js, served from here.
"""
from __future__ import annotations

import asyncio
import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Request, Response
from markupsafe import Markup

from bot.assistant import load_assistant
from bot.dialogue.conversation import POOR
from bot.dialogue.handover_settings import handover_settings
from bot.hotline import console, ratings, worklist
from bot.hotline.changchun_time import local_time
from bot.hotline.change_feed import LiveFeed, latest
from bot.hotline.conversations import RasaConversations, Unreachable
from bot.hotline.desk import Desk
from bot.hotline.handover_desk import NO_LONGER, WECHAT_WINDOW, HandoverDesk
from bot.hotline.handover_queue import HandoverQueue, queue_path
from bot.hotline.outbox import Outbox
from bot.hotline.pseudonyms import SHAPE, Pseudonyms
from serving.start import LOOPBACK, RASA_PORT, NoToken, api_token

MEASURES, UNANSWERED, RATINGS = "measures", "unanswered", "ratings"
SENDERS_SHOWN = (UNANSWERED, RATINGS)  # the databases whose tables hold sender ids
RASA_URL_VARIABLE = "NUANLIU_RASA_URL"
SCRIPTS = Path(__file__).parent.parent / "console"
STREAM_SECONDS = 20.0  # a stream's life: the browser reconnects at once, naming the version it had
HEARTBEAT_SECONDS = 10.0  # a comment line, so proxies keep the stream open and a closed page is noticed
_FEEDS: dict[Path, LiveFeed] = {}


def feed() -> LiveFeed:
    """This process's follower of the queue file's change feed (one per file)."""
    path = queue_path()
    return _FEEDS.setdefault(path, LiveFeed(path))


def _handover_desk() -> HandoverDesk:
    """The queue and the Rasa server's HTTP API (NUANLIU_RASA_URL, else make run's address); NoToken when
    no API token is configured."""
    url = os.environ.get(RASA_URL_VARIABLE) or f"http://{LOOPBACK}:{RASA_PORT}"
    queue = HandoverQueue(queue_path())
    return HandoverDesk(queue, RasaConversations(url, api_token()), handover_settings(), Outbox(queue.path))


async def _login_first(request: Request, datasette) -> Response:
    return Response.html(await datasette.render_template(
        "login_first.html", {"here": request.path}, request=request), status=403)


async def queue_page(request: Request, datasette) -> Response:
    """The queue: who waits, since when, on which channel, with their last question; 接入 takes one."""
    if not request.actor:
        return await _login_first(request, datasette)

    def read() -> tuple[list[console.QueueRow], int]:
        entries = HandoverQueue(queue_path()).waiting()
        names = Pseudonyms(queue_path()).of_all(e.sender_id for e in entries)
        return console.queue_rows(entries, names, datetime.now(timezone.utc)), latest(queue_path())[0]

    rows, version = await asyncio.to_thread(read)
    context = {"here": "/handover", "rows": rows, "version": version,
               "waiting": sum(r.state == "queued" for r in rows)}
    return Response.html(await datasette.render_template("handover.html", context, request=request))


def _desk(datasette) -> Desk:
    return Desk(load_assistant(Path(datasette.get_database(MEASURES).path)))


async def _rated(datasette, rating: str | None, sender: str) -> tuple[str, datetime] | None:
    """(the answer, when it was rated) of the rating `rating`, if it is this citizen's."""
    if not rating or not rating.isdigit() or RATINGS not in datasette.databases:
        return None
    found = await datasette.get_database(RATINGS).execute(
        f"select answer, time from {ratings.TABLE} where id = ? and sender = ?", [int(rating), sender])
    row = found.first()
    return (row["answer"], datetime.fromisoformat(row["time"])) if row else None


async def _no_business(request: Request, datasette, sender: str) -> Response | None:
    """A 403 unless the conversation was handed over to a person or is on the worklist (an unanswered question,
    a 不满意): no other conversation is an operator's business, whatever pseudonym they type."""
    if await asyncio.to_thread(HandoverQueue(queue_path()).ever_handed_over, sender):
        return None
    for database, named in ((UNANSWERED, worklist.UNANSWERED_NAMES), (RATINGS, worklist.POOR_NAMES)):
        if database in datasette.databases and \
                (await datasette.get_database(database).execute(named, {"sender": sender, "poor": POOR})).rows:
            return None
    return Response.html(await datasette.render_template("not_yours.html", {"here": "/handover"}, request=request),
                         status=403)


async def conversation_page(request: Request, datasette) -> Response:
    """One conversation, whole and masked, by the citizen's pseudonym, if it is an operator's business
    (`_no_business`); the handover's controls when it is in the queue; the answer cards for the citizen's last
    question and the 常用语 for the operator who holds it."""
    if not request.actor:
        return await _login_first(request, datasette)
    pseudonym = request.url_vars["who"].upper()
    sender = await asyncio.to_thread(Pseudonyms(queue_path()).sender, pseudonym)
    if sender is not None and (refused := await _no_business(request, datasette, sender)):
        return refused
    me = str(request.actor.get("id"))
    context: dict[str, Any] = {
        "here": "/handover", "who": pseudonym, "me": me, "history": None, "entry": None, "gone": None, "problem": None,
        "too_late": False, "closes_at": None, "assist": None, "quick": console.quick_replies(), "rated": None,
        "handover_id": None, "version": 0, "channels": console.CHANNELS, "local_time": local_time,
        "card_reply": console.card_reply}
    if sender is None:  # never named, or the citizen's records were deleted (删除我的记录) or purged
        context["gone"] = "没有这个对话（市民可能删除了记录，或已过保存期限）"
        return Response.html(await datasette.render_template("conversation.html", context, request=request), status=404)
    try:
        desk = _handover_desk()
        entry, latest_entry, (version, _) = await asyncio.to_thread(
            lambda: (desk.queue.open_for(sender), desk.queue.latest_for(sender), latest(desk.queue.path)))
        context.update(entry=entry, version=version, handover_id=(entry or latest_entry).id if latest_entry else None)
        if entry is None and latest_entry is not None:
            context["gone"] = await asyncio.to_thread(desk.gone, sender)
        history = await asyncio.to_thread(desk.conversations.history, sender)
        context.update(history=history, too_late=desk.too_late_for_wechat(history))
        if history and history.channel == "wechat" and history.last_citizen_message:
            context["closes_at"] = (history.last_citizen_message + WECHAT_WINDOW).timestamp()
    except NoToken:
        context["problem"] = "没有配置机器人服务器的访问令牌，读不到对话记录。请联系系统管理员。"
    except Unreachable as error:
        context["problem"] = f"连不上机器人服务器（{error}），读不到对话记录，请稍后刷新。"
    history = context["history"]
    if history:
        said = [line.text for line in history.lines if line.asks]
        context["assist"] = await asyncio.to_thread(_desk(datasette).assist, said)
        rated = await _rated(datasette, request.args.get("rated"), sender)
        context["rated"] = console.rated_line(history.lines, *rated) if rated else None
    return Response.html(await datasette.render_template("conversation.html", context, request=request))


async def conversation_action(request: Request, datasette) -> Response:
    """接入 / 回复 / 结束 (POST, with Datasette's CSRF token): the outcome in JSON for the page's script, else back
    to the conversation with the outcome as a message."""
    if not request.actor:
        return await _login_first(request, datasette)
    if request.method != "POST":
        return Response.text("只接受 POST", status=405)
    pseudonym, act = request.url_vars["who"].upper(), request.url_vars["act"]
    wants_json = "application/json" in request.headers.get("accept", "")
    back = f"/conversation/{pseudonym}"
    operator = str(request.actor.get("id"))
    form = await request.post_vars()
    sender = await asyncio.to_thread(Pseudonyms(queue_path()).sender, pseudonym)
    try:
        desk = _handover_desk()
    except NoToken:
        return _outcome(datasette, request, wants_json, back, False, "没有配置机器人服务器的访问令牌，无法操作。"
                                                                      "请联系系统管理员。")
    if sender is None:
        return _outcome(datasette, request, wants_json, back, False, NO_LONGER + "。")
    do = {"take": lambda: desk.take(sender, operator), "close": lambda: desk.close(sender, operator),
          "answer": lambda: desk.answer(sender, operator, form.get("text", ""))}[act]
    outcome = await asyncio.to_thread(do)
    return _outcome(datasette, request, wants_json, back + ("#reply" if act == "take" else ""), outcome.done,
                    outcome.said)


def _outcome(datasette, request: Request, wants_json: bool, back: str, done: bool, said: str) -> Response:
    if wants_json:
        return Response.json({"done": done, "said": said})
    datasette.add_message(request, said, datasette.INFO if done else datasette.WARNING)
    return Response.redirect(back)


def _after(request: Request) -> int | None:
    """The version a page had: Last-Event-ID (a reconnecting stream) or ?after=; None for a page that has none."""
    given = request.headers.get("last-event-id") or request.args.get("after") or ""
    return int(given) if given.isdigit() else None


async def feed_json(request: Request) -> Response:
    """What followed the version a polling page had (or where the feed stands), at once."""
    if not request.actor:
        return Response.json({"error": "请先登录"}, status=403)
    live = feed()
    await live.look()
    after = _after(request)
    batch = live.since(after if after is not None else live.version)
    return Response.json(batch.json(), headers={"Cache-Control": "no-store"})


async def feed_stream(request: Request, send, receive) -> Response | None:
    """Server-sent events: one `change` event per batch of changes, id = its version; first, where the feed
    stands (with `reset` when the page's version cannot be caught up from)."""
    if not request.actor:
        return Response.json({"error": "请先登录"}, status=403)
    live = feed()
    await live.look()
    after = _after(request)
    await send({"type": "http.response.start", "status": 200, "headers": [
        (b"content-type", b"text/event-stream; charset=utf-8"), (b"cache-control", b"no-store"),
        (b"x-accel-buffering", b"no")]})

    async def event(data: dict[str, Any], version: int) -> None:
        text = f"id: {version}\nevent: change\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
        await send({"type": "http.response.body", "body": text.encode("utf-8"), "more_body": True})

    await send({"type": "http.response.body", "body": b"retry: 1000\n\n", "more_body": True})
    first = live.since(after) if after is not None else live.since(live.version)
    await event(first.json(), first.version)
    after = first.version
    gone = asyncio.ensure_future(_disconnected(receive))
    ends = asyncio.get_running_loop().time() + STREAM_SECONDS
    try:
        while not gone.done() and (left := ends - asyncio.get_running_loop().time()) > 0:
            waiting = asyncio.ensure_future(live.next(after, min(left, HEARTBEAT_SECONDS)))
            await asyncio.wait({waiting, gone}, return_when=asyncio.FIRST_COMPLETED)
            if gone.done():
                waiting.cancel()
                break
            batch = waiting.result()
            if batch is None:
                await send({"type": "http.response.body", "body": b": \n\n", "more_body": True})
                continue
            await event(batch.json(), batch.version)
            after = batch.version
        await send({"type": "http.response.body", "body": b"", "more_body": False})
    finally:
        gone.cancel()
    return None


async def _disconnected(receive) -> None:
    """Until the browser goes away (the request's body, if any, is read past)."""
    while (await receive())["type"] != "http.disconnect":
        pass


async def script(request: Request) -> Response:
    """The console's scripts (lookup/console/), same origin, never cached across a deployment."""
    name = request.url_vars["name"]
    return Response((SCRIPTS / f"{name}.js").read_text(encoding="utf-8"), content_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "no-cache"})


@hookimpl
def register_routes():
    who = f"(?P<who>(?i:{SHAPE}))"  # typed or read aloud in either case
    return [(r"^/handover$", queue_page), (rf"^/conversation/{who}$", conversation_page),
            (rf"^/conversation/{who}/(?P<act>take|answer|close)$", conversation_action),
            (r"^/console/feed$", feed_stream), (r"^/console/feed\.json$", feed_json),
            (r"^/console/(?P<name>live|queue|conversation)\.js$", script)]


@hookimpl
def render_cell(value, column, database):
    """A sender id in Datasette's tables of citizens' words (unanswered, ratings) shows as the citizen's pseudonym,
    linked to their conversation, as on the desk's own pages (the exports keep the id, for the hotline's systems)."""
    if column != "sender" or database not in SENDERS_SHOWN or not isinstance(value, str) or not value:
        return None

    async def pseudonymous() -> Markup:
        name = await asyncio.to_thread(Pseudonyms(queue_path()).of, value)
        return Markup(f'<a href="/conversation/{name}">市民 {name}</a>')
    return pseudonymous()


@hookimpl
def extra_template_vars(request):
    """What every desk page's menu needs: whether the operator is logged in decides if it follows the feed."""
    return {"live_feed": bool(request and request.actor)}

