"""The security headers both servers send: the Rasa server (channels, the web chat page) and the desk (Datasette).

- Content-Security-Policy: what a page may load and run. The web chat page runs
  only its own files (no inline script or style, nothing from elsewhere);
  Datasette's pages need inline script and style (its templates have them), so
  they keep 'unsafe-inline' but still load nothing from elsewhere. JSON and other
  responses that are not pages may load nothing at all. Every policy forbids
  framing (frame-ancestors, and X-Frame-Options for older browsers), plugins,
  <base> and posting forms elsewhere.
- X-Content-Type-Options: nosniff, so a JSON answer quoting a citizen is never run as a script.
- Referrer-Policy: no-referrer, since the desk's URLs hold callers' words (?q=…).
- Strict-Transport-Security, when the request came over TLS (the proxy says so with
  X-Forwarded-Proto: https, docs/operations.md): browsers then never use plain HTTP.
"""
from __future__ import annotations

_COMMON = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
WEB_PAGE = f"default-src 'self'; img-src 'self' data:; {_COMMON}"
DESK = f"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; {_COMMON}"
NOT_A_PAGE = f"default-src 'none'; {_COMMON}"
HSTS = "max-age=31536000"  # a year


def behind_tls(scheme: str | None, forwarded_proto: str | None) -> bool:
    """Whether the browser reached us over TLS: directly, or through a proxy that says so."""
    return scheme == "https" or (forwarded_proto or "").split(",")[0].strip().lower() == "https"


def security_headers(policy: str, tls: bool) -> dict[str, str]:
    """The headers for one response under `policy` (WEB_PAGE, DESK or NOT_A_PAGE)."""
    headers = {"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
               "Referrer-Policy": "no-referrer"}
    return headers | ({"Strict-Transport-Security": HSTS} if tls else {})
