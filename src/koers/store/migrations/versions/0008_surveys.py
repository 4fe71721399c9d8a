# SPDX-License-Identifier: EUPL-1.2
"""Resident surveys: the surveys and their versions, invitation codes (only their hash), the
responses (one per invitation or imported LimeSurvey response) and their answers
(``koers survey load``, ``koers survey invite``, ``koers survey import``, the form at /enquete).

A response keeps dates, never times, and nothing about the resident's computer or connection.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "surveys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "survey_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("survey_id", sa.Integer, sa.ForeignKey("surveys.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("loaded_by", sa.String(200)),
        sa.UniqueConstraint("survey_id", "version", name="uq_survey_versions_survey_version"),
    )
    op.create_table(
        "survey_invitations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("survey_id", sa.Integer, sa.ForeignKey("surveys.id"), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_on", sa.Date, nullable=False),
    )
    op.create_table(
        "survey_responses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("survey_id", sa.Integer, sa.ForeignKey("surveys.id"), nullable=False),
        sa.Column("survey_version_id", sa.Integer, sa.ForeignKey("survey_versions.id"), nullable=False),
        sa.Column("invitation_id", sa.Integer, sa.ForeignKey("survey_invitations.id"), unique=True),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("external_id", sa.String(100)),
        sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id")),
        sa.Column("page_reached", sa.Integer, nullable=False),
        sa.Column("submitted", sa.Boolean, nullable=False),
        sa.Column("started_on", sa.Date, nullable=False),
        sa.Column("updated_on", sa.Date, nullable=False),
        sa.Column("submitted_on", sa.Date),
        sa.UniqueConstraint("survey_id", "external_id", name="uq_survey_responses_survey_external"),
        sa.CheckConstraint("submitted = (submitted_on IS NOT NULL)", name="ck_survey_responses_submitted_on"),
    )
    op.create_table(
        "survey_answers",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("response_id", sa.Integer, sa.ForeignKey("survey_responses.id"), nullable=False),
        sa.Column("question", sa.String(100), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.UniqueConstraint("response_id", "question", name="uq_survey_answers_response_question"),
    )


def downgrade() -> None:
    for table in ("survey_answers", "survey_responses", "survey_invitations", "survey_versions", "surveys"):
        op.drop_table(table)
