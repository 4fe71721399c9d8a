# SPDX-License-Identifier: EUPL-1.2
"""Money per challenge: the begroting, the gewijzigde begroting and the realisatie per year
(``koers money import``).

Amounts gain versions like measurements: an import that changes an amount adds its next
version, the older ones stay, and the latest counts. A budget is amended during the year and a
realisatie is corrected after the accountant's check; the council may ask what the figure was
when it decided.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "amounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
        sa.Column("challenge", sa.String(100), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("amount", sa.Float, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(200)),
        sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id"), nullable=False),
        sa.UniqueConstraint("plan_id", "challenge", "year", "kind", "version", name="uq_amounts_point_version"),
    )


def downgrade() -> None:
    op.drop_table("amounts")
