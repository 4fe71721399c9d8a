# SPDX-License-Identifier: EUPL-1.2
"""Concept explanations: a first plain-Dutch text per goal, written from the numbers.

The council report pairs every number with its story (*tellen en vertellen*). The story is
the policy adviser's to write; where none has been written yet, koers drafts one from the
assessment, in short sentences at language level B1, and the report marks it clearly as a
concept. It says what the numbers say and no more: no causes, no promises.
"""

from __future__ import annotations

from koers.domain.assessment import Assessment, Status
from koers.domain.formatting import format_value
from koers.domain.goals import Goal
from koers.domain.units import Unit


def concept_explanation(goal: Goal, assessment: Assessment, lang: str = "nl") -> str:
    """A concept text for ``goal`` from its ``assessment``, in Dutch (default) or English."""
    nl = lang == "nl"
    parts = [_opening(assessment.status, nl)]
    latest, base, target = assessment.latest, assessment.baseline, assessment.target
    unit = goal.unit
    if latest is not None:
        parts.append(
            f"De laatste meting ({latest.period.label(lang)}) is {_value(latest.value, unit, lang)}."
            if nl
            else f"The latest measurement ({latest.period.label(lang)}) is {_value(latest.value, unit, lang)}."
        )
    if latest is not None and base is not None:
        parts.append(_compared(latest.value, base.value, base.period.label(lang), unit, lang))
    if target is not None and assessment.status in (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK):
        bound = BOUNDS.get(goal.direction.value if goal.direction else "", ("", ""))[0 if nl else 1]
        parts.append(_towards(assessment, target.value, target.period.label(lang), unit, lang, bound))
    closing = _closing(assessment.status, nl)
    if closing:
        parts.append(closing)
    return " ".join(parts)


OPENINGS = {
    Status.ACHIEVED: ("Dit doel is gehaald.", "This goal has been achieved."),
    Status.ON_TRACK: ("Dit doel ligt op koers.", "This goal is on track."),
    Status.AT_RISK: (
        "Dit doel komt dichterbij, maar minder snel dan nodig.",
        "This goal is coming closer, but more slowly than needed.",
    ),
    Status.OFF_TRACK: ("Dit doel ligt niet op koers.", "This goal is off track."),
    Status.NO_BASELINE: (
        "We kunnen nog niet zeggen of dit doel op koers ligt, want er is geen nulmeting.",
        "We cannot say yet whether this goal is on track, because there is no baseline.",
    ),
    Status.BASELINE_PENDING: (
        "De nulmeting van dit doel komt nog. Daarna kunnen we de voortgang volgen.",
        "The baseline of this goal is still to come. Then progress can be followed.",
    ),
    Status.NO_TARGET: (
        "Dit doel heeft geen streefwaarde met een jaartal. Daarom is het niet te beoordelen.",
        "This goal has no target with a year, so it cannot be judged.",
    ),
    Status.NO_DATA: (
        "Er zijn nog geen nieuwe cijfers, terwijl die er wel hadden moeten zijn.",
        "There are no new figures yet, although they were due.",
    ),
    Status.NOT_YET_MEASURABLE: (
        "Er is nog geen nieuwe meting. Het meetinstrument meet niet vaker.",
        "There is no new measurement yet. The instrument does not measure more often.",
    ),
}

CLOSINGS = {
    Status.AT_RISK: (
        "Extra aandacht is nodig om de streefwaarde te halen.",
        "Extra attention is needed to reach the target.",
    ),
    Status.OFF_TRACK: (
        "Zonder bijsturing halen we de streefwaarde waarschijnlijk niet.",
        "Without a change of course, the target will probably not be reached.",
    ),
    Status.NO_BASELINE: (
        "Een nulmeting is nodig om dit doel te kunnen volgen.",
        "A baseline is needed to follow this goal.",
    ),
    Status.NO_DATA: ("Vraag de cijfers op bij de bron.", "Ask the source for the figures."),
}


def _opening(status: Status, nl: bool) -> str:
    return OPENINGS[status][0 if nl else 1]


def _closing(status: Status, nl: bool) -> str:
    pair = CLOSINGS.get(status)
    return "" if pair is None else pair[0 if nl else 1]


def _compared(latest: float, base: float, base_period: str, unit: Unit | None, lang: str) -> str:
    nl = lang == "nl"
    if abs(latest - base) < 1e-9:
        return (
            f"Dat is evenveel als bij de nulmeting in {base_period}."
            if nl
            else f"That is the same as at the baseline in {base_period}."
        )
    word = ("meer" if latest > base else "minder") if nl else ("more" if latest > base else "less")
    return (
        f"Dat is {word} dan bij de nulmeting in {base_period} ({_value(base, unit, lang)})."
        if nl
        else f"That is {word} than at the baseline in {base_period} ({_value(base, unit, lang)})."
    )


BOUNDS = {"at-most": ("maximaal ", "at most "), "at-least": ("minimaal ", "at least ")}


def _towards(
    assessment: Assessment, target: float, target_period: str, unit: Unit | None, lang: str, bound: str
) -> str:
    nl = lang == "nl"
    aim = f"{bound}{_value(target, unit, lang)}"
    forecast = assessment.forecast
    if forecast is not None:
        about = _value(_rounded(forecast.value), unit, lang)
        return (
            f"Als de lijn van de metingen doorzet, komt de waarde in {target_period} rond {about}. "
            f"De streefwaarde is {aim}."
            if nl
            else f"If the trend of the measurements continues, the value in {target_period} will be about "
            f"{about}. The target is {aim}."
        )
    return f"De streefwaarde voor {target_period} is {aim}." if nl else f"The target for {target_period} is {aim}."


def _rounded(value: float) -> float:
    """A forecast is an estimate: whole numbers from 100 up, one decimal below."""
    return round(value) if abs(value) >= 100 else round(value, 1)


def _value(value: float, unit: Unit | None, lang: str) -> str:
    return format_value(value, unit, lang)
