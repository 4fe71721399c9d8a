# SPDX-License-Identifier: EUPL-1.2
"""The dashboard application: public pages and the open-data JSON API on one database.

Server-rendered HTML that works without JavaScript; every asset is served from here, none
from a CDN (so the OpenAPI document is served, but not the Swagger page, which would load
scripts from elsewhere).
"""

from __future__ import annotations

from datetime import date
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from koers import __version__
from koers.reports.status_styles import STATUS_CSS
from koers.store.database import open_engine
from koers.store.plans import PlanNotFound
from koers.web import api, auth, public, survey
from koers.web.editor import action_routes as editor_actions
from koers.web.editor import advice_routes as editor_advice
from koers.web.editor import routes as editor
from koers.web.render import render
from koers.web.snapshot import Snapshots

SERVE_RECHECK = 0.25


def create_app(url: str, *, plan_key: str | None = None, today: date | None = None, recheck: float = 0.0) -> FastAPI:
    """The dashboard on ``url``; ``recheck`` is how many seconds a page may lag behind a write
    made elsewhere (0 in tests; ``koers serve`` uses SERVE_RECHECK)."""
    app = FastAPI(
        title="koers dashboard sociaal domein",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.engine = open_engine(url)
    app.state.snapshots = Snapshots(app.state.engine, plan_key, today=today, recheck=recheck)
    # Made from the status vocabulary (koers.reports.status_styles), so it is a route, not a file;
    # routed before the static folder, which would otherwise answer for it.
    app.add_api_route("/static/status.css", _status_css, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=str(files("koers.web").joinpath("static"))), name="static")
    app.include_router(public.router)
    app.include_router(survey.router)  # the resident survey at /enquete: no plan needed
    app.include_router(api.router)
    app.include_router(auth.router)
    app.include_router(editor.router)
    app.include_router(editor_actions.router)
    app.include_router(editor_advice.router)
    auth.install(app)  # the editor's settings, and its answers to 'not logged in' (login) and 'not allowed' (403)

    @app.exception_handler(PlanNotFound)
    async def no_plan(request: Request, _: PlanNotFound) -> HTMLResponse:
        return render(request, "empty.html.j2", {}, status_code=503)

    @app.exception_handler(404)
    async def not_found(request: Request, _: Exception) -> HTMLResponse:
        return render(request, "404.html.j2", {}, status_code=404)

    return app


async def _status_css() -> Response:
    """The status badge colours, shared with the council report."""
    return Response(STATUS_CSS, media_type="text/css")
