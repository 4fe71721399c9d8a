# SPDX-License-Identifier: EUPL-1.2
"""A real dashboard server for tests that need one (the browser tests): the demo database,
served by uvicorn on 127.0.0.1 in a background thread, once per session. ``serving`` serves any
app that way, for a module that needs a server of its own (the editor's browser tests).

A browser cannot talk to FastAPI's in-process TestClient, so these tests get the same app on a
real socket. The port is chosen by the operating system (bound before uvicorn starts, so no
other process can take it in between) and the server is stopped when the session ends.

The one headless Chromium (``browser``) and axe-core (``axe``) of every browser test live here
too: Playwright's sync API runs one event loop per thread, so a second browser fixture, imported
into another test module, would fail to start.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn
from fastapi import FastAPI

from koers.cli.serve import prepare_demo
from koers.store.accounts import create_user
from koers.web.app import create_app
from tests.web.editor_helpers import PASSWORD, USERS
from tests.web.editor_helpers import Browser as EditorBrowser

if TYPE_CHECKING:
    from playwright.sync_api import Browser

TODAY = date(2026, 11, 23)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def browser_unavailable(reason: str) -> None:
    """Skip the browser tests here, fail them in CI: CI must run them."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (scripts/install installs what they need)")
    pytest.skip(f"{reason}: the browser tests are skipped (run scripts/install)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session."""
    if not CHROMIUM.exists():
        browser_unavailable(f"{CHROMIUM} is missing (Debian package chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("the Python package playwright is missing (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        browser_unavailable("the Python package axe-playwright-python is missing (pip install -e '.[dev]')")
    return Axe()


@contextmanager
def serving(app: FastAPI, name: str = "koers-dashboard") -> Iterator[str]:
    """``app`` served by uvicorn on a free port of 127.0.0.1 in a background thread, until the block ends."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server {name} did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a running dashboard on the demo plan with its illustrative figures."""
    url = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'koers.db'}"
    prepare_demo(url, seed=2024, today=TODAY)
    with serving(create_app(url, today=TODAY)) as address:
        yield address


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    """The dashboard and editor on a demo database of their own (the editor tests change it)."""
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    prepare_demo(url, seed=2024, today=TODAY)
    return create_app(url, today=TODAY)


@pytest.fixture
def login(app: FastAPI) -> Callable[[str], EditorBrowser]:
    """A browser logged in as one of USERS (the account is made on first use)."""

    def signed_in(username: str) -> EditorBrowser:
        role, challenges = USERS[username]
        create_user(
            app.state.engine, username, PASSWORD, role=role, challenges=challenges, display_name=username.title()
        )
        browser = EditorBrowser(app)
        assert browser.login(username).status_code == 303
        return browser

    return signed_in
