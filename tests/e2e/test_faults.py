"""Faults: the action server down and back, a restart of the Rasa server (a bad measure database: test_start.py)."""
from __future__ import annotations

import time

import pytest

from bot.channels.turns import UNAVAILABLE
from serving.processes import running
from serving.start import action_server, bot
from tests.e2e.test_bad_input import ask

pytestmark = [pytest.mark.model, pytest.mark.server]


@pytest.fixture(scope="module")
def without_actions(tmp_path_factory, db_path):
    with bot(tmp_path_factory.mktemp("faults"), db_path, with_actions=False) as live:
        yield live


def test_with_the_action_server_down_the_citizen_hears_try_again_later_then_normal_service(without_actions):
    webhook = without_actions.url + "/webhooks/rest/webhook"
    assert ask(webhook, "抗美援朝老兵每年补助多少", "faults") == UNAVAILABLE
    assert ask(webhook, "你好", "faults-greet") == UNAVAILABLE  # a greeting too is read for a question in it
    with running([action_server(without_actions.action_port)], without_actions.env):
        assert "15780元" in ask(webhook, "抗美援朝老兵每年补助多少", "faults")


def test_a_restarted_bot_remembers_the_conversation(tmp_path, db_path):
    """Slots live in the SQLite tracker store: facts given before a restart are not asked for again."""
    with bot(tmp_path, db_path) as live:
        ask(live.url + "/webhooks/rest/webhook", "我外公72岁，当过8年义务兵", "restart")
    with bot(tmp_path, db_path) as live:
        webhook = live.url + "/webhooks/rest/webhook"
        assert "每月200元" in ask(webhook, "老义务兵每月补助多少", "restart")
        assert "服役年数" in ask(webhook, "老义务兵每月补助多少", "someone-new")  # the memory is his, not a guess


def test_an_action_server_answering_500_leaves_no_tracker_or_text_in_the_log(without_actions):
    """Rasa's error log quoted the action server's 500 body (which can hold the tracker) in its traceback."""
    import http.server
    import threading

    from tests.e2e.test_security import MARKER, server_log

    class Failing(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            received = self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"tracker: " + received)  # a server that echoes what it got, as a debug page does

        def log_message(self, *_: object) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", without_actions.action_port), Failing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        server_log(without_actions.pids["rasa"])
        reply = ask(without_actions.url + "/webhooks/rest/webhook", f"{MARKER}抗美援朝老兵每年补助多少", "faults-500")
        time.sleep(1)
        log = server_log(without_actions.pids["rasa"])
    finally:
        server.shutdown()
        server.server_close()
    assert reply == UNAVAILABLE
    assert "ClientResponseError" in log and MARKER not in log and "sender_id" not in log
