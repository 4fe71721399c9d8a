# SPDX-License-Identifier: EUPL-1.2
"""Reports to the council: charts, explanations and documents."""
