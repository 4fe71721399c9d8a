# SPDX-License-Identifier: EUPL-1.2
"""The tables. Nothing is ever updated in place: plans and measurements gain versions.

* ``plans``: one row per plan (a municipality's plan, identified by its key);
* ``plan_versions``: every loaded version of a plan, the full plan as JSON, so that an old
  report can be reproduced from the plan as it was;
* ``imports``: every import or derivation that added measurements, with the file's hash;
* ``status_overrides``: statuses set by hand, each with its written justification; lifting
  one is a row too, so the record of who judged what stays complete;
* ``explanations``: the story behind the numbers per goal per reporting period (Markdown),
  every rewrite kept; the latest one counts;
* ``measurements``: every version of every measured point (subject, period, area), with its
  provenance. The current value is chosen by a rule (latest final, else latest provisional),
  never by overwriting. A figure that is not there has no value, a code (``unavailable``)
  and its reason in ``note``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    CursorResult,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("municipality_code", String(10), nullable=False),
    Column("municipality_name", String(200), nullable=False),
    Column("title", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

plan_versions = Table(
    "plan_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("content", Text, nullable=False),
    Column("source", Text),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("loaded_by", String(200)),
    UniqueConstraint("plan_id", "version", name="uq_plan_versions_plan_version"),
)

imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("file_name", Text),
    Column("file_sha256", String(64)),
    Column("rows", Integer, nullable=False),
    Column("added", Integer, nullable=False),
    Column("unchanged", Integer, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("imported_by", String(200)),
)

measurements = Table(
    "measurements",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("subject", String(100), nullable=False),
    Column("subject_kind", String(10), nullable=False),
    Column("period", String(20), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("area", String(100), nullable=False),
    Column("version", Integer, nullable=False),
    Column("value", Float),  # None exactly when ``unavailable`` is set (migration 0005)
    Column("unavailable", String(10)),  # n.b., n.n.b. or n.a.: why there is no value (the reason: note)
    Column("unit", String(200), nullable=False),
    Column("status", String(12), nullable=False),
    Column("numerator", Float),
    Column("denominator", Float),
    Column("sample_size", Integer),
    Column("ci_low", Float),
    Column("ci_high", Float),
    Column("source", Text),
    Column("source_ref", Text),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("recorded_by", String(200)),
    Column("note", Text),
    Column("derivation", Text),
    Column("import_id", Integer, ForeignKey("imports.id")),
    UniqueConstraint("plan_id", "subject", "period", "area", "version", name="uq_measurements_point_version"),
    CheckConstraint("(value IS NULL) = (unavailable IS NOT NULL)", name="ck_measurements_value_or_unavailable"),
)

status_overrides = Table(
    "status_overrides",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("goal", String(100), nullable=False),
    Column("status", String(30)),  # None: the override is lifted from here on
    Column("justification", Text, nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
    Column("set_by", String(200)),
    Column("effective_from", Date, nullable=False),
)

explanations = Table(
    "explanations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("goal", String(100), nullable=False),
    Column("period", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("author", String(200)),
    Column("written_at", DateTime(timezone=True), nullable=False),
)

# ``boundaries``: the boundary of each area of a plan that has one (a wijk, a buurt, the
# municipality), for the maps: its GeoJSON geometry, rounded and wound to draw, whether its
# coordinates are metres (RD New) or degrees, and the file it came from. A new file replaces the
# plan's boundaries as a whole (koers.store.boundaries); the file's hash says which one it was.
boundaries = Table(
    "boundaries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("area", String(100), nullable=False),
    Column("name", String(200), nullable=False),
    Column("level", String(20), nullable=False),
    Column("geometry", Text, nullable=False),
    Column("planar", Boolean, nullable=False),
    Column("source", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("loaded_by", String(200)),
    UniqueConstraint("plan_id", "area", name="uq_boundaries_plan_area"),
)

Index("ix_measurements_plan_subject_end", measurements.c.plan_id, measurements.c.subject, measurements.c.period_end)

# -- the editor: accounts, sessions, the audit log, the status of reporting periods -------
# ``users``: who may log in to the editor (/beheer), with a role and, for an editor, the
# challenges it is limited to (comma-separated ids; empty: all); the password only as an
# argon2 hash. ``sessions``: one row per login, keyed by the SHA-256 of the cookie's token
# (never the token), with its CSRF token. ``login_attempts``: failed logins, for the rate
# limit. ``audit_log``: who changed what, when, from what to what; append-only (migration
# 0004 adds a trigger that refuses UPDATE and DELETE). ``report_periods``: a reporting
# period's status (concept or vastgesteld); every change is a row, the latest counts.

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    # 20 since migration 0009 ('participation'); SQLite, which does not hold a VARCHAR to its
    # length, keeps the 10 it was made with (rebuilding the table is not worth the risk)
    Column("role", String(20).with_variant(String(10), "sqlite"), nullable=False),
    Column("challenges", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("active", Boolean, nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("csrf_token", String(64), nullable=False),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), nullable=False),
    Column("address", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id")),  # None: done on the command line
    Column("action", String(50), nullable=False),
    Column("target", Text),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("details", Text),
)

report_periods = Table(
    "report_periods",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("period", String(20), nullable=False),
    Column("status", String(12), nullable=False),
    Column("set_by", String(200)),
    Column("set_at", DateTime(timezone=True), nullable=False),
)


# ``amounts``: money per challenge per year (migration 0007): the begroting, the gewijzigde
# begroting and the realisatie (``kind``, koers.domain.money.AmountKind), in euro. Versions like
# measurements: an import that changes an amount adds its next version, the latest counts.
amounts = Table(
    "amounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("challenge", String(100), nullable=False),
    Column("year", Integer, nullable=False),
    Column("kind", String(30), nullable=False),
    Column("version", Integer, nullable=False),
    Column("amount", Float, nullable=False),
    Column("source", Text),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("imported_by", String(200)),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    UniqueConstraint("plan_id", "challenge", "year", "kind", "version", name="uq_amounts_point_version"),
)


# -- resident surveys (migration 0008, koers.store.surveys and koers.store.survey_responses) --
# ``surveys``: one row per survey (its file's id), for the plan it measures; ``survey_versions``:
# every loaded version, the whole survey as JSON, so that an answer is always read with the
# questions it answered. ``survey_invitations``: one row per invitation code, only the code's
# SHA-256 (the codes themselves are written once, to the file koers survey invite makes).
# ``survey_responses``: one per invitation (or per imported LimeSurvey response): the page the
# resident reached, whether it was sent, and dates (days, never times). Nothing about the
# resident's computer or connection (no IP address, no browser) is kept anywhere.
# ``survey_answers``: one row per question answered, the typed answer as JSON.
surveys = Table(
    "surveys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

survey_versions = Table(
    "survey_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("survey_id", Integer, ForeignKey("surveys.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("content", Text, nullable=False),
    Column("source", Text),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("loaded_by", String(200)),
    UniqueConstraint("survey_id", "version", name="uq_survey_versions_survey_version"),
)

survey_invitations = Table(
    "survey_invitations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("survey_id", Integer, ForeignKey("surveys.id"), nullable=False),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("created_on", Date, nullable=False),
)

survey_responses = Table(
    "survey_responses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("survey_id", Integer, ForeignKey("surveys.id"), nullable=False),
    Column("survey_version_id", Integer, ForeignKey("survey_versions.id"), nullable=False),
    Column("invitation_id", Integer, ForeignKey("survey_invitations.id"), unique=True),
    Column("origin", String(20), nullable=False),
    Column("external_id", String(100)),
    Column("import_id", Integer, ForeignKey("imports.id")),
    Column("page_reached", Integer, nullable=False),
    Column("submitted", Boolean, nullable=False),
    Column("started_on", Date, nullable=False),
    Column("updated_on", Date, nullable=False),
    Column("submitted_on", Date),
    UniqueConstraint("survey_id", "external_id", name="uq_survey_responses_survey_external"),
    CheckConstraint("submitted = (submitted_on IS NOT NULL)", name="ck_survey_responses_submitted_on"),
)

survey_answers = Table(
    "survey_answers",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("response_id", Integer, ForeignKey("survey_responses.id"), nullable=False),
    Column("question", String(100), nullable=False),
    Column("value", Text, nullable=False),
    UniqueConstraint("response_id", "question", name="uq_survey_answers_response_question"),
)


# -- the advice register (migration 0009) ------------------------------------------------------
# ``advice``: every version of an advice of the participation council (koers.domain.advice),
# keyed by its id (``key``) per plan; an edit adds the next version, the latest counts. Its
# goals and challenges are comma-separated ids. ``advice_items``: the points and survey themes
# of one version, numbered from 1. ``advice_responses``: the municipality's response to an item
# (``advice_key``, ``item``), apart from the advice: a new response is a row, the latest counts.
advice = Table(
    "advice",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("key", String(100), nullable=False),
    Column("version", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("date", Date, nullable=False),
    Column("subject", Text, nullable=False),
    Column("document", Text),
    Column("goals", Text, nullable=False),
    Column("challenges", Text, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("saved_by", String(200)),
    Column("source", Text),
    UniqueConstraint("plan_id", "key", "version", name="uq_advice_key_version"),
)

advice_items = Table(
    "advice_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("advice_id", Integer, ForeignKey("advice.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("goals", Text, nullable=False),
    Column("challenges", Text, nullable=False),
    UniqueConstraint("advice_id", "number", name="uq_advice_items_number"),
)

advice_responses = Table(
    "advice_responses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("advice_key", String(100), nullable=False),
    Column("item", Integer, nullable=False),
    Column("verdict", String(20), nullable=False),
    Column("reason", Text),
    Column("date", Date, nullable=False),
    Column("actions", Text, nullable=False),
    Column("follow_up", Text),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("saved_by", String(200)),
    Column("source", Text),
)

Index(
    "ix_advice_responses_plan_key_item",
    advice_responses.c.plan_id,
    advice_responses.c.advice_key,
    advice_responses.c.item,
)


def inserted_id(result: CursorResult[Any]) -> int:
    """The key a one-row INSERT gave its row (SQLAlchemy types it as possibly absent)."""
    key = result.inserted_primary_key
    assert key is not None, "not a one-row INSERT"
    return int(key[0])


Index("ix_login_attempts_username_at", login_attempts.c.username, login_attempts.c.at)
Index("ix_login_attempts_address_at", login_attempts.c.address, login_attempts.c.at)
Index("ix_report_periods_plan_period", report_periods.c.plan_id, report_periods.c.period)
