# SPDX-License-Identifier: EUPL-1.2
"""Importers: measurements from CSV and Excel files, checked completely before anything is stored."""
