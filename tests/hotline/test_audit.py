"""The operators' audit log (bot/hotline/audit.py): private, masked, bounded, forgetting on request, never in the way.

Unit tests drive the log with a clock the test sets; the server tests flood and read the
desk that `make lookup` serves (tests/support/lookup_server.py).
"""
from __future__ import annotations

import sqlite3
import stat
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import datetime, timedelta, timezone

import pytest

from bot.hotline import audit
from bot.hotline.audit import AuditLog
from tests.support.lookup_server import audit_rows, get_json_as, logged_in

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)


def rows(path, sql="select actor, method, path, query, status, sender from views order by id"):
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


def counted(path) -> dict[tuple[str, int], int]:
    return {(kind, status): n for _, kind, status, n in rows(path, "select day, kind, status, count from counts")}


@pytest.fixture()
def log(tmp_path):
    now = [NOW]
    audit_log = AuditLog(tmp_path / "audit.db", clock=lambda: now[0])
    audit_log.now = now  # the tests move the clock
    return audit_log


def test_the_log_and_its_write_ahead_files_are_readable_by_their_owner_only(log):
    log.record("operator", "GET", "/", "q=老兵", 200)
    assert log.flush()
    for name in ("audit.db", "audit.db-wal", "audit.db-shm"):
        assert stat.S_IMODE((log.path.parent / name).stat().st_mode) == 0o600, name


def test_a_callers_numbers_are_masked_and_a_long_query_is_cut(log):
    log.record("operator", "GET", "/", "q=来电人电话138 - 1234 - 5678，身份证220102195001011234" + "补" * 60_000, 200)
    assert log.flush()
    [(_, _, _, query, _, _)] = rows(log.path)
    assert "138****5678" in query and "2201************34" in query and "12345678" not in query.replace(" ", "")
    assert len(query) == audit.MAX_QUERY


def test_anonymous_requests_for_paths_that_do_not_exist_are_counted_not_written(log):
    for i in range(1000):
        log.record(None, "GET", f"/no-such-page-{i}", "x=" + "y" * 60_000, 404)
    assert log.flush()
    assert rows(log.path) == [] and counted(log.path) == {(audit.UNKNOWN_PATH, 404): 1000}


def test_anonymous_requests_get_a_row_each_up_to_a_rate_and_are_counted_beyond(log):
    for _ in range(audit.ANONYMOUS_PER_MINUTE + 40):
        log.record(None, "GET", "/", "q=老兵", 200)
    log.now[0] = NOW + timedelta(minutes=1)
    log.record(None, "GET", "/handover", "", 403)  # a new minute: a row again
    assert log.flush()
    assert len(rows(log.path)) == audit.ANONYMOUS_PER_MINUTE + 1
    assert counted(log.path) == {(audit.ANONYMOUS, 200): 40}


def test_every_request_of_a_logged_in_operator_is_a_row(log):
    for _ in range(audit.ANONYMOUS_PER_MINUTE * 2):
        log.record("operator", "GET", "/unanswered/unanswered", "", 200)
    log.record("operator", "GET", "/no-such-page", "", 404)
    assert log.flush()
    assert len(rows(log.path)) == audit.ANONYMOUS_PER_MINUTE * 2 + 1


def test_a_forgotten_conversation_keeps_who_looked_and_when_but_not_whose_it_was(log):
    openid = "wechat-oZx81FakeOpenIdForTheAudit"
    log.record("operator", "GET", f"/conversation/{openid}", "", 200)
    log.record("operator", "POST", f"/conversation/{openid}/answer", "", 302)
    log.record("operator", "GET", "/conversation/rest-someone-else", "", 200)
    assert log.flush()
    assert [(p, s) for _, _, p, _, _, s in rows(log.path)][:2] == [
        ("/conversation/{sender}", openid), ("/conversation/{sender}/answer", openid)]
    assert audit.forget(log.path, openid) == 2
    assert [(a, m, p, s) for a, m, p, _, _, s in rows(log.path)] == [
        ("operator", "GET", "/conversation/（已删除）", None), ("operator", "POST", "/conversation/（已删除）/answer", None),
        ("operator", "GET", "/conversation/{sender}", "rest-someone-else")]
    for name in ("audit.db", "audit.db-wal"):
        assert b"oZx81FakeOpenId" not in (log.path.parent / name).read_bytes(), name


def test_a_conversation_named_by_its_pseudonym_at_the_desk_is_forgotten_by_it_too(log):
    log.record("operator", "GET", "/conversation/K7Q4M", "rated=3", 200)  # the console's pages name the pseudonym
    log.record("operator", "POST", "/conversation/K7Q4M/take", "", 200)
    log.record("operator", "GET", "/conversation/23ABC", "", 200)
    assert log.flush()
    assert audit.forget(log.path, "webchat-someone", "K7Q4M") == 2
    assert [(p, s) for _, _, p, _, _, s in rows(log.path)] == [
        ("/conversation/（已删除）", None), ("/conversation/（已删除）/take", None), ("/conversation/{sender}", "23ABC")]
    assert audit.forget(log.path) == 0  # nobody named: nothing to do


def test_rows_older_than_six_months_are_deleted_and_newer_ones_kept(log):
    with closing(audit.connect(log.path)) as conn:
        conn.executemany("insert into views (time, method, path, query) values (?, 'GET', '/', '')",
                         [((NOW - timedelta(days=days)).isoformat(timespec="seconds"),) for days in (185, 183, 1)])
        assert audit.purge(conn, NOW) == 1
    assert len(rows(log.path)) == 2 and audit.RETENTION >= timedelta(days=184)  # six calendar months at most


def test_recording_never_waits_for_a_file_another_process_has_locked(log):
    with closing(sqlite3.connect(log.path, isolation_level=None)) as holder:
        holder.execute("begin exclusive")
        began = time.monotonic()
        for _ in range(200):
            log.record("operator", "GET", "/", "q=老兵", 200)
        assert time.monotonic() - began < 0.5
        assert not log.flush(timeout=2)  # waiting, not lost
        holder.execute("rollback")
    assert log.flush(timeout=30) and len(rows(log.path)) == 200


@pytest.mark.server
def test_the_desks_audit_log_is_private_and_holds_a_search_masked(lookup):
    marker = "电话138 - 1234 - 5678 紫罗兰审计词"
    get_json_as(logged_in(lookup.base), f"{lookup.base}/desk.json?q={urllib.parse.quote(marker)}")
    [(query,)] = audit_rows(lookup, "select query from views where query like '%紫罗兰审计词%'")
    assert "138****5678" in query and "12345678" not in query.replace(" ", "")
    assert stat.S_IMODE(lookup.audit.stat().st_mode) == 0o600


@pytest.mark.server
def test_a_flood_of_anonymous_requests_cannot_fill_the_disk_through_the_audit_log(lookup):
    def files() -> int:
        """The log's size once its write-ahead file is folded in: how much the WAL holds between checkpoints
        depends on how the writer's batches fell (a loaded machine commits smaller ones), not on what was kept."""
        with closing(sqlite3.connect(lookup.audit)) as db:
            db.execute("pragma wal_checkpoint(truncate)")
        return sum(p.stat().st_size for p in lookup.audit.parent.glob("audit.db*"))

    audit_rows(lookup, "select 1")  # settled
    before = files()
    query = "x=" + "补" * 2_500  # 7.5 KB once encoded (uvicorn refuses a request line much longer)

    def request(i: int) -> int:
        try:
            return urllib.request.urlopen(f"{lookup.base}/no-such-page-{i}?{urllib.parse.quote(query)}",
                                          timeout=30).status
        except urllib.error.HTTPError as error:
            return error.code

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(request, range(400))) == {404}
    audit_rows(lookup, "select 1")
    assert files() - before < 200_000  # the old log grew by 7.5 KB a request: 3 MB here
