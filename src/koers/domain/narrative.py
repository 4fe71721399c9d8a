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
from koers.domain.formatting import format_value
from koers.domain.goals import Goal
from koers.domain.status import STATUSES
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
        bound = f"{goal.direction.label(lang)} " if goal.direction and goal.direction.is_bound else ""  # "maximaal 45%"
        parts.append(_towards(assessment, target.value, target.period.label(lang), unit, lang, bound))
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


def _towards(
    assessment: Assessment, target: float, target_period: str, unit: Unit | None, lang: str, bound: str
) -> str:
    aim = f"{bound}{_value(target, unit, lang)}"
    forecast = assessment.forecast
    if forecast is not None:
        return _(
            "Als de lijn van de metingen doorzet, komt de waarde in {period} rond {about}. De streefwaarde is {aim}.",
            lang,
            period=target_period,
            about=_value(_rounded(forecast.value), unit, lang),
            aim=aim,
        )
    return _("De streefwaarde voor {period} is {aim}.", lang, period=target_period, aim=aim)


def _rounded(value: float) -> float:
    """A forecast is an estimate: whole numbers from 100 up, one decimal below."""
    return round(value) if abs(value) >= 100 else round(value, 1)


def _value(value: float, unit: Unit | None, lang: str) -> str:
    return format_value(value, unit, lang)
