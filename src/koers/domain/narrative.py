# SPDX-License-Identifier: EUPL-1.2
"""Concept explanations: a first plain-Dutch text per goal, written from the numbers.

The council report pairs every number with its story (*tellen en vertellen*). The story is
the policy adviser's to write; where none has been written yet, koers drafts one from the
assessment, in short sentences at language level B1, and the report marks it clearly as a
concept. It says what the numbers say and no more: no causes, no promises. How it opens and
closes depends on the status, and is declared with the status (koers.domain.status).
"""

from __future__ import annotations

from koers.domain.assessment import Assessment, Status
from koers.domain.formatting import estimate, format_value
from koers.domain.goals import Goal
from koers.domain.status import STATUSES
from koers.domain.target_words import target_words
from koers.domain.units import Unit
from koers.i18n import _

#: The statuses whose explanation says where the goal is heading.
_HEADING = (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK)


def concept_explanation(goal: Goal, assessment: Assessment, lang: str = "nl") -> str:
    """A concept text for ``goal`` from its ``assessment``, in Dutch (default) or English."""
    info = STATUSES[assessment.status]
    parts = [_(info.opening, lang)]
    latest, base, target = assessment.latest, assessment.baseline, assessment.target
    unit = goal.unit
    if latest is not None:
        parts.append(
            _(
                "De laatste meting ({period}) is {value}.",
                lang,
                period=latest.period.label(lang),
                value=_value(latest.value, unit, lang),
            )
        )
    if latest is not None and base is not None:
        parts.append(_compared(latest.value, base.value, base.period.label(lang), unit, lang))
    if target is not None and assessment.status in _HEADING:
        aim = target_words(goal, assessment.aim, lang)  # "maximaal 45%", "tussen 60% en 65%"
        parts.append(_towards(assessment, target.period.label(lang), unit, lang, aim))
    if info.closing:
        parts.append(_(info.closing, lang))
    return " ".join(parts)


def _compared(latest: float, base: float, base_period: str, unit: Unit | None, lang: str) -> str:
    if abs(latest - base) < 1e-9:
        return _("Dat is evenveel als bij de nulmeting in {period}.", lang, period=base_period)
    values = {"period": base_period, "value": _value(base, unit, lang)}
    if latest > base:
        return _("Dat is meer dan bij de nulmeting in {period} ({value}).", lang, **values)
    return _("Dat is minder dan bij de nulmeting in {period} ({value}).", lang, **values)


def _towards(assessment: Assessment, target_period: str, unit: Unit | None, lang: str, aim: str) -> str:
    forecast = assessment.forecast
    if forecast is not None:
        return _(
            "Als de lijn van de metingen doorzet, komt de waarde in {period} rond {about}. De streefwaarde is {aim}.",
            lang,
            period=target_period,
            about=_value(estimate(forecast.value, unit), unit, lang),
            aim=aim,
        )
    return _("De streefwaarde voor {period} is {aim}.", lang, period=target_period, aim=aim)


def _value(value: float, unit: Unit | None, lang: str) -> str:
    return format_value(value, unit, lang)
