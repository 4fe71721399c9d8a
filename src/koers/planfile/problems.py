# SPDX-License-Identifier: EUPL-1.2
"""The error a caller gets for a plan file that cannot be read, with every problem in it.

Problems themselves (code, place, message) live in :mod:`koers.problems`, since the importer,
the store and the web speak of them too; the plan reader's catalogue is
:mod:`koers.planfile.messages`.
"""

from __future__ import annotations

import koers.planfile.messages  # noqa: F401 - registers the plan reader's catalogue
from koers.problems import Problem


class PlanFileError(Exception):
    """A plan file that cannot be read; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in plan file")
        self.problems = problems
