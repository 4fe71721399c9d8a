# SPDX-License-Identifier: EUPL-1.2
"""Figures that are not there: ``measurements.value`` may be empty, and ``unavailable`` says
why (n.b., n.n.b. or n.a.; the reason is the row's note).

Existing rows keep their values and get no code. The database itself holds to the rule
"no value exactly when there is a code" (a CHECK constraint). On SQLite the table is copied
(Alembic's batch mode), rows, keys, the unique constraint and the index included.

Downgrading refuses while any figure that is not there is stored: the old schema has no place
for it, and dropping such rows silently would lose them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CHECK = "ck_measurements_value_or_unavailable"
RULE = "(value IS NULL) = (unavailable IS NOT NULL)"


def upgrade() -> None:
    with op.batch_alter_table("measurements") as batch:
        batch.add_column(sa.Column("unavailable", sa.String(10)))
        batch.alter_column("value", existing_type=sa.Float, nullable=True)
        batch.create_check_constraint(CHECK, RULE)


def downgrade() -> None:
    unavailable = op.get_bind().execute(sa.text("SELECT count(*) FROM measurements WHERE unavailable IS NOT NULL"))
    if unavailable.scalar_one():
        raise RuntimeError(
            "measurements holds figures that are not there (n.b., n.n.b., n.a.); "
            "revision 0004 has no place for them: export them first, and remove them deliberately"
        )
    with op.batch_alter_table("measurements") as batch:
        batch.drop_constraint(CHECK, type_="check")
        batch.drop_column("unavailable")
        batch.alter_column("value", existing_type=sa.Float, nullable=False)
