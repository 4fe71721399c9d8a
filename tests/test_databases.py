# SPDX-License-Identifier: EUPL-1.2
"""Tests of the database fixtures themselves (tests/databases.py).

The storage tests trust these fixtures to give each test a real, empty, isolated database on
both backends; if that trust were misplaced, storage tests could pass on leftovers of another
test, or pass on SQLite alone. So the promises are checked here: a real PostgreSQL server,
reached through SQLAlchemy and psycopg 3, one fresh database per test, no TCP port, both
backends from ``db_url``, and no server left running after a session, even a failing one.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from tests.databases import PostgresServer, give_up

ROOT = Path(__file__).resolve().parent.parent

#: Filled by the first isolation test, read by the second (they run in file order).
_seen: dict[str, str] = {}


def _scalar(url: str, query: str) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(query)).scalar_one()
    finally:
        engine.dispose()


def _table_names(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()


def _is_running(pid: int) -> bool:
    """Whether process ``pid`` runs; a zombie (dead, not yet reaped by init) does not."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_postgres_url_works_with_sqlalchemy(postgres_url: str) -> None:
    assert postgres_url.startswith("postgresql+psycopg://")
    assert "PostgreSQL" in str(_scalar(postgres_url, "SELECT version()"))


def test_postgres_database_is_utf8_with_locale_c(postgres_url: str) -> None:
    assert _scalar(postgres_url, "SHOW server_encoding") == "UTF8"
    assert _scalar(postgres_url, "SHOW lc_collate") == "C"


def test_durability_is_off_for_speed(postgres_url: str) -> None:
    for setting in ("fsync", "synchronous_commit", "full_page_writes"):
        assert _scalar(postgres_url, f"SHOW {setting}") == "off", setting


def test_server_listens_on_no_tcp_port(postgres_server: PostgresServer, postgres_url: str) -> None:
    # Socket-only was chosen: no TCP listener at all, and this connection is a Unix socket.
    assert _scalar(postgres_url, "SHOW listen_addresses") == ""
    assert _scalar(postgres_url, "SELECT inet_server_addr() IS NULL") is True
    assert (postgres_server.socket_dir / f".s.PGSQL.{postgres_server.port}").is_socket()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(2)
        assert probe.connect_ex(("127.0.0.1", postgres_server.port)) != 0


def test_a_table_made_in_one_test(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE leftover (id integer PRIMARY KEY)"))
            connection.execute(text("INSERT INTO leftover VALUES (1)"))
    finally:
        engine.dispose()
    assert _table_names(postgres_url) == ["leftover"]
    _seen["database"] = str(make_url(postgres_url).database)


def test_is_not_visible_in_the_next(postgres_server: PostgresServer, postgres_url: str) -> None:
    assert _table_names(postgres_url) == []
    database = make_url(postgres_url).database
    if "database" in _seen:  # the previous test ran: its database differs and is gone
        assert database != _seen["database"]
        with postgres_server.connect() as admin:
            row = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (_seen["database"],)).fetchone()
        assert row is None, "the previous test's database was not dropped"


def test_the_url_names_the_test_s_own_database(postgres_url: str) -> None:
    name = make_url(postgres_url).database
    assert name is not None and name.startswith("koers_test_")
    assert _scalar(postgres_url, "SELECT current_database()") == name


def test_a_left_open_connection_does_not_block_the_drop(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    connection = engine.connect()  # deliberately never closed: DROP ... WITH (FORCE) ends it
    connection.execute(text("SELECT 1"))


def test_sqlite_url_is_a_file_shared_by_connections(sqlite_url: str, tmp_path: Path) -> None:
    assert sqlite_url == f"sqlite:///{tmp_path / 'koers.db'}"
    writer, reader = create_engine(sqlite_url), create_engine(sqlite_url)
    try:
        with writer.begin() as connection:
            connection.execute(text("CREATE TABLE shared (id integer PRIMARY KEY)"))
            connection.execute(text("INSERT INTO shared VALUES (7)"))
        with reader.connect() as connection:
            assert connection.execute(text("SELECT id FROM shared")).scalar_one() == 7
    finally:
        writer.dispose()
        reader.dispose()
    assert (tmp_path / "koers.db").is_file()


def test_db_url_gives_the_backend_of_its_id(db_url: str, request: pytest.FixtureRequest) -> None:
    backend = request.node.callspec.params["db_url"]
    assert make_url(db_url).get_backend_name() == backend
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE item (id integer PRIMARY KEY, name varchar(20))"))
            connection.execute(text("INSERT INTO item VALUES (1, 'één')"))
        with engine.connect() as connection:
            assert connection.execute(text("SELECT name FROM item")).scalar_one() == "één"
    finally:
        engine.dispose()


def test_give_up_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="initdb was not found"):
        give_up("initdb was not found")


def test_give_up_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="initdb was not found"):
        give_up("initdb was not found")


def test_a_session_runs_db_url_twice_and_leaves_no_server(tmp_path: Path, postgres_server: PostgresServer) -> None:
    """A separate pytest session with the plugin: db_url runs on both backends, and although a
    test fails, the session's server is stopped and its folder deleted at the end."""
    # postgres_server first: if PostgreSQL cannot start here, this skips (or fails in CI) likewise.
    started, backends = tmp_path / "started.txt", tmp_path / "backends.txt"
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_inner.py").write_text(
        textwrap.dedent(
            f"""
            from pathlib import Path

            from sqlalchemy.engine import make_url

            def test_backend(db_url):
                with open({str(backends)!r}, "a") as out:
                    out.write(make_url(db_url).get_backend_name() + "\\n")

            def test_fails(postgres_server):
                pid = (postgres_server.data_dir / "postmaster.pid").read_text().split()[0]
                Path({str(started)!r}).write_text(pid + " " + str(postgres_server.socket_dir))
                assert False, "this session fails on purpose"
            """
        ),
        encoding="utf-8",
    )
    inner = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.databases", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), "-c", str(tmp_path / "pytest.ini"), str(tmp_path / "test_inner.py")],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert inner.returncode == 1, inner.stdout + inner.stderr
    assert "1 failed, 2 passed" in inner.stdout, inner.stdout
    assert backends.read_text(encoding="utf-8").split() == ["sqlite", "postgresql"]
    pid, socket_dir = started.read_text(encoding="utf-8").split(" ", 1)
    assert not _is_running(int(pid)), "the inner session left its server running"
    assert not Path(socket_dir).exists(), "the inner session left its cluster folder behind"
