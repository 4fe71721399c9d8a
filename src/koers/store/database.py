# SPDX-License-Identifier: EUPL-1.2
"""Which database, and how to connect to it.

The database is chosen once, in this order: the ``--db URL`` option, the environment variable
``KOERS_DATABASE_URL``, else an embedded SQLite file in the user's data folder, so that koers
works without any server. Production uses PostgreSQL through psycopg 3:
``postgresql+psycopg://user:password@host/dbname``.

SQLite gets the settings a multi-process tool needs: foreign keys on, write-ahead logging,
a busy timeout, and write transactions that take the write lock when they begin (``BEGIN
IMMEDIATE``), so that two concurrent imports queue instead of failing halfway.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from koers.settings import DATABASE_URL

BUSY_TIMEOUT_MS = 60_000


def default_url() -> str:
    folder = Path(user_data_dir("koers", appauthor=False))
    return f"sqlite:///{folder / 'koers.db'}"


def resolve_url(option: str | None = None) -> str:
    """The URL from the option, else the environment, else the per-user SQLite file."""
    return option or DATABASE_URL.read() or default_url()


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def open_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite the file's folder is created if needed."""
    if is_sqlite(url):
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below take charge
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
