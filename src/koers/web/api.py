# SPDX-License-Identifier: EUPL-1.2
"""The open-data JSON API: everything the pages show, in the shapes of docs/cli.md.

The OpenAPI document is at /api/openapi.json. Shapes are built by koers.shapes, the same
code the command line uses, so the CLI, the API and the documentation agree. Texts inside
the shapes (labels, reasons, an error's detail) are in the dashboard's language; keys and
codes are English and never change. The route summaries document the API for developers, in
English, like the rest of the code.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from koers.domain.advice import for_goal
from koers.i18n import _
from koers.shapes import (
    advice_json,
    assessment_json,
    challenge_money_json,
    goal_json,
    input_entry_json,
    plan_json,
    rollup_json,
)
from koers.store.measurements import as_record
from koers.web import LANG
from koers.web.snapshot import Snapshot

router = APIRouter(prefix="/api", tags=["open data"])


def _snap(request: Request) -> Snapshot:
    current: Snapshot = request.app.state.snapshots.current()
    return current


def _meta(snap: Snapshot) -> dict[str, Any]:
    return {
        "plan": snap.stored.key,
        "plan_version": snap.stored.version,
        "period": snap.report.period.code,
        "as_of": snap.report.as_of.isoformat(),
        "illustrative": snap.illustrative,
    }


@router.get("/plan", summary="The plan: mission, vision, challenges with budgets, goals, BBV indicators")
def plan(request: Request) -> dict[str, Any]:
    snap = _snap(request)
    return {**_meta(snap), **plan_json(snap.plan, snap.report.findings, LANG)}


@router.get("/status", summary="Where every goal stands, with roll-ups per challenge and for the plan")
def status(request: Request) -> dict[str, Any]:
    snap = _snap(request)
    return {
        **_meta(snap),
        "goals": [assessment_json(g.assessment, c.challenge.id, LANG) for c in snap.report.challenges for g in c.goals],
        "rollup": {
            "plan": rollup_json(snap.report.rollup, LANG),
            "challenges": [
                {"id": c.challenge.id, "name": c.challenge.name, **rollup_json(c.rollup, LANG)}
                for c in snap.report.challenges
            ],
        },
    }


@router.get(
    "/money",
    summary="Money per challenge and year: begroting, gewijzigde begroting, realisatie, the share spent, the sources",
)
def money(request: Request) -> dict[str, Any]:
    snap = _snap(request)
    return {
        **_meta(snap),
        "currency": "EUR",
        "challenges": [challenge_money_json(c.challenge, c.money, LANG) for c in snap.report.challenges],
    }


@router.get(
    "/goals/{goal_id}",
    summary="One goal: definition, assessment, measurements, explanation, actions and the advice about it",
)
def goal(request: Request, goal_id: str) -> dict[str, Any]:
    snap = _snap(request)
    section = snap.goal_section(goal_id)
    if section is None:
        raise HTTPException(404, detail=_("Het plan heeft geen doel '{goal}'.", LANG, goal=goal_id))
    challenge = next(c for c in snap.report.challenges if section in c.goals)
    return {
        **_meta(snap),
        "goal": goal_json(section.goal, LANG),
        "assessment": assessment_json(section.assessment, challenge.challenge.id, LANG),
        "measurements": [as_record(m) for m in section.measurements],
        "explanation": {
            "text": section.explanation,
            "concept": section.concept,
            "author": section.author,
            "written_at": section.written_at.isoformat() if section.written_at else None,
        },
        "actions": [a.model_dump(mode="json") for a in snap.plan.actions_for_goal(goal_id)],
        "advice": [input_entry_json(e, LANG) for e in for_goal(snap.report.advice, goal_id)],
    }


@router.get(
    "/advice",
    summary="The advice register: the participation council's advice and resident input, with the responses",
)
def advice(request: Request) -> dict[str, Any]:
    snap = _snap(request)
    return {**_meta(snap), "advice": [advice_json(a, LANG) for a in snap.report.advice]}


@router.get("/measurements", summary="The current measurements of every goal (or of one)")
def measurements(request: Request, goal: str | None = None) -> dict[str, Any]:
    snap = _snap(request)
    sections = [g for g in snap.report.goals if goal is None or g.goal.id == goal]
    return {**_meta(snap), "measurements": [as_record(m) for g in sections for m in g.measurements]}


@router.get("/keyfigures", summary="Demographic key figures (forecast years marked)")
def keyfigures(request: Request) -> dict[str, Any]:
    snap = _snap(request)
    return {**_meta(snap), "key_figures": [t.model_dump(mode="json") for t in snap.plan.key_figures]}
