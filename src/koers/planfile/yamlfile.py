# SPDX-License-Identifier: EUPL-1.2
"""Read and write plan files in YAML.

ruamel.yaml keeps the line of every key and list item, so a problem deep in the file
("goals[VW-01].target.period") can name its line. Writing produces the same structure in a
stable order; comments of a hand-written file are not carried into an export.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from koers.domain.plan import Plan
from koers.planfile.validation import LoadResult, Loc, validate_raw
from koers.problems import Location, Problem


def load_yaml_plan(path: Path) -> LoadResult:
    raw, problem = read_yaml(path)
    if problem is not None:
        return LoadResult(None, [problem])
    file = str(path)
    return validate_raw(raw, file, lambda loc: Location(file, line=line_of(raw, loc)), lambda loc: path_of(raw, loc))


def read_yaml(path: Path) -> tuple[Any, Problem | None]:
    """The YAML in ``path`` with the line of every key kept, or the problem that stops it being
    read (not UTF-8, not YAML), located; for every YAML file koers reads (plans, surveys)."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        first_bad = path.read_bytes()[: err.start].count(b"\n") + 1
        return None, Problem("not-utf8", "-", Location(file, line=first_bad))
    try:
        return YAML(typ="rt").load(text), None
    except ValueError as err:  # ruamel builds dates itself and refuses 2025-02-30
        line = _line_of_value_error(text, err)
        return None, Problem("yaml-syntax", "-", Location(file, line=line), {"detail": str(err)})
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        detail = (err.problem or err.context or "").strip()
        return None, Problem("yaml-syntax", "-", Location(file, line=line), {"detail": detail})


def _line_of_value_error(text: str, err: ValueError) -> int | None:
    """ruamel gives no position for an impossible date; find the first such date in the text."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", line):
            try:
                date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return number
    return None


def line_of(root: Any, loc: Loc) -> int | None:
    """The 1-based line of the deepest part of ``loc`` that exists in the file."""
    node, line = root, _own_line(root)
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break
    return line


def path_of(root: Any, loc: Loc) -> str:
    """A readable path: list items are named by their id where they have one.

    ``("goals", 3, "target", "period")`` reads ``goals[VW-04].target.period``; an item
    without an id is numbered from 1 as people count: ``principles[2].name``.
    """
    text, node = "", root
    for part in loc:
        if isinstance(part, int) and not isinstance(node, Mapping):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            ident = item.get("id") if isinstance(item, Mapping) else None
            text += f"[{ident}]" if ident is not None else f"[{part + 1}]"
            node = item
        else:
            text += f".{part}" if text else str(part)  # a mapping key, also a year such as 2024
            node = node.get(part) if isinstance(node, Mapping) else None
    return text or "-"


def _own_line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None and lc.line is not None else None


def plan_to_yaml(plan: Plan) -> str:
    """The plan as YAML, leaving out what equals the default, so the file stays readable."""
    data = plan_to_data(plan)
    for goal in data.get("goals", []):
        for key in ("target", "targets"):  # a target that is only words reads best as words
            if key in goal:
                goal[key] = _words(goal[key]) if key == "target" else [_words(t) for t in goal[key]]
    for indicator in data.get("bbv_indicators", []):
        if "target" in indicator:
            indicator["target"] = _words(indicator["target"])
    yaml = YAML()
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def plan_to_data(plan: Plan) -> dict[str, Any]:
    data = plan.model_dump(mode="python", exclude_defaults=True)
    data = {"format": plan.format, **data}
    for goal, written in zip(plan.goals, data.get("goals", []), strict=True):
        if goal.target is not None:  # the plan's words, not the parts koers read from them
            written["target"] = goal.target.compact()
        if goal.targets:
            written["targets"] = [t.compact() for t in goal.targets]
    for indicator, written in zip(plan.bbv_indicators, data.get("bbv_indicators", []), strict=True):
        if indicator.target is not None:
            written["target"] = indicator.target.compact()
    tidy: dict[str, Any] = _tidy(data)
    return tidy


def _words(target: dict[str, Any]) -> Any:
    return target["phrase"] if set(target) == {"phrase"} else target


def _tidy(value: Any) -> Any:
    """Plain values only: enums as their text, whole floats as ints (5940, not 5940.0).

    Empty groups that are defaults are already left out by ``exclude_defaults``; an empty
    group that is not a default (a key-figure row without values) must stay, or the file
    would not read back.
    """
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
