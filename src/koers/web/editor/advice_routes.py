# SPDX-License-Identifier: EUPL-1.2
"""The editor's pages for the advice register (/beheer/adviezen): the list of advice with the
response to each point, a new or changed advice with its points, and the response to one point
with its follow-up. Behind the login, like every page of /beheer.

Handlers stay thin: the work (the check, the version, the audit row) is
koers.web.editor.advice. Anyone logged in may look; every change needs the role participation
(or admin): AdvicePost checks it, with the form's CSRF token, before the handler runs.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koers.domain.advice import InputItem
from koers.store.accounts import Session
from koers.store.advice import StoredAdvice, load_advice, load_register
from koers.web.auth import AdvicePost, Viewer, page
from koers.web.editor.advice import (
    AdviceForm,
    Check,
    ResponseForm,
    advice_kinds,
    point_kinds,
    respond,
    save,
    verdicts,
)
from koers.web.editor.routes import _changed, _common, _snap, _today

router = APIRouter(prefix="/beheer/adviezen", include_in_schema=False)


async def form_fields(request: Request) -> dict[str, str]:
    """The fields of a posted form by name, for forms whose fields vary (one set per point)."""
    form = await request.form()
    return {name: value for name, value in form.items() if isinstance(value, str)}


Fields = Annotated[dict[str, str], Depends(form_fields)]


@router.get("", response_class=HTMLResponse, name="advice_list")
def advice_list(request: Request, session: Viewer, opgeslagen: str = "", reactie: str = "") -> HTMLResponse:
    register = load_register(request.app.state.engine, _snap(request).stored.id)
    context = _common(
        request,
        register=register,
        saved=opgeslagen,
        responded=reactie,
        can_edit=session.user.keeps_advice,
    )
    return page(request, "beheer/adviezen.html.j2", context, session=session)


# -- an advice and its points -------------------------------------------------------------


@router.get("/nieuw", response_class=HTMLResponse, name="advice_new")
def new_form(request: Request, session: Viewer) -> HTMLResponse:
    return _advice_page(request, session, AdviceForm().with_room(), Check(), None)


@router.post("/nieuw", response_class=HTMLResponse)
def new_save(request: Request, session: AdvicePost, fields: Fields) -> Response:
    return _saved_or_errors(request, session, AdviceForm.read(fields), None)


@router.get("/{advice_id}", response_class=HTMLResponse, name="advice_edit")
def edit_form(request: Request, session: Viewer, advice_id: str) -> HTMLResponse:
    current = _stored(request, advice_id)
    return _advice_page(request, session, AdviceForm.of(current).with_room(), Check(), current)


@router.post("/{advice_id}", response_class=HTMLResponse)
def edit_save(request: Request, session: AdvicePost, advice_id: str, fields: Fields) -> Response:
    return _saved_or_errors(request, session, AdviceForm.read(fields), _stored(request, advice_id))


def _saved_or_errors(request: Request, session: Session, form: AdviceForm, current: StoredAdvice | None) -> Response:
    check = save(request.app.state.engine, _snap(request).stored, session.user, form, current)
    if not check.ok:
        return _advice_page(request, session, form.with_room(), check, current, status_code=422)
    _changed(request)
    key = current.advice.id if current is not None else form.id
    return RedirectResponse(f"/beheer/adviezen?opgeslagen={key}", status_code=303)


def _advice_page(
    request: Request,
    session: Session,
    form: AdviceForm,
    check: Check,
    current: StoredAdvice | None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    plan = _snap(request).plan
    context: dict[str, Any] = _common(
        request,
        form=form,
        check=check,
        current=current,
        form_action=f"/beheer/adviezen/{current.advice.id}" if current else "/beheer/adviezen/nieuw",
        kinds=advice_kinds(),
        point_kinds=point_kinds(),
        goal_ids=", ".join(g.id for g in plan.goals),
        challenge_ids=", ".join(c.id for c in plan.challenges),
        can_edit=session.user.keeps_advice,
    )
    return page(request, "beheer/advies.html.j2", context, session=session, status_code=status_code)


# -- the response to one point ------------------------------------------------------------


@router.get("/{advice_id}/punten/{number}", response_class=HTMLResponse, name="advice_response")
def response_form(request: Request, session: Viewer, advice_id: str, number: int) -> HTMLResponse:
    current = _stored(request, advice_id)
    item = _item(current, number)
    form = ResponseForm.of(item.response, _today(request))
    return _response_page(request, session, current, number, form, Check())


@router.post("/{advice_id}/punten/{number}", response_class=HTMLResponse)
def response_save(request: Request, session: AdvicePost, advice_id: str, number: int, fields: Fields) -> Response:
    current = _stored(request, advice_id)
    _item(current, number)
    form = ResponseForm.read(fields)
    check = respond(request.app.state.engine, _snap(request).stored, session.user, current, number, form)
    if not check.ok:
        return _response_page(request, session, current, number, form, check, status_code=422)
    _changed(request)
    return RedirectResponse(f"/beheer/adviezen?reactie={advice_id}/{number}", status_code=303)


def _response_page(
    request: Request,
    session: Session,
    current: StoredAdvice,
    number: int,
    form: ResponseForm,
    check: Check,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    plan = _snap(request).plan
    context = _common(
        request,
        advice=current.advice,
        number=number,
        item=current.advice.items[number - 1],
        form=form,
        check=check,
        verdicts=verdicts(),
        action_ids=", ".join(a.id for a in plan.actions),
        can_edit=session.user.keeps_advice,
    )
    return page(request, "beheer/reactie.html.j2", context, session=session, status_code=status_code)


def _stored(request: Request, advice_id: str) -> StoredAdvice:
    found = load_advice(request.app.state.engine, _snap(request).stored.id, advice_id)
    if found is None:
        raise HTTPException(404)
    return found


def _item(current: StoredAdvice, number: int) -> InputItem:
    item = current.advice.item(number)
    if item is None:
        raise HTTPException(404)
    return item
