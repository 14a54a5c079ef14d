"""Where the security checks look: a deployment (`make security-check URL=…`), or, in `make test`, local servers.

A deployment: NUANLIU_CHECK_URL is the citizens' address (nginx in front of the Rasa
servers), NUANLIU_CHECK_DESK_URL the operators' desk if it is to be checked too, and
NUANLIU_CHECK_OPERATOR / NUANLIU_CHECK_PASSWORD an operator account for the checks that
need a login (each is skipped, saying why, when what it needs is not given). The checks
only read, and send what any stranger could: a few wrong logins for a made-up account
name, which locks out that name only.

Locally: the shared test bot behind nginx started from ops/nginx.conf.template, exactly
as a deployment puts it, and the shared test desk with its test operator.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from serving.processes import free_port
from tests.support import nginx
from tests.support.lookup_server import OPERATOR, PASSWORD

URL_VARIABLE, DESK_VARIABLE = "NUANLIU_CHECK_URL", "NUANLIU_CHECK_DESK_URL"
OPERATOR_VARIABLE, PASSWORD_VARIABLE = "NUANLIU_CHECK_OPERATOR", "NUANLIU_CHECK_PASSWORD"


@dataclass(frozen=True)
class Target:
    public: str  # the citizens' address: the channels and the web page
    desk: str | None  # the operators' desk, if it is checked
    operator: tuple[str, str] | None  # an account for the checks that need a login
    local: bool  # the test servers of `make test` (some checks need to pose as other clients)

    @property
    def tls(self) -> bool:
        return self.public.startswith("https://")


@pytest.fixture(scope="session")
def target(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    if url := os.environ.get(URL_VARIABLE, "").strip():
        account = (os.environ.get(OPERATOR_VARIABLE, ""), os.environ.get(PASSWORD_VARIABLE, ""))
        yield Target(url.rstrip("/"), (os.environ.get(DESK_VARIABLE) or "").rstrip("/") or None,
                     account if all(account) else None, local=False)
        return
    live, desk = request.getfixturevalue("live"), request.getfixturevalue("lookup")
    port, rasa_port = free_port(), int(live.url.rsplit(":", 1)[1])
    with nginx.serving(tmp_path_factory.mktemp("nginx"), port, [rasa_port]):
        yield Target(f"http://127.0.0.1:{port}", desk.base, (OPERATOR, PASSWORD), local=True)


@pytest.fixture()
def desk(target: Target) -> str:
    if target.desk is None:
        pytest.skip(f"the desk is not checked: set {DESK_VARIABLE} (make security-check DESK_URL=…)")
    return target.desk


@pytest.fixture()
def operator(target: Target, desk: str) -> tuple[str, str]:
    if target.operator is None:
        pytest.skip(f"needs an operator account: set {OPERATOR_VARIABLE} and {PASSWORD_VARIABLE}")
    return target.operator
