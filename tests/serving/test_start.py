"""serving/start.py and serving/launch.py: how every server is started, without starting one."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from urllib.parse import urlparse

import pytest
import yaml

from serving import launch
from serving.action_guard import SECRET_VARIABLE
from serving.processes import ROOT, free_port
from serving.start import (
    ACTION_PORT,
    CREDENTIALS,
    ENDPOINTS,
    LOOPBACK,
    MODEL,
    TOKEN_VARIABLE,
    NoToken,
    action_server,
    api_token,
    environment,
    interface,
    rasa_server,
)


def flag(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_the_rasa_server_gets_the_api_token_in_its_environment_never_in_its_arguments():
    server = rasa_server(5005, "s3cret-token")
    assert not any("s3cret-token" in argument for argument in server.command)
    assert "--auth-token" not in server.command
    assert server.env == {TOKEN_VARIABLE: "s3cret-token"}
    assert server.ready_url == "http://127.0.0.1:5005/status?token=s3cret-token"  # readiness needs the model loaded


def test_the_rasa_server_runs_make_runs_model_endpoints_and_credentials_with_its_api_through_our_launcher():
    command = rasa_server(5005, "t").command
    assert command[:4] == [sys.executable, "-m", "serving", "rasa"]
    assert "--enable-api" in command and flag(command, "--port") == "5005"
    assert (flag(command, "--model"), flag(command, "--endpoints"), flag(command, "--credentials")) == (
        str(MODEL), str(ENDPOINTS), str(CREDENTIALS))


def test_the_servers_listen_on_loopback_unless_told_otherwise():
    assert flag(rasa_server(5005, "t").command, "--interface") == LOOPBACK == "127.0.0.1"
    assert interface({}) == LOOPBACK and interface({"RASA_INTERFACE": "0.0.0.0"}) == "0.0.0.0"
    assert environment(environ={})["SANIC_HOST"] == LOOPBACK  # rasa_sdk binds SANIC_HOST, else 0.0.0.0
    assert environment(environ={"SANIC_HOST": "0.0.0.0"})["SANIC_HOST"] == "0.0.0.0"
    opened = rasa_server(5005, "t", interface="0.0.0.0")
    assert flag(opened.command, "--interface") == "0.0.0.0" and opened.ready_url.startswith("http://127.0.0.1:5005/")


def test_a_crowd_arriving_at_once_waits_in_a_long_backlog_unless_the_deployment_sets_one():
    assert environment(environ={})["SANIC_BACKLOG"] == "1024"  # Sanic's own 100 reset some of 600 citizens
    assert environment(environ={"SANIC_BACKLOG": "4096"})["SANIC_BACKLOG"] == "4096"


def test_servers_run_without_telemetry_and_with_the_callers_variables_last():
    env = environment({"NUANLIU_DB": "/x/measures.db"}, environ={"RASA_TELEMETRY_ENABLED": "true", "HOME": "/h"})
    env.pop(SECRET_VARIABLE)
    assert env == {"SANIC_HOST": LOOPBACK, "SANIC_BACKLOG": "1024", "HOME": "/h", "RASA_TELEMETRY_ENABLED": "false",
                   "TF_CPP_MIN_LOG_LEVEL": "2", "NUANLIU_DB": "/x/measures.db"}


def test_servers_started_together_share_a_fresh_action_secret_unless_one_is_given():
    first, second = environment(environ={}), environment(environ={})
    assert len(first[SECRET_VARIABLE]) >= 32 and first[SECRET_VARIABLE] != second[SECRET_VARIABLE]
    assert environment(environ={SECRET_VARIABLE: "given"})[SECRET_VARIABLE] == "given"
    assert environment(environ={SECRET_VARIABLE: " "})[SECRET_VARIABLE].strip()


@pytest.mark.server
def test_the_action_server_refuses_to_start_without_its_secret(db_path):
    env = environment({"NUANLIU_DB": str(db_path)})
    del env[SECRET_VARIABLE]
    run = subprocess.run(action_server(0).command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode != 0 and SECRET_VARIABLE in run.stderr + run.stdout


def test_the_action_server_starts_through_the_warming_launcher_and_is_ready_on_its_health_check():
    server = action_server(5055)
    assert server.command == [sys.executable, "-m", "serving", "actions", "--port", "5055"]
    assert server.ready_url == "http://127.0.0.1:5055/health" and server.ready({"status": "ok"})
    assert server.env == {}


def test_the_action_port_is_the_one_endpoints_yml_calls():
    url = yaml.safe_load(ENDPOINTS.read_text(encoding="utf-8"))["action_endpoint"]["url"]
    assert urlparse(url).port == ACTION_PORT


def test_the_token_comes_from_the_environment_else_the_token_file(tmp_path):
    token_file = tmp_path / "api-token"
    token_file.write_text("from-the-file\n", encoding="utf-8")
    assert api_token({TOKEN_VARIABLE: "from-the-environment"}, token_file) == "from-the-environment"
    assert api_token({}, token_file) == "from-the-file"
    with pytest.raises(NoToken, match=TOKEN_VARIABLE):
        api_token({}, tmp_path / "none")


def test_the_rasa_launcher_hands_the_token_to_rasas_own_entry_point_in_memory(monkeypatch):
    import rasa.__main__

    seen = []
    monkeypatch.setattr(rasa.__main__, "main", lambda: seen.append(list(sys.argv)))
    monkeypatch.setattr(sys, "argv", ["python -m serving"])
    monkeypatch.setenv(TOKEN_VARIABLE, "-starts-like-a-flag")  # token_urlsafe may begin with "-"
    launch.rasa(["--enable-api", "--port", "5005"])
    assert seen == [["rasa", "run", "--enable-api", "--port", "5005", "--auth-token=-starts-like-a-flag"]]
    assert rasa.__main__.create_argument_parser().parse_args(seen[0][1:]).auth_token == "-starts-like-a-flag"


@pytest.mark.server
@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_the_action_server_refuses_to_start_on_a_bad_database_naming_file_and_fix_before_it_listens(tmp_path, damage):
    db = tmp_path / "measures.db"
    if damage == "corrupt":
        db.write_bytes(b"this is not a database" * 100)
    run = subprocess.run(action_server(0).command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env=environment({"NUANLIU_DB": str(db)}))
    assert run.returncode != 0
    assert str(db) in run.stderr + run.stdout and "make db" in run.stderr + run.stdout


def test_importing_the_actions_opens_no_database(tmp_path):
    missing = tmp_path / "measures.db"
    run = subprocess.run([sys.executable, "-c", "import actions.actions"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env=environment({"NUANLIU_DB": str(missing)}))
    assert run.returncode == 0, run.stderr[-2000:]
    assert not missing.exists()


JSON_SERVER = """
import http.server, sys
class Ok(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"{}")
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Ok).serve_forever()
"""
HOLDER = """
import sys, time
from serving.processes import Server, running, stop_on_termination
port, serve = int(sys.argv[1]), sys.argv[2]
stop_on_termination()
with running([Server([sys.executable, "-c", serve, str(port)], f"http://127.0.0.1:{port}/", lambda _: True)], {}) as procs:
    print(procs[0].pid, flush=True)
    time.sleep(120)
"""


@pytest.mark.server
@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_launcher_stops_the_servers_it_started(signal_number):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(free_port()), JSON_SERVER], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    child = int(holder.stdout.readline())
    holder.send_signal(signal_number)
    assert holder.wait(timeout=60) == 0
    assert not alive(child), "the server outlived its launcher"


def alive(pid: int, seconds: float = 10) -> bool:
    """Whether the process is still there after `seconds` (it has none left if it was stopped and reaped)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.2)
    return True
