# SPDX-License-Identifier: EUPL-1.2
"""Alembic's entry point: migrate the engine that koers hands over (see koers.store.migrate)."""

from __future__ import annotations

from alembic import context

from koers.store.tables import metadata

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
