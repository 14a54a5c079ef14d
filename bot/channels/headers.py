"""The security headers on every response of the Rasa server (serving/security_headers.py says what each one does).

The web chat page (HTML) runs under the strict policy: its own files only, no
inline script or style; everything else (the channels' JSON, the page's static
files, the HTTP API, errors) may load nothing at all. HSTS is sent when the
proxy says the browser came over TLS (X-Forwarded-Proto: https).
"""
from __future__ import annotations

from sanic import Sanic
from sanic.request import Request
from sanic.response import BaseHTTPResponse

from serving.security_headers import NOT_A_PAGE, WEB_PAGE, behind_tls, security_headers


def install(app: Sanic) -> None:
    """Add the headers to every response the server sends (registered before it serves)."""
    async def secured(request: Request, response: BaseHTTPResponse) -> None:
        page = (response.content_type or "").startswith("text/html")
        tls = behind_tls(request.scheme, request.headers.get("x-forwarded-proto"))
        response.headers.update(security_headers(WEB_PAGE if page else NOT_A_PAGE, tls))

    app.register_middleware(secured, "response")
