# SPDX-License-Identifier: EUPL-1.2
"""CBS StatLine: a client for its OData services, its tables' structure, and their figures.

* :mod:`~koers.importers.cbs.client`: :class:`StatLineClient`, HTTP with retries, a cache,
  offline mode and paging;
* :mod:`~koers.importers.cbs.statline`: measures, dimensions, categories, table descriptions,
  and finding a table by its title;
* :mod:`~koers.importers.cbs.observations`: :class:`Observation`, one tidy record per figure,
  from v3 (typed and untyped) and v4 answers alike;
* :mod:`~koers.importers.cbs.tidy`: those records as a CSV file;
* :mod:`~koers.importers.cbs.errors`: :class:`CbsError`, what went wrong and what to do.
"""

from __future__ import annotations

from koers.importers.cbs.client import StatLineClient
from koers.importers.cbs.errors import CbsError
from koers.importers.cbs.observations import Observation, ObservationReader
from koers.importers.cbs.statline import TableStructure, find_tables, load_structure

__all__ = [
    "CbsError",
    "Observation",
    "ObservationReader",
    "StatLineClient",
    "TableStructure",
    "find_tables",
    "load_structure",
]
