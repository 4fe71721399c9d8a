# SPDX-License-Identifier: EUPL-1.2
"""The resident survey at /enquete: enter the code from the letter (or follow its link), read
what the survey is for and what happens with the answers, answer page by page, send.

* No account: the invitation code is the key. Once entered it is kept in a cookie for this
  browser session (``HttpOnly``, limited to /enquete, ``SameSite=Lax`` so that the link in an
  e-mail works, ``Secure`` as the editor's cookies are), so it is not in every address.
* Plain forms, POST-redirect-GET, no JavaScript needed: a page with a problem is shown again
  with an error summary at the top (it takes the focus) linked to each field, and each field
  described by its error. Answers are kept in the database after every page, so a resident can
  stop and come back later with the same code; follow-up questions are on later pages and are
  passed over when their reason was not given.
* Every form carries a token: the code form one that must match a cookie of its own (double
  submit, as the editor's login), the pages one derived from the code (an HMAC), which another
  site cannot know.
* Nothing about the resident's computer or connection is stored, and the pages are never cached.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Engine
from starlette.datastructures import FormData

from koers.domain.survey import Question, Survey
from koers.domain.survey_answers import (
    Answer,
    applicable,
    is_shown,
    next_page,
    page_is_shown,
    previous_page,
    unanswered_required,
)
from koers.i18n import _
from koers.store.survey_responses import (
    AlreadySubmitted,
    Invitation,
    find_invitation,
    normalised,
    save_page,
    submit,
)
from koers.store.surveys import SurveyNotFound, latest_version, load_stored_survey
from koers.web import LANG
from koers.web.auth import EXPIRED_FORM, NO_STORE, cookie_secure
from koers.web.render import render
from koers.web.survey_form import QuestionView, check_page, views_of

router = APIRouter(prefix="/enquete", include_in_schema=False)

PATH = "/enquete"
COOKIE = "koers_enquete"
FORM_COOKIE = "koers_enquete_formulier"
FORM_LIFETIME = timedelta(hours=1)
CSRF_FIELD = "csrf_token"
_CSRF_PURPOSE = b"koers-enquete-formulier"


# -- who is answering -----------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """Where a resident stands: the code, the invitation, the survey (the version their answers
    belong to), the answers so far and the furthest page reached (from 1)."""

    code: str
    invitation: Invitation
    survey: Survey
    version_id: int
    answers: dict[str, Answer]
    reached: int
    submitted: bool

    @property
    def csrf(self) -> str:
        return hmac.new(self.code.encode(), _CSRF_PURPOSE, hashlib.sha256).hexdigest()

    @property
    def done(self) -> bool:
        """Every page was answered (or passed over): the answers can be sent."""
        return self.reached > len(self.survey.pages)

    def resume_url(self) -> str:
        return f"{PATH}/versturen" if self.done else f"{PATH}/pagina/{self.reached}"


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def _progress_of(request: Request, code: str) -> Progress | None:
    invitation = find_invitation(_engine(request), code)
    if invitation is None:
        return None
    response = invitation.response
    if response is not None:
        return Progress(
            normalised(code),
            invitation,
            response.survey,
            response.version_id,
            response.answers,
            response.page_reached,
            response.submitted,
        )
    latest = latest_version(_engine(request), invitation.survey_id)
    return Progress(normalised(code), invitation, latest.survey, latest.version_id, {}, 1, False)


def _progress(request: Request) -> Progress | None:
    code = request.cookies.get(COOKIE)
    return _progress_of(request, code) if code else None


# -- pages ----------------------------------------------------------------------------------


def _page(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    response = render(request, f"enquete/{template}", {"survey": None, **context}, status_code=status_code)
    response.headers.update(NO_STORE)
    return response


def _redirect(url: str) -> RedirectResponse:
    response = RedirectResponse(url, status_code=303)
    response.headers.update(NO_STORE)
    return response


def _code_page(request: Request, *, code: str = "", error: str | None = None, status_code: int = 200) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    response = _page(request, "code.html.j2", {"form_csrf": token, "code": code, "error": error}, status_code)
    response.set_cookie(
        FORM_COOKIE,
        token,
        max_age=int(FORM_LIFETIME.total_seconds()),
        path=PATH,
        secure=cookie_secure(request),
        httponly=True,
        samesite="strict",
    )
    return response


def _used_page(request: Request, survey: Survey | None) -> HTMLResponse:
    """The kind answer to a code whose answers were sent: thanks, and that a code is used once."""
    response = _page(request, "gebruikt.html.j2", {"survey": survey}, status_code=409)
    _forget(response, request)
    return response


def _forget(response: Response, request: Request) -> None:
    response.delete_cookie(COOKIE, path=PATH, secure=cookie_secure(request), httponly=True, samesite="lax")


def _posted_progress(request: Request, form: FormData) -> Progress | Response:
    """The resident's progress behind a posted page, or the answer when there is none to go on
    with: no code (back to the start), a stale form (expired), or answers already sent (used)."""
    progress = _progress(request)
    if progress is None:
        return _redirect(PATH)
    if not _same(form.get(CSRF_FIELD), progress.csrf):
        return _expired(request)
    if progress.submitted:
        return _used_page(request, progress.survey)
    return progress


def _expired(request: Request) -> HTMLResponse:
    return _page(
        request, "melding.html.j2", {"title": _("Formulier verlopen", LANG), "text": _(EXPIRED_FORM, LANG)}, 403
    )


@router.get("", response_class=HTMLResponse, name="survey_code")
def code_form(request: Request, code: str | None = None) -> Response:
    """The start: the code form, or straight on when the link carried the code."""
    if code is not None:
        return _enter(request, code)
    progress = _progress(request)
    if progress is not None and not progress.submitted:
        return _redirect(f"{PATH}/welkom")
    return _code_page(request)


@router.post("", response_class=HTMLResponse)
async def code_entered(request: Request) -> Response:
    form = await request.form()
    if not _same(form.get(CSRF_FIELD), request.cookies.get(FORM_COOKIE)):
        return _expired(request)
    code = form.get("code")
    return _enter(request, code if isinstance(code, str) else "")


def _enter(request: Request, code: str) -> Response:
    if not code.strip():
        return _code_page(request, error=_("Vul de code in die op uw uitnodiging staat.", LANG), status_code=400)
    progress = _progress_of(request, code)
    if progress is None:
        error = _(
            "Deze code kennen we niet. Controleer de code op uw uitnodiging: hij heeft 12 tekens, bijvoorbeeld "
            "ABCD-EFGH-JKMN.",
            LANG,
        )
        return _code_page(request, code=code, error=error, status_code=400)
    if progress.submitted:
        return _used_page(request, progress.survey)
    response = _redirect(f"{PATH}/welkom")
    response.set_cookie(COOKIE, progress.code, path=PATH, secure=cookie_secure(request), httponly=True, samesite="lax")
    return response


@router.get("/welkom", response_class=HTMLResponse, name="survey_welcome")
def welcome(request: Request) -> Response:
    progress = _progress(request)
    if progress is None:
        return _redirect(PATH)
    if progress.submitted:
        return _used_page(request, progress.survey)
    started = progress.invitation.response is not None
    context = {"survey": progress.survey, "started": started, "resume": progress.resume_url()}
    return _page(request, "welkom.html.j2", context)


@router.get("/pagina/{number}", response_class=HTMLResponse, name="survey_page")
def page(request: Request, number: str) -> Response:
    progress = _progress(request)
    if progress is None:
        return _redirect(PATH)
    if progress.submitted:
        return _used_page(request, progress.survey)
    index = _index(progress, number)
    if index + 1 > progress.reached:
        return _redirect(progress.resume_url())
    if not page_is_shown(progress.survey, index, progress.answers):
        return _redirect(_after(progress, index, progress.answers))
    return _show_page(request, progress, index, views_of(_shown(progress, index), progress.answers))


@router.post("/pagina/{number}", response_class=HTMLResponse)
async def page_answered(request: Request, number: str) -> Response:
    form = await request.form()
    progress = _posted_progress(request, form)
    if isinstance(progress, Response):
        return progress
    index = _index(progress, number)
    if index + 1 > progress.reached:
        return _redirect(progress.resume_url())
    checked = check_page(_shown(progress, index), form)
    if not checked.ok:
        return _show_page(request, progress, index, checked.views, summary=checked.summary(), status_code=422)
    questions = [q.id for q in progress.survey.pages[index].questions]
    merged = {k: v for k, v in progress.answers.items() if k not in questions} | checked.answers
    following = next_page(progress.survey, index, merged)
    reached = following + 1 if following is not None else len(progress.survey.pages) + 1
    try:
        save_page(_engine(request), progress.invitation.id, progress.version_id, questions, checked.answers, reached)
    except AlreadySubmitted:
        return _used_page(request, progress.survey)
    if form.get("actie") == "later":
        response = _redirect(f"{PATH}/bewaard")
        _forget(response, request)
        return response
    return _redirect(_after(progress, index, merged))


def _index(progress: Progress, number: str) -> int:
    """The page's index (from 0) for its number in the address; 404 for a page the survey lacks."""
    if not number.isdigit() or not 1 <= int(number) <= len(progress.survey.pages):
        raise HTTPException(404)
    return int(number) - 1


def _shown(progress: Progress, index: int) -> list[Question]:
    kept = applicable(progress.survey, progress.answers)
    return [q for q in progress.survey.pages[index].questions if is_shown(q, kept)]


def _after(progress: Progress, index: int, answers: dict[str, Answer]) -> str:
    following = next_page(progress.survey, index, answers)
    return f"{PATH}/pagina/{following + 1}" if following is not None else f"{PATH}/versturen"


def _show_page(
    request: Request,
    progress: Progress,
    index: int,
    views: list[QuestionView],
    *,
    summary: list[tuple[str, str]] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    survey = progress.survey
    before = previous_page(survey, index, progress.answers)
    context = {
        "survey": survey,
        "page": survey.pages[index],
        "number": index + 1,
        "total": len(survey.pages),
        "previous": before + 1 if before is not None else None,
        "views": views,
        "summary": summary or [],
        "csrf": progress.csrf,
        "has_required": any(v.question.required for v in views),
    }
    return _page(request, "pagina.html.j2", context, status_code)


@router.get("/versturen", response_class=HTMLResponse, name="survey_send")
def send_form(request: Request) -> Response:
    progress = _progress(request)
    if progress is None:
        return _redirect(PATH)
    if progress.submitted:
        return _used_page(request, progress.survey)
    if not progress.done:
        return _redirect(progress.resume_url())
    return _send_page(request, progress)


def _send_page(request: Request, progress: Progress, status_code: int = 200) -> HTMLResponse:
    survey = progress.survey
    missing = [(q, (survey.page_index(q.id) or 0) + 1) for q in unanswered_required(survey, progress.answers)]
    pages = [(i + 1, p) for i, p in enumerate(survey.pages) if page_is_shown(survey, i, progress.answers)]
    last = pages[-1][0] if pages else 1
    context = {"survey": survey, "missing": missing, "pages": pages, "previous": last, "csrf": progress.csrf}
    return _page(request, "versturen.html.j2", context, status_code)


@router.post("/versturen", response_class=HTMLResponse)
async def send(request: Request) -> Response:
    form = await request.form()
    progress = _posted_progress(request, form)
    if isinstance(progress, Response):
        return progress
    if not progress.done:
        return _redirect(progress.resume_url())
    if unanswered_required(progress.survey, progress.answers):
        return _send_page(request, progress, status_code=422)
    try:
        submit(_engine(request), progress.invitation.id, applicable(progress.survey, progress.answers))
    except AlreadySubmitted:
        return _used_page(request, progress.survey)
    response = _redirect(f"{PATH}/bedankt?enquete={progress.survey.id}")
    _forget(response, request)
    return response


@router.get("/bedankt", response_class=HTMLResponse, name="survey_thanks")
def thanks(request: Request, enquete: str = "") -> HTMLResponse:
    try:
        survey: Survey | None = load_stored_survey(_engine(request), enquete).survey if enquete else None
    except SurveyNotFound:
        survey = None
    return _page(request, "bedankt.html.j2", {"survey": survey})


@router.get("/bewaard", response_class=HTMLResponse, name="survey_saved")
def saved(request: Request) -> HTMLResponse:
    return _page(request, "bewaard.html.j2", {})


def _same(given: object, expected: str | None) -> bool:
    if not isinstance(given, str) or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())
