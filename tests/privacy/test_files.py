"""Private files (bot/privacy/files.py): the mode, and no harm to a database already open in the process."""
from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from contextlib import closing

from bot.privacy.files import private_file


def test_a_new_file_and_an_old_one_are_readable_by_their_owner_only(tmp_path):
    old = tmp_path / "old.db"
    old.write_bytes(b"")
    old.chmod(0o644)
    for path in (private_file(tmp_path / "new.db"), private_file(old)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_making_an_open_database_private_again_keeps_its_write_ahead_log_in_use(tmp_path):
    """Closing any descriptor of a file drops the process's POSIX locks on it: another process then takes itself
    for the database's last user when it closes, and deletes the write-ahead log under the writer."""
    path = tmp_path / "store.db"
    with closing(sqlite3.connect(private_file(path), isolation_level=None)) as writer:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("create table t (x)")
        writer.execute("insert into t values (1)")
        private_file(path)  # as a second store object or thread of the same process does on opening
        subprocess.run([sys.executable, "-c", f"import sqlite3; sqlite3.connect({str(path)!r}).execute('select * from t')"],
                       check=True)
        writer.execute("insert into t values (2)")
        with closing(sqlite3.connect(path)) as reader:
            assert reader.execute("select x from t order by x").fetchall() == [(1,), (2,)]
