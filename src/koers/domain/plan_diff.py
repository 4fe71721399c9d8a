# SPDX-License-Identifier: EUPL-1.2
"""What changed between two versions of a plan, goal by goal, and whether the revision says why.

The revised plan declares per goal what it is to the previous version
(:class:`koers.domain.revision.GoalRevision`) and lists the goals it ends. :func:`diff_plans`
compares the two versions field by field and holds the declarations to what really changed:

* a goal of the previous version must go on (same id), be replaced (named by a successor) or be
  ended; a goal that silently disappears is a finding;
* *continued* means nothing that is judged changed (indicator, unit, baseline, targets,
  direction); *sharpened* means a new target for the same indicator and unit, so that its
  history carries on; a goal that changes its indicator must be a successor (*replaced*);
* a goal that is new in the revised plan must not reuse an id of the previous version (ids are
  never reused).

The findings are facts with a code; the CLI and the evaluation report word them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from koers.domain.goals import Goal
from koers.domain.plan import Plan
from koers.domain.revision import GoalChange
from koers.domain.wording import Wording
from koers.i18n import N_

#: The fields of a goal whose change matters to how it is judged, with how to read each.
JUDGED_FIELDS: Final[dict[str, Callable[[Goal], Any]]] = {
    "indicator": lambda g: g.indicator.name if g.indicator else None,
    "unit": lambda g: g.unit.model_dump(mode="json") if g.unit else None,
    "baseline": lambda g: g.baseline.model_dump(mode="json") if g.baseline else None,
    "target": lambda g: [t.model_dump(mode="json") for t in g.all_targets],
    "direction": lambda g: g.judged_direction.value if g.judged_direction else None,
}
#: Fields that may change on any goal without a declaration (wording, where it is shown).
WORDING_FIELDS: Final[dict[str, Callable[[Goal], Any]]] = {
    "statement": lambda g: g.statement,
    "title": lambda g: g.title,
    "challenge": lambda g: g.challenge,
    "source": lambda g: g.source,
}
#: The fields a sharpened goal must keep: its history carries on only with the same measure.
KEPT_WHEN_SHARPENED: Final = ("indicator", "unit")

#: What each finding says (English: koers.i18n).
FINDINGS: Final = {
    "goal-gone": N_("{goal} staat niet meer in het plan, maar is niet beëindigd of vervangen."),
    "continued-but-changed": N_(
        "{goal} heet voortgezet, maar {fields} veranderde; noem het aangescherpt of vervangen."
    ),
    "sharpened-other-measure": N_(
        "{goal} heet aangescherpt, maar {fields} veranderde; een ander meetpunt is een nieuw doel dat het oude "
        "vervangt."
    ),
    "new-reuses-id": N_(
        "{goal} heet nieuw, maar het vorige plan had al een doel {goal}; een id wordt nooit hergebruikt."
    ),
    "replaces-unknown": N_("{goal} vervangt {other}, maar dat doel stond niet in het vorige plan."),
    "ended-unknown": N_("{goal} is beëindigd, maar stond niet in het vorige plan."),
    "ended-still-there": N_("{goal} is beëindigd, maar staat nog in het plan."),
    "undeclared-change": N_("Bij {goal} veranderde {fields}, maar het plan zegt niet of het doel is aangescherpt."),
}


@dataclass(frozen=True, slots=True)
class GoalDiff:
    """One goal across the two versions: what became of it, which fields changed, and why."""

    id: str
    change: GoalChange
    #: The judged fields that changed (``target``, ``indicator``...), then wording fields.
    changed: tuple[str, ...] = ()
    reason: str | None = None
    #: For a successor: the goals it replaces; for a replaced goal: its successors.
    lineage: tuple[str, ...] = ()
    declared: bool = True
    #: True for the goal of the revised plan that replaces others (its ``lineage``); the goals it
    #: replaces are in the diff too, so a count of replacements counts those.
    successor: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """A revision that does not say what really changed."""

    code: str
    goal: str
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def wording(self) -> Wording:
        return Wording(FINDINGS[self.code], {"goal": self.goal, **self.facts})


@dataclass(frozen=True)
class PlanDiff:
    goals: list[GoalDiff]
    findings: list[Finding]

    def of(self, change: GoalChange) -> list[GoalDiff]:
        """The goals of the previous version (and the new ones) with ``change``; successors are
        not counted again as replaced."""
        return [g for g in self.goals if g.change is change and not g.successor]


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Every goal of both versions, with what became of it, and what the revision leaves unsaid."""
    before = {g.id: g for g in old.goals}
    after = {g.id: g for g in new.goals}
    ended = {e.id: e.reason for e in new.ended_goals}
    successors: dict[str, list[str]] = {}
    for goal in new.goals:
        if goal.revision is not None and goal.revision.change is GoalChange.REPLACED:
            for replaced in goal.revision.replaces:
                successors.setdefault(replaced, []).append(goal.id)
    findings: list[Finding] = list(_unknown_references(before, after, ended, successors))
    diffs = [_new_side(goal, before.get(goal.id), findings) for goal in new.goals]
    for goal_id in before:
        if goal_id in after:
            continue
        if goal_id in successors:
            by = successors[goal_id]
            reasons = "; ".join(filter(None, (_reason(after[s]) for s in by))) or None
            diffs.append(GoalDiff(goal_id, GoalChange.REPLACED, reason=reasons, lineage=tuple(by)))
        elif goal_id in ended:
            diffs.append(GoalDiff(goal_id, GoalChange.ENDED, reason=ended[goal_id]))
        else:
            diffs.append(GoalDiff(goal_id, GoalChange.ENDED, declared=False))
            findings.append(Finding("goal-gone", goal_id))
    return PlanDiff(diffs, findings)


def _unknown_references(
    before: dict[str, Goal], after: dict[str, Goal], ended: dict[str, str], successors: dict[str, list[str]]
) -> Iterator[Finding]:
    for replaced, by in successors.items():
        if replaced not in before:
            yield from (Finding("replaces-unknown", successor, {"other": replaced}) for successor in by)
    for goal_id in ended:
        if goal_id not in before:
            yield Finding("ended-unknown", goal_id)
        elif goal_id in after:
            yield Finding("ended-still-there", goal_id)


def _new_side(goal: Goal, previous: Goal | None, findings: list[Finding]) -> GoalDiff:
    """A goal of the revised plan: its declared change held to what changed."""
    revision = goal.revision
    if previous is None:
        declared = revision.change if revision else GoalChange.NEW
        if declared is GoalChange.REPLACED and revision is not None:
            lineage = tuple(revision.replaces)
            return GoalDiff(goal.id, GoalChange.REPLACED, reason=revision.reason, lineage=lineage, successor=True)
        return GoalDiff(goal.id, GoalChange.NEW, reason=revision.reason if revision else None)
    judged = _changed(previous, goal, JUDGED_FIELDS)
    changed = judged + _changed(previous, goal, WORDING_FIELDS)
    if revision is None:
        if judged:
            findings.append(Finding("undeclared-change", goal.id, {"fields": ", ".join(judged)}))
            return GoalDiff(goal.id, GoalChange.SHARPENED, changed, declared=False)
        return GoalDiff(goal.id, GoalChange.CONTINUED, changed)
    change = revision.change
    if change is GoalChange.NEW:
        findings.append(Finding("new-reuses-id", goal.id))
    elif change is GoalChange.CONTINUED and judged:
        findings.append(Finding("continued-but-changed", goal.id, {"fields": ", ".join(judged)}))
    elif change is GoalChange.SHARPENED:
        other = [name for name in KEPT_WHEN_SHARPENED if name in judged]
        if other:
            findings.append(Finding("sharpened-other-measure", goal.id, {"fields": ", ".join(other)}))
    return GoalDiff(goal.id, change, changed, revision.reason, tuple(revision.replaces))


def _reason(goal: Goal) -> str | None:
    return goal.revision.reason if goal.revision else None


def _changed(old: Goal, new: Goal, fields: dict[str, Callable[[Goal], Any]]) -> tuple[str, ...]:
    return tuple(name for name, read in fields.items() if read(old) != read(new))
