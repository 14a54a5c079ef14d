"""Whose conversation a request may touch: every sender id belongs to its channel, and the web page proves its own.

A sender id is the only key to a conversation (the facts a citizen stated, the
handover, where operators' replies go, 删除我的记录), and ids were shared by every
channel: whoever learnt a WeChat OpenID (the desk and its audit log showed them)
could act as that citizen through the REST webhook. So:
- each channel keeps its conversations under its own prefix (`conversation_id`):
  wechat-<OpenID>, webchat-<the page's id>, rest-<the caller's id>. No channel can
  name another's conversation; the REST webhook still lets trusted integrations (the
  hotline's systems, load tests, ../shared/eval/judge.py) choose their ids, inside
  rest-;
- the web page does not choose its id: the server issues a random one (`PageIds.issue`)
  with a signature over it (itsdangerous, keyed by the server's secret,
  serving/start.py), and the page shows that token on every request. Knowing a page's
  conversation id is then not enough to act on it; forging a token needs the secret.
"""
from __future__ import annotations

import secrets

from itsdangerous import BadSignature, Signer

REST, WECHAT, WEBCHAT = "rest", "wechat", "webchat"
TOKEN_HEADER = "X-Page-Token"  # the web page's proof of its conversation (chat.js sends it)
_SEPARATOR = "-"  # needs no URL-encoding, and no channel's name holds it: the prefixes never overlap


def conversation_id(channel: str, sender: str) -> str:
    """The conversation a channel's sender writes in (the tracker store's, the desk's and the queue's key)."""
    return f"{channel}{_SEPARATOR}{sender}"


def sender_of(channel: str, conversation: str) -> str | None:
    """The channel's own id for the citizen of `conversation` (a WeChat OpenID), or None if it is not the channel's."""
    prefix = f"{channel}{_SEPARATOR}"
    return conversation[len(prefix):] if conversation.startswith(prefix) else None


class PageIds:
    """The web page's conversations: issued by the server, signed, and checked on every request."""

    def __init__(self, secret: str) -> None:
        self._signer = Signer(secret, salt="nuanliu-webchat-page")

    def issue(self) -> str:
        """A token for a new conversation: a random id (unguessable) and the server's signature over it."""
        return self._signer.sign(secrets.token_urlsafe(18)).decode("ascii")

    def conversation(self, token: str | None) -> str | None:
        """The conversation the token proves, or None for a missing, malformed or forged one."""
        try:
            return conversation_id(WEBCHAT, self._signer.unsign(token or "").decode("ascii"))
        except (BadSignature, UnicodeError):
            return None
