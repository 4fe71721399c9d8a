# SPDX-License-Identifier: EUPL-1.2
"""Invitations, responses and answers of a survey.

* An invitation code is random (:data:`CODE_LENGTH` characters from :data:`CODE_ALPHABET`, some
  59 bits: not to be guessed) and stored only as a SHA-256 hash, so the database cannot tell who
  got which code; ``koers survey invite`` writes the codes once, to a file.
* One response per invitation: a resident who comes back with the same code continues where they
  were, and a code whose response was sent is refused (:class:`AlreadySubmitted`). Writes for one
  invitation queue (its row is locked), so two tabs cannot send twice.
* A response keeps the page reached, whether it was sent, and dates: days, never times. Nothing
  about the resident's computer or connection is stored.
* Responses imported from LimeSurvey carry their LimeSurvey id: importing the same export twice
  adds nothing.

:func:`submitted_records` gives the analysis what it needs: per sent response its answers, typed.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Final

from sqlalchemy import Connection, Engine, delete, insert, select, text, update

from koers.domain.survey import Survey
from koers.domain.survey_answers import Answer, answer_from_data
from koers.importers.limesurvey import ImportedResponse
from koers.store.imports import Provenance
from koers.store.surveys import StoredSurvey, version_of
from koers.store.tables import imports, inserted_id, survey_answers, survey_invitations, survey_responses

#: Letters and digits nobody mistakes for another (no I, L, O, U, 0 or 1).
CODE_ALPHABET: Final = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
CODE_LENGTH: Final = 12
CODE_GROUP: Final = 4
#: Put before a code when it is hashed, so that the hash of a code is koers's own.
_HASH_PREFIX: Final = b"koers-survey-invitation:"


class ResponseOrigin(StrEnum):
    """Where a response came from: the form at /enquete, or a LimeSurvey export."""

    WEB = "web"
    LIMESURVEY = "limesurvey"


class AlreadySubmitted(Exception):
    """The response of this invitation was sent already: a code is used once."""


# -- invitation codes -----------------------------------------------------------------------


def new_code() -> str:
    """A fresh code as a resident reads it: 'K7QP-M2XH-4RTA'."""
    plain = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(plain[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def normalised(code: str) -> str:
    """A code as typed ('k7qp m2xh-4rta ') in the one form it is hashed in ('K7QPM2XH4RTA')."""
    return "".join(c for c in code.upper() if c.isalnum())


def code_hash(code: str) -> str:
    return hashlib.sha256(_HASH_PREFIX + normalised(code).encode()).hexdigest()


def looks_like_code(code: str) -> bool:
    """Whether ``code`` has the shape of a code at all (before it is looked up)."""
    plain = normalised(code)
    return len(plain) == CODE_LENGTH and all(c in CODE_ALPHABET for c in plain)


def create_invitations(engine: Engine, survey_id: int, count: int, today: date | None = None) -> list[str]:
    """``count`` new codes for the survey, stored (as hashes) in one transaction; the codes
    themselves are returned once and kept nowhere."""
    codes: set[str] = set()
    while len(codes) < count:
        codes.add(new_code())
    day = today or date.today()
    rows = [{"survey_id": survey_id, "code_hash": code_hash(c), "created_on": day} for c in codes]
    with engine.begin() as conn:
        if rows:
            conn.execute(insert(survey_invitations), rows)
    return sorted(codes)


# -- responses on the web -------------------------------------------------------------------


@dataclass(frozen=True)
class ResponseState:
    """Where a resident is: the survey version answered, the furthest page reached (from 1),
    whether the answers were sent, and the answers so far."""

    id: int
    version_id: int
    survey: Survey
    page_reached: int
    submitted: bool
    answers: dict[str, Answer]


@dataclass(frozen=True)
class Invitation:
    id: int
    survey_id: int
    response: ResponseState | None


def find_invitation(engine: Engine, code: str) -> Invitation | None:
    """The invitation with ``code`` and its response so far, or None for a code that was never given."""
    if not looks_like_code(code):
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(survey_invitations.c.id, survey_invitations.c.survey_id).where(
                survey_invitations.c.code_hash == code_hash(code)
            )
        ).first()
        if row is None:
            return None
        return Invitation(row.id, row.survey_id, _response(conn, row.id))


def _response(conn: Connection, invitation_id: int) -> ResponseState | None:
    r = survey_responses.c
    row = conn.execute(
        select(r.id, r.survey_version_id, r.page_reached, r.submitted).where(r.invitation_id == invitation_id)
    ).first()
    if row is None:
        return None
    survey = version_of(conn, row.survey_version_id)
    return ResponseState(
        row.id, row.survey_version_id, survey, row.page_reached, bool(row.submitted), _answers(conn, row.id, survey)
    )


def _answers(conn: Connection, response_id: int, survey: Survey) -> dict[str, Answer]:
    rows = conn.execute(
        select(survey_answers.c.question, survey_answers.c.value).where(survey_answers.c.response_id == response_id)
    )
    return _typed([(q, v) for q, v in rows], survey)


def _typed(rows: Iterable[tuple[str, str]], survey: Survey) -> dict[str, Answer]:
    """Stored answers as typed answers, in the survey's order, each read as its question's type."""
    stored = dict(rows)
    return {q.id: answer_from_data(q.type, json.loads(stored[q.id])) for q in survey.questions() if q.id in stored}


def save_page(
    engine: Engine,
    invitation_id: int,
    version_id: int,
    questions: Sequence[str],
    answers: Mapping[str, Answer],
    reached: int,
    today: date | None = None,
) -> None:
    """Keep the answers to ``questions`` (one page; a question without an answer loses its old
    one) and that the resident reached page ``reached``. The first save starts the response, on
    survey version ``version_id``. Refused with AlreadySubmitted once the response was sent."""
    day = today or date.today()
    with engine.begin() as conn:
        _lock(conn, invitation_id)
        r = survey_responses.c
        row = conn.execute(select(r.id, r.page_reached, r.submitted).where(r.invitation_id == invitation_id)).first()
        if row is not None and row.submitted:
            raise AlreadySubmitted()
        if row is None:
            survey_id = conn.execute(
                select(survey_invitations.c.survey_id).where(survey_invitations.c.id == invitation_id)
            ).scalar_one()
            response_id = inserted_id(
                conn.execute(
                    insert(survey_responses).values(
                        survey_id=survey_id,
                        survey_version_id=version_id,
                        invitation_id=invitation_id,
                        origin=ResponseOrigin.WEB.value,
                        page_reached=reached,
                        submitted=False,
                        started_on=day,
                        updated_on=day,
                    )
                )
            )
        else:
            response_id = row.id
            conn.execute(
                update(survey_responses)
                .where(r.id == response_id)
                .values(page_reached=max(row.page_reached, reached), updated_on=day)
            )
        conn.execute(
            delete(survey_answers).where(
                survey_answers.c.response_id == response_id, survey_answers.c.question.in_(list(questions))
            )
        )
        _write_answers(conn, response_id, {q: a for q, a in answers.items() if q in questions})


def submit(engine: Engine, invitation_id: int, keep: Iterable[str], today: date | None = None) -> None:
    """Send the response: only the answers to ``keep`` (the questions that are shown) stay.
    Refused with AlreadySubmitted when it was sent before (or never started)."""
    day = today or date.today()
    kept = list(keep)
    with engine.begin() as conn:
        _lock(conn, invitation_id)
        r = survey_responses.c
        row = conn.execute(select(r.id, r.submitted).where(r.invitation_id == invitation_id)).first()
        if row is None or row.submitted:
            raise AlreadySubmitted()
        conn.execute(
            delete(survey_answers).where(survey_answers.c.response_id == row.id, survey_answers.c.question.not_in(kept))
        )
        conn.execute(
            update(survey_responses)
            .where(r.id == row.id, r.submitted.is_(False))
            .values(submitted=True, submitted_on=day, updated_on=day)
        )


def _lock(conn: Connection, invitation_id: int) -> None:
    """Queue writes for one invitation: its row is locked until the transaction ends (SQLite
    already holds its write lock: BEGIN IMMEDIATE)."""
    conn.execute(select(survey_invitations.c.id).where(survey_invitations.c.id == invitation_id).with_for_update())


def _write_answers(conn: Connection, response_id: int, answers: Mapping[str, Answer]) -> None:
    rows = [
        {"response_id": response_id, "question": q, "value": json.dumps(a.to_data(), ensure_ascii=False)}
        for q, a in answers.items()
    ]
    if rows:
        conn.execute(insert(survey_answers), rows)


# -- responses imported from LimeSurvey -----------------------------------------------------


@dataclass(frozen=True)
class ResponsesOutcome:
    rows: int
    added: int
    unchanged: int
    import_id: int | None
    dry_run: bool


def store_imported(
    engine: Engine,
    stored: StoredSurvey,
    responses: Sequence[ImportedResponse],
    provenance: Provenance,
    *,
    dry_run: bool = False,
) -> ResponsesOutcome:
    """Store every response not stored before (by its id), with its answers, in one transaction:
    all or nothing. ``dry_run`` only counts."""
    with engine.connect() as conn:
        transaction = conn.begin()
        try:
            if conn.dialect.name == "postgresql":  # queue importers of the same survey
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": -stored.id})
            known = set(
                conn.execute(
                    select(survey_responses.c.external_id).where(survey_responses.c.survey_id == stored.id)
                ).scalars()
            )
            new = [r for r in responses if r.external_id not in known]
            if dry_run or not new:
                transaction.rollback()
                return ResponsesOutcome(len(responses), len(new), len(responses) - len(new), None, dry_run)
            import_id = _log(conn, stored.plan_id, provenance, len(responses), len(new))
            for response in new:
                _insert_imported(conn, stored, response, import_id)
            transaction.commit()
        except BaseException:
            transaction.rollback()
            raise
    return ResponsesOutcome(len(responses), len(new), len(responses) - len(new), import_id, False)


def _insert_imported(conn: Connection, stored: StoredSurvey, response: ImportedResponse, import_id: int) -> None:
    response_id = inserted_id(
        conn.execute(
            insert(survey_responses).values(
                survey_id=stored.id,
                survey_version_id=stored.version_id,
                origin=ResponseOrigin.LIMESURVEY.value,
                external_id=response.external_id,
                import_id=import_id,
                page_reached=len(stored.survey.pages),
                submitted=True,
                started_on=response.started_on,
                updated_on=response.submitted_on,
                submitted_on=response.submitted_on,
            )
        )
    )
    _write_answers(conn, response_id, response.answers)


def _log(conn: Connection, plan_id: int, provenance: Provenance, rows: int, added: int) -> int:
    return inserted_id(
        conn.execute(
            insert(imports).values(
                plan_id=plan_id,
                kind=provenance.kind,
                file_name=provenance.file_name,
                file_sha256=provenance.file_sha256,
                rows=rows,
                added=added,
                unchanged=rows - added,
                imported_at=datetime.now(UTC),
                imported_by=provenance.user,
            )
        )
    )


# -- for the analysis -----------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyRecord:
    """One sent response as the analysis reads it: an anonymous respondent number, the day it
    was sent, where it came from, and per question id its typed answer (questions not answered,
    or not shown, are absent)."""

    respondent: int
    submitted_on: date
    origin: ResponseOrigin
    answers: dict[str, Answer]


def submitted_records(engine: Engine, stored: StoredSurvey) -> list[SurveyRecord]:
    """Every sent response of the survey, each answer typed by the version it was given on."""
    r, a = survey_responses.c, survey_answers.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(r.id, r.survey_version_id, r.submitted_on, r.origin)
            .where(r.survey_id == stored.id, r.submitted.is_(True))
            .order_by(r.id)
        ).all()
        given: dict[int, list[tuple[str, str]]] = {}
        for response_id, question_id, value in conn.execute(
            select(a.response_id, a.question, a.value)
            .join(survey_responses, survey_responses.c.id == a.response_id)
            .where(r.survey_id == stored.id, r.submitted.is_(True))
        ):
            given.setdefault(response_id, []).append((question_id, value))
        versions = {v: version_of(conn, v) for v in {row.survey_version_id for row in rows}}
    return [
        SurveyRecord(
            row.id,
            row.submitted_on,
            ResponseOrigin(row.origin),
            _typed(given.get(row.id, []), versions[row.survey_version_id]),
        )
        for row in rows
    ]
