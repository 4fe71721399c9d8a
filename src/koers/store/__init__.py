# SPDX-License-Identifier: EUPL-1.2
"""Storage: plans and measurements in SQLite (embedded default) or PostgreSQL.

Built on SQLAlchemy Core: the tables are plain and the hot path (bulk imports) talks to the
driver directly. The schema is created and migrated only by Alembic (``koers db upgrade``).
"""
