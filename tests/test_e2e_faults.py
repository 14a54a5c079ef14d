"""The bot with its action server down: a clear reply, not silence."""
from __future__ import annotations

import pytest

from bot.channels.turns import UNAVAILABLE
from tests.servers import bot_servers
from tests.test_e2e_rest import ask

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def url_without_actions(tmp_path_factory, db_path):
    with bot_servers(tmp_path_factory.mktemp("faults"), db_path, with_actions=False) as live:
        yield live.url + "/webhooks/rest/webhook"


def test_a_question_needing_the_action_server_gets_try_again_later(url_without_actions):
    assert ask(url_without_actions, "抗美援朝老兵每年补助多少", "faults") == UNAVAILABLE


def test_answers_that_need_no_action_server_still_work(url_without_actions):
    assert "暖流助手" in ask(url_without_actions, "你好", "faults-greet")
