# SPDX-License-Identifier: EUPL-1.2
"""The monitoring report as data: what the council receives, built once, shown in any format.

"Tellen en vertellen": per challenge its aim, budget and policy areas, and per goal the
statement, the numbers, the status with its reason, and the explanation of the period (or a
concept, marked as such), with the sources and their dates. The renderers (HTML, PDF, Word,
Excel) only lay this out; none of them computes anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import Engine

from koers.catalogues import bbv_catalogue
from koers.domain.actions import Action
from koers.domain.advice import Advice, InputEntry
from koers.domain.advice import entries as advice_entries
from koers.domain.assessment import Assessment, Rollup, assess_plan, rollup
from koers.domain.boundaries import Boundary
from koers.domain.changes import Changes, Trend, changes_since
from koers.domain.goals import Goal
from koers.domain.lint import Finding, lint_plan
from koers.domain.measurements import Measurement
from koers.domain.money import ChallengeMoney, per_challenge
from koers.domain.narrative import concept_explanation
from koers.domain.periods import Period
from koers.domain.plan import BbvIndicator, Challenge, Plan, PolicyArea
from koers.domain.reporting import ReportStatus
from koers.domain.target_words import TargetLine, target_lines, target_words
from koers.i18n import DEFAULT_LANG, _
from koers.reports.comparison import ComparisonSection, comparison_section
from koers.store.advice import load_register
from koers.store.boundaries import load_boundaries
from koers.store.explanations import latest_explanations
from koers.store.measurements import current
from koers.store.money import current_amounts
from koers.store.overrides import active_overrides
from koers.store.plans import StoredPlan

ILLUSTRATIVE_MARK = "illustratief"
#: A report's status (the key) and how it reads on the cover, in every format.
REPORT_STATUSES: Final = tuple(status.value for status in ReportStatus)


@dataclass(frozen=True)
class Source:
    name: str
    reference: str | None
    latest: datetime | None


@dataclass(frozen=True)
class GoalSection:
    goal: Goal
    assessment: Assessment
    measurements: list[Measurement]
    explanation: str
    concept: bool
    author: str | None = None
    written_at: datetime | None = None
    sources: list[Source] = field(default_factory=list)
    #: Which way the status went since the previous report.
    trend: Trend = Trend.SAME

    #: What the SMART check found for this goal (shown on its own page).
    findings: list[Finding] = field(default_factory=list)
    #: What the municipality does for this goal (wat gaan we doen).
    actions: list[Action] = field(default_factory=list)

    def aim_text(self, lang: str = DEFAULT_LANG) -> str:
        """The target the status is judged against, in words ('tussen 60% en 65%')."""
        return target_words(self.goal, self.assessment.aim, lang) if self.assessment.aim else ""

    def targets(self, end_year: int | None, lang: str = DEFAULT_LANG) -> list[TargetLine]:
        """Every dated target, the final one last, with the plan's own words where it wrote them."""
        return target_lines(self.goal, end_year, lang)

    def with_actions(self, actions: list[Action]) -> GoalSection:
        """The section with what is done for the goal."""
        return replace(self, actions=actions)

    @property
    def shows_actions(self) -> bool:
        """The report lists the actions of a goal that lags: what is done about it."""
        return bool(self.actions) and self.assessment.status.lagging


@dataclass(frozen=True)
class ChallengeSection:
    challenge: Challenge
    policy_areas: list[PolicyArea]
    goals: list[GoalSection]
    rollup: Rollup
    bbv: list[tuple[BbvIndicator, Measurement | None]]
    #: What the municipality does for this challenge or one of its goals.
    actions: list[Action] = field(default_factory=list)
    #: Its money per year up to the report's year: begroot, gewijzigd, gerealiseerd.
    money: ChallengeMoney | None = None


@dataclass(frozen=True)
class Report:
    plan: Plan
    plan_key: str
    plan_version: int
    period: Period
    as_of: date
    status: str
    made_on: date
    illustrative: bool
    challenges: list[ChallengeSection]
    rollup: Rollup
    findings: list[Finding]
    sources: list[Source]
    #: What changed since the previous report (the previous reporting period).
    changes: Changes | None = None
    lang: str = DEFAULT_LANG
    #: The boundaries of the plan's areas that have one, by stored id: for the wijk maps.
    boundaries: Mapping[str, Boundary] = field(default_factory=dict)
    #: The comparison with other municipalities (koers.reports.comparison).
    comparison: ComparisonSection | None = None
    #: The advice register: the participation council's advice and resident input, with the
    #: municipality's responses (koers.store.advice), newest first.
    advice: list[Advice] = field(default_factory=list)

    @property
    def advice_entries(self) -> list[InputEntry]:
        """Every point and survey theme of the register, newest advice first."""
        return advice_entries(self.advice)

    @property
    def title(self) -> str:
        """'Monitoringsrapportage 1e helft 2026': the same title on the cover and in the file's
        properties of every format."""
        return _("Monitoringsrapportage {period}", self.lang, period=self.period.label(self.lang))

    @property
    def ended(self) -> bool:
        """Whether the plan's last year has passed: the report then shows its final state."""
        end = self.plan.end_year
        return end is not None and self.as_of >= date(end, 12, 31)

    @property
    def standing(self) -> str:
        """What the figures show: the final state (*eindstand*) of a plan that has ended, else the
        state over the reporting period."""
        if self.ended:
            return _(
                "eindstand van het plan ({start}-{end})", self.lang, start=self.plan.start_year, end=self.plan.end_year
            )
        return _("stand over {period}", self.lang, period=self.period.label(self.lang))

    @property
    def status_label(self) -> str:
        """The report's status in words: 'Concept' or 'Vastgesteld'."""
        return ReportStatus(self.status).label(self.lang)

    @property
    def area_names(self) -> dict[str, str]:
        """The names of the areas measurements are stored under (their CBS code or id)."""
        return self.plan.area_ids().names

    @property
    def key_figures(self) -> list[tuple[str, float, int, str | None]]:
        """Each key-figure table's total in the latest measured year up to the report's date:
        (what is counted, total, year, reference date), for the context a council reads first."""
        found = []
        for table in self.plan.key_figures:
            years = [y for y in table.years if y <= self.as_of.year and not table.is_forecast(y)]
            if not years:
                continue
            year = max(years)
            total = table.totals.get(year)
            if total is None:
                total = sum(row.values.get(year, 0.0) for row in table.rows if row.parent is None)
            found.append((table.unit, total, year, table.reference))
        return found

    @property
    def goals(self) -> list[GoalSection]:
        return [g for c in self.challenges for g in c.goals]


def build_report(
    engine: Engine,
    stored: StoredPlan,
    period: Period,
    *,
    status: str = "concept",
    made_on: date | None = None,
    lang: str = DEFAULT_LANG,
) -> Report:
    """Everything the report shows, as of the end of the reporting ``period``."""
    if status not in REPORT_STATUSES:
        raise ValueError(f"status is one of {', '.join(REPORT_STATUSES)}")
    plan, as_of = stored.plan, period.end
    figures = current(engine, stored.id)
    others = set(plan.comparison.areas)  # peers, size class, NL01: shown in the comparison, not per goal
    by_goal: dict[str, list[Measurement]] = {}
    for m in figures:
        if m.area not in others:
            by_goal.setdefault(m.subject, []).append(m)
    assessments = assess_plan(plan, figures, as_of=as_of, overrides=active_overrides(engine, stored.id, as_of))
    since = period.shift(-1).end  # the previous report's date
    before = assess_plan(plan, figures, as_of=since, overrides=active_overrides(engine, stored.id, since))
    changes = changes_since(before, assessments, figures, since=since, until=as_of)
    texts = latest_explanations(engine, stored.id, period)
    sections = [_challenge(plan, c, assessments, by_goal, texts, as_of, lang) for c in plan.challenges]
    findings = lint_plan(plan, as_of=as_of, catalogue=bbv_catalogue())
    sections = [
        replace(
            c,
            goals=[
                replace(
                    g,
                    trend=changes.trends.get(g.goal.id, Trend.SAME),
                    findings=[f for f in findings if f.goal == g.goal.id],
                )
                for g in c.goals
            ],
        )
        for c in sections
    ]
    sections = _with_money(engine, stored.id, sections, as_of)
    used = [m for g in plan.goals for m in by_goal.get(g.id, []) if m.period.end <= as_of]
    return Report(
        plan=plan,
        plan_key=stored.key,
        plan_version=stored.version,
        period=period,
        as_of=as_of,
        status=status,
        made_on=made_on or date.today(),
        illustrative=any(_illustrative(m) for m in figures),
        challenges=sections,
        rollup=rollup(assessments.values()),
        findings=findings,
        sources=_sources(used),
        changes=changes,
        lang=lang,
        boundaries=load_boundaries(engine, stored.id),
        comparison=comparison_section(plan, figures, as_of),
        advice=[stored_advice.advice for stored_advice in load_register(engine, stored.id)],
    )


def _with_money(engine: Engine, plan_id: int, sections: list[ChallengeSection], as_of: date) -> list[ChallengeSection]:
    """Each challenge with its money of the years up to the report's (a later budget is not yet judged)."""
    amounts = [a for a in current_amounts(engine, plan_id) if a.year <= as_of.year]
    money = per_challenge(amounts, [c.challenge.id for c in sections])
    return [replace(c, money=money[c.challenge.id]) for c in sections]


def _challenge(
    plan: Plan,
    challenge: Challenge,
    assessments: dict[str, Assessment],
    by_goal: dict[str, list[Measurement]],
    texts: dict[str, Any],
    as_of: date,
    lang: str,
) -> ChallengeSection:
    goals = [
        _goal(
            g, assessments[g.id], [m for m in by_goal.get(g.id, []) if m.period.end <= as_of], texts.get(g.id), lang
        ).with_actions(plan.actions_for_goal(g.id))
        for g in plan.goals_of(challenge.id)
    ]
    own = plan.area_ids().municipality
    bbv = [
        (b, _latest([m for m in by_goal.get(b.id, []) if m.area == own and m.period.end <= as_of]))
        for b in plan.bbv_indicators
        if b.challenge == challenge.id
    ]
    return ChallengeSection(
        challenge,
        [a for a in plan.policy_areas if a.challenge == challenge.id],
        goals,
        rollup(g.assessment for g in goals),
        bbv,
        plan.actions_for_challenge(challenge.id),
    )


def _goal(goal: Goal, assessment: Assessment, shown: list[Measurement], written: Any, lang: str) -> GoalSection:
    """The goal's section; ``shown`` holds its measurements up to the report's date."""
    if written is not None:
        return GoalSection(
            goal, assessment, shown, written.text, False, written.author, written.written_at, _sources(shown)
        )
    return GoalSection(
        goal, assessment, shown, concept_explanation(goal, assessment, lang), True, sources=_sources(shown)
    )


def _latest(measurements: list[Measurement]) -> Measurement | None:
    return max(measurements, key=lambda m: m.period) if measurements else None


def _sources(measurements: list[Measurement]) -> list[Source]:
    """Each source with its references and the date of its latest figure."""
    found: dict[tuple[str, str | None], datetime | None] = {}
    for m in measurements:
        key = (m.source or "-", m.source_ref)
        known = found.get(key)
        if m.recorded_at is not None and (known is None or m.recorded_at > known):
            found[key] = m.recorded_at
        else:
            found.setdefault(key, known)
    return [
        Source(name, ref, when) for (name, ref), when in sorted(found.items(), key=lambda i: (i[0][0], i[0][1] or ""))
    ]


def _illustrative(m: Measurement) -> bool:
    return any(ILLUSTRATIVE_MARK in (text or "").lower() for text in (m.source, m.source_ref))
