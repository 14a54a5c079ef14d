"""The only places this project changes Rasa 3.6's own code, kept together and pinned to the version.

Rasa Open Source 3.6 is the last open release, so these fixes cannot go
upstream. Each replaces one function; `PATCHED` holds a hash of the source it
replaces, and tests/serving/test_rasa_patches.py fails when an installed Rasa differs,
so an upgrade cannot silently keep a patch written for other code.

- `RemoteAction._validate_action_result` checked every action server reply
  with `jsonschema.validate`, which first re-validates the schema against the
  2020-12 meta-schema: 40% of the Rasa server's CPU per turn (py-spy, make
  bench). Here one validator is built and checked once, applying the same
  schema and raising the same error.
- `EndpointConfig.session` gave every request to the action server a new
  aiohttp session, so a new connection (5% of the Rasa server's CPU at 50
  users). Here each endpoint keeps one session per event loop; the `async
  with` around it in `EndpointConfig.request` no longer closes it. Idle
  connections are dropped after KEEP_ALIVE_S, under the action server's
  (Sanic's) 5 s, so a request never goes out on a connection the server is
  closing.
- `MessageProcessor._has_session_expired` started a new session after an hour
  without a message from the citizen, and a new session unpauses the
  conversation: the bot would start answering again while a person still holds
  it (转人工, bot/channels/handover.py). Here a paused conversation never
  expires; once the desk resumes it, Rasa's rule applies again.

Installed when the channels load (credentials.yml names them), i.e. in every
Rasa server this project starts.
"""
from __future__ import annotations

import asyncio
import hashlib
import inspect
from collections.abc import Callable
from functools import cache
from typing import Any

import aiohttp
from jsonschema import ValidationError, validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.shared.constants import DOCS_BASE_URL
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

RASA_VERSION = "3.6.21"
KEEP_ALIVE_S = 2.0
PATCHED: dict[str, tuple[Callable, str]] = {  # what is replaced → (Rasa's function, sha256 of its source, 16 hex)
    "RemoteAction._validate_action_result": (RemoteAction._validate_action_result, "f8cdb4be68123961"),
    "EndpointConfig.session": (EndpointConfig.session, "e55aa13d9d4fb4bc"),
    "EndpointConfig.request": (EndpointConfig.request, "ccdb778aed8208e2"),  # relies on `async with self.session()`
    "MessageProcessor._has_session_expired": (MessageProcessor._has_session_expired, "aa0e659a9cfa1f70"),
}
_session_expired = MessageProcessor._has_session_expired  # Rasa's own, called by the patch


def source_hash(function: Callable) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


@cache
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result with the schema checked once, not per reply."""
    error: ValidationError | None = best_match(_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the Action "
            f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


class _Kept:
    """An open session that `async with` hands out without closing it afterwards."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(self, *_: object) -> None:
        return None


def kept_session(self: EndpointConfig) -> _Kept:
    """EndpointConfig.session, created once per endpoint and event loop and kept open."""
    loop = asyncio.get_running_loop()
    loop_and_session = getattr(self, "_kept_session", None)
    if loop_and_session is None or loop_and_session[0] is not loop or loop_and_session[1].closed:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
        session = aiohttp.ClientSession(
            headers=self.headers, auth=auth, timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_S),
        )
        self._kept_session = loop_and_session = (loop, session)
    return _Kept(loop_and_session[1])


def session_expired_unless_paused(self: MessageProcessor, tracker: Any) -> bool:
    """MessageProcessor._has_session_expired, never for a paused conversation (a person holds it)."""
    return not tracker.is_paused() and _session_expired(self, tracker)


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
    EndpointConfig.session = kept_session
    MessageProcessor._has_session_expired = session_expired_unless_paused
