"""python -m serving run | rasa <rasa run flags> | actions <action server flags>.

`run` is `make run`: both servers in the foreground until Ctrl-C (or SIGTERM,
SIGHUP), which stops both. `rasa` and `actions` are the single-server launchers that serving/start.py
puts on each server's command line (serving/launch.py).
"""
from __future__ import annotations

import sys
import time

from serving import launch
from serving.processes import ROOT, running, stop_on_termination
from serving.start import (
    ACTION_PORT,
    RASA_PORT,
    TOKEN_FILE,
    TOKEN_VARIABLE,
    NoToken,
    action_server,
    api_token,
    environment,
    interface,
    rasa_server,
)

LAUNCHERS = {"rasa": launch.rasa, "actions": launch.actions}


def run() -> int:
    """Both servers with make run's ports, endpoints and credentials; their logs on this terminal."""
    env, address = environment(), interface()
    try:
        token = api_token()
    except NoToken as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f">> action server on {env['SANIC_HOST']}:{ACTION_PORT}; Rasa on http://{address}:{RASA_PORT}:\n"
          "   web chat /webchat/, REST /webhooks/rest/webhook, WeChat /webhooks/wechat/webhook (Ctrl-C stops both)\n"
          f"   HTTP API token: {TOKEN_VARIABLE} or the contents of {TOKEN_FILE.relative_to(ROOT)}",
          flush=True)
    servers = [action_server(ACTION_PORT), rasa_server(RASA_PORT, token, interface=address)]
    stop_on_termination()
    try:
        with running(servers, env, quiet=False) as procs:
            print(">> both servers are ready", flush=True)
            while all(proc.poll() is None for proc in procs):
                time.sleep(1)
            return next(proc.returncode for proc in procs if proc.returncode is not None)
    except KeyboardInterrupt:
        return 0
    except (RuntimeError, TimeoutError) as err:  # a server that stopped or never got ready while starting
        print(f"error: {err}", file=sys.stderr)
        return 1


def main(argv: list[str]) -> int:
    if argv[:1] == ["run"] and len(argv) == 1:
        return run()
    if argv[:1] and argv[0] in LAUNCHERS:
        LAUNCHERS[argv[0]](argv[1:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
