# SPDX-License-Identifier: EUPL-1.2
"""Turn raw plan data (from YAML or Excel) into a Plan, or into a list of located problems.

The reader of each file format supplies a locator that maps a path in the data, such as
``("goals", 3, "target", "period")``, to a place in its file. Everything else, the
translation of pydantic's errors into koers's codes and the reference checks, is shared.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from koers.domain.budgets import BudgetTable
from koers.domain.keyfigures import KeyFigureTable
from koers.domain.money import PlanMoney, stated_total_findings
from koers.domain.plan import Challenge, Plan
from koers.domain.wording import Wording
from koers.i18n import N_
from koers.planfile.references import reference_problems
from koers.problems import Location, Problem

Loc = tuple[str | int, ...]
Locator = Callable[[Loc], Location]


@dataclass
class LoadResult:
    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    #: Where a path in the plan's data is in the file, once it was read ('goals', 3, 'target'):
    #: for findings about a plan that was read (koers lint names the line of a goal's target).
    locate: Locator | None = None

    @property
    def ok(self) -> bool:
        return self.plan is not None and not self.problems


_TYPE_CODES = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-field",
    "enum": "invalid-choice",
    "literal_error": "invalid-choice",
}
_EXPECTED = {
    "string_type": N_("tekst"),
    "int_type": N_("heel getal"),
    "int_parsing": N_("heel getal"),
    "int_from_float": N_("heel getal"),
    "float_type": N_("getal"),
    "float_parsing": N_("getal"),
    "list_type": N_("lijst (regels die beginnen met '-')"),
    "dict_type": N_("groep velden"),
    "model_type": N_("groep velden"),
    "model_attributes_type": N_("groep velden"),
    "bool_type": N_("ja/nee-waarde"),
    "bool_parsing": N_("ja/nee-waarde"),
}


def validate_raw(raw: Any, file: str, locate: Locator, path_of: Callable[[Loc], str]) -> LoadResult:
    """Validate ``raw`` completely and return the plan, or every problem found."""
    if not isinstance(raw, Mapping):
        return LoadResult(None, [Problem("not-a-mapping", "-", locate(()))])
    problems: list[Problem] = []
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(raw)
    except ValidationError as err:
        problems += model_problems(err, locate, path_of)
    for loc, code, context in reference_problems(raw) + total_problems(raw):
        problems.append(Problem(code, path_of(loc), locate(loc), context))
    problems.sort(key=_order)
    return LoadResult(None if problems else plan, problems, locate)


def model_problems(err: ValidationError, locate: Locator, path_of: Callable[[Loc], str]) -> list[Problem]:
    """pydantic's errors as koers's problems, each located and in koers's codes: one translation
    for every file whose model is checked here (plans, surveys)."""
    return [_problem(e, locate, path_of) for e in err.errors(include_url=False)]


def total_problems(raw: Mapping[str, Any]) -> list[tuple[Loc, str, dict[str, Any]]]:
    """Totals that do not add up, checked per table so that they show up together with every
    other problem of the file (a table that is itself malformed is reported by the model)."""
    found: list[tuple[Loc, str, dict[str, Any]]] = []
    tables = raw.get("key_figures")
    for index, table in enumerate(tables if isinstance(tables, list) else []):
        with suppress(ValidationError):
            parsed = KeyFigureTable.model_validate(table)
            found += [(("key_figures", index, *loc), code, ctx) for loc, code, ctx in parsed.disagreements()]
    with suppress(ValidationError):
        if raw.get("budget_table") is not None:
            budget = BudgetTable.model_validate(raw["budget_table"])
            found += [(("budget_table", *loc), code, ctx) for loc, code, ctx in budget.disagreements()]
    found += _challenge_total_problems(raw)
    return found


def _challenge_total_problems(raw: Mapping[str, Any]) -> list[tuple[Loc, str, dict[str, Any]]]:
    """The total the plan states against its challenges' budgets (a malformed part is the model's)."""
    if raw.get("money") is None:
        return []
    try:
        money = PlanMoney.model_validate(raw["money"])
        challenges = raw.get("challenges") or []
        budgets = [Challenge.model_validate(c).budget for c in challenges if isinstance(c, Mapping)]
    except ValidationError:
        return []
    return stated_total_findings(budgets, money)


def _problem(error: Any, locate: Locator, path_of: Callable[[Loc], str]) -> Problem:
    loc: Loc = tuple(part for part in error["loc"] if not _is_internal(part))
    kind: str = error["type"]
    value = error.get("input")
    context: dict[str, Any] = dict(error.get("ctx") or {})
    context.setdefault("value", _short(value))
    context.setdefault("detail", error.get("msg", ""))
    name = str(loc[-1]) if loc else "-"
    context["name"] = name
    if kind in _TYPE_CODES:
        code = _TYPE_CODES[kind]
        if code == "invalid-choice":
            context["expected"] = _choices(context.get("expected"))
    elif kind in _EXPECTED:
        code = "empty-field" if value is None else "wrong-type"
        context["expected"] = Wording(_EXPECTED[kind])
    elif kind == "string_pattern_mismatch" and name == "cbs_code":
        code = "invalid-cbs-code"
        context.update(code=context["value"], level="municipality")
    elif kind == "string_pattern_mismatch" and name == "id":
        code = "invalid-id"
    elif "-" in kind:  # koers's own codes raised by domain validators
        code = kind
    else:
        code = "invalid-value"
        context["detail"] = _limit_detail(kind, context)
    if "level" in context:
        level = str(context["level"])
        context["level"] = Wording(_LEVELS[level]) if level in _LEVELS else level
    return Problem(code, path_of(loc), locate(loc), context)


_LEVELS = {
    "municipality": N_("gemeente"),
    "gemeente": N_("gemeente"),
    "wijk": N_("wijk"),
    "buurt": N_("buurt"),
    "region": N_("regio"),
}


def _limit_detail(kind: str, context: dict[str, Any]) -> Wording:
    """pydantic's limits in the reader's language; its own English text is never shown."""
    limits = {
        "greater_than_equal": N_("het moet minstens {ge} zijn"),
        "greater_than": N_("het moet meer dan {gt} zijn"),
        "less_than_equal": N_("het mag hoogstens {le} zijn"),
        "less_than": N_("het moet minder dan {lt} zijn"),
        "string_pattern_mismatch": N_("de vorm klopt niet"),
    }
    return Wording(limits.get(kind, N_("deze waarde past hier niet")), dict(context))


def _is_internal(part: str | int) -> bool:
    """Pydantic puts validator names in some paths ('function-after[...]'); they are not fields."""
    return isinstance(part, str) and ("[" in part and "]" in part) and not part.startswith("[")


def _choices(expected: Any) -> Wording | str:
    """pydantic's "'a', 'b' or 'c'" as the reader writes a choice: "a, b of c" in Dutch."""
    choices = str(expected or "").replace("'", "")
    if " or " not in choices:
        return choices
    first, last = choices.rsplit(" or ", 1)
    return Wording(N_("{first} of {last}"), {"first": first, "last": last})


def _short(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _order(problem: Problem) -> tuple[str, int, int, str]:
    loc = problem.location
    return (loc.sheet or "", loc.line or 0, loc.row or 0, problem.field)
