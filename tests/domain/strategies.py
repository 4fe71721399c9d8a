# SPDX-License-Identifier: EUPL-1.2
"""Hypothesis strategies shared by the domain's property tests."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from koers.domain.periods import Period


def periods(first_year: int, last_year: int) -> st.SearchStrategy[Period]:
    """Random valid periods of every kind between two years."""
    years = st.integers(min_value=first_year, max_value=last_year)
    return st.one_of(
        years.map(Period.year),
        st.builds(Period.half_year, years, st.integers(1, 2)),
        st.builds(Period.quarter, years, st.integers(1, 4)),
        st.builds(Period.month, years, st.integers(1, 12)),
        years.map(Period.school_year),
        st.dates(min_value=date(first_year, 1, 1), max_value=date(last_year, 12, 31)).map(Period.on),
    )
