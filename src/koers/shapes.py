# SPDX-License-Identifier: EUPL-1.2
"""The public JSON shapes of koers, built in one place.

``koers plan show --json`` and ``koers lint --json`` print these, later the web API serves
the same, and docs/cli.md documents them; tests pin them (contract tests), so a change to a
shape is a deliberate, visible act.
"""

from __future__ import annotations

from typing import Any

from koers import __version__
from koers.domain.advice import Advice, InputEntry, Response
from koers.domain.assessment import Assessment, Rollup
from koers.domain.goals import Goal
from koers.domain.judging import Point
from koers.domain.lint import Finding, Severity
from koers.domain.money import AmountKind, ChallengeMoney, PlanMoney, YearMoney
from koers.domain.plan import Challenge, Plan
from koers.domain.target_words import target_words
from koers.domain.targets import Target
from koers.domain.units import Unit
from koers.problems import Problem

#: 2: targets as words (phrase, words, band, targets); final and forecast_note. 3: actions. 4: money
#: (the plan's money section in ``koers plan show --json``, money per challenge and year in the API).
SHAPE_VERSION = 4


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
        "money": plan_money_json(plan.money),
        "smart_check": findings_summary(findings),
    }


def plan_money_json(money: PlanMoney | None) -> dict[str, Any]:
    """The plan's money section: the total it states, the tolerance, and which taakveld serves
    which challenge; the same keys, empty, for a plan without one."""
    money = money or PlanMoney()
    return {
        "total": money.total.model_dump(mode="json") if money.total else None,
        "tolerance": float(money.tolerance),
        "taakvelden": [{"taakveld": code, "challenge": challenge} for code, challenge in money.taakvelden.items()],
    }


#: The keys of a year's amounts, per kind: English, as every key of a shape.
AMOUNT_KEYS = {AmountKind.BUDGET: "budget", AmountKind.REVISED: "revised_budget", AmountKind.ACTUAL: "actual"}


def challenge_money_json(challenge: Challenge, money: ChallengeMoney | None, lang: str = "nl") -> dict[str, Any]:
    """One challenge's money per year (the API's /api/money), with the sentence the report says."""
    years = money.years if money is not None else ()
    latest = money.latest if money is not None else None
    return {
        "id": challenge.id,
        "name": challenge.name,
        "latest_year": latest.year if latest is not None else None,
        "summary": money.sentence(lang) if money is not None and years else None,
        "years": [year_money_json(y) for y in years],
    }


def year_money_json(year: YearMoney) -> dict[str, Any]:
    share = year.spent_share
    return {
        "year": year.year,
        "budget": year.budget,
        "revised_budget": year.revised,
        "actual": year.actual,
        "current_budget": year.current_budget,
        "spent_share": round(share, 4) if share is not None else None,
        "sources": {key: year.source(kind) for kind, key in AMOUNT_KEYS.items()},
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


def advice_json(advice: Advice, lang: str = "nl") -> dict[str, Any]:
    """An advice of the register (``koers advice list --json``, ``/api/advice``): its own facts
    and its items, each with the response (null when there is none yet)."""
    return {
        "id": advice.id,
        "kind": advice.kind.value,
        "kind_label": advice.kind.label(lang),
        "date": advice.date.isoformat(),
        "subject": advice.subject,
        "document": advice.document,
        "goals": list(advice.goals),
        "challenges": list(advice.challenges),
        "items": [input_item_json(entry, lang) for entry in advice.entries()],
    }


def input_item_json(entry: InputEntry, lang: str = "nl") -> dict[str, Any]:
    """One point or survey theme: ``goals`` and ``challenges`` are what it concerns (its own, or
    its advice's when it names none)."""
    item = entry.item
    return {
        "key": entry.key,
        "number": entry.number,
        "kind": item.kind.value,
        "kind_label": item.kind.label(lang),
        "text": item.text,
        "goals": list(entry.goals),
        "challenges": list(entry.challenges),
        "response": response_json(item.response, lang),
    }


def input_entry_json(entry: InputEntry, lang: str = "nl") -> dict[str, Any]:
    """An item with its advice, where it is listed apart from it (``/api/goals/{id}``)."""
    a = entry.advice
    return {
        **input_item_json(entry, lang),
        "advice": {"id": a.id, "kind": a.kind.value, "date": a.date.isoformat(), "subject": a.subject},
    }


def response_json(response: Response | None, lang: str = "nl") -> dict[str, Any] | None:
    if response is None:
        return None
    return {
        "verdict": response.verdict.value,
        "verdict_label": response.verdict.label(lang),
        "reason": response.reason,
        "date": response.date.isoformat(),
        "actions": list(response.actions),
        "follow_up": response.follow_up,
    }
