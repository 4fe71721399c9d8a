# SPDX-License-Identifier: EUPL-1.2
"""The advice register: advice of the participation council and resident input, with the
municipality's response per point (``koers advice import``, the editor's /beheer/adviezen).

An advice gains versions when it is edited (the latest counts; the old ones stay), its points
and survey themes are stored per version, and a response is a row of its own, so rewriting it
keeps what was answered before. The role column of ``users`` is widened for the role
``participation`` on PostgreSQL. SQLite does not hold a VARCHAR to its length, and changing a
column there means rebuilding ``users``, which every session and audit row points at; so there
it stays as it was (koers.store.tables says so with a variant).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "advice",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("document", sa.Text),
        sa.Column("goals", sa.Text, nullable=False),
        sa.Column("challenges", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saved_by", sa.String(200)),
        sa.Column("source", sa.Text),
        sa.UniqueConstraint("plan_id", "key", "version", name="uq_advice_key_version"),
    )
    op.create_table(
        "advice_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("advice_id", sa.Integer, sa.ForeignKey("advice.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("goals", sa.Text, nullable=False),
        sa.Column("challenges", sa.Text, nullable=False),
        sa.UniqueConstraint("advice_id", "number", name="uq_advice_items_number"),
    )
    op.create_table(
        "advice_responses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
        sa.Column("advice_key", sa.String(100), nullable=False),
        sa.Column("item", sa.Integer, nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("actions", sa.Text, nullable=False),
        sa.Column("follow_up", sa.Text),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saved_by", sa.String(200)),
        sa.Column("source", sa.Text),
    )
    op.create_index("ix_advice_responses_plan_key_item", "advice_responses", ["plan_id", "advice_key", "item"])
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("users", "role", type_=sa.String(20), existing_type=sa.String(10), existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("users", "role", type_=sa.String(10), existing_type=sa.String(20), existing_nullable=False)
    op.drop_index("ix_advice_responses_plan_key_item", table_name="advice_responses")
    for table in ("advice_responses", "advice_items", "advice"):
        op.drop_table(table)
