# SPDX-License-Identifier: EUPL-1.2
"""The editor (/beheer): enter or correct a measurement, import a file, write explanations,
adopt a reporting period, and read the audit log. Behind a login (koers.web.auth).

Handlers stay thin: parse the request, call one function of koers.web.editor.actions or the store,
render. Every change is shown before it is made (a preview, a dry run) and made by a second,
confirming POST, which checks everything again. After a change the dashboard's snapshot is
invalidated, so the public pages show it at once.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koers.domain.advice import ADVICE_KIND_LABELS, INPUT_KIND_LABELS, VERDICTS
from koers.domain.formatting import format_number
from koers.domain.goals import Goal
from koers.domain.measurements import Unavailable
from koers.domain.periods import Period, PeriodError
from koers.i18n import N_, _
from koers.store import audit
from koers.store.accounts import Role, Session
from koers.store.explanations import latest_explanations
from koers.store.report_periods import ADOPTED, CONCEPT, period_statuses, set_period_status
from koers.web import LANG
from koers.web.auth import ROLE_NAMES, AdminPost, EditorPost, Viewer, page
from koers.web.editor.actions import (
    MAX_UPLOAD_MB,
    Issue,
    MeasurementCheck,
    MeasurementForm,
    UploadCheck,
    check_measurement,
    check_upload,
    may_edit_goal,
    reporting_periods,
    save_explanation,
    store_measurement,
    store_upload,
)
from koers.web.snapshot import Snapshot

router = APIRouter(prefix="/beheer", include_in_schema=False)

LOG_PAGE = 50
RECENT = 10
#: What an audit row records, as the audit log names it.
ACTION_NAMES = {
    audit.USER_ADD: N_("account gemaakt"),
    audit.MEASUREMENT_ENTER: N_("meting ingevoerd"),
    audit.MEASUREMENTS_IMPORT: N_("bestand geïmporteerd"),
    audit.EXPLANATION_WRITE: N_("toelichting geschreven"),
    audit.PERIOD_STATUS: N_("status van periode"),
    audit.ACTION_ADD: N_("actie toegevoegd"),
    audit.ACTION_CHANGE: N_("actie gewijzigd"),
    audit.ACTION_REMOVE: N_("actie verwijderd"),
    audit.ADVICE_ADD: N_("advies toegevoegd"),
    audit.ADVICE_CHANGE: N_("advies gewijzigd"),
    audit.ADVICE_RESPONSE: N_("reactie op advies"),
}
#: The fields of an audit row's old and new value, in the order they are shown.
VALUE_NAMES = {
    "id": N_("code"),
    "name": N_("naam"),
    "description": N_("beschrijving"),
    "challenge": N_("opgave"),
    "goals": N_("doelen"),
    "owner": N_("trekker"),
    "partners": N_("partners"),
    "start": N_("begin"),
    "end": N_("einde"),
    "value": N_("waarde"),
    "status": N_("status"),
    "version": N_("versie"),
    "source": N_("bron"),
    "source_ref": N_("bronverwijzing"),
    "note": N_("opmerking"),
    "rows": N_("rijen"),
    "new": N_("nieuw"),
    "revised": N_("herzien"),
    "unchanged": N_("ongewijzigd"),
    "username": N_("gebruikersnaam"),
    "display_name": N_("naam"),
    "role": N_("rol"),
    "challenges": N_("opgaven"),
    "import_id": N_("importnummer"),
    "file_sha256": N_("SHA-256"),
    "reason": N_("reden"),  # an action's (koers.web.editor.plan_actions), as are the first nine
    "budget": N_("budget"),
    "kind": N_("soort"),  # an advice's (koers.web.editor.advice), as are the rest
    "date": N_("datum"),
    "subject": N_("onderwerp"),
    "document": N_("document"),
    "items": N_("punten"),
    "text": N_("tekst"),
    "verdict": N_("reactie"),
    "actions": N_("acties"),
    "follow_up": N_("vervolg"),
    "user": N_("door"),
}
#: A reporting period's status as the editor names it in a sentence (the report's cover uses
#: ReportStatus.label, capitalised).
PERIOD_STATUS_NAMES: dict[str, str] = {CONCEPT: N_("concept"), ADOPTED: N_("vastgesteld")}
#: Codes in an audit row's values that people read as words.
WORDS: dict[str, str] = {
    "final": N_("definitief"),
    "provisional": N_("voorlopig"),
    **{role.value: name for role, name in ROLE_NAMES.items()},
    **PERIOD_STATUS_NAMES,
    **{kind.value: label for kind, label in ADVICE_KIND_LABELS.items()},
    **{kind.value: label for kind, label in INPUT_KIND_LABELS.items()},
    **{verdict.value: info.label for verdict, info in VERDICTS.items()},
}
SHOWN_TEXT = 300


def _snap(request: Request) -> Snapshot:
    current: Snapshot = request.app.state.snapshots.current()
    return current


def _changed(request: Request) -> None:
    request.app.state.snapshots.invalidate()


def _today(request: Request) -> date:
    return request.app.state.snapshots.today or date.today()


def _common(request: Request, **context: Any) -> dict[str, Any]:
    snap = _snap(request)
    return {
        "s": snap,
        "r": snap.report,
        "shown": shown,
        "action_name": action_name,
        "period_status_name": period_status_name,
        **context,
    }


# -- overview -----------------------------------------------------------------------------


@router.get("", response_class=HTMLResponse, name="editor")
def overview(request: Request, session: Viewer) -> HTMLResponse:
    snap = _snap(request)
    engine = request.app.state.engine
    context = _common(
        request,
        periods=_periods(request),
        entries=audit.entries(engine, limit=RECENT),
        editable={g.id for g in snap.plan.goals if may_edit_goal(session.user, g)},
    )
    return page(request, "beheer/overzicht.html.j2", context, session=session)


def _periods(request: Request) -> list[tuple[Period, Any]]:
    snap = _snap(request)
    statuses = period_statuses(request.app.state.engine, snap.stored.id)
    return [(p, statuses.get(p.code)) for p in reversed(reporting_periods(snap.plan, _today(request)))]


# -- one measurement ----------------------------------------------------------------------


@router.get("/meting", response_class=HTMLResponse, name="measurement")
def measurement_form(request: Request, session: Viewer, doel: str = "", opgeslagen: str = "") -> HTMLResponse:
    return _measurement_page(request, session, MeasurementCheck(MeasurementForm(goal=doel), {}), saved=opgeslagen)


@router.post("/meting", response_class=HTMLResponse)
def measurement_preview(
    request: Request, session: EditorPost, form: Annotated[MeasurementForm, Form()]
) -> HTMLResponse:
    check = check_measurement(request.app.state.engine, _snap(request).stored, session.user, form)
    if not check.ok:
        return _measurement_page(request, session, check, status_code=422)
    return page(
        request,
        "beheer/meting-controle.html.j2",
        _common(request, check=check, goal=_goal_of(request, check)),
        session=session,
    )


@router.post("/meting/opslaan", response_class=HTMLResponse)
def measurement_store(
    request: Request,
    session: EditorPost,
    form: Annotated[MeasurementForm, Form()],
    actie: Annotated[str, Form()] = "opslaan",
) -> Response:
    if actie == "aanpassen":
        return _measurement_page(request, session, MeasurementCheck(form, {}))
    check = store_measurement(request.app.state.engine, _snap(request).stored, session.user, form)
    if not check.ok or check.batch is None:
        return _measurement_page(request, session, check, status_code=422)
    _changed(request)
    return RedirectResponse(f"/beheer/meting?opgeslagen={check.batch.subject[0]}", status_code=303)


def _measurement_page(
    request: Request, session: Session, check: MeasurementCheck, *, saved: str = "", status_code: int = 200
) -> HTMLResponse:
    snap = _snap(request)
    goals = [g for g in snap.plan.goals if may_edit_goal(session.user, g)] or snap.plan.goals
    context = _common(
        request,
        check=check,
        goals=goals,
        areas=snap.plan.areas,
        saved=snap.plan.goal(saved),
        can_edit=session.user.role.allows(Role.EDITOR),
        unavailable_options=_unavailable_options(),
    )
    return page(request, "beheer/meting.html.j2", context, session=session, status_code=status_code)


def _unavailable_options() -> list[tuple[str, str]]:
    """'Er is een cijfer', then every reason why there is none: 'n.b. (niet beschikbaar)'."""
    return [("", _("Er is een cijfer", LANG))] + [(c.value, f"{c.value} ({c.label(LANG)})") for c in Unavailable]


def _goal_of(request: Request, check: MeasurementCheck) -> Goal | None:
    return _snap(request).plan.goal(check.batch.subject[0]) if check.batch is not None else None


# -- importing a file ---------------------------------------------------------------------


@router.get("/import", response_class=HTMLResponse, name="upload")
def upload_form(
    request: Request, session: Viewer, opgeslagen: bool = False, nieuw: int = 0, herzien: int = 0, ongewijzigd: int = 0
) -> HTMLResponse:
    saved = {"new": nieuw, "revised": herzien, "unchanged": ongewijzigd} if opgeslagen else None
    context = _common(request, saved=saved, max_mb=MAX_UPLOAD_MB, can_edit=session.user.role.allows(Role.EDITOR))
    return page(request, "beheer/import.html.j2", context, session=session)


@router.post("/import", response_class=HTMLResponse)
def upload_check(request: Request, session: EditorPost, bestand: Annotated[UploadFile, File()]) -> HTMLResponse:
    checked = check_upload(
        request.app.state.engine, _snap(request).stored, session.user, session.id, bestand.filename or "", bestand.file
    )
    return _upload_page(request, session, checked)


@router.post("/import/opslaan", response_class=HTMLResponse)
def upload_store(request: Request, session: EditorPost, upload: Annotated[str, Form()] = "") -> Response:
    stored = store_upload(request.app.state.engine, _snap(request).stored, session.user, session.id, upload)
    if stored.outcome is None:
        return _upload_page(request, session, stored)
    _changed(request)
    o = stored.outcome
    return RedirectResponse(
        f"/beheer/import?opgeslagen=1&nieuw={o.new}&herzien={o.revised}&ongewijzigd={o.unchanged}", status_code=303
    )


def _upload_page(request: Request, session: Session, checked: UploadCheck) -> HTMLResponse:
    return page(
        request,
        "beheer/import-controle.html.j2",
        _common(request, checked=checked),
        session=session,
        status_code=422 if checked.issues else 200,
    )


# -- explanations -------------------------------------------------------------------------


@router.get("/toelichting/{goal_id}", response_class=HTMLResponse, name="explanation")
def explanation_form(
    request: Request, session: Viewer, goal_id: str, periode: str = "", opgeslagen: bool = False
) -> HTMLResponse:
    goal = _goal(request, goal_id)
    period = _period(request, periode) or reporting_periods(_snap(request).plan, _today(request))[-1]
    current = latest_explanations(request.app.state.engine, _snap(request).stored.id, period).get(goal.id)
    return _explanation_page(request, session, goal, period, current.text if current else "", saved=opgeslagen)


@router.post("/toelichting/{goal_id}", response_class=HTMLResponse)
def explanation_save(
    request: Request,
    session: EditorPost,
    goal_id: str,
    periode: Annotated[str, Form()] = "",
    tekst: Annotated[str, Form()] = "",
    actie: Annotated[str, Form()] = "voorbeeld",
) -> Response:
    goal = _goal(request, goal_id)
    period = _period(request, periode)
    if period is None:
        error = Issue("periode", _("Kies een periode uit de lijst.", LANG))
        return _explanation_page(request, session, goal, _latest_period(request), tekst, error=error)
    if actie != "opslaan":
        return _explanation_page(request, session, goal, period, tekst, preview=True)
    refused = save_explanation(request.app.state.engine, _snap(request).stored, session.user, goal, period, tekst)
    if refused is not None:
        return _explanation_page(request, session, goal, period, tekst, error=refused)
    _changed(request)
    return RedirectResponse(f"/beheer/toelichting/{goal.id}?periode={period.code}&opgeslagen=1", status_code=303)


def _explanation_page(
    request: Request,
    session: Session,
    goal: Goal,
    period: Period,
    text: str,
    *,
    preview: bool = False,
    saved: bool = False,
    error: Issue | None = None,
) -> HTMLResponse:
    snap = _snap(request)
    statuses = period_statuses(request.app.state.engine, snap.stored.id)
    context = _common(
        request,
        goal=goal,
        period=period,
        text=text,
        preview=preview,
        saved=saved,
        error=error,
        periods=reporting_periods(snap.plan, _today(request)),
        statuses=statuses,
        can_edit=may_edit_goal(session.user, goal),
    )
    return page(
        request, "beheer/toelichting.html.j2", context, session=session, status_code=422 if error is not None else 200
    )


def _goal(request: Request, goal_id: str) -> Goal:
    goal = _snap(request).plan.goal(goal_id)
    if goal is None:
        raise HTTPException(404)
    return goal


def _period(request: Request, code: str) -> Period | None:
    """A reporting period of the plan, or None when ``code`` names none."""
    try:
        period = Period.parse(code) if code else None
    except PeriodError:
        return None
    return period if period in reporting_periods(_snap(request).plan, _today(request)) else None


def _latest_period(request: Request) -> Period:
    return reporting_periods(_snap(request).plan, _today(request))[-1]


# -- reporting periods --------------------------------------------------------------------


@router.get("/periodes", response_class=HTMLResponse, name="periods")
def periods_page(request: Request, session: Viewer, gewijzigd: str = "") -> HTMLResponse:
    context = _common(
        request,
        periods=_periods(request),
        changed=_period(request, gewijzigd),
        adopted=ADOPTED,
        concept=CONCEPT,
        is_admin=session.user.role is Role.ADMIN,
    )
    return page(request, "beheer/periodes.html.j2", context, session=session)


@router.post("/periodes")
def period_set(
    request: Request, session: AdminPost, periode: Annotated[str, Form()] = "", status: Annotated[str, Form()] = ""
) -> Response:
    period = _period(request, periode)
    if period is None or status not in (CONCEPT, ADOPTED):
        raise HTTPException(400)
    set_period_status(request.app.state.engine, _snap(request).stored.id, period, status, user=session.user)
    return RedirectResponse(f"/beheer/periodes?gewijzigd={period.code}", status_code=303)


# -- the audit log ------------------------------------------------------------------------


@router.get("/logboek", response_class=HTMLResponse, name="audit_log")
def audit_page(request: Request, session: Viewer, pagina: int = 1) -> HTMLResponse:
    engine = request.app.state.engine
    number = max(1, pagina)
    total = audit.entry_count(engine)
    context = _common(
        request,
        entries=audit.entries(engine, limit=LOG_PAGE, offset=(number - 1) * LOG_PAGE),
        number=number,
        more=number * LOG_PAGE < total,
        total=total,
    )
    return page(request, "beheer/logboek.html.j2", context, session=session)


def action_name(action: str) -> str:
    """'meting ingevoerd': what an audit row records, in words (an unknown code as it is)."""
    return _(ACTION_NAMES[action], LANG) if action in ACTION_NAMES else action


def period_status_name(status: str) -> str:
    """'vastgesteld': a reporting period's status in words."""
    return _(PERIOD_STATUS_NAMES[status], LANG) if status in PERIOD_STATUS_NAMES else status


def shown(value: Any) -> str:
    """An old or new value of the audit log, for people: 'waarde: 48,1; status: definitief'."""
    if value is None:
        return "–"
    if isinstance(value, dict):
        order = list(VALUE_NAMES)
        items = sorted(value.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
        return "; ".join(f"{_field_name(k)}: {shown(v)}" for k, v in items if v not in (None, "", []))
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value)
    if isinstance(value, bool):
        return _("ja", LANG) if value else _("nee", LANG)
    if isinstance(value, int | float):
        return format_number(value, LANG)
    text = _(WORDS[str(value)], LANG) if str(value) in WORDS else str(value)
    return text if len(text) <= SHOWN_TEXT else _("{text} … (ingekort)", LANG, text=text[:SHOWN_TEXT].rstrip())


def _field_name(key: str) -> str:
    return _(VALUE_NAMES[key], LANG) if key in VALUE_NAMES else key
