# SPDX-License-Identifier: EUPL-1.2
"""The public pages: overview, challenges, goals, BBV indicators, key figures, method,
downloads, the advice register and, per challenge, "U vroeg, wij deden". Stable, shareable
URLs; every page readable without JavaScript."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from koers.domain.advice import for_challenge, for_goal, tally
from koers.domain.comparison import Comparison
from koers.exports import write_csv
from koers.reports.advice import answered, by_advice, illustrative
from koers.reports.comparison import Row, table_rows
from koers.reports.html import Figure, chart_figure, comparison_chart, map_figure
from koers.reports.html import compared as figure_text
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


def wijk_map(snap: Snapshot, goal_id: str) -> Figure | None:
    """The goal's map of its wijken (when they have boundaries), drawn once per snapshot."""

    def make() -> Figure | None:
        section = snap.goal_section(goal_id)
        return map_figure(section, snap.report) if section else None

    return snap.cached(("map", goal_id, LANG), make)


@router.get("/", response_class=HTMLResponse, name="overview")
async def overview(request: Request) -> HTMLResponse:
    return page(request, "overview.html.j2", lambda snap: {})


@router.get("/opgaven/{challenge_id}", response_class=HTMLResponse, name="challenge")
async def challenge(request: Request, challenge_id: str) -> HTMLResponse:
    def context(snap: Snapshot) -> dict[str, Any] | None:
        section = snap.challenge_section(challenge_id)
        if section is None:
            return None
        entries = for_challenge(snap.report.advice, snap.plan, challenge_id)
        return {"c": section, "advice": entries, "advice_summary": tally(entries).summary(LANG)}

    return page(request, "challenge.html.j2", context)


@router.get("/opgaven/{challenge_id}/u-vroeg-wij-deden", response_class=HTMLResponse, name="you_asked")
async def you_asked(request: Request, challenge_id: str) -> HTMLResponse:
    """What residents and the participation council said about a challenge, and what was done with it."""

    def context(snap: Snapshot) -> dict[str, Any] | None:
        section = snap.challenge_section(challenge_id)
        if section is None:
            return None
        entries = for_challenge(snap.report.advice, snap.plan, challenge_id)
        return {
            "c": section,
            "entries": entries,
            "groups": by_advice(answered(snap.report, entries)),
            "summary": tally(entries).summary(LANG),
            "illustrative_advice": illustrative(snap.report.advice),
        }

    return page(request, "u-vroeg-wij-deden.html.j2", context)


@router.get("/adviezen", response_class=HTMLResponse, name="advice_register")
async def advice_register(request: Request) -> HTMLResponse:
    """The advice register: every advice with its points and the municipality's responses."""

    def context(snap: Snapshot) -> dict[str, Any]:
        entries = snap.report.advice_entries
        return {
            "register": snap.report.advice,
            "summary": tally(entries).summary(LANG),
            "challenges": [
                c
                for c in snap.report.challenges
                if any(e.concerns_challenge(snap.plan, c.challenge.id) for e in entries)
            ],
            "illustrative_advice": illustrative(snap.report.advice),
        }

    return page(request, "adviezen.html.j2", context)


@router.get("/doelen/{goal_id}", response_class=HTMLResponse, name="goal")
async def goal(request: Request, goal_id: str) -> HTMLResponse:
    def context(snap: Snapshot) -> dict[str, Any] | None:
        section = snap.goal_section(goal_id)
        if section is None:
            return None
        challenge = next(c for c in snap.report.challenges if section in c.goals)
        return {
            "g": section,
            "c": challenge,
            "figure": figure(snap, goal_id),
            "wijk_map": wijk_map(snap, goal_id),
            "advice": for_goal(snap.report.advice, goal_id),
        }

    return page(request, "goal.html.j2", context)


@router.get("/bbv", response_class=HTMLResponse, name="bbv")
async def bbv(request: Request) -> HTMLResponse:
    return page(request, "bbv.html.j2", lambda snap: {"compared": compared(snap), "shown": shown_figure})


@router.get("/vergelijking", response_class=HTMLResponse, name="comparison")
async def comparison(request: Request) -> HTMLResponse:
    """Where the municipality stands among its peers, the size class and the Netherlands."""

    def context(snap: Snapshot) -> dict[str, Any]:
        figures = comparison_figures(snap)
        return {"cmp": snap.report.comparison, "figures": figures, "shown": shown_figure, "rows": shown_rows}

    return page(request, "comparison.html.j2", context)


def compared(snap: Snapshot) -> dict[str, Comparison]:
    """The comparisons by the id of what they compare (a BBV indicator, a goal)."""
    section = snap.report.comparison
    return {c.subject.id: c for c in section.comparisons} if section is not None else {}


def comparison_figures(snap: Snapshot) -> dict[str, Figure | None]:
    """Each comparison's bar chart, drawn once per snapshot."""

    def make() -> dict[str, Figure | None]:
        return {key: comparison_chart(c, snap.report) for key, c in compared(snap).items()}

    return snap.cached(("comparison", LANG), make)


def shown_rows(comparison: Comparison) -> list[Row]:
    """The rows of a comparison's table (koers.reports.comparison.table_rows)."""
    return table_rows(comparison, LANG)


def shown_figure(comparison: Comparison, value: float | None) -> str:
    """A figure of a comparison as its table and the BBV page write it."""
    return figure_text(comparison, value, LANG)


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
