# SPDX-License-Identifier: EUPL-1.2
"""The evaluation of a plan version as data: what the council reads when it judges a plan.

A plan is evaluated half-way and at its end (Heemskerk: in 2027, seed 004 §5.1). The evaluation
judges one stored version of the plan, as of a date, and answers the council's questions:

* per goal its whole history (every measurement, its chart) and its verdict, the final verdict
  (*gehaald* / *niet gehaald*) once the target period has passed;
* per challenge what worked, in one sentence, with what was done (actions) and what it cost;
* which goals could not be evaluated, and why (koers.domain.evaluability, the one place for that);
* the SMART quality of the plan then (the version judged) and now (the latest version);
* what the latest version changed, and why, when it revises the version judged.

It is built on the monitoring report (koers.reports.model.build_report): the same goals, charts,
actions and money, judged as of the evaluation's date. The renderers only lay it out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlalchemy import Engine

from koers.catalogues import bbv_catalogue
from koers.domain.evaluability import Obstacle, obstacles
from koers.domain.lint import RULES, Finding, Severity, lint_plan
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.plan_diff import GoalDiff, PlanDiff, diff_plans
from koers.domain.status import JUDGED, Status
from koers.domain.wording import listing
from koers.i18n import DEFAULT_LANG, N_, _, ngettext
from koers.reports.model import ChallengeSection, GoalSection, Report, build_report
from koers.store.plans import load_stored_plan

NOT_EVALUATED = N_("niet te beoordelen")
#: The fields koers.domain.plan_diff names, as a reader knows them (English: koers.i18n).
FIELD_LABELS: Final = {
    "indicator": N_("indicator"),
    "unit": N_("eenheid"),
    "baseline": N_("nulmeting"),
    "target": N_("streefwaarde"),
    "direction": N_("richting"),
    "statement": N_("omschrijving"),
    "title": N_("titel"),
    "challenge": N_("opgave"),
    "source": N_("meetinstrument"),
}


@dataclass(frozen=True)
class GoalVerdict:
    """A goal's section of the report with what the evaluation adds: whether its verdict is final,
    and what kept it from being evaluated."""

    section: GoalSection
    obstacles: tuple[Obstacle, ...]

    @property
    def evaluated(self) -> bool:
        return not self.obstacles

    @property
    def final(self) -> bool:
        """The final verdict (gehaald / niet gehaald): the target period has passed and its figure is in."""
        return self.section.assessment.status.final

    def kind(self, lang: str = DEFAULT_LANG) -> str:
        """'eindoordeel' or 'tussenstand': a reader must see whether the verdict can still change."""
        return _("eindoordeel", lang) if self.final else _("tussenstand", lang)


@dataclass(frozen=True)
class ChallengeVerdict:
    section: ChallengeSection
    goals: list[GoalVerdict]

    def counts(self) -> list[tuple[Status | None, int]]:
        """(status, number of goals) for every judgement, then (None, the goals that could not be evaluated)."""
        found = [
            (status, sum(1 for g in self.goals if g.evaluated and g.section.assessment.status is status))
            for status in JUDGED
        ]
        return [*found, (None, sum(1 for g in self.goals if not g.evaluated))]

    def label(self, status: Status | None, lang: str = DEFAULT_LANG) -> str:
        return status.label(lang) if status is not None else _(NOT_EVALUATED, lang)

    def worked(self, lang: str = DEFAULT_LANG) -> str:
        """'Van de 4 doelen: 1 gehaald, 2 op koers en 1 niet te beoordelen.': what worked, in one sentence."""
        parts = [
            f"{count} {self.label(status, lang)}" if len(self.goals) > 1 else self.label(status, lang)
            for status, count in self.counts()
            if count
        ]
        if not parts:
            return _("Deze opgave heeft geen doelen.", lang)
        return ngettext(
            "Eén doel: {outcomes}.",  # 'Eén doel: gehaald.'
            "Van de {n} doelen: {outcomes}.",
            len(self.goals),
            lang,
            outcomes=listing(parts, lang),
        )


@dataclass(frozen=True)
class Quality:
    """The SMART check of one plan version: how often each finding occurs, per severity."""

    version: int
    findings: list[Finding]

    def counts(self) -> Counter[tuple[str, Severity]]:
        return Counter((f.code, f.severity) for f in self.findings)

    def by_severity(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


@dataclass(frozen=True)
class QualityRow:
    """One finding code with its severity, and how often it occurs then and now."""

    code: str
    severity: Severity
    #: The rule's title as a Dutch id ('Geen nulmeting'): translate with ``_``.
    title: str
    then: int
    now: int | None


@dataclass(frozen=True)
class Revision:
    """What the latest version changed in the version judged, and why."""

    plan: Plan
    version: int
    diff: PlanDiff

    def fields(self, goal: GoalDiff, lang: str = DEFAULT_LANG) -> str:
        """What changed in a goal, in words ('streefwaarde, omschrijving')."""
        return ", ".join(_(FIELD_LABELS.get(name, name), lang) for name in goal.changed)

    def findings(self, lang: str = DEFAULT_LANG) -> list[str]:
        """The changes the revision leaves unexplained, in words (their facts are ids and field names)."""
        return [f.wording.render(lang, lambda value, _lang: value) for f in self.diff.findings]


@dataclass(frozen=True)
class Evaluation:
    report: Report
    challenges: list[ChallengeVerdict]
    then: Quality
    #: The SMART check of the latest version, when that is a later one.
    now: Quality | None
    revision: Revision | None

    @property
    def lang(self) -> str:
        return self.report.lang

    @property
    def title(self) -> str:
        """'Evaluatie Samen sterk voor Heemskerk': the cover, the header and the file's properties."""
        return _("Evaluatie {plan}", self.lang, plan=self.report.plan.title)

    @property
    def goals(self) -> list[GoalVerdict]:
        return [g for c in self.challenges for g in c.goals]

    @property
    def not_evaluated(self) -> list[GoalVerdict]:
        return [g for g in self.goals if not g.evaluated]

    def obstacle_counts(self) -> list[tuple[Obstacle, int]]:
        """How many goals each obstacle stood in the way of, for the obstacles that occur."""
        counted = Counter(o for g in self.goals for o in g.obstacles)
        return [(o, counted[o]) for o in Obstacle if counted[o]]

    def headline(self) -> str:
        """The evaluation in one sentence: how many goals could be evaluated, and if not, why not."""
        lang, total, missed = self.lang, len(self.goals), len(self.not_evaluated)
        if not missed:
            return ngettext(
                "Het doel van dit plan kon worden beoordeeld.",
                "Alle {n} doelen van dit plan konden worden beoordeeld.",
                total,
                lang,
            )
        reasons = listing(self._reasons(), lang)
        if missed == total:
            return ngettext(
                "Het doel van dit plan kon niet worden beoordeeld. Het had {reasons}.",
                "Geen van de {n} doelen van dit plan kon worden beoordeeld. Ze hadden {reasons}.",
                total,
                lang,
                reasons=reasons,
            )
        return ngettext(
            "{n} van de {total} doelen kon niet worden beoordeeld. Het had {reasons}.",
            "{n} van de {total} doelen konden niet worden beoordeeld. Ze hadden {reasons}.",
            missed,
            lang,
            total=total,
            reasons=reasons,
        )

    def _reasons(self) -> list[str]:
        """The obstacles as the headline names them, the most common first; with their number of
        goals when not every goal that could not be evaluated had it ('geen nulmeting (4 doelen)')."""
        missed = len(self.not_evaluated)
        ordered = sorted(self.obstacle_counts(), key=lambda pair: -pair[1])  # stable: ties keep Obstacle's order
        return [
            o.label(self.lang)
            if count == missed
            else ngettext("{label} ({n} doel)", "{label} ({n} doelen)", count, self.lang, label=o.label(self.lang))
            for o, count in ordered
        ]

    def quality_rows(self) -> list[QualityRow]:
        """Every finding code of either version, with its count then and now, most severe first."""
        then = self.then.counts()
        now = self.now.counts() if self.now is not None else None
        keys = sorted(set(then) | set(now or ()), key=lambda k: (k[1].rank, -then[k], k[0]))
        return [
            QualityRow(
                code,
                severity,
                RULES[code].title,
                then[(code, severity)],
                None if now is None else now[(code, severity)],
            )
            for code, severity in keys
        ]


def build_evaluation(
    engine: Engine,
    key: str | None,
    version: int,
    *,
    as_of: date | None = None,
    made_on: date | None = None,
    lang: str = DEFAULT_LANG,
) -> Evaluation:
    """The evaluation of version ``version`` of the plan ``key`` (or the only plan) as of ``as_of``
    (default today). Raises koers.store.plans.PlanNotFound for a plan or version that is not stored."""
    day = as_of or date.today()
    judged = load_stored_plan(engine, key, version)
    latest = load_stored_plan(engine, judged.key)
    report = build_report(engine, judged, Period.on(day), made_on=made_on, lang=lang)
    then = Quality(judged.version, report.findings)  # the SMART check the report made of this version
    challenges = [
        ChallengeVerdict(c, [GoalVerdict(g, obstacles(g.assessment, then.findings)) for g in c.goals])
        for c in report.challenges
    ]
    later = latest.version > judged.version
    return Evaluation(
        report=report,
        challenges=challenges,
        then=then,
        now=Quality(latest.version, lint_plan(latest.plan, as_of=day, catalogue=bbv_catalogue())) if later else None,
        revision=Revision(latest.plan, latest.version, diff_plans(judged.plan, latest.plan)) if later else None,
    )
