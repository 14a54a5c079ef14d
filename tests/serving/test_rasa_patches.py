"""The fixes to Rasa 3.6 in serving/rasa_patches.py: installed, pinned to the code they replace, and doing
what Rasa's own code did, with less work."""
from __future__ import annotations

import asyncio
import time

import pytest
import rasa
from aiohttp import web
from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import SessionConfig
from rasa.shared.core.events import ConversationPaused, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

import bot.channels  # noqa: F401  (installs the fixes, as loading credentials.yml does)
from serving import rasa_patches

VALID = {"events": [{"event": "slot", "name": "measure", "value": "cert_green_food"}],
         "responses": [{"text": "每年15780元"}]}


def test_the_patches_are_written_for_the_installed_rasa():
    assert rasa.__version__ == rasa_patches.RASA_VERSION
    for name, (original, expected) in rasa_patches.PATCHED.items():
        assert rasa_patches.source_hash(original) == expected, f"Rasa's {name} changed: review the patch"


def test_the_channels_install_the_fixes():
    assert RemoteAction._validate_action_result is rasa_patches.validate_action_result
    assert EndpointConfig.session is rasa_patches.kept_session
    assert MessageProcessor._has_session_expired is rasa_patches.session_expired_unless_paused


def test_a_valid_reply_passes():
    assert rasa_patches.validate_action_result(None, VALID)


def test_an_invalid_reply_fails_with_rasas_explanation():
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        rasa_patches.validate_action_result(None, {"events": "not a list"})


def test_the_schema_is_checked_once_not_per_reply(monkeypatch):
    rasa_patches._validator.cache_clear()
    cls = validators.validator_for(RemoteAction.action_response_format_spec())
    checks = []
    monkeypatch.setattr(cls, "check_schema", classmethod(lambda c, schema: checks.append(schema)))
    for _ in range(3):
        rasa_patches.validate_action_result(None, VALID)
    assert len(checks) == 1
    rasa_patches._validator.cache_clear()


def test_requests_to_an_endpoint_reuse_one_connection_and_keep_rasas_errors():
    async def scenario() -> tuple[list, set, int]:
        peers: set = set()

        async def webhook(request: web.Request) -> web.Response:
            peers.add(request.transport.get_extra_info("peername"))
            body = await request.json()
            return web.json_response({"echo": body["n"]}) if body["n"] >= 0 else web.Response(status=500)

        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        try:
            answers = [await endpoint.request(json={"n": n}) for n in range(3)]
            with pytest.raises(rasa.utils.endpoints.ClientResponseError) as failed:
                await endpoint.request(json={"n": -1})
        finally:
            async with endpoint.session() as kept:
                await kept.close()
            await runner.cleanup()
        return answers, peers, failed.value.status

    answers, peers, status = asyncio.run(scenario())
    assert answers == [{"echo": 0}, {"echo": 1}, {"echo": 2}]
    assert len(peers) == 1  # one client connection for all four requests
    assert status == 500


def test_a_conversation_a_person_holds_does_not_expire_and_others_still_do():
    """A new session unpauses a conversation: after an hour's silence the bot would talk over the operator."""
    class Processor:
        domain = type("Domain", (), {"session_config": SessionConfig(session_expiration_time=60,
                                                                     carry_over_slots=True)})()

    silent = [UserUttered("转人工", timestamp=time.time() - 2 * 3600)]
    held = DialogueStateTracker.from_events("held", [*silent, ConversationPaused()])
    free = DialogueStateTracker.from_events("free", silent)
    assert not rasa_patches.session_expired_unless_paused(Processor(), held)
    assert rasa_patches.session_expired_unless_paused(Processor(), free)
