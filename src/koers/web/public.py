# SPDX-License-Identifier: EUPL-1.2
"""The public pages: overview, challenges, goals, BBV indicators, key figures, method and
downloads. Stable, shareable URLs; every page readable without JavaScript."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from koers.exports import write_csv
from koers.reports.html import Figure, chart_figure
from koers.store.measurements import as_record
from koers.web import LANG
from koers.web.render import render_page
from koers.web.snapshot import Snapshot

router = APIRouter(include_in_schema=False)  # pages, not API: the OpenAPI document is for the API


def snapshot(request: Request) -> Snapshot:
    current: Snapshot = request.app.state.snapshots.current()
    return current


def page(request: Request, template: str, build: Callable[[Snapshot], dict[str, Any] | None]) -> HTMLResponse:
    """A public page, rendered once per data version and then served from the snapshot.

    ``build`` gives the template's context, or None when the page does not exist (404).
    """
    snap = snapshot(request)

    def make() -> bytes:
        context = build(snap)
        if context is None:
            raise HTTPException(404)
        return render_page(request, template, {"s": snap, "r": snap.report, **context}).encode()

    return HTMLResponse(snap.cached(("page", request.url.path), make))


def figure(snap: Snapshot, goal_id: str) -> Figure | None:
    """The goal's chart, drawn once per snapshot."""

    def make() -> Figure | None:
        section = snap.goal_section(goal_id)
        return chart_figure(section, snap.report) if section else None

    return snap.cached((goal_id, LANG), make)


@router.get("/", response_class=HTMLResponse, name="overview")
async def overview(request: Request) -> HTMLResponse:
    return page(request, "overview.html.j2", lambda snap: {})


@router.get("/opgaven/{challenge_id}", response_class=HTMLResponse, name="challenge")
async def challenge(request: Request, challenge_id: str) -> HTMLResponse:
    def context(snap: Snapshot) -> dict[str, Any] | None:
        section = snap.challenge_section(challenge_id)
        return None if section is None else {"c": section}

    return page(request, "challenge.html.j2", context)


@router.get("/doelen/{goal_id}", response_class=HTMLResponse, name="goal")
async def goal(request: Request, goal_id: str) -> HTMLResponse:
    def context(snap: Snapshot) -> dict[str, Any] | None:
        section = snap.goal_section(goal_id)
        if section is None:
            return None
        challenge = next(c for c in snap.report.challenges if section in c.goals)
        return {"g": section, "c": challenge, "figure": figure(snap, goal_id)}

    return page(request, "goal.html.j2", context)


@router.get("/bbv", response_class=HTMLResponse, name="bbv")
async def bbv(request: Request) -> HTMLResponse:
    return page(request, "bbv.html.j2", lambda snap: {})


@router.get("/kerngetallen", response_class=HTMLResponse, name="keyfigures")
async def keyfigures(request: Request) -> HTMLResponse:
    return page(request, "keyfigures.html.j2", lambda snap: {})


@router.get("/methode", response_class=HTMLResponse, name="method")
async def method(request: Request) -> HTMLResponse:
    return page(request, "method.html.j2", lambda snap: {})


@router.get("/downloads", response_class=HTMLResponse, name="downloads")
async def downloads(request: Request) -> HTMLResponse:
    return page(request, "downloads.html.j2", lambda snap: {})


@router.get("/downloads/metingen.csv", name="download_csv")
def download_csv(request: Request) -> PlainTextResponse:
    """All measurements behind the pages, made once per version of the data."""
    snap = snapshot(request)

    def make() -> str:
        buffer = io.StringIO()
        write_csv((as_record(m) for section in snap.report.goals for m in section.measurements), buffer)
        return buffer.getvalue()

    return PlainTextResponse(
        snap.cached("csv", make),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="metingen.csv"'},
    )


@router.get("/downloads/rapportage.pdf", name="download_pdf")
def download_pdf(request: Request) -> Response:
    """The latest report as PDF, made once per version of the data."""
    from koers.reports.pdf import pdf_bytes  # WeasyPrint loads only when a PDF is asked for

    snap = snapshot(request)
    return Response(
        snap.cached("pdf", lambda: pdf_bytes(snap.report)),
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="rapportage.pdf"'},
    )
