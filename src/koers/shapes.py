# SPDX-License-Identifier: EUPL-1.2
"""The public JSON shapes of koers, built in one place.

``koers plan show --json`` and ``koers lint --json`` print these, later the web API serves
the same, and docs/cli.md documents them; tests pin them (contract tests), so a change to a
shape is a deliberate, visible act.
"""

from __future__ import annotations

from typing import Any

from koers import __version__
from koers.domain.assessment import Assessment, Rollup
from koers.domain.goals import Goal
from koers.domain.judging import Point
from koers.domain.lint import Finding, Severity
from koers.domain.plan import Plan
from koers.domain.target_words import target_words
from koers.domain.targets import Target
from koers.domain.units import Unit
from koers.problems import Problem

SHAPE_VERSION = 3  # 2: targets as words (phrase, words, band, targets); final and forecast_note. 3: actions


def plan_json(plan: Plan, findings: list[Finding], lang: str = "nl") -> dict[str, Any]:
    return {
        "koers": __version__,
        "shape": SHAPE_VERSION,
        "plan": {
            "municipality": {"cbs_code": plan.municipality.cbs_code, "name": plan.municipality.name},
            "title": plan.title,
            "subtitle": plan.subtitle,
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "mission": plan.mission,
            "vision": plan.vision,
            "principles": [{"name": p.name, "description": p.description} for p in plan.principles],
            "total_budget": plan.total_budget,
        },
        "challenges": [
            {
                "id": c.id,
                "name": c.name,
                "aim": c.aim,
                "budget": c.budget.model_dump(mode="json") if c.budget else None,
                "policy_areas": [
                    {"id": a.id, "name": a.name, "laws": a.laws} for a in plan.policy_areas if a.challenge == c.id
                ],
                "goals": [g.id for g in plan.goals_of(c.id)],
                "actions": [a.id for a in plan.actions_for_challenge(c.id)],
            }
            for c in plan.challenges
        ],
        "goals": [goal_json(g, lang) for g in plan.goals],
        "bbv_indicators": [b.model_dump(mode="json", exclude_none=True) for b in plan.bbv_indicators],
        "actions": [a.model_dump(mode="json") for a in plan.actions],
        "smart_check": findings_summary(findings),
    }


def goal_json(goal: Goal, lang: str = "nl") -> dict[str, Any]:
    baseline = goal.baseline
    target = goal.target
    return {
        "id": goal.id,
        "challenge": goal.challenge,
        "statement": goal.statement,
        "result_area": goal.result_area,
        "indicator": goal.indicator.name if goal.indicator else None,
        "unit": unit_json(goal.unit, lang),
        "direction": goal.direction.value if goal.direction else None,
        "scope": goal.scope.value,
        "region": goal.region,
        "source": goal.source,
        "frequency": {"code": goal.frequency.code.value, "as_written": goal.frequency.as_written}
        if goal.frequency
        else None,
        "baseline": {"value": baseline.value, "period": baseline.period.code if baseline.period else None}
        if baseline is not None and baseline.is_known
        else None,
        "baseline_status": baseline.status.value if baseline is not None else "not-stated",
        "baseline_note": baseline.reason if baseline is not None else None,
        "target": target_json(goal, target, lang) if target is not None else None,
        "targets": [target_json(goal, t, lang) for t in goal.targets],
    }


def target_json(goal: Goal, target: Target, lang: str = "nl") -> dict[str, Any]:
    """A target as the plan wrote it (``phrase``) and as koers reads it (the other fields)."""
    return {
        "phrase": target.phrase,
        "words": target_words(goal, target, lang),
        "understood": target.understood,
        "value": target.resolve(goal.baseline),
        "period": target.period.code if target.period else None,
        "change": target.change.canonical if target.change else None,
        "low": target.low,
        "high": target.high,
        "band_open": target.band_open.value if target.band_open else None,
        "direction": target.direction.value if target.direction else None,
        "strict": target.strict,
        "tolerance": target.tolerance.as_written if target.tolerance else None,
    }


def unit_json(unit: Unit | None, lang: str = "nl") -> dict[str, Any] | None:
    if unit is None:
        return None
    return {"kind": unit.kind.value, "per": unit.per, "population": unit.population, "label": unit.label_text(lang)}


def findings_json(findings: list[Finding], lang: str = "nl") -> list[dict[str, Any]]:
    return [f.as_json(lang) for f in findings]


def findings_summary(findings: list[Finding]) -> dict[str, int]:
    return {s.value: sum(1 for f in findings if f.severity == s) for s in Severity}


def problems_json(problems: list[Problem], lang: str = "nl") -> dict[str, Any]:
    return {"koers": __version__, "shape": SHAPE_VERSION, "problems": [p.as_json(lang) for p in problems]}


def assessment_json(a: Assessment, challenge: str, lang: str = "nl") -> dict[str, Any]:
    """One goal's assessment (``koers status --json``)."""

    def point(p: Point | None) -> dict[str, Any] | None:
        return {"value": p.value, "period": p.period.code} if p is not None else None

    return {
        "goal": a.goal,
        "challenge": challenge,
        "status": a.status.value,
        "label": a.status.label(lang),
        "reason": a.message(lang),
        "computed_status": (a.computed or a.status).value,
        "override": {
            "status": a.override.status.value,
            "justification": a.override.justification,
            "by": a.override.by,
            "from": a.override.on.isoformat() if a.override.on else None,
        }
        if a.override
        else None,
        "baseline": point(a.baseline),
        "target": point(a.target),
        "final": a.final,
        "forecast_note": a.forecast_note(lang),
        "latest": point(a.latest),
        "stale": a.stale,
        "expected": a.expected,
        "progress": a.progress,
        "gap": a.gap,
        "forecast": {
            "value": a.forecast.value,
            "low": a.forecast.low,
            "high": a.forecast.high,
            "points": a.forecast.points,
            "method": a.forecast.method,
        }
        if a.forecast
        else None,
        "significance": {
            "method": a.significance.method,
            "z": a.significance.z,
            "p_value": a.significance.p_value,
            "significant": a.significance.significant,
        }
        if a.significance
        else None,
        "areas": [
            {
                "area": r.area,
                "status": r.status.value,
                "reason": r.reason.text(lang),
                "latest": point(r.latest),
                "stale": r.stale,
            }
            for r in a.areas
        ],
        "used": [{"subject": s, "period": p, "area": ar, "version": v} for s, p, ar, v in a.used],
    }


def rollup_json(r: Rollup, lang: str = "nl") -> dict[str, Any]:
    return {"counts": {s.value: c for s, c in r.counts.items()}, "total": r.total, "summary": r.summary(lang)}
