"""The Rasa fix in bot/channels/action_results.py: same verdicts as Rasa's own check, schema checked once."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction

import bot.channels  # noqa: F401  (installs the fix, as loading credentials.yml does)
from bot.channels import action_results

VALID = {"events": [{"event": "slot", "name": "measure", "value": "cert_green_food"}],
         "responses": [{"text": "每年15780元"}]}


def test_the_channels_install_the_fix():
    assert RemoteAction._validate_action_result is action_results.validate_action_result


def test_a_valid_reply_passes():
    assert action_results.validate_action_result(None, VALID)


def test_an_invalid_reply_fails_with_rasas_explanation():
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action_results.validate_action_result(None, {"events": "not a list"})


def test_the_schema_is_checked_once_not_per_reply(monkeypatch):
    action_results._validator.cache_clear()
    cls = validators.validator_for(RemoteAction.action_response_format_spec())
    checks = []
    monkeypatch.setattr(cls, "check_schema", classmethod(lambda c, schema: checks.append(schema)))
    for _ in range(3):
        action_results.validate_action_result(None, VALID)
    assert len(checks) == 1
    action_results._validator.cache_clear()
