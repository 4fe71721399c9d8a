# SPDX-License-Identifier: EUPL-1.2
"""The reference plans and survey, shipped inside the package.

``heemskerk-2024/plan.yaml`` (a SMART plan), ``heemskerk-2020/plan.yaml`` (the plan that could
not be evaluated) and ``heemskerk-2020/survey.yaml`` (its resident survey) are package data, so
that koers installed from a wheel, without a source tree, can still run ``koers demo`` and
``koers demo-data``. The repository's top-level ``examples`` folder is a link to this one, so
the paths in the README and the docs (``examples/heemskerk-2024/plan.yaml``) keep working.

This module imports nothing of koers, so that every layer may use it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Final


def example_path(*parts: str) -> Path:
    """The file ``parts`` (e.g. ``"heemskerk-2024", "plan.yaml"``) among the shipped examples.

    A path on disk rather than an importlib Traversable, because the readers and the CLI's
    ``--plan-file`` default take a Path. pip installs a wheel unpacked, so the package data is
    always a real folder; a zipped koers is refused here instead of failing later, less clearly.
    """
    found = resources.files(__name__).joinpath(*parts)
    if not isinstance(found, Path):
        raise RuntimeError(f"koers's examples are not files on disk ({found!r}); install koers unpacked, e.g. with pip")
    return found


#: The plan ``koers demo`` and ``koers demo-data`` load when none is given.
DEMO_PLAN: Final = example_path("heemskerk-2024", "plan.yaml")
#: The survey that belongs to the 2020 plan (Heemskerk's annex 2).
HEEMSKERK_2020_SURVEY: Final = example_path("heemskerk-2020", "survey.yaml")
