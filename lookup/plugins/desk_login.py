"""Datasette plugin: the operators' login and logout, and who a request's session belongs to.

It replaces datasette-auth-passwords' login (whose hashes and accounts in
lookup/metadata.yml it still reads, and whose page it still shows) with one that
resists guessing and keeps sessions on the server (bot/hotline/login.py): a throttle
per account and per client address with a lockout, the hash in a worker thread,
the same time for a name that is no account, and a session cookie that carries only
a random id, HttpOnly, SameSite=Strict, Secure behind TLS, expiring, and ended at
logout. The cookie keeps Datasette's name (ds_actor), so Datasette's pages show their
logout button; Datasette cannot read it as a signed actor, and nothing else logs in:
HTTP Basic credentials are stripped before any plugin sees them (desk_guard.py).
"""
from __future__ import annotations

from functools import cache

from datasette import hookimpl
from datasette.utils.asgi import Request, Response

from bot.hotline.handover_queue import queue_path
from bot.hotline.login import WRONG, Accounts, Sessions, Throttle, locked_out_message
from serving.security_headers import behind_tls

COOKIE = "ds_actor"
PLUGIN = "datasette-auth-passwords"  # the accounts stay configured where that plugin reads them
THROTTLE = Throttle()


@cache
def _sessions() -> Sessions:
    """Beside the handover queue, which every desk process of the service shares."""
    return Sessions(queue_path().parent / "desk_sessions.db")


@cache
def _accounts(datasette) -> Accounts:
    return Accounts.from_config(datasette.plugin_config(PLUGIN) or {})


def client_address(request: Request) -> str:
    """The desk_guard plugin's reading of who is asking (the proxy's header when one is configured)."""
    return str(request.scope.get("nuanliu_client") or (request.scope.get("client") or ("", 0))[0])


async def _form(request: Request, datasette, error: str | None, wait: float = 0) -> Response:
    """The login page (datasette-auth-passwords', in Chinese), with what went wrong; 429 while locked out."""
    page = await datasette.render_template("password_login.html", {"error": error}, request=request)
    return Response.html(page, status=429, headers={"Retry-After": str(int(wait) + 1)}) if wait else Response.html(page)


async def login(request: Request, datasette) -> Response:
    if request.method != "POST":
        return await _form(request, datasette, None)
    form = await request.post_vars()
    name, password = form.get("username") or "", form.get("password") or ""
    client = client_address(request)
    if wait := THROTTLE.wait(name, client):
        return await _form(request, datasette, locked_out_message(wait), wait)
    actor = await _accounts(datasette).check(name, password)
    if actor is None:
        wait = THROTTLE.failed(name, client)
        return await _form(request, datasette, locked_out_message(wait) if wait else WRONG, wait)
    THROTTLE.succeeded(name)
    response = Response.redirect("/")
    response.set_cookie(COOKIE, _sessions().open(actor), max_age=int(_sessions().lifetime), httponly=True,
                        samesite="strict", secure=behind_tls(request.scheme, request.headers.get("x-forwarded-proto")))
    return response


async def logout(request: Request, datasette) -> Response:
    if request.method != "POST":
        if not request.actor:
            return Response.redirect("/")
        return Response.html(await datasette.render_template("logout.html", {"actor": request.actor},
                                                             request=request))
    _sessions().close(request.cookies.get(COOKIE))
    response = Response.redirect("/")
    response.set_cookie(COOKIE, "", max_age=0, httponly=True, samesite="strict")
    datasette.add_message(request, "您已退出登录。", datasette.WARNING)
    return response


@hookimpl
def register_routes():
    """Before Datasette's own routes and datasette-auth-passwords' (plugins in --plugins-dir are asked first)."""
    return [(r"^/-/login$", login), (r"^/-/logout$", logout)]


@hookimpl
def actor_from_request(datasette, request):
    return _sessions().actor(request.cookies.get(COOKIE))
