"""Files that hold citizens' words (conversations, the unanswered log) are readable by their owner only.

SQLite creates a database with the process's umask (usually 0644: readable by
every account on the machine) and gives its -wal and -shm files the database
file's mode, so creating the file 0600 before SQLite opens it covers all three.
An existing file is narrowed too, so an older deployment is fixed on restart.
An existing file is never opened here: closing any descriptor of a file drops every
POSIX lock the process holds on it, so a connection already open in this process
(another thread's) would lose its locks, and another process could then delete
the write-ahead log under it.
"""
from __future__ import annotations

import os
from pathlib import Path

PRIVATE = 0o600


def private_file(path: Path) -> Path:
    """`path`, existing and mode 0600 (its directory created if missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
    except FileExistsError:
        pass
    os.chmod(path, PRIVATE)
    return path
