"""Datasette plugin: what every request to the desk passes, before and after Datasette answers it.

- Credentials: HTTP Basic is not a way in (datasette-auth-passwords would check it on
  every URL, hashing on the event loop); the Authorization header is dropped, so only
  the login's session counts (desk_login.py).
- Who asks: the client's address is the socket's, or the header named by
  NUANLIU_DESK_REAL_IP_HEADER (x-real-ip behind nginx), for the login's throttle.
- Size and form: a body over MAX_BODY is refused with 413 before it is read; a smaller
  one is read once and handed on whole (Datasette otherwise joins it piece by piece).
  Multipart bodies are refused with 415 and bodies that are not UTF-8 with 400: no desk
  form uploads, and the CSRF check Datasette uses fails on either with a 500.
- What strangers may not read: Datasette's introspection pages (file paths, settings,
  plugins, versions) need a login; the password tool is gone (`datasette
  hash-password` makes hashes, on the command line).
- What goes back: the security headers (serving/security_headers.py) on every
  response; CSV exports with formulas neutralised (bot/hotline/exports.py).
- The audit log: every request with its actor and status (bot/hotline/audit.py,
  written by its own thread), and nowhere else: uvicorn's access log would print each
  search (a caller's words) to the server's output, so it is switched off, and so is
  what Datasette prints about a failed query (its SQL and parameters) and Python's
  tracebacks of SQL functions.
- Errors: bad input (a sort by no column, a malformed `_through`, a form that is not
  UTF-8) is a 400 saying so, not a 500; any other error is a 500 whose log line names
  only the exception's type. A CSV or JSON export is streamed, and Datasette fails
  (500) when it has a pending message for the browser to hand it: the message's
  cookie is held back from exports, so it shows on the next page instead.
"""
from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
from functools import cache
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import unquote_plus

from datasette import hookimpl
from datasette.handle_exception import handle_exception as datasette_error_page
from datasette.plugins import pm
from datasette.utils import await_me_maybe
from datasette.utils.asgi import BadRequest, Base400, Request
from datasette.views.base import DatasetteError

from bot.hotline import audit
from bot.hotline.exports import FormulaGuard
from bot.privacy.masking import mask
from serving.quiet_logs import exception_names
from serving.security_headers import DESK, NOT_A_PAGE, behind_tls, security_headers

logger = logging.getLogger(__name__)
ACCESS_LOG = logging.getLogger("uvicorn.access")

MAX_BODY = 64 * 1024  # bytes: a login form or an operator's reply (at most 1000 characters) is far smaller
REAL_IP_VARIABLE = "NUANLIU_DESK_REAL_IP_HEADER"
FOR_OPERATORS = re.compile(r"^/-/(databases|plugins|settings|config|threads|metadata|versions|permissions"
                           r"|allow-debug|messages|patterns)(\.json)?$")
GONE = re.compile(r"^/-/password-tool$")
DATASETTE_ERROR_PAGE = "datasette.handle_exception"
TOO_LARGE = "提交的内容太大（最多64KB）。"
NOT_UTF8 = "提交的内容不是 UTF-8 编码的文字。"
NO_MULTIPART = "不接受文件上传式的提交（multipart）：坐席台的表单都是普通表单。"
EXPORTS = (".csv", ".json")  # streamed: Datasette cannot hand a pending message (ds_messages) to them
LOG_IN_FIRST = "请先登录。"
SERVER_ERROR = "服务器出错了，请稍后再试。"
# (the parameter, the exceptions it causes when malformed, what the operator reads)
BAD_PARAMETERS = [("_sort", DatasetteError, "不能按这一列排序：表中没有这一列。"),
                  ("_sort_desc", DatasetteError, "不能按这一列排序：表中没有这一列。"),
                  ("_through", (DatasetteError, ValueError, KeyError, TypeError, AttributeError), "_through 参数的格式不对。"),
                  ("_next", (ValueError, sqlite3.Error), "_next 参数不对：翻页请用页面上的“下一页”。")]


class _WithoutQueryParameters:
    """The server's stderr, but Datasette's line about a failed query (its SQL and parameters: a caller's
    words) is reduced to the fact that a query failed."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if text.startswith("ERROR: conn="):
            text = "ERROR: a query failed (its SQL and parameters are not logged)\n"
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


sys.stderr = _WithoutQueryParameters(sys.stderr)  # type: ignore[assignment]
sqlite3.enable_callback_tracebacks(False)  # a failing SQL function's traceback would quote its arguments
# Datasette's own error page prints every unexpected error's traceback; `handle_exception` below takes its place
# (and shows the same page, through it, for the errors it prints nothing about).
if pm.get_plugin(DATASETTE_ERROR_PAGE) is not None:
    pm.unregister(name=DATASETTE_ERROR_PAGE)


def client_address(scope: dict[str, Any]) -> str:
    header = os.environ.get(REAL_IP_VARIABLE, "").strip().lower().encode()
    if header:
        for name, value in scope.get("headers") or []:
            if name.lower() == header:
                return value.decode("latin-1").split(",")[0].strip()
    return (scope.get("client") or ("", 0))[0]


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    return next((v.decode("latin-1") for k, v in scope.get("headers") or [] if k.lower() == name), None)


async def _actor_id(datasette, request: Request) -> str | None:
    """The actor as Datasette's own hook resolves it (the login's session)."""
    for candidate in pm.hook.actor_from_request(datasette=datasette, request=request):
        actor = await await_me_maybe(candidate)
        if actor:
            return str(actor.get("id"))
    return None


async def _whole_body(scope: dict[str, Any], receive) -> bytes | None:
    """The request's body, or None when it is longer than MAX_BODY (read no further than that)."""
    declared = _header(scope, b"content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        return None
    chunks, size, more = [], 0, True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if size > MAX_BODY:
            return None
        more = message.get("more_body", False)
    return b"".join(chunks)


def _without_cookie(scope: dict[str, Any], name: str) -> dict[str, Any]:
    """The scope without one cookie: the message it holds waits in the browser for the next page."""
    def kept(value: bytes) -> bytes:
        return b"; ".join(c for c in value.split(b";") if c.strip().split(b"=")[0] != name.encode()).strip()
    return {**scope, "headers": [(k, kept(v) if k.lower() == b"cookie" else v) for k, v in scope["headers"]]}


def _utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _replaying(body: bytes, receive):
    given = False

    async def replay() -> dict[str, Any]:
        nonlocal given
        if given:
            return await receive()
        given = True
        return {"type": "http.request", "body": body, "more_body": False}
    return replay


async def _plain(send, status: int, text: str) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": text.encode("utf-8")})


def _sending(send, log: audit.AuditLog, actor: str | None, scope: dict[str, Any], tls: bool):
    """`send`, with the security headers added, a CSV's formulas neutralised and the request audited."""
    csv: FormulaGuard | None = None

    async def sending(message: dict[str, Any]) -> None:
        nonlocal csv
        if message["type"] == "http.response.start":
            status = message["status"]
            log.record(actor, scope["method"], scope["path"],
                       unquote_plus(scope.get("query_string", b"").decode("latin-1")), status)
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-length"
                       or not scope["path"].endswith(".csv")]
            kind = _header({"headers": headers}, b"content-type") or ""
            added = security_headers(DESK if kind.startswith("text/html") else NOT_A_PAGE, tls)
            names = {name.lower().encode() for name in added}
            headers = [(k, v) for k, v in headers if k.lower() not in names]
            headers += [(k.lower().encode(), v.encode()) for k, v in added.items()]
            message = {**message, "headers": headers}
            csv = FormulaGuard() if scope["path"].endswith(".csv") and status == 200 else None
        elif message["type"] == "http.response.body" and csv is not None:
            body = csv.feed(message.get("body", b""))
            if not message.get("more_body", False):
                body += csv.end()
            message = {**message, "body": body}
        await send(message)

    return sending


@cache
def _audit_log(path: Path) -> audit.AuditLog:
    """One log (one writer thread) per file for the process, however often Datasette builds its app."""
    return audit.AuditLog(path)


@hookimpl
def asgi_wrapper(datasette):
    log = _audit_log(audit.audit_path())

    def wrap(app):
        async def guarded(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            ACCESS_LOG.disabled = True  # uvicorn configures its access log once it serves, so it is silenced here
            scope = {**scope, "headers": [(k, v) for k, v in scope.get("headers") or [] if k.lower() != b"authorization"],
                     "nuanliu_client": client_address(scope)}
            actor = await _actor_id(datasette, Request(scope, receive))
            send = _sending(send, log, actor, scope, behind_tls(scope.get("scheme"),
                                                                _header(scope, b"x-forwarded-proto")))
            path = scope["path"]
            if GONE.match(path):
                return await _plain(send, 404, "没有这个页面。")
            if FOR_OPERATORS.match(path) and actor is None:
                return await _plain(send, 403, LOG_IN_FIRST)
            if (_header(scope, b"content-type") or "").lower().startswith("multipart/"):
                return await _plain(send, 415, NO_MULTIPART)
            body = await _whole_body(scope, receive)
            if body is None:
                return await _plain(send, 413, TOO_LARGE)
            if not _utf8(body):  # the CSRF check reads every form before any view could refuse it
                return await _plain(send, 400, NOT_UTF8)
            if path.endswith(EXPORTS):
                scope = _without_cookie(scope, "ds_messages")
            await app(scope, _replaying(body, receive), send)
        return guarded
    return wrap


@hookimpl
def handle_exception(datasette, request, exception):
    """Bad input as 400 naming it; Datasette's own refusals (404, 403, its messages) as Datasette shows them; any
    other error as a 500 whose log line names only the exception's type and the path (the traceback Datasette
    would print can quote a caller's words)."""
    for parameter, kinds, said in BAD_PARAMETERS:
        if parameter in request.args and isinstance(exception, kinds):
            return datasette_error_page(datasette, request, BadRequest(said))
    if isinstance(exception, UnicodeDecodeError):
        exception = BadRequest(NOT_UTF8)
    elif not isinstance(exception, (Base400, DatasetteError)):
        logger.error("desk: %s on %s %s", exception_names(exception), request.method, mask(request.path))
        exception = DatasetteError(SERVER_ERROR, status=500)
    return datasette_error_page(datasette, request, exception)
