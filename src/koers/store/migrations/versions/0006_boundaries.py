# SPDX-License-Identifier: EUPL-1.2
"""Wijk and buurt boundaries for the maps: one row per area of a plan, replaced as a whole
when a new boundary file is loaded (``koers geo load``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "boundaries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
        sa.Column("area", sa.String(100), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("geometry", sa.Text, nullable=False),
        sa.Column("planar", sa.Boolean, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("loaded_by", sa.String(200)),
        sa.UniqueConstraint("plan_id", "area", name="uq_boundaries_plan_area"),
    )


def downgrade() -> None:
    op.drop_table("boundaries")
