"""nginx from Debian's package, in front of Rasa servers with ops/nginx.conf.template, for the scale and security tests.

Installed with apt-get when missing (CI starts from a clean machine), as the browser tests install Chromium.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.foreground import listening

TEMPLATE = Path(__file__).resolve().parents[2] / "ops" / "nginx.conf.template"


def ensure() -> None:
    if shutil.which("nginx"):
        return
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=600, check=False)
    done = subprocess.run(["apt-get", "install", "-y", "-q", "nginx"], env=env, capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def config(prefix: Path, port: int, upstream_ports: list[int], extra: str = "") -> str:
    """The template filled in: nginx's files under `prefix`, listening on `port`, before the Rasa servers' ports."""
    servers = "\n".join(f"    server 127.0.0.1:{p};" for p in upstream_ports)
    return TEMPLATE.read_text(encoding="utf-8").format(prefix=prefix, port=port, servers=servers, extra=extra)


@contextmanager
def serving(work: Path, port: int, upstream_ports: list[int], extra: str = "") -> Iterator[None]:
    """nginx in the foreground with the template, until the block ends."""
    ensure()
    prefix = work / "nginx"
    prefix.mkdir()
    os.chmod(prefix, 0o777)  # nginx's workers (user nobody, when started as root) write temp files here
    conf = prefix / "nginx.conf"
    conf.write_text(config(prefix, port, upstream_ports, extra), encoding="utf-8")
    with listening(["nginx", "-c", str(conf), "-p", str(prefix)], port, work / "nginx.log"):
        yield
