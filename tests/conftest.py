"""Shared fixtures (the measures as loaded from YAML, a database built from them once, the running
servers), and the marks that say what each test needs."""
from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.plan.measure import Measure
from bot.plan.records import load_measures
from bot.plan.store import MeasureStore, build
from serving.start import Live, bot
from tests.support import fake_wechat_api, wechat_requests
from tests.support.lookup_server import LookupServer, lookup_server

CASES = Path(__file__).parent / "cases"
# Limits small enough to reach in a test (tests/e2e/test_security.py). Loopback callers have no per-client limit,
# so the other tests are not slowed; the security tests pose as remote clients through the proxy's header. The
# bound on turns in flight is set far above what a test sends, so that overload is refused by the predicted time;
# the target is 2 s, not 3, so that a test machine shared with other work (a prediction off by 2.5×) keeps 5 s.
EDGE_LIMITS = {"SANIC_REAL_IP_HEADER": "x-real-ip", "NUANLIU_CLIENT_BURST": "5", "NUANLIU_CLIENT_PER_MINUTE": "6",
               "NUANLIU_MAX_TURNS_IN_FLIGHT": "1000", "NUANLIU_TURN_TARGET_SECONDS": "2"}


def cases(name: str) -> list[dict]:
    """Test cases kept as data, each with a sentence `name` used as the pytest id."""
    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def measures() -> list[Measure]:
    return load_measures()


@pytest.fixture(scope="session")
def by_id(measures: list[Measure]) -> dict[str, Measure]:
    return {m.id: m for m in measures}


@pytest.fixture(scope="session")
def db_path(measures: list[Measure], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "measures.db"
    build(measures, path)
    return path


@pytest.fixture(scope="session")
def store(db_path: Path) -> MeasureStore:
    return MeasureStore(db_path)


@pytest.fixture(scope="session")
def live(db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """One running bot (Rasa + action server, every channel) shared by the end-to-end tests."""
    wechat = {"WECHAT_TOKEN": wechat_requests.TOKEN, "WECHAT_APPID": wechat_requests.APP_ID,
              "WECHAT_AES_KEY": wechat_requests.AES_KEY}
    with bot(tmp_path_factory.mktemp("live"), db_path, env=wechat | EDGE_LIMITS) as running:
        yield running


@pytest.fixture(scope="session")
def lookup(db_path: Path, measures: list[Measure], tmp_path_factory: pytest.TempPathFactory) -> Iterator[LookupServer]:
    """The operators' lookup (Datasette with the desk), shared by the lookup and desk tests."""
    with lookup_server(db_path, measures, tmp_path_factory.mktemp("lookup")) as server:
        yield server


@pytest.fixture()
def fake_wechat() -> Iterator[tuple[str, type[fake_wechat_api.FakeWeChatAPI]]]:
    """WeChat's server API faked on loopback: (its base URL, the handler class recording what it was sent)."""
    with fake_wechat_api.serving() as running:
        yield running


# What a test needs, from the fixtures it uses: a running bot is the trained model and its servers; the
# operators' lookup and the fake WeChat API are servers of their own.
NEEDED_BY_FIXTURE = {"live": ("model", "server"), "lookup": ("server",), "datasette": ("server",),
                     "fake_wechat": ("server",), "target": ("model", "server")}  # target: tests/security
NEEDS = ("model", "server", "browser", "corpus")
# A test that calls one of these starts what the mark names: it must carry the mark (make unit leaves it out).
STARTS = {"browser": re.compile(r"\bbrowser\("), "server": re.compile(r"\b(bot|running)\(")}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Marks from the fixtures a test uses; `unit` for a test that needs none of model, server and browser;
    and a collection error for a test that starts a server or a browser without saying so."""
    for item in items:
        for fixture in item.fixturenames:  # type: ignore[attr-defined]
            for mark in NEEDED_BY_FIXTURE.get(fixture, ()):
                item.add_marker(mark)
        marks = {m.name for m in item.iter_markers()}
        function = getattr(item, "function", None)
        source = inspect.getsource(function) if function is not None else ""
        for mark, call in STARTS.items():
            if call.search(source) and mark not in marks:
                raise pytest.UsageError(f"{item.nodeid} starts a {mark} but is not marked @pytest.mark.{mark}")
        if not marks & set(NEEDS):
            item.add_marker("unit")

