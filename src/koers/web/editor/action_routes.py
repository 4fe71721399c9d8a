# SPDX-License-Identifier: EUPL-1.2
"""The editor's pages for the plan's actions (*wat gaan we doen*): list them per challenge or
goal, add one, change one, remove one. Behind the login, like every page of /beheer.

Handlers stay thin: the work (checking the whole plan, a new plan version, the audit row) is
koers.web.editor.plan_actions. A change is saved by one POST that checks everything; removing
asks first, on a page of its own. Anyone logged in may look; changing needs the role redacteur
(EditorPost) and, for an editor limited to some challenges, the action's challenges.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koers.domain.actions import Action
from koers.domain.goals import Goal
from koers.domain.plan import Challenge, Plan
from koers.store.accounts import Role, Session
from koers.web.auth import EditorPost, Viewer, page
from koers.web.editor.plan_actions import (
    ActionCheck,
    ActionForm,
    UnknownAction,
    form_of,
    may_change,
    remove_action,
    save_action,
    status_options,
)
from koers.web.editor.routes import _changed, _common, _snap

router = APIRouter(prefix="/beheer/acties", include_in_schema=False)


@router.get("", response_class=HTMLResponse, name="plan_actions")
def actions_page(
    request: Request, session: Viewer, opgave: str = "", doel: str = "", opgeslagen: str = "", verwijderd: str = ""
) -> HTMLResponse:
    plan = _snap(request).plan
    goal = plan.goal(doel) if doel else None
    context = _common(
        request,
        groups=_groups(plan, opgave, goal),
        goal=goal,
        saved=_saved(plan, opgeslagen),
        removed=verwijderd,
        changeable={a.id for a in plan.actions if may_change(session.user, plan, a)},
        public_link=public_link,
        can_add=session.user.role.allows(Role.EDITOR),
        opgave=opgave,
    )
    return page(request, "beheer/acties.html.j2", context, session=session)


def _groups(plan: Plan, challenge_id: str, goal: Goal | None) -> list[tuple[Challenge | None, list[Action]]]:
    """The actions per challenge (all, or one challenge's), or only those of one goal."""
    if goal is not None:
        return [(plan.challenge(goal.challenge), plan.actions_for_goal(goal.id))]
    return [(c, plan.actions_for_challenge(c.id)) for c in plan.challenges if not challenge_id or c.id == challenge_id]


def _saved(plan: Plan, action_id: str) -> Action | None:
    return next((a for a in plan.actions if a.id == action_id), None) if action_id else None


def public_link(action: Action) -> str:
    """Where the public dashboard shows the action: its first goal's page, else its challenge's."""
    base = f"/doelen/{action.goals[0]}" if action.goals else f"/opgaven/{action.challenge}"
    return f"{base}#actie-{action.id}"


# -- adding -------------------------------------------------------------------------------


@router.get("/nieuw", response_class=HTMLResponse, name="plan_action_new")
def new_form(request: Request, session: Viewer, opgave: str = "", doel: str = "") -> HTMLResponse:
    plan = _snap(request).plan
    goal = plan.goal(doel) if doel else None
    form = ActionForm(challenge=goal.challenge if goal else opgave, goals=goal.id if goal else "")
    return _form_page(request, session, ActionCheck(form, {}), None)


@router.post("/nieuw", response_class=HTMLResponse)
def new_save(request: Request, session: EditorPost, form: Annotated[ActionForm, Form()]) -> Response:
    return _saved_or_errors(request, session, None, form)


# -- changing -----------------------------------------------------------------------------


@router.get("/{action_id}", response_class=HTMLResponse, name="plan_action")
def edit_form(request: Request, session: Viewer, action_id: str) -> HTMLResponse:
    action = _action(request, action_id)
    return _form_page(request, session, ActionCheck(form_of(action), {}), action)


@router.post("/{action_id}", response_class=HTMLResponse)
def edit_save(request: Request, session: EditorPost, action_id: str, form: Annotated[ActionForm, Form()]) -> Response:
    return _saved_or_errors(request, session, _action(request, action_id), form)


def _saved_or_errors(request: Request, session: Session, action: Action | None, form: ActionForm) -> Response:
    try:
        check = save_action(
            request.app.state.engine, _snap(request).stored, session.user, action.id if action else None, form
        )
    except UnknownAction:
        raise HTTPException(404) from None
    if not check.ok:
        return _form_page(request, session, check, action, status_code=422)
    _changed(request)
    return RedirectResponse(f"/beheer/acties?opgeslagen={check.form.id}", status_code=303)


def _form_page(
    request: Request, session: Session, check: ActionCheck, action: Action | None, *, status_code: int = 200
) -> HTMLResponse:
    plan = _snap(request).plan
    context: dict[str, Any] = _common(
        request,
        check=check,
        action=action,
        form_action=f"/beheer/acties/{action.id}" if action else "/beheer/acties/nieuw",
        challenges=[("", "–")] + [(c.id, c.name) for c in plan.challenges],
        statuses=status_options(),
        goal_ids=", ".join(g.id for g in plan.goals),
        can_edit=may_change(session.user, plan, action) if action else session.user.role.allows(Role.EDITOR),
    )
    return page(request, "beheer/actie.html.j2", context, session=session, status_code=status_code)


def _action(request: Request, action_id: str) -> Action:
    action = _saved(_snap(request).plan, action_id)
    if action is None:
        raise HTTPException(404)
    return action


# -- removing -----------------------------------------------------------------------------


@router.get("/{action_id}/verwijderen", response_class=HTMLResponse, name="plan_action_remove")
def remove_form(request: Request, session: Viewer, action_id: str) -> HTMLResponse:
    action = _action(request, action_id)
    context = _common(request, action=action, can_edit=may_change(session.user, _snap(request).plan, action))
    return page(request, "beheer/actie-verwijderen.html.j2", context, session=session)


@router.post("/{action_id}/verwijderen")
def remove(request: Request, session: EditorPost, action_id: str) -> Response:
    try:
        remove_action(request.app.state.engine, _snap(request).stored, session.user, action_id)
    except UnknownAction:
        raise HTTPException(404) from None
    _changed(request)
    return RedirectResponse(f"/beheer/acties?verwijderd={action_id}", status_code=303)
