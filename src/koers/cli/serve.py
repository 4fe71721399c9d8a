# SPDX-License-Identifier: EUPL-1.2
"""``koers serve`` and ``koers demo``: the dashboard sociaal domein in a browser.

``koers demo`` needs nothing but koers: it fills an embedded SQLite database of its own with
the Heemskerk 2024 plan and seeded ILLUSTRATIVE figures, and serves the dashboard on this
computer only (127.0.0.1), labelled as illustrative on every page.
"""

from __future__ import annotations

import threading
import webbrowser
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from fastapi import FastAPI
from platformdirs import user_data_dir

from koers.cli.common import console, settings
from koers.cli.demo import load_illustrative
from koers.cli.storage import engine_for
from koers.examples import DEMO_PLAN
from koers.i18n import _, ngettext
from koers.planfile import read_plan
from koers.store.database import open_engine, resolve_url
from koers.web.app import SERVE_RECHECK, create_app


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="The port to listen on.")] = 8000,
    plan_key: Annotated[
        str | None, typer.Option("--plan", help="The plan's key, when the database holds several.")
    ] = None,
) -> None:
    """Serve the dashboard on the chosen database."""
    engine_for(ctx)  # refuses a database that is not set up, with a clear message
    url = resolve_url(settings(ctx).db)
    _run(create_app(url, plan_key=plan_key, recheck=SERVE_RECHECK), host, port, settings(ctx).lang, open_browser=False)


def demo(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="The port to listen on.")] = 8000,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open a browser.")] = False,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the illustrative figures.")] = 2024,
) -> None:
    """Start the dashboard with the Heemskerk plan and ILLUSTRATIVE figures (no setup needed)."""
    lang = settings(ctx).lang
    folder = Path(user_data_dir("koers", appauthor=False))
    url = f"sqlite:///{folder / 'koers-demo.db'}"
    added = prepare_demo(url, seed=seed)
    console().print(
        ngettext(
            "Voorbeelddatabase: {file} ({n} illustratieve meting toegevoegd). Let op: de cijfers zijn verzonnen.",
            "Voorbeelddatabase: {file} ({n} illustratieve metingen toegevoegd). Let op: de cijfers zijn verzonnen.",
            added,
            lang,
            file=folder / "koers-demo.db",
        )
    )
    _run(create_app(url, recheck=SERVE_RECHECK), host, port, lang, open_browser=not no_browser)


def prepare_demo(url: str, *, seed: int, today: date | None = None) -> int:
    """The demo database: schema, the Heemskerk 2024 plan and its illustrative figures."""
    _, outcome = load_illustrative(
        open_engine(url),
        read_plan(DEMO_PLAN),
        seed=seed,
        as_of=today or date.today(),
        source=str(DEMO_PLAN),
        user="koers demo",
        by="koers demo",
    )
    return outcome.added


def _run(app: FastAPI, host: str, port: int, lang: str, *, open_browser: bool) -> None:
    address = f"http://{host}:{port}/"
    console().print(_("Het dashboard draait op {address} (stoppen: Ctrl+C).", lang, address=address))
    if open_browser:
        threading.Timer(1.0, lambda: webbrowser.open(address)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")
