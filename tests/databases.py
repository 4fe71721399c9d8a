# SPDX-License-Identifier: EUPL-1.2
"""Database fixtures: every storage test runs against SQLite *and* a real PostgreSQL server.

koers stores its data in SQLite by default and in PostgreSQL in production. The two differ in
ways that a mock or a single backend hides (types, locking, constraint names, transactional
DDL), so the storage tests get both: ``db_url`` runs a test once per backend.

PostgreSQL is a throwaway cluster that this plugin starts itself, once per session, in a
temporary folder: no system service, no password, nothing left behind. It listens on a Unix
socket in that folder only (``listen_addresses = ''``), so it never takes a TCP port and two
sessions on one machine cannot collide. Durability is switched off (``fsync``,
``synchronous_commit``, ``full_page_writes``): the data lives for one test. Each test gets a
fresh, empty database of its own, dropped afterwards.

``initdb`` refuses to run as root, and the test machines run as root; then the cluster is
created and run as the ``postgres`` system user that Debian's postgresql package adds.

When PostgreSQL cannot be started the tests that need it are skipped on a developer's machine,
but fail in CI (the environment variable ``CI`` is set): there they must run, never skip.
``scripts/install`` installs the server.

Registered as a plugin by ``tests/conftest.py`` (``pytest_plugins = ["tests.databases"]``).
"""

from __future__ import annotations

import itertools
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

import psycopg
import pytest
from psycopg import sql

#: Every wait (a command, the server coming up, going down) gives up after this many seconds.
DEADLINE_S = 30.0
#: The system user that runs the server when the tests run as root (Debian's postgresql package).
SYSTEM_USER = "postgres"
#: A Unix socket's path is limited to 107 bytes: the temp folder's path leaves room for the rest.
MAX_BASE_DIR_LEN = 70
#: Room /dev/shm must have to hold the cluster (about 40 MB, plus some 8 MB per live database).
SHM_MIN_FREE = 512 * 1024 * 1024
#: Settings for a cluster whose data only has to outlive one test.
SERVER_SETTINGS: dict[str, str] = {
    "listen_addresses": "",  # Unix socket only: no TCP port at all
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "50",
    "shared_buffers": "16MB",
    "log_min_messages": "warning",
}
LOG_LINES_SHOWN = 20

_database_numbers = itertools.count(1)


class PostgresUnavailable(Exception):
    """PostgreSQL could not be started; the message says what was tried and what it said."""


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway PostgreSQL server, reachable only through its Unix socket."""

    socket_dir: Path
    port: int
    user: str
    data_dir: Path
    log_file: Path

    def url(self, dbname: str) -> str:
        """A SQLAlchemy URL for database ``dbname`` on this server (psycopg 3, Unix socket)."""
        host = quote(str(self.socket_dir), safe="/")
        return f"postgresql+psycopg://{quote(self.user)}@/{quote(dbname)}?host={host}&port={self.port}"

    def connect(self, dbname: str = "postgres") -> psycopg.Connection:
        """A plain psycopg connection in autocommit mode, e.g. for CREATE/DROP DATABASE."""
        return psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user=self.user,
            dbname=dbname,
            autocommit=True,
            connect_timeout=5,
        )


# --- finding and running the PostgreSQL programs --------------------------------------------


def find_bindir() -> Path | None:
    """The folder with ``initdb`` and ``pg_ctl``: from PATH, else the newest Debian install."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(initdb).resolve().parent
    candidates = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")]
    candidates = [d for d in candidates if (d / "pg_ctl").is_file()]
    if not candidates:
        return None
    return max(candidates, key=lambda d: _version_key(d.parent.name))


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name))


def server_owner() -> pwd.struct_passwd | None:
    """Who must run initdb and the server: the ``postgres`` user as root, else ourselves (None)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        raise PostgresUnavailable(
            f"The tests run as root, and initdb refuses to run as root, but there is no "
            f"'{SYSTEM_USER}' system user to run it as (Debian's postgresql package adds it)."
        ) from None


def _clean_env() -> dict[str, str]:
    """Our environment without PG* variables (PGHOST, PGPORT, ...) that could redirect the tools."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    env["LC_ALL"] = "C"
    return env


def run_tool(
    command: Sequence[str | Path], owner: pwd.struct_passwd | None, cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL program as ``owner`` (None: as ourselves), within the deadline."""
    as_owner: dict[str, object] = {}
    if owner is not None:
        as_owner = {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}
    try:
        return subprocess.run(
            [str(part) for part in command],
            cwd=cwd,
            env=_clean_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=DEADLINE_S + 10,
            check=False,
            **as_owner,  # type: ignore[arg-type]
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise PostgresUnavailable(f"Running {' '.join(map(str, command))} failed: {error}") from error


# --- the cluster's life: create, start, wait, stop ------------------------------------------


def make_cluster_dir(owner: pwd.struct_passwd | None) -> Path:
    """A private temporary folder for the cluster, owned by whoever runs the server.

    Mode 0o700 keeps other users out of the data and the socket; root reaches it regardless.
    """
    folder = Path(tempfile.mkdtemp(prefix="koers-pg-", dir=_base_dir()))
    folder.chmod(0o700)
    if owner is not None:
        shutil.chown(folder, user=owner.pw_uid, group=owner.pw_gid)
    return folder


def _base_dir() -> str:
    """Where the cluster goes: in memory (/dev/shm) when there is room, else the temp folder.

    On disk, CREATE DATABASE takes ~0.2 s even with fsync off; in memory ~0.01 s, and the data
    is thrown away anyway. The path is short because a Unix socket's path is limited in length.
    """
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) and shutil.disk_usage(shm).free >= SHM_MIN_FREE:
        return str(shm)
    base = tempfile.gettempdir()
    if len(base) > MAX_BASE_DIR_LEN and Path("/tmp").is_dir():
        base = "/tmp"
    return base


def free_port() -> int:
    """A port number nobody listens on; with a socket-only server it only names the socket file."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def initdb(bindir: Path, folder: Path, user: str, owner: pwd.struct_passwd | None) -> Path:
    """Create the cluster in ``folder/data``: UTF8, locale C, trust for local connections."""
    data_dir = folder / "data"
    command = [
        bindir / "initdb", "-D", data_dir, "-U", user, "-E", "UTF8", "--locale=C",
        "--auth=trust", "--no-sync", "--no-instructions",
    ]  # fmt: skip
    result = run_tool(command, owner, folder)
    if result.returncode != 0:
        raise PostgresUnavailable(_tool_failure("initdb", command, result))
    return data_dir


def write_settings(data_dir: Path, socket_dir: Path, port: int) -> None:
    """Append this cluster's settings to its postgresql.conf (the last value of a setting wins)."""
    settings = {**SERVER_SETTINGS, "unix_socket_directories": str(socket_dir), "port": str(port)}
    lines = [f"{name} = '{_conf_quote(value)}'" for name, value in settings.items()]
    with (data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write("\n# koers test cluster (tests/databases.py)\n" + "\n".join(lines) + "\n")


def _conf_quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "''")


def pg_ctl_start(bindir: Path, data_dir: Path, log_file: Path, owner: pwd.struct_passwd | None) -> None:
    """Start the server in the background; pg_ctl waits (at most the deadline) until it is up."""
    command = [bindir / "pg_ctl", "-D", data_dir, "-l", log_file, "-w", "-t", str(int(DEADLINE_S)), "start"]
    result = run_tool(command, owner, data_dir.parent)
    if result.returncode != 0:
        raise PostgresUnavailable(_tool_failure("pg_ctl start", command, result, log_file))


def wait_until_ready(server: PostgresServer) -> None:
    """Connect through the socket, as the tests will, until it works or the deadline passes."""
    deadline = time.monotonic() + DEADLINE_S
    while True:
        try:
            with server.connect() as connection:
                connection.execute("SELECT 1")
            return
        except psycopg.OperationalError as error:
            if time.monotonic() > deadline:
                raise PostgresUnavailable(
                    f"The server did not accept connections on {server.socket_dir} (port {server.port}) "
                    f"within {DEADLINE_S:.0f} s: {error}\n{log_tail(server.log_file)}"
                ) from error
            time.sleep(0.1)


def stop_cluster(bindir: Path, folder: Path, owner: pwd.struct_passwd | None) -> None:
    """Stop the server at once (``-m immediate``) if it runs, then delete the whole folder.

    Should pg_ctl fail or time out, the postmaster is killed outright: a test session must
    never leave a server behind.
    """
    data_dir = folder / "data"
    pid_file = data_dir / "postmaster.pid"
    if pid_file.exists():
        command = [bindir / "pg_ctl", "-D", data_dir, "-m", "immediate", "-w", "-t", str(int(DEADLINE_S)), "stop"]
        try:
            stopped = run_tool(command, owner, folder).returncode == 0
        except PostgresUnavailable:
            stopped = False
        if not stopped:
            _kill_postmaster(pid_file)
    shutil.rmtree(folder, ignore_errors=True)


def _kill_postmaster(pid_file: Path) -> None:
    try:
        pid = int(pid_file.read_text(encoding="utf-8").split()[0])
        os.kill(pid, signal.SIGKILL)  # its children exit on their own when the postmaster dies
    except (OSError, ValueError, IndexError):
        pass


def log_tail(log_file: Path, lines: int = LOG_LINES_SHOWN) -> str:
    """The server log's last lines, for a failure message."""
    try:
        text = log_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return f"(no server log at {log_file})"
    return f"Last lines of {log_file}:\n" + "\n".join(text[-lines:])


def _tool_failure(
    what: str, command: Sequence[str | Path], result: subprocess.CompletedProcess[str], log_file: Path | None = None
) -> str:
    message = (
        f"{what} failed (exit {result.returncode}): {' '.join(map(str, command))}\n"
        f"{(result.stdout + result.stderr).strip()}"
    )
    return message + ("\n" + log_tail(log_file) if log_file else "")


def start_server(folder: Path, bindir: Path, owner: pwd.struct_passwd | None) -> PostgresServer:
    """initdb, configure and start a cluster in ``folder``; ready for connections on return."""
    user = owner.pw_name if owner is not None else pwd.getpwuid(os.geteuid()).pw_name
    data_dir = initdb(bindir, folder, user, owner)
    server = PostgresServer(
        socket_dir=folder, port=free_port(), user=user, data_dir=data_dir, log_file=folder / "server.log"
    )
    write_settings(data_dir, server.socket_dir, server.port)
    pg_ctl_start(bindir, data_dir, server.log_file, owner)
    wait_until_ready(server)
    return server


def give_up(reason: str) -> NoReturn:
    """Fail in CI, where the PostgreSQL tests must run; skip them elsewhere."""
    message = f"PostgreSQL could not be started for the tests. {reason}"
    if os.environ.get("CI"):
        pytest.fail(message + "\n(CI is set, so this fails instead of skipping.)", pytrace=False)
    pytest.skip(message + "\n(scripts/install installs the PostgreSQL server programs if they are missing.)")


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> PostgresServer:
    """One throwaway PostgreSQL cluster for the whole session, stopped and deleted at its end."""
    bindir = find_bindir()
    if bindir is None:
        give_up("Neither initdb and pg_ctl on PATH nor /usr/lib/postgresql/*/bin/initdb were found.")
    try:
        owner = server_owner()
        folder = make_cluster_dir(owner)
        request.addfinalizer(lambda: stop_cluster(bindir, folder, owner))  # also when start-up fails
        return start_server(folder, bindir, owner)
    except PostgresUnavailable as error:
        reason = f"Tried the programs in {bindir}.\n{error}"
    give_up(reason)  # outside the except block, so the message is not shown twice


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"koers_test_{next(_database_numbers)}"
    with postgres_server.connect() as admin:
        admin.execute(_create_database(name, admin.info.server_version))
    try:
        yield postgres_server.url(name)
    finally:
        # FORCE ends connections the test left open (an engine that was never disposed).
        with postgres_server.connect() as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _create_database(name: str, server_version: int) -> sql.Composed:
    """CREATE DATABASE; from PostgreSQL 15 on by copying template1's few files, which with
    fsync off is about twice as fast as the default (writing them all to the WAL)."""
    statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if server_version >= 150000:
        statement += sql.SQL(" STRATEGY FILE_COPY")
    return statement


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite database file of its own for one test (a file, so several connections share it)."""
    return f"sqlite:///{tmp_path / 'koers.db'}"


@pytest.fixture(params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """The database URL for a test that must pass on both backends: it runs once per backend."""
    fixture = {"sqlite": "sqlite_url", "postgresql": "postgres_url"}[request.param]
    return str(request.getfixturevalue(fixture))
