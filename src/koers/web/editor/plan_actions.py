# SPDX-License-Identifier: EUPL-1.2
"""The plan's actions (*wat gaan we doen*) in the editor: add, change or remove one.

An action is part of the plan, so a change to it is a change to the plan: the editor builds
the plan's data with the one action added, changed or removed, and checks the whole of it with
koers.planfile.validation.validate_raw, the code that checks a plan file. A typed action thus
meets exactly the rules of an action in the YAML file or the workbook (a stopped action needs a
reason, its goals must exist, its id must be unique), with the same messages, placed at the
form's fields. A plan without problems is stored as a new version (koers.store.plans.save_plan
owns its transaction), then the audit row with the old and the new action is written.

Who may: the role that enters measurements and writes explanations (redacteur, and beheerder).
An action belongs to its challenge and to the challenges of its goals; an editor limited to
some challenges may only change an action whose challenges, before and after, are all theirs.
Anything else raises NotAllowed, which the web layer answers with 403.

(Not to be confused with koers.web.editor.actions: what the editor does with measurements.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine

from koers.domain.actions import Action, ActionStatus
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.i18n import N_, translator
from koers.importers.measurements import parse_number
from koers.planfile.validation import Loc, validate_raw
from koers.planfile.yamlfile import plan_to_data
from koers.problems import Location, Problem
from koers.store import audit
from koers.store.accounts import NotAllowed, User
from koers.store.plans import PlanChanged, StoredPlan, load_stored_plan, save_plan
from koers.web import LANG
from koers.web.editor.actions import Issue

_ = translator(LANG)

#: Where a plan version made in the editor comes from (plan_versions.source).
SOURCE = "beheer: acties"
#: The form's fields, in the order of the plan file; each is a field of Action.
FIELDS: Final = (
    "id",
    "name",
    "description",
    "challenge",
    "goals",
    "owner",
    "partners",
    "start",
    "end",
    "status",
    "reason",
    "budget",
    "note",
)
#: Problems about the action as a whole, shown at the field that can put them right.
WHOLE_ACTION_FIELDS: Final = {
    "action-serves-nothing": "challenge",
    "stopped-without-reason": "reason",
    "action-ends-before-start": "end",
}
#: The plan file's problems that a form words otherwise: it has fields where a file has keys.
FORM_WORDS: Final = {
    "missing-field": (N_("Dit veld is leeg."), N_("Vul dit veld in.")),
    "empty-field": (N_("Dit veld is leeg."), N_("Vul dit veld in.")),
    "stopped-without-reason": (
        N_("Bij een gestopte actie hoort een reden."),
        N_("Schrijf bij Reden waarom de actie gestopt is."),
    ),
    "action-serves-nothing": (
        N_("De actie hoort bij geen opgave en geen doel."),
        N_("Kies een opgave, of vul de codes in van de doelen waar de actie aan bijdraagt."),
    ),
    "invalid-id": (
        N_("Deze code kan niet."),
        N_("Gebruik hoofdletters, cijfers en streepjes, bijvoorbeeld FF-A5."),
    ),
}


class ActionForm(BaseModel):
    """The action form as typed: text only; the plan's own rules check it, not this model."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: str = ""
    name: str = ""
    description: str = ""
    challenge: str = ""
    goals: str = ""  # codes separated by commas or spaces: 'FF-01, FF-02'
    owner: str = ""
    partners: str = ""  # one per line
    start: str = ""
    end: str = ""
    status: str = ActionStatus.PLANNED.value
    reason: str = ""
    budget: str = ""
    note: str = ""


@dataclass(frozen=True)
class ActionCheck:
    """What became of a form: the errors per field, or the plan version it was stored in."""

    form: ActionForm
    errors: dict[str, Issue]
    version: int | None = None  # the plan version the change was stored in (None: nothing stored)

    @property
    def ok(self) -> bool:
        return not self.errors


def form_of(action: Action) -> ActionForm:
    """An action as the form shows it: lists as text, periods by their code, money in Dutch."""
    budget = "" if action.budget is None else f"{action.budget:.2f}".removesuffix(".00").replace(".", ",")
    return ActionForm(
        id=action.id,
        name=action.name,
        description=action.description or "",
        challenge=action.challenge or "",
        goals=", ".join(action.goals),
        owner=action.owner or "",
        partners="\n".join(action.partners),
        start=_code(action.start),
        end=_code(action.end),
        status=action.status.value,
        reason=action.reason or "",
        budget=budget,
        note=action.note or "",
    )


def _code(period: Period | None) -> str:
    return period.code if period is not None else ""


# -- who may change what ------------------------------------------------------------------


def challenges_of(plan: Plan, action: Action) -> set[str]:
    """The challenges an action belongs to: its own and those of its goals."""
    goals = [goal for g in action.goals if (goal := plan.goal(g)) is not None]
    return {c for c in (action.challenge, *(g.challenge for g in goals)) if c is not None}


def may_change(user: User, plan: Plan, action: Action) -> bool:
    """Whether ``user`` may change every challenge the action belongs to."""
    challenges = challenges_of(plan, action)
    return all(user.may_edit(c) for c in challenges) if challenges else user.may_edit(None)


def require_action(user: User, plan: Plan, actions: Iterable[Action]) -> None:
    refused = sorted(a.id for a in actions if not may_change(user, plan, a))
    if refused:
        allowed = ", ".join(user.challenges) or _("geen")
        raise NotAllowed(
            _(
                "U mag de actie {actions} niet wijzigen. Uw account mag alleen gegevens wijzigen van deze opgaven: "
                "{allowed}.",
                actions=", ".join(refused),
                allowed=allowed,
            )
        )


# -- add, change, remove ------------------------------------------------------------------


#: How often a change is applied again to the latest version when another edit came first.
ATTEMPTS = 3


def save_action(engine: Engine, stored: StoredPlan, user: User, original: str | None, form: ActionForm) -> ActionCheck:
    """Add (``original`` None) or change the action ``original``: check the whole plan, store a
    new version, write the audit row. Nothing is stored when anything is wrong. When another
    edit stored a version in between, the change is applied to that version instead (so neither
    edit is lost)."""
    for attempt in range(ATTEMPTS):
        try:
            return _save_action(engine, stored, user, original, form)
        except PlanChanged:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _save_action(engine: Engine, stored: StoredPlan, user: User, original: str | None, form: ActionForm) -> ActionCheck:
    stored = load_stored_plan(engine, stored.key)  # the latest version: another change may have come first
    old = _find(stored.plan, original) if original is not None else None
    if old is not None:
        require_action(user, stored.plan, [old])
        form = form.model_copy(update={"id": old.id})  # an id is stable: it is never changed
    raw, errors = _raw_action(form)
    data = plan_to_data(stored.plan)
    actions: list[Any] = list(data.get("actions", []))
    index = stored.plan.actions.index(old) if old is not None else len(actions)
    actions[index : index + 1] = [raw]
    data["actions"] = actions
    checked = _check(data, index)
    errors = {**checked, **errors}  # the form's own reading first: 'twaalf' is no amount
    if errors:
        return ActionCheck(form, errors)
    plan = Plan.model_validate(data)
    new = plan.actions[index]
    require_action(user, plan, [new])
    return ActionCheck(form, {}, _store(engine, user, plan, old, new, stored.version))


def remove_action(engine: Engine, stored: StoredPlan, user: User, action_id: str) -> int | None:
    """Remove an action: a new plan version without it, and the audit row. Returns the version."""
    for attempt in range(ATTEMPTS):
        try:
            return _remove_action(engine, stored, user, action_id)
        except PlanChanged:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _remove_action(engine: Engine, stored: StoredPlan, user: User, action_id: str) -> int | None:
    stored = load_stored_plan(engine, stored.key)
    old = _find(stored.plan, action_id)
    require_action(user, stored.plan, [old])
    data = plan_to_data(stored.plan)
    data["actions"] = [a for a in data.get("actions", []) if a.get("id") != action_id]
    problems = _check(data, -1)
    if problems:  # nothing points at an action, so this means koers itself is wrong
        raise ValueError(f"removing {action_id} breaks the plan: {problems}")
    return _store(engine, user, Plan.model_validate(data), old, None, stored.version)


class UnknownAction(LookupError):
    """The plan has no action with this id (any more): the web layer answers 404."""


def _find(plan: Plan, action_id: str) -> Action:
    action = next((a for a in plan.actions if a.id == action_id), None)
    if action is None:
        raise UnknownAction(action_id)
    return action


def _store(engine: Engine, user: User, plan: Plan, old: Action | None, new: Action | None, based_on: int) -> int | None:
    """A new plan version and its audit row; nothing when the plan did not change. Raises
    PlanChanged when another version came in after ``based_on`` (the callers apply the change
    again to the latest version)."""
    outcome = save_plan(engine, plan, source=SOURCE, user=user.username, based_on=based_on)
    if not outcome.changed:
        return None
    kind = audit.ACTION_ADD if old is None else audit.ACTION_REMOVE if new is None else audit.ACTION_CHANGE
    changed = new if new is not None else old
    audit.write(
        engine,
        user_id=user.id,
        action=kind,
        target=changed.id if changed is not None else None,
        old=audit_value(old),
        new=audit_value(new),
        details={"version": outcome.version},
    )
    return outcome.version


def audit_value(action: Action | None) -> dict[str, Any] | None:
    """An action as the audit log keeps it: the fields it has, as in the plan file."""
    return None if action is None else action.model_dump(mode="json", exclude_defaults=True)


# -- reading the form, placing the problems -----------------------------------------------


def _raw_action(form: ActionForm) -> tuple[dict[str, Any], dict[str, Issue]]:
    """The action as plan data (what a plan file would hold), and what the form itself cannot read."""
    errors: dict[str, Issue] = {}
    raw: dict[str, Any] = {
        name: value for name in FIELDS if (value := getattr(form, name)) and name not in ("goals", "partners", "budget")
    }
    goals = [g for g in re.split(r"[,;\s]+", form.goals) if g]
    partners = [p.strip() for p in form.partners.splitlines() if p.strip()]
    raw.update({k: v for k, v in (("goals", goals), ("partners", partners)) if v})
    if form.budget:
        amount = euro(form.budget)
        if amount is None:
            errors["budget"] = Issue(
                "budget",
                _("'{value}' is geen bedrag.", value=form.budget),
                _("Schrijf een bedrag in euro, bijvoorbeeld 12500."),
            )
        else:
            raw["budget"] = amount
    return raw, errors


#: An amount written the Dutch way, with dots between thousands: 125.000 or 1.250.000,50.
DUTCH_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+(,\d+)?")


def euro(text: str) -> float | None:
    """An amount in euro as people type it: '€ 125.000' is 125000 (a form in Dutch), else as parse_number."""
    plain = text.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if DUTCH_THOUSANDS.fullmatch(plain):
        plain = plain.replace(".", "").replace(",", ".")
    return parse_number(plain)


def _check(data: dict[str, Any], index: int) -> dict[str, Issue]:
    """The plan's problems, each at the field of the action at ``index`` it is about."""
    result = validate_raw(data, SOURCE, lambda loc: Location(SOURCE), lambda loc: _field(loc, index))
    issues: dict[str, Issue] = {}
    for problem in reversed(result.problems):  # the first problem of a field is the one shown
        issue = _issue(problem)
        issues[issue.field] = issue
    return issues


def _field(loc: Loc, index: int) -> str:
    """The form field a path in the plan's data is about; '' for the action as a whole."""
    if len(loc) >= 3 and loc[0] == "actions" and loc[1] == index:
        return str(loc[2])
    return "" if loc[:2] == ("actions", index) else "id"  # elsewhere: an id another action also has


def _issue(problem: Problem) -> Issue:
    field = WHOLE_ACTION_FIELDS.get(problem.code) or problem.field or "id"
    if problem.code in FORM_WORDS:
        message, hint = FORM_WORDS[problem.code]
        return Issue(field, _(message), _(hint))
    if problem.code == "invalid-value":  # the file's hint points to the file format's documentation
        return Issue(field, problem.message(LANG), _("Pas de waarde aan."))
    if problem.code == "unknown-goal":
        return Issue(
            field,
            problem.message(LANG),
            _("Gebruik de codes van doelen uit het plan: {expected}.", expected=problem.context.get("expected", "")),
        )
    return Issue(field, problem.message(LANG), problem.hint(LANG))


def status_options() -> list[tuple[str, str]]:
    """gepland, lopend, afgerond, gestopt: with the words the dashboard uses."""
    return [(s.value, s.label(LANG)) for s in ActionStatus]
