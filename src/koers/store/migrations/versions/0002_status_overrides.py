# SPDX-License-Identifier: EUPL-1.2
"""Statuses set by hand, with their justification.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "status_overrides",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
        sa.Column("goal", sa.String(100), nullable=False),
        sa.Column("status", sa.String(30)),
        sa.Column("justification", sa.Text, nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by", sa.String(200)),
        sa.Column("effective_from", sa.Date, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("status_overrides")
