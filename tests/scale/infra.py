"""PostgreSQL, Redis and nginx from Debian's packages, started on loopback for one test run.

Installed with apt-get when missing (CI starts from a clean machine); each
server runs in the foreground under the test's control and is stopped with it.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.foreground import listening
from tests.support.nginx import serving as nginx_serving

PACKAGES = ["postgresql", "redis-server", "nginx"]
DB_USER, DB_NAME, DB_PASSWORD = "nuanliu", "nuanliu", "scale-test-password"


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    return Path(found[-1]).parent if found else None


def ensure_packages() -> None:
    if _postgres_bin() and shutil.which("redis-server") and shutil.which("nginx"):
        return
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=600, check=False)
    done = subprocess.run(["apt-get", "install", "-y", "-q", *PACKAGES], env=env, capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` user the package made."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres(port: int) -> Iterator[None]:
    """A fresh cluster with a password-protected user and database for the tracker store, removed afterwards.

    It lives in its own directory under /tmp: pytest's temporary directories are
    private to root, and the server runs as `postgres`.
    """
    bin_dir = _postgres_bin()
    work = Path(tempfile.mkdtemp(prefix="nuanliu-pg-"))
    try:
        data, password_file = work / "data", work / "pgpass"
        password_file.write_text(DB_PASSWORD + "\n")
        if os.geteuid() == 0:
            for path in (work, password_file):
                shutil.chown(path, "postgres")
        init = subprocess.run(
            _as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-U", DB_USER, "--auth=scram-sha-256",
                          f"--pwfile={password_file}", "-E", "UTF8", "--locale=C.UTF-8"]),
            capture_output=True, text=True, timeout=120)
        assert init.returncode == 0, init.stdout[-2000:] + init.stderr[-2000:]
        command = _as_postgres([str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-k", str(work),
                                "-c", "listen_addresses=127.0.0.1"])
        with listening(command, port, work / "postgres.log"):
            created = subprocess.run(
                [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", DB_USER, DB_NAME],
                env=os.environ | {"PGPASSWORD": DB_PASSWORD}, capture_output=True, text=True, timeout=60)
            assert created.returncode == 0, created.stderr
            yield
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def redis(work: Path, port: int) -> Iterator[None]:
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
               "--dir", str(work)]
    with listening(command, port, work / "redis.log"):
        yield


@contextmanager
def nginx(work: Path, port: int, upstream_ports: list[int]) -> Iterator[None]:
    """The template, with each answer naming the Rasa server that gave it (X-Upstream), for the spread test."""
    with nginx_serving(work, port, upstream_ports, "add_header X-Upstream $upstream_addr always;"):
        yield
