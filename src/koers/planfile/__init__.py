# SPDX-License-Identifier: EUPL-1.2
"""Plan files: read a plan from YAML or Excel with located problems, and write it back.

``load_plan`` returns the plan or every problem found; ``read_plan`` raises
``PlanFileError`` carrying those problems, for callers that cannot go on without a plan.
"""

from __future__ import annotations

from pathlib import Path

from koers.domain.plan import Plan
from koers.planfile.problems import PlanFileError
from koers.planfile.validation import LoadResult
from koers.planfile.yamlfile import load_yaml_plan, plan_to_yaml
from koers.problems import Location, Problem

YAML_SUFFIXES = (".yaml", ".yml")
EXCEL_SUFFIXES = (".xlsx",)

__all__ = ["LoadResult", "Location", "PlanFileError", "Problem", "load_plan", "read_plan", "write_plan"]


def load_plan(path: str | Path) -> LoadResult:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in YAML_SUFFIXES + EXCEL_SUFFIXES:
        return LoadResult(None, [Problem("unsupported-format", "-", Location(str(path)))])
    if not path.is_file():
        return LoadResult(None, [Problem("file-not-found", "-", Location(str(path)))])
    if suffix in EXCEL_SUFFIXES:
        from koers.planfile.excel import load_excel_plan

        return load_excel_plan(path)
    return load_yaml_plan(path)


def read_plan(path: str | Path) -> Plan:
    result = load_plan(path)
    if result.plan is None:
        raise PlanFileError(result.problems)
    return result.plan


def write_plan(plan: Plan, path: str | Path) -> None:
    """Write ``plan`` as YAML or as an Excel workbook, chosen by the file's suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        from koers.planfile.excel import write_excel_plan

        write_excel_plan(plan, path)
    elif suffix in YAML_SUFFIXES:
        path.write_text(plan_to_yaml(plan), encoding="utf-8")
    else:
        raise ValueError(f"cannot write a plan as '{suffix}': use .yaml or .xlsx")
