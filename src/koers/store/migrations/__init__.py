# SPDX-License-Identifier: EUPL-1.2
"""Alembic migrations of the koers schema, one file per revision under ``versions/``."""
