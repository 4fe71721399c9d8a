# SPDX-License-Identifier: EUPL-1.2
"""Surveys in the database: every load that changes a survey adds a version, none is lost.

A survey belongs to a stored plan (the key its file names) and is identified by its file's
``id``. Loading the same content again adds nothing; a changed file becomes the next version.
A response keeps the version it was answered on (koers.store.survey_responses), so an answer is
always read with the question it answered, even after the file changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import Connection, Engine, Select, func, insert, select
from sqlalchemy.exc import IntegrityError

from koers.domain.survey import Survey
from koers.planfile.surveyfile import survey_content
from koers.store.tables import inserted_id, plans, survey_invitations, survey_responses, survey_versions, surveys


@dataclass(frozen=True)
class StoredSurvey:
    id: int
    key: str
    plan_id: int
    version: int
    version_id: int
    survey: Survey


@dataclass(frozen=True)
class SurveyOutcome:
    survey_id: int
    key: str
    version: int
    changed: bool


@dataclass(frozen=True)
class SurveySummary:
    """A survey as ``koers survey list`` shows it."""

    key: str
    title: str
    plan: str
    version: int
    questions: int
    invitations: int
    started: int
    submitted: int


class SurveyNotFound(LookupError):
    """No survey in the database with that key, or several and none chosen."""

    def __init__(self, message: str, keys: list[str]) -> None:
        super().__init__(message)
        self.keys = keys


class SurveyChanged(RuntimeError):
    """Another load stored the same version number at the same time: load again."""


def save_survey(engine: Engine, survey: Survey, plan_id: int, *, source: str | None, user: str | None) -> SurveyOutcome:
    """Store ``survey`` for the plan ``plan_id``: a new version when its content changed."""
    content = survey_content(survey)
    digest = hashlib.sha256(content.encode()).hexdigest()
    now = datetime.now(UTC)
    try:
        with engine.begin() as conn:
            survey_id = conn.execute(select(surveys.c.id).where(surveys.c.key == survey.id)).scalar()
            if survey_id is None:
                row = {"key": survey.id, "plan_id": plan_id, "title": survey.title, "created_at": now}
                survey_id = inserted_id(conn.execute(insert(surveys).values(**row)))
            latest = conn.execute(
                select(survey_versions.c.version, survey_versions.c.content_hash)
                .where(survey_versions.c.survey_id == survey_id)
                .order_by(survey_versions.c.version.desc())
                .limit(1)
            ).first()
            if latest is not None and latest.content_hash == digest:
                return SurveyOutcome(survey_id, survey.id, latest.version, changed=False)
            version = (latest.version if latest is not None else 0) + 1
            conn.execute(
                insert(survey_versions).values(
                    survey_id=survey_id,
                    version=version,
                    content_hash=digest,
                    content=content,
                    source=source,
                    loaded_at=now,
                    loaded_by=user,
                )
            )
            conn.execute(surveys.update().where(surveys.c.id == survey_id).values(title=survey.title))
    except IntegrityError as err:
        raise SurveyChanged(f"{survey.id}: another version was stored at the same time") from err
    return SurveyOutcome(survey_id, survey.id, version, changed=True)


def survey_keys(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(surveys.c.key).order_by(surveys.c.key)).scalars())


def load_stored_survey(engine: Engine, key: str | None = None) -> StoredSurvey:
    """The latest version of the survey ``key`` (or of the only survey)."""
    with engine.connect() as conn:
        rows = conn.execute(select(surveys.c.id, surveys.c.key, surveys.c.plan_id).order_by(surveys.c.key)).all()
        keys = [r.key for r in rows]
        if key is not None:
            rows = [r for r in rows if r.key == key]
            if not rows:
                raise SurveyNotFound(f"no survey '{key}'", keys)
        elif len(rows) != 1:
            raise SurveyNotFound("no survey loaded" if not rows else "several surveys: choose one", keys)
        chosen = rows[0]
    return latest_version(engine, chosen.id)


def latest_version(engine: Engine, survey_id: int) -> StoredSurvey:
    """The survey ``survey_id`` as its latest version has it (what a new response answers)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(surveys.c.key, surveys.c.plan_id, survey_versions.c.id, survey_versions.c.version)
            .join(survey_versions, survey_versions.c.survey_id == surveys.c.id)
            .where(surveys.c.id == survey_id)
            .order_by(survey_versions.c.version.desc())
            .limit(1)
        ).one()
        survey = version_of(conn, row.id)
    return StoredSurvey(survey_id, row.key, row.plan_id, row.version, row.id, survey)


def version_of(conn: Connection, version_id: int) -> Survey:
    """The survey as it was in the version ``version_id`` (each read once: versions never change)."""
    content = conn.execute(select(survey_versions.c.content).where(survey_versions.c.id == version_id)).scalar_one()
    return _parsed(content)


@cache
def _parsed(content: str) -> Survey:
    return Survey.model_validate(json.loads(content))


def list_surveys(engine: Engine) -> list[SurveySummary]:
    """Every survey with its latest version and how far its invitations got."""
    found = []
    for key in survey_keys(engine):
        stored = load_stored_survey(engine, key)
        with engine.connect() as conn:
            plan = conn.execute(select(plans.c.key).where(plans.c.id == stored.plan_id)).scalar_one()
            invited = _count(conn, select(survey_invitations.c.id).where(survey_invitations.c.survey_id == stored.id))
            responses = select(survey_responses.c.id).where(survey_responses.c.survey_id == stored.id)
            started = _count(conn, responses)
            submitted = _count(conn, responses.where(survey_responses.c.submitted.is_(True)))
        questions = sum(1 for _ in stored.survey.questions())
        found.append(
            SurveySummary(key, stored.survey.title, plan, stored.version, questions, invited, started, submitted)
        )
    return found


def _count(conn: Connection, query: Select[tuple[int]]) -> int:
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())
