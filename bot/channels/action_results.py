"""Rasa 3.6 checks every action server reply against its response schema with
`jsonschema.validate`, which first re-validates the schema itself against the
2020-12 meta-schema: on this bot that was 40% of the Rasa server's CPU per turn
(py-spy, make bench). Upstream 3.6 is the last open release, so the fix lives
here: one validator, built and checked once, applying the same schema and
raising the same error. Installed when the channels load (credentials.yml),
i.e. in every Rasa server this project starts.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import ValidationError, validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


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


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
